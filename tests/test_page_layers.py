"""The layer-by-layer (logit lens) page, on the bundled model and on the tiny fixture model."""

import json

import numpy as np
import pytest
from apphelp import arr, open_app

import explainer
from explainer import analysis, demos
from explainer import lensview as lv
from explainer.i18n import t
from explainer.lm import InputError
from explainer.plots import visible
from explainer.plots.lens import _short, cases_bar, lens_heatmap, word_lines



def _page(monkeypatch, path=None):
    at = open_app(monkeypatch, path, "pages/layers.py")
    return at


def _figures(at) -> dict:
    """Plotly figures on the page by the chart key's trace type: heatmap, scatter, bar."""
    out = {}
    for el in at.get("plotly_chart"):
        spec = json.loads(el.proto.spec)
        out.setdefault(spec["data"][0]["type"], spec)
    return out



def _no_nan(spec) -> None:
    for tr in spec["data"]:
        for k in ("x", "y", "z"):
            if k in tr and tr[k] is not None:
                v = tr[k]
                if isinstance(v, dict) or (isinstance(v, list) and v and not isinstance(v[0], str)
                                           and not (isinstance(v[0], list) and v[0] and isinstance(v[0][0], str))):
                    assert np.isfinite(arr(v)).all(), k


@pytest.mark.parametrize("which", ["bundled", "tiny"])
def test_lens_page_preset_ablation_and_fact(monkeypatch, which, request):
    path = request.getfixturevalue("tiny_dir") if which == "tiny" else None
    at = _page(monkeypatch, path)
    assert not at.exception
    assert at.title[0].value == t("lens.title")
    lm = explainer.load(path)
    from pages.common import load_model
    shared = load_model(None)

    # preset: the Warsaw prompt; the heatmap is the lens top-1 of lm.trace(prompt)
    at.button(key="lens.preset_btn").click().run()
    assert not at.exception
    assert at.session_state["prompt"] == demos.WARSAW_PROMPT
    tr = lm.trace(demos.WARSAW_PROMPT)
    figs = _figures(at)
    heat = figs["heatmap"]
    T = len(tr.tokens)
    start = max(0, T - 32)
    z = arr(heat["data"][0]["z"])                     # (positions, layers)
    np.testing.assert_allclose(z, tr.lens[:, start:].max(-1).T, atol=1e-5)
    top1 = [[_short(visible(lm.token_text(int(i))), 14) for i in row] for row in tr.lens[:, start:].argmax(-1).T]
    assert heat["data"][0]["text"] == top1
    assert list(arr(heat["data"][0]["y"])) == list(range(start, T))               # integer axis + tick text
    assert len(heat["layout"]["yaxis"]["ticktext"]) == T - start
    _no_nan(heat)
    # the words chart: P(Warsaw), P(Poland) at the last position across layers
    lines = figs["scatter"]
    ids = [analysis.answer_id(lm, w) for w in ("Warsaw", "Poland")]
    np.testing.assert_allclose(np.array([arr(tr_["y"]) for tr_ in lines["data"]]).T,
                               analysis.prob_across_layers(tr, ids), atol=1e-5)

    # the shared model's next-token scores before any ablation
    before = shared.last_logits(demos.WARSAW_PROMPT).copy()
    at.button(key="lens.fact_btn").click().run()
    assert not at.exception
    # the preset switches the MLPs off only at the question's subject (" Poland")
    assert at.session_state["lens.subject"] == demos.WARSAW_SUBJECT
    fact = analysis.mlp_layers_for_fact(lm, demos.WARSAW_PROMPT, "Warsaw", subject=demos.WARSAW_SUBJECT)
    expected = fact["layers"]
    assert at.session_state["lens.mlp_off"] == expected
    assert at.info, "the page says which MLPs are off"
    with lm.ablate(mlp=expected, mlp_positions=fact["positions"]):
        tr_off = lm.trace(demos.WARSAW_PROMPT)
    np.testing.assert_allclose(arr(_figures(at)["heatmap"]["data"][0]["z"]),
                               tr_off.lens[:, start:].max(-1).T, atol=1e-5)
    # four cases: the table equals explainer's numbers
    cases = lv.fact_cases(lm, demos.WARSAW_PROMPT, demos.WARSAW_FACT, "Warsaw", expected,
                          demos.WARSAW_SUBJECT)
    shown = at.dataframe[0].value
    assert list(shown.iloc[:, 1]) == pytest.approx([round(v, 4) for v in cases["probs"].values()], abs=1e-4)
    assert list(shown.iloc[:, 2]) == [f"{tok!r} {q:.3f}" for tok, q in cases["top"].values()]
    if 0 in expected and lv.cases_verdict(cases["probs"]) == "lost_not_recovered":
        # the page explains it with the model's own top guess
        assert any(repr(cases["top"]["mlp_off"][0]) in c.value for c in at.caption)
    bar = _figures(at)["bar"]
    np.testing.assert_allclose(arr(bar["data"][0]["y"]), list(cases["probs"].values()), atol=1e-6)

    at.checkbox(key="lens.fact").check().run()
    assert not at.exception
    # the page ran with MLPs off: the shared model is untouched
    assert shared.current_ablation is None
    np.testing.assert_array_equal(shared.last_logits(demos.WARSAW_PROMPT), before)
    np.testing.assert_array_equal(lm.last_logits(demos.WARSAW_PROMPT), before)


