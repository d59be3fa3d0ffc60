"""Chinese in the course's figures: a CJK font after matplotlib's own, for the glyphs it lacks.

matplotlib (≥ 3.6) takes each glyph from the first family in `font.family` that has it, so the course
appends the first CJK font this machine has: Latin letters, digits and symbols look as they always do,
Chinese comes from the CJK font instead of a "missing glyph" box. With none installed, nothing changes
(README → Troubleshooting says what to install).
"""
from functools import lru_cache

CJK_FAMILIES = (  # Simplified Chinese faces first; matplotlib registers a .ttc collection under one name
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "SimHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans SC", "Heiti SC",
    "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans CJK KR", "Source Han Sans", "Noto Serif CJK SC",
    "Noto Serif CJK JP", "AR PL UMing CN", "Droid Sans Fallback",
)


@lru_cache(maxsize=None)
def cjk_family():
    """The first of CJK_FAMILIES installed here (as matplotlib knows them), or None."""
    from matplotlib import font_manager
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in installed), None)


def use_cjk_fallback():
    """Append this machine's CJK font to matplotlib's font.family (once; no change without one)."""
    import matplotlib
    family = cjk_family()
    current = matplotlib.rcParams["font.family"]
    current = [current] if isinstance(current, str) else list(current)
    if family and family not in current:
        matplotlib.rcParams["font.family"] = current + [family]
    return family


def monospace():
    """The families for a text in columns: the monospace font, then the CJK one (a text that names its
    family does not fall back to font.family)."""
    family = cjk_family()
    return ["monospace"] + ([family] if family else [])
