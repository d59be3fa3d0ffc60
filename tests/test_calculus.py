"""dlmath.calculus: central differences (error of order h²), partial derivatives, the tangent line, the
multivariable approximation (error of order |Δ|²) and recurrences — against exact and sympy derivatives,
at extreme inputs, and with clear messages for bad input.
"""
import warnings

import numpy as np
import pytest
import sympy as sp

from dlmath.ops import activations as act
from dlmath import calculus

POINTS = np.linspace(-2.5, 2.5, 21)
_x, _y, _z = sp.symbols("x y z")


def no_warnings():
    """A context in which any numpy or Python warning is an error."""
    class Ctx:
        def __enter__(self):
            self.w = warnings.catch_warnings()
            self.w.__enter__()
            warnings.simplefilter("error")
            self.e = np.errstate(over="raise", divide="raise", invalid="raise")
            self.e.__enter__()

        def __exit__(self, *exc):
            self.e.__exit__(*exc)
            return self.w.__exit__(*exc)
    return Ctx()


# ------------------------------------------------------------------ derivative

@pytest.mark.parametrize("expr", [sp.sin(_x), sp.exp(-_x ** 2), _x ** 3 - 6 * _x ** 2 + 9 * _x + 1,
                                  sp.log(1 + sp.exp(3 * _x)), sp.atan(_x)])
def test_derivative_matches_sympy(expr):
    f = sp.lambdify(_x, expr, "numpy")
    df = sp.lambdify(_x, sp.diff(expr, _x), "numpy")
    np.testing.assert_allclose(calculus.derivative(f, POINTS), df(POINTS), rtol=1e-7, atol=1e-8)


def errors_by_step(estimate, exact, steps):
    return np.array([abs(estimate(h) - exact) for h in steps])


def test_central_difference_error_is_of_order_h_squared():
    steps = [0.1, 0.05, 0.025, 0.0125]
    errors = errors_by_step(lambda h: float(calculus.derivative(np.sin, 1.0, h)), np.cos(1.0), steps)
    ratios = errors[:-1] / errors[1:]
    np.testing.assert_allclose(ratios, 4.0, rtol=0.01)  # halve h: a quarter of the error
    # and the leading term is h²·f'''/6 = −h² cos(1)/6
    np.testing.assert_allclose(errors, np.array(steps) ** 2 * np.cos(1.0) / 6, rtol=0.01)


def test_one_sided_quotient_error_is_of_order_h():
    steps = [0.01, 0.005, 0.0025]
    errors = errors_by_step(lambda h: float(calculus.difference_quotient(np.sin, 1.0, h)), np.cos(1.0), steps)
    np.testing.assert_allclose(errors[:-1] / errors[1:], 2.0, rtol=0.02)


def test_difference_quotient_takes_an_array_of_steps_and_negative_ones():
    steps = np.array([1.0, 0.1, -0.1, -1.0])
    np.testing.assert_allclose(calculus.difference_quotient(lambda t: t ** 2, 1.0, steps), 2 + steps)


def test_derivative_keeps_the_shape_of_x():
    for shape in [(), (3,), (2, 4)]:
        assert calculus.derivative(np.sin, np.zeros(shape)).shape == shape
    assert calculus.derivative(np.sin, [0, 1]).dtype == np.float64  # lists and ints are fine


def test_derivative_at_extreme_inputs_without_warnings():
    extreme = np.array([-1e308, -1e4, -800.0, 0.0, 800.0, 1e4, 1e308])
    with no_warnings():
        slopes = calculus.derivative(act.sigmoid, extreme)
        tanh_slopes = calculus.derivative(act.tanh, extreme)
    assert np.all(np.isfinite(slopes)) and np.all(slopes >= 0)
    assert slopes[3] == pytest.approx(0.25) and tanh_slopes[3] == pytest.approx(1.0)


@pytest.mark.parametrize("bad, error, words", [
    ("1.0", TypeError, "must be a number"), (None, TypeError, "must be a number"),
    ([[1.0, 2.0], [3.0]], TypeError, "rectangular"), (1 + 2j, TypeError, "real"),
])
def test_derivative_bad_x(bad, error, words):
    with pytest.raises(error, match=words):
        calculus.derivative(np.sin, bad)


