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

# %% [markdown] lang="zh" twin="471a23a5"
# # 10 · 子空间、特征向量与注意力
#
# **目标**：学完本章后，你将能够
# - 检验一组向量是否构成子空间，用奇异值分解求出矩阵的列空间和零空间，并用秩-零化度定理加以核对；
# - 说出全连接层的像落在哪个空间里、有多大；
# - 求出特征向量、特征空间和不变子空间，判断非零特征值的个数何时等于秩（$\operatorname{rank}A = \operatorname{rank}A^2$），并由谱半径预测 $\mathbf{x}_{k+1} = A\mathbf{x}_k$ 是逐渐消失还是爆炸；
# - 在一个短句上计算缩放点积注意力 $\operatorname{softmax}(QK^\top/\sqrt{d_k})\,V$，解释其中的 $\sqrt{d_k}$，用掩码遮住后面的词元，并把多头注意力理解为向若干子空间的多个投影。
#
# **前置知识**：[第 02 章](02_vectors_cauchy_schwarz.ipynb)（内积、矩阵），以及[第 06–07 章](07_backpropagation.ipynb)的全连接层 $\mathbf{z} = W\mathbf{a} + \mathbf{b}$ 和 Softmax函数。第 09 章把层看作算子；本章则深入一个线性映射的内部，看它的各个子空间。

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

# %% [markdown] lang="zh" twin="e6926717"
# ## 1. 子空间
#
# $\mathbb{R}^n$ 的**子空间**（subspace）是这样一个向量集合 $S$：它本身就构成一个向量空间，即
#
# 1. 它包含零向量 $\mathbf{0}$；
# 2. 它对加法封闭：$\mathbf{u}, \mathbf{v} \in S \Rightarrow \mathbf{u} + \mathbf{v} \in S$；
# 3. 它对数乘封闭：$\mathbf{u} \in S,\ c \in \mathbb{R} \Rightarrow c\,\mathbf{u} \in S$。
#
# *过原点*的直线和平面都满足这三条；凡是不经过原点的、带边界的（例如半平面）或由两块拼成的集合，都不满足。计算机无法检查每一对向量，却可以去找反例：从集合中随机抽取元素，检验这三条规则。

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

# %% [markdown] lang="zh" twin="0c550c7b"
# 只有过原点的直线通过了检验。每个“NO”都对应一个反例：平移后的直线不经过 $\mathbf{0}$（它是一条*仿射*直线，即从原点平移开的子空间）；半平面中的 $\mathbf{u}$ 乘以 $-1$ 后就跑出了半平面；而 $(1, 0) + (0, 1)$ 不在两条坐标轴上。
#
# ### 练习 1 — 哪个是子空间？
# 下列 $\mathbb{R}^3$ 的子集中，哪一个是子空间？用字母作答，例如 `'a'`。
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

# %% [markdown] lang="zh" twin="25e0e4d6"
# ## 2. 张成、列空间与零空间
#
# 向量 $\mathbf{a}_1, \dots, \mathbf{a}_n$ 的**张成**（span）是它们的所有线性组合 $x_1\mathbf{a}_1 + \dots + x_n\mathbf{a}_n$ 构成的集合——它总是一个子空间（它包含 $0\,\mathbf{a}_1$，而线性组合的和与倍数仍是线性组合）。把这些向量作为矩阵 $A$ 的各列，线性组合就是 $A\mathbf{x}$：向量 $\mathbf{b}$ 属于这个张成，当且仅当 $A\mathbf{x} = \mathbf{b}$ 有解，也就是把 $\mathbf{b}$ 作为新的一列添进去之后，秩不会增大。

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

# %% [markdown] lang="zh" twin="3a81e315"
# 第一个 $\mathbf{b}$ 等于 $2\mathbf{a}_1 - \mathbf{a}_2$；第二个不在这个平面上，最佳组合也够不着它。
#
# ### 练习 2 — 张成中的系数
# 向量 $\mathbf{b} = (-1, 7, 8)$ 属于 $\mathbf{a}_1 = (1, 3, 2)$ 与 $\mathbf{a}_2 = (2, 1, -1)$ 的张成。给出满足 $x_1\mathbf{a}_1 + x_2\mathbf{a}_2 = \mathbf{b}$ 的 `[x1, x2]`。

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

