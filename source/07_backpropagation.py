# The one source of chapter 07: `python tools/build_notebooks.py 07` builds
# chapters/07_backpropagation.ipynb and solutions/07_backpropagation.ipynb.

# %% [markdown]
# # 07 · Backpropagation
#
# **Goals.** After this chapter you can
# - define the unit error $\delta^l_j = \partial C/\partial z^l_j$ and get every gradient from it:
#   $\partial C/\partial w^l_{ji} = \delta^l_j\, a^{l-1}_i$ and $\partial C/\partial b^l_j = \delta^l_j$;
# - compute $\delta$ at the output and derive the backward recurrence
#   $\delta^l = \bigl((W^{l+1})^\top \delta^{l+1}\bigr) \odot a'(z^l)$, and check it against sympy and
#   central differences;
# - write the whole backward pass of the 12-3-2 network yourself and train it with gradient descent;
# - read a computational graph, where a value used twice adds up its gradients;
# - train a network on real handwritten digits in seconds and compare it with scikit-learn.
#
# **You need** [chapter 06](06_network_as_optimization.ipynb): the 12-3-2 network, its notation
# ($w^l_{ji}$, $b^l_j$, $z^l_j$, $a^l_j$, layer 1 = input) and the cost $C_T$, and why differentiating
# $C_T$ by hand ends in "derivative hell". From [chapter 03](03_derivatives.ipynb) the chain rule and
# central differences, from [chapter 04](04_gradient_descent.ipynb) gradient descent.

# %%
import time
import warnings

import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from dlmath import calculus, check, datasets, ops
from dlmath.models import MLP
from dlmath.course.exercises import evaluate
from dlmath.course.exercises.ch07 import backprop_reference

rng = np.random.default_rng(7)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. Where chapter 06 left us
#
# The 12-3-2 network reads a 4×3-pixel image (12 inputs, layer 1), has 3 hidden sigmoid units (layer 2)
# and 2 sigmoid outputs (layer 3): output 1 should light up for a "0", output 2 for a "1". In matrix
# form, for one image $\mathbf{x} = \mathbf{a}^1$:
#
# $$\mathbf{z}^2 = W^2\mathbf{a}^1 + \mathbf{b}^2,\quad \mathbf{a}^2 = \sigma(\mathbf{z}^2),\qquad
#   \mathbf{z}^3 = W^3\mathbf{a}^2 + \mathbf{b}^3,\quad \mathbf{a}^3 = \sigma(\mathbf{z}^3),\qquad
#   C = \tfrac12\sum_j (a^3_j - t_j)^2 ,$$
#
# with $W^2$ of shape (3, 12) and $W^3$ of shape (2, 3): entry $w^l_{ji}$ joins unit $i$ of layer $l-1$
# to unit $j$ of layer $l$. Gradient descent needs $\partial C_T/\partial w$ for all 47 parameters, and
# chapter 06 showed how the expression for even one of them explodes. This chapter computes all 47 at
# the cost of less than two forward passes.
#
# Here are the images, a network with seeded random weights, and one image run forward by hand
# (`MLP` only supplies the starting weights).

# %%
data = datasets.zero_one_images()
net = MLP((12, 3, 2), hidden="sigmoid", output="sigmoid", loss="squared_error", seed=1)
W2, W3 = net.W
b2, b3 = net.b
sigmoid = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731 — fine for the small z of this network

x, t = data.x[0], data.t[0]  # the first image, a "0": t = (1, 0)
z2 = W2 @ x + b2
a2 = sigmoid(z2)
z3 = W3 @ a2 + b3
a3 = sigmoid(z3)
C = 0.5 * np.sum((a3 - t) ** 2)
print(x.reshape(4, 3).astype(int))
print(f"a² = {np.round(a2, 4)}   a³ = {np.round(a3, 4)}   t = {t}   C = {C:.4f}")

# %% [markdown]
# ## 2. The unit error $\delta$
#
# A weight $w^l_{ji}$ influences the cost only through $z^l_j$, the weighted input of the unit it feeds:
# $z^l_j = \sum_i w^l_{ji}a^{l-1}_i + b^l_j$. The chain rule therefore splits its derivative into two
# factors:
#
# $$\frac{\partial C}{\partial w^l_{ji}} = \frac{\partial C}{\partial z^l_j}\,\frac{\partial z^l_j}{\partial w^l_{ji}}
#   = \delta^l_j\, a^{l-1}_i, \qquad
#   \frac{\partial C}{\partial b^l_j} = \frac{\partial C}{\partial z^l_j}\cdot 1 = \delta^l_j ,
#   \qquad\text{with}\quad \delta^l_j = \frac{\partial C}{\partial z^l_j}.$$
#
# $\delta^l_j$ is the **unit error (神经单元误差)** of unit $j$ in layer $l$: how much the cost changes
# when that unit's weighted input changes. The second factor, $a^{l-1}_i$, we already have from the
# forward pass. So instead of 47 derivatives we need only the 5 unit errors (3 hidden, 2 output), and
# then one multiplication per weight. In matrix form, for one image,
#
# $$\frac{\partial C}{\partial W^l} = \boldsymbol\delta^l\,(\mathbf{a}^{l-1})^\top \quad(\text{an outer product, the shape of } W^l),\qquad
#   \frac{\partial C}{\partial \mathbf{b}^l} = \boldsymbol\delta^l .$$
#
# ## 3. $\delta$ at the output
#
# At the output, $C$ depends on $z^3_j$ only through $a^3_j = \sigma(z^3_j)$:
#
# $$\delta^3_j = \frac{\partial C}{\partial a^3_j}\,\frac{\partial a^3_j}{\partial z^3_j} = (a^3_j - t_j)\,\sigma'(z^3_j)
#   = (a^3_j - t_j)\, a^3_j\,(1 - a^3_j).$$
#
# The ½ in $C$ cancels the 2 from differentiating the square, and $\sigma' = \sigma(1-\sigma)$ from
# chapter 01 lets us write $a'(z)$ with the output $a$ itself.

# %%
delta3 = (a3 - t) * a3 * (1 - a3)
print(f"δ³ = {np.round(delta3, 5)}")

# %% [markdown]
# ### Exercise 1 — $\delta$ at the output
# For another image, a "0" with $\mathbf{t} = (1, 0)$, the network outputs $\mathbf{a}^3 = (0.73, 0.41)$.
# Compute $\boldsymbol\delta^3$ as an array of two numbers, to four decimal places (or exactly).

# %%
### BEGIN SOLUTION
a_out, t_out = np.array([0.73, 0.41]), np.array([1.0, 0.0])
delta_out = (a_out - t_out) * a_out * (1 - a_out)
### END SOLUTION

