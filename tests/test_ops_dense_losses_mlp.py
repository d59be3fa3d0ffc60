"""dlmath.nn: every op against central differences (float64, relative error ≤ 1e-7), extreme inputs
without warnings, shape errors that name the expected shape, and the MLP's backward pass."""
import warnings

import numpy as np
import pytest

from dlmath import calculus, ops
from dlmath.models import MLP

rng = np.random.default_rng(0)
TOL = 1e-7


def check_backward(forward, backward, x, upstream):
    """Compare backward(upstream) with central differences of Σ upstream ⊙ forward(x)."""
    numeric = calculus.numerical_gradient(lambda v: np.sum(upstream * forward(v)), x)
    assert calculus.relative_error(backward(upstream), numeric) <= TOL


def test_dense_forward_is_the_books_sum():
    a, W, b = rng.normal(size=(4, 3)), rng.normal(size=(2, 3)), rng.normal(size=2)
    z = ops.dense(a, W, b)
    assert z.shape == (4, 2)
    assert np.isclose(z[1, 0], sum(W[0, i] * a[1, i] for i in range(3)) + b[0])
    assert np.allclose(ops.dense(a[1], W, b), z[1:2])  # one sample is a batch of one


def test_dense_backward_against_central_differences():
    a, W, b = rng.normal(size=(5, 4)), rng.normal(size=(3, 4)), rng.normal(size=3)
    up = rng.normal(size=(5, 3))
    check_backward(lambda v: ops.dense(v, W, b), lambda d: ops.dense_backward(d, a, W)[0], a, up)
    check_backward(lambda v: ops.dense(a, v, b), lambda d: ops.dense_backward(d, a, W)[1], W, up)
    check_backward(lambda v: ops.dense(a, W, v), lambda d: ops.dense_backward(d, a, W)[2], b, up)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "softsign", "identity"])
def test_activation_backward(name):
    z = rng.normal(size=(4, 3)) + 0.05  # away from ReLU's corner
    up = rng.normal(size=z.shape)
    check_backward(lambda v: ops.activation(v, name), lambda d: ops.activation_backward(d, z, name), z, up)


def test_softmax_and_its_backward():
    z = rng.normal(size=(4, 5))
    p = ops.softmax(z)
    assert np.allclose(p.sum(axis=1), 1) and np.all(p > 0)
    assert np.allclose(ops.softmax(z + 100.0), p)  # shift invariance
    up = rng.normal(size=z.shape)
    check_backward(ops.softmax, lambda d: ops.softmax_backward(d, p), z, up)


@pytest.mark.parametrize("loss, backward, make", [
    (ops.squared_error, ops.squared_error_backward, lambda s: rng.normal(size=s)),
    (ops.cross_entropy, ops.cross_entropy_backward, lambda s: rng.uniform(0.1, 0.9, size=s)),
    (ops.binary_cross_entropy, ops.binary_cross_entropy_backward, lambda s: rng.uniform(0.1, 0.9, size=s)),
])
def test_losses_against_central_differences(loss, backward, make):
    y, t = make((3, 4)), rng.uniform(0, 1, size=(3, 4))
    numeric = calculus.numerical_gradient(lambda v: np.sum(loss(v, t)), y)
    assert calculus.relative_error(backward(y, t), numeric) <= TOL


def test_squared_error_has_the_half():
    assert np.isclose(ops.squared_error([1.0, 3.0], [0.0, 1.0]), 0.5 * (1 + 4))


def test_softmax_cross_entropy_matches_the_composition_and_its_gradient():
    z, labels = rng.normal(size=(6, 4)), np.array([0, 3, 1, 1, 2, 0])
    loss, dz = ops.softmax_cross_entropy(z, labels)
    assert np.isclose(loss, np.mean(ops.cross_entropy(ops.softmax(z), ops.one_hot(labels, 4))))
    assert calculus.gradient_check(lambda v: ops.softmax_cross_entropy(v, labels), z) <= TOL
    assert calculus.relative_error(dz, calculus.numerical_gradient(lambda v: ops.softmax_cross_entropy(v, labels)[0], z)) <= TOL


