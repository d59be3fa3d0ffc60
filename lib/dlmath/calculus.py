"""Numerical derivatives by central differences: the yardstick every formula is checked against.

    f'(x) ≈ (f(x + h) − f(x − h)) / 2h      error of order h² (one-sided differences: order h)

`derivative` is the library's one central difference; every other first derivative here is built on
it, one coordinate at a time (`central_differences`), each caller keeping the step that suits it:
    derivative, gradient, partial_derivative   h = 1e-6   chapter 03's functions of a few numbers
    numerical_gradient, gradient_check         h = 1e-5   a loss of many parameters (chapter 07)
    jacobian                                   h = 1e-6   a layer as an operator (chapter 09)

Chapter 03 adds the pieces built on it: the difference quotient, partial derivatives, the Hessian
(second partial derivatives), the tangent line,
the multivariable linear approximation Δz ≈ ∇z·Δx, and sequences given by a recurrence relation
(computed forwards from the first term, or backwards from the last one, as backpropagation does).
"""
import numbers

import numpy as np

from .arrays import as_float_array, expect_shape, same_shape
from .language import translate as _


def _step_size(h, name="h", allow_negative=False):
    """The step h as a float: a finite number, positive (or, for a difference quotient, non-zero)."""
    if isinstance(h, (bool, np.bool_)) or not isinstance(h, numbers.Real):
        raise TypeError(_("the step {name} must be a real number, got {type} {value}").format(
            name=name, type=type(h).__name__, value=f"{h!r:.40}"))
    h = float(h)
    if not np.isfinite(h) or h == 0 or (h < 0 and not allow_negative):
        if allow_negative:
            raise ValueError(_("the step {name} must be a finite non-zero number, got {value}").format(name=name, value=h))
        raise ValueError(_("the step {name} must be a finite positive number, got {value}").format(name=name, value=h))
    return h


def _single_number(value, name):
    """value as a float; a clear error when f returned several numbers (f must map R^n to R)."""
    arr = as_float_array(value, name)
    if arr.size != 1:
        raise ValueError(_("{name} must be a single number (f: R^n -> R), got an array of shape {shape}; "
                           "for a vector-valued function take each component on its own").format(
                               name=name, shape=arr.shape))
    return float(arr.reshape(()))


def _point(x, name="x"):
    """A point of R^n: shape (n,) with n >= 1."""
    x = expect_shape(as_float_array(x, name), (None,), name)
    if x.size == 0:
        raise ValueError(_("{name} must have shape (n,) with n >= 1, got shape {shape}").format(name=name, shape=x.shape))
    return x


def derivative(f, x, h=1e-6):
    """Central-difference derivative of a scalar function f at x (a number or an array of points)."""
    x = as_float_array(x, "x")
    h = _step_size(h)
    return (np.asarray(f(x + h), dtype=float) - np.asarray(f(x - h), dtype=float)) / (2 * h)


def central_differences(f, x, h):
    """(f(x + h e_i) − f(x − h e_i)) / 2h for every entry i of an array x of any shape, where f returns a
    number or an array: shape f(x).shape + x.shape, the Jacobian of f with its axes kept. One pair of
    evaluations per entry — a loop over coordinates, not samples: this is the slow reference."""
    x = np.array(as_float_array(x, "x"), dtype=np.float64)  # our own copy: f may change what it gets
    columns = []
    for i in range(x.size):
        e = np.zeros_like(x)
        e.flat[i] = 1.0
        columns.append(derivative(lambda t: f(x + t * e), 0.0, h))
    if not columns:
        return np.zeros(x.shape)
    return np.moveaxis(np.array(columns), 0, -1).reshape(columns[0].shape + x.shape)


def gradient(f, x, h=1e-6):
    """Central-difference gradient ∇f(x) of a function f: R^n -> R, at the point x of shape (n,)."""
    x = as_float_array(x, "x")
    if x.ndim != 1:
        raise ValueError(_("{name} must have shape {expected}, got shape {shape}").format(
            name="x", expected="(n,)", shape=x.shape))
    h = _step_size(h)
    return central_differences(lambda v: _single_number(f(v), "f(x)"), x, h)


