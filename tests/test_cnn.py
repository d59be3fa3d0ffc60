"""dlmath.cnn: every parameter's gradient against central differences (float64, ≤ 1e-7), the unit errors,
training on the digits and on the book's images, clear shape errors."""
import numpy as np
import pytest

from dlmath import calculus, datasets, ops
from dlmath.models import CNN

TOL = 1e-7


def _flat_check(net, x, t):
    """The largest relative error over all parameters of `net` between backward and central differences."""
    net.forward(x)
    dW, db = net.backward(t)
    worst = 0.0
    for params, grads in ((net.W, dW), (net.b, db)):
        for p, g in zip(params, grads):
            def loss(v, p=p):
                keep = p.copy()
                p[...] = v
                value = net.loss_value(net.forward(x), t)
                p[...] = keep
                return value
            worst = max(worst, calculus.relative_error(g, calculus.numerical_gradient(loss, p)))
    return worst


@pytest.mark.parametrize("kwargs", [
    dict(input_shape=(2, 6, 5), filters=(3, 2), padding=1, activation="tanh", n_outputs=4),
    dict(input_shape=(1, 6, 6), filters=(3,), padding=0, activation="sigmoid", n_outputs=3, output="sigmoid",
         loss="squared_error"),
    dict(input_shape=(1, 7, 7), filters=(2,), kernel=2, padding=0, pool=3, activation="sigmoid", n_outputs=3),
])
def test_every_gradient_against_central_differences(kwargs):
    rng = np.random.default_rng(3)
    net = CNN(seed=2, **kwargs)
    for b in net.b:  # non-zero biases, so a forgotten bias term shows
        b += rng.normal(scale=0.3, size=b.shape)
    x = rng.normal(size=(3, *net.shapes[0]))
    t = np.eye(net.n_outputs)[rng.integers(0, net.n_outputs, size=3)]
    assert _flat_check(net, x, t) <= TOL


def test_the_unit_errors_are_the_derivatives_of_the_loss_by_z():
    """δ of the conv layer = ∂(mean C)/∂z, checked by nudging z through a hook in the forward pass."""
    rng = np.random.default_rng(4)
    net = CNN((1, 6, 6), filters=(3,), padding=0, activation="sigmoid", n_outputs=3, output="sigmoid",
                  loss="squared_error", seed=1)
    x, t = rng.normal(size=(2, 1, 6, 6)), np.eye(3)[[0, 2]]
    net.forward(x)
    net.backward(t)
    z = ops.conv2d(x, net.W[0], net.b[0])

    def loss_of_z(zv):
        a = 1 / (1 + np.exp(-zv))
        pooled = ops.max_pool2d(a).reshape(2, -1)
        y = 1 / (1 + np.exp(-(pooled @ net.W[1].T + net.b[1])))
        return np.mean(ops.squared_error(y, t))
    assert calculus.relative_error(net.deltas[0], calculus.numerical_gradient(loss_of_z, z)) <= TOL
    assert net.deltas[0].shape == (2, 3, 4, 4) and net.deltas[1].shape == (2, 3)


def test_shapes_follow_the_output_size_formula():
    net = CNN()
    assert net.shapes == [(1, 8, 8), (8, 4, 4), (16, 2, 2)]
    assert net.n_parameters == 8 * 9 + 8 + 16 * 8 * 9 + 16 + 64 * 10 + 10
    book = CNN((1, 6, 6), filters=(3,), padding=0, n_outputs=3)
    assert book.shapes == [(1, 6, 6), (3, 2, 2)]
    maps = book.feature_maps(np.zeros((6, 6)))
    assert maps[0][0].shape == (1, 3, 4, 4) and maps[0][1].shape == (1, 3, 2, 2)


def test_rows_images_and_single_images_give_the_same_outputs():
    net = CNN(seed=1)
    x = datasets.digits().x_test[:5]
    rows = net.forward(x)
    assert np.allclose(rows, net.forward(x.reshape(5, 1, 8, 8)))
    assert np.allclose(rows, net.forward(x.reshape(5, 8, 8)))
    assert np.allclose(rows[2], net.forward(x[2].reshape(8, 8))[0])


def test_training_on_the_digits_learns():
    d = datasets.digits()
    net = CNN(seed=0)
    before = net.accuracy(d.x_test, d.y_test)
    net.fit(d.x_train, d.y_train, eta=0.05, epochs=3, batch_size=32, momentum=0.9, progress=False,
            validation=(d.x_test, d.y_test))
    assert before < 0.3 and net.accuracy(d.x_test, d.y_test) > 0.75
    assert len(net.history) == 3 and net.history[-1] < net.history[0] and len(net.val_accuracy) == 3


def test_the_book_network_learns_the_book_images():
    x, labels, t = datasets.book_images()
    assert x.shape[1:] == (6, 6) and set(np.unique(x)) == {0.0, 1.0} and np.bincount(labels).min() >= 5
    assert len({img.tobytes() for img in x}) == len(x)  # no image twice
    with pytest.raises(ValueError):
        x[0, 0, 0] = 5.0  # read-only
    net = CNN((1, 6, 6), filters=(3,), padding=0, activation="sigmoid", n_outputs=3, output="sigmoid",
                  loss="squared_error", seed=1)
    net.fit(x, t, eta=3.0, epochs=300, batch_size=len(x), progress=False)
    assert net.history[-1] < net.history[0] / 5 and net.train_accuracy[-1] == 1.0


def test_book_filters_are_3x3_pattern_detectors():
    assert len(datasets.BOOK_FILTERS) == 3
    for w in datasets.BOOK_FILTERS.values():
        assert w.shape == (3, 3) and w.sum() < 0 and not w.flags.writeable
    vertical = datasets.BOOK_FILTERS["vertical stroke"]
    image = np.zeros((6, 6))
    image[:, 2] = 1.0
    fmap = ops.conv2d(image, vertical)
    assert np.all(fmap[:, 1] == fmap.max()) and fmap.max() == 3.0  # lights up exactly on the stroke


@pytest.mark.parametrize("call, words", [
    (lambda: CNN().forward(np.ones((2, 63))), "(N, 1, 8, 8) or (N, 64)"),
    (lambda: CNN((1, 4, 4), filters=(2, 2, 2)), "do not fit"),
    (lambda: CNN(input_shape=(8, 8)), "(C, H, W)"),
    (lambda: CNN().backward(np.ones(10)), "forward"),
])
def test_errors_say_what_was_expected(call, words):
    with pytest.raises((ValueError, RuntimeError)) as err:
        call()
    assert words in str(err.value)
