"""Remember each exercise's latest result, so a learner can see their progress across the course.

Results live in a small JSON file: $DLMATH_PROGRESS if set, else ~/.dlmath/progress.json.
Reading or writing it never raises: a read-only home only means progress is not remembered.
"""
import json
import os
import time
from pathlib import Path


def store_path():
    return Path(os.environ.get("DLMATH_PROGRESS") or Path.home() / ".dlmath" / "progress.json")


def load():
    try:
        data = json.loads(store_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except Exception:
        return {}


def record(exercise_id, status):
    data = load()
    data[exercise_id] = {"status": status, "time": time.strftime("%Y-%m-%d %H:%M:%S")}
    path = store_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(path)  # atomic, so two notebooks writing at once cannot corrupt it
    except Exception:
        pass


def table(chapters, results):
    """Rows (chapter, title, done, tried, total) from {chapter: (title, [ids])} and stored results."""
    rows = []
    for chapter, (title, ids) in sorted(chapters.items()):
        statuses = [results.get(i, {}).get("status") for i in ids]
        rows.append((chapter, title, statuses.count("pass"), sum(s in ("pass", "fail") for s in statuses), len(ids)))
    return rows


def format_table(rows):
    lines = [f"{'chapter':<44} {'done':>4} / {'total':<5} {'tried':>5}"]
    for chapter, title, done, tried, total in rows:
        bar = "█" * done + "░" * (total - done)
        lines.append(f"{chapter + ' ' + title:<44.44} {done:>4} / {total:<5} {tried:>5}  {bar}")
    done, total = sum(r[2] for r in rows), sum(r[4] for r in rows)
    lines.append(f"{'all chapters':<44} {done:>4} / {total:<5}")
    return "\n".join(lines)
