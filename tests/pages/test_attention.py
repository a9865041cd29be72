"""The attention page: pure pattern scores, agreement with ``lm.trace``, and the page itself — pages/attention.py in AppTest."""

from __future__ import annotations
import json
import numpy as np
import streamlit as st
from streamlit.testing.v1 import AppTest
from tests.apphelp import APP, arr, open_app
from explainer.views import attention as A
from explainer import demos
from explainer.i18n import t
from explainer import ablation
from explainer.model import Intervention


PAGE = "pages/attention.py"


def _fig(at, key: str) -> dict:
    for el in at.get("plotly_chart"):
        if el.proto.id.endswith(key):
            return json.loads(el.proto.spec)
    raise AssertionError(f"no chart {key}")


def _fresh():
    from pages.frame.models import load_model
    load_model.clear()
    st.cache_resource.clear()
    st.cache_data.clear()


def _open_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    return at


def _check_page(at: AppTest) -> None:
    from pages.frame.models import load_model
    lm = load_model(None)
    L, H = lm.config.n_layer, lm.config.n_head

    # IOI preset: prompt, answer words, last token chosen; plotted numbers = lm.trace
    at.button(key="attention.btn.ioi").click().run()
    assert not at.exception
    assert at.session_state["prompt"] == demos.IOI_PROMPT
    assert at.text_input(key="attention.answer").value == demos.IOI_ANSWER
    tr = lm.trace(demos.IOI_PROMPT)
    T = len(tr.tokens)
    layer, head = at.session_state["attention.layer"], at.session_state["attention.head"]
    np.testing.assert_allclose(arr(_fig(at, "attention.chart.head")["data"][0]["z"]),
                               tr.attention[layer, head], atol=1e-3)
    spec = _fig(at, "attention.chart.grid")
    grid, side, T = spec["data"], spec["layout"]["meta"]["tile"], spec["layout"]["meta"]["size"]
    assert len(grid) == 1                                   # one trace of L × H tiles
    z = arr(grid[0]["z"])
    assert z.shape == (L * side - (side - T), H * side - (side - T))
    for l, h in ((0, 0), (L - 1, H - 1), (1, H - 2)):
        np.testing.assert_allclose(z[l * side:l * side + T, h * side:h * side + T], tr.attention[l, h], atol=2e-3)
    assert np.isnan(z[T:side, :]).all()                    # the gaps are empty
    assert spec["layout"]["xaxis"]["ticktext"] == [f"H{h}" for h in range(H)]
    assert spec["layout"]["yaxis"]["ticktext"] == [f"L{l}" for l in range(L)]
    assert at.session_state["attention.query"] == T - 1
    q = arr(_fig(at, "attention.chart.query")["data"][0]["z"])
    np.testing.assert_allclose(q, tr.attention[:, :, T - 1, :].reshape(L * H, T), atol=1e-3)
    assert "Mary" in " ".join(m.label for m in at.metric)
    assert at.toggle(key="attention.fx").value                       # the IOI preset opens the head search
    fx = arr(_fig(at, "attention.chart.fx")["data"][0]["z"])
    np.testing.assert_allclose(fx, ablation.head_effects(lm, demos.IOI_PROMPT, "Mary", "John")["drop"], atol=2e-3)

    # ablation through the page; the shared model is unchanged for the next request
    logits_before = lm.last_logits(demos.IOI_PROMPT)
    at.multiselect(key="attention.abl_heads").set_value([A.head_name(0, 0)]).run()
    assert not at.exception
    ref = ablation.compare(lm, demos.IOI_PROMPT, Intervention.zero(heads=[(0, 0)]), k=10)
    bars = _fig(at, "attention.chart.abl")["data"]
    np.testing.assert_allclose(arr(bars[0]["y"]), ref["before"], atol=1e-6)
    np.testing.assert_allclose(arr(bars[1]["y"]), ref["after"], atol=1e-6)
    assert np.array_equal(logits_before, lm.last_logits(demos.IOI_PROMPT))
    assert lm.current_intervention is None
    at.multiselect(key="attention.abl_layers").set_value([L - 1]).run()
    assert not at.exception

    # the other preset, the lines view, a bad query index, an empty prompt
    at.button(key="attention.btn.bank").click().run()
    assert not at.exception and at.session_state["prompt"] == demos.BANK_PROMPT
    ids = lm.encode(demos.BANK_PROMPT)
    his = lm.encode(" his")
    assert len(his) == 1 and ids[at.session_state["attention.query"]] == his[0]     # the query is "his"
    at.radio(key="attention.view").set_value("lines").run()
    assert not at.exception
    at.session_state["prompt"] = "😀 你好 " * 100
    at.run()
    assert not at.exception
    at.session_state["prompt"] = ""
    at.run()
    assert not at.exception and any(t("app.empty") in w.value for w in at.warning)


def test_page_on_bundled_model(monkeypatch):
    monkeypatch.delenv("EXPLAINER_CHECKPOINT", raising=False)
    _fresh()
    _check_page(_open_page())


def test_page_on_tiny_model(monkeypatch, tiny_dir):
    monkeypatch.setenv("EXPLAINER_CHECKPOINT", str(tiny_dir))
    _fresh()
    try:
        _check_page(_open_page())
    finally:
        _fresh()


def test_one_head_opens_on_a_labelled_head(monkeypatch, bundled_lm):
    from explainer.views import attention as A
    labels = A.head_labels(bundled_lm)
    first = A.showcase_head(labels)
    assert first is not None
    l, h = first
    assert labels["label"][l][h] == "name"                 # the bundled model has name movers
    assert labels["score"][l, h] == max(labels["score"][i, j] for i, row in enumerate(labels["label"])
                                        for j, lab in enumerate(row) if lab == "name")
    at = open_app(monkeypatch, None, "pages/attention.py")
    assert not at.exception
    assert (at.session_state["attention.layer"], at.session_state["attention.head"]) == (l, h)
    # no labelled head at all: None (the page then falls back to the last layer's head 0)
    empty = {"label": [["", "first"]], "score": np.array([[0.1, 0.5]])}
    assert A.showcase_head(empty) is None
