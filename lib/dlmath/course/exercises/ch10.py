"""Chapter 10 · Subspaces, eigenvectors and attention.

Vectors are columns: a basis of a subspace of R^n is an (n, k) array with one basis vector per column.
Attention follows `dlmath.attention`: weights = softmax(q·k_j / √d_k) over the keys, output = weights @ V.

The data of every exercise are chosen so that each mistake its text invites gives a value of its own
(tests/probes/ch10.py tries them, tests/test_exercises_ch10.py tests each exercise's premise).
"""
import numbers

import numpy as np

from ... import linalg, ops
from ..checks import (Array, Choice, Kind, Number, as_real_array, correct, short, translated, wrong)
from ...language import N_, translate as _

TITLE = "Subspaces, eigenvectors and attention"

PRECISION = 5.1e-4  # "three decimal places": a rounded answer passes, every typical mistake is further off


def _several_results(answer):
    """Whether `answer` is a tuple of several results (what np.linalg.eig, np.linalg.lstsq or
    ops.scaled_dot_product_attention return) rather than one array written as a tuple of numbers."""
    if not isinstance(answer, tuple) or len(answer) < 2:
        return False
    try:
        return any(np.ndim(part) >= 1 for part in answer) and len({np.shape(part) for part in answer}) > 1
    except Exception:
        return False


class ResultArray(Array):
    """An Array that knows the library call a learner may hand over whole: `tuple_hint` answers a tuple of
    several results, and with `single_row=True` a (1, k) array — what the lib returns for a single query
    — counts as the row (k,)."""

    def __init__(self, expected, tuple_hint="", single_row=False, **kw):
        super().__init__(expected, **kw)
        self.tuple_hint, self.single_row = tuple_hint, single_row

    def _evaluate(self, answer):
        if self.tuple_hint and _several_results(answer):
            return wrong(_("you gave a tuple of {count} results; {hint}").format(
                count=len(answer), hint=translated(self.tuple_hint)))
        arr = as_real_array(answer)
        if isinstance(arr, str):
            return wrong(arr)
        if self.single_row and arr.ndim == 2 and arr.shape[0] == 1 and arr.shape[1:] == self.expected.shape:
            arr = arr[0]
        return super()._evaluate(arr)


class SortedArray(ResultArray):
    """A 1-D array whose order does not matter (eigenvalues): both sides are sorted before comparing."""

    def __init__(self, expected, **kw):
        super().__init__(np.sort(np.asarray(expected, dtype=np.float64)), **kw)
        self.wrong = [(np.sort(v), h) for v, h in self.wrong]

    def _evaluate(self, answer):
        if self.tuple_hint and _several_results(answer):
            return super()._evaluate(answer)
        arr = as_real_array(answer)
        if isinstance(arr, str):
            return wrong(arr)
        return super()._evaluate(np.sort(arr) if arr.ndim == 1 else arr)


class Modulus(Number):
    """A size |z| of complex numbers (a spectral radius): a complex answer gets a hint of its own."""

    def __init__(self, expected, complex_hint, **kw):
        super().__init__(expected, **kw)
        self.complex_hint = complex_hint

    def _evaluate(self, answer):
        z = answer[()] if isinstance(answer, np.ndarray) and answer.ndim == 0 else answer
        if isinstance(z, numbers.Complex) and not isinstance(z, numbers.Real):
            z = complex(z)
            if abs(z.imag) > 1e-12 * max(1.0, abs(z)):
                number = f"{z.real:g} {'+' if z.imag >= 0 else '−'} {abs(z.imag):g}i"
                return wrong(_("got the complex number {value}. {hint}").format(value=number,
                                                                                 hint=translated(self.complex_hint)))
        return super()._evaluate(answer)


