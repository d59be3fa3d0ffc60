"""Chapter 10 probes: answers a learner plausibly writes for each exercise of `subspaces_and_attention`."""
import numpy as np
import scipy.linalg

from dlmath import linalg, ops
from dlmath.course.exercises import ch10 as c

N = c.NULL_BASIS
q, K, V = c.Q_ROW, c.K_ROWS, c.V_ROWS


def softmax_by_hand(s):
    e = np.exp(s - s.max())
    return e / e.sum()


w = softmax_by_hand(K @ q / np.sqrt(2))

CORRECT = {
    "subspace_test": ["a", "A", "a)", " a "],
    "rank_nullity": [[2, 4], (2, 4), np.array([2.0, 4.0]),
                     [np.linalg.matrix_rank(c.A_RN), 6 - np.linalg.matrix_rank(c.A_RN)]],
    "null_space_basis": [N, N[:, ::-1], N @ np.array([[1.0, 2.0], [3.0, 1.0]]), linalg.null_space(c.A_NULL),
                         scipy.linalg.null_space(c.A_NULL), [[-2, 1], [1, 0], [0, -2], [0, 1]],
                         -7.5 * N],
    "dense_image": [[5, 2], (5, 2), [c.W_DENSE.shape[0], np.linalg.matrix_rank(c.W_DENSE)],
                    np.array([5, linalg.rank(c.W_DENSE)]), [5, linalg.column_space(c.W_DENSE).shape[1]]],
    "eigenvalues": [[2, 5], [5, 2], np.linalg.eigvals(c.A_EIG), np.roots([1, -7, 10]), (2.0, 5.0)],
    "spectral_radius": [np.sqrt(1.25), 1.118, max(abs(np.linalg.eigvals(c.A_RHO))), abs(0.5 + 1j)],
    "attention_weights_row": [w, ops.softmax(K @ q / np.sqrt(2)), [0.140, 0.284, 0.576],
                              np.exp(K @ q / 2 ** 0.5) / np.exp(K @ q / 2 ** 0.5).sum()],
    "attention_output_row": [w @ V, [1.292, 1.720], sum(wj * vj for wj, vj in zip(w, V)),
                             ops.softmax(q @ K.T / np.sqrt(2)) @ V],
    "multi_head_shapes": [[[8, 10, 8], [8, 10, 10]], np.array([(8, 10, 8), (8, 10, 10)]),
                          [[c.HEADS, c.N_TOK, c.D_MODEL // c.HEADS], [c.HEADS, c.N_TOK, c.N_TOK]]],
    "causal_mask": [np.tril(np.ones((4, 4), dtype=bool)), np.tri(4), [[j <= i for j in range(4)] for i in range(4)],
                    np.arange(4)[:, None] >= np.arange(4)[None, :]],
    "in_span": [True, np.True_, "true", linalg.rank(np.array([[1.0, 0, 1], [2, 1, 4], [3, 1, 5]])) == 2],
    "eigenvectors_subspace": [False, "False", np.False_, " false "],
    "invariant_subspace": ["b", "B", "b)", "(b)"],
    "nonzero_eigenvalues": [1, 1.0, np.int64(1), int(np.sum(np.abs(np.linalg.eigvals([[0, 1, 0], [0, 0, 0], [0, 0, 2]])) > 1e-9))],
    "dies_out": [False, "false", np.False_, bool(np.sqrt(1.25) < 1)],
}

WRONG = {
    "subspace_test": [("b", "zero vector"), ("c", "closed under multiplying by −1"),
                      ("d", "not closed under addition"), (1, "option's letter")],
    "rank_nullity": [([2, 2], "n − r with n = 6"), ([4, 2], "only 2 independent ones"),
                     ([4, 6], "shape of A"), (4, "expected shape (2,)")],
    "null_space_basis": [(c.A_NULL.T, "row space"), (N.T, "put the basis vectors in the columns"),
                         (N[:, :1], "do not span it"), (np.hstack([N, N[:, :1] + N[:, 1:]]), "linearly dependent"),
                         (np.array([[1.0, 0, 0, 0], [0, 1, 0, 0]]).T, "is not in the null space"),
                         (np.hstack([N, np.zeros((4, 1))]), "zero vector"),
                         ("N", "give numbers")],
    "dense_image": [([3, 2], "output space"), ([5, 5], "as big as the rank"), ([2, 5], "swapped"),
                    (list(c.W_DENSE.shape), "that is W's shape"), ([5, 1], "entry 1")],
    "eigenvalues": [([3, 4], "diagonal entries"), ([7, 10], "trace and the determinant"),
                    ([-2, -5], "off by a sign"), ([2], "expected shape (2,)")],
    "spectral_radius": [(0.5, "real part"), (1.25, "take the square root"), (2, "largest entry"),
                        (np.linalg.norm(c.A_RHO, 2), "largest singular value"), (0.9, "too small")],
    "attention_weights_row": [(softmax_by_hand(K @ q), "√d_k = √2"), (softmax_by_hand(K @ q / 2), "not by d_k"),
                              (np.exp(K @ q / np.sqrt(2)), "divided by their sum"),
                              (softmax_by_hand(V @ q / np.sqrt(2)), "not with the values")],
    "attention_output_row": [(w @ K, "averaged the keys"), (softmax_by_hand(K @ q) @ V, "scaling"),
                             (V.mean(axis=0), "same weight"), (w, "expected shape (2,)")],
    "multi_head_shapes": [([[8, 10, 8], [8, 10, 8]], "every query with every key"),
                          ([[10, 8, 8], [8, 10, 10]], "head axis first"),
                          ([[8, 10, 64], [8, 10, 10]], "d_k = d_model / h"),
                          ([8, 10, 10], "expected shape (2, 3)")],
    "causal_mask": [(np.triu(np.ones((4, 4))), "the future"), (np.tri(4, k=-1), "diagonal must be True"),
                    (np.ones((4, 4)), "masks nothing"), (np.tri(3), "expected shape (4, 4)")],
    "in_span": [(False, "a combination of the two"), ("no", "answer True or False"), (1, "answer True or False")],
    "eigenvectors_subspace": [(True, "must contain 0"), ("yes", "answer True or False"), (None, "answer True or False")],
    "invariant_subspace": [("a", "leaves the line"), ("c", "has an e₁ part"), ("d", "not a multiple"), ("f", "choose one of")],
    "nonzero_eigenvalues": [(2, "2 is the rank"), (3, "two of its eigenvalues are 0"), (0, "diagonal of a triangular"),
                            (1.5, "too large")],
    "dies_out": [(True, "grows without bound"), ("yes", "answer True or False"), (1, "answer True or False")],
}
