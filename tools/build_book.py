"""Build the book: every chapter answered and run, as a static site that keeps its sliders.

    python tools/build_book.py                  # -> build/book/html/index.html and build/book/book.pdf
    python tools/build_book.py --no-pdf         # the site only
    python tools/build_book.py --chapters 02 04 # a few chapters (a quick look)

The pages are made by Sphinx with myst-nb and sphinx-book-theme (configuration: tools/book/conf.py):
a sidebar with every chapter, a table of sections, previous/next, full-text search that works from
file:// with no network, a dark mode that follows the system, a print layout, and MathJax from the
PyPI package jupyter-server-mathjax. Nothing is loaded from the network; the folder build/book/html is
a static site any web server (or GitHub Pages) serves as it is.

Kernel-free sliders: each solution is executed again here with DLMATH_BOOK_FRAMES set, so every
explorer renders its own figure, with its own compute and drawing code, at 21 values of its main control
(dlmath.course.explorer.Explorer.player); the page swaps those pictures as its range slider moves.
The pictures are made when the book is built, never stored in git. The PDF is Chromium's print of the
whole book on one page (Sphinx's singlehtml builder), when Chromium is there.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_notebooks import static_outputs  # noqa: E402  (tools/ is a folder of scripts)

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "tools" / "book"
INDEX = """# The Mathematics of Deep Learning

Every chapter of the course with its exercises answered and run. The figures move: each slider under a
figure steps through pictures made, when this book was built, by the same code the notebooks run. To
work through the course yourself — your own answers, checked as you go — open it in JupyterLab (see the
course's README).

```{{toctree}}
:maxdepth: 1
:caption: Chapters

{chapters}
```
"""


def mathjax_dir():
    import jupyter_server_mathjax
    return Path(jupyter_server_mathjax.__file__).parent / "static"


def stage(src, notebooks, frames=True):
    """The Sphinx source folder: conf.py, _static (the course's CSS and JS, MathJax, the frames), the
    index and every solution, executed again for its picture players."""
    from dlmath.course.headless import execute
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(BOOK, src, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(mathjax_dir(), src / "_static" / "mathjax", ignore=shutil.ignore_patterns("__pycache__"))
    for i, path in enumerate(notebooks, start=1):
        nb = nbformat.read(str(path), as_version=4)
        if frames:
            started = time.perf_counter()
            execute(nb, path.parent, timeout=600, env={"DLMATH_BOOK_FRAMES": str(src / "_static" / "frames")})
            print(f"[{i}/{len(notebooks)}] {path.stem}: run with its picture players "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)
        (src / path.name).write_text(nbformat.writes(static_outputs(nb)), encoding="utf-8")
    (src / "index.md").write_text(INDEX.format(chapters="\n".join(p.stem for p in notebooks)), encoding="utf-8")


def sphinx(src, out, builder="html"):
    subprocess.run([sys.executable, "-m", "sphinx", "-b", builder, "-q", "-E", str(src), str(out)], check=True)


def pdf(single, target):
    """Chromium's print of the whole book (Sphinx's singlehtml page); None when there is no Chromium."""
    chromium = next((c for c in (os.environ.get("DLMATH_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                                 shutil.which("chromium-browser")) if c and os.path.isfile(c)), None)
    if chromium is None:
        print("no PDF: Chromium not found (sudo apt-get install chromium)")
        return None
    subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--virtual-time-budget=60000", f"--print-to-pdf={target}", (single / "index.html").as_uri()],
                   check=True, capture_output=True, timeout=600)
    return target


def build_book(out=ROOT / "build" / "book", solutions=ROOT / "solutions", chapters=(), make_pdf=True,
               frames=True):
    out = Path(out)
    notebooks = [p for p in sorted(Path(solutions).glob("[0-9][0-9]_*.ipynb"))
                 if not chapters or any(p.stem.startswith(c) for c in chapters)]
    src = out / "src"
    stage(src, notebooks, frames=frames)
    sphinx(src, out / "html")
    if make_pdf:
        sphinx(src, out / "single", "singlehtml")
        pdf(out / "single", out / "book.pdf")
    return out / "html" / "index.html"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "build" / "book"), help="the book's folder")
    parser.add_argument("--chapters", nargs="*", default=(), help="only these chapters, e.g. 02 04")
    parser.add_argument("--no-pdf", action="store_true", help="the site only")
    args = parser.parse_args(argv)
    index = build_book(Path(args.out), chapters=args.chapters, make_pdf=not args.no_pdf)
    print(f"the book: {index}" + ("" if args.no_pdf else f" and {Path(args.out) / 'book.pdf'}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
