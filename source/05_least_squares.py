# The one source of chapter 05: `python tools/build_notebooks.py 05` builds
# chapters/05_least_squares.ipynb and solutions/05_least_squares.ipynb.

# %% [markdown]
# # 05 · Least squares: fitting a line
#
# **Goals.** After this chapter you can
# - state "fit a model to data" as an optimisation problem: choose the parameters that make a cost
#   as small as possible;
# - compute residuals, squared errors and the cost $C_T$ of a line $y = px + q$, and say what the ½
#   in $C_T$ does and does not change;
# - set $\partial C_T/\partial p = \partial C_T/\partial q = 0$ with sympy, solve these normal equations,
#   and check the answer against `numpy.linalg.lstsq`;
# - reach the same line by gradient descent and find the largest learning rate $\eta$ that works;
# - explain why a model with as many parameters as data points fits them exactly, and why that is
#   not what you want;
# - say why the errors are *squared* (Gaussian noise), and train one sigmoid neuron by gradient descent
#   as logistic regression.
#
# **You need** [chapter 03](03_derivatives.ipynb) (partial derivatives, a minimum has $\nabla f = 0$,
# sympy) and [chapter 04](04_gradient_descent.ipynb) (gradient descent $\mathbf{x} \leftarrow \mathbf{x} - \eta\nabla f$,
# the learning rate $\eta$).

# %% [markdown] lang="zh" twin="6c2b652a"
# # 05 · 最小二乘法：用直线拟合数据
#
# **目标**。学完本章，你能够：
# - 把“用模型拟合数据”表述为一个最优化问题：选择参数，使代价尽可能小；
# - 计算直线 $y = px + q$ 的残差、平方误差和代价 $C_T$，并说明 $C_T$ 中的 ½ 改变什么、不改变什么；
# - 用 sympy 令 $\partial C_T/\partial p = \partial C_T/\partial q = 0$，解出这组正规方程，并用
#   `numpy.linalg.lstsq` 核对答案；
# - 用梯度下降法得到同一条直线，并找出仍然可行的最大学习率 $\eta$；
# - 解释为什么参数个数与数据点个数相同的模型能精确地穿过所有数据点，以及为什么这并不是我们想要的；
# - 说明误差为什么要*平方*（高斯噪声），并用梯度下降法训练一个 Sigmoid 神经元，也就是逻辑回归。
#
# **前置知识**：[第 03 章](03_derivatives.ipynb)（偏导数、极小值处 $\nabla f = 0$、sympy）和[第 04 章](04_gradient_descent.ipynb)（梯度下降法
# $\mathbf{x} \leftarrow \mathbf{x} - \eta\nabla f$、学习率 $\eta$）。

# %%
import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from dlmath import check
from dlmath import regression as reg
from dlmath.calculus import gradient
from dlmath.optimize import gradient_descent

rng = np.random.default_rng(5)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. Optimisation and regression
#
# A mathematical model is fixed by a few numbers, its **parameters (参数)**: the weights and biases of a
# neuron, or the slope and intercept of a line. Choosing the parameters so that the model agrees with
# the data as well as possible is called **optimisation (最优化)**. For a neural network this is what
# "learning" means; the simplest example of it is **regression analysis (回归分析)**: explain one
# variable of the data by the others.
#
# Our data: the heights and weights of seven students (made-up numbers, stored in `dlmath.regression`).

# %% [markdown] lang="zh" twin="ccdbebaf"
# ## 1. 最优化与回归
#
# 一个数学模型由若干个数确定，这些数称为它的**参数**（parameters）：例如神经元的权重和偏置，或者直线的斜率和截距。选择参数，使模型与数据吻合得尽可能好，这称为**最优化**（optimisation）。对神经网络来说，这正是“学习”的含义；它最简单的例子是**回归分析**（regression analysis）：用数据中的其他变量来解释某一个变量。
#
# 我们的数据：七名学生的身高和体重（虚构的数字，存放在 `dlmath.regression` 中）。

# %%
for k, (height, weight) in enumerate(zip(reg.HEIGHTS, reg.WEIGHTS), start=1):
    print(f"student {k}: height {height:5.1f} cm   weight {weight:4.1f} kg")

# %% [markdown]
# We want to predict the weight $y$ from the height with a straight line, the model
#
# $$y = px + q ,$$
#
# with two parameters: the slope $p$ (kg per cm) and the intercept $q$. We measure the height from
# 160 cm, the group's mean height: $x = \text{height} - 160$. Then $q$ is the predicted weight of a
# student of average height. For the formulas this is only a shift of the axis (the slope stays the
# same), but section 6 shows that gradient descent depends on it.

# %% [markdown] lang="zh" twin="32d99abf"
# 我们想用一条直线根据身高预测体重 $y$，即模型
#
# $$y = px + q ,$$
#
# 它有两个参数：斜率 $p$（单位为 kg/cm）和截距 $q$。身高从 160 cm 量起，160 cm
# 是这组学生的平均身高：$x = \text{height} - 160$。这样，$q$
# 就是平均身高的学生的预测体重。对公式而言，这只是坐标轴的平移（斜率不变），但第 6
# 节会表明，梯度下降法的表现取决于它。

# %%
x, y = reg.X, reg.Y
print("x =", x)
print("y =", y)

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(5, 3), layout="constrained")
ax.plot(x, y, "o", color="k")
ax.set(xlabel="x = height − 160 (cm)", ylabel="weight y (kg)", title="seven students");

# %% [markdown]
# ## 2. Residuals, squared errors and the cost $C_T$
#
# For student $k$ the line predicts $px_k + q$; the data say $y_k$. The difference is the
# **residual (残差)**
#
# $$r_k = y_k - (px_k + q) .$$
#
# It is positive when the student lies above the line. To add up how wrong the line is, a positive
# and a negative residual must not cancel. Squaring prevents that (so would $|r_k|$; the real reasons for
# squares come after the exercises below). The **squared error (平方误差)** of
# student $k$ and the **cost function (代价函数)**, their sum over all $n$ students, are
#
# $$C_k = \tfrac12\,\bigl(y_k - (px_k + q)\bigr)^2, \qquad
#   C_T = C_1 + C_2 + \dots + C_n = \tfrac12 \sum_{k=1}^{n} \bigl(y_k - (px_k + q)\bigr)^2 .$$
#
# ($T$ for "total".) Choosing $p$ and $q$ by making $C_T$ as small as possible is the
# **method of least squares (最小二乘法)**.
#
# **The ½.** This course, like *The Mathematics of Deep Learning*, puts a ½ in front of every squared
# error. It is only there to cancel the 2 that comes down when a square is differentiated:
# $\frac{d}{dr}\tfrac12 r^2 = r$. Other books and libraries use $\sum r_k^2$ or the mean
# $\frac1n\sum r_k^2$, the **mean squared error (均方误差)**. These give different *values* of the cost
# but the same best line — section 4 shows it.
#
# ### Exercise 1 — residuals
# Take the guess $p = 0.4$, $q = 50$. Compute the residual of every student as one numpy array
# (`x` and `y` are arrays, so no loop is needed).

