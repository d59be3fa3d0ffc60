"""Chapter 05: fit the line y = p x + q to the students' data, by hand (p, q sliders) and by gradient
descent (an η slider). Both show where (p, q) sits on a contour map of C_T, computed once.
"""
import ipywidgets as widgets
import numpy as np

from .. import regression as reg
from ..course.explorer import Explorer, new_figure, slider
from ..course.language import translate as _

P_RANGE, Q_RANGE = (-1.0, 2.0), (-5.0, 70.0)  # the window of the (p, q) plane on the contour maps
X_RANGE = (-10.0, 10.0)                        # height above 160 cm
STEPS = 300                                    # the gradient-descent budget of the η explorer
START = (0.0, 0.0)                             # where gradient descent starts: "knows nothing"
TOL = 1e-4  # "converged" once a step moves (p, q) less than this: far below a pixel of the map, and
#             C_T is then within about 1e-5 of its minimum (a tol of 1e-8 would call a run that sits on
#             the minimum "not converged" for most of the slider)


def cost_map(x, y, p_range=P_RANGE, q_range=Q_RANGE, size=181):
    """C_T on a size × size grid of (p, q): (P, Q, C), each of shape (size, size). Computed once per figure."""
    P, Q = np.meshgrid(np.linspace(*p_range, size), np.linspace(*q_range, size))
    return P, Q, reg.cost(P, Q, x, y)


def line_and_residuals(p, q, x, y, xs):
    """The line at the points xs, the residual segments (one polyline, NaN between segments), C_T."""
    x, y = reg.data(x, y)
    fitted = reg.predict(p, q, x)
    nan = np.full_like(x, np.nan)
    segments = (np.column_stack([x, x, nan]).ravel(), np.column_stack([y, fitted, nan]).ravel())
    return {"line": (xs, reg.predict(p, q, xs)), "residuals": segments,
            "point": (np.array([p]), np.array([q])), "cost": reg.cost(p, q, x, y)}


def descent_curves(x, y, eta, xs, steps=STEPS, start=START, tol=TOL):
    """Gradient descent with learning rate eta: its path in (p, q), C_T per step, the final line."""
    run = reg.fit_by_gradient_descent(x, y, eta, steps=steps, start=start, tol=tol)
    p, q = run.x
    return {"path": (run.path[:, 0], run.path[:, 1]), "cost": (np.arange(len(run.values)), run.values),
            "fit": (xs, reg.predict(p, q, xs)), "run": run}


def descent_message(run, eta, limit, c_best=None):
    """How the run went, in words. Above the limit = 2/λ_max the run is diverging even before |p| passes
    10¹²: along the steepest direction the distance to the best line is multiplied by
    1 − ηλ_max < −1 at every step (for centred x, p − p* by 1 − ηΣx²). A run that ran out of steps
    says how far its C_T still is above the minimum c_best (when given)."""
    if eta > limit and not (run.converged or run.diverged):
        return _("diverging: the distance to the best line grows ×{factor:.3g} per step").format(
            factor=2 * eta / limit - 1)
    if c_best is not None and not (run.converged or run.diverged):
        return _("still moving after {steps} steps: C_T is {gap:.2g} above its minimum").format(
            steps=run.steps, gap=run.values[-1] - c_best)
    return run.message


def _contours(ax, x, y):
    """Draw the contour map of C_T and mark its minimum; returns the minimal cost."""
    P, Q, C = cost_map(x, y)
    p_best, q_best = reg.normal_equations(x, y)
    c_best = reg.cost(p_best, q_best, x, y)
    ax.contour(P, Q, C, levels=np.geomspace(1.3 * c_best, C.max(), 14), cmap="viridis", linewidths=0.8)
    ax.plot([p_best], [q_best], marker="*", color="k", ms=9, ls="none")
    ax.set(xlim=P_RANGE, ylim=Q_RANGE, xlabel=_("slope p"), ylabel=_("intercept q"))
    return c_best


