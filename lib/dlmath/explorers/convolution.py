"""Chapter 08: a filter slid over an image, a filter chooser, and stride/padding/kernel sliders.

Each figure is a pure compute function (tested on its own) plus the thin Explorer layer. Images are
drawn with imshow and updated with set_data; the window on the image is a closed line.
"""
from functools import lru_cache

import ipywidgets as widgets
import numpy as np

from .. import datasets, ops
from ..models import CNN
from ..course.explorer import Explorer, new_figure
from ..course.language import N_, translate as _

VERTICAL_EDGE = np.array([[1.0, 0.0, -1.0], [1.0, 0.0, -1.0], [1.0, 0.0, -1.0]])  # bright left, dark right
HORIZONTAL_EDGE = VERTICAL_EDGE.T.copy()                                          # bright above, dark below
# the filters' names: English keys in code (datasets.BOOK_FILTERS' three first), the learner's language on screen
FILTER_NAMES = (N_("vertical stroke"), N_("horizontal stroke"), N_("diagonal /"), N_("vertical edge"),
                N_("horizontal edge"))
LEARNED = N_("learned {k} (book net)")


def book_image(digit=2, which=0):
    """One of the book's 6×6 images: the `which`-th image of `digit` (1, 2 or 3)."""
    x, labels = datasets.book_images()[:2]
    return np.array(x[np.flatnonzero(labels == digit - 1)[which]])


@lru_cache(maxsize=None)
def learned_book_filters(seed=1, epochs=300):
    """The three filters the book's network (three 3×3 filters, 2×2 max pooling, 3 sigmoid outputs)
    learns on the 6×6 images of 1, 2 and 3, by full-batch gradient descent from seeded weights."""
    x, _labels, t = datasets.book_images()
    net = CNN((1, 6, 6), filters=(3,), padding=0, activation="sigmoid", n_outputs=3, output="sigmoid",
                  loss="squared_error", seed=seed)
    net.fit(x, t, eta=3.0, epochs=epochs, batch_size=len(x), progress=False)
    return net.W[0][:, 0].copy()


def filters():
    """The filters the chooser offers, by name."""
    out = dict(datasets.BOOK_FILTERS)
    out["vertical edge"] = VERTICAL_EDGE
    out["horizontal edge"] = HORIZONTAL_EDGE
    for k, w in enumerate(learned_book_filters()):
        out[LEARNED.format(k=k + 1)] = w
    return out


def filter_labels():
    """{name in `filters()`: the name in the learner's language}."""
    learned = _(LEARNED)
    return {**{name: _(name) for name in FILTER_NAMES},
            **{LEARNED.format(k=k): learned.format(k=k) for k in range(1, len(learned_book_filters()) + 1)}}


# ---------------------------------------------------------------- 1. sliding a filter

def window_outline(i, j, k, stride=1, padding=0):
    """The corners of the k×k window at output position (i, j), in the image's pixel coordinates
    (pixel centres are whole numbers, so the outline runs along the half-integers)."""
    top, left = i * stride - padding - 0.5, j * stride - padding - 0.5
    xs = [left, left + k, left + k, left, left]
    ys = [top, top, top + k, top + k, top]
    return np.array(xs), np.array(ys)


def slide_state(image, w, i, j):
    """Everything the sliding figure shows with the filter at output position (i, j) (stride 1, no
    padding): the window, the inner product window·w, the cosine of the angle between them (Cauchy–
    Schwarz: |window·w| ≤ ‖window‖‖w‖), and the feature map filled in up to (i, j) row by row (NaN
    where the filter has not been yet)."""
    image, w = np.asarray(image, dtype=np.float64), np.asarray(w, dtype=np.float64)
    k = w.shape[0]
    full = ops.conv2d(image, w)
    window = image[i:i + k, j:j + k]
    product = float(np.sum(window * w))
    norms = float(np.linalg.norm(window) * np.linalg.norm(w))
    cosine = product / norms if norms > 0 else 0.0
    done = np.arange(full.size).reshape(full.shape) <= i * full.shape[1] + j
    return {"window": window, "product": product, "cosine": cosine, "bound": norms,
            "partial": np.where(done, full, np.nan), "full": full, "outline": window_outline(i, j, k)}


