"""Chapter 10 · Subspaces, eigenvectors and attention.

Vectors are columns: a basis of a subspace of R^n is an (n, k) array with one basis vector per column.
Attention follows `dlmath.attention`: weights = softmax(q·k_j / √d_k) over the keys, output = weights @ V.
"""
import numpy as np

from ... import linalg, ops
from ..checks import (Array, Choice, Kind, Number, TrueFalse, as_real_array, correct, short, wrong)

TITLE = "Subspaces, eigenvectors and attention"

PRECISION = 5.1e-4  # "three decimal places": a rounded answer passes, every typical mistake is further off


class SortedArray(Array):
    """A 1-D array whose order does not matter (eigenvalues): both sides are sorted before comparing."""

    def __init__(self, expected, **kw):
        super().__init__(np.sort(np.asarray(expected, dtype=np.float64)), **kw)
        self.wrong = [(np.sort(v), h) for v, h in self.wrong]

    def _evaluate(self, answer):
        arr = as_real_array(answer)
        if isinstance(arr, str):
            return wrong(arr)
        return super()._evaluate(np.sort(arr) if arr.ndim == 1 else arr)


class Basis(Kind):
    """A basis of the subspace spanned by the columns of `span`, given as the columns of an (n, k) array.

    Any basis passes: the columns must lie in the subspace, be linearly independent and be as many as
    its dimension. `others` names subspaces a learner may confuse it with: {name: spanning columns}.
    """

    def __init__(self, span, name, others=None, rtol=1e-6, hint=""):
        self.span = np.asarray(span, dtype=np.float64)
        self.basis = linalg.column_space(self.span)
        self.dim = self.basis.shape[1]
        self.name, self.others, self.rtol, self.hint = name, others or {}, rtol, hint

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
        if B.ndim == 1 and B.size == n:
            B = B[:, None]
        if B.ndim != 2 or B.shape[0] != n:
            if B.ndim == 2 and B.shape[1] == n:
                return wrong(f"got shape {B.shape}: put the basis vectors in the columns, shape ({n}, k) — "
                             f"transpose with .T.")
            return wrong(f"expected an ({n}, k) array, one basis vector of R^{n} per column; got shape {B.shape}.")
        if not np.all(np.isfinite(B)):
            return wrong("your array holds nan or inf.")
        zero = np.flatnonzero(np.all(B == 0, axis=0))
        if zero.size:
            return wrong(f"column {zero[0]} is the zero vector: it lies in every subspace but is never part of "
                         f"a basis (it is linearly dependent on anything).")
        bad = self._outside(B, self.basis)
        if bad.size:
            for other, columns in self.others.items():
                if np.shape(columns)[0] == n and self._outside(B, linalg.column_space(np.asarray(columns, float))).size == 0:
                    return wrong(f"these vectors lie in {other}, not in {self.name}.")
            return wrong(f"column {bad[0]}, {short(B[:, bad[0]], 40)}, is not in {self.name}. {self.hint}".strip())
        r = linalg.rank(B / np.abs(B).max(), tol=1e-9)
        if r < B.shape[1]:
            return wrong(f"your {B.shape[1]} columns are linearly dependent (they span only {r} dimension(s)); "
                         f"a basis has no redundant vector.")
        if r < self.dim:
            return wrong(f"your {r} column(s) lie in {self.name} but do not span it: it has dimension {self.dim}.")
        return correct(f"a basis of {self.name} (dimension {self.dim}) — any basis of it would pass.")


# ---------------------------------------------------------------- exercise data

# rank–nullity: a 4×6 matrix whose rows are combinations of two independent rows
_R1, _R2 = np.array([1.0, 0, 2, -1, 3, 1]), np.array([0.0, 1, 1, 2, -1, 0])
A_RN = np.vstack([_R1, _R2, _R1 + _R2, 2 * _R1 - _R2])

# null space: a 3×4 matrix of rank 2 (row 3 = row 1 + row 2); N(A) = span{(−2, 1, 0, 0), (1, 0, −2, 1)}
A_NULL = np.array([[1.0, 2, 0, -1], [0, 0, 1, 2], [1, 2, 1, 1]])
NULL_BASIS = np.array([[-2.0, 1, 0, 0], [1, 0, -2, 1]]).T

# a dense layer R^3 -> R^5, z = W x
# W: R³ → R⁵ with a dependent third column (2·first − second), so the image's dimension (the rank, 2) is
# neither W's shape nor its number of columns
W_DENSE = np.array([[1.0, 0, 2], [0, 1, -1], [2, 1, 3], [1, -1, 3], [0, 2, -2]])

