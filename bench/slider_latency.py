"""How long one slider move takes in every interactive figure of the course (not a test).

    .venv/bin/python bench/slider_latency.py                # headless and in JupyterLab (Chromium)
    .venv/bin/python bench/slider_latency.py --headless-only

Figures: every function named `*_explorer` in the modules of `dlmath.explorers` (found by itself, so a
new chapter's figures join automatically), called with its default arguments.

headless  one move = set the control's value (compute + set_data) and `fig.canvas.draw()` with the Agg
          backend; the Explorer's own `draw_idle` is switched off while timing, so exactly one full
          redraw is counted. Median over --moves values swept across the control's range.
browser   a notebook with one cell per figure runs in JupyterLab in Chromium (`%matplotlib widget`,
          i.e. ipympl); per move, the time from the key press on the slider's handle (a real
          ArrowRight/ArrowLeft from Playwright, timed by a keydown listener) to the first animation
          frame in which the figure's canvas pixels differ. That includes the comm round trip to the
          kernel, compute, the Agg draw, PNG encoding and drawing the image in the page.

Targets: headless < 50 ms, browser < 150 ms per move. The table is printed and saved as JSON in
bench/results/ (git-ignored).
"""
import argparse
import importlib
import inspect
import json
import pkgutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import ipywidgets as widgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import dlmath.explorers  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))
import labharness  # noqa: E402

HEADLESS_TARGET_MS, BROWSER_TARGET_MS = 50.0, 150.0
SLIDERS = (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider)


