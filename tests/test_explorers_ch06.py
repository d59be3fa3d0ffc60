"""Chapter 06's figure, headless: clicking pixels redraws the network's outputs; the weight slider moves C_T."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlmath import datasets, ops
from dlmath.explorers.network import (WEIGHT, cost_along_weight, network_outputs, pixel_picture, pixels_explorer,
                                      trained_network, with_weight)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_the_trained_network_tells_every_zero_from_every_one():
    data = datasets.zero_one_images()
    net = trained_network()
    assert net.accuracy(data.x, data.labels) == 1.0
    zero, one = network_outputs(data.x[0], net), network_outputs(data.x[data.labels == 1][0], net)
    assert zero[0] > 0.9 > 0.1 > zero[1] and one[1] > 0.9 > 0.1 > one[0]


def test_trained_network_hands_out_copies():
    net = trained_network()
    net.W[0][:] = 0
    assert np.any(trained_network().W[0] != 0)


def test_cost_along_weight_is_c_t_with_that_one_weight_changed():
    data = datasets.zero_one_images()
    net = trained_network()
    values = np.array([-3.0, 0.0, 2.5])
    got = cost_along_weight(net, WEIGHT, values)
    by_hand = [np.sum(ops.squared_error(with_weight(net, WEIGHT, v).forward(data.x), data.t)) for v in values]
    np.testing.assert_allclose(got, by_hand, rtol=1e-12)
    for weight in [(3, 2, 1), (2, 3, 12)]:  # another layer, another corner of W²
        np.testing.assert_allclose(cost_along_weight(net, weight, [1.5]),
                                   [np.sum(ops.squared_error(with_weight(net, weight, 1.5).forward(data.x), data.t))])


def test_with_weight_changes_exactly_one_parameter():
    net = trained_network()
    moved = with_weight(net, (2, 1, 5), 7.0)
    diff = [np.argwhere(a != b) for a, b in zip(moved.W + moved.b, net.W + net.b)]
    assert [len(d) for d in diff] == [1, 0, 0, 0] and tuple(diff[0][0]) == (0, 4)


def test_pixel_picture_puts_pixel_1_top_left_and_12_bottom_right():
    cols, rows = pixel_picture([1] + [0] * 10 + [1])
    assert list(cols) == [0, 2] and list(rows) == [0, 3]


def test_clicking_pixels_redraws_the_outputs_and_the_image():
    explorer = pixels_explorer()
    zero_bar, one_bar = explorer.lines["zero"], explorer.lines["one"]
    assert zero_bar.get_ydata()[1] > 0.9  # starts from a ring: a "0"
    # draw a "1": clear the ring, then a stroke down the middle column
    for k in range(12):
        explorer.controls[f"p{k + 1}"].value = k % 3 == 1
    a = (zero_bar.get_ydata()[1], one_bar.get_ydata()[1])
    np.testing.assert_allclose(a, network_outputs([k % 3 == 1 for k in range(12)], trained_network()))
    assert a[1] > 0.9 > 0.1 > a[0]
    assert '→ "1"' in explorer.texts["verdict"].get_text()
    assert len(explorer.lines["ink"].get_xdata()) == 4


def test_the_weight_slider_moves_c_t_and_the_outputs():
    explorer = pixels_explorer()
    dot = explorer.lines["dot"]
    before = (float(dot.get_ydata()[0]), explorer.lines["zero"].get_ydata()[1])
    explorer.controls["w"].value = -8.0
    after = (float(dot.get_ydata()[0]), explorer.lines["zero"].get_ydata()[1])
    assert after[0] == pytest.approx(cost_along_weight(trained_network(), WEIGHT, [-8.0])[0])
    assert after[0] > before[0] + 1  # far from the trained value, C_T is much larger
    assert "C_T = " in explorer.texts["readout"].get_text() and "-8.00" in explorer.texts["readout"].get_text()


def test_updates_add_no_artists():
    explorer = pixels_explorer()
    n_artists = [len(ax.get_children()) for ax in explorer.fig.axes]
    for v in np.linspace(-8, 8, 7):
        explorer.controls["w"].value = float(v)
        explorer.controls["p5"].value = not explorer.controls["p5"].value
    assert [len(ax.get_children()) for ax in explorer.fig.axes] == n_artists


def test_the_widget_lays_the_pixels_out_as_the_image():
    explorer = pixels_explorer()
    grid = explorer.widget.children[0].children[0]
    assert len(grid.children) == 12 and "repeat(3" in grid.layout.grid_template_columns
    assert [b.tooltip for b in grid.children] == [f"pixel {k}" for k in range(1, 13)]


def test_the_drawing_names_the_units_the_weight_and_the_bias():
    from dlmath.explorers.network import network_figure
    fig = network_figure(weight=(2, 3, 7))
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "w$^{2}_{37}$" in texts and "b$^{2}_{1}$" in texts
    assert sum("| a$^{2}" in t for t in texts) == 3 and sum("| a$^{3}" in t for t in texts) == 2
    assert sum(t.startswith("x$_{") for t in texts) == 12
    red = [line for line in fig.axes[1].lines if line.get_color() == "C3"]
    assert len(red) == 1 and len(fig.axes[1].lines) == 12 * 3 + 3 * 2


def test_a_pressed_pixel_shows_ink():
    explorer = pixels_explorer()
    p5, p1 = explorer.controls["p5"], explorer.controls["p1"]
    assert p1.description == "■" and p5.description == ""  # the ring: pixel 1 ink, centre blank
    p5.value, p1.value = True, False
    assert p5.description == "■" and p1.description == ""
