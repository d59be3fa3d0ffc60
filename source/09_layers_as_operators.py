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

# %%
for s in (0.5, 1.0, 2.0):
    run = depth.signal_through_depth(s, depth=50, width=100, activation="tanh")
    print(f"tanh, s = {s}: ‖a⁵⁰‖/‖a⁰‖ = {run['forward'][-1]:.2e}   ‖∂C/∂a⁰‖/‖∂C/∂a⁵⁰‖ = {run['gradient'][0]:.2e}")

# %% [markdown]
# Where is the boundary? For a wide random network, the gradient's squared norm is multiplied per
# layer by about $\chi = s^2\,\mathbb E[\varphi'(z)^2]$ (the mean-field argument: $z$ is Gaussian with
# the variance the signal settles at). $\chi < 1$ vanishes, $\chi > 1$ explodes, $\chi = 1$ is the
# **critical scale (临界尺度)**. `depth.critical_scale` finds it by bisection:

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

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.depth import depth_explorer

depth_explorer()

# %% [markdown]
# ### Exercise 4 — a depth factor
# A linear network has 50 layers, each $W_l = 0.9\,Q_l$ with $Q_l$ orthogonal ($\|Q\mathbf x\| = \|\mathbf x\|$
# for all $\mathbf x$). By what factor does $\|\mathbf x\|$ change from input to output?

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
