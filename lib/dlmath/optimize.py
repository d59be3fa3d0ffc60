"""Gradient descent: x_{k+1} = x_k − η ∇f(x_k), with the whole path kept for plotting.

The run stops when a step becomes shorter than `tol` (converged), after `steps` steps (budget spent),
or as soon as the iterate leaves any reasonable range (diverged) — reported in the result, not as a
screen full of inf/nan warnings.

For the quadratic bowl f(x) = ½ (x − c)ᵀ A (x − c) everything is known in closed form: the gradient
A (x − c), the minimiser c, and the learning rates that work. Along an eigenvector of A with
eigenvalue λ one step multiplies the distance to c by (1 − ηλ), so the run converges exactly when
|1 − ηλ| < 1 for every λ, i.e. 0 < η < 2 / λ_max (`largest_stable_eta`).
"""
import numbers
from dataclasses import dataclass

import numpy as np

from .arrays import as_float_array, expect_shape
from .language import N_, translate as _

VERDICTS = ("converged", "slow", "oscillating", "diverging", "diverged")


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
        """How the run ended, in a sentence in the learner's language."""
        steps = (_("{n} step") if self.steps == 1 else _("{n} steps")).format(n=self.steps)
        if self.diverged:
            return _("diverged after {steps}: η is too large for this function").format(steps=steps)
        if self.converged:
            return _("converged in {steps}").format(steps=steps)
        if self.verdict == "diverging":
            return _("diverging: worse after {steps} than at the start, η is too large").format(steps=steps)
        return _("stopped after {steps} without converging").format(steps=steps)

    @property
    def verdict(self):
        """How the run went, in one word (one of VERDICTS).

        converged    a step became shorter than tol
        diverged     the iterate left the allowed range (|x| > limit, inf or nan)
        diverging    budget spent and the run got worse: f ended above f(x_0) (or, without f, the
                     last step is longer than the first one)
        oscillating  budget spent, still improving, but successive steps point backwards (zig-zag)
        slow         budget spent, still creeping steadily downhill
        """
        if self.diverged:
            return "diverged"
        if self.converged:
            return "converged"
        moves = np.diff(self.path, axis=0)
        if len(moves) == 0:
            return "slow"
        if np.all(np.isfinite(self.values)):
            worse = self.values[-1] > self.values[0]
        else:
            worse = np.linalg.norm(moves[-1]) > np.linalg.norm(moves[0])
        if worse:
            return "diverging"
        turns = np.sum(moves[1:] * moves[:-1], axis=1)[-10:]  # the last few pairs of steps
        if len(turns) and np.mean(turns < 0) >= 0.5:
            return "oscillating"
        return "slow"


def _learning_rate(eta):
    if isinstance(eta, (bool, np.bool_)):
        raise TypeError(_("the learning rate eta must be a positive number, got {value}").format(value=eta))
    value = as_float_array(eta, N_("the learning rate eta"))
    if value.ndim != 0:
        raise ValueError(_("the learning rate eta must be a single number, got shape {shape}").format(shape=value.shape))
    if not value > 0 or not np.isfinite(value):
        raise ValueError(_("the learning rate eta must be a positive finite number, got {value}").format(
            value=float(value)))
    return float(value)


def _step_budget(steps):
    whole = isinstance(steps, numbers.Real) and not isinstance(steps, (bool, np.bool_)) \
        and np.isfinite(steps) and float(steps) == int(steps) and steps >= 0
    if not whole:
        raise ValueError(_("steps must be a whole number ≥ 0, got {value}").format(value=f"{steps!r:.40}"))
    return int(steps)


