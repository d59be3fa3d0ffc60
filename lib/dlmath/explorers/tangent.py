"""Chapter 03: the tangent line of a curve y = f(x), and the tangent plane of a surface z = f(x, y).

Two pure compute functions (`tangent_curves`, `plane_section`) and the explorers that wire them to
sliders. The surface is seen along the straight line through p in the direction of the step Δ: there
the tangent plane is a straight line, and the gap between curve and line at distance |Δ| is the error
of Δz ≈ ∇f·Δ.
"""
import numpy as np

from .. import calculus
from ..arrays import as_float_array
from ..course.explorer import Explorer, new_figure, slider
from ..course.fonts import monospace
from ..course.language import translate as _


def cubic(x):
    """The chapter's curve f(x) = x³ − 6x² + 9x + 1: a local maximum at 1, a local minimum at 3."""
    x = as_float_array(x, "x")
    return x ** 3 - 6 * x ** 2 + 9 * x + 1


def cubic_derivative(x):
    """f'(x) = 3x² − 12x + 9 = 3(x − 1)(x − 3)."""
    x = as_float_array(x, "x")
    return 3 * x ** 2 - 12 * x + 9


def wave(x, y):
    """The explorer's surface z = sin x · cos y (x, y numbers or arrays of one shape)."""
    return np.sin(as_float_array(x, "x")) * np.cos(as_float_array(y, "y"))


def wave_gradient(x, y):
    """∇z = (∂z/∂x, ∂z/∂y) = (cos x cos y, −sin x sin y), as an array of shape (2,) + shape of x."""
    x, y = as_float_array(x, "x"), as_float_array(y, "y")
    return np.stack([np.cos(x) * np.cos(y), -np.sin(x) * np.sin(y)])


def tangent_curves(x, a, h, f=cubic, df=cubic_derivative):
    """At the points x: the curve f, its tangent at a, and the secant through a and a + h.

    The secant's slope (f(a + h) − f(a)) / h tends to f'(a) as h -> 0; for h = 0 it is undefined (nan).
    """
    x = as_float_array(x, "x")
    fa = float(f(a))
    curves = {"curve": f(x), "tangent": calculus.tangent_line(f, df, a, x), "point": ([a], [fa])}
    if h == 0:
        curves["secant"] = np.full_like(x, np.nan)
        curves["secant_point"] = ([np.nan], [np.nan])
    else:
        slope = float(calculus.difference_quotient(f, a, h))
        curves["secant"] = fa + slope * (x - a)
        curves["secant_point"] = ([a + h], [float(f(a + h))])
    return curves


def _as_vector_functions(f, grad):
    """f(x, y), grad(x, y) -> the lib's convention: functions of one point v of shape (2,)."""
    return (lambda v: f(v[0], v[1])), (lambda v: np.asarray(grad(v[0], v[1]), dtype=float))


def plane_summary(p, dp, f=wave, grad=wave_gradient):
    """The exact change Δz = f(p + Δ) − f(p), its approximation ∇f(p)·Δ, the error and |Δ|."""
    p, dp = as_float_array(p, "p"), as_float_array(dp, "dp")
    fv, gv = _as_vector_functions(f, grad)
    base = float(f(p[0], p[1]))
    exact = float(f(p[0] + dp[0], p[1] + dp[1])) - base
    approx = float(calculus.linear_approximation(fv, gv, p, dp)) - base
    return {"exact": exact, "approx": approx, "error": exact - approx, "size": float(np.hypot(*dp))}


def plane_section(s, p, dp, f=wave, grad=wave_gradient):
    """The surface and its tangent plane along the line p + s·u, u = Δ/|Δ| (u = (1, 0) when Δ = 0).

    Returns, as changes from f(p): "exact" f(p + s u) − f(p) and "approx" ∇f(p)·(s u) at the distances s,
    the two values at s = |Δ| and the gap between them; and for the map, the point p, the step p -> p + Δ
    and the line of the section.
    """
    s = as_float_array(s, "s")
    p, dp = as_float_array(p, "p"), as_float_array(dp, "dp")
    size = float(np.hypot(*dp))
    u = dp / size if size > 0 else np.array([1.0, 0.0])
    steps = s[:, None] * u  # shape (m, 2): one step per distance s
    fv, gv = _as_vector_functions(f, grad)
    base = float(f(p[0], p[1]))
    approx = calculus.linear_approximation(fv, gv, p, steps) - base
    exact = f(p[0] + steps[:, 0], p[1] + steps[:, 1]) - base
    at = plane_summary(p, dp, f, grad)
    return {"exact": (s, exact), "approx": (s, approx),
            "exact_point": ([size], [at["exact"]]), "approx_point": ([size], [at["approx"]]),
            "gap": ([size, size], [at["exact"], at["approx"]]),
            "point": ([p[0]], [p[1]]), "step": ([p[0], p[0] + dp[0]], [p[1], p[1] + dp[1]]),
            "section": (p[0] + s * u[0], p[1] + s * u[1])}


