"""Inside a small GPT — the Streamlit entry point: a router (the pages are in pages/, what they share
in pages/frame/)."""

from pathlib import Path

import streamlit as st

from explainer import settings
from explainer.inputs import literal
from pages.frame.language import choose_language, t
from pages.frame.links import read_link_once, share_box, write_link
from pages.frame.menu import navigation, open_deep_link, run_page
from pages.frame.presenter import presenter_toggle
from pages.frame.prompt import prompt
from pages.frame.server import in_line
from pages.frame.sidebar import sidebar

ICON = Path(__file__).resolve().parent / "assets" / "icon.png"

with in_line():                              # page runs take turns (pages/frame/server.py)
    choose_language()           # before anything is named: the title, the menu
    # the icon is a file of ours: a Material icon would be fetched from a font server
    st.set_page_config(page_title=t("app.title"), page_icon=str(ICON), layout="wide")
    read_link_once()
    # the pages first: whatever stops a run below (a damaged model), the menu lists the app's pages
    nav = navigation(lambda name: t(f"nav.{name}"))
    open_deep_link()                       # a page that ran on its own asked for the router (menu.enter)
    bad_settings = settings.problems()     # every run (a few reads of os.environ), before anything reads a setting
    if bad_settings:                       # name each one that is out of range
        st.error(t("app.settings.bad") + "\n\n" + "\n".join(f"- {literal(p)}" for p in bad_settings))
        st.stop()
    sidebar()
    presenter_toggle()
    write_link(prompt())
    run_page(nav)
    share_box()
