# The one source of chapter 08: `python tools/build_notebooks.py 08` builds
# chapters/08_cnn.ipynb and solutions/08_cnn.ipynb.

# %% [markdown]
# # 08 · Convolutional networks
#
# **Goals.** After this chapter you can
# - read a filter as a pattern detector: a convolution is an inner product of the filter with every
#   window of the image, and Cauchy–Schwarz says when it is largest;
# - compute feature maps by hand and with `dlmath.conv`, with stride and padding, and predict their size;
# - apply max pooling and say where its gradient goes;
# - derive the unit errors of the book's convolutional network and check them against sympy and central
#   differences;
# - train a small CNN on real handwritten digits and compare it with chapter 07's MLP.
#
# **You need** [chapter 02](02_vectors_cauchy_schwarz.ipynb) (inner product, Cauchy–Schwarz, the cosine of
# the angle between two vectors) and [chapter 07](07_backpropagation.ipynb) (unit errors $\delta$, the
# backward recurrence, training on the digits).

# %% [markdown] lang="zh" twin="e4840173"
# # 08 · 卷积神经网络
#
# **目标**。学完本章，你能够：
# - 把过滤器看作模式检测器：卷积就是过滤器与图像每个窗口的内积，而柯西-施瓦茨不等式告诉我们它何时最大；
# - 手工以及用 `dlmath.conv` 计算特征映射（含步幅和填充），并预先算出它的尺寸；
# - 使用最大池化，并说出它的梯度流向哪里；
# - 推导书中卷积神经网络的神经单元误差，并用 sympy 和中心差分加以核对；
# - 在真实的手写数字上训练一个小型 CNN，并与第 07 章的 MLP 作比较。
#
# **前置知识**：[第 02 章](02_vectors_cauchy_schwarz.ipynb)（内积、柯西-施瓦茨不等式、两个向量夹角的余弦）和[第
# 07 章](07_backpropagation.ipynb)（神经单元误差 $\delta$、反向递推关系式、在数字数据集上的训练）。

# %%
import time

import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from dlmath import calculus, check, datasets, ops
from dlmath.models import CNN, MLP

rng = np.random.default_rng(8)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. A filter is a pattern, and the inner product measures the match
#
# The book's task: tell 6×6 black-and-white images of the digits 1, 2 and 3 apart. A 2 has a horizontal
# stroke at the bottom, a 1 a vertical stroke, a 3 bulges to the right. A **filter (过滤器)** (also
# *kernel*, 卷积核) is a small pattern of weights, here 3×3, that should respond where the image has such
# a stroke. Three filters of this course's version of the book's network:

# %% [markdown] lang="zh" twin="bbc56fdb"
# ## 1. 过滤器是一种模式，内积衡量匹配程度
#
# 书中的任务是：区分数字 1、2、3 的 6×6 黑白图像。2 的底部有一道横笔画，1 有一道竖笔画，3 向右凸出。
# **过滤器**（filter，也称*卷积核*，kernel）是一个小小的权重图案，这里是 3×3
# 的，它应当在图像中出现这种笔画的地方产生响应。下面是本课程复现的书中网络所用的三个过滤器：

# %%
images, labels, targets = datasets.book_images()
print(f"{len(images)} images of 6×6 pixels; digits 1, 2, 3 as labels 0, 1, 2: {np.bincount(labels)} of each")
for name, w in datasets.BOOK_FILTERS.items():
    print(f"{name}:\n{w.astype(int)}")

# %% tags=["nbval-ignore-output"]
fig, axes = plt.subplots(1, 9, figsize=(9, 1.4))
for ax, k in zip(axes[:6], [0, 2, 6, 8, 12, 14]):
    ax.imshow(images[k], cmap="gray_r")
    ax.set_title(f"a {labels[k] + 1}", fontsize=9)
for ax, (name, w) in zip(axes[6:], datasets.BOOK_FILTERS.items()):
    ax.imshow(w, cmap="RdBu_r", vmin=-1.5, vmax=1.5)
    ax.set_title(name, fontsize=8)
for ax in axes:
    ax.axis("off");

# %% [markdown]
# Lay a filter $w$ on a 3×3 window $x$ of the image and add the products of the pixels it covers: that is
# the **inner product** of chapter 02, with the 9 pixels and the 9 weights read as two vectors in
# $\mathbb{R}^9$:
#
# $$x\cdot w = \sum_{p,q} x_{pq}\,w_{pq} = \|x\|\,\|w\|\cos\theta .$$
#
# By **Cauchy–Schwarz**, $|x\cdot w| \le \|x\|\,\|w\|$, with equality exactly when the window is a
# multiple of the filter ($\cos\theta = \pm 1$). For windows of the same brightness $\|x\|$, the product is
# largest where the window *looks like the filter*. That is why a filter detects its pattern: the
# similarity score of chapter 02, computed at every place of the image. (Equality itself is out of
# reach here: a window of 0/1 pixels is never a multiple of a filter with entries ±1, and the best a
# window can do is the largest score among windows with the same ink — the cell after the next
# computes it.)

# %% [markdown] lang="zh" twin="22e71137"
# 把过滤器 $w$ 放在图像的一个 3×3 窗口 $x$ 上，把它覆盖的像素与对应的权重相乘再相加：这正是第 02 章的
# **内积**，只要把 9 个像素和 9 个权重看成 $\mathbb{R}^9$ 中的两个向量：
#
# $$x\cdot w = \sum_{p,q} x_{pq}\,w_{pq} = \|x\|\,\|w\|\cos\theta .$$
#
# 由**柯西-施瓦茨不等式**，$|x\cdot w| \le \|x\|\,\|w\|$，当且仅当窗口是过滤器的倍数（$\cos\theta = \pm 1$）时取等号。对于亮度
# $\|x\|$ 相同的窗口，窗口*越像过滤器*，乘积就越大。这就是过滤器能检测出它的模式的原因：它就是第 02
# 章的相似度得分，在图像的每个位置上各算一次。（等号本身在这里是达不到的：由 0/1
# 像素组成的窗口永远不会是元素为 ±1
# 的过滤器的倍数；一个窗口所能做到的最好，就是在墨迹相同的所有窗口中得分最高——再下一个单元格会把它算出来。）

# %%
three = images[np.flatnonzero(labels == 2)[0]]   # the first 3
w = datasets.BOOK_FILTERS["horizontal stroke"]
print(three.astype(int))
for i, j in [(1, 1), (0, 1), (2, 2)]:
    window = three[i:i + 3, j:j + 3]
    score = np.sum(window * w)
    bound = np.linalg.norm(window) * np.linalg.norm(w)
    print(f"window at ({i}, {j}): x·w = {score:+.0f}, ‖x‖‖w‖ = {bound:.2f}, cos θ = {score / bound:+.2f}")

# %% [markdown]
# The window at (1, 1) has the 3's middle stroke in its middle row, ink above and below it nowhere: the
# filter scores it highest, with the largest cosine. The window at (0, 1) holds the top stroke in its
# *top* row, where the filter has −1s: a negative score.

# How close can a window of 0/1 pixels come to equality? Try all $2^9 = 512$ of them: the best cosine
# belongs to the window with ink exactly where the filter has +1, and it is $3/(\sqrt3\cdot3) = 1/\sqrt3$,
# not 1 — a 0/1 window cannot have the filter's −1s.

# %% [markdown] lang="zh" twin="199f950c"
# 位于 (1, 1) 的窗口，中间一行正是 3
# 的中间那道横笔画，其上下都没有墨迹：过滤器给它的得分最高，余弦也最大。位于 (0, 1)
# 的窗口在*最上面*一行包含了顶部的横笔画，而过滤器在那一行是 −1：得分为负。
#
# 0/1 像素组成的窗口能多接近等号？把全部 $2^9 = 512$ 个窗口都试一遍：余弦最大的是恰好在过滤器为 +1
# 处有墨迹的窗口，其值为 $3/(\sqrt3\cdot3) = 1/\sqrt3$，而不是 1——0/1 窗口不可能具有过滤器的 −1。

# %%
all_windows = (np.arange(512)[:, None] >> np.arange(9) & 1).reshape(512, 3, 3).astype(float)[1:]  # no blank one
cosines = np.array([np.sum(v * w) / (np.linalg.norm(v) * np.linalg.norm(w)) for v in all_windows])
best = all_windows[np.argmax(cosines)]
print(f"best cos θ over 511 windows: {cosines.max():.4f} (1/√3 = {1 / np.sqrt(3):.4f}), for the window")
print(best.astype(int))

