"""The library's layout keeps its promises: each kind of thing in one place, a face that lists every
module, private names that stay private, a cheap `import dlmath.ops`, and release 0.1's import paths
still working (with a deprecation note) for learners' copies made before the library was cut by kind."""
import ast
import importlib
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import dlmath
from dlmath import _legacy

LIB = Path(dlmath.__file__).parent
MODULES = sorted(p for p in LIB.rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path):
    parts = path.relative_to(LIB.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_import_dlmath_ops_loads_no_sympy_and_no_exercise():
    code = ("import sys, dlmath.ops, dlmath.models, dlmath.training; "
            "print(sorted(m for m in sys.modules if m.startswith(('sympy', 'dlmath.course', 'ipywidgets', "
            "'matplotlib', 'sklearn'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", out


def test_import_dlmath_is_lazy_until_check_is_used():
    code = ("import sys, dlmath; before = 'sympy' in sys.modules; from dlmath import check; "
            "print(before, 'sympy' in sys.modules, callable(check))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "True"]


def test_the_face_lists_every_module_and_each_subpackage_its_own():
    for path in MODULES:
        name = module_name(path)
        if path.name.startswith("_") or ".exercises." in name or ".explorers." in name:
            continue  # private modules; one module per chapter or per figure is listed as its package
        package, _, short = name.rpartition(".")
        faces = [dlmath.__doc__, importlib.import_module(package).__doc__]
        listed = [f for f in faces if re.search(rf"(^|\s)({re.escape(short)}|{re.escape(name.removeprefix('dlmath.'))})\s", f, re.M)]
        assert listed, f"{name} is listed neither in dlmath's docstring nor in {package}'s"


def test_the_face_names_only_modules_that_exist():
    listed = re.findall(r"^  ([a-z_.]+)\s", dlmath.__doc__, re.M)
    assert len(listed) > 20
    for name in listed:
        importlib.import_module(f"dlmath.{name}")


def _private_uses(path):
    """(line, text) of every `module._name` or `from module import _name` that reaches into another dlmath
    module (dunder names and a module's own private names excluded)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases = set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("dlmath")):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
                aliases.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            aliases.update((a.asname or a.name).split(".")[0] for a in node.names if a.name.startswith("dlmath"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            found.append((node.lineno, f"{node.value.id}.{node.attr}"))
    return found


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_module_uses_another_modules_private_name(path):
    allowed = {"_legacy"}  # the package installs its own import hook
    uses = [(line, text) for line, text in _private_uses(path) if text.split()[-1].split(".")[-1] not in allowed]
    assert uses == [], f"{module_name(path)} reaches into private names: {uses}"


def _source_lines(pattern):
    return [(module_name(p), line) for p in MODULES for line in p.read_text(encoding="utf-8").splitlines()
            if re.search(pattern, line) and not line.lstrip().startswith("#")]


def test_one_central_difference():
    """(f(x + h) − f(x − h)) / 2h is written once in the library, in calculus.derivative, and everything
    else calls it; an exercise may spell it out as the answer it expects (chapter 03 asks for it)."""
    hits = [(m, line) for m, line in _source_lines(r"/ \(2 \* h\)") if ".exercises." not in m]
    assert [m for m, _ in hits] == ["dlmath.calculus"], hits


def test_one_rank_and_one_activation_table_and_one_read_only_helper():
    assert _source_lines(r"matrix_rank\(") == []
    assert [m for m, _ in _source_lines(r"^[A-Z_]*ACTIVATIONS\s*=")] == ["dlmath.ops.activations"]
    assert [m for m, _ in _source_lines(r"setflags\(write=False\)")] == ["dlmath.arrays"]
    assert [m for m, _ in _source_lines(r'^PASS, FAIL, TODO\s*=')] == ["dlmath.course.checks"]


def test_the_mathematics_never_imports_the_course_machinery():
    for path in MODULES:
        name = module_name(path)
        if name.startswith(("dlmath.course", "dlmath.explorers")) or name in ("dlmath", "dlmath.__main__", "dlmath._legacy"):
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"from \.+course|dlmath\.course|import course", text), name


# ---------------------------------------------------------------- release 0.1's import paths

OLD_NAMES = [  # (old module, a name a chapter of release 0.1 used from it, where it lives now)
    ("dlmath.nn", "MLP", "dlmath.models"), ("dlmath.nn", "dense_backward", "dlmath.ops.dense"),
    ("dlmath.nn", "softmax_cross_entropy", "dlmath.ops.losses"), ("dlmath.nn", "activation", "dlmath.ops.activations"),
    ("dlmath.nn", "gradient_check", "dlmath.calculus"), ("dlmath.nn", "numerical_gradient", "dlmath.calculus"),
    ("dlmath.activations", "sigmoid", "dlmath.ops.activations"), ("dlmath.conv", "conv2d", "dlmath.ops.conv"),
    ("dlmath.layers", "batch_norm_train", "dlmath.ops.normalization"),
    ("dlmath.attention", "scaled_dot_product_attention", "dlmath.ops.attention"),
    ("dlmath.attention", "embed", "dlmath.datasets"), ("dlmath.cnn", "CNN", "dlmath.models"),
    ("dlmath.cnn", "book_images", "dlmath.datasets"), ("dlmath.cnn", "BOOK_FILTERS", "dlmath.datasets"),
    ("dlmath.network", "parameter_count", "dlmath.symbolic_network"),
    ("dlmath.checks", "Function", "dlmath.course.checks"), ("dlmath.exercises", "evaluate", "dlmath.course.exercises"),
    ("dlmath.exercises.ch07", "backprop_reference", "dlmath.course.exercises.ch07"),
    ("dlmath.results", "load", "dlmath.course.results"), ("dlmath.workspace", "Workspace", "dlmath.course.workspace"),
    ("dlmath.widgets", "Explorer", "dlmath.course.explorer"),
    ("dlmath._validate", "as_float_array", "dlmath.arrays"),
]


@pytest.mark.parametrize("old, name, new", OLD_NAMES, ids=lambda v: v if isinstance(v, str) else None)
def test_an_old_import_path_finds_the_same_object_with_a_deprecation_note(old, name, new):
    for key in [m for m in sys.modules if m == old or m.startswith(old + ".")]:
        del sys.modules[key]  # import it afresh, so the note is given again
    with pytest.warns(DeprecationWarning, match=re.escape(old)):
        module = importlib.import_module(old)
    assert getattr(module, name) is getattr(importlib.import_module(new), name)


def test_the_dlmath_command_installed_by_release_0_1_runs_without_a_warning():
    """Its script says `from dlmath.cli import main`: the learner did not write that line (issue 19)."""
    import subprocess
    import warnings
    for key in [m for m in sys.modules if m == "dlmath.cli"]:
        del sys.modules[key]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from dlmath.cli import main
    from dlmath.course.cli import main as new_main
    assert main is new_main
    out = subprocess.run([sys.executable, "-W", "default", "-c", "from dlmath.cli import main; main(['--help'])"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "dlmath update" in out.stdout and "Warning" not in out.stderr


@pytest.mark.parametrize("name, new", [("operator_norm", "dlmath.linalg"), ("signal_through_depth", "dlmath.depth"),
                                       ("catalogue", "dlmath.catalogue"), ("ACTIVATIONS", "dlmath.ops.activations")])
def test_names_operators_gave_away_still_resolve_there(name, new):
    from dlmath import operators
    with pytest.warns(DeprecationWarning, match=name):
        found = getattr(operators, name)
    assert found is getattr(importlib.import_module(new), name)


def test_the_old_name_of_the_identity_activation_still_works():
    from dlmath import depth
    with pytest.warns(DeprecationWarning, match="identity"):
        old = depth.critical_scale("linear")
    assert old == depth.critical_scale("identity") == pytest.approx(1.0)


def test_an_unknown_name_of_an_old_module_is_an_attribute_error_that_says_where_names_went():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        nn = importlib.import_module("dlmath.nn")
    with pytest.raises(AttributeError, match="dlmath.ops.dense"):
        nn.no_such_thing  # noqa: B018


def test_every_moved_module_is_served():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for old in _legacy.MOVED:
            assert importlib.import_module(old) is not None
