"""Every chapter in JupyterLab, in Chromium: Run All Cells gives no error, every slider renders, and
moving each slider with the keyboard changes the pixels of the figure it drives (so do the menus), and a
fast drag of a chapter's first slider ends on the picture of the value it stops at.

The notebooks are copied to a temp folder first (conftest.py, labharness.py), so a learner's work is
never touched; a screenshot of each chapter goes to tests/browser/screenshots/.
"""
import pytest

from labharness import (CHAPTERS, DROPDOWN_SELECTOR, SLIDER_SELECTOR, STDERR_TRACEBACKS_JS, drag_slider,
                        figure_signature, open_notebook, run_all_cells, step_there_and_back, wait_for_figure_change,
                        wait_until_figure_settles)

NOTEBOOKS = sorted(p.name for p in CHAPTERS.glob("*.ipynb")) + sorted(f"zh/{p.name}" for p in (CHAPTERS / "zh").glob("*.ipynb"))


def move_slider(page, slider):
    """Focus the slider's handle and press End (Home if it is at its maximum already): a real key
    press, as a learner would. Returns (label, value before, value after)."""
    handle = slider.locator(".noUi-handle").first
    label = slider.locator(".widget-label").first.inner_text().strip()
    readout = slider.locator(".widget-readout").first
    shown = readout.inner_text().strip()  # what the learner reads (a log slider's aria value is the exponent)
    before = handle.get_attribute("aria-valuenow")
    at_max = float(before) >= float(handle.get_attribute("aria-valuemax"))
    handle.focus()
    page.keyboard.press("Home" if at_max else "End")
    page.wait_for_function("([h, v]) => h.getAttribute('aria-valuenow') !== v",
                           arg=[handle.element_handle(), before], timeout=10_000)
    return label, shown, readout.inner_text().strip()


def pick_other_option(page, dropdown):
    """Choose the next option of a dropdown (the previous one if it shows the last)."""
    select = dropdown.locator("select").first
    label = dropdown.locator(".widget-label").first.inner_text().strip()
    options = select.locator("option").all_inner_texts()
    index = select.evaluate("s => s.selectedIndex")
    new = index + 1 if index + 1 < len(options) else index - 1
    select.select_option(index=new)
    return label, options[index], options[new]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.removesuffix(".ipynb").replace("/", "-") for n in NOTEBOOKS])
def test_chapter_runs_and_every_slider_redraws_its_figure(notebook, lab, lab_page, screenshot_path):
    page, shot = lab_page, screenshot_path(notebook.removesuffix(".ipynb").replace("/", "-"))
    try:
        open_notebook(page, lab, notebook)
        state = run_all_cells(page)
        tracebacks = page.evaluate(STDERR_TRACEBACKS_JS)
        assert not state["errors"] and not tracebacks, (
            f"{notebook}: Run All Cells gave errors:\n" + "\n".join(state["errors"] + tracebacks))
        assert all(c is not None for c in state["counts"]), f"{notebook}: cells left unexecuted {state['counts']}"
        # issue 19: no "Figure N" header over a figure, no toolbar floating over its tick labels
        # (ipympl fades its toolbar in, over 0.5 s, when the mouse enters the figure: enter each first)
        page.evaluate("() => document.querySelectorAll('.jupyter-matplotlib').forEach("
                      "f => f.dispatchEvent(new MouseEvent('mouseenter')))")
        page.wait_for_timeout(800)
        shown = page.evaluate("""() => ['header', 'toolbar'].map(part => Array.from(document.querySelectorAll(
            `.jupyter-matplotlib-${part}`)).filter(e => e.offsetParent !== null && e.offsetHeight > 0
              && getComputedStyle(e).visibility !== 'hidden').length)""")
        assert shown == [0, 0], f"{notebook}: visible ipympl headers, toolbars: {shown}"

        problems, moved = [], []
        controls = [("slider", s, move_slider) for s in page.locator(SLIDER_SELECTOR).all()]
        controls += [("menu", d, pick_other_option) for d in page.locator(DROPDOWN_SELECTOR).all()]
        for i, (kind, control, move) in enumerate(controls):
            control.scroll_into_view_if_needed()
            box = control.bounding_box()
            assert control.is_visible() and box and box["width"] > 0, f"{notebook}: {kind} {i} does not render"
            element = control.element_handle()
            if figure_signature(page, element) is None:
                if kind == "slider":
                    problems.append(f"slider {i}: no ipympl figure in its output area")
                continue
            before = wait_until_figure_settles(page, element)
            label, old, new = move(page, control)
            if wait_for_figure_change(page, element, before):
                moved.append(f"{kind} {label!r} {old} → {new}")
            else:
                problems.append(f"{kind} {label!r} moved {old} → {new} but its figure's pixels did not change")
        assert not problems, f"{notebook}:\n" + "\n".join(problems)
        print(f"{notebook}: {len(moved)} controls each redrew their figure: " + "; ".join(moved))

        # issue 24: a quick drag, then the hand stops: no old frames play on, the last picture is the
        # final value's (the same as after one step right and one back)
        sliders = [s.element_handle() for s in page.locator(SLIDER_SELECTOR).all()]
        driving = [s for s in sliders if figure_signature(page, s) is not None]
        if driving:
            slider = driving[0]
            wait_until_figure_settles(page, slider)
            drag_slider(page, slider)
            after_drag = wait_until_figure_settles(page, slider, quiet_polls=5)
            assert step_there_and_back(page, slider)["hash"] == after_drag["hash"], (
                f"{notebook}: after a fast drag the figure did not show the final value's picture")
    finally:
        try:
            page.screenshot(path=shot, full_page=True)
            print(f"screenshot: {shot}")
        except Exception as err:  # never hide the test's own failure behind this one
            print(f"no screenshot of {notebook}: {err}")
