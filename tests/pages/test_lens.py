"""The layer-by-layer (logit lens) page, on the bundled model and on the tiny fixture model. — pages/lens.py in AppTest."""

import json
import numpy as np
import pytest
from tests.apphelp import arr, open_app
import explainer
from explainer import ablation, demos
from explainer.views import lens as lv
from explainer.i18n import t
from explainer.plots import visible
from explainer.plots.lens import _short


def _page(monkeypatch, path=None):
    at = open_app(monkeypatch, path, "pages/lens.py")
    return at


def _figures(at) -> dict:
    """Plotly figures on the page by their first trace's type (heatmap, scatter: the first of each)
    and by their chart key (``lens.chart.cases``)."""
    out = {}
    for el in at.get("plotly_chart"):
        spec = json.loads(el.proto.spec)
        out.setdefault(spec["data"][0]["type"], spec)
        out[el.proto.id.rsplit("-", 1)[-1]] = spec
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
    from pages.frame.models import load_model
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
    ids = [lm.answer_id(w) for w in ("Warsaw", "Poland")]
    np.testing.assert_allclose(np.array([arr(tr_["y"]) for tr_ in lines["data"]]).T,
                               tr.lens_probs(ids), atol=1e-5)

    # where the fact is kept: each bar is the model's P(Warsaw) with all MLPs off at that position
    where = ablation.fact_position(lm, demos.WARSAW_PROMPT, "Warsaw")
    n = len(where["tokens"])
    if where["base"] < 0.05:              # the tiny model does not know the fact: no chart, a message
        assert "lens.chart.where" not in figs
        assert any(i.value == t("lens.where.no_answer", word="Warsaw", p=where["base"]) for i in at.info)
    else:
        bars = figs["lens.chart.where"]["data"][0]
        np.testing.assert_allclose(arr(bars["y"]), [0.0 if where["probs"][k] is None else where["probs"][k]
                                                    for k in arr(bars["x"]).astype(int)], atol=1e-6)
        said = t("lens.where.holds" if where["holds"] else "lens.where.spread", word=where["word"],
                 base=where["base"], p=where["p"], answer="Warsaw")
        assert any(i.value.startswith(said) for i in at.info)
        assert n + where["position"] in arr(bars["x"]).astype(int)
    # the preset switches off where the model keeps the fact (the country, on the bundled model)
    assert at.session_state["lens.subject"] == (where["word"] if where["holds"] and where["at_word"]
                                                else demos.WARSAW_SUBJECT)

    # the shared model's next-token scores before any ablation
    before = shared.last_logits(demos.WARSAW_PROMPT).copy()
    at.button(key="lens.fact_btn").click().run()
    assert not at.exception
    # the preset switches the MLPs off only at one word: where the search found the fact (above)
    subject = at.session_state["lens.subject"]
    fact = ablation.fact_layers(lm, demos.WARSAW_PROMPT, "Warsaw", subject=subject)
    expected = fact["layers"]
    assert at.session_state["lens.mlp_off"] == expected
    assert at.info, "the page says which MLPs are off"
    with lm.ablate(mlp=expected, positions=fact["positions"]):
        tr_off = lm.trace(demos.WARSAW_PROMPT)
    np.testing.assert_allclose(arr(_figures(at)["heatmap"]["data"][0]["z"]),
                               tr_off.lens[:, start:].max(-1).T, atol=1e-5)
    # four cases: the table equals explainer's numbers
    cases = ablation.fact_cases(lm, demos.WARSAW_PROMPT, demos.WARSAW_FACT, "Warsaw", expected, subject)
    shown = at.dataframe[0].value
    assert list(shown.iloc[:, 1]) == pytest.approx([round(v, 4) for v in cases["probs"].values()], abs=1e-4)
    assert list(shown.iloc[:, 2]) == [f"{tok!r} {q:.3f}" for tok, q in cases["top"].values()]
    if 0 in expected and ablation.cases_verdict(cases["probs"]) == "lost_not_recovered":
        # the page explains it with the model's own top guess
        assert any(repr(cases["top"]["mlp_off"][0]) in c.value for c in at.caption)
    bar = _figures(at)["lens.chart.cases"]
    np.testing.assert_allclose(arr(bar["data"][0]["y"]), list(cases["probs"].values()), atol=1e-6)

    at.checkbox(key="lens.fact").check().run()
    assert not at.exception
    # the page ran with MLPs off: the shared model is untouched
    assert shared.current_intervention is None
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
    layers = ablation.fact_layers(lm, demos.WARSAW_QUESTION, "Warsaw", demos.WARSAW_SUBJECT)["layers"]
    order = ablation.order_test(lm, demos.WARSAW_QUESTION, demos.WARSAW_FACT, demos.OTHER_FACT, "Warsaw", layers,
                          demos.WARSAW_SUBJECT)
    for where in ablation.OTHER_FACT_PLACES:
        if where != "none":
            at.radio(key="lens.other_fact").set_value(where).run()
            assert not at.exception
            assert any(demos.OTHER_FACT.strip() in c.value for c in at.caption)
        fact = ablation.facts_in_front(demos.WARSAW_FACT, demos.OTHER_FACT, where)
        cases = ablation.fact_cases(lm, demos.WARSAW_QUESTION, fact, "Warsaw", layers, demos.WARSAW_SUBJECT)
        shown = at.dataframe[0].value
        assert list(shown.iloc[:, 1]) == pytest.approx([round(v, 4) for v in cases["probs"].values()], abs=1e-4)
        assert list(shown.iloc[:, 2]) == [f"{tok!r} {q:.3f}" for tok, q in cases["top"].values()]
        verdict = ablation.cases_verdict(cases["probs"])
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


