"""The linear regions of a ReLU network: hyperplanes, activation patterns and the exact partition.

A hidden ReLU unit j with weighted input z_j = w_j·x + b_j cuts its input space with the hyperplane
z_j = 0 into two half-spaces. ReLU(z) = D_I(z)·z, where I(z) is the 0/1 vector [z_j > 0] (the
*activation pattern*) and D_I(z) = diag(I(z)). Fix the pattern of every hidden layer and the whole
network is one affine map x -> A x + c: on the set of inputs with that pattern (a *linear region*, an
intersection of half-spaces) it computes

    a^0 = x,   a^l = D^l (W^l a^(l−1) + b^l)  (hidden layers),   z^L = W^L a^(L−1) + b^L  (output).

Conventions of `dlmath.ops.dense`: W^l has shape (n_l, n_(l−1)); a network is an `MLP` with
hidden='relu' or a list of (W, b) pairs, hidden layers first, the output layer last. The affine
map a region carries is that of the output layer's weighted input z^L (the logits before a softmax
or sigmoid; the output itself for output='identity').

For 2-D inputs `partition` finds the regions exactly, layer by layer: each polygon of layer l − 1 is
cut by the units of layer l, whose hyperplanes are straight lines *inside that polygon* (there the
input of layer l is affine in x) — so in the input plane a deeper unit's "hyperplane" bends where it
crosses a border of an earlier region. `segment_regions` does the same exactly along a segment in any
dimension; `count_patterns` counts the distinct patterns met by sample points (a lower bound on the
number of regions those points' neighbourhoods touch — regions no point falls in are missed).

We count *activation regions* (one per pattern met), as Serra et al. 2018 do; two neighbouring
regions can compute the same affine map (Hanin & Rolnick 2019 separate the two notions), so the
number of distinct affine pieces can be smaller.

Counting formulas, for n0 inputs and hidden layers of widths n_1, …, n_L:
  zaslavsky(n0, n1)          Σ_{i=0}^{n0} C(n1, i): the regions of n1 hyperplanes in general position
                             in R^n0 (Zaslavsky 1975), so the most one hidden layer can have.
  montufar_lower(n0, widths) Montúfar, Pascanu, Cho & Bengio 2014, "On the number of linear regions
                             of deep neural networks" (NeurIPS), Thm 4: some network with these widths
                             (each n_l ≥ n0) has at least (Π_{l<L} ⌊n_l/n0⌋^n0) · Σ_{j≤n0} C(n_L, j).
  serra_upper(n0, widths)    Serra, Tjandraatmadja & Ramalingam 2018, "Bounding and counting linear
                             regions of deep neural networks" (ICML), Thm 1: no network has more than
                             Σ_{(j_1..j_L) ∈ J} Π_l C(n_l, j_l), J = {0 ≤ j_l ≤ min(n0, n_1 − j_1, …,
                             n_(l−1) − j_(l−1), n_l)}. Equal to zaslavsky for one layer.
"""
from itertools import product
from math import comb, prod

import numpy as np

from .arrays import as_batch, as_float_array
from .language import translate as _
from .linalg import rank
from .models import MLP
from .ops.dense import dense, dense_unchecked

# ---------------------------------------------------------------- one layer: hyperplanes, patterns


def layers_of(net):
    """[(W, b), …] of a network: an MLP with ReLU hidden units, or a list of (W, b) pairs."""
    if isinstance(net, MLP):
        if net.hidden != "relu" and len(net.W) > 1:
            raise ValueError(_("linear regions need ReLU hidden units; this MLP has hidden={hidden}").format(
                hidden=repr(net.hidden)))
        pairs = list(zip(net.W, net.b))
    else:
        pairs = [(as_float_array(W, "W"), as_float_array(b, "b")) for W, b in net]
    for l, (W, b) in enumerate(pairs):
        if W.ndim != 2 or b.shape != (W.shape[0],):
            raise ValueError(_("layer {layer}: W must have shape (n_out, n_in) and b shape (n_out,), "
                               "got {w} and {b}").format(layer=l + 1, w=W.shape, b=b.shape))
        if l and W.shape[1] != pairs[l - 1][0].shape[0]:
            raise ValueError(_("layer {layer}: W has {columns} columns but layer {below} has {units} units").format(
                layer=l + 1, columns=W.shape[1], below=l, units=pairs[l - 1][0].shape[0]))
    if not pairs:
        raise ValueError(_("a network needs at least one layer"))
    return pairs