@pytest.mark.parametrize("h, error", [(0, ValueError), (-1e-3, ValueError), (np.inf, ValueError),
                                      (np.nan, ValueError), ("1e-6", TypeError), (True, TypeError),
                                      (np.array([1e-6, 1e-5]), TypeError)])
def test_bad_step_is_refused(h, error):
    with pytest.raises(error, match="step h"):
        calculus.derivative(np.sin, 1.0, h)
    with pytest.raises(error, match="step h"):
        calculus.gradient(np.sum, [1.0, 2.0], h)
    with pytest.raises(error, match="step h"):
        calculus.partial_derivative(np.sum, [1.0, 2.0], 0, h)


def test_difference_quotient_refuses_a_zero_step():
    with pytest.raises(ValueError, match="non-zero"):
        calculus.difference_quotient(np.sin, 1.0, [0.1, 0.0])


# ------------------------------------------------------------------ gradient and partial derivatives

FIELDS = [_x ** 2 * _y, _x ** 2 + _x * _y + _y ** 2 - 4 * _x - 5 * _y, sp.sin(_x) * sp.cos(_y),
          sp.exp(_x * _y) + _x * _y ** 3]


@pytest.mark.parametrize("expr", FIELDS)
@pytest.mark.parametrize("point", [(1.0, 2.0), (-0.7, 0.3), (0.0, 0.0)])
def test_gradient_and_partials_match_sympy(expr, point):
    fn = sp.lambdify([_x, _y], expr, "numpy")
    f = lambda p: fn(p[0], p[1])  # noqa: E731
    exact = np.array([float(sp.diff(expr, v).subs({_x: point[0], _y: point[1]})) for v in (_x, _y)])
    np.testing.assert_allclose(calculus.gradient(f, point), exact, rtol=1e-7, atol=1e-8)
    for i in range(2):
        assert calculus.partial_derivative(f, point, i) == pytest.approx(exact[i], rel=1e-7, abs=1e-8)


def test_partial_derivative_moves_only_its_own_coordinate():
    seen = []

    def f(p):
        seen.append(np.array(p, copy=True))
        return float(np.sum(p ** 2))
    calculus.partial_derivative(f, [1.0, 2.0, 3.0], 2, h=0.5)
    np.testing.assert_allclose(seen, [[1.0, 2.0, 3.5], [1.0, 2.0, 2.5]])


def test_gradient_error_is_of_order_h_squared():
    f = lambda p: np.sin(p[0]) * np.exp(p[1])  # noqa: E731
    exact = np.array([np.cos(0.4) * np.exp(0.2), np.sin(0.4) * np.exp(0.2)])
    errors = [np.linalg.norm(calculus.gradient(f, [0.4, 0.2], h) - exact) for h in (0.1, 0.05, 0.025)]
    np.testing.assert_allclose(np.array(errors[:-1]) / np.array(errors[1:]), 4.0, rtol=0.02)


def test_gradient_of_a_three_variable_function():
    f = lambda p: p[0] * p[1] * p[2]  # noqa: E731
    np.testing.assert_allclose(calculus.gradient(f, [1.0, 2.0, 3.0]), [6.0, 3.0, 2.0], rtol=1e-8)


@pytest.mark.parametrize("x", [np.zeros((2, 2)), 1.0, np.zeros((1, 3))])
def test_gradient_wants_a_vector(x):
    with pytest.raises(ValueError, match=r"shape \(n,\)"):
        calculus.gradient(np.sum, x)


@pytest.mark.parametrize("x", [np.zeros((2, 2)), 1.0, []])
def test_partial_derivative_wants_a_vector(x):
    with pytest.raises(ValueError, match=r"shape \(n,\)"):
        calculus.partial_derivative(np.sum, x, 0)


