"""dlmath.network: parameter counts, the parameters as sympy symbols, C_T as one formula, and its size."""
import numpy as np
import pytest
import sympy as sp

from dlmath import calculus, datasets, ops
from dlmath.models import MLP
from dlmath.symbolic_network import (derivative_size, parameter_count, parameter_symbols, symbolic_cost,
                            symbolic_forward)

SIZES = [(12, 3, 2), (2, 1), (4, 5, 3, 2), (64, 64, 10)]


def values_of(params, net):
    """{symbol: number} putting an MLP's weights into the sympy parameters."""
    out = {}
    for (W, b), Wn, bn in zip(params, net.W, net.b):
        out.update(zip(W, Wn.ravel()))
        out.update(zip(b, bn))
    return out


@pytest.mark.parametrize("sizes", SIZES)
def test_parameter_count_agrees_with_the_mlp_and_the_symbols(sizes):
    n = parameter_count(sizes)
    assert n == MLP(sizes).n_parameters
    if n < 1000:
        symbols = [s for W, b in parameter_symbols(sizes) for s in (*W, *b)]
        assert len(symbols) == len(set(symbols)) == n


def test_the_books_network_has_47_parameters_named_as_in_the_book():
    assert parameter_count((12, 3, 2)) == 3 * 12 + 3 + 2 * 3 + 2 == 47
    (W2, b2), (W3, b3) = parameter_symbols((12, 3, 2))
    assert W2.shape == (3, 12) and b2.shape == (3, 1) and W3.shape == (2, 3) and b3.shape == (2, 1)
    assert W2[0, 2].name == "w2_1_3" and W3[1, 0].name == "w3_2_1" and b3[1].name == "b3_2"


@pytest.mark.parametrize("bad", [(12,), (12, 0, 2), (12, 2.5, 2), "12-3-2", None, (12, True)])
def test_bad_sizes_say_what_is_expected(bad):
    with pytest.raises((ValueError, TypeError), match="sizes"):
        parameter_count(bad)


def test_symbolic_forward_and_cost_agree_with_the_numeric_network():
    data = datasets.zero_one_images()
    net = MLP((12, 3, 2), seed=3)
    rng = np.random.default_rng(0)
    for p in net.b:
        p += rng.normal(size=p.shape)  # non-zero biases, so a forgotten bias would show
    params = parameter_symbols((12, 3, 2))
    values = values_of(params, net)
    X, T = data.x[::20], data.t[::20]
    y = net.forward(X)
    for x, row in zip(X, y):
        got = [float(a.evalf(subs=values)) for a in symbolic_forward(x, params)]
        np.testing.assert_allclose(got, row, rtol=1e-12)
    cost = float(symbolic_cost(X, T, params).evalf(subs=values))
    assert cost == pytest.approx(np.sum(ops.squared_error(y, T)), rel=1e-12)


def test_the_symbolic_derivative_is_the_gradient():
    """sympy's ∂C_T/∂w against the MLP's backward pass (× N: it differentiates the mean) and against
    central differences of the numeric cost, in float64."""
    data = datasets.zero_one_images()
    X, T = data.x[:2], data.t[:2]
    net = MLP((12, 3, 2), seed=5)
    params = parameter_symbols((12, 3, 2))
    values = values_of(params, net)
    cost = symbolic_cost(X, T, params)
    symbols = [params[0][0][0, 0], params[0][0][2, 7], params[0][1][1], params[1][0][1, 2], params[1][1][0]]
    exact = np.array([float(sp.diff(cost, s).evalf(subs=values)) for s in symbols])
    net.forward(X)
    dW, db = net.backward(T)
    lib = 2 * np.array([dW[0][0, 0], dW[0][2, 7], db[0][1], dW[1][1, 2], db[1][0]])
    assert calculus.relative_error(exact, lib) <= 1e-7

    everything = list(values)
    f = sp.lambdify([everything], cost)
    where = [everything.index(s) for s in symbols]

    def cost_at(p):  # the numeric cost with the five chosen parameters set to p
        full = np.array([values[s] for s in everything])
        full[where] = p
        return f(full)
    start = np.array([values[s] for s in symbols])
    assert calculus.relative_error(exact, calculus.numerical_gradient(cost_at, start)) <= 1e-7


def test_the_derivative_grows_with_images_and_layers():
    one, four = derivative_size((12, 3, 2), 1), derivative_size((12, 3, 2), 4)
    deeper = derivative_size((12, 3, 3, 2), 1)
    assert four[1] > 2 * one[1] and four[0] > 3 * one[0]
    assert deeper[1] > 3 * one[1]
    assert one[1] > one[0]  # differentiating makes it larger than the cost itself


def test_derivative_size_refuses_what_is_not_there():
    with pytest.raises(ValueError, match="weight"):
        derivative_size((12, 3, 2), 1, weight=(4, 1, 1))
    with pytest.raises(ValueError, match="n_images"):
        derivative_size((12, 3, 2), 0)


def test_symbolic_cost_names_the_expected_shapes():
    params = parameter_symbols((12, 3, 2))
    with pytest.raises(ValueError, match=r"\(N, 12\)"):
        symbolic_cost(np.ones((2, 11)), np.ones((2, 2)), params)
    with pytest.raises(ValueError, match=r"\(2, 2\)"):
        symbolic_cost(np.ones((2, 12)), np.ones((2, 3)), params)
    with pytest.raises(TypeError):
        symbolic_cost("image", np.ones((1, 2)), params)
