"""The Tokenization page and explainer.views.tokens, on the bundled model and on the tiny fixture. — pages/tokens.py in AppTest."""

import pytest
from tests.apphelp import open_app
import explainer
from explainer.views import tokens as tv
from explainer.i18n import t
from explainer.tokenizer import reference_encoding


def _page(monkeypatch, path=None):
    at = open_app(monkeypatch, path, "pages/tokens.py")
    assert not at.exception
    return at


@pytest.mark.parametrize("which", ["bundled", "tiny"])
def test_page_presets_and_numbers(monkeypatch, which, request):
    path = request.getfixturevalue("tiny_dir") if which == "tiny" else None
    at = _page(monkeypatch, path)
    lm = explainer.load(path)
    assert at.title[0].value == t("tokens.title")
    for key, text in tv.PRESETS.items():
        at.button(key=f"tokens.preset.{key}").click().run()
        assert not at.exception
        assert at.text_area(key="tokens.text").value == text
        metrics = {m.label: m.value for m in at.metric}
        assert int(metrics[t("tokens.metric.tokens")]) == len(lm.encode(text))
        assert int(metrics[t("tokens.metric.chars")]) == len(text)
        # the CSV of the bar chart: one row per available tokenizer, counts from the encodings
        df = tv.comparison_frame(tv.compare_tokenizers(lm.tokenizer, text))
        assert df["tokens"].iloc[0] == len(lm.encode(text))
        enc, _ = reference_encoding("cl100k_base")
        if enc is not None:
            row = df[df["tokenizer"] == "GPT-4 (cl100k)"]
            assert int(row["tokens"].iloc[0]) == len(enc.encode(text, disallowed_special=()))
    # Chinese falls apart into byte fragments for our small English vocabulary
    at.button(key="tokens.preset.chinese").click().run()
    assert any(t("tokens.fragments", n=0)[2:40] in i.value for i in at.info)
    # the merge slider: the table highlights the chosen step and the view uses only k merges
    merges = tv.merges_for(lm.folder)
    at.slider(key="tokens.bpe.step").set_value(min(5, len(merges))).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["new_id"][:5]) == [m.new for m in merges[:5]]
    # whitespace toggle, extreme slider, empty text
    at.toggle(key="tokens.show_ws").set_value(True).run()
    at.slider(key="tokens.bpe.step").set_value(len(merges)).run()
    assert not at.exception
    at.text_area(key="tokens.text").set_value("").run()
    assert not at.exception
    assert any(i.value == t("tokens.empty") for i in at.info)
