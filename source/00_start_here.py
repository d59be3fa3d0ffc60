# The one source of chapter 00: `python tools/build_notebooks.py 00` builds
# chapters/00_start_here.ipynb (learner copy) and solutions/00_start_here.ipynb (answered, executed).

# %% [markdown]
# # 00 · Start here
#
# Welcome to **The Mathematics of Deep Learning**. Chapter by chapter you build a neural network from
# the mathematics up: neurons and activation functions, vectors and derivatives, gradient descent,
# least squares and backpropagation, and onwards. The chapters there are today are the notebooks
# in the course's `chapters/` folder (the file browser on the left shows them under `my-work/`);
# new ones arrive with an update.
#
# Every idea appears three ways: as a **formula**, as a **picture you can move** with sliders, and as
# **code you write** and check on the spot.
#
# **In this chapter you will learn to**
# - run cells, and know what the *kernel* remembers between them;
# - move a slider and watch a figure follow it;
# - answer an exercise and read its self-check;
# - find the solutions, restart a notebook cleanly, see your progress, and take in an update of the course.
#
# You need nothing from earlier chapters: only a little Python.

# %% [markdown]
# ## 1. Cells and the kernel
#
# A notebook is a list of **cells**. Text cells like this one explain; code cells run Python.
# Click into a code cell and press **Shift + Enter** to run it and move to the next one.
#
# The code runs in a **kernel**, a Python process that remembers every variable you have defined, in the
# order you ran the cells — not the order they appear on the page. Run the next two cells.

# %%
import numpy as np

from dlmath import check, progress

weights = np.array([0.5, -1.0, 2.0])
print("three weights:", weights)

# %%
print("their sum is", round(float(weights.sum()), 2))

# %% [markdown]
# The numbers in this course are rounded when they are printed, so that what you see is the number that
# matters, not 16 digits of floating-point noise.

# %% [markdown]
# ## 2. A figure you can move
#
# Run the cell below, then drag the sliders: the line $y = w\,x + b$ follows the **slope** $w$ and the
# **intercept** $b$. Each move runs Python in the kernel, which redraws the figure in place, without
# flicker; every chapter has figures like this one. (The first line, `%matplotlib widget`, makes the
# figures you draw yourself with matplotlib live in the page too, through JupyterLab's *ipympl*
# extension.)

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.line import line_explorer

line_explorer()

# %% [markdown]
# Try it: which value of $b$ makes the line pass through the point $(0, 2)$? Which value of $w$ makes it
# flat? (Answers: $b = 2$, $w = 0$.)

# %% [markdown]
# ## 3. Exercises and self-checks
#
# Every exercise is a code cell with a `...` for you to replace, followed by a **one-line check**. The
# check prints one of three things:
#
# | mark | the line says | meaning |
# |---|---|---|
# | ⏳ | not attempted yet | the `...` is still there |
# | ❌ | not yet — *hint* | not right yet; the hint names what is wrong |
# | ✅ | correct | correct |
#
# The word after the exercise's name says the same as the mark, for screens that show no emoji.
#
# Here is a check at work on the question *"what is 2 + 3 · 4?"*, first answered wrong, then right:

# %%
check("00.demo", (2 + 3) * 4)

# %%
check("00.demo", 2 + 3 * 4)

# %% [markdown]
# A check never crashes your notebook: give it a string, `None`, a list of the wrong length or a function
# that never returns, and it tells you what it got instead of raising an error.

# %% [markdown]
# ### Exercise 1 — parameters of a neuron
#
# A neuron (神经元) with three inputs multiplies each input by its own **weight** and adds one
# **bias**. How many numbers (weights and bias together) does it have? Replace the `...` and run both
# cells.

# %%
### BEGIN SOLUTION
n_parameters = 3 + 1
### END SOLUTION

# %%
check("00.neuron_parameters", n_parameters)

