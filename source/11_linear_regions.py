# The one source of chapter 11: `python tools/build_notebooks.py 11` builds
# chapters/11_linear_regions.ipynb and solutions/11_linear_regions.ipynb.

# %% [markdown]
# # 11 · The linear regions of ReLU networks
#
# **Goals.** After this chapter you can
# - describe a hidden ReLU unit geometrically: a hyperplane that cuts the input space into two
#   half-spaces, and write ReLU as a matrix, $\mathrm{ReLU}(\mathbf z) = D_{I(\mathbf z)}\,\mathbf z$;
# - find a point's activation pattern and the affine map the network computes on its linear region;
# - see why the network is constant on the dead region, and how deeper layers cut the regions of
#   earlier ones with bent lines;
# - count regions exactly and compare the count with Zaslavsky's formula $\sum_{i\le n_0}\binom{n_1}{i}$
#   and with the published bounds for deeper networks;
# - spot a redundant unit on the input cube $U = [0, 1]^n$, and count the regions of a trained network.
#
# **You need** [chapter 01](01_neurons_step_sigmoid.ipynb) (weighted input $z = \mathbf w\cdot\mathbf x + b$,
# ReLU), [chapter 02](02_vectors_cauchy_schwarz.ipynb) (inner products, matrices),
# [chapter 07](07_backpropagation.ipynb) (an MLP and how it trains) and from
# [chapter 10](10_subspaces_and_attention.ipynb) the idea of a subspace and of rank.

# %%
import time

import matplotlib.pyplot as plt
import numpy as np
from math import comb

from dlmath import check
from dlmath.models import MLP
from dlmath import regions as R
from dlmath.explorers.regions import draw_regions

rng = np.random.default_rng(11)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. A unit is a hyperplane
#
# A hidden unit $j$ computes $z_j = \mathbf w_j\cdot\mathbf x + b_j$. The points where $z_j = 0$ form a
# **hyperplane (超平面)** $H_j = \{\mathbf x\in\mathbb R^n : \mathbf w_j\cdot\mathbf x + b_j = 0\}$: a line
# in the plane, a plane in space. It cuts $\mathbb R^n$ into two **half-spaces (半空间)**,
#
# $$S^+_j = \{\mathbf x : \mathbf w_j\cdot\mathbf x + b_j > 0\},\qquad
#   S^-_j = \{\mathbf x : \mathbf w_j\cdot\mathbf x + b_j \le 0\}.$$
#
# The weight vector $\mathbf w_j$ is normal to $H_j$ and points into $S^+_j$; moving $b_j$ slides the
# hyperplane along $\mathbf w_j$ without turning it. With the **indicator function (示性函数)**
# $I(z) = 1$ for $z > 0$ and $0$ for $z \le 0$, the side of a point is $I(z_j)$ — and the hyperplane itself
# belongs to the negative side (there ReLU gives 0). `R.side(W, b, x)` computes this for a whole layer.

# %%
w, b = np.array([1.0, 2.0]), -1.0          # the line x₁ + 2x₂ = 1
points = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [3.0, -0.5]])
print("z     =", points @ w + b)
print("I(z)  =", R.side(w[None, :], np.array([b]), points)[:, 0])

# %% [markdown]
# > **⚠️ Careful — with $b \ne 0$ a hyperplane is an affine subspace, not a linear one.** One of the
# > reading notes this course grew from calls the hyperplane $\mathbf w^\top\mathbf x + b = 0$ "a linear
# > subspace of codimension 1". That is true only for $b = 0$. A subspace must contain $\mathbf 0$ and be
# > closed under adding its vectors (chapter 10's subspace test); with $b \ne 0$ the origin gives
# > $z = b \ne 0$, and the sum of two points of the line is not on it. It is an
# > **affine subspace (仿射子空间)**: the linear subspace $\mathbf w\cdot\mathbf x = 0$ shifted by a point.

# %%
p1, p2 = np.array([1.0, 0.0]), np.array([-1.0, 1.0])    # both on x₁ + 2x₂ − 1 = 0
for name, pt in [("p1", p1), ("p2", p2), ("0", np.zeros(2)), ("p1 + p2", p1 + p2),
                 ("p1 − p2 (a direction)", p1 - p2)]:
    print(f"{name:22s} w·x + b = {float(pt @ w + b):+.1f}")
print("with b = 0, p1 − p2 satisfies w·x = 0:", float((p1 - p2) @ w) == 0.0)

# %% [markdown]
# The origin and $p_1 + p_2$ are off the line, so it is no subspace; differences of its points satisfy
# $\mathbf w\cdot\mathbf x = 0$, the linear subspace the line is a shifted copy of.
#
# ### Exercise 1 — which side
# The hyperplane is $2x_1 - x_2 - 1 = 0$. For the four points $(0.75, 0)$, $(1.5, 0)$, $(1, 1)$ and
# $(0.25, 0)$ give $I(z)$ as an array of four 0/1 numbers (a point on the hyperplane counts as 0).

