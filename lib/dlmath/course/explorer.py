"""Interactive figures: a pure compute function drives a figure through sliders, redrawn in place.

`Explorer` is the one thin widget layer every chapter uses. It takes
  compute(**values) -> {line name: y, or (x, y)}   (pure: no plotting, unit-tested on its own)
and a dict of ipywidgets controls. Moving a control calls compute with every control's value and puts the
new data into the existing lines with `set_data` — no new figure, no flicker. Only the moving artists
are redrawn (blitting: the static part — axes, ticks, contours — is kept as a picture after each full
draw), which makes a move several times cheaper than a full redraw.

The picture reaches the page through `FigureView`, a small widget of the course's own: matplotlib's Agg
renders the figure in the kernel at the screen's pixel ratio, and each frame travels whole, as a
quickly made PNG (`quick_png`), to a <canvas>. (ipympl, which static figures still use, PNG-encodes every
frame slowly in the kernel and again in the browser: two thirds of a move's time; see bench/README.md.)
The figures themselves live in `dlmath.explorers`, one module per topic.
"""
import base64
import hashlib
import html
import io
import json
import os
import struct
import zlib
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import traitlets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .fonts import use_cjk_fallback
from .language import translate as _

try:
    import anywidget
except ImportError:  # a course pulled but not reinstalled yet: the figures still show (FallbackView)
    anywidget = None


def tidy_canvases():
    """Every ipympl figure of the kernel from now on: no "Figure N" header above it, and no toolbar.

    ipympl's toolbar floats over the left edge of the axes, where the y tick labels are, and its header
    names figures the learner never numbered. The sliders are the course's controls, so both go, for
    static figures too (with `%matplotlib widget` every figure is an ipympl canvas). ipympl has no
    setting for it; the canvas class's defaults are changed (traitlets also caches immutable defaults
    per class, hence the second line), and tests/test_explorers.py checks it still works.
    """
    import sys
    backend = sys.modules.get("ipympl.backend_nbagg")
    if backend is None:  # not the widget backend: nothing to tidy
        return
    for name in ("header_visible", "toolbar_visible"):
        backend.Canvas.class_traits()[name].default_value = False
        getattr(backend.Canvas, "_static_immutable_initial_values", {}).pop(name, None)


# The page side of FigureView: each frame is a 16-byte header (width and height in pixels, then in CSS
# pixels) and a PNG, which createImageBitmap decodes off the main thread before it is put on the canvas.
# Frames are whole pictures, so a frame that arrives while one is unpacked simply replaces it: the
# canvas never plays a queue of old frames after the hand stops.
_VIEW_ESM = """
function render({ model, el }) {
  el.classList.add("dlmath-figure");
  const canvas = document.createElement("canvas");
  el.appendChild(canvas);
  const context = canvas.getContext("2d");
  let busy = false, pending = false;
  async function paint() {
    if (busy) { pending = true; return; }
    busy = true;
    try {
      do {
        pending = false;
        const frame = model.get("frame");
        if (!frame || frame.byteLength < 16) break;
        const head = new DataView(frame.buffer, frame.byteOffset, 16);
        const [w, h, cssW, cssH] = [0, 4, 8, 12].map(k => head.getUint32(k, true));
        const png = new Blob([new Uint8Array(frame.buffer, frame.byteOffset + 16, frame.byteLength - 16)],
                             {type: "image/png"});
        const picture = await createImageBitmap(png, {colorSpaceConversion: "none", premultiplyAlpha: "none"});
        if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
        canvas.style.width = cssW + "px";
        canvas.style.height = cssH + "px";
        context.drawImage(picture, 0, 0);
        picture.close();
      } while (pending);
    } finally { busy = false; }
  }
  model.on("change:frame", paint);
  paint();
  // Tell the kernel the screen's pixel ratio (and again when it changes): it renders at that resolution.
  let media = null;
  const report = () => {
    model.set("dpr", window.devicePixelRatio || 1);
    model.save_changes();
    if (media) media.removeEventListener("change", report);
    media = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    media.addEventListener("change", report);
  };
  report();
  return () => { model.off("change:frame", paint); if (media) media.removeEventListener("change", report); };
}
export default { render };
"""


