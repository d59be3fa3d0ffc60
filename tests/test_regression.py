"""dlmath.regression: the cost C_T of a line, its gradient (against central differences and sympy), the
closed form (against lstsq and gradient descent), exact fits, extreme inputs and bad-input messages."""
import warnings

import numpy as np
import pytest
import sympy as sp

from dlmath import regression as reg
from dlmath.calculus import gradient

rng = np.random.default_rng(11)
X_RAND = rng.normal(3.0, 2.0, size=20)
Y_RAND = 1.7 * X_RAND - 4.0 + rng.normal(0.0, 0.5, size=20)
DATASETS = {"students": (reg.X, reg.Y), "heights in cm": (reg.HEIGHTS, reg.Y), "random": (X_RAND, Y_RAND)}
POINTS = [(0.4, 50.0), (0.0, 0.0), (-1.3, 2.5), (2.0, -7.0)]


def loop_cost(p, q, x, y):
    """C_T written out term by term, as the book does: an independent reference."""
    total = 0.0
    for xk, yk in zip(x, y):
        total += 0.5 * (yk - (p * xk + q)) ** 2
    return total


def sympy_cost(x, y):
    p, q = sp.symbols("p q")
    C = sum(sp.Rational(1, 2) * (sp.Float(yk, 30) - (p * sp.Float(xk, 30) + q)) ** 2 for xk, yk in zip(x, y))
    return p, q, C


# ------------------------------------------------------------------ the data set

def test_data_set_is_seven_students_measured_from_their_mean_height():
    assert reg.HEIGHTS.shape == reg.WEIGHTS.shape == reg.X.shape == (7,)
    assert reg.HEIGHT_ORIGIN == pytest.approx(reg.HEIGHTS.mean())
    assert reg.X.sum() == pytest.approx(0.0, abs=1e-12)
    assert np.all((reg.HEIGHTS > 140) & (reg.HEIGHTS < 190)) and np.all((reg.WEIGHTS > 35) & (reg.WEIGHTS < 80))


# ------------------------------------------------------------------ predictions, residuals, cost

def test_predict_residuals_and_squared_errors_by_their_definitions():
    p, q = 0.4, 50.0
    np.testing.assert_allclose(reg.predict(p, q, reg.X), [p * xk + q for xk in reg.X])
    r = reg.residuals(p, q, reg.X, reg.Y)
    np.testing.assert_allclose(r, [yk - (p * xk + q) for xk, yk in zip(reg.X, reg.Y)])
    np.testing.assert_allclose(reg.squared_errors(p, q, reg.X, reg.Y), [0.5 * rk ** 2 for rk in r])


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("p, q", POINTS)
def test_cost_is_half_the_sum_of_squared_residuals(name, p, q):
    x, y = DATASETS[name]
    assert isinstance(reg.cost(p, q, x, y), float)
    assert reg.cost(p, q, x, y) == pytest.approx(loop_cost(p, q, x, y), rel=1e-12)


def test_cost_on_a_grid_of_lines_is_the_cost_of_each_line():
    P, Q = np.meshgrid(np.linspace(-1, 2, 4), np.linspace(40, 60, 3))
    C = reg.cost(P, Q, reg.X, reg.Y)
    assert C.shape == (3, 4)
    for i in range(3):
        for j in range(4):
            assert C[i, j] == pytest.approx(loop_cost(P[i, j], Q[i, j], reg.X, reg.Y), rel=1e-12)
    assert reg.residuals(P, Q, reg.X, reg.Y).shape == (3, 4, 7)
    assert reg.cost_gradient(P, Q, reg.X, reg.Y).shape == (3, 4, 2)
    # a number broadcasts against an array
    np.testing.assert_allclose(reg.cost([0.4, 0.5], 52.0, reg.X, reg.Y),
                               [loop_cost(0.4, 52.0, reg.X, reg.Y), loop_cost(0.5, 52.0, reg.X, reg.Y)])


# ------------------------------------------------------------------ derivatives

@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("p, q", POINTS)
def test_gradient_matches_central_differences(name, p, q):
    x, y = DATASETS[name]
    numeric = gradient(lambda w: reg.cost(w[0], w[1], x, y), [p, q], h=1e-5)
    scale = 1 + np.abs(numeric).max()
    np.testing.assert_allclose(reg.cost_gradient(p, q, x, y), numeric, rtol=1e-6, atol=1e-6 * scale)


