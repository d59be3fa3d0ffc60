"""Scaled dot-product attention and multi-head attention as forward/backward pairs.

Shapes follow torch and d2l: queries Q (…, n_q, d_k), keys K (…, n_k, d_k), values V (…, n_k, d_v),
where … is any number of leading batch (or head) axes, the same for Q, K and V.

    S = scale · Q Kᵀ           (…, n_q, n_k)   scores; scale = 1/√d_k unless given
    P = softmax(S) row by row  (…, n_q, n_k)   the attention weights; each row sums to 1
    O = P V                    (…, n_q, d_v)   each output row is a weighted mean of the value rows

A mask is boolean and True where a query may attend to a key (torch's convention); a masked score
counts as −∞, so its weight is exactly 0. A query that may attend to no key at all is an error, not NaN.

Multi-head attention writes its projections as in the paper, Q = X W^Q, so W^Q has shape
(d_model, h·d_k) — input size first, the transpose of a dense layer's W (n_out, n_in) in `ops.dense`.
Head i sees columns i·d_k … (i+1)·d_k − 1 of Q, K and V; the heads' outputs are concatenated and
mixed by W^O (h·d_v, d_out): MultiHead(X) = Concat(head_1, …, head_h) W^O.

The softmax is `ops.losses.softmax` and its backward `ops.losses.softmax_backward`; the words of
chapter 10's sentence and their embeddings are in `dlmath.datasets`.
"""
import numpy as np

from ..arrays import as_float_array
from ..language import translate as _
from .losses import softmax, softmax_backward


# ---------------------------------------------------------------- shapes

def _stack(a, name, d=None, what="(…, n, d)"):
    a = as_float_array(a, name)
    if a.ndim < 2 or (d is not None and a.shape[-1] != d):
        raise ValueError(_("{name} must have shape {expected}, got shape {shape}").format(
            name=name, expected=what, shape=a.shape))
    return a


def _qkv(Q, K, V):
    Q = _stack(Q, "Q", what="(…, n_q, d_k)")
    K = _stack(K, "K", Q.shape[-1], what=_("(…, n_k, {d}) — d_k as in Q").format(d=Q.shape[-1]))
    V = _stack(V, "V", what="(…, n_k, d_v)")
    if V.shape[-2] != K.shape[-2]:
        raise ValueError(_("V must have one row per key: K has {rows} rows (shape {k}), V has shape {v}").format(
            rows=K.shape[-2], k=K.shape, v=V.shape))
    if not (Q.shape[:-2] == K.shape[:-2] == V.shape[:-2]):
        raise ValueError(_("Q, K and V must have the same leading (batch) axes, got shapes {q}, {k} and {v}").format(
            q=Q.shape, k=K.shape, v=V.shape))
    return Q, K, V


def _scale(scale, d_k):
    if scale is None:
        return 1.0 / np.sqrt(d_k)
    if isinstance(scale, (bool, np.bool_)) or not np.isscalar(scale) or not np.isfinite(scale):
        raise ValueError(_("scale must be a finite number (default 1/√d_k), got {value}").format(value=f"{scale!r:.40}"))
    return float(scale)


def _mask(mask, shape):
    """The mask broadcast to the scores' shape (…, n_q, n_k); every query must see at least one key."""
    if mask is None:
        return None
    mask = np.asarray(mask)
    if mask.dtype != bool:
        raise TypeError(_("mask must be boolean (True where a query may attend to a key), got {dtype}").format(
            dtype=mask.dtype))
    try:
        mask = np.broadcast_to(mask, shape)
    except ValueError:
        raise ValueError(_("mask must broadcast to the scores' shape (…, n_q, n_k) = {expected}, got shape {shape}")
                         .format(expected=shape, shape=mask.shape)) from None
    empty = ~mask.any(axis=-1)
    if empty.any():
        where = tuple(int(i) for i in np.argwhere(empty)[0])
        raise ValueError(_("the mask lets query {query} (at index {index}) attend to no key: its weights "
                           "would be 0/0; every query needs at least one True in its row").format(
                               query=where[-1], index=where))
    return mask


def causal_mask(n_q, n_k=None):
    """The (n_q, n_k) boolean mask of a decoder: query i may attend to keys 0 … i (no peeking ahead)."""
    n_k = n_q if n_k is None else n_k
    for n, name in ((n_q, "n_q"), (n_k, "n_k")):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(_("{name} must be a whole number ≥ 1, got {value}").format(name=name, value=f"{n!r:.20}"))
    return np.tril(np.ones((n_q, n_k), dtype=bool))


