"""Chapter 12 · Training in practice."""
import numpy as np
import sympy as sp

from ...optimize import heavy_ball_matrix
from ..checks import Array, Choice, Expression, Function, Number, TrueFalse

TITLE = "Training in practice"

# exercise 1: per-sample gradients with variance σ² = 4, minibatches of B = 16 (drawn independently)
SIGMA2, BATCH = 4.0, 16

# exercise 2: the heavy ball on ½ λ x² with η = 0.1, β = 0.5, λ = 4
ETA, BETA, LAM = 0.1, 0.5, 4.0
MATRIX = heavy_ball_matrix(ETA, BETA, LAM)

# exercise 3: the largest stable η for β = 0.8 on a curvature λ = 9
BETA3, LAM3 = 0.8, 9.0

# exercise 4: the best rate with momentum for condition number κ = 100
KAPPA = 100.0

# exercise 5: one Adam step, written as a function of (p, g, m, s, t)
B1, B2, EPS, ETA_ADAM = 0.9, 0.999, 1e-8, 0.01


def adam_step(p, g, m, s, t):
    """(p, m, s) after Adam's step number t (t = 1 for the first) with η = 0.01, β₁ = 0.9, β₂ = 0.999."""
    m = B1 * m + (1 - B1) * g
    s = B2 * s + (1 - B2) * g * g
    p = p - ETA_ADAM * (m / (1 - B1 ** t)) / (np.sqrt(s / (1 - B2 ** t)) + EPS)
    return p, m, s


def _adam_no_correction(p, g, m, s, t):
    m = B1 * m + (1 - B1) * g
    s = B2 * s + (1 - B2) * g * g
    return p - ETA_ADAM * m / (np.sqrt(s) + EPS), m, s


def _adam_correct_m_only(p, g, m, s, t):
    m = B1 * m + (1 - B1) * g
    s = B2 * s + (1 - B2) * g * g
    return p - ETA_ADAM * (m / (1 - B1 ** t)) / (np.sqrt(s) + EPS), m, s


def _adam_plus(p, g, m, s, t):
    m = B1 * m + (1 - B1) * g
    s = B2 * s + (1 - B2) * g * g
    return p + ETA_ADAM * (m / (1 - B1 ** t)) / (np.sqrt(s / (1 - B2 ** t)) + EPS), m, s


def _adam_corrected_state(p, g, m, s, t):
    m = (B1 * m + (1 - B1) * g) / (1 - B1 ** t)  # the corrected means kept as the state: wrong next step
    s = (B2 * s + (1 - B2) * g * g) / (1 - B2 ** t)
    return p - ETA_ADAM * m / (np.sqrt(s) + EPS), m, s


_rng = np.random.default_rng(12)
ADAM_POINTS = [(np.array([1.0, -2.0]), np.array([0.5, -3.0]), np.zeros(2), np.zeros(2), 1),
               (np.array([0.3]), np.array([2.0]), np.array([0.4]), np.array([0.01]), 3),
               (_rng.normal(size=4), _rng.normal(size=4), 0.1 * _rng.normal(size=4), 0.01 * _rng.random(4), 10),
               (np.array([0.0, 5.0]), np.array([-1.0, 1.0]), np.array([0.2, -0.1]), np.array([0.05, 0.02]), 2)]

# exercise 6: He initialisation for a ReLU layer with n_in = 50 inputs
N_IN = 50

# exercise 7: the negative log-likelihood of t under a Gaussian with mean y and variance σ²
_t, _y = sp.symbols("t y", real=True)
_sigma = sp.symbols("sigma", positive=True)
GAUSS_NLL = (_t - _y) ** 2 / (2 * _sigma ** 2) + sp.log(_sigma) + sp.log(2 * sp.pi) / 2