# %% [markdown] lang="zh" twin="363c42a6"
# 每个 $m\times n$ 矩阵都带有两个子空间：
#
# - **列空间**（column space） $\operatorname{col}(A) = \{A\mathbf{x}\} \subseteq \mathbb{R}^m$，即各列的张成——映射 $\mathbf{x} \mapsto A\mathbf{x}$ 所能到达的一切（它的像）；
# - **零空间**（null space） $\operatorname{null}(A) = \{\mathbf{x} : A\mathbf{x} = \mathbf{0}\} \subseteq \mathbb{R}^n$——被这个映射送到零的所有输入，也就是它丢掉的信息。
#
# 列空间的维数就是**秩**（rank） $r$：线性无关的列的个数（它也等于线性无关的行的个数）。**秩-零化度定理**（rank–nullity theorem）清点的是输入的维数：每一维要么保留到像中，要么丢失在零空间里，
#
# $$\operatorname{rank}A + \dim\operatorname{null}A = n \quad(\text{the number of columns}).$$
#
# 奇异值分解 $A = U\Sigma V^\top$ 一下子就给出了这两个空间。它的奇异值 $\sigma_1 \ge \sigma_2 \ge \dots \ge 0$ 表示 $A$ 沿 $V$ 中各个标准正交方向拉伸了多少；$r$ 个非零奇异值对应 $U$ 的前 $r$ 列（列空间的一组标准正交基），而被 $A$ 压成零的方向是 $V$ 的后 $n - r$ 列（零空间的一组基）。下面是一个特意构造成秩为 2 的 4×5 矩阵：

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

# %% [markdown] lang="zh" twin="e86be6de"
# 有两个奇异值明显不为零；其余的都小于 $10^{-13}$——这是舍入噪声，不一定恰好为 0，而且具体的数字因机器而异（打印 `s` 可以看到你的结果）。奇异值分解中的舍入会带来大约 $\varepsilon\,\sigma_1$ 的误差（$\varepsilon = 2.2\times10^{-16}$；这里 $\varepsilon\,\sigma_1 \approx 3\times10^{-15}$，下面会打印出来），所以“零”只能理解为“小于某个容差”。课程库采用 numpy 的规则 $\text{tol} = \max(m, n)\cdot\varepsilon\cdot\sigma_1$；当矩阵元素本身带有噪声时（测量值、float32 权重），你可以传入更大的 `tol`。

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

# %% [markdown] lang="zh" twin="166b2fa0"
# `la.same_subspace(B1, B2)` 比较的是张成，而不是数组：两组基描述同一个子空间，当且仅当 $\operatorname{rank}B_1 = \operatorname{rank}B_2 = \operatorname{rank}[B_1\ B_2]$——谁也没有给对方增添新的方向。一个子空间有无穷多组基，本章的每一项检验都接受其中任何一组。
#
# 在满秩的随机矩阵和刻意构造的秩亏矩阵上验证秩-零化度定理：

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

# %% [markdown] lang="zh" twin="2f1170d2"
# ### 练习 3 — 秩与零化度
# 下面的 4×6 矩阵 `A_rn` 的各行依次是 $\mathbf{r}_1$、$\mathbf{r}_2$、$\mathbf{r}_1 + \mathbf{r}_2$ 和 $2\mathbf{r}_1 - \mathbf{r}_2$。请通过推理给出 `[rank, nullity]`，即秩和零化度（也可以用 `la` 核对）。

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

# %% [markdown] lang="zh" twin="f22c501a"
# ### 练习 4 — 零空间的一组基
# 求 `A_null` 的零空间的一组基，以数组形式给出，数组的**各列**就是基向量。任何一组基都能通过：可以手算（解 $A\mathbf{x} = \mathbf{0}$：哪些未知数是自由的？），可以像上面那样用奇异值分解，也可以用 `la.null_space`。

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

# %% [markdown] lang="zh" twin="f0000e58"
# ## 3. 全连接层的像
#
# 不带激活函数的全连接层就是线性映射 $\mathbf{x} \mapsto W\mathbf{x}$，其中 $W$ 的形状为 $(n_\text{out}, n_\text{in})$。它的像是 $W$ 的列空间：这是**输出**空间 $\mathbb{R}^{n_\text{out}}$ 的一个子空间，维数为 $\operatorname{rank}W \le \min(n_\text{out}, n_\text{in})$。把 3 个输入扩展为 5 个神经单元的层无法填满 $\mathbb{R}^5$：它的所有输出都落在一个维数为 $\operatorname{rank}W \le 3$ 的子空间里（当它的 3 列线性无关时恰好是 3 维，随机权重就是这样）。把 4 个输入收窄为 2 个神经单元的层至少丢掉 2 个维度：那就是它的零空间。
#
# > **⚠️ 注意 — 全连接层的像落在输出空间中，而不在输入空间中**。本课程所依据的一篇读书笔记说，全连接层的输出形成了一个新向量空间，“该空间是原始输入特征空间的一个子空间”。这不可能：$W\mathbf{x}$ 有 $n_\text{out}$ 个元素，所以它属于 $\mathbb{R}^{n_\text{out}}$；当 $n_\text{out} \ne n_\text{in}$ 时，它甚至不是输入空间中的向量：

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

