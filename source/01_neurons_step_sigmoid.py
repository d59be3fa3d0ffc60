# The one source of chapter 01: `python tools/build_notebooks.py 01` builds
# chapters/01_neurons_step_sigmoid.ipynb and solutions/01_neurons_step_sigmoid.ipynb.

# %% [markdown]
# # 01 · Neurons: step, sigmoid and friends
#
# **Goals.** After this chapter you can
# - compute a neuron's **weighted input** $z = w_1x_1 + \dots + w_nx_n + b$ and explain why the bias is
#   $b = -\theta$;
# - write the unit step, sigmoid, tanh, ReLU and softsign functions in numpy, stable at extreme inputs;
# - derive $\sigma'(z) = \sigma(z)\,(1-\sigma(z))$ with sympy and check it numerically;
# - explain **saturation**, why a deep stack of sigmoids with small weights shrinks gradients, and
#   when it does not;
# - count the parameters of a fully connected network, and set the weights of AND, OR and NAND by hand
#   (and see why XOR needs a hidden layer).
#
# **You need** chapter 00 (running cells and self-checks) and a little numpy: arrays, `np.dot`, `np.exp`.

# %% [markdown] lang="zh" twin="6211b0e1"
# # 01 · 神经元：阶跃函数、Sigmoid 函数及其他
#
# **目标**。学完本章，你能够：
# - 计算神经元的**加权输入** $z = w_1x_1 + \dots + w_nx_n + b$，并说明为什么偏置是 $b = -\theta$；
# - 用 numpy 写出单位阶跃函数、Sigmoid 函数、tanh、ReLU 和 softsign，并且在极端输入下保持数值稳定；
# - 用 sympy 推导 $\sigma'(z) = \sigma(z)\,(1-\sigma(z))$，并用数值加以验证；
# - 解释**饱和**，说明为什么权重较小时，深层的 Sigmoid 堆叠会使梯度缩小，以及什么时候不会；
# - 数出全连接网络的参数个数，亲手设定 AND、OR 和 NAND 的权重（并看清为什么 XOR 需要一个隐藏层）。
#
# **前置知识**：第 00 章（运行单元格和自检）以及一点 numpy：数组、`np.dot`、`np.exp`。

# %%
import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from dlmath.ops import activations as act
from dlmath import check
from dlmath.explorers.neuron import break_jumps  # leaves a gap at a jump instead of a vertical line

rng = np.random.default_rng(0)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. A neuron and its threshold
#
# A biological **neuron (神经元)** receives signals from other neurons. Each signal arrives with a
# strength, its **weight (权重)**; when the weighted sum of the signals passes a **threshold (阈值)**
# $\theta$, the neuron fires. With inputs $x_1, \dots, x_n$ and weights $w_1, \dots, w_n$:
#
# $$\text{fires} \iff w_1x_1 + w_2x_2 + \dots + w_nx_n \ge \theta .$$
#
# Move $\theta$ to the left side and give $-\theta$ a name of its own, the **bias (偏置)** $b = -\theta$.
# The condition becomes "$z \ge 0$" for the **weighted input (加权输入)**
#
# $$z = w_1x_1 + w_2x_2 + \dots + w_nx_n + b = \mathbf{w}\cdot\mathbf{x} + b .$$
#
# Nothing changed but the bookkeeping: every neuron now compares with 0, and the bias is a parameter like
# any weight, which is what lets the later chapters learn it the same way.

# %% [markdown] lang="zh" twin="0bf4075d"
# ## 1. 神经元与阈值
#
# 生物的**神经元**（neuron）接收来自其他神经元的信号。每个信号都带着一个强度到达，这个强度就是它的**权重**（weight）；当信号的加权和达到**阈值**（threshold）$\theta$
# 时，神经元就点火。设输入为 $x_1, \dots, x_n$，权重为 $w_1, \dots, w_n$：
#
# $$\text{fires} \iff w_1x_1 + w_2x_2 + \dots + w_nx_n \ge \theta .$$
#
# 把 $\theta$ 移到左边，并给 $-\theta$ 单独起个名字：**偏置**（bias）$b = -\theta$。于是条件变成“$z \ge 0$”，其中的**加权输入**（weighted input）为
#
# $$z = w_1x_1 + w_2x_2 + \dots + w_nx_n + b = \mathbf{w}\cdot\mathbf{x} + b .$$
#
# 变的只是记法：现在每个神经元都与 0 比较，而偏置成了和权重一样的参数——正因为如此，后面各章才能用同样的方法学习它。

# %%
w = np.array([2.0, -1.0, 0.5])
x = np.array([1.0, 3.0, 5.0])
theta = 2.0
b = -theta
print("weights w =", w, " inputs x =", x, " threshold θ =", theta, " so bias b =", b)

# %% [markdown]
# ### Exercise 1 — the weighted input
# Compute $z = \mathbf{w}\cdot\mathbf{x} + b$ for the neuron above (use `np.dot(w, x)` or a sum of products).

# %% [markdown] lang="zh" twin="8faf7273"
# ### 练习 1 — 加权输入
# 计算上面这个神经元的 $z = \mathbf{w}\cdot\mathbf{x} + b$（用 `np.dot(w, x)`，或者把各乘积相加）。

# %%
### BEGIN SOLUTION
z = np.dot(w, x) + b
### END SOLUTION

# %%
check("01.weighted_input", z)

