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

# %% [markdown] lang="zh" twin="ad3cf744"
# # 02 · 向量、内积与柯西-施瓦茨不等式
#
# **目标**。学完本章，你能够：
# - 把向量既看作箭头，也看作一列坐标，并计算它的长度；
# - 用两种方法计算内积 $\mathbf{a}\cdot\mathbf{b}$——作为乘积之和，以及作为
#   $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\cos\theta$——并说明两者相等；
# - 证明柯西-施瓦茨不等式
#   $|\mathbf{a}\cdot\mathbf{b}| \le \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$，准确说出等号何时成立，并用它求出最速下降方向；
# - 会做矩阵乘法，并分清矩阵乘积、转置和逐元素（阿达马）乘积。
#
# **前置知识**：第 01 章：加权输入 $z = \mathbf{w}\cdot\mathbf{x} + b$ 是一个内积加上一个数，一层就是
# $W\mathbf{x} + \mathbf{b}$。numpy 方面：数组、`np.sqrt`、`np.sum`、`@`。

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

# %% [markdown] lang="zh" twin="a30a048c"
# ## 1. 向量：箭头与坐标
#
# 既有大小又有方向的量称为**向量**（vector），画成一个箭头。箭头重要的只是长度和方向，起点在哪里无关紧要，所以可以把它的起点放在原点；这时，向量就是箭头终点的**坐标**（coordinates）：$\mathbf{a} = (3, 1)$
# 表示“向右 3，向上 1”。有了坐标，向量就只是一列数——一个 numpy
# 数组——而且同样的规则在任意维数下都适用，哪怕箭头已经画不出来：第 01 章图像的 12 个像素就是一个有 12
# 个坐标的向量。
#
# 箭头的长度就是**范数**（norm）$\lVert\mathbf{a}\rVert$（书中写作
# $|\mathbf{a}|$，称为向量的“大小”）。在平面上，它由勾股定理给出；在 $n$ 维空间中，公式也一样：
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

# %% [markdown] lang="zh" twin="b940939c"
# ### 练习 1 — 长度
# 计算下面这个三维向量 $\mathbf{a}$ 的长度 $\lVert\mathbf{a}\rVert$（按公式算：用 `np.sqrt` 和
# `np.sum`，或者把和式逐项写出来）。

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

# %% [markdown] lang="zh" twin="a3a42d72"
# 从现在起，用 `la.norm` 计算长度。它先用各分量中绝对值最大的那个数对向量进行缩放，这样平方就不会溢出：numpy 的
# `np.linalg.norm` 计算 $(10^{200}, 10^{200})$ 的长度时，会把 $10^{200}$ 平方成
# $10^{400}$，而浮点数中没有这么大的数。

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

# %% [markdown] lang="zh" twin="caf61631"
# ## 2. 内积的两种算法
#
# 两个维数相同的向量的**内积**（inner product）——也称为**点积**（dot product）——是把对应坐标相乘，再把乘积相加：
#
# $$\mathbf{a}\cdot\mathbf{b} = a_1b_1 + a_2b_2 + \dots + a_nb_n .$$
#
# 结果是一个数，而不是向量。你在第 01 章已经见过它：加权输入就是
# $z = \mathbf{w}\cdot\mathbf{x} + b$。由公式可以直接得出两个事实：$\mathbf{a}\cdot\mathbf{b} = \mathbf{b}\cdot\mathbf{a}$，以及
# $\mathbf{a}\cdot\mathbf{a} = \lVert\mathbf{a}\rVert^2$。
#
# ### 练习 2 — 一个内积
# 对上面的向量 $\mathbf{a} = (2, -3, 6)$ 和 $\mathbf{b} = (1, 2, 2)$ 计算
# $\mathbf{a}\cdot\mathbf{b}$，结果是一个数。

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

# %% [markdown] lang="zh" twin="1a7d9935"
# ### 练习 3 — 作为函数的内积
# 编写 `inner(a, b)`，对任意维数（两者维数相同）的两个 numpy 向量计算内积。可以对下标写循环；也可以先用 numpy
# 的逐元素乘法 `*`，再用 `np.sum`。不要改动 `a` 和 `b`（不要写 `a *= b`）。

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

