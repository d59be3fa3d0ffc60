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

# %% [markdown] lang="zh" twin="494a943f"
# # 11 · ReLU 网络的线性区域
#
# **目标**。学完本章，你能够：
# - 从几何上描述一个 ReLU 隐藏层神经单元：它是一个超平面，把输入空间切成两个半空间；并把 ReLU 写成矩阵：$\mathrm{ReLU}(\mathbf z) = D_{I(\mathbf z)}\,\mathbf z$；
# - 求出一个点的激活模式，以及网络在该点所在线性区域上计算的仿射映射；
# - 理解网络为什么在失活区域上是常数，以及更深的层如何用折线切分前面各层的区域；
# - 精确地数出区域个数，并与 Zaslavsky 公式 $\sum_{i\le n_0}\binom{n_1}{i}$ 以及已发表的深层网络区域数的界相比较；
# - 在输入立方体 $U = [0, 1]^n$ 上找出冗余节点，并数出一个训练后网络的区域个数。
#
# **前置知识**：[第 01 章](01_neurons_step_sigmoid.ipynb)（加权输入 $z = \mathbf w\cdot\mathbf x + b$、ReLU）、[第 02 章](02_vectors_cauchy_schwarz.ipynb)（内积、矩阵）、[第 07 章](07_backpropagation.ipynb)（MLP 及其训练），以及[第 10 章](10_subspaces_and_attention.ipynb)中子空间和秩的概念。

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

# %% [markdown] lang="zh" twin="d3af16ca"
# ## 1. 一个神经单元就是一个超平面
#
# 隐藏层神经单元 $j$ 计算 $z_j = \mathbf w_j\cdot\mathbf x + b_j$。满足 $z_j = 0$ 的点构成一个**超平面**（hyperplane） $H_j = \{\mathbf x\in\mathbb R^n : \mathbf w_j\cdot\mathbf x + b_j = 0\}$：在平面上是一条直线，在三维空间中是一个平面。它把 $\mathbb R^n$ 切成两个**半空间**（half-spaces）：
#
# $$S^+_j = \{\mathbf x : \mathbf w_j\cdot\mathbf x + b_j > 0\},\qquad
#   S^-_j = \{\mathbf x : \mathbf w_j\cdot\mathbf x + b_j \le 0\}.$$
#
# 权重向量 $\mathbf w_j$ 是 $H_j$ 的法向量，指向 $S^+_j$ 一侧；改变 $b_j$ 会让超平面沿 $\mathbf w_j$ 方向平移而不转动。定义**示性函数**（indicator function）：$z > 0$ 时 $I(z) = 1$，$z \le 0$ 时为 $0$。于是一个点位于哪一侧就由 $I(z_j)$ 给出——超平面本身属于负侧（在那里 ReLU 输出 0）。`R.side(W, b, x)` 对整层计算这个值。

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

# %% [markdown] lang="zh" twin="570c30e1"
# > **⚠️ 注意 — 当 $b \ne 0$ 时，超平面是仿射子空间，而不是线性子空间**。本课程所依据的一篇读书笔记把超平面
# > $\mathbf w^\top\mathbf x + b = 0$ 称为“余维数为 1 的线性子空间”。这只在 $b = 0$ 时成立。子空间必须包含 $\mathbf 0$，并且对其中向量的加法封闭（第 10 章的子空间判定法）；当 $b \ne 0$ 时，原点给出 $z = b \ne 0$，而且直线上两点之和并不在这条直线上。它是一个**仿射子空间**（affine subspace）：把线性子空间 $\mathbf w\cdot\mathbf x = 0$ 按一个点平移后得到的集合。

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

# %% [markdown] lang="zh" twin="f17ed4a0"
# 原点和 $p_1 + p_2$ 都不在直线上，所以它不是子空间；而直线上两点之差满足 $\mathbf w\cdot\mathbf x = 0$——这条直线正是这个线性子空间平移后的副本。
#
# ### 练习 1 — 在哪一侧
# 超平面为 $2x_1 - x_2 - 1 = 0$。对四个点 $(0.75, 0)$、$(1.5, 0)$、$(1, 1)$ 和 $(0.25, 0)$，以含四个 0/1 数的数组给出 $I(z)$（超平面上的点记为 0）。

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

