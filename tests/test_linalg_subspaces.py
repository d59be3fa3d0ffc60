"""dlmath.linalg's subspaces (chapter 10): rank, column and null spaces against numpy.linalg,
rank–nullity on random and rank-deficient matrices, same_subspace for every basis, and the
eigenvalue tests (spectral radius, diagonalisable or not) against numpy and sympy."""
import numpy as np
import pytest
import sympy as sp

from dlmath import linalg as la

rng = np.random.default_rng(1010)


def low_rank(m, n, r):
    return rng.normal(size=(m, r)) @ rng.normal(size=(r, n))


MATRICES = [rng.normal(size=(3, 5)), rng.normal(size=(5, 3)), rng.normal(size=(4, 4)),
            low_rank(6, 5, 2), low_rank(4, 7, 3), low_rank(5, 5, 1), np.zeros((3, 4)),
            np.array([[1.0, 2, 3], [2, 4, 6], [1, 0, 1]]), np.array([[0.0, 1], [0, 0]])]


@pytest.mark.parametrize("A", MATRICES)
def test_rank_nullity_and_the_bases(A):
    m, n = A.shape
    r = la.rank(A)
    assert r == np.linalg.matrix_rank(A)
    C, N = la.column_space(A), la.null_space(A)
    assert C.shape == (m, r) and N.shape == (n, n - r)  # rank + nullity = n
    np.testing.assert_allclose(C.T @ C, np.eye(r), atol=1e-12)  # orthonormal
    np.testing.assert_allclose(N.T @ N, np.eye(n - r), atol=1e-12)
    scale = max(1.0, np.abs(A).max())
    np.testing.assert_allclose(A @ N, 0, atol=1e-12 * scale)  # A sends the null space to 0
    # every column of A lies in the column space: projecting onto it changes nothing
    np.testing.assert_allclose(C @ (C.T @ A), A, atol=1e-12 * scale)
    # and the column space has the rank's dimension: the columns of A span all of it
    assert la.same_subspace(C, A)


def test_null_space_agrees_with_sympy_on_an_exact_matrix():
    A = [[1, 2, 3], [2, 4, 6], [1, 0, 1]]
    exact = np.array(sp.Matrix(A).nullspace()[0], dtype=float)
    assert la.same_subspace(la.null_space(A), exact)
    assert la.rank(A) == sp.Matrix(A).rank() == 2


def test_the_tolerance_decides_what_counts_as_zero():
    A = np.diag([1.0, 1e-3, 1e-14])
    assert la.rank(A) == 3  # 1e-14 > 3·ε·1 ≈ 6.7e-16
    assert la.rank(A, tol=1e-10) == 2
    assert la.null_space(A, tol=1e-10).shape == (3, 1)
    noisy = low_rank(6, 5, 2) + 1e-13 * rng.normal(size=(6, 5))  # rounding-sized noise
    assert la.rank(noisy) == 5 and la.rank(noisy, tol=1e-9) == 2
    assert la.singular_tolerance(np.array([2.0, 1.0]), (3, 7)) == 7 * np.finfo(float).eps * 2.0


def test_same_subspace_accepts_every_basis_and_nothing_else():
    B = rng.normal(size=(5, 2))
    M = rng.normal(size=(2, 2))  # an invertible change of basis
    assert la.same_subspace(B, B @ M)
    assert la.same_subspace(B, 1e6 * B @ M)
    assert la.same_subspace(B, np.hstack([B, B @ M]))  # a spanning set with repeats: same span
    assert not la.same_subspace(B, B[:, :1])           # a smaller subspace
    assert not la.same_subspace(B, np.hstack([B, rng.normal(size=(5, 1))]))  # a bigger one
    assert not la.same_subspace(B, B + 1e-3 * rng.normal(size=(5, 2)))       # tilted
    assert la.same_subspace(np.zeros((3, 0)), np.zeros((3, 2)))
    with pytest.raises(ValueError, match="same length"):
        la.same_subspace(B, rng.normal(size=(4, 2)))


@pytest.mark.parametrize("A", [rng.normal(size=(4, 4)), np.array([[0.0, -1], [1, 0]]), np.diag([0.5, -2.0, 1.0])])
def test_spectral_radius_is_the_largest_eigenvalue_modulus(A):
    assert la.spectral_radius(A) == pytest.approx(np.max(np.abs(np.linalg.eigvals(A))), rel=1e-14)


def test_spectral_radius_decides_stability():
    Q = np.linalg.qr(rng.normal(size=(4, 4)))[0]
    for rho, grows in ((0.9, False), (1.1, True)):
        A = Q @ np.diag([rho, 0.5, -0.3, 0.1]) @ Q.T
        assert la.spectral_radius(A) == pytest.approx(rho)
        x = rng.normal(size=4)
        for _ in range(200):
            x = A @ x
        assert (np.linalg.norm(x) > 1e3) == grows


CASES = [([[0, 1], [0, 0]], False), ([[2, 1], [0, 2]], False), ([[2, 0], [0, 2]], True),
         ([[1, 2], [3, 4]], True), ([[0, -1], [1, 0]], True), ([[1, 1, 0], [0, 1, 0], [0, 0, 2]], False),
         ([[1, 0, 0], [0, 1, 0], [0, 0, 2]], True), ([[0, 1, 0], [0, 0, 1], [0, 0, 0]], False),
         ([[3, 1], [0, 3.000001]], True)]


@pytest.mark.parametrize("A, expected", CASES)
def test_is_diagonalisable_against_sympy(A, expected):
    assert la.is_diagonalisable(A, tol=1e-7) == expected
    exact = sp.Matrix(sp.nsimplify(sp.Matrix(A)))
    assert exact.is_diagonalizable() == expected


def test_random_matrices_are_diagonalisable():
    assert all(la.is_diagonalisable(rng.normal(size=(5, 5))) for _ in range(20))


def test_shape_errors():
    with pytest.raises(ValueError, match="square"):
        la.spectral_radius(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"shape \(m, n\)"):
        la.rank(np.ones(3))
    with pytest.raises(ValueError, match="inf or nan"):
        la.null_space([[1.0, np.nan]])


def test_a_complex_array_with_zero_imaginary_parts_is_a_real_matrix():
    # what numpy ≥ 2.5's eig gives for real eigenvalues; null_space(A − λI) must take it
    A = np.array([[2.0, 1.0], [0.0, 3.0]])
    lam = np.array([2.0 + 0j, 3.0 + 0j])
    E = la.null_space(A - lam[0] * np.eye(2))
    assert E.shape == (2, 1) and np.allclose(A @ E, 2.0 * E)
    with pytest.raises(TypeError, match="complex"):
        la.null_space(np.array([[1.0, 1j], [0.0, 1.0]]))