# %%
check("07.delta_output", delta_out)

# %% [markdown]
# ## 4. The backward recurrence
#
# A hidden unit $j$ of layer $l$ reaches the cost through *every* unit $k$ of layer $l+1$, because its
# output $a^l_j$ enters each $z^{l+1}_k = \sum_j w^{l+1}_{kj}a^l_j + b^{l+1}_k$. The chain rule for several
# variables (chapter 03) adds the paths:
#
# $$\delta^l_j = \frac{\partial C}{\partial z^l_j}
#   = \sum_k \frac{\partial C}{\partial z^{l+1}_k}\,\frac{\partial z^{l+1}_k}{\partial a^l_j}\,\frac{\partial a^l_j}{\partial z^l_j}
#   = \Bigl(\sum_k \delta^{l+1}_k\, w^{l+1}_{kj}\Bigr)\, a'(z^l_j).$$
#
# The sum runs down *column* $j$ of $W^{l+1}$, so in matrix form it is the transpose that appears:
#
# $$\boldsymbol\delta^l = \bigl((W^{l+1})^\top\boldsymbol\delta^{l+1}\bigr)\odot a'(\mathbf{z}^l).$$
#
# This is the **backward recurrence (反向递推关系式)**: knowing $\delta$ of one layer gives $\delta$ of the
# layer before, so we start at the output and walk back. $\odot$ is the
# **element-wise product (逐元素乘积)** of two vectors of the same length (also called the Hadamard
# product, 阿达马积). It is what replaces "derivative hell": a recurrence of sequences, as the book
# puts it, instead of one huge formula per weight.

# %%
delta2 = (W3.T @ delta3) * a2 * (1 - a2)
dW3, db3 = np.outer(delta3, a2), delta3
dW2, db2 = np.outer(delta2, x), delta2
print(f"δ² = {np.round(delta2, 5)}")
print(f"∂C/∂W³ =\n{np.round(dW3, 5)}")
print(f"∂C/∂W² has shape {dW2.shape}, like W²; its row for hidden unit 1:\n{np.round(dW2[0], 5)}")

# %% [markdown]
# > **⚠️ Careful — the $\odot$ of the recurrence is an element-wise product, not a Hadamard matrix.**
# > One of the reading notes this course grew from explains "Hadamard product" with the *Hadamard matrix*,
# > a square matrix of ±1 with orthogonal rows (chapter 02 met it). They share a name and nothing else.
# > $\mathbf{u}\odot\mathbf{v}$ multiplies entry by entry; it is the same as multiplying by the diagonal
# > matrix $\operatorname{diag}(a'(\mathbf{z}^l))$, the Jacobian of the activation, which is diagonal
# > because unit $j$'s output depends on its own $z_j$ only. A Hadamard matrix of order 3 does not even
# > exist (above order 2 the order must be a multiple of 4; whether every multiple of 4 has one is the
# > open Hadamard conjecture), and using the one of order 4 on a 4-unit layer gives something else entirely:

# %%
u = W3.T @ delta3                       # ∂C/∂a² of the 3 hidden units
slope = a2 * (1 - a2)                   # a'(z²)
print("u ⊙ a'(z)          :", np.round(u * slope, 6))
print("diag(a'(z)) @ u     :", np.round(np.diag(slope) @ u, 6))
H4 = np.kron([[1, 1], [1, -1]], [[1, 1], [1, -1]])  # the Hadamard matrix of order 4
u4, s4 = rng.normal(size=4), rng.uniform(0.1, 0.25, size=4)
print("4 units: u ⊙ s      :", np.round(u4 * s4, 4))
print("4 units: H₄ @ (u*s) :", np.round(H4 @ (u4 * s4), 4), " ← not the unit errors")

# %% [markdown]
# ### Exercise 10 — the element-wise product
# A hidden layer of 3 units receives $\mathbf u = (W^{l+1})^\top\boldsymbol\delta^{l+1} = (0.5, -1, 2)$, and its
# slopes are $a'(\mathbf z^l) = (0.25, 0.2, 0.1)$. Give $\boldsymbol\delta^l = \mathbf u \odot a'(\mathbf z^l)$.

# %%
u_ex, slope_ex = np.array([0.5, -1.0, 2.0]), np.array([0.25, 0.2, 0.1])
### BEGIN SOLUTION
delta_ex = u_ex * slope_ex
### END SOLUTION

# %%
check("07.elementwise_product", delta_ex)

# %% [markdown]
# ### Exercise 2 — one step of the recurrence
# Two hidden layers of 3 sigmoid units follow each other. Layer $l+1$ has
# $W^{l+1} = \begin{pmatrix}0.5 & -1.0 & 0.8\\ 1.2 & 0.3 & -0.6\\ -0.4 & 0.9 & 0.7\end{pmatrix}$ and
# unit errors $\boldsymbol\delta^{l+1} = (0.1, -0.2, 0.05)$; layer $l$ has outputs
# $\mathbf{a}^l = (0.6, 0.3, 0.8)$. Compute $\boldsymbol\delta^l$ to four decimal places.

# %%
W_next = np.array([[0.5, -1.0, 0.8], [1.2, 0.3, -0.6], [-0.4, 0.9, 0.7]])
delta_next = np.array([0.1, -0.2, 0.05])
a_here = np.array([0.6, 0.3, 0.8])
### BEGIN SOLUTION
delta_here = (W_next.T @ delta_next) * a_here * (1 - a_here)
### END SOLUTION

# %%
check("07.delta_hidden", delta_here)

# %% [markdown]
# ### Exercise 3 — $\partial C/\partial W$ from $\delta$ and $a$
# A layer of 3 units receives 4 inputs. Its unit errors are $\boldsymbol\delta = (0.2, -0.1, 0.05)$; the
# layer below has weighted inputs $\mathbf{z}^{l-1} = (0.405, -1.386, 2.197, 0)$ and outputs
# $\mathbf{a}^{l-1} = \sigma(\mathbf{z}^{l-1}) = (0.6, 0.2, 0.9, 0.5)$; the layer's own outputs are
# $\mathbf{a}^l = (0.7, 0.1, 0.4)$. Give $\partial C/\partial W^l$ as an array of the shape of $W^l$, to four
# decimals (the outputs above are $\sigma(\mathbf z^{l-1})$ rounded to three: either gives the same four decimals).

# %%
delta_l = np.array([0.2, -0.1, 0.05])
z_prev, a_prev = np.array([0.405, -1.386, 2.197, 0.0]), np.array([0.6, 0.2, 0.9, 0.5])
a_l = np.array([0.7, 0.1, 0.4])
### BEGIN SOLUTION
dC_dW = np.outer(delta_l, a_prev)
### END SOLUTION

