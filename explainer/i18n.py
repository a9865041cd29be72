"""One message catalogue for every visible string.

Messages live per page in ``explainer/text/<page>.py`` as two dicts, ``EN`` and ``ZH``; keys are
prefixed with the page name (``"tokens.title"``). ``t(key, lang, **fmt)`` falls back to English when
a Chinese string is missing, and shows the key itself (never crashes) when both are.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

LANGUAGES = {"en": "English", "zh": "中文"}


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    from . import text
    cat: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for mod in pkgutil.iter_modules(text.__path__):
        m = importlib.import_module(f"{text.__name__}.{mod.name}")
        for lang, attr in (("en", "EN"), ("zh", "ZH")):
            for k, v in getattr(m, attr, {}).items():
                if k in cat[lang]:
                    raise KeyError(f"message key {k!r} defined twice ({mod.name})")
                cat[lang][k] = v
    return cat


def t(key: str, lang: str = "en", **fmt) -> str:
    cat = catalogue()
    s = cat.get(lang, {}).get(key) or cat["en"].get(key)
    if s is None:
        return key
    try:
        return s.format(**fmt) if fmt else s
    except (KeyError, IndexError, ValueError):
        return s


def pick_language(query: str | None = None, locale: str | None = None) -> str:
    """The language a new visitor starts in: ``?lang=zh`` in the link if it names a known
    language, else the browser's language (``zh-CN``, ``zh-TW``… → Chinese), else English."""
    q = (query or "").strip().lower()
    if q in LANGUAGES:
        return q
    loc = (locale or "").strip().lower().replace("_", "-")
    base = loc.split("-")[0]
    return base if base in LANGUAGES else "en"


def missing(lang: str = "zh") -> list[str]:
    """English keys that have no translation in ``lang``."""
    cat = catalogue()
    return sorted(set(cat["en"]) - set(cat[lang]))
