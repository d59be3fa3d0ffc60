"""The self-check engine: compare a learner's answer with the expected one and say what is wrong.

Each exercise is described by one of the answer kinds below (Number, Array, Function, Expression,
Choice, TrueFalse). `kind.evaluate(answer)` returns a Result and never raises: whatever the learner
passes (None, a string, a ragged list, NaN, a function that raises or loops forever) becomes a ❌ with
a hint. Strings are never evaluated as code. `check(exercise_id, answer)` in `dlmath.exercises`
prints the result and remembers it for the progress table.
"""
from __future__ import annotations

import copy
import ctypes
import inspect
import math
import numbers
import signal
import threading
import time
import warnings
from dataclasses import dataclass, field

import numpy as np

from ..arrays import read_only
from ..language import N_, translate as _

PASS, FAIL, TODO = "pass", "fail", "todo"
SYMBOL = {PASS: "✅", FAIL: "❌", TODO: "⏳"}
WORD = {PASS: N_("correct"), FAIL: N_("not yet"), TODO: N_("not attempted yet")}  # readable without an emoji font


def verdict(status, message):
    """The message led by its verdict word, so ✅ and ❌ differ even where both render as a box; both in
    the learner's language (a message the catalog has, such as every exercise's hints, is translated
    here, where it is shown; the Result keeps the English)."""
    word, message = _(WORD[status]), _(message)
    return message if message.startswith(word) else _("{word} — {message}").format(word=word, message=message)


@dataclass(frozen=True)
class Result:
    status: str  # PASS, FAIL or TODO
    message: str

    @property
    def passed(self):
        return self.status == PASS

    def __str__(self):
        return f"{SYMBOL[self.status]} {verdict(self.status, self.message)}"


def translated(text):
    """An English message (an exercise's hint, a fixed sentence marked N_) in the learner's language, for
    putting into a larger message; '' stays '' (gettext's translation of '' is the catalog's header)."""
    return _(text) if text else ""


def correct(message=N_("correct.")):
    return Result(PASS, message)


def wrong(message):
    return Result(FAIL, message)


NOT_ATTEMPTED = Result(TODO, N_("not attempted yet — replace the `...` with your answer and run the cell again."))


def short(value, width=60, digits=None):
    """A repr that is safe to show: never raises, never longer than `width`. `digits` significant
    digits for numbers (6 by default, 4 inside arrays)."""
    try:
        if isinstance(value, np.ndarray) and value.ndim == 0:
            value = value[()]  # a 0-d array reads as its number ("1", not "1.")
        if isinstance(value, (float, np.floating)):
            text = f"{float(value):.{digits or 6}g}"
        elif isinstance(value, np.ndarray):
            with np.printoptions(floatmode="maxprec"):
                text = np.array2string(value, precision=digits or 4, threshold=8, separator=", ")
        else:
            text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def shown_apart(got, expected, width=60):
    """`got` and `expected` as text, with enough digits that two different values never read the same
    ("gives 0.99999 , expected 1", not "gives 1., expected 1.")."""
    for digits in (4, 6, 8, 10, 13, 17):
        a, b = short(got, width, digits), short(expected, width, digits)
        if a != b:
            break
    return a, b


def one_line(message, width):
    """An exception's or warning's text on one line, cut to `width`."""
    return " ".join(str(message).split())[:width]


def fmt_value(a):
    """A probe argument as a hint shows it: a number, a short array, or the shape of a large one."""
    if isinstance(a, numbers.Real):
        return f"{float(a):g}"
    if isinstance(a, np.ndarray) and (a.ndim > 1 or a.size > 6):
        return _("an array of shape {shape}").format(shape=a.shape)
    return short(a, 30)


def fmt_point(args, names=None):
    """How a probe point is named in a hint: x = 0, x = (1, 2), or with the reference's own parameter
    names where arrays are involved: g = an array of shape (1, 2, 3, 3), w = …"""
    names = list(names) if names is not None and len(names) == len(args) else (
        ["x"] if len(args) == 1 else [f"x{i + 1}" for i in range(len(args))])
    vals = [fmt_value(a) for a in args]
    if all(isinstance(a, numbers.Real) for a in args):  # numbers: x = 0.5, or x = (0.4, 50)
        return f"x = {vals[0]}" if len(args) == 1 else f"x = ({', '.join(vals)})"
    return ", ".join(f"{n} = {v}" for n, v in zip(names, vals))


# ---------------------------------------------------------------- time limit for a learner's code

class CheckTimeout(BaseException):
    """Raised inside a learner's code when its time is up. Like KeyboardInterrupt it derives from
    BaseException, so a learner's `except Exception: continue` cannot swallow it and loop on."""


