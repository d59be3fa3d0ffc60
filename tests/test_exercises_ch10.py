"""Chapter 10's exercises: the basis check accepts every basis of the null space and nothing else, the
exercise data match the lib, and every typical mistake gives a value of its own."""
import numpy as np
import pytest

from dlmath import linalg, ops
from dlmath.course.exercises import ch10 as c
from exercise_asserts import fails_with, passes

rng = np.random.default_rng(100)


@pytest.mark.parametrize("seed", range(25))
def test_any_basis_of_the_null_space_passes(seed):
    M = np.random.default_rng(seed).normal(size=(2, 2))  # a random change of basis (invertible a.s.)
    assert abs(np.linalg.det(M)) > 1e-3
    passes("10.null_space_basis", c.NULL_BASIS @ M)
    Q = np.linalg.qr(c.NULL_BASIS @ M)[0]  # an orthonormal one
    passes("10.null_space_basis", Q)


def test_anything_but_a_basis_fails():
    N = c.NULL_BASIS
    fails_with("10.null_space_basis", N + 1e-3 * rng.normal(size=N.shape), "is not in the null space")
    fails_with("10.null_space_basis", N[:, 1], "do not span it")
    fails_with("10.null_space_basis", np.hstack([N, (N @ [1.0, 1.0])[:, None]]),
               "linearly dependent")
    fails_with("10.null_space_basis", np.eye(4), "is not in the null space")
    fails_with("10.null_space_basis", c.A_NULL[:2].T, "row space")


def test_the_data_match_the_lib():
    assert linalg.rank(c.A_RN) == 2 and linalg.null_space(c.A_RN).shape == (6, 4)
    assert linalg.same_subspace(linalg.null_space(c.A_NULL), c.NULL_BASIS)
    np.testing.assert_allclose(c.A_NULL @ c.NULL_BASIS, 0)
    assert linalg.rank(c.W_DENSE) == 2 < min(c.W_DENSE.shape)  # the shape is not the answer
    np.testing.assert_allclose(np.sort(np.linalg.eigvals(c.A_EIG)), [2, 5])
    assert c.RHO > 1 > 0.5
    out, P = ops.scaled_dot_product_attention(c.Q_ROW[None], c.K_ROWS, c.V_ROWS)
    np.testing.assert_allclose(P[0], c.WEIGHTS_ROW)
    np.testing.assert_allclose(out[0], c.OUTPUT_ROW)
    np.testing.assert_array_equal(c.CAUSAL4, ops.causal_mask(4))
    X = rng.normal(size=(c.N_TOK, c.D_MODEL))
    W = rng.normal(size=(c.D_MODEL, c.D_MODEL))
    Qh = ops.split_heads(X @ W, c.HEADS)
    _, P = ops.multi_head_attention(X, W, W, W, W, c.HEADS)
    np.testing.assert_array_equal(c.SHAPES, [Qh.shape, P.shape])


def test_eigenvalues_in_any_order():
    passes("10.eigenvalues", [5.0, 2.0])
    passes("10.eigenvalues", [2.0004, 4.9996])
    fails_with("10.eigenvalues", [2.0, 5.01], "three decimals")
