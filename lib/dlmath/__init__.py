"""dlmath: the library of the course "The Mathematics of Deep Learning".

Chapters build each piece by hand first, then use the version here. Cut by kind, not by chapter:

The differentiable ops (`dlmath.ops`), each op with its backward beside it
  ops.activations  step, sigmoid, tanh, ReLU, softsign, identity; the one ACTIVATIONS table  (ch. 01)
  ops.dense        the dense layer z = a Wᵀ + b                                              (ch. 06–07)
  ops.losses       softmax, squared error, cross entropy, softmax_cross_entropy              (ch. 06–07)
  ops.conv         conv2d, max_pool2d, avg_pool2d (im2col)                                   (ch. 08–09)
  ops.normalization  batch norm, dropout, GLU                                                (ch. 09)
  ops.attention    scaled dot-product and multi-head attention                               (ch. 10)

Networks and training
  models           MLP, CNN: forward/backward built on the ops, parameters(), from_weights   (ch. 06–08)
  optimizers       SGD (momentum, Nesterov), RMSProp, Adam(W): step(params, grads); schedules (ch. 07, 12)
  training         fit(model, x, t, optimizer, …): minibatches, epochs, a record, a progress bar

The other mathematics, one module per subject
  arrays           validating inputs once: as_float_array, as_batch, read_only
  language         English or Chinese: the learner's language, gettext catalogs (locale/); errors speak it too
  linalg           norms, inner products, angles, Cauchy–Schwarz; operator norm; rank and subspaces (ch. 02, 09, 10)
  calculus         the one central difference; gradients, Jacobians, gradient_check; recurrences (ch. 03, 07, 09)
  optimize         gradient descent with its whole path; quadratics and stable η; momentum's radius (ch. 04, 12)
  regression       least squares: cost C_T, its gradient, the normal equations               (ch. 05)
  symbolic_network the 12-3-2 network as sympy formulas: "derivative hell"                   (ch. 06)
  operators        a layer as an operator: linear? Lipschitz? equivariant?                   (ch. 09)
  depth            signals and gradients through depth; the critical weight scale            (ch. 09)
  catalogue        chapter 09's table of layers, every verdict computed                      (ch. 09)
  regions          hyperplanes, activation patterns and the linear regions of ReLU networks  (ch. 11)
  datasets         every data set of the course, built or loaded offline, read-only

The course around the mathematics (`dlmath.course`)
  course.checks     the self-check engine: answer kinds, their hints, a Result per answer
  course.exercises  every exercise, by id; check(id, answer) and progress()
  course.results    where results are remembered;  course.workspace  the learner's my-work/ copies
  course.cli        the `dlmath` command;           course.explorer   sliders -> compute -> redraw
  explorers         the interactive figures, one module per topic

`from dlmath import check` is the chapters' one-line self-check. Submodules load when first used, so
`import dlmath.ops` costs numpy alone (no sympy, no exercises). Import paths of release 0.1
(`dlmath.nn`, `dlmath.network`, …) still work, with a deprecation note (see `dlmath._legacy`).
"""
import importlib

from . import _legacy

_legacy.install()

__version__ = "0.2.0"
__all__ = ["check", "progress"]
_SUBMODULES = {"arrays", "calculus", "catalogue", "course", "datasets", "depth", "explorers", "language", "linalg",
               "models", "operators", "ops", "optimize", "optimizers", "regions", "regression", "symbolic_network",
               "training"}


def __getattr__(name):
    if name in ("check", "progress"):
        return getattr(importlib.import_module(".course.exercises", __name__), name)
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'dlmath' has no attribute {name!r}")


def __dir__():
    return sorted({*globals(), *__all__, *_SUBMODULES})
