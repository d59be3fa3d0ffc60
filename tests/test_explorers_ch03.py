"""Chapter 03's interactive figures, headless: the pure compute functions (against central differences
and sympy), and that moving each control redraws the data in place.
"""
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
import sympy as sp

from dlmath import calculus
from dlmath.explorers.tangent import (cubic, cubic_derivative, plane_explorer, plane_section, plane_summary,
                                      tangent_curves, tangent_explorer, wave, wave_gradient)

_x, _y = sp.symbols("x y")
XS = np.linspace(-0.5, 4.5, 41)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# ------------------------------------------------------------------ the functions and their derivatives

def test_cubic_derivative_matches_central_differences_and_sympy():
    np.testing.assert_allclose(cubic_derivative(XS), calculus.derivative(cubic, XS), rtol=1e-7, atol=1e-7)
    expr = _x ** 3 - 6 * _x ** 2 + 9 * _x + 1
    np.testing.assert_allclose(cubic(XS), sp.lambdify(_x, expr)(XS))
    np.testing.assert_allclose(cubic_derivative(XS), sp.lambdify(_x, sp.diff(expr, _x))(XS))
    assert float(cubic_derivative(1.0)) == 0.0 and float(cubic_derivative(3.0)) == 0.0


@pytest.mark.parametrize("point", [(0.5, 0.3), (-2.0, 1.2), (1.55, 0.0), (3.0, -3.0)])
def test_wave_gradient_matches_central_differences_and_sympy(point):
    numeric = calculus.gradient(lambda p: wave(p[0], p[1]), point)
    np.testing.assert_allclose(wave_gradient(*point), numeric, rtol=1e-7, atol=1e-9)
    expr = sp.sin(_x) * sp.cos(_y)
    exact = [float(sp.diff(expr, v).subs({_x: point[0], _y: point[1]})) for v in (_x, _y)]
    np.testing.assert_allclose(wave_gradient(*point), exact, rtol=1e-12, atol=1e-15)


def test_wave_gradient_on_a_grid_keeps_the_shape():
    X, Y = np.meshgrid(np.linspace(-3, 3, 5), np.linspace(-3, 3, 4))
    assert wave_gradient(X, Y).shape == (2, 4, 5)


# ------------------------------------------------------------------ tangent line

@pytest.mark.parametrize("a", [-0.3, 1.0, 2.0, 3.3])
def test_tangent_touches_the_curve_and_secant_goes_through_both_points(a):
    curves = tangent_curves(XS, a, 0.7)
    np.testing.assert_allclose(curves["curve"], cubic(XS))
    tangent_at_a = np.interp(a, XS, curves["tangent"])  # the tangent is a line: interpolation is exact
    assert tangent_at_a == pytest.approx(float(cubic(a)))
    np.testing.assert_allclose(np.diff(curves["tangent"]) / np.diff(XS), cubic_derivative(a), atol=1e-9)
    secant = np.polyfit(XS, curves["secant"], 1)
    assert np.polyval(secant, a) == pytest.approx(float(cubic(a)))
    assert np.polyval(secant, a + 0.7) == pytest.approx(float(cubic(a + 0.7)))
    assert curves["point"] == ([a], [pytest.approx(float(cubic(a)))])


def test_secant_slope_tends_to_the_derivative():
    a = 0.5
    gaps = []
    for h in [0.1, 0.01, 0.001]:
        secant = tangent_curves(XS, a, h)["secant"]
        gaps.append(abs((secant[1] - secant[0]) / (XS[1] - XS[0]) - float(cubic_derivative(a))))
    assert gaps[0] > gaps[1] > gaps[2] and gaps[2] < 1e-2


def test_zero_step_gives_no_secant_and_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        curves = tangent_curves(XS, 1.0, 0.0)
    assert np.all(np.isnan(curves["secant"]))


# ------------------------------------------------------------------ tangent plane

def test_plane_summary_is_the_linear_approximation():
    p, dp = np.array([0.5, 0.3]), np.array([0.4, -0.2])
    at = plane_summary(p, dp)
    grad = wave_gradient(*p)
    assert at["approx"] == pytest.approx(float(grad @ dp), rel=1e-12)
    assert at["exact"] == pytest.approx(float(wave(*(p + dp)) - wave(*p)), rel=1e-12)
    assert at["error"] == pytest.approx(at["exact"] - at["approx"])
    assert at["size"] == pytest.approx(np.hypot(0.4, -0.2))


def test_plane_error_shrinks_like_the_step_squared():
    p, direction = np.array([0.5, 0.3]), np.array([0.8, 0.6])
    errors = np.array([plane_summary(p, d * direction)["error"] for d in (0.1, 0.05, 0.025, 0.0125)])
    np.testing.assert_allclose(errors[:-1] / errors[1:], 4.0, rtol=0.05)


