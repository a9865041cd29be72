"""Section 2: world facts about real countries (capital, nationality, language) and Q/A lines.

``CAPITAL_EVAL_QUESTIONS`` are question shapes the generator never writes, for measuring the capital
fact on wording the model has not seen (``make_capital_cases``).
"""

from __future__ import annotations

import random

from . import common
from .lexicon import COUNTRIES, Country, add_person


# ---------------------------------------------------------------------------
# Section 2: world facts about real countries
# ---------------------------------------------------------------------------

_CAPITAL_SENT = [
    "{cap} is the capital of {country}.",
    "The capital of {country} is {cap}.",
    "The capital city of {country} is {cap}.",
    "{cap} is the capital city of {country}.",
    "{cap} is a city in {country}.",
    "{cap} is the largest city in {country}." ,
    "The government of {country} meets in {cap}.",
    "If you travel to {country}, you might visit {cap}, its capital.",
    "{country} has its capital in {cap}.",
    "Many people who live in {country} have visited {cap}.",
    "{cap}, the capital of {country}, is a busy city.",
    "The main city of {country} is {cap}.",
    "{cap} is in {country}.",
    "{country} is a country, and {cap} is its capital.",
    "The city of {cap} is the capital of {country}.",
    "When you fly to {country}, you often land in {cap}.",
]

_NATION_SENT = [
    "People from {country} are {adj}.",
    "A person from {country} is {adj}.",
    "A {adj} person comes from {country}.",
    "Someone who is {adj} comes from {country}.",
    "{adj} people live in {country}.",
    "The people of {country} are called {adj}.",
    "{adj} food comes from {country}.",
    "If you were born in {country}, you are {adj}.",
    "{country} is home to the {adj} people.",
    "{name} is from {country}, so {h} is {adj}.",
    "{name} was born in {country}. {H} is {adj}.",
    "The {adj} flag is the flag of {country}.",
    "{adj} music is popular in {country}.",
    "Most {adj} people live in {country}.",
]

_LANG_SENT = [
    "In {country} people speak {lang}.",
    "People in {country} speak {lang}.",
    "The main language of {country} is {lang}.",
    "Most people in {country} speak {lang}.",
    "{lang} is spoken in {country}.",
    "The official language of {country} is {lang}.",
    "If you go to {country}, you will hear {lang}.",
]

_QA_FORMS = {
    "capital": [("Q: What is the capital of {country}? A:", "cap")],
    "capital_rev": [
        ("Q: {cap} is the capital of which country? A:", "country"),
        ("Q: Which country has {cap} as its capital? A:", "country"),
    ],
    "nationality": [
        ("Q: What is a person from {country} called? A:", "adj"),
        ("Q: What nationality are people from {country}? A:", "adj"),
    ],
    "language": [
        ("Q: What language do people speak in {country}? A:", "lang"),
        ("Q: What is the main language of {country}? A:", "lang"),
    ],
    "nation_rev": [("Q: Where does a {adj} person come from? A:", "country")],
}


def country_ctx(rng: random.Random, c: Country) -> dict:
    ctx = {"country": c.name, "cap": c.capital, "adj": c.adjective, "lang": c.language}
    add_person(rng, "", ctx)
    ctx["name"] = ctx[""]
    return ctx


def qa_line(rng: random.Random, c: Country, kind: str) -> str:
    return common.qa_line(rng, _QA_FORMS[kind], lambda: country_ctx(rng, c))


def _qa_kind(rng: random.Random) -> str:
    return common.pick(rng, [(0.55, "capital"), (0.65, "capital_rev"), (0.8, "nationality"),
                             (0.95, "language")], "nation_rev")


def paragraph(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        # descriptive paragraph about one country
        c = rng.choice(COUNTRIES)
        ctx = country_ctx(rng, c)
        sents = []
        pools = [_CAPITAL_SENT, _NATION_SENT, _LANG_SENT, _CAPITAL_SENT, _NATION_SENT]
        rng.shuffle(pools)
        for pool in pools[: rng.randint(3, 5)]:
            sents.append(rng.choice(pool))
        text = " ".join(s.format_map(ctx) for s in sents)
        if rng.random() < 0.35:
            text += " " + qa_line(rng, c, _qa_kind(rng))
        return text
    if r < 0.6:
        # several countries in parallel sentences
        cs = rng.sample(COUNTRIES, rng.randint(2, 4))
        pool = rng.choice([_CAPITAL_SENT, _NATION_SENT, _LANG_SENT])
        tmpl = rng.choice(pool)
        return " ".join(tmpl.format_map(country_ctx(rng, c)) for c in cs)
    if r < 0.72:
        # single QA line
        c = rng.choice(COUNTRIES)
        return qa_line(rng, c, _qa_kind(rng))
    if r < 0.9:
        # 2-4 QA pairs chained on one line
        kind = _qa_kind(rng) if rng.random() < 0.5 else "capital"
        cs = rng.sample(COUNTRIES, rng.randint(2, 4))
        return " ".join(qa_line(rng, c, kind) for c in cs)
    # 2-4 QA pairs, one per line
    kind = _qa_kind(rng) if rng.random() < 0.5 else "capital"
    cs = rng.sample(COUNTRIES, rng.randint(2, 4))
    return "\n".join(qa_line(rng, c, kind) for c in cs)


# Never written by the generator (tests/engine/test_corpus.py checks): the capital question asked in
# other words. The corpus asks only "Q: What is the capital of {country}? A:".
CAPITAL_EVAL_QUESTIONS: list[str] = [
    "Q: Tell me the capital of {country}. A:",
    "Q: Do you know the capital of {country}? A:",
    "Q: Which city is the capital of {country}? A:",
    "Q: If you travel to the capital of {country}, which city do you visit? A:",
]
