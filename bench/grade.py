"""How long `dlmath class grade` takes for a class: N students × every chapter (default 30 × 12).

    .venv/bin/python bench/grade.py                 # 30 students, --jobs 2
    .venv/bin/python bench/grade.py --students 4 --jobs 1

Each student hands in every chapter's solution notebook (the slowest case: every cell has work to do),
as one folder per student; the grade is checked (every exercise 1) and the wall time printed, with the
time per notebook. Not a test: the numbers go in bench/README.md.
"""
import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    chapters = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        subs = Path(tmp) / "submissions"
        for i in range(args.students):
            folder = subs / f"student{i + 1:03d}"
            folder.mkdir(parents=True)
            for chapter in chapters:
                shutil.copyfile(chapter, folder / chapter.name)
        out = Path(tmp) / "grades.csv"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dlmath", "--root", str(ROOT), "class", "grade", str(subs),
                        "--out", str(out), "--jobs", str(args.jobs)], check=True)
        took = time.perf_counter() - start
        with open(out, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    exercises = len(rows[0]) - 3
    full = sum(int(r["total"]) == exercises for r in rows)
    notebooks = args.students * len(chapters)
    print(f"{args.students} students × {len(chapters)} chapters = {notebooks} notebooks, --jobs {args.jobs}: "
          f"{took:.0f} s ({took / notebooks:.1f} s per notebook); {full} of {len(rows)} students graded "
          f"{exercises}/{exercises}")


if __name__ == "__main__":
    main()
