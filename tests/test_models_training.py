"""The models apart from their training: parameters(), a network from given weights, fit(model, …) with an
optimiser as an argument, and what fit records. (Each model's gradients against central differences:
test_ops_dense_losses_mlp.py and test_cnn.py.)"""
import numpy as np
import pytest

from dlmath import datasets, ops, training
from dlmath.models import CNN, MLP, Model
from dlmath.optimizers import SGD


def small_data(seed=0, n=40):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 5))
    return x, (x[:, 0] + x[:, 1] > 0).astype(int)


def test_parameters_are_the_models_own_arrays_in_the_order_of_the_gradients():
    net = MLP((5, 4, 3), hidden="tanh", output="softmax", loss="cross_entropy", seed=1)
    params = net.parameters()
    assert all(p is q for p, q in zip(params, net.W + net.b)) and len(params) == 4
    net.forward(np.ones((2, 5)))
    dW, db = net.backward(np.eye(3)[[0, 2]])
    assert [g.shape for g in dW + db] == [p.shape for p in params]
    assert net.n_parameters == 5 * 4 + 4 + 4 * 3 + 3


def test_a_network_from_given_weights_computes_with_them_and_keeps_its_own_copies():
    rng = np.random.default_rng(2)
    W = [rng.normal(size=(3, 4)), rng.normal(size=(2, 3))]
    b = [rng.normal(size=3), rng.normal(size=2)]
    net = MLP.from_weights(W, b, hidden="relu", output="identity", loss="squared_error")
    x = rng.normal(size=(5, 4))
    by_hand = np.maximum(x @ W[0].T + b[0], 0) @ W[1].T + b[1]
    assert np.allclose(net.forward(x), by_hand)
    W[0][:] = 0.0  # changing the arrays passed in does not change the network
    assert np.allclose(net.forward(x), by_hand) and net.sizes == (4, 3, 2)


@pytest.mark.parametrize("W, b, message", [
    ([np.ones((3, 4)), np.ones((2, 5))], [np.ones(3), np.ones(2)], r"layer 1: W must have shape \(2, 3\)"),
    ([np.ones((3, 4))], [np.ones(4)], r"layer 0: W must have shape \(3, n_in\) and b shape \(n_out,\)"),
    ([np.ones((3, 4))], [], "the same number"),
])
def test_weights_that_do_not_fit_together_are_refused_with_the_expected_shape(W, b, message):
    with pytest.raises(ValueError, match=message):
        MLP.from_weights(W, b)


def test_fit_with_an_sgd_optimiser_is_what_the_fit_method_does():
    x, y = small_data()
    a = MLP((5, 6, 2), hidden="relu", output="softmax", loss="cross_entropy", seed=3)
    b = MLP((5, 6, 2), hidden="relu", output="softmax", loss="cross_entropy", seed=3)
    record = training.fit(a, x, y, SGD(eta=0.3, momentum=0.9), epochs=4, batch_size=8, seed=5)
    history = b.fit(x, y, eta=0.3, momentum=0.9, epochs=4, batch_size=8, seed=5)
    assert record.loss == history == b.history and record.train_accuracy == b.train_accuracy
    for p, q in zip(a.parameters(), b.parameters()):
        assert np.array_equal(p, q)
    assert record.loss[-1] < record.loss[0]


class Recorder:
    """An optimiser that only remembers what it is given: fit must hand it the model's own arrays."""

    def __init__(self):
        self.calls = []

    def step(self, params, grads):
        self.calls.append(([id(p) for p in params], [g.shape for g in grads]))


def test_fit_hands_any_optimiser_the_models_parameters_and_gradients_once_per_batch():
    x, y = small_data(n=20)
    net = MLP((5, 3, 2), hidden="sigmoid", output="sigmoid", loss="binary_cross_entropy")
    opt = Recorder()
    record = training.fit(net, x, y, opt, epochs=3, batch_size=8)
    assert len(opt.calls) == 3 * 3  # ⌈20 / 8⌉ batches per epoch
    ids, shapes = opt.calls[0]
    assert ids == [id(p) for p in net.parameters()] and shapes == [p.shape for p in net.parameters()]
    assert len(record.loss) == 3 and len(set(record.loss)) == 1  # nothing stepped, nothing changed


def test_full_batch_fit_is_gradient_descent_on_the_mean_loss():
    x, y = small_data(n=12)
    net = MLP((5, 2), hidden="sigmoid", output="softmax", loss="cross_entropy", seed=0)
    start = [p.copy() for p in net.parameters()]
    record = training.fit(net, x, y, SGD(eta=0.5), epochs=1, batch_size=len(x))
    ref = MLP.from_weights(start[:1], start[1:], output="softmax", loss="cross_entropy")
    _, dW, db = ref.loss_and_gradients(x, ops.one_hot(y, 2))
    assert np.allclose(net.W[0], start[0] - 0.5 * dW[0]) and np.allclose(net.b[0], start[1] - 0.5 * db[0])
    assert record.loss[0] == pytest.approx(net.loss_value(net.forward(x), ops.one_hot(y, 2)))


