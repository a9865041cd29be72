"""Section 3: word relations in parallel frames (gender, plural, comparative, superlative,
opposite, past tense), so that word2vec analogy arithmetic works.
"""

from __future__ import annotations

import random

from .common import compare_sentences, paired_sentences
from .lexicon import (
    COMPARE_INFO, GENDER_INFO, OPPOSITE_INFO, PAST_INFO, PLURAL_INFO, capitalised,
    with_article,
)


# ---------------------------------------------------------------------------
# Section 3: word relations in parallel frames
# ---------------------------------------------------------------------------

# Gender frames: {x} noun, {pr} he/she, {Pr} He/She, {pos} his/her, {ob} him/her,
# {mf} male/female, {t} topic word, {thing} possession.
_GENDER_FRAMES = [
    "The {x} said that {pr} liked the {t}.",
    "The {x} lost {pos} {thing} near the {t}.",
    "Everyone in the {t} knew the {x} and waved at {ob}.",
    "The {x} is {mf}.",
    "{Pr} is a {x}.",
    "{Pr} was the {x} of the {t}.",
    "The {x} smiled because {pr} was happy.",
    "The {x} took {pos} {thing} to the {t}.",
    "The {x} and {pos} {thing} were in the {t}.",
    "The {x} told us that {pr} would come to the {t}.",
    "We asked the {x} about the {t}, and {pr} answered.",
    "A {x} is a {mf} person.",
    "The {x} put on {pos} coat and left the {t}.",
    "The young {x} looked at {pos} {thing}.",
    "The {x} gave {pos} {thing} to a friend.",
    "People in the {t} thanked the {x} and hugged {ob}.",
]

_GENDER_PAIR = [
    "The {a} and the {b} were in the {t}.",
    "The {a} and the {b} {t2} together.",
    "A {a} is male and a {b} is female.",
    "He is the {a} and she is the {b}.",
    "He was a {a}; she was a {b}.",
    "He became a {a}, and she became a {b}.",
    "The {b} and the {a} talked about the {t}.",
    "Every {a} and every {b} came to the {t}.",
    "The word {b} is the female form of the word {a}.",
    "A male {t3} is a {a}, and a female {t3} is a {b}.",
    "The {a} is a man and the {b} is a woman.",
]
_GENDER_KIND = {
    "man": "adult", "king": "ruler", "boy": "child", "father": "parent",
    "brother": "sibling", "son": "child", "husband": "spouse",
    "uncle": "relative", "prince": "royal", "nephew": "relative",
    "grandfather": "grandparent", "actor": "performer",
    "waiter": "server", "groom": "newlywed",
}


def _rel_gender(rng: random.Random) -> str:
    m, f, topics, thing = rng.choice(GENDER_INFO)
    t = rng.choice(topics)
    sents = []
    for _ in range(rng.randint(1, 3)):
        fr = rng.choice(_GENDER_FRAMES)
        male = fr.format(x=m, pr="he", Pr="He", pos="his", ob="him", mf="male", t=t, thing=thing)
        female = fr.format(x=f, pr="she", Pr="She", pos="her", ob="her", mf="female", t=t, thing=thing)
        if rng.random() < 0.5:
            sents += [male, female]
        else:
            sents += [female, male]
    if rng.random() < 0.7:
        fr = rng.choice(_GENDER_PAIR)
        sents.append(fr.format(a=m, b=f, t=t, t2=rng.choice(["walked", "laughed", "worked", "ate", "sang"]),
                               t3=_GENDER_KIND[m]))
    return " ".join(sents)


_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several", "some"]

_PLURAL_FRAMES = [
    ("There is one {s} near the {t}.", "There are {n} {p} near the {t}."),
    ("I saw {as} by the {t}.", "I saw {n} {p} by the {t}."),
    ("This {s} is small.", "These {p} are small."),
    ("That {s} is mine.", "Those {p} are mine."),
    ("The {s} is here.", "The {p} are here."),
    ("One {s},", "{n} {p}."),
    ("We have one {s}.", "They have {n} {p}."),
    ("The {s} was in the {t}.", "The {p} were in the {t}."),
    ("She found {as} in the {t}.", "He found {n} {p} in the {t}."),
    ("Only one {s} is left.", "Now {n} {p} are left."),
    ("Look at this {s}!", "Look at all these {p}!"),
    ("A single {s} is not much.", "{N} {p} are a lot."),
    ("Each {s} is different.", "All the {p} are different."),
    ("Where is the {s}?", "Where are the {p}?"),
    ("My {s} is old.", "My {p} are old."),
]


