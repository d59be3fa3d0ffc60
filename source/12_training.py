# The one source of chapter 12: `python tools/build_notebooks.py 12` builds
# chapters/12_training.ipynb and solutions/12_training.ipynb.

# %% [markdown]
# # 12 · Training in practice
#
# **Goals.** After this chapter you can
# - say what a minibatch gradient estimates, and measure how its noise shrinks with the batch size;
# - write the momentum step as a 2×2 linear map, find from its eigenvalues when it converges and how fast,
#   and compute the best learning rate and momentum for a quadratic;
# - write one step of RMSProp and of Adam by hand, bias correction included, and say when Adam is not the
#   better choice;
# - choose the scale of initial weights from the variance of the signals;
# - derive squared error and cross entropy as negative log-likelihoods;
# - keep a validation set apart from the test set, and measure what weight decay, early stopping,
#   dropout and shifted images do against overfitting.
#
# **You need** from [chapter 04](04_gradient_descent.ipynb) gradient descent and the stable bound
# $2/\lambda_{\max}$, from [chapter 07](07_backpropagation.ipynb) the digits network and its minibatches,
# and from [chapter 10](10_subspaces_and_attention.ipynb) the spectral radius: a linear recurrence
# $\mathbf{v}_{k+1} = M\mathbf{v}_k$ shrinks to 0 exactly when every eigenvalue of $M$ has modulus below 1.

# %% [markdown] lang="zh" twin="ff0991bb"
# # 12 · 实践中的训练
#
# **目标**。学完本章，你能够：
# - 说出小批量梯度估计的是什么，并测量它的噪声如何随批量大小而减小；
# - 把动量的一步写成一个 2×2 的线性映射，由它的特征值判断何时收敛、收敛多快，并对二次函数算出最好的学习率和动量；
# - 亲手写出 RMSProp 和 Adam 的一步（包括偏差修正），并说出什么时候 Adam 不是更好的选择；
# - 根据信号的方差选择初始权重的尺度；
# - 把平方误差和交叉熵推导为负对数似然；
# - 把验证集与测试集分开，并测量权重衰减、早停、随机失活和平移后的图像对抗过拟合的效果。
#
# **前置知识**：[第 04 章](04_gradient_descent.ipynb)的梯度下降法和稳定界限
# $2/\lambda_{\max}$，[第 07 章](07_backpropagation.ipynb)的手写数字网络及其小批量，以及[第 10 章](10_subspaces_and_attention.ipynb)的谱半径：线性递推
# $\mathbf{v}_{k+1} = M\mathbf{v}_k$ 收缩到 0，当且仅当 $M$ 的每个特征值的模都小于 1。

# %%
import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from dlmath import check, datasets
from dlmath import optimize as opt
from dlmath.models import MLP
from dlmath.optimizers import SGD, Adam, RMSProp

rng = np.random.default_rng(12)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. Stochastic gradients
#
# The cost of a network is a mean over its $N$ training samples, $C = \frac1N\sum_i C_i$, so its gradient
# is the mean of the samples' gradients, $\nabla C = \frac1N\sum_i \nabla C_i$. Chapter 07 never computed
# that full mean: each step used a **minibatch (小批量)** of $B = 32$ samples drawn at random and the mean
# of *their* gradients,
#
# $$\mathbf{g}_B = \frac1B\sum_{i\in\text{batch}}\nabla C_i .$$
#
# Averaged over all the batches one could draw, $\mathbf{g}_B$ is exactly $\nabla C$: the minibatch
# gradient is an **unbiased** estimate of the full one. It is not exact: its **variance** is that of one
# sample's gradient divided by $B$ (for samples drawn independently), so its spread, the standard
# deviation, shrinks only as $1/\sqrt B$. The cell measures it on the digits network of chapter 07 (after
# two epochs of training), for the 640 weights of its output layer, with every image's own gradient
# computed exactly by backpropagation: the mean squared distance of $\mathbf g_B$ from $\nabla C$.

# %% [markdown] lang="zh" twin="22f7f0d9"
# ## 1. 随机梯度
#
# 网络的代价是它在 $N$
# 个训练样本上的平均，$C = \frac1N\sum_i C_i$，所以它的梯度是各样本梯度的平均，$\nabla C = \frac1N\sum_i \nabla C_i$。第 07 章从未算过这个完整的平均：每一步用的都是随机抽取的
# $B = 32$ 个样本组成的一个**小批量**（minibatch），以及*这些*样本梯度的平均：
#
# $$\mathbf{g}_B = \frac1B\sum_{i\in\text{batch}}\nabla C_i .$$
#
# 对所有可能抽到的批量取平均，$\mathbf{g}_B$ 恰好等于
# $\nabla C$：小批量梯度是完整梯度的**无偏**估计。但它并不精确：它的**方差**等于单个样本梯度的方差除以
# $B$（样本独立抽取时），所以它的离散程度，即标准差，只按 $1/\sqrt B$
# 缩小。下面的单元格在第 07 章的手写数字网络上（训练两个轮次之后）测量这一点，对象是输出层的 640 个权重，每张图像各自的梯度都用误差反向传播法精确算出；测量的量是
# $\mathbf g_B$ 到 $\nabla C$ 的均方距离。

