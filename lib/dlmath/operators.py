"""A layer as an operator between spaces: numerical tests of its properties, and a catalogue of layers.

Every test takes the operator as a plain function T of one input array of a given `shape` (a vector,
an image, a batch matrix) and probes it on seeded random inputs:
  is_linear / is_affine      T(a x + b y) = a T(x) + b T(y), or the same for T − T(0)
  matrix_of                  the matrix of a linear map on the flattened input (columns T(e_i) − T(0))
  jacobian                   ∂T/∂x by central differences, shape (output size, input size)
  lipschitz_estimate         the largest ‖T(x) − T(y)‖ / ‖x − y‖ over random pairs: a LOWER bound
  operator_norm              ‖A‖₂ = σ_max, from the SVD;  power_iteration: the same from AᵀA v
  condition_number           σ_max / σ_min (inf when A loses information)
  is_equivariant             T(g x) = g' T(x) for a transformation g of the input and g' of the output
The depth experiment (`signal_through_depth`, `critical_scale`) and `catalogue(seed)`, which computes
every verdict of the chapter's table, are built on them. Norms are Euclidean (Frobenius for arrays).
"""
import numpy as np

from . import activations, attention, conv, layers, nn
from .linalg import rank  # one rank for the course: the SVD count of chapter 10

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


def jacobian(T, x, h=1e-6):
    """∂T/∂x at x by central differences: shape (output size, input size), flattened."""
    x = np.asarray(x, dtype=np.float64)
    f, n = _flat(T, x.shape)
    v = x.ravel().copy()
    columns = []
    for i in range(n):  # a loop over coordinates, as in nn.numerical_gradient
        keep = v[i]
        v[i] = keep + h
        up = f(v)
        v[i] = keep - h
        down = f(v)
        v[i] = keep
        columns.append((up - down) / (2 * h))
    return np.stack(columns, axis=1)


# ---------------------------------------------------------------- norms

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


def _matrix(A):
    A = np.asarray(A, dtype=np.float64)
    if A.ndim != 2:
        raise ValueError(f"A must be a matrix of shape (m, n), got shape {A.shape}")
    return A


def singular_values(A):
    """σ_1 ≥ σ_2 ≥ … ≥ 0 of A (numpy's SVD)."""
    return np.linalg.svd(_matrix(A), compute_uv=False)


def operator_norm(A):
    """‖A‖₂ = max ‖A x‖ / ‖x‖ = σ_max, the largest singular value; the Lipschitz constant of x ↦ A x."""
    return float(singular_values(A)[0])


def power_iteration(A, steps=100, seed=0):
    """σ_max without an SVD: repeat v ← AᵀA v / ‖AᵀA v‖; then ‖A v‖ → σ_max. Returns (σ_max estimate,
    the estimates after each step). Converges like (σ_2/σ_1)^(2k)."""
    A = _matrix(A)
    v = np.random.default_rng(seed).normal(size=A.shape[1])
    v /= np.linalg.norm(v)
    history = []
    for _ in range(steps):
        w = A.T @ (A @ v)
        size = np.linalg.norm(w)
        if size == 0:
            history.append(0.0)
            break
        v = w / size
        history.append(float(np.linalg.norm(A @ v)))
    return history[-1], np.array(history)


def condition_number(A):
    """σ_max / σ_min over the min(m, n) singular values; inf when A is singular (loses information),
    and a large value means small changes of the output correspond to large changes of the input."""
    s = singular_values(A)
    if s[0] == 0 or s[-1] <= s[0] * len(s) * np.finfo(float).eps:
        return float("inf")
    return float(s[0] / s[-1])


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


# ---------------------------------------------------------------- depth

ACTIVATIONS = {"linear": (lambda z: z, lambda z: np.ones_like(z)),
               **{name: activations.ACTIVATIONS[name] for name in ("tanh", "relu", "sigmoid")}}


