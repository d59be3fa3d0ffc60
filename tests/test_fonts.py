"""Chinese in figures: the course appends a CJK font to matplotlib's families (dlmath.course.fonts)."""
import warnings

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from dlmath.course import fonts


def missing_glyph_warnings(text):
    fig = Figure(figsize=(3, 1))
    FigureCanvasAgg(fig)
    fig.text(0.1, 0.5, text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


@pytest.fixture
def families():
    saved = matplotlib.rcParams["font.family"]
    matplotlib.rcParams["font.family"] = ["sans-serif"]
    yield
    matplotlib.rcParams["font.family"] = saved


def test_this_machine_has_a_cjk_font():
    # CI installs one (.ci/run); the stored Chinese solutions' figures are drawn with it
    assert fonts.cjk_family() is not None


def test_without_the_fallback_chinese_draws_as_boxes(families):  # the premise
    assert missing_glyph_warnings("加权输入 z")


def test_with_the_fallback_chinese_and_symbols_draw(families):
    family = fonts.use_cjk_fallback()
    assert matplotlib.rcParams["font.family"] == ["sans-serif", family]
    assert missing_glyph_warnings("加权输入 z，权重 w：‖a‖ σ′(z) −1 η ≤ 2") == []
    fonts.use_cjk_fallback()  # once only
    assert matplotlib.rcParams["font.family"] == ["sans-serif", family]


def test_no_cjk_font_changes_nothing(families, monkeypatch):
    monkeypatch.setattr(fonts, "cjk_family", lambda: None)
    assert fonts.use_cjk_fallback() is None
    assert matplotlib.rcParams["font.family"] == ["sans-serif"]


def test_importing_the_course_after_pyplot_sets_the_fallback():
    import subprocess
    import sys
    code = ("import matplotlib.pyplot as plt\nfrom dlmath import check\nprint(plt.rcParams['font.family'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert fonts.cjk_family() in out
