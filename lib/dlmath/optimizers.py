"""Optimisers: how a training step turns the gradients into a change of the parameters.

Each optimiser is a small object with `step(params, grads)`, which changes every parameter array in
place (the model's own arrays), and keeps its state from step to step in plain attributes (a velocity,
running averages, a step count) that a chapter can print. `eta` is an attribute too: a schedule
(below) sets it before each epoch.

    SGD(eta, momentum=0)           v ← μ v − η g,  p ← p + v            (μ = 0: p ← p − η g)
    SGD(eta, μ, nesterov=True)     v ← μ v − η g,  p ← p + μ v − η g    (the gradient "looks ahead")
    RMSProp(eta, rho)              s ← ρ s + (1 − ρ) g²,  p ← p − η g / (√s + ε)
    Adam(eta, beta1, beta2)        m ← β₁ m + (1 − β₁) g,  s ← β₂ s + (1 − β₂) g²,
                                   p ← p − η m̂ / (√ŝ + ε),  m̂ = m / (1 − β₁ᵗ),  ŝ = s / (1 − β₂ᵗ)
weight_decay=λ adds λ p to every gradient (L2 regularisation: the gradient of ½ λ ‖p‖²); Adam's
decoupled=True (AdamW) instead shrinks p by η λ p beside the adaptive step — under Adam the two differ.

Schedules, η as a function of the epoch (0, 1, …): constant(eta), step_decay(eta, factor, every),
cosine(eta, epochs, eta_min=0).
"""
import math

import numpy as np

from .language import N_, translate as _


def _positive(value, name, what):
    if not (isinstance(value, (int, float, np.floating, np.integer)) and np.isfinite(value) and value > 0):
        raise ValueError(_("{name}, {what}, must be a positive number, got {value}").format(
            name=name, what=_(what), value=repr(value)))
    return float(value)


def _fraction(value, name):
    if not (isinstance(value, (int, float, np.floating, np.integer)) and 0 <= value < 1):
        raise ValueError(_("{name} must be in [0, 1), got {value}").format(name=name, value=repr(value)))
    return float(value)


def _decay(value):
    if not (isinstance(value, (int, float, np.floating, np.integer)) and np.isfinite(value) and value >= 0):
        raise ValueError(_("weight_decay must be a number ≥ 0, got {value}").format(value=repr(value)))
    return float(value)


class Optimizer:
    """What every optimiser shares: η, weight decay, a step counter, state made on the first step."""

    def __init__(self, eta, weight_decay=0.0):
        self.eta = _positive(eta, "eta", N_("the learning rate"))
        self.weight_decay = _decay(weight_decay)
        self.t = 0  # steps taken

    def _zeros(self, name, params):
        state = getattr(self, name, None)
        if state is None or len(state) != len(params):
            state = [np.zeros_like(p) for p in params]
            setattr(self, name, state)
        return state

    def _gradients(self, params, grads):
        if len(params) != len(grads):
            raise ValueError(_("one gradient per parameter array: {params} parameters, {grads} gradients").format(
                params=len(params), grads=len(grads)))
        if self.weight_decay:
            return [g + self.weight_decay * p for p, g in zip(params, grads)]
        return grads

    def step(self, params, grads):
        self.t += 1
        self._step(params, self._gradients(params, grads))

    def _step(self, params, grads):
        raise NotImplementedError


class SGD(Optimizer):
    """Stochastic gradient descent with (heavy-ball) momentum μ: the step remembers a fraction μ of the
    last one, so on a long valley the steps add up while across it they cancel. nesterov=True takes
    the gradient's part of the step after the momentum part (Nesterov's accelerated gradient)."""

    def __init__(self, eta=0.1, momentum=0.0, nesterov=False, weight_decay=0.0):
        super().__init__(eta, weight_decay)
        self.momentum = _fraction(momentum, "momentum")
        self.nesterov = bool(nesterov)
        self.velocity = None

    def _step(self, params, grads):
        velocity = self._zeros("velocity", params)
        for p, g, v in zip(params, grads, velocity):
            v *= self.momentum
            v -= self.eta * g
            if self.nesterov:
                p += self.momentum * v - self.eta * g
            else:
                p += v  # in place: the model holds these same arrays

    def __repr__(self):
        extra = ", nesterov=True" if self.nesterov else ""
        extra += f", weight_decay={self.weight_decay:g}" if self.weight_decay else ""
        return f"SGD(eta={self.eta:g}, momentum={self.momentum:g}{extra})"


