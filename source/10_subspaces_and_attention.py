# The one source of chapter 10: `python tools/build_notebooks.py 10` builds
# chapters/10_subspaces_and_attention.ipynb and solutions/10_subspaces_and_attention.ipynb.

# %% [markdown]
# # 10 · Subspaces, eigenvectors and attention
#
# **Goals.** After this chapter you can
# - test whether a set of vectors is a subspace, and find the column space and null space of a matrix
#   with the SVD, with the rank–nullity theorem as a check;
# - say where the image of a dense layer lives and how big it is;
# - find eigenvectors and invariant subspaces, and predict from the spectral radius whether
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
# Lines and planes *through the origin* pass; anything that misses the origin, has an edge, or is
# a union of two pieces fails. A computer cannot check every pair, but it can hunt for a
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
# combinations $x_1\mathbf{a}_1 + \dots + x_n\mathbf{a}_n$ — always a subspace. Put the vectors into the
# columns of a matrix $A$ and the combination is $A\mathbf{x}$. So two subspaces come with every
# $m\times n$ matrix:
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
# Two singular values are clearly non-zero; the others are tiny — about $10^{-15}$ on most machines,
# rounding noise that need not be exactly 0 (print `s` to see yours). Rounding
# in the SVD makes errors of about $\varepsilon\,\sigma_1$ ($\varepsilon = 2.2\times10^{-16}$), so "zero"
# has to mean "below a tolerance". The lib uses numpy's rule, $\text{tol} = \max(m, n)\cdot\varepsilon\cdot\sigma_1$,
# and lets you pass a larger `tol` when the entries carry noise of their own (measurements, float32
# weights).

# %%
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
# ### Exercise 2 — rank–nullity numbers
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
# ### Exercise 3 — a basis of a null space
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
# ### Exercise 11 — in the span?
# Is $\mathbf v = (1, 4, 5)$ in the span of $\mathbf a_1 = (1, 2, 3)$ and $\mathbf a_2 = (0, 1, 1)$? Answer `True`
# or `False` (find the combination, or compare ranks).

# %%
### BEGIN SOLUTION
in_span = la.rank(np.array([[1.0, 0, 1], [2, 1, 4], [3, 1, 5]])) == 2   # v = a₁ + 2 a₂
### END SOLUTION

# %%
check("10.in_span", in_span)

# %% [markdown]
# ## 3. The image of a dense layer
#
# A dense layer without its activation is the linear map $\mathbf{x} \mapsto W\mathbf{x}$ with $W$ of shape
# $(n_\text{out}, n_\text{in})$. Its image is the column space of $W$: a subspace of the **output** space
# $\mathbb{R}^{n_\text{out}}$ of dimension $\operatorname{rank}W \le \min(n_\text{out}, n_\text{in})$. A layer
# that widens 3 inputs to 5 units cannot fill $\mathbb{R}^5$: all its outputs lie on a 3-dimensional
# subspace. A layer that narrows 4 inputs to 2 units loses at least 2 dimensions: its null space.
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
# then bends it. The dimension count stays: 5 sigmoid units fed by 3 inputs still trace out a
# 3-dimensional surface in $\mathbb{R}^5$.)
#
# ### Exercise 4 — where the image lives
# A dense layer maps $\mathbb{R}^3 \to \mathbb{R}^5$ with the weight matrix `W_dense` below (no bias). Its
# image is a subspace of $\mathbb{R}^m$ of some dimension. Give `[m, dimension]`.

# %%
W_dense = np.array([[1.0, 0, 2], [0, 1, -1], [2, 1, 3], [1, -1, 3], [0, 2, -2]])

# %%
### BEGIN SOLUTION
image = [W_dense.shape[0], la.rank(W_dense)]
### END SOLUTION

# %%
check("10.dense_image", image)

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
# The red lines are the eigenvector lines — the directions that stay put. A rotation by an angle
# $\theta$ other than 0 and $\pi$ (try $a = d = 0$, $b = -1$, $c = 1$, a quarter turn) turns every direction,
# so it has no real eigenvector: its eigenvalues are complex, $\lambda = \cos\theta \pm i\sin\theta$. The
# two exceptions are real: a turn by 0 is the identity ($\lambda = 1$, every vector an eigenvector) and a
# half turn by $\pi$ is $-I$ ($\lambda = -1$, every vector again).

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.eigen import eigen_explorer