# %% [markdown]
# ## 2. The unit step function
#
# "Fires or not" is a function of $z$: the **unit step function (单位阶跃函数)**, also called the
# Heaviside step function,
#
# $$u(z) = \begin{cases} 0 & z < 0 \\ 1 & z \ge 0 \end{cases}$$
#
# (at $z = 0$ books differ; we follow *The Mathematics of Deep Learning* and take $u(0) = 1$). In numpy,
# `np.where(z >= 0, 1.0, 0.0)` applies it to a whole array at once.

# %% [markdown] lang="zh" twin="b47dcdc3"
# ## 2. 单位阶跃函数
#
# “点火与否”是 $z$ 的函数，即**单位阶跃函数**（unit step function），也称赫维赛德（Heaviside）阶跃函数：
#
# $$u(z) = \begin{cases} 0 & z < 0 \\ 1 & z \ge 0 \end{cases}$$
#
# （$z = 0$ 处的取值各书不同；我们遵循《深度学习的数学》，取 $u(0) = 1$。）在 numpy 中，
# `np.where(z >= 0, 1.0, 0.0)` 可以一次把它作用于整个数组。

# %% tags=["nbval-ignore-output"]
zs = np.linspace(-4, 4, 401)
fig, ax = plt.subplots(figsize=(5, 2.6))
ax.plot(zs, break_jumps(np.where(zs >= 0, 1.0, 0.0)), lw=2, color="C0")
ax.plot([0], [1], "o", color="C0", ms=7)               # filled: u(0) = 1 is the value at 0
ax.plot([0], [0], "o", mfc="white", mec="C0", ms=7)    # open: 0 is approached but not taken
ax.set(xlabel="weighted input z", ylabel="u(z)", title="unit step: fires when z ≥ 0 (u(0) = 1)");

# %% [markdown]
# ### Exercise 2 — does it fire?
# Is the output of the neuron from Exercise 1 equal to 1? Answer `True` or `False`.

# %% [markdown] lang="zh" twin="51d11b8c"
# ### 练习 2 — 它点火吗？
# 练习 1 中神经元的输出等于 1 吗？回答 `True` 或 `False`。

# %%
### BEGIN SOLUTION
fires = bool(np.dot(w, x) + b >= 0)
### END SOLUTION

# %%
check("01.fires", fires)

# %% [markdown]
# The step function has a flaw for learning. Its slope is 0 everywhere except at $z = 0$, where it jumps.
# A small change of a weight therefore changes the output either not at all or all at once, and the
# method every later chapter uses, following the slope downhill, has nothing to follow.
# We need an output that changes *smoothly* with $z$.

# %% [markdown] lang="zh" twin="f1c5f0c8"
# 阶跃函数用于学习时有一个缺陷：它的斜率除了在 $z = 0$ 处（函数在这里跳跃）以外处处为 0。因此，稍微改变一个权重，输出要么完全不变，要么一下子整个跳变；而后面每一章都要用的方法——沿着斜率往下走——在这里无迹可循。我们需要一个随
# $z$ *平滑*变化的输出。

# %% [markdown]
# ## 3. The sigmoid function
#
# An **activation function (激活函数)** $a(z)$ generalises the step: the neuron outputs $a(z)$, any
# number, not only 0 or 1. The classic choice is the **sigmoid function (Sigmoid 函数)**, also called the
# logistic function:
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}} .$$
#
# It is smooth, strictly increasing, takes values in $(0, 1)$, and $\sigma(0) = \tfrac12$: a "soft" step.
#
# > **⚠️ Careful — the formula as written overflows.** For $z = -1000$, `np.exp(-z)` is $e^{1000}$, far
# > beyond the largest float ($\approx 1.8\times10^{308}$): numpy returns `inf` with an overflow warning.
# > The answer $1/(1+\infty) = 0$ happens to be right, but a warning in a training loop hides real
# > problems, and the same trick fails elsewhere (e.g. $\infty/\infty$ = nan). The cell below shows it.

# %% [markdown] lang="zh" twin="4ba2ccd1"
# ## 3. Sigmoid 函数
#
# **激活函数**（activation function）$a(z)$ 是阶跃函数的推广：神经元输出 $a(z)$，它可以是任意的数，而不只是 0 或 1。经典的选择是
# **Sigmoid 函数**（sigmoid function），也称 logistic 函数：
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}} .$$
#
# 它光滑、严格递增，取值在 $(0, 1)$ 之间，并且 $\sigma(0) = \tfrac12$：这是一个“柔和”的阶跃。
#
# > **⚠️ 注意 — 照原样写的公式会溢出**。当 $z = -1000$ 时，`np.exp(-z)` 就是 $e^{1000}$，远远超过最大的浮点数（$\approx 1.8\times10^{308}$）：numpy
# > 返回 `inf`，并给出溢出警告。结果 $1/(1+\infty) = 0$ 碰巧是对的，但训练循环中的警告会掩盖真正的问题，而且同样的侥幸换个地方就会失灵（例如
# > $\infty/\infty$ = nan）。下面的单元格演示了这一点。

# %%
with np.errstate(over="raise"):
    try:
        1 / (1 + np.exp(-np.array([-1000.0])))
    except FloatingPointError as err:
        print("naive formula at z = -1000:", err)
print("stable dlmath.activations.sigmoid at z = -1000, 0, 1000:", act.sigmoid([-1000.0, 0.0, 1000.0]))

