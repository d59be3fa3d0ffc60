"""Chapters 00 and 01: every exercise accepts its correct forms and names the typical mistakes."""
import math

import numpy as np
import pytest
import sympy as sp

from dlmath import activations as act
from exercise_asserts import fails_with, passes


w, x, b = np.array([2.0, -1.0, 0.5]), np.array([1.0, 3.0, 2.0]), -0.5
z = sp.Symbol("z")
sigma = 1 / (1 + sp.exp(-z))


def stable_sigmoid(t):
    t = np.asarray(t, dtype=float)
    e = np.exp(-np.abs(t))
    return np.where(t >= 0, 1 / (1 + e), e / (1 + e))


def clipped_sigmoid(t):
    return 1 / (1 + np.exp(-np.clip(t, -500, 500)))


@pytest.mark.parametrize("exercise_id, answer", [
    ("00.neuron_parameters", 4), ("00.neuron_parameters", 4.0), ("00.neuron_parameters", np.int64(4)),
    ("00.restart_run_all", "b"), ("00.restart_run_all", "B"),
    ("01.weighted_input", np.dot(w, x) + b), ("01.weighted_input", w @ x - 0.5),
    ("01.weighted_input", sum(wi * xi for wi, xi in zip(w, x)) + b), ("01.weighted_input", -0.5),
    ("01.fires", False), ("01.fires", np.dot(w, x) + b >= 0), ("01.fires", act.step(-0.5) == 1),
    ("01.sigmoid", stable_sigmoid), ("01.sigmoid", act.sigmoid), ("01.sigmoid", clipped_sigmoid),
    ("01.sigmoid", lambda t: 0.5 * (1 + np.tanh(np.asarray(t, dtype=float) / 2))),
    ("01.sigmoid_derivative", sp.diff(sigma, z)), ("01.sigmoid_derivative", sigma * (1 - sigma)),
    ("01.sigmoid_derivative", sp.exp(z) / (sp.exp(z) + 1) ** 2),
    ("01.sigmoid_derivative", sp.simplify(sp.diff(sigma, z))),
    ("01.relu", lambda t: np.maximum(t, 0)), ("01.relu", lambda t: np.where(t > 0, t, 0.0)),
    ("01.relu", act.relu), ("01.relu", lambda t: (t + np.abs(t)) / 2),
    ("01.max_sigmoid_slope", 0.25), ("01.max_sigmoid_slope", 1 / 4), ("01.max_sigmoid_slope", sp.Rational(1, 4)),
    ("01.max_sigmoid_slope", float(act.sigmoid_derivative(0))),
    ("01.ten_layer_factor", 0.25 ** 10), ("01.ten_layer_factor", 9.5367e-7), ("01.ten_layer_factor", 1 / 4 ** 10),
    ("01.parameter_count", 47), ("01.parameter_count", 12 * 3 + 3 * 2 + 3 + 2),
    ("01.no_saturation", "c"), ("01.no_saturation", "C"),
])
def test_correct_forms_pass(exercise_id, answer):
    passes(exercise_id, answer)


def math_sigmoid(t):
    return 1 / (1 + math.exp(-t))


def if_relu(t):
    return t if t > 0 else 0.0


@pytest.mark.parametrize("exercise_id, answer, hint", [
    ("00.neuron_parameters", 3, "bias"),
    ("00.restart_run_all", "c", "keeps your code"),
    ("01.weighted_input", np.dot(w, x), "bias b is missing"),
    ("01.weighted_input", np.dot(w, x) + 0.5, "b = −θ"),
    ("01.weighted_input", 0.5, "b = −θ"),
    ("01.weighted_input", w.sum() + x.sum() + b, "multiply each weight"),
    ("01.fires", True, "negative"),
    ("01.sigmoid", lambda t: 1 / (1 + np.exp(-t)), "overflow"),
    ("01.sigmoid", lambda t: 1 / (1 + np.exp(np.clip(t, -500, 500))), "sign in the exponent"),
    ("01.sigmoid", math_sigmoid, "OverflowError"),
    ("01.sigmoid", lambda t: np.exp(-np.abs(t)) / (1 + np.exp(-np.abs(t))), "z ≥ 0"),
    ("01.sigmoid_derivative", sigma ** 2, "σ²"),
    ("01.sigmoid_derivative", sigma, "sp.diff"),
    ("01.sigmoid_derivative", -sp.diff(sigma, z), "sign"),
    ("01.sigmoid_derivative", "sigma*(1-sigma)", "got text"),
    ("01.relu", np.abs, "not |z|"),
    ("01.relu", lambda t: t, "identity"),
    ("01.relu", if_relu, "not on a numpy array"),
    ("01.max_sigmoid_slope", 0.5, "value at 0"),
    ("01.max_sigmoid_slope", 1, "tanh"),
    ("01.ten_layer_factor", 2.5, "multiply"),
    ("01.ten_layer_factor", 0.25, "one layer"),
    ("01.parameter_count", 42, "bias"),
    ("01.parameter_count", 17, "neurons"),
    ("01.parameter_count", 72, "neighbouring"),
    ("01.no_saturation", "d", "more slowly"),
    ("01.no_saturation", "a", "flattens"),
])
def test_typical_mistakes_get_their_hint(exercise_id, answer, hint):
    fails_with(exercise_id, answer, hint)