eigen_explorer()

# %% [markdown]
# The same numbers in code: `np.linalg.eig` returns the eigenvalues and unit eigenvectors (as columns).
# Newer numpy (2.5 on) returns them as complex numbers even when they are real; `np.real_if_close` drops
# an imaginary part that is zero, so the prints below read the same on every numpy.

# %%
A2 = np.array([[1.5, 0.5], [0.5, 1.0]])
lam, V = map(np.real_if_close, np.linalg.eig(A2))
for k in range(2):
    v = V[:, k] * np.sign(V[np.argmax(np.abs(V[:, k])), k])  # the sign of an eigenvector is arbitrary
    print(f"λ = {lam[k]:.4f}, v = {np.round(v, 4)}, A v = {np.round(A2 @ v, 4)} = λ v: {np.allclose(A2 @ v, lam[k] * v)}")
theta = 0.6
R = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
print("rotation by 0.6 rad: eigenvalues", np.round(np.linalg.eigvals(R), 4))

# %% [markdown]
# An invariant subspace need not be spanned by real eigenvectors. In 3-D, a map that rotates the
# $xy$-plane and stretches the $z$-axis keeps the plane invariant (every vector of the plane is mapped into
# the plane) though no line in it stays put:

# %%
B = np.array([[np.cos(theta), -np.sin(theta), 0], [np.sin(theta), np.cos(theta), 0], [0, 0, 2.0]])
plane = np.array([[1.0, 0], [0, 1], [0, 0]])  # a basis of the xy-plane, as columns
print("A·plane ⊆ plane:", la.same_subspace(np.hstack([plane, B @ plane]), plane))
print("eigenvalues:", np.round(np.linalg.eigvals(B), 4))

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
print(f"eigenspace of λ = {lam[0]:.4f}: dimension {E.shape[1]}, contains v: {la.same_subspace(E, v)}")

# %% [markdown]
# ### Exercise 5 — eigenvalues of a map
# Find both eigenvalues of $A = \begin{pmatrix}4 & 1\\ 2 & 3\end{pmatrix}$ (by hand from
# $\det(A - \lambda I) = 0$, or with numpy), as an array in any order.

# %%
### BEGIN SOLUTION
eigenvalues = np.linalg.eigvals(np.array([[4.0, 1], [2, 3]]))  # λ² − 7λ + 10 = (λ − 2)(λ − 5)
### END SOLUTION

# %%
check("10.eigenvalues", eigenvalues)

# %% [markdown]
# ### Exercise 12 — eigenvectors and subspaces
# The eigenvectors of $A$ for $\lambda = 2$ — the vectors $\mathbf v \ne \mathbf 0$ with $A\mathbf v = 2\mathbf v$ —
# form a subspace. `True` or `False`?

# %%
### BEGIN SOLUTION
eigenvectors_form_subspace = False   # the zero vector is missing: add it, and they do
### END SOLUTION

# %%
check("10.eigenvectors_subspace", eigenvectors_form_subspace)

# %% [markdown]
# ### Exercise 13 — an invariant subspace
# For $A = \begin{pmatrix}2 & 1 & 0\\ 0 & 2 & 0\\ 0 & 0 & 3\end{pmatrix}$, which of these is an invariant
# subspace ($A S \subseteq S$)? (a) $\operatorname{span}(\mathbf e_2)$; (b) $\operatorname{span}(\mathbf e_1, \mathbf e_2)$;
# (c) $\operatorname{span}(\mathbf e_2, \mathbf e_3)$; (d) $\operatorname{span}(\mathbf e_1 + \mathbf e_3)$.

# %%
### BEGIN SOLUTION
invariant = "b"
### END SOLUTION

# %%
check("10.invariant_subspace", invariant)

# %% [markdown]
# ### Rank and eigenvalues
#
# > **⚠️ Careful — the number of non-zero eigenvalues need not equal the rank.** A reading note claims it
# > always does. The matrix $N = \begin{pmatrix}0 & 1\\ 0 & 0\end{pmatrix}$ has rank 1 (one independent
# > column) but both eigenvalues are 0: no non-zero eigenvalue at all. The two counts agree exactly when
# > the eigenvalue 0 is *semisimple* — when $\operatorname{rank}A = \operatorname{rank}A^2$ (applying $A$
# > again loses nothing more). Every diagonalisable matrix passes that test, but so do others: the shear
# > $\begin{pmatrix}1 & 1\\ 0 & 1\end{pmatrix}$ is not diagonalisable, yet it has rank 2 and two
# > non-zero eigenvalues, 1 and 1.

