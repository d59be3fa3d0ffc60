"""Chapter 11 · Linear regions of ReLU networks: hyperplanes, patterns, regions and how many.

Conventions of `dlmath.ops.dense`: W has shape (n_out, n_in), z = W x + b for one point x; a unit is on
(pattern bit 1) where z > 0 and off where z ≤ 0, so a point on the hyperplane counts as off.
"""
from math import comb

import numpy as np

from ... import linalg
from ... import regions as R
from ..checks import Array, Choice, Number

TITLE = "Linear regions"

# ---------------------------------------------------------------- exercise data

# which side: the hyperplane 2x₁ − x₂ − 1 = 0 and four points (one on it). z = 0.5 and 2 for the first two,
# so ReLU(z), clip(z, 0, 1) and the 0/1 answer differ; (0.25, 0) has w·x > 0 but z < 0 (the bias
# matters); with x₁ and x₂ swapped the answer changes
SIDE_W, SIDE_B = np.array([2.0, -1.0]), -1.0
SIDE_POINTS = np.array([[0.75, 0.0], [1.5, 0.0], [1.0, 1.0], [0.25, 0.0]])
SIDE_Z = SIDE_POINTS @ SIDE_W + SIDE_B  # 0.5, 2, 0, −0.5
SIDE = (SIDE_Z > 0).astype(float)

# a 2-3-1 net: its layer-1 pattern at one point, the affine map on that region, the dead region
W1 = np.array([[1.0, -1.0], [0.5, 2.0], [-1.0, -1.0]])
B1 = np.array([-0.6, -1.0, 1.8])
W2, B2 = np.array([[2.0, -1.0, 3.0]]), np.array([0.5])
X = np.array([0.1, 0.9])  # not symmetric: the swapped point (0.9, 0.1) has another pattern
Z = W1 @ X + B1  # −1.4, 0.85, 0.8
PATTERN = (Z > 0).astype(float)  # 0, 1, 1
D = np.diag(PATTERN)
JACOBIAN = W2 @ D @ W1  # A of z² = A x + c on this region, shape (1, 2): one output, two inputs
OFFSET = float((W2 @ D @ B1 + B2)[0])

# the pairwise hyperplane of a 3-class output layer between classes 1 and 3
WOUT = np.array([[1.0, 2.0], [-1.0, 0.5], [0.5, -1.0]])
BOUT = np.array([0.2, -0.3, 1.0])
PAIR = np.append(WOUT[0] - WOUT[2], BOUT[0] - BOUT[2])  # (w₁ − w₃, b₁ − b₃)

# dynamic rank: columns 1 and 4 of W are parallel, so two active units give rank 1
WRANK = np.array([[1.0, 2.0, 0.0, 2.0], [0.0, 1.0, 1.0, 0.0], [1.0, 0.0, -1.0, 2.0]])
RANK_PATTERN = np.array([1, 0, 0, 1])
RANK = R.dynamic_rank(WRANK, RANK_PATTERN)

# a tiny 2-3-2-1 net on U = [0, 1]²; its regions counted exactly
TINY = [(np.array([[1.0, 1.0], [1.0, -1.0], [-1.0, 0.5]]), np.array([-1.0, 0.0, 0.3])),
        (np.array([[1.0, -1.0, 1.0], [-0.5, 1.0, 1.0]]), np.array([-0.3, -0.2])),
        (np.array([[1.0, 1.0]]), np.array([0.0]))]
TINY_COUNT = R.count_regions(TINY)
TINY_FIRST_LAYER = R.count_regions([TINY[0], (np.ones((1, 3)), np.zeros(1))])

# a 2-2-1 net with a dead region (the origin lies in it: both hidden units are off there)
DEAD_NET = [(np.array([[1.0, 2.0], [-1.0, 1.0]]), np.array([-1.0, -0.5])), (np.array([[3.0, -2.0]]), np.array([-0.4]))]
DEAD_POINT = np.zeros(2)
DEAD_VALUE = float(DEAD_NET[1][1][0])

