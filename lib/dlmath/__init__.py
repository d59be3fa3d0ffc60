"""dlmath: the shared library of the course "The Mathematics of Deep Learning".

Chapters build each operator by hand first, then use the version here:
  activations  step, sigmoid, tanh, ReLU, softsign and their derivatives; a neuron      (ch. 01)
  linalg       norms, inner products, angles, Cauchy–Schwarz, Hadamard products         (ch. 02)
  calculus     central differences, partial derivatives, tangents, recurrences          (ch. 03)
  optimize     gradient descent with its whole path; quadratics and stable η            (ch. 04)
  regression   least squares: cost C_T, its gradient, the normal equations              (ch. 05)
  nn           dense layers, softmax, losses as forward/backward pairs; gradient_check; MLP  (ch. 06–07)
  datasets     the 4×3 images of "0" and "1"; the fixed split of scikit-learn's digits   (ch. 06–08)
  conv         conv2d and max_pool2d with their backward passes (im2col)               (ch. 08)
  checks       the self-check engine (answer kinds and their hints)
  exercises    every exercise of the course; `check(id, answer)` and `progress()`
  results      where check results are remembered
  widgets      the thin ipympl layer: sliders -> a pure compute function -> set_data + draw_idle
  explorers    the interactive figures, one module per topic
"""
from .exercises import check, progress

__all__ = ["check", "progress"]
__version__ = "0.1.0"