def test_validation_accuracy_is_recorded_per_epoch():
    d = datasets.digits()
    net = MLP((64, 16, 10), hidden="relu", output="softmax", loss="cross_entropy")
    record = training.fit(net, d.x_train[:200], d.y_train[:200], SGD(0.2, 0.9), epochs=3,
                          validation=(d.x_test[:50], d.y_test[:50]))
    assert len(record.val_accuracy) == 3 and 0 <= min(record.val_accuracy) <= max(record.val_accuracy) <= 1
    assert "validation" in record.summary()


@pytest.mark.parametrize("kwargs, message", [
    ({"batch_size": 0}, "batch_size must be a positive whole number"),
    ({"batch_size": 2.5}, "batch_size must be a positive whole number"),
    ({"validation": (np.zeros((3, 5)), [0, 1, 7])}, r"labels must be integer class numbers in 0…1"),
])
def test_fit_refuses_what_it_cannot_use(kwargs, message):
    x, y = small_data(n=10)
    with pytest.raises(ValueError, match=message):
        training.fit(MLP((5, 2), output="softmax", loss="cross_entropy"), x, y, **kwargs)


def test_targets_of_the_wrong_length_name_the_expected_rows():
    x, y = small_data(n=10)
    with pytest.raises(ValueError, match=r"one row per sample of x \(10\)"):
        training.fit(MLP((5, 2), output="softmax", loss="cross_entropy"), x, y[:7])


@pytest.mark.parametrize("eta, momentum", [(0.0, 0.0), (-1.0, 0.0), (float("nan"), 0.0), (0.1, 1.0)])
def test_sgd_refuses_a_learning_rate_or_momentum_that_cannot_train(eta, momentum):
    with pytest.raises(ValueError):
        SGD(eta, momentum)


def test_sgd_with_momentum_is_the_heavy_ball_recurrence():
    p, opt = np.array([1.0, -2.0]), SGD(eta=0.1, momentum=0.5)
    g1, g2 = np.array([1.0, 1.0]), np.array([2.0, 0.0])
    opt.step([p], [g1])
    opt.step([p], [g2])
    v1 = -0.1 * g1
    assert np.allclose(p, [1.0, -2.0] + v1 + (0.5 * v1 - 0.1 * g2))


def test_a_cnn_is_a_model_not_an_mlp_and_trains_with_the_same_fit():
    net = CNN((1, 6, 6), filters=(3,), padding=0, activation="sigmoid", n_outputs=3, output="sigmoid",
              loss="squared_error")
    assert isinstance(net, Model) and not isinstance(net, MLP) and net.n_outputs == 3
    assert not hasattr(net, "sizes")
    x, labels, t = datasets.book_images()
    record = training.fit(net, x, t, SGD(3.0), epochs=30, batch_size=len(x))
    assert record.loss[-1] < record.loss[0] and len(net.parameters()) == 4


def test_no_progress_bar_outside_jupyter_unless_asked():
    assert training.progress_bar(10, "training") is None
    bar = training.progress_bar(10, "training", show=True)
    try:
        assert bar is not None and bar.total == 10
    finally:
        bar.close()


