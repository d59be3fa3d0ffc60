"""Chapter 06: draw a 4×3 image with 12 clickable pixels and watch the 12-3-2 network's two outputs; move
one of its 47 weights and watch the cost C_T over all the images follow.

The network is the book's 12-3-2 sigmoid net, trained once (a few milliseconds, by the method of
chapter 07) so that its outputs mean something: output 1 says "0", output 2 says "1".
"""
from functools import lru_cache

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .. import datasets, ops
from ..arrays import read_only
from ..models import MLP
from ..course.explorer import Explorer
from ..course.language import translate as _

SIZES = (12, 3, 2)
SEED, ETA, EPOCHS = 1, 10.0, 300   # full-batch gradient descent on the mean cost (MLP.fit)
WEIGHT = (2, 1, 5)                 # w²_15: from the centre pixel 5 to hidden unit 1 (book numbering)
WEIGHT_RANGE = (-8.0, 8.0)
ROWS, COLS = 4, 3


@lru_cache(maxsize=None)
def _trained():
    data = datasets.zero_one_images()
    net = MLP(SIZES, hidden="sigmoid", output="sigmoid", loss="squared_error", seed=SEED)
    net.fit(data.x, data.t, eta=ETA, epochs=EPOCHS, batch_size=len(data.x), progress=False)
    return tuple(read_only(p) for p in (*net.W, *net.b))


def trained_network():
    """A fresh MLP (12, 3, 2) with the trained weights (its own copies: change them freely)."""
    W2, W3, b2, b3 = _trained()
    return MLP.from_weights([W2, W3], [b2, b3], hidden="sigmoid", output="sigmoid", loss="squared_error")


def with_weight(net, weight, value):
    """A copy of `net` whose weight w^l_ji (weight = (l, j, i), book numbering from 1) is `value`."""
    l, j, i = weight
    out = MLP.from_weights(net.W, net.b, hidden=net.hidden, output=net.output, loss=net.loss)
    out.W[l - 2][j - 1, i - 1] = value
    return out


def network_outputs(pixels, net):
    """The two outputs (a³_1, a³_2) of `net` for a 4×3 image given as 12 pixels (row by row, 1 = ink)."""
    x = np.asarray(pixels, dtype=np.float64).reshape(1, -1)
    return net.forward(x)[0]


def cost_along_weight(net, weight, values, data=None):
    """C_T = Σ_images ½ Σ_j (a³_j − t_j)² over the course's images, for every value in `values` of the
    one weight w^l_ji (weight = (l, j, i)), every other parameter as in `net`. Vectorised: the values
    form a leading axis of a stack of weight matrices, no loop over values or images."""
    if data is None:
        data = datasets.zero_one_images()
    l, j, i = weight
    values = np.asarray(values, dtype=np.float64).ravel()
    a = np.broadcast_to(data.x, (len(values), *data.x.shape))  # (V, N, 12)
    for k, (W, b) in enumerate(zip(net.W, net.b)):
        Ws = np.repeat(W[None], len(values), axis=0)            # (V, n_out, n_in)
        if k == l - 2:
            Ws[:, j - 1, i - 1] = values
        a = ops.activation(a @ Ws.transpose(0, 2, 1) + b, "sigmoid")
    return np.sum(0.5 * (a - data.t) ** 2, axis=(1, 2))


def pixel_picture(pixels):
    """Where to draw the ink: (column, row) of every pixel that is on, row 0 at the top."""
    on = np.flatnonzero(np.asarray(pixels, dtype=bool))
    return on % COLS, on // COLS


INK = "■"


def _show_ink(change):
    change["owner"].description = INK if change["new"] else ""


class PixelExplorer(Explorer):
    """The Explorer with its 12 pixel buttons laid out as the 4×3 image, the slider beside them."""

    @property
    def widget(self):
        if getattr(self, "_widget", None) is None:
            buttons = [self.controls[f"p{k + 1}"] for k in range(ROWS * COLS)]
            grid = widgets.GridBox(buttons, layout=widgets.Layout(
                grid_template_columns=f"repeat({COLS}, 34px)", grid_gap="2px", width="auto"))
            side = widgets.VBox([widgets.HTML(_("<b>draw</b>: click the pixels (4 rows × 3 columns)")),
                                 self.controls["w"]])
            self._widget = widgets.VBox([
                widgets.HBox([grid, side], layout={"align_items": "center", "grid_gap": "16px"}), self.view])
        return self._widget


