# The one source of chapter 03: `python tools/build_notebooks.py 03` builds
# chapters/03_derivatives.ipynb and solutions/03_derivatives.ipynb.

# %% [markdown]
# # 03 · Derivatives
#
# **Goals.** After this chapter you can
# - explain the derivative as the limit of a difference quotient, compute it with sympy, and check any
#   derivative against a central difference;
# - use $f'(a) = 0$ (and $\partial f/\partial x = \partial f/\partial y = 0$) to find candidates for a
#   minimum — and explain why a candidate need not be one;
# - tell a minimum from a maximum or a saddle with the second derivative $f''$ and, for two variables,
#   with the eigenvalues of the Hessian;
# - take partial derivatives, solve a small constrained problem with a Lagrange multiplier, and apply
#   the chain rule in one and several variables;
# - predict a change $\Delta z \approx \frac{\partial z}{\partial x}\Delta x + \frac{\partial z}{\partial y}\Delta y$
#   and say how fast its error shrinks;
# - compute a sequence from a recurrence relation, forwards from the first term and backwards from the
#   last one — the idea behind backpropagation.
#
# **You need** chapter 01 (the sigmoid and its slope $\sigma' = \sigma(1-\sigma)$) and chapter 02 (the
# inner product $\mathbf{a}\cdot\mathbf{b}$). School algebra: powers, $e^x$, $\ln x$.

# %% [markdown] lang="zh" twin="29148ebd"
# # 03 · 导数
#
# **目标**。学完本章，你能够：
# - 把导数解释为差商的极限，用 sympy 计算导数，并用中心差分验证任何一个导数；
# - 用 $f'(a) = 0$（以及
#   $\partial f/\partial x = \partial f/\partial y = 0$）找出最小值的候选点，并说明候选点为什么不一定就是最小值；
# - 用二阶导数 $f''$ 区分最小值、最大值和鞍点；对两个变量，则用黑塞矩阵的特征值来区分；
# - 求偏导数，用拉格朗日乘数求解一个小的约束问题，并在单变量和多变量的情形下运用链式法则；
# - 用
#   $\Delta z \approx \frac{\partial z}{\partial x}\Delta x + \frac{\partial z}{\partial y}\Delta y$
#   预测变化量，并说出它的误差缩小得有多快；
# - 由递推关系式计算数列：既从首项往后推，也从末项往回推——这正是误差反向传播法背后的思想。
#
# **前置知识**：第 01 章（Sigmoid 函数及其斜率 $\sigma' = \sigma(1-\sigma)$）和第 02 章（内积
# $\mathbf{a}\cdot\mathbf{b}$）。中学代数：幂、$e^x$、$\ln x$。

# %%
import matplotlib.pyplot as plt
import numpy as np
import sympy as sp
from IPython.display import display

from dlmath.ops import activations as act
from dlmath import calculus
from dlmath import check

x, y = sp.symbols("x y")  # sympy symbols; numeric points get other names (a, p, t, …)

# %% [markdown]
# ## 1. The derivative: slope at a point
#
# A straight line has one slope. A curve $y = f(x)$ has a slope at every point, and the way to find it
# is to look through a straight line. Take the point $a$ and a second point $a + h$ on the curve; the
# line through both, a secant, has the slope
#
# $$\frac{f(a+h) - f(a)}{h},$$
#
# the **difference quotient (差商)**. Now let $h$ shrink. If the quotient settles down to one number,
# that number is the **derivative (导数)** of $f$ at $a$:
#
# $$f'(a) = \lim_{h \to 0} \frac{f(a+h) - f(a)}{h} .$$
#
# Its meaning is the slope of the curve at $a$: for a small step $h$, $f(a+h) \approx f(a) + f'(a)\,h$.
# Watch it happen for $f(x) = x^2$ at $a = 1$:

# %% [markdown] lang="zh" twin="91863a73"
# ## 1. 导数：某一点处的斜率
#
# 直线只有一个斜率。曲线 $y = f(x)$ 在每一点都有自己的斜率，要求出这个斜率，就得借助直线。在曲线上取点 $a$
# 和第二个点 $a + h$；过这两点的直线叫作割线，它的斜率是
#
# $$\frac{f(a+h) - f(a)}{h},$$
#
# 称为**差商**（difference quotient）。现在让 $h$ 缩小。如果这个商趋于一个确定的数，这个数就是 $f$ 在
# $a$ 处的**导数**（derivative）：
#
# $$f'(a) = \lim_{h \to 0} \frac{f(a+h) - f(a)}{h} .$$
#
# 它的含义是曲线在 $a$ 处的斜率：对于很小的步长 $h$，有 $f(a+h) \approx f(a) + f'(a)\,h$。以
# $f(x) = x^2$ 在 $a = 1$ 处为例，看看这个过程：

# %%
def square(t):
    return t ** 2


for h in [1.0, 0.1, 0.01, 0.001, 0.0001]:
    quotient = (square(1 + h) - square(1)) / h
    print(f"h = {h:<7}  (f(1 + h) − f(1)) / h = {quotient:.6f}")

# %% [markdown]
# Here the quotient is exactly $\frac{(1+h)^2 - 1}{h} = 2 + h$, so its limit is $2$. sympy takes the
# limit symbolically, for every $x$ at once; `sp.Derivative` only *writes* a derivative, `sp.diff` (or
# the limit) computes it:

# %% [markdown] lang="zh" twin="b7fc00a7"
# 这里的商恰好等于 $\frac{(1+h)^2 - 1}{h} = 2 + h$，所以极限是 $2$。sympy
# 能用符号运算求这个极限，对所有 $x$ 一次求出；`sp.Derivative`
# 只是把导数*写出来*，`sp.diff`（或者求极限）才真正把它算出来：

# %%
h = sp.symbols("h")
sp.Eq(sp.Derivative(x ** 2, x), sp.limit(((x + h) ** 2 - x ** 2) / h, h, 0))

# %% [markdown]
# The running example of this chapter is the cubic
#
# $$f(x) = x^3 - 6x^2 + 9x + 1 .$$
#
# ### Exercise 1 — a derivative with sympy
# Give $f'(x)$ as a sympy expression in the symbol `x` (`sp.diff` does it; so does the rule
# $(x^n)' = n\,x^{n-1}$ applied term by term — any equivalent form is accepted).

# %% [markdown] lang="zh" twin="3840ac0e"
# 本章贯穿始终的例子是三次函数
#
# $$f(x) = x^3 - 6x^2 + 9x + 1 .$$
#
# ### 练习 1 — 用 sympy 求导数
# 把 $f'(x)$ 写成关于符号 `x` 的 sympy 表达式（用 `sp.diff` 即可；也可以对每一项套用法则
# $(x^n)' = n\,x^{n-1}$——任何等价的形式都算对）。

# %%
f_expr = x ** 3 - 6 * x ** 2 + 9 * x + 1
f_expr

# %%
### BEGIN SOLUTION
df_expr = sp.diff(f_expr, x)
### END SOLUTION

# %%
check("03.derivative", df_expr)

# %% [markdown]
# ## 2. Checking a derivative with numbers: central differences
#
# A formula is trusted here only once it agrees with a number. The difference quotient itself is the
# number to compare with, but its one-sided form $\frac{f(a+h) - f(a)}{h}$ has an error of order $h$.
# Stepping to both sides is far better: the **central difference (中心差分)**
#
# $$f'(a) \approx \frac{f(a+h) - f(a-h)}{2h}$$
#
# has an error of order $h^2$ (the $h$ terms of the two sides cancel). For our cubic the error is
# exactly $h^2$: halve $h$ and the error drops to a quarter.
#
# ### Exercise 2 — a central difference by hand
# Write `central_difference(a, h)` for the numeric function `f` below (the cubic). It must work for
# numbers and for numpy arrays `a`, `h`.

# %% [markdown] lang="zh" twin="20c262bb"
# ## 2. 用数值验证导数：中心差分
#
# 在本课程中，一个公式要与数值吻合之后才算可信。拿来比对的数值就是差商本身，但它的单侧形式
# $\frac{f(a+h) - f(a)}{h}$ 的误差是 $h$
# 阶的。向两侧各走一步要好得多：**中心差分**（central difference）
#
# $$f'(a) \approx \frac{f(a+h) - f(a-h)}{2h}$$
#
# 的误差是 $h^2$ 阶的（两侧的 $h$ 项相互抵消）。对我们的三次函数，误差恰好是 $h^2$：把 $h$
# 减半，误差就降为原来的四分之一。
#
# ### 练习 2 — 手写中心差分
# 为下面的数值函数 `f`（即这个三次函数）写出 `central_difference(a, h)`。它必须既能处理数，也能处理
# numpy 数组 `a`、`h`。

# %%
f = sp.lambdify(x, f_expr)  # a plain numeric function of the sympy expression


def central_difference(a, h):
    ### BEGIN SOLUTION
    return (f(a + h) - f(a - h)) / (2 * h)
    ### END SOLUTION