# %% [markdown] lang="zh" twin="8918c93a"
# （偏置 $\mathbf{b}$ 把像平移成 $\operatorname{col}(W) + \mathbf{b}$，这是一个仿射子空间；随后激活函数再把它弯曲。维数的计数不变：由 3 个输入驱动的 5 个 Sigmoid 神经单元，在 $\mathbb{R}^5$ 中描出一张维数为 $\operatorname{rank}W \le 3$ 的曲面——逐元素作用的 Sigmoid 函数光滑且可逆，所以它只弯曲子空间，既不增加也不减少维数。）
#
# ### 练习 5 — 像在哪里
# 一个全连接层 $\mathbb{R}^3 \to \mathbb{R}^5$ 的权重矩阵是下面的 `W_dense`（不带偏置）。它的像是 $\mathbb{R}^m$ 的一个子空间，具有某个维数。给出 `[m, dimension]`（dimension 即维数）。

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

# %% [markdown] lang="zh" twin="b2c41119"
# ## 4. 特征向量与不变子空间
#
# 方阵 $A$ 把 $\mathbb{R}^n$ 映到它自身，所以我们可以问：它不改变哪些方向？满足
#
# $$A\mathbf{v} = \lambda\mathbf{v}$$
#
# 的非零向量 $\mathbf{v}$ 称为**特征向量**（eigenvector），$\lambda$ 称为它的**特征值**（eigenvalue）：沿着 $\mathbf{v}$，映射只做伸缩，倍数为 $\lambda$（$\lambda < 0$ 时还会反向）。特征值是 $\det(A - \lambda I) = 0$ 的根。满足 $A S \subseteq S$ 的子空间 $S$ 称为**不变子空间**（invariant subspace）；过一个特征向量的直线就是最简单的不变子空间。
#
# 调整一个 2×2 矩阵的各个元素：图中显示它把单位圆（虚线）和一张网格送到哪里。红线是特征向量所在的直线——即映射后保持不动的方向。转角为 $\theta$ 的旋转（试试 $a = d = 0$，$b = -1$，$c = 1$：$\theta = 90°$）的特征值是 $\lambda = \cos\theta \pm i\sin\theta$。除 0 和 $\pi$ 以外，对每个 $\theta$ 它们都是复数：旋转让每个方向都转动了，不存在实特征向量。两个例外的特征值是实数：转 0 的旋转就是 $I$，转 $\pi$ 的旋转就是 $-I$，对它们来说每个向量都是特征向量，特征值分别为 $\lambda = 1$ 和 $\lambda = -1$（试试 $a = d = -1$，$b = c = 0$）。读数区还会打印 $A$ 与 $A^2$ 的秩以及非零特征值的个数；本节末尾我们再回来讨论它们。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.eigen import eigen_explorer

eigen_explorer()

# %% [markdown]
# The same numbers in code: `np.linalg.eig` returns the eigenvalues and unit eigenvectors (as columns).
# Newer numpy (2.5 on) returns them as complex numbers even when they are real; `np.real_if_close` drops
# an imaginary part that is zero (up to rounding), so the prints below read the same on every numpy.

# %% [markdown] lang="zh" twin="eee247c8"
# 同样的数字也可以用代码得到：`np.linalg.eig` 返回特征值和单位特征向量（按列排列）。较新的 numpy（2.5 起）即使特征值是实数，也以复数形式返回；`np.real_if_close` 会去掉（在舍入误差范围内）为零的虚部，因此下面打印的结果在任何版本的 numpy 上都一样。

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

# %% [markdown] lang="zh" twin="9e9e1134"
# ### 练习 6 — 一个映射的特征值
# 求 $A = \begin{pmatrix}4 & 1\\ 2 & 3\end{pmatrix}$ 的两个特征值（可以由 $\det(A - \lambda I) = 0$ 手算，也可以用 numpy），以数组形式给出，顺序不限。

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

# %% [markdown] lang="zh" twin="2f8d2374"
# 不变子空间不一定由实特征向量张成。在三维空间中，一个旋转 $xy$ 平面、同时拉伸 $z$ 轴的映射使这个平面保持不变（平面中的每个向量都被映射到平面内），尽管平面中没有哪条直线保持不动。要检验 $AS \subseteq S$，只需映射 $S$ 的一组基：$S$ 是不变子空间，当且仅当基向量的像没有增添新的方向，即 $\operatorname{rank}[S\ \ AS] = \operatorname{rank}S$。

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