class TruthTable(Array):
    """An array of yes/no answers (True/False or 1/0), one per question. A wrong entry gets the hint of
    its own question, so a learner who mixes two mistakes still hears about the first one."""

    def __init__(self, expected, entry_hints, wrong=(), hint=""):
        super().__init__(np.asarray(expected, dtype=bool), wrong=wrong, hint=hint)
        self.entry_hints = np.asarray(entry_hints, dtype=object)
        assert self.entry_hints.shape == self.expected.shape

    def _evaluate(self, answer):
        arr = as_real_array(answer)
        if isinstance(arr, str):
            return wrong(arr)
        if arr.shape != self.expected.shape:
            return super()._evaluate(arr)  # the shape messages of Array
        if not np.all((arr == 0) | (arr == 1)):
            return wrong(N_("give True or False (or 1 or 0) in every entry."))
        for value, hint in self.wrong:  # the declared patterns first: they name the idea behind them
            if np.array_equal(arr, value):
                return wrong(hint)
        bad = np.argwhere(arr != self.expected)
        if not bad.size:
            return correct()
        hint = self.entry_hints[tuple(bad[0])]
        if len(bad) == 1:
            return wrong(hint)  # translated where it is shown, as every hint
        if len(bad) == 2:
            return wrong(_("{hint} (1 more entry is wrong too.)").format(hint=translated(hint)))
        return wrong(_("{hint} ({count} more entries are wrong too.)").format(hint=translated(hint), count=len(bad) - 1))


class Basis(Kind):
    """A basis of the subspace spanned by the columns of `span`, given as the columns of an (n, k) array.

    Any basis passes: the columns must lie in the subspace, be linearly independent and be as many as
    its dimension. `others` names subspaces a learner may confuse it with: {name: spanning columns};
    `length_hints` says what vectors of another length are: {length: hint}. A list of column vectors
    (what sympy's `nullspace()` returns) counts as its columns side by side.
    """

    def __init__(self, span, name, others=None, rtol=1e-6, hint="", length_hints=None):
        self.span = np.asarray(span, dtype=np.float64)
        self.basis = linalg.column_space(self.span)
        self.dim = self.basis.shape[1]
        self.name, self.others, self.rtol, self.hint = name, others or {}, rtol, hint
        self.length_hints = length_hints or {}

    def _outside(self, B, basis):
        """Indices of the columns of B that do not lie in span(basis)."""
        residual = B - basis @ (basis.T @ B)
        size = np.maximum(np.linalg.norm(B, axis=0), 1e-300)
        return np.flatnonzero(np.linalg.norm(residual, axis=0) > self.rtol * size)

    def _evaluate(self, answer):
        B = as_real_array(answer)
        if isinstance(B, str):
            return wrong(B)
        n = self.span.shape[0]
        if B.ndim == 3 and B.shape[2] == 1:  # a list of k column vectors (n, 1), as sympy gives them
            B = B[:, :, 0].T
        if B.ndim == 1 and B.size == n:
            B = B[:, None]
        if B.ndim != 2 or B.shape[0] != n:
            if B.ndim == 2 and B.shape[1] == n:
                return wrong(_("got shape {shape}: put the basis vectors in the columns, shape ({n}, k) — "
                               "transpose with .T.").format(shape=B.shape, n=n))
            length = B.shape[0] if B.ndim == 2 else (B.size if B.ndim == 1 else None)
            if length in self.length_hints:
                return wrong(self.length_hints[length])
            return wrong(_("expected an ({n}, k) array, one basis vector of R^{n} per column; got shape {shape}.")
                         .format(n=n, shape=B.shape))
        if not np.all(np.isfinite(B)):
            return wrong(N_("your array holds nan or inf."))
        zero = np.flatnonzero(np.all(B == 0, axis=0))
        if zero.size:
            return wrong(_("column {k} is the zero vector: it lies in every subspace but is never part of "
                           "a basis (it is linearly dependent on anything).").format(k=zero[0]))
        bad = self._outside(B, self.basis)
        if bad.size:
            for other, columns in self.others.items():
                if np.shape(columns)[0] == n and self._outside(B, linalg.column_space(np.asarray(columns, float))).size == 0:
                    return wrong(_("these vectors lie in {other}, not in {name}.").format(other=_(other),
                                                                                         name=_(self.name)))
            return wrong(_("column {k}, {column}, is not in {name}. {hint}").format(
                k=bad[0], column=short(B[:, bad[0]], 40), name=_(self.name), hint=_(self.hint)).strip())
        r = linalg.rank(B / np.abs(B).max(), tol=1e-9)
        if r < B.shape[1]:
            return wrong(_("your {k} columns are linearly dependent (they span only {r} dimension(s)); "
                           "a basis has no redundant vector.").format(k=B.shape[1], r=r))
        if r < self.dim:
            return wrong(_("your {r} column(s) lie in {name} but do not span it: it has dimension {dim}.")
                         .format(r=r, name=_(self.name), dim=self.dim))
        return correct(_("a basis of {name} (dimension {dim}) — any basis of it would pass.")
                       .format(name=_(self.name), dim=self.dim))


