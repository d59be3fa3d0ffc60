"""Chapter 10's exercises: the basis check accepts every basis of the null space and nothing else, the
exercise data match the lib, every exercise's premise holds, and every typical mistake gives a value of
its own."""
import itertools

import numpy as np
import pytest
import sympy as sp

from dlmath import linalg, ops
from dlmath.course.checks import Array, Choice, Number
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
    fails_with("10.null_space_basis", [N[:, 0], N[:, 1]], "put the basis vectors in the columns")


def test_the_data_match_the_lib():
    assert linalg.rank(c.A_RN) == 2 and linalg.null_space(c.A_RN).shape == (6, 4)
    assert linalg.same_subspace(linalg.null_space(c.A_NULL), c.NULL_BASIS)
    np.testing.assert_allclose(c.A_NULL @ c.NULL_BASIS, 0)
    np.testing.assert_allclose(np.sort(np.linalg.eigvals(c.A_EIG)), [2, 5])
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


# ---------------------------------------------------------------- the premise of every exercise

def test_only_option_a_is_a_subspace():
    samples = rng.normal(size=(500, 2))
    plane_a = np.column_stack([samples, samples[:, 0] + 2 * samples[:, 1]])  # points with x + 2y − z = 0
    member = c.SUBSPACE_OPTIONS
    assert member["a"](np.zeros(3)) and member["a"](plane_a).all()
    assert member["a"](plane_a + plane_a[::-1]).all() and member["a"](-3.7 * plane_a).all()
    # each other option has the counterexample its hint names
    assert not member["b"](np.zeros(3))
    assert member["c"](np.array([1.0, 0, 0])) and not member["c"](np.array([-1.0, 0, 0]))
    assert member["d"](np.array([1.0, 0, 0])) and member["d"](np.array([0.0, 1, 0]))
    assert not member["d"](np.array([1.0, 1, 0]))


def test_b_lies_in_the_span_with_unique_coefficients_that_no_shortcut_gives():
    A = np.column_stack([c.A1, c.A2])
    assert linalg.rank(A) == 2 and linalg.same_subspace(np.column_stack([A, c.B_SPAN]), A)
    np.testing.assert_allclose(A @ c.SPAN_COEFFICIENTS, c.B_SPAN)
    assert c.A1 @ c.A2 != 0  # projections are not the coefficients
    assert not np.allclose(A[:2], A[:2].T)  # the vectors in the rows give other numbers


def test_the_rank_of_A_rn_differs_from_its_rows_and_columns():
    assert len({linalg.rank(c.A_RN), *c.A_RN.shape}) == 3
    assert linalg.rank(c.A_RN[:3]) == 2  # the first three rows alone are dependent too


def test_the_dense_layer_does_not_have_full_column_rank():
    # otherwise [rows, columns] — the shape — would pass for [m, dimension]
    assert linalg.rank(c.W_DENSE) == 2 < c.W_DENSE.shape[1]
    assert len({*c.W_DENSE.shape, linalg.rank(c.W_DENSE), linalg.null_space(c.W_DENSE).shape[1]}) == 4


def test_the_eigenvalue_matrix_is_not_triangular():
    assert c.A_EIG[0, 1] != 0 and c.A_EIG[1, 0] != 0


def test_exactly_one_option_is_invariant_and_it_holds_no_real_eigenvector():
    invariant = {k: linalg.same_subspace(np.hstack([S, c.A_INV @ S]), S) for k, S in c.INVARIANT_OPTIONS.items()}
    assert invariant == {"a": False, "b": False, "c": True, "d": False}
    S = c.INVARIANT_OPTIONS["c"]
    restricted = S.T @ c.A_INV @ S  # A on the plane, in the basis e2, e3
    assert np.all(np.abs(np.linalg.eigvals(restricted).imag) > 0.5)  # ±i: no eigenvector in the plane
    assert linalg.same_subspace(np.hstack([c.INVARIANT_OPTIONS["b"], c.A_INV[:, [0]]]), c.INVARIANT_OPTIONS["b"])


