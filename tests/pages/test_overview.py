"""The app shell and the overview page, on the bundled model and on a tiny fixture model. — pages/overview.py in AppTest."""

import pytest
from tests.apphelp import open_app
import explainer
from explainer.i18n import t
from explainer.views.overview import pipeline_summary


def _app(monkeypatch, path=None):
    at = open_app(monkeypatch, path)
    return at


@pytest.mark.parametrize("which", ["bundled", "tiny"])
def test_home_renders(monkeypatch, which, request):
    path = request.getfixturevalue("tiny_dir") if which == "tiny" else None
    at = _app(monkeypatch, path)
    assert not at.exception
    assert at.title[0].value == t("overview.title")
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


def test_lang_in_the_link_opens_the_app_in_chinese(monkeypatch):
    at = open_app(monkeypatch, query={"lang": "zh"})
    assert not at.exception
    assert at.session_state["lang"] == "zh"
    assert at.title[0].value == t("overview.title", "zh")
    at.switch_page("pages/attention.py").run()          # the language stays when the page changes
    assert not at.exception
    assert at.session_state["lang"] == "zh"
    assert at.title[0].value == t("attention.title", "zh")


def test_first_deep_link_opens_the_page_it_names(monkeypatch):
    # On a fresh server Streamlit runs a deep-linked page file alone; the page records itself and
    # switches to the router, which must then open that page, not the overview.
    at = open_app(monkeypatch, query={"lang": "zh"}, state={"_deep_link": "pages/lens.py"})
    assert not at.exception
    assert at.title[0].value == t("lens.title", "zh")
    assert "_deep_link" not in at.session_state
    at = open_app(monkeypatch, state={"_deep_link": "pages/no_such_page.py"})
    assert not at.exception                                 # an unknown page: the overview, no error
    assert at.title[0].value == t("overview.title")


def test_text_the_model_cannot_read_gets_a_notice(monkeypatch, bundled_lm):
    """Chinese or emoji in the shared prompt: a sidebar notice says the model only learned English,
    with the measured share of byte-piece tokens; English gets none."""
    from explainer.views.tokens import fragment_share
    enc = bundled_lm.tokenizer
    assert fragment_share(enc, "我喜欢喝咖啡") == 1.0
    assert fragment_share(enc, "When Mary and John went to the store") == 0.0
    assert fragment_share(enc, "") == 0.0
    assert 0 < fragment_share(enc, "I like café 😀") < 1
    shown = {}
    for text in ("我喜欢喝咖啡，加奶油和", "When Mary and John went to the store"):
        at = open_app(monkeypatch, state={"prompt": text})   # (AppTest loses the sidebar on a rerun)
        assert not at.exception
        shown[text] = [i.value for i in at.sidebar.info]
    assert shown == {"我喜欢喝咖啡，加奶油和": [t("app.foreign", share="100%")],
                     "When Mary and John went to the store": []}