@pytest.mark.parametrize("name", DATASETS)
def test_gradient_and_hessian_match_sympy(name):
    x, y = DATASETS[name]
    p, q, C = sympy_cost(x, y)
    dp, dq = sp.diff(C, p), sp.diff(C, q)
    for p0, q0 in POINTS:
        at = {p: p0, q: q0}
        expected = [float(dp.subs(at)), float(dq.subs(at))]
        np.testing.assert_allclose(reg.cost_gradient(p0, q0, x, y), expected, rtol=1e-10, atol=1e-8)
    hessian = [[float(sp.diff(C, a, b)) for b in (p, q)] for a in (p, q)]
    np.testing.assert_allclose(reg.cost_hessian(x), hessian, rtol=1e-12)


def test_hessian_is_the_derivative_of_the_gradient():
    x, y = X_RAND, Y_RAND
    rows = [gradient(lambda w: reg.cost_gradient(w[0], w[1], x, y)[i], [0.3, -1.0], h=1e-4) for i in range(2)]
    np.testing.assert_allclose(reg.cost_hessian(x), rows, rtol=1e-6)


# ------------------------------------------------------------------ the minimum three ways

@pytest.mark.parametrize("name", DATASETS)
def test_normal_equations_agree_with_lstsq_and_make_the_gradient_zero(name):
    x, y = DATASETS[name]
    p, q = reg.normal_equations(x, y)
    A = np.column_stack([x, np.ones_like(x)])
    (p_ls, q_ls), *_ = np.linalg.lstsq(A, y, rcond=None)
    assert (p, q) == pytest.approx((p_ls, q_ls), rel=1e-9, abs=1e-9)
    g = reg.cost_gradient(p, q, x, y)
    assert np.abs(g).max() < 1e-8 * (1 + np.abs(x * y).sum())
    best = reg.cost(p, q, x, y)
    for dp, dq in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3), (1e-3, -1e-3)]:
        assert reg.cost(p + dp, q + dq, x, y) > best


def test_sympy_solution_of_the_normal_equations_on_the_students():
    p, q = sp.symbols("p q")
    xs = [sp.Rational(str(v)) for v in reg.X]
    ys = [sp.Rational(str(v)) for v in reg.Y]
    C = sum(sp.Rational(1, 2) * (yk - (p * xk + q)) ** 2 for xk, yk in zip(xs, ys))
    exact = sp.solve([sp.diff(C, p), sp.diff(C, q)], [p, q])
    assert reg.normal_equations(reg.X, reg.Y) == pytest.approx((float(exact[p]), float(exact[q])), rel=1e-14)


@pytest.mark.parametrize("scale", [1.0, 2.0, 1 / 7])
def test_the_half_or_a_mean_does_not_move_the_minimiser(scale):
    # scale · C_T has the gradient scale · ∇C_T: zero at the same (p, q)
    p, q = reg.normal_equations(reg.X, reg.Y)
    numeric = gradient(lambda w: scale * reg.cost(w[0], w[1], reg.X, reg.Y), [p, q], h=1e-5)
    np.testing.assert_allclose(numeric, 0.0, atol=1e-6)


def test_gradient_descent_reaches_the_closed_form_on_centred_data():
    run = reg.fit_by_gradient_descent(reg.X, reg.Y, eta=0.01, steps=2000, tol=1e-12)
    assert run.converged and not run.diverged
    np.testing.assert_allclose(run.x, reg.normal_equations(reg.X, reg.Y), rtol=1e-8)
    assert run.values[-1] == pytest.approx(reg.cost(*run.x, reg.X, reg.Y))
    assert np.all(np.diff(run.values) <= 1e-12)  # a stable η never raises the cost of a quadratic


def test_largest_stable_eta_is_the_border_between_converging_and_diverging():
    limit = reg.largest_stable_eta(reg.X)
    assert limit == pytest.approx(2 / np.sum(reg.X ** 2))  # Σx = 0: the Hessian is diag(Σx², n)
    assert reg.fit_by_gradient_descent(reg.X, reg.Y, 0.98 * limit, steps=5000).converged
    assert reg.fit_by_gradient_descent(reg.X, reg.Y, 1.02 * limit, steps=5000).diverged


def test_gradient_descent_crawls_on_raw_heights():
    limit = reg.largest_stable_eta(reg.HEIGHTS)
    run = reg.fit_by_gradient_descent(reg.HEIGHTS, reg.Y, 0.9 * limit, steps=5000)
    p_best, q_best = reg.normal_equations(reg.HEIGHTS, reg.Y)
    assert not run.converged and not run.diverged
    assert abs(run.x[1] - q_best) > 10  # nowhere near the intercept


