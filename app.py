"""Inside a small GPT — the Streamlit entry point (a router; the pages are in pages/)."""

import streamlit as st

from pages.common import sidebar, t

st.set_page_config(page_title="Inside a small GPT", page_icon="🔍", layout="wide")
sidebar()

PAGES = [
    ("pages/home.py", "nav.home", "🏠", True),
    ("pages/tokenization.py", "nav.tokens", "🔤", False),
    ("pages/word_vectors.py", "nav.vectors", "🧭", False),
    ("pages/attention.py", "nav.attention", "👀", False),
    ("pages/layers.py", "nav.lens", "🪜", False),
    ("pages/sampling.py", "nav.sampling", "🎲", False),
]
nav = st.navigation([st.Page(path, title=t(key), icon=icon, default=default)
                     for path, key, icon, default in PAGES])
nav.run()
