"""Chapter 06 probes: answers a learner plausibly writes for each exercise of `network_as_optimization`."""
import math

import numpy as np

from dlmath import ops
from dlmath.course.exercises import ch06 as c


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# ---------------------------------------------------------------- the forward pass, written the ways learners do

def forward_rows(X, W2, b2, W3, b3):
    A2 = sigmoid(X @ W2.T + b2)
    return sigmoid(A2 @ W3.T + b3)


def forward_columns(X, W2, b2, W3, b3):
    """Column vectors as in the book: W a + b for every image at once, transposed back at the end."""
    A2 = sigmoid(W2 @ X.T + b2[:, None])
    return sigmoid(W3 @ A2 + b3[:, None]).T


def forward_loop(X, W2, b2, W3, b3):
    """One image at a time."""
    out = []
    for x in X:
        a2 = sigmoid(np.dot(W2, x) + b2)
        out.append(sigmoid(np.dot(W3, a2) + b3))
    return np.array(out)


def forward_lists(X, W2, b2, W3, b3):
    """Sums written out, returned as nested lists."""
    rows = []
    for x in X.tolist():
        a2 = [1 / (1 + math.exp(-(sum(w * xi for w, xi in zip(W2[j], x)) + b2[j]))) for j in range(3)]
        rows.append([1 / (1 + math.exp(-(sum(w * a for w, a in zip(W3[k], a2)) + b3[k]))) for k in range(2)])
    return rows


def forward_transposed_output(X, W2, b2, W3, b3):
    return forward_rows(X, W2, b2, W3, b3).T


def forward_W_not_transposed(X, W2, b2, W3, b3):
    return sigmoid(sigmoid(X @ W2 + b2) @ W3 + b3)


def forward_in_place(X, W2, b2, W3, b3):
    """Scales the images in place (the probe data is read-only, so this raises)."""
    X *= 1.0
    return forward_rows(X, W2, b2, W3, b3)


def forward_first_image_only(X, W2, b2, W3, b3):
    return forward_rows(X[:1], W2, b2, W3, b3)


A, T = c.COST_A, c.COST_T

CORRECT = {
    "unit_output": [sigmoid(c.UNIT_W @ c.UNIT_X + c.UNIT_B), 0.69, 0.68997, 1 / (1 + math.exp(-0.8)),
                    np.float64(0.6899745)],
    "parameter_count": [1210, 1210.0, 64 * 16 + 16 + 16 * 10 + 10, np.int64(1210)],
    "layer_z": [c.LAYER_W @ c.LAYER_A + c.LAYER_B, c.LAYER_A @ c.LAYER_W.T + c.LAYER_B, [1.55, 0.59, 0.94],
                (1.55, 0.59, 0.94), np.dot(c.LAYER_W, c.LAYER_A) + c.LAYER_B,
                ops.dense(c.LAYER_A, c.LAYER_W, c.LAYER_B)],  # the chapter's own tool: a (1, 3) row
    "cost": [0.5 * np.sum((A - T) ** 2), 0.175, sum(0.5 * ((a - t) ** 2).sum() for a, t in zip(A, T)),
             np.float64(0.175), 0.5 * np.linalg.norm(A - T) ** 2],
    "softmax": [np.exp(c.SOFTMAX_Z) / np.exp(c.SOFTMAX_Z).sum(), [0.2242, 0.6095, 0.136, 0.0303],
                np.exp(c.SOFTMAX_Z - 2.0) / np.sum(np.exp(c.SOFTMAX_Z - 2.0)),
                [math.exp(z) / sum(math.exp(v) for v in c.SOFTMAX_Z) for z in c.SOFTMAX_Z]],
    "cross_entropy": [-np.log(0.2), 1.6094, float(-np.sum(c.CE_T * np.log(c.CE_P))), math.log(5)],
    "faster_loss": ["b", "B", "b)", " b "],
    "softmax_shift": ["b", "B", "b.", "b "],
    "forward": [forward_rows, forward_columns, forward_loop, forward_lists, c.forward_reference],
}

WRONG = {
    "unit_output": [(sigmoid(c.UNIT_W @ c.UNIT_X), "forgot the bias"),
                    (0.8, "weighted input z"),
                    (sigmoid(1.4), "its own sign"),
                    (1, "unit step"),
                    (sigmoid(-0.4), "you added every weight"),
                    (0.7, "too large")],
    "parameter_count": [(1184, "weights only"), (1274, "input layer has no biases"), (10240, "do not multiply"),
                        (90, "counts the units"), (26, "biases only"), (1200, "too small")],
    "layer_z": [(c.LAYER_W.T @ c.LAYER_A + c.LAYER_B, "you used Wᵀ"),
                (c.LAYER_A @ c.LAYER_W + c.LAYER_B, "you used Wᵀ"),
                (c.LAYER_W @ c.LAYER_A, "forgot the bias"),
                (sigmoid(c.LAYER_W @ c.LAYER_A + c.LAYER_B), "the weighted inputs z themselves"),
                (c.LAYER_W @ c.LAYER_A - c.LAYER_B, "the bias is added"),
                ([1.55, 0.59], "shape")],
    "cost": [(0.35, "without the ½"), (np.mean((A - T) ** 2), "a mean"),
             (0.5 * np.mean(np.sum((A - T) ** 2, axis=1)), "a mean"),
             (1.3, "not taken as absolute values"), (-0.05, "signs cancel"),
             (math.sqrt(0.35), "no square root"), ("0.175", "without quotes")],
    "softmax": [(c.SOFTMAX_Z / c.SOFTMAX_Z.sum(), "divided z by its sum"),
                (np.exp(c.SOFTMAX_Z), "divide by their sum"),
                (sigmoid(c.SOFTMAX_Z), "σ applied to each"),
                (10 ** c.SOFTMAX_Z / np.sum(10 ** c.SOFTMAX_Z), "10^z"),
                (np.exp(c.SOFTMAX_Z - c.SOFTMAX_Z.max()), "divide by the sum too"),
                ([0.22, 0.61, 0.14, 0.03], "entry 0")],
    "cross_entropy": [(-np.log10(0.2), "log base 10"), (-np.log2(0.2), "log base 2"),
                      (np.log(0.2), "off by a sign"), (-np.log(0.7), "largest p"),
                      (-np.sum(np.log(c.CE_P)), "over every class"),
                      (-(np.log(0.3) + np.log(0.2) + np.log(0.9)), "sigmoid form")],
    "faster_loss": [("a", "σ'(z)"), ("c", "differ by exactly"), ("d", "only rescales"), (1, "option's letter")],
    "softmax_shift": [("a", "cancels"), ("c", "leaves softmax unchanged"), ("d", "try it"), ("e", "choose one of")],
    "forward": [(c._forward_variant(bias=False), "forgot the biases"),
                (c._forward_variant(output="identity"), "a³ = σ(z³)"),
                (c._forward_variant(hidden="identity"), "a² = σ(z²)"),
                (c._forward_variant(hidden="relu"), "every unit of this network is a sigmoid"),
                (c._forward_variant(hidden_only=True), "that is a²"),
                (forward_transposed_output, "the transpose of"),
                (forward_W_not_transposed, "W.T"),
                (forward_in_place, "read-only"),
                (forward_first_image_only, "one row per image"),
                (lambda X, W2, b2, W3, b3: forward_rows(X, W2, b2, W3, b3) + 1e-3, "output a³_1 of image 1")],
}