# %%
### BEGIN SOLUTION
w_ex, b_ex = np.array([2.0, -1.0]), -1.0
pts_ex = np.array([[0.75, 0.0], [1.5, 0.0], [1.0, 1.0], [0.25, 0.0]])
sides = (pts_ex @ w_ex + b_ex > 0).astype(int)
### END SOLUTION

# %%
check("11.which_side", sides)

# %% [markdown]
# ## 2. ReLU is a diagonal matrix that depends on its input
#
# For a layer with weighted inputs $\mathbf z = (z_1,\dots,z_k)$, $\mathrm{ReLU}(z_j) = I(z_j)\,z_j$, so
#
# $$\mathrm{ReLU}(\mathbf z) = D_{I(\mathbf z)}\,\mathbf z,\qquad
#   D_{I(\mathbf z)} = \operatorname{diag}\bigl(I(z_1),\dots,I(z_k)\bigr).$$
#
# The 0/1 vector $I(\mathbf z)$ is the layer's **activation pattern (激活模式)**. ReLU is not linear,
# but once the pattern is fixed it *is* a matrix: all the non-linearity lives in which matrix is used.

# %%
z = np.array([1.5, -2.0, 0.0, 0.7])
D = R.relu_as_matrix(z)
print(D)
print("D z =", D @ z, "  ReLU(z) =", np.maximum(z, 0))
z_other = np.array([-1.0, 3.0, 2.0, 0.7])  # another input, another matrix
print("D for another z:", np.diag(R.relu_as_matrix(z_other)))

# %% [markdown]
# ### Exercise 12 — ReLU as a matrix
# Give $D_{I(\mathbf z)}$ for $\mathbf z = (0.5, -1, 0, 2)$: the $4\times4$ matrix with $\mathrm{ReLU}(\mathbf z) = D\,\mathbf z$.

# %%
z_ex = np.array([0.5, -1.0, 0.0, 2.0])
### BEGIN SOLUTION
D_ex = np.diag((z_ex > 0).astype(float))
### END SOLUTION

# %%
check("11.relu_matrix", D_ex)

# %% [markdown]
# ## 3. Activation patterns and linear regions
#
# Take the 2-3-1 network below: three hidden ReLU units (rows of $W^1$, shape (3, 2) as in `dlmath.ops.dense`)
# and one linear output. Each point of the plane has a pattern of three bits.
# `R.activation_pattern(net, x)` returns one row per point.

# %%
W1 = np.array([[1.0, -1.0], [0.5, 2.0], [-1.0, -1.0]])
b1 = np.array([-0.6, -1.0, 1.8])
W2, b2 = np.array([[2.0, -1.0, 3.0]]), np.array([0.5])
net = [(W1, b1), (W2, b2)]          # (W, b) pairs; an MLP with ReLU units works the same way
xs = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0], [2.0, 2.0]])
print(R.activation_pattern(net, xs))

# %% [markdown]
# The set of all points with one pattern is an intersection of half-spaces, one per unit — e.g. the
# pattern $(1, 0, 1)$ is $S^+_1\cap S^-_2\cap S^+_3$. An intersection of half-spaces is convex. On it the
# pattern, hence $D$, is fixed, and the network is one affine map:
#
# $$z^2 = W^2 D\,(W^1\mathbf x + \mathbf b^1) + b^2 = \underbrace{W^2 D W^1}_{A}\,\mathbf x
#   + \underbrace{W^2 D\,\mathbf b^1 + b^2}_{c}.$$
#
# Such a set is a **linear region (线性区域)** — more precisely an **activation region (激活区域)**, one
# per activation pattern that occurs (Hanin & Rolnick's term; the regions this chapter counts are these).
# Two neighbouring activation regions may carry the same affine map, and then the *function* has fewer
# linear pieces than the network has regions; section 6 shows it once. The hyperplanes together are a
# **hyperplane arrangement (超平面排列)** that partitions the input space (**space partitioning (空间划分)**).
# `R.partition(net, box)` finds the regions of a 2-input network inside a rectangle *exactly*: it cuts
# the box polygon by one line after the other (a convex polygon cut by a line is a few lines of code,
# `R.split_polygon`), and hands back each region's polygon, pattern and affine map $(A, c)$.

# %%
box = (-1.0, 3.0, -1.0, 3.0)
found = R.partition(net, box)
for r in found:
    print(f"pattern {r.pattern}: A = {np.round(r.A[0], 2)}, c = {r.c[0]:+.2f}, {len(r.polygon)} corners")

