"""Chapter 05 probes: answers a learner plausibly writes for each exercise (see probes/__init__.py)."""
import math

import numpy as np
import sympy as sp

from dlmath import regression as reg

x, y = reg.X, reg.Y
p, q = sp.symbols("p q")
p_real, q_real = sp.symbols("p q", real=True)
guess_r = y - (0.4 * x + 50)
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


def cost_without_half(p_, q_):
    return np.sum((y - (p_ * x + q_)) ** 2)


def cost_mean(p_, q_):
    return 0.5 * np.mean((y - (p_ * x + q_)) ** 2)


def cost_mse(p_, q_):
    return np.mean((y - (p_ * x + q_)) ** 2)


def cost_unsquared(p_, q_):
    return 0.5 * np.sum(y - (p_ * x + q_))



def cost_in_place(p_, q_):  # r = y is the course's data array itself, and it is read-only
    r = y
    r -= p_ * x + q_
    return 0.5 * np.sum(r ** 2)


def cost_from_heights(p_, q_):  # the heights in cm instead of the centred x
    return 0.5 * np.sum((y - (p_ * reg.HEIGHTS + q_)) ** 2)


C_cm = sum(sp.Rational(1, 2) * (sp.Rational(str(yk)) - (p * sp.Rational(str(hk)) + q)) ** 2
           for hk, yk in zip(reg.HEIGHTS, y))


CORRECT = {
    "residuals": [
        guess_r,
        list(guess_r),
        tuple(guess_r),
        reg.residuals(0.4, 50, x, y),
        [yk - (0.4 * xk + 50) for xk, yk in zip(x, y)],
    ],
    "cost_value": [
        0.5 * np.sum(guess_r ** 2),
        reg.cost(0.4, 50, x, y),
        float(0.5 * guess_r @ guess_r),
        cost_loop(0.4, 50),
        np.float32(0.5 * np.sum(guess_r ** 2)),
    ],
    "cost_function": [
        cost_loop,
        cost_dot,
        cost_math,
        lambda p_, q_: reg.cost(p_, q_, x, y),
        lambda p_, q_: np.sum(reg.squared_errors(p_, q_, x, y)),
    ],
    "dC_dp": [
        sp.diff(C_exact, p),
        sp.diff(C_float, p),
        sp.diff(C_real, p_real),
        sp.expand(sp.diff(C_exact, p)),
        -sum(xk * (yk - (p * xk + q)) for xk, yk in zip(x, y)),
        169 * p - sp.Rational(1779, 20),
    ],
    "fit": [
        list(reg.normal_equations(x, y)),
        solve_normal_equations(),
        lstsq_fit(),
        gd_fit(),
        (sp.Rational(1779, 3380), sp.Rational(729, 14)),
        [np.sum(x * y) / np.sum(x * x), np.mean(y)],
        [0.5263, 52.07],
    ],
    "eta_limit": [
        2 / 169,
        2 / np.sum(x ** 2),
        reg.largest_stable_eta(x),
        0.011834,
        0.0118,
    ],
    "two_point_line": [
        [slope, y[ends[0]] - slope * x[ends[0]]],
        np.array(reg.normal_equations(x[ends], y[ends])),
        np.polyfit(x[ends], y[ends], 1),
        (8.5 / 15.5, 55.9 - 7.5 * 8.5 / 15.5),
        [0.5484, 51.787],
        [0.5484, 51.79],
    ],
    "exact_fit_parameters": [
        12,
        12.0,
        np.int64(12),
    ],
    "nonzero_cost": [
        "b",
        "B",
        "b)",
        "(b)",
    ],
}

WRONG = {
    "residuals": [
        (0.4 * x + 50, "predictions"),
        (guess_r ** 2, "squared residuals"),
        (0.5 * guess_r ** 2, "squared errors"),
        (y - 0.4 * x, "intercept"),
        (-guess_r, "sign"),
        (guess_r[:6], "shape"),
    ],
    "cost_value": [
        (np.sum(guess_r ** 2), "forgot the ½"),
        (0.5 * np.sum(guess_r), "square each residual"),
        (np.sum(guess_r), "square each residual"),
        (0.5 * np.mean(guess_r ** 2), "not the mean"),
        (np.mean(guess_r ** 2), "mean squared error"),
        (guess_r, "single number"),
    ],
    "cost_function": [
        (cost_in_place, "read-only"),
        (cost_from_heights, "differs at x"),
        (cost_without_half, "½ is missing"),
        (cost_mean, "a mean"),
        (cost_mse, "mean squared error"),
        (cost_unsquared, "square the residuals"),
        (lambda p_, q_: 0.5 * np.sum((y - (q_ * x + p_)) ** 2), "differs at"),
    ],
    "dC_dp": [
        (sp.diff(C_cm, p), "heights in cm"),
        (2 * sp.diff(C_exact, p), "without the ½"),
        (sp.diff(C_exact, q), "∂C_T/∂q"),
        (sum(xk * (yk - (p * xk + q)) for xk, yk in zip(x, y)), "−x_k"),
        (C_exact, "C_T itself"),
        ("169*p - 88.95", "got text"),
        (169 * p - 88.95 + sp.Symbol("x"), "uses x"),
        (169 * p, "not equal to the expected expression"),
        (sp.Eq(p, 1), "equation"),
    ],
    "fit": [
        ([0.53, 52.1], "not within the precision"),
        (sp.solve([sp.diff(C_exact, p), sp.diff(C_exact, q)], [p, q]), "sp.solve"),
        (list(reg.normal_equations(x, y))[::-1], "order is (p, q)"),
        (list(reg.normal_equations(reg.HEIGHTS, y)), "heights in cm"),
        ([0.5, 52.0], "made up around"),
        ([0.5263], "shape"),
        ([0.526, 52.07], "not within the precision"),
    ],
    "eta_limit": [
        (1 / 169, "one step"),
        (2 / 7, "limit for q alone"),
        (1 / 7, "q to q* in one step"),
        (2 / (169 + 7), "balances"),
        (0.1, "too large"),
    ],
    "two_point_line": [
        ([y[ends[0]] - slope * x[ends[0]], slope], "order is (p, q)"),
        ([1 / slope, y[ends[0]] - slope * x[ends[0]]], "Δy/Δx"),
        ([slope, y[ends[0]] + slope * x[ends[0]]], "q = y₁ − p x₁"),
        (list(reg.normal_equations(x, y)), "is"),
    ],
    "exact_fit_parameters": [
        (11, "degree"),
        (2, "a line has 2"),
        (13, "one is spare"),
    ],
    "nonzero_cost": [
        ("a", "C_T = 0 is not the goal"),
        ("c", "exact minimiser"),
        ("d", "halves"),
        ("e", "choose one of"),
    ],
}