# %%
check("07.weight_gradient", dC_dW)

# %% [markdown]
# ### A batch: $C_T$ adds the images
#
# $C_T$ is the sum of the images' costs $C$, so every gradient of $C_T$ is the sum of the images'
# gradients ("differentiate first, then add", as the book says). With the images as the rows of a
# matrix $A^{l-1}$ (shape (N, $n_{l-1}$)) and their unit errors as the rows of $\Delta^l$ (N, $n_l$), the
# sums become matrix products: $\partial C_T/\partial W^l = (\Delta^l)^\top A^{l-1}$ and
# $\partial C_T/\partial \mathbf{b}^l = $ the column sums of $\Delta^l$. The recurrence in rows reads
# $\Delta^l = (\Delta^{l+1} W^{l+1}) \odot a'(Z^l)$ — the transpose of $(W^{l+1})^\top\boldsymbol\delta$ per image.
#
# ### Exercise 4 — $\partial C_T/\partial \mathbf{b}$ for a batch
# For a batch of 4 images the hidden unit errors $\delta^2$ are the rows of `deltas` (one row per image,
# one column per hidden unit). Give $\partial C_T/\partial\mathbf{b}^2$.

# %%
deltas = np.array([[0.12, -0.05, 0.30],
                   [-0.08, 0.02, 0.11],
                   [0.05, -0.04, -0.20],
                   [0.01, 0.09, 0.07]])
### BEGIN SOLUTION
dCT_db = deltas.sum(axis=0)
### END SOLUTION

# %%
check("07.bias_gradient", dCT_db)

# %% [markdown]
# ## 5. Checking the formulas: sympy and central differences
#
# A derivation by hand deserves two independent checks. First **sympy**: build $C$ for our image as an
# expression in all 47 parameters and differentiate it by brute force — exactly the "derivative hell" of
# chapter 06, but a computer does not mind for a few parameters. We compare five of them with the
# unit-error formulas above.

# %%
W2s = sp.Matrix(3, 12, lambda j, i: sp.Symbol(f"w2_{j + 1}_{i + 1}"))
W3s = sp.Matrix(2, 3, lambda j, i: sp.Symbol(f"w3_{j + 1}_{i + 1}"))
b2s, b3s = sp.Matrix(sp.symbols("b2_1:4")), sp.Matrix(sp.symbols("b3_1:3"))
sig = lambda z: 1 / (1 + sp.exp(-z))  # noqa: E731
a2s = (W2s * sp.Matrix(x.astype(int)) + b2s).applyfunc(sig)
a3s = (W3s * a2s + b3s).applyfunc(sig)
C_sym = sum((a3s[j] - int(t[j])) ** 2 for j in range(2)) / 2
values = {**dict(zip(W2s, W2.ravel())), **dict(zip(W3s, W3.ravel())),
          **dict(zip(b2s, b2)), **dict(zip(b3s, b3))}
for symbol, formula in [(W2s[0, 0], dW2[0, 0]), (W2s[2, 5], dW2[2, 5]), (b2s[1], db2[1]),
                        (W3s[1, 2], dW3[1, 2]), (b3s[0], db3[0])]:
    exact = float(sp.diff(C_sym, symbol).evalf(subs=values))
    print(f"∂C/∂{str(symbol):7s} sympy {exact:+.12f}   unit errors {formula:+.12f}")

# %% [markdown]
# Second, **central differences** for all 47 at once (chapter 03): nudge each parameter by $\pm h$ and
# divide the change of $C$ by $2h$. `calculus.gradient_check(f, params)` does it and returns the largest
# relative error between the gradient `f` claims and the numerical one. In float64 with $h = 10^{-5}$ a
# right formula gives far below $10^{-7}$; a wrong one gives errors near 1.

# %%
def unpack(p):
    return p[:36].reshape(3, 12), p[36:39], p[39:45].reshape(2, 3), p[45:]


def cost_and_gradient(p):
    """C of our image and its gradient by the unit-error formulas, for all 47 parameters in one vector."""
    Wa, ba, Wb, bb = unpack(p)
    h = sigmoid(Wa @ x + ba)
    y = sigmoid(Wb @ h + bb)
    d3 = (y - t) * y * (1 - y)
    d2 = (Wb.T @ d3) * h * (1 - h)
    return 0.5 * np.sum((y - t) ** 2), np.concatenate([np.outer(d2, x).ravel(), d2, np.outer(d3, h).ravel(), d3])


params = np.concatenate([W2.ravel(), b2, W3.ravel(), b3])
print(f"{params.size} parameters; largest relative error: {calculus.gradient_check(cost_and_gradient, params):.1e}")

# %% [markdown]
# And what the check sees when the formula has a typical mistake, here the factor $a'(z^2)$ left out of
# the hidden unit errors:

# %%
def without_hidden_slope(p):
    value, grad = cost_and_gradient(p)
    Wa, ba, Wb, bb = unpack(p)
    h = sigmoid(Wa @ x + ba)
    y = sigmoid(Wb @ h + bb)
    d2 = Wb.T @ ((y - t) * y * (1 - y))          # ⊙ a'(z²) forgotten
    grad[:39] = np.concatenate([np.outer(d2, x).ravel(), d2])
    return value, grad


print(f"without a'(z²): largest relative error {calculus.gradient_check(without_hidden_slope, params):.2f}")

# %% [markdown]
# > **⚠️ Careful — a gradient check can "fail" a correct backprop.** Central differences divide a tiny
# > difference of two costs by $2h$. A float64 number carries about 16 significant digits, a float32
# > number about 7. Each cost is rounded by about $\varepsilon\,|C|$, so the quotient is off by about
# > $\varepsilon|C|/h$, while the truncation error grows like $h^2$. In float32 ($\varepsilon \approx 6\cdot10^{-8}$)
# > no step is good enough: the sweep below finds the best near $h = 10^{-2}$, and even there the
# > relative error is about $2\cdot10^{-5}$, some two hundred times the $10^{-7}$ a float64 check reaches
# > (smaller steps drown in rounding, larger ones in truncation); in float64 the error becomes large only
# > when $h$ is very small. The next cell checks the *same, correct* gradient in float64 with two steps
# > and in float32 with a sweep of steps.

# %%
def cost_in_float32(p):
    Wa, ba, Wb, bb = (q.astype(np.float32) for q in unpack(p))
    h = 1 / (1 + np.exp(-(Wa @ x.astype(np.float32) + ba)))
    y = 1 / (1 + np.exp(-(Wb @ h + bb)))
    return float(np.float32(0.5) * np.sum((y - t.astype(np.float32)) ** 2))


