"""A chapter's cells keep their identity from one version of the chapter to the next.

The build names every cell (nbformat's cell `id`, which JupyterLab keeps while the learner edits):
  answer-07-delta_output   the cell where the learner answers exercise 07.delta_output
  check-07-delta_output    the check cell after it
  07-3f2a9c1b0e            any other cell: its chapter and a hash of its text as built
So an id names the same cell in every version; a cell whose text changes gets a new id. That is how
`dlmath update` carries a learner's answers into a new version of a chapter — by exercise and by
identity, never by position — and how it tells a cell the learner added, or edited, from the course's.
Copies made before cells had these names (release 0.1 and 0.2: "07-012") are matched by their check
calls: an answer cell is the code cell just before `check("07.delta_output", …)`.
"""
import copy
import hashlib
import re

from ..language import translate as _

CHECK_CALL = re.compile(r"""\bcheck\(\s*["'](\d\d\.\w+)["']""")
OURS = re.compile(r"^(answer-|check-|\d\d-[0-9a-f]{3,}(-\d+)?$)")
HASHED = re.compile(r"^(\d\d)-([0-9a-f]{10})(?:-\d+)?$")
STUB = re.compile(r"^\s*(return\s+\.\.\.|[\w\s,]+=\s*\.\.\.(\s*,\s*\.\.\.)*)\s*(#.*)?$")


def text_hash(kind, source):
    return hashlib.sha1(f"{kind}\n{source}".encode()).hexdigest()[:10]


def exercise_key(exercise_id):
    return exercise_id.replace(".", "-", 1)  # ids may hold letters, digits, - and _ only


def build_ids(number, cells, is_answer):
    """The id of each cell of a chapter, from [(kind, source as written in the source file)].

    `is_answer(source)` says whether a code cell holds the learner's answer; its exercise is the first
    check call in it or in the next code cell."""
    ids, seen = [], set()
    for i, (kind, source) in enumerate(cells):
        new = None
        if kind == "code":
            nearby = [source] + [s for k, s in cells[i + 1:i + 2] if k == "code"]
            found = [CHECK_CALL.search(s) for s in (nearby if is_answer(source) else [source])]
            found = [m[1] for m in found if m]
            if found and (is_answer(source) or source.lstrip().startswith("check(")):
                new = ("answer-" if is_answer(source) else "check-") + exercise_key(found[0])
        new = new or f"{number}-{text_hash(kind, source)}"
        base, n = new, 2
        while new in seen:  # two identical cells
            new, n = f"{base}-{n}", n + 1
        seen.add(new)
        ids.append(new)
    return ids


def _source(cell):
    s = cell["source"]
    return "".join(s) if isinstance(s, list) else s


def keys(nb):
    """Each cell's identity: its id, or for a copy made before answer ids, answer-/check- by check call."""
    cells = nb["cells"]
    found = [c.get("id") or "" for c in cells]
    if any(k.startswith("answer-") for k in found):
        return found
    for i, cell in enumerate(cells):
        match = CHECK_CALL.search(_source(cell)) if cell["cell_type"] == "code" else None
        if match and _source(cell).lstrip().startswith("check("):
            found[i] = "check-" + exercise_key(match[1])
            if i > 0 and cells[i - 1]["cell_type"] == "code" and not found[i - 1].startswith("check-"):
                found[i - 1] = "answer-" + exercise_key(match[1])
    return found


def added_by_learner(cell):
    return not OURS.match(cell.get("id") or "")


def edited_by_learner(cell):
    """True for a course cell (not an answer) whose text is no longer what was built; None when its id
    cannot tell (a copy made before cells were named by their text)."""
    match = HASHED.match(cell.get("id") or "")
    if not match:
        return None
    return text_hash(cell["cell_type"], _source(cell)) != match[2]


def answered(cell, stub=None):
    """Whether an answer cell holds something of the learner's: not the stub it was given (when the stub
    is unknown, because the exercise is gone: no `name = ...` line is left in it)."""
    text = _source(cell)
    if stub is not None:
        return text.strip() != stub.strip()
    return bool(text.strip()) and not any(STUB.match(line) for line in text.splitlines())


def carry(old, new):
    """The new version `new` (a notebook dict) with the learner's work from `old` carried into it.

    Carried: every answer whose exercise is still there; cells the learner added (placed after the
    course cell they followed, if that cell is still there); course cells the learner edited whose
    original is unchanged in the new version. Returns (notebook, carried, left) where `left` lists
    (what, where in the old copy) for everything that could not be carried.
    """
    merged = copy.deepcopy(new)
    new_keys = keys(merged)
    at = {k: i for i, k in enumerate(new_keys)}
    carried, left, inserts = [], [], {}
    old_keys = keys(old)
    old_style = not any(c.get("id", "").startswith("answer-") for c in old["cells"])
    anchor = None
    for n, (key, cell) in enumerate(zip(old_keys, old["cells"]), start=1):
        where = f"cell {n}"
        if key.startswith("answer-"):
            exercise = key[len("answer-"):].replace("-", ".", 1)
            if key in at:
                target = merged["cells"][at[key]]
                if answered(cell, _source(target)):
                    target["source"] = _source(cell)
                    target["outputs"], target["execution_count"] = [], None
                    carried.append(exercise)
            elif answered(cell):
                left.append((_("your answer to {exercise} (the exercise is not in the new version)").format(
                    exercise=exercise), _("cell {number}").format(number=n)))
        elif key.startswith("check-"):
            pass  # the new version's own check cell
        elif added_by_learner(cell):
            inserts.setdefault(anchor, []).append(copy.deepcopy(cell))
            carried.append(f"a cell you added ({where})")
            continue
        elif edited_by_learner(cell):
            if key in at:
                merged["cells"][at[key]]["source"] = _source(cell)
                carried.append(f"your edit of {where}")
            else:
                shown = _("cell {number}").format(number=n)
                left.append((_("your edit of {cell} (the course changed that cell too)").format(cell=shown), shown))
        if key in at:
            anchor = key
    if old_style:
        left.append((_("any course cell you edited (your copy predates cell identities, so only answers "
                       "and cells you added could be told apart)"), _("the whole copy")))
    cells = []
    for cell in inserts.get(None, []):
        cells.append(cell)
    for key, cell in zip(new_keys, merged["cells"]):
        cells.append(cell)
        cells.extend(inserts.get(key, []))
    merged["cells"] = cells
    return merged, carried, left