def discover():
    """[(figure name, module, function name)] for every `*_explorer` in dlmath.explorers.*."""
    found = []
    for info in sorted(pkgutil.iter_modules(dlmath.explorers.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"dlmath.explorers.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.endswith("_explorer") and fn.__module__ == module.__name__:
                required = [p for p in inspect.signature(fn).parameters.values()
                            if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
                if required:
                    print(f"skipping {module.__name__}.{name}: it needs arguments {[p.name for p in required]}")
                    continue
                found.append((f"{info.name}.{name}", module.__name__, name))
    return found


def sweep(control, n):
    """n values across the control's range (each differs from the one before), or its menu's options."""
    if isinstance(control, widgets.FloatLogSlider):
        values = control.base ** np.linspace(control.min, control.max, n)
    elif isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
        values = np.linspace(control.min, control.max, n)
        if isinstance(control, widgets.IntSlider):
            values = np.round(values).astype(int)
    elif hasattr(control, "options") and len(control.options) > 1:
        labels = [o[1] if isinstance(o, tuple) else o for o in control.options]
        values = [labels[i % len(labels)] for i in range(1, n + 1)]
        return [v for v in values]
    else:
        return []
    values = [v.item() for v in values]
    return [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]


def headless(figure_fn, moves):
    """{control: timings} for one figure, with the Agg backend.

    move: `control.value = v` — compute, set_data and the Explorer's own redraw (a blit when it can) —
          plus a full `fig.canvas.draw()` if that left the figure stale, as the kernel does after every
          widget message (`comm` fires IPython's post_execute, where pyplot redraws stale figures).
    full: `control.value = v` then always `fig.canvas.draw()`: the cost of a full redraw (first
          display, resize, zoom, or any figure whose update is not blitted).
    """
    explorer = figure_fn()
    canvas = explorer.fig.canvas
    canvas.draw()  # the first display: lays out, and gives the Explorer its background
    draws = []  # every full draw, whoever asked for it (Agg's draw_idle draws at once)
    canvas.mpl_connect("draw_event", lambda event: draws.append(1))
    results = {}
    try:
        for key, control in explorer.controls.items():
            initial, move, full = control.value, [], []
            values = sweep(control, moves)
            draws.clear()
            for value in values:
                t0 = time.perf_counter()
                control.value = value
                if explorer.fig.stale:
                    canvas.draw()
                move.append((time.perf_counter() - t0) * 1000)
            full_draws = len(draws)
            for value in values[::-1][1:] + values[:1]:
                t0 = time.perf_counter()
                control.value = value
                canvas.draw()
                full.append((time.perf_counter() - t0) * 1000)
            control.value = initial
            canvas.draw()
            if move:
                results[key] = {"median_ms": statistics.median(move), "max_ms": max(move), "n": len(move),
                                "full_draw_ms": statistics.median(full), "stale_moves": full_draws,
                                "label": control.description, "slider": isinstance(control, SLIDERS)}
    finally:
        plt.close(explorer.fig)
    return results


# ------------------------------------------------------------------------------------------ browser

ARM_JS = """([slider, before]) => {
  // Arm: from now on, check the figure's pixels once per animation frame; remember when they change.
  window.__benchT1 = null;
  const canvases = (%s)(slider), signature = %s;
  const generation = window.__benchGeneration = (window.__benchGeneration || 0) + 1;
  const poll = () => {
    if (window.__benchGeneration !== generation) return;  // a newer move has taken over
    if (canvases.map(signature).map(s => s.hash).join('|') !== before) { window.__benchT1 = performance.now(); return; }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}""" % (labharness.FIGURE_CANVASES_JS, labharness.CANVAS_SIGNATURE_JS)

KEYDOWN_JS = """() => {
  window.__benchT0 = null;
  if (!window.__benchListening) {
    document.addEventListener('keydown', () => { window.__benchT0 = performance.now(); }, true);
    window.__benchListening = true;
  }
}"""


def browser(figures, moves, chromium, timeout_s=10):
    """{figure: {control label: {"median_ms", ...}}} measured in JupyterLab in Chromium."""
    import nbformat
    from playwright.sync_api import sync_playwright

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(f"%matplotlib widget\nfrom {module} import {name}\n{name}()")
                for _, module, name in figures]
    folder = Path(tempfile.mkdtemp(prefix="dlmath-bench-"))
    nbformat.write(nb, folder / "bench.ipynb")
    results = {}
    lab = labharness.JupyterLab(notebooks=folder)
    try:
        with sync_playwright() as p:
            chrome = p.chromium.launch(executable_path=chromium, args=labharness.CHROMIUM_ARGS)
            try:
                page = chrome.new_page(viewport={"width": 1400, "height": 1000})
                page.set_default_timeout(60_000)
                labharness.open_notebook(page, lab, "bench.ipynb")
                state = labharness.run_all_cells(page)
                if state["errors"]:
                    raise RuntimeError("the benchmark notebook failed: " + "; ".join(state["errors"]))
                page.evaluate(KEYDOWN_JS)
                cells = page.locator(".jp-NotebookPanel .jp-CodeCell")
                for index, (figure, _, _) in enumerate(figures):
                    results[figure] = {}
                    for slider in cells.nth(index).locator(".widget-slider").all():
                        label = slider.locator(".widget-label").first.inner_text().strip()
                        times, misses = _time_slider(page, slider, moves, timeout_s)
                        results[figure][label] = {"median_ms": statistics.median(times) if times else None,
                                                  "max_ms": max(times) if times else None,
                                                  "n": len(times), "no_change": misses}
                        print(f"  browser {figure} {label!r}: "
                              + (f"median {statistics.median(times):.0f} ms" if times else "no redraw seen"),
                              flush=True)
            finally:
                chrome.close()
    finally:
        lab.stop()
    return results


def _time_slider(page, slider, moves, timeout_s):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    slider.scroll_into_view_if_needed()
    element = slider.element_handle()
    handle = slider.locator(".noUi-handle").first
    at_max = float(handle.get_attribute("aria-valuenow")) >= float(handle.get_attribute("aria-valuemax"))
    keys = ["ArrowLeft", "ArrowRight"] if at_max else ["ArrowRight", "ArrowLeft"]
    times, misses = [], 0
    handle.focus()
    for i in range(moves):
        before = labharness.wait_until_figure_settles(page, element, quiet_polls=2, poll_s=0.1)
        page.evaluate(ARM_JS, [element, before["hash"]])
        page.evaluate("() => { window.__benchT0 = null; }")
        page.keyboard.press(keys[i % 2])
        try:
            page.wait_for_function("() => window.__benchT1 !== null && window.__benchT0 !== null",
                                   timeout=timeout_s * 1000, polling=50)
            times.append(page.evaluate("() => window.__benchT1 - window.__benchT0"))
        except PlaywrightTimeout:  # no pixel change within timeout_s
            misses += 1
    page.evaluate("() => { window.__benchGeneration += 1; }")  # stop the last poll
    return times, misses


def verdict(value, target):
    return "—" if value is None else ("OK" if value < target else "SLOW")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--moves", type=int, default=30, help="moves per control, headless (default 30)")
    parser.add_argument("--browser-moves", type=int, default=30, help="moves per slider in the browser (default 30)")
    parser.add_argument("--headless-only", action="store_true", help="skip the JupyterLab measurement")
    args = parser.parse_args(argv)

    figures = discover()
    print(f"{len(figures)} figures: " + ", ".join(f for f, _, _ in figures), flush=True)
    head = {}
    for figure, module, name in figures:
        head[figure] = headless(getattr(importlib.import_module(module), name), args.moves)
    web, note = {}, ""
    chromium = labharness.find_chromium()
    if args.headless_only:
        note = "browser: not measured (--headless-only)"
    elif chromium is None:
        note = f"browser: not measured, Chromium not found ({labharness.INSTALL_HINT})"
    else:
        print("measuring in JupyterLab + Chromium …", flush=True)
        web = browser(figures, args.browser_moves, chromium)

    rows = []
    for figure, controls in head.items():
        for key, h in controls.items():
            b = web.get(figure, {}).get(h["label"]) if h["slider"] else None
            b_ms = b["median_ms"] if b else None
            slow = [v for v, t in ((h["median_ms"], HEADLESS_TARGET_MS), (b_ms, BROWSER_TARGET_MS))
                    if v is not None and v >= t]
            status = "SLOW" if slow or (b and b["no_change"]) else "OK"
            rows.append({"figure": figure, "control": key, "label": h["label"], "headless_ms": h["median_ms"],
                         "headless_full_draw_ms": h["full_draw_ms"], "stale_moves": h["stale_moves"],
                         "moves": h["n"], "browser_ms": b_ms, "browser_moves": b["n"] if b else None,
                         "browser_no_change": b["no_change"] if b else None, "status": status})

    header = ("figure", "control", "headless median ms", "browser median ms", "target", "",
              "full redraw ms", "moves that redrew all")
    lines = [(r["figure"], r["control"], f"{r['headless_ms']:.1f}",
              ("—" if r["browser_ms"] is None else f"{r['browser_ms']:.0f}")
              + (f" ({r['browser_no_change']} unchanged)" if r["browser_no_change"] else ""),
              f"< {HEADLESS_TARGET_MS:.0f} / < {BROWSER_TARGET_MS:.0f}", r["status"],
              f"{r['headless_full_draw_ms']:.1f}", f"{r['stale_moves']}/{r['moves']}") for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines)]
    print()
    for line in [header, tuple("-" * w for w in widths), *lines]:
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths)).rstrip())
    print(f"\nheadless: one move (value + the Explorer's redraw, + a full draw if the figure went stale), "
          f"median of {args.moves}; full redraw: value + fig.canvas.draw(), for comparison.\n"
          f"browser: key press on the slider → first frame with changed canvas pixels, median of "
          f"{args.browser_moves}. OK/SLOW against the targets (headless < {HEADLESS_TARGET_MS:.0f} ms, "
          f"browser < {BROWSER_TARGET_MS:.0f} ms).")
    if note:
        print(note)
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"slider_latency-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"moves": args.moves, "browser_moves": args.browser_moves, "rows": rows,
                                "note": note}, indent=1, ensure_ascii=False))
    print(f"\nsaved {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
