# The one source of chapter 04: `python tools/build_notebooks.py 04` builds
# chapters/04_gradient_descent.ipynb and solutions/04_gradient_descent.ipynb.

# %% [markdown]
# # 04 · Gradient descent
#
# **Goals.** After this chapter you can
# - derive the update $\Delta\mathbf{x} = -\eta\,\nabla f$ from the approximation
#   $\Delta f \approx \nabla f\cdot\Delta\mathbf{x}$ and the Cauchy–Schwarz inequality;
# - compute a gradient $\nabla f$ with sympy and check it against central differences;
# - run gradient descent by hand in one, two and $n$ dimensions, then with
#   `dlmath.optimize.gradient_descent`;
# - tell a learning rate $\eta$ that is too small, well chosen, too large (oscillating) or divergent,
#   and compute the largest stable one, $2/\lambda_{\max}$, for a quadratic bowl from the eigenvalues of
#   its Hessian;
# - explain why gradient descent can stop in a poor local minimum of a function that is not a bowl.
#
# **You need** from [chapter 02](02_vectors_cauchy_schwarz.ipynb) the inner product and the
# Cauchy–Schwarz inequality, and from [chapter 03](03_derivatives.ipynb) partial derivatives and the
# approximation formula $\Delta z \approx \nabla z\cdot\Delta\mathbf{x}$, the second derivative $f''$ and the
# Hessian with its eigenvalues, the curvatures. They are restated below where they are used.

# %%
import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

from dlmath import calculus, check
from dlmath import optimize as opt
from dlmath.calculus import gradient as numerical_gradient

rng = np.random.default_rng(4)  # every random number in this chapter comes from here

# %% [markdown]
# ## 1. Walking downhill
#
# Training a network means finding the weights and biases that make a cost function as small as
# possible. Chapter 03 gave a condition for a minimum of a smooth $f(x, y)$: both partial derivatives
# vanish, $\partial f/\partial x = \partial f/\partial y = 0$. For two unknowns we can solve those
# equations. The 12-3-2 network of chapter 01 has 47 unknowns and the equations are far from linear;
# real networks have millions. Nobody solves those equations.
#
# Instead we walk: start at some point, take a small step in the direction in which $f$ falls fastest,
# and repeat. This is **gradient descent (梯度下降法)**; in numerical analysis it is also called
# **steepest descent (最速下降法)**. Two questions remain: *which* direction falls fastest, and *how
# long* a step to take. The first has an exact answer, the second is the rest of the chapter.
#
# ## 2. Which way is steepest?
#
# **The approximation formula** (chapter 03). Move from $(x, y)$ by a small $(\Delta x, \Delta y)$; then
#
# $$\Delta f \approx \frac{\partial f}{\partial x}\,\Delta x + \frac{\partial f}{\partial y}\,\Delta y
#   = \nabla f\cdot\Delta\mathbf{x},
#   \qquad \nabla f = \Bigl(\frac{\partial f}{\partial x}, \frac{\partial f}{\partial y}\Bigr),
#   \quad \Delta\mathbf{x} = (\Delta x, \Delta y).$$
#
# The vector of partial derivatives $\nabla f$ is the gradient of $f$ (chapter 03). The change of $f$
# is (approximately) an inner product.
#
# **Cauchy–Schwarz** (chapter 02). For any two vectors
# $-\lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert \le \mathbf{a}\cdot\mathbf{b} \le \lVert\mathbf{a}\rVert\lVert\mathbf{b}\rVert$,
# and, for $\mathbf{a}, \mathbf{b} \ne \mathbf{0}$, the left-hand equality holds exactly when $\mathbf{b}$
# points opposite to $\mathbf{a}$: $\mathbf{b} = -k\,\mathbf{a}$ with $k > 0$.
#
# Put $\mathbf{a} = \nabla f$ and $\mathbf{b} = \Delta\mathbf{x}$, and fix the length of the step,
# $\lVert\Delta\mathbf{x}\rVert = \varepsilon$:
#
# $$\Delta f \approx \nabla f\cdot\Delta\mathbf{x} \;\ge\; -\varepsilon\,\lVert\nabla f\rVert ,$$
#
# and the smallest (most negative) $\Delta f$ is reached exactly when $\Delta\mathbf{x}$ points along
# $-\nabla f$. So among all steps of one length, **the step along $-\nabla f$ decreases $f$ the most**.
# The gradient itself points uphill, in the direction of steepest *ascent*.
#
# Let's test that claim without trusting it: on $f(x, y) = x^2 + xy + 2y^2$ at $(1, 1)$, try 3600
# directions of length $\varepsilon = 0.001$, measure the real $\Delta f$ of each, and compare the best
# one with the direction of $-\nabla f$.

