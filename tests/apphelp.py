"""Opening the app in Streamlit's AppTest, shared by the page tests."""

import base64
import re
from pathlib import Path

import numpy as np

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_app(monkeypatch, path=None, page: str | None = None, query: dict | None = None,
             state: dict | None = None) -> AppTest:
    """Run app.py on the checkpoint at ``path`` (default: the bundled model) with fresh caches,
    the link's ``query`` parameters and ``state`` already in the session, then switch to ``page``
    (e.g. "pages/lens.py") if given."""
    import streamlit as st
    if path:
        monkeypatch.setenv("EXPLAINER_CHECKPOINT", str(path))
    else:
        monkeypatch.delenv("EXPLAINER_CHECKPOINT", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    for k, v in (state or {}).items():
        at.session_state[k] = v
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def shown(md: str) -> str:
    """What a reader sees of a markdown message: ``inputs.plain``'s backslash escapes undone and
    its invisible word joiners dropped."""
    return re.sub(r"\\(.)", r"\1", md).replace("\u2060", "")


def arr(v) -> np.ndarray:
    """A figure array from the chart's JSON (plotly ≥ 6 sends numpy arrays as base64 typed arrays)."""
    if isinstance(v, dict) and "bdata" in v:
        a = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        shape = v.get("shape")
        if isinstance(shape, str):
            shape = [int(n) for n in shape.split(",")]
        return a.reshape(shape) if shape else a
    return np.asarray(v, dtype=float)
