"""Arrays in, arrays out: every op validates its inputs here, once, with a message that names the shape
it expected.

    as_float_array(value, name)     a float64 array, or a TypeError that says what `name` must be
    expect_shape(arr, shape, name)  arr, or a ValueError naming the expected shape (None = any length)
    as_batch(a, name, n=None)       a batch (N, n), one sample per row; one sample (n,) becomes (1, n)
    same_shape(y, t, names)         two arrays of one shape
    read_only(a)                    a read-only float copy: data sets and probes a learner cannot change

Ops call these before their arithmetic; a caller that has validated once (a training loop calling
an op thousands of times) calls the op's `*_unchecked` form instead. The messages speak the learner's
language (dlmath.language): a `name` that is words rather than a symbol ("the learning rate eta") is
marked N_ where it is given and translated here.
"""
import numbers

import numpy as np

from .language import N_, translate as _


def as_float_array(value, name=N_("input")):
    """`value` as a float64 array; a clear TypeError for text, None, or other non-numbers."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(_("{name} must be a number or an array of numbers, got {type} {value}").format(
            name=_(name), type=type(value).__name__, value=f"{value!r:.40}"))
    if isinstance(value, numbers.Number) and not isinstance(value, numbers.Real):
        if value.imag != 0:
            raise TypeError(_("{name} must be real, got the complex number {value}").format(name=_(name), value=repr(value)))
        value = value.real  # e.g. an eigenvalue: numpy ≥ 2.5 returns eig's results as complex
    try:
        arr = np.asarray(value)
    except ValueError as exc:  # ragged lists
        raise TypeError(_("{name} must be a rectangular array of numbers ({error})").format(name=_(name), error=exc)) from None
    if arr.dtype.kind not in "biuf":
        if arr.dtype.kind == "c":
            if np.any(arr.imag != 0):
                raise TypeError(_("{name} must be real, got complex values").format(name=_(name)))
            arr = arr.real  # complex with zero imaginary parts, as numpy ≥ 2.5's eig returns real eigenvalues
        try:
            arr = arr.astype(np.float64)
        except (TypeError, ValueError):
            raise TypeError(_("{name} must hold numbers, got elements of type {dtype}").format(
                name=_(name), dtype=arr.dtype)) from None
    return arr.astype(np.float64, copy=False)


def expect_shape(arr, shape, name):
    """Check `arr.shape` against `shape`, where None in `shape` means any length."""
    ok = arr.ndim == len(shape) and all(s is None or s == a for s, a in zip(shape, arr.shape))
    if not ok:
        letters = iter("nmkpq" if len(shape) == 1 else "mnkpq")  # (n,), (m, n), (m, n, k): no false "square"
        want = "(" + ", ".join(next(letters) if s is None else str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"
        raise ValueError(_("{name} must have shape {expected}, got shape {shape}").format(
            name=_(name), expected=want, shape=arr.shape))
    return arr


def as_batch(a, name, n=None):
    """`a` as a float64 batch of shape (N, n); one sample of shape (n,) becomes a batch of one."""
    a = as_float_array(a, name)
    if a.ndim == 1:
        a = a[None, :]
    if a.ndim != 2 or (n is not None and a.shape[1] != n):
        if n is None:
            raise ValueError(_("{name} must have shape (N, n) or (n,) — one sample per row — got shape {shape}")
                             .format(name=_(name), shape=a.shape))
        raise ValueError(_("{name} must have shape (N, {n}) or ({n},) — one sample per row — got shape {shape}")
                         .format(name=_(name), n=n, shape=a.shape))
    return a


def same_shape(y, t, names=("y", "t")):
    """y and t as float64 arrays of one shape; a ValueError naming the first's shape otherwise."""
    y, t = as_float_array(y, names[0]), as_float_array(t, names[1])
    if y.shape != t.shape:
        raise ValueError(_("{name} must have the shape of {other}, {expected}, got shape {shape}").format(
            name=_(names[1]), other=_(names[0]), expected=y.shape, shape=t.shape))
    return y, t


def read_only(a, dtype=None):
    """A copy of `a` that cannot be written to, so that a learner's `x -= …` or `x[0] = …` fails loudly
    instead of changing a data set (or a check's probe) for the rest of the session."""
    a = np.array(a, dtype=dtype)
    a.setflags(write=False)
    return a