exact = cost_and_gradient(params)[1]
verdict_of = lambda error: "passes" if error <= 1e-7 else "FAILS — but the gradient is right"  # noqa: E731
for h in (1e-5, 1e-12):
    error = calculus.relative_error(exact, calculus.numerical_gradient(lambda p: cost_and_gradient(p)[0], params, h=h))
    print(f"float64, h = {h:.0e}: relative error {error:.1e}  {verdict_of(error)}")
steps = 10.0 ** np.arange(-6.0, -0.9, 0.5)
errors32 = [calculus.relative_error(exact, calculus.numerical_gradient(cost_in_float32, params, h=h)) for h in steps]
for h, error in zip(steps, errors32):
    print(f"float32, h = {h:.0e}: relative error {error:.1e}  {verdict_of(error)}")
best = int(np.argmin(errors32))
print(f"best float32 step: h = {steps[best]:.0e}, relative error {errors32[best]:.1e} "
      f"= {errors32[best] / 1e-7:.0f} × the float64 threshold 1e-7")

# %% [markdown]
# > **⚠️ Careful — at a kink a gradient check can "fail" a correct backprop too.** ReLU has no derivative
# > at $z = 0$ (the lib, like torch, uses 0 there), and a max with a tie has none where the tie is. A
# > central difference straddles the corner and measures the average of the two slopes: ½ for ReLU at 0.
# > A network whose unit sits exactly at $z = 0$ then shows a large relative error although nothing is
# > wrong. Random inputs almost never land on a corner; hand-picked round numbers often do.

# %%
x_k = np.array([1.0, -1.0])
W_k = np.array([[1.0, 1.0], [2.0, 0.5]])   # unit 1 has z = 1 − 1 + 0 = 0: exactly on its corner
b_k = np.array([0.0, 0.3])


def relu_cost_and_gradient(v):
    z = W_k @ v + b_k
    return float(np.sum(ops.relu(z))), W_k.T @ ops.relu_derivative(z)


print("z =", W_k @ x_k + b_k)
print(f"at the corner:        relative error {calculus.gradient_check(relu_cost_and_gradient, x_k):.2f}")
print(f"a little away from it: relative error {calculus.gradient_check(relu_cost_and_gradient, x_k + [0.01, 0.0]):.1e}")

# %% [markdown]
# So a gradient check is done in float64 with $h$ around $10^{-5}$ (or $10^{-6}$), where the truncation
# error ($\sim h^2$) and the rounding error ($\sim\varepsilon/h$) are both small. Only then does a large
# relative error mean a bug.
#
# ### Exercise 5 — the chain rule in sympy
# A chain of two sigmoid units with one weight each: $z^2 = w_2 x + b_2$, $a^2 = \sigma(z^2)$,
# $z^3 = w_3 a^2 + b_3$, $a^3 = \sigma(z^3)$, $C = \tfrac12(a^3 - t)^2$. Give $\partial C/\partial w_2$ as a
# sympy expression in the symbols below: build it from $\delta^3$ and $\delta^2$, or let `sp.diff` do it.

# %%
xs, ts, w2s, b2s_, w3s, b3s_ = sp.symbols("x t w2 b2 w3 b3")
sigma = lambda z: 1 / (1 + sp.exp(-z))  # noqa: E731
### BEGIN SOLUTION
z2_ = w2s * xs + b2s_
z3_ = w3s * sigma(z2_) + b3s_
d3_ = (sigma(z3_) - ts) * sigma(z3_) * (1 - sigma(z3_))
d2_ = d3_ * w3s * sigma(z2_) * (1 - sigma(z2_))
dC_dw2 = d2_ * xs
### END SOLUTION

# %%
check("07.chain_rule_sympy", dC_dw2)

# %% [markdown]
# ## 6. The algorithm
#
# ### The four equations
# Everything so far fits in four equations (the numbering is Nielsen's, *Neural Networks and Deep
# Learning*, ch. 2), each one step of the chain rule. For one image with cost $C$:
#
# - **(BP1)** $\boldsymbol\delta^L = \nabla_{\mathbf a}C \odot a'(\mathbf z^L)$. *Proof*: $a^L_j$ depends on $z^L_j$ only, so
#   $\delta^L_j = \frac{\partial C}{\partial a^L_j}\frac{\partial a^L_j}{\partial z^L_j}$. For the squared error
#   $\nabla_{\mathbf a}C = \mathbf a^L - \mathbf t$ (section 3); any other cost puts its own gradient here.
# - **(BP2)** $\boldsymbol\delta^l = \bigl((W^{l+1})^\top\boldsymbol\delta^{l+1}\bigr)\odot a'(\mathbf z^l)$. *Proof*: $a^l_j$ reaches $C$
#   through every $z^{l+1}_k$; the chain rule adds the paths (section 4).
# - **(BP3)** $\partial C/\partial b^l_j = \delta^l_j$. *Proof*: $z^l_j = \sum_i w^l_{ji}a^{l-1}_i + b^l_j$, so
#   $\partial z^l_j/\partial b^l_j = 1$ and $\partial C/\partial b^l_j = \delta^l_j\cdot 1$.
# - **(BP4)** $\partial C/\partial w^l_{ji} = \delta^l_j\,a^{l-1}_i$. *Proof*: $\partial z^l_j/\partial w^l_{ji} = a^{l-1}_i$, and
#   $w^l_{ji}$ reaches $C$ only through $z^l_j$.
#
# **For a batch**, $C_T = \sum_n C_n$, and a derivative of a sum is the sum of the derivatives: with image
# $n$'s unit errors $\boldsymbol\delta^l_n$ as row $n$ of $\Delta^l$ and its outputs as row $n$ of $A^{l-1}$,
# BP4 summed over the images is $\sum_n\boldsymbol\delta^l_n(\mathbf a^{l-1}_n)^\top = (\Delta^l)^\top A^{l-1}$, and BP3 summed is
# the column sums of $\Delta^l$. BP1 and BP2 act on each row on its own, so they hold row by row:
# $\Delta^l = (\Delta^{l+1}W^{l+1})\odot a'(Z^l)$ — each row times $W^{l+1}$ is the transpose of
# $(W^{l+1})^\top\boldsymbol\delta^{l+1}$ for that image.
#
# **Softmax with cross entropy** (chapter 06's classifier output). There BP1 takes a special form: with
# $p = \operatorname{softmax}(\mathbf z^L)$ and $C = -\sum_k t_k\log p_k$, the output unit $p_k$ depends on *every*
# $z_j$, so BP1's "$\odot a'$" becomes the full Jacobian $\partial p_k/\partial z_j = p_k(\delta_{kj} - p_j)$ (09 and
# 10 use it too):
#
# $$\delta^L_j = \sum_k \frac{\partial C}{\partial p_k}\frac{\partial p_k}{\partial z_j}
#   = \sum_k \Bigl(-\frac{t_k}{p_k}\Bigr)p_k(\delta_{kj} - p_j) = -t_j + p_j\sum_k t_k = p_j - t_j ,$$
#
# because the targets add up to 1. The cell checks it with sympy for three classes:

