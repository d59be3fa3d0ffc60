"""Build the book: every chapter answered and run, as a static site that keeps its sliders, in English and
in Chinese.

    python tools/build_book.py                  # -> build/book/html/index.html (English), build/book/html/zh/
                                                #    index.html (Chinese), build/book/book.pdf, build/book/book.zh.pdf
    python tools/build_book.py --lang zh        # one edition (en, zh or both)
    python tools/build_book.py --no-pdf         # the sites only
    python tools/build_book.py --chapters 02 04 # a few chapters (a quick look)

The pages are made by Sphinx with myst-nb and sphinx-book-theme (configuration: tools/book/conf.py):
a sidebar with every chapter, a table of sections, previous/next, full-text search that works from
file:// with no network, a dark mode that follows the system, a print layout, and MathJax from the
PyPI package jupyter-server-mathjax. Nothing is loaded from the network; the folder build/book/html is
a static site any web server (or GitHub Pages) serves as it is.

Two editions, one site: the English pages (solutions/) at html/, the Chinese ones (solutions/zh/, same
stems) at html/zh/, each a complete Sphinx site of its own (its own search index, in its own language;
the theme's words in Chinese with Sphinx's language "zh_CN"). Every page carries a link to the same
chapter in the other edition ("中文" / "English"): the other site is "zh/" below or "../" above, so the
links work from file:// too.

Kernel-free sliders: each solution is executed again here with DLMATH_BOOK_FRAMES set (and DLMATH_LANG, so
a Chinese chapter's explorers speak Chinese), so every explorer renders its own figure, with its own
compute and drawing code, at 21 values of its main control (dlmath.course.explorer.Explorer.player); the
page swaps those pictures as its range slider moves. The pictures are made when the book is built, never
stored in git, each edition's in its own _static/frames. The PDF is Chromium's print of the whole book on
one page (Sphinx's singlehtml builder), when Chromium is there.
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
from build_notebooks import LANGUAGES, static_outputs  # noqa: E402  (tools/ is a folder of scripts)

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "tools" / "book"
INDEX = {
    "en": """# The Mathematics of Deep Learning

