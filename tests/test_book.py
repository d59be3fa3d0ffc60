"""The static book of the solutions: built in the suite, every figure an image, nothing fetched online."""
import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))
spec = importlib.util.spec_from_file_location("build_book", ROOT / "tools" / "build_book.py")
book = importlib.util.module_from_spec(spec)
spec.loader.exec_module(book)

# everything a page would load by itself: scripts, images, stylesheets, fonts, frames, ES imports
REQUESTS = re.compile(r"""(?:\bsrc\s*=\s*["']?|<link\b[^>]*\bhref\s*=\s*["']?|url\(\s*["']?|@import\s+["']?"""
                      r"""|\bimport\s*\(?\s*["']|\bfrom\s+["'])([^"')\s>]+)""", re.I)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("book")
    book.build_book(out)
    return out


def test_index_lists_every_chapter_in_order(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<li><a href="([^"]+)"', index)
    assert links == [f"{p.stem}.html" for p in SOLUTIONS]
    assert all((built / link).exists() for link in links)


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_every_figure_is_an_image(built, path):
    page = (built / f"{path.stem}.html").read_text(encoding="utf-8")
    nb = nbformat.read(str(path), as_version=4)
    figures = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.outputs
                  if "image/png" in o.get("data", {}))
    assert figures, f"{path.name} stores no figure"
    images = re.findall(r"<img\b[^>]*\bsrc=\"data:image/png;base64,", page)
    assert len(images) >= figures, f"{len(images)} images in the page for {figures} figures"
    assert "Error displaying widget" not in page and "widget-view+json" not in page


@pytest.mark.parametrize("name", ["index"] + [p.stem for p in SOLUTIONS])
def test_no_page_asks_for_a_network_address(built, name):
    page = (built / f"{name}.html").read_text(encoding="utf-8")
    for target in REQUESTS.findall(page):
        assert not re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", target, re.I) or target.startswith("data:"), target
        if not target.startswith(("data:", "#")):
            local = target.split("?")[0].split("#")[0]
            assert (built / local).exists(), f"{name}.html loads {target}, which the book does not have"


def test_mathjax_is_shipped_with_the_book(built):
    page = (built / f"{SOLUTIONS[0].stem}.html").read_text(encoding="utf-8")
    url = re.search(r'<script src="(mathjax/MathJax\.js\?config=([\w-]+))', page)
    assert url, "the page does not load the book's own MathJax"
    assert (built / "mathjax" / "config" / f"{url[2]}.js").exists()
    assert list((built / "mathjax" / "fonts" / "HTML-CSS" / "STIX-Web" / "woff").glob("*.woff"))
    assert "cdnjs" not in page and "cdn.mathjax" not in page


def test_links_between_chapters_point_to_pages(built):
    for path in SOLUTIONS:
        page = (built / f"{path.stem}.html").read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*\.ipynb', page), path.stem