# %% [markdown]
# The cure: only ever exponentiate a non-positive number. With $e = e^{-|z|} \in (0, 1]$,
#
# $$\sigma(z) = \frac{1}{1 + e} \ \text{ for } z \ge 0, \qquad
#   \sigma(z) = \frac{e^{z}}{1 + e^{z}} = \frac{e}{1 + e} \ \text{ for } z < 0 .$$
#
# ### Exercise 3 — a stable sigmoid
# Write `sigmoid(z)` for a number or a numpy array `z`, with no overflow warning even at $z = \pm 10^4$.
# Hint: `np.exp(-np.abs(z))` and `np.where(condition, value_if_true, value_if_false)`.

# %% [markdown] lang="zh" twin="609fe49e"
# 解决办法：只对非正数取指数。令 $e = e^{-|z|} \in (0, 1]$，
#
# $$\sigma(z) = \frac{1}{1 + e} \ \text{ for } z \ge 0, \qquad
#   \sigma(z) = \frac{e^{z}}{1 + e^{z}} = \frac{e}{1 + e} \ \text{ for } z < 0 .$$
#
# ### 练习 3 — 数值稳定的 Sigmoid 函数
# 编写 `sigmoid(z)`，`z` 可以是一个数，也可以是 numpy 数组，并且即使在 $z = \pm 10^4$
# 处也不出现溢出警告。提示：`np.exp(-np.abs(z))` 和 `np.where(condition, value_if_true, value_if_false)`。

# %%
def sigmoid(z):
    ### BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    ### END SOLUTION


# %%
check("01.sigmoid", sigmoid)

# %% [markdown]
# From here on the course uses the library's version, `act.sigmoid`, which is built the same way.
#
# ## 4. The derivative of the sigmoid, by sympy
#
# Learning will need the slope $\sigma'(z)$. The derivative $f'(z)$ is the slope of the
# tangent to the graph of $f$ at $z$, the limit of $\frac{f(z+h)-f(z)}{h}$ as $h \to 0$; chapter 03
# treats it properly, and here we only need a machine that applies the rules of differentiation.
# That is `sp.diff(expression, symbol)` in sympy: define a symbol, build the expression, call `sp.diff`.

# %% [markdown] lang="zh" twin="71327d30"
# 从现在起，课程使用库中的版本 `act.sigmoid`，它的构造方法与此相同。
#
# ## 4. 用 sympy 求 Sigmoid 函数的导数
#
# 学习需要用到斜率 $\sigma'(z)$。导数 $f'(z)$ 是 $f$ 的图像在 $z$ 处切线的斜率，即 $h \to 0$ 时
# $\frac{f(z+h)-f(z)}{h}$ 的极限；第 03 章会正式讲解导数，这里我们只需要一台会运用求导法则的机器。这就是 sympy
# 中的 `sp.diff(expression, symbol)`：定义一个符号，构造表达式，再调用 `sp.diff`。

# %%
z = sp.symbols("z")
sigma = 1 / (1 + sp.exp(-z))
sp.diff(sigma, z)

# %% [markdown]
# sympy gives $\dfrac{e^{-z}}{(1+e^{-z})^2}$. Rewrite it:
#
# $$\frac{e^{-z}}{(1+e^{-z})^2} = \frac{1}{1+e^{-z}}\cdot\frac{e^{-z}}{1+e^{-z}}
#   = \sigma(z)\Bigl(1 - \frac{1}{1+e^{-z}}\Bigr) = \sigma(z)\,\bigl(1-\sigma(z)\bigr).$$
#
# The slope of the sigmoid is computed from the sigmoid itself, which backpropagation (chapter 07) will
# use a lot.
#
# ### Exercise 4 — the derivative as a sympy expression
# Give $\sigma'(z)$ as a sympy expression in the symbol `z` (any equivalent form is accepted: sympy's
# result, $\sigma(1-\sigma)$ written out, …).

# %% [markdown] lang="zh" twin="12cf5d9f"
# sympy 给出 $\dfrac{e^{-z}}{(1+e^{-z})^2}$。把它改写一下：
#
# $$\frac{e^{-z}}{(1+e^{-z})^2} = \frac{1}{1+e^{-z}}\cdot\frac{e^{-z}}{1+e^{-z}}
#   = \sigma(z)\Bigl(1 - \frac{1}{1+e^{-z}}\Bigr) = \sigma(z)\,\bigl(1-\sigma(z)\bigr).$$
#
# Sigmoid 函数的斜率可以由 Sigmoid 函数本身算出，误差反向传播法（第 07 章）会大量用到这一点。
#
# ### 练习 4 — 用 sympy 表达式表示导数
# 用符号 `z` 的 sympy 表达式给出 $\sigma'(z)$（任何等价形式都可以：sympy 的结果、完整写出的
# $\sigma(1-\sigma)$……）。

# %%
### BEGIN SOLUTION
dsigma = sp.diff(sigma, z)
### END SOLUTION

# %%
check("01.sigmoid_derivative", dsigma)

# %% [markdown]
# A formula is only trusted here once it agrees with a number. The **central difference**
# $\frac{\sigma(z+h) - \sigma(z-h)}{2h}$ approximates the slope with an error of order $h^2$:

# %% [markdown] lang="zh" twin="aef36485"
# 在这里，一个公式要与数值吻合才算可信。**中心差分**（central difference）
# $\frac{\sigma(z+h) - \sigma(z-h)}{2h}$ 近似给出斜率，误差是 $h^2$ 量级的：

# %%
h = 1e-5
for z0 in [-3.0, 0.0, 2.0]:
    numeric = (act.sigmoid(z0 + h) - act.sigmoid(z0 - h)) / (2 * h)
    print(f"z = {z0:5.1f}   central difference {float(numeric):.8f}   σ(1-σ) {float(act.sigmoid_derivative(z0)):.8f}")

