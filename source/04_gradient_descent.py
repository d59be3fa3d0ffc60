# The one source of chapter 04: `python tools/build_notebooks.py 04` builds
# chapters/04_gradient_descent.ipynb and solutions/04_gradient_descent.ipynb.

# %% [markdown]
# # 04 · Gradient descent
#
# **Goals.** After this chapter you can
# - derive the update $\Delta\mathbf{x} = -\eta\,\nabla f$ from the approximation
#   $\Delta f \approx \nabla f\cdot\Delta\mathbf{x}$ and the Cauchy–Schwarz inequality;
# - compute a gradient $\nabla f$ with sympy and check it against central differences;
# - run gradient descent by hand in one, two and $n$ dimensions, then with
#   `dlmath.optimize.gradient_descent`;
# - tell a learning rate $\eta$ that is too small, well chosen, too large (oscillating) or divergent,
#   and compute the largest stable one, $2/\lambda_{\max}$, for a quadratic bowl from the eigenvalues of
#   its Hessian;
# - explain why gradient descent can stop in a poor local minimum of a function that is not a bowl.
#
# **You need** from [chapter 02](02_vectors_cauchy_schwarz.ipynb) the inner product and the
# Cauchy–Schwarz inequality, and from [chapter 03](03_derivatives.ipynb) partial derivatives and the
# approximation formula $\Delta z \approx \nabla z\cdot\Delta\mathbf{x}$, the second derivative $f''$ and the
# Hessian with its eigenvalues, the curvatures. They are restated below where they are used.

# %% [markdown] lang="zh" twin="1d688bdb"
# # 04 · 梯度下降法
#
# **目标**。学完本章，你能够：
# - 由近似公式 $\Delta f \approx \nabla f\cdot\Delta\mathbf{x}$ 和柯西-施瓦茨不等式推导出更新式
#   $\Delta\mathbf{x} = -\eta\,\nabla f$；
# - 用 sympy 计算梯度 $\nabla f$，并用中心差分加以核对；
# - 在一维、二维和 $n$ 维中先亲手运行梯度下降法，再改用 `dlmath.optimize.gradient_descent`；
# - 判断学习率 $\eta$
#   是太小、合适、太大（振荡）还是发散；对二次碗形函数，由其黑塞矩阵的特征值算出最大的稳定学习率
#   $2/\lambda_{\max}$；
# - 解释为什么在不是碗形的函数上，梯度下降法可能停在一个糟糕的局部极小值。
#
# **前置知识**：[第 02 章](02_vectors_cauchy_schwarz.ipynb)的内积和柯西-施瓦茨不等式；[第 03 章](03_derivatives.ipynb)的偏导数和近似公式
# $\Delta z \approx \nabla z\cdot\Delta\mathbf{x}$、二阶导数 $f''$，以及黑塞矩阵和它的特征值，即曲率。下文用到它们的地方会再复述一遍。

# %%
import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from dlmath import calculus, check
from dlmath import optimize as opt
from dlmath.calculus import gradient as numerical_gradient

rng = np.random.default_rng(4)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. Walking downhill
#
# Training a network means finding the weights and biases that make a cost function as small as
# possible. Chapter 03 gave a condition for a minimum of a smooth $f(x, y)$: both partial derivatives
# vanish, $\partial f/\partial x = \partial f/\partial y = 0$. For two unknowns we can solve those
# equations. The 12-3-2 network of chapter 01 has 47 unknowns and the equations are far from linear;
# real networks have millions. Nobody solves those equations.
#
# Instead we walk: start at some point, take a small step in the direction in which $f$ falls fastest,
# and repeat. This is **gradient descent (梯度下降法)**; in numerical analysis it is also called
# **steepest descent (最速下降法)**. Two questions remain: *which* direction falls fastest, and *how
# long* a step to take. The first has an exact answer, the second is the rest of the chapter.
#
# ## 2. Which way is steepest?
#
# **The approximation formula** (chapter 03). Move from $(x, y)$ by a small $(\Delta x, \Delta y)$; then
#
# $$\Delta f \approx \frac{\partial f}{\partial x}\,\Delta x + \frac{\partial f}{\partial y}\,\Delta y
#   = \nabla f\cdot\Delta\mathbf{x},
#   \qquad \nabla f = \Bigl(\frac{\partial f}{\partial x}, \frac{\partial f}{\partial y}\Bigr),
#   \quad \Delta\mathbf{x} = (\Delta x, \Delta y).$$
#
# The vector of partial derivatives $\nabla f$ is the gradient of $f$ (chapter 03). The change of $f$
# is (approximately) an inner product.
#
# **Cauchy–Schwarz** (chapter 02). For any two vectors
# $-\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert \le \mathbf{a}\cdot\mathbf{b} \le \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$,
# and, for $\mathbf{a}, \mathbf{b} \ne \mathbf{0}$, the left-hand equality holds exactly when $\mathbf{b}$
# points opposite to $\mathbf{a}$: $\mathbf{b} = -k\,\mathbf{a}$ with $k > 0$.
#
# Put $\mathbf{a} = \nabla f$ and $\mathbf{b} = \Delta\mathbf{x}$, and fix the length of the step,
# $\lVert\Delta\mathbf{x}\rVert = \varepsilon$:
#
# $$\Delta f \approx \nabla f\cdot\Delta\mathbf{x} \;\ge\; -\varepsilon\,\lVert\nabla f\rVert ,$$
#
# and the smallest (most negative) $\Delta f$ is reached exactly when $\Delta\mathbf{x}$ points along
# $-\nabla f$. So among all steps of one length, **the step along $-\nabla f$ decreases $f$ the most**.
# The gradient itself points uphill, in the direction of steepest *ascent*.
#
# Let's test that claim without trusting it: on $f(x, y) = x^2 + xy + 2y^2$ at $(1, 1)$, try 3600
# directions of length $\varepsilon = 0.001$, measure the real $\Delta f$ of each, and compare the best
# one with the direction of $-\nabla f$.

