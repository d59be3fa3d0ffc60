"""A learner's copy made by release 0.1 keeps running after the update.

tests/fixtures/release-0.1/ holds every chapter as release 0.1 built it, with every exercise answered (its
solutions, outputs removed): the import paths and names of the library before it was cut by kind
(`from dlmath import nn`, `cnn.CNN`, `network.parameter_count`, `op.signal_through_depth`, …). Each runs
top to bottom on today's library, and every one of its checks still says ✅.
"""
import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "release-0.1").glob("*.ipynb"))


def printed(nb):
    return "\n".join("".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", ""))
                     for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", []))


def test_every_chapter_of_release_0_1_is_here():
    assert len(FIXTURES) == 12


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_learner_copy_of_release_0_1_runs_on_this_library(path, tmp_path, monkeypatch):
    monkeypatch.setenv("DLMATH_PROGRESS", str(tmp_path / "progress.json"))
    nb = nbformat.read(str(path), as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = printed(nb)
    verdicts = [line for line in text.splitlines() if line.startswith(("✅", "❌", "⏳")) and ".demo:" not in line]
    assert verdicts, "no check ran"
    assert all(line.startswith("✅") for line in verdicts), [v for v in verdicts if not v.startswith("✅")]


# ---------------------------------------------------------------- `dlmath update` from a release-0.1 copy

def carried_into_today(path):
    import json

    from dlmath.course.cells import carry, keys
    old = json.loads(path.read_text(encoding="utf-8"))
    new = json.loads((CHAPTERS / path.name).read_text(encoding="utf-8"))
    merged, carried, left = carry(old, new)
    exercises = [{k[len("answer-"):].replace("-", ".", 1) for k in keys(nb) if k.startswith("answer-")}
                 for nb in (old, new)]
    return merged, carried, left, exercises


CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_update_carries_every_answer_of_a_release_0_1_copy_whose_exercise_is_still_there(path):
    """Release 0.1 named cells by position; its answers are found by their check calls and each goes to
    the cell of the same exercise today, however the chapter around it moved."""
    merged, carried, left, (old, new) = carried_into_today(path)
    assert set(carried) == old & new
    reported = {what.split()[3] for what, _ in left if what.startswith("your answer to")}
    assert reported == old - new  # exercises replaced since (issue 18): their answers are pointed to
    sources = {c.get("id"): "".join(c["source"]) for c in merged["cells"]}
    for exercise in old & new:
        assert f"answer-{exercise.replace('.', '-', 1)}" in sources
    assert len(merged["cells"]) == len(json.loads((CHAPTERS / path.name).read_text(encoding="utf-8"))["cells"])


@pytest.mark.parametrize("stem", ["01_neurons_step_sigmoid", "07_backpropagation", "11_linear_regions"])
def test_learner_copy_of_release_0_1_updated_runs_and_its_carried_answers_are_right(stem, tmp_path):
    from dlmath.course.exercises import verdicts
    from dlmath.course.headless import execute
    path = next(p for p in FIXTURES if p.stem == stem)
    merged, carried, left, (old, new) = carried_into_today(path)
    nb = nbformat.reads(json.dumps(merged), as_version=4)
    execute(nb, tmp_path)
    found = {exercise: status for status, exercise, _ in verdicts(nb) if exercise in new}
    assert found == {e: "pass" if e in old else "todo" for e in new}
