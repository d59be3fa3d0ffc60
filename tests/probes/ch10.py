"""Chapter 10 probes: answers a learner plausibly writes for each exercise of `subspaces_and_attention`.

WRONG holds, for every exercise, the mistakes its text invites; the exercise data are chosen so that
each gives a value of its own (tests/test_exercises_ch10.py tests the data and each exercise's premise).
"""
import numpy as np
import scipy.linalg
import sympy as sp

from dlmath import linalg, ops
from dlmath.course.exercises import ch10 as c

N = c.NULL_BASIS
q, K, V = c.Q_ROW, c.K_ROWS, c.V_ROWS
a1, a2, b = c.A1, c.A2, c.B_SPAN
cols = np.column_stack([a1, a2])


def softmax_by_hand(s):
    e = np.exp(s - s.max())
    return e / e.sum()


w = softmax_by_hand(K @ q / np.sqrt(2))


def in_eigenspace(v, lam=2.0):
    return bool(np.allclose((c.A_ES - lam * np.eye(3)) @ v, 0))


def is_eigenvector(v):
    return bool(np.any(v != 0) and np.linalg.matrix_rank(np.column_stack([v, c.A_ES @ v])) == 1)


def nonzero_eigenvalues(M):
    """Counted with multiplicity, exactly (sympy), as a learner who does not trust floating point would."""
    return sum(m for lam, m in sp.Matrix(M).eigenvals().items() if lam != 0)


E2_TABLE = [[in_eigenspace(v) for v in c.ES_VECTORS], [is_eigenvector(v) for v in c.ES_VECTORS]]
TABLE = np.vstack([c.IN_E2, c.IS_EIGENVECTOR])


def flipped(table, *where):
    out = np.array(table, dtype=bool)
    for index in where:
        out[index] = ~out[index]
    return out