def gradient_descent(grad, x0, eta, steps=100, tol=1e-8, f=None, limit=1e12):
    """Run gradient descent from x0 with learning rate eta.

    grad: function x -> ∇f(x) (same shape as x); f: optional function x -> f(x) for `values`.
    x0: a number or shape (n,). Stops when |Δx| < tol, after `steps` steps, or when |x| > limit.
    """
    if not callable(grad):
        raise TypeError(_("grad must be a function x -> ∇f(x), got {type}").format(type=type(grad).__name__))
    if f is not None and not callable(f):
        raise TypeError(_("f must be a function x -> f(x) or None, got {type}").format(type=type(f).__name__))
    x = as_float_array(x0, "x0")
    scalar = x.ndim == 0
    x = np.atleast_1d(x).copy()
    if x.ndim != 1:
        raise ValueError(_("x0 must be a number or have shape (n,), got shape {shape}").format(shape=x.shape))
    if not np.all(np.isfinite(x)):
        raise ValueError(_("{name} must be finite (no inf or nan)").format(name="x0"))
    eta = _learning_rate(eta)
    steps = _step_budget(steps)
    path, converged, diverged = [x.copy()], False, False
    with np.errstate(all="ignore"):
        for k in range(steps):
            g = as_float_array(grad(x[0] if scalar else x), N_("the gradient"))
            if g.size != x.size:
                raise ValueError(_("grad(x) must return shape {expected} like x, got shape {shape}").format(
                    expected=x.shape, shape=g.shape))
            step = -eta * g.reshape(x.shape)
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


# ---------------------------------------------------------------- quadratic bowls

def _symmetric_matrix(A, name="A"):
    A = as_float_array(A, name)
    if A.ndim == 0:
        A = A.reshape(1, 1)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(_("{name} must be a number or a square matrix of shape (n, n), got shape {shape}").format(
            name=name, shape=A.shape))
    if not np.all(np.isfinite(A)):
        raise ValueError(_("{name} must be finite (no inf or nan)").format(name=name))
    if not np.allclose(A, A.T, rtol=1e-10, atol=1e-12):
        raise ValueError(_("{name} must be symmetric (A equal to A.T): the curvature matrix of ½ xᵀAx is").format(
            name=name))
    return A


def curvatures(A):
    """The eigenvalues of the symmetric matrix A, smallest first: the curvatures of ½ xᵀAx along its
    eigenvectors (a number A is the 1-D curvature f'' itself)."""
    return np.linalg.eigvalsh(_symmetric_matrix(A))


def largest_stable_eta(A):
    """2 / λ_max: gradient descent on ½ (x − c)ᵀA(x − c) converges for 0 < η < 2/λ_max and diverges
    (from almost every start) for η > 2/λ_max. A is a number (the curvature f'' of a 1-D parabola)
    or a symmetric (n, n) matrix with a positive largest eigenvalue."""
    top = curvatures(A)[-1]
    if not top > 0:
        raise ValueError(_("the largest curvature is {value} ≤ 0: ½ xᵀAx has no minimum to descend to").format(
            value=f"{top:g}"))
    return 2.0 / top


def contraction(A, eta):
    """max |1 − ηλ| over the curvatures λ of A: the factor by which one step of gradient descent
    shrinks (< 1) or stretches (> 1) the distance to the minimiser of ½ (x − c)ᵀA(x − c) in the worst
    direction."""
    return float(np.max(np.abs(1 - _learning_rate(eta) * curvatures(A))))


