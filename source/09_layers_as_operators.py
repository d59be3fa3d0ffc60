# The one source of chapter 09: `python tools/build_notebooks.py 09` builds
# chapters/09_layers_as_operators.ipynb and solutions/09_layers_as_operators.ipynb.

# %% [markdown]
# # 09 · Layers as operators
#
# **Goals.** After this chapter you can
# - see a layer as an **operator (算子)**, a map from one space to another, and test numerically whether
#   it is linear, affine, Lipschitz, invertible, equivariant;
# - compute the operator norm $\|W\|_2 = \sigma_{\max}$ two ways (SVD and power iteration) and
#   explain why it bounds how far a layer can move two inputs apart;
# - watch a signal and its gradient vanish or explode through 50 random layers, and find the weight
#   scale where they do neither;
# - tell what the seeds got wrong: compactness, softmax's "monotonicity", pooling's "invariance",
#   batch norm, and the "dimension" of a network's function space;
# - read a catalogue of layers in which every verdict is computed, not typed.
#
# **You need** dense layers, activations and softmax from [chapter 06](06_network_as_optimization.ipynb),
# the backward pass from [chapter 07](07_backpropagation.ipynb), convolution and pooling from
# [chapter 08](08_cnn.ipynb), and the matrix product from [chapter 02](02_vectors_cauchy_schwarz.ipynb).

# %% [markdown] lang="zh" twin="aa5a379a"
# # 09 · 把层看作算子
#
# **目标**：学完本章后，你将能够
# - 把一层看作一个**算子**（operator），即从一个空间到另一个空间的映射，并用数值方法检验它是否线性、仿射、利普希茨连续、可逆、等变；
# - 用两种方法（奇异值分解和幂迭代）计算算子范数 $\|W\|_2 = \sigma_{\max}$，并解释为什么它限制了一层最多能把两个输入拉开多远；
# - 观察信号和它的梯度如何在 50 个随机层中消失或爆炸，并找出二者都不发生的权重尺度；
# - 指出本课程所依据的读书笔记（种子资料）错在哪里：紧性、Softmax 的“单调性”、池化的“不变性”、批量归一化，以及网络函数空间的“维数”；
# - 读懂一份层的目录，其中每一个结论都是算出来的，而不是手工填上去的。
#
# **前置知识**：[第 06 章](06_network_as_optimization.ipynb)的全连接层、激活函数和 Softmax，[第 07 章](07_backpropagation.ipynb)的反向传播，[第 08 章](08_cnn.ipynb)的卷积和池化，以及[第 02 章](02_vectors_cauchy_schwarz.ipynb)的矩阵乘积。

# %%
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import Markdown

from dlmath import calculus, catalogue, check, depth, ops
from dlmath import linalg as la
from dlmath import operators as op

rng = np.random.default_rng(9)  # every random number in this chapter comes from here

# %% [markdown]
# ## 0. A primer: singular values, rank and eigenvectors
#
# This chapter measures layers with three tools that chapter 10 treats in full; here is what each says.
# Every matrix $W$ ($m\times n$) can be written as $W = U\Sigma V^\top$, its **singular value decomposition
# (奇异值分解)**: the columns $\mathbf v_i$ of $V$ are orthonormal directions of the input, the columns
# $\mathbf u_i$ of $U$ orthonormal directions of the output, and $W\mathbf v_i = \sigma_i\mathbf u_i$ with
# $\sigma_1 \ge \sigma_2 \ge \dots \ge 0$. So $W$ stretches direction $\mathbf v_i$ by $\sigma_i$: no input grows by
# more than $\sigma_{\max} = \sigma_1$ (that is $\|W\|_2$, section 3), and the **rank (秩)** — how many
# independent directions survive — is the number of non-zero $\sigma_i$. For a square $A$, an
# **eigenvector (特征向量)** is a direction that is only stretched, $A\mathbf v = \lambda\mathbf v$; its $|\lambda|$
# need not be a singular value.

# %% [markdown] lang="zh" twin="ae6d1c7b"
# ## 0. 预备知识：奇异值、秩和特征向量
#
# 本章用三件工具来度量层，第 10 章会完整地讲解它们；这里先说明每件工具告诉我们什么。每个矩阵 $W$（$m\times n$）都可以写成 $W = U\Sigma V^\top$，这就是它的**奇异值分解**（singular value decomposition）：$V$ 的各列 $\mathbf v_i$ 是输入中的一组标准正交方向，$U$ 的各列 $\mathbf u_i$ 是输出中的一组标准正交方向，并且 $W\mathbf v_i = \sigma_i\mathbf u_i$，其中 $\sigma_1 \ge \sigma_2 \ge \dots \ge 0$。所以 $W$ 把方向 $\mathbf v_i$ 拉伸 $\sigma_i$ 倍：任何输入被放大的倍数都不超过 $\sigma_{\max} = \sigma_1$（这就是 $\|W\|_2$，见第 3 节），而**秩**（rank）——有多少个相互独立的方向得以保留——等于非零 $\sigma_i$ 的个数。对于方阵 $A$，**特征向量**（eigenvector）是只被拉伸的方向：$A\mathbf v = \lambda\mathbf v$；它的 $|\lambda|$ 不一定是奇异值。

# %%
W0 = np.array([[3.0, 0.0], [4.0, 5.0]])
U0, sigma0, Vt0 = np.linalg.svd(W0)
print("singular values σ:", np.round(sigma0, 4), "  rank:", la.rank(W0))
print("W v₁ = σ₁ u₁:", np.allclose(W0 @ Vt0[0], sigma0[0] * U0[:, 0]),
      "  ‖W v₁‖ =", round(float(np.linalg.norm(W0 @ Vt0[0])), 4))
lam0, vecs0 = np.linalg.eig(W0)
print("eigenvalues λ:", np.real_if_close(lam0), "  A v = λ v for the first:",
      np.allclose(W0 @ vecs0[:, 0], lam0[0] * vecs0[:, 0]))
print("a rank-1 matrix: σ =", np.round(np.linalg.svd(np.outer([1.0, 2.0], [3.0, 1.0]), compute_uv=False), 4))

# %% [markdown]
# ## 1. A layer is a map between spaces
#
# A dense layer with weights $W$ (shape $m\times n$) and bias $\mathbf b$ takes a vector of $\mathbb R^n$
# to a vector of $\mathbb R^m$: $T(\mathbf x) = W\mathbf x + \mathbf b$. A convolution takes an image
# (a point of $\mathbb R^{H\times W}$) to a feature map; batch norm in training takes a whole *batch*
# (a point of $\mathbb R^{N\times D}$) to a batch. Mathematicians call such a map an **operator (算子)**
# when its inputs are themselves vectors or functions, and they ask the same questions of every one of
# them: is it linear? how much can it stretch? can we undo it? which symmetries does it respect?
#
# The lib answers each question with a numerical test on seeded random inputs (`dlmath.operators`).
# A test can refute a property for sure (one counterexample is enough) but only gather evidence for it;
# for the linear layers we also compute the exact answer.
#
# ## 2. Linearity
#
# $T$ is **linear (线性)** if $T(a\mathbf x + b\mathbf y) = a\,T(\mathbf x) + b\,T(\mathbf y)$ for all
# inputs and numbers $a, b$. It is **affine (仿射)** if $T(\mathbf x) - T(\mathbf 0)$ is linear: a linear
# map plus a constant shift. `op.is_linear(T, shape)` tries random $\mathbf x, \mathbf y, a, b$.

# %% [markdown] lang="zh" twin="179422fa"
# ## 1. 一层就是空间之间的映射
#
# 权重为 $W$（形状为 $m\times n$）、偏置为 $\mathbf b$ 的全连接层，把 $\mathbb R^n$ 中的向量变成 $\mathbb R^m$ 中的向量：$T(\mathbf x) = W\mathbf x + \mathbf b$。卷积把一张图像（$\mathbb R^{H\times W}$ 中的一个点）变成一张特征映射；训练时的批量归一化把整个*批次*（$\mathbb R^{N\times D}$ 中的一个点）变成一个批次。当这样一个映射的输入本身就是向量或函数时，数学家称它为**算子**（operator），并且对每一个算子都提出同样的问题：它是线性的吗？它最多能拉伸多少？能不能把它的作用还原？它遵守哪些对称性？
#
# 课程库对每个问题都用一个数值检验来回答，检验所用的随机输入都固定了种子（`dlmath.operators`）。检验可以确定无疑地否定一个性质（一个反例就够了），却只能为一个性质收集证据；对线性层，我们还会算出精确的答案。
#
# ## 2. 线性
#
# 如果对所有输入以及所有数 $a, b$ 都有 $T(a\mathbf x + b\mathbf y) = a\,T(\mathbf x) + b\,T(\mathbf y)$，就称 $T$ 是**线性**（linear）的。如果 $T(\mathbf x) - T(\mathbf 0)$ 是线性的，就称它是**仿射**（affine）的：一个线性映射再加上一个常数平移。`op.is_linear(T, shape)` 用随机的 $\mathbf x, \mathbf y, a, b$ 来试。

# %%
W, b = rng.normal(size=(3, 4)), rng.normal(size=3)
tests = {"x ↦ Wx": lambda x: W @ x, "x ↦ Wx + b": lambda x: W @ x + b,
         "ReLU": ops.relu, "softmax": ops.softmax}
