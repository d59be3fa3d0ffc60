"""dlmath.linalg: values against definitions and sympy, derivatives against central differences,
extreme inputs without warnings, and error messages that name the expected shapes."""
import warnings

import numpy as np
import pytest
import sympy as sp

from dlmath import linalg as la
from dlmath.calculus import gradient

RNG = np.random.default_rng(20240202)
PAIRS = [(RNG.normal(size=n), RNG.normal(size=n)) for n in (1, 2, 3, 5, 12)]


@pytest.fixture
def strict():
    """Any numpy floating-point warning (overflow, 0/0, …) becomes an error inside the test."""
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
        warnings.simplefilter("error")
        yield


# ---------------------------------------------------------------- norm, inner

@pytest.mark.parametrize("a, b", PAIRS)
def test_norm_and_inner_follow_their_definitions(a, b):
    assert float(la.norm(a)) == pytest.approx(np.sqrt(sum(x * x for x in a)), rel=1e-14)
    assert float(la.inner(a, b)) == pytest.approx(sum(x * y for x, y in zip(a, b)), rel=1e-12, abs=1e-14)
    assert float(la.inner(a, b)) == pytest.approx(float(la.inner(b, a)), rel=1e-15)
    assert float(la.inner(a, a)) == pytest.approx(float(la.norm(a)) ** 2, rel=1e-13)


def test_norm_and_inner_match_sympy():
    xs = sp.symbols("x1:4", real=True)
    ys = sp.symbols("y1:4", real=True)
    norm_expr = sp.sqrt(sum(x ** 2 for x in xs))
    inner_expr = sum(x * y for x, y in zip(xs, ys))
    for a, b in [((2.0, -3.0, 6.0), (2.0, 2.0, 1.0)), ((0.5, 1.25, -4.0), (-1.0, 0.0, 3.5))]:
        subs = dict(zip(xs + ys, a + b))
        assert float(la.norm(a)) == pytest.approx(float(norm_expr.subs(subs)), rel=1e-15)
        assert float(la.inner(a, b)) == pytest.approx(float(inner_expr.subs(subs)), rel=1e-15)


def test_stacks_give_one_value_per_row():
    A, B = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4))
    np.testing.assert_allclose(la.norm(A), [np.sqrt(r @ r) for r in A], rtol=1e-14)
    np.testing.assert_allclose(la.inner(A, B), [x @ y for x, y in zip(A, B)], rtol=1e-12)
    np.testing.assert_allclose(la.inner(A, B[0]), A @ B[0], rtol=1e-12)  # every row with one vector
    np.testing.assert_allclose(la.angle(A, B), [la.angle(x, y) for x, y in zip(A, B)], rtol=1e-12)
    np.testing.assert_allclose(la.cosine_similarity(A, B[0]), [la.cosine_similarity(x, B[0]) for x in A])
    assert la.norm(np.zeros((3, 0))).shape == (3,)


def test_norm_is_stable_at_extreme_sizes(strict):
    assert float(la.norm([1e200, 1e200])) == pytest.approx(np.sqrt(2) * 1e200, rel=1e-15)
    assert float(la.norm([1e-200, 1e-200])) == pytest.approx(np.sqrt(2) * 1e-200, rel=1e-15)
    assert float(la.norm([1e308, 1e308])) == pytest.approx(np.sqrt(2) * 1e308, rel=1e-15)
    assert float(la.norm([5e-324, 0.0])) == 5e-324
    assert float(la.norm([0.0, 0.0, 0.0])) == 0.0
    np.testing.assert_allclose(la.norm([[3e300, 4e300], [3e-300, 4e-300]]), [5e300, 5e-300], rtol=1e-15)


def test_norm_of_inf_is_inf_and_of_nan_is_nan():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert la.norm([np.inf, 1.0]) == np.inf and la.norm([-np.inf, np.inf]) == np.inf
        assert np.isnan(la.norm([np.nan, np.inf]))


# ---------------------------------------------------------------- angle, cosine, Cauchy–Schwarz

@pytest.mark.parametrize("a, b, expected", [
    ([1, 0], [0, 1], np.pi / 2), ([1, 0], [-1, 0], np.pi), ([1, 0], [1, 1], np.pi / 4),
    ([2, -3, 6], [2, 2, 1], np.arccos(4 / 21)), ([1, 1, 1], [2, 2, 2], 0.0), ([1, 0], [-1, 1], 3 * np.pi / 4),
])
def test_angle_known_values(a, b, expected):
    assert float(la.angle(a, b)) == pytest.approx(expected, abs=1e-15, rel=1e-14)