# %%
N = np.array([[0.0, 1.0], [0.0, 0.0]])
print(f"rank N = {la.rank(N)}, eigenvalues {np.real_if_close(np.linalg.eigvals(N))}, N² = {(N @ N).tolist()}")
print("sympy, exactly:", sp.Matrix([[0, 1], [0, 0]]).rank(), sp.Matrix([[0, 1], [0, 0]]).eigenvals())

# %% [markdown]
# A matrix is **diagonalisable (可对角化)** when it has $n$ independent eigenvectors; then
# $A = P\,\operatorname{diag}(\lambda)\,P^{-1}$, the rank is the number of non-zero $\lambda$, and the
# eigenvectors of the non-zero ones span the column space. $N$ has only one eigenvector line (the
# $x$-axis, its null space): the eigenvalue 0 appears twice, but its eigenspace has dimension 1. Compare it
# with the diagonal matrix of the same rank:

# %%
D = np.diag([1.0, 0.0])
for name, M in (("N = [[0, 1], [0, 0]]", N), ("D = [[1, 0], [0, 0]]", D)):
    lam_M = np.real_if_close(np.linalg.eigvals(M))
    eigenspace_0 = la.null_space(M).shape[1]  # the eigenspace of λ = 0
    print(f"{name}: rank {la.rank(M)}, eigenvalues {lam_M}, non-zero ones {int(np.sum(lam_M != 0))}, "
          f"dim eigenspace(0) = {eigenspace_0}, diagonalisable: {la.is_diagonalisable(M)}")
print("sympy agrees:", sp.Matrix([[0, 1], [0, 0]]).is_diagonalizable(), sp.Matrix([[1, 0], [0, 0]]).is_diagonalizable())
for name, M in (("N", N), ("D", D), ("shear [[1, 1], [0, 1]]", np.array([[1.0, 1.0], [0.0, 1.0]]))):
    lam_M = np.real_if_close(np.linalg.eigvals(M))
    print(f"{name}: rank A = {la.rank(M)}, rank A² = {la.rank(M @ M)}, non-zero eigenvalues "
          f"{int(np.sum(np.abs(lam_M) > 1e-12))}, diagonalisable: {la.is_diagonalisable(M)}")

# %% [markdown]
# For any square matrix, the number of non-zero eigenvalues (with repetition) is at most the rank; the
# gap is the defect of the eigenvalue 0, and $\operatorname{rank}A = \operatorname{rank}A^2$ says there is
# none. The shear ($a = d = 1$, $b = 1$, $c = 0$ in the explorer) is defective too — $\lambda = 1$ twice
# and a single eigenvector line — but its defect sits at $\lambda = 1$, not at 0, so its rank and its
# count of non-zero eigenvalues still agree.
#
# ### Exercise 14 — rank against non-zero eigenvalues
# How many non-zero eigenvalues (counted with repetition) does
# $M = \begin{pmatrix}0 & 1 & 0\\ 0 & 0 & 0\\ 0 & 0 & 2\end{pmatrix}$ have? (Its rank is 2; compare rank $M$ with
# rank $M^2$ first.)

# %%
### BEGIN SOLUTION
nonzero_eigenvalues = int(np.sum(np.abs(np.linalg.eigvals(np.array([[0.0, 1, 0], [0, 0, 0], [0, 0, 2]]))) > 1e-12))
### END SOLUTION

# %%
check("10.nonzero_eigenvalues", nonzero_eigenvalues)

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
# 0.7, yet its large off-diagonal entries make $\|\mathbf{x}_k\|$ grow more than tenfold before it decays. The
# operator norm $\|A\|_2$ (chapter 09) bounds one step; $\rho(A)$ decides the limit.
#
# ### Exercise 6 — the spectral radius
# Compute $\rho(A)$ for $A = \begin{pmatrix}0.5 & 2\\ -0.5 & 0.5\end{pmatrix}$ to three decimals. Then:
# does $\mathbf{x}_{k+1} = A\mathbf{x}_k$ die out for every start? (`True` or `False`, in the next cell.)