# %% [markdown]
# ## 5. More activation functions: tanh, ReLU, softsign
#
# | name | $a(z)$ | $a'(z)$ | values |
# |---|---|---|---|
# | sigmoid | $\dfrac{1}{1+e^{-z}}$ | $\sigma(1-\sigma)$ | $(0, 1)$ |
# | tanh (双曲正切) | $\dfrac{e^{z}-e^{-z}}{e^{z}+e^{-z}}$ | $1-\tanh^2 z$ | $(-1, 1)$ |
# | ReLU (线性整流函数) | $\max(0, z)$ | $0$ for $z<0$, $1$ for $z>0$ | $[0, \infty)$ |
# | softsign | $\dfrac{z}{1+\lvert z\rvert}$ | $\dfrac{1}{(1+\lvert z\rvert)^2}$ | $(-1, 1)$ |
#
# tanh is a sigmoid stretched to $(-1, 1)$: $\tanh z = 2\sigma(2z) - 1$, centred on 0. softsign has the
# same S shape, but its tails approach $\pm1$ like $1/|z|$ instead of exponentially. ReLU (rectified
# linear unit) is the default in modern networks: cheap, and its slope is 1 for every positive input.
# (ReLU has a corner at 0 and no slope there: its derivative jumps from 0 to 1, so the figure leaves a gap
# at $z = 0$ instead of drawing a vertical line. The library uses slope 0 at the corner.)

# %% [markdown] lang="zh" twin="1e1150be"
# ## 5. 更多激活函数：tanh、ReLU、softsign
#
# | 名称 | $a(z)$ | $a'(z)$ | 取值范围 |
# |---|---|---|---|
# | Sigmoid | $\dfrac{1}{1+e^{-z}}$ | $\sigma(1-\sigma)$ | $(0, 1)$ |
# | tanh（双曲正切） | $\dfrac{e^{z}-e^{-z}}{e^{z}+e^{-z}}$ | $1-\tanh^2 z$ | $(-1, 1)$ |
# | ReLU（线性整流函数） | $\max(0, z)$ | $z<0$ 时为 $0$，$z>0$ 时为 $1$ | $[0, \infty)$ |
# | softsign | $\dfrac{z}{1+\lvert z\rvert}$ | $\dfrac{1}{(1+\lvert z\rvert)^2}$ | $(-1, 1)$ |
#
# tanh 是伸展到 $(-1, 1)$ 上的 Sigmoid 函数：$\tanh z = 2\sigma(2z) - 1$，以 0 为中心。softsign 也是 S
# 形，但它的两端像 $1/|z|$ 那样趋近 $\pm1$，而不是指数式地趋近。ReLU（rectified linear
# unit，线性整流单元）是现代网络的默认选择：计算代价小，而且对每个正输入斜率都是 1。（ReLU 在 0
# 处有一个尖角，那里没有斜率：它的导数从 0 跳到 1，所以图中在 $z = 0$ 处留出空隙，而不画竖线。库在尖角处取斜率
# 0。）

# %% tags=["nbval-ignore-output"]
fig, (ax_a, ax_d) = plt.subplots(1, 2, figsize=(9.5, 3.2), layout="constrained")
for name, (f, df) in act.ACTIVATIONS.items():
    ax_a.plot(zs, break_jumps(f(zs)), label=name)  # a gap at a jump (step, ReLU'), no vertical line
    ax_d.plot(zs, break_jumps(df(zs)), label=name)
ax_a.set(title="activation a(z)", xlabel="z", ylim=(-1.3, 2.3))
ax_d.set(title="derivative a'(z)", xlabel="z", ylim=(-0.1, 1.2))
ax_a.legend(fontsize=8);

# %% [markdown]
# ### Exercise 5 — ReLU
# Write `relu(z)` for a number or a numpy array. Hint: `np.maximum` compares element by element; a
# Python `if` cannot look at a whole array at once. Return a new array and leave `z` as it was (no
# `z[z < 0] = 0`): the caller may still need `z`.

# %% [markdown] lang="zh" twin="d0190278"
# ### 练习 5 — ReLU
# 编写 `relu(z)`，参数可以是一个数，也可以是 numpy 数组。提示：`np.maximum` 逐元素比较；Python 的 `if`
# 无法一次看完整个数组。返回一个新数组，保持 `z` 不变（不要写 `z[z < 0] = 0`）：调用者可能还要用 `z`。

# %%
def relu(z):
    ### BEGIN SOLUTION
    return np.maximum(z, 0.0)
    ### END SOLUTION


# %%
check("01.relu", relu)

# %% [markdown]
# ## 6. Saturation
#
# For large $|z|$ the sigmoid is almost flat. This is **saturation (饱和)**: its slope $\sigma(1-\sigma)$ is a
# product of two numbers that add up to 1, so it is largest when both are $\tfrac12$:
# $\sigma'(z) \le \tfrac14$, with equality only at $z = 0$.

# %% [markdown] lang="zh" twin="4b0837d8"
# ## 6. 饱和
#
# 当 $|z|$ 很大时，Sigmoid 函数几乎是平的。这就是**饱和**（saturation）：它的斜率 $\sigma(1-\sigma)$
# 是两个和为 1 的数的乘积，所以两者都等于 $\tfrac12$ 时乘积最大：$\sigma'(z) \le \tfrac14$，仅在 $z = 0$
# 处取等号。

# %%
for z0 in [0.0, 2.0, 5.0, 10.0]:
    print(f"z = {z0:4.1f}   σ(z) = {float(act.sigmoid(z0)):.5f}   σ'(z) = {float(act.sigmoid_derivative(z0)):.2e}")

