"""Chapter 02 probes: answers a learner plausibly writes for each exercise (see probes/__init__.py)."""
import math

import numpy as np
import sympy as sp

from dlmath import linalg as la
from dlmath.course.exercises import ch02 as c

a, b = c.A_VEC, c.B_VEC
r, s, alpha, beta = sp.symbols("r s alpha beta", positive=True)
a_polar = sp.Matrix([r * sp.cos(alpha), r * sp.sin(alpha)])
b_polar = sp.Matrix([s * sp.cos(beta), s * sp.sin(beta)])
grad_f = c.GRAD
A, B = c.A_MAT, c.B_MAT
P, Q = c.P_MAT, c.Q_MAT


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


def inner_in_place(u, v):
    u *= v
    return u.sum()


def loop_matmul(X, Y):
    out = np.zeros((X.shape[0], Y.shape[1]))
    for i in range(X.shape[0]):
        for j in range(Y.shape[1]):
            out[i, j] = sum(X[i, k] * Y[k, j] for k in range(X.shape[1]))
    return out



CORRECT = {
    "length": [
        7,
        7.0,
        np.sqrt(np.sum(a ** 2)),
        np.linalg.norm(a),
        la.norm(a),
        math.sqrt(49),
        np.sqrt(a @ a),
    ],
    "inner_product": [
        8,
        a @ b,
        np.dot(a, b),
        np.sum(a * b),
        la.inner(a, b),
        np.int64(8),
        2 * 1 + (-3) * 2 + 6 * 2,
    ],
    "inner": [
        loop_inner,
        math_inner,
        np.dot,
        la.inner,
        lambda u, v: u @ v,
        lambda u, v: np.sum(u * v),
        lambda u, v: sum(x * y for x, y in zip(u, v)),
    ],
    "two_ways": [
        sp.simplify(a_polar.dot(b_polar)),
        a_polar.dot(b_polar),
        r * s * sp.cos(alpha - beta),
        r * s * sp.cos(beta - alpha),
        a_polar[0] * b_polar[0] + a_polar[1] * b_polar[1],
        a_polar.T * b_polar,  # a 1×1 sympy Matrix
        (a_polar.T * b_polar)[0],
        sp.Symbol("r") * sp.Symbol("s") * sp.cos(sp.Symbol("alpha") - sp.Symbol("beta")),
    ],
    "angle_degrees": [
        np.degrees(np.arccos(8 / 21)),
        67.61,
        67.6,
        np.degrees(la.angle(a, b)),
        math.acos(8 / 21) * 180 / math.pi,
    ],
    "equality_case": [
        False,
        np.False_,
        "false",
    ],
    "steepest_direction": [
        [-0.6, 0.8],
        (-0.6, 0.8),
        -grad_f / np.linalg.norm(grad_f),
        la.steepest_descent_direction(grad_f),
        np.array([-3, 4]) / 5,
    ],
    "matrix_product": [
        A @ B,
        [[2, 2], [4, 6]],
        loop_matmul(A, B),
        np.dot(A, B),
        la.matmul(A, B),
        np.matmul(A, B).astype(int),
    ],
    "commutative": [
        "b",
        "B",
        "b)",
    ],
    "hadamard": [
        P * Q,
        np.multiply(P, Q),
        la.hadamard(P, Q),
        [[2, -1, -3], [0, 4, -2]],
        ((2, -1, -3), (0, 4, -2)),
    ],
}

WRONG = {
    "length": [
        (49, "square root"),
        (11, "|a_i|"),
        (5, "adds the coordinates"),
        (-7, "sign"),
        ("7", "without quotes"),
    ],
    "inner_product": [
        (21, "Cauchy–Schwarz bound"),
        (2, "a1b1 alone"),
        (-4, "add a3b3"),
        (49, "a·a"),
        (25, "multiply matching coordinates first"),
        (10, "multiplies matching coordinates"),
        (a * b, "single number"),
    ],
    "inner": [
        (lambda u, v: u * v, "element-wise product"),
        (lambda u, v: np.sum(u) * np.sum(v), "multiply matching entries first"),
        (lambda u, v: la.norm(u) * la.norm(v), "‖a‖‖b‖"),
        (lambda u, v: np.sum(u + v), "not the sums"),
        (two_d_inner, "differs at a = "),
        (inner_in_place, "changed its input u in place"),
        (first_only, "a1b1 alone"),
        (lambda u, v: 1 / 0, "ZeroDivisionError"),
        (4.0, "expected a function"),
    ],
    "two_ways": [
        (r * s * sp.cos(alpha + beta), "cos(α + β)"),
        (sp.cos(alpha - beta), "lengths are missing"),
        (r * s * sp.sin(alpha - beta), "check the coordinates"),
        (r * s * sp.cos(alpha) * sp.cos(beta), "only a1·b1"),
        (-r * s * sp.cos(alpha - beta), "sign"),
        ("r*s*cos(alpha - beta)", "got text"),
        (a_polar, "expected a sympy expression"),
        (a_polar.T * sp.Matrix([s * sp.cos(beta), s * sp.cos(beta)]), "not equal"),
    ],
    "angle_degrees": [
        (np.arccos(8 / 21), "radians"),
        (8 / 21, "cos θ"),
        (90 - np.degrees(np.arccos(8 / 21)), "arcsin"),
        (np.degrees(np.arccos(8 / 10)), "not by their sum"),
        (67.5, "not within the precision"),
        (float("nan"), "nan"),
    ],
    "equality_case": [
        (True, "opposite directions"),
        (1, "True or False"),
        ("True", "opposite directions"),
        ("yes", "True or False"),
    ],
    "steepest_direction": [
        ([0.6, -0.8], "steepest ascent"),
        ([-3, 4], "not a unit vector"),
        ([0.8, 0.6], "perpendicular"),
        ([-0.8, -0.6], "perpendicular"),
        ([[-0.6], [0.8]], "shape"),
    ],
    "matrix_product": [
        (B @ A, "the order matters"),
        (A * B, "element-wise product"),
        ((A @ B).T, "(A B)ᵀ"),
        (A @ B.T, "A Bᵀ"),
        (A.T @ B, "Aᵀ B"),
        ([2, 2, 4, 6], "the numbers are right but the shape"),
        ([[2, 2], [4, 5]], "entry (1, 1)"),
    ],
    "commutative": [
        ("a", "counterexample"),
        ("c", "transposes of each other"),
        ("d", "one of them is"),
        ("e", "choose one of"),
    ],
    "hadamard": [
        (P + Q, "sum"),
        (P @ Q.T, "matrix product P Qᵀ"),
        (Q.T @ P, "matrix product Qᵀ P"),
        ((P * Q).T, "transpose"),
        (-(P * Q), "sign"),
    ],
}