# %% [markdown]
# ## 2. Sliding the filter: the feature map
#
# A **convolution layer (卷积层)** slides the filter over every position of the image and writes the
# inner products into a new image, the **feature map (特征映射)**. With a bias $b$, for an image $x$ and a
# $k\times k$ filter $w$:
#
# $$z_{ij} = \sum_{p=0}^{k-1}\sum_{q=0}^{k-1} x_{i+p,\,j+q}\,w_{pq} + b .$$
#
# A 6×6 image and a 3×3 filter give a 4×4 map: the filter fits at 4 places along each side. Here it is
# written out with two loops over the positions, then with `dlmath.ops.conv2d`, which does the same for
# a whole batch of images and filters at once (one matrix product, section 9).

# %% [markdown] lang="zh" twin="cce4ce04"
# ## 2. 滑动过滤器：特征映射
#
# **卷积层**（convolution layer）让过滤器滑过图像的每一个位置，把每处的内积写进一幅新的图像，即
# **特征映射**（feature map）。对图像 $x$、$k\times k$ 的过滤器 $w$ 和偏置 $b$：
#
# $$z_{ij} = \sum_{p=0}^{k-1}\sum_{q=0}^{k-1} x_{i+p,\,j+q}\,w_{pq} + b .$$
#
# 6×6 的图像配 3×3 的过滤器得到 4×4 的特征映射：过滤器沿每条边能放在 4 个位置。下面先用对各个位置的两重循环把它写出来，再用
# `dlmath.ops.conv2d`，它一次就能对一整批图像和过滤器做同样的计算（一次矩阵乘法，见第 9 节）。

# %%
def feature_map_by_loops(x, w, b=0.0):
    k = w.shape[0]
    n = x.shape[0] - k + 1
    z = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            z[i, j] = np.sum(x[i:i + k, j:j + k] * w) + b
    return z


by_hand = feature_map_by_loops(three, w)
print(by_hand.astype(int))
print("ops.conv2d gives the same:", np.array_equal(by_hand, ops.conv2d(three, w)))

# %% [markdown]
# Move the window with the sliders: the left panel shows where the filter lies, the right panel fills
# in the feature map position by position, and the line below gives the inner product, its
# Cauchy–Schwarz bound $\|x\|\|w\|$ and the cosine.

# %% [markdown] lang="zh" twin="2a680518"
# 用滑块移动窗口：左侧面板显示过滤器所在的位置，右侧面板逐个位置填出特征映射，下方一行给出内积、它的柯西-施瓦茨上界
# $\|x\|\|w\|$ 以及余弦。

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.convolution import filter_explorer, geometry_explorer, slide_explorer

slide_explorer(digit=3, filter_name="horizontal stroke")

# %% [markdown]
# ### Exercise 1 — one entry of a feature map
# The 5×5 image `X` and the 3×3 filter `W` below, with bias $b = -1$. Compute the entry $z_{12}$ of the
# feature map (row $i = 1$, column $j = 2$, counted from 0): the filter's top-left weight lies on pixel
# `X[1, 2]`. By hand, or with a line of numpy.

# %% [markdown] lang="zh" twin="f74b2694"
# ### 练习 1 — 特征映射中的一个元素
# 下面是 5×5 图像 `X` 和 3×3 过滤器 `W`，偏置 $b = -1$。计算特征映射的元素 $z_{12}$（第 $i = 1$ 行、第 $j = 2$
# 列，从 0 开始计数）：这时过滤器左上角的权重落在像素 `X[1, 2]` 上。可以手算，也可以用一行 numpy。

# %%
X = np.array([[1, 0, 2, 1, 0],
              [0, 3, 1, 0, 2],
              [2, 1, 0, 1, 1],
              [1, 0, 1, 2, 0],
              [0, 2, 0, 1, 3]])
W = np.array([[1, 0, -1],
              [2, 1, 0],
              [0, -1, 1]])
### BEGIN SOLUTION
z_12 = np.sum(X[1:4, 2:5] * W) - 1
### END SOLUTION

# %%
check("08.feature_entry", z_12)

# %% [markdown]
# > **⚠️ Careful — deep learning's "convolution" is a cross-correlation: the kernel is not flipped.**
# > In mathematics and signal processing, the convolution of $x$ with $w$ is
# > $\sum_{p,q} x_{i-p,\,j-q}\,w_{pq}$: the kernel is flipped (rotated by 180°) before it slides. The
# > formula above, used by torch, TensorFlow, CS231n and this course, does not flip it; strictly it is a
# > **cross-correlation (互相关)**. For a learned filter this makes no difference (the network would simply
# > learn the flipped weights), but it matters when you compute a map by hand or compare with a library
# > such as scipy:

# %% [markdown] lang="zh" twin="1ea77a3f"
# > **⚠️ 注意 — 深度学习中的“卷积”其实是互相关：卷积核不翻转**。在数学和信号处理中，$x$ 与 $w$ 的卷积是
# > $\sum_{p,q} x_{i-p,\,j-q}\,w_{pq}$：卷积核在滑动之前要先翻转（旋转
# > 180°）。上面的公式（torch、TensorFlow、CS231n
# > 和本课程都采用它）并不翻转卷积核；严格地说，它是**互相关**（cross-correlation）。对于学习得到的过滤器，这没有区别（网络只不过会学到翻转后的权重），但当你手算特征映射，或者与
# > scipy 之类的库比较时，这一点就很重要：

# %%
from scipy import signal

Xf, Wf = X.astype(float), W.astype(float)   # exercise 1's image and filter (W is not symmetric)
print("scipy correlate2d == ops.conv2d:", np.allclose(signal.correlate2d(Xf, Wf, mode="valid"), ops.conv2d(Xf, Wf)))
print("scipy convolve2d  == ops.conv2d:", np.allclose(signal.convolve2d(Xf, Wf, mode="valid"), ops.conv2d(Xf, Wf)))
print("convolve2d with the kernel flipped first == ops.conv2d:",
      np.allclose(signal.convolve2d(Xf, Wf[::-1, ::-1], mode="valid"), ops.conv2d(Xf, Wf)))

# %% [markdown]
# ## 3. Stride and padding
#
# Two more settings shape the feature map.
# - **stride (步幅)** $s$: the filter moves $s$ pixels at a time, so the map keeps every $s$-th position.
# - **padding (填充)** $P$: a ring of $P$ zeros around the image, so the filter can also sit on the border.
#   With a 3×3 filter, $P = 1$ keeps the map the size of the image.
#
# For an $H$-pixel side and a $k$-pixel filter, the number of positions along that side is
#
# $$H' = \left\lfloor \frac{H + 2P - k}{s} \right\rfloor + 1 ,$$
#
# the $+1$ for the first position, $\lfloor\ \rfloor$ because a window that would stick out is not used.
# The sliders below show where the windows' top-left corners land (orange), the first and the last
# window, and the formula.

# %% [markdown] lang="zh" twin="879ec9be"
# ## 3. 步幅与填充
#
# 还有两个设置决定特征映射的形状。
# - **步幅**（stride）$s$：过滤器每次移动 $s$ 个像素，因此特征映射中的位置每 $s$ 个只保留一个。
# - **填充**（padding）$P$：在图像四周补上 $P$ 圈零，使过滤器也能落在边界上。对 3×3 过滤器，$P = 1$
#   能使特征映射与图像大小相同。
#
# 设图像一边有 $H$ 个像素，过滤器一边有 $k$ 个像素，则沿这条边的位置数为
#
# $$H' = \left\lfloor \frac{H + 2P - k}{s} \right\rfloor + 1 ,$$
#
# 其中 $+1$ 对应第一个位置，取整 $\lfloor\ \rfloor$
# 是因为会伸出图像之外的窗口不被使用。下面的滑块显示各窗口的左上角落在哪里（橙色）、第一个和最后一个窗口，以及这个公式。

# %% tags=["nbval-ignore-output"]
geometry_explorer()

# %%
for H, k, s, P in [(6, 3, 1, 0), (8, 3, 1, 1), (8, 3, 2, 1), (7, 3, 2, 0)]:
    out = ops.conv2d(np.zeros((H, H)), np.zeros((k, k)), stride=s, padding=P)
    print(f"H = {H}, k = {k}, stride {s}, padding {P}: formula {ops.output_size(H, k, s, P)}, conv2d gives {out.shape}")

