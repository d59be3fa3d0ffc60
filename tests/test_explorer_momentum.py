"""Chapter 12's momentum explorer, headless: the pure state, and that the sliders move the picture."""
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
