import warnings

import numpy as np
import pytest
import sympy as sp

from dlmath.ops import activations as act
from dlmath.calculus import derivative

Z = np.linspace(-8, 8, 161)
Z = Z[np.abs(Z) > 1e-3]  # the step and ReLU have a corner at 0; tested on its own below
EXTREME = np.array([-1e308, -1e4, -1000.0, -745.0, -40.0, 0.0, 40.0, 745.0, 1000.0, 1e4, 1e308])
_z = sp.Symbol("z", real=True)
SYMPY = {
    "identity": _z,
    "sigmoid": 1 / (1 + sp.exp(-_z)),
    "tanh": sp.tanh(_z),
    "relu": sp.Max(0, _z),
    "softsign": _z / (1 + sp.Abs(_z)),
    "step": sp.Heaviside(_z, 1),
}


@pytest.mark.parametrize("name", act.ACTIVATIONS)
def test_derivative_matches_central_differences(name):
    f, df = act.ACTIVATIONS[name]
    np.testing.assert_allclose(df(Z), derivative(f, Z), rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", act.ACTIVATIONS)
def test_function_and_derivative_match_sympy(name):
    f, df = act.ACTIVATIONS[name]
    expr = SYMPY[name]
    d_expr = sp.diff(expr, _z)
    for z0 in [-5.5, -1.25, -0.3, 0.7, 2.0, 6.5]:
        assert float(f(z0)) == pytest.approx(float(expr.subs(_z, z0)), rel=1e-12, abs=1e-15)
        assert float(df(z0)) == pytest.approx(float(d_expr.subs(_z, z0).doit()), rel=1e-12, abs=1e-15)


def test_sigmoid_identities():
    np.testing.assert_allclose(act.tanh(Z), 2 * act.sigmoid(2 * Z) - 1, atol=1e-12)
    np.testing.assert_allclose(act.sigmoid(-Z), 1 - act.sigmoid(Z), atol=1e-15)
    assert float(act.sigmoid_derivative(0.0)) == 0.25
    assert np.all(act.sigmoid_derivative(Z) < 0.25)


def test_values_at_the_corner():
    assert float(act.step(0.0)) == 1.0 and float(act.step(-1e-300)) == 0.0
    assert float(act.relu(0.0)) == 0.0 and float(act.relu_derivative(0.0)) == 0.0
    assert float(act.softsign_derivative(0.0)) == 1.0


@pytest.mark.parametrize("name", act.ACTIVATIONS)
def test_extreme_inputs_give_finite_values_without_warnings(name):
    f, df = act.ACTIVATIONS[name]
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        values, slopes = f(EXTREME), df(EXTREME)
    if name not in ("relu", "identity"):  # unbounded: relu(1e308) = 1e308 is right
        assert np.all(np.abs(values) <= 1)
    assert np.all(np.isfinite(values)) and np.all(np.isfinite(slopes))
    assert np.all(slopes >= 0)


def test_saturated_sigmoid_is_exact_at_the_ends():
    assert float(act.sigmoid(-1e4)) == 0.0 and float(act.sigmoid(1e4)) == 1.0
    assert float(act.sigmoid(-700)) > 0  # e^-700 is still a normal float: no early rounding to 0


@pytest.mark.parametrize("name", act.ACTIVATIONS)
def test_shapes_are_kept(name):
    f, df = act.ACTIVATIONS[name]
    for shape in [(), (3,), (2, 4)]:
        z = np.zeros(shape)
        assert f(z).shape == shape and df(z).shape == shape
    assert f([1, 2, 3]).dtype == np.float64  # lists and ints are fine


@pytest.mark.parametrize("bad", ["1.0", None, [1, "a"], [[1, 2], [3]], 1 + 2j])
def test_bad_input_gets_a_clear_type_error(bad):
    with pytest.raises(TypeError, match="must"):
        act.sigmoid(bad)


def test_weighted_input_and_neuron():
    w, x, b = [2.0, -1.0, 0.5], [1.0, 3.0, 2.0], -0.5
    assert float(act.weighted_input(w, x, b)) == pytest.approx(-0.5)
    batch = np.array([[1.0, 3.0, 2.0], [0.0, 0.0, 0.0]])
    np.testing.assert_allclose(act.weighted_input(w, batch, b), [-0.5, -0.5])
    assert float(act.neuron(x, w, b, "step")) == 0.0
    assert float(act.neuron(x, w, b)) == pytest.approx(1 / (1 + np.exp(0.5)))


def test_weighted_input_names_the_expected_shape():
    with pytest.raises(ValueError, match=r"x must have shape \(3,\) or \(m, 3\).*got shape \(2,\)"):
        act.weighted_input([1, 2, 3], [1, 2], 0)
    with pytest.raises(ValueError, match=r"w \(the weights\) must have shape \(n,\)"):
        act.weighted_input([[1, 2]], [1, 2], 0)
    with pytest.raises(ValueError, match="single number"):
        act.weighted_input([1, 2], [1, 2], [0, 1])
    with pytest.raises(ValueError, match="unknown activation 'sigmod'"):
        act.neuron([1], [1], 0, "sigmod")