def test_training_goes_on_without_a_bar_when_tqdm_is_missing(monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # `import tqdm.auto` now raises ImportError
    assert training.progress_bar(10, "training", show=True) is None
    x, y = small_data(n=10)
    record = training.fit(MLP((5, 2), output="softmax", loss="cross_entropy"), x, y, epochs=2, progress=True)
    assert len(record.loss) == 2


def test_a_schedule_sets_the_learning_rate_of_each_epoch_and_it_is_recorded():
    from dlmath.optimizers import Adam, step_decay
    x, y = small_data()
    optimizer = Adam(0.5)
    record = training.fit(MLP((5, 3, 2), output="softmax", loss="cross_entropy"), x, y, optimizer, epochs=5,
                          batch_size=10, schedule=step_decay(0.02, 0.5, 2))
    assert record.eta == [0.02, 0.02, 0.01, 0.01, 0.005] and optimizer.eta == 0.005


def test_augment_changes_each_batch_but_never_the_data_set():
    x, y = small_data()
    x_before, seen = x.copy(), []

    def flip_and_spoil(batch, rng):
        seen.append(batch.shape)
        batch *= -1  # works on a copy: the rows of x stay as they were
        return batch

    net = MLP((5, 3, 2), output="softmax", loss="cross_entropy")
    plain = MLP((5, 3, 2), output="softmax", loss="cross_entropy")
    net.fit(x, y, eta=0.5, epochs=2, batch_size=16, augment=flip_and_spoil)
    plain.fit(x, y, eta=0.5, epochs=2, batch_size=16)
    np.testing.assert_array_equal(x, x_before)
    assert seen == [(16, 5), (16, 5), (8, 5)] * 2
    assert not np.allclose(net.W[0], plain.W[0])
    with pytest.raises(ValueError, match=r"batch of the shape it was given, \(16, 5\)"):
        net.fit(x, y, epochs=1, batch_size=16, augment=lambda b, rng: b[:, :2])


def test_model_fit_takes_any_optimiser():
    from dlmath.optimizers import Adam
    x, y = small_data()
    net = MLP((5, 8, 2), hidden="relu", output="softmax", loss="cross_entropy", seed=3)
    history = net.fit(x, y, epochs=30, batch_size=8, optimizer=Adam(0.01))
    assert history[-1] < history[0] / 2 and net.accuracy(x, y) > 0.9


def test_validation_loss_is_recorded_per_epoch_and_is_the_models_loss_there():
    d = datasets.digits()
    net = MLP((64, 16, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=0)
    net.fit(d.x_train[:200], d.y_train[:200], epochs=3, seed=0, validation=(d.x_test, d.y_test))
    assert len(net.val_loss) == 3
    t = np.eye(10)[d.y_test]
    assert net.val_loss[-1] == pytest.approx(net.loss_value(net.forward(d.x_test), t))


# ------------------------------------------------------------------ dropout in the MLP (chapter 12)

def dropout_net(p=0.5):
    return MLP((5, 7, 6, 3), hidden="tanh", output="softmax", loss="cross_entropy", seed=3, dropout=p)


def test_dropout_gradients_match_central_differences_for_one_draw_of_the_masks():
    from dlmath.calculus import gradient_check
    net, rng = dropout_net(), np.random.default_rng(0)
    x, t = rng.normal(size=(4, 5)), np.eye(3)[[0, 2, 1, 2]]
    net.training = True
    for l in range(3):
        def loss_and_grad(W):
            saved, net.W[l] = net.W[l], W
            net.dropout_rng = np.random.default_rng(7)  # the same masks at every evaluation
            loss, dW, _ = net.loss_and_gradients(x, t)
            net.W[l] = saved
            return loss, dW[l]
        assert gradient_check(loss_and_grad, net.W[l].copy()) < 1e-7
    # the masks really drop units: some hidden activations are exactly 0 and the rest are scaled by 2
    net.dropout_rng = np.random.default_rng(7)
    net.forward(x)
    masks = net.cache[2]
    assert len(masks) == 2 and set(np.unique(masks[0])) == {0.0, 2.0}


def test_dropout_acts_only_while_fit_trains():
    net, rng = dropout_net(), np.random.default_rng(1)
    x = rng.normal(size=(8, 5))
    plain = MLP.from_weights(net.W, net.b, hidden="tanh", output="softmax", loss="cross_entropy")
    assert np.array_equal(net.forward(x), plain.forward(x))  # predictions use every unit
    net.fit(x, rng.integers(0, 3, 8), epochs=2, batch_size=4)
    assert net.training is False
    seen = []
    net2 = dropout_net()
    original = net2.forward_unchecked
    net2.forward_unchecked = lambda a: (seen.append(net2.training), original(a))[1]
    net2.fit(x, rng.integers(0, 3, 8), epochs=1, batch_size=4)
    assert seen == [True, True, False]  # two batches with dropout, then the epoch's measurement without


@pytest.mark.parametrize("p", [-0.1, 1.0, 2])
def test_a_dropout_probability_outside_0_1_is_refused(p):
    with pytest.raises(ValueError, match=r"dropout.*\[0, 1\)"):
        dropout_net(p)


def test_dropout_leaves_the_initial_weights_as_without():
    assert all(np.array_equal(a, b) for a, b in zip(dropout_net(0.5).W, dropout_net(0.0).W))


# ------------------------------------------------------------------ initial scales (chapter 12)

def test_init_std_is_each_rules_formula_and_refuses_the_rest():
    from dlmath.models.model import init_std
    assert init_std("he", 50, 10) == pytest.approx(np.sqrt(2 / 50))
    assert init_std("lecun", 50, 10) == pytest.approx(np.sqrt(1 / 50))
    assert init_std("xavier", 50, 10) == pytest.approx(np.sqrt(2 / 60))
    assert init_std(0.1, 50, 10) == 0.1
    for bad in ("glorot_uniform", -0.1, True, None):
        with pytest.raises(ValueError, match="init must be one of"):
            init_std(bad, 50, 10)


def test_networks_start_at_the_scale_asked_for():
    wide = MLP((400, 300, 10), hidden="relu", init="xavier", seed=0)
    assert wide.W[0].std() == pytest.approx(np.sqrt(2 / 700), rel=0.02)
    assert MLP((400, 300, 10), hidden="relu", seed=0).W[0].std() == pytest.approx(np.sqrt(2 / 400), rel=0.02)
    assert MLP((400, 300, 10), hidden="tanh", seed=0).W[0].std() == pytest.approx(np.sqrt(1 / 400), rel=0.02)
    cnn = CNN(filters=(32, 64), seed=0)
    assert cnn.W[1].std() == pytest.approx(np.sqrt(2 / (32 * 9)), rel=0.03)   # He for the ReLU filters
    assert cnn.W[-1].std() == pytest.approx(np.sqrt(1 / 256), rel=0.05)       # LeCun for the dense layer
    assert all(w.std() == pytest.approx(0.1, rel=0.1) for w in CNN(filters=(32, 64), init=0.1, seed=0).W)
