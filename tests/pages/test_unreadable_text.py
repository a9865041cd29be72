"""Text that cannot be written as UTF-8 (a lone surrogate, a NUL from a crafted link or paste) is
cleaned once where it enters: every page shows it with U+FFFD and a notice, never an error."""

import pytest

from explainer.i18n import t
from explainer.inputs import clean_text
from explainer.train import check_text
from tests.apphelp import open_app

BAD = "When Mary and John went to the store \ud83d, John gave a drink\x00 to"


def test_clean_text_replaces_what_utf8_cannot_hold():
    text, n = clean_text(BAD)
    assert n == 2 and text.encode("utf-8") and "\ufffd" in text
    assert clean_text("中文 and emoji 🍕") == ("中文 and emoji 🍕", 0)      # real characters stay


@pytest.mark.parametrize("page", ["overview", "tokens", "attention", "lens", "sampling", "counting"])
def test_a_lone_surrogate_in_the_prompt_is_replaced_on_every_page(monkeypatch, page):
    at = open_app(monkeypatch, state={"prompt": BAD})
    assert not at.exception
    assert at.session_state["prompt"] == clean_text(BAD)[0]
    assert any(i.value == t("app.text_replaced", n=2) for i in at.info)
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception


def test_a_nul_in_a_link_and_in_a_page_box(monkeypatch):
    # (a URL or a widget's value travels as UTF-8, which holds no lone surrogate; a NUL it can hold)
    at = open_app(monkeypatch, query={"prompt": "The capital of Poland \x00 is", "lesson": "x\x00"})
    assert not at.exception and at.session_state["prompt"] == "The capital of Poland \ufffd is"
    at = open_app(monkeypatch, None, "pages/tokens.py")
    at.session_state["tokens.text"] = "cats \x00 and dogs"
    at.run()
    assert not at.exception and at.session_state["tokens.text"] == "cats \ufffd and dogs"


def test_pasted_training_text_is_cleaned_too():
    text = ("A varied sentence about cats number %d. " % 1) + "".join(
        f"The {w} ran to the {v} at dawn \ud800. " for w in ("cat", "dog", "fox", "owl") for v in range(30))
    assert "\ud800" not in check_text(text) and "\ufffd" in check_text(text)
