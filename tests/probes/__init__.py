"""The probe: answers a learner plausibly writes, for every exercise of the course.

One module per chapter, `tests/probes/chNN.py`, with two dicts keyed by the exercise's name:

    CORRECT = {"weighted_input": [answer, answer, answer, ...]}      # each must get ✅
    WRONG = {"weighted_input": [(answer, "hint fragment"), ...]}     # each must get ❌ with that hint

At least 3 correct forms (different ways a learner writes the right answer: a list for an array, a
loop for a vectorised formula, a rounded number at the stated precision, an equivalent sympy form)
and at least 3 plausible wrong answers per exercise. A correct form the exercise text rules out
(an unstable or loop-only function where the text asks for stability or arrays) belongs in WRONG,
with the hint that says what to change.

`tests/test_probes.py` runs every probe; `python tools/probe.py` prints the totals.
"""
import importlib
import pkgutil

MIN_CORRECT = 3
MIN_WRONG = 3


def chapter_modules():
    """{"05": module} for every tests/probes/chNN.py."""
    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("ch") and info.name[2:].isdigit():
            found[info.name[2:]] = importlib.import_module(f"{__name__}.{info.name}")
    return found


def cases():
    """Every probe as (exercise_id, "correct" | "wrong", index, answer, hint fragment or None)."""
    out = []
    for num, mod in chapter_modules().items():
        for name, answers in getattr(mod, "CORRECT", {}).items():
            out += [(f"{num}.{name}", "correct", i, a, None) for i, a in enumerate(answers)]
        for name, pairs in getattr(mod, "WRONG", {}).items():
            out += [(f"{num}.{name}", "wrong", i, a, h) for i, (a, h) in enumerate(pairs)]
    return out


def verdict(exercise_id, expect, answer, hint):
    """None if the check answers as it should, else what went wrong ("false pass", …)."""
    from dlmath.course.checks import PASS
    from dlmath.course.exercises import evaluate
    result = evaluate(exercise_id, answer)
    if expect == "correct":
        return None if result.status == PASS else f"false fail: {result}"
    if result.status == PASS:
        return "false pass"
    if hint not in result.message:
        return f"wrong hint: expected {hint!r} in {result}"
    return None
