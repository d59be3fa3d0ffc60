"""How long the whole course takes to run: every solution notebook executed headless (not a test).

    .venv/bin/python bench/course_run.py            # all chapters
    .venv/bin/python bench/course_run.py 04 07      # some

Per notebook: the sum of its cells' own run times (from the kernel's timestamps: execute_input to
execute_reply, so kernel start-up is not counted) and the wall time with the kernel's start-up; the
slowest cells. Target: the sum over the course ≤ 60 s on the course's 2-core machine.
"""
import sys
import time
from datetime import datetime
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "lib"))
from dlmath.course import headless  # noqa: E402

TARGET_S = 60.0


def cell_seconds(cell):
    timing = cell.get("metadata", {}).get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def main(argv=None):
    wanted = set(argv if argv is not None else sys.argv[1:])
    notebooks = sorted(p for p in (REPO / "solutions").glob("[0-9][0-9]_*.ipynb") if not wanted or p.name[:2] in wanted)
    rows, total, total_wall = [], 0.0, 0.0
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        t0 = time.perf_counter()
        headless.execute(nb, path.parent, record_timing=True)
        wall = time.perf_counter() - t0
        cells = [(cell_seconds(c), i) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
        own = sum(s for s, _ in cells)
        slowest = sorted(cells, reverse=True)[:3]
        rows.append((path.stem, own, wall, ", ".join(f"cell {i}: {s:.2f} s" for s, i in slowest)))
        total, total_wall = total + own, total_wall + wall
        print(f"{path.stem:34s} cells {own:6.2f} s   with kernel start {wall:6.2f} s   slowest: {rows[-1][3]}",
              flush=True)
    print(f"\n{len(rows)} notebooks: cells {total:.1f} s in all (target ≤ {TARGET_S:.0f} s: "
          f"{'OK' if total <= TARGET_S else 'SLOW'}), {total_wall:.1f} s with kernel start-ups")
    return 0


if __name__ == "__main__":
    sys.exit(main())
