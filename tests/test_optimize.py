"""dlmath.optimize: gradient descent, the quadratic bowl and its 2/λ_max threshold."""
import warnings

import numpy as np
import pytest
import sympy as sp

from dlmath import optimize as opt
from dlmath.calculus import gradient as numerical_gradient


def random_spd(n, seed, low=1.0, high=20.0):
    """A symmetric matrix with curvatures spread over [low, high] along random perpendicular axes."""
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    A = Q @ np.diag(np.linspace(low, high, n)) @ Q.T
    return (A + A.T) / 2


BOWLS = [opt.Quadratic(6.0, center=2.0),
         opt.Quadratic([[5.5, 4.5], [4.5, 5.5]]),
         opt.Quadratic([[2.0, 0.0], [0.0, 20.0]], center=[1.0, -3.0]),
         opt.Quadratic(random_spd(10, seed=1), center=np.random.default_rng(2).normal(size=10))]


@pytest.fixture
def no_warnings():
    """Any warning inside the test becomes an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


# ---------------------------------------------------------------- the quadratic bowl

@pytest.mark.parametrize("bowl", BOWLS, ids=lambda b: f"n={b.n}")
def test_quadratic_gradient_matches_central_differences(bowl):
    rng = np.random.default_rng(3)
    for x in rng.uniform(-3, 3, size=(5, bowl.n)):
        np.testing.assert_allclose(bowl.grad(x), numerical_gradient(bowl.f, x), rtol=1e-6, atol=1e-6)


def test_quadratic_matches_sympy():
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    c = np.array([0.5, -1.0])
    x, y = sp.symbols("x y")
    d = sp.Matrix([x - c[0], y - c[1]])
    f_sym = sp.Rational(1, 2) * (d.T * sp.Matrix(A) * d)[0]
    grad_sym = sp.lambdify((x, y), [sp.diff(f_sym, v) for v in (x, y)])
    f_num = sp.lambdify((x, y), f_sym)
    bowl = opt.Quadratic(A, center=c)
    for p in [(0.0, 0.0), (1.5, -2.0), (-0.3, 0.7)]:
        np.testing.assert_allclose(bowl.grad(np.array(p)), grad_sym(*p), rtol=1e-12)
        assert float(bowl.f(np.array(p))) == pytest.approx(f_num(*p), rel=1e-12)


def test_quadratic_takes_stacks_of_points_and_has_its_minimum_at_the_center():
    bowl = BOWLS[2]
    pts = np.random.default_rng(4).normal(size=(7, 3, 2))
    assert bowl.f(pts).shape == (7, 3) and bowl.grad(pts).shape == (7, 3, 2)
    np.testing.assert_allclose(bowl.f(pts)[2, 1], bowl.f(pts[2, 1]))
    assert float(bowl.f(bowl.minimiser)) == 0.0
    np.testing.assert_array_equal(bowl.grad(bowl.minimiser), [0.0, 0.0])
    assert np.all(bowl.f(pts) > 0)


def test_largest_stable_eta_is_two_over_the_largest_curvature():
    assert opt.largest_stable_eta(6.0) == pytest.approx(1 / 3)
    assert opt.largest_stable_eta([[2.0, 0.0], [0.0, 20.0]]) == pytest.approx(0.1)
    A = random_spd(6, seed=5, low=0.5, high=8.0)
    assert opt.largest_stable_eta(A) == pytest.approx(2 / np.max(np.linalg.eigvalsh(A)))
    assert opt.Quadratic(A).largest_stable_eta == pytest.approx(0.25)


def test_contraction_crosses_one_at_the_threshold():
    A = random_spd(4, seed=6)
    limit = opt.largest_stable_eta(A)
    assert opt.contraction(A, 0.99 * limit) < 1 < opt.contraction(A, 1.01 * limit)
    assert opt.contraction(A, 2 / (1 + 20)) == pytest.approx(19 / 21)  # the best η balances λ_min and λ_max


@pytest.mark.parametrize("A, message", [
    ([[1.0, 2.0], [0.0, 1.0]], "symmetric"),
    ([[1.0, 2.0, 3.0]], "square matrix of shape (n, n)"),
    ([[-1.0, 0.0], [0.0, -2.0]], "no minimum"),
    (0.0, "no minimum"),
    ([[1.0, np.nan], [np.nan, 1.0]], "finite"),
    ("A", "must be a number or an array"),
])
def test_bad_curvature_matrices_are_named(A, message):
    with pytest.raises((ValueError, TypeError), match=message.replace("(", r"\(").replace(")", r"\)")):
        opt.largest_stable_eta(A)


def test_bad_bowl_inputs_name_the_expected_shape():
    with pytest.raises(ValueError, match=r"center must have shape \(2,\)"):
        opt.Quadratic(np.eye(2), center=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"x must have shape \(2,\)"):
        BOWLS[1].f(np.zeros(3))
    with pytest.raises(TypeError, match="x must be"):
        BOWLS[1].grad("origin")


# ---------------------------------------------------------------- gradient descent

@pytest.mark.parametrize("bowl", BOWLS, ids=lambda b: f"n={b.n}")
def test_converges_to_the_known_minimiser(bowl, no_warnings):
    x0 = np.full(bowl.n, 2.5)
    run = opt.gradient_descent(bowl.grad, x0, 0.9 * bowl.largest_stable_eta, steps=20000, tol=1e-12, f=bowl.f)
    assert run.converged and not run.diverged and run.verdict == "converged"
    np.testing.assert_allclose(run.x, bowl.minimiser, atol=1e-9)
    assert run.values[-1] < 1e-15
    assert run.path.shape == (run.steps + 1, bowl.n) and run.values.shape == (run.steps + 1,)
    np.testing.assert_array_equal(run.path[0], x0)


@pytest.mark.parametrize("bowl", BOWLS, ids=lambda b: f"n={b.n}")
def test_the_threshold_two_over_lambda_max(bowl, no_warnings):
    limit = bowl.largest_stable_eta
    x0 = bowl.minimiser + 1.0
    below = opt.gradient_descent(bowl.grad, x0, 0.99 * limit, steps=50000, tol=1e-10, f=bowl.f)
    assert below.converged and not below.diverged
    np.testing.assert_allclose(below.x, bowl.minimiser, atol=1e-7)
    above = opt.gradient_descent(bowl.grad, x0, 1.01 * limit, steps=50000, tol=1e-10, f=bowl.f)
    assert above.diverged and not above.converged and above.verdict == "diverged"
    assert "diverged" in above.message
    assert np.all(np.isfinite(above.path)) and np.all(np.isfinite(above.values))
    assert np.max(np.abs(above.path)) <= 1e12  # the escaping point is not kept


def test_huge_learning_rate_reports_divergence_without_warnings(no_warnings):
    bowl = BOWLS[1]
    run = opt.gradient_descent(bowl.grad, [1.0, -2.0], 1e6, steps=10000, f=bowl.f)
    assert run.diverged and run.steps < 5


def test_a_nan_gradient_is_reported_as_divergence(no_warnings):
    run = opt.gradient_descent(lambda x: np.log(x - 10.0), [1.0], 0.1, steps=5)
    assert run.diverged and run.steps == 0


@pytest.mark.parametrize("fraction, steps, verdict", [
    (0.9, 5000, "converged"), (0.001, 50, "slow"), (0.995, 30, "oscillating"), (1.02, 30, "diverging"),
    (10.0, 1000, "diverged")])
def test_verdict_names_the_regime(fraction, steps, verdict):
    bowl = BOWLS[2]  # curvatures 2 and 20: a long valley
    run = bowl.descend([3.0, -1.0], fraction * bowl.largest_stable_eta, steps=steps, tol=1e-10)
    assert run.verdict == verdict
    assert run.verdict in opt.VERDICTS


def test_verdict_without_f_uses_the_step_lengths():
    bowl = BOWLS[2]
    growing = opt.gradient_descent(bowl.grad, [3.0, -1.0], 1.02 * bowl.largest_stable_eta, steps=30)
    assert np.all(np.isnan(growing.values)) and growing.verdict == "diverging"
    assert opt.gradient_descent(bowl.grad, [3.0, -1.0], 1e-4, steps=30).verdict == "slow"


def test_step_budget_and_tolerance():
    bowl = BOWLS[1]
    short = opt.gradient_descent(bowl.grad, [2.0, 1.0], 0.05, steps=5)
    assert short.steps == 5 and len(short.path) == 6 and not short.converged and not short.diverged
    assert "stopped after 5 steps" in short.message
    none = opt.gradient_descent(bowl.grad, [2.0, 1.0], 0.05, steps=0)
    assert none.steps == 0 and none.verdict == "slow"
    loose = opt.gradient_descent(bowl.grad, [2.0, 1.0], 0.1, steps=1000, tol=1e-3)
    moves = np.linalg.norm(np.diff(loose.path, axis=0), axis=1)
    assert loose.converged and moves[-1] < 1e-3 and np.all(moves[:-1] >= 1e-3)
    tight = opt.gradient_descent(bowl.grad, [2.0, 1.0], 0.1, steps=1000, tol=1e-9)
    assert tight.steps > loose.steps
    assert f"converged in {loose.steps} steps" == loose.message


def test_scalar_start_passes_numbers_to_grad_and_f():
    seen = []

    def grad(x):
        seen.append(np.ndim(x))
        return 2 * (x - 3.0)

    run = opt.gradient_descent(grad, 0.0, 0.25, steps=200, tol=1e-12, f=lambda x: (x - 3.0) ** 2)
    assert set(seen) == {0}
    assert run.path.shape == (run.steps + 1, 1)
    assert run.x[0] == pytest.approx(3.0) and run.converged
    assert run.values[0] == pytest.approx(9.0)


def test_one_step_is_x_minus_eta_grad():
    run = opt.gradient_descent(lambda p: np.array([2 * p[0], 6 * p[1]]), [1.0, 2.0], 0.1, steps=1)
    np.testing.assert_allclose(run.path[1], [0.8, 0.8])


def test_start_point_is_not_modified():
    x0 = np.array([1.0, 2.0])
    opt.gradient_descent(BOWLS[1].grad, x0, 0.1, steps=10)
    np.testing.assert_array_equal(x0, [1.0, 2.0])


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(eta=0.0), ValueError, "must be a positive"),
    (dict(eta=-0.1), ValueError, "must be a positive"),
    (dict(eta=np.nan), ValueError, "must be a positive"),
    (dict(eta=np.inf), ValueError, "must be a positive"),
    (dict(eta="0.1"), TypeError, "eta must be a number"),
    (dict(eta=True), TypeError, "positive number"),
    (dict(eta=[0.1, 0.2]), ValueError, "single number"),
    (dict(x0="start"), TypeError, "x0 must be a number"),
    (dict(x0=None), TypeError, "x0 must be a number"),
    (dict(x0=[[1.0, 2.0], [3.0, 4.0]]), ValueError, r"x0 must be a number or have shape \(n,\)"),
    (dict(x0=[1.0, np.nan]), ValueError, "finite"),
    (dict(steps=-1), ValueError, "whole number"),
    (dict(steps=2.5), ValueError, "whole number"),
    (dict(steps="10"), ValueError, "whole number"),
    (dict(grad=lambda x: np.zeros(3)), ValueError, r"grad\(x\) must return shape \(2,\)"),
    (dict(grad="nabla f"), TypeError, "grad must be a function"),
    (dict(grad=lambda x: "up"), TypeError, "the gradient must be"),
    (dict(f=3.0), TypeError, "f must be a function"),
])
def test_bad_inputs_get_clear_messages(kwargs, error, message):
    args = dict(grad=BOWLS[1].grad, x0=[1.0, 2.0], eta=0.1, steps=10)
    args.update(kwargs)
    with pytest.raises(error, match=message):
        opt.gradient_descent(**args)


def test_whole_floats_and_numpy_numbers_are_fine_as_budget_and_rate():
    run = opt.gradient_descent(BOWLS[1].grad, [1.0, 2.0], np.float32(0.1), steps=10.0)
    assert run.steps == 10
    assert opt.gradient_descent(BOWLS[1].grad, [1.0, 2.0], np.array(0.1), steps=np.int64(3)).steps == 3
