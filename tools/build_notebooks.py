"""Build chapters/ (learner copies) and solutions/ (answered, executed) from the one source in source/.

    python tools/build_notebooks.py              # rebuild every chapter and execute every solution
    python tools/build_notebooks.py 01 03        # only the chapters whose stem starts with these
    python tools/build_notebooks.py --check      # exit 1 if chapters/ or solutions/ drifted from source/
    python tools/build_notebooks.py --no-execute # chapters only (fast)
    python tools/build_notebooks.py --stamp 12   # fingerprint chapter 12's new Chinese twins (docs/translating.md)

A source is a Python file in jupytext's "percent" format, read by jupytext: `# %%` starts a code cell,
`# %% [markdown]` a markdown cell (each line behind `# `), `tags=["..."]` after either sets the cell's
tags, and `# %magic` lines become `%magic`. A markdown cell marked `lang="zh"` is the Chinese twin of the
English markdown cell just before it, with `twin="…"` the fingerprint of the English text it translates
(docs/translating.md); the Chinese edition (chapters/zh/, solutions/zh/) has the twins in place of the
English cells, code cells shared (the words they print and draw translated, tools/code_text.py). What is
ours: in a code cell the answer sits between `### BEGIN SOLUTION` and `### END SOLUTION`; the learner's copy gets a stub instead: `name = ...` for each
name the answer assigns, `return ...` where it returns.

Learners work in their own copies in my-work/ (`dlmath open`), so chapters/ stays as built. Should a
chapter notebook have been edited or run all the same, it is left alone (each records a fingerprint of
the cells it was built with) unless --force is given, and then it is first saved in my-work/backups/.

Stored solutions keep a PNG of every figure and no widget state: GitHub, nbviewer and
`jupyter nbconvert --to html` then show the picture instead of an empty widget box.
"""
import argparse
import hashlib
import re
import shutil
import sys
import time
from pathlib import Path

import jupytext
import nbformat

from dlmath.course import headless
from dlmath.course.language import translation
from dlmath.course.cells import build_ids
from dlmath.course.workspace import WORK, BACKUPS, fingerprint

sys.path.insert(0, str(Path(__file__).resolve().parent))
from code_text import translate_code  # noqa: E402  (tools/ is a folder of scripts)

ROOT = Path(__file__).resolve().parent.parent
SOURCE, CHAPTERS, SOLUTIONS = ROOT / "source", ROOT / "chapters", ROOT / "solutions"
LANGUAGES = {"en": "", "zh": "zh"}  # each edition's folder under chapters/ and solutions/
TWIN_HEADER = re.compile(r"^# %% \[markdown\](?P<meta>.*)$")
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
ASSIGNMENT = re.compile(r"^([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*(?::[^=]*)?=(?!=)")
TERM = re.compile(r"\*\*([^*()]+?)\s+\(([^()]*[\u4e00-\u9fff][^()]*)\)\*\*")  # **term (中文)**
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


# ------------------------------------------------------------------ source -> cells

def read_cells(text):
    """[(kind, source, tags, lang, twin)] of every cell, twins included. Anything before the first `# %%`
    (the file's note on how it is built) is not a cell."""
    start = text.find("# %%")
    nb = jupytext.reads(text[start:] if start > 0 else text, fmt="py:percent")
    return [(c.cell_type, c.source.strip("\n"), list(c.metadata.get("tags", [])), c.metadata.get("lang"),
             c.metadata.get("twin")) for c in nb.cells]


def parse(text, lang="en"):
    """[(kind, source, tags)] of one edition: the English cells, or with lang="zh" each English markdown
    cell replaced by its Chinese twin (an English cell without a twin stays as it is; `twin_problems`
    reports it) and the words each code cell prints or draws taken from the catalog (tools/code_text.py;
    `tools/i18n.py --check` reports a missing one)."""
    cells = read_cells(text)
    out = []
    for i, (kind, source, tags, cell_lang, _) in enumerate(cells):
        if cell_lang:
            continue
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        if lang != "en" and kind == "markdown" and nxt and nxt[3] == lang:
            source = nxt[1]
        if lang != "en" and kind == "code":
            source = translate_code(source, translation(lang).gettext)
        out.append((kind, source, tags))
    return out


