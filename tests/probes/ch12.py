"""Chapter 12 probes: answers a learner plausibly writes for each exercise (see probes/__init__.py)."""
import math

import numpy as np
import sympy as sp

from dlmath import optimize as opt
from dlmath.course.exercises.ch12 import (_adam_corrected_state, _adam_correct_m_only, _adam_no_correction,
                                          _adam_plus)
from dlmath.optimizers import Adam

t, y = sp.symbols("t y", real=True)
sigma = sp.symbols("sigma", positive=True)


def adam_by_hand(p, g, m, s, t):
    m = 0.9 * m + 0.1 * g
    s = 0.999 * s + 0.001 * g ** 2
    m_hat, s_hat = m / (1 - 0.9 ** t), s / (1 - 0.999 ** t)
    return p - 0.01 * m_hat / (np.sqrt(s_hat) + 1e-8), m, s


def adam_inplace(p, g, m, s, t):
    m *= 0.9
    m += 0.1 * g
    s *= 0.999
    s += 0.001 * g * g
    p -= 0.01 * (m / (1 - 0.9 ** t)) / (np.sqrt(s / (1 - 0.999 ** t)) + 1e-8)
    return p, m, s


def adam_step_size_first(p, g, m, s, t):
    m_new = 0.9 * np.asarray(m) + (1 - 0.9) * np.asarray(g)
    s_new = 0.999 * np.asarray(s) + (1 - 0.999) * np.square(g)
    step = 0.01 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)  # the corrections folded into η (ε moves slightly)
    return p - step * m_new / (np.sqrt(s_new) + 1e-8 * np.sqrt(1 - 0.999 ** t)), m_new, s_new


def adam_with_the_lib(p, g, m, s, t):
    optimizer = Adam(0.01)
    optimizer.t, optimizer.mean, optimizer.square = t - 1, [np.array(m, dtype=float)], [np.array(s, dtype=float)]
    p = np.array(p, dtype=float)
    optimizer.step([p], [np.asarray(g, dtype=float)])
    return p, optimizer.mean[0], optimizer.square[0]


CORRECT = {
    "minibatch_variance": [0.25, 4 / 16, np.float64(4) / 16, round(4 / 16, 3)],
    "heavy_ball_matrix": [opt.heavy_ball_matrix(0.1, 0.5, 4.0), [[1.1, -0.5], [1, 0]],
                          np.array([[1 + 0.5 - 0.1 * 4, -0.5], [1.0, 0.0]])],
    "stable_eta_limit": [0.4, 2 * 1.8 / 9, round(3.6 / 9, 4)],
    "optimal_rate": [9 / 11, opt.optimal_momentum(1, 100)[2], round((10 - 1) / (10 + 1), 3),
                     (math.sqrt(100) - 1) / (math.sqrt(100) + 1)],
    "adam_step": [adam_by_hand, adam_step_size_first, adam_with_the_lib],
    "he_std": [math.sqrt(2 / 50), np.sqrt(0.04), 0.2, (2 / 50) ** 0.5],
    "gaussian_nll": [(t - y) ** 2 / (2 * sigma ** 2) + sp.log(sigma) + sp.log(2 * sp.pi) / 2,
                     -sp.log(sp.exp(-(t - y) ** 2 / (2 * sigma ** 2)) / (sigma * sp.sqrt(2 * sp.pi))),
                     (t ** 2 - 2 * t * y + y ** 2) / (2 * sigma ** 2) + sp.log(sigma * sp.sqrt(2 * sp.pi))],
    "choose_on_validation": ["b", "B", "(b)"],
    "adam_always_better": [False, "false", np.bool_(False)],
}

WRONG = {
    "minibatch_variance": [(1.0, "1/B, not 1/√B"), (0.5, "standard deviation"), (4.0, "divides the variance by B")],
    "heavy_ball_matrix": [([[0.6, -0.5], [1, 0]], "1 + β − ηλ"), ([[1.1, 1], [-0.5, 0]], "transpose"),
                          ([[0.1, 0.5], [1, 0]], "+β(x_k − x_{k−1})")],
    "stable_eta_limit": [(2 / 9, "without momentum"), (1.6 / 9, "1 + β, not β"), (0.2, "factor 2")],
    "optimal_rate": [(99 / 101, "gradient descent's best rate"), ((9 / 11) ** 2, "β* itself"),
                     (0.1, "(√κ − 1)/(√κ + 1)")],
    "adam_step": [(_adam_no_correction, "bias correction"), (_adam_correct_m_only, "correct s too"),
                  (_adam_plus, "against the gradient"), (_adam_corrected_state, "uncorrected m and s"),
                  (adam_inplace, "in place")],
    "he_std": [(0.04, "square root"), (math.sqrt(1 / 50), "doubles the variance"), (0.02, "")],
    "gaussian_nll": [((t - y) ** 2 / 2, "keep σ"), ((t - y) ** 2 / (2 * sigma ** 2), "normalisation"),
                     (-(t - y) ** 2 / (2 * sigma ** 2) - sp.log(sigma) - sp.log(2 * sp.pi) / 2, "its negative")],
    "choose_on_validation": [("a", "biggest model"), ("c", "unbiased"), ("d", "validation set chooses")],
    "adam_always_better": [(True, "Wilson"), ("true", "Wilson"), (np.bool_(True), "Wilson")],
}