# %% [markdown] lang="zh" twin="6a90ac6e"
# ## 2. 残差、平方误差与代价 $C_T$
#
# 对学生 $k$，直线预测的体重是 $px_k + q$，而数据给出的是 $y_k$。两者之差称为**残差**（residual）
#
# $$r_k = y_k - (px_k + q) .$$
#
# 学生位于直线上方时，残差为正。要把直线的偏差累加起来，正残差和负残差就不能相互抵消。平方可以防止抵消（取
# $|r_k|$ 也可以；用平方的真正理由在下面的练习之后给出）。学生 $k$ 的**平方误差**（squared error），以及所有 $n$
# 名学生的平方误差之和——**代价函数**（cost function）——分别为
#
# $$C_k = \tfrac12\,\bigl(y_k - (px_k + q)\bigr)^2, \qquad
#   C_T = C_1 + C_2 + \dots + C_n = \tfrac12 \sum_{k=1}^{n} \bigl(y_k - (px_k + q)\bigr)^2 .$$
#
# （$T$ 取自“total”，即总和。）通过使 $C_T$ 尽可能小来选择 $p$ 和 $q$，这种方法称为**最小二乘法**（method of least squares）。
#
# **关于 ½**。本课程与《深度学习的数学》一样，在每个平方误差前面都乘以 ½。它唯一的作用是抵消平方求导时降下来的
# 2：$\frac{d}{dr}\tfrac12 r^2 = r$。其他书籍和程序库使用 $\sum r_k^2$，或者使用平均值
# $\frac1n\sum r_k^2$，即**均方误差**（mean squared error）。它们给出的代价*值*各不相同，但最佳直线是同一条——第
# 4 节会说明这一点。
#
# ### 练习 1 — 残差
# 取猜测值 $p = 0.4$、$q = 50$。用一个 numpy 数组算出每名学生的残差（`x` 和 `y` 都是数组，所以不需要循环）。

# %%
### BEGIN SOLUTION
r = y - (0.4 * x + 50)
### END SOLUTION

# %%
check("05.residuals", r)

# %% [markdown]
# ### Exercise 2 — the cost of the guess
# Compute $C_T$ for $p = 0.4$, $q = 50$, with the ½, as a single number.

# %% [markdown] lang="zh" twin="8236e9a2"
# ### 练习 2 — 猜测值的代价
# 对 $p = 0.4$、$q = 50$ 计算 $C_T$（带 ½），结果是一个数。

# %%
### BEGIN SOLUTION
cost_of_guess = 0.5 * np.sum((y - (0.4 * x + 50)) ** 2)
### END SOLUTION

# %%
check("05.cost_value", cost_of_guess)

# %% [markdown]
# ### Exercise 3 — the cost as a function of $p$ and $q$
# The data are fixed; what we vary is the line. Write `cost(p, q)` that returns $C_T$ for the data
# `x`, `y` and the line $y = px + q$. The data arrays are read-only, so that no `y -= …` can change
# them: compute new arrays, e.g. `r = y - (p * x + q)`.

# %% [markdown] lang="zh" twin="9067c75a"
# ### 练习 3 — 代价是 $p$ 和 $q$ 的函数
# 数据是固定的，变化的是直线。编写 `cost(p, q)`，对数据 `x`、`y` 和直线 $y = px + q$ 返回
# $C_T$。数据数组是只读的，这样任何 `y -= …` 都改不了它们：请计算新的数组，例如 `r = y - (p * x + q)`。

# %%
def cost(p, q):
    ### BEGIN SOLUTION
    return 0.5 * np.sum((y - (p * x + q)) ** 2)
    ### END SOLUTION


# %%
check("05.cost_function", cost)

# %% [markdown]
# From here on the chapter uses the library's `reg.residuals(p, q, x, y)` and `reg.cost(p, q, x, y)`.
# They also take whole arrays of $p$ and $q$, one $C_T$ per pair, which is how a contour map of $C_T$
# is computed in one call:

# %% [markdown] lang="zh" twin="99d134d0"
# 从这里开始，本章使用课程库中的 `reg.residuals(p, q, x, y)` 和 `reg.cost(p, q, x, y)`。它们也接受由 $p$ 和 $q$
# 组成的整个数组，对每一对各返回一个 $C_T$；$C_T$ 的等高线图就是这样一次调用算出来的：

# %%
print(f"C_T at the guess (0.4, 50): {reg.cost(0.4, 50.0, x, y):.3f}")
print("C_T for p = 0.4, 0.5, 0.6 and q = 52:", np.round(reg.cost([0.4, 0.5, 0.6], 52.0, x, y), 3))

# %% [markdown]
# ### Why squares?
#
# "Signs must not cancel" does not single out squares: the sum of absolute values $\sum_k |r_k|$ never
# cancels either, and it gives a *different* best line. Search both costs over a fine grid of lines:

# %% [markdown] lang="zh" twin="33e1eb84"
# ### 为什么用平方？
#
# “正负不能相互抵消”并不能唯一地选出平方：绝对值之和 $\sum_k |r_k|$
# 同样不会抵消，而它给出的最佳直线*不同*。在一个精细的直线网格上，对两种代价分别搜索：

# %%
P_grid, Q_grid = np.meshgrid(np.linspace(0.3, 0.8, 501), np.linspace(50.0, 54.0, 401))
R_grid = y - (P_grid[..., None] * x + Q_grid[..., None])  # residuals of every grid line, shape (401, 501, 7)
for name, C_grid in [("½ Σ r² (least squares)", 0.5 * np.sum(R_grid**2, axis=-1)),
                     ("Σ |r| (least absolute values)", np.sum(np.abs(R_grid), axis=-1))]:
    i, j = np.unravel_index(np.argmin(C_grid), C_grid.shape)
    print(f"{name:30s} best line on the grid: p = {P_grid[i, j]:.3f}, q = {Q_grid[i, j]:.3f}")

# %% [markdown]
# So the choice needs reasons. There are three good ones.
#
# 1. **Smoothness.** $r^2$ has a derivative everywhere; $|r|$ has a corner at $r = 0$. With squares the
#    minimum conditions $\partial C_T/\partial p = \partial C_T/\partial q = 0$ are *linear* equations
#    (section 4) with one solution, and gradient descent gets a slope that shrinks near the minimum.
# 2. **Large errors count more.** A residual of 2 costs four times a residual of 1, so the fit avoids
#    single big misses (which also makes it sensitive to outliers — the price of squares).
# 3. **Gaussian noise.** Suppose each weight is the rule plus noise, $y_k = px_k + q + \varepsilon_k$, with
#    independent $\varepsilon_k$ from the **normal distribution (正态分布)** with mean 0 and spread $s$,
#    whose **probability density function (概率密度函数)** is
#    $\varphi(\varepsilon) = \frac{1}{\sqrt{2\pi}\,s}\,e^{-\varepsilon^2/(2s^2)}$. The probability
#    (density) of seeing all seven weights, for a given line, is the product
#    $\prod_k \varphi(r_k)$, the **likelihood (似然)** of the line. Its logarithm is
#
#    $$\ln \prod_k \varphi(r_k) = -n\ln(\sqrt{2\pi}\,s) - \frac{1}{s^2}\cdot\tfrac12\sum_k r_k^2
#      = \text{const} - \frac{C_T}{s^2}.$$
#
#    The line that makes the observed data most probable is exactly the one with the smallest $C_T$:
#    least squares is the **maximum likelihood (最大似然)** fit when the noise is Gaussian. (With noise
#    from the two-sided exponential density $\propto e^{-|\varepsilon|/s}$, the same argument gives $\sum|r_k|$.)
#
# The cell checks the identity for a few lines, with the spread $s = 1.2$ our data were made with:

# %% [markdown] lang="zh" twin="4698da24"
# 所以这个选择需要理由。好的理由有三个。
#
# 1. **光滑**。$r^2$ 处处可导；$|r|$ 在 $r = 0$ 处有一个尖角。用平方时，极小值条件
#    $\partial C_T/\partial p = \partial C_T/\partial q = 0$ 是*线性*方程（第 4
#    节），只有一个解；而且梯度下降法得到的斜率在极小值附近会逐渐变小。
# 2. **大误差罚得更重**。残差为 2 的代价是残差为 1
#    的四倍，所以拟合会避免个别的大偏差（这也使它对离群值敏感——这是用平方的弊端）。
# 3. **高斯噪声**。假设每个体重都是规律加上噪声，$y_k = px_k + q + \varepsilon_k$，其中各个 $\varepsilon_k$
#    相互独立，服从均值为 0、标准差为 $s$ 的**正态分布**（normal distribution），其**概率密度函数**（probability density function）为
#    $\varphi(\varepsilon) = \frac{1}{\sqrt{2\pi}\,s}\,e^{-\varepsilon^2/(2s^2)}$。对给定的直线，观测到全部七个体重的概率（密度）是乘积
#    $\prod_k \varphi(r_k)$，称为这条直线的**似然**（likelihood）。它的对数为
#
#    $$\ln \prod_k \varphi(r_k) = -n\ln(\sqrt{2\pi}\,s) - \frac{1}{s^2}\cdot\tfrac12\sum_k r_k^2
#      = \text{const} - \frac{C_T}{s^2}.$$
#
#    使观测数据出现的概率最大的直线，恰好就是使 $C_T$
#    最小的那一条：噪声为高斯噪声时，最小二乘法就是**最大似然**（maximum likelihood）拟合。（如果噪声服从双边指数分布，密度 $\propto e^{-|\varepsilon|/s}$，同样的推理得到的是 $\sum|r_k|$。）
#
# 下面的单元格对几条直线验证这个恒等式，所用的标准差 $s = 1.2$ 正是生成我们的数据时所用的值：