def tangent_explorer():
    """The tangent (and a secant) of f(x) = x³ − 6x² + 9x + 1: sliders for the point a and the step h."""
    x = np.linspace(-0.5, 4.5, 201)
    fig, (ax,) = new_figure(width=7, height=3.8)
    lines = {"curve": ax.plot(x, cubic(x), lw=2, color="C0", label="f(x)")[0],
             "tangent": ax.plot(x, x, lw=1.5, color="C3", label=_("tangent at a"))[0],
             "secant": ax.plot(x, x, lw=1, ls="--", color="C2", label=_("secant a → a + h"))[0],
             "point": ax.plot([0], [0], "o", color="C3")[0],
             "secant_point": ax.plot([0], [0], "o", mfc="none", color="C2")[0]}
    ax.set(xlim=(-0.5, 4.5), ylim=(-3, 9), xlabel="x", ylabel="y",
           title=_("f(x) = x³ − 6x² + 9x + 1 and its tangent y = f(a) + f'(a)(x − a)"))
    ax.legend(loc="lower right", fontsize=8)
    readout = ax.text(0.02, 0.97, "", transform=ax.transAxes, va="top", fontsize=9, family=monospace(),
                      bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"})
    controls = {"a": slider(2.0, -0.5, 4.5, step=0.05, description=_("point a")),
                "h": slider(1.0, -2, 2, step=0.05, description=_("step h"))}
    horizontal, secant, no_secant = _("(horizontal tangent)"), _("secant slope = {slope:+.3f}"), _("h = 0: no secant")

    def compute(a, h):
        curves = tangent_curves(x, a, h)
        slope = float(cubic_derivative(a))
        text = f"f'(a) = {slope:+.3f}"
        if abs(slope) < 1e-6:
            text += "   " + horizontal
        text += "\n" + (secant.format(slope=float(calculus.difference_quotient(cubic, a, h))) if h != 0 else no_secant)
        curves["readout"] = text
        return curves

    return Explorer(fig, lines, controls, compute, texts={"readout": readout})


def plane_explorer():
    """Δz ≈ ∇z·Δ for z = sin x cos y: sliders for the point p = (x0, y0) and the step Δ = (Δx, Δy)."""
    grid = np.linspace(-3, 3, 121)
    X, Y = np.meshgrid(grid, grid)
    Z = wave(X, Y)  # the contour map is drawn once; a slider move only moves lines
    s = np.linspace(-2.2, 2.2, 161)
    fig, (ax_map, ax_cut) = new_figure(ncols=2, width=9.5, height=4.0)
    ax_map.contour(X, Y, Z, levels=np.linspace(-0.9, 0.9, 10), cmap="RdBu_r", linewidths=1)
    ax_map.set(xlim=(-3, 3), ylim=(-3, 3), aspect="equal", xlabel="x", ylabel="y",
               title=_("contours of z = sin x · cos y"))
    ax_cut.set(xlim=(-2.2, 2.2), ylim=(-2.2, 2.2), xlabel=_("distance s from p along Δ"),
               ylabel=_("change of z from p"), title=_("surface vs tangent plane along Δ"))
    ax_cut.axhline(0, color="0.85", lw=0.8)
    ax_cut.axvline(0, color="0.85", lw=0.8)
    lines = {"section": ax_map.plot([], [], ls=":", color="0.4", lw=1)[0],
             "step": ax_map.plot([], [], color="C3", lw=2)[0],
             "point": ax_map.plot([], [], "o", color="k")[0],
             "exact": ax_cut.plot([], [], color="C0", lw=2, label=_("exact f(p + s u) − f(p)"))[0],
             "approx": ax_cut.plot([], [], color="C3", lw=1.5, label=_("tangent plane ∇f·(s u)"))[0],
             "gap": ax_cut.plot([], [], color="k", lw=2.5)[0],
             "exact_point": ax_cut.plot([], [], "o", color="C0")[0],
             "approx_point": ax_cut.plot([], [], "o", mfc="none", color="C3")[0]}
    ax_cut.legend(loc="lower right", fontsize=8)
    readout = ax_cut.text(0.02, 0.97, "", transform=ax_cut.transAxes, va="top", fontsize=8.5,
                          family=monospace(), bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"})
    controls = {"x0": slider(0.5, -3, 3, step=0.05, description="x0"),
                "y0": slider(0.3, -3, 3, step=0.05, description="y0"),
                "dx": slider(0.8, -1.5, 1.5, step=0.05, description="Δx"),
                "dy": slider(0.6, -1.5, 1.5, step=0.05, description="Δy")}
    # monospace: the translator keeps the "=" signs in a column
    summary = _("Δz exact = {exact:+.5f}\n∇z·Δ     = {approx:+.5f}\nerror    = {error:+.2e}")
    relative = _("error/|Δ|² = {ratio:+.3f}")

    def compute(x0, y0, dx, dy):
        p, dp = np.array([x0, y0]), np.array([dx, dy])
        data = plane_section(s, p, dp)
        at = plane_summary(p, dp)
        text = summary.format(exact=at["exact"], approx=at["approx"], error=at["error"])
        if at["size"] > 0:
            text += "\n" + relative.format(ratio=at["error"] / at["size"] ** 2)
        data["readout"] = text
        return data

    return Explorer(fig, lines, controls, compute, texts={"readout": readout})


def chain_graph_values(x=1.0, y=2.0):
    """z = u²·v with u = x + y, v = x·y, as a computational graph: node values, the local derivative on
    each edge, and ∂z/∂x, ∂z/∂y as sums over the paths (chain rule for several variables)."""
    u, v = x + y, x * y
    z = u * u * v
    edge = {("x", "u"): 1.0, ("y", "u"): 1.0, ("x", "v"): y, ("y", "v"): x,
            ("u", "z"): 2 * u * v, ("v", "z"): u * u}
    paths = {s: (edge[(s, "u")] * edge[("u", "z")], edge[(s, "v")] * edge[("v", "z")]) for s in ("x", "y")}
    return {"u": u, "v": v, "z": z, "edge": edge, "paths": paths,
            "dz_dx": sum(paths["x"]), "dz_dy": sum(paths["y"])}


def chain_graph_figure(x=1.0, y=2.0):
    """The graph of z = u²v, u = x + y, v = xy: values in the nodes, local derivatives on the edges."""
    import matplotlib.pyplot as plt

    g = chain_graph_values(x, y)
    fig, ax = plt.subplots(figsize=(6.5, 2.8))
    nodes = {"x": (0.0, 1.0), "y": (0.0, 0.0), "u": (2.0, 1.0), "v": (2.0, 0.0), "z": (4.0, 0.5)}
    text = {"x": f"x = {x:g}", "y": f"y = {y:g}", "u": f"u = x + y = {g['u']:g}",
            "v": f"v = xy = {g['v']:g}", "z": f"z = u²v = {g['z']:g}"}
    names = {("x", "u"): "∂u/∂x = 1", ("y", "u"): "∂u/∂y = 1", ("x", "v"): "∂v/∂x = y",
             ("y", "v"): "∂v/∂y = x", ("u", "z"): "∂z/∂u = 2uv", ("v", "z"): "∂z/∂v = u²"}
    for name, (px, py) in nodes.items():
        ax.add_patch(plt.Circle((px, py), 0.2, fc="white", ec="k", lw=1.5, zorder=2))
        ax.text(px, py, name, ha="center", va="center", fontsize=12, zorder=3)
        ax.text(px + (0.0 if name == "z" else -0.3), py + (0.3 if py >= 0.5 else -0.42), text[name],
                ha="center" if name == "z" else "right" if name in "xy" else "left", fontsize=9)
    for (a, b), value in g["edge"].items():
        (xa, ya), (xb, yb) = nodes[a], nodes[b]
        ax.annotate("", xy=(xb, yb), xytext=(xa, ya),
                    arrowprops=dict(arrowstyle="-|>", lw=1.2, shrinkA=14, shrinkB=14, color="0.3"))
        label = f"{names[(a, b)]} = {value:g}"
        style = dict(fontsize=8, color="C3", bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
        if ya == yb or b == "z":  # straight or outgoing edges: the label above/below the middle
            mx, my = (xa + xb) / 2, (ya + yb) / 2
            above = ya > yb or (ya == yb and ya > 0.5)  # the bottom row's label goes below its edge
            ax.text(mx, my + (0.1 if above else -0.1), label, ha="center", va="bottom" if above else "top", **style)
        else:  # the two crossing edges: each label near its start, on the outer side
            mx, my = xa + 0.2 * (xb - xa), ya + 0.2 * (yb - ya)
            ax.text(mx + 0.12, my, label, ha="left", va="top" if ya > yb else "bottom", **style)
    ax.set(xlim=(-0.7, 4.7), ylim=(-0.65, 1.5), aspect="equal")
    ax.axis("off")
    ax.set_title(_("forward: values · on each edge: the local derivative (red)"), fontsize=9)
    return fig