# %% [markdown]
# ### Exercise 2 — output size
# A 32×32 image, an 11×11 filter, stride 3, padding 5. How many positions does the filter take along one
# side (the side of the feature map)?

# %% [markdown] lang="zh" twin="7e8f6f3e"
# ### 练习 2 — 输出尺寸
# 一张 32×32 的图像，一个 11×11 的过滤器，步幅 3，填充 5。过滤器沿一条边能取多少个位置（即特征映射的边长）？

# %%
### BEGIN SOLUTION
side = (32 + 2 * 5 - 11) // 3 + 1
### END SOLUTION

# %%
check("08.feature_map_side", side)

# %% [markdown]
# ### Exercise 3 — a feature map with padding
# Compute the whole feature map of the 3×3 image `X[:3, :3]` under the 2×2 filter `W2`, stride 1,
# padding 1, no bias, as an array. Write the loops yourself or pad and slide; then compare with
# `ops.conv2d`.

# %% [markdown] lang="zh" twin="f8d2bb2d"
# ### 练习 3 — 带填充的特征映射
# 计算 3×3 图像 `X[:3, :3]` 在 2×2 过滤器 `W2` 下（步幅 1、填充
# 1、无偏置）的完整特征映射，以数组形式给出。可以自己写循环，也可以先填充再滑动；然后与 `ops.conv2d` 比较。

# %%
W2 = np.array([[1, -1],
               [2, 0]])
### BEGIN SOLUTION
padded = np.pad(X[:3, :3], 1)
fmap = np.array([[np.sum(padded[i:i + 2, j:j + 2] * W2) for j in range(4)] for i in range(4)])
### END SOLUTION

# %%
check("08.feature_map", fmap)

# %% [markdown]
# ## 4. Which pattern does a filter find?
#
# Pick a filter and an image. Besides the three stroke filters there are two classic **edge detectors**
# (a vertical edge: bright on the left, dark on the right; and its transpose), and the three filters the
# book's network learned by itself in section 7 (they look less tidy than ours and work). The map is
# scaled by its largest absolute value; red is a strong match, blue a strong match of the negative
# pattern.

# %% [markdown] lang="zh" twin="651a6caf"
# ## 4. 过滤器找到的是哪种模式？
#
# 选择一个过滤器和一张图像。除了三个笔画过滤器，还有两个经典的**边缘检测器**（竖直边缘：左亮右暗；以及它的转置），以及书中网络在第
# 7 节自己学到的三个过滤器（它们不如我们的整齐，但同样管用）。特征映射按其最大绝对值缩放；红色表示强匹配，蓝色表示与相反模式的强匹配。

# %% tags=["nbval-ignore-output"]
filter_explorer()

# %% [markdown]
# ### Exercise 4 — a vertical-edge detector
# Which 3×3 filter responds most strongly to a *vertical* edge (bright on the left, dark on the right)?
# Answer with the letter in quotes.
#
# - **a** `[[1, 1, 1], [0, 0, 0], [-1, -1, -1]]`
# - **b** `[[1, 0, -1], [1, 0, -1], [1, 0, -1]]`
# - **c** `[[1, 1, 1], [1, 1, 1], [1, 1, 1]] / 9`
# - **d** `[[-1, -1, 1], [-1, 1, -1], [1, -1, -1]]`

# %% [markdown] lang="zh" twin="1e586548"
# ### 练习 4 — 竖直边缘检测器
# 哪个 3×3 过滤器对*竖直*边缘（左亮右暗）的响应最强？用加引号的字母作答。
#
# - **a** `[[1, 1, 1], [0, 0, 0], [-1, -1, -1]]`
# - **b** `[[1, 0, -1], [1, 0, -1], [1, 0, -1]]`
# - **c** `[[1, 1, 1], [1, 1, 1], [1, 1, 1]] / 9`
# - **d** `[[-1, -1, 1], [-1, 1, -1], [1, -1, -1]]`

# %%
### BEGIN SOLUTION
edge_filter = "b"
### END SOLUTION

# %%
check("08.vertical_edge", edge_filter)

# %% [markdown]
# ## 5. Shift the image, and the feature map shifts
#
# The same filter is used at every position (**weight sharing (权重共享)**). So a pattern is found wherever
# it is, and if the image moves, its feature map moves with it: convolution is translation
# **equivariant (等变)**, $\text{conv}(\text{shift}(x)) = \text{shift}(\text{conv}(x))$ away from the borders.
#
# > **⚠️ Careful — convolution is translation-*equivariant*, not translation-*invariant*.** Two of the
# > reading notes this course grew from say a convolution has "translation invariance: after shifting the
# > input, the output does not change". It does change: it shifts. Invariance would mean the *same*
# > output for the shifted image, and the next cell shows that is false; a map that moves along is
# > exactly what lets later layers know *where* a pattern is.

# %% [markdown] lang="zh" twin="3f9ded8f"
# ## 5. 图像平移，特征映射也跟着平移
#
# 同一个过滤器在每个位置上都使用（**权重共享**，weight sharing）。因此，模式无论在哪里都能被找到；图像移动时，它的特征映射也随之移动：卷积是平移**等变**（equivariant）的，在远离边界处
# $\text{conv}(\text{shift}(x)) = \text{shift}(\text{conv}(x))$。
#
# > **⚠️ 注意 — 卷积是平移*等变*的，而不是平移*不变*的**。本课程所依据的读书笔记中，有两篇说卷积具有“平移不变性：输入平移后，输出不变”。输出其实会变：它会跟着平移。不变性意味着平移后的图像给出*相同*的输出，下一个单元格表明事实并非如此；而特征映射随之移动，恰恰让后面的层能够知道模式在*哪里*。

# %%
shifted = np.zeros_like(three)
shifted[:, 1:] = three[:, :-1]                        # the 3, one pixel to the right
w_v = datasets.BOOK_FILTERS["vertical stroke"]
z, z_shifted = ops.conv2d(three, w_v), ops.conv2d(shifted, w_v)
print("invariant?   conv(shifted) == conv(original):", np.array_equal(z_shifted, z))
print("equivariant? conv(shifted)[:, 1:] == conv(original)[:, :-1]:", np.array_equal(z_shifted[:, 1:], z[:, :-1]))
print("original map:\n", z.astype(int), "\nmap of the shifted 3:\n", z_shifted.astype(int))

# %% [markdown]
# ### Exercise 5 — what a one-pixel shift does
# An image is shifted one pixel to the right (a column of zeros enters on the left). What happens to
# its feature map under a 3×3 filter, stride 1? Answer with the letter in quotes.
#
# - **a** It does not change: convolution is translation invariant.
# - **b** It changes in a complicated way, because every window now holds different pixels.
# - **c** It shifts one position to the right as well (except at the borders): convolution is equivariant.
# - **d** It shifts, but after 2×2 max pooling the result is exactly the same as without the shift.

# %% [markdown] lang="zh" twin="1f751611"
# ### 练习 5 — 平移一个像素会怎样
# 把一张图像向右平移一个像素（左边补进一列零）。在 3×3 过滤器、步幅 1
# 下，它的特征映射会怎样？用加引号的字母作答。
#
# - **a** 不变：卷积是平移不变的。
# - **b** 以复杂的方式改变，因为现在每个窗口中的像素都不同了。
# - **c** 同样向右平移一个位置（边界处除外）：卷积是等变的。
# - **d** 会平移，但经过 2×2 最大池化后，结果与未平移时完全相同。

# %%
### BEGIN SOLUTION
shift_answer = "c"
### END SOLUTION

# %%
check("08.equivariance", shift_answer)

# %% [markdown]
# ## 6. Max pooling
#
# A **pooling layer (池化层)** shrinks a feature map: **max pooling (最大池化)** cuts it into windows, here
# 2×2 with stride 2, and keeps the largest value of each. A 4×4 map becomes 2×2. It keeps *whether* a
# pattern was found in a region and forgets exactly where, and it has no weights to learn.

