"""dlmath: the shared library of the course "The Mathematics of Deep Learning".

Chapters build each operator by hand first, then use the version here:
  activations  step, sigmoid, tanh, ReLU, softsign and their derivatives; a neuron
  checks       the self-check engine (answer kinds and their hints)
  exercises    every exercise of the course; `check(id, answer)` and `progress()`
  widgets      interactive figures: pure compute functions plus a thin ipympl layer
"""
from .exercises import check, progress

__all__ = ["check", "progress"]
__version__ = "0.1.0"
