"""The learner's language (dlmath.language) and the Chinese catalog of the library's messages.

In a Chinese notebook every typical mistake an exercise declares gets its hint in Chinese, and the
verdict line reads in Chinese; the catalog has every message, with its placeholders kept (tools/i18n.py).
"""
import importlib.util
import json
import re
from pathlib import Path

import pytest

from dlmath import language
from dlmath.course import exercises
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
