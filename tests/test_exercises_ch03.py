"""Chapter 03: every exercise accepts its correct forms and names the typical mistakes."""
import numpy as np
import pytest
import sympy as sp

from dlmath import calculus
from exercise_asserts import fails_with, passes


x, y = sp.symbols("x y")
xr, yr = sp.symbols("x y", real=True)  # a learner's symbols may carry assumptions
f_expr = x ** 3 - 6 * x ** 2 + 9 * x + 1
f = sp.lambdify(x, f_expr)
g_expr = x ** 2 * y + x * y ** 3
softplus = sp.log(1 + sp.exp(3 * x))
u = sp.exp(3 * x)


def central(a, h):
    return (f(a + h) - f(a - h)) / (2 * h)


def central_expanded(a, h):  # the same numbers, worked out by hand for the cubic: f'(a) + h²
    return 3 * a ** 2 - 12 * a + 9 + h ** 2


def central_numpy(a, h):
    a, h = np.asarray(a, dtype=float), np.asarray(h, dtype=float)
    return np.divide(np.subtract(f(a + h), f(a - h)), 2 * h)


def central_math(a, h):  # works for one number, but float() refuses a whole array
    return float((f(a + h) - f(a - h)) / (2 * h))


def lagrange_by_sympy():
    lam = sp.symbols("lambda")
    L = x * y - lam * (x + 2 * y - 8)
    best = sp.solve([sp.diff(L, x), sp.diff(L, y), x + 2 * y - 8], [x, y, lam], dict=True)[0]
    return (x * y).subs(best)


def critical_by_sympy():
    q = x ** 2 + x * y + y ** 2 - 4 * x - 5 * y
    sol = sp.solve([sp.diff(q, x), sp.diff(q, y)], [x, y])
    return [sol[x], sol[y]]


@pytest.mark.parametrize("exercise_id, answer", [
    ("03.derivative", sp.diff(f_expr, x)), ("03.derivative", 3 * x ** 2 - 12 * x + 9),
    ("03.derivative", 3 * (x - 1) * (x - 3)), ("03.derivative", 3 * xr ** 2 - 12 * xr + 9),
    ("03.derivative", sp.factor(sp.diff(f_expr, x))),
    ("03.central_difference", central), ("03.central_difference", central_expanded),
    ("03.central_difference", central_numpy),
    ("03.central_difference", lambda a, h: (f(a + h) - f(a - h)) / h / 2),
    ("03.zero_slope_minimum", False), ("03.zero_slope_minimum", np.False_), ("03.zero_slope_minimum", "false"),
    ("03.partial_derivative", sp.diff(g_expr, y)), ("03.partial_derivative", x ** 2 + 3 * x * y ** 2),
    ("03.partial_derivative", x * (x + 3 * y ** 2)), ("03.partial_derivative", xr ** 2 + 3 * xr * yr ** 2),
    ("03.critical_point", [1, 2]), ("03.critical_point", np.array([1.0, 2.0])), ("03.critical_point", (1.0, 2.0)),
    ("03.critical_point", critical_by_sympy()), ("03.critical_point", np.linalg.solve([[2, 1], [1, 2]], [4, 5])),
    ("03.lagrange_optimum", 8), ("03.lagrange_optimum", 8.0), ("03.lagrange_optimum", lagrange_by_sympy()),
    ("03.lagrange_optimum", np.float64(8)), ("03.lagrange_optimum", 4.0 * 2.0),
    ("03.chain_rule", sp.diff(softplus, x)), ("03.chain_rule", 3 * u / (1 + u)),
    ("03.chain_rule", 3 / (1 + sp.exp(-3 * x))), ("03.chain_rule", sp.simplify(sp.diff(softplus, x))),
    ("03.chain_rule", 3 * sp.exp(3 * xr) / (sp.exp(3 * xr) + 1)),
    ("03.linear_approximation", 0.35), ("03.linear_approximation", 2 * 1 * 2 * 0.1 + 1 ** 2 * (-0.05)),
    ("03.linear_approximation", float(calculus.gradient(lambda p: p[0] ** 2 * p[1], [1.0, 2.0]) @ [0.1, -0.05])),
    ("03.linear_approximation", sp.Rational(7, 20)),
    ("03.error_order", "b"), ("03.error_order", "B"), ("03.error_order", "b)"),
    ("03.recurrence_term", 2045), ("03.recurrence_term", 2045.0), ("03.recurrence_term", 2 ** 11 - 3),
    ("03.recurrence_term", calculus.recurrence(1.0, lambda t: 2 * t + 3, 10)[-1]),
    ("03.recurrence_term", np.int64(2045)),
])
def test_correct_forms_pass(exercise_id, answer):
    passes(exercise_id, answer)