# %%
def f_demo(p):
    # `...` is numpy's Ellipsis, "all axes before the last" (not a stub's placeholder): p[..., 0] is p[0]
    # for one point of shape (2,) and p[:, 0] for a stack of shape (m, 2)
    x, y = p[..., 0], p[..., 1]
    return x**2 + x * y + 2 * y**2


p0, eps = np.array([1.0, 1.0]), 1e-3
angles = np.linspace(-np.pi, np.pi, 3600, endpoint=False)
steps = eps * np.stack([np.cos(angles), np.sin(angles)], axis=1)  # 3600 steps of length ε
delta_f = f_demo(p0 + steps) - f_demo(p0)
best = angles[np.argmin(delta_f)]
g = numerical_gradient(f_demo, p0)  # ∇f by central differences (chapter 03)
downhill = np.arctan2(-g[1], -g[0])
print(f"∇f(1, 1) ≈ {np.round(g, 4)}")
print(f"direction of the largest decrease: {np.degrees(best):.1f}°   direction of −∇f: {np.degrees(downhill):.1f}°")
print(f"largest decrease {delta_f.min():.6f}   prediction −ε‖∇f‖ = {-eps * np.linalg.norm(g):.6f}")

# %% [markdown]
# The two directions agree to the 0.1° of the grid, and the decrease is the $-\varepsilon\lVert\nabla f\rVert$
# Cauchy–Schwarz predicts.
#
# ### Exercise 1 — the steepest step
# At some point the gradient is $\nabla f = (-5, 12)$. Which step $\Delta\mathbf{x}$ of length $0.26$
# decreases $f$ the most (to first order)? Give it as an array of two numbers.

# %%
grad_here = np.array([-5.0, 12.0])
### BEGIN SOLUTION
steepest_step = -0.26 * grad_here / np.linalg.norm(grad_here)
### END SOLUTION

# %%
check("04.steepest_step", steepest_step)

# %% [markdown]
# ## 3. The ∇ operator
#
# The symbol $\nabla$ (read "nabla" or "del") is the **nabla operator (哈密顿算子, 梯度算子)**. Applied to a
# function of $n$ variables it gives the vector of its partial derivatives:
#
# $$\nabla f = \Bigl(\frac{\partial f}{\partial x_1}, \frac{\partial f}{\partial x_2}, \dots,
#   \frac{\partial f}{\partial x_n}\Bigr).$$
#
# *A note on names.* *The Mathematics of Deep Learning* calls $\nabla$ 哈密顿算子, "Hamilton's
# operator", after W. R. Hamilton, who introduced the operator — but he wrote it as a triangle on its
# side, $\triangleleft$. The upright symbol $\nabla$ is P. G. Tait's, from his work on Hamilton's
# quaternions a few decades later, and the name "nabla" (a harp of that shape) came with it. In English say
# "nabla", "del" or "the gradient operator": "the Hamiltonian operator" means something else entirely (the
# energy operator of quantum mechanics).
#
# sympy builds $\nabla f$ one partial derivative at a time; `sp.lambdify` turns the result into a
# numpy function, which we check against central differences at a few random points.

# %%
x, y = sp.symbols("x y")
f_sym = x**2 + x * y + 2 * y**2
nabla_f = [sp.diff(f_sym, v) for v in (x, y)]
sp.Matrix([nabla_f])  # shown as a row vector

