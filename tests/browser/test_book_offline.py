"""The book in Chromium with the network cut off (issue 23): no request leaves the book's folder, every
page typesets its maths and shows its figures, every explorer's range slider changes its picture,
search finds Cauchy in chapter 02, the dark scheme darkens the page, and at 390 px (a phone) no page
scrolls sideways."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [p.stem for p in sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))]


def offline_page(browser, asked, **options):
    context = browser.new_context(**options)

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file:", "data:", "about:")):
            request_route.continue_()
        else:
            asked.append(url)
            request_route.abort()

    context.route("**/*", route)
    return context, context.new_page()


@pytest.mark.parametrize("name", PAGES)
def test_page_offline_typesets_shows_and_every_slider_moves_its_picture(browser, built_book, name):
    asked = []
    context, page = offline_page(browser, asked, viewport={"width": 1440, "height": 900})
    try:
        page.goto((built_book / f"{name}.html").as_uri())
        page.wait_for_function("window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0 "
                               "&& MathJax.Hub.queue.running === 0", timeout=60_000)
        typeset = page.locator(".MathJax, .MathJax_Display").count()
        raw = page.evaluate("""() => { const prose = document.querySelector('article').cloneNode(true);
            prose.querySelectorAll('pre, code, script, .cell_output').forEach(e => e.remove());
            return prose.textContent; }""")  # the prose, not code that quotes a source
        moved = []
        for player in page.locator(".dlmath-player").all():
            img = player.locator("img")
            for k, slider in enumerate(player.locator("input[type=range]").all()):
                player.scroll_into_view_if_needed()
                before = img.get_attribute("src")
                slider.focus()
                page.keyboard.press("End" if slider.input_value() != slider.get_attribute("max") else "Home")
                page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle())
                moved.append(img.get_attribute("src") != before)
        images = page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length")
    finally:
        context.close()
    assert asked == [], f"{name}.html asked the network for {asked[:3]}"
    assert typeset > 0 and "\\(" not in raw and raw.count("$$") == 0, "a formula was left untypeset"
    assert moved and all(moved), f"{name}: a slider did not change its picture: {moved}"
    assert images > 0


def test_search_finds_cauchy_in_chapter_02_offline(browser, built_book):
    asked = []
    context, page = offline_page(browser, asked)
    try:
        page.goto((built_book / "search.html").as_uri() + "?q=Cauchy")
        page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0", timeout=60_000)
        hits = page.evaluate("() => [...document.querySelectorAll('#search-results li a')].map(a => a.href)")
    finally:
        context.close()
    assert any("02_vectors_cauchy_schwarz.html" in h for h in hits), hits
    assert asked == []


def test_the_dark_scheme_darkens_the_page(browser, built_book):
    colours = {}
    for scheme in ("light", "dark"):
        context, page = offline_page(browser, [], color_scheme=scheme)
        try:
            page.goto((built_book / "index.html").as_uri())
            page.wait_for_timeout(500)
            colours[scheme] = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        finally:
            context.close()
    assert colours["light"] != colours["dark"], colours
    dark = [int(x) for x in colours["dark"].split("(")[1].split(")")[0].split(",")[:3]]
    assert sum(dark) < 3 * 80, colours


def test_no_page_scrolls_sideways_on_a_phone(browser, built_book):
    wide = {}
    context, page = offline_page(browser, [], viewport={"width": 390, "height": 844}, device_scale_factor=2)
    try:
        for name in ["index"] + PAGES:
            page.goto((built_book / f"{name}.html").as_uri())
            page.wait_for_timeout(200)
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > 390:
                wide[name] = width
    finally:
        context.close()
    assert not wide, f"pages wider than the phone: {wide}"


def test_the_build_prints_the_whole_book_to_one_pdf(built_book, chromium_path, tmp_path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_book", ROOT / "tools" / "build_book.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.sphinx(built_book.parent / "src" / "en", tmp_path / "single", "singlehtml")
    pdf = module.pdf(tmp_path / "single", tmp_path / "book.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 500_000
    assert data.count(b"/Type /Page") + data.count(b"/Type/Page") > 50  # the whole book, not one page
