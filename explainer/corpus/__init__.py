"""Deterministic generator of a small, readable English training corpus.

Everything here is written from templates in this package (no external text): the shared
lexicon in ``lexicon.py``, each section's templates beside its generator in its own module.
The corpus mixes six kinds of paragraphs:

1. simple stories (people with correct pronouns, places, objects, pets, jobs),
2. world facts about real countries (capital, nationality, language, Q/A lines),
3. word relations in parallel frames (gender, plural, comparative, superlative,
   opposite, past tense) so that word2vec analogy arithmetic works,
4. indirect object identification (IOI) sentences and pronoun resolution,
5. in-context facts about made-up places ("The capital of Zorvania is Tessel.
   Q: What is the capital of Zorvania? A: Tessel"),
6. homonyms (river bank / money bank, magazine) and collocations
   ("I like my coffee with cream and sugar.").

All randomness comes from ``random.Random(seed)``; the same
``(size_bytes, seed)`` always gives the same text.
"""


from __future__ import annotations

from . import fiction, homonyms, ioi, relations, stories, world
from .common import SECTION_WEIGHTS, join_to_size, section_makers, sections
from .ioi import IOI_EVAL_TEMPLATES, IOI_TRAIN_TEMPLATES, make_ioi_cases
from .world import CAPITAL_EVAL_QUESTIONS
from .lexicon import (COUNTRIES, NAMES_FEMALE, NAMES_MALE, OBJECTS, PLACES, RELATIONS,
                      Country)

__all__ = [
    "Country",
    "COUNTRIES",
    "RELATIONS",
    "NAMES_MALE",
    "NAMES_FEMALE",
    "PLACES",
    "OBJECTS",
    "IOI_TRAIN_TEMPLATES",
    "IOI_EVAL_TEMPLATES",
    "SECTION_WEIGHTS",
    "make_ioi_cases",
    "CAPITAL_EVAL_QUESTIONS",
    "make_capital_cases",
    "generate_corpus",
    "generate_sections",
    "held_out_text",
    "count_occurrences",
    "find_occurrences",
]

# ---------------------------------------------------------------------------
# Corpus assembly
# ---------------------------------------------------------------------------

_SECTIONS = section_makers(stories, world, relations, ioi, fiction, homonyms)


def generate_sections(size_bytes: int = 10_000_000, seed: int = 0):
    """Yield (section_name, paragraph) pairs; the text is their join with "\\n\\n".

    Sections are picked at random so that each gets roughly its share of bytes.
    """
    return sections(_SECTIONS, SECTION_WEIGHTS, size_bytes, seed)


def generate_corpus(size_bytes: int = 10_000_000, seed: int = 0) -> str:
    """Deterministic for (size_bytes, seed). Paragraphs separated by a blank line ("\\n\\n").

    Plain ASCII English, len(text) within a few hundred bytes of size_bytes.
    """
    return join_to_size(generate_sections(size_bytes, seed), size_bytes)


def held_out_text(size_bytes: int = 200_000, seed: int = 12345) -> str:
    """Same generator, different seed: text for validation."""
    return generate_corpus(size_bytes, seed)


# ---------------------------------------------------------------------------
# Search helpers
# ---------------------------------------------------------------------------


def count_occurrences(text: str, phrase: str) -> int:
    """Case-sensitive count of non-overlapping occurrences of phrase in text."""
    if not phrase:
        return 0
    return text.count(phrase)


def find_occurrences(text: str, phrase: str, k: int = 5, width: int = 60) -> list[str]:
    """Up to k snippets around the first occurrences of phrase.

    Each snippet is up to ``width`` characters of context on each side with the
    phrase itself kept whole; "..." marks cut context.
    """
    out: list[str] = []
    if not phrase or k <= 0:
        return out
    start = 0
    while len(out) < k:
        i = text.find(phrase, start)
        if i < 0:
            break
        lo = max(0, i - width)
        hi = min(len(text), i + len(phrase) + width)
        snippet = text[lo:hi]
        if lo > 0:
            snippet = "..." + snippet
        if hi < len(text):
            snippet = snippet + "..."
        out.append(snippet)
        start = i + len(phrase)
    return out


def make_capital_cases(questions=None) -> list[tuple[str, str, str]]:
    """(prompt, capital, country) for every country and held-out question shape
    (``CAPITAL_EVAL_QUESTIONS``, never in the corpus), e.g. ("Q: Do you know the capital of Poland? A:",
    "Warsaw", "Poland")."""
    qs = CAPITAL_EVAL_QUESTIONS if questions is None else questions
    return [(q.format(country=c.name), c.capital, c.name) for q in qs for c in COUNTRIES]


# ---------------------------------------------------------------------------
# The Chinese corpus (issue #24): explainer/corpus/zh/, same shape as the English sections above.
# ---------------------------------------------------------------------------

from .zh import (CAPITAL_EVAL_QUESTIONS_ZH, COUNTRIES_ZH, HOMONYMS_ZH, IOI_EVAL_TEMPLATES_ZH,  # noqa: E402
                 IOI_EVAL_TEMPLATES_ZH_SEEN_VERBS, IOI_EVAL_VERBS_ZH, IOI_FRESH_TEMPLATES_ZH, IOI_LATE_TEMPLATES_ZH,
                 IOI_TRAIN_TEMPLATES_ZH, NAMES_FEMALE_ZH, NAMES_MALE_ZH, OBJECTS_ZH,
                 PLACES_ZH, RELATIONS_ZH, SECTION_WEIGHTS_ZH, CountryZh, generate_corpus_zh,
                 generate_sections_zh, held_out_text_zh, make_capital_cases_zh, make_ioi_cases_zh)

__all__ += [
    "CountryZh", "COUNTRIES_ZH", "RELATIONS_ZH", "NAMES_MALE_ZH", "NAMES_FEMALE_ZH", "PLACES_ZH",
    "OBJECTS_ZH", "HOMONYMS_ZH", "IOI_TRAIN_TEMPLATES_ZH", "IOI_EVAL_TEMPLATES_ZH",
    "IOI_EVAL_TEMPLATES_ZH_SEEN_VERBS", "IOI_EVAL_VERBS_ZH", "IOI_FRESH_TEMPLATES_ZH", "IOI_LATE_TEMPLATES_ZH",
    "CAPITAL_EVAL_QUESTIONS_ZH", "SECTION_WEIGHTS_ZH", "make_ioi_cases_zh", "make_capital_cases_zh",
    "generate_corpus_zh", "generate_sections_zh", "held_out_text_zh",
]