# %% [markdown] lang="zh" twin="b09787f2"
# numpy 内置了内积：`np.dot(a, b)`、`a @ b`，还有本课程的
# `la.inner(a, b)`，它还会检查两个向量的维数是否一致，并且能一次处理按行排列的一组向量（每行一个）。
#
# **几何的一面**。把两个箭头的起点放在一起，它们形成一个**夹角**（angle）$\theta$。书中内积的第二种定义是
#
# $$\mathbf{a}\cdot\mathbf{b} = \lVert\mathbf{a}\rVert\,\lVert\mathbf{b}\rVert\cos\theta .$$
#
# 这两种定义是一回事吗？在平面上，用长度和方向写出两个向量：$\mathbf{a} = r(\cos\alpha, \sin\alpha)$，$\mathbf{b} = s(\cos\beta, \sin\beta)$；于是
# $\lVert\mathbf{a}\rVert = r$，$\lVert\mathbf{b}\rVert = s$，两者的夹角为 $\alpha - \beta$（或
# $\beta - \alpha$，余弦不受影响）。代数运算可以交给 sympy：

# %%
r, s, alpha, beta = sp.symbols("r s alpha beta", positive=True)
a_polar = sp.Matrix([r * sp.cos(alpha), r * sp.sin(alpha)])
b_polar = sp.Matrix([s * sp.cos(beta), s * sp.sin(beta)])
a_polar.T

# %% [markdown]
# ### Exercise 4 — the two ways agree
# Compute $\mathbf{a}\cdot\mathbf{b} = a_1b_1 + a_2b_2$ for `a_polar` and `b_polar` as a sympy expression
# (index with `a_polar[0]`, or use `a_polar.dot(b_polar)`) and simplify it with `sp.simplify`.

# %% [markdown] lang="zh" twin="8b8a449d"
# ### 练习 4 — 两种算法一致
# 对 `a_polar` 和 `b_polar` 计算 $\mathbf{a}\cdot\mathbf{b} = a_1b_1 + a_2b_2$，得到一个 sympy 表达式（用
# `a_polar[0]` 取分量，或者使用 `a_polar.dot(b_polar)`），再用 `sp.simplify` 化简。

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

# %% [markdown] lang="zh" twin="da9dc0e9"
# sympy 把 $rs\cos\alpha\cos\beta + rs\sin\alpha\sin\beta$ 化成 $rs\cos(\alpha - \beta)$，这正是
# $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\cos\theta$：乘积之和*就是*几何公式。（这一步用的是两角差的余弦公式
# $\cos(\alpha-\beta) = \cos\alpha\cos\beta +
# \sin\alpha\sin\beta$。）

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

# %% [markdown] lang="zh" twin="2621ed2e"
# 反过来读，这个公式给出任意两个向量的夹角：$\cos\theta = \dfrac{\mathbf{a}\cdot\mathbf{b}}{\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert}$。单看
# $\mathbf{a}\cdot\mathbf{b}$ 的符号就能知道很多：夹角为锐角时为正，为钝角时为负；当且仅当两个向量成直角时为
# $0$，这时称两个向量**正交**（orthogonal）。
#
# ### 练习 5 — 一个夹角
# 以度为单位，给出 $\mathbf{a} = (2, -3, 6)$ 与 $\mathbf{b} = (1, 2, 2)$ 之间的夹角（`np.arccos` 返回弧度；用
# `np.degrees` 换算）。两位小数就够了：检查时允许与精确角度相差 0.05° 以内。

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

