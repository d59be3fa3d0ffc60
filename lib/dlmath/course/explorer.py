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
import io

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
        return bundle


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