# %% [markdown] lang="zh" twin="8873a32a"
# ### 练习 7 — 一个不变子空间
# 下列 $\mathbb{R}^3$ 的子空间中，哪一个在 $A = \begin{pmatrix}2 & 0 & 0\\ 0 & 0 & -1\\ 0 & 1 & 0\end{pmatrix}$（`A_inv`）的作用下不变？用字母作答。
#
# (a) $y$ 轴 $\operatorname{span}\{\mathbf{e}_2\}$  (b) $xy$ 平面 $\operatorname{span}\{\mathbf{e}_1, \mathbf{e}_2\}$
# (c) $yz$ 平面 $\operatorname{span}\{\mathbf{e}_2, \mathbf{e}_3\}$  (d) 过 $(1, 1, 0)$ 的直线

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

# %% [markdown] lang="zh" twin="06fab52f"
# 同一个特征值 $\lambda$ 的全部特征向量，再添上 $\mathbf{0}$，构成它的**特征空间**（eigenspace） $\operatorname{null}(A - \lambda I)$——一个在 $A$ 作用下不变的子空间。
#
# > **⚠️ 注意 — 特征空间只有添上零向量才是子空间**。一篇读书笔记说：“所有这样的特征向量的集合（特征空间）是……一个子空间”。可是特征向量按定义是非零的；而且 $\mathbf{v}$ 和 $-\mathbf{v}$ 都是特征向量，它们的和却是 $\mathbf{0}$，而零向量不是特征向量：单由特征向量构成的集合对加法不封闭，也不包含 $\mathbf{0}$。

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

# %% [markdown] lang="zh" twin="711847c7"
# ### 练习 8 — 特征空间里有什么
# $A = \begin{pmatrix}3 & 1 & 1\\ 1 & 3 & 1\\ 1 & 1 & 3\end{pmatrix}$（`A_es`）的特征值为 2、2 和 5。对下面六个向量（`vectors` 的各行）中的每一个回答两个问题——第 0 行：它是否属于特征空间 $E_2 = \operatorname{null}(A - 2I)$？第 1 行：它是不是 $A$ 的特征向量（对应哪个特征值都可以）？给出一个由 True/False（或 1/0）组成的 2×6 数组。

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

# %% [markdown] lang="zh" twin="1e3d7b6d"
# 两行恰好有两处不同：零向量（属于 $E_2$，但不是特征向量）和 $(2, 2, 2)$（是特征向量，对应 $\lambda = 5$）。
#
# ### 秩与特征值
#
# > **⚠️ 注意 — 非零特征值的个数不一定等于秩**。一篇读书笔记断言二者总是相等（“非零特征值的个数等于矩阵的秩”）。矩阵 $N = \begin{pmatrix}0 & 1\\ 0 & 0\end{pmatrix}$ 的秩为 1（有一个线性无关的列），但它的两个特征值都是 0：根本没有非零特征值。

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

# %% [markdown] lang="zh" twin="fb7ee6c7"
# 这两个计数何时一致？秩-零化度定理说 $\operatorname{rank}A = n - \dim\operatorname{null}A$，而 $\operatorname{null}A$ 正是 $\lambda = 0$ 的特征空间：它的维数就是 0 的**几何重数**（geometric multiplicity）。非零特征值按重数计的个数，等于 $n$ 减去 0 的**代数重数**（algebraic multiplicity），即 0 作为 $\det(A - \lambda I)$ 的根出现的次数。代数重数从不小于几何重数，所以
#
# $$\#\{\text{non-zero eigenvalues}\} \le \operatorname{rank}A,$$
#
# 当且仅当 0 的两种重数相等时取等号。两种重数相等的特征值称为**半单**（semisimple）的；而 0 是半单的，当且仅当 $\operatorname{rank}A^2 = \operatorname{rank}A$：一个满足 $A^2\mathbf{x} = \mathbf{0}$ 而 $A\mathbf{x} \ne \mathbf{0}$ 的向量构成一条链 $\mathbf{x} \to A\mathbf{x} \to \mathbf{0}$，它计入 0 的代数重数，却不带来新的特征向量；而这样的链存在，当且仅当平方会使秩下降。（对 $N$ 来说：$N\mathbf{e}_2 = \mathbf{e}_1$，$N\mathbf{e}_1 = \mathbf{0}$。）
#
# 一个矩阵如果有 $n$ 个线性无关的特征向量，就称它是**可对角化**（diagonalisable）的；这时 $A = P\,\operatorname{diag}(\lambda)\,P^{-1}$，每个特征值都是半单的，秩就等于非零 $\lambda$ 的个数。但就这个计数而言，可对角化的要求过高了：只需要特征值 0 是半单的。下面的剪切矩阵 $S$ 不可对角化（只有一条特征向量直线，$\lambda = 1$ 是二重特征值），却仍然秩为 2、有两个非零特征值——它根本没有特征值 0；$J$ 也不可对角化，它有特征值 0，而它的非零特征值个数同样等于它的秩：

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

