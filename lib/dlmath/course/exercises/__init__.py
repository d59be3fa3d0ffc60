"""Every exercise of the course, by id ("01.weighted_input"), and the one-line `check` after each.

Each chapter has a module `chNN.py` with TITLE and EXERCISES = {name: answer kind}; they are found
automatically, so a new chapter only adds its module.
"""
import importlib
import pkgutil

from .. import results as _results
from ..checks import FAIL, SYMBOL, Result, verdict
from ...language import translate as _


def _load_chapters():
    chapters = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("ch") and info.name[2:].isdigit():
            module = importlib.import_module(f"{__name__}.{info.name}")
            chapters[info.name[2:]] = module
    return chapters


CHAPTERS = _load_chapters()
EXERCISES = {f"{num}.{name}": kind for num, mod in CHAPTERS.items() for name, kind in mod.EXERCISES.items()}
# demonstrations a chapter may check in its narrative; they do not count towards progress
EXAMPLES = {f"{num}.{name}": kind for num, mod in CHAPTERS.items()
            for name, kind in getattr(mod, "EXAMPLES", {}).items()}


def evaluate(exercise_id, answer):
    """The Result for `answer` to the exercise `exercise_id` (never raises)."""
    known = isinstance(exercise_id, str) and (exercise_id in EXERCISES or exercise_id in EXAMPLES)
    kind = (EXERCISES.get(exercise_id) or EXAMPLES.get(exercise_id)) if known else None
    if kind is None:
        return Result(FAIL, _("there is no exercise {exercise}; the check cell may have been edited.").format(
            exercise=f"{exercise_id!r:.40}"))
    return kind.evaluate(answer)


MIME = "application/vnd.dlmath.result+json"  # the verdict as data, beside its text, in a notebook's outputs


def check(exercise_id, answer):
    """Show ✅ / ❌ with a hint / ⏳ not attempted yet, and remember the result for `progress()`.

    In a notebook the line is one output with two forms: the text the learner reads, and the verdict as
    data ({"id", "status", "message"} under MIME), which `dlmath check` reads back — never the text.
    Elsewhere the line is printed."""
    result = evaluate(exercise_id, answer)
    before = _results.record(exercise_id, result.status) if exercise_id in EXERCISES else None
    line = _("{symbol} {exercise}: {verdict}").format(symbol=SYMBOL[result.status], exercise=exercise_id,
                                                      verdict=verdict(result.status, result.message))
    if result.status == FAIL and _results.solved(before):
        line += "\n   " + _("(you solved this one before, and it still counts as done. If you ran this cell out of "
                           "order, a later cell may have reused the name: Kernel → Restart Kernel and Run All Cells.)")
    data = {"id": exercise_id, "status": result.status, "message": result.message}
    if not _display({"text/plain": line, MIME: data}):
        print(line)


def _display(bundle):
    """Show a MIME bundle in a Jupyter kernel; False outside one (plain Python, a script)."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None or type(shell).__name__ != "ZMQInteractiveShell":
        return False
    display(bundle, raw=True)
    return True


def verdicts(nb):
    """[(status, exercise id, message)] of every check in the outputs of an executed notebook (a dict or
    nbformat node), read from the data each check stores beside its text."""
    found = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
            data = out.get("data", {}).get(MIME)
            if isinstance(data, dict) and {"id", "status", "message"} <= data.keys():
                found.append((data["status"], data["id"], data["message"]))
    return found


def progress():
    """Print how many exercises of each chapter are done, from the results `check` remembered."""
    chapters = {num: (_(mod.TITLE), [f"{num}.{n}" for n in mod.EXERCISES]) for num, mod in CHAPTERS.items()}
    print(_results.format_table(_results.table(chapters, _results.load())))


def reset_progress(chapter=None):
    """Forget the remembered results of one chapter ("04") or of every chapter (a dated copy is kept)."""
    forgotten, backup = _results.reset(chapter)
    if chapter and backup:  # four whole sentences, so that a translator can word each as a whole
        said = _("forgot {count} result(s) of chapter {chapter}; the old results are saved in {backup}.")
    elif chapter:
        said = _("forgot {count} result(s) of chapter {chapter}.")
    elif backup:
        said = _("forgot {count} result(s) of every chapter; the old results are saved in {backup}.")
    else:
        said = _("forgot {count} result(s) of every chapter.")
    print(said.format(count=forgotten, chapter=chapter, backup=backup))


def _announce():
    """At the top of a notebook run in JupyterLab (which names the notebook in JPY_SESSION_NAME): say if
    it is the published copy rather than the learner's, or if its chapter has a new version."""
    import os
    path = os.environ.get("JPY_SESSION_NAME")
    if not path or os.environ.get("DLMATH_NO_PROGRESS"):
        return
    try:
        from ..workspace import Workspace
        text = Workspace.of(path).notice(path)
    except Exception:  # a notice must never stop a chapter
        return
    if text:
        print(text)


_announce()
