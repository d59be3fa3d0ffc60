"""Chapter 07 · Backpropagation: unit errors, the backward recurrence, and training.

Notation as in the book and chapter 06: layer 1 is the input, layer 2 the hidden layer and layer 3 the
output of the 12-3-2 network; W^l has shape (n_l, n_(l−1)) with entry w^l_ji; a batch has one image per
row. Every unit is a sigmoid, and the cost of a batch is C_T = Σ_images ½ Σ_j (a³_j − t_j)².
"""
import numpy as np
import sympy as sp

from ... import datasets, ops
from ...language import N_, translate as _
from ..checks import Array, Choice, Expression, Function, NetworkFunction, Number

TITLE = "Backpropagation"

PRECISION = 5.1e-5  # "four decimal places": a rounded answer passes, every typical mistake is further off


def _sigmoid_prime_of(a):
    return a * (1 - a)


# ---------------------------------------------------------------- exercise data

# δ at the output: a³ and t of one image (a "0", so t = (1, 0))
A3, T = np.array([0.73, 0.41]), np.array([1.0, 0.0])
DELTA3 = (A3 - T) * _sigmoid_prime_of(A3)

# one step of the recurrence between two hidden layers of 3 units (W is square and not symmetric, so
# W and Wᵀ give different numbers)
W_NEXT = np.array([[0.5, -1.0, 0.8], [1.2, 0.3, -0.6], [-0.4, 0.9, 0.7]])
DELTA_NEXT = np.array([0.1, -0.2, 0.05])
A_HERE = np.array([0.6, 0.3, 0.8])
DELTA_HERE = (W_NEXT.T @ DELTA_NEXT) * _sigmoid_prime_of(A_HERE)
_sigma = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731

# ∂C/∂W for a layer of 3 units fed by 4 units: δ (3,) and the previous layer's outputs a (4,) and z (4,)
DELTA_W = np.array([0.2, -0.1, 0.05])
A_PREV = np.array([0.6, 0.2, 0.9, 0.5])
Z_PREV = np.array([0.405, -1.386, 2.197, 0.0])  # σ(z) = a, to three decimals
A_THIS = np.array([0.7, 0.1, 0.4])
DW = np.outer(DELTA_W, A_PREV)

# ∂C_T/∂b for a batch of 4 images: δ² per image (rows) and hidden unit (columns)
DELTAS_BATCH = np.array([[0.12, -0.05, 0.30],
                         [-0.08, 0.02, 0.11],
                         [0.05, -0.04, -0.20],
                         [0.01, 0.09, 0.07]])
DB = DELTAS_BATCH.sum(axis=0)

# a chain of two sigmoid units, one weight each, in sympy
x, t, w2, b2, w3, b3 = sp.symbols("x t w2 b2 w3 b3")
_s = lambda z: 1 / (1 + sp.exp(-z))  # noqa: E731
_z2 = w2 * x + b2
_a2 = _s(_z2)
_z3 = w3 * _a2 + b3
_a3 = _s(_z3)
C_CHAIN = sp.Rational(1, 2) * (_a3 - t) ** 2
_sp = lambda z: _s(z) * (1 - _s(z))  # noqa: E731
_delta3 = (_a3 - t) * _sp(_z3)
_delta2 = _delta3 * w3 * _sp(_z2)
DC_DW2 = sp.diff(C_CHAIN, w2)

# the digits MLP 64-64-10: multiply-adds per image
FORWARD_MACS = 64 * 64 + 64 * 10
BACKWARD_MACS = 10 * 64 + (64 * 64 + 10 * 64)  # (W³)ᵀδ³, then δ aᵀ for every weight

# the computational graph f = (x + y)·x at x = 3, y = 2
GX, GY = 3.0, 2.0


# ---------------------------------------------------------------- the 12-3-2 backward pass

def backprop_reference(X, T, W2, b2, W3, b3):
    """∂C_T/∂W², ∂C_T/∂b², ∂C_T/∂W³, ∂C_T/∂b³ of C_T = Σ_images ½‖a³ − t‖², sigmoid units, a batch
    X (N, 12), T (N, 2). Built from the lib's forward/backward pairs."""
    z2 = ops.dense(X, W2, b2)
    a2 = ops.activation(z2, "sigmoid")
    z3 = ops.dense(a2, W3, b3)
    a3 = ops.activation(z3, "sigmoid")
    d3 = ops.activation_backward(ops.squared_error_backward(a3, T), z3, "sigmoid")
    da2, dW3, db3 = ops.dense_backward(d3, a2, W3)
    d2 = ops.activation_backward(da2, z2, "sigmoid")
    _, dW2, db2 = ops.dense_backward(d2, X, W2)
    return dW2, db2, dW3, db3


