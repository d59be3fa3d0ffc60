"""Chapter 12: an optimiser race on a ravine — plain gradient descent, momentum and Adam from one start.

The ravine is Rosenbrock-like but a quadratic rotated by 30°, so no coordinate is the valley's direction
(Adam's per-coordinate scaling gets no free help). Each optimiser of `dlmath.optimizers` runs the same
number of steps; the paths and the losses per step are drawn. A move reruns `race` (pure).
"""
import numpy as np

from ..course.explorer import Explorer, new_figure, slider
from ..course.language import N_, translate as _
from .momentum import optimizer_path
from ..optimize import Quadratic
from ..optimizers import SGD, Adam

_c, _s = np.cos(np.radians(30)), np.sin(np.radians(30))
_R = np.array([[_c, -_s], [_s, _c]])
RAVINE = Quadratic(_R @ np.diag([0.5, 20.0]) @ _R.T)
START = np.array([-3.0, 2.0])
RUNNERS = {N_("gradient descent"): "C0", N_("momentum"): "C1", "Adam": "C2"}  # the legend translates the names


def race(eta, beta, eta_adam, steps=80, start=START, bowl=RAVINE):
    """{runner: (path (k + 1, 2), losses (k + 1,))} for the three optimisers; a run that leaves the
    range stops there."""
    optimizers = {"gradient descent": SGD(eta), "momentum": SGD(eta, beta), "Adam": Adam(eta_adam)}
    return {name: optimizer_path(optimizer, steps, start, bowl) for name, optimizer in optimizers.items()}


def race_explorer(eta=0.04, beta=0.8, eta_adam=0.2, steps=80):
    fig, (ax_map, ax_loss) = new_figure(ncols=2, width=9.5, height=3.8)
    xs = np.linspace(-4, 4, 121)
    X, Y = np.meshgrid(xs, xs)
    ax_map.contour(X, Y, RAVINE.f(np.stack([X, Y], axis=-1)), levels=np.geomspace(0.05, 150, 10), colors="0.75",
                   linewidths=0.7)
    ax_map.plot([0], [0], "*", color="k", ms=9)
    ax_map.set(xlim=(-4, 4), ylim=(-4, 4), aspect="equal", title=_("the paths"))
    ax_loss.set(yscale="log", ylim=(1e-10, 1e4), xlim=(0, steps), xlabel=_("step k"), title="f(x_k)")
    ax_loss.set_yticks([1e-10, 1e-5, 1, 1e4])
    ax_loss.minorticks_off()
    ax_loss.grid(True, alpha=0.3)
    lines = {}
    for name, colour in RUNNERS.items():
        lines[f"path {name}"] = ax_map.plot([], [], ".-", color=colour, lw=1, ms=2.5, label=_(name))[0]
        lines[f"loss {name}"] = ax_loss.plot([], [], color=colour, lw=1.5, label=_(name))[0]
    ax_loss.legend(loc="lower left", fontsize=7)
    controls = {"eta": slider(eta, 0.005, 0.1, step=0.005, description=_("η (GD, momentum)")),
                "beta": slider(beta, 0.0, 0.98, step=0.02, description="β"),
                "eta_adam": slider(eta_adam, 0.01, 1.0, step=0.01, description="η (Adam)")}

    def compute(eta, beta, eta_adam):
        runs = race(eta, beta, eta_adam, steps)
        out = {}
        for name, (path, loss) in runs.items():
            shown = np.clip(path, -6, 6)
            out[f"path {name}"] = (shown[:, 0], shown[:, 1])
            out[f"loss {name}"] = (np.arange(len(loss)), np.clip(loss, 1e-10, 1e4))
        return out

    return Explorer(fig, lines, controls, compute)