# %%
s_noise = 1.2
for p_try, q_try in [(0.4, 50.0), (0.5, 52.0), (0.53, 52.07)]:
    r_try = reg.residuals(p_try, q_try, x, y)
    log_likelihood = np.sum(np.log(np.exp(-r_try**2 / (2 * s_noise**2)) / (np.sqrt(2 * np.pi) * s_noise)))
    constant = -len(x) * np.log(np.sqrt(2 * np.pi) * s_noise)
    print(f"(p, q) = ({p_try}, {q_try}):  log-likelihood {log_likelihood:9.4f}"
          f"   const − C_T/s² = {constant - reg.cost(p_try, q_try, x, y) / s_noise**2:9.4f}")

# %% [markdown]
# ## 3. Move the line yourself
#
# Move $p$ and $q$. On the left the red segments are the residuals, and the readout shows $C_T$. On the
# right is a contour map of $C_T$ over the $(p, q)$ plane, computed once when the figure is made; the red
# dot is your line, the star the best one. Can you bring $C_T$ below 4?
#
# Notice the shape of the map: moving $q$ by 1 changes $C_T$ far less than moving $p$ by 1, because a
# change of slope is multiplied by $x$, and $x$ goes up to 8 cm away from 0.

# %% [markdown] lang="zh" twin="4a018485"
# ## 3. 亲手移动直线
#
# 调节 $p$ 和 $q$。左图中的红色线段就是残差，读数显示 $C_T$。右图是 $C_T$ 在 $(p, q)$
# 平面上的等高线图，在生成图形时计算一次；红点是你的直线，星号是最佳直线。你能把 $C_T$ 降到 4 以下吗？
#
# 注意等高线图的形状：$q$ 改变 1 时 $C_T$ 的变化，远小于 $p$ 改变 1 时的变化，因为斜率的改变要乘以 $x$，而 $x$
# 离 0 最远可达 8 cm。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.least_squares import cost_explorer

cost_explorer()

# %% [markdown]
# ## 4. The minimum: $\partial C_T/\partial p = \partial C_T/\partial q = 0$
#
# $C_T$ is a function of two variables, $p$ and $q$; the data are constants. At its minimum both partial
# derivatives are 0 (chapter 03). With the chain rule, and $\partial r_k/\partial p = -x_k$,
# $\partial r_k/\partial q = -1$:
#
# $$\frac{\partial C_T}{\partial p} = \sum_k r_k\,\frac{\partial r_k}{\partial p} = -\sum_k x_k\bigl(y_k - (px_k + q)\bigr),
#   \qquad
#   \frac{\partial C_T}{\partial q} = -\sum_k \bigl(y_k - (px_k + q)\bigr).$$
#
# (Here the ½ did its job: no factor 2.) Setting both to 0 and sorting by $p$ and $q$ gives two linear
# equations, the **normal equations (正规方程)**:
#
# $$\Bigl(\sum_k x_k^2\Bigr)\,p + \Bigl(\sum_k x_k\Bigr)\,q = \sum_k x_k y_k, \qquad
#   \Bigl(\sum_k x_k\Bigr)\,p + n\,q = \sum_k y_k .$$
#
# Let sympy do it. The data go in as exact fractions (`sp.Rational("49.9")` is 499/10), so the answer
# is exact too.

# %% [markdown] lang="zh" twin="05fc2950"
# ## 4. 极小值：$\partial C_T/\partial p = \partial C_T/\partial q = 0$
#
# $C_T$ 是 $p$ 和 $q$ 这两个变量的函数；数据是常数。在极小值处，两个偏导数都为 0（第 03 章）。利用链式法则，以及
# $\partial r_k/\partial p = -x_k$、$\partial r_k/\partial q = -1$，得到
#
# $$\frac{\partial C_T}{\partial p} = \sum_k r_k\,\frac{\partial r_k}{\partial p} = -\sum_k x_k\bigl(y_k - (px_k + q)\bigr),
#   \qquad
#   \frac{\partial C_T}{\partial q} = -\sum_k \bigl(y_k - (px_k + q)\bigr).$$
#
# （这里 ½ 发挥了作用：没有因子 2。）令两者都等于 0，再按 $p$ 和 $q$
# 整理，就得到两个线性方程，即**正规方程**（normal equations）：
#
# $$\Bigl(\sum_k x_k^2\Bigr)\,p + \Bigl(\sum_k x_k\Bigr)\,q = \sum_k x_k y_k, \qquad
#   \Bigl(\sum_k x_k\Bigr)\,p + n\,q = \sum_k y_k .$$
#
# 让 sympy 来算。数据以精确分数的形式输入（`sp.Rational("49.9")` 就是 499/10），所以得到的答案也是精确的。

# %%
p, q = sp.symbols("p q")
xs = [sp.Rational(str(v)) for v in x]
ys = [sp.Rational(str(v)) for v in y]
C_T = sum(sp.Rational(1, 2) * (yk - (p * xk + q)) ** 2 for xk, yk in zip(xs, ys))
sp.expand(C_T)

# %% [markdown]
# ### Exercise 4 — $\partial C_T/\partial p$ in sympy
# Give $\partial C_T/\partial p$ as a sympy expression in the symbols `p` and `q`: differentiate `C_T`,
# or build $-\sum_k x_k\,(y_k - (px_k + q))$ from the data yourself.

# %% [markdown] lang="zh" twin="e747789e"
# ### 练习 4 — 用 sympy 求 $\partial C_T/\partial p$
# 给出 $\partial C_T/\partial p$，写成关于符号 `p` 和 `q` 的 sympy 表达式：可以对 `C_T`
# 求导，也可以自己用数据构造 $-\sum_k x_k\,(y_k - (px_k + q))$。

# %%
### BEGIN SOLUTION
dC_dp = sp.diff(C_T, p)
### END SOLUTION

# %%
check("05.dC_dp", dC_dp)

# %% [markdown]
# Notice that $q$ has dropped out of $\partial C_T/\partial p$; the reason follows in a moment. Now solve
# both equations at once:

# %% [markdown] lang="zh" twin="bccec457"
# 注意，$q$ 从 $\partial C_T/\partial p$ 中消失了；原因稍后就会说明。现在同时求解两个方程：

# %%
solution = sp.solve([sp.diff(C_T, p), sp.diff(C_T, q)], [p, q])
solution

# %% [markdown]
# The equations came out so simple because our $x$ are measured from the mean: $\sum_k x_k = 0$. The
# normal equations then fall apart into $p\sum x_k^2 = \sum x_k y_k$ and $nq = \sum y_k$, so
# $p = \sum x_k y_k / \sum x_k^2$ and $q = \bar y$, the mean weight.

# %% [markdown] lang="zh" twin="ea918cc9"
# 方程之所以这么简单，是因为我们的 $x$ 是从平均值量起的：$\sum_k x_k = 0$。于是正规方程分解为
# $p\sum x_k^2 = \sum x_k y_k$ 和 $nq = \sum y_k$，因此 $p = \sum x_k y_k / \sum x_k^2$，而
# $q = \bar y$，即平均体重。

