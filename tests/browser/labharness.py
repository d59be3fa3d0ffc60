"""JupyterLab in Chromium, for the browser tests (tests/browser) and the latency benchmark (bench/).

A private `jupyter lab` server (random port and token, temp root/config/data/settings/workspaces dirs,
no news, no update check) and helpers that drive a notebook in it with Playwright: open, Run All Cells
from the Run menu, wait for the kernel, find each slider with the ipympl canvas of its own output area,
read that canvas's pixels.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHAPTERS = REPO / "chapters"

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INSTALL_HINT = "sudo apt-get install chromium"


def find_chromium() -> str | None:
    """Debian's Chromium: $DLMATH_CHROMIUM if set, else /usr/bin/chromium or one on the PATH."""
    wanted = os.environ.get("DLMATH_CHROMIUM")
    for candidate in ([wanted] if wanted else CHROMIUM_CANDIDATES):
        path = candidate if os.path.isabs(candidate) else shutil.which(candidate)
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterLab:
    """`jupyter lab` on 127.0.0.1 with a random port and token, serving a temp copy of `notebooks`.

    Nothing of the tester's is read or written: Jupyter's config, data, settings and workspace dirs and
    the course's progress file all live in one temp folder, removed by `stop()`.
    """

    def __init__(self, notebooks=CHAPTERS, startup_timeout=90.0):
        self.tmp = Path(tempfile.mkdtemp(prefix="dlmath-lab-"))
        self.root = self.tmp / "root"
        shutil.copytree(notebooks, self.root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        self.port, self.token = free_port(), secrets.token_hex(24)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = self.tmp / "jupyter-lab.log"
        config, settings = self.tmp / "config", self.tmp / "settings"
        # No news or announcements toast over the notebook, and nothing restored from a workspace.
        (config / "labconfig").mkdir(parents=True)
        (config / "labconfig" / "page_config.json").write_text(json.dumps(
            {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
        env = dict(os.environ,
                   DLMATH_PROGRESS=str(self.tmp / "progress.json"),
                   JUPYTER_CONFIG_DIR=str(config),
                   JUPYTER_DATA_DIR=str(self.tmp / "data"),
                   JUPYTER_RUNTIME_DIR=str(self.tmp / "runtime"),
                   IPYTHONDIR=str(self.tmp / "ipython"))
        for name in ("JUPYTER_PATH", "MPLBACKEND"):  # the notebooks choose their own backend
            env.pop(name, None)
        command = [sys.executable, "-m", "jupyter", "lab", "--no-browser",
                   "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
                   "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
                   f"--ServerApp.root_dir={self.root}",
                   "--LabApp.news_url=None",
                   "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                   f"--LabApp.user_settings_dir={settings}",
                   f"--LabApp.workspaces_dir={self.tmp / 'workspaces'}",
                   "--LabApp.extension_manager=readonly",
                   "--ServerApp.terminals_enabled=False",
                   "--LabApp.expose_app_in_browser=True"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI often run as root
            command.append("--allow-root")
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, cwd=self.root, env=env, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_until_up(startup_timeout)
        except BaseException:
            self.stop()
            raise

    def _wait_until_up(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.api("GET", "/api/status", timeout=2)
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
        raise TimeoutError(f"jupyter lab did not answer on {self.base} within {timeout:.0f} s:\n"
                           f"{self.log_tail()}")

    def log_tail(self, n=40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"

    def api(self, method, path, body=None, timeout=30):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Authorization": f"token {self.token}",
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
        return json.loads(text) if text else None

    def url(self, notebook: str) -> str:
        # `reset`: start from an empty workspace, not with the tabs an earlier page left open
        return f"{self.base}/lab/tree/{urllib.parse.quote(notebook)}?reset&token={self.token}"

    def shutdown_kernels(self):
        """End every kernel of the server (each notebook gets a fresh one; keeps 2 cores free)."""
        for session in self.api("GET", "/api/sessions"):
            try:
                self.api("DELETE", f"/api/sessions/{session['id']}")
            except urllib.error.HTTPError:
                pass

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=10)
        self._log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


# ---------------------------------------------------------------- the page side (JupyterLab in Chromium)

# The notebook's state from JupyterLab's own model (the server runs with expose_app_in_browser):
# document loaded, kernel status, each code cell's execution count and every error output.
NOTEBOOK_STATE_JS = """() => {
  const app = window.jupyterapp, panel = app && app.shell.currentWidget;
  if (!panel || !panel.context || !panel.context.isReady || !panel.sessionContext || !panel.content) return null;
  const session = panel.sessionContext.session, kernel = session && session.kernel;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  const errors = [];
  cells.forEach((c, i) => c.model.outputs.toJSON().forEach(o => {
    if (o.output_type === 'error') errors.push(`code cell ${i + 1}: ${o.ename}: ${o.evalue}`);
  }));
  return {kernel: kernel ? kernel.status : null, codeCells: cells.length,
          counts: cells.map(c => c.model.executionCount), errors};
}"""

# The path of the notebook JupyterLab shows, once it is loaded and its kernel idle (else null).
ACTIVE_NOTEBOOK_JS = """() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  return w && w.context && w.context.isReady && w.sessionContext && w.sessionContext.session
         && w.sessionContext.session.kernel && w.sessionContext.session.kernel.status === 'idle'
         ? w.context.path : null; }"""


def copy_of_the_course(dest):
    """The course as a fresh clone has it (its tracked files, no my-work/), copied into `dest`."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    for name in listed:
        if (REPO / name).is_file() and not name.startswith("my-work/"):
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, dest / name)
    return dest


# Tracebacks printed to stderr (or an error output, which JupyterLab renders with the stderr type).
STDERR_TRACEBACKS_JS = """() => Array.from(document.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
  .map(e => e.innerText).filter(t => /Traceback|Error\\b/.test(t)).map(t => t.slice(0, 2000))"""

# The canvases a slider drives: those in the slider's own output (an Explorer puts its controls and
# its figure in one VBox), else in its cell's output area. An Explorer's figure (`.dlmath-figure`), or
# the image canvas of an ipympl figure (not its transparent rubber-band canvas on top).
FIGURE_CANVASES_JS = """(slider) => {
  const sel = '.dlmath-figure > canvas, .jupyter-matplotlib .jupyter-matplotlib-canvas-div > canvas:first-of-type';
  for (const scope of ['.jp-OutputArea-output', '.jp-OutputArea']) {
    const area = slider.closest(scope);
    const found = area ? Array.from(area.querySelectorAll(sel)) : [];
    if (found.length) return found;
  }
  return [];
}"""

# A fingerprint of what a canvas shows: an FNV-1a hash of its pixels, and how many are not white.
CANVAS_SIGNATURE_JS = """(canvas) => {
  if (!canvas.width || !canvas.height) return {hash: 'empty', ink: 0};
  const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let h = 0x811c9dc5, ink = 0;
  for (let i = 0; i < d.length; i += 4) {
    const px = d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24);
    h = Math.imul(h ^ px, 0x01000193);
    if (d[i + 3] !== 0 && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) ink++;
  }
  return {hash: (h >>> 0).toString(16) + 'x' + canvas.width + 'x' + canvas.height, ink};
}"""

SLIDER_SELECTOR = ".jp-NotebookPanel .widget-slider"  # every ipywidgets slider: float, int, log, range
DROPDOWN_SELECTOR = ".jp-NotebookPanel .widget-dropdown"


def notebook_state(page):
    return page.evaluate(NOTEBOOK_STATE_JS)


def open_notebook(page, lab, notebook, timeout_s=120):
    """Open `notebook` in JupyterLab and wait until it is loaded and its kernel is idle."""
    page.goto(lab.url(notebook))
    page.wait_for_function(f"(() => {{ const s = ({NOTEBOOK_STATE_JS})(); return s && s.kernel === 'idle'; }})()",
                           timeout=timeout_s * 1000, polling=200)


def run_all_cells(page, timeout_s=300):
    """Run → Run All Cells from the menu bar, then wait until every code cell has an execution count
    (or a cell failed, which stops the run) and the kernel is idle. Returns the notebook state."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(
        f"""(() => {{ const s = ({NOTEBOOK_STATE_JS})();
              return s && s.kernel === 'idle' && (s.errors.length > 0 || s.counts.every(c => c !== null)); }})()""",
        timeout=timeout_s * 1000, polling=200)
    return notebook_state(page)


def figure_signature(page, slider):
    """The pixels of every figure `slider` drives, as one comparable value; None if it drives none."""
    return page.evaluate(f"""(slider) => {{
        const canvases = ({FIGURE_CANVASES_JS})(slider);
        if (!canvases.length) return null;
        const sigs = canvases.map({CANVAS_SIGNATURE_JS});
        return {{hash: sigs.map(s => s.hash).join('|'), ink: Math.min(...sigs.map(s => s.ink))}};
    }}""", slider)


def show_output(page, slider):
    """Scroll the slider's whole output (controls and figure) into view, as a learner looks at it.
    Needed more than once: JupyterLab renders off-screen cells lazily (content-visibility), and cells
    above that get their real height later push the figure out of view again."""
    page.evaluate("el => (el.closest('.jp-OutputArea-output') || el).scrollIntoViewIfNeeded(false)", slider)


def wait_until_figure_settles(page, slider, timeout_s=60, quiet_polls=3, poll_s=0.15):
    """Wait, with the figure in view, until it has been drawn (some non-white pixels), the kernel is
    idle and the pixels stay the same over `quiet_polls` polls in a row; returns that signature."""
    deadline, last, same = time.monotonic() + timeout_s, None, 0
    while True:
        show_output(page, slider)
        sig = figure_signature(page, slider)
        state = notebook_state(page)
        ready = sig is not None and sig["ink"] > 0 and state and state["kernel"] == "idle"
        same = same + 1 if ready and sig == last else 0
        if same >= quiet_polls:
            return sig
        if time.monotonic() > deadline:
            if sig is not None and sig["ink"] == 0:
                raise TimeoutError(f"the figure's canvas stayed blank for {timeout_s} s: ipympl never drew "
                                   f"it (canvas {sig['hash'].split('x', 1)[1]}, kernel {state and state['kernel']})")
            raise TimeoutError(f"the figure never settled within {timeout_s} s: last signature {sig}, "
                               f"kernel {state and state['kernel']}")
        last = sig
        page.wait_for_timeout(poll_s * 1000)


def wait_for_figure_change(page, slider, before, timeout_s=20):
    """True as soon as the figure's pixels differ from `before`; False after `timeout_s`."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"""([slider, before]) => {{
            const canvases = ({FIGURE_CANVASES_JS})(slider);
            return canvases.length && canvases.map({CANVAS_SIGNATURE_JS}).map(s => s.hash).join('|') !== before;
        }}""", arg=[slider, before["hash"]], timeout=timeout_s * 1000, polling="raf")
        return True
    except PlaywrightTimeout:
        return False


def drag_slider(page, slider, steps=30, step_ms=16):
    """Drag the slider's handle with the mouse most of the way across (to 10 % or 90 % of its track,
    whichever is farther), `steps` moves about `step_ms` apart (a quick hand: ~60 moves a second)."""
    show_output(page, slider)
    handle = slider.query_selector(".noUi-handle")
    track = slider.query_selector(".noUi-target").bounding_box()
    box = handle.bounding_box()
    x0, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    far = track["x"] + track["width"] * (0.1 if x0 > track["x"] + track["width"] / 2 else 0.9)
    page.mouse.move(x0, y)
    page.mouse.down()
    for k in range(1, steps + 1):
        page.mouse.move(x0 + (far - x0) * k / steps, y)
        page.wait_for_timeout(step_ms)
    page.mouse.up()


def step_there_and_back(page, slider):
    """One key press away and one back to the same value (left first, unless the slider is at its
    minimum), each waited for on the figure; returns the figure's signature at the end, which must
    be the picture of the value it had before."""
    handle = slider.query_selector(".noUi-handle")
    at_min = float(handle.get_attribute("aria-valuenow")) <= float(handle.get_attribute("aria-valuemin"))
    handle.focus()
    for key in ("ArrowRight", "ArrowLeft") if at_min else ("ArrowLeft", "ArrowRight"):
        before = wait_until_figure_settles(page, slider)
        page.keyboard.press(key)
        wait_for_figure_change(page, slider, before, timeout_s=10)
    return wait_until_figure_settles(page, slider)
