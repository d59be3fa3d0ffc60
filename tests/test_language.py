"""The learner's language (dlmath.language) and the Chinese catalog of the library's messages.

In a Chinese notebook every typical mistake an exercise declares gets its hint in Chinese, and the
verdict line reads in Chinese; so do the hints the exercise hooks build (chapters 06, 07, 10) and the
errors the library raises when it is called with a wrong shape or argument — which still name the shape
they expected. The catalog has every message, with its placeholders kept (tools/i18n.py), and no error
the library raises skips it.
"""
import ast
import importlib.util
import json
import re
from pathlib import Path

import numpy as np
import pytest

import dlmath
from dlmath import language, linalg, models, ops, optimize
from dlmath.course import exercises
from dlmath.course.exercises import ch06, ch07
from dlmath.course.checks import FAIL, Array, Choice, Expression, Function, Number, TrueFalse, verdict

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")
spec = importlib.util.spec_from_file_location("i18n", ROOT / "tools" / "i18n.py")
i18n = importlib.util.module_from_spec(spec)
spec.loader.exec_module(i18n)


@pytest.fixture
def chinese(monkeypatch):
    monkeypatch.setenv("DLMATH_LANG", "zh")


def test_the_language_comes_from_dlmath_lang_then_the_command_then_the_notebook(monkeypatch, tmp_path):
    monkeypatch.delenv("DLMATH_LANG", raising=False)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert language.language() == "en"
    notebook = tmp_path / "07_x.ipynb"
    notebook.write_text(json.dumps({"cells": [], "metadata": {"dlmath": {"lang": "zh"}}}), encoding="utf-8")
    monkeypatch.setenv("JPY_SESSION_NAME", str(notebook))  # what JupyterLab tells the kernel
    assert language.language() == "zh"
    monkeypatch.setenv("DLMATH_LANG", "en")
    assert language.language() == "en"
    monkeypatch.setenv("DLMATH_LANG", "zh-CN")
    assert language.language() == "zh"
    monkeypatch.delenv("DLMATH_LANG")
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "missing.ipynb"))
    language.use("zh")
    try:
        assert language.language() == "zh"
    finally:
        language.use(None)
    assert language.language() == "en"


def test_the_catalog_has_every_message_with_its_placeholders_and_the_mo_is_current():
    assert i18n.main(["--check"]) == 0


def declared_mistakes():
    out = []
    for eid, kind in sorted(exercises.EXERCISES.items()):
        if isinstance(kind, Choice):
            out += [(eid, letter, kind.hints[letter]) for letter in kind.options
                    if letter != kind.answer and letter in kind.hints]
        elif isinstance(kind, TrueFalse):
            out += [(eid, not kind.answer, kind.hint)] if kind.hint else []
        elif isinstance(kind, (Number, Array, Function, Expression)):
            out += [(eid, answer, hint) for answer, hint in kind.wrong]
    return out


def probed_mistakes(have):
    """For an exercise that declares no mistake of its own (a Basis), the wrong answers of tests/probes/."""
    import probes
    out = []
    for num, module in probes.chapter_modules().items():
        for name, answers in getattr(module, "WRONG", {}).items():
            if f"{num}.{name}" not in have:
                out += [(f"{num}.{name}", answer, fragment) for answer, fragment in answers if fragment]
    return out


MISTAKES = declared_mistakes()
MISTAKES += probed_mistakes({eid for eid, _, _ in MISTAKES})


def test_every_exercise_declares_a_mistake_to_translate():
    assert {eid for eid, _, _ in MISTAKES} == set(exercises.EXERCISES)


@pytest.mark.parametrize("exercise_id, answer, hint", MISTAKES, ids=[f"{m[0]}-{i}" for i, m in enumerate(MISTAKES)])
def test_in_chinese_every_typical_mistake_gets_its_hint_in_chinese(exercise_id, answer, hint, chinese):
    result = exercises.evaluate(exercise_id, answer)
    assert result.status == FAIL
    shown = verdict(result.status, result.message)
    assert shown.startswith("还不对") and CJK.search(shown[3:]), shown
    assert hint not in shown, f"the English hint is shown: {shown}"


def test_the_check_line_reads_in_chinese(chinese, capsys):
    exercises.check("01.weighted_input", ...)
    assert capsys.readouterr().out.strip().startswith("⏳ 01.weighted_input：尚未作答")


# ---------------------------------------------------------------- the library's own errors

WRONG_CALLS = [  # (a call with a wrong shape or argument, what its error must still name)
    (lambda: ops.dense(np.ones(4), np.ones((2, 3)), np.ones(2)), "(N, 3)"),
    (lambda: ops.conv2d(np.ones((1, 2, 4, 4)), np.ones((1, 3, 2, 2))), "(F, 2, kh, kw)"),
    (lambda: ops.scaled_dot_product_attention(np.ones((2, 3)), np.ones((2, 2)), np.ones((2, 3))), "(…, n_k, 3)"),
    (lambda: models.MLP((2, 3, 2)).forward(np.ones((4, 5))), "(N, 2)"),
    (lambda: linalg.matmul(np.ones((2, 3)), np.ones((2, 2))), "(2, 3)"),
    (lambda: ops.max_pool2d_backward(np.ones((3, 3)), np.ones((4, 4))), "(2, 2)"),
    (lambda: optimize.gradient_descent(lambda x: x, 1.0, "fast"), "eta"),
]