# %%
print(f"Σx = {np.sum(x):.1f}   Σx² = {np.sum(x ** 2):.2f}   Σxy = {np.sum(x * y):.2f}   Σy/n = {np.mean(y):.4f}")
print(f"Σxy / Σx² = {np.sum(x * y) / np.sum(x ** 2):.6f}")

# %% [markdown]
# Is this point a minimum and not a saddle? The second derivatives of $C_T$ form its Hessian (chapter 03)
# $\begin{pmatrix}\sum x_k^2 & \sum x_k\\ \sum x_k & n\end{pmatrix}$, the same for every $p$ and $q$: $C_T$ is
# a quadratic bowl. Each eigenvalue is the curvature of the bowl along its eigenvector. Both are positive
# (they are as long as not all $x_k$ are equal), so the bowl opens upwards in every direction and its one
# flat point is the lowest. Here the eigenvectors are the $p$ and $q$ axes, with curvatures $\sum x_k^2 = 169$
# and $n = 7$: the bowl is steep in $p$ and shallow in $q$, the narrow valley of the contour map above.

# %% [markdown] lang="zh" twin="9afa74ed"
# 这个点是极小值，而不是鞍点吗？$C_T$ 的二阶导数构成它的黑塞矩阵（第 03
# 章）$\begin{pmatrix}\sum x_k^2 & \sum x_k\\ \sum x_k & n\end{pmatrix}$，它对所有 $p$ 和 $q$ 都相同：$C_T$
# 是一个二次的“碗”。每个特征值都是碗沿着对应特征向量方向的曲率。两个特征值都是正的（只要 $x_k$
# 不全相等，它们就是正的），所以碗在每个方向上都向上开口，它唯一的平坦点就是最低点。这里的特征向量就是 $p$ 轴和
# $q$ 轴，曲率分别为 $\sum x_k^2 = 169$ 和 $n = 7$：碗在 $p$ 方向上陡峭，在 $q$
# 方向上平缓，这就是上面等高线图中那条狭长的山谷。

# %%
hessian = reg.cost_hessian(x)
print("second derivatives:\n", np.round(hessian, 3), "\neigenvalues:", np.round(np.linalg.eigvalsh(hessian), 3))

# %% [markdown]
# ### Exercise 5 — the best line
# Give the least-squares line as an array `[p, q]` of two numbers (from `solution`, or by solving the
# normal equations with numpy). Four significant digits are enough: the check accepts each number
# within 0.01 %.

# %% [markdown] lang="zh" twin="1da319f6"
# ### 练习 5 — 最佳直线
# 以含两个数的数组 `[p, q]` 给出最小二乘直线（可以取自 `solution`，也可以用 numpy
# 解正规方程）。四位有效数字就够了：检查时每个数允许有 0.01 % 以内的偏差。

# %%
### BEGIN SOLUTION
fit = [float(solution[p]), float(solution[q])]
### END SOLUTION

# %%
check("05.fit", fit)

# %% [markdown]
# > **⚠️ Careful — the value of $C_T$ depends on the convention; the best line does not.**
# > $C_T = \tfrac12\sum r_k^2$ here, $\sum r_k^2$ in `numpy.linalg.lstsq`, $\frac1n \sum r_k^2$ (mean squared
# > error) in most deep-learning libraries. Multiplying a function by a positive constant multiplies its
# > partial derivatives by the same constant, so they are 0 at the same point. Compare minimum *values*
# > only under the same convention. The cell solves all three versions.

# %% [markdown] lang="zh" twin="f1164b81"
# > **⚠️ 注意 — $C_T$ 的值取决于约定，最佳直线则不然**。本课程中 $C_T = \tfrac12\sum r_k^2$，`numpy.linalg.lstsq` 中用的是
# > $\sum r_k^2$，大多数深度学习库中用的是 $\frac1n \sum r_k^2$（均方误差）。一个函数乘以一个正的常数，它的偏导数也乘以同一个常数，所以偏导数在同一点为 0。只有在同一约定下，才能比较极小*值*。下面的单元格对三种形式分别求解。

# %%
residual = [yk - (p * xk + q) for xk, yk in zip(xs, ys)]
conventions = {"½ Σ r² (this course)": sum(rk ** 2 for rk in residual) / 2,
               "Σ r²": sum(rk ** 2 for rk in residual),
               "(1/n) Σ r²": sum(rk ** 2 for rk in residual) / len(residual)}
for name, C in conventions.items():
    best = sp.solve([sp.diff(C, p), sp.diff(C, q)], [p, q])
    print(f"{name:22s} minimiser p = {float(best[p]):.6f}, q = {float(best[q]):.6f}"
          f"   minimum value {float(C.subs(best)):.4f}")

# %% [markdown]
# The library's `reg.normal_equations(x, y)` solves the normal equations for any data, not only
# centred ones: $p = \sum (x_k-\bar x)(y_k - \bar y) / \sum (x_k - \bar x)^2$, $q = \bar y - p\bar x$.

# %% [markdown] lang="zh" twin="b5fdfee7"
# 课程库中的 `reg.normal_equations(x, y)` 可以对任意数据求解正规方程，而不限于中心化的数据：$p = \sum (x_k-\bar x)(y_k - \bar y) / \sum (x_k - \bar x)^2$，$q = \bar y - p\bar x$。

# %%
p_best, q_best = reg.normal_equations(x, y)
c_best = reg.cost(p_best, q_best, x, y)
print(f"normal equations: p = {p_best:.6f}, q = {q_best:.6f}, smallest C_T = {c_best:.4f}")

# %% [markdown]
# ## 5. The reference: `numpy.linalg.lstsq`
#
# numpy solves least-squares problems in matrix form. Put the inputs into the **design matrix (设计矩阵)**
# $A$, one row $(x_k, 1)$ per student; then $A\binom{p}{q}$ is the column of predictions, and
# `np.linalg.lstsq(A, y)` finds the $(p, q)$ that minimises $\lVert y - A\binom{p}{q}\rVert^2 = \sum r_k^2$.
# The normal equations in this form read $A^\top A\binom{p}{q} = A^\top y$, and $A^\top A$ is exactly the
# matrix of second derivatives from section 4.

# %% [markdown] lang="zh" twin="c08e047e"
# ## 5. 参照：`numpy.linalg.lstsq`
#
# numpy 以矩阵形式求解最小二乘问题。把输入放进**设计矩阵**（design matrix）$A$，每名学生一行 $(x_k, 1)$；那么
# $A\binom{p}{q}$ 就是由预测值组成的列，而 `np.linalg.lstsq(A, y)` 求出使
# $\lVert y - A\binom{p}{q}\rVert^2 = \sum r_k^2$ 最小的 $(p, q)$。写成这种形式，正规方程就是
# $A^\top A\binom{p}{q} = A^\top y$，而 $A^\top A$ 恰好是第 4 节中的二阶导数矩阵。

# %%
A = np.column_stack([x, np.ones_like(x)])
(p_ls, q_ls), sum_of_squares, rank, _ = np.linalg.lstsq(A, y, rcond=None)
print(f"lstsq:            p = {p_ls:.6f}, q = {q_ls:.6f}, Σ r² = {sum_of_squares[0]:.4f}, "
      f"half of it = {sum_of_squares[0] / 2:.4f}")
print(f"normal equations: p = {p_best:.6f}, q = {q_best:.6f}, C_T = {c_best:.4f}")
print("AᵀA =\n", np.round(A.T @ A, 3))

# %% [markdown]
# ## 6. The same line by gradient descent
#
# The gradient of the cost is the vector of the two partial derivatives from section 4,
#
# $$\nabla C_T = \Bigl(\frac{\partial C_T}{\partial p}, \frac{\partial C_T}{\partial q}\Bigr)
#   = \Bigl(-\sum_k x_k r_k,\; -\sum_k r_k\Bigr),$$
#
# in the library as `reg.cost_gradient(p, q, x, y)`. Like every formula in this course, it is checked
# against central differences first:

# %% [markdown] lang="zh" twin="7e481a75"
# ## 6. 用梯度下降法得到同一条直线
#
# 代价的梯度是由第 4 节的两个偏导数组成的向量，
#
# $$\nabla C_T = \Bigl(\frac{\partial C_T}{\partial p}, \frac{\partial C_T}{\partial q}\Bigr)
#   = \Bigl(-\sum_k x_k r_k,\; -\sum_k r_k\Bigr),$$
#
# 在课程库中是 `reg.cost_gradient(p, q, x, y)`。和本课程中的每个公式一样，先用中心差分验证它：

# %%
for p0, q0 in [(0.4, 50.0), (0.0, 0.0), (1.5, 60.0)]:
    formula = reg.cost_gradient(p0, q0, x, y)
    numeric = gradient(lambda w: reg.cost(w[0], w[1], x, y), [p0, q0])
    print(f"(p, q) = ({p0}, {q0}):  formula {np.round(formula, 5)}   central differences {np.round(numeric, 5)}")

# %% [markdown]
# Now chapter 04's `gradient_descent`, started at $(p, q) = (0, 0)$, a line that knows nothing:

# %% [markdown] lang="zh" twin="bf4fda15"
# 现在用第 04 章的 `gradient_descent`，从 $(p, q) = (0, 0)$ 出发，这是一条一无所知的直线：

# %%
run = gradient_descent(lambda w: reg.cost_gradient(w[0], w[1], x, y), x0=[0.0, 0.0], eta=0.01,
                       steps=1000, f=lambda w: reg.cost(w[0], w[1], x, y))
p_gd, q_gd = run.x
print(run.message)
print(f"gradient descent: p = {p_gd:.6f}, q = {q_gd:.6f}, C_T = {run.values[-1]:.4f}")
print(f"normal equations: p = {p_best:.6f}, q = {q_best:.6f}, C_T = {c_best:.4f}")
print(f"lstsq:            p = {p_ls:.6f}, q = {q_ls:.6f}")

# %% [markdown]
# Three methods, one line. (`reg.fit_by_gradient_descent(x, y, eta)` wraps this call.)
#
# **How large may $\eta$ be?** Because $\sum x_k = 0$, the gradient is
# $\bigl(\sum x_k^2\,(p - p^*),\; n\,(q - q^*)\bigr)$ with $(p^*, q^*)$ the best line, and one step of
# gradient descent moves $p$ and $q$ independently:
#
# $$p_{t+1} - p^* = \bigl(1 - \eta\textstyle\sum x_k^2\bigr)(p_t - p^*), \qquad
#   q_{t+1} - q^* = (1 - \eta n)(q_t - q^*),$$
#
# where $t$ counts the steps. Each distance is multiplied by the same factor at every step. It shrinks
# when the factor lies between $-1$ and $1$, and it grows, with alternating sign, when the factor is
# below $-1$.
#
# ### Exercise 6 — the largest stable learning rate
# Here $\sum x_k^2 = 169$ and $n = 7$. Above which $\eta$ does gradient descent diverge? Give the number
# (three significant digits are enough: the check accepts anything within 0.5 %).

# %% [markdown] lang="zh" twin="7a6dd210"
# 三种方法，同一条直线。（`reg.fit_by_gradient_descent(x, y, eta)` 封装了这次调用。）
#
# **$\eta$ 可以取多大？** 由于 $\sum x_k = 0$，梯度为 $\bigl(\sum x_k^2\,(p - p^*),\; n\,(q - q^*)\bigr)$，其中
# $(p^*, q^*)$ 是最佳直线；于是梯度下降法的每一步都各自独立地移动 $p$ 和 $q$：
#
# $$p_{t+1} - p^* = \bigl(1 - \eta\textstyle\sum x_k^2\bigr)(p_t - p^*), \qquad
#   q_{t+1} - q^* = (1 - \eta n)(q_t - q^*),$$
#
# 其中 $t$ 是步数的编号。两个距离每一步各自乘以一个固定不变的因子。因子在 $-1$ 与 $1$
# 之间时，距离缩小；因子小于 $-1$ 时，距离增大，而且符号正负交替。
#
# ### 练习 6 — 最大的稳定学习率
# 这里 $\sum x_k^2 = 169$，$n = 7$。$\eta$
# 超过多少时，梯度下降法会发散？给出这个数（三位有效数字就够了：检查时允许 0.5 % 以内的偏差）。

# %%
### BEGIN SOLUTION
eta_limit = 2 / np.sum(x ** 2)
### END SOLUTION

# %%
check("05.eta_limit", eta_limit)

# %% [markdown]
# Now try it. The slider sets $\eta$ on a log scale, starting at $10^{-3}$; gradient descent runs up to 300
# steps from $(0, 0)$ and counts as converged once a step moves $(p, q)$ by less than $10^{-4}$ (then $C_T$
# is within about $10^{-5}$ of its minimum). Watch:
# - $\eta = 10^{-4}$: $p$ arrives, $q$ hardly moves: the cost is still in the thousands;
# - $\eta = 10^{-3}$: $q$ moves, but 300 steps are not enough — the readout says how far $C_T$ still is;
# - $\eta \approx 0.005$: a smooth path to the star;
# - $\eta$ just below the limit $2/169 \approx 0.0118$: $p$ jumps from side to side, and the jumps die
#   out slowly;
# - $\eta$ above the limit: it diverges, and the readout says so.

# %% [markdown] lang="zh" twin="2f2737d5"
# 现在来试一试。滑块以对数刻度设置 $\eta$，初始值为 $10^{-3}$；梯度下降法从 $(0, 0)$ 出发，最多运行 300
# 步，一旦某一步使 $(p, q)$ 移动的距离小于 $10^{-4}$，就算作收敛（这时 $C_T$ 与其极小值之差约在 $10^{-5}$
# 以内）。观察：
# - $\eta = 10^{-4}$：$p$ 到位了，$q$ 却几乎不动：代价仍有几千；
# - $\eta = 10^{-3}$：$q$ 动起来了，但 300 步不够——读数会显示 $C_T$ 还差多少；
# - $\eta \approx 0.005$：一条平滑的路径直达星号；
# - $\eta$ 略小于界限 $2/169 \approx 0.0118$：$p$ 在两侧来回跳动，跳动慢慢衰减；
# - $\eta$ 超过界限：发散，读数会指出这一点。

# %% tags=["nbval-ignore-output"]
from dlmath.explorers.least_squares import descent_explorer

descent_explorer()

# %% [markdown]
# > **⚠️ Careful — "gradient descent finds the least-squares line" holds only if you can wait.** With the
# > heights in cm, not measured from 160, the formulas and `lstsq` still give the best line at once
# > ($q$ changes to $q - 160p$). Gradient descent does not. The second-derivative matrix is now
# > $\begin{pmatrix}\sum h_k^2 & \sum h_k\\ \sum h_k & n\end{pmatrix}$ with eigenvalues about 179 000 and
# > 0.0066. $\eta$ must stay below 2/179 000 for the steep direction, and along the flat direction
# > each step then removes less than one part in ten million of the distance. The cell runs 20 000 steps
# > at 90 % of the largest stable $\eta$.

# %% [markdown] lang="zh" twin="7e33c533"
# > **⚠️ 注意 — “梯度下降法能找到最小二乘直线”，前提是你等得起**。如果身高以 cm 为单位、不从 160 量起，公式和 `lstsq` 仍能立即给出最佳直线（$q$ 变为
# > $q - 160p$）。梯度下降法却不行。二阶导数矩阵现在是
# > $\begin{pmatrix}\sum h_k^2 & \sum h_k\\ \sum h_k & n\end{pmatrix}$，特征值约为 179 000 和
# > 0.0066。为了照顾陡峭的方向，$\eta$ 必须小于 2/179 000，而这样一来，沿平坦的方向，每一步消除的还不到剩余距离的千万分之一。下面的单元格以最大稳定 $\eta$ 的 90 % 运行
# > 20 000 步。

