# The one source of chapter 02: `python tools/build_notebooks.py 02` builds
# chapters/02_vectors_cauchy_schwarz.ipynb and solutions/02_vectors_cauchy_schwarz.ipynb.

# %% [markdown]
# # 02 · Vectors, the inner product and Cauchy–Schwarz
#
# **Goals.** After this chapter you can
# - treat a vector as an arrow and as a list of coordinates, and compute its length;
# - compute the inner product $\mathbf{a}\cdot\mathbf{b}$ two ways — as a sum of products and as
#   $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\cos\theta$ — and show that they agree;
# - prove the Cauchy–Schwarz inequality $|\mathbf{a}\cdot\mathbf{b}| \le \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$,
#   say exactly when equality holds, and use it to find the steepest descent direction;
# - multiply matrices, and tell the matrix product, the transpose and the element-wise (Hadamard)
#   product apart.
#
# **You need** chapter 01: the weighted input $z = \mathbf{w}\cdot\mathbf{x} + b$ is an inner product plus
# a number, and a layer is $W\mathbf{x} + \mathbf{b}$. From numpy: arrays, `np.sqrt`, `np.sum`, `@`.

# %%
import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from dlmath import check
from dlmath import linalg as la

rng = np.random.default_rng(2)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. Vectors: arrows and coordinates
#
# A **vector (向量)** is a quantity with a size and a direction, drawn as an arrow. Only the arrow's
# length and direction matter, not where it starts, so we may put its tail at the origin; the
# **coordinates (坐标)** of its tip are then the vector: $\mathbf{a} = (3, 1)$ is "3 right, 1 up".
# With coordinates, a vector is just a list of numbers — a numpy array — and the same rules work in
# any number of dimensions, where arrows can no longer be drawn: the 12 pixels of chapter 01's image
# are one vector with 12 coordinates.
#
# The length of the arrow is the **norm (范数)** $\lVert\mathbf{a}\rVert$ (the book writes $|\mathbf{a}|$
# and calls it the size, 大小). In the plane it is Pythagoras; in $n$ dimensions the same formula:
#
# $$\lVert\mathbf{a}\rVert = \sqrt{a_1^2 + a_2^2 + \dots + a_n^2}, \qquad
#   \lVert(3, 1)\rVert = \sqrt{9 + 1} = \sqrt{10} \approx 3.162 .$$

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(4.2, 3.2))
for vec, color, name in [((3, 1), "C0", "a = (3, 1)"), ((1, 2), "C1", "b = (1, 2)")]:
    ax.annotate("", xy=vec, xytext=(0, 0), arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2})
    ax.text(vec[0] + 0.08, vec[1] + 0.08, name, color=color)
ax.plot([3, 3], [0, 1], ":", color="C0")  # the legs of Pythagoras' triangle
ax.set(xlim=(-0.3, 4.2), ylim=(-0.3, 2.6), aspect="equal", title="vectors as arrows from the origin");

# %% [markdown]
# ### Exercise 1 — a length
# Compute the length $\lVert\mathbf{a}\rVert$ of the three-dimensional vector $\mathbf{a}$ below (by the
# formula: `np.sqrt` and `np.sum`, or a sum written out).

# %%
a = np.array([2.0, -3.0, 6.0])
b = np.array([1.0, 2.0, 2.0])

# %%
### BEGIN SOLUTION
length_a = np.sqrt(np.sum(a ** 2))
### END SOLUTION

# %%
check("02.length", length_a)

# %% [markdown]
# From now on `la.norm` computes lengths. It scales the vector by its largest entry first, so that
# squaring cannot overflow: numpy's `np.linalg.norm` of $(10^{200}, 10^{200})$ squares $10^{200}$ to
# $10^{400}$, which does not exist as a float.

# %%
huge = np.array([1e200, 1e200])
with np.errstate(over="ignore"):
    print(f"np.linalg.norm: {np.linalg.norm(huge)}   la.norm: {float(la.norm(huge)):.4e}   "
          f"la.norm(b) = {float(la.norm(b)):.1f}")

