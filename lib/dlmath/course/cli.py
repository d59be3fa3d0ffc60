"""The `dlmath` command: COMMANDS below says what it does (it is also its --help). Everything it prints,
--help too, speaks the edition's language: --lang, else the one `dlmath open` chose last.
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from ..language import N_, language, translate as _, use
from .workspace import Workspace, find_root, remember_language, remembered_language

COMMANDS = N_("""`dlmath`: what a learner does outside a notebook.

    dlmath open [NN]         JupyterLab on your copy of chapter NN (default 00), rooted at the course folder
    dlmath progress          your results per chapter, with the next exercise to do
    dlmath progress --reset [NN]   forget your results (of one chapter); a dated copy is kept
    dlmath check NOTEBOOK    run a copy of a notebook headless and print each exercise's verdict
    dlmath reset NN          a fresh copy of chapter NN in my-work/; your old copy goes to my-work/backups/
    dlmath restore NN [N]    bring back a backup (the newest, or number N of `--list`); the current copy is kept
    dlmath update [NN]       the new version of a chapter with your answers carried into it; the old copy is kept
    dlmath class release OUT_DIR | grade SUBMISSIONS_DIR --out grades.csv   for teachers (docs/teaching.md)

Also `python -m dlmath …`.
""")

URL = re.compile(r"(https?://(?:localhost|127\.0\.0\.1|\[::1\]):\d+/lab\S*)")


def _language(args):
    """The edition a command works on: --lang, else the one `dlmath open --lang` chose last, else English."""
    lang = getattr(args, "lang", None)
    if lang:
        return lang
    try:
        return remembered_language(getattr(args, "root", None) or find_root())
    except FileNotFoundError:
        return "en"


def _workspace(args):
    return Workspace(getattr(args, "root", None), _language(args))


def cmd_open(args):
    ws = _workspace(args)
    if getattr(args, "lang", None):
        remember_language(ws.root, ws.lang)  # the next `dlmath open` (and progress, reset …) keeps it
    made = ws.ensure_copies()
    notices = ws.sync()
    if made:
        print(_("made your own copies of {count} chapter(s) in {folder}/ (git ignores it).").format(
            count=len(made), folder=ws.rel(ws.work)))
    for line in notices:
        print(_("update: {notice}").format(notice=line))
    target = ws.copy_of(ws.chapter(args.chapter))
    for chapter in ws.outdated():
        number = chapter.stem[:2]
        if sys.stdin.isatty() and _ask(_("carry your answers into the new version of chapter {number} now? "
                                         "[Y/n] ").format(number=number), default=True) \
                and _safe_to_replace(ws, ws.copy_of(chapter), N_("update"), False):
            _report_update(ws, number, ws.update(number))
    from .lab import lab_path
    # the learner's copy, in the course's own JupyterLab workspace (dlmath.course.lab)
    command = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={ws.root}",
               f"--LabApp.default_url={lab_path(ws, target)}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # Docker, WSL: JupyterLab refuses root unless told
    if args.no_browser:
        command.append("--no-browser")
    if args.port:
        command.append(f"--ServerApp.port={args.port}")
    if args.dry_run:
        print(" ".join(command))
        return 0
    print(_("opening {notebook} in JupyterLab (stop it with Ctrl+C) …").format(notebook=ws.rel(target)), flush=True)
    proc = subprocess.Popen(command, cwd=ws.root, stderr=subprocess.PIPE, text=True, bufsize=1,
                            env=_lab_env(ws.lang))
    signal.signal(signal.SIGTERM, _interrupt)  # a `kill` of this command stops JupyterLab too, not only us
    shown = False
    try:
        for line in proc.stderr:
            if not shown and URL.search(line):
                shown = True
                print("\n    " + _("The course is open at:") + f"\n    {URL.search(line)[1]}\n    "
                      + _("(if no browser opened, paste this address into one)") + "\n", flush=True)
            elif args.verbose or "ERROR" in line or "CRITICAL" in line:
                sys.stderr.write(line)
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()


def _lab_env(lang="en"):
    """The environment of the course's JupyterLab: the course's Jupyter settings (lib/jupyter-config:
    its server extension, no news toast) found even before requirements.txt installed them, and for the
    Chinese edition lib/jupyter-config-zh first (JupyterLab's interface in Chinese, from the language pack;
    a language the learner picked in JupyterLab's own menu still wins)."""
    env = dict(os.environ)
    lib = Path(__file__).resolve().parents[2]
    folders = [lib / "jupyter-config-zh"] * (lang == "zh") + [lib / "jupyter-config"]
    found = [str(f) for f in folders if f.is_dir()]
    if found:
        env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, [*found, env.get("JUPYTER_CONFIG_PATH")]))
    return env


