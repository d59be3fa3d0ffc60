"""How long one slider move takes, headless and as the learner sees it in the chapters (not a test).

    .venv/bin/python bench/slider_latency.py                  # headless, then every chapter in JupyterLab
    .venv/bin/python bench/slider_latency.py --headless-only  # seconds, no browser
    .venv/bin/python bench/slider_latency.py --chapters 04 --dpr 2 --trace

headless  every function named `*_explorer` in `dlmath.explorers` (found by itself, so a new chapter's
          figures join automatically), with its defaults, shown at pixel ratio 1: one move = set the
          control's value (compute, set_data, the Explorer's redraw and the PNG frame it sends), median
          over --moves values swept across the control's range.
browser   the learner's copy of each chapter (my-work/, made as `dlmath open` makes it) opened in
          JupyterLab in Chromium at device pixel ratio 1 and 2, Run All, then for every slider in it:
          --browser-moves real key presses (ArrowRight/ArrowLeft), each timed from the keydown to the
          paint after the figure's canvas got its new picture, with where the time went (page probes
          on the key, the kernel websocket and the canvas; kernel probes on the update and the frame
          encoding); then one fast drag (30 moves at ~60/s): frames painted after the release, and
          whether the last picture is the final value's.

Targets: headless ≤ 20 ms per move; in the chapters, median ≤ 100 ms at ratio 1 (worst slider ≤ 150),
≤ 150 ms at ratio 2. Tables are printed and saved as JSON in bench/results/ (git-ignored), with a
Chromium trace of one slider when --trace is given.
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

HEADLESS_TARGET_MS = 20.0
BROWSER_TARGET_MS = {1: 100.0, 2: 150.0}  # median per slider, by device pixel ratio
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


def headless(figure_fn, moves, ratio=1.0):
    """{control: timings} for one figure, with the Agg backend, as the kernel does it for a page.

    move: `control.value = v` — compute, set_data, the Explorer's redraw (a blit of the moving artists,
          or a full draw when something else changed) and the frame it sends (PNG) — with the figure
          shown at device pixel ratio `ratio`.
    full: `control.value = v` then always `fig.canvas.draw()`: the cost of a full redraw (first
          display, a new pixel ratio), for comparison.
    """
    explorer = figure_fn()
    canvas = explorer.fig.canvas
    explorer.view.dpr = ratio  # as a page showing it reports: the first full draw, and frames from now on
    draws = []  # every full draw, whoever asked for it
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

# Installed in the page before JupyterLab loads: timestamps of every key press, of every kernel
# websocket message in and out (with its size), and of every picture a figure's canvas receives,
# with the moment after the next paint (a message posted from an animation frame runs once the frame
# is painted). Cheap: no pixel reading while timing.
PROBE_JS = """(() => {
  const probe = window.__probe = {keys: [], out: [], in: [], draws: []};
  document.addEventListener('keydown', () => probe.keys.push(performance.now()), true);
  const size = d => typeof d === 'string' ? d.length : (d.byteLength ?? d.size ?? 0);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => probe.in.push([performance.now(), size(e.data)]));
    }
    send(data) { probe.out.push([performance.now(), size(data)]); return super.send(data); }
  };
  const painted = (canvas, t) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => probe.draws.push({t, painted: performance.now(), canvas});
    channel.port2.postMessage(0);
  });
  const drawImage = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (...args) {
    const result = drawImage.apply(this, args);
    if (this.canvas.isConnected && this.canvas.closest('.jupyter-matplotlib, .dlmath-figure')) painted(this.canvas, performance.now());
    return result;
  };
  const putImageData = CanvasRenderingContext2D.prototype.putImageData;
  CanvasRenderingContext2D.prototype.putImageData = function (...args) {
    const result = putImageData.apply(this, args);
    if (this.canvas.isConnected && this.canvas.closest('.dlmath-figure')) painted(this.canvas, performance.now());
    return result;
  };
})()"""

FIGURES_JS = labharness.FIGURE_CANVASES_JS

# One move's timeline, from the probe: the key press, the first message to the kernel after it, the
# first large message back (the picture), the picture drawn on the figure's canvas, and that painted.
MOVE_JS = """([slider, since]) => {
  const p = window.__probe, figures = (%s)(slider);
  const key = p.keys.find(t => t >= since);
  if (key === undefined) return null;
  const draw = p.draws.find(d => d.t >= key && figures.includes(d.canvas));
  if (!draw) return null;
  const out = p.out.find(([t]) => t >= key), back = p.in.filter(([t, n]) => t >= key && t <= draw.t && n > 4096).pop();
  return {key, sent: out ? out[0] : null, image: back ? back[0] : null, image_bytes: back ? back[1] : null,
          drawn: draw.t, painted: draw.painted};
}""" % FIGURES_JS

# Every picture the figure got since `since`: [drawn at, painted at].
DRAWS_JS = """([slider, since]) => {
  const figures = (%s)(slider);
  return window.__probe.draws.filter(d => d.t >= since && figures.includes(d.canvas)).map(d => [d.t, d.painted]);
}""" % FIGURES_JS

KERNEL_EXEC_JS = """async (code) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  let out = '';
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  future.onIOPub = m => { if (m.header.msg_type === 'stream') out += m.content.text; };
  await future.done;
  return out;
}"""

# Run in the kernel before the chapter: log how long each move's update (compute, set_data, the
# Agg draw, and the PNG the frame is sent as) and each PNG encoding take, and the PNG's size.
KERNEL_PROBE = """
import json as _j, time as _t
from dlmath.course import explorer as _x
_x._bench_log = []
def _bench_wrap(owner, name, tag):
    inner = getattr(owner, name)
    def timed(*args, **kwargs):
        t0 = _t.perf_counter(); result = inner(*args, **kwargs)
        _x._bench_log.append((tag, (_t.perf_counter() - t0) * 1000, len(result) if isinstance(result, bytes) else 0))
        return result
    setattr(owner, name, timed)
