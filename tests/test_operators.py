"""dlmath.operators: the property tests against numpy.linalg and direct formulas, the depth experiment
against a direct product of the matrices, and the catalogue's verdicts."""
import numpy as np
import pytest

from dlmath import catalogue, depth, ops
from dlmath import linalg as la
from dlmath import operators as op

rng = np.random.default_rng(11)


@pytest.mark.parametrize("shape", [(3, 3), (5, 2), (2, 6)])
def test_operator_norm_and_power_iteration_agree_with_numpy(shape):
    A = rng.normal(size=shape)
    assert la.operator_norm(A) == pytest.approx(np.linalg.norm(A, 2), rel=1e-12)
    sigma, history = la.power_iteration(A, steps=300)
    assert sigma == pytest.approx(np.linalg.norm(A, 2), rel=1e-8)
    assert np.all(history <= np.linalg.norm(A, 2) * (1 + 1e-12))  # ‖Av‖ for a unit v never exceeds σ_max


def test_condition_number_and_rank():
    A = rng.normal(size=(4, 4))
    assert la.condition_number(A) == pytest.approx(np.linalg.cond(A), rel=1e-10)
    singular = np.outer([1.0, 2.0, 3.0], [1.0, -1.0, 0.5])
    assert la.condition_number(singular) == float("inf")
    assert la.rank(singular) == np.linalg.matrix_rank(singular) == 1


def test_linearity_tests_tell_linear_affine_and_nonlinear_apart():
    W, b = rng.normal(size=(3, 4)), rng.normal(size=3)
    assert op.is_linear(lambda x: W @ x, (4,))
    assert not op.is_linear(lambda x: W @ x + b, (4,)) and op.is_affine(lambda x: W @ x + b, (4,))
    for f in (ops.relu, ops.tanh, ops.softmax):
        assert not op.is_linear(f, (4,)) and not op.is_affine(f, (4,))
    assert op.is_linear(ops.avg_pool2d, (4, 4)) and not op.is_linear(ops.max_pool2d, (4, 4))


def test_matrix_of_and_jacobian_against_direct_formulas():
    W, b = rng.normal(size=(3, 4)), rng.normal(size=3)
    np.testing.assert_allclose(op.matrix_of(lambda x: W @ x + b, (4,)), W, atol=1e-12)
    np.testing.assert_allclose(op.jacobian(lambda x: W @ x + b, rng.normal(size=4)), W, atol=1e-8)
    z = rng.normal(size=5)
    p = ops.softmax(z)
    np.testing.assert_allclose(op.jacobian(ops.softmax, z), np.diag(p) - np.outer(p, p), atol=1e-9)
    w = rng.normal(size=(3, 3))
    A = op.matrix_of(lambda x: ops.conv2d(x, w, padding=1), (5, 5))
    x = rng.normal(size=(5, 5))
    np.testing.assert_allclose(A @ x.ravel(), ops.conv2d(x, w, padding=1).ravel(), atol=1e-12)


def test_lipschitz_estimate_is_a_lower_bound_that_gets_close():
    A = rng.normal(size=(3, 3))
    est = op.lipschitz_estimate(lambda x: A @ x, (3,), pairs=2000)
    assert 0.9 * la.operator_norm(A) <= est <= la.operator_norm(A) * (1 + 1e-12)
    assert 0.99 <= op.lipschitz_estimate(ops.relu, (4,)) <= 1 + 1e-12
    assert 0.24 <= op.lipschitz_estimate(ops.sigmoid, (2,), pairs=2000) <= 0.25 + 1e-12


def test_equivariance():
    w = rng.normal(size=(3, 3))

    def centred(r):
        x = np.zeros((8, 8))
        x[2:6, 2:6] = r.normal(size=(4, 4))
        return x

    def shift(x):
        return np.roll(x, 1, axis=0)

    assert op.is_equivariant(lambda x: ops.conv2d(x, w, padding=1), shift, shift, centred)
    assert not op.is_equivariant(lambda x: ops.conv2d(x, w, padding=1), shift, lambda y: y, centred)
    assert not op.is_equivariant(ops.max_pool2d, shift, lambda y: y, centred)  # not invariant
    P = rng.permutation(5)
    assert op.is_equivariant(ops.softmax, lambda z: z[P], lambda p: p[P], lambda r: r.normal(size=5))


