"""No answer a learner can type makes a check raise: hypothesis throws hostile inputs at every exercise.

New chapters join automatically: the exercises come from the registry, dlmath.course.exercises.
"""
import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from dlmath.course import exercises
from dlmath.course.checks import FAIL, PASS, TODO, Result

IDS = sorted(exercises.EXERCISES) + sorted(exercises.EXAMPLES)
HOSTILE_PER_EXERCISE = 100


def _raises(*args):
    raise RuntimeError("learner bug")


def _returns(value):
    return lambda *args: value


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.complex_numbers(), st.text(max_size=20), st.binary(max_size=10), st.just(Ellipsis),
    st.sampled_from([sp.Symbol("z"), sp.Symbol("x") ** 2, sp.Eq(sp.Symbol("z"), 1), sp.zoo, sp.nan,
                     sp.Matrix([1, 2]), sp.oo, sp.exp(sp.Symbol("z")), sp.Symbol("z", real=True) / 0]),
)
arrays = hnp.arrays(dtype=st.sampled_from([np.float64, np.int8, np.bool_, np.complex128, np.float16]),
                    shape=hnp.array_shapes(min_dims=0, max_dims=3, max_side=4),
                    elements=None)
functions = st.one_of(
    st.just(_raises), scalars.map(_returns), arrays.map(_returns),
    st.sampled_from([np.abs, np.exp, np.log, np.sqrt, len, str, print, type, object]),
)
containers = st.recursive(scalars | arrays, lambda inner: st.lists(inner, max_size=4)
                          | st.tuples(inner, inner) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
                          max_leaves=10)
hostile = st.one_of(scalars, arrays, functions, containers)


@pytest.mark.parametrize("exercise_id", IDS)
@settings(max_examples=HOSTILE_PER_EXERCISE, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answer=hostile)
def test_a_check_never_raises(exercise_id, answer):
    with np.errstate(all="ignore"):
        result = exercises.evaluate(exercise_id, answer)
    assert isinstance(result, Result)
    assert result.status in (PASS, FAIL, TODO)
    assert isinstance(result.message, str) and result.message


@pytest.mark.parametrize("exercise_id", IDS)
def test_untouched_stub_is_not_attempted(exercise_id):
    assert exercises.evaluate(exercise_id, ...).status == TODO


@pytest.mark.parametrize("exercise_id", sorted(exercises.EXERCISES))
def test_stub_function_is_not_attempted(exercise_id):
    kind = exercises.EXERCISES[exercise_id]
    if hasattr(kind, "reference"):  # function exercises get a body `return ...`
        assert exercises.evaluate(exercise_id, lambda *args: ...).status == TODO


def test_unknown_id_is_reported_not_raised():
    assert "no exercise" in exercises.evaluate("99.nothing", 1).message
    assert exercises.evaluate(None, 1).status == FAIL


def test_check_prints_and_remembers(capsys):
    from dlmath import progress
    from dlmath.course.results import load
    exercises.check("01.max_sigmoid_slope", 0.25)
    exercises.check("01.weighted_input", 7)
    out = capsys.readouterr().out
    assert "✅ 01.max_sigmoid_slope" in out and "❌ 01.weighted_input" in out
    stored = load()
    assert stored["01.max_sigmoid_slope"]["status"] == PASS and stored["01.weighted_input"]["status"] == FAIL
    progress()
    table = capsys.readouterr().out
    line = next(row for row in table.splitlines() if row.startswith("01 "))
    total = len([i for i in exercises.EXERCISES if i.startswith("01.")])
    assert f" 1 / {total:<5}     2 " in line  # done / total, tried


def test_examples_are_not_counted():
    exercises.check("00.demo", 14)
    assert "00.demo" not in exercises.EXERCISES
    from dlmath.course.results import load
    assert "00.demo" not in load()


def test_progress_survives_a_broken_store(tmp_path, monkeypatch, capsys):
    from dlmath.course import results as store
    path = tmp_path / "progress.json"
    path.write_text("{ not json")
    monkeypatch.setenv("DLMATH_PROGRESS", str(path))
    exercises.check("00.neuron_parameters", 4)
    assert store.load()["00.neuron_parameters"]["status"] == PASS
    monkeypatch.setenv("DLMATH_PROGRESS", str(tmp_path / "a-file" / "x.json"))
    (tmp_path / "a-file").write_text("not a folder")
    exercises.check("00.neuron_parameters", 4)  # cannot write: still prints, never raises
    assert "✅" in capsys.readouterr().out