# %%
nabla_f_numpy = sp.lambdify((x, y), nabla_f, "numpy")
for p in rng.uniform(-2, 2, size=(3, 2)):
    exact, numeric = np.array(nabla_f_numpy(*p)), numerical_gradient(f_demo, p)
    print(f"at {np.round(p, 2)}:  sympy {np.round(exact, 6)}   central differences {np.round(numeric, 6)}")

# %% [markdown]
# ### Exercises 2 and 3 — a gradient with sympy
# Let $g(x, y) = x^2e^{y} + y^2$. Give its two partial derivatives as sympy expressions in the symbols
# `x`, `y` above: `dg_dx` $= \partial g/\partial x$ (exercise 2) and `dg_dy` $= \partial g/\partial y$
# (exercise 3). Together they are $\nabla g$.

# %%
g_sym = x**2 * sp.exp(y) + y**2
### BEGIN SOLUTION
dg_dx = sp.diff(g_sym, x)
### END SOLUTION

# %%
check("04.gradient_x", dg_dx)

# %%
### BEGIN SOLUTION
dg_dy = sp.diff(g_sym, y)
### END SOLUTION

# %%
check("04.gradient_y", dg_dy)

# %% [markdown]
# ## 4. The update rule and the learning rate
#
# Section 2 says: the best step is the equality case of Cauchy–Schwarz, $\Delta\mathbf{x} = -k\,\nabla f$
# with some $k > 0$. There the step *length* was fixed, $\lVert\Delta\mathbf{x}\rVert = \varepsilon$, which
# makes $k = \varepsilon/\lVert\nabla f\rVert$ change from point to point. Gradient descent makes the
# opposite, simpler choice: it keeps $k$ fixed instead of the length. Call that positive constant $\eta$,
# and gradient descent takes the step
#
# $$\Delta\mathbf{x} = -\eta\,\nabla f(\mathbf{x}), \qquad\text{that is}\qquad
#   \mathbf{x}_{k+1} = \mathbf{x}_k - \eta\,\nabla f(\mathbf{x}_k), \quad \eta > 0 .$$
#
# The positive number $\eta$ (eta) is the **learning rate (学习率)**. The step is not of fixed length:
# it is $\eta\lVert\nabla f\rVert$, long on steep ground and short near the bottom, where
# $\nabla f \to 0$. The process is a sequence defined by a recurrence relation, $\mathbf{x}_{k+1}$ from
# $\mathbf{x}_k$, the kind chapter 03 introduced.
#
# How large should $\eta$ be? The book says it is "a small positive constant" and that there is no
# clear rule for choosing it, only trial and error. The approximation $\Delta f \approx \nabla f\cdot\Delta\mathbf{x}$
# holds only for small steps, so $\eta$ must not be too large; how large is too large we can, for many
# functions, say exactly (sections 5 and 6).
#
# ### Exercise 4 — one step by hand
# $f(x, y) = x^2 + 3y^2$, start $\mathbf{p} = (1, 2)$, $\eta = 0.1$. Give the new point
# $\mathbf{p} - \eta\nabla f(\mathbf{p})$ as an array.

# %%
### BEGIN SOLUTION
new_point = np.array([1.0, 2.0]) - 0.1 * np.array([2 * 1.0, 6 * 2.0])  # ∇f = (2x, 6y) at (1, 2)
### END SOLUTION

# %%
check("04.update_step", new_point)

# %% [markdown]
# ### Exercise 5 — the update as a function
# Write `gradient_step(x, grad, eta)` that returns the new point $x - \eta\cdot\text{grad}$. It must
# work when `x` and `grad` are numbers and when they are numpy arrays of the same shape. Return a new
# value; don't change `x` in place (no `x -= ...`): the caller may still need the old point.

# %%
def gradient_step(x, grad, eta):
    ### BEGIN SOLUTION
    return x - eta * grad
    ### END SOLUTION


# %%
check("04.gradient_step", gradient_step)

# %% [markdown]
# Repeat the step and you have the algorithm. Here are five steps on $f(x, y) = x^2 + 3y^2$ from
# $(1, 2)$, written out; $f$ falls at every step.

# %%
def f_bowl(p):
    return p[0] ** 2 + 3 * p[1] ** 2