def side(W, b, x):
    """Which side of each unit's hyperplane w_j·x + b_j = 0 the points x lie on: 1 on the positive
    open half-space (w·x + b > 0), 0 on the closed negative one. x (N, n_in) -> (N, n_out) of 0/1."""
    return (dense(x, W, b) > 0).astype(int)


def relu_as_matrix(z):
    """D_I(z) = diag(I(z)) for one vector z: ReLU(z) = D_I(z) @ z, a matrix that depends on z."""
    z = as_float_array(z, "z")
    if z.ndim != 1:
        raise ValueError(_("z must be one vector of shape (n,), got shape {shape}").format(shape=z.shape))
    return np.diag((z > 0).astype(float))


def activation_pattern(net, x):
    """The activation pattern of every hidden unit at each point: x (N, n0) or (n0,) ->
    (N, n_1 + … + n_(L−1)) of 0/1, the layers' patterns side by side (layer 1 first)."""
    layers = layers_of(net)
    a = as_batch(x, "x", layers[0][0].shape[1])
    bits = []
    for W, b in layers[:-1]:
        z = dense_unchecked(a, W, b)
        on = z > 0
        bits.append(on.astype(int))
        a = np.where(on, z, 0.0)
    return np.concatenate(bits, axis=1) if bits else np.zeros((len(a), 0), dtype=int)


def forward(net, x):
    """The output layer's weighted input z^L (logits) of a ReLU network, x (N, n0) -> (N, n_L)."""
    layers = layers_of(net)
    a = as_batch(x, "x", layers[0][0].shape[1])
    for W, b in layers[:-1]:
        a = np.maximum(dense_unchecked(a, W, b), 0.0)
    W, b = layers[-1]
    return dense_unchecked(a, W, b)


def affine_map(net, pattern):
    """(A, c) with z^L = A x + c for every x whose hidden pattern is `pattern` (as activation_pattern
    returns it, one row). A has shape (n_L, n0)."""
    layers = layers_of(net)
    pattern = np.asarray(pattern).reshape(-1)
    n_hidden = sum(W.shape[0] for W, _ in layers[:-1])
    if pattern.shape != (n_hidden,):
        raise ValueError(_("pattern must have one 0/1 entry per hidden unit, shape ({n},), got {shape}").format(
            n=n_hidden, shape=pattern.shape))
    A, c = _hidden_map(layers, pattern, len(layers) - 1)
    W, b = layers[-1]
    return W @ A, W @ c + b


def _hidden_map(layers, pattern, n_layers):
    """(A, c) with a^l = A x + c after the first n_layers hidden layers, on the region where their
    units have `pattern`: a^l = D^l (W^l a^(l−1) + b^l), composed from a^0 = x."""
    A, c, k = np.eye(layers[0][0].shape[1]), np.zeros(layers[0][0].shape[1]), 0
    for W, b in layers[:n_layers]:
        D = pattern[k:k + len(b)].astype(float)[:, None]  # D_I as a column: D * M == diag(I) @ M
        A, c, k = D * (W @ A), D[:, 0] * (W @ c + b), k + len(b)
    return A, c


def layer_hyperplanes(net, layer, pattern=()):
    """The hyperplanes of hidden layer `layer` (1 = first) in the *input* space, valid on the region
    where the layers before it have `pattern` (their bits, layer 1 first; empty for layer 1):
    (normals (n_layer, n0), offsets (n_layer,)) with z^layer_j = normals[j]·x + offsets[j] there.
    For layer 1 these are just the rows of W¹ and b¹; deeper, they change from region to region."""
    layers = layers_of(net)
    if not 1 <= layer <= len(layers) - 1:
        raise ValueError(_("layer must be a hidden layer, 1 … {last}, got {value}").format(last=len(layers) - 1, value=layer))
    pattern = np.asarray(pattern, dtype=float).reshape(-1)
    n_before = sum(W.shape[0] for W, _ in layers[:layer - 1])
    if pattern.size != n_before:
        raise ValueError(_("pattern must have one 0/1 entry per unit of layers 1 … {last}, shape ({n},), got {shape}")
                         .format(last=layer - 1, n=n_before, shape=pattern.shape))
    A, c = _hidden_map(layers, pattern, layer - 1)
    W, b = layers[layer - 1]
    return W @ A, W @ c + b