# %% [markdown] lang="zh" twin="ec317738"
# ## 6. 最大池化
#
# **池化层**（pooling layer）用来缩小特征映射：**最大池化**（max pooling）把它切成若干窗口（这里是 2×2、步幅
# 2），每个窗口只保留最大值。4×4 的特征映射变成
# 2×2。它记下某个区域中*是否*找到了模式，而忘掉模式的确切位置；它也没有需要学习的权重。

# %%
z2 = ops.conv2d(three, datasets.BOOK_FILTERS["horizontal stroke"])
print(z2.astype(int))
print("2×2 max pooling:\n", ops.max_pool2d(z2).astype(int))

# %% [markdown]
# ### Exercise 6 — max pooling by hand
# Apply 2×2 max pooling (stride 2) to `P`. Give the result as an array.

# %% [markdown] lang="zh" twin="964d9b63"
# ### 练习 6 — 手算最大池化
# 对 `P` 做 2×2 最大池化（步幅 2），以数组形式给出结果。

# %%
P = np.array([[1, 3, 2, 0],
              [4, 2, 1, 5],
              [0, 6, 3, 3],
              [2, 1, 3, 1]])
### BEGIN SOLUTION
pooled = P.reshape(2, 2, 2, 2).max(axis=(1, 3))
### END SOLUTION

# %%
check("08.max_pool", pooled)

# %% [markdown]
# > **⚠️ Careful — max pooling adds only a little invariance.** The same reading notes say that after
# > pooling the output "does not change" when the input is shifted. A shift *within* a pooling window can
# > leave the maximum in place, but a one-pixel shift that moves a value across a window's border changes
# > the pooled map. Here is the 3 from section 5 and its shifted copy, through the vertical-stroke filter
# > and 2×2 max pooling:

# %% [markdown] lang="zh" twin="c6991d0f"
# > **⚠️ 注意 — 最大池化只增加一点点不变性**。那几篇读书笔记还说，经过池化后，输入平移时输出“不变”。在一个池化窗口*内部*的平移可能使最大值保持不变，但如果平移一个像素使某个值越过了窗口的边界，池化后的映射就会改变。下面是第
# > 5 节中的 3 和它平移后的副本，经过竖笔画过滤器和 2×2 最大池化的结果：

# %%
pooled_orig, pooled_shift = ops.max_pool2d(z), ops.max_pool2d(z_shifted)
print("pooled original:\n", pooled_orig.astype(int), "\npooled shifted:\n", pooled_shift.astype(int))
print("the same?", np.array_equal(pooled_orig, pooled_shift))
moved = sum(not np.array_equal(ops.max_pool2d(ops.conv2d(np.roll(im, 1, axis=1), w_v)),
                               ops.max_pool2d(ops.conv2d(im, w_v))) for im in images)
print(f"of all {len(images)} book images, a one-pixel roll to the right changes the pooled map of {moved}")

# %% [markdown]
# ## 7. The book's network: variables and unit errors
#
# The book's convolutional network reads one 6×6 image $x$ (the input layer) and has
# - a **convolution layer** of three 3×3 filters $w^F_{k,pq}$ with biases $b^F_k$ ($k = 1, 2, 3$):
#   weighted inputs $z^F_{k,ij} = \sum_{p,q} w^F_{k,pq}\,x_{i+p,\,j+q} + b^F_k$ and outputs
#   $a^F_{k,ij} = \sigma(z^F_{k,ij})$, three 4×4 feature maps (48 units);
# - a **pooling layer**: $a^P_{k,ij} = \max$ of the 2×2 window $(2i..2i{+}1,\ 2j..2j{+}1)$ of $a^F_k$,
#   three 2×2 maps (12 units, no weights);
# - an **output layer** of 3 sigmoid units, fully connected to the 12 pooling units:
#   $z^O_n = \sum_{k,i,j} w^O_{n,kij}\,a^P_{k,ij} + b^O_n$, $a^O_n = \sigma(z^O_n)$, one per digit;
# - the cost $C = \tfrac12\sum_n (a^O_n - t_n)^2$, as in chapters 06–07.
#
# That is $3\cdot 9 + 3 = 30$ parameters in the filters and $3\cdot 12 + 3 = 39$ in the output layer: 69.
# `CNN` builds it:

# %% [markdown] lang="zh" twin="1331cb79"
# ## 7. 书中的网络：变量与神经单元误差
#
# 书中的卷积神经网络读入一张 6×6 图像 $x$（输入层），并具有
# - 一个**卷积层**：三个 3×3 过滤器 $w^F_{k,pq}$，偏置为 $b^F_k$（$k = 1, 2, 3$）；加权输入为
#   $z^F_{k,ij} = \sum_{p,q} w^F_{k,pq}\,x_{i+p,\,j+q} + b^F_k$，输出为
#   $a^F_{k,ij} = \sigma(z^F_{k,ij})$，即三张 4×4 的特征映射（48 个神经单元）；
# - 一个**池化层**：$a^P_{k,ij} = \max$（取 $a^F_k$ 的 2×2 窗口 $(2i..2i{+}1,\ 2j..2j{+}1)$ 中的值），即三张
#   2×2 的映射（12 个神经单元，没有权重）；
# - 一个**输出层**：3 个 Sigmoid 神经单元，与 12 个池化神经单元全连接：
#   $z^O_n = \sum_{k,i,j} w^O_{n,kij}\,a^P_{k,ij} + b^O_n$，$a^O_n = \sigma(z^O_n)$，每个数字对应一个；
# - 代价函数 $C = \tfrac12\sum_n (a^O_n - t_n)^2$，与第 06–07 章相同。
#
# 于是过滤器中有 $3\cdot 9 + 3 = 30$ 个参数，输出层中有 $3\cdot 12 + 3 = 39$ 个，共 69 个。用 `CNN` 来构建它：

# %%
book = CNN((1, 6, 6), filters=(3,), padding=0, activation="sigmoid", n_outputs=3, output="sigmoid",
               loss="squared_error", seed=1)
print(book)

# %% [markdown]
# **Unit errors.** As in chapter 07, $\delta = \partial C/\partial z$ for every unit with a weighted input.
# At the output nothing is new: $\delta^O_n = (a^O_n - t_n)\,\sigma'(z^O_n)$.
#
# A pooling unit has no $z$; it passes on the output layer's errors, $\partial C/\partial a^P_{k,ij} =
# \sum_n \delta^O_n w^O_{n,kij}$. And it depends on *one* unit of its window, the maximum: moving any
# other unit a little does not change the maximum. So
#
# $$\delta^F_{k,ij} = \begin{cases}\Bigl(\sum_n \delta^O_n\, w^O_{n,k\,i'j'}\Bigr)\,\sigma'(z^F_{k,ij}) &
# \text{if } a^F_{k,ij} \text{ is the maximum of its window } (i', j') = (\lfloor i/2\rfloor, \lfloor j/2\rfloor),\\
# 0 & \text{otherwise.}\end{cases}$$
#
# **Gradients of the filters.** $w^F_{k,pq}$ is used at every position $(i, j)$ of map $k$, multiplying
# $x_{i+p,j+q}$; the chain rule adds all the uses:
#
# $$\frac{\partial C}{\partial w^F_{k,pq}} = \sum_{i,j}\delta^F_{k,ij}\,x_{i+p,\,j+q},\qquad
#   \frac{\partial C}{\partial b^F_k} = \sum_{i,j}\delta^F_{k,ij} .$$
#
# The first sum is itself a cross-correlation: the image with the map of unit errors as the "filter".
# Here it all is, by hand, for the first image:

# %% [markdown] lang="zh" twin="0fc21df9"
# **神经单元误差**。与第 07
# 章一样，对每个具有加权输入的神经单元，$\delta = \partial C/\partial z$。输出层没有新东西：$\delta^O_n = (a^O_n - t_n)\,\sigma'(z^O_n)$。
#
# 池化神经单元没有 $z$；它把输出层的误差往下传：$\partial C/\partial a^P_{k,ij} = \sum_n \delta^O_n w^O_{n,kij}$。而且它只依赖于窗口中的*一个*神经单元，即取最大值的那个：稍微改变其他任何一个神经单元，都不会改变最大值。因此
#
# $$\delta^F_{k,ij} = \begin{cases}\Bigl(\sum_n \delta^O_n\, w^O_{n,k\,i'j'}\Bigr)\,\sigma'(z^F_{k,ij}) &
# \text{if } a^F_{k,ij} \text{ is the maximum of its window } (i', j') = (\lfloor i/2\rfloor, \lfloor j/2\rfloor),\\
# 0 & \text{otherwise.}\end{cases}$$
#
# **过滤器的梯度**。$w^F_{k,pq}$ 在映射 $k$ 的每个位置 $(i, j)$ 上都被使用，每次与 $x_{i+p,j+q}$
# 相乘；链式法则把所有这些用处加起来：
#
# $$\frac{\partial C}{\partial w^F_{k,pq}} = \sum_{i,j}\delta^F_{k,ij}\,x_{i+p,\,j+q},\qquad
#   \frac{\partial C}{\partial b^F_k} = \sum_{i,j}\delta^F_{k,ij} .$$
#
# 第一个和式本身就是一个互相关：把神经单元误差组成的映射当作“过滤器”，与图像做互相关。下面对第一张图像把这一切手算一遍：