for name, T in tests.items():
    print(f"{name:11s} linear: {op.is_linear(T, (4,))!s:5s}  affine: {op.is_affine(T, (4,))}")

# %% [markdown]
# A linear map on $\mathbb R^n$ *is* a matrix: column $i$ is $T(\mathbf e_i)$. `op.matrix_of` builds it
# by feeding the unit vectors. For a convolution this gives a large, sparse matrix with the filter's
# entries repeated along its diagonals — weight sharing, seen as a matrix.

# %% [markdown] lang="zh" twin="c6a96e47"
# $\mathbb R^n$ 上的线性映射*就是*一个矩阵：第 $i$ 列是 $T(\mathbf e_i)$。`op.matrix_of` 依次输入各个单位向量，把这个矩阵构造出来。对卷积，得到的是一个又大又稀疏的矩阵，过滤器的元素沿着它的各条对角线重复出现——这就是从矩阵的角度看到的权重共享。

# %%
w3 = np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])  # a Laplacian filter
C = op.matrix_of(lambda x: ops.conv2d(x, w3, padding=1), (4, 4))
x = rng.normal(size=(4, 4))
print("conv as a", C.shape, "matrix; same result as conv2d:",
      np.allclose(C @ x.ravel(), ops.conv2d(x, w3, padding=1).ravel()))
print("non-zero entries per row:", np.count_nonzero(C, axis=1))

# %% [markdown]
# ### Exercise 1 — which layer is linear?
# Which of these maps is linear? Answer with the letter in quotes.
#
# - **a** a dense layer $\mathbf x \mapsto W\mathbf x + \mathbf b$ with $\mathbf b \neq \mathbf 0$
# - **b** ReLU, applied entry by entry
# - **c** 2×2 average pooling of an image
# - **d** softmax
# - **e** batch norm in training mode, as a map of the whole batch

# %% [markdown] lang="zh" twin="cf228a1e"
# ### 练习 1 — 哪一层是线性的？
# 下面哪个映射是线性的？用加引号的字母作答。
#
# - **a** 全连接层 $\mathbf x \mapsto W\mathbf x + \mathbf b$，其中 $\mathbf b \neq \mathbf 0$
# - **b** 逐元素作用的 ReLU
# - **c** 对图像做 2×2 平均池化
# - **d** Softmax
# - **e** 训练模式下的批量归一化，看作整个批次的映射

# %%
### BEGIN SOLUTION
linear_one = "c"
### END SOLUTION

# %%
check("09.linear_layer", linear_one)

# %% [markdown]
# ## 3. Boundedness, the operator norm and the Lipschitz constant
#
# A linear $T$ is **bounded (有界)** if some $C$ gives $\|T\mathbf x\| \le C\|\mathbf x\|$ for every
# $\mathbf x$; the smallest such $C$ is the **operator norm (算子范数)**
#
# $$\|W\|_2 = \max_{\mathbf x\neq 0} \frac{\|W\mathbf x\|}{\|\mathbf x\|} = \sigma_{\max}(W),$$
#
# the largest **singular value (奇异值)**. For any map, a number $L$ with
# $\|T(\mathbf x) - T(\mathbf y)\| \le L\,\|\mathbf x - \mathbf y\|$ for all pairs is a
# **Lipschitz constant (利普希茨常数)**: it bounds how far the layer can push two inputs apart, so it
# is a quantitative form of continuity. For a linear map the best $L$ is $\|W\|_2$, since
# $T\mathbf x - T\mathbf y = W(\mathbf x - \mathbf y)$. Every matrix is bounded: in finite dimensions
# boundedness is free; the question is *how large* the bound is.
#
# Two ways to compute $\sigma_{\max}$: numpy's SVD, and **power iteration (幂迭代)**, which multiplies
# a random vector by $W^\top W$ again and again; the direction it converges to is the one $W$ stretches
# most. And a third, from the definition: the largest ratio over random pairs, which can only
# approach $\sigma_{\max}$ from below.

# %% [markdown] lang="zh" twin="8f7edc0e"
# ## 3. 有界性、算子范数和利普希茨常数
#
# 如果存在某个 $C$，使得对每个 $\mathbf x$ 都有 $\|T\mathbf x\| \le C\|\mathbf x\|$，就称线性映射 $T$ 是**有界**（bounded）的；这样的 $C$ 中最小的那个就是**算子范数**（operator norm）
#
# $$\|W\|_2 = \max_{\mathbf x\neq 0} \frac{\|W\mathbf x\|}{\|\mathbf x\|} = \sigma_{\max}(W),$$
#
# 即最大的**奇异值**（singular value）。对任意映射，如果一个数 $L$ 对所有输入对都满足 $\|T(\mathbf x) - T(\mathbf y)\| \le L\,\|\mathbf x - \mathbf y\|$，它就是一个**利普希茨常数**（Lipschitz constant）：它限制了这一层最多能把两个输入推开多远，所以是连续性的一种定量形式。对线性映射，最好的 $L$ 就是 $\|W\|_2$，因为 $T\mathbf x - T\mathbf y = W(\mathbf x - \mathbf y)$。每个矩阵都是有界的：在有限维中，有界性是白送的；真正的问题是这个界*有多大*。
#
# 计算 $\sigma_{\max}$ 有两种方法：numpy 的奇异值分解，以及**幂迭代**（power iteration）——把一个随机向量一次又一次地乘以 $W^\top W$，它最终收敛到的方向就是 $W$ 拉伸得最厉害的方向。还有第三种，直接来自定义：在随机的输入对上取最大的比值，它只能从下方逼近 $\sigma_{\max}$。

# %%
W = rng.normal(size=(5, 5))
sigma_svd = la.operator_norm(W)
sigma_power, history = la.power_iteration(W, steps=60)
print(f"σ_max by SVD            : {sigma_svd:.10f}")
print(f"σ_max by power iteration: {sigma_power:.10f}  (after 1, 5, 20 steps: "
      f"{history[0]:.4f}, {history[4]:.4f}, {history[19]:.4f})")
print(f"largest ratio over 2000 random pairs: {op.lipschitz_estimate(lambda v: W @ v, (5,), pairs=2000):.4f}")
print(f"numpy.linalg.norm(W, 2): {np.linalg.norm(W, 2):.10f}")

# %% [markdown]
# The picture: $W$ maps the unit circle to an ellipse whose longest semi-axis is $\sigma_{\max}$ and
# shortest $\sigma_{\min}$.

# %% [markdown] lang="zh" twin="9afa03d1"
# 图示：$W$ 把单位圆映成一个椭圆，椭圆最长的半轴是 $\sigma_{\max}$，最短的半轴是 $\sigma_{\min}$。

# %% tags=["nbval-ignore-output"]
W2 = np.array([[1.0, 2.0], [-1.0, 3.0]])
t = np.linspace(0, 2 * np.pi, 200)
circle = np.stack([np.cos(t), np.sin(t)])
U, s, Vt = np.linalg.svd(W2)
fig, ax = plt.subplots(figsize=(4, 4), layout="constrained")
ax.plot(*circle, color="0.6", label="unit circle")
ax.plot(*(W2 @ circle), color="C0", label="its image under W")
for k in range(2):
    ax.annotate("", xy=s[k] * U[:, k], xytext=(0, 0), arrowprops=dict(arrowstyle="->", color="C3"))
    ax.text(*(s[k] * U[:, k] * 1.08), f"σ{k + 1} = {s[k]:.2f}", color="C3", fontsize=9)
ax.set(aspect="equal", title="W stretches at most by σ_max")
ax.legend(loc="lower right", fontsize=8);

# %% [markdown]
# ### Exercise 2 — an operator norm
# For $A = \begin{pmatrix}1 & 2\\ -1 & 3\end{pmatrix}$ give $\|A\|_2$ to three decimal places.

# %% [markdown] lang="zh" twin="bbdd8cab"
# ### 练习 2 — 一个算子范数
# 对 $A = \begin{pmatrix}1 & 2\\ -1 & 3\end{pmatrix}$，给出 $\|A\|_2$，保留三位小数。

# %%
A = np.array([[1.0, 2.0], [-1.0, 3.0]])
### BEGIN SOLUTION
norm_A = np.linalg.svd(A, compute_uv=False)[0]
### END SOLUTION

# %%
check("09.operator_norm", norm_A)

# %% [markdown]
# ### Exercise 3 — the Lipschitz constant of ReLU
# What is the smallest $L$ with $\|\mathrm{ReLU}(\mathbf x) - \mathrm{ReLU}(\mathbf y)\| \le L\|\mathbf x - \mathbf y\|$
# for all $\mathbf x, \mathbf y \in \mathbb R^4$ (ReLU entry by entry)?

# %% [markdown] lang="zh" twin="ced79e7e"
# ### 练习 3 — ReLU 的利普希茨常数
# 使得对所有 $\mathbf x, \mathbf y \in \mathbb R^4$ 都有 $\|\mathrm{ReLU}(\mathbf x) - \mathrm{ReLU}(\mathbf y)\| \le L\|\mathbf x - \mathbf y\|$
# 的最小 $L$ 是多少（ReLU 逐元素作用）？