def difference_quotient(f, a, h):
    """(f(a + h) − f(a)) / h: the slope of the secant from a to a + h; f'(a) is its limit as h -> 0.

    `h` may be an array of steps (all non-zero) to watch the quotient approach the derivative.
    """
    a = _single_number(a, "a")
    h = as_float_array(h, "h")
    if not np.all(np.isfinite(h)) or np.any(h == 0):
        raise ValueError(_("every step h must be a finite non-zero number"))
    return (np.asarray(f(a + h), dtype=float) - np.asarray(f(a), dtype=float)) / h


def partial_derivative(f, x, i, h=1e-6):
    """∂f/∂x_i at the point x of shape (n,) by central differences: only coordinate i moves."""
    x = _point(x)
    if isinstance(i, (bool, np.bool_)) or not isinstance(i, numbers.Integral):
        raise TypeError(_("the coordinate i must be an integer index, got {type} {value}").format(
            type=type(i).__name__, value=f"{i!r:.40}"))
    if not 0 <= i < x.size:
        raise ValueError(_("the coordinate i must be one of 0 … {last} for x of shape {shape}, got {value}").format(
            last=x.size - 1, shape=x.shape, value=i))
    h = _step_size(h)
    e = np.zeros_like(x)
    e[i] = 1.0
    return float(derivative(lambda t: _single_number(f(x + t * e), "f(x)"), 0.0, h))


def hessian(f, x, h=1e-4):
    """The Hessian of f: R^n -> R at x of shape (n,): H_ij = ∂²f/∂x_i∂x_j, shape (n, n), symmetric.

    Each entry by the central difference of a central difference,
        H_ij ≈ [f(x + h e_i + h e_j) − f(x + h e_i − h e_j) − f(x − h e_i + h e_j) + f(x − h e_i − h e_j)] / 4h²,
    exact for quadratics up to rounding, error of order h² otherwise. The rounding error grows like
    ε|f|/h² (it divides by h², not h), so the default step is 1e-4, larger than for a first derivative.
    """
    x = _point(x)
    h = _step_size(h)
    n = x.size
    e = np.eye(n) * h
    H = np.empty((n, n))
    for i in range(n):  # n(n+1)/2 entries, four evaluations each; n is small in this course
        for j in range(i, n):
            fpp = _single_number(f(x + e[i] + e[j]), "f(x)")
            fpm = _single_number(f(x + e[i] - e[j]), "f(x)")
            fmp = _single_number(f(x - e[i] + e[j]), "f(x)")
            fmm = _single_number(f(x - e[i] - e[j]), "f(x)")
            H[i, j] = H[j, i] = (fpp - fpm - fmp + fmm) / (4 * h * h)
    return H


def tangent_line(f, df, a, x):
    """The tangent of f at a, evaluated at x: y = f(a) + f'(a)(x − a).

    df: the derivative f' as a function, or None to take it by central differences.
    a: a single number; x: a number or an array (the result has the shape of x).
    """
    a = _single_number(a, "a")
    x = as_float_array(x, "x")
    fa = _single_number(f(a), "f(a)")
    slope = _single_number(derivative(f, a) if df is None else df(a), "f'(a)")
    return fa + slope * (x - a)