# %%
check("03.central_difference", central_difference)

# %% [markdown]
# Here are the two errors side by side at $a = 0.5$, where $f'(0.5) = 3.75$. The one-sided error shrinks
# like $h$, the central one like $h^2$:

# %% [markdown] lang="zh" twin="af43deef"
# 下面在 $a = 0.5$ 处把两种误差并排比较，这里 $f'(0.5) = 3.75$。单侧差分的误差随 $h$
# 成比例缩小，中心差分的误差则随 $h^2$ 缩小：

# %%
a = 0.5
exact = 3 * a ** 2 - 12 * a + 9
for step in [0.1, 0.01, 0.001]:
    forward = (f(a + step) - f(a)) / step
    central = (f(a + step) - f(a - step)) / (2 * step)
    print(f"h = {step:<6}  one-sided error {abs(forward - exact):.2e}   central error {abs(central - exact):.2e}")

# %% [markdown]
# From now on the course uses the library's version, `calculus.derivative(f, x, h=1e-6)`, which is the
# same central difference (and takes a whole array of points). First use: sympy's $f'$ against it.

# %% [markdown] lang="zh" twin="c048979c"
# 从现在起，本课程使用库中的版本
# `calculus.derivative(f, x, h=1e-6)`，它就是同样的中心差分（并且可以一次接受一整个数组的点）。第一次使用：拿它来核对
# sympy 求出的 $f'$。

# %%
display(sp.Eq(sp.Derivative(f_expr, x), sp.diff(f_expr, x)))
f_prime = sp.lambdify(x, sp.diff(f_expr, x))
points = np.array([-1.0, 0.5, 1.0, 2.0, 3.0])
print("sympy f'(x)         at", points, ":", np.round(f_prime(points), 6))
print("central differences at", points, ":", np.round(calculus.derivative(f, points), 6) + 0.0)  # + 0.0: no "-0."

# %% [markdown]
# > **⚠️ Careful — a smaller $h$ is not always better.** A computer keeps about 16 significant digits:
# > each stored number carries a relative rounding error up to the machine epsilon
# > $\varepsilon \approx 2.2\times10^{-16}$, so $f(a \pm h)$ is off by about $\varepsilon\,|f(a)|$. As $h$
# > shrinks, $f(a+h)$ and $f(a-h)$ agree in more and more digits and their difference keeps only the few
# > that differ: dividing by $2h$ turns the rounding into an error of about $\varepsilon\,|f(a)|/h$, which
# > *grows* as $h$ shrinks, while the formula's error shrinks like $h^2$. Here $|f(0.5)| = 4.125$, and the
# > two balance near $h \approx 10^{-5}$; below that the answer gets *worse*. The library's default
# > $h = 10^{-6}$ sits near the best spot for functions of moderate size.

# %% [markdown] lang="zh" twin="93596726"
# > **⚠️ 注意 — $h$ 并非越小越好**。计算机大约保留 16
# > 位有效数字：每个存储的数都带有相对舍入误差，最大可达机器精度
# > $\varepsilon \approx 2.2\times10^{-16}$，因此 $f(a \pm h)$ 大约有 $\varepsilon\,|f(a)|$
# > 的偏差。随着 $h$ 缩小，$f(a+h)$ 与 $f(a-h)$
# > 相同的位数越来越多，二者之差只剩下少数几位不同的数字：除以 $2h$ 之后，舍入误差就变成约
# > $\varepsilon\,|f(a)|/h$ 的误差，它随 $h$ 缩小反而*增大*，而公式本身的误差随 $h^2$ 缩小。这里
# > $|f(0.5)| = 4.125$，两者在 $h \approx 10^{-5}$ 附近持平；再往下，结果反而*变差*。库的默认值
# > $h = 10^{-6}$ 对大小适中的函数来说，正处在最佳位置附近。

# %%
for step in [1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12]:
    central = (f(a + step) - f(a - step)) / (2 * step)
    print(f"h = {step:.0e}   error of the central difference {abs(central - exact):.1e}")

# %% [markdown]
# The rounding part depends on the *size* of $f(a)$, not on its slope. Add the constant $10^6$ to $f$: the
# derivative does not change, $|f(a)|$ grows about 240 000 times, and the error at small $h$ grows by a
# similar factor. The estimate $\varepsilon\,|f(a)|/h$ gives its order of magnitude — an upper end, since
# rounding errors partly cancel, so the measured errors land up to about ten times below it:

# %% [markdown] lang="zh" twin="28d678b5"
# 舍入误差这一部分取决于 $f(a)$ 的*大小*，而不是它的斜率。给 $f$ 加上常数 $10^6$：导数不变，$|f(a)|$
# 约增大到原来的 240 000 倍，小 $h$ 处的误差也增大了差不多的倍数。估计式 $\varepsilon\,|f(a)|/h$
# 给出误差的数量级——而且是偏高的一端，因为舍入误差会部分相互抵消，所以实测误差比它小，最多小到它的十分之一左右：

# %%
eps = np.finfo(float).eps  # 2.2e-16, the gap between 1 and the next float
for shift in [0.0, 1e6]:
    for step in [1e-6, 1e-8]:
        central = ((f(a + step) + shift) - (f(a - step) + shift)) / (2 * step)
        print(f"|f(a)| = {abs(f(a) + shift):9.3g}  h = {step:.0e}   error {abs(central - exact):.1e}"
              f"   estimate ε|f(a)|/h = {eps * abs(f(a) + shift) / step:.1e}")

# %% [markdown]
# ## 3. The tangent line
#
# The line through $(a, f(a))$ with slope $f'(a)$ is the **tangent line (切线)**
#
# $$y = f(a) + f'(a)\,(x - a) .$$
#
# Near $a$ it is the best straight-line stand-in for the curve; `calculus.tangent_line(f, df, a, x)`
# evaluates it. In the figure move the point $a$ and watch the tangent turn with the slope; the dashed
# secant through $a$ and $a + h$ turns into the tangent as you move the step $h$ towards 0. Try
# $a = 1$ and $a = 3$.

# %% [markdown] lang="zh" twin="b8de3127"
# ## 3. 切线
#
# 过点 $(a, f(a))$、斜率为 $f'(a)$ 的直线就是**切线**（tangent line）
#
# $$y = f(a) + f'(a)\,(x - a) .$$
#
# 在 $a$ 附近，它是最能代替这条曲线的直线；`calculus.tangent_line(f, df, a, x)`
# 计算它的值。在图中移动点 $a$，看切线随斜率转动；把步长 $h$ 往 0 调小时，过 $a$ 和 $a + h$
# 的虚线割线就变成了切线。试试 $a = 1$ 和 $a = 3$。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.tangent import plane_explorer, tangent_explorer

tangent_explorer()

# %% [markdown]
# ## 4. $f'(a) = 0$: where a minimum can be
#
# Suppose $f$ is smallest at $a$ (and differentiable there). Then $f(a+h) - f(a) \ge 0$ for every small
# $h$: the difference quotient is $\ge 0$ for $h > 0$ and $\le 0$ for $h < 0$. Its limit must be both, so
#
# $$f \text{ has a minimum at } a \implies f'(a) = 0 .$$
#
# That makes $f'(a) = 0$ a **necessary condition (必要条件)** for a minimum: every minimum (inside the
# domain, where $f$ is smooth) is found among the solutions of $f'(x) = 0$, the **stationary points
# (驻点)**. For the cubic:

# %% [markdown] lang="zh" twin="d2a288ca"
# ## 4. $f'(a) = 0$：最小值可能出现的地方
#
# 设 $f$ 在 $a$ 处取得最小值（并且在该处可导）。那么对每个很小的 $h$，都有 $f(a+h) - f(a) \ge 0$：当
# $h > 0$ 时差商 $\ge 0$，当 $h < 0$ 时差商 $\le 0$。它的极限必须同时满足两者，所以
#
# $$f \text{ has a minimum at } a \implies f'(a) = 0 .$$
#
# 因此 $f'(a) = 0$ 是最小值的**必要条件**（necessary condition）：每一个最小值（在定义域内部、$f$
# 光滑的地方）都能在 $f'(x) = 0$ 的解中找到，这些解称为**驻点**（stationary points）。对这个三次函数：

# %%
stationary = sp.solve(sp.diff(f_expr, x), x)
for s in stationary:
    slope = float(calculus.derivative(f, float(s)))
    print(f"x = {s}:  f(x) = {f_expr.subs(x, s)},  central difference |f'(x)| < 1e-6: {abs(slope) < 1e-6}")

# %% [markdown]
# Both points have a horizontal tangent, but only $x = 3$ is a (local) minimum; $x = 1$ is a local
# maximum, where the same argument works with the inequalities turned round. The condition finds
# candidates; it does not say which kind they are.
#
# > **⚠️ Careful — $f'(a) = 0$ is necessary, not sufficient.** The book states "if $f$ has a minimum at $a$,
# > then $f'(a) = 0$", which is right. The converse is false: $f(x) = x^3$ has $f'(0) = 0$ but no minimum
# > (and no maximum) at 0 — it keeps increasing through the flat spot. The cell shows it.