def twin_fingerprint(source):
    """What a twin records of the English cell it translates: a hash of its text."""
    return hashlib.sha256(source.strip().encode("utf-8")).hexdigest()[:8]


def twin_problems(text, name="source"):
    """Why the Chinese twins of a source do not match its English cells: a markdown cell without a twin,
    a twin without an English markdown cell before it, or one whose English cell changed since."""
    cells = read_cells(text)
    problems, english = [], 0
    for i, (kind, source, _, lang, twin) in enumerate(cells):
        prev = cells[i - 1] if i else None
        first = (source.splitlines() or [""])[0][:60]
        if lang is None:
            english += kind == "markdown"
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if kind == "markdown" and (nxt is None or nxt[3] != "zh"):
                problems.append(f"{name}: markdown cell {english} ({first!r}) has no Chinese twin after it")
        elif lang != "zh" or kind != "markdown" or prev is None or prev[0] != "markdown" or prev[3] is not None:
            problems.append(f"{name}: the twin {first!r} does not follow an English markdown cell")
        elif not twin:
            problems.append(f"{name}: the twin of markdown cell {english} has no fingerprint: "
                            f"run tools/build_notebooks.py --stamp {name[:2]}")
        elif unclosed_bold(source):
            problems.append(f"{name}: the twin of markdown cell {english} shows ** as text ({unclosed_bold(source)!r}): "
                            f"end the bold before a full-width bracket or colon, **动量**（momentum）")
        elif twin != twin_fingerprint(prev[1]):
            problems.append(f"{name}: markdown cell {english} ({(prev[1].splitlines() or [''])[0][:60]!r}) changed "
                            f"after its Chinese twin was written: bring the twin up to date, then "
                            f"--stamp {name[:2]} --restamp")
    return problems


def unclosed_bold(markdown):
    """The first ** that CommonMark leaves as text (a bold ending in ）or ： and followed by a Chinese
    character does not close), or None."""
    from markdown_it import MarkdownIt
    html = MarkdownIt("commonmark").render(re.sub(r"\$\$.+?\$\$|\$[^$]+\$", "F", markdown, flags=re.S))
    text = re.sub(r"<code>.*?</code>", "", html, flags=re.S)
    found = re.search(r".{0,20}\*\*.{0,20}", text)
    return found[0] if found else None


def stamp(text, restamp=False):
    """The source with a fingerprint on each twin that has none (restamp=True: on every twin)."""
    chunks = re.split(r"(?m)^(?=# %%)", text)
    out, previous = [], None  # previous: the last English markdown cell's source
    for chunk in chunks:
        header = TWIN_HEADER.match(chunk.split("\n", 1)[0])
        cell = read_cells(chunk)[0] if chunk.startswith("# %%") else None
        if cell and cell[3] == "zh" and previous is not None and (restamp or not cell[4]):
            meta = re.sub(r'\s*twin="[^"]*"', "", header["meta"])
            chunk = f'# %% [markdown]{meta} twin="{twin_fingerprint(previous)}"' + chunk[len(header[0]):]
        if cell and cell[3] is None:
            previous = cell[1] if cell[0] == "markdown" else None
        out.append(chunk)
    return "".join(out)


def stub(block, indent):
    """The learner's stub for a solution block: its assigned names set to `...`, or `return ...`."""
    names, returns = [], False
    for line in block:
        if line[:len(indent)] != indent or line[len(indent):len(indent) + 1].isspace():
            continue  # only statements at the block's own depth
        body = line[len(indent):]
        if body.startswith("return"):
            returns = True
        m = ASSIGNMENT.match(body)
        if m and m[1] not in names:
            names.append(m[1])
    if returns:  # a function body: the learner writes the whole body, we only keep it callable
        return [f"{indent}return ..."]
    lines = [f"{indent}{n} = " + ", ".join(["..."] * (n.count(",") + 1)) for n in names]
    if not lines:
        raise ValueError("a solution block must assign a name or return a value:\n" + "\n".join(block))
    return lines