def test_lens_page_bare_question_and_second_fact(monkeypatch, bundled_lm):
    """The bare-question preset and the "second fact" test: the table shows what the model
    computes with the fact text the page says it uses, and the caption reads both orders."""
    lm = bundled_lm
    at = _page(monkeypatch)
    at.button(key="lens.preset_q_btn").click().run()
    assert not at.exception
    assert at.session_state["prompt"] == demos.WARSAW_QUESTION
    assert at.session_state["lens.other_fact"] == "none"
    layers = lv.fact_layers(lm, demos.WARSAW_QUESTION, "Warsaw", demos.WARSAW_SUBJECT)
    order = lv.order_test(lm, demos.WARSAW_QUESTION, demos.WARSAW_FACT, demos.OTHER_FACT, "Warsaw", layers,
                          demos.WARSAW_SUBJECT)
    for where in lv.OTHER_FACT_PLACES:
        if where != "none":
            at.radio(key="lens.other_fact").set_value(where).run()
            assert not at.exception
            assert any(demos.OTHER_FACT.strip() in c.value for c in at.caption)
        fact = lv.facts_in_front(demos.WARSAW_FACT, demos.OTHER_FACT, where)
        cases = lv.fact_cases(lm, demos.WARSAW_QUESTION, fact, "Warsaw", layers, demos.WARSAW_SUBJECT)
        shown = at.dataframe[0].value
        assert list(shown.iloc[:, 1]) == pytest.approx([round(v, 4) for v in cases["probs"].values()], abs=1e-4)
        assert list(shown.iloc[:, 2]) == [f"{tok!r} {q:.3f}" for tok, q in cases["top"].values()]
        verdict = lv.cases_verdict(cases["probs"])
        assert any(t(f"lens.verdict.{verdict}") == i.value for i in at.info)
        if where != "none":
            # the "MLPs off + fact" case is the order test's number for this order
            assert order[where]["p"] == pytest.approx(cases["probs"]["both"], abs=1e-6)
            if verdict != "no_answer":      # the page reads both orders off the model's numbers
                a, b = order["after"], order["before"]
                want = t(f"lens.order.{order['verdict']}", token=repr(order["token"]), top_a=repr(a["top"]),
                         pa=a["p_top"], top_b=repr(b["top"]), pb=b["p_top"], a=a["p"], b=b["p"])
                assert any(c.value == want for c in at.caption)
    # the preset resets the second fact
    at.button(key="lens.preset_btn").click().run()
    assert at.session_state["lens.other_fact"] == "none" and not at.exception


def test_order_test_verdicts_follow_the_numbers(bundled_lm):
    lm = bundled_lm
    o = lv.order_test(lm, demos.WARSAW_QUESTION, demos.WARSAW_FACT, demos.OTHER_FACT, "Warsaw", [0],
                      demos.WARSAW_SUBJECT)
    pa, pb = o["after"]["p"], o["before"]["p"]
    want = ("reads" if min(pa, pb) > 0.5 else "nearest" if pb - pa > 0.25 else "first" if pa - pb > 0.25
            else "neither" if max(pa, pb) < 0.5 else "unclear")
    assert o["verdict"] == want and o["token"] == " Warsaw"
    # with every MLP on, the bundled model knows the answer whatever the order
    assert lv.order_test(lm, demos.WARSAW_QUESTION, demos.WARSAW_FACT, demos.OTHER_FACT, "Warsaw")["verdict"] == "reads"
    assert lv.facts_in_front("A. ", "B. ", "after") == "A. B. "
    assert lv.facts_in_front("A. ", "B. ", "before") == "B. A. "
    assert lv.facts_in_front("A. ", "B. ", "none") == "A. "
    with pytest.raises(InputError):
        lv.order_test(lm, "  ", demos.WARSAW_FACT, demos.OTHER_FACT, "Warsaw")


