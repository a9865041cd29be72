"""The app shell and the overview page, on the bundled model and on a tiny fixture model. — explainer/views/overview.py and its figures."""

import re
import pytest
from explainer.i18n import catalogue
from explainer.views.overview import pipeline_summary, scale_rows


def _emphasis_problems(s: str) -> list[str]:
    """Markdown emphasis that will not render: CommonMark only opens ``*``/``**`` at a left-flanking
    run and closes at a right-flanking one. In Chinese text "**术语（BPE）**在" fails: the closing
    run follows punctuation and is followed by a letter, so the asterisks show up literally."""
    import unicodedata

    def punct(c):
        return c is not None and unicodedata.category(c)[0] in "PS"

    def space(c):
        return c is None or c.isspace()

    s = re.sub(r"`[^`]*`", "x", s)
    out = []
    for stars in ("**", "*"):
        runs = []
        for m in re.finditer(r"(?<!\*)\*+(?!\*)", s):
            i, j = m.start(), m.end()
            if len(m.group()) != len(stars) or (stars == "*" and (i == 0 or s[i - 1] == "\n")
                                                 and s[j:j + 1] == " "):
                continue                                    # other run length, or a list bullet
            before, after = (s[i - 1] if i else None), (s[j] if j < len(s) else None)
            left = not space(after) and (not punct(after) or space(before) or punct(before))
            right = not space(before) and (not punct(before) or space(after) or punct(after))
            runs.append((i, left if len(runs) % 2 == 0 else right))
        out += [f"{stars} at {i}: {s[max(0, i - 12):i + 14]}" for i, ok in runs if not ok]
    return out


def test_pipeline_summary_shapes(bundled_lm):
    s = pipeline_summary(bundled_lm, "The cat sat on the mat.")
    keys = [st["key"] for st in s["stages"]]
    assert keys[0] == "text" and keys[-1] == "sample"
    assert len(s["resid_norms"]) == bundled_lm.config.n_layer + 1
    assert scale_rows(bundled_lm)[0]["params"] == bundled_lm.model.n_params()


def test_catalogue_has_no_empty_strings():
    for lang, msgs in catalogue().items():
        assert all(isinstance(v, str) and v for v in msgs.values()), lang


def test_chinese_catalogue_is_complete_and_keeps_placeholders():
    """Every English message has a Chinese one with the same {placeholders}, and no Chinese key
    is an orphan (a typo would silently fall back to English)."""
    from explainer.i18n import missing
    cat = catalogue()
    assert missing("zh") == []
    assert set(cat["zh"]) <= set(cat["en"])
    fields = lambda s: sorted(re.findall(r"\{(\w*)\}", s))
    assert [k for k in cat["zh"] if fields(cat["zh"][k]) != fields(cat["en"][k])] == []


def test_pick_language_link_then_browser_then_english():
    from explainer.i18n import pick_language
    assert pick_language("zh", "en-US") == "zh"          # the link wins
    assert pick_language("EN", "zh-CN") == "en"
    assert pick_language(None, "zh-CN") == "zh"
    assert pick_language("", "zh_TW") == "zh"
    assert pick_language("fr", "de-DE") == "en"          # unknown: English
    assert pick_language(None, None) == "en"


def test_markdown_emphasis_renders_in_every_message():
    assert _emphasis_problems("用**字节对编码（BPE）**在") != []          # the checker catches it
    assert _emphasis_problems("用**字节对编码**（BPE）在") == []
    bad = {(lang, k): p for lang, msgs in catalogue().items() for k, v in msgs.items()
           if (p := _emphasis_problems(v))}
    assert bad == {}


def test_pipeline_marks_only_cut_lists_and_shows_the_text_read(bundled_lm):
    from explainer.lm import InputError
    s = pipeline_summary(bundled_lm, "Paris is big")              # 3 tokens: nothing left out
    more = {st["key"]: st["more"] for st in s["stages"]}
    assert not more["tokens"] and not more["ids"]
    assert more["embed"] and more["logits"]                      # 192 and 4,097 numbers: a few shown
    assert s["text_read"] == "Paris is big"
    long = " ".join(["the cat sat on the mat"] * 80)
    s = pipeline_summary(bundled_lm, long)
    assert s["truncated"] > 0 and more
    assert long.endswith(s["text_read"]) and len(bundled_lm.encode(s["text_read"])) == bundled_lm.config.n_ctx
    with pytest.raises(InputError):                              # spaces only: as empty everywhere
        pipeline_summary(bundled_lm, "   \n ")
