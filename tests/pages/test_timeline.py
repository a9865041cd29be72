"""The "How it learned" page in AppTest, and the saved skill curve checked against a fresh measurement.
— pages/timeline.py"""

import pytest

import explainer
from explainer import checkpoint as ckpt
from explainer.i18n import t
from explainer.inputs import literal
from explainer.scorecard import TIMELINE, abilities
from explainer.views import timeline
from tests.apphelp import open_app


def probe_table(at) -> dict:
    df = next(d.value for d in at.dataframe if "prompt" in d.value.columns)
    return dict(zip(df["prompt"], df["top"]))


def test_the_scorecard_of_both_models(monkeypatch):
    """The finished models' card on the page: every figure read from each bundled model's scorecard.json,
    with ✓ or ✗ against its target."""
    from explainer.scorecard import CARD_MEASURES, card_rows
    at = open_app(monkeypatch, page="pages/timeline.py", query={"lang": "en"})
    assert not at.exception
    df = next(d.value for d in at.dataframe if t("timeline.card.col.measure") in d.value.columns)
    assert list(df[t("timeline.card.col.measure")]) == [t(f"timeline.card.{m}") for m in CARD_MEASURES]
    for lang, folder in (("en", explainer.lm.ASSETS), ("zh", explainer.lm.ASSETS_ZH)):
        rows = card_rows(ckpt.read_scorecard(folder))
        for m, cell in zip(CARD_MEASURES, df[t(f"timeline.card.col.{lang}")]):
            r = rows[m]
            assert cell == ("—" if r["shown"] is None else f"{r['shown']} {'✓' if r['ok'] else '✗'}"), (lang, m)
    for m in CARD_MEASURES:                                   # every row has its words in both languages
        for key in (f"timeline.card.{m}", f"timeline.card.target.{m}"):
            assert t(key, "en") != key and t(key, "zh") != key, key
    zh = dict(zip(CARD_MEASURES, df[t("timeline.card.col.zh")]))
    assert zh["capital_qa"] == "100 % ✓" and zh["ioi_new_verbs"].endswith("✗")       # said plainly
    assert zh["ioi_late"] == "87 % ✗"         # shapes written after its last run: the plainest figure
    en = dict(zip(CARD_MEASURES, df[t("timeline.card.col.en")]))
    assert en["ioi_late"] == "—"              # the English model has no such set


def test_the_slider_moves_through_the_run(monkeypatch, bundled_lm):
    at = open_app(monkeypatch, page="pages/timeline.py", query={"lang": "en"})
    assert not at.exception
    assert at.title[0].value == t("timeline.title")
    stages = [s for s, _ in timeline.stages(bundled_lm)]
    assert stages == [0, 200, 500, 1000, 1750, 3000, 5000]
    slider = at.select_slider(key="timeline.step")
    assert slider.value == 1000
    assert len(at.get("plotly_chart")) == 5           # run, skills, lens, word map, head
    slider.set_value(0).run()
    early = probe_table(at)[explainer.demos.COFFEE_PROMPT]
    at.select_slider(key="timeline.step").set_value(5000).run()
    late = probe_table(at)[explainer.demos.COFFEE_PROMPT]
    assert not at.exception
    assert late.startswith("·sugar 100%") and not early.startswith("·sugar")   # learned between the two
    assert at.query_params["timeline.step"] == "5000"   # the view is in the link


def test_a_step_from_a_link_and_a_stale_one(monkeypatch):
    at = open_app(monkeypatch, page="pages/timeline.py", query={"timeline.step": "3000"})
    assert not at.exception and at.select_slider(key="timeline.step").value == 3000
    at = open_app(monkeypatch, page="pages/timeline.py", query={"timeline.step": "2999"})
    assert not at.exception
    assert any(i.value == t("app.link.bad", name="timeline.step", value=literal("2999")) for i in at.info)
    assert at.select_slider(key="timeline.step").value == 1000


def test_saved_skill_curve_matches_a_fresh_measurement(bundled_lm):
    rows = ckpt.read_json(bundled_lm.folder / TIMELINE)["rows"]
    assert [r["step"] for r in rows] == [s for s, _ in timeline.stages(bundled_lm)]
    saved = next(r for r in rows if r["step"] == 1000)
    path = dict(bundled_lm.snapshots())[1000]
    fresh = abilities(bundled_lm.at_snapshot(path))
    assert fresh == {k: saved[k] for k in fresh}
    assert rows[0]["ioi"] < 0.05 and rows[-1]["ioi"] > 0.85      # the Mary/John skill appears during the run
    assert rows[-1]["capital_qa"] == pytest.approx(1.0)


def test_timeline_on_a_model_without_a_saved_curve(monkeypatch, tiny_dir):
    at = open_app(monkeypatch, tiny_dir, "pages/timeline.py")
    assert not at.exception
    df = timeline.ability_frame(explainer.load(tiny_dir))        # measured, not read
    assert len(df) == len(timeline.stages(explainer.load(tiny_dir))) and df["step"].is_monotonic_increasing
