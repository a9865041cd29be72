"""Fast checks of the corpus generator (explainer/corpus.py)."""

import re

import pytest

from explainer import corpus as C
from explainer.corpus import (
    COUNTRIES,
    IOI_EVAL_TEMPLATES,
    IOI_TRAIN_TEMPLATES,
    NAMES_FEMALE,
    NAMES_MALE,
    OBJECTS,
    PLACES,
    RELATIONS,
    Country,
    count_occurrences,
    find_occurrences,
    generate_corpus,
    held_out_text,
    make_ioi_cases,
)


@pytest.fixture(scope="module")
def corpus_1mb():
    return generate_corpus(1_000_000, seed=0)


# --- determinism, size, encoding -------------------------------------------


def test_deterministic_same_seed():
    assert generate_corpus(100_000, seed=3) == generate_corpus(100_000, seed=3)


def test_different_seed_differs():
    assert generate_corpus(100_000, seed=3) != generate_corpus(100_000, seed=4)


@pytest.mark.parametrize("size", [20_000, 100_000, 300_000])
def test_size_within_5_percent(size):
    text = generate_corpus(size, seed=1)
    assert abs(len(text) - size) <= 0.05 * size


def test_ascii_and_paragraphs(corpus_1mb):
    assert corpus_1mb.isascii()
    paras = corpus_1mb.split("\n\n")
    assert len(paras) > 1000
    assert all(p.strip() == p and p for p in paras)
    assert "\n\n\n" not in corpus_1mb


def test_held_out_differs_from_train():
    held = held_out_text(50_000)
    assert abs(len(held) - 50_000) <= 2_500
    assert held != generate_corpus(50_000, seed=0)
    assert held == held_out_text(50_000)


def test_uses_no_global_random_state():
    import random

    random.seed(0)
    a = generate_corpus(30_000, seed=2)
    random.seed(999)
    b = generate_corpus(30_000, seed=2)
    assert a == b


# --- constants ----------------------------------------------------------------


def test_countries():
    assert len(COUNTRIES) >= 45
    assert all(isinstance(c, Country) for c in COUNTRIES)
    by_name = {c.name: c for c in COUNTRIES}
    assert len(by_name) == len(COUNTRIES)
    expected = {
        "France": ("Paris", "French", "French"),
        "Germany": ("Berlin", "German", "German"),
        "Poland": ("Warsaw", "Polish", "Polish"),
        "Switzerland": ("Bern", "Swiss", "German"),
        "Cambodia": ("Phnom Penh", "Cambodian", "Khmer"),
        "Italy": ("Rome", "Italian", "Italian"),
        "Japan": ("Tokyo", "Japanese", "Japanese"),
        "China": ("Beijing", "Chinese", "Chinese"),
        "Spain": ("Madrid", "Spanish", "Spanish"),
    }
    for name, (cap, adj, lang) in expected.items():
        c = by_name[name]
        assert (c.capital, c.adjective, c.language) == (cap, adj, lang)


def test_relations_shape():
    keys = {"gender", "plural", "comparative", "superlative", "capital",
            "nationality", "opposite", "past_tense"}
    assert set(RELATIONS) == keys
    for key, pairs in RELATIONS.items():
        assert len(pairs) >= 10, key
        assert len(set(pairs)) == len(pairs), key
        for a, b in pairs:
            assert a and b and " " not in a and " " not in b and a != b, (key, a, b)
    for pair in [("man", "woman"), ("king", "queen"), ("he", "she")]:
        assert pair in RELATIONS["gender"]
    for pair in [("mouse", "mice"), ("dollar", "dollars"), ("child", "children"), ("cat", "cats")]:
        assert pair in RELATIONS["plural"]
    assert ("big", "bigger") in RELATIONS["comparative"]
    assert ("small", "smallest") in RELATIONS["superlative"]
    assert [a for a, _ in RELATIONS["comparative"]] == [a for a, _ in RELATIONS["superlative"]]
    for pair in [("ethical", "unethical"), ("possible", "impossible"),
                 ("happy", "unhappy"), ("honest", "dishonest")]:
        assert pair in RELATIONS["opposite"]
    assert ("walk", "walked") in RELATIONS["past_tense"]
    assert ("go", "went") in RELATIONS["past_tense"]


