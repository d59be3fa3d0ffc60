# The one source of chapter 06: `python tools/build_notebooks.py 06` builds
# chapters/06_network_as_optimization.ipynb and solutions/06_network_as_optimization.ipynb.

# %% [markdown]
# # 06 · The network as an optimisation problem
#
# **Goals.** After this chapter you can
# - name every number in a network with the book's notation: layer $l$, weight $w^l_{ji}$, bias $b^l_j$,
#   weighted input $z^l_j$ and output $a^l_j$;
# - run the forward pass of the 12-3-2 network by hand, then as matrix products, and count its 47
#   parameters;
# - write the cost $C_T$ of a network over its training images, with targets $\mathbf{t}$ and the
#   squared error, and also with softmax and the cross entropy — and say why the cross entropy trains
#   sigmoid outputs faster;
# - see with sympy why differentiating $C_T$ by hand ends in "derivative hell", the reason chapter 07
#   needs backpropagation.
#
# **You need** [chapter 01](01_neurons_step_sigmoid.ipynb) (a unit: $z = \mathbf{w}\cdot\mathbf{x} + b$,
# $a = \sigma(z)$, $\sigma' = \sigma(1-\sigma)$), [chapter 02](02_vectors_cauchy_schwarz.ipynb) (matrix
# products, the transpose) and [chapter 05](05_least_squares.ipynb) (a model's parameters are chosen
# by making a cost $C_T$ smallest).

# %% [markdown] lang="zh" twin="4ac7a663"
# # 06 · 把神经网络看作最优化问题
#
# **目标**。学完本章，你能够：
# - 用书中的记号叫出网络中的每一个数：层 $l$、权重 $w^l_{ji}$、偏置 $b^l_j$、加权输入 $z^l_j$ 和输出 $a^l_j$；
# - 先手算、再用矩阵乘积完成 12-3-2 网络的正向传播，并数出它的 47 个参数；
# - 写出网络在全部训练图像上的代价函数 $C_T$：用正解 $\mathbf{t}$ 和平方误差，也用 Softmax 和交叉熵；并说明为什么交叉熵能让 Sigmoid 输出学得更快；
# - 借助 sympy 看清为什么手工对 $C_T$ 求导会陷入“导数地狱”——这正是第 07 章需要误差反向传播法的原因。
#
# **前置知识**：[第 01 章](01_neurons_step_sigmoid.ipynb)（一个神经单元：$z = \mathbf{w}\cdot\mathbf{x} + b$，$a = \sigma(z)$，$\sigma' = \sigma(1-\sigma)$）、[第 02 章](02_vectors_cauchy_schwarz.ipynb)（矩阵乘积、转置）和[第 05 章](05_least_squares.ipynb)（模型的参数通过使代价函数 $C_T$ 最小来确定）。

# %%
import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from dlmath import calculus, check, datasets, ops, symbolic_network
from dlmath.explorers.network import network_figure, trained_network

rng = np.random.default_rng(6)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. The task and the network
#
# The book's task: a 4×3-pixel black-and-white image shows a handwritten "0" or "1"; a network should
# tell which. `datasets.zero_one_images()` holds 119 such images, written for this course: a few ways
# to write each digit, and every one of them with one pixel flipped (noise). Each image is a row of 12
# numbers, read row by row (pixel 1 top left, pixel 12 bottom right), 1 = ink.

# %% [markdown] lang="zh" twin="d9eece10"
# ## 1. 任务与网络
#
# 书中的任务：一幅 4×3 像素的黑白图像上写着手写的“0”或“1”，网络要判断是哪一个。`datasets.zero_one_images()` 收录了 119 幅这样的图像，是为本课程制作的：每个数字有几种写法，再加上每种写法各翻转一个像素得到的图像（噪声）。每幅图像是一行 12 个数，逐行读取（像素 1 在左上角，像素 12 在右下角），1 表示有墨迹。

# %%
data = datasets.zero_one_images()
print(f"{len(data.x)} images: {np.sum(data.labels == 0)} zeros and {np.sum(data.labels == 1)} ones")
for k in (0, 1, 45, 46):
    print(f"image {k}, a \"{data.labels[k]}\":")
    print(data.x[k].reshape(4, 3).astype(int))

# %% [markdown]
# The network has three layers, numbered as in the book from the input: **layer 1** holds the 12 pixels
# (it computes nothing), **layer 2** has 3 hidden sigmoid units, **layer 3** has 2 sigmoid output
# units. Output 1 should be near 1 for a "0", output 2 near 1 for a "1". The notation:
#
# | symbol | meaning |
# |---|---|
# | $x_i = a^1_i$ | pixel $i$, the output of input unit $i$ |
# | $w^l_{ji}$ | the **weight (权重)** from unit $i$ of layer $l-1$ to unit $j$ of layer $l$ — first index: where it goes, second: where it comes from |
# | $b^l_j$ | the **bias (偏置)** of unit $j$ in layer $l$ |
# | $z^l_j$ | the **weighted input (加权输入)** of unit $j$ in layer $l$: $z^l_j = \sum_i w^l_{ji}\,a^{l-1}_i + b^l_j$ |
# | $a^l_j$ | its output: $a^l_j = \sigma(z^l_j)$ |
#
# The order of the indices of $w^l_{ji}$ looks backwards, but it makes the matrix form come out right
# (section 4). The drawing shows the image of a "0", the network, one weight ($w^2_{15}$, from pixel 5
# to hidden unit 1) and one bias ($b^2_1$).

# %% [markdown] lang="zh" twin="84801064"
# 网络有三层，按书中的习惯从输入端开始编号：**第 1 层**是 12 个像素（它不做任何计算），**第 2 层**有 3 个 Sigmoid 隐藏层神经单元，**第 3 层**有 2 个 Sigmoid 输出层神经单元。图像是“0”时，输出 1 应接近 1；图像是“1”时，输出 2 应接近 1。记号如下：
#
# | 符号 | 含义 |
# |---|---|
# | $x_i = a^1_i$ | 像素 $i$，即输入层神经单元 $i$ 的输出 |
# | $w^l_{ji}$ | 从第 $l-1$ 层的神经单元 $i$ 到第 $l$ 层的神经单元 $j$ 的**权重**（weight）——第一个下标表示去向，第二个下标表示来源 |
# | $b^l_j$ | 第 $l$ 层神经单元 $j$ 的**偏置**（bias） |
# | $z^l_j$ | 第 $l$ 层神经单元 $j$ 的**加权输入**（weighted input）：$z^l_j = \sum_i w^l_{ji}\,a^{l-1}_i + b^l_j$ |
# | $a^l_j$ | 它的输出：$a^l_j = \sigma(z^l_j)$ |
#
# $w^l_{ji}$ 的下标顺序看起来是反的，但正因如此，矩阵形式才会写得顺（第 4 节）。图中画出了一幅“0”的图像、网络、一个权重（$w^2_{15}$，从像素 5 到隐藏层神经单元 1）和一个偏置（$b^2_1$）。

