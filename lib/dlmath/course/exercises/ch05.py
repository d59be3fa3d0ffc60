"""Chapter 05 · Least squares: fitting a line."""
import numpy as np
import sympy as sp

from ... import regression as reg
from ..checks import Array, Choice, Expression, Function, Number

TITLE = "Least squares: fitting a line"

X, Y, N = reg.X, reg.Y, reg.X.size
GUESS = (0.4, 50.0)  # the line y = 0.4 x + 50 of exercises 1 and 2
R_GUESS = Y - (GUESS[0] * X + GUESS[1])
P_BEST, Q_BEST = reg.normal_equations(X, Y)

# ∂C_T/∂p with the data as exact fractions, in the symbols p and q
_p, _q = sp.symbols("p q")
_xs = [sp.Rational(str(v)) for v in X]
_ys = [sp.Rational(str(v)) for v in Y]
_C_T = sum(sp.Rational(1, 2) * (yk - (_p * xk + _q)) ** 2 for xk, yk in zip(_xs, _ys))
DC_DP, DC_DQ = sp.diff(_C_T, _p), sp.diff(_C_T, _q)  # Σx = 0 (centred heights): q cancels from ∂C_T/∂p
_hs = [sp.Rational(str(v)) for v in reg.HEIGHTS]
DC_DP_CM = sp.diff(sum(sp.Rational(1, 2) * (yk - (_p * hk + _q)) ** 2 for hk, yk in zip(_hs, _ys)), _p)

# the two students of exercise 7: the shortest and the tallest
TWO = np.array([int(np.argmin(X)), int(np.argmax(X))])
(X1, X2), (Y1, Y2) = X[TWO], Y[TWO]
P_TWO = (Y2 - Y1) / (X2 - X1)
Q_TWO = Y1 - P_TWO * X1

SUM_X2 = float(np.sum(X * X))
C_BEST = reg.cost(P_BEST, Q_BEST, X, Y)
# the highest point of the exact-fit polynomial of degree 6 between the shortest and the tallest student
_between = np.linspace(X.min(), X.max(), 2001)
POLY_PEAK = float(np.max(reg.polynomial_value(reg.polynomial_through(X, Y), _between)))


def _cost(p, q):
    return reg.cost(p, q, X, Y)


