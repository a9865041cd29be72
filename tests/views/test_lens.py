"""The layer-by-layer (logit lens) page, on the bundled model and on the tiny fixture model. — explainer/views/lens.py and its figures."""

import numpy as np
import pytest
from explainer import ablation, demos
from explainer.views import lens as lv
from explainer.lm import InputError
from explainer.plots.lens import cases_bar, lens_heatmap, word_lines


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