# %%
### BEGIN SOLUTION
L_relu = 1.0
### END SOLUTION

# %%
check("09.relu_lipschitz", L_relu)

# %% [markdown]
# ## 4. Compactness
#
# An operator is **compact (紧算子)** if it maps every bounded set to a set whose closure is compact —
# in other words, every bounded sequence of inputs has a subsequence whose *outputs* converge.
#
# > **⚠️ Careful — every weight matrix is a compact operator.** Seed 000 says that "the weight matrices
# > of a neural network are generally not compact operators". In finite dimensions the opposite is a
# > theorem: a matrix maps the unit ball into a bounded set of $\mathbb R^m$ (radius $\|W\|_2$), and
# > every bounded sequence in $\mathbb R^m$ has a convergent subsequence (Bolzano–Weierstrass). Every
# > matrix has finite rank, and finite-rank operators are compact. Compactness only means something in
# > infinite dimensions, e.g. on $\ell^2$, the square-summable sequences. There the identity and the
# > shift $S(x_1, x_2, \dots) = (0, x_1, x_2, \dots)$ are *not* compact: they send the unit vectors
# > $\mathbf e_1, \mathbf e_2, \dots$ to unit vectors that stay $\sqrt2$ apart forever, so no subsequence
# > converges. The diagonal operator $D\mathbf e_k = \mathbf e_k/k$ is compact: its outputs shrink to 0.
#
# The next cell computes this. It sends the first $n$ unit vectors through a $5\times n$ weight matrix
# (outputs in $\mathbb R^5$), through the shift and the identity (truncated to $n+1$ coordinates), and
# through $D$, and reports the smallest distance between two outputs. For the matrix the outputs crowd
# together as $n$ grows — they must, in a bounded part of $\mathbb R^5$ — while the shift's stay
# $\sqrt 2$ apart whatever $n$ is.

# %% [markdown] lang="zh" twin="e673e605"
# ## 4. 紧性
#
# 如果一个算子把每个有界集都映成闭包为紧集的集合，就称它是**紧算子**（compact）——换句话说，输入的每个有界序列都有一个子列，其*输出*收敛。
#
# > **⚠️ 注意 — 每个权重矩阵都是紧算子**。种子资料 000 说“神经网络的权重矩阵一般不是紧算子”。在有限维中，相反的结论是一条定理：矩阵把单位球映入 $\mathbb R^m$ 中的一个有界集（半径为 $\|W\|_2$），而 $\mathbb R^m$
# > 中的每个有界序列都有收敛的子列（波尔查诺-魏尔斯特拉斯定理）。每个矩阵的秩都是有限的，而有限秩算子都是紧算子。紧性只在无穷维中才有实际意义，例如在由平方可和数列构成的空间 $\ell^2$ 上。在那里，恒等算子和移位算子
# > $S(x_1, x_2, \dots) = (0, x_1, x_2, \dots)$ 都*不是*紧算子：它们把单位向量 $\mathbf e_1, \mathbf e_2, \dots$
# > 送到彼此始终相距 $\sqrt2$ 的单位向量，所以没有任何子列收敛。对角算子 $D\mathbf e_k = \mathbf e_k/k$
# > 是紧算子：它的输出缩向 0。
#
# 下一个单元格把这些算出来。它把前 $n$ 个单位向量分别送入一个 $5\times n$ 的权重矩阵（输出在 $\mathbb R^5$ 中）、移位算子和恒等算子（截断到 $n+1$ 个坐标）以及 $D$，并报告两个输出之间的最小距离。对矩阵而言，随着 $n$ 增大，输出挤得越来越近——它们必然如此，因为都落在 $\mathbb R^5$ 的一个有界范围内；而移位算子的输出无论 $n$ 多大，都彼此相距 $\sqrt 2$。

# %%
def closest_pair(points):
    """The smallest distance between two of the rows of `points`."""
    sq = np.sum(points ** 2, axis=1)
    d2 = sq[:, None] + sq[None, :] - 2 * points @ points.T
    np.fill_diagonal(d2, np.inf)
    return float(np.sqrt(max(d2.min(), 0.0)))


W5 = rng.normal(size=(5, 500)) / np.sqrt(5)
print("   n   5×n matrix   shift on ℓ²   identity   D e_k = e_k / k")
for n in (10, 100, 500):
    E = np.eye(n)
    shift = np.hstack([np.zeros((n, 1)), E])           # S e_k = e_(k+1)
    diag = E / np.arange(1, n + 1)[:, None]            # D e_k = e_k / k
    print(f"{n:5d}   {closest_pair((W5[:, :n]).T):10.3f}   {closest_pair(shift):11.3f}   "
          f"{closest_pair(E):8.3f}   {closest_pair(diag):10.5f}")
print(f"largest output of the matrix: {np.linalg.norm(W5, axis=0).max():.2f} ≤ ‖W‖₂ = {la.operator_norm(W5):.2f}")

# %% [markdown]
# ### Exercise 11 — which operator is not compact?
# (a) a 1000×1000 matrix with entries up to $10^6$; (b) the identity on $\ell^2$ (infinite sequences
# with $\sum x_k^2 < \infty$); (c) the dense layer $\mathbb R^{784}\to\mathbb R^{10}$ of a digit classifier;
# (d) $D e_k = e_k/k$ on $\ell^2$. Answer with the letter.

# %% [markdown] lang="zh" twin="3e82b2bd"
# ### 练习 11 — 哪个算子不是紧算子？
# (a) 一个元素最大可达 $10^6$ 的 1000×1000 矩阵；(b) $\ell^2$（满足 $\sum x_k^2 < \infty$ 的无穷数列）上的恒等算子；(c) 手写数字分类器中 $\mathbb R^{784}\to\mathbb R^{10}$ 的全连接层；(d) $\ell^2$ 上的 $D e_k = e_k/k$。用字母作答。

# %%
### BEGIN SOLUTION
not_compact = "b"
### END SOLUTION

# %%
check("09.not_compact", not_compact)

# %% [markdown]
# ## 5. Spectrum and depth: vanishing and exploding signals
#
# A deep network composes many layers, and the norms compose too:
# $\|W_L\cdots W_1\mathbf x\| \le \|W_L\|_2\cdots\|W_1\|_2\,\|\mathbf x\|$. If each layer shrinks a
# little the product vanishes; if each stretches a little it *can* explode — the bound allows growth, it
# does not force it: a bounded activation such as tanh keeps every $|a_j| \le 1$, so the forward signal
# stays bounded whatever the weights. The backward pass multiplies by
# the *transposes* and the activation slopes, $\partial C/\partial\mathbf a^{l-1} = W_l^\top\bigl(\partial C/\partial\mathbf a^l\odot\varphi'(\mathbf z^l)\bigr)$,
# so gradients suffer the same fate.
#
# The experiment: 50 random layers of width 100, weights with entries of variance $s^2/100$ (a
# **weight scale (权重尺度)** $s$), a random input forward and a random gradient backward.

# %% [markdown] lang="zh" twin="2112af0e"
# ## 5. 谱与深度：信号的消失与爆炸
#
# 深层网络把许多层复合起来，范数的界也随之相乘：$\|W_L\cdots W_1\mathbf x\| \le \|W_L\|_2\cdots\|W_1\|_2\,\|\mathbf x\|$。如果每一层都缩小一点，乘积就会趋于零；如果每一层都拉伸一点，它*可能*爆炸——这个界允许增长，但并不强制增长：像 tanh 这样有界的激活函数使每个 $|a_j| \le 1$，所以无论权重如何，正向的信号都保持有界。反向传播乘的是各层权重的*转置*和激活函数的斜率，$\partial C/\partial\mathbf a^{l-1} = W_l^\top\bigl(\partial C/\partial\mathbf a^l\odot\varphi'(\mathbf z^l)\bigr)$，所以梯度也难逃同样的命运。
#
# 实验：50 个宽度为 100 的随机层，权重元素的方差为 $s^2/100$，其中 $s$ 称为**权重尺度**（weight scale）；让一个随机输入正向通过，再让一个随机梯度反向通过。

# %%
for s in (0.5, 1.0, 2.0):
    run = depth.signal_through_depth(s, depth=50, width=100, activation="tanh")
    print(f"tanh, s = {s}: ‖a⁵⁰‖/‖a⁰‖ = {run['forward'][-1]:.2e}   ‖∂C/∂a⁰‖/‖∂C/∂a⁵⁰‖ = {run['gradient'][0]:.2e}")

# %% [markdown]
# Where is the boundary? For a wide random network, the gradient's squared norm is multiplied per
# layer by about $\chi = s^2\,\mathbb E[\varphi'(z)^2]$ (the mean-field argument: $z$ is Gaussian with
# the variance the signal settles at). $\chi < 1$ vanishes, $\chi > 1$ explodes, $\chi = 1$ is the
# **critical scale (临界尺度)**. `depth.critical_scale` finds it by bisection:

# %% [markdown] lang="zh" twin="ac27a1e5"
# 边界在哪里？对一个很宽的随机网络，梯度的平方范数每经过一层，大约乘以 $\chi = s^2\,\mathbb E[\varphi'(z)^2]$（这是平均场论证：$z$ 服从正态分布，其方差就是信号最终稳定下来时的方差）。$\chi < 1$ 时梯度消失，$\chi > 1$ 时梯度爆炸，使 $\chi = 1$ 的尺度就是**临界尺度**（critical scale）。`depth.critical_scale` 用二分法把它找出来：

