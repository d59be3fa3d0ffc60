"""`dlmath`: what a learner does outside a notebook.

    dlmath open [NN]         JupyterLab on your copy of chapter NN (default 00), rooted at the course folder
    dlmath progress          your results per chapter, with the next exercise to do
    dlmath progress --reset [NN]   forget your results (of one chapter); a dated copy is kept
    dlmath check NOTEBOOK    run a copy of a notebook headless and print each exercise's verdict
    dlmath reset NN          a fresh copy of chapter NN in my-work/; your old copy goes to my-work/backups/

Also `python -m dlmath …`.
"""
import argparse
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

URL = re.compile(r"(https?://(?:localhost|127\.0\.0\.1|\[::1\]):\d+/lab\S*)")


def _workspace(args):
    from .workspace import Workspace
    return Workspace(getattr(args, "root", None))


def cmd_open(args):
    ws = _workspace(args)
    made = ws.ensure_copies()
    notices = ws.sync()
    if made:
        print(f"made your own copies of {len(made)} chapter(s) in {ws.rel(ws.work)}/ (git ignores it).")
    for line in notices:
        print("update:", line)
    target = ws.copy_of(ws.chapter(args.chapter))
    command = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={ws.root}", ws.rel(target)]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # Docker, WSL: JupyterLab refuses root unless told
    if args.no_browser:
        command.append("--no-browser")
    if args.port:
        command.append(f"--ServerApp.port={args.port}")
    if args.dry_run:
        print(" ".join(command))
        return 0
    print(f"opening {ws.rel(target)} in JupyterLab (stop it with Ctrl+C) …", flush=True)
    proc = subprocess.Popen(command, cwd=ws.root, stderr=subprocess.PIPE, text=True, bufsize=1)
    signal.signal(signal.SIGTERM, _interrupt)  # a `kill` of this command stops JupyterLab too, not only us
    shown = False
    try:
        for line in proc.stderr:
            if not shown and URL.search(line):
                shown = True
                print(f"\n    The course is open at:\n    {URL.search(line)[1]}\n"
                      "    (if no browser opened, paste this address into one)\n", flush=True)
            elif args.verbose or "ERROR" in line or "CRITICAL" in line:
                sys.stderr.write(line)
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()


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
            print("update:", line)
    except FileNotFoundError:
        pass
    return 0


def cmd_check(args):
    import nbformat
    path = Path(args.notebook)
    try:
        nb = nbformat.read(str(path), as_version=4)  # read once; the file itself is never written
    except Exception as exc:
        print(f"cannot read {path} as a notebook: {exc}", file=sys.stderr)
        return 2
    print(f"running a copy of {path} (the file itself is not changed) …", flush=True)
    from .headless import execute
    try:
        execute(nb, path.resolve().parent, timeout=args.timeout, allow_errors=True)
    except Exception as exc:
        print(f"the notebook stopped: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    from .checks import FAIL, PASS, SYMBOL, TODO, verdict
    from .exercises import verdicts
    found = [v for v in verdicts(nb) if not v[1].endswith(".demo")]  # read from the data, not the text
    for status, exercise_id, message in found:
        print(f"{SYMBOL[status]} {exercise_id}: {verdict(status, message)}")
    errors = [(i, o) for i, c in enumerate(nb.cells) if c.cell_type == "code"
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    for i, out in errors:
        print(f"cell {i + 1} raised {out.get('ename')}: {str(out.get('evalue'))[:160]}")
    counts = {s: sum(f[0] == s for f in found) for s in (PASS, FAIL, TODO)}
    print(f"{counts[PASS]} correct, {counts[FAIL]} not yet, {counts[TODO]} not attempted"
          + (f", {len(errors)} cell(s) raised an error" if errors else ""))
    return 0


def cmd_reset(args):
    ws = _workspace(args)
    backup = ws.reset(args.chapter)
    print(f"a fresh copy: {ws.rel(ws.copy_of(ws.chapter(args.chapter)))}"
          + (f"; your old copy is kept as {ws.rel(backup)}" if backup else ""))
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="dlmath", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", help=argparse.SUPPRESS)  # the course folder (found automatically)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("open", help="open the course in JupyterLab on your copy of a chapter")
    p.add_argument("chapter", nargs="?", default="00", help="chapter number, e.g. 04 (default 00)")
    p.add_argument("--no-browser", action="store_true", help="only print the address")
    p.add_argument("--port", type=int, help="the port to use (default 8888, or the next free one)")
    p.add_argument("--verbose", action="store_true", help="show JupyterLab's own log")
    p.add_argument("--dry-run", action="store_true", help="print the JupyterLab command, start nothing")
    p.set_defaults(run=cmd_open)
    p = sub.add_parser("progress", help="your results per chapter and the next exercise")
    p.add_argument("--reset", nargs="?", const="all", metavar="NN", help="forget results (all, or chapter NN)")
    p.set_defaults(run=cmd_progress)
    p = sub.add_parser("check", help="run a copy of a notebook and print each exercise's verdict")
    p.add_argument("notebook")
    p.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell")
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("reset", help="a fresh copy of a chapter (the old one is kept as a dated backup)")
    p.add_argument("chapter")
    p.set_defaults(run=cmd_reset)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (LookupError, FileNotFoundError) as exc:
        print(f"dlmath: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