# %% [markdown]
# In the figure each region is labelled with its pattern: crossing one line flips exactly one bit, the
# bit of the unit whose line it is.

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(4.6, 4.2), layout="constrained")
draw_regions(ax, found, box)
for r in found:
    cx, cy = r.polygon.mean(axis=0)
    ax.text(cx, cy, "".join(map(str, r.pattern)), ha="center", va="center", fontsize=8)
ax.set(xlabel="$x_1$", ylabel="$x_2$", title="regions of the 2-3-1 net, labelled by pattern");

# %% [markdown]
# Check that the affine map of a region *is* the network there: pick random points inside each polygon
# (convex combinations of its corners: weights $\ge 0$ that sum to 1, drawn from a Dirichlet
# distribution) and compare.

# %%
worst = 0.0
for r in found:
    inside = rng.dirichlet(np.ones(len(r.polygon)), size=5) @ r.polygon
    worst = max(worst, float(np.max(np.abs(R.forward(net, inside) - (inside @ r.A.T + r.c)))))
print(f"largest difference between the network and its regions' affine maps: {worst:.1e}")

# %% [markdown]
# ### Exercise 2 — an activation pattern by hand
# Give the pattern of the hidden layer of this network at $\mathbf x = (0.1, 0.9)$, as an array of three
# 0/1 numbers.

# %%
### BEGIN SOLUTION
x_point = np.array([0.1, 0.9])
pattern = (W1 @ x_point + b1 > 0).astype(int)
### END SOLUTION

# %%
check("11.pattern", pattern)

# %% [markdown]
# ### Exercise 3 — the affine map on that region
# On the region of that pattern the network is $z^2 = A\mathbf x + c$. Give $A$, the (1, 2) matrix
# $W^2 D W^1$, as an array.

# %%
### BEGIN SOLUTION
D_x = np.diag((W1 @ x_point + b1 > 0).astype(float))
A_region = W2 @ D_x @ W1
### END SOLUTION

# %%
check("11.region_jacobian", A_region)

# %% [markdown]
# ### Exercise 4 — and its offset
# Give $c = W^2 D\,\mathbf b^1 + b^2$ on the same region, as a number.

# %%
### BEGIN SOLUTION
c_region = float((W2 @ D_x @ b1 + b2)[0])
### END SOLUTION

# %%
check("11.region_offset", c_region)

# %% [markdown]
# ## 4. The dead region
#
# Where every hidden unit is off, the pattern is all zeros and $D = 0$: this is the
# **dead region (失活区域)** $S^-_1\cap S^-_2\cap\dots\cap S^-_k$. There
# $z^2 = W^2\cdot 0 + b^2 = b^2$ whatever the input.
#
# > **⚠️ Careful — in a dead region the network is constant; its Jacobian is zero.** The reading note
# > says the next layer "has rank 0" there and "compresses the region into the null space". What happens
# > is simpler and stronger: $A = W^2 D W^1 = 0$, so every input of the region goes to *one point*, $b^2$
# > (not to $\mathbf 0$, and not "into" a null space — the null space of $A = 0$ is all of $\mathbf R^n$,
# > and the image is a single point). The gradient of the output with respect to the input, and with
# > respect to every first-layer weight, is zero there: inputs in a dead region teach those weights
# > nothing.

# %%
W1_dead = np.array([[1.0, 0.0], [0.0, 1.0]])
b1_dead = np.array([-0.5, -0.5])          # both units off where x₁ < 0.5 and x₂ < 0.5
net_dead = [(W1_dead, b1_dead), (np.array([[2.0, -3.0]]), np.array([0.7]))]
dead = [r for r in R.partition(net_dead) if r.dead][0]
inside = rng.dirichlet(np.ones(len(dead.polygon)), size=6) @ dead.polygon
print("outputs at 6 points of the dead region:", np.round(R.forward(net_dead, inside)[:, 0], 12))
h = 1e-6
grad = [(R.forward(net_dead, inside[0] + h * e) - R.forward(net_dead, inside[0] - h * e))[0, 0] / (2 * h)
        for e in np.eye(2)]
print("A on the dead region:", dead.A, "  central differences:", np.round(grad, 12))

# %% [markdown]
# ### Exercise 5 — the value on a dead region
# (The 2-3-1 network of section 3 has no dead region: no input switches all three of its units off.)
# This 2-2-1 network has one, and the origin lies in it: $W^1 = \begin{pmatrix}1 & 2\\ -1 & 1\end{pmatrix}$,
# $\mathbf b^1 = (-1, -0.5)$, $W^2 = (3, -2)$, $b^2 = -0.4$. What does it output there — at the origin and
# everywhere else on that region?