def split_solution(source, answered):
    """The cell as the solution (markers removed) or as the learner's copy (blocks stubbed)."""
    out, block, indent = [], None, ""
    for line in source.split("\n"):
        marker = line.strip()
        if marker == BEGIN:
            block, indent = [], line[: len(line) - len(line.lstrip())]
        elif marker == END:
            if block is None:
                raise ValueError(f"{END} without {BEGIN}")
            out.extend(block if answered else stub(block, indent))
            block = None
        elif block is not None:
            block.append(line)
        else:
            out.append(line)
    if block is not None:
        raise ValueError(f"{BEGIN} without {END}")
    return "\n".join(out)


def notebook(stem, cells, answered, lang="en"):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    ids = build_ids(stem[:2], [(kind, source) for kind, source, _ in cells], lambda s: BEGIN in s)
    for i, (kind, source, tags) in enumerate(cells):
        if kind == "markdown":
            cell = nbformat.v4.new_markdown_cell(source)
        else:
            cell = nbformat.v4.new_code_cell(split_solution(source, answered))
        cell.id = ids[i]  # the same cell has the same id in every version (dlmath.course.cells)
        if tags:
            cell.metadata["tags"] = list(tags)
        nb.cells.append(cell)
    nb.metadata["dlmath"] = {"source": f"source/{stem}.py", "fingerprint": fingerprint(nb.cells)}
    if lang != "en":  # the kernel reads it to speak the notebook's language (dlmath.language)
        nb.metadata["dlmath"]["lang"] = lang
    return nb


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def static_outputs(nb):
    """Drop the live-widget parts of an executed notebook, keeping the picture stored beside each.

    A stored widget view needs a kernel (or the stored widget state, which makes nbconvert and GitHub
    render an empty widget box instead of the PNG). Without them every renderer falls back to the PNG;
    a widget with no picture (a progress bar) is dropped altogether.
    """
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for out in cell.outputs:
            data = out.get("data", {})
            if WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
                if set(data) <= {"text/plain"}:
                    continue  # nothing left to show but "HBox(children=…)"
            kept.append(out)
        cell.outputs = kept
    return nb


def dumps(nb):
    return nbformat.writes(nb) + "\n"


def glossary():
    """chapters/glossary.md: every bold **term (中文)** of the sources, with the chapter that defines it."""
    rows = {}
    for src in sources():
        for kind, text, _ in parse(src.read_text(encoding="utf-8")):
            if kind == "markdown":
                for term, chinese in TERM.findall(text):
                    term = " ".join(term.split())
                    rows.setdefault(term.lower(), (term, chinese.strip(), src.stem))
    lines = ["# Glossary", "",
             "Every key term of the course with its Chinese name and the chapter that introduces it.",
             "Generated from the chapters' sources by `tools/build_notebooks.py`; do not edit by hand.", "",
             "| term | 中文 | chapter |", "|---|---|---|"]
    for _, (term, chinese, stem) in sorted(rows.items()):
        lines.append(f"| {term} | {chinese} | [{stem[:2]}]({stem}.ipynb) |")
    return "\n".join(lines) + "\n"


def term_problems():
    """One Chinese term per concept: an English term given two Chinese names, or a Chinese term given to
    two English ones, anywhere in the sources (each **term (中文)** of the English cells)."""
    chinese_of, english_of = {}, {}
    for src in sources():
        for kind, text, _ in parse(src.read_text(encoding="utf-8")):
            for term, chinese in TERM.findall(text) if kind == "markdown" else []:
                term, chinese = " ".join(term.split()).lower(), chinese.strip()
                chinese_of.setdefault(term, {}).setdefault(chinese, src.stem[:2])
                english_of.setdefault(chinese, {}).setdefault(term, src.stem[:2])
    problems = [f"the term {term!r} has two Chinese names: " + ", ".join(f"{c} (chapter {n})" for c, n in names.items())
                for term, names in chinese_of.items() if len(names) > 1]
    problems += [f"the Chinese term {chinese} names two things: " + ", ".join(f"{t!r} (chapter {n})" for t, n in terms.items())
                 for chinese, terms in english_of.items() if len(terms) > 1]
    return problems