def _forward(X, W2, b2, W3, b3, bias=True):
    z2 = X @ W2.T + (b2 if bias else 0)
    a2 = 1 / (1 + np.exp(-z2))
    z3 = a2 @ W3.T + (b3 if bias else 0)
    return z2, a2, z3, 1 / (1 + np.exp(-z3))


def _backprop_variant(output_prime=True, hidden_prime=True, sign=1.0, factor=1.0, bias=True, mean=False,
                      transpose=False):
    """The backward pass with one typical mistake built in (the arguments say which)."""
    def backprop(X, T, W2, b2, W3, b3):
        _, a2, _, a3 = _forward(X, W2, b2, W3, b3, bias)
        d3 = sign * factor * (a3 - T) * (a3 * (1 - a3) if output_prime else 1)
        if transpose:
            back = d3 @ W3.T  # W instead of Wᵀ: in rows this is δ³ Wᵀ, and the shapes do not fit
        else:
            back = d3 @ W3
        d2 = back * (a2 * (1 - a2) if hidden_prime else 1)
        grads = (d2.T @ X, d2.sum(axis=0), d3.T @ a2, d3.sum(axis=0))
        return tuple(g / len(X) for g in grads) if mean else grads
    return backprop


# a 2-2-1 sigmoid network worked by hand: every forward and backward number of one image, in the order of
# the chapter's table (z², a², z³, a³, δ³, δ²), with the typical slips built in on demand
T221 = dict(x=np.array([1.0, 0.5]), W2=np.array([[0.5, -1.0], [1.0, 0.5]]), b2=np.array([0.0, 0.5]),
            W3=np.array([[1.0, -1.0]]), b3=np.array([0.2]), t=np.array([1.0]))


def table_221(output_prime=True, hidden_prime=True, bias=True, sign=1.0):
    x, W2, b2, W3, b3, t = (T221[k] for k in ("x", "W2", "b2", "W3", "b3", "t"))
    z2 = W2 @ x + (b2 if bias else 0)
    a2 = 1 / (1 + np.exp(-z2))
    z3 = W3 @ a2 + (b3 if bias else 0)
    a3 = 1 / (1 + np.exp(-z3))
    d3 = sign * (a3 - t) * (a3 * (1 - a3) if output_prime else 1)
    d2 = (W3.T @ d3) * (a2 * (1 - a2) if hidden_prime else 1)
    return np.concatenate([z2, a2, z3, a3, d3, d2])


TABLE_221 = table_221()

# the element-wise product of the recurrence, on data where ⊙, ·, ⊗, + and / all differ
EW_U, EW_SLOPE = np.array([0.5, -1.0, 2.0]), np.array([0.25, 0.2, 0.1])

NAMES = ("∂C/∂W²", "∂C/∂b²", "∂C/∂W³", "∂C/∂b³")
TRANSPOSE_HINT = ("the shapes do not fit — W instead of Wᵀ? To go back a layer use (W³)ᵀ δ³ per image; for a "
                  "batch with one image per row, δ³ (N, 2) @ W³ (2, 3) gives (N, 3).")
BROADCAST_HINT = N_("two arrays of different shapes were combined element by element. Print the shapes: δ² = "
                    "(δ³ @ W3) ⊙ a'(z²) needs both factors of shape (N, 3), and δᵀ a_prev gives the shape of W.")


def _error_meaning(exc):
    """What a shape error in a backward pass most likely means."""
    text = str(exc)
    if not isinstance(exc, ValueError):
        return None
    if "could not be broadcast" in text:
        return BROADCAST_HINT
    if any(s in text for s in ("matmul", "not aligned", "mismatch", "dimension")):
        return TRANSPOSE_HINT
    return None


def _gradient_shape_hint(name, got, expected, where):
    if len(got) == 2 and got[::-1] == expected:
        return _("{name} has shape {shape}, the transpose of W's {expected}: ∂C/∂w_ji belongs where w_ji sits in W "
                 "(row j = unit of this layer, column i = unit below), so it is δ_j a_i, δᵀ a for a batch.").format(
                     name=name, shape=got, expected=expected)
    return _("{name} must have shape {expected} (the shape of the parameter), got {shape}.").format(
        name=name, expected=expected, shape=got)