def test_vector_valued_f_gets_a_clear_message():
    with pytest.raises(ValueError, match=r"single number.*shape \(2,\)"):
        calculus.gradient(lambda p: 2 * p, [1.0, 2.0])
    with pytest.raises(ValueError, match=r"single number.*shape \(3,\)"):
        calculus.partial_derivative(lambda p: np.ones(3), [1.0, 2.0], 1)
    with pytest.raises(TypeError, match="f\\(x\\) must be a number"):
        calculus.gradient(lambda p: None, [1.0, 2.0])


@pytest.mark.parametrize("i, error, words", [(2, ValueError, r"0 … 1 for x of shape \(2,\)"),
                                              (-1, ValueError, "0 … 1"), (0.0, TypeError, "integer"),
                                              (True, TypeError, "integer"), ("x", TypeError, "integer")])
def test_partial_derivative_bad_index(i, error, words):
    with pytest.raises(error, match=words):
        calculus.partial_derivative(np.sum, [1.0, 2.0], i)


# ------------------------------------------------------------------ tangent line

def test_tangent_line_touches_and_has_the_slope():
    f = lambda t: t ** 3 - 6 * t ** 2 + 9 * t + 1  # noqa: E731
    df = lambda t: 3 * t ** 2 - 12 * t + 9  # noqa: E731
    xs = np.linspace(-1, 5, 13)
    for a in [0.5, 1.0, 2.0, 3.7]:
        line = calculus.tangent_line(f, df, a, xs)
        assert line.shape == xs.shape
        assert float(calculus.tangent_line(f, df, a, a)) == pytest.approx(f(a))
        np.testing.assert_allclose(np.diff(line) / np.diff(xs), df(a), atol=1e-9)
        # without df: the same line through central differences
        np.testing.assert_allclose(calculus.tangent_line(f, None, a, xs), line, rtol=1e-7, atol=1e-6)


def test_tangent_line_error_is_of_order_distance_squared():
    gaps = [abs(np.exp(1 + d) - float(calculus.tangent_line(np.exp, np.exp, 1.0, 1 + d))) for d in (0.1, 0.05, 0.025)]
    np.testing.assert_allclose(np.array(gaps[:-1]) / np.array(gaps[1:]), 4.0, rtol=0.05)


def test_tangent_line_at_extremes_without_warnings():
    xs = np.array([-1e308, -1e4, 0.0, 1e4, 1e308])
    with no_warnings():
        line = calculus.tangent_line(act.sigmoid, act.sigmoid_derivative, 1e4, xs)
    np.testing.assert_array_equal(line, np.ones_like(xs))  # flat: σ saturates, slope exactly 0


def test_tangent_line_bad_point():
    with pytest.raises(ValueError, match=r"a must be a single number.*shape \(2,\)"):
        calculus.tangent_line(np.sin, np.cos, [1.0, 2.0], 0.0)
    with pytest.raises(TypeError, match="x must be a number"):
        calculus.tangent_line(np.sin, np.cos, 1.0, "0")
    with pytest.raises(ValueError, match=r"f'\(a\) must be a single number"):
        calculus.tangent_line(np.sin, lambda t: np.array([1.0, 2.0]), 1.0, 0.0)


# ------------------------------------------------------------------ linear approximation

def test_linear_approximation_is_f_plus_gradient_dot_step():
    expr = _x ** 2 * _y + sp.sin(_x * _y)
    fn = sp.lambdify([_x, _y], expr, "numpy")
    f = lambda p: fn(p[..., 0], p[..., 1])  # noqa: E731
    grads = [sp.lambdify([_x, _y], sp.diff(expr, v), "numpy") for v in (_x, _y)]
    grad = lambda p: np.array([g(p[0], p[1]) for g in grads])  # noqa: E731
    p, dp = np.array([0.8, -0.4]), np.array([0.03, 0.02])
    expected = fn(*p) + grad(p) @ dp
    assert float(calculus.linear_approximation(f, grad, p, dp)) == pytest.approx(expected, rel=1e-12)
    assert float(calculus.linear_approximation(f, None, p, dp)) == pytest.approx(expected, rel=1e-9)
    assert calculus.linear_approximation(f, grad, p, dp).shape == ()