def call_with_timeout(fn, args=(), seconds=2.0):
    """fn(*args), stopped after `seconds`. Raises CheckTimeout, or whatever fn raised."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def on_alarm(signum, frame):
            raise CheckTimeout()
        old = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return fn(*args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    # Off the main thread signals are not available: run in a daemon thread, and when time is up raise
    # CheckTimeout inside it (an asynchronous exception), so an endless loop does not spin on in the
    # background and slow down everything after it.
    box = {}

    def run():
        try:
            box["value"] = fn(*args)
        except BaseException as exc:  # handed back to the caller below
            box["error"] = exc
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident), ctypes.py_object(CheckTimeout))
        worker.join(1.0)
        raise CheckTimeout()
    if "error" in box:
        raise box["error"]
    return box["value"]


def _negligible_imaginary(arr):
    """Whether a complex array is real up to rounding (|imaginary parts| ≤ 100 ε · the largest entry)."""
    scale = max(float(np.max(np.abs(arr), initial=0.0)), 1.0)
    return bool(np.all(np.abs(arr.imag) <= 100 * np.finfo(np.float64).eps * scale))


# The two readers below say why a value is not a number (or an array): a fixed sentence is only marked
# (N_), and `verdict` or the message it is put into translates it; one with a value in it is translated
# here, when it is made.

def as_real(value):
    """A learner's single number as a float, or a str saying why it is not one."""
    if value is None:
        return N_("got None — did you forget to assign or `return` the result?")
    if isinstance(value, (bool, np.bool_)):
        return _("got the truth value {value}, expected a number.").format(value=value)
    if isinstance(value, (str, bytes)):
        return _("got the text {text} — write the number itself, without quotes.").format(text=short(value, 30))
    if isinstance(value, np.ndarray):
        if value.ndim != 0:
            return _("expected a single number, got an array of shape {shape}.").format(shape=value.shape)
        value = value[()]
    if isinstance(value, numbers.Complex) and not isinstance(value, numbers.Real):
        if not _negligible_imaginary(np.asarray(value)):
            return _("got the complex number {value}, expected a real number.").format(value=short(value))
        value = value.real  # numpy ≥ 2.5's eig returns real eigenvalues as complex numbers
    try:
        x = float(value)
    except Exception:
        return _("expected a number, got {type} {value}.").format(type=type(value).__name__, value=short(value, 30))
    if math.isnan(x):
        return N_("got nan (not a number) — look for 0/0, inf − inf or a log of a negative number.")
    if math.isinf(x):
        return _("got {value} — something overflowed or divided by zero.").format(value=x)
    return x


def as_real_array(value):
    """A learner's array (list, tuple, numpy) as float64, or a str saying why it is not one."""
    if value is None:
        return N_("got None — did you forget to assign or `return` the result?")
    if isinstance(value, (str, bytes)):
        return _("got the text {text} — give numbers, not text.").format(text=short(value, 30))
    if isinstance(value, dict):
        return N_("got a dict (sp.solve returns one, {x: …, y: …}); give the values as a list in the asked "
                  "order, e.g. [sol[x], sol[y]].")
    if isinstance(value, (set, frozenset)):
        return _("got a {type}; give a list or a numpy array.").format(type=type(value).__name__)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            arr = np.asarray(value)
    except Exception:
        if isinstance(value, tuple):
            kinds = ", ".join(type(v).__name__ for v in value[:4]) + (", …" if len(value) > 4 else "")
            return _("you returned a tuple of {count} things ({types}), not one array — a function that "
                     "returns several values, or a trailing comma, makes a tuple.").format(count=len(value),
                                                                                           types=kinds)
        return N_("could not read this as an array: are all rows the same length?")
    if arr.dtype.kind == "c":
        if not _negligible_imaginary(arr):
            return N_("got complex numbers, expected real ones.")
        arr = arr.real  # numpy ≥ 2.5's eig returns real eigenvalues as complex numbers
    if arr.dtype.kind not in "biuf":
        if any(isinstance(v, (str, bytes)) for v in arr.ravel()[:1000]):
            return N_("the array holds text — give numbers, not strings.")
        try:
            arr = arr.astype(np.float64)
        except Exception:
            return _("could not read this as an array of numbers (it holds {dtype} elements).").format(dtype=arr.dtype)
    return arr.astype(np.float64)


def close(a, b, rtol, atol):
    with np.errstate(all="ignore"):  # the kernel may have np.seterr(all="raise"): never raise here
        return bool(np.all(np.isclose(a, b, rtol=rtol, atol=atol)))


def looks_rounded(a, digits=5):
    """Whether every entry of `a` is written with at most `digits` significant digits (0.5999, 52.3): a
    value typed in, or rounded, rather than computed to full precision."""
    a = np.asarray(a, dtype=np.float64).ravel()
    return bool(np.all([float(f"{v:.{digits}g}") == v for v in a[:1000]]))


def nearly(a, b, rtol, atol):
    """Within 1 % although outside the tolerance, and written with few digits: a value rounded too early
    (never for whole-number answers, where 2046 for 2047 is no rounding; a full-precision value 1 % off is
    another quantity, not a rounding)."""
    b = np.asarray(b, dtype=np.float64)
    return (rtol < 1e-2 and not np.array_equal(b, np.round(b)) and close(a, b, 1e-2, atol)
            and looks_rounded(a))


# ---------------------------------------------------------------- a learner's function and its inputs

