"""The app's pages, in the router's order, and the page this run shows."""

from __future__ import annotations

import streamlit as st

# one page per concept; its name is shared by pages/<name>.py, explainer/views/<name>.py,
# explainer/plots/<name>.py, explainer/text/<name>.py, the message keys "<name>.*" and the URL
PAGES = [  # (name, icon, default)
    ("lesson", ":material/school:", False),
    ("overview", ":material/home:", True),
    ("counting", ":material/functions:", False),
    ("tokens", ":material/text_fields:", False),
    ("vectors", ":material/scatter_plot:", False),
    ("attention", ":material/visibility:", False),
    ("lens", ":material/layers:", False),
    ("neurons", ":material/hub:", False),
    ("sampling", ":material/casino:", False),
    ("timeline", ":material/timeline:", False),
    ("training", ":material/model_training:", False),
    ("classroom", ":material/groups:", False),
]
DEFAULT_PAGE = next(name for name, _, default in PAGES if default)
PAGE_KEY = "_page"          # the name of the page this run shows (written by ``enter``)
ROUTED_KEY = "_routed"      # set by the router just before it runs the page; the page takes it
SHELL_KEY = "_shell_ran"    # this session has been through the router at least once
DEEP_LINK_KEY = "_deep_link"


def navigation(title) -> "st.navigation":
    """The router's menu: ``st.navigation`` over PAGES, titles from ``title(name)``."""
    st.session_state[SHELL_KEY] = True
    return st.navigation([st.Page(f"pages/{name}.py", title=title(name), icon=icon, default=default)
                          for name, icon, default in PAGES])


def open_deep_link() -> None:
    """In the router, right after ``navigation``: open the page a page run alone asked for (``enter``)."""
    target = st.session_state.pop(DEEP_LINK_KEY, None)
    if target:
        try:
            st.switch_page(target, query_params=st.query_params.to_dict())
        except st.errors.StreamlitAPIException:   # not a page of the router: stay on the overview
            pass


def run_page(nav) -> None:
    """The router runs the chosen page (``nav`` from ``navigation``), which then knows it was routed."""
    st.session_state[ROUTED_KEY] = True
    nav.run()


def here() -> str:
    """The name of the page this run shows (``"lens"``)."""
    return st.session_state.get(PAGE_KEY, DEFAULT_PAGE)