def test_linear_approximation_error_is_of_order_step_squared():
    f = lambda p: p[..., 0] ** 2 * p[..., 1]  # noqa: E731
    p = np.array([1.0, 2.0])
    sizes = np.array([0.2, 0.1, 0.05, 0.025])
    steps = np.stack([sizes, -0.5 * sizes], axis=1)
    approx = calculus.linear_approximation(f, None, p, steps)
    assert approx.shape == (4,)
    errors = np.abs(f(p + steps) - approx)
    np.testing.assert_allclose(errors[:-1] / errors[1:], 4.0, rtol=0.06)
    # exactly: Δz − ∇z·Δ = 2x ΔxΔy + y Δx² + Δx²Δy = Δx² − Δx³/2 at (1, 2) with Δy = −Δx/2
    np.testing.assert_allclose(errors, sizes ** 2 - 0.5 * sizes ** 3, rtol=1e-6, atol=1e-9)


def test_linear_approximation_takes_a_grid_of_steps():
    f = lambda p: p[..., 0] + 2 * p[..., 1]  # noqa: E731  a plane: the approximation is exact
    steps = np.random.default_rng(0).normal(size=(3, 4, 2))
    np.testing.assert_allclose(calculus.linear_approximation(f, None, [0.5, 0.5], steps),
                               f(np.array([0.5, 0.5]) + steps), rtol=1e-8)


@pytest.mark.parametrize("p, dp, words", [
    ([1.0, 2.0], [0.1, 0.2, 0.3], r"dp must have shape \(2,\) or \(\.\.\., 2\).*got shape \(3,\)"),
    ([1.0, 2.0], 0.1, r"dp must have shape \(2,\)"),
    ([1.0, 2.0], np.zeros((5, 3)), r"got shape \(5, 3\)"),
    ([[1.0, 2.0]], [0.1, 0.2], r"p must have shape \(n,\), got shape \(1, 2\)"),
])
def test_linear_approximation_bad_shapes(p, dp, words):
    with pytest.raises(ValueError, match=words):
        calculus.linear_approximation(np.sum, None, p, dp)


def test_linear_approximation_bad_gradient_shape():
    with pytest.raises(ValueError, match=r"grad\(p\) must have shape \(2,\) like p, got shape \(3,\)"):
        calculus.linear_approximation(np.sum, lambda p: np.ones(3), [1.0, 2.0], [0.1, 0.1])


# ------------------------------------------------------------------ recurrences

@pytest.mark.parametrize("first, r, c", [(4, sp.Rational(1, 2), 1), (1, 2, 3), (-2, sp.Rational(-1, 3), 5)])
def test_recurrence_matches_sympys_general_term(first, r, c):
    n, a = sp.symbols("n", integer=True), sp.Function("a")
    general = sp.rsolve(a(n + 1) - r * a(n) - c, a(n), {a(1): first})
    terms = calculus.recurrence(first, lambda t: float(r) * t + float(c), 12)
    np.testing.assert_allclose(terms, [float(general.subs(n, k)) for k in range(1, 13)], rtol=1e-12)


def test_recurrence_of_vectors_keeps_their_shape():
    W = np.array([[0.0, 1.0], [-1.0, 0.0]])  # a quarter turn: four steps come back
    terms = calculus.recurrence([1.0, 0.0], lambda v: W @ v, 5)
    assert terms.shape == (5, 2)
    np.testing.assert_allclose(terms[4], terms[0], atol=1e-15)


def test_backward_recurrence_starts_at_the_last_term():
    terms = calculus.backward_recurrence(1.0, lambda d: 0.5 * d, 5)
    np.testing.assert_allclose(terms, [0.0625, 0.125, 0.25, 0.5, 1.0])
    np.testing.assert_allclose(terms[:-1], 0.5 * terms[1:])  # a_k = rule(a_(k+1))
    assert terms.flags.writeable and terms.strides[0] > 0


