"""Vectors and matrices: length, inner product, angle, Cauchy–Schwarz, matrix and Hadamard products.

Vectors have shape (n,); most vector functions also take a stack of m vectors, one per row, shape
(m, n), and then return one value per row. Every function checks shapes and says which shape it
expected. Each differentiable op has its derivative beside it (`norm_gradient`, `inner_gradient`,
`cosine_similarity_gradient`, `hadamard_backward`, `matmul_backward`).
Chapter 09 adds the norm of a matrix as an operator: `singular_values`, `operator_norm` (σ_max),
`power_iteration` and `condition_number`.
Chapter 10 adds subspaces from the SVD: `rank`, `column_space`, `null_space` (tolerances explained at
`singular_tolerance`), `same_subspace`, and for square maps `spectral_radius` and `is_diagonalisable`.

    a·b = a1 b1 + … + an bn = ‖a‖ ‖b‖ cos θ          |a·b| ≤ ‖a‖ ‖b‖   (Cauchy–Schwarz)
"""
import numpy as np

from .arrays import as_float_array, expect_shape
from .language import N_, translate as _


# ---------------------------------------------------------------- shapes

def _vector(v, name):
    return expect_shape(as_float_array(v, name), (None,), name)


def _vectors(v, name):
    """A vector (n,) or a stack of vectors (m, n)."""
    arr = as_float_array(v, name)
    if arr.ndim not in (1, 2):
        raise ValueError(_("{name} must have shape (n,) for one vector or (m, n) for m vectors, "
                           "got shape {shape}").format(name=name, shape=arr.shape))
    return arr


def _pair(a, b, what):
    """Two vectors (or stacks) of the same length n; stacks must hold the same number of rows."""
    a, b = _vectors(a, "a"), _vectors(b, "b")
    if a.shape[-1] != b.shape[-1] or (a.ndim == b.ndim == 2 and a.shape[0] != b.shape[0]):
        raise ValueError(_("{what} needs vectors of the same length: a has shape {a}, b has shape {b}").format(
            what=_(what), a=a.shape, b=b.shape))
    return a, b


def _finite(arr, name, what):
    if not np.all(np.isfinite(arr)):
        raise ValueError(_("{what} needs finite numbers, but {name} holds inf or nan").format(what=_(what), name=name))
    return arr


def _no_zero(length, name, what):
    if np.any(length == 0):
        raise ValueError(_("{what} is undefined for the zero vector: {name} has length 0").format(
            what=_(what), name=name))


# ---------------------------------------------------------------- length and direction

def _scaled(a):
    """(a / s, s) with s = max |a_i| per row (1 for a zero row), so that squares cannot overflow."""
    s = np.max(np.abs(a), axis=-1, keepdims=True) if a.shape[-1] else np.ones(a.shape[:-1] + (1,))
    s = np.where(s == 0, 1.0, s)
    return a / s, s[..., 0]


def norm(a):
    """Length ‖a‖ = √(a1² + … + an²) of a (n,) vector, or of each row of a (m, n) stack.

    Scaled by the largest |a_i| first, as in a hypot: ‖(1e200, 1e200)‖ is 1.41e200, not inf,
    and ‖(1e-200, 1e-200)‖ is 1.41e-200, not 0.
    """
    a = _vectors(a, "a")
    with np.errstate(invalid="ignore"):  # inf / inf: such rows are set to inf just below
        u, s = _scaled(a)
        length = s * np.sqrt(np.sum(u * u, axis=-1))
    has_inf = np.any(np.isinf(a), axis=-1) & ~np.any(np.isnan(a), axis=-1)
    return np.where(has_inf, np.inf, length)


def _unit_and_length(a):
    """(a / ‖a‖, ‖a‖) row by row; a zero row stays zero (no division warning)."""
    u, s = _scaled(a)
    r = np.sqrt(np.sum(u * u, axis=-1, keepdims=True))
    safe = np.where(r == 0, 1.0, r)
    return u / safe, s * r[..., 0]


