"""Interactive figures, headless: the pure compute functions, and that moving a control redraws the data."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlmath.ops import activations as act
from dlmath.explorers.line import line_explorer, line_values
from dlmath.explorers.neuron import break_jumps, neuron_curves, neuron_explorer


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_line_values():
    np.testing.assert_allclose(line_values([0.0, 1.0, -2.0], 2.0, 1.0), [1.0, 3.0, -3.0])


def test_neuron_curves_use_the_chain_rule():
    x = np.linspace(-3, 3, 13)
    curves = neuron_curves(x, 2.0, -1.0, "sigmoid")
    np.testing.assert_allclose(curves["output"], act.sigmoid(2 * x - 1))
    np.testing.assert_allclose(curves["slope"], 2 * act.sigmoid_derivative(2 * x - 1))


def test_break_jumps_leaves_a_gap_at_a_jump_and_nowhere_else():
    x = np.linspace(-1, 1, 21)  # x[10] is 0
    y = act.relu_derivative(x)
    broken = break_jumps(y)
    assert np.isnan(broken[11]) and np.isnan(broken).sum() == 1  # the first point after the jump
    np.testing.assert_array_equal(y, act.relu_derivative(x))  # the caller's array is not changed
    smooth = act.sigmoid(3 * np.linspace(-6, 6, 241))
    assert not np.isnan(break_jumps(smooth)).any()
    assert not np.isnan(break_jumps(np.zeros(5))).any()  # a constant: nothing to break


@pytest.mark.parametrize("activation, w", [("relu", 0.3), ("relu", -2.0), ("step", 1.0), ("step", 3.0)])
def test_neuron_curves_draw_no_vertical_segment_at_a_jump(activation, w):
    x = np.linspace(-6, 6, 241)
    curves = neuron_curves(x, w, 0.5, activation)
    name = "output" if activation == "step" else "slope"
    y = curves[name]
    finite = ~np.isnan(y[:-1]) & ~np.isnan(y[1:])
    assert np.isnan(y).any()  # the jump is left open ...
    assert np.max(np.abs(np.diff(y)[finite])) < 1e-12  # ... and no two joined points differ


def test_moving_the_demo_slider_moves_the_line():
    explorer = line_explorer()
    line = explorer.lines["line"]
    before = np.array(line.get_ydata(), copy=True)
    explorer.controls["w"].value = -1.5
    after = np.array(line.get_ydata(), copy=True)
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, line_values(line.get_xdata(), -1.5, 0.0))


@pytest.mark.parametrize("control, value", [("w", 2.5), ("b", -2.0), ("activation", "relu")])
def test_every_neuron_control_changes_the_output_curve(control, value):
    explorer = neuron_explorer()
    output = explorer.lines["output"]
    before = np.array(output.get_ydata(), copy=True)
    explorer.controls[control].value = value
    assert not np.allclose(before, output.get_ydata())
    v = explorer.values()
    np.testing.assert_allclose(output.get_ydata(), neuron_curves(output.get_xdata(), v["w"], v["b"], v["activation"])["output"])


def test_threshold_line_follows_bias_over_weight():
    explorer = neuron_explorer()
    explorer.controls["w"].value, explorer.controls["b"].value = 2.0, -3.0
    assert explorer.lines["threshold"].get_xdata()[0] == pytest.approx(1.5)
    explorer.controls["w"].value = 0.0  # no threshold at all: the line disappears instead of an error
    assert np.isnan(explorer.lines["threshold"].get_xdata()[0])
    assert "ignored" in explorer.texts["readout"].get_text()


def test_one_figure_per_explorer_and_no_new_artists_on_update():
    explorer = neuron_explorer()
    n_figures, n_lines = len(plt.get_fignums()), len(explorer.fig.axes[0].lines)
    for w in np.linspace(-3, 3, 7):
        explorer.controls["w"].value = float(w)
    assert len(plt.get_fignums()) == n_figures and len(explorer.fig.axes[0].lines) == n_lines


def test_stored_output_has_a_picture_for_static_viewers():
    import base64
    bundle = neuron_explorer()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")


def test_a_move_redraws_only_what_moves_and_the_pixels_follow():
    explorer = neuron_explorer()
    canvas = explorer.fig.canvas
    canvas.draw()  # the first full draw keeps the static background
    assert explorer.background is not None
    before = np.asarray(canvas.buffer_rgba()).copy()
    explorer.controls["b"].value = 2.0
    after = np.asarray(canvas.buffer_rgba()).copy()
    assert (before != after).any()
    # the blitted picture equals a full redraw of the same state (no ghost of the old curve)
    explorer.on_draw()
    for artist in explorer.moving:
        artist.set_animated(False)
    canvas.draw()
    full = np.asarray(canvas.buffer_rgba()).copy()
    assert np.mean(np.any(full != after, axis=-1)) < 0.002


def test_the_stored_picture_does_not_become_the_background():
    explorer = neuron_explorer()
    explorer.fig.canvas.draw()
    background = explorer.background
    explorer._repr_mimebundle_()
    assert explorer.background is background
    assert all(artist.get_animated() for artist in explorer.moving)


def test_a_change_outside_the_moving_artists_gets_a_full_redraw(full_redraws):
    explorer = neuron_explorer()
    full = full_redraws(explorer)
    explorer.controls["b"].value = 1.0
    assert full == []  # only the moving artists changed: blitted
    explorer.fig.axes[0].set_xlim(-3, 3)  # e.g. a compute that rescales an axis
    explorer.controls["b"].value = 2.0
    assert full == [1] and not explorer.fig.stale
    explorer.controls["b"].value = 3.0
    assert full == [1]


@pytest.fixture
def on_ipympl():
    """Figures on ipympl's canvas, the one a learner's `%matplotlib widget` gives."""
    plt.switch_backend("module://ipympl.backend_nbagg")
    yield
    plt.close("all")
    plt.switch_backend("Agg")


def frames_of(view):
    """Stand in for the page: every frame the view sends, unpacked to (RGBA pixels, CSS width, CSS height)."""
    import io
    import struct
    from PIL import Image
    frames = []

    def unpack(change):
        w, h, css_w, css_h = struct.unpack("<4I", change["new"][:16])
        pixels = np.asarray(Image.open(io.BytesIO(change["new"][16:])).convert("RGBA"))
        assert pixels.shape[:2] == (h, w)
        frames.append((pixels, css_w, css_h))
    view.observe(unpack, names="frame")
    return frames


def full_picture(explorer):
    """The figure drawn in full, with its moving artists, as a static viewer would get it."""
    for artist in explorer.moving:
        artist.set_animated(False)
    explorer.fig.canvas.draw()
    full = np.asarray(explorer.fig.canvas.buffer_rgba()).copy()
    for artist in explorer.moving:
        artist.set_animated(True)
    explorer.on_draw()
    return full


def test_no_frame_is_made_until_a_page_shows_the_figure():
    explorer = neuron_explorer()
    frames = frames_of(explorer.view)
    explorer.controls["b"].value = 1.0
    assert frames == [] and explorer.background is None  # headless: computed, not even drawn


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_every_frame_sent_to_the_page_is_the_whole_picture_at_the_screens_pixel_ratio(ratio):
    # Whole pictures: whichever frame the page shows last is right on its own (no diff to lose).
    explorer = neuron_explorer()
    frames = frames_of(explorer.view)
    explorer.view.dpr = ratio  # what the page reports when it shows the view
    for b in (0.5, 1.0, -2.0):
        explorer.controls["b"].value = b
    assert len(frames) == 4  # the first display, then one per move
    pixels, css_w, css_h = frames[-1]
    width, height = explorer.fig.get_size_inches() * explorer.base_dpi
    assert (css_w, css_h) == (round(width), round(height))
    assert pixels.shape[:2] == (round(height * ratio), round(width * ratio))
    assert (pixels[..., 3] == 255).all()
    assert np.mean(np.any(pixels != full_picture(explorer), axis=-1)) < 0.002


def test_without_anywidget_the_figure_still_shows_as_an_image():
    """A learner who pulls this version before reinstalling has no anywidget: the explorers must still
    work (an ipywidgets Image at pixel ratio 1). Run in a child process with anywidget hidden."""
    import subprocess
    import sys
    code = ("import sys; sys.modules['anywidget'] = None\n"
            "import matplotlib; matplotlib.use('Agg')\n"
            "import io, numpy as np\n"
            "from PIL import Image\n"
            "from dlmath.explorers.neuron import neuron_explorer\n"
            "e = neuron_explorer()\n"
            "assert type(e.view).__name__ == 'FallbackView' and e.view.value == b''\n"
            "e._repr_mimebundle_()\n"
            "first = e.view.value\n"
            "e.controls['b'].value = 2.0\n"
            "shown = np.asarray(Image.open(io.BytesIO(e.view.value)).convert('RGBA'))\n"
            "assert first and e.view.value != first and shown.shape[:2] == e.fig.canvas.buffer_rgba().shape[:2]\n"
            "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


@pytest.mark.filterwarnings("ignore:Passing unrecognized arguments:DeprecationWarning")  # ipympl's Toolbar
def test_explorer_figures_leave_pyplot_and_ipympl_alone(on_ipympl):
    """With `%matplotlib widget`, a figure made by plt.subplots is an ipympl canvas that PNG-encodes
    every frame; the Explorer takes it out of pyplot's list and draws it with Agg."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from dlmath.explorers.network import pixels_explorer
    before = plt.get_fignums()
    for explorer in (neuron_explorer(), pixels_explorer()):
        assert type(explorer.fig.canvas) is FigureCanvasAgg
    assert plt.get_fignums() == before


def test_ipympl_figures_get_no_header_and_no_toolbar_over_the_axes():
    """Issue 19: a static figure after `%matplotlib widget` showed a stray "Figure 2" header, and the
    toolbar covered the y tick labels. Run in a child process: the widget backend stays out of this one."""
    import subprocess
    import sys
    code = ("import matplotlib; matplotlib.use('module://ipympl.backend_nbagg')\n"
            "import matplotlib.pyplot as plt\n"
            "before = plt.figure().canvas\n"
            "import dlmath.course.explorer\n"
            "after = plt.figure().canvas\n"
            "state = after.get_state()\n"
            "print(before.header_visible, before.toolbar_visible, after.header_visible, after.toolbar_visible,"
            " state['header_visible'], state['toolbar_visible'])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    # ipympl's own defaults (header shown, toolbar fading in) until the course's explorer layer loads
    assert out.stdout.split() == ["True", "fade-in-fade-out", "False", "False", "False", "False"]