# %%
### BEGIN SOLUTION
rho = np.max(np.abs(np.linalg.eigvals(np.array([[0.5, 2.0], [-0.5, 0.5]]))))  # |0.5 ± i| = √1.25
### END SOLUTION

# %%
check("10.spectral_radius", rho)

# %%
### BEGIN SOLUTION
dies_out = bool(rho < 1)
### END SOLUTION

# %%
check("10.dies_out", dies_out)

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
# with $W^Q, W^K$ of shape $(d_\text{model}, d_k)$ and $W^V$ of shape $(d_\text{model}, d_v)$ — input size
# first, as the Transformer paper writes it: a row of $X$ times $W$. Chapter 06 wrote a dense layer the
# other way round, $W$ of shape $(n_\text{out}, n_\text{in})$ times a column; the two are transposes of
# each other ($XW^Q$ is the dense layer with weights $(W^Q)^\top$ applied to every row). Token $i$
# scores every token $j$ by the inner product $\mathbf{q}_i\cdot\mathbf{k}_j$ (large when they point the same
# way — Cauchy–Schwarz again), turns the scores of its row into weights with softmax, and returns the
# weighted mean of the values. All rows at once, this is **scaled dot-product attention (缩放点积注意力)**:
#
# $$\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\Bigl(\frac{QK^\top}{\sqrt{d_k}}\Bigr)V .$$
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

# %% [markdown]
# Each output row is a weighted mean of the rows of $V$ — weights $\ge 0$ that sum to 1 — so it lies in
# their *convex hull*, the smallest convex set holding the $n$ value rows; the whole output has rank
# $\le \min(n, d_v)$. And unlike a dense layer, attention is not a fixed linear map: the weights themselves
# depend on $X$. `ops.scaled_dot_product_attention` has its backward pass beside it, built on
# `ops.softmax_backward`; a gradient check against central differences:

# %%
up = rng.normal(size=out.shape)  # the gradient of some loss with respect to the output


def loss_and_grad_Q(Q_):
    o, p = ops.scaled_dot_product_attention(Q_, K, V)
    return np.sum(up * o), ops.scaled_dot_product_attention_backward(up, Q_, K, V, p)[0]


error = calculus.gradient_check(loss_and_grad_Q, Q)
print("largest relative error of ∂L/∂Q below 1e-8:", error < 1e-8)

# %% [markdown]
# ### Exercise 7 — one attention row by hand
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
# ### Exercise 8 — the output row
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
# almost vanishes. Measured on 2000 random query–key sets of 10 keys each:

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
        row[name] = (p.max(axis=1).mean(), np.linalg.norm(jac, 2, axis=(1, 2)).mean())  # ‖·‖₂ = σ_max, as in 09
    print(f"{d:5d} {s_raw.var():10.1f} {row['raw'][0]:13.2f} {row['scaled'][0]:7.2f} "
          f"{row['raw'][1]:20.3f} {row['scaled'][1]:7.3f}")

# %% [markdown]
# The variance grows like $d_k$; unscaled, the largest weight creeps to 1 and the Jacobian's size to
# 0 — saturation, the same disease as a sigmoid far from 0. Divided by $\sqrt{d_k}$, the scores have
# variance 1 whatever the width, and the weights and gradients stay the same size.
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
# ### Exercise 9 — the causal mask
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
# In subspace language: $\mathbf{x} \mapsto (W^Q_i)^\top\mathbf{x}$ has rank $d_k$, so head $i$'s *queries*
# see only the component of each embedding in a $d_k$-dimensional subspace of $\mathbb{R}^{d_\text{model}}$
# (the column space of $W^Q_i$). The head as a whole sees more: it reads $X$ through $W^Q_i$, $W^K_i$ and
# $W^V_i$, three subspaces, and a direction its queries cannot see may still move its keys and values —
# the cell after the next shows it. What is fixed is where the output lies: each output row is a weighted
# mean of the value rows, so it stays in their convex hull, inside the $d_v$-dimensional column space of
# $W^V_i$. Different heads read through different subspaces — the "several representation subspaces" of
# the Transformer paper. In code all heads live in one wide matrix $W^Q$ of shape
# $(d_\text{model}, h\,d_k)$, and `ops.split_heads` cuts the columns:

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
print("the two heads' subspaces together span", both.shape[1], "dimensions of R^8;",
      "head 0's = head 1's:", la.same_subspace(W_Q[:, :4], W_Q[:, 4:]))