# %% [markdown]
# ## 2. The inner product, two ways
#
# The **inner product (内积)** of two vectors of the same length — also called the **dot product
# (点积)** — multiplies matching coordinates and adds the products:
#
# $$\mathbf{a}\cdot\mathbf{b} = a_1b_1 + a_2b_2 + \dots + a_nb_n .$$
#
# The answer is one number, not a vector. You met it in chapter 01: the weighted input is
# $z = \mathbf{w}\cdot\mathbf{x} + b$. Two facts follow straight from the formula:
# $\mathbf{a}\cdot\mathbf{b} = \mathbf{b}\cdot\mathbf{a}$, and $\mathbf{a}\cdot\mathbf{a} = \lVert\mathbf{a}\rVert^2$.
#
# ### Exercise 2 — an inner product
# Compute $\mathbf{a}\cdot\mathbf{b}$ for the vectors $\mathbf{a} = (2, -3, 6)$ and $\mathbf{b} = (1, 2, 2)$
# above, as a number.

# %%
### BEGIN SOLUTION
a_dot_b = a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
### END SOLUTION

# %%
check("02.inner_product", a_dot_b)

# %% [markdown]
# ### Exercise 3 — the inner product as a function
# Write `inner(a, b)` for two numpy vectors of any (equal) length. A loop over the indices is fine;
# so is numpy's element-wise `*` followed by `np.sum`. Leave `a` and `b` as they were (no `a *= b`).

# %%
def inner(a, b):
    ### BEGIN SOLUTION
    return np.sum(a * b)
    ### END SOLUTION


# %%
check("02.inner", inner)

# %% [markdown]
# numpy has it built in: `np.dot(a, b)`, `a @ b`, and the course's `la.inner(a, b)`, which also checks
# that the lengths agree and takes a stack of vectors, one per row.
#
# **The geometric side.** Put the two arrows tail to tail; they make an **angle (夹角)** $\theta$. The
# book's second definition of the inner product is
#
# $$\mathbf{a}\cdot\mathbf{b} = \lVert\mathbf{a}\rVert\,\lVert\mathbf{b}\rVert\cos\theta .$$
#
# Are the two definitions the same? In the plane write both vectors by length and direction,
# $\mathbf{a} = r(\cos\alpha, \sin\alpha)$ and $\mathbf{b} = s(\cos\beta, \sin\beta)$; then
# $\lVert\mathbf{a}\rVert = r$, $\lVert\mathbf{b}\rVert = s$, and the angle between them is $\alpha - \beta$
# (or $\beta - \alpha$; the cosine does not care). sympy can do the algebra:

# %%
r, s, alpha, beta = sp.symbols("r s alpha beta", positive=True)
a_polar = sp.Matrix([r * sp.cos(alpha), r * sp.sin(alpha)])
b_polar = sp.Matrix([s * sp.cos(beta), s * sp.sin(beta)])
a_polar.T

# %% [markdown]
# ### Exercise 4 — the two ways agree
# Compute $\mathbf{a}\cdot\mathbf{b} = a_1b_1 + a_2b_2$ for `a_polar` and `b_polar` as a sympy expression
# (index with `a_polar[0]`, or use `a_polar.dot(b_polar)`) and simplify it with `sp.simplify`.

# %%
### BEGIN SOLUTION
two_ways = sp.simplify(a_polar.dot(b_polar))
### END SOLUTION

# %%
check("02.two_ways", two_ways)

# %% [markdown]
# sympy turns $rs\cos\alpha\cos\beta + rs\sin\alpha\sin\beta$ into $rs\cos(\alpha - \beta)$, which is
# exactly $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\cos\theta$: the sum of products *is* the
# geometric formula. (The step is the addition theorem $\cos(\alpha-\beta) = \cos\alpha\cos\beta +
# \sin\alpha\sin\beta$.)

# %%
sp.simplify(a_polar[0] * b_polar[0] + a_polar[1] * b_polar[1])

# %% [markdown]
# Read the other way round, the formula gives the angle between any two vectors:
# $\cos\theta = \dfrac{\mathbf{a}\cdot\mathbf{b}}{\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert}$. The
# sign of $\mathbf{a}\cdot\mathbf{b}$ says a lot on its own: positive for an acute angle, negative for
# an obtuse one, and $0$ exactly when the vectors are at a right angle, **orthogonal (正交)**.
#
# ### Exercise 5 — an angle
# Give the angle between $\mathbf{a} = (2, -3, 6)$ and $\mathbf{b} = (1, 2, 2)$ in degrees
# (`np.arccos` returns radians; `np.degrees` converts). Two decimals are enough: the check accepts
# anything within 0.05° of the exact angle.