# %% [markdown] lang="zh" twin="b157e725"
# ## 1. 往山下走
#
# 训练神经网络，就是寻找使代价函数尽可能小的权重和偏置。第 03 章给出了光滑函数 $f(x, y)$
# 取最小值的条件：两个偏导数都为零，$\partial f/\partial x = \partial f/\partial y = 0$。只有两个未知数时，这组方程还能解出来。可是第 01 章的 12-3-2 网络有 47 个未知数，方程也远非线性；实际的网络更有几百万个未知数。没有人去解这样的方程。
#
# 我们换个办法：一步一步走下山。从某一点出发，朝 $f$
# 下降最快的方向迈一小步，然后重复。这就是**梯度下降法**（gradient descent），在数值分析中也叫**最速下降法**（steepest descent）。还剩两个问题：*哪个*方向下降最快，步子迈*多长*。第一个问题有确切的答案，第二个问题则是本章其余部分的内容。
#
# ## 2. 哪个方向最陡？
#
# **近似公式**（第 03 章）。从 $(x, y)$ 移动一个很小的 $(\Delta x, \Delta y)$，则
#
# $$\Delta f \approx \frac{\partial f}{\partial x}\,\Delta x + \frac{\partial f}{\partial y}\,\Delta y
#   = \nabla f\cdot\Delta\mathbf{x},
#   \qquad \nabla f = \Bigl(\frac{\partial f}{\partial x}, \frac{\partial f}{\partial y}\Bigr),
#   \quad \Delta\mathbf{x} = (\Delta x, \Delta y).$$
#
# 由偏导数组成的向量 $\nabla f$ 就是 $f$ 的梯度（第 03 章）。$f$ 的变化量（近似地）是一个内积。
#
# **柯西-施瓦茨不等式**（第 02 章）。对任意两个向量，
# $-\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert \le \mathbf{a}\cdot\mathbf{b} \le \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$；并且当
# $\mathbf{a}, \mathbf{b} \ne \mathbf{0}$ 时，左边的等号恰好在 $\mathbf{b}$ 与 $\mathbf{a}$
# 方向相反时成立：$\mathbf{b} = -k\,\mathbf{a}$，其中 $k > 0$。
#
# 令 $\mathbf{a} = \nabla f$，$\mathbf{b} = \Delta\mathbf{x}$，并固定步子的长度
# $\lVert\Delta\mathbf{x}\rVert = \varepsilon$：
#
# $$\Delta f \approx \nabla f\cdot\Delta\mathbf{x} \;\ge\; -\varepsilon\,\lVert\nabla f\rVert ,$$
#
# 而最小的（最负的）$\Delta f$ 恰好在 $\Delta\mathbf{x}$ 指向 $-\nabla f$
# 方向时取到。所以在长度相同的所有步子中，**沿 $-\nabla f$ 的那一步使 $f$ 减小得最多**。梯度本身指向上坡，即*上升*最快的方向。
#
# 我们不轻信这个结论，而是检验它：在 $f(x, y) = x^2 + xy + 2y^2$ 的点 $(1, 1)$ 处，试遍长度为
# $\varepsilon = 0.001$ 的 3600 个方向，测出每个方向上真实的 $\Delta f$，再把其中最好的方向与
# $-\nabla f$ 的方向相比较。

# %%
def f_demo(p):
    # `...` is numpy's Ellipsis, "all axes before the last" (not a stub's placeholder): p[..., 0] is p[0]
    # for one point of shape (2,) and p[:, 0] for a stack of shape (m, 2)
    x, y = p[..., 0], p[..., 1]
    return x**2 + x * y + 2 * y**2


p0, eps = np.array([1.0, 1.0]), 1e-3
angles = np.linspace(-np.pi, np.pi, 3600, endpoint=False)
steps = eps * np.stack([np.cos(angles), np.sin(angles)], axis=1)  # 3600 steps of length ε
delta_f = f_demo(p0 + steps) - f_demo(p0)
best = angles[np.argmin(delta_f)]
g = numerical_gradient(f_demo, p0)  # ∇f by central differences (chapter 03)
downhill = np.arctan2(-g[1], -g[0])
print(f"∇f(1, 1) ≈ {np.round(g, 4)}")
print(f"direction of the largest decrease: {np.degrees(best):.1f}°   direction of −∇f: {np.degrees(downhill):.1f}°")
print(f"largest decrease {delta_f.min():.6f}   prediction −ε‖∇f‖ = {-eps * np.linalg.norm(g):.6f}")

# %% [markdown]
# The two directions agree to the 0.1° of the grid, and the decrease is the $-\varepsilon\lVert\nabla f\rVert$
# Cauchy–Schwarz predicts.
#
# ### Exercise 1 — the steepest step
# At some point the gradient is $\nabla f = (-5, 12)$. Which step $\Delta\mathbf{x}$ of length $0.26$
# decreases $f$ the most (to first order)? Give it as an array of two numbers.

# %% [markdown] lang="zh" twin="3f32c00e"
# 两个方向在网格精度 0.1° 以内一致，而减小量正是柯西-施瓦茨不等式所预言的
# $-\varepsilon\lVert\nabla f\rVert$。
#
# ### 练习 1 — 最陡的一步
# 在某一点，梯度为 $\nabla f = (-5, 12)$。长度为 $0.26$ 的哪一步 $\Delta\mathbf{x}$ 使 $f$
# 减小得最多（在一阶近似下）？请以含两个数的数组给出。

# %%
grad_here = np.array([-5.0, 12.0])
### BEGIN SOLUTION
steepest_step = -0.26 * grad_here / np.linalg.norm(grad_here)
### END SOLUTION

# %%
check("04.steepest_step", steepest_step)

# %% [markdown]
# ## 3. The ∇ operator
#
# The symbol $\nabla$ (read "nabla" or "del") is the **nabla operator (哈密顿算子, 梯度算子)**. Applied to a
# function of $n$ variables it gives the vector of its partial derivatives:
#
# $$\nabla f = \Bigl(\frac{\partial f}{\partial x_1}, \frac{\partial f}{\partial x_2}, \dots,
#   \frac{\partial f}{\partial x_n}\Bigr).$$
#
# *A note on names.* *The Mathematics of Deep Learning* calls $\nabla$ 哈密顿算子, "Hamilton's
# operator", after W. R. Hamilton, who introduced the operator — but he wrote it as a triangle on its
# side, $\triangleleft$. The upright symbol $\nabla$ is P. G. Tait's, from his work on Hamilton's
# quaternions a few decades later, and the name "nabla" (a harp of that shape) came with it. In English say
# "nabla", "del" or "the gradient operator": "the Hamiltonian operator" means something else entirely (the
# energy operator of quantum mechanics).
#
# sympy builds $\nabla f$ one partial derivative at a time; `sp.lambdify` turns the result into a
# numpy function, which we check against central differences at a few random points.

# %% [markdown] lang="zh" twin="4279ff33"
# ## 3. ∇ 算子
#
# 符号 $\nabla$（读作“nabla”或“del”）是**哈密顿算子**（nabla operator），也叫**梯度算子**。把它作用于一个
# $n$ 元函数，就得到由该函数各个偏导数组成的向量：
#
# $$\nabla f = \Bigl(\frac{\partial f}{\partial x_1}, \frac{\partial f}{\partial x_2}, \dots,
#   \frac{\partial f}{\partial x_n}\Bigr).$$
#
# *关于名称的说明。* 《深度学习的数学》把 $\nabla$ 称为哈密顿算子，这个名字来自引入该算子的 W. R.
# Hamilton（哈密顿）——不过他把它写成一个侧放的三角形 $\triangleleft$。正放的符号 $\nabla$ 出自 P. G.
# Tait（泰特），是几十年后他研究哈密顿的四元数时引入的，“nabla”（一种形状如此的竖琴）这个名字也随之而来。用英文时，应当说“nabla”“del”或“the gradient operator”：英文的“the Hamiltonian operator”指的是完全不同的东西（量子力学中的能量算符）。
#
# sympy 逐个求出偏导数，组成 $\nabla f$；`sp.lambdify` 把结果变成一个 numpy
# 函数，我们在几个随机点上用中心差分来核对它。

