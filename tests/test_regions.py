"""dlmath.regions: the exact partition into linear regions against Zaslavsky's count, the published
bounds, a brute-force grid of activation patterns, and the network itself."""
from math import comb

import numpy as np
import pytest

from dlmath.models import MLP
from dlmath import regions as R


def random_net(widths, seed, n0=2, bias=1.0, n_out=1):
    """A ReLU MLP with random weights and random biases (MLP starts biases at 0, which puts every
    first-layer hyperplane through the origin — not general position)."""
    net = MLP((n0, *widths, n_out), hidden="relu", output="identity", seed=seed)
    rng = np.random.default_rng(1000 + seed)
    for b in net.b:
        b[:] = rng.normal(0.0, bias, b.shape)
    return net


def box_around_intersections(W, b, margin=1.0):
    """A box holding every intersection point of the lines W[j]·x + b[j] = 0 (and, for one line, a
    point of it), with a margin: then every region of the arrangement meets the box."""
    n = len(b)
    if n == 1:
        pts = [-b[0] * W[0] / (W[0] @ W[0])]
    else:
        pts = [np.linalg.solve(W[[i, j]], -b[[i, j]]) for i in range(n) for j in range(i + 1, n)]
    pts = np.array(pts)
    lo, hi = pts.min(axis=0) - margin, pts.max(axis=0) + margin
    return (lo[0], hi[0], lo[1], hi[1])


def interior_points(poly, rng, k=5):
    """k random points strictly inside a convex polygon (convex combinations with positive weights)."""
    weights = rng.dirichlet(np.ones(len(poly)), size=k)
    return weights @ poly


def perimeter(poly):
    return float(np.sum(np.linalg.norm(np.roll(poly, -1, axis=0) - poly, axis=1)))


# ---------------------------------------------------------------- one hidden layer: Zaslavsky

@pytest.mark.parametrize("n1", [1, 2, 3, 4, 5, 7, 10])
@pytest.mark.parametrize("seed", range(4))
def test_one_layer_count_equals_zaslavsky_in_a_box_holding_every_intersection(n1, seed):
    net = random_net((n1,), seed)
    box = box_around_intersections(net.W[0], net.b[0])
    assert R.count_regions(net, box) == R.zaslavsky(2, n1) == sum(comb(n1, i) for i in range(3))


def test_a_box_missing_intersections_has_fewer_regions():
    net = random_net((6,), 3)
    box = box_around_intersections(net.W[0], net.b[0])
    x0, x1, y0, y1 = box
    small = (x0, (x0 + x1) / 2, y0, (y0 + y1) / 2)
    assert R.count_regions(net, small) < R.zaslavsky(2, 6)


def test_parallel_lines_are_not_in_general_position():
    """Three parallel lines make 4 regions, not Σ C(3, i) = 7."""
    W = np.array([[1.0, 0.0], [2.0, 0.0], [-1.0, 0.0]])
    b = np.array([0.5, 0.0, 0.5])  # x = −0.5, 0, 0.5
    net = [(W, b), (np.ones((1, 3)), np.zeros(1))]
    assert R.count_regions(net, (-1, 1, -1, 1)) == 4 < R.zaslavsky(2, 3)


# ---------------------------------------------------------------- deeper nets: the bounds

@pytest.mark.parametrize("widths", [(3, 3), (4, 4), (2, 6), (6, 2), (3, 3, 3), (5, 5, 5), (4, 4, 4, 4)])
@pytest.mark.parametrize("seed", range(3))
def test_deeper_nets_never_exceed_serra_bound(widths, seed):
    net = random_net(widths, seed, bias=0.5)
    count = R.count_regions(net, (-3, 3, -3, 3))
    assert 1 <= count <= R.serra_upper(2, widths)


def test_the_bounds_agree_with_each_other_and_with_zaslavsky():
    for n0 in (1, 2, 3, 4):
        for n1 in range(1, 9):
            assert R.serra_upper(n0, (n1,)) == R.zaslavsky(n0, n1)  # tight for one layer
    for widths in [(2, 2), (4, 4), (6, 6, 6), (4, 8, 6)]:
        lower, upper = R.montufar_lower(2, widths), R.serra_upper(2, widths)
        product_bound = np.prod([R.zaslavsky(2, n) for n in widths])  # each layer's own Zaslavsky
        assert lower <= upper <= product_bound
    # a 1-wide layer in front leaves one dimension: j_2 ≤ min(n0, 1 − j_1)
    assert R.serra_upper(2, (1, 5)) == 1 * (1 + 5) + 1 * 1
    with pytest.raises(ValueError, match="width ≥ n0"):
        R.montufar_lower(3, (2, 5))


