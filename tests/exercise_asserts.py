"""The two assertions every exercise test makes (imported by tests/test_exercises_chNN.py)."""
from dlmath.course.checks import FAIL, PASS
from dlmath.course.exercises import evaluate


def passes(exercise_id, answer):
    result = evaluate(exercise_id, answer)
    assert result.status == PASS, result


def fails_with(exercise_id, answer, hint):
    result = evaluate(exercise_id, answer)
    assert result.status == FAIL and hint in result.message, result