# %%
x, y = sp.symbols("x y")
f_sym = x**2 + x * y + 2 * y**2
nabla_f = [sp.diff(f_sym, v) for v in (x, y)]
sp.Matrix([nabla_f])  # shown as a row vector

# %%
nabla_f_numpy = sp.lambdify((x, y), nabla_f, "numpy")
for p in rng.uniform(-2, 2, size=(3, 2)):
    exact, numeric = np.array(nabla_f_numpy(*p)), numerical_gradient(f_demo, p)
    print(f"at {np.round(p, 2)}:  sympy {np.round(exact, 6)}   central differences {np.round(numeric, 6)}")

# %% [markdown]
# ### Exercises 2 and 3 — a gradient with sympy
# Let $g(x, y) = x^2e^{y} + y^2$. Give its two partial derivatives as sympy expressions in the symbols
# `x`, `y` above: `dg_dx` $= \partial g/\partial x$ (exercise 2) and `dg_dy` $= \partial g/\partial y$
# (exercise 3). Together they are $\nabla g$.

# %% [markdown] lang="zh" twin="9a0b16e2"
# ### 练习 2 和 3 — 用 sympy 求梯度
# 设 $g(x, y) = x^2e^{y} + y^2$。用上面的符号 `x`、`y`，把它的两个偏导数写成 sympy 表达式：`dg_dx`
# $= \partial g/\partial x$（练习 2）和 `dg_dy` $= \partial g/\partial y$（练习 3）。两者合起来就是
# $\nabla g$。

# %%
g_sym = x**2 * sp.exp(y) + y**2
### BEGIN SOLUTION
dg_dx = sp.diff(g_sym, x)
### END SOLUTION

# %%
check("04.gradient_x", dg_dx)

# %%
### BEGIN SOLUTION
dg_dy = sp.diff(g_sym, y)
### END SOLUTION

# %%
check("04.gradient_y", dg_dy)

# %% [markdown]
# ## 4. The update rule and the learning rate
#
# Section 2 says: the best step is the equality case of Cauchy–Schwarz, $\Delta\mathbf{x} = -k\,\nabla f$
# with some $k > 0$. There the step *length* was fixed, $\lVert\Delta\mathbf{x}\rVert = \varepsilon$, which
# makes $k = \varepsilon/\lVert\nabla f\rVert$ change from point to point. Gradient descent makes the
# opposite, simpler choice: it keeps $k$ fixed instead of the length. Call that positive constant $\eta$,
# and gradient descent takes the step
#
# $$\Delta\mathbf{x} = -\eta\,\nabla f(\mathbf{x}), \qquad\text{that is}\qquad
#   \mathbf{x}_{k+1} = \mathbf{x}_k - \eta\,\nabla f(\mathbf{x}_k), \quad \eta > 0 .$$
#
# The positive number $\eta$ (eta) is the **learning rate (学习率)**. The step is not of fixed length:
# it is $\eta\lVert\nabla f\rVert$, long on steep ground and short near the bottom, where
# $\nabla f \to 0$. The process is a sequence defined by a recurrence relation, $\mathbf{x}_{k+1}$ from
# $\mathbf{x}_k$, the kind chapter 03 introduced.
#
# How large should $\eta$ be? The book says it is "a small positive constant" and that there is no
# clear rule for choosing it, only trial and error. The approximation $\Delta f \approx \nabla f\cdot\Delta\mathbf{x}$
# holds only for small steps, so $\eta$ must not be too large; how large is too large we can, for many
# functions, say exactly (sections 5 and 6).
#
# ### Exercise 4 — one step by hand
# $f(x, y) = x^2 + 3y^2$, start $\mathbf{p} = (1, 2)$, $\eta = 0.1$. Give the new point
# $\mathbf{p} - \eta\nabla f(\mathbf{p})$ as an array.

# %% [markdown] lang="zh" twin="af862867"
# ## 4. 更新规则与学习率
#
# 第 2 节告诉我们：最好的一步是柯西-施瓦茨不等式取等号的情形，$\Delta\mathbf{x} = -k\,\nabla f$，其中
# $k > 0$。在那里固定的是步子的*长度* $\lVert\Delta\mathbf{x}\rVert = \varepsilon$，于是
# $k = \varepsilon/\lVert\nabla f\rVert$
# 随点而变。梯度下降法做的是相反的、更简单的选择：不固定长度，而是固定 $k$。把这个正常数记作
# $\eta$，梯度下降法每一步就走
#
# $$\Delta\mathbf{x} = -\eta\,\nabla f(\mathbf{x}), \qquad\text{that is}\qquad
#   \mathbf{x}_{k+1} = \mathbf{x}_k - \eta\,\nabla f(\mathbf{x}_k), \quad \eta > 0 .$$
#
# 正数 $\eta$（读作 eta）称为**学习率**（learning rate）。步子的长度并不固定：它等于
# $\eta\lVert\nabla f\rVert$，在陡峭处长，在靠近谷底、$\nabla f \to 0$
# 的地方短。整个过程是一个由递推关系式定义的数列：由 $\mathbf{x}_k$ 得到
# $\mathbf{x}_{k+1}$，正是第 03 章介绍过的那种。
#
# $\eta$ 该取多大？书中说它是“一个小的正常数”，并说选取它没有明确的规则，只能反复尝试。近似式
# $\Delta f \approx \nabla f\cdot\Delta\mathbf{x}$ 只在步子很小时成立，所以 $\eta$
# 不能太大；至于多大算太大，对许多函数我们都能给出确切的答案（第 5、6 节）。
#
# ### 练习 4 — 手算一步
# $f(x, y) = x^2 + 3y^2$，起点 $\mathbf{p} = (1, 2)$，$\eta = 0.1$。请以数组给出新的点
# $\mathbf{p} - \eta\nabla f(\mathbf{p})$。

# %%
### BEGIN SOLUTION
new_point = np.array([1.0, 2.0]) - 0.1 * np.array([2 * 1.0, 6 * 2.0])  # ∇f = (2x, 6y) at (1, 2)
### END SOLUTION

# %%
check("04.update_step", new_point)

# %% [markdown]
# ### Exercise 5 — the update as a function
# Write `gradient_step(x, grad, eta)` that returns the new point $x - \eta\cdot\text{grad}$. It must
# work when `x` and `grad` are numbers and when they are numpy arrays of the same shape. Return a new
# value; don't change `x` in place (no `x -= ...`): the caller may still need the old point.

# %% [markdown] lang="zh" twin="f0db0c1a"
# ### 练习 5 — 把更新写成函数
# 写出 `gradient_step(x, grad, eta)`，返回新的点 $x - \eta\cdot\text{grad}$。无论 `x` 和 `grad`
# 是数，还是形状相同的 numpy 数组，它都必须能用。返回一个新值；不要原地修改
# `x`（不要写 `x -= ...`）：调用者可能还需要旧的点。