# %%
W1_d, b1_d = np.array([[1.0, 2.0], [-1.0, 1.0]]), np.array([-1.0, -0.5])
W2_d, b2_d = np.array([[3.0, -2.0]]), np.array([-0.4])
### BEGIN SOLUTION
dead_value = float(b2_d[0])
### END SOLUTION

# %%
check("11.dead_region_value", dead_value)

# %% [markdown]
# ## 5. How many regions can one layer make?
#
# $n_1$ hyperplanes in $\mathbb R^{n_0}$ are in **general position (一般位置)** when no two are parallel,
# no three lines meet in a point, and so on. Then they cut $\mathbb R^{n_0}$ into exactly
#
# $$r(n_0, n_1) = \sum_{i=0}^{n_0}\binom{n_1}{i}$$
#
# regions (Zaslavsky 1975). In the plane: $1 + n_1 + \binom{n_1}{2}$ — start with one region, each line
# adds one region for itself plus one for every line it crosses. That is far below the $2^{n_1}$
# patterns: most patterns never occur. We check it on random one-layer nets, in a box large enough to
# hold every crossing point (then every region meets the box):

# %%
print(" n1  counted  Σ C(n1, i)  2^n1")
for n1 in range(1, 9):
    W, bias = rng.normal(size=(n1, 2)), rng.normal(size=n1)
    crossings = [np.linalg.solve(W[[i, j]], -bias[[i, j]]) for i in range(n1) for j in range(i + 1, n1)]
    crossings = np.array(crossings) if crossings else -bias[0] * W[:1] / (W[0] @ W[0])
    lo, hi = crossings.min(axis=0) - 1, crossings.max(axis=0) + 1
    counted = R.count_regions([(W, bias), (np.ones((1, n1)), np.zeros(1))], (lo[0], hi[0], lo[1], hi[1]))
    print(f"{n1:3d}  {counted:7d}  {R.zaslavsky(2, n1):10d}  {2 ** n1:4d}")

# %% [markdown]
# **Move one unit.** The map below shows the exact regions of a 2-5-1 network in $[-1, 1]^2$, each filled
# with its pattern's colour, the dead region dark. The sliders turn and slide unit 1's line (red; the
# short segment is its normal $\mathbf w$, pointing to its positive side). Watch the count drop when the
# line leaves the box or two crossings leave it, and the dead region grow, shrink or vanish. The other
# four units do not move, so their partition was computed once; a slider move only cuts each of their
# regions by the red line.

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.regions import region_count_explorer, region_explorer

region_explorer()

# %% [markdown]
# ### Exercise 6 — the most regions for $n_0 = 2$, $n_1 = 5$
# How many regions can one hidden layer of 5 ReLU units make in the plane, at most? (A number.)

# %%
### BEGIN SOLUTION
max_regions = comb(5, 0) + comb(5, 1) + comb(5, 2)
### END SOLUTION

# %%
check("11.max_regions", max_regions)

# %% [markdown]
# ### Exercise 7 — Zaslavsky in three dimensions
# And 6 units on an input of 3 numbers ($n_0 = 3$, $n_1 = 6$)?

# %%
### BEGIN SOLUTION
zaslavsky_3d = sum(comb(6, i) for i in range(4))
### END SOLUTION

# %%
check("11.zaslavsky_3d", zaslavsky_3d)

# %% [markdown]
# **More than two inputs.** There the regions are polytopes, and the lib does not enumerate them. It
# offers two counts that say what they are: `R.segment_regions(net, p, q)` finds the regions met along
# the segment from $p$ to $q$ *exactly* (the same cutting, in one dimension); `R.count_patterns(net, x)`
# counts the distinct patterns among sample points — only a lower bound, since a region no sample falls
# in is missed.

# %%
net3 = R.random_relu_net(3, (6,), seed=3)
p, q = np.array([-2.0, -2.0, -2.0]), np.array([2.0, 2.0, 2.0])
along = R.segment_regions(net3, p, q)
samples = rng.uniform(-2, 2, size=(20000, 3))
print(f"regions met along the segment (exact): {len(along)}")
print(f"patterns met by 20000 random points in the cube [−2, 2]³ (a lower bound): {R.count_patterns(net3, samples)}")
print(f"Zaslavsky's maximum for n0 = 3, n1 = 6: {R.zaslavsky(3, 6)}")

# %% [markdown]
# ## 6. Through the layers: regions inside regions
#
# A second hidden layer sees $\mathbf a^1 = D^1(W^1\mathbf x + \mathbf b^1)$, which is affine in
# $\mathbf x$ *inside each first-layer region*. So a second-layer unit cuts each first-layer region with
# a straight line — a different line in each region, because $D^1$ differs. In the input plane its
# "hyperplane" is a broken line that bends where it crosses a first-layer line. This is the recursive
# partition: the regions of layer $l$ are the regions of layer $l-1$, each cut by the units of layer $l$,
#
# $$R^l = \bigcap_{j} S^{\pm}(z^l_j)\;\cap\; R^{l-1},\qquad R^0 = \mathbf R^{n_0}.$$
#
# `R.partition` works exactly this way, layer by layer.