# ---------------------------------------------------------------- agreement with brute force

@pytest.mark.parametrize("widths,seed", [((5,), 0), ((4, 4), 1), ((3, 4, 3), 2), ((6, 6), 3)])
def test_exact_partition_agrees_with_a_grid_of_patterns_up_to_thin_regions(widths, seed):
    net = random_net(widths, seed, bias=0.5)
    box, res = (-2, 2, -2, 2), 300
    regions = R.partition(net, box)
    exact = {tuple(r.pattern) for r in regions}
    grid = {tuple(p) for p in R.activation_pattern(net, R.grid_points(box, res))}
    assert len(exact) == len(regions)  # one region per pattern (each pattern's set is convex)
    assert grid <= exact  # the grid finds nothing the partition lacks
    diagonal = np.hypot(4 / res, 4 / res)
    missed = [r for r in regions if tuple(r.pattern) not in grid]
    for r in missed:  # a region holding a disc of radius diagonal/2 holds a grid centre; r ≥ A/P
        assert 2 * R.polygon_area(r.polygon) / perimeter(r.polygon) < diagonal
    assert len(missed) <= len(regions) // 10


def test_the_regions_tile_the_box():
    net = random_net((4, 5), 4, bias=0.5)
    box = (-1.5, 2.0, -1.0, 1.0)
    areas = [R.polygon_area(r.polygon) for r in R.partition(net, box)]
    assert min(areas) > 0
    assert sum(areas) == pytest.approx(3.5 * 2.0, rel=1e-12)


@pytest.mark.parametrize("widths,seed", [((6,), 0), ((4, 4), 1), ((3, 5, 4), 2)])
def test_each_region_affine_map_reproduces_the_network_inside_it(widths, seed):
    rng = np.random.default_rng(seed)
    net = random_net(widths, seed, bias=0.5, n_out=3)
    for r in R.partition(net, (-2, 2, -2, 2)):
        x = interior_points(r.polygon, rng)
        np.testing.assert_allclose(R.forward(net, x), x @ r.A.T + r.c, rtol=1e-10, atol=1e-12)
        np.testing.assert_array_equal(R.activation_pattern(net, x), np.tile(r.pattern, (len(x), 1)))
        np.testing.assert_allclose(R.affine_map(net, r.pattern)[0], r.A)


def test_forward_is_the_mlp_logits():
    net = random_net((4, 3), 5, n_out=2)
    x = np.random.default_rng(0).normal(size=(20, 2))
    np.testing.assert_allclose(R.forward(net, x), net.forward(x))  # output='identity': a^L = z^L


# ---------------------------------------------------------------- the pieces of the picture

def test_relu_is_a_diagonal_matrix_times_its_input():
    z = np.array([1.5, -2.0, 0.0, 3.0, -1e-300])
    D = R.relu_as_matrix(z)
    np.testing.assert_array_equal(D @ z, np.maximum(z, 0))
    np.testing.assert_array_equal(np.diag(D), [1, 0, 0, 1, 0])
    assert np.count_nonzero(D - np.diag(np.diag(D))) == 0


def test_side_is_strictly_positive_half_space():
    W, b = np.array([[1.0, -1.0]]), np.array([0.5])
    x = np.array([[0.0, 0.0], [0.0, 0.5], [0.0, 2.0]])  # w·x + b = 0.5, 0, −1.5
    np.testing.assert_array_equal(R.side(W, b, x)[:, 0], [1, 0, 0])


def test_in_the_dead_region_the_network_is_constant():
    W1 = np.array([[1.0, 0.0], [0.0, 1.0]])
    b1 = np.array([-0.5, -0.5])  # both off where x < 0.5 and y < 0.5
    net = [(W1, b1), (np.array([[2.0, -3.0]]), np.array([0.7]))]
    dead = [r for r in R.partition(net) if r.dead]
    assert len(dead) == 1
    np.testing.assert_array_equal(dead[0].A, 0.0)  # Jacobian zero
    x = interior_points(dead[0].polygon, np.random.default_rng(0), 10)
    np.testing.assert_allclose(R.forward(net, x), 0.7)


