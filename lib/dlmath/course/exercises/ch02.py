"""Chapter 02 · Vectors, the inner product and Cauchy–Schwarz; matrices and the Hadamard product."""
import numpy as np
import sympy as sp

from ... import linalg as la
from ..checks import Array, Choice, Expression, Function, Number, TrueFalse

TITLE = "Vectors, the inner product and Cauchy–Schwarz"

# the two vectors of exercises 1–5, chosen so that every partial sum of a·b differs from a·b
# (a1b1 = 2, a1b1 + a2b2 = −4, a·b = 8) and from the other typical mistakes (‖a‖‖b‖ = 21, Σa·Σb = 25)
A_VEC, B_VEC = np.array([2.0, -3.0, 6.0]), np.array([1.0, 2.0, 2.0])
LENGTH_A = float(la.norm(A_VEC))            # 7
INNER_AB = float(A_VEC @ B_VEC)             # 8
COS_AB = INNER_AB / (LENGTH_A * float(la.norm(B_VEC)))
ANGLE_DEG = float(np.degrees(np.arccos(COS_AB)))

# the inner product written by hand: probed on vectors of several lengths, signs and an orthogonal pair
_INNER_POINTS = [
    (np.array([1.0, 2.0]), np.array([3.0, 4.0])),
    (np.array([2.0, -3.0, 6.0]), np.array([2.0, 2.0, 1.0])),
    (np.array([1.0, 0.0]), np.array([0.0, 5.0])),
    (np.array([-1.5, 2.5, 0.5, 4.0]), np.array([2.0, -1.0, 3.0, 0.25])),
    (np.array([7.0]), np.array([-3.0])),
    (np.array([0.0, 0.0, 0.0]), np.array([1.0, -2.0, 3.0])),
    (np.array([0.3, -0.7, 1.1, 2.0, -4.0]), np.array([1.0, 1.0, 1.0, 1.0, 1.0])),
]

# 2-D vectors in polar form, a = r(cos α, sin α), b = s(cos β, sin β)
_r, _s, _alpha, _beta = sp.symbols("r s alpha beta", positive=True)

# the gradient of exercise 7
GRAD = np.array([3.0, -4.0])

# the matrices of exercises 8 and 10; B is not symmetric, so A Bᵀ, Aᵀ B and (A B)ᵀ all differ from A B
A_MAT, B_MAT = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 2.0], [1.0, 0.0]])
P_MAT, Q_MAT = np.array([[1.0, -2.0, 3.0], [0.0, 4.0, -1.0]]), np.array([[2.0, 0.5, -1.0], [3.0, 1.0, 2.0]])