# ---------------------------------------------------------------- scaled dot-product attention

def scaled_dot_product_attention(Q, K, V, mask=None, scale=None):
    """(O, P): O = softmax(scale · Q Kᵀ) V and the weights P (…, n_q, n_k). scale defaults to 1/√d_k."""
    Q, K, V = _qkv(Q, K, V)
    scale = _scale(scale, Q.shape[-1])
    S = scale * (Q @ np.swapaxes(K, -1, -2))
    mask = _mask(mask, S.shape)
    if mask is not None:
        S = np.where(mask, S, -np.inf)  # exp(−∞) = 0: a masked key gets weight exactly 0
    P = softmax(S)
    return P @ V, P


def scaled_dot_product_attention_backward(dout, Q, K, V, weights, scale=None, dweights=None):
    """(dQ, dK, dV) from dout = ∂L/∂O and the weights P the forward pass returned.

    dV = Pᵀ dO;  dP = dO Vᵀ (+ dweights, if L also uses P);  dS = softmax_backward(dP, P);
    dQ = scale · dS K;  dK = scale · dSᵀ Q. A masked weight is 0, so its score gets gradient 0.
    """
    Q, K, V = _qkv(Q, K, V)
    scale = _scale(scale, Q.shape[-1])
    P = as_float_array(weights, "weights")
    want = Q.shape[:-1] + (K.shape[-2],)
    if P.shape != want:
        raise ValueError(_("weights must have shape (…, n_q, n_k) = {expected}, got shape {shape}").format(
            expected=want, shape=P.shape))
    dO = as_float_array(dout, "dout")
    if dO.shape != Q.shape[:-1] + V.shape[-1:]:
        raise ValueError(_("dout must have the output's shape (…, n_q, d_v) = {expected}, got shape {shape}").format(
            expected=Q.shape[:-1] + V.shape[-1:], shape=dO.shape))
    dV = np.swapaxes(P, -1, -2) @ dO
    dP = dO @ np.swapaxes(V, -1, -2)
    if dweights is not None:
        dP = dP + as_float_array(dweights, "dweights")
    dS = softmax_backward(dP, P)
    return scale * (dS @ K), scale * (np.swapaxes(dS, -1, -2) @ Q), dV


# ---------------------------------------------------------------- heads

def _heads(n_heads, width, name):
    if isinstance(n_heads, bool) or not isinstance(n_heads, (int, np.integer)) or n_heads < 1:
        raise ValueError(_("{name} must be a whole number ≥ 1, got {value}").format(
            name="n_heads", value=f"{n_heads!r:.20}"))
    if width % n_heads:
        raise ValueError(_("{name} has {width} columns, which do not split into {heads} equal heads").format(
            name=name, width=width, heads=n_heads))
    return int(n_heads)