# %%
for name in ("identity", "tanh", "relu"):
    print(f"{name:8s}: critical weight scale s = {depth.critical_scale(name):.4f}")

# %% [markdown]
# For ReLU it is $\sqrt2$: ReLU passes only half the units, so the variance needs a factor 2 — the
# reason for **He initialisation (He 初始化)**, entries of variance $2/n$.
#
# Critical is not the same as constant: at $s = 1$ the tanh signal above still shrinks through the 50
# layers (its line for $s = 1.0$), only slowly — polynomially in the depth instead of exponentially.
#
# **The explorer.** Move the weight scale. Left: the signal's norm per layer; middle: the gradient's
# norm per layer (read it from right to left: it starts at the top layer 50); right: the factor
# $\sqrt\chi$ per layer against $s$, the critical scale dashed, your $s$ as a dot. Switch the
# activation to ReLU and watch the dashed line move to $\sqrt2$. The 50 matrices are drawn once; the
# slider only rescales them.

# %% [markdown] lang="zh" twin="82923b97"
# 对 ReLU，临界尺度是 $\sqrt2$：ReLU 只让一半的神经单元通过，所以方差需要乘以 2——这正是**He 初始化**（He initialisation）的由来：元素的方差取 $2/n$。
#
# 临界并不等于不变：在 $s = 1$ 时，上面 tanh 的信号经过 50 层后仍在缩小（见输出中 $s = 1.0$ 那一行），只是缩得很慢——随深度按多项式衰减，而不是按指数衰减。
#
# **探索器**。移动权重尺度的滑块。左图：每一层信号的范数；中图：每一层梯度的范数（从右往左读：它从最顶上的第 50 层出发）；右图：每层的因子 $\sqrt\chi$ 随 $s$ 的变化，虚线是临界尺度，圆点是你选的 $s$。把激活函数切换成 ReLU，看虚线移到 $\sqrt2$。那 50 个矩阵只抽取一次；滑块只是对它们做缩放。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.depth import depth_explorer

depth_explorer()

# %% [markdown]
# ### Exercise 4 — a depth factor
# A linear network has 50 layers, each $W_l = 0.9\,Q_l$ with $Q_l$ orthogonal ($\|Q\mathbf x\| = \|\mathbf x\|$
# for all $\mathbf x$). By what factor does $\|\mathbf x\|$ change from input to output?

# %% [markdown] lang="zh" twin="365ab2b5"
# ### 练习 4 — 深度带来的因子
# 一个线性网络有 50 层，每层 $W_l = 0.9\,Q_l$，其中 $Q_l$ 是正交矩阵（对所有 $\mathbf x$ 都有 $\|Q\mathbf x\| = \|\mathbf x\|$）。从输入到输出，$\|\mathbf x\|$ 变为原来的多少倍？

# %%
### BEGIN SOLUTION
depth_factor = 0.9 ** 50
### END SOLUTION

# %%
check("09.depth_factor", depth_factor)

# %% [markdown]
# ### Exercise 5 — ReLU's critical scale
# Weights have entries of variance $s^2/n$. With ReLU units, $\mathbb E[\mathrm{ReLU}'(z)^2] = \tfrac12$
# for $z$ symmetric around 0. Which $s$ makes $\chi = s^2\,\mathbb E[\varphi'(z)^2] = 1$?

# %% [markdown] lang="zh" twin="91b7b2f3"
# ### 练习 5 — ReLU 的临界尺度
# 权重元素的方差为 $s^2/n$。对 ReLU 神经单元，只要 $z$ 关于 0 对称分布，就有 $\mathbb E[\mathrm{ReLU}'(z)^2] = \tfrac12$。哪个 $s$ 使 $\chi = s^2\,\mathbb E[\varphi'(z)^2] = 1$？

# %%
### BEGIN SOLUTION
s_relu = np.sqrt(2)
### END SOLUTION

# %%
check("09.relu_critical_scale", s_relu)

# %% [markdown]
# > **⚠️ Careful — how sigmoid stacks shrink gradients, in numbers.** $\sigma'(z) \le \tfrac14$, with
# > equality only at $z = 0$. One sigmoid layer multiplies a gradient by $W^\top\operatorname{diag}(\sigma'(\mathbf z))$,
# > whose norm is at most $\|W\|_2/4$. So with $\|W\|_2 \le 1$ fifty layers shrink it by at least
# > $(1/4)^{50} \approx 8\cdot10^{-31}$; any $\|W\|_2 < 4$ still guarantees shrinking; only
# > $\|W\|_2 > 4$ *allows* growth (it does not force it: saturated units have $\sigma' \approx 0$).
# > The cell builds the most favourable case — every layer an orthogonal matrix times $c$, biases
# > chosen so that every unit sits at $z = 0$ where $\sigma' = \tfrac14$ — and measures the gradient.

# %% [markdown] lang="zh" twin="2f444f66"
# > **⚠️ 注意 — Sigmoid 层的堆叠如何让梯度缩小：用数字说话**。$\sigma'(z) \le \tfrac14$，且仅在 $z = 0$ 处取等号。一个 Sigmoid 层把梯度乘以 $W^\top\operatorname{diag}(\sigma'(\mathbf z))$，其范数至多为 $\|W\|_2/4$。所以当 $\|W\|_2 \le 1$ 时，五十层会把梯度缩小到至多原来的 $(1/4)^{50} \approx 8\cdot10^{-31}$ 倍；只要 $\|W\|_2 < 4$，就仍然保证缩小；只有
# > $\|W\|_2 > 4$ 才*允许*增长（但并不强制增长：饱和的神经单元有 $\sigma' \approx 0$）。下一个单元格构造出最有利于增长的情形——每一层都是一个正交矩阵乘以 $c$，并选取偏置，使每个神经单元都处在
# > $z = 0$ 处，那里 $\sigma' = \tfrac14$——然后测量梯度。

# %%
def sigmoid_stack_gradient(c, depth=50, width=20, seed=0):
    """‖∂C/∂a⁰‖ / ‖∂C/∂a⁵⁰‖ through `depth` sigmoid layers W = c·Q (Q orthogonal), each with the bias
    that puts every unit at z = 0, together with the bound (‖W‖₂ · max σ')^depth."""
    r = np.random.default_rng(seed)
    a = np.full(width, 0.5)  # σ(0): the input of every layer
    Qs = [np.linalg.qr(r.normal(size=(width, width)))[0] for _ in range(depth)]
    zs = []
    for Q in Qs:
        z = c * Q @ a - c * Q @ np.full(width, 0.5)  # bias −W·½: z = 0
        zs.append(z)
        a = ops.sigmoid(z)
    g = r.normal(size=width)
    top = np.linalg.norm(g)
    for Q, z in zip(Qs[::-1], zs[::-1]):
        g = (c * Q).T @ (g * ops.sigmoid_derivative(z))
    bound = (la.operator_norm(c * Qs[0]) * ops.sigmoid_derivative(0.0)) ** depth
    return np.linalg.norm(g) / top, bound


for c in (1.0, 3.9, 4.0, 6.0):
    measured, bound = sigmoid_stack_gradient(c)
    print(f"‖W‖₂ = {c}: gradient factor over 50 layers {measured:.3e}   (‖W‖₂/4)^50 = {bound:.3e}")

# %% [markdown]
# ### Exercise 12 — the σ′ bound through a stack
# A stack of 10 sigmoid layers, each with $\|W_l\|_2 \le 2$. By at most what factor can the norm of a
# gradient grow on its way back through all 10? Give the number ($\sigma' \le \tfrac14$ at every unit).

# %% [markdown] lang="zh" twin="28301dad"
# ### 练习 12 — 在堆叠中应用 σ′ 的上界
# 一个由 10 个 Sigmoid 层堆成的网络，每层都有 $\|W_l\|_2 \le 2$。梯度在反向穿过全部 10 层的途中，其范数最多能增大到原来的多少倍？给出这个数（每个神经单元处都有 $\sigma' \le \tfrac14$）。

# %%
### BEGIN SOLUTION
sigmoid_stack_bound = (2 * 0.25) ** 10
### END SOLUTION

# %%
check("09.sigmoid_stack_bound", sigmoid_stack_bound)

# %% [markdown]
# ## 6. Invertibility and the Jacobian
#
# A layer loses information when two different inputs give the same output; then no later layer can
# tell them apart. For a square matrix, invertible means $\det W \neq 0$, i.e. $\sigma_{\min} > 0$. How
# *safely* invertible is measured by the **condition number (条件数)**
# $\kappa = \sigma_{\max}/\sigma_{\min}$: recovering the input from the output can magnify a relative
# error of the output up to $\kappa$ times.
#
# For a nonlinear layer the local question is answered by its **Jacobian (雅可比矩阵)**
# $J = \partial T/\partial\mathbf x$, the best linear map near a point. For $\mathbf x \mapsto \tanh(W\mathbf x)$
# it is $\operatorname{diag}(\tanh'(\mathbf z))\,W$; `calculus.jacobian` gets it by central differences.

