"""Chapter 08's figures, headless: the sliding filter, the filter chooser, the stride/padding sliders."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlmath import datasets, ops
from dlmath.models import CNN
from dlmath.explorers import convolution as cv


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_slide_state_is_the_inner_product_and_cauchy_schwarz_bounds_it():
    rng = np.random.default_rng(0)
    image, w = rng.normal(size=(6, 6)), rng.normal(size=(3, 3))
    for i, j in [(0, 0), (1, 3), (3, 3)]:
        s = cv.slide_state(image, w, i, j)
        assert s["product"] == pytest.approx(float(np.sum(image[i:i + 3, j:j + 3] * w)))
        assert s["product"] == pytest.approx(ops.conv2d(image, w)[i, j])
        assert abs(s["product"]) <= s["bound"] + 1e-12 and -1 <= s["cosine"] <= 1
        filled = ~np.isnan(s["partial"])
        assert filled.sum() == i * 4 + j + 1 and np.allclose(s["partial"][filled], s["full"][filled])


def test_the_cosine_is_one_when_the_window_is_the_filter_pattern():
    w = datasets.BOOK_FILTERS["vertical stroke"]
    image = np.zeros((6, 6))
    image[1:4, 2:5] = w
    assert cv.slide_state(image, w, 1, 2)["cosine"] == pytest.approx(1.0)


def test_window_outline_follows_stride_and_padding():
    xs, ys = cv.window_outline(1, 2, 3, stride=2, padding=1)
    assert (xs.min(), xs.max(), ys.min(), ys.max()) == (2.5, 5.5, 0.5, 3.5)


def test_the_slide_sliders_fill_the_feature_map():
    explorer = cv.slide_explorer()
    fmap = explorer.lines["fmap"]
    before = np.array(fmap.get_array().filled(np.nan), copy=True)
    explorer.controls["i"].value = 2
    explorer.controls["j"].value = 1
    after = np.asarray(fmap.get_array().filled(np.nan))
    assert np.isnan(before).sum() == 15 and np.isnan(after).sum() == 16 - (2 * 4 + 1 + 1)
    xs, ys = explorer.lines["outline"].get_data()
    assert (min(xs), min(ys)) == (0.5, 1.5)
    assert "window · filter" in explorer.texts["readout"].get_text()


def test_filter_response_keeps_the_size_with_padding_1():
    image = cv.book_image(1)
    r = cv.filter_response(image, cv.VERTICAL_EDGE)
    assert r["map"].shape == image.shape and np.abs(r["scaled"]).max() == pytest.approx(1.0)
    assert np.allclose(r["map"], ops.conv2d(image, cv.VERTICAL_EDGE, padding=1))


def test_the_learned_filters_come_from_training_the_book_network():
    w = cv.learned_book_filters()
    assert w.shape == (3, 3, 3)
    untrained = CNN((1, 6, 6), filters=(3,), padding=0, activation="sigmoid", n_outputs=3, output="sigmoid",
                        loss="squared_error", seed=1).W[0][:, 0]
    assert not np.allclose(w, untrained)


def test_the_filter_chooser_redraws_the_map():
    explorer = cv.filter_explorer()
    shown = explorer.lines["map"]
    before = np.array(shown.get_array().filled(0), copy=True)
    explorer.controls["filter_name"].value = "horizontal edge"
    after = np.asarray(shown.get_array().filled(0))
    assert not np.allclose(before, after)
    explorer.controls["image"].value = "handwritten 7"
    assert shown.get_array().shape == (8, 8) and explorer.lines["image"].get_array().shape == (8, 8)
    explorer.controls["image"].value = "book 3"
    assert shown.get_array().shape == (6, 6)  # a 6×6 book image fills the same square
    assert len(cv.filters()) == 8


@pytest.mark.parametrize("n, k, stride, padding", [(8, 3, 1, 0), (8, 3, 1, 1), (8, 3, 2, 1), (8, 5, 4, 2), (7, 2, 3, 0)])
def test_geometry_matches_what_conv2d_produces(n, k, stride, padding):
    g = cv.geometry(n, k, stride, padding)
    out = ops.conv2d(np.zeros((n, n)), np.zeros((k, k)), stride=stride, padding=padding)
    assert out.shape == (g["out"], g["out"]) and len(g["corners"][0]) == g["out"] ** 2
    assert g["formula"].endswith(f"= {g['out']}")


def test_the_geometry_sliders_update_the_output_shape():
    explorer = cv.geometry_explorer()
    assert "8×8 image → 6×6 map" in explorer.texts["readout"].get_text()
    explorer.controls["padding"].value = 1
    assert "8×8 image → 8×8 map" in explorer.texts["readout"].get_text()
    explorer.controls["stride"].value = 2
    assert "→ 4×4 map" in explorer.texts["readout"].get_text()
    assert len(explorer.lines["corners"].get_xdata()) == 16


def test_updates_add_no_artists():
    for explorer in (cv.slide_explorer(), cv.filter_explorer(), cv.geometry_explorer()):
        n_artists = [len(ax.get_children()) for ax in explorer.fig.axes]
        for name, control in explorer.controls.items():
            if hasattr(control, "options"):  # a menu: every entry (its options are (label, value) pairs)
                for i in range(len(control.options)):
                    control.index = i
            else:
                for v in range(control.min, control.max + 1):
                    control.value = v
        assert [len(ax.get_children()) for ax in explorer.fig.axes] == n_artists