class FallbackView(widgets.Image):
    """Without anywidget (installed by requirements.txt; a learner may pull before reinstalling): the
    figure as an ipywidgets Image, always at pixel ratio 1, shown once the explorer is displayed."""
    dpr = traitlets.Float(0.0)

    def __init__(self, **kwargs):
        super().__init__(format="png", **kwargs)

    def show(self, canvas):
        if self.dpr > 0:
            self.value = quick_png(np.asarray(canvas.buffer_rgba()))


if anywidget is None:
    FigureView = FallbackView
else:
    class FigureView(anywidget.AnyWidget):
        """An Agg-rendered figure in the page. `dpr` is 0 until a page shows it (then its pixel ratio):
        with no page (a headless run), nothing is encoded or sent."""
        _esm = _VIEW_ESM
        _css = ".dlmath-figure { line-height: 0; } .dlmath-figure canvas { display: block; }"
        frame = traitlets.Bytes(b"").tag(sync=True)
        dpr = traitlets.Float(0.0).tag(sync=True)

        def show(self, canvas):
            """Send what `canvas` (an Agg canvas) holds now, if a page shows this view."""
            if self.dpr <= 0:
                return
            pixels = canvas.buffer_rgba()
            h, w = pixels.shape[:2]
            head = struct.pack("<4I", w, h, round(w / self.dpr), round(h / self.dpr))
            self.frame = head + quick_png(np.asarray(pixels))


def quick_png(rgba):
    """RGBA pixels (height, width, 4) as a PNG, 4–5× faster than Pillow's: no per-row filter search
    (filter "None" on every row) and zlib level 1. As small, for a figure's large flat areas."""
    h, w = rgba.shape[:2]
    rows = np.empty((h, 1 + 4 * w), np.uint8)
    rows[:, 0] = 0  # each row starts with its filter type
    rows[:, 1:] = rgba.reshape(h, 4 * w)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))


def own_canvas(fig):
    """Give `fig` a plain Agg canvas of its own, out of pyplot's list (a figure made with plt.subplots
    under `%matplotlib widget` would otherwise also be an ipympl canvas that encodes every frame)."""
    manager = fig.canvas.manager
    if manager is not None and plt.fignum_exists(manager.num):
        plt.close(manager.num)
    if type(fig.canvas) is not FigureCanvasAgg:
        FigureCanvasAgg(fig)
    return fig.canvas


