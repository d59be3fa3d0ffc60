"""The check engine: each answer kind accepts its correct forms, names typical mistakes, never raises."""
import math
import time

import numpy as np
import pytest
import sympy as sp

from dlmath.course.checks import (FAIL, PASS, TODO, Array, Choice, Expression, Function, Number, TrueFalse,
                           call_with_timeout, CheckTimeout)


def status(kind, answer):
    return kind.evaluate(answer).status


def message(kind, answer):
    result = kind.evaluate(answer)
    assert result.status == FAIL, result
    return result.message


# ------------------------------------------------------------------ Number

NUMBER = Number(2.5, wrong=[(3.0, "forgot the bias")], hint="z = w·x + b")


@pytest.mark.parametrize("answer", [2.5, 5 / 2, np.float64(2.5), np.float32(2.5), np.array(2.5),
                                    sp.Rational(5, 2), sp.Float(2.5), 2.5 + 1e-9])
def test_number_accepts_every_form(answer):
    assert status(NUMBER, answer) == PASS


@pytest.mark.parametrize("answer, hint", [
    (3.0, "forgot the bias"), (-2.5, "off by a sign"), (4.0, "too large"), (1.0, "too small"),
    (None, "None"), ("2.5", "without quotes"), (True, "truth value"), (np.array([2.5]), "shape (1,)"),
    (float("nan"), "nan"), (float("inf"), "overflowed"), (1 + 1j, "complex"), ([2.5, 1], "expected a number"),
])
def test_number_names_the_mistake(answer, hint):
    assert hint in message(NUMBER, answer)


def test_number_not_attempted():
    assert status(NUMBER, ...) == TODO


def test_number_zero_expected_has_no_sign_hint():
    assert "sign" not in message(Number(0.0), 1.0)


# ------------------------------------------------------------------ Array

ARRAY = Array([[1.0, 2.0, 3.0]], wrong=[([[3.0, 2.0, 1.0]], "reversed")])


@pytest.mark.parametrize("answer", [[[1, 2, 3]], ((1.0, 2.0, 3.0),), np.array([[1, 2, 3]], dtype=np.int8),
                                    np.array([[1, 2, 3]], dtype=np.float32), [[sp.Integer(1), 2, 3]]])
def test_array_accepts_lists_tuples_and_any_dtype(answer):
    assert status(ARRAY, answer) == PASS


@pytest.mark.parametrize("answer, hint", [
    ([[3, 2, 1]], "reversed"),
    ([[1], [2], [3]], "transpose"),
    ([1, 2, 3], "the numbers are right but the shape is (3,)"),
    ([[1, 2]], "expected shape (1, 3), got shape (1, 2)"),
    ([[-1, -2, -3]], "off by a sign"),
    ([[1, 2, 4]], "entry (0, 2)"),
    ([[1, np.nan, 3]], "nan"),
    ([[1, 2], [3]], "same length"),
    (["1", "2", "3"], "text"),
    ("123", "text"),
    (None, "None"),
    ({1: 2}, "dict"),
    ([[1j, 2, 3]], "complex"),
])
def test_array_names_the_mistake(answer, hint):
    assert hint in message(ARRAY, answer)


# ------------------------------------------------------------------ Function

def reference(z):
    return np.maximum(z, 0.0)


FUNCTION = Function(reference, [0.0, 1.0, -1.0, 1e4, -1e4], wrong=[(np.abs, "not |z|")])


@pytest.mark.parametrize("answer", [reference, lambda z: np.where(z > 0, z, 0.0), lambda z: (z + np.abs(z)) / 2,
                                    lambda z: z * (np.asarray(z) > 0), np.vectorize(lambda z: max(z, 0.0))])
def test_function_accepts_equivalent_implementations(answer):
    assert status(FUNCTION, answer) == PASS


def if_based(z):
    if z > 0:
        return z
    return 0.0


def raises(z):
    raise ZeroDivisionError("boom")


def loops_forever(z):
    while True:
        pass


