"""Chapter 01 · Neurons: step, sigmoid and friends."""
import numpy as np
import sympy as sp

from ...ops import activations as act
from ..checks import Choice, Expression, Function, Number, TrueFalse

TITLE = "Neurons: step, sigmoid and friends"

# the neuron of exercise 1: three inputs, threshold θ = 2. Chosen so that every typical mistake gives
# its own value: w·x = 1.5 (not 0 or 1, so b alone, w·x·b and the mean of w*x stand apart), z = −0.5.
W, X, THETA = np.array([2.0, -1.0, 0.5]), np.array([1.0, 3.0, 5.0]), 2.0
Z = float(W @ X - THETA)
_z = sp.Symbol("z")
_sigma = 1 / (1 + sp.exp(-_z))
EXTREMES = [0.0, 1.0, -1.0, 2.5, -2.5, 30.0, -30.0, 1e4, -1e4]

EXERCISES = {
    "weighted_input": Number(
        Z, wrong=[(W @ X, "that is w·x alone — the bias b is missing."),
                  (W @ X + THETA, "the bias is b = −θ; you added θ instead of subtracting it."),
                  (W.sum() + X.sum() - THETA, "multiply each weight by its own input, then add."),
                  (W.sum() * X.sum() - THETA, "multiply each weight by its own input, then add the products."),
                  (-THETA, "that is the bias b alone; add w·x = w1·x1 + w2·x2 + w3·x3."),
                  (np.mean(W * X) - THETA, "that is the mean of the products; w·x is their sum."),
                  (W @ X * -THETA, "the bias is added to w·x, not multiplied: z = w·x + b.")],
        hint="z = w1·x1 + w2·x2 + w3·x3 + b with b = −θ."),
    "fires": TrueFalse(
        Z >= 0, hint=f"z = {Z:g} is negative, and the unit step gives 0 for negative z."),
    "relu": Function(
        act.relu, EXTREMES + [0.5, -0.5],
        wrong=[(np.abs, "negative inputs must give 0, not |z|."),
               (lambda z: z, "that is the identity; ReLU cuts negative inputs to 0.")],
        hint="ReLU(z) = max(0, z)."),
    "sigmoid": Function(
        act.sigmoid, EXTREMES + [700.0, -700.0],
        wrong=[(lambda z: 1 / (1 + np.exp(np.clip(z, -700, 700))),
                "σ(z) = 1 / (1 + e^(−z)): check the sign in the exponent."),
               (lambda z: np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))),
                "right for z < 0 only; for z ≥ 0 use 1 / (1 + e^(−|z|)).")],
        hint="σ(z) = 1 / (1 + e^(−z)).",
        stable_hint="compute e = np.exp(-np.abs(z)), which never overflows, then σ = 1/(1 + e) for z ≥ 0 and "
                    "e/(1 + e) for z < 0: np.where(z >= 0, 1 / (1 + e), e / (1 + e)). Note that np.where "
                    "computes both of its branches at every z, so np.exp(-z) or np.exp(z) inside it still "
                    "overflows."),
    "sigmoid_derivative": Expression(
        _sigma * (1 - _sigma),
        wrong=[(_sigma ** 2, "that is σ²; differentiate 1/(1 + e^(−z)) with the chain rule."),
               (_sigma, "that is σ itself; take the derivative with sp.diff."),
               (sp.exp(-_z), "only the inner derivative; you also need the outer one: −1/(1 + e^(−z))².")],
        hint="use sp.diff(sigma, z), or simplify to σ(1 − σ)."),
    "max_sigmoid_slope": Number(
        0.25, rtol=1e-3,  # the text asks for three significant digits: a fine grid's maximum counts
        wrong=[(0.5, "σ(0) = 1/2 is the value at 0; the slope there is σ(0)(1 − σ(0))."),
                     (1.0, "1 is tanh's largest slope; for σ compute σ(0)(1 − σ(0)).")],
        hint="σ' = σ(1 − σ) is largest where σ = 1/2."),
    "ten_layer_factor": Number(
        0.25 ** 10, rtol=0.05,  # the text asks for the size to within 5 %: the rounded 10⁻⁶ counts
        wrong=[(2.5, "the factors multiply (chain rule), they do not add."),
               (0.25, "that is one layer; ten layers multiply ten such factors."),
               (0.25 ** 9, "that is nine factors; ten layers give ten."),
               (0.25 ** 11, "that is eleven factors; ten layers give ten."),
               (0.5 ** 10, "σ' is at most 1/4, not 1/2: σ(0)(1 − σ(0)) = 1/2 · 1/2.")],
        hint="multiply ten factors of at most 1/4."),
    "parameter_count": Number(
        12 * 3 + 3 + 3 * 2 + 2,
        wrong=[(12 * 3 + 3 * 2, "you counted the weights; each hidden and output neuron also has a bias."),
               (17, "17 is the number of neurons; count the weights and biases."),
               (12 * 3 * 2, "weights connect neighbouring layers only: 12·3 plus 3·2.")],
        hint="weights between layers (12·3 and 3·2) plus one bias per non-input neuron."),
    "no_saturation": Choice(
        "c", options="abcd",
        hints={"a": "σ flattens out at both ends: σ'(z) → 0 as |z| grows.",
               "b": "tanh flattens out at both ends like σ.",
               "d": "softsign flattens too, only more slowly: its slope is 1/(1 + |z|)²."}),
}
