"""Sphinx configuration of the book (tools/build_book.py stages the pages and runs Sphinx with it).

Sphinx + myst-nb + sphinx-book-theme: the stack under Jupyter Book 1, which builds offline. The pages
are the solutions as tools/build_book.py executed them (with the explorers' picture players), so
myst-nb executes nothing. MathJax is the copy shipped in the PyPI package jupyter-server-mathjax, copied
into _static: no page loads anything from the network.

One configuration, two editions: DLMATH_LANG (set by tools/build_book.py for each Sphinx run) picks the
edition's words below. The Chinese edition has Sphinx's language zh_CN, so the theme's own words (search,
previous/next, contents) are Chinese and its search index splits Chinese into words (with jieba). Each page
links to the same page in the other edition (_templates/language-switch.html, in the article's header):
the Chinese site sits in zh/ under the English one.
"""
import logging
import os
import sys

EDITIONS = {
    "en": {"language": "en", "project": "The Mathematics of Deep Learning", "author": "the course's authors",
           "copyright": "the course's authors; text and figures CC BY 4.0, code MIT",
           "search": "Search the book…",
           "switch": {"href": "zh/", "label": "中文", "lang": "zh-CN", "title": "这一页的中文版"}},
    "zh": {"language": "zh_CN", "project": "深度学习的数学", "author": "本课程的作者们",
           "copyright": "本课程的作者们；文字和图采用 CC BY 4.0，代码采用 MIT 许可证",
           "search": "在书中搜索…",
           "switch": {"href": "../", "label": "English", "lang": "en", "title": "This page in English"}},
}
edition = EDITIONS["zh" if os.environ.get("DLMATH_LANG", "").lower().startswith("zh") else "en"]
if edition["language"] == "zh_CN":
    try:  # Sphinx splits Chinese into words for the search index with jieba; without it, only Latin words
        import jieba
        jieba.setLogLevel(logging.WARNING)  # not its "Building prefix dict…" on every build
    except ImportError:
        print("WARNING: jieba is not installed: the Chinese edition's search finds only Latin words "
              "(pip install -r requirements-dev.txt)", file=sys.stderr)

language = edition["language"]
project = edition["project"]
author = edition["author"]
copyright = edition["copyright"]
extensions = ["myst_nb"]
nb_execution_mode = "off"
myst_enable_extensions = ["dollarmath", "amsmath"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header"]

html_theme = "sphinx_book_theme"
html_title = project
templates_path = ["_templates"]
html_context = {"dlmath_switch": edition["switch"]}
html_theme_options = {
    "article_header_end": ["language-switch.html", "article-header-buttons.html"],
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "search_bar_text": edition["search"],
    "show_navbar_depth": 1,
}
html_static_path = ["_static"]
html_css_files = ["dlmath-book.css"]
html_js_files = ["dlmath-player.js"] + (["dlmath-search-zh.js"] if language == "zh_CN" else [])
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None

# MathJax 2 from jupyter-server-mathjax, in _static/mathjax (linked there by tools/build_book.py)
mathjax_path = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full"
mathjax2_config = {
    # myst-nb marks each notebook tex2jax_ignore; typeset the maths Sphinx marks (class "math") only
    "tex2jax": {"inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"]],
                "processEscapes": True, "processEnvironments": True,
                "processClass": "math|tex2jax_process|mathjax_process", "ignoreClass": "tex2jax_ignore|mathjax_ignore"},
    "HTML-CSS": {"availableFonts": [], "imageFont": None, "preferredFont": None, "webFont": "STIX-Web",
                 "linebreaks": {"automatic": True}},
    "messageStyle": "none",
}
