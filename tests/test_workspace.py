"""my-work/: the learner's own copies, update notices beside them, reset with a dated backup."""
import importlib.util
import json
from pathlib import Path

import nbformat
import pytest

from dlmath.course.workspace import Workspace, built_from, fingerprint, untouched

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)

SOURCE = '''# %% [markdown]
# # {title}

# %%
### BEGIN SOLUTION
answer = 42
### END SOLUTION
'''


def publish(root, stem, title):
    """Write chapters/<stem>.ipynb as the build would, from a tiny source."""
    (root / "source").mkdir(exist_ok=True)
    (root / "chapters").mkdir(exist_ok=True)
    text = SOURCE.format(title=title)
    (root / "source" / f"{stem}.py").write_text(text, encoding="utf-8")
    nb = build.notebook(stem, build.parse(text), answered=False)
    (root / "chapters" / f"{stem}.ipynb").write_text(build.dumps(nb), encoding="utf-8")


def answer(path, value="41"):
    nb = nbformat.read(str(path), as_version=4)
    nb.cells[1].source = nb.cells[1].source.replace("...", value)
    nb.cells[1].outputs, nb.cells[1].execution_count = [], 1
    nbformat.write(nb, str(path))
    return path.read_text(encoding="utf-8")


@pytest.fixture
def course(tmp_path):
    publish(tmp_path, "00_start", "Start")
    publish(tmp_path, "01_one", "One")
    return Workspace(tmp_path)


def test_the_build_and_the_workspace_share_one_fingerprint(course):
    nb = nbformat.read(str(course.chapters / "01_one.ipynb"), as_version=4)
    assert nb.metadata["dlmath"]["fingerprint"] == fingerprint(nb.cells) == built_from(course.chapters / "01_one.ipynb")
    assert untouched(course.chapters / "01_one.ipynb")


def test_first_open_copies_every_chapter_and_never_twice(course):
    made = course.ensure_copies()
    assert sorted(p.name for p in made) == ["00_start.ipynb", "01_one.ipynb"]
    mine = answer(course.work / "01_one.ipynb")
    assert course.ensure_copies() == []
    assert (course.work / "01_one.ipynb").read_text(encoding="utf-8") == mine


def test_a_new_chapter_joins_on_the_next_open(course):
    course.ensure_copies()
    publish(course.root, "02_two", "Two")
    assert [p.name for p in course.ensure_copies()] == ["02_two.ipynb"]


def test_an_update_is_saved_beside_a_started_copy_and_the_learner_is_told(course):
    course.ensure_copies()
    mine = answer(course.work / "01_one.ipynb")
    assert course.sync() == []
    publish(course.root, "01_one", "One, improved")
    notices = course.sync()
    assert len(notices) == 1 and "01" in notices[0] and "01_one.updated.ipynb" in notices[0]
    assert (course.work / "01_one.ipynb").read_text(encoding="utf-8") == mine  # never overwritten
    updated = course.work / "01_one.updated.ipynb"
    assert "One, improved" in updated.read_text(encoding="utf-8")
    assert course.sync() == notices  # told again until they switch; nothing rewritten
    course.reset("01")
    assert not updated.exists() and course.sync() == []
    assert "One, improved" in (course.work / "01_one.ipynb").read_text(encoding="utf-8")


def test_an_unstarted_copy_simply_takes_the_update(course):
    course.ensure_copies()
    publish(course.root, "00_start", "Start, improved")
    notices = course.sync()
    assert notices and "had not started" in notices[0]
    assert "Start, improved" in (course.work / "00_start.ipynb").read_text(encoding="utf-8")
    assert not (course.work / "00_start.updated.ipynb").exists()


def test_reset_gives_a_fresh_copy_and_keeps_a_dated_backup(course):
    course.ensure_copies()
    mine = answer(course.work / "01_one.ipynb")
    first = course.reset("1")
    second = course.reset("01_one")
    assert first.parent == second.parent == course.backups and first != second
    assert first.read_text(encoding="utf-8") == mine
    assert first.name.startswith("01_one.20") and first.suffix == ".ipynb"
    fresh = course.work / "01_one.ipynb"
    assert fresh.read_text(encoding="utf-8") == (course.chapters / "01_one.ipynb").read_text(encoding="utf-8")


def test_an_unknown_chapter_names_the_ones_there_are(course):
    with pytest.raises(LookupError, match="00, 01"):
        course.reset("07")


def test_build_force_saves_an_edited_chapter_before_overwriting(tmp_path, monkeypatch, capsys):
    publish(tmp_path, "01_one", "One")
    for name in ("SOURCE", "CHAPTERS", "SOLUTIONS"):
        monkeypatch.setattr(build, name, tmp_path / name.lower())
    monkeypatch.setattr(build, "ROOT", tmp_path)
    mine = answer(tmp_path / "chapters" / "01_one.ipynb")
    (tmp_path / "source" / "01_one.py").write_text(SOURCE.format(title="New"), encoding="utf-8")
    assert any("changed by hand" in p for p in build.drift())
    assert build.build(run=False, force=True)
    backups = list((tmp_path / "my-work" / "backups").glob("01_one.*.ipynb"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == mine


def test_my_work_is_ignored_by_git():
    assert "my-work/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
