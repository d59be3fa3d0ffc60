"""Chapter 09 probes: answers a learner plausibly writes for each exercise of `layers_as_operators`."""
import numpy as np

from dlmath import linalg as la
from dlmath import ops
from dlmath.course.exercises import ch09 as c

A, B, X = c.A, c.B, c.X_BN


def jacobian_two_steps(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())
    p = e / e.sum()
    return np.diag(p) - np.outer(p, p)


def jacobian_loops(z):
    p = ops.softmax(z)
    n = len(p)
    J = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            J[i, j] = p[i] * ((i == j) - p[j])
    return J


def jacobian_broadcast(z):
    p = ops.softmax(np.asarray(z))
    return p[:, None] * (np.eye(len(p)) - p[None, :])


def jacobian_naive_exp(z):
    """Correct in exact arithmetic, but e^1000 overflows."""
    e = np.exp(np.asarray(z, dtype=float))
    p = e / e.sum()
    return np.diag(p) - np.outer(p, p)


def jacobian_in_place(z):
    """Tries to shift z in place — the probe is read-only."""
    z -= np.max(z)
    return jacobian_two_steps(z)


def jacobian_diag(z):
    return np.diag(ops.softmax(z))


def jacobian_transposed_outer_only(z):
    p = ops.softmax(z)
    return -np.outer(p, p)


CORRECT = {
    "operator_norm": [np.linalg.norm(A, 2), np.linalg.svd(A)[1][0], np.sqrt(np.max(np.linalg.eigvalsh(A.T @ A))),
                      3.618, (5 + np.sqrt(5)) / 2],
    "linear_layer": ["c", "C", "c)", " c "],
    "relu_lipschitz": [1, 1.0, np.float64(1), True + 0],
    "softmax_lipschitz": [0.5, 1 / 2, 0.5001, np.float64(0.5)],
    "softmax_jacobian": [c.softmax_jacobian_reference, jacobian_two_steps, jacobian_loops, jacobian_broadcast],
    "depth_factor": [0.9 ** 50, np.prod([0.9] * 50), 0.005154, float(np.exp(50 * np.log(0.9)))],
    "relu_critical_scale": [np.sqrt(2), 2 ** 0.5, 1.4142, 1.414],
    "batch_norm_train": [(X - X.mean(axis=0)) / X.std(axis=0),
                         (X - X.mean(0)) / np.sqrt(((X - X.mean(0)) ** 2).mean(0)),
                         np.round((X - X.mean(axis=0)) / X.std(axis=0), 3).tolist(),
                         (X - np.mean(X, axis=0, keepdims=True)) / np.sqrt(np.var(X, axis=0) + 1e-12)],
    "dropout_scale": [1.25, 1 / (1 - 0.2), 5 / 4, np.float64(1.25)],
    "shear_condition": [np.linalg.cond(B), np.divide(*np.linalg.svd(B, compute_uv=False)), 10.9, 10.91,
                         la.condition_number(B)],
    "not_compact": ["b", "B", " b ", "b)"],
    "sigmoid_stack_bound": [0.5 ** 10, (2 * 0.25) ** 10, 2 ** -10, 0.0009765625, np.prod([2 * 0.25] * 10)],
    "softmax_raise": ["b", "B", "(b)", "b."],
    "shift_symmetry": ["b", "B", " b", "b)"],
}

WRONG = {
    "operator_norm": [(max(abs(np.linalg.eigvals(A))), "largest |eigenvalue|"), (np.linalg.norm(A), "Frobenius"),
                      (np.linalg.norm(A, 2) ** 2, "take its square root"), (4.0, "largest row sum"),
                      (5.0, "largest column sum"), (3.0, "too small")],
    "linear_layer": [("a", "affine"), ("b", "ReLU(−1) = 0"), ("d", "softmax(2z)"), ("e", "batch itself"),
                     ("f", "choose one of")],
    "relu_lipschitz": [(0, "largest slope"), (2, "the norms do not add up"), (0.25, "sigmoid's largest slope"),
                       ("1", "without quotes")],
    "softmax_lipschitz": [(1, "not the smallest one"), (0.25, "the two entries add"), (1 / 3, "not 1/n"),
                          (0.7, "too large")],
    "softmax_jacobian": [(jacobian_diag, "that is diag(p) only"), (jacobian_transposed_outer_only, "that is −p pᵀ only"),
                         (c._jacobian_variant("sign"), "off by a sign"), (c._jacobian_variant("diag_p1mp"), "diagonal only"),
                         (jacobian_naive_exp, "compute p stably"), (jacobian_in_place, "read-only"),
                         (np.eye(3), "expected a function")],
    "depth_factor": [(0.9 ** 49, "49 layers"), (45, "the factors multiply"), (0.9, "that is one layer"),
                     (-4, "compounds")],
    "relu_critical_scale": [(1, "critical scale of linear and tanh"), (2, "its square root"),
                            (1 / np.sqrt(2), "inverted"), (0.5, "s² · ½ = 1")],
    "batch_norm_train": [((X - X.mean(axis=0)) / X.std(axis=0, ddof=1), "unbiased"),
                         ((X - c.RUNNING_MEAN) / np.sqrt(c.RUNNING_VAR), "evaluation"),
                         ((X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True), "layer norm"),
                         (X - X.mean(axis=0), "did not divide"),
                         (((X - X.mean(axis=0)) / X.std(axis=0)).T, "transpose")],
    "dropout_scale": [(0.8, "non-inverted"), (5, "1/p"), (1.2, "1 + p"), (0.2, "probability of dropping")],
    "shear_condition": [(1, "|λ_max / λ_min|"), (3.30, "σ_max alone"), (np.linalg.cond(B) ** 2, "take square roots"),
                         (1 / np.linalg.cond(B), "inverted"), (11.0, "Frobenius norm"), (16.0, "1-norm"),
                         (np.linalg.norm(B) * np.linalg.norm(np.linalg.inv(B)), "Frobenius norm")],
    "not_compact": [("a", "every matrix is compact"), ("c", "every matrix is compact"), ("d", "limit of finite-rank"),
                    ("e", "choose one of")],
    "sigmoid_stack_bound": [(0.25 ** 10, "forgets the weights"), (1024, "forgets σ′ ≤ ¼"), (0.5, "one layer's factor"),
                            (5.0, "do not add them"), (0.001, "too large")],
    "softmax_raise": [("a", "add up to 1"), ("c", "the sum grows"), ("d", "every* input"), (2, "in quotes")],
    "shift_symmetry": [("a", "equivariant, not invariant"), ("c", "not invariant to a 1-pixel shift"),
                       ("d", "same direction"), ("x", "choose one of")],
}
