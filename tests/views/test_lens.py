"""The layer-by-layer (logit lens) page, on the bundled model and on the tiny fixture model. — explainer/views/lens.py and its figures."""

import numpy as np
import pytest
from explainer import ablation, demos
from explainer.views import lens as lv
from explainer.lm import InputError
from explainer.plots.lens import cases_bar, fact_position_bar, lens_heatmap, word_lines


def test_order_test_verdicts_follow_the_numbers(bundled_lm):
    lm = bundled_lm
    o = ablation.order_test(lm, demos.WARSAW_QUESTION, demos.WARSAW_FACT, demos.OTHER_FACT, "Warsaw", [0],
                      demos.WARSAW_SUBJECT)
    pa, pb = o["after"]["p"], o["before"]["p"]
    want = ("reads" if min(pa, pb) > 0.5 else "nearest" if pb - pa > 0.25 else "first" if pa - pb > 0.25
            else "neither" if max(pa, pb) < 0.5 else "unclear")
    assert o["verdict"] == want and o["token"] == " Warsaw"
    # with every MLP on, the bundled model knows the answer whatever the order
    assert ablation.order_test(lm, demos.WARSAW_QUESTION, demos.WARSAW_FACT, demos.OTHER_FACT, "Warsaw")["verdict"] == "reads"
    assert ablation.facts_in_front("A. ", "B. ", "after") == "A. B. "
    assert ablation.facts_in_front("A. ", "B. ", "before") == "B. A. "
    assert ablation.facts_in_front("A. ", "B. ", "none") == "A. "
    with pytest.raises(InputError):
        ablation.order_test(lm, "  ", demos.WARSAW_FACT, demos.OTHER_FACT, "Warsaw")


def test_lens_functions(bundled_lm):
    lm = bundled_lm
    assert lv.parse_words(" Warsaw, Poland ,, Warsaw，Paris") == ["Warsaw", "Poland", "Paris"]
    assert ablation.build_prompt("Q", demos.WARSAW_FACT).startswith(demos.WARSAW_FACT.strip())
    assert ablation.build_prompt("Q", None) == "Q"
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
    c = ablation.fact_cases(lm, demos.WARSAW_PROMPT, demos.WARSAW_FACT, "Warsaw", [0])
    assert set(c["probs"]) == set(ablation.CASES) and all(0 <= p <= 1 for p in c["probs"].values())
    assert set(c["top"]) == set(ablation.CASES)
    for case, (tok, q) in c["top"].items():
        assert q >= c["probs"][case] - 1e-9                  # the top guess is at least as likely
    assert c["top"]["normal"][0] == lm.token_text(lm.answer_id("Warsaw"))
    assert cases_bar(c["probs"], {k: k for k in ablation.CASES}, {"y": "y"}).data
    assert lm.current_intervention is None


def test_cases_verdict():
    assert ablation.cases_verdict({"normal": 0.99, "mlp_off": 0.0, "fact": 0.99, "both": 0.9}) == "lost_recovered"
    assert ablation.cases_verdict({"normal": 0.99, "mlp_off": 0.0, "fact": 0.99, "both": 0.0}) == "lost_not_recovered"
    assert ablation.cases_verdict({"normal": 0.99, "mlp_off": 0.9, "fact": 0.99, "both": 0.9}) == "not_lost"
    assert ablation.cases_verdict({"normal": 0.0, "mlp_off": 0.0, "fact": 0.0, "both": 0.0}) == "no_answer"