# %%
sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
wF, bF, wO, bO = book.W[0][:, 0], book.b[0], book.W[1], book.b[1]   # (3, 3, 3), (3,), (3, 12), (3,)
x0, t0 = images[0], targets[0]
zF = np.array([ops.conv2d(x0, wF[k]) + bF[k] for k in range(3)])     # (3, 4, 4)
aF = sig(zF)
aP = np.array([ops.max_pool2d(aF[k]) for k in range(3)])            # (3, 2, 2)
zO = wO @ aP.ravel() + bO
aO = sig(zO)
deltaO = (aO - t0) * aO * (1 - aO)
dC_daP = (wO.T @ deltaO).reshape(3, 2, 2)
deltaF = np.array([ops.max_pool2d_backward(dC_daP[k], aF[k]) for k in range(3)]) * aF * (1 - aF)
dwF = np.array([ops.conv2d(x0, deltaF[k]) for k in range(3)])        # Σ_ij δ_kij x_(i+p, j+q)
dbF = deltaF.sum(axis=(1, 2))
print(f"δ^O = {np.round(deltaO, 5)}")
print(f"δ^F of filter 1 (zero except at each window's maximum):\n{np.round(deltaF[0], 5)}")

# %% [markdown]
# ### Exercise 11 — the unit errors of a convolution layer
# One filter's sigmoid feature map is `aF_ex` (4×4) below, and the pooling layer above sends back
# $\partial C/\partial a^P$ = `up_ex` (2×2). Give $\delta^F = \partial C/\partial z^F$, a 4×4 array: the pooling gradient goes
# to each window's maximum, then the sigmoid's slope $a(1-a)$ multiplies it.

# %% [markdown] lang="zh" twin="405d1001"
# ### 练习 11 — 卷积层的神经单元误差
# 某个过滤器经 Sigmoid 函数得到的特征映射是下面的 `aF_ex`（4×4），上面的池化层传回 $\partial C/\partial a^P$ =
# `up_ex`（2×2）。给出 $\delta^F = \partial C/\partial z^F$，一个 4×4
# 数组：池化梯度流向每个窗口的最大值处，再乘以 Sigmoid 函数的斜率 $a(1-a)$。

# %%
aF_ex = np.array([[0.2, 0.7, 0.5, 0.1], [0.4, 0.3, 0.9, 0.6], [0.8, 0.1, 0.3, 0.2], [0.5, 0.6, 0.4, 0.75]])
up_ex = np.array([[0.5, -1.0], [2.0, 0.25]])
### BEGIN SOLUTION
deltaF_ex = ops.max_pool2d_backward(up_ex, aF_ex) * aF_ex * (1 - aF_ex)
### END SOLUTION

# %%
check("08.conv_delta", deltaF_ex)

# %% [markdown]
# The lib computes the same (it differentiates the *mean* cost over a batch; for one image that is $C$):

# %% [markdown] lang="zh" twin="5d375b46"
# 课程库算出的结果相同（它对一批数据的*平均*代价求导；对单张图像而言就是 $C$）：

# %%
book.forward(x0)
lib_dW, lib_db = book.backward(t0)
print("δ^F the same:", np.allclose(book.deltas[0][0], deltaF))
print("∂C/∂w^F the same:", np.allclose(lib_dW[0][:, 0], dwF), "  ∂C/∂b^F the same:", np.allclose(lib_db[0], dbF))

# %% [markdown]
# ### Exercise 10 — a filter's gradient
# A 3×3 filter slides (stride 1, no padding) over the 4×4 image `x_ex` below, giving a 2×2 map, and the
# layer above sends back its unit errors $\delta = \partial C/\partial z$ = `delta_ex`. The filter's weight
# $w_{pq}$ is used at all four positions, so $\partial C/\partial w_{pq} = \sum_{i,j}\delta_{ij}\,x_{i+p,\,j+q}$.
# Give $\partial C/\partial w$, a 3×3 array.

# %% [markdown] lang="zh" twin="94a00e2e"
# ### 练习 10 — 过滤器的梯度
# 一个 3×3 过滤器在下面的 4×4 图像 `x_ex` 上滑动（步幅 1，无填充），得到 2×2
# 的映射；上面的层传回它的神经单元误差 $\delta = \partial C/\partial z$ = `delta_ex`。过滤器的权重 $w_{pq}$
# 在全部四个位置上都被使用，所以 $\partial C/\partial w_{pq} = \sum_{i,j}\delta_{ij}\,x_{i+p,\,j+q}$。给出
# $\partial C/\partial w$，一个 3×3 数组。

# %%
x_ex = np.array([[1.0, 0, 2, 1], [0, 3, 1, 0], [2, 1, 0, 1], [1, 0, 1, 2]])
delta_ex = np.array([[1.0, -2.0], [0.5, 3.0]])
### BEGIN SOLUTION
dw_ex = sum(delta_ex[i, j] * x_ex[i:i + 3, j:j + 3] for i in range(2) for j in range(2))
### END SOLUTION

# %%
check("08.filter_gradient", dw_ex)

# %% [markdown]
# ### Checking the convolution's backward pass: sympy and central differences
# A small case in sympy: a 3×3 image of symbols, a 2×2 filter of symbols, and $C = \sum_{ij} g_{ij}\,z_{ij}$
# for fixed numbers $g$ (any later layer looks like this to first order: $g = \partial C/\partial z$).
# sympy differentiates $C$ by every pixel and every weight; `ops.conv2d_backward(g, x, w)` should agree.

# %% [markdown] lang="zh" twin="acad7f29"
# ### 核对卷积的反向传播：sympy 与中心差分
# 先用 sympy 算一个小例子：一张由符号组成的 3×3 图像，一个由符号组成的 2×2 过滤器，以及
# $C = \sum_{ij} g_{ij}\,z_{ij}$，其中 $g$ 是固定的数（在一阶近似下，后面的任何层看起来都是这样：
# $g = \partial C/\partial z$）。sympy 对每个像素和每个权重求 $C$ 的导数；`ops.conv2d_backward(g, x, w)`
# 应当与之一致。

# %%
xs = sp.Matrix(3, 3, lambda i, j: sp.Symbol(f"x{i}{j}"))
ws = sp.Matrix(2, 2, lambda p, q: sp.Symbol(f"w{p}{q}"))
g = np.array([[1.0, -2.0], [0.5, 3.0]])
z_sym = [[sum(xs[i + p, j + q] * ws[p, q] for p in range(2) for q in range(2)) for j in range(2)] for i in range(2)]
C_sym = sum(g[i, j] * z_sym[i][j] for i in range(2) for j in range(2))
x_num, w_num = rng.integers(-3, 4, size=(3, 3)).astype(float), rng.integers(-3, 4, size=(2, 2)).astype(float)
values = {**{xs[i, j]: x_num[i, j] for i in range(3) for j in range(3)},
          **{ws[p, q]: w_num[p, q] for p in range(2) for q in range(2)}}
dx_sym = np.array([[float(sp.diff(C_sym, xs[i, j]).subs(values)) for j in range(3)] for i in range(3)])
dw_sym = np.array([[float(sp.diff(C_sym, ws[p, q]).subs(values)) for q in range(2)] for p in range(2)])
dx_lib, dw_lib, _ = ops.conv2d_backward(g, x_num, w_num)
print("∂C/∂x: sympy == lib", np.allclose(dx_sym, dx_lib), "  ∂C/∂w: sympy == lib", np.allclose(dw_sym, dw_lib))
print("∂C/∂x from sympy:\n", dx_sym)