def test_backward_recurrence_is_the_chain_rule_for_a_stack_of_linear_maps():
    # y = 0.9(0.9(…(0.9 x))) eight times: dy/dx = 0.9^8, collected backwards from dy/dy = 1
    deltas = calculus.backward_recurrence(1.0, lambda d: 0.9 * d, 9)

    def stack(t):
        for _ in range(8):
            t = 0.9 * t
        return t
    assert deltas[0] == pytest.approx(float(calculus.derivative(stack, 0.3)), rel=1e-8)


def test_a_single_term():
    np.testing.assert_array_equal(calculus.recurrence(7.0, lambda t: t + 1, 1), [7.0])


@pytest.mark.parametrize("n, error, words", [(0, ValueError, "at least 1"), (-3, ValueError, "at least 1"),
                                              (2.5, TypeError, "integer"), ("3", TypeError, "integer"),
                                              (True, TypeError, "integer")])
def test_recurrence_bad_n(n, error, words):
    with pytest.raises(error, match=words):
        calculus.recurrence(1.0, lambda t: t, n)


def test_recurrence_rule_that_changes_the_shape():
    with pytest.raises(ValueError, match=r"keep the shape of the terms, \(2,\); got shape \(3,\)"):
        calculus.recurrence([1.0, 2.0], lambda v: np.append(v, 0.0), 3)
    with pytest.raises(TypeError, match=r"rule\(a\) must be a number"):
        calculus.backward_recurrence(1.0, lambda d: None, 3)


# ------------------------------------------------------------------ the Hessian

@pytest.mark.parametrize("expr, point", [
    ("x**2 - 2*x*y + 3*y**2 - 4*y", (1.0, 1.0)),   # a quadratic: exact up to rounding
    ("x**2 - y**2", (0.0, 0.0)),                     # a saddle
    ("sin(x)*cos(y)", (0.3, -1.2)),
    ("exp(x*y) + x**3*y", (0.4, 0.7)),
])
def test_hessian_matches_sympy(expr, point):
    x, y = sp.symbols("x y")
    e = sp.sympify(expr)
    exact = np.array(sp.hessian(e, (x, y)).subs({x: point[0], y: point[1]}), dtype=float)
    f = sp.lambdify([x, y], e)
    H = calculus.hessian(lambda q: f(q[0], q[1]), point)
    assert H.shape == (2, 2)
    np.testing.assert_allclose(H, exact, rtol=1e-6, atol=1e-6)
    np.testing.assert_array_equal(H, H.T)


def test_hessian_error_is_of_order_h_squared():
    f = lambda q: np.sin(q[0]) * np.exp(q[1])  # noqa: E731
    exact = np.array([[-np.sin(0.5) * np.exp(0.2), np.cos(0.5) * np.exp(0.2)],
                      [np.cos(0.5) * np.exp(0.2), np.sin(0.5) * np.exp(0.2)]])
    err = [np.abs(calculus.hessian(f, [0.5, 0.2], h) - exact).max() for h in (1e-2, 5e-3)]
    assert 3.0 < err[0] / err[1] < 5.0  # halving h quarters the error


def test_hessian_of_three_variables_and_its_eigenvalues():
    A = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, -1.0], [0.0, -1.0, 2.0]])
    H = calculus.hessian(lambda q: 0.5 * q @ A @ q + q.sum(), np.array([0.3, -0.2, 1.0]))
    np.testing.assert_allclose(H, A, atol=1e-7)
    assert np.all(np.linalg.eigvalsh(H) > 0)  # a bowl: every curvature positive


@pytest.mark.parametrize("x", [np.zeros((2, 2)), np.array(1.0), np.zeros(0)])
def test_hessian_wants_a_vector(x):
    with pytest.raises(ValueError, match="shape"):
        calculus.hessian(lambda q: 0.0, x)


def test_hessian_of_a_vector_valued_f_and_bad_step():
    with pytest.raises(ValueError, match="single number"):
        calculus.hessian(lambda q: q, [1.0, 2.0])
    with pytest.raises(ValueError, match="positive"):
        calculus.hessian(lambda q: q @ q, [1.0, 2.0], h=0.0)