# ------------------------------------------------------------------ building

def sources(prefixes=()):
    found = sorted(SOURCE.glob("[0-9][0-9]_*.py"))
    return [p for p in found if not prefixes or any(p.stem.startswith(x) for x in prefixes)]


def learner_edited(path):
    """Why an existing chapter notebook must not be overwritten, or None when it is safe to."""
    try:
        nb = nbformat.read(str(path), as_version=4)
    except Exception:
        return "it is not a readable notebook"
    if any(c.get("outputs") or c.get("execution_count") for c in nb.cells if c.cell_type == "code"):
        return "it has been run (it holds outputs)"
    recorded = nb.metadata.get("dlmath", {}).get("fingerprint")
    if recorded != fingerprint(nb.cells):
        return "its cells were edited after it was built"
    return None


def execute(nb, lang="en", timeout=600):
    # checks made while building go to a throwaway store, not to the maintainer's own progress
    headless.execute(nb, SOLUTIONS / LANGUAGES[lang], timeout=timeout, record_timing=False,
                     env={"DLMATH_LANG": lang})
    return static_outputs(nb)


def editions(text):
    """The languages a source is built in: English, and Chinese once its markdown cells have twins."""
    return ["en"] + (["zh"] if any(cell[3] == "zh" for cell in read_cells(text)) else [])


def back_up(path):
    """Save an edited chapter notebook in my-work/backups/ before --force overwrites it."""
    backups = ROOT / WORK / BACKUPS
    backups.mkdir(parents=True, exist_ok=True)
    target = backups / f"{path.stem}.{time.strftime('%Y-%m-%d-%H%M%S')}.ipynb"
    shutil.copyfile(path, target)
    return target


def build(prefixes=(), run=True, force=False):
    refused = []
    for src in sources(prefixes):
        text = src.read_text(encoding="utf-8")
        for lang in editions(text):
            refused += build_edition(src.stem, parse(text, lang), lang, run, force)
    (CHAPTERS / "glossary.md").write_text(glossary(), encoding="utf-8")
    for line in refused:
        print(line, file=sys.stderr)
    return not refused