# %%
deep = R.random_relu_net(2, (4, 4), seed=5)
first_only = [(deep.W[0], deep.b[0]), (np.ones((1, 4)), np.zeros(1))]
box2 = (-2.0, 2.0, -2.0, 2.0)
layer1, both = R.partition(first_only, box2), R.partition(deep, box2)
print(f"after layer 1: {len(layer1)} regions; after layer 2: {len(both)}")

# %% [markdown]
# Look at the right panel: every layer-2 line is straight inside a layer-1 region and bends where it
# crosses a layer-1 line.

# %% tags=["nbval-ignore-output"]
fig, axes = plt.subplots(1, 2, figsize=(8.4, 4.0), layout="constrained")
draw_regions(axes[0], layer1, box2).set_title("layer 1: straight lines", fontsize=10)
draw_regions(axes[1], both, box2).set_title("layers 1 and 2: layer-2 lines bend at layer-1 borders",
                                             fontsize=10);

# %% [markdown]
# ### Exercise 13 — one piece of a bent line
# A 2-2-1-1 network: first layer $W^1 = \begin{pmatrix}1 & 1\\ 1 & -1\end{pmatrix}$, $\mathbf b^1 = (-1, 0)$; one
# second-layer unit with weights $(2, -1)$ and bias $-1$. On the region where first-layer unit 1 is *on*
# and unit 2 is *off*, the second-layer unit computes an affine function of the input,
# $z = a_1x_1 + a_2x_2 + c$; its zero set is that region's piece of the bent line. Give `[a1, a2, c]`.

# %%
W1_b, b1_b = np.array([[1.0, 1.0], [1.0, -1.0]]), np.array([-1.0, 0.0])
w2_b, b2_b = np.array([2.0, -1.0]), -1.0
### BEGIN SOLUTION
D_b = np.diag([1.0, 0.0])                      # unit 1 on, unit 2 off
bent_piece = [*(w2_b @ D_b @ W1_b), w2_b @ D_b @ b1_b + b2_b]
### END SOLUTION

# %%
check("11.bent_piece", bent_piece)

# %% [markdown]
# **Dynamic rank.** The next layer's weights act on $D^1\mathbf z^1$, so on a region what they really
# apply is $W^2 D^1$ (the reading note writes $w^\top D$ with its own transposed convention). Its rank
# changes from region to region and never exceeds $\operatorname{rank}W^2$:
# $\operatorname{rank}(W^2 D) \le \min(\operatorname{rank} W^2, \text{number of units on})$.
# `R.dynamic_rank(W_next, pattern)` computes it. For the regions of the net above:

# %%
W_next = deep.W[1]
print(f"rank W² = {np.linalg.matrix_rank(W_next)}")
for r in layer1:
    print(f"layer-1 pattern {r.pattern}: rank(W² D) = {R.dynamic_rank(W_next, r.pattern)}")

# %% [markdown]
# ### Exercise 8 — a dynamic rank
# $W = \begin{pmatrix}1&2&0&2\\0&1&1&0\\1&0&-1&2\end{pmatrix}$ (the next layer, 3 units fed by 4) and the
# pattern $(1, 0, 0, 1)$. Give $\operatorname{rank}(W D)$.

# %%
### BEGIN SOLUTION
W_ex = np.array([[1.0, 2.0, 0.0, 2.0], [0.0, 1.0, 1.0, 0.0], [1.0, 0.0, -1.0, 2.0]])
rank_wd = np.linalg.matrix_rank(W_ex @ np.diag([1, 0, 0, 1]))
### END SOLUTION

# %%
check("11.dynamic_rank", rank_wd)

# %% [markdown]
# ### Exercise 9 — count a tiny net's regions
# The 2-3-2-1 network below. How many linear regions does it have in $U = [0, 1]^2$? Count them (the
# lib may help), and compare with the one-layer formula for its 5 units.

# %%
tiny = [(np.array([[1.0, 1.0], [1.0, -1.0], [-1.0, 0.5]]), np.array([-1.0, 0.0, 0.3])),
        (np.array([[1.0, -1.0, 1.0], [-0.5, 1.0, 1.0]]), np.array([-0.3, -0.2])),
        (np.array([[1.0, 1.0]]), np.array([0.0]))]

# %%
### BEGIN SOLUTION
tiny_count = R.count_regions(tiny, (0.0, 1.0, 0.0, 1.0))
### END SOLUTION

