"""The book (issues 23 and 21): built with Sphinx + myst-nb in two editions, English at html/ and Chinese at
html/zh/, every chapter a page, every explorer a picture player with its frames made at build time,
every page linked to the same page in the other edition, nothing fetched from the network."""
import json
import re
from html import unescape
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"en": "", "zh": "zh"}  # each edition's folder under solutions/ and under the site
SOLUTIONS = {lang: sorted((ROOT / "solutions" / folder).glob("[0-9][0-9]_*.ipynb")) for lang, folder in EDITIONS.items()}
CHAPTERS = [(lang, path) for lang, paths in SOLUTIONS.items() for path in paths]
CJK = re.compile(r"[\u4e00-\u9fff]")
EXPLORER = re.compile(r"^<\w*Explorer: ")
# everything a page would load by itself: scripts, images, stylesheets, fonts, ES imports
REQUESTS = re.compile(r"""(?:<(?:script|img|source|iframe)\b[^>]*\bsrc\s*=\s*["']?|<link\b[^>]*\bhref\s*=\s*["']?"""
                      r"""|url\(\s*["']?|@import\s+["']?)([^"')\s>]+)""", re.I)
SWITCH = re.compile(r'<a class="[^"]*\bdlmath-language-switch\b[^"]*"\s+href="([^"]+)"[^>]*>([^<]+)</a>')


def chapter_id(value):
    return value.stem if isinstance(value, Path) else None  # en-01_neurons_step_sigmoid


def explorers_in(path):
    nb = nbformat.read(str(path), as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" for o in c.outputs
               if EXPLORER.match("".join(o.get("data", {}).get("text/plain", ""))))


def pages(lang):
    return ["index", "search"] + [p.stem for p in SOLUTIONS[lang]]


def read(site, name):
    return (site / f"{name}.html").read_text(encoding="utf-8")


def heading(page):
    """The article's first heading (the one with a link to itself), as text."""
    h1 = next(h for h in re.findall(r"<h1>(.*?)</h1>", page, re.S) if 'class="headerlink"' in h)
    return re.sub(r"<[^>]+>", "", h1.split('<a class="headerlink"')[0]).strip()


@pytest.fixture(scope="module")
def sites(built_book):
    """Each edition's site: the English is the book's html/ folder, the Chinese its zh/ folder."""
    return {lang: built_book / folder for lang, folder in EDITIONS.items()}


def test_both_editions_have_the_same_chapters():
    assert [p.name for p in SOLUTIONS["zh"]] == [p.name for p in SOLUTIONS["en"]] != []


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_sidebar_lists_every_chapter_in_order(sites, lang):
    index = read(sites[lang], "index")
    nav = index[index.index('class="bd-sidebar-primary'):]
    links = list(dict.fromkeys(re.findall(r'href="(\d\d_[\w-]+\.html)"', nav)))
    assert links == [f"{p.stem}.html" for p in SOLUTIONS[lang]]
    assert all((sites[lang] / link).exists() for link in links)


@pytest.mark.parametrize("lang, path", CHAPTERS, ids=chapter_id)
def test_every_explorer_is_a_player_of_at_least_20_pictures(sites, lang, path):
    page = read(sites[lang], path.stem)
    players = re.findall(r'<div class="dlmath-player" data-frames="([^"]*)"(.*?)<img', page, re.S)
    assert explorers_in(path) and len(players) == explorers_in(path)
    for frames, controls in players:
        files = json.loads(unescape(frames))
        # ≥ 20 pictures, or every state of two controls that have fewer (a stride and a kernel size)
        assert len(files) >= 20 or controls.count('type="range"') == 2, len(files)
        assert len(set(files)) == len(files)
        assert all((sites[lang] / f).stat().st_size > 1000 for f in files)
    assert "widget-view+json" not in page and "Error displaying widget" not in page
    assert re.search(r"<img\b", page)


@pytest.mark.parametrize("path", SOLUTIONS["zh"], ids=lambda p: p.stem)
def test_each_edition_draws_its_own_frames_in_its_own_language(sites, path):
    """The Chinese chapter ran again in Chinese (its checks answer in Chinese, the English twin's in
    English), and its players show pictures that run drew, in the Chinese site's own folder, in Chinese."""
    frames = {}
    for lang in EDITIONS:
        page = read(sites[lang], path.stem)
        verdicts = re.findall(r"[✅⏳❌] \d\d\.[\w.]+([:：])", page)
        assert verdicts and set(verdicts) == {"：" if lang == "zh" else ":"}, (lang, verdicts[:5])
        players = re.findall(r'<div class="dlmath-player" data-frames="([^"]*)"', page)
        frames[lang] = [(sites[lang] / f).resolve() for p in players for f in json.loads(unescape(p))]
        assert all(f.is_relative_to((sites[lang] / "_static" / "frames").resolve()) for f in frames[lang])
    assert len(frames["zh"]) == len(frames["en"]) and not set(frames["zh"]) & set(frames["en"])
    # and they are other pictures: every figure has words, drawn in the page's language
    assert all(en.read_bytes() != zh.read_bytes() for en, zh in zip(frames["en"], frames["zh"]))