def test_the_page_opens_on_words_that_rise(monkeypatch, bundled_lm):
    """On the default prompt (the Mary/John sentence) the page follows Mary and John, and the chart
    is not flat: P(Mary) after the last layer is the model's own."""
    at = _page(monkeypatch)
    assert not at.exception
    assert lv.parse_words(at.session_state["lens.words"]) == ["Mary", "John"]
    d = lv.lens_data(bundled_lm, at.session_state["prompt"], words=["Mary", "John"])
    assert not lv.words_absent(d)
    p_mary = bundled_lm.next_probs(at.session_state["prompt"])[bundled_lm.answer_id("Mary")]
    assert d["word_probs"][-1, 0] == pytest.approx(p_mary, abs=1e-4) and p_mary > 0.5


def test_flat_word_lines_offer_the_models_own_guesses(monkeypatch, bundled_lm):
    # Warsaw and Poland on the Mary/John sentence are nowhere: the page says so and offers to
    # follow the model's final top guesses instead
    at = open_app(monkeypatch, None, "pages/lens.py", state={"lens.words": "Warsaw, Poland"})
    assert not at.exception
    d = lv.lens_data(bundled_lm, at.session_state["prompt"], words=["Warsaw", "Poland"])
    assert lv.words_absent(d)
    guesses = lv.final_guesses(d)
    assert guesses[0] == bundled_lm.next_token(at.session_state["prompt"], k=1)[0][0].strip()
    notice = t("lens.words.absent", p=f"{d['word_probs'].max():.3f}", guesses=", ".join(f"“{g}”" for g in guesses))
    assert any(i.value == notice for i in at.info)
    at.button(key="lens.follow_guesses").click().run()
    assert not at.exception
    assert lv.parse_words(at.session_state["lens.words"]) == guesses
    opening = t("lens.words.absent").split("{")[0]           # the notice's first words, in any language
    assert not any(i.value.startswith(opening) for i in at.info)
    # on the Warsaw prompt the words are there: no notice
    d = lv.lens_data(bundled_lm, demos.WARSAW_PROMPT, words=["Warsaw", "Poland"])
    assert not lv.words_absent(d)


def test_the_search_offers_to_switch_off_where_the_fact_is(monkeypatch, bundled_lm):
    """With the MLPs set to switch off at another word, the page offers the word the search found;
    pressing it switches off there the layers that carry the fact, and the answer is lost."""
    at = _page(monkeypatch)
    at.button(key="lens.preset_btn").click().run()
    at.text_input(key="lens.subject").set_value("capital").run()
    assert not at.exception
    where = ablation.fact_position(bundled_lm, demos.WARSAW_PROMPT, "Warsaw")
    assert where["holds"] and where["word"] == demos.WARSAW_SUBJECT
    at.button(key="lens.where_btn").click().run()
    assert not at.exception
    assert at.session_state["lens.subject"] == demos.WARSAW_SUBJECT
    layers = ablation.fact_layers(bundled_lm, demos.WARSAW_PROMPT, "Warsaw", demos.WARSAW_SUBJECT)["layers"]
    assert at.session_state["lens.mlp_off"] == layers
    assert all(b.key != "lens.where_btn" for b in at.button)      # already switched off there
    cases = ablation.fact_cases(bundled_lm, demos.WARSAW_PROMPT, demos.WARSAW_FACT, "Warsaw", layers,
                                demos.WARSAW_SUBJECT)
    assert cases["probs"]["mlp_off"] < 0.05


def test_the_search_says_when_there_is_no_fact_to_find(monkeypatch, bundled_lm):
    """On a prompt whose next word is not the followed one, the page says so instead of a flat chart."""
    at = open_app(monkeypatch, None, "pages/lens.py", state={"lens.words": "Warsaw, Poland"})
    assert not at.exception
    p = float(bundled_lm.next_probs(at.session_state["prompt"])[bundled_lm.answer_id("Warsaw")])
    assert p < 0.05
    assert any(i.value == t("lens.where.no_answer", word="Warsaw", p=p) for i in at.info)
    assert "lens.chart.where" not in _figures(at)