def dynamic_rank(W_next, pattern):
    """rank(W^(l+1) D_I(z^l)): how many independent directions the next layer still sees on a region
    where layer l has this pattern. rank(W D) ≤ rank(W), and it changes from region to region."""
    W_next = as_float_array(W_next, "W_next")
    pattern = np.asarray(pattern, dtype=float).reshape(-1)
    if W_next.ndim != 2 or W_next.shape[1] != pattern.size:
        raise ValueError(_("W_next must have shape (n_out, {n}) for a pattern of {n} units, got {shape}").format(
            n=pattern.size, shape=W_next.shape))
    return rank(W_next * pattern[None, :])


# ---------------------------------------------------------------- exact partition: polygons, segments

def polygon_area(poly):
    """The area of a polygon given by its vertices in order (shoelace formula)."""
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def split_polygon(poly, w, b, tol=1e-12):
    """Cut a convex polygon (k, 2) by the line w·x + b = 0: (part with w·x + b > 0, the rest), each
    an array of vertices or None if it has no area. Vertices within `tol` of the line count as on it."""
    s = poly @ w + b
    s[np.abs(s) <= tol] = 0.0
    if np.all(s >= 0):
        return (poly, None) if np.any(s > 0) else (None, None)
    if np.all(s <= 0):
        return None, poly
    pos, neg = [], []
    for p, q, sp, sq in zip(poly, np.roll(poly, -1, axis=0), s, np.roll(s, -1)):
        if sp >= 0:
            pos.append(p)
        if sp <= 0:
            neg.append(p)
        if sp * sq < 0:  # the edge crosses the line: both parts get the crossing point
            cross = p + sp / (sp - sq) * (q - p)
            pos.append(cross)
            neg.append(cross)
    return (np.array(pos) if len(pos) > 2 else None), (np.array(neg) if len(neg) > 2 else None)


def _split_interval(t, w, b, tol=1e-12):
    """Cut an interval t = (t0, t1) by the affine function w[0]·t + b = 0 — split_polygon in 1-D."""
    s = w[0] * t + b
    s[np.abs(s) <= tol] = 0.0
    if np.all(s >= 0):
        return (t, None) if np.any(s > 0) else (None, None)
    if np.all(s <= 0):
        return None, t
    root = t[0] + s[0] / (s[0] - s[1]) * (t[1] - t[0])
    lo, hi = np.array([t[0], root]), np.array([root, t[1]])
    return (hi, lo) if s[1] > 0 else (lo, hi)


class Region:
    """One linear region: `shape` (a polygon (k, 2) in the input plane, or an interval of the
    segment parameter t), its activation `pattern` (0/1 per hidden unit, layer 1 first), and the
    affine map z^L = A x + c the network computes on it."""

    def __init__(self, shape, pattern, A, c):
        self.shape, self.pattern, self.A, self.c = shape, pattern, A, c

    @property
    def polygon(self):
        return self.shape

    @property
    def dead(self):
        """Every hidden unit off: the network is constant (A = 0) here."""
        return not np.any(self.pattern)

    def __repr__(self):
        return f"Region(pattern={''.join(map(str, self.pattern))}, {len(self.shape)} vertices)"


def _refine(net, shape, A0, c0, split, tol):
    """The partition of `shape` (whose points are x = A0 u + c0) layer by layer. Each piece carries
    the affine map u -> a^l of the layer it has reached, so the next layer's unit j is the affine
    function (W A)_j · u + (W c + b)_j on it: a straight cut of the piece."""
    layers = layers_of(net)
    if layers[0][0].shape[1] != A0.shape[0]:
        raise ValueError(_("the network takes {inputs} inputs, the region lives in {dimension}").format(
            inputs=layers[0][0].shape[1], dimension=A0.shape[0]))
    pieces = [(shape, [], A0, c0)]
    for W, b in layers[:-1]:
        new = []
        for shape, bits, A, c in pieces:
            WA, z0 = W @ A, W @ c + b  # layer l's weighted inputs on this piece: WA u + z0
            parts = [(shape, [])]
            for j in range(len(b)):  # each unit cuts every part it crosses
                parts = [(half, pat + [on]) for part, pat in parts
                         for half, on in zip(split(part, WA[j], z0[j], tol), (1, 0)) if half is not None]
            for part, pat in parts:
                D = np.array(pat, dtype=float)
                new.append((part, bits + pat, D[:, None] * WA, D * z0))
        pieces = new
    W, b = layers[-1]
    return [Region(s, np.array(bits, dtype=int), W @ A, W @ c + b) for s, bits, A, c in pieces]