def _ask(question, default=False):
    """A yes/no question on the terminal; the default when the answer is empty or there is no one to ask."""
    try:
        answer = input(question).strip().lower()
    except EOFError:
        print()
        return default
    return default if not answer else answer in ("y", "yes", "j", "是", "好")


def _safe_to_replace(ws, copy, what, yes):
    """Warn, and ask, when a running JupyterLab has the notebook open: its tab would keep the old cells
    and offer to save them over the new file. True when it is safe (or the learner said so)."""
    from .lab import open_in
    servers = open_in(copy)
    if not servers:
        return True
    print(_("{notebook} is open in JupyterLab ({servers}). After the {what}, its tab still shows the old cells: "
            "do not save it; use File ▸ Reload Notebook from Disk (or close the tab without saving and open the "
            "file again).").format(notebook=ws.rel(copy), servers=", ".join(servers), what=_(what)))
    if yes:
        return True
    if _ask(_("{what} anyway? [y/N] ").format(what=_(what)), default=False):
        return True
    print(_("nothing changed. (To skip this question: --yes.)"))
    return False


def _report_update(ws, number, outcome):
    if outcome is None:
        print(_("{number}: your copy is already the newest version.").format(number=number))
        return
    backup, carried, left = outcome
    copy = ws.rel(ws.copy_of(ws.chapter(number)))
    if backup is None:
        print(_("{number}: {copy} is the new version (you had not started it).").format(number=number, copy=copy))
        return
    answers = [c for c in carried if "." in c and " " not in c]
    others = [c for c in carried if c not in answers]
    if others:
        said = _("{number}: {copy} is the new version with {answers} answer(s) carried into it and {others} more "
                 "of your cells. Your old copy is kept as {backup}.")
    else:
        said = _("{number}: {copy} is the new version with {answers} answer(s) carried into it. Your old copy is "
                 "kept as {backup}.")
    print(said.format(number=number, copy=copy, answers=len(answers), others=len(others), backup=ws.rel(backup)))
    for what, where in left:
        print("   " + _("not carried: {what}; it is in {where}.").format(what=what, where=where))


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def cmd_progress(args):
    from . import exercises
    if args.reset is not None:
        exercises.reset_progress(None if args.reset == "all" else args.reset.zfill(2))
        return 0
    exercises.progress()
    try:
        for line in _workspace(args).sync():
            print(_("update: {notice}").format(notice=line))
    except FileNotFoundError:
        pass
    return 0