# %%
check("11.count_tiny", tiny_count)

# %% [markdown]
# Those are activation regions. How many *linear pieces* does the function have? Neighbouring regions
# that carry the same affine map $(A, c)$ are one piece of the function; `R.linear_pieces` merges them:

# %%
tiny_regions = R.partition(tiny, (0.0, 1.0, 0.0, 1.0))
tiny_pieces = R.linear_pieces(tiny_regions)
print(f"{len(tiny_regions)} activation regions, {len(tiny_pieces)} linear pieces")
merged = [p for p in tiny_pieces if len(p) > 1]
print("a merged piece:", ", ".join("".join(map(str, r.pattern)) for r in merged[0]),
      "— one affine map, A =", np.round(merged[0][0].A[0], 3), "c =", np.round(merged[0][0].c, 3))

# %% [markdown]
# ## 7. Deeper or wider? The count against the bounds
#
# How many regions can $L$ hidden layers of widths $n_1,\dots,n_L$ make? Two published answers:
# - **Montúfar, Pascanu, Cho & Bengio (2014)**, *On the number of linear regions of deep neural
#   networks* (NeurIPS), Theorem 4: if every $n_l \ge n_0$, *some* network of this shape has at least
#   $\bigl(\prod_{l<L}\lfloor n_l/n_0\rfloor^{n_0}\bigr)\sum_{j\le n_0}\binom{n_L}{j}$ regions — a
#   number that grows exponentially with depth. Their construction folds the input space layer after
#   layer; random weights do not do this. With $n_l = n_0$ the factors $\lfloor n_l/n_0\rfloor^{n_0}$ are
#   all 1 and the bound says only what one layer of width $n_L$ already gives — trivial for the narrow
#   row of the table below (widths 2 = $n_0$).
# - **Serra, Tjandraatmadja & Ramalingam (2018)**, *Bounding and counting linear regions of deep neural
#   networks* (ICML), Theorem 1: *no* network has more than
#   $\sum_{(j_1,\dots,j_L)\in J}\prod_l\binom{n_l}{j_l}$, where
#   $J = \{0\le j_l\le\min(n_0, n_1-j_1,\dots,n_{l-1}-j_{l-1}, n_l)\}$: a layer can only cut in as many
#   dimensions as the layers before it left alive — the dynamic rank again. For one layer it is
#   Zaslavsky's count.
#
# Here are random networks of 12 hidden units, arranged as 1, 2, 3 or 6 layers, counted exactly in
# $[-2, 2]^2$ (mean of 5 seeds):

# %%
print("widths                 counted  Montúfar (some net ≥)  Serra (every net ≤)")
for widths in [(12,), (6, 6), (4, 4, 4), (2, 2, 2, 2, 2, 2)]:
    counts = [R.count_regions(R.random_relu_net(2, widths, seed=s), box2) for s in range(5)]
    print(f"{str(widths):22s} {np.mean(counts):7.1f}  {R.montufar_lower(2, widths):21d}  {R.serra_upper(2, widths):19d}")

# %% [markdown]
# Every count stays below Serra's bound, as it must. Random deep nets do not come near the maximum —
# in a bounded box they often have *fewer* regions than one wide layer (Hanin & Rolnick 2019 found the
# same: depth raises the possible number, not the typical one). Choose the depth and width yourself:

# %% tags=["nbval-ignore-output"]
region_count_explorer()

# %% [markdown]
# ## 8. The output layer: max and softmax
#
# A classifier picks the class with the largest output $y_k = \mathbf w_k\cdot\mathbf a + b_k$ (softmax
# does not change which is largest). Class $k$ wins where $y_k - y_i > 0$ for every $i\ne k$: again an
# intersection of half-spaces, now of the **pairwise** hyperplanes
#
# $$y_k - y_i = (\mathbf w_k - \mathbf w_i)\cdot\mathbf a + (b_k - b_i) = 0.$$
#
# `R.pairwise_hyperplanes(W, b)` lists them; inside each linear region `R.argmax_regions` splits the
# polygon by them, since there the logits are affine in $\mathbf x$.

# %%
net_cls = R.random_relu_net(2, (6,), n_out=3, seed=2)
cls_regions = R.partition(net_cls, box2)
pieces = [(k, p) for r in cls_regions for k, p in R.argmax_regions(r.polygon, r.A, r.c)]
print(f"{len(cls_regions)} linear regions, split into {len(pieces)} pieces by the argmax")
for k, i, dw, db in R.pairwise_hyperplanes(net_cls.W[1], net_cls.b[1]):
    print(f"y{k + 1} − y{i + 1}: weights on the 6 hidden outputs {np.round(dw, 2)}, bias {db:+.2f}")