_bench_wrap(_x.Explorer, "update", "update")
if hasattr(_x, "FigureView"):  # the course's own transport: time show() and log the frame's size
    _show = _x.FigureView.show
    def _timed_show(self, canvas):
        t0 = _t.perf_counter(); _show(self, canvas)
        _x._bench_log.append(("png", (_t.perf_counter() - t0) * 1000, len(self.frame)))
    _x.FigureView.show = _timed_show
for _owner, _name in getattr(_x, "BENCH_ENCODERS", ()) or ():
    _bench_wrap(_owner, _name, "png")
try:
    from matplotlib.backends.backend_webagg_core import FigureCanvasWebAggCore as _W
    _bench_wrap(_W, "get_diff_image", "png")
except ImportError:
    pass
"""
KERNEL_LOG = "print(_j.dumps(_x._bench_log)); _x._bench_log.clear()"


def learner_copies(course):
    """The learner's copies of every chapter in `course`, made as `dlmath open` makes them."""
    from dlmath.course.workspace import Workspace
    workspace = Workspace(course)
    workspace.ensure_copies()
    return {path.name[:2]: path for path in workspace.chapter_files()}


def browser(chapters, moves, chromium, dprs=(1, 2), drags=1, trace=None, timeout_s=10):
    """{dpr: {chapter: [one row per slider]}}, measured in each learner copy in JupyterLab + Chromium."""
    from playwright.sync_api import sync_playwright

    course = labharness.copy_of_the_course(Path(tempfile.mkdtemp(prefix="dlmath-bench-course-")))
    copies = learner_copies(course)
    wanted = sorted(c for c in copies if not chapters or c in chapters)
    results = {}
    lab = labharness.JupyterLab(notebooks=course)
    try:
        with sync_playwright() as p:
            chrome = p.chromium.launch(executable_path=chromium, args=labharness.CHROMIUM_ARGS)
            try:
                for dpr in dprs:
                    results[dpr] = {}
                    for chapter in wanted:
                        name = "my-work/" + copies[chapter].name
                        context = chrome.new_context(viewport={"width": 1400, "height": 1000},
                                                     device_scale_factor=dpr)
                        context.add_init_script(PROBE_JS)
                        page = context.new_page()
                        page.set_default_timeout(60_000)
                        try:
                            results[dpr][chapter] = _chapter(page, lab, name, moves, drags, timeout_s,
                                                             trace if trace and chapter == wanted[0] else None,
                                                             chrome, dpr)
                        finally:
                            context.close()
                            lab.shutdown_kernels()
            finally:
                chrome.close()
    finally:
        lab.stop()
    return results


