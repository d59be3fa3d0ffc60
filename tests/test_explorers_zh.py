"""Every explorer and drawn figure speaks the learner's language: in a Chinese notebook its titles, axis
labels, legends, readouts and control names are Chinese, with no English word left over (only the names of
the mathematics: sin, det, ReLU, Adam …); in an English one there is no Chinese at all."""
import re
import warnings

import ipywidgets as widgets
import matplotlib.pyplot as plt
import matplotlib.text
import numpy as np
import pytest

from dlmath import datasets
from dlmath.explorers import (attention, backprop, convolution, depth, descent, eigen, least_squares, line, momentum,
                              network, neuron, overfitting, race, regions, tangent, vectors)

CJK = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")
MATHTEXT = re.compile(r"\$[^$]*\$")  # tick labels such as $\mathdefault{10^{-5}}$
# names of the mathematics and of people, and units: the same in both editions
NAMES = {"sin", "cos", "det", "rank", "max", "min", "log", "ReLU", "Sigmoid", "Adam", "GD", "cm", "kg",
         "xy", "uv",                           # products: v = xy, ∂z/∂u = 2uv
         "Serra", "Mont", "far", "Zaslavsky"}  # Montúfar splits at the ú

SMALL_CURVES = dict(decays=np.array([1e-4, 1e-1]), n_train=30, hidden=8, epochs=3, progress=False)
FIGURES = {  # name: (make it, English words the figure shows as data)
    "line": (line.line_explorer, ()),
    "neuron": (neuron.neuron_explorer, ()),
    "vectors": (vectors.vectors_explorer, ()),
    "tangent": (tangent.tangent_explorer, ()),
    "plane": (tangent.plane_explorer, ()),
    "chain graph": (tangent.chain_graph_figure, ()),
    "descent": (descent.descent_explorer, ()),
    "least-squares cost": (least_squares.cost_explorer, ()),
    "least-squares descent": (least_squares.descent_explorer, ()),
    "pixels": (network.pixels_explorer, ()),
    "network drawing": (network.network_figure, ()),
    "eta": (backprop.eta_explorer, ()),
    "backprop graph": (backprop.graph_figure, ()),
    "slide": (convolution.slide_explorer, ()),
    "filters": (convolution.filter_explorer, ()),
    "geometry": (convolution.geometry_explorer, ()),
    "depth": (depth.depth_explorer, ()),
    "eigen": (eigen.eigen_explorer, ()),
    "attention": (attention.attention_explorer, datasets.SENTENCE),  # the tokens of the sentence it reads
    "regions": (regions.region_explorer, ()),
    "region count": (regions.region_count_explorer, ()),
    "momentum": (momentum.momentum_explorer, ()),
    "race": (race.race_explorer, ()),
    "overfitting": (lambda: overfitting.overfitting_explorer(
        curves=overfitting.overfitting_curves(**SMALL_CURVES)), ()),
}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def shown_texts(made):
    """Every text the learner reads: the figure's Text artists, and an explorer's control names and menu entries."""
    fig = getattr(made, "fig", made)
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    for control in getattr(made, "controls", {}).values():
        texts += [control.description, getattr(control, "tooltip", None) or ""]
    return [t for t in texts if t.strip()]


def menu_entries(made):
    """(label, value) of every entry of the explorer's menus (options given as plain values show them)."""
    menus = [c for c in getattr(made, "controls", {}).values() if isinstance(c, widgets.Dropdown)]
    return [(o, o) if isinstance(o, str) else tuple(o) for menu in menus for o in menu.options]


def a_move(made):
    """Move the explorer's first slider to its largest value (another readout: diverged, a bound …)."""
    sliders = [c for c in getattr(made, "controls", {}).values() if hasattr(c, "max")]
    if sliders:
        sliders[0].value = sliders[0].max


def leftover_english(texts, data_words):
    allowed = NAMES | set(data_words)
    return sorted({w for t in texts for w in WORD.findall(MATHTEXT.sub("", t)) if w not in allowed})


@pytest.mark.parametrize("name", FIGURES)
def test_a_chinese_figure_has_chinese_and_no_english_word(name, monkeypatch):
    monkeypatch.setenv("DLMATH_LANG", "zh")
    make, data_words = FIGURES[name]
    made = make()
    for moment in ("as built", "after a move"):
        if moment == "after a move":
            a_move(made)
        texts = shown_texts(made)
        assert any(CJK.search(t) for t in texts), f"{name} ({moment}) shows no Chinese: {texts}"
        assert leftover_english(texts, data_words) == [], f"{name} ({moment}) still speaks English: {texts}"
    fig = getattr(made, "fig", made)
    with warnings.catch_warnings(record=True) as caught:  # the CJK font after matplotlib's (course.fonts)
        warnings.simplefilter("always")
        fig.canvas.draw()
    assert not [str(w.message) for w in caught if "missing from font" in str(w.message)], name


@pytest.mark.parametrize("name", FIGURES)
def test_an_english_figure_has_no_chinese(name, monkeypatch):
    monkeypatch.setenv("DLMATH_LANG", "en")
    made = FIGURES[name][0]()
    a_move(made)
    texts = shown_texts(made) + [label for label, value in menu_entries(made)]
    assert not [t for t in texts if CJK.search(t)]


def test_the_menus_show_chinese_names_and_keep_their_english_values(monkeypatch):
    monkeypatch.setenv("DLMATH_LANG", "zh")
    chooser = convolution.filter_explorer()
    entries = menu_entries(chooser)
    assert {value for label, value in entries} >= set(convolution.filters())  # the code names them in English …
    assert all(CJK.search(label) for label, value in entries)                 # … the learner reads Chinese
    assert ("竖笔画", "vertical stroke") in entries
    chooser.controls["image"].value = "handwritten 7"
    assert "手写的 7" in chooser.texts["readout"].get_text()
    heads = attention.attention_explorer()
    heads.controls["mask"].value = "causal"
    assert "因果" in heads.texts["title"].get_text() and np.all(np.triu(heads.lines["weights"].get_array(), 1) == 0)


def test_a_chinese_readout_names_the_depth_regime_and_the_run_of_gradient_descent(monkeypatch):
    monkeypatch.setenv("DLMATH_LANG", "zh")
    signal = depth.depth_explorer()
    signal.controls["scale"].value = 0.5
    assert "梯度消失" in signal.texts["readout"].get_text()
    fit = least_squares.descent_explorer()
    fit.controls["eta"].value = 0.0075  # converges: the run's own message, in Chinese
    assert re.search(r"\d+ 步后收敛", fit.texts["readout"].get_text())
