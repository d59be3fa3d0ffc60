"""dlmath.layers and ops.avg_pool2d: against direct formulas, central differences (float64, ≤ 1e-7),
and the properties the chapter claims (batch norm's two operators, dropout's expectation)."""
import numpy as np
import pytest

from dlmath import calculus, ops

rng = np.random.default_rng(3)
TOL = 1e-7


def check_gradient(forward, backward, x):
    """Largest relative error of backward against central differences of C = Σ dout ⊙ forward(x)."""
    dout = rng.normal(size=forward(x).shape)
    return calculus.gradient_check(lambda v: (np.sum(dout * forward(v)), backward(dout, v)), x)


# ---------------------------------------------------------------- batch norm

def test_batch_norm_train_is_the_formula_and_normalises_each_feature():
    x = rng.normal(3.0, 2.0, size=(16, 4))
    gamma, beta = rng.normal(size=4), rng.normal(size=4)
    y = ops.batch_norm_train(x, gamma, beta, eps=1e-5)
    direct = np.empty_like(x)
    for j in range(4):  # feature by feature, with the biased variance
        col = x[:, j]
        direct[:, j] = gamma[j] * (col - col.mean()) / np.sqrt(((col - col.mean()) ** 2).mean() + 1e-5) + beta[j]
    np.testing.assert_allclose(y, direct, rtol=1e-12)
    plain = ops.batch_norm_train(x, np.ones(4), np.zeros(4), eps=0.0)
    np.testing.assert_allclose(plain.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(plain.std(axis=0), 1, rtol=1e-12)


@pytest.mark.parametrize("n", [2, 5, 32])
def test_batch_norm_train_backward(n):
    x, gamma, beta = rng.normal(size=(n, 3)), rng.normal(size=3), rng.normal(size=3)
    assert check_gradient(lambda v: ops.batch_norm_train(v, gamma, beta),
                          lambda d, v: ops.batch_norm_train_backward(d, v, gamma)[0], x) <= TOL
    dout = rng.normal(size=(n, 3))
    _, dgamma, dbeta = ops.batch_norm_train_backward(dout, x, gamma)
    assert calculus.gradient_check(lambda g: (np.sum(dout * ops.batch_norm_train(x, g, beta)), dgamma), gamma) <= TOL
    assert calculus.gradient_check(lambda b: (np.sum(dout * ops.batch_norm_train(x, gamma, b)), dbeta), beta) <= TOL


def test_batch_norm_eval_backward_and_agreement_with_train_on_the_same_statistics():
    x, gamma, beta = rng.normal(size=(6, 3)), rng.normal(size=3), rng.normal(size=3)
    mean, var = rng.normal(size=3), rng.uniform(0.5, 2, size=3)
    assert check_gradient(lambda v: ops.batch_norm_eval(v, gamma, beta, mean, var),
                          lambda d, v: ops.batch_norm_eval_backward(d, v, gamma, mean, var)[0], x) <= TOL
    dout = rng.normal(size=(6, 3))
    _, dgamma, dbeta = ops.batch_norm_eval_backward(dout, x, gamma, mean, var)
    assert calculus.gradient_check(lambda g: (np.sum(dout * ops.batch_norm_eval(x, g, beta, mean, var)), dgamma),
                             gamma) <= TOL
    np.testing.assert_allclose(dbeta, dout.sum(axis=0))
    mu_b, var_b = ops.batch_statistics(x)
    np.testing.assert_allclose(ops.batch_norm_eval(x, gamma, beta, mu_b, var_b),
                               ops.batch_norm_train(x, gamma, beta), rtol=1e-12)


def test_batch_norm_train_and_eval_are_different_operators():
    """In training a sample's output depends on the other samples; in evaluation it does not."""
    x, gamma, beta = rng.normal(size=(8, 2)), np.ones(2), np.zeros(2)
    other = x.copy()
    other[1:] += 5.0  # change every sample except the first
    assert not np.allclose(ops.batch_norm_train(x, gamma, beta)[0], ops.batch_norm_train(other, gamma, beta)[0])
    mean, var = np.zeros(2), np.ones(2)
    np.testing.assert_allclose(ops.batch_norm_eval(x, gamma, beta, mean, var)[0],
                               ops.batch_norm_eval(other, gamma, beta, mean, var)[0])


def test_running_statistics_follow_torchs_rule():
    x = rng.normal(size=(10, 2))
    m, v = ops.running_statistics(np.zeros(2), np.ones(2), x, momentum=0.1)
    np.testing.assert_allclose(m, 0.1 * x.mean(axis=0))
    np.testing.assert_allclose(v, 0.9 + 0.1 * x.var(axis=0, ddof=1))


def test_batch_norm_errors_name_the_shape():
    with pytest.raises(ValueError, match=r"gamma must have shape \(3,\)"):
        ops.batch_norm_train(np.zeros((4, 3)), np.ones(2), np.zeros(3))
    with pytest.raises(ValueError, match="dout must have the shape of x"):
        ops.batch_norm_train_backward(np.zeros((3, 3)), np.zeros((4, 3)), np.ones(3))


# ---------------------------------------------------------------- dropout

def test_dropout_preserves_the_expectation_and_drops_about_p():
    x = rng.normal(size=(1, 5))
    draws = np.stack([ops.dropout(x, 0.3, np.random.default_rng(k))[0][0] for k in range(4000)])
    assert np.mean(draws == 0) == pytest.approx(0.3, abs=0.02)
    se = x[0] * np.sqrt(0.3 / 0.7) / np.sqrt(len(draws))  # standard error of the mean of x·m
    assert np.all(np.abs(draws.mean(axis=0) - x[0]) < 5 * np.abs(se) + 1e-12)
    kept = draws[draws != 0]
    np.testing.assert_allclose(np.unique(np.round(kept / np.repeat(x, 4000, 0)[draws != 0], 12)), [1 / 0.7])


def test_dropout_backward_uses_the_same_mask_and_eval_is_the_identity():
    x = rng.normal(size=(4, 6))
    y, mask = ops.dropout(x, 0.5, np.random.default_rng(1))
    np.testing.assert_array_equal(y, x * mask)
    dout = rng.normal(size=x.shape)
    assert calculus.gradient_check(lambda v: (np.sum(dout * v * mask), ops.dropout_backward(dout, mask)), x) <= TOL
    np.testing.assert_array_equal(ops.dropout(x, 0.5, train=False)[0], x)
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        ops.dropout(x, 1.0)


# ---------------------------------------------------------------- GLU

def test_glu_is_a_times_sigmoid_b_and_its_backward_checks():
    x = rng.normal(size=(3, 8))
    np.testing.assert_allclose(ops.glu(x), x[:, :4] / (1 + np.exp(-x[:, 4:])), rtol=1e-12)
    assert check_gradient(ops.glu, ops.glu_backward, x) <= TOL
    big = np.array([1e3, -1e3, 800.0, -800.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        np.testing.assert_allclose(ops.glu(big), [1e3, 0.0])
    with pytest.raises(ValueError, match="even length"):
        ops.glu(np.zeros(5))


# ---------------------------------------------------------------- average pooling

def avg_pool_by_loops(x, size, stride):
    n, c, H, W = x.shape
    ho, wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.zeros((n, c, ho, wo))
    for i in range(ho):
        for j in range(wo):
            out[:, :, i, j] = x[:, :, i * stride:i * stride + size, j * stride:j * stride + size].mean(axis=(2, 3))
    return out


@pytest.mark.parametrize("size, stride", [(2, None), (3, 1), (2, 1), (3, 2)])
def test_avg_pool2d_against_loops_and_central_differences(size, stride):
    x = rng.normal(size=(2, 3, 7, 6))
    np.testing.assert_allclose(ops.avg_pool2d(x, size, stride), avg_pool_by_loops(x, size, stride or size), rtol=1e-12)
    assert check_gradient(lambda v: ops.avg_pool2d(v, size, stride),
                          lambda d, v: ops.avg_pool2d_backward(d, v, size, stride), x) <= TOL


def test_avg_pool2d_single_image_and_shape_errors():
    x = np.arange(16.0).reshape(4, 4)
    np.testing.assert_allclose(ops.avg_pool2d(x), [[2.5, 4.5], [10.5, 12.5]])
    np.testing.assert_allclose(ops.avg_pool2d_backward(np.ones((2, 2)), x), np.full((4, 4), 0.25))
    with pytest.raises(ValueError, match="dout must have the shape"):
        ops.avg_pool2d_backward(np.ones((3, 3)), x)
    with pytest.raises(ValueError, match=r"\(N, C, H, W\)"):
        ops.avg_pool2d(np.zeros((2, 3, 4)))
