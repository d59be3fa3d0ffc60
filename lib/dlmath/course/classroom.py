"""Teaching a class with the course: a student edition, and a grader that reads verdicts from the engine.

release(course, out)     the chapters of one edition (English, or Chinese: lang="zh"), the library, the
                         requirements and a student README in that language — no solutions/, no source/
                         (which holds the answers), no tests
grade(course, subs, …)   one row per student: each notebook runs headless in a fresh kernel, rebuilt from the
                         release's own chapter with the student's answers carried in (dlmath.course.cells):
                         every check cell is the release's, whatever the student did to theirs, and it calls
                         the engine by its full module path, so a student's own `check` is never called.
                         The verdicts come from that call (written to a log the kernel appends to), never
                         from text in an output. Cells the student added are run too (their helpers).
                         Each notebook is graded against its own edition's chapter (a class may mix both);
                         exercise ids are the same in both, so the grades are too.

What it cannot hide: the library computes the expected answers, and a student who reads lib/dlmath can
find them, or patch the engine from a cell of their own. The checks are formative — their hints name the
mistake without the answer — so the grade records who did the work the hints lead to, not an exam.
"""
import csv
import json
import os
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

from ..language import language, notebook_language, speaking, translate as _
from .cells import carry, keys
from .workspace import EDITIONS, Workspace, untouched

GRADED = '__import__("dlmath.course.classroom", fromlist=["graded"]).graded('
KEEP = ("LICENSE", "requirements.txt", "pyproject.toml", ".gitignore")
NOT_SHIPPED = ("__pycache__", "build", "*.egg-info", ".ipynb_checkpoints")


# ---------------------------------------------------------------- the student edition

def release(course_root, out, chapters=None, due=None, lang="en"):
    """Write the student edition of the course in `lang` (en, zh) into `out` (which must not exist or be
    empty): that edition's chapters where its `dlmath open --lang` looks for them (chapters/, chapters/zh/)."""
    ws, student = Workspace(course_root, lang), Workspace(out, lang)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(_("{folder} is not empty; choose a new folder for the student edition.").format(folder=out))
    picked = [ws.chapter(n) for n in chapters] if chapters else ws.chapter_files()
    student.chapters.mkdir(parents=True)
    for chapter in picked:
        shutil.copyfile(chapter, student.chapters / chapter.name)
    glossary = ws.root / "chapters" / "glossary.md"  # both languages' terms, for both editions
    if glossary.exists():
        shutil.copyfile(glossary, out / "chapters" / "glossary.md")
    shutil.copytree(ws.root / "lib", out / "lib", ignore=shutil.ignore_patterns(*NOT_SHIPPED))
    for name in KEEP:
        if (ws.root / name).exists():
            shutil.copyfile(ws.root / name, out / name)
    (out / "README.md").write_text(student_readme(picked, due, lang), encoding="utf-8")
    return picked


