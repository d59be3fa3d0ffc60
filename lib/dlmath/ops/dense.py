"""The dense (fully connected) layer as a forward/backward pair.

The book's notation, and torch's: a batch is a matrix with one sample per row; the weights W have shape
(n_out, n_in) with entry w_ji (unit j of this layer, unit i of the previous one), so

    dense             z = a @ W.T + b                        a (N, n_in), W (n_out, n_in), b (n_out,)
    dense_backward    da = dz @ W,  dW = dzᵀ a,  db = Σ_samples dz      (dW_ji = Σ δ_j a_i)

`dense_unchecked` and `dense_backward_unchecked` are the same arithmetic without the shape checks, for
a caller that validated its arrays once (a training loop calls them thousands of times, and at these
sizes the checks would cost more than the matrix products).
"""
from ..arrays import as_batch, as_float_array
from ..language import translate as _


def dense(a, W, b):
    """z = a @ W.T + b: a (N, n_in) or (n_in,), W (n_out, n_in), b (n_out,) -> z (N, n_out)."""
    W = as_float_array(W, "W")
    if W.ndim != 2:
        raise ValueError(_("{name} must have shape {expected}, got shape {shape}").format(
            name="W", expected="(n_out, n_in)", shape=W.shape))
    b = as_float_array(b, "b")
    if b.shape != (W.shape[0],):
        raise ValueError(_("b must have shape ({n},), one bias per unit of W, got shape {shape}").format(
            n=W.shape[0], shape=b.shape))
    a = as_batch(a, "a", W.shape[1])
    return dense_unchecked(a, W, b)


def dense_backward(dz, a, W):
    """Given dz = ∂C/∂z (N, n_out): returns (da, dW, db) with dW_ji = Σ_samples dz_j a_i — the book's
    ∂C/∂w_ji = δ_j a_i — and db_j = Σ_samples δ_j, da = dz @ W."""
    W = as_float_array(W, "W")
    a = as_batch(a, "a", W.shape[1])
    dz = as_batch(dz, "dz", W.shape[0])
    return dense_backward_unchecked(dz, a, W)


def dense_unchecked(a, W, b):
    """dense for float64 arrays a (N, n_in), W (n_out, n_in), b (n_out,) already checked."""
    return a @ W.T + b


def dense_backward_unchecked(dz, a, W):
    """dense_backward for float64 arrays dz (N, n_out), a (N, n_in), W (n_out, n_in) already checked."""
    return dz @ W, dz.T @ a, dz.sum(axis=0)