def grad_bowl(p):
    return np.array([2 * p[0], 6 * p[1]])


p = np.array([1.0, 2.0])
for k in range(1, 6):
    p = p - 0.1 * grad_bowl(p)  # x_{k+1} = x_k − η ∇f(x_k)
    print(f"step {k}: p = {np.round(p, 4)}   f(p) = {f_bowl(p):.5f}")

# %% [markdown]
# From now on the course uses `dlmath.optimize.gradient_descent(grad, x0, eta, steps, tol, f)`. It keeps
# the whole path, stops when a step gets shorter than `tol` (converged), when the budget of `steps` is
# spent, or when the iterate runs off towards infinity (diverged) — and says which, instead of filling
# the screen with overflow warnings.

# %%
run = opt.gradient_descent(grad_bowl, [1.0, 2.0], eta=0.1, steps=500, tol=1e-10, f=f_bowl)
print(run.message, "  final point", np.round(run.x, 8), f"  f = {run.values[-1]:.2e}")

# %% [markdown]
# ## 5. One variable: too small, just right, too large, divergent
#
# Take the parabola $f(x) = (x - 2)^2$ with its minimum at $x^* = 2$. Then $f'(x) = 2(x - 2)$ and the
# update is $x_{k+1} = x_k - 2\eta\,(x_k - 2)$. Subtract 2 from both sides:
#
# $$x_{k+1} - 2 = (1 - 2\eta)\,(x_k - 2) \qquad\Longrightarrow\qquad x_k - 2 = (1 - 2\eta)^k\,(x_0 - 2).$$
#
# Each step multiplies the distance to the minimum by $q = 1 - 2\eta$. When the distances shrink to 0 the
# run shows **convergence (收敛)** to the minimum; when they grow without bound, **divergence (发散)**.
# Everything about $\eta$ follows:
#
# | $\eta$ | $q = 1 - 2\eta$ | what happens |
# |---|---|---|
# | small, e.g. $0.02$ | just below 1 | creeps towards 2: **too small**, slow |
# | e.g. $0.4$ | $0.2$ | approaches 2 from one side, fast: **well chosen** |
# | $\tfrac12$ | 0 | lands on the minimum in one step |
# | between $\tfrac12$ and 1, e.g. $0.9$ | between −1 and 0 | jumps over the minimum each time, but by less and less: **oscillating** |
# | $1$ | −1 | bounces between $x_0$ and $4 - x_0$ forever |
# | above 1 | below −1 | every jump lands farther away: **divergent** |
#
# The 2 in $1 - 2\eta$ is the curvature $f''(x) = 2$. For any parabola with curvature $f'' > 0$ the
# factor is $1 - \eta f''$, and gradient descent converges exactly when $|1 - \eta f''| < 1$:
#
# $$0 < \eta < \frac{2}{f''} .$$

# %%
def f_1d(x):
    return (x - 2.0) ** 2


def df_1d(x):
    return 2.0 * (x - 2.0)


etas_1d = {"too small": 0.02, "well chosen": 0.4, "too large": 0.9, "divergent": 1.05}
runs_1d = {name: opt.gradient_descent(df_1d, -1.0, eta, steps=25, tol=1e-6, f=f_1d)
           for name, eta in etas_1d.items()}
for name, r in runs_1d.items():
    print(f"{name:12s} η = {etas_1d[name]:4.2f}: {r.verdict:12s} x = {float(r.x[0]):9.4f} after {r.steps} steps")

# %% tags=["nbval-ignore-output"]
xs = np.linspace(-4, 8, 200)
fig, axes = plt.subplots(1, 4, figsize=(9.5, 2.7), sharey=True, layout="constrained")
for ax, (name, r) in zip(axes, runs_1d.items()):
    ax.plot(xs, f_1d(xs), color="0.6", lw=1)
    ax.plot(r.path[:, 0], r.values, "-o", ms=3, lw=1, color="C3")
    ax.set(title=f"{name}: η = {etas_1d[name]}", xlabel="x", xlim=(-4, 8), ylim=(-1, 38))