def fresh(value):
    """A copy of a probe argument that the learner's code may change without harming the probe (a
    read-only probe array stays read-only: an in-place change then fails loudly)."""
    if isinstance(value, np.ndarray):
        copied = np.array(value)
        copied.setflags(write=value.flags.writeable)  # a read-only probe stays read-only
        return copied
    if isinstance(value, (list, dict, set)):
        return copy.deepcopy(value)
    return value


def unchanged(original, passed):
    """Whether the argument handed to a learner's function still equals the probe's original."""
    try:
        if isinstance(original, np.ndarray):
            return (isinstance(passed, np.ndarray) and passed.shape == original.shape
                    and bool(np.array_equal(passed, original, equal_nan=True)))
        if isinstance(original, (list, dict, set)):
            return bool(passed == original)
    except Exception:
        return True
    return True


def parameter_name(fn, index):
    """The name of a function's index-th parameter, for hints ("x"), or a description."""
    try:
        names = list(inspect.signature(fn).parameters)
        return names[index]
    except Exception:
        return f"argument {index + 1}"


def in_place_hint(name):
    return _("your function changed its input {name} in place: an in-place operation (`{name} -= …`, "
             "`{name} *= …`, `{name}[i] = …`) writes into the caller's array and changes it for every later "
             "use. Compute a new array instead (`{name} - …`), or start from `{name} = {name}.copy()`."
             ).format(name=name)


READ_ONLY_HINT = N_("your function tries to change an array in place (`a -= …`, `a[k] = …`), and the course's "
                    "arrays are read-only so that nothing can change them by accident. Compute a new array "
                    "instead (`a = a - …` rather than `a -= …`), or start from a copy: `a = a.copy()`.")


class Complete(str):
    """A hint that says all there is to say: the exercise's general hint is not appended to it."""


def raised_hint(exc, where):
    """What to say when a learner's code raised `exc` at `where` (e.g. "at x = 0")."""
    if isinstance(exc, ValueError) and "read-only" in str(exc):
        return Complete(READ_ONLY_HINT)
    said = one_line(exc, 80).rstrip()
    said += "" if said.endswith((".", "!", "?")) else "."  # the exception's own text, ended as a sentence
    return _("raised {error} {where}: {message}").format(error=type(exc).__name__, where=where, message=said)


# ---------------------------------------------------------------- answer kinds

class Kind:
    """One answer kind. `wrong` lists typical wrong answers, each with the hint it deserves."""

    def evaluate(self, answer) -> Result:
        try:
            if answer is Ellipsis:
                return NOT_ATTEMPTED
            with np.errstate(all="ignore"):  # the engine's own arithmetic, even under np.seterr(all="raise")
                return self._evaluate(answer)
        except CheckTimeout:
            return wrong(N_("the check ran out of time on your answer."))
        except Exception as exc:  # a check must never raise; say so instead
            return wrong(_("could not check this answer ({error}: {message}).").format(
                error=type(exc).__name__, message=one_line(exc, 60)))

    def _evaluate(self, answer) -> Result:
        raise NotImplementedError


class Number(Kind):
    """A single real number, within rtol/atol of `expected`."""

    def __init__(self, expected, rtol=1e-6, atol=1e-9, wrong=(), hint=""):
        self.expected = float(expected)
        self.rtol, self.atol = rtol, atol
        self.wrong = [(float(v), h) for v, h in wrong]
        self.hint = hint

    def _evaluate(self, answer):
        x = as_real(answer)
        if isinstance(x, str):
            return wrong(x)
        if close(x, self.expected, self.rtol, self.atol):
            return correct()
        for value, hint in self.wrong:
            if close(x, value, self.rtol, self.atol):
                return wrong(hint)
        if self.expected != 0 and close(x, -self.expected, self.rtol, self.atol):
            return wrong(_("{value} is off by a sign.").format(value=f"{x:g}"))
        shown = shown_apart(x, self.expected)[0]
        if nearly(x, self.expected, self.rtol, self.atol):
            return wrong(_("{value} is close, but not within the precision the exercise asks for — keep more "
                           "digits (let Python compute it rather than typing a rounded value).").format(value=shown))
        if x > self.expected:
            said = _("{value} is too large. {hint}")
        else:
            said = _("{value} is too small. {hint}")
        return wrong(said.format(value=shown, hint=translated(self.hint)).strip())


