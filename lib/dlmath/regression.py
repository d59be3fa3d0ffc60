"""Least squares for the line y = p x + q: residuals, the cost C_T, its gradient, the closed form.

    residual        r_k = y_k − (p x_k + q)
    squared error   C_k = ½ r_k²                (the ½ only cancels the 2 of the derivative)
    cost            C_T = Σ_k C_k = ½ Σ_k r_k²
    gradient        ∂C_T/∂p = −Σ_k x_k r_k,     ∂C_T/∂q = −Σ_k r_k
    minimum         ∂C_T/∂p = ∂C_T/∂q = 0, the normal equations, solved in closed form

Data are two arrays x and y of shape (n,). The parameters p and q may be numbers or arrays of one
shape (a grid of lines, e.g. for a contour map): every function then works on all lines at once.

The data set of chapter 05: seven students' heights (cm) and weights (kg), made up for the course
around the rule weight ≈ 52 + 0.5·(height − 160) plus noise. The chapter measures heights from
160 cm, the group's mean: X = HEIGHTS − 160 (see chapter 05 for why this matters to gradient descent).
"""
import numpy as np

from .arrays import as_float_array, expect_shape, read_only
from .datasets import HEIGHT_ORIGIN, HEIGHTS, RULE, WEIGHTS  # noqa: F401  (the chapter's data set)
from .language import translate as _
from .optimize import gradient_descent

X = read_only(HEIGHTS - HEIGHT_ORIGIN)  # height above 160 cm; read-only, as every data set
Y = WEIGHTS


def data(x, y):
    """x and y as float arrays of one shape (n,); a clear error otherwise."""
    x = expect_shape(as_float_array(x, "x"), (None,), "x")
    y = expect_shape(as_float_array(y, "y"), (None,), "y")
    if x.shape != y.shape:
        raise ValueError(_("x and y must both have shape (n,) with the same n, got x of shape {x} "
                           "and y of shape {y}").format(x=x.shape, y=y.shape))
    if x.size == 0:
        raise ValueError(_("x and y must hold at least one data point, got shape (0,)"))
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        raise ValueError(_("x and y must be finite numbers (no nan or inf)"))
    return x, y


def _parameters(p, q):
    """p and q as float arrays of one shape, with a trailing axis to meet the n data points."""
    p, q = as_float_array(p, "p"), as_float_array(q, "q")
    try:
        p, q = np.broadcast_arrays(p, q)
    except ValueError:
        raise ValueError(_("p and q must be numbers or arrays of one shape, got shapes {p} and {q}").format(
            p=p.shape, q=q.shape)) from None
    return p[..., None], q[..., None]


def predict(p, q, x):
    """The model's prediction p x + q at the points x (a number or an array)."""
    p, q, x = as_float_array(p, "p"), as_float_array(q, "q"), as_float_array(x, "x")
    return p * x + q


def residuals(p, q, x, y):
    """r_k = y_k − (p x_k + q), shape (n,) — or p.shape + (n,) for arrays of parameters."""
    x, y = data(x, y)
    p, q = _parameters(p, q)
    return y - (p * x + q)


def squared_errors(p, q, x, y):
    """The squared error of each point, C_k = ½ r_k² (the book's convention, with the ½)."""
    r = residuals(p, q, x, y)
    with np.errstate(over="ignore"):  # a residual beyond 1e154 has a squared error of inf
        return 0.5 * r * r


def cost(p, q, x, y):
    """C_T = ½ Σ_k (y_k − (p x_k + q))²: a float for numbers p, q, else an array of p's shape.

    A cost too large for a float (residuals beyond about 1e154) is inf, without a warning.
    """
    total = np.sum(squared_errors(p, q, x, y), axis=-1)
    return float(total) if total.ndim == 0 else total


def cost_gradient(p, q, x, y):
    """(∂C_T/∂p, ∂C_T/∂q) = (−Σ x_k r_k, −Σ r_k): shape (2,), or p.shape + (2,) for arrays."""
    x, y = data(x, y)
    r = residuals(p, q, x, y)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.stack([-np.sum(x * r, axis=-1), -np.sum(r, axis=-1)], axis=-1)


def cost_hessian(x):
    """The matrix of second derivatives of C_T in (p, q): [[Σx², Σx], [Σx, n]] (the same for every y)."""
    x = expect_shape(as_float_array(x, "x"), (None,), "x")
    return np.array([[np.sum(x * x), np.sum(x)], [np.sum(x), float(x.size)]])


def normal_equations(x, y):
    """The least-squares line (p, q): the solution of ∂C_T/∂p = ∂C_T/∂q = 0.

    The normal equations  p Σx² + q Σx = Σxy,  p Σx + q n = Σy  have the solution
    p = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²,  q = ȳ − p x̄, computed in this centred form because it loses
    fewer digits than solving the 2×2 system when the x are far from 0.
    """
    x, y = data(x, y)
    u, v = x - x.mean(), y - y.mean()
    spread = np.sum(u * u)
    if x.size < 2 or spread == 0:
        raise ValueError(_("the line is not determined: the normal equations need at least two different x "
                           "values, got {count}").format(count=np.unique(x).size))
    p = float(np.sum(u * v) / spread)
    return p, float(y.mean() - p * x.mean())


def largest_stable_eta(x):
    """Gradient descent on C_T converges exactly for 0 < η < 2 / λ_max, λ_max the Hessian's largest eigenvalue."""
    return 2.0 / float(np.linalg.eigvalsh(cost_hessian(x))[-1])


def fit_by_gradient_descent(x, y, eta, steps=1000, start=(0.0, 0.0), tol=1e-8):
    """Gradient descent on C_T(p, q) from `start`: a dlmath.optimize.Descent, path of shape (k + 1, 2)."""
    x, y = data(x, y)
    start = expect_shape(as_float_array(start, "start"), (2,), "start")

    # the same formulas as cost_gradient and cost, without re-checking the data at every step
    def gradient(w):
        r = y - (w[0] * x + w[1])
        return np.array([-(x @ r), -np.sum(r)])

    def total_cost(w):
        r = y - (w[0] * x + w[1])
        return 0.5 * (r @ r)

    return gradient_descent(gradient, start, eta, steps=steps, tol=tol, f=total_cost)


def polynomial_through(x, y):
    """Coefficients c_0, …, c_{n−1} of the polynomial of degree n − 1 through all n points (C_T = 0).

    n parameters, n equations c_0 + c_1 x_k + … + c_{n−1} x_k^{n−1} = y_k: one solution when the x
    are all different.
    """
    x, y = data(x, y)
    if np.unique(x).size != x.size:
        raise ValueError(_("the x values must all be different: no function passes through two points "
                           "with the same x and different y"))
    return np.linalg.solve(np.vander(x, increasing=True), y)


def polynomial_value(coefficients, x):
    """c_0 + c_1 x + … + c_m x^m at the points x."""
    c = expect_shape(as_float_array(coefficients, "coefficients"), (None,), "coefficients")
    return np.polynomial.polynomial.polyval(as_float_array(x, "x"), c)
