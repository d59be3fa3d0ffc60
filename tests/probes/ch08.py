"""Chapter 08 probes: answers a learner plausibly writes for each exercise of `cnn`."""
import numpy as np

from dlmath import ops
from dlmath.course.exercises import ch08 as c

X, W3, B = c.X5, c.W3, c.B
X3, W2 = c.X5[:3, :3], c.W2


def entry_by_loop():
    total = 0.0
    for p in range(3):
        for q in range(3):
            total += X[1 + p, 2 + q] * W3[p, q]
    return total + B


def feature_map_by_loops():
    xp = np.zeros((5, 5))
    xp[1:4, 1:4] = X3
    out = np.zeros((4, 4))
    for i in range(4):
        for j in range(4):
            out[i, j] = np.sum(xp[i:i + 2, j:j + 2] * W2)
    return out


def pool_by_reshape(x):
    return np.asarray(x).reshape(2, 2, 2, 2).max(axis=(1, 3))


def pool_gradient_by_loops():
    dx = np.zeros((4, 4))
    for i in range(2):
        for j in range(2):
            window = c.POOL_X[2 * i:2 * i + 2, 2 * j:2 * j + 2]
            p, q = np.unravel_index(np.argmax(window), (2, 2))  # argmax: the first maximum
            dx[2 * i + p, 2 * j + q] = c.POOL_UP[i, j]
    return dx


# ---------------------------------------------------------------- the input gradient, three ways

def input_gradient_loops(dout, w):
    n, f, ho, wo = dout.shape
    _, ch, kh, kw = w.shape
    dx = np.zeros((n, ch, ho + kh - 1, wo + kw - 1))
    for i in range(ho):
        for j in range(wo):
            dx[:, :, i:i + kh, j:j + kw] += np.einsum("nf,fcpq->ncpq", dout[:, :, i, j], w)
    return dx


def input_gradient_offsets(dout, w):
    n, f, ho, wo = dout.shape
    _, ch, kh, kw = w.shape
    dx = np.zeros((n, ch, ho + kh - 1, wo + kw - 1))
    for p in range(kh):
        for q in range(kw):
            dx[:, :, p:p + ho, q:q + wo] += np.tensordot(dout, w[:, :, p, q], axes=([1], [0])).transpose(0, 3, 1, 2)
    return dx