@pytest.mark.parametrize("a, b", PAIRS)
def test_angle_agrees_with_arccos_and_geometric_formula(a, b):
    theta = float(la.angle(a, b))
    assert 0 <= theta <= np.pi
    cos = np.clip(a @ b / np.sqrt((a @ a) * (b @ b)), -1, 1)  # unclipped, 1-D pairs can give nan
    assert theta == pytest.approx(float(np.arccos(cos)), abs=1e-7)
    # the inner product two ways: sum of products = ‖a‖‖b‖cos θ
    assert float(a @ b) == pytest.approx(float(la.norm(a) * la.norm(b) * np.cos(theta)), rel=1e-9, abs=1e-12)
    assert float(la.angle(b, a)) == pytest.approx(theta, rel=1e-15, abs=1e-15)


def test_angle_is_accurate_where_arccos_is_not(strict):
    for eps in [1e-5, 1e-9, 1e-13]:
        assert float(la.angle([1.0, eps], [1.0, 0.0])) == pytest.approx(eps, rel=1e-9)
        assert float(la.angle([-1.0, eps], [1.0, 0.0])) == pytest.approx(np.pi - eps, rel=1e-15)
    v = np.array([0.1, 0.2, 0.7])
    assert float(la.angle(v, 3 * v)) < 1e-15  # its rounded cosine is 1.0000000000000002: arccos gives nan
    for t in [3.0, 7.0, -2.0, 0.1]:
        c = float(la.cosine_similarity(v, t * v))
        assert abs(c) <= 1 and c == pytest.approx(np.sign(t), abs=1e-15)
    w = np.array([0.4, -0.2, -0.7])  # even from the unit vectors, this pair's cosine rounds above 1
    assert float(la.cosine_similarity(w, 7 * w)) == 1.0
    assert float(la.cauchy_schwarz_gap(w, 7 * w)) == 0.0  # never a negative gap


def test_angle_and_cosine_at_extreme_sizes(strict):
    big, small = np.array([1e300, 2e300]), np.array([-3e-300, 1e-300])
    expected = np.arccos(np.dot([1, 2], [-3, 1]) / np.sqrt(5 * 10))
    assert float(la.angle(big, small)) == pytest.approx(expected, rel=1e-12)
    assert float(la.cosine_similarity(big, small)) == pytest.approx(np.cos(expected), rel=1e-12)
    assert float(la.cauchy_schwarz_gap(big, small)) >= 0


@pytest.mark.parametrize("a, b", PAIRS)
def test_cosine_similarity_ignores_positive_scaling(a, b):
    c = float(la.cosine_similarity(a, b))
    assert -1 <= c <= 1
    assert float(la.cosine_similarity(7.5 * a, 0.01 * b)) == pytest.approx(c, rel=1e-12, abs=1e-15)
    assert float(la.cosine_similarity(-a, b)) == pytest.approx(-c, rel=1e-12, abs=1e-15)


def test_cauchy_schwarz_on_many_random_pairs():
    A, B = RNG.normal(size=(5000, 7)), RNG.normal(size=(5000, 7)) * RNG.uniform(0.01, 100, size=(5000, 1))
    assert np.all(np.abs(la.inner(A, B)) <= la.norm(A) * la.norm(B) * (1 + 1e-12))
    gap = la.cauchy_schwarz_gap(A, B)
    assert np.all(gap >= 0) and gap.min() > 0  # random pairs in 7-D are never parallel
    np.testing.assert_allclose(gap, la.norm(A) * la.norm(B) - np.abs(la.inner(A, B)), rtol=1e-9, atol=1e-9)


def test_equality_exactly_for_parallel_pairs():
    a = RNG.normal(size=6)
    for t in [3.0, -0.25, 1e5, -7.0]:
        assert float(la.cauchy_schwarz_gap(a, t * a)) <= 1e-12 * float(la.norm(a) * la.norm(t * a))
    assert float(la.cauchy_schwarz_gap(a, np.zeros(6))) == 0.0  # the zero vector is parallel to all
    other = a.copy()
    other[0] += 0.5  # no longer a multiple of a
    assert float(la.cauchy_schwarz_gap(a, other)) > 1e-6


# ---------------------------------------------------------------- derivatives vs central differences

@pytest.mark.parametrize("a, b", PAIRS)
def test_norm_gradient_matches_central_differences(a, b):
    np.testing.assert_allclose(la.norm_gradient(a), gradient(la.norm, a), rtol=1e-6, atol=1e-8)
    assert float(la.norm(la.norm_gradient(a))) == pytest.approx(1.0, rel=1e-15)