# %% [markdown] lang="zh" twin="e6b9784f"
# ## 2. ReLU 是一个随输入而变的对角矩阵
#
# 对于加权输入为 $\mathbf z = (z_1,\dots,z_k)$ 的一层，有 $\mathrm{ReLU}(z_j) = I(z_j)\,z_j$，因此
#
# $$\mathrm{ReLU}(\mathbf z) = D_{I(\mathbf z)}\,\mathbf z,\qquad
#   D_{I(\mathbf z)} = \operatorname{diag}\bigl(I(z_1),\dots,I(z_k)\bigr).$$
#
# 0/1 向量 $I(\mathbf z)$ 就是这一层的**激活模式**（activation pattern）。ReLU 不是线性的，但一旦模式固定，它*就是*一个矩阵：全部的非线性都体现在选用哪一个矩阵上。

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

# %% [markdown] lang="zh" twin="2e7649b6"
# ### 练习 12 — 把 ReLU 写成矩阵
# 对 $\mathbf z = (0.5, -1, 0, 2)$ 给出 $D_{I(\mathbf z)}$，即满足 $\mathrm{ReLU}(\mathbf z) = D\,\mathbf z$ 的 $4\times4$ 矩阵。

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

# %% [markdown] lang="zh" twin="2bf6e65c"
# ## 3. 激活模式与线性区域
#
# 看下面的 2-3-1 网络：三个 ReLU 隐藏层神经单元（即 $W^1$ 的各行，形状为 (3, 2)，与 `dlmath.ops.dense` 一致）和一个线性输出。平面上的每个点都有一个由三位组成的模式。`R.activation_pattern(net, x)` 为每个点返回一行。

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

# %% [markdown] lang="zh" twin="48eab706"
# 具有同一模式的所有点构成的集合，是若干个半空间的交集，每个神经单元贡献一个——例如模式 $(1, 0, 1)$ 就是
# $S^+_1\cap S^-_2\cap S^+_3$。半空间的交集是凸集。在这个集合上模式固定，因而 $D$ 固定，网络就是一个仿射映射：
#
# $$z^2 = W^2 D\,(W^1\mathbf x + \mathbf b^1) + b^2 = \underbrace{W^2 D W^1}_{A}\,\mathbf x
#   + \underbrace{W^2 D\,\mathbf b^1 + b^2}_{c}.$$
#
# 这样的集合就是**线性区域**（linear region）——更准确地说是**激活区域**（activation region），每个实际出现的激活模式对应一个（这是 Hanin 和 Rolnick 的术语；本章所数的区域就是它们）。两个相邻的激活区域可能带有相同的仿射映射，这时*函数*的线性片就比网络的区域少；第 6 节会展示一个这样的例子。所有超平面合在一起构成一个**超平面排列**（hyperplane arrangement），它把输入空间分割开来，这就是**空间划分**（space partitioning）。`R.partition(net, box)` 能*精确*求出一个二输入网络在某个矩形内的全部区域：它用一条条直线依次切割这个矩形多边形（用一条直线切割一个凸多边形，几行代码就能写完，见 `R.split_polygon`），并返回每个区域的多边形、模式和仿射映射 $(A, c)$。

# %%
box = (-1.0, 3.0, -1.0, 3.0)
found = R.partition(net, box)
for r in found:
    print(f"pattern {r.pattern}: A = {np.round(r.A[0], 2)}, c = {r.c[0]:+.2f}, {len(r.polygon)} corners")

# %% [markdown]
# In the figure each region is labelled with its pattern: crossing one line flips exactly one bit, the
# bit of the unit whose line it is.

# %% [markdown] lang="zh" twin="4e0be7a8"
# 图中每个区域都标上了它的模式：越过一条直线，恰好翻转一位，即这条直线所属的那个神经单元的那一位。

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