# %%
def gradient_step(x, grad, eta):
    ### BEGIN SOLUTION
    return x - eta * grad
    ### END SOLUTION


# %%
check("04.gradient_step", gradient_step)

# %% [markdown]
# Repeat the step and you have the algorithm. Here are five steps on $f(x, y) = x^2 + 3y^2$ from
# $(1, 2)$, written out; $f$ falls at every step.

# %% [markdown] lang="zh" twin="a445b481"
# 把这一步重复下去，就得到了整个算法。下面把在 $f(x, y) = x^2 + 3y^2$ 上从 $(1, 2)$
# 出发的五步逐一写出来；$f$ 每一步都在下降。

# %%
def f_bowl(p):
    return p[0] ** 2 + 3 * p[1] ** 2


def grad_bowl(p):
    return np.array([2 * p[0], 6 * p[1]])


p = np.array([1.0, 2.0])
for k in range(1, 6):
    p = p - 0.1 * grad_bowl(p)  # x_{k+1} = x_k − η ∇f(x_k)
    print(f"step {k}: p = {np.round(p, 4)}   f(p) = {f_bowl(p):.5f}")

# %% [markdown]
# From now on the course uses `dlmath.optimize.gradient_descent(grad, x0, eta, steps, tol, f)`. It keeps
# the whole path, stops when a step gets shorter than `tol` (converged), when the budget of `steps` is
# spent, or when the iterate runs off towards infinity (diverged) — and says which, instead of filling
# the screen with overflow warnings.

# %% [markdown] lang="zh" twin="3e15792d"
# 从现在起，本课程使用
# `dlmath.optimize.gradient_descent(grad, x0, eta, steps, tol, f)`。它保存整条路径，并在以下情况停下：某一步比
# `tol` 还短（已收敛），`steps`
# 步的预算用完，或者迭代点跑向无穷远（已发散）——而且会说明是哪一种，而不是让溢出警告刷满屏幕。

# %%
run = opt.gradient_descent(grad_bowl, [1.0, 2.0], eta=0.1, steps=500, tol=1e-10, f=f_bowl)
print(run.message, "  final point", np.round(run.x, 8), f"  f = {run.values[-1]:.2e}")

# %% [markdown]
# ## 5. One variable: too small, just right, too large, divergent
#
# Take the parabola $f(x) = (x - 2)^2$ with its minimum at $x^* = 2$. Then $f'(x) = 2(x - 2)$ and the
# update is $x_{k+1} = x_k - 2\eta\,(x_k - 2)$. Subtract 2 from both sides:
#
# $$x_{k+1} - 2 = (1 - 2\eta)\,(x_k - 2) \qquad\Longrightarrow\qquad x_k - 2 = (1 - 2\eta)^k\,(x_0 - 2).$$
#
# Each step multiplies the distance to the minimum by $q = 1 - 2\eta$. When the distances shrink to 0 the
# run shows **convergence (收敛)** to the minimum; when they grow without bound, **divergence (发散)**.
# Everything about $\eta$ follows:
#
# | $\eta$ | $q = 1 - 2\eta$ | what happens |
# |---|---|---|
# | small, e.g. $0.02$ | just below 1 | creeps towards 2: **too small**, slow |
# | e.g. $0.4$ | $0.2$ | approaches 2 from one side, fast: **well chosen** |
# | $\tfrac12$ | 0 | lands on the minimum in one step |
# | between $\tfrac12$ and 1, e.g. $0.9$ | between −1 and 0 | jumps over the minimum each time, but by less and less: **oscillating** |
# | $1$ | −1 | bounces between $x_0$ and $4 - x_0$ forever |
# | above 1 | below −1 | every jump lands farther away: **divergent** |
#
# The 2 in $1 - 2\eta$ is the curvature $f''(x) = 2$. For any parabola with curvature $f'' > 0$ the
# factor is $1 - \eta f''$, and gradient descent converges exactly when $|1 - \eta f''| < 1$:
#
# $$0 < \eta < \frac{2}{f''} .$$

# %% [markdown] lang="zh" twin="5ef71426"
# ## 5. 单变量：太小、合适、太大、发散
#
# 取抛物线 $f(x) = (x - 2)^2$，它的最小值点是 $x^* = 2$。于是 $f'(x) = 2(x - 2)$，更新式为
# $x_{k+1} = x_k - 2\eta\,(x_k - 2)$。两边同时减去 2：
#
# $$x_{k+1} - 2 = (1 - 2\eta)\,(x_k - 2) \qquad\Longrightarrow\qquad x_k - 2 = (1 - 2\eta)^k\,(x_0 - 2).$$
#
# 每走一步，到最小值点的距离就乘以
# $q = 1 - 2\eta$。距离缩小到 0 时，运行趋向最小值点，这叫作**收敛**（convergence）；距离无限增大时，则叫作**发散**（divergence）。关于
# $\eta$ 的一切都由此得出：
#
# | $\eta$ | $q = 1 - 2\eta$ | 会发生什么 |
# |---|---|---|
# | 很小，例如 $0.02$ | 略小于 1 | 慢慢挪向 2：**太小**，很慢 |
# | 例如 $0.4$ | $0.2$ | 从一侧快速逼近 2：**合适** |
# | $\tfrac12$ | 0 | 一步就落在最小值点上 |
# | 在 $\tfrac12$ 与 1 之间，例如 $0.9$ | 在 −1 与 0 之间 | 每次都跳过最小值点，但越跳越近：**振荡** |
# | $1$ | −1 | 在 $x_0$ 与 $4 - x_0$ 之间永远来回弹跳 |
# | 大于 1 | 小于 −1 | 每一跳都落得更远：**发散** |
#
# $1 - 2\eta$ 中的 2 就是曲率 $f''(x) = 2$。对任何曲率为 $f'' > 0$ 的抛物线，这个因子是
# $1 - \eta f''$，而梯度下降法收敛当且仅当 $|1 - \eta f''| < 1$：
#
# $$0 < \eta < \frac{2}{f''} .$$

# %%
def f_1d(x):
    return (x - 2.0) ** 2


def df_1d(x):
    return 2.0 * (x - 2.0)


etas_1d = {"too small": 0.02, "well chosen": 0.4, "too large": 0.9, "divergent": 1.05}
runs_1d = {name: opt.gradient_descent(df_1d, -1.0, eta, steps=25, tol=1e-6, f=f_1d)
           for name, eta in etas_1d.items()}
for name, r in runs_1d.items():
    print(f"{name:12s} η = {etas_1d[name]:4.2f}: {r.verdict:12s} x = {float(r.x[0]):9.4f} after {r.steps} steps")

# %% tags=["nbval-ignore-output"]
xs = np.linspace(-4, 8, 200)
fig, axes = plt.subplots(1, 4, figsize=(9.5, 2.7), sharey=True, layout="constrained")
for ax, (name, r) in zip(axes, runs_1d.items()):
    ax.plot(xs, f_1d(xs), color="0.6", lw=1)
    ax.plot(r.path[:, 0], r.values, "-o", ms=3, lw=1, color="C3")
    ax.set(title=f"{name}: η = {etas_1d[name]}", xlabel="x", xlim=(-4, 8), ylim=(-1, 38))