def pixels_explorer(image=0, w=None):
    """Click pixels of a 4×3 image and watch the trained 12-3-2 network's two outputs; the slider moves
    the weight w²_15 (centre pixel → hidden unit 1) and shows C_T over all the images as it goes.
    image: the index of the course image to start from (0 is a ring-shaped "0")."""
    data = datasets.zero_one_images()
    net = trained_network()
    l, j, i = WEIGHT
    w0 = float(net.W[l - 2][j - 1, i - 1])
    grid = np.linspace(*WEIGHT_RANGE, 241)
    curve = cost_along_weight(net, WEIGHT, grid, data)

    with plt.ioff():
        fig, (ax_img, ax_out, ax_cost) = plt.subplots(
            1, 3, figsize=(8.6, 2.9), layout="constrained", gridspec_kw={"width_ratios": [1.0, 1.3, 2.4]})
    cols, rows = np.meshgrid(np.arange(COLS), np.arange(ROWS))
    ax_img.plot(cols.ravel(), rows.ravel(), "s", ms=22, mfc="white", mec="0.7")
    ax_img.set(xlim=(-0.6, COLS - 0.4), ylim=(ROWS - 0.4, -0.6), aspect="equal", xticks=[], yticks=[])
    ax_img.set_title(_("your image"), fontsize=10)
    ax_out.set(xlim=(-0.6, 1.6), ylim=(0, 1.05), xticks=[0, 1], xticklabels=['a³₁: "0"', 'a³₂: "1"'])
    ax_out.axhline(0.5, color="0.8", lw=1, zorder=0)
    ax_out.set_title(_("the network's outputs"), fontsize=10)
    ax_cost.plot(grid, curve, color="C0", lw=1.5)
    ax_cost.axvline(w0, color="0.75", ls=":", lw=1)
    ax_cost.set(xlim=WEIGHT_RANGE, ylim=(0, 1.08 * curve.max()), xlabel=_("w²₁₅ (centre pixel → hidden unit 1)"))
    ax_cost.set_title(_("C_T over all {n} images").format(n=len(data.x)), fontsize=10)
    lines = {"ink": ax_img.plot([], [], "s", ms=22, color="k")[0],
             "zero": ax_out.plot([0, 0], [0, 0], color="C0", lw=28, solid_capstyle="butt")[0],
             "one": ax_out.plot([1, 1], [0, 0], color="C1", lw=28, solid_capstyle="butt")[0],
             "dot": ax_cost.plot([w0], [curve[0]], "o", color="C3", ms=8)[0]}
    texts = {"verdict": ax_out.text(0.5, 0.98, "", transform=ax_out.transAxes, ha="center", va="top", fontsize=9),
             "readout": ax_cost.text(0.97, 0.96, "", transform=ax_cost.transAxes, ha="right", va="top", fontsize=9)}

    start = data.x[image]
    pixel = _("pixel {k}")
    controls = {f"p{k + 1}": widgets.ToggleButton(value=bool(start[k]), description="", tooltip=pixel.format(k=k + 1),
                                                  layout=widgets.Layout(width="34px", height="34px"))
                for k in range(ROWS * COLS)}
    for button in list(controls.values()):  # ink you can see: a black square on a pressed pixel
        button.style.font_size, button.style.text_color = "22px", "black"
        button.description = INK if button.value else ""
        button.observe(_show_ink, names="value")
    controls["w"] = widgets.FloatSlider(value=w0 if w is None else w, min=WEIGHT_RANGE[0], max=WEIGHT_RANGE[1],
                                        step=0.1, description="w²₁₅", readout_format=".2f")

    def compute(w, **pixels):
        image = np.array([pixels[f"p{k + 1}"] for k in range(ROWS * COLS)], dtype=np.float64)
        moved = with_weight(net, WEIGHT, w)
        a = network_outputs(image, moved)
        cost = float(cost_along_weight(net, WEIGHT, [w], data)[0])
        says = '"0"' if a[0] > a[1] else '"1"'
        return {"ink": pixel_picture(image), "zero": ([0, 0], [0, a[0]]), "one": ([1, 1], [0, a[1]]),
                "dot": ([w], [cost]),
                "verdict": f"a³ = ({a[0]:.2f}, {a[1]:.2f}) → {says}",
                "readout": f"w²₁₅ = {w:.2f}\nC_T = {cost:.3f}"}

    return PixelExplorer(fig, lines, controls, compute, texts=texts)