# %% [markdown]
# And central differences for all 69 parameters of the book's network at once (relative error in
# float64; below $10^{-7}$ means right):

# %% [markdown] lang="zh" twin="58ee09a5"
# 再用中心差分一次性检查书中网络的全部 69 个参数（float64 下的相对误差；低于 $10^{-7}$ 就说明是对的）：

# %%
def book_cost_and_gradient(p):
    sizes = [27, 3, 36, 3]
    parts = np.split(p, np.cumsum(sizes)[:-1])
    net = CNN((1, 6, 6), filters=(3,), padding=0, activation="sigmoid", n_outputs=3, output="sigmoid",
                  loss="squared_error")
    net.W = [parts[0].reshape(3, 1, 3, 3), parts[2].reshape(3, 12)]
    net.b = [parts[1], parts[3]]
    cost = net.loss_value(net.forward(images[:4]), targets[:4])
    dW, db = net.backward(targets[:4])
    return cost, np.concatenate([dW[0].ravel(), db[0], dW[1].ravel(), db[1]])


p0 = np.concatenate([book.W[0].ravel(), book.b[0], book.W[1].ravel(), book.b[1]]) + rng.normal(0, 0.1, 69)
print(f"69 parameters, 4 images: largest relative error {calculus.gradient_check(book_cost_and_gradient, p0):.1e}")

# %% [markdown]
# ### Exercise 7 — where the pooling gradient goes
# A 4×4 map `P` (from exercise 6) goes through 2×2 max pooling, and the layer above sends back
# $\partial C/\partial(\text{pooled}) =$ `up`. Give $\partial C/\partial P$, an array of the shape of `P`.
# When a window has several equal maxima, the gradient goes to the *first* one, reading row by row
# (as torch and `dlmath.conv` do).

# %% [markdown] lang="zh" twin="57d7d78f"
# ### 练习 7 — 池化梯度流向哪里
# 一个 4×4 的映射 `P`（来自练习 6）经过 2×2 最大池化，上面的层传回 $\partial C/\partial(\text{pooled}) =$
# `up`。给出 $\partial C/\partial P$，一个与 `P`
# 形状相同的数组。当一个窗口中有多个相等的最大值时，梯度流向逐行读取时的*第一个*（与 torch 和 `dlmath.conv`
# 的做法相同）。

# %%
up = np.array([[0.5, -1.0],
               [2.0, 0.25]])
### BEGIN SOLUTION
dP = np.zeros((4, 4))
for i in range(2):
    for j in range(2):
        window = P[2 * i:2 * i + 2, 2 * j:2 * j + 2]
        p, q = np.unravel_index(np.argmax(window), (2, 2))  # argmax finds the first maximum
        dP[2 * i + p, 2 * j + q] = up[i, j]
### END SOLUTION

# %%
check("08.pool_gradient", dP)

# %% [markdown]
# ### Exercise 8 — the gradient through a convolution
# In a deeper network a convolution layer's input is the output of the layer below, so backprop needs
# $\partial C/\partial x$ too. For $z = $ `conv2d(x, w)` with stride 1 and no padding, $x$ of shape
# (N, C, H, W), filters $w$ (F, C, kh, kw), and $g = \partial C/\partial z$ of shape (N, F, H', W'): pixel
# $x_{n,c,i+p,j+q}$ meets weight $w_{f,c,p,q}$ in output $z_{n,f,i,j}$, so
#
# $$\frac{\partial C}{\partial x_{n,c,u,v}} = \sum_{f}\ \sum_{(i,j,p,q):\ i+p=u,\ j+q=v} g_{n,f,ij}\; w_{f,c,pq} .$$
#
# Write `input_gradient(g, w)` returning this array, of shape (N, C, H'+kh−1, W'+kw−1). The check runs it on
# random shapes and compares with the lib. (Loops over the kernel offsets $p, q$ are fine.)

# %% [markdown] lang="zh" twin="835e5d47"
# ### 练习 8 — 穿过卷积的梯度
# 在更深的网络中，卷积层的输入是下面一层的输出，所以误差反向传播法还需要 $\partial C/\partial x$。设 $z = $
# `conv2d(x, w)`，步幅 1、无填充，$x$ 的形状为 (N, C, H, W)，过滤器 $w$ 的形状为 (F, C, kh,
# kw)，$g = \partial C/\partial z$ 的形状为 (N, F, H', W')：像素 $x_{n,c,i+p,j+q}$ 在输出 $z_{n,f,i,j}$
# 中与权重 $w_{f,c,p,q}$ 相乘，因此
#
# $$\frac{\partial C}{\partial x_{n,c,u,v}} = \sum_{f}\ \sum_{(i,j,p,q):\ i+p=u,\ j+q=v} g_{n,f,ij}\; w_{f,c,pq} .$$
#
# 编写 `input_gradient(g, w)`，返回这个数组，其形状为 (N, C, H'+kh−1,
# W'+kw−1)。检查会在随机的形状上运行它，并与课程库的结果比较。（对卷积核的偏移 $p, q$ 写循环是可以的。）

# %%
def input_gradient(g, w):
    ### BEGIN SOLUTION
    n, f, ho, wo = g.shape
    _, c, kh, kw = w.shape
    dx = np.zeros((n, c, ho + kh - 1, wo + kw - 1))
    for p in range(kh):
        for q in range(kw):
            dx[:, :, p:p + ho, q:q + wo] += np.einsum("nfij,fc->ncij", g, w[:, :, p, q])
    return dx
    ### END SOLUTION


# %%
check("08.conv_input_gradient", input_gradient)

# %% [markdown]
# ### The input gradient is a convolution — with the filter turned round
# Read the formula of Exercise 8 for one channel and one filter: $\partial C/\partial x_{uv} = \sum_{p,q} g_{u-p,\,v-q}\,w_{pq}$
# (with $g = 0$ outside its $H'\times W'$ grid). Substitute $p' = k-1-p$, $q' = k-1-q$ — the filter turned by
# 180° — and it becomes $\sum_{p',q'} g_{u-(k-1)+p',\,v-(k-1)+q'}\,w^{\circlearrowleft}_{p'q'}$: a cross-correlation of $g$,
# padded with $k-1$ zeros on every side, with the rotated filter. In the language of the Careful box of
# section 2, that is a *true* convolution of $g$ with $w$, in "full" mode: the forward pass correlates,
# the backward pass convolves, and the flip that deep learning left out of the forward pass appears here.
# Three more details, each checked below against the lib: with **stride** $s$, $g$ first gets $s-1$ zeros
# between its entries (every skipped position received no gradient); with **padding** $P$, the border of
# $P$ pixels is cut off the result (those pixels were zeros we added, not part of $x$); with several
# **channels and filters**, $\partial C/\partial x_c = \sum_f g_f * w_{f,c}$, one full convolution per pair.

# %% [markdown] lang="zh" twin="462b987b"
# ### 输入梯度也是一次卷积——用的是转过 180° 的过滤器
# 对一个通道、一个过滤器来看练习 8 的公式：$\partial C/\partial x_{uv} = \sum_{p,q} g_{u-p,\,v-q}\,w_{pq}$
# （在其 $H'\times W'$ 网格之外取 $g = 0$）。代入 $p' = k-1-p$、$q' = k-1-q$——也就是把过滤器旋转
# 180°——它就变成 $\sum_{p',q'} g_{u-(k-1)+p',\,v-(k-1)+q'}\,w^{\circlearrowleft}_{p'q'}$：把 $g$ 在四周各补上
# $k-1$ 圈零，再与旋转后的过滤器做互相关。用第 2 节“注意”框里的说法，这就是 $g$ 与 $w$ 在“full”模式下的*真正*卷积：正向传播做的是互相关，反向传播做的是卷积，深度学习在正向传播中省掉的翻转，在这里出现了。另外还有三个细节，下面都与课程库一一核对：有**步幅**
# $s$ 时，$g$ 要先在相邻元素之间插入 $s-1$ 个零（每个被跳过的位置都没有收到梯度）；有**填充** $P$
# 时，要从结果上切掉宽为 $P$ 个像素的边框（那些像素是我们补上的零，不属于 $x$）；有多个**通道和过滤器**时，
# $\partial C/\partial x_c = \sum_f g_f * w_{f,c}$，每一对做一次 full 卷积。