def _rel_plural(rng: random.Random) -> str:
    s, p, topics = rng.choice(PLURAL_INFO)
    t = rng.choice(topics)
    sents = []
    for _ in range(rng.randint(1, 3)):
        a, b = rng.choice(_PLURAL_FRAMES)
        n = rng.choice(_NUMBERS)
        ctx = dict(s=s, p=p, t=t, n=n, N=capitalised(n), **{"as": with_article(s)})
        sents += [a.format_map(ctx), b.format_map(ctx)]
    r = rng.random()
    if r < 0.2:
        sents.append(f"The plural of {s} is {p}.")
    elif r < 0.5:
        sents.append(rng.choice(["One {s}, many {p}.", "A {s}, two {p}.", "A {s} and two {p}.",
                                 "Not one {s} but many {p}."]).format(s=s, p=p, S=capitalised(s)))
    return " ".join(sents)


_CMP_BASE = [
    "The {n1} is {b}.",
    "The {n1} is very {b}.",
    "A {n1} is quite {b}.",
    "The {n1} is {b} in {t}.",
]
_CMP_COMP = [
    "The {n2} is {c} than the {n1}.",
    "But the {n2} is even {c}.",
    "A {n2} is much {c} than a {n1}.",
    "The {n2} is {c} in {t} than the {n1}.",
]
_CMP_SUP = [
    "The {n3} is the {s} of all.",
    "The {n3} is the {s} one.",
    "Of the three, the {n3} is the {s}.",
    "The {n3} is the {s} in {t} of them all.",
]
_CMP_EXTRA = [
    "{B}, {c}, {s}.",
    "If something is {b}, something else can be {c}, and one thing can be the {s}.",
    "Which is {c}, the {n1} or the {n2}? The {n2} is {c}.",
    "Which is the {s}? The {n3} is the {s}.",
    "My {n1} is {b}, your {n2} is {c}, and his {n3} is the {s}.",
]


def _rel_compare(rng: random.Random) -> str:
    b, c, s, t, (n1, n2, n3) = rng.choice(COMPARE_INFO)
    ctx = dict(b=b, c=c, s=s, t=t, n1=n1, n2=n2, n3=n3, B=capitalised(b))
    sents = compare_sentences(rng, _CMP_BASE, _CMP_COMP, _CMP_SUP, _CMP_EXTRA)
    return " ".join(x.format_map(ctx) for x in sents)


_OPP_FRAMES = [
    ("It is not {b}, it is {a}.", "It is not {a}, it is {b}."),
    ("The {t} was {a}, and everyone said yes.", "The {t} was {b}, and everyone said no."),
    ("Being {a} is good.", "Being {b} is bad."),
    ("A {a} {t} is a good thing.", "An {b} {t} is a bad thing."),
    ("Yes, the {t} is {a}.", "No, the {t} is {b}."),
    ("She was {a} about the {t}.", "He was {b} about the {t}."),
    ("We hoped it would be {a}.", "We feared it would be {b}."),
    ("The {t} seemed {a} to me.", "The {t} seemed {b} to me."),
    ("It is right to be {a}.", "It is wrong to be {b}."),
]
_OPP_PAIR = [
    "The opposite of {a} is {b}.",
    "The word {b} means not {a}.",
    "Something that is not {a} is {b}.",
    "Is the {t} {a} or {b}?",
    "{A} and {b} are opposites.",
]


def _rel_opposite(rng: random.Random) -> str:
    a, b, topics = rng.choice(OPPOSITE_INFO)
    t = rng.choice(topics)
    ctx = dict(a=a, b=b, t=t, A=capitalised(a))
    return " ".join(paired_sentences(rng, _OPP_FRAMES, _OPP_PAIR, ctx,
                                     lambda s: s.replace("An " + b, capitalised(with_article(b)))))


_PAST_FRAMES = [
    ("Today I {v} {o}.", "Yesterday I {p} {o}."),
    ("Every day we {v} {o}.", "Last week we {p} {o}."),
    ("Now they {v} {o}.", "Yesterday they {p} {o}."),
    ("I {v} {o} every morning.", "I {p} {o} yesterday morning."),
    ("You usually {v} {o}.", "Last night you {p} {o}."),
    ("Today we {v} {o} again.", "Two days ago we {p} {o}."),
    ("She likes to {v} {o}.", "Yesterday she {p} {o}."),
    ("He will {v} {o} tomorrow.", "He {p} {o} yesterday."),
    ("Do you {v} {o} now?", "Yes, and I {p} {o} last week too."),
    ("We often {v} {o}.", "Last year we {p} {o} a lot."),
    ("They want to {v} {o} today.", "They {p} {o} yesterday."),
    ("I {v} now,", "and I {p} before."),
    ("Today I {v},", "yesterday I {p}."),
    ("We {v} today;", "we {p} yesterday."),
    ("They {v} every day and", "{p} yesterday too."),
    ("Now I {v} {o}.", "Then I {p} {o}."),
]
_PAST_TIGHT = [
    "{v}, {p}.",
    "I {v}, I {p}.",
    "Today {v}, yesterday {p}.",
    "We {p} yesterday and {v} today.",
    "Yesterday I {p}; today I {v} again.",
]