# %% [markdown]
# In the figure, look at the borders between the colours: straight inside each linear region, bent where
# they cross a region's edge.

# %% tags=["nbval-ignore-output"]
from matplotlib.collections import PolyCollection

fig, ax = plt.subplots(figsize=(4.6, 4.2), layout="constrained")
ax.add_collection(PolyCollection([p for _, p in pieces], facecolors=[f"C{k}" for k, _ in pieces],
                                 edgecolors="white", linewidths=0.4, alpha=0.7))
ax.set(xlim=box2[:2], ylim=box2[2:], aspect="equal", title="winning class, cut along the linear regions");

# %% [markdown]
# ### Exercise 10 — a pairwise hyperplane
# An output layer has $W = \begin{pmatrix}1&2\\-1&0.5\\0.5&-1\end{pmatrix}$ and
# $\mathbf b = (0.2, -0.3, 1.0)$. Give the function $y_1 - y_3$ whose positive side is where class 1
# beats class 3, as the array $[\,w_1, w_2, \text{bias}\,]$.

# %%
### BEGIN SOLUTION
W_out, b_out = np.array([[1.0, 2.0], [-1.0, 0.5], [0.5, -1.0]]), np.array([0.2, -0.3, 1.0])
pair = np.append(W_out[0] - W_out[2], b_out[0] - b_out[2])
### END SOLUTION

# %%
check("11.pairwise", pair)

# %% [markdown]
# ## 9. The input cube and redundant units
#
# Real inputs are bounded: pixels in $[0, 1]$ after scaling. The **input space (输入空间)** that matters
# is the cube $U = [0, 1]^{n}$, not all of $\mathbf R^n$. A unit whose positive half-space misses $U$ is
# off for every input in $U$: it contributes $0$ to the next layer, and deleting it does not change the
# function on $U$. Such a unit is a **redundant node (冗余节点)**. A hyperplane misses the cube exactly
# when $\mathbf w\cdot\mathbf x + b$ has one sign at all $2^n$ corners (`R.hyperplane_meets_box`).

# %%
W1r = rng.normal(size=(4, 2))
b1r = rng.normal(size=4) * 0.1
W1r[2], b1r[2] = [1.0, 1.0], -3.0                  # x₁ + x₂ = 3: misses U, and the unit is off on U
W2r, b2r = rng.normal(size=(1, 4)), rng.normal(size=1)
U = np.array([[0.0, 1.0], [0.0, 1.0]])
print("unit 3 meets U:", R.hyperplane_meets_box(W1r[2], b1r[2], U))
keep = [0, 1, 3]
full, pruned = [(W1r, b1r), (W2r, b2r)], [(W1r[keep], b1r[keep]), (W2r[:, keep], b2r)]
x_u = rng.uniform(0, 1, size=(10000, 2))
print(f"largest change on 10000 points of U after deleting unit 3: "
      f"{float(np.max(np.abs(R.forward(full, x_u) - R.forward(pruned, x_u)))):.1e}")
print("regions in U with and without it:", R.count_regions(full), R.count_regions(pruned))

# %% [markdown]
# A unit whose hyperplane misses $U$ but which is *on* everywhere in $U$ is a different case: there it
# passes its weighted input through unchanged, $a_j = \mathbf w_j\cdot\mathbf x + b_j$, an affine function of
# the *input*, and deleting it changes the output. Can the next layer absorb it? Its bias part can:
# $b_j$ times the outgoing weight just joins the next layer's bias. Its $\mathbf w_j\cdot\mathbf x$ part
# cannot — the next layer sees only the hidden units, not $\mathbf x$ — unless the network has a *skip
# connection* from the input. The smallest example: on $[0, 1]$,
# $f(x) = \mathrm{ReLU}(x + 1) + \mathrm{ReLU}(x - \tfrac12)$; the first unit is on everywhere in $U$, yet no
# one-unit network $c\,\mathrm{ReLU}(wx + b) + d$ equals $f$: $f$ bends at $x = \tfrac12$ with slope 1 on the
# left and 2 on the right, and a single ReLU that bends there is flat on one side.

# %%
xs = np.linspace(0.0, 1.0, 101)
f = np.maximum(xs + 1, 0) + np.maximum(xs - 0.5, 0)
slopes = np.diff(f) / np.diff(xs)
print(f"slopes of f: {slopes[0]:.2f} on [0, 0.5], {slopes[-1]:.2f} on [0.5, 1]")
# the best one-unit fit c·ReLU(x − ½) + d (the only bend it may have is f's): least squares over c, d
basis = np.stack([np.maximum(xs - 0.5, 0), np.ones_like(xs)], axis=1)
(c_fit, d_fit), *_ = np.linalg.lstsq(basis, f, rcond=None)
print(f"best c·ReLU(x − ½) + d: c = {c_fit:.2f}, d = {d_fit:.2f}, largest error "
      f"{np.max(np.abs(basis @ [c_fit, d_fit] - f)):.3f}")
