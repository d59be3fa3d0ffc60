"""Chapter 09: a signal and its gradient through 50 random layers, with a weight-scale slider.

The 50 random matrices are drawn once; the slider multiplies them all by the weight scale s, so moving
it redraws the same network at another scale. Left: ‖a^l‖ per layer (forward); middle: ‖∂C/∂a^l‖ per
layer (backward, from the top); right: the mean-field factor √χ by which a gradient's norm changes per
layer, against s, with the critical scale (√χ = 1) marked and the current s as a dot.
"""
import ipywidgets as widgets
import numpy as np

from .. import depth
from ..course.explorer import Explorer, new_figure
from ..course.language import N_, translate as _

DEPTH, WIDTH, SEED = 50, 100, 0
SCALES = np.round(np.arange(0.25, 3.001, 0.05), 2)  # the slider's values
TOP = 3.1  # the right panel's height: √χ of a linear stack reaches 3 at s = 3
LIMIT = 1e15  # norms beyond this (or below 1/LIMIT) are drawn at the edge of the plot
REGIMES = (N_("vanishing"), N_("stable"), N_("exploding"))  # depth.regime_of's verdicts, shown translated


def depth_curves(scale, activation="tanh", weights=None, chi=None):
    """The explorer's data for one weight scale: forward and gradient norms per layer (relative to the
    input and to the top), clipped to the plot's range, and the verdict (from the gradient factor χ,
    computed unless given)."""
    out = depth.signal_through_depth(scale, DEPTH, WIDTH, activation, SEED, weights=weights)
    chi = depth.gradient_factor(scale, activation) if chi is None else chi
    clip = lambda v: np.clip(np.nan_to_num(v, nan=1 / LIMIT, posinf=LIMIT), 1 / LIMIT, LIMIT)  # noqa: E731
    return {"forward": clip(out["forward"]), "gradient": clip(out["gradient"]),
            "regime": depth.regime_of(chi, DEPTH), "chi": chi,
            "input_gradient": float(out["gradient"][0])}


def factor_curve(activation):
    """√χ per layer against the slider's scales, and the critical scale where it is 1."""
    return (np.array([np.sqrt(depth.gradient_factor(s, activation)) for s in SCALES]),
            depth.critical_scale(activation))


def depth_explorer(scale=1.0, activation="tanh"):
    """A weight-scale slider (and the activation) that redraws the norms of the signal and of the
    gradient through 50 random layers: vanishing, stable near the critical scale, exploding."""
    weights = depth.random_layers(DEPTH, WIDTH, SEED)
    factors = {}

    def factor(name):
        if name not in factors:
            factors[name] = factor_curve(name)
        return factors[name]

    layer = np.arange(DEPTH + 1)
    fig, (ax_f, ax_g, ax_c) = new_figure(ncols=3, width=9.5, height=3.1)
    for ax, title in ((ax_f, _("signal ‖aˡ‖ / ‖a⁰‖")), (ax_g, _("gradient ‖∂C/∂aˡ‖ / ‖∂C/∂a⁵⁰‖"))):
        ax.set(yscale="log", xlim=(0, DEPTH), ylim=(1 / LIMIT, LIMIT), xlabel=_("layer l"))
        ax.axhline(1.0, color="0.7", lw=0.8)
        ax.set_title(title, fontsize=9)
    ax_c.set(xlim=(SCALES[0], SCALES[-1]), ylim=(0, TOP), xlabel=_("weight scale s"))
    ax_c.axhline(1.0, color="0.7", lw=0.8)
    ax_c.set_title(_("gradient factor per layer √χ"), fontsize=9)
    lines = {"forward": ax_f.plot(layer, layer, lw=2, color="C0")[0],
             "gradient": ax_g.plot(layer, layer, lw=2, color="C3")[0],
             "factor": ax_c.plot(SCALES, SCALES, lw=1.5, color="C2")[0],
             "critical": ax_c.plot([1, 1], [0, TOP], ls="--", lw=1, color="k")[0],
             "now": ax_c.plot([1], [1], "o", color="C3")[0]}
    readout = ax_g.text(0.03, 0.04, "", transform=ax_g.transAxes, fontsize=8, va="bottom")
    critical_label = ax_c.text(0.97, 0.96, "", transform=ax_c.transAxes, ha="right", va="top", fontsize=8)
    controls = {"scale": widgets.FloatSlider(value=scale, min=SCALES[0], max=SCALES[-1], step=0.05,
                                             description=_("weight scale"), readout_format=".2f"),
                "activation": widgets.Dropdown(options=["tanh", "relu", "identity"], value=activation,
                                               description=_("activation"))}
    regimes = {regime: _(regime) for regime in REGIMES}
    verdict, critical_s = _("s = {s:.2f}: {regime}\ninput gradient ×{factor:.2g}"), _("critical s = {s:.3g}")

    def compute(scale, activation):
        root_chi, critical = factor(activation)
        k = int(np.argmin(np.abs(SCALES - scale)))  # the slider's values are SCALES: χ is looked up
        chi = root_chi[k] ** 2 if abs(SCALES[k] - scale) < 1e-9 else None
        curves = depth_curves(scale, activation, weights, chi)
        return {"forward": curves["forward"], "gradient": curves["gradient"],
                "factor": root_chi, "critical": ([critical, critical], [0, TOP]),
                "now": ([scale], [np.sqrt(curves["chi"])]),
                "readout": verdict.format(s=scale, regime=regimes[curves["regime"]], factor=curves["input_gradient"]),
                "critical_label": critical_s.format(s=critical)}

    return Explorer(fig, lines, controls, compute, texts={"readout": readout, "critical_label": critical_label})