# ---------------------------------------------------------------- exercise data

# the subspace test: a membership rule per option, used by the premise test
SUBSPACE_OPTIONS = {"a": lambda p: np.isclose(p[..., 0] + 2 * p[..., 1] - p[..., 2], 0),
                    "b": lambda p: np.isclose(p[..., 0] + 2 * p[..., 1] - p[..., 2], 1),
                    "c": lambda p: p[..., 0] >= 0,
                    "d": lambda p: np.isclose(p[..., 0] * p[..., 1], 0)}

# rank–nullity: a 4×6 matrix whose rows are combinations of two independent rows (rank 2 ≠ rows 4 ≠ columns 6)
_R1, _R2 = np.array([1.0, 0, 2, -1, 3, 1]), np.array([0.0, 1, 1, 2, -1, 0])
A_RN = np.vstack([_R1, _R2, _R1 + _R2, 2 * _R1 - _R2])

# span: b = 3 a1 − 2 a2 with a1, a2 not orthogonal (so projections are not the coefficients) and the
# top 2×2 block [[1, 2], [3, 1]] not symmetric (so putting a1, a2 in the rows gives other numbers)
A1, A2 = np.array([1.0, 3, 2]), np.array([2.0, 1, -1])
B_SPAN = 3 * A1 - 2 * A2                      # (−1, 7, 8)
SPAN_COEFFICIENTS = np.array([3.0, -2.0])

# null space: a 3×4 matrix of rank 2 (row 3 = row 1 + row 2); N(A) = span{(−2, 1, 0, 0), (1, 0, −2, 1)}
A_NULL = np.array([[1.0, 2, 0, -1], [0, 0, 1, 2], [1, 2, 1, 1]])
NULL_BASIS = np.array([[-2.0, 1, 0, 0], [1, 0, -2, 1]]).T

# a dense layer R^3 -> R^5, z = W x, whose third column is the sum of the first two: rank 2, so
# "the shape" (5, 3), "the input space" (3, 2) and "the nullity" (5, 1) all differ from the answer (5, 2)
W_DENSE = np.array([[1.0, 0, 1], [0, 1, 1], [2, 1, 3], [1, -1, 0], [0, 2, 2]])

# eigenvalues of a 2×2 map (2 and 5), not triangular: the diagonal is not the answer
A_EIG = np.array([[4.0, 1], [2, 3]])

# an invariant subspace with no eigenvector in it: A rotates the yz-plane by 90° and stretches the x-axis
A_INV = np.array([[2.0, 0, 0], [0, 0, -1], [0, 1, 0]])
_E = np.eye(3)
INVARIANT_OPTIONS = {"a": _E[:, [1]], "b": _E[:, [0, 1]], "c": _E[:, [1, 2]], "d": (_E[:, 0] + _E[:, 1])[:, None]}

# eigenspaces: A = 2I + (all ones) has λ = 2 on the plane x + y + z = 0 and λ = 5 on the line (1, 1, 1)
A_ES = np.array([[3.0, 1, 1], [1, 3, 1], [1, 1, 3]])
ES_VECTORS = np.array([[1.0, -1, 0], [2, 2, 2], [0, 0, 0], [1, 0, 0], [3, -1, -2], [2, 0, 1]])  # one per row
IN_E2 = np.array([True, False, True, False, True, False])
IS_EIGENVECTOR = np.array([True, True, False, False, True, False])