# %% [markdown]
# ### Exercise 6 — the steepest slope of the sigmoid
# What is the largest value of $\sigma'(z)$ over all $z$? Give a number to three significant digits (the
# check accepts anything within 0.1 % of the answer, so the maximum over a fine grid of $z$ counts too).

# %% [markdown] lang="zh" twin="fea32cd1"
# ### 练习 6 — Sigmoid 函数的最大斜率
# 在所有 $z$ 上，$\sigma'(z)$ 的最大值是多少？给出一个保留三位有效数字的数（检查接受与答案相差 0.1 %
# 以内的任何值，所以在很密的 $z$ 网格上求出的最大值也算对）。

# %%
### BEGIN SOLUTION
max_slope = 0.25
### END SOLUTION

# %%
check("01.max_sigmoid_slope", max_slope)

# %% [markdown]
# > **⚠️ Careful — a deep stack of sigmoids shrinks gradients *when its weights are small*.** The
# > *chain rule*, which chapter 03 derives, says that the slope of a function of a function,
# > $f(g(z))$, is the product of the slopes, $f'(g(z))\,g'(z)$. A layer $a \mapsto \sigma(wa + b)$ has
# > slope $w\,\sigma'(wa+b)$, so the slope of a stack of ten is a *product* of ten factors
# > $w_l\,\sigma'(z_l)$. With weights $|w_l| \le 1$ each factor is at most $\tfrac14$, and ten layers
# > give at most $(1/4)^{10} \approx 10^{-6}$, however well you choose the inputs. The cell computes the
# > real product for a stack of sigmoids with weight 1 and bias 0, starting at the best input $z = 0$.

# %% [markdown] lang="zh" twin="3053c44c"
# > **⚠️ 注意 — 层层堆叠的 Sigmoid *在权重较小时*会使梯度缩小**。第 03 章将推导的*链式法则*告诉我们，复合函数
# > $f(g(z))$ 的斜率是各个斜率的乘积 $f'(g(z))\,g'(z)$。一层 $a \mapsto \sigma(wa + b)$ 的斜率是
# > $w\,\sigma'(wa+b)$，所以十层堆叠的斜率是十个因子 $w_l\,\sigma'(z_l)$ 的*乘积*。当权重 $|w_l| \le 1$
# > 时，每个因子至多为 $\tfrac14$，十层的乘积至多为 $(1/4)^{10} \approx 10^{-6}$，无论输入选得多好都是如此。下面的单元格对权重为 1、偏置为 0 的 Sigmoid
# > 堆叠计算实际的乘积，从最佳输入 $z = 0$ 开始。

# %%
a, slope = 0.0, 1.0
for layer in range(1, 11):
    slope *= float(act.sigmoid_derivative(a))  # chain rule: multiply the local slope
    a = float(act.sigmoid(a))
    if layer in (1, 2, 5, 10):
        print(f"{layer:2d} layers: slope of the stack {slope:.2e}   bound (1/4)^{layer} = {0.25 ** layer:.2e}")

# %% [markdown]
# The bound needs $|w| \le 1$. A factor $w\,\sigma'(z)$ can be as large as $|w|/4$, so with $|w| > 4$ the
# product can *grow*. Take weight $w = 6$ in every layer and choose each bias so that the layer sits at
# its steepest point, $z = 0$ (bias $b_l = -6\,a_{l-1}$): every factor is $6 \cdot \tfrac14 = 1.5$.

# %% [markdown] lang="zh" twin="4d1db659"
# 这个上界要求 $|w| \le 1$。因子 $w\,\sigma'(z)$ 最大可达 $|w|/4$，所以当 $|w| > 4$
# 时，乘积可能*变大*。在每一层都取权重 $w = 6$，并选择各层的偏置，使这一层正好位于它最陡的点 $z = 0$（偏置
# $b_l = -6\,a_{l-1}$）：于是每个因子都是 $6 \cdot \tfrac14 = 1.5$。

# %%
w_big, a, slope = 6.0, 0.0, 1.0
for layer in range(1, 11):
    b_l = -w_big * a  # the bias that puts this layer at z = 0, its steepest point
    z_l = w_big * a + b_l
    slope *= w_big * float(act.sigmoid_derivative(z_l))  # chain rule: the factor w·σ'(z)
    a = float(act.sigmoid(z_l))
    if layer in (1, 2, 5, 10):
        print(f"{layer:2d} layers with w = 6: slope of the stack {slope:.2f}   (6/4)^{layer} = {1.5 ** layer:.2f}")

# %% [markdown]
# Large weights trade one problem for another: the product explodes instead (the **exploding gradient
# (梯度爆炸)**), and a large $w$ pushes most inputs far from $z = 0$, where $\sigma'$ is tiny again.

# %% [markdown] lang="zh" twin="d6f8c5f9"
# 大权重只是把一个问题换成了另一个问题：乘积反而会爆炸，这就是**梯度爆炸**（exploding gradient）；而且大的 $w$
# 会把大多数输入推到远离 $z = 0$ 的地方，在那里 $\sigma'$ 又变得极小。

# %% [markdown]
# With weights of size at most 1 this is the **vanishing gradient (梯度消失)** problem: the first layers of a deep sigmoid network learn
# almost nothing. tanh's slope reaches 1 at $z = 0$, and ReLU's slope is exactly 1 for every positive
# input, which is one reason ReLU took over.
#
# ### Exercise 7 — ten layers
# Give the upper bound for the product of ten sigmoid slopes, as a number. Its size matters, not its last
# digit: the check accepts anything within 5 % of the exact value, so the rounded $10^{-6}$ counts.