def test_a_deeper_unit_bends_at_region_borders():
    """A second-layer unit's zero set is a straight line inside each first-layer region, but with a
    different direction in each: the partition has a vertex where it crosses a first-layer line."""
    W1, b1 = np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([0.0, 0.0])
    W2, b2 = np.array([[1.0, -2.0]]), np.array([0.5])  # relu(x) − 2 relu(y) + 0.5
    net = [(W1, b1), (W2, b2), (np.ones((1, 1)), np.zeros(1))]
    regions = R.partition(net, (-1, 1, -1, 1))
    # quadrant x > 0, y > 0: the cut is x − 2y + 0.5 = 0; x ≤ 0, y > 0: −2y + 0.5 = 0 (y = 1/4);
    # x > 0, y ≤ 0: x + 0.5 > 0 and x ≤ 0, y ≤ 0: 0.5 > 0, no cut. The two pieces meet at (0, 1/4).
    assert len(regions) == 6
    by_pattern = {"".join(map(str, r.pattern)): r for r in regions}
    assert set(by_pattern) == {"001", "010", "011", "101", "110", "111"}
    corner = [tuple(np.round(v, 12)) for v in by_pattern["110"].polygon]
    assert (0.0, 0.25) in corner and (1.0, 0.75) in corner
    np.testing.assert_allclose(by_pattern["111"].A, [[1.0, -2.0]])
    np.testing.assert_allclose(by_pattern["011"].A, [[0.0, -2.0]])  # the cut there: −2y + 0.5 = 0


def test_layer_hyperplanes_are_the_weighted_inputs_inside_a_region():
    rng = np.random.default_rng(2)
    net = random_net((4, 3, 3), 6, bias=0.5)
    normals, offsets = R.layer_hyperplanes(net, 1)
    np.testing.assert_array_equal(normals, net.W[0])
    for r in R.partition(net, (-2, 2, -2, 2)):
        x = interior_points(r.polygon, rng, 3)
        a = x
        for layer in (1, 2, 3):
            normals, offsets = R.layer_hyperplanes(net, layer, r.pattern[:sum(net.sizes[1:layer])])
            z = a @ net.W[layer - 1].T + net.b[layer - 1]
            np.testing.assert_allclose(x @ normals.T + offsets, z, atol=1e-12)
            a = np.maximum(z, 0)
    with pytest.raises(ValueError, match="one 0/1 entry per unit of layers 1 … 1"):
        R.layer_hyperplanes(net, 2, [1, 0])


def test_dynamic_rank_is_the_rank_of_W_times_D():
    W = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0], [1.0, 0.0, -2.0]])  # rank 2
    assert np.linalg.matrix_rank(W) == 2
    assert R.dynamic_rank(W, [1, 1, 1]) == 2
    assert R.dynamic_rank(W, [1, 0, 0]) == 1
    assert R.dynamic_rank(W, [1, 0, 1]) == 2
    assert R.dynamic_rank(W, [0, 0, 0]) == 0
    with pytest.raises(ValueError, match=r"shape \(n_out, 2\)"):
        R.dynamic_rank(W, [1, 0])


def test_a_unit_whose_hyperplane_misses_the_cube_is_redundant_there():
    rng = np.random.default_rng(3)
    W1, b1 = rng.normal(size=(4, 2)), rng.normal(size=4) * 0.1
    W1[2], b1[2] = [1.0, 1.0], -3.0  # x + y = 3 misses U = [0, 1]², and the unit is off on U
    U = np.array([[0.0, 1.0], [0.0, 1.0]])
    assert not R.hyperplane_meets_box(W1[2], b1[2], U)
    assert R.hyperplane_meets_box([1.0, 1.0], -1.0, U)
    W2, b2 = rng.normal(size=(1, 4)), rng.normal(size=1)
    full = [(W1, b1), (W2, b2)]
    keep = [0, 1, 3]
    pruned = [(W1[keep], b1[keep]), (W2[:, keep], b2)]
    x = rng.uniform(0, 1, size=(500, 2))
    np.testing.assert_allclose(R.forward(full, x), R.forward(pruned, x))
    assert R.count_regions(full) == R.count_regions(pruned)