class Array(Kind):
    """An array of numbers: shape first, then values within tolerance. Lists and tuples are fine. With
    `squeeze=True` a shape that differs only by axes of length 1 is fine too — for answers the course's
    own tools return with an extra axis (one point as a (1, n) row, one unit as an (N, 1) column)."""

    def __init__(self, expected, rtol=1e-6, atol=1e-9, wrong=(), hint="", squeeze=False):
        self.expected = np.asarray(expected, dtype=np.float64)
        self.rtol, self.atol = rtol, atol
        self.wrong = [(np.asarray(v, dtype=np.float64), h) for v, h in wrong]
        self.hint = hint
        self.squeeze = squeeze

    def _evaluate(self, answer):
        arr = as_real_array(answer)
        if isinstance(arr, str):
            return wrong(arr)
        exp = self.expected
        if self.squeeze and arr.shape != exp.shape and np.squeeze(arr).shape == np.squeeze(exp).shape:
            arr = arr.reshape(exp.shape)
        for value, hint in self.wrong:
            if arr.shape == value.shape and close(arr, value, self.rtol, self.atol):
                return wrong(hint)
        if arr.shape != exp.shape:
            if arr.ndim == 2 and arr.T.shape == exp.shape and close(arr.T, exp, self.rtol, self.atol):
                return wrong(_("shape {shape} is the transpose of the expected {expected}.").format(
                    shape=arr.shape, expected=exp.shape))
            if arr.size == exp.size and close(arr.reshape(exp.shape), exp, self.rtol, self.atol):
                return wrong(_("the numbers are right but the shape is {shape}; expected {expected}.").format(
                    shape=arr.shape, expected=exp.shape))
            return wrong(_("expected shape {expected}, got shape {shape}.").format(shape=arr.shape, expected=exp.shape))
        if np.isnan(arr).any():
            return wrong(_("your array holds nan at index {index}.").format(
                index=tuple(int(i) for i in np.argwhere(np.isnan(arr))[0])))
        if close(arr, exp, self.rtol, self.atol):
            return correct()
        if np.any(exp != 0) and close(arr, -exp, self.rtol, self.atol):
            return wrong(N_("every entry is off by a sign."))
        if nearly(arr, exp, self.rtol, self.atol):
            return wrong(N_("your array is close, but not within the precision the exercise asks for — keep more "
                            "digits (let Python compute it rather than typing a rounded value)."))
        bad = np.argwhere(~np.isclose(arr, exp, rtol=self.rtol, atol=self.atol))[0]
        where = tuple(int(i) for i in bad) if arr.ndim else ()
        if where:
            said = _("the shape is right, but entry {index} is {value}, which is not it. {hint}")
        else:  # a 0-d array: no entry to name
            said = _("the shape is right, but is {value}, which is not it. {hint}")
        return wrong(said.format(index=where[0] if len(where) == 1 else where, value=short(float(arr[where])),
                                 hint=translated(self.hint)).strip())


@dataclass
class Trial:
    """One evaluation of one answer that is a function: the learner's function, what it returned at each
    probe point, where it stopped, and the time limit its later calls get. A new Trial is made for every
    evaluation, so two evaluations never share state, and nothing of the learner's function stays on the
    exercise (one object shared by every learner's call) once the check is done."""
    fn: object
    outputs: list = field(default_factory=list)  # [(args, value as a float array, numpy warnings)]
    stop: object = None   # None, or (args, hint) at the first point where fn failed; hint None = the stub
    limit: float = 2.0    # the time limit of fn's later calls