@pytest.mark.parametrize("lang, name", [(lang, name) for lang in EDITIONS for name in pages(lang)])
def test_no_page_asks_for_a_network_address(sites, lang, name):
    page = read(sites[lang], name)
    for target in REQUESTS.findall(page):
        assert not re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", target, re.I), f"{lang}/{name}.html loads {target}"
        if not target.startswith(("data:", "#")):
            local = target.split("?")[0].split("#")[0]
            assert (sites[lang] / local).exists(), f"{lang}/{name}.html loads {target}, which the book does not have"


@pytest.mark.parametrize("lang, name", [(lang, name) for lang in EDITIONS for name in pages(lang)])
def test_every_page_links_to_the_same_page_in_the_other_edition(sites, lang, name):
    other = "zh" if lang == "en" else "en"
    switches = SWITCH.findall(read(sites[lang], name))
    assert len(switches) == 1, f"{lang}/{name}.html has {len(switches)} language switches"
    href, label = switches[0]
    assert label.strip() == {"en": "中文", "zh": "English"}[lang]
    assert not re.match(r"(?:[a-z][a-z0-9+.-]*:)?/", href, re.I), f"{href} is not relative: file:// needs that"
    target = (sites[lang] / href).resolve()
    assert target == (sites[other] / f"{name}.html").resolve() and target.exists()
    back = SWITCH.findall(target.read_text(encoding="utf-8"))
    assert (target.parent / back[0][0]).resolve() == (sites[lang] / f"{name}.html").resolve()


@pytest.mark.parametrize("lang", EDITIONS)
def test_each_edition_speaks_its_language(sites, lang):
    """The page's language, its title, the theme's own words and the search box, and every chapter's
    first heading: Chinese in the Chinese edition, English in the English one."""
    index = read(sites[lang], "index")
    assert f'<html lang="{ {"en": "en", "zh": "zh-CN"}[lang]}"' in index
    title = {"en": "The Mathematics of Deep Learning", "zh": "深度学习的数学"}[lang]
    assert heading(index) == title and f"<title>{title} &#8212; {title}</title>" in index
    words = {"en": ["previous", "next", "Search", "Contents"], "zh": ["上一页", "下一页", "搜索", "目录"]}[lang]
    chapter = read(sites[lang], SOLUTIONS[lang][1].stem)
    assert re.search(rf"<title>[^<]* &#8212; {title}</title>", chapter)
    assert all(w in chapter for w in words), [w for w in words if w not in chapter]
    assert f'placeholder="{ {"en": "Search the book…", "zh": "在书中搜索…"}[lang]}"' in chapter
    for path in SOLUTIONS[lang]:
        first = heading(read(sites[lang], path.stem))
        assert bool(CJK.search(first)) == (lang == "zh"), f"{lang}/{path.stem}: {first}"


def test_the_chinese_search_finds_chinese_words(sites):
    """Sphinx splits the Chinese text into words (jieba): 神经元 (neuron) finds chapter 01; and the search
    page defines the stemmer its language data names (Sphinx 9.0 names one it never defines)."""
    text = (sites["zh"] / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    found = set()
    for words in (index["terms"], index["titleterms"]):
        hits = words.get("神经元", [])
        found |= {index["docnames"][i] for i in (hits if isinstance(hits, list) else [hits])}
    assert "01_neurons_step_sigmoid" in found, "no Chinese words in the search index: is jieba installed?"
    page = read(sites["zh"], "search")
    scripts = re.findall(r'<script[^>]*src="([^"?]+)', page)
    loaded = "".join((sites["zh"] / s).read_text(encoding="utf-8") for s in scripts[:scripts.index("_static/language_data.js")])
    data = (sites["zh"] / "_static" / "language_data.js").read_text(encoding="utf-8")
    stemmer = re.search(r"window\.Stemmer = (\w+);", data)[1]
    assert re.search(rf"\bvar {stemmer}\b", data + loaded), f"{stemmer} is never defined"


@pytest.mark.parametrize("lang", EDITIONS)
def test_mathjax_is_shipped_with_the_book(sites, lang):
    page = read(sites[lang], SOLUTIONS[lang][0].stem)
    url = re.search(r'src="(_static/mathjax/MathJax\.js\?config=([\w-]+))', page)
    assert url, "the page does not load the book's own MathJax"
    assert (sites[lang] / "_static" / "mathjax" / "config" / f"{url[2]}.js").exists()
    assert "cdnjs" not in page and "cdn.mathjax" not in page and "cdn.jsdelivr" not in page


@pytest.mark.parametrize("lang", EDITIONS)
def test_links_between_chapters_point_to_pages(sites, lang):
    for path in SOLUTIONS[lang]:
        page = read(sites[lang], path.stem)
        assert not re.search(r'href="[^"]*\.ipynb', page), path.stem
    page = read(sites[lang], "02_vectors_cauchy_schwarz")
    assert re.search(r'<a[^>]*href="03_derivatives\.html[^"]*"', page)  # its "Next:"


def test_the_site_holds_only_pages(built_book):
    """Nothing of the build's own (Sphinx's parsed pages, myst-nb's scratch folder) is published."""
    assert not list(built_book.rglob(".doctrees")) and not list(built_book.rglob("jupyter_execute"))


def test_the_frames_are_made_by_the_build_not_stored_in_git():
    assert not list((ROOT / "tools" / "book").rglob("*.webp")) and not list((ROOT / "solutions").rglob("*.webp"))