# %% [markdown] lang="zh" twin="3934d5e1"
# 非零特征值的个数恰好在 rank $A$ = rank $A^2$ 的那几行中等于秩：$D$、$S$ 和 $J$，无论是否可对角化。（用浮点数来数要小心：一个不是半单的重特征值 0，经 `np.linalg.eigvals` 算出来会变成很小的非零数，所以要数大于某个容差的 $|\lambda|$——或者改用秩的检验，它根本不需要特征值。）在探索器中，剪切矩阵是 $a = d = 1$，$b = 1$，$c = 0$，$N$ 是 $a = c = d = 0$，$b = 1$：读数区会显示它们的秩和计数。
#
# ### 练习 9 — 秩与非零特征值
# 对 `rank_matrices` 中的五个矩阵逐一判断：非零特征值的个数（按重数计）是否等于秩？给出由五个 True/False 组成的列表。请用上面的检验：比较 `la.rank(M)` 与 `la.rank(M @ M)`（愿意的话，再用 sympy 的 `eigenvals()` 核对其中一两个）。

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

# %% [markdown] lang="zh" twin="ca25b8db"
# ## 5. 稳定性：$\mathbf{x}_{k+1} = A\mathbf{x}_k$
#
# 反复施加同一个映射——线性循环网络就是这样，信号穿过许多相同的层时也是这样。如果 $A$ 可对角化，就把 $\mathbf{x}_0$ 用它的特征向量展开：$\mathbf{x}_k = \sum_j c_j\lambda_j^k\mathbf{v}_j$，于是一切都取决于 $|\lambda_j|$。**谱半径**（spectral radius） $\rho(A) = \max_j|\lambda_j|$ 决定了结局：$\rho(A) < 1$ 时每个 $\mathbf{x}_k \to \mathbf{0}$；$\rho(A) > 1$ 时，几乎从任何初始点出发都会无界增长。（对不可对角化的 $A$，结论同样成立。）

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

# %% [markdown] lang="zh" twin="79001fea"
# 第三个映射说明了为什么谱半径讲的是长期行为：它的特征值是 0.9、0.8 和 0.7，但很大的非对角元素让 $\|\mathbf{x}_k\|$ 先增长了将近一百倍（97.7 倍，见上面的输出），然后才衰减。算子范数 $\|A\|_2$（第 09 章）界定的只是一步的增长；$\rho(A)$ 决定的是极限。
#
# ### 练习 10 — 谱半径
# 计算 $A = \begin{pmatrix}0.5 & 2\\ -0.5 & 0.5\end{pmatrix}$ 的 $\rho(A)$，保留三位小数。

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

# %% [markdown] lang="zh" twin="f1d3099b"
# ### 练习 11 — 它会消失吗？
# 对上面这个 $A$，从几乎任意初始点 $\mathbf{x}_0$ 出发，$\mathbf{x}_{k+1} = A\mathbf{x}_k$ 会怎样？用字母作答。
#
# (a) 逐渐消失，$\mathbf{x}_k \to \mathbf{0}$  (b) 无界增长
# (c) 保持有界，但不会消失  (d) 不迭代就无法判断

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

# %% [markdown] lang="zh" twin="1d7081d2"
# ## 6. 注意力：查询、键与值
#
# Transformer 把一个句子读成矩阵 $X$，每个词元（token）占一行，即该词元的嵌入向量。我们为 “the cat sat on the mat” 附带了一个很小的手工嵌入（8 个一看就懂的特征，无需下载），并加上 Transformer 论文中的正弦位置编码，使两个 “the” 得以区分：

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

