"""Inside a small GPT — the Streamlit entry point (a router; the pages are in pages/)."""

from pathlib import Path

import streamlit as st

from explainer import settings
from explainer.inputs import literal

from pages.common import (PAGES, choose_language, open_deep_link, presenter_toggle, read_link_once, share_box,
                          sidebar, t, write_link)

ICON = Path(__file__).resolve().parent / "assets" / "icon.png"

choose_language()           # before anything is named: the title, the menu
# the icon is a file of ours: a Material icon would be fetched from a font server
st.set_page_config(page_title=t("app.title"), page_icon=str(ICON), layout="wide")
read_link_once()
# the pages first: whatever stops a run below (a damaged model), the menu lists the app's pages
nav = st.navigation([st.Page(f"pages/{name}.py", title=t(f"nav.{name}"), icon=icon, default=default)
                     for name, icon, default in PAGES])
bad_settings = settings.problems()     # every run (a few reads of os.environ), before anything reads a setting
if bad_settings:                       # name each one that is out of range
    st.error(t("app.settings.bad") + "\n\n" + "\n".join(f"- {literal(p)}" for p in bad_settings))
    st.stop()
sidebar()
presenter_toggle()
write_link()
open_deep_link()
nav.run()
share_box()
