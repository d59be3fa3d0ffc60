"""The one source: stubs, drift, the glossary, and never overwriting a learner's notebook."""
import importlib.util
import json
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)

SOURCE = '''# header comment, ignored
# %% [markdown]
# # Title
# some **neuron (神经元)** text
#
# %%
import numpy as np
# %matplotlib widget

# %% tags=["nbval-ignore-output"]
### BEGIN SOLUTION
z = 1 + 2
a, b = 3, 4
### END SOLUTION
print(z)

# %%
def f(x):
    ### BEGIN SOLUTION
    y = x * 2
    return y
    ### END SOLUTION
'''


def test_parse_cells_tags_and_magics():
    cells = build.parse(SOURCE)
    assert [kind for kind, _, _ in cells] == ["markdown", "code", "code", "code"]
    assert cells[0][1] == "# Title\nsome **neuron (神经元)** text"
    assert "%matplotlib widget" in cells[1][1].splitlines()
    assert cells[2][2] == ["nbval-ignore-output"]


def test_learner_copy_gets_stubs_and_solution_keeps_answers():
    cells = build.parse(SOURCE)
    stub = build.split_solution(cells[2][1], answered=False)
    assert stub == "z = ...\na, b = ..., ...\nprint(z)"
    assert build.split_solution(cells[2][1], answered=True) == "z = 1 + 2\na, b = 3, 4\nprint(z)"
    assert build.split_solution(cells[3][1], answered=False) == "def f(x):\n    return ..."


@pytest.mark.parametrize("bad", ["### BEGIN SOLUTION\nz = 1", "z = 1\n### END SOLUTION",
                                 "### BEGIN SOLUTION\nprint(1)\n### END SOLUTION"])
def test_malformed_solution_blocks_are_refused(bad):
    with pytest.raises(ValueError):
        build.split_solution(bad, answered=False)


def test_notebooks_are_deterministic_with_python3_kernel():
    cells = build.parse(SOURCE)
    first, second = build.dumps(build.notebook("07_x", cells, False)), build.dumps(build.notebook("07_x", cells, False))
    assert first == second
    nb = json.loads(first)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")


def test_the_repository_has_not_drifted_from_its_source():
    assert build.drift() == []


def test_every_source_has_its_exercises_and_chapters_have_at_least_six():
    from dlmath.course import exercises
    for src in build.sources():
        number = src.stem[:2]
        text = src.read_text(encoding="utf-8")
        ids = [i for i in exercises.EXERCISES if i.startswith(number + ".")]
        if number != "00":
            assert len(ids) >= 6, f"{src.name} has only {len(ids)} exercises"
        for exercise_id in ids:
            assert f'check("{exercise_id}",' in text, f"{exercise_id} is never checked in {src.name}"


@pytest.fixture
def tmp_course(tmp_path, monkeypatch):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "07_x.py").write_text(SOURCE, encoding="utf-8")
    for name in ("SOURCE", "CHAPTERS", "SOLUTIONS"):
        monkeypatch.setattr(build, name, tmp_path / name.lower())
    monkeypatch.setattr(build, "ROOT", tmp_path)
    return tmp_path


def test_build_writes_chapters_and_glossary(tmp_course):
    assert build.build(run=False)
    chapter = tmp_course / "chapters" / "07_x.ipynb"
    assert "z = ..." in chapter.read_text(encoding="utf-8")
    assert "| neuron | 神经元 | [07](07_x.ipynb) |" in (tmp_course / "chapters" / "glossary.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("edit", ["answer", "run"])
def test_build_never_overwrites_a_learners_notebook(tmp_course, edit, capsys):
    build.build(run=False)
    chapter = tmp_course / "chapters" / "07_x.ipynb"
    nb = nbformat.read(str(chapter), as_version=4)
    if edit == "answer":
        nb.cells[2].source = nb.cells[2].source.replace("z = ...", "z = 3  # my answer")
    else:
        nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="hello")]
        nb.cells[1].execution_count = 1
    nbformat.write(nb, str(chapter))
    mine = chapter.read_text(encoding="utf-8")
    (tmp_course / "source" / "07_x.py").write_text(SOURCE.replace("1 + 2", "2 + 2"), encoding="utf-8")
    assert not build.build(run=False)
    assert chapter.read_text(encoding="utf-8") == mine
    assert "not overwritten" in capsys.readouterr().err
    assert build.build(run=False, force=True)
    assert chapter.read_text(encoding="utf-8") != mine


def test_untouched_chapter_is_rebuilt_when_its_source_changes(tmp_course):
    build.build(run=False)
    (tmp_course / "source" / "07_x.py").write_text(SOURCE.replace("Title", "New title"), encoding="utf-8")
    assert build.build(run=False)
    assert "New title" in (tmp_course / "chapters" / "07_x.ipynb").read_text(encoding="utf-8")


