# The one source of chapter 10: `python tools/build_notebooks.py 10` builds
# chapters/10_subspaces_and_attention.ipynb and solutions/10_subspaces_and_attention.ipynb.

# %% [markdown]
# # 10 · Subspaces, eigenvectors and attention
#
# **Goals.** After this chapter you can
# - test whether a set of vectors is a subspace, and find the column space and null space of a matrix
#   with the SVD, with the rank–nullity theorem as a check;
# - say where the image of a dense layer lives and how big it is;
# - find eigenvectors, eigenspaces and invariant subspaces, tell when the number of non-zero eigenvalues
#   equals the rank ($\operatorname{rank}A = \operatorname{rank}A^2$), and predict from the spectral radius whether
#   $\mathbf{x}_{k+1} = A\mathbf{x}_k$ dies out or blows up;
# - compute scaled dot-product attention $\operatorname{softmax}(QK^\top/\sqrt{d_k})\,V$ on a small
#   sentence, explain the $\sqrt{d_k}$, mask the future, and read multi-head attention as several
#   projections into subspaces.
#
# **You need** [chapter 02](02_vectors_cauchy_schwarz.ipynb) (inner products, matrices) and the dense
# layer $\mathbf{z} = W\mathbf{a} + \mathbf{b}$ and softmax of [chapters 06–07](07_backpropagation.ipynb).
# Chapter 09 looks at layers as operators; here we look inside one linear map at its subspaces.

# %%
import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from dlmath import calculus, check, datasets, ops
from dlmath import linalg as la

rng = np.random.default_rng(10)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. Subspaces
#
# A **subspace (子空间)** of $\mathbb{R}^n$ is a set $S$ of vectors that is a vector space on its own:
#
# 1. it contains the zero vector $\mathbf{0}$;
# 2. it is closed under addition: $\mathbf{u}, \mathbf{v} \in S \Rightarrow \mathbf{u} + \mathbf{v} \in S$;
# 3. it is closed under scaling: $\mathbf{u} \in S,\ c \in \mathbb{R} \Rightarrow c\,\mathbf{u} \in S$.
#
# Lines and planes *through the origin* pass; anything that misses the origin, has an edge (a half-plane), or
# is a union of two pieces fails. A computer cannot check every pair, but it can hunt for a
# counterexample: draw members at random and test the three rules.

# %%
def members(kind, k=200):
    """k random members of a set in R² (each a row)."""
    t = rng.normal(size=(k, 1))
    if kind == "line through 0":      # y = 2x
        return t * [1.0, 2.0]
    if kind == "shifted line":        # y = 2x + 1
        return t * [1.0, 2.0] + [0.0, 1.0]
    if kind == "upper half-plane":    # y ≥ 0
        return np.column_stack([rng.normal(size=k), np.abs(rng.normal(size=k))])
    if kind == "the two axes":        # x = 0 or y = 0
        return np.where(rng.random((k, 1)) < 0.5, t * [1.0, 0.0], t * [0.0, 1.0])


tests = {"line through 0": lambda p: np.isclose(p[:, 1], 2 * p[:, 0]),
         "shifted line": lambda p: np.isclose(p[:, 1], 2 * p[:, 0] + 1),
         "upper half-plane": lambda p: p[:, 1] >= 0,
         "the two axes": lambda p: np.isclose(p[:, 0], 0) | np.isclose(p[:, 1], 0)}

for kind, member in tests.items():
    u, v = members(kind), members(kind)
    c = rng.normal(size=(len(u), 1))
    verdict = {"has 0": bool(member(np.zeros((1, 2)))[0]),
               "u + v": bool(member(u + v).all()), "c·u": bool(member(c * u).all())}
    print(f"{kind:17s}", "  ".join(f"{k}: {'yes' if ok else 'NO'}" for k, ok in verdict.items()))

# %% [markdown]
# Only the line through the origin survives. Each "NO" comes with a counterexample: the shifted line
# misses $\mathbf{0}$ (it is an *affine* line, a subspace moved away from the origin), the half-plane
# loses $\mathbf{u}$ when you scale by $-1$, and $(1, 0) + (0, 1)$ leaves the two axes.
#
# ### Exercise 1 — which is a subspace?
# Which of these subsets of $\mathbb{R}^3$ is a subspace? Answer with the letter, e.g. `'a'`.
#
# (a) $\{(x, y, z) : x + 2y - z = 0\}$  (b) $\{(x, y, z) : x + 2y - z = 1\}$
# (c) $\{(x, y, z) : x \ge 0\}$  (d) $\{(x, y, z) : xy = 0\}$

# %%
### BEGIN SOLUTION
subspace = "a"
### END SOLUTION

# %%
check("10.subspace_test", subspace)

# %% [markdown]
# ## 2. Span, column space and null space
#
# The **span (张成)** of vectors $\mathbf{a}_1, \dots, \mathbf{a}_n$ is the set of all their linear
# combinations $x_1\mathbf{a}_1 + \dots + x_n\mathbf{a}_n$ — always a subspace (it contains $0\,\mathbf{a}_1$, and
# sums and multiples of combinations are combinations). Put the vectors into the columns of a matrix $A$ and
# the combination is $A\mathbf{x}$: a vector $\mathbf{b}$ lies in the span exactly when $A\mathbf{x} = \mathbf{b}$ has
# a solution, that is when appending $\mathbf{b}$ as a column does not raise the rank.

# %%
a_1, a_2 = np.array([1.0, 0, 1]), np.array([0.0, 1, 1])
A_span = np.column_stack([a_1, a_2])  # the span is a plane through 0 in R³
for b in (np.array([2.0, -1, 1]), np.array([1.0, 1, 0])):
    x, *_ = np.linalg.lstsq(A_span, b, rcond=None)  # the best combination; exact if b is in the span
    print(f"b = {b}: rank [A b] = {la.rank(np.column_stack([A_span, b]))} (rank A = {la.rank(A_span)}), "
          f"best x = {np.round(x, 3)}, A x − b = {np.round(A_span @ x - b, 3) + 0.0}")

# %% [markdown]
# The first $\mathbf{b}$ is $2\mathbf{a}_1 - \mathbf{a}_2$; the second is not in the plane, and the best
# combination misses it.
#
# ### Exercise 2 — coefficients in a span
# The vector $\mathbf{b} = (-1, 7, 8)$ lies in the span of $\mathbf{a}_1 = (1, 3, 2)$ and
# $\mathbf{a}_2 = (2, 1, -1)$. Give `[x1, x2]` with $x_1\mathbf{a}_1 + x_2\mathbf{a}_2 = \mathbf{b}$.

# %%
a1, a2, b_span = np.array([1.0, 3, 2]), np.array([2.0, 1, -1]), np.array([-1.0, 7, 8])

# %%
### BEGIN SOLUTION
span_coefficients = np.linalg.lstsq(np.column_stack([a1, a2]), b_span, rcond=None)[0]  # exact: b is in the span
### END SOLUTION

