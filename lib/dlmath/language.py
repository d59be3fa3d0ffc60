"""The language the course speaks to the learner: English, or Chinese (zh) — in the checks' verdicts, the
`dlmath` command, and the errors the mathematics raises (so it lives here, beside the mathematics, which
never imports the course; the course's `language` module is this one under the course's name).

Messages are written in English in the code and translated through gettext catalogs
(`dlmath/locale/zh_CN/LC_MESSAGES/dlmath.po`, compiled to `.mo`; `tools/i18n.py` extracts and compiles
them with Babel). The language is, in this order:
  DLMATH_LANG            "zh" or "en" (zh_CN, zh-CN … also work); the build sets it for each edition
  use(lang)              what a command chose (`dlmath --lang zh progress`), for this process
                         (`with speaking(lang):` for one block only)
  the notebook's own     a Chinese chapter records "lang": "zh" in its metadata; JupyterLab tells the kernel
                         which notebook it runs (JPY_SESSION_NAME), so a Chinese copy speaks Chinese
  English                otherwise
    translate(message)  the message in the current language (the English itself when no translation exists);
                        modules import it as `_`, the name gettext tools look for
    N_(message)         marks a message for the catalog where it is defined; `_` translates it where it is shown
"""
import gettext
import json
import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

LOCALES = Path(__file__).resolve().parent / "locale"
CATALOGS = {"zh": "zh_CN"}  # language -> gettext locale
DOMAIN = "dlmath"


def normalise(tag):
    """'zh', 'zh_CN', 'zh-Hans' -> 'zh'; 'en…' -> 'en'; anything else -> None."""
    tag = str(tag or "").strip().lower()
    if tag.startswith("zh"):
        return "zh"
    if tag.startswith("en"):
        return "en"
    return None


@lru_cache(maxsize=64)
def _notebook_language(path, mtime):
    try:
        with open(path, encoding="utf-8") as f:
            return normalise(json.load(f).get("metadata", {}).get("dlmath", {}).get("lang"))
    except (OSError, ValueError, AttributeError):
        return None


def notebook_language(name):
    """The language recorded in the metadata of the notebook `name` (as JupyterLab names it to the kernel:
    a path relative to the server's root; the kernel runs in the notebook's folder), or None."""
    for path in (Path(name), Path.cwd() / Path(name).name):
        try:
            return _notebook_language(str(path.resolve()), path.stat().st_mtime)
        except OSError:
            continue
    return None


_chosen = None


def use(lang):
    """Speak `lang` in this process from now on (None: decide again as the module docstring says)."""
    global _chosen
    _chosen = normalise(lang)


@contextmanager
def speaking(lang):
    """use(lang) inside the block; afterwards the language chosen before it."""
    global _chosen
    before, _chosen = _chosen, normalise(lang)
    try:
        yield
    finally:
        _chosen = before


def language():
    """'zh' or 'en', as the module docstring says."""
    chosen = normalise(os.environ.get("DLMATH_LANG")) or _chosen
    if chosen:
        return chosen
    session = os.environ.get("JPY_SESSION_NAME", "")
    if session.endswith(".ipynb"):
        return notebook_language(session) or "en"
    return "en"


@lru_cache(maxsize=None)
def translation(lang):
    if lang not in CATALOGS:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(LOCALES), languages=[CATALOGS[lang]], fallback=True)


def translate(message):
    return translation(language()).gettext(message)


def N_(message):
    return message