# %% [markdown] lang="zh" twin="d2512f4f"
# ## 6. 可逆性与雅可比矩阵
#
# 当两个不同的输入给出相同的输出时，这一层就丢失了信息；此后任何一层都无法再把它们区分开。对方阵来说，可逆意味着 $\det W \neq 0$，即 $\sigma_{\min} > 0$。而可逆得有多*稳妥*，由**条件数**（condition number）
# $\kappa = \sigma_{\max}/\sigma_{\min}$ 来衡量：由输出恢复输入时，输出的相对误差最多可能被放大 $\kappa$ 倍。
#
# 对非线性层，这个问题在局部由它的**雅可比矩阵**（Jacobian）$J = \partial T/\partial\mathbf x$ 来回答，它是一点附近最好的线性近似。对 $\mathbf x \mapsto \tanh(W\mathbf x)$，雅可比矩阵是 $\operatorname{diag}(\tanh'(\mathbf z))\,W$；`calculus.jacobian` 用中心差分求出它。

# %%
W = rng.normal(size=(4, 4))
x = rng.normal(size=4)
J_formula = np.diag(ops.tanh_derivative(W @ x)) @ W
J_numeric = calculus.jacobian(lambda v: ops.tanh(W @ v), x)
print(f"largest difference formula vs central differences: {np.abs(J_formula - J_numeric).max():.1e}")
print(f"det W = {np.linalg.det(W):.3g}, det J = {np.linalg.det(J_formula):.2e}, κ(W) = {la.condition_number(W):.2f}, "
      f"κ(J) = {la.condition_number(J_formula):.3g}")
print("ReLU(-1) == ReLU(-2):", bool(ops.relu(-1.0) == ops.relu(-2.0)),
      "— two inputs, one output: ReLU loses information")
print("2×2 max pooling: 16 numbers in, rank of its Jacobian:",
      la.rank(calculus.jacobian(ops.max_pool2d, rng.normal(size=(4, 4)))))

# %% [markdown]
# $\det J$ is tiny but not 0, so $J$ is invertible — *ill-conditioned*, not singular: its condition
# number says how much an error of the output can grow on the way back. The determinant is a poor gauge
# (multiply $J$ by 10 and it grows $10^4$-fold, $\kappa$ not at all); $\kappa$ and $\sigma_{\min}$ are the
# measures.
#
# ### Exercise 6 — a condition number
# Give $\kappa(B)$ for $B = \begin{pmatrix}1 & 3\\ 0 & 1\end{pmatrix}$ (both eigenvalues are 1), to three
# significant digits.

# %% [markdown] lang="zh" twin="7c16f935"
# $\det J$ 很小，但不为 0，所以 $J$ 是可逆的——它是*病态的*，而不是奇异的：它的条件数说明输出的误差在反推回去时会放大多少。行列式是一个糟糕的量度（把 $J$ 乘以 10，行列式变为 $10^4$ 倍，而 $\kappa$ 完全不变）；$\kappa$ 和 $\sigma_{\min}$ 才是合适的度量。
#
# ### 练习 6 — 一个条件数
# 对 $B = \begin{pmatrix}1 & 3\\ 0 & 1\end{pmatrix}$（两个特征值都是 1），给出 $\kappa(B)$，保留三位有效数字。

# %%
B = np.array([[1.0, 3.0], [0.0, 1.0]])
### BEGIN SOLUTION
kappa_B = np.linalg.cond(B)
### END SOLUTION

# %%
check("09.shear_condition", kappa_B)

# %% [markdown]
# ## 7. Softmax
#
# $\mathrm{softmax}(\mathbf z)_i = e^{z_i}/\sum_j e^{z_j}$ (we always use the lib's stable `ops.softmax`).
# Adding one constant to every input changes nothing — numerator and denominator both gain $e^c$ — but
# scaling the inputs does change the output:

# %% [markdown] lang="zh" twin="133292e1"
# ## 7. Softmax
#
# $\mathrm{softmax}(\mathbf z)_i = e^{z_i}/\sum_j e^{z_j}$（我们始终使用课程库中数值稳定的 `ops.softmax`）。给每个输入都加上同一个常数，什么也不会改变——分子和分母都多出一个因子 $e^c$——但把输入缩放，输出就会改变：

# %%
z = np.array([2.0, 1.0, -0.5])
print("softmax(z)      :", np.round(ops.softmax(z), 4))
print("softmax(z + 100):", np.round(ops.softmax(z + 100), 4))
print("softmax(2z)     :", np.round(ops.softmax(2 * z), 4))

# %% [markdown]
# > **⚠️ Careful — softmax is not simply "monotone".** Seed 001 says softmax "preserves monotonicity:
# > the output probability increases as the input increases". True for the input you raise — its own
# > probability goes up — but every *other* probability goes down, because they share one denominator.
# > The cell raises $z_1$ by 1 and prints the signs of the changes it computes.

# %% [markdown] lang="zh" twin="de2441b4"
# > **⚠️ 注意 — Softmax 并不是简单地“单调”**。种子资料 001 说 Softmax “保持单调性：输入增大时，输出概率随之增大”。对你提高的那个输入，这是对的——它自己的概率会上升——但其他*每一个*概率都会下降，因为它们共用同一个分母。下一个单元格把 $z_1$ 提高 1，并打印它算出的各个变化量的符号。

# %%
change = ops.softmax(z + np.array([1.0, 0.0, 0.0])) - ops.softmax(z)
print("softmax(z + [1, 0, 0]) − softmax(z) =", np.round(change, 4))
print("signs:", ["+" if c > 0 else "−" if c < 0 else "0" for c in change], " sum:", round(float(change.sum()), 12) + 0.0)

# %% [markdown]
# The signs are those of the Jacobian, $\partial p_i/\partial z_j = p_i(\delta_{ij} - p_j)$: positive on the
# diagonal, negative off it, i.e. $J = \operatorname{diag}(\mathbf p) - \mathbf p\mathbf p^\top$. Every
# row of $J$ sums to 0 — the shift invariance again — so $J$ is singular at every $\mathbf z$. That alone
# would not make softmax non-invertible (a map can be one-to-one with a singular Jacobian at a point:
# $x^3$ at 0). The reason softmax cannot be undone is the shift invariance itself: $\mathbf z$ and
# $\mathbf z + c\mathbf 1$ have the same image, so no function can tell which one came in.
#
# ### Exercise 13 — raise one input of softmax
# $\mathbf p = \operatorname{softmax}(\mathbf z)$ for $\mathbf z = (1, 2, 3)$. You raise $z_1$ by 0.5 and leave the
# others. What happens to $p_1$, $p_2$, $p_3$? (a) all three rise; (b) $p_1$ rises, $p_2$ and $p_3$ fall;
# (c) $p_1$ rises, $p_2$ and $p_3$ stay; (d) nothing changes, softmax is shift invariant.

# %% [markdown] lang="zh" twin="6dc0a697"
# 这些符号就是雅可比矩阵的符号，$\partial p_i/\partial z_j = p_i(\delta_{ij} - p_j)$：对角线上为正，对角线外为负，即 $J = \operatorname{diag}(\mathbf p) - \mathbf p\mathbf p^\top$。$J$ 的每一行之和都为 0——这又是平移不变性——所以 $J$ 在每个 $\mathbf z$ 处都是奇异的。仅凭这一点，并不能说明 Softmax 不可逆（一个映射可以是一一映射，而在某一点的雅可比矩阵却是奇异的：
# $x^3$ 在 0 处）。Softmax 不可逆的真正原因是平移不变性本身：$\mathbf z$ 和 $\mathbf z + c\mathbf 1$ 的像相同，所以没有任何函数能分辨进来的是哪一个。
#
# ### 练习 13 — 提高 Softmax 的一个输入
# $\mathbf p = \operatorname{softmax}(\mathbf z)$，其中 $\mathbf z = (1, 2, 3)$。把 $z_1$ 提高 0.5，其他输入保持不变。$p_1$、$p_2$、$p_3$ 会怎样？(a) 三个都上升；(b) $p_1$ 上升，$p_2$ 和 $p_3$ 下降；(c) $p_1$ 上升，$p_2$ 和 $p_3$ 不变；(d) 什么都不变，Softmax 具有平移不变性。

# %%
### BEGIN SOLUTION
softmax_raise = "b"
### END SOLUTION

# %%
check("09.softmax_raise", softmax_raise)

# %% [markdown]
# ### Exercise 7 — the softmax Jacobian
# Write `softmax_jacobian(z)` returning the $n\times n$ matrix $\partial p_i/\partial z_j$ for a 1-D
# array `z`. It must work at `z = [1000, 0, -1000]` without overflow.

# %% [markdown] lang="zh" twin="17fdded2"
# ### 练习 7 — Softmax 的雅可比矩阵
# 编写 `softmax_jacobian(z)`，对一维数组 `z` 返回 $n\times n$ 矩阵 $\partial p_i/\partial z_j$。它在 `z = [1000, 0, -1000]` 处也必须能正常工作，不发生溢出。

# %%
def softmax_jacobian(z):
    ### BEGIN SOLUTION
    p = ops.softmax(z)
    return np.diag(p) - np.outer(p, p)
    ### END SOLUTION


