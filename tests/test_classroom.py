"""Teaching a class (issue 22): the student edition has no answers, and the grader cannot be fooled by an
edited check cell, a deleted one or a `check` of the student's own — its verdicts come from the engine,
called by the release's own check cells — nor stopped by a broken notebook."""
import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from dlmath.course import classroom
from dlmath.course.cells import keys
from dlmath.course.workspace import Workspace, remembered_language

ROOT = Path(__file__).resolve().parent.parent


def test_the_student_edition_has_the_chapters_and_the_library_but_no_answers(tmp_path):
    out = tmp_path / "class"
    picked = classroom.release(ROOT, out, chapters=["00", "07"], due="2027-01-15")
    assert [p.stem[:2] for p in picked] == ["00", "07"]
    assert sorted(p.name for p in (out / "chapters").iterdir()) == [
        "00_start_here.ipynb", "07_backpropagation.ipynb", "glossary.md"]
    assert not any((out / name).exists() for name in ("solutions", "source", "tests", "tools", "bench"))
    assert (out / "lib" / "dlmath" / "course" / "classroom.py").exists() and (out / "requirements.txt").exists()
    assert not list(out.rglob("__pycache__"))
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "Hand in by 2027-01-15" in readme and "my-work/" in readme and "dlmath open" in readme
    # an answer of the solutions appears nowhere in the edition's notebooks
    solution = nbformat.read(str(ROOT / "solutions" / "07_backpropagation.ipynb"), as_version=4)
    answer = next(c.source for c in solution.cells if c.id == "answer-07-delta_output")
    assert answer not in (out / "chapters" / "07_backpropagation.ipynb").read_text(encoding="utf-8")
    # it is a course: the learner's copies are made there like anywhere else
    ws = Workspace(out)
    assert [p.name for p in ws.ensure_copies()] == ["00_start_here.ipynb", "07_backpropagation.ipynb"]
    with pytest.raises(FileExistsError):
        classroom.release(ROOT, out)


