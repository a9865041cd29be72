"""Deterministic generator of a small, readable Chinese training corpus (issue #24).

The same design as the English corpus (``explainer.corpus``), written from our own templates in
this subpackage: the lexicon in ``lexicon.py``, each section's templates beside its generator.
Six kinds of paragraphs:

1. simple everyday stories (people with 他/她, places, objects, pets, jobs) and routines,
2. world facts about real countries (「波兰的首都是华沙。」, people, language) and Q/A lines
   (「问：波兰的首都是哪里？答：华沙」) with several paraphrases of each question,
3. word relations in parallel frames (国王/女王, 大/更大/最大, 高兴/难过, 公平/不公平, 孩子/孩子们,
   country → capital) so that word2vec analogy arithmetic works,
4. indirect object identification (「小明和小红去了商店，小明把一杯饮料给了」→ 小红) and pronoun
   resolution; the IOI evaluation templates are never used here,
5. in-context facts about made-up countries, stated and then asked,
6. words with two senses (花, 行, 打, 米, 长, 会) and collocations (「我喜欢在咖啡里加奶和糖。」).

Templates are written with a space between words; the corpus has none (Chinese is written without
spaces). ``segmented=True`` keeps one space between words and around punctuation, the same text
otherwise: ``generate_corpus_zh(n, s, segmented=True).replace(" ", "") == generate_corpus_zh(n, s)``.
That is our own word segmentation, for word2vec (see docs/experiments/chinese-corpus.md).

All randomness comes from ``random.Random(seed)``; the same ``(size_bytes, seed)`` always gives the
same text. Sizes are UTF-8 bytes of the plain text (a Chinese character is 3 bytes).
"""

from __future__ import annotations

from ..common import SECTION_WEIGHTS, join_to_size, section_makers, sections
from . import fiction, homonyms, ioi, relations, stories, world
from .homonyms import HOMONYMS_ZH
from .ioi import (IOI_EVAL_TEMPLATES_ZH, IOI_EVAL_TEMPLATES_ZH_SEEN_VERBS, IOI_EVAL_VERBS_ZH,
                  IOI_FRESH_TEMPLATES_ZH, IOI_LATE_TEMPLATES_ZH, IOI_TRAIN_TEMPLATES_ZH, make_ioi_cases_zh,
                  split_gei)
from .lexicon import (COUNTRIES_ZH, NAMES_FEMALE_ZH, NAMES_MALE_ZH, OBJECTS_ZH, PLACES_ZH,
                      RELATIONS_ZH, CountryZh, plain, tidy)
from .world import CAPITAL_EVAL_QUESTIONS_ZH

__all__ = [
    "CountryZh", "COUNTRIES_ZH", "RELATIONS_ZH", "NAMES_MALE_ZH", "NAMES_FEMALE_ZH", "PLACES_ZH",
    "OBJECTS_ZH", "HOMONYMS_ZH", "IOI_TRAIN_TEMPLATES_ZH", "IOI_EVAL_TEMPLATES_ZH", "IOI_EVAL_TEMPLATES_ZH_SEEN_VERBS",
    "IOI_EVAL_VERBS_ZH", "IOI_FRESH_TEMPLATES_ZH", "IOI_LATE_TEMPLATES_ZH", "CAPITAL_EVAL_QUESTIONS_ZH",
    "SECTION_WEIGHTS_ZH", "make_ioi_cases_zh",
    "make_capital_cases_zh", "generate_corpus_zh", "generate_sections_zh", "held_out_text_zh",
]

_SECTIONS = section_makers(stories, world, relations, ioi, fiction, homonyms)

# More name sentences than the English corpus has (IOI 0.40 instead of 0.22): with 0.22 the Chinese
# model learned the name test on its own templates (100 %) but much less on held-out shapes; with 0.40
# it reaches 83 % (docs/training.md, the runs tried).
SECTION_WEIGHTS_ZH: dict[str, float] = {**SECTION_WEIGHTS, "stories": 0.16, "world": 0.16, "relations": 0.15,
                                        "ioi": 0.40, "fiction": 0.04, "homonyms": 0.09}


def generate_sections_zh(size_bytes: int = 10_000_000, seed: int = 0, segmented: bool = False):
    """Yield (section_name, paragraph) pairs; the text is their join with "\\n\\n".

    Sections are picked at random so that each gets roughly its share of (plain-text UTF-8) bytes.
    """
    makers = {name: (lambda rng, make=make: split_gei(tidy(make(rng)))) for name, make in _SECTIONS.items()}
    for name, seg in sections(makers, SECTION_WEIGHTS_ZH, size_bytes, seed, _plain_bytes):
        yield name, (seg if segmented else plain(seg))


def generate_corpus_zh(size_bytes: int = 10_000_000, seed: int = 0, segmented: bool = False) -> str:
    """Deterministic for (size_bytes, seed). Paragraphs separated by a blank line ("\\n\\n").

    Plain Chinese without spaces, its UTF-8 size within a few hundred bytes of ``size_bytes``; with
    ``segmented=True`` the same text with a space between words (for word2vec).
    """
    return join_to_size(generate_sections_zh(size_bytes, seed, segmented), size_bytes, _plain_bytes)


def _plain_bytes(seg: str) -> int:
    """UTF-8 bytes of a paragraph as written (without the segmentation's spaces)."""
    return len(plain(seg).encode("utf-8"))


def held_out_text_zh(size_bytes: int = 200_000, seed: int = 12345) -> str:
    """Same generator, different seed: text for validation."""
    return generate_corpus_zh(size_bytes, seed)


def make_capital_cases_zh(questions=None) -> list[tuple[str, str, str]]:
    """(prompt, capital, country) for every country and held-out question shape
    (``CAPITAL_EVAL_QUESTIONS_ZH``, never in the corpus), e.g. ("问：你知道波兰的首都吗？答：", "华沙", "波兰")."""
    qs = CAPITAL_EVAL_QUESTIONS_ZH if questions is None else questions
    return [(q.format(country=c.name), c.capital, c.name) for q in qs for c in COUNTRIES_ZH]
