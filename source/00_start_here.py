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

# %% [markdown] lang="zh" twin="2240c9d3"
# # 00 · 从这里开始
#
# 欢迎学习**深度学习的数学**。你将一章一章地从数学出发搭起一个神经网络：神经元与激活函数、向量与导数、梯度下降法、最小二乘法与误差反向传播法，以及更多内容。目前已有的章节，就是课程
# `chapters/zh/` 文件夹里的笔记本（左侧的文件浏览器把它们显示在 `my-work/zh/` 下）；新的章节会随课程更新加入。
#
# 每个概念都以三种方式出现：**公式**、用滑块就能**拖动的图**，以及**你亲手写的代码**（写完当场就能检查）。
#
# **本章你将学会**
# - 运行单元格，并知道*内核*在单元格之间记住了什么；
# - 拖动滑块，看图形随之变化；
# - 回答练习，并读懂它的自检结果；
# - 找到参考答案，干净地重启笔记本，查看学习进度，以及接收课程的更新。
#
# 你不需要前面章节的任何知识，只要会一点 Python。

# %% [markdown]
# ## 1. Cells and the kernel
#
# A notebook is a list of **cells**. Text cells like this one explain; code cells run Python.
# Click into a code cell and press **Shift + Enter** to run it and move to the next one.
#
# The code runs in a **kernel**, a Python process that remembers every variable you have defined, in the
# order you ran the cells — not the order they appear on the page. Run the next two cells.

# %% [markdown] lang="zh" twin="0ec3c668"
# ## 1. 单元格与内核
#
# 笔记本由一串**单元格**组成。像这样的文本单元格负责讲解，代码单元格运行 Python。点进一个代码单元格，按
# **Shift + Enter**，就会运行它并跳到下一个单元格。
#
# 代码在**内核**中运行。内核是一个 Python 进程，它记得你定义过的每一个变量，而且是按照你运行单元格的顺序记住的，不是按照单元格在页面上出现的顺序。请运行下面两个单元格。

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

# %% [markdown] lang="zh" twin="558b3c2c"
# 本课程打印数字时会做舍入，让你看到的是真正要紧的那几位，而不是 16 位浮点数的噪声。

# %% [markdown]
# ## 2. A figure you can move
#
# Run the cell below, then drag the sliders: the line $y = w\,x + b$ follows the **slope** $w$ and the
# **intercept** $b$. Each move runs Python in the kernel, which redraws the figure in place, without
# flicker; every chapter has figures like this one. (The first line, `%matplotlib widget`, makes the
# figures you draw yourself with matplotlib live in the page too, through JupyterLab's *ipympl*
# extension.)

# %% [markdown] lang="zh" twin="bbb283ed"
# ## 2. 一张可以拖动的图
#
# 运行下面的单元格，然后拖动滑块：直线 $y = w\,x + b$ 会跟着**斜率** $w$ 和**截距** $b$
# 变化。每拖动一次，内核就运行一段 Python，在原处重绘图形，不会闪烁；每一章都有这样的图。（第一行
# `%matplotlib widget` 借助 JupyterLab 的 *ipympl* 扩展，让你自己用 matplotlib 画的图也能在页面里交互。）

# %% tags=["nbval-ignore-output"]
# %matplotlib widget
from dlmath.explorers.line import line_explorer

line_explorer()

# %% [markdown]
# Try it: which value of $b$ makes the line pass through the point $(0, 2)$? Which value of $w$ makes it
# flat? (Answers: $b = 2$, $w = 0$.)

# %% [markdown] lang="zh" twin="ab395d6c"
# 试一试：$b$ 取什么值时，直线经过点 $(0, 2)$？$w$ 取什么值时，直线是水平的？（答案：$b = 2$，$w = 0$。）

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

# %% [markdown] lang="zh" twin="ea0d3588"
# ## 3. 练习与自检
#
# 每道练习都是一个代码单元格，其中的 `...` 等你换成答案，后面紧跟一个**只有一行的检查**。检查会打印下面三种结果之一：
#
# | 标记 | 那一行显示 | 含义 |
# |---|---|---|
# | ⏳ | 尚未作答 | `...` 还在 |
# | ❌ | 还不对——*提示* | 答案还不对；提示会指出错在哪里 |
# | ✅ | 正确 | 答案正确 |
#
# 练习名称后面的那个词与标记的意思相同，方便在显示不了 emoji 的屏幕上阅读。
#
# 下面用问题 *“2 + 3 · 4 等于多少？”* 演示检查的效果，先给出错误答案，再给出正确答案：

# %%
check("00.demo", (2 + 3) * 4)

# %%
check("00.demo", 2 + 3 * 4)

# %% [markdown]
# A check never crashes your notebook: give it a string, `None`, a list of the wrong length or a function
# that never returns, and it tells you what it got instead of raising an error.

# %% [markdown] lang="zh" twin="378e8c4c"
# 检查永远不会让你的笔记本崩溃：无论交给它一个字符串、`None`、长度不对的列表，还是一个永不返回的函数，它都会告诉你它收到了什么，而不是抛出错误。

# %% [markdown]
# ### Exercise 1 — parameters of a neuron
#
# A neuron (神经元) with three inputs multiplies each input by its own **weight** and adds one
# **bias**. How many numbers (weights and bias together) does it have? Replace the `...` and run both
# cells.

