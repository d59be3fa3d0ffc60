"""Chapter 09's catalogue: every kind of layer probed as an operator, each verdict computed.

`catalogue_operators(seed)` lists the layers as plain functions of one input (dense, conv, activations,
pooling, batch norm, dropout, softmax, a loss, GLU, self-attention) with the symmetries worth testing;
`catalogue(seed)` runs the tests of `dlmath.operators` and the norms of `dlmath.linalg` on each and
returns the table's rows; `markdown_table(rows)` prints them.
"""
import numpy as np

from . import ops
from .calculus import jacobian
from .linalg import condition_number, operator_norm, rank
from .operators import is_affine, is_equivariant, is_linear, lipschitz_estimate, matrix_of


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
    mask = ops.dropout_mask(n, 0.5, np.random.default_rng(seed + 11))
    Q = _perm(4, 9)
    glu_perm = ("same permutation of a and b", lambda x: np.concatenate([x[:4][Q], x[4:][Q]]), lambda y: y[Q],
                lambda r: r.normal(size=8))
    label = 0
    Wq, Wk, Wv = rng.normal(size=(3, 3, 3))
    Pt = _perm(4, 13)
    token_perm = ("reorder the tokens", lambda X: X[Pt], lambda Y: Y[Pt], lambda r: r.normal(size=(4, 3)))

    def self_attention(X):  # the weights softmax(Q Kᵀ/√d) depend on X itself: a data-dependent operator
        return ops.scaled_dot_product_attention(X @ Wq, X @ Wk, X @ Wv)[0]

    table = [
        ("dense z = Wx + b", lambda x: W @ x + b, (n,), [perm]),
        ("conv 3×3, padding 1", lambda x: ops.conv2d(x, w3, padding=1), (8, 8), [shift1]),
        ("ReLU", ops.relu, (n,), [perm]),
        ("sigmoid", ops.sigmoid, (n,), [perm]),
        ("tanh", ops.tanh, (n,), [perm]),
        ("max pooling 2×2", ops.max_pool2d, (8, 8), pool_shift),
        ("average pooling 2×2", ops.avg_pool2d, (8, 8), pool_shift),
        ("batch norm, training", lambda x: ops.batch_norm_train(x, gamma, beta), (6, 3), [batch_perm]),
        ("batch norm, evaluation", lambda x: ops.batch_norm_eval(x, gamma, beta, mean, var), (6, 3), [batch_perm]),
        ("dropout p = ½ (one draw)", lambda x: x * mask, (n,), [perm]),
        ("softmax", ops.softmax, (n,), [perm, ("invariant to z + c", lambda x: x + 3.0, lambda y: y, vec),
                                       ("invariant to 2z", lambda x: 2 * x, lambda y: y, vec)]),
        ("loss: softmax cross entropy", lambda z: ops.softmax_cross_entropy(z[None], np.array([label]))[0], (n,),
         [("invariant to z + c", lambda x: x + 3.0, lambda y: y, vec)]),
        ("GLU a ⊙ σ(b)", ops.glu, (8,), [glu_perm]),
        ("self-attention (4 tokens × 3)", self_attention, (4, 3), [token_perm]),
    ]
    return table


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