def test_relations_agree_with_countries():
    by_name = {c.name: c for c in COUNTRIES}
    one_word = [c for c in COUNTRIES if " " not in c.capital]
    assert sorted(RELATIONS["capital"]) == sorted((c.name, c.capital) for c in one_word)
    assert sorted(RELATIONS["nationality"]) == sorted((c.name, c.adjective) for c in COUNTRIES)
    for country, cap in RELATIONS["capital"]:
        assert by_name[country].capital == cap
    assert ("France", "Paris") in RELATIONS["capital"]
    assert ("Switzerland", "Swiss") in RELATIONS["nationality"]
    assert ("Cambodia", "Cambodian") in RELATIONS["nationality"]


def test_names_places_objects():
    assert len(NAMES_MALE) >= 30 and len(NAMES_FEMALE) >= 30
    assert "John" in NAMES_MALE and "Mary" in NAMES_FEMALE
    assert not set(NAMES_MALE) & set(NAMES_FEMALE)
    for name in NAMES_MALE + NAMES_FEMALE:
        assert re.fullmatch(r"[A-Z][a-z]+", name), name
    assert "store" in PLACES and "park" in PLACES
    assert "drink" in OBJECTS and "book" in OBJECTS


# --- IOI ------------------------------------------------------------------------


def _template_regex(template: str) -> re.Pattern:
    parts = re.split(r"(\{[A-Za-z]+\})", template)
    out = []
    for part in parts:
        if part.startswith("{") and part.endswith("}"):
            out.append(r"[A-Za-z]+(?: [A-Za-z]+)?")
        else:
            out.append(re.escape(part))
    return re.compile("".join(out))


def test_ioi_templates():
    assert len(IOI_TRAIN_TEMPLATES) >= 40
    assert len(IOI_EVAL_TEMPLATES) >= 12
    assert not set(IOI_TRAIN_TEMPLATES) & set(IOI_EVAL_TEMPLATES)
    assert len(set(IOI_EVAL_TEMPLATES)) == len(IOI_EVAL_TEMPLATES)
    for t in IOI_TRAIN_TEMPLATES + IOI_EVAL_TEMPLATES:
        assert "{A}" in t and "{B}" in t and "{S}" in t and not t.endswith(" ")


def test_eval_templates_never_in_corpus(corpus_1mb):
    for t in IOI_EVAL_TEMPLATES:
        assert not _template_regex(t).search(corpus_1mb), t
    # sanity check of the regex approach: train templates do occur
    hits = sum(bool(_template_regex(t).search(corpus_1mb)) for t in IOI_TRAIN_TEMPLATES)
    assert hits >= len(IOI_TRAIN_TEMPLATES) - 2


def test_make_ioi_cases():
    cases = make_ioi_cases(300, seed=1)
    assert len(cases) == 300
    assert cases == make_ioi_cases(300, seed=1)
    io_first = s_first = 0
    io_genders = set()
    names = set(NAMES_MALE) | set(NAMES_FEMALE)
    for prompt, io, s in cases:
        assert io != s and io in names and s in names
        assert not prompt.endswith(" ") and prompt.isascii()
        assert prompt.count(io) == 1
        assert prompt.count(s) == 2
        if prompt.index(io) < prompt.index(s):
            io_first += 1
        else:
            s_first += 1
        io_genders.add(io in NAMES_MALE)
    assert io_first > 100 and s_first > 100
    assert io_genders == {True, False}
    used = {t for t in IOI_EVAL_TEMPLATES if any(_template_regex(t).fullmatch(p) for p, _, _ in cases)}
    assert len(used) == len(IOI_EVAL_TEMPLATES)


def test_ioi_cases_give_every_frame_both_name_orders():
    cases = make_ioi_cases(300, seed=1)
    for k, t in enumerate(IOI_EVAL_TEMPLATES):
        orders = {p.index(io) < p.index(s) for p, io, s in cases[k::len(IOI_EVAL_TEMPLATES)]}
        assert orders == {True, False}, t


def test_ioi_grammar_never_writes_an_eval_frame():
    import random
    from explainer.corpus.ioi import _ioi_grammar
    rng = random.Random(7)
    prompts = [_ioi_grammar(rng)[0] for _ in range(20_000)]
    assert len(set(prompts)) > 19_000                        # variety: hardly any repeats
    for t in IOI_EVAL_TEMPLATES:
        rx = _template_regex(t)
        assert not any(rx.fullmatch(p) for p in prompts), t