# %% [markdown] lang="zh" twin="4b5671e6"
# 在权重大小至多为 1 时，这就是**梯度消失**（vanishing gradient）问题：深层 Sigmoid
# 网络的前几层几乎学不到东西。tanh 的斜率在 $z = 0$ 处达到 1，ReLU 对每个正输入的斜率恰好为 1，这正是 ReLU
# 后来居上的原因之一。
#
# ### 练习 7 — 十层
# 以数的形式给出十个 Sigmoid 斜率之积的上界。重要的是它的量级，而不是最后一位数字：检查接受与精确值相差 5 %
# 以内的任何值，所以取整后的 $10^{-6}$ 也算对。

# %%
### BEGIN SOLUTION
ten_layer_bound = (1 / 4) ** 10
### END SOLUTION

# %%
check("01.ten_layer_factor", ten_layer_bound)

# %% [markdown]
# ### Exercise 8 — which one does not saturate?
# For large positive $z$, which activation keeps a slope that does not go to 0?
# **a** sigmoid · **b** tanh · **c** ReLU · **d** softsign. Answer with the letter in quotes.

# %% [markdown] lang="zh" twin="f94369c7"
# ### 练习 8 — 哪一个不饱和？
# 对于很大的正数 $z$，哪个激活函数的斜率不趋于 0？
# **a** sigmoid · **b** tanh · **c** ReLU · **d** softsign。用带引号的字母作答。

# %%
### BEGIN SOLUTION
no_saturation = "c"
### END SOLUTION

# %%
check("01.no_saturation", no_saturation)

# %% [markdown]
# ## 7. One neuron, moved by hand
#
# A neuron with a single input $x$ outputs $a(wx + b)$. Move the sliders and watch:
# - the **bias** $b$ shifts the curve sideways: the neuron switches at $x = -b/w = \theta/w$ (dashed line);
# - the **weight** $w$ sets how sharply it switches (a large $|w|$ makes a sigmoid look like a step) and,
#   when negative, flips the curve;
# - the right panel is the slope $\frac{da}{dx} = a'(z)\,w$ — see how it vanishes where the curve is flat.
#
# Pick other activations from the menu. The figure uses `dlmath.explorers.neuron.neuron_curves`, a pure function,
# and only moves the existing lines (`set_data`), so it follows the slider without flicker.

# %% [markdown] lang="zh" twin="7c2eec9f"
# ## 7. 亲手调节一个神经元
#
# 只有一个输入 $x$ 的神经元输出 $a(wx + b)$。拖动滑块，观察：
# - **偏置** $b$ 使曲线左右平移：神经元在 $x = -b/w = \theta/w$ 处切换（虚线）；
# - **权重** $w$ 决定切换的陡峭程度（$|w|$ 很大时，Sigmoid
#   函数看起来就像阶跃函数），取负值时还会把曲线翻转过来；
# - 右侧面板是斜率 $\frac{da}{dx} = a'(z)\,w$ ——看看它在曲线平坦的地方如何消失。
#
# 从菜单中选择其他激活函数。图形使用纯函数
# `dlmath.explorers.neuron.neuron_curves`，并且只移动已有的线条（`set_data`），所以能无闪烁地跟随滑块。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.neuron import neuron_explorer

neuron_explorer()

# %% [markdown]
# ## 8. Layers and full connection
#
# Neurons are wired into a **neural network (神经网络)** in **layers (层)**: the **input layer (输入层)**
# only passes the data on, the **hidden layers (隐藏层)** compute features, and the **output layer
# (输出层)** gives the answer. In a **fully connected (全连接)** layer each neuron receives every output
# of the layer before. A layer of $m$ neurons on $n$ inputs is then one matrix product:
# $\mathbf{z} = W\mathbf{x} + \mathbf{b}$ with $W$ of shape $(m, n)$, row $j$ holding the weights of
# neuron $j$; then $\mathbf{a} = \sigma(\mathbf{z})$ element by element.
#
# Chapter 06 builds a network that tells a handwritten "0" from a "1" in a 4×3-pixel image: 12 inputs,
# 3 hidden neurons, 2 outputs. Here is its forward pass with random (seeded) weights:

# %% [markdown] lang="zh" twin="5394341d"
# ## 8. 层与全连接
#
# 神经元按**层**（layers）连接成**神经网络**（neural network）：**输入层**（input layer）只负责传递数据，**隐藏层**（hidden layers）计算特征，**输出层**（output layer）给出答案。在**全连接**（fully connected）层中，每个神经元都接收前一层的全部输出。于是，由
# $m$ 个神经元、$n$ 个输入构成的一层就是一次矩阵乘积：
# $\mathbf{z} = W\mathbf{x} + \mathbf{b}$，其中 $W$ 的形状为 $(m, n)$，第 $j$ 行存放神经元 $j$
# 的权重；然后逐元素地计算 $\mathbf{a} = \sigma(\mathbf{z})$。
#
# 第 06 章将构建一个网络，区分 4×3 像素图像中手写的“0”和“1”：12 个输入、3 个隐藏神经元、2
# 个输出。下面是它在随机（带种子的）权重下的正向传播：

