"""Chapter 10: a 2×2 matrix A = [[a, b], [c, d]] on sliders maps the unit circle and a square grid;
its real eigenvectors are drawn as the lines A leaves in place (each only stretched, by its λ).

The compute function `map_picture` is pure (unit-tested); `eigen_explorer` wires it to four sliders.
A rotation by an angle other than 0 and π has complex eigenvalues and no real eigenvector: no line
through 0 stays put, and the figure says so (the rotations by 0 and π are I and −I, for which every
vector is an eigenvector). The readout also compares the rank with the number of non-zero eigenvalues:
they agree exactly when rank A = rank A² (the eigenvalue 0 is semisimple).
"""
import numpy as np

from ..course.explorer import Explorer, new_figure, slider
from ..course.language import translate as _

LIMIT = 3.2                 # the axes show [−LIMIT, LIMIT]² (the sliders keep images inside)
THETA = np.linspace(0, 2 * np.pi, 181)
GRID = np.linspace(-1, 1, 5)  # grid lines x = const and y = const through the square [−1, 1]²


def _grid_points():
    """All grid lines as one polyline, separated by nan so that matplotlib breaks the line there."""
    t = np.linspace(-1, 1, 21)
    pieces = []
    for g in GRID:
        pieces += [np.stack([np.full_like(t, g), t]), np.full((2, 1), np.nan),
                   np.stack([t, np.full_like(t, g)]), np.full((2, 1), np.nan)]
    return np.hstack(pieces)


GRID_POINTS = _grid_points()  # shape (2, k)


def real_eigen(A, tol=1e-9):
    """The real eigenpairs of a 2×2 A as a list [(λ, unit v)], and the eigenvalues as numpy returns them.
    Complex eigenvalues (imaginary part above tol·max(1, ‖A‖)) give an empty list."""
    A = np.asarray(A, dtype=np.float64)
    lam, vecs = np.linalg.eig(A)
    if np.any(np.abs(lam.imag) > tol * max(1.0, np.linalg.norm(A, 2))):
        return [], lam
    pairs = []
    for k in np.argsort(-lam.real):
        v = vecs[:, k].real
        pairs.append((float(lam[k].real), v / np.linalg.norm(v)))
    return pairs, lam


def _num(x):
    """x with two decimals, and never "-0.00" (rounding noise of a zero eigenvalue can be −1e-17)."""
    return f"{round(float(x), 2) + 0.0:.2f}"


def describe(A, pairs, lam):
    """A one-line description of the eigen-structure of a 2×2 A."""
    A = np.asarray(A, dtype=np.float64)
    if not pairs:
        return _("no real eigenvectors: λ = {re} ± {im}i (a rotation part)").format(
            re=_num(lam[0].real), im=_num(abs(lam[0].imag)))
    (l1, v1), (l2, v2) = pairs
    if np.allclose(A, l1 * np.eye(2)):
        return _("A = {lam}·I: every vector is an eigenvector, λ = {lam}").format(lam=_num(l1))
    if abs(abs(v1 @ v2) - 1) < 1e-6:
        return _("λ = {lam} twice but one eigenvector line: not diagonalisable").format(lam=_num(l1))
    return f"λ₁ = {_num(l1)}, λ₂ = {_num(l2)}"


def rank_and_nonzero(A, tol=1e-9):
    """(rank A, rank A², number of non-zero eigenvalues counted with multiplicity) for a 2×2 A.

    The count comes from the characteristic polynomial λ² − (tr A) λ + det A: 0 is a double root when
    tr A = det A = 0, a single root when only det A = 0. Reading it off the coefficients avoids the
    rounding of a defective eigenvalue 0, which eig returns as a tiny non-zero number. Entries of the
    size of the sliders' steps are compared with tol·max(1, ‖A‖)."""
    A = np.asarray(A, dtype=np.float64)
    size = max(1.0, float(np.linalg.norm(A, 2)))
    zero_det = abs(np.linalg.det(A)) <= tol * size ** 2
    zero_trace = abs(np.trace(A)) <= tol * size
    nonzero = 2 - int(zero_det) - int(zero_det and zero_trace)
    s1 = np.linalg.svd(A, compute_uv=False)
    s2 = np.linalg.svd(A @ A, compute_uv=False)
    return int(np.sum(s1 > tol * size)), int(np.sum(s2 > tol * size ** 2)), nonzero


def map_picture(a, b, c, d):
    """Where A = [[a, b], [c, d]] sends the unit circle and the grid, and its eigenvector lines.

    Returns {"circle": (x, y), "grid": (x, y), "eig1": (x, y), "eig2": (x, y), "readout": str};
    an eigenvector line is drawn from −LIMIT·v to LIMIT·v, and is all nan when there is none."""
    A = np.array([[a, b], [c, d]], dtype=np.float64)
    circle = A @ np.stack([np.cos(THETA), np.sin(THETA)])
    grid = A @ GRID_POINTS
    pairs, lam = real_eigen(A)
    out = {"circle": (circle[0], circle[1]), "grid": (grid[0], grid[1])}
    for k, name in enumerate(("eig1", "eig2")):
        if k < len(pairs):
            v = pairs[k][1] * 2 * LIMIT
            out[name] = (np.array([-v[0], v[0]]), np.array([-v[1], v[1]]))
        else:
            out[name] = (np.full(2, np.nan), np.full(2, np.nan))
    r1, r2, nonzero = rank_and_nonzero(A)
    template = _("{eigen}\ndet A = {det} (area factor)\nrank A = {r1}, rank A² = {r2}; non-zero λ: {nonzero}")
    out["readout"] = template.format(eigen=describe(A, pairs, lam), det=_num(np.linalg.det(A)), r1=r1, r2=r2,
                                     nonzero=nonzero)
    return out


def eigen_explorer(a=1.5, b=0.5, c=0.5, d=1.0):
    """Four sliders for the entries of A; the image of the unit circle and grid, and the eigenvector lines."""
    fig, (ax,) = new_figure(width=5.2, height=5.2)
    ax.set(xlim=(-LIMIT, LIMIT), ylim=(-LIMIT, LIMIT), aspect="equal")
    ax.axhline(0, color="0.8", lw=0.8)
    ax.axvline(0, color="0.8", lw=0.8)
    ax.plot(np.cos(THETA), np.sin(THETA), color="0.7", ls="--", lw=1, label=_("unit circle"))
    ax.plot(*GRID_POINTS, color="0.85", lw=0.8)
    lines = {"grid": ax.plot([], [], color="C0", lw=0.8, alpha=0.6)[0],
             "circle": ax.plot([], [], color="C0", lw=2, label=_("A · (unit circle)"))[0],
             "eig1": ax.plot([], [], color="C3", lw=1.8, label=_("eigenvector lines"))[0],
             "eig2": ax.plot([], [], color="C3", lw=1.8, ls=":")[0]}
    ax.legend(loc="lower right", fontsize=8)
    readout = ax.text(0.02, 0.98, "", transform=ax.transAxes, va="top", fontsize=9,
                      bbox=dict(fc="white", ec="0.8", alpha=0.9))
    controls = {name: slider(value, -2, 2, 0.05, name) for name, value in zip("abcd", (a, b, c, d))}
    return Explorer(fig, lines, controls, map_picture, texts={"readout": readout})
