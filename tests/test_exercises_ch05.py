"""Chapter 05: every exercise accepts its correct forms and names the typical mistakes."""
import math

import numpy as np
import pytest
import sympy as sp

from dlmath import regression as reg
from dlmath.exercises import evaluate
from exercise_asserts import fails_with, passes


x, y = reg.X, reg.Y
p, q = sp.symbols("p q")
p_real, q_real = sp.symbols("p q", real=True)
guess_r = y - (0.4 * x + 50)

# C_T built three ways: exact fractions, the numpy floats, and the learner's own real symbols
C_exact = sum(sp.Rational(1, 2) * (sp.Rational(str(yk)) - (p * sp.Rational(str(xk)) + q)) ** 2 for xk, yk in zip(x, y))
C_float = sum(0.5 * (yk - (p * xk + q)) ** 2 for xk, yk in zip(x, y))
C_real = sum(sp.Rational(1, 2) * (yk - (p_real * xk + q_real)) ** 2 for xk, yk in zip(x, y))


def solve_normal_equations():
    A = np.array([[np.sum(x * x), np.sum(x)], [np.sum(x), len(x)]])
    return np.linalg.solve(A, [np.sum(x * y), np.sum(y)])


def cost_loop(p_, q_):
    total = 0.0
    for xk, yk in zip(x, y):
        total += (yk - (p_ * xk + q_)) ** 2 / 2
    return total


def cost_dot(p_, q_):
    r = y - (p_ * x + q_)
    return 0.5 * r @ r


def cost_math(p_, q_):
    return math.fsum(0.5 * (float(yk) - (p_ * float(xk) + q_)) ** 2 for xk, yk in zip(x, y))


def lstsq_fit():
    A = np.column_stack([x, np.ones_like(x)])
    return np.linalg.lstsq(A, y, rcond=None)[0]


def gd_fit():
    return reg.fit_by_gradient_descent(x, y, 0.011, steps=3000, tol=1e-12).x


ends = [int(np.argmin(x)), int(np.argmax(x))]
slope = (y[ends[1]] - y[ends[0]]) / (x[ends[1]] - x[ends[0]])


@pytest.mark.parametrize("exercise_id, answer", [
    ("05.residuals", guess_r), ("05.residuals", list(guess_r)), ("05.residuals", tuple(guess_r)),
    ("05.residuals", reg.residuals(0.4, 50, x, y)),
    ("05.residuals", [yk - (0.4 * xk + 50) for xk, yk in zip(x, y)]),
    ("05.cost_value", 0.5 * np.sum(guess_r ** 2)), ("05.cost_value", reg.cost(0.4, 50, x, y)),
    ("05.cost_value", float(0.5 * guess_r @ guess_r)), ("05.cost_value", cost_loop(0.4, 50)),
    ("05.cost_value", np.float32(0.5 * np.sum(guess_r ** 2))),
    ("05.cost_function", cost_loop), ("05.cost_function", cost_dot), ("05.cost_function", cost_math),
    ("05.cost_function", lambda p_, q_: reg.cost(p_, q_, x, y)),
    ("05.cost_function", lambda p_, q_: np.sum(reg.squared_errors(p_, q_, x, y))),
    ("05.dC_dp", sp.diff(C_exact, p)), ("05.dC_dp", sp.diff(C_float, p)), ("05.dC_dp", sp.diff(C_real, p_real)),
    ("05.dC_dp", sp.expand(sp.diff(C_exact, p))),
    ("05.dC_dp", -sum(xk * (yk - (p * xk + q)) for xk, yk in zip(x, y))),
    ("05.dC_dp", 169 * p - sp.Rational(1779, 20)),
    ("05.fit", list(reg.normal_equations(x, y))), ("05.fit", solve_normal_equations()),
    ("05.fit", lstsq_fit()), ("05.fit", gd_fit()), ("05.fit", (sp.Rational(1779, 3380), sp.Rational(729, 14))),
    ("05.fit", [np.sum(x * y) / np.sum(x * x), np.mean(y)]), ("05.fit", [0.5263, 52.07]),
    ("05.eta_limit", 2 / 169), ("05.eta_limit", 2 / np.sum(x ** 2)), ("05.eta_limit", reg.largest_stable_eta(x)),
    ("05.eta_limit", 0.011834), ("05.eta_limit", 0.0118),
    ("05.two_point_line", [slope, y[ends[0]] - slope * x[ends[0]]]),
    ("05.two_point_line", np.array(reg.normal_equations(x[ends], y[ends]))),
    ("05.two_point_line", np.polyfit(x[ends], y[ends], 1)),
    ("05.two_point_line", (8.5 / 15.5, 55.9 - 7.5 * 8.5 / 15.5)), ("05.two_point_line", [0.5484, 51.787]),
    ("05.exact_fit_parameters", 12), ("05.exact_fit_parameters", 12.0), ("05.exact_fit_parameters", np.int64(12)),
    ("05.nonzero_cost", "b"), ("05.nonzero_cost", "B"), ("05.nonzero_cost", "b)"),
])
def test_correct_forms_pass(exercise_id, answer):
    passes(exercise_id, answer)


