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

# %%
w = np.array([2.0, -1.0, 0.5])
x = np.array([1.0, 3.0, 5.0])
theta = 2.0
b = -theta
print("weights w =", w, " inputs x =", x, " threshold θ =", theta, " so bias b =", b)

# %% [markdown]
# ### Exercise 1 — the weighted input
# Compute $z = \mathbf{w}\cdot\mathbf{x} + b$ for the neuron above (use `np.dot(w, x)` or a sum of products).

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

# %%
### BEGIN SOLUTION
dsigma = sp.diff(sigma, z)
### END SOLUTION

# %%
check("01.sigmoid_derivative", dsigma)

# %% [markdown]
# A formula is only trusted here once it agrees with a number. The **central difference**
# $\frac{\sigma(z+h) - \sigma(z-h)}{2h}$ approximates the slope with an error of order $h^2$:

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

# %%
for z0 in [0.0, 2.0, 5.0, 10.0]:
    print(f"z = {z0:4.1f}   σ(z) = {float(act.sigmoid(z0)):.5f}   σ'(z) = {float(act.sigmoid_derivative(z0)):.2e}")

# %% [markdown]
# ### Exercise 6 — the steepest slope of the sigmoid
# What is the largest value of $\sigma'(z)$ over all $z$? Give a number to three significant digits (the
# check accepts anything within 0.1 % of the answer, so the maximum over a fine grid of $z$ counts too).

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

# %% [markdown]
# With weights of size at most 1 this is the **vanishing gradient (梯度消失)** problem: the first layers of a deep sigmoid network learn
# almost nothing. tanh's slope reaches 1 at $z = 0$, and ReLU's slope is exactly 1 for every positive
# input, which is one reason ReLU took over.
#
# ### Exercise 7 — ten layers
# Give the upper bound for the product of ten sigmoid slopes, as a number. Its size matters, not its last
# digit: the check accepts anything within 5 % of the exact value, so the rounded $10^{-6}$ counts.

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
