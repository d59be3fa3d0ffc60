"""Chapter 04's learning-rate explorer, headless: the pure descent_path and the sliders that drive it."""
import warnings

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlmath import optimize as opt
from dlmath.calculus import gradient as numerical_gradient
from dlmath.explorers.descent import (BOWL, LOSS_RANGE, LOSS_WIDTHS, TOL, VIEW, contour_grid, descent_explorer,
                                      descent_path, downhill_arrows)

LIMIT = BOWL.largest_stable_eta  # 2/λ_max = 0.2 for the explorer's bowl


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def path_of(explorer):
    return np.array(explorer.lines["path"].get_xydata(), copy=True)


def test_the_bowl_gradient_matches_central_differences():
    for p in np.random.default_rng(0).uniform(*VIEW, size=(5, 2)):
        np.testing.assert_allclose(BOWL.grad(p), numerical_gradient(BOWL.f, p), rtol=1e-6, atol=1e-6)
    assert LIMIT == pytest.approx(0.2)


def test_descent_path_is_gradient_descent():
    data = descent_path(0.1, -2.0, 1.0, 30)
    run = opt.gradient_descent(BOWL.grad, [-2.0, 1.0], 0.1, steps=30, tol=TOL, f=BOWL.f)
    xs, ys = data["path"]
    np.testing.assert_allclose(np.column_stack([xs, ys]), run.path)
    np.testing.assert_allclose(data["loss"][1], run.values)
    np.testing.assert_array_equal(data["loss"][0], np.arange(run.steps + 1))
    assert (data["start"][0][0], data["start"][1][0]) == (-2.0, 1.0)
    assert data["status"] == run.verdict


@pytest.mark.parametrize("eta, status, word", [
    (0.005, "slow", "slow"), (0.17, "converged", "converged"), (0.195, "oscillating", "oscillating"),
    (0.21, "diverging", "diverged"), (0.4, "diverged", "diverged")])
def test_each_regime_gets_its_readout(eta, status, word, no_warnings):
    data = descent_path(eta, -2.5, -0.5, 50)
    assert data["status"] == status
    assert data["readout"].startswith(word)
    assert ("> 2/λ_max" in data["readout"]) == (eta > LIMIT)


def test_a_divergent_path_is_clipped_and_finite(no_warnings):
    data = descent_path(0.5, -2.5, -0.5, 200)
    xs, ys = data["path"]
    lo, hi = VIEW
    margin = 0.5 * (hi - lo)
    assert np.all(np.isfinite(xs)) and np.all(np.isfinite(ys))
    assert xs.min() >= lo - margin and xs.max() <= hi + margin and ys.max() <= hi + margin
    assert xs.max() == hi + margin  # it really ran off the map
    loss = data["loss"][1]
    assert np.all(np.isfinite(loss)) and loss.max() == LOSS_RANGE[1] and loss.min() >= LOSS_RANGE[0]


def test_a_start_on_the_minimum_has_a_drawable_loss():
    data = descent_path(0.1, 0.0, 0.0, 10)
    assert data["status"] == "converged" and np.all(data["loss"][1] >= LOSS_RANGE[0])


def test_the_contour_grid_is_f_on_the_view():
    X, Y, Z = contour_grid(n=11)
    assert X.shape == Y.shape == Z.shape == (11, 11)
    assert (X.min(), X.max(), Y.min(), Y.max()) == (VIEW[0], VIEW[1], VIEW[0], VIEW[1])
    np.testing.assert_allclose(Z[3, 7], BOWL.f(np.array([X[3, 7], Y[3, 7]])))


def test_moving_the_learning_rate_slider_changes_the_drawn_trajectory():
    explorer = descent_explorer()
    assert isinstance(explorer.controls["eta"], widgets.FloatLogSlider)
    before = path_of(explorer)
    explorer.controls["eta"].value = 0.17
    after = path_of(explorer)
    assert before.shape != after.shape or not np.allclose(before, after)
    v = explorer.values()
    xs, ys = descent_path(v["eta"], v["x0"], v["y0"], v["steps"])["path"]
    np.testing.assert_allclose(after, np.column_stack([xs, ys]))
    assert explorer.texts["readout"].get_text().startswith("converged")


def test_a_too_large_learning_rate_is_reported_as_divergence(no_warnings):
    explorer = descent_explorer()
    explorer.controls["eta"].value = 0.3
    text = explorer.texts["readout"].get_text()
    assert text.startswith("diverged") and "> 2/λ_max" in text
    path = path_of(explorer)
    assert np.all(np.isfinite(path)) and np.abs(path).max() <= 1.5 * (VIEW[1] - VIEW[0])
    loss = np.asarray(explorer.lines["loss"].get_ydata())
    assert loss[-1] == LOSS_RANGE[1]