def network_figure(image=None, weight=(2, 1, 5)):
    """The 12-3-2 network drawn with the book's notation: the 4×3 image and its pixels numbered 1–12
    (layer 1, a¹_i = x_i), the hidden units (layer 2) and the outputs (layer 3), each unit showing its
    z^l_j and a^l_j, and one weight w^l_ji and one bias b^l_j written on the drawing."""
    sizes = SIZES
    image = datasets.zero_one_images().x[0] if image is None else np.asarray(image, dtype=np.float64)
    fig, (ax_img, ax) = plt.subplots(1, 2, figsize=(8.6, 4.6), gridspec_kw={"width_ratios": [1.0, 4.2]},
                                     layout="constrained")
    ax_img.imshow(image.reshape(ROWS, COLS), cmap="gray_r", vmin=0, vmax=1.6)
    for k in range(ROWS * COLS):
        ax_img.text(k % COLS, k // COLS, str(k + 1), ha="center", va="center", fontsize=10,
                    color="white" if image[k] else "k")
    ax_img.set(xticks=[], yticks=[])
    ax_img.set_title(_("the image, read\nrow by row"), fontsize=9)

    xs = (0.0, 7.0, 13.0)
    ys = [np.linspace(5.5, -5.5, n) if n > 3 else np.linspace(3.2 * (n - 1) / 2, -3.2 * (n - 1) / 2, n)
          for n in sizes]
    lj, jj, ii = weight
    for l in range(1, len(sizes)):
        for j, y1 in enumerate(ys[l]):
            for i, y0 in enumerate(ys[l - 1]):
                chosen = (l + 1, j + 1, i + 1) == (lj, jj, ii)
                ax.plot([xs[l - 1], xs[l]], [y0, y1], color="C3" if chosen else "0.8",
                        lw=2 if chosen else 0.6, zorder=3 if chosen else 1)
                if chosen:
                    t = 0.45
                    ax.text(xs[l - 1] + t * (xs[l] - xs[l - 1]), y0 + t * (y1 - y0) + 0.5,
                            f"w$^{{{lj}}}_{{{jj}{ii}}}$", color="C3", fontsize=12, ha="center")
    for l, (x, column) in enumerate(zip(xs, ys), start=1):
        for j, y in enumerate(column, start=1):
            if l == 1:
                ink = image[j - 1]
                ax.add_patch(plt.Circle((x, y), 0.4, fc="0.25" if ink else "white", ec="k", zorder=4))
                ax.text(x - 0.7, y, f"x$_{{{j}}}$", ha="right", va="center", fontsize=9)
            else:
                ax.add_patch(plt.Circle((x, y), 1.25, fc="white", ec="k", lw=1.5, zorder=4))
                ax.text(x, y, f"z$^{{{l}}}_{{{j}}}$ | a$^{{{l}}}_{{{j}}}$", ha="center", va="center",
                        fontsize=10, zorder=5)
                if (l, j) == (2, 1):
                    ax.text(x, y + 1.5, f"b$^{{{l}}}_{{{j}}}$", ha="center", color="C0", fontsize=11)
    labels = [_("layer 1: input\n12 units = pixels"), _("layer 2: hidden\n3 sigmoid units"),
              _("layer 3: output\n2 sigmoid units")]
    for x, text in zip(xs, labels):
        ax.text(x, -6.6, text, ha="center", va="top", fontsize=9)
    ax.text(xs[2] + 1.5, ys[2][0], _('says "{digit}"').format(digit=0), va="center", fontsize=9)
    ax.text(xs[2] + 1.5, ys[2][1], _('says "{digit}"').format(digit=1), va="center", fontsize=9)
    ax.set(xlim=(-2.2, 17.5), ylim=(-8.0, 6.4), aspect="equal")
    ax.axis("off")
    return fig
