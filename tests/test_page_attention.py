"""The attention page: pure pattern scores, agreement with ``lm.trace``, and the page itself
(AppTest) on the bundled model and on the tiny fixture model."""

from __future__ import annotations

import json

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from apphelp import APP, arr, open_app

from explainer import attention as A
from explainer import demos
from explainer.analysis import compare_next

PAGE = "pages/attention.py"


# ---- pure score functions on hand-built attention -----------------------------------------------

def _causal_uniform(T: int) -> np.ndarray:
    a = np.tril(np.ones((T, T)))
    return a / a.sum(-1, keepdims=True)


def _handmade(T: int = 12) -> np.ndarray:
    """(2 layers, 3 heads, T, T): L0H0 previous-token, L0H1 first-token, L0H2 self, L1 uniform."""
    att = np.stack([np.stack([_causal_uniform(T)] * 3)] * 2)
    prev = np.zeros((T, T)); prev[0, 0] = 1; prev[np.arange(1, T), np.arange(T - 1)] = 1
    first = np.zeros((T, T)); first[:, 0] = 1
    att[0, 0], att[0, 1], att[0, 2] = prev, first, np.eye(T)
    return att


def test_rows_of_handmade_cases_sum_to_one():
    assert np.allclose(_handmade().sum(-1), 1)


def test_previous_first_self_scores_detect_handmade_heads():
    att = _handmade()
    prev, first, self_ = A.previous_token_score(att), A.first_token_score(att), A.self_score(att)
    assert prev[0, 0] == pytest.approx(1.0) and prev[0, 1] == 0 and prev[1, 0] < 0.5
    assert first[0, 1] == pytest.approx(1.0) and first[0, 0] == 0
    assert self_[0, 2] == pytest.approx(1.0)
    scores = {"previous": prev, "first": first, "self": self_,
              "induction": np.zeros((2, 3)), "name": np.zeros((2, 3))}
    labels, earned = A.label_heads(scores, threshold=0.4)
    assert labels[0] == ["previous", "first", "self"]
    assert labels[1] == ["", "", ""]                  # uniform attention: no clear pattern
    assert earned[0, 0] == pytest.approx(1.0)


def test_induction_and_name_scores_on_handmade_patterns():
    n = 6
    T = 2 * n
    ind = np.zeros((1, 1, T, T))
    for i in range(T):
        ind[0, 0, i, i - n + 1 if i >= n else 0] = 1   # second copy → token after the first occurrence
    assert A.induction_score(ind, n)[0, 0] == pytest.approx(1.0)
    assert A.induction_score(_causal_uniform(T)[None, None], n)[0, 0] < 0.2
    name = np.zeros((1, 2, 5, 5)); name[..., 0] = 1; name[0, 0, -1] = [0, 1, 0, 0, 0]
    assert A.name_score(name, 1).tolist() == [[1.0, 0.0]]


def test_a_specific_pattern_beats_resting_on_the_first_token():
    s = {p: np.zeros((1, 1)) for p in A.PATTERNS}
    s["first"][0, 0], s["name"][0, 0] = 0.9, 0.5
    labels, earned = A.label_heads(s, 0.4)
    assert labels == [["name"]] and earned[0, 0] == 0.5


def test_head_names_round_trip():
    assert A.parse_head(A.head_name(3, 5)) == (3, 5)


# ---- computations on real models ------------------------------------------------------------------

def test_head_labels_are_measured_scores_in_unit_interval(bundled_lm):
    lab = A.head_labels(bundled_lm)
    L, H = bundled_lm.config.n_layer, bundled_lm.config.n_head
    for p in A.PATTERNS:
        s = lab["scores"][p]
        assert s.shape == (L, H) and np.isfinite(s).all() and (s >= 0).all() and (s <= 1).all()
    assert all(x in ("",) + A.PATTERNS for row in lab["label"] for x in row)
    df = A.labels_frame(lab)
    assert len(df) == L * H and df["score"].between(0, 1).all()


def test_batched_probe_attention_equals_trace(tiny_lm):
    seqs = [tiny_lm.encode(t) for t in A.PROBE_TEXTS[:3]] + A.random_repeated(tiny_lm, 1)
    for s, att in zip(seqs, A.batch_attention(tiny_lm, seqs)):
        np.testing.assert_allclose(att, tiny_lm.trace(s).attention, atol=1e-6)