def unit(a):
    """The unit vector a / ‖a‖ (length 1, same direction); a ValueError for the zero vector."""
    a = _finite(_vectors(a, "a"), "a", N_("the direction a / ‖a‖"))
    u, length = _unit_and_length(a)
    _no_zero(length, "a", N_("the direction a / ‖a‖"))
    return u


def norm_gradient(a):
    """∇‖a‖ = a / ‖a‖ for a (n,) vector a ≠ 0 (‖·‖ has a corner at 0, so no gradient there)."""
    a = _finite(_vector(a, "a"), "a", N_("the gradient of ‖a‖"))
    u, length = _unit_and_length(a)
    _no_zero(length, "a", N_("the gradient of ‖a‖"))
    return u


def steepest_descent_direction(g):
    """The unit direction d that makes g·d smallest: d = −g / ‖g‖ (Cauchy–Schwarz).

    With g = ∇f(x) it is the direction in which f falls fastest (chapter 04). At g = 0 (a stationary
    point) no direction descends, and a ValueError says so.
    """
    g = _finite(_vector(g, "g"), "g", N_("the steepest descent direction"))
    u, length = _unit_and_length(g)
    if length == 0:
        raise ValueError(_("g = 0 has no descent direction: every direction d gives g·d = 0"))
    return -u


# ---------------------------------------------------------------- inner product and angle

def inner(a, b):
    """The inner product a·b = a1 b1 + … + an bn (row by row for (m, n) stacks)."""
    a, b = _pair(a, b, N_("the inner product a·b"))
    return np.sum(a * b, axis=-1)


def inner_gradient(a, b):
    """(∇_a (a·b), ∇_b (a·b)) = (b, a) for two (n,) vectors."""
    a, b = _vector(a, "a"), _vector(b, "b")
    _pair(a, b, N_("the inner product a·b"))
    return b.copy(), a.copy()


def _units(a, b, what, short_what):
    """â and b̂ for two checked, finite, non-zero vectors (or stacks of them)."""
    a, b = _pair(a, b, what)
    _finite(a, "a", what), _finite(b, "b", what)
    ua, la = _unit_and_length(a)
    ub, lb = _unit_and_length(b)
    _no_zero(la, "a", short_what)
    _no_zero(lb, "b", short_what)
    return ua, ub


def cosine_similarity(a, b):
    """cos θ = a·b / (‖a‖ ‖b‖), in [−1, 1]; a ValueError if a or b is the zero vector.

    Computed from the unit vectors, so huge or tiny vectors neither overflow nor underflow, and
    clipped to [−1, 1] because rounding can land a hair outside (1.0000000000000002).
    """
    ua, ub = _units(a, b, N_("the cosine similarity"), N_("the cosine similarity"))
    return np.clip(np.sum(ua * ub, axis=-1), -1.0, 1.0)


def cosine_similarity_gradient(a, b):
    """∇_a cos θ = (b/‖b‖ − cos θ · a/‖a‖) / ‖a‖ for two (n,) vectors, neither zero."""
    a, b = _vector(a, "a"), _vector(b, "b")
    c = cosine_similarity(a, b)
    ua, la = _unit_and_length(a)
    ub, _ = _unit_and_length(b)
    return (ub - c * ua) / la


def angle(a, b):
    """The angle θ between a and b, in radians, in [0, π]; a ValueError for a zero vector.

    θ = 2·atan2(‖â − b̂‖, ‖â + b̂‖) with â = a/‖a‖, b̂ = b/‖b‖. It equals arccos(cos θ) but is accurate
    at every angle: arccos cannot tell angles below about 1e-8 from 0, and a cos θ rounded to
    1.0000000000000002 gives arccos = nan.
    """
    ua, ub = _units(a, b, N_("the angle between a and b"), N_("the angle"))
    return 2.0 * np.arctan2(norm(ua - ub), norm(ua + ub))