def _chapter(page, lab, name, moves, drags, timeout_s, trace, chrome, dpr):
    labharness.open_notebook(page, lab, name)
    page.evaluate(KERNEL_EXEC_JS, KERNEL_PROBE)
    t0 = time.perf_counter()
    state = labharness.run_all_cells(page)
    run_all_s = time.perf_counter() - t0
    if state["errors"]:
        raise RuntimeError(f"{name} failed: " + "; ".join(state["errors"]))
    page.evaluate(KERNEL_EXEC_JS, KERNEL_LOG)
    rows = []
    sliders = page.locator(labharness.SLIDER_SELECTOR).all()
    for index, slider in enumerate(sliders):
        label = slider.locator(".widget-label").first.text_content().strip()
        if trace and index == 0:
            chrome.start_tracing(page=page, path=str(trace), screenshots=False)
        row = _time_slider(page, slider, moves, timeout_s)
        if trace and index == 0:
            chrome.stop_tracing()
            print(f"  Chromium trace of the first slider: {trace}")
        kernel = json.loads(page.evaluate(KERNEL_EXEC_JS, KERNEL_LOG) or "[]")
        updates = [ms for tag, ms, _ in kernel if tag == "update"]
        pngs = [(ms, size) for tag, ms, size in kernel if tag == "png" and size]
        row.update(label=label, slider=index, run_all_s=run_all_s,
                   kernel_update_ms=statistics.median(updates) if updates else None,
                   kernel_png_ms=statistics.median(ms for ms, _ in pngs) if pngs else None,
                   png_kb=statistics.median(size for _, size in pngs) / 1024 if pngs else None)
        if drags:
            row.update(_drag(page, slider.element_handle()))
        rows.append(row)
        print(f"  dpr {dpr} {name} [{index}] {label!r}: "
              + (f"median {row['median_ms']:.0f} ms, worst {row['max_ms']:.0f} ms" if row["times"] else "no redraw")
              + (f"; kernel update {row['kernel_update_ms']:.1f} ms" if row["kernel_update_ms"] else "")
              + (f" (PNG {row['kernel_png_ms']:.1f} ms, {row['png_kb']:.0f} kB)" if row["kernel_png_ms"] else "")
              + (f"; drag: {row['drag_frames']} frames, last painted {row['drag_tail_ms']:.0f} ms after release,"
                 f" {'right' if row['drag_final_ok'] else 'WRONG'} final picture" if "drag_frames" in row else ""),
              flush=True)
    return rows