axes[0].set_ylabel("f(x) = (x − 2)²");

# %% [markdown]
# ### Exercise 6 — counting steps
# Gradient descent on $f(x) = x^2$ from $x_0 = 1$ with $\eta = 0.25$. After how many steps $k$ is
# $|x_k| < 10^{-3}$ for the first time? Give the number (a loop or a logarithm both work).

# %% [markdown] lang="zh" twin="8c191bce"
# ### 练习 6 — 数一数步数
# 对 $f(x) = x^2$ 从 $x_0 = 1$ 出发、以 $\eta = 0.25$ 做梯度下降。走到第几步 $k$ 时，第一次出现
# $|x_k| < 10^{-3}$？请给出这个数（用循环或对数都可以）。

# %%
### BEGIN SOLUTION
n_steps = next(k for k in range(1, 100) if 0.5**k < 1e-3)  # x_k = (1 − 2·0.25)^k · x_0
### END SOLUTION

# %%
check("04.steps_to_tolerance", n_steps)

# %% [markdown]
# ### Exercise 7 — the largest stable learning rate
# For $f(x) = 3x^2 - 12x + 7$, gradient descent converges for every $\eta$ below some bound and diverges
# above it. Give that bound (three significant digits are enough: the check accepts anything within
# 0.2 % of it).

# %% [markdown] lang="zh" twin="3c737b09"
# ### 练习 7 — 最大的稳定学习率
# 对 $f(x) = 3x^2 - 12x + 7$，梯度下降法在 $\eta$
# 低于某个界限时总是收敛，高于它时发散。请给出这个界限（三位有效数字就够了：与它相差 0.2 % 以内的答案都算对）。

# %%
### BEGIN SOLUTION
largest_eta = 2 / 6  # f''(x) = 6
### END SOLUTION

# %%
check("04.largest_stable_eta", largest_eta)

# %% [markdown]
# > **⚠️ Careful — "small" is measured against the curvature.** The book calls $\eta$ "a small positive
# > constant". But no number is small or large on its own: $\eta = 0.05$ is comfortably safe on
# > $f(x) = x^2$ ($2/f'' = 1$) and diverges on $f(x) = 25x^2$, whose curvature $f'' = 50$ puts the bound
# > at $2/50 = 0.04$. Rescale the cost (more data points in a sum, other units) and the same $\eta$ changes
# > from fine to fatal. The cell runs both.

# %% [markdown] lang="zh" twin="e7613db1"
# > **⚠️ 注意 — “小”是相对于曲率而言的**。书中称 $\eta$
# > 为“一个小的正常数”。但没有哪个数本身就算小或大：$\eta = 0.05$ 在 $f(x) = x^2$
# > 上十分安全（$2/f'' = 1$），在 $f(x) = 25x^2$ 上却会发散，因为后者的曲率 $f'' = 50$ 把界限压到了
# > $2/50 = 0.04$。只要代价的尺度一变（求和中多了数据点、换了单位），同一个 $\eta$
# > 就会从合适变成致命。下面的单元格把两种情况都运行一遍。

# %%
for a in (1.0, 25.0):
    r = opt.gradient_descent(lambda x: 2 * a * x, 1.0, eta=0.05, steps=2000, f=lambda x: a * x**2)
    print(f"f(x) = {a:g}·x², 2/f'' = {2 / (2 * a):.2f}, η = 0.05: {r.message}")

# %% [markdown]
# ## 6. Two variables: a long narrow valley
#
# The interactive figure descends on the bowl
#
# $$f(x, y) = \tfrac12\,\mathbf{p}^\mathsf{T} A\,\mathbf{p} = 2.75x^2 + 4.5xy + 2.75y^2, \qquad
#   \mathbf{p} = \begin{pmatrix} x \\ y \end{pmatrix}, \quad
#   A = \begin{pmatrix} 5.5 & 4.5 \\ 4.5 & 5.5 \end{pmatrix}, \quad \nabla f = A\mathbf{p}.$$
#
# Its minimum is at the origin. Along the diagonal $(1, 1)$ the bowl is steep (curvature 10), along
# $(1, -1)$ it is flat (curvature 1): a long valley from top-left to bottom-right. $A$ is the Hessian of
# $f$ (chapter 03), the same at every point because $f$ is quadratic. Its eigenvalues $\lambda$ are the
# curvatures along its eigenvectors, the two special directions: both positive means $f$ is a bowl, and
# the larger one belongs to the steep direction. (Chapter 10 treats eigenvalues in general.)
# In each of these directions gradient descent
# behaves like the parabola of section 5, with factor $1 - \eta\lambda$. Both factors must lie in
# $(-1, 1)$, and the steep direction is the strict one:
#
# $$0 < \eta < \frac{2}{\lambda_{\max}} = \frac{2}{10} = 0.2 .$$
#
# `opt.Quadratic(A)` is this bowl, with `.f`, `.grad`, `.curvatures` and `.largest_stable_eta`.

# %% [markdown] lang="zh" twin="00263492"
# ## 6. 两个变量：一条狭长的山谷
#
# 交互图在下面这个碗形函数上做梯度下降：
#
# $$f(x, y) = \tfrac12\,\mathbf{p}^\mathsf{T} A\,\mathbf{p} = 2.75x^2 + 4.5xy + 2.75y^2, \qquad
#   \mathbf{p} = \begin{pmatrix} x \\ y \end{pmatrix}, \quad
#   A = \begin{pmatrix} 5.5 & 4.5 \\ 4.5 & 5.5 \end{pmatrix}, \quad \nabla f = A\mathbf{p}.$$
#
# 它的最小值点在原点。沿对角线方向 $(1, 1)$ 碗壁陡峭（曲率 10），沿 $(1, -1)$
# 方向则平缓（曲率 1）：这是一条从左上延伸到右下的长山谷。$A$ 是 $f$ 的黑塞矩阵（第 03 章），由于 $f$
# 是二次函数，它在每一点都相同。它的特征值 $\lambda$
# 就是沿其特征向量（两个特殊方向）的曲率：两者都为正，说明 $f$
# 是碗形；较大的那个属于陡峭方向。（第 10 章会一般地讨论特征值。）在每个这样的方向上，梯度下降法的表现都和第 5 节的抛物线一样，因子为
# $1 - \eta\lambda$。两个因子都必须落在 $(-1, 1)$ 内，而陡峭方向的要求更严：
#
# $$0 < \eta < \frac{2}{\lambda_{\max}} = \frac{2}{10} = 0.2 .$$
#
# `opt.Quadratic(A)` 就是这个碗，它带有 `.f`、`.grad`、`.curvatures` 和 `.largest_stable_eta`。