def cauchy_schwarz_gap(a, b):
    """‖a‖ ‖b‖ − |a·b| ≥ 0: how far a pair is from equality (0 exactly when a and b are parallel).

    Computed as ‖a‖ ‖b‖ (1 − |cos θ|), so it is ≥ 0 even after rounding; 0 if a or b is zero.
    """
    a, b = _pair(a, b, N_("the Cauchy–Schwarz gap"))
    _finite(a, "a", N_("the Cauchy–Schwarz gap")), _finite(b, "b", N_("the Cauchy–Schwarz gap"))
    ua, la = _unit_and_length(a)
    ub, lb = _unit_and_length(b)
    cos = np.minimum(np.abs(np.sum(ua * ub, axis=-1)), 1.0)
    return la * lb * (1.0 - cos)


# ---------------------------------------------------------------- matrices

def _matrix(A, name):
    A = as_float_array(A, name)
    if A.ndim != 2:
        raise ValueError(_("{name} must be a matrix, shape (m, n), got shape {shape}").format(name=name, shape=A.shape))
    return A


def matmul(A, B):
    """The matrix product A B: (m, k) times (k, n) gives (m, n); a (k,) vector B gives (m,).

    Entry (i, j) is the inner product of row i of A with column j of B.
    """
    A = _matrix(A, "A")
    B = as_float_array(B, "B")
    if B.ndim not in (1, 2):
        raise ValueError(_("B must have shape (k, n) or (k,), got shape {shape}").format(shape=B.shape))
    if A.shape[1] != B.shape[0]:
        raise ValueError(_("A B needs as many columns in A as rows in B: A has shape {a} ({columns} columns), "
                           "B has shape {b} ({rows} rows)").format(a=A.shape, columns=A.shape[1], b=B.shape,
                                                                  rows=B.shape[0]))
    return A @ B


def matmul_backward(grad, A, B):
    """For C = A B and the gradient G = ∂L/∂C of a number L: (∂L/∂A, ∂L/∂B) = (G Bᵀ, Aᵀ G)."""
    A, B = _matrix(A, "A"), as_float_array(B, "B")
    C_shape = matmul(A, B).shape
    G = as_float_array(grad, "grad")
    if G.shape != C_shape:
        raise ValueError(_("{name} must have the shape of {other}, {expected}, got shape {shape}").format(
            name="grad", other="A B", expected=C_shape, shape=G.shape))
    if B.ndim == 1:
        return np.outer(G, B), A.T @ G
    return G @ B.T, A.T @ G


def hadamard(A, B):
    """The Hadamard (element-wise) product A ⊙ B: (A ⊙ B)_ij = A_ij B_ij, for A and B of equal shape.

    Shapes must match exactly; numpy's broadcasting (which `A * B` would apply) is refused on purpose,
    because in backpropagation a mismatch is always a bug. Not to be confused with a Hadamard
    *matrix* (see `hadamard_matrix`).
    """
    A, B = as_float_array(A, "A"), as_float_array(B, "B")
    if A.shape != B.shape:
        raise ValueError(_("the Hadamard product A ⊙ B needs A and B of the same shape, "
                           "got A of shape {a} and B of shape {b}").format(a=A.shape, b=B.shape))
    return A * B


def hadamard_backward(grad, A, B):
    """For C = A ⊙ B and G = ∂L/∂C: (∂L/∂A, ∂L/∂B) = (G ⊙ B, G ⊙ A)."""
    C = hadamard(A, B)
    G = as_float_array(grad, "grad")
    if G.shape != C.shape:
        raise ValueError(_("{name} must have the shape of {other}, {expected}, got shape {shape}").format(
            name="grad", other="A ⊙ B", expected=C.shape, shape=G.shape))
    return G * np.asarray(B, dtype=float), G * np.asarray(A, dtype=float)