# %%
zs_ = sp.symbols("z1:4")
ts_ = sp.symbols("t1:4")
ps_ = [sp.exp(z) / sum(sp.exp(v) for v in zs_) for z in zs_]
C_ce = -sum(t * sp.log(p) for t, p in zip(ts_, ps_))
claim = [sp.simplify(sp.diff(C_ce, z).subs(ts_[2], 1 - ts_[0] - ts_[1]) - (p - t).subs(ts_[2], 1 - ts_[0] - ts_[1]))
         for z, p, t in zip(zs_, ps_, ts_)]
print("∂C/∂z_j − (p_j − t_j), with t₁ + t₂ + t₃ = 1:", claim)

# %% [markdown]
# ### Exercise 11 — a 2-2-1 network on paper
# Work one image through a network with two inputs, two hidden sigmoid units and one sigmoid output, by
# hand or with numpy one step at a time — every number of the table, forward then backward:
# $\mathbf x = (1, 0.5)$, $W^2 = \begin{pmatrix}0.5 & -1\\ 1 & 0.5\end{pmatrix}$, $\mathbf b^2 = (0, 0.5)$,
# $W^3 = (1, -1)$, $b^3 = 0.2$, target $t = 1$, squared error.
#
# | forward | | | backward | |
# |---|---|---|---|---|
# | $z^2_1, z^2_2$ | $a^2_1, a^2_2$ | $z^3, a^3$ | $\delta^3$ (BP1) | $\delta^2_1, \delta^2_2$ (BP2) |
#
# Give the nine numbers in this order as one list, to four decimals. (BP3 and BP4 then give every
# gradient: $\partial C/\partial b = \delta$, $\partial C/\partial w_{jk} = \delta_j a_k$.)

# %%
### BEGIN SOLUTION
x_h, W2_h, b2_h = np.array([1.0, 0.5]), np.array([[0.5, -1.0], [1.0, 0.5]]), np.array([0.0, 0.5])
W3_h, b3_h, t_h = np.array([[1.0, -1.0]]), np.array([0.2]), np.array([1.0])
z2_h = W2_h @ x_h + b2_h
a2_h = 1 / (1 + np.exp(-z2_h))
z3_h = W3_h @ a2_h + b3_h
a3_h = 1 / (1 + np.exp(-z3_h))
d3_h = (a3_h - t_h) * a3_h * (1 - a3_h)
d2_h = (W3_h.T @ d3_h) * a2_h * (1 - a2_h)
table = np.concatenate([z2_h, a2_h, z3_h, a3_h, d3_h, d2_h])
### END SOLUTION

# %%
check("07.table_221", table)

# %% [markdown]
# ### The algorithm
#
# **Error backpropagation (误差反向传播法)**, for a batch of images (one per row):
#
# 1. **Forward**: $Z^l = A^{l-1}(W^l)^\top + \mathbf{b}^l$, $A^l = a(Z^l)$ for $l = 2, \dots, L$; keep every $Z^l$ and $A^l$.
# 2. **Output**: $\Delta^L = (A^L - T)\odot a'(Z^L)$.
# 3. **Backward**: $\Delta^l = (\Delta^{l+1}W^{l+1})\odot a'(Z^l)$ for $l = L-1, \dots, 2$.
# 4. **Gradients**: $\partial C_T/\partial W^l = (\Delta^l)^\top A^{l-1}$, $\partial C_T/\partial \mathbf{b}^l$ = column sums of $\Delta^l$.
# 5. **Step**: $W^l \leftarrow W^l - \eta\,\partial C_T/\partial W^l$, the same for $\mathbf{b}^l$ (chapter 04).
#
# Steps 1–4 cost between one and two forward passes' worth of multiplications, whatever the number of
# parameters (Exercise 7 counts them) — compared with one forward pass per parameter (and two for
# central differences) if each derivative were computed on its own.
#
# ### Exercise 6 — backpropagation for the 12-3-2 network
# Write `backprop(X, T, W2, b2, W3, b3)`: `X` holds N images (shape (N, 12)), `T` their targets
# (N, 2); all units are sigmoids and $C_T = \sum_{\text{images}}\tfrac12\sum_j (a^3_j - t_j)^2$. Return
# `(dW2, db2, dW3, db3)`, the gradients of $C_T$, each of the shape of its parameter. The check runs
# it on several random networks, first on single images, then on batches, and names the first layer and
# unit where it goes wrong. No loop over the images is needed.

# %%
def backprop(X, T, W2, b2, W3, b3):
    ### BEGIN SOLUTION
    A2 = sigmoid(X @ W2.T + b2)
    A3 = sigmoid(A2 @ W3.T + b3)
    D3 = (A3 - T) * A3 * (1 - A3)
    D2 = (D3 @ W3) * A2 * (1 - A2)
    return D2.T @ X, D2.sum(axis=0), D3.T @ A2, D3.sum(axis=0)
    ### END SOLUTION


# %%
check("07.backprop", backprop)

# %% [markdown]
# The library's `MLP` does the same for any sizes: `forward` keeps every $z$ and $a$, `backward`
# returns the gradients and keeps the unit errors in `deltas` (index 0 is layer 2). One difference of
# convention: the lib differentiates the *mean* cost $C_T/N$, as torch and scikit-learn do, so its
# gradients are yours divided by N.

# %%
X4, T4 = data.x[:4], data.t[:4]
net.forward(X4)
lib_dW, lib_db = net.backward(T4)
reference = backprop_reference(X4, T4, W2, b2, W3, b3)
print("lib × N equals ∂C_T/∂W², ∂C_T/∂b², ∂C_T/∂W³, ∂C_T/∂b³:",
      all(np.allclose(4 * g, r) for g, r in zip([lib_dW[0], lib_db[0], lib_dW[1], lib_db[1]], reference)))
print(f"unit errors δ³ of the 4 images (rows), mean convention:\n{np.round(net.deltas[1], 5)}")

