"""Interactive figures: a pure compute function drives a figure through sliders, redrawn in place.

`Explorer` is the one thin widget layer every chapter uses. It takes
  compute(**values) -> {line name: y, or (x, y)}   (pure: no plotting, unit-tested on its own)
and a dict of ipywidgets controls. Moving a control calls compute with every control's value and puts the
new data into the existing lines with `set_data` — no new figure, no flicker. Only the moving artists
are redrawn (blitting: the static part — axes, ticks, contours — is kept as a picture after each full
draw), which makes a move several times cheaper than a full redraw; before the first full draw, and
on canvases that cannot blit, it falls back to `draw_idle`.
Every frame sent to the browser is a whole picture, never a diff of the last one: see `whole_frames`.
With `%matplotlib widget` (ipympl) the canvas is itself a widget and sits under the controls.
The figures themselves live in `dlmath.explorers`, one module per topic.
"""
import base64
import hashlib
import html
import io
import json
import os
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np


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


class Explorer:
    book_grid = ()  # two controls that matter together: the book's player steps through both (a grid)

    def __init__(self, fig, lines, controls, compute, texts=None):
        tidy_canvases()
        if hasattr(fig.canvas, "toolbar_visible"):  # a canvas made before the defaults changed
            fig.canvas.header_visible = fig.canvas.toolbar_visible = False
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

    def on_draw(self, event=None):
        """After a full draw (first display, resize, zoom): keep the static picture, add what moves."""
        whole_frames(self.fig.canvas)
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
        canvas = self.fig.canvas
        if self.background is None or self.fig.stale:
            # nothing drawn yet, or something besides the moving artists changed (an axis limit):
            # a full draw, which calls on_draw and keeps the new background
            canvas.draw_idle()
            return
        canvas.restore_region(self.background)
        for artist in self.moving:
            self.fig.draw_artist(artist)
        whole_frames(canvas)
        canvas.blit(self.fig.bbox)

    @property
    def widget(self):
        """The controls above the canvas, as one ipywidgets box (built once)."""
        if getattr(self, "_widget", None) is None:
            canvas = self.fig.canvas
            parts = [widgets.HBox(list(self.controls.values()), layout={"flex_flow": "row wrap"})]
            if isinstance(canvas, widgets.DOMWidget):  # ipympl
                canvas.header_visible = canvas.toolbar_visible = False
                parts.append(canvas)
            self._widget = widgets.VBox(parts)
        return self._widget

    def _repr_mimebundle_(self, **kwargs):
        # The live widget for JupyterLab, plus a picture of the figure for viewers without a kernel
        # (GitHub, nbviewer), so a stored solution still shows what the learner saw.
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
        inputs = "".join(
            f'<label class="dlmath-player-control"><span>{html.escape(c.description or n)}</span> '
            f'<input type="range" min="0" max="{len(a) - 1}" step="1" value="{i}" '
            f'aria-label="{html.escape(c.description or n)}"> <output>{html.escape(ls[i])}</output></label>'
            for n, c, a, i, ls in zip(names, controls, axes, nearest, labels))
        return (f'<div class="dlmath-player" data-frames="{html.escape(json.dumps(files))}" '
                f'data-labels="{html.escape(json.dumps(labels))}">{inputs}'
                f'<img src="{files[first]}" alt="the figure as the sliders above set it" loading="lazy"></div>')


def whole_frames(canvas):
    """Make the next frame ipympl sends a whole picture.

    By default ipympl sends only the pixels that changed since its last frame, and the browser paints
    them over what it shows. But the browser keeps only the newest frame that arrives while it is still
    decoding one, so when frames come quickly (a slider dragged, or the sliders' first sync right after
    the figure's first draw) a diff is lost and the picture goes wrong for good: curves left behind, or a
    blank canvas (matplotlib issue #19116). A whole frame is right on its own, whichever frame the
    browser keeps; it costs a few more milliseconds of PNG encoding.
    """
    if hasattr(canvas, "_force_full"):  # the web canvases (ipympl, webagg); others draw locally
        canvas._force_full = True


def slider(value, low, high, step=0.1, description=""):
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                               continuous_update=True, readout_format=".2f")


def new_figure(ncols=1, width=9.0, height=3.4):
    """A figure that is not shown on creation (ipympl would show it twice otherwise)."""
    with plt.ioff():
        fig, axes = plt.subplots(1, ncols, figsize=(width, height), layout="constrained")
    return fig, np.atleast_1d(axes)


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
_tidy_before_each_cell()