# %% [markdown] lang="zh" twin="73653a27"
# 验证一个区域上的仿射映射*就是*网络在那里的函数：在每个多边形内随机取点（取其顶点的凸组合：系数 $\ge 0$ 且总和为 1，从狄利克雷分布中抽取），然后比较两者。

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

# %% [markdown] lang="zh" twin="a53c3ba4"
# ### 练习 2 — 手算激活模式
# 求这个网络的隐藏层在 $\mathbf x = (0.1, 0.9)$ 处的模式，以含三个 0/1 数的数组给出。

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

# %% [markdown] lang="zh" twin="4c3c276a"
# ### 练习 3 — 该区域上的仿射映射
# 在这个模式的区域上，网络为 $z^2 = A\mathbf x + c$。以数组给出 $A$，即 (1, 2) 矩阵
# $W^2 D W^1$。

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

# %% [markdown] lang="zh" twin="4078c999"
# ### 练习 4 — 以及它的偏移量
# 以一个数给出同一区域上的 $c = W^2 D\,\mathbf b^1 + b^2$。

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

# %% [markdown] lang="zh" twin="b1c99c45"
# ## 4. 失活区域
#
# 在所有隐藏层神经单元都关闭的地方，模式全为 0，$D = 0$：这就是**失活区域**（dead region）
# $S^-_1\cap S^-_2\cap\dots\cap S^-_k$。在那里，无论输入是什么，都有
# $z^2 = W^2\cdot 0 + b^2 = b^2$。
#
# > **⚠️ 注意 — 在失活区域上，网络是常数，其雅可比矩阵为零**。那篇读书笔记说，下一层在那里“秩为 0”，并“把该区域压缩到零空间中”。实际情况更简单，结论也更强：$A = W^2 D W^1 = 0$，所以该区域的每个输入都被映射到*同一个点* $b^2$（不是映射到 $\mathbf 0$，也不是“压进”某个零空间——$A = 0$ 的零空间是整个 $\mathbf R^n$，而像只是一个点）。在那里，输出对输入的梯度、对每个第一层权重的梯度都为零：落在失活区域中的输入，无法让这些权重学到任何东西。

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

# %% [markdown] lang="zh" twin="1f60e495"
# ### 练习 5 — 失活区域上的值
# （第 3 节的 2-3-1 网络没有失活区域：没有哪个输入能让它的三个神经单元全部关闭。）下面这个 2-2-1 网络有一个，而且原点就在其中：$W^1 = \begin{pmatrix}1 & 2\\ -1 & 1\end{pmatrix}$，$\mathbf b^1 = (-1, -0.5)$，$W^2 = (3, -2)$，$b^2 = -0.4$。它在那里输出什么——在原点处，以及在该区域的其他任何地方？

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

# %% [markdown] lang="zh" twin="de72a461"
# ## 5. 一层最多能切出多少个区域？
#
# 若 $\mathbb R^{n_0}$ 中的 $n_1$ 个超平面没有两个互相平行、没有三条直线交于一点，依此类推，就称它们处于**一般位置**（general position）。这时它们恰好把 $\mathbb R^{n_0}$ 切成
#
# $$r(n_0, n_1) = \sum_{i=0}^{n_0}\binom{n_1}{i}$$
#
# 个区域（Zaslavsky 1975）。在平面上就是 $1 + n_1 + \binom{n_1}{2}$：从一个区域开始，每加一条直线，它本身增加一个区域，它每穿过一条已有的直线，再增加一个。这远少于 $2^{n_1}$ 种模式：大多数模式根本不会出现。我们在随机的单层网络上验证这一点，所用的矩形框大到能容纳所有交点（这样每个区域都与矩形框相交）：

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

# %% [markdown] lang="zh" twin="10de2dd4"
# **动一动一个神经单元**。下图显示一个 2-5-1 网络在 $[-1, 1]^2$ 中的精确区域，每个区域按其模式着色，失活区域为深色。滑块可以转动和平移神经单元 1 的直线（红色；短线段是它的法向量 $\mathbf w$，指向它的正侧）。观察：当这条直线离开方框，或有两个交点离开方框时，区域数会下降；失活区域会变大、变小或消失。其余四个神经单元不动，所以它们的划分只需计算一次；移动滑块时，只用红线去切割它们的每个区域。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.regions import region_count_explorer, region_explorer