@pytest.mark.parametrize("answer, hint", [
    (np.abs, "not |z|"),
    (lambda z: z, "differs at x = -1"),
    (if_based, "not on a numpy array"),
    (raises, "raised ZeroDivisionError at x = 0: boom"),
    (lambda z: "0", "not a number"),
    (lambda z: None, "None"),
    (lambda z: np.nan * z, "differs at x = 0"),
    (42, "expected a function"),
    ("np.maximum(z, 0)", "expected a function"),
])
def test_function_names_the_mistake(answer, hint):
    assert hint in message(FUNCTION, answer)


def test_function_stub_is_not_attempted():
    def stub(z):
        return ...
    assert status(FUNCTION, stub) == TODO


def test_function_that_never_returns_is_stopped():
    kind = Function(reference, [0.0, 1.0], timeout=0.3, first_timeout=0.3)
    start = time.perf_counter()
    assert "did not finish within 0.3 s at x = 0" in message(kind, loops_forever)
    assert time.perf_counter() - start < 3


def test_function_overflow_warning_fails_when_asked():
    sigmoid = Function(lambda z: 1 / (1 + np.exp(-np.clip(z, -700, 700))), [0.0, 1e4, -1e4])
    naive = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731 (right values, but overflows at -1e4)
    assert "overflow" in message(sigmoid, naive)
    tolerant = Function(sigmoid.reference, sigmoid.points, warnings_fail=False)
    assert status(tolerant, naive) == PASS


def test_function_of_two_variables_names_the_point():
    kind = Function(lambda x, y: x * y, [(1.0, 2.0), (3.0, -1.0)])
    assert status(kind, lambda x, y: y * x) == PASS
    assert "(3, -1)" in message(kind, lambda x, y: x + y * 0 + 1)


def test_timeout_off_the_main_thread():
    import threading
    box = {}

    def run():
        try:
            call_with_timeout(loops_forever, (0,), 0.2)
        except CheckTimeout:
            box["stopped"] = True
    before = threading.active_count()
    t = threading.Thread(target=run)
    t.start()
    t.join(5)
    assert box.get("stopped")
    time.sleep(0.1)
    assert threading.active_count() == before  # the endless loop was stopped, not left spinning


# ------------------------------------------------------------------ Expression

z, x = sp.symbols("z x")
SIGMA = 1 / (1 + sp.exp(-z))
EXPRESSION = Expression(SIGMA * (1 - SIGMA), wrong=[(SIGMA ** 2, "that is σ²")])


@pytest.mark.parametrize("answer", [
    sp.diff(SIGMA, z), SIGMA * (1 - SIGMA), sp.exp(-z) / (1 + sp.exp(-z)) ** 2,
    sp.exp(z) / (1 + sp.exp(z)) ** 2, 1 / (4 * sp.cosh(z / 2) ** 2),
    sp.diff(1 / (1 + sp.exp(-sp.Symbol("z", real=True))), sp.Symbol("z", real=True)),  # other assumptions
])
def test_expression_accepts_equivalent_forms(answer):
    assert status(EXPRESSION, answer) == PASS


@pytest.mark.parametrize("answer, hint", [
    (SIGMA ** 2, "that is σ²"),
    (-SIGMA * (1 - SIGMA), "off by a sign"),
    (SIGMA, "not equal"),
    ("exp(-z)/(1+exp(-z))**2", "got text"),
    (SIGMA * (1 - SIGMA) + x - x + x, "uses x"),
    (sp.Eq(z, 1), "equation"),
    (None, "expected a sympy expression"),
    (np.array([1.0]), "expected a sympy expression"),
    (float("nan"), "finite"),
])
def test_expression_names_the_mistake(answer, hint):
    assert hint in message(EXPRESSION, answer)


def test_expression_numbers_are_expressions_too():
    assert status(Expression(sp.Rational(1, 4)), 0.25) == PASS
    assert status(Expression(sp.Integer(3)), 3) == PASS