# %%
image = rng.integers(0, 2, size=12).astype(float)  # 12 pixels, each 0 or 1
W2, b2 = rng.normal(size=(3, 12)), rng.normal(size=3)  # hidden layer: 3 neurons, 12 inputs each
W3, b3 = rng.normal(size=(2, 3)), rng.normal(size=2)   # output layer: 2 neurons, 3 inputs each
hidden = act.sigmoid(W2 @ image + b2)
output = act.sigmoid(W3 @ hidden + b3)
print("hidden layer:", np.round(hidden, 3), "  output layer:", np.round(output, 3))

# %% [markdown]
# ### Exercise 9 — how many parameters?
# How many numbers does this 12-3-2 network learn (all weights and all biases)?

# %% [markdown] lang="zh" twin="8a61b215"
# ### 练习 9 — 有多少个参数？
# 这个 12-3-2 网络要学习多少个数（全部权重和全部偏置）？

# %%
### BEGIN SOLUTION
n_parameters = W2.size + b2.size + W3.size + b3.size
### END SOLUTION

# %%
check("01.parameter_count", n_parameters)

# %% [markdown]
# ## 9. Logic gates by hand, and why layers
#
# One step neuron with two inputs $x_1, x_2 \in \{0, 1\}$ fires when $w_1x_1 + w_2x_2 + b \ge 0$: on one
# side of the line $w_1x_1 + w_2x_2 + b = 0$ in the plane. That is enough for three logic gates, with
# weights set by hand, no learning:
#
# | gate | fires when | $w_1$ | $w_2$ | $b$ |
# |---|---|---|---|---|
# | AND | both inputs are 1 | 1 | 1 | −1.5 |
# | OR | at least one is 1 | 1 | 1 | −0.5 |
# | NAND | not both are 1 | −1 | −1 | 1.5 |

# %% [markdown] lang="zh" twin="cdee3443"
# ## 9. 亲手搭建逻辑门，以及为什么需要层
#
# 有两个输入 $x_1, x_2 \in \{0, 1\}$ 的阶跃神经元在 $w_1x_1 + w_2x_2 + b \ge 0$ 时点火，也就是在平面上直线
# $w_1x_1 + w_2x_2 + b = 0$ 的某一侧。这足以实现三种逻辑门，权重由手工设定，无需学习：
#
# | 逻辑门 | 点火条件 | $w_1$ | $w_2$ | $b$ |
# |---|---|---|---|---|
# | AND | 两个输入都为 1 | 1 | 1 | −1.5 |
# | OR | 至少一个为 1 | 1 | 1 | −0.5 |
# | NAND | 不是两个都为 1 | −1 | −1 | 1.5 |

# %%
inputs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)  # one row per case (x1, x2)
gates = {"AND": ([1.0, 1.0], -1.5), "OR": ([1.0, 1.0], -0.5), "NAND": ([-1.0, -1.0], 1.5)}
for name, (w_gate, b_gate) in gates.items():
    outputs = act.step(inputs @ np.array(w_gate) + b_gate)  # all four cases at once
    print(f"{name:5s}", "  ".join(f"{int(x1)}{int(x2)} → {int(o)}" for (x1, x2), o in zip(inputs, outputs)))

# %% [markdown]
# **XOR** ("exactly one is 1") is different: no single neuron computes it. Suppose one did. Then
# $(0,0) \mapsto 0$ needs $b < 0$; $(1,0) \mapsto 1$ and $(0,1) \mapsto 1$ need $w_1 + b \ge 0$ and
# $w_2 + b \ge 0$; adding these two, $w_1 + w_2 + b \ge -b > 0$, so $(1,1)$ fires too — but XOR wants 0.
# In the picture: no straight line puts $(0,1), (1,0)$ on one side and $(0,0), (1,1)$ on the other.
# A search over 68 921 weight settings finds none either:

# %% [markdown] lang="zh" twin="8ccb899e"
# **XOR**（“恰好一个为 1”）则不同：任何单个神经元都算不出它。假设有一个神经元能算出 XOR，那么
# $(0,0) \mapsto 0$ 要求 $b < 0$；$(1,0) \mapsto 1$ 和 $(0,1) \mapsto 1$ 要求 $w_1 + b \ge 0$ 且
# $w_2 + b \ge 0$；两式相加得 $w_1 + w_2 + b \ge -b > 0$，所以 $(1,1)$ 也会点火——可 XOR 要求输出
# 0。从图上看：没有一条直线能把 $(0,1), (1,0)$ 分在一侧，而把 $(0,0), (1,1)$ 分在另一侧。在 68 921
# 组权重设置中搜索，也一组都找不到：

# %%
grid = np.linspace(-2, 2, 41)
w1s, w2s, bs = np.meshgrid(grid, grid, grid, indexing="ij")
params = np.stack([w1s.ravel(), w2s.ravel(), bs.ravel()], axis=1)  # one row per (w1, w2, b)
fires_all = act.step(params[:, :2] @ inputs.T + params[:, 2:])  # shape (settings, 4 cases)
xor_target = np.array([0.0, 1.0, 1.0, 0.0])
print(f"settings tried: {len(params)}, settings that compute XOR: {int(np.all(fires_all == xor_target, axis=1).sum())}")

# %% [markdown]
# A **hidden layer** solves it: XOR is "OR and NAND", so let two hidden neurons compute OR and NAND, and
# an output neuron compute AND of their outputs. This is a 2-2-1 network in the matrix form of section 8,
# with step activations:

# %% [markdown] lang="zh" twin="f90ac07c"
# **隐藏层**能解决这个问题：XOR 就是“OR 且 NAND”，所以让两个隐藏神经元分别计算 OR 和
# NAND，再让一个输出神经元对它们的输出计算 AND。这是一个 2-2-1 网络，采用第 8
# 节的矩阵形式，激活函数为阶跃函数：

