"""Chapter 11: the exact linear regions of a small ReLU network, redrawn as you move one hidden unit,
and a depth/width chooser that compares the count with the bounds.

`unit_regions` (pure, tested) cuts the precomputed partition of the other units by the moving unit's
line only: the other units do not move, so their regions are computed once when the figure is made,
and a slider move splits each of them once. `chooser_regions` precomputes every depth/width the
chooser offers, so a move there is a lookup.
"""
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import hsv_to_rgb

from .. import regions as R
from ..course.explorer import Explorer, slider
from ..course.language import translate as _

BOX = (-1.0, 1.0, -1.0, 1.0)
# five hidden units of a 2-5-1 network; unit 1 (row 0) moves. Chosen so every line crosses the box
# and all 16 = Σ_{i≤2} C(5, i) regions show at the start, one of them the dead region.
W1 = np.array([[-1.0, -0.5], [0.8, -0.4], [-0.2, -1.1], [1.1, 0.1], [0.4, -1.0]])
B1 = np.array([-0.06, -0.11, 0.4, -0.16, 0.1])
W2, B2 = np.array([[1.0, -0.7, 0.5, 0.8, -0.6]]), np.array([0.1])
DEAD_COLOUR = (0.12, 0.12, 0.12, 1.0)
DEPTHS, WIDTHS = (1, 2, 3), (2, 3, 4, 5, 6)


def pattern_colours(patterns):
    """One colour per activation pattern, the dead region (all units off) dark. The hue steps by the
    golden ratio with the pattern's number, so patterns one bit apart (neighbouring regions) differ."""
    patterns = np.atleast_2d(np.asarray(patterns))
    codes = patterns @ (2.0 ** np.arange(patterns.shape[1])[::-1]) if patterns.size else np.zeros(len(patterns))
    hue = (codes * 0.6180339887 + 0.1) % 1.0
    colours = np.column_stack([hsv_to_rgb(np.column_stack([hue, np.full_like(hue, 0.45), np.full_like(hue, 0.95)])),
                               np.ones_like(hue)])
    colours[~patterns.any(axis=1)] = DEAD_COLOUR
    return colours


def _map_figure(title):
    """A square map of the box on the left and room for the readout on the right."""
    with plt.ioff():
        fig = plt.figure(figsize=(8.4, 4.6))
    ax = fig.add_axes([0.08, 0.11, 0.5, 0.8])
    ax.set(xlim=BOX[:2], ylim=BOX[2:], aspect="equal", xlabel="$x_1$", ylabel="$x_2$")
    ax.set_title(title, fontsize=9)
    readout = fig.text(0.62, 0.88, "", ha="left", va="top", fontsize=11, linespacing=1.6)
    return fig, ax, readout


class Polygons(PolyCollection):
    """A PolyCollection the Explorer can update like a line: set_data(polygons, face colours)."""

    def set_data(self, verts, colours):
        self.set_verts(verts)
        self.set_facecolor(colours)


def network(w1=W1[0, 0], w2=W1[0, 1], b=B1[0]):
    """The 2-5-1 network with unit 1's weights and bias replaced, as (W, b) pairs."""
    W, B = W1.copy(), B1.copy()
    W[0], B[0] = (w1, w2), b
    return [(W, B), (W2, B2)]


def unit_regions(fixed, w, b, unit=0):
    """The regions of a one-hidden-layer net from the regions `fixed` of its other units (a list of
    Region, patterns without `unit`) and the moving unit's weights w (2,) and bias b: each fixed
    polygon split by the line w·x + b = 0. Returns [(polygon, full pattern), …]."""
    w = np.asarray(w, dtype=float)
    out = []
    for r in fixed:
        scale = float(np.abs(r.polygon).max()) * np.abs(w).sum() + abs(b) + 1e-300
        for half, on in zip(R.split_polygon(r.polygon, w, b, 1e-12 * scale), (1, 0)):
            if half is not None and R.polygon_area(half) > 1e-14:
                out.append((half, np.insert(r.pattern, unit, on)))
    return out


def _line(w, b, box=BOX, pad=0.5):
    """Two points of the line w·x + b = 0 beyond the box (the axes clip it), or nothing if w = 0."""
    x0, x1, y0, y1 = box[0] - pad, box[1] + pad, box[2] - pad, box[3] + pad
    if abs(w[1]) >= abs(w[0]) and w[1] != 0:
        xs = np.array([x0, x1])
        return xs, -(w[0] * xs + b) / w[1]
    if w[0] != 0:
        ys = np.array([y0, y1])
        return -(w[1] * ys + b) / w[0], ys
    return np.array([]), np.array([])


def _normal_arrow(w, b, length=0.25):
    """A short segment from the point of the line nearest the origin along w: the positive side."""
    n2 = float(np.dot(w, w))
    if n2 == 0:
        return np.array([]), np.array([])
    foot = -b * np.asarray(w) / n2
    tip = foot + length * np.asarray(w) / np.sqrt(n2)
    return np.array([foot[0], tip[0]]), np.array([foot[1], tip[1]])


