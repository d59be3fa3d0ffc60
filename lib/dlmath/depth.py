"""Signals and gradients through a deep stack of random layers: when they vanish, when they explode.

A layer a_l = φ(W_l a_(l−1)) with W_l = s·G_l/√width (G_l standard normal) multiplies a signal's size,
and its transpose a gradient's, by a random factor; over many layers these factors compound.
  signal_through_depth   measured: the forward signal's and the gradient's size, layer by layer
  gradient_factor        the mean-field factor χ = s² E[φ'(z)²] per layer (χ < 1 vanishes, > 1 explodes)
  critical_scale         the s with χ = 1: 1 for identity and tanh layers, √2 for ReLU (He initialisation)
  regime                 'vanishing', 'stable' or 'exploding' over a given depth
Activations by name from `dlmath.ops.activations` ('identity', 'tanh', 'relu', 'sigmoid').
"""
import numpy as np

from .language import translate as _
from .ops.activations import activation_pair


def random_layers(depth=50, width=100, seed=0):
    """`depth` standard normal matrices (width, width) divided by √width, so that weight scale s gives
    W = s·G/√width with entries of variance s²/width; one fixed draw, the slider only rescales it."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(depth, width, width)) / np.sqrt(width)


def signal_through_depth(scale, depth=50, width=100, activation="tanh", seed=0, batch=8, weights=None):
    """Send `batch` random inputs forward through `depth` layers a_l = φ(W_l a_(l−1)), W_l = scale·G_l/√width,
    and a random gradient at the top back again, ∂C/∂a_(l−1) = W_lᵀ (∂C/∂a_l ⊙ φ'(z_l)).
    Returns {"forward": ‖a_l‖ for l = 0…depth, "gradient": ‖∂C/∂a_l‖ for l = 0…depth}, each the root
    mean square over the batch, relative to the input's (forward) or the top layer's (gradient)."""
    phi, dphi = activation_pair(activation)
    G = random_layers(depth, width, seed) if weights is None else weights
    rng = np.random.default_rng(seed + 1)
    a = rng.normal(size=(batch, width))
    zs, norms = [], [np.linalg.norm(a, axis=1)]
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        for W in G:
            z = scale * a @ W.T
            a = phi(z)
            zs.append(z)
            norms.append(np.linalg.norm(a, axis=1))
        g = rng.normal(size=(batch, width))
        grads = [np.linalg.norm(g, axis=1)]
        for W, z in zip(G[::-1], zs[::-1]):
            g = scale * (g * dphi(z)) @ W
            grads.append(np.linalg.norm(g, axis=1))
    forward = np.sqrt(np.mean(np.square(norms), axis=1))
    gradient = np.sqrt(np.mean(np.square(grads[::-1]), axis=1))
    return {"forward": forward / forward[0], "gradient": gradient / gradient[-1]}


# E[h(u)] for u ~ N(0, 1) as Σ weight·h(node) on a fine grid: fine enough to resolve φ'(√q u) of a
# saturated tanh, whose bump has width ~1/√q (Gauss–Hermite nodes would step over it)
_NODES = np.linspace(-12, 12, 6000)  # an even count: no node at 0, where ReLU has its corner
_WEIGHTS = np.exp(-_NODES ** 2 / 2)
_WEIGHTS /= _WEIGHTS.sum()


def _variance_fixed_point(scale, phi):
    """q* > 0 with q* = scale² E[φ(√q* u)²], u ~ N(0, 1), found by bisection on log q; 0 when the
    signal's variance dies out (F(q) = scale² E[φ(√q u)²]/q − 1 ≤ 0 already for tiny q: a tiny q stands
    in for the limit), and 1 when it
    has no fixed point at all (linear, ReLU: E[φ'²] does not depend on q there)."""
    F = lambda q: scale ** 2 * np.sum(_WEIGHTS * phi(np.sqrt(q) * _NODES) ** 2) / q - 1  # noqa: E731
    low, high = 1e-12, 1e12
    if F(low) <= 0:
        return low  # the limit q → 0 (ReLU's E[φ'²] = ½ there, φ'(0) = 0 notwithstanding)
    if F(high) >= 0:
        return 1.0
    for _ in range(100):
        mid = np.sqrt(low * high)
        low, high = (mid, high) if F(mid) > 0 else (low, mid)
    return float(np.sqrt(low * high))


def gradient_factor(scale, activation="tanh"):
    """χ = scale² E[φ'(z)²], z ~ N(0, q*), the mean-field factor by which a gradient's squared norm is
    multiplied per layer of a wide random network (W entries of variance scale²/width, no bias); q* is
    the fixed point of the signal's variance q ← scale² E[φ(√q u)²]. χ < 1 vanishes, χ > 1 explodes."""
    phi, dphi = activation_pair(activation)
    with np.errstate(over="ignore", under="ignore"):
        q = _variance_fixed_point(scale, phi)
        return float(scale ** 2 * np.sum(_WEIGHTS * dphi(np.sqrt(q) * _NODES) ** 2))


def critical_scale(activation="tanh", low=0.05, high=20.0):
    """The weight scale at which χ = 1 (found by bisection): signals and gradients neither vanish nor
    explode with depth. 1 for identity and tanh layers, √2 for ReLU (He initialisation)."""
    if not gradient_factor(low, activation) < 1 < gradient_factor(high, activation):
        raise ValueError(_("χ does not cross 1 between scales {low} and {high} for {activation}").format(
            low=low, high=high, activation=repr(activation)))
    for step in range(60):
        mid = np.sqrt(low * high)
        if gradient_factor(mid, activation) < 1:
            low = mid
        else:
            high = mid
    return float(np.sqrt(low * high))


def regime(scale, activation="tanh", depth=50, tolerance=100.0):
    """'vanishing', 'stable' or 'exploding': the gradient factor over `depth` layers, χ^(depth/2),
    below 1/tolerance, between, or above tolerance."""
    return regime_of(gradient_factor(scale, activation), depth, tolerance)


def regime_of(chi, depth=50, tolerance=100.0):
    """The verdict of `regime` from the factor χ per layer."""
    total = chi ** (depth / 2)
    return "vanishing" if total < 1 / tolerance else "exploding" if total > tolerance else "stable"