print("with a skip connection x ↦ x + 1 (the always-on unit, folded into a direct path): largest error",
      f"{np.max(np.abs((xs + 1) + np.maximum(xs - 0.5, 0) - f)):.1e}")
#
# ### Exercise 11 — which unit is redundant on $U = [0, 1]^2$?
# (a) $x_1 + x_2 - 0.5$  (b) $x_1 - x_2 + 2$  (c) $-x_1 - x_2 - 0.2$  (d) $2x_1 - 1$.
# Answer with the letter, e.g. `"a"`.

# %%
### BEGIN SOLUTION
redundant = "c"
### END SOLUTION

# %%
check("11.redundant_unit", redundant)

# %% [markdown]
# ## 10. What training does to the regions
#
# Train a 2-8-8-2 ReLU network on two interleaving half-moons (scikit-learn's `make_moons`, 300 points,
# standardised) and count its regions in $[-2.5, 2.5]^2$ before and after. `MLP` starts its biases at
# 0, so before training every first-layer line passes through the origin.

# %%
from sklearn.datasets import make_moons

x_moons, y_moons = make_moons(300, noise=0.15, random_state=0)
x_moons = (x_moons - x_moons.mean(axis=0)) / x_moons.std(axis=0)
box3 = (-2.5, 2.5, -2.5, 2.5)
mlp = MLP((2, 8, 8, 2), hidden="relu", output="softmax", loss="cross_entropy", seed=0)
before = R.partition(mlp, box3)

# %% tags=["nbval-ignore-output"]
start = time.perf_counter()
mlp.fit(x_moons, y_moons, eta=0.2, epochs=300, batch_size=32, momentum=0.9)  # shows a progress bar
print(f"training took {time.perf_counter() - start:.1f} s")

# %%
after = R.partition(mlp, box3)
print(f"training accuracy {mlp.accuracy(x_moons, y_moons):.1%}")
print(f"regions before: {len(before)}, after: {len(after)} (Serra bound for 8-8: {R.serra_upper(2, (8, 8))})")

# %% tags=["nbval-ignore-output"]
fig, axes = plt.subplots(1, 2, figsize=(8.4, 4.0), layout="constrained")
for ax, regs, title in zip(axes, (before, after), ("before training", "after training")):
    draw_regions(ax, regs, box3, edge="white")
    ax.scatter(*x_moons.T, c=np.where(y_moons == 1, "k", "w"), s=6, edgecolors="k", linewidths=0.3)
    ax.set_title(f"{title}: {len(regs)} regions", fontsize=10);

# %% [markdown]
# Training moved the lines off the origin and spread the crossings over the data: the count grew
# several-fold, with small regions crowded where the two moons meet — where the network needs its bends.
# It is still a small fraction of the bound.
#
# ## Summary
# - A ReLU unit is a hyperplane $\mathbf w\cdot\mathbf x + b = 0$ with two half-spaces; with $b\ne 0$ it is
#   an affine, not a linear, subspace.
# - $\mathrm{ReLU}(\mathbf z) = D_{I(\mathbf z)}\mathbf z$: fix the activation pattern and the network is
#   one affine map $A\mathbf x + c$ with $A = W^L D^{L-1}W^{L-1}\cdots D^1W^1$.
# - Activation regions are intersections of half-spaces, convex, one per pattern that occurs; neighbours
#   with the same affine map form one linear piece of the function (17 regions, 11 pieces above). On the dead
#   region the network is constant and its Jacobian is zero.
# - Deeper layers cut each earlier region with their own straight line: bent hyperplanes in the input.
#   The dynamic rank $\operatorname{rank}(W D)$ says how many directions a layer still sees.
# - One layer: at most $\sum_{i\le n_0}\binom{n_1}{i}$ regions (Zaslavsky), reached in general position.
#   Deeper nets: at most Serra et al.'s bound, and some reach Montúfar et al.'s exponential count —
#   random and trained nets have far fewer.
# - The output's argmax adds the pairwise hyperplanes $y_k - y_i = 0$; on the input cube $U$ a unit
#   whose positive side misses $U$ is redundant.
#
# **Next:** [12 · Training in practice](12_training.ipynb) — the chapter that teaches what chapters 07 and 08 used in one
# clause each: stochastic minibatch gradients, momentum as a linear recurrence (with chapter 10's
# eigenvalues), Adam, initialisation from variance (chapter 09's critical scale), losses from likelihood,
# and overfitting with its remedies.