EXERCISES = {
    "residuals": Array(
        R_GUESS,
        wrong=[(GUESS[0] * X + GUESS[1], "those are the predictions p x + q; the residual is y − (p x + q)."),
               (R_GUESS ** 2, "those are the squared residuals; the residual itself is y − (p x + q)."),
               (0.5 * R_GUESS ** 2, "those are the squared errors ½ r²; the residual itself is y − (p x + q)."),
               (Y - GUESS[0] * X, "the intercept q = 50 is missing from the prediction p x + q.")],
        hint="r_k = y_k − (p x_k + q) with p = 0.4, q = 50, one entry per student."),
    "cost_value": Number(
        0.5 * np.sum(R_GUESS ** 2),
        wrong=[(np.sum(R_GUESS ** 2), "that is Σ r², twice C_T — you forgot the ½."),
               (0.5 * np.sum(R_GUESS), "that is ½ Σ r — square each residual before adding."),
               (np.sum(R_GUESS), "that is Σ r — square each residual, add, then halve."),
               (0.5 * np.mean(R_GUESS ** 2), "that is the mean; C_T is the sum over the students, not the mean."),
               (np.mean(R_GUESS ** 2), "that is the mean squared error; C_T = ½ Σ r² is a sum, with a ½."),
               (0.5 * np.sum(np.abs(R_GUESS)) ** 2, "square each residual first, then add them up.")],
        hint="C_T = ½ Σ_k (y_k − (p x_k + q))² with p = 0.4, q = 50."),
    "cost_function": Function(
        _cost, [GUESS, (0.0, 0.0), (P_BEST, Q_BEST), (-1.0, 70.0), (2.0, -5.0), (1e3, -1e3), (0.5, 52.0)],
        vectorised=False,
        wrong=[(lambda p, q: 2 * _cost(p, q), "your cost is twice C_T: the ½ is missing."),
               (lambda p, q: _cost(p, q) / N, "your cost is C_T / n, a mean; C_T sums over the students."),
               (lambda p, q: 2 * _cost(p, q) / N, "that is the mean squared error; C_T = ½ Σ r² sums, with a ½."),
               (lambda p, q: 0.5 * np.sum(Y - (p * X + q)), "square the residuals before adding them.")],
        hint="return 0.5 * np.sum((y - (p * x + q)) ** 2) with the data x, y."),
    "dC_dp": Expression(
        DC_DP,
        wrong=[(2 * DC_DP, "that is the derivative of Σ r², without the ½ — the ½ cancels the 2."),
               (DC_DQ, "that is ∂C_T/∂q; differentiate with respect to p."),
               (-DC_DP, "off by a sign: the inner derivative of y_k − (p x_k + q) by p is −x_k."),
               (_C_T, "that is C_T itself; differentiate it with sp.diff(C_T, p)."),
               (DC_DP_CM, "that is built on the heights in cm; the chapter's x is the height − 160 cm "
                          "(then Σx = 0 and q drops out of ∂C_T/∂p).")],
        hint="sp.diff(C_T, p), or −Σ x_k (y_k − (p x_k + q)) built from the data."),
    "fit": Array(
        [P_BEST, Q_BEST], rtol=1e-4,  # four significant digits, e.g. [0.5263, 52.07], are the line
        wrong=[([Q_BEST, P_BEST], "the order is (p, q): slope first, then intercept."),
               (reg.normal_equations(reg.HEIGHTS, Y), "that q belongs to heights in cm; here x = height − 160."),
               (list(reg.RULE), "(0.5, 52) is the rule the numbers were made up around; the best line for "
                                "these seven noisy students is a little different — solve the normal equations.")],
        hint="solve ∂C_T/∂p = ∂C_T/∂q = 0 for p and q, e.g. with sp.solve."),
    "eta_limit": Number(
        2 / SUM_X2, rtol=5e-3,  # 0.0118 (three digits) is right; the nearest wrong answer is 4 % away
        wrong=[(1 / SUM_X2, "η = 1/Σx² brings p to p* in one step; the factor 1 − ηΣx² only leaves [−1, 1] "
                            "at twice that."),
               (2 / N, "2/n is the limit for q alone; p, with the larger curvature Σx² = 169, diverges first."),
               (1 / N, "1/n brings q to q* in one step; the limit is set by p's curvature Σx²."),
               (2 / (SUM_X2 + N), "2/(Σx² + n) balances the speeds of p and q; it is not the largest stable η.")],
        hint="p_(t+1) − p* = (1 − η Σx²)(p_t − p*) shrinks only while |1 − η Σx²| < 1."),
    "two_point_line": Array(
        [P_TWO, Q_TWO], rtol=1e-4,
        wrong=[([Q_TWO, P_TWO], "the order is (p, q): slope first, then intercept."),
               ([1 / P_TWO, Q_TWO], "the slope is Δy/Δx, not Δx/Δy."),
               ([P_TWO, Y1 + P_TWO * X1], "the line through (x₁, y₁) has q = y₁ − p x₁.")],
        hint="p = (y₂ − y₁)/(x₂ − x₁), then q = y₁ − p x₁."),
    "exact_fit_parameters": Number(
        12, wrong=[(11, "11 is the degree; a polynomial of degree 11 has 12 coefficients c₀, …, c₁₁."),
                   (2, "a line has 2 parameters; it passes through 2 points, not 12."),
                   (13, "13 coefficients also fit, but one is spare: 12 equations need only 12 unknowns.")],
        hint="one parameter for each equation y_k = f(x_k)."),
    "nonzero_cost": Choice(
        "b", options="abcd",
        hints={"a": f"a polynomial with 7 parameters does reach C_T = 0 — and swings up to {POLY_PEAK:.0f} kg "
                    "between two students (see the Careful box above). C_T = 0 is not the goal.",
               "c": f"the normal equations give the exact minimiser, and its C_T is the same ≈ {C_BEST:.2f}.",
               "d": "the ½ halves C_T; it cannot make it 0 and does not move the minimiser."}),
}
