"""Print the probe's totals: exercises, correct forms, wrong answers, false passes, false fails.

    .venv/bin/python tools/probe.py          # totals, then every problem found
"""
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import probes  # noqa: E402
from dlmath.course import exercises  # noqa: E402


def main():
    counts, problems = Counter(), []
    for eid, expect, index, answer, hint in probes.cases():
        counts[expect] += 1
        problem = probes.verdict(eid, expect, answer, hint)
        if problem:
            counts[problem.split(":")[0]] += 1
            problems.append(f"{eid} {expect}[{index}]: {problem}")
    probed = {f"{n}.{name}" for n, m in probes.chapter_modules().items()
              for name in list(getattr(m, "CORRECT", {})) + list(getattr(m, "WRONG", {}))}
    print(f"exercises: {len(exercises.EXERCISES)} ({len(probed & set(exercises.EXERCISES))} probed)")
    print(f"correct forms: {counts['correct']}   wrong answers: {counts['wrong']}")
    print(f"false passes: {counts['false pass']}   false fails: {counts['false fail']}   "
          f"wrong hints: {counts['wrong hint']}")
    for line in problems:
        print("  " + line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