def test_argmax_regions_give_the_predicted_class():
    rng = np.random.default_rng(1)
    net = random_net((5,), 2, n_out=3)
    for r in R.partition(net, (-2, 2, -2, 2)):
        pieces = R.argmax_regions(r.polygon, r.A, r.c)
        assert sum(R.polygon_area(p) for _, p in pieces) == pytest.approx(R.polygon_area(r.polygon), rel=1e-9)
        for k, p in pieces:
            x = interior_points(p, rng, 3)
            assert np.all(np.argmax(R.forward(net, x), axis=1) == k)
    W, b = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([0.0, 1.0, 2.0])
    planes = R.pairwise_hyperplanes(W, b)
    assert [(k, i) for k, i, _, _ in planes] == [(0, 1), (0, 2), (1, 2)]
    np.testing.assert_allclose(planes[1][2], [0.0, -1.0])
    assert planes[1][3] == -2.0


def test_segment_regions_are_exact_along_a_line_in_any_dimension():
    net = random_net((6, 5), 7, n0=4, bias=0.5)
    rng = np.random.default_rng(0)
    p, q = rng.normal(size=4) * 2, rng.normal(size=4) * 2
    segs = R.segment_regions(net, p, q)
    ts = np.array([r.shape for r in segs])
    assert ts[0, 0] == 0.0 and ts[-1, 1] == pytest.approx(1.0)
    assert np.sum(ts[:, 1] - ts[:, 0]) == pytest.approx(1.0)
    x = p + np.linspace(0, 1, 20001)[:, None] * (q - p)
    assert R.count_patterns(net, x) <= len(segs)
    for r in segs:
        t = r.shape.mean()
        xm = p + t * (q - p)
        np.testing.assert_allclose(R.forward(net, xm)[0], r.A @ xm + r.c, atol=1e-12)
        np.testing.assert_array_equal(R.activation_pattern(net, xm)[0], r.pattern)


def test_clear_errors():
    with pytest.raises(ValueError, match="ReLU"):
        R.partition(MLP((2, 3, 1), hidden="sigmoid"))
    with pytest.raises(ValueError, match="takes 3 inputs"):
        R.partition(random_net((3,), 0, n0=3))
    with pytest.raises(ValueError, match=r"shape \(N, 2\)"):
        R.activation_pattern(random_net((3,), 0), np.zeros((4, 3)))
    with pytest.raises(ValueError, match="min < max"):
        R.partition(random_net((3,), 0), (1, 0, 0, 1))
    with pytest.raises(ValueError, match="one 0/1 entry per hidden unit"):
        R.affine_map(random_net((3,), 0), [1, 0])


@pytest.mark.parametrize("scale", [1e-8, 1e8])
def test_scaling_a_layer_leaves_its_hyperplanes_and_the_count_unchanged(scale):
    """ReLU(s z) = s ReLU(z) for s > 0: scaling W¹ and b¹ moves no line, at extreme scales too."""
    net = random_net((5, 4), 8, bias=0.5)
    scaled = [(net.W[0] * scale, net.b[0] * scale), (net.W[1] / scale, net.b[1]), (net.W[2], net.b[2])]
    box = (-2, 2, -2, 2)
    original = sorted(tuple(r.pattern) for r in R.partition(net, box))
    assert sorted(tuple(r.pattern) for r in R.partition(scaled, box)) == original
    x = np.random.default_rng(0).uniform(-2, 2, (50, 2))
    np.testing.assert_allclose(R.forward(scaled, x), R.forward(net, x), rtol=1e-9, atol=1e-12)


def test_a_unit_with_no_outgoing_weight_splits_regions_but_not_pieces():
    net = [(np.eye(2), np.array([-0.5, -0.5])), (np.array([[1.0, 0.0]]), np.zeros(1))]  # unit 2 is ignored
    regions = R.partition(net)
    pieces = R.linear_pieces(regions)
    assert len(regions) == 4 and len(pieces) == 2
    for piece in pieces:
        assert all(np.allclose(r.A, piece[0].A) and np.allclose(r.c, piece[0].c) for r in piece)


def test_pieces_never_outnumber_regions_and_touching_pieces_differ():
    from dlmath.course.exercises import ch11 as c
    regions = R.partition(c.TINY)
    pieces = R.linear_pieces(regions)
    assert len(pieces) == 11 < len(regions) == 17
    for k, p in enumerate(pieces):
        for q in pieces[:k]:
            if any(R.polygons_touch(a.polygon, b.polygon) for a in p for b in q):
                assert not (np.allclose(p[0].A, q[0].A) and np.allclose(p[0].c, q[0].c))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_one_hidden_layer_in_general_position_has_as_many_pieces_as_regions(seed):
    regions = R.partition(R.random_relu_net(2, (5,), seed=seed))
    assert len(R.linear_pieces(regions)) == len(regions)