def region_explorer(w1=float(W1[0, 0]), w2=float(W1[0, 1]), b=float(B1[0])):
    """Sliders for hidden unit 1's w1, w2 and b; the exact regions of the 2-5-1 net in [−1, 1]²,
    each filled with its pattern's colour (the dead region dark), the units' lines, the count."""
    n1 = len(B1)
    fixed = R.partition([(W1[1:], B1[1:]), (W2[:, 1:], B2)], BOX)  # the four units that do not move
    fig, ax, readout = _map_figure(_("exact linear regions of a 2-5-1 ReLU net\n"
                                     "red: unit 1 and its normal w, toward its positive side"))
    ticks = [_normal_arrow(W1[j], B1[j], 0.12) for j in range(1, n1)]  # the fixed units' normals
    ticks_x = np.concatenate([np.append(x, np.nan) for x, y in ticks])
    ticks_y = np.concatenate([np.append(y, np.nan) for x, y in ticks])
    fig.text(0.62, 0.62, _("5 lines make at most\nΣ_(i≤2) C(5, i) = {count} regions\n\n"
                           "dark: the dead region, where\nevery unit is off and the\nnetwork is constant"
                           ).format(count=R.zaslavsky(2, n1)),
             ha="left", va="top", fontsize=9.5, linespacing=1.5)
    polys = Polygons([], edgecolors="white", linewidths=1.0)  # region borders: the units' lines
    ax.add_collection(polys)
    lines = {"regions": polys,
             "normals": ax.plot([], [], color="white", lw=1.2)[0],
             "unit": ax.plot([], [], color="C3", lw=2.5)[0],
             "normal": ax.plot([], [], color="C3", lw=2, marker="o", markevery=[1], ms=4)[0]}
    controls = {"w1": slider(w1, -2, 2, 0.05, "w₁"), "w2": slider(w2, -2, 2, 0.05, "w₂"),
                "b": slider(b, -2, 2, 0.05, "b")}
    count, dead_area, no_dead = _("{n} regions\n{dead}"), _("dead region: area {area:.2f}"), _("no dead region")

    def compute(w1, w2, b):
        found = unit_regions(fixed, (w1, w2), b)
        dead = [p for p, pat in found if not pat.any()]
        dead_text = dead_area.format(area=R.polygon_area(dead[0])) if dead else no_dead
        return {"regions": ([p for p, pat in found], pattern_colours([pat for p, pat in found])),
                "normals": (ticks_x, ticks_y), "unit": _line((w1, w2), b), "normal": _normal_arrow((w1, w2), b),
                "readout": count.format(n=len(found), dead=dead_text)}

    return Explorer(fig, lines, controls, compute, texts={"readout": readout})


def chooser_regions(depth, width, seed=0, box=BOX):
    """The exact partition of a random 2-(width × depth)-1 ReLU net in the box, its count and the
    bounds: {"regions": [Region], "count", "serra", "montufar", "one_layer"} (one_layer: Zaslavsky
    for the same number of units in one layer)."""
    widths = (int(width),) * int(depth)
    net = R.random_relu_net(2, widths, seed=seed)
    found = R.partition(net, box)
    return {"regions": found, "count": len(found), "serra": R.serra_upper(2, widths),
            "montufar": R.montufar_lower(2, widths), "one_layer": R.zaslavsky(2, sum(widths))}


def region_count_explorer(depth=2, width=4):
    """Choose the depth and width of a random ReLU net; the exact regions in [−1, 1]², the count and
    the bounds. Every choice is computed when the figure is made, so a move is a lookup."""
    table = {(d, w): chooser_regions(d, w) for d in DEPTHS for w in WIDTHS}
    fig, ax, readout = _map_figure(_("exact regions of a random ReLU net in [−1, 1]²"))
    fig.text(0.62, 0.42, _("counted: regions in the box\nbound: no net has more, on all of R²\n"
                           "    (Serra et al. 2018)\nsome net: a net of this shape with\n    at least this many "
                           "(Montúfar\n    et al. 2014)\none layer: the same units in one\n    layer (Zaslavsky)"),
             ha="left", va="top", fontsize=9, linespacing=1.45)
    polys = Polygons([], edgecolors="white", linewidths=0.5)
    ax.add_collection(polys)
    controls = {"depth": widgets.IntSlider(value=depth, min=DEPTHS[0], max=DEPTHS[-1], description=_("depth")),
                "width": widgets.IntSlider(value=width, min=WIDTHS[0], max=WIDTHS[-1], description=_("width"))}
    template = _("{depth} × {width} units\ncounted: {count}\nbound: {serra}\n"
                 "some net: ≥ {montufar}\none layer: ≤ {one_layer}")

    def compute(depth, width):
        run = table.get((depth, width)) or chooser_regions(depth, width)
        found = run["regions"]
        text = template.format(depth=depth, width=width, count=run["count"], serra=run["serra"],
                               montufar=run["montufar"], one_layer=run["one_layer"])
        return {"regions": ([r.polygon for r in found], pattern_colours([r.pattern for r in found])),
                "readout": text}

    return Explorer(fig, {"regions": polys}, controls, compute, texts={"readout": readout})


def draw_regions(ax, found, box=BOX, edge="white"):
    """A static map: the polygons of `found` (a list of Region) filled by pattern colour, the dead
    region dark, on the box."""
    ax.add_collection(PolyCollection([r.polygon for r in found], facecolors=pattern_colours([r.pattern for r in found]),
                                     edgecolors=edge, linewidths=0.6))
    ax.set(xlim=box[:2], ylim=box[2:], aspect="equal")
    return ax
