"""Layers beyond dense and conv, as forward/backward pairs: batch norm (training and evaluation — two
different operators), dropout (a random operator) and the gated linear unit (GLU).

Conventions as in dlmath.ops.dense: a batch is a matrix x of shape (N, D), one sample per row; every `op` has
an `op_backward` that takes dout = ∂C/∂(output) and returns the gradients with respect to the inputs.

  batch_norm_train  y = γ ⊙ (x − μ_B) / √(σ²_B + ε) + β, with μ_B, σ²_B the mean and (biased, 1/N)
                    variance of *this batch*, per feature: each output depends on every sample.
  batch_norm_eval   y = γ ⊙ (x − μ) / √(σ² + ε) + β, with fixed running statistics: an affine map,
                    sample by sample.
  dropout           y = x ⊙ m / (1 − p), m_j ~ Bernoulli(1 − p): "inverted" scaling, so E[y] = x.
  glu               x = [a, b] split in half along the last axis, y = a ⊙ σ(b).
"""
import numpy as np

from ..arrays import as_batch, as_float_array
from ..language import translate as _
from . import activations


def _per_feature(v, d, name):
    v = as_float_array(v, name)
    if v.shape != (d,):
        raise ValueError(_("{name} must have shape ({n},), one value per feature, got shape {shape}").format(
            name=name, n=d, shape=v.shape))
    return v


# ---------------------------------------------------------------- batch norm

def batch_statistics(x):
    """The batch's mean and biased variance (divided by N, as batch norm uses), per feature."""
    x = as_batch(x, "x")
    return x.mean(axis=0), x.var(axis=0)


def batch_norm_train(x, gamma, beta, eps=1e-5):
    """Batch norm in training: normalise every feature with the statistics of this batch x (N, D)."""
    x = as_batch(x, "x")
    gamma, beta = _per_feature(gamma, x.shape[1], "gamma"), _per_feature(beta, x.shape[1], "beta")
    mu, var = batch_statistics(x)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def batch_norm_train_backward(dout, x, gamma, eps=1e-5):
    """(dx, dgamma, dbeta). μ_B and σ²_B depend on every sample, so dx of one sample involves the whole
    batch: dx = γ/σ · (dout − mean(dout) − x̂ · mean(dout ⊙ x̂)), means over the batch, σ = √(σ²_B + ε)."""
    x = as_batch(x, "x")
    dout = as_batch(dout, "dout", x.shape[1])
    if dout.shape != x.shape:
        raise ValueError(_("{name} must have the shape of {other}, {expected}, got shape {shape}").format(
            name="dout", other="x", expected=x.shape, shape=dout.shape))
    gamma = _per_feature(gamma, x.shape[1], "gamma")
    mu, var = batch_statistics(x)
    sigma = np.sqrt(var + eps)
    xhat = (x - mu) / sigma
    dxhat = dout * gamma
    dx = (dxhat - dxhat.mean(axis=0) - xhat * np.mean(dxhat * xhat, axis=0)) / sigma
    return dx, np.sum(dout * xhat, axis=0), dout.sum(axis=0)


def running_statistics(mean, var, x, momentum=0.1):
    """The running mean and variance after one training batch, as torch keeps them:
    new = (1 − momentum)·old + momentum·batch (torch stores the unbiased batch variance here)."""
    x = as_batch(x, "x")
    n = len(x)
    mu, v = batch_statistics(x)
    unbiased = v * n / max(n - 1, 1)
    return (1 - momentum) * np.asarray(mean) + momentum * mu, (1 - momentum) * np.asarray(var) + momentum * unbiased


def batch_norm_eval(x, gamma, beta, mean, var, eps=1e-5):
    """Batch norm in evaluation: the fixed running `mean` and `var`; an affine map of each sample alone."""
    x = as_batch(x, "x")
    d = x.shape[1]
    gamma, beta = _per_feature(gamma, d, "gamma"), _per_feature(beta, d, "beta")
    mean, var = _per_feature(mean, d, "mean"), _per_feature(var, d, "var")
    return gamma * (x - mean) / np.sqrt(var + eps) + beta


def batch_norm_eval_backward(dout, x, gamma, mean, var, eps=1e-5):
    """(dx, dgamma, dbeta): the map is diagonal per feature, so dx = dout ⊙ γ / √(σ² + ε)."""
    x = as_batch(x, "x")
    d = x.shape[1]
    dout = as_batch(dout, "dout", d)
    if dout.shape != x.shape:
        raise ValueError(_("{name} must have the shape of {other}, {expected}, got shape {shape}").format(
            name="dout", other="x", expected=x.shape, shape=dout.shape))
    gamma, mean, var = (_per_feature(v, d, n) for v, n in ((gamma, "gamma"), (mean, "mean"), (var, "var")))
    scale = 1.0 / np.sqrt(var + eps)
    return dout * gamma * scale, np.sum(dout * (x - mean) * scale, axis=0), dout.sum(axis=0)


# ---------------------------------------------------------------- dropout

def dropout_mask(shape, p, rng):
    """A random mask: 0 with probability p, 1/(1 − p) otherwise (inverted dropout), float64."""
    if not 0 <= p < 1:
        raise ValueError(_("p, the probability of dropping a unit, must be in [0, 1), got {value}").format(value=repr(p)))
    return (rng.random(shape) >= p) / (1.0 - p)


def dropout(x, p=0.5, rng=None, train=True):
    """(y, mask): y = x ⊙ mask with a fresh random mask in training; in evaluation y = x and mask = 1.
    Keeping the mask lets the backward pass (and a gradient check) use the same random draw."""
    x = as_float_array(x, "x")
    if not train or p == 0:
        return x.copy(), np.ones_like(x)
    rng = np.random.default_rng() if rng is None else rng
    mask = dropout_mask(x.shape, p, rng)
    return x * mask, mask


def dropout_backward(dout, mask):
    """dx = dout ⊙ mask: for one draw of the mask dropout is a diagonal linear map."""
    dout, mask = as_float_array(dout, "dout"), as_float_array(mask, "mask")
    if dout.shape != mask.shape:
        raise ValueError(_("dout must have the shape of the mask, {expected}, got shape {shape}").format(
            expected=mask.shape, shape=dout.shape))
    return dout * mask


# ---------------------------------------------------------------- gated linear unit

def _halves(x):
    x = as_float_array(x, "x")
    if x.ndim == 0 or x.shape[-1] % 2:
        raise ValueError(_("x must have an even length along its last axis (two halves a, b), got shape {shape}").format(
            shape=x.shape))
    h = x.shape[-1] // 2
    return x[..., :h], x[..., h:]


def glu(x):
    """GLU(x) = a ⊙ σ(b) for x = [a, b] split in half along the last axis: the gate σ(b) ∈ (0, 1)
    decides, entry by entry, how much of a passes. The output has half the length."""
    a, b = _halves(x)
    return a * activations.sigmoid(b)


def glu_backward(dout, x):
    """dx = [dout ⊙ σ(b), dout ⊙ a ⊙ σ'(b)]."""
    a, b = _halves(x)
    dout = as_float_array(dout, "dout")
    if dout.shape != a.shape:
        raise ValueError(_("dout must have the shape of glu's output, {expected}, got shape {shape}").format(
            expected=a.shape, shape=dout.shape))
    s = activations.sigmoid(b)
    return np.concatenate([dout * s, dout * a * s * (1 - s)], axis=-1)
