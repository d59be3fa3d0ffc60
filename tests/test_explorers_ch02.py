"""Chapter 02's interactive figure, headless: the pure compute functions, and that moving a control
redraws the data in place."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlmath import linalg as la
from dlmath.explorers.vectors import (ANGLES, TICKS, YLIM, arrow, in_bound_units, inner_vs_angle, parallel,
                                      tick_labels, vector_pair, vectors_explorer, vectors_state)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("theta, len_a, len_b, direction", [
    (60.0, 2.0, 1.5, 20.0), (135.0, 3.0, 0.5, 0.0), (250.0, 1.0, 2.5, 300.0), (90.0, 1.2, 2.0, 45.0),
])
def test_vector_pair_has_the_lengths_and_angle_asked_for(theta, len_a, len_b, direction):
    a, b = vector_pair(theta, len_a, len_b, direction)
    assert float(la.norm(a)) == pytest.approx(len_a) and float(la.norm(b)) == pytest.approx(len_b)
    expected = np.radians(min(theta % 360, 360 - theta % 360))  # the angle between is at most 180°
    assert float(la.angle(a, b)) == pytest.approx(expected, abs=1e-12)
    assert np.degrees(np.arctan2(a[1], a[0])) % 360 == pytest.approx(direction % 360, abs=1e-9)


@pytest.mark.parametrize("theta", [0.0, 30.0, 90.0, 150.0, 180.0, 222.0, 359.0])
def test_coordinates_and_geometry_give_the_same_inner_product(theta):
    values = vectors_state(theta, 2.0, 1.5, 37.0)["values"]
    assert values["inner"] == pytest.approx(float(values["a"] @ values["b"]))
    assert values["inner"] == pytest.approx(values["geometric"], abs=1e-12)
    assert abs(values["inner"]) <= values["bound"] + 1e-12


def test_inner_product_does_not_depend_on_the_common_direction():
    base = vectors_state(70.0, 2.0, 1.5, 0.0)["values"]["inner"]
    for direction in [15.0, 100.0, 333.0]:
        assert vectors_state(70.0, 2.0, 1.5, direction)["values"]["inner"] == pytest.approx(base, abs=1e-12)


def test_curves_stay_between_the_bounds_and_touch_them_at_the_equality_angles():
    curves = inner_vs_angle(ANGLES, 2.0, 1.5)
    assert np.all(curves["lower"] <= curves["inner"] + 1e-12) and np.all(curves["inner"] <= curves["upper"] + 1e-12)
    touching = ANGLES[np.isclose(np.abs(curves["inner"]), curves["upper"])]
    np.testing.assert_allclose(touching, [0.0, 180.0, 360.0])
    state = vectors_state(45.0, 2.0, 1.5)
    np.testing.assert_allclose(state["equality"][0], [0.0, 180.0, 360.0])
    np.testing.assert_allclose(state["equality"][1], [3.0, -3.0, 3.0])


def test_projection_foot_lies_on_as_line_at_b_cos_theta():
    state = vectors_state(120.0, 2.0, 1.5, 10.0)
    a = state["values"]["a"]
    (bx, fx), (by, fy) = state["projection"]
    foot = np.array([fx, fy])
    assert abs(a[0] * foot[1] - a[1] * foot[0]) < 1e-12  # on a's line (parallel to a)
    assert float(foot @ a) / 2.0 == pytest.approx(1.5 * np.cos(np.radians(120.0)))  # signed length ‖b‖cos θ
    assert float((np.array([bx, by]) - foot) @ a) == pytest.approx(0.0, abs=1e-12)  # the drop is perpendicular


def test_readout_names_equality_and_the_zero_vector():
    assert "equality: a and b are parallel" in vectors_state(180.0, 2.0, 1.5)["readout"]
    assert "equality: a and b are parallel" in vectors_state(0.0, 2.0, 1.5)["readout"]
    assert "strict" in vectors_state(179.0, 2.0, 1.5)["readout"]
    zero = vectors_state(70.0, 0.0, 1.5)
    assert "zero vector" in zero["readout"] and "-0.000" not in zero["readout"]
    assert parallel(33.0, 0.0, 1.0) and parallel(360.0, 1.0, 1.0) and not parallel(90.0, 1.0, 1.0)


def test_arrow_starts_at_the_origin_and_ends_at_the_tip():
    x, y = arrow([2.0, -1.0])
    assert (x[0], y[0]) == (0.0, 0.0) and (x[1], y[1]) == (2.0, -1.0)
    assert (x[3], y[3]) == (2.0, -1.0)  # back at the tip between the two barbs
    x, y = arrow([0.0, 0.0])
    assert x.tolist() == [0.0] and y.tolist() == [0.0]


@pytest.mark.parametrize("control, value, line", [
    ("theta", 150.0, "b"), ("theta", 150.0, "current"), ("len_a", 0.5, "a"), ("direction", 200.0, "a"),
    ("len_b", 2.8, "b"), ("direction", 200.0, "b"),
])
def test_every_control_moves_the_plotted_data(control, value, line):
    explorer = vectors_explorer()
    artist = explorer.lines[line]
    before = np.array(artist.get_xydata(), copy=True)
    explorer.controls[control].value = value
    after = np.array(artist.get_xydata(), copy=True)
    assert before.shape != after.shape or not np.allclose(before, after)
    state = vectors_state(**explorer.values())
    expected = {**state, **in_bound_units(state, state["values"]["bound"])}[line]
    np.testing.assert_allclose(artist.get_xdata(), expected[0])
    np.testing.assert_allclose(artist.get_ydata(), expected[1])


def test_right_panel_is_drawn_in_units_of_the_bound_with_the_real_values_as_labels():
    state = vectors_state(120.0, 2.0, 1.5)
    scaled = in_bound_units(state, 3.0)
    np.testing.assert_allclose(scaled["inner"][1], np.cos(np.radians(ANGLES)), atol=1e-12)
    np.testing.assert_allclose(scaled["current"][1], [-0.5])  # a·b = 3 cos 120° = −1.5, i.e. −½ bound
    np.testing.assert_allclose(scaled["upper"][1], 1.0) and np.testing.assert_allclose(scaled["lower"][1], -1.0)
    assert tick_labels(3.0) == ["-3.00", "-1.50", "+0.00", "+1.50", "+3.00"]
    zero = in_bound_units(vectors_state(50.0, 0.0, 2.0), 0.0)  # a = 0: a·b = 0 for every angle
    assert np.all(zero["inner"][1] == 0) and tick_labels(0.0) == ["+0.00"] * 5


def test_length_sliders_change_the_labels_and_never_the_axes(full_redraws):
    explorer = vectors_explorer()
    labels = lambda: [explorer.texts[f"tick{i}"].get_text() for i in range(len(TICKS))]  # noqa: E731
    for len_a, len_b in [(3.0, 3.0), (0.4, 0.5), (0.0, 2.0), (1.3, 2.1), (2.9, 0.1)]:
        explorer.controls["len_a"].value, explorer.controls["len_b"].value = len_a, len_b
        assert explorer.fig.axes[1].get_ylim() == pytest.approx(YLIM)
        assert labels() == tick_labels(len_a * len_b)
        assert labels()[-1] == f"{len_a * len_b + 0.0:+.2f}"
    full = full_redraws(explorer)
    for value in (0.5, 1.0, 2.5, 3.0):
        explorer.controls["len_a"].value = value
        explorer.controls["len_b"].value = 3.2 - value
    assert full == []  # every length move was blitted


def test_current_point_sits_on_the_curve_and_readout_follows():
    explorer = vectors_explorer()
    explorer.controls["theta"].value = 180.0
    x, y = explorer.lines["current"].get_xdata()[0], explorer.lines["current"].get_ydata()[0]
    assert x == 180.0 and y == pytest.approx(-1.0)  # −‖a‖‖b‖, in units of ‖a‖‖b‖
    assert "equality" in explorer.texts["readout"].get_text()
    explorer.controls["theta"].value = 100.0
    assert "strict" in explorer.texts["readout"].get_text()


def test_one_figure_and_no_new_artists_on_update():
    explorer = vectors_explorer()
    n_figures = len(plt.get_fignums())
    counts = [len(ax.lines) for ax in explorer.fig.axes]
    for theta in np.linspace(0, 360, 9):
        explorer.controls["theta"].value = float(theta)
        explorer.controls["len_a"].value = float(theta) / 120
    assert len(plt.get_fignums()) == n_figures and [len(ax.lines) for ax in explorer.fig.axes] == counts