# %%
bowl = opt.Quadratic([[5.5, 4.5], [4.5, 5.5]])
print("Hessian by central differences:", np.round(calculus.hessian(bowl.f, [0.3, -1.0]), 6).tolist())
print("curvatures (eigenvalues of A):", bowl.curvatures, f"  largest stable η = 2/λ_max = {bowl.largest_stable_eta:.3f}")
p = np.array([-2.5, -0.5])
print("∇f by formula", np.round(bowl.grad(p), 6), "  by central differences", np.round(numerical_gradient(bowl.f, p), 6))

# %% [markdown]
# **The explorer.** The left panel is the contour map of $f$ (each curve is a level set $f = $ const)
# with the path of gradient descent from the square to the red dot; the star is the minimum. The grey
# arrows show the direction of $-\nabla f$ at points of a grid: each crosses its contour line at a right
# angle, and most of them point across the valley rather than at the star. The right
# panel is the loss $f(\mathbf{x}_k)$ per step on a logarithmic axis, where steady convergence is a
# falling straight line. The title gives the verdict. Try:
# - $\eta \approx 0.01$: **too small** — the path crawls and the budget runs out;
# - $\eta \approx 0.15$ to $0.18$: **well chosen** — converged in a few dozen steps;
# - $\eta \approx 0.195$: **too large** — the path zig-zags across the valley;
# - $\eta \approx 0.21$: **divergent** — the zig-zag grows and the loss climbs. The path leaves the map
#   and is drawn at its edge.
#
# Then move the start point: starting on the valley floor (say $x_0 = 2$, $y_0 = -2$) there is no
# zig-zag at all, and starting on the steep diagonal ($x_0 = y_0$) there is no crawling. On the valley
# floor even $\eta = 0.21$ converges, because the steep direction is never touched; move $y_0$ one notch
# and it diverges. That is why the bound holds "from almost every start".

# %% [markdown] lang="zh" twin="db751691"
# **探索器**。左图是 $f$
# 的等高线图（每条曲线都是一条等值线 $f = $ const），图上画着梯度下降法从方块走到红点的路径；星号是最小值点。灰色箭头表示网格各点处
# $-\nabla f$
# 的方向：每个箭头都与所在的等高线垂直相交，而且大多横穿山谷，并不指向星号。右图是每一步的损失
# $f(\mathbf{x}_k)$，纵轴为对数刻度，稳定的收敛在图上是一条下降的直线。标题给出结论。试一试：
# - $\eta \approx 0.01$：**太小**——路径慢慢爬行，步数预算用完；
# - $\eta \approx 0.15$ 到 $0.18$：**合适**——几十步就收敛；
# - $\eta \approx 0.195$：**太大**——路径在山谷两壁之间来回呈锯齿形；
# - $\eta \approx 0.21$：**发散**——锯齿越来越大，损失不断上升。路径离开图的范围后，画在图的边缘上。
#
# 然后移动起点：从谷底出发（比如 $x_0 = 2$，$y_0 = -2$）完全没有锯齿，从陡峭的对角线上出发（$x_0 = y_0$）则没有缓慢的爬行。在谷底上，即使
# $\eta = 0.21$ 也会收敛，因为陡峭方向从未被触及；把 $y_0$
# 挪动一格，它就发散了。这就是为什么说这个界限“对几乎所有起点”成立。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.descent import descent_explorer

descent_explorer()

# %% [markdown]
# The same four regimes, as numbers (the explorer runs exactly this, through
# `dlmath.explorers.descent.descent_path`):

# %% [markdown] lang="zh" twin="9292467b"
# 同样的四种情形，用数字来看（探索器运行的正是这段代码，通过 `dlmath.explorers.descent.descent_path`）：

# %%
for eta in (0.01, 0.17, 0.195, 0.21):
    r = bowl.descend([-2.5, -0.5], eta, steps=50, tol=1e-4)
    print(f"η = {eta:5.3f}: {r.verdict:12s} after {r.steps:2d} steps, distance to the minimum {np.linalg.norm(r.x):.2e}")

# %% [markdown]
# ### Exercise 8 — just above the bound
# Gradient descent runs on $f = \tfrac12\mathbf{x}^\mathsf{T}A\mathbf{x}$ with $\eta$ slightly above
# $2/\lambda_{\max}$. From almost every start,
# **a** it still converges, only more slowly · **b** it converges faster, because the steps are larger ·
# **c** it zig-zags along the steepest direction with growing amplitude: it diverges ·
# **d** it stops moving after a while. Answer with the letter in quotes.

# %% [markdown] lang="zh" twin="48047b11"
# ### 练习 8 — 略高于界限
# 在 $f = \tfrac12\mathbf{x}^\mathsf{T}A\mathbf{x}$ 上运行梯度下降法，$\eta$ 略高于
# $2/\lambda_{\max}$。从几乎任何起点出发，
# **a** 它仍然收敛，只是更慢 · **b** 它收敛得更快，因为步子更大 ·
# **c** 它沿最陡的方向呈锯齿形摆动，幅度越来越大：它发散 ·
# **d** 过一段时间后它不再移动。请用带引号的字母作答。

# %%
### BEGIN SOLUTION
just_above = "c"
### END SOLUTION

# %%
check("04.above_threshold", just_above)

# %% [markdown]
# ### Exercise 9 — where does the gradient point?
# True or false: on $f(x, y) = x^2 + 10y^2$, the direction $-\nabla f(2, 1)$ points straight at the
# minimum $(0, 0)$.

# %% [markdown] lang="zh" twin="1ffef2d5"
# ### 练习 9 — 梯度指向哪里？
# 判断对错：在 $f(x, y) = x^2 + 10y^2$ 上，方向 $-\nabla f(2, 1)$ 笔直地指向最小值点 $(0, 0)$。

# %%
### BEGIN SOLUTION
points_at_minimum = False
### END SOLUTION

# %%
check("04.gradient_points_to_minimum", points_at_minimum)

# %% [markdown]
# > **⚠️ Careful — the gradient does not point to the minimum.** $\nabla f$ points *uphill*, and
# > $-\nabla f$ is the steepest way down *from here*, which on an elongated bowl is mostly across the
# > valley, not along it to the bottom. That is why the path zig-zags. The cell measures the angle
# > between $-\nabla f$ and the direction to the minimum on $f = x^2 + 10y^2$.

# %% [markdown] lang="zh" twin="962ee7b4"
# > **⚠️ 注意 — 梯度并不指向最小值点**。$\nabla f$ 指向*上坡*，而 $-\nabla f$
# > 是*从此处*下山最陡的方向；在一个拉长的碗上，它大多横穿山谷，而不是顺着山谷通向谷底。这就是路径呈锯齿形的原因。下面的单元格在
# > $f = x^2 + 10y^2$ 上测量 $-\nabla f$ 与指向最小值点的方向之间的夹角。

# %%
def grad_long_bowl(p):
    return np.array([2 * p[0], 20 * p[1]])  # ∇(x² + 10y²)


for p in ([2.0, 1.0], [2.0, 0.1], [0.0, 1.0]):
    p = np.array(p)
    down, to_min = -grad_long_bowl(p) + 0.0, -p + 0.0  # + 0.0 turns −0 into 0 for printing
    cos = down @ to_min / (np.linalg.norm(down) * np.linalg.norm(to_min))
    print(f"at {p}: −∇f = {down}, towards the minimum {to_min}, angle {np.degrees(np.arccos(cos)):5.1f}°")

