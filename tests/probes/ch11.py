"""Chapter 11 probes: answers a learner plausibly writes for each exercise of `linear_regions`."""
from math import comb

import numpy as np

from dlmath import regions as R
from dlmath.course.exercises import ch11 as c

w, b, P = c.SIDE_W, c.SIDE_B, c.SIDE_POINTS
W1, B1, W2, B2, x = c.W1, c.B1, c.W2, c.B2, c.X
z = W1 @ x + B1
D = np.diag((z > 0).astype(float))


def side_loop():
    return [1 if w[0] * p[0] + w[1] * p[1] + b > 0 else 0 for p in P]


def jacobian_by_hand():
    # only units 2 and 3 are on: A = −1·(0.5, 2) + 3·(−1, −1)
    return [-1 * 0.5 + 3 * -1, -1 * 2 + 3 * -1]


CORRECT = {
    "which_side": [(P @ w + b > 0).astype(int), side_loop(), [1, 1, 0, 0], np.heaviside(P @ w + b, 0),
             R.side(w[None, :], np.array([b]), P)],  # the chapter's own tool: a (4, 1) column
    "pattern": [(z > 0).astype(int), (z > 0), [0, 1, 1], np.sign(np.maximum(z, 0)),
                R.activation_pattern([(W1, B1), (W2, B2)], x)],  # the chapter's own tool: a (1, 3) row
    "region_jacobian": [W2 @ D @ W1, [jacobian_by_hand()], (W2 * (z > 0)) @ W1, R.affine_map(
        [(W1, B1), (W2, B2)], (z > 0).astype(int))[0]],
    "region_offset": [float((W2 @ D @ B1 + B2)[0]), 6.9, -1 * -1.0 + 3 * 1.8 + 0.5,
                      R.affine_map([(W1, B1), (W2, B2)], (z > 0).astype(int))[1][0]],
    "dead_region_value": [-0.4, c.DEAD_NET[1][1][0], float(R.forward(c.DEAD_NET, c.DEAD_POINT)[0, 0]), np.float64(-0.4),
                   np.array(-0.4)],
    "max_regions": [16, comb(5, 0) + comb(5, 1) + comb(5, 2), 1 + 5 + 10, R.zaslavsky(2, 5)],
    "zaslavsky_3d": [42, sum(comb(6, i) for i in range(4)), 1 + 6 + 15 + 20, 42.0],
    "redundant_unit": ["c", "C", "c)", " c "],
    "dynamic_rank": [1, np.linalg.matrix_rank(c.WRANK * c.RANK_PATTERN), np.linalg.matrix_rank(c.WRANK @ np.diag(c.RANK_PATTERN)), 1.0],
    "count_tiny": [c.TINY_COUNT, R.count_regions(c.TINY, (0, 1, 0, 1)), len(R.partition(c.TINY)), float(c.TINY_COUNT)],
    "pairwise": [np.append(c.WOUT[0] - c.WOUT[2], c.BOUT[0] - c.BOUT[2]), [0.5, 3.0, -0.8], (0.5, 3, -0.8),
                 np.array([1 - 0.5, 2 - -1, 0.2 - 1.0])],
    "relu_matrix": [np.diag((c.RELU_Z > 0).astype(float)), R.relu_as_matrix(c.RELU_Z), np.diag([1, 0, 0, 1]),
                    np.diag(np.heaviside(c.RELU_Z, 0)), [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1]]],
    "bent_piece": [[2, 2, -3], np.array([2.0, 2.0, -3.0]), np.append(*R.layer_hyperplanes(c.BENT_NET, 2, (1, 0))),
                   (2.0, 2.0, -3.0)],
}

WRONG = {
    "which_side": [((P @ w + b >= 0).astype(int), "lies on the hyperplane"), ((P @ w > 0).astype(int), "you left out b"),
             (np.maximum(P @ w + b, 0), "that is ReLU(z)"), (np.clip(P @ w + b, 0, 1), "clipping z"),
             ((P[:, ::-1] @ w + b > 0).astype(int), "swapped the coordinates"),
             ((P @ w + b <= 0).astype(int), "negative side"), ((P @ w + b < 0).astype(int), "entry 0"), (P @ w + b, "that is z = w·x + b itself"),
             ([1, 0, 0], "expected shape (4,)")],
    "pattern": [((W1 @ x > 0).astype(int), "left out the biases"), (np.maximum(z, 0), "that is ReLU(z)"),
                ((W1 @ x[::-1] + B1 > 0).astype(int), "swapped x₁ and x₂"),
                ((z <= 0).astype(int), "every bit is flipped"), (z, "that is z"), ([1, 1, 1], "entry 0")],
    "region_jacobian": [(W2 @ W1, "as if every unit were on"), (W2 @ (np.eye(3) - D) @ W1, "kept the off units"),
                        ([(z > 0) @ W1], "output weights W² are missing"), (W2 @ D @ W1 @ x, "that is A x"),
                        (W1.T @ D @ W2.T, "transpose"), (jacobian_by_hand(), "the numbers are right but the shape")],
    "region_offset": [(5.7, "with every unit on"), (6.4, "own bias b² is missing"), (-0.7, "off units instead"),
                      (0.5, "value in the dead region"), (7.0, "too large")],
    "dead_region_value": [(0, "still adds its bias"), (-2.4, "not W² b¹"), (0.6, "give 0, not 1"), (1.0, "and the output adds b²"),
                   (0.5, "too large"), ("-0.4", "without quotes")],
    "max_regions": [(32, "counts every pattern"), (10, "only the term i = 2"), (15, "C(5, 0) = 1 is missing"),
                    (10.0, "the crossing points"), (11, "too small")],
    "zaslavsky_3d": [(22, "in R³ the sum runs to i = 3"), (64, "counts every pattern"), (41, "C(6, 0) = 1"),
                     (20, "the term i = 3 alone")],
    "redundant_unit": [("a", "crosses U"), ("b", "ON on all of U"), ("d", "right through U"), ("e", "choose one of")],
    "dynamic_rank": [(3, "that is rank W"), (2, "parallel"), (0, "two non-zero columns"), (4, "too large")],
    "count_tiny": [(16, "Zaslavsky's maximum"), (7, "first layer's regions only"), (25, "upper bound for any 2-3-2 net"),
                   (32, "every pattern of 5 units")],
    "pairwise": [([-0.5, -3.0, 0.8], "class 3 wins"), ([1.5, 1.0, 1.2], "subtract"), ([0.5, 3.0, 0.2], "not b₁"),
                 ([2.0, 1.5, 0.5], "classes 1 and 2"), ([0.5, 3.0], "expected shape (3,)")],
    "relu_matrix": [(np.diag(np.maximum(c.RELU_Z, 0)), "that is diag(ReLU(z))"),
                    (np.diag((c.RELU_Z >= 0).astype(float)), "counts as off"), ((c.RELU_Z > 0).astype(int), "as a vector"),
                    (np.eye(4), "identity"), (np.diag([1, 1, 0, 1]), "entry (1, 1)")],
    "bent_piece": [([1, 3, -3], "both first-layer units are on"), ([-1, 1, -1], "the other way round"),
                   ([2, 2, -1], "bias passes through"), ([2, 2, -2], "own bias −1 is missing"),
                   ([1, 3, -1], "no ReLU and no bias"), ([1, 1, -1.5], "entry 0")],
}
