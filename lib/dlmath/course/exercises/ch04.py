"""Chapter 04 · Gradient descent."""
import numpy as np
import sympy as sp

from ..checks import Array, Choice, Expression, Function, Number, TrueFalse

TITLE = "Gradient descent"

# exercise 1: the steepest step of length 0.26 where ∇f = (−5, 12), of length 13
GRAD_P, STEP_LENGTH = np.array([-5.0, 12.0]), 0.26
STEEPEST = -STEP_LENGTH * GRAD_P / np.linalg.norm(GRAD_P)

# exercises 2, 3: the gradient of g(x, y) = x²·e^y + y²
_x, _y = sp.symbols("x y")
_g = _x ** 2 * sp.exp(_y) + _y ** 2

# exercise 4: one step on f(x, y) = x² + 3y² from p = (1, 2) with η = 0.1
P, ETA = np.array([1.0, 2.0]), 0.1
GRAD_F = np.array([2 * P[0], 6 * P[1]])


def _step(x, grad, eta):
    return np.asarray(x, dtype=float) - eta * np.asarray(grad, dtype=float)


# each call gets fresh copies (the engine's rule): an in-place `x -= …` is named, and harms nothing
STEP_POINTS = [(1.0, 2.0, 0.1), (-2.0, -4.0, 0.25), (3.0, 0.0, 0.5),
               (np.array([1.0, 2.0]), np.array([2.0, 12.0]), 0.1),
               (np.array([0.0, 0.0, 0.0]), np.array([1.0, -1.0, 2.0]), 0.5),
               (np.array([3.0, -1.0]), np.array([0.5, 0.25]), 2.0)]

# exercise 6: f(x) = x², x0 = 1, η = 0.25 — each step multiplies x by 1 − 2η = 1/2
STEPS_TO_TOL = int(np.ceil(np.log(1e-3) / np.log(0.5)))  # first k with 0.5^k < 10⁻³

EXERCISES = {
    "steepest_step": Array(
        STEEPEST,
        wrong=[(-STEEPEST, "that step goes uphill: ∇f points uphill, so step along −∇f."),
               (-STEP_LENGTH * GRAD_P, "that is −0.26·∇f, of length 3.38; divide ∇f by its length ‖∇f‖ = 13 first."),
               (-GRAD_P, "that is −∇f itself, of length 13; scale it to length 0.26."),
               (-GRAD_P / np.linalg.norm(GRAD_P), "that is the unit direction −∇f/‖∇f‖, of length 1; "
                                                  "the step should have length 0.26.")],
        hint="Δx = −0.26 · ∇f / ‖∇f‖ with ‖∇f‖ = 13."),
    "gradient_x": Expression(
        2 * _x * sp.exp(_y),
        wrong=[(_x ** 2 * sp.exp(_y), "that is the term x²·e^y itself; differentiate x² (e^y is a constant factor)."),
               (2 * _x, "e^y is a constant factor when you differentiate by x: keep it, 2x·e^y."),
               (2 * _x * sp.exp(_y) + 2 * _y, "y² does not depend on x, so its x-derivative is 0."),
               (_x ** 2 * sp.exp(_y) + 2 * _y, "that is ∂g/∂y; differentiate by x instead.")],
        hint="hold y fixed: e^y is then a constant factor (sp.diff(g_sym, x))."),
    "gradient_y": Expression(
        _x ** 2 * sp.exp(_y) + 2 * _y,
        wrong=[(2 * _x * sp.exp(_y), "that is ∂g/∂x; differentiate by y instead."),
               (_x ** 2 * sp.exp(_y), "y² depends on y too: add its derivative 2y."),
               (sp.exp(_y) + 2 * _y, "x² is a constant factor when you differentiate by y: x²·e^y gives x²·e^y."),
               (_x ** 2 * sp.exp(_y) + _y, "the derivative of y² is 2y, not y.")],
        hint="hold x fixed: the derivative of e^y is e^y, of y² is 2y (sp.diff(g_sym, y))."),
    "update_step": Array(
        P - ETA * GRAD_F,
        wrong=[(P + ETA * GRAD_F, "you stepped uphill: the update subtracts η∇f."),
               (P - GRAD_F, "that is p − ∇f: multiply the gradient by η = 0.1 first."),
               (ETA * GRAD_F, "that is η∇f, the size of the step; subtract it from p."),
               (-ETA * GRAD_F, "that is the step Δp = −η∇f alone; the new point is p + Δp."),
               (P - ETA * P * np.array([1.0, 3.0]), "∇f = (2x, 6y): differentiate x² and 3y², don't just copy the coefficients.")],
        hint="∇f = (2x, 6y) at p = (1, 2); new point = p − 0.1·∇f."),
    "gradient_step": Function(
        _step, STEP_POINTS, vectorised=False,
        wrong=[(lambda x, g, e: np.asarray(x, float) + e * np.asarray(g, float),
                "that steps uphill: subtract η·grad, don't add it."),
               (lambda x, g, e: np.asarray(x, float) - np.asarray(g, float),
                "η is missing: the step is η·grad."),
               (lambda x, g, e: np.asarray(x, float) - e * np.asarray(x, float),
                "multiply η by the gradient, not by x."),
               (lambda x, g, e: -e * np.asarray(g, float),
                "that is the step Δx = −η·grad alone; return the new point x + Δx.")],
        hint="return x − eta·grad (it works for numbers and for numpy arrays alike)."),
    "steps_to_tolerance": Number(
        STEPS_TO_TOL,
        wrong=[(STEPS_TO_TOL - 1, "after 9 steps |x| = 0.5⁹ ≈ 0.00195 is not yet below 10⁻³."),
               (STEPS_TO_TOL + 1, "after 10 steps |x| = 0.5¹⁰ ≈ 0.00098 is already below 10⁻³."),
               (int(np.ceil(np.log(1e-3) / np.log(0.75))),
                "the derivative of x² is 2x, not x: each step multiplies x by 1 − 2·0.25 = 0.5.")],
        hint="each step multiplies x by 1 − 2η = 0.5; find the first k with 0.5ᵏ < 0.001."),
    "largest_stable_eta": Number(
        2 / 6, rtol=2e-3,
        wrong=[(2 / 3, "the curvature of 3x² is f'' = 6, not 3: use the second derivative."),
               (1 / 6, "η = 1/f'' lands on the minimum in one step; stable learning rates go up to twice that.")],
        hint="for a parabola each step multiplies the distance to the minimum by 1 − η f''; "
             "it must stay above −1."),
    "above_threshold": Choice(
        "c", options="abcd",
        hints={"a": "along the steepest eigenvector one step multiplies the distance by 1 − ηλ_max < −1: "
                    "it grows.",
               "b": "bigger steps overshoot: past 2/λ_max every step lands farther away on the other side.",
               "d": "the steps do not shrink to zero; they grow, because |1 − ηλ_max| > 1."}),
    "gradient_points_to_minimum": TrueFalse(
        False, hint="−∇f(2, 1) = (−4, −20), but the minimum (0, 0) lies in the direction (−2, −1): "
                    "these are not parallel."),
}
