"""The words code cells print and draw, and the Chinese edition's code with them translated (tools/code_text.py)."""
import ast
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
code_text = importlib.import_module("code_text")
spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)
SOURCES = sorted((ROOT / "source").glob("[0-9][0-9]_*.py"))

CELL = '''%matplotlib widget
total = 3
print("their sum is", total, f"({total / 2:.1f} each)")
print(f"rate {rate:.4f} "
      "per step", end="")  # a comment
ax.set(title="the cost", xlabel="z")
ax.plot(x, y, label=f"η = {eta}")
print("x =", x)
print("{} steps".format(k) if k else "no " + "steps")
name = "not shown"
'''


def test_the_shown_strings_are_what_print_and_figures_show():
    assert code_text.shown_strings(CELL) == [
        "their sum is", "({total / 2:.1f} each)", "rate {rate:.4f} per step", "the cost", "{} steps", "no ",
        "steps"]  # "z", "η = {eta}" and "x =" have no words; "not shown" is not shown


def test_translated_code_keeps_its_fields_lines_and_pieces():
    chinese = {"rate {rate:.4f} per step": "每步速率 {rate:.4f}", "the cost": "代价", "their sum is": "它们的和是"}
    out = code_text.translate_code(CELL, lambda m: chinese.get(m, m))
    assert 'print("它们的和是", total' in out and 'ax.set(title="代价", xlabel="z")' in out
    assert out.count("\n") == CELL.count("\n")  # the implicit concatenation keeps its two lines
    assert 'print(f"每步速率 "\n      f"{rate:.4f}", end="")  # a comment' in out
    assert code_text.translate_code(CELL, lambda m: m) == CELL


def test_a_plain_piece_beside_an_f_string_keeps_its_braces():
    code = 'print(f"{n} sets " "{like this}")'
    assert code_text.shown_strings(code) == ["{n} sets {{like this}}"]
    out = code_text.translate_code(code, lambda m: "{n} 个集合 {{like this}}")
    assert eval(compile(out.replace("print(", "(", 1), "<cell>", "eval"), {"n": 2}) == "2 个集合 {like this}"


def literals_blanked(code):
    """The code's syntax tree with every string literal emptied and each f-string's fields in sorted
    order (a translation may move them): equal for the two editions."""
    tree = ast.parse(code_text._parsable(code))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            node.values = sorted((v for v in node.values if not isinstance(v, ast.Constant)), key=ast.dump)
    return ast.dump(tree)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_the_chinese_edition_runs_the_same_code(path):
    text = path.read_text(encoding="utf-8")
    english = [s for kind, s, _ in build.parse(text, "en") if kind == "code"]
    chinese = [s for kind, s, _ in build.parse(text, "zh") if kind == "code"]
    assert len(english) == len(chinese)
    assert [literals_blanked(s) for s in english] == [literals_blanked(s) for s in chinese]
    shown = [m for s in english for m in code_text.shown_strings(s)]
    assert not any("\u4e00" <= c <= "\u9fff" for m in shown for c in m)  # the premise: English shows English
    assert english != chinese or not shown  # what the cells show reaches the Chinese code


def test_a_label_a_loop_hands_to_print_is_shown_but_a_key_is_not():
    code = '''for name, f in [("bowl", bowl), ("saddle", saddle)]:
    print(f"{name:8s}: {f(1):.2f}")
for activation in ("identity", "tanh"):
    print(f"{activation:8s}: {depth.critical_scale(activation):.4f}")
for kind in ["minimum"]:
    table[kind] = 1
    print(kind)
'''
    assert code_text.shown_strings(code) == ["bowl", "saddle"]  # "identity" is also an argument, "minimum" a key
