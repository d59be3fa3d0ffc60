"""Chapter 07 probes: answers a learner plausibly writes for each exercise of `backpropagation`."""
import numpy as np
import sympy as sp

from dlmath import linalg as la
from dlmath.course.exercises import ch07 as c

a3, t = c.A3, c.T


def table_by_lib():
    """The 2-2-1 table from the lib's ops, as a learner who uses them writes it."""
    from dlmath import ops
    p = c.T221
    z2 = ops.dense(p["x"], p["W2"], p["b2"])[0]
    a2 = ops.sigmoid(z2)
    z3 = ops.dense(a2, p["W3"], p["b3"])[0]
    a3 = ops.sigmoid(z3)
    d3 = ops.activation_backward(ops.squared_error_backward(a3, p["t"]), z3, "sigmoid")
    d2 = ops.activation_backward(ops.dense_backward(d3, a2, p["W3"])[0][0], z2, "sigmoid")
    return np.concatenate([z2, a2, z3, a3, d3, d2])
W, d_next, a_here = c.W_NEXT, c.DELTA_NEXT, c.A_HERE
D = c.DELTAS_BATCH
x, t_, w2, b2, w3, b3 = sp.symbols("x t w2 b2 w3 b3")


def sig(z):
    return 1 / (1 + sp.exp(-z))


def chain_by_deltas():
    z2 = w2 * x + b2
    a2 = sig(z2)
    z3 = w3 * a2 + b3
    a3s = sig(z3)
    delta3 = (a3s - t_) * a3s * (1 - a3s)
    delta2 = delta3 * w3 * a2 * (1 - a2)
    return delta2 * x


def chain_with_exp():
    z2 = w2 * x + b2
    z3 = w3 * sig(z2) + b3
    prime = lambda z: sp.exp(-z) / (1 + sp.exp(-z)) ** 2  # noqa: E731
    return (sig(z3) - t_) * prime(z3) * w3 * prime(z2) * x


# ---------------------------------------------------------------- backprop, written the ways learners do

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def backprop_rows(X, T, W2, b2, W3, b3):
    a2 = sigmoid(X @ W2.T + b2)
    a3 = sigmoid(a2 @ W3.T + b3)
    d3 = (a3 - T) * a3 * (1 - a3)
    d2 = (d3 @ W3) * a2 * (1 - a2)
    return d2.T @ X, d2.sum(axis=0), d3.T @ a2, d3.sum(axis=0)


def backprop_loop(X, T, W2, b2, W3, b3):
    """One image at a time, column-vector style as in the book, then add."""
    dW2, db2 = np.zeros_like(W2), np.zeros_like(b2)
    dW3, db3 = np.zeros_like(W3), np.zeros_like(b3)
    for xk, tk in zip(X, T):
        z2 = W2 @ xk + b2
        a2 = sigmoid(z2)
        z3 = W3 @ a2 + b3
        a3_ = sigmoid(z3)
        d3 = (a3_ - tk) * a3_ * (1 - a3_)
        d2 = (W3.T @ d3) * a2 * (1 - a2)
        dW3 += np.outer(d3, a2)
        db3 += d3
        dW2 += np.outer(d2, xk)
        db2 += d2
    return dW2, db2, dW3, db3


def backprop_lists(X, T, W2, b2, W3, b3):
    """With einsum and returned as a list."""
    a2 = sigmoid(np.einsum("ji,ni->nj", W2, X) + b2)
    a3_ = sigmoid(np.einsum("kj,nj->nk", W3, a2) + b3)
    d3 = (a3_ - T) * a3_ * (1 - a3_)
    d2 = np.einsum("kj,nk->nj", W3, d3) * a2 * (1 - a2)
    return [np.einsum("nj,ni->ji", d2, X), d2.sum(0), np.einsum("nk,nj->kj", d3, a2), d3.sum(0)]


def backprop_transposed_weights(X, T, W2, b2, W3, b3):
    g = backprop_rows(X, T, W2, b2, W3, b3)
    return g[0].T, g[1], g[2].T, g[3]