# %%
check("10.span_coefficients", span_coefficients)

# %% [markdown]
# Two subspaces come with every $m\times n$ matrix:
#
# - the **column space (列空间)** $\operatorname{col}(A) = \{A\mathbf{x}\} \subseteq \mathbb{R}^m$, the span of
#   the columns — everything the map $\mathbf{x} \mapsto A\mathbf{x}$ can reach (its image);
# - the **null space (零空间)** $\operatorname{null}(A) = \{\mathbf{x} : A\mathbf{x} = \mathbf{0}\} \subseteq \mathbb{R}^n$
#   — every input the map sends to zero, the information it throws away.
#
# The dimension of the column space is the **rank (秩)** $r$: the number of independent columns (it
# equals the number of independent rows). The **rank–nullity theorem (秩-零化度定理)** counts the input
# dimensions: each one either survives into the image or is lost in the null space,
#
# $$\operatorname{rank}A + \dim\operatorname{null}A = n \quad(\text{the number of columns}).$$
#
# The singular value decomposition $A = U\Sigma V^\top$ hands us both spaces at once. Its singular values
# $\sigma_1 \ge \sigma_2 \ge \dots \ge 0$ say how much $A$ stretches along the orthonormal directions in
# $V$; the $r$ non-zero ones belong to the first $r$ columns of $U$ (an orthonormal basis of the column
# space), and the directions $A$ crushes to zero are the last $n - r$ columns of $V$ (a basis of the null
# space). Here is a 4×5 matrix built to have rank 2:

# %%
A = rng.integers(-3, 4, size=(4, 2)) @ rng.integers(-3, 4, size=(2, 5)).astype(float)
U, s, Vt = np.linalg.svd(A)
print(A)
print("largest two singular values:", np.round(s[:2], 4), "| the rest below 1e-13:", bool(np.all(s[2:] < 1e-13)))

# %% [markdown]
# Two singular values are clearly non-zero; the others are below $10^{-13}$ — rounding noise that need not
# be exactly 0, and whose digits differ from machine to machine (print `s` to see yours). Rounding in the SVD
# makes errors of about $\varepsilon\,\sigma_1$ ($\varepsilon = 2.2\times10^{-16}$; here
# $\varepsilon\,\sigma_1 \approx 3\times10^{-15}$, printed below), so "zero" has to mean "below a tolerance". The lib uses numpy's rule, $\text{tol} = \max(m, n)\cdot\varepsilon\cdot\sigma_1$,
# and lets you pass a larger `tol` when the entries carry noise of their own (measurements, float32
# weights).

# %%
print(f"ε·σ₁ = {np.finfo(float).eps * s[0]:.1e}, tolerance max(m, n)·ε·σ₁ = {la.singular_tolerance(s, A.shape):.1e}")
r = int(np.sum(s > la.singular_tolerance(s, A.shape)))
C_basis, N_basis = U[:, :r], Vt[r:].T
print(f"rank {r}; column-space basis {C_basis.shape}; null-space basis {N_basis.shape}")
print("A @ null-space basis ≈ 0:", np.allclose(A @ N_basis, 0))
print("the lib agrees:", la.rank(A) == r, la.same_subspace(la.column_space(A), C_basis),
      la.same_subspace(la.null_space(A), N_basis))

noisy = A + 1e-9 * rng.normal(size=A.shape)  # the same matrix, measured with tiny noise
print(f"noisy copy: rank {la.rank(noisy)} with the default tolerance, "
      f"{la.rank(noisy, tol=1e-6)} with tol = 1e-6")

# %% [markdown]
# `la.same_subspace(B1, B2)` compares spans, not arrays: two bases describe the same subspace exactly
# when $\operatorname{rank}B_1 = \operatorname{rank}B_2 = \operatorname{rank}[B_1\ B_2]$ — neither adds a
# direction to the other. A subspace has infinitely many bases, and every check in this chapter
# accepts any of them.
#
# Rank–nullity on random matrices of full rank and on deliberately rank-deficient ones:

# %%
print(" shape    rank  nullity  rank+nullity = n")
for m, n, k in [(3, 5, 3), (5, 3, 3), (6, 6, 6), (6, 6, 2), (4, 7, 1), (5, 8, 4)]:
    M = rng.normal(size=(m, k)) @ rng.normal(size=(k, n))  # rank min(m, n, k)
    rank, nullity = la.rank(M), la.null_space(M).shape[1]
    print(f"({m}, {n})  {rank:5d}  {nullity:7d}  {rank + nullity} = {n}: {rank + nullity == n}")

# %% [markdown]
# ### Exercise 3 — rank–nullity numbers
# The 4×6 matrix `A_rn` below has rows $\mathbf{r}_1$, $\mathbf{r}_2$, $\mathbf{r}_1 + \mathbf{r}_2$ and
# $2\mathbf{r}_1 - \mathbf{r}_2$. Give `[rank, nullity]`, by reasoning (or check with `la`).

# %%
r1, r2 = np.array([1.0, 0, 2, -1, 3, 1]), np.array([0.0, 1, 1, 2, -1, 0])
A_rn = np.vstack([r1, r2, r1 + r2, 2 * r1 - r2])

# %%
### BEGIN SOLUTION
rank_nullity = [2, 6 - 2]
### END SOLUTION

# %%
check("10.rank_nullity", rank_nullity)

# %% [markdown]
# ### Exercise 4 — a basis of a null space
# Find a basis of the null space of `A_null` and give it as an array whose **columns** are the basis
# vectors. Any basis passes: by hand (solve $A\mathbf{x} = \mathbf{0}$: which unknowns are free?), with the
# SVD as above, or with `la.null_space`.

# %%
A_null = np.array([[1.0, 2, 0, -1], [0, 0, 1, 2], [1, 2, 1, 1]])

# %%
### BEGIN SOLUTION
null_basis = np.array([[-2.0, 1, 0, 0], [1, 0, -2, 1]]).T  # free unknowns x2 and x4
### END SOLUTION

# %%
check("10.null_space_basis", null_basis)

# %% [markdown]
# ## 3. The image of a dense layer
#
# A dense layer without its activation is the linear map $\mathbf{x} \mapsto W\mathbf{x}$ with $W$ of shape
# $(n_\text{out}, n_\text{in})$. Its image is the column space of $W$: a subspace of the **output** space
# $\mathbb{R}^{n_\text{out}}$ of dimension $\operatorname{rank}W \le \min(n_\text{out}, n_\text{in})$. A layer
# that widens 3 inputs to 5 units cannot fill $\mathbb{R}^5$: all its outputs lie in a subspace of dimension
# $\operatorname{rank}W \le 3$ (exactly 3 when its 3 columns are independent, as for random weights). A layer
# that narrows 4 inputs to 2 units loses at least 2 dimensions: its null space.
#
# > **⚠️ Careful — the image of a dense layer lies in the output space, not in the input space.** One of
# > the reading notes this course grew from says the outputs of a fully connected layer form "a subspace
# > of the original input feature space". They cannot: $W\mathbf{x}$ has $n_\text{out}$ entries, so it lives
# > in $\mathbb{R}^{n_\text{out}}$, and when $n_\text{out} \ne n_\text{in}$ it is not even a vector of the
# > input space:

# %%
W_wide = rng.normal(size=(5, 3))  # R³ → R⁵
W_narrow = rng.normal(size=(2, 4))  # R⁴ → R²
for name, W in (("widen 3 → 5", W_wide), ("narrow 4 → 2", W_narrow)):
    x = rng.normal(size=W.shape[1])
    print(f"{name}: x has {x.size} entries, W x has {(W @ x).size}; image = a {la.rank(W)}-dim subspace "
          f"of R^{W.shape[0]}; null space of dimension {la.null_space(W).shape[1]} in R^{W.shape[1]}")
# every output of the widening layer lies in its 3-dim column space: projecting onto it changes nothing
outputs = rng.normal(size=(100, 3)) @ W_wide.T
C = la.column_space(W_wide)
print("outputs stay in col(W):", np.allclose(outputs @ C @ C.T, outputs),
      "| a random vector of R⁵ does not:", np.allclose(rng.normal(size=5) @ C @ C.T, rng.normal(size=5)))

# %% [markdown]
# (A bias $\mathbf{b}$ shifts the image to $\operatorname{col}(W) + \mathbf{b}$, an affine subspace; the activation
# then bends it. The dimension count stays: 5 sigmoid units fed by 3 inputs trace out a surface in
# $\mathbb{R}^5$ of dimension $\operatorname{rank}W \le 3$ — a sigmoid applied entry by entry is smooth and
# invertible, so it bends the subspace without adding or removing a dimension.)
#
# ### Exercise 5 — where the image lives
# A dense layer maps $\mathbb{R}^3 \to \mathbb{R}^5$ with the weight matrix `W_dense` below (no bias). Its
# image is a subspace of $\mathbb{R}^m$ of some dimension. Give `[m, dimension]`.

# %%
W_dense = np.array([[1.0, 0, 1], [0, 1, 1], [2, 1, 3], [1, -1, 0], [0, 2, 2]])

# %%
### BEGIN SOLUTION
image = [W_dense.shape[0], la.rank(W_dense)]
### END SOLUTION

# %%
check("10.image_dimension", image)

# %% [markdown]
# ## 4. Eigenvectors and invariant subspaces
#
# A square matrix $A$ maps $\mathbb{R}^n$ to itself, so we can ask which directions it leaves alone. A
# non-zero $\mathbf{v}$ with
#
# $$A\mathbf{v} = \lambda\mathbf{v}$$
#
# is an **eigenvector (特征向量)** and $\lambda$ its **eigenvalue (特征值)**: along $\mathbf{v}$ the map only
# stretches, by $\lambda$ (flips if $\lambda < 0$). The eigenvalues are the roots of
# $\det(A - \lambda I) = 0$. A subspace $S$ with $A S \subseteq S$ is an **invariant subspace (不变子空间)**;
# the line through an eigenvector is the simplest one.
#
# Move the entries of a 2×2 matrix: the figure shows where it sends the unit circle (dashed) and a grid.
# The red lines are the eigenvector lines — the directions that stay put. A rotation by an angle $\theta$
# (try $a = d = 0$, $b = -1$, $c = 1$: $\theta = 90°$) has the eigenvalues $\lambda = \cos\theta \pm i\sin\theta$.
# For every $\theta$ other than 0 and $\pi$ they are complex: the rotation turns every direction, and no
# real eigenvector exists. The two exceptions are real: the rotation by 0 is $I$ and the rotation by $\pi$
# is $-I$, and for them every vector is an eigenvector, with $\lambda = 1$ and $\lambda = -1$ (try
# $a = d = -1$, $b = c = 0$). The readout also prints the rank of $A$ and of $A^2$ and the number of
# non-zero eigenvalues; we come back to them at the end of this section.

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.eigen import eigen_explorer

eigen_explorer()

# %% [markdown]
# The same numbers in code: `np.linalg.eig` returns the eigenvalues and unit eigenvectors (as columns).
# Newer numpy (2.5 on) returns them as complex numbers even when they are real; `np.real_if_close` drops
# an imaginary part that is zero (up to rounding), so the prints below read the same on every numpy.

# %%
A2 = np.array([[1.5, 0.5], [0.5, 1.0]])
lam, V = map(np.real_if_close, np.linalg.eig(A2))
for k in range(2):
    v = V[:, k] * np.sign(V[np.argmax(np.abs(V[:, k])), k])  # the sign of an eigenvector is arbitrary
    print(f"λ = {lam[k]:.4f}, v = {np.round(v, 4)}, A v = {np.round(A2 @ v, 4)} = λ v: {np.allclose(A2 @ v, lam[k] * v)}")


def rotation(t):
    return np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])


theta = 0.6
print("rotation by 0.6 rad: eigenvalues", np.round(np.linalg.eigvals(rotation(theta)), 4))
w = np.array([0.3, -1.7])  # any vector
for t, name in ((0.0, "0"), (np.pi, "π")):
    lam_t = np.real_if_close(np.linalg.eigvals(rotation(t)))  # sin π ≈ 1e-16 leaves a rounding-sized imaginary part
    print(f"rotation by {name}: eigenvalues {np.round(lam_t, 4) + 0.0}; R w = {lam_t[0]:+.0f}·w for this (any) w: "
          f"{np.allclose(rotation(t) @ w, lam_t[0] * w)}")

# %% [markdown]
# ### Exercise 6 — eigenvalues of a map
# Find both eigenvalues of $A = \begin{pmatrix}4 & 1\\ 2 & 3\end{pmatrix}$ (by hand from
# $\det(A - \lambda I) = 0$, or with numpy), as an array in any order.

# %%
### BEGIN SOLUTION
eigenvalues = np.linalg.eigvals(np.array([[4.0, 1], [2, 3]]))  # λ² − 7λ + 10 = (λ − 2)(λ − 5)
### END SOLUTION

# %%
check("10.eigenvalues", eigenvalues)

# %% [markdown]
# An invariant subspace need not be spanned by real eigenvectors. In 3-D, a map that rotates the
# $xy$-plane and stretches the $z$-axis keeps the plane invariant (every vector of the plane is mapped into
# the plane) though no line in it stays put. To test $AS \subseteq S$ it is enough to map a basis of $S$:
# $S$ is invariant exactly when the images of its basis vectors add no direction, $\operatorname{rank}[S\ \ AS] = \operatorname{rank}S$.

