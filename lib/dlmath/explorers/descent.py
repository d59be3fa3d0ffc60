"""Chapter 04: gradient descent on an elongated bowl — learning-rate, start-point and steps sliders.

Left: the contour map of f(x, y) = ½ pᵀAp with arrows of −∇f and the descent path; right: the loss f(x_k) per step on a
log scale. The contours are computed once; each slider move runs `descent_path` (pure) and moves the
existing lines.
"""
import ipywidgets as widgets
import numpy as np

from ..optimize import Quadratic
from ..course.explorer import Explorer, new_figure, slider
from ..course.language import translate as _

# curvature 10 along (1, 1) and 1 along (1, −1): a valley running from top-left to bottom-right
BOWL = Quadratic([[5.5, 4.5], [4.5, 5.5]])
VIEW = (-3.0, 3.0)     # both axes of the contour map
LOSS_RANGE = (1e-10, 1e10)  # the loss plot's y range; values outside are drawn at its edge
TOL = 1e-4             # "converged" once a step is shorter than this (well below a pixel)


def descent_path(eta, x0, y0, steps, bowl=BOWL, view=VIEW, tol=TOL):
    """Run gradient descent on `bowl` from (x0, y0) and say how it went, ready to draw.

    Returns {"path": (xs, ys) clipped to a margin around `view`, "start", "end": one point each,
    "loss": (k, f(x_k)) clipped to LOSS_RANGE, "status": the run's verdict as `regime` corrects it,
    "readout": a sentence}.
    Never warns: a run that blows up stops and is reported as diverged.
    """
    run = bowl.descend([x0, y0], eta, steps=int(steps), tol=tol)
    lo, hi = view
    margin = 0.5 * (hi - lo)
    path = np.clip(run.path, lo - margin, hi + margin)  # a runaway path leaves the map, visibly
    loss = np.clip(run.values - bowl.f(bowl.minimiser), *LOSS_RANGE)
    status = regime(run, eta, bowl)
    return {"path": (path[:, 0], path[:, 1]),
            "start": (path[:1, 0], path[:1, 1]),
            "end": (path[-1:, 0], path[-1:, 1]),
            "loss": (np.arange(len(loss)), loss),
            "status": status,
            "readout": readout(run, eta, bowl)}


def unstable_growth(run, eta, bowl=BOWL):
    """The largest |1 − ηλ| > 1 over the directions in which the start has a component, else None.

    Above 2/λ_max the distance along the steepest direction grows by |1 − ηλ_max| every step, even
    while the loss still falls because the flat direction is shrinking: that run is diverging, however
    few steps it was given. A start exactly on the flat valley floor has no such component.
    """
    curvatures, directions = np.linalg.eigh(bowl.A)
    factors = np.abs(1 - eta * curvatures)
    offset = run.path[0] - bowl.minimiser
    components = np.abs(directions.T @ offset)
    excited = (factors > 1) & (components > 1e-9 * max(1.0, float(np.linalg.norm(offset))))
    return float(factors[excited].max()) if excited.any() else None


def regime(run, eta, bowl=BOWL):
    """The run's verdict, except that a run with η too large for its start is "diverging" early."""
    status = run.verdict
    if status not in ("converged", "diverged") and unstable_growth(run, eta, bowl) is not None:
        return "diverging"
    return status


def readout(run, eta, bowl=BOWL):
    """One line for the figure's title: the verdict and the numbers behind it."""
    limit = bowl.largest_stable_eta
    where = f"η = {eta:.3g} {'>' if eta > limit else '<'} 2/λ_max = {limit:.3g}"
    status = regime(run, eta, bowl)
    if status == "converged":
        return _("converged in {steps} steps ({where})").format(steps=run.steps, where=where)
    if status == "diverged":
        return _("diverged: |x| passed 10¹² after {steps} steps ({where})").format(steps=run.steps, where=where)
    if status == "diverging":
        if run.values[-1] > run.values[0]:
            return _("diverged: loss grew to {loss:.2g} after {steps} steps ({where})").format(
                loss=run.values[-1], steps=run.steps, where=where)
        growth = unstable_growth(run, eta, bowl)
        return _("diverging: the zig-zag grows ×{growth:.3g} per step — add steps to see it ({where})").format(
            growth=growth, where=where)
    distance = float(np.linalg.norm(run.x - bowl.minimiser))
    if status == "oscillating":
        return _("oscillating: zig-zag across the valley, {distance:.2g} from the minimum ({where})").format(
            distance=distance, where=where)
    # only a start on the valley floor survives η > 2/λ_max; a larger η would ruin any other start
    advice = _("raise the steps") if eta > limit else _("raise η or the steps")
    return _("slow: {distance:.2g} from the minimum after {steps} steps — {advice} ({where})").format(
        distance=distance, steps=run.steps, advice=advice, where=where)