class Function(Kind):
    """A function, probed at chosen points against `reference`.

    `points` are argument tuples (or single numbers). The learner's function runs once per point, each
    time on fresh copies of the arguments (so it can never change the probe data); one that changes
    its input in place is told so. The typical mistakes in `wrong` are compared with those outputs,
    so a slow function is not run again for each of them. The first call may take `first_timeout`
    seconds (imports, caches warming up), every later one `timeout`, or three times as long as the
    first call took if that is longer (a function that is slow on every call is not a loop). With
    `vectorised=True` the learner's function must also take the whole probe column as a numpy array. With
    `warnings_fail=True` a numpy warning (overflow, divide by zero) at a probe point is a failure —
    the course asks for stable functions — and `stable_hint` says how to avoid it.
    """

    def __init__(self, reference, points, rtol=1e-6, atol=1e-9, wrong=(), hint="",
                 vectorised=True, warnings_fail=True, timeout=2.0, first_timeout=10.0,
                 stable_hint=N_("use a form that cannot overflow.")):
        self.reference = reference
        self.points = [p if isinstance(p, tuple) else (p,) for p in points]
        self.rtol, self.atol = rtol, atol
        self.wrong = list(wrong)
        self.hint = hint
        self.vectorised = vectorised
        self.warnings_fail = warnings_fail
        self.timeout = timeout
        self.first_timeout = max(first_timeout, timeout)
        self.stable_hint = stable_hint

    def call_copies(self, fn, args, seconds=None):
        """fn on fresh copies of args: (value, numpy warnings, name of an argument fn changed or None).
        Raises what fn raises, and CheckTimeout."""
        copies = tuple(fresh(a) for a in args)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
                value = call_with_timeout(fn, copies, self.timeout if seconds is None else seconds)
        changed = next((parameter_name(fn, i) for i, (a, c) in enumerate(zip(args, copies))
                        if not unchanged(a, c)), None)
        return value, [w for w in caught if issubclass(w.category, RuntimeWarning)], changed

    def _expected(self, args):
        with np.errstate(all="ignore"):
            return np.asarray(self.reference(*args), dtype=np.float64)

    def describe(self, args):
        """How a hint names the probe point `args`, with its preposition: "at x = 0", or with the
        reference's own parameter names for arrays ("at g = an array of shape (2, 3, 4, 4), w = …")."""
        names = None
        if not all(isinstance(a, numbers.Real) for a in args):
            try:
                names = list(inspect.signature(self.reference).parameters)
            except (TypeError, ValueError):
                names = None
        return _("at {point}").format(point=fmt_point(args, names))

    def unusable(self, problem, where):
        """The hint when the value returned at a probe point is not what `convert` can read."""
        return _("{where} it returned something that is not a number: {problem}").format(
            where=where, problem=translated(problem))

    def convert(self, value):
        """The learner's value at one point as what `compare` takes, or a str saying why it is not."""
        return as_real_array(value)

    def run(self, fn):
        """A Trial: fn at every probe point, run once each, until the first point where it raised, ran
        out of time, changed its input or returned something unusable (then `stop` says so)."""
        trial, seconds = Trial(fn, limit=self.timeout), self.first_timeout
        for args in self.points:
            where = self.describe(args)
            start = time.perf_counter()
            try:
                value, caught, changed = self.call_copies(fn, args, seconds)
            except CheckTimeout:
                trial.stop = (args, _("did not finish within {seconds} s {where} (an endless loop?).").format(
                    seconds=f"{seconds:g}", where=where))
                return trial
            except Exception as exc:
                trial.stop = (args, self.raised(exc, where))
                return trial
            if not trial.outputs:  # later calls: the usual limit, or 3× the first call if that is longer
                seconds = min(self.first_timeout, max(self.timeout, round(3 * (time.perf_counter() - start), 1)))
                trial.limit = seconds
            if value is Ellipsis:
                trial.stop = (args, None)
                return trial
            if changed is not None:
                trial.stop = (args, Complete(in_place_hint(changed)))
                return trial
            got = self.convert(value)
            if isinstance(got, str):
                trial.stop = (args, self.unusable(got, where))
                return trial
            trial.outputs.append((args, got, caught))
        return trial

    def raised(self, exc, where):
        """The hint for an exception the learner's function raised at a probe point."""
        return raised_hint(exc, where)

    def _same(self, got, ref):
        if got.size == 1 and ref.size == 1:
            got, ref = got.reshape(()), ref.reshape(())
        return got.shape == ref.shape and close(got, ref, self.rtol, self.atol) and not np.isnan(got).any()

    def compare(self, got, args):
        """None if the learner's value `got` at `args` is right, else the hint that says how it differs."""
        exp = self._expected(args)
        if self._same(got, exp):
            return None
        shown, expected = shown_apart(got.reshape(()) if got.size == 1 else got,
                                      exp.reshape(()) if exp.size == 1 else exp)
        return _("differs {where}: gives {value}, expected {expected}.").format(
            where=self.describe(args), value=shown, expected=expected)

    def first_difference(self, trial):
        """None if the trial agrees with the reference at every probe point, else (point, hint); hint
        None means the stub."""
        for args, got, caught in trial.outputs:  # the first point where something is wrong, in order
            said = self.compare(got, args)
            if said is None:
                continue
            if caught:  # an overflow made the wrong value: say how to avoid it, not the formula again
                return args, Complete(_("{problem} numpy warned '{warning}' there — {advice}").format(
                    problem=translated(said), warning=one_line(caught[0].message, 50),
                    advice=translated(self.stable_hint)))
            return args, said
        if trial.stop is not None:
            return trial.stop
        if self.warnings_fail:
            for args, _got, caught in trial.outputs:  # `_` is the translator here
                if caught:
                    said = _("gives the right value {where} but numpy warns '{warning}' — {advice}")
                    return args, Complete(said.format(where=self.describe(args), advice=translated(self.stable_hint),
                                                      warning=one_line(caught[0].message, 50)))
        return None

    def matches(self, trial, other):
        """Whether the function `other` gives the trial's outputs at every probe point (quietly): a
        declared mistake is recognised from the outputs already computed, without running fn again."""
        if trial.stop is not None:
            return False
        for args, got, _caught in trial.outputs:
            try:
                with np.errstate(all="ignore"), warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    if not self.agree(got, other(*(fresh(a) for a in args))):
                        return False
            except Exception:
                return False
        return True

    def agree(self, got, value):
        """Whether a learner's output `got` (as `convert` made it) equals another function's `value`."""
        ref = np.asarray(value, dtype=np.float64)
        return got.size == ref.size and close(got.reshape(ref.shape), ref, self.rtol, self.atol)

    def passed(self, trial):
        return correct(_("correct at all {count} test points.").format(count=len(self.points)))

    def _evaluate(self, fn):
        if not callable(fn):
            return wrong(_("expected a function, got {type} {value}.").format(type=type(fn).__name__,
                                                                               value=short(fn, 30)))
        trial = self.run(fn)
        diff = self.first_difference(trial)
        if diff is not None:
            args, hint = diff
            if hint is None:
                return NOT_ATTEMPTED
            for wrong_fn, wrong_hint in self.wrong:  # a typical mistake gets its own hint
                if self.matches(trial, wrong_fn):
                    return wrong(wrong_hint)
            if isinstance(hint, Complete):
                return wrong(hint)
            return wrong(_("{problem} {hint}").format(problem=translated(hint), hint=translated(self.hint)).strip())
        if self.vectorised:
            problem = self._array_problem(fn, trial.limit)
            if problem:
                return wrong(problem)
        return self.passed(trial)

    def _array_problem(self, fn, limit):
        """None if fn takes the whole probe column as numpy arrays, else what goes wrong."""
        columns = tuple(np.array([p[i] for p in self.points], dtype=np.float64)
                        for i in range(len(self.points[0])))
        # each message is one whole template, so that a translator can word each sentence as a whole
        try:
            value, _warned, changed = self.call_copies(fn, columns, limit)  # `_` is the translator here
        except CheckTimeout:
            return _("right at every single number, but not on a numpy array of inputs: it did not finish in "
                     "time.")
        except Exception as exc:
            if isinstance(exc, ValueError) and "read-only" in str(exc):
                return READ_ONLY_HINT
            return _("right at every single number, but not on a numpy array of inputs: it raised {error} — "
                     "use numpy operations (np.where, np.maximum, np.exp) instead of `if` or `math`, which take "
                     "one number at a time.").format(error=type(exc).__name__)
        if changed is not None:
            return in_place_hint(changed)
        got, exp = as_real_array(value), self._expected(columns)
        if isinstance(got, str):
            return _("right at every single number, but not on a numpy array of inputs: it returned {value} — "
                     "use numpy operations (np.where, np.maximum, np.exp) instead of `if` or `math`, which take "
                     "one number at a time.").format(value=short(value, 30))
        if got.shape != exp.shape:
            return _("right at every single number, but not on a numpy array of inputs: for inputs of shape "
                     "{expected} it returned shape {shape} — the answer should have one value per input. use numpy "
                     "operations (np.where, np.maximum, np.exp) instead of `if` or `math`, which take one number "
                     "at a time.").format(expected=exp.shape, shape=got.shape)
        if close(got, exp, self.rtol, self.atol):
            return None
        k = int(np.argmax(~np.isclose(got, exp, rtol=self.rtol, atol=self.atol)))
        shown, expected = shown_apart(got[k], exp[k])
        if isinstance(fn, np.vectorize):
            said = _("right at every single number, but not on a numpy array of inputs: entry {index} is {value}, "
                     "expected {expected}: np.vectorize takes the output type from the first result (an int here, "
                     "so decimals are cut off) — give np.vectorize(…, otypes=[float]), or use np.maximum / "
                     "np.where.")
        elif np.array_equal(got, np.round(got)) and not np.array_equal(exp, np.round(exp)):
            said = _("right at every single number, but not on a numpy array of inputs: entry {index} is {value}, "
                     "expected {expected}: the results were rounded to whole numbers — keep them as floats.")
        else:
            said = _("right at every single number, but not on a numpy array of inputs: entry {index} is {value}, "
                     "expected {expected}. use numpy operations (np.where, np.maximum, np.exp) instead of `if` or "
                     "`math`, which take one number at a time.")
        return said.format(index=k, value=shown, expected=expected)


