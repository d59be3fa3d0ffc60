"""Chapter 02: every exercise accepts its correct forms and names the typical mistakes."""
import math

import numpy as np
import pytest
import sympy as sp

from dlmath import linalg as la
from dlmath.checks import TODO
from dlmath.exercises import evaluate
from exercise_asserts import fails_with, passes


a, b = np.array([2.0, -3.0, 6.0]), np.array([2.0, 2.0, 1.0])
r, s, alpha, beta = sp.symbols("r s alpha beta", positive=True)
a_polar = sp.Matrix([r * sp.cos(alpha), r * sp.sin(alpha)])
b_polar = sp.Matrix([s * sp.cos(beta), s * sp.sin(beta)])
grad_f = np.array([3.0, -4.0])
A, B = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 1.0], [1.0, 0.0]])
P, Q = np.array([[1.0, -2.0, 3.0], [0.0, 4.0, -1.0]]), np.array([[2.0, 0.5, -1.0], [3.0, 1.0, 2.0]])


def loop_inner(u, v):
    total = 0.0
    for i in range(len(u)):
        total += u[i] * v[i]
    return total


def math_inner(u, v):
    return math.fsum(x * y for x, y in zip(u, v))


def two_d_inner(u, v):  # only looks at the first two coordinates
    return u[0] * v[0] + u[1] * v[1]


def first_only(u, v):
    return u[0] * v[0]


@pytest.mark.parametrize("exercise_id, answer", [
    ("02.length", 7), ("02.length", 7.0), ("02.length", np.sqrt(np.sum(a ** 2))), ("02.length", np.linalg.norm(a)),
    ("02.length", la.norm(a)), ("02.length", math.sqrt(49)), ("02.length", np.sqrt(a @ a)),
    ("02.inner_product", 4), ("02.inner_product", a @ b), ("02.inner_product", np.dot(a, b)),
    ("02.inner_product", np.sum(a * b)), ("02.inner_product", la.inner(a, b)), ("02.inner_product", np.int64(4)),
    ("02.inner", loop_inner), ("02.inner", math_inner), ("02.inner", np.dot), ("02.inner", la.inner),
    ("02.inner", lambda u, v: u @ v), ("02.inner", lambda u, v: np.sum(u * v)),
    ("02.inner", lambda u, v: sum(x * y for x, y in zip(u, v))),
    ("02.two_ways", sp.simplify(a_polar.dot(b_polar))), ("02.two_ways", a_polar.dot(b_polar)),
    ("02.two_ways", r * s * sp.cos(alpha - beta)), ("02.two_ways", r * s * sp.cos(beta - alpha)),
    ("02.two_ways", a_polar[0] * b_polar[0] + a_polar[1] * b_polar[1]),
    ("02.two_ways", (a_polar.T * b_polar)[0]),
    ("02.two_ways", sp.Symbol("r") * sp.Symbol("s") * sp.cos(sp.Symbol("alpha") - sp.Symbol("beta"))),
    ("02.angle_degrees", np.degrees(np.arccos(4 / 21))), ("02.angle_degrees", 79.02), ("02.angle_degrees", 79),
    ("02.angle_degrees", np.degrees(la.angle(a, b))), ("02.angle_degrees", math.acos(4 / 21) * 180 / math.pi),
    ("02.equality_case", False), ("02.equality_case", np.False_), ("02.equality_case", "false"),
    ("02.steepest_direction", [-0.6, 0.8]), ("02.steepest_direction", (-0.6, 0.8)),
    ("02.steepest_direction", -grad_f / np.linalg.norm(grad_f)),
    ("02.steepest_direction", la.steepest_descent_direction(grad_f)), ("02.steepest_direction", np.array([-3, 4]) / 5),
    ("02.matrix_product", A @ B), ("02.matrix_product", [[2, 1], [4, 3]]), ("02.matrix_product", np.dot(A, B)),
    ("02.matrix_product", la.matmul(A, B)), ("02.matrix_product", np.matmul(A, B).astype(int)),
    ("02.commutative", "b"), ("02.commutative", "B"), ("02.commutative", "b)"),
    ("02.hadamard", P * Q), ("02.hadamard", np.multiply(P, Q)), ("02.hadamard", la.hadamard(P, Q)),
    ("02.hadamard", [[2, -1, -3], [0, 4, -2]]), ("02.hadamard", ((2, -1, -3), (0, 4, -2))),
])
def test_correct_forms_pass(exercise_id, answer):
    passes(exercise_id, answer)