def test_the_chinese_student_edition_has_the_chinese_chapters_and_readme_but_no_answers(tmp_path):
    out = tmp_path / "class-zh"
    picked = classroom.release(ROOT, out, due="2027-01-15", lang="zh")
    published = sorted((ROOT / "chapters" / "zh").glob("[0-9][0-9]_*.ipynb"))
    assert picked == published
    assert sorted(p.name for p in (out / "chapters").iterdir()) == ["glossary.md", "zh"]
    assert [p.name for p in sorted((out / "chapters" / "zh").iterdir())] == [p.name for p in published]
    assert all((out / "chapters" / "zh" / p.name).read_bytes() == p.read_bytes() for p in published)
    assert not any((out / name).exists() for name in ("solutions", "source", "tests", "tools", "bench", "my-work"))
    # no answer of the Chinese solutions is in the edition: every answer cell is still the learner's
    for solution in sorted((ROOT / "solutions" / "zh").glob("[0-9][0-9]_*.ipynb")):
        shipped = {c.id: c.source for c in nbformat.read(str(out / "chapters" / "zh" / solution.name), as_version=4).cells}
        answers = [c for c in nbformat.read(str(solution), as_version=4).cells if c.id.startswith("answer-")]
        assert answers and all(shipped[c.id] != c.source for c in answers), solution.name
    # the README is the Chinese one, in step with the English one: the same sections, the same table
    readme = (out / "README.md").read_text(encoding="utf-8")
    english = classroom.student_readme(sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb")), "2027-01-15")
    assert "提交截止日期：2027-01-15" in readme and "dlmath open --lang zh" in readme and "my-work/zh/NN_" in readme
    assert all(f"`chapters/zh/{p.name}`" in readme for p in published)
    assert "Hand in" not in readme and "student edition" not in readme

    def shape(text):  # the headings' levels, the table's rows, the code blocks
        return [line.split(" ", 1)[0] for line in text.splitlines() if line.startswith(("#", "|", "```"))]
    assert shape(readme) == shape(english)
    # its Chinese learners find every chapter, and a plain `dlmath open` opens the Chinese edition
    ws = Workspace(out, "zh")
    assert [ws.chapter(p.stem[:2]) for p in published] == ws.chapter_files() == [out / "chapters" / "zh" / p.name
                                                                                  for p in published]
    assert remembered_language(out) == "zh"
    assert [p.relative_to(out).as_posix() for p in ws.ensure_copies()] == [f"my-work/zh/{p.name}" for p in published]


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_command_releases_the_chinese_edition_with_lang_before_or_after_the_subcommand(where, tmp_path):
    out = tmp_path / "class-zh"
    lang = ["--lang", "zh"]
    args = [*lang, "class", "release"] if where == "before" else ["class", "release", *lang]
    proc = subprocess.run([sys.executable, "-m", "dlmath", "--root", str(ROOT), *args, str(out), "--chapters", "01"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "已把学生版写入" in proc.stdout
    assert [p.relative_to(out).as_posix() for p in sorted((out / "chapters").rglob("*.ipynb"))] == [
        "chapters/zh/01_neurons_step_sigmoid.ipynb"]
    assert "## 提交作业" in (out / "README.md").read_text(encoding="utf-8")


def test_each_notebook_is_graded_against_its_own_edition_and_the_copy_worked_in_counts(tmp_path):
    released = classroom.releases(ROOT)
    name = "01_neurons_step_sigmoid.ipynb"
    english, chinese = tmp_path / "my-work" / name, tmp_path / "my-work" / "zh" / name
    chinese.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "chapters" / name, english)  # as a plain `jupyter lab` makes it: untouched
    shutil.copyfile(ROOT / "chapters" / "zh" / name, chinese)
    assert classroom.release_of(chinese, "01", released) == ROOT / "chapters" / "zh" / name
    assert classroom.release_of(english, "01", released) == ROOT / "chapters" / name
    # both untouched: the grader's edition; one worked in: that one, whatever the grader speaks
    assert classroom.notebooks_of(tmp_path, released, "zh") == {"01": chinese}
    assert classroom.notebooks_of(tmp_path, released, "en") == {"01": english}
    nb = nbformat.read(str(chinese), as_version=4)
    next(c for c in nb.cells if c.id == "answer-01-weighted_input").source = "z = 1.0"
    nbformat.write(nb, str(chinese))
    assert classroom.notebooks_of(tmp_path, released, "en") == {"01": chinese}


def tampered(chapter):
    """A copy whose answers are wrong and whose check cells print ✅: edited, deleted, and shadowed by
    a `check` of the student's own."""
    nb = nbformat.read(str(chapter), as_version=4)
    checks = [c for c in nb.cells if c.id.startswith("check-")]
    for cell in nb.cells:
        if cell.id.startswith("answer-"):
            cell.source = cell.source.replace("= ...", '= "wrong"').replace("return ...", 'return "wrong"')
        elif cell.id.startswith("check-"):
            exercise = cell.id[len("check-"):].replace("-", ".", 1)
            cell.source = f'print("✅ {exercise}: correct")'
    nb.cells.remove(checks[-1])
    fake = nbformat.v4.new_code_cell('def check(*args):\n    print("✅ correct")')
    fake.id = "a-cell-of-mine"
    nb.cells.insert(1, fake)
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("class")
    subs = tmp / "submissions"
    chapters = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
    (subs / "ada" / "my-work").mkdir(parents=True)  # every chapter answered (the course's solutions)
    for chapter in chapters:
        shutil.copyfile(ROOT / "solutions" / chapter.name, subs / "ada" / "my-work" / chapter.name)
    (subs / "ben").mkdir()  # untouched copies
    for chapter in chapters[:2]:
        shutil.copyfile(chapter, subs / "ben" / chapter.name)
    (subs / "eve").mkdir()  # wrong answers, check cells that print ✅
    for chapter in chapters[:2]:
        nbformat.write(tampered(chapter), str(subs / "eve" / chapter.name))
    zipped = tmp / "zoe"  # a .zip: one notebook truncated, one good
    (zipped / "my-work").mkdir(parents=True)
    text = (ROOT / "solutions" / chapters[1].name).read_text(encoding="utf-8")
    (zipped / "my-work" / chapters[1].name).write_text(text[: len(text) // 2], encoding="utf-8")
    shutil.copyfile(ROOT / "solutions" / chapters[0].name, zipped / "my-work" / chapters[0].name)
    shutil.make_archive(str(subs / "zoe"), "zip", zipped)
    out, feedback = tmp / "grades.csv", tmp / "feedback"
    proc = subprocess.run([sys.executable, "-m", "dlmath", "--root", str(ROOT), "class", "grade", str(subs),
                           "--out", str(out), "--feedback", str(feedback), "--jobs", "2"],
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:]
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows, feedback, proc


def column(rows, student):
    header = rows[0]
    row = next(r for r in rows if r[0] == student)
    return dict(zip(header, row))


def ids_of(chapter_number):
    chapter = next((ROOT / "chapters").glob(f"{chapter_number}_*.ipynb"))
    nb = json.loads(chapter.read_text(encoding="utf-8"))
    return [k[len("answer-"):].replace("-", ".", 1) for k in keys(nb) if k.startswith("answer-")]


def test_the_csv_has_one_column_per_exercise_in_course_order(graded):
    rows, _, _ = graded
    order = [e for n in sorted(p.name[:2] for p in (ROOT / "chapters").glob("[0-9][0-9]_*.ipynb")) for e in ids_of(n)]
    assert rows[0] == ["student", *order, "total", "problems"]
    assert [r[0] for r in rows[1:]] == ["ada", "ben", "eve", "zoe"]


def test_every_solution_answer_gets_1(graded):
    rows, _, _ = graded
    ada = column(rows, "ada")
    marks = {k: v for k, v in ada.items() if "." in k}
    assert set(marks.values()) == {"1"}, [k for k, v in marks.items() if v != "1"]
    assert ada["total"] == str(len(marks)) and ada["problems"] == ""


def test_untouched_copies_get_0(graded):
    rows, _, _ = graded
    ben = column(rows, "ben")
    assert {ben[e] for e in ids_of("00") + ids_of("01")} == {"0"} and ben["total"] == "0"


def test_edited_deleted_or_shadowed_check_cells_gain_nothing(graded):
    rows, feedback, _ = graded
    eve = column(rows, "eve")
    assert {eve[e] for e in ids_of("00") + ids_of("01")} == {"0"} and eve["total"] == "0"
    text = (feedback / "eve.md").read_text(encoding="utf-8")
    assert "❌ 01.sigmoid: not yet" in text  # the engine's verdict on the answer, not the printed ✅


def test_a_broken_notebook_is_reported_and_the_rest_is_graded(graded):
    rows, feedback, _ = graded
    zoe = column(rows, "zoe")
    assert {zoe[e] for e in ids_of("00")} == {"1"} and {zoe[e] for e in ids_of("01")} == {"0"}
    assert "01_neurons_step_sigmoid.ipynb: not a readable notebook" in zoe["problems"]
    assert "not a readable notebook" in (feedback / "zoe.md").read_text(encoding="utf-8")


def test_feedback_gives_verdicts_and_hints_but_no_answers(graded):
    _, feedback, _ = graded
    assert sorted(p.name for p in feedback.iterdir()) == ["ada.md", "ben.md", "eve.md", "zoe.md"]
    ben = (feedback / "ben.md").read_text(encoding="utf-8")
    assert "⏳ 00.neuron_parameters: not attempted yet" in ben and "## 05 · " in ben and "not handed in" in ben
    solutions = "\n".join(nbformat.read(str(p), as_version=4).cells[i].source
                          for p in sorted((ROOT / "solutions").glob("0[01]_*.ipynb"))
                          for i, c in enumerate(nbformat.read(str(p), as_version=4).cells)
                          if c.id.startswith("answer-"))
    for line in solutions.splitlines():
        if "=" in line and len(line) > 12:
            assert line.strip() not in (feedback / "eve.md").read_text(encoding="utf-8")


def test_feedback_speaks_the_language_the_grader_was_run_in(monkeypatch):
    monkeypatch.setenv("DLMATH_LANG", "zh")  # as `dlmath --lang zh class grade` has it
    text = classroom.feedback_text("kim", ["00.neuron_parameters", "01.weighted_input"],
                                   {"00.neuron_parameters": ("todo", "")}, ["x.ipynb：第 3 个单元格引发了 NameError"], {"00"})
    assert text.startswith("# 给 kim 的反馈\n") and "2 道练习中做对了 0 道" in text and "## 问题" in text
    assert "- ⏳ 00.neuron_parameters：尚未作答" in text and "：未提交" in text, text


def answered(chapter, solution, right, wrong):
    """A learner's copy of `chapter` with the answer `right` taken from `solution` and `wrong` answered wrongly."""
    nb = nbformat.read(str(chapter), as_version=4)
    cells = {c.id: c for c in nb.cells}
    cells[f"answer-{right}"].source = next(c.source for c in nbformat.read(str(solution), as_version=4).cells
                                           if c.id == f"answer-{right}")
    cells[f"answer-{wrong}"].source = cells[f"answer-{wrong}"].source.replace("return ...", 'return "wrong"')
    return nb


@pytest.fixture(scope="module")
def graded_in_chinese(tmp_path_factory):
    """`dlmath --lang zh class grade` of a class mixing the editions: li worked in the Chinese copy of chapter 01
    (and handed in the whole my-work/, with an untouched English copy in it), al in the English one; both
    got the same exercise right and the same one wrong."""
    tmp = tmp_path_factory.mktemp("class-zh")
    subs, name = tmp / "submissions", "01_neurons_step_sigmoid.ipynb"
    (subs / "li" / "my-work" / "zh").mkdir(parents=True)
    (subs / "al" / "my-work").mkdir(parents=True)
    shutil.copyfile(ROOT / "chapters" / name, subs / "li" / "my-work" / name)
    for student, edition in (("li", Path("zh")), ("al", Path())):
        nb = answered(ROOT / "chapters" / edition / name, ROOT / "solutions" / edition / name,
                      right="01-weighted_input", wrong="01-sigmoid")
        nbformat.write(nb, str(subs / student / "my-work" / edition / name))
    out, feedback = tmp / "grades.csv", tmp / "feedback"
    proc = subprocess.run([sys.executable, "-m", "dlmath", "--root", str(ROOT), "--lang", "zh", "class", "grade",
                           str(subs), "--out", str(out), "--feedback", str(feedback), "--jobs", "2"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows, feedback, proc


def test_a_chinese_notebook_gets_the_verdicts_of_its_english_equivalent(graded_in_chinese):
    rows, feedback, proc = graded_in_chinese
    li, al = column(rows, "li"), column(rows, "al")
    assert li["01.weighted_input"] == "1" and li["total"] == "1" and li["problems"] == "", li
    assert li == {**al, "student": "li"}
    said = {s: [line for line in (feedback / f"{s}.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("- ")] for s in ("li", "al")}
    assert said["li"] == said["al"] and len(said["li"]) == len(ids_of("01"))  # each verdict and hint the same


def test_a_class_graded_in_chinese_gets_its_feedback_in_chinese(graded_in_chinese):
    _, feedback, proc = graded_in_chinese
    text = (feedback / "li.md").read_text(encoding="utf-8")
    assert text.startswith("# 给 li 的反馈\n") and "道练习中做对了 1 道。" in text
    assert "- ✅ 01.weighted_input：正确" in text and "- ⏳ 01.relu：尚未作答" in text
    wrong = next(line for line in text.splitlines() if line.startswith("- ❌ 01.sigmoid："))
    assert "还不对" in wrong and not re.search(r"[A-Za-z]{4,}", wrong.replace("sigmoid", "").replace("'wrong'", "")), wrong
    assert "已为 2 名学生评分" in proc.stdout


def test_a_graded_notebook_keeps_the_students_answers_and_the_releases_checks():
    chapter = ROOT / "chapters" / "01_neurons_step_sigmoid.ipynb"
    student = json.loads(nbformat.writes(tampered(chapter)))
    release = json.loads(chapter.read_text(encoding="utf-8"))
    nb = classroom.graded_notebook(student, release)
    sources = {c["id"]: "".join(c["source"]) for c in nb["cells"]}
    assert all(s.startswith(classroom.GRADED) for i, s in sources.items() if i.startswith("check-"))
    assert len([i for i in sources if i.startswith("check-")]) == len(ids_of("01"))  # the deleted one is back
    assert sources["answer-01-weighted_input"].endswith('"wrong"') and "a-cell-of-mine" in sources


def test_a_notebook_that_loops_is_stopped_and_recorded(tmp_path):
    chapter = ROOT / "chapters" / "00_start_here.ipynb"
    nb = nbformat.read(str(chapter), as_version=4)
    next(c for c in nb.cells if c.id == "answer-00-neuron_parameters").source = "while True:\n    pass"
    path = tmp_path / chapter.name
    nbformat.write(nb, str(path))
    student, number, verdicts, problems = classroom._grade_one(("kim", "00", str(path), str(chapter), 5, "en"))
    assert (student, number) == ("kim", "00")
    assert "00.neuron_parameters" not in verdicts or verdicts["00.neuron_parameters"][0] != "pass"
    assert any("stopped" in p and "Timeout" in p for p in problems), problems