# %%
check("09.softmax_jacobian", softmax_jacobian)

# %% [markdown]
# How much can softmax stretch? Its Lipschitz constant is the largest $\|J(\mathbf z)\|_2$. Random
# inputs give values below ½; two tied classes with the rest far below reach ½:

# %% [markdown] lang="zh" twin="66c61eaa"
# Softmax 最多能拉伸多少？它的利普希茨常数是 $\|J(\mathbf z)\|_2$ 的最大值。随机输入给出的值都小于 ½；两个类别并列、其余类别远远落后时，就能达到 ½：

# %%
def jacobian_norm(z):
    p = ops.softmax(z)
    return la.operator_norm(np.diag(p) - np.outer(p, p))


random_best = max(jacobian_norm(rng.normal(scale=3, size=5)) for _ in range(2000))
print(f"largest ‖J‖₂ over 2000 random z in R⁵: {random_best:.4f}")
print(f"‖J‖₂ at z = (0, 0, −50, −50, −50):     {jacobian_norm(np.array([0, 0, -50, -50, -50.0])):.4f}")

# %% [markdown]
# ### Exercise 8 — the Lipschitz constant of softmax
# What is the smallest $L$ with $\|\mathrm{softmax}(\mathbf z) - \mathrm{softmax}(\mathbf y)\| \le L\|\mathbf z - \mathbf y\|$
# for all inputs, whatever the number of classes $n\ge2$?

# %% [markdown] lang="zh" twin="d22a6f68"
# ### 练习 8 — Softmax 的利普希茨常数
# 无论类别数 $n\ge2$ 是多少，使得对所有输入都有 $\|\mathrm{softmax}(\mathbf z) - \mathrm{softmax}(\mathbf y)\| \le L\|\mathbf z - \mathbf y\|$
# 的最小 $L$ 是多少？

# %%
### BEGIN SOLUTION
L_softmax = 0.5
### END SOLUTION

# %%
check("09.softmax_lipschitz", L_softmax)

# %% [markdown]
# ## 8. Batch norm: two operators under one name
#
# **Batch normalisation (批量归一化)** standardises each feature. In **training** it uses the mean and
# variance of the current batch, so one sample's output depends on the other samples in the batch —
# it is an operator on the whole batch, and not an affine one. In **evaluation** it uses fixed running
# statistics collected during training: an affine map of each sample on its own.
# `dlmath.ops.normalization` has both, each with its backward pass.

# %% [markdown] lang="zh" twin="e6814059"
# ## 8. 批量归一化：同一个名字下的两个算子
#
# **批量归一化**（Batch normalisation）对每个特征做标准化。在**训练**时，它使用当前批次的均值和方差，所以一个样本的输出取决于同一批次中的其他样本——它是作用在整个批次上的算子，而且不是仿射的。在**评估**时，它使用训练期间积累下来的固定的运行统计量（running statistics）：对每个样本单独做一个仿射映射。`dlmath.ops.normalization` 提供了这两种模式，各自带有反向传播。

# %%
X = rng.normal(2.0, 3.0, size=(8, 3))
gamma, beta = np.ones(3), np.zeros(3)
mean, var = ops.batch_statistics(X)
others_changed = X.copy()
others_changed[1:] *= 4.0  # the same first sample, different batch mates
print("training  : first sample's output",
      np.round(ops.batch_norm_train(X, gamma, beta)[0], 3), "→", np.round(ops.batch_norm_train(others_changed, gamma, beta)[0], 3))
print("evaluation: first sample's output",
      np.round(ops.batch_norm_eval(X, gamma, beta, mean, var)[0], 3), "→",
      np.round(ops.batch_norm_eval(others_changed, gamma, beta, mean, var)[0], 3))
print("training is linear:", op.is_linear(lambda v: ops.batch_norm_train(v, gamma, beta), (8, 3)),
      "| evaluation is affine:", op.is_affine(lambda v: ops.batch_norm_eval(v, gamma, beta, mean, var), (8, 3)))

# %% [markdown]
# > **⚠️ Careful — "batch norm reduces internal covariate shift" is a hypothesis, and a disputed one.**
# > Seeds 000 and 001 give it as the reason batch norm works. Santurkar et al. (2018, "How does batch
# > normalization help optimization?") trained networks with noise added *after* batch norm, so the
# > layer inputs' distributions shifted more than without batch norm, and they trained just as well;
# > they attribute the gain to a smoother loss instead. What batch norm measurably does, we can
# > compute: in training mode its output does not depend on the scale of its input,
# > $\mathrm{BN}(c\,X) = \mathrm{BN}(X)$ for $c > 0$, so the *forward* signal through a deep stack stays
# > at the same size whatever the weight scale — the vanishing of section 5 disappears. The backward
# > signal is another matter: the cell also sends a random gradient back through the same 50 layers,
# > and with batch norm it *grows*, by a factor of 77 and of 97 at the two scales. Batch norm tames the
# > forward pass here, not the gradients.

# %% [markdown] lang="zh" twin="e2596602"
# > **⚠️ 注意 — “批量归一化减少了内部协变量偏移”只是一个假说，而且是有争议的假说**。种子资料 000 和 001 把它当作批量归一化有效的原因。Santurkar 等人（2018，“How does batch
# > normalization help optimization?”）在批量归一化*之后*加入噪声来训练网络，使各层输入的分布比不用批量归一化时偏移得更厉害，而网络训练得同样好；他们转而把收益归因于更平滑的损失函数。批量归一化可以测量到的作用，我们可以算出来：在训练模式下，它的输出不依赖于输入的尺度，对 $c > 0$ 有 $\mathrm{BN}(c\,X) = \mathrm{BN}(X)$，所以无论权重尺度是多少，穿过深层堆叠的*正向*信号都保持同样的大小——第 5 节的消失现象不见了。反向的信号则是另一回事：这个单元格还把一个随机梯度反向送回同样的 50 层，而有批量归一化时梯度反而*增大*了，在两个尺度下分别增大为 77 倍和 97 倍。在这里，批量归一化驯服的是正向传播，而不是梯度。

# %%
print("BN(5·X) == BN(X):", np.allclose(ops.batch_norm_train(5 * X, gamma, beta), ops.batch_norm_train(X, gamma, beta)))
Gs = depth.random_layers(depth=50, width=100, seed=0)
rms = lambda v: float(np.sqrt(np.mean(v ** 2)))  # noqa: E731
ones, zeros = np.ones(100), np.zeros(100)
for s in (0.3, 3.0):
    a_plain = a_bn = rng.normal(size=(32, 100))
    kept = []                                   # each layer's inputs, for the backward pass
    for G in Gs:
        z, u = s * a_plain @ G.T, s * a_bn @ G.T
        y = ops.batch_norm_train(u, ones, zeros)
        kept.append((z, u, y))
        a_plain, a_bn = np.tanh(z), np.tanh(y)
    top = rng.normal(size=(32, 100))            # a random ∂C/∂a⁵⁰, sent back through both stacks
    g_plain = g_bn = top
    for G, (z, u, y) in zip(Gs[::-1], kept[::-1]):
        g_plain = (g_plain * (1 - np.tanh(z) ** 2)) @ (s * G)
        du = ops.batch_norm_train_backward(g_bn * (1 - np.tanh(y) ** 2), u, ones)[0]
        g_bn = du @ (s * G)
    print(f"s = {s}: RMS of a⁵⁰ without BN {rms(a_plain):.2e}, with BN {rms(a_bn):.2f};  "
          f"‖∂C/∂a⁰‖/‖∂C/∂a⁵⁰‖ without BN {rms(g_plain) / rms(top):.2e}, with BN {rms(g_bn) / rms(top):.0f}")

# %% [markdown]
# ### Exercise 9 — batch norm in training
# A batch of 4 samples with 2 features is below; the layer's running statistics are mean $(3, 1)$ and
# variance $(4, 4)$. Give the training-mode output with $\gamma = 1$, $\beta = 0$ and $\varepsilon = 0$,
# to three decimals. (Training mode uses this batch's own mean and its variance with $1/N$, the one
# `np.var` computes by default — not the running statistics, and not the $1/(N-1)$ variance.)

# %% [markdown] lang="zh" twin="aca2d673"
# ### 练习 9 — 训练模式下的批量归一化
# 下面是一个含 4 个样本、2 个特征的批次；该层的运行统计量为均值 $(3, 1)$、方差 $(4, 4)$。在 $\gamma = 1$、$\beta = 0$、$\varepsilon = 0$ 时，给出训练模式下的输出，保留三位小数。（训练模式使用这个批次自己的均值，以及按 $1/N$ 计算的方差，即 `np.var` 默认计算的那种——既不是运行统计量，也不是按 $1/(N-1)$ 计算的方差。）

# %%
X_batch = np.array([[1.0, 2.0], [3.0, 0.0], [5.0, -2.0], [7.0, 4.0]])
running_mean, running_var = np.array([3.0, 1.0]), np.array([4.0, 4.0])
### BEGIN SOLUTION
bn_out = (X_batch - X_batch.mean(axis=0)) / X_batch.std(axis=0)
### END SOLUTION

# %%
check("09.batch_norm_train", bn_out)