class Quadratic:
    """The bowl f(x) = ½ (x − c)ᵀ A (x − c) with symmetric A: gradient A (x − c), Hessian A.

    `f` and `grad` take a point of shape (n,) or a stack of points of shape (..., n).
    """

    def __init__(self, A, center=None):
        self.A = _symmetric_matrix(A)
        n = self.A.shape[0]
        c = np.zeros(n) if center is None else np.atleast_1d(as_float_array(center, "center"))
        self.center = expect_shape(c, (n,), "center").copy()

    def __repr__(self):
        return f"Quadratic(A={self.A.tolist()}, center={self.center.tolist()})"

    @property
    def n(self):
        return self.A.shape[0]

    def _points(self, x):
        x = as_float_array(x, "x")
        if x.ndim == 0 and self.n == 1:
            x = x.reshape(1)
        if x.ndim == 0 or x.shape[-1] != self.n:
            raise ValueError(_("x must have shape ({n},) or (..., {n}), got shape {shape}").format(n=self.n, shape=x.shape))
        return x - self.center

    def f(self, x):
        d = self._points(x)
        return 0.5 * np.einsum("...i,ij,...j->...", d, self.A, d)

    def grad(self, x):
        return self._points(x) @ self.A  # A is symmetric: (A d)ᵀ = dᵀ A

    @property
    def minimiser(self):
        return self.center.copy()

    @property
    def curvatures(self):
        return curvatures(self.A)

    @property
    def largest_stable_eta(self):
        return largest_stable_eta(self.A)

    def descend(self, x0, eta, steps=100, tol=1e-8, limit=1e12):
        """gradient_descent on this bowl, with f recorded along the path."""
        return gradient_descent(self.grad, x0, eta, steps=steps, tol=tol, f=self.f, limit=limit)


# ---------------------------------------------------------------- momentum on a quadratic (ch. 12)
# The heavy-ball step x_{k+1} = x_k − η ∇f(x_k) + β (x_k − x_{k−1}) on f(x) = ½ λ x² is linear in the
# pair (x_k, x_{k−1}): one step is the 2×2 matrix below, and its eigenvalues — the roots of
# z² − (1 + β − ηλ) z + β = 0 — decide everything (chapter 10's spectral radius).

def heavy_ball_matrix(eta, beta, lam):
    """M with (x_{k+1}, x_k) = M (x_k, x_{k−1}) for the heavy-ball step on ½ λ x²."""
    return np.array([[1.0 + beta - eta * lam, -beta], [1.0, 0.0]])


def heavy_ball_radius(eta, beta, lam):
    """The spectral radius of `heavy_ball_matrix` — the factor the distance to the minimum shrinks by per
    step in the long run (< 1: converges) — for arrays of η, β and λ that broadcast together."""
    eta, beta, lam = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (eta, beta, lam)))
    trace = 1.0 + beta - eta * lam
    root = np.sqrt((trace * trace - 4.0 * beta).astype(complex))
    radius = np.maximum(np.abs((trace + root) / 2), np.abs((trace - root) / 2))
    return radius if radius.ndim else float(radius)


def heavy_ball_worst_radius(eta, beta, lam_min, lam_max):
    """The radius over every curvature in [λ_min, λ_max]: the worst is at an end (in between, where the
    roots are complex, the radius is √β)."""
    return np.maximum(heavy_ball_radius(eta, beta, lam_min), heavy_ball_radius(eta, beta, lam_max))


def heavy_ball_stable(eta, beta, lam):
    """Whether the heavy ball converges on ½ λ x² (λ > 0): 0 ≤ β < 1 and 0 < η < 2 (1 + β) / λ."""
    return bool(0 <= beta < 1 and 0 < eta < 2 * (1 + beta) / lam)


def optimal_momentum(lam_min, lam_max):
    """(η*, β*, rate) for curvatures in [λ_min, λ_max] (condition number κ = λ_max / λ_min):
    η* = 4 / (√λ_max + √λ_min)², β* = ((√κ − 1) / (√κ + 1))², and the rate √β* = (√κ − 1) / (√κ + 1),
    against (κ − 1) / (κ + 1) for plain gradient descent at its best η = 2 / (λ_min + λ_max)."""
    if not 0 < lam_min <= lam_max:
        raise ValueError(_("need 0 < λ_min ≤ λ_max, got {low}, {high}").format(low=repr(lam_min), high=repr(lam_max)))
    s, l = np.sqrt(lam_min), np.sqrt(lam_max)
    rate = (l - s) / (l + s)
    return 4.0 / (l + s) ** 2, rate * rate, rate