# %% [markdown] lang="zh" twin="d393c5dd"
# 两点处的切线都是水平的，但只有 $x = 3$ 是（局部）最小值；$x = 1$
# 是局部最大值（把上面论证中的不等号反过来，同样的推理依然成立）。这个条件只能找出候选点，不能说明它们属于哪一类。
#
# > **⚠️ 注意 — $f'(a) = 0$ 是必要条件，不是充分条件**。原书写道“若 $f$ 在 $a$ 处取得最小值，则
# > $f'(a) = 0$”，这是对的。反过来却不成立：$f(x) = x^3$ 满足 $f'(0) = 0$，但在 0
# > 处没有最小值（也没有最大值）——它穿过这个平坦点后继续增大。下面的单元格演示了这一点。

# %%
cube = x ** 3
display(sp.Eq(sp.Derivative(cube, x), sp.diff(cube, x)))
print("f'(0) =", sp.diff(cube, x).subs(x, 0),
      f"   central difference at 0: {float(calculus.derivative(lambda t: t ** 3, 0.0)):.1e}")
values = {t: t ** 3 for t in [-0.1, 0.0, 0.1]}
print("  ".join(f"f({t:+.1f}) = {v:+.4f}" for t, v in values.items()))
print("f(−0.1) < f(0) < f(0.1), so 0 is neither a minimum nor a maximum:", values[-0.1] < values[0.0] < values[0.1])

# %% [markdown]
# ### Exercise 3 — zero slope, so a minimum?
# True or false: "if $f'(a) = 0$, then $f$ has a minimum at $a$".

# %% [markdown] lang="zh" twin="c9625850"
# ### 练习 3 — 斜率为零，就是最小值吗？
# 判断正误：“若 $f'(a) = 0$，则 $f$ 在 $a$ 处取得最小值”。

# %%
### BEGIN SOLUTION
zero_slope_means_minimum = False
### END SOLUTION

# %%
check("03.zero_slope_minimum", zero_slope_means_minimum)

# %% [markdown]
# ## 5. Partial derivatives
#
# A neural network's error depends on many weights at once: it is a **multivariable function
# (多变量函数)**. To see how $z = f(x, y)$ changes with $x$ alone, hold $y$ fixed and differentiate in
# $x$. That is the **partial derivative (偏导数)**
#
# $$\frac{\partial z}{\partial x} = \lim_{h\to 0} \frac{f(x+h, y) - f(x, y)}{h},$$
#
# and $\frac{\partial z}{\partial y}$ likewise with $y$ moving. For $z = x^2 y$: treating $y$ as a constant
# gives $\frac{\partial z}{\partial x} = 2xy$; treating $x$ as one gives $\frac{\partial z}{\partial y} = x^2$.

# %% [markdown] lang="zh" twin="a839321a"
# ## 5. 偏导数
#
# 神经网络的误差同时依赖于许多权重：它是一个**多变量函数**（multivariable function）。要看
# $z = f(x, y)$ 单独随 $x$ 怎样变化，就把 $y$ 固定，对 $x$
# 求导。这就是**偏导数**（partial derivative）
#
# $$\frac{\partial z}{\partial x} = \lim_{h\to 0} \frac{f(x+h, y) - f(x, y)}{h},$$
#
# $\frac{\partial z}{\partial y}$ 同理，只是改为让 $y$ 变化。对 $z = x^2 y$：把 $y$ 当作常数，得
# $\frac{\partial z}{\partial x} = 2xy$；把 $x$ 当作常数，得 $\frac{\partial z}{\partial y} = x^2$。

# %%
z_expr = x ** 2 * y
display(sp.Eq(sp.Derivative(z_expr, x), sp.diff(z_expr, x)))
display(sp.Eq(sp.Derivative(z_expr, y), sp.diff(z_expr, y)))

# %% [markdown]
# Numerically it is the central difference with only one coordinate moved. By hand at $p = (1, 2)$,
# then with the library's `calculus.partial_derivative(f, p, i)` and `calculus.gradient(f, p)`: all
# partial derivatives at once, the **gradient (梯度)** $\nabla z = \bigl(\frac{\partial z}{\partial x},
# \frac{\partial z}{\partial y}\bigr)$. The numeric function takes a point `p` of shape `(2,)`; writing
# `p[..., 0]` instead of `p[0]` lets it take a whole stack of points too (section 9 uses that). Here
# `...` is Python's *Ellipsis*, which numpy reads as "all the axes before the last one": `p[..., 0]` is
# `p[0]` for one point of shape `(2,)` and `p[:, 0]` for a stack of shape `(m, 2)`. It has nothing to
# do with the `...` of an exercise stub, which you replace by your answer.

# %% [markdown] lang="zh" twin="d0636289"
# 数值上，偏导数就是只移动一个坐标的中心差分。下面先在 $p = (1, 2)$ 处手算，再用库函数
# `calculus.partial_derivative(f, p, i)` 和 `calculus.gradient(f, p)`
# 计算；后者一次给出全部偏导数，即**梯度**（gradient）
# $\nabla z = \bigl(\frac{\partial z}{\partial x},
# \frac{\partial z}{\partial y}\bigr)$。数值函数接受形状为 `(2,)` 的点 `p`；把 `p[0]` 写成
# `p[..., 0]`，它就也能接受一整叠点（第 9 节会用到）。这里的 `...` 是 Python 的
# *Ellipsis*（省略号对象），numpy 把它理解为“最后一个轴之前的所有轴”：对形状为 `(2,)`
# 的单个点，`p[..., 0]` 就是 `p[0]`；对形状为 `(m, 2)` 的一叠点，它就是
# `p[:, 0]`。它和练习占位代码里的 `...` 毫无关系——那个 `...` 是要你换成自己答案的。

# %%
def z_num(p):
    return p[..., 0] ** 2 * p[..., 1]


p = np.array([1.0, 2.0])
step = 1e-6
by_hand = (z_num(p + [step, 0]) - z_num(p - [step, 0])) / (2 * step)
print(f"∂z/∂x at (1, 2): sympy {float(sp.diff(z_expr, x).subs({x: 1, y: 2})):.6f}   by hand {float(by_hand):.6f}"
      f"   lib {calculus.partial_derivative(z_num, p, 0):.6f}")
print(f"∂z/∂y at (1, 2): sympy {float(sp.diff(z_expr, y).subs({x: 1, y: 2})):.6f}"
      f"   lib {calculus.partial_derivative(z_num, p, 1):.6f}")
print("gradient (∂z/∂x, ∂z/∂y) at (1, 2):", np.round(calculus.gradient(z_num, p), 6))

# %% [markdown]
# ### Exercise 4 — a partial derivative
# For $g(x, y) = x^2 y + x y^3$ give $\dfrac{\partial g}{\partial y}$ as a sympy expression.

# %% [markdown] lang="zh" twin="4345ae94"
# ### 练习 4 — 一个偏导数
# 对 $g(x, y) = x^2 y + x y^3$，把 $\dfrac{\partial g}{\partial y}$ 写成 sympy 表达式。

# %%
g_expr = x ** 2 * y + x * y ** 3
g_expr

# %%
### BEGIN SOLUTION
dg_dy = sp.diff(g_expr, y)
### END SOLUTION

# %%
check("03.partial_derivative", dg_dy)

# %% [markdown]
# ## 6. Minimum conditions for two variables
#
# If $f(x, y)$ is smallest at $(a, b)$, then along the line $y = b$ the one-variable function
# $x \mapsto f(x, b)$ is smallest at $a$, so its derivative vanishes there — and that derivative is
# $\partial f/\partial x$. The same holds along $x = a$. Hence the necessary condition
#
# $$\frac{\partial f}{\partial x}(a, b) = 0, \qquad \frac{\partial f}{\partial y}(a, b) = 0 .$$
#
# Two equations for two unknowns: sympy solves them. For $f(x, y) = x^2 - 2xy + 3y^2 - 4y$:

# %% [markdown] lang="zh" twin="c21397e7"
# ## 6. 两个变量的最小值条件
#
# 如果 $f(x, y)$ 在 $(a, b)$ 处最小，那么在直线 $y = b$ 上，单变量函数 $x \mapsto f(x, b)$ 在 $a$
# 处最小，所以它在那里的导数为零——而这个导数正是 $\partial f/\partial x$。沿 $x = a$
# 也是一样。于是得到必要条件
#
# $$\frac{\partial f}{\partial x}(a, b) = 0, \qquad \frac{\partial f}{\partial y}(a, b) = 0 .$$
#
# 两个方程、两个未知数：交给 sympy 来解。对 $f(x, y) = x^2 - 2xy + 3y^2 - 4y$：

