"""The Tokenization page and explainer.views.tokens, on the bundled model and on the tiny fixture. — explainer/views/tokens.py and its figures."""

import pytest
from explainer.views import tokens as tv


NASTY = ["", "a", "大型语言模型是如何工作的？", "👨‍👩‍👧‍👦 🇫🇷", "<script>alert('x')</script> & \"q\"",
         "tab\tnew\nline  spaces", "\x00\x1b[31m", "<|endoftext|>", "x" * 3000]


def _internal(n):
    if n["children"]:
        yield n
        for c in n["children"]:
            yield from _internal(c)


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


def test_the_merge_table_shows_the_chosen_step_without_scrolling(bundled_lm):
    merges = tv.merges_for(bundled_lm.folder)
    n = len(merges)
    assert tv.merge_window(1, n) == (0, 10) and tv.merge_window(n, n) == (n - 10, n)
    for step in (1, 7, 500, n):
        first, last = tv.merge_window(step, n)
        table = tv.merge_table(bundled_lm.tokenizer, merges, last, start=first)
        assert len(table) == 10 and list(table["step"]) == list(range(first + 1, last + 1))
        assert step in set(table["step"]) and table["step"].iloc[0] >= step - 9
        assert table.set_index("step").loc[step, "new_id"] == merges[step - 1].new


def test_the_chinese_model_gets_chinese_emoji_and_long_word_presets(bundled_lm, bundled_zh_lm):
    """The same kinds of text in the reader's language: English and Chinese stay for comparison."""
    en, zh = tv.presets_for(bundled_lm), tv.presets_for(bundled_zh_lm)
    assert en is tv.PRESETS and zh.keys() == en.keys()
    assert zh["english"] == en["english"] and zh["chinese"] == en["chinese"] and zh["code"] == en["code"]
    for key in ("emoji", "long_word"):
        assert any("\u4e00" <= c <= "\u9fff" for c in zh[key]) and zh[key] != en[key]
    # the long word: a small vocabulary has no token for it, nor for some of its characters (byte pieces)
    ids = bundled_zh_lm.encode(zh["long_word"])
    assert bundled_zh_lm.decode(ids) == zh["long_word"] and len(ids) > len(zh["long_word"])
    rows = tv.token_rows(bundled_zh_lm.tokenizer, bundled_zh_lm.reads(zh["long_word"]), False)
    assert any(r["fragment"] for r in rows)


def test_the_chinese_model_says_when_it_drops_your_spaces(bundled_zh_lm):
    """A model that reads words joins them with one space: the code preset's indent is not what it
    reads, and the page says so (``drops_spaces``); Chinese text and single spaces lose nothing."""
    code = tv.PRESETS["code"]
    read = bundled_zh_lm.reads(code)
    assert "    return" in code and "\nreturn" in read                 # the indent is gone
    assert tv.drops_spaces(code) and tv.drops_spaces("a\tb") and tv.drops_spaces("a  b")
    for text in (tv.PRESETS_ZH["chinese"], tv.PRESETS_ZH["emoji"], "我爱 Python", ""):
        assert not tv.drops_spaces(text), text


def test_the_tokens_page_notes_the_dropped_indent_in_both_languages(monkeypatch):
    from explainer.i18n import t
    from tests.apphelp import open_app
    for lang in ("en", "zh"):
        at = open_app(monkeypatch, page="pages/tokens.py", query={"lang": lang},
                      state={"model_choice": "bundled_zh", "tokens.text": tv.PRESETS["code"]})
        assert not at.exception
        assert t("tokens.words.spaces", lang) in [c.value for c in at.caption], lang
        at.text_area(key="tokens.text").set_value(tv.PRESETS_ZH["chinese"]).run()
        assert t("tokens.words.spaces", lang) not in [c.value for c in at.caption], lang