def test_drift_is_reported(tmp_course):
    build.build(run=False)
    (tmp_course / "source" / "07_x.py").write_text(SOURCE.replace("Title", "Changed"), encoding="utf-8")
    problems = build.drift()
    assert any("chapters/07_x.ipynb is stale" in p for p in problems)
    assert any("solutions/07_x.ipynb is missing" in p for p in problems)
    assert any("glossary" not in p for p in problems)


# ------------------------------------------------------------------ the Chinese twins (issue 21)

TWINNED = SOURCE.replace('''# some **neuron (神经元)** text
#
''', '''# some **neuron (神经元)** text

# %% [markdown] lang="zh"
# # 标题
# 一些关于**神经元**（neuron）的文字
#
''')


def test_a_new_twin_is_stamped_with_its_english_cells_fingerprint_and_nothing_else_changes():
    stamped = build.stamp(TWINNED)
    english = build.parse(TWINNED)[0][1]
    assert f'# %% [markdown] lang="zh" twin="{build.twin_fingerprint(english)}"' in stamped
    assert stamped.replace(f' twin="{build.twin_fingerprint(english)}"', "") == TWINNED
    assert build.stamp(stamped) == stamped and build.twin_problems(stamped) == []
    assert build.twin_problems(TWINNED, "07_x.py") == ["07_x.py: the twin of markdown cell 1 has no fingerprint: "
                                                       "run tools/build_notebooks.py --stamp 07"]


def test_the_chinese_edition_has_the_twins_in_place_of_the_english_cells_and_the_same_code():
    text = build.stamp(TWINNED)
    en, zh = build.parse(text), build.parse(text, "zh")
    assert [k for k, _, _ in en] == [k for k, _, _ in zh] and len(en) == 4
    assert zh[0][1].startswith("# 标题") and en[0][1].startswith("# Title")
    assert en[1:] == zh[1:]  # code cells shared
    nb = build.notebook("07_x", zh, answered=False, lang="zh")
    assert nb.metadata["dlmath"]["lang"] == "zh" and "z = ..." in nb.cells[2].source
    assert "lang" not in build.notebook("07_x", en, answered=False).metadata["dlmath"]


def test_changing_an_english_cell_makes_the_check_fail_for_its_twin(tmp_course):
    source = tmp_course / "source" / "07_x.py"
    source.write_text(build.stamp(TWINNED), encoding="utf-8")
    assert build.build(run=False)
    assert (tmp_course / "chapters" / "zh" / "07_x.ipynb").exists()
    assert not [p for p in build.drift() if "twin" in p]
    source.write_text(source.read_text(encoding="utf-8").replace("some **neuron", "a few **neuron"), encoding="utf-8")
    problems = build.drift()
    assert any("07_x.py: markdown cell 1 ('# Title') changed after its Chinese twin was written" in p for p in problems)
    assert build.main(["--check"]) == 1
    # re-stamping (after updating the twin) clears it; a plain --stamp does not touch an existing fingerprint
    build.main(["--stamp", "07"])
    assert any("changed after its Chinese twin" in p for p in build.drift())
    build.main(["--stamp", "07", "--restamp"])
    assert not [p for p in build.drift() if "twin" in p]


def test_a_missing_twin_and_an_orphan_twin_are_named():
    missing = build.stamp(TWINNED) + '\n# %% [markdown]\n# A second English cell\n'
    assert build.twin_problems(missing, "07_x.py") == [
        "07_x.py: markdown cell 2 ('A second English cell') has no Chinese twin after it"]
    orphan = build.stamp(TWINNED) + '\n# %%\nx = 1\n\n# %% [markdown] lang="zh" twin="00000000"\n# 孤儿\n'
    assert build.twin_problems(orphan, "07_x.py") == [
        "07_x.py: the twin '孤儿' does not follow an English markdown cell"]


def test_one_chinese_term_per_concept_is_checked_across_chapters(tmp_course):
    assert build.term_problems() == []
    (tmp_course / "source" / "08_y.py").write_text(
        "# %% [markdown]\n# a **neuron (神经单元)** and a **unit (神经元)**\n", encoding="utf-8")
    assert build.term_problems() == [
        "the term 'neuron' has two Chinese names: 神经元 (chapter 07), 神经单元 (chapter 08)",
        "the Chinese term 神经元 names two things: 'neuron' (chapter 07), 'unit' (chapter 08)"]
    assert any("two Chinese names" in p for p in build.drift())


def test_a_heading_left_in_a_code_cell_is_reported(tmp_course):
    (tmp_course / "source" / "07_x.py").write_text(SOURCE.replace("print(z)", "print(z)\n#\n# ## 2. Next section"),
                                                 encoding="utf-8")
    assert any("07_x.py: a markdown heading inside a code cell ('# ## 2. Next section')" in p for p in build.drift())