# rank vs non-zero eigenvalues: equal exactly when rank A = rank A² (the eigenvalue 0 is semisimple)
RANK_MATRICES = [np.array([[1.0, -1], [1, -1]]),                    # nilpotent: rank 1, eigenvalues 0, 0
                 np.array([[2.0, 1], [0, 2]]),                      # not diagonalisable, invertible
                 np.array([[1.0, 2], [2, 4]]),                      # diagonalisable, singular
                 np.array([[0.0, 1, 0], [0, 0, 0], [0, 0, 3]]),     # rank 2, rank A² 1, eigenvalues 0, 0, 3
                 np.array([[3.0, 1, 0], [0, 3, 0], [0, 0, 0]])]     # not diagonalisable, 0 semisimple
COUNT_IS_RANK = np.array([linalg.rank(M) == linalg.rank(M @ M) for M in RANK_MATRICES])
DIAGONALISABLE = np.array([linalg.is_diagonalisable(M) for M in RANK_MATRICES])
INVERTIBLE = np.array([linalg.rank(M) == len(M) for M in RANK_MATRICES])

# stability: eigenvalues 0.5 ± i, so ρ = √1.25 > 1 although the diagonal entries are 0.5
A_RHO = np.array([[0.5, 2.0], [-0.5, 0.5]])
RHO = linalg.spectral_radius(A_RHO)

# one attention row, d_k = 2 (three keys, so "d_k = the number of keys" gives other weights)
Q_ROW = np.array([1.0, 2.0])
K_ROWS = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
V_ROWS = np.array([[1.0, 0.0], [0.0, 2.0], [2.0, 2.0]])
SCORES = K_ROWS @ Q_ROW
WEIGHTS_ROW = ops.softmax(SCORES / np.sqrt(2))
OUTPUT_ROW = WEIGHTS_ROW @ V_ROWS

# multi-head bookkeeping: n = 10 tokens, d_model = 64, h = 4 heads, d_k = d_v = 64 / 4 = 16
# (four different numbers, so no two axes can be swapped unnoticed)
N_TOK, D_MODEL, HEADS = 10, 64, 4
D_HEAD = D_MODEL // HEADS
SHAPES = np.array([[HEADS, N_TOK, D_HEAD], [HEADS, N_TOK, N_TOK]])

CAUSAL4 = np.tril(np.ones((4, 4), dtype=bool))


# ---------------------------------------------------------------- the exercises