def test_norm_gradient_matches_sympy():
    xs = sp.symbols("x1:4", real=True)
    norm_expr = sp.sqrt(sum(x ** 2 for x in xs))
    point = (1.5, -2.0, 0.25)
    expected = [float(sp.diff(norm_expr, x).subs(dict(zip(xs, point)))) for x in xs]
    np.testing.assert_allclose(la.norm_gradient(point), expected, rtol=1e-15)


@pytest.mark.parametrize("a, b", PAIRS)
def test_inner_gradient_matches_central_differences(a, b):
    grad_a, grad_b = la.inner_gradient(a, b)
    np.testing.assert_allclose(grad_a, gradient(lambda x: la.inner(x, b), a), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(grad_b, gradient(lambda y: la.inner(a, y), b), rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("a, b", PAIRS[1:])
def test_cosine_similarity_gradient_matches_central_differences(a, b):
    numeric = gradient(lambda x: la.cosine_similarity(x, b), a)
    np.testing.assert_allclose(la.cosine_similarity_gradient(a, b), numeric, rtol=1e-5, atol=1e-8)
    # moving along a itself does not change the angle
    assert float(la.inner(la.cosine_similarity_gradient(a, b), a)) == pytest.approx(0.0, abs=1e-12)


def test_cosine_similarity_gradient_matches_sympy():
    x1, x2 = sp.symbols("x1 x2", real=True)
    b = (2.0, -1.0)
    cos_expr = (x1 * b[0] + x2 * b[1]) / (sp.sqrt(x1 ** 2 + x2 ** 2) * sp.sqrt(b[0] ** 2 + b[1] ** 2))
    point = {x1: 0.7, x2: 1.9}
    expected = [float(sp.diff(cos_expr, x).subs(point)) for x in (x1, x2)]
    np.testing.assert_allclose(la.cosine_similarity_gradient([0.7, 1.9], b), expected, rtol=1e-13)


def test_matmul_backward_matches_central_differences():
    A, B, G = RNG.normal(size=(2, 3)), RNG.normal(size=(3, 4)), RNG.normal(size=(2, 4))
    dA, dB = la.matmul_backward(G, A, B)
    loss_of_A = lambda flat: np.sum(G * la.matmul(flat.reshape(A.shape), B))  # noqa: E731
    loss_of_B = lambda flat: np.sum(G * la.matmul(A, flat.reshape(B.shape)))  # noqa: E731
    np.testing.assert_allclose(dA.ravel(), gradient(loss_of_A, A.ravel()), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dB.ravel(), gradient(loss_of_B, B.ravel()), rtol=1e-6, atol=1e-8)
    x, g = RNG.normal(size=3), RNG.normal(size=2)  # B a vector: y = A x
    dA, dx = la.matmul_backward(g, A, x)
    np.testing.assert_allclose(dA.ravel(), gradient(lambda f: g @ la.matmul(f.reshape(A.shape), x), A.ravel()),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dx, gradient(lambda v: g @ la.matmul(A, v), x), rtol=1e-6, atol=1e-8)


def test_hadamard_backward_matches_central_differences():
    A, B, G = RNG.normal(size=(3, 2)), RNG.normal(size=(3, 2)), RNG.normal(size=(3, 2))
    dA, dB = la.hadamard_backward(G, A, B)
    np.testing.assert_allclose(dA.ravel(), gradient(lambda f: np.sum(G * la.hadamard(f.reshape(3, 2), B)), A.ravel()),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dB.ravel(), gradient(lambda f: np.sum(G * la.hadamard(A, f.reshape(3, 2))), B.ravel()),
                               rtol=1e-6, atol=1e-8)


# ---------------------------------------------------------------- directions

def test_steepest_descent_direction_beats_every_other_unit_direction():
    g = np.array([1.0, 2.0, -2.0])
    d = la.steepest_descent_direction(g)
    np.testing.assert_allclose(d, -g / 3, rtol=1e-15)
    others = la.unit(RNG.normal(size=(20_000, 3)))
    assert float(g @ d) == pytest.approx(-3.0, rel=1e-15)
    assert np.all(la.inner(others, g) >= g @ d - 1e-12)


def test_unit_vectors_have_length_one_even_at_extremes(strict):
    for v in [[3.0, 4.0], [1e300, -1e300, 1e300], [1e-300, 2e-300], [0.0, -5e-324]]:
        u = la.unit(v)
        assert float(la.norm(u)) == pytest.approx(1.0, rel=1e-15)
        assert np.all(np.sign(u) == np.sign(v))


# ---------------------------------------------------------------- matrices

def test_matmul_and_hadamard_values():
    A, B = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 1.0], [1.0, 0.0]])
    np.testing.assert_array_equal(la.matmul(A, B), [[2.0, 1.0], [4.0, 3.0]])  # columns swapped
    np.testing.assert_array_equal(la.matmul(B, A), [[3.0, 4.0], [1.0, 2.0]])  # rows swapped
    np.testing.assert_array_equal(la.hadamard(A, B), [[0.0, 2.0], [3.0, 0.0]])
    np.testing.assert_array_equal(la.hadamard(A, B), la.hadamard(B, A))
    np.testing.assert_array_equal(la.matmul(A, np.eye(2)), A)
    np.testing.assert_array_equal(la.matmul(A, [1.0, -1.0]), [-1.0, -1.0])
    C, D = RNG.normal(size=(3, 4)), RNG.normal(size=(4, 2))
    np.testing.assert_allclose(la.matmul(C, D).T, la.matmul(D.T, C.T), rtol=1e-14)


