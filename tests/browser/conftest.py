"""One JupyterLab server and one Chromium for the whole session; a fresh browser context per notebook.

Without Chromium the browser tests are skipped on a developer's machine and fail in CI (CI=true).
"""
import atexit
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import labharness  # noqa: E402

SCREENSHOTS = Path(__file__).parent / "screenshots"
CONSOLE_NOISE = ("Disabling terminals plugin",  # the test server runs without terminals
                 "willReadFrequently")  # Chromium's hint about our own reads of the canvas pixels
_screenshots = []


def _unavailable(reason):
    """Fail in CI, skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}. CI must run them: .ci/run installs "
                    f"Chromium with `{labharness.INSTALL_HINT}`.", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}; install it with `{labharness.INSTALL_HINT}`")


@pytest.fixture(scope="session")
def chromium_path():
    path = labharness.find_chromium()
    if path is None:
        _unavailable("Chromium not found (looked for $DLMATH_CHROMIUM, "
                     + ", ".join(labharness.CHROMIUM_CANDIDATES) + ")")
    return path


@pytest.fixture(scope="session")
def lab(chromium_path):
    server = labharness.JupyterLab()
    atexit.register(server.stop)  # also if the session is interrupted before the teardown
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser(chromium_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the Python package playwright is not installed (pip install -r requirements.txt)")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=labharness.CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def lab_page(lab, browser):
    """A fresh page (own context: no cookies, storage or cache shared with other notebooks)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(60_000)
    page = context.new_page()
    console = []  # the browser's own errors and warnings: printed, so a failing test shows them

    def on_console(message):
        if message.type in ("error", "warning") and not any(n in message.text for n in CONSOLE_NOISE):
            console.append(f"console {message.type}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda err: console.append(f"page error: {err}"))
    try:
        yield page
    finally:
        if console:
            print("browser console:\n  " + "\n  ".join(line[:500] for line in console[-30:]))
        context.close()
        lab.shutdown_kernels()


@pytest.fixture
def screenshot_path():
    SCREENSHOTS.mkdir(exist_ok=True)

    def path_for(name):
        path = SCREENSHOTS / f"{name}.png"
        _screenshots.append(path)
        return path

    return path_for


def pytest_terminal_summary(terminalreporter):
    written = [p for p in _screenshots if p.exists()]
    if written:
        terminalreporter.write_sep("-", "browser screenshots")
        for path in written:
            terminalreporter.write_line(str(path))