def backprop_no_batch_sum(X, T, W2, b2, W3, b3):
    """Right for one image; for a batch it returns the first image's bias gradients only."""
    dW2, _, dW3, _ = backprop_rows(X, T, W2, b2, W3, b3)
    a2 = sigmoid(X @ W2.T + b2)
    a3_ = sigmoid(a2 @ W3.T + b3)
    d3 = (a3_ - T) * a3_ * (1 - a3_)
    d2 = (d3 @ W3) * a2 * (1 - a2)
    return dW2, d2[0], dW3, d3[0]


def backprop_wrong_hidden_derivative(X, T, W2, b2, W3, b3):
    """Uses the output layer's a'(z³) pattern where the hidden layer's belongs — wrong values in δ²."""
    a2 = sigmoid(X @ W2.T + b2)
    a3_ = sigmoid(a2 @ W3.T + b3)
    d3 = (a3_ - T) * a3_ * (1 - a3_)
    d2 = (d3 @ W3) * a2 * a2
    return d2.T @ X, d2.sum(axis=0), d3.T @ a2, d3.sum(axis=0)


def backprop_returns_two(X, T, W2, b2, W3, b3):
    g = backprop_rows(X, T, W2, b2, W3, b3)
    return g[0], g[2]


CORRECT = {
    "delta_output": [(a3 - t) * a3 * (1 - a3), [-0.0532, 0.0992], (-0.053217, 0.099179),
                     [(a - tt) * a * (1 - a) for a, tt in zip([0.73, 0.41], [1, 0])]],
    "delta_hidden": [(W.T @ d_next) * a_here * (1 - a_here), (d_next @ W) * (a_here - a_here ** 2),
                     [-0.0504, -0.0242, 0.0376], np.dot(W.T, d_next) * a_here * (1 - a_here)],
    "weight_gradient": [np.outer(c.DELTA_W, c.A_PREV), c.DELTA_W[:, None] * c.A_PREV[None, :],
                        [[dj * ai for ai in [0.6, 0.2, 0.9, 0.5]] for dj in [0.2, -0.1, 0.05]],
                        np.array([[0.12, 0.04, 0.18, 0.1], [-0.06, -0.02, -0.09, -0.05], [0.03, 0.01, 0.045, 0.025]]),
                        np.outer(c.DELTA_W, 1 / (1 + np.exp(-c.Z_PREV)))],  # σ(z) itself, not the rounded a
    "bias_gradient": [D.sum(axis=0), list(np.sum(D, axis=0)), np.ones(4) @ D, [0.10, 0.02, 0.28]],
    "chain_rule_sympy": [sp.diff(c.C_CHAIN, w2), chain_by_deltas(), chain_with_exp()],
    "backprop": [backprop_rows, backprop_loop, backprop_lists, c.backprop_reference],
    "gradient_check_verdict": ["b", "B", "b)", " b "],
    "multiply_adds": [5376, 5376.0, 10 * 64 + 64 * 64 + 10 * 64, np.int64(5376)],
    "graph_gradient": [8, 8.0, 2 * 3 + 2, np.float64(8)],
    "elementwise_product": [c.EW_U * c.EW_SLOPE, np.multiply(c.EW_U, c.EW_SLOPE), np.diag(c.EW_SLOPE) @ c.EW_U,
                            [0.125, -0.2, 0.2], la.hadamard(c.EW_U, c.EW_SLOPE)],
    "table_221": [c.TABLE_221, list(np.round(c.TABLE_221, 4)), c.table_221(), table_by_lib()],
    "sigmoid_local_gradient": [lambda s, g: g * s * (1 - s), lambda s, g: g * (s - s ** 2), lambda s, g: s * g - s * s * g,
                               lambda s, g: np.multiply(g, s * (1 - s))],
}

