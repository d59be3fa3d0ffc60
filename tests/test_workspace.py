"""my-work/: the learner's own copies; updates that carry the answers; reset and restore with dated backups."""
import importlib.util
import json
import os
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

# %%
check("01.alpha", answer)
'''

# A chapter of three exercises, and its next version: new text, a new exercise before the first (every
# position shifts), beta gone, gamma unchanged.
CHAPTER = '''# %% [markdown]
# # One{changed}
{inserted}
# %% [markdown]
# Alpha.

# %%
### BEGIN SOLUTION
a = 1
### END SOLUTION

# %%
check("01.alpha", a)
{beta}
# %% [markdown]
# Gamma.

# %%
x = 3
### BEGIN SOLUTION
g = x * 2
### END SOLUTION

# %%
check("01.gamma", g)

# %%
print("a course cell")
'''
BETA = '''
# %% [markdown]
# Beta.

# %%
### BEGIN SOLUTION
b = 2
### END SOLUTION

# %%
check("01.beta", b)
'''
DELTA = '''
# %% [markdown]
# Delta, new.

# %%
### BEGIN SOLUTION
d = 4
### END SOLUTION

# %%
check("01.delta", d)
'''
OLD = CHAPTER.format(changed="", inserted="", beta=BETA)
NEW = CHAPTER.format(changed=", improved", inserted=DELTA, beta="")


def publish(root, stem, title=None, text=None):
    """Write chapters/<stem>.ipynb as the build would, from a tiny source."""
    (root / "source").mkdir(exist_ok=True)
    (root / "chapters").mkdir(exist_ok=True)
    text = text or SOURCE.format(title=title)
    (root / "source" / f"{stem}.py").write_text(text, encoding="utf-8")
    nb = build.notebook(stem, build.parse(text), answered=False)
    (root / "chapters" / f"{stem}.ipynb").write_text(build.dumps(nb), encoding="utf-8")


def answer(path, value="41"):
    nb = nbformat.read(str(path), as_version=4)
    nb.cells[1].source = nb.cells[1].source.replace("...", value)
    nb.cells[1].outputs, nb.cells[1].execution_count = [], 1
    nbformat.write(nb, str(path))
    return path.read_text(encoding="utf-8")


def cell(path, cell_id):
    return next(c for c in nbformat.read(str(path), as_version=4).cells if c.id == cell_id)


def set_cell(path, cell_id, source):
    nb = nbformat.read(str(path), as_version=4)
    next(c for c in nb.cells if c.id == cell_id).source = source
    nbformat.write(nb, str(path))


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


def test_a_new_version_is_announced_and_the_copy_left_alone(course):
    course.ensure_copies()
    mine = answer(course.work / "01_one.ipynb")
    assert course.sync() == [] and course.outdated() == []
    publish(course.root, "01_one", "One, improved")
    notices = course.sync()
    assert len(notices) == 1 and notices[0].startswith("01:") and "dlmath update 01" in notices[0]
    assert (course.work / "01_one.ipynb").read_text(encoding="utf-8") == mine  # never overwritten
    assert sorted(p.name for p in course.work.iterdir()) == ["00_start.ipynb", "01_one.ipynb", "README.md"]
    assert course.sync() == notices and course.outdated() == [course.chapters / "01_one.ipynb"]


@pytest.fixture
def started(tmp_path):
    """Chapter 01 (OLD) copied and answered: alpha and beta right, gamma left as given; a cell of the
    learner's own after alpha's check, and the last course cell edited."""
    publish(tmp_path, "01_one", text=OLD)
    ws = Workspace(tmp_path)
    ws.ensure_copies()
    copy = ws.work / "01_one.ipynb"
    set_cell(copy, "answer-01-alpha", "a = 1  # mine")
    set_cell(copy, "answer-01-beta", "b = 2  # mine")
    nb = nbformat.read(str(copy), as_version=4)
    at = [c.id for c in nb.cells].index("check-01-alpha")
    nb.cells.insert(at + 1, nbformat.v4.new_markdown_cell("my note on alpha"))
    nb.cells[-1].source = 'print("a course cell, edited by me")'
    nb.cells[-1].outputs = [nbformat.v4.new_output("stream", text="a course cell, edited by me\n")]
    nbformat.write(nb, str(copy))
    return ws, copy, copy.read_text(encoding="utf-8")


def test_update_carries_each_answer_to_its_exercise_not_its_position(started):
    ws, copy, before = started
    publish(ws.root, "01_one", text=NEW)
    backup, carried, left = ws.update("01")
    assert backup.read_text(encoding="utf-8") == before  # the old copy, kept whole
    nb = nbformat.read(str(copy), as_version=4)
    ids = [c.id for c in nb.cells]
    assert nb.cells[0].source == "# One, improved"  # the new text
    assert cell(copy, "answer-01-alpha").source == "a = 1  # mine"
    assert cell(copy, "answer-01-delta").source == "d = ..."  # new: the stub
    assert cell(copy, "answer-01-gamma").source == "x = 3\ng = ..."  # not started: left as the new one gives it
    assert "answer-01-beta" not in ids and "alpha" in carried[0]
    # the learner's note follows the check it followed; their edit of an unchanged course cell is kept
    assert nb.cells[ids.index("check-01-alpha") + 1].source == "my note on alpha"
    assert nb.cells[-1].source == 'print("a course cell, edited by me")'
    assert len(carried) == 3
    # beta is gone from the new version: reported, with where the answer is now
    assert len(left) == 1 and "01.beta" in left[0][0] and ws.rel(backup) in left[0][1]
    assert built_from(copy) == built_from(ws.chapters / "01_one.ipynb") and ws.outdated() == []
    assert ws.update("01") is None  # nothing more to do


def test_update_reports_an_edit_of_a_cell_the_course_changed_too(started):
    ws, copy, _ = started
    publish(ws.root, "01_one", text=NEW.replace('print("a course cell")', 'print("a better course cell")'))
    backup, carried, left = ws.update("01")
    assert cell(copy, "answer-01-alpha").source == "a = 1  # mine"
    assert nbformat.read(str(copy), as_version=4).cells[-1].source == 'print("a better course cell")'
    assert any("edit" in what and "changed that cell too" in what for what, _ in left)


def test_update_of_a_copy_made_before_cells_were_named(tmp_path):
    """Releases 0.1 and 0.2 named cells by position ("01-004"): answers are found by their check calls."""
    publish(tmp_path, "01_one", text=OLD)
    ws = Workspace(tmp_path)
    ws.ensure_copies()
    copy = ws.work / "01_one.ipynb"
    nb = nbformat.read(str(copy), as_version=4)
    for i, c in enumerate(nb.cells):
        c.id = f"01-{i:03d}"
        c.source = {"a = ...": "a = 1", "b = ...": "b = 2"}.get(c.source, c.source)
    nbformat.write(nb, str(copy))
    publish(tmp_path, "01_one", text=NEW)
    backup, carried, left = ws.update("01")
    assert cell(copy, "answer-01-alpha").source == "a = 1" and carried == ["01.alpha"]
    assert [w for w, _ in left][0].startswith("your answer to 01.beta")
    assert "predates cell identities" in left[1][0]


def test_update_of_an_unstarted_copy_just_takes_the_new_version(course):
    course.ensure_copies()
    publish(course.root, "01_one", "One, improved")
    assert course.update("01") == (None, [], [])
    assert untouched(course.work / "01_one.ipynb") and course.outdated() == []


def test_copies_carry_the_kernels_language_info_so_opening_them_changes_nothing(course):
    """JupyterLab writes the kernel's language_info into a notebook when the kernel starts: were it
    different, an untouched notebook would show as modified seconds after opening (issue 19)."""
    import platform
    course.ensure_copies()
    info = nbformat.read(str(course.work / "01_one.ipynb"), as_version=4).metadata.language_info
    assert info["version"] == platform.python_version() and info["codemirror_mode"]["name"] == "ipython"
    assert untouched(course.work / "01_one.ipynb")


def test_restore_brings_the_newest_backup_back_and_keeps_the_current_copy(course):
    course.ensure_copies()
    copy = course.work / "01_one.ipynb"
    first = answer(copy, "1")
    course.reset("01")
    second = answer(copy, "2")
    course.reset("01")
    assert course.backups_of("01")[0].read_text(encoding="utf-8") == second
    restored, kept = course.restore("01")
    assert copy.read_text(encoding="utf-8") == second and kept is not None and untouched(kept)
    restored, _ = course.restore("01", "3")  # the oldest of three, by its number in the list
    assert copy.read_text(encoding="utf-8") == first
    restored, _ = course.restore("01", kept.name)
    assert untouched(copy) and len(course.backups_of("01")) == 5
    with pytest.raises(LookupError, match="--list"):
        course.restore("01", "no-such-backup.ipynb")
    with pytest.raises(LookupError, match="no backup"):
        course.restore("00")


def test_a_notebook_says_where_the_learners_copy_is_and_when_it_has_a_new_version(course):
    course.ensure_copies()
    published = course.notice(course.chapters / "01_one.ipynb")
    assert "published copy of chapter 01" in published and "my-work/01_one.ipynb" in published
    assert course.notice(course.work / "01_one.ipynb") is None
    answer(course.work / "01_one.ipynb")
    publish(course.root, "01_one", "One, improved")
    assert "dlmath update 01" in course.notice(course.work / "01_one.ipynb")
    assert course.notice(course.root / "solutions" / "01_one.ipynb") is None


def test_build_names_answer_and_check_cells_by_their_exercise_and_others_by_their_text():
    old = build.notebook("01_one", build.parse(OLD), answered=False)
    new = build.notebook("01_one", build.parse(NEW), answered=False)
    solved = build.notebook("01_one", build.parse(OLD), answered=True)
    assert [c.id for c in old.cells] == [c.id for c in solved.cells]
    assert [c.id for c in old.cells if c.id.startswith(("answer-", "check-"))] == [
        "answer-01-alpha", "check-01-alpha", "answer-01-beta", "check-01-beta", "answer-01-gamma", "check-01-gamma"]
    same = {c.id for c in old.cells} & {c.id for c in new.cells}
    assert old.cells[0].id not in same  # its text changed
    assert {old.cells[1].id, old.cells[-1].id} <= same  # "Alpha." and the last cell did not
    assert len({c.id for c in old.cells}) == len(old.cells)


def test_an_unstarted_copy_simply_takes_the_update(course):
    course.ensure_copies()
    publish(course.root, "00_start", "Start, improved")
    notices = course.sync()
    assert notices and "had not started" in notices[0]
    assert "Start, improved" in (course.work / "00_start.ipynb").read_text(encoding="utf-8")
    assert course.sync() == []


def test_reset_gives_a_fresh_copy_and_keeps_a_dated_backup(course):
    course.ensure_copies()
    assert course.reset("00") is not None  # an untouched copy is kept too: nothing is ever deleted
    mine = answer(course.work / "01_one.ipynb")
    first = course.reset("1")
    second = course.reset("01_one")
    assert first.parent == second.parent == course.backups and first != second
    assert first.read_text(encoding="utf-8") == mine
    assert first.name.startswith("01_one.20") and first.suffix == ".ipynb"
    fresh = course.work / "01_one.ipynb"
    assert untouched(fresh) and built_from(fresh) == built_from(course.chapters / "01_one.ipynb")


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


def test_a_chapter_run_in_jupyterlab_from_chapters_says_so_at_its_top(tmp_path):
    """JupyterLab names the notebook of a kernel in JPY_SESSION_NAME; `from dlmath import check` (every
    chapter's first cell) then prints the notice — and prints nothing for the learner's up-to-date copy."""
    import os
    import subprocess
    import sys
    said = {}
    for where in ("chapters", "my-work"):
        env = dict(os.environ, JPY_SESSION_NAME=str(ROOT / where / "07_backpropagation.ipynb"),
                   DLMATH_PROGRESS=str(tmp_path / "p.json"))
        env.pop("DLMATH_NO_PROGRESS", None)
        said[where] = subprocess.run([sys.executable, "-c", "from dlmath import check"], env=env, cwd=tmp_path,
                                     capture_output=True, text=True, timeout=120).stdout
    assert "This is the published copy of chapter 07" in said["chapters"]
    assert "my-work/07_backpropagation.ipynb" in said["chapters"]
    assert "published" not in said["my-work"]


# ------------------------------------------------------------------ the Chinese edition's copies (issue 21)

def publish_zh(root, stem, title):
    """chapters/zh/<stem>.ipynb as the build writes the Chinese edition of a tiny source."""
    (root / "chapters" / "zh").mkdir(parents=True, exist_ok=True)
    text = SOURCE.format(title=title)
    nb = build.notebook(stem, build.parse(text), answered=False, lang="zh")
    (root / "chapters" / "zh" / f"{stem}.ipynb").write_text(build.dumps(nb), encoding="utf-8")


def test_the_chinese_copies_live_in_my_work_zh_with_their_own_backups(course):
    publish_zh(course.root, "01_one", "一")
    zh = Workspace(course.root, "zh")
    assert zh.chapters == course.root / "chapters" / "zh" and zh.work == course.root / "my-work" / "zh"
    assert [p.name for p in zh.ensure_copies()] == ["01_one.ipynb"]
    copy = zh.work / "01_one.ipynb"
    answer(copy)
    backup = zh.reset("01")
    assert backup.parent == zh.work / "backups" and "41" in backup.read_text(encoding="utf-8")
    assert not (course.work / "01_one.ipynb").exists()  # the English copies are another folder
    assert Workspace.of(copy).lang == "zh" and Workspace.of(course.chapters / "01_one.ipynb").lang == "en"
    with pytest.raises(ValueError, match="lang must be one of"):
        Workspace(course.root, "fr")


def test_open_lang_zh_opens_the_chinese_copy_remembers_it_and_asks_for_the_chinese_interface(course, capsys):
    from dlmath.course import cli
    publish_zh(course.root, "00_start", "开始")
    assert cli.main(["--root", str(course.root), "open", "--lang", "zh", "--dry-run"]) == 0
    assert "my-work/zh/00_start.ipynb" in capsys.readouterr().out
    assert cli.main(["--root", str(course.root), "open", "--dry-run"]) == 0  # remembered
    assert "my-work/zh/00_start.ipynb" in capsys.readouterr().out
    assert cli.main(["--root", str(course.root), "open", "--lang", "en", "--dry-run"]) == 0
    assert "my-work/00_start.ipynb" in capsys.readouterr().out
    paths = cli._lab_env("zh")["JUPYTER_CONFIG_PATH"].split(os.pathsep)
    assert paths[0].endswith("jupyter-config-zh") and paths[1].endswith("jupyter-config")
    overrides = json.loads((Path(paths[0]) / "labconfig" / "default_setting_overrides.json").read_text())
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "zh_CN"
    assert not cli._lab_env("en")["JUPYTER_CONFIG_PATH"].split(os.pathsep)[0].endswith("-zh")
