"""Chapters 00–05: what the probes (tests/probes/ch00.py … ch05.py, run by test_probes.py) do not cover —
stubs are "not attempted", the expected answers follow from the math, the chapter data stay intact."""
import numpy as np
import pytest
import sympy as sp

from dlmath import regression as reg
from dlmath.course.checks import PASS, TODO, Function
from dlmath.course.exercises import CHAPTERS, EXERCISES, evaluate
from probes.ch04 import count_by_loop  # the loop a learner writes, one place for it

EARLY = [eid for eid in EXERCISES if eid[:2] in ("00", "01", "02", "03", "04", "05")]


@pytest.mark.parametrize("exercise_id", EARLY)
def test_untouched_stubs_are_not_attempted(exercise_id):
    assert evaluate(exercise_id, ...).status == TODO
    if isinstance(EXERCISES[exercise_id], Function):
        assert evaluate(exercise_id, lambda *args: ...).status == TODO


def test_chapter_02_has_at_least_seven_exercises_of_mixed_kinds():
    kinds = {type(kind).__name__ for kind in CHAPTERS["02"].EXERCISES.values()}
    assert len(CHAPTERS["02"].EXERCISES) >= 7
    assert {"Number", "Array", "Function", "Expression", "Choice", "TrueFalse"} <= kinds


def test_chapter_04_expected_answers_follow_from_the_math():
    ex = CHAPTERS["04"].EXERCISES
    step, grad_p = ex["steepest_step"].expected, np.array([-5.0, 12.0])
    assert np.linalg.norm(step) == pytest.approx(0.26) and step @ grad_p == pytest.approx(-0.26 * 13)
    assert ex["steps_to_tolerance"].expected == count_by_loop()
    t = sp.Symbol("t")
    assert ex["largest_stable_eta"].expected == pytest.approx(float(2 / sp.diff(3 * t**2 - 12 * t + 7, t, 2)))
    down, to_min = -np.array([2 * 2.0, 20 * 1.0]), -np.array([2.0, 1.0])
    assert abs(down[0] * to_min[1] - down[1] * to_min[0]) > 1e-6


def test_chapter_05_choice_hint_quotes_the_polynomial_peak_of_the_notebook():
    c = reg.polynomial_through(reg.X, reg.Y)
    peak = reg.polynomial_value(c, np.linspace(reg.X.min(), reg.X.max(), 4001)).max()
    assert f"{peak:.0f} kg" in evaluate("05.nonzero_cost", "a").message


def test_chapter_05_data_are_read_only_and_survive_an_in_place_answer():
    before = reg.Y.copy()

    def cost_in_place(p, q):
        r = reg.Y
        r -= p * reg.X + q
        return 0.5 * np.sum(r ** 2)
    result = evaluate("05.cost_function", cost_in_place)
    assert result.status != PASS and "read-only" in result.message
    assert np.array_equal(reg.Y, before)
    with pytest.raises(ValueError):
        reg.X[0] = 0.0


def test_chapter_02_probe_data_survive_an_in_place_answer():
    points = [tuple(a.copy() for a in args) for args in EXERCISES["02.inner"].points]

    def inner_in_place(a, b):
        a *= b
        return a.sum()
    assert "in place" in evaluate("02.inner", inner_in_place).message
    assert all(np.array_equal(p, q) for args, saved in zip(EXERCISES["02.inner"].points, points)
               for p, q in zip(args, saved))
    assert evaluate("02.inner", lambda a, b: float(a @ b)).status == PASS


@pytest.mark.parametrize("exercise_id, mistake", [
    ("01.weighted_input", "b alone, w·x·b, the mean of w*x"),
    ("02.matrix_product", "A Bᵀ, Aᵀ B"),
    ("02.inner_product", "a1b1 alone, a1b1 + a2b2"),
])
def test_the_data_tell_each_declared_mistake_from_the_answer(exercise_id, mistake):
    kind = EXERCISES[exercise_id]
    expected = np.asarray(kind.expected)
    for value, hint in kind.wrong:
        assert not np.allclose(np.asarray(value), expected, rtol=kind.rtol, atol=kind.atol), (mistake, hint)
