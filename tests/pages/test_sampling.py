"""The sampling page, on the bundled model and on the tiny fixture model. — pages/sampling.py in AppTest."""

import json
import numpy as np
import pytest
from tests.apphelp import arr, open_app
import explainer
from explainer import demos
from explainer.views import sampling as sv
from explainer.i18n import t


def _page(monkeypatch, path=None):
    at = open_app(monkeypatch, path, "pages/sampling.py")
    return at


def _figs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def _bars(at) -> np.ndarray:
    """The bar heights of the (first) next-token distribution chart."""
    spec = _figs(at)[0]
    assert spec["data"][0]["type"] == "bar"
    y = arr(spec["data"][0]["y"])
    assert np.isfinite(y).all()
    return y


@pytest.mark.parametrize("which", ["bundled", "tiny"])
def test_sampling_page(monkeypatch, which, request):
    path = request.getfixturevalue("tiny_dir") if which == "tiny" else None
    at = _page(monkeypatch, path)
    assert not at.exception
    assert at.title[0].value == t("sampling.title")
    lm = explainer.load(path)
    # AppTest runs the page file alone after switch_page (no sidebar): the page falls back to the
    # default prompt, exactly as pages.frame.prompt.prompt() does
    from pages.frame.prompt import DEFAULT_PROMPT
    prompt = at.session_state["prompt"] if "prompt" in at.session_state else DEFAULT_PROMPT
    logits = lm.last_logits(prompt)

    # the plotted bars are views.sampling's numbers, in score order
    view = sv.distribution_view(lm, logits, 1.0)
    np.testing.assert_allclose(_bars(at), view["frame"]["prob"], rtol=1e-6, atol=1e-9)

    # presets and edge values through the widgets
    at.button(key="sampling.preset.greedy.btn").click().run()
    assert not at.exception and at.session_state["sampling.T"] == 0.0
    y = _bars(at)
    assert y[0] == pytest.approx(1.0) and y[1:].sum() == pytest.approx(0.0)
    at.number_input(key="sampling.T").set_value(100.0).run()
    assert not at.exception and at.session_state["sampling.T_slider"] == 3.0
    np.testing.assert_allclose(_bars(at), sv.distribution_view(lm, logits, 100.0)["frame"]["prob"], rtol=1e-6)
    at.slider(key="sampling.T_slider").set_value(0.5).run()
    assert at.session_state["sampling.T"] == 0.5
    at.number_input(key="sampling.top_k").set_value(1).run()
    assert not at.exception
    assert any(t("sampling.edge.one") in i.value for i in at.info)
    at.number_input(key="sampling.top_k").set_value(0).run()
    at.slider(key="sampling.top_p").set_value(0.0).run()
    assert not at.exception
    spec = _figs(at)[0]
    assert len(spec["data"][1]["x"]) == 1                          # only the top token is sampled from

    # step by step: seeded, reproducible, equal to sample_next with the same seed
    at.slider(key="sampling.top_p").set_value(1.0).run()
    at.slider(key="sampling.T_slider").set_value(1.0).run()
    at.number_input(key="sampling.seed").set_value(5).run()
    for _ in range(3):
        at.button(key="sampling.next_btn").click().run()
    assert not at.exception
    run1 = list(at.session_state["sampling.gen"])
    rng = np.random.default_rng(5)
    ids, expected = lm.encode(prompt), []
    for _ in range(3):
        nxt, _ = sv.sample_next(lm.last_logits(ids + expected), rng, 1.0)
        expected.append(nxt)
    assert run1 == expected
    assert len(_figs(at)) == 3                                     # + the distribution it was drawn from
    at.button(key="sampling.reset_btn").click().run()
    assert at.session_state["sampling.gen"] == []
    for _ in range(3):
        at.button(key="sampling.next_btn").click().run()
    assert at.session_state["sampling.gen"] == run1
    at.number_input(key="sampling.n").set_value(8).run()
    at.button(key="sampling.gen_btn").click().run()
    assert not at.exception and 3 < len(at.session_state["sampling.gen"]) <= 11

    # the repetition experiment: the shares shown are repeated_ngram_share's
    at.button(key="sampling.rep_btn").click().run()
    assert not at.exception
    rep = sv.repetition_run(lm, demos.STORY_PROMPT, 120, 0.8, seed=5)
    assert [m.value for m in at.metric] == [f"{100 * rep[n]['share']:.0f} %" for n in ("greedy", "sampled")]
    hist = _figs(at)[-1]
    h = sv.temperature_samples(lm, logits, seed=5, other=t("sampling.other"))
    assert [tr["name"] for tr in hist["data"]] == [f"T={T:g}" for T in sv.TEMPERATURES]
    np.testing.assert_array_equal(arr(hist["data"][0]["y"]), h["T=0.3"].to_numpy())


def test_sampling_page_empty_prompt(monkeypatch):
    at = _page(monkeypatch)
    at.session_state["prompt"] = ""               # (AppTest shows no sidebar after switch_page)
    at.run()
    assert not at.exception
    assert any(t("app.empty") in w.value for w in at.warning)
    at.session_state["prompt"] = "🙂 北京 " * 100
    at.run()
    assert not at.exception


def test_story_preset(monkeypatch):
    at = _page(monkeypatch)
    at.button(key="sampling.story_btn").click().run()
    assert not at.exception
    assert at.session_state["prompt"] == demos.STORY_PROMPT


def test_peaked_prompt_notice_and_spread_preset(monkeypatch, bundled_lm):
    # the default IOI prompt: "Mary" at p ≈ 0.99, so the page says the knobs show little and
    # offers a prompt with many plausible next words, where the notice goes away
    at = _page(monkeypatch)
    sure = sv.peaked(bundled_lm.last_logits(at.session_state["prompt"]))
    assert sure is not None and sure[1] >= sv.PEAKED
    assert any(f"{sure[1]:.3f}" in i.value for i in at.info)
    at.button(key="sampling.spread_btn2").click().run()
    assert not at.exception
    assert at.session_state["prompt"] == demos.SPREAD_PROMPT
    assert sv.peaked(bundled_lm.last_logits(demos.SPREAD_PROMPT)) is None
    assert not any(t("sampling.peaked", tok="", p="")[:30] in i.value for i in at.info)
    # many tokens each take a visible share there: the top one stays under a third
    assert bundled_lm.next_token(demos.SPREAD_PROMPT, k=1)[0][1] < 1 / 3
