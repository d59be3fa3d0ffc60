"""Chapter 03 · Derivatives: slopes, partial derivatives, the chain rule and recurrences."""
import numpy as np
import sympy as sp

from ..checks import Array, Choice, Expression, Function, Number, TrueFalse

TITLE = "Derivatives"

_x, _y = sp.symbols("x y")
# exercise 1 and 2: the chapter's cubic, a local maximum at x = 1 and a local minimum at x = 3
F_EXPR = _x ** 3 - 6 * _x ** 2 + 9 * _x + 1
DF_EXPR = sp.diff(F_EXPR, _x)


def _f(a):
    return a ** 3 - 6 * a ** 2 + 9 * a + 1


def _f_prime(a, h):
    return 3 * a ** 2 - 12 * a + 9 + 0 * h


def _central(a, h):
    return (_f(a + h) - _f(a - h)) / (2 * h)


def _forward(a, h):
    return (_f(a + h) - _f(a)) / h


def _backward(a, h):
    return (_f(a) - _f(a - h)) / h


def _no_two(a, h):
    return (_f(a + h) - _f(a - h)) / h


# exercise 4: a partial derivative; exercise 5: a quadratic with one minimum
G_EXPR = _x ** 2 * _y + _x * _y ** 3
BOWL = _x ** 2 + _x * _y + _y ** 2 - 4 * _x - 5 * _y
# exercise 7: the softplus ln(1 + e^(3x)); its derivative is 3σ(3x)
_u = sp.exp(3 * _x)
SOFTPLUS = sp.log(1 + _u)
# exercise 8: z = x² y at (1, 2), step (0.1, −0.05)
P, DP = np.array([1.0, 2.0]), np.array([0.1, -0.05])
APPROX = 2 * P[0] * P[1] * DP[0] + P[0] ** 2 * DP[1]
EXACT = (P[0] + DP[0]) ** 2 * (P[1] + DP[1]) - P[0] ** 2 * P[1]


def _terms(first, n):
    a = first
    for _ in range(n - 1):
        a = 2 * a + 3
    return a


EXERCISES = {
    "derivative": Expression(
        DF_EXPR,
        wrong=[(DF_EXPR + 1, "the derivative of the constant 1 is 0."),
               (sp.integrate(F_EXPR, _x), "that is an antiderivative (you integrated): differentiate instead."),
               (F_EXPR, "that is f itself; take its derivative, e.g. with sp.diff(f_expr, x)."),
               (3 * _x ** 2 - 6 * _x + 9, "the derivative of −6x² is −12x: the exponent 2 comes down as a factor.")],
        hint="differentiate term by term with (xⁿ)' = n·xⁿ⁻¹, or use sp.diff(f_expr, x)."),
    "central_difference": Function(
        _central, [(0.0, 0.5), (1.0, 0.1), (2.5, 1.0), (-1.0, 0.25), (3.0, 0.5), (4.0, 2.0)],
        wrong=[(_forward, "that is the forward quotient (f(a + h) − f(a)) / h; the central one uses a + h and a − h."),
               (_backward, "that is the backward quotient (f(a) − f(a − h)) / h; the central one uses a + h and a − h."),
               (_no_two, "divide by 2h: the two points a − h and a + h are 2h apart."),
               (_f_prime, "that is the exact f'(a); the exercise asks for the difference quotient with step h.")],
        hint="(f(a + h) − f(a − h)) / (2h)."),
    "zero_slope_minimum": TrueFalse(
        False, hint="x³ has slope 0 at x = 0 and no minimum there: f'(a) = 0 is necessary, not sufficient."),
    "partial_derivative": Expression(
        sp.diff(G_EXPR, _y),
        wrong=[(sp.diff(G_EXPR, _x), "that is ∂g/∂x; differentiate by y and hold x fixed."),
               (3 * _x * _y ** 2, "the term x²y depends on y too: its derivative by y is x²."),
               (sp.diff(G_EXPR, _x) + sp.diff(G_EXPR, _y), "you added ∂g/∂x; a partial derivative moves only y."),
               (_x ** 2 + 3 * _y ** 2, "x is a constant factor of xy³: its derivative by y is 3xy².")],
        hint="hold x fixed: ∂(x²y)/∂y = x² and ∂(xy³)/∂y = 3xy²."),
    "critical_point": Array(
        [1.0, 2.0],
        wrong=[([2.0, 2.5], "you dropped the xy term: its derivative by x is y, and by y it is x."),
               ([2.0, 1.0], "those are (y, x); give the point as [x, y].")],
        hint="solve 2x + y − 4 = 0 and x + 2y − 5 = 0 together, e.g. with sp.solve."),
    "lagrange_optimum": Number(
        8.0,
        wrong=[(2.0, "that is λ (and y at the optimum); the question asks for the largest value of xy."),
               (4.0, "that is x at the optimum; give the value of xy there."),
               (16.0, "that would be the answer for x + y = 8; the constraint here is x + 2y = 8.")],
        hint="from ∂L/∂x = ∂L/∂y = 0: y = λ and x = 2λ; put them into x + 2y = 8."),
    "chain_rule": Expression(
        sp.diff(SOFTPLUS, _x),
        wrong=[(_u / (1 + _u), "you forgot the inner derivative: d(3x)/dx = 3."),
               (1 / (1 + _u), "1/u is only the outer derivative; multiply by du/dx = 3e^(3x)."),
               (3 / (1 + _u), "the derivative of 1 + e^(3x) is 3e^(3x), not 3."),
               (3 * _u, "the outer derivative of ln u is 1/u: divide by 1 + e^(3x).")],
        hint="y = ln u with u = 1 + e^(3x): dy/dx = (1/u)·du/dx."),
    "linear_approximation": Number(
        APPROX,
        wrong=[(EXACT, "that is the exact Δz = z(1.1, 1.95) − z(1, 2); the approximation uses only ∂z/∂x and ∂z/∂y at (1, 2)."),
               (2 * P[0] * P[1] * DP[0], "that is the x part only; add ∂z/∂y·Δy."),
               (2 * P[0] * P[1] * DP[0] - P[0] ** 2 * DP[1], "Δy = −0.05 is negative: ∂z/∂y·Δy = 1·(−0.05)."),
               (P[0] ** 2 * P[1] + APPROX, "that is the new value z + Δz; the question asks for the change Δz.")],
        hint="Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy with ∂z/∂x = 2xy and ∂z/∂y = x² at (1, 2)."),
    "error_order": Choice(
        "b", options="abcd",
        hints={"a": "halving would mean an error of order Δ, but the terms of order Δ are exactly the ones the "
                    "approximation keeps.",
               "c": "an eighth would mean order Δ³; the first terms it leaves out are of order Δ², like ½·∂²z/∂x²·Δx².",
               "d": "the error does shrink: look at the table's error column."}),
    "recurrence_term": Number(
        _terms(1.0, 10),
        wrong=[(_terms(1.0, 9), "that is a_9: from a_1 to a_10 takes 9 steps."),
               (_terms(1.0, 11), "that is a_11: from a_1 to a_10 takes 9 steps, not 10.")],
        hint="apply a ↦ 2a + 3 nine times, starting from a_1 = 1."),
}