region_explorer()

# %% [markdown]
# ### Exercise 6 — the most regions for $n_0 = 2$, $n_1 = 5$
# How many regions can one hidden layer of 5 ReLU units make in the plane, at most? (A number.)

# %% [markdown] lang="zh" twin="c73aa2e4"
# ### 练习 6 — $n_0 = 2$、$n_1 = 5$ 时最多有多少个区域
# 一个由 5 个 ReLU 神经单元组成的隐藏层，在平面上最多能切出多少个区域？（一个数。）

# %%
### BEGIN SOLUTION
max_regions = comb(5, 0) + comb(5, 1) + comb(5, 2)
### END SOLUTION

# %%
check("11.max_regions", max_regions)

# %% [markdown]
# ### Exercise 7 — Zaslavsky in three dimensions
# And 6 units on an input of 3 numbers ($n_0 = 3$, $n_1 = 6$)?

# %% [markdown] lang="zh" twin="3ee321c2"
# ### 练习 7 — 三维中的 Zaslavsky 公式
# 如果输入是 3 个数，隐藏层有 6 个神经单元（$n_0 = 3$，$n_1 = 6$），又是多少？

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

# %% [markdown] lang="zh" twin="50033063"
# **多于两个输入**。这时区域是多胞体，课程库不会把它们一一列举出来。它提供两种计数，并讲明各自数的是什么：`R.segment_regions(net, p, q)` *精确*地找出从 $p$ 到 $q$ 的线段所经过的区域（同样的切割方法，在一维中进行）；`R.count_patterns(net, x)` 数出样本点中不同模式的个数——这只是一个下界，因为没有样本落入的区域会被漏掉。

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

# %% [markdown] lang="zh" twin="453fe51f"
# ## 6. 逐层深入：区域中的区域
#
# 第二个隐藏层看到的是 $\mathbf a^1 = D^1(W^1\mathbf x + \mathbf b^1)$，它*在每个第一层区域内部*是
# $\mathbf x$ 的仿射函数。所以第二层的神经单元在每个第一层区域内用一条直线进行切割——不同区域中是不同的直线，因为 $D^1$ 不同。在输入平面上看，它的“超平面”是一条折线，在与第一层直线相交处弯折。这就是递归划分：第 $l$ 层的区域，就是第 $l-1$ 层的各个区域再被第 $l$ 层的神经单元切割所得的结果：
#
# $$R^l = \bigcap_{j} S^{\pm}(z^l_j)\;\cap\; R^{l-1},\qquad R^0 = \mathbf R^{n_0}.$$
#
# `R.partition` 正是这样逐层工作的。

# %%
deep = R.random_relu_net(2, (4, 4), seed=5)
first_only = [(deep.W[0], deep.b[0]), (np.ones((1, 4)), np.zeros(1))]
box2 = (-2.0, 2.0, -2.0, 2.0)
layer1, both = R.partition(first_only, box2), R.partition(deep, box2)
print(f"after layer 1: {len(layer1)} regions; after layer 2: {len(both)}")

# %% [markdown]
# Look at the right panel: every layer-2 line is straight inside a layer-1 region and bends where it
# crosses a layer-1 line.

# %% [markdown] lang="zh" twin="742e0d6e"
# 看右侧的图：第二层的每条线在第一层区域内部都是直的，穿过第一层直线时就会弯折。

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

# %% [markdown] lang="zh" twin="c8d92b3d"
# ### 练习 13 — 折线的一段
# 一个 2-2-1-1 网络：第一层 $W^1 = \begin{pmatrix}1 & 1\\ 1 & -1\end{pmatrix}$，$\mathbf b^1 = (-1, 0)$；第二层只有一个神经单元，权重为 $(2, -1)$，偏置为 $-1$。在第一层神经单元 1 *开启*、神经单元 2 *关闭*的区域上，第二层神经单元计算输入的一个仿射函数 $z = a_1x_1 + a_2x_2 + c$；它的零点集就是折线在该区域中的那一段。给出 `[a1, a2, c]`。

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