# %%
B = np.array([[np.cos(theta), -np.sin(theta), 0], [np.sin(theta), np.cos(theta), 0], [0, 0, 2.0]])
plane = np.array([[1.0, 0], [0, 1], [0, 0]])  # a basis of the xy-plane, as columns
print("A·plane ⊆ plane:", la.same_subspace(np.hstack([plane, B @ plane]), plane))
print("eigenvalues:", np.round(np.linalg.eigvals(B), 4))
xz_plane = np.array([[1.0, 0], [0, 0], [0, 1]])  # holds the eigenvector e3, yet is not invariant
print("A·(xz-plane) ⊆ xz-plane:", la.same_subspace(np.hstack([xz_plane, B @ xz_plane]), xz_plane))

# %% [markdown]
# ### Exercise 7 — an invariant subspace
# Which of these subspaces of $\mathbb{R}^3$ is invariant under
# $A = \begin{pmatrix}2 & 0 & 0\\ 0 & 0 & -1\\ 0 & 1 & 0\end{pmatrix}$ (`A_inv`)? Answer with the letter.
#
# (a) the $y$-axis, $\operatorname{span}\{\mathbf{e}_2\}$  (b) the $xy$-plane, $\operatorname{span}\{\mathbf{e}_1, \mathbf{e}_2\}$
# (c) the $yz$-plane, $\operatorname{span}\{\mathbf{e}_2, \mathbf{e}_3\}$  (d) the line through $(1, 1, 0)$

# %%
A_inv = np.array([[2.0, 0, 0], [0, 0, -1], [0, 1, 0]])

# %%
### BEGIN SOLUTION
invariant = "c"  # A e2 = e3 and A e3 = −e2 stay in the yz-plane; A e2 = e3 leaves (a), (b); A(1,1,0) = (2,0,1)
### END SOLUTION

# %%
check("10.invariant_subspace", invariant)

# %% [markdown]
# The eigenvectors of one eigenvalue $\lambda$, together with $\mathbf{0}$, form its
# **eigenspace (特征空间)** $\operatorname{null}(A - \lambda I)$ — a subspace, invariant under $A$.
#
# > **⚠️ Careful — an eigenspace is a subspace only with the zero vector added.** A reading note says
# > "the set of all such eigenvectors (the eigenspace) is a subspace". But an eigenvector is non-zero by
# > definition, and $\mathbf{v}$ and $-\mathbf{v}$ are both eigenvectors while their sum is $\mathbf{0}$, which is
# > not: the set of eigenvectors alone is not closed under addition and misses $\mathbf{0}$.

# %%
v = V[:, 0]
print("v and −v are eigenvectors:", np.allclose(A2 @ v, lam[0] * v), np.allclose(A2 @ -v, lam[0] * -v))
total = v + (-v)
print("their sum:", total, "— an eigenvector? no: eigenvectors are non-zero by definition")
E = la.null_space(A2 - lam[0] * np.eye(2))  # the eigenspace: null(A − λI), which contains 0
print(f"eigenspace of λ = {lam[0]:.4f}: dimension {E.shape[1]}, contains v: {la.same_subspace(E, v)}, "
      f"contains 0: {np.allclose((A2 - lam[0] * np.eye(2)) @ np.zeros(2), 0)}")

# %% [markdown]
# ### Exercise 8 — inside an eigenspace
# $A = \begin{pmatrix}3 & 1 & 1\\ 1 & 3 & 1\\ 1 & 1 & 3\end{pmatrix}$ (`A_es`) has the eigenvalues 2, 2 and 5.
# For each of the six vectors below (the rows of `vectors`) answer two questions — row 0: does it lie in
# the eigenspace $E_2 = \operatorname{null}(A - 2I)$? Row 1: is it an eigenvector of $A$ (for any eigenvalue)?
# Give a 2×6 array of True/False (or 1/0).

# %%
A_es = np.array([[3.0, 1, 1], [1, 3, 1], [1, 1, 3]])
vectors = np.array([[1.0, -1, 0], [2, 2, 2], [0, 0, 0], [1, 0, 0], [3, -1, -2], [2, 0, 1]])

# %%
### BEGIN SOLUTION
eigenspace_table = [[bool(np.allclose((A_es - 2 * np.eye(3)) @ u, 0)) for u in vectors],   # (A − 2I) u = 0
                    [bool(np.any(u != 0)) and la.rank(np.column_stack([u, A_es @ u])) == 1  # u ≠ 0, A u ∥ u
                     for u in vectors]]
### END SOLUTION

# %%
check("10.eigenspace_members", eigenspace_table)

# %% [markdown]
# The two rows differ in exactly two places: the zero vector (in $E_2$, not an eigenvector) and
# $(2, 2, 2)$ (an eigenvector, of $\lambda = 5$).
#
# ### Rank and eigenvalues
#
# > **⚠️ Careful — the number of non-zero eigenvalues need not equal the rank.** A reading note claims it
# > always does. The matrix $N = \begin{pmatrix}0 & 1\\ 0 & 0\end{pmatrix}$ has rank 1 (one independent
# > column) but both eigenvalues are 0: no non-zero eigenvalue at all.

# %%
N = np.array([[0.0, 1.0], [0.0, 0.0]])
print(f"rank N = {la.rank(N)}, eigenvalues {np.real_if_close(np.linalg.eigvals(N))}, N² = {(N @ N).tolist()}")
print("sympy, exactly:", sp.Matrix([[0, 1], [0, 0]]).rank(), sp.Matrix([[0, 1], [0, 0]]).eigenvals())

# %% [markdown]
# When do the two counts agree? Rank–nullity says $\operatorname{rank}A = n - \dim\operatorname{null}A$, and
# $\operatorname{null}A$ is the eigenspace of $\lambda = 0$: its dimension is the **geometric multiplicity
# (几何重数)** of 0. The non-zero eigenvalues, counted with repetition, number $n$ minus the **algebraic
# multiplicity (代数重数)** of 0, how often 0 is a root of $\det(A - \lambda I)$. The algebraic multiplicity is
# never smaller than the geometric one, so
#
# $$\#\{\text{non-zero eigenvalues}\} \le \operatorname{rank}A,$$
#
# with equality exactly when the two multiplicities of 0 agree. An eigenvalue whose two multiplicities
# agree is called **semisimple (半单)**, and 0 is semisimple exactly when $\operatorname{rank}A^2 = \operatorname{rank}A$:
# a vector with $A^2\mathbf{x} = \mathbf{0}$ but $A\mathbf{x} \ne \mathbf{0}$ is a chain
# $\mathbf{x} \to A\mathbf{x} \to \mathbf{0}$ that counts in the algebraic multiplicity of 0 but brings no new
# eigenvector, and such chains exist exactly when squaring loses rank. ($N$: $N\mathbf{e}_2 = \mathbf{e}_1$,
# $N\mathbf{e}_1 = \mathbf{0}$.)
#
# A matrix is **diagonalisable (可对角化)** when it has $n$ independent eigenvectors; then
# $A = P\,\operatorname{diag}(\lambda)\,P^{-1}$, every eigenvalue is semisimple, and the rank is the number of
# non-zero $\lambda$. But that is more than the count needs: only the eigenvalue 0 has to be semisimple.
# The shear $S$ below is not diagonalisable (one eigenvector line, $\lambda = 1$ twice) and still has rank 2
# and two non-zero eigenvalues — it has no eigenvalue 0 at all; $J$ is not diagonalisable either, has the
# eigenvalue 0, and its count equals its rank too:

