"""Chapter 04: every exercise accepts its correct forms and names the typical mistakes."""
import math

import numpy as np
import pytest
import sympy as sp

from dlmath import optimize as opt
from exercise_asserts import fails_with, passes


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


@pytest.mark.parametrize("exercise_id, answer", [
    ("04.steepest_step", -0.26 * grad_p / np.linalg.norm(grad_p)), ("04.steepest_step", [0.1, -0.24]),
    ("04.steepest_step", (0.1, -0.24)), ("04.steepest_step", -0.26 * grad_p / math.hypot(5, 12)),
    ("04.steepest_step", -0.02 * grad_p),
    ("04.gradient_x", sp.diff(g, x)), ("04.gradient_x", 2 * x * sp.exp(y)), ("04.gradient_x", 2 * x_real * sp.E ** y_real),
    ("04.gradient_x", sp.Matrix([g]).jacobian([x, y])[0]), ("04.gradient_x", x * sp.exp(y / 2) ** 2 * 2),
    ("04.gradient_y", sp.diff(g, y)), ("04.gradient_y", x**2 * sp.exp(y) + 2 * y),
    ("04.gradient_y", sp.exp(y) * (x**2 + 2 * y * sp.exp(-y))), ("04.gradient_y", x_real**2 * sp.exp(y_real) + 2 * y_real),
    ("04.update_step", [0.8, 0.8]), ("04.update_step", np.array([1.0, 2.0]) - 0.1 * np.array([2.0, 12.0])),
    ("04.update_step", (0.8, 0.8)),
    ("04.gradient_step", step_numpy), ("04.gradient_step", step_asarray), ("04.gradient_step", step_copy),
    ("04.gradient_step", lambda x, grad, eta: x + (-eta) * grad),
    ("04.steps_to_tolerance", 10), ("04.steps_to_tolerance", 10.0), ("04.steps_to_tolerance", np.int64(10)),
    ("04.steps_to_tolerance", count_by_loop()), ("04.steps_to_tolerance", count_by_lib()),
    ("04.steps_to_tolerance", math.ceil(math.log(1e-3) / math.log(0.5))),
    ("04.largest_stable_eta", 2 / 6), ("04.largest_stable_eta", 1 / 3), ("04.largest_stable_eta", 0.3333),
    ("04.largest_stable_eta", sp.Rational(1, 3)), ("04.largest_stable_eta", opt.largest_stable_eta(6.0)),
    ("04.above_threshold", "c"), ("04.above_threshold", "C"), ("04.above_threshold", "c)"),
    ("04.gradient_points_to_minimum", False), ("04.gradient_points_to_minimum", np.bool_(False)),
    ("04.gradient_points_to_minimum", "false"),
])
def test_correct_forms_pass(exercise_id, answer):
    passes(exercise_id, answer)


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


@pytest.mark.parametrize("exercise_id, answer, hint", [
    ("04.steepest_step", [-0.1, 0.24], "uphill"),
    ("04.steepest_step", [1.3, -3.12], "divide ∇f by its length"),
    ("04.steepest_step", [5.0, -12.0], "−∇f itself"),
    ("04.steepest_step", [5 / 13, -12 / 13], "length 0.26"),
    ("04.steepest_step", [0.1, -0.24, 0.0], "expected shape (2,)"),
    ("04.steepest_step", [0.24, -0.1], "entry 0"),
    ("04.gradient_x", x**2 * sp.exp(y), "the term x²·e^y itself"),
    ("04.gradient_x", 2 * x, "keep it"),
    ("04.gradient_x", x**2 * sp.exp(y) + 2 * y, "that is ∂g/∂y"),
    ("04.gradient_x", 2 * x * sp.exp(y) + 2 * y, "does not depend on x"),
    ("04.gradient_x", -2 * x * sp.exp(y), "sign"),
    ("04.gradient_x", "2*x*exp(y)", "got text"),
    ("04.gradient_y", 2 * x * sp.exp(y), "that is ∂g/∂x"),
    ("04.gradient_y", x**2 * sp.exp(y), "add its derivative 2y"),
    ("04.gradient_y", sp.exp(y) + 2 * y, "constant factor"),
    ("04.gradient_y", x**2 * sp.exp(y) + y, "not y"),
    ("04.gradient_y", x**2 * sp.exp(y) + 2 * sp.Symbol("z"), "z"),
    ("04.update_step", [1.2, 3.2], "uphill"),
    ("04.update_step", [-1.0, -10.0], "multiply the gradient by η"),
    ("04.update_step", [0.2, 1.2], "subtract it from p"),
    ("04.update_step", [-0.2, -1.2], "the new point is p + Δp"),
    ("04.update_step", [0.9, 1.4], "don't just copy the coefficients"),
    ("04.gradient_step", step_uphill, "uphill"),
    ("04.gradient_step", step_without_eta, "η is missing"),
    ("04.gradient_step", step_scaled_x, "not by x"),
    ("04.gradient_step", only_the_step, "new point"),
    ("04.gradient_step", step_inplace, "changed its input x in place"),
    ("04.gradient_step", step_with_lists, "not iterable"),
    ("04.steps_to_tolerance", 9, "not yet below"),
    ("04.steps_to_tolerance", 11, "already below"),
    ("04.steps_to_tolerance", 25, "the derivative of x² is 2x"),
    ("04.largest_stable_eta", 2 / 3, "f'' = 6, not 3"),
    ("04.largest_stable_eta", 1 / 6, "twice that"),
    ("04.largest_stable_eta", -1 / 3, "sign"),
    ("04.largest_stable_eta", 2.0, "too large"),
    ("04.above_threshold", "a", "it grows"),
    ("04.above_threshold", "b", "overshoot"),
    ("04.above_threshold", "d", "they grow"),
    ("04.above_threshold", "e", "choose one of"),
    ("04.gradient_points_to_minimum", True, "not parallel"),
])
def test_typical_mistakes_get_their_hint(exercise_id, answer, hint):
    fails_with(exercise_id, answer, hint)


def test_the_expected_answers_follow_from_the_math():
    # exercise 1: the steepest step has length 0.5 and points along −∇f
    from dlmath.exercises.ch04 import EXERCISES
    step = EXERCISES["steepest_step"].expected
    assert np.linalg.norm(step) == pytest.approx(0.26) and step @ grad_p == pytest.approx(-0.26 * 13)
    # exercise 6: the first k with |x_k| < 10⁻³, from the recurrence itself
    assert EXERCISES["steps_to_tolerance"].expected == count_by_loop()
    # exercise 7: 2/f'' with f'' from sympy
    t = sp.Symbol("t")
    assert EXERCISES["largest_stable_eta"].expected == pytest.approx(float(2 / sp.diff(3 * t**2 - 12 * t + 7, t, 2)))
    # exercise 9: −∇f(2, 1) on x² + 10y² is not parallel to the direction to the minimum
    down, to_min = -np.array([2 * 2.0, 20 * 1.0]), -np.array([2.0, 1.0])
    assert abs(down[0] * to_min[1] - down[1] * to_min[0]) > 1e-6
