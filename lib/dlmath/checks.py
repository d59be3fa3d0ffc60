"""The self-check engine: compare a learner's answer with the expected one and say what is wrong.

Each exercise is described by one of the answer kinds below (Number, Array, Function, Expression,
Choice, TrueFalse). `kind.evaluate(answer)` returns a Result and never raises: whatever the learner
passes (None, a string, a ragged list, NaN, a function that raises or loops forever) becomes a ❌ with
a hint. Strings are never evaluated as code. `check(exercise_id, answer)` in `dlmath.exercises`
prints the result and remembers it for the progress table.
"""
from __future__ import annotations

import math
import numbers
import signal
import threading
import warnings
from dataclasses import dataclass

import numpy as np

PASS, FAIL, TODO = "pass", "fail", "todo"
SYMBOL = {PASS: "✅", FAIL: "❌", TODO: "⏳"}
WORD = {PASS: "correct", FAIL: "not yet", TODO: "not attempted yet"}  # readable without an emoji font


def verdict(status, message):
    """The message led by its verdict word, so ✅ and ❌ differ even where both render as a box."""
    return message if message.startswith(WORD[status]) else f"{WORD[status]} — {message}"


@dataclass(frozen=True)
class Result:
    status: str  # PASS, FAIL or TODO
    message: str

    @property
    def passed(self):
        return self.status == PASS

    def __str__(self):
        return f"{SYMBOL[self.status]} {verdict(self.status, self.message)}"


def correct(message="correct."):
    return Result(PASS, message)


def wrong(message):
    return Result(FAIL, message)


NOT_ATTEMPTED = Result(TODO, "not attempted yet — replace the `...` with your answer and run the cell again.")


def short(value, width=60):
    """A repr that is safe to show: never raises, never longer than `width`."""
    try:
        if isinstance(value, (float, np.floating)):
            text = f"{float(value):.6g}"
        elif isinstance(value, np.ndarray):
            text = np.array2string(value, precision=4, threshold=8, separator=", ")
        else:
            text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def one_line(message, width):
    """An exception's or warning's text on one line, cut to `width`."""
    return " ".join(str(message).split())[:width]


def fmt_point(args):
    """How a probe point is named in a hint: x = 0 or (x, y) = (1, 2)."""
    vals = ", ".join(f"{float(a):g}" if isinstance(a, numbers.Real) else short(a, 30) for a in args)
    return vals if len(args) == 1 else f"({vals})"


# ---------------------------------------------------------------- time limit for a learner's code

class CheckTimeout(Exception):
    pass


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
    # Off the main thread signals are not available: run in a daemon thread and stop waiting.
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
        raise CheckTimeout()
    if "error" in box:
        raise box["error"]
    return box["value"]


def as_real(value):
    """A learner's single number as a float, or a str saying why it is not one."""
    if value is None:
        return "got None — did you forget to assign or `return` the result?"
    if isinstance(value, (bool, np.bool_)):
        return f"got the truth value {value}, expected a number."
    if isinstance(value, (str, bytes)):
        return f"got the text {short(value, 30)} — write the number itself, without quotes."
    if isinstance(value, np.ndarray):
        if value.ndim != 0:
            return f"expected a single number, got an array of shape {value.shape}."
        value = value[()]
    if isinstance(value, numbers.Complex) and not isinstance(value, numbers.Real):
        return f"got the complex number {short(value)}, expected a real number."
    try:
        x = float(value)
    except Exception:
        return f"expected a number, got {type(value).__name__} {short(value, 30)}."
    if math.isnan(x):
        return "got nan (not a number) — look for 0/0, inf − inf or a log of a negative number."
    if math.isinf(x):
        return f"got {x} — something overflowed or divided by zero."
    return x


def as_real_array(value):
    """A learner's array (list, tuple, numpy) as float64, or a str saying why it is not one."""
    if value is None:
        return "got None — did you forget to assign or `return` the result?"
    if isinstance(value, (str, bytes)):
        return f"got the text {short(value, 30)} — give numbers, not text."
    if isinstance(value, (dict, set, frozenset)):
        return f"got a {type(value).__name__}; give a list or a numpy array."
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            arr = np.asarray(value)
    except Exception:
        return "could not read this as an array: are all rows the same length?"
    if arr.dtype.kind == "c":
        return "got complex numbers, expected real ones."
    if arr.dtype.kind not in "biuf":
        if any(isinstance(v, (str, bytes)) for v in arr.ravel()[:1000]):
            return "the array holds text — give numbers, not strings."
        try:
            arr = arr.astype(np.float64)
        except Exception:
            return f"could not read this as an array of numbers (it holds {arr.dtype} elements)."
    return arr.astype(np.float64)


def close(a, b, rtol, atol):
    return bool(np.all(np.isclose(a, b, rtol=rtol, atol=atol)))