axes[0].set_ylabel("f(x) = (x − 2)²");

# %% [markdown]
# ### Exercise 6 — counting steps
# Gradient descent on $f(x) = x^2$ from $x_0 = 1$ with $\eta = 0.25$. After how many steps $k$ is
# $|x_k| < 10^{-3}$ for the first time? Give the number (a loop or a logarithm both work).

# %%
### BEGIN SOLUTION
n_steps = next(k for k in range(1, 100) if 0.5**k < 1e-3)  # x_k = (1 − 2·0.25)^k · x_0
### END SOLUTION

# %%
check("04.steps_to_tolerance", n_steps)

# %% [markdown]
# ### Exercise 7 — the largest stable learning rate
# For $f(x) = 3x^2 - 12x + 7$, gradient descent converges for every $\eta$ below some bound and diverges
# above it. Give that bound (three significant digits are enough: the check accepts anything within
# 0.2 % of it).

# %%
### BEGIN SOLUTION
largest_eta = 2 / 6  # f''(x) = 6
### END SOLUTION

# %%
check("04.largest_stable_eta", largest_eta)

# %% [markdown]
# > **⚠️ Careful — "small" is measured against the curvature.** The book calls $\eta$ "a small positive
# > constant". But no number is small or large on its own: $\eta = 0.05$ is comfortably safe on
# > $f(x) = x^2$ ($2/f'' = 1$) and diverges on $f(x) = 25x^2$, whose curvature $f'' = 50$ puts the bound
# > at $2/50 = 0.04$. Rescale the cost (more data points in a sum, other units) and the same $\eta$ changes
# > from fine to fatal. The cell runs both.

# %%
for a in (1.0, 25.0):
    r = opt.gradient_descent(lambda x: 2 * a * x, 1.0, eta=0.05, steps=2000, f=lambda x: a * x**2)
    print(f"f(x) = {a:g}·x², 2/f'' = {2 / (2 * a):.2f}, η = 0.05: {r.message}")

# %% [markdown]
# ## 6. Two variables: a long narrow valley
#
# The interactive figure descends on the bowl
#
# $$f(x, y) = \tfrac12\,\mathbf{p}^\mathsf{T} A\,\mathbf{p} = 2.75x^2 + 4.5xy + 2.75y^2, \qquad
#   \mathbf{p} = \begin{pmatrix} x \\ y \end{pmatrix}, \quad
#   A = \begin{pmatrix} 5.5 & 4.5 \\ 4.5 & 5.5 \end{pmatrix}, \quad \nabla f = A\mathbf{p}.$$
#
# Its minimum is at the origin. Along the diagonal $(1, 1)$ the bowl is steep (curvature 10), along
# $(1, -1)$ it is flat (curvature 1): a long valley from top-left to bottom-right. $A$ is the Hessian of
# $f$ (chapter 03), the same at every point because $f$ is quadratic. Its eigenvalues $\lambda$ are the
# curvatures along its eigenvectors, the two special directions: both positive means $f$ is a bowl, and
# the larger one belongs to the steep direction. (Chapter 10 treats eigenvalues in general.)
# In each of these directions gradient descent
# behaves like the parabola of section 5, with factor $1 - \eta\lambda$. Both factors must lie in
# $(-1, 1)$, and the steep direction is the strict one:
#
# $$0 < \eta < \frac{2}{\lambda_{\max}} = \frac{2}{10} = 0.2 .$$
#
# `opt.Quadratic(A)` is this bowl, with `.f`, `.grad`, `.curvatures` and `.largest_stable_eta`.

# %%
bowl = opt.Quadratic([[5.5, 4.5], [4.5, 5.5]])
print("Hessian by central differences:", np.round(calculus.hessian(bowl.f, [0.3, -1.0]), 6).tolist())
print("curvatures (eigenvalues of A):", bowl.curvatures, f"  largest stable η = 2/λ_max = {bowl.largest_stable_eta:.3f}")
p = np.array([-2.5, -0.5])
print("∇f by formula", np.round(bowl.grad(p), 6), "  by central differences", np.round(numerical_gradient(bowl.f, p), 6))