def linear_approximation(f, grad, p, dp):
    """f(p) + ∇f(p)·Δp, the approximation of f(p + Δp) by the tangent plane (hyperplane) at p.

    grad: the gradient ∇f as a function of a point, or None to take it by central differences.
    p: shape (n,). dp: one step of shape (n,) or many steps of shape (..., n); the result has shape
    dp.shape[:-1] (a 0-d array for one step). Only f(p) and ∇f(p) are evaluated.
    """
    p = _point(p, "p")
    dp = as_float_array(dp, "dp")
    if dp.ndim == 0 or dp.shape[-1] != p.size:
        raise ValueError(_("dp must have shape ({n},) or (..., {n}) to match p of shape {expected}, "
                           "got shape {shape}").format(n=p.size, expected=p.shape, shape=dp.shape))
    g = gradient(f, p) if grad is None else as_float_array(grad(p), "grad(p)")
    if g.shape != p.shape:
        raise ValueError(_("grad(p) must have shape {expected} like p, got shape {shape}").format(
            expected=p.shape, shape=g.shape))
    return _single_number(f(p), "f(p)") + dp @ g


def recurrence(first, rule, n):
    """The first n terms a_1, …, a_n of the sequence a_1 = first, a_(k+1) = rule(a_k).

    A term may be a number or an array (rule must keep its shape). Returns shape (n,) + shape of first.
    """
    return _unroll(first, rule, n, "first")


def backward_recurrence(last, rule, n):
    """The terms a_1, …, a_n of a sequence given by its last term: a_n = last, a_k = rule(a_(k+1)).

    This is how backpropagation computes: start at the end and step back one term at a time.
    Returns the terms in their natural order a_1, …, a_n, shape (n,) + shape of last.
    """
    return _unroll(last, rule, n, "last")[::-1].copy()


def _unroll(start, rule, n, name):
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral):
        raise TypeError(_("the number of terms n must be an integer, got {type} {value}").format(
            type=type(n).__name__, value=f"{n!r:.40}"))
    if n < 1:
        raise ValueError(_("the number of terms n must be at least 1, got {value}").format(value=n))
    term = as_float_array(start, name)
    terms = [term]
    for k in range(int(n) - 1):  # each term needs the one before: this loop is the recurrence itself
        nxt = as_float_array(rule(term), "rule(a)")
        if nxt.shape != term.shape:
            raise ValueError(_("rule(a) must keep the shape of the terms, {expected}; got shape {shape}").format(
                expected=term.shape, shape=nxt.shape))
        terms.append(nxt)
        term = nxt
    return np.stack(terms)


# ---------------------------------------------------------------- checking a gradient

def numerical_gradient(f, x, h=1e-5):
    """∂f/∂x_i by central differences for every entry of an array x of any shape (f returns a number).
    h = 1e-5 balances the two errors in float64: truncation ~ h² f\'\'\'/6 and rounding ~ ε|f|/h."""
    return central_differences(lambda v: float(f(v)), x, h)


def jacobian(T, x, h=1e-6):
    """∂T/∂x at x by central differences: shape (output size, input size), both flattened."""
    x = as_float_array(x, "x")
    J = central_differences(lambda v: np.ravel(np.asarray(T(v), dtype=np.float64)), x, h)
    return J.reshape(-1, x.size)


def relative_error(a, b):
    """max |a − b| / max(|a|, |b|): the largest difference relative to the largest entry.

    Relative to the whole array, not entry by entry: an entry that is 0 up to rounding (1e-12 against
    3e-12) is not a failure, while a wrong entry still shows, as a wrong entry is off by about its own size."""
    a, b = same_shape(a, b, ("a", "b"))
    scale = max(np.max(np.abs(a), initial=0.0), np.max(np.abs(b), initial=0.0))
    return 0.0 if scale == 0 else float(np.max(np.abs(a - b)) / scale)


def gradient_check(f, x, h=1e-5):
    """The largest relative error between the gradient f claims and central differences.

    f(x) returns (value, gradient of value w.r.t. x). Below 1e-7 in float64 the analytic gradient is
    right; a wrong one gives errors near 1.
    """
    x = np.array(as_float_array(x, "x"), dtype=np.float64)
    _, analytic = f(x.copy())
    numeric = numerical_gradient(lambda v: f(v)[0], x, h)
    return relative_error(np.asarray(analytic, dtype=np.float64), numeric)