# %% tags=["nbval-ignore-output"]
network_figure(data.x[0], weight=(2, 1, 5));

# %% [markdown]
# ## 2. A network with random parameters
#
# Before any training, the weights and biases are just numbers. Here is a 12-3-2 network with random
# ones; $W^2$ collects the $w^2_{ji}$ (row $j$ = hidden unit, column $i$ = pixel), $W^3$ the $w^3_{ji}$.

# %% [markdown] lang="zh" twin="ed274d66"
# ## 2. 参数随机的网络
#
# 训练之前，权重和偏置只是一些数而已。下面是一个参数随机的 12-3-2 网络；$W^2$ 汇集了所有 $w^2_{ji}$（第 $j$ 行对应隐藏层神经单元，第 $i$ 列对应像素），$W^3$ 汇集了所有 $w^3_{ji}$。

# %%
W2, b2 = rng.normal(0, 0.5, (3, 12)), rng.normal(0, 0.5, 3)
W3, b3 = rng.normal(0, 1.0, (2, 3)), rng.normal(0, 0.5, 2)
print("W² (3 × 12):\n", np.round(W2, 2))
print("b² =", np.round(b2, 2))
print("W³ (2 × 3):\n", np.round(W3, 2))
print("b³ =", np.round(b3, 2))

# %% [markdown]
# ## 3. The forward pass by hand
#
# The **forward pass (正向传播)** computes the network's outputs from its inputs, one layer after the
# other. Hidden unit 1 of the first image, written out as the sum it is:

# %% [markdown] lang="zh" twin="130b60be"
# ## 3. 手算正向传播
#
# 所谓**正向传播**（forward pass），就是从网络的输入出发，一层接一层地算出输出。下面把第一幅图像在隐藏层神经单元 1 上的计算按它的本来面目写出来——一个求和：

# %%
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


x = data.x[0]                       # a "0": the ring
z2_1 = 0.0
for i in range(12):
    z2_1 += W2[0, i] * x[i]         # w²_1i · x_i (index 0 in Python is unit 1 in the book)
z2_1 += b2[0]
a2_1 = sigmoid(z2_1)
print(f"z²_1 = {z2_1:.4f},  a²_1 = σ(z²_1) = {a2_1:.4f}")

# %% [markdown]
# The same for hidden units 2 and 3, then the outputs take the three hidden outputs as their inputs:
# $z^3_j = w^3_{j1}a^2_1 + w^3_{j2}a^2_2 + w^3_{j3}a^2_3 + b^3_j$.

# %% [markdown] lang="zh" twin="a9d5a597"
# 隐藏层神经单元 2 和 3 也同样计算；然后输出层把三个隐藏层输出当作自己的输入：$z^3_j = w^3_{j1}a^2_1 + w^3_{j2}a^2_2 + w^3_{j3}a^2_3 + b^3_j$。

# %%
a2 = np.array([sigmoid(sum(W2[j, i] * x[i] for i in range(12)) + b2[j]) for j in range(3)])
a3 = np.array([sigmoid(sum(W3[j, i] * a2[i] for i in range(3)) + b3[j]) for j in range(2)])
print(f"a² = {np.round(a2, 4)}   a³ = {np.round(a3, 4)}")

# %% [markdown]
# With random parameters the outputs mean nothing yet: this image is a "0", so $a^3_1$ should be near
# 1 and $a^3_2$ near 0.
#
# ### Exercise 1 — the output of one unit
# A unit has four inputs $\mathbf{x} = (1, 0, 1, 1)$, weights $\mathbf{w} = (0.6, -1.2, 0.9, -0.4)$ and
# bias $b = -0.3$, and is a sigmoid. Give its output $a$ to four decimal places.

# %% [markdown] lang="zh" twin="0539daff"
# 参数是随机的，输出还没有任何意义：这幅图像是“0”，所以 $a^3_1$ 应接近 1，$a^3_2$ 应接近 0。
#
# ### 练习 1 — 一个神经单元的输出
# 一个 Sigmoid 神经单元有四个输入 $\mathbf{x} = (1, 0, 1, 1)$，权重为 $\mathbf{w} = (0.6, -1.2, 0.9, -0.4)$，偏置为 $b = -0.3$。求它的输出 $a$，保留四位小数。

# %%
### BEGIN SOLUTION
unit_output = sigmoid(np.dot([0.6, -1.2, 0.9, -0.4], [1, 0, 1, 1]) - 0.3)
### END SOLUTION

# %%
check("06.unit_output", unit_output)

# %% [markdown]
# ## 4. The forward pass as matrices
#
# Stack the weighted inputs of a layer into a vector. Because $z^l_j = \sum_i w^l_{ji}a^{l-1}_i + b^l_j$
# runs along *row* $j$ of $W^l$, the whole layer is one matrix–vector product:
#
# $$\mathbf{z}^l = W^l\,\mathbf{a}^{l-1} + \mathbf{b}^l,\qquad \mathbf{a}^l = \sigma(\mathbf{z}^l)
#   \quad(\sigma \text{ applied to each entry}),$$
#
# with $W^2$ of shape (3, 12) and $W^3$ of shape (2, 3): (units of this layer, units of the layer
# below). That is why $w^l_{ji}$ has its indices in that order.

# %% [markdown] lang="zh" twin="beceea19"
# ## 4. 用矩阵表示正向传播
#
# 把一层的加权输入排成一个向量。由于 $z^l_j = \sum_i w^l_{ji}a^{l-1}_i + b^l_j$ 是沿着 $W^l$ 的第 $j$ *行*计算的，整层就是一次矩阵与向量的乘积：
#
# $$\mathbf{z}^l = W^l\,\mathbf{a}^{l-1} + \mathbf{b}^l,\qquad \mathbf{a}^l = \sigma(\mathbf{z}^l)
#   \quad(\sigma \text{ applied to each entry}),$$
#
# 其中 $W^2$ 的形状为 (3, 12)，$W^3$ 的形状为 (2, 3)，即（本层的神经单元数，前一层的神经单元数）。这就是 $w^l_{ji}$ 的下标要按这个顺序排列的原因。

