"""The issue's "done when", automated: a learner works, the course is updated upstream, `git pull`.

A temporary upstream repository holds the course as it is now; the learner clones it, opens it (copies
in my-work/), answers exercises in two chapters, and records progress. Upstream then changes chapter 00
and rebuilds it. The learner's `git pull` must go through with no conflict, leave the answers as they
were, and the next `dlmath open` must tell the learner and put the new version beside their copy.
The build's drift check and the notebook tests then pass in that very checkout: they read only the
pristine chapters/ and solutions/.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")


def sh(*args, cwd, env=None, check=True):
    proc = subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if check:
        assert proc.returncode == 0, f"{args}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def git(*args, cwd):
    return sh(GIT, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "init.defaultBranch=main",
              *args, cwd=cwd)


def answer(path, replacements):
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        for stub, mine in replacements.items():
            cell.source = cell.source.replace(stub, mine)
    nbformat.write(nb, str(path))


@pytest.fixture(scope="module")
def upstream(tmp_path_factory):
    """The course as tracked now (working tree, so uncommitted changes are in), as a fresh repository."""
    repo = tmp_path_factory.mktemp("upstream")
    files = sh(GIT, "ls-files", "-co", "--exclude-standard", cwd=ROOT).stdout.split("\n")
    for name in filter(None, files):
        if (ROOT / name).is_file() and not name.startswith("my-work/"):
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "the course", cwd=repo)
    return repo


def test_learner_works_upstream_changes_pull_is_clean_and_learner_is_told(upstream, tmp_path):
    learner = tmp_path / "learner"
    git("clone", "-q", str(upstream), str(learner), cwd=tmp_path)
    env = dict(os.environ, DLMATH_PROGRESS=str(tmp_path / "progress.json"))
    env.pop("DLMATH_NO_PROGRESS", None)
    dlmath = [sys.executable, "-m", "dlmath", "--root", str(learner)]

    # first session: the Learn command's `dlmath open` makes the learner's copies
    sh(*dlmath, "open", "--dry-run", cwd=learner, env=env)
    work = learner / "my-work"
    ch00, ch01 = work / "00_start_here.ipynb", sorted(work.glob("01_*.ipynb"))[0]
    # answers in two chapters; chapter 00 also run, as JupyterLab would, so its checks are remembered
    answer(ch00, {"n_parameters = ...": "n_parameters = 4", "restart_answer = ...": 'restart_answer = "b"'})
    answer(ch01, {"...": "0.25  # my answer"})
    from nbclient import NotebookClient
    nb = nbformat.read(str(ch00), as_version=4)
    old = os.environ.copy()
    os.environ.update(env)
    os.environ.pop("DLMATH_NO_PROGRESS", None)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(work)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    nbformat.write(nb, str(ch00))
    progress = json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))
    assert {"00.neuron_parameters", "00.restart_run_all"} <= {k for k, v in progress.items() if v.get("solved")}
    mine = {p.name: p.read_bytes() for p in (ch00, ch01)}
    assert sh(GIT, "status", "--porcelain", cwd=learner).stdout == ""  # my-work/ is not git's business

    # upstream: chapter 00 changes and is rebuilt by the maintainers' build
    source = upstream / "source" / "00_start_here.py"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "# Welcome to **The Mathematics of Deep Learning**.",
        "# Welcome to **The Mathematics of Deep Learning** (updated).", 1), encoding="utf-8")
    sh(sys.executable, "tools/build_notebooks.py", "00", cwd=upstream)
    git("commit", "-qam", "chapter 00: a better welcome", cwd=upstream)

    # second session: git pull goes through, the answers are intact, `dlmath open` tells the learner
    pull = git("pull", "-q", "--ff-only", cwd=learner)
    assert "CONFLICT" not in pull.stdout + pull.stderr
    assert {p.name: p.read_bytes() for p in (ch00, ch01)} == mine
    assert "(updated)" in (learner / "chapters" / "00_start_here.ipynb").read_text(encoding="utf-8")
    told = sh(*dlmath, "open", "--dry-run", cwd=learner, env=env).stdout
    assert "update: 00" in told and "00_start_here.updated.ipynb" in told
    assert "(updated)" in (work / "00_start_here.updated.ipynb").read_text(encoding="utf-8")
    assert {p.name: p.read_bytes() for p in (ch00, ch01)} == mine
    shown = sh(*dlmath, "progress", cwd=learner, env=env).stdout
    assert next(line for line in shown.splitlines() if line.startswith("00 ")).split()[3:6] == ["2", "/", "2"]

    # the build and the tests read only the pristine files: they pass in this very checkout
    assert "match source" in sh(sys.executable, "tools/build_notebooks.py", "--check", cwd=learner).stdout
    sh(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_build.py",
       "tests/test_notebooks.py", "-k", "drifted or (00_start_here and not nbval_solution)", cwd=learner)