# %% [markdown] lang="zh" twin="bd3b8349"
# **动态秩**。下一层的权重作用在 $D^1\mathbf z^1$ 上，所以在一个区域上，它们实际施加的是
# $W^2 D^1$（那篇读书笔记按它自己的转置约定写作 $w^\top D$）。它的秩随区域而变，且从不超过 $\operatorname{rank}W^2$：$\operatorname{rank}(W^2 D) \le \min(\operatorname{rank} W^2, \text{number of units on})$，其中 number of units on 指开启的神经单元个数。`R.dynamic_rank(W_next, pattern)` 计算这个秩。对上面网络的各个区域：

# %%
W_next = deep.W[1]
print(f"rank W² = {np.linalg.matrix_rank(W_next)}")
for r in layer1:
    print(f"layer-1 pattern {r.pattern}: rank(W² D) = {R.dynamic_rank(W_next, r.pattern)}")

# %% [markdown]
# ### Exercise 8 — a dynamic rank
# $W = \begin{pmatrix}1&2&0&2\\0&1&1&0\\1&0&-1&2\end{pmatrix}$ (the next layer, 3 units fed by 4) and the
# pattern $(1, 0, 0, 1)$. Give $\operatorname{rank}(W D)$.

# %% [markdown] lang="zh" twin="88d0c146"
# ### 练习 8 — 一个动态秩
# $W = \begin{pmatrix}1&2&0&2\\0&1&1&0\\1&0&-1&2\end{pmatrix}$（下一层：3 个神经单元，由 4 个神经单元馈入），模式为 $(1, 0, 0, 1)$。给出 $\operatorname{rank}(W D)$。

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

# %% [markdown] lang="zh" twin="5c40241c"
# ### 练习 9 — 数一个小网络的区域
# 下面是一个 2-3-2-1 网络。它在 $U = [0, 1]^2$ 中有多少个线性区域？数一数（可以借助课程库），并与把单层公式用于它的 5 个神经单元所得的数相比较。

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

# %% [markdown] lang="zh" twin="723cbe27"
# 这些都是激活区域。那么函数有多少个*线性片*呢？带有相同仿射映射 $(A, c)$ 的相邻区域属于函数的同一个线性片；`R.linear_pieces` 把它们合并起来：

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

# %% [markdown] lang="zh" twin="9ea1e93a"
# ## 7. 更深还是更宽？计数与界的比较
#
# 宽度为 $n_1,\dots,n_L$ 的 $L$ 个隐藏层能切出多少个区域？有两个已发表的答案：
# - **Montúfar、Pascanu、Cho 和 Bengio**（2014），*On the number of linear regions of deep neural
#   networks*（NeurIPS），定理 4：若每个 $n_l \ge n_0$，则*存在*这种形状的网络，其区域数至少为
#   $\bigl(\prod_{l<L}\lfloor n_l/n_0\rfloor^{n_0}\bigr)\sum_{j\le n_0}\binom{n_L}{j}$——这个数随深度呈指数增长。他们的构造让输入空间一层接一层地折叠；随机权重做不到这一点。当 $n_l = n_0$ 时，因子 $\lfloor n_l/n_0\rfloor^{n_0}$
#   全都等于 1，这个界所说的不过是宽度为 $n_L$ 的单层本来就能给出的数——对下表中窄的那一行（宽度 2 = $n_0$）来说，它是平凡的。
# - **Serra、Tjandraatmadja 和 Ramalingam**（2018），*Bounding and counting linear regions of deep neural
#   networks*（ICML），定理 1：*任何*网络的区域数都不超过
#   $\sum_{(j_1,\dots,j_L)\in J}\prod_l\binom{n_l}{j_l}$，其中
#   $J = \{0\le j_l\le\min(n_0, n_1-j_1,\dots,n_{l-1}-j_{l-1}, n_l)\}$：一层能切割的维数，不会超过它之前各层留存下来的维数——又是动态秩。对于单层，它就是 Zaslavsky 的计数。
#
# 下面是由 12 个隐藏层神经单元构成的随机网络，分别排成 1、2、3 或 6 层，在
# $[-2, 2]^2$ 中精确计数（5 个随机种子的平均值）：