# %%
bowl_demo = x ** 2 - 2 * x * y + 3 * y ** 2 - 4 * y
conditions = [sp.Eq(sp.diff(bowl_demo, v), 0) for v in (x, y)]
display(*conditions)
solution = sp.solve(conditions, [x, y])
sp.Eq(sp.Tuple(x, y), sp.Tuple(solution[x], solution[y]))

# %%
p_star = np.array([float(solution[x]), float(solution[y])])
grad_at_star = calculus.gradient(lambda q: q[0] ** 2 - 2 * q[0] * q[1] + 3 * q[1] ** 2 - 4 * q[1], p_star)
print("stationary point", p_star, "  central-difference gradient there:", np.round(grad_at_star, 6) + 0.0)

# %% [markdown]
# Again the condition is only necessary. $x^2 - y^2$ has both partial derivatives 0 at $(0, 0)$, but
# there it is a **saddle point (鞍点)**: it grows along $x$ and falls along $y$, so $(0, 0)$ is neither a
# minimum nor a maximum. (For the example above, $x^2 - 2xy + 3y^2 - 4y = (x-y)^2 + 2(y-1)^2 - 2$ shows
# that $(1, 1)$ really is the minimum.)

# %% [markdown] lang="zh" twin="a7d024b7"
# 同样，这个条件只是必要条件。$x^2 - y^2$ 在 $(0, 0)$ 处两个偏导数都为
# 0，但那里是一个**鞍点**（saddle point）：函数沿 $x$ 方向增大，沿 $y$ 方向减小，所以 $(0, 0)$
# 既不是最小值也不是最大值。（对上面的例子，由 $x^2 - 2xy + 3y^2 - 4y = (x-y)^2 + 2(y-1)^2 - 2$
# 可知，$(1, 1)$ 确实是最小值点。）

# %%
def saddle(q):
    return q[0] ** 2 - q[1] ** 2


print("gradient at (0, 0):", np.round(calculus.gradient(saddle, [0.0, 0.0]), 6) + 0.0)
for q in [(0.1, 0.0), (0.0, 0.1)]:
    print(f"saddle{q} = {saddle(q):+.2f}   vs saddle(0, 0) = {saddle((0.0, 0.0)):.2f}")

# %% [markdown]
# ### Exercise 5 — a stationary point
# Find the point where both partial derivatives of
# $q(x, y) = x^2 + xy + y^2 - 4x - 5y$ vanish. Give it as `[x, y]` (a list or a numpy array of numbers).

# %% [markdown] lang="zh" twin="50e8c4d2"
# ### 练习 5 — 一个驻点
# 求使 $q(x, y) = x^2 + xy + y^2 - 4x - 5y$ 的两个偏导数同时为零的点。以 `[x, y]`
# 的形式给出（由数组成的列表或 numpy 数组）。

# %%
q_expr = x ** 2 + x * y + y ** 2 - 4 * x - 5 * y

# %%
### BEGIN SOLUTION
q_solution = sp.solve([sp.diff(q_expr, x), sp.diff(q_expr, y)], [x, y])
critical = [float(q_solution[x]), float(q_solution[y])]
### END SOLUTION

# %%
check("03.critical_point", critical)

# %% [markdown]
# ### Second derivatives: which kind of stationary point?
#
# The derivative $f'$ is a function too, and its derivative is the **second derivative (二阶导数)**
# $f''$: how fast the slope changes, the **curvature (曲率)** of the graph in the loose sense of
# "bending up or down". Near a stationary point $a$ the tangent is flat, so the next term decides:
#
# $$f(a + h) \approx f(a) + f'(a)\,h + \tfrac12 f''(a)\,h^2 = f(a) + \tfrac12 f''(a)\,h^2
#   \quad\text{when } f'(a) = 0 .$$
#
# That is the **second-derivative test (二阶导数判别法)**: at a stationary point, $f''(a) > 0$ means the
# graph bends up, a local minimum; $f''(a) < 0$ means a local maximum; $f''(a) = 0$ decides nothing
# ($x^3$, $x^4$ and $-x^4$ all have $f'(0) = f''(0) = 0$: no extremum, a minimum, a maximum). For the
# cubic, $f''(x) = 6x - 12$:

# %% [markdown] lang="zh" twin="921331b4"
# ### 二阶导数：驻点属于哪一类？
#
# 导数 $f'$ 本身也是一个函数，它的导数就是**二阶导数**（second derivative）
# $f''$：斜率变化的快慢，也就是图像的**曲率**（curvature）——这里取其宽泛的含义，即“向上弯还是向下弯”。在驻点
# $a$ 附近切线是平的，于是由下一项来决定：
#
# $$f(a + h) \approx f(a) + f'(a)\,h + \tfrac12 f''(a)\,h^2 = f(a) + \tfrac12 f''(a)\,h^2
#   \quad\text{when } f'(a) = 0 .$$
#
# 这就是**二阶导数判别法**（second-derivative test）：在驻点处，$f''(a) > 0$
# 表示图像向上弯，是局部最小值；$f''(a) < 0$ 表示局部最大值；$f''(a) = 0$ 则无法判定（$x^3$、$x^4$ 和
# $-x^4$ 都满足
# $f'(0) = f''(0) = 0$，却分别是无极值、最小值、最大值）。对这个三次函数，$f''(x) = 6x - 12$：

# %%
d2f_expr = sp.diff(f_expr, x, 2)  # the second derivative: differentiate twice
display(sp.Eq(sp.Derivative(f_expr, (x, 2)), d2f_expr))
for s in stationary:
    curvature = d2f_expr.subs(x, s)
    print(f"x = {s}:  f''(x) = {curvature}  →  local {'minimum' if curvature > 0 else 'maximum'}")
for name, e in [("x³", x ** 3), ("x⁴", x ** 4), ("−x⁴", -x ** 4)]:
    print(f"{name:3s} at 0: f' = {sp.diff(e, x).subs(x, 0)}, f'' = {sp.diff(e, x, 2).subs(x, 0)}")

# %% [markdown]
# **Two variables.** $f(x, y)$ has four second partial derivatives, collected in the **Hessian matrix
# (黑塞矩阵)**
#
# $$H = \begin{pmatrix} \dfrac{\partial^2 f}{\partial x^2} & \dfrac{\partial^2 f}{\partial x\,\partial y} \\[2ex]
#   \dfrac{\partial^2 f}{\partial y\,\partial x} & \dfrac{\partial^2 f}{\partial y^2} \end{pmatrix},$$
#
# symmetric for smooth $f$ (the order of differentiation does not matter). At a stationary point $p$ the
# change for a small step $\Delta\mathbf{x}$ is $\tfrac12\,\Delta\mathbf{x}^\top H\,\Delta\mathbf{x}$. A
# symmetric $2\times2$ matrix has two perpendicular **eigenvectors** $\mathbf{v}$ with $H\mathbf{v} =
# \lambda\mathbf{v}$ (chapter 10 treats them; `np.linalg.eigh` computes them), and along a unit eigenvector
# the change is $\tfrac12\lambda t^2$: **each eigenvalue is the curvature of $f$ along its eigenvector.**
# So: both eigenvalues $> 0$, a minimum (a bowl); both $< 0$, a maximum; one of each sign, a saddle; a zero
# eigenvalue, undecided. sympy's `sp.hessian` and the library's `calculus.hessian` (central differences)
# for the bowl of section 6 and the saddle $x^2 - y^2$:

# %% [markdown] lang="zh" twin="d3d4477c"
# **两个变量**。$f(x, y)$ 有四个二阶偏导数，把它们排成**黑塞矩阵**（Hessian matrix）
#
# $$H = \begin{pmatrix} \dfrac{\partial^2 f}{\partial x^2} & \dfrac{\partial^2 f}{\partial x\,\partial y} \\[2ex]
#   \dfrac{\partial^2 f}{\partial y\,\partial x} & \dfrac{\partial^2 f}{\partial y^2} \end{pmatrix},$$
#
# 对光滑的 $f$，它是对称的（求导的先后顺序无关紧要）。在驻点 $p$ 处，小步长 $\Delta\mathbf{x}$
# 带来的变化是 $\tfrac12\,\Delta\mathbf{x}^\top H\,\Delta\mathbf{x}$。对称的 $2\times2$
# 矩阵有两个相互垂直的**特征向量**（eigenvector）$\mathbf{v}$，满足 $H\mathbf{v} =
# \lambda\mathbf{v}$（第 10 章会专门讨论；`np.linalg.eigh`
# 可以算出它们），而沿单位特征向量方向，变化量是 $\tfrac12\lambda t^2$：**每个特征值就是 $f$
# 沿其特征向量方向的曲率**。所以：两个特征值都 $> 0$，是最小值（一个碗）；都
# $< 0$，是最大值；一正一负，是鞍点；有一个特征值为零，则无法判定。下面用 sympy 的 `sp.hessian`
# 和库中的 `calculus.hessian`（中心差分）计算第 6 节的碗和鞍点 $x^2 - y^2$：