@pytest.mark.parametrize("exercise_id, answer, hint", [
    ("02.length", 49, "square root"),
    ("02.length", 11, "|a_i|"),
    ("02.length", 5, "adds the coordinates"),
    ("02.length", -7, "sign"),
    ("02.length", "7", "without quotes"),
    ("02.inner_product", 21, "Cauchy–Schwarz bound"),
    ("02.inner_product", 25, "multiply matching coordinates first"),
    ("02.inner_product", 10, "multiplies matching coordinates"),
    ("02.inner_product", a * b, "single number"),
    ("02.inner", lambda u, v: u * v, "element-wise product"),
    ("02.inner", lambda u, v: np.sum(u) * np.sum(v), "multiply matching entries first"),
    ("02.inner", lambda u, v: la.norm(u) * la.norm(v), "‖a‖‖b‖"),
    ("02.inner", lambda u, v: np.sum(u + v), "not the sums"),
    ("02.inner", two_d_inner, "differs at x"),
    ("02.inner", first_only, "differs at x"),
    ("02.inner", lambda u, v: 1 / 0, "ZeroDivisionError"),
    ("02.inner", 4.0, "expected a function"),
    ("02.two_ways", r * s * sp.cos(alpha + beta), "cos(α + β)"),
    ("02.two_ways", sp.cos(alpha - beta), "lengths are missing"),
    ("02.two_ways", r * s * sp.sin(alpha - beta), "check the coordinates"),
    ("02.two_ways", r * s * sp.cos(alpha) * sp.cos(beta), "only a1·b1"),
    ("02.two_ways", -r * s * sp.cos(alpha - beta), "sign"),
    ("02.two_ways", "r*s*cos(alpha - beta)", "got text"),
    ("02.two_ways", a_polar, "expected a sympy expression"),
    ("02.angle_degrees", np.arccos(4 / 21), "radians"),
    ("02.angle_degrees", 4 / 21, "cos θ"),
    ("02.angle_degrees", 90 - np.degrees(np.arccos(4 / 21)), "arcsin"),
    ("02.angle_degrees", np.degrees(np.arccos(4 / 7)), "both lengths"),
    ("02.angle_degrees", 78.9, "too small"),
    ("02.angle_degrees", float("nan"), "nan"),  # arccos(a·b) without dividing by the lengths
    ("02.equality_case", True, "opposite directions"),
    ("02.equality_case", 1, "True or False"),
    ("02.steepest_direction", [0.6, -0.8], "steepest ascent"),
    ("02.steepest_direction", [-3, 4], "not a unit vector"),
    ("02.steepest_direction", [0.8, 0.6], "perpendicular"),
    ("02.steepest_direction", [-0.8, -0.6], "perpendicular"),
    ("02.steepest_direction", [[-0.6], [0.8]], "shape"),
    ("02.matrix_product", B @ A, "the order matters"),
    ("02.matrix_product", A * B, "element-wise product"),
    ("02.matrix_product", (A @ B).T, "(A B)ᵀ"),
    ("02.matrix_product", [2, 1, 4, 3], "the numbers are right but the shape"),
    ("02.matrix_product", [[2, 1], [4, 4]], "entry (1, 1)"),
    ("02.commutative", "a", "counterexample"),
    ("02.commutative", "c", "transposes of each other"),
    ("02.commutative", "d", "one of them is"),
    ("02.commutative", "e", "choose one of"),
    ("02.hadamard", P + Q, "sum"),
    ("02.hadamard", P @ Q.T, "matrix product P Qᵀ"),
    ("02.hadamard", Q.T @ P, "matrix product Qᵀ P"),
    ("02.hadamard", (P * Q).T, "transpose"),
    ("02.hadamard", -(P * Q), "sign"),
])
def test_typical_mistakes_get_their_hint(exercise_id, answer, hint):
    fails_with(exercise_id, answer, hint)


def test_untouched_stubs_are_not_attempted():
    for name in ["length", "inner_product", "two_ways", "angle_degrees", "equality_case",
                 "steepest_direction", "matrix_product", "commutative", "hadamard"]:
        assert evaluate(f"02.{name}", ...).status == TODO
    assert evaluate("02.inner", lambda u, v: ...).status == TODO


def test_the_chapter_has_at_least_seven_exercises_of_mixed_kinds():
    from dlmath.exercises import CHAPTERS
    kinds = {type(kind).__name__ for kind in CHAPTERS["02"].EXERCISES.values()}
    assert len(CHAPTERS["02"].EXERCISES) >= 7
    assert {"Number", "Array", "Function", "Expression", "Choice", "TrueFalse"} <= kinds