# %%
g1, w1 = rng.normal(size=(4, 4)), rng.normal(size=(3, 3))
x1 = rng.normal(size=(6, 6))
dx_lib = ops.conv2d_backward(g1, x1, w1)[0]
print("full convolution of g with w:         ", np.allclose(signal.convolve2d(g1, w1, mode="full"), dx_lib))
print("padded g correlated with w turned 180°:", np.allclose(ops.conv2d(np.pad(g1, 2), w1[::-1, ::-1]), dx_lib))

x2 = rng.normal(size=(7, 7))                        # stride 2, padding 1: a 4×4 map
g2 = rng.normal(size=(4, 4))
dx_lib2 = ops.conv2d_backward(g2, x2, w1, stride=2, padding=1)[0]
dilated = np.zeros((7, 7))
dilated[::2, ::2] = g2                              # s − 1 = 1 zero between the entries of g
full = signal.convolve2d(dilated, w1, mode="full")  # the gradient of the padded 9×9 image
print("stride 2, padding 1 (dilate g, convolve, cut the border):", np.allclose(full[1:-1, 1:-1], dx_lib2))

x3, w3 = rng.normal(size=(1, 2, 5, 5)), rng.normal(size=(3, 2, 3, 3))   # 2 channels, 3 filters
g3 = rng.normal(size=(1, 3, 3, 3))
dx_lib3 = ops.conv2d_backward(g3, x3, w3)[0][0]
by_pairs = [sum(signal.convolve2d(g3[0, f], w3[f, c], mode="full") for f in range(3)) for c in range(2)]
print("2 channels, 3 filters (a sum of full convolutions per channel):", np.allclose(by_pairs, dx_lib3))

# %% [markdown]
# ### Training the book's network
# Gradient descent on all the book images, full batch (the lib steps on the mean cost; η = 3 here):

# %% [markdown] lang="zh" twin="d586ebb6"
# ### 训练书中的网络
# 在书中的全部图像上用梯度下降法训练，采用全批量（课程库按平均代价更新参数；这里 η = 3）：

# %% tags=["nbval-ignore-output"]
book.fit(images, targets, eta=3.0, epochs=300, batch_size=len(images), progress=True);

# %%
print(f"mean cost {book.history[0]:.3f} → {book.history[-1]:.4f}; "
      f"{book.train_accuracy[-1]:.0%} of the {len(images)} images right")

# %% tags=["nbval-ignore-output"]
fig, axes = plt.subplots(1, 3, figsize=(4.5, 1.6))
for k, ax in enumerate(axes):
    ax.imshow(book.W[0][k, 0], cmap="RdBu_r", vmin=-np.abs(book.W[0]).max(), vmax=np.abs(book.W[0]).max())
    ax.set_title(f"learned filter {k + 1}", fontsize=8)
    ax.axis("off");

# %% [markdown]
# The learned filters are not the tidy strokes of section 1. Any filters that separate the three digits
# will do, and with 18 images many do.
#
# ## 8. A CNN on real handwritten digits
#
# Now the 8×8 digits of chapter 07, same split. The network (`CNN()` with its defaults):
#
# | layer | shape | parameters |
# |---|---|---|
# | input | 1 × 8 × 8 | |
# | conv 8 filters 3×3, padding 1, ReLU | 8 × 8 × 8 | 8·1·9 + 8 = 80 |
# | max pool 2×2 | 8 × 4 × 4 | |
# | conv 16 filters 3×3, padding 1, ReLU | 16 × 4 × 4 | 16·8·9 + 16 = 1168 |
# | max pool 2×2 | 16 × 2 × 2 = 64 | |
# | dense, softmax | 10 | 64·10 + 10 = 650 |
#
# Training: minibatches of 32 with momentum 0.9, cross entropy, η = 0.02 for 25 epochs. Those two were
# chosen on **validation slices of the training set** (`bench/conv.py --choose`: 20 % of the training
# images held out, three times); the test images play no part in the choice.

# %% [markdown] lang="zh" twin="8e854fea"
# 学到的过滤器并不是第 1 节那些整齐的笔画。任何能把三个数字区分开的过滤器都可以，而只有 18
# 张图像时，这样的过滤器有很多。
#
# ## 8. 在真实手写数字上训练 CNN
#
# 现在换用第 07 章的 8×8 数字，数据划分相同。网络如下（`CNN()` 取默认参数）：
#
# | 层 | 形状 | 参数 |
# |---|---|---|
# | 输入 | 1 × 8 × 8 | |
# | 卷积，8 个 3×3 过滤器，填充 1，ReLU | 8 × 8 × 8 | 8·1·9 + 8 = 80 |
# | 最大池化 2×2 | 8 × 4 × 4 | |
# | 卷积，16 个 3×3 过滤器，填充 1，ReLU | 16 × 4 × 4 | 16·8·9 + 16 = 1168 |
# | 最大池化 2×2 | 16 × 2 × 2 = 64 | |
# | 全连接，Softmax | 10 | 64·10 + 10 = 650 |
#
# 训练：小批量大小为 32，动量 0.9，交叉熵，η = 0.02，训练 25 轮。η 和轮数这两个设置是在**训练集的验证切片**上选出的（`bench/conv.py --choose`：留出 20 % 的训练图像，重复三次）；测试图像完全没有参与选择。

# %% tags=["nbval-ignore-output"]
digits = datasets.digits()
net = CNN(seed=0)
start = time.perf_counter()
net.fit(digits.x_train, digits.y_train, eta=0.02, epochs=25, batch_size=32, momentum=0.9, seed=0, progress=True)
cnn_seconds = time.perf_counter() - start
print(f"trained in {cnn_seconds:.1f} s")

# %% [markdown]
# Beside it, chapter 07's MLP (64 inputs, 64 ReLU units, 10 softmax outputs; its settings chosen the same
# way), on the same split:

# %% [markdown] lang="zh" twin="6acfebfc"
# 与之对照的是第 07 章的 MLP（64 个输入、64 个 ReLU 神经单元、10 个 Softmax
# 输出；其设置也以同样的方式选出），使用相同的数据划分：