# %% [markdown]
# ### Exercise 7 — what the backward pass costs
# The digits network of section 9 has 64 inputs, 64 hidden units and 10 outputs. Its forward pass costs
# $64\cdot64 + 64\cdot10 = 4736$ multiply-adds per image. How many multiply-adds does the backward pass
# (steps 3 and 4, for one image) cost? Count the products in the matrix-vector and outer products; the
# element-wise $\odot$ and the biases do not count.

# %%
### BEGIN SOLUTION
multiply_adds = 10 * 64 + (64 * 64 + 10 * 64)
### END SOLUTION

# %%
check("07.multiply_adds", multiply_adds)

# %% [markdown]
# In general: the forward pass makes one multiplication per weight, $P = \sum_l n_l n_{l-1}$ in all. The
# backward pass makes one per weight for $\partial C/\partial W^l = \boldsymbol\delta^l(\mathbf a^{l-1})^\top$,
# and one more per weight of every layer but the first for the recurrence $(W^{l+1})^\top\boldsymbol\delta^{l+1}$:
# $2P - n_1 n_0$, that is $2 - n_1n_0/P$ forward passes. Shallow networks whose first layer holds most
# weights pay little more than one forward pass; deep ones approach two.

# %%
def backward_over_forward(sizes):
    weights = [n_in * n_out for n_in, n_out in zip(sizes, sizes[1:])]
    return (2 * sum(weights) - weights[0]) / sum(weights)


for sizes in [(12, 3, 2), (64, 64, 10), (64, 64, 64, 64, 10), (64,) + (64,) * 20 + (10,)]:
    print(f"{'-'.join(map(str, sizes)) if len(sizes) < 8 else f'64, 20 × 64, 10':>16}: backward / forward = "
          f"{backward_over_forward(sizes):.2f}")

# %% [markdown]
# ### Exercise 8 — a gradient check's verdict
# A classmate runs a gradient check with every array in float32 and $h = 10^{-4}$ and gets a largest
# relative error of about $10^{-3}$. What follows? Answer with the letter in quotes.
#
# - **a** The backprop has a bug somewhere.
# - **b** Nothing yet: float32 rounding alone gives errors of this size; repeat in float64 with $h \approx 10^{-5}$.
# - **c** $h$ is too large; repeat with $h = 10^{-8}$.
# - **d** It passes: anything below $10^{-2}$ is fine.

# %%
### BEGIN SOLUTION
verdict = "b"
### END SOLUTION

# %%
check("07.gradient_check_verdict", verdict)

# %% [markdown]
# ## 7. Training the 12-3-2 network
#
# Now gradient descent on $C_T$ over all images. The cell uses your `backprop` if it passed its check,
# and the course's own otherwise, so it runs either way.

# %%
grad_fn = backprop if evaluate("07.backprop", backprop).passed else backprop_reference
print("gradients from:", "your backprop" if grad_fn is backprop else "the course's reference")
P = [p.copy() for p in (W2, b2, W3, b3)]       # the starting weights of `net`
eta = 0.03                                       # the step on C_T (a sum over 119 images)
costs = []
for step in range(300):
    A3 = sigmoid(sigmoid(data.x @ P[0].T + P[1]) @ P[2].T + P[3])
    costs.append(0.5 * np.sum((A3 - data.t) ** 2))
    for p, g in zip(P, grad_fn(data.x, data.t, *P)):
        p -= eta * g
right = np.mean(np.argmax(A3, axis=1) == data.labels)
print(f"C_T: {costs[0]:.2f} → {costs[-1]:.3f} after {len(costs)} steps; {right:.0%} of the images right")

# %% [markdown]
# In the figure (a logarithmic axis): $C_T$ falls fast in the first hundred steps and then ever more
# slowly — each further halving of the cost takes more steps than the last.

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(5, 2.8), layout="constrained")
ax.semilogy(costs)
ax.set(xlabel="gradient-descent step", ylabel="C_T", title=f"12-3-2 network, η = {eta}");

# %% [markdown]
# How fast this goes depends on $\eta$. Move the slider: each value retrains the network from the same
# starting weights for 200 full-batch steps (the curves were computed when the figure was made). The
# lib's `fit` steps on the mean cost $C_T/N$, so its $\eta$ is N = 119 times a step on $C_T$: $\eta \approx 3$
# here is a step of $3/119 \approx 0.025$ on $C_T$, close to the 0.03 of our loop. The cell below prints
# what the slider shows at some of its values:
# - $\eta \approx 0.3$ (the left end): $C_T$ creeps down, and after 200 steps the network calls *every*
#   image a "1". That is still 62 % right, because 74 of the 119 images are ones — a classifier that
#   always answers the majority class. A little more $\eta$ and it starts to tell them apart.
# - $\eta$ from about 1.3 to 80: every image right within 200 steps; larger is faster up to about 30,
#   and at $\eta \approx 63$ and 79 the first steps overshoot — $C_T$ rises well above its start before
#   it falls — yet both end with every image right.
# - $\eta = 100$ (the right end): the steps throw the sigmoids into saturation ($a'(z) \approx 0$), the
#   unit errors vanish, and training is stuck with $C_T$ high, every image called a "1" again.

# %%
from dlmath.explorers.backprop import train_curves

print(f"{int(data.labels.sum())} of the {len(data.labels)} images are ones")
for eta_mean in (0.316, 0.398, 1.26, 3.16, 10.0, 31.6, 63.1, 79.4, 100.0):
    run = train_curves(eta_mean)
    cost, right = run["cost"], run["accuracy"]
    ones = np.mean(run["net"].predict(data.x) == 1)
    first = f"all right from step {int(np.argmax(right >= 1)) + 1:3d}" if right[-1] >= 1 else "never all right      "
    print(f"η = {eta_mean:6.3g}: C_T {cost[0]:5.1f} → {cost[-1]:6.3f} (highest {cost.max():4.1f}); "
          f"{right[-1]:4.0%} right, {ones:4.0%} called a 1; {first}")

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.backprop import eta_explorer

eta_explorer()

# %% [markdown]
# ## 8. The computational graph
#
# Backprop is one case of a general rule. Write a computation as a **computational graph (计算图)**:
# each node computes a value from its inputs. Going forward, the values flow along the arrows; going
# backward, each node receives $\partial f/\partial(\text{node})$ and passes it on to its inputs, multiplied
# by its local derivative. When a value feeds *several* nodes, it receives a gradient from each, and
# they **add** — the chain rule for several variables. That is the $\sum_k$ in the recurrence: $a^l_j$
# feeds every unit $k$ of layer $l+1$.
#
# Below, $f = (x + y)\cdot x$: $x$ is used twice, by the sum and by the product.

