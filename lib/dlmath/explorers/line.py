"""Chapter 00: a first slider, the line y = w x + b."""
import numpy as np

from ..course.explorer import Explorer, new_figure, slider
from ..course.language import translate as _


def line_values(x, w, b):
    """y = w x + b at the points x: the compute behind the demo slider."""
    return w * np.asarray(x, dtype=float) + b


def line_explorer():
    x = np.linspace(-3, 3, 61)
    fig, (ax,) = new_figure(width=6, height=3)
    (line,) = ax.plot(x, line_values(x, 1.0, 0.0), lw=2)
    ax.set(xlim=(-3, 3), ylim=(-6, 6), xlabel="x", ylabel="y = w x + b",
           title=_("a line: w tilts it, b lifts it"))
    ax.axhline(0, color="0.8", lw=0.8)
    ax.axvline(0, color="0.8", lw=0.8)
    controls = {"w": slider(1.0, -2, 2, description="w"), "b": slider(0.0, -3, 3, description="b")}
    return Explorer(fig, {"line": line}, controls, lambda w, b: {"line": line_values(x, w, b)})
