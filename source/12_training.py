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

# %%
### BEGIN SOLUTION
M = np.array([[1 + 0.5 - 0.1 * 4, -0.5], [1.0, 0.0]])
### END SOLUTION

# %%
check("12.heavy_ball_matrix", M)

# %% [markdown]
# The cell runs the momentum step of the lib (`SGD(eta, momentum)`) on $f = \tfrac12\cdot 4x^2$ and
# compares the shrinking with the spectral radius of `opt.heavy_ball_matrix`.

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
# $0 \le \beta < 1$. When they are real, one of them leaves the unit interval at $z = -1$, where
# $1 + (1+\beta-\eta\lambda) + \beta = 0$, i.e. at $\eta\lambda = 2(1+\beta)$. So
#
# $$\text{momentum converges on } \tfrac12\lambda x^2 \iff 0 \le \beta < 1 \text{ and }
#   0 < \eta < \frac{2(1+\beta)}{\lambda},$$
#
# twice chapter 04's bound $2/\lambda$ as $\beta \to 1$. The cell checks the derived edge against the
# eigenvalues on a grid of $(\eta, \beta)$.

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
# $(\kappa-1)/(\kappa+1)$ (chapter 04). With momentum the best choice puts both extreme curvatures on the
# complex circle of radius $\sqrt\beta$:
#
# $$\eta^* = \frac{4}{(\sqrt{\lambda_{\max}}+\sqrt{\lambda_{\min}})^2},\qquad
#   \beta^* = \Bigl(\frac{\sqrt\kappa-1}{\sqrt\kappa+1}\Bigr)^2,\qquad
#   \text{rate } \sqrt{\beta^*} = \frac{\sqrt\kappa-1}{\sqrt\kappa+1}.$$
#
# For $\kappa = 100$ the number of steps to gain a factor of 10 drops from about 115 to about 11.

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

# %%
g = np.array([0.5, -3.0, 1e-4])
m1, s1 = 0.1 * g, 0.001 * g ** 2
print("uncorrected first step / η:", np.round(m1 / np.sqrt(s1), 3))
print("corrected first step / η:  ", np.round((m1 / 0.1) / np.sqrt(s1 / 0.001), 3))

# %% [markdown]
# **A race.** Gradient descent, momentum and Adam from the same start on a ravine turned by 30°, each
# with its own learning rate on a slider. Find settings at which each one wins.

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
# $\partial(-\log p)/\partial z = y - t$, the same "output minus target" as squared error's.

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