def test_expression_never_evaluates_text(monkeypatch):
    calls = []
    monkeypatch.setattr(sp, "sympify", lambda *a, **k: calls.append(a))
    assert status(EXPRESSION, "__import__('os').system('echo pwned')") == FAIL
    assert calls == []


# ------------------------------------------------------------------ Choice and TrueFalse

CHOICE = Choice("c", options="abcd", hints={"a": "σ saturates"})


@pytest.mark.parametrize("answer", ["c", "C", " c ", "c)", "(c)"[1:]])
def test_choice_accepts_letter_forms(answer):
    assert status(CHOICE, answer) == PASS


@pytest.mark.parametrize("answer, hint", [("a", "σ saturates"), ("b", "'b' is not it"), ("e", "choose one of"),
                                          (3, "letter"), (None, "letter")])
def test_choice_names_the_mistake(answer, hint):
    assert hint in message(CHOICE, answer)


@pytest.mark.parametrize("answer", [False, np.False_, "false", "False"])
def test_true_false_accepts_forms(answer):
    assert status(TrueFalse(False), answer) == PASS


@pytest.mark.parametrize("answer, hint", [(True, "z is negative"), (0, "True or False"), ("maybe", "True or False")])
def test_true_false_names_the_mistake(answer, hint):
    assert hint in message(TrueFalse(False, hint="z is negative"), answer)


def test_every_kind_treats_ellipsis_as_not_attempted():
    for kind in [NUMBER, ARRAY, FUNCTION, EXPRESSION, CHOICE, TrueFalse(True)]:
        assert status(kind, ...) == TODO


def test_results_print_with_their_symbol():
    assert str(NUMBER.evaluate(2.5)).startswith("✅")
    assert str(NUMBER.evaluate(3.0)).startswith("❌")
    assert str(NUMBER.evaluate(...)).startswith("⏳")
    assert not math.isnan(0.0)


# ------------------------------------------------------------------ the engine under a learner's habits

def test_checks_survive_seterr_raise():
    """A kernel with np.seterr(all="raise"): the engine's own comparisons must not raise."""
    sigmoid = Function(lambda z: 0.5 * (1 + np.tanh(z / 2)), [0.0, 700.0, -700.0, 1e4, -1e4])
    stable = lambda z: np.exp(-np.logaddexp(0.0, -z))  # noqa: E731
    old = np.seterr(all="raise")
    try:
        assert status(sigmoid, stable) == PASS
        assert status(Number(1e-300), 1e-300 * (1 + 1e-9)) == PASS
        assert status(Array([1e-310, 1.0]), [1e-310, 1.0]) == PASS
        assert "differs at x = 700" in message(sigmoid, lambda z: stable(z) * (z < 100))
    finally:
        np.seterr(**old)


def test_function_gets_fresh_copies_and_names_in_place_changes():
    points = [(np.array([1.0, 2.0]), np.array([3.0, 4.0])), (np.array([-1.0, 0.5]), np.array([2.0, 2.0]))]
    kind = Function(lambda a, b: np.sum(a * b), points, vectorised=False)

    def in_place(a, b):
        a *= b
        return a.sum()
    assert "changed its input a in place" in message(kind, in_place)
    assert points[0][0].tolist() == [1.0, 2.0]  # the probe data are untouched
    assert status(kind, lambda a, b: float(a @ b)) == PASS


def test_function_in_place_on_the_array_column_is_named():
    def relu_in_place(z):
        z = np.asarray(z) if np.ndim(z) else np.array(z)
        z[z < 0] = 0.0
        return z
    assert "changed its input z in place" in message(FUNCTION, relu_in_place)


def test_read_only_data_gets_a_hint_not_a_raw_error():
    data = np.array([1.0, 2.0])
    data.setflags(write=False)

    def cost(p):
        r = data
        r -= p
        return float(np.sum(r ** 2))
    kind = Function(lambda p: float(np.sum((data - p) ** 2)), [0.0, 1.0], vectorised=False)
    hint = message(kind, cost)
    assert "read-only" in hint and "new array" in hint