@pytest.mark.parametrize("x0, y0, steps", [(2.0, -1.9, 50), (2.0, -1.9, 1), (-2.5, -0.5, 1), (1.0, 1.2, 3)])
def test_above_the_bound_any_start_off_the_valley_floor_is_diverging(x0, y0, steps, no_warnings):
    # the loss may still fall (the flat direction shrinks), but the steep one grows ×1.04 per step
    data = descent_path(0.204, x0, y0, steps)
    assert data["status"] == "diverging"
    assert data["readout"].startswith("diverg") and "> 2/λ_max" in data["readout"]
    assert "raise η" not in data["readout"]


def test_above_the_bound_a_start_on_the_valley_floor_converges():
    # (2, −2) lies along the flat eigenvector (1, −1): the steep direction is never excited
    data = descent_path(0.21, 2.0, -2.0, 50)
    assert data["status"] == "converged" and "> 2/λ_max" in data["readout"]
    assert descent_path(0.21, 2.0, -1.9, 50)["status"] == "diverging"
    assert "raise η" not in descent_path(0.21, 2.0, -2.0, 5)["readout"]


@pytest.mark.parametrize("control, value", [("x0", 2.0), ("y0", 2.5), ("steps", 7)])
def test_start_and_steps_sliders_change_the_path(control, value):
    explorer = descent_explorer(eta=0.02)
    before = path_of(explorer)
    explorer.controls[control].value = value
    after = path_of(explorer)
    assert before.shape != after.shape or not np.allclose(before, after)
    if control == "steps":
        assert len(after) == value + 1 and len(explorer.lines["loss"].get_xdata()) == value + 1
        # the loss axis shows every step, in the smallest of a few fixed widths
        assert explorer.lines["loss"].axes.get_xlim() == (0, next(n for n in LOSS_WIDTHS if n >= value))
    else:
        assert after[0][0 if control == "x0" else 1] == value


def test_a_step_either_way_from_the_default_keeps_the_loss_axis(full_redraws):
    # the first thing a learner does: nudge the steps slider; that move should be blitted, not redrawn
    explorer = descent_explorer()
    full = full_redraws(explorer)
    steps = explorer.controls["steps"]
    default = steps.value
    for value in (default + 1, default, default - 1):
        steps.value = value
    assert full == []


def test_the_log_slider_covers_all_four_regimes():
    eta = descent_explorer().controls["eta"]
    low, high = eta.base ** eta.min, eta.base ** eta.max
    assert low <= 0.005 and 0.3 <= high  # slow … diverged
    assert low < LIMIT < high


def test_contours_are_drawn_once_and_moves_add_no_artists():
    explorer = descent_explorer()
    ax_map, ax_loss = explorer.fig.axes
    counts = (len(ax_map.get_children()), len(ax_loss.get_children()), len(plt.get_fignums()))
    for eta in np.geomspace(0.002, 0.45, 8):
        explorer.controls["eta"].value = float(eta)
    explorer.controls["x0"].value = 1.0
    assert (len(ax_map.get_children()), len(ax_loss.get_children()), len(plt.get_fignums())) == counts


def test_the_arrows_are_unit_vectors_along_minus_the_gradient():
    X, Y, U, V = downhill_arrows()
    assert X.shape == Y.shape == U.shape == V.shape == (9, 9)
    assert VIEW[0] < X.min() and X.max() < VIEW[1]  # inside the map, off its edges
    for x, y, u, v in zip(X.ravel(), Y.ravel(), U.ravel(), V.ravel()):
        g = -numerical_gradient(BOWL.f, np.array([x, y]))
        if np.linalg.norm(g) < 1e-9:  # the minimum: no direction
            assert (u, v) == (0.0, 0.0)
            continue
        assert np.hypot(u, v) == pytest.approx(1.0)
        np.testing.assert_allclose([u, v], g / np.linalg.norm(g), atol=1e-7)


def test_the_map_shows_the_arrows_once_and_moves_do_not_redraw_them():
    from matplotlib.quiver import Quiver
    explorer = descent_explorer()
    ax_map = explorer.fig.axes[0]
    quivers = [c for c in ax_map.collections if isinstance(c, Quiver)]
    assert len(quivers) == 1 and quivers[0].N == 81
    explorer.controls["eta"].value = 0.15
    assert [c for c in ax_map.collections if isinstance(c, Quiver)] == quivers
