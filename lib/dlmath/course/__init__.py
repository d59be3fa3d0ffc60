"""The course around the mathematics: self-checks, exercises, progress, the learner's copies, the
`dlmath` command and the explorer layer. Nothing in `dlmath`'s mathematics imports from here.

checks      the engine: answer kinds (Number, Array, Function, Expression, Choice, …), a Result per answer
exercises   one module of pure data per chapter (the expected answers and their typical mistakes);
            check(id, answer) prints and remembers a Result, progress() prints the table
results     where results are remembered (~/.dlmath/progress.json)
workspace   my-work/: the learner's own copies of the chapters, never overwritten; update, reset, restore
cells       a cell's identity across versions of a chapter; carrying answers into a new version
lab         JupyterLab around the course: the door /dlmath/open (a server extension), what a running lab has open
headless    running a notebook with no browser (dlmath check, the build, the grader)
classroom   for teachers: a student edition (release) and grading with the engine's own verdicts (grade)
cli         the `dlmath` command: open, progress, check, update, reset, restore, class release/grade
explorer    the thin widget layer of every interactive figure: sliders -> a pure compute -> redraw
fonts       a CJK font after matplotlib's own, so Chinese labels draw (no "missing glyph" boxes)
"""
import sys

if "matplotlib" in sys.modules:  # a chapter imports pyplot, then dlmath: its figures can draw Chinese
    from .fonts import use_cjk_fallback
    use_cjk_fallback()