# %% [markdown]
# Move one token in a direction head 0's queries cannot see (in the null space of $(W^Q_0)^\top$): its
# query stays the same, its key and value do not, and so does the head's output.

# %%
Wq0, Wk0, Wv0 = (W[:, :d_head] for W in (W_Q, W_K, W_V))
blind = la.null_space(Wq0.T)[:, 0]           # a direction in R^8 that head 0's queries cannot see
X_moved = X.copy()
X_moved[2] += 3.0 * blind                     # move token 2 along it
out, _ = ops.scaled_dot_product_attention(X @ Wq0, X @ Wk0, X @ Wv0)
out_moved, _ = ops.scaled_dot_product_attention(X_moved @ Wq0, X_moved @ Wk0, X_moved @ Wv0)
print(f"largest change of a query:  {np.abs(X_moved @ Wq0 - X @ Wq0).max():.1e}")
print(f"largest change of a key:    {np.abs(X_moved @ Wk0 - X @ Wk0).max():.2f}")
print(f"largest change of the head's output: {np.abs(out_moved - out).max():.2f}")

# %% [markdown]
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
print(f"rank of the output {la.rank(out_mh)} ≤ min(n, h·d_v) = min({len(X)}, {h * d_head})")
one_head = heads[0] @ W_O[:d_head]
print(f"one head's term head_0 W^O_0: rank {la.rank(one_head)} ≤ d_v = {d_head}, although the output has "
      f"{one_head.shape[1]} columns and {one_head.shape[0]} rows")

# %% [markdown]
# Each head has its own attention pattern. The figure runs two heads with $d_k = 4$ (its own fixed random
# projections, seeded) on the same sentence. Choose the head, the temperature $T$ (the scores are divided
# by $T\sqrt{d_k}$: small $T$ sharpens each row towards one key, large $T$ flattens it towards the mean),
# and the mask:

# %% tags=["nbval-ignore-output"]
from dlmath.explorers.attention import attention_explorer

attention_explorer()

# %% [markdown]
# ### Exercise 10 — multi-head shape bookkeeping
# A sentence of $n = 10$ tokens with $d_\text{model} = 64$ goes through 8 heads with
# $d_k = d_v = d_\text{model}/h$. Give a 2×3 array: row 0 the shape of $Q$ after `split_heads`, row 1 the
# shape of the attention weights of all heads.

# %%
### BEGIN SOLUTION
shapes = [[8, 10, 64 // 8], [8, 10, 10]]
### END SOLUTION

# %%
check("10.multi_head_shapes", shapes)

# %% [markdown]
# ## Summary
# - A subspace contains $\mathbf{0}$ and is closed under addition and scaling; affine sets, half-spaces and
#   unions of subspaces are not.
# - The SVD gives orthonormal bases of the column space (first $r$ columns of $U$) and the null space (last
#   $n - r$ columns of $V$), with "zero" meaning below $\max(m, n)\,\varepsilon\,\sigma_1$; rank + nullity = $n$.
# - A dense layer's image is a subspace of its *output* space, of dimension rank $W$.
# - Eigenvectors are the directions a map only stretches; an eigenspace is a subspace once $\mathbf{0}$ is
#   added. Non-zero eigenvalues (with repetition) count the rank exactly when $\operatorname{rank}A =
#   \operatorname{rank}A^2$ — for every diagonalisable matrix and for some others (the shear); not for
#   $[[0,1],[0,0]]$: rank 1, eigenvalues 0, 0.
# - $\mathbf{x}_{k+1} = A\mathbf{x}_k$ dies out when $\rho(A) < 1$ and blows up when $\rho(A) > 1$.
# - Attention: $\operatorname{softmax}(QK^\top/\sqrt{d_k})V$ with $Q = XW^Q$, $K = XW^K$, $V = XW^V$; the
#   $\sqrt{d_k}$ keeps the scores' variance at 1 so softmax does not saturate; masks set weights to 0;
#   each head reads its own $d_k$-dimensional subspace, and $W^O$ mixes the concatenated heads.
#
# **Next:** 11 · Linear regions (`11_linear_regions.ipynb`) — how ReLU networks cut the input space into
# pieces on which they are linear, with the ranks and subspaces of this chapter.