# %%
### BEGIN SOLUTION
angle_deg = np.degrees(np.arccos(np.sum(a * b) / (np.sqrt(np.sum(a * a)) * np.sqrt(np.sum(b * b)))))
### END SOLUTION

# %%
check("02.angle_degrees", angle_deg)

# %% [markdown]
# > **⚠️ Careful — $\cos\theta$ computed in floats can land outside $[-1, 1]$.** For $\mathbf{b} = 3\mathbf{a}$
# > the angle is exactly $0$, but rounding in the sum of products and the square roots can give
# > $\cos\theta = 1.0000000000000002$, and `np.arccos` of that is `nan` (with a warning). Clip the cosine
# > to $[-1, 1]$ before `arccos`; `la.angle` goes further and uses a formula that is accurate at every
# > angle, even tiny ones, where `arccos` cannot tell $10^{-9}$ from $0$.

# %%
v = np.array([0.1, 0.2, 0.7])
w = 3 * v  # parallel: the angle is 0
cos_vw = np.sum(v * w) / (np.sqrt(np.sum(v * v)) * np.sqrt(np.sum(w * w)))
with np.errstate(invalid="ignore"):
    print(f"cos θ = {float(cos_vw)!r}   arccos: {np.arccos(cos_vw)}   "
          f"arccos after clip: {np.arccos(np.clip(cos_vw, -1, 1))}")
tiny = np.array([1.0, 1e-9])  # 1e-9 radians away from (1, 0)
print(f"angle of (1, 1e-9) to (1, 0):  arccos gives {float(np.arccos(tiny[0] / la.norm(tiny))):.3g}   "
      f"la.angle gives {float(la.angle(tiny, [1.0, 0.0])):.3g}")

# %% [markdown]
# ## 3. The Cauchy–Schwarz inequality
#
# Since $-1 \le \cos\theta \le 1$, the geometric formula says at once
#
# $$-\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert \;\le\; \mathbf{a}\cdot\mathbf{b} \;\le\; \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert,
#   \qquad\text{that is}\qquad |\mathbf{a}\cdot\mathbf{b}| \le \lVert\mathbf{a}\rVert\,\lVert\mathbf{b}\rVert .$$
#
# This is the **Cauchy–Schwarz inequality (柯西-施瓦茨不等式)**. The argument above is fine in the plane
# and in space, but in 12 dimensions, what is "the angle"? There we *define* $\theta$ by
# $\cos\theta = \mathbf{a}\cdot\mathbf{b} / (\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert)$ — and that is
# only allowed if the right side is known to lie in $[-1, 1]$. So we need a proof that uses no angles.
#
# **Proof.** If $\mathbf{b} = \mathbf{0}$ both sides are $0$. Otherwise, for every real number $t$ the
# vector $\mathbf{a} - t\mathbf{b}$ has a length, and a length squared is never negative:
#
# $$0 \le \lVert\mathbf{a} - t\mathbf{b}\rVert^2 = (\mathbf{a} - t\mathbf{b})\cdot(\mathbf{a} - t\mathbf{b})
#   = \lVert\mathbf{b}\rVert^2\,t^2 - 2(\mathbf{a}\cdot\mathbf{b})\,t + \lVert\mathbf{a}\rVert^2 .$$
#
# A quadratic in $t$ that is never negative has at most one real root, so its discriminant is not
# positive: $4(\mathbf{a}\cdot\mathbf{b})^2 - 4\lVert\mathbf{a}\rVert^2\lVert\mathbf{b}\rVert^2 \le 0$, which is
# the inequality squared. $\square$
#
# **Equality.** $|\mathbf{a}\cdot\mathbf{b}| = \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$ means the
# discriminant is $0$: the quadratic touches $0$ at some $t_0$, where $\lVert\mathbf{a} - t_0\mathbf{b}\rVert = 0$,
# i.e. $\mathbf{a} = t_0\mathbf{b}$. So equality holds exactly when one vector is a multiple of the other
# — the two are **parallel (平行)** — with $\mathbf{a}\cdot\mathbf{b} = +\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$
# for $t_0 > 0$ (same direction) and $-\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$ for $t_0 < 0$ (opposite).
#
# In two dimensions sympy shows the gap between the two sides as a perfect square, which gives the
# inequality and its equality case ($a_1b_2 = a_2b_1$, parallel vectors) in one line:

# %%
a1, a2, b1, b2 = sp.symbols("a1 a2 b1 b2", real=True)
sp.factor((a1**2 + a2**2) * (b1**2 + b2**2) - (a1 * b1 + a2 * b2) ** 2)

# %% [markdown]
# A proof is best believed once the numbers agree. Here are 10 000 random pairs in 5 dimensions
# (seeded) and 10 000 parallel pairs $\mathbf{b} = t\mathbf{a}$: the ratio
# $|\mathbf{a}\cdot\mathbf{b}| / (\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert) = |\cos\theta|$ never
# exceeds 1, and for parallel pairs it is 1 up to rounding.

# %%
A_rand, B_rand = rng.normal(size=(10_000, 5)), rng.normal(size=(10_000, 5))
t = rng.uniform(-3, 3, size=(10_000, 1))
for label, rows_a, rows_b in [("random pairs", A_rand, B_rand), ("parallel pairs b = t a", A_rand, t * A_rand)]:
    ratio = np.abs(la.inner(rows_a, rows_b)) / (la.norm(rows_a) * la.norm(rows_b))
    print(f"{label:24s} |a·b| / (‖a‖‖b‖) runs from {ratio.min():.16f} to {ratio.max():.16f}")
raw_gap = la.norm(A_rand) * la.norm(B_rand) - np.abs(la.inner(A_rand, B_rand))  # ‖a‖‖b‖ − |a·b| as computed
raw_gap_parallel = la.norm(A_rand) * la.norm(t * A_rand) - np.abs(la.inner(A_rand, t * A_rand))
print(f"random pairs:   raw ‖a‖‖b‖ − |a·b| from {raw_gap.min():.2e} up, negative in {int((raw_gap < 0).sum())} pairs")
print(f"parallel pairs: raw gap from {raw_gap_parallel.min():.1e} to {raw_gap_parallel.max():.1e} "
      f"(exactly 0 in exact arithmetic), negative in {int((raw_gap_parallel < 0).sum())} pairs")

# %% [markdown]
# The test uses the raw computed values, so it could fail: a random pair with $|\mathbf{a}\cdot\mathbf{b}|$
# above $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$ would show up as a negative gap. None does. For
# parallel pairs the true gap is 0 and rounding scatters the computed one on both sides of 0, by about
# $10^{-14}$. That is why the library's `la.cauchy_schwarz_gap` computes
# $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\,(1 - |\cos\theta|)$ with $|\cos\theta|$ capped at 1: it is
# $\ge 0$ *by construction*, which makes it a good measure of "how far from parallel" and a useless
# test of the inequality itself.

# %% tags=["nbval-ignore-output"]
bound = la.norm(A_rand) * la.norm(B_rand)
fig, ax = plt.subplots(figsize=(4.6, 3.4))
ax.plot(bound[:2000], la.inner(A_rand, B_rand)[:2000], ".", ms=2, alpha=0.5, label="random pairs")
edge = np.linspace(0, bound.max(), 2)
ax.plot(edge, edge, "k--", lw=1, label="±‖a‖‖b‖ (parallel pairs)")
ax.plot(edge, -edge, "k--", lw=1)
ax.set(xlabel="‖a‖ ‖b‖", ylabel="a·b", title="every pair stays inside the wedge")
ax.legend(fontsize=8);

# %% [markdown]
# ### Exercise 6 — the equality case
# True or false: for non-zero vectors, $|\mathbf{a}\cdot\mathbf{b}| = \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$
# holds *only* when $\mathbf{a}$ and $\mathbf{b}$ point in the same direction. Answer `True` or `False`.

# %%
### BEGIN SOLUTION
only_same_direction = False
### END SOLUTION

# %%
check("02.equality_case", only_same_direction)