@pytest.mark.parametrize("n", [1, 2, 4, 8, 16, 64])
def test_sylvester_hadamard_matrices(n):
    H = la.hadamard_matrix(n)
    assert H.shape == (n, n) and np.all(np.abs(H) == 1)
    np.testing.assert_array_equal(H @ H.T, n * np.eye(n))
    assert la.is_hadamard_matrix(H) and la.is_hadamard_matrix(-H.T)


def test_what_is_not_a_hadamard_matrix():
    assert not la.is_hadamard_matrix([[1.0, 1.0], [1.0, 1.0]])  # rows not orthogonal
    assert not la.is_hadamard_matrix([[0.0, 2.0], [3.0, 0.0]])  # a Hadamard *product*: entries not ±1
    assert not la.is_hadamard_matrix(np.ones((2, 4)))  # not square
    assert not la.is_hadamard_matrix([1.0, -1.0])
    assert la.is_hadamard_matrix([[1.0]])


# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize("call, message", [
    (lambda: la.inner([1, 2, 3], [1, 2]), r"same length: a has shape \(3,\), b has shape \(2,\)"),
    (lambda: la.inner(np.ones((2, 3)), np.ones((4, 3))), r"a has shape \(2, 3\), b has shape \(4, 3\)"),
    (lambda: la.norm(np.ones((2, 2, 2))), r"shape \(n,\) for one vector or \(m, n\) for m vectors, got shape \(2, 2, 2\)"),
    (lambda: la.norm(3.0), r"got shape \(\)"),
    (lambda: la.norm_gradient(np.ones((2, 2))), r"a must have shape \(n,\), got shape \(2, 2\)"),
    (lambda: la.hadamard(np.ones((2, 3)), np.ones((3, 2))), r"A of shape \(2, 3\) and B of shape \(3, 2\)"),
    (lambda: la.hadamard(np.ones((2, 3)), np.ones(3)), r"A of shape \(2, 3\) and B of shape \(3,\)"),
    (lambda: la.matmul(np.ones((2, 3)), np.ones((2, 2))), r"A has shape \(2, 3\) \(3 columns\), B has shape \(2, 2\) \(2 rows\)"),
    (lambda: la.matmul(np.ones(3), np.ones(3)), r"A must be a matrix, shape \(m, n\), got shape \(3,\)"),
    (lambda: la.matmul_backward(np.ones((3, 3)), np.ones((2, 3)), np.ones((3, 4))), r"grad must have the shape of A B, \(2, 4\)"),
    (lambda: la.hadamard_backward(np.ones(2), np.ones(3), np.ones(3)), r"grad must have the shape of A ⊙ B, \(3,\)"),
    (lambda: la.angle([0.0, 0.0], [1.0, 2.0]), "undefined for the zero vector: a has length 0"),
    (lambda: la.cosine_similarity([1.0, 2.0], [0.0, 0.0]), "b has length 0"),
    (lambda: la.unit([[1.0, 0.0], [0.0, 0.0]]), "a has length 0"),
    (lambda: la.norm_gradient([0.0, 0.0]), "no gradient|zero vector"),
    (lambda: la.steepest_descent_direction([0.0, 0.0]), "no descent direction"),
    (lambda: la.angle([np.inf, 1.0], [1.0, 2.0]), "finite numbers, but a holds inf or nan"),
    (lambda: la.hadamard_matrix(12), "power of 2.*got 12"),
    (lambda: la.hadamard_matrix(0), "power of 2"),
    (lambda: la.hadamard_matrix(4.0), "power of 2"),
    (lambda: la.hadamard_matrix(True), "power of 2"),
])
def test_bad_shapes_and_values_get_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize("bad", ["1, 2", None, [1, "a"], [[1, 2], [3]], [1 + 2j, 0]])
def test_bad_types_get_a_clear_type_error(bad):
    with pytest.raises(TypeError, match="must"):
        la.norm(bad)
    with pytest.raises(TypeError, match="must"):
        la.inner([1.0, 2.0], bad)