def test_the_eigenspace_table_follows_from_the_definitions():
    E2 = linalg.null_space(c.A_ES - 2 * np.eye(3))
    assert E2.shape == (3, 2)
    lam = np.sort(np.real_if_close(np.linalg.eigvals(c.A_ES)))
    np.testing.assert_allclose(lam, [2, 2, 5])
    for v, in_e2, eig in zip(c.ES_VECTORS, c.IN_E2, c.IS_EIGENVECTOR):
        assert linalg.same_subspace(np.column_stack([E2, v]), E2) == in_e2
        is_eig = bool(np.any(v != 0)) and linalg.rank(np.column_stack([v, c.A_ES @ v])) == 1
        assert is_eig == eig
    zero = np.flatnonzero(np.all(c.ES_VECTORS == 0, axis=1))
    assert zero.size == 1 and c.IN_E2[zero[0]] and not c.IS_EIGENVECTOR[zero[0]]  # the point of the exercise
    assert (c.IS_EIGENVECTOR & ~c.IN_E2).any()  # an eigenvector of the other eigenvalue


def test_rank_vs_eigenvalues_is_decided_by_rank_A_squared():
    for M, answer in zip(c.RANK_MATRICES, c.COUNT_IS_RANK):
        exact = sp.Matrix(M.astype(int))
        nonzero = sum(m for lam, m in exact.eigenvals().items() if lam != 0)
        assert (nonzero == exact.rank()) == answer
        assert (exact.rank() == (exact * exact).rank()) == answer
        assert exact.is_diagonalizable() == linalg.is_diagonalisable(M)
    # diagonalisable is sufficient, not necessary: some non-diagonalisable matrix has count = rank,
    # with and without an eigenvalue 0
    equal_not_diag = [M for M, a, d in zip(c.RANK_MATRICES, c.COUNT_IS_RANK, c.DIAGONALISABLE) if a and not d]
    assert any(linalg.rank(M) == len(M) for M in equal_not_diag)
    assert any(linalg.rank(M) < len(M) for M in equal_not_diag)
    patterns = [c.COUNT_IS_RANK, c.DIAGONALISABLE, c.INVERTIBLE, np.ones(len(c.RANK_MATRICES), bool)]
    assert len({tuple(p) for p in patterns}) == 4


def test_the_recurrence_grows_though_the_diagonal_is_small():
    assert c.RHO > 1 > np.abs(np.diag(c.A_RHO)).max()
    x = rng.normal(size=2)
    sizes = []
    for _ in range(200):
        x = c.A_RHO @ x
        sizes.append(np.linalg.norm(x))
    assert sizes[-1] > 1e8 and sizes[-1] > sizes[99] > 1.0
    assert c.EXERCISES["stability_verdict"].answer == "b"


def test_attention_data_separate_d_k_from_the_number_of_keys():
    assert c.K_ROWS.shape[1] != c.K_ROWS.shape[0]  # d_k = 2, three keys
    assert c.V_ROWS.shape[1] == 2 and c.V_ROWS.shape[0] == 3


def test_the_multi_head_numbers_are_all_different():
    assert len({c.N_TOK, c.D_MODEL, c.HEADS, c.D_HEAD}) == 4


# ---------------------------------------------------------------- mistakes give values of their own

def _values(kind):
    if isinstance(kind, (Number, Array)):
        return [kind.expected] + [np.asarray(v, float) for v, _ in kind.wrong]
    return []


@pytest.mark.parametrize("name", [n for n, k in c.EXERCISES.items() if isinstance(k, (Number, Array))])
def test_the_declared_mistakes_and_the_answer_are_all_different(name):
    kind = c.EXERCISES[name]
    for a, b in itertools.combinations(_values(kind), 2):
        if np.shape(a) == np.shape(b):
            assert not np.allclose(a, b, rtol=kind.rtol, atol=kind.atol), (name, a, b)


@pytest.mark.parametrize("name", [n for n, k in c.EXERCISES.items() if isinstance(k, Choice)])
def test_every_wrong_option_has_its_own_hint(name):
    kind = c.EXERCISES[name]
    hints = [kind.hints.get(o) for o in kind.options if o != kind.answer]
    assert all(hints) and len(set(hints)) == len(hints)


def test_release_0_1_answers_to_the_changed_exercises_still_pass_but_no_longer_count():
    from dlmath.course import exercises
    passes("10.dense_image", [5, 3])  # a copy made by release 0.1 carries the old W (full column rank)
    passes("10.multi_head_shapes", [[8, 10, 8], [8, 10, 10]])
    assert "10.dense_image" not in exercises.EXERCISES and "10.multi_head_shapes" not in exercises.EXERCISES
    fails_with("10.image_dimension", [5, 3], "not independent")
    fails_with("10.head_shapes", [[8, 10, 8], [8, 10, 10]], "which is not it")