# %%
print("widths                 counted  Montúfar (some net ≥)  Serra (every net ≤)")
for widths in [(12,), (6, 6), (4, 4, 4), (2, 2, 2, 2, 2, 2)]:
    counts = [R.count_regions(R.random_relu_net(2, widths, seed=s), box2) for s in range(5)]
    print(f"{str(widths):22s} {np.mean(counts):7.1f}  {R.montufar_lower(2, widths):21d}  {R.serra_upper(2, widths):19d}")

# %% [markdown]
# Every count stays below Serra's bound, as it must. Random deep nets do not come near the maximum —
# in a bounded box they often have *fewer* regions than one wide layer (Hanin & Rolnick 2019 found the
# same: depth raises the possible number, not the typical one). Choose the depth and width yourself:

# %% [markdown] lang="zh" twin="2d7a2dea"
# 每个计数都低于 Serra 的界，这是必然的。随机的深层网络远远达不到最大值——在有界的方框内，它们的区域往往比一个宽的单层*更少*（Hanin 和 Rolnick 2019 也发现了这一点：深度提高的是可能达到的区域数，而不是典型的区域数）。自己选择深度和宽度试试：

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

# %% [markdown] lang="zh" twin="112f7970"
# ## 8. 输出层：max 与 Softmax
#
# 分类器选出输出 $y_k = \mathbf w_k\cdot\mathbf a + b_k$ 最大的那个类别（Softmax 不会改变哪个最大）。在类别 $k$ 胜出的地方，对每个 $i\ne k$ 都有 $y_k - y_i > 0$：这又是半空间的交集，只是这回是**两两比较**得到的超平面：
#
# $$y_k - y_i = (\mathbf w_k - \mathbf w_i)\cdot\mathbf a + (b_k - b_i) = 0.$$
#
# `R.pairwise_hyperplanes(W, b)` 列出这些超平面；在每个线性区域内部，logit 是 $\mathbf x$ 的仿射函数，所以 `R.argmax_regions` 用这些超平面去切分该区域的多边形。

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

# %% [markdown] lang="zh" twin="1b5f5246"
# 在图中看看不同颜色之间的边界：它们在每个线性区域内部是直的，穿过区域的边缘时会弯折。

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

# %% [markdown] lang="zh" twin="ac953bb2"
# ### 练习 10 — 一个两两比较的超平面
# 一个输出层的 $W = \begin{pmatrix}1&2\\-1&0.5\\0.5&-1\end{pmatrix}$，$\mathbf b = (0.2, -0.3, 1.0)$。给出函数 $y_1 - y_3$（它的正侧就是类别 1 胜过类别 3 的地方），写成数组 $[\,w_1, w_2, \text{bias}\,]$（bias 即偏置）。

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

# %% [markdown] lang="zh" twin="8e3b8ff7"
# ## 9. 输入立方体与冗余节点
#
# 实际的输入是有界的：缩放之后，像素值位于 $[0, 1]$ 中。真正要紧的**输入空间**（input space）是立方体 $U = [0, 1]^{n}$，而不是整个 $\mathbf R^n$。如果一个神经单元的正半空间与 $U$ 不相交，它对 $U$ 中的每个输入都处于关闭状态：它对下一层的贡献为 $0$，删去它也不会改变函数在 $U$ 上的取值。这样的神经单元称为**冗余节点**（redundant node）。超平面与立方体不相交，当且仅当
# $\mathbf w\cdot\mathbf x + b$ 在全部 $2^n$ 个顶点上同号（`R.hyperplane_meets_box`）。

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