def test_a_slow_first_call_is_not_an_endless_loop():
    calls = []

    def slow_first(z):
        calls.append(z)
        if len(calls) == 1:
            time.sleep(0.5)  # an import, a cache warming up
        return reference(z)
    kind = Function(reference, [0.0, 1.0, -1.0], timeout=0.2, first_timeout=2.0)
    assert status(kind, slow_first) == PASS


def test_a_slow_function_runs_once_per_probe_point():
    """A wrong answer is compared with every declared mistake from one run, not one run per mistake."""
    calls = []

    def slow_and_wrong(z):
        calls.append(1)
        time.sleep(0.02)
        return np.asarray(z) * 3.0
    mistakes = [(lambda z, k=k: z * k, f"times {k}") for k in (4.0, 5.0, 6.0, 7.0)]
    kind = Function(reference, [0.0, 1.0, -1.0, 2.0], wrong=mistakes, vectorised=False)
    assert "differs" in message(kind, slow_and_wrong)
    assert len(calls) == 4


def test_the_timeout_cannot_be_swallowed():
    def stubborn(z):
        while True:
            try:
                time.sleep(0.01)
            except Exception:
                continue
    kind = Function(reference, [0.0, 1.0], timeout=0.2, first_timeout=0.2)
    start = time.perf_counter()
    assert "did not finish within 0.2 s" in message(kind, stubborn)
    assert time.perf_counter() - start < 3
    assert not issubclass(CheckTimeout, Exception)


def test_a_difference_is_shown_with_enough_digits_to_see_it():
    kind = Function(lambda z: np.ones_like(np.asarray(z, dtype=float)), [0.0, 1.0])
    hint = message(kind, lambda z: np.full_like(np.asarray(z, dtype=float), 1 - 1e-5))
    assert "gives 0.99999" in hint and "expected 1." in hint and ".." not in hint


def test_np_vectorize_is_told_about_its_output_type():
    kind = Function(reference, [0.0, 2.5, -1.0])
    hint = message(kind, np.vectorize(lambda z: max(0, z)))  # max(0, 0.0) is the int 0: int output
    assert "otypes" in hint and "`if`" not in hint


def test_overflowing_wrong_value_gets_the_stability_hint():
    kind = Function(lambda z: 0.5 * (1 + np.tanh(z / 2)), [0.0, 1e4], stable_hint="use e^(−|z|).")
    hint = message(kind, lambda z: np.exp(z) / (1 + np.exp(z)))
    assert "overflow" in hint and "use e^(−|z|)." in hint


@pytest.mark.parametrize("answer", ["(c)", "( c )", "c.", "C)"])
def test_choice_accepts_parenthesised_letters(answer):
    assert status(CHOICE, answer) == PASS


def test_expression_accepts_an_unevaluated_derivative_and_a_1x1_matrix():
    assert status(EXPRESSION, sp.Derivative(SIGMA, z)) == PASS
    assert status(EXPRESSION, sp.Matrix([[SIGMA * (1 - SIGMA)]])) == PASS
    assert status(EXPRESSION, sp.Matrix([[SIGMA]]).T * sp.Matrix([[1 - SIGMA]])) == PASS
    assert "Matrix of shape (2, 1)" in message(EXPRESSION, sp.Matrix([SIGMA, SIGMA]))


def test_a_function_slow_on_every_call_is_not_a_loop():
    def slow_every_time(z):
        time.sleep(0.3)
        return reference(z)
    kind = Function(reference, [0.0, 1.0, -1.0], timeout=0.2, first_timeout=2.0, vectorised=False)
    assert status(kind, slow_every_time) == PASS


def test_a_value_rounded_too_early_is_told_so():
    assert "not within the precision" in message(Number(2 / 3), 0.667)
    assert "not within the precision" in message(Array([2 / 3, 1.0]), [0.667, 1.0])
    assert "too large" in message(Number(2 / 3), 0.7)
    assert "sp.solve" in message(Array([1.0, 2.0]), {"x": 1.0, "y": 2.0})