# %% [markdown]
# **The explorer.** The left panel is the contour map of $f$ (each curve is a level set $f = $ const)
# with the path of gradient descent from the square to the red dot; the star is the minimum. The grey
# arrows show the direction of $-\nabla f$ at points of a grid: each crosses its contour line at a right
# angle, and most of them point across the valley rather than at the star. The right
# panel is the loss $f(\mathbf{x}_k)$ per step on a logarithmic axis, where steady convergence is a
# falling straight line. The title gives the verdict. Try:
# - $\eta \approx 0.01$: **too small** — the path crawls and the budget runs out;
# - $\eta \approx 0.15$ to $0.18$: **well chosen** — converged in a few dozen steps;
# - $\eta \approx 0.195$: **too large** — the path zig-zags across the valley;
# - $\eta \approx 0.21$: **divergent** — the zig-zag grows and the loss climbs. The path leaves the map
#   and is drawn at its edge.
#
# Then move the start point: starting on the valley floor (say $x_0 = 2$, $y_0 = -2$) there is no
# zig-zag at all, and starting on the steep diagonal ($x_0 = y_0$) there is no crawling. On the valley
# floor even $\eta = 0.21$ converges, because the steep direction is never touched; move $y_0$ one notch
# and it diverges. That is why the bound holds "from almost every start".

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.descent import descent_explorer

descent_explorer()

# %% [markdown]
# The same four regimes, as numbers (the explorer runs exactly this, through
# `dlmath.explorers.descent.descent_path`):

# %%
for eta in (0.01, 0.17, 0.195, 0.21):
    r = bowl.descend([-2.5, -0.5], eta, steps=50, tol=1e-4)
    print(f"η = {eta:5.3f}: {r.verdict:12s} after {r.steps:2d} steps, distance to the minimum {np.linalg.norm(r.x):.2e}")

# %% [markdown]
# ### Exercise 8 — just above the bound
# Gradient descent runs on $f = \tfrac12\mathbf{x}^\mathsf{T}A\mathbf{x}$ with $\eta$ slightly above
# $2/\lambda_{\max}$. From almost every start,
# **a** it still converges, only more slowly · **b** it converges faster, because the steps are larger ·
# **c** it zig-zags along the steepest direction with growing amplitude: it diverges ·
# **d** it stops moving after a while. Answer with the letter in quotes.

# %%
### BEGIN SOLUTION
just_above = "c"
### END SOLUTION

# %%
check("04.above_threshold", just_above)

# %% [markdown]
# ### Exercise 9 — where does the gradient point?
# True or false: on $f(x, y) = x^2 + 10y^2$, the direction $-\nabla f(2, 1)$ points straight at the
# minimum $(0, 0)$.

# %%
### BEGIN SOLUTION
points_at_minimum = False
### END SOLUTION

# %%
check("04.gradient_points_to_minimum", points_at_minimum)

# %% [markdown]
# > **⚠️ Careful — the gradient does not point to the minimum.** $\nabla f$ points *uphill*, and
# > $-\nabla f$ is the steepest way down *from here*, which on an elongated bowl is mostly across the
# > valley, not along it to the bottom. That is why the path zig-zags. The cell measures the angle
# > between $-\nabla f$ and the direction to the minimum on $f = x^2 + 10y^2$.

# %%
def grad_long_bowl(p):
    return np.array([2 * p[0], 20 * p[1]])  # ∇(x² + 10y²)


for p in ([2.0, 1.0], [2.0, 0.1], [0.0, 1.0]):
    p = np.array(p)
    down, to_min = -grad_long_bowl(p) + 0.0, -p + 0.0  # + 0.0 turns −0 into 0 for printing
    cos = down @ to_min / (np.linalg.norm(down) * np.linalg.norm(to_min))
    print(f"at {p}: −∇f = {down}, towards the minimum {to_min}, angle {np.degrees(np.arccos(cos)):5.1f}°")