# %%
def nonzero_eigenvalues(M):
    """How many eigenvalues of M are non-zero, counted with repetition — exactly, with sympy."""
    return sum(m for value, m in sp.Matrix(M).eigenvals().items() if value != 0)


examples = {"N = [[0, 1], [0, 0]]": [[0, 1], [0, 0]], "D = [[1, 0], [0, 0]]": [[1, 0], [0, 0]],
            "S = [[1, 1], [0, 1]]": [[1, 1], [0, 1]], "J = [[1, 1, 0], [0, 1, 0], [0, 0, 0]]": [[1, 1, 0], [0, 1, 0], [0, 0, 0]]}
print(f"{'':38s} rank A  rank A²  non-zero λ  diagonalisable  eigenvalues")
for name, M in examples.items():
    M_ = np.array(M, dtype=float)
    exact = sp.Matrix(M).eigenvals()
    listed = ", ".join(f"{value}" for value, m in sorted(exact.items(), reverse=True) for _ in range(m))
    print(f"{name:38s} {la.rank(M_):6d} {la.rank(M_ @ M_):8d} {nonzero_eigenvalues(M):11d} "
          f"{str(la.is_diagonalisable(M_)):>15s}  {listed}")
print("sympy agrees on diagonalisable:", [sp.Matrix(M).is_diagonalizable() for M in examples.values()])

# %% [markdown]
# Non-zero count = rank exactly in the rows where rank $A$ = rank $A^2$: $D$, $S$ and $J$, diagonalisable or
# not. (Counting with floating point needs care: a repeated eigenvalue 0 that is not semisimple comes out
# of `np.linalg.eigvals` as tiny non-zero numbers, so count $|\lambda|$ above a tolerance — or use the
# rank test, which needs no eigenvalues at all.) In the explorer, the shear is $a = d = 1$, $b = 1$, $c = 0$
# and $N$ is $a = c = d = 0$, $b = 1$: the readout shows their ranks and counts.
#
# ### Exercise 9 — rank and non-zero eigenvalues
# For each of the five matrices in `rank_matrices`, does the number of non-zero eigenvalues (counted with
# repetition) equal the rank? Give a list of five True/False. Use the test above: compare
# `la.rank(M)` with `la.rank(M @ M)` (and check one or two with sympy's `eigenvals()` if you like).

# %%
rank_matrices = [np.array([[1.0, -1], [1, -1]]), np.array([[2.0, 1], [0, 2]]), np.array([[1.0, 2], [2, 4]]),
                 np.array([[0.0, 1, 0], [0, 0, 0], [0, 0, 3]]), np.array([[3.0, 1, 0], [0, 3, 0], [0, 0, 0]])]

# %%
### BEGIN SOLUTION
count_is_rank = [la.rank(M) == la.rank(M @ M) for M in rank_matrices]
### END SOLUTION

# %%
check("10.rank_vs_eigenvalues", count_is_rank)

# %% [markdown]
# ## 5. Stability: $\mathbf{x}_{k+1} = A\mathbf{x}_k$
#
# Apply the same map again and again — a linear recurrent network, or a signal passing many identical
# layers. If $A$ is diagonalisable, write $\mathbf{x}_0$ in its eigenvectors: $\mathbf{x}_k = \sum_j c_j\lambda_j^k\mathbf{v}_j$,
# so everything depends on $|\lambda_j|$. The **spectral radius (谱半径)** $\rho(A) = \max_j|\lambda_j|$
# decides: $\rho(A) < 1$ and every $\mathbf{x}_k \to \mathbf{0}$; $\rho(A) > 1$ and almost every start
# grows without bound. (This holds for non-diagonalisable $A$ too.)

# %%
Q_orth = np.linalg.qr(rng.normal(size=(3, 3)))[0]
maps = {"ρ = 0.9": Q_orth @ np.diag([0.9, 0.5, -0.3]) @ Q_orth.T,
        "ρ = 1.1": Q_orth @ np.diag([1.1, 0.5, -0.3]) @ Q_orth.T,
        "ρ = 0.9, non-normal": np.array([[0.9, 5.0, 0], [0, 0.8, 5.0], [0, 0, 0.7]])}
x0 = rng.normal(size=3)
norms = {}
for name, M in maps.items():
    xs = [x0]
    for _ in range(120):
        xs.append(M @ xs[-1])
    norms[name] = np.linalg.norm(xs, axis=1) / np.linalg.norm(x0)
    print(f"{name:20s} ρ(A) = {la.spectral_radius(M):.2f}, ‖A‖₂ = {np.linalg.norm(M, 2):5.2f}, "
          f"largest ‖x_k‖/‖x_0‖ = {norms[name].max():8.3g}, at k = 120: {norms[name][-1]:.3g}")

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(6, 3), layout="constrained")
for name, values in norms.items():
    ax.semilogy(values, label=name)
ax.set(xlabel="step k", ylabel="‖x_k‖ / ‖x_0‖", title="x_{k+1} = A x_k")
ax.legend(fontsize=8);

# %% [markdown]
# The third map shows why the spectral radius is about the long run: its eigenvalues are 0.9, 0.8 and
# 0.7, yet its large off-diagonal entries make $\|\mathbf{x}_k\|$ grow almost a hundredfold (97.7 times, printed
# above) before it decays. The operator norm $\|A\|_2$ (chapter 09) bounds one step; $\rho(A)$ decides the limit.
#
# ### Exercise 10 — the spectral radius
# Compute $\rho(A)$ for $A = \begin{pmatrix}0.5 & 2\\ -0.5 & 0.5\end{pmatrix}$ to three decimals.

# %%
### BEGIN SOLUTION
rho = np.max(np.abs(np.linalg.eigvals(np.array([[0.5, 2.0], [-0.5, 0.5]]))))  # |0.5 ± i| = √1.25
### END SOLUTION

# %%
check("10.spectral_radius", rho)

# %% [markdown]
# ### Exercise 11 — does it die out?
# What does $\mathbf{x}_{k+1} = A\mathbf{x}_k$ do for this $A$, from almost every start $\mathbf{x}_0$? Answer
# with the letter.
#
# (a) it dies out, $\mathbf{x}_k \to \mathbf{0}$  (b) it grows without bound
# (c) it stays bounded but does not die out  (d) this cannot be told without iterating

