"""Chapter 08 · Convolutional networks: output sizes, feature maps by hand, max pooling and its gradient,
the gradient through a convolution, and counting parameters.

Conventions as in dlmath.conv (and torch): "convolution" is a cross-correlation, the filter laid on the
image as it is, out[i, j] = Σ_p,q x[i·s + p, j·s + q] w[p, q] + b; zero padding; H' =
⌊(H + 2·padding − k) / stride⌋ + 1. Exercise data is chosen so each typical mistake (flipped kernel,
forgotten padding, gradient spread over the window, …) gives a value of its own.
"""
import numpy as np

from ... import ops
from ...arrays import read_only
from ...models import CNN
from ..checks import Array, Choice, Function, Number

TITLE = "Convolutional networks"

# ---------------------------------------------------------------- 1. output size
# ⌊(32 + 10 − 11) / 3⌋ + 1 = 11. The numerator 31 leaves remainder 1: the floor matters, rounding up gives
# 12, and every typical mistake lands on a value of its own — but for the + 1 put inside the floor,
# ⌊(31 + 1) / 3⌋ = 10, which always equals either the answer or the forgotten + 1 (here the latter).
SIZE = dict(H=32, k=11, stride=3, padding=5)
OUT_SIZE = ops.output_size(SIZE["H"], SIZE["k"], SIZE["stride"], SIZE["padding"])

# ---------------------------------------------------------------- a filter's gradient Σ δ_ij x_(i+p, j+q)
FG_X = np.array([[1.0, 0, 2, 1], [0, 3, 1, 0], [2, 1, 0, 1], [1, 0, 1, 2]])
FG_DELTA = np.array([[1.0, -2.0], [0.5, 3.0]])
FG_DW = ops.conv2d(FG_X, FG_DELTA)  # correlating the image with δ gives the 3×3 gradient

# ---------------------------------------------------------------- δ of the book's convolution layer
CD_A = np.array([[0.2, 0.7, 0.5, 0.1], [0.4, 0.3, 0.9, 0.6], [0.8, 0.1, 0.3, 0.2], [0.5, 0.6, 0.4, 0.75]])
CD_UP = np.array([[0.5, -1.0], [2.0, 0.25]])
CD_ROUTED = ops.max_pool2d_backward(CD_UP, CD_A)            # each window's gradient at its maximum
CD_DELTA = CD_ROUTED * CD_A * (1 - CD_A)

# ---------------------------------------------------------------- 2–3. feature maps by hand
# small integers, no symmetry: flipping the kernel, swapping i and j or forgetting the bias all change it
X5 = np.array([[1, 0, 2, 1, 0],
               [0, 3, 1, 0, 2],
               [2, 1, 0, 1, 1],
               [1, 0, 1, 2, 0],
               [0, 2, 0, 1, 3]], dtype=np.float64)
W3 = np.array([[1, 0, -1],
               [2, 1, 0],
               [0, -1, 1]], dtype=np.float64)
B = -1.0
ENTRY = (1, 2)  # row i = 1, column j = 2 of the feature map (counted from 0)
FMAP = ops.conv2d(X5, W3, np.array([B]))
FLIPPED = W3[::-1, ::-1]  # the kernel of a true (flipped) convolution


def _entry(w, i, j, bias=B):
    return float(np.sum(X5[i:i + 3, j:j + 3] * w) + bias)


# the feature map exercise: the same image, a 2×2 filter, padding 1, no bias
W2 = np.array([[1, -1], [2, 0]], dtype=np.float64)
FMAP_PADDED = ops.conv2d(X5[:3, :3], W2, padding=1)

# ---------------------------------------------------------------- 5–6. max pooling and its gradient
POOL_X = np.array([[1, 3, 2, 0],
                   [4, 2, 1, 5],
                   [0, 6, 3, 3],
                   [2, 1, 3, 1]], dtype=np.float64)  # the bottom-right window has a tie (3, 3, 3)
POOLED = ops.max_pool2d(POOL_X)
POOL_UP = np.array([[0.5, -1.0], [2.0, 0.25]])  # ∂C/∂(pooled output)
POOL_DX = ops.max_pool2d_backward(POOL_UP, POOL_X)


