"""The app shell and the overview page, on the bundled model and on a tiny fixture model."""


import pytest
from apphelp import open_app

import explainer
from explainer.i18n import catalogue, t
from explainer.pipeline import pipeline_summary, scale_rows


def _app(monkeypatch, path=None):
    at = open_app(monkeypatch, path)
    return at


@pytest.mark.parametrize("which", ["bundled", "tiny"])
def test_home_renders(monkeypatch, which, request):
    path = request.getfixturevalue("tiny_dir") if which == "tiny" else None
    at = _app(monkeypatch, path)
    assert not at.exception
    assert at.title[0].value == t("home.title")
    lm = explainer.load(path)
    # the top-token table is the model's own next-token distribution for the shared prompt
    summary = pipeline_summary(lm, at.session_state["prompt"])
    shown = at.dataframe[0].value
    assert list(shown["token"]) == [repr(s) for s, _ in summary["top"]]
    assert list(shown["probability"]) == pytest.approx([p for _, p in summary["top"]], abs=1e-4)
    # the "append" button appends the top token to the shared prompt
    before = at.session_state["prompt"]
    at.button[0].click().run()
    assert at.session_state["prompt"] == before + summary["top"][0][0]
    assert not at.exception


def test_empty_prompt_is_a_message_not_a_traceback(monkeypatch):
    at = _app(monkeypatch)
    at.sidebar.text_area[0].set_value("").run()
    assert not at.exception
    assert any(t("app.empty") in w.value for w in at.warning)


def test_pipeline_summary_shapes(bundled_lm):
    s = pipeline_summary(bundled_lm, "The cat sat on the mat.")
    keys = [st["key"] for st in s["stages"]]
    assert keys[0] == "text" and keys[-1] == "sample"
    assert len(s["resid_norms"]) == bundled_lm.config.n_layer + 1
    assert scale_rows(bundled_lm)[0]["params"] == bundled_lm.model.n_params()


def test_catalogue_has_no_empty_strings():
    for lang, msgs in catalogue().items():
        assert all(isinstance(v, str) and v for v in msgs.values()), lang
