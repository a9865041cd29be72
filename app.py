"""Inside a small GPT — the Streamlit entry point (a router; the pages are in pages/)."""

import streamlit as st

from pages.common import open_deep_link, sidebar, t

st.set_page_config(page_title=t("app.title"), page_icon=":material/search:", layout="wide")
sidebar()

PAGES = [
    ("pages/home.py", "nav.home", ":material/home:", True),
    ("pages/tokenization.py", "nav.tokens", ":material/text_fields:", False),
    ("pages/word_vectors.py", "nav.vectors", ":material/scatter_plot:", False),
    ("pages/attention.py", "nav.attention", ":material/visibility:", False),
    ("pages/layers.py", "nav.lens", ":material/layers:", False),
    ("pages/sampling.py", "nav.sampling", ":material/casino:", False),
]
nav = st.navigation([st.Page(path, title=t(key), icon=icon, default=default)
                     for path, key, icon, default in PAGES])
open_deep_link()
nav.run()