# %% [markdown]
# ## 9. Dropout: a random operator
#
# **Dropout (随机失活)** sets each unit to 0 with probability $p$ during training. Each call draws a new
# mask, so it is a *random* operator; for one fixed draw it is linear (a diagonal matrix of zeros and
# scales). "Inverted" dropout divides the kept units by $1-p$, so that the expectation is the input
# itself and nothing needs rescaling at evaluation time, where dropout is the identity.

# %% [markdown] lang="zh" twin="19ecffaf"
# ## 9. 随机失活：一个随机算子
#
# **随机失活**（Dropout）在训练时以概率 $p$ 把每个神经单元置为 0。每次调用都会抽取一个新的掩码，所以它是一个*随机*算子；对于某一次固定的抽取，它是线性的（一个由 0 和缩放因子构成的对角矩阵）。“倒置”随机失活（inverted dropout）把保留下来的神经单元除以 $1-p$，使期望恰好等于输入本身，这样在评估时就不需要任何重新缩放——评估时随机失活就是恒等映射。

# %%
x = np.array([1.0, -2.0, 3.0, 0.5])
draws = np.stack([ops.dropout(x, p=0.5, rng=rng)[0] for _ in range(20000)])
print("three draws      :", (draws[:3] + 0.0).tolist())  # + 0.0 turns −0 into 0
print("mean of 20000    :", np.round(draws.mean(axis=0), 2), " input:", x)
print("fraction dropped :", round(float(np.mean(draws == 0)), 3))

# %% [markdown]
# ### Exercise 10 — inverted dropout
# With drop probability $p = 0.2$, by which factor must the kept units be multiplied so that
# $\mathbb E[\mathbf y] = \mathbf x$?

# %% [markdown] lang="zh" twin="25a4f25b"
# ### 练习 10 — 倒置随机失活
# 丢弃概率为 $p = 0.2$ 时，保留下来的神经单元必须乘以什么因子，才能使
# $\mathbb E[\mathbf y] = \mathbf x$？

# %%
### BEGIN SOLUTION
keep_scale = 1 / (1 - 0.2)
### END SOLUTION

# %%
check("09.dropout_scale", keep_scale)

# %% [markdown]
# ## 10. Data-dependent operators: gating and attention
#
# A **gated linear unit (门控线性单元, GLU)** splits its input into halves $\mathbf a, \mathbf b$ and returns
# $\mathbf a\odot\sigma(\mathbf b)$: the gate $\sigma(\mathbf b)$ is computed from the input itself.
# **Attention (注意力)** goes further: its mixing weights $\mathrm{softmax}(QK^\top/\sqrt{d_k})$ are
# computed from the input, and then multiply the values. With the weights frozen, the map
# $V \mapsto PV$ is linear; as a map of the input $X$ it is not — a *data-dependent* linear operator.
# (Chapter 10 builds attention; here we only test it.)

# %% [markdown] lang="zh" twin="4d1e981b"
# ## 10. 依赖于数据的算子：门控与注意力
#
# **门控线性单元**（gated linear unit，GLU）把输入分成两半 $\mathbf a, \mathbf b$，返回
# $\mathbf a\odot\sigma(\mathbf b)$：门 $\sigma(\mathbf b)$ 是由输入本身算出来的。**注意力**（Attention）走得更远：它的混合权重 $\mathrm{softmax}(QK^\top/\sqrt{d_k})$ 由输入算出，然后再去乘各个值向量。如果把这些权重冻结，映射 $V \mapsto PV$ 是线性的；但作为输入 $X$ 的映射，它不是线性的——它是一个*依赖于数据*的线性算子。（第 10 章会构建注意力；这里只对它做检验。）

# %%
Wq, Wk, Wv = rng.normal(size=(3, 3, 3))
Xt = rng.normal(size=(4, 3))  # 4 tokens of 3 numbers
Q_fixed, K_fixed = Xt @ Wq, Xt @ Wk
print("V ↦ attention(Q, K, V), Q and K fixed, is linear:",
      op.is_linear(lambda V: ops.scaled_dot_product_attention(Q_fixed, K_fixed, V)[0], (4, 3)))
print("X ↦ attention(XW_Q, XW_K, XW_V) is linear:",
      op.is_linear(lambda X_: ops.scaled_dot_product_attention(X_ @ Wq, X_ @ Wk, X_ @ Wv)[0], (4, 3)))
print("GLU is linear:", op.is_linear(ops.glu, (8,)))

# %% [markdown]
# ## 11. The catalogue
#
# Every verdict below is computed by `catalogue.catalogue(seed)` from the tests of this chapter:
# - **linear?** from `is_linear` / `is_affine`;
# - **Lipschitz ≥ (pairs)**: the largest ratio over 300 random pairs (a lower bound);
# - **max ‖J‖₂** at inputs of size about 0.1, 1 and 10: for a differentiable layer the Lipschitz
#   constant is the largest Jacobian norm. One that keeps growing with the input size (GLU) has no
#   global constant; the loss's levels off (its slope is $\|\mathrm{softmax}(\mathbf z) - \mathbf t\| \le \sqrt2$).
#   Batch norm in training grows as the input shrinks, but only up to a ceiling of order $\gamma/\sqrt\varepsilon$:
#   with $\varepsilon > 0$ it *is* globally Lipschitz, with a huge constant. And three sampled sizes are
#   not a verdict: self-attention's column looks bounded, yet self-attention is not globally Lipschitz
#   (Kim, Papamakarios & Mnih 2021, "The Lipschitz constant of self-attention") — its Jacobian grows
#   without bound along inputs the random samples rarely meet;
# - **‖A‖₂ exact**: $\sigma_{\max}$ of the matrix of the linear part, where there is one;
# - **invertible?**: from the condition number, or the rank of the Jacobian at random points;
# - **symmetry**: transformations of the input tested with `is_equivariant` (✓ holds, ✗ fails).

# %% [markdown] lang="zh" twin="e40e92da"
# ## 11. 目录
#
# 下表中的每一个结论，都由 `catalogue.catalogue(seed)` 用本章的各项检验算出：
# - **linear?**（是否线性）：来自 `is_linear` / `is_affine`；
# - **Lipschitz ≥ (pairs)**（由随机输入对估计的利普希茨常数）：300 个随机输入对上的最大比值（一个下界）；
# - **max ‖J‖₂**（雅可比矩阵范数的最大值）：在大小约为 0.1、1 和 10 的输入处计算；对可微的层，利普希茨常数就是雅可比矩阵范数的最大值。随输入变大而不断增长的那一行（GLU）没有全局的利普希茨常数；损失那一行则趋于平稳（它的斜率为 $\|\mathrm{softmax}(\mathbf z) - \mathbf t\| \le \sqrt2$）。训练模式下的批量归一化随输入变小而增长，但只增长到量级为 $\gamma/\sqrt\varepsilon$ 的上限：当 $\varepsilon > 0$ 时，它*是*全局利普希茨连续的，只是常数极大。而且，只取三个输入大小并不足以下结论：自注意力在这一列中的数值看上去有界，但自注意力并不是全局利普希茨连续的（Kim, Papamakarios & Mnih 2021，“The Lipschitz constant of self-attention”）——沿着随机样本很少碰到的那些输入，它的雅可比矩阵会无界地增长；
# - **‖A‖₂ exact**（精确的 ‖A‖₂）：线性部分所对应矩阵的 $\sigma_{\max}$（如果有线性部分的话）；
# - **invertible?**（是否可逆）：由条件数，或由随机点处雅可比矩阵的秩来判断；
# - **symmetry**（对称性）：用 `is_equivariant` 检验的各种输入变换（✓ 成立，✗ 不成立）。

# %%
rows = catalogue.catalogue(seed=0)
Markdown(catalogue.markdown_table(rows))

# %% [markdown]
# Read a few rows. Convolution commutes with shifts (**equivariant (等变)**) — away from the border: the
# test images have a zero border, so the shift pushes nothing through an edge (with ink at the border,
# `np.roll` would wrap it round and the zero padding would not). 2×2 pooling commutes only in the sense
# "shift the image by 2 pixels, and the pooled map shifts by 1"; a 1-pixel shift changes the pooled map,
# so pooling is not
# **translation invariant (平移不变)**, as seeds 000 and 001 claim — it adds only a little local
# invariance. Average pooling is linear, max pooling is not. Dropout's exact norm is $1/(1-p) = 2$.
# Softmax is invariant to $z + c$ and not to $2z$, and the loss inherits the shift invariance.
#
# > **⚠️ Careful — a max-pooled map changes when the image moves by one pixel.** Seed 001 says pooling's
# > output "does not change" under a translation. Computed on a random 8×8 image:

# %% [markdown] lang="zh" twin="d7fec86a"
# 看几行。卷积与平移可交换，即**等变**（equivariant）——在远离边界处成立：测试图像边缘的一圈都是零，所以平移不会把任何东西推出边缘（如果边缘有墨迹，`np.roll` 会把它绕回到另一侧，而零填充不会这样）。2×2 池化只在这样的意义下可交换：“把图像平移 2 个像素，池化后的映射平移 1 个”；平移 1 个像素会改变池化后的映射，所以池化并不像种子资料 000 和 001 所说的那样是**平移不变**（translation invariant）的——它只增加了一点局部的不变性。平均池化是线性的，最大池化不是。随机失活的精确范数是 $1/(1-p) = 2$。Softmax 对 $z + c$ 不变，对 $2z$ 则不然；损失继承了这种平移不变性。
#
# > **⚠️ 注意 — 图像移动一个像素，最大池化后的映射就会改变**。种子资料 001 说，在平移下池化的输出“不变”。在一张随机的 8×8 图像上算一算：