# ---------------------------------------------------------------- answer kinds

class Kind:
    """One answer kind. `wrong` lists typical wrong answers, each with the hint it deserves."""

    def evaluate(self, answer) -> Result:
        try:
            if answer is Ellipsis:
                return NOT_ATTEMPTED
            return self._evaluate(answer)
        except CheckTimeout:
            return wrong("the check ran out of time on your answer.")
        except Exception as exc:  # a check must never raise; say so instead
            return wrong(f"could not check this answer ({type(exc).__name__}: {one_line(exc, 60)}).")

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
            return wrong(f"{x:g} is off by a sign.")
        direction = "too large" if x > self.expected else "too small"
        return wrong(f"{x:.6g} is {direction}. {self.hint}".strip())


class Array(Kind):
    """An array of numbers: shape first, then values within tolerance. Lists and tuples are fine."""

    def __init__(self, expected, rtol=1e-6, atol=1e-9, wrong=(), hint=""):
        self.expected = np.asarray(expected, dtype=np.float64)
        self.rtol, self.atol = rtol, atol
        self.wrong = [(np.asarray(v, dtype=np.float64), h) for v, h in wrong]
        self.hint = hint

    def _evaluate(self, answer):
        arr = as_real_array(answer)
        if isinstance(arr, str):
            return wrong(arr)
        exp = self.expected
        for value, hint in self.wrong:
            if arr.shape == value.shape and close(arr, value, self.rtol, self.atol):
                return wrong(hint)
        if arr.shape != exp.shape:
            if arr.ndim == 2 and arr.T.shape == exp.shape and close(arr.T, exp, self.rtol, self.atol):
                return wrong(f"shape {arr.shape} is the transpose of the expected {exp.shape}.")
            if arr.size == exp.size and close(arr.reshape(exp.shape), exp, self.rtol, self.atol):
                return wrong(f"the numbers are right but the shape is {arr.shape}; expected {exp.shape}.")
            return wrong(f"expected shape {exp.shape}, got shape {arr.shape}.")
        if np.isnan(arr).any():
            return wrong(f"your array holds nan at index {tuple(int(i) for i in np.argwhere(np.isnan(arr))[0])}.")
        if close(arr, exp, self.rtol, self.atol):
            return correct()
        if np.any(exp != 0) and close(arr, -exp, self.rtol, self.atol):
            return wrong("every entry is off by a sign.")
        bad = np.argwhere(~np.isclose(arr, exp, rtol=self.rtol, atol=self.atol))[0]
        where = tuple(int(i) for i in bad) if arr.ndim else ()
        entry = f" entry {where[0] if len(where) == 1 else where}" if where else ""
        return wrong(f"the shape is right, but{entry} is {short(float(arr[where]))}, which is not it. {self.hint}".strip())