def slide_explorer(digit=2, filter_name="vertical stroke"):
    """Position sliders move a 3×3 filter over a 6×6 book image; the inner product fills the feature map."""
    image, w = book_image(digit), datasets.BOOK_FILTERS[filter_name]
    size = ops.output_size(image.shape[0], w.shape[0])
    fig, (ax_img, ax_w, ax_map) = new_figure(ncols=3, width=8.5, height=3.2)
    fig.get_layout_engine().set(rect=(0, 0.08, 1, 0.9))  # room for the readout below the panels
    ax_img.imshow(image, cmap="gray_r", vmin=0, vmax=1)
    ax_img.set_title(_("image of a {digit}: the window").format(digit=digit), fontsize=9)
    ax_w.imshow(w, cmap="RdBu_r", vmin=-1.5, vmax=1.5)
    for (r, c), v in np.ndenumerate(w):
        ax_w.text(c, r, f"{v:+g}", ha="center", va="center", fontsize=9)
    ax_w.set_title(_("filter: {name}").format(name=_(filter_name)), fontsize=9)
    bound = np.abs(ops.conv2d(image, w)).max() or 1.0
    fmap = ax_map.imshow(np.full((size, size), np.nan), cmap="RdBu_r", vmin=-bound, vmax=bound)
    ax_map.set_title(_("feature map (window · filter)"), fontsize=9)
    for ax in (ax_img, ax_w, ax_map):
        ax.set_xticks([]), ax.set_yticks([])
    outline = ax_img.plot([0], [0], color="C1", lw=3)[0]
    cell = ax_map.plot([0], [0], color="C1", lw=3)[0]
    readout = fig.text(0.5, 0.01, "", ha="center", fontsize=9)
    controls = {"i": widgets.IntSlider(value=0, min=0, max=size - 1, description=_("row i")),
                "j": widgets.IntSlider(value=0, min=0, max=size - 1, description=_("column j"))}
    template = _("window · filter = {product:+.0f}   ≤ ‖window‖‖filter‖ = {bound:.2f}   cosine = {cosine:+.2f}")

    def compute(i, j):
        s = slide_state(image, w, i, j)
        return {"outline": s["outline"], "cell": window_outline(i, j, 1), "fmap": (s["partial"],),
                "readout": template.format(product=s["product"], bound=s["bound"], cosine=s["cosine"])}

    return Explorer(fig, {"outline": outline, "cell": cell, "fmap": fmap}, controls, compute,
                    texts={"readout": readout})


# ---------------------------------------------------------------- 2. choosing a filter

def filter_response(image, w):
    """The feature map of `image` under filter `w` (stride 1, padding 1, so it keeps the image's size),
    scaled by its largest |value| for display, and that largest value."""
    fmap = ops.conv2d(np.asarray(image, dtype=np.float64), np.asarray(w, dtype=np.float64), padding=1)
    peak = float(np.abs(fmap).max())
    return {"map": fmap, "scaled": fmap / peak if peak > 0 else fmap, "peak": peak}


def filter_explorer(filter_name="vertical stroke"):
    """Choose a filter (the book's three, two edge detectors, three learned by the book's network) and
    an image (the book's 6×6 digits or an 8×8 handwritten one); see the feature map."""
    options, names = filters(), filter_labels()
    digits = datasets.digits()
    images = {"book 1": book_image(1), "book 2": book_image(2), "book 3": book_image(3),
              "handwritten 4": digits.x_train[np.flatnonzero(digits.y_train == 4)[0]].reshape(8, 8),
              "handwritten 7": digits.x_train[np.flatnonzero(digits.y_train == 7)[0]].reshape(8, 8)}
    book, handwritten = _("book {digit}"), _("handwritten {digit}")
    image_names = {key: (book if key.startswith("book") else handwritten).format(digit=key[-1]) for key in images}
    fig, (ax_img, ax_w, ax_map) = new_figure(ncols=3, width=8.5, height=3.2)
    fig.get_layout_engine().set(rect=(0, 0.08, 1, 0.9))  # room for the readout below the panels
    shown_img = ax_img.imshow(np.zeros((8, 8)), cmap="gray_r", vmin=0, vmax=1, extent=(-0.5, 7.5, 7.5, -0.5))
    shown_w = ax_w.imshow(np.zeros((3, 3)), cmap="RdBu_r", vmin=-1.5, vmax=1.5)
    shown_map = ax_map.imshow(np.zeros((8, 8)), cmap="RdBu_r", vmin=-1, vmax=1, extent=(-0.5, 7.5, 7.5, -0.5))
    ax_img.set_title(_("image"), fontsize=9)
    ax_w.set_title(_("filter (red +, blue −)"), fontsize=9)
    ax_map.set_title(_("feature map, padding 1 (scaled)"), fontsize=9)
    for ax in (ax_img, ax_w, ax_map):
        ax.set_xticks([]), ax.set_yticks([])
    readout = fig.text(0.5, 0.01, "", ha="center", fontsize=9)
    # the menus show the names in the learner's language; their values stay the English keys
    controls = {"filter_name": widgets.Dropdown(options=[(names[n], n) for n in options], value=filter_name,
                                                description=_("filter")),
                "image": widgets.Dropdown(options=[(image_names[k], k) for k in images], value="book 1",
                                          description=_("image"))}
    template = _("{filter} on {image}: largest |value| {peak:.2f}, at {where}")

    def compute(filter_name, image):
        img, w = images[image], options[filter_name]
        r = filter_response(img, w)
        where = tuple(int(v) for v in np.unravel_index(np.abs(r["map"]).argmax(), r["map"].shape))
        # a 6×6 image fills the same square as an 8×8 one (set_data keeps the extent)
        return {"image": (img,), "filter": (w / max(np.abs(w).max(), 1e-12) * 1.5,), "map": (r["scaled"],),
                "readout": template.format(filter=names[filter_name], image=image_names[image], peak=r["peak"],
                                           where=where)}

    return Explorer(fig, {"image": shown_img, "filter": shown_w, "map": shown_map}, controls, compute,
                    texts={"readout": readout})