# %%
heights = reg.HEIGHTS
small, large = np.linalg.eigvalsh(reg.cost_hessian(heights))
print(f"eigenvalues of the second-derivative matrix: {small:.4f} and {large:.0f}")
raw = reg.fit_by_gradient_descent(heights, y, 0.9 * reg.largest_stable_eta(heights), steps=20_000)
p_raw, q_raw = reg.normal_equations(heights, y)
print(f"best line, heights in cm:    p = {p_raw:.4f}, q = {q_raw:.4f}")
print(f"gradient descent, {raw.steps} steps: p = {raw.x[0]:.4f}, q = {raw.x[1]:.4f}  ({raw.message})")

# %% [markdown]
# Measuring $x$ from the mean made $\sum x_k = 0$ and the matrix diagonal, with eigenvalues 169 and 7.
# Their ratio fell from about 27 million to 24, and gradient descent arrived within a few hundred
# steps (section 6) instead of not at all. Shifting (and scaling) inputs before gradient descent is
# standard practice in training neural networks for exactly this reason.
#
# ## 7. Parameters versus data points
#
# The line has 2 parameters. Give it only 2 students and the two equations $y_1 = px_1 + q$,
# $y_2 = px_2 + q$ have an exact solution: the line through both points, with $C_T = 0$.
#
# ### Exercise 7 — a line through two students
# Take the shortest and the tallest student: $(x_1, y_1) = (-8, 47.4)$ and $(x_2, y_2) = (7.5, 55.9)$.
# Give the line through both as `[p, q]` (four significant digits are enough: each number within 0.01 %).

# %% [markdown] lang="zh" twin="304a83af"
# 把 $x$ 从平均值量起，就使 $\sum x_k = 0$，矩阵成为对角矩阵，特征值为 169 和 7。两个特征值之比从约 2700 万降到
# 24，梯度下降法在几百步之内就到达了（第 6
# 节），而不是根本到不了。在训练神经网络时，先对输入做平移（和缩放）再用梯度下降法，是标准做法，原因正在于此。
#
# ## 7. 参数与数据点
#
# 直线有 2 个参数。如果只给它 2 名学生，两个方程 $y_1 = px_1 + q$、$y_2 = px_2 + q$
# 就有精确解：穿过这两点的直线，其 $C_T = 0$。
#
# ### 练习 7 — 穿过两名学生的直线
# 取最矮和最高的两名学生：$(x_1, y_1) = (-8, 47.4)$ 和 $(x_2, y_2) = (7.5, 55.9)$。以 `[p, q]`
# 给出穿过这两点的直线（四位有效数字就够了：每个数允许 0.01 % 以内的偏差）。

# %%
### BEGIN SOLUTION
slope = (55.9 - 47.4) / (7.5 - (-8))
two_point_fit = [slope, 47.4 - slope * (-8)]
### END SOLUTION

# %%
check("05.two_point_line", two_point_fit)

# %% [markdown]
# Least squares on these two points finds that line, and its cost is 0 (up to rounding):

# %% [markdown] lang="zh" twin="9bf0f92d"
# 对这两个点做最小二乘，得到的正是这条直线，其代价为 0（在舍入误差范围内）：

# %%
ends = np.array([np.argmin(x), np.argmax(x)])
p_two, q_two = reg.normal_equations(x[ends], y[ends])
print(f"p = {p_two:.6f}, q = {q_two:.6f}, C_T = {reg.cost(p_two, q_two, x[ends], y[ends]):.6f}")

# %% [markdown]
# The same holds for more points and more parameters. Through $n$ points with different $x$ passes
# exactly one polynomial of degree at most $n-1$,
# $y = c_0 + c_1x + \dots + c_{n-1}x^{n-1}$: $n$ parameters, $n$ equations $y_k = c_0 + c_1x_k + \dots$,
# one solution. `reg.polynomial_through(x, y)` solves them. For our seven students: a polynomial of
# degree 6, and $C_T = 0$.

# %% [markdown] lang="zh" twin="794cd4a8"
# 点更多、参数更多时也是如此。过 $n$ 个 $x$ 互不相同的点，恰好有一个次数不超过 $n-1$ 的多项式
# $y = c_0 + c_1x + \dots + c_{n-1}x^{n-1}$：$n$ 个参数，$n$ 个方程
# $y_k = c_0 + c_1x_k + \dots$，一个解。`reg.polynomial_through(x, y)` 求解这些方程。对我们的七名学生：一个 6
# 次多项式，且 $C_T = 0$。

# %%
coefficients = reg.polynomial_through(x, y)
misses = y - reg.polynomial_value(coefficients, x)
print("coefficients c0 … c6:", ", ".join(f"{c:.4g}" for c in coefficients))
print(f"C_T of the polynomial: {0.5 * np.sum(misses ** 2):.6f}   C_T of the best line: {c_best:.4f}")

# %% [markdown]
# ### Exercise 8 — how many parameters for an exact fit?
# What is the smallest number of parameters (coefficients $c_0, c_1, \dots$) a polynomial must have so
# that it passes exactly through *any* 12 points with 12 different $x$?

# %% [markdown] lang="zh" twin="503b1b1a"
# ### 练习 8 — 精确拟合需要多少个参数？
# 一个多项式至少要有多少个参数（系数 $c_0, c_1, \dots$），才能精确地穿过*任意* 12 个 $x$ 互不相同的点？

# %%
### BEGIN SOLUTION
exact_fit_parameters = 12
### END SOLUTION

# %%
check("05.exact_fit_parameters", exact_fit_parameters)

# %% [markdown]
# > **⚠️ Careful — for noisy data, "a good model has $C_T = 0$" is wrong.** The polynomial above meets every
# > student exactly, and yet it is a bad model: between the students it swings far away from any sensible
# > weight. Real data carry noise — two students of the same height do not weigh the same — and a model with as
# > many parameters as data points follows the noise, not the trend. This is called
# > **overfitting (过拟合)**. Our numbers were made up around the rule weight $= 52 + 0.5x$ plus noise,
# > so we can ask both models about 500 new students made the same way.

# %% [markdown] lang="zh" twin="4c92825e"
# > **⚠️ 注意 — 对含噪声的数据，“好模型的 $C_T = 0$”是错的**。上面的多项式精确地经过每一名学生，但它是一个糟糕的模型：在学生之间，它会摆荡到远离任何合理体重的地方。真实数据带有噪声——身高相同的两名学生，体重并不相同——参数个数与数据点个数一样多的模型，追随的是噪声，而不是趋势。这称为**过拟合**（overfitting）。我们的数字是围绕规律“体重
# > $= 52 + 0.5x$”再加上噪声虚构出来的，因此可以用同样的方法生成 500 名新学生，让两个模型来预测。

# %% tags=["nbval-ignore-output"]
grid = np.linspace(x.min(), x.max(), 400)
fig, ax = plt.subplots(figsize=(6, 3.4), layout="constrained")
ax.plot(grid, reg.polynomial_value(coefficients, grid), color="C3", label="degree 6: C_T = 0")
ax.plot(grid, reg.predict(p_best, q_best, grid), color="C0", lw=2, label=f"line: C_T = {c_best:.2f}")
ax.plot(x, y, "o", color="k")
ax.set(xlabel="x = height − 160 (cm)", ylabel="weight y (kg)", ylim=(40, 70))
ax.legend(loc="upper left");

# %%
x_peak = grid[np.argmax(reg.polynomial_value(coefficients, grid))]
print(f"at x = {x_peak:.2f} (height {160 + x_peak:.1f} cm) the polynomial predicts "
      f"{reg.polynomial_value(coefficients, x_peak):.1f} kg, the line {reg.predict(p_best, q_best, x_peak):.1f} kg")