# %% [markdown] lang="zh" twin="4313f739"
# ### 练习 1 — 一个神经元的参数
#
# 一个有三个输入的神经元（neuron）把每个输入乘以各自的**权重**，再加上一个**偏置**。它一共有多少个数（权重和偏置合计）？把
# `...` 换成你的答案，然后运行下面两个单元格。

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

# %% [markdown] lang="zh" twin="0f55054c"
# ## 4. 重启并运行所有单元格
#
# 由于内核记得你运行过的一切，一个笔记本能正常工作，可能只是因为某个你后来删掉了的单元格，或者因为你按另一种顺序运行过。在相信一个结果之前，请使用菜单
# **内核 → 重启并运行所有单元格…**（英文界面：**Kernel → Restart Kernel and Run All Cells…**）：它会忘掉所有变量，从头运行整个笔记本。本课程的每一章，即使一道练习都还没做，也能从头到尾无错误地运行完，所以
# ⏳ 从来不是错误。
#
# ### 练习 2 — *重启并运行所有单元格*做了什么？
#
# - **a** 保存笔记本
# - **b** 忘掉所有变量，从头开始按顺序运行每一个单元格
# - **c** 删除你的答案，恢复成原始的笔记本
#
# 用带引号的字母作答，例如 `restart_answer = "a"`。

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

# %% [markdown] lang="zh" twin="689b2360"
# ## 5. 你的副本、参考答案、进度与更新
#
# - **你自己的副本**。你在 `my-work/zh/` 中学习，这里有每一章属于你自己的副本，是你第一次运行
#   `dlmath open --lang zh` 时生成的。Git 会忽略这个文件夹，所以课程的任何操作都不会碰它。`chapters/zh/`
#   里的原件是课程的发布版本：请保持原样。
# - **参考答案**。每一章在 `solutions/zh/` 里都有一个孪生版本：同一个笔记本，所有练习都已作答并运行。请先自己尝试；提示就是为了帮你找到答案。运行参考答案不算你自己完成的练习。
# - **进度**。你在自己的副本中运行的每一次检查都会被记录下来（保存在你主目录下的一个小文件
#   `~/.dlmath/progress.json` 中）。一道练习一旦被你解出，就算*完成*，而且一直保持完成：“运行所有单元格”时如果它的
#   `...` 还在，完成状态不受影响；之后再答错，会在表格中显示出来，但不会撤销已解出的记录。下面的
#   `progress()`，或终端里的 `dlmath progress`，会列出每一章的情况和下一道该做的练习；`dlmath progress --reset 04`
#   会清除第 04 章的结果（只写 `--reset`：清除全部结果），同时保留一份带日期的旧文件副本。

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

# %% [markdown] lang="zh" twin="8f3e048d"
# - **更新**。在课程文件夹里打开终端，`git pull` 会取回课程的新版本，下一次运行 `dlmath open`
#   时会告诉你哪些章节有变化（副本较旧的章节，顶部也会提示）。然后 `dlmath update 04`
#   生成第 04 章的新版本，并把你的答案逐题带进去；旧副本保存在 `my-work/zh/backups/`
#   中，凡是无法带过去的内容（比如一道已被删除的练习的答案）都会列出来，并注明它在哪里。还没开始做的副本会直接变成新版本。
# - **重新开始，以及恢复**。`dlmath reset 04` 给你一份全新的第 04 章副本；旧副本保存在 `my-work/zh/backups/`
#   中，文件名带有日期，`dlmath restore 04` 可以把它找回来（`dlmath restore 04 --list` 列出所有备份）。如果该笔记本正在
#   JupyterLab 中打开，这些命令会先询问你；完成后请使用 **文件 → 从磁盘重新加载笔记本**（英文界面：**File → Reload Notebook from Disk**）。（`dlmath check my-work/zh/04_….ipynb`
#   会运行一份笔记本副本，列出每道练习的结论，但不改动这个文件。）
# - **术语表**。每个关键术语第一次出现时，都会在括号里附上英文原名，例如 *单位阶跃函数（unit step function）*；全部术语汇总在
#   `chapters/glossary.md` 中。
# - **课程库**。你在某一章里亲手写的代码，到了后面的章节就成为课程库 `dlmath` 中的一个函数，例如
#   `dlmath.ops.sigmoid`。它的源代码在 `lib/dlmath/` 中；想看某样东西是怎么实现的，随时可以去读。
#
# ## 小结
# - Shift + Enter 运行一个单元格；内核按照你运行的顺序，记住你运行过的内容。
# - 滑块在原处重绘图形；练习会自我检查，给出 ⏳ / ❌ + 提示 / ✅。
# - 相信一个结果之前，先重启并运行所有单元格；参考答案在 `solutions/zh/` 中。
# - 在 `my-work/zh/` 中学习；`dlmath open` 打开课程，`dlmath progress` 显示你学到了哪里，`git pull` 和
#   `dlmath update` 带来更新，`dlmath reset NN` 给出一份全新副本，`dlmath restore NN` 找回旧副本。
#
# **下一章**：[01 · 神经元：阶跃函数、Sigmoid 函数及其他](01_neurons_step_sigmoid.ipynb)——神经元、它的加权输入，以及决定它是否点火的那些函数。
