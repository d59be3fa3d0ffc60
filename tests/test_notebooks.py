"""The notebooks as a learner gets them: nbval on chapters/ and solutions/, ✅ and ⏳ per exercise.

Each chapter present joins automatically, in both editions (chapters/zh/ and solutions/zh/ are the
Chinese one: their kernels speak Chinese, as JupyterLab's do for a notebook marked "lang": "zh"). nbval runs in a child pytest so that chapters/ can use
--nbval-lax (no stored outputs to compare) and solutions/ --nbval (stored outputs compared, except
cells tagged nbval-ignore-output: figures, widgets and the progress table).
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from dlmath.course import exercises

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "chapters" / "zh").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb")) + sorted((ROOT / "solutions" / "zh").glob("*.ipynb"))


def lang(path):
    return "zh" if path.parent.name == "zh" else "en"


def name(path):
    return f"zh-{path.stem}" if lang(path) == "zh" else path.stem
NUMPY_REPR = re.compile(r"np\.(float|int|uint|bool|complex)\w*\(")
FIGURE_MIMES = {"image/png", "application/vnd.jupyter.widget-view+json"}


def chapter_ids(path):
    return sorted(i for i in exercises.EXERCISES if i.startswith(path.name[:2] + "."))


def outputs_text(cell):
    parts = []
    for out in cell.get("outputs", []):
        parts.append("".join(out.get("text", "")))
        parts.append("".join(out.get("data", {}).get("text/plain", "")))
    return "".join(parts)


def run_nbval(path, mode, tmp_path):
    # a real progress file, counting switched on: running the course's notebooks must not count
    env = dict(os.environ, DLMATH_PROGRESS=str(tmp_path / "progress.json"), DLMATH_LANG=lang(path))
    env.pop("DLMATH_NO_PROGRESS", None)
    cmd = [sys.executable, "-m", "pytest", mode, "--nbval-current-env", "-p", "no:cacheprovider", "-q",
           "--nbval-cell-timeout=300", str(path)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout
    # solutions/ never count as the learner's work, and ⏳ in an unanswered copy records nothing
    stored = tmp_path / "progress.json"
    assert not stored.exists() or json.loads(stored.read_text(encoding="utf-8")) == {}, stored.read_text()


@pytest.mark.parametrize("path", CHAPTERS, ids=name)
def test_nbval_learner_copy_runs_clean(path, tmp_path):
    run_nbval(path, "--nbval-lax", tmp_path)


@pytest.mark.parametrize("path", SOLUTIONS, ids=name)
def test_nbval_solution_reproduces_its_outputs(path, tmp_path):
    run_nbval(path, "--nbval", tmp_path)


@pytest.mark.parametrize("path", CHAPTERS, ids=name)
def test_learner_copy_says_not_attempted_for_every_exercise(path, tmp_path, monkeypatch):
    from nbclient import NotebookClient
    monkeypatch.setenv("DLMATH_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.setenv("DLMATH_LANG", lang(path))
    nb = nbformat.read(str(path), as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    text = "\n".join(outputs_text(c) for c in nb.cells if c.cell_type == "code")
    said = {"en": ": not attempted yet", "zh": "：尚未作答"}[lang(path)]
    for exercise_id in chapter_ids(path):
        assert f"⏳ {exercise_id}{said}" in text, exercise_id
    checks = [line for line in text.splitlines()
              if line.startswith(("✅", "❌")) and not line.split()[1].startswith("00.demo")]
    assert checks == [], "a check in the learner's copy says more than 'not attempted yet'"
    assert not NUMPY_REPR.search(text)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert all(not c.get("outputs") for c in stored["cells"] if c["cell_type"] == "code"), "stored outputs"


@pytest.mark.parametrize("path", SOLUTIONS, ids=name)
def test_solution_shows_every_check_passed(path):
    nb = nbformat.read(str(path), as_version=4)
    text = "\n".join(outputs_text(c) for c in nb.cells if c.cell_type == "code")
    ids = chapter_ids(path)
    assert ids, f"no exercises registered for {path.name}"
    for exercise_id in ids:
        assert f"✅ {exercise_id}{'：' if lang(path) == 'zh' else ':'}" in text, exercise_id
    assert "❌" not in text.replace("❌ 00.demo", ""), "a check fails in the solution"
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not any(o.output_type == "error" for o in outputs)
    stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, f"a warning leaks into the solution: {stderr[0][:300]}"
    assert not NUMPY_REPR.search(text), "a NumPy 2 scalar repr leaks into a text output"


@pytest.mark.parametrize("path", SOLUTIONS, ids=name)
def test_figure_and_widget_cells_are_ignored_by_nbval(path):
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        mimes = {m for o in cell.outputs for m in o.get("data", {})}
        if mimes & FIGURE_MIMES:
            assert "nbval-ignore-output" in cell.metadata.get("tags", []), cell.source[:80]


@pytest.mark.parametrize("path", SOLUTIONS, ids=name)
def test_plotting_lines_end_with_a_semicolon(path):
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.strip():
            last = cell.source.strip().splitlines()[-1]
            if re.match(r"^\s*(ax\w*|plt|fig)\.\w+\(", last) and not last.rstrip().endswith(";"):
                pytest.fail(f"{path.name}: plotting line without ';': {last}")


CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("path", [p for p in CHAPTERS if lang(p) == "zh"], ids=name)
def test_no_prose_cell_of_a_chinese_notebook_is_left_in_english(path):
    """Every markdown cell of the Chinese edition has Chinese prose once its formulas, code, links and
    bracketed English terms are taken out (a twin that was never written would be English)."""
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        prose = re.sub(r"\$\$.+?\$\$|\$[^$]+\$|`[^`]*`|\]\([^)]*\)|（[^（）]*）", " ", cell.source, flags=re.S)
        assert CJK.search(prose), f"{path.name}: a markdown cell without Chinese: {cell.source[:80]!r}"
        latin = re.findall(r"[A-Za-z]{4,}(?:\s+[A-Za-z]{4,}){5,}", prose)  # six English words in a row
        assert not latin, f"{path.name}: English prose left in a Chinese cell: {latin[0][:80]!r}"