# %% [markdown] lang="zh" twin="d69779b5"
# > **⚠️ 注意 — 用浮点数算出的 $\cos\theta$ 可能落在 $[-1, 1]$ 之外**。对
# > $\mathbf{b} = 3\mathbf{a}$，夹角恰好是 $0$，但乘积之和与平方根中的舍入误差可能给出
# > $\cos\theta = 1.0000000000000002$，而 `np.arccos` 对它返回 `nan`（并发出警告）。调用 `arccos`
# > 之前，先把余弦截断到 $[-1, 1]$；`la.angle`
# > 更进一步，用的是一个在任何角度下都精确的公式，即使是极小的角度也不例外——在那里，`arccos` 分不清 $10^{-9}$ 和
# > $0$。

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

# %% [markdown] lang="zh" twin="41010b6c"
# ## 3. 柯西-施瓦茨不等式
#
# 由于 $-1 \le \cos\theta \le 1$，几何公式立即给出
#
# $$-\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert \;\le\; \mathbf{a}\cdot\mathbf{b} \;\le\; \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert,
#   \qquad\text{that is}\qquad |\mathbf{a}\cdot\mathbf{b}| \le \lVert\mathbf{a}\rVert\,\lVert\mathbf{b}\rVert .$$
#
# 这就是**柯西-施瓦茨不等式**（Cauchy–Schwarz inequality）。上面的论证在平面和空间中都没有问题，但在 12
# 维空间中，“夹角”是什么？在那里，我们是用
# $\cos\theta = \mathbf{a}\cdot\mathbf{b} / (\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert)$ 来*定义* $\theta$
# 的——而只有事先知道右边落在 $[-1, 1]$ 内，才可以这样定义。所以我们需要一个不用夹角的证明。
#
# **证明**。若 $\mathbf{b} = \mathbf{0}$，两边都是 $0$。否则，对每个实数 $t$，向量 $\mathbf{a} - t\mathbf{b}$
# 都有长度，而长度的平方永远不会是负数：
#
# $$0 \le \lVert\mathbf{a} - t\mathbf{b}\rVert^2 = (\mathbf{a} - t\mathbf{b})\cdot(\mathbf{a} - t\mathbf{b})
#   = \lVert\mathbf{b}\rVert^2\,t^2 - 2(\mathbf{a}\cdot\mathbf{b})\,t + \lVert\mathbf{a}\rVert^2 .$$
#
# 关于 $t$
# 的二次式如果永不为负，就至多有一个实根，所以它的判别式不为正：$4(\mathbf{a}\cdot\mathbf{b})^2 - 4\lVert\mathbf{a}\rVert^2\lVert\mathbf{b}\rVert^2 \le 0$，这正是不等式两边平方后的形式。$\square$
#
# **等号成立的情形**。$|\mathbf{a}\cdot\mathbf{b}| = \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$
# 意味着判别式为 $0$：这个二次式在某个 $t_0$ 处恰好取到 $0$，此时
# $\lVert\mathbf{a} - t_0\mathbf{b}\rVert = 0$，即
# $\mathbf{a} = t_0\mathbf{b}$。所以等号成立当且仅当一个向量是另一个向量的倍数——两者**平行**（parallel）——其中
# $t_0 > 0$（同向）时
# $\mathbf{a}\cdot\mathbf{b} = +\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$，$t_0 < 0$（反向）时为
# $-\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$。
#
# 在二维情形，sympy
# 把两边之差写成一个完全平方，一行就同时给出不等式和等号成立的条件（$a_1b_2 = a_2b_1$，即两个向量平行）：

# %%
a1, a2, b1, b2 = sp.symbols("a1 a2 b1 b2", real=True)
sp.factor((a1**2 + a2**2) * (b1**2 + b2**2) - (a1 * b1 + a2 * b2) ** 2)

# %% [markdown]
# A proof is best believed once the numbers agree. Here are 10 000 random pairs in 5 dimensions
# (seeded) and 10 000 parallel pairs $\mathbf{b} = t\mathbf{a}$: the ratio
# $|\mathbf{a}\cdot\mathbf{b}| / (\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert) = |\cos\theta|$ never
# exceeds 1, and for parallel pairs it is 1 up to rounding.

