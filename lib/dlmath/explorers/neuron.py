"""Chapter 01: one neuron a(w x + b) with sliders for w and b and a menu for a."""
import ipywidgets as widgets
import numpy as np

from ..ops import activations as act
from ..course.explorer import Explorer, new_figure, slider
from ..course.language import translate as _


def break_jumps(y, fraction=0.2):
    """A copy of y with NaN after every jump: a step between neighbours larger than `fraction` of y's
    range and more than 10 times the steps on either side of it (a steep but smooth curve has steps of
    similar size next to each other; a jump stands alone).

    A line plotted through a jump draws a vertical segment there, which reads as "the function takes
    every value in between" (wrong for the step u and for ReLU'); a NaN leaves a gap instead.
    """
    y = np.array(y, dtype=float)  # a copy: the caller's data stay as they were
    if y.size < 2:
        return y
    steps = np.abs(np.diff(y))
    spread = np.nanmax(y) - np.nanmin(y)
    around = np.maximum(np.concatenate([[0.0], steps[:-1]]), np.concatenate([steps[1:], [0.0]]))
    jumps = (steps > fraction * spread) & (steps > 10 * around)
    y[1:][jumps] = np.nan
    return y


def neuron_curves(x, w, b, activation):
    """For a one-input neuron: z = w x + b, its output a(z), and da/dx = a'(z)·w (chain rule).

    Jumps (the step's at z = 0, ReLU's slope at z = 0) are left as gaps, not drawn as vertical lines.
    """
    f, df = act.ACTIVATIONS[activation]
    z = w * np.asarray(x, dtype=float) + b
    return {"output": break_jumps(f(z)), "slope": break_jumps(df(z) * w)}


def neuron_explorer(activation="sigmoid"):
    """A one-input neuron a(w x + b): sliders for w and b, a menu for the activation a."""
    x = np.linspace(-6, 6, 241)
    fig, (ax_out, ax_slope) = new_figure(ncols=2)
    lines = {"output": ax_out.plot(x, x, lw=2, color="C0")[0],
             "slope": ax_slope.plot(x, x, lw=2, color="C1")[0],
             "threshold": ax_out.plot([0, 0], [-1.5, 2.5], ls="--", color="0.5", lw=1)[0]}
    ax_out.set(xlim=(-6, 6), ylim=(-1.2, 2.2), xlabel=_("input x"), title=_("output a(w x + b)"))
    ax_slope.set(xlim=(-6, 6), ylim=(-3.2, 3.2), xlabel=_("input x"), title=_("slope d a / d x = a'(z)·w"))
    readout = ax_out.text(0.02, 0.95, "", transform=ax_out.transAxes, va="top", fontsize=9)
    controls = {"w": slider(1.0, -3, 3, description=_("weight w")),
                "b": slider(0.0, -4, 4, description=_("bias b")),
                "activation": widgets.Dropdown(options=list(act.ACTIVATIONS), value=activation,
                                               description="a")}
    switch, ignored = _("z = 0 at x = {x:.2f}"), _("w = 0: the input is ignored")  # translated once

    def compute(w, b, activation):
        curves = neuron_curves(x, w, b, activation)
        # the neuron switches where z = 0, i.e. at x = −b/w = θ/w
        xt = -b / w + 0.0 if w != 0 else np.nan  # + 0.0 turns -0.0 into 0.0 for the readout
        curves["threshold"] = (np.array([xt, xt]), np.array([-1.5, 2.5]))
        curves["readout"] = switch.format(x=xt) if w != 0 else ignored
        return curves

    return Explorer(fig, lines, controls, compute, texts={"readout": readout})