class Function(Kind):
    """A function, probed at chosen points against `reference`.

    `points` are argument tuples (or single numbers). With `vectorised=True` the learner's function
    must also take the whole probe column as a numpy array. With `warnings_fail=True` a numpy warning
    (overflow, divide by zero) at a probe point is a failure: the course asks for stable functions.
    """

    def __init__(self, reference, points, rtol=1e-6, atol=1e-9, wrong=(), hint="",
                 vectorised=True, warnings_fail=True, timeout=2.0):
        self.reference = reference
        self.points = [p if isinstance(p, tuple) else (p,) for p in points]
        self.rtol, self.atol = rtol, atol
        self.wrong = list(wrong)
        self.hint = hint
        self.vectorised = vectorised
        self.warnings_fail = warnings_fail
        self.timeout = timeout

    def _call(self, fn, args):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
                value = call_with_timeout(fn, args, self.timeout)
        return value, [w for w in caught if issubclass(w.category, RuntimeWarning)]

    def _expected(self, args):
        with np.errstate(all="ignore"):
            return np.asarray(self.reference(*args), dtype=np.float64)

    def _first_difference(self, fn):
        """None if fn agrees with the reference at every probe point, else (point, hint)."""
        for args in self.points:
            try:
                value, caught = self._call(fn, args)
            except CheckTimeout:
                return args, f"did not finish within {self.timeout:g} s at x = {fmt_point(args)} (an endless loop?)."
            except Exception as exc:
                return args, f"raised {type(exc).__name__} at x = {fmt_point(args)}: {one_line(exc, 80)}"
            if value is Ellipsis:
                return args, None  # the stub: not attempted
            got = as_real_array(value)
            if isinstance(got, str):
                return args, f"at x = {fmt_point(args)} it returned something that is not a number: {got}"
            exp = self._expected(args)
            if got.size == 1 and exp.size == 1:
                got, exp = got.reshape(()), exp.reshape(())
            if got.shape != exp.shape or not close(got, exp, self.rtol, self.atol) or np.isnan(got).any():
                return args, f"differs at x = {fmt_point(args)}: gives {short(got)}, expected {short(exp)}."
            if caught and self.warnings_fail:
                return args, (f"gives the right value at x = {fmt_point(args)} but numpy warns "
                              f"'{one_line(caught[0].message, 50)}' — use a form that cannot overflow.")
        return None

    def _agrees(self, fn, other):
        """Whether fn gives the same numbers as `other` at every probe point (quietly)."""
        for args in self.points:
            try:
                got = as_real_array(self._call(fn, args)[0])
                with np.errstate(all="ignore"), warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    ref = np.asarray(other(*args), dtype=np.float64)
            except Exception:
                return False
            if isinstance(got, str) or got.size != ref.size or not close(got.reshape(ref.shape), ref, self.rtol, self.atol):
                return False
        return True

    def _evaluate(self, fn):
        if not callable(fn):
            return wrong(f"expected a function, got {type(fn).__name__} {short(fn, 30)}.")
        diff = self._first_difference(fn)
        if diff is not None:
            args, hint = diff
            if hint is None:
                return NOT_ATTEMPTED
            for wrong_fn, wrong_hint in self.wrong:  # a typical mistake gets its own hint
                if self._agrees(fn, wrong_fn):
                    return wrong(wrong_hint)
            return wrong(f"{hint} {self.hint}".strip())
        if self.vectorised and not self._takes_arrays(fn):
            return wrong("right at every single number, but not on a numpy array of inputs — use numpy "
                         "operations (np.where, np.maximum, np.exp) instead of `if` or `math`.")
        return correct(f"correct at all {len(self.points)} test points.")

    def _takes_arrays(self, fn):
        columns = tuple(np.array([p[i] for p in self.points], dtype=np.float64)
                        for i in range(len(self.points[0])))
        try:
            got = as_real_array(self._call(fn, columns)[0])
        except Exception:
            return False
        exp = self._expected(columns)
        return not isinstance(got, str) and got.shape == exp.shape and close(got, exp, self.rtol, self.atol)


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
            return ("got text, not a sympy expression. Build it from symbols, e.g. "
                    "`z = sp.symbols('z')` then `1 / (1 + sp.exp(-z))`.")
        if isinstance(answer, (bool, np.bool_)) or answer is None:
            return f"expected a sympy expression, got {short(answer)}."
        if isinstance(answer, numbers.Number) and not isinstance(answer, sympy.Basic):
            if isinstance(answer, numbers.Integral):
                return sympy.Integer(int(answer))
            if isinstance(answer, numbers.Real):
                x = float(answer)
                if not math.isfinite(x):
                    return f"got {x}, expected a finite expression."
                return sympy.Float(x)
            return "got a complex number, expected a sympy expression."
        if isinstance(answer, sympy.Equality):
            return "got an equation (sp.Eq); give just the expression."
        if not isinstance(answer, sympy.Expr):
            return f"expected a sympy expression, got {type(answer).__name__}."
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
        for _ in range(6):
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
            return wrong(f"your expression uses {', '.join(extra)}, which the answer does not depend on.")
        if call_with_timeout(self._equal, (expr, -expected), self.timeout):
            return wrong("off by a sign.")
        return wrong(f"not equal to the expected expression. {self.hint}".strip())


class Choice(Kind):
    """One option out of several, given by its letter ('b', 'B' or 'b)')."""

    def __init__(self, answer, options, hints=None, hint=""):
        self.answer = answer.lower()
        self.options = [o.lower() for o in options]
        self.hints = {k.lower(): v for k, v in (hints or {}).items()}
        self.hint = hint

    def _evaluate(self, answer):
        if not isinstance(answer, str):
            return wrong(f"answer with the option's letter in quotes, e.g. 'a'; got {short(answer, 30)}.")
        letter = answer.strip().strip(").").strip().lower()
        if letter not in self.options:
            return wrong(f"choose one of {', '.join(repr(o) for o in self.options)}; got {short(answer, 30)}.")
        if letter == self.answer:
            return correct()
        return wrong(self.hints.get(letter, self.hint or f"'{letter}' is not it."))


class TrueFalse(Kind):
    """True or False (a numpy bool or the words 'true'/'false' are accepted too)."""

    def __init__(self, answer, hint=""):
        self.answer = bool(answer)
        self.hint = hint

    def _evaluate(self, answer):
        if isinstance(answer, str) and answer.strip().lower() in ("true", "false"):
            answer = answer.strip().lower() == "true"
        if not isinstance(answer, (bool, np.bool_)):
            return wrong(f"answer True or False, got {short(answer, 30)}.")
        if bool(answer) == self.answer:
            return correct()
        return wrong(self.hint or "the other one.")