# %% [markdown] lang="zh" twin="5c455327"
# 证明要等数字也对得上，才最让人信服。下面是 5 维空间中的 10 000 对随机向量（固定了随机种子），以及 10 000
# 对平行向量 $\mathbf{b} = t\mathbf{a}$：比值
# $|\mathbf{a}\cdot\mathbf{b}| / (\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert) = |\cos\theta|$ 从不超过
# 1，而对平行向量，它在舍入误差范围内等于 1。

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

# %% [markdown] lang="zh" twin="9da0d1c0"
# 这个检验用的是算出来的原始值，所以它是可能失败的：如果某对随机向量的 $|\mathbf{a}\cdot\mathbf{b}|$ 大于
# $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$，就会表现为一个负的差值。一对也没有。对平行向量，真实的差值是
# 0，舍入误差使算出的差值散布在 0 的两侧，幅度约为 $10^{-14}$。正因为如此，程序库的 `la.cauchy_schwarz_gap`
# 计算的是 $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\,(1 - |\cos\theta|)$，并把 $|\cos\theta|$ 限制在 1
# 以内：它*按构造*就 $\ge 0$，因此很适合衡量“离平行有多远”，却完全不能用来检验这个不等式本身。

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

# %% [markdown] lang="zh" twin="53e066d3"
# ### 练习 6 — 等号成立的情形
# 判断正误：对非零向量，$|\mathbf{a}\cdot\mathbf{b}| = \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$ *只*在
# $\mathbf{a}$ 和 $\mathbf{b}$ 方向相同时成立。回答 `True` 或 `False`。

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

# %% [markdown] lang="zh" twin="611e14f4"
# ## 4. 亲手移动向量
#
# 平面上的两个向量：滑块设置从 $\mathbf{a}$ 到 $\mathbf{b}$ 的夹角 $\theta$、两个向量的长度，以及 $\mathbf{a}$
# 的方向。右图画出 $\mathbf{a}\cdot\mathbf{b} = \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\cos\theta$
# 随所有角度的变化，曲线夹在两条虚线界限 $\pm\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$
# 之间；橙色点是当前这对向量，空心圆圈标出等号成立的位置。这幅图的纵轴以
# $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$
# 为单位，所以界限保持不动，而刻度标签显示真实的数值：拖动长度滑块，改变的是数字，而不是图形。可以试试：
# - 转动 $\theta$：读数由坐标计算 $a_1b_1 + a_2b_2$，由长度计算
#   $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\cos\theta$——两者总是同一个数；
# - 转动 a 的方向：两个箭头一起旋转，而 $\mathbf{a}\cdot\mathbf{b}$ 不变——它只取决于两个长度以及它们之间的夹角；
# - 点线从 $\mathbf{b}$ 的终点垂直落到 $\mathbf{a}$ 所在的直线上；垂足到原点的有向距离为
#   $\lVert\mathbf{b}\rVert\cos\theta$，所以 $\mathbf{a}\cdot\mathbf{b}$ = $\lVert\mathbf{a}\rVert$
#   乘以这个距离；
# - 把某个长度设为 0：曲线变平，恒为 0，此时对每个角度等号都成立。

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

# %% [markdown] lang="zh" twin="18693acb"
# ## 5. 为什么后面会用到它
#
# ### 最速下降方向（第 04 章）
# 在点 $\mathbf{x}$ 附近，多变量函数的变化量约为
# $f(\mathbf{x} + \Delta\mathbf{x}) - f(\mathbf{x}) \approx \nabla f\cdot\Delta\mathbf{x}$（第 03 章），其中
# $\nabla f$ 是由偏导数组成的向量。朝哪个方向走，$f$ 下降得最快？无论朝哪个方向，步子越长，$f$
# 的变化就越大，所以为了公平地比较各个方向，每个方向都用一个长度为 $\lVert\mathbf{d}\rVert = 1$
# 的**单位向量**（unit vector）$\mathbf{d}$ 表示（`la.unit(v)` 就是 $\mathbf{v}/\lVert\mathbf{v}\rVert$）。哪个
# $\mathbf{d}$ 使 $\nabla f\cdot\mathbf{d}$
# 尽可能小？柯西-施瓦茨不等式不用任何搜索就给出了答案：$\nabla f\cdot\mathbf{d} \ge -\lVert\nabla f\rVert\lVert\mathbf{d}\rVert = -\lVert\nabla f\rVert$，等号成立当且仅当
# $\mathbf{d}$ 是 $\nabla f$ 的负倍数（设 $\nabla f \ne \mathbf{0}$）：
#
# $$\mathbf{d} = -\frac{\nabla f}{\lVert\nabla f\rVert}, \qquad \nabla f\cdot\mathbf{d} = -\lVert\nabla f\rVert .$$
#
# 在交互图中：令 $\lVert\mathbf{b}\rVert = 1$，把 $\mathbf{a}$ 看作 $\nabla f$，把 $\mathbf{b}$ 看作
# $\mathbf{d}$；曲线的最低点在 $\theta = 180°$ 处。梯度下降法（第 04
# 章）正是建立在这一点之上的。我们用暴力搜索来验证一下：3 维空间中的 20 000 个随机单位方向。

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