WRONG = {
    "delta_output": [((a3 - t), "needs the factor a'(z³)"),
                     ((t - a3) * a3 * (1 - a3), "off by a sign"),
                     (0.5 * (a3 - t) * a3 * (1 - a3), "half the answer"),
                     ([-0.05, 0.10], "entry 0"),
                     ([[-0.0532], [0.0992]], "shape")],
    "delta_hidden": [((W @ d_next) * a_here * (1 - a_here), "instead of its transpose"),
                     (W.T @ d_next, "multiply element-wise by"),
                     ((W.T @ d_next) * sigmoid(a_here) * (1 - sigmoid(a_here)), "applied σ once more"),
                     ((W.T @ d_next) @ np.diag(a_here * (1 - a_here)) * 2, "entry")],
    "weight_gradient": [(np.outer(c.A_PREV, c.DELTA_W), "that is the transpose"),
                        (np.outer(c.DELTA_W, c.Z_PREV), "you used z^(l−1)"),
                        (np.outer(c.DELTA_W, c.A_THIS), "this layer's outputs"),
                        (c.DELTA_W * 0.6, "expected shape (3, 4)")],
    "bias_gradient": [(D.mean(axis=0), "mean over the images"),
                      (D.sum(axis=1), "axis=1"),
                      (D[0], "first image only"),
                      (D.sum(), "expected shape (3,)")],
    "chain_rule_sympy": [(chain_by_deltas() / (sig(w2 * x + b2) * (1 - sig(w2 * x + b2))), "a factor is missing"),
                         (chain_by_deltas() / x, "∂C/∂w² = δ² · x"),
                         (2 * chain_by_deltas(), "twice the answer"),
                         ("diff(C, w2)", "got text")],
    "backprop": [(c._backprop_variant(output_prime=False), "δ³ lacks the factor a'(z³)"),
                 (c._backprop_variant(hidden_prime=False), "⊙ a'(z²)"),
                 (c._backprop_variant(transpose=True), "W instead of Wᵀ"),
                 (c._backprop_variant(sign=-1.0), "off by a sign"),
                 (c._backprop_variant(bias=False), "forgot the bias"),
                 (c._backprop_variant(factor=2.0), "twice the answer"),
                 (c._backprop_variant(mean=True), "divided by the number of images"),
                 (backprop_transposed_weights, "the transpose of W's"),
                 (backprop_no_batch_sum, "right for one image at a time but not for a batch"),
                 (backprop_wrong_hidden_derivative, "δ^2_1, the unit error of unit 1 in layer 2"),
                 (backprop_returns_two, "return the four gradients")],
    "gradient_check_verdict": [("a", "float32"), ("c", "smaller h makes it worse"), ("d", "no fixed threshold"),
                               (2, "option's letter")],
    "multiply_adds": [(4736, "add the recurrence"), (9472, "no weight lies below it"), (640, "alone"),
                      (5450, "biases need no multiplication")],
    "graph_gradient": [(5, "both uses add"), (3, "add both paths"), (15, "that is f itself"), (6, "too small")],
    "elementwise_product": [(np.outer(c.EW_U, c.EW_SLOPE), "outer product"), (c.EW_U @ c.EW_SLOPE, "inner product"),
                            (c.EW_U + c.EW_SLOPE, "does not add"), (c.EW_U / c.EW_SLOPE, "does not divide"),
                            ([0.125, -0.2, 0.02], "entry 2")],
    "table_221": [(c.table_221(output_prime=False), "lacks the factor a′(z³)"), (c.table_221(hidden_prime=False), "δ² needs"),
                  (c.table_221(bias=False), "forgot the biases"), (c.table_221(sign=-1.0), "wrong sign"),
                  (c.TABLE_221[:6], "expected shape (9,)")],
    "sigmoid_local_gradient": [(lambda s, g: s * (1 - s), "multiplied by out_grad"), (lambda s, g: g * s, "not s"),
                               (lambda s, g: g * (1 - s), "the factor s is missing"),
                               (lambda s, g: g * s * (1 + s), "differs at x = (0.5, 1)")],
}