# %% [markdown]
# Only on the axes, the two special directions, does $-\nabla f$ aim at the minimum; on a round bowl
# ($x^2 + y^2$) it always does.
#
# > **⚠️ Careful — a smaller η is always safer, but not always better.** Below $2/\lambda_{\max}$, making
# > $\eta$ smaller never causes divergence. It can cause something as bad in practice: a run that never
# > arrives. The flat direction of the valley shrinks by only $1 - \eta\lambda_{\min}$ per step, so with
# > $\eta = 0.001$ the path needs thousands of steps to travel what $\eta = 0.17$ does in under a hundred.
# > With a budget of 1000 steps:

# %%
for eta in (0.001, 0.01, 0.17):
    r = bowl.descend([-2.5, -0.5], eta, steps=1000, tol=1e-6)
    print(f"η = {eta:5.3f}: {r.message:44s} distance to the minimum {np.linalg.norm(r.x):.2e}")

# %% [markdown]
# ## 7. n variables
#
# Nothing in $\mathbf{x}_{k+1} = \mathbf{x}_k - \eta\nabla f(\mathbf{x}_k)$ depends on the number of
# variables: $\nabla f$ simply has $n$ components. Here is a bowl in 10 dimensions,
# $f(\mathbf{x}) = \tfrac12(\mathbf{x}-\mathbf{c})^\mathsf{T}A(\mathbf{x}-\mathbf{c})$, with ten curvatures
# from 1 to 20 along ten random perpendicular directions and a random minimiser $\mathbf{c}$. The rule
# $\eta < 2/\lambda_{\max} = 0.1$ still decides everything.

# %%
Q, _ = np.linalg.qr(rng.normal(size=(10, 10)))  # ten random perpendicular directions
A10 = Q @ np.diag(np.linspace(1, 20, 10)) @ Q.T
A10 = (A10 + A10.T) / 2  # symmetric up to rounding
bowl10 = opt.Quadratic(A10, center=rng.normal(size=10))
x0_10 = np.zeros(10)
print(f"largest stable η = {bowl10.largest_stable_eta:.4f}")
print("gradient check at x0:", np.allclose(bowl10.grad(x0_10), numerical_gradient(bowl10.f, x0_10), atol=1e-6))
runs_10 = {eta: bowl10.descend(x0_10, eta, steps=300, tol=1e-10) for eta in (0.01, 0.09, 0.099, 0.101)}
for eta, r in runs_10.items():
    error = np.linalg.norm(r.x - bowl10.minimiser)
    print(f"η = {eta:5.3f}: {r.verdict:11s} after {r.steps:3d} steps, distance to the minimiser {error:.1e}")

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(6, 3.2), layout="constrained")
for eta, r in runs_10.items():
    ax.semilogy(np.maximum(r.values, 1e-20), label=f"η = {eta}")
ax.set(xlabel="step k", ylabel="f(x_k)", title="10-D bowl: loss per step", ylim=(1e-20, 1e12))
ax.legend(fontsize=8);

# %% [markdown]
# The best learning rate is not the largest safe one. The speed is set by the worst of the ten factors
# $|1 - \eta\lambda|$, which `opt.contraction(A, eta)` computes. At $\eta = 0.099$ the steepest
# direction barely shrinks ($|1 - 0.099\cdot 20| = 0.98$ per step) and oscillates; at $\eta = 0.01$ the
# flattest one barely moves ($1 - 0.01\cdot 1 = 0.99$). In between, $\eta = 0.09$ keeps every factor
# at or below $0.91$.

# %%
for eta in runs_10:
    print(f"η = {eta:5.3f}: worst factor per step max|1 − ηλ| = {opt.contraction(A10, eta):.3f}")

# %% [markdown]
# ## 8. When $f$ is not a bowl: a poor local minimum
#
# Every function so far was a bowl: one minimum, and every path that converges ends there. The cost of a
# neural network is not a bowl. Take the one-variable function
#
# $$f(x) = x^4 - 4x^2 + x, \qquad f'(x) = 4x^3 - 8x + 1, \qquad f''(x) = 12x^2 - 8 .$$
#
# $f'$ has three zeros. The second-derivative test of chapter 03 sorts them: two minima, one maximum
# between them, and the two minima are not equally deep.