# ReLU as a matrix: z with a positive entry ≠ 1, a zero and a negative one, so D_I(z), diag(ReLU(z)),
# diag(z ≥ 0) and the pattern vector all differ
RELU_Z = np.array([0.5, -1.0, 0.0, 2.0])
RELU_D = np.diag((RELU_Z > 0).astype(float))

# one piece of a bent line: a second-layer unit's affine function on the region (unit 1 on, unit 2 off)
BENT_NET = [(np.array([[1.0, 1.0], [1.0, -1.0]]), np.array([-1.0, 0.0])), (np.array([[2.0, -1.0]]), np.array([-1.0])),
            (np.array([[1.0]]), np.zeros(1))]
BENT_PATTERN = (1, 0)


def _bent(pattern, bias1=True, bias2=True):
    (W1b, b1b), (W2b, b2b), _ = BENT_NET
    D = np.diag(np.asarray(pattern, dtype=float))
    return np.append(W2b[0] @ D @ W1b, W2b[0] @ D @ (b1b if bias1 else 0 * b1b) + (b2b[0] if bias2 else 0.0))


BENT_PIECE = _bent(BENT_PATTERN)  # 2x₁ + 2x₂ − 3

# ---------------------------------------------------------------- the exercises

EXERCISES = {
    "which_side": Array(
        SIDE, squeeze=True,  # R.side(W, b, x) answers with one column per unit: (4, 1) for one unit
        wrong=[(np.maximum(SIDE_Z, 0), "that is ReLU(z) = max(0, z), the unit's output; the side is I(z): 1 "
                                       "where z > 0, else 0."),
               (np.clip(SIDE_Z, 0, 1), "clipping z to [0, 1] is not the side: I(z) is 1 for every z > 0, "
                                       "also for z = 0.5."),
               ((SIDE_POINTS[:, ::-1] @ SIDE_W + SIDE_B > 0).astype(float),
                "you swapped the coordinates: z = w₁x₁ + w₂x₂ + b with w = (2, −1), x₁ first."),((SIDE_Z >= 0).astype(float), "the point (1, 1) lies on the hyperplane (z = 0): I(z) = 1 only "
                                              "for z > 0, so it counts as off."),
               ((SIDE_POINTS @ SIDE_W > 0).astype(float), "you left out b: z = w·x + b, and with b = −1 the "
                                                          "point (0.25, 0) is on the negative side."),
               ((SIDE_Z <= 0).astype(float), "that marks the negative side: I(z) = 1 on the positive side z > 0."),
               (SIDE_Z, "that is z = w·x + b itself; the answer is I(z), 1 where z > 0 and 0 elsewhere.")],
        hint="z = w·x + b for each point, then 1 where z > 0, else 0."),
    "pattern": Array(
        PATTERN, squeeze=True,  # R.activation_pattern(net, x) answers one row per point: (1, 3)
        wrong=[((W1 @ X[::-1] + B1 > 0).astype(float), "you swapped x₁ and x₂: x = (0.1, 0.9), so z = W¹ x + b¹ "
                                                       "with x₁ = 0.1 in the first column."),((W1 @ X > 0).astype(float), "you left out the biases: z = W x + b."),
               (np.maximum(Z, 0), "that is ReLU(z), the layer's output; the pattern is I(z), 1 or 0 per unit."),
               (1 - PATTERN, "every bit is flipped: a unit is on (1) where z > 0."),
               (Z, "that is z; the pattern is 1 where z > 0, else 0.")],
        hint="z = W1 @ x + b1, then (z > 0) as 0/1."),
    "region_jacobian": Array(
        JACOBIAN,
        wrong=[(W2 @ W1, "that is W² W¹, as if every unit were on; the off unit must be removed: "
                              "A = W² D_I(z) W¹."),
               (W2 @ np.diag(1 - PATTERN) @ W1, "you kept the off units and dropped the on ones: D has a 1 "
                                                     "where z > 0."),
               ((PATTERN @ W1)[None, :], "that is D W¹ summed over the units — the output weights W² are missing: "
                              "A = W² D W¹."),
               ((W2 @ D @ W1)[:, ::-1], "the two slopes are swapped: column i of A belongs to input x_i."),
               (W2 @ D @ W1 @ X, "that is A x, one number; A is the 1×2 matrix of slopes W² D W¹.")],
        hint="on this region ReLU(z) = D z with D = diag(pattern), so z² = W² D (W¹ x + b¹) + b²: A = W² D W¹."),
    "region_offset": Number(
        OFFSET,
        wrong=[(float((W2 @ B1 + B2)[0]), "that is W² b¹ + b² with every unit on; only the on units pass "
                                          "their bias: c = W² D b¹ + b²."),
               (float((W2 @ D @ B1)[0]), "the output layer's own bias b² is missing: c = W² D b¹ + b²."),
               (float((W2 @ np.diag(1 - PATTERN) @ B1 + B2)[0]), "you used the off units instead of the on ones."),
               (float(B2[0]), "that is the value in the dead region; here two units are on.")],
        hint="c = W² D b¹ + b², with D = diag(pattern)."),
    "dead_region_value": Number(
        DEAD_VALUE,
        wrong=[(0.0, "the hidden units all give 0, but the output layer still adds its bias b²."),
               (float((DEAD_NET[1][0] @ DEAD_NET[0][1] + DEAD_NET[1][1])[0]),
                "in the dead region every hidden unit is off: D = 0, so W² D (…) = 0 — not W² b¹."),
               (float(DEAD_NET[1][1][0] + DEAD_NET[1][0].sum()), "the off units give 0, not 1."),
               (float(DEAD_NET[1][0].sum()), "the off units give 0, not 1; and the output adds b².")],
        hint="all hidden units off: z² = W² · 0 + b²."),
    "max_regions": Number(
        R.zaslavsky(2, 5),
        wrong=[(2 ** 5, "2⁵ = 32 counts every pattern; 5 lines in the plane cannot make them all. "
                        "Zaslavsky: Σ_{i≤2} C(5, i)."),
               (comb(5, 2), "that is only the term i = 2 (the crossing points); add C(5, 0) and C(5, 1)."),
               (comb(5, 2) + comb(5, 1), "the term C(5, 0) = 1 is missing (the region before any cut)."),
               (5 + 1, "that is the count for 5 parallel lines (each adds one region); lines in general "
                       "position cross, and each crossing point adds one more.")],
        hint="Σ_{i=0}^{n0} C(n1, i) with n0 = 2, n1 = 5."),
    "zaslavsky_3d": Number(
        R.zaslavsky(3, 6),
        wrong=[(R.zaslavsky(2, 6), "that is the count in the plane (n0 = 2); in R³ the sum runs to i = 3."),
               (2 ** 6, "2⁶ counts every pattern; 6 planes in R³ make at most Σ_{i≤3} C(6, i)."),
               (R.zaslavsky(3, 6) - 1, "the term C(6, 0) = 1 is missing."),
               (comb(6, 3), "that is the term i = 3 alone.")],
        hint="Σ_{i=0}^{3} C(6, i)."),
    "redundant_unit": Choice(
        "c", options="abcd",
        hints={"a": "x₁ + x₂ = 0.5 crosses U (it passes through (0.5, 0)): the unit changes the function on U.",
               "b": "x₁ − x₂ + 2 = 0 misses U, but the unit is ON on all of U: it adds the affine term "
                    "x₁ − x₂ + 2 there, so deleting it changes the output (only its constant part could go into "
                    "the next layer's bias; the x₁ − x₂ part needs a skip connection).",
               "d": "2x₁ − 1 = 0 is the line x₁ = 0.5, right through U."},
        hint="a unit is redundant on U when its positive side misses U: it is off, 0, for every input in U."),
    "dynamic_rank": Number(
        RANK,
        wrong=[(linalg.rank(WRANK), "that is rank W; the off units' columns are zeroed: rank(W D)."),
               (RANK_PATTERN.sum(), "two units are on, but their columns of W are parallel (column 4 = 2 × "
                                    "column 1): rank(W D) counts independent columns."),
               (0, "two units are on, so W D keeps two non-zero columns.")],
        hint="zero the columns of W where the pattern is 0, then take the rank."),
    "count_tiny": Number(
        TINY_COUNT,
        wrong=[(R.zaslavsky(2, 5), "that is Zaslavsky's maximum for 5 units in one layer; the second layer "
                                  "only cuts inside the first layer's regions, and not every cut lands in U."),
               (TINY_FIRST_LAYER, "that is the first layer's regions only; the second layer's units cut "
                                   "some of them again."),
               (R.serra_upper(2, (3, 2)), "that is the upper bound for any 2-3-2 net on all of R²; count "
                                           "this net's regions in U."),
               (2 ** 5, "that counts every pattern of 5 units; most never occur.")],
        hint="count_regions(net) from dlmath.regions (U = [0, 1]² is its default box)."),
    "pairwise": Array(
        PAIR,
        wrong=[(-PAIR, "that is y₃ − y₁: its positive side is where class 3 wins. Use w₁ − w₃, b₁ − b₃."),
               (np.append(WOUT[0] + WOUT[2], BOUT[0] + BOUT[2]), "the hyperplane is y₁ − y₃ = 0: subtract."),
               (np.append(WOUT[0] - WOUT[2], BOUT[0]), "the bias is b₁ − b₃, not b₁."),
               (np.append(WOUT[0] - WOUT[1], BOUT[0] - BOUT[1]), "that compares classes 1 and 2; the "
                                                                  "question asks for 1 against 3.")],
        hint="y₁ − y₃ = (w₁ − w₃)·x + (b₁ − b₃): the array [w₁₁ − w₃₁, w₁₂ − w₃₂, b₁ − b₃]."),
    "relu_matrix": Array(
        RELU_D,
        wrong=[(np.diag(np.maximum(RELU_Z, 0)), "that is diag(ReLU(z)); D holds the pattern I(z), 1 where z > 0, "
                                                "so that D z = ReLU(z)."),
               (np.diag((RELU_Z >= 0).astype(float)), "z₃ = 0 counts as off: I(z) = 1 only for z > 0."),
               ((RELU_Z > 0).astype(float), "that is the pattern I(z) as a vector; D is the 4×4 diagonal matrix "
                                            "diag(I(z))."),
               (np.eye(4), "that is the identity: D switches off the units with z ≤ 0.")],
        hint="D = diag(I(z)) with I(z_j) = 1 for z_j > 0, else 0."),
    "bent_piece": Array(
        BENT_PIECE,
        wrong=[(_bent((1, 1)), "that is the piece where both first-layer units are on; here unit 2 is off, so its "
                               "column drops out: W² D with D = diag(1, 0)."),
               (_bent((0, 1)), "that is the region where unit 1 is off and unit 2 on — the other way round."),
               (_bent(BENT_PATTERN, bias1=False), "the first layer's bias passes through the on unit too: "
                                                  "c = W² D b¹ + b²."),
               (_bent(BENT_PATTERN, bias2=False), "the second-layer unit's own bias −1 is missing from c."),
               (np.append(BENT_NET[1][0][0] @ BENT_NET[0][0], BENT_NET[1][1][0]),
                "that is W² W¹ with b² alone, as if the first layer had no ReLU and no bias.")],
        hint="on the region, a¹ = D(W¹x + b¹) with D = diag(1, 0), so z = W² D W¹ x + (W² D b¹ + b²)."),
}

# Release 0.1 asked these with other data; a learner's copy of that release still checks ✅ against them,
# as examples (they no longer count: the exercises above replace them).
EXAMPLES = {
    "side": Array([1.0, 0.0, 0.0, 0.0], squeeze=True, hint="1 where z = w·x + b > 0, else 0."),
    "dead_value": Number(0.5, hint="all hidden units off: z² = W² · 0 + b²."),
}