# %% [markdown]
# Only on the axes, the two special directions, does $-\nabla f$ aim at the minimum; on a round bowl
# ($x^2 + y^2$) it always does.
#
# > **⚠️ Careful — a smaller η is always safer, but not always better.** Below $2/\lambda_{\max}$, making
# > $\eta$ smaller never causes divergence. It can cause something as bad in practice: a run that never
# > arrives. The flat direction of the valley shrinks by only $1 - \eta\lambda_{\min}$ per step, so with
# > $\eta = 0.001$ the path needs thousands of steps to travel what $\eta = 0.17$ does in under a hundred.
# > With a budget of 1000 steps:

# %% [markdown] lang="zh" twin="e246ce26"
# 只有在坐标轴上，也就是在那两个特殊方向上，$-\nabla f$
# 才对准最小值点；在圆形的碗（$x^2 + y^2$）上，它处处都对准。
#
# > **⚠️ 注意 — η 越小总是越安全，但不总是越好**。在 $2/\lambda_{\max}$ 以下，减小 $\eta$
# > 永远不会导致发散。但它可能导致一种在实践中同样糟糕的结果：一次永远到不了终点的运行。山谷平缓方向上的距离每步只乘以
# > $1 - \eta\lambda_{\min}$，所以取 $\eta = 0.001$ 时，路径要走几千步，才能走完 $\eta = 0.17$
# > 不到一百步就走完的路程。步数预算为 1000 步时：

# %%
for eta in (0.001, 0.01, 0.17):
    r = bowl.descend([-2.5, -0.5], eta, steps=1000, tol=1e-6)
    print(f"η = {eta:5.3f}: {r.message:44s} distance to the minimum {np.linalg.norm(r.x):.2e}")

# %% [markdown]
# ## 7. n variables
#
# Nothing in $\mathbf{x}_{k+1} = \mathbf{x}_k - \eta\nabla f(\mathbf{x}_k)$ depends on the number of
# variables: $\nabla f$ simply has $n$ components. Here is a bowl in 10 dimensions,
# $f(\mathbf{x}) = \tfrac12(\mathbf{x}-\mathbf{c})^\mathsf{T}A(\mathbf{x}-\mathbf{c})$, with ten curvatures
# from 1 to 20 along ten random perpendicular directions and a random minimiser $\mathbf{c}$. The rule
# $\eta < 2/\lambda_{\max} = 0.1$ still decides everything.

# %% [markdown] lang="zh" twin="e5d32170"
# ## 7. n 个变量
#
# $\mathbf{x}_{k+1} = \mathbf{x}_k - \eta\nabla f(\mathbf{x}_k)$
# 中没有任何东西依赖于变量的个数：$\nabla f$ 只不过有 $n$ 个分量而已。下面是一个 10 维的碗
# $f(\mathbf{x}) = \tfrac12(\mathbf{x}-\mathbf{c})^\mathsf{T}A(\mathbf{x}-\mathbf{c})$，它沿十个随机的、两两垂直的方向有从 1 到 20 的十个曲率，最小值点
# $\mathbf{c}$ 也是随机的。规则 $\eta < 2/\lambda_{\max} = 0.1$ 依然决定一切。

# %%
Q, _ = np.linalg.qr(rng.normal(size=(10, 10)))  # ten random perpendicular directions
A10 = Q @ np.diag(np.linspace(1, 20, 10)) @ Q.T
A10 = (A10 + A10.T) / 2  # symmetric up to rounding
bowl10 = opt.Quadratic(A10, center=rng.normal(size=10))
x0_10 = np.zeros(10)
print(f"largest stable η = {bowl10.largest_stable_eta:.4f}")
print("gradient check at x0:", np.allclose(bowl10.grad(x0_10), numerical_gradient(bowl10.f, x0_10), atol=1e-6))
runs_10 = {eta: bowl10.descend(x0_10, eta, steps=300, tol=1e-10) for eta in (0.01, 0.09, 0.099, 0.101)}
for eta, r in runs_10.items():
    error = np.linalg.norm(r.x - bowl10.minimiser)
    print(f"η = {eta:5.3f}: {r.verdict:11s} after {r.steps:3d} steps, distance to the minimiser {error:.1e}")

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(6, 3.2), layout="constrained")
for eta, r in runs_10.items():
    ax.semilogy(np.maximum(r.values, 1e-20), label=f"η = {eta}")
ax.set(xlabel="step k", ylabel="f(x_k)", title="10-D bowl: loss per step", ylim=(1e-20, 1e12))
ax.legend(fontsize=8);

# %% [markdown]
# The best learning rate is not the largest safe one. The speed is set by the worst of the ten factors
# $|1 - \eta\lambda|$, which `opt.contraction(A, eta)` computes. At $\eta = 0.099$ the steepest
# direction barely shrinks ($|1 - 0.099\cdot 20| = 0.98$ per step) and oscillates; at $\eta = 0.01$ the
# flattest one barely moves ($1 - 0.01\cdot 1 = 0.99$). In between, $\eta = 0.09$ keeps every factor
# at or below $0.91$.

# %% [markdown] lang="zh" twin="34feb6ef"
# 最好的学习率并不是最大的安全学习率。速度由十个因子 $|1 - \eta\lambda|$
# 中最差的那个决定，`opt.contraction(A, eta)` 算的就是它。取 $\eta = 0.099$
# 时，最陡的方向几乎不收缩（每步 $|1 - 0.099\cdot 20| = 0.98$），而且来回振荡；取 $\eta = 0.01$
# 时，最平缓的方向几乎不动（$1 - 0.01\cdot 1 = 0.99$）。居中的 $\eta = 0.09$
# 则使每个因子都不超过 $0.91$。

# %%
for eta in runs_10:
    print(f"η = {eta:5.3f}: worst factor per step max|1 − ηλ| = {opt.contraction(A10, eta):.3f}")

# %% [markdown]
# ## 8. When $f$ is not a bowl: a poor local minimum
#
# Every function so far was a bowl: one minimum, and every path that converges ends there. The cost of a
# neural network is not a bowl. Take the one-variable function
#
# $$f(x) = x^4 - 4x^2 + x, \qquad f'(x) = 4x^3 - 8x + 1, \qquad f''(x) = 12x^2 - 8 .$$
#
# $f'$ has three zeros. The second-derivative test of chapter 03 sorts them: two minima, one maximum
# between them, and the two minima are not equally deep.

# %% [markdown] lang="zh" twin="53a18b28"
# ## 8. 当 $f$ 不是碗形时：糟糕的局部极小值
#
# 到目前为止，每个函数都是碗形的：只有一个极小值，每条收敛的路径都终止于那里。神经网络的代价函数却不是碗形的。来看这个单变量函数
#
# $$f(x) = x^4 - 4x^2 + x, \qquad f'(x) = 4x^3 - 8x + 1, \qquad f''(x) = 12x^2 - 8 .$$
#
# $f'$ 有三个零点。用第 03 章的二阶导数判别法给它们分类：两个极小值点，中间夹着一个极大值点，而两个极小值并不一样深。