# The student README of each edition. A page of its own, not a catalog message: it is read and reviewed as
# a whole page (the Chinese is written as a Chinese teacher writes it, not sentence by sentence), and the two
# give different commands and paths (`--lang zh`, my-work/zh/). Keep them in step: the same sections, the same
# table, the same advice ({due_line} and {rows} are filled in by student_readme). A Chinese paragraph is one
# line: a line break inside it would show as a space between two characters.
README = {"en": """# The Mathematics of Deep Learning — student edition
{due_line}
Interactive notebooks in which you build neural networks from the mathematics up. Every exercise checks
itself: ⏳ not attempted yet · ❌ not yet, with a hint that names the mistake · ✅ correct.

## Start

You need Python 3.10–3.13. In this folder:

```bash
python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/dlmath open
```

It opens JupyterLab on your own copy of chapter 00 in `my-work/`. Next time: `.venv/bin/dlmath open NN`
for chapter NN. Work only in `my-work/`; `dlmath progress` shows where you are.

## Chapters

| # | notebook (your copy is `my-work/` + the same name) |
|---|---|
{rows}

## Handing in

Hand in your copies as they are — `my-work/NN_….ipynb`, with their names unchanged — as your teacher
asks (for example the whole `my-work/` folder as one `.zip`). Each notebook is run again from the top
when it is graded, with the course's own check cells, so: restart and run all before you hand in, and
keep every answer in the cell where the chapter asks for it.
""", "zh": """# 深度学习的数学——学生版
{due_line}
一组交互式笔记本：你将从数学出发，亲手搭建神经网络。每道练习都会自我检查：⏳ 尚未作答 · ❌ 还不对，并附上指出错在哪里的提示 · ✅ 正确。

## 开始

你需要 Python 3.10–3.13。在这个文件夹里运行：

```bash
python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/dlmath open --lang zh
```

它会在 `my-work/zh/` 里你自己的第 00 章副本上打开 JupyterLab，界面也是中文。下次用 `.venv/bin/dlmath open NN` 打开第 NN 章（`--lang zh` 这个选择会被记住，不必再写）。只在 `my-work/zh/` 里作答；`dlmath progress` 告诉你学到了哪里。

## 章节

| # | 笔记本（你的副本是 `my-work/zh/` 加上同样的文件名） |
|---|---|
{rows}

## 提交作业

按老师要求的方式，原样提交你的副本——`my-work/zh/NN_….ipynb`，文件名不要改（例如把整个 `my-work/` 文件夹打包成一个 `.zip`）。评分时，每个笔记本都会用课程自己的检查单元格从头重新运行一遍，所以：提交之前请先“重启并运行所有单元格”，并且把每个答案都留在章节要求你作答的那个单元格里。
"""}
DUE = {"en": "**Hand in by {due}.**", "zh": "**提交截止日期：{due}。**"}


def student_readme(chapters, due=None, lang="en"):
    """The student README of the edition `lang`, listing `chapters` (the release's notebooks of it)."""
    rows = "\n".join(f"| {c.stem[:2]} | `{Path('chapters', EDITIONS[lang], c.name).as_posix()}` |" for c in chapters)
    due_line = "\n" + DUE[lang].format(due=due) + "\n" if due else ""
    return README[lang].format(due_line=due_line, rows=rows)


# ---------------------------------------------------------------- grading