# %%
digits = datasets.digits()
net = MLP((64, 64, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=0)
net.fit(digits.x_train, digits.y_train, eta=0.2, epochs=2, batch_size=32, momentum=0.9, seed=0)

# each training image's gradient of the output layer's 640 weights, exactly, by backpropagation
targets = np.eye(10)[digits.y_train]
per_sample = []
for i in range(len(digits.x_train)):
    net.forward(digits.x_train[i:i + 1])
    dW, db = net.backward(targets[i:i + 1])
    per_sample.append(dW[1].ravel())  # the output layer's weights, 10 × 64
per_sample = np.array(per_sample)
full = per_sample.mean(axis=0)  # the full gradient ∇C (of these weights)
spread = np.mean(np.sum((per_sample - full) ** 2, axis=1))  # E‖∇C_i − ∇C‖² for one sample
print(f"‖∇C‖ = {np.linalg.norm(full):.4f}; one sample's squared error E‖∇C_i − ∇C‖² = {spread:.4f}")
for B in (1, 4, 16, 64):
    errors = [np.sum((per_sample[rng.integers(0, len(per_sample), B)].mean(axis=0) - full) ** 2)
              for _ in range(6000)]
    print(f"B = {B:2d}: E‖g_B − ∇C‖² = {np.mean(errors):.5f}, × B = {B * np.mean(errors):.4f}")
print(f"one epoch in batches of 32: {len(digits.x_train)} images, {int(np.ceil(len(digits.x_train) / 32))} steps")

# %% [markdown]
# The squared error × $B$ stays at one sample's squared error, whatever $B$ is: the variance of the
# minibatch gradient falls as $1/B$.
#
# An **epoch (轮次)** is one pass over the training set in batches; with $N = 1347$ images and $B = 32$ it
# is 43 steps, each costing $B$ gradients instead of $N$. The price is noise, and noise of fixed size
# never settles. On one direction of curvature $\lambda$, with gradient noise $\xi$ of variance
# $\sigma^2$, the step $x \leftarrow x - \eta(\lambda x + \xi)$ keeps $x$ jumping around the minimum
# with, in the long run,
#
# $$\mathbb E[x^2] = \frac{\eta\,\sigma^2}{\lambda\,(2-\eta\lambda)} \approx \frac{\eta\,\sigma^2}{2\lambda}:$$
#
# the mean *squared* distance is proportional to $\eta$ (the distance to $\sqrt\eta$). Halving $\eta$
# halves it, but also halves the speed of the way there. So training usually **lowers $\eta$ as it
# goes** — a **learning-rate schedule (学习率调度)** (`dlmath.optimizers`: `step_decay`, `cosine`). The
# cell runs the noisy step 2000 times side by side for 5000 steps ($\lambda = 1$, $\sigma^2 = 4$) and
# compares $\mathbb E[x^2]$ at the end with the formula, then lets a cosine schedule take $\eta$ from
# 0.1 down to 0.

# %% [markdown] lang="zh" twin="098dd3aa"
# 无论 $B$ 取多少，平方误差 × $B$ 都保持在单个样本的平方误差上：小批量梯度的方差按 $1/B$ 下降。
#
# 按批量把训练集过一遍，叫作一个**轮次**（epoch）；有 $N = 1347$ 张图像、$B = 32$
# 时，一个轮次是 43 步，每步只需算 $B$ 个梯度，而不是 $N$
# 个。代价是噪声，而大小固定的噪声永远不会平息。在曲率为 $\lambda$ 的一个方向上，若梯度噪声 $\xi$
# 的方差为 $\sigma^2$，则步骤 $x \leftarrow x - \eta(\lambda x + \xi)$ 会让 $x$
# 一直在最小值点周围跳动，长期来看
#
# $$\mathbb E[x^2] = \frac{\eta\,\sigma^2}{\lambda\,(2-\eta\lambda)} \approx \frac{\eta\,\sigma^2}{2\lambda}:$$
#
# 也就是说，到最小值点的*平方*距离的均值与 $\eta$ 成正比（距离本身与 $\sqrt\eta$ 成正比）。把 $\eta$
# 减半，它也减半，但走到那里的速度同样减半。所以训练通常会**边训练边降低 $\eta$**，这就是**学习率调度**（learning-rate schedule），见 `dlmath.optimizers` 中的 `step_decay`、`cosine`。下面的单元格把这个带噪声的步骤并排运行 2000 次，每次各走 5000 步（$\lambda = 1$，$\sigma^2 = 4$），把最后的
# $\mathbb E[x^2]$ 与公式比较，然后让余弦调度把 $\eta$ 从 0.1 降到 0。

# %%
from dlmath.optimizers import cosine


def noisy_descent(etas, lam=1.0, sigma2=4.0, runs=2000):
    x = np.full(runs, 2.0)  # 2000 runs side by side, all from x = 2
    for eta in etas:
        x -= eta * (lam * x + rng.normal(0.0, np.sqrt(sigma2), runs))
    return x


for eta in (0.1, 0.05, 0.025):
    x = noisy_descent([eta] * 5000)
    print(f"η = {eta:5.3f}: E[x²] after 5000 steps {np.mean(x ** 2):.4f}, "
          f"formula ησ²/(λ(2 − ηλ)) = {eta * 4.0 / (2 - eta):.4f}")
schedule = cosine(0.1, 5000)
x = noisy_descent([schedule(k) for k in range(5000)])
print(f"cosine, η from 0.1 to 0: E[x²] after 5000 steps {np.mean(x ** 2):.4f}")

# %% [markdown]
# The schedule ends closer to the minimum than any of the fixed rates: large steps while far away, small
# ones once the noise is all that is left.
#
# ### Exercise 1 — how much noise
# Each sample's gradient (of one weight) has variance $\sigma^2 = 4$. What is the variance of the mean
# of a minibatch of $B = 16$ independently drawn samples?

# %% [markdown] lang="zh" twin="bdc39824"
# 调度最后比任何一个固定的学习率都更接近最小值点：离得远时迈大步，只剩噪声时迈小步。
#
# ### 练习 1 — 噪声有多大
# 每个样本（某一个权重）的梯度的方差为 $\sigma^2 = 4$。由 $B = 16$
# 个独立抽取的样本组成一个小批量，其平均值的方差是多少？

# %%
### BEGIN SOLUTION
batch_variance = 4 / 16
### END SOLUTION

# %%
check("12.minibatch_variance", batch_variance)

# %% [markdown]
# ## 2. Momentum is a linear recurrence
#
# Chapter 07 trained with **momentum (动量)** $\beta = 0.9$: each step keeps a fraction $\beta$ of the
# last step and adds the new gradient step,
#
# $$x_{k+1} = x_k - \eta\,\nabla f(x_k) + \beta\,(x_k - x_{k-1}).$$
#
# On a long narrow valley the gradient steps along the valley floor point the same way and add up, while
# those across the valley alternate in sign and cancel. How much exactly, and for which $\eta$ and
# $\beta$? On one direction of a quadratic, $f(x) = \tfrac12\lambda x^2$ with curvature $\lambda$, the
# gradient is $\lambda x$ and the step is **linear** in the pair $(x_k, x_{k-1})$:
#
# $$\begin{pmatrix}x_{k+1}\\ x_k\end{pmatrix} =
#   \underbrace{\begin{pmatrix}1+\beta-\eta\lambda & -\beta\\ 1 & 0\end{pmatrix}}_{M}
#   \begin{pmatrix}x_k\\ x_{k-1}\end{pmatrix}.$$
#
# So $x_k \to 0$ for every start exactly when the **spectral radius** of $M$, the largest modulus of its
# eigenvalues, is below 1 — and it is also the factor by which the distance shrinks per step in the long
# run.
#
# ### Exercise 2 — the matrix
# Write $M$ for $\eta = 0.1$, $\beta = 0.5$, $\lambda = 4$ as a 2×2 array.

# %% [markdown] lang="zh" twin="6806e1cb"
# ## 2. 动量是一个线性递推
#
# 第 07 章训练时用了**动量**（momentum） $\beta = 0.9$：每一步保留上一步的 $\beta$
# 倍，再加上新的梯度步，
#
# $$x_{k+1} = x_k - \eta\,\nabla f(x_k) + \beta\,(x_k - x_{k-1}).$$
#
# 在一条狭长的山谷里，沿谷底方向的梯度步指向相同，会累加起来；横穿山谷的梯度步则正负交替，会相互抵消。累加和抵消的程度究竟有多大？又是对哪些
# $\eta$ 和 $\beta$ 才如此？在二次函数的一个方向上，即曲率为 $\lambda$ 的 $f(x) = \tfrac12\lambda x^2$
# 上，梯度是 $\lambda x$，这一步关于数对 $(x_k, x_{k-1})$ 是**线性**的：
#
# $$\begin{pmatrix}x_{k+1}\\ x_k\end{pmatrix} =
#   \underbrace{\begin{pmatrix}1+\beta-\eta\lambda & -\beta\\ 1 & 0\end{pmatrix}}_{M}
#   \begin{pmatrix}x_k\\ x_{k-1}\end{pmatrix}.$$
#
# 所以，对每个起点都有 $x_k \to 0$，当且仅当 $M$
# 的**谱半径**（其特征值的模的最大值）小于 1；从长期看，谱半径也就是距离每步缩小的因子。
#
# ### 练习 2 — 矩阵
# 对 $\eta = 0.1$、$\beta = 0.5$、$\lambda = 4$，把 $M$ 写成一个 2×2 数组。

# %%
### BEGIN SOLUTION
M = np.array([[1 + 0.5 - 0.1 * 4, -0.5], [1.0, 0.0]])
### END SOLUTION

# %%
check("12.heavy_ball_matrix", M)

# %% [markdown]
# The cell runs the momentum step of the lib (`SGD(eta, momentum)`) on $f = \tfrac12\cdot 4x^2$ and
# compares the shrinking with the spectral radius of `opt.heavy_ball_matrix`.

# %% [markdown] lang="zh" twin="0e2d582d"
# 下面的单元格在 $f = \tfrac12\cdot 4x^2$ 上运行库中的动量步（`SGD(eta, momentum)`），并把实测的收缩与
# `opt.heavy_ball_matrix` 的谱半径相比较。

# %%
for eta, beta in ((0.1, 0.0), (0.1, 0.5), (0.3, 0.5), (0.8, 0.5)):
    p, step, xs = np.array([1.0]), SGD(eta, beta), []
    for _ in range(100):
        step.step([p], [4.0 * p])
        xs.append(abs(p[0]))
    measured = (max(xs[90:]) / max(xs[40:50])) ** (1 / 50)  # the shrinking per step over the last 50 steps
    radius = np.max(np.abs(np.linalg.eigvals(opt.heavy_ball_matrix(eta, beta, 4.0))))
    print(f"η = {eta}, β = {beta}: spectral radius {radius:.3f}, measured factor per step {measured:.3f}")

# %% [markdown]
# **The stable region.** The eigenvalues $z$ of $M$ solve $z^2 - (1+\beta-\eta\lambda)\,z + \beta = 0$.
# Their product is $\beta$; when they are complex both have modulus $\sqrt\beta$, which is below 1 for
# $0 \le \beta < 1$. When they are real, one of them leaves the interval $(-1, 1)$ at $z = -1$, where
# $1 + (1+\beta-\eta\lambda) + \beta = 0$, i.e. at $\eta\lambda = 2(1+\beta)$. So
#
# $$\text{momentum converges on } \tfrac12\lambda x^2 \iff 0 \le \beta < 1 \text{ and }
#   0 < \eta < \frac{2(1+\beta)}{\lambda},$$
#
# twice chapter 04's bound $2/\lambda$ as $\beta \to 1$. The cell checks the derived edge against the
# eigenvalues on a grid of $(\eta, \beta)$.

# %% [markdown] lang="zh" twin="271fb738"
# **稳定区域**。$M$ 的特征值 $z$ 满足 $z^2 - (1+\beta-\eta\lambda)\,z + \beta = 0$。它们的乘积是
# $\beta$；当它们是复数时，两者的模都是 $\sqrt\beta$，在 $0 \le \beta < 1$
# 时小于 1。当它们是实数时，其中一个会在 $z = -1$ 处离开区间 $(-1, 1)$，此时
# $1 + (1+\beta-\eta\lambda) + \beta = 0$，即 $\eta\lambda = 2(1+\beta)$。所以
#
# $$\text{momentum converges on } \tfrac12\lambda x^2 \iff 0 \le \beta < 1 \text{ and }
#   0 < \eta < \frac{2(1+\beta)}{\lambda},$$
#
# 当 $\beta \to 1$ 时，这个界限是第 04 章界限 $2/\lambda$ 的两倍。下面的单元格在 $(\eta, \beta)$
# 的网格上，用特征值来检验推导出的这条边界。

# %%
etas, betas = np.meshgrid(np.linspace(0.01, 1.0, 200), np.linspace(0.0, 0.95, 96))
radius = opt.heavy_ball_radius(etas, betas, 4.0)
derived = etas < 2 * (1 + betas) / 4.0
agree = (radius < 1) == derived
print(f"{agree.mean():.2%} of {agree.size} grid points agree; the others lie within "
      f"{np.abs(etas - 2 * (1 + betas) / 4.0)[~agree].max(initial=0):.1e} of the edge")

# %% [markdown]
# ### Exercise 3 — the stable limit
# With momentum $\beta = 0.8$ on a direction of curvature $\lambda = 9$, what is the largest stable $\eta$?

# %% [markdown] lang="zh" twin="454e793c"
# ### 练习 3 — 稳定的上限
# 在曲率为 $\lambda = 9$ 的方向上使用动量 $\beta = 0.8$，最大的稳定 $\eta$ 是多少？

# %%
### BEGIN SOLUTION
eta_limit = 2 * (1 + 0.8) / 9
### END SOLUTION

# %%
check("12.stable_eta_limit", eta_limit)

# %% [markdown]
# **The best $(\eta, \beta)$.** A real problem has many curvatures, from $\lambda_{\min}$ to $\lambda_{\max}$,
# with the **condition number (条件数)** $\kappa = \lambda_{\max}/\lambda_{\min}$. Without momentum the best
# fixed step is $\eta = 2/(\lambda_{\min}+\lambda_{\max})$ and the distance shrinks per step by
# $(\kappa-1)/(\kappa+1)$ (chapter 04's factor $\max|1-\eta\lambda|$ is smallest when the two ends balance,
# $1-\eta\lambda_{\min} = \eta\lambda_{\max}-1$). With momentum the best choice puts both extreme curvatures on the
# complex circle of radius $\sqrt\beta$:
#
# $$\eta^* = \frac{4}{(\sqrt{\lambda_{\max}}+\sqrt{\lambda_{\min}})^2},\qquad
#   \beta^* = \Bigl(\frac{\sqrt\kappa-1}{\sqrt\kappa+1}\Bigr)^2,\qquad
#   \text{rate } \sqrt{\beta^*} = \frac{\sqrt\kappa-1}{\sqrt\kappa+1}.$$
#
# For $\kappa = 100$ the number of steps to gain a factor of 10 drops from about 115 to about 11.

# %% [markdown] lang="zh" twin="b4963214"
# **最好的 $(\eta, \beta)$**。实际问题有许多曲率，从 $\lambda_{\min}$ 到 $\lambda_{\max}$，两者之比
# $\kappa = \lambda_{\max}/\lambda_{\min}$
# 称为**条件数**（condition number）。不用动量时，最好的固定学习率是
# $\eta = 2/(\lambda_{\min}+\lambda_{\max})$，距离每步缩小为原来的
# $(\kappa-1)/(\kappa+1)$ 倍（第 04 章的因子 $\max|1-\eta\lambda|$ 在两端平衡时最小，即
# $1-\eta\lambda_{\min} = \eta\lambda_{\max}-1$）。使用动量时，最好的选择是让两个极端曲率都落在半径为
# $\sqrt\beta$ 的复圆上：
#
# $$\eta^* = \frac{4}{(\sqrt{\lambda_{\max}}+\sqrt{\lambda_{\min}})^2},\qquad
#   \beta^* = \Bigl(\frac{\sqrt\kappa-1}{\sqrt\kappa+1}\Bigr)^2,\qquad
#   \text{rate } \sqrt{\beta^*} = \frac{\sqrt\kappa-1}{\sqrt\kappa+1}.$$
#
# 当 $\kappa = 100$ 时，把距离缩小到十分之一所需的步数从约 115 步降到约 11 步。

# %%
for kappa in (10.0, 100.0, 1000.0):
    eta_star, beta_star, rate = opt.optimal_momentum(1.0, kappa)
    plain = (kappa - 1) / (kappa + 1)
    print(f"κ = {kappa:6.0f}: η* = {eta_star:.4f}, β* = {beta_star:.3f}, rate {rate:.4f} "
          f"({np.log(10) / -np.log(rate):.0f} steps per factor 10) vs {plain:.4f} without momentum "
          f"({np.log(10) / -np.log(plain):.0f} steps)")

# %% [markdown]
# ### Exercise 4 — the best rate
# The curvatures of a quadratic run from $\lambda_{\min} = 1$ to $\lambda_{\max} = 100$. What is the
# factor per step of momentum at its best $(\eta^*, \beta^*)$?

# %% [markdown] lang="zh" twin="8069368b"
# ### 练习 4 — 最好的收敛速率
# 某个二次函数的曲率从 $\lambda_{\min} = 1$ 到 $\lambda_{\max} = 100$。动量法取最好的
# $(\eta^*, \beta^*)$ 时，每步的收缩因子是多少？

# %%
### BEGIN SOLUTION
best_rate = (np.sqrt(100) - 1) / (np.sqrt(100) + 1)
### END SOLUTION

# %%
check("12.optimal_rate", best_rate)

# %% [markdown]
# **The picture.** Left, the rate at every $(\eta, \beta)$ on the ravine $f = \tfrac12(x^2 + 25y^2)$
# ($\kappa = 25$), with the edge of the stable region in red and the optimum as a star; middle and right,
# the run of the point under the sliders. Move $\beta$ up from 0 at a fixed $\eta$ and watch the zig-zag
# across the valley turn into a spiral; cross the red line and the run diverges.

# %% [markdown] lang="zh" twin="9039ca3f"
# **图示**。左图是峡谷 $f = \tfrac12(x^2 + 25y^2)$（$\kappa = 25$）上每个 $(\eta, \beta)$
# 处的收敛速率，红线是稳定区域的边界，星号是最优点；中图和右图是滑块所选那一点的运行过程。固定
# $\eta$，把 $\beta$ 从 0 往上调，看横穿山谷的锯齿形路径如何变成螺旋；一越过红线，运行就发散了。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.momentum import momentum_explorer

momentum_explorer()

# %% [markdown]
# **Nesterov's momentum** takes the gradient after the momentum part of the step, at the point the
# momentum is about to carry $x$ to: $v_{k+1} = \beta v_k - \eta\nabla f(x_k + \beta v_k)$,
# $x_{k+1} = x_k + v_{k+1}$ (`SGD(eta, beta, nesterov=True)` uses the equivalent form without the
# look-ahead point). On a quadratic it damps the oscillation a little earlier; the optimal rate is of the
# same order, $1 - O(1/\sqrt\kappa)$.
#
# ## 3. Adaptive steps: RMSProp and Adam
#
# Momentum still uses one $\eta$ for every parameter. **RMSProp** divides each parameter's step by the
# root of a running mean of its squared gradients,
#
# $$s \leftarrow \rho\,s + (1-\rho)\,g^2, \qquad p \leftarrow p - \eta\,\frac{g}{\sqrt s + \varepsilon},$$
#
# so a parameter with large gradients takes smaller steps and one with small gradients larger ones.
# **Adam** adds momentum as a running mean $m$ of the gradients, and corrects both means for starting at 0:
#
# $$m \leftarrow \beta_1 m + (1-\beta_1)\,g,\quad s \leftarrow \beta_2 s + (1-\beta_2)\,g^2,\quad
#   p \leftarrow p - \eta\,\frac{\hat m}{\sqrt{\hat s} + \varepsilon},\quad
#   \hat m = \frac{m}{1-\beta_1^t},\ \hat s = \frac{s}{1-\beta_2^t}.$$
#
# ### Exercise 5 — one Adam step
# Write `adam_step(p, g, m, s, t)` for $\eta = 0.01$, $\beta_1 = 0.9$, $\beta_2 = 0.999$,
# $\varepsilon = 10^{-8}$: it returns the new `(p, m, s)` after step number `t` (1 for the first). Compute
# new arrays; do not change the ones passed in.

# %% [markdown] lang="zh" twin="3b2ce71a"
# **Nesterov 动量**在动量部分之后才取梯度，也就是在动量即将把 $x$
# 带到的那一点取梯度：$v_{k+1} = \beta v_k - \eta\nabla f(x_k + \beta v_k)$，$x_{k+1} = x_k + v_{k+1}$（`SGD(eta, beta, nesterov=True)` 用的是不含这个前瞻点的等价形式）。在二次函数上，它能稍早一些抑制振荡；最优速率的量级相同，为
# $1 - O(1/\sqrt\kappa)$。
#
# ## 3. 自适应步长：RMSProp 与 Adam
#
# 动量法仍然对每个参数使用同一个 $\eta$。**RMSProp**
# 把每个参数的步长除以其梯度平方的滑动平均的平方根，
#
# $$s \leftarrow \rho\,s + (1-\rho)\,g^2, \qquad p \leftarrow p - \eta\,\frac{g}{\sqrt s + \varepsilon},$$
#
# 于是梯度大的参数迈小步，梯度小的参数迈大步。**Adam** 以梯度的滑动平均 $m$
# 的形式加入动量，并修正两个平均值因从 0 起步而产生的偏差：
#
# $$m \leftarrow \beta_1 m + (1-\beta_1)\,g,\quad s \leftarrow \beta_2 s + (1-\beta_2)\,g^2,\quad
#   p \leftarrow p - \eta\,\frac{\hat m}{\sqrt{\hat s} + \varepsilon},\quad
#   \hat m = \frac{m}{1-\beta_1^t},\ \hat s = \frac{s}{1-\beta_2^t}.$$
#
# ### 练习 5 — Adam 的一步
# 取 $\eta = 0.01$、$\beta_1 = 0.9$、$\beta_2 = 0.999$、$\varepsilon = 10^{-8}$，写出
# `adam_step(p, g, m, s, t)`：它返回第 `t` 步（第一步为 1）之后新的
# `(p, m, s)`。要计算新的数组，不要修改传进来的数组。

# %%
def adam_step(p, g, m, s, t):
    ### BEGIN SOLUTION
    m = 0.9 * m + 0.1 * g
    s = 0.999 * s + 0.001 * g ** 2
    return p - 0.01 * (m / (1 - 0.9 ** t)) / (np.sqrt(s / (1 - 0.999 ** t)) + 1e-8), m, s
    ### END SOLUTION


# %%
check("12.adam_step", adam_step)

# %% [markdown]
# > **⚠️ Careful — bias correction does not make Adam's first steps bigger.** The usual explanation is that
# > $m$ starts at 0 and is "too small" at first, so the correction enlarges the step. But $s$ starts at 0
# > too, and with $\beta_2 = 0.999$ far more so: after one step $m = 0.1\,g$ and $\sqrt s = 0.0316\,|g|$,
# > and the uncorrected step $\eta\,m/\sqrt s$ is about **3.16 η**. The correction brings it *down* to
# > $\eta$ — every first step has the size $\eta$ whatever the gradient's size. The cell computes both.

# %% [markdown] lang="zh" twin="1ad68004"
# > **⚠️ 注意 — 偏差修正并不会让 Adam 的最初几步变大**。常见的解释是：$m$
# > 从 0 开始，起初“太小”，所以修正会放大步长。但 $s$ 也从 0 开始，而且由于
# > $\beta_2 = 0.999$，它小得多：一步之后 $m = 0.1\,g$，$\sqrt s = 0.0316\,|g|$，未修正的步长
# > $\eta\,m/\sqrt s$ 约为 **3.16 η**。修正把它*降*到 $\eta$——无论梯度有多大，第一步的大小都是
# > $\eta$。下面的单元格把两者都算出来。

# %%
g = np.array([0.5, -3.0, 1e-4])
m1, s1 = 0.1 * g, 0.001 * g ** 2
print("uncorrected first step / η:", np.round(m1 / np.sqrt(s1), 3))
print("corrected first step / η:  ", np.round((m1 / 0.1) / np.sqrt(s1 / 0.001), 3))

# %% [markdown]
# **A race.** Gradient descent, momentum and Adam from the same start on a ravine turned by 30°, each
# with its own learning rate on a slider. Find settings at which each one wins.

# %% [markdown] lang="zh" twin="b89698e1"
# **一场比赛**。梯度下降法、动量法和 Adam 从同一个起点出发，在一条旋转了 30°
# 的峡谷上比赛，各自的学习率由各自的滑块控制。分别找出让每一种方法获胜的设置。

# %% tags=["nbval-ignore-output"]
from dlmath.explorers.race import race_explorer

race_explorer()

# %% [markdown]
# ## 4. Initialisation: keep the signal's size through depth
#
# Training starts from random weights (**initialisation (初始化)**), and their scale matters before the first step. In a layer
# $z_j = \sum_{i=1}^{n_\text{in}} w_{ji}\,a_i$ with independent weights of mean 0 and variance $v$,
# independent of the inputs,
#
# $$\operatorname{Var}(z_j) = n_\text{in}\, v\; \mathbb E[a_i^2].$$
#
# For $a = \operatorname{ReLU}(z)$ of a symmetric $z$, half of $z$'s second moment survives:
# $\mathbb E[a^2] = \tfrac12\operatorname{Var}(z)$. So each ReLU layer multiplies the variance by
# $n_\text{in} v / 2$, and over $L$ layers by its $L$-th power: it stays put only for
#
# $$v = \frac{2}{n_\text{in}} \quad\text{(He)},\qquad\text{and } v = \frac{1}{n_\text{in}}
#   \text{ for tanh, which is linear near 0 (LeCun).}$$
#
# The backward pass multiplies by $W^\mathsf{T}$, so the gradients' variance changes by
# $n_\text{out} v/2$ per layer; **Xavier (Glorot)** initialisation $v = 2/(n_\text{in}+n_\text{out})$
# (for tanh) splits the difference between the two. This is chapter 09's critical scale seen from the
# weights: a scale $s$ there gives $v = s^2/n$, and its ReLU critical point $s = \sqrt2$ is He's
# $v = 2/n$. The lib's `MLP` and `CNN` start ReLU layers this way. The cell sends signals through 50 ReLU
# layers of width 100 (`dlmath.depth`) and prints their size, relative to the input's, at a few depths.

# %% [markdown] lang="zh" twin="f5746415"
# ## 4. 初始化：让信号的大小在层层传递中保持不变
#
# 训练从随机的权重开始，这叫作**初始化**（initialisation）；在迈出第一步之前，权重的尺度就已经很重要了。在一层
# $z_j = \sum_{i=1}^{n_\text{in}} w_{ji}\,a_i$ 中，若各权重相互独立、均值为 0、方差为
# $v$，且与输入独立，则
#
# $$\operatorname{Var}(z_j) = n_\text{in}\, v\; \mathbb E[a_i^2].$$
#
# 对于对称分布的 $z$，$a = \operatorname{ReLU}(z)$ 保留 $z$
# 的二阶矩的一半：$\mathbb E[a^2] = \tfrac12\operatorname{Var}(z)$。所以每个 ReLU 层把方差乘以
# $n_\text{in} v / 2$，经过 $L$ 层就乘以它的 $L$ 次幂。要让方差保持不变，只能取
#
# $$v = \frac{2}{n_\text{in}} \quad\text{(He)},\qquad\text{and } v = \frac{1}{n_\text{in}}
#   \text{ for tanh, which is linear near 0 (LeCun).}$$
#
# 反向传播时要乘以 $W^\mathsf{T}$，所以梯度的方差每层乘以
# $n_\text{out} v/2$；**Xavier（Glorot）初始化**
# $v = 2/(n_\text{in}+n_\text{out})$（用于 tanh）在两者之间折中。这正是从权重的角度来看第 09 章的临界尺度：那里的尺度
# $s$ 对应 $v = s^2/n$，而 ReLU 的临界点 $s = \sqrt2$ 就是 He 初始化的 $v = 2/n$。库中的 `MLP` 和
# `CNN` 就是这样初始化 ReLU 层的。下面的单元格让信号穿过 50 个宽度为 100 的 ReLU
# 层（`dlmath.depth`），并打印几个深度处信号的大小（相对于输入的大小）。

# %%
from dlmath.depth import signal_through_depth

for scale, name in ((1.0, "v = 1/n (LeCun's, for tanh)"), (np.sqrt(2), "v = 2/n (He's)"),
                    (2.0, "v = 4/n")):
    sizes = signal_through_depth(scale, depth=50, width=100, activation="relu")
    forward = ", ".join(f"{sizes['forward'][l]:.2g}" for l in (10, 30, 50))
    print(f"{name:28s} signal at layers 10, 30, 50: {forward:22s} gradient at the input: {sizes['gradient'][0]:.2g}")

# %% [markdown]
# With half of He's variance the signal's size shrinks by $\sqrt2$ per layer, to about
# $2^{-25} \approx 3\cdot10^{-8}$ after 50 layers; with twice it, it grows as fast; the gradients do the
# same on the way back. He's scale keeps both of order 1.
#
# ### Exercise 6 — He's scale
# A ReLU layer has $n_\text{in} = 50$ inputs and 10 outputs. What **standard deviation** should its
# initial weights have?

# %% [markdown] lang="zh" twin="477b94a2"
# 取 He 方差的一半时，信号的大小每层除以 $\sqrt2$，50 层之后约为
# $2^{-25} \approx 3\cdot10^{-8}$；取它的两倍时，信号以同样的速度增大；梯度在反向传回时也是如此。He
# 的尺度让两者都保持在 1 的量级。
#
# ### 练习 6 — He 的尺度
# 一个 ReLU 层有 $n_\text{in} = 50$ 个输入和 10 个输出。它的初始权重应该取多大的**标准差**？

# %%
### BEGIN SOLUTION
he_std = np.sqrt(2 / 50)
### END SOLUTION

# %%
check("12.he_std", he_std)

# %% [markdown]
# ## 5. Losses from likelihood
#
# Chapters 05–07 picked squared error and cross entropy as reasonable measures of a miss. Both come out
# of one principle: choose the weights under which the observed targets are **most likely**, i.e. minimise
# the **negative log-likelihood (负对数似然)** $-\log p(t \mid y)$ of each target $t$ given the network's output $y$.
#
# - If $t = y + $ Gaussian noise of standard deviation $\sigma$,
#   $p(t\mid y) = \frac{1}{\sigma\sqrt{2\pi}}\,e^{-(t-y)^2/(2\sigma^2)}$, and $-\log p$ is
#   $\frac{(t-y)^2}{2\sigma^2}$ plus terms without $y$: **squared error** (for fixed $\sigma$).
# - If $t \in \{0, 1\}$ and the network gives $y = P(t = 1)$ (Bernoulli),
#   $p(t\mid y) = y^t(1-y)^{1-t}$ and $-\log p = -t\log y - (1-t)\log(1-y)$: **binary cross entropy**;
#   with $K$ classes and softmax outputs (categorical), $-\log p = -\sum_k t_k \log y_k$: **cross entropy**.
#
# sympy checks the three, and the gradients the course's output units rely on: with $y = \sigma(z)$,
# $\partial(-\log p)/\partial z = y - t$: "output minus target", as squared error gives it for an identity
# output $y = z$.

# %% [markdown] lang="zh" twin="2ac807c1"
# ## 5. 由似然得到损失函数
#
# 第 05–07 章选用平方误差和交叉熵，是因为它们是衡量偏差的合理尺度。其实两者都出自同一个原则：选择使观测到的正解**最有可能**出现的权重，也就是使每个正解
# $t$ 在给定网络输出 $y$ 时的**负对数似然**（negative log-likelihood） $-\log p(t \mid y)$ 最小。
#
# - 若 $t = y + $ 标准差为 $\sigma$ 的高斯噪声，则
#   $p(t\mid y) = \frac{1}{\sigma\sqrt{2\pi}}\,e^{-(t-y)^2/(2\sigma^2)}$，而 $-\log p$ 等于
#   $\frac{(t-y)^2}{2\sigma^2}$ 加上不含 $y$ 的项：这就是**平方误差**（$\sigma$ 固定时）。
# - 若 $t \in \{0, 1\}$，网络给出 $y = P(t = 1)$（伯努利分布），则
#   $p(t\mid y) = y^t(1-y)^{1-t}$，$-\log p = -t\log y - (1-t)\log(1-y)$：这就是**二元交叉熵**；对 $K$
#   个类别和 Softmax 输出（类别分布），$-\log p = -\sum_k t_k \log y_k$：这就是**交叉熵**。
#
# 下面用 sympy 验证这三个式子，以及本课程的输出层神经单元所依赖的梯度：当 $y = \sigma(z)$
# 时，$\partial(-\log p)/\partial z = y - t$：“输出减去正解”，与恒等输出 $y = z$ 时平方误差给出的梯度相同。

# %%
t, y, z = sp.symbols("t y z", real=True)
sigma = sp.symbols("sigma", positive=True)
gaussian = sp.exp(-(t - y) ** 2 / (2 * sigma ** 2)) / (sigma * sp.sqrt(2 * sp.pi))
nll = -sp.log(gaussian)
print("Gaussian: −log p − (t − y)²/(2σ²) =", sp.simplify(sp.expand_log(nll - (t - y) ** 2 / (2 * sigma ** 2), force=True)))
print("          ∂(−log p)/∂y =", sp.simplify(sp.diff(nll, y)))
bernoulli_nll = -(t * sp.log(y) + (1 - t) * sp.log(1 - y))
print("Bernoulli with y = σ(z): ∂(−log p)/∂z − (σ(z) − t) =",
      sp.simplify(sp.diff(bernoulli_nll.subs(y, 1 / (1 + sp.exp(-z))), z) - (1 / (1 + sp.exp(-z)) - t)))
y1, y2, y3 = sp.symbols("y1 y2 y3", positive=True)
print("categorical, t = (0, 1, 0): −log p =", -sp.log(y1 ** 0 * y2 ** 1 * y3 ** 0))

# %% [markdown]
# The noise level $\sigma$ only scales the loss and adds a constant, so it changes neither the best
# weights nor, apart from a factor, the gradient $\,(y - t)/\sigma^2$.
#
# ### Exercise 7 — the Gaussian's negative log-likelihood
# Write $-\log p(t\mid y)$ for a Gaussian with mean $y$ and standard deviation $\sigma$ as a sympy expression
# in the symbols `t`, `y`, `sigma` defined above — all of it, the terms without $y$ included.

# %% [markdown] lang="zh" twin="aa02f7f8"
# 噪声水平 $\sigma$ 只是缩放损失并加上一个常数，所以它既不改变最好的权重，也不改变梯度
# $\,(y - t)/\sigma^2$（除了一个倍数）。
#
# ### 练习 7 — 高斯分布的负对数似然
# 对均值为 $y$、标准差为 $\sigma$ 的高斯分布，把 $-\log p(t\mid y)$ 写成关于上面定义的符号
# `t`、`y`、`sigma` 的 sympy 表达式——要完整写出，包括不含 $y$ 的项。

# %%
### BEGIN SOLUTION
gaussian_nll = (t - y) ** 2 / (2 * sigma ** 2) + sp.log(sigma) + sp.log(2 * sp.pi) / 2
### END SOLUTION

# %%
check("12.gaussian_nll", gaussian_nll)

# %% [markdown]
# ## 6. Generalisation: training, validation, test
#
# A network is trained to fit its training images, but it is wanted for images it has never seen. So
# the data are cut in three: a **training set (训练集)** the weights are fitted on, a **validation set
# (验证集)** on which the settings — the width, η, λ, the number of epochs — are chosen, and a **test
# set (测试集)** looked at once, at the end, to estimate the error on new data. Choosing anything by the
# test error turns the test set into a second validation set, and its error is then an optimistic
# estimate. `datasets.validation_split` cuts 20 % of the digits' training images off as a validation set;
# the test images stay where they were.
#
# ### Exercise 8 — which is honest?
# You want to choose the hidden width of a network (16, 64 or 256 units) and report how well it will do on
# new digits. Which procedure is honest? Answer `"a"`, `"b"`, `"c"` or `"d"`.
#
# a. Train each on the training set and pick the one with the lowest training error; report its test error.
# b. Train each on the training set, pick the one with the lowest validation error, and report its test
#    error, measured once.
# c. Train each on the training set, measure all three on the test set and report the lowest.
# d. Fit each network's weights on the validation set and pick by the training error; report the test error.

# %% [markdown] lang="zh" twin="3e054fee"
# ## 6. 泛化：训练、验证、测试
#
# 网络是在训练图像上训练出来的，但我们要用它来处理从未见过的图像。所以数据要分成三份：用来拟合权重的**训练集**（training set）；用来选择各项设置（宽度、η、λ、轮次数）的**验证集**（validation set）；以及只在最后看一次、用来估计新数据上误差的**测试集**（test set）。凭测试误差做任何选择，都会把测试集变成第二个验证集，它的误差也就成了过于乐观的估计。`datasets.validation_split`
# 从手写数字的训练图像中切出 20 % 作为验证集；测试图像保持原样。
#
# ### 练习 8 — 哪种做法是诚实的？
# 你想选择网络的隐藏层宽度（16、64 或 256 个神经单元），并报告它在新的手写数字上表现如何。哪种做法是诚实的？回答
# `"a"`、`"b"`、`"c"` 或 `"d"`。
#
# a. 在训练集上训练每个网络，选训练误差最低的那个；报告它的测试误差。
# b. 在训练集上训练每个网络，选验证误差最低的那个，并报告它的测试误差，只测量一次。
# c. 在训练集上训练每个网络，在测试集上测量全部三个，报告最低的那个。
# d. 在验证集上拟合每个网络的权重，按训练误差挑选；报告测试误差。

# %%
### BEGIN SOLUTION
honest = "b"
### END SOLUTION

# %%
check("12.choose_on_validation", honest)

# %% [markdown]
# **Overfitting (过拟合) on purpose.** Give a network with 128 hidden units only 150 training images and
# train it for 100 epochs: it learns those 150 images perfectly, and the digits only partly. The cell
# trains it once for each of nine **weight decays** λ (next paragraph) and prints the ends of the runs.

# %% [markdown] lang="zh" twin="fe9fb5cd"
# **有意制造过拟合**（overfitting）。给一个有 128 个隐藏层神经单元的网络只提供 150 张训练图像，训练 100 个轮次：它能把这 150 张图像学得完美无缺，对手写数字本身却只学会了一部分。下面的单元格对九个**权重衰减**
# λ（见下一段）各训练一次，并打印各次运行结束时的结果。

# %% tags=["nbval-ignore-output"]
from dlmath.explorers.overfitting import DECAYS, overfitting_curves

curves = overfitting_curves(progress=True)

# %%
for i in (0, 4, 8):
    print(f"λ = {DECAYS[i]:.0e}: training loss {curves['train_loss'][i, -1]:.4f} "
          f"({curves['train_accuracy'][i, -1]:.0%} right), validation loss {curves['val_loss'][i, -1]:.3f} "
          f"({curves['val_accuracy'][i, -1]:.1%} right); lowest validation loss "
          f"{curves['val_loss'][i].min():.3f} after epoch {curves['val_loss'][i].argmin() + 1}")

# %% [markdown]
# With almost no weight decay the training loss goes on falling long after the validation loss has
# stopped: the network memorises. Too much decay and it cannot even fit the training images
# (**underfitting (欠拟合)**). In between lies the best λ.
#
# **L2 regularisation (正则化) and weight decay.** Add $\frac\lambda2\lVert\mathbf w\rVert^2$ to the cost;
# its gradient adds $\lambda\mathbf w$, and a gradient step becomes
#
# $$\mathbf w \leftarrow (1 - \eta\lambda)\,\mathbf w - \eta\,\nabla C,$$
#
# every weight shrunk by a constant factor before the step: **weight decay (权重衰减)** (`SGD(…, weight_decay=λ)`).
# Large weights make sharp functions that can pass through every training point; the decay keeps the
# weights only as large as the data insist.
#
# **Early stopping (早停).** Keep the weights of the epoch with the lowest validation loss: training longer than
# that only fits the training set better. The epoch is a setting like the others, chosen on validation.
#
# Move λ and the stopping epoch: left, both losses per epoch; right, both after the last epoch against λ.

# %% [markdown] lang="zh" twin="6352eb96"
# 几乎不加权重衰减时，验证损失早已不再下降，训练损失却还在继续下降：网络在死记硬背。衰减太大时，它连训练图像都拟合不好，这叫作**欠拟合**（underfitting）。最好的
# λ 位于两者之间。
#
# **L2 正则化（L2 regularisation）与权重衰减**。在代价上加上
# $\frac\lambda2\lVert\mathbf w\rVert^2$；它给梯度添上 $\lambda\mathbf w$，于是一步梯度下降变成
#
# $$\mathbf w \leftarrow (1 - \eta\lambda)\,\mathbf w - \eta\,\nabla C,$$
#
# 即每个权重在这一步之前先乘以一个常数因子而缩小：这就是**权重衰减**（weight decay），即 `SGD(…, weight_decay=λ)`。大的权重会造出起伏剧烈的函数，能穿过每一个训练点；衰减让权重只长到数据确实要求的大小。
#
# **早停**（early stopping）。保留验证损失最低的那个轮次的权重：训练得比这更久，只会把训练集拟合得更好。这个轮次和其他设置一样，也在验证集上选定。
#
# 移动 λ 和停止的轮次：左图是每个轮次的两种损失，右图是最后一个轮次之后两种损失随 λ 的变化。

# %% tags=["nbval-ignore-output"]
from dlmath.explorers.overfitting import overfitting_explorer

overfitting_explorer(curves=curves)

# %% [markdown]
# **Dropout and more data.** Chapter 09's dropout layer switches each hidden unit off with probability $p$
# at every training step (`MLP(…, dropout=p)`), so that no unit can rely on a particular other one; at
# prediction time all units work. The cheapest "more data" for images is **data augmentation (数据增强)**:
# move them: a digit shifted by
# one pixel is still the same digit (`datasets.random_shifts`, a fresh shift for each batch,
# `fit(…, augment=random_shifts)`). The cell measures both on the same 150 images.

# %% [markdown] lang="zh" twin="4d162f8e"
# **随机失活与更多数据**。第 09 章的随机失活层在每一步训练中以概率 $p$
# 关闭每个隐藏层神经单元（`MLP(…, dropout=p)`），使任何神经单元都不能依赖某个特定的其他神经单元；预测时所有神经单元都工作。对图像来说，最便宜的“更多数据”是**数据增强**（data augmentation）：移动图像。平移一个像素的数字仍然是同一个数字（`datasets.random_shifts`，每个批量都换一次新的平移，`fit(…, augment=random_shifts)`）。下面的单元格在同样的 150 张图像上测量这两种方法。

# %%
split = datasets.validation_split(digits.x_train, digits.y_train)
x_fit, x_val, y_fit, y_val = split[0][:150], split[1], split[2][:150], split[3]
for label, dropout, augment in (("as above (λ = 1e-5)", 0.0, None), ("dropout p = 0.5", 0.5, None),
                                ("one-pixel shifts", 0.0, datasets.random_shifts),
                                ("both", 0.5, datasets.random_shifts)):
    small = MLP((64, 128, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=0, dropout=dropout)
    small.fit(x_fit, y_fit, epochs=100, seed=0, progress=False, optimizer=SGD(0.1, 0.9, weight_decay=1e-5),
              augment=augment, validation=(x_val, y_val))
    print(f"{label:20s} training loss {small.history[-1]:.4f}, validation loss {small.val_loss[-1]:.3f} "
          f"({small.val_accuracy[-1]:.1%} right)")

# %% [markdown]
# Dropout raised the validation accuracy here (its validation loss stayed where it was); the shifts did
# not help, and shifts and dropout together were worse than either. Why the shifts? An augmentation helps when it makes training images like the ones to come. These digits
# were centred when the data set was made: the cell measures how far each image's centre of ink lies from
# the average centre, for the validation images and for shifted copies of them.

# %% [markdown] lang="zh" twin="0c852dad"
# 在这里，随机失活提高了验证准确率（它的验证损失没有变化）；平移没有帮助，而平移和随机失活一起用，比单独用任何一种都差。平移为什么没用？只有当增强让训练图像更像将来要遇到的图像时，它才有帮助。这些手写数字在制作数据集时就已经居中了：下面的单元格对验证图像及其平移后的副本，测量每张图像的墨迹中心离平均中心有多远。

# %%
def ink_centres(images):
    """Each 8×8 image's centre of ink (row, column), in pixels."""
    ink = np.asarray(images).reshape(-1, 8, 8)
    grid = np.arange(8)
    total = ink.sum(axis=(1, 2))
    return np.stack([(ink.sum(axis=2) * grid).sum(axis=1) / total, (ink.sum(axis=1) * grid).sum(axis=1) / total], 1)


for label, images in (("validation images", x_val), ("shifted copies", datasets.random_shifts(x_val, rng))):
    centres = ink_centres(images)
    distance = np.linalg.norm(centres - ink_centres(x_val).mean(axis=0), axis=1)
    print(f"{label:18s} centre of ink from the average centre: median {np.median(distance):.2f} pixels, "
          f"90 % within {np.quantile(distance, 0.9):.2f}")

# %% [markdown]
# The shifted images are off-centre by more than almost any real one: the network spent its capacity
# on images it will never be shown. Whether a regulariser helps is a measurement, made on the
# validation set, never a rule.
#
# ## 7. Two things the usual advice gets wrong
#
# > **⚠️ Careful — Adam is not always better.** Adam is a fine default because it needs less tuning, not
# > because it always wins. Wilson et al. (2017) found tasks on which adaptive methods reached a lower
# > training loss than well-tuned SGD with momentum and still did worse on the test data. On the digits
# > the cell trains chapter 07's network for 20 epochs both ways (validation split, mean of 3 seeds):
# > which one wins depends on η — at its default $\eta = 0.001$ Adam is clearly behind momentum, at
# > $\eta = 0.03$ slightly ahead. Compare optimisers only at settings each one chose on validation.

# %% [markdown] lang="zh" twin="54fa475c"
# 平移后的图像偏离中心的程度，超过了几乎所有真实的图像：网络把它的容量花在了永远不会见到的图像上。一种正则化方法是否有帮助，要在验证集上测量，而不是凭一条规则。
#
# ## 7. 常见建议弄错的两件事
#
# > **⚠️ 注意 — Adam 并不总是更好**。Adam
# > 是不错的默认选择，是因为它需要的调参更少，而不是因为它总能获胜。Wilson
# > 等人（2017）找到了一些任务，在这些任务上自适应方法比精心调参的带动量 SGD
# > 达到了更低的训练损失，在测试数据上却表现更差。下面的单元格在手写数字上用两种方法把第 07 章的网络各训练 20 个轮次（使用验证集划分，取 3 个随机种子的平均）：谁获胜取决于
# > η——在默认值 $\eta = 0.001$ 下，Adam 明显落后于动量法，在 $\eta = 0.03$
# > 下则略微领先。比较优化器时，只能在它们各自于验证集上选定的设置下进行。

# %%
results = {}
for name, make in (("SGD, momentum 0.9, η = 0.2", lambda: SGD(0.2, 0.9)), ("Adam, η = 0.001", lambda: Adam(0.001)),
                   ("Adam, η = 0.003", lambda: Adam(0.003)), ("Adam, η = 0.03", lambda: Adam(0.03))):
    runs = []
    for seed in (0, 1, 2):
        mlp = MLP((64, 64, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=seed)
        mlp.fit(split[0], split[2], epochs=20, seed=seed, optimizer=make(), progress=False,
                validation=(split[1], split[3]))
        runs.append((mlp.history[-1], mlp.val_accuracy[-1]))
    results[name] = np.mean(runs, axis=0)
    print(f"{name:28s} training loss {results[name][0]:.4f}, validation accuracy {results[name][1]:.1%}")

# %% [markdown]
# ### Exercise 9 — true or false?
# "Adam always trains a network to a better result than SGD with momentum." Answer `True` or `False`.

# %% [markdown] lang="zh" twin="855889d7"
# ### 练习 9 — 对还是错？
# “Adam 训练网络得到的结果总是比带动量的 SGD 更好。”回答 `True` 或 `False`。

# %%
### BEGIN SOLUTION
adam_is_always_better = False
### END SOLUTION

# %%
check("12.adam_always_better", adam_is_always_better)

# %% [markdown]
# > **⚠️ Careful — under Adam, L2 regularisation is not weight decay.** For SGD the two are the same
# > step. Adam divides the whole gradient, $\lambda\mathbf w$ included, by $\sqrt{\hat s}$: a weight with
# > large loss gradients is barely decayed, one with tiny gradients is decayed hard. Loshchilov & Hutter's
# > **AdamW** takes the decay out of the division, $\mathbf w \leftarrow \mathbf w - \eta\lambda\mathbf w -
# > \eta\,\hat m/(\sqrt{\hat s}+\varepsilon)$, so every weight decays at the same rate
# > (`Adam(…, weight_decay=λ, decoupled=True)`). The cell takes two weights, both 1, that the loss does
# > not care about: their gradients are pure noise, of size 10 for the first and 0.01 for the second. Only
# > the decay pulls them towards 0. It runs 200 steps of each rule with η = 0.01, λ = 0.1, 50 times, and
# > prints the mean of the final weights; decaying by $(1-\eta\lambda)$ per step would leave
# > $0.999^{200}$ of each.

# %% [markdown] lang="zh" twin="aca9f639"
# > **⚠️ 注意 — 在 Adam 中，L2 正则化并不等于权重衰减**。对 SGD 来说，两者是同一个步骤。Adam
# > 却把整个梯度（包括 $\lambda\mathbf w$）都除以
# > $\sqrt{\hat s}$：损失梯度大的权重几乎不衰减，梯度极小的权重则被大幅衰减。Loshchilov 和 Hutter
# > 的 **AdamW** 把衰减从除法中拿出来，$\mathbf w \leftarrow \mathbf w - \eta\lambda\mathbf w -
# > \eta\,\hat m/(\sqrt{\hat s}+\varepsilon)$，这样每个权重都以相同的速率衰减（`Adam(…, weight_decay=λ, decoupled=True)`）。下面的单元格取两个损失并不关心的权重，初值都是 1：它们的梯度是纯噪声，第一个的大小为 10，第二个为 0.01。只有衰减把它们拉向 0。它用
# > η = 0.01、λ = 0.1 把每种规则各运行 200 步，重复 50 次，并打印最终权重的平均值；若每步按
# > $(1-\eta\lambda)$ 衰减，两者都应剩下 $0.999^{200}$。

# %%
print(f"(1 − ηλ)^200 = {0.999 ** 200:.3f}")
for decoupled, name in ((False, "Adam + L2"), (True, "AdamW")):
    finals = []
    for run in range(50):
        w, rule = np.array([1.0, 1.0]), Adam(0.01, weight_decay=0.1, decoupled=decoupled)
        for _ in range(200):
            rule.step([w], [rng.normal(0.0, [10.0, 0.01])])
        finals.append(w.copy())
    print(f"{name:9s}: mean final weights {np.mean(finals, axis=0).round(2)} (gradient noise 10 and 0.01)")

# %% [markdown]
# Under Adam + L2 the weight with the large gradients keeps almost all of its size and the one with tiny
# gradients is driven to 0; under AdamW both keep about $0.999^{200}$ of it, as decay should.
#
# ## Summary
#
# - A minibatch gradient is an unbiased estimate of the full one, with variance falling as $1/B$;
#   noise of fixed size never settles, so η is lowered by a schedule.
# - Momentum on a quadratic is a 2×2 linear map; its spectral radius gives the stable region
#   $0 < \eta < 2(1+\beta)/\lambda$ and, at its best, the rate $(\sqrt\kappa-1)/(\sqrt\kappa+1)$ instead
#   of $(\kappa-1)/(\kappa+1)$.
# - RMSProp and Adam scale each parameter's step by its gradients' running size; Adam's bias correction
#   makes the first steps η in size; Adam is not always better, and its weight decay should be decoupled.
# - He's $v = 2/n_\text{in}$ keeps signals and gradients of the same size through ReLU layers.
# - Squared error and cross entropy are negative log-likelihoods of Gaussian and categorical outputs.
# - Choose on a validation set, test once; fight overfitting with weight decay, early stopping, dropout
#   and more (or shifted) data — each measured, not assumed.

# %% [markdown] lang="zh" twin="d42b61bb"
# 在 Adam + L2 下，梯度大的权重几乎保持原来的大小，梯度极小的权重则被压到 0；在 AdamW 下，两者都保留约
# $0.999^{200}$，正如衰减所应有的那样。
#
# ## 小结
#
# - 小批量梯度是完整梯度的无偏估计，方差按 $1/B$
#   下降；大小固定的噪声永远不会平息，所以要用调度来降低 η。
# - 二次函数上的动量是一个 2×2 线性映射；它的谱半径给出稳定区域
#   $0 < \eta < 2(1+\beta)/\lambda$，在最好的设置下给出收敛速率
#   $(\sqrt\kappa-1)/(\sqrt\kappa+1)$，而不是 $(\kappa-1)/(\kappa+1)$。
# - RMSProp 和 Adam 按每个参数梯度的滑动大小来缩放它的步长；Adam 的偏差修正使最初几步的大小为 η；Adam
#   并不总是更好，它的权重衰减应当解耦。
# - He 初始化的 $v = 2/n_\text{in}$ 让信号和梯度穿过 ReLU 层时保持同样的大小。
# - 平方误差和交叉熵分别是高斯输出和类别分布输出的负对数似然。
# - 在验证集上做选择，测试只做一次；用权重衰减、早停、随机失活和更多（或平移过的）数据来对抗过拟合——每一项都要测量，而不是想当然。
