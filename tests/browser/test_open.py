"""The right door (issue 19): however JupyterLab is started on a fresh clone of the course, the page it
opens shows the learner's own copy, `my-work/00_start_here.ipynb` — also when the home folder holds a
JupyterLab workspace left from before with the *published* chapter 04 open — and opening it marks
nothing as changed and shows no Jupyter news toast.

Each case runs in a fresh copy of the course's tracked files with its own empty (or stale) home folder,
so nothing of the tester's is read or written.
"""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from labharness import ACTIVE_NOTEBOOK_JS, copy_of_the_course, free_port

ROOT = Path(__file__).resolve().parents[2]
STALE = "chapters/04_gradient_descent.ipynb"


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """The course as a fresh clone has it: the tracked files, no my-work/."""
    course = copy_of_the_course(tmp_path_factory.mktemp("clone") / "course")
    return course


def home_folder(tmp_path, stale):
    """An empty home, or one whose default JupyterLab workspace has the published chapter 04 open."""
    home = tmp_path / "home"
    (home / ".jupyter").mkdir(parents=True)
    # the only test hook: JupyterLab exposes its app object to the page, so the test can read which
    # document is active (in the learner's own config dir, which is this temp home's)
    (home / ".jupyter" / "jupyter_server_config.json").write_text(
        json.dumps({"LabApp": {"expose_app_in_browser": True}}), encoding="utf-8")
    if stale:
        from jupyterlab_server.workspaces_handler import WorkspacesManager
        widget = f"notebook:{STALE}"
        WorkspacesManager(home / ".jupyter" / "lab" / "workspaces").save("default", json.dumps({
            "data": {"layout-restorer:data": {"main": {"dock": {"type": "tab-area", "currentIndex": 0,
                                                                "widgets": [widget]}, "current": widget}},
                     widget: {"data": {"path": STALE, "factory": "Notebook"}}},
            "metadata": {"id": "default"}}))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_")) and k != "IPYTHONDIR"}
    env.update(HOME=str(home), DLMATH_PROGRESS=str(tmp_path / "progress.json"))
    return env


def start(command, cwd, env):
    """Start a command that starts JupyterLab; return (process, the address it printed)."""
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    deadline, seen = time.time() + 120, []
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        for word in line.split():
            if word.startswith("http://") and "token=" in word:
                return proc, word
    stop(proc)
    raise AssertionError("no address printed:\n" + "".join(seen))


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def active_notebook(browser, address):
    """The path of the document JupyterLab shows at `address`, and whether it is marked changed
    5 s after its kernel is ready, and how many toasts the page shows."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        page.goto(address)
        handle = page.wait_for_function(ACTIVE_NOTEBOOK_JS, timeout=120_000, polling=200)
        path = handle.json_value()
        time.sleep(5)
        dirty = page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.dirty")
        toasts = page.evaluate("() => document.querySelectorAll('.Toastify__toast').length")
        return path, dirty, toasts
    finally:
        context.close()


@pytest.mark.parametrize("stale", [False, True], ids=["empty-home", "stale-workspace"])
def test_dlmath_open_shows_the_learners_own_copy(clone, tmp_path, browser, stale):
    env = home_folder(tmp_path, stale)
    proc, address = start([sys.executable, "-m", "dlmath", "--root", str(clone), "open", "--no-browser",
                           "--port", str(free_port())], clone, env)
    try:
        assert "/lab/workspaces/dlmath/tree/my-work/00_start_here.ipynb?token=" in address
        path, dirty, toasts = active_notebook(browser, address)
        assert path == "my-work/00_start_here.ipynb"
        assert not dirty, "an untouched notebook was marked as changed on opening"
        assert toasts == 0, "a toast (Jupyter news?) covers the page"
        if stale:  # the premise: that home's own workspace does bring the published chapter 04 back
            base = address.split("/lab/")[0]
            token = address.split("token=")[1]
            assert active_notebook(browser, f"{base}/lab?token={token}")[0] == STALE
    finally:
        stop(proc)


def test_plain_jupyter_lab_in_the_course_opens_the_same_door(clone, tmp_path, browser):
    env = home_folder(tmp_path, stale=True)
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.port={free_port()}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    proc, address = start(command, clone, env)
    try:
        assert "/dlmath/open?token=" in address
        path, dirty, toasts = active_notebook(browser, address)
        assert path == "my-work/00_start_here.ipynb" and not dirty and toasts == 0
    finally:
        stop(proc)


def test_dlmath_open_lang_zh_opens_the_chinese_copy_in_a_chinese_jupyterlab(clone, tmp_path, browser):
    """Issue 21: `dlmath open --lang zh` on a fresh clone opens my-work/zh/00_start_here.ipynb, JupyterLab's
    own menus are Chinese (the language pack), and the notebook's checks answer in Chinese — the kernel
    reads the notebook's language from its metadata. A screenshot goes to tests/browser/screenshots/."""
    env = home_folder(tmp_path, stale=False)
    proc, address = start([sys.executable, "-m", "dlmath", "--root", str(clone), "open", "--lang", "zh",
                           "--no-browser", "--port", str(free_port())], clone, env)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        assert "/lab/workspaces/dlmath/tree/my-work/zh/00_start_here.ipynb?token=" in address
        page.goto(address)
        path = page.wait_for_function(ACTIVE_NOTEBOOK_JS, timeout=120_000, polling=200).json_value()
        assert path == "my-work/zh/00_start_here.ipynb"
        menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
        assert "文件" in menus and "编辑" in menus, f"JupyterLab's menus are not in Chinese: {menus}"
        page.wait_for_function("() => window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel"
                               "?.status === 'idle'", timeout=120_000, polling=200)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function("() => document.body.innerText.includes('尚未作答')", timeout=120_000, polling=500)
        shots = ROOT / "tests" / "browser" / "screenshots"
        shots.mkdir(exist_ok=True)
        page.screenshot(path=str(shots / "open_lang_zh.png"))
        headings = page.locator(".jp-MarkdownOutput h1, .jp-MarkdownOutput h2").all_text_contents()
        assert headings and all(any("\u4e00" <= ch <= "\u9fff" for ch in h) for h in headings), headings
        assert json.loads((clone / "my-work" / ".dlmath.json").read_text())["lang"] == "zh"
    finally:
        context.close()
        stop(proc)