# %% [markdown]
# ## 4. Move the vectors yourself
#
# Two vectors in the plane: the sliders set the angle $\theta$ from $\mathbf{a}$ to $\mathbf{b}$, both
# lengths, and the direction of $\mathbf{a}$. On the right, $\mathbf{a}\cdot\mathbf{b} = \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\cos\theta$
# over all angles, between the dashed bounds $\pm\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$; the orange
# dot is the current pair, the open circles are where equality holds. That panel's height is measured in
# units of $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$, so the bounds stay put and its labels show the
# real values: a length slider stretches the numbers, not the picture. Things to try:
# - turn $\theta$: the readout computes $a_1b_1 + a_2b_2$ from the coordinates and $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\cos\theta$
#   from the lengths — always the same number;
# - turn a's direction: both arrows rotate, and $\mathbf{a}\cdot\mathbf{b}$ does not change — it depends only
#   on the lengths and the angle between them;
# - the dotted line drops from $\mathbf{b}$'s tip onto $\mathbf{a}$'s line; the foot is at signed distance
#   $\lVert\mathbf{b}\rVert\cos\theta$ from the origin, so $\mathbf{a}\cdot\mathbf{b}$ = $\lVert\mathbf{a}\rVert$ times it;
# - set a length to 0: the curve flattens to 0 and equality holds for every angle.

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.vectors import vectors_explorer

vectors_explorer()

# %% [markdown]
# ## 5. Why it matters later
#
# ### The direction of steepest descent (chapter 04)
# Near a point $\mathbf{x}$, a function of several variables changes by about
# $f(\mathbf{x} + \Delta\mathbf{x}) - f(\mathbf{x}) \approx \nabla f\cdot\Delta\mathbf{x}$ (chapter 03), where
# $\nabla f$ is the vector of partial derivatives. Which direction makes $f$ fall fastest? A longer step
# changes $f$ more in any direction, so to compare directions fairly each is given by a **unit vector
# (单位向量)** $\mathbf{d}$, of length $\lVert\mathbf{d}\rVert = 1$ (`la.unit(v)` is $\mathbf{v}/\lVert\mathbf{v}\rVert$).
# Which $\mathbf{d}$ makes $\nabla f\cdot\mathbf{d}$ as small as possible? Cauchy–Schwarz answers without any
# search: $\nabla f\cdot\mathbf{d} \ge -\lVert\nabla f\rVert\lVert\mathbf{d}\rVert = -\lVert\nabla f\rVert$,
# with equality exactly when $\mathbf{d}$ is a negative multiple of $\nabla f$ (for $\nabla f \ne \mathbf{0}$):
#
# $$\mathbf{d} = -\frac{\nabla f}{\lVert\nabla f\rVert}, \qquad \nabla f\cdot\mathbf{d} = -\lVert\nabla f\rVert .$$
#
# In the explorer: set $\lVert\mathbf{b}\rVert = 1$, read $\mathbf{a}$ as $\nabla f$ and $\mathbf{b}$ as $\mathbf{d}$;
# the lowest point of the curve is at $\theta = 180°$. Gradient descent (chapter 04) is built on this.
# Let us check it against brute force: 20 000 random unit directions in 3 dimensions.

# %%
grad_example = np.array([1.0, 2.0, -2.0])  # ‖∇f‖ = 3
directions = la.unit(rng.normal(size=(20_000, 3)))  # random unit vectors, one per row
change = la.inner(directions, grad_example)  # ∇f·d for each direction
best = directions[np.argmin(change)]
print(f"smallest ∇f·d among the random directions: {change.min():.4f}   bound −‖∇f‖ = {-float(la.norm(grad_example)):.4f}")
print("best random direction:", np.round(best, 3), "  −∇f/‖∇f‖:", np.round(la.steepest_descent_direction(grad_example), 3))

# %% [markdown]
# ### Exercise 7 — the steepest direction
# At some point a function has gradient $\nabla f = (3, -4)$. Give the unit direction $\mathbf{d}$ in
# which it decreases fastest, as an array of two numbers.

# %%
grad_f = np.array([3.0, -4.0])

# %%
### BEGIN SOLUTION
steepest = -grad_f / np.sqrt(np.sum(grad_f ** 2))
### END SOLUTION

# %%
check("02.steepest_direction", steepest)

# %% [markdown]
# ### A filter's similarity score (chapter 08)
# A convolution layer slides a small *filter* over an image and scores each 3×3 patch by the inner
# product of the two, both read as vectors of 9 numbers. By Cauchy–Schwarz, among all patches of the same
# length the score $\text{filter}\cdot\text{patch}$ is largest — equal to $\lVert\text{filter}\rVert\lVert\text{patch}\rVert$
# — exactly when the patch is a positive multiple of the filter: the filter "looks for" its own pattern.
# Below: a vertical-bar filter against four patches, all scaled to the same length.