def test_make_ioi_cases_custom_templates():
    cases = make_ioi_cases(10, seed=0, templates=IOI_TRAIN_TEMPLATES[:1])
    assert len(cases) == 10
    for prompt, io, s in cases:
        assert prompt.startswith("When ") and prompt.endswith(" to")


def test_ioi_sentences_in_corpus(corpus_1mb):
    assert re.search(r"When [A-Z][a-z]+ and [A-Z][a-z]+ went to the [a-z]+, [A-Z][a-z]+ gave (?:a|an|the) [a-z]+ to [A-Z][a-z]+\.",
                     corpus_1mb)


# --- content ----------------------------------------------------------------------


def test_qa_lines(corpus_1mb):
    assert count_occurrences(corpus_1mb, "Q: What is the capital of France? A: Paris") > 0
    # chained QA pairs on one line
    assert re.search(r"Q: What is the capital of [A-Za-z]+\? A: [A-Z][a-z]+(?: [A-Z][a-z]+)? "
                     r"Q: What is the capital of", corpus_1mb)
    # QA pairs separated by newlines
    assert re.search(r"A: [A-Z][a-z]+\nQ: What is the capital of", corpus_1mb)
    assert re.search(r"Q: What language do people speak in [A-Z][a-z]+\? A: [A-Z][a-z]+", corpus_1mb)


def test_content_present(corpus_1mb):
    for phrase in ["with cream and sugar.", "bank of the river", "cash", "magazine",
                   "The cat is a pet.", "kitten", "puppy", "Paris is the capital of France.",
                   "mice", "dollars", "impossible", "biggest", "queen", "walked"]:
        assert phrase in corpus_1mb, phrase
    # in-context facts about invented places: stated, then asked
    assert re.search(r"The capital of ([A-Z][a-z]+) is ([A-Z][a-z]+)\. Q: What is the capital of \1\? A: \2",
                     corpus_1mb)


def test_gender_balanced_professions(corpus_1mb):
    jobs = "|".join(re.escape(j) for j, _ in C.lexicon.JOBS)
    pattern = re.compile(r"\b([A-Z][a-z]+) (?:is|was|worked at the [a-z ]+ as) an? (" + jobs + r")\b")
    male = female = 0
    by_job = {}
    for name, job in pattern.findall(corpus_1mb):
        if name in NAMES_MALE:
            male += 1
            by_job.setdefault(job, set()).add("m")
        elif name in NAMES_FEMALE:
            female += 1
            by_job.setdefault(job, set()).add("f")
    assert male > 50 and female > 50
    assert 0.75 < male / female < 1.33
    # jobs are drawn independently of gender: most jobs show up with both
    both = sum(1 for g in by_job.values() if g == {"m", "f"})
    assert both >= 0.6 * len(by_job)


# --- search helpers -------------------------------------------------------------


def test_count_occurrences():
    text = "the cat sat. The cat ran. thecat. aaaa"
    assert count_occurrences(text, "cat") == 3
    assert count_occurrences(text, "The cat") == 1
    assert count_occurrences(text, "aa") == 2  # non-overlapping
    assert count_occurrences(text, "dog") == 0
    assert count_occurrences(text, "") == 0


def test_find_occurrences():
    text = "one cat here. " + "x" * 100 + " another cat there. and a third cat."
    snips = find_occurrences(text, "cat", k=2, width=10)
    assert len(snips) == 2
    assert all("cat" in s for s in snips)
    assert all(len(s) <= 3 + 10 + 3 + 10 + 3 for s in snips)
    assert len(find_occurrences(text, "cat", k=5, width=10)) == 3
    assert find_occurrences(text, "dog") == []
    long_phrase = "another cat there"
    snip = find_occurrences(text, long_phrase, k=1, width=0)[0]
    assert long_phrase in snip


def test_capital_eval_questions_held_out(corpus_1mb):
    """The capital question asked in words the corpus never uses: none of the shapes occurs (the
    corpus's own question does), and every case names a real capital."""
    assert "Q: What is the capital of Poland? A: Warsaw" in corpus_1mb
    for q in C.CAPITAL_EVAL_QUESTIONS:
        head = q.split("{country}")[0]
        assert head not in corpus_1mb, q
    cases = C.make_capital_cases()
    assert len(cases) == len(C.CAPITAL_EVAL_QUESTIONS) * len(COUNTRIES)
    assert ("Q: Do you know the capital of Poland? A:", "Warsaw", "Poland") in cases
