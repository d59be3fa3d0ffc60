"""The static book in Chromium with the network cut off: every page typesets its maths and asks for
nothing beyond its own folder."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [p.stem for p in sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("build_book", ROOT / "tools" / "build_book.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("book")
    module.build_book(out)
    return out


@pytest.mark.parametrize("name", PAGES)
def test_page_typesets_its_maths_offline(browser, book, name):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    asked = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file:", "data:")):
            request_route.continue_()
        else:
            asked.append(url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    try:
        page.goto((book / f"{name}.html").as_uri())
        page.wait_for_function("window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0 "
                               "&& MathJax.Hub.queue.running === 0", timeout=60_000)
        page.wait_for_timeout(300)
        typeset = page.locator(".MathJax, .MathJax_Display, .MathJax_CHTML").count()
        raw = page.evaluate("""() => [...document.querySelectorAll('.jp-RenderedMarkdown')]
                                 .map(e => e.innerText).join('\\n')""")
        images = page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length")
    finally:
        context.close()
    assert asked == [], f"{name}.html asked the network for {asked[:3]}"
    assert typeset > 0, "no formula was typeset"
    assert raw.count("$") < 2, "a formula was left as raw $…$"
    assert images > 0, "no figure shows"