def input_gradient_full_convolution(dout, w):
    """The textbook identity: a full convolution of dout with the flipped filters (channels swapped)."""
    kh, kw = w.shape[2:]
    padded = np.pad(dout, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    return ops.conv2d(padded, w[:, :, ::-1, ::-1].transpose(1, 0, 2, 3))


def input_gradient_lib(dout, w):
    n, _, ho, wo = dout.shape
    return ops.conv2d_backward(dout, np.zeros((n, w.shape[1], ho + w.shape[2] - 1, wo + w.shape[3] - 1)), w)[0]


def input_gradient_transposed(dout, w):
    return input_gradient_loops(dout, w).transpose(0, 1, 3, 2)


def input_gradient_forgets_channels(dout, w):
    """Sums the filters' contributions over the channels too: shape (N, 1, …)."""
    return input_gradient_loops(dout, w).sum(axis=1, keepdims=True)


def input_gradient_in_place(dout, w):
    dout *= 1.0  # tries to change the probe data: refused, the arrays are read-only
    return input_gradient_loops(dout, w)


def conv_delta_by_loops():
    delta = np.zeros((4, 4))
    for i in range(2):
        for j in range(2):
            window = c.CD_A[2 * i:2 * i + 2, 2 * j:2 * j + 2]
            p, q = np.unravel_index(np.argmax(window), (2, 2))
            a = window[p, q]
            delta[2 * i + p, 2 * j + q] = c.CD_UP[i, j] * a * (1 - a)
    return delta


CORRECT = {
    "feature_map_side": [11, 11.0, (32 + 2 * 5 - 11) // 3 + 1, int(np.floor((32 + 10 - 11) / 3)) + 1, np.int64(11),
                    ops.output_size(32, 11, 3, 5), ops.conv2d(np.zeros((32, 32)), np.zeros((11, 11)), stride=3,
                                                               padding=5).shape[0]],
    "feature_entry": [-3, -3.0, entry_by_loop(), float(np.sum(X[1:4, 2:5] * W3) - 1)],
    "feature_map": [feature_map_by_loops(), ops.conv2d(X3, W2, padding=1), feature_map_by_loops().tolist(),
                    ops.conv2d(np.pad(X3, 1), W2)],
    "vertical_edge": ["b", "B", " b ", "b)"],
    "max_pool": [pool_by_reshape(c.POOL_X), [[4, 5], [6, 3]], ops.max_pool2d(c.POOL_X), np.array([[4.0, 5], [6, 3]])],
    "pool_gradient": [pool_gradient_by_loops(), ops.max_pool2d_backward(c.POOL_UP, c.POOL_X),
                      [[0, 0, 0, 0], [0.5, 0, 0, -1], [0, 2, 0.25, 0], [0, 0, 0, 0]]],
    "conv_input_gradient": [input_gradient_loops, input_gradient_offsets, input_gradient_full_convolution,
                            input_gradient_lib],
    "parameter_count": [1898, 8 * 1 * 9 + 8 + 16 * 8 * 9 + 16 + 64 * 10 + 10, 1898.0, np.int64(1898)],
    "equivariance": ["c", "C", "c)", " c"],
    "filter_gradient": [sum(c.FG_DELTA[i, j] * c.FG_X[i:i + 3, j:j + 3] for i in range(2) for j in range(2)),
                        ops.conv2d(c.FG_X, c.FG_DELTA), ops.conv2d_backward(c.FG_DELTA, c.FG_X, np.zeros((3, 3)))[1],
                        np.array([[np.sum(c.FG_DELTA * c.FG_X[p:p + 2, q:q + 2]) for q in range(3)] for p in range(3)])],
    "conv_delta": [ops.max_pool2d_backward(c.CD_UP, c.CD_A) * c.CD_A * (1 - c.CD_A), c.CD_DELTA, conv_delta_by_loops(),
                   c.CD_DELTA.tolist()],
}

WRONG = {
    "feature_map_side": [(8, "forgot the padding"), (10, "forgot the + 1"), ((32 + 2 * 5 - 11 + 1) // 3, "inside the floor"),
                    (9, "added the padding once"), (32, "divide by the stride"), (12, "rounded up"),
                    ((32 + 10 - 11) / 3 + 1, "not a whole number"), ("11", "without quotes")],
    "feature_entry": [(2, "flipped the kernel"), (1, "row 2, column 1"), (-2, "forgot the bias"),
                      (-1, "transposed"), (0, "too large")],
    "feature_map": [(ops.conv2d(X3, W2), "forgot the padding"),
                    (ops.conv2d(X3, W2[::-1, ::-1], padding=1), "flipped the kernel"),
                    (ops.conv2d(X3, W2.T, padding=1), "transposed"),
                    (ops.conv2d(X3, W2, padding=1, stride=2), "stride 2"),
                    (np.zeros((5, 5)), "expected shape (4, 4)")],
    "vertical_edge": [("a", "horizontal edge"), ("c", "blur"), ("d", "diagonal"), (2, "option's letter")],
    "max_pool": [(c.POOL_X.reshape(2, 2, 2, 2).mean(axis=(1, 3)), "average pooling"),
                 (ops.max_pool2d(c.POOL_X, 2, 1), "stride 1"),
                 (c.POOL_X.reshape(2, 2, 2, 2).min(axis=(1, 3)), "smallest value"),
                 ([[4, 5], [3, 6]], "entry (1, 0)")],
    "pool_gradient": [(np.kron(c.POOL_UP, np.ones((2, 2))), "spread the gradient over the whole window"),
                      (np.kron(c.POOL_UP, np.ones((2, 2))) / 4, "÷ 4"),
                      (c._pool_dx_last_max(), "not the last"),
                      (c._pool_dx_all_max(), "every tied pixel"),
                      (c.POOL_UP, "expected shape (4, 4)")],
    "conv_input_gradient": [(c._input_gradient_variant(flip=True), "flipped the kernel"),
                            (c._input_gradient_variant(one_channel=True), "first filter's contribution"),
                            (c._input_gradient_variant(window_mean=True), "divided by the window size"),
                            (input_gradient_transposed, "differs at"),
                            (input_gradient_forgets_channels, "differs at"),
                            (input_gradient_in_place, "read-only")],
    "parameter_count": [(1864, "left out the biases"), (890, "all 8 input channels"), (3818, "16 × 2 × 2 = 64"),
                        (4810, "chapter 07's MLP")],
    "equivariance": [("a", "not invariant"), ("b", "only moved"), ("d", "max pooling shrinks"), (True, "letter")],
    "filter_gradient": [(ops.conv2d(c.FG_X, c.FG_DELTA[::-1, ::-1]), "you flipped δ"), (c.FG_DW / 4, "the mean over"),
                        (c.FG_DW.T, "transpose"), (c.FG_DELTA[0, 0] * c.FG_X[:3, :3], "first position's share"),
                        (np.zeros((2, 2)), "expected shape (3, 3)")],
    "conv_delta": [(c.CD_ROUTED, "needs the sigmoid's slope"), (np.kron(c.CD_UP, np.ones((2, 2))) * c.CD_A * (1 - c.CD_A), "all four"),
                   (c.CD_DELTA.T, "the shape is right, but"), (np.zeros((2, 2)), "expected shape (4, 4)")],
}