def cmd_check(args):
    import nbformat
    path = Path(args.notebook)
    try:
        nb = nbformat.read(str(path), as_version=4)  # read once; the file itself is never written
    except Exception as exc:
        print(_("cannot read {path} as a notebook: {error}").format(path=path, error=exc), file=sys.stderr)
        return 2
    print(_("running a copy of {path} (the file itself is not changed) …").format(path=path), flush=True)
    from .headless import execute
    try:  # the kernel speaks the command's language: the verdicts it computes come back in it
        execute(nb, path.resolve().parent, timeout=args.timeout, allow_errors=True, env={"DLMATH_LANG": language()})
    except Exception as exc:
        print(_("the notebook stopped: {error}: {message}").format(error=type(exc).__name__,
                                                                  message=str(exc).splitlines()[0][:200]))
    from .checks import FAIL, PASS, SYMBOL, TODO, verdict
    from .exercises import verdicts
    found = [v for v in verdicts(nb) if not v[1].endswith(".demo")]  # read from the data, not the text
    for status, exercise_id, message in found:
        print(_("{symbol} {exercise}: {verdict}").format(symbol=SYMBOL[status], exercise=exercise_id,
                                                         verdict=verdict(status, message)))
    errors = [(i, o) for i, c in enumerate(nb.cells) if c.cell_type == "code"
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    for i, out in errors:
        print(_("cell {number} raised {error}: {message}").format(number=i + 1, error=out.get("ename"),
                                                                  message=str(out.get("evalue"))[:160]))
    counts = {s: sum(f[0] == s for f in found) for s in (PASS, FAIL, TODO)}
    said = _("{correct} correct, {wrong} not yet, {todo} not attempted").format(
        correct=counts[PASS], wrong=counts[FAIL], todo=counts[TODO])
    if errors:
        said += _(", {count} cell(s) raised an error").format(count=len(errors))
    print(said)
    return 0


def cmd_reset(args):
    ws = _workspace(args)
    copy = ws.copy_of(ws.chapter(args.chapter))
    if copy.exists() and not _safe_to_replace(ws, copy, N_("reset"), args.yes):
        return 1
    backup = ws.reset(args.chapter)
    if backup:
        print(_("a fresh copy: {copy}; your old copy is kept as {backup} (`dlmath restore {chapter}` brings it "
                "back)").format(copy=ws.rel(copy), backup=ws.rel(backup), chapter=args.chapter))
    else:
        print(_("a fresh copy: {copy}").format(copy=ws.rel(copy)))
    return 0


def cmd_restore(args):
    ws = _workspace(args)
    number = ws.chapter(args.chapter).stem[:2]
    have = ws.backups_of(number)
    if args.list or (args.backup is None and not have):
        if not have:
            print(_("there is no backup of chapter {number} in {folder}/.").format(number=number,
                                                                              folder=ws.rel(ws.backups)))
            return 0 if args.list else 1
        print(_("backups of chapter {number}, newest first (`dlmath restore {number} N` restores number N):")
              .format(number=number))
        for i, path in enumerate(have, start=1):
            print(f"  {i}. {ws.rel(path)}  ({time.strftime('%Y-%m-%d %H:%M', time.localtime(path.stat().st_mtime))})")
        return 0
    copy = ws.copy_of(ws.chapter(number))
    if copy.exists() and not _safe_to_replace(ws, copy, N_("restore"), args.yes):
        return 1
    restored, kept = ws.restore(number, args.backup)
    if kept:
        print(_("{copy} is now {backup}; the copy it replaced is kept as {kept}.").format(
            copy=ws.rel(copy), backup=ws.rel(restored), kept=ws.rel(kept)))
    else:
        print(_("{copy} is now {backup}.").format(copy=ws.rel(copy), backup=ws.rel(restored)))
    return 0


def cmd_update(args):
    ws = _workspace(args)
    ws.ensure_copies()
    numbers = [ws.chapter(n).stem[:2] for n in args.chapters] or [c.stem[:2] for c in ws.outdated()]
    if not numbers:
        print(_("every chapter of yours is the newest version."))
        return 0
    for number in numbers:
        copy = ws.copy_of(ws.chapter(number))
        if ws.chapter(number) in ws.outdated() and not _safe_to_replace(ws, copy, N_("update"), args.yes):
            continue
        _report_update(ws, number, ws.update(number))
    return 0


def cmd_class_release(args):
    from .classroom import release
    ws = _workspace(args)
    picked = release(ws.root, args.out, chapters=args.chapters, due=args.due, lang=ws.lang)
    if args.due:
        said = _("wrote the student edition to {folder}: {count} chapter(s) ({chapters}), the library and a "
                 "student README (due {due}); no solutions, no sources, no tests.")
    else:
        said = _("wrote the student edition to {folder}: {count} chapter(s) ({chapters}), the library and a "
                 "student README; no solutions, no sources, no tests.")
    print(said.format(folder=args.out, count=len(picked), chapters=", ".join(c.stem[:2] for c in picked), due=args.due))
    return 0


def cmd_class_grade(args):
    from .classroom import grade
    ws = _workspace(args)
    rows = grade(ws.root, args.submissions, args.out, feedback=args.feedback, jobs=args.jobs,
                 timeout=args.timeout)
    troubled = [r[0] for r in rows if r[-1]]
    said = _("graded {count} student(s) -> {csv}").format(count=len(rows), csv=args.out)
    if args.feedback:
        said += _("; feedback in {folder}/").format(folder=args.feedback)
    if troubled:
        said += _("; problems recorded for {students}").format(students=", ".join(troubled))
    print(said)
    return 0


def _asked(argv, option):
    """The value of `option` (--lang, --root) wherever it stands in argv, before argparse reads it, so that
    even --help speaks the edition's language; None when it is not given."""
    for i, arg in enumerate(argv):
        if arg == option and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(option + "="):
            return arg.split("=", 1)[1]
    return None


def _edition_option(p, default=argparse.SUPPRESS):
    """--lang: the edition a command works on, given before the command (`dlmath --lang zh class release OUT`)
    or, where a subcommand takes it too, after it (`dlmath class release --lang zh OUT`: there it sets the
    value only when given)."""
    p.add_argument("--lang", choices=["en", "zh"], default=default,
                   help=_("the edition: en (English) or zh (中文); default: the one `dlmath open` chose last"))


def parser():
    """The command line, its help in the language in use."""
    top = argparse.ArgumentParser(prog="dlmath", description=_(COMMANDS),
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--root", help=argparse.SUPPRESS)  # the course folder (found automatically)
    _edition_option(top, default=None)
    sub = top.add_subparsers(dest="command", required=True)
    p = sub.add_parser("open", help=_("open the course in JupyterLab on your copy of a chapter"))
    p.add_argument("chapter", nargs="?", default="00", help=_("chapter number, e.g. 04 (default 00)"))
    p.add_argument("--no-browser", action="store_true", help=_("only print the address"))
    p.add_argument("--port", type=int, help=_("the port to use (default 8888, or the next free one)"))
    p.add_argument("--verbose", action="store_true", help=_("show JupyterLab's own log"))
    p.add_argument("--dry-run", action="store_true", help=_("print the JupyterLab command, start nothing"))
    p.add_argument("--lang", choices=["en", "zh"], default=argparse.SUPPRESS,
                   help=_("open the English (en) or the Chinese (zh, 中文) edition, and remember the choice"))
    p.set_defaults(run=cmd_open)
    p = sub.add_parser("progress", help=_("your results per chapter and the next exercise"))
    p.add_argument("--reset", nargs="?", const="all", metavar="NN", help=_("forget results (all, or chapter NN)"))
    p.set_defaults(run=cmd_progress)
    p = sub.add_parser("check", help=_("run a copy of a notebook and print each exercise's verdict"))
    p.add_argument("notebook")
    p.add_argument("--timeout", type=int, default=300, help=_("seconds allowed per cell"))
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("reset", help=_("a fresh copy of a chapter (the old one is kept as a dated backup)"))
    p.add_argument("chapter")
    p.add_argument("--yes", action="store_true", help=_("do not ask, even if JupyterLab has it open"))
    p.set_defaults(run=cmd_reset)
    p = sub.add_parser("restore", help=_("bring back a backup of your copy of a chapter (--list lists them)"))
    p.add_argument("chapter")
    p.add_argument("backup", nargs="?", help=_("its number in --list or its file name (default: the newest)"))
    p.add_argument("--list", action="store_true", help=_("list the backups of the chapter, newest first"))
    p.add_argument("--yes", action="store_true", help=_("do not ask, even if JupyterLab has it open"))
    p.set_defaults(run=cmd_restore)
    p = sub.add_parser("update", help=_("carry your answers into the new version of a chapter (default: every "
                                        "chapter with a new version)"))
    p.add_argument("chapters", nargs="*")
    p.add_argument("--yes", action="store_true", help=_("do not ask, even if JupyterLab has it open"))
    p.set_defaults(run=cmd_update)
    p = sub.add_parser("class", help=_("for teachers: a student edition, and grading the students' notebooks"))
    teach = p.add_subparsers(dest="class_command", required=True)
    q = teach.add_parser("release", help=_("write a student edition (no solutions) into OUT_DIR"))
    q.add_argument("out", metavar="OUT_DIR")
    q.add_argument("--chapters", nargs="+", metavar="NN", help=_("only these chapters (default: all)"))
    q.add_argument("--due", help=_("the due date the student README states, e.g. 2027-01-15"))
    _edition_option(q)
    q.set_defaults(run=cmd_class_release)
    q = teach.add_parser("grade", help=_("grade a folder of submissions (one folder or .zip per student)"))
    q.add_argument("submissions", metavar="SUBMISSIONS_DIR")
    q.add_argument("--out", default="grades.csv", help=_("the CSV to write (default grades.csv)"))
    q.add_argument("--feedback", metavar="DIR", help=_("write DIR/<student>.md: each verdict and hint, no answers"))
    q.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) // 2), help=_("notebooks run at once"))
    q.add_argument("--timeout", type=int, default=120,
                   help=_("seconds allowed per cell (an endless loop stops there)"))
    _edition_option(q)
    q.set_defaults(run=cmd_class_grade)
    return top


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    early = argparse.Namespace(lang=_asked(argv, "--lang"), root=_asked(argv, "--root"))
    use(_language(early) if early.lang in (None, "en", "zh") else None)  # --help speaks it too
    try:
        args = parser().parse_args(argv)
        use(_language(args))  # the command's own messages in the edition's language
        return args.run(args)
    except (LookupError, FileNotFoundError, FileExistsError) as exc:
        print(_("dlmath: {error}").format(error=exc), file=sys.stderr)
        return 2
    finally:
        use(None)


if __name__ == "__main__":
    sys.exit(main())