# eigenvalues of a 2×2 map (2 and 5), not triangular: the diagonal is not the answer
A_EIG = np.array([[4.0, 1], [2, 3]])

# stability: eigenvalues 0.5 ± i, so ρ = √1.25 > 1 although |0.5| < 1 and A is small on most vectors
A_RHO = np.array([[0.5, 2.0], [-0.5, 0.5]])
RHO = linalg.spectral_radius(A_RHO)

# one attention row, d_k = 2
Q_ROW = np.array([1.0, 2.0])
K_ROWS = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
V_ROWS = np.array([[1.0, 0.0], [0.0, 2.0], [2.0, 2.0]])
SCORES = K_ROWS @ Q_ROW
WEIGHTS_ROW = ops.softmax(SCORES / np.sqrt(2))
OUTPUT_ROW = WEIGHTS_ROW @ V_ROWS

# multi-head bookkeeping: n = 10 tokens, d_model = 64, h = 8 heads, d_k = d_v = 64 / 8
N_TOK, D_MODEL, HEADS = 10, 64, 8
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
    "rank_nullity": Array(
        [2, 4],
        wrong=[([2, 2], "the nullity is n − r with n = 6, the number of columns (the dimension of the input "
                        "space R^6); 4 − 2 counts the rows' left-over dimension."),
               ([4, 2], "A has 4 rows but only 2 independent ones (row 3 = row 1 + row 2, row 4 = 2·row 1 − row 2)."),
               ([4, 6], "that is the shape of A; the rank counts independent rows (or columns)."),
               ([2, 6], "rank + nullity = 6 (the number of columns), so the nullity is 6 − rank.")],
        hint="give [rank, nullity]: rank = number of independent rows, nullity = columns − rank."),
    "null_space_basis": Basis(
        NULL_BASIS, "the null space of A",
        others={"the row space of A (the span of A's rows)": A_NULL.T},
        hint="Check it: A @ v must be the zero vector."),
    "dense_image": Array(
        [W_DENSE.shape[0], linalg.rank(W_DENSE)],
        wrong=[([3, 2], "the image {W x} lies in the output space: W x has 5 entries, so it is a subspace of R^5, "
                        "not of the input space R^3."),
               ([5, 3], "that is W's shape (5, 3); the image's dimension is rank W, and W's columns are dependent: "
                        "the third is 2 × the first − the second."),
               ([5, 5], "W x is in R^5, but the image is only as big as the rank: 3 columns span at most 3 "
                        "dimensions, and these span fewer."),
               ([2, 5], "swapped: first the m of R^m the image lives in (W x has 5 entries), then its dimension.")],
        hint="give [m, dimension]: W x lies in R^m (m = rows of W); the dimension of the image is rank W."),
    "eigenvalues": SortedArray(
        [2.0, 5.0], rtol=0, atol=PRECISION,
        wrong=[([3.0, 4.0], "those are the diagonal entries; they are the eigenvalues only of a triangular matrix. "
                            "Solve det(A − λI) = λ² − 7λ + 10 = 0."),
               ([7.0, 10.0], "those are the trace and the determinant: the eigenvalues add up to 7 and multiply "
                             "to 10."),
               ([-5.0, -2.0], "off by a sign: det(A − λI) = (4 − λ)(3 − λ) − 2.")],
        hint="the eigenvalues solve det(A − λI) = 0; any order, to three decimals."),
    "spectral_radius": Number(
        RHO, rtol=0, atol=PRECISION,
        wrong=[(0.5, "that is the real part of λ = 0.5 ± i; |λ| = √(0.5² + 1²)."),
               (1.25, "that is |λ|²; take the square root."),
               (2.0, "that is the largest entry; ρ(A) is the largest |λ| over the eigenvalues."),
               (float(np.linalg.norm(A_RHO, 2)), "that is the largest singular value ‖A‖₂; ρ(A) ≤ ‖A‖₂, and "
                                                 "they agree only for normal matrices."),
               (1.0, "that is the imaginary part only; |λ| = √(re² + im²).")],
        hint="ρ(A) = max |λ|; the eigenvalues here are complex."),
    "attention_weights_row": Array(
        WEIGHTS_ROW, rtol=0, atol=PRECISION,
        wrong=[(ops.softmax(SCORES), "you forgot to divide the scores by √d_k = √2."),
               (ops.softmax(SCORES / 2), "divide by √d_k = √2, not by d_k = 2."),
               (np.exp(SCORES / np.sqrt(2)), "the exponentials must be divided by their sum (softmax), so the "
                                             "row adds up to 1."),
               (SCORES / np.sqrt(2), "those are the scaled scores; softmax turns them into weights."),
               (SCORES / SCORES.sum(), "the scores divided by their sum is not softmax: use e^(s_j) / Σ e^(s_i)."),
               (ops.softmax(V_ROWS @ Q_ROW / np.sqrt(2)), "the query is compared with the keys K, not with the "
                                                        "values V.")],
        hint="weights_j = softmax(q·k_j / √d_k), one per key, to three decimals."),
    "attention_output_row": Array(
        OUTPUT_ROW, rtol=0, atol=PRECISION,
        wrong=[(WEIGHTS_ROW @ K_ROWS, "you averaged the keys; the output is the weighted mean of the values V."),
               (ops.softmax(SCORES) @ V_ROWS, "the weights lack the scaling by 1/√d_k = 1/√2."),
               (V_ROWS.mean(axis=0), "that gives every value the same weight 1/3; use the softmax weights."),
               (V_ROWS.T @ np.ones(3), "that is the plain sum of the values; weight them by the attention weights.")],
        hint="output = Σ_j weights_j v_j = weights @ V, to three decimals."),
    "multi_head_shapes": Array(
        SHAPES,
        wrong=[([[HEADS, N_TOK, D_HEAD], [HEADS, N_TOK, D_HEAD]],
                "the weights compare every query with every key: (h, n, n), not (h, n, d_k)."),
               ([[N_TOK, HEADS, D_HEAD], [HEADS, N_TOK, N_TOK]],
                "split_heads puts the head axis first: (h, n, d_k), so each head is an (n, d_k) matrix."),
               ([[HEADS, N_TOK, D_MODEL], [HEADS, N_TOK, N_TOK]],
                "each head works in d_k = d_model / h = 8 dimensions, not in all 64."),
               ([[HEADS, N_TOK, D_HEAD], [N_TOK, N_TOK, 1]], "there is one (n, n) weight matrix per head: (h, n, n).")],
        hint="row 0: the shape of Q after split_heads, (h, n, d_k); row 1: the weights' shape, (h, n, n)."),
    "causal_mask": Array(
        CAUSAL4,
        wrong=[(CAUSAL4.T, "that lets query i see keys i, i+1, … — the future. Row i (the query) may be True "
                           "only in columns 0 … i: the lower triangle."),
               (np.tril(np.ones((4, 4)), -1), "the diagonal must be True too: a token may attend to itself "
                                              "(and token 0 would see nothing at all)."),
               (np.ones((4, 4)), "all True masks nothing; a causal mask hides the future.")],
        hint="True where query i may attend to key j, that is j ≤ i; np.tril."),
    "in_span": TrueFalse(
        True, hint="v = 1·a₁ + 2·a₂ = (1, 4, 5): it is a combination of the two, so it lies in their span "
                   "(rank [a₁ a₂ v] = rank [a₁ a₂] = 2)."),
    "eigenvectors_subspace": TrueFalse(
        False, hint="a subspace must contain 0, and 0 is never an eigenvector: the eigenvectors of λ form a "
                    "subspace only once 0 is added (the eigenspace, the null space of A − λI)."),
    "invariant_subspace": Choice(
        "b", options="abcd",
        hints={"a": "A e₂ = (1, 2, 0) = e₁ + 2 e₂ leaves the line through e₂.",
               "c": "A e₂ = e₁ + 2 e₂ has an e₁ part, which span(e₂, e₃) does not contain.",
               "d": "A(e₁ + e₃) = (2, 0, 3), not a multiple of (1, 0, 1): the line is not kept."}),
    "nonzero_eigenvalues": Number(
        1,
        wrong=[(2, "2 is the rank; here rank M² = 1 < rank M = 2, so the eigenvalue 0 is defective and the "
                   "count of non-zero eigenvalues is smaller than the rank."),
               (3, "M is 3×3, but two of its eigenvalues are 0: it is triangular, the eigenvalues are its "
                   "diagonal entries 0, 0, 2."),
               (0, "the diagonal of a triangular matrix holds its eigenvalues: 0, 0 and 2.")],
        hint="M is triangular: its eigenvalues are the diagonal entries."),
    "dies_out": TrueFalse(
        False, hint="ρ(A) = √1.25 ≈ 1.118 > 1: some start grows without bound, so it does not die out."),
}
