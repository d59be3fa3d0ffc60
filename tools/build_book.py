"""Build a static HTML book of the solutions: an index page and every chapter in order, readable offline.

    python tools/build_book.py                 # -> build/book/index.html
    python tools/build_book.py --out DIR

Each stored notebook in solutions/ becomes one page (nbconvert's JupyterLab look); every figure is the
PNG stored in the notebook, and the maths is typeset by a MathJax copied into the book from the PyPI
package jupyter-server-mathjax — no page asks for anything over the network (no CDN, no require.js,
no widget manager), so the folder can be copied to any device and opened in a browser.
New chapters join by themselves: the book is whatever solutions/ holds.
"""
import argparse
import html
import re
import shutil
import sys
from pathlib import Path

import jinja2
import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_notebooks import static_outputs  # noqa: E402  (tools/ is a folder of scripts)

ROOT = Path(__file__).resolve().parent.parent
MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full"

# nbconvert's lab page without what it would fetch from the network: MathJax from a CDN, require.js
# and mermaid.js (not used by the course), the widget manager (solutions store no widgets).
TEMPLATE = r"""{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}
<script type="text/x-mathjax-config">
MathJax.Hub.Config({
  tex2jax: {inlineMath: [["$", "$"], ["\\(", "\\)"]], displayMath: [["$$", "$$"], ["\\[", "\\]"]],
            processEscapes: true, processEnvironments: true},
  "HTML-CSS": {availableFonts: [], imageFont: null, preferredFont: null, webFont: "STIX-Web",
               font: "STIX-Web", linebreaks: {automatic: true}},
  messageStyle: "none", menuSettings: {zoom: "None"}
});
</script>
<script src="{{ resources.mathjax_url }}"></script>
{%- endblock html_head_js_mathjax -%}
{%- block body_header -%}
{{ super() }}
<nav class="book-nav">{{ resources.book_nav }}</nav>
{%- endblock body_header -%}
{%- block body_footer -%}
<nav class="book-nav">{{ resources.book_nav }}</nav>
{{ super() }}
{%- endblock body_footer -%}
"""

STYLE = """<style>
.book-nav { max-width: 1100px; margin: 1em auto; font-family: sans-serif; font-size: 0.95em; }
.book-nav a { margin-right: 1.5em; }
</style>"""


def mathjax_dir():
    import jupyter_server_mathjax
    return Path(jupyter_server_mathjax.__file__).parent / "static"


def title_of(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if m:
                return m[1].strip()
    return fallback


def exporter():
    from nbconvert import HTMLExporter
    return HTMLExporter(extra_loaders=[jinja2.DictLoader({"book.html.j2": TEMPLATE})],
                        template_name="lab", template_file="book.html.j2")


def local_links(page):
    """Links between notebooks point to the book's pages; the chapters' `../solutions/` as well."""
    return re.sub(r'href="(?:\.\./solutions/|\.\./chapters/)?(\d\d_[\w-]+)\.ipynb(#[^"]*)?"',
                  lambda m: f'href="{m[1]}.html{m[2] or ""}"', page)


def nav(pages, i):
    parts = ['<a href="index.html">contents</a>']
    if i > 0:
        parts.append(f'<a href="{pages[i - 1][0]}">← {html.escape(pages[i - 1][1])}</a>')
    if i + 1 < len(pages):
        parts.append(f'<a href="{pages[i + 1][0]}">{html.escape(pages[i + 1][1])} →</a>')
    return " ".join(parts)


def build_book(out=ROOT / "build" / "book", solutions=ROOT / "solutions"):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "mathjax"
    if not (target / "MathJax.js").exists():
        shutil.copytree(mathjax_dir(), target, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    notebooks = sorted(Path(solutions).glob("[0-9][0-9]_*.ipynb"))
    # static_outputs: a solution built before widget views were dropped still shows its pictures
    loaded = [(p, static_outputs(nbformat.read(str(p), as_version=4))) for p in notebooks]
    pages = [(f"{p.stem}.html", title_of(nb, p.stem)) for p, nb in loaded]
    exp = exporter()
    exp.mathjax_url = f"mathjax/MathJax.js?config={MATHJAX_CONFIG}"
    for i, (path, nb) in enumerate(loaded):
        body, _ = exp.from_notebook_node(nb, resources={
            "book_nav": nav(pages, i), "metadata": {"name": pages[i][1]}})
        body = local_links(body).replace("</head>", STYLE + "\n</head>", 1)
        (out / pages[i][0]).write_text(body, encoding="utf-8")
    rows = "\n".join(f'<li><a href="{name}">{html.escape(title)}</a></li>' for name, title in pages)
    (out / "index.html").write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Mathematics of Deep Learning — solutions</title>
<style>body {{ font-family: sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }}</style>
</head><body>
<h1>The Mathematics of Deep Learning</h1>
<p>Every chapter with its exercises answered and run: read it on any device, no kernel and no network
needed. To work through the course yourself, open it in JupyterLab (see the README).</p>
<ol start="0">
{rows}
</ol>
</body></html>
""", encoding="utf-8")
    return [out / "index.html"] + [out / name for name, _ in pages]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "build" / "book"), help="the book's folder")
    args = parser.parse_args(argv)
    written = build_book(Path(args.out))
    print(f"wrote {len(written)} pages; open {written[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
