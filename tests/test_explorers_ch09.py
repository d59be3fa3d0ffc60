"""Chapter 09's figure, headless: the weight-scale slider redraws the norms through depth."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlmath import depth
from dlmath.explorers.depth import DEPTH, LIMIT, depth_curves, depth_explorer, factor_curve


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_depth_curves_are_the_experiment_clipped():
    raw = depth.signal_through_depth(0.6, DEPTH, 100, "tanh", 0)
    curves = depth_curves(0.6)
    np.testing.assert_allclose(curves["forward"], np.clip(raw["forward"], 1 / LIMIT, LIMIT))
    np.testing.assert_allclose(curves["gradient"], np.clip(raw["gradient"], 1 / LIMIT, LIMIT))
    assert curves["regime"] == "vanishing" and curves["input_gradient"] < 1e-6


def test_factor_curve_crosses_one_at_the_critical_scale():
    root_chi, critical = factor_curve("relu")
    assert critical == pytest.approx(np.sqrt(2), rel=1e-9)
    scales = np.round(np.arange(0.25, 3.001, 0.05), 2)
    assert np.all((root_chi < 1) == (scales < critical))


def test_the_scale_slider_redraws_vanishing_stable_exploding():
    explorer = depth_explorer()
    grad = explorer.lines["gradient"]
    seen = {}
    for s in (0.5, 1.0, 2.5):
        explorer.controls["scale"].value = s
        seen[s] = np.array(grad.get_ydata(), dtype=float, copy=True)
        assert explorer.texts["readout"].get_text().startswith(f"s = {s:.2f}")
        np.testing.assert_allclose(explorer.lines["now"].get_xdata(), [s])
    assert seen[0.5][0] < 1e-6 and 1e-2 < seen[1.0][0] < 1e2 and seen[2.5][0] > 1e3
    assert "vanishing" in depth_curves(0.5)["regime"] and depth_curves(2.5)["regime"] == "exploding"


def test_the_activation_menu_moves_the_critical_line_and_adds_no_artists():
    explorer = depth_explorer()
    n_artists = [len(ax.get_children()) for ax in explorer.fig.axes]
    explorer.controls["activation"].value = "relu"
    np.testing.assert_allclose(explorer.lines["critical"].get_xdata(), [np.sqrt(2)] * 2, rtol=1e-9)
    assert "1.41" in explorer.texts["critical_label"].get_text()
    for s in np.linspace(0.25, 3.0, 8):
        explorer.controls["scale"].value = float(np.round(s, 2))
    assert [len(ax.get_children()) for ax in explorer.fig.axes] == n_artists