def _settle(page, slider, quiet_ms=250, timeout_s=30):
    """Wait until the figure has had no new picture for `quiet_ms` and the kernel is idle."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        labharness.show_output(page, slider)
        now = page.evaluate("() => performance.now()")
        page.wait_for_timeout(quiet_ms)
        recent = page.evaluate(DRAWS_JS, [slider, now])
        state = labharness.notebook_state(page)
        if not recent and state and state["kernel"] == "idle":
            return
    raise TimeoutError("the figure kept redrawing")


def _time_slider(page, slider, moves, timeout_s):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    element = slider.element_handle()
    handle = slider.locator(".noUi-handle").first
    at_max = float(handle.get_attribute("aria-valuenow")) >= float(handle.get_attribute("aria-valuemax"))
    keys = ["ArrowLeft", "ArrowRight"] if at_max else ["ArrowRight", "ArrowLeft"]
    timelines, misses = [], 0
    for i in range(moves):
        _settle(page, element)
        handle.focus()
        since = page.evaluate("() => performance.now()")
        page.keyboard.press(keys[i % 2])
        try:
            page.wait_for_function(f"(args) => ({MOVE_JS})(args) !== null", arg=[element, since],
                                   timeout=timeout_s * 1000, polling=20)
            timelines.append(page.evaluate(MOVE_JS, [element, since]))
        except PlaywrightTimeout:
            misses += 1
    times = [t["painted"] - t["key"] for t in timelines]

    def part(a, b):
        spans = [t[b] - t[a] for t in timelines if t[a] is not None and t[b] is not None]
        return statistics.median(spans) if spans else None

    return {"times": times, "median_ms": statistics.median(times) if times else None,
            "max_ms": max(times) if times else None, "no_change": misses,
            "key_to_sent_ms": part("key", "sent"), "sent_to_image_ms": part("sent", "image"),
            "image_to_drawn_ms": part("image", "drawn"), "drawn_to_painted_ms": part("drawn", "painted"),
            "image_bytes": statistics.median([t["image_bytes"] for t in timelines if t["image_bytes"]] or [0])}


def _drag(page, element):
    """Drag the handle across the slider at about 60 moves a second, release, and watch: how many
    pictures arrive after the release (a queue of stale frames playing on), when the last one is
    painted, and whether the last picture is the one for the final value (it must equal the picture
    the figure shows after one step away and one back)."""
    _settle(page, element)
    start = page.evaluate("() => performance.now()")
    labharness.drag_slider(page, element)
    released = page.evaluate("() => performance.now()")
    _settle(page, element, quiet_ms=600)
    draws = page.evaluate(DRAWS_JS, [element, start])
    after = [d for d in draws if d[0] > released]
    final = labharness.figure_signature(page, element)["hash"]
    again = labharness.step_there_and_back(page, element)["hash"]
    return {"drag_frames": len(draws), "drag_frames_after_release": len(after),
            "drag_tail_ms": (max(d[1] for d in draws) - released) if draws else None,
            "drag_final_ok": final == again}


def table(header, lines):
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines)]
    for line in [header, tuple("-" * w for w in widths), *lines]:
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths)).rstrip())


def ms(value, digits=0):
    return "—" if value is None else f"{value:.{digits}f}"


def compare(before_path, after_path):
    """A markdown table, per slider of every chapter: median (worst) ms at each pixel ratio, from two
    saved runs (e.g. before and after a change)."""
    runs = [json.loads(Path(p).read_text())["browser"] for p in (before_path, after_path)]
    ratios = sorted(set(runs[0]) & set(runs[1]), key=float)
    print("| chapter | slider | " + " | ".join(f"ratio {float(r):g}: before → after (worst)" for r in ratios) + " |")
    print("|---|---|" + "---|" * len(ratios))
    for chapter in sorted(runs[1][ratios[0]]):
        for i, row in enumerate(runs[1][ratios[0]][chapter]):
            cells = []
            for r in ratios:
                old = runs[0][r].get(chapter, [])
                b, a = (old[i] if i < len(old) else None), runs[1][r][chapter][i]
                cells.append(f"{ms(b and b['median_ms'])} ({ms(b and b['max_ms'])}) → "
                             f"**{ms(a['median_ms'])}** ({ms(a['max_ms'])})")
            print(f"| {chapter} | {row['label']} | " + " | ".join(cells) + " |")
    for r in ratios:
        for name, run in zip(("before", "after"), runs):
            medians = [row["median_ms"] for ch in run[r].values() for row in ch if row["median_ms"] is not None]
            print(f"\nratio {float(r):g}, {name}: {len(medians)} sliders, median of medians "
                  f"{statistics.median(medians):.0f} ms, worst median {max(medians):.0f} ms", end="")
    print()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--moves", type=int, default=30, help="moves per control, headless (default 30)")
    parser.add_argument("--browser-moves", type=int, default=10, help="key presses per slider in the browser (default 10)")
    parser.add_argument("--chapters", nargs="*", default=[], help="chapter numbers to open (default: all)")
    parser.add_argument("--dpr", type=float, nargs="*", default=[1, 2], help="device pixel ratios (default 1 2)")
    parser.add_argument("--no-drag", action="store_true", help="skip the drag of each slider")
    parser.add_argument("--trace", action="store_true", help="save a Chromium trace of the first slider")
    parser.add_argument("--headless-only", action="store_true", help="skip the JupyterLab measurement")
    parser.add_argument("--browser-only", action="store_true", help="skip the headless measurement")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE.json", "AFTER.json"),
                        help="print a markdown table of two saved runs, per slider, and stop")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare) or 0
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime('%Y%m%d-%H%M%S')

    head_rows = []
    if not args.browser_only:
        figures = discover()
        print(f"{len(figures)} figures: " + ", ".join(f for f, _, _ in figures), flush=True)
        for figure, module, name in figures:
            for key, h in headless(getattr(importlib.import_module(module), name), args.moves).items():
                head_rows.append({"figure": figure, "control": key, **h})
        print()
        table(("figure", "control", "one move: median ms", "worst ms", "full redraw ms", "", "moves that redrew all"),
              [(r["figure"], r["control"], ms(r["median_ms"], 1), ms(r["max_ms"], 1), ms(r["full_draw_ms"], 1),
                "OK" if r["median_ms"] <= HEADLESS_TARGET_MS else "SLOW", f"{r['stale_moves']}/{r['n']}")
               for r in head_rows])
        print(f"headless: one move = the control's value set (compute, set_data, the Explorer's redraw), "
              f"median of {args.moves}; target ≤ {HEADLESS_TARGET_MS:.0f} ms.\n")

    web, note = {}, ""
    chromium = labharness.find_chromium()
    if args.headless_only:
        note = "browser: not measured (--headless-only)"
    elif chromium is None:
        note = f"browser: not measured, Chromium not found ({labharness.INSTALL_HINT})"
    else:
        print("measuring in the chapters, in JupyterLab + Chromium …", flush=True)
        trace = out / f"trace-{stamp}.json" if args.trace else None
        web = browser(set(args.chapters), args.browser_moves, chromium, dprs=args.dpr,
                      drags=not args.no_drag, trace=trace)
    for dpr, chapters in web.items():
        target = BROWSER_TARGET_MS[dpr if dpr in BROWSER_TARGET_MS else 2]
        rows = [r for chapter in chapters.values() for r in chapter]
        print(f"\ndevice pixel ratio {dpr:g}: key press → figure painted, in the chapter (target: median ≤ {target:.0f} ms)")
        table(("chapter", "slider", "median ms", "worst ms", "", "key→sent", "sent→picture", "picture→drawn",
               "drawn→painted", "kernel update", "PNG encode", "PNG kB", "drag: frames after release", "last paint after release ms", "final picture"),
              [(c, r["label"], ms(r["median_ms"]), ms(r["max_ms"]),
                "OK" if r["median_ms"] is not None and r["median_ms"] <= target and not r["no_change"] else "SLOW",
                ms(r["key_to_sent_ms"], 1), ms(r["sent_to_image_ms"], 1), ms(r["image_to_drawn_ms"], 1),
                ms(r["drawn_to_painted_ms"], 1), ms(r["kernel_update_ms"], 1), ms(r["kernel_png_ms"], 1),
                ms(r["png_kb"]), r.get("drag_frames_after_release", "—"), ms(r.get("drag_tail_ms")),
                {True: "right", False: "WRONG"}.get(r.get("drag_final_ok"), "—"))
               for c, chapter in chapters.items() for r in chapter])
        medians = [r["median_ms"] for r in rows if r["median_ms"] is not None]
        if medians:
            print(f"all {len(medians)} sliders: median of medians {statistics.median(medians):.0f} ms, "
                  f"worst median {max(medians):.0f} ms, over {target:.0f} ms: {sum(m > target for m in medians)}; "
                  f"Run All per chapter: " + ", ".join(f"{c} {ch[0]['run_all_s']:.1f} s" for c, ch in chapters.items() if ch))
    if note:
        print(note)
    path = out / f"slider_latency-{stamp}.json"
    path.write_text(json.dumps({"moves": args.moves, "browser_moves": args.browser_moves, "headless": head_rows,
                                "browser": {str(k): v for k, v in web.items()}, "note": note},
                               indent=1, ensure_ascii=False, default=str))
    print(f"\nsaved {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
