"""Gradient descent: x_{k+1} = x_k − η ∇f(x_k), with the whole path kept for plotting.

The run stops when a step becomes shorter than `tol` (converged), after `steps` steps (budget spent),
or as soon as the iterate leaves any reasonable range (diverged) — reported in the result, not as a
screen full of inf/nan warnings.
"""
from dataclasses import dataclass

import numpy as np

from ._validate import as_float_array


@dataclass
class Descent:
    path: np.ndarray       # shape (k + 1, n): x_0, x_1, …, x_k
    values: np.ndarray     # shape (k + 1,): f at each point, or nan when f was not given
    converged: bool
    diverged: bool

    @property
    def steps(self):
        return len(self.path) - 1

    @property
    def x(self):
        return self.path[-1]

    @property
    def message(self):
        if self.diverged:
            return f"diverged after {self.steps} steps: η is too large for this function"
        if self.converged:
            return f"converged in {self.steps} steps"
        return f"stopped after {self.steps} steps without converging"


def gradient_descent(grad, x0, eta, steps=100, tol=1e-8, f=None, limit=1e12):
    """Run gradient descent from x0 with learning rate eta.

    grad: function x -> ∇f(x) (same shape as x); f: optional function x -> f(x) for `values`.
    x0: a number or shape (n,). Stops when |Δx| < tol, after `steps` steps, or when |x| > limit.
    """
    x = as_float_array(x0, "x0")
    scalar = x.ndim == 0
    x = np.atleast_1d(x).copy()
    if x.ndim != 1:
        raise ValueError(f"x0 must be a number or have shape (n,), got shape {x.shape}")
    if not eta > 0:
        raise ValueError(f"the learning rate eta must be positive, got {eta}")
    path, converged, diverged = [x.copy()], False, False
    with np.errstate(all="ignore"):
        for _ in range(int(steps)):
            g = as_float_array(grad(x[0] if scalar else x), "the gradient").reshape(x.shape)
            step = -eta * g
            x = x + step
            if not np.all(np.isfinite(x)) or np.max(np.abs(x)) > limit:
                diverged = True
                break
            path.append(x.copy())
            if np.linalg.norm(step) < tol:
                converged = True
                break
        path = np.array(path)
        values = np.array([float(f(p[0] if scalar else p)) for p in path]) if f else np.full(len(path), np.nan)
    return Descent(path, values, converged, diverged)
