"""The step rules of dlmath.optimizers against their formulas, written out by hand, and the heavy-ball
analysis of dlmath.optimize against the matrix it comes from."""
import numpy as np
import pytest

from dlmath import optimize as opt
from dlmath.optimizers import SGD, Adam, RMSProp, constant, cosine, step_decay

G1, G2 = np.array([0.5, -3.0]), np.array([-1.0, 2.0])
P0 = np.array([1.0, -2.0])


def two_steps(optimizer):
    p = P0.copy()
    optimizer.step([p], [G1])
    optimizer.step([p], [G2])
    return p


def test_nesterov_takes_the_gradient_step_after_the_momentum_step():
    eta, mu = 0.1, 0.9
    v1 = -eta * G1
    p1 = P0 + mu * v1 - eta * G1
    v2 = mu * v1 - eta * G2
    np.testing.assert_allclose(two_steps(SGD(eta, mu, nesterov=True)), p1 + mu * v2 - eta * G2)


def test_rmsprop_divides_by_the_root_of_the_running_mean_square():
    eta, rho, eps = 0.01, 0.9, 1e-8
    s1 = (1 - rho) * G1 ** 2
    p1 = P0 - eta * G1 / (np.sqrt(s1) + eps)
    s2 = rho * s1 + (1 - rho) * G2 ** 2
    np.testing.assert_allclose(two_steps(RMSProp(eta, rho)), p1 - eta * G2 / (np.sqrt(s2) + eps))


def test_adam_with_bias_correction():
    eta, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
    m1, s1 = (1 - b1) * G1, (1 - b2) * G1 ** 2
    p1 = P0 - eta * (m1 / (1 - b1)) / (np.sqrt(s1 / (1 - b2)) + eps)
    m2, s2 = b1 * m1 + (1 - b1) * G2, b2 * s1 + (1 - b2) * G2 ** 2
    p2 = p1 - eta * (m2 / (1 - b1 ** 2)) / (np.sqrt(s2 / (1 - b2 ** 2)) + eps)
    optimizer = Adam(eta, b1, b2, eps)
    np.testing.assert_allclose(two_steps(optimizer), p2)
    assert optimizer.t == 2


def test_adams_first_step_is_eta_times_the_sign_of_the_gradient():
    # bias correction at work: without it the first step would be (1 − β₁)/√(1 − β₂) ≈ 3.16 times larger
    p = P0.copy()
    Adam(0.05).step([p], [G1 * 1e-3])
    np.testing.assert_allclose(p, P0 - 0.05 * np.sign(G1), rtol=1e-4)
    m, s = 0.1 * G1, 0.001 * G1 ** 2  # the running means after one step, uncorrected
    np.testing.assert_allclose(np.abs(m / np.sqrt(s)), 0.1 / np.sqrt(0.001))
    assert 0.1 / np.sqrt(0.001) == pytest.approx(3.162, abs=1e-3)


def test_weight_decay_in_sgd_is_the_gradient_of_half_lambda_p_squared():
    lam = 0.3
    a, b = P0.copy(), P0.copy()
    SGD(0.1, weight_decay=lam).step([a], [G1])
    SGD(0.1).step([b], [G1 + lam * P0])
    np.testing.assert_allclose(a, b)


def test_under_adam_l2_is_not_weight_decay():
    lam = 0.1
    l2, decoupled = Adam(0.01, weight_decay=lam), Adam(0.01, weight_decay=lam, decoupled=True)
    a, b = two_steps(l2), two_steps(decoupled)
    assert not np.allclose(a, b)
    # AdamW: the plain Adam step, plus p shrunk by η λ p before it
    p, plain = P0.copy(), Adam(0.01)
    p -= 0.01 * lam * p
    plain.step([p], [G1])
    q = P0.copy()
    Adam(0.01, weight_decay=lam, decoupled=True).step([q], [G1])
    np.testing.assert_allclose(q, p)


def test_the_optimiser_changes_the_models_own_arrays():
    p = P0.copy()
    for optimizer in (SGD(0.1, 0.9), RMSProp(0.1), Adam(0.1)):
        before = p.copy()
        optimizer.step([p], [G1])
        assert not np.allclose(p, before)


@pytest.mark.parametrize("make", [lambda: SGD(0.0), lambda: SGD(0.1, 1.0), lambda: RMSProp(0.1, rho=1.0),
                                  lambda: Adam(0.1, beta2=1.5), lambda: Adam(-1.0), lambda: SGD(0.1, weight_decay=-1)])
def test_settings_that_cannot_train_are_refused(make):
    with pytest.raises(ValueError):
        make()


def test_schedules():
    assert constant(0.1)(7) == 0.1
    assert [step_decay(0.8, 0.5, 2)(e) for e in range(5)] == [0.8, 0.8, 0.4, 0.4, 0.2]
    c = cosine(0.1, 10, eta_min=0.01)
    assert c(0) == pytest.approx(0.1) and c(5) == pytest.approx(0.055) and c(10) == c(12) == pytest.approx(0.01)


# ------------------------------------------------------------------ the heavy ball on a quadratic

def run_heavy_ball(eta, beta, lam, steps=200):
    p, optimizer = np.array([1.0]), SGD(eta, beta)
    for _ in range(steps):
        optimizer.step([p], [lam * p])
    return abs(p[0])


@pytest.mark.parametrize("eta, beta", [(0.1, 0.0), (0.5, 0.5), (1.2, 0.9), (0.05, 0.95), (2.5, 0.3)])
def test_the_radius_is_the_eigenvalues_of_the_matrix_and_sgds_rate(eta, beta):
    lam = 1.3
    M = opt.heavy_ball_matrix(eta, beta, lam)
    assert opt.heavy_ball_radius(eta, beta, lam) == pytest.approx(np.max(np.abs(np.linalg.eigvals(M))))
    radius = opt.heavy_ball_radius(eta, beta, lam)
    assert (run_heavy_ball(eta, beta, lam) < 1e-3) == (radius < 0.95)
    assert opt.heavy_ball_stable(eta, beta, lam) == (radius < 1)


def test_the_stable_region_is_eta_below_two_one_plus_beta_over_lambda():
    lam = 2.0
    etas, betas = np.meshgrid(np.linspace(0.01, 2.5, 60), np.linspace(0.0, 0.95, 40))
    stable = opt.heavy_ball_radius(etas, betas, lam) < 1 - 1e-9
    derived = etas < 2 * (1 + betas) / lam
    near_edge = np.abs(etas - 2 * (1 + betas) / lam) < 1e-3
    assert np.array_equal(stable[~near_edge], derived[~near_edge])


def test_the_optimal_momentum_beats_its_neighbours_and_gradient_descent():
    lam_min, lam_max = 0.1, 10.0  # κ = 100
    eta, beta, rate = opt.optimal_momentum(lam_min, lam_max)
    assert rate == pytest.approx(9 / 11) and beta == pytest.approx((9 / 11) ** 2)
    assert opt.heavy_ball_worst_radius(eta, beta, lam_min, lam_max) == pytest.approx(rate, rel=1e-6)
    for de, db in ((1.05, 1), (0.95, 1), (1, 1.02), (1, 0.98)):
        assert opt.heavy_ball_worst_radius(eta * de, min(beta * db, 0.999), lam_min, lam_max) > rate
    plain = opt.contraction(np.diag([lam_min, lam_max]), 2 / (lam_min + lam_max))
    assert plain == pytest.approx(99 / 101) and rate < plain