CORRECT = {
    "subspace_test": ["a", "A", "a)", " a "],
    "span_coefficients": [[3, -2], np.linalg.lstsq(cols, b, rcond=None)[0], np.linalg.pinv(cols) @ b,
                          np.linalg.solve(cols[:2], b[:2]), (3.0, -2.0)],
    "rank_nullity": [[2, 4], (2, 4), np.array([2.0, 4.0]),
                     [np.linalg.matrix_rank(c.A_RN), 6 - np.linalg.matrix_rank(c.A_RN)],
                     [linalg.rank(c.A_RN), linalg.null_space(c.A_RN).shape[1]]],
    "null_space_basis": [N, N[:, ::-1], N @ np.array([[1.0, 2.0], [3.0, 1.0]]), linalg.null_space(c.A_NULL),
                         scipy.linalg.null_space(c.A_NULL), [[-2, 1], [1, 0], [0, -2], [0, 1]],
                         -7.5 * N, sp.Matrix(c.A_NULL.astype(int)).nullspace(),
                         sp.Matrix.hstack(*sp.Matrix(c.A_NULL.astype(int)).nullspace())],
    "image_dimension": [[5, 2], (5, 2), [c.W_DENSE.shape[0], np.linalg.matrix_rank(c.W_DENSE)],
                    [c.W_DENSE.shape[0], linalg.rank(c.W_DENSE)], [5, linalg.column_space(c.W_DENSE).shape[1]]],
    "eigenvalues": [[2, 5], [5, 2], np.linalg.eigvals(c.A_EIG), np.roots([1, -7, 10]), (2.0, 5.0),
                    np.linalg.eig(c.A_EIG)[0], [float(v) for v in sp.Matrix([[4, 1], [2, 3]]).eigenvals()]],
    "invariant_subspace": ["c", "C", "(c)", "c."],
    "eigenspace_members": [TABLE, E2_TABLE, TABLE.astype(int).tolist(),
                           [[True, False, True, False, True, False], [True, True, False, False, True, False]]],
    "rank_vs_eigenvalues": [[False, True, True, False, True], [0, 1, 1, 0, 1],
                            [linalg.rank(M) == linalg.rank(M @ M) for M in c.RANK_MATRICES],
                            [nonzero_eigenvalues(M) == np.linalg.matrix_rank(M) for M in c.RANK_MATRICES],
                            np.array([np.sum(np.abs(np.linalg.eigvals(M)) > 1e-9) == linalg.rank(M)
                                      for M in c.RANK_MATRICES])],
    "spectral_radius": [np.sqrt(1.25), 1.118, max(abs(np.linalg.eigvals(c.A_RHO))), abs(0.5 + 1j),
                        linalg.spectral_radius(c.A_RHO), np.max(np.abs(np.linalg.eigvals(c.A_RHO)))],
    "stability_verdict": ["b", "B", "(b)", "b)"],
    "attention_weights_row": [w, ops.softmax(K @ q / np.sqrt(2)), [0.140, 0.284, 0.576],
                              np.exp(K @ q / 2 ** 0.5) / np.exp(K @ q / 2 ** 0.5).sum(),
                              ops.scaled_dot_product_attention(q[None], K, V)[1][0],
                              ops.scaled_dot_product_attention(q[None], K, V)[1]],  # the lib's (1, 3) for one query
    "attention_output_row": [w @ V, [1.292, 1.720], sum(wj * vj for wj, vj in zip(w, V)),
                             ops.softmax(q @ K.T / np.sqrt(2)) @ V, ops.scaled_dot_product_attention(q[None], K, V)[0][0],
                             ops.scaled_dot_product_attention(q[None], K, V)[0]],  # (1, 2) for one query
    "head_shapes": [[[4, 10, 16], [4, 10, 10]], np.array([(4, 10, 16), (4, 10, 10)]),
                          [[c.HEADS, c.N_TOK, c.D_MODEL // c.HEADS], [c.HEADS, c.N_TOK, c.N_TOK]],
                          [ops.split_heads(np.zeros((10, 64)), 4).shape,
                           ops.multi_head_attention(np.zeros((10, 64)), *[np.zeros((64, 64))] * 4, 4)[1].shape]],
    "causal_mask": [np.tril(np.ones((4, 4), dtype=bool)), np.tri(4), [[j <= i for j in range(4)] for i in range(4)],
                    np.arange(4)[:, None] >= np.arange(4)[None, :], ops.causal_mask(4)],
}

WRONG = {
    "subspace_test": [("b", "zero vector"), ("c", "closed under multiplying by −1"),
                      ("d", "not closed under addition"), (1, "option's letter")],
    "span_coefficients": [([-2, 3], "swapped"), ([b @ a1 / (a1 @ a1), b @ a2 / (a2 @ a2)], "projections"),
                          ([b @ a1, b @ a2], "inner products"),
                          (np.linalg.solve(np.vstack([a1, a2])[:, :2], b[:2]), "in the rows"),
                          ([-3, 2], "off by a sign"), (b, "expected shape (2,)"),
                          (np.linalg.lstsq(cols, b, rcond=None), "give x, its [0]")],
    "rank_nullity": [([2, 2], "n − r with n = 6"), ([4, 2], "only 2 independent ones"), ([3, 3], "row 4"),
                     ([4, 6], "shape of A"), ([6, 0], "at most the number of rows"), (4, "expected shape (2,)")],
    "null_space_basis": [(c.A_NULL.T, "row space"), (N.T, "put the basis vectors in the columns"),
                         (N[:, :1], "do not span it"), (np.hstack([N, N[:, :1] + N[:, 1:]]), "linearly dependent"),
                         (np.array([[1.0, 0, 0, 0], [0, 1, 0, 0]]).T, "is not in the null space"),
                         (np.array([[2.0, 1, 0, 0], [1, 0, -2, 1]]).T, "A @ v must be the zero vector"),
                         (np.hstack([N, np.zeros((4, 1))]), "zero vector"),
                         (linalg.null_space(c.A_NULL.T), "live in R^4"), (linalg.column_space(c.A_NULL), "live in R^4"),
                         ("N", "give numbers")],
    "image_dimension": [(list(c.W_DENSE.shape), "not independent"), ([3, 2], "output space"), ([3, 3], "output space"),
                    ([5, linalg.null_space(c.W_DENSE).shape[1]], "nullity"), ([5, 5], "as big as the rank"),
                    ([2, 5], "swapped"), (list(c.W_DENSE.T.shape), "shape of Wᵀ")],
    "eigenvalues": [([3, 4], "diagonal entries"), (np.diag(c.A_EIG), "diagonal entries"),
                    ([7, 10], "trace and the determinant"), (np.linalg.svd(c.A_EIG)[1], "singular values"),
                    ([-2, -5], "off by a sign"), ([2], "expected shape (2,)"),
                    (np.linalg.eig(c.A_EIG)[1], "expected shape (2,)"),
                    (tuple(np.linalg.eig(c.A_EIG)), "give the eigenvalues alone")],
    "invariant_subspace": [("a", "y-axis into the z-axis"), ("b", "eigenvector in S is not enough"),
                           ("d", "not a multiple"), (3, "option's letter")],
    "eigenspace_members": [(flipped(TABLE, (0, 2)), "every subspace contains 0"),
                           (flipped(TABLE, (1, 2)), "eigenvectors are non-zero by definition"),
                           (flipped(TABLE, (0, 1)), "but for λ = 5"),
                           (flipped(TABLE, (0, 4)), "(3, −1, −2)"),
                           (flipped(TABLE, (0, 5), (1, 5)), "lies in no eigenspace"),
                           (flipped(TABLE, (0, 2), (1, 2)), "1 more entry is wrong too"),
                           (TABLE[::-1], "rows are swapped"), (np.vstack([c.IS_EIGENVECTOR] * 2), "contains 0"),
                           (TABLE[0], "expected shape (2, 6)"), (TABLE.astype(int) * 2, "True or False")],
    "rank_vs_eigenvalues": [(c.DIAGONALISABLE, "is A diagonalisable?"), (c.INVERTIBLE, "is A invertible?"),
                            ([True] * 5, "reading note's claim"),
                            (flipped(c.COUNT_IS_RANK, 0), "no non-zero eigenvalue"),
                            (flipped(c.COUNT_IS_RANK, 1), "no eigenvalue 0 at all"),
                            (flipped(c.COUNT_IS_RANK, 2), "A² = 5A"),
                            (flipped(c.COUNT_IS_RANK, 3), "not semisimple"),
                            (flipped(c.COUNT_IS_RANK, 4), "only the eigenvalue 0 needs to be semisimple"),
                            ([False, True, True, False], "expected shape (5,)")],
    "spectral_radius": [(0.5, "real part"), (1.25, "take the square root"), (2, "largest entry"),
                        (np.linalg.norm(c.A_RHO, 2), "largest singular value"), (np.linalg.norm(c.A_RHO), "Frobenius"),
                        (np.max(np.linalg.eigvals(c.A_RHO)), "take np.abs of the eigenvalues"), (0.9, "too small")],
    "stability_verdict": [("a", "the eigenvalues do"), ("c", "needs ρ(A) = 1"), ("d", "without iterating"),
                          (True, "option's letter")],
    "attention_weights_row": [(softmax_by_hand(K @ q), "√d_k = √2"), (softmax_by_hand(K @ q / 2), "not by d_k"),
                              (softmax_by_hand(K @ q / np.sqrt(3)), "not the number of keys"),
                              (softmax_by_hand(K @ q * np.sqrt(2)), "do not multiply"),
                              (softmax_by_hand(K @ q) / np.sqrt(2), "before the softmax"),
                              (np.exp(K @ q / np.sqrt(2)), "divided by their sum"),
                              ([0, 0, 1], "hard maximum"),
                              (softmax_by_hand(V @ q / np.sqrt(2)), "not with the values"),
                              (ops.scaled_dot_product_attention(q[None], K, V), "the weights are its [1]")],
    "attention_output_row": [(w @ K, "averaged the keys"), (softmax_by_hand(K @ q) @ V, "scaling"),
                             (softmax_by_hand(K @ q / 2) @ V, "1/d_k"),
                             (softmax_by_hand(K @ q / np.sqrt(3)) @ V, "number of keys"),
                             ([2, 2], "hard maximum"),
                             (V.mean(axis=0), "same weight"), (w, "expected shape (2,)"),
                             (ops.scaled_dot_product_attention(q[None], K, V), "the output is its [0]")],
    "head_shapes": [([[4, 10, 16], [4, 10, 16]], "every query with every key"),
                          ([[10, 4, 16], [4, 10, 10]], "head axis first"),
                          ([[4, 10, 64], [4, 10, 10]], "d_k = d_model / h"),
                          ([[4, 16, 10], [4, 10, 10]], "one row per token"),
                          ([4, 10, 10], "expected shape (2, 3)")],
    "causal_mask": [(np.triu(np.ones((4, 4))), "the future"), (np.tri(4, k=-1), "diagonal must be True"),
                    (~np.tri(4, dtype=bool), "marks the hidden keys"),
                    (np.ones((4, 4)), "masks nothing"), (np.tri(3), "expected shape (4, 4)")],
}