# %%
### BEGIN SOLUTION
long_run = "b"  # ρ(A) = 1.118 > 1: almost every start grows like 1.118^k (spiralling: λ is complex)
### END SOLUTION

# %%
check("10.stability_verdict", long_run)

# %% [markdown]
# ## 6. Attention: queries, keys and values
#
# A Transformer reads a sentence as a matrix $X$ with one row per token, the token's embedding. We ship a
# tiny hand-made embedding (8 readable features, no download) for "the cat sat on the mat", and add the
# sinusoidal positions of the Transformer paper so that the two "the"s differ:

# %%
tokens = datasets.SENTENCE
X = datasets.embed(tokens) + 0.5 * ops.positional_encoding(len(tokens), 8)
print("features:", datasets.FEATURES)
print(np.round(datasets.embed(tokens), 1))

# %% [markdown]
# **Attention (注意力)** lets every token gather information from the others. Three learned matrices
# project each row into three roles:
#
# $$Q = XW^Q \ (\text{queries, 查询}),\qquad K = XW^K \ (\text{keys, 键}),\qquad V = XW^V \ (\text{values, 值}),$$
#
# with $W^Q, W^K$ of shape $(d_\text{model}, d_k)$ and $W^V$ of shape $(d_\text{model}, d_v)$. Token $i$
# scores every token $j$ by the inner product $\mathbf{q}_i\cdot\mathbf{k}_j$ (large when they point the same
# way — Cauchy–Schwarz again), turns the scores of its row into weights with softmax, and returns the
# weighted mean of the values. All rows at once, this is **scaled dot-product attention (缩放点积注意力)**:
#
# $$\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\Bigl(\frac{QK^\top}{\sqrt{d_k}}\Bigr)V .$$
#
# A word on conventions. Here the tokens are the rows of $X$ and the weights act from the right, $XW^Q$ with
# $W^Q$ of shape $(d_\text{model}, d_k)$ — input size first, as in the Transformer paper and in torch's
# attention code. Chapter 06 writes a dense layer the other way round: $W$ of shape $(n_\text{out}, n_\text{in})$
# and $\mathbf{z} = W\mathbf{a}$, for a batch of rows `a @ W.T`. So $XW^Q$ is a dense layer without bias whose
# weight matrix, in chapter 06's convention, is $(W^Q)^\top$ (checked in the next cell).
#
# By hand first, with random projections (in a trained model they are learned):

# %%
d_k = 4
W_Q, W_K, W_V = (rng.normal(size=(8, d_k)) for _ in range(3))
Q, K, V = X @ W_Q, X @ W_K, X @ W_V
scores = Q @ K.T / np.sqrt(d_k)                                   # (6, 6): row i = query i
weights = np.exp(scores - scores.max(axis=1, keepdims=True))
weights /= weights.sum(axis=1, keepdims=True)                     # each row sums to 1
out = weights @ V                                                 # (6, d_v)
print(np.round(weights, 2))
out_lib, weights_lib = ops.scaled_dot_product_attention(Q, K, V)
print("the lib agrees:", np.allclose(out, out_lib), np.allclose(weights, weights_lib))
print("X W^Q is chapter 06's dense layer with weights (W^Q)ᵀ:", np.allclose(Q, ops.dense(X, W_Q.T, np.zeros(d_k))))

# %% [markdown]
# Output row $i$ is $\sum_j p_{ij}\mathbf{v}_j$ with weights $p_{ij} \ge 0$ that add up to 1: a *convex*
# combination of the value rows. So it lies in the **convex hull (凸包)** of the rows of $V$ — the smallest
# convex set that contains them (for three values in the plane, the filled triangle with those corners), a
# much smaller set than their span: each coordinate of an output stays between the smallest and the largest
# value of that coordinate. "It lies in the row space of $V$" would say nothing here: $V$ is 6×4 of rank 4, and its row
# space is all of $\mathbb{R}^4$. As a matrix, the output $PV$ has rank at most
# $\min(\operatorname{rank}P, \operatorname{rank}V) \le \min(n, d_v)$:

# %%
print("weights ≥ 0:", bool(np.all(weights >= 0)), "| each row adds up to 1:", np.allclose(weights.sum(axis=1), 1))
low, high = V.min(axis=0), V.max(axis=0)  # per coordinate, over the 6 value rows
print("every output coordinate between the values' smallest and largest:",
      bool(np.all((out >= low - 1e-12) & (out <= high + 1e-12))))
print(f"rank V = {la.rank(V)}: its row space is all of R^{V.shape[1]}; rank of the output {la.rank(out)} "
      f"≤ min(n, d_v) = {min(len(X), V.shape[1])}")

# %% [markdown]
# And unlike a dense layer, attention is not a fixed linear map: the weights themselves depend on $X$.
# `ops.scaled_dot_product_attention` has its backward pass beside it, built on `ops.softmax_backward`; a
# gradient check against central differences:

# %%
up = rng.normal(size=out.shape)  # the gradient of some loss with respect to the output


def loss_and_grad_Q(Q_):
    o, p = ops.scaled_dot_product_attention(Q_, K, V)
    return np.sum(up * o), ops.scaled_dot_product_attention_backward(up, Q_, K, V, p)[0]


error = calculus.gradient_check(loss_and_grad_Q, Q)
print("largest relative error of ∂L/∂Q below 1e-8:", error < 1e-8)

# %% [markdown]
# ### Exercise 12 — one attention row by hand
# A query $\mathbf{q} = (1, 2)$ meets three keys $\mathbf{k}_1 = (1, 0)$, $\mathbf{k}_2 = (0, 1)$,
# $\mathbf{k}_3 = (1, 1)$, so $d_k = 2$. Compute the three attention weights to three decimals.

# %%
q_row = np.array([1.0, 2.0])
K_rows = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
V_rows = np.array([[1.0, 0.0], [0.0, 2.0], [2.0, 2.0]])

# %%
### BEGIN SOLUTION
s_row = K_rows @ q_row / np.sqrt(2)
attention_weights = np.exp(s_row) / np.exp(s_row).sum()
### END SOLUTION

# %%
check("10.attention_weights_row", attention_weights)

# %% [markdown]
# ### Exercise 13 — the output row
# With the values $\mathbf{v}_1 = (1, 0)$, $\mathbf{v}_2 = (0, 2)$, $\mathbf{v}_3 = (2, 2)$ (`V_rows`), what
# does this query return?

# %%
### BEGIN SOLUTION
attention_output = attention_weights @ V_rows
### END SOLUTION

# %%
check("10.attention_output_row", attention_output)

