"""The scorecard: computed from the model (tiny checkpoint), and the bundled one is reproducible."""

import json
import math

import numpy as np
import pytest

from explainer import ablation, demos
from explainer import scorecard as ev
from explainer.embeddings import analogy_accuracy
from explainer.checkpoint import SCORECARD


@pytest.fixture(scope="module")
def tiny_card(tiny_lm):
    return ev.scorecard(tiny_lm, ioi_n=60)


def test_scorecard_shape(tiny_card, tiny_lm):
    c = tiny_card
    for key in ["model", "val_loss", "perplexity", "capital_qa", "ioi", "analogy", "coffee", "lens",
                "ablation", "repetition", "targets"]:
        assert key in c
    assert c["perplexity"] == pytest.approx(math.exp(c["val_loss"]), rel=1e-3)
    assert 0 <= c["capital_qa"]["zero_shot"] <= 1 and c["capital_qa"]["n"] >= 40
    assert c["ioi"]["n"] == 60 and 0 <= c["ioi"]["io_over_subject"] <= 1
    spaces = c["analogy"]["spaces"]
    assert {"word2vec", "tokens"} <= set(spaces)
    assert len([s for s in spaces if s.startswith("context:")]) == tiny_lm.config.n_layer
    assert len(c["lens"]["warsaw_by_layer"]) == tiny_lm.config.n_layer + 1
    assert all(isinstance(v, bool) for v in c["targets"].values())
    json.dumps(c)                                   # serialisable as written to scorecard.json


def test_figures_are_computed_not_constants(tiny_card, tiny_lm):
    from explainer.corpus import held_out_text
    # the loss is the model's mean cross-entropy on the held-out text
    assert tiny_card["val_loss"] == pytest.approx(
        ev.held_out_loss(tiny_lm, held_out_text(100_000, seed=ev.VAL_SEED)), abs=1e-3)
    # an untrained snapshot of the same model scores differently
    step0 = tiny_lm.at_snapshot(tiny_lm.snapshots()[0][1])
    assert ev.held_out_loss(step0, held_out_text(20_000, seed=ev.VAL_SEED)) > tiny_card["val_loss"] + 0.5
    # IOI accuracy is a count over the cases
    from explainer.corpus import make_ioi_cases
    hits = sum(int(np.argmax(tiny_lm.last_logits(p))) == tiny_lm.answer_id(io)
               for p, io, _ in make_ioi_cases(60))
    assert tiny_card["ioi"]["accuracy"] == pytest.approx(hits / 60, abs=1e-4)
    # … and its breakdowns are counts over the same cases: by name order and by frame
    from explainer.corpus import IOI_EVAL_TEMPLATES
    io = tiny_card["ioi"]
    assert set(io["by_order"]) == {"io_first", "s_first"}
    assert len(io["by_frame"]) == len(IOI_EVAL_TEMPLATES)
    assert (io["by_order"]["io_first"] + io["by_order"]["s_first"]) / 2 == pytest.approx(io["accuracy"], abs=0.02)
    assert sum(io["by_frame"]) / len(io["by_frame"]) == pytest.approx(io["accuracy"], abs=0.02)
    # the ablation check really switches layers off
    abl = tiny_card["ablation"]
    assert set(abl["mlp_layers"]) <= set(range(tiny_lm.config.n_layer)) and abl["mlp_layers"]
    assert len(abl["p_warsaw_single_layer_off"]) == tiny_lm.config.n_layer
    # … at the position where the search finds the fact (all MLPs off there: the lowest P)
    fp = abl["fact_position"]
    where = ablation.fact_position(tiny_lm, demos.WARSAW_PROMPT, demos.WARSAW_ANSWER)
    assert fp["word"] == abl["subject"] == where["word"] and abl["at_positions"] == [where["position"]]
    assert fp["holds"] == where["holds"] and fp["p_all_mlps_off"] == pytest.approx(where["p"], abs=1e-4)
    assert [tok for tok, _ in fp["by_position"]] == where["tokens"][-len(fp["by_position"]):]
    assert fp["by_position"][-1][1] is None                  # the last position is not searched
    # reading or copying: with no layer off the two accuracies are the same count; chance is 1/2–1/3
    lk = abl["prompt_lookup"]
    assert set(lk) == {"n", "accuracy_mlp_on", "accuracy_mlp_off", "chance", "mlp_off_by_position",
                       "two_facts_mlp_off"}
    assert set(lk["mlp_off_by_position"]) == {"first", "middle", "last"}
    assert 1 / 3 < lk["chance"] < 1 / 2
    same = ablation.prompt_lookup(tiny_lm, [], n=20)
    assert same["accuracy_mlp_on"] == same["accuracy_mlp_off"] == ablation.prompt_lookup(tiny_lm, [0], n=20)["accuracy_mlp_on"]
    assert {k for v in lk["two_facts_mlp_off"].values() for k in v} == {"warsaw", "lima"}