EXERCISES = {
    "minibatch_variance": Number(
        SIGMA2 / BATCH,
        wrong=[(SIGMA2 / np.sqrt(BATCH), "the variance shrinks as 1/B, not 1/√B (the standard deviation does)."),
               (np.sqrt(SIGMA2 / BATCH), "that is the standard deviation σ/√B; the question asks for the variance."),
               (SIGMA2, "averaging B independent gradients divides the variance by B."),
               (SIGMA2 * BATCH, "the variance of a sum grows with B; of a mean it shrinks: divide by B.")],
        hint="Var(mean of B independent samples) = σ² / B."),
    "heavy_ball_matrix": Array(
        MATRIX,
        wrong=[(heavy_ball_matrix(ETA, -BETA, LAM), "the momentum term is +β(x_k − x_{k−1}): "
                                                      "x_{k−1} enters with −β, the top-left with +β."),
               (np.array([[1 - ETA * LAM, -BETA], [1.0, 0.0]]), "x_k appears twice: in x_k − ηλx_k and in "
                                                                 "β x_k, so the top-left is 1 + β − ηλ."),
               (MATRIX.T, "that is the transpose: the top row must give x_{k+1} from (x_k, x_{k−1})."),
               (np.array([[1 + BETA - ETA * LAM, -BETA], [0.0, 1.0]]), "the bottom row copies x_k into the new "
                                                                         "pair's second slot: (1, 0).")],
        hint="x_{k+1} = (1 + β − ηλ) x_k − β x_{k−1}, and the second row just passes x_k on."),
    "stable_eta_limit": Number(
        2 * (1 + BETA3) / LAM3,
        wrong=[(2 / LAM3, "that is the limit without momentum; momentum raises it to 2(1 + β)/λ."),
               (2 * BETA3 / LAM3, "the limit is 2(1 + β)/λ: 1 + β, not β."),
               ((1 + BETA3) / LAM3, "you left out the factor 2: the limit is 2(1 + β)/λ."),
               (2 * (1 + BETA3) * LAM3, "divide by the curvature λ, do not multiply.")],
        hint="stable for 0 < η < 2(1 + β)/λ."),
    "optimal_rate": Number(
        (np.sqrt(KAPPA) - 1) / (np.sqrt(KAPPA) + 1), rtol=1e-3,
        wrong=[((KAPPA - 1) / (KAPPA + 1), "that is gradient descent's best rate; momentum's uses √κ."),
               (((np.sqrt(KAPPA) - 1) / (np.sqrt(KAPPA) + 1)) ** 2, "that is β* itself; the rate is √β*."),
               (1 / np.sqrt(KAPPA), "the rate is (√κ − 1)/(√κ + 1), close to 1 − 2/√κ for large κ.")],
        hint="rate = (√κ − 1)/(√κ + 1) with κ = λ_max/λ_min."),
    "adam_step": Function(
        adam_step, ADAM_POINTS, vectorised=False,
        wrong=[(_adam_no_correction, "divide m by 1 − β₁ᵗ and s by 1 − β₂ᵗ before the step (bias correction)."),
               (_adam_correct_m_only, "correct s too: ŝ = s/(1 − β₂ᵗ)."),
               (_adam_plus, "the step goes against the gradient: p − η m̂/(√ŝ + ε)."),
               (_adam_corrected_state, "keep the uncorrected m and s as the state; correct only the copies "
                                       "used in the step.")],
        hint="m ← β₁m + (1 − β₁)g, s ← β₂s + (1 − β₂)g², p ← p − η m̂/(√ŝ + ε) with m̂ = m/(1 − β₁ᵗ), "
             "ŝ = s/(1 − β₂ᵗ); return (p, m, s)."),
    "he_std": Number(
        np.sqrt(2 / N_IN),
        wrong=[(2 / N_IN, "that is the variance 2/n_in; the standard deviation is its square root."),
               (np.sqrt(1 / N_IN), "that is LeCun's scale for tanh; ReLU zeroes half the signal, "
                                   "so He doubles the variance: √(2/n_in)."),
               (np.sqrt(2 / (N_IN + 10)), "that is Xavier's (Glorot's) scale √(2/(n_in + n_out)) for tanh; He's scale for "
                                    "ReLU uses the fan-in only: √(2/n_in).")],
        hint="Var(w) = 2/n_in keeps the signal's variance through ReLU layers."),
    "gaussian_nll": Expression(
        GAUSS_NLL,
        wrong=[((_t - _y) ** 2 / 2, "that is the part that depends on y with σ = 1; keep σ and the "
                                    "normalising terms."),
               ((_t - _y) ** 2 / (2 * _sigma ** 2), "add the terms that come from the Gaussian's normalisation: "
                                                     "log σ + ½ log 2π."),
               (-(_t - _y) ** 2 / (2 * _sigma ** 2) - sp.log(_sigma) - sp.log(2 * sp.pi) / 2,
                "that is the log-likelihood; its negative is the loss.")],
        hint="−log( exp(−(t − y)²/(2σ²)) / (σ√(2π)) )."),
    "choose_on_validation": Choice(
        "b", options="abcd",
        hints={"a": "the training error falls as the model grows: it always prefers the biggest model.",
               "c": "once the test set has chosen, its error is no longer an unbiased estimate of new data.",
               "d": "the weights are fitted on the training set; the validation set chooses the settings."}),
    "adam_always_better": TrueFalse(
        False, hint="Wilson et al. (2017): on several tasks adaptive methods reached a lower training loss but "
                    "generalised worse than tuned SGD with momentum; on the digits Adam at its default η trails "
                    "momentum, and at a larger η it is slightly ahead: which wins depends on the settings."),
}