def _data_axes(ax, x, y):
    ax.plot(x, y, "o", color="k", ms=5, zorder=3)
    ax.set(xlim=X_RANGE, ylim=(30, 75), xlabel=_("x = height − 160 (cm)"), ylabel=_("weight y (kg)"))


def cost_explorer(x=reg.X, y=reg.Y):
    """Move p and q: the line, its residuals and C_T on the left, the point (p, q) on C_T's contour map."""
    xs = np.array(X_RANGE)
    fig, (ax_data, ax_map) = new_figure(ncols=2, width=9.5, height=3.6)
    _data_axes(ax_data, x, y)
    _contours(ax_map, x, y)
    ax_map.set_title(_("C_T(p, q); ★ = minimum"), fontsize=10)
    lines = {"line": ax_data.plot(xs, xs, lw=2, color="C0")[0],
             "residuals": ax_data.plot([], [], lw=1.2, color="C3")[0],
             "point": ax_map.plot([], [], "o", color="C3", ms=7)[0]}
    readout = ax_data.text(0.02, 0.96, "", transform=ax_data.transAxes, va="top", fontsize=9)
    controls = {"p": slider(0.2, *P_RANGE, step=0.01, description=_("slope p")),
                "q": slider(45.0, *Q_RANGE, step=0.1, description=_("intercept q"))}

    def compute(p, q):
        out = line_and_residuals(p, q, x, y, xs)
        sign = "+" if q >= 0 else "−"
        out["readout"] = f"y = {p:.2f} x {sign} {abs(q):.2f}    C_T = {out.pop('cost'):.2f}"
        return out

    return Explorer(fig, lines, controls, compute, texts={"readout": readout})


def descent_explorer(x=reg.X, y=reg.Y, eta=0.001):
    """Gradient descent on C_T with a learning-rate slider: path on the map, C_T per step, the fitted line."""
    xs = np.array(X_RANGE)
    fig, (ax_map, ax_cost, ax_data) = new_figure(ncols=3, width=9.5, height=3.3)
    c_best = _contours(ax_map, x, y)
    ax_map.set_title(_("path from (p, q) = {start}").format(start=START), fontsize=10)
    ax_cost.axhline(c_best, ls="--", color="0.5", lw=1)
    ax_cost.set(yscale="log", xlim=(0, STEPS), ylim=(0.5 * c_best, 1e5), xlabel=_("step"))
    ax_cost.set_title(_("C_T per step (dashed: minimum)"), fontsize=10)
    _data_axes(ax_data, x, y)
    ax_data.set_title(_("the line after the last step"), fontsize=10)
    lines = {"path": ax_map.plot([], [], "o-", color="C3", ms=2, lw=1)[0],
             "cost": ax_cost.plot([], [], lw=2, color="C0")[0],
             "fit": ax_data.plot(xs, xs, lw=2, color="C0")[0]}
    # the readout spans the figure (a panel is too narrow for a sentence); a two-line placeholder to lay
    # out around, since Explorer freezes the layout
    readout = fig.suptitle(_("η\nhow the run went"), fontsize=9)
    # η = 10^(−4 + 0.02k): the default 10⁻³ and the round values 10⁻⁴, 10⁻², … are slider positions
    controls = {"eta": widgets.FloatLogSlider(value=eta, base=10, min=-4, max=-1.5, step=0.02,
                                              description="η", readout_format=".3g")}
    limit = reg.largest_stable_eta(x)
    template = _("η = {eta:.3g} (limit 2/λ_max = {limit:.3g}): {how}\n"
                 "after the last step p = {p:.4g}, q = {q:.4g}, C_T = {cost:.4g}")

    def compute(eta):
        out = descent_curves(x, y, eta, xs)
        run = out.pop("run")
        p, q = run.x
        out["readout"] = template.format(eta=eta, limit=limit, how=descent_message(run, eta, limit, c_best),
                                         p=p, q=q, cost=run.values[-1])
        return out

    return Explorer(fig, lines, controls, compute, texts={"readout": readout})
