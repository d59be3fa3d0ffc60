"""Chapter 06 · The network as an optimisation problem: the forward pass, parameters, costs, softmax.

Notation as in the book: layer 1 is the input, W^l has shape (n_l, n_(l−1)) with entry w^l_ji, so one
image's weighted inputs are z^l = W^l a^(l−1) + b^l, and a batch (one image per row) gives
Z^l = A^(l−1) (W^l)ᵀ + b^l. Every unit of the 12-3-2 network is a sigmoid. The data of each exercise is
chosen so that every typical mistake (forgot the bias, W for Wᵀ, the missing ½, log base 10 …) lands
on a value of its own.
"""
import numpy as np

from ... import datasets, ops
from ...language import translate as _
from ..checks import Array, Choice, NetworkFunction, Number, short

TITLE = "The network as an optimisation problem"

PRECISION = 5.1e-5  # "four decimal places": a rounded answer passes, every typical mistake is further off


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


# ---------------------------------------------------------------- exercise data

# one unit with 4 inputs (pixels)
UNIT_X = np.array([1.0, 0.0, 1.0, 1.0])
UNIT_W = np.array([0.6, -1.2, 0.9, -0.4])
UNIT_B = -0.3
UNIT_A = _sigmoid(UNIT_W @ UNIT_X + UNIT_B)

# a network 64-16-10: weights and biases of every layer after the input
COUNT_SIZES = (64, 16, 10)
COUNT = 64 * 16 + 16 + 16 * 10 + 10

# a layer of 3 units fed by 3 units (W square and not symmetric, so W and Wᵀ differ)
LAYER_W = np.array([[0.5, -1.0, 2.0], [1.5, 0.3, -0.7], [-0.2, 0.8, 1.1]])
LAYER_A = np.array([0.9, 0.2, 0.6])
LAYER_B = np.array([0.1, -0.4, 0.3])
LAYER_Z = LAYER_W @ LAYER_A + LAYER_B

# the cost of three images: outputs a³ (rows) and targets t
COST_A = np.array([[0.9, 0.2], [0.3, 0.6], [0.8, 0.1]])
COST_T = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
COST = float(np.sum(ops.squared_error(COST_A, COST_T)))

# softmax of four weighted inputs
SOFTMAX_Z = np.array([1.0, 2.0, 0.5, -1.0])
SOFTMAX_P = ops.softmax(SOFTMAX_Z)

# cross entropy of a softmax output p for an image of class 2 (t one-hot)
CE_P = np.array([0.7, 0.2, 0.1])
CE_T = np.array([0.0, 1.0, 0.0])
CE = float(ops.cross_entropy(CE_P, CE_T))


# ---------------------------------------------------------------- the forward pass, probed on random nets

def forward_reference(X, W2, b2, W3, b3):
    """a³ for a batch X (N, 12) of the 12-3-2 sigmoid network: shape (N, 2). Built from the lib."""
    a2 = ops.activation(ops.dense(X, W2, b2), "sigmoid")
    return ops.activation(ops.dense(a2, W3, b3), "sigmoid")


def _forward_variant(bias=True, hidden="sigmoid", output="sigmoid", hidden_only=False):
    """The forward pass with one typical mistake built in (the arguments say which)."""
    act = {"sigmoid": _sigmoid, "identity": lambda z: z, "relu": lambda z: np.maximum(z, 0)}

    def forward(X, W2, b2, W3, b3):
        a2 = act[hidden](X @ W2.T + (b2 if bias else 0))
        if hidden_only:
            return a2
        return act[output](a2 @ W3.T + (b3 if bias else 0))
    return forward


def _probe_networks():
    """Five random 12-3-2 networks with biases of a real size, on batches of 1, 2, 4, 5 and 7 images
    (never 3: W @ X.T + b would broadcast silently for a batch of 3)."""
    rng = np.random.default_rng(6)
    images = datasets.zero_one_images()
    probes = []
    for n in (1, 2, 4, 5, 7):
        rows = rng.choice(len(images.x), size=n, replace=False)
        params = (rng.normal(0, 0.8, (3, 12)), rng.normal(0, 0.8, 3), rng.normal(0, 1.2, (2, 3)), rng.normal(0, 0.8, 2))
        probes.append((images.x[rows], *params))
    return probes