EXERCISES = {
    "subspace_test": Choice(
        "a", options="abcd",
        hints={"b": "x + 2y − z = 1 does not hold at (0, 0, 0): a subspace must contain the zero vector. This "
                    "is an affine plane, a shifted copy of a subspace.",
               "c": "x ≥ 0 is not closed under multiplying by −1: (1, 0, 0) is in, −(1, 0, 0) is not.",
               "d": "xy = 0 is two planes (x = 0 or y = 0); it is not closed under addition: (1, 0, 0) + (0, 1, 0) "
                    "= (1, 1, 0) has xy = 1."}),
    "span_coefficients": ResultArray(
        SPAN_COEFFICIENTS, rtol=0, atol=1e-6,
        tuple_hint="np.linalg.lstsq returns four (x, residuals, rank, singular values): give x, its [0].",
        wrong=[(SPAN_COEFFICIENTS[::-1], "swapped: first the coefficient of a1, then that of a2."),
               ([B_SPAN @ A1 / (A1 @ A1), B_SPAN @ A2 / (A2 @ A2)],
                "those are the projections b·a_i / ‖a_i‖²; they are the coefficients only when a1 and a2 are "
                "orthogonal, and here a1·a2 = 3. Solve x1 a1 + x2 a2 = b instead."),
               ([B_SPAN @ A1, B_SPAN @ A2], "those are the inner products b·a1 and b·a2, not coefficients: "
                                            "solve x1 a1 + x2 a2 = b."),
               (np.linalg.solve(np.vstack([A1, A2])[:, :2], B_SPAN[:2]),
                "you put a1 and a2 in the rows; x1 a1 + x2 a2 is A x with a1 and a2 as the columns of A.")],
        hint="solve x1 a1 + x2 a2 = b: the matrix with columns a1, a2 times [x1, x2] is b."),
    "rank_nullity": Array(
        [2, 4],
        wrong=[([2, 2], "the nullity is n − r with n = 6, the number of columns (the dimension of the input "
                        "space R^6); 4 − 2 counts the rows' left-over dimension."),
               ([4, 2], "A has 4 rows but only 2 independent ones (row 3 = row 1 + row 2, row 4 = 2·row 1 − row 2)."),
               ([3, 3], "row 4 = 2·row 1 − row 2 is a combination of rows 1 and 2 too: only 2 rows are independent."),
               ([4, 6], "that is the shape of A; the rank counts independent rows (or columns)."),
               ([6, 0], "the rank is at most the number of rows, 4 — and here only 2 rows are independent."),
               ([2, 6], "rank + nullity = 6 (the number of columns), so the nullity is 6 − rank.")],
        hint="give [rank, nullity]: rank = number of independent rows, nullity = columns − rank."),
    "null_space_basis": Basis(
        NULL_BASIS, "the null space of A",
        others={"the row space of A (the span of A's rows)": A_NULL.T},
        length_hints={3: "your vectors have 3 entries, but the null space is made of inputs x of A x = 0, and A "
                         "has 4 columns: its vectors live in R^4 (vectors of R^3 belong to the column space of A "
                         "or the null space of Aᵀ)."},
        hint="Check it: A @ v must be the zero vector."),
    "image_dimension": Array(
        [5, 2],
        wrong=[([5, 3], "W has 3 columns, but they are not independent: column 3 = column 1 + column 2, so the "
                        "image has dimension rank W = 2, not 3."),
               ([3, 2], "the image {W x} lies in the output space: W x has 5 entries, so it is a subspace of R^5, "
                        "not of the input space R^3."),
               ([3, 3], "the image {W x} lies in the output space R^5 (W x has 5 entries), and its dimension is "
                        "rank W, the number of independent columns."),
               ([5, 1], "1 is the nullity, the dimension of what W sends to 0; the image has dimension "
                        "rank W = 3 − 1."),
               ([5, 5], "W x is in R^5, but the image is only as big as the rank: 3 columns span at most 3 "
                        "dimensions."),
               ([2, 5], "swapped: first the m of R^m the image lives in (W x has 5 entries), then its dimension."),
               ([3, 5], "that is the shape of Wᵀ: give first the m of R^m the image lives in (W x has 5 entries), "
                        "then its dimension, rank W.")],
        hint="give [m, dimension]: W x lies in R^m (m = rows of W); the dimension of the image is rank W."),
    "eigenvalues": SortedArray(
        [2.0, 5.0], rtol=0, atol=PRECISION,
        tuple_hint="np.linalg.eig returns (eigenvalues, eigenvectors): give the eigenvalues alone, "
                   "np.linalg.eig(A)[0] or np.linalg.eigvals(A).",
        wrong=[([3.0, 4.0], "those are the diagonal entries; they are the eigenvalues only of a triangular matrix. "
                            "Solve det(A − λI) = λ² − 7λ + 10 = 0."),
               ([7.0, 10.0], "those are the trace and the determinant: the eigenvalues add up to 7 and multiply "
                             "to 10."),
               (linalg.singular_values(A_EIG), "those are the singular values (np.linalg.svd); the eigenvalues "
                                                "solve det(A − λI) = 0 (np.linalg.eigvals)."),
               ([-5.0, -2.0], "off by a sign: det(A − λI) = (4 − λ)(3 − λ) − 2.")],
        hint="the eigenvalues solve det(A − λI) = 0; any order, to three decimals."),
    "invariant_subspace": Choice(
        "c", options="abcd",
        hints={"a": "A e2 = (0, 0, 1) = e3: A turns the y-axis into the z-axis, so the line is not mapped into "
                    "itself.",
               "b": "A e1 = 2 e1 stays in the plane, but A e2 = e3 leaves it: every vector of S (each basis "
                    "vector suffices) must land in S. An eigenvector in S is not enough.",
               "d": "A (1, 1, 0) = (2, 0, 1), which is not a multiple of (1, 1, 0)."}),
    "eigenspace_members": TruthTable(
        np.vstack([IN_E2, IS_EIGENVECTOR]),
        entry_hints=[["(1, −1, 0): A v = (2, −2, 0) = 2v, so it lies in E₂.",
                      "(2, 2, 2): A v = (10, 10, 10) = 5v — an eigenvector, but for λ = 5; E₂ holds only the "
                      "eigenvectors for λ = 2 (and 0).",
                      "the zero vector lies in E₂ = null(A − 2I), since (A − 2I) 0 = 0: every subspace contains "
                      "0 — though 0 is not an eigenvector.",
                      "(1, 0, 0): A v = (3, 1, 1) is not 2v.",
                      "(3, −1, −2): A v = (6, −2, −4) = 2v, so it lies in E₂ (a combination of eigenvectors "
                      "for λ = 2 is again in E₂).",
                      "(2, 0, 1) = (1, −1, 0) + (1, 1, 1) adds eigenvectors of λ = 2 and λ = 5: A v = (7, 3, 5) "
                      "is no multiple of v, so v lies in no eigenspace."],
                     ["(1, −1, 0) is an eigenvector: A v = 2v.",
                      "(2, 2, 2) is an eigenvector: A v = 5v (for λ = 5, not for λ = 2).",
                      "0 is not an eigenvector: A 0 = λ 0 for every λ, so eigenvectors are non-zero by "
                      "definition. That is why the eigenvectors alone are not a subspace: E₂ adds 0 to them.",
                      "(1, 0, 0): A v = (3, 1, 1) is no multiple of v.",
                      "(3, −1, −2) is an eigenvector: A v = 2v.",
                      "(2, 0, 1) = (1, −1, 0) + (1, 1, 1) adds eigenvectors of λ = 2 and λ = 5: A v = (7, 3, 5) "
                      "is no multiple of v."]],
        wrong=[(np.vstack([IS_EIGENVECTOR, IN_E2]), "the rows are swapped: row 0 is 'in E₂', row 1 'an "
                                                    "eigenvector of A'."),
               (np.vstack([IS_EIGENVECTOR, IS_EIGENVECTOR]),
                "row 0 is the set of eigenvectors; E₂ = null(A − 2I) is not that set: it contains 0 and only the "
                "eigenvectors for λ = 2.")],
        hint="row 0: (A − 2I) v = 0? row 1: v ≠ 0 and A v a multiple of v?"),
    "rank_vs_eigenvalues": TruthTable(
        COUNT_IS_RANK,
        entry_hints=["[[1, −1], [1, −1]] has rank 1, but A² = 0 has rank 0: both eigenvalues are 0 (trace 0, det 0), "
                     "so there is no non-zero eigenvalue. (np.linalg.eigvals returns two tiny non-zero "
                     "numbers here, not exact zeros: count |λ| above a tolerance, never λ != 0.)",
                     "[[2, 1], [0, 2]] is not diagonalisable, yet rank A = rank A² = 2 and both eigenvalues (2 and "
                     "2) are non-zero: it has no eigenvalue 0 at all.",
                     "[[1, 2], [2, 4]] has rank 1 = rank A² (A² = 5A); its eigenvalues 5 and 0 count one "
                     "non-zero, as many as the rank.",
                     "this 3×3 matrix has rank 2 but rank A² = 1: its eigenvalues 0, 0, 3 count one non-zero — "
                     "the eigenvalue 0 is not semisimple.",
                     "[[3, 1, 0], [0, 3, 0], [0, 0, 0]] is not diagonalisable, yet rank A = rank A² = 2 and its "
                     "eigenvalues 3, 3, 0 count two non-zero: only the eigenvalue 0 needs to be semisimple."],
        wrong=[(DIAGONALISABLE, "you answered 'is A diagonalisable?'. That is enough for the count to equal the "
                                "rank, but not needed: the test is rank A = rank A²."),
               (INVERTIBLE, "you answered 'is A invertible?'. An invertible A passes (no eigenvalue 0, rank n), but "
                            "singular matrices can pass too: compare rank A with rank A²."),
               (np.ones(len(RANK_MATRICES), bool), "that is the reading note's claim, and it fails when the "
                                                   "eigenvalue 0 is defective: compare rank A with rank A².")],
        hint="True where the number of non-zero eigenvalues equals the rank, i.e. where rank A = rank A²."),
    "spectral_radius": Modulus(
        RHO, rtol=0, atol=PRECISION,
        complex_hint="ρ(A) = max |λ| is a real number: take np.abs of the eigenvalues before the max (the max "
                     "of complex numbers compares their real parts first).",
        wrong=[(0.5, "that is the real part of λ = 0.5 ± i; |λ| = √(0.5² + 1²)."),
               (1.25, "that is |λ|² (and det A); take the square root."),
               (2.0, "that is the largest entry; ρ(A) is the largest |λ| over the eigenvalues."),
               (float(np.linalg.norm(A_RHO, 2)), "that is the largest singular value ‖A‖₂; ρ(A) ≤ ‖A‖₂, and "
                                                 "they agree only for normal matrices."),
               (float(np.linalg.norm(A_RHO)), "that is the Frobenius norm √(Σ a_ij²), not an eigenvalue's size."),
               (1.0, "that is the imaginary part only; |λ| = √(re² + im²).")],
        hint="ρ(A) = max |λ|; the eigenvalues here are complex."),
    "stability_verdict": Choice(
        "b", options="abcd",
        hints={"a": "the diagonal entries 0.5 do not decide, the eigenvalues do: ρ(A) = 1.118 > 1, so almost every "
                    "start grows like 1.118^k.",
               "c": "bounded but not dying out needs ρ(A) = 1; here ρ(A) = 1.118 > 1.",
               "d": "ρ(A) decides the long run without iterating: ρ < 1, every start dies out; ρ > 1, almost "
                    "every start grows without bound."}),
    "attention_weights_row": ResultArray(
        WEIGHTS_ROW, rtol=0, atol=PRECISION, single_row=True,
        tuple_hint="ops.scaled_dot_product_attention returns (output, weights): the weights are its [1].",
        wrong=[(ops.softmax(SCORES), "you forgot to divide the scores by √d_k = √2."),
               (ops.softmax(SCORES / 2), "divide by √d_k = √2, not by d_k = 2."),
               (ops.softmax(SCORES / np.sqrt(3)), "d_k is the length of q and of each key, 2 — not the number "
                                                  "of keys, 3."),
               (ops.softmax(SCORES * np.sqrt(2)), "divide the scores by √d_k, do not multiply."),
               (ops.softmax(SCORES) / np.sqrt(2), "scale the scores before the softmax: softmax(s / √d_k), not "
                                                  "softmax(s) / √d_k (the weights must add up to 1)."),
               (np.exp(SCORES / np.sqrt(2)), "the exponentials must be divided by their sum (softmax), so the "
                                             "row adds up to 1."),
               (SCORES / np.sqrt(2), "those are the scaled scores; softmax turns them into weights."),
               (SCORES / SCORES.sum(), "the scores divided by their sum is not softmax: use e^(s_j) / Σ e^(s_i)."),
               (np.eye(3)[np.argmax(SCORES)], "that puts all the weight on the best key (a hard maximum); "
                                              "softmax gives every key a positive weight."),
               (ops.softmax(V_ROWS @ Q_ROW / np.sqrt(2)), "the query is compared with the keys K, not with the "
                                                        "values V.")],
        hint="weights_j = softmax(q·k_j / √d_k), one per key, to three decimals."),
    "attention_output_row": ResultArray(
        OUTPUT_ROW, rtol=0, atol=PRECISION, single_row=True,
        tuple_hint="ops.scaled_dot_product_attention returns (output, weights): the output is its [0].",
        wrong=[(WEIGHTS_ROW @ K_ROWS, "you averaged the keys; the output is the weighted mean of the values V."),
               (ops.softmax(SCORES) @ V_ROWS, "the weights lack the scaling by 1/√d_k = 1/√2."),
               (ops.softmax(SCORES / 2) @ V_ROWS, "the weights were scaled by 1/d_k; the scaling is 1/√d_k = 1/√2."),
               (ops.softmax(SCORES / np.sqrt(3)) @ V_ROWS, "the weights were scaled with d_k = 3, the number of "
                                                           "keys; d_k = 2 is the length of q."),
               (V_ROWS[np.argmax(SCORES)], "that is the value of the best key alone (a hard maximum); attention "
                                           "returns the softmax-weighted mean of all the values."),
               (V_ROWS.mean(axis=0), "that gives every value the same weight 1/3; use the softmax weights."),
               (V_ROWS.T @ np.ones(3), "that is the plain sum of the values; weight them by the attention weights.")],
        hint="output = Σ_j weights_j v_j = weights @ V, to three decimals."),
    "head_shapes": Array(
        SHAPES,
        wrong=[([[HEADS, N_TOK, D_HEAD], [HEADS, N_TOK, D_HEAD]],
                "the weights compare every query with every key: (h, n, n), not (h, n, d_k)."),
               ([[N_TOK, HEADS, D_HEAD], [HEADS, N_TOK, N_TOK]],
                "split_heads puts the head axis first: (h, n, d_k), so each head is an (n, d_k) matrix."),
               ([[HEADS, N_TOK, D_MODEL], [HEADS, N_TOK, N_TOK]],
                f"each head works in d_k = d_model / h = {D_HEAD} dimensions, not in all {D_MODEL}."),
               ([[HEADS, D_HEAD, N_TOK], [HEADS, N_TOK, N_TOK]],
                "a head's Q has one row per token: (n, d_k), so Q after split_heads is (h, n, d_k)."),
               ([[HEADS, N_TOK, D_HEAD], [N_TOK, N_TOK, 1]], "there is one (n, n) weight matrix per head: (h, n, n).")],
        hint="row 0: the shape of Q after split_heads, (h, n, d_k); row 1: the weights' shape, (h, n, n)."),
    "causal_mask": Array(
        CAUSAL4,
        wrong=[(CAUSAL4.T, "that lets query i see keys i, i+1, … — the future. Row i (the query) may be True "
                           "only in columns 0 … i: the lower triangle."),
               (~CAUSAL4, "that marks the hidden keys. In this course (and torch's scaled_dot_product_attention) "
                          "True means 'may attend': row i is True in columns 0 … i."),
               (np.tril(np.ones((4, 4)), -1), "the diagonal must be True too: a token may attend to itself "
                                              "(and token 0 would see nothing at all)."),
               (np.ones((4, 4)), "all True masks nothing; a causal mask hides the future.")],
        hint="True where query i may attend to key j, that is j ≤ i; np.tril."),
}