# %%
for name, e, point in [("bowl", bowl_demo, (1.0, 1.0)), ("saddle", x ** 2 - y ** 2, (0.0, 0.0))]:
    H_sym = sp.hessian(e, (x, y))
    e_num = sp.lambdify([x, y], e)
    H_num = calculus.hessian(lambda q: e_num(q[0], q[1]), point)
    curvatures = np.linalg.eigvalsh(H_num)
    kind = "minimum" if curvatures.min() > 0 else "maximum" if curvatures.max() < 0 else "saddle"
    print(f"{name}: H = {H_sym.tolist()}, by central differences {np.round(H_num, 6).tolist()}")
    print(f"   eigenvalues {np.round(curvatures, 4).tolist()}  →  {kind} at {point}")

# %% [markdown]
# The bowl's two curvatures differ, $4 \mp 2\sqrt2 \approx 1.17$ and $6.83$: it is a long narrow valley,
# steep across and shallow along. Chapters 04 and 05 come back to this: the ratio of the largest to the
# smallest curvature decides how hard a bowl is for gradient descent.

# %% [markdown] lang="zh" twin="5cce1a22"
# 这个碗的两个曲率并不相同，分别是 $4 \mp 2\sqrt2 \approx 1.17$ 和
# $6.83$：它是一道狭长的山谷，横穿山谷方向陡峭，顺着山谷方向平缓。第 04 章和第 05
# 章还会回到这一点：最大曲率与最小曲率之比，决定了一个碗对梯度下降法来说有多难。

# %% [markdown]
# ## 7. Lagrange multipliers: a minimum under a condition
#
# Often the variables are tied by a condition $g(x, y) = 0$: find the largest $x + y$ on the circle
# $x^2 + y^2 = 1$, say. At the best point you cannot improve $f$ by walking along the constraint, so
# the direction in which $f$ grows, $\nabla f = (\partial f/\partial x, \partial f/\partial y)$, stands
# perpendicular to the curve $g = 0$, just as $\nabla g$ does. Hence $\nabla f = \lambda \nabla g$ for some
# number $\lambda$. The **Lagrange multiplier method (拉格朗日乘数法)** packs this into one function
#
# $$L(x, y, \lambda) = f(x, y) - \lambda\, g(x, y), \qquad
#   \frac{\partial L}{\partial x} = 0,\ \frac{\partial L}{\partial y} = 0,\ g(x, y) = 0 .$$

# %% [markdown] lang="zh" twin="f5c2ddf9"
# ## 7. 拉格朗日乘数：条件下的最小值
#
# 变量之间常常由一个条件 $g(x, y) = 0$ 联系在一起：比如，在圆 $x^2 + y^2 = 1$ 上求 $x + y$
# 的最大值。在最优点处，沿着约束曲线走已无法再改进 $f$，所以 $f$ 增长的方向
# $\nabla f = (\partial f/\partial x, \partial f/\partial y)$ 与曲线 $g = 0$ 垂直，$\nabla g$
# 也与曲线垂直。因此对某个数 $\lambda$，有
# $\nabla f = \lambda \nabla g$。**拉格朗日乘数法**（Lagrange multiplier method）把这些条件打包进一个函数
#
# $$L(x, y, \lambda) = f(x, y) - \lambda\, g(x, y), \qquad
#   \frac{\partial L}{\partial x} = 0,\ \frac{\partial L}{\partial y} = 0,\ g(x, y) = 0 .$$

# %%
lam = sp.symbols("lambda")
objective, constraint = x + y, x ** 2 + y ** 2 - 1
L = objective - lam * constraint
candidates = sp.solve([sp.diff(L, x), sp.diff(L, y), constraint], [x, y, lam], dict=True)
for c in candidates:
    display(sp.Eq(sp.Tuple(x, y, lam, objective), sp.Tuple(c[x], c[y], c[lam], objective.subs(c))))

# %% [markdown]
# The method gives candidates for both the largest and the smallest value; comparing $f$ picks them out:
# the maximum is $\sqrt 2$ at $(1/\sqrt2, 1/\sqrt2)$. Two numeric checks — walk once round the circle,
# and test $\nabla f = \lambda\nabla g$ with central-difference gradients:

# %% [markdown] lang="zh" twin="eca5e9b8"
# 这个方法同时给出最大值和最小值的候选点；比较 $f$ 的值就能把它们挑出来：最大值是 $\sqrt 2$，在
# $(1/\sqrt2, 1/\sqrt2)$ 处取得。下面做两项数值检验——沿圆周走一圈，以及用中心差分求出的梯度检验
# $\nabla f = \lambda\nabla g$：

# %%
angle = np.linspace(0, 2 * np.pi, 100_001)
print(f"largest x + y on the circle, by walking round it: {np.max(np.cos(angle) + np.sin(angle)):.6f}"
      f"   √2 = {np.sqrt(2):.6f}")
best = max(candidates, key=lambda c: objective.subs(c))
point = np.array([float(best[x]), float(best[y])])
grad_f = calculus.gradient(lambda q: q[0] + q[1], point)
grad_g = calculus.gradient(lambda q: q[0] ** 2 + q[1] ** 2 - 1, point)
print("∇f =", np.round(grad_f, 6) + 0.0, "  λ∇g =", np.round(float(best[lam]) * grad_g, 6) + 0.0)

# %% [markdown]
# > **⚠️ Careful — the method needs $\nabla g \ne \mathbf{0}$ at the optimum.** The argument above used
# > "$\nabla g$ stands perpendicular to the curve"; where $\nabla g = \mathbf{0}$ the curve may have a corner
# > and the method can miss the answer. Minimise $f = x$ on the cusp $g = y^2 - x^3 = 0$: on the curve
# > $x = y^{2/3} \ge 0$, so the minimum is $0$ at $(0, 0)$. There $\nabla g = (-3x^2, 2y) = (0, 0)$ while
# > $\nabla f = (1, 0)$, and $\nabla f = \lambda\nabla g$ has no solution: the equations find no candidate.

# %% [markdown] lang="zh" twin="07814cb3"
# > **⚠️ 注意 — 这个方法要求在最优点处 $\nabla g \ne \mathbf{0}$**。上面的论证用到了“$\nabla g$
# > 与曲线垂直”；在 $\nabla g = \mathbf{0}$ 的地方，曲线可能有尖角，这个方法就可能漏掉答案。在尖点曲线
# > $g = y^2 - x^3 = 0$ 上求 $f = x$ 的最小值：曲线上 $x = y^{2/3} \ge 0$，所以最小值是 $0$，在
# > $(0, 0)$ 处取得。而在那里 $\nabla g = (-3x^2, 2y) = (0, 0)$，$\nabla f = (1, 0)$，方程
# > $\nabla f = \lambda\nabla g$ 无解：这组方程找不到任何候选点。

# %%
cusp_f, cusp_g = x, y ** 2 - x ** 3
L_cusp = cusp_f - lam * cusp_g
print("Lagrange candidates:", sp.solve([sp.diff(L_cusp, x), sp.diff(L_cusp, y), cusp_g], [x, y, lam], dict=True))
ys = np.linspace(-1, 1, 2001)
print(f"smallest x on the curve, by walking along it (x = |y|^(2/3)): {np.min(np.abs(ys) ** (2 / 3)):.3f}"
      f"   ∇g at (0, 0): {[sp.diff(cusp_g, v_).subs({x: 0, y: 0}) for v_ in (x, y)]}")

# %% [markdown]
# ### Exercise 6 — a constrained maximum
# Find the largest value of $xy$ under the condition $x + 2y = 8$. Give the value of $xy$ there, a number.

# %% [markdown] lang="zh" twin="0af9ad74"
# ### 练习 6 — 条件下的最大值
# 在条件 $x + 2y = 8$ 下求 $xy$ 的最大值。给出此时 $xy$ 的值（一个数）。

# %%
# Only `largest_product` is checked; `L6` (the Lagrange function) and `best6` (sympy's solution) are for your working.
### BEGIN SOLUTION
L6 = x * y - lam * (x + 2 * y - 8)
best6 = sp.solve([sp.diff(L6, x), sp.diff(L6, y), x + 2 * y - 8], [x, y, lam], dict=True)[0]
largest_product = float((x * y).subs(best6))
### END SOLUTION

# %%
check("03.lagrange_optimum", largest_product)

# %% [markdown]
# ## 8. The chain rule
#
# A network is functions inside functions. $y = e^{-x^2}$ is the **composite function (复合函数)**
# $y = f(u)$ with $u = g(x) = -x^2$. The **chain rule (链式法则)** says the slopes multiply:
#
# $$\frac{dy}{dx} = \frac{dy}{du}\,\frac{du}{dx} .$$
#
# (Ch. 01 already used it: the slope of $a(wx + b)$ in $x$ is $a'(z)\cdot w$.) sympy, once by the chain
# rule and once directly, then a central difference:

