"""Chapter 06 in JupyterLab: clicking pixels of the 4×3 drawing redraws the network's outputs.

The notebook-level test (test_jupyterlab.py) already moves the weight slider; this one clicks the pixel
buttons, as a learner draws, and looks at the part of the figure that shows the two outputs.
"""
from labharness import (FIGURE_CANVASES_JS, STDERR_TRACEBACKS_JS, open_notebook, run_all_cells,
                        wait_until_figure_settles)

NOTEBOOK = "06_network_as_optimization.ipynb"
PIXEL_SELECTOR = ".jp-NotebookPanel .widget-toggle-button"
OUTPUTS_PANEL = (0.22, 0.50)  # the middle panel (the two output bars) as fractions of the figure's width

# A fingerprint of a vertical strip of the figure's canvas: the pixels between two fractions of its width.
STRIP_SIGNATURE_JS = f"""([button, left, right]) => {{
  const canvas = ({FIGURE_CANVASES_JS})(button)[0];
  if (!canvas || !canvas.width) return null;
  const x0 = Math.floor(left * canvas.width), w = Math.max(1, Math.floor((right - left) * canvas.width));
  const d = canvas.getContext('2d').getImageData(x0, 0, w, canvas.height).data;
  let h = 0x811c9dc5;
  for (let i = 0; i < d.length; i += 4) h = Math.imul(h ^ (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16)), 0x01000193);
  return (h >>> 0).toString(16);
}}"""


def strip_signature(page, button):
    return page.evaluate(STRIP_SIGNATURE_JS, [button, *OUTPUTS_PANEL])


def wait_for_strip_change(page, button, before, timeout_s=20):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        page.wait_for_function(f"([button, left, right, before]) => {{ const s = ({STRIP_SIGNATURE_JS})([button, left, right]);"
                               f" return s !== null && s !== before; }}",
                               arg=[button, *OUTPUTS_PANEL, before], timeout=timeout_s * 1000, polling="raf")
        return True
    except PlaywrightTimeout:
        return False


def test_clicking_pixels_redraws_the_outputs(lab, lab_page, screenshot_path):
    page, shot = lab_page, screenshot_path("06_pixels")
    try:
        open_notebook(page, lab, NOTEBOOK)
        state = run_all_cells(page)
        tracebacks = page.evaluate(STDERR_TRACEBACKS_JS)
        assert not state["errors"] and not tracebacks, "\n".join(state["errors"] + tracebacks)

        buttons = page.locator(PIXEL_SELECTOR)
        assert buttons.count() == 12, f"expected the 12 pixel buttons of the 4×3 drawing, found {buttons.count()}"
        pressed = [b.evaluate("e => e.classList.contains('mod-active')") for b in buttons.all()]
        assert pressed == [True, True, True, True, False, True, True, False, True, True, True, True], (
            f"the drawing should start as the ring-shaped \"0\", got {pressed}")

        changed = []
        for k in (5, 8):  # ink the centre pixels: the "0" turns towards a "1"
            button = buttons.nth(k - 1)
            button.scroll_into_view_if_needed()
            element = button.element_handle()
            wait_until_figure_settles(page, element)
            before = strip_signature(page, element)
            assert before is not None, "no ipympl figure in the pixel explorer's output"
            button.click()
            page.wait_for_function("e => e.classList.contains('mod-active')", arg=element, timeout=10_000)
            changed.append(wait_for_strip_change(page, element, before))
        assert all(changed), f"clicking pixels 5 and 8 redrew the outputs panel: {changed}"
    finally:
        try:  # the explorer itself if it rendered, else the page
            area = page.locator(".jp-OutputArea-output", has=page.locator(".widget-toggle-button"))
            (area.first if area.count() else page).screenshot(path=shot)
        except Exception as err:
            print(f"no screenshot: {err}")
