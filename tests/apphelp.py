"""Opening the app in Streamlit's AppTest, shared by the page tests."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_app(monkeypatch, path=None, page: str | None = None) -> AppTest:
    """Run app.py on the checkpoint at ``path`` (default: the bundled model) with fresh caches,
    then switch to ``page`` (e.g. "pages/layers.py") if given."""
    import streamlit as st
    if path:
        monkeypatch.setenv("EXPLAINER_CHECKPOINT", str(path))
    else:
        monkeypatch.delenv("EXPLAINER_CHECKPOINT", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at
