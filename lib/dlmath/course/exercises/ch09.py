"""Chapter 09 · Layers as operators: operator norm, linearity, Lipschitz constants, depth, batch norm,
dropout, conditioning.

Norms are Euclidean: ‖A‖₂ = max ‖Ax‖/‖x‖ = σ_max. Weight scale s means W entries of variance s²/n.
"""
import numpy as np

from ... import ops
from ...arrays import read_only
from ..checks import Array, Choice, Function, Number

TITLE = "Layers as operators"

PRECISION = 5.1e-4  # "three decimal places"

# ---------------------------------------------------------------- exercise data

# a non-symmetric matrix: σ_max, max |λ|, the Frobenius norm, row and column sums all differ
A = np.array([[1.0, 2.0], [-1.0, 3.0]])
_s = np.linalg.svd(A, compute_uv=False)
SIGMA_MAX = float(_s[0])

# a batch of 4 samples × 2 features, and running statistics that are NOT this batch's
X_BN = np.array([[1.0, 2.0], [3.0, 0.0], [5.0, -2.0], [7.0, 4.0]])
RUNNING_MEAN, RUNNING_VAR = np.array([3.0, 1.0]), np.array([4.0, 4.0])
BN = (X_BN - X_BN.mean(axis=0)) / X_BN.std(axis=0)

# a non-normal matrix: both eigenvalues are 1, yet it stretches one direction 3.3× and squeezes another.
# κ = 10.9 is far enough (0.8 %) from the Frobenius version ‖B‖_F ‖B⁻¹‖_F = 11 to tell them apart at three digits
B = np.array([[1.0, 3.0], [0.0, 1.0]])
_sb = np.linalg.svd(B, compute_uv=False)
KAPPA = float(_sb[0] / _sb[1])

DEPTH_FACTOR = 0.9 ** 50


def softmax_jacobian_reference(z):
    """∂p/∂z = diag(p) − p pᵀ for p = softmax(z)."""
    p = ops.softmax(z)
    return np.diag(p) - np.outer(p, p)


def _jacobian_variant(kind):
    def jac(z):
        z = np.asarray(z, dtype=float)
        p = ops.softmax(z)
        return {"diag": np.diag(p), "diag_p1mp": np.diag(p * (1 - p)), "outer": -np.outer(p, p),
                "sign": np.outer(p, p) - np.diag(p)}[kind]
    return jac


# read-only: the learner's function cannot change the probes
JACOBIAN_POINTS = [(read_only(z, np.float64),) for z in ([0.0, 0.0], [1.0, 2.0, 3.0], [0.5, -1.0, 2.0, 0.0],
                                                         [1000.0, 0.0, -1000.0], [-3.0, 7.0])]

