"""A multilayer perceptron built on the ops: dense layers, an activation per hidden layer, an output unit.

    a^0 = x,   z^l = a^(l−1) (W^l)ᵀ + b^l,   a^l = φ(z^l) (hidden),   a^L = output(z^L)

sizes = (n_0, n_1, …, n_L), e.g. (12, 3, 2) — the book's net; W^l has shape (n_l, n_(l−1)).
"""
import numpy as np

from ..arrays import as_batch, as_float_array
from ..language import translate as _
from ..ops.activations import activation_pair
from ..ops.dense import dense_backward_unchecked, dense_unchecked
from ..ops.normalization import dropout_mask
from .model import Model, init_std


class MLP(Model):
    """A fully connected network: sizes = (n_0, n_1, …, n_L), e.g. (12, 3, 2) — the book's net.

    hidden: a name in ops.ACTIVATIONS ('sigmoid', 'relu', 'tanh', …); output: 'sigmoid', 'softmax' or
    'identity'; loss: 'squared_error' (the book's), 'cross_entropy' (with softmax) or
    'binary_cross_entropy' (with sigmoid). Weights start as N(0, 1/n_in) (sigmoid, tanh) or N(0, 2/n_in)
    (ReLU), from a seeded generator; biases at 0. `MLP.from_weights` builds one from given weights.
    init: 'he', 'lecun', 'xavier' or a standard deviation, for every layer (`models.model.init_std`);
    by default 'he' with ReLU and 'lecun' otherwise.
    dropout: the probability p of dropping each hidden unit while `fit` trains (inverted dropout,
    `ops.normalization.dropout`); predictions and measurements use every unit.
    """

    def __init__(self, sizes, hidden="sigmoid", output="sigmoid", loss="squared_error", seed=0, dropout=0.0,
                 init=None):
        sizes = tuple(int(s) for s in sizes)
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(_("sizes must list at least 2 positive layer sizes (n_0, …, n_L), got {sizes}").format(sizes=sizes))
        self._set_output(output, loss)
        activation_pair(hidden)
        if not 0 <= dropout < 1:
            raise ValueError(_("dropout, the probability of dropping a hidden unit, must be in [0, 1), got {value}").format(
                value=repr(dropout)))
        self.sizes, self.hidden, self.dropout = sizes, hidden, float(dropout)
        self.dropout_rng = np.random.default_rng(seed + 1)  # the masks' own stream: weights stay as without
        self.n_outputs = sizes[-1]
        rng = np.random.default_rng(seed)
        init = ("he" if hidden == "relu" else "lecun") if init is None else init
        self.W = [rng.normal(0.0, init_std(init, n_in, n_out), (n_out, n_in)) for n_in, n_out in zip(sizes, sizes[1:])]
        self.b = [np.zeros(n_out) for n_out in sizes[1:]]

    @classmethod
    def from_weights(cls, W, b, hidden="sigmoid", output="sigmoid", loss="squared_error"):
        """The network with these weights W = [W^1, …, W^L] (each (n_l, n_(l−1))) and biases b (each
        (n_l,)), as float64 copies: changing the arrays passed in does not change the network."""
        W = [as_float_array(w, f"W[{l}]") for l, w in enumerate(W)]
        b = [as_float_array(v, f"b[{l}]") for l, v in enumerate(b)]
        if not W or len(W) != len(b):
            raise ValueError(_("W and b must list the same number (≥ 1) of layers, got {w} and {b}").format(w=len(W), b=len(b)))
        for l, (w, v) in enumerate(zip(W, b)):
            if w.ndim != 2 or v.shape != (w.shape[0],) or (l and w.shape[1] != W[l - 1].shape[0]):
                want = f"({w.shape[0] if w.ndim == 2 else 'n_out'}, {W[l - 1].shape[0] if l else 'n_in'})"
                raise ValueError(_("layer {layer}: W must have shape {expected} and b shape (n_out,), got {w} and {b}")
                                 .format(layer=l, expected=want, w=w.shape, b=v.shape))
        net = cls((W[0].shape[1], *(w.shape[0] for w in W)), hidden=hidden, output=output, loss=loss)
        net.W, net.b = [w.copy() for w in W], [v.copy() for v in b]
        return net

    def check_inputs(self, x, name="x"):
        return as_batch(x, name, self.sizes[0])

    def forward_unchecked(self, a):
        """forward() for a float64 batch (N, n_0); keeps every z^l and a^l for the backward pass.
        While training with dropout, each hidden a^l is multiplied by a fresh mask (kept for backward)."""
        zs, acts, masks = [], [a], []
        phi = activation_pair(self.hidden)[0]
        drop = self.training and self.dropout > 0
        for l, (W, b) in enumerate(zip(self.W, self.b)):
            z = dense_unchecked(a, W, b)
            a = self.output_activation(z) if l == len(self.W) - 1 else phi(z)
            if drop and l < len(self.W) - 1:
                masks.append(dropout_mask(a.shape, self.dropout, self.dropout_rng))
                a = a * masks[-1]
            zs.append(z)
            acts.append(a)
        self.cache = (zs, acts, masks, a)  # the outputs last, as Model.backward reads them
        return a

    def backward_unchecked(self, t):
        """backward() for targets t of the outputs' shape: the unit errors from the output down,
        δ^(l−1) = (δ^l W^l) ⊙ φ'(z^(l−1)), and from each δ^l the gradients of W^l and b^l."""
        zs, acts, masks, y = self.cache
        delta = self.output_delta(y, zs[-1], t)
        derivative = activation_pair(self.hidden)[1]
        dW, db, self.deltas = [None] * len(self.W), [None] * len(self.W), [None] * len(self.W)
        for l in reversed(range(len(self.W))):
            self.deltas[l] = delta
            da, dW[l], db[l] = dense_backward_unchecked(delta, acts[l], self.W[l])
            if l > 0:  # the backward recurrence, element-wise (through the dropout mask, if any)
                delta = da * derivative(zs[l - 1]) * (masks[l - 1] if masks else 1.0)
        return dW, db

    def __repr__(self):
        drop = f", dropout {self.dropout:g}" if self.dropout else ""
        return (f"MLP({' → '.join(map(str, self.sizes))}; {self.hidden}, {self.output}, {self.loss}{drop}; "
                f"{self.n_parameters} parameters)")