# %%
bar = np.array([[0.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.0, 1.0, 0.0]])  # the filter: a vertical bar
patches = {"2 × filter": 2 * bar, "horizontal bar": bar.T, "diagonal": np.eye(3),
           "random": rng.uniform(0, 1, size=(3, 3))}
rows = np.array([p.ravel() for p in patches.values()])  # one patch per row, 9 numbers each
rows = rows / la.norm(rows)[:, None] * 2 * la.norm(bar.ravel())  # all of length ‖2 × filter‖
scores = la.inner(rows, bar.ravel())
print(f"bound ‖filter‖‖patch‖ = {float(la.norm(bar.ravel()) * la.norm(rows[0])):.3f}")
for name, score, cos in zip(patches, scores, la.cosine_similarity(rows, bar.ravel())):
    print(f"{name:15s} score {score:6.3f}   cos θ {cos:.3f}")

# %% [markdown]
# The length matters: a patch ten times brighter scores ten times more, whatever it shows — a bright
# horizontal bar outscores the vertical bar the filter looks for. That is why scores are compared at
# equal lengths, or divided by the lengths — the **cosine similarity (余弦相似度)**
# $\cos\theta = \mathbf{a}\cdot\mathbf{b}/(\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert)$, `la.cosine_similarity`,
# which ignores brightness and is 1 only for a positive multiple.

# %%
for name, patch in [("bright horizontal bar", 10 * bar.T), ("2 × filter (above)", 2 * bar)]:
    print(f"{name:22s} score {float(la.inner(patch.ravel(), bar.ravel())):5.1f}   "
          f"cosine similarity {float(la.cosine_similarity(patch.ravel(), bar.ravel())):.3f}")

# %% [markdown]
# ## 6. Matrices
#
# A **matrix (矩阵)** is a rectangle of numbers with $m$ rows and $n$ columns, shape $(m, n)$. Chapter 01's
# layer stored the weights of neuron $j$ in row $j$ of $W$, so that $W\mathbf{x}$ is the list of inner
# products "row $j$ · $\mathbf{x}$". The **matrix product (矩阵乘积)** generalises this: for $A$ of shape
# $(m, k)$ and $B$ of shape $(k, n)$, $AB$ has shape $(m, n)$ and
#
# $$(AB)_{ij} = \text{row } i \text{ of } A \;\cdot\; \text{column } j \text{ of } B = \sum_{l=1}^{k} A_{il}B_{lj}.$$
#
# The inner dimensions must agree ($k$ columns of $A$, $k$ rows of $B$). In numpy the product is `A @ B`.

# %%
A = np.array([[1.0, 2.0], [3.0, 4.0]])
B = np.array([[0.0, 2.0], [1.0, 0.0]])
try:
    la.matmul(np.ones((2, 3)), B)  # (2, 3) times (2, 2): the inner dimensions 3 and 2 differ
except ValueError as err:
    print(err)

# %% [markdown]
# ### Exercise 8 — a matrix product
# Compute $AB$ for the $2\times2$ matrices `A` and `B` above — by hand (row times column) or with `@`.

# %%
### BEGIN SOLUTION
AB = A @ B
### END SOLUTION

# %%
check("02.matrix_product", AB)

# %% [markdown]
# Numbers commute, $3\cdot4 = 4\cdot3$; matrices do not. Here $B$ swaps and doubles: on the right of $A$
# it swaps $A$'s columns (and doubles the second), on the left it swaps $A$'s rows (and doubles the
# first) — a counterexample to the **commutative law (交换律)** for matrices.

# %%
print("A B =", (A @ B).tolist(), "   B A =", (B @ A).tolist(), "   A B == B A:", np.array_equal(A @ B, B @ A))

# %% [markdown]
# The **identity matrix (单位矩阵)** $I$ (the book writes $E$) has 1 on the diagonal and 0 elsewhere; it
# is the "1" of matrices and commutes with every square matrix of its size: $AI = IA = A$.
#
# The **transpose (转置)** $A^\top$ swaps rows and columns, $(A^\top)_{ij} = A_{ji}$, so shape $(m, n)$ becomes
# $(n, m)$; in numpy `A.T`. Two rules used all through backpropagation: $(AB)^\top = B^\top A^\top$ (the
# order flips), and for column vectors $\mathbf{a}\cdot\mathbf{b} = \mathbf{a}^\top\mathbf{b}$, an inner product written as
# a matrix product of shapes $(1, n)$ and $(n, 1)$.