def _first_wrong_unit(grads, expected, args, where):
    """Names the first wrong value, in the order backpropagation computes them."""
    n_images = len(args[0])
    dW2, db2, dW3, db3 = grads
    eW2, eb2, eW3, eb3 = expected
    per = _("for this one image") if n_images == 1 else _("for a batch of {count} images").format(count=n_images)
    for got, exp, layer in ((db3, eb3, 3), (dW3, eW3, 3), (db2, eb2, 2), (dW2, eW2, 2)):
        bad = ~np.isclose(got, exp, rtol=1e-6, atol=1e-9)
        if not bad.any():
            continue
        if got.ndim == 1:
            j = int(np.argmax(bad))
            if n_images == 1:
                what = _("δ^{layer}_{unit}, the unit error of unit {unit} in layer {layer}")
            else:
                what = _("∂C_T/∂b^{layer}_{unit} (unit {unit} of layer {layer})")
            return _("{what}, is {value} {per}; expected {expected}.").format(
                what=what.format(layer=layer, unit=j + 1), value=f"{got[j]:.6g}", per=per, expected=f"{exp[j]:.6g}")
        j, i = (int(k) for k in np.argwhere(bad)[0])
        return _("the unit errors δ^{layer} are right, but ∂C/∂w^{layer}_{unit}{source} (unit {unit} of layer {layer}, "
                 "from unit {source} of layer {below}) is {value} {per}; expected {expected}. It is "
                 "δ^{layer}_j a^{below}_i, summed over the images.").format(
                     layer=layer, unit=j + 1, source=i + 1, below=layer - 1, value=f"{got[j, i]:.6g}", per=per,
                     expected=f"{exp[j, i]:.6g}")
    return None


def _batch_hint(n, said):
    return _("right for one image at a time but not for a batch of {count}: {said} C_T adds the images' C, so "
             "every gradient is a sum over the rows.").format(count=n, said=said)


def _probe_networks():
    rng = np.random.default_rng(7)
    images = datasets.zero_one_images()
    probes = []
    for k, n in enumerate((1, 1, 1, 4, 5)):
        rows = rng.choice(len(images.x), size=n, replace=False)
        W2, b2 = rng.normal(0, 0.8, (3, 12)), rng.normal(0, 0.5, 3)
        W3, b3 = rng.normal(0, 1.2, (2, 3)), rng.normal(0, 0.5, 2)
        probes.append((images.x[rows], images.t[rows], W2, b2, W3, b3))
    return probes


PROBES = _probe_networks()


# ---------------------------------------------------------------- the exercises

