"""dlmath.conv: against the direct sum of the definition on random geometries, a loop over positions, central differences (float64, ≤ 1e-7) with stride,
padding and overlapping pooling windows, and clear shape errors."""
import numpy as np
import pytest

from dlmath import calculus, ops

rng = np.random.default_rng(0)
TOL = 1e-7


def conv_by_loops(x, w, b, stride, padding):
    """The definition, one output entry at a time (the slow reference)."""
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    n, c, H, W = x.shape
    f, _, kh, kw = w.shape
    ho, wo = (H - kh) // stride + 1, (W - kw) // stride + 1
    out = np.zeros((n, f, ho, wo))
    for i in range(ho):
        for j in range(wo):
            patch = x[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[:, :, i, j] = np.tensordot(patch, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out


GEOMETRIES = [(1, 0), (2, 0), (1, 1), (2, 1), (3, 2)]


@pytest.mark.parametrize("stride, padding", GEOMETRIES)
def test_conv2d_is_the_cross_correlation(stride, padding):
    x, w, b = rng.normal(size=(2, 3, 7, 6)), rng.normal(size=(4, 3, 3, 2)), rng.normal(size=4)
    out = ops.conv2d(x, w, b, stride, padding)
    assert out.shape == (2, 4, ops.output_size(7, 3, stride, padding), ops.output_size(6, 2, stride, padding))
    assert np.allclose(out, conv_by_loops(x, w, b, stride, padding))


def test_the_kernel_is_not_flipped():
    x = np.arange(9.0).reshape(3, 3)
    w = np.array([[1.0, 0.0], [0.0, 0.0]])  # picks the top-left pixel of each window
    assert np.array_equal(ops.conv2d(x, w), [[0, 1], [3, 4]])


@pytest.mark.parametrize("stride, padding", GEOMETRIES)
def test_conv2d_backward_against_central_differences(stride, padding):
    x, w, b = rng.normal(size=(2, 2, 6, 5)), rng.normal(size=(3, 2, 3, 3)), rng.normal(size=3)
    up = rng.normal(size=ops.conv2d(x, w, b, stride, padding).shape)
    dx, dw, db = ops.conv2d_backward(up, x, w, stride, padding)
    loss = lambda x_, w_, b_: np.sum(up * ops.conv2d(x_, w_, b_, stride, padding))
    assert calculus.relative_error(dx, calculus.numerical_gradient(lambda v: loss(v, w, b), x)) <= TOL
    assert calculus.relative_error(dw, calculus.numerical_gradient(lambda v: loss(x, v, b), w)) <= TOL
    assert calculus.relative_error(db, calculus.numerical_gradient(lambda v: loss(x, w, v), b)) <= TOL


def test_single_image_and_single_filter():
    x, w = rng.normal(size=(6, 6)), rng.normal(size=(3, 3))
    out = ops.conv2d(x, w)
    assert out.shape == (4, 4)
    assert np.allclose(out, ops.conv2d(x[None, None], w[None, None])[0, 0])
    dx, dw, db = ops.conv2d_backward(np.ones((4, 4)), x, w)
    assert dx.shape == (6, 6) and dw.shape == (3, 3) and db.shape == (1,)
    assert ops.conv2d(x, rng.normal(size=(3, 1, 3, 3))).shape == (3, 4, 4)


def test_max_pool_forward():
    x = np.array([[1, 2, 5, 0], [3, 4, 1, 1], [0, 0, 2, 2], [0, 9, 2, 2.0]])
    assert np.array_equal(ops.max_pool2d(x), [[4, 5], [9, 2]])
    assert ops.max_pool2d(x, size=3, stride=1).shape == (2, 2)


@pytest.mark.parametrize("size, stride", [(2, None), (3, 1), (2, 1), (3, 2)])
def test_max_pool_backward_against_central_differences(size, stride):
    x = rng.normal(size=(2, 3, 7, 6))  # distinct values: the maximum of each window is unique
    up = rng.normal(size=ops.max_pool2d(x, size, stride).shape)
    dx = ops.max_pool2d_backward(up, x, size, stride)
    numeric = calculus.numerical_gradient(lambda v: np.sum(up * ops.max_pool2d(v, size, stride)), x)
    assert calculus.relative_error(dx, numeric) <= TOL


def test_max_pool_backward_sends_a_tie_to_the_first_maximum():
    x = np.array([[1.0, 1.0], [1.0, 0.0]])
    assert np.array_equal(ops.max_pool2d_backward(np.array([[5.0]]), x), [[5, 0], [0, 0]])


@pytest.mark.parametrize("call, words", [
    (lambda: ops.conv2d(np.ones((1, 2, 5, 5)), np.ones((3, 1, 3, 3))), "(F, 2, kh, kw)"),
    (lambda: ops.conv2d(np.ones((1, 1, 2, 5)), np.ones((1, 1, 3, 3))), "H' = ⌊(H + 2·padding − kh) / stride⌋ + 1"),
    (lambda: ops.conv2d(np.ones((5, 5, 5)), np.ones((3, 3))), "(N, C, H, W) or (H, W)"),
    (lambda: ops.conv2d(np.ones((5, 5)), np.ones((3, 3)), b=np.ones(2)), "b must have shape (1,)"),
    (lambda: ops.conv2d(np.ones((5, 5)), np.ones((3, 3)), stride=0), "stride"),
    (lambda: ops.conv2d_backward(np.ones((2, 2)), np.ones((5, 5)), np.ones((3, 3))), "(3, 3)"),
    (lambda: ops.max_pool2d(np.ones((1, 1, 1, 5))), "does not fit"),
    (lambda: ops.max_pool2d_backward(np.ones((3, 3)), np.ones((4, 4))), "(2, 2)"),
])
def test_errors_name_the_expected_shape(call, words):
    with pytest.raises(ValueError) as err:
        call()
    assert words in str(err.value)


def test_vectorised_speed_is_a_benchmark_not_a_test_but_the_batch_axis_is_not_looped():
    # a batch of 256 images goes through the same single matrix product as one image
    x, w = rng.normal(size=(256, 1, 8, 8)), rng.normal(size=(4, 1, 3, 3))
    out = ops.conv2d(x, w)
    assert np.allclose(out[17], ops.conv2d(x[17:18], w)[0])


def conv_by_definition(x, w, b, stride, padding):
    """out[n, f, i, j] = Σ_c,p,q x_padded[n, c, i·s + p, j·s + q] w[f, c, p, q] + b[f], entry by entry,
    with the zero padding read off the indices (no padded copy)."""
    n, c, H, W = x.shape
    f, _, kh, kw = w.shape
    ho, wo = (H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1
    out = np.zeros((n, f, ho, wo))
    for idx in np.ndindex(n, f, ho, wo):
        k, g, i, j = idx
        total = b[g]
        for ch, p, q in np.ndindex(c, kh, kw):
            r, s = i * stride + p - padding, j * stride + q - padding
            if 0 <= r < H and 0 <= s < W:
                total += x[k, ch, r, s] * w[g, ch, p, q]
        out[idx] = total
    return out


@pytest.mark.parametrize("trial", range(12))
def test_conv2d_agrees_with_the_direct_sum_on_random_geometries(trial):
    r = np.random.default_rng(100 + trial)
    kh, kw = r.integers(1, 4, size=2)
    stride, padding = int(r.integers(1, 4)), int(r.integers(0, 3))
    H, W = int(r.integers(kh, 9)), int(r.integers(kw, 9))
    x = r.normal(size=(int(r.integers(1, 3)), int(r.integers(1, 4)), H, W))
    w = r.normal(size=(int(r.integers(1, 4)), x.shape[1], kh, kw))
    b = r.normal(size=w.shape[0])
    np.testing.assert_allclose(ops.conv2d(x, w, b, stride, padding), conv_by_definition(x, w, b, stride, padding),
                               rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("stride, padding", GEOMETRIES)
def test_col2im_is_the_adjoint_of_im2col(stride, padding):
    """⟨im2col(x), D⟩ = ⟨x, col2im(D)⟩ for every x and D: what makes the backward pass right."""
    x = rng.normal(size=(2, 3, 7, 6))
    cols = ops.im2col(x, 3, 2, stride, padding)
    assert cols.flags.c_contiguous and cols.shape[0] == 3 * 3 * 2
    d = rng.normal(size=cols.shape)
    assert np.sum(cols * d) == pytest.approx(np.sum(x * ops.col2im(d, x.shape, 3, 2, stride, padding)), rel=1e-12)


def pool_by_loops(x, size, stride):
    """Max pooling and its backward (gradient to the first maximum, row by row), window by window."""
    n, c, H, W = x.shape
    ho, wo = (H - size) // stride + 1, (W - size) // stride + 1
    out, dx = np.zeros((n, c, ho, wo)), np.zeros_like(x)
    up = np.arange(1.0, n * c * ho * wo + 1).reshape(n, c, ho, wo)
    for k, ch, i, j in np.ndindex(n, c, ho, wo):
        window = x[k, ch, i * stride:i * stride + size, j * stride:j * stride + size]
        out[k, ch, i, j] = window.max()
        p, q = np.unravel_index(np.argmax(window), window.shape)
        dx[k, ch, i * stride + p, j * stride + q] += up[k, ch, i, j]
    return out, up, dx


@pytest.mark.parametrize("size, stride", [(2, None), (3, 1), (2, 1), (3, 2), (1, 1)])
def test_max_pool_agrees_with_loops_even_with_ties_in_overlapping_windows(size, stride):
    x = rng.integers(0, 3, size=(2, 2, 7, 6)).astype(float)  # many ties
    out, up, dx = pool_by_loops(x, size, stride or size)
    assert np.array_equal(ops.max_pool2d(x, size, stride), out)
    assert np.array_equal(ops.max_pool2d_backward(up, x, size, stride), dx)
