"""Convolution and max pooling as forward/backward pairs, vectorised with sliding windows (im2col).

Shapes follow torch and CS231n: images x (N, C, H, W), filters w (F, C, kh, kw), outputs (N, F, H', W')
with the output-size formula H' = ⌊(H + 2·padding − kh) / stride⌋ + 1. A single image (H, W) and a
single filter (kh, kw) are accepted too; the output then drops the batch and filter axes.
What deep learning calls convolution is a cross-correlation: the filter is laid on the image as it is,
not flipped, so out[n, f, i, j] = Σ_c,p,q x[n, c, i·s + p, j·s + q] · w[f, c, p, q] + b[f].
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ._validate import as_float_array


def output_size(n, k, stride=1, padding=0):
    """⌊(n + 2·padding − k) / stride⌋ + 1: how many positions a window of size k takes along n."""
    return (n + 2 * padding - k) // stride + 1


def _images(x):
    x = as_float_array(x, "x")
    if x.ndim == 2:
        return x[None, None], True
    if x.ndim != 4:
        raise ValueError(f"x must have shape (N, C, H, W) or (H, W), got shape {x.shape}")
    return x, False


def _filters(w, channels):
    w = as_float_array(w, "w")
    single = w.ndim == 2
    if single:
        w = w[None, None]
    if w.ndim != 4 or w.shape[1] != channels:
        raise ValueError(f"w must have shape (F, {channels}, kh, kw) to match x's {channels} channel(s)"
                         f"{' or (kh, kw)' if channels == 1 else ''}, got shape {w.shape}")
    return w, single


def _geometry(stride, padding):
    if int(stride) != stride or stride < 1:
        raise ValueError(f"stride must be a whole number ≥ 1, got {stride!r}")
    if int(padding) != padding or padding < 0:
        raise ValueError(f"padding must be a whole number ≥ 0, got {padding!r}")
    return int(stride), int(padding)


def _windows(x, kh, kw, stride, padding, what):
    """Every kh×kw window of the zero-padded x: shape (N, C, H', W', kh, kw) — a view, no copy."""
    H, W = x.shape[2:]
    ho, wo = output_size(H, kh, stride, padding), output_size(W, kw, stride, padding)
    if ho < 1 or wo < 1:
        raise ValueError(f"a {kh}×{kw} {what} does not fit in a {H}×{W} image with padding {padding}: "
                         f"H' = ⌊(H + 2·padding − kh) / stride⌋ + 1 = {ho}, W' = {wo}")
    if padding:
        x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    return sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride][:, :, :ho, :wo]


def _bias(b, f):
    if b is None:
        return np.zeros(f)
    b = as_float_array(b, "b").reshape(-1) if np.ndim(b) == 0 else as_float_array(b, "b")
    if b.shape != (f,):
        raise ValueError(f"b must have shape ({f},), one bias per filter, got shape {b.shape}")
    return b


def conv2d(x, w, b=None, stride=1, padding=0):
    """The feature maps of images x under filters w: (N, C, H, W) * (F, C, kh, kw) -> (N, F, H', W')."""
    x, single_image = _images(x)
    w, single_filter = _filters(w, x.shape[1])
    stride, padding = _geometry(stride, padding)
    windows = _windows(x, *w.shape[2:], stride, padding, "filter")
    # one matrix product: every window against every filter, summed over channel and kernel entries
    out = np.tensordot(windows, w, axes=([1, 4, 5], [1, 2, 3])).transpose(0, 3, 1, 2)
    out = out + _bias(b, w.shape[0])[None, :, None, None]
    return _squeeze(out, single_image, single_filter)


def conv2d_backward(dout, x, w, stride=1, padding=0):
    """(dx, dw, db) from dout = ∂C/∂out of conv2d(x, w, b, stride, padding).

    dw[f] sums dout[n, f, i, j] times the window it saw; db[f] sums dout over the map; every input
    pixel collects dout · w from every window it lies in (the filter, spread back over the window).
    """
    x_in, single_image = _images(x)
    w_in, single_filter = _filters(w, x_in.shape[1])
    stride, padding = _geometry(stride, padding)
    kh, kw = w_in.shape[2:]
    windows = _windows(x_in, kh, kw, stride, padding, "filter")
    n, f, ho, wo = x_in.shape[0], w_in.shape[0], windows.shape[2], windows.shape[3]
    expected = _squeeze(np.empty((n, f, ho, wo)), single_image, single_filter).shape
    dout = as_float_array(dout, "dout")
    if dout.shape != expected:
        raise ValueError(f"dout must have the shape of conv2d's output, {expected}, got shape {dout.shape}")
    dout = dout.reshape(n, f, ho, wo)
    dw = np.tensordot(dout, windows, axes=([0, 2, 3], [0, 2, 3]))  # (F, C, kh, kw)
    db = dout.sum(axis=(0, 2, 3))
    dcols = np.tensordot(dout, w_in, axes=([1], [0]))  # (N, H', W', C, kh, kw): each window's share
    H, W = x_in.shape[2:]
    dxp = np.zeros((n, x_in.shape[1], H + 2 * padding, W + 2 * padding))
    for p in range(kh):  # a loop over the kernel's kh·kw offsets, each adding a whole strided slice
        for q in range(kw):
            dxp[:, :, p:p + stride * ho:stride, q:q + stride * wo:stride] += dcols[..., p, q].transpose(0, 3, 1, 2)
    dx = dxp[:, :, padding:padding + H, padding:padding + W]
    if single_image:
        dx = dx[0, 0]
    if single_filter:
        dw = dw[0, 0]
    return dx, dw, db


def max_pool2d(x, size=2, stride=None):
    """The largest value of each size×size window, moved by `stride` (default: size, no overlap)."""
    x, single = _images(x)
    stride, _ = _geometry(size if stride is None else stride, 0)
    size, _ = _geometry(size, 0)
    out = _windows(x, size, size, stride, 0, "pooling window").max(axis=(4, 5))
    return out[0, 0] if single else out


def max_pool2d_backward(dout, x, size=2, stride=None):
    """∂C/∂x of max pooling: each window sends its gradient to its first maximum (row by row, as
    torch does); every other pixel gets 0, and a pixel that is the maximum of several windows adds."""
    x_in, single = _images(x)
    stride, _ = _geometry(size if stride is None else stride, 0)
    size, _ = _geometry(size, 0)
    windows = _windows(x_in, size, size, stride, 0, "pooling window")
    n, c, ho, wo = windows.shape[:4]
    dout = as_float_array(dout, "dout")
    expected = (ho, wo) if single else (n, c, ho, wo)
    if dout.shape != expected:
        raise ValueError(f"dout must have the shape of max_pool2d's output, {expected}, got shape {dout.shape}")
    first = windows.reshape(n, c, ho, wo, size * size).argmax(axis=-1)  # argmax: the first maximum
    rows = np.arange(ho)[:, None] * stride + first // size
    cols = np.arange(wo)[None, :] * stride + first % size
    dx = np.zeros_like(x_in)
    nn_, cc = np.arange(n)[:, None, None, None], np.arange(c)[None, :, None, None]
    np.add.at(dx, (nn_, cc, rows, cols), dout.reshape(n, c, ho, wo))  # add.at: overlapping windows add
    return dx[0, 0] if single else dx


def _squeeze(out, single_image, single_filter):
    if single_image:
        out = out[0]
    if single_filter:
        out = out[..., 0, :, :] if not single_image else out[0]
    return out


# ---------------------------------------------------------------- average pooling (chapter 09)
# Built on conv2d's public signature only: averaging a size×size window is a convolution of each channel
# on its own with the constant filter 1/size², so it is a linear operator, and its backward pass is
# conv2d_backward's dx.

def _channels_apart(x, what):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim not in (2, 4):
        raise ValueError(f"{what} must have shape (N, C, H, W) or (H, W), got shape {x.shape}")
    return x[None, None] if x.ndim == 2 else x


def avg_pool2d(x, size=2, stride=None):
    """The mean of each size×size window, moved by `stride` (default: size, no overlap)."""
    x4 = _channels_apart(x, "x")
    n, c, H, W = x4.shape
    stride = size if stride is None else stride
    box = np.full((1, 1, size, size), 1.0 / (size * size))
    out = conv2d(x4.reshape(n * c, 1, H, W), box, stride=stride)
    out = out.reshape(n, c, *out.shape[2:])
    return out[0, 0] if np.ndim(x) == 2 else out


def avg_pool2d_backward(dout, x, size=2, stride=None):
    """∂C/∂x of average pooling: each window spreads its gradient evenly, dout/size², over its pixels;
    a pixel inside several (overlapping) windows adds their shares."""
    x4 = _channels_apart(x, "x")
    n, c, H, W = x4.shape
    stride = size if stride is None else stride
    box = np.full((1, 1, size, size), 1.0 / (size * size))
    expected = avg_pool2d(x, size, stride).shape
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != expected:
        raise ValueError(f"dout must have the shape of avg_pool2d's output, {expected}, got shape {dout.shape}")
    d4 = dout.reshape(n * c, 1, *expected[-2:])
    dx, _, _ = conv2d_backward(d4, x4.reshape(n * c, 1, H, W), box, stride=stride)
    dx = dx.reshape(n, c, H, W)
    return dx[0, 0] if np.ndim(x) == 2 else dx