# %%
w_shape = x**4 - 4 * x**2 + x
for root in sorted(sp.Poly(sp.diff(w_shape, x), x).nroots()):
    r_ = float(sp.re(root))
    curvature = float(sp.diff(w_shape, x, 2).subs(x, r_))
    kind = "minimum" if curvature > 0 else "maximum"
    print(f"x = {r_:7.4f}   f(x) = {float(w_shape.subs(x, r_)):7.4f}   f''(x) = {curvature:6.2f}  →  local {kind}")

# %% [markdown]
# Gradient descent only ever looks at the slope where it stands. Started on the right it rolls into the
# right-hand minimum and stops there, converged, with $f$ more than 2.8 higher than at the deepest point;
# started on the left it finds the deep one. Both runs use the same, well-chosen $\eta$.

# %%
def f_wiggle(t):
    return t**4 - 4 * t**2 + t


def df_wiggle(t):
    return 4 * t**3 - 8 * t + 1


runs_wiggle = {x0_: opt.gradient_descent(df_wiggle, x0_, eta=0.02, steps=500, tol=1e-8, f=f_wiggle)
               for x0_ in (2.0, -2.0, 0.1, 0.2)}
for x0_, r in runs_wiggle.items():
    print(f"start x0 = {x0_:4.1f}: {r.verdict} at x = {float(r.x[0]):7.4f}, f = {r.values[-1]:7.4f}")

# %% tags=["nbval-ignore-output"]
ts = np.linspace(-2.2, 2.2, 300)
fig, ax = plt.subplots(figsize=(6, 3.2), layout="constrained")
ax.plot(ts, f_wiggle(ts), color="0.5", lw=1.2)
for (x0_, r), color in zip(runs_wiggle.items(), ["C3", "C0", "C1", "C2"]):
    ax.plot(r.path[:, 0], r.values, "-o", ms=3, lw=1, color=color, label=f"from x0 = {x0_}")
ax.set(xlabel="x", ylabel="f(x) = x⁴ − 4x² + x", title="two valleys: where you start decides where you stop")
ax.legend(fontsize=8);

# %% [markdown]
# > **⚠️ Careful — gradient descent finds *a* minimum, not *the* minimum.** "Converged" means only that
# > the slope has vanished where the path stopped. On a bowl (a Hessian with only positive eigenvalues
# > everywhere, a **convex function (凸函数)**) that is the global minimum; otherwise it may be a poor local
# > one, and starts $0.1$ apart (above) can end in different valleys. The cost functions of networks from
# > chapter 06 on are not convex. In practice many of their local minima turn out nearly as good as each
# > other, and training uses random starts and noisy gradients, but nothing in the update rule
# > guarantees the best answer.

# %% [markdown]
# ## Summary
# - By the approximation formula $\Delta f \approx \nabla f\cdot\Delta\mathbf{x}$ and Cauchy–Schwarz,
#   among all steps of one length the step along $-\nabla f$ decreases $f$ the most.
# - Gradient descent: $\mathbf{x}_{k+1} = \mathbf{x}_k - \eta\nabla f(\mathbf{x}_k)$, with the nabla
#   operator $\nabla f = (\partial f/\partial x_1, \dots, \partial f/\partial x_n)$ and the learning rate
#   $\eta > 0$. It works the same in 1, 2 or $n$ dimensions.
# - On a parabola each step multiplies the distance to the minimum by $1 - \eta f''$; on a quadratic
#   bowl by $1 - \eta\lambda$ along each direction of curvature $\lambda$. So $\eta < 2/\lambda_{\max}$
#   converges and $\eta > 2/\lambda_{\max}$ diverges (from almost every start); too small is slow, near
#   the bound oscillates.
# - $-\nabla f$ points downhill, not at the minimum; a tiny $\eta$ is safe but may never arrive.
# - Off a bowl, gradient descent stops in whichever minimum the start leads to, possibly a poor local one.
#
# **Next:** [05 · Least squares](05_least_squares.ipynb) — the first real cost function, minimised
# once by solving $\partial C_T/\partial p = \partial C_T/\partial q = 0$ and once by gradient descent.
