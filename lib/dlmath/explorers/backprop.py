"""Chapter 07: train the book's 12-3-2 network with a learning-rate slider and watch C_T fall (or not),
and a small computational graph in which a variable used twice adds up its gradients.

The training curves are precomputed for every value the slider can take (26 trainings of a few
milliseconds each when the figure is made), so a slider move only looks one up.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .. import datasets
from ..models import MLP
from ..course.explorer import Explorer, new_figure
from ..course.language import translate as _

EPOCHS = 200          # full-batch gradient-descent steps per training
SEED = 1              # the starting weights, the same for every η
ETA_EXPONENTS = np.round(np.arange(-0.5, 2.01, 0.1), 1)  # the slider: η = 10^e for these e, 0.3 … 100


def train_curves(eta, epochs=EPOCHS, seed=SEED):
    """Train the 12-3-2 sigmoid network with squared error on the 4×3 images, full batch (every step
    uses all images: plain gradient descent). η is the step on the mean cost C_T / N, the lib's
    convention (on C_T itself the same step is η / N). Returns C_T and the training accuracy after each
    step, as arrays of length `epochs`, and the trained network."""
    data = datasets.zero_one_images()
    net = MLP((12, 3, 2), hidden="sigmoid", output="sigmoid", loss="squared_error", seed=seed)
    history = net.fit(data.x, data.t, eta=eta, epochs=epochs, batch_size=len(data.x), progress=False)
    return {"cost": len(data.x) * np.asarray(history), "accuracy": np.asarray(net.train_accuracy), "net": net}


def _key(eta):
    return round(float(np.log10(eta)), 1)


def eta_explorer(eta=3.0):
    """An η slider (log scale) that retrains the 12-3-2 network and redraws C_T and the accuracy per step."""
    n_images = len(datasets.zero_one_images().x)
    curves = {e: train_curves(10.0 ** e) for e in ETA_EXPONENTS}  # precomputed: a move is a lookup
    steps = np.arange(1, EPOCHS + 1)
    fig, (ax_cost, ax_acc) = new_figure(ncols=2, width=7.5, height=3.0)
    ax_cost.set(yscale="log", xlim=(0, EPOCHS), ylim=(0.01, 100), xlabel=_("gradient-descent step"))
    ax_cost.set_title(_("C_T over {n} images").format(n=n_images), fontsize=10)
    ax_acc.set(xlim=(0, EPOCHS), ylim=(0.3, 1.03), xlabel=_("gradient-descent step"))
    ax_acc.set_title(_("fraction classified right"), fontsize=10)
    lines = {"cost": ax_cost.plot(steps, steps, lw=2, color="C0")[0],
             "accuracy": ax_acc.plot(steps, steps, lw=2, color="C2")[0]}
    readout = ax_cost.text(0.97, 0.96, "", transform=ax_cost.transAxes, ha="right", va="top", fontsize=8)
    controls = {"eta": widgets.FloatLogSlider(value=eta, base=10, min=ETA_EXPONENTS[0], max=ETA_EXPONENTS[-1],
                                              step=0.1, description=_("η (mean C)"), readout_format=".3g")}
    template = _("η = {eta:.3g}\nC_T: {first:.2f} → {last:.3f}\nright: {right:.0%}")

    def compute(eta):
        key = _key(eta)
        run = curves[key] if key in curves else train_curves(eta)
        cost, acc = run["cost"], run["accuracy"]
        return {"cost": cost, "accuracy": acc,
                "readout": template.format(eta=eta, first=cost[0], last=cost[-1], right=acc[-1])}

    return Explorer(fig, lines, controls, compute, texts={"readout": readout})


def graph_values(x=3.0, y=2.0):
    """f = (x + y)·x as a graph: forward values and the gradient ∂f/∂(node) of every node, found backwards.
    x feeds two nodes, so its gradient is the sum of the two contributions."""
    s = x + y          # node s = x + y
    f = s * x          # node f = s · x
    df_ds = x          # ∂f/∂s: the other factor
    df_dx_direct = s   # ∂f/∂x along the edge x → f: the other factor
    df_dx_via_s = df_ds * 1.0
    return {"s": s, "f": f, "df_ds": df_ds, "df_dy": df_ds * 1.0,
            "df_dx_parts": (df_dx_via_s, df_dx_direct), "df_dx": df_dx_via_s + df_dx_direct}


def graph_figure(x=3.0, y=2.0):
    """The computational graph of f = (x + y)·x with forward values (black) and gradients (red)."""
    v = graph_values(x, y)
    fig, ax = plt.subplots(figsize=(6.5, 2.6))
    nodes = {"x": (0.0, 0.0), "y": (0.0, 1.0), "+": (1.5, 1.0), "×": (3.0, 0.5)}
    label = {"x": f"x = {x:g}", "y": f"y = {y:g}", "+": f"s = x + y = {v['s']:g}", "×": f"f = s·x = {v['f']:g}"}
    grad = {"x": f"∂f/∂x = {v['df_dx_parts'][0]:g} + {v['df_dx_parts'][1]:g} = {v['df_dx']:g}",
            "y": f"∂f/∂y = {v['df_dy']:g}", "+": f"∂f/∂s = x = {v['df_ds']:g}", "×": "∂f/∂f = 1"}
    for name, (px, py) in nodes.items():
        ax.add_patch(plt.Circle((px, py), 0.18, fc="white", ec="k", lw=1.5, zorder=2))
        ax.text(px, py, name if name in "+×" else name, ha="center", va="center", fontsize=12, zorder=3)
        ax.text(px, py + 0.28, label[name], ha="center", fontsize=9)
        ax.text(px, py - 0.36, grad[name], ha="center", fontsize=9, color="C3")
    for a, b, rad in (("x", "+", 0.0), ("y", "+", 0.0), ("+", "×", 0.0), ("x", "×", 0.0)):
        ax.annotate("", xy=nodes[b], xytext=nodes[a], arrowprops=dict(arrowstyle="-|>", lw=1.2, shrinkA=13,
                                                                      shrinkB=13, connectionstyle=f"arc3,rad={rad}"))
    ax.set(xlim=(-0.9, 3.9), ylim=(-0.6, 1.45), aspect="equal")
    ax.axis("off")
    ax.set_title(_("forward: values (black) · backward: gradients (red); x is used twice, so its two add"),
                 fontsize=9)
    return fig