# %% [markdown] lang="zh" twin="546dc5f1"
# ## 8. 链式法则
#
# 神经网络就是函数套函数。$y = e^{-x^2}$ 是**复合函数**（composite function）$y = f(u)$，其中
# $u = g(x) = -x^2$。**链式法则**（chain rule）告诉我们，斜率要相乘：
#
# $$\frac{dy}{dx} = \frac{dy}{du}\,\frac{du}{dx} .$$
#
# （第 01 章已经用过它：$a(wx + b)$ 对 $x$ 的斜率是 $a'(z)\cdot w$。）下面用 sympy
# 分别按链式法则和直接求导各算一次，再用中心差分核对：

# %%
u = sp.symbols("u")
outer, inner = sp.exp(u), -x ** 2
by_chain = sp.diff(outer, u).subs(u, inner) * sp.diff(inner, x)
direct = sp.diff(sp.exp(-x ** 2), x)
print("chain rule equals sympy's direct derivative:", sp.simplify(by_chain - direct) == 0)
print(f"at x = 0.7: chain rule {float(by_chain.subs(x, 0.7)):.6f}   "
      f"central difference {float(calculus.derivative(lambda t: np.exp(-t ** 2), 0.7)):.6f}")
sp.Eq(sp.Derivative(sp.exp(-x ** 2), x), by_chain)

# %% [markdown]
# ### Exercise 7 — the chain rule
# Give $\dfrac{dy}{dx}$ for $y = \ln\bigl(1 + e^{3x}\bigr)$ as a sympy expression (`sp.log`, `sp.exp`).
# Outer function $\ln u$, inner function $u = 1 + e^{3x}$, which is itself a composite.

# %% [markdown] lang="zh" twin="f576646c"
# ### 练习 7 — 链式法则
# 对 $y = \ln\bigl(1 + e^{3x}\bigr)$，把 $\dfrac{dy}{dx}$ 写成 sympy 表达式（用
# `sp.log`、`sp.exp`）。外函数是 $\ln u$，内函数是 $u = 1 + e^{3x}$，而内函数本身又是一个复合函数。

# %%
### BEGIN SOLUTION
dy_dx = sp.diff(sp.log(1 + sp.exp(3 * x)), x)
### END SOLUTION

# %%
check("03.chain_rule", dy_dx)

# %% [markdown]
# **Several variables.** If $z = f(u, v)$ and both $u$ and $v$ depend on $x$ (and $y$), a small change
# of $x$ reaches $z$ along two paths, through $u$ and through $v$, and the two effects add:
#
# $$\frac{\partial z}{\partial x} = \frac{\partial z}{\partial u}\frac{\partial u}{\partial x}
#   + \frac{\partial z}{\partial v}\frac{\partial v}{\partial x} .$$
#
# Example: $z = u^2 v$ with $u = x + y$, $v = xy$.

# %% [markdown] lang="zh" twin="54d9609b"
# **多个变量**。如果 $z = f(u, v)$，而 $u$ 和 $v$ 都依赖于 $x$（和 $y$），那么 $x$
# 的一个小变化会沿两条路径传到 $z$——一条经过 $u$，一条经过 $v$——两部分效果相加：
#
# $$\frac{\partial z}{\partial x} = \frac{\partial z}{\partial u}\frac{\partial u}{\partial x}
#   + \frac{\partial z}{\partial v}\frac{\partial v}{\partial x} .$$
#
# 例：$z = u^2 v$，其中 $u = x + y$，$v = xy$。

# %%
v = sp.symbols("v")
z_uv, u_xy, v_xy = u ** 2 * v, x + y, x * y
two_paths = (sp.diff(z_uv, u) * sp.diff(u_xy, x) + sp.diff(z_uv, v) * sp.diff(v_xy, x)).subs({u: u_xy, v: v_xy})
substituted = sp.diff(z_uv.subs({u: u_xy, v: v_xy}), x)
print("sum over both paths equals the derivative of the substituted z:", sp.simplify(two_paths - substituted) == 0)
numeric = calculus.partial_derivative(lambda q: (q[0] + q[1]) ** 2 * q[0] * q[1], [1.0, 2.0], 0)
print(f"at (1, 2): chain rule {float(two_paths.subs({x: 1, y: 2})):.6f}   central difference {numeric:.6f}")
sp.Eq(sp.Derivative(z_uv.subs({u: u_xy, v: v_xy}), x), sp.expand(two_paths))

# %% [markdown]
# A **computational graph (计算图)** draws such a computation: a node per intermediate value, an arrow
# from each value to the nodes that use it, and on each arrow the **local derivative** of the node at its
# head with respect to the value at its tail. The chain rule then reads off the picture: $\partial z/\partial x$
# is the sum, over every path from $x$ to $z$, of the product of the local derivatives along it. At
# $(x, y) = (1, 2)$: paths $x \to u \to z$ and $x \to v \to z$ give $1\cdot12 + 2\cdot9 = 30$.

# %% [markdown] lang="zh" twin="36850517"
# **计算图**（computational graph）把这样的计算画出来：每个中间值是一个节点，从每个值向用到它的节点画箭头，每条箭头上标出箭头所指节点对箭尾那个值的**局部导数**（local derivative）。这样，链式法则就能直接从图上读出：对从
# $x$ 到 $z$ 的每一条路径，把路径上的局部导数相乘，再对所有路径求和，就得到
# $\partial z/\partial x$。在 $(x, y) = (1, 2)$ 处：路径 $x \to u \to z$ 和 $x \to v \to z$ 给出
# $1\cdot12 + 2\cdot9 = 30$。

# %% tags=["nbval-ignore-output"]
from dlmath.explorers.tangent import chain_graph_figure, chain_graph_values

chain_graph_figure(1.0, 2.0);

# %% [markdown]
# Now test the picture: nudge each input by a small $\varepsilon$, recompute every node, and see how
# much each one moves. The nudge of $x$ reaches $z$ along both paths, and $\Delta z/\varepsilon$ is the
# sum of the path products.

# %% [markdown] lang="zh" twin="514faf1d"
# 现在来检验这幅图：给每个输入加一个很小的扰动
# $\varepsilon$，重新计算每个节点，看各个节点变动了多少。$x$ 的扰动沿两条路径传到 $z$，而
# $\Delta z/\varepsilon$ 等于各条路径乘积之和。

# %%
def graph_forward(x_, y_):
    u_, v_ = x_ + y_, x_ * y_
    return u_, v_, u_ ** 2 * v_


nudge = 1e-6
graph = chain_graph_values(1.0, 2.0)
u0, v0, z0 = graph_forward(1.0, 2.0)
for name, (x1, y1) in [("x", (1.0 + nudge, 2.0)), ("y", (1.0, 2.0 + nudge))]:
    u1, v1, z1 = graph_forward(x1, y1)
    paths = graph["paths"][name]
    print(f"nudge {name}: Δu/ε = {(u1 - u0) / nudge:.4f}  Δv/ε = {(v1 - v0) / nudge:.4f}  "
          f"Δz/ε = {(z1 - z0) / nudge:.4f}   paths {paths[0]:g} + {paths[1]:g} = {sum(paths):g}")

# %% [markdown]
# ## 9. The multivariable approximation
#
# For one variable, $f(x + \Delta x) \approx f(x) + f'(x)\,\Delta x$: the tangent line. For two, the
# changes along $x$ and along $y$ add up the same way:
#
# $$\Delta z = f(x + \Delta x, y + \Delta y) - f(x, y)
#   \approx \frac{\partial z}{\partial x}\Delta x + \frac{\partial z}{\partial y}\Delta y
#   = \nabla z \cdot \Delta\mathbf{x},$$
#
# the inner product of the gradient $\nabla z = \bigl(\frac{\partial z}{\partial x}, \frac{\partial z}{\partial y}\bigr)$
# with the step $\Delta\mathbf{x} = (\Delta x, \Delta y)$ — the **multivariable approximation formula
# (多变量函数的近似公式)**. Geometrically, the surface is replaced by its **tangent plane (切平面)**, the
# graph of $f(x, y) + \nabla z\cdot\Delta\mathbf{x}$ over the steps $\Delta\mathbf{x}$, just as a curve is replaced
# by its tangent line. Chapter 04 builds gradient descent on exactly this formula.
#
# How good is it? For $z = x^2 y$ at $(1, 2)$, step $(\Delta, \Delta)$ with shrinking $\Delta$;
# `calculus.linear_approximation(f, grad, p, dp)` gives $z(p) + \nabla z(p)\cdot\Delta\mathbf{x}$ for a whole
# stack of steps at once (`grad=None` takes the gradient by central differences):