class NetworkFunction(Function):
    """A learner's function of a small network — its inputs and parameters in, one array or a tuple of
    arrays out: a forward pass forward(X, W2, b2, W3, b3) -> A3, or a backward pass
    backprop(X, T, W2, b2, W3, b3) -> (dW2, db2, dW3, db3) — probed on several random networks.

    `probes` are argument tuples of arrays, the first one a batch of samples (one per row); the learner's
    function gets read-only copies, so nothing it does can change them. Time limits, the stub, in-place
    changes and declared mistakes (recognised from the outputs already computed) are the engine's, as for
    every Function. The exercise's own wording is data:
      outputs      the names of the returned arrays, in order: ("a³",) or ("∂C/∂W²", "∂C/∂b²", …)
      tuple_hint   said when the function does not return a tuple of that many arrays
      shape_hint   (name, got shape, expected shape, where) -> the hint for a wrong shape, or None
      locate       (got arrays, expected arrays, args, where) -> the hint naming the first wrong entry
      error_hint   (exception) -> what a raised exception probably means, or None
      batch_hint   (batch size, hint) -> the hint when every single-sample probe is right and a batch is not
      passed       the message of a correct answer
    """

    def __init__(self, reference, probes, outputs, wrong=(), hint="", tuple_hint=None, shape_hint=None,
                 locate=None, error_hint=None, batch_hint=None, passed=None, rtol=1e-6, atol=1e-9,
                 timeout=2.0, first_timeout=10.0):
        probes = [tuple(read_only(a, np.float64) for a in args) for args in probes]
        super().__init__(reference, probes, rtol=rtol, atol=atol, wrong=wrong, hint=hint, vectorised=False,
                         warnings_fail=False, timeout=timeout, first_timeout=first_timeout)
        self.outputs = tuple(outputs)
        self.tuple_hint = tuple_hint  # None: the engine's own, made in the learner's language when shown
        self.shape_hint, self.locate, self.error_hint = shape_hint, locate, error_hint
        self.batch_hint, self.passed_message = batch_hint, passed

    def describe(self, args):
        k = next(i for i, p in enumerate(self.points) if p is args)
        n = len(args[0])
        if n > 1:
            return _("on test network {number} (a batch of {count} images)").format(number=k + 1, count=n)
        return _("on test network {number} (a batch of {count} image)").format(number=k + 1, count=n)

    def _arrays(self, value):
        """A returned value as a list of float arrays, one per output, or a str saying why it is not."""
        if len(self.outputs) == 1:
            values = [value]
        elif isinstance(value, (tuple, list)) and len(value) == len(self.outputs):
            values = list(value)
        elif self.tuple_hint:
            return _("{hint}; got {value}.").format(hint=translated(self.tuple_hint), value=short(value, 40))
        else:
            return _("return the {count} arrays as a tuple ({names}); got {value}.").format(
                count=len(self.outputs), names=", ".join(self.outputs), value=short(value, 40))
        arrays = []
        for name, v in zip(self.outputs, values):
            arr = as_real_array(v)
            if isinstance(arr, str):
                if len(self.outputs) > 1:
                    return _("{name}: {problem}").format(name=name, problem=translated(arr))
                return _("it returned something that is not an array of numbers: {problem}").format(
                    problem=translated(arr))
            arrays.append(arr)
        return arrays

    def convert(self, value):
        arrays = self._arrays(value)
        if isinstance(arrays, list):
            low = [getattr(v, "dtype", None) in (np.float16, np.float32) for v in
                   (value if len(self.outputs) > 1 else [value])]
            arrays = LowPrecision(arrays) if any(low) else arrays
        return arrays

    def unusable(self, problem, where):
        return _("{where} {problem}").format(where=where, problem=translated(problem))

    def raised(self, exc, where):
        meaning = self.error_hint(exc) if self.error_hint else None
        if meaning:
            return Complete(_("raised {error} {where} ({message}): {meaning}").format(
                error=type(exc).__name__, where=where, message=one_line(exc, 80), meaning=translated(meaning)))
        return raised_hint(exc, where)

    def _expected_arrays(self, args):
        with np.errstate(all="ignore"):
            ref = self.reference(*args)
        return [np.asarray(r, dtype=np.float64) for r in (ref if len(self.outputs) > 1 else [ref])]

    def compare(self, got, args):
        where = self.describe(args)
        expected = self._expected_arrays(args)
        for name, g, e in zip(self.outputs, got, expected):
            if g.shape != e.shape:
                said = self.shape_hint(name, g.shape, e.shape, where) if self.shape_hint else None
                return Complete(said or _("{where} {name} has shape {shape}; expected {expected}.").format(
                    where=where, name=name, shape=g.shape, expected=e.shape))
            if np.isnan(g).any():
                return Complete(_("{where} {name} holds nan (not a number): look for 0/0 or inf − inf.").format(
                    where=where, name=name))
        if all(close(g, e, self.rtol, self.atol) for g, e in zip(got, expected)):
            return None
        if isinstance(got, LowPrecision) and all(close(g, e, 1e-3, 1e-6) for g, e in zip(got, expected)):
            return Complete(_("{where} right to about 7 digits only: your arrays are float32, which keeps 7 "
                              "significant digits. Compute in float64 (numpy's default; drop the "
                              ".astype(np.float32) or dtype=np.float32).").format(where=where))
        if self.locate:
            return self.locate(got, expected, args, where)
        name, g, e = next((n, g, e) for n, g, e in zip(self.outputs, got, expected) if not close(g, e, self.rtol, self.atol))
        k = tuple(int(i) for i in np.argwhere(~np.isclose(g, e, rtol=self.rtol, atol=self.atol))[0])
        return _("{where} {name}{index} is {value}; expected {expected}.").format(
            where=where, name=name, index=list(k), value=short(float(g[k])), expected=f"{float(e[k]):.6g}")

    def first_difference(self, trial):
        diff = super().first_difference(trial)
        if diff is None or diff[1] is None or self.batch_hint is None or len(diff[0][0]) == 1:
            return diff
        singles = [(a, g) for a, g, _ in trial.outputs if len(a[0]) == 1]
        if singles and all(self.compare(g, a) is None for a, g in singles):
            return diff[0], Complete(self.batch_hint(len(diff[0][0]), diff[1]))
        return diff

    def agree(self, got, value):
        theirs = [np.asarray(r, dtype=np.float64) for r in (value if len(self.outputs) > 1 else [value])]
        return len(theirs) == len(got) and all(
            g.shape == t.shape and close(g, t, self.rtol, self.atol) for g, t in zip(got, theirs))

    def passed(self, trial):
        return correct(self.passed_message or
                       _("correct on all {count} test networks.").format(count=len(self.points)))