def polygons_touch(P, Q, tol=1e-9):
    """Whether two convex polygons share a piece of an edge: the midpoint of some edge of one lies on an
    edge of the other (a T-junction included: the shorter edge's midpoint lies on the longer one)."""
    for A, B in ((P, Q), (Q, P)):
        for m in (A + np.roll(A, -1, axis=0)) / 2:
            for u, v in zip(B, np.roll(B, -1, axis=0)):
                d, t = v - u, m - u
                length = float(np.hypot(*d))
                if length and abs(d[0] * t[1] - d[1] * t[0]) <= tol * length and -tol <= float(t @ d) <= length ** 2 + tol:
                    return True
    return False


def linear_pieces(regions, tol=1e-9):
    """The linear pieces of the function: activation regions that touch along an edge and carry the same
    affine map (A, c) merge into one piece (Hanin & Rolnick 2019 tell the two apart). Returns a list of
    pieces, each a list of regions; there are at most as many pieces as regions."""
    parent = list(range(len(regions)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, r in enumerate(regions):
        for j in range(i):
            s = regions[j]
            same = np.allclose(r.A, s.A, atol=tol) and np.allclose(r.c, s.c, atol=tol)
            if same and root(i) != root(j) and polygons_touch(r.polygon, s.polygon, tol):
                parent[root(i)] = root(j)
    groups = {}
    for i, r in enumerate(regions):
        groups.setdefault(root(i), []).append(r)
    return list(groups.values())


def box_polygon(box):
    """The rectangle box = (x_min, x_max, y_min, y_max) as a counter-clockwise polygon."""
    x0, x1, y0, y1 = (float(v) for v in box)
    if not (x0 < x1 and y0 < y1):
        raise ValueError(_("box must be (x_min, x_max, y_min, y_max) with min < max, got {box}").format(box=box))
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])


def partition(net, box=(0.0, 1.0, 0.0, 1.0)):
    """The exact linear regions of a network with 2 inputs inside the rectangle `box` (default the
    input square U = [0, 1]²): a list of Region, each with its polygon, pattern and affine map.
    Regions that meet the box only along an edge or at a point (no area) are left out."""
    poly = box_polygon(box)
    scale = float(np.max(np.abs(poly))) or 1.0

    def split(p, w, b, tol):
        pos, neg = split_polygon(p, w, b, tol * (np.abs(w).sum() * scale + abs(b) + 1e-300))
        area_tol = 1e-14 * polygon_area(poly)  # slivers of rounding error are no regions
        return tuple(h if h is not None and polygon_area(h) > area_tol else None for h in (pos, neg))

    return _refine(net, poly, np.eye(2), np.zeros(2), split, 1e-12)


def count_regions(net, box=(0.0, 1.0, 0.0, 1.0)):
    """The number of linear regions of a 2-input network that meet the box (exact)."""
    return len(partition(net, box))


def segment_regions(net, p, q):
    """The exact linear regions met along the segment from p to q (any input dimension): a list of
    Region whose shape is the interval (t0, t1) of x = p + t (q − p), t in [0, 1], in order."""
    p, q = as_float_array(p, "p").reshape(-1), as_float_array(q, "q").reshape(-1)
    if p.shape != q.shape:
        raise ValueError(_("p and q must be points of the same dimension, got shapes {p} and {q}").format(
            p=p.shape, q=q.shape))

    def split(t, w, b, tol):
        pos, neg = _split_interval(t, w, b, tol * (abs(w[0]) + abs(b) + 1e-300))
        return tuple(h if h is not None and h[1] - h[0] > 1e-12 else None for h in (pos, neg))

    found = _refine(net, np.array([0.0, 1.0]), (q - p)[:, None], p, split, 1e-12)
    for r in found:  # the map was carried in t; give it in x, as for the polygons
        r.A, r.c = affine_map(net, r.pattern)
    return sorted(found, key=lambda r: r.shape[0])  # in order from p to q


def count_patterns(net, x):
    """The number of distinct activation patterns among sample points x (N, n0): each is one region
    the points meet, so this is a lower bound on the regions in their hull (thin regions are missed)."""
    return len(np.unique(activation_pattern(net, x), axis=0))