def _activation(name):
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {sorted(ACTIVATIONS)}")
    return ACTIVATIONS[name]


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
    phi, dphi = _activation(activation)
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
    phi, dphi = _activation(activation)
    with np.errstate(over="ignore", under="ignore"):
        q = _variance_fixed_point(scale, phi)
        return float(scale ** 2 * np.sum(_WEIGHTS * dphi(np.sqrt(q) * _NODES) ** 2))


def critical_scale(activation="tanh", low=0.05, high=20.0):
    """The weight scale at which χ = 1 (found by bisection): signals and gradients neither vanish nor
    explode with depth. 1 for linear and tanh layers, √2 for ReLU (He initialisation)."""
    if not gradient_factor(low, activation) < 1 < gradient_factor(high, activation):
        raise ValueError(f"χ does not cross 1 between scales {low} and {high} for {activation!r}")
    for _ in range(60):
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


# ---------------------------------------------------------------- the catalogue

def _verdict_linear(T, shape):
    return "yes" if is_linear(T, shape) else "affine" if is_affine(T, shape) else "no"


def _jacobian_norms(T, shape, scales, points, rng):
    """max ‖J(x)‖₂ over `points` random x ~ N(0, scale²) for each scale, and the smallest Jacobian rank
    seen at scale 1 with its output size."""
    out, ranks = [], []
    for s in scales:
        norms = []
        for _ in range(points):
            J = jacobian(T, rng.normal(scale=s, size=shape))
            norms.append(operator_norm(J))
            if s == 1:
                ranks.append((rank(J, rtol=1e-7), J.shape))
        out.append(max(norms))
    return out, min(ranks)


def _fmt(v):
    return "∞" if v == float("inf") else f"{v:.3g}"


def _image_sample(size, border):
    def sample(rng):
        x = np.zeros((size, size))
        x[border:size - border, border:size - border] = rng.normal(size=(size - 2 * border,) * 2)
        return x
    return sample


def _perm(n, seed=5):
    return np.random.default_rng(seed).permutation(n)


def catalogue_operators(seed=0):
    """The operators of the catalogue: [(name, T, input shape, [(symmetry, g_in, g_out, sample)])].
    Vector layers act on R⁶ (GLU on R⁸), images are 8×8, batch norm acts on a batch of 6 samples × 3
    features (its input is the whole batch), self-attention 4 tokens of 3 numbers."""
    rng = np.random.default_rng(seed)
    n = 6
    W, b = rng.normal(size=(n, n)) / np.sqrt(n), rng.normal(size=n)
    w3 = rng.normal(size=(3, 3))
    P = _perm(n)
    vec = lambda r: r.normal(size=n)  # noqa: E731
    perm = ("permute entries", lambda x: x[P], lambda y: y[P], vec)
    shift1 = ("shift 1 px", lambda x: np.roll(x, 1, axis=1), lambda y: np.roll(y, 1, axis=1), _image_sample(8, 2))
    pool_shift = [("shift 2 px → 1", lambda x: np.roll(x, 2, axis=1), lambda y: np.roll(y, 1, axis=1),
                   _image_sample(8, 0)),
                  ("invariant to 1 px", lambda x: np.roll(x, 1, axis=1), lambda y: y, _image_sample(8, 0))]
    gamma, beta = rng.uniform(0.5, 2, size=3), rng.normal(size=3)
    mean, var = rng.normal(size=3), rng.uniform(0.5, 2, size=3)
    Pb = _perm(6, 7)
    batch_perm = ("reorder the batch", lambda x: x[Pb], lambda y: y[Pb], lambda r: r.normal(size=(6, 3)))
    mask = layers.dropout_mask(n, 0.5, np.random.default_rng(seed + 11))
    Q = _perm(4, 9)
    glu_perm = ("same permutation of a and b", lambda x: np.concatenate([x[:4][Q], x[4:][Q]]), lambda y: y[Q],
                lambda r: r.normal(size=8))
    label = 0
    Wq, Wk, Wv = rng.normal(size=(3, 3, 3))
    Pt = _perm(4, 13)
    token_perm = ("reorder the tokens", lambda X: X[Pt], lambda Y: Y[Pt], lambda r: r.normal(size=(4, 3)))

    def self_attention(X):  # the weights softmax(Q Kᵀ/√d) depend on X itself: a data-dependent operator
        return attention.scaled_dot_product_attention(X @ Wq, X @ Wk, X @ Wv)[0]

    ops = [
        ("dense z = Wx + b", lambda x: W @ x + b, (n,), [perm]),
        ("conv 3×3, padding 1", lambda x: conv.conv2d(x, w3, padding=1), (8, 8), [shift1]),
        ("ReLU", activations.relu, (n,), [perm]),
        ("sigmoid", activations.sigmoid, (n,), [perm]),
        ("tanh", activations.tanh, (n,), [perm]),
        ("max pooling 2×2", conv.max_pool2d, (8, 8), pool_shift),
        ("average pooling 2×2", conv.avg_pool2d, (8, 8), pool_shift),
        ("batch norm, training", lambda x: layers.batch_norm_train(x, gamma, beta), (6, 3), [batch_perm]),
        ("batch norm, evaluation", lambda x: layers.batch_norm_eval(x, gamma, beta, mean, var), (6, 3), [batch_perm]),
        ("dropout p = ½ (one draw)", lambda x: x * mask, (n,), [perm]),
        ("softmax", nn.softmax, (n,), [perm, ("invariant to z + c", lambda x: x + 3.0, lambda y: y, vec),
                                       ("invariant to 2z", lambda x: 2 * x, lambda y: y, vec)]),
        ("loss: softmax cross entropy", lambda z: nn.softmax_cross_entropy(z[None], np.array([label]))[0], (n,),
         [("invariant to z + c", lambda x: x + 3.0, lambda y: y, vec)]),
        ("GLU a ⊙ σ(b)", layers.glu, (8,), [glu_perm]),
        ("self-attention (4 tokens × 3)", self_attention, (4, 3), [token_perm]),
    ]
    return ops