# %% [markdown]
# ## 4. Restart and run all
#
# Because the kernel remembers what you ran, a notebook can work only because of a cell you have since
# deleted, or run in a different order. Before you trust a result, use the menu
# **Kernel → Restart Kernel and Run All Cells…**: it forgets every variable and runs the notebook from the
# top. Every chapter of this course runs top to bottom without an error even when no exercise has been
# answered, so a ⏳ is never an error.
#
# ### Exercise 2 — what does *Restart Kernel and Run All Cells* do?
#
# - **a** saves the notebook
# - **b** forgets every variable and runs every cell from the top, in order
# - **c** deletes your answers and restores the original notebook
#
# Answer with the letter in quotes, e.g. `restart_answer = "a"`.

# %%
### BEGIN SOLUTION
restart_answer = "b"
### END SOLUTION

# %%
check("00.restart_run_all", restart_answer)

# %% [markdown]
# ## 5. Your copies, solutions, progress and updates
#
# - **Your own copies.** You are working in `my-work/`, your own copy of every chapter, made the first
#   time you ran `dlmath open`. Git ignores this folder, so nothing the course does ever touches it. The
#   originals in `chapters/` are the course as published: leave them as they are.
# - **Solutions.** Each chapter has a twin in `solutions/`: the same notebook with every exercise answered
#   and run. Try first; the hints are meant to get you there. Running a solution does not count as your
#   work.
# - **Progress.** Every check you run in your copies is remembered (in a small file in your home folder,
#   `~/.dlmath/progress.json`). An exercise is *done* once you have solved it, and stays done: a Run All
#   that finds its `...` still there leaves it alone, and a later wrong answer is shown in the table
#   without undoing the solve. `progress()` below, or `dlmath progress` in a terminal, shows each chapter
#   and the next exercise to do; `dlmath progress --reset 04` forgets chapter 04's results (`--reset`
#   alone: all of them), keeping a dated copy of the old file.

# %% tags=["nbval-ignore-output"]
progress()

# %% [markdown]
# - **Updates.** In a terminal in the course's folder, `git pull` fetches a new version of the course,
#   and the next `dlmath open` tells you which chapters changed (so does the top of a chapter whose copy
#   is older). `dlmath update 04` then makes the new version of chapter 04 with your answers carried into
#   it, each to its own exercise; your old copy is kept in `my-work/backups/`, and anything it could not
#   carry (an answer to an exercise that was taken out) is listed with where it is. A copy you have not
#   started simply becomes the new version.
# - **A fresh start, and back.** `dlmath reset 04` gives you a fresh copy of chapter 04; your old copy is
#   kept in `my-work/backups/` with the date in its name, and `dlmath restore 04` brings it back
#   (`dlmath restore 04 --list` lists every backup). If the notebook is open in JupyterLab, these commands
#   ask first; afterwards use **File → Reload Notebook from Disk**. (`dlmath check my-work/04_….ipynb` runs
#   a copy of a notebook and lists every exercise's verdict without changing the file.)
# - **Glossary.** Each key term is given once with its Chinese name in brackets, e.g. *unit step function
#   (单位阶跃函数)*; all of them are collected in `chapters/glossary.md`.
# - **The library.** The code you write by hand in a chapter becomes a function of the course library
#   `dlmath` for the chapters after it, e.g. `dlmath.ops.sigmoid`. Its source is in `lib/dlmath/`;
#   read it whenever you want to see how something is done.
#
# ## Summary
# - Shift + Enter runs a cell; the kernel remembers what you ran, in the order you ran it.
# - Sliders redraw figures in place; the exercises check themselves with ⏳ / ❌ + hint / ✅.
# - Restart and run all before you trust a result; the solutions are in `solutions/`.
# - Work in `my-work/`; `dlmath open` starts the course, `dlmath progress` shows where you are,
#   `git pull` and `dlmath update` bring updates, `dlmath reset NN` a fresh copy, `dlmath restore NN` the old one.
#
# **Next:** [01 · Neurons: step, sigmoid and friends](01_neurons_step_sigmoid.ipynb) — the neuron, its
# weighted input and the functions that decide whether it fires.