# %%
w_shape = x**4 - 4 * x**2 + x
for root in sorted(sp.Poly(sp.diff(w_shape, x), x).nroots()):
    r_ = float(sp.re(root))
    curvature = float(sp.diff(w_shape, x, 2).subs(x, r_))
    kind = "minimum" if curvature > 0 else "maximum"
    print(f"x = {r_:7.4f}   f(x) = {float(w_shape.subs(x, r_)):7.4f}   f''(x) = {curvature:6.2f}  →  local {kind}")

# %% [markdown]
# Gradient descent only ever looks at the slope where it stands. Started on the right it rolls into the
# right-hand minimum and stops there, converged, with $f$ more than 2.8 higher than at the deepest point;
# started on the left it finds the deep one. Both runs use the same, well-chosen $\eta$.

# %% [markdown] lang="zh" twin="608b6267"
# 梯度下降法只看它脚下的斜率。从右边出发，它滚进右边的极小值，停在那里，判定为已收敛，而此处的 $f$
# 比最深处高出 2.8 以上；从左边出发，它找到的是深的那个。两次运行用的是同一个选得合适的 $\eta$。

# %%
def f_wiggle(t):
    return t**4 - 4 * t**2 + t


def df_wiggle(t):
    return 4 * t**3 - 8 * t + 1


runs_wiggle = {x0_: opt.gradient_descent(df_wiggle, x0_, eta=0.02, steps=500, tol=1e-8, f=f_wiggle)
               for x0_ in (2.0, -2.0, 0.1, 0.2)}
for x0_, r in runs_wiggle.items():
    print(f"start x0 = {x0_:4.1f}: {r.verdict} at x = {float(r.x[0]):7.4f}, f = {r.values[-1]:7.4f}")

# %% tags=["nbval-ignore-output"]
ts = np.linspace(-2.2, 2.2, 300)
fig, ax = plt.subplots(figsize=(6, 3.2), layout="constrained")
ax.plot(ts, f_wiggle(ts), color="0.5", lw=1.2)
for (x0_, r), color in zip(runs_wiggle.items(), ["C3", "C0", "C1", "C2"]):
    ax.plot(r.path[:, 0], r.values, "-o", ms=3, lw=1, color=color, label=f"from x0 = {x0_}")
ax.set(xlabel="x", ylabel="f(x) = x⁴ − 4x² + x", title="two valleys: where you start decides where you stop")
ax.legend(fontsize=8);

# %% [markdown]
# > **⚠️ Careful — gradient descent finds *a* minimum, not *the* minimum.** "Converged" means only that
# > the slope has vanished where the path stopped. On a bowl (a Hessian with only positive eigenvalues
# > everywhere, a **convex function (凸函数)**) that is the global minimum; otherwise it may be a poor local
# > one, and starts $0.1$ apart (above) can end in different valleys. The cost functions of networks from
# > chapter 06 on are not convex. In practice many of their local minima turn out nearly as good as each
# > other, and training uses random starts and noisy gradients, but nothing in the update rule
# > guarantees the best answer.

# %% [markdown] lang="zh" twin="a9104469"
# > **⚠️ 注意 — 梯度下降法找到的是*某个*极小值，不一定是*全局*最小值**。“已收敛”只意味着在路径停下的地方斜率为零。在碗形函数上——黑塞矩阵处处只有正特征值，即**凸函数**（convex function）——这就是全局最小值；否则它可能是一个糟糕的局部极小值，而且起点只相差
# > $0.1$（见上）就可能落入不同的山谷。从第 06 章起，网络的代价函数都不是凸函数。实践中，它们的许多局部极小值往往彼此差不多一样好，训练也会使用随机起点和带噪声的梯度；但更新规则本身并不保证找到最好的答案。

# %% [markdown]
# ## Summary
# - By the approximation formula $\Delta f \approx \nabla f\cdot\Delta\mathbf{x}$ and Cauchy–Schwarz,
#   among all steps of one length the step along $-\nabla f$ decreases $f$ the most.
# - Gradient descent: $\mathbf{x}_{k+1} = \mathbf{x}_k - \eta\nabla f(\mathbf{x}_k)$, with the nabla
#   operator $\nabla f = (\partial f/\partial x_1, \dots, \partial f/\partial x_n)$ and the learning rate
#   $\eta > 0$. It works the same in 1, 2 or $n$ dimensions.
# - On a parabola each step multiplies the distance to the minimum by $1 - \eta f''$; on a quadratic
#   bowl by $1 - \eta\lambda$ along each direction of curvature $\lambda$. So $\eta < 2/\lambda_{\max}$
#   converges and $\eta > 2/\lambda_{\max}$ diverges (from almost every start); too small is slow, near
#   the bound oscillates.
# - $-\nabla f$ points downhill, not at the minimum; a tiny $\eta$ is safe but may never arrive.
# - Off a bowl, gradient descent stops in whichever minimum the start leads to, possibly a poor local one.
#
# **Next:** [05 · Least squares](05_least_squares.ipynb) — the first real cost function, minimised
# once by solving $\partial C_T/\partial p = \partial C_T/\partial q = 0$ and once by gradient descent.

# %% [markdown] lang="zh" twin="37920a4a"
# ## 小结
# - 由近似公式 $\Delta f \approx \nabla f\cdot\Delta\mathbf{x}$
#   和柯西-施瓦茨不等式可知，在长度相同的所有步子中，沿 $-\nabla f$ 的那一步使 $f$ 减小得最多。
# - 梯度下降法：$\mathbf{x}_{k+1} = \mathbf{x}_k - \eta\nabla f(\mathbf{x}_k)$，其中用到哈密顿算子
#   $\nabla f = (\partial f/\partial x_1, \dots, \partial f/\partial x_n)$ 和学习率
#   $\eta > 0$。它在 1 维、2 维和 $n$ 维中完全一样。
# - 在抛物线上，每一步把到最小值点的距离乘以 $1 - \eta f''$；在二次碗上，沿每个曲率为 $\lambda$
#   的方向乘以 $1 - \eta\lambda$。所以 $\eta < 2/\lambda_{\max}$ 收敛，$\eta > 2/\lambda_{\max}$
#   发散（对几乎所有起点而言）；太小则慢，接近界限则振荡。
# - $-\nabla f$ 指向下坡，而不是指向最小值点；很小的 $\eta$ 虽然安全，却可能永远到不了。
# - 不是碗形时，梯度下降法停在起点所通向的那个极小值，它可能是一个糟糕的局部极小值。
#
# **下一章**：[05 · 最小二乘法](05_least_squares.ipynb)——第一个真正的代价函数。我们先通过解
# $\partial C_T/\partial p = \partial C_T/\partial q = 0$ 求它的最小值，再用梯度下降法求一次。
