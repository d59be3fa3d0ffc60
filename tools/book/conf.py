"""Sphinx configuration of the book (tools/build_book.py stages the pages and runs Sphinx with it).

Sphinx + myst-nb + sphinx-book-theme: the stack under Jupyter Book 1, which builds offline. The pages
are the solutions as tools/build_book.py executed them (with the explorers' picture players), so
myst-nb executes nothing. MathJax is the copy shipped in the PyPI package jupyter-server-mathjax, copied
into _static: no page loads anything from the network.
"""
project = "The Mathematics of Deep Learning"
author = "the course's authors"
copyright = "the course's authors; text and figures CC BY 4.0, code MIT"
extensions = ["myst_nb"]
nb_execution_mode = "off"
myst_enable_extensions = ["dollarmath", "amsmath"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header"]

html_theme = "sphinx_book_theme"
html_title = "The Mathematics of Deep Learning"
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "search_bar_text": "Search the book…",
    "show_navbar_depth": 1,
}
html_static_path = ["_static"]
html_css_files = ["dlmath-book.css"]
html_js_files = ["dlmath-player.js"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None

# MathJax 2 from jupyter-server-mathjax, in _static/mathjax (copied by tools/build_book.py)
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