# %%
W_hidden = np.array([[1.0, 1.0], [-1.0, -1.0]])  # row 0: OR, row 1: NAND
b_hidden = np.array([-0.5, 1.5])
w_out, b_out = np.array([1.0, 1.0]), -1.5  # AND of the two hidden outputs
hidden_xor = act.step(inputs @ W_hidden.T + b_hidden)  # shape (4 cases, 2 hidden neurons)
xor = act.step(hidden_xor @ w_out + b_out)
for (x1, x2), h, o in zip(inputs, hidden_xor, xor):
    print(f"x = ({int(x1)}, {int(x2)})   hidden (OR, NAND) = ({int(h[0])}, {int(h[1])})   XOR = {int(o)}")

# %% tags=["nbval-ignore-output"]
fig, axes = plt.subplots(1, 4, figsize=(9, 2.5), layout="constrained")
line_x = np.array([-0.5, 1.5])
for ax, name in zip(axes, ["AND", "OR", "NAND", "XOR"]):
    target = xor_target if name == "XOR" else act.step(inputs @ np.array(gates[name][0]) + gates[name][1])
    ax.scatter(inputs[:, 0], inputs[:, 1], c=target, cmap="coolwarm", vmin=0, vmax=1, s=80, edgecolors="k")
    if name == "XOR":  # the two lines of the hidden neurons: XOR fires between them
        for (w1, w2), b_h in zip(W_hidden, b_hidden):
            ax.plot(line_x, -(w1 * line_x + b_h) / w2, "k--", lw=1)
    else:  # the neuron's line w1 x1 + w2 x2 + b = 0
        (w1, w2), b_g = gates[name]
        ax.plot(line_x, -(w1 * line_x + b_g) / w2, "k--", lw=1)
    ax.set(title=name, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), aspect="equal", xticks=[0, 1], yticks=[0, 1],
           xlabel="x1")
axes[0].set_ylabel("x2");

# %% [markdown]
# Red dots should fire, blue ones not. AND, OR and NAND each need one line; XOR needs the strip between
# two lines, one per hidden neuron. Layers let a network cut the input space with several lines and
# combine the pieces; chapter 11 follows this idea for ReLU networks. Setting weights by hand stops
# working long before 47 parameters, and the chapters from 04 on find them by following the slope.

# %% [markdown] lang="zh" twin="2c9c576d"
# 红点应该点火，蓝点则不。AND、OR 和 NAND 各需要一条直线；XOR
# 需要两条直线之间的带状区域，每个隐藏神经元对应一条直线。有了层，网络就能用多条直线切分输入空间，再把各个区域组合起来；第
# 11 章将针对 ReLU 网络沿着这个思路继续探讨。远在参数达到 47 个之前，手工设定权重就已经行不通了；从第 04
# 章起，各章将沿着斜率去找出这些参数。

# %% [markdown]
# ## Summary
# - A neuron computes the weighted input $z = \mathbf{w}\cdot\mathbf{x} + b$ with bias $b = -\theta$, then
#   an activation $a(z)$. The unit step $u$ fires for $z \ge 0$ but has no useful slope.
# - $\sigma(z) = 1/(1+e^{-z})$ is a smooth step; compute it through $e^{-|z|}$ to avoid overflow.
#   Its derivative is $\sigma(1-\sigma) \le \tfrac14$, so deep sigmoid stacks with weights $|w| \le 1$
#   shrink gradients (with $|w| > 4$ the product can grow instead).
# - tanh, ReLU and softsign are the other common activations; only ReLU does not saturate for $z > 0$.
# - A fully connected layer is $\mathbf{a} = a(W\mathbf{x} + \mathbf{b})$; the 12-3-2 network has 47
#   parameters.
# - One step neuron computes AND, OR or NAND (one line through the plane); XOR needs a hidden layer.
#
# **Next:** [02 · Vectors and Cauchy–Schwarz](02_vectors_cauchy_schwarz.ipynb) — the inner product
# $\mathbf{w}\cdot\mathbf{x}$ in $z$, seen as geometry.

# %% [markdown] lang="zh" twin="5e0e137e"
# ## 小结
# - 神经元先计算加权输入 $z = \mathbf{w}\cdot\mathbf{x} + b$（偏置 $b = -\theta$），再计算激活值
#   $a(z)$。单位阶跃函数 $u$ 在 $z \ge 0$ 时点火，但没有可用的斜率。
# - $\sigma(z) = 1/(1+e^{-z})$ 是光滑的阶跃；通过 $e^{-|z|}$ 计算它，以避免溢出。它的导数为
#   $\sigma(1-\sigma) \le \tfrac14$，所以权重 $|w| \le 1$ 的深层 Sigmoid 堆叠会使梯度缩小（当 $|w| > 4$
#   时，乘积反而可能变大）。
# - tanh、ReLU 和 softsign 是另外几种常用的激活函数；其中只有 ReLU 在 $z > 0$ 时不饱和。
# - 全连接层就是 $\mathbf{a} = a(W\mathbf{x} + \mathbf{b})$；12-3-2 网络有 47 个参数。
# - 单个阶跃神经元可以计算 AND、OR 或 NAND（用一条直线划分平面）；XOR 需要一个隐藏层。
#
# **下一章**：[02 · 向量与柯西-施瓦茨不等式](02_vectors_cauchy_schwarz.ipynb)——从几何角度看 $z$ 中的内积
# $\mathbf{w}\cdot\mathbf{x}$。