# %% [markdown] lang="zh" twin="19d52d28"
# ## 9. 多变量函数的近似
#
# 对单变量，$f(x + \Delta x) \approx f(x) + f'(x)\,\Delta x$：这就是切线。对两个变量，沿 $x$ 方向和沿
# $y$ 方向的变化以同样的方式相加：
#
# $$\Delta z = f(x + \Delta x, y + \Delta y) - f(x, y)
#   \approx \frac{\partial z}{\partial x}\Delta x + \frac{\partial z}{\partial y}\Delta y
#   = \nabla z \cdot \Delta\mathbf{x},$$
#
# 即梯度 $\nabla z = \bigl(\frac{\partial z}{\partial x}, \frac{\partial z}{\partial y}\bigr)$ 与步长
# $\Delta\mathbf{x} = (\Delta x, \Delta y)$
# 的内积——这就是**多变量函数的近似公式**（multivariable approximation formula）。从几何上看，曲面被它的**切平面**（tangent plane）代替，切平面就是
# $f(x, y) + \nabla z\cdot\Delta\mathbf{x}$ 随步长 $\Delta\mathbf{x}$
# 变化的图像，正如曲线被它的切线代替一样。第 04 章的梯度下降法正是建立在这个公式之上的。
#
# 它有多准？对 $z = x^2 y$ 在 $(1, 2)$ 处，取步长 $(\Delta, \Delta)$ 并让 $\Delta$
# 逐渐缩小；`calculus.linear_approximation(f, grad, p, dp)` 可以对一整叠步长一次算出
# $z(p) + \nabla z(p)\cdot\Delta\mathbf{x}$（`grad=None` 表示用中心差分求梯度）：

# %%
p = np.array([1.0, 2.0])
sizes = np.array([0.2, 0.1, 0.05, 0.025, 0.0125])
steps = np.stack([sizes, sizes], axis=1)  # shape (5, 2): one step (Δ, Δ) per row
exact_change = z_num(p + steps) - z_num(p)
approx_change = calculus.linear_approximation(z_num, None, p, steps) - z_num(p)
error = exact_change - approx_change
print("    Δ      exact Δz    ∇z·Δx      error     error/Δ²")
for d, e, a_, err in zip(sizes, exact_change, approx_change, error):
    print(f"{d:7.4f}  {e:9.6f}  {a_:9.6f}  {err:9.2e}  {err / d ** 2:8.4f}")

# %% [markdown]
# The last column settles near 4: the error is about $4\Delta^2$. Halving the step halves $\Delta z$
# but quarters the error, so the approximation gets *relatively* better and better as the step shrinks.
# (Here $\Delta z = 5\Delta + 4\Delta^2 + \Delta^3$ exactly: $\nabla z\cdot\Delta\mathbf{x}$ is the $5\Delta$.)
#
# ### Exercise 8 — predict a change
# For $z = x^2 y$ at $(1, 2)$, use the approximation formula to estimate $\Delta z$ for the step
# $\Delta x = 0.1$, $\Delta y = -0.05$. Give a number.

# %% [markdown] lang="zh" twin="72b550f4"
# 最后一列稳定在 4 附近：误差约为 $4\Delta^2$。步长减半，$\Delta z$
# 减半，误差却降为四分之一，所以随着步长缩小，这个近似*相对而言*越来越好。（这里精确地有
# $\Delta z = 5\Delta + 4\Delta^2 + \Delta^3$：$\nabla z\cdot\Delta\mathbf{x}$ 就是其中的
# $5\Delta$。）
#
# ### 练习 8 — 预测变化量
# 对 $z = x^2 y$ 在 $(1, 2)$ 处，用近似公式估计步长为 $\Delta x = 0.1$、$\Delta y = -0.05$ 时的
# $\Delta z$。给出一个数。

# %%
### BEGIN SOLUTION
dz_dx, dz_dy = [float(sp.diff(z_expr, s).subs({x: 1, y: 2})) for s in (x, y)]
delta_z = dz_dx * 0.1 + dz_dy * (-0.05)
### END SOLUTION

# %%
check("03.linear_approximation", delta_z)

# %% [markdown]
# ### Exercise 9 — how fast does the error shrink?
# Halve both $\Delta x$ and $\Delta y$. The error of $\Delta z \approx \nabla z\cdot\Delta\mathbf{x}$ becomes
# about **a** half · **b** a quarter · **c** an eighth · **d** no smaller. Answer with the letter in quotes.

# %% [markdown] lang="zh" twin="db504df0"
# ### 练习 9 — 误差缩小得有多快？
# 把 $\Delta x$ 和 $\Delta y$ 都减半。$\Delta z \approx \nabla z\cdot\Delta\mathbf{x}$
# 的误差大约变为原来的 **a** 一半 · **b** 四分之一 · **c** 八分之一 · **d**
# 并不变小。用带引号的字母作答。

# %%
### BEGIN SOLUTION
error_order = "b"
### END SOLUTION

# %%
check("03.error_order", error_order)

# %% [markdown]
# ### The tangent plane, moved by hand
# The surface $z = \sin x \cos y$ (left: its contour lines). Move the point $p = (x_0, y_0)$ and the step
# $\Delta = (\Delta x, \Delta y)$ (red). The right panel cuts the surface along the dotted line through $p$ in
# the direction of $\Delta$: there the tangent plane is a straight line. The black bar at distance
# $|\Delta|$ is the error of $\Delta z \approx \nabla z\cdot\Delta$. Shrink $\Delta$ along one direction and
# watch the error drop while error/$|\Delta|^2$ stays about the same; put $p$ next to a hilltop (e.g.
# $(1.55, 0)$, near the top at $(\pi/2, 0)$) and the plane turns almost flat: $\nabla z \approx 0$.

# %% [markdown] lang="zh" twin="378a7f9d"
# ### 亲手移动切平面
# 曲面 $z = \sin x \cos y$（左图是它的等高线）。移动点 $p = (x_0, y_0)$ 和步长
# $\Delta = (\Delta x, \Delta y)$（红色）。右图沿着过 $p$、方向为 $\Delta$
# 的点线把曲面切开：在这个截面上，切平面是一条直线。在距离 $|\Delta|$ 处的黑色竖条就是
# $\Delta z \approx \nabla z\cdot\Delta$ 的误差。沿一个方向缩小 $\Delta$，可以看到误差下降，而
# error/$|\Delta|^2$ 大致保持不变；把 $p$ 放到山顶旁边（例如 $(1.55, 0)$，靠近位于 $(\pi/2, 0)$
# 的山顶），切平面几乎变平：$\nabla z \approx 0$。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
plane_explorer()

# %% [markdown]
# ## 10. Sequences and recurrence relations
#
# A **sequence (数列)** is a list of numbers $a_1, a_2, a_3, \dots$; the ones in a network are finite,
# and the final one is the **last term (末项)**. A sequence can be given by a **general term
# (通项公式)**, a formula for $a_n$ in terms of $n$, or by a **recurrence relation (递推关系式)**, which
# builds each term from the one before:
#
# $$a_1 = 4, \qquad a_{n+1} = \tfrac12 a_n + 1 .$$
#
# By hand, then with `calculus.recurrence(first, rule, n)`:

# %% [markdown] lang="zh" twin="02762609"
# ## 10. 数列与递推关系式
#
# **数列**（sequence）是一列数
# $a_1, a_2, a_3, \dots$；神经网络中的数列都是有限的，最后一项称为**末项**（last term）。数列可以由**通项公式**（general term）给出，即用
# $n$ 表示 $a_n$ 的式子；也可以由**递推关系式**（recurrence relation）给出，它由前一项构造出后一项：
#
# $$a_1 = 4, \qquad a_{n+1} = \tfrac12 a_n + 1 .$$
#
# 先手算，再用 `calculus.recurrence(first, rule, n)`：

# %%
terms = [4.0]
for _ in range(5):
    terms.append(0.5 * terms[-1] + 1)
print("by hand:", terms)
print("lib:    ", calculus.recurrence(4.0, lambda t: 0.5 * t + 1, 6))

# %% [markdown]
# sympy's `rsolve` turns the recurrence into a general term. For $a_{n+1} = r a_n + c$ with $r \ne 1$ it is
# $a_n = L + r^{\,n-1}(a_1 - L)$ with $L = \frac{c}{1 - r}$ — here $a_n = 2 + 4/2^n$, so the terms approach 2:

# %% [markdown] lang="zh" twin="d1cedc50"
# sympy 的 `rsolve` 能把递推关系式变成通项公式。对 $a_{n+1} = r a_n + c$（$r \ne 1$），通项是
# $a_n = L + r^{\,n-1}(a_1 - L)$，其中 $L = \frac{c}{1 - r}$——这里 $a_n = 2 + 4/2^n$，所以各项趋近于
# 2：

# %%
n = sp.symbols("n", integer=True)
seq = sp.Function("a")
general = sp.rsolve(seq(n + 1) - sp.Rational(1, 2) * seq(n) - 1, seq(n), {seq(1): 4})
by_formula = [float(general.subs(n, k)) for k in range(1, 7)]
print("general term gives:", by_formula, "  same as the recurrence:",
      np.allclose(by_formula, calculus.recurrence(4.0, lambda t: 0.5 * t + 1, 6)))