def test_closed_form_keeps_its_digits_far_from_zero():
    # the same line shifted by 10^8 along x: a naive 2×2 solve would lose most digits here
    p, q = reg.normal_equations(reg.X, reg.Y)
    p_far, q_far = reg.normal_equations(reg.X + 1e8, reg.Y)
    assert p_far == pytest.approx(p, rel=1e-6)
    assert q_far + p_far * 1e8 == pytest.approx(q, rel=1e-4)


# ------------------------------------------------------------------ parameters versus data points

def test_two_points_give_a_line_through_both():
    x, y = np.array([-8.0, 7.5]), np.array([47.4, 55.9])
    p, q = reg.normal_equations(x, y)
    assert p == pytest.approx((55.9 - 47.4) / 15.5) and q == pytest.approx(47.4 + 8 * p)
    assert reg.cost(p, q, x, y) == pytest.approx(0.0, abs=1e-20)


@pytest.mark.parametrize("name", ["students", "random"])
def test_polynomial_of_degree_n_minus_1_passes_through_n_points(name):
    x, y = DATASETS[name]
    x = x[:7] if name == "random" else x
    y = y[:7] if name == "random" else y
    c = reg.polynomial_through(x, y)
    assert c.shape == x.shape
    np.testing.assert_allclose(reg.polynomial_value(c, x), y, atol=1e-9)
    between = np.linspace(x.min(), x.max(), 301)
    assert np.ptp(reg.polynomial_value(c, between)) > np.ptp(y)  # it swings beyond the data


def test_polynomial_value_against_horner():
    c = np.array([1.0, -2.0, 0.5, 3.0])
    t = np.linspace(-2, 2, 9)
    np.testing.assert_allclose(reg.polynomial_value(c, t), ((3.0 * t + 0.5) * t - 2.0) * t + 1.0)


# ------------------------------------------------------------------ extreme inputs

def test_extreme_but_representable_inputs_give_finite_values_without_warnings():
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        for p, q in [(1e100, 0.0), (0.0, -1e100), (1e-300, 1e-300)]:
            assert np.isfinite(reg.cost(p, q, reg.X, reg.Y))
            assert np.all(np.isfinite(reg.cost_gradient(p, q, reg.X, reg.Y)))
        assert reg.normal_equations(reg.X * 1e-150, reg.Y)[0] == pytest.approx(
            reg.normal_equations(reg.X, reg.Y)[0] * 1e150, rel=1e-9)


def test_a_cost_beyond_the_largest_float_is_inf_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert reg.cost(1e200, 0.0, reg.X, reg.Y) == np.inf


# ------------------------------------------------------------------ bad input

@pytest.mark.parametrize("call, error, message", [
    (lambda: reg.cost(0, 0, np.ones((2, 3)), np.ones(6)), ValueError, "x must have shape (n,), got shape (2, 3)"),
    (lambda: reg.cost(0, 0, np.ones(7), np.ones((7, 1))), ValueError, "y must have shape (n,), got shape (7, 1)"),
    (lambda: reg.cost(0, 0, np.ones(7), np.ones(6)), ValueError, "x and y must both have shape (n,) with the same n"),
    (lambda: reg.residuals(0, 0, [], []), ValueError, "at least one data point"),
    (lambda: reg.cost(0, 0, [1.0, np.nan], [1.0, 2.0]), ValueError, "finite"),
    (lambda: reg.cost(0, 0, "heights", reg.Y), TypeError, "x must be a number or an array of numbers"),
    (lambda: reg.cost(None, 0, reg.X, reg.Y), TypeError, "p must be"),
    (lambda: reg.cost([1.0, 2.0], [1.0, 2.0, 3.0], reg.X, reg.Y), ValueError, "p and q must be numbers or arrays of one shape"),
    (lambda: reg.cost_gradient(0, 0, reg.X, reg.Y[:3]), ValueError, "same n"),
    (lambda: reg.normal_equations([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]), ValueError, "at least two different x"),
    (lambda: reg.normal_equations([1.0], [1.0]), ValueError, "at least two different x"),
    (lambda: reg.fit_by_gradient_descent(reg.X, reg.Y, 0.01, start=[0.0, 0.0, 0.0]), ValueError,
     "start must have shape (2,)"),
    (lambda: reg.polynomial_through([1.0, 1.0, 2.0], [0.0, 1.0, 2.0]), ValueError, "must all be different"),
    (lambda: reg.cost_hessian(np.ones((3, 2))), ValueError, "x must have shape (n,)"),
])
def test_bad_input_names_the_expected_shape(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert message in str(info.value)