class RMSProp(Optimizer):
    """Each parameter's step divided by the root of a running mean of its squared gradients: large
    for a parameter whose gradients are small, small where they are large."""

    def __init__(self, eta=0.001, rho=0.9, eps=1e-8, weight_decay=0.0):
        super().__init__(eta, weight_decay)
        self.rho, self.eps = _fraction(rho, "rho"), _positive(eps, "eps", N_("the guard against dividing by 0"))
        self.square = None

    def _step(self, params, grads):
        for p, g, s in zip(params, grads, self._zeros("square", params)):
            s *= self.rho
            s += (1 - self.rho) * g * g
            p -= self.eta * g / (np.sqrt(s) + self.eps)

    def __repr__(self):
        return f"RMSProp(eta={self.eta:g}, rho={self.rho:g})"


class Adam(Optimizer):
    """Momentum (a running mean m of the gradients) with RMSProp's scaling (a running mean s of their
    squares), both corrected for starting at 0: after t steps they hold only 1 − βᵗ of their weight.
    Uncorrected, the first step would be (1 − β₁)/√(1 − β₂) ≈ 3.2 times η (β₂'s bias is the larger), not
    η: the correction keeps the first steps from being too large."""

    def __init__(self, eta=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, decoupled=False):
        super().__init__(eta, weight_decay)
        self.beta1, self.beta2 = _fraction(beta1, "beta1"), _fraction(beta2, "beta2")
        self.eps = _positive(eps, "eps", N_("the guard against dividing by 0"))
        self.decoupled = bool(decoupled)
        self.mean = self.square = None

    def _gradients(self, params, grads):
        if self.decoupled:  # AdamW: the decay is applied to p in _step, not added to the gradient
            if len(params) != len(grads):
                raise ValueError(_("one gradient per parameter array: {params} parameters, {grads} gradients").format(
                    params=len(params), grads=len(grads)))
            return grads
        return super()._gradients(params, grads)

    def _step(self, params, grads):
        c1, c2 = 1 - self.beta1 ** self.t, 1 - self.beta2 ** self.t
        for p, g, m, s in zip(params, grads, self._zeros("mean", params), self._zeros("square", params)):
            m *= self.beta1
            m += (1 - self.beta1) * g
            s *= self.beta2
            s += (1 - self.beta2) * g * g
            if self.decoupled and self.weight_decay:
                p -= self.eta * self.weight_decay * p
            p -= self.eta * (m / c1) / (np.sqrt(s / c2) + self.eps)

    def __repr__(self):
        name = "AdamW" if self.decoupled else "Adam"
        decay = f", weight_decay={self.weight_decay:g}" if self.weight_decay else ""
        return f"{name}(eta={self.eta:g}, beta1={self.beta1:g}, beta2={self.beta2:g}{decay})"


# ------------------------------------------------------------------------------------ schedules

def constant(eta):
    eta = _positive(eta, "eta", N_("the learning rate"))
    return lambda epoch: eta


def step_decay(eta, factor=0.5, every=10):
    """η × factor^(epoch // every): halve it every 10 epochs, by default."""
    eta = _positive(eta, "eta", N_("the learning rate"))
    if not 0 < factor <= 1 or int(every) != every or every < 1:
        raise ValueError(_("factor must be in (0, 1] and every a whole number ≥ 1, got {factor}, {every}").format(
            factor=repr(factor), every=repr(every)))
    return lambda epoch: eta * factor ** (epoch // every)


def cosine(eta, epochs, eta_min=0.0):
    """From η down to eta_min over `epochs` epochs along half a cosine: slow at both ends."""
    eta = _positive(eta, "eta", N_("the learning rate"))
    if int(epochs) != epochs or epochs < 1 or not 0 <= eta_min <= eta:
        raise ValueError(_("epochs must be a whole number ≥ 1 and 0 ≤ eta_min ≤ eta, got {epochs}, {eta_min}").format(
            epochs=repr(epochs), eta_min=repr(eta_min)))
    return lambda epoch: eta_min + (eta - eta_min) * (1 + math.cos(math.pi * min(epoch, epochs) / epochs)) / 2