class LowPrecision(list):
    """A learner's arrays that were float32 (or float16) before the check read them as float64."""


class Expression(Kind):
    """A sympy expression, equal to `expected` in any equivalent form.

    Symbols are matched by name, so `sp.Symbol('z', real=True)` counts as `z`. Equality is decided by
    sympy.simplify, backed by comparing values at a few points. Strings are refused, never parsed.
    """

    def __init__(self, expected, wrong=(), hint="", timeout=5.0):
        import sympy
        self.expected = sympy.sympify(expected)  # built by us from sympy objects, never from text
        self.wrong = [(sympy.sympify(e), h) for e, h in wrong]
        self.hint = hint
        self.timeout = timeout

    @staticmethod
    def _as_expr(answer):
        import sympy
        if isinstance(answer, (str, bytes)):
            return N_("got text, not a sympy expression. Build it from symbols, e.g. "
                      "`z = sp.symbols('z')` then `1 / (1 + sp.exp(-z))`.")
        if isinstance(answer, (bool, np.bool_)) or answer is None:
            return _("expected a sympy expression, got {got}.").format(got=short(answer))
        if isinstance(answer, numbers.Number) and not isinstance(answer, sympy.Basic):
            if isinstance(answer, numbers.Integral):
                return sympy.Integer(int(answer))
            if isinstance(answer, numbers.Real):
                x = float(answer)
                if not math.isfinite(x):
                    return _("got {value}, expected a finite expression.").format(value=x)
                return sympy.Float(x)
            return N_("got a complex number, expected a sympy expression.")
        if isinstance(answer, sympy.Equality):
            return N_("got an equation (sp.Eq); give just the expression.")
        if isinstance(answer, sympy.MatrixBase):
            if answer.shape != (1, 1):
                return _("expected a sympy expression, got a Matrix of shape {shape}.").format(shape=answer.shape)
            answer = answer[0, 0]  # a row times a column: the 1×1 matrix holds the expression
        if not isinstance(answer, sympy.Expr):
            return _("expected a sympy expression, got {got}.").format(got=type(answer).__name__)
        if answer.has(sympy.Derivative, sympy.Integral, sympy.Subs):
            answer = answer.doit()  # sp.Derivative(f, z) written out is the same answer as sp.diff(f, z)
        return answer

    @staticmethod
    def _plain(expr):
        """The same expression over plain symbols, so `Symbol('z', real=True)` counts as `z`."""
        import sympy
        return expr.xreplace({s: sympy.Symbol(s.name) for s in expr.free_symbols if isinstance(s, sympy.Symbol)})

    def _equal(self, a, b):
        """Equal values at six points in (0.2, 1.7); sympy.simplify decides where values are undefined."""
        import sympy
        symbols = sorted(a.free_symbols | b.free_symbols, key=lambda s: s.name)
        rng = np.random.default_rng(0)
        compared = 0
        for _attempt in range(6):
            point = {s: sympy.Float(round(rng.uniform(0.2, 1.7), 3)) for s in symbols}
            try:
                va, vb = complex(a.evalf(subs=point)), complex(b.evalf(subs=point))
            except (TypeError, ValueError):
                continue
            if not all(math.isfinite(v) for v in (va.real, va.imag, vb.real, vb.imag)):
                continue
            if abs(va - vb) > 1e-9 * (1 + abs(vb)):
                return False
            compared += 1
        return compared >= 3 or sympy.simplify(a - b) == 0

    def _evaluate(self, answer):
        expr = self._as_expr(answer)
        if isinstance(expr, str):
            return wrong(expr)
        expr = self._plain(expr)
        expected = self._plain(self.expected)
        extra = sorted(s.name for s in expr.free_symbols - expected.free_symbols)
        if call_with_timeout(self._equal, (expr, expected), self.timeout):
            return correct()  # a symbol that cancels numerically (1e-17·q) does not matter
        for bad, hint in self.wrong:  # checked before `extra`: a typical mistake may use another symbol
            if call_with_timeout(self._equal, (expr, self._plain(bad)), self.timeout):
                return wrong(hint)
        if extra:
            return wrong(_("your expression uses {symbols}, which the answer does not depend on.").format(
                symbols=", ".join(extra)))
        if call_with_timeout(self._equal, (expr, -expected), self.timeout):
            return wrong(N_("off by a sign."))
        return wrong(_("not equal to the expected expression. {hint}").format(hint=translated(self.hint)).strip())