# %% [markdown]
# ## 7. Why divide by $\sqrt{d_k}$?
#
# If the entries of $\mathbf{q}$ and $\mathbf{k}$ are independent with mean 0 and variance 1, then
# $\mathbf{q}\cdot\mathbf{k} = \sum_{i=1}^{d_k} q_ik_i$ is a sum of $d_k$ terms of variance 1: its variance is
# $d_k$, its typical size $\sqrt{d_k}$. Without scaling, wide heads produce huge scores, softmax puts
# almost all weight on one key, and its gradient — the Jacobian $\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top$ —
# almost vanishes. We measure the Jacobian's size with the operator norm $\|J\|_2$ (its largest singular
# value), the norm of chapter 09, where softmax's Lipschitz constant came out as $\max\|J\|_2 = \tfrac12$
# (reached by two weights of ½); ten equal weights give $\|J\|_2 = 0.1$ (both printed last). Averaged over
# 2000 random query–key sets of 10 keys each:

# %%
print("  d_k   var(q·k)   max weight: raw  scaled   ‖softmax Jacobian‖₂: raw  scaled")
for d in (4, 16, 64, 256, 1024):
    q = rng.normal(size=(2000, 1, d))
    k = rng.normal(size=(2000, 10, d))
    s_raw = (q @ np.swapaxes(k, 1, 2))[:, 0]                      # (2000, 10)
    row = {}
    for name, s_ in (("raw", s_raw), ("scaled", s_raw / np.sqrt(d))):
        p = ops.softmax(s_)
        jac = p[:, :, None] * (np.eye(10) - p[:, None, :])          # diag(p) − p pᵀ, per set
        row[name] = (p.max(axis=1).mean(), np.linalg.norm(jac, ord=2, axis=(1, 2)).mean())  # σ_max per set
    print(f"{d:5d} {s_raw.var():10.1f} {row['raw'][0]:13.2f} {row['scaled'][0]:7.2f} "
          f"{row['raw'][1]:21.3f} {row['scaled'][1]:7.3f}")
for p in (np.full(10, 0.1), np.array([0.5, 0.5] + [0.0] * 8)):
    print(f"‖J‖₂ for the weights {np.round(p[:3], 2)}…: {np.linalg.norm(np.diag(p) - np.outer(p, p), 2):.3f}")

# %% [markdown]
# The variance grows like $d_k$; unscaled, the largest weight creeps to 1 and the Jacobian's size to
# 0 — saturation, the same disease as a sigmoid far from 0. Divided by $\sqrt{d_k}$, the scores have
# variance 1 whatever the width, and the weights and gradients stay the same size. (At $d_k = 4$ the raw
# column lies above the scaled one: somewhat peaked weights have a larger $\|J\|_2$ than flat ones — the
# largest, ½, belongs to two equal weights — and only near-saturation drives it towards 0.)
#
# ## 8. Masks
#
# A language model that predicts the next word must not look at it. A **mask (掩码)** is a boolean
# matrix, True where query $i$ may attend to key $j$ (torch's convention); a masked score is set to
# $-\infty$ before the softmax, so its weight is exactly 0 and the other weights of the row renormalise.
# The causal mask allows $j \le i$:

# %%
mask = ops.causal_mask(len(tokens))
_, weights_causal = ops.scaled_dot_product_attention(Q, K, V, mask)
print(mask.astype(int))
print(np.round(weights_causal, 2))

# %% [markdown]
# Token 0 can only look at itself, so its weight is 1. A row with no True at all would be $0/0$; the lib
# refuses it with an error instead of returning NaN.
#
# ### Exercise 14 — the causal mask
# Write the causal mask for 4 tokens as a 4×4 array (True/False or 1/0): row $i$ is the query, column
# $j$ the key.

# %%
### BEGIN SOLUTION
causal = np.tril(np.ones((4, 4), dtype=bool))
### END SOLUTION

# %%
check("10.causal_mask", causal)

# %% [markdown]
# ## 9. Multi-head attention: several subspaces
#
# One head compares tokens in one $d_k$-dimensional space. **Multi-head attention (多头注意力)** runs $h$
# heads side by side, each with its own projections $W^Q_i, W^K_i, W^V_i$ of shape $(d_\text{model}, d_k)$,
# then concatenates their outputs and mixes them with $W^O$:
#
# $$\operatorname{MultiHead}(X) = \operatorname{Concat}(\text{head}_1, \dots, \text{head}_h)\,W^O,\qquad
#   \text{head}_i = \operatorname{Attention}(XW^Q_i, XW^K_i, XW^V_i).$$
#
# In subspace language: the queries of head $i$ are $\mathbf{q} = (W^Q_i)^\top\mathbf{x}$, a map of rank $d_k$,
# so they depend only on the component of $\mathbf{x}$ in the $d_k$-dimensional column space of $W^Q_i$; a
# move of $\mathbf{x}$ in the null space of $(W^Q_i)^\top$ changes no query. The keys and values of the head
# are other projections, through $W^K_i$ and $W^V_i$, and each sees a subspace of its own. In code all heads
# live in one wide matrix $W^Q$ of shape $(d_\text{model}, h\,d_k)$, and `ops.split_heads` cuts the columns:

# %%
h, d_head = 2, 4
W_Q, W_K, W_V = (rng.normal(size=(8, h * d_head)) for _ in range(3))
W_O = rng.normal(size=(h * d_head, 8))
Qh = ops.split_heads(X @ W_Q, h)
print("Q:", (X @ W_Q).shape, "→ split into heads:", Qh.shape, "(h, n, d_k)")
for i in range(h):
    Wi = W_Q[:, i * d_head:(i + 1) * d_head]
    print(f"head {i}: W^Q_{i} {Wi.shape}, rank {la.rank(Wi)}; its null space in R^8 has dimension "
          f"{la.null_space(Wi.T).shape[1]}")
both = la.column_space(W_Q)
print("the two heads' query subspaces together span", both.shape[1], "dimensions of R^8;",
      "head 0's = head 1's:", la.same_subspace(W_Q[:, :4], W_Q[:, 4:]))

# %% [markdown]
# That does not make the rest of $\mathbb{R}^8$ invisible to the head. Move the token "sat" by a unit step in
# a direction that head 0's queries cannot see: its queries stay, but its keys and values move, and so does
# the head's output.

# %%
Wq0, Wk0, Wv0 = (W[:, :d_head] for W in (W_Q, W_K, W_V))


def head_0(X_):
    return ops.scaled_dot_product_attention(X_ @ Wq0, X_ @ Wk0, X_ @ Wv0)[0]


u = la.null_space(Wq0.T)[:, 0]  # a unit vector with u · (every column of W^Q_0) = 0
X_moved = X.copy()
X_moved[2] += u                 # move "sat"
print("queries of head 0 unchanged:", np.allclose(X_moved @ Wq0, X @ Wq0),
      "| keys unchanged:", np.allclose(X_moved @ Wk0, X @ Wk0), "| values unchanged:", np.allclose(X_moved @ Wv0, X @ Wv0))