def _rel_past(rng: random.Random) -> str:
    v, p, objs = rng.choice(PAST_INFO)
    sents = []
    for _ in range(rng.randint(1, 3)):
        ctx = dict(v=v, p=p, o=rng.choice(objs))
        x, y = rng.choice(_PAST_FRAMES)
        sents += [x.format_map(ctx), y.format_map(ctx)]
    if rng.random() < 0.5:
        sents.append(rng.choice(_PAST_TIGHT).format(v=v, p=p))
    if rng.random() < 0.2:
        sents.append(f"The past tense of {v} is {p}.")
    return " ".join(sents)


def _join_and(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


_LIST_NOUNS = ["one", "this one", "that thing", "it", "the first one", "the new one"]


def _rel_list(rng: random.Random) -> str:
    """Several pairs of one relation side by side, in parallel sentences."""
    kind = rng.choice(["gender", "plural", "plural", "compare", "compare", "opposite", "past", "past", "past"])
    k = rng.randint(2, 4)
    if kind == "gender":
        items = rng.sample(GENDER_INFO, k)
        ms, fs = [x[0] for x in items], [x[1] for x in items]
        fr = rng.randrange(4)
        if fr == 0:
            return (f"The {_join_and(ms)} were men. The {_join_and(fs)} were women.")
        if fr == 1:
            return (f"He was a {' and a '.join(ms)}. She was a {' and a '.join(fs)}.")
        if fr == 2:
            return (f"On the male side there was a {', a '.join(ms)}. "
                    f"On the female side there was a {', a '.join(fs)}.")
        return " ".join(f"He is a {m}; she is a {f}." for m, f in zip(ms, fs))
    if kind == "plural":
        items = rng.sample(PLURAL_INFO, k)
        n = rng.choice(_NUMBERS)
        ones = [with_article(x[0]) for x in items]
        many = [f"{n} {x[1]}" for x in items]
        fr = rng.randrange(3)
        if fr == 0:
            return f"I have {_join_and(ones)}. You have {_join_and(many)}."
        if fr == 1:
            return f"There is {_join_and(ones)}. There are {_join_and(many)}."
        return " ".join(f"One {x[0]}, {n} {x[1]}." for x in items)
    if kind == "compare":
        items = rng.sample(COMPARE_INFO, min(k, 3))
        bs = [x[0] for x in items]
        cs = [x[1] for x in items]
        ss = [x[2] for x in items]
        fr = rng.randrange(3)
        if fr == 0:
            return (f"The first box is {_join_and(bs)}. The second box is {_join_and(cs)}. "
                    f"The third box is the {_join_and(ss)}.")
        if fr == 1:
            return (f"This one is {_join_and(bs)}. That one is {_join_and(cs)} than this one. "
                    f"The last one is the {_join_and(ss)} of all.")
        return " ".join(f"{capitalised(b)}, {c}, {s}." for b, c, s in zip(bs, cs, ss))
    if kind == "opposite":
        items = rng.sample(OPPOSITE_INFO, k)
        pos, neg = [x[0] for x in items], [x[1] for x in items]
        fr = rng.randrange(3)
        if fr == 0:
            return f"The first plan was {_join_and(pos)}. The second plan was {_join_and(neg)}."
        if fr == 1:
            return f"Good people are {_join_and(pos)}. Bad people are {_join_and(neg)}."
        return " ".join(f"Not {a}, but {b}." if rng.random() < 0.5 else f"Not {b}, but {a}."
                        for a, b, _ in items)
    items = rng.sample(PAST_INFO, k)
    objs = [rng.choice(x[2]) for x in items]
    pres = _join_and([f"{x[0]} {o}" for x, o in zip(items, objs)])
    past = _join_and([f"{x[1]} {o}" for x, o in zip(items, objs)])
    fr = rng.randrange(4)
    if fr == 0:
        return f"Today I {pres}. Yesterday I {past}."
    if fr == 1:
        return f"Every day we {pres}. Last week we {past}."
    if fr == 2:
        return f"On weekdays they {pres}. Last Sunday they {past}."
    return f"Now you {pres}. Yesterday you {past}."


def paragraph(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.08:
        return _rel_gender(rng)
    if r < 0.23:
        return _rel_plural(rng)
    if r < 0.33:
        return _rel_compare(rng)
    if r < 0.40:
        return _rel_opposite(rng)
    if r < 0.65:
        return _rel_past(rng)
    return _rel_list(rng)
