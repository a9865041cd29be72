"""Every chart of the app: one style (read on a phone, on a laptop and on a projector), each built
figure kept once per server, and its numbers as CSV below it."""

from __future__ import annotations

import io
import threading
from collections import OrderedDict

import orjson
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from explainer.plots import CONFIG, house_style

from .language import lang, t
from .models import model_key
from .presenter import PRESENT_FONT, PRESENT_HEIGHT, presenting

FIGURES_KEPT = 300       # built figures the server keeps (a few MB); the oldest go first


class KeptFigure(go.Figure):
    """A figure built once and shown to many users: its plain form, which ``st.plotly_chart`` makes
    from it on every run (``to_dict``: a deep copy), is made once — and made of plain JSON values, so
    that plotly can hand it to orjson as it is. Made of numpy arrays, a figure with text in an array
    (the attention maps' hover labels) makes plotly walk every value of the figure first, on every
    run: ≈ 4 % of the server's time in a class. A kept figure is never changed after it is stored,
    like every shared object."""

    def to_dict(self):
        kept = self.__dict__.get("_kept_dict")
        if kept is None:
            kept = orjson.loads(pio.to_json(super().to_dict(), validate=False))
            self._kept_dict = kept
        return kept


@st.cache_resource(show_spinner=False)
def _figure_store() -> dict:
    return {"lock": threading.Lock(), "items": OrderedDict()}


def figure(name: str, key: tuple, build):
    """The plotly figure ``build()`` makes, in the house style, built once per server for this model,
    language, ``name`` and ``key`` (plain values that determine it). Building a figure is most of a
    page's server time (plotly checks every property); ``st.plotly_chart`` copies a figure before
    sending it, so one built figure serves every user."""
    store = _figure_store()
    full = (name, model_key(), lang(), presenting(), key)
    with store["lock"]:
        fig = store["items"].get(full)
        if fig is not None:
            store["items"].move_to_end(full)
            return fig
    fig = house_style(build())
    if presenting():                        # readable from the back of a classroom, one chart a screen
        fig.update_layout(font=dict(size=PRESENT_FONT), height=max(fig.layout.height or 450, PRESENT_HEIGHT))
    if type(fig) is go.Figure:
        fig.__class__ = KeptFigure
    with store["lock"]:
        store["items"][full] = fig
        while len(store["items"]) > FIGURES_KEPT:
            store["items"].popitem(last=False)
    return fig


def chart(fig, data=None, name: str = "data", key: str | None = None) -> None:
    """A plotly chart in the house style (a figure not made by ``figure`` is styled here), with one
    toolbar button (PNG) and, below it, its numbers as CSV. ``data`` is a DataFrame or a function
    returning one: the CSV is made only when the button is pressed."""
    st.plotly_chart(house_style(fig), width="stretch", config=CONFIG, key=key)
    if data is not None:
        def csv() -> bytes:
            frame = data() if callable(data) else data
            buf = io.StringIO()
            frame.to_csv(buf, index=False)
            return buf.getvalue().encode("utf-8")
        st.download_button(t("app.download_csv"), csv, file_name=f"{name}.csv", mime="text/csv",
                           key=f"csv-{key or name}")