def test_signal_through_depth_is_the_product_of_the_layers():
    G = depth.random_layers(depth=6, width=10, seed=3)
    out = depth.signal_through_depth(1.3, depth=6, width=10, activation="identity", seed=3, batch=1)
    r = np.random.default_rng(4)
    x, g = r.normal(size=10), r.normal(size=10)
    a, norms = x, [1.0]
    for W in G:
        a = 1.3 * W @ a
        norms.append(np.linalg.norm(a) / np.linalg.norm(x))
    np.testing.assert_allclose(out["forward"], norms, rtol=1e-10)
    back = g
    for W in G[::-1]:
        back = 1.3 * W.T @ back
    assert out["gradient"][0] == pytest.approx(np.linalg.norm(back) / np.linalg.norm(g), rel=1e-10)
    assert out["gradient"][-1] == 1.0


@pytest.mark.parametrize("activation, small, critical, large", [("tanh", 0.5, 1.0, 3.0), ("relu", 0.7, 2 ** 0.5, 2.5)])
def test_gradients_vanish_below_and_explode_above_the_critical_scale(activation, small, critical, large):
    g = {s: depth.signal_through_depth(s, activation=activation)["gradient"][0] for s in (small, critical, large)}
    assert g[small] < 1e-6 and 1e-2 < g[critical] < 1e2 and g[large] > 1e3
    assert [depth.regime(s, activation) for s in (small, critical, large)] == ["vanishing", "stable", "exploding"]


def test_critical_scales_and_gradient_factors():
    assert depth.critical_scale("identity") == pytest.approx(1.0, rel=1e-9)
    assert depth.critical_scale("tanh") == pytest.approx(1.0, rel=1e-6)
    assert depth.critical_scale("relu") == pytest.approx(np.sqrt(2), rel=1e-9)
    for s in (0.5, 1.7):
        assert depth.gradient_factor(s, "relu") == pytest.approx(s ** 2 / 2, rel=1e-9)
        assert depth.gradient_factor(s, "identity") == pytest.approx(s ** 2, rel=1e-12)
    with pytest.raises(ValueError, match="unknown activation"):
        depth.gradient_factor(1.0, "swish")


def test_catalogue_verdicts_are_computed():
    rows = {r["operator"]: r for r in catalogue.catalogue(seed=0, points=3, pairs=100)}
    assert rows["dense z = Wx + b"]["linear?"] == "affine"
    assert rows["ReLU"]["linear?"] == "no" and rows["ReLU"]["invertible?"].startswith("no")
    assert rows["average pooling 2×2"]["linear?"] == "yes" and rows["average pooling 2×2"]["‖A‖₂ exact"] == "0.5"
    assert rows["dropout p = ½ (one draw)"]["‖A‖₂ exact"] == "2"  # the kept units are scaled by 1/(1 − p)
    assert "invariant to 1 px ✗" in rows["max pooling 2×2"]["symmetry"]
    assert "shift 1 px ✓" in rows["conv 3×3, padding 1"]["symmetry"]
    assert "invariant to z + c ✓" in rows["softmax"]["symmetry"] and "invariant to 2z ✗" in rows["softmax"]["symmetry"]
    assert rows["batch norm, training"]["linear?"] == "no" and rows["batch norm, evaluation"]["linear?"] == "affine"
    bn = [float(v) for v in rows["batch norm, training"]["max ‖J‖₂ at |x|~0.1/1/10"].split(" / ")]
    assert bn[0] > 10 * bn[2]  # scale-invariant: the slope grows as the batch shrinks
    glu = [float(v) for v in rows["GLU a ⊙ σ(b)"]["max ‖J‖₂ at |x|~0.1/1/10"].split(" / ")]
    assert glu[2] > glu[0]  # not globally Lipschitz
    att = rows["self-attention (4 tokens × 3)"]
    assert att["linear?"] == "no" and att["symmetry"] == "reorder the tokens ✓"
    other = {r["operator"]: r for r in catalogue.catalogue(seed=1, points=3, pairs=100)}
    assert other["dense z = Wx + b"]["‖A‖₂ exact"] != rows["dense z = Wx + b"]["‖A‖₂ exact"]


def test_markdown_table():
    text = catalogue.markdown_table([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    assert text.splitlines() == ["| a | b |", "|---|---|", "| 1 | x |", "| 2 | y |"]


def test_shape_errors():
    with pytest.raises(ValueError, match=r"shape \(m, n\)"):
        la.operator_norm(np.ones(3))
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        ops.dropout_mask(3, 1.5, rng)