# %% tags=["nbval-ignore-output"]
from dlmath.explorers.backprop import graph_figure

graph_figure(3.0, 2.0);

# %% [markdown]
# ### Exercise 9 — a value used twice
# For $f(x, y) = (x + y)\cdot x$ at $x = 3$, $y = 2$, what is $\partial f/\partial x$? Give the number.

# %%
### BEGIN SOLUTION
df_dx = (3 + 2) * 1 + 3 * 1
### END SOLUTION

# %%
check("07.graph_gradient", df_dx)

# %% [markdown]
# ### The graph becomes code
# The rule fits in one small class (the idea of Karpathy's *micrograd*). A `Value` holds a number, the
# nodes it was made from, and a *backward closure*: the little function that, given the gradient of
# the result, adds each input's share to that input's `grad`. `backward()` puts the nodes in a
# topological order (every node after the nodes it was made from), sets the gradient of the result to 1,
# and runs the closures from the end to the start — backpropagation, for any graph. The `+=` is the rule
# of the exercise above: a value used twice collects both gradients.

# %%
class Value:
    """A number that remembers how it was computed, so that backward() can send gradients to its inputs."""

    def __init__(self, data, parents=()):
        self.data, self.grad, self.parents = float(data), 0.0, parents
        self.backward_step = lambda: None              # adds this node's gradient into its parents'

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other))

        def backward_step():                           # ∂(a + b)/∂a = ∂(a + b)/∂b = 1
            self.grad += out.grad
            other.grad += out.grad
        out.backward_step = backward_step
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other))

        def backward_step():                           # ∂(ab)/∂a = b, ∂(ab)/∂b = a
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out.backward_step = backward_step
        return out

    __radd__, __rmul__ = __add__, __mul__

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-other if isinstance(other, Value) else Value(-other))

    def sigmoid(self):
        s = 1 / (1 + np.exp(-self.data))
        out = Value(s, (self,))

        def backward_step():                           # σ' = σ(1 − σ), from the output itself
            self.grad += sigmoid_local_gradient(s, out.grad)
        out.backward_step = backward_step
        return out

    def backward(self):
        order, seen = [], set()

        def visit(v):                                  # depth first: a node after everything it was made from
            if id(v) not in seen:
                seen.add(id(v))
                for p in v.parents:
                    visit(p)
                order.append(v)
        visit(self)
        self.grad = 1.0
        for v in reversed(order):
            v.backward_step()


# %% [markdown]
# ### Exercise 12 — the sigmoid node's backward step
# The only line of `Value` left to you: a sigmoid node with output $s = \sigma(z)$ receives the gradient
# `out_grad` $= \partial f/\partial s$. Write `sigmoid_local_gradient(s, out_grad)` returning $\partial f/\partial z$, the
# share it passes back to its input $z$. (Use the output $s$ itself, as chapter 01 showed; it must work
# on numpy arrays too.)

# %%
def sigmoid_local_gradient(s, out_grad):
    ### BEGIN SOLUTION
    return out_grad * s * (1 - s)
    ### END SOLUTION


# %%
check("07.sigmoid_local_gradient", sigmoid_local_gradient)

# %% [markdown]
# With that line, `Value` differentiates anything built from $+$, $\times$ and $\sigma$. First the graph of
# Exercise 9, then the 12-3-2 network itself: all 47 parameters as `Value`s, one image forward as plain
# Python sums and products, `C.backward()` — and every gradient compared with the lib's backprop and,
# for one weight, with sympy. (The cell uses the course's own `sigmoid_local_gradient` if yours has not
# passed yet, so it runs either way.)

# %%
if not evaluate("07.sigmoid_local_gradient", sigmoid_local_gradient).passed:
    def sigmoid_local_gradient(s, out_grad):       # noqa: F811 — the course's, until yours passes
        return out_grad * s * (1 - s)

xv, yv = Value(3.0), Value(2.0)
f = (xv + yv) * xv
f.backward()
print(f"f = (x + y)·x at (3, 2): df/dx = {xv.grad:g}, df/dy = {yv.grad:g}")

Wv2 = [[Value(w) for w in row] for row in W2]
bv2 = [Value(b) for b in b2]
Wv3 = [[Value(w) for w in row] for row in W3]
bv3 = [Value(b) for b in b3]
x_img, t_img = data.x[0], data.t[0]
hidden = [sum((w * xi for w, xi in zip(row, x_img)), b).sigmoid() for row, b in zip(Wv2, bv2)]
outputs = [sum((w * h for w, h in zip(row, hidden)), b).sigmoid() for row, b in zip(Wv3, bv3)]
C = sum(((o - ti) * (o - ti) for o, ti in zip(outputs, t_img)), Value(0.0)) * 0.5
C.backward()
grads_value = [np.array([[w.grad for w in row] for row in Wv2]), np.array([b.grad for b in bv2]),
               np.array([[w.grad for w in row] for row in Wv3]), np.array([b.grad for b in bv3])]
grads_lib = backprop_reference(data.x[:1], data.t[:1], W2, b2, W3, b3)
print("all 47 gradients agree with the lib's backprop:",
      all(np.allclose(g, r) for g, r in zip(grads_value, grads_lib)))
ink = int(np.flatnonzero(x_img)[0])                  # a pixel with ink: its weight matters for this image
w_sym = sp.Symbol("w")                               # w²_(1, ink) as a symbol, every other number fixed
z_sym = [sum((w_sym if (j, i) == (0, ink) else float(W2[j, i])) * float(x_img[i]) for i in range(12)) + float(b2[j])
         for j in range(3)]
a_sym = [1 / (1 + sp.exp(-z)) for z in z_sym]
o_sym = [1 / (1 + sp.exp(-(sum(float(W3[k, j]) * a_sym[j] for j in range(3)) + float(b3[k])))) for k in range(2)]
C_sym = sp.Rational(1, 2) * sum((o - float(ti)) ** 2 for o, ti in zip(o_sym, t_img))
dC_dw_sym = float(sp.diff(C_sym, w_sym).subs(w_sym, float(W2[0, ink])))
print(f"∂C/∂w² of unit 1 from pixel {ink + 1}: Value {Wv2[0][ink].grad:.8f}, sympy {dC_dw_sym:.8f}")