# %% [markdown] lang="zh" twin="ffa0755a"
# **注意力**（Attention）让每个词元从其他词元那里收集信息。三个学习得到的矩阵把每一行投影成三种角色：
#
# $$Q = XW^Q \ (\text{queries, 查询}),\qquad K = XW^K \ (\text{keys, 键}),\qquad V = XW^V \ (\text{values, 值}),$$
#
# 其中 $W^Q, W^K$ 的形状为 $(d_\text{model}, d_k)$，$W^V$ 的形状为 $(d_\text{model}, d_v)$。词元 $i$ 用内积 $\mathbf{q}_i\cdot\mathbf{k}_j$ 给每个词元 $j$ 打分（两者指向相同方向时分数大——又是柯西-施瓦茨不等式），用 Softmax函数把自己这一行的分数变成权重，然后返回各个值向量的加权平均。把所有行一起写出来，就是**缩放点积注意力**（scaled dot-product attention）：
#
# $$\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\Bigl(\frac{QK^\top}{\sqrt{d_k}}\Bigr)V .$$
#
# 关于约定，这里说明一下。本章中词元是 $X$ 的行，权重从右边作用，即 $XW^Q$，其中 $W^Q$ 的形状为 $(d_\text{model}, d_k)$——输入维数在前，与 Transformer 论文以及 torch 的注意力代码一致。第 06 章对全连接层的写法正好相反：$W$ 的形状为 $(n_\text{out}, n_\text{in})$，$\mathbf{z} = W\mathbf{a}$，一批行向量则写作 `a @ W.T`。所以 $XW^Q$ 是一个不带偏置的全连接层，按第 06 章的约定，它的权重矩阵是 $(W^Q)^\top$（下一个单元格会验证这一点）。
#
# 先手算一遍，投影取随机矩阵（在训练好的模型中，它们是学习得到的）：

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

# %% [markdown] lang="zh" twin="59a7cb94"
# 输出的第 $i$ 行是 $\sum_j p_{ij}\mathbf{v}_j$，其中权重 $p_{ij} \ge 0$ 之和为 1：这是各个值向量的*凸*组合。所以它落在 $V$ 各行的**凸包**（convex hull）之中——凸包是包含这些行的最小凸集（对于平面上的三个值向量，就是以它们为顶点的实心三角形），比它们的张成小得多：输出的每个坐标，都介于各值向量在该坐标上的最小值和最大值之间。说“它落在 $V$ 的行空间中”在这里等于什么也没说：$V$ 是秩为 4 的 6×4 矩阵，它的行空间就是整个 $\mathbb{R}^4$。作为矩阵，输出 $PV$ 的秩至多为 $\min(\operatorname{rank}P, \operatorname{rank}V) \le \min(n, d_v)$：

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

# %% [markdown] lang="zh" twin="99b513bb"
# 而且与全连接层不同，注意力不是一个固定的线性映射：权重本身就依赖于 $X$。`ops.scaled_dot_product_attention` 的反向传播就放在它旁边，建立在 `ops.softmax_backward` 之上；下面用中心差分做一次梯度检验：

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

# %% [markdown] lang="zh" twin="f9c1c44f"
# ### 练习 12 — 手算一行注意力
# 查询 $\mathbf{q} = (1, 2)$ 遇到三个键 $\mathbf{k}_1 = (1, 0)$、$\mathbf{k}_2 = (0, 1)$、$\mathbf{k}_3 = (1, 1)$，因此 $d_k = 2$。计算三个注意力权重，保留三位小数。

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

# %% [markdown] lang="zh" twin="6d166894"
# ### 练习 13 — 输出行
# 值向量取 $\mathbf{v}_1 = (1, 0)$、$\mathbf{v}_2 = (0, 2)$、$\mathbf{v}_3 = (2, 2)$（`V_rows`），这个查询返回什么？

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

# %% [markdown] lang="zh" twin="e4928787"
# ## 7. 为什么要除以 $\sqrt{d_k}$？
#
# 如果 $\mathbf{q}$ 和 $\mathbf{k}$ 的各元素相互独立，均值为 0、方差为 1，那么 $\mathbf{q}\cdot\mathbf{k} = \sum_{i=1}^{d_k} q_ik_i$ 是 $d_k$ 个方差为 1 的项之和：它的方差是 $d_k$，典型大小是 $\sqrt{d_k}$。如果不做缩放，宽的头会产生巨大的分数，Softmax函数几乎把全部权重都放到一个键上，而它的梯度——雅可比矩阵 $\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top$——几乎消失。我们用算子范数 $\|J\|_2$（雅可比矩阵的最大奇异值）来度量它的大小，这就是第 09 章的范数；在那一章里，Softmax 的利普希茨常数算出来是 $\max\|J\|_2 = \tfrac12$（在两个权重各为 ½ 时取到）；十个相等的权重则给出 $\|J\|_2 = 0.1$（两者都在最后打印）。下面是对 2000 组随机的查询和键（每组 10 个键）取的平均：

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