def catalogue(seed=0, points=4, scales=(0.1, 1.0, 10.0), pairs=300):
    """One row per operator, every entry computed: linear? (yes / affine / no), the Lipschitz estimate
    from random pairs, max ‖J‖₂ at inputs of size ~0.1, ~1, ~10 (growing with the size: not globally
    Lipschitz), the exact ‖A‖₂ of the linear part where there is one, invertible? (from the Jacobian's
    rank and the condition number), and the symmetries tested (✓ holds, ✗ fails)."""
    rng = np.random.default_rng(seed + 100)
    rows = []
    for name, T, shape, symmetries in catalogue_operators(seed):
        linear = _verdict_linear(T, shape)
        norms, (r, (m, n)) = _jacobian_norms(T, shape, scales, points, rng)
        if linear != "no":
            A = matrix_of(T, shape)
            exact = _fmt(operator_norm(A))
            kappa = condition_number(A) if A.shape[0] >= A.shape[1] else float("inf")
            invertible = f"yes, κ = {_fmt(kappa)}" if np.isfinite(kappa) else f"no: rank {rank(A)} < {A.shape[1]}"
        else:
            exact = "—"
            invertible = (f"no: J has rank ≤ {r} < {n}" if r < n
                          else f"locally (J full rank{', square' if m == n else ''})")
        rows.append({
            "operator": name,
            "linear?": linear,
            "Lipschitz ≥ (pairs)": _fmt(lipschitz_estimate(T, shape, pairs=pairs, seed=seed)),
            "max ‖J‖₂ at |x|~" + "/".join(f"{s:g}" for s in scales): " / ".join(_fmt(v) for v in norms),
            "‖A‖₂ exact": exact,
            "invertible?": invertible,
            "symmetry": "; ".join(f"{label} {'✓' if is_equivariant(T, gi, go, sample, seed=seed) else '✗'}"
                                  for label, gi, go, sample in symmetries),
        })
    return rows


def markdown_table(rows, columns=None):
    """Rows (dicts) as a markdown table, for `IPython.display.Markdown` or a print."""
    columns = list(columns or rows[0].keys())
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(row.get(c, "")) for c in columns) + " |" for row in rows]
    return "\n".join(lines)
