"""dlmath.conv: against a direct loop over positions, central differences (float64, ≤ 1e-7) with stride,
padding and overlapping pooling windows, and clear shape errors."""
import numpy as np
import pytest

from dlmath import conv, nn

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
    out = conv.conv2d(x, w, b, stride, padding)
    assert out.shape == (2, 4, conv.output_size(7, 3, stride, padding), conv.output_size(6, 2, stride, padding))
    assert np.allclose(out, conv_by_loops(x, w, b, stride, padding))


def test_the_kernel_is_not_flipped():
    x = np.arange(9.0).reshape(3, 3)
    w = np.array([[1.0, 0.0], [0.0, 0.0]])  # picks the top-left pixel of each window
    assert np.array_equal(conv.conv2d(x, w), [[0, 1], [3, 4]])


@pytest.mark.parametrize("stride, padding", GEOMETRIES)
def test_conv2d_backward_against_central_differences(stride, padding):
    x, w, b = rng.normal(size=(2, 2, 6, 5)), rng.normal(size=(3, 2, 3, 3)), rng.normal(size=3)
    up = rng.normal(size=conv.conv2d(x, w, b, stride, padding).shape)
    dx, dw, db = conv.conv2d_backward(up, x, w, stride, padding)
    loss = lambda x_, w_, b_: np.sum(up * conv.conv2d(x_, w_, b_, stride, padding))
    assert nn.relative_error(dx, nn.numerical_gradient(lambda v: loss(v, w, b), x)) <= TOL
    assert nn.relative_error(dw, nn.numerical_gradient(lambda v: loss(x, v, b), w)) <= TOL
    assert nn.relative_error(db, nn.numerical_gradient(lambda v: loss(x, w, v), b)) <= TOL


def test_single_image_and_single_filter():
    x, w = rng.normal(size=(6, 6)), rng.normal(size=(3, 3))
    out = conv.conv2d(x, w)
    assert out.shape == (4, 4)
    assert np.allclose(out, conv.conv2d(x[None, None], w[None, None])[0, 0])
    dx, dw, db = conv.conv2d_backward(np.ones((4, 4)), x, w)
    assert dx.shape == (6, 6) and dw.shape == (3, 3) and db.shape == (1,)
    assert conv.conv2d(x, rng.normal(size=(3, 1, 3, 3))).shape == (3, 4, 4)


def test_max_pool_forward():
    x = np.array([[1, 2, 5, 0], [3, 4, 1, 1], [0, 0, 2, 2], [0, 9, 2, 2.0]])
    assert np.array_equal(conv.max_pool2d(x), [[4, 5], [9, 2]])
    assert conv.max_pool2d(x, size=3, stride=1).shape == (2, 2)


@pytest.mark.parametrize("size, stride", [(2, None), (3, 1), (2, 1), (3, 2)])
def test_max_pool_backward_against_central_differences(size, stride):
    x = rng.normal(size=(2, 3, 7, 6))  # distinct values: the maximum of each window is unique
    up = rng.normal(size=conv.max_pool2d(x, size, stride).shape)
    dx = conv.max_pool2d_backward(up, x, size, stride)
    numeric = nn.numerical_gradient(lambda v: np.sum(up * conv.max_pool2d(v, size, stride)), x)
    assert nn.relative_error(dx, numeric) <= TOL


def test_max_pool_backward_sends_a_tie_to_the_first_maximum():
    x = np.array([[1.0, 1.0], [1.0, 0.0]])
    assert np.array_equal(conv.max_pool2d_backward(np.array([[5.0]]), x), [[5, 0], [0, 0]])


@pytest.mark.parametrize("call, words", [
    (lambda: conv.conv2d(np.ones((1, 2, 5, 5)), np.ones((3, 1, 3, 3))), "(F, 2, kh, kw)"),
    (lambda: conv.conv2d(np.ones((1, 1, 2, 5)), np.ones((1, 1, 3, 3))), "H' = ⌊(H + 2·padding − kh) / stride⌋ + 1"),
    (lambda: conv.conv2d(np.ones((5, 5, 5)), np.ones((3, 3))), "(N, C, H, W) or (H, W)"),
    (lambda: conv.conv2d(np.ones((5, 5)), np.ones((3, 3)), b=np.ones(2)), "b must have shape (1,)"),
    (lambda: conv.conv2d(np.ones((5, 5)), np.ones((3, 3)), stride=0), "stride"),
    (lambda: conv.conv2d_backward(np.ones((2, 2)), np.ones((5, 5)), np.ones((3, 3))), "(3, 3)"),
    (lambda: conv.max_pool2d(np.ones((1, 1, 1, 5))), "does not fit"),
    (lambda: conv.max_pool2d_backward(np.ones((3, 3)), np.ones((4, 4))), "(2, 2)"),
])
def test_errors_name_the_expected_shape(call, words):
    with pytest.raises(ValueError) as err:
        call()
    assert words in str(err.value)


def test_vectorised_speed_is_a_benchmark_not_a_test_but_the_batch_axis_is_not_looped():
    # a batch of 256 images goes through the same single matrix product as one image
    x, w = rng.normal(size=(256, 1, 8, 8)), rng.normal(size=(4, 1, 3, 3))
    out = conv.conv2d(x, w)
    assert np.allclose(out[17], conv.conv2d(x[17:18], w)[0])