# %% [markdown] lang="zh" twin="8b11e7ff"
# 方差随 $d_k$ 增长；不做缩放时，最大的权重逐渐逼近 1，雅可比矩阵的大小逐渐趋于 0——这就是饱和，和 Sigmoid 函数在远离 0 处得的是同一种病。除以 $\sqrt{d_k}$ 之后，无论头有多宽，分数的方差都是 1，权重和梯度的大小也都不随宽度变化。（在 $d_k = 4$ 时，`raw` 列反而高于 `scaled` 列：适度尖锐的权重比平坦的权重有更大的 $\|J\|_2$——最大值 ½ 属于两个相等的权重——只有接近饱和时，它才会被压向 0。）
#
# ## 8. 掩码
#
# 预测下一个词的语言模型不能偷看这个词。**掩码**（mask）是一个布尔矩阵，在查询 $i$ 可以关注键 $j$ 的位置上为 True（torch 的约定）；被遮住的分数在 Softmax 之前设为 $-\infty$，所以它的权重恰好为 0，该行其余的权重重新归一化。因果掩码只允许 $j \le i$：

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

# %% [markdown] lang="zh" twin="f1abcbcb"
# 词元 0 只能看到它自己，所以它的权重是 1。如果一行里一个 True 都没有，就会得到 $0/0$；课程库会报错拒绝这种情况，而不是返回 NaN。
#
# ### 练习 14 — 因果掩码
# 写出 4 个词元的因果掩码，形式为 4×4 数组（True/False 或 1/0）：第 $i$ 行是查询，第 $j$ 列是键。

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

# %% [markdown] lang="zh" twin="21b4b3e6"
# ## 9. 多头注意力：多个子空间
#
# 一个头在一个 $d_k$ 维空间里比较词元。**多头注意力**（Multi-head attention）让 $h$ 个头并排运行，每个头有自己的投影 $W^Q_i, W^K_i, W^V_i$，形状都是 $(d_\text{model}, d_k)$；然后把它们的输出拼接起来，再用 $W^O$ 加以混合：
#
# $$\operatorname{MultiHead}(X) = \operatorname{Concat}(\text{head}_1, \dots, \text{head}_h)\,W^O,\qquad
#   \text{head}_i = \operatorname{Attention}(XW^Q_i, XW^K_i, XW^V_i).$$
#
# 用子空间的语言来说：头 $i$ 的查询是 $\mathbf{q} = (W^Q_i)^\top\mathbf{x}$，这是一个秩为 $d_k$ 的映射，所以查询只取决于 $\mathbf{x}$ 在 $W^Q_i$ 的 $d_k$ 维列空间中的分量；$\mathbf{x}$ 在 $(W^Q_i)^\top$ 的零空间中移动，不会改变任何查询。这个头的键和值是另外的投影，分别经过 $W^K_i$ 和 $W^V_i$，各自看到自己的子空间。在代码中，所有的头都放在一个宽矩阵 $W^Q$ 里，其形状为 $(d_\text{model}, h\,d_k)$，由 `ops.split_heads` 把它的各列切开：

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

# %% [markdown] lang="zh" twin="cab0688b"
# 但这并不意味着 $\mathbb{R}^8$ 的其余部分对这个头不可见。沿着头 0 的查询看不到的某个方向，把词元 “sat” 移动一个单位长度：它的查询不变，但它的键和值变了，这个头的输出也随之改变。

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

# %% [markdown] lang="zh" twin="d05308ba"
# 所以真正成立的结论要窄一些：一个头的*查询*只能看到它的 $W^Q_i$ 的列空间（键只能看到 $W^K_i$ 的列空间，值只能看到 $W^V_i$ 的列空间），而它的*输出*落在其值向量的凸包之中，位于 $d_v$ 维的值空间里。一个方向要让这个头的任何部分都看不到，就必须同时与这三个列空间正交；这里在 $\mathbb{R}^8$ 中共有 $3d_k = 12$ 列，不存在这样的方向。Transformer 论文所说的“多个表示子空间”（several representation subspaces）正是这些投影：每个头在自己的查询–键空间中比较词元，并携带自己的值。
#
# 拼接把各个头的输出并排放在一起，得到 $n \times h\,d_v$，再由形状为 $(h\,d_v, d_\text{model})$ 的 $W^O$ 映射回去。$W^O$ 的第 $i\,d_v \dots (i+1)\,d_v - 1$ 行属于头 $i$，所以输出是各个头的项 $\text{head}_i\,W^O_i$ 之和：

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