@pytest.mark.parametrize("exercise_id, answer, hint", [
    ("03.derivative", 3 * x ** 2 - 12 * x + 10, "constant 1 is 0"),
    ("03.derivative", sp.integrate(f_expr, x), "antiderivative"),
    ("03.derivative", f_expr, "f itself"),
    ("03.derivative", 3 * x ** 2 - 6 * x + 9, "−12x"),
    ("03.derivative", -(3 * x ** 2 - 12 * x + 9), "sign"),
    ("03.derivative", 3 * y ** 2 - 12 * y + 9, "uses y"),
    ("03.derivative", "3*x**2 - 12*x + 9", "got text"),
    ("03.central_difference", lambda a, h: (f(a + h) - f(a)) / h, "forward"),
    ("03.central_difference", lambda a, h: (f(a) - f(a - h)) / h, "backward"),
    ("03.central_difference", lambda a, h: (f(a + h) - f(a - h)) / h, "2h"),
    ("03.central_difference", lambda a, h: 3 * a ** 2 - 12 * a + 9, "exact f'(a)"),
    ("03.central_difference", central_math, "numpy array"),
    ("03.central_difference", lambda a, h: (f(a + h) - f(a - h)) / 2 * h, "differs at"),
    ("03.central_difference", 3.75, "expected a function"),
    ("03.zero_slope_minimum", True, "necessary, not sufficient"),
    ("03.partial_derivative", sp.diff(g_expr, x), "∂g/∂x"),
    ("03.partial_derivative", 3 * x * y ** 2, "x²y depends on y"),
    ("03.partial_derivative", sp.diff(g_expr, x) + sp.diff(g_expr, y), "added ∂g/∂x"),
    ("03.partial_derivative", x ** 2 + 3 * y ** 2, "constant factor"),
    ("03.critical_point", [2.0, 2.5], "xy term"),
    ("03.critical_point", [2, 1], "(y, x)"),
    ("03.critical_point", [1.0, 2.0, 0.0], "expected shape (2,)"),
    ("03.critical_point", [[1.0], [2.0]], "shape"),
    ("03.lagrange_optimum", 2, "λ"),
    ("03.lagrange_optimum", 4, "x at the optimum"),
    ("03.lagrange_optimum", 16, "x + 2y = 8"),
    ("03.lagrange_optimum", -8, "sign"),
    ("03.chain_rule", u / (1 + u), "inner derivative"),
    ("03.chain_rule", 1 / (1 + u), "outer derivative"),
    ("03.chain_rule", 3 / (1 + u), "not 3"),
    ("03.chain_rule", 3 * u, "1/u"),
    ("03.chain_rule", softplus, "not equal"),
    ("03.linear_approximation", 1.1 ** 2 * 1.95 - 2, "exact Δz"),
    ("03.linear_approximation", 0.4, "x part only"),
    ("03.linear_approximation", 0.45, "negative"),
    ("03.linear_approximation", 2.35, "new value"),
    ("03.error_order", "a", "order Δ"),
    ("03.error_order", "c", "Δ³"),
    ("03.error_order", "d", "does shrink"),
    ("03.error_order", "e", "choose one of"),
    ("03.recurrence_term", 1021, "a_9"),
    ("03.recurrence_term", 4093, "a_11"),
    ("03.recurrence_term", 2046, "too large"),
])
def test_typical_mistakes_get_their_hint(exercise_id, answer, hint):
    fails_with(exercise_id, answer, hint)
