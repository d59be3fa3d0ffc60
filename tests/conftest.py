import os
import tempfile

import matplotlib
import pytest

matplotlib.use("Agg")  # headless: tests drive the figures without a screen

# Checks made by the tests must never touch the tester's own progress file.
os.environ["DLMATH_PROGRESS"] = os.path.join(tempfile.mkdtemp(prefix="dlmath-test-"), "progress.json")


@pytest.fixture
def full_redraws(monkeypatch):
    """full_redraws(explorer): draw it once, as its first display does, then return a list that gets
    an entry for every full redraw the explorer asks for (every move it does not blit)."""
    def watch(explorer):
        canvas = explorer.fig.canvas
        canvas.draw()
        full = []
        draw = canvas.draw
        monkeypatch.setattr(canvas, "draw", lambda: full.append(1) or draw())
        return full
    return watch


@pytest.fixture(scope="session")
def built_book(tmp_path_factory):
    """The book, built once for the session (tools/build_book.py, both editions, without the PDF): its
    html/ folder, the English site, with the Chinese one in html/zh/."""
    import importlib.util
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("build_book", root / "tools" / "build_book.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("book")
    module.build_book(out, make_pdf=False)
    return out / "html"
