"""Optimisers: how a training step turns the gradients into a change of the parameters.

Each optimiser is a small object with `step(params, grads)`, which changes every parameter array in
place (the model's own arrays), and keeps whatever state it needs from step to step (a velocity…).

    SGD(eta, momentum=0)   v ← μ v − η g,  p ← p + v      (μ = 0: plain gradient descent, p ← p − η g)
"""
import numpy as np


class SGD:
    """Stochastic gradient descent with (heavy-ball) momentum μ: the step remembers a fraction μ of the
    last one, so on a long valley the steps add up while across it they cancel."""

    def __init__(self, eta=0.1, momentum=0.0):
        if not (np.isfinite(eta) and eta > 0):
            raise ValueError(f"eta, the learning rate, must be a positive number, got {eta!r}")
        if not 0 <= momentum < 1:
            raise ValueError(f"momentum must be in [0, 1), got {momentum!r}")
        self.eta, self.momentum = float(eta), float(momentum)
        self.velocity = None

    def step(self, params, grads):
        if self.velocity is None or len(self.velocity) != len(params):
            self.velocity = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, self.velocity):
            v *= self.momentum
            v -= self.eta * g
            p += v  # in place: the model holds these same arrays

    def __repr__(self):
        return f"SGD(eta={self.eta:g}, momentum={self.momentum:g})"
