"""The shared prompt: one text every page reads, edited in the sidebar (or, on a phone, above the
page), replaced by presets with an undo, guarded against being empty."""

from __future__ import annotations

import streamlit as st

from explainer.inputs import clean_text

from .language import t

DEFAULT_PROMPT = "When Mary and John went to the store, John gave a drink to"
MAX_PROMPT = 5_000       # characters of the shared prompt (the model reads its last 128 tokens anyway)


def prompt() -> str:
    return st.session_state.get("prompt", DEFAULT_PROMPT)


def require_prompt() -> str:
    """The shared prompt; when it is empty (or only spaces), a notice and the page stops here."""
    text = prompt()
    if not text.strip():
        st.warning(t("app.empty"))
        st.stop()
    return text


def set_prompt(text: str) -> None:
    """Use as a button callback (on_click) so the sidebar widget takes the new value. A preset that
    replaces what the student typed says so in the sidebar, with an undo."""
    old = st.session_state.get("prompt", DEFAULT_PROMPT)
    if text != old:
        st.session_state["_prompt_undo"] = old
    st.session_state["prompt"] = text


def undo_prompt() -> None:
    st.session_state["prompt"] = st.session_state.pop("_prompt_undo", prompt())


def prompt_edited(box: str) -> None:
    """A box's callback: its text becomes the shared prompt."""
    st.session_state["prompt"] = st.session_state[box]
    st.session_state.pop("_prompt_undo", None)


def prompt_box(box: str, height: int, help: str | None = None) -> None:
    """A text box on the shared prompt: ``prompt`` holds the value, the box's own key ``box`` is
    refreshed from it every run, so the text survives page changes and presets can set it."""
    if len(st.session_state.get("prompt", "")) > MAX_PROMPT:   # keep the end: that is what the model reads
        st.session_state["prompt"] = st.session_state["prompt"][-MAX_PROMPT:]
        st.info(t("app.prompt_cut", n=f"{MAX_PROMPT:,}"))
    st.session_state[box] = prompt()
    st.text_area(t("app.prompt"), key=box, help=help, height=height, max_chars=MAX_PROMPT,
                 on_change=prompt_edited, args=(box,))


def notice_truncation(n_dropped: int, ctx: int) -> None:
    if n_dropped:
        st.info(t("app.truncated", ctx=ctx, n=n_dropped))


def clean_session_text() -> None:
    """Every text the session holds (the prompt, every text box, a link's values once read) made
    writable, once per run before any widget is drawn: a lone surrogate or NUL from a crafted link or
    paste becomes U+FFFD (explainer.inputs) with a notice, instead of an error on every page."""
    replaced = 0
    for key in list(st.session_state):
        value = st.session_state[key]
        if isinstance(value, str):
            value, n = clean_text(value)
            if n:
                try:
                    st.session_state[key] = value
                except st.errors.StreamlitAPIException:     # a widget already drawn in this run
                    continue
                replaced += n
    if replaced:
        st.info(t("app.text_replaced", n=replaced))
