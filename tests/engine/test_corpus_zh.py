"""Fast checks of the Chinese corpus generator (explainer/corpus/zh/, issue #24): determinism, a
pinned hash, every section, the held-out IOI and capital templates absent from the corpus, every
country's capital fact, and the relation words in parallel frames."""

import hashlib
import json
import random
import re

import pytest

from explainer.corpus import (
    CAPITAL_EVAL_QUESTIONS_ZH,
    COUNTRIES_ZH,
    HOMONYMS_ZH,
    IOI_EVAL_TEMPLATES_ZH,
    IOI_EVAL_TEMPLATES_ZH_SEEN_VERBS,
    IOI_EVAL_VERBS_ZH,
    IOI_FRESH_TEMPLATES_ZH,
    IOI_LATE_TEMPLATES_ZH,
    IOI_TRAIN_TEMPLATES_ZH,
    NAMES_FEMALE_ZH,
    NAMES_MALE_ZH,
    RELATIONS_ZH,
    SECTION_WEIGHTS_ZH,
    generate_corpus_zh,
    generate_sections_zh,
    held_out_text_zh,
    make_capital_cases_zh,
    make_ioi_cases_zh,
)
from explainer.corpus.zh import lexicon as L


def sha(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


@pytest.fixture(scope="module")
def corpus():
    return generate_corpus_zh(2_000_000, seed=0)


@pytest.fixture(scope="module")
def segmented():
    return generate_corpus_zh(2_000_000, seed=0, segmented=True)


# --- determinism, size, form --------------------------------------------------------------------

def test_deterministic_and_seeded():
    a = generate_corpus_zh(100_000, seed=3)
    assert a == generate_corpus_zh(100_000, seed=3)
    assert a != generate_corpus_zh(100_000, seed=4)


def test_uses_no_global_random_state():
    random.seed(0)
    a = generate_corpus_zh(30_000, seed=2)
    random.seed(999)
    assert generate_corpus_zh(30_000, seed=2) == a


@pytest.mark.parametrize("size", [20_000, 100_000, 300_000])
def test_size_in_utf8_bytes(size):
    n = len(generate_corpus_zh(size, seed=1).encode("utf-8"))
    assert size - 600 <= n <= size


def test_plain_chinese_paragraphs(corpus):
    assert not re.search(r"[ A-Za-z0-9{}]", corpus)          # no spaces, Latin letters or unfilled slots
    paras = corpus.split("\n\n")
    assert len(paras) > 2000
    assert all(p and p.strip() == p for p in paras)
    assert "\n\n\n" not in corpus
    assert len(set(corpus)) < 1500                             # a small character inventory (see the docs note)


def test_segmented_is_the_same_text(corpus, segmented):
    assert segmented.replace(" ", "") == corpus
    assert "  " not in segmented and " \n" not in segmented and "\n " not in segmented
    assert "小明 和 小红" in segmented or re.search(r"\S+ 和 \S+ 去 了 \S+ ，", segmented)


def test_held_out_differs_from_train():
    held = held_out_text_zh(50_000)
    assert held == held_out_text_zh(50_000)
    assert held != generate_corpus_zh(50_000, seed=0)


def test_every_section_in_its_share():
    sizes = {k: 0 for k in SECTION_WEIGHTS_ZH}
    for name, para in generate_sections_zh(300_000, seed=5):
        sizes[name] += len(para.encode("utf-8")) + 2
    total = sum(sizes.values())
    for name, w in SECTION_WEIGHTS_ZH.items():
        assert abs(sizes[name] / total - w) < 0.03, (name, sizes[name] / total)


# --- pinned output ------------------------------------------------------------------------------

PINNED = {
    "corpus_200k_s0": "d48c478a1510f3d1a6367ac575eb9c7f478873052c6d6684a4d8f62b3dc7b574",
    "segmented_50k_s7": "85f45119389cc68ab77d1802f32b2c7d7f90659b4d5e91aad8744db78f4e819c",
    "ioi_cases_100": "99b52efde0ffb83bee0929c38af7ab2960bf8f822a4e5a469228b9b87b17360a",
    "lexicon": "621cd952803c4fd5121dd274b48cce9f601aac8bc8249dec12266bf42ff4bc6f",
}


def generated() -> dict[str, str]:
    lexicon = ([[c.name, c.capital, c.people, c.language, c.en] for c in COUNTRIES_ZH]
               + [RELATIONS_ZH, NAMES_MALE_ZH, NAMES_FEMALE_ZH, L.PLACES_ZH, L.OBJECTS_ZH,
                  IOI_TRAIN_TEMPLATES_ZH, IOI_EVAL_TEMPLATES_ZH, CAPITAL_EVAL_QUESTIONS_ZH, SECTION_WEIGHTS_ZH])
    return {
        "corpus_200k_s0": sha(generate_corpus_zh(200_000, seed=0)),
        "segmented_50k_s7": sha(generate_corpus_zh(50_000, seed=7, segmented=True)),
        "ioi_cases_100": sha(json.dumps(make_ioi_cases_zh(100), ensure_ascii=False)),
        "lexicon": sha(json.dumps(lexicon, ensure_ascii=False)),
    }


def test_corpus_hashes_unchanged():
    assert generated() == PINNED


# --- lexicon --------------------------------------------------------------------------------------

def test_countries():
    assert len(COUNTRIES_ZH) >= 60
    by_name = {c.name: c for c in COUNTRIES_ZH}
    assert len(by_name) == len(COUNTRIES_ZH)
    assert (by_name["波兰"].capital, by_name["波兰"].people, by_name["波兰"].language) == ("华沙", "波兰人", "波兰语")
    assert by_name["法国"].capital == "巴黎" and by_name["瑞士"].capital == "伯尔尼"
    assert by_name["中国"].en == "China"
    from explainer.corpus import COUNTRIES
    assert {c.en for c in COUNTRIES_ZH} <= {c.name for c in COUNTRIES}    # the same countries as the English corpus


def test_names():
    names = NAMES_MALE_ZH + NAMES_FEMALE_ZH
    assert len(NAMES_MALE_ZH) >= 25 and len(NAMES_FEMALE_ZH) >= 25
    assert "小明" in NAMES_MALE_ZH and "小红" in NAMES_FEMALE_ZH
    assert len(set(names)) == len(names)
    for a in names:                                            # no name inside another, nor inside a template
        assert not any(a != b and a in b for b in names), a
        assert not any(a in t for t in IOI_TRAIN_TEMPLATES_ZH + IOI_EVAL_TEMPLATES_ZH), a


def test_relations_shape():
    assert set(RELATIONS_ZH) == {"gender", "comparative", "superlative", "opposite", "negation", "plural",
                                 "capital", "nationality", "language"}
    for key, pairs in RELATIONS_ZH.items():
        assert len(pairs) >= 10, key
        assert len(set(pairs)) == len(pairs), key
        for a, b in pairs:
            assert a and b and " " not in a + b and a != b, (key, a, b)
    for pair in [("国王", "女王"), ("男人", "女人"), ("父亲", "母亲"), ("儿子", "女儿"), ("哥哥", "姐姐"),
                 ("王子", "公主"), ("丈夫", "妻子"), ("男孩", "女孩"), ("他", "她")]:
        assert pair in RELATIONS_ZH["gender"]
    assert ("大", "更大") in RELATIONS_ZH["comparative"] and ("大", "最大") in RELATIONS_ZH["superlative"]
    assert ("可能", "不可能") in RELATIONS_ZH["negation"] and ("高兴", "难过") in RELATIONS_ZH["opposite"]
    assert ("波兰", "华沙") in RELATIONS_ZH["capital"]


# --- IOI: held-out templates ------------------------------------------------------------------------

def _template_regex(template: str, slot: str = r"[^，。：？！\n]{1,12}?") -> re.Pattern:
    parts = re.split(r"(\{[A-Za-z]+\})", template.replace(" ", ""))
    return re.compile("".join(slot if p.startswith("{") else re.escape(p) for p in parts))


def test_ioi_templates():
    assert len(IOI_TRAIN_TEMPLATES_ZH) >= 40 and len(IOI_EVAL_TEMPLATES_ZH) >= 12
    assert not set(IOI_TRAIN_TEMPLATES_ZH) & set(IOI_EVAL_TEMPLATES_ZH)
    for t in IOI_TRAIN_TEMPLATES_ZH + IOI_EVAL_TEMPLATES_ZH:
        assert "{A}" in t and "{B}" in t and "{S}" in t and not t.endswith(" ")
    for t in IOI_TRAIN_TEMPLATES_ZH:                           # the eval verbs are eval-only
        assert not any(v in t.replace(" ", "") for v in IOI_EVAL_VERBS_ZH), t
    for t in IOI_EVAL_TEMPLATES_ZH:
        assert any(v in t.replace(" ", "") for v in IOI_EVAL_VERBS_ZH), t


def test_eval_templates_never_in_corpus(corpus):
    for t in IOI_EVAL_TEMPLATES_ZH + IOI_EVAL_TEMPLATES_ZH_SEEN_VERBS + IOI_FRESH_TEMPLATES_ZH + IOI_LATE_TEMPLATES_ZH:   # held-out shapes
        assert not _template_regex(t).search(corpus), t
    for v in IOI_EVAL_VERBS_ZH:
        assert v not in corpus, v
    # the regex finds the templates that are used
    hits = sum(bool(_template_regex(t).search(corpus)) for t in IOI_TRAIN_TEMPLATES_ZH)
    assert hits >= len(IOI_TRAIN_TEMPLATES_ZH) - 2


def test_ioi_grammar_never_writes_an_eval_frame():
    from explainer.corpus.zh.ioi import _fill, _grammar
    from explainer.corpus.zh.lexicon import plain, tidy
    rng = random.Random(7)
    prompts = [plain(tidy(_fill(rng, _grammar(rng))[0])) for _ in range(10_000)]
    assert len(set(prompts)) > 9_500
    for t in IOI_EVAL_TEMPLATES_ZH + IOI_EVAL_TEMPLATES_ZH_SEEN_VERBS + IOI_FRESH_TEMPLATES_ZH + IOI_LATE_TEMPLATES_ZH:
        rx = _template_regex(t)
        assert not any(rx.fullmatch(p) for p in prompts), t


def test_make_ioi_cases():
    cases = make_ioi_cases_zh(280, seed=1)
    assert len(cases) == 280 and cases == make_ioi_cases_zh(280, seed=1)
    names = set(NAMES_MALE_ZH) | set(NAMES_FEMALE_ZH)
    io_genders = set()
    for prompt, io, s in cases:
        assert io != s and io in names and s in names
        assert " " not in prompt and prompt.count(io) == 1 and prompt.count(s) == 2
        io_genders.add(io in NAMES_MALE_ZH)
    assert io_genders == {True, False}
    k = len(IOI_EVAL_TEMPLATES_ZH)
    for i, t in enumerate(IOI_EVAL_TEMPLATES_ZH):
        rx = _template_regex(t)
        mine = cases[i::k]
        assert all(rx.fullmatch(p) for p, _, _ in mine), t
        assert {p.index(io) < p.index(s) for p, io, s in mine} == {True, False}, t


def test_every_character_of_the_eval_prompts_is_in_the_corpus(corpus):
    """Held-out wording, not held-out characters: a byte-level BPE trained on the corpus has a token
    for every character an eval prompt uses (扔 in 「扔进垃圾桶」, never in 「扔给」)."""
    chars = set(corpus)
    prompts = [p for p, _, _ in make_ioi_cases_zh(280)] + [p for p, _, _ in make_capital_cases_zh()]
    missing = {ch for p in prompts for ch in p} - chars
    assert not missing, sorted(missing)


def test_ioi_sentences_in_corpus(corpus):
    names = "|".join(NAMES_MALE_ZH + NAMES_FEMALE_ZH)
    rx = re.compile(rf"({names})和({names})去了[^，。]+，(?:\1|\2)把一[^，。]+给了(?:\1|\2)。")
    assert len(rx.findall(corpus)) > 5


# --- world facts ------------------------------------------------------------------------------------

def test_each_capital_fact_and_question(corpus):
    for c in COUNTRIES_ZH:
        assert f"{c.name}的首都是{c.capital}" in corpus or f"{c.capital}是{c.name}的首都" in corpus, c.name
        assert re.search(rf"问：[^？\n]*{c.name}的首都[^？\n]*？答：{c.capital}", corpus), c.name
    assert "问：波兰的首都是哪里？答：华沙" in corpus
    assert re.search(r"答：[^\n。]+\n问：[^\n？]+的首都是哪里？答：", corpus)       # Q/A lines in a row
    assert re.search(r"问：\S+人说什么语言？答：\S+语", corpus)


def test_capital_eval_questions_held_out(corpus):
    for q in CAPITAL_EVAL_QUESTIONS_ZH:
        assert not _template_regex(q, r"[^，。：？！\n]{1,8}?").search(corpus), q
    cases = make_capital_cases_zh()
    assert len(cases) == len(CAPITAL_EVAL_QUESTIONS_ZH) * len(COUNTRIES_ZH)
    assert ("问：你知道波兰的首都吗？答：", "华沙", "波兰") in cases


def test_made_up_facts_stated_then_asked(corpus):
    assert re.search(r"(\S+?)的首都是(\S+?)。\n问：\1的首都是哪里？答：\2(?:\n|$)", corpus)


# --- relations in parallel frames ----------------------------------------------------------------------

def _sentences(seg: str) -> set[str]:
    return {s.strip() for s in re.split(r"[。？！\n]", seg) if s.strip()}


def _swap(sentence: str, mapping: dict[str, str]) -> str:
    return " ".join(mapping.get(w, w) for w in sentence.split())


def test_analogy_words_in_parallel_frames(segmented):
    sents = _sentences(segmented)
    words = set(segmented.split())

    def parallel(a, b, extra=()):
        mapping = {a: b, **dict(extra)}
        return any(a in s.split() and _swap(s, mapping) in sents for s in sents)

    for m, f in RELATIONS_ZH["gender"][1:]:
        assert m in words and f in words, (m, f)
        assert parallel(m, f, [("他", "她"), ("男的", "女的")]), (m, f)
    for key in ("opposite", "negation"):
        for a, b in RELATIONS_ZH[key]:
            assert f"{a} 的 反义词 是 {b}" in segmented or f"{b} 的 反义词 是 {a}" in segmented \
                or parallel(a, b), (a, b)
    for (b, c), (_, s) in zip(RELATIONS_ZH["comparative"], RELATIONS_ZH["superlative"]):
        assert c in words and s in words, b
        assert re.search(rf"\S+ 比 \S+ {c} ", segmented), c
    from explainer.corpus.zh.relations import _PLURAL_FRAMES, _PRONOUN_FRAMES
    for a, b, t in L.PLURAL_INFO:                                # 「孩子 在 院子 。 孩子们 都 在 院子 。」
        frames = _PRONOUN_FRAMES if len(a) == 1 else _PLURAL_FRAMES
        assert any(f"{x} {y}".format(s=a, p=b, t=t) in segmented for x, y in frames), (a, b)
    # the analogy's four words, each with its own frames
    assert "那个 国王 说 他 喜欢" in segmented or "国王 是 男的" in segmented
    assert "女王 是 女的" in segmented or "那个 女王 说 她 喜欢" in segmented


def test_homonyms_and_collocations(corpus):
    for word, senses in HOMONYMS_ZH.items():
        assert len(senses) >= 2, word
        for sense, sents in senses.items():
            assert all(word in s.replace(" ", "") for s in sents), (word, sense)
            assert any(s.replace(" ", "").replace("{P}", "").replace("{Ph}", "")[-6:] in corpus for s in sents), (word, sense)
    assert "我喜欢在咖啡里加奶和糖。" in corpus
    assert corpus.count("加奶和糖") > 100