Every chapter of the course with its exercises answered and run. The figures move: each slider under a
figure steps through pictures made, when this book was built, by the same code the notebooks run. To
work through the course yourself — your own answers, checked as you go — open it in JupyterLab (see the
course's README).

```{{toctree}}
:maxdepth: 1
:caption: Chapters

{chapters}
```
""",
    "zh": """# 深度学习的数学

本书收录课程的每一章，其中的练习都已作答并运行。书中的图会动：拖动图下的滑块，就会逐张切换图片；这些图片是在构建本书时，由笔记本运行的同一份代码画出来的。想亲自学这门课程——写出自己的答案，边做边检查——请在 JupyterLab 中打开它（见课程的中文说明 README.zh-CN.md）。

```{{toctree}}
:maxdepth: 1
:caption: 各章

{chapters}
```
""",
}


def mathjax_dir():
    import jupyter_server_mathjax
    return Path(jupyter_server_mathjax.__file__).parent / "static"


def site(html, lang):
    """An edition's folder in the site: the English at its root, the Chinese in zh/ (the solutions' layout)."""
    return Path(html) / LANGUAGES[lang]


def stage(src, notebooks, lang="en", frames=True):
    """The Sphinx source folder of one edition: conf.py, _static (the course's CSS and JS, MathJax, the
    frames), the index and every solution, executed again in the edition's language for its picture
    players."""
    from dlmath.course.headless import execute
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(BOOK, src, ignore=shutil.ignore_patterns("__pycache__"))
    try:  # Sphinx follows the link when it copies _static into the site: no staging copy of MathJax (12 MB)
        (src / "_static" / "mathjax").symlink_to(mathjax_dir(), target_is_directory=True)
    except OSError:  # a file system without symbolic links
        shutil.copytree(mathjax_dir(), src / "_static" / "mathjax", ignore=shutil.ignore_patterns("__pycache__"))
    for i, path in enumerate(notebooks, start=1):
        nb = nbformat.read(str(path), as_version=4)
        if frames:
            started = time.perf_counter()
            execute(nb, path.parent, timeout=600,
                    env={"DLMATH_BOOK_FRAMES": str(src / "_static" / "frames"), "DLMATH_LANG": lang})
            print(f"[{lang} {i}/{len(notebooks)}] {path.stem}: run with its picture players "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)
        (src / path.name).write_text(nbformat.writes(static_outputs(nb)), encoding="utf-8")
    (src / "index.md").write_text(INDEX[lang].format(chapters="\n".join(p.stem for p in notebooks)),
                                  encoding="utf-8")


def sphinx(src, out, builder="html", lang="en", doctrees=None, fresh=True):
    """Sphinx on a staged edition (conf.py reads the edition's language from DLMATH_LANG). Builders that
    share `doctrees` share the parsed pages: the second (fresh=False) only writes."""
    command = [sys.executable, "-m", "sphinx", "-b", builder, "-q", *(["-E"] if fresh else []),
               *(["-d", str(doctrees)] if doctrees else []), str(src), str(out)]
    subprocess.run(command, check=True, env={**os.environ, "DLMATH_LANG": lang})


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


def pdf_name(lang):
    return "book.pdf" if lang == "en" else f"book.{lang}.pdf"


def build_book(out=ROOT / "build" / "book", solutions=ROOT / "solutions", chapters=(), make_pdf=True,
               frames=True, langs=tuple(LANGUAGES)):
    """Each edition in `langs`: staged in out/src/LANG, its site in out/html (English) or out/html/zh,
    its PDF out/book.pdf or out/book.zh.pdf. Returns the first edition's index.html.

    The editions are built side by side, each but the first by this script in a process of its own: most
    of the time goes to running notebooks, one kernel at a time per edition, and the machine has cores."""
    out = Path(out)
    others = []
    if Path(solutions) == ROOT / "solutions" and frames:
        for lang in langs[1:]:
            command = [sys.executable, __file__, "--lang", lang, "--out", str(out), "--chapters", *chapters,
                       *([] if make_pdf else ["--no-pdf"])]
            others.append((lang, subprocess.Popen(command)))
    for lang in langs[:1] + (() if others else langs[1:]):
        build_edition(out, solutions, lang, chapters, make_pdf, frames)
    for lang, process in others:
        if process.wait():
            raise RuntimeError(f"the {lang} edition of the book failed (exit {process.returncode}); see above")
    return site(out / "html", langs[0]) / "index.html"


def build_edition(out, solutions, lang, chapters, make_pdf, frames):
    started = time.perf_counter()
    folder = Path(solutions) / LANGUAGES[lang]
    notebooks = [p for p in sorted(folder.glob("[0-9][0-9]_*.ipynb"))
                 if not chapters or any(p.stem.startswith(c) for c in chapters)]
    src, doctrees = out / "src" / lang, out / "doctrees" / lang  # outside the site: nothing to publish
    stage(src, notebooks, lang, frames=frames)
    html = site(out / "html", lang)
    sphinx(src, html, lang=lang, doctrees=doctrees)
    if make_pdf:
        sphinx(src, out / "single" / lang, "singlehtml", lang=lang, doctrees=doctrees, fresh=False)
        pdf(out / "single" / lang, out / pdf_name(lang))
    if html != out / "html":  # myst-nb's scratch folder for the pictures, beside its output: in the English site
        shutil.rmtree(html.parent / "jupyter_execute", ignore_errors=True)
    print(f"[{lang}] the {lang} edition: {time.perf_counter() - started:.0f} s", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "build" / "book"), help="the book's folder")
    parser.add_argument("--lang", choices=[*LANGUAGES, "both"], default="both", help="the edition(s) to build")
    parser.add_argument("--chapters", nargs="*", default=(), help="only these chapters, e.g. 02 04")
    parser.add_argument("--no-pdf", action="store_true", help="the site only")
    args = parser.parse_args(argv)
    langs = tuple(LANGUAGES) if args.lang == "both" else (args.lang,)
    out = Path(args.out)
    build_book(out, chapters=args.chapters, make_pdf=not args.no_pdf, langs=langs)
    for lang in langs:
        print(f"the book ({lang}): {site(out / 'html', lang) / 'index.html'}"
              + ("" if args.no_pdf else f" and {out / pdf_name(lang)}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
