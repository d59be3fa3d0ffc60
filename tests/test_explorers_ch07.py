"""Chapter 07's figures, headless: the η explorer's training curves and the computational graph."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlmath import datasets, ops
from dlmath.models import MLP
from dlmath.explorers.backprop import EPOCHS, eta_explorer, graph_figure, graph_values, train_curves


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_train_curves_are_gradient_descent_on_the_mean_cost():
    """Ten full-batch steps by hand with the lib's backward pass give the same C_T as train_curves."""
    data = datasets.zero_one_images()
    out = train_curves(2.0, epochs=10)
    net = MLP((12, 3, 2), seed=1)
    costs = []
    for _ in range(10):
        net.forward(data.x)
        dW, db = net.backward(data.t)
        for p, g in zip(net.W + net.b, dW + db):
            p -= 2.0 * g
        costs.append(np.sum(ops.squared_error(net.forward(data.x), data.t)))
    np.testing.assert_allclose(out["cost"], costs, rtol=1e-12)
    assert out["accuracy"].shape == (10,) and np.all((0 <= out["accuracy"]) & (out["accuracy"] <= 1))


def test_a_good_eta_learns_every_image_and_a_huge_one_gets_stuck():
    good, huge = train_curves(10.0), train_curves(100.0)
    assert good["cost"][-1] < good["cost"][0] / 100 and good["accuracy"][-1] == 1.0
    assert huge["cost"][-1] > good["cost"][0]  # saturated sigmoids: the unit errors vanish


def test_the_eta_slider_redraws_the_curves_from_the_precomputed_runs():
    explorer = eta_explorer()
    cost, acc = explorer.lines["cost"], explorer.lines["accuracy"]
    before = np.array(cost.get_ydata(), dtype=float, copy=True)
    explorer.controls["eta"].value = 10.0
    after = np.asarray(cost.get_ydata(), dtype=float)
    assert after.shape == (EPOCHS,) and not np.allclose(before, after)
    np.testing.assert_allclose(after, train_curves(explorer.controls["eta"].value)["cost"])
    np.testing.assert_allclose(acc.get_ydata(), train_curves(explorer.controls["eta"].value)["accuracy"])
    assert "η = 10" in explorer.texts["readout"].get_text()


def test_updates_add_no_artists():
    explorer = eta_explorer()
    n_artists = [len(ax.get_children()) for ax in explorer.fig.axes]
    for v in np.geomspace(0.3, 100, 12):
        explorer.controls["eta"].value = float(v)
    assert [len(ax.get_children()) for ax in explorer.fig.axes] == n_artists


def test_a_value_used_twice_adds_its_gradients():
    v = graph_values(3.0, 2.0)
    h = 1e-6
    f = lambda x, y: (x + y) * x  # noqa: E731
    assert v["df_dx"] == pytest.approx((f(3 + h, 2) - f(3 - h, 2)) / (2 * h), rel=1e-8)
    assert v["df_dy"] == pytest.approx((f(3, 2 + h) - f(3, 2 - h)) / (2 * h), rel=1e-8)
    assert v["df_dx"] == sum(v["df_dx_parts"]) == 8.0
    fig = graph_figure()
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "∂f/∂x = 3 + 5 = 8" in texts