def _pool_dx_spread(mean):
    """The gradient spread over each whole 2×2 window (each pixel dout, or dout / 4)."""
    return np.kron(POOL_UP, np.ones((2, 2))) / (4 if mean else 1)


def _pool_dx_last_max():
    """Each window's gradient to its *last* maximum (row by row)."""
    dx = np.zeros_like(POOL_X)
    for i in range(2):
        for j in range(2):
            window = POOL_X[2 * i:2 * i + 2, 2 * j:2 * j + 2]
            flat = np.flatnonzero(window.ravel() == window.max())[-1]
            dx[2 * i + flat // 2, 2 * j + flat % 2] = POOL_UP[i, j]
    return dx


def _pool_dx_all_max():
    """Each window's gradient to every pixel equal to its maximum."""
    up = np.kron(POOL_UP, np.ones((2, 2)))
    return np.where(POOL_X == np.kron(POOLED, np.ones((2, 2))), up, 0.0)


# ---------------------------------------------------------------- 7. δ through a convolution

def conv_input_gradient_reference(dout, w):
    """∂C/∂x of out = conv2d(x, w) (stride 1, no padding), from dout = ∂C/∂out (N, F, H', W') and the
    filters w (F, C, kh, kw): every window sends dout · w back onto its pixels. (N, C, H'+kh−1, W'+kw−1)."""
    dout, w = np.asarray(dout, dtype=np.float64), np.asarray(w, dtype=np.float64)
    n, _, ho, wo = dout.shape
    _, c, kh, kw = w.shape
    return ops.conv2d_backward(dout, np.zeros((n, c, ho + kh - 1, wo + kw - 1)), w)[0]


def _input_gradient_variant(flip=False, one_channel=False, window_mean=False):
    """The input gradient with one typical mistake built in."""
    def gradient(dout, w):
        w = np.asarray(w, dtype=np.float64)
        if flip:
            w = w[:, :, ::-1, ::-1]
        if one_channel:  # only the first filter's contribution
            dout = np.asarray(dout, dtype=np.float64)[:, :1]
            w = w[:1]
        dx = conv_input_gradient_reference(dout, w)
        if window_mean:
            dx = dx / (w.shape[2] * w.shape[3])
        return dx
    return gradient


def _probe_points():
    rng = np.random.default_rng(8)
    points = []
    for n, f, c, ho, wo, kh, kw in [(1, 1, 1, 3, 3, 2, 2), (1, 1, 1, 4, 3, 3, 2), (2, 3, 1, 3, 4, 3, 3),
                                    (2, 2, 3, 2, 3, 2, 3), (3, 4, 2, 5, 4, 3, 3)]:
        dout, w = rng.normal(size=(n, f, ho, wo)), rng.normal(size=(f, c, kh, kw))
        points.append((read_only(dout), read_only(w)))  # the learner's function cannot change the probes
    return points


PROBES = _probe_points()

# ---------------------------------------------------------------- 8. parameters
CNN_PARAMETERS = CNN().n_parameters  # 1898
MLP_PARAMETERS = 64 * 64 + 64 + 64 * 10 + 10  # chapter 07's 64-64-10 MLP: 4810

# ---------------------------------------------------------------- the exercises
EXERCISES = {
    "feature_map_side": Number(
        OUT_SIZE,
        wrong=[((SIZE["H"] - SIZE["k"]) // SIZE["stride"] + 1,
                "you forgot the padding: it adds `padding` zeros on *both* sides, H + 2·padding."),
               ((SIZE["H"] + 2 * SIZE["padding"] - SIZE["k"]) // SIZE["stride"],
                "you forgot the + 1, or put it inside the floor: ⌊(H + 2·padding − k + 1) / stride⌋ is not "
                "⌊(H + 2·padding − k) / stride⌋ + 1. The first window sits at position 0 before the stride moves it."),
               ((SIZE["H"] + SIZE["padding"] - SIZE["k"]) // SIZE["stride"] + 1,
                "you added the padding once; it adds `padding` zeros on *both* sides: H + 2·padding."),
               (SIZE["H"] + 2 * SIZE["padding"] - SIZE["k"] + 1,
                "that is the size with stride 1; a stride of 3 takes every third position: divide by the stride."),
               (-(-(SIZE["H"] + 2 * SIZE["padding"] - SIZE["k"]) // SIZE["stride"]) + 1,
                "you rounded up: a window that would stick out of the padded image is not used, so round down (⌊ ⌋)."),
               ((SIZE["H"] + 2 * SIZE["padding"] - SIZE["k"]) / SIZE["stride"] + 1,
                "not a whole number: the formula rounds (H + 2·padding − k) / stride down before adding 1.")],
        hint="H' = ⌊(H + 2·padding − k) / stride⌋ + 1."),
    "feature_entry": Number(
        FMAP[ENTRY],
        wrong=[(_entry(FLIPPED, *ENTRY), "you flipped the kernel (the textbook convolution); deep learning's "
                                         "convolution lays the filter on the window as it is: Σ x[i+p, j+q]·w[p, q]."),
               (_entry(W3, *ENTRY[::-1]), "that is the entry at row 2, column 1: i counts rows (down), j columns."),
               (_entry(W3, *ENTRY, bias=0.0), "you forgot the bias b = −1."),
               (_entry(W3.T, *ENTRY), "you used the filter transposed: w[p, q] multiplies x[i+p, j+q], row with row.")],
        hint="lay the 3×3 filter on the window whose top-left pixel is x[1, 2], multiply pixel by pixel, add, add b."),
    "feature_map": Array(
        FMAP_PADDED,
        wrong=[(ops.conv2d(X5[:3, :3], W2), "you forgot the padding: with one ring of zeros the 3×3 image "
                                            "becomes 5×5, and the 2×2 filter fits at 4×4 positions."),
               (ops.conv2d(X5[:3, :3], W2[::-1, ::-1], padding=1),
                "you flipped the kernel: deep learning's convolution does not flip it."),
               (ops.conv2d(X5[:3, :3], W2.T, padding=1), "you used the filter transposed."),
               (ops.conv2d(X5[:3, :3], W2, padding=1, stride=2), "that is stride 2; this map has stride 1.")],
        hint="pad the 3×3 image with one ring of zeros (5×5), slide the 2×2 filter to every position: 4×4."),
    "vertical_edge": Choice(
        "b", options="abcd",
        hints={"a": "that one responds to a horizontal edge (bright above, dark below): its rows differ, "
                    "its columns are equal.",
               "c": "that one averages the window (a blur): it responds to brightness, not to an edge.",
               "d": "that one responds to a diagonal line; a vertical edge needs equal rows with + on one "
                    "side and − on the other."}),
    "max_pool": Array(
        POOLED,
        wrong=[(np.array([[POOL_X[:2, :2].mean(), POOL_X[:2, 2:].mean()], [POOL_X[2:, :2].mean(), POOL_X[2:, 2:].mean()]]),
                "that is average pooling; max pooling keeps the largest value of each window."),
               (ops.max_pool2d(POOL_X, 2, 1), "that is stride 1 (overlapping windows); 2×2 pooling moves by 2."),
               (-ops.max_pool2d(-POOL_X), "that is the smallest value of each window; max pooling keeps the largest."),
               (POOLED.T, "transposed: the first row of the output comes from the top two rows of the image.")],
        hint="split the 4×4 image into four 2×2 windows and keep the largest value of each."),
    "pool_gradient": Array(
        POOL_DX,
        wrong=[(_pool_dx_spread(mean=False), "you spread the gradient over the whole window: only the maximum "
                                             "influenced the output, so only it gets the gradient; the others get 0."),
               (_pool_dx_spread(mean=True), "you spread the gradient over the whole window (÷ 4, as for average "
                                            "pooling); with max pooling only the maximum gets it."),
               (_pool_dx_last_max(), "in a tie the gradient goes to the *first* maximum, row by row (as torch does), "
                                     "not the last."),
               (_pool_dx_all_max(), "in a tie only one pixel gets the gradient (the first maximum, row by row); "
                                    "giving it to every tied pixel counts it several times.")],
        hint="each output's gradient goes to the one pixel of its window that was the maximum; every other pixel gets 0."),
    "conv_input_gradient": Function(
        conv_input_gradient_reference, PROBES, rtol=1e-7, atol=1e-9, vectorised=False, warnings_fail=False,
        wrong=[(_input_gradient_variant(flip=True),
                "you flipped the kernel: for a cross-correlation forward pass, pixel x[i+p, j+q] gets dout[i, j]·w[p, q] "
                "with w as it is (a full convolution of dout with the flipped filter is the same thing)."),
               (_input_gradient_variant(one_channel=True),
                "only the first filter's contribution: every filter f that saw the pixel adds dout[n, f]·w[f, c]."),
               (_input_gradient_variant(window_mean=True),
                "you divided by the window size: each window sends back dout·w itself, not its mean.")],
        hint="start from zeros of shape (N, C, H'+kh−1, W'+kw−1); for every offset (p, q) add "
             "Σ_f dout[:, f] · w[f, :, p, q] onto the slice [p:p+H', q:q+W']."),
    "parameter_count": Number(
        CNN_PARAMETERS,
        wrong=[(CNN_PARAMETERS - 8 - 16 - 10, "you left out the biases: one per filter and one per output unit."),
               (8 * 9 + 8 + 16 * 9 + 16 + 64 * 10 + 10, "a filter of the second layer spans all 8 input channels: "
                                                         "16 filters × 8 × 3 × 3 weights."),
               (8 * 9 + 8 + 16 * 8 * 9 + 16 + 16 * 4 * 4 * 10 + 10, "the dense layer reads the pooled maps: "
                                                                       "16 × 2 × 2 = 64 inputs, not 16 × 4 × 4."),
               (MLP_PARAMETERS, "that is chapter 07's MLP 64-64-10; count the CNN's: its filters are shared "
                                "by every position of the image.")],
        hint="per conv layer: filters × in-channels × 3 × 3 weights + one bias per filter; then 64·10 + 10."),
    "equivariance": Choice(
        "c", options="abcd",
        hints={"a": "not invariant: the feature map moves with the image (run the Careful box's cell).",
               "b": "away from the border the values are the same, only moved; nothing is recomputed differently.",
               "d": "max pooling shrinks the effect but does not remove it: a one-pixel shift can change the "
                    "pooled map (the Careful box shows one)."}),
    "filter_gradient": Array(
        FG_DW,
        wrong=[(ops.conv2d(FG_X, FG_DELTA[::-1, ::-1]), "you flipped δ: ∂C/∂w_pq pairs δ_ij with x_(i+p, j+q), "
                                                        "the same alignment as the forward pass, no rotation."),
               (FG_DW / 4, "that is the mean over the 4 positions; the weight is used at each of them, and the "
                           "gradients of all its uses add."),
               (FG_DW.T, "that is the transpose: row p, column q of ∂C/∂w belongs to w_pq."),
               (FG_DELTA[0, 0] * FG_X[:3, :3], "that is only the first position's share; the filter is used at all "
                                              "four, so add δ_ij x(window at i, j) over every i, j.")],
        hint="∂C/∂w_pq = Σ_ij δ_ij x_(i+p, j+q): add δ_ij times the window at (i, j)."),
    "conv_delta": Array(
        CD_DELTA,
        wrong=[(CD_ROUTED, "that is ∂C/∂a^F; δ^F = ∂C/∂z^F needs the sigmoid's slope too: ⊙ a(1 − a)."),
               (np.kron(CD_UP, np.ones((2, 2))) * CD_A * (1 - CD_A),
                "you sent each window's gradient to all four of its pixels; max pooling sends it only to the "
                "window's maximum (the others did not affect the output)."),
               (np.kron(CD_UP, np.ones((2, 2))) / 4 * CD_A * (1 - CD_A),
                "that spreads the gradient evenly, as *average* pooling would; max pooling sends it to the maximum."),
               (CD_ROUTED * (1 / (1 + np.exp(-CD_A))) * (1 - 1 / (1 + np.exp(-CD_A))),
                "a^F is already σ(z^F): the slope is a(1 − a) with a itself, not σ(a)(1 − σ(a)).")],
        hint="δ^F = (the pooling gradient at each window's maximum) ⊙ a(1 − a)."),
}

# Release 0.1 asked these with other data; a learner's copy of that release still checks ✅ against them,
# as examples (they no longer count: the exercises above replace them).
EXAMPLES = {
    "output_size": Number(ops.output_size(20, 5, 2, 2), hint="H' = ⌊(H + 2·padding − k) / stride⌋ + 1."),
}