PROBES = _probe_networks()


def _forward_shape_hint(name, got, expected, where):
    if got[::-1] == expected:
        return _("{where} the result has shape {shape}, the transpose of {expected}: return one row per image, "
                 "one column per output.").format(where=where, shape=got, expected=expected)
    return _("{where} the result has shape {shape}; expected {expected}, one row per image.").format(
        where=where, shape=got, expected=expected)


def _first_wrong_output(got, expected, args, where):
    (got,), (exp,) = got, expected
    bad = ~np.isclose(got, exp, rtol=1e-6, atol=1e-9)
    n, j = (int(i) for i in np.argwhere(bad)[0])
    return _("{where} output a³_{unit} of image {image} is {value}; expected {expected}.").format(
        where=where, unit=j + 1, image=n + 1, value=short(float(got[n, j])), expected=f"{float(exp[n, j]):.6g}")


# ---------------------------------------------------------------- the exercises

EXERCISES = {
    "unit_output": Number(
        UNIT_A, rtol=0, atol=PRECISION,
        wrong=[(_sigmoid(UNIT_W @ UNIT_X), "you forgot the bias: z = w·x + b, and b = −0.3 here."),
               (UNIT_W @ UNIT_X + UNIT_B, "that is the weighted input z; the unit's output is a = σ(z)."),
               (_sigmoid(UNIT_W @ UNIT_X - UNIT_B), "the bias enters with its own sign: z = w·x + b (b = −θ)."),
               (1.0, "that is the unit step's output; this unit is a sigmoid, a = σ(z) = 1/(1 + e^(−z))."),
               (_sigmoid(UNIT_W.sum() + UNIT_B), "you added every weight; a weight counts only where its pixel "
                                                 "is ink: w·x = Σ w_i x_i.")],
        hint="z = w·x + b = Σ w_i x_i + b, then a = σ(z) = 1/(1 + e^(−z)), to four decimals."),
    "parameter_count": Number(
        COUNT,
        wrong=[(64 * 16 + 16 * 10, "those are the weights only; every unit after the input also has a bias."),
               (COUNT + 64, "the input layer has no biases: its units just hold the pixels."),
               (64 * 16 * 10, "the layers' weights add up, they do not multiply: n_1·n_2 + n_2·n_3."),
               (64 + 16 + 10, "that counts the units; each connection between two layers has its own weight."),
               (16 + 10, "those are the biases only; add a weight for every connection.")],
        hint="Σ over the layers after the input of n_l·n_(l−1) weights + n_l biases."),
    "layer_z": Array(
        LAYER_Z, squeeze=True,  # ops.dense treats one sample as a batch of one: its (1, 3) row is right too
        wrong=[(LAYER_W.T @ LAYER_A + LAYER_B, "you used Wᵀ: z_j = Σ_i w_ji a_i runs along row j of W, so "
                                                "z = W a + b (or a @ W.T + b for a row)."),
               (LAYER_W @ LAYER_A, "you forgot the bias: z = W a + b."),
               (_sigmoid(LAYER_Z), "that is a = σ(z); the question asks for the weighted inputs z themselves."),
               (LAYER_W @ LAYER_A - LAYER_B, "the bias is added: z = W a + b.")],
        hint="z_j = Σ_i w_ji a_i + b_j: W @ a + b, one number per unit."),
    "cost": Number(
        COST,
        wrong=[(2 * COST, "that is without the ½: the book's C = ½ Σ_j (a_j − t_j)² per image."),
               (COST / 3, "that divides by a count (a mean); C_T is the sum over the images of "
                          "½ Σ_j (a_j − t_j)², nothing divided."),
               (float(np.sum(np.abs(COST_A - COST_T))), "the differences are squared, not taken as absolute values."),
               (0.5 * float(np.sum(np.abs(COST_A - COST_T))), "the differences are squared, not taken as absolute "
                                                              "values."),
               (0.5 * float(np.sum(COST_A - COST_T)), "square each difference before adding, or the signs cancel."),
               (float(np.sqrt(np.sum((COST_A - COST_T) ** 2))), "no square root: C_T = ½ Σ (a − t)².")],
        hint="C_T = Σ_images ½ Σ_j (a_j − t_j)²: square every difference, add them all, take half."),
    "softmax": Array(
        SOFTMAX_P, rtol=0, atol=PRECISION,
        wrong=[(SOFTMAX_Z / SOFTMAX_Z.sum(), "you divided z by its sum; softmax exponentiates first: "
                                             "p_k = e^(z_k) / Σ_j e^(z_j)."),
               (np.exp(SOFTMAX_Z), "these are the e^(z_k); divide by their sum, so the p_k add up to 1."),
               (_sigmoid(SOFTMAX_Z), "that is σ applied to each z_k on its own; softmax divides by Σ_j e^(z_j), "
                                     "so the outputs add up to 1."),
               (10 ** SOFTMAX_Z / np.sum(10 ** SOFTMAX_Z), "you used 10^z; softmax uses e^z (np.exp)."),
               (np.exp(SOFTMAX_Z - SOFTMAX_Z.max()), "subtracting max z is right, but then divide by the sum too.")],
        hint="p_k = e^(z_k) / Σ_j e^(z_j), four numbers that add up to 1, to four decimals."),
    "cross_entropy": Number(
        CE, rtol=0, atol=PRECISION,
        wrong=[(-np.log10(0.2), "that is log base 10; the cross entropy uses the natural log (np.log)."),
               (-np.log2(0.2), "that is log base 2; the cross entropy uses the natural log (np.log)."),
               (np.log(0.2), "off by a sign: C = −Σ t_j log p_j is positive, since log p ≤ 0."),
               (-np.log(0.7), "that is the largest p, of class 1; with t = (0, 1, 0) only class 2 counts."),
               (float(-np.sum(np.log(CE_P))), "you added −log p_j over every class; t_j = 0 removes all but "
                                              "the true class."),
               (float(ops.binary_cross_entropy(CE_P, CE_T)),
                "that is the sigmoid form −Σ[t log a + (1 − t) log(1 − a)]; for softmax outputs C = −Σ t_j log p_j.")],
        hint="C = −Σ_j t_j log p_j with the natural log, to four decimals."),
    "faster_loss": Choice(
        "b", options="abcd",
        hints={"a": "a − t is large, but squared error multiplies it by σ'(z) = a(1 − a) ≈ 0.02: δ = (a − t)·σ'(z) "
                    "is tiny, so the weights barely move.",
               "c": "they differ by exactly the factor σ'(z) = a(1 − a): for squared error δ = (a − t) a(1 − a), "
                    "for cross entropy δ = a − t.",
               "d": "the ½ only rescales the squared error; the factor σ'(z) ≈ 0.02 of a saturated unit is what "
                    "makes it slow."}),
    "softmax_shift": Choice(
        "b", options="abcd",
        hints={"a": "adding the same number c to every z_k multiplies every e^(z_k) by e^c, which cancels in "
                    "the fraction: softmax(z + c) = softmax(z).",
               "c": "adding a constant to every input leaves softmax unchanged (e^c cancels); only the scaling "
                    "changes it.",
               "d": "try it: scaling z by 2 makes the largest p larger, e.g. softmax([1, 2]) vs softmax([2, 4])."}),
    "forward": NetworkFunction(
        forward_reference, PROBES, outputs=("a³",), shape_hint=_forward_shape_hint, locate=_first_wrong_output,
        passed="correct on all 5 test networks (batches of 1 to 7 images).",
        wrong=[(_forward_variant(bias=False), "you forgot the biases: z = X @ W.T + b in both layers."),
               (_forward_variant(output="identity"), "the outputs need σ too: a³ = σ(z³), not z³."),
               (_forward_variant(hidden="identity"), "the hidden layer needs σ too: a² = σ(z²), not z²."),
               (_forward_variant(hidden="relu"), "every unit of this network is a sigmoid, the hidden ones as well."),
               (_forward_variant(hidden_only=True), "that is a², the hidden layer's output; go on to layer 3.")],
        hint="With one image per row: A2 = σ(X @ W2.T + b2), A3 = σ(A2 @ W3.T + b3), shape (N, 2). "
             "W has shape (n_out, n_in), so a row of images is multiplied by W.T."),
}