# %%
I = np.eye(2)
C = np.array([[1.0, 0.0, 2.0], [-1.0, 3.0, 1.0]])  # shape (2, 3)
print("A I == A and I A == A:", np.array_equal(A @ I, A) and np.array_equal(I @ A, A))
print("C has shape", C.shape, "and Cᵀ has shape", C.T.shape)
print("(A C)ᵀ == Cᵀ Aᵀ:", np.allclose((A @ C).T, C.T @ A.T))
col_a, col_b = a.reshape(3, 1), b.reshape(3, 1)  # the vectors of exercise 2 as columns
print("aᵀ b =", col_a.T @ col_b, "  (a 1×1 matrix holding a·b)")

# %% [markdown]
# One more product, needed for the next question and treated fully in section 7: the **element-wise
# product** $X \odot Y$ of two matrices of the same shape multiplies matching entries,
# $(X \odot Y)_{ij} = X_{ij}\,Y_{ij}$; in numpy it is `X * Y`.

# %%
print("A ⊙ B =", (A * B).tolist(), "   A B =", (A @ B).tolist())

# %% [markdown]
# ### Exercise 9 — which product commutes?
# Which of these satisfies $X \star Y = Y \star X$ for **all** $2\times2$ matrices $X, Y$?
# **a** the matrix product $XY$ · **b** the element-wise product $X \odot Y$ (next section) ·
# **c** the product with a transpose, $XY^\top$ · **d** none of them. Answer with the letter in quotes.

# %%
### BEGIN SOLUTION
commutes = "b"
### END SOLUTION

# %%
check("02.commutative", commutes)

# %% [markdown]
# ## 7. The Hadamard product
#
# Backpropagation (chapter 07) needs one more product: the **Hadamard product (阿达马积)**, also called
# the element-wise product, of two matrices *of the same shape*. It multiplies matching entries and
# keeps the shape:
#
# $$(A \odot B)_{ij} = A_{ij}\,B_{ij}, \qquad\text{e.g.}\quad
#   \begin{pmatrix}1 & 2\\ 3 & 4\end{pmatrix} \odot \begin{pmatrix}0 & 1\\ 1 & 0\end{pmatrix}
#   = \begin{pmatrix}0 & 2\\ 3 & 0\end{pmatrix}.$$
#
# In numpy, `*` on two arrays *is* the Hadamard product and `@` is the matrix product — mixing them up is
# the most common bug in hand-written networks. numpy's `*` also "broadcasts" arrays of different
# shapes without a word; `la.hadamard` refuses and names both shapes, because in backpropagation a
# shape mismatch is always a bug.

# %%
print("A * B (Hadamard) =", (A * B).tolist(), "   A @ B (matrix product) =", (A @ B).tolist())
try:
    la.hadamard(np.ones((2, 3)), np.ones((3,)))  # numpy's * would broadcast this silently
except ValueError as err:
    print(err)

# %% [markdown]
# ### Exercise 10 — a Hadamard product
# Compute $P \odot Q$ for the two $2\times3$ matrices below.

# %%
P = np.array([[1.0, -2.0, 3.0], [0.0, 4.0, -1.0]])
Q = np.array([[2.0, 0.5, -1.0], [3.0, 1.0, 2.0]])

# %%
### BEGIN SOLUTION
P_had_Q = P * Q
### END SOLUTION

# %%
check("02.hadamard", P_had_Q)

# %% [markdown]
# > **⚠️ Careful — the Hadamard product is not a Hadamard matrix.** One of the reading notes this course
# > grew from (seed 004), under the heading "Hadamard 乘积", describes instead a **Hadamard matrix (阿达马矩阵)**: a
# > *single* square matrix whose entries are all $\pm1$ and whose rows are mutually orthogonal,
# > $HH^\top = nI$, used in error-correcting codes. (The note calls it an orthogonal matrix; that needs
# > $HH^\top = I$, which holds for $H/\sqrt n$, not for $H$.) Both carry Jacques Hadamard's name, and that is all
# > they share: $A \odot B$ is an *operation* on two matrices of any equal shape, with entries whatever
# > $A$ and $B$ make them. The note also says a Hadamard matrix always has an order that is a power of 2;
# > that is true of Sylvester's doubling construction below, not of Hadamard matrices — one of order 12
# > exists. The cells build a $4\times4$ Hadamard matrix by doubling, $H_{2k} = \begin{pmatrix}H_k & H_k\\ H_k & -H_k\end{pmatrix}$,
# > next to a Hadamard product, and then one of order 12.