def cost_without_half(p_, q_):
    return np.sum((y - (p_ * x + q_)) ** 2)


def cost_mean(p_, q_):
    return 0.5 * np.mean((y - (p_ * x + q_)) ** 2)


def cost_mse(p_, q_):
    return np.mean((y - (p_ * x + q_)) ** 2)


def cost_unsquared(p_, q_):
    return 0.5 * np.sum(y - (p_ * x + q_))


@pytest.mark.parametrize("exercise_id, answer, hint", [
    ("05.residuals", 0.4 * x + 50, "predictions"),
    ("05.residuals", guess_r ** 2, "squared residuals"),
    ("05.residuals", 0.5 * guess_r ** 2, "squared errors"),
    ("05.residuals", y - 0.4 * x, "intercept"),
    ("05.residuals", -guess_r, "sign"),
    ("05.residuals", guess_r[:6], "shape"),
    ("05.cost_value", np.sum(guess_r ** 2), "forgot the ½"),
    ("05.cost_value", 0.5 * np.sum(guess_r), "square each residual"),
    ("05.cost_value", np.sum(guess_r), "square each residual"),
    ("05.cost_value", 0.5 * np.mean(guess_r ** 2), "not the mean"),
    ("05.cost_value", np.mean(guess_r ** 2), "mean squared error"),
    ("05.cost_value", guess_r, "single number"),
    ("05.cost_function", cost_without_half, "½ is missing"),
    ("05.cost_function", cost_mean, "a mean"),
    ("05.cost_function", cost_mse, "mean squared error"),
    ("05.cost_function", cost_unsquared, "square the residuals"),
    ("05.cost_function", lambda p_, q_: 0.5 * np.sum((y - (q_ * x + p_)) ** 2), "differs at"),
    ("05.dC_dp", 2 * sp.diff(C_exact, p), "without the ½"),
    ("05.dC_dp", sp.diff(C_exact, q), "∂C_T/∂q"),
    ("05.dC_dp", sum(xk * (yk - (p * xk + q)) for xk, yk in zip(x, y)), "−x_k"),
    ("05.dC_dp", C_exact, "C_T itself"),
    ("05.dC_dp", "169*p - 88.95", "got text"),
    ("05.dC_dp", 169 * p - 88.95 + sp.Symbol("x"), "uses x"),
    ("05.dC_dp", 169 * p, "not equal to the expected expression"),
    ("05.dC_dp", sp.Eq(p, 1), "equation"),
    ("05.fit", list(reg.normal_equations(x, y))[::-1], "order is (p, q)"),
    ("05.fit", list(reg.normal_equations(reg.HEIGHTS, y)), "heights in cm"),
    ("05.fit", [0.5, 52.0], "made up around"),
    ("05.fit", [0.5263], "shape"),
    ("05.eta_limit", 1 / 169, "one step"),
    ("05.eta_limit", 2 / 7, "limit for q alone"),
    ("05.eta_limit", 1 / 7, "q to q* in one step"),
    ("05.eta_limit", 2 / (169 + 7), "balances"),
    ("05.eta_limit", 0.1, "too large"),
    ("05.two_point_line", [y[ends[0]] - slope * x[ends[0]], slope], "order is (p, q)"),
    ("05.two_point_line", [1 / slope, y[ends[0]] - slope * x[ends[0]]], "Δy/Δx"),
    ("05.two_point_line", [slope, y[ends[0]] + slope * x[ends[0]]], "q = y₁ − p x₁"),
    ("05.two_point_line", list(reg.normal_equations(x, y)), "is"),
    ("05.exact_fit_parameters", 11, "degree"),
    ("05.exact_fit_parameters", 2, "a line has 2"),
    ("05.exact_fit_parameters", 13, "one is spare"),
    ("05.fit", [0.526, 52.07], "is 0.526, which is not it"),
    ("05.nonzero_cost", "a", "C_T = 0 is not the goal"),
    ("05.nonzero_cost", "c", "exact minimiser"),
    ("05.nonzero_cost", "d", "halves"),
    ("05.nonzero_cost", "e", "choose one of"),
])
def test_typical_mistakes_get_their_hint(exercise_id, answer, hint):
    fails_with(exercise_id, answer, hint)


def test_the_function_stub_is_not_attempted():
    assert evaluate("05.cost_function", lambda p_, q_: ...).status == "todo"


def test_choice_hint_quotes_the_polynomial_peak_of_the_notebook():
    # the hint's number comes from the same data and the same polynomial the chapter plots
    c = reg.polynomial_through(x, y)
    peak = reg.polynomial_value(c, np.linspace(x.min(), x.max(), 4001)).max()
    assert f"{peak:.0f} kg" in evaluate("05.nonzero_cost", "a").message
