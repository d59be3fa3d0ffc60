"""Remember each exercise's results, so a learner can see their progress across the course.

Results live in a small JSON file: $DLMATH_PROGRESS if set, else ~/.dlmath/progress.json.
Reading or writing it never raises: a read-only home only means progress is not remembered.

The rules (chapter 00 and the README say them to the learner):
- Only the learner's own work counts. A check run in the course's `solutions/` folder, or with
  DLMATH_NO_PROGRESS set (the test suite, the build, `dlmath check`), is not remembered.
- ⏳ "not attempted yet" changes nothing: a Run All of a copy whose `...` is still there does not
  turn a solved exercise back to "to do".
- An exercise is *done* once it has been solved, and stays done. A later wrong answer is remembered as
  the latest result and shown in the table ("solved before, latest answer not yet right"), without
  erasing that it was solved: a check cell re-run out of order (after a later cell reused the name)
  must not undo real work.
- `reset()` forgets one chapter or everything, after saving a dated copy of the file beside it.
"""
import json
import os
import shutil
import time
import unicodedata
from pathlib import Path

from .checks import FAIL, PASS, TODO  # noqa: F401  (the statuses a result is stored with)
from ..language import N_, translate as _


def store_path():
    return Path(os.environ.get("DLMATH_PROGRESS") or Path.home() / ".dlmath" / "progress.json")


def counting(cwd=None):
    """Whether checks made here count as the learner's work (not in solutions/, not in the tests)."""
    if os.environ.get("DLMATH_NO_PROGRESS"):
        return False
    try:
        here = Path(cwd or os.getcwd()).resolve()
    except Exception:
        return True
    # the course's answered notebooks (solutions/ and the Chinese edition's solutions/zh/): running them
    # proves nothing about the learner
    if here.name == "zh":
        here = here.parent
    return not (here.name == "solutions" and (here.parent / "source").is_dir())


def load():
    try:
        data = json.loads(store_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except Exception:
        return {}


def save(data):
    path = store_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(path)  # atomic, so two notebooks writing at once cannot corrupt it
    except Exception:
        pass


def solved(entry):
    """Whether a stored entry was ever solved (older files only have the latest status)."""
    return isinstance(entry, dict) and bool(entry.get("solved") or entry.get("status") == PASS)


def record(exercise_id, status):
    """Remember a check's result by the rules above; return the entry as it was before (or None)."""
    if status == TODO or not counting():
        return None
    data = load()
    before = data.get(exercise_id)
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    entry = dict(before) if isinstance(before, dict) else {}
    entry.update(status=status, time=now)
    if status == PASS and not entry.get("solved"):
        entry["solved"] = now
    elif status != PASS and solved(before) and not entry.get("solved"):
        entry["solved"] = before.get("time", now)
    data[exercise_id] = entry
    save(data)
    return before


def reset(chapter=None):
    """Forget the results of one chapter ("04") or of all; the old file is kept as a dated copy.
    Returns (number of exercises forgotten, path of the backup or None)."""
    data = load()
    keep = {} if chapter is None else {k: v for k, v in data.items() if not k.startswith(f"{chapter}.")}
    forgotten = len(data) - len(keep)
    backup = None
    path = store_path()
    if forgotten and path.exists():
        backup = path.with_name(f"{path.stem}.{time.strftime('%Y-%m-%d-%H%M%S')}.json")
        try:
            shutil.copy2(path, backup)
        except Exception:
            backup = None
    save(keep)
    return forgotten, backup


def table(chapters, results):
    """Rows (chapter, title, done, tried, total, next_id, regressed) from {chapter: (title, [ids])}.

    done: solved at least once; tried: any answer checked; next_id: the first exercise never solved;
    regressed: ids solved before whose latest answer is wrong."""
    rows = []
    for chapter, (title, ids) in sorted(chapters.items()):
        entries = [results.get(i) for i in ids]
        done = [solved(e) for e in entries]
        tried = sum(isinstance(e, dict) and e.get("status") in (PASS, FAIL) for e in entries)
        todo = [i for i, d in zip(ids, done) if not d]
        regressed = [i for i, e in zip(ids, entries) if solved(e) and e.get("status") == FAIL]
        rows.append((chapter, title, sum(done), tried, len(ids), todo[0] if todo else None, regressed))
    return rows


def columns(text):
    """How many terminal columns `text` takes: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text, width, right=False):
    """`text` padded with spaces to `width` columns (on the left with right=True)."""
    fill = " " * max(0, width - columns(text))
    return fill + text if right else text + fill


def format_table(rows):
    """The progress table, in the learner's language, its columns aligned also for Chinese titles."""
    width = max([r[4] for r in rows] + [8])
    names = [f"{r[0]} {r[1]}" for r in rows]
    words = {k: _(k) for k in (N_("chapter"), N_("done"), N_("total"), N_("tried"), N_("next exercise"),
                               N_("all done"), N_("all chapters"))}
    column = max([columns(n) for n in names] + [columns(words["all chapters"])])  # whole names, never cut
    lines = [f"{pad(words['chapter'], column)} {pad(words['done'], 4, True)} / {pad(words['total'], 5)} "
             f"{pad(words['tried'], 5, True)}   {'':<{width}}  {words['next exercise']}"]
    for name, (chapter, title, done, tried, total, next_id, regressed) in zip(names, rows):
        bar = "█" * done + "░" * (total - done)
        lines.append(f"{pad(name, column)} {done:>4} / {total:<5} {tried:>5}   "
                     f"{bar:<{width}}  {next_id or words['all done']}")
    done, total = sum(r[2] for r in rows), sum(r[4] for r in rows)
    lines.append(f"{pad(words['all chapters'], column)} {done:>4} / {total:<5}")
    upcoming = next((r[5] for r in rows if r[5]), None)
    lines.append(_("next to do: {exercise}").format(exercise=upcoming) if upcoming else _("every exercise is done."))
    regressed = [i for r in rows for i in r[6]]
    if regressed:
        lines.append(_("solved before, but the latest answer was not right (they still count as done; run "
                       "Restart Kernel and Run All Cells to check them in order): {exercises}")
                     .format(exercises=", ".join(regressed)))
    return "\n".join(lines)