@pytest.mark.parametrize("which", ["bundled", "bundled_zh", "tiny"])
def test_fact_position_is_the_switch_off_search_it_says(which, request):
    """Every bar is P(answer) with all MLPs off at that one position, as n separate calls give it;
    the last position is not searched; the position found is the lowest bar, and "holds" is the
    card's rule. On both bundled models the fact sits at the country (the card's figure)."""
    lm = request.getfixturevalue({"bundled": "bundled_lm", "bundled_zh": "bundled_zh_lm", "tiny": "tiny_lm"}[which])
    kit = demos.of(lm)
    w = ablation.fact_position(lm, kit.WARSAW_PROMPT, kit.WARSAW_ANSWER)
    ids = lm.encode(kit.WARSAW_PROMPT)
    n, L, aid = len(ids), lm.config.n_layer, lm.answer_id(kit.WARSAW_ANSWER)
    assert len(w["tokens"]) == len(w["probs"]) == n and w["probs"][-1] is None
    assert w["base"] == pytest.approx(float(lm.next_probs(kit.WARSAW_PROMPT)[aid]), abs=1e-5)
    for k in (0, n // 2, n - 2):                    # the batched pass equals one call per position
        p = lm.next_probs(kit.WARSAW_PROMPT, ablation.mlp_off(range(L), [k - n]))
        assert w["probs"][k] == pytest.approx(float(p[aid]), abs=1e-4)
        assert w["top1"][k] == (int(p.argmax()) == aid)
    searched = [p for p in w["probs"] if p is not None]
    assert w["p"] == min(searched) and w["probs"][n + w["position"]] == w["p"]
    assert w["next_p"] == sorted(searched)[1] and w["probs"][n + w["next_position"]] == w["next_p"]
    assert w["first"] == (0 in (n + w["position"], n + w["next_position"]))
    assert w["holds"] == (w["p"] < ablation.FACT_GONE and not w["top1"][n + w["position"]])
    assert ablation.subject_positions(lm, kit.WARSAW_PROMPT, w["position"]) == [w["position"]]
    assert w["at_word"] == (ablation.subject_positions(lm, kit.WARSAW_PROMPT, w["word"]) == [w["position"]])
    if which != "tiny":       # the word found is where the page's "switch off at this word" acts
        assert ablation.subject_positions(lm, kit.WARSAW_PROMPT, w["word"]) == [w["position"]]
        assert w["word"] == kit.WARSAW_SUBJECT and w["holds"] and w["p"] < 0.05
    fig = fact_position_bar(w, {k: k for k in ("y", "last", "first", "base", "gone", "found", "hover")})
    bars = fig.data[0]
    # the last 16, or from the found one or the next lowest, whichever lies further back
    shown = list(range(max(0, min(n - 16, n + w["position"], n + w["next_position"])), n))
    assert list(bars.x) == shown
    np.testing.assert_allclose(bars.y, [0.0 if w["probs"][k] is None else w["probs"][k] for k in shown])
    assert bars.text[-1] == "" and len(set(bars.marker.color)) == 3     # found, searched, last
    marks = {a.text: a.x for a in fig.layout.annotations}
    assert marks == {"last": n - 1, "found": n + w["position"], **({"first": 0} if w["first"] else {})}
    assert [tr.name for tr in fig.data[1:]] == ["base", "gone"] and fig.data[1].y[0] == pytest.approx(w["base"])
    assert lm.current_intervention is None


def test_fact_position_marks_the_first_word(bundled_lm, bundled_zh_lm):
    """The prompt's first token is read by every later one: on the Chinese model, switching off its
    MLPs at 问 lowers P(华沙) almost as much as at 波兰, and the search says the first word is among
    its two lowest; on the English few-shot prompt it is not."""
    zh = ablation.fact_position(bundled_zh_lm, "问：法国的首都是哪里？答：巴黎\n问：波兰的首都是哪里？答：", "华沙")
    assert zh["word"] == "波兰" and zh["next_word"] == "问" and zh["first"]
    assert zh["next_position"] == -len(zh["tokens"]) and zh["next_p"] < 0.25
    en = ablation.fact_position(bundled_lm, demos.WARSAW_PROMPT, "Warsaw")
    assert en["word"] == "Poland" and not en["first"] and en["probs"][0] > 0.5


def test_fact_position_edges(bundled_lm):
    lm = bundled_lm
    with pytest.raises(InputError):
        ablation.fact_position(lm, "  ", "Warsaw")
    assert len(lm.encode("Q")) == 1
    one = ablation.fact_position(lm, "Q", "Warsaw")                 # one token: nothing to search
    assert one["position"] is None and one["holds"] is False and one["probs"] == [None]
    long = ablation.fact_position(lm, "word " * 300, "Warsaw")      # only the last positions are searched
    assert sum(p is not None for p in long["probs"]) == ablation.SEARCH_POSITIONS
    assert len(long["tokens"]) == lm.config.n_ctx