# %% [markdown] lang="zh" twin="8029f063"
# ### 练习 7 — 最陡的方向
# 在某一点，函数的梯度为 $\nabla f = (3, -4)$。给出函数下降最快的单位方向 $\mathbf{d}$，写成含两个数的数组。

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

# %% [markdown] lang="zh" twin="b2ab95a7"
# ### 过滤器的相似度得分（第 08 章）
# 卷积层让一个小*过滤器*在图像上滑动，用过滤器与每个 3×3 图像块的内积给这个图像块打分，两者都看作由 9
# 个数组成的向量。由柯西-施瓦茨不等式，在长度相同的所有图像块中，得分 $\text{filter}\cdot\text{patch}$
# 当且仅当图像块是过滤器的正倍数时最大，最大值等于
# $\lVert\text{filter}\rVert\lVert\text{patch}\rVert$：过滤器“寻找”的正是它自己的图案。下面：一个竖条过滤器对四个图像块打分，所有图像块都缩放到相同的长度。

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

# %% [markdown] lang="zh" twin="3d1db878"
# 长度很重要：一个亮十倍的图像块，无论内容是什么，得分都会高十倍——一个明亮的横条会胜过过滤器要找的竖条。所以得分要在长度相同时比较，或者除以长度，这就是**余弦相似度**（cosine
# similarity）$\cos\theta = \mathbf{a}\cdot\mathbf{b}/(\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert)$，即
# `la.cosine_similarity`：它不受亮度影响，只有对正倍数才等于 1。

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

# %% [markdown] lang="zh" twin="7a291401"
# ## 6. 矩阵
#
# 由数排成的 $m$ 行 $n$ 列的矩形阵列称为**矩阵**（matrix），其形状为 $(m, n)$。第 01 章的层把神经元 $j$
# 的权重存放在 $W$ 的第 $j$ 行，于是 $W\mathbf{x}$ 就是一列内积“第 $j$ 行 ·
# $\mathbf{x}$”。这一点可以推广为**矩阵乘积**（matrix product）：若 $A$ 的形状为 $(m, k)$，$B$ 的形状为
# $(k, n)$，则 $AB$ 的形状为 $(m, n)$，并且
#
# $$(AB)_{ij} = \text{row } i \text{ of } A \;\cdot\; \text{column } j \text{ of } B = \sum_{l=1}^{k} A_{il}B_{lj}.$$
#
# 内侧的两个维数必须一致（$A$ 有 $k$ 列，$B$ 有 $k$ 行）。在 numpy 中，乘积写作 `A @ B`。

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

# %% [markdown] lang="zh" twin="c8a4f259"
# ### 练习 8 — 一个矩阵乘积
# 计算上面两个 $2\times2$ 矩阵 `A` 与 `B` 的乘积 $AB$——可以手算（行乘列），也可以用 `@`。

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