def test_lens_page_bad_input_is_a_message(monkeypatch):
    at = _page(monkeypatch)
    n_ctx = explainer.load().config.n_ctx
    for text in ["", "   ", "北京是中国的首都。", "🙂🙃 emoji " * 3, "word " * 400]:
        at.session_state["prompt"] = text          # (AppTest shows no sidebar after switch_page)
        at.run()
        assert not at.exception, text
        if not text.strip():
            assert any(t("app.empty") in w.value for w in at.warning)
        if len(text) > 1000:
            assert any(t("app.truncated", ctx=n_ctx, n=0).split(":")[0] in i.value for i in at.info)
    at.text_input(key="lens.words").set_value("").run()
    assert not at.exception
    assert any(t("lens.no_words") in i.value for i in at.info)


def test_lens_functions(bundled_lm):
    lm = bundled_lm
    assert lv.parse_words(" Warsaw, Poland ,, Warsaw，Paris") == ["Warsaw", "Poland", "Paris"]
    assert lv.build_prompt("Q", demos.WARSAW_FACT).startswith(demos.WARSAW_FACT.strip())
    assert lv.build_prompt("Q", None) == "Q"
    assert lv.window(10, 8, 50) == (8, 10) and lv.window(10, 12, 3) == (2, 3)
    d = lv.lens_data(lm, demos.WARSAW_PROMPT, (), ("Warsaw", "Poland"))
    L1 = lm.config.n_layer + 1
    assert d["top_prob"].shape == (L1, len(d["tokens"]), lv.TOP_K)
    assert np.all(np.diff(d["top_prob"], axis=-1) <= 1e-7)          # sorted guesses
    rows = lv.layer_names(lm.config.n_layer)
    assert len(rows) == L1 and rows[0].startswith("0") and rows[-1].startswith(str(L1 - 1))
    fig = lens_heatmap(d, 0, len(d["tokens"]), rows, {k: k for k in
                       ("x", "y", "colour", "hover_pos", "hover_layer", "hover_top")})
    assert fig.data[0].z.shape == (len(d["tokens"]), L1)
    assert word_lines(d, rows, {"x": "x", "y": "y"}).data
    assert len(lv.lens_frame(d)) == L1 * len(d["tokens"])
    c = lv.fact_cases(lm, demos.WARSAW_PROMPT, demos.WARSAW_FACT, "Warsaw", [0])
    assert set(c["probs"]) == set(lv.CASES) and all(0 <= p <= 1 for p in c["probs"].values())
    assert set(c["top"]) == set(lv.CASES)
    for case, (tok, q) in c["top"].items():
        assert q >= c["probs"][case] - 1e-9                  # the top guess is at least as likely
    assert c["top"]["normal"][0] == lm.token_text(analysis.answer_id(lm, "Warsaw"))
    assert cases_bar(c["probs"], {k: k for k in lv.CASES}, {"y": "y"}).data
    assert lm.current_ablation is None


def test_cases_verdict():
    assert lv.cases_verdict({"normal": 0.99, "mlp_off": 0.0, "fact": 0.99, "both": 0.9}) == "lost_recovered"
    assert lv.cases_verdict({"normal": 0.99, "mlp_off": 0.0, "fact": 0.99, "both": 0.0}) == "lost_not_recovered"
    assert lv.cases_verdict({"normal": 0.99, "mlp_off": 0.9, "fact": 0.99, "both": 0.9}) == "not_lost"
    assert lv.cases_verdict({"normal": 0.0, "mlp_off": 0.0, "fact": 0.0, "both": 0.0}) == "no_answer"


def test_flat_word_lines_offer_the_models_own_guesses(monkeypatch, bundled_lm):
    # the default prompt is the IOI sentence: Warsaw and Poland are nowhere, so the page says so
    # and offers to follow the model's final top guesses instead
    at = _page(monkeypatch)
    assert not at.exception
    d = lv.lens_data(bundled_lm, at.session_state["prompt"], words=["Warsaw", "Poland"])
    assert lv.words_absent(d)
    guesses = lv.final_guesses(d)
    assert guesses[0] == bundled_lm.next_token(at.session_state["prompt"], k=1)[0][0].strip()
    assert any(guesses[0] in i.value for i in at.info)
    at.button(key="lens.follow_guesses").click().run()
    assert not at.exception
    assert lv.parse_words(at.session_state["lens.words"]) == guesses
    assert not any(guesses[0] in i.value and "top guesses" in i.value for i in at.info)
    # on the Warsaw prompt the words are there: no notice
    d = lv.lens_data(bundled_lm, demos.WARSAW_PROMPT, words=["Warsaw", "Poland"])
    assert not lv.words_absent(d)
