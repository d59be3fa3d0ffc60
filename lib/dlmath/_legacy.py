"""The import paths of release 0.1, kept working for one more release with a deprecation note.

A learner's copy of a chapter saved before the library was cut by kind says `from dlmath import nn`,
`dlmath.network`, `cnn.CNN` or `op.signal_through_depth`; each still imports and finds its names in
their new home, with a DeprecationWarning that says where that is. Two mechanisms, both in this file:
  MOVED                  an old module -> the new modules its names now live in; a finder at the front of
                         sys.meta_path serves `import dlmath.nn` (one new module: that module itself,
                         under the old name too; several: a stand-in that looks names up in each)
  forward_moved_names    a module that still exists but gave names away (operators, regression) sets
                         its `__getattr__` to this, so the old names keep resolving
"""
import importlib
import importlib.abc
import importlib.util
import sys
import types
import warnings

MOVED = {
    "dlmath.nn": ("dlmath.ops.dense", "dlmath.ops.losses", "dlmath.ops.activations", "dlmath.calculus",
                  "dlmath.models", "dlmath.training"),
    "dlmath.activations": ("dlmath.ops.activations",),
    "dlmath.conv": ("dlmath.ops.conv",),
    "dlmath.layers": ("dlmath.ops.normalization",),
    "dlmath.attention": ("dlmath.ops.attention", "dlmath.datasets"),
    "dlmath.cnn": ("dlmath.models", "dlmath.datasets"),
    "dlmath.network": ("dlmath.symbolic_network",),
    "dlmath._validate": ("dlmath.arrays",),
    "dlmath.widgets": ("dlmath.course.explorer",),
    "dlmath.checks": ("dlmath.course.checks",),
    "dlmath.results": ("dlmath.course.results",),
    "dlmath.workspace": ("dlmath.course.workspace",),
    "dlmath.cli": ("dlmath.course.cli",),  # a `dlmath` command installed by release 0.1 imports this
    "dlmath.exercises": ("dlmath.course.exercises",),
}

# The `dlmath` command that release 0.1's install wrote imports dlmath.cli; the learner did not choose
# that name and cannot change it short of reinstalling, so the old command works without a warning.
SILENT = {"dlmath.cli"}


def _targets(fullname):
    """The new modules of an old module name; `dlmath.exercises.ch07` follows its package."""
    if fullname in MOVED:
        return MOVED[fullname]
    parent, _, child = fullname.rpartition(".")
    if parent in MOVED and len(MOVED[parent]) == 1:
        return (f"{MOVED[parent][0]}.{child}",)
    return None


def _note(old, new):
    warnings.warn(f"{old} is {' and '.join(new)} since dlmath 0.2; the old name works for this release only",
                  DeprecationWarning, stacklevel=3)


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path=None, target=None):
        return importlib.util.spec_from_loader(fullname, self) if _targets(fullname) else None

    def create_module(self, spec):
        targets = _targets(spec.name)
        if spec.name not in SILENT:
            _note(spec.name, targets)
        if len(targets) == 1:
            return importlib.import_module(targets[0])
        module = types.ModuleType(spec.name, f"Release 0.1's {spec.name}: its names are in {', '.join(targets)}.")
        module.__getattr__ = _lookup(spec.name, targets)
        return module

    def exec_module(self, module):
        pass


def _lookup(old, targets):
    def __getattr__(name):
        if not name.startswith("__"):
            for target in targets:
                module = importlib.import_module(target)
                if hasattr(module, name):
                    return getattr(module, name)
        raise AttributeError(f"module {old!r} has no attribute {name!r} (its names moved to {', '.join(targets)})")
    return __getattr__


def forward_moved_names(module_name, moved):
    """A module `__getattr__` that finds each name of `moved` ({name: new module}) in its new module."""
    def __getattr__(name):
        if name in moved:
            _note(f"{module_name}.{name}", (f"{moved[name]}.{name}",))
            return getattr(importlib.import_module(moved[name]), name)
        raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
    return __getattr__


def install():
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
