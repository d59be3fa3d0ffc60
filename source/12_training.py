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
# - derive squared error and cross entropy as negative log-likelihoods.
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

# %% [markdown]
# The squared error × $B$ stays at one sample's squared error, whatever $B$ is: the variance of the
# minibatch gradient falls as $1/B$.
#
# An **epoch (轮次)** is one pass over the training set in batches; with $N = 1347$ images and $B = 32$ it
# is 43 steps. The noise is not only a cost. It shakes the iterate out of flat regions and narrow
# minima, and it makes a step cost $B$ gradients instead of $N$. But noise of fixed size never settles:
# near a minimum the steps keep jumping around it by an amount proportional to $\eta$. That is why
# training usually **lowers $\eta$ as it goes** — a **learning-rate schedule** (`dlmath.optimizers`:
# `step_decay`, `cosine`).
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
