"""The Tokenization page and explainer.tokenview, on the bundled model and on the tiny fixture."""


import pytest
from apphelp import open_app

import explainer
from explainer import tokenview as tv
from explainer.i18n import t
from explainer.tokenizer import reference_encoding

NASTY = ["", "a", "大型语言模型是如何工作的？", "👨‍👩‍👧‍👦 🇫🇷", "<script>alert('x')</script> & \"q\"",
         "tab\tnew\nline  spaces", "\x00\x1b[31m", "<|endoftext|>", "x" * 3000]


def _page(monkeypatch, path=None):
    at = open_app(monkeypatch, path, "pages/tokenization.py")
    assert not at.exception
    return at


@pytest.mark.parametrize("which", ["bundled", "tiny"])
def test_page_presets_and_numbers(monkeypatch, which, request):
    path = request.getfixturevalue("tiny_dir") if which == "tiny" else None
    at = _page(monkeypatch, path)
    lm = explainer.load(path)
    assert at.title[0].value == t("tok.title")
    for key, text in tv.PRESETS.items():
        at.button(key=f"tok.preset.{key}").click().run()
        assert not at.exception
        assert at.text_area(key="tok.text").value == text
        metrics = {m.label: m.value for m in at.metric}
        assert int(metrics[t("tok.metric.tokens")]) == len(lm.encode(text))
        assert int(metrics[t("tok.metric.chars")]) == len(text)
        # the CSV of the bar chart: one row per available tokenizer, counts from the encodings
        df = tv.comparison_frame(tv.compare_tokenizers(lm.tokenizer, text))
        assert df["tokens"].iloc[0] == len(lm.encode(text))
        enc, _ = reference_encoding("cl100k_base")
        if enc is not None:
            row = df[df["tokenizer"] == "GPT-4 (cl100k)"]
            assert int(row["tokens"].iloc[0]) == len(enc.encode(text, disallowed_special=()))
    # Chinese falls apart into byte fragments for our small English vocabulary
    at.button(key="tok.preset.chinese").click().run()
    assert any(t("tok.fragments", n=0)[2:40] in i.value for i in at.info)
    # the merge slider: the table highlights the chosen step and the view uses only k merges
    merges = tv.merges_for(lm.folder)
    at.slider(key="tok.bpe.step").set_value(min(5, len(merges))).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["new_id"][:5]) == [m.new for m in merges[:5]]
    # whitespace toggle, extreme slider, empty text
    at.toggle(key="tok.show_ws").set_value(True).run()
    at.slider(key="tok.bpe.step").set_value(len(merges)).run()
    assert not at.exception
    at.text_area(key="tok.text").set_value("").run()
    assert not at.exception
    assert any(i.value == t("tok.empty") for i in at.info)


@pytest.mark.parametrize("text", NASTY)
def test_rows_and_chips_are_safe(bundled_lm, text):
    rows = tv.token_rows(bundled_lm.tokenizer, text)
    assert [r["id"] for r in rows] == bundled_lm.encode(text)
    html = tv.chips_html(rows)
    assert "\ufffd" not in html
    assert "<script>" not in html
    assert html.count("<span") == len(rows)
    for r in rows:
        assert "\ufffd" not in r["text"]
        if r["fragment"]:
            assert r["text"].startswith("<") or "<" in r["text"]   # hex like <E5 A4>


def test_merges_replay(bundled_lm):
    enc = bundled_lm.tokenizer
    merges = tv.merges_for(bundled_lm.folder)
    text = tv.PRESETS["english"]
    assert [r["id"] for r in tv.tokens_after_merges(enc, text, 0)] == list(text.encode())
    assert [r["id"] for r in tv.tokens_after_merges(enc, text, len(merges))] == bundled_lm.encode(text)
    mid = tv.tokens_after_merges(enc, text, len(merges) // 2)
    assert len(bundled_lm.encode(text)) <= len(mid) <= len(text.encode())
    assert all(r["id"] < 256 + len(merges) // 2 for r in mid)
    tab = tv.merge_table(enc, merges, 10)
    assert list(tab["count"]) == [m.count for m in merges[:10]]


def test_merge_tree(bundled_lm):
    enc = bundled_lm.tokenizer
    merges = tv.merges_for(bundled_lm.folder)
    tid = max(bundled_lm.encode(" capital"), key=lambda i: len(enc.decode_single_token_bytes(i)))
    tree = tv.tree_for(enc, merges, tid)

    def leaves(n):
        return [n["bytes"]] if not n["children"] else [b for c in n["children"] for b in leaves(c)]
    assert b"".join(leaves(tree)) == enc.decode_single_token_bytes(tid)
    built = tv.building_table(enc, merges, tid)
    assert list(built["step"]) == sorted(built["step"])
    assert len(built) == len({n["id"] for n in _internal(tree)})
    from explainer.plots.tokens import merge_tree_figure, tree_layout
    nodes, edges = tree_layout(tree)
    assert len(edges) == len(nodes) - 1
    merge_tree_figure(tree)


def _internal(n):
    if n["children"]:
        yield n
        for c in n["children"]:
            yield from _internal(c)