# %% [markdown] lang="zh" twin="3f529bdd"
# 如果一个神经单元的超平面与 $U$ 不相交，但它在 $U$ 中处处*开启*，情况就不同了：在那里它把加权输入原样传出，$a_j = \mathbf w_j\cdot\mathbf x + b_j$，这是*输入*的仿射函数，删去它会改变输出。下一层能吸收它吗？偏置部分可以：$b_j$ 乘以它发出的权重，直接并入下一层的偏置。$\mathbf w_j\cdot\mathbf x$ 部分则不行——下一层只看得到隐藏层神经单元，看不到 $\mathbf x$——除非网络有一条从输入出发的*跳跃连接*。最小的例子：在 $[0, 1]$ 上，$f(x) = \mathrm{ReLU}(x + 1) + \mathrm{ReLU}(x - \tfrac12)$；第一个神经单元在 $U$ 中处处开启，但没有哪个只含一个神经单元的网络
# $c\,\mathrm{ReLU}(wx + b) + d$ 等于 $f$：$f$ 在 $x = \tfrac12$ 处弯折，左侧斜率为 1，右侧为 2，而在那里弯折的单个 ReLU 必定有一侧是平的。

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

# %% [markdown]
# ### Exercise 11 — which unit is redundant on $U = [0, 1]^2$?
# (a) $x_1 + x_2 - 0.5$  (b) $x_1 - x_2 + 2$  (c) $-x_1 - x_2 - 0.2$  (d) $2x_1 - 1$.
# Answer with the letter, e.g. `"a"`.

# %% [markdown] lang="zh" twin="83c85a9d"
# ### 练习 11 — 在 $U = [0, 1]^2$ 上哪个神经单元是冗余的？
# (a) $x_1 + x_2 - 0.5$  (b) $x_1 - x_2 + 2$  (c) $-x_1 - x_2 - 0.2$  (d) $2x_1 - 1$。用字母作答，例如 `"a"`。

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

# %% [markdown] lang="zh" twin="71f7103c"
# ## 10. 训练对区域做了什么
#
# 在两个交错的半月形数据上（scikit-learn 的 `make_moons`，300 个点，已标准化）训练一个 2-8-8-2 ReLU 网络，并在训练前后分别数出它在 $[-2.5, 2.5]^2$ 中的区域。`MLP` 的偏置初始为 0，所以训练之前，第一层的每条直线都经过原点。

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

# %% [markdown] lang="zh" twin="140fe52c"
# 训练把这些直线从原点移开，让交点散布到数据所在的地方：区域数增加了好几倍，小区域密集地挤在两个半月相接处——那正是网络需要弯折的地方。但这仍只是界的一小部分。
#
# ## 小结
# - 一个 ReLU 神经单元就是一个超平面 $\mathbf w\cdot\mathbf x + b = 0$ 及其两侧的半空间；当 $b\ne 0$ 时，它是仿射子空间，而不是线性子空间。
# - $\mathrm{ReLU}(\mathbf z) = D_{I(\mathbf z)}\mathbf z$：固定激活模式，网络就是一个仿射映射
#   $A\mathbf x + c$，其中 $A = W^L D^{L-1}W^{L-1}\cdots D^1W^1$。
# - 激活区域是半空间的交集，是凸集，每个实际出现的模式对应一个；带有相同仿射映射的相邻区域构成函数的一个线性片（上面的例子中有 17 个区域、11 个线性片）。在失活区域上，网络是常数，其雅可比矩阵为零。
# - 更深的层用各自的直线切割前面的每个区域：在输入空间中看，就是弯折的超平面。动态秩 $\operatorname{rank}(W D)$ 表明一层还能“看到”多少个方向。
# - 单层：至多 $\sum_{i\le n_0}\binom{n_1}{i}$ 个区域（Zaslavsky），处于一般位置时达到。更深的网络：至多为 Serra 等人的界，有些网络能达到 Montúfar 等人的指数级计数——随机网络和训练后的网络则远远达不到。
# - 输出的 argmax 引入了两两比较的超平面 $y_k - y_i = 0$；在输入立方体 $U$ 上，正侧与 $U$ 不相交的神经单元是冗余节点。
#
# **下一章**：[12 · 实践中的训练](12_training.ipynb)——这一章细讲第 07 章和第 08 章各用一句话带过的内容：随机小批量梯度、作为线性递推的动量（用到第 10 章的特征值）、Adam、由方差推出的初始化（第 09 章的临界尺度）、由似然推出的代价函数，以及过拟合及其对策。