def build_edition(stem, cells, lang, run, force):
    """Write one edition's learner copy (unless a learner edited it) and, with run, its executed solution."""
    chapters, solutions = CHAPTERS / LANGUAGES[lang], SOLUTIONS / LANGUAGES[lang]
    chapters.mkdir(parents=True, exist_ok=True)
    solutions.mkdir(parents=True, exist_ok=True)
    target = chapters / f"{stem}.ipynb"
    new = dumps(notebook(stem, cells, answered=False, lang=lang))
    if target.exists() and target.read_text(encoding="utf-8") != new:
        why = learner_edited(target)
        if why and not force:
            return [f"{target.relative_to(ROOT)}: not overwritten because {why}; learners work in {WORK}/ "
                    f"(`dlmath open`): move it there, or pass --force (which saves it in {WORK}/{BACKUPS}/ first)."]
        if why:
            print(f"saved the edited {target.relative_to(ROOT)} as {back_up(target).relative_to(ROOT)}")
    target.write_text(new, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    if run:
        solved = execute(notebook(stem, cells, answered=True, lang=lang), lang)
        (solutions / f"{stem}.ipynb").write_text(dumps(solved), encoding="utf-8")
        print(f"wrote {(solutions / stem).relative_to(ROOT)}.ipynb (executed)")
    return []


def drift():
    """What in chapters/ and solutions/ no longer matches source/ (an empty list when nothing)."""
    problems = []
    glossary_path = CHAPTERS / "glossary.md"
    if not glossary_path.exists() or glossary_path.read_text(encoding="utf-8") != glossary():
        problems.append("chapters/glossary.md is stale: rebuild it")
    problems += term_problems()
    built = {lang: set() for lang in LANGUAGES}
    for src in sources():
        text = src.read_text(encoding="utf-8")
        if any(cell[3] for cell in read_cells(text)):
            problems += twin_problems(text, src.name)
        problems += [f"{src.name}: a markdown heading inside a code cell ({line.strip()[:60]!r}): is a "
                     f"'# %% [markdown]' line missing before it?"
                     for kind, source, *_ in read_cells(text) if kind == "code"
                     for line in source.splitlines() if re.match(r"# #{1,4} ", line)]
        for lang in editions(text):
            built[lang].add(src.stem)
            problems += edition_drift(src.stem, parse(text, lang), lang)
    for lang, stems in built.items():
        for folder in (CHAPTERS / LANGUAGES[lang], SOLUTIONS / LANGUAGES[lang]):
            for extra in sorted({p.stem for p in folder.glob("*.ipynb")} - stems):
                problems.append(f"{folder.relative_to(ROOT)}/{extra}.ipynb has no source/{extra}.py"
                                + (" with Chinese twins" if lang != "en" else ""))
    return problems


def edition_drift(stem, cells, lang):
    sub = f"{LANGUAGES[lang]}/" if LANGUAGES[lang] else ""
    problems = []
    chapter, solution = CHAPTERS / sub / f"{stem}.ipynb", SOLUTIONS / sub / f"{stem}.ipynb"
    if not chapter.exists() or chapter.read_text(encoding="utf-8") != dumps(notebook(stem, cells, False, lang)):
        why = chapter.exists() and learner_edited(chapter)
        if why:
            problems.append(f"chapters/{sub}{stem}.ipynb was changed by hand ({why}); learners work in "
                            f"{WORK}/ — move it there, then rebuild it")
        else:
            problems.append(f"chapters/{sub}{stem}.ipynb is stale: rebuild it from source/{stem}.py")
    if not solution.exists():
        return problems + [f"solutions/{sub}{stem}.ipynb is missing"]
    stored = nbformat.read(str(solution), as_version=4)
    expected = notebook(stem, cells, True, lang)
    if [(c.cell_type, c.source) for c in stored.cells] != [(c.cell_type, c.source) for c in expected.cells]:
        problems.append(f"solutions/{sub}{stem}.ipynb is stale: rebuild it from source/{stem}.py")
    elif any(c.cell_type == "code" and c.execution_count is None and c.source.strip() for c in stored.cells):
        problems.append(f"solutions/{sub}{stem}.ipynb is not fully executed")
    elif "widgets" in stored.metadata or any(WIDGET_VIEW in o.get("data", {}) for c in stored.cells
                                              if c.cell_type == "code" for o in c.outputs):
        problems.append(f"solutions/{sub}{stem}.ipynb stores live widgets: rebuild it (figures as PNG)")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("prefixes", nargs="*", help="only sources whose stem starts with one of these, e.g. 01")
    parser.add_argument("--check", action="store_true", help="report drift from source/ and exit 1 if any")
    parser.add_argument("--no-execute", action="store_true", help="write chapters/ only; leave solutions/ alone")
    parser.add_argument("--force", action="store_true", help="overwrite chapters even if edited or run")
    parser.add_argument("--stamp", action="store_true",
                        help="write the fingerprint of each new Chinese twin of these sources, then stop")
    parser.add_argument("--restamp", action="store_true", help="with --stamp: of every twin (after reviewing them)")
    args = parser.parse_args(argv)
    if args.stamp:
        for src in sources(args.prefixes):
            text = src.read_text(encoding="utf-8")
            stamped = stamp(text, restamp=args.restamp)
            if stamped != text:
                src.write_text(stamped, encoding="utf-8")
                print(f"stamped the twins of {src.relative_to(ROOT)}")
        return 0
    if args.check:
        problems = drift()
        print("\n".join(problems) or "chapters/ and solutions/ match source/")
        return 1 if problems else 0
    return 0 if build(args.prefixes, run=not args.no_execute, force=args.force) else 1


if __name__ == "__main__":
    sys.exit(main())
