"""Convolution and max pooling as forward/backward pairs, vectorised with sliding windows (im2col).

Shapes follow torch and CS231n: images x (N, C, H, W), filters w (F, C, kh, kw), outputs (N, F, H', W')
with the output-size formula H' = ⌊(H + 2·padding − kh) / stride⌋ + 1. A single image (H, W) and a
single filter (kh, kw) are accepted too; the output then drops the batch and filter axes.
What deep learning calls convolution is a cross-correlation: the filter is laid on the image as it is,
not flipped, so out[n, f, i, j] = Σ_c,p,q x[n, c, i·s + p, j·s + q] · w[f, c, p, q] + b[f].

How it is computed (im2col): every window the filter visits is copied once into a column of one contiguous
matrix `cols` (C·kh·kw rows, N·H'·W' columns), so the whole layer is one matrix product
w.reshape(F, −1) @ cols. The backward pass is two more products with the same matrix and a scatter of
each window's share back onto the image, one strided slice per kernel offset (kh·kw of them).
Max pooling compares the size² strided slices of the image, one per window offset.

`conv2d_unchecked`, `conv2d_backward_unchecked`, `max_pool2d_unchecked` and
`max_pool2d_backward_unchecked` are the arithmetic alone, for 4-d float64 arrays a caller has checked
once (the CNN's training loop); the forward pass also hands back what its backward pass reuses.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..arrays import as_float_array
from ..language import N_, translate as _


def output_size(n, k, stride=1, padding=0):
    """⌊(n + 2·padding − k) / stride⌋ + 1: how many positions a window of size k takes along n."""
    return (n + 2 * padding - k) // stride + 1


def _images(x):
    x = as_float_array(x, "x")
    if x.ndim == 2:
        return x[None, None], True
    if x.ndim != 4:
        raise ValueError(_("{name} must have shape (N, C, H, W) or (H, W), got shape {shape}").format(name="x", shape=x.shape))
    return x, False


def _filters(w, channels):
    w = as_float_array(w, "w")
    single = w.ndim == 2
    if single:
        w = w[None, None]
    if w.ndim != 4 or w.shape[1] != channels:
        if channels == 1:
            raise ValueError(_("w must have shape (F, 1, kh, kw) to match x's 1 channel(s) or (kh, kw), got shape {shape}")
                             .format(shape=w.shape))
        raise ValueError(_("w must have shape (F, {channels}, kh, kw) to match x's {channels} channel(s), got shape {shape}")
                         .format(channels=channels, shape=w.shape))
    return w, single


def _geometry(stride, padding):
    if int(stride) != stride or stride < 1:
        raise ValueError(_("stride must be a whole number ≥ 1, got {value}").format(value=repr(stride)))
    if int(padding) != padding or padding < 0:
        raise ValueError(_("padding must be a whole number ≥ 0, got {value}").format(value=repr(padding)))
    return int(stride), int(padding)


def _out_shape(H, W, kh, kw, stride, padding, what):
    ho, wo = output_size(H, kh, stride, padding), output_size(W, kw, stride, padding)
    if ho < 1 or wo < 1:
        raise ValueError(_("a {kh}×{kw} {what} does not fit in a {H}×{W} image with padding {padding}: "
                           "H' = ⌊(H + 2·padding − kh) / stride⌋ + 1 = {ho}, W' = {wo}").format(
                               kh=kh, kw=kw, what=_(what), H=H, W=W, padding=padding, ho=ho, wo=wo))
    return ho, wo


def _padded(x, padding):
    """x with `padding` zeros around each image (x itself when padding is 0)."""
    if not padding:
        return x
    n, c, H, W = x.shape
    xp = np.zeros((n, c, H + 2 * padding, W + 2 * padding))
    xp[:, :, padding:padding + H, padding:padding + W] = x
    return xp


def im2col(x, kh, kw, stride=1, padding=0):
    """Every kh×kw window of the zero-padded x (N, C, H, W) as one column of a contiguous matrix:
    shape (C·kh·kw, N·H'·W'), rows in the order (c, p, q), columns in the order (n, i, j).
    (Windows as columns, as in CS231n: the copy then runs along image rows, which is faster.)"""
    n, c, H, W = x.shape
    ho, wo = _out_shape(H, W, kh, kw, stride, padding, N_("filter"))
    windows = sliding_window_view(_padded(x, padding), (kh, kw), axis=(2, 3))  # a view, no copy
    windows = windows[:, :, :stride * (ho - 1) + 1:stride, :stride * (wo - 1) + 1:stride]
    return np.ascontiguousarray(windows.transpose(1, 4, 5, 0, 2, 3)).reshape(c * kh * kw, n * ho * wo)


def col2im(dcols, x_shape, kh, kw, stride=1, padding=0):
    """The adjoint of im2col: adds each column's entries back onto the pixels of its window.
    dcols (C·kh·kw, N·H'·W') -> (N, C, H, W); a pixel in several windows collects from each."""
    n, c, H, W = x_shape
    ho, wo = output_size(H, kh, stride, padding), output_size(W, kw, stride, padding)
    dcols = dcols.reshape(c, kh, kw, n, ho, wo)
    dxp = np.zeros((c, n, H + 2 * padding, W + 2 * padding))
    for p in range(kh):  # a loop over the kernel's offsets (not over pixels): each adds one strided slice
        for q in range(kw):
            dxp[:, :, p:p + stride * ho:stride, q:q + stride * wo:stride] += dcols[:, p, q]
    return dxp.transpose(1, 0, 2, 3)[:, :, padding:padding + H, padding:padding + W]


def _bias(b, f):
    if b is None:
        return np.zeros(f)
    b = as_float_array(b, "b").reshape(-1) if np.ndim(b) == 0 else as_float_array(b, "b")
    if b.shape != (f,):
        raise ValueError(_("b must have shape ({n},), one bias per filter, got shape {shape}").format(n=f, shape=b.shape))
    return b


def conv2d_unchecked(x, w, b, stride, padding):
    """conv2d's arithmetic for checked 4-d arrays x (N, C, H, W), w (F, C, kh, kw), b (F,) or None:
    returns (out, cols), the output and the im2col matrix that the backward pass reuses."""
    n, _, H, W = x.shape
    f, _, kh, kw = w.shape
    ho, wo = output_size(H, kh, stride, padding), output_size(W, kw, stride, padding)
    cols = im2col(x, kh, kw, stride, padding)
    out = w.reshape(f, -1) @ cols  # (F, N·H'·W'): every filter against every window, one product
    if b is not None:
        out += b[:, None]
    return out.reshape(f, n, ho, wo).transpose(1, 0, 2, 3), cols


def conv2d_backward_unchecked(dout, cols, x_shape, w, stride, padding):
    """conv2d_backward's arithmetic for a checked dout (N, F, H', W'), given the im2col matrix `cols`
    of the forward pass: returns (dx, dw, db)."""
    f, _, kh, kw = w.shape
    dout_rows = dout.transpose(1, 0, 2, 3).reshape(f, -1)  # (F, N·H'·W'), columns like cols
    dw = (dout_rows @ cols.T).reshape(w.shape)
    db = dout_rows.sum(axis=1)
    dx = col2im(w.reshape(f, -1).T @ dout_rows, x_shape, kh, kw, stride, padding)
    return dx, dw, db


def conv2d(x, w, b=None, stride=1, padding=0):
    """The feature maps of images x under filters w: (N, C, H, W) * (F, C, kh, kw) -> (N, F, H', W')."""
    x, single_image = _images(x)
    w, single_filter = _filters(w, x.shape[1])
    stride, padding = _geometry(stride, padding)
    b = _bias(b, w.shape[0])
    out, _ = conv2d_unchecked(x, w, b, stride, padding)
    return np.ascontiguousarray(_squeeze(out, single_image, single_filter))


def conv2d_backward(dout, x, w, stride=1, padding=0):
    """(dx, dw, db) from dout = ∂C/∂out of conv2d(x, w, b, stride, padding).

    dw[f] sums dout[n, f, i, j] times the window it saw; db[f] sums dout over the map; every input
    pixel collects dout · w from every window it lies in (the filter, spread back over the window).
    """
    x_in, single_image = _images(x)
    w_in, single_filter = _filters(w, x_in.shape[1])
    stride, padding = _geometry(stride, padding)
    kh, kw = w_in.shape[2:]
    n, f = x_in.shape[0], w_in.shape[0]
    ho, wo = _out_shape(*x_in.shape[2:], kh, kw, stride, padding, N_("filter"))
    expected = _squeeze(np.empty((n, f, ho, wo)), single_image, single_filter).shape
    dout = as_float_array(dout, "dout")
    if dout.shape != expected:
        raise ValueError(_("dout must have the shape of conv2d's output, {expected}, got shape {shape}").format(
            expected=expected, shape=dout.shape))
    cols = im2col(x_in, kh, kw, stride, padding)
    dx, dw, db = conv2d_backward_unchecked(dout.reshape(n, f, ho, wo), cols, x_in.shape, w_in, stride, padding)
    if single_image:
        dx = dx[0, 0]
    if single_filter:
        dw = dw[0, 0]
    return dx, dw, db


def _pool_geometry(x, size, stride):
    stride, _ = _geometry(size if stride is None else stride, 0)
    size, _ = _geometry(size, 0)
    ho, wo = _out_shape(*x.shape[2:], size, size, stride, 0, N_("pooling window"))
    return size, stride, ho, wo


def _offsets(x, size, stride, ho, wo):
    """The size² strided slices x[:, :, p::stride, q::stride] (cut to H'×W'), row by row in the window:
    slice (p, q) holds pixel (p, q) of every window."""
    for p in range(size):
        for q in range(size):
            yield (slice(None), slice(None), slice(p, p + stride * (ho - 1) + 1, stride),
                   slice(q, q + stride * (wo - 1) + 1, stride))


def max_pool2d_unchecked(x, size, stride):
    """max_pool2d's arithmetic for a checked float64 batch x (N, C, H, W) and whole size, stride ≥ 1."""
    ho, wo = output_size(x.shape[2], size, stride), output_size(x.shape[3], size, stride)
    out = None
    for where in _offsets(x, size, stride, ho, wo):  # size² vectorised maxima, not a loop over pixels
        out = x[where].copy() if out is None else np.maximum(out, x[where], out=out)
    return out


