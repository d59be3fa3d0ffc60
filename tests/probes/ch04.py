"""Chapter 04 probes: answers a learner plausibly writes for each exercise (see probes/__init__.py)."""
import math

import numpy as np
import sympy as sp

from dlmath import optimize as opt

x, y = sp.symbols("x y")
x_real, y_real = sp.symbols("x y", real=True)
g = x**2 * sp.exp(y) + y**2
grad_p = np.array([-5.0, 12.0])


def step_numpy(x, grad, eta):
    return x - eta * grad


def step_asarray(x, grad, eta):
    return np.subtract(x, np.multiply(eta, grad))


def step_copy(x, grad, eta):
    new = np.array(x, dtype=float, copy=True)
    new -= eta * np.asarray(grad)
    return new


def step_inplace(x, grad, eta):
    x -= eta * grad
    return x


def count_by_loop():
    x_k, k = 1.0, 0
    while abs(x_k) >= 1e-3:
        x_k -= 0.25 * 2 * x_k
        k += 1
    return k


def count_by_lib():
    run = opt.gradient_descent(lambda t: 2 * t, 1.0, 0.25, steps=100, tol=0.0)
    return int(np.argmax(np.abs(run.path[:, 0]) < 1e-3))


def step_uphill(x, grad, eta):
    return x + eta * grad


def step_without_eta(x, grad, eta):
    return x - grad


def step_scaled_x(x, grad, eta):
    return x - eta * x


def only_the_step(x, grad, eta):
    return -eta * grad


def step_with_lists(x, grad, eta):
    return [xi - eta * gi for xi, gi in zip(x, grad)]


CORRECT = {
    "steepest_step": [
        -0.26 * grad_p / np.linalg.norm(grad_p),
        [0.1, -0.24],
        (0.1, -0.24),
        -0.26 * grad_p / math.hypot(5, 12),
        -0.02 * grad_p,
    ],
    "gradient_x": [
        sp.diff(g, x),
        2 * x * sp.exp(y),
        2 * x_real * sp.E ** y_real,
        sp.Matrix([g]).jacobian([x, y])[0],
        x * sp.exp(y / 2) ** 2 * 2,
    ],
    "gradient_y": [
        sp.diff(g, y),
        x**2 * sp.exp(y) + 2 * y,
        sp.exp(y) * (x**2 + 2 * y * sp.exp(-y)),
        x_real**2 * sp.exp(y_real) + 2 * y_real,
    ],
    "update_step": [
        [0.8, 0.8],
        np.array([1.0, 2.0]) - 0.1 * np.array([2.0, 12.0]),
        (0.8, 0.8),
    ],
    "gradient_step": [
        step_numpy,
        step_asarray,
        step_copy,
        lambda x, grad, eta: x + (-eta) * grad,
    ],
    "steps_to_tolerance": [
        10,
        10.0,
        np.int64(10),
        count_by_loop(),
        count_by_lib(),
        math.ceil(math.log(1e-3) / math.log(0.5)),
    ],
    "largest_stable_eta": [
        2 / 6,
        1 / 3,
        0.3333,
        0.333,
        sp.Rational(1, 3),
        opt.largest_stable_eta(6.0),
    ],
    "above_threshold": [
        "c",
        "C",
        "c)",
    ],
    "gradient_points_to_minimum": [
        False,
        np.bool_(False),
        "false",
    ],
}

WRONG = {
    "steepest_step": [
        ([-0.1, 0.24], "uphill"),
        ([1.3, -3.12], "divide ∇f by its length"),
        ([5.0, -12.0], "−∇f itself"),
        ([5 / 13, -12 / 13], "length 0.26"),
        ([0.1, -0.24, 0.0], "expected shape (2,)"),
        ([0.24, -0.1], "entry 0"),
    ],
    "gradient_x": [
        (x**2 * sp.exp(y), "the term x²·e^y itself"),
        (2 * x, "keep it"),
        (x**2 * sp.exp(y) + 2 * y, "that is ∂g/∂y"),
        (2 * x * sp.exp(y) + 2 * y, "does not depend on x"),
        (-2 * x * sp.exp(y), "sign"),
        ("2*x*exp(y)", "got text"),
    ],
    "gradient_y": [
        (2 * x * sp.exp(y), "that is ∂g/∂x"),
        (x**2 * sp.exp(y), "add its derivative 2y"),
        (sp.exp(y) + 2 * y, "constant factor"),
        (x**2 * sp.exp(y) + y, "not y"),
        (x**2 * sp.exp(y) + 2 * sp.Symbol("z"), "z"),
    ],
    "update_step": [
        ([1.2, 3.2], "uphill"),
        ([-1.0, -10.0], "multiply the gradient by η"),
        ([0.2, 1.2], "subtract it from p"),
        ([-0.2, -1.2], "the new point is p + Δp"),
        ([0.9, 1.4], "don't just copy the coefficients"),
    ],
    "gradient_step": [
        (step_uphill, "uphill"),
        (step_without_eta, "η is missing"),
        (step_scaled_x, "not by x"),
        (only_the_step, "new point"),
        (step_inplace, "changed its input x in place"),
        (step_with_lists, "not iterable"),
    ],
    "steps_to_tolerance": [
        (9, "not yet below"),
        (11, "already below"),
        (25, "the derivative of x² is 2x"),
    ],
    "largest_stable_eta": [
        (2 / 3, "f'' = 6, not 3"),
        (1 / 6, "twice that"),
        (-1 / 3, "sign"),
        (2.0, "too large"),
    ],
    "above_threshold": [
        ("a", "it grows"),
        ("b", "overshoot"),
        ("d", "they grow"),
        ("e", "choose one of"),
    ],
    "gradient_points_to_minimum": [
        (True, "not parallel"),
        (np.True_, "not parallel"),
        ("True", "not parallel"),
        (None, "True or False"),
    ],
}
