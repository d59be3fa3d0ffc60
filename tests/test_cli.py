"""The `dlmath` command: check prints each verdict and never changes the file; open; progress; reset."""
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from dlmath.course import cli

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env=None, cwd=ROOT, timeout=300):
    return subprocess.run([sys.executable, "-m", "dlmath", *args], cwd=cwd, env=env or dict(os.environ),
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def learner_notebook(tmp_path):
    """A learner's notebook with one exercise right, one wrong and one untouched (and the demo)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(src) for src in [
        "from dlmath import check",
        "check('00.demo', 14)",
        "slope = 0.25\ncheck('01.max_sigmoid_slope', slope)",
        "z = 7\ncheck('01.weighted_input', z)",
        "def sigmoid(z):\n    return ...\ncheck('01.sigmoid', sigmoid)",
    ]]
    path = tmp_path / "mine.ipynb"
    nbformat.write(nb, str(path))
    return path


def test_check_prints_each_verdict_and_leaves_file_and_progress_alone(learner_notebook, tmp_path):
    store = tmp_path / "progress.json"
    store.write_text('{"01.weighted_input": {"status": "pass", "solved": "2026-01-01"}}', encoding="utf-8")
    before = learner_notebook.read_bytes(), learner_notebook.stat().st_mtime_ns, store.read_bytes()
    env = dict(os.environ, DLMATH_PROGRESS=str(store))
    env.pop("DLMATH_NO_PROGRESS", None)
    proc = run("check", str(learner_notebook), env=env)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith("✅ 01.max_sigmoid_slope: correct") for line in lines)
    assert any(line.startswith("❌ 01.weighted_input: not yet") for line in lines)
    assert any(line.startswith("⏳ 01.sigmoid: not attempted yet") for line in lines)
    assert not any("00.demo" in line for line in lines)
    assert "1 correct, 1 not yet, 1 not attempted" in proc.stdout
    assert "eavesdropping" not in proc.stderr + proc.stdout  # our kernels say their channel is encrypted
    assert (learner_notebook.read_bytes(), learner_notebook.stat().st_mtime_ns, store.read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.ipynb", "progress.json"]


def test_check_refuses_what_is_not_a_notebook(tmp_path):
    bad = tmp_path / "x.ipynb"
    bad.write_text("{ not json")
    proc = run("check", str(bad))
    assert proc.returncode == 2 and "cannot read" in proc.stderr


def test_open_roots_jupyterlab_at_the_course_on_the_learners_copy(tmp_path, capsys):
    import shutil
    for folder in ("chapters", "source"):
        (tmp_path / folder).mkdir()
    shutil.copyfile(ROOT / "chapters" / "00_start_here.ipynb", tmp_path / "chapters" / "00_start_here.ipynb")
    assert cli.main(["--root", str(tmp_path), "open", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "my-work" / "00_start_here.ipynb").exists()
    assert f"--ServerApp.root_dir={tmp_path}" in out and "my-work/00_start_here.ipynb" in out
    assert ("--allow-root" in out) == (os.geteuid() == 0)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_open_starts_jupyterlab_and_prints_its_address(tmp_path):
    """The real thing (as root too, when the tests run as root): the address appears within a minute."""
    import shutil
    for folder in ("chapters", "source"):
        (tmp_path / folder).mkdir()
    shutil.copyfile(ROOT / "chapters" / "00_start_here.ipynb", tmp_path / "chapters" / "00_start_here.ipynb")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "cfg"))
    proc = subprocess.Popen([sys.executable, "-m", "dlmath", "--root", str(tmp_path), "open", "--no-browser",
                             "--port", str(free_port())], env=env, stdout=subprocess.PIPE, text=True)
    try:
        deadline, seen = time.time() + 90, []
        while time.time() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            seen.append(line)
            if "/lab" in line and "token=" in line:
                break
        text = "".join(seen)
        assert "The course is open at" in text, text
        assert "http://" in text and "token=" in text
    finally:
        proc.terminate()  # dlmath passes it on to JupyterLab
        proc.wait(timeout=30)
    server = [p for p in (tmp_path / "runtime").glob("jpserver-*.json")]
    assert not server or all(not _alive(json.loads(p.read_text())["pid"]) for p in server), "JupyterLab left running"


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_progress_and_reset_from_the_command_line(tmp_path):
    env = dict(os.environ, DLMATH_PROGRESS=str(tmp_path / "p.json"))
    proc = run("progress", env=env)
    assert proc.returncode == 0 and "next to do: 00.neuron_parameters" in proc.stdout
    proc = run("--root", str(tmp_path), "reset", "99", env=env)
    assert proc.returncode == 2 and "dlmath:" in proc.stderr



# ---------------------------------------------------------------- the command in Chinese

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_help_speaks_the_language_asked_for_even_before_the_arguments_are_read():
    english, chinese = run("--help"), run("--lang", "zh", "--help")
    assert english.returncode == chinese.returncode == 0
    assert "dlmath update [NN]" in chinese.stdout and "供教师使用" in chinese.stdout and not CJK.search(
        english.stdout.replace("中文", ""))
    sub = run("open", "--lang", "zh", "--help").stdout  # the subcommand's --lang counts too
    assert "只打印地址" in sub and "--no-browser" in sub


def test_check_prints_its_verdicts_and_the_kernels_hints_in_chinese(learner_notebook):
    proc = run("--lang", "zh", "check", str(learner_notebook))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith("✅ 01.max_sigmoid_slope：正确") for line in lines), proc.stdout
    wrong = next(line for line in lines if line.startswith("❌ 01.weighted_input：还不对"))
    assert CJK.search(wrong.split("还不对", 1)[1]), wrong  # the hint the kernel computed: in Chinese too
    assert "1 道正确，1 道还不对，1 道尚未作答" in proc.stdout
    assert proc.stdout.startswith("正在运行")


def test_errors_and_progress_in_chinese_by_flag_and_by_the_remembered_choice(tmp_path):
    from dlmath.course.workspace import remember_language
    tiny_course(tmp_path)
    (tmp_path / "chapters" / "zh").mkdir()
    (tmp_path / "chapters" / "zh" / "01_one.ipynb").write_bytes((tmp_path / "chapters" / "01_one.ipynb").read_bytes())
    env = dict(os.environ, DLMATH_PROGRESS=str(tmp_path / "p.json"))
    proc = run("--root", str(tmp_path), "--lang", "zh", "reset", "99", env=env)
    assert proc.returncode == 2 and proc.stderr.startswith("dlmath：没有第 '99' 章"), proc.stderr
    proc = run("--root", str(tmp_path), "reset", "99", env=env)
    assert proc.returncode == 2 and "there is no chapter '99'" in proc.stderr, proc.stderr
    remember_language(tmp_path, "zh")  # as `dlmath open --lang zh` does
    proc = run("--root", str(tmp_path), "progress", env=env)
    assert proc.returncode == 0 and "下一步：00.neuron_parameters" in proc.stdout, proc.stdout
    proc = run("--root", str(tmp_path), "restore", "01", env=env)
    assert proc.returncode == 1 and "没有第 01 章的备份" in proc.stdout + proc.stderr, proc.stdout + proc.stderr


# ---------------------------------------------------------------- reset and restore while JupyterLab has it open

def tiny_course(root):
    """A course of one chapter with one exercise, as the build makes it."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    text = '# %% [markdown]\n# # One\n\n# %%\n### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION\n\n# %%\ncheck("01.alpha", answer)\n'
    for folder in ("chapters", "source"):
        (root / folder).mkdir(parents=True)
    (root / "source" / "01_one.py").write_text(text, encoding="utf-8")
    nb = build.notebook("01_one", build.parse(text), answered=False)
    (root / "chapters" / "01_one.ipynb").write_text(build.dumps(nb), encoding="utf-8")


def test_reset_warns_and_asks_when_jupyterlab_has_the_notebook_open_and_restore_undoes_it(tmp_path):
    """Issue 19: `dlmath reset` with the notebook open in JupyterLab gave no warning, and the tab then
    offered to save the old cells over the fresh copy. A real JupyterLab with a session on the copy."""
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    import labharness
    tiny_course(tmp_path / "course")
    lab = labharness.JupyterLab(notebooks=tmp_path / "course")
    try:
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(lab.tmp / "runtime"))  # where the lab said it runs
        dlmath = ["--root", str(lab.root)]
        run(*dlmath, "open", "--dry-run", env=env)
        copy = lab.root / "my-work" / "01_one.ipynb"
        nb = nbformat.read(str(copy), as_version=4)
        nb.cells[1].source = "answer = 42  # mine"
        nbformat.write(nb, str(copy))
        mine = copy.read_bytes()
        lab.api("POST", "/api/sessions", {"path": "my-work/01_one.ipynb", "type": "notebook", "name": "",
                                          "kernel": {"name": "python3"}})

        said = subprocess.run([sys.executable, "-m", "dlmath", *dlmath, "reset", "01"], input="n\n", env=env,
                              capture_output=True, text=True, timeout=120)
        assert "is open in JupyterLab" in said.stdout and "Reload Notebook from Disk" in said.stdout
        assert "reset anyway? [y/N]" in said.stdout and "nothing changed" in said.stdout and said.returncode == 1
        assert copy.read_bytes() == mine and not (lab.root / "my-work" / "backups").exists()

        said = subprocess.run([sys.executable, "-m", "dlmath", *dlmath, "reset", "01"], input="y\n", env=env,
                              capture_output=True, text=True, timeout=120)
        assert said.returncode == 0 and "dlmath restore 01" in said.stdout
        assert "# mine" not in copy.read_text(encoding="utf-8")

        listed = run(*dlmath, "restore", "01", "--list", env=env).stdout
        assert "1. my-work/backups/01_one.20" in listed
        said = run(*dlmath, "restore", "01", "--yes", env=env)
        assert said.returncode == 0 and "is open in JupyterLab" in said.stdout
        assert copy.read_bytes() == mine  # the answers are back
        assert len(list((lab.root / "my-work" / "backups").glob("01_one.*.ipynb"))) == 2  # and nothing lost

        lab.shutdown_kernels()  # closed: no question asked any more
        said = subprocess.run([sys.executable, "-m", "dlmath", *dlmath, "reset", "01"], input="", env=env,
                              capture_output=True, text=True, timeout=120)
        assert said.returncode == 0 and "open in JupyterLab" not in said.stdout
    finally:
        lab.stop()
