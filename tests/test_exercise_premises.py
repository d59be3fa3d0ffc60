"""What the exercises take for granted holds, and their data tell the typical mistakes apart.

Every declared mistake of a Number or Array exercise must be a different value from the answer (or the
mistake would pass) and from every other declared mistake with another hint (or one hint would hide the
other). Premises an exercise text states are computed here from the exercise's own data."""
import numpy as np
import pytest

from dlmath import regions as R
from dlmath.course import exercises
from dlmath.course.checks import Array, Number, close

VALUED = [(i, k) for i, k in exercises.EXERCISES.items() if isinstance(k, (Number, Array))]


def same(a, b, kind):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and close(a, b, kind.rtol, kind.atol)


@pytest.mark.parametrize("exercise_id, kind", VALUED, ids=[i for i, _ in VALUED])
def test_every_declared_mistake_is_a_value_of_its_own(exercise_id, kind):
    for value, hint in kind.wrong:
        assert not same(value, kind.expected, kind), f"the mistake '{hint[:50]}…' gives the answer itself"
    for k, (a, hint_a) in enumerate(kind.wrong):
        for b, hint_b in kind.wrong[k + 1:]:
            if hint_a != hint_b:
                assert not same(a, b, kind), f"two mistakes give one value: '{hint_a[:40]}…' and '{hint_b[:40]}…'"


# ---------------------------------------------------------------- chapter 11

def test_11_the_side_points_are_on_both_sides_and_one_on_the_hyperplane():
    from dlmath.course.exercises import ch11 as c
    assert sorted(np.sign(c.SIDE_Z)) == [-1, 0, 1, 1]
    assert np.any((c.SIDE_Z > 0) & (c.SIDE_Z < 1)) and np.any(c.SIDE_Z > 1)  # ReLU, clip and I(z) differ


def test_11_the_pattern_point_is_not_symmetric_and_its_region_has_units_on_and_off():
    from dlmath.course.exercises import ch11 as c
    swapped = (c.W1 @ c.X[::-1] + c.B1 > 0).astype(float)
    assert not np.array_equal(swapped, c.PATTERN) and 0 < c.PATTERN.sum() < len(c.PATTERN)


def test_11_the_dead_region_exists_and_the_section_3_network_has_none():
    from dlmath.course.exercises import ch11 as c
    assert np.array_equal(R.activation_pattern(c.DEAD_NET, c.DEAD_POINT), [[0, 0]])
    assert any(r.dead for r in R.partition(c.DEAD_NET, (-1.0, 1.0, -1.0, 1.0)))
    section3 = [(c.W1, c.B1), (c.W2, c.B2)]
    assert not any(r.dead for r in R.partition(section3, (-50.0, 50.0, -50.0, 50.0)))


# ---------------------------------------------------------------- chapter 08

def test_08_output_size_the_floor_matters_and_the_plus_one_inside_it_is_not_the_answer():
    from dlmath.course.exercises import ch08 as c
    n = c.SIZE["H"] + 2 * c.SIZE["padding"] - c.SIZE["k"]
    assert n % c.SIZE["stride"] != 0                                      # rounding up is a mistake of its own
    assert (n + 1) // c.SIZE["stride"] != c.OUT_SIZE                      # the + 1 inside the floor is not it


# ---------------------------------------------------------------- chapter 07

def test_07_the_rounded_outputs_and_sigma_of_z_give_the_same_four_decimals():
    from dlmath.course.exercises import ch07 as c
    exact = np.outer(c.DELTA_W, 1 / (1 + np.exp(-c.Z_PREV)))
    assert np.max(np.abs(exact - c.DW)) < 1e-4 / 2


# ---------------------------------------------------------------- chapters 09 and 10

def test_10_the_span_the_invariant_subspace_and_the_defective_zero():
    from dlmath import linalg as la
    a1, a2, v = np.array([1.0, 2, 3]), np.array([0.0, 1, 1]), np.array([1.0, 4, 5])
    assert np.allclose(a1 + 2 * a2, v) and la.rank(np.column_stack([a1, a2])) == 2
    A = np.array([[2.0, 1, 0], [0, 2, 0], [0, 0, 3]])
    e = np.eye(3)
    in_span = lambda x, *basis: la.rank(np.column_stack([*basis, x])) == la.rank(np.column_stack(basis))  # noqa: E731
    assert in_span(A @ e[0], e[0], e[1]) and in_span(A @ e[1], e[0], e[1])          # (b) is invariant
    assert not in_span(A @ e[1], e[1]) and not in_span(A @ e[1], e[1], e[2])      # (a), (c) are not
    assert not in_span(A @ (e[0] + e[2]), e[0] + e[2])                             # (d) is not
    M = np.array([[0.0, 1, 0], [0, 0, 0], [0, 0, 2]])
    assert la.rank(M) == 2 and la.rank(M @ M) == 1
    assert la.spectral_radius(np.array([[0.5, 2.0], [-0.5, 0.5]])) > 1


def test_09_the_identity_is_the_one_non_compact_option_and_the_stack_bound():
    from dlmath import ops
    assert float(ops.sigmoid_derivative(0.0)) == 0.25 == float(np.max(ops.sigmoid_derivative(np.linspace(-9, 9, 1001))))
    z = np.array([1.0, 2.0, 3.0])
    change = ops.softmax(z + np.array([0.5, 0, 0])) - ops.softmax(z)
    assert change[0] > 0 and np.all(change[1:] < 0)


def test_08_every_pooling_window_of_the_delta_exercise_has_one_maximum():
    from dlmath.course.exercises import ch08 as c
    for i in range(2):
        for j in range(2):
            window = c.CD_A[2 * i:2 * i + 2, 2 * j:2 * j + 2]
            assert np.sum(window == window.max()) == 1


def test_11_the_bent_line_has_a_piece_in_the_asked_region_and_bends_on_unit_2s_line():
    from dlmath.course.exercises import ch11 as c
    a1, a2, c0 = c.BENT_PIECE
    point = np.array([0.6, 0.9])                        # unit 1 on (x₁ + x₂ > 1), unit 2 off (x₁ ≤ x₂)
    assert np.array_equal(R.activation_pattern(c.BENT_NET[:1] + [(np.ones((1, 2)), np.zeros(1))], point), [[1, 0]])
    on_line = np.array([0.5, 1.0])                      # 2·0.5 + 2·1 − 3 = 0, and in the region
    assert abs(a1 * on_line[0] + a2 * on_line[1] + c0) < 1e-12 and on_line.sum() > 1 and on_line[0] <= on_line[1]
    both_on = R.layer_hyperplanes(c.BENT_NET, 2, (1, 1))
    bend = np.array([0.75, 0.75])                       # on unit 2's line x₁ = x₂: both pieces meet there
    assert abs(np.array([a1, a2]) @ bend + c0) < 1e-12 and abs(both_on[0][0] @ bend + both_on[1][0]) < 1e-12