# %% [markdown] lang="zh" twin="2e30194b"
# 每一项 $\text{head}_i W^O_i$ 都是秩至多为 $d_v = 4$ 的 6×8 矩阵：头的输出只有 $d_v$ 列，$W^O_i$ 把它们映入 $\mathbb{R}^8$。对整个输出而言，界 $\min(n, h\,d_v, d_\text{model})$ 在这里由 $n = 6$ 个词元决定，因此它反映不出头的任何情况。更窄的头才会让这个界起作用：两个 $d_k = d_v = 2$ 的头给出 $h\,d_v = 4 < n = 6$，于是 $\mathbb{R}^8$ 中的六个输出行落在一个 4 维子空间，即 $W^O$ 的行空间里：

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

# %% [markdown] lang="zh" twin="e55b50e1"
# 每个头都有自己的注意力模式。图中在同一个句子上运行两个 $d_k = 4$ 的头（各有自己固定的随机投影，已设定种子）。可以选择头、温度 $T$（分数除以 $T\sqrt{d_k}$：$T$ 小时每一行变得尖锐，集中到一个键上；$T$ 大时变得平坦，趋向平均）以及掩码：

# %% tags=["nbval-ignore-output"]
from dlmath.explorers.attention import attention_explorer

attention_explorer()

# %% [markdown]
# ### Exercise 15 — multi-head shape bookkeeping
# A sentence of $n = 10$ tokens with $d_\text{model} = 64$ goes through $h = 4$ heads with
# $d_k = d_v = d_\text{model}/h$. Give a 2×3 array: row 0 the shape of $Q$ after `split_heads`, row 1 the
# shape of the attention weights of all heads.

# %% [markdown] lang="zh" twin="aeb2dd39"
# ### 练习 15 — 多头的形状记账
# 一个 $n = 10$ 个词元的句子，$d_\text{model} = 64$，经过 $h = 4$ 个头，$d_k = d_v = d_\text{model}/h$。给出一个 2×3 数组：第 0 行是 $Q$ 经 `split_heads` 之后的形状，第 1 行是所有头的注意力权重的形状。

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

# %% [markdown] lang="zh" twin="7978da12"
# ## 小结
# - 子空间包含 $\mathbf{0}$，并且对加法和数乘封闭；仿射集合、半空间以及子空间的并都不是子空间。
# - $A$ 各列的张成就是列空间；$\mathbf{b}$ 属于它，当且仅当 $\operatorname{rank}[A\ \mathbf{b}] = \operatorname{rank}A$，这时解 $A\mathbf{x} = \mathbf{b}$ 就得到系数。
# - 奇异值分解给出列空间（$U$ 的前 $r$ 列）和零空间（$V$ 的后 $n - r$ 列）的标准正交基，其中“零”指小于 $\max(m, n)\,\varepsilon\,\sigma_1$；秩 + 零化度 = $n$。
# - 全连接层的像是它*输出*空间的子空间，维数为 rank $W$。
# - 特征向量是映射只做伸缩的方向；特征空间要添上 $\mathbf{0}$ 才是子空间；不变子空间不一定包含任何实特征向量（旋转平面）。
# - 非零特征值的个数（按重数计）至多等于秩；当且仅当特征值 0 是半单的，即 $\operatorname{rank}A = \operatorname{rank}A^2$ 时，二者相等——所有可对角化矩阵都是如此，有些不可对角化的矩阵也是如此（剪切矩阵 $[[1,1],[0,1]]$：秩 2，特征值 1、1）。$[[0,1],[0,0]]$ 则不然：秩 1，特征值 0、0，$\operatorname{rank}A^2 = 0$。
# - $\rho(A) < 1$ 时 $\mathbf{x}_{k+1} = A\mathbf{x}_k$ 逐渐消失，$\rho(A) > 1$ 时则会爆炸。
# - 注意力：$\operatorname{softmax}(QK^\top/\sqrt{d_k})V$，其中 $Q = XW^Q$，$K = XW^K$，$V = XW^V$；$\sqrt{d_k}$ 使分数的方差保持为 1，让 Softmax 不至于饱和；掩码把权重设为 0。每个输出行都是值向量的凸组合（落在它们的凸包内），输出的秩 $\le \min(n, d_v)$。一个头的查询只能看到它的 $W^Q_i$ 的列空间，但这个头还通过 $W^K_i$ 和 $W^V_i$ 读取 $X$；$W^O$ 把拼接起来的各个头混合在一起，输出的秩至多为 $\min(n, h\,d_v, d_\text{model})$。
#
# **下一章**：11 · ReLU 网络的线性区域（`11_linear_regions.ipynb`）——ReLU 网络如何把输入空间切成许多块，在每一块上都是线性的；用到的正是本章的秩与子空间。