def max_pool2d_backward_unchecked(dout, x, out, size, stride):
    """max_pool2d_backward's arithmetic, given out = max_pool2d_unchecked(x, size, stride)."""
    ho, wo = out.shape[2:]
    dx = np.zeros_like(x)
    taken = np.zeros(out.shape, dtype=bool)  # windows whose gradient has found its first maximum
    for where in _offsets(x, size, stride, ho, wo):
        hit = (x[where] == out) & ~taken
        dx[where] += np.where(hit, dout, 0.0)  # within one offset the slices never overlap
        taken |= hit
    return dx


def max_pool2d(x, size=2, stride=None):
    """The largest value of each size×size window, moved by `stride` (default: size, no overlap)."""
    x, single = _images(x)
    size, stride, ho, wo = _pool_geometry(x, size, stride)
    out = max_pool2d_unchecked(x, size, stride)
    return out[0, 0] if single else out


def max_pool2d_backward(dout, x, size=2, stride=None):
    """∂C/∂x of max pooling: each window sends its gradient to its first maximum (row by row, as
    torch does); every other pixel gets 0, and a pixel that is the maximum of several windows adds."""
    x_in, single = _images(x)
    size, stride, ho, wo = _pool_geometry(x_in, size, stride)
    n, c = x_in.shape[:2]
    dout = as_float_array(dout, "dout")
    expected = (ho, wo) if single else (n, c, ho, wo)
    if dout.shape != expected:
        raise ValueError(_("dout must have the shape of max_pool2d's output, {expected}, got shape {shape}").format(
            expected=expected, shape=dout.shape))
    out = max_pool2d_unchecked(x_in, size, stride)
    dx = max_pool2d_backward_unchecked(dout.reshape(n, c, ho, wo), x_in, out, size, stride)
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
        raise ValueError(_("{name} must have shape (N, C, H, W) or (H, W), got shape {shape}").format(name=what, shape=x.shape))
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
        raise ValueError(_("dout must have the shape of avg_pool2d's output, {expected}, got shape {shape}").format(
            expected=expected, shape=dout.shape))
    d4 = dout.reshape(n * c, 1, *expected[-2:])
    dx = conv2d_backward(d4, x4.reshape(n * c, 1, H, W), box, stride=stride)[0]
    dx = dx.reshape(n, c, H, W)
    return dx[0, 0] if np.ndim(x) == 2 else dx