EXERCISES = {
    "operator_norm": Number(
        SIGMA_MAX, rtol=0, atol=PRECISION,
        wrong=[(max(abs(np.linalg.eigvals(A))), "that is the largest |eigenvalue| (the spectral radius); for a "
                                                "matrix that is not symmetric it can be smaller than ‖A‖₂ = σ_max."),
               (np.linalg.norm(A), "that is the Frobenius norm √(Σ a²), an upper bound for ‖A‖₂, not it."),
               (_s[0] ** 2, "that is σ_max², the largest eigenvalue of AᵀA; take its square root."),
               (np.abs(A).sum(axis=1).max(), "that is the largest row sum of |a_ij| (the ∞-norm), not the "
                                             "Euclidean operator norm."),
               (np.abs(A).sum(axis=0).max(), "that is the largest column sum of |a_ij| (the 1-norm)."),
               (_s[1], "that is the smallest singular value, the least stretch; the norm is the largest.")],
        hint="‖A‖₂ = σ_max = √(largest eigenvalue of AᵀA): np.linalg.svd(A, compute_uv=False)[0] or "
             "np.linalg.norm(A, 2)."),
    "linear_layer": Choice(
        "c", options="abcde",
        hints={"a": "not with b ≠ 0: T(0) = b ≠ 0, and a linear map sends 0 to 0. It is affine.",
               "b": "ReLU(−x) ≠ −ReLU(x): ReLU(−1) = 0 but −ReLU(1) = −1. Piecewise linear is not linear.",
               "d": "softmax(2z) ≠ 2·softmax(z): the outputs always sum to 1, so scaling cannot pass through.",
               "e": "in training the mean and variance are those of the batch itself: scaling the batch by 2 "
                    "doubles x − μ and σ alike, so T(2X) = T(X) ≠ 2·T(X)."}),
    "relu_lipschitz": Number(
        1.0,
        wrong=[(0.0, "0 is the slope for x < 0; the Lipschitz constant is the largest slope, sup |ReLU'| = 1."),
               (2.0, "the norms do not add up: |ReLU(a) − ReLU(b)| ≤ |a − b| in every coordinate, so "
                     "‖ReLU(x) − ReLU(y)‖ ≤ ‖x − y‖ in any dimension — √4 = 2 is not needed."),
               (0.25, "1/4 is the sigmoid's largest slope; ReLU's slope is 1 for x > 0.")],
        hint="the smallest L with ‖ReLU(x) − ReLU(y)‖ ≤ L‖x − y‖: look at the largest slope."),
    "softmax_lipschitz": Number(
        0.5, rtol=0, atol=1e-3,
        wrong=[(1.0, "1 is a true bound, but not the smallest one: the Jacobian diag(p) − ppᵀ has ‖·‖₂ ≤ ½."),
               (0.25, "¼ is σ'(0), the largest entry of the Jacobian for two classes; along (1, −1) the two "
                      "entries add: ‖J‖₂ = 2 · ¼."),
               (1 / 3, "not 1/n: with two classes tied and the others far below, ‖J‖₂ → ½ whatever n is.")],
        hint="the largest ‖J(z)‖₂ = ‖diag(p) − ppᵀ‖₂ over all z; try two classes, where softmax(z)₁ = σ(z₁ − z₂)."),
    "softmax_jacobian": Function(
        softmax_jacobian_reference, JACOBIAN_POINTS, vectorised=False, warnings_fail=True,
        stable_hint="compute p stably: exp(z − max z) cannot overflow (or use ops.softmax).",
        wrong=[(_jacobian_variant("diag"), "that is diag(p) only: p_i depends on every z_j (through the sum "
                                           "in the denominator), so subtract p pᵀ."),
               (_jacobian_variant("diag_p1mp"), "that is the diagonal only (p_i(1 − p_i)); the off-diagonal "
                                                "entries are ∂p_i/∂z_j = −p_i p_j."),
               (_jacobian_variant("outer"), "that is −p pᵀ only; the diagonal also gets + p_i."),
               (_jacobian_variant("sign"), "off by a sign: ∂p_i/∂z_i = p_i(1 − p_i) > 0.")],
        hint="J = diag(p) − p pᵀ with p = softmax(z); compute p stably (subtract max z, or use ops.softmax)."),
    "depth_factor": Number(
        DEPTH_FACTOR, rtol=1e-3,
        wrong=[(0.9 ** 49, "that is 49 layers; the signal passes all 50 weight matrices."),
               (0.9 ** 51, "that is 51 layers; there are 50 weight matrices."),
               (0.9 * 50, "the factors multiply, they do not add: 0.9 · 0.9 · … (50 times)."),
               (0.9, "that is one layer; each of the 50 layers shrinks the norm by 0.9 again."),
               (1 - 0.1 * 50, "the shrinking compounds: 0.9⁵⁰, not 1 − 50 · 0.1.")],
        hint="an orthogonal Q keeps every norm, so each layer multiplies ‖x‖ by exactly 0.9."),
    "relu_critical_scale": Number(
        np.sqrt(2), rtol=1e-3,
        wrong=[(1.0, "1 is the critical scale of linear and tanh layers; ReLU zeroes half the units, so the "
                     "scale must make up a factor 2 in the variance."),
               (2.0, "2 is the variance factor s²; the scale is its square root."),
               (1 / np.sqrt(2), "inverted: ReLU halves E[φ'(z)²], so s² must double it, s = √2."),
               (0.5, "½ is E[ReLU'(z)²]; the scale s solves s² · ½ = 1.")],
        hint="χ = s² E[ReLU'(z)²] = s² · ½ must equal 1."),
    "batch_norm_train": Array(
        BN, rtol=0, atol=PRECISION,
        wrong=[((X_BN - X_BN.mean(axis=0)) / X_BN.std(axis=0, ddof=1),
                "you divided by the unbiased standard deviation (N − 1); batch norm normalises with the "
                "batch's variance divided by N (np.std's default, ddof=0)."),
               ((X_BN - RUNNING_MEAN) / np.sqrt(RUNNING_VAR),
                "that uses the running statistics: batch norm in evaluation. In training it uses the mean "
                "and variance of this batch."),
               ((X_BN - X_BN.mean(axis=1, keepdims=True)) / X_BN.std(axis=1, keepdims=True),
                "you normalised each sample (row, axis=1) — that is layer norm. Batch norm normalises each "
                "feature (column) over the batch: axis=0."),
               (X_BN - X_BN.mean(axis=0), "you subtracted the mean but did not divide by the standard deviation.")],
        hint="per feature (column): (x − mean) / std over the batch, axis=0, with np.std's 1/N variance."),
    "dropout_scale": Number(
        1.25,
        wrong=[(0.8, "0.8 = 1 − p is the factor the old, non-inverted dropout applied at test time; inverted "
                     "dropout divides the kept units by 1 − p during training."),
               (5.0, "that is 1/p; the kept units are divided by the probability of being kept, 1 − p."),
               (1.2, "that is 1 + p; E[m x] = (1 − p) · c · x must equal x, so c = 1/(1 − p)."),
               (0.2, "0.2 is p, the probability of dropping a unit.")],
        hint="E[y] = (1 − p) · c · x = x gives c."),
    "shear_condition": Number(
        KAPPA, rtol=1e-3,
        wrong=[(1.0, "that is |λ_max / λ_min| (both eigenvalues are 1); the condition number uses singular "
                     "values, and this matrix stretches one direction 3.3× and squeezes another."),
               (float(np.linalg.cond(B, "fro")), "that is ‖B‖_F ‖B⁻¹‖_F, with the Frobenius norm; κ uses the "
                                                 "operator norm ‖·‖₂ = σ_max: σ_max / σ_min."),
               (float(np.linalg.cond(B, 1)), "that uses the 1-norm (largest column sum); κ uses the operator norm "
                                             "‖·‖₂ = σ_max: σ_max / σ_min."),
               (_sb[0], "that is σ_max alone; divide by σ_min."),
               (KAPPA ** 2, "that is σ_max² / σ_min², the eigenvalues of BᵀB; take square roots first."),
               (1 / KAPPA, "inverted: κ = σ_max / σ_min ≥ 1.")],
        hint="κ = σ_max / σ_min: np.linalg.cond(B) or the ratio of np.linalg.svd(B, compute_uv=False)."),
    "not_compact": Choice(
        "b", options="abcd",
        hints={"a": "every matrix is compact, whatever its size or its entries: it maps the unit ball into a "
                    "bounded set of a finite-dimensional space, whose closure is compact.",
               "c": "a dense layer between finite-dimensional spaces is a matrix, and every matrix is compact.",
               "d": "D e_k = e_k / k shrinks the far directions towards 0: it is a limit of finite-rank maps, "
                    "hence compact. The identity keeps every e_k at length 1, and they stay √2 apart."}),
    "sigmoid_stack_bound": Number(
        (2 * 0.25) ** 10, rtol=1e-6,
        wrong=[(0.25 ** 10, "that forgets the weights: each layer multiplies by at most ‖W‖₂ · max σ′ = 2 · ¼."),
               (2.0 ** 10, "that forgets σ′ ≤ ¼: each layer multiplies by at most ‖W‖₂ · ¼ = ½."),
               ((2 * 0.25) ** 9, "ten layers, ten factors: (‖W‖₂ · ¼)^10."),
               (0.5, "that is one layer's factor; the ten layers multiply it ten times."),
               (2 * 0.25 * 10, "the layers multiply their factors, they do not add them: (2 · ¼)^10.")],
        hint="per layer ‖W‖₂ · max σ′ ≤ 2 · ¼ = ½; over 10 layers (½)^10."),
    "softmax_raise": Choice(
        "b", options="abcd",
        hints={"a": "the p_i always add up to 1: if p₁ rises, the others must give up what it gains.",
               "c": "p₂ = e^(z₂) / Σ e^(z_j): its numerator stays, but the sum grows with e^(z₁), so p₂ falls.",
               "d": "shift invariance is for adding one constant to *every* input; raising only z₁ changes p."}),
    "shift_symmetry": Choice(
        "b", options="abcd",
        hints={"a": "a convolution is equivariant, not invariant: the same filter at shifted positions gives the "
                    "shifted feature map.",
               "c": "2×2 pooling is not invariant to a 1-pixel shift: the windows fall on other pixels, and the "
                    "pooled map can change (the Careful box above counts how many entries do).",
               "d": "the feature map moves with the image, in the same direction: z_(i, j+1) after the shift is "
                    "z_(i, j) before."}),
}

# Release 0.1 asked these with other data; a learner's copy of that release still checks ✅ against them,
# as examples (they no longer count: the exercises above replace them).
EXAMPLES = {
    "condition_number": Number(float(np.linalg.cond(np.array([[1.0, 10.0], [0.0, 1.0]]))), rtol=1e-3,
                               hint="κ = σ_max / σ_min."),
}
