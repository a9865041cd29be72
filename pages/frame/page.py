"""What every page starts with: ``enter(__file__)`` first, then ``page_top()`` where the page begins."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from explainer import gpt2

from .language import t
from .lesson import lesson_panel
from .menu import DEEP_LINK_KEY, PAGE_KEY, ROUTED_KEY, SHELL_KEY, here
from .models import base_model_or_stop, current_model, gpt2_title, is_gpt2
from .prompt import clean_session_text, prompt_box
from .run import new_run

def enter(file: str) -> str:
    """The first line of every page, ``enter(__file__)``: notes which page this run shows and returns
    its name.

    Streamlit runs a page file on its own, without the router, while no ``st.navigation`` has run yet
    in the server process (its ``pages/``-folder mode): a first deep link into a fresh server, and every
    page switch in AppTest. A session that has never been through the router is sent there (it draws
    the sidebar, then opens this page again); otherwise the page runs on with the frame's own checks
    (the session's text made writable; the model usable, else the message and a stop)."""
    new_run()                  # a page may run without app.py first (see above): read the language and model again
    name = Path(file).stem
    st.session_state[PAGE_KEY] = name
    if not st.session_state.pop(ROUTED_KEY, False):
        if not st.session_state.get(SHELL_KEY):
            st.session_state[DEEP_LINK_KEY] = f"pages/{name}.py"
            st.switch_page("app.py", query_params=st.query_params.to_dict())
        clean_session_text()
        base_model_or_stop()
    return name


PHONE_CSS = ("<style>.st-key-phone-prompt { display: none; } "
             "@media (max-width: 640px) { .st-key-phone-prompt { display: block; } }</style>")


def page_top() -> None:
    """Every page starts with this: on a phone (where the sidebar is folded away) the shared prompt;
    the running lesson's step, or nothing. When a step has just changed and wants another page, that
    page is opened instead. (The router has drawn the sidebar and stopped already when the model
    cannot be used.)"""
    st.html(PHONE_CSS)
    with st.container(key="phone-prompt"):
        prompt_box("_phone_prompt_box", height=80)
    lm = current_model()
    if is_gpt2(lm):           # not one of ours: say whose model it is and what it learned from
        n, name = lm.n_params(), str(lm.meta.get("name", ""))
        about = f"app.gpt2.about.{name}" if name in gpt2.HUB else "app.gpt2.about"      # a folder: origin unknown
        st.info(t(about, name=gpt2_title(lm), params=f"{n / 1e6:.0f}M" if n >= 1e6 else f"{n:,}"),
                icon=":material/public:")
    goto = lesson_panel()
    if goto and goto != here():
        try:
            st.switch_page(f"pages/{goto}.py")
        except st.errors.StreamlitAPIException:       # not a page of this app: stay
            pass