# %%
z2 = W2 @ x + b2
z3 = W3 @ sigmoid(z2) + b3
print("z² =", np.round(z2, 4), " (the first is z²_1 from the loop:", round(float(z2_1), 4), ")")
print("a³ =", np.round(sigmoid(z3), 4))

# %% [markdown]
# For many images at once, put the images in the *rows* of a matrix $X$ (shape (N, 12)), as numpy, torch
# and this course's library do. Transposing $\mathbf{z} = W\mathbf{a} + \mathbf{b}$ gives the rows:
# $Z^l = A^{l-1}(W^l)^\top + \mathbf{b}^l$. From now on the library's `ops.dense(a, W, b)` computes it (with
# `W` in the book's shape) and `ops.activation(z, "sigmoid")` applies σ without overflow.

# %% [markdown] lang="zh" twin="f8b10c9d"
# 同时处理多幅图像时，像 numpy、torch 和本课程的库那样，把图像放在矩阵 $X$ 的*行*里（形状为 (N, 12)）。对 $\mathbf{z} = W\mathbf{a} + \mathbf{b}$ 取转置，就得到按行排列的形式：$Z^l = A^{l-1}(W^l)^\top + \mathbf{b}^l$。从现在起，由库函数 `ops.dense(a, W, b)` 计算它（`W` 采用书中的形状），由 `ops.activation(z, "sigmoid")` 施加 σ，而且不会溢出。

# %%
def forward_lib(X, W2, b2, W3, b3):
    """a³ for the images in the rows of X, with the library's pieces."""
    A2 = ops.activation(ops.dense(X, W2, b2), "sigmoid")
    return ops.activation(ops.dense(A2, W3, b3), "sigmoid")


Z2 = ops.dense(data.x, W2, b2)                  # (119, 3): one row per image
A3 = forward_lib(data.x, W2, b2, W3, b3)        # (119, 2)
print("shapes:", Z2.shape, A3.shape, "  first row equals the single image:", np.allclose(A3[0], sigmoid(z3)))

# %% [markdown]
# ### Exercise 2 — the weighted inputs of a layer
# A layer of 3 units follows a layer of 3 units with outputs $\mathbf{a} = (0.9, 0.2, 0.6)$. Its weights
# and biases are below (`W_layer[j, i]` is $w_{ji}$, so row $j$ belongs to unit $j$). Give
# $\mathbf{z}$ as an array of 3 numbers.

# %% [markdown] lang="zh" twin="7aead666"
# ### 练习 2 — 一层的加权输入
# 一层有 3 个神经单元，接在另一层 3 个神经单元之后，前一层的输出为 $\mathbf{a} = (0.9, 0.2, 0.6)$。这一层的权重和偏置见下方（`W_layer[j, i]` 就是 $w_{ji}$，所以第 $j$ 行属于神经单元 $j$）。以含 3 个数的数组给出 $\mathbf{z}$。

# %%
W_layer = np.array([[0.5, -1.0, 2.0], [1.5, 0.3, -0.7], [-0.2, 0.8, 1.1]])
a_below = np.array([0.9, 0.2, 0.6])
b_layer = np.array([0.1, -0.4, 0.3])
### BEGIN SOLUTION
z_layer = W_layer @ a_below + b_layer
### END SOLUTION

# %%
check("06.layer_z", z_layer)

# %% [markdown]
# ### Exercise 3 — the forward pass of the 12-3-2 network
# Write `forward(X, W2, b2, W3, b3)`: `X` holds N images as rows (shape (N, 12)), the parameters have
# the book's shapes (3, 12), (3,), (2, 3), (2,), every unit is a sigmoid. Return the outputs $a^3$ as an
# array of shape (N, 2), one row per image. The check runs it on several random networks and batches.

# %% [markdown] lang="zh" twin="545e25d5"
# ### 练习 3 — 12-3-2 网络的正向传播
# 编写 `forward(X, W2, b2, W3, b3)`：`X` 的每一行是一幅图像，共 N 幅（形状为 (N, 12)）；参数采用书中的形状 (3, 12)、(3,)、(2, 3)、(2,)；每个神经单元都用 Sigmoid 函数。返回输出 $a^3$，它是形状为 (N, 2) 的数组，每幅图像占一行。检查程序会在若干个随机网络和批量上运行它。

# %%
def forward(X, W2, b2, W3, b3):
    ### BEGIN SOLUTION
    A2 = sigmoid(X @ W2.T + b2)
    return sigmoid(A2 @ W3.T + b3)
    ### END SOLUTION


# %%
check("06.forward", forward)

# %% [markdown]
# ## 5. Counting the parameters
#
# The weights and biases are the network's **parameters (参数)**: the numbers that learning chooses.
# The pixels and all $z$ and $a$ are *variables*: they change from image to image. Every unit after
# the input has one weight per unit of the layer below and one bias:
#
# $$\underbrace{3\cdot 12 + 3}_{\text{layer 2}} + \underbrace{2\cdot 3 + 2}_{\text{layer 3}} = 39 + 8 = 47 .$$

# %% [markdown] lang="zh" twin="ee888ef4"
# ## 5. 数一数参数
#
# 权重和偏置是网络的**参数**（parameters）：学习要确定的正是这些数。像素以及所有的 $z$ 和 $a$ 则是*变量*：它们随图像而变。输入层之后的每个神经单元，对前一层的每个神经单元各有一个权重，另外还有一个偏置：
#
# $$\underbrace{3\cdot 12 + 3}_{\text{layer 2}} + \underbrace{2\cdot 3 + 2}_{\text{layer 3}} = 39 + 8 = 47 .$$

# %%
print("by hand:", 3 * 12 + 3 + 2 * 3 + 2, "  arrays:", W2.size + b2.size + W3.size + b3.size,
      "  symbolic_network.parameter_count:", symbolic_network.parameter_count((12, 3, 2)))
print("a deeper, wider one, 64-30-30-10:", symbolic_network.parameter_count((64, 30, 30, 10)))

# %% [markdown]
# Training the network means finding the point in a 47-dimensional parameter space where the cost is
# smallest — chapter 05's problem, with 47 unknowns instead of 2.
#
# > **⚠️ Careful — 47 parameters are not "47 dimensions of functions".** One of the reading notes this
# > course grew from says that more parameters make "the dimension of the function space" higher. But the
# > functions a 12-3-2 sigmoid network can compute do not form a vector space at all, and different
# > parameters can give the *same* function. Swap hidden units 1 and 2 — their rows of $W^2$, their
# > biases and their columns of $W^3$ — and every output on every image stays the same, although the
# > 47 numbers changed. And adding two networks' parameters does not add their functions:

# %% [markdown] lang="zh" twin="504f041a"
# 训练网络，就是在 47 维的参数空间中找出代价函数最小的那一点——这正是第 05 章的问题，只是未知数从 2 个变成了 47 个。
#
# > **⚠️ 注意 — 47 个参数并不是“47 维的函数”**。本课程所依据的一篇读书笔记说，参数越多，“函数空间的维数”就越高。但 12-3-2 Sigmoid 网络所能计算的函数根本不构成向量空间，而且不同的参数可以给出*同一个*函数。交换隐藏层神经单元 1 和 2——交换它们在 $W^2$ 中的行、它们的偏置以及它们在 $W^3$ 中的列——每幅图像上的每个输出都保持不变，尽管那 47 个数已经变了。此外，把两个网络的参数相加，并不等于把它们的函数相加：

# %%
perm = [1, 0, 2]  # hidden unit 2 first, then 1, then 3
same = np.allclose(forward_lib(data.x, W2[perm], b2[perm], W3[:, perm], b3),
                   forward_lib(data.x, W2, b2, W3, b3))
print("hidden units swapped: parameters equal?", np.array_equal(W2[perm], W2), "  outputs equal?", same)
V2, c2, V3, c3 = rng.normal(size=(3, 12)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
both = forward_lib(data.x[:1], W2 + V2, b2 + c2, W3 + V3, b3 + c3)
added = forward_lib(data.x[:1], W2, b2, W3, b3) + forward_lib(data.x[:1], V2, c2, V3, c3)
print("f(θ + θ') =", np.round(both[0], 4), "  f(θ) + f(θ') =", np.round(added[0], 4))
print("f(θ) + f(θ') inside (0, 1)², where every output of a sigmoid network lies?",
      bool(np.all((added > 0) & (added < 1))))

# %% [markdown]
# Read the two lines carefully. That $f(\theta + \theta') \ne f(\theta) + f(\theta')$ only shows that the map
# from parameters to functions is not linear. The proof that the *functions* form no vector space is the
# last line: the sum of two of them has outputs outside $(0, 1)^2$, so no 12-3-2 sigmoid network computes
# it — the set is not closed under addition.

# %% [markdown] lang="zh" twin="304198ed"
# 仔细读后两行输出。$f(\theta + \theta') \ne f(\theta) + f(\theta')$ 只说明从参数到函数的映射不是线性的。证明这些*函数*不构成向量空间的是最后一行：其中两个函数之和的输出落在 $(0, 1)^2$ 之外，所以没有哪个 12-3-2 Sigmoid 网络能计算它——这个集合对加法不封闭。

# %% [markdown]
# ### Exercise 4 — a parameter count
# A network for 8×8 images of the ten digits has 64 inputs, one hidden layer of 16 units and 10 outputs,
# fully connected. How many parameters does it have?

# %% [markdown] lang="zh" twin="72d218bd"
# ### 练习 4 — 数参数
# 一个识别十个数字的 8×8 图像的网络有 64 个输入、一个含 16 个神经单元的隐藏层和 10 个输出，各层全连接。它有多少个参数？

# %%
### BEGIN SOLUTION
n_parameters = 64 * 16 + 16 + 16 * 10 + 10
### END SOLUTION

# %%
check("06.parameter_count", n_parameters)

# %% [markdown]
# ## 6. Targets, the squared error and $C_T$
#
# To tell the network what is right, each image gets a **target (正解)** $\mathbf{t} = (t_1, t_2)$, one
# number per output: $\mathbf{t} = (1, 0)$ for a "0" and $(0, 1)$ for a "1" (`data.t`). The book's error
# of one image is the squared error, with the ½ of chapter 05 so that its derivative has no 2:
#
# $$C = \tfrac12\bigl((a^3_1 - t_1)^2 + (a^3_2 - t_2)^2\bigr),\qquad
#   C_T = \sum_{k=1}^{119} C_k \quad\text{(the cost: all images added)}.$$
#
# $C_T$ is a function of the 47 parameters: the images and targets are fixed. `ops.squared_error(y, t)`
# gives $C$ for every row.

# %% [markdown] lang="zh" twin="447dfd4d"
# ## 6. 正解、平方误差与 $C_T$
#
# 为了告诉网络什么是对的，每幅图像都配有一个**正解**（target）$\mathbf{t} = (t_1, t_2)$，每个输出对应一个数：“0”的正解是 $\mathbf{t} = (1, 0)$，“1”的正解是 $(0, 1)$（`data.t`）。书中一幅图像的误差是平方误差，并带上第 05 章的 ½，使求导后不出现因子 2：
#
# $$C = \tfrac12\bigl((a^3_1 - t_1)^2 + (a^3_2 - t_2)^2\bigr),\qquad
#   C_T = \sum_{k=1}^{119} C_k \quad\text{(the cost: all images added)}.$$
#
# 这个代价函数 $C_T$（所有图像的误差之和）是 47 个参数的函数：图像和正解都是固定的。`ops.squared_error(y, t)` 对每一行给出 $C$。

# %%
A3 = forward_lib(data.x, W2, b2, W3, b3)
C = ops.squared_error(A3, data.t)
print("the first image: a³ =", np.round(A3[0], 4), " t =", data.t[0], f" C = {C[0]:.4f}")
print(f"C_T of the random network: {C.sum():.3f}   (right: {np.mean(A3.argmax(axis=1) == data.labels):.0%})")

# %% [markdown]
# And a network whose 47 parameters were chosen to make $C_T$ small — trained by gradient descent with
# the gradients of chapter 07:

# %% [markdown] lang="zh" twin="0049bc72"
# 再看一个网络，它的 47 个参数是为了让 $C_T$ 变小而选出来的——用梯度下降法训练，梯度按第 07 章的方法计算：

# %%
net = trained_network()
A3_trained = net.forward(data.x)
print(f"C_T of the trained network: {np.sum(ops.squared_error(A3_trained, data.t)):.3f}   "
      f"(right: {np.mean(A3_trained.argmax(axis=1) == data.labels):.0%})")
print("its outputs for images 0 (a \"0\") and 46 (a \"1\"):", np.round(A3_trained[[0, 46]], 3).tolist())

# %% [markdown]
# ### Exercise 5 — $C_T$ for three images
# Three images have targets `T` and network outputs `A` (one row per image). Compute $C_T$ with the
# book's ½ convention.

# %% [markdown] lang="zh" twin="e545e01f"
# ### 练习 5 — 三幅图像的 $C_T$
# 三幅图像的正解为 `T`，网络输出为 `A`（每幅图像一行）。按书中带 ½ 的约定计算 $C_T$。

# %%
A = np.array([[0.9, 0.2], [0.3, 0.6], [0.8, 0.1]])
T = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
### BEGIN SOLUTION
C_T = 0.5 * np.sum((A - T) ** 2)
### END SOLUTION

# %%
check("06.cost", C_T)

# %% [markdown]
# ## 7. Softmax and the cross entropy
#
# Two sigmoid outputs can both be near 1, which says nothing. For a choice among $K$ classes, the
# **softmax function (Softmax函数)** turns $K$ weighted inputs into $K$ probabilities that add up to 1:
#
# $$p_k = \frac{e^{z_k}}{\sum_{j=1}^K e^{z_j}} .$$
#
# `ops.softmax` computes it after subtracting the largest $z$ (the same value, and no overflow).

# %% [markdown] lang="zh" twin="4d3d73fd"
# ## 7. Softmax 与交叉熵
#
# 两个 Sigmoid 输出可能同时接近 1，这就什么也说明不了。要在 $K$ 个类别中做出选择，可以用**Softmax函数**（softmax function），它把 $K$ 个加权输入变成 $K$ 个总和为 1 的概率：
#
# $$p_k = \frac{e^{z_k}}{\sum_{j=1}^K e^{z_j}} .$$
#
# `ops.softmax` 先减去最大的 $z$ 再计算（值不变，而且不会溢出）。

# %%
z = np.array([2.0, 1.0, -1.0])
p = ops.softmax(z)
print("p =", np.round(p, 4), " sum =", round(float(p.sum()), 12))
print("z = 1000, 999, 997 (e^1000 overflows):", np.round(ops.softmax(np.array([1000.0, 999.0, 997.0])), 4))

# %% [markdown]
# > **⚠️ Careful — softmax ignores shifts but not scales, and raising one input lowers all the other
# > probabilities.** A reading note calls softmax simply "monotone": each output probability grows as
# > "the input" grows. That needs two corrections, computed below: (1) adding one constant $c$ to *every* $z_k$ changes
# > nothing, since $e^{z_k + c} = e^c e^{z_k}$ and $e^c$ cancels — but multiplying every $z_k$ by 2 does
# > change the probabilities (they sharpen); (2) raising one input raises its own probability and
# > *lowers every other one*: the probabilities share a total of 1.

# %% [markdown] lang="zh" twin="87e32fd3"
# > **⚠️ 注意 — Softmax 不受平移影响，却受缩放影响；而且提高一个输入会降低其他所有概率**。一篇读书笔记把 Softmax 简单地称为“单调的”：每个输出概率都随着“输入”增大而增大。这需要两处更正，下面都会算给你看：（1）给*每个* $z_k$ 都加上同一个常数 $c$，什么也不会改变，因为 $e^{z_k + c} = e^c e^{z_k}$，其中 $e^c$ 会被约掉——但把每个 $z_k$ 都乘以 2，概率确实会改变（分布变得更尖锐）；（2）提高一个输入，会提高它自己的概率，同时*降低其他每一个概率*：所有概率共享总和 1。

# %%
print("softmax(z)      =", np.round(ops.softmax(z), 4))
print("softmax(z + 10) =", np.round(ops.softmax(z + 10), 4), " ← the same")
print("softmax(2 z)    =", np.round(ops.softmax(2 * z), 4), " ← not the same")
print("raise z_2 by 1  =", np.round(ops.softmax(z + [0, 1, 0]), 4), " ← p_2 up, p_1 and p_3 both down")

# %% [markdown]
# ### Exercise 6 — softmax of a vector
# Give the softmax of $\mathbf{z} = (1.0, 2.0, 0.5, -1.0)$, four numbers to four decimal places.

# %% [markdown] lang="zh" twin="1b359d3c"
# ### 练习 6 — 一个向量的 Softmax
# 求 $\mathbf{z} = (1.0, 2.0, 0.5, -1.0)$ 的 Softmax，给出四个数，保留四位小数。

# %%
z_ex = np.array([1.0, 2.0, 0.5, -1.0])
### BEGIN SOLUTION
p_ex = np.exp(z_ex) / np.sum(np.exp(z_ex))
### END SOLUTION

# %%
check("06.softmax", p_ex)

# %% [markdown]
# ### Exercise 7 — what changes softmax?
# Which of these changes the output of softmax? Answer with the letter in quotes.
#
# - **a** Adding 3 to every $z_k$.
# - **b** Multiplying every $z_k$ by 2.
# - **c** Both.
# - **d** Neither.

# %% [markdown] lang="zh" twin="8201e450"
# ### 练习 7 — 什么会改变 Softmax？
# 下列哪一项会改变 Softmax 的输出？用带引号的字母作答。
#
# - **a** 给每个 $z_k$ 都加上 3。
# - **b** 把每个 $z_k$ 都乘以 2。
# - **c** 两者都会。
# - **d** 两者都不会。

# %%
### BEGIN SOLUTION
changes_softmax = "b"
### END SOLUTION

# %%
check("06.softmax_shift", changes_softmax)

# %% [markdown]
# ### The cross entropy
# With probabilities $\mathbf{p}$ and a one-hot target $\mathbf{t}$ (a 1 at the true class), the
# **cross entropy (交叉熵)** is
#
# $$C = -\sum_k t_k \log p_k = -\log p_{\text{true class}} \qquad(\text{natural log}).$$
#
# It is 0 when the network gives the true class probability 1, and grows without bound as that
# probability goes to 0. For sigmoid outputs, each of which is a probability on its own, the matching
# form is $C = -\sum_j \bigl[t_j\log a_j + (1-t_j)\log(1-a_j)\bigr]$ (`ops.binary_cross_entropy`).

# %% [markdown] lang="zh" twin="9bbc8e21"
# ### 交叉熵
# 设概率为 $\mathbf{p}$，正解 $\mathbf{t}$ 是独热（one-hot）向量（真实类别处为 1）。下式称为**交叉熵**（cross entropy）：
#
# $$C = -\sum_k t_k \log p_k = -\log p_{\text{true class}} \qquad(\text{natural log}).$$
#
# 其中 log 是自然对数。当网络给真实类别的概率为 1 时，交叉熵为 0；当这个概率趋于 0 时，它无限增大。对于 Sigmoid 输出（每一个本身就是一个概率），相应的形式是 $C = -\sum_j \bigl[t_j\log a_j + (1-t_j)\log(1-a_j)\bigr]$（`ops.binary_cross_entropy`）。

# %%
t3 = np.array([1.0, 0.0, 0.0])  # the true class is 1
print(f"C = {float(ops.cross_entropy(p, t3)):.4f} = −log p_1 = {-np.log(p[0]):.4f}")

# %% [markdown]
# ### Exercise 8 — a cross-entropy value
# A softmax output is $\mathbf{p} = (0.7, 0.2, 0.1)$ for an image whose true class is the second:
# $\mathbf{t} = (0, 1, 0)$. Give the cross entropy to four decimal places.

# %% [markdown] lang="zh" twin="2b0ed610"
# ### 练习 8 — 一个交叉熵的值
# 一幅图像的真实类别是第二类：$\mathbf{t} = (0, 1, 0)$，而 Softmax 输出为 $\mathbf{p} = (0.7, 0.2, 0.1)$。求交叉熵，保留四位小数。

# %%
### BEGIN SOLUTION
ce_value = -np.log(0.2)
### END SOLUTION

# %%
check("06.cross_entropy", ce_value)

# %% [markdown]
# ### Why the cross entropy trains sigmoid outputs faster
#
# Gradient descent moves a weight in proportion to $\partial C/\partial z$ of the unit it feeds (chapter 07
# makes this exact). For one sigmoid output $a = \sigma(z)$ with target $t$:
#
# $$\text{squared error: } \frac{\partial}{\partial z}\tfrac12(a - t)^2 = (a - t)\,\sigma'(z) = (a-t)\,a(1-a),
#   \qquad
#   \text{cross entropy: } \frac{\partial}{\partial z}\Bigl[-t\log a - (1-t)\log(1-a)\Bigr] = a - t .$$
#
# The cross entropy's $1/(a(1-a))$ cancels $\sigma'(z)$. And $\sigma'(z) \le 1/4$, near 0 when the unit
# saturates: a unit that is *confidently wrong* ($a \approx 0$ for $t = 1$) gets almost no gradient from
# the squared error, and the largest possible from the cross entropy. Computed with the library's
# backward functions, and checked by central differences:

# %% [markdown] lang="zh" twin="36d5ccae"
# ### 为什么交叉熵让 Sigmoid 输出学得更快
#
# 梯度下降法移动一个权重的幅度，与它所连向的神经单元的 $\partial C/\partial z$ 成正比（第 07 章会把这一点说精确）。对于一个正解为 $t$ 的 Sigmoid 输出 $a = \sigma(z)$：
#
# $$\text{squared error: } \frac{\partial}{\partial z}\tfrac12(a - t)^2 = (a - t)\,\sigma'(z) = (a-t)\,a(1-a),
#   \qquad
#   \text{cross entropy: } \frac{\partial}{\partial z}\Bigl[-t\log a - (1-t)\log(1-a)\Bigr] = a - t .$$
#
# 交叉熵中的 $1/(a(1-a))$ 恰好约掉了 $\sigma'(z)$。而 $\sigma'(z) \le 1/4$，神经单元饱和时它接近 0：一个*自信地出错*的神经单元（$t = 1$ 时 $a \approx 0$）从平方误差那里几乎得不到梯度，从交叉熵那里得到的却是最大可能的梯度。下面用库中的反向函数计算，并用中心差分检验：

# %%
zs = np.array([-8.0, -4.0, -2.0, 0.0, 2.0])
a_out, t_out = ops.activation(zs, "sigmoid"), np.ones_like(zs)  # target 1: the unit should say yes
d_se = ops.activation_backward(ops.squared_error_backward(a_out, t_out), zs, "sigmoid")
d_ce = ops.activation_backward(ops.binary_cross_entropy_backward(a_out[:, None], t_out[:, None])[:, 0], zs, "sigmoid")
se_of = lambda v: float(np.sum(ops.squared_error(ops.activation(v, "sigmoid")[:, None], t_out[:, None])))  # noqa: E731
ce_of = lambda v: float(np.sum(ops.binary_cross_entropy(ops.activation(v, "sigmoid")[:, None], t_out[:, None])))  # noqa: E731
print("   z       a    ∂C/∂z squared error   ∂C/∂z cross entropy")
for row in zip(zs, a_out, d_se, d_ce):
    print("{:5.1f}  {:.4f}  {:20.6f}  {:20.6f}".format(*row))
print("central differences agree:", calculus.relative_error(d_se, calculus.numerical_gradient(se_of, zs)) < 1e-7,
      calculus.relative_error(d_ce, calculus.numerical_gradient(ce_of, zs)) < 1e-7)
print(f"at z = −8 the cross entropy pushes {d_ce[0] / d_se[0]:.0f} times harder")

# %% tags=["nbval-ignore-output"]
zz = np.linspace(-8, 8, 321)
aa = ops.activation(zz, "sigmoid")
fig, (ax_c, ax_g) = plt.subplots(1, 2, figsize=(8.6, 3.0), layout="constrained")
ax_c.plot(zz, 0.5 * (aa - 1) ** 2, label="squared error ½(a − 1)²")
ax_c.plot(zz, -np.log(aa), label="cross entropy −log a")
ax_c.set(xlabel="z (target t = 1)", ylabel="C", ylim=(0, 4), title="the cost")
ax_c.legend(fontsize=8)
ax_g.plot(zz, np.abs((aa - 1) * aa * (1 - aa)), label="squared error |(a − 1)σ'(z)|")
ax_g.plot(zz, np.abs(aa - 1), label="cross entropy |a − 1|")
ax_g.set(xlabel="z (target t = 1)", ylabel="|∂C/∂z|", title="its gradient: the push to learn")
ax_g.legend(fontsize=8);

# %% [markdown]
# Far on the wrong side ($z = -8$) the squared error's push is about $3\cdot10^{-4}$, the cross entropy's
# almost 1: about 3000 times stronger (the table's last line). The same happens with softmax outputs: with the cross entropy,
# $\partial C/\partial z_k = p_k - t_k$ (`ops.softmax_cross_entropy` returns that, divided by N for the mean over
# a batch of N).
#
# ### Exercise 9 — which cost trains faster?
# A sigmoid output unit gives $a = 0.98$ for an image whose target is $t = 0$: confidently wrong. Which
# cost makes gradient descent correct it faster? Answer with the letter in quotes.
#
# - **a** The squared error, because $a - t = 0.98$ is large.
# - **b** The cross entropy: its $\partial C/\partial z = a - t$ lacks the factor $\sigma'(z) = a(1-a) \approx 0.02$ that the squared error carries.
# - **c** Both equally: they have the same gradient.
# - **d** The squared error, because its ½ makes its steps smaller and safer.

# %% [markdown] lang="zh" twin="3a2b8544"
# 在错误一侧的远处（$z = -8$），平方误差的推动力约为 $3\cdot10^{-4}$，交叉熵的推动力几乎为 1：强了大约 3000 倍（见输出的最后一行）。Softmax 输出也是如此：配合交叉熵，有 $\partial C/\partial z_k = p_k - t_k$（`ops.softmax_cross_entropy` 返回的是它除以 N，即对 N 个样本的批量取平均）。
#
# ### 练习 9 — 哪个代价函数学得更快？
# 一个 Sigmoid 输出层神经单元对一幅正解为 $t = 0$ 的图像给出 $a = 0.98$：自信地出错了。用哪个代价函数，梯度下降法能更快地纠正它？用带引号的字母作答。
#
# - **a** 平方误差，因为 $a - t = 0.98$ 很大。
# - **b** 交叉熵：它的 $\partial C/\partial z = a - t$ 中没有平方误差所带的因子 $\sigma'(z) = a(1-a) \approx 0.02$。
# - **c** 一样快：两者的梯度相同。
# - **d** 平方误差，因为它的 ½ 让步子更小、更稳妥。

# %%
### BEGIN SOLUTION
faster = "b"
### END SOLUTION

# %%
check("06.faster_loss", faster)

# %% [markdown]
# ## 8. Draw an image, move a weight
#
# Click the pixels to draw a 4×3 image: the trained network's two outputs are redrawn at once (the
# image in the figure is what it reads). Try a "0", a "1", half of each, or a blank image. The slider
# moves one of the 47 parameters, $w^2_{15}$ (centre pixel → hidden unit 1), with the other 46 fixed:
# the right panel shows $C_T$ over all 119 images as a function of that one weight. Training left it at
# the dotted line, near the bottom of the valley; move it away and $C_T$ climbs, and your drawing's
# outputs change too.

# %% [markdown] lang="zh" twin="50f7d564"
# ## 8. 画一幅图，动一个权重
#
# 点击像素，画一幅 4×3 的图像：训练好的网络的两个输出会立刻重绘（图中的图像就是网络读到的输入）。试试画“0”、“1”、半个“0”半个“1”，或者一幅空白图像。滑块移动 47 个参数中的一个，即 $w^2_{15}$（中心像素 → 隐藏层神经单元 1），其余 46 个保持不变：右侧面板画出全部 119 幅图像上的 $C_T$，作为这一个权重的函数。训练结束时它停在虚线处，接近谷底；把它移开，$C_T$ 就会上升，你所画图像的输出也随之改变。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.network import pixels_explorer

pixels_explorer()

# %% [markdown]
# The right panel is a one-dimensional slice of $C_T$. Gradient descent needs the slope in *all 47*
# directions at once: the gradient $\nabla C_T = (\partial C_T/\partial w^2_{11}, \dots, \partial C_T/\partial b^3_2)$.
#
# ## 9. "Derivative hell"
#
# Why not simply write $C_T$ out and differentiate, as in chapter 05? Let sympy try. `network` names
# the 47 parameters as symbols (`w2_1_1` is $w^2_{11}$) and builds $C$ of one image as one formula:

# %% [markdown] lang="zh" twin="b8f509bd"
# 右侧面板只是 $C_T$ 的一个一维切片。梯度下降法需要的是*全部 47 个*方向上的斜率，即梯度 $\nabla C_T = (\partial C_T/\partial w^2_{11}, \dots, \partial C_T/\partial b^3_2)$。
#
# ## 9. “导数地狱”
#
# 为什么不像第 05 章那样，直接把 $C_T$ 写出来再求导呢？让 sympy 试试。`network` 把 47 个参数命名为符号（`w2_1_1` 就是 $w^2_{11}$），并把一幅图像的 $C$ 构造成一个公式：

# %%
params = symbolic_network.parameter_symbols((12, 3, 2))
(W2s, b2s), (W3s, b3s) = params
C_one = symbolic_network.symbolic_cost(data.x[0], data.t[0], params)
dC_dw = sp.diff(C_one, W2s[0, 0])  # ∂C/∂w²_11: pixel 1 → hidden unit 1
print(f"C of one image: {sp.count_ops(C_one)} operations;  ∂C/∂w²_11: {sp.count_ops(dC_dw)} operations")
print(str(dC_dw)[:600], "…")

# %% [markdown]
# That is one of 47 derivatives, for one image. $C_T$ adds 119 images, and a deeper network nests one
# more σ per layer. `symbolic_network.derivative_size(sizes, n_images)` counts the operations of $C_T$ and of
# $\partial C_T/\partial w$ for a first-layer weight (the one from the pixel that is ink most often,
# $w^2_{12}$), over the first images in which that pixel is ink:

# %% [markdown] lang="zh" twin="bf077e13"
# 这只是 47 个导数中的一个，而且只针对一幅图像。$C_T$ 要把 119 幅图像加起来，而网络每深一层，就要多嵌套一层 σ。`symbolic_network.derivative_size(sizes, n_images)` 统计 $C_T$ 的运算次数，以及第一层某个权重的 $\partial C_T/\partial w$ 的运算次数（取最常有墨迹的那个像素发出的权重 $w^2_{12}$），统计范围是该像素有墨迹的前若干幅图像：

# %%
print("12-3-2 network          C_T   ∂C_T/∂w")
for n in (1, 2, 4, 8):
    size_c, size_d = symbolic_network.derivative_size((12, 3, 2), n)
    images = "image " if n == 1 else "images"
    print(f"{n:2d} {images}            {size_c:6d}   {size_d:7d}")
pixel = int(np.argmax(data.x.sum(axis=0)))  # the pixel that is ink most often: its weight's images
inked = int(np.sum(data.x[:, pixel] != 0))  # an image where it is blank adds nothing to ∂C_T/∂w
print(f"the {inked} of the {len(data.x)} images in which pixel {pixel + 1} is ink: about "
      f"{size_d / n * inked:,.0f} operations for this one weight")
print("\none image           C_T   ∂C_T/∂w")
for sizes in ((12, 3, 2), (12, 3, 3, 2), (12, 3, 3, 3, 2)):
    size_c, size_d = symbolic_network.derivative_size(sizes, 1)
    print(f"{'-'.join(map(str, sizes)):15s} {size_c:6d}   {size_d:7d}")

# %% [markdown]
# The derivative grows in proportion to the number of images, and four- to five-fold with every extra
# layer. Only the images in which that pixel is ink contribute — in the others the weight multiplies 0
# — and for them it is already tens of thousands of operations for this one weight, and each of the
# 47 parameters has its own such formula, to be evaluated again at every step of gradient descent.
# This is what the book calls **derivative hell (导数地狱)**: each derivative is simple in principle,
# but there are too many, each too long, and they repeat the same pieces over and over.
#
# Look at what repeats. Evaluated at our random network, sympy's formula gives a number; and that
# number is also a short product of things the forward pass already computed — the quantity
# $\delta^3 = (\mathbf{a}^3-\mathbf{t})\odot\mathbf{a}^3(1-\mathbf{a}^3)$, sent back through $W^3$:

# %% [markdown] lang="zh" twin="460a1348"
# 导数的规模与图像数成正比，并且每多一层就增大四到五倍。只有该像素有墨迹的图像才有贡献——在其他图像中，这个权重乘的是 0——而仅凭这些图像，这一个权重的导数就已有数万次运算；47 个参数各有一个这样的公式，梯度下降法的每一步都要重新求值。这就是书中所说的**导数地狱**（derivative hell）：每个导数原则上都很简单，但数量太多，每个又太长，而且同样的片段一再重复。
#
# 看看重复的是什么。在我们的随机网络上求值，sympy 的公式给出一个数；而这个数也是正向传播已经算出的几个量的简短乘积——把 $\delta^3 = (\mathbf{a}^3-\mathbf{t})\odot\mathbf{a}^3(1-\mathbf{a}^3)$ 经由 $W^3$ 传回去即可：

# %%
values = {**dict(zip(W2s, W2.ravel())), **dict(zip(b2s, b2)),
          **dict(zip(W3s, W3.ravel())), **dict(zip(b3s, b3))}
by_sympy = float(dC_dw.evalf(subs=values))
x0, t0 = data.x[0], data.t[0]
a2 = sigmoid(W2 @ x0 + b2)
a3 = sigmoid(W3 @ a2 + b3)
delta3 = (a3 - t0) * a3 * (1 - a3)
delta2 = (W3.T @ delta3) * a2 * (1 - a2)
print(f"∂C/∂w²_11 from {sp.count_ops(dC_dw)} sympy operations: {by_sympy:.10f}")
print(f"∂C/∂w²_11 = δ²_1 · x_1, a handful of products:  {delta2[0] * x0[0]:.10f}")

# %% [markdown]
# Those $\delta$s serve every weight at once: $\partial C/\partial w^l_{ji} = \delta^l_j\,a^{l-1}_i$. Working
# them out backwards, layer by layer, is **backpropagation** — the next chapter.
#
# ## Summary
# - Layer 1 is the input; $w^l_{ji}$ goes from unit $i$ of layer $l-1$ to unit $j$ of layer $l$, so
#   $\mathbf{z}^l = W^l\mathbf{a}^{l-1} + \mathbf{b}^l$ and $\mathbf{a}^l = \sigma(\mathbf{z}^l)$; for images in rows,
#   $Z^l = A^{l-1}(W^l)^\top + \mathbf{b}^l$ (`ops.dense`).
# - The 12-3-2 network has $3\cdot12 + 3 + 2\cdot3 + 2 = 47$ parameters (`symbolic_network.parameter_count`);
#   different parameters can give the same function, so 47 is not a "dimension of functions".
# - Targets $\mathbf{t}$, the squared error $C = \tfrac12\sum_j(a_j - t_j)^2$ and the cost $C_T = \sum_k C_k$
#   turn learning into minimising a function of the 47 parameters.
# - Softmax turns scores into probabilities (shifts do not matter, scales do); the cross entropy
#   $-\sum_k t_k\log p_k$ gives $\partial C/\partial z = a - t$, without the $\sigma'(z)$ that makes the squared error
#   slow for saturated sigmoid outputs.
# - Written out, $\partial C_T/\partial w$ grows with every image and every layer: derivative hell. The
#   forward pass's own numbers, sent backwards, give the same derivative in a few products.
#
# **Next:** [07 · Backpropagation](07_backpropagation.ipynb) — the unit errors $\delta$, the backward
# recurrence, and the 12-3-2 network trained, then an MLP on real handwritten digits.

# %% [markdown] lang="zh" twin="8691e3b6"
# 这些 $\delta$ 同时服务于所有权重：$\partial C/\partial w^l_{ji} = \delta^l_j\,a^{l-1}_i$。从后往前、一层一层地求出它们，就是**误差反向传播法**——下一章的内容。
#
# ## 小结
# - 第 1 层是输入层；$w^l_{ji}$ 从第 $l-1$ 层的神经单元 $i$ 指向第 $l$ 层的神经单元 $j$，因此
#   $\mathbf{z}^l = W^l\mathbf{a}^{l-1} + \mathbf{b}^l$，$\mathbf{a}^l = \sigma(\mathbf{z}^l)$；图像按行排列时，$Z^l = A^{l-1}(W^l)^\top + \mathbf{b}^l$（`ops.dense`）。
# - 12-3-2 网络有 $3\cdot12 + 3 + 2\cdot3 + 2 = 47$ 个参数（`symbolic_network.parameter_count`）；不同的参数可以给出同一个函数，所以 47 并不是“函数的维数”。
# - 正解 $\mathbf{t}$、平方误差 $C = \tfrac12\sum_j(a_j - t_j)^2$ 和代价函数 $C_T = \sum_k C_k$
#   把学习变成了求一个 47 元函数的最小值。
# - Softmax 把得分变成概率（平移不起作用，缩放则会起作用）；交叉熵 $-\sum_k t_k\log p_k$ 给出
#   $\partial C/\partial z = a - t$，其中没有 $\sigma'(z)$——正是这个因子让饱和的 Sigmoid 输出在平方误差下学得很慢。
# - 把 $\partial C_T/\partial w$ 写成显式公式，它会随每一幅图像、每一层而膨胀：这就是导数地狱。而正向传播自己算出的数，反向传回去，只需几次乘法就能得到同一个导数。
#
# **下一章**：[07 · 误差反向传播法](07_backpropagation.ipynb)——神经单元误差 $\delta$、反向递推关系式；先训练 12-3-2 网络，再在真实的手写数字上训练一个 MLP。
