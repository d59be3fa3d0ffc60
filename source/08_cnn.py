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

# %%
all_windows = (np.arange(512)[:, None] >> np.arange(9) & 1).reshape(512, 3, 3).astype(float)[1:]  # no blank one
cosines = np.array([np.sum(v * w) / (np.linalg.norm(v) * np.linalg.norm(w)) for v in all_windows])
best = all_windows[np.argmax(cosines)]
print(f"best cos θ over 511 windows: {cosines.max():.4f} (1/√3 = {1 / np.sqrt(3):.4f}), for the window")
print(best.astype(int))
#
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

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.convolution import filter_explorer, geometry_explorer, slide_explorer

slide_explorer(digit=3, filter_name="horizontal stroke")

# %% [markdown]
# ### Exercise 1 — one entry of a feature map
# The 5×5 image `X` and the 3×3 filter `W` below, with bias $b = -1$. Compute the entry $z_{12}$ of the
# feature map (row $i = 1$, column $j = 2$, counted from 0): the filter's top-left weight lies on pixel
# `X[1, 2]`. By hand, or with a line of numpy.

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

# %%
z2 = ops.conv2d(three, datasets.BOOK_FILTERS["horizontal stroke"])
print(z2.astype(int))
print("2×2 max pooling:\n", ops.max_pool2d(z2).astype(int))

# %% [markdown]
# ### Exercise 6 — max pooling by hand
# Apply 2×2 max pooling (stride 2) to `P`. Give the result as an array.

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