def split_heads(X, n_heads):
    """(…, n, h·d) -> (…, h, n, d): head i gets columns i·d … (i+1)·d − 1 of every row."""
    X = _stack(X, "X", what="(…, n, h·d)")
    h = _heads(n_heads, X.shape[-1], "X")
    *lead, n, width = X.shape
    return np.moveaxis(X.reshape(*lead, n, h, width // h), -2, -3)


def merge_heads(H):
    """(…, h, n, d) -> (…, n, h·d): the heads side by side again (Concat(head_1, …, head_h))."""
    H = as_float_array(H, "H")
    if H.ndim < 3:
        raise ValueError(_("{name} must have shape {expected}, got shape {shape}").format(
            name="H", expected="(…, h, n, d)", shape=H.shape))
    *lead, h, n, d = H.shape
    return np.moveaxis(H, -3, -2).reshape(*lead, n, h * d)


# ---------------------------------------------------------------- multi-head attention

def _mha_shapes(X, W_Q, W_K, W_V, W_O, n_heads):
    X = _stack(X, "X", what="(…, n, d_model)")
    d = X.shape[-1]
    W_Q = _stack(W_Q, "W_Q", what=f"({d}, h·d_k)")
    W_K = _stack(W_K, "W_K", what=f"({d}, h·d_k)")
    W_V = _stack(W_V, "W_V", what=f"({d}, h·d_v)")
    for W, name in ((W_Q, "W_Q"), (W_K, "W_K"), (W_V, "W_V")):
        if W.ndim != 2 or W.shape[0] != d:
            raise ValueError(_("{name} must have shape (d_model, …) = ({d}, …) to multiply X of shape {x} "
                               "(Q = X W^Q), got shape {shape}").format(name=name, d=d, x=X.shape, shape=W.shape))
    if W_K.shape != W_Q.shape:
        raise ValueError(_("W_K must have the shape of W_Q, {expected} (keys and queries meet in q·k), "
                           "got shape {shape}").format(expected=W_Q.shape, shape=W_K.shape))
    W_O = _stack(W_O, "W_O", what=f"({W_V.shape[1]}, d_out)")
    if W_O.ndim != 2 or W_O.shape[0] != W_V.shape[1]:
        raise ValueError(_("W_O must have shape (h·d_v, d_out) = ({n}, d_out), got shape {shape}").format(
            n=W_V.shape[1], shape=W_O.shape))
    _heads(n_heads, W_Q.shape[1], "W_Q")
    _heads(n_heads, W_V.shape[1], "W_V")
    return X, W_Q, W_K, W_V, W_O


def _mha_forward(X, W_Q, W_K, W_V, W_O, n_heads, mask, scale):
    Q, K, V = (split_heads(X @ W, n_heads) for W in (W_Q, W_K, W_V))  # (…, h, n, d_k or d_v)
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype == bool and mask.ndim >= 3:  # a per-sample mask (B, n, n) applies to every head
            mask = np.expand_dims(mask, -3)
    heads, P = scaled_dot_product_attention(Q, K, V, mask, scale)
    concat = merge_heads(heads)
    return concat @ W_O, P, (Q, K, V, concat)


def multi_head_attention(X, W_Q, W_K, W_V, W_O, n_heads, mask=None, scale=None):
    """Self-attention with h = n_heads heads: returns (out, weights).

    X (…, n, d_model); W_Q, W_K (d_model, h·d_k); W_V (d_model, h·d_v); W_O (h·d_v, d_out).
    out (…, n, d_out) = Concat(head_1, …, head_h) W^O with head_i = Attention(X W^Q_i, X W^K_i, X W^V_i);
    weights (…, h, n, n), one attention matrix per head. mask: (n, n), or (…, n, n) per sample,
    the same for every head; scale defaults to 1/√d_k.
    """
    X, W_Q, W_K, W_V, W_O = _mha_shapes(X, W_Q, W_K, W_V, W_O, n_heads)
    out, P, _ = _mha_forward(X, W_Q, W_K, W_V, W_O, n_heads, mask, scale)
    return out, P


def multi_head_attention_backward(dout, X, W_Q, W_K, W_V, W_O, n_heads, mask=None, scale=None):
    """(dX, dW_Q, dW_K, dW_V, dW_O) from dout = ∂L/∂out, for the same arguments as the forward pass.

    The forward intermediates are recomputed (cheap at these sizes). X feeds all three projections,
    so its gradient is the sum of three paths: dX = dQ W^Qᵀ + dK W^Kᵀ + dV W^Vᵀ.
    """
    X, W_Q, W_K, W_V, W_O = _mha_shapes(X, W_Q, W_K, W_V, W_O, n_heads)
    out, P, (Q, K, V, concat) = _mha_forward(X, W_Q, W_K, W_V, W_O, n_heads, mask, scale)
    dO = as_float_array(dout, "dout")
    if dO.shape != out.shape:
        raise ValueError(_("dout must have the output's shape {expected}, got shape {shape}").format(
            expected=out.shape, shape=dO.shape))
    rows = lambda A: A.reshape(-1, A.shape[-1])  # every sample's rows stacked: sums over the batch
    dW_O = rows(concat).T @ rows(dO)
    dheads = split_heads(dO @ W_O.T, n_heads)
    dQ, dK, dV = (merge_heads(g) for g in scaled_dot_product_attention_backward(dheads, Q, K, V, P, scale))
    dX = dQ @ W_Q.T + dK @ W_K.T + dV @ W_V.T
    return dX, rows(X).T @ rows(dQ), rows(X).T @ rows(dK), rows(X).T @ rows(dV), dW_O


# ---------------------------------------------------------------- positions

def positional_encoding(n, d):
    """The sinusoidal positions of the Transformer paper, (n, d): PE[p, 2i] = sin(p / 10000^(2i/d)),
    PE[p, 2i+1] = cos(p / 10000^(2i/d)). Added to X, it tells the two "the"s of the sentence apart."""
    p = np.arange(n)[:, None]
    freq = 10000.0 ** (-(np.arange(d) // 2 * 2) / d)
    angle = p * freq
    return np.where(np.arange(d) % 2 == 0, np.sin(angle), np.cos(angle))