def graded(exercise_id, answer):
    """What a release check cell calls in a graded run: the engine's verdict, shown and logged."""
    from . import exercises
    from .checks import SYMBOL, verdict
    result = exercises.evaluate(exercise_id, answer)
    line = {"id": exercise_id, "status": result.status, "message": result.message}
    with open(os.environ["DLMATH_GRADE_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(line) + "\n")
    print(_("{symbol} {exercise}: {verdict}").format(symbol=SYMBOL[result.status], exercise=exercise_id,
                                                     verdict=verdict(result.status, result.message)))


def graded_notebook(student_nb, release_nb):
    """The release's chapter with the student's answers (and own cells) carried in; every check cell is
    the release's, calling `graded` by its module path."""
    merged, _, _ = carry(student_nb, release_nb)
    for key, cell in zip(keys(merged), merged["cells"]):
        if key.startswith("check-"):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            cell["source"] = source.replace("check(", GRADED)
    return merged


def exercise_order(ws):
    """The exercises of the course's chapters, in the order a learner meets them."""
    found = []
    for chapter in ws.chapter_files():
        nb = json.loads(chapter.read_text(encoding="utf-8"))
        found += [k[len("answer-"):].replace("-", ".", 1) for k in keys(nb) if k.startswith("answer-")]
    return found


def _grade_one(task):
    """Run one student notebook (in a worker process). Returns (student, chapter, verdicts, problems), the
    problems and the kernel's verdicts in the language the task ends with."""
    *task, lang = task
    with speaking(lang):
        return _run_graded(*task, lang)


def _run_graded(student, number, path, release_path, timeout, lang):
    import nbformat

    from .headless import execute
    problems = []
    try:
        student_nb = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(student_nb, dict) or not isinstance(student_nb.get("cells"), list):
            raise ValueError(_("it has no cells"))
    except Exception as exc:
        return student, number, {}, [_("{file}: not a readable notebook ({error})").format(
            file=Path(path).name, error=type(exc).__name__)]
    release_nb = json.loads(Path(release_path).read_text(encoding="utf-8"))
    nb = nbformat.reads(json.dumps(graded_notebook(student_nb, release_nb)), as_version=4)
    with tempfile.TemporaryDirectory(prefix="dlmath-grade-") as tmp:
        log = Path(tmp) / "verdicts.jsonl"
        log.touch()
        try:
            execute(nb, tmp, timeout=timeout, allow_errors=True, env={"DLMATH_GRADE_LOG": str(log), "DLMATH_LANG": lang})
        except Exception as exc:  # a cell over its time, a kernel that died
            first = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
            problems.append(_("{file}: stopped — {error}: {message}").format(
                file=Path(path).name, error=type(exc).__name__, message=first))
        verdicts = {}
        for line in log.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
                verdicts[entry["id"]] = (entry["status"], entry["message"])
            except Exception:
                continue
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "error":
                problems.append(_("{file}: cell {number} raised {error}").format(
                    file=Path(path).name, number=i + 1, error=out.get("ename")))
    return student, number, verdicts, problems


def submissions(folder, scratch):
    """{student id: folder of their files}: one folder, or one .zip, per student."""
    found = {}
    for entry in sorted(Path(folder).iterdir()):
        if entry.is_dir() and not entry.name.startswith("."):
            found[entry.name] = entry
        elif entry.suffix == ".zip":
            target = Path(scratch) / entry.stem
            try:
                with zipfile.ZipFile(entry) as archive:
                    for member in archive.namelist():
                        dest = (target / member).resolve()
                        if target.resolve() not in dest.parents and dest != target.resolve():
                            raise ValueError(_("unsafe path in the zip: {member}").format(member=member))
                    archive.extractall(target)
            except Exception as exc:
                target.mkdir(parents=True, exist_ok=True)
                (target / "PROBLEM").write_text(_("{file}: not a readable zip ({error})").format(file=entry.name, error=exc),
                                                encoding="utf-8")
            found[entry.stem] = target
    return found


def edition_of(notebook):
    """The edition a notebook belongs to: "zh" when its metadata says so (as a Chinese chapter's does), else "en"."""
    return notebook_language(str(notebook)) or "en"


def releases(course_root):
    """{edition: {chapter number: the release's notebook of it}}, for each edition of the course."""
    return {lang: {c.stem[:2]: c for c in Workspace(course_root, lang).chapter_files()} for lang in EDITIONS}


def notebooks_of(folder, released, preferred="en"):
    """{chapter number: the student's notebook of it}, by file name, skipping backups and checkpoints. The
    names are the same in both editions; a student who hands in the whole my-work/ may have a chapter in
    both (a plain `jupyter lab` makes the English copies): the one they worked in counts, not one still as it
    was copied; between two of a kind, the one of the `preferred` edition (the grader's)."""
    names = {c.name: number for chapters in released.values() for number, c in chapters.items()}
    found = {}
    for path in sorted(Path(folder).rglob("*.ipynb")):
        if path.name in names and not any(part in ("backups", ".ipynb_checkpoints") for part in path.parts):
            found.setdefault(names[path.name], []).append(path)
    return {number: min(paths, key=lambda p: (untouched(p), edition_of(p) != preferred))
            for number, paths in found.items()}


def release_of(notebook, number, released):
    """The release's notebook a student's notebook of chapter `number` is graded against: the chapter of its
    own edition (None if the course has no such chapter)."""
    return released[edition_of(notebook)].get(number)


def grade(course_root, folder, out_csv, feedback=None, jobs=1, timeout=120, progress=True):
    """Grade every student of `folder`; write `out_csv` (and `feedback/<student>.md`). Returns the rows.
    The feedback, the problems and the kernels speak the language in use (`dlmath --lang zh class grade`)."""
    from concurrent.futures import ProcessPoolExecutor
    order = exercise_order(Workspace(course_root))  # the same ids in both editions
    released = releases(course_root)
    with tempfile.TemporaryDirectory(prefix="dlmath-submissions-") as scratch:
        students = submissions(folder, scratch)
        tasks, problems = [], {s: [] for s in students}
        for student, where in students.items():
            if (where / "PROBLEM").exists():
                problems[student].append((where / "PROBLEM").read_text(encoding="utf-8"))
            found = notebooks_of(where, released, language())
            if not found and not problems[student]:
                problems[student].append(_("no chapter notebook found (named as `dlmath open` names them)"))
            for number, path in found.items():
                chapter = release_of(path, number, released)
                if chapter is None:
                    problems[student].append(_("{file}: the course has no {lang} edition of chapter {number} to "
                                               "grade it against").format(file=path.name, lang=edition_of(path),
                                                                          number=number))
                    continue
                tasks.append((student, number, str(path), str(chapter), timeout, language()))
        verdicts = {s: {} for s in students}
        handed = {s: {t[1] for t in tasks if t[0] == s} for s in students}
        bar = _bar(len(students), progress)
        left = {s: sum(t[0] == s for t in tasks) for s in students}
        for s in [s for s, n in left.items() if n == 0]:
            bar.update(1)
        with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
            for student, number, found, trouble in pool.map(_grade_one, tasks):
                verdicts[student].update(found)
                problems[student] += trouble
                left[student] -= 1
                if left[student] == 0:
                    bar.update(1)
        bar.close()
    rows = []
    for student in students:
        marks = [1 if verdicts[student].get(e, ("", ""))[0] == "pass" else 0 for e in order]
        rows.append([student, *marks, sum(marks), "; ".join(problems[student])])
    Path(out_csv).parent.mkdir(parents=True, exist_ok=True)
    with open(out_csv, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student", *order, "total", "problems"])
        writer.writerows(rows)
    if feedback:
        Path(feedback).mkdir(parents=True, exist_ok=True)
        for student in students:
            (Path(feedback) / f"{student}.md").write_text(
                feedback_text(student, order, verdicts[student], problems[student], handed[student]),
                encoding="utf-8")
    return rows


def feedback_text(student, order, verdicts, problems, handed):
    """A student's feedback: each exercise's verdict and the engine's hint (which never shows an answer)."""
    from . import exercises
    from .checks import SYMBOL, TODO, verdict
    right = sum(verdicts.get(e, ("",))[0] == "pass" for e in order)
    lines = ["# " + _("Feedback for {student}").format(student=student), "",
             _("Graded {time}: {right} of {count} exercises correct.").format(
                 time=time.strftime('%Y-%m-%d %H:%M'), right=right, count=len(order)), ""]
    if problems:
        lines += ["## " + _("Problems"), ""] + [f"- {p}" for p in problems] + [""]
    for number, module in exercises.CHAPTERS.items():
        ids = [e for e in order if e.startswith(number + ".")]
        if not ids:
            continue
        if number not in handed:
            lines += ["## " + _("{number} · {title}: not handed in").format(number=number, title=_(module.TITLE)), ""]
            continue
        lines += [f"## {number} · {_(module.TITLE)}", ""]
        for e in ids:
            status, message = verdicts.get(e, (TODO, ""))
            line = _("{symbol} {exercise}: {verdict}").format(symbol=SYMBOL[status], exercise=e,
                                                              verdict=verdict(status, message))
            lines.append(f"- {line}".rstrip(" —"))
        lines.append("")
    return "\n".join(lines)


def _bar(total, show):
    try:
        from tqdm.auto import tqdm
        return tqdm(total=total, desc=_("students"), unit=_("student"), disable=not show)
    except ImportError:
        class _Quiet:
            def update(self, n):
                pass

            def close(self):
                pass
        return _Quiet()