EXERCISES = {
    "delta_output": Array(
        DELTA3, rtol=0, atol=PRECISION,
        wrong=[(A3 - T, "that is a³ − t = ∂C/∂a³; δ³ = ∂C/∂z³ needs the factor a'(z³) = a³(1 − a³) as well."),
               (T - A3, "that is t − a³, with the wrong sign and without a'(z³): δ³ = (a³ − t) ⊙ a³(1 − a³)."),
               (-DELTA3, "off by a sign: ∂C/∂a = a − t (from ½(a − t)²), not t − a."),
               (0.5 * DELTA3, "half the answer: the ½ of C = ½ Σ(a − t)² cancels the 2 of the square; "
                              "∂C/∂a = a − t, not ½(a − t)."),
               (2 * DELTA3, "twice the answer: the ½ in C = ½ Σ(a − t)² cancels the 2 from the square."),
               ((A3 - T) * _sigma(A3) * (1 - _sigma(A3)),
                "you applied σ once more: a'(z³) = σ(z³)(1 − σ(z³)) = a³(1 − a³), with a³ itself.")],
        hint="δ³_j = (a³_j − t_j) · a³_j (1 − a³_j), one number per output unit, to four decimals."),
    "delta_hidden": Array(
        DELTA_HERE, rtol=0, atol=PRECISION,
        wrong=[((W_NEXT @ DELTA_NEXT) * _sigmoid_prime_of(A_HERE),
                "you used W^(l+1) instead of its transpose: unit j of layer l feeds w^(l+1)_kj into every unit k "
                "above, so the sum runs down column j — (W^(l+1))ᵀ δ^(l+1)."),
               (W_NEXT.T @ DELTA_NEXT, "that is (W^(l+1))ᵀ δ^(l+1) = ∂C/∂a^l; multiply element-wise by "
                                       "a'(z^l) = a^l (1 − a^l) to get δ^l = ∂C/∂z^l."),
               (-DELTA_HERE, "off by a sign: nothing in the recurrence changes the sign."),
               ((W_NEXT.T @ DELTA_NEXT) * _sigma(A_HERE) * (1 - _sigma(A_HERE)),
                "you applied σ once more: a'(z^l) = a^l (1 − a^l), with a^l itself.")],
        hint="δ^l = ((W^(l+1))ᵀ δ^(l+1)) ⊙ a^l (1 − a^l), to four decimals."),
    "weight_gradient": Array(
        DW, rtol=0, atol=1e-4,  # a^(l−1) is σ(z^(l−1)) rounded: either gives DW to four decimals
        wrong=[(DW.T, "that is the transpose: ∂C/∂w_ji sits where w_ji sits in W, row j (this layer's "
                      "unit), column i (the unit below) — shape (3, 4)."),
               (np.outer(DELTA_W, Z_PREV), "you used z^(l−1); the weight multiplies the output a^(l−1) = σ(z^(l−1)), "
                                           "so ∂C/∂w_ji = δ_j a^(l−1)_i."),
               (np.outer(DELTA_W, A_THIS), "you used this layer's outputs a^l; the weight w^l_ji multiplies "
                                          "a^(l−1)_i, the output of the layer below."),
               (-DW, "off by a sign: ∂C/∂w_ji = +δ_j a_i.")],
        hint="∂C/∂w_ji = δ_j a^(l−1)_i: np.outer(delta, a_prev), shape (3, 4)."),
    "bias_gradient": Array(
        DB,
        wrong=[(DELTAS_BATCH.mean(axis=0), "that is the mean over the images; C_T is a sum, so its gradient "
                                           "sums the images' gradients."),
               (DELTAS_BATCH.sum(axis=1), "you added across the units of one image (axis=1); add over the images "
                                          "(axis=0), one number per hidden unit."),
               (DELTAS_BATCH[0], "that is ∂C/∂b² of the first image only; C_T adds all four images."),
               (-DB, "off by a sign: ∂C/∂b_j = +δ_j.")],
        hint="∂C_T/∂b²_j = Σ over images of δ²_j: deltas.sum(axis=0)."),
    "chain_rule_sympy": Expression(
        DC_DW2,
        wrong=[(_delta3 * w3 * x, "a factor is missing: δ² = δ³ w³ σ'(z²) — the hidden unit's own a'(z²)."),
               (2 * DC_DW2, "twice the answer: the ½ of C cancels the 2 from differentiating the square."),
               (_delta2, "that is δ² = ∂C/∂b²; ∂C/∂w² = δ² · x, the input the weight multiplies."),
               (_delta3 * _a2, "that is ∂C/∂w³ = δ³ a²; the question asks for ∂C/∂w², one layer further back.")],
        hint="δ³ = (a³ − t) σ'(z³), δ² = δ³ w³ σ'(z²), ∂C/∂w² = δ² x — or sp.diff(C, w2)."),
    "backprop": NetworkFunction(
        backprop_reference, PROBES, outputs=NAMES,
        tuple_hint="return the four gradients as a tuple (dW2, db2, dW3, db3)",
        shape_hint=_gradient_shape_hint, locate=_first_wrong_unit, error_hint=_error_meaning,
        batch_hint=_batch_hint, passed="correct on all 5 test networks (single images and batches).",
        wrong=[(_backprop_variant(output_prime=False),
                "δ³ lacks the factor a'(z³) = a³(1 − a³): δ³ = (a³ − t) ⊙ a³(1 − a³)."),
               (_backprop_variant(hidden_prime=False),
                "δ³ is right, δ² is not: the recurrence needs ⊙ a'(z²) = a²(1 − a²) after multiplying by W³."),
               (_backprop_variant(transpose=True), TRANSPOSE_HINT),
               (_backprop_variant(sign=-1.0),
                "every gradient is off by a sign: ∂C/∂a³ = a³ − t, not t − a³."),
               (_backprop_variant(bias=False),
                "the forward pass forgot the bias: z = a @ W.T + b, and a wrong z makes every δ wrong."),
               (_backprop_variant(factor=2.0),
                "every gradient is twice the answer: the ½ of C = ½ Σ(a − t)² cancels the 2 of the square."),
               (_backprop_variant(factor=0.5),
                "every gradient is half the answer: ∂/∂a of ½(a − t)² is a − t, the ½ is used up."),
               (_backprop_variant(mean=True),
                "you divided by the number of images: C_T is the sum of the images' C, so the gradients add.")],
        hint="Check the order: δ³ = (a³ − t) ⊙ a³(1 − a³); δ² = (δ³ @ W3) ⊙ a²(1 − a²); "
             "∂C/∂W = δᵀ a_prev, ∂C/∂b = δ summed over the images."),
    "gradient_check_verdict": Choice(
        "b", options="abcd",
        hints={"a": "not yet: in float32 a loss has only ~7 significant digits, and dividing a rounding error of "
                    "about 1e-7·|C| by 2h = 2e-4 gives errors of this size for a correct backprop. Repeat in float64.",
               "c": "a smaller h makes it worse: the rounding error of the difference quotient grows like ε|C|/h.",
               "d": "no fixed threshold of 1e-2 exists: in float64 a correct backprop gives about 1e-9, and a bug "
                    "in one unit can give 1e-3."}),
    "multiply_adds": Number(
        BACKWARD_MACS,
        wrong=[(FORWARD_MACS, "that counts the ∂C/∂w products δ_j a_i only (the same number as the forward "
                              "pass); add the recurrence's (W³)ᵀ δ³."),
               (2 * FORWARD_MACS, "that also computes (W²)ᵀ δ² for the input layer; no weight lies below it, "
                                  "so backprop stops at δ²."),
               (10 * 64, "that is the recurrence (W³)ᵀ δ³ alone; every weight also needs its product δ_j a_i."),
               (BACKWARD_MACS + 64 + 10, "biases need no multiplication: ∂C/∂b = δ.")],
        hint="count the products in (W³)ᵀ δ³ (10·64) and in δ aᵀ for both weight matrices (one per weight)."),
    "graph_gradient": Number(
        2 * GX + GY,
        wrong=[(GX + GY, "that is only the path where x enters the product directly (its gradient there is the "
                         "other factor, x + y); x is used twice, and the gradients of both uses add."),
               (GX, "that is only the path through the node x + y (its gradient there is the other factor, x), "
                    "and also ∂f/∂y; x enters the product directly too — add both paths."),
               ((GX + GY) * GX, "that is f itself (and the product of the two paths); the paths' gradients add.")],
        hint="∂f/∂x = (x + y)·1 + x·1, one term for each use of x, at x = 3, y = 2."),
    "elementwise_product": Array(
        EW_U * EW_SLOPE,
        wrong=[(np.outer(EW_U, EW_SLOPE), "that is the outer product u a′ᵀ, a 3×3 matrix; ⊙ multiplies entry by "
                                          "entry and keeps the length 3."),
               (EW_U @ EW_SLOPE, "that is the inner product u · a′, one number; ⊙ keeps one number per unit."),
               (EW_U + EW_SLOPE, "⊙ multiplies the entries, it does not add them."),
               (EW_U / EW_SLOPE, "⊙ multiplies the entries, it does not divide them.")],
        hint="(u ⊙ a′)_j = u_j · a′_j: u * slope in numpy."),
    "table_221": Array(
        TABLE_221, rtol=0, atol=PRECISION,
        wrong=[(table_221(output_prime=False), "δ³ lacks the factor a′(z³) = a³(1 − a³): δ³ = (a³ − t) a³(1 − a³) "
                                               "(BP1), and δ² inherits the error."),
               (table_221(hidden_prime=False), "δ³ is right; δ² needs ⊙ a′(z²) = a²(1 − a²) after (W³)ᵀ δ³ (BP2)."),
               (table_221(bias=False), "the forward pass forgot the biases: z = W a + b in both layers."),
               (table_221(sign=-1.0), "δ³ and δ² have the wrong sign: ∂C/∂a³ = a³ − t, not t − a³.")],
        hint="forward: z² = W² x + b², a² = σ(z²), z³ = W³ a² + b³, a³ = σ(z³); backward: δ³ = (a³ − t) a³(1 − a³), "
             "δ² = (W³)ᵀ δ³ ⊙ a²(1 − a²); nine numbers in the table's order, to four decimals."),
    "sigmoid_local_gradient": Function(
        lambda s, g: g * s * (1 - s), [(0.5, 1.0), (0.9, 2.0), (0.2, -1.5), (0.999, 3.0), (0.01, 0.5), (0.7, 0.0)],
        wrong=[(lambda s, g: s * (1 - s), "the local slope σ′ = s(1 − s) must be multiplied by out_grad, the "
                                          "gradient that arrived: chain rule."),
               (lambda s, g: g * s, "σ′(z) = s(1 − s), not s: multiply by (1 − s) too."),
               (lambda s, g: g * (1 / (1 + np.exp(-s))) * (1 - 1 / (1 + np.exp(-s))),
                "s is already σ(z): applying σ to it again gives σ(σ(z)); use s(1 − s) directly."),
               (lambda s, g: g * (1 - s), "σ′(z) = s(1 − s): the factor s is missing.")],
        hint="∂f/∂z = ∂f/∂s · ∂s/∂z = out_grad · s(1 − s)."),
}