# %%
mlp = MLP((64, 64, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=0)
mlp.fit(digits.x_train, digits.y_train, eta=0.2, epochs=20, batch_size=32, momentum=0.9, seed=0, progress=False)
cnn_acc, mlp_acc = net.accuracy(digits.x_test, digits.y_test), mlp.accuracy(digits.x_test, digits.y_test)
print(f"CNN: test accuracy {cnn_acc:.2%} with {net.n_parameters} parameters")
print(f"MLP: test accuracy {mlp_acc:.2%} with {mlp.n_parameters} parameters")

# %% [markdown]
# What did it learn? The 8 filters of the first layer, and the feature maps of one test digit after the
# first convolution (before pooling). Look for filters that became small stroke and edge detectors (a
# red band beside a blue one), and for maps that light up along the digit's strokes in one direction:

# %% [markdown] lang="zh" twin="155ba4f5"
# 它学到了什么？下面是第一层的 8
# 个过滤器，以及一个测试数字在第一次卷积之后（池化之前）的特征映射。找找哪些过滤器变成了小小的笔画检测器和边缘检测器（一条红带紧挨着一条蓝带），以及哪些特征映射沿着数字某个方向的笔画亮了起来：

# %% tags=["nbval-ignore-output"]
k = 0
first_maps = net.feature_maps(digits.x_test[k])[0][0][0]            # (8, 8, 8)
fig, axes = plt.subplots(2, 9, figsize=(9, 2.3))
axes[0, 0].imshow(digits.x_test[k].reshape(8, 8), cmap="gray_r")
axes[0, 0].set_title(f"digit {digits.y_test[k]}", fontsize=8)
axes[1, 0].axis("off")
limit = np.abs(net.W[0]).max()
for f in range(8):
    axes[0, f + 1].imshow(net.W[0][f, 0], cmap="RdBu_r", vmin=-limit, vmax=limit)
    axes[0, f + 1].set_title(f"filter {f + 1}", fontsize=8)
    axes[1, f + 1].imshow(first_maps[f], cmap="viridis")
for ax in axes.ravel():
    ax.set_xticks([]), ax.set_yticks([])
fig.suptitle("first layer: filters (top) and the digit's feature maps after ReLU (bottom)", fontsize=9);

# %% [markdown]
# And which digits it confuses (rows: true digit, columns: predicted):

# %% [markdown] lang="zh" twin="3c3a996c"
# 以及它会混淆哪些数字（行：真实数字，列：预测结果）：

# %%
predicted = net.predict(digits.x_test)
confusion = np.zeros((10, 10), dtype=int)
np.add.at(confusion, (digits.y_test, predicted), 1)
print(confusion)

# %% [markdown]
# **How good is it?** On this test set the two networks are a few of the 450 images apart — and a
# different seed moves each of them by about as much, so their spreads overlap (`bench/conv.py` trains
# three seeds of each; its numbers are in `bench/README.md`). The fair summary: about as good as the
# MLP, with 40 % of its parameters. A classical model does better on so small a data set: a
# support-vector machine with an RBF kernel, its two settings $C$ and $\gamma$ chosen by 5-fold
# cross-validation on the training images only (a few seconds):

# %% [markdown] lang="zh" twin="aca69096"
# **它有多好**？在这个测试集上，两个网络只相差 450
# 张图像中的几张——而换一个种子，各自的结果也会变动差不多这么多，所以它们的波动范围相互重叠（`bench/conv.py`
# 对每个网络各用三个种子训练；结果见 `bench/README.md`）。公允的结论是：与 MLP 差不多好，而参数只有它的 40
# %。在这么小的数据集上，经典模型表现更好：带 RBF 核的支持向量机，它的两个设置 $C$ 和 $\gamma$
# 只在训练图像上通过 5 折交叉验证选出（只需几秒钟）：

# %%
from sklearn.model_selection import GridSearchCV
from sklearn.svm import SVC

svm = GridSearchCV(SVC(), {"C": [1, 10, 100], "gamma": [0.01, 0.03, 0.1, 0.3]}, cv=5).fit(digits.x_train, digits.y_train)
print(f"RBF SVM, C = {svm.best_params_['C']}, γ = {svm.best_params_['gamma']}: "
      f"test accuracy {svm.score(digits.x_test, digits.y_test):.2%}")

# %% [markdown]
# ### Exercise 9 — counting parameters
# How many parameters (weights and biases) does the CNN above have? Count them from the table, or from
# the shapes of `net.W` and `net.b`.

# %% [markdown] lang="zh" twin="db3e9bb9"
# ### 练习 9 — 数一数参数
# 上面的 CNN 有多少个参数（权重和偏置）？可以从表中数，也可以从 `net.W` 和 `net.b` 的形状数。

# %%
### BEGIN SOLUTION
n_params = (8 * 1 * 3 * 3 + 8) + (16 * 8 * 3 * 3 + 16) + (64 * 10 + 10)
### END SOLUTION

# %%
check("08.parameter_count", n_params)

# %% [markdown]
# The MLP has 64·64 + 64 + 64·10 + 10 = 4810. The CNN's filters are *shared*: the 9 weights of a filter
# are used at all 64 positions of the image, so it needs far fewer weights to look everywhere.
#
# ## 9. How it is computed, and how fast
#
# `ops.conv2d` does not loop over positions. It copies every window once into a column of one matrix
# (**im2col**: $C\cdot k\cdot k$ rows, one column per image and position), and then one matrix product with
# the filters, reshaped to rows of $C\cdot k\cdot k$ weights, gives every feature map of the batch. The
# backward pass is two more products with the same matrix, and one strided addition per kernel offset
# $(p, q)$ to send each window's share back to its pixels. `bench/conv.py` times it against a loop over
# positions (and against torch, where it is installed); its numbers are in `bench/README.md`. The cell
# below is the comparison you can run here: the same layer, im2col against a loop over positions.

# %% [markdown] lang="zh" twin="dae50256"
# MLP 有 64·64 + 64 + 64·10 + 10 = 4810 个参数。CNN 的过滤器是*共享*的：一个过滤器的 9 个权重在图像的全部 64
# 个位置上都会用到，因此它只需少得多的权重，就能顾及图像的每一处。
#
# ## 9. 怎样计算，有多快
#
# `ops.conv2d` 并不对位置做循环。它把每个窗口复制一次，放进一个矩阵的一列（**im2col**：$C\cdot k\cdot k$
# 行，每张图像的每个位置占一列）；过滤器重排成每行 $C\cdot k\cdot k$
# 个权重，再与这个矩阵做一次矩阵乘积，就得到整批图像的所有特征映射。反向传播是与同一个矩阵再做两次乘积，再对每个卷积核偏移
# $(p, q)$ 做一次带步幅的加法，把每个窗口的那一份送回它的像素。`bench/conv.py`
# 把它与按位置循环的做法做了计时比较（装有 torch 时，也与 torch 比较）；结果见
# `bench/README.md`。下面的单元格是你在这里就能运行的比较：同一个层，im2col 对比按位置循环。

# %%
x_batch = rng.normal(size=(64, 1, 8, 8))
w_batch = rng.normal(size=(8, 1, 3, 3))


def conv_by_loops(x, w):
    n, _, H, W_ = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    out = np.zeros((n, len(w), H, W_))
    for i in range(H):
        for j in range(W_):
            window = xp[:, :, i:i + 3, j:j + 3]                      # (N, C, 3, 3)
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3]))
    return out


start = time.perf_counter()
fast = ops.conv2d(x_batch, w_batch, padding=1)
t_fast = time.perf_counter() - start
start = time.perf_counter()
slow = conv_by_loops(x_batch, w_batch)
t_slow = time.perf_counter() - start
print("same feature maps:", np.allclose(fast, slow))

# %% tags=["nbval-ignore-output"]
print(f"im2col {1000 * t_fast:.2f} ms, loop over positions {1000 * t_slow:.2f} ms")

# %% [markdown]
# ## Summary
# - A filter is a pattern; a convolution computes its inner product with every window, and by
#   Cauchy–Schwarz the score is highest where the window looks like the filter ($\cos\theta$ near 1).
# - Deep learning's convolution is a cross-correlation: $z_{ij} = \sum_{pq} x_{i+p,j+q}w_{pq} + b$, no flip.
# - Stride and padding: $H' = \lfloor (H + 2P - k)/s\rfloor + 1$.
# - Convolution is translation-equivariant (the map shifts with the image), not invariant; max pooling
#   adds a little invariance, and a one-pixel shift can still change its output.
# - Backprop: the pooling layer sends each gradient to its window's first maximum (max is differentiable
#   only where the maximum is unique; at a tie this is a choice, torch's); a filter's gradient sums
#   $\delta\cdot x$ over all positions where it was used; checked against sympy and central differences.
# - A CNN with 1898 parameters reads the 8×8 digits about as well as a 4810-parameter MLP (their seed
#   spreads overlap); a tuned RBF support-vector machine does better on this small data set.
#
# **Next:** 09 · Layers as operators (`09_layers_as_operators.ipynb`) — dense, convolution, pooling and the
# rest as maps between spaces, with their norms, spectra and what they do to a signal through depth.

# %% [markdown] lang="zh" twin="15eb0d71"
# ## 小结
# - 过滤器是一种模式；卷积计算它与每个窗口的内积，由柯西-施瓦茨不等式，窗口越像过滤器，得分越高（$\cos\theta$
#   接近 1）。
# - 深度学习中的卷积是互相关：$z_{ij} = \sum_{pq} x_{i+p,j+q}w_{pq} + b$，不翻转。
# - 步幅与填充：$H' = \lfloor (H + 2P - k)/s\rfloor + 1$。
# - 卷积是平移等变的（特征映射随图像一起平移），而不是平移不变的；最大池化只增加一点不变性，平移一个像素仍可能改变它的输出。
# - 误差反向传播法：池化层把每个梯度送到其窗口中的第一个最大值处（max
#   只在最大值唯一处可微；出现并列时这只是一种选择，即 torch 的选择）；过滤器的梯度是 $\delta\cdot x$
#   在它被使用的所有位置上的和；这些都已用 sympy 和中心差分核对过。
# - 一个有 1898 个参数的 CNN 识别 8×8 数字的效果与有 4810 个参数的 MLP
#   差不多（它们在不同种子下的波动范围相互重叠）；在这个小数据集上，调好参数的 RBF 支持向量机表现更好。
#
# **下一章**：09 · 把层看作算子（`09_layers_as_operators.ipynb`）——把全连接层、卷积、池化等各种层都看作空间之间的映射，研究它们的范数、谱，以及它们在逐层加深的过程中对信号的作用。