# ---------------------------------------------------------------- 3. stride, padding, kernel size

def geometry(n=8, k=3, stride=1, padding=0):
    """Where a k×k window goes on an n×n image with this stride and zero padding: the output size
    n' = ⌊(n + 2·padding − k) / stride⌋ + 1 and the top-left corner of every window (image coordinates,
    negative = in the padding)."""
    out = ops.output_size(n, k, stride, padding)
    starts = np.arange(max(out, 0)) * stride - padding
    rows, cols = np.meshgrid(starts, starts, indexing="ij")
    return {"out": out, "corners": (cols.ravel(), rows.ravel()),
            "formula": f"⌊({n} + 2·{padding} − {k}) / {stride}⌋ + 1 = {out}"}


def geometry_explorer(n=8):
    """Kernel size, stride and padding sliders: the padded image, the windows' corners, the output shape."""
    fig, (ax,) = new_figure(ncols=1, width=5.0, height=4.2)
    pad_max, k_max = 2, 5
    ax.set(xlim=(-pad_max - 0.6, n + pad_max - 0.4), ylim=(n + pad_max - 0.4, -pad_max - 0.6), aspect="equal")
    ax.imshow(np.ones((n, n)) * 0.25, cmap="gray_r", vmin=0, vmax=1, extent=(-0.5, n - 0.5, n - 0.5, -0.5))
    ax.set_xticks(range(n)), ax.set_yticks(range(n))
    ax.tick_params(labelsize=7)
    padded = ax.plot([0], [0], color="0.4", ls="--", lw=1.2)[0]
    corners = ax.plot([0], [0], "o", color="C1", ms=5)[0]
    first = ax.plot([0], [0], color="C0", lw=2.5)[0]
    last = ax.plot([0], [0], color="C3", lw=2.5)[0]
    fig.get_layout_engine().set(rect=(0, 0, 1, 0.92))  # room for the readout above
    readout = fig.text(0.5, 0.97, "", ha="center", va="center", fontsize=9)
    controls = {"k": widgets.IntSlider(value=3, min=1, max=k_max, description=_("kernel k")),
                "stride": widgets.IntSlider(value=1, min=1, max=4, description=_("stride")),
                "padding": widgets.IntSlider(value=0, min=0, max=pad_max, description=_("padding"))}
    template = _("{n}×{n} image → {out}×{out} map: n' = {formula}")

    def compute(k, stride, padding):
        g = geometry(n, k, stride, padding)
        lo, hi = -padding - 0.5, n + padding - 0.5
        box = (np.array([lo, hi, hi, lo, lo]), np.array([lo, lo, hi, hi, lo]))
        out = g["out"]
        return {"padded": box, "corners": g["corners"], "first": window_outline(0, 0, k, stride, padding),
                "last": window_outline(out - 1, out - 1, k, stride, padding),
                "readout": template.format(n=n, out=out, formula=g["formula"])}

    return Explorer(fig, {"padded": padded, "corners": corners, "first": first, "last": last}, controls, compute,
                    texts={"readout": readout})