class Choice(Kind):
    """One option out of several, given by its letter ('b', 'B', 'b)', '(b)' or 'b.')."""

    def __init__(self, answer, options, hints=None, hint=""):
        self.answer = answer.lower()
        self.options = [o.lower() for o in options]
        self.hints = {k.lower(): v for k, v in (hints or {}).items()}
        self.hint = hint

    def _evaluate(self, answer):
        if not isinstance(answer, str):
            return wrong(_("answer with the option's letter in quotes, e.g. 'a'; got {value}.").format(
                value=short(answer, 30)))
        letter = answer.strip().strip("().").strip().lower()
        if letter not in self.options:
            return wrong(_("choose one of {options}; got {value}.").format(
                options=", ".join(repr(o) for o in self.options), value=short(answer, 30)))
        if letter == self.answer:
            return correct()
        return wrong(self.hints.get(letter, self.hint or _("'{letter}' is not it.").format(letter=letter)))


class TrueFalse(Kind):
    """True or False (a numpy bool or the words 'true'/'false' are accepted too)."""

    def __init__(self, answer, hint=""):
        self.answer = bool(answer)
        self.hint = hint

    def _evaluate(self, answer):
        if isinstance(answer, str) and answer.strip().lower() in ("true", "false"):
            answer = answer.strip().lower() == "true"
        if not isinstance(answer, (bool, np.bool_)):
            return wrong(_("answer True or False, got {value}.").format(value=short(answer, 30)))
        if bool(answer) == self.answer:
            return correct()
        return wrong(self.hint or N_("the other one."))
