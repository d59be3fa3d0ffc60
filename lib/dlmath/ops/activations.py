"""Activation functions a(z) and their derivatives a'(z), vectorised and stable at extreme z.

Every function takes a number or an array and returns a float64 array of the same shape
(a 0-d array for a number). Each `name` has a partner `name_derivative`, and ACTIVATIONS is the one
table of them by name that the rest of the library looks up (through `activation_pair`).

As a layer of a network, an activation acts unit by unit, so its backward pass is element-wise:
    activation(z, name)              a = a(z)
    activation_backward(da, z, name) ∂C/∂z = ∂C/∂a ⊙ a'(z)
"""
import warnings

import numpy as np

from ..arrays import as_float_array, expect_shape
from ..language import N_, translate as _


def identity(z):
    """a(z) = z: no activation, as in the output layer of a regression network."""
    return np.array(as_float_array(z, "z"))


def identity_derivative(z):
    """1 everywhere."""
    return np.ones_like(as_float_array(z, "z"))


def step(z):
    """Unit step u(z): 0 for z < 0, 1 for z >= 0 (the book's convention at 0)."""
    z = as_float_array(z, "z")
    return np.where(z >= 0, 1.0, 0.0)


def step_derivative(z):
    """0 everywhere except z = 0, where u has a jump and no derivative (we return 0 there too)."""
    return np.zeros_like(as_float_array(z, "z"))


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), computed through e^(−|z|) so that no exponent overflows."""
    z = as_float_array(z, "z")
    e = np.exp(-np.abs(z))  # in (0, 1], never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_derivative(z):
    """σ'(z) = σ(z)(1 − σ(z)), at most 1/4 (at z = 0)."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    """tanh z = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1."""
    return np.tanh(as_float_array(z, "z"))


def tanh_derivative(z):
    """tanh'(z) = 1 − tanh²(z), at most 1 (at z = 0)."""
    t = tanh(z)
    return 1.0 - t * t


def relu(z):
    """ReLU(z) = max(0, z)."""
    return np.maximum(as_float_array(z, "z"), 0.0)


def relu_derivative(z):
    """1 for z > 0, 0 for z < 0; at z = 0 there is a corner and we use 0."""
    return np.where(as_float_array(z, "z") > 0, 1.0, 0.0)


def softsign(z):
    """softsign(z) = z / (1 + |z|): S-shaped like tanh, values in (−1, 1), tails ~ 1/|z|."""
    z = as_float_array(z, "z")
    return z / (1.0 + np.abs(z))


def softsign_derivative(z):
    """softsign'(z) = 1 / (1 + |z|)²."""
    s = 1.0 / (1.0 + np.abs(as_float_array(z, "z")))  # square s, not (1 + |z|): no overflow at 1e308
    return s * s


ACTIVATIONS = {
    "identity": (identity, identity_derivative),
    "step": (step, step_derivative),
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
    "softsign": (softsign, softsign_derivative),
}


_OLD_NAMES = {"linear": "identity"}  # chapter 09's name for it before release 0.2


def activation_pair(name):
    """(a, a') for a name in ACTIVATIONS; a ValueError that lists the names otherwise."""
    if name in _OLD_NAMES:
        warnings.warn(_("the activation {old} is called {new} now").format(old=repr(name), new=repr(_OLD_NAMES[name])),
                      DeprecationWarning, stacklevel=3)
        name = _OLD_NAMES[name]
    if name not in ACTIVATIONS:
        raise ValueError(_("unknown activation {name}; choose one of {names}").format(
            name=repr(name), names=sorted(ACTIVATIONS)))
    return ACTIVATIONS[name]


def activation(z, name):
    """a(z) for the activation called `name` in ACTIVATIONS."""
    return activation_pair(name)[0](z)


def activation_backward(da, z, name):
    """∂C/∂z = ∂C/∂a ⊙ a'(z): element-wise, because unit j's output depends on its own z_j only."""
    da = as_float_array(da, "da")
    return da * activation_pair(name)[1](z)


def weighted_input(w, x, b):
    """z = w·x + b = w1 x1 + … + wn xn + b.

    w has shape (n,); x has shape (n,) for one input or (m, n) for m inputs (one per row);
    b is a number. Returns a number (0-d array) or shape (m,).
    """
    w = expect_shape(as_float_array(w, "w"), (None,), N_("w (the weights)"))
    x = as_float_array(x, "x")
    if x.ndim not in (1, 2) or x.shape[-1] != w.shape[0]:
        n = w.shape[0]
        raise ValueError(_("x must have shape ({n},) or (m, {n}) to match {n} weights, got shape {shape}").format(
            n=n, shape=x.shape))
    b = as_float_array(b, "b")
    if b.ndim != 0:
        raise ValueError(_("b (the bias) must be a single number, got shape {shape}").format(shape=b.shape))
    return x @ w + b


def neuron(x, w, b, activation=sigmoid):
    """A neuron's output a(w·x + b). `activation` is a function or a name in ACTIVATIONS."""
    if isinstance(activation, str):
        activation = activation_pair(activation)[0]
    return activation(weighted_input(w, x, b))