# %% [markdown]
# ## 9. Real handwritten digits
#
# Now a network that reads real handwriting: scikit-learn's bundled 8×8 digits (1797 images, no
# download), pixels scaled to $[0, 1]$, split once for the whole course into 1347 training and 450 test
# images (`datasets.digits()`).
#
# The network: 64 inputs, 64 ReLU hidden units, 10 **softmax** outputs with the cross-entropy cost
# (chapter 06), for which $\delta^L = \mathbf{a}^L - \mathbf{t}$ exactly, as for a sigmoid with cross
# entropy. Training is **minibatch (小批量)** gradient descent: each step uses 32 images, and one
# **epoch (轮次)** passes over all of them once in a shuffled order; *momentum* 0.9 keeps part of the last
# step ([chapter 12](12_training.ipynb) measures what a minibatch estimates and derives when momentum
# converges and how fast). The settings ($\eta = 0.2$, 20 epochs) were chosen by cross-validation on the training images
# only (`bench/mlp_digits.py --choose`); the test images are only looked at.

# %% tags=["nbval-ignore-output"]
digits = datasets.digits()
mlp = MLP((64, 64, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=0)
start = time.perf_counter()
mlp.fit(digits.x_train, digits.y_train, eta=0.2, epochs=20, batch_size=32, momentum=0.9, seed=0,
        progress=True, validation=(digits.x_test, digits.y_test))
seconds = time.perf_counter() - start
print(f"trained in {seconds:.2f} s")

# %%
print(f"test accuracy {mlp.accuracy(digits.x_test, digits.y_test):.2%} after {len(mlp.history)} epochs")

# %% [markdown]
# Look at both panels: the training loss keeps falling (with a jump back up where one step overshot),
# while the test accuracy levels off after about ten epochs — from then on the network fits its training
# images ever more closely without getting better on new ones. Chapter 12 calls this *overfitting* and
# teaches what to do about it.

# %% tags=["nbval-ignore-output"]
epochs = np.arange(1, len(mlp.history) + 1)
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(7.5, 2.8), layout="constrained")
ax_loss.semilogy(epochs, mlp.history)
ax_loss.set(xlabel="epoch", ylabel="mean cross entropy", title="training loss")
ax_acc.plot(epochs, mlp.train_accuracy, label="training")
ax_acc.plot(epochs, mlp.val_accuracy, label="test (watched only)")
ax_acc.set(xlabel="epoch", ylim=(0.85, 1.005), title="accuracy")
ax_acc.legend();

# %% [markdown]
# Which digits does it confuse? The **confusion matrix (混淆矩阵)** counts, for each true digit (row), how
# often each digit was predicted (column); a perfect classifier has numbers only on the diagonal.

# %%
predicted = mlp.predict(digits.x_test)
confusion = np.zeros((10, 10), dtype=int)
np.add.at(confusion, (digits.y_test, predicted), 1)
print(confusion)

# %% [markdown]
# Below, every test digit it got wrong, with its true label and its answer: look for what each misread
# digit shares with the digit it was taken for.

# %% tags=["nbval-ignore-output"]
wrong_ones = np.flatnonzero(predicted != digits.y_test)
fig, axes = plt.subplots(1, max(len(wrong_ones), 1), figsize=(min(7.5, 0.9 * max(len(wrong_ones), 1)), 1.3),
                         squeeze=False)
for ax, k in zip(axes[0], wrong_ones):
    ax.imshow(digits.x_test[k].reshape(8, 8), cmap="gray_r")
    ax.set_title(f"{digits.y_test[k]}→{predicted[k]}", fontsize=9)
for ax in axes[0]:
    ax.axis("off")
fig.suptitle("every misclassified test digit: true → predicted", fontsize=9);

# %% [markdown]
# ### The reference: scikit-learn
# scikit-learn's `MLPClassifier` with one hidden layer of 64 ReLU units, trained with its defaults (the
# Adam optimiser, up to 200 epochs, a small weight penalty) on the same split:

# %%
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

clf = MLPClassifier(hidden_layer_sizes=(64,), random_state=0)
start = time.perf_counter()
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)  # it stops at its limit of 200 epochs
    clf.fit(digits.x_train, digits.y_train)
sk_seconds = time.perf_counter() - start
print(f"MLPClassifier((64,)): test accuracy {clf.score(digits.x_test, digits.y_test):.2%} "
      f"after {clf.n_iter_} epochs")
print(f"our MLP(64, 64, 10):  test accuracy {mlp.accuracy(digits.x_test, digits.y_test):.2%} after 20 epochs")

# %% tags=["nbval-ignore-output"]
print(f"training time: MLPClassifier {sk_seconds:.2f} s for {clf.n_iter_} epochs "
      f"({1000 * sk_seconds / clf.n_iter_:.1f} ms per epoch), ours {seconds:.2f} s for 20 epochs "
      f"({1000 * seconds / 20:.1f} ms per epoch)")

# %% [markdown]
# Both land at about 97 % of the test digits, a few images apart — within the spread that a different
# random seed alone gives (`bench/mlp_digits.py` measures both side by side over several seeds). Their
# training times are not like for like: scikit-learn ran until its limit of 200 epochs with the Adam
# optimiser, ours 20 epochs of momentum SGD, so the timing cell above also prints the time per epoch.
# Minibatches, momentum, Adam and how settings are chosen on held-out data are the subject of
# [chapter 12, *training in practice*](12_training.ipynb). The backward pass you wrote in exercise 6, written for any number of
# layers, is all it takes.
#
# ## Summary
# - The unit error $\delta^l_j = \partial C/\partial z^l_j$ gives every gradient:
#   $\partial C/\partial w^l_{ji} = \delta^l_j a^{l-1}_i$, $\partial C/\partial b^l_j = \delta^l_j$.
# - At the output, $\delta^L = (\mathbf{a}^L - \mathbf{t})\odot a'(\mathbf{z}^L)$ for the squared error.
# - The backward recurrence $\boldsymbol\delta^l = ((W^{l+1})^\top\boldsymbol\delta^{l+1})\odot a'(\mathbf{z}^l)$:
#   the transpose because unit $j$ feeds column $j$ of $W^{l+1}$; $\odot$ is element-wise, not a
#   Hadamard matrix.
# - For a batch, $C_T$ sums the images, so the gradients are sums: $(\Delta^l)^\top A^{l-1}$ and column sums.
# - Check derivations against sympy and central differences — in float64, with $h \approx 10^{-5}$.
# - In a computational graph a value used twice adds its gradients.
# - The whole backward pass costs between one and two forward passes — $2 - n_1n_0/P$ of them, 1.14 for
#   the 64-64-10 MLP, nearer 2 the deeper the network; trained with it, a small MLP reads real
#   handwritten digits about as well as scikit-learn's.
#
# **Next:** 08 · Convolutional networks (`08_cnn.ipynb`) — the same unit errors and the same recurrence,
# for layers that slide small filters over an image.
