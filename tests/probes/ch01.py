"""Chapter 01 probes: answers a learner plausibly writes for each exercise (see probes/__init__.py)."""
import math

import numpy as np
import sympy as sp

from dlmath.ops import activations as act
from dlmath.course.exercises import ch01 as c

w, x, theta = c.W, c.X, c.THETA
b = -theta
z = sp.Symbol("z")
sigma = 1 / (1 + sp.exp(-z))


def stable_sigmoid(t):
    t = np.asarray(t, dtype=float)
    e = np.exp(-np.abs(t))
    return np.where(t >= 0, 1 / (1 + e), e / (1 + e))


def clipped_sigmoid(t):
    return 1 / (1 + np.exp(-np.clip(t, -500, 500)))


def logaddexp_sigmoid(t):
    return np.exp(-np.logaddexp(0.0, -np.asarray(t, dtype=float)))


def naive_sigmoid(t):
    return 1 / (1 + np.exp(-t))


def where_both_branches(t):  # np.where evaluates np.exp(-t) and np.exp(t) at every t
    return np.where(t >= 0, 1 / (1 + np.exp(-t)), np.exp(t) / (1 + np.exp(t)))


def exp_ratio_sigmoid(t):  # inf / inf = nan at large t
    return np.exp(t) / (1 + np.exp(t))


def math_sigmoid(t):
    return 1 / (1 + math.exp(-t))


def if_relu(t):
    return t if t > 0 else 0.0


def relu_in_place(t):
    t = np.asarray(t, dtype=float)
    t[t < 0] = 0.0
    return t


def relu_copy_then_clip(t):
    out = np.array(t, dtype=float)
    out[out < 0] = 0.0
    return out


def grid_maximum():
    zs = np.linspace(-5, 5, 100_000)  # a grid that misses z = 0 itself
    return float(np.max(act.sigmoid_derivative(zs)))


CORRECT = {
    "weighted_input": [
        np.dot(w, x) + b,
        w @ x - theta,
        sum(wi * xi for wi, xi in zip(w, x)) + b,
        2.0 * 1.0 + (-1.0) * 3.0 + 0.5 * 5.0 - 2.0,
        np.sum(w * x) + b,
        -0.5,
    ],
    "fires": [
        False,
        np.dot(w, x) + b >= 0,
        bool(act.step(np.dot(w, x) + b)),
        np.False_,
    ],
    "sigmoid": [
        stable_sigmoid,
        act.sigmoid,
        clipped_sigmoid,
        logaddexp_sigmoid,
        lambda t: 0.5 * (1 + np.tanh(np.asarray(t, dtype=float) / 2)),
    ],
    "sigmoid_derivative": [
        sp.diff(sigma, z),
        sigma * (1 - sigma),
        sp.exp(z) / (sp.exp(z) + 1) ** 2,
        sp.simplify(sp.diff(sigma, z)),
        sp.Derivative(sigma, z),  # written out, not yet evaluated
        sp.exp(-z) / (1 + sp.exp(-z)) ** 2,
    ],
    "relu": [
        lambda t: np.maximum(t, 0),
        lambda t: np.where(t > 0, t, 0.0),
        act.relu,
        lambda t: (t + np.abs(t)) / 2,
        relu_copy_then_clip,
        np.vectorize(lambda t: max(t, 0.0)),
    ],
    "max_sigmoid_slope": [
        0.25,
        1 / 4,
        sp.Rational(1, 4),
        float(act.sigmoid_derivative(0)),
        grid_maximum(),
        0.2500,
    ],
    "ten_layer_factor": [
        0.25 ** 10,
        9.5367e-7,
        1 / 4 ** 10,
        1e-6,  # "≈ 10⁻⁶", as the text rounds it
        9.5e-7,
    ],
    "parameter_count": [
        47,
        12 * 3 + 3 * 2 + 3 + 2,
        47.0,
        np.int64(47),
    ],
    "no_saturation": ["c", "C", "(c)", "c)"],
}

WRONG = {
    "weighted_input": [
        (np.dot(w, x), "bias b is missing"),
        (np.dot(w, x) + theta, "b = −θ"),
        (w.sum() + x.sum() + b, "multiply each weight"),
        (b, "the bias b alone"),
        (np.mean(w * x) + b, "mean of the products"),
        (np.dot(w, x) * b, "not multiplied"),
        (w * x + b, "single number"),
    ],
    "fires": [
        (True, "negative"),
        (1, "True or False"),
        ("no", "True or False"),
    ],
    "sigmoid": [
        (naive_sigmoid, "overflow"),
        (where_both_branches, "computes both of its branches"),
        (exp_ratio_sigmoid, "np.exp(-np.abs(z))"),
        (lambda t: 1 / (1 + np.exp(np.clip(t, -500, 500))), "sign in the exponent"),
        (math_sigmoid, "OverflowError"),
        (lambda t: np.exp(-np.abs(t)) / (1 + np.exp(-np.abs(t))), "z ≥ 0"),
    ],
    "sigmoid_derivative": [
        (sigma ** 2, "σ²"),
        (sigma, "sp.diff"),
        (-sp.diff(sigma, z), "sign"),
        ("sigma*(1-sigma)", "got text"),
        (sp.exp(-z), "inner derivative"),
    ],
    "relu": [
        (np.abs, "not |z|"),
        (lambda t: t, "identity"),
        (if_relu, "not on a numpy array"),
        (relu_in_place, "changed its input t in place"),
        (np.vectorize(lambda t: max(0, t)), "otypes"),
        (lambda t: np.maximum(t, 0).astype(int), "gives 2, expected 2.5"),
    ],
    "max_sigmoid_slope": [
        (0.5, "value at 0"),
        (1, "tanh"),
        (0.2, "too small"),
        (0.24, "too small"),
    ],
    "ten_layer_factor": [
        (2.5, "multiply"),
        (0.25, "one layer"),
        (0.25 ** 9, "nine factors"),
        (0.5 ** 10, "at most 1/4"),
        (1e-5, "too large"),
    ],
    "parameter_count": [
        (42, "bias"),
        (17, "neurons"),
        (72, "neighbouring"),
    ],
    "no_saturation": [
        ("d", "more slowly"),
        ("a", "flattens"),
        ("b", "flattens"),
        ("(e)", "choose one of"),
    ],
}
