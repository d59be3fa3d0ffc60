"""The library's message catalogs: extract every learner-facing message, keep the Chinese .po, compile .mo.

    python tools/i18n.py            # extract, update lib/dlmath/locale/zh_CN/LC_MESSAGES/dlmath.po, compile .mo
    python tools/i18n.py --check    # exit 1 if a message is missing from the .po, untranslated, or the .mo is stale
    python tools/i18n.py --merge part.po …   # take the translations of other .po files (a translator's share)

Messages come from three places: the templates marked `_("…")` or `N_("…")` in the library's code
(Babel's Python extractor); the exercise registry — every exercise's hints and the messages of its
typical mistakes, which stay plain strings in `course/exercises/chNN.py` and are translated where the
check shows them; and what the chapters' code cells print and draw (tools/code_text.py; the build puts
the Chinese into the Chinese edition's code). A translation keeps every `{placeholder}` of its message,
format spec and all (an f-string's `{field}` too, but for the words of a string literal inside it).
"""
import argparse
import datetime
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent))
from code_text import fields, shown_strings  # noqa: E402  (tools/ is a folder of scripts)

ROOT = Path(__file__).resolve().parent.parent
LIB = ROOT / "lib" / "dlmath"
PO = LIB / "locale" / "zh_CN" / "LC_MESSAGES" / "dlmath.po"
MO = PO.with_suffix(".mo")
STABLE_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)  # no churn in the .po's header
HEADER = "# The Chinese messages of dlmath, the library of The Mathematics of Deep Learning.\n" \
         "# Made by tools/i18n.py: fill in msgstr; keep every {placeholder}."


def registry_messages():
    """(message, where) for each chapter title and every hint and mistake message of the exercises."""
    import numpy as np
    sys.path.insert(0, str(ROOT / "lib"))
    from dlmath.course.exercises import CHAPTERS, EXAMPLES

    found = []
    for num, module in CHAPTERS.items():
        found.append((module.TITLE, f"chapter-{num}"))
        kinds = [(f"{num}.{name}", kind) for name, kind in module.EXERCISES.items()]
        if num == "00":
            kinds += list(EXAMPLES.items())
        for exercise, kind in kinds:
            texts = [getattr(kind, name, "") for name in ("hint", "stable_hint", "tuple_hint", "complex_hint",
                                                          "passed_message")]
            texts += list(getattr(kind, "hints", {}).values())
            texts += list(np.ravel(getattr(kind, "entry_hints", [])))  # a truth table's hint per question
            texts += [getattr(kind, "name", "")] + list(getattr(kind, "others", {}))  # a Basis names subspaces
            texts += list(getattr(kind, "length_hints", {}).values())
            texts += [pair[1] for pair in getattr(kind, "wrong", [])]
            found += [(str(t), exercise) for t in texts if isinstance(t, str) and t.strip()]
    return found


def source_messages():
    """(message, where) for every string a chapter's code cells print or draw (tools/code_text.py)."""
    sys.path.insert(0, str(ROOT / "tools"))
    from build_notebooks import SOURCE, read_cells

    return [(message, f"source/{path.name}") for path in sorted(SOURCE.glob("[0-9][0-9]_*.py"))
            for kind, code, *_ in read_cells(path.read_text(encoding="utf-8")) if kind == "code"
            for message in shown_strings(code)]


def template():
    """The catalog of every message, each with where it comes from."""
    catalog = Catalog(project="dlmath", domain="dlmath", creation_date=STABLE_DATE)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(LIB), method_map=[("**.py", "python")], keywords={"_": None, "N_": None}):
        catalog.add(message, locations=[(f"lib/dlmath/{filename}", lineno)])
    for message, where in registry_messages() + source_messages():
        catalog.add(message, locations=[(where, 0)])
    return catalog


def read(path):
    with open(path, "rb") as f:
        return read_po(f, locale="zh_CN", domain="dlmath")


def problems(po, pot):
    """What is wrong with the Chinese catalog `po` against the messages `pot`."""
    found = []
    for message in pot:
        if not message.id:
            continue
        entry = po.get(message.id)
        if entry is None or not entry.string:
            found.append(f"no Chinese for {message.id!r} ({message.locations[0][0]})")
        elif fields(entry.string) != fields(message.id):
            found.append(f"the Chinese for {message.id!r} does not keep its placeholders: {entry.string!r}")
        elif entry.fuzzy:
            found.append(f"the Chinese for {message.id!r} is marked fuzzy: review it")
    return found


def compiled(po):
    buffer = io.BytesIO()
    write_mo(buffer, po)
    return buffer.getvalue()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report what is missing or stale; change nothing")
    parser.add_argument("--merge", nargs="+", metavar="PO", help="take the translations these .po files have")
    args = parser.parse_args(argv)
    pot = template()
    po = read(PO) if PO.exists() else Catalog(locale="zh_CN", domain="dlmath", project="dlmath",
                                              header_comment=HEADER, revision_date=STABLE_DATE)
    if args.check:
        found = problems(po, pot)
        if not MO.exists() or MO.read_bytes() != compiled(po):
            found.append(f"{MO.relative_to(ROOT)} is stale: run python tools/i18n.py")
        stale = sorted(m.id for m in po if m.id and m.id not in pot)
        found += [f"{PO.relative_to(ROOT)} still has a message nothing uses: {m!r}" for m in stale]
        print("\n".join(found) or "the Chinese catalog has every message")
        return 1 if found else 0
    po.update(pot, no_fuzzy_matching=True)
    for part in args.merge or []:  # after the update: a part may translate messages new to this .po
        for message in read(part):
            if message.id and message.string and message.id in po:
                po[message.id].string = message.string
    po.obsolete.clear()
    po.fuzzy, po.revision_date = False, STABLE_DATE
    PO.parent.mkdir(parents=True, exist_ok=True)
    with open(PO, "wb") as f:
        write_po(f, po, width=100, sort_output=False, include_previous=False)
    MO.write_bytes(compiled(read(PO)))
    missing = problems(read(PO), pot)
    print(f"{PO.relative_to(ROOT)}: {len(pot)} messages, {len(missing)} without Chinese; {MO.relative_to(ROOT)} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
