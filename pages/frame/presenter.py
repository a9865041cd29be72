"""Presenter mode: text and charts large enough for a projector (``?present=1``)."""

from __future__ import annotations

import streamlit as st

from .language import t

PRESENT_FONT = 20          # chart text size in presenter mode (13 otherwise)
PRESENT_HEIGHT = 640       # chart height in presenter mode: about one chart to a projected screen
SIDEBAR_KEY = "sidebar-body"   # the sidebar's keyed container (CSS class st-key-sidebar-body)


def presenting() -> bool:
    return bool(st.session_state.get("present"))


def _present_chosen() -> None:
    st.session_state["present"] = st.session_state["_present_box"]


def presenter_toggle() -> None:
    st.session_state["_present_box"] = presenting()
    st.sidebar.toggle(t("app.present"), key="_present_box", on_change=_present_chosen, help=t("app.present.help"))
    if presenting():
        # the root font size scales every text (Streamlit sizes in rem); the sidebar is our own keyed
        # container (a documented CSS class), not one of Streamlit's internal test ids
        st.html(f"<style>html {{ font-size: 21px; }} .st-key-{SIDEBAR_KEY} {{ font-size: 17px; }}</style>")