def contour_grid(bowl=BOWL, view=VIEW, n=121):
    """X, Y, f(X, Y) on an n × n grid over the view: computed once per explorer."""
    xs = np.linspace(*view, n)
    X, Y = np.meshgrid(xs, xs)
    return X, Y, bowl.f(np.stack([X, Y], axis=-1))


def downhill_arrows(bowl=BOWL, view=VIEW, n=9):
    """Points of an n × n grid over the view and the direction of −∇f there as unit vectors (a zero
    gradient, at the minimum, gets a zero arrow): X, Y, U, V for quiver, computed once per explorer."""
    xs = np.linspace(*view, n + 2)[1:-1]  # inside the view, off its edges
    X, Y = np.meshgrid(xs, xs)
    G = -np.array([bowl.grad(p) for p in np.stack([X.ravel(), Y.ravel()], axis=1)])  # n² small gradients
    length = np.linalg.norm(G, axis=1, keepdims=True)
    unit = np.divide(G, length, out=np.zeros_like(G), where=length > 0)
    return X, Y, unit[:, 0].reshape(X.shape), unit[:, 1].reshape(X.shape)


LOSS_WIDTHS = (10, 30, 80, 200)  # the default 50 steps sits inside one: a step either way is blitted


def descent_explorer(eta=0.05, x0=-2.5, y0=-0.5, steps=50, bowl=BOWL, view=VIEW):
    """The learning-rate explorer: η on a log slider, start point, number of steps."""
    fig, (ax_map, ax_loss) = new_figure(ncols=2, width=9.5, height=4.2)
    X, Y, Z = contour_grid(bowl, view)
    levels = np.geomspace(0.01, Z.max(), 14)
    ax_map.contour(X, Y, Z, levels=levels, colors="0.6", linewidths=0.8)
    # −∇f as short grey arrows (directions only): each crosses its contour at a right angle
    ax_map.quiver(*downhill_arrows(bowl, view), color="0.55", angles="xy", scale=22, width=0.004,
                  headwidth=4, label="−∇f")
    c = bowl.minimiser
    ax_map.plot(c[:1], c[1:], marker="*", ms=12, color="C2", ls="none")
    lines = {"path": ax_map.plot([], [], "-o", color="C0", ms=3, lw=1.2)[0],
             "start": ax_map.plot([], [], "s", color="C0", ms=7)[0],
             "end": ax_map.plot([], [], "o", color="C3", ms=6)[0],
             "loss": ax_loss.plot([], [], "-o", color="C3", ms=2.5, lw=1.2)[0]}
    ax_map.set(xlim=view, ylim=view, aspect="equal", xlabel="x", ylabel="y",
               title=_("contours of f, arrows of −∇f, the path"))
    ax_loss.set(yscale="log", ylim=LOSS_RANGE, xlabel=_("step k"), title=_("loss f(x_k) per step"))
    ax_loss.set_yticks(10.0 ** np.arange(-10, 11, 5))
    ax_loss.minorticks_off()  # fixed ticks: cheaper to redraw
    ax_loss.grid(True, alpha=0.3)
    # a placeholder to lay out around; Explorer freezes the layout, so nothing jumps when it changes
    title = fig.suptitle(_("the verdict goes here"), fontsize=11)
    controls = {
        "eta": widgets.FloatLogSlider(value=eta, base=10, min=-3, max=-0.3, step=0.01,
                                      description="η", readout_format=".3g", continuous_update=True),
        "x0": slider(x0, view[0], view[1], description=_("start x0")),
        "y0": slider(y0, view[0], view[1], description=_("start y0")),
        "steps": widgets.IntSlider(value=steps, min=1, max=200, description=_("steps"),
                                   continuous_update=True),
    }

    def compute(eta, x0, y0, steps):
        data = descent_path(eta, x0, y0, steps, bowl, view)
        # the loss axis grows in a few fixed widths, so most moves of `steps` are blitted too;
        # only crossing a width needs a full redraw
        width = next((n for n in LOSS_WIDTHS if n >= steps), max(steps, 1))
        if ax_loss.get_xlim() != (0, width):
            ax_loss.set_xlim(0, width)
        return {name: data[name] for name in ("path", "start", "end", "loss", "readout")}

    explorer = Explorer(fig, lines, controls, compute, texts={"readout": title})
    explorer.book_grid = ("eta", "y0")  # the chapter's point: η and the start matter together
    return explorer