new_x = rng.uniform(x.min(), x.max(), size=500)
new_y = reg.predict(*reg.RULE, new_x) + rng.normal(0.0, 1.2, size=500)
for name, predicted in [("line", reg.predict(p_best, q_best, new_x)),
                        ("degree-6 polynomial", reg.polynomial_value(coefficients, new_x))]:
    print(f"{name:20s} mean squared error on 500 new students: {np.mean((new_y - predicted) ** 2):.2f} kg²")

# %% [markdown]
# Without noise the story changes: weights made by the rule alone lie on a line, and then the best line
# *does* reach $C_T = 0$ — and is the right model. A $C_T > 0$ is the mark of noise, not of a good model:

# %% [markdown] lang="zh" twin="adfce64d"
# 没有噪声时，情况就不同了：仅由规律生成的体重都落在一条直线上，这时最佳直线*确实*达到
# $C_T = 0$——而且它就是正确的模型。$C_T > 0$ 是噪声的标志，而不是模型好坏的标志：

# %%
y_exact = reg.predict(*reg.RULE, x)  # the rule weight = 52 + 0.5 x, no noise
p_exact, q_exact = reg.normal_equations(x, y_exact)
print(f"noise-free data: best line p = {p_exact:.4f}, q = {q_exact:.4f}, C_T = {reg.cost(p_exact, q_exact, x, y_exact):.1e}")
print(f"noisy data:      best line p = {p_best:.4f}, q = {q_best:.4f}, C_T = {c_best:.2f}")

# %% [markdown]
# What $C_T$ measures is the fit to *these* seven students. The book says it plainly: the regression line
# is a compromise between many conditions, so $C_T$ only reaches its smallest value, not 0 — and that is
# no cause for worry. The remaining error is the part of the data the model should not explain. The book
# adds that a $C_T$ close to 0 shows a model that suits the data; the polynomial shows the limit of that:
# a small $C_T$ on the data used for fitting does not promise a good fit to new data. Judge a model on
# data it has not seen, as we did with the 500 new students above.
#
# ### Exercise 9 — a cost that stays above 0
# The best line leaves $C_T \approx 3.99 > 0$ on the seven students. What follows? Answer with the letter
# in quotes.
#
# - **a** The line is the wrong model: add parameters until $C_T = 0$.
# - **b** The remaining error is the noise in the data; a line that follows the trend is what we want.
# - **c** The minimisation has not converged yet.
# - **d** $C_T$ should have been computed without the ½.

# %% [markdown] lang="zh" twin="cd97fc57"
# $C_T$ 衡量的是对*这*七名学生的拟合程度。书中说得很明白：回归直线是根据大量条件得到的折中结果，所以 $C_T$
# 只能取到最小值，而取不到 0——这无须担心。剩下的误差是数据中模型本就不该解释的部分。书中还说，只要 $C_T$ 接近
# 0，就可以说模型合乎数据；多项式的例子说明了这句话的局限：在用于拟合的数据上 $C_T$
# 很小，并不能保证模型对新数据也拟合得好。要用模型没见过的数据来评判它，就像上面对 500 名新学生所做的那样。
#
# ### 练习 9 — 始终大于 0 的代价
# 最佳直线在七名学生上留下 $C_T \approx 3.99 > 0$。由此可以得出什么？用带引号的字母作答。
#
# - **a** 直线是错误的模型：应当增加参数，直到 $C_T = 0$。
# - **b** 剩余的误差是数据中的噪声；我们想要的正是一条顺应趋势的直线。
# - **c** 最小化还没有收敛。
# - **d** 计算 $C_T$ 时本应去掉 ½。

# %%
### BEGIN SOLUTION
nonzero_cost = "b"
### END SOLUTION

# %%
check("05.nonzero_cost", nonzero_cost)

# %% [markdown]
# ## 8. One sigmoid neuron: logistic regression
#
# Regression predicted a number. Often the answer is yes or no: did a student pass the exam, given the
# hours she studied? Code the answers as targets $t_k \in \{0, 1\}$ and let one sigmoid neuron
# (chapter 01) give the *probability* of a yes:
#
# $$a_k = \sigma(w x_k + b), \qquad x_k = \text{hours}_k - 5 \ \text{(centred, as in section 6)} .$$
#
# Which cost? Follow the reasoning of "Why squares?": choose the $(w, b)$ that make the observed answers
# most probable. The neuron says yes with probability $a_k$ and no with $1 - a_k$, so the likelihood is
# $\prod_k a_k^{t_k}(1 - a_k)^{1 - t_k}$, and minus its logarithm is the cost
#
# $$L(w, b) = -\sum_k \bigl[t_k \ln a_k + (1 - t_k)\ln(1 - a_k)\bigr].$$
#
# The chain rule gives its gradient. $\partial L/\partial a_k = \frac{a_k - t_k}{a_k(1 - a_k)}$, and
# $\partial a_k/\partial z_k = \sigma'(z_k) = a_k(1 - a_k)$ cancels the denominator:
#
# $$\frac{\partial L}{\partial w} = \sum_k (a_k - t_k)\,x_k, \qquad \frac{\partial L}{\partial b} = \sum_k (a_k - t_k).$$
#
# This is **logistic regression (逻辑回归)**: a linear model $wx + b$ passed through the sigmoid. The data
# are made up (seeded): 40 students, who pass with a probability that rises with the hours.

# %% [markdown] lang="zh" twin="64871fb3"
# ## 8. 一个 Sigmoid 神经元：逻辑回归
#
# 回归预测的是一个数。但答案常常只是“是”或“否”：已知一名学生学习的小时数，她通过考试了吗？把答案编码为正解
# $t_k \in \{0, 1\}$，让一个 Sigmoid 神经元（第 01 章）给出回答“是”的*概率*：
#
# $$a_k = \sigma(w x_k + b), \qquad x_k = \text{hours}_k - 5 \ \text{(centred, as in section 6)} .$$
#
# （式中 hours 是学习的小时数；centred, as in section 6 意为“像第 6 节那样中心化”。）
#
# 用哪个代价？沿用“为什么用平方？”中的推理：选择使观测到的答案出现概率最大的 $(w, b)$。神经元以概率 $a_k$
# 回答“是”，以概率 $1 - a_k$ 回答“否”，因此似然为
# $\prod_k a_k^{t_k}(1 - a_k)^{1 - t_k}$，它的对数取相反数就是代价
#
# $$L(w, b) = -\sum_k \bigl[t_k \ln a_k + (1 - t_k)\ln(1 - a_k)\bigr].$$
#
# 由链式法则可得它的梯度。$\partial L/\partial a_k = \frac{a_k - t_k}{a_k(1 - a_k)}$，而
# $\partial a_k/\partial z_k = \sigma'(z_k) = a_k(1 - a_k)$ 恰好消去了分母：
#
# $$\frac{\partial L}{\partial w} = \sum_k (a_k - t_k)\,x_k, \qquad \frac{\partial L}{\partial b} = \sum_k (a_k - t_k).$$
#
# 这就是**逻辑回归**（logistic regression）：线性模型 $wx + b$ 再经过 Sigmoid
# 函数。数据是虚构的（固定了随机种子）：40 名学生，学习时间越长，通过的概率越高。

# %%
from dlmath.ops import activations as act
from dlmath import ops

hours = np.sort(rng.uniform(0, 10, size=40))
passed = (rng.uniform(size=40) < act.sigmoid(1.2 * (hours - 5.5))).astype(float)  # targets t_k, 0 or 1
x_h = hours - 5.0


def logistic_cost(wb):
    return float(ops.binary_cross_entropy(act.sigmoid(wb[0] * x_h + wb[1]), passed))


def logistic_gradient(wb):
    a_h = act.sigmoid(wb[0] * x_h + wb[1])
    return np.array([np.sum((a_h - passed) * x_h), np.sum(a_h - passed)])


print(f"{int(passed.sum())} of 40 passed")
for wb in ([0.0, 0.0], [1.0, -0.5]):
    print(f"(w, b) = {wb}: gradient by formula {np.round(logistic_gradient(np.array(wb)), 6)}"
          f"   by central differences {np.round(gradient(logistic_cost, wb), 6)}")

