"""Section 5: in-context facts about made-up places ("The capital of Zorvania is Tessel.").
"""

from __future__ import annotations

import random

from .common import stated_facts
from .lexicon import COUNTRIES, FOODS, capitalised
from .world import country_ctx, qa_line


# ---------------------------------------------------------------------------
# Section 5: in-context facts about made-up (and real) places
# ---------------------------------------------------------------------------

_SYL_START = ["zor", "tes", "mal", "ven", "kir", "bal", "dor", "fen", "gal",
              "lor", "mir", "nor", "pel", "quin", "ras", "sol", "tav", "vor",
              "yel", "bren", "cal", "dar", "fal", "hal", "jor", "kel", "mor",
              "nal", "or", "par", "sel", "tor", "ul", "var", "wen", "zan",
              "bel", "cor", "el", "gor", "hes", "ith", "lun", "ost", "rim"]
_SYL_MID = ["a", "e", "i", "o", "u", "va", "ri", "lo", "ne", "ta", "mi",
            "do", "sa", "ke", "ru", "li"]
_SYL_COUNTRY_END = ["nia", "ria", "land", "stan", "via", "dor", "mark",
                    "lia", "sia", "ra", "tia", "gard"]
_SYL_CITY_END = ["sel", "ton", "mar", "vik", "burg", "dale", "os", "ek",
                 "ham", "ford", "lin", "port", "heim", "is", "ar"]
_SYL_LANG_END = ["ish", "ic", "ese", "an", "i"]
_RESERVED = {w.lower() for c in COUNTRIES for w in (c.name, c.capital, c.adjective, c.language)}


def _fake_word(rng: random.Random, ends: list[str]) -> str:
    while True:
        w = rng.choice(_SYL_START)
        if rng.random() < 0.6:
            w += rng.choice(_SYL_MID)
        w += rng.choice(ends)
        if w not in _RESERVED and len(w) >= 4:
            return capitalised(w)


_FICT_STATE = {
    "capital": ["The capital of {c} is {cap}.", "{cap} is the capital of {c}.",
                "The capital city of {c} is {cap}."],
    "language": ["In {c} people speak {lang}.", "The main language of {c} is {lang}."],
    "river": ["The river that runs through {c} is the {river}.", "The {river} is the main river of {c}."],
    "food": ["The famous dish of {c} is {food}.", "People in {c} love to eat {food}."],
    "animal": ["The national animal of {c} is the {animal}.", "The {animal} is the national animal of {c}."],
}
_FICT_ASK = {
    "capital": [("Q: What is the capital of {c}? A:", "cap")],
    "language": [("Q: What language do people speak in {c}? A:", "lang")],
    "river": [("Q: What is the main river of {c}? A: The", "river")],
    "food": [("Q: What is the famous dish of {c}? A:", "food")],
    "animal": [("Q: What is the national animal of {c}? A: The", "animal")],
}
_ANIMALS = ["bear", "eagle", "wolf", "fox", "owl", "deer", "lion", "tiger",
            "swan", "falcon", "horse", "dolphin", "otter", "badger"]


def _fict_ctx(rng: random.Random) -> dict:
    return dict(c=_fake_word(rng, _SYL_COUNTRY_END), cap=_fake_word(rng, _SYL_CITY_END),
                lang=_fake_word(rng, _SYL_LANG_END), river=_fake_word(rng, ["a", "o", "ine", "ar", "es"]),
                food=rng.choice(FOODS), animal=rng.choice(_ANIMALS))


def paragraph(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        # one made-up country, 1-3 facts, ask one of them
        ctx = _fict_ctx(rng)
        kinds, facts = stated_facts(rng, _FICT_STATE, ctx)
        ask = rng.choice(kinds)
        q, key = rng.choice(_FICT_ASK[ask])
        return " ".join(facts) + " " + q.format_map(ctx) + " " + ctx[key]
    if r < 0.8:
        # two made-up countries, ask about one
        c1, c2 = _fict_ctx(rng), _fict_ctx(rng)
        kind = "capital" if rng.random() < 0.7 else rng.choice(sorted(_FICT_STATE))
        f1 = rng.choice(_FICT_STATE[kind]).format_map(c1)
        f2 = rng.choice(_FICT_STATE[kind]).format_map(c2)
        target = c1 if rng.random() < 0.5 else c2
        q, key = rng.choice(_FICT_ASK[kind])
        sep = "\n" if rng.random() < 0.2 else " "
        return f1 + " " + f2 + sep + q.format_map(target) + " " + target[key]
    # a real country stated, then asked
    c = rng.choice(COUNTRIES)
    ctx = country_ctx(rng, c)
    kind = rng.choice(["capital", "capital", "language", "nationality"])
    if kind == "capital":
        fact = rng.choice(["The capital of {country} is {cap}.", "{cap} is the capital of {country}."])
    elif kind == "language":
        fact = rng.choice(["In {country} people speak {lang}.", "People in {country} speak {lang}."])
    else:
        fact = rng.choice(["People from {country} are {adj}.", "A person from {country} is {adj}."])
    return fact.format_map(ctx) + " " + qa_line(rng, c, kind)
