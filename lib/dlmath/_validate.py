"""Turn a learner's input into a float array, or fail with a message that says what was expected."""
import numbers

import numpy as np


def as_float_array(value, name="input"):
    """`value` as a float64 array; a clear TypeError for text, None, or other non-numbers."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a number or an array of numbers, got {type(value).__name__} {value!r:.40}")
    if isinstance(value, numbers.Number) and not isinstance(value, numbers.Real):
        if value.imag != 0:
            raise TypeError(f"{name} must be real, got the complex number {value!r}")
        value = value.real  # e.g. an eigenvalue: numpy ≥ 2.5 returns eig's results as complex
    try:
        arr = np.asarray(value)
    except ValueError as exc:  # ragged lists
        raise TypeError(f"{name} must be a rectangular array of numbers ({exc})") from None
    if arr.dtype.kind not in "biuf":
        if arr.dtype.kind == "c":
            if np.any(arr.imag != 0):
                raise TypeError(f"{name} must be real, got complex values")
            arr = arr.real  # complex with zero imaginary parts, as numpy ≥ 2.5's eig returns real eigenvalues
        try:
            arr = arr.astype(np.float64)
        except (TypeError, ValueError):
            raise TypeError(f"{name} must hold numbers, got elements of type {arr.dtype}") from None
    return arr.astype(np.float64, copy=False)


def expect_shape(arr, shape, name):
    """Check `arr.shape` against `shape`, where None in `shape` means any length."""
    ok = arr.ndim == len(shape) and all(s is None or s == a for s, a in zip(shape, arr.shape))
    if not ok:
        letters = iter("nmkpq" if len(shape) == 1 else "mnkpq")  # (n,), (m, n), (m, n, k): no false "square"
        want = "(" + ", ".join(next(letters) if s is None else str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"
        raise ValueError(f"{name} must have shape {want}, got shape {arr.shape}")
    return arr