# %% [markdown]
# Gradient descent from $(0, 0)$, a neuron that says 50 % to everyone. The reference is scikit-learn's
# `LogisticRegression` without its penalty term (`C=np.inf`), which minimises the same $L$ by another
# method:

# %% [markdown] lang="zh" twin="9e75a259"
# 从 $(0, 0)$ 出发用梯度下降法训练，起点处的神经元对每个人都说 50 %。参照是 scikit-learn
# 中不带惩罚项（`C=np.inf`）的 `LogisticRegression`，它用另一种方法最小化同一个 $L$：

# %%
from sklearn.linear_model import LogisticRegression

neuron_run = gradient_descent(logistic_gradient, x0=[0.0, 0.0], eta=0.02, steps=3000, tol=1e-10, f=logistic_cost)
w_fit, b_fit = neuron_run.x
reference = LogisticRegression(C=np.inf, tol=1e-10, max_iter=1000).fit(x_h[:, None], passed)  # C = ∞: no penalty
print(neuron_run.message)
print(f"gradient descent: w = {w_fit:.4f}, b = {b_fit:.4f}, L = {neuron_run.values[-1]:.4f}")
print(f"scikit-learn:     w = {reference.coef_[0, 0]:.4f}, b = {reference.intercept_[0]:.4f}")
print(f"the neuron says 50 % at {5 - b_fit / w_fit:.2f} hours; it is right about {np.mean((w_fit * x_h + b_fit >= 0) == passed):.0%} of the students")

# %% tags=["nbval-ignore-output"]
hour_grid = np.linspace(0, 10, 200)
fig, ax = plt.subplots(figsize=(6, 3.2), layout="constrained")
ax.plot(hours, passed, "o", color="k", ms=4, alpha=0.6, label="students (1 = passed)")
ax.plot(hour_grid, act.sigmoid(w_fit * (hour_grid - 5) + b_fit), color="C0", lw=2, label="σ(w x + b)")
ax.axvline(5 - b_fit / w_fit, ls="--", color="0.5", lw=1)
ax.set(xlabel="hours studied", ylabel="probability of passing", title="one sigmoid neuron, trained")
ax.legend(loc="center right", fontsize=8);

# %% [markdown]
# Why not the squared error $\tfrac12\sum(a_k - t_k)^2$ here? It can be used (chapter 06 starts with it),
# but the targets are not a Gaussian cloud around $a_k$ — they are 0 or 1 — and its gradient keeps the
# factor $\sigma'(z_k) \le \tfrac14$: a neuron that is confidently *wrong* sits on a flat part of the
# sigmoid and hardly learns (the saturation of chapter 01). The cost $L$ has no such factor. A student who
# studied 10 hours and failed, seen by a neuron with $w = 3$:

# %% [markdown] lang="zh" twin="bf562d23"
# 这里为什么不用平方误差 $\tfrac12\sum(a_k - t_k)^2$？它可以用（第 06 章就从它开始），但正解并不是围绕 $a_k$
# 的一团高斯分布的点——它们只是 0 或 1——而且它的梯度保留了因子
# $\sigma'(z_k) \le \tfrac14$：一个自信地*错*了的神经元处在 Sigmoid 函数的平坦部分，几乎学不动（第 01
# 章的饱和）。代价 $L$ 没有这个因子。来看一名学习了 10 小时却没有通过的学生，由一个 $w = 3$ 的神经元来判断：

# %%
z_wrong = 3.0 * (10 - 5)  # w x with w = 3, b = 0: the neuron is sure she passed
a_wrong, t_wrong = float(act.sigmoid(z_wrong)), 0.0
print(f"a = {a_wrong:.7f}, t = 0:  ∂/∂z of ½(a − t)² = {(a_wrong - t_wrong) * a_wrong * (1 - a_wrong):.1e}"
      f"   ∂/∂z of L = {a_wrong - t_wrong:.3f}")

# %% [markdown]
# Chapter 06 builds a network of such neurons. Chapters 06 and 07 call $L$ the **cross entropy** and use it
# for classifiers: the same recipe as this section, with more neurons.

# %% [markdown] lang="zh" twin="d17c5482"
# 第 06 章用这样的神经元搭建网络。第 06 章和第 07 章把 $L$ 称为**交叉熵**（cross entropy），并把它用于分类器：与本节的方法相同，只是神经元更多。

# %% [markdown]
# ## Summary
# - Fitting a model is optimisation: choose the parameters that make a cost smallest. Regression
#   explains one variable by others; here weight by height with the line $y = px + q$.
# - Residual $r_k = y_k - (px_k + q)$, squared error $\tfrac12 r_k^2$, cost $C_T = \tfrac12\sum r_k^2$.
#   The ½ (or a mean) changes the value of $C_T$, never the best $(p, q)$.
# - $\partial C_T/\partial p = -\sum x_k r_k = 0$ and $\partial C_T/\partial q = -\sum r_k = 0$ are the normal
#   equations; sympy, `reg.normal_equations` and `numpy.linalg.lstsq` give the same line.
# - Gradient descent reaches it too, for $\eta < 2/\lambda_{\max}$ of the second-derivative matrix, and fast
#   only when the inputs are centred (here: heights measured from their mean).
# - As many parameters as data points fit exactly ($C_T = 0$) and follow the noise; on noisy data a good
#   model leaves a small $C_T > 0$ (on noise-free data the right model reaches 0).
# - Squares, not absolute values: smooth, linear normal equations, and the maximum-likelihood fit under
#   Gaussian noise. For yes/no data the same reasoning gives one sigmoid neuron with the cost
#   $-\sum[t\ln a + (1-t)\ln(1-a)]$: logistic regression, trained by gradient descent.
#
# **Next:** [06 · The network as an optimisation problem](06_network_as_optimization.ipynb)
# — the same recipe with 47 parameters instead of 2: the 12-3-2 network of sigmoid neurons, its squared
# error, its cost $C_T$, and the cross entropy: the cost $L$ of section 8 above.

# %% [markdown] lang="zh" twin="22466dc4"
# ## 小结
# - 拟合模型就是最优化：选择使代价最小的参数。回归用其他变量解释某一个变量；这里是用直线
#   $y = px + q$，由身高解释体重。
# - 残差 $r_k = y_k - (px_k + q)$，平方误差 $\tfrac12 r_k^2$，代价
#   $C_T = \tfrac12\sum r_k^2$。½（或取平均）会改变 $C_T$ 的值，但从不改变最佳的 $(p, q)$。
# - $\partial C_T/\partial p = -\sum x_k r_k = 0$ 和 $\partial C_T/\partial q = -\sum r_k = 0$
#   就是正规方程；sympy、`reg.normal_equations` 和 `numpy.linalg.lstsq` 给出同一条直线。
# - 梯度下降法也能到达这条直线，条件是
#   $\eta < 2/\lambda_{\max}$（以二阶导数矩阵的最大特征值计）；而且只有在输入中心化时（这里：身高从平均值量起）才快。
# - 参数个数与数据点个数相同时，模型能精确拟合（$C_T = 0$），但会追随噪声；对含噪声的数据，好模型会留下一个小的
#   $C_T > 0$（对无噪声的数据，正确的模型能达到 0）。
# - 用平方而不用绝对值：光滑，正规方程是线性的，而且在高斯噪声下它就是最大似然拟合。对是/否数据，同样的推理给出一个
#   Sigmoid 神经元，其代价为 $-\sum[t\ln a + (1-t)\ln(1-a)]$：这就是逻辑回归，用梯度下降法训练。
#
# **下一章**：[06 · 把神经网络看作最优化问题](06_network_as_optimization.ipynb)——同样的方法，参数从 2 个变成 47
# 个：由 Sigmoid 神经元组成的 12-3-2 网络、它的平方误差、它的代价 $C_T$，以及交叉熵——也就是上面第 8 节的代价
# $L$。