def test_extreme_inputs_give_no_warnings_and_finite_values():
    z = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, -1e4]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = ops.softmax(z)
        loss, dz = ops.softmax_cross_entropy(z, np.array([1, 0]))
        ce = ops.cross_entropy(p, np.eye(3)[[1, 0]])
        bce = ops.binary_cross_entropy(ops.activation(z, "sigmoid"), np.ones_like(z))
        mlp = MLP((3, 4, 3), output="softmax", loss="cross_entropy")
        mlp.forward(z)
        mlp.backward(np.eye(3)[[1, 0]])
    assert np.allclose(p[0], [1, 0, 0]) and np.allclose(p[1], 1 / 3)
    # sample 1: −log softmax of the losing class is the gap 2·10⁴; sample 2: a tie of three, log 3
    assert np.isclose(loss, (2e4 + np.log(3)) / 2)
    assert all(np.all(np.isfinite(v)) for v in (dz, ce, bce))


def test_gradient_check_catches_a_wrong_gradient():
    f_right = lambda v: (np.sum(v ** 3), 3 * v ** 2)
    f_wrong = lambda v: (np.sum(v ** 3), 2 * v ** 2)
    x = rng.normal(size=(3, 2))
    assert calculus.gradient_check(f_right, x) <= TOL
    assert calculus.gradient_check(f_wrong, x) > 0.1


@pytest.mark.parametrize("hidden, output, loss", [
    ("sigmoid", "sigmoid", "squared_error"),  # the book's 12-3-2 net
    ("sigmoid", "sigmoid", "binary_cross_entropy"),
    ("relu", "softmax", "cross_entropy"),
    ("tanh", "identity", "squared_error"),
    ("sigmoid", "identity", "cross_entropy"),  # unmatched: goes through the loss's own backward
])
def test_mlp_backward_against_central_differences(hidden, output, loss):
    net = MLP((5, 4, 3, 3), hidden=hidden, output=output, loss=loss, seed=1)
    x = rng.normal(size=(7, 5)) + 0.01
    t = ops.one_hot(rng.integers(0, 3, size=7), 3) if loss != "squared_error" else rng.normal(size=(7, 3))
    if output == "identity" and loss == "cross_entropy":
        x = rng.uniform(0.5, 1.0, size=(7, 5))  # keep the "probabilities" positive
        net.W = [np.abs(W) for W in net.W]
    net.forward(x)
    dW, db = net.backward(t)
    for l in range(len(net.W)):
        for params, grads in ((net.W, dW), (net.b, db)):
            def loss_at(v, params=params, l=l):
                keep = params[l]
                params[l] = v
                value = net.loss_value(net.forward(x), t)
                params[l] = keep
                return value
            assert calculus.relative_error(grads[l], calculus.numerical_gradient(loss_at, params[l].copy())) <= TOL


def test_mlp_counts_the_books_47_parameters_and_learns_zero_and_one():
    from dlmath import datasets
    data = datasets.zero_one_images()
    net = MLP((12, 3, 2), seed=1)
    assert net.n_parameters == 47
    before = net.loss_value(net.forward(data.x), data.t)
    history = net.fit(data.x, data.t, eta=2.0, epochs=200, batch_size=len(data.x), progress=False)
    assert history[-1] < before / 5 and net.accuracy(data.x, data.labels) == 1.0


