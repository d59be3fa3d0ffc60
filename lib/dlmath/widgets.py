"""Interactive figures: a pure compute function drives a figure through sliders, redrawn in place.

`Explorer` is the one thin widget layer every chapter uses. It takes
  compute(**values) -> {line name: y, or (x, y)}   (pure: no plotting, unit-tested on its own)
and a dict of ipywidgets controls. Moving a control calls compute with every control's value, puts the
new data into the existing lines with `set_data` and asks for `draw_idle` — no new figure, no flicker.
With `%matplotlib widget` (ipympl) the canvas is itself a widget and sits under the controls.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from . import activations as act


class Explorer:
    def __init__(self, fig, lines, controls, compute, texts=None):
        self.fig, self.lines, self.controls, self.compute = fig, lines, controls, compute
        self.texts = texts or {}  # {name: matplotlib Text} for readouts compute returns as strings
        for control in controls.values():
            control.observe(self.update, names="value")
        self.update()

    def values(self):
        return {name: c.value for name, c in self.controls.items()}

    def update(self, change=None):
        for name, data in self.compute(**self.values()).items():
            if name in self.texts:
                self.texts[name].set_text(data)
            elif isinstance(data, tuple):
                self.lines[name].set_data(*data)
            else:
                self.lines[name].set_ydata(data)
        self.fig.canvas.draw_idle()

    @property
    def widget(self):
        canvas = self.fig.canvas
        parts = [widgets.HBox(list(self.controls.values()), layout={"flex_flow": "row wrap"})]
        if isinstance(canvas, widgets.DOMWidget):  # ipympl
            canvas.header_visible = False
            parts.append(canvas)
        return widgets.VBox(parts)

    def _ipython_display_(self):
        from IPython.display import display
        display(self.widget)
        if not isinstance(self.fig.canvas, widgets.DOMWidget):
            display(self.fig)  # a static backend: show the figure as it is now


def slider(value, low, high, step=0.1, description=""):
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                               continuous_update=True, readout_format=".2f")


def new_figure(ncols=1, width=9.0, height=3.4):
    """A figure that is not shown on creation (ipympl would show it twice otherwise)."""
    with plt.ioff():
        fig, axes = plt.subplots(1, ncols, figsize=(width, height), layout="constrained")
    return fig, np.atleast_1d(axes)


# ------------------------------------------------------------------ chapter 00: a first slider

def line_values(x, w, b):
    """y = w x + b at the points x: the compute behind the demo slider."""
    return w * np.asarray(x, dtype=float) + b


def line_explorer():
    x = np.linspace(-3, 3, 61)
    fig, (ax,) = new_figure(width=6, height=3)
    (line,) = ax.plot(x, line_values(x, 1.0, 0.0), lw=2)
    ax.set(xlim=(-3, 3), ylim=(-6, 6), xlabel="x", ylabel="y = w x + b")
    ax.axhline(0, color="0.8", lw=0.8)
    ax.axvline(0, color="0.8", lw=0.8)
    controls = {"w": slider(1.0, -2, 2, description="w"), "b": slider(0.0, -3, 3, description="b")}
    return Explorer(fig, {"line": line}, controls, lambda w, b: {"line": line_values(x, w, b)})


# ------------------------------------------------------------------ chapter 01: one neuron

def neuron_curves(x, w, b, activation):
    """For a one-input neuron: z = w x + b, its output a(z), and da/dx = a'(z)·w (chain rule)."""
    f, df = act.ACTIVATIONS[activation]
    z = w * np.asarray(x, dtype=float) + b
    return {"output": f(z), "slope": df(z) * w}


def neuron_explorer(activation="sigmoid"):
    """A one-input neuron a(w x + b): sliders for w and b, a menu for the activation a."""
    x = np.linspace(-6, 6, 241)
    fig, (ax_out, ax_slope) = new_figure(ncols=2)
    lines = {"output": ax_out.plot(x, x, lw=2, color="C0")[0],
             "slope": ax_slope.plot(x, x, lw=2, color="C1")[0],
             "threshold": ax_out.plot([0, 0], [-1.5, 2.5], ls="--", color="0.5", lw=1)[0]}
    ax_out.set(xlim=(-6, 6), ylim=(-1.2, 2.2), xlabel="input x", title="output a(w x + b)")
    ax_slope.set(xlim=(-6, 6), ylim=(-3.2, 3.2), xlabel="input x", title="slope d a / d x = a'(z)·w")
    readout = ax_out.text(0.02, 0.95, "", transform=ax_out.transAxes, va="top", fontsize=9)
    controls = {"w": slider(1.0, -3, 3, description="weight w"),
                "b": slider(0.0, -4, 4, description="bias b"),
                "activation": widgets.Dropdown(options=list(act.ACTIVATIONS), value=activation,
                                               description="a")}

    def compute(w, b, activation):
        curves = neuron_curves(x, w, b, activation)
        # the neuron switches where z = 0, i.e. at x = −b/w = θ/w
        xt = -b / w if w != 0 else np.nan
        curves["threshold"] = (np.array([xt, xt]), np.array([-1.5, 2.5]))
        curves["readout"] = f"z = 0 at x = {xt:.2f}" if w != 0 else "w = 0: the input is ignored"
        return curves

    return Explorer(fig, lines, controls, compute, texts={"readout": readout})