def grid_points(box, resolution):
    """A resolution × resolution grid of cell centres in the box, as (resolution², 2) points."""
    x0, x1, y0, y1 = (float(v) for v in box)
    xs = x0 + (np.arange(resolution) + 0.5) * (x1 - x0) / resolution
    ys = y0 + (np.arange(resolution) + 0.5) * (y1 - y0) / resolution
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def argmax_regions(poly, A, c):
    """Split one linear region (its polygon and logits z = A x + c) by the output's argmax: class k
    wins where z_k − z_i > 0 for every i ≠ k, an intersection of the half-planes of the pairwise
    hyperplanes (w_k − w_i)·x + (c_k − c_i) = 0. Returns [(k, polygon), …]."""
    out = []
    for k in range(len(c)):
        piece = poly
        for i in range(len(c)):
            if i != k and piece is not None:
                piece = split_polygon(piece, A[k] - A[i], c[k] - c[i])[0]
        if piece is not None:
            out.append((k, piece))
    return out


def pairwise_hyperplanes(W, b):
    """The hyperplanes (w_k − w_i)·x + (b_k − b_i) = 0 of a max/softmax output layer, k < i:
    [(k, i, w_k − w_i, b_k − b_i), …]. Class k beats class i on the positive side."""
    W, b = as_float_array(W, "W"), as_float_array(b, "b")
    return [(k, i, W[k] - W[i], b[k] - b[i]) for k in range(len(b)) for i in range(k + 1, len(b))]


def hyperplane_meets_box(w, b, box):
    """Whether the hyperplane w·x + b = 0 passes through the interior of the box [lo, hi]^n given as
    (lo, hi) per axis, an array (n, 2): it does iff w·x + b takes both signs at the corners."""
    w, box = as_float_array(w, "w").reshape(-1), as_float_array(box, "box")
    if box.shape != (w.size, 2):
        raise ValueError(_("box must have shape ({n}, 2), one (low, high) per input, got {shape}").format(
            n=w.size, shape=box.shape))
    # the extremes of an affine function over a box are at corners: pick per axis the low or high end
    top = b + np.sum(np.where(w > 0, w * box[:, 1], w * box[:, 0]))
    bottom = b + np.sum(np.where(w > 0, w * box[:, 0], w * box[:, 1]))
    return bool(bottom < 0 < top)


def random_relu_net(n0, widths, n_out=1, seed=0, bias=0.5):
    """An MLP (n0, *widths, n_out) with ReLU hidden units, He-scaled weights and random biases
    N(0, bias²) (MLP starts biases at 0, which would put every first-layer hyperplane through the
    origin — not general position)."""
    net = MLP((n0, *widths, n_out), hidden="relu", output="identity", seed=seed)
    rng = np.random.default_rng([seed, 11])
    for b in net.b:
        b[:] = rng.normal(0.0, bias, b.shape)
    return net


# ---------------------------------------------------------------- how many regions there can be

def zaslavsky(n0, n1):
    """Σ_{i=0}^{n0} C(n1, i): regions of n1 hyperplanes in general position in R^n0."""
    return sum(comb(int(n1), i) for i in range(int(n0) + 1))


def serra_upper(n0, widths):
    """Serra, Tjandraatmadja & Ramalingam (ICML 2018), Theorem 1: an upper bound on the regions of
    any ReLU network with n0 inputs and hidden widths n_1, …, n_L."""
    widths = [int(n) for n in widths]
    total = 0
    for js in product(*(range(min(n0, n) + 1) for n in widths)):
        cap, ok = n0, True  # the dimension still available: min(n0, n_1 − j_1, …)
        for n, j in zip(widths, js):
            if j > min(cap, n):
                ok = False
                break
            cap = min(cap, n - j)
        if ok:
            total += prod(comb(n, j) for n, j in zip(widths, js))
    return total


def montufar_lower(n0, widths):
    """Montúfar, Pascanu, Cho & Bengio (NeurIPS 2014), Theorem 4: with every width n_l ≥ n0 there
    is a network with at least (Π_{l<L} ⌊n_l / n0⌋^n0) · Σ_{j≤n0} C(n_L, j) regions — a lower bound on
    the maximum, reached by a special construction, not by random weights."""
    widths = [int(n) for n in widths]
    if min(widths) < n0:
        raise ValueError(_("the bound needs every width ≥ n0 = {n0}, got {widths}").format(n0=n0, widths=widths))
    return prod((n // n0) ** n0 for n in widths[:-1]) * zaslavsky(n0, widths[-1])