def test_mlp_fit_is_seeded_and_takes_labels():
    from dlmath import datasets
    d = datasets.digits()
    runs = []
    for _ in range(2):
        net = MLP((64, 32, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=3)
        runs.append(net.fit(d.x_train, d.y_train, eta=0.1, epochs=3, momentum=0.9, seed=4, progress=False))
    assert runs[0] == runs[1] and runs[0][-1] < runs[0][0]
    assert net.accuracy(d.x_test, d.y_test) > 0.85


@pytest.mark.parametrize("call, words", [
    (lambda: ops.dense(np.ones((2, 4)), np.ones((3, 5)), np.ones(3)), "(N, 5)"),
    (lambda: ops.dense(np.ones((2, 5)), np.ones((3, 5)), np.ones(2)), "b must have shape (3,)"),
    (lambda: ops.dense(np.ones((2, 5)), np.ones(5), np.ones(1)), "(n_out, n_in)"),
    (lambda: ops.softmax_cross_entropy(np.ones((2, 3)), np.array([0, 3])), "0…2"),
    (lambda: ops.squared_error(np.ones(3), np.ones(2)), "t must have the shape"),
    (lambda: MLP((12, 3, 2)).forward(np.ones((4, 11))), "(N, 12)"),
    (lambda: MLP((12, 3, 2)).backward(np.ones(2)), "forward"),
    (lambda: MLP((12, 3, 2), hidden="swish"), "unknown activation"),
])
def test_errors_name_the_expected_shape(call, words):
    with pytest.raises((ValueError, RuntimeError)) as err:
        call()
    assert words in str(err.value)


def test_fit_records_accuracies_and_full_batch_is_plain_gradient_descent():
    from dlmath import datasets
    data = datasets.zero_one_images()
    net = MLP((12, 3, 2), seed=2)
    by_hand = MLP((12, 3, 2), seed=2)
    history = net.fit(data.x, data.t, eta=1.5, epochs=5, batch_size=len(data.x), progress=False,
                      validation=(data.x[:10], data.labels[:10]))
    expected = []
    for _ in range(5):
        by_hand.forward(data.x)
        dW, db = by_hand.backward(data.t)
        for p, g in zip(by_hand.W + by_hand.b, dW + db):
            p -= 1.5 * g
        y = by_hand.forward(data.x)
        expected.append((by_hand.loss_value(y, data.t), np.mean(y.argmax(axis=1) == data.labels),
                         by_hand.accuracy(data.x[:10], data.labels[:10])))
    np.testing.assert_allclose(history, [e[0] for e in expected], rtol=1e-12)
    np.testing.assert_allclose(net.train_accuracy, [e[1] for e in expected])
    np.testing.assert_allclose(net.val_accuracy, [e[2] for e in expected])
    for W, V in zip(net.W, by_hand.W):
        np.testing.assert_allclose(W, V, rtol=1e-12)


def test_fit_minibatches_match_the_checked_forward_and_backward():
    """The unchecked inner loop of fit takes the same steps as forward/backward called one by one."""
    from dlmath import datasets
    d = datasets.digits()
    x, y = d.x_train[:100], d.y_train[:100]
    net = MLP((64, 16, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=5)
    ref = MLP((64, 16, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=5)
    net.fit(x, y, eta=0.1, epochs=2, batch_size=32, momentum=0.9, seed=3, progress=False)
    rng = np.random.default_rng(3)
    t = ops.one_hot(y, 10)
    velocity = [np.zeros_like(p) for p in ref.W + ref.b]
    for _ in range(2):
        order = rng.permutation(100)
        for start in range(0, 100, 32):
            batch = order[start:start + 32]
            ref.forward(x[batch])
            dW, db = ref.backward(t[batch])
            for p, g, v in zip(ref.W + ref.b, dW + db, velocity):
                v *= 0.9
                v -= 0.1 * g
                p += v
    for a, b in zip(net.W + net.b, ref.W + ref.b):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("kwargs, words", [
    ({"batch_size": 0}, "batch_size"),
    ({"validation": (np.ones((3, 11)), np.zeros(3, dtype=int))}, "(N, 12)"),
    ({"validation": (np.ones((3, 12)), np.array([0, 1, 2]))}, "0…1"),
])
def test_fit_errors_name_what_is_wrong(kwargs, words):
    from dlmath import datasets
    data = datasets.zero_one_images()
    with pytest.raises(ValueError) as err:
        MLP((12, 3, 2)).fit(data.x, data.t, epochs=1, progress=False, **kwargs)
    assert words in str(err.value)


def test_numerical_gradient_of_a_transposed_or_strided_array():
    # a non-contiguous x must still be perturbed entry by entry (a flat view of a copy, not a copy of a copy)
    base = np.arange(1.0, 13.0).reshape(3, 4)
    for x in (base.T, base[:, ::2]):
        grad = calculus.numerical_gradient(lambda v: np.sum(v ** 3), x)
        assert grad.shape == x.shape
        assert calculus.relative_error(grad, 3 * x ** 2) <= 1e-8