print(f"largest change in head 0's output: {np.abs(head_0(X_moved) - head_0(X)).max():.3f}")
print("dimensions head 0 reads through W^Q, W^K and W^V together:", la.rank(np.hstack([Wq0, Wk0, Wv0])), "of 8")

# %% [markdown]
# So what is true is narrower: the *queries* of a head see only the column space of its $W^Q_i$ (the keys
# that of $W^K_i$, the values that of $W^V_i$), and its *output* lies in the convex hull of its value rows,
# inside the $d_v$-dimensional space of values. A direction no part of the head could see would have to be
# orthogonal to all three column spaces; with $3d_k = 12$ columns in $\mathbb{R}^8$ there is none here. The
# "several representation subspaces" of the Transformer paper are these projections: each head compares
# the tokens in its own query–key space and carries its own values.
#
# Concatenation puts the heads' outputs side by side, $n \times h\,d_v$, and $W^O$ of shape
# $(h\,d_v, d_\text{model})$ maps them back. Rows $i\,d_v \dots (i+1)\,d_v - 1$ of $W^O$ belong to head $i$,
# so the output is a sum of per-head terms $\text{head}_i\,W^O_i$:

# %%
out_mh, P_mh = ops.multi_head_attention(X, W_Q, W_K, W_V, W_O, h)
heads = [ops.scaled_dot_product_attention(*(X @ W[:, i * d_head:(i + 1) * d_head] for W in (W_Q, W_K, W_V)))[0]
         for i in range(h)]
by_parts = sum(heads[i] @ W_O[i * d_head:(i + 1) * d_head] for i in range(h))
print("out:", out_mh.shape, " weights:", P_mh.shape, "(h, n, n)")
print("Concat(heads) W^O = Σ head_i W^O_i:", np.allclose(out_mh, np.hstack(heads) @ W_O), np.allclose(out_mh, by_parts))
terms = [heads[i] @ W_O[i * d_head:(i + 1) * d_head] for i in range(h)]
print("each term head_i W^O_i:", terms[0].shape, "of rank", [la.rank(T) for T in terms], f"≤ d_v = {d_head}")
print(f"rank of the output {la.rank(out_mh)} ≤ min(n, h·d_v, d_model) = min({len(X)}, {h * d_head}, 8)")

# %% [markdown]
# Each term $\text{head}_i W^O_i$ is a 6×8 matrix of rank at most $d_v = 4$: the head's output has only
# $d_v$ columns, and $W^O_i$ maps them into $\mathbb{R}^8$. For the whole output the bound
# $\min(n, h\,d_v, d_\text{model})$ is set here by the $n = 6$ tokens, so it shows nothing about the heads.
# Narrower heads do bind: two heads with $d_k = d_v = 2$ give $h\,d_v = 4 < n = 6$, and the six output rows
# in $\mathbb{R}^8$ then lie in a 4-dimensional subspace, the row space of $W^O$:

# %%
narrow = [rng.normal(size=(8, 4)) for _ in range(3)] + [rng.normal(size=(4, 8))]  # W^Q, W^K, W^V, W^O
out_narrow, _ = ops.multi_head_attention(X, *narrow, 2)                          # 2 heads, d_k = d_v = 2
print(f"narrow heads: output {out_narrow.shape} of rank {la.rank(out_narrow)} ≤ h·d_v = 4 < n = 6;",
      "its rows lie in the row space of W^O:", la.same_subspace(np.hstack([narrow[3].T, out_narrow.T]), narrow[3].T))

# %% [markdown]
# Each head has its own attention pattern. The figure runs two heads with $d_k = 4$ (its own fixed random
# projections, seeded) on the same sentence. Choose the head, the temperature $T$ (the scores are divided
# by $T\sqrt{d_k}$: small $T$ sharpens each row towards one key, large $T$ flattens it towards the mean),
# and the mask:

# %% tags=["nbval-ignore-output"]
from dlmath.explorers.attention import attention_explorer

attention_explorer()

# %% [markdown]
# ### Exercise 15 — multi-head shape bookkeeping
# A sentence of $n = 10$ tokens with $d_\text{model} = 64$ goes through $h = 4$ heads with
# $d_k = d_v = d_\text{model}/h$. Give a 2×3 array: row 0 the shape of $Q$ after `split_heads`, row 1 the
# shape of the attention weights of all heads.

# %%
### BEGIN SOLUTION
shapes = [[4, 10, 64 // 4], [4, 10, 10]]
### END SOLUTION

# %%
check("10.head_shapes", shapes)

# %% [markdown]
# ## Summary
# - A subspace contains $\mathbf{0}$ and is closed under addition and scaling; affine sets, half-spaces and
#   unions of subspaces are not.
# - The span of the columns of $A$ is the column space; $\mathbf{b}$ lies in it exactly when
#   $\operatorname{rank}[A\ \mathbf{b}] = \operatorname{rank}A$, and then $A\mathbf{x} = \mathbf{b}$ gives the coefficients.
# - The SVD gives orthonormal bases of the column space (first $r$ columns of $U$) and the null space (last
#   $n - r$ columns of $V$), with "zero" meaning below $\max(m, n)\,\varepsilon\,\sigma_1$; rank + nullity = $n$.
# - A dense layer's image is a subspace of its *output* space, of dimension rank $W$.
# - Eigenvectors are the directions a map only stretches; an eigenspace is a subspace once $\mathbf{0}$ is
#   added; an invariant subspace need not contain any real eigenvector (a rotation plane).
# - The number of non-zero eigenvalues (with repetition) is at most the rank, and equals it exactly when the
#   eigenvalue 0 is semisimple, i.e. $\operatorname{rank}A = \operatorname{rank}A^2$ — for every diagonalisable
#   matrix and for others too (the shear $[[1,1],[0,1]]$: rank 2, eigenvalues 1, 1). $[[0,1],[0,0]]$ fails:
#   rank 1, eigenvalues 0, 0, $\operatorname{rank}A^2 = 0$.
# - $\mathbf{x}_{k+1} = A\mathbf{x}_k$ dies out when $\rho(A) < 1$ and blows up when $\rho(A) > 1$.
# - Attention: $\operatorname{softmax}(QK^\top/\sqrt{d_k})V$ with $Q = XW^Q$, $K = XW^K$, $V = XW^V$; the
#   $\sqrt{d_k}$ keeps the scores' variance at 1 so softmax does not saturate; masks set weights to 0. Each
#   output row is a convex combination of the value rows (inside their convex hull), and the output has rank
#   $\le \min(n, d_v)$. A head's queries see only the column space of its $W^Q_i$, but the head reads $X$
#   through $W^K_i$ and $W^V_i$ as well; $W^O$ mixes the concatenated heads, and the output's rank is at most
#   $\min(n, h\,d_v, d_\text{model})$.
#
# **Next:** 11 · Linear regions (`11_linear_regions.ipynb`) — how ReLU networks cut the input space into
# pieces on which they are linear, with the ranks and subspaces of this chapter.