# %%
H1 = np.array([[1.0]])
H2 = np.block([[H1, H1], [H1, -H1]])
H4 = np.block([[H2, H2], [H2, -H2]])
print("a Hadamard matrix H (4×4):")
print(H4.astype(int))
print("H Hᵀ == 4 I:", np.array_equal(H4 @ H4.T, 4 * np.eye(4)), "  same as la.hadamard_matrix(4):",
      np.array_equal(H4, la.hadamard_matrix(4)))
print("orthogonal, H Hᵀ == I:", np.array_equal(H4 @ H4.T, np.eye(4)),
      "  but (H/2)(H/2)ᵀ == I:", np.allclose((H4 / 2) @ (H4 / 2).T, np.eye(4)))

# %%
print("a Hadamard product A ⊙ B (2×2, entries not ±1):", la.hadamard(A, B).tolist())
print("is A ⊙ B a Hadamard matrix?", la.is_hadamard_matrix(la.hadamard(A, B)))

# %% [markdown]
# Order 12 comes from Paley's construction: with $\chi(x) = +1$ if $x$ is a nonzero square modulo 11,
# $-1$ if it is not, and $\chi(0) = 0$, the $11\times11$ matrix $Q_{ij} = \chi(i - j)$ bordered by a row of
# ones and a column of minus ones, plus $I$, is a Hadamard matrix.

# %%
q = 11
squares = np.unique(np.arange(1, q) ** 2 % q)  # the nonzero squares modulo 11
chi = np.where(np.isin(np.arange(q), squares), 1.0, -1.0)
chi[0] = 0.0
idx = np.arange(q)
Q11 = chi[(idx[:, None] - idx[None, :]) % q]  # Q_ij = χ(i − j), no loops
ones = np.ones((q, 1))
H12 = np.eye(q + 1) + np.block([[np.zeros((1, 1)), ones.T], [-ones, Q11]])
print("order 12, all entries ±1 and H Hᵀ == 12 I:", la.is_hadamard_matrix(H12))

# %% [markdown]
# ## Summary
# - A vector is an arrow and a list of coordinates; its length is $\lVert\mathbf{a}\rVert = \sqrt{a_1^2 + \dots + a_n^2}$.
# - The inner product $\mathbf{a}\cdot\mathbf{b} = a_1b_1 + \dots + a_nb_n$ equals
#   $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\cos\theta$; clip $\cos\theta$ to $[-1, 1]$ before `arccos`
#   (or use `la.angle`).
# - Cauchy–Schwarz: $|\mathbf{a}\cdot\mathbf{b}| \le \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$, with equality
#   exactly when $\mathbf{a}$ and $\mathbf{b}$ are parallel (same *or* opposite direction). It gives the
#   steepest descent direction $-\nabla f/\lVert\nabla f\rVert$ (chapter 04) and says a filter scores
#   highest on a patch that is a multiple of itself (chapter 08).
# - Matrix product: $(AB)_{ij}$ = row $i$ of $A$ · column $j$ of $B$; in general $AB \ne BA$; $AI = IA = A$;
#   $(AB)^\top = B^\top A^\top$.
# - The Hadamard product $A \odot B$ (numpy's `*`) multiplies matching entries of equal-shaped matrices; it
#   is not a Hadamard matrix.
#
# From here on the course uses `dlmath.linalg`: `norm`, `inner`, `angle`, `cosine_similarity`, `unit`,
# `steepest_descent_direction`, `cauchy_schwarz_gap`, `matmul`, `hadamard` and their derivatives.
#
# **Next:** [03 · Derivatives](03_derivatives.ipynb) — slopes, partial derivatives and the approximation
# $\Delta z \approx \nabla z\cdot\Delta\mathbf{x}$, where the inner product appears again.