# %% [markdown] lang="zh" twin="40caff01"
# 数与数相乘可以交换次序，$3\cdot4 = 4\cdot3$；矩阵却不行。这里的 $B$ 起交换和加倍的作用：乘在 $A$
# 的右边时，它交换 $A$ 的两列（并把第二列加倍）；乘在左边时，它交换 $A$
# 的两行（并把第一行加倍）——这个反例说明，矩阵不满足**交换律**（commutative law）。

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

# %% [markdown] lang="zh" twin="0e986cb3"
# **单位矩阵**（identity matrix）$I$（书中写作 $E$）的对角线上是 1，其余位置是
# 0；它是矩阵中的“1”，与同阶的每个方阵都可交换：$AI = IA = A$。
#
# **转置**（transpose）$A^\top$ 把行与列互换，$(A^\top)_{ij} = A_{ji}$，于是形状 $(m, n)$ 变成 $(n, m)$；在
# numpy 中写作
# `A.T`。误差反向传播法中处处要用到两条规则：$(AB)^\top = B^\top A^\top$（次序颠倒），以及对列向量有
# $\mathbf{a}\cdot\mathbf{b} = \mathbf{a}^\top\mathbf{b}$，即把内积写成形状为 $(1, n)$ 与 $(n, 1)$
# 的两个矩阵的乘积。

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

# %% [markdown] lang="zh" twin="0bdfac31"
# 再介绍一种乘积，下一题要用到，第 7 节会详细讨论：两个形状相同的矩阵的**逐元素乘积**（element-wise product）
# $X \odot Y$ 把对应的元素相乘，$(X \odot Y)_{ij} = X_{ij}\,Y_{ij}$；在 numpy 中写作 `X * Y`。

# %%
print("A ⊙ B =", (A * B).tolist(), "   A B =", (A @ B).tolist())

# %% [markdown]
# ### Exercise 9 — which product commutes?
# Which of these satisfies $X \star Y = Y \star X$ for **all** $2\times2$ matrices $X, Y$?
# **a** the matrix product $XY$ · **b** the element-wise product $X \odot Y$ (next section) ·
# **c** the product with a transpose, $XY^\top$ · **d** none of them. Answer with the letter in quotes.

# %% [markdown] lang="zh" twin="ab61df9e"
# ### 练习 9 — 哪种乘积可交换？
# 下面哪一种乘积对**所有** $2\times2$ 矩阵 $X, Y$ 都满足 $X \star Y = Y \star X$？
# **a** 矩阵乘积 $XY$ · **b** 逐元素乘积 $X \odot Y$（下一节）·
# **c** 与转置的乘积 $XY^\top$ · **d** 都不满足。用带引号的字母作答。

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

# %% [markdown] lang="zh" twin="309101a4"
# ## 7. 阿达马积
#
# 误差反向传播法（第 07 章）还需要一种乘积：两个*形状相同*的矩阵的**阿达马积**（Hadamard
# product），也称为逐元素乘积。它把对应的元素相乘，并保持形状不变：
#
# $$(A \odot B)_{ij} = A_{ij}\,B_{ij}, \qquad\text{e.g.}\quad
#   \begin{pmatrix}1 & 2\\ 3 & 4\end{pmatrix} \odot \begin{pmatrix}0 & 1\\ 1 & 0\end{pmatrix}
#   = \begin{pmatrix}0 & 2\\ 3 & 0\end{pmatrix}.$$
#
# 在 numpy 中，两个数组之间的 `*` *就是*阿达马积，而 `@`
# 是矩阵乘积——把两者弄混，是手写神经网络时最常见的错误。numpy 的 `*`
# 还会不声不响地对形状不同的数组进行“广播”；`la.hadamard`
# 则会拒绝计算，并报出两个形状，因为在误差反向传播法中，形状不匹配一定是错误。

# %%
print("A * B (Hadamard) =", (A * B).tolist(), "   A @ B (matrix product) =", (A @ B).tolist())
try:
    la.hadamard(np.ones((2, 3)), np.ones((3,)))  # numpy's * would broadcast this silently
except ValueError as err:
    print(err)

# %% [markdown]
# ### Exercise 10 — a Hadamard product
# Compute $P \odot Q$ for the two $2\times3$ matrices below.

