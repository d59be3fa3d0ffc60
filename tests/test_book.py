"""The book (issue 23): built with Sphinx + myst-nb, every chapter a page, every explorer a picture
player with its frames made at build time, nothing fetched from the network."""
import json
import re
from html import unescape
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))
EXPLORER = re.compile(r"^<\w*Explorer: ")
# everything a page would load by itself: scripts, images, stylesheets, fonts, ES imports
REQUESTS = re.compile(r"""(?:<(?:script|img|source|iframe)\b[^>]*\bsrc\s*=\s*["']?|<link\b[^>]*\bhref\s*=\s*["']?"""
                      r"""|url\(\s*["']?|@import\s+["']?)([^"')\s>]+)""", re.I)


def explorers_in(path):
    nb = nbformat.read(str(path), as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" for o in c.outputs
               if EXPLORER.match("".join(o.get("data", {}).get("text/plain", ""))))


def test_the_sidebar_lists_every_chapter_in_order(built_book):
    index = (built_book / "index.html").read_text(encoding="utf-8")
    nav = index[index.index('class="bd-sidebar-primary'):]
    links = list(dict.fromkeys(re.findall(r'href="(\d\d_[\w-]+\.html)"', nav)))
    assert links == [f"{p.stem}.html" for p in SOLUTIONS]
    assert all((built_book / link).exists() for link in links)


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_every_explorer_is_a_player_of_at_least_20_pictures(built_book, path):
    page = (built_book / f"{path.stem}.html").read_text(encoding="utf-8")
    players = re.findall(r'<div class="dlmath-player" data-frames="([^"]*)"(.*?)<img', page, re.S)
    assert explorers_in(path) and len(players) == explorers_in(path)
    for frames, controls in players:
        files = json.loads(unescape(frames))
        # ≥ 20 pictures, or every state of two controls that have fewer (a stride and a kernel size)
        assert len(files) >= 20 or controls.count('type="range"') == 2, len(files)
        assert len(set(files)) == len(files)
        assert all((built_book / f).stat().st_size > 1000 for f in files)
    assert "widget-view+json" not in page and "Error displaying widget" not in page
    assert re.search(r"<img\b", page)


@pytest.mark.parametrize("name", ["index", "search"] + [p.stem for p in SOLUTIONS])
def test_no_page_asks_for_a_network_address(built_book, name):
    page = (built_book / f"{name}.html").read_text(encoding="utf-8")
    for target in REQUESTS.findall(page):
        assert not re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", target, re.I), f"{name}.html loads {target}"
        if not target.startswith(("data:", "#")):
            local = target.split("?")[0].split("#")[0]
            assert (built_book / local).exists(), f"{name}.html loads {target}, which the book does not have"


def test_mathjax_is_shipped_with_the_book(built_book):
    page = (built_book / f"{SOLUTIONS[0].stem}.html").read_text(encoding="utf-8")
    url = re.search(r'src="(_static/mathjax/MathJax\.js\?config=([\w-]+))', page)
    assert url, "the page does not load the book's own MathJax"
    assert (built_book / "_static" / "mathjax" / "config" / f"{url[2]}.js").exists()
    assert "cdnjs" not in page and "cdn.mathjax" not in page and "cdn.jsdelivr" not in page


def test_links_between_chapters_point_to_pages(built_book):
    for path in SOLUTIONS:
        page = (built_book / f"{path.stem}.html").read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*\.ipynb', page), path.stem
    page = (built_book / "02_vectors_cauchy_schwarz.html").read_text(encoding="utf-8")
    assert re.search(r'<a[^>]*href="03_derivatives\.html[^"]*"', page)  # its "Next:"


def test_the_frames_are_made_by_the_build_not_stored_in_git():
    assert not list((ROOT / "tools" / "book").rglob("*.webp")) and not list((ROOT / "solutions").rglob("*.webp"))