class Explorer:
    book_grid = ()  # two controls that matter together: the book's player steps through both (a grid)

    def __init__(self, fig, lines, controls, compute, texts=None):
        own_canvas(fig)
        self.base_dpi = fig.dpi
        self.view = FigureView()
        self.view.observe(self.on_pixel_ratio, names="dpr")
        self.fig, self.lines, self.controls, self.compute = fig, lines, controls, compute
        self.texts = texts or {}  # {name: matplotlib Text} for readouts compute returns as strings
        engine = fig.get_layout_engine()
        if engine is not None:  # lay out once, then freeze: a redraw then skips the layout pass
            engine.execute(fig)
            fig.set_layout_engine("none")
        self.moving = [*lines.values(), *self.texts.values()]
        for artist in self.moving:
            artist.set_animated(True)  # left out of full draws: they are blitted on top
        self.background = None
        fig.canvas.mpl_connect("draw_event", self.on_draw)
        for control in controls.values():
            control.observe(self.update, names="value")
        self.update()

    def on_pixel_ratio(self, change):
        """A page shows the figure (or moved to a screen with another pixel ratio): draw it all at
        that resolution, then send it."""
        self.fig.set_dpi(self.base_dpi * change["new"])
        self.fig.canvas.draw()
        self.view.show(self.fig.canvas)

    def on_draw(self, event=None):
        """After a full draw (first display, a new pixel ratio): keep the static picture, add what moves."""
        if not self.moving[0].get_animated():
            return  # a savefig draw with everything in it: not a background
        self.background = self.fig.canvas.copy_from_bbox(self.fig.bbox)
        for artist in self.moving:
            self.fig.draw_artist(artist)

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
        self.redraw()

    def redraw(self):
        if self.background is None:
            return  # never drawn: nothing shows the figure (a headless run), so nothing to draw
        canvas = self.fig.canvas
        if self.fig.stale:
            # something besides the moving artists changed (an axis limit): a full draw, which calls
            # on_draw and keeps the new background
            canvas.draw()
        else:
            canvas.restore_region(self.background)
            for artist in self.moving:
                self.fig.draw_artist(artist)
        self.view.show(canvas)

    @property
    def widget(self):
        """The controls above the canvas, as one ipywidgets box (built once)."""
        if getattr(self, "_widget", None) is None:
            self._widget = widgets.VBox([
                widgets.HBox(list(self.controls.values()), layout={"flex_flow": "row wrap"}), self.view])
        return self._widget

    def _repr_mimebundle_(self, **kwargs):
        # The live widget for JupyterLab, plus a picture of the figure for viewers without a kernel
        # (GitHub, nbviewer), so a stored solution still shows what the learner saw.
        if isinstance(self.view, FallbackView) and not self.view.dpr:
            self.view.dpr = 1.0  # no page to report a pixel ratio: draw from the first display on
        bundle = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        buffer = io.BytesIO()
        for artist in self.moving:  # savefig skips animated artists
            artist.set_animated(False)
        try:
            self.fig.savefig(buffer, format="png")
        finally:
            for artist in self.moving:
                artist.set_animated(True)
        bundle["image/png"] = base64.b64encode(buffer.getvalue()).decode("ascii")
        bundle["text/plain"] = f"<{type(self).__name__}: {', '.join(self.controls)}>"
        frames = os.environ.get("DLMATH_BOOK_FRAMES")
        if frames:  # building the book: a player of pictures, for a page with no kernel
            bundle["text/html"] = self.player(Path(frames))
        return bundle

    # ------------------------------------------------------------------ the book: no kernel, still moving
    def player_axes(self, count=21, second=5):
        """The controls a picture player steps through, and their values: `book_grid` if the explorer
        names two that matter together; else the control with the most values (a slider: `count`), and
        when that one has fewer than 20 (a stride, a menu), the next one too, at all its values."""
        steppable = (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider, widgets.Dropdown)
        found = {n: self.control_values(c, count) for n, c in self.controls.items() if isinstance(c, steppable)}
        if not found:
            return [], []
        if self.book_grid:
            names = list(self.book_grid)
            axes = [found[names[0]], self.control_values(self.controls[names[1]], second)]
            start = self.controls[names[1]].value
            if start not in axes[1]:  # the value the chapter set is one of the pictures
                axes[1] = sorted(axes[1] + [start])
            return names, axes
        ranked = sorted(found, key=lambda n: -len(found[n]))  # stable: ties keep the chapter's order
        names = ranked[:1] if len(found[ranked[0]]) >= 20 or len(ranked) == 1 else ranked[:2]
        return names, [found[n] for n in names]

    @staticmethod
    def control_values(control, count):
        if isinstance(control, widgets.Dropdown):
            return list(control._options_values)  # options given as labels or as (label, value) pairs
        if isinstance(control, widgets.FloatLogSlider):
            return list(control.base ** np.linspace(control.min, control.max, count))
        values = np.linspace(control.min, control.max, count)
        if isinstance(control, widgets.IntSlider):
            return sorted({int(round(v)) for v in values})
        return [float(v) for v in values]

    @staticmethod
    def label(control, value):
        if isinstance(control, widgets.Dropdown):
            pairs = zip(control._options_labels, control._options_values)
            return next((str(k) for k, v in pairs if v == value), str(value))
        fmt = getattr(control, "readout_format", ".2f") or ".2f"
        try:
            return format(value, fmt)
        except (ValueError, TypeError):
            return str(value)

    def player(self, folder, count=21, second=5):
        """The figure at `count` values of its main control — and, when the explorer names two controls
        that matter together (`book_grid`), at `second` values of the other too — rendered now by the
        explorer's own compute and drawing code and saved in `folder` (lossless WebP), with one
        <input type=range> per control that swaps them in the page (the book's dlmath-player.js): the
        same figure, moving, with no kernel."""
        names, axes = self.player_axes(count, second)
        if not names:
            return ""
        controls = [self.controls[n] for n in names]
        starts = [c.value for c in controls]
        key = hashlib.sha1(json.dumps([type(self).__name__, sorted(self.values().items(), key=str), axes],
                                      default=str).encode()).hexdigest()[:12]
        folder.mkdir(parents=True, exist_ok=True)
        files = []
        for artist in self.moving:
            artist.set_animated(False)
        try:
            for index in np.ndindex(*[len(a) for a in reversed(axes)]):  # the first axis varies fastest
                for control, values, i in zip(controls, axes, reversed(index)):
                    control.value = values[i]  # the explorer redraws itself: compute, set_data, texts
                path = folder / f"{key}-{len(files):03d}.webp"
                self.fig.savefig(path, format="webp", pil_kwargs={"lossless": True})
                files.append(f"_static/frames/{path.name}")
        finally:
            for control, start in zip(controls, starts):
                control.value = start
            for artist in self.moving:
                artist.set_animated(True)
        labels = [[self.label(c, v) for v in values] for c, values in zip(controls, axes)]
        nearest = [int(np.argmin([abs(v - s) if isinstance(v, (int, float)) else v != s for v in values]))
                   for values, s in zip(axes, starts)]
        first = sum(i * int(np.prod([len(a) for a in axes[:k]])) for k, i in enumerate(nearest))
        alt = _("the figure as the sliders above set it")
        inputs = "".join(
            f'<label class="dlmath-player-control"><span>{html.escape(c.description or n)}</span> '
            f'<input type="range" min="0" max="{len(a) - 1}" step="1" value="{i}" '
            f'aria-label="{html.escape(c.description or n)}"> <output>{html.escape(ls[i])}</output></label>'
            for n, c, a, i, ls in zip(names, controls, axes, nearest, labels))
        return (f'<div class="dlmath-player" data-frames="{html.escape(json.dumps(files))}" '
                f'data-labels="{html.escape(json.dumps(labels))}">{inputs}'
                f'<img src="{files[first]}" alt="{html.escape(alt)}" loading="lazy"></div>')


def slider(value, low, high, step=0.1, description=""):
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                               continuous_update=True, readout_format=".2f")


def new_figure(ncols=1, width=9.0, height=3.4):
    """An explorer's figure: not pyplot's (not shown on creation, not kept in its list), on Agg."""
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig, np.atleast_1d(fig.subplots(1, ncols))


def _tidy_before_each_cell():
    """`%matplotlib widget` may come after this module was imported (a chapter imports a static figure
    first): tidy again before every cell, once ipympl is there. Cheap: two dict writes."""
    try:
        from IPython import get_ipython
        shell = get_ipython()
    except ImportError:
        return
    if shell is not None and not getattr(shell, "_dlmath_tidy", False):
        shell.events.register("pre_run_cell", lambda *args: tidy_canvases())
        shell._dlmath_tidy = True


tidy_canvases()  # the chapters import an explorer right after `%matplotlib widget`
use_cjk_fallback()
_tidy_before_each_cell()