EXERCISES = {
    "length": Number(
        LENGTH_A,
        wrong=[(LENGTH_A ** 2, "that is ‖a‖², the sum of squares; take its square root."),
               (np.abs(A_VEC).sum(), "that adds |a_i|; the length adds squares and takes a square root."),
               (A_VEC.sum(), "that adds the coordinates; the length adds their squares, then takes √.")],
        hint="‖a‖ = √(a1² + a2² + a3²)."),
    "inner_product": Number(
        INNER_AB,
        wrong=[(LENGTH_A * float(la.norm(B_VEC)), "that is ‖a‖‖b‖, the Cauchy–Schwarz bound, not a·b itself."),
               (A_VEC.sum() * B_VEC.sum(), "multiply matching coordinates first, then add: a1b1 + a2b2 + a3b3."),
               (A_VEC.sum() + B_VEC.sum(), "a·b multiplies matching coordinates and adds the products."),
               (A_VEC[0] * B_VEC[0], "that is a1b1 alone; add a2b2 and a3b3 too."),
               (A_VEC[:2] @ B_VEC[:2], "that is a1b1 + a2b2; the vectors have three coordinates: add a3b3."),
               (A_VEC @ A_VEC, "that is a·a = ‖a‖²; multiply a's coordinates by b's.")],
        hint="a·b = a1b1 + a2b2 + a3b3."),
    "inner": Function(
        lambda a, b: np.sum(np.asarray(a, dtype=float) * np.asarray(b, dtype=float)), _INNER_POINTS,
        vectorised=False,
        wrong=[(lambda a, b: np.asarray(a, dtype=float) * np.asarray(b, dtype=float),
                "that is the element-wise product a ⊙ b, a vector; add its entries to get a number."),
               (lambda a, b: np.sum(a) * np.sum(b), "multiply matching entries first, then add."),
               (lambda a, b: la.norm(a) * la.norm(b), "that is ‖a‖‖b‖; a·b can be smaller, even negative."),
               (lambda a, b: np.sum(a + b), "add the products a_i·b_i, not the sums a_i + b_i."),
               (lambda a, b: a[0] * b[0], "that is a1b1 alone; add the products of all coordinates.")],
        hint="return the sum of a[i] * b[i] over all i."),
    "two_ways": Expression(
        _r * _s * sp.cos(_alpha - _beta),
        wrong=[(_r * _s * sp.cos(_alpha + _beta),
                "that is cos(α + β); cos α cos β + sin α sin β is the cosine of the difference."),
               (sp.cos(_alpha - _beta), "the lengths are missing: a·b scales with r and with s."),
               (_r * _s * sp.sin(_alpha - _beta), "check the coordinates: a1 = r cos α, a2 = r sin α."),
               (_r * _s * sp.cos(_alpha) * sp.cos(_beta), "only a1·b1; add a2·b2 = r s sin α sin β.")],
        hint="a·b = a1b1 + a2b2 with a = (r cos α, r sin α), b = (s cos β, s sin β)."),
    "angle_degrees": Number(
        ANGLE_DEG, rtol=0.0, atol=0.05,  # 67.61°: the text asks for two decimals, within 0.05°
        wrong=[(np.arccos(COS_AB), "that is θ in radians; convert with np.degrees."),
               (COS_AB, "that is cos θ; the angle is arccos of it (then np.degrees)."),
               (90 - ANGLE_DEG, "that is arcsin of cos θ, 90° − θ; the angle is arccos(a·b / (‖a‖‖b‖))."),
               (np.degrees(np.arccos(INNER_AB / (LENGTH_A + float(la.norm(B_VEC))))),
                "divide a·b by the product of the lengths, ‖a‖‖b‖, not by their sum.")],
        hint="θ = arccos(a·b / (‖a‖‖b‖)), in degrees."),
    "equality_case": TrueFalse(
        False, hint="b = −a gives a·b = −‖a‖‖b‖, so |a·b| = ‖a‖‖b‖ too: opposite directions count."),
    "steepest_direction": Array(
        -GRAD / 5.0,
        wrong=[(GRAD / 5.0, "that is +∇f/‖∇f‖, where ∇f·d is largest: the steepest ascent."),
               (-GRAD, "right direction, but not a unit vector: divide by ‖∇f‖ = 5."),
               (np.array([0.8, 0.6]), "perpendicular to ∇f: there ∇f·d = 0, the first-order change is 0."),
               (np.array([-0.8, -0.6]), "perpendicular to ∇f: there ∇f·d = 0, the first-order change is 0.")],
        hint="equality in Cauchy–Schwarz: d must be a negative multiple of ∇f, of length 1."),
    "matrix_product": Array(
        A_MAT @ B_MAT,
        wrong=[(B_MAT @ A_MAT, "that is B A — the order matters: A B ≠ B A here."),
               (A_MAT * B_MAT, "that is the element-wise product A ⊙ B (numpy's *); use A @ B."),
               ((A_MAT @ B_MAT).T, "that is (A B)ᵀ: entry (i, j) is row i of A times column j of B."),
               (A_MAT @ B_MAT.T, "that is A Bᵀ: take the columns of B, not its rows."),
               (A_MAT.T @ B_MAT, "that is Aᵀ B: take the rows of A, not its columns.")],
        hint="entry (i, j) of A B is row i of A times column j of B."),
    "commutative": Choice(
        "b", options="abcd",
        hints={"a": "the counterexample above has A B ≠ B A.",
               "c": "X Yᵀ and Y Xᵀ are transposes of each other, not equal in general.",
               "d": "one of them is: X ⊙ Y multiplies matching entries, and numbers commute, x_ij·y_ij = y_ij·x_ij."}),
    "hadamard": Array(
        P_MAT * Q_MAT,
        wrong=[(P_MAT + Q_MAT, "that is the sum P + Q; ⊙ multiplies matching entries."),
               (P_MAT @ Q_MAT.T, "that is the matrix product P Qᵀ; ⊙ keeps the shape (2, 3)."),
               (Q_MAT.T @ P_MAT, "that is the matrix product Qᵀ P; ⊙ keeps the shape (2, 3).")],
        hint="(P ⊙ Q)_ij = P_ij · Q_ij."),
}
