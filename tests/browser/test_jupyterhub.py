"""A class on a real JupyterHub (issue 22), as docs/teaching.md sets it up: docs/jupyterhub_config.py,
configurable-http-proxy from npm, nbgitpuller, the course pulled from a git repository.

Two students log in through the hub in Chromium and follow the nbgitpuller link: each lands on their own
copy of chapter 01. One answers an exercise rightly, the other wrongly; the course is then updated
upstream, the link is followed again (nbgitpuller merges), the answers are still there, Run All checks
them, and each student's progress is their own. The teacher grades the students' copies with
`dlmath class grade`: 1 and 0. Every process the test started is stopped at the end.
"""
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import nbformat
import pytest

from labharness import ACTIVE_NOTEBOOK_JS, copy_of_the_course, free_port, run_all_cells

ROOT = Path(__file__).resolve().parents[2]
EXERCISE, CHAPTER = "01.weighted_input", "01_neurons_step_sigmoid.ipynb"


def find_chp():
    """configurable-http-proxy: $DLMATH_CHP, on the PATH, or where .ci/run installs it (node_modules/)."""
    for candidate in (os.environ.get("DLMATH_CHP"), shutil.which("configurable-http-proxy"),
                      str(ROOT / "node_modules" / ".bin" / "configurable-http-proxy")):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "init.defaultBranch=main",
                    *args], cwd=cwd, check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    chp = find_chp()
    if chp is None:
        message = "configurable-http-proxy not found: `npm install --prefix . configurable-http-proxy` (.ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    pytest.importorskip("jupyterhub")
    pytest.importorskip("nbgitpuller")
    tmp = tmp_path_factory.mktemp("hub")
    course = copy_of_the_course(tmp / "upstream" / "course")  # what the teacher publishes: the course as tracked
    git("init", "-q", cwd=course)
    git("add", "-A", cwd=course)
    git("commit", "-qm", "the course", cwd=course)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_", "DLMATH_"))}
    env.update(DLMATH_HUB_URL=f"http://127.0.0.1:{port}", DLMATH_HUB_INTERNAL_URL=f"http://127.0.0.1:{free_port()}",
               DLMATH_HUB_PROXY_API=f"http://127.0.0.1:{free_port()}", DLMATH_CHP=chp,
               DLMATH_HUB_STATE=str(tmp / "state"), DLMATH_HUB_HOMES=str(tmp / "homes"),
               DLMATH_HUB_PASSWORD="class-password",
               # the test's one hook: JupyterLab exposes its app object, so the page can say what is open
               DLMATH_HUB_SERVER_ARGS="--LabApp.expose_app_in_browser=True")
    log = open(tmp / "hub.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(ROOT / "docs" / "jupyterhub_config.py")],
                            cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{base}/hub/api", timeout=2)
            break
        except Exception:
            assert proc.poll() is None, (tmp / "hub.log").read_text(errors="replace")[-3000:]
            time.sleep(0.5)
    else:
        raise AssertionError("the hub did not start:\n" + (tmp / "hub.log").read_text(errors="replace")[-3000:])
    try:
        yield {"base": base, "course": course, "homes": tmp / "homes", "tmp": tmp, "proc": proc}
    finally:
        proc.send_signal(signal.SIGTERM)  # the hub stops the students' servers and its proxy
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
        # the hub has exited; the students' servers it told to stop may still be closing their kernels
        deadline = time.monotonic() + 30
        while True:
            left = subprocess.run(["pgrep", "-af", str(tmp)], capture_output=True, text=True).stdout.splitlines()
            if not left or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        for line in left:
            os.kill(int(line.split()[0]), signal.SIGKILL)
        assert not left, "processes left running 30 s after the hub stopped:\n" + "\n".join(left)


def link(hub, chapter="01"):
    """The nbgitpuller link of docs/teaching.md."""
    query = urllib.parse.urlencode({"repo": f"file://{hub['course']}", "branch": "main",
                                    "urlpath": f"dlmath/open/{chapter}"})
    return f"{hub['base']}/hub/user-redirect/git-pull?{query}"


def follow_link(page, hub):
    page.goto(link(hub))
    return page.wait_for_function(ACTIVE_NOTEBOOK_JS, timeout=240_000, polling=300).json_value()


def log_in(page, hub, student):
    page.goto(f"{hub['base']}/hub/login")
    page.fill("input[name=username]", student)
    page.fill("input[name=password]", "class-password")
    page.click("[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url, timeout=120_000)


def set_answer(path, source):
    nb = nbformat.read(str(path), as_version=4)
    next(c for c in nb.cells if c.id == "answer-" + EXERCISE.replace(".", "-", 1)).source = source
    nbformat.write(nb, str(path))


def test_two_students_on_a_jupyterhub_get_the_course_answer_and_are_graded(hub, browser, tmp_path):
    solution = nbformat.read(str(ROOT / "solutions" / CHAPTER), as_version=4)
    right = next(c.source for c in solution.cells if c.id == "answer-" + EXERCISE.replace(".", "-", 1))
    answers = {"alice": right, "bob": right.replace("=", "= -1 + ", 1)}  # bob's is off by one
    pages = {}
    for student in answers:  # first visit: log in, follow the link, land on your own copy
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.set_default_timeout(120_000)
        pages[student] = page = context.new_page()
        log_in(page, hub, student)
        assert follow_link(page, hub) == f"course/my-work/{CHAPTER}"
        copy = hub["homes"] / student / "course" / "my-work" / CHAPTER
        assert copy.exists()
        set_answer(copy, answers[student])

    # the teacher updates the course: chapter 01's text changes, rebuilt and pushed
    source = hub["course"] / "source" / "01_neurons_step_sigmoid.py"
    source.write_text(source.read_text(encoding="utf-8").replace("# # 01 ", "# # 01 (updated) ", 1), encoding="utf-8")
    subprocess.run([sys.executable, "tools/build_notebooks.py", "01", "--no-execute"], cwd=hub["course"],
                   check=True, capture_output=True, timeout=300)
    git("commit", "-qam", "chapter 01, updated", cwd=hub["course"])

    for student, page in pages.items():  # the link again: nbgitpuller merges, the answers stay
        assert follow_link(page, hub) == f"course/my-work/{CHAPTER}"
        home = hub["homes"] / student
        assert "(updated)" in (home / "course" / "chapters" / CHAPTER).read_text(encoding="utf-8")
        copy = home / "course" / "my-work" / CHAPTER
        assert answers[student] in copy.read_text(encoding="utf-8")
        page.reload()
        page.wait_for_function(ACTIVE_NOTEBOOK_JS, timeout=120_000, polling=300)
        state = run_all_cells(page)
        assert not state["errors"], state["errors"]
        shown = page.evaluate("""() => JSON.stringify(window.jupyterapp.shell.currentWidget.content.widgets
            .find(w => w.model.type === 'code').model.outputs.toJSON())""")  # the chapter's first code cell
        assert "has a new version" in shown and "dlmath update 01" in shown  # said at the top of the chapter
        progress = json.loads((home / ".dlmath" / "progress.json").read_text(encoding="utf-8"))
        assert bool(progress[EXERCISE].get("solved")) == (student == "alice")  # each student's own
        page.context.close()

    # the teacher grades the students' copies
    submissions = tmp_path / "submissions"
    for student in answers:
        shutil.copytree(hub["homes"] / student / "course" / "my-work", submissions / student)
    out = tmp_path / "grades.csv"
    subprocess.run([sys.executable, "-m", "dlmath", "--root", str(ROOT), "class", "grade", str(submissions),
                    "--out", str(out), "--jobs", "2"], check=True, capture_output=True, timeout=600)
    with open(out, newline="", encoding="utf-8") as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    assert rows["alice"][EXERCISE] == "1" and rows["bob"][EXERCISE] == "0"