def test_head_effects_use_ablation_and_leave_model_unchanged(tiny_lm):
    before = tiny_lm.last_logits(demos.IOI_PROMPT)
    fx = A.head_effects(tiny_lm, demos.IOI_PROMPT, "Mary", "John")
    L, H = tiny_lm.config.n_layer, tiny_lm.config.n_head
    assert fx["drop"].shape == (L, H) and np.isfinite(fx["drop"]).all()
    with tiny_lm.ablate(heads=[(L - 1, H - 1)]):
        d = A.logit_diff(tiny_lm, demos.IOI_PROMPT, "Mary", "John")
    assert fx["diff"][L - 1, H - 1] == pytest.approx(d, abs=1e-5)
    assert np.array_equal(before, tiny_lm.last_logits(demos.IOI_PROMPT))


# ---- the page --------------------------------------------------------------------------------------

def _fig(at, key: str) -> dict:
    for el in at.get("plotly_chart"):
        if el.proto.id.endswith(key):
            return json.loads(el.proto.spec)
    raise AssertionError(f"no chart {key}")


def _fresh():
    from pages.common import load_model
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
    from pages.common import load_model
    lm = load_model(None)
    L, H = lm.config.n_layer, lm.config.n_head

    # IOI preset: prompt, answer words, last token chosen; plotted numbers = lm.trace
    at.button(key="att.btn.ioi").click().run()
    assert not at.exception
    assert at.session_state["prompt"] == demos.IOI_PROMPT
    assert at.text_input(key="att.answer").value == demos.IOI_ANSWER
    tr = lm.trace(demos.IOI_PROMPT)
    T = len(tr.tokens)
    layer, head = at.session_state["att.layer"], at.session_state["att.head"]
    np.testing.assert_allclose(arr(_fig(at, "att.chart.head")["data"][0]["z"]),
                               tr.attention[layer, head], atol=1e-3)
    grid = _fig(at, "att.chart.grid")["data"]
    assert len(grid) == L * H
    np.testing.assert_allclose(arr(grid[-1]["z"]), tr.attention[L - 1, H - 1], atol=2e-3)
    assert at.session_state["att.query"] == T - 1
    q = arr(_fig(at, "att.chart.query")["data"][0]["z"])
    np.testing.assert_allclose(q, tr.attention[:, :, T - 1, :].reshape(L * H, T), atol=1e-3)
    assert "Mary" in " ".join(m.label for m in at.metric)
    assert at.toggle(key="att.fx").value                       # the IOI preset opens the head search
    fx = arr(_fig(at, "att.chart.fx")["data"][0]["z"])
    np.testing.assert_allclose(fx, A.head_effects(lm, demos.IOI_PROMPT, "Mary", "John")["drop"], atol=2e-3)

    # ablation through the page; the shared model is unchanged for the next request
    logits_before = lm.last_logits(demos.IOI_PROMPT)
    at.multiselect(key="att.abl_heads").set_value([A.head_name(0, 0)]).run()
    assert not at.exception
    ref = compare_next(lm, demos.IOI_PROMPT, k=10, heads=[(0, 0)])
    bars = _fig(at, "att.chart.abl")["data"]
    np.testing.assert_allclose(arr(bars[0]["y"]), ref["before"], atol=1e-6)
    np.testing.assert_allclose(arr(bars[1]["y"]), ref["after"], atol=1e-6)
    assert np.array_equal(logits_before, lm.last_logits(demos.IOI_PROMPT))
    assert lm.current_ablation is None
    at.multiselect(key="att.abl_layers").set_value([L - 1]).run()
    assert not at.exception

    # the other preset, the lines view, a bad query index, an empty prompt
    at.button(key="att.btn.bank").click().run()
    assert not at.exception and at.session_state["prompt"] == demos.BANK_PROMPT
    ids = lm.encode(demos.BANK_PROMPT)
    assert ids[at.session_state["att.query"]] == lm.encode(" his")[0] or len(lm.encode(" his")) > 1
    at.radio(key="att.view").set_value("lines").run()
    assert not at.exception
    at.session_state["prompt"] = "😀 你好 " * 100
    at.run()
    assert not at.exception
    at.session_state["prompt"] = ""
    at.run()
    assert not at.exception and any("empty" in i.value for i in at.info)


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
    from explainer import attention as A
    labels = A.head_labels(bundled_lm)
    first = A.showcase_head(labels)
    assert first is not None
    l, h = first
    assert labels["label"][l][h] == "name"                 # the bundled model has name movers
    assert labels["score"][l, h] == max(labels["score"][i, j] for i, row in enumerate(labels["label"])
                                        for j, lab in enumerate(row) if lab == "name")
    at = open_app(monkeypatch, None, "pages/attention.py")
    assert not at.exception
    assert (at.session_state["att.layer"], at.session_state["att.head"]) == (l, h)
    # no labelled head at all: None (the page then falls back to the last layer's head 0)
    empty = {"label": [["", "first"]], "score": np.array([[0.1, 0.5]])}
    assert A.showcase_head(empty) is None
