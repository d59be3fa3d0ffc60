"""Every exercise against the answers a learner plausibly writes (tests/probes/), and every typical
mistake an exercise declares against its own check: the data must tell each one from the answer."""
import pytest

import probes
from dlmath.course import exercises
from dlmath.course.checks import FAIL, Array, Choice, Expression, Function, Number

CASES = probes.cases()
PROBED = probes.chapter_modules()


@pytest.mark.parametrize("exercise_id, expect, index, answer, hint", CASES,
                         ids=[f"{c[0]}-{c[1]}{c[2]}" for c in CASES])
def test_probe(exercise_id, expect, index, answer, hint):
    problem = probes.verdict(exercise_id, expect, answer, hint)
    assert problem is None, problem


@pytest.mark.parametrize("num", sorted(PROBED))
def test_every_exercise_of_a_probed_chapter_has_enough_probes(num):
    mod, declared = PROBED[num], exercises.CHAPTERS[num].EXERCISES
    correct, wrong = getattr(mod, "CORRECT", {}), getattr(mod, "WRONG", {})
    assert set(correct) | set(wrong) <= set(declared), "probes for exercises that do not exist"
    for name in declared:
        assert len(correct.get(name, [])) >= probes.MIN_CORRECT, f"{num}.{name}: too few correct forms"
        assert len(wrong.get(name, [])) >= probes.MIN_WRONG, f"{num}.{name}: too few wrong answers"


def declared_mistakes():
    """(exercise_id, answer, hint) for every typical mistake an exercise declares."""
    out = []
    for eid, kind in sorted(exercises.EXERCISES.items()):
        if isinstance(kind, Choice):
            out += [(eid, letter, kind.hints.get(letter, "")) for letter in kind.options if letter != kind.answer]
        elif isinstance(kind, (Number, Array, Function, Expression)):
            out += [(eid, answer, hint) for answer, hint in kind.wrong]
    return out


MISTAKES = declared_mistakes()


@pytest.mark.parametrize("exercise_id, answer, hint", MISTAKES,
                         ids=[f"{m[0]}-{i}" for i, m in enumerate(MISTAKES)])
def test_every_declared_mistake_fails_with_its_own_hint(exercise_id, answer, hint):
    result = exercises.evaluate(exercise_id, answer)
    assert result.status == FAIL and hint in result.message, result


def test_every_chapter_with_exercises_has_a_probe_module():
    missing = sorted(set(exercises.CHAPTERS) - set(PROBED))
    assert not missing, f"chapters without tests/probes/chNN.py: {missing}"