# %%
img = rng.normal(size=(8, 8))
pooled, pooled_shifted = ops.max_pool2d(img), ops.max_pool2d(np.roll(img, 1, axis=1))
print(f"entries of the 4×4 max-pooled map that change after a 1-pixel shift: "
      f"{int(np.sum(~np.isclose(pooled, pooled_shifted)))} of 16")

# %% [markdown]
# ### Exercise 14 — equivariant or invariant?
# Shift an image one pixel to the right (its content stays away from the border). Which statement is
# true? (a) a convolution layer's feature map stays the same; (b) the feature map shifts one pixel to the
# right too, and 2×2 max pooling after it may change; (c) 2×2 max pooling makes the output unchanged;
# (d) a convolution's output moves one pixel to the left.

# %% [markdown] lang="zh" twin="f7499063"
# ### 练习 14 — 等变还是不变？
# 把一张图像向右平移一个像素（图像内容远离边界）。哪个说法正确？(a) 卷积层的特征映射保持不变；(b) 特征映射也向右平移一个像素，而其后的 2×2 最大池化的输出可能改变；(c) 2×2 最大池化使输出保持不变；(d) 卷积的输出向左移动一个像素。

# %%
### BEGIN SOLUTION
shift_answer = "b"
### END SOLUTION

# %%
check("09.shift_symmetry", shift_answer)

# %% [markdown]
# ## 12. What an architecture represents
#
# > **⚠️ Careful — the functions one architecture represents are not a vector space, and the number
# > of parameters is not its "dimension".** Seed 001 says more parameters make "the dimension of the
# > function space" higher. Two facts break that picture. First, different weights give the *same*
# > function: scaling a ReLU unit's incoming weights by $c > 0$ and its outgoing weight by $1/c$, or
# > permuting the hidden units, changes no output, since $\mathrm{ReLU}(c z) = c\,\mathrm{ReLU}(z)$.
# > So the map from parameters to functions is many-to-one, and the number of independent directions
# > it has (the rank of its Jacobian) is smaller than the parameter count. Second, the sum of two
# > functions of the architecture need not be one: with one hidden ReLU unit a function of $x$ has at
# > most one kink, and the sum of two such functions can have two.

# %% [markdown] lang="zh" twin="d7d38ea5"
# ## 12. 一种网络结构能表示什么
#
# > **⚠️ 注意 — 一种网络结构所能表示的函数不构成向量空间，参数的个数也不是它的“维数”**。种子资料 001 说，参数越多，“函数空间的维数”就越高。有两个事实打破了这种图景。第一，不同的权重会给出*同一个*函数：把一个 ReLU 神经单元的输入权重乘以 $c > 0$、输出权重乘以 $1/c$，或者调换隐藏层神经单元的次序，都不会改变任何输出，因为 $\mathrm{ReLU}(c z) = c\,\mathrm{ReLU}(z)$。所以从参数到函数的映射是多对一的，它所具有的独立方向的个数（它的雅可比矩阵的秩）小于参数的个数。第二，这种结构的两个函数之和未必仍是这种结构的函数：只有一个隐藏 ReLU
# > 神经单元时，$x$ 的函数最多有一个折点，而两个这样的函数之和可以有两个。

# %%
def one_hidden(x, W1, b1, w2, b2):
    """A 1-input, 1-output network with one hidden layer of ReLU units."""
    return ops.relu(np.outer(x, W1) + b1) @ w2 + b2


xs = np.linspace(-3, 3, 61)
W1, b1, w2, b2 = rng.normal(size=3), rng.normal(size=3), rng.normal(size=3), 0.3
c = np.array([2.0, 0.5, 7.0])
perm = [2, 0, 1]
same_scaled = one_hidden(xs, c * W1, c * b1, w2 / c, b2)
same_permuted = one_hidden(xs, W1[perm], b1[perm], w2[perm], b2)
print("rescaled weights, largest change of the function:", f"{np.abs(same_scaled - one_hidden(xs, W1, b1, w2, b2)).max():.1e}")
print("permuted units,   largest change of the function:", f"{np.abs(same_permuted - one_hidden(xs, W1, b1, w2, b2)).max():.1e}")


def outputs(theta):
    return one_hidden(xs, theta[0:3], theta[3:6], theta[6:9], theta[9])


theta = np.concatenate([W1, b1, w2, [b2]])
print(f"{theta.size} parameters; rank of ∂(outputs)/∂(parameters): {la.rank(calculus.jacobian(outputs, theta), rtol=1e-8)}")


def kinks(f_values):
    """Grid points where the slope changes (second differences not 0)."""
    return int(np.sum(np.abs(np.diff(f_values, 2)) > 1e-9))


f1, f2 = ops.relu(xs - 1.0), ops.relu(-xs - 1.0)
print(f"kinks on the grid: f1 {kinks(f1)}, f2 {kinks(f2)}, f1 + f2 {kinks(f1 + f2)} "
      f"— one hidden ReLU unit makes at most 1")

# %% [markdown]
# The three hidden units give $3 \cdot 3 + 1 = 10$ parameters, but the function moves in fewer
# independent directions: each unit's rescaling is a direction that changes nothing, and a unit that
# stays on (or off) over the whole interval adds more such directions.
#
# ## Summary
# - A layer is an operator between spaces; linearity, boundedness, Lipschitz constants, invertibility
#   and equivariance can each be tested numerically — a counterexample refutes, random trials only
#   gather evidence.
# - $\|W\|_2 = \sigma_{\max}$ (SVD or power iteration) is the Lipschitz constant of a linear layer;
#   a nonlinear layer's is the largest Jacobian norm (ReLU 1, sigmoid ¼, softmax ½).
# - Every matrix is a compact operator; compactness fails only in infinite dimensions (identity, shift).
# - Norms multiply through depth: below the critical scale ($s = 1$ for tanh, $\sqrt2$ for ReLU) signals and
#   gradients vanish; above it the gradient explodes, while a bounded activation keeps the tanh signal
#   itself bounded (its ratio stays below 1 at $s = 2$); sigmoid stacks with $\|W\|_2 < 4$ always shrink
#   gradients.
# - The condition number measures how safely a layer can be inverted; ReLU, pooling, softmax and
#   batch norm in training lose information.
# - Softmax is shift-invariant, not scale-invariant; raising one input lowers every other probability.
# - Batch norm is two operators (training: of the whole batch; evaluation: affine); dropout is a random
#   operator whose inverted scaling keeps the expectation; gates and attention depend on their input.
# - An architecture's functions form no vector space, and parameters overcount its directions.
#
# **Next:** 10 · Subspaces and attention (`10_subspaces_and_attention.ipynb`) — column and null spaces,
# eigenvectors, and attention as projections into learned subspaces.

# %% [markdown] lang="zh" twin="8005b910"
# 三个隐藏神经单元给出 $3 \cdot 3 + 1 = 10$ 个参数，但函数能够变动的独立方向更少：每个神经单元的缩放都是一个什么也不改变的方向，而一个在整个区间上始终开启（或始终关闭）的神经单元还会带来更多这样的方向。
#
# ## 小结
# - 一层就是空间之间的一个算子；线性、有界性、利普希茨常数、可逆性和等变性都可以用数值方法检验——一个反例就能否定，随机试验只能收集证据。
# - $\|W\|_2 = \sigma_{\max}$（由奇异值分解或幂迭代求得）是线性层的利普希茨常数；非线性层的利普希茨常数是雅可比矩阵范数的最大值（ReLU 为 1，Sigmoid 为 ¼，Softmax 为 ½）。
# - 每个矩阵都是紧算子；紧性只在无穷维中才会不成立（恒等算子、移位算子）。
# - 范数随深度相乘：低于临界尺度（tanh 为 $s = 1$，ReLU 为 $\sqrt2$）时，信号和梯度都会消失；高于临界尺度时梯度会爆炸，而有界的激活函数使 tanh 的信号本身保持有界（在 $s = 2$ 时它的比值仍小于 1）；
#   $\|W\|_2 < 4$ 的 Sigmoid 堆叠总会使梯度缩小。
# - 条件数衡量一层能多稳妥地被求逆；ReLU、池化、Softmax 以及训练时的批量归一化都会丢失信息。
# - Softmax 具有平移不变性，但不具有缩放不变性；提高一个输入，会降低其他每一个概率。
# - 批量归一化是两个算子（训练时作用于整个批次；评估时是仿射映射）；随机失活是一个随机算子，它的倒置缩放使期望保持不变；门控和注意力依赖于它们的输入。
# - 一种网络结构的函数不构成向量空间，而参数的个数多算了它的方向数。
#
# **下一章**：10 · 子空间与注意力（`10_subspaces_and_attention.ipynb`）——列空间与零空间、特征向量，以及把注意力看作向学习得到的子空间的投影。