# Release 0.1's versions of the two exercises whose data had to change (issue 18: a full-column-rank W let
# "the shape" pass for [m, dimension]; h = d_k = 8 let two axes be swapped unnoticed). A learner's copy made
# then carries the old data and still checks ✅, with the old hints; only the new exercises above count.
_W_DENSE_0_1 = np.array([[1.0, 0, 2], [0, 1, -1], [2, 1, 0], [1, -1, 1], [0, 2, 1]])
EXAMPLES = {
    "dense_image": Array(
        [5, linalg.rank(_W_DENSE_0_1)],
        wrong=[([3, 3], "the image {W x} lies in the output space: W x has 5 entries, so it is a subspace of R^5, "
                        "not of the input space R^3."),
               ([5, 5], "W x is in R^5, but the image is only as big as the rank: 3 columns span at most 3 "
                        "dimensions."),
               ([3, 5], "swapped: first the m of R^m the image lives in (W x has 5 entries), then its dimension.")],
        hint="give [m, dimension]: W x lies in R^m (m = rows of W); the dimension of the image is rank W."),
    "multi_head_shapes": Array(
        [[8, 10, 8], [8, 10, 10]],
        wrong=[([[8, 10, 8], [8, 10, 8]], "the weights compare every query with every key: (h, n, n), not (h, n, d_k)."),
               ([[10, 8, 8], [8, 10, 10]], "split_heads puts the head axis first: (h, n, d_k), so each head is an "
                                           "(n, d_k) matrix."),
               ([[8, 10, 64], [8, 10, 10]], "each head works in d_k = d_model / h = 8 dimensions, not in all 64.")],
        hint="row 0: the shape of Q after split_heads, (h, n, d_k); row 1: the weights' shape, (h, n, n)."),
}
