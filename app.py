"""Inside a small GPT — the Streamlit entry point (a router; the pages are in pages/)."""

from pathlib import Path

import streamlit as st

from pages.common import (open_deep_link, presenter_toggle, read_link_once, share_box, sidebar,
                          t, write_link)

ICON = Path(__file__).resolve().parent / "assets" / "icon.png"

# the icon is a file of ours: a Material icon would be fetched from a font server
st.set_page_config(page_title=t("app.title"), page_icon=str(ICON), layout="wide")
read_link_once()
sidebar()
presenter_toggle()

# one page per concept; its name is shared by pages/<name>.py, explainer/views/<name>.py,
# explainer/plots/<name>.py, explainer/text/<name>.py, the message keys "<name>.*" and the URL
PAGES = [
    ("lesson", ":material/school:", False),
    ("overview", ":material/home:", True),
    ("tokens", ":material/text_fields:", False),
    ("vectors", ":material/scatter_plot:", False),
    ("attention", ":material/visibility:", False),
    ("lens", ":material/layers:", False),
    ("sampling", ":material/casino:", False),
]
pages = {name: st.Page(f"pages/{name}.py", title=t(f"nav.{name}"), icon=icon, default=default)
         for name, icon, default in PAGES}
nav = st.navigation(list(pages.values()))
write_link()
open_deep_link()
nav.run()
share_box()
