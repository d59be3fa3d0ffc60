"""Chapter 10's figures, headless: the 2×2 map with its eigenvector lines, and the attention heat map."""
import matplotlib.pyplot as plt
import numpy as np
import pytest
import sympy as sp

from dlmath import datasets, ops
from dlmath.explorers.attention import attention_explorer, head_weights, projections
from dlmath.explorers.eigen import GRID_POINTS, eigen_explorer, map_picture, rank_and_nonzero, real_eigen


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_map_picture_is_A_applied_to_circle_and_grid():
    out = map_picture(1.5, 0.5, 0.5, 1.0)
    A = np.array([[1.5, 0.5], [0.5, 1.0]])
    x, y = out["circle"]
    np.testing.assert_allclose(np.hypot(*np.linalg.solve(A, np.stack([x, y]))), 1.0)  # A⁻¹ brings it back
    gx, gy = out["grid"]
    np.testing.assert_allclose(np.stack([gx, gy]), A @ GRID_POINTS)


@pytest.mark.parametrize("entries", [(1.5, 0.5, 0.5, 1.0), (2.0, 1.0, 0.0, 0.5), (0.3, -1.2, 0.8, 1.1)])
def test_eigenvector_lines_are_left_in_place(entries):
    A = np.reshape(entries, (2, 2))
    out = map_picture(*entries)
    for name in ("eig1", "eig2"):
        x, y = out[name]
        if np.all(np.isnan(x)):
            continue
        v = np.array([x[1], y[1]])
        Av = A @ v
        assert abs(Av[0] * v[1] - Av[1] * v[0]) < 1e-9 * np.linalg.norm(v) ** 2  # A v ∥ v


def test_a_rotation_has_no_real_eigenvectors():
    t = 0.7
    out = map_picture(np.cos(t), -np.sin(t), np.sin(t), np.cos(t))
    assert np.all(np.isnan(out["eig1"][0])) and np.all(np.isnan(out["eig2"][0]))
    assert "no real eigenvectors" in out["readout"]
    assert real_eigen([[0, -1], [1, 0]])[0] == []


@pytest.mark.parametrize("theta", [0.0, np.pi])
def test_rotations_by_0_and_pi_have_real_eigenvectors(theta):
    c, s = np.cos(theta), np.sin(theta)
    out = map_picture(c, -s, s, c)
    assert "every vector is an eigenvector" in out["readout"]
    assert not np.all(np.isnan(out["eig1"][0]))


@pytest.mark.parametrize("entries, expected", [
    ((0, 1, 0, 0), (1, 0, 0)),          # N: rank 1, both eigenvalues 0
    ((1, 1, -1, -1), (1, 0, 0)),        # nilpotent, not triangular: eig gives tiny non-zero numbers
    ((0.35, 0.7, -0.175, -0.35), (1, 0, 0)),
    ((1, 1, 0, 1), (2, 2, 2)),          # the shear: not diagonalisable, rank 2, eigenvalues 1, 1
    ((1, 2, 0.5, 1), (1, 1, 1)),        # singular, diagonalisable: eigenvalues 2, 0
    ((0, -1, 1, 0), (2, 2, 2)),         # rotation: complex eigenvalues ±i, both non-zero
    ((0, 0, 0, 0), (0, 0, 0))])
def test_rank_and_nonzero_eigenvalues(entries, expected):
    A = np.reshape(np.array(entries, float), (2, 2))
    assert rank_and_nonzero(A) == expected
    r1, r2, nonzero = expected
    assert (nonzero == r1) == (r1 == r2)  # the criterion: count = rank exactly when rank A = rank A²
    exact = sp.Matrix(sp.nsimplify(sp.Matrix(A)))
    assert sum(m for lam, m in exact.eigenvals().items() if lam != 0) == nonzero
    assert exact.rank() == r1 and (exact * exact).rank() == r2
    assert f"rank A = {r1}, rank A² = {r2}; non-zero λ: {nonzero}" in map_picture(*entries)["readout"]


def test_readout_never_shows_minus_zero():
    for entries in [(1, 1, -1, -1), (0.5, 0.5, -0.5, -0.5), (-1, 0, 0, 0)]:
        assert "-0.00" not in map_picture(*entries)["readout"]


def test_readout_names_the_special_cases():
    assert "not diagonalisable" in map_picture(1, 1, 0, 1)["readout"]  # a shear
    assert "every vector" in map_picture(1.5, 0, 0, 1.5)["readout"]
    assert "det A = 0.00" in map_picture(1, 2, 0.5, 1)["readout"]


def test_eigen_sliders_redraw_the_picture():
    explorer = eigen_explorer()
    circle = explorer.lines["circle"]
    before = np.array(circle.get_xdata(), dtype=float, copy=True)
    explorer.controls["b"].value = -1.0
    after = np.asarray(circle.get_xdata(), dtype=float)
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, map_picture(1.5, -1.0, 0.5, 1.0)["circle"][0])
    n_artists = len(explorer.fig.axes[0].get_children())
    for v in np.linspace(-2, 2, 9):
        explorer.controls["c"].value = float(v)
    assert len(explorer.fig.axes[0].get_children()) == n_artists


def test_head_weights_are_the_libs_multi_head_weights():
    X = datasets.embed() + 0.5 * ops.positional_encoding(6, 8)
    W_Q, W_K, W_V, W_O = projections(0)
    _, P = ops.multi_head_attention(X, W_Q, W_K, W_V, W_O, 2)
    for h in range(2):
        np.testing.assert_allclose(head_weights(X, W_Q, W_K, h), P[h], rtol=1e-12)
    causal = head_weights(X, W_Q, W_K, 1, mask="causal")
    assert np.all(np.triu(causal, 1) == 0) and np.allclose(causal.sum(1), 1)


def test_temperature_sharpens_and_flattens():
    X = datasets.embed() + 0.5 * ops.positional_encoding(6, 8)
    W_Q, W_K, _, _ = projections(0)
    cold, warm, hot = (head_weights(X, W_Q, W_K, 0, temperature=t) for t in (0.1, 1.0, 10.0))
    assert cold.max(1).mean() > warm.max(1).mean() > hot.max(1).mean()
    assert np.ptp(hot, axis=1).max() < 0.2 < 0.5 < np.ptp(warm, axis=1).max()  # nearly uniform vs peaked


def test_attention_controls_redraw_the_heat_map():
    explorer = attention_explorer()
    image = explorer.lines["weights"]
    before = np.array(image.get_array(), copy=True)
    explorer.controls["head"].value = 1
    mid = np.array(image.get_array(), copy=True)
    explorer.controls["mask"].value = "causal"
    after = np.array(image.get_array(), copy=True)
    assert not np.allclose(before, mid) and not np.allclose(mid, after)
    assert np.all(np.triu(after, 1) == 0)
    assert after[0, 0] == 1.0  # the first token sees only itself
    explorer.controls["temperature"].value = 10.0
    assert "10.00" in explorer.texts["title"].get_text()
