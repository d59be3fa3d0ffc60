"""Softmax and the losses, each with its backward pass.

Losses per sample (the book's C), summed over the batch for the book's C_T:
  squared_error(y, t)        ½ Σ_j (y_j − t_j)²        the ½ makes its derivative y − t
  cross_entropy(p, t)        −Σ_j t_j log p_j          for probabilities p (softmax outputs)
  binary_cross_entropy(a, t) −Σ_j [t_j log a_j + (1 − t_j) log(1 − a_j)]   for sigmoid outputs
`softmax_cross_entropy(z, labels)` fuses softmax and cross entropy and returns the *mean* loss over the
batch and its gradient with respect to z, the stable way to train a classifier.

LOSSES is the table of (loss, loss_backward) by name; MATCHED_OUTPUT names, for each output unit, the
loss with which δ at the output is simply a − t.
"""
import numpy as np

from ..arrays import as_batch, as_float_array, same_shape
from ..language import translate as _

TINY = np.finfo(np.float64).tiny  # log(TINY) ≈ −708: a finite stand-in for log 0


def softmax(z):
    """p_k = e^(z_k) / Σ_j e^(z_j) over the last axis; z − max z first, so no exponent overflows."""
    z = as_float_array(z, "z")
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_backward(dp, p):
    """∂C/∂z from ∂C/∂p and p = softmax(z): the Jacobian is diag(p) − p pᵀ, applied row by row."""
    dp, p = same_shape(dp, p, ("dp", "p"))
    return p * (dp - np.sum(dp * p, axis=-1, keepdims=True))


def squared_error(y, t):
    """C = ½ Σ_j (y_j − t_j)² per sample (last axis). Sum over the batch for C_T."""
    y, t = same_shape(y, t)
    return 0.5 * np.sum((y - t) ** 2, axis=-1)


def squared_error_backward(y, t):
    """∂C/∂y = y − t (the ½ cancels the 2)."""
    y, t = same_shape(y, t)
    return y - t


def cross_entropy(p, t):
    """C = −Σ_j t_j log p_j per sample (last axis); a p_j of 0 counts as TINY, so C stays finite."""
    p, t = same_shape(p, t, ("p", "t"))
    return -np.sum(t * np.log(np.maximum(p, TINY)), axis=-1)


def cross_entropy_backward(p, t):
    """∂C/∂p_j = −t_j / p_j."""
    p, t = same_shape(p, t, ("p", "t"))
    return -t / np.maximum(p, TINY)


def binary_cross_entropy(a, t):
    """C = −Σ_j [t_j log a_j + (1 − t_j) log(1 − a_j)] per sample, for sigmoid outputs a in [0, 1]."""
    a, t = same_shape(a, t, ("a", "t"))
    return -np.sum(t * np.log(np.maximum(a, TINY)) + (1 - t) * np.log(np.maximum(1 - a, TINY)), axis=-1)


def binary_cross_entropy_backward(a, t):
    """∂C/∂a_j = (a_j − t_j) / (a_j (1 − a_j)); times σ'(z) = a(1 − a) it leaves δ = a − t."""
    a, t = same_shape(a, t, ("a", "t"))
    return (a - t) / np.maximum(a * (1 - a), TINY)


LOSSES = {"squared_error": (squared_error, squared_error_backward),
          "cross_entropy": (cross_entropy, cross_entropy_backward),
          "binary_cross_entropy": (binary_cross_entropy, binary_cross_entropy_backward)}
MATCHED_OUTPUT = {"softmax": "cross_entropy", "sigmoid": "binary_cross_entropy", "identity": "squared_error"}


def class_labels(labels, n, k):
    """`labels` as integer class numbers 0 … k − 1 of shape (n,) (n < 0: any length); a ValueError
    that names the expected shape and range otherwise."""
    labels = np.asarray(labels)
    if (labels.ndim != 1 or (n >= 0 and labels.shape != (n,)) or labels.dtype.kind not in "iu"
            or labels.min(initial=0) < 0 or labels.max(initial=0) >= k):
        raise ValueError(_("labels must be integer class numbers in 0…{last}, shape {expected}, "
                           "got shape {shape} of {dtype}").format(last=k - 1, expected=f"({n},)" if n >= 0 else "(N,)",
                                                                 shape=labels.shape, dtype=labels.dtype))
    return labels


def one_hot(labels, k):
    """Targets t as rows: t[n, labels[n]] = 1, all else 0. Shape (N, k)."""
    labels = class_labels(labels, -1, k)
    t = np.zeros((labels.size, k))
    t[np.arange(labels.size), labels] = 1.0
    return t


def softmax_cross_entropy(z, labels):
    """Mean over the batch of −log softmax(z)[label], and its gradient (softmax(z) − t) / N w.r.t. z.

    z has shape (N, k), labels shape (N,). log softmax = z − logsumexp(z), computed after subtracting
    max z: stable at |z| = 1e4 where softmax itself rounds to 0 and 1.
    """
    z = as_batch(z, "z")
    n, k = z.shape
    labels = class_labels(labels, n, k)
    shifted = z - z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    loss = -np.mean(log_p[np.arange(n), labels])
    dz = np.exp(log_p)
    dz[np.arange(n), labels] -= 1.0
    return float(loss), dz / n