@pytest.mark.parametrize("call, named", WRONG_CALLS, ids=[w[1] for w in WRONG_CALLS])
def test_a_wrong_shape_gets_an_error_in_the_learners_language_that_names_the_expected_shape(call, named, monkeypatch):
    monkeypatch.setenv("DLMATH_LANG", "en")
    with pytest.raises((ValueError, TypeError)) as english:
        call()
    monkeypatch.setenv("DLMATH_LANG", "zh")
    with pytest.raises(type(english.value)) as chinese:
        call()
    assert named in str(english.value) and not CJK.search(str(english.value)), english.value
    assert named in str(chinese.value) and CJK.search(str(chinese.value)), chinese.value


def test_a_name_given_in_words_is_translated_in_the_error(chinese):
    with pytest.raises(TypeError, match="^学习率 eta "):
        optimize.gradient_descent(lambda x: x, 1.0, "fast")


def _words_outside_the_catalog(path):
    """(line, text) of each error raised and each line printed whose English words do not pass through
    `_` or `N_`: an f-string or a plain string with a word in it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            said = node.exc.args
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            said = node.args
        else:
            continue
        stack = list(said)
        while stack:
            part = stack.pop()
            if isinstance(part, ast.Call) and isinstance(part.func, ast.Name) and part.func.id in ("_", "N_"):
                continue  # a template: translated
            if (isinstance(part, ast.Call) and isinstance(part.func, ast.Attribute) and part.func.attr == "format"
                    and isinstance(part.func.value, ast.Call) and getattr(part.func.value.func, "id", "") == "_"):
                continue  # a template filled in: its values are symbols, shapes, numbers
            if isinstance(part, ast.Constant) and isinstance(part.value, str) and re.search(r"[A-Za-z]{2}", part.value):
                found.append((node.lineno, part.value))
            stack.extend(ast.iter_child_nodes(part))
    return found


# Python's own wording for a missing attribute (getattr and hasattr rely on the exception, not its text);
# the explorers translate their own messages.
PYTHONS_WORDING = {"dlmath/__init__.py", "dlmath/_legacy.py"}
LIBRARY = sorted(p for p in Path(dlmath.__file__).parent.rglob("*.py")
                 if "explorers" not in p.parts and p.relative_to(ROOT / "lib").as_posix() not in PYTHONS_WORDING)


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.relative_to(ROOT / "lib").as_posix())
def test_every_error_the_library_raises_and_every_line_it_prints_is_a_template(path):
    assert _words_outside_the_catalog(path) == []


# ---------------------------------------------------------------- the hints the exercise hooks build

def _shown(exercise_id, answer):
    result = exercises.evaluate(exercise_id, answer)
    assert result.status == FAIL
    return verdict(result.status, result.message)


def test_chapter_06_hooks_speak_chinese_and_name_the_shape(chinese):
    transposed = _shown("06.forward", lambda *args: ch06.forward_reference(*args).T)
    assert "转置" in transposed and "(2, 1)" in transposed and "(1, 2)" in transposed, transposed

    def one_output_off(*args):
        out = ch06.forward_reference(*args).copy()
        out[0, 1] += 0.3
        return out
    located = _shown("06.forward", one_output_off)
    assert "第 1 张图像的输出 a³_2" in located, located


def test_chapter_07_hooks_speak_chinese(chinese):
    def with_dW2(change):
        def backprop(*args):
            grads = [g.copy() for g in ch07.backprop_reference(*args)]
            grads[0] = change(grads[0])
            return tuple(grads)
        return backprop
    transposed = _shown("07.backprop", with_dW2(lambda g: g.T))
    assert "转置" in transposed and "(12, 3)" in transposed and "(3, 12)" in transposed, transposed
    def one_weight_off(g):
        g[1, 2] += 0.5
        return g
    located = _shown("07.backprop", with_dW2(one_weight_off))
    assert "∂C/∂w^2_23" in located and "神经单元" in located, located
    single = _shown("07.backprop", lambda X, T, *params: ch07.backprop_reference(X[:1], T[:1], *params))
    assert "一批 4 张图像" in single and "C_T 是各图像的 C 之和" in single, single
    broadcast = _shown("07.backprop", lambda *args: np.ones(3) + np.ones(4))
    assert "逐元素" in broadcast, broadcast


def test_chapter_10_entry_and_tuple_hints_speak_chinese(chinese):
    truth = exercises.EXERCISES["10.eigenspace_members"]
    answer = truth.expected.astype(bool)
    answer.flat[0] = not answer.flat[0]
    answer.flat[1] = not answer.flat[1]
    shown = _shown("10.eigenspace_members", answer)
    assert "属于 E₂" in shown and "另外还有 1 个元素也不对" in shown, shown
    shown = _shown("10.eigenvalues", (np.ones(2), np.ones((2, 2))))
    assert shown.startswith("还不对——你给出的是包含 2 个结果的元组") and "只给出特征值" in shown, shown
    shown = _shown("10.spectral_radius", complex(0.5, 0.7))
    assert "复数 0.5 + 0.7i" in shown and "np.abs" in shown, shown