def test_plane_section_cuts_along_the_step():
    s = np.linspace(-2, 2, 81)
    p, dp = np.array([-1.0, 0.5]), np.array([0.3, 0.4])
    data = plane_section(s, p, dp)
    u = dp / 0.5
    np.testing.assert_allclose(data["exact"][1], wave(p[0] + s * u[0], p[1] + s * u[1]) - wave(*p))
    np.testing.assert_allclose(np.diff(data["approx"][1], 2), 0.0, atol=1e-12)  # a straight line
    np.testing.assert_allclose(data["approx"][1], s * (wave_gradient(*p) @ u), atol=1e-9)
    at = plane_summary(p, dp)
    assert data["exact_point"] == ([0.5], [at["exact"]]) and data["approx_point"] == ([0.5], [at["approx"]])
    np.testing.assert_allclose(data["step"], [[-1.0, -0.7], [0.5, 0.9]])
    # the dotted section line on the map passes through p and p + Δ
    sx, sy = data["section"]
    assert np.interp(0.5, s, sx) == pytest.approx(-0.7) and np.interp(0.5, s, sy) == pytest.approx(0.9)
    assert np.interp(0.0, s, sx) == pytest.approx(-1.0) and np.interp(0.0, s, sy) == pytest.approx(0.5)


def test_zero_step_is_handled():
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        data = plane_section(np.linspace(-1, 1, 5), np.array([0.2, 0.1]), np.zeros(2))
        at = plane_summary(np.array([0.2, 0.1]), np.zeros(2))
    assert at == {"exact": 0.0, "approx": 0.0, "error": 0.0, "size": 0.0}
    np.testing.assert_allclose(data["section"][1], 0.1)  # the default direction is along x


# ------------------------------------------------------------------ the widgets

@pytest.mark.parametrize("control, value, line", [("a", 3.5, "tangent"), ("h", -1.2, "secant")])
def test_tangent_controls_move_their_line(control, value, line):
    explorer = tangent_explorer()
    artist = explorer.lines[line]
    before = np.array(artist.get_ydata(), copy=True)
    explorer.controls[control].value = value
    assert not np.allclose(before, artist.get_ydata())
    v = explorer.values()
    np.testing.assert_allclose(artist.get_ydata(), tangent_curves(artist.get_xdata(), v["a"], v["h"])[line])


def test_tangent_readout_says_horizontal_at_a_stationary_point():
    explorer = tangent_explorer()
    explorer.controls["a"].value = 1.0
    assert "horizontal" in explorer.texts["readout"].get_text()
    explorer.controls["h"].value = 0.0
    assert "no secant" in explorer.texts["readout"].get_text()
    explorer.controls["a"].value = 2.0
    assert "horizontal" not in explorer.texts["readout"].get_text()


@pytest.mark.parametrize("control, value", [("x0", -1.5), ("y0", 1.0), ("dx", -0.4), ("dy", 1.2)])
def test_every_plane_control_changes_the_section(control, value):
    explorer = plane_explorer()
    gap = explorer.lines["gap"]
    before = (np.array(gap.get_xdata(), copy=True), np.array(gap.get_ydata(), copy=True),
              np.array(explorer.lines["exact"].get_ydata(), copy=True))
    text_before = explorer.texts["readout"].get_text()
    explorer.controls[control].value = value
    after = (gap.get_xdata(), gap.get_ydata(), explorer.lines["exact"].get_ydata())
    assert any(not np.allclose(b, a) for b, a in zip(before, after))
    assert explorer.texts["readout"].get_text() != text_before
    v = explorer.values()
    at = plane_summary(np.array([v["x0"], v["y0"]]), np.array([v["dx"], v["dy"]]))
    np.testing.assert_allclose(gap.get_ydata(), [at["exact"], at["approx"]])
    assert f"{at['error']:+.2e}" in explorer.texts["readout"].get_text()


def test_plane_readout_with_no_step():
    explorer = plane_explorer()
    explorer.controls["dx"].value, explorer.controls["dy"].value = 0.0, 0.0
    text = explorer.texts["readout"].get_text()
    assert "error" in text and "|Δ|²" not in text


def test_no_new_artists_on_update():
    for build, control in ((tangent_explorer, "a"), (plane_explorer, "dx")):
        explorer = build()
        n_figures = len(plt.get_fignums())
        n_artists = [len(ax.get_children()) for ax in explorer.fig.axes]
        for value in np.linspace(-1, 1, 5):
            explorer.controls[control].value = float(value)
        assert len(plt.get_fignums()) == n_figures
        assert [len(ax.get_children()) for ax in explorer.fig.axes] == n_artists


@pytest.mark.parametrize("x0, y0", [(1.0, 2.0), (-0.5, 1.5), (2.0, -3.0)])
def test_chain_graph_paths_add_up_to_the_partial_derivatives(x0, y0):
    from dlmath.explorers.tangent import chain_graph_values
    g = chain_graph_values(x0, y0)
    z = sp.lambdify([_x, _y], (_x + _y) ** 2 * (_x * _y))
    assert g["z"] == pytest.approx(z(x0, y0))
    assert g["dz_dx"] == pytest.approx(calculus.partial_derivative(lambda q: z(q[0], q[1]), [x0, y0], 0), rel=1e-7)
    assert g["dz_dy"] == pytest.approx(calculus.partial_derivative(lambda q: z(q[0], q[1]), [x0, y0], 1), rel=1e-7)
    # each path is the product of the local derivatives along it
    e = g["edge"]
    assert g["paths"]["x"] == (e[("x", "u")] * e[("u", "z")], e[("x", "v")] * e[("v", "z")])


def test_chain_graph_figure_labels_every_edge_with_its_value():
    from dlmath.explorers.tangent import chain_graph_figure
    fig = chain_graph_figure(1.0, 2.0)
    texts = [t.get_text() for t in fig.axes[0].texts]
    for label in ["∂z/∂u = 2uv = 12", "∂z/∂v = u² = 9", "∂v/∂x = y = 2", "z = u²v = 18"]:
        assert label in texts
