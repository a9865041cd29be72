"""Messages and lists in the page's language (the session's ``lang``)."""

from __future__ import annotations

import streamlit as st

from explainer.i18n import pick_language, t as _t
from explainer.inputs import no_paths, plain

from .run import RUN, new_run


def lang() -> str:
    """The page's language. A run asks for it ≈ 60 times (every message), so the session is read
    once per run: ``new_run``, called as every page run begins, forgets what the thread kept;
    ``set_lang`` is the one way to change it."""
    value = getattr(RUN, "lang", None)
    if value is None:
        value = RUN.lang = st.session_state.get("lang", "en")
    return value


def set_lang(value: str) -> None:
    """Change the page's language (the session's ``lang``), for the rest of this run too."""
    st.session_state["lang"] = value
    RUN.lang = None


def t(key: str, **fmt) -> str:
    """The message ``key`` in the page's language. An error detail (``err``) is always shown as
    typed (``inputs.plain``: it can hold a file's, a link's or a user's text) and without the
    server's own file paths (``inputs.no_paths``)."""
    if "err" in fmt:
        fmt["err"] = plain(no_paths(fmt["err"]))
    return _t(key, lang(), **fmt)


def join_list(items) -> str:
    """Items as a list in the page's language: ``a, b, c`` or ``a、b、c``."""
    return ("、" if lang() == "zh" else ", ").join(str(x) for x in items)


def join_sentences(*parts: str) -> str:
    """Sentences one after the other: with a space in English, none in Chinese."""
    return ("" if lang() == "zh" else " ").join(p for p in parts if p)


def _browser_locale() -> str | None:
    try:
        return st.context.locale
    except Exception:        # noqa: BLE001 — no browser (AppTest)
        return None


def choose_language() -> None:
    """On a session's first run: the language from the link, else the browser's (before the router
    names its pages)."""
    new_run()                              # a new run: read the session's language and model again
    if "lang" not in st.session_state:
        set_lang(pick_language(st.query_params.get("lang"), _browser_locale()))
