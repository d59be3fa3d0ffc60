"""Numerical derivatives by central differences: the yardstick every formula is checked against.

    f'(x) ≈ (f(x + h) − f(x − h)) / 2h      error of order h² (one-sided differences: order h)
"""
import numpy as np

from ._validate import as_float_array


def derivative(f, x, h=1e-6):
    """Central-difference derivative of a scalar function f at x (a number or an array of points)."""
    x = as_float_array(x, "x")
    return (np.asarray(f(x + h), dtype=float) - np.asarray(f(x - h), dtype=float)) / (2 * h)


def gradient(f, x, h=1e-6):
    """Central-difference gradient ∇f(x) of a function f: R^n -> R, at the point x of shape (n,)."""
    x = as_float_array(x, "x")
    if x.ndim != 1:
        raise ValueError(f"x must have shape (n,), got shape {x.shape}")
    grad = np.empty_like(x)
    for i in range(x.size):  # one pair of evaluations per coordinate; n is small in this course
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (float(f(x + step)) - float(f(x - step))) / (2 * h)
    return grad
