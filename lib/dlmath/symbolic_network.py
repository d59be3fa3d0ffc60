"""A fully connected network as a function of its parameters: counting them, naming them as sympy
symbols, and writing the cost C_T out as one formula — to see why differentiating it by hand is hopeless.

The book's notation: layer 1 is the input, layers 2 … L follow. Layer l has n_l units; its weights form
W^l of shape (n_l, n_(l−1)) with entry w^l_ji (unit j of layer l, unit i of layer l − 1), its biases b^l_j.
The numbers themselves (forward pass, losses) live in `dlmath.ops` and `dlmath.models`; this module is the bookkeeping and
the symbolic side.

    parameter_count((12, 3, 2))            47 = 3·12 + 3 + 2·3 + 2
    parameter_symbols((12, 3, 2))          [(W², b²), (W³, b³)] as sympy matrices of symbols w2_1_1, b2_1, …
    symbolic_cost(X, T, params)            C_T = Σ_k ½ Σ_j (a^L_j[k] − t_j[k])², one sympy expression
    derivative_size(sizes, n_images)       sympy.count_ops of ∂C_T/∂w for one weight: "derivative hell"
"""
import numbers

import numpy as np
import sympy as sp

from .arrays import as_float_array
from .language import translate as _


def _sizes(sizes):
    try:
        sizes = tuple(sizes)
    except TypeError:
        raise TypeError(_("sizes must list the layer sizes (n_1, …, n_L), e.g. (12, 3, 2), got {value}").format(
            value=f"{sizes!r:.40}")) from None
    if len(sizes) < 2 or not all(isinstance(n, numbers.Integral) and not isinstance(n, bool) and n >= 1
                                 for n in sizes):
        raise ValueError(_("sizes must list at least 2 positive whole layer sizes, e.g. (12, 3, 2), got {value}").format(
            value=f"{sizes!r:.60}"))
    return tuple(int(n) for n in sizes)


def parameter_count(sizes):
    """How many weights and biases a fully connected network with these layer sizes has:
    Σ_l n_l · n_(l−1) weights plus Σ_l n_l biases (every layer but the input has both)."""
    sizes = _sizes(sizes)
    return sum(n_out * n_in + n_out for n_in, n_out in zip(sizes, sizes[1:]))


def parameter_symbols(sizes):
    """[(W^l, b^l) for l = 2 … L] as sympy matrices: W^l (n_l × n_(l−1)) of symbols `w{l}_{j}_{i}`,
    b^l (n_l × 1) of symbols `b{l}_{j}`, counted from 1 as in the book (w2_1_3 is w²_13)."""
    sizes = _sizes(sizes)
    params = []
    for l, (n_in, n_out) in enumerate(zip(sizes, sizes[1:]), start=2):
        W = sp.Matrix(n_out, n_in, lambda j, i: sp.Symbol(f"w{l}_{j + 1}_{i + 1}"))
        b = sp.Matrix(n_out, 1, lambda j, _: sp.Symbol(f"b{l}_{j + 1}"))
        params.append((W, b))
    return params


def sigmoid_expression(z):
    """σ(z) = 1 / (1 + e^(−z)) as a sympy expression."""
    return 1 / (1 + sp.exp(-z))


def _exact(values):
    """Pixel and target values as sympy numbers: 0 and 1 stay integers, so sympy can simplify 0·w away."""
    return [sp.Integer(int(v)) if float(v).is_integer() else sp.Float(float(v)) for v in values]


def symbolic_forward(x, params, activation=sigmoid_expression):
    """The outputs a^L (a sympy column) for one input x (numbers or symbols), every unit `activation`."""
    a = sp.Matrix(x if isinstance(x, sp.MatrixBase) else _exact(as_float_array(x, "x").ravel()))
    for l, (W, b) in enumerate(params, start=2):
        if W.shape[1] != a.shape[0]:
            raise ValueError(_("W^{layer} has {columns} columns but layer {below} has {units} units").format(
                layer=l, columns=W.shape[1], below=l - 1, units=a.shape[0]))
        a = (W * a + b).applyfunc(activation)
    return a


def symbolic_cost(X, T, params, activation=sigmoid_expression):
    """C_T = Σ_images ½ Σ_j (a^L_j − t_j)² as one sympy expression in the parameters' symbols.
    X: the images, shape (N, n_1) (or one image (n_1,)); T: their targets, shape (N, n_L)."""
    n_in, n_out = params[0][0].shape[1], params[-1][0].shape[0]
    X = as_float_array(X, "X")
    T = as_float_array(T, "T")
    X, T = (X[None, :] if X.ndim == 1 else X), (T[None, :] if T.ndim == 1 else T)
    if X.ndim != 2 or X.shape[1] != n_in:
        raise ValueError(_("X must have shape (N, {n}), one image per row, got shape {shape}").format(n=n_in, shape=X.shape))
    if T.shape != (X.shape[0], n_out):
        raise ValueError(_("T must have shape ({rows}, {n}), one target row per image, got shape {shape}").format(
            rows=X.shape[0], n=n_out, shape=T.shape))
    total = sp.Integer(0)
    for x, t in zip(X, T):  # a loop over images: each adds its own term to the formula
        a = symbolic_forward(x, params, activation)
        total += sp.Rational(1, 2) * sum((a[j] - tj) ** 2 for j, tj in enumerate(_exact(t)))
    return total


def derivative_size(sizes, n_images, weight=None, images=None):
    """How big ∂C_T/∂w is when sympy writes it out: (count_ops of C_T, count_ops of ∂C_T/∂w).

    sizes: the layer sizes, e.g. (12, 3, 2) or deeper (12, 3, 3, 2). weight: (l, j, i) for w^l_ji,
    counted from 1 (default: w²_1i for the first pixel i that is ink in most images, the weight deepest
    in the network). The first `n_images` images of `images` (an (X, T) pair; default: the course's 4×3
    images) in which that weight's input pixel is ink, so that every image adds to the derivative.
    """
    from . import datasets
    sizes = _sizes(sizes)
    if images is None:
        data = datasets.zero_one_images()
        images = (data.x, data.t)
    X, T = (as_float_array(a, name) for a, name in zip(images, ("X", "T")))
    if weight is None:
        weight = (2, 1, int(np.argmax(X.sum(axis=0))) + 1)
    l, j, i = weight
    if not (2 <= l <= len(sizes) and 1 <= j <= sizes[l - 1] and 1 <= i <= sizes[l - 2]):
        raise ValueError(_("weight (l, j, i) = {weight} is not in a {sizes} network: l in 2…{last}, "
                           "j in 1…n_l, i in 1…n_(l−1)").format(weight=weight, sizes=sizes, last=len(sizes)))
    if l == 2:  # a first-layer weight multiplies pixel i: an image where it is blank does not depend on it
        keep = X[:, i - 1] != 0
        X, T = X[keep], T[keep]
    if not 1 <= n_images <= len(X):
        raise ValueError(_("n_images must be between 1 and {count}, got {value}").format(count=len(X), value=n_images))
    params = parameter_symbols(sizes)
    cost = symbolic_cost(X[:n_images], T[:n_images], params)
    derivative = sp.diff(cost, params[l - 2][0][j - 1, i - 1])
    return sp.count_ops(cost), sp.count_ops(derivative)