# %% [markdown] lang="zh" twin="b3db7b99"
# ### 练习 10 — 一个阿达马积
# 对下面两个 $2\times3$ 矩阵计算 $P \odot Q$。

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

# %% [markdown] lang="zh" twin="eed8c396"
# > **⚠️ 注意 — 阿达马积不是阿达马矩阵**。本课程所依据的一篇读书笔记（种子资料 004）在标题“Hadamard
# > 乘积”下，讲的却是**阿达马矩阵**（Hadamard matrix）：一个*单独的*方阵，它的元素全为
# > $\pm1$，各行两两正交，$HH^\top = nI$，用于纠错码。（笔记称它为正交矩阵；那需要 $HH^\top = I$，这对
# > $H/\sqrt n$ 成立，对 $H$ 并不成立。）两者都冠以雅克·阿达马的名字，共同之处仅此而已：$A \odot B$
# > 是作用在任意两个形状相同的矩阵上的一种*运算*，它的元素由 $A$ 和 $B$
# > 决定，可以是任何值。笔记还说，阿达马矩阵的阶数总是 2
# > 的幂；这对下面西尔维斯特（Sylvester）的倍增构造成立，对阿达马矩阵却不成立——存在 12
# > 阶的阿达马矩阵。下面的单元格用倍增法 $H_{2k} = \begin{pmatrix}H_k & H_k\\ H_k & -H_k\end{pmatrix}$ 构造一个
# > $4\times4$ 的阿达马矩阵，并与一个阿达马积放在一起对照，然后再构造一个 12 阶的阿达马矩阵。

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

# %% [markdown] lang="zh" twin="1151bb59"
# 12 阶的阿达马矩阵来自佩利（Paley）构造：若 $x$ 是模 11 的非零平方数（二次剩余），令 $\chi(x) = +1$，否则令其为
# $-1$，并且 $\chi(0) = 0$；在 $11\times11$ 矩阵 $Q_{ij} = \chi(i - j)$ 的上方加一行 1、左侧加一列 −1，再加上
# $I$，就得到一个阿达马矩阵。

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

# %% [markdown] lang="zh" twin="36ac66da"
# ## 小结
# - 向量既是箭头，也是一列坐标；它的长度为 $\lVert\mathbf{a}\rVert = \sqrt{a_1^2 + \dots + a_n^2}$。
# - 内积 $\mathbf{a}\cdot\mathbf{b} = a_1b_1 + \dots + a_nb_n$ 等于
#   $\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert\cos\theta$；调用 `arccos` 之前，先把 $\cos\theta$ 截断到
#   $[-1, 1]$（或者使用 `la.angle`）。
# - 柯西-施瓦茨不等式：$|\mathbf{a}\cdot\mathbf{b}| \le \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$，等号成立当且仅当
#   $\mathbf{a}$ 与 $\mathbf{b}$ 平行（同向*或*反向）。它给出最速下降方向 $-\nabla f/\lVert\nabla f\rVert$（第
#   04 章），并说明过滤器在与自身成正倍数的图像块上得分最高（第 08 章）。
# - 矩阵乘积：$(AB)_{ij}$ = $A$ 的第 $i$ 行 · $B$ 的第 $j$ 列；一般来说
#   $AB \ne BA$；$AI = IA = A$；$(AB)^\top = B^\top A^\top$。
# - 阿达马积 $A \odot B$（numpy 的 `*`）把两个形状相同的矩阵的对应元素相乘；它不是阿达马矩阵。
#
# 从这里开始，本课程使用
# `dlmath.linalg`：`norm`、`inner`、`angle`、`cosine_similarity`、`unit`、`steepest_descent_direction`、`cauchy_schwarz_gap`、`matmul`、`hadamard`
# 以及它们的导数。
#
# **下一章**：[03 · 导数](03_derivatives.ipynb)——斜率、偏导数，以及近似公式
# $\Delta z \approx \nabla z\cdot\Delta\mathbf{x}$，内积将在其中再次出现。