def test_real_values_stored_as_complex_pass_and_complex_ones_fail():
    # numpy ≥ 2.5 returns eig's eigenvalues as complex128 even when they are real
    eigenvalues = np.array([5.0 + 0j, 2.0 + 0j])
    assert Array(np.array([5.0, 2.0])).evaluate(eigenvalues).status == PASS
    assert Number(5.0).evaluate(np.complex128(5.0)).status == PASS
    assert Number(5.0).evaluate(5.0 + 0j).status == PASS
    result = Array(np.array([5.0, 2.0])).evaluate(np.array([5.0 + 0.5j, 2.0 - 0.5j]))
    assert result.status == FAIL and "complex" in result.message
    result = Number(5.0).evaluate(5.0 + 1e-3j)
    assert result.status == FAIL and "complex" in result.message


# ---------------------------------------------------------------- one evaluation's state, and networks

def test_two_evaluations_of_one_exercise_share_no_state():
    import weakref
    exercise = Function(lambda x: 2 * x, [0.0, 1.0, 2.0], wrong=[(lambda x: 3 * x, "three, not two")])
    first, second = exercise.run(lambda x: 3 * x), exercise.run(lambda x: 2 * x)
    assert first is not second and first.outputs[1][1] == 3.0 and second.outputs[1][1] == 2.0
    assert exercise.evaluate(lambda x: 3 * x).message == "three, not two"

    def answer(x):
        return 2 * x
    ref = weakref.ref(answer)
    assert exercise.evaluate(answer).passed
    del answer
    assert ref() is None, "the exercise kept the learner's function alive"
    assert not any(callable(v) and v is not exercise.reference for v in vars(exercise).values()
                   if not isinstance(v, list))


def _network_exercise(**kwargs):
    from dlmath.course.checks import NetworkFunction
    rng = np.random.default_rng(0)
    probes = [(rng.normal(size=(n, 3)), rng.normal(size=(2, 3)), rng.normal(size=2)) for n in (1, 1, 4)]
    return NetworkFunction(lambda X, W, b: X @ W.T + b, probes, outputs=("z",), **kwargs)


def test_network_function_accepts_every_form_of_the_right_answer():
    exercise = _network_exercise()
    for answer in (lambda X, W, b: X @ W.T + b, lambda X, W, b: (W @ X.T).T + b,
                   lambda X, W, b: np.einsum("ni,ji->nj", X, W) + b, lambda X, W, b: (X @ W.T + b).tolist()):
        assert exercise.evaluate(answer).passed


def test_network_function_names_the_probe_the_shape_and_the_first_wrong_entry():
    exercise = _network_exercise()
    transposed = exercise.evaluate(lambda X, W, b: (X @ W.T + b).T)
    assert "on test network 1 (a batch of 1 image) z has shape (2, 1); expected (1, 2)" in transposed.message
    entry = exercise.evaluate(lambda X, W, b: X @ W.T + b + np.array([0.0, 1.0]))
    assert entry.message.startswith("on test network 1 (a batch of 1 image) z[0, 1] is")
    nan = exercise.evaluate(lambda X, W, b: X @ W.T * np.nan)
    assert "z holds nan" in nan.message


def test_network_function_recognises_a_declared_mistake_without_running_the_answer_again():
    calls = []

    def no_bias(X, W, b):
        calls.append(1)
        return X @ W.T
    exercise = _network_exercise(wrong=[(lambda X, W, b: X @ W.T, "you forgot the bias.")])
    assert exercise.evaluate(no_bias).message == "you forgot the bias."
    assert len(calls) == 3  # once per probe


