"""A layer as an operator between spaces: numerical tests of its properties.

Every test takes the operator as a plain function T of one input array of a given `shape` (a vector,
an image, a batch matrix) and probes it on seeded random inputs:
  is_linear / is_affine      T(a x + b y) = a T(x) + b T(y), or the same for T − T(0)
  matrix_of                  the matrix of a linear map on the flattened input (columns T(e_i) − T(0))
  jacobian                   ∂T/∂x by central differences, shape (output size, input size) (from calculus)
  lipschitz_estimate         the largest ‖T(x) − T(y)‖ / ‖x − y‖ over random pairs: a LOWER bound
  is_equivariant             T(g x) = g' T(x) for a transformation g of the input and g' of the output
The norms of a matrix (operator_norm, singular_values, condition_number, power_iteration) are in
`dlmath.linalg`; what depth does to signals in `dlmath.depth`; chapter 09's table of layers, built on
these tests, in `dlmath.catalogue`. Norms are Euclidean (Frobenius for arrays).
"""
import numpy as np

from ._legacy import forward_moved_names
from .calculus import jacobian  # noqa: F401  (the chapters call it op.jacobian)

# ---------------------------------------------------------------- linearity


def _flat(T, shape):
    shape = tuple(np.atleast_1d(shape)) if not isinstance(shape, tuple) else shape
    return (lambda v: np.ravel(np.asarray(T(np.reshape(v, shape)), dtype=np.float64))), int(np.prod(shape))


def _close(a, b, rtol, atol):
    scale = max(np.max(np.abs(a), initial=0.0), np.max(np.abs(b), initial=0.0), 1.0)
    return bool(np.max(np.abs(a - b), initial=0.0) <= atol + rtol * scale)


def is_linear(T, shape, trials=5, seed=0, rtol=1e-9, atol=1e-12):
    """Whether T(a x + b y) = a T(x) + b T(y) for `trials` random x, y (standard normal) and a, b."""
    rng = np.random.default_rng(seed)
    f, n = _flat(T, shape)
    for _ in range(trials):
        x, y = rng.normal(size=n), rng.normal(size=n)
        a, b = rng.normal(size=2) * 2
        if not _close(f(a * x + b * y), a * f(x) + b * f(y), rtol, atol):
            return False
    return True


def is_affine(T, shape, trials=5, seed=0, rtol=1e-9, atol=1e-12):
    """Whether T(x) − T(0) is linear: a linear map plus a constant shift (a dense layer with a bias)."""
    f, n = _flat(T, shape)
    zero = f(np.zeros(n))
    return is_linear(lambda v: f(v) - zero, (n,), trials, seed, rtol, atol)


def matrix_of(T, shape):
    """The matrix A with T(x) = A x + T(0) on the flattened input: column i is T(e_i) − T(0).
    Meaningful for linear (or affine) T; shape (output size, input size)."""
    f, n = _flat(T, shape)
    zero = f(np.zeros(n))
    return np.stack([f(e) - zero for e in np.eye(n)], axis=1)


# ---------------------------------------------------------------- Lipschitz constants

def lipschitz_estimate(T, shape, pairs=500, scale=1.0, seed=0):
    """max ‖T(x) − T(y)‖ / ‖x − y‖ over random pairs: x ~ N(0, scale²), y = x + r·d with a random
    direction d and distances r from 1e-4·scale to 3·scale (near pairs see the slope, far ones the
    spread). Every ratio is ≤ the Lipschitz constant, so this is a lower bound that random search
    approaches from below."""
    rng = np.random.default_rng(seed)
    f, n = _flat(T, shape)
    best = 0.0
    for _ in range(pairs):
        x = rng.normal(scale=scale, size=n)
        d = rng.normal(size=n)
        r = scale * 10 ** rng.uniform(-4, 0.5)
        y = x + r * d / np.linalg.norm(d)
        best = max(best, np.linalg.norm(f(x) - f(y)) / np.linalg.norm(x - y))
    return float(best)


# ---------------------------------------------------------------- symmetry

def is_equivariant(T, g_in, g_out, sample, trials=5, seed=0, rtol=1e-9, atol=1e-12):
    """Whether T(g_in(x)) = g_out(T(x)) for `trials` inputs x = sample(rng). With g_out the identity
    this tests invariance."""
    rng = np.random.default_rng(seed)
    for _ in range(trials):
        x = sample(rng)
        a, b = np.asarray(T(g_in(x)), dtype=float), np.asarray(g_out(T(x)), dtype=float)
        if a.shape != b.shape or not _close(a, b, rtol, atol):
            return False
    return True


# names this module had in release 0.1, now in the module of their subject
__getattr__ = forward_moved_names(__name__, {
    "singular_values": "dlmath.linalg", "operator_norm": "dlmath.linalg", "power_iteration": "dlmath.linalg",
    "condition_number": "dlmath.linalg", "rank": "dlmath.linalg", "ACTIVATIONS": "dlmath.ops.activations",
    "random_layers": "dlmath.depth", "signal_through_depth": "dlmath.depth", "gradient_factor": "dlmath.depth",
    "critical_scale": "dlmath.depth", "regime": "dlmath.depth", "regime_of": "dlmath.depth",
    "catalogue_operators": "dlmath.catalogue", "catalogue": "dlmath.catalogue",
    "markdown_table": "dlmath.catalogue"})