def hadamard_matrix(n):
    """A Hadamard matrix of order n by Sylvester's doubling H_2k = [[H, H], [H, −H]] from H_1 = [1].

    Its entries are ±1 and its rows are orthogonal: H Hᵀ = n I. Sylvester's construction gives only
    orders 1, 2, 4, 8, …; other orders such as 12 or 20 exist but need other constructions (Paley).
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1 or n & (n - 1):
        raise ValueError(_("Sylvester's construction needs an order n that is a power of 2 (1, 2, 4, 8, …), "
                           "got {value}").format(value=f"{n!r:.20}"))
    H = np.ones((1, 1))
    while H.shape[0] < n:
        H = np.block([[H, H], [H, -H]])
    return H


def is_hadamard_matrix(H):
    """True when H is square, every entry is +1 or −1, and H Hᵀ = n I (rows mutually orthogonal)."""
    H = as_float_array(H, "H")
    if H.ndim != 2 or H.shape[0] != H.shape[1]:
        return False
    n = H.shape[0]
    return bool(np.all(np.abs(H) == 1) and np.array_equal(H @ H.T, n * np.eye(n)))


# ---------------------------------------------------------------- the operator norm (chapter 09)

def singular_values(A):
    """σ_1 ≥ σ_2 ≥ … ≥ 0 of A (numpy's SVD)."""
    return np.linalg.svd(_matrix(A, "A"), compute_uv=False)


def operator_norm(A):
    """‖A‖₂ = max ‖A x‖ / ‖x‖ = σ_max, the largest singular value; the Lipschitz constant of x ↦ A x."""
    return float(singular_values(A)[0])


def power_iteration(A, steps=100, seed=0):
    """σ_max without an SVD: repeat v ← AᵀA v / ‖AᵀA v‖; then ‖A v‖ → σ_max. Returns (σ_max estimate,
    the estimates after each step). Converges like (σ_2/σ_1)^(2k)."""
    A = _matrix(A, "A")
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


# ---------------------------------------------------------------- subspaces (chapter 10)
#
# Rank, column space and null space all come from the singular value decomposition A = U Σ Vᵀ with
# σ_1 ≥ σ_2 ≥ … ≥ 0. The first r columns of U (r = the number of non-zero σ) are an orthonormal basis
# of the column space; the last n − r rows of Vᵀ span the null space. In floating point a σ that
# "should" be 0 comes out as about ε·σ_1 (ε = 2.2e-16), so "non-zero" means "above a tolerance":
# by default tol = max(m, n) · ε · σ_1 — the rounding error an SVD of an m×n matrix can make, and the
# same default as numpy.linalg.matrix_rank. Pass tol yourself when the entries carry their own noise
# (measured data, float32 weights): then only σ above the noise count.

def singular_tolerance(s, shape):
    """The default cut between "zero" and "non-zero" singular values: max(m, n) · ε · σ_max."""
    s_max = float(np.max(s)) if np.size(s) else 0.0
    return max(shape) * np.finfo(np.float64).eps * s_max


def _svd(A, tol):
    A = _matrix(A, "A")
    if not np.all(np.isfinite(A)):
        raise ValueError(_("{what} needs finite numbers, but {name} holds inf or nan").format(
            what=_("the SVD"), name="A"))
    U, s, Vt = np.linalg.svd(A, full_matrices=True)
    tol = singular_tolerance(s, A.shape) if tol is None else float(tol)
    return U, s, Vt, int(np.sum(s > tol))


def rank(A, tol=None, rtol=None):
    """The rank of A: how many singular values exceed tol (default max(m, n)·ε·σ_max); or give rtol
    for a cut relative to the largest singular value, rtol·σ_max (e.g. for a numerically computed Jacobian)."""
    if rtol is not None:
        s = np.linalg.svd(_matrix(A, "A"), compute_uv=False)
        tol = float(rtol) * (float(s[0]) if s.size else 0.0)
    return _svd(A, tol)[3]


def column_space(A, tol=None):
    """An orthonormal basis of the column space (the image) of A (m, n): the columns of an (m, r) array."""
    U, _, _, r = _svd(A, tol)
    return U[:, :r]


def null_space(A, tol=None):
    """An orthonormal basis of the null space {x : A x = 0} of A (m, n): the columns of an (n, n − r) array.
    rank + nullity = n (rank–nullity) holds by construction: the rows of Vᵀ split into r and n − r."""
    _, _, Vt, r = _svd(A, tol)
    return Vt[r:].T.copy()


def same_subspace(B1, B2, tol=1e-9):
    """True when the columns of B1 (m, k1) and of B2 (m, k2) span the same subspace of R^m.

    Two spans are equal exactly when rank B1 = rank B2 = rank [B1 B2]: neither adds a direction to the
    other. tol is relative to the largest entry, so the answer does not depend on the bases' scale."""
    B1, B2 = as_float_array(B1, "B1"), as_float_array(B2, "B2")
    B1 = B1[:, None] if B1.ndim == 1 else B1
    B2 = B2[:, None] if B2.ndim == 1 else B2
    if B1.ndim != 2 or B2.ndim != 2 or B1.shape[0] != B2.shape[0]:
        raise ValueError(_("B1 and B2 must hold vectors of the same length as columns, (m, k1) and (m, k2), "
                           "got shapes {first} and {second}").format(first=B1.shape, second=B2.shape))
    both = np.hstack([B1, B2])
    scale = float(np.max(np.abs(both), initial=0.0))
    if scale == 0 or both.shape[1] == 0:
        return True  # both spans are {0}
    r = [rank(B / scale, tol) if B.shape[1] else 0 for B in (B1, B2, both)]
    return r[0] == r[1] == r[2]


def spectral_radius(A):
    """ρ(A) = max |λ| over the eigenvalues of a square A. x_{k+1} = A x_k goes to 0 for every start
    exactly when ρ(A) < 1; with ρ(A) > 1 some start grows without bound."""
    A = _square(A)
    return float(np.max(np.abs(np.linalg.eigvals(A)), initial=0.0))


def _square(A):
    A = _matrix(A, "A")
    if A.shape[0] != A.shape[1]:
        raise ValueError(_("A must be square, shape (n, n), got shape {shape}").format(shape=A.shape))
    if not np.all(np.isfinite(A)):
        raise ValueError(_("A holds inf or nan"))
    return A


def is_diagonalisable(A, tol=1e-6):
    """Whether a square A has n linearly independent eigenvectors (over the complex numbers).

    For each distinct eigenvalue λ the geometric multiplicity n − rank(A − λI) must equal the algebraic
    one (how often λ repeats). Numerically "distinct" and "repeated" need a tolerance: eigenvalues closer
    than tol·max(1, ‖A‖) count as one repeated eigenvalue, and rank(A − λI) counts singular values
    above the same tolerance. (A defective eigenvalue of multiplicity k is computed only to about
    ε^(1/k), 1e-8 for k = 2, so tol must be larger than that.) sympy's Matrix.is_diagonalizable is the
    exact test for matrices with exact entries.
    """
    A = _square(A)
    n = A.shape[0]
    size = max(1.0, float(np.linalg.norm(A, 2)))
    cut = tol * size
    lam = np.linalg.eigvals(A)
    unused = np.ones(n, bool)
    for i in range(n):  # group the eigenvalues into clusters (a loop over n eigenvalues, n small)
        if not unused[i]:
            continue
        cluster = unused & (np.abs(lam - lam[i]) <= cut)
        unused &= ~cluster
        mu = lam[cluster].mean()
        s = np.linalg.svd(A - mu * np.eye(n), compute_uv=False)
        geometric = n - int(np.sum(s > cut))
        if geometric < int(cluster.sum()):
            return False
    return True
