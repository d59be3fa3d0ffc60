"""Chapter 12's explorers, headless: momentum's (η, β) plane, the optimiser race, overfitting against weight decay."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlmath.explorers.momentum import LAM_MAX, LAM_MIN, momentum_explorer, momentum_run, momentum_state
from dlmath.optimize import optimal_momentum


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_the_run_is_the_heavy_ball_and_its_rate_is_the_radius():
    eta, beta = 0.05, 0.6
    path, loss = momentum_run(eta, beta, steps=400)
    state = momentum_state(eta, beta, steps=400)
    # the distance to the minimum shrinks, in the long run, by the radius per step
    d = np.linalg.norm(path, axis=1)
    assert (d[-1] / d[-101]) ** (1 / 100) == pytest.approx(state["radius"], rel=0.02)
    assert "converges" in state["readout"]


def test_beyond_the_edge_it_diverges_and_says_why():
    beta = 0.3
    state = momentum_state(2 * (1 + beta) / LAM_MAX * 1.05, beta)
    assert state["radius"] > 1 and state["readout"].startswith("diverges")
    path, _ = momentum_run(2 * (1 + beta) / LAM_MAX * 1.05, beta, steps=2000)
    assert len(path) < 2001  # stopped when it left the range: no overflow warnings


def test_the_optimal_point_is_the_fastest_on_the_ravine():
    eta, beta, rate = optimal_momentum(LAM_MIN, LAM_MAX)
    assert momentum_state(eta, beta)["radius"] == pytest.approx(rate)
    assert rate == pytest.approx(4 / 6)  # (√κ − 1)/(√κ + 1) with κ = 25


def test_the_sliders_move_the_point_and_the_path():
    explorer = momentum_explorer()
    explorer.fig.canvas.draw()
    before = np.asarray(explorer.fig.canvas.buffer_rgba()).copy()
    explorer.controls["beta"].value = 0.8
    assert explorer.lines["point"].get_ydata()[0] == pytest.approx(0.8)
    assert not np.array_equal(before, np.asarray(explorer.fig.canvas.buffer_rgba()))


def test_the_race_runs_each_optimiser_of_the_lib_and_momentum_wins_at_the_defaults():
    from dlmath.explorers.race import RAVINE, race, race_explorer
    runs = race(0.04, 0.8, 0.2, steps=80)
    assert set(runs) == {"gradient descent", "momentum", "Adam"}
    final = {name: loss[-1] for name, (path, loss) in runs.items()}
    assert final["momentum"] < final["gradient descent"]
    assert all(np.allclose(loss, RAVINE.f(path)) for path, loss in runs.values())
    explorer = race_explorer()
    before = explorer.lines["path Adam"].get_xdata().copy()
    explorer.controls["eta_adam"].value = 0.5
    assert not np.array_equal(before, explorer.lines["path Adam"].get_xdata())


# ------------------------------------------------------------------ overfitting against weight decay

SMALL = dict(decays=np.array([1e-4, 1e-1]), n_train=60, hidden=16, epochs=6)


@pytest.fixture(scope="module")
def small_curves():
    from dlmath.explorers.overfitting import overfitting_curves
    return overfitting_curves(**SMALL, progress=False)


def test_the_curves_are_the_runs_of_fit_with_that_weight_decay(small_curves):
    from dlmath import datasets
    from dlmath.models import MLP
    from dlmath.optimizers import SGD
    assert all(small_curves[k].shape == (2, 6) for k in small_curves if k != "decays")
    d = datasets.digits()
    x_fit, x_val, y_fit, y_val = datasets.validation_split(d.x_train, d.y_train)
    net = MLP((64, 16, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=0)
    net.fit(x_fit[:60], y_fit[:60], epochs=6, seed=0, progress=False, optimizer=SGD(0.1, 0.9, weight_decay=0.1),
            validation=(x_val, y_val))
    assert small_curves["val_loss"][1] == pytest.approx(net.val_loss)
    assert small_curves["train_loss"][1] == pytest.approx(net.history)
    # and the strong decay keeps the training loss higher than the weak one
    assert small_curves["train_loss"][1, -1] > small_curves["train_loss"][0, -1]


def test_the_state_takes_the_nearest_decay_and_the_stopping_epoch(small_curves):
    from dlmath.explorers.overfitting import overfitting_state
    state = overfitting_state(0.05, 3, small_curves)  # nearer 1e-1 than 1e-4 on a log scale
    assert np.array_equal(state["val"][1], small_curves["val_loss"][1])
    assert state["stop"][0] == [3, 3]
    assert state["chosen_val"][1] == [small_curves["val_loss"][1, -1]]
    assert f"{small_curves['val_loss'][1, 2]:.3f} on validation" in state["readout"]
    assert overfitting_state(1e-9, 99, small_curves)["stop"][0] == [6, 6]  # clipped


def test_the_chapters_premise_memorising_without_decay_and_a_best_decay_in_between():
    """What chapter 12's text says of the nine runs: without decay the training loss ends far below the
    validation loss, whose lowest point comes long before the last epoch; the validation loss after the
    last epoch is lowest at a λ inside the range, not at either end."""
    from dlmath.explorers.overfitting import overfitting_curves
    curves = overfitting_curves(progress=False)
    assert curves["train_loss"][0, -1] < 0.01 < 0.2 < curves["val_loss"][0, -1]
    assert curves["train_accuracy"][0, -1] == 1.0
    assert np.argmin(curves["val_loss"][0]) < 50
    best = np.argmin(curves["val_loss"][:, -1])
    assert 0 < best < len(curves["val_loss"]) - 1
    assert curves["train_loss"][-1, -1] > 0.5  # the largest decay underfits


def test_the_overfitting_sliders_move_the_curves(small_curves):
    from dlmath.explorers.overfitting import overfitting_explorer
    explorer = overfitting_explorer(decay=1e-4, epoch=6, curves=small_curves)
    assert (explorer.controls["decay"].min, explorer.controls["decay"].max) == (-4, -1)
    explorer.fig.canvas.draw()
    before = np.asarray(explorer.fig.canvas.buffer_rgba()).copy()
    explorer.controls["decay"].value = 1e-1
    assert np.array_equal(explorer.lines["val"].get_ydata(), small_curves["val_loss"][1])
    explorer.controls["epoch"].value = 2
    assert list(explorer.lines["stop"].get_xdata()) == [2, 2]
    assert not np.array_equal(before, np.asarray(explorer.fig.canvas.buffer_rgba()))
