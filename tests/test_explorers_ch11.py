"""Chapter 11's figures, headless: the region map of one moving unit and the depth/width chooser."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlmath import regions as R
from dlmath.explorers import regions as E


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_unit_regions_from_the_fixed_partition_equal_the_full_partition():
    """Cutting the precomputed regions of the other units by the moving unit's line gives exactly the
    regions (same patterns, same areas) that the whole partition of the new network gives."""
    fixed = R.partition([(E.W1[1:], E.B1[1:]), (E.W2[:, 1:], E.B2)], E.BOX)
    rng = np.random.default_rng(0)
    for w1, w2, b in [(-1.0, -0.5, -0.06), (0.3, 1.7, 0.4), (0.0, 1.0, -2.0), *rng.uniform(-2, 2, (6, 3))]:
        quick = E.unit_regions(fixed, (w1, w2), b)
        full = R.partition(E.network(w1, w2, b), E.BOX)
        assert sorted(tuple(p) for _, p in quick) == sorted(tuple(r.pattern) for r in full)
        area = {tuple(r.pattern): R.polygon_area(r.polygon) for r in full}
        for poly, pat in quick:
            assert R.polygon_area(poly) == pytest.approx(area[tuple(pat)], rel=1e-9, abs=1e-12)


def test_the_default_map_shows_all_sixteen_regions_and_a_dead_one():
    explorer = E.region_explorer()
    assert len(explorer.lines["regions"].get_paths()) == 16 == R.zaslavsky(2, 5)
    text = explorer.texts["readout"].get_text()
    assert "16 regions" in text and "dead region: area" in text
    faces = explorer.lines["regions"].get_facecolor()
    assert sum(np.allclose(f, E.DEAD_COLOUR) for f in faces) == 1


def test_moving_the_bias_redraws_the_map_the_line_and_the_count():
    explorer = E.region_explorer()
    line = explorer.lines["unit"]
    before_line = np.array(line.get_xydata(), dtype=float, copy=True)
    explorer.controls["b"].value = -1.9  # the line leaves the box (unit 1 off on all of it)
    n = len(explorer.lines["regions"].get_paths())
    assert n == R.count_regions(E.network(-1.0, -0.5, -1.9), E.BOX) < 16
    assert f"{n} regions" in explorer.texts["readout"].get_text()
    assert not np.allclose(before_line, line.get_xydata())
    explorer.controls["b"].value = 1.9  # unit 1 now on in the whole box: no dead region
    assert "no dead region" in explorer.texts["readout"].get_text()


def test_the_region_colours_follow_the_patterns():
    patterns = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 1]])
    colours = E.pattern_colours(patterns)
    np.testing.assert_allclose(colours[0], E.DEAD_COLOUR)
    assert len({tuple(np.round(c, 6)) for c in colours}) == 4


def test_the_chooser_shows_the_count_beside_the_bounds():
    explorer = E.region_count_explorer()
    explorer.controls["depth"].value = 3
    explorer.controls["width"].value = 5
    run = E.chooser_regions(3, 5)
    assert run["count"] == R.count_regions(R.random_relu_net(2, (5, 5, 5)), E.BOX)
    assert len(explorer.lines["regions"].get_paths()) == run["count"] <= run["serra"]
    text = explorer.texts["readout"].get_text()
    assert f"counted: {run['count']}\n" in text and f"bound: {R.serra_upper(2, (5, 5, 5))}" in text
    assert f"≥ {R.montufar_lower(2, (5, 5, 5))}" in text and f"≤ {R.zaslavsky(2, 15)}" in text


def test_updates_add_no_artists():
    for explorer in (E.region_explorer(), E.region_count_explorer()):
        n_artists = [len(ax.get_children()) for ax in explorer.fig.axes]
        for name, control in explorer.controls.items():
            for v in np.linspace(control.min, control.max, 5):
                control.value = type(control.value)(v)
        assert [len(ax.get_children()) for ax in explorer.fig.axes] == n_artists
