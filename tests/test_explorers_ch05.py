"""Chapter 05's figures, headless: the pure compute functions, and that moving a control redraws the data."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlmath import regression as reg
from dlmath.explorers.least_squares import (P_RANGE, Q_RANGE, STEPS, TOL, cost_explorer, cost_map, descent_curves,
                                            descent_explorer, descent_message, line_and_residuals)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_cost_map_is_the_cost_of_every_grid_line():
    P, Q, C = cost_map(reg.X, reg.Y, size=21)
    assert P.shape == Q.shape == C.shape == (21, 21)
    assert (P.min(), P.max(), Q.min(), Q.max()) == (*P_RANGE, *Q_RANGE)
    for i, j in [(0, 0), (5, 17), (20, 3)]:
        assert C[i, j] == pytest.approx(reg.cost(P[i, j], Q[i, j], reg.X, reg.Y))


def test_residual_segments_join_each_point_to_the_line_with_nan_between():
    xs = np.array([-10.0, 10.0])
    out = line_and_residuals(0.3, 49.0, reg.X, reg.Y, xs)
    seg_x, seg_y = out["residuals"]
    n = reg.X.size
    assert seg_x.shape == seg_y.shape == (3 * n,)
    np.testing.assert_array_equal(seg_x[0::3], reg.X)
    np.testing.assert_array_equal(seg_x[1::3], reg.X)
    assert np.all(np.isnan(seg_x[2::3])) and np.all(np.isnan(seg_y[2::3]))
    np.testing.assert_allclose(seg_y[0::3], reg.Y)
    np.testing.assert_allclose(seg_y[1::3], 0.3 * reg.X + 49.0)
    np.testing.assert_allclose(seg_y[0::3] - seg_y[1::3], reg.residuals(0.3, 49.0, reg.X, reg.Y))
    np.testing.assert_allclose(out["line"][1], 0.3 * xs + 49.0)
    assert out["cost"] == pytest.approx(reg.cost(0.3, 49.0, reg.X, reg.Y))


@pytest.mark.parametrize("control, value", [("p", 1.2), ("q", 30.0)])
def test_moving_p_or_q_moves_the_line_the_residuals_the_point_and_the_readout(control, value):
    explorer = cost_explorer()
    line, segments, point = (explorer.lines[k] for k in ("line", "residuals", "point"))
    before = [np.array(a.get_ydata(), dtype=float, copy=True) for a in (line, segments)]
    before_point = (np.array(point.get_xdata(), dtype=float), np.array(point.get_ydata(), dtype=float))
    text = explorer.texts["readout"].get_text()
    explorer.controls[control].value = value
    v = explorer.values()
    assert not np.allclose(before[0], line.get_ydata())
    assert not np.allclose(before[1], segments.get_ydata(), equal_nan=True)
    np.testing.assert_allclose(line.get_ydata(), v["p"] * np.asarray(line.get_xdata()) + v["q"])
    seg_y = np.asarray(segments.get_ydata(), dtype=float)
    np.testing.assert_allclose(seg_y[0::3] - seg_y[1::3], reg.residuals(v["p"], v["q"], reg.X, reg.Y))
    moved = (np.asarray(point.get_xdata(), dtype=float), np.asarray(point.get_ydata(), dtype=float))
    assert not (np.allclose(before_point[0], moved[0]) and np.allclose(before_point[1], moved[1]))
    assert (moved[0][0], moved[1][0]) == pytest.approx((v["p"], v["q"]))
    new_text = explorer.texts["readout"].get_text()
    assert new_text != text and f"C_T = {reg.cost(v['p'], v['q'], reg.X, reg.Y):.2f}" in new_text


def test_readout_at_the_best_line_shows_the_smallest_cost():
    explorer = cost_explorer()
    p, q = reg.normal_equations(reg.X, reg.Y)
    explorer.controls["p"].value, explorer.controls["q"].value = round(p, 2), round(q, 1)
    c = reg.cost(explorer.controls["p"].value, explorer.controls["q"].value, reg.X, reg.Y)
    assert c < 4.0 and f"C_T = {c:.2f}" in explorer.texts["readout"].get_text()


def test_descent_curves_follow_gradient_descent():
    xs = np.array([-10.0, 10.0])
    out = descent_curves(reg.X, reg.Y, 0.005, xs)
    run = reg.fit_by_gradient_descent(reg.X, reg.Y, 0.005, steps=STEPS, tol=TOL)
    np.testing.assert_allclose(out["path"][0], run.path[:, 0])
    np.testing.assert_allclose(out["path"][1], run.path[:, 1])
    np.testing.assert_allclose(out["cost"][1], run.values)
    np.testing.assert_allclose(out["fit"][1], run.x[0] * xs + run.x[1])


def test_the_eta_slider_changes_the_cost_curve_and_the_path():
    explorer = descent_explorer()
    cost, path = explorer.lines["cost"], explorer.lines["path"]
    before_cost = np.array(cost.get_ydata(), dtype=float, copy=True)
    before_path = np.array(path.get_xdata(), dtype=float, copy=True)
    explorer.controls["eta"].value = 0.01
    after_cost = np.asarray(cost.get_ydata(), dtype=float)
    assert before_cost.shape != after_cost.shape or not np.allclose(before_cost, after_cost)
    assert not np.array_equal(before_path, np.asarray(path.get_xdata(), dtype=float))
    run = reg.fit_by_gradient_descent(reg.X, reg.Y, explorer.controls["eta"].value, steps=STEPS, tol=TOL)
    np.testing.assert_allclose(after_cost, run.values)
    assert "converged" in explorer.texts["readout"].get_text()


def test_eta_above_the_limit_is_reported_as_diverging():
    explorer = descent_explorer()
    explorer.controls["eta"].value = 0.02  # above 2/Σx² ≈ 0.0118
    assert "diverged" in explorer.texts["readout"].get_text()
    explorer.controls["eta"].value = 1e-4  # far too small: 300 steps leave the cost in the thousands
    assert explorer.lines["cost"].get_ydata()[-1] > 1000


def test_eta_just_above_the_limit_is_diverging_before_it_overflows():
    explorer = descent_explorer()
    eta = explorer.controls["eta"]
    eta.value = 0.0120  # the first slider value above 2/169 ≈ 0.01183: |p| is still far below 10¹²
    assert eta.value > reg.largest_stable_eta(reg.X)
    assert "diverging" in explorer.texts["readout"].get_text()
    eta.value = 0.0115  # just below: not a word about divergence
    assert eta.value < reg.largest_stable_eta(reg.X)
    assert "diverg" not in explorer.texts["readout"].get_text()


def test_updates_add_no_artists():
    for make, control, values in [(cost_explorer, "p", np.linspace(-1, 2, 15)),
                                  (descent_explorer, "eta", np.geomspace(1e-4, 0.03, 15))]:
        explorer = make()
        n_figures = len(plt.get_fignums())
        n_artists = [len(ax.get_children()) for ax in explorer.fig.axes]
        for v in values:
            explorer.controls[control].value = float(v)
        assert len(plt.get_fignums()) == n_figures
        assert [len(ax.get_children()) for ax in explorer.fig.axes] == n_artists


def test_a_run_sitting_on_the_minimum_is_reported_as_converged():
    explorer = descent_explorer()
    c_best = reg.cost(*reg.normal_equations(reg.X, reg.Y), reg.X, reg.Y)
    for eta in (6.3e-3, 5e-3, 8e-3, 1e-2, 1.15e-2):
        explorer.controls["eta"].value = eta
        text = explorer.texts["readout"].get_text()
        final = explorer.lines["cost"].get_ydata()[-1]
        assert final - c_best < 1e-4  # on the minimum, to the eye and to 4 digits of C_T …
        assert "converged in" in text and "without converging" not in text  # … and said so


def test_a_run_that_ran_out_of_steps_says_how_far_it_still_is():
    explorer = descent_explorer()
    explorer.controls["eta"].value = 1e-3
    text = explorer.texts["readout"].get_text()
    gap = explorer.lines["cost"].get_ydata()[-1] - reg.cost(*reg.normal_equations(reg.X, reg.Y), reg.X, reg.Y)
    assert "still moving after 300 steps" in text and f"{gap:.2g} above its minimum" in text
    run = reg.fit_by_gradient_descent(reg.X, reg.Y, 1e-3, steps=STEPS, tol=TOL)
    assert descent_message(run, 1e-3, reg.largest_stable_eta(reg.X)) == run.message  # without c_best


def test_the_slider_starts_at_a_round_value_on_its_grid_and_the_figure_fits_the_notebook():
    explorer = descent_explorer()
    eta = explorer.controls["eta"]
    assert eta.value == 1e-3
    position = (np.log10(eta.value) - eta.min) / eta.step
    assert position == pytest.approx(round(position), abs=1e-9)  # a slider position: no snapping
    assert explorer.fig.get_figwidth() <= 9.5