sp.Eq(seq(n), general)

# %% [markdown]
# ### Exercise 10 — a term of a recurrence
# $a_1 = 1$ and $a_{n+1} = 2a_n + 3$. What is $a_{10}$? Give a number (by a loop, by `calculus.recurrence`,
# or by the general term).

# %% [markdown] lang="zh" twin="821d7da8"
# ### 练习 10 — 递推数列的一项
# $a_1 = 1$，$a_{n+1} = 2a_n + 3$。$a_{10}$ 是多少？给出一个数（可以用循环、用
# `calculus.recurrence`，或者用通项公式）。

# %%
### BEGIN SOLUTION
a10 = float(calculus.recurrence(1.0, lambda t: 2 * t + 3, 10)[-1])
### END SOLUTION

# %%
check("03.recurrence_term", a10)

# %% [markdown]
# ### Backwards from the last term: the idea of backpropagation
#
# Chain four sigmoid neurons, each with one input: $x_k = \sigma(w_k x_{k-1} + b_k)$ for $k = 1, \dots, 4$,
# and $y = x_4$. The forward pass is a recurrence from the first term $x_0 = x$. The chain rule gives
# $\frac{dy}{dx}$ as a product of local slopes, and the product can be collected **from the end**: with
# $\delta_k = \frac{dy}{dx_k}$,
#
# $$\delta_4 = 1, \qquad \delta_{k-1} = \delta_k \cdot \sigma'(w_k x_{k-1} + b_k)\, w_k, \qquad
#   \frac{dy}{dx} = \delta_0 .$$
#
# That is a recurrence computed backwards from its last term. Each step reuses the $\delta$ before it
# instead of differentiating the whole chain again — this is the heart of **backpropagation
# (误差反向传播法)**, chapter 07, where the $\delta$s are vectors and the factors matrices.

# %% [markdown] lang="zh" twin="ea5eec03"
# ### 从末项往回推：误差反向传播法的思想
#
# 把四个 Sigmoid
# 神经元串起来，每个只有一个输入：$x_k = \sigma(w_k x_{k-1} + b_k)$（$k = 1, \dots, 4$），并令
# $y = x_4$。正向传播就是从首项 $x_0 = x$ 出发的递推。链式法则把 $\frac{dy}{dx}$
# 表示为各个局部斜率的乘积，而这个乘积可以**从末端**开始累积：令 $\delta_k = \frac{dy}{dx_k}$，则
#
# $$\delta_4 = 1, \qquad \delta_{k-1} = \delta_k \cdot \sigma'(w_k x_{k-1} + b_k)\, w_k, \qquad
#   \frac{dy}{dx} = \delta_0 .$$
#
# 这是一个从末项开始往回计算的递推关系式。每一步都重复利用前一步算出的
# $\delta$，而不必把整条链重新求导一遍——这正是**误差反向传播法**（backpropagation）的核心。第 07
# 章会讲它，在那里 $\delta$ 是向量，各个因子是矩阵。

# %%
w = [2.0, -1.5, 1.0, 3.0]
b = [0.5, 0.0, -1.0, 0.2]
x0 = 0.3

xs = [x0]  # forward: x_1, …, x_4 from x_0
for wk, bk in zip(w, b):
    xs.append(float(act.sigmoid(wk * xs[-1] + bk)))

delta = 1.0  # backward: δ_4 = 1, then δ_3, δ_2, δ_1, δ_0
for k in range(4, 0, -1):
    delta *= float(act.sigmoid_derivative(w[k - 1] * xs[k - 1] + b[k - 1])) * w[k - 1]


def chain(t):
    for wk, bk in zip(w, b):
        t = act.sigmoid(wk * t + bk)
    return t


print(f"dy/dx by the backward recurrence {delta:.8f}")
print(f"dy/dx by central differences     {float(calculus.derivative(chain, x0)):.8f}")

# %% [markdown]
# sympy agrees, but look at the size of the expression it has to carry for only four neurons —
# chapter 06 calls this "derivative hell":

# %% [markdown] lang="zh" twin="f1ef6089"
# sympy 的结果也一致，但请看：仅仅四个神经元，它要处理的表达式就已经如此庞大——第 06
# 章把这称为“导数地狱”：

# %%
t_sym = sp.symbols("t")
chain_expr = t_sym
for wk, bk in zip(w, b):
    chain_expr = 1 / (1 + sp.exp(-(sp.nsimplify(wk) * chain_expr + sp.nsimplify(bk))))
chain_slope = sp.diff(chain_expr, t_sym)
print(f"sympy: {float(chain_slope.subs(t_sym, x0)):.8f}   ({sp.count_ops(chain_slope)} operations in its expression)")

# %% [markdown]
# When every step has the same rule, `calculus.backward_recurrence(last, rule, n)` does the backward
# walk. Four identical linear layers $x_k = 0.5\,x_{k-1} + 1$ have local slope $0.5$ each, so
# $\delta_{k-1} = 0.5\,\delta_k$ from $\delta_4 = 1$:

# %% [markdown] lang="zh" twin="b139e69d"
# 当每一步的规则都相同时，`calculus.backward_recurrence(last, rule, n)`
# 会完成这趟反向计算。四个相同的线性层 $x_k = 0.5\,x_{k-1} + 1$，每层的局部斜率都是 $0.5$，所以从
# $\delta_4 = 1$ 出发，$\delta_{k-1} = 0.5\,\delta_k$：

# %%
print("δ_0 … δ_4 =", calculus.backward_recurrence(1.0, lambda d: 0.5 * d, 5))

# %% [markdown]
# ## Summary
# - The derivative $f'(a)$ is the limit of the difference quotient $\frac{f(a+h)-f(a)}{h}$: the slope of the
#   tangent $y = f(a) + f'(a)(x-a)$. sympy computes it; a central difference
#   $\frac{f(a+h)-f(a-h)}{2h}$ (error $\sim h^2$, but don't push $h$ below $\approx 10^{-6}$) checks it.
# - $f'(a) = 0$ is necessary for a minimum, not sufficient ($x^3$ at 0). With two variables:
#   $\partial f/\partial x = \partial f/\partial y = 0$. Under a condition $g = 0$ with $\nabla g \ne \mathbf{0}$:
#   Lagrange, $\nabla f = \lambda \nabla g$.
# - At a stationary point $f'' > 0$ means a minimum, $f'' < 0$ a maximum. For two variables the
#   eigenvalues of the Hessian are the curvatures along its eigenvectors: all positive, a bowl.
# - Partial derivatives hold the other variables fixed. The chain rule multiplies slopes along a path and
#   adds the paths: a computational graph shows the paths.
# - $\Delta z \approx \nabla z\cdot\Delta\mathbf{x}$, with an error of order $\Delta^2$: halve the step, quarter the error.
# - A recurrence relation builds a sequence term by term; run backwards from the last term, it computes
#   the chain rule's product efficiently — backpropagation's idea.
#
# **Next:** [04 · Gradient descent](04_gradient_descent.ipynb) — choose the step $\Delta\mathbf{x}$ that makes
# $\nabla z\cdot\Delta\mathbf{x}$ as negative as possible.

# %% [markdown] lang="zh" twin="6d0f8cd4"
# ## 小结
# - 导数 $f'(a)$ 是差商 $\frac{f(a+h)-f(a)}{h}$ 的极限，即切线 $y = f(a) + f'(a)(x-a)$ 的斜率。sympy
#   负责计算它；中心差分 $\frac{f(a+h)-f(a-h)}{2h}$（误差 $\sim h^2$，但不要把 $h$ 压到
#   $\approx 10^{-6}$ 以下）负责核对它。
# - $f'(a) = 0$ 是最小值的必要条件，而不是充分条件（例如 $x^3$ 在 0
#   处）。两个变量时：$\partial f/\partial x = \partial f/\partial y = 0$。在条件 $g = 0$ 下，且
#   $\nabla g \ne \mathbf{0}$ 时：拉格朗日乘数法，$\nabla f = \lambda \nabla g$。
# - 在驻点处，$f'' > 0$ 表示最小值，$f'' < 0$
#   表示最大值。对两个变量，黑塞矩阵的特征值就是沿其特征向量方向的曲率：全为正，就是一个碗。
# - 偏导数把其他变量固定不动。链式法则沿一条路径把斜率相乘，再把各条路径相加：计算图把这些路径画了出来。
# - $\Delta z \approx \nabla z\cdot\Delta\mathbf{x}$，误差是 $\Delta^2$
#   阶的：步长减半，误差降为四分之一。
# - 递推关系式逐项构造数列；从末项往回运行时，它能高效地算出链式法则中的乘积——这就是误差反向传播法的思想。
#
# **下一章**：[04 · 梯度下降法](04_gradient_descent.ipynb)——选择使 $\nabla z\cdot\Delta\mathbf{x}$
# 尽可能负的步长 $\Delta\mathbf{x}$。