def test_analogy_accuracy_counts_every_ordered_pair(tiny_lm):
    from explainer.corpus import RELATIONS
    res = analogy_accuracy(tiny_lm.space("word2vec"), RELATIONS)
    vs = tiny_lm.space("word2vec")
    rel = "gender"
    pairs = [(a, b) for a, b in RELATIONS[rel] if a in vs and b in vs]
    hits = sum(vs.analogy(a, b, c, k=1)[0][0] == d for a, b in pairs for c, d in pairs if (a, b) != (c, d))
    assert res["per_relation"][rel]["n"] == len(pairs) * (len(pairs) - 1)
    assert res["per_relation"][rel]["accuracy"] == pytest.approx(hits / res["per_relation"][rel]["n"])


@pytest.mark.slow
def test_bundled_scorecard_is_the_committed_one(bundled_lm):
    committed = json.loads((bundled_lm.folder / SCORECARD).read_text())
    card = ev.scorecard(bundled_lm)
    assert card["val_loss"] == pytest.approx(committed["val_loss"], abs=2e-3)
    assert card["capital_qa"]["zero_shot"] == pytest.approx(committed["capital_qa"]["zero_shot"], abs=0.02)
    assert card["ioi"]["accuracy"] == pytest.approx(committed["ioi"]["accuracy"], abs=0.01)
    for space, v in committed["analogy"]["spaces"].items():
        if v["accuracy"] is not None:
            assert card["analogy"]["spaces"][space]["accuracy"] == pytest.approx(v["accuracy"], abs=0.01), space
    assert card["coffee"]["ok"] == committed["coffee"]["ok"]
    assert card["lens"]["first_top1_layer"] == committed["lens"]["first_top1_layer"]
    assert card["ablation"]["mlp_layers"] == committed["ablation"]["mlp_layers"]
    if "prompt_lookup" in committed["ablation"]:
        assert card["ablation"]["prompt_lookup"]["accuracy_mlp_off"] == pytest.approx(
            committed["ablation"]["prompt_lookup"]["accuracy_mlp_off"], abs=0.02)
    assert card["targets"] == committed["targets"]


@pytest.mark.slow
def test_bundled_chinese_scorecard_is_the_committed_one():
    """The bundled Chinese model's card (python -m explainer evaluate --checkpoint assets/model_zh)
    comes out as committed: the same held-out measurements, in Chinese."""
    import explainer
    from explainer.lm import ASSETS_ZH
    if not (ASSETS_ZH / SCORECARD).is_file():
        pytest.skip("no bundled Chinese model in this installation")
    lm = explainer.load(ASSETS_ZH)
    committed = json.loads((ASSETS_ZH / SCORECARD).read_text())
    card = ev.scorecard(lm)
    assert card["lang"] == committed["lang"] == "zh"
    assert card["val_loss"] == pytest.approx(committed["val_loss"], abs=2e-3)
    for key in ("zero_shot", "few_shot", "paraphrased"):
        assert card["capital_qa"][key] == pytest.approx(committed["capital_qa"][key], abs=0.02), key
    assert card["ioi"]["accuracy"] == pytest.approx(committed["ioi"]["accuracy"], abs=0.01)
    for key in ("fresh", "late"):            # the third and fourth held-out sets, 12 shapes × 40 cases each
        assert card["ioi"][f"{key}_n"] == 480 and len(card["ioi"][f"{key}_by_frame"]) == 12
        assert card["ioi"][key] == pytest.approx(committed["ioi"][key], abs=0.01), key
    assert card["analogy"]["spaces"]["word2vec"]["accuracy"] == pytest.approx(
        committed["analogy"]["spaces"]["word2vec"]["accuracy"], abs=0.01)
    assert card["lens"]["first_top1_layer"] == committed["lens"]["first_top1_layer"]
    assert card["ablation"]["mlp_layers"] == committed["ablation"]["mlp_layers"]
    assert card["targets"] == committed["targets"]


def test_a_share_just_below_its_target_never_reads_as_the_target():
    """89.8 % against 90 % reads "89.8 %", not "90 % ✗"; shares clear of the target keep whole percents."""
    from explainer.scorecard import card_rows
    rows = card_rows({"ioi": {"accuracy": 0.6767, "seen_verbs": 0.83, "fresh": 0.8979},
                      "capital_qa": {"zero_shot": 1.0, "paraphrased": 0.7996}})
    assert rows["ioi_fresh"]["shown"] == "89.8 %" and rows["ioi_fresh"]["ok"] is False
    assert rows["capital_paraphrased"]["shown"] == "79.9 %" and rows["capital_paraphrased"]["ok"] is False
    assert rows["ioi_held_out"]["shown"] == "83 %" and rows["capital_qa"]["shown"] == "100 %"
    assert rows["ioi_new_verbs"]["shown"] == "68 %"
