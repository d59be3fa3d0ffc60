"""Chapter 03 probes: answers a learner plausibly writes for each exercise (see probes/__init__.py)."""
import numpy as np
import sympy as sp

from dlmath import calculus

x, y = sp.symbols("x y")
xr, yr = sp.symbols("x y", real=True)
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


CORRECT = {
    "derivative": [
        sp.diff(f_expr, x),
        3 * x ** 2 - 12 * x + 9,
        3 * (x - 1) * (x - 3),
        3 * xr ** 2 - 12 * xr + 9,
        sp.factor(sp.diff(f_expr, x)),
    ],
    "central_difference": [
        central,
        central_expanded,
        central_numpy,
        lambda a, h: (f(a + h) - f(a - h)) / h / 2,
    ],
    "zero_slope_minimum": [
        False,
        np.False_,
        "false",
    ],
    "partial_derivative": [
        sp.diff(g_expr, y),
        x ** 2 + 3 * x * y ** 2,
        x * (x + 3 * y ** 2),
        xr ** 2 + 3 * xr * yr ** 2,
    ],
    "critical_point": [
        [1, 2],
        np.array([1.0, 2.0]),
        (1.0, 2.0),
        critical_by_sympy(),
        np.linalg.solve([[2, 1], [1, 2]], [4, 5]),
    ],
    "lagrange_optimum": [
        8,
        8.0,
        lagrange_by_sympy(),
        np.float64(8),
        4.0 * 2.0,
    ],
    "chain_rule": [
        sp.diff(softplus, x),
        3 * u / (1 + u),
        3 / (1 + sp.exp(-3 * x)),
        sp.simplify(sp.diff(softplus, x)),
        3 * sp.exp(3 * xr) / (sp.exp(3 * xr) + 1),
    ],
    "linear_approximation": [
        0.35,
        2 * 1 * 2 * 0.1 + 1 ** 2 * (-0.05),
        float(calculus.gradient(lambda p: p[0] ** 2 * p[1], [1.0, 2.0]) @ [0.1, -0.05]),
        sp.Rational(7, 20),
    ],
    "error_order": [
        "b",
        "B",
        "b)",
    ],
    "recurrence_term": [
        2045,
        2045.0,
        2 ** 11 - 3,
        calculus.recurrence(1.0, lambda t: 2 * t + 3, 10)[-1],
        np.int64(2045),
    ],
}

WRONG = {
    "derivative": [
        (3 * x ** 2 - 12 * x + 10, "constant 1 is 0"),
        (sp.integrate(f_expr, x), "antiderivative"),
        (f_expr, "f itself"),
        (3 * x ** 2 - 6 * x + 9, "−12x"),
        (-(3 * x ** 2 - 12 * x + 9), "sign"),
        (3 * y ** 2 - 12 * y + 9, "uses y"),
        ("3*x**2 - 12*x + 9", "got text"),
    ],
    "central_difference": [
        (lambda a, h: (f(a + h) - f(a)) / h, "forward"),
        (lambda a, h: (f(a) - f(a - h)) / h, "backward"),
        (lambda a, h: (f(a + h) - f(a - h)) / h, "2h"),
        (lambda a, h: 3 * a ** 2 - 12 * a + 9, "exact f'(a)"),
        (central_math, "numpy array"),
        (lambda a, h: (f(a + h) - f(a - h)) / 2 * h, "differs at"),
        (3.75, "expected a function"),
    ],
    "zero_slope_minimum": [
        (True, "necessary, not sufficient"),
        (np.True_, "necessary, not sufficient"),
        ("true", "necessary, not sufficient"),
        (0, "True or False"),
    ],
    "partial_derivative": [
        (sp.diff(g_expr, x), "∂g/∂x"),
        (3 * x * y ** 2, "x²y depends on y"),
        (sp.diff(g_expr, x) + sp.diff(g_expr, y), "added ∂g/∂x"),
        (x ** 2 + 3 * y ** 2, "constant factor"),
    ],
    "critical_point": [
        (sp.solve([2 * x + y - 4, x + 2 * y - 5], [x, y]), "sp.solve"),
        ([2.0, 2.5], "xy term"),
        ([2, 1], "(y, x)"),
        ([1.0, 2.0, 0.0], "expected shape (2,)"),
        ([[1.0], [2.0]], "shape"),
    ],
    "lagrange_optimum": [
        (2, "λ"),
        (4, "x at the optimum"),
        (16, "x + 2y = 8"),
        (-8, "sign"),
    ],
    "chain_rule": [
        (u / (1 + u), "inner derivative"),
        (1 / (1 + u), "outer derivative"),
        (3 / (1 + u), "not 3"),
        (3 * u, "1/u"),
        (softplus, "not equal"),
    ],
    "linear_approximation": [
        (1.1 ** 2 * 1.95 - 2, "exact Δz"),
        (0.4, "x part only"),
        (0.45, "negative"),
        (2.35, "new value"),
    ],
    "error_order": [
        ("a", "order Δ"),
        ("c", "Δ³"),
        ("d", "does shrink"),
        ("e", "choose one of"),
    ],
    "recurrence_term": [
        (1021, "a_9"),
        (4093, "a_11"),
        (2046, "too large"),
    ],
}