def test_network_function_says_when_only_batches_are_wrong_and_when_float32_is_the_cause():
    exercise = _network_exercise(batch_hint=lambda n, said: f"right for one sample, not for {n}: {said}")
    result = exercise.evaluate(lambda X, W, b: X @ W.T + b * len(X))
    assert "right for one sample, not for 4:" in result.message
    low = exercise.evaluate(lambda X, W, b: (X @ W.T + b).astype(np.float32) * np.float32(1 + 3e-6))
    assert "float32" in low.message and not low.passed


def test_network_function_survives_raises_loops_and_in_place_changes():
    exercise = _network_exercise(error_hint=lambda exc: "shapes!" if "matmul" in str(exc) else None, timeout=0.3,
                                 first_timeout=0.3)
    assert "shapes!" in exercise.evaluate(lambda X, W, b: X @ W + b).message
    assert "raised KeyError" in exercise.evaluate(lambda X, W, b: {}["x"]).message

    def loop(X, W, b):
        while True:
            pass
    assert "did not finish" in exercise.evaluate(loop).message

    def in_place(X, W, b):
        X -= 1
        return X @ W.T + b
    assert "read-only" in exercise.evaluate(in_place).message
    assert exercise.evaluate(lambda X, W, b: ...).status == TODO


def test_check_shows_the_verdict_as_text_and_as_data_that_dlmath_check_reads(tmp_path, monkeypatch):
    """In a kernel, check() emits one output: the line as text/plain and the verdict as JSON data."""
    import nbformat
    from nbclient import NotebookClient

    from dlmath.course.exercises import MIME, verdicts
    monkeypatch.setenv("DLMATH_PROGRESS", str(tmp_path / "progress.json"))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'from dlmath import check\ncheck("01.weighted_input", 0.2)\ncheck("00.demo", 14)\ncheck("02.inner_product", ...)')])
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["display_data"] * 3
    assert outputs[0].data["text/plain"].startswith("❌ 01.weighted_input: not yet")
    assert outputs[0].data[MIME]["status"] == FAIL
    found = verdicts(nb)
    assert [(s, i) for s, i, _ in found] == [(FAIL, "01.weighted_input"), (PASS, "00.demo"), (TODO, "02.inner_product")]
    # a text that merely looks like a verdict is not one
    nb.cells.append(nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("stream", text="✅ 03.x: correct.\n")]))
    assert len(verdicts(nb)) == 3


def test_check_prints_outside_a_kernel(capsys):
    from dlmath.course.exercises import check
    check("00.demo", 14)
    assert capsys.readouterr().out.startswith("✅ 00.demo")


def test_a_hint_names_array_arguments_by_the_references_parameters_and_their_shape():
    def reference(g, w):
        return np.sum(g) * w

    exercise = Function(reference, [(np.ones((2, 1, 3, 3)), 2.0)], vectorised=False)
    message = exercise.evaluate(lambda g, w: np.sum(g)).message
    assert "differs at g = an array of shape (2, 1, 3, 3), w = 2" in message


def test_a_tuple_where_an_array_is_asked_is_named_as_a_tuple():
    result = Array([1.0, 2.0, 3.0]).evaluate((np.ones(3), np.ones(2)))
    assert "you returned a tuple of 2 things (ndarray, ndarray)" in result.message


def test_a_raised_message_ends_before_the_exercises_hint_begins():
    exercise = Function(lambda x: x, [0.0], hint="Return x.", vectorised=False)

    def raises(x):
        raise ValueError("bad input")
    assert "raised ValueError at x = 0: bad input. Return x." in exercise.evaluate(raises).message


def test_keep_more_digits_only_for_a_value_written_with_few_digits():
    kind = Number(0.5998875, rtol=1e-6)
    assert "keep more digits" in kind.evaluate(0.6).message                 # typed in, rounded
    assert "keep more digits" not in kind.evaluate(0.6 * (1 + 1e-3) + 1e-9 * np.pi).message  # another quantity


def test_the_read_only_hint_is_not_about_one_chapters_data():
    from dlmath.course.checks import READ_ONLY_HINT
    assert "p * x + q" not in READ_ONLY_HINT and "a.copy()" in READ_ONLY_HINT
