"""What the English and the Chinese generators share: how sections are drawn and joined into a
corpus of a given size, and the random choices that several sections make the same way in both
languages (the templates differ, the logic does not). Every helper draws from ``rng`` in exactly
the order the generators did before it existed, so the pinned corpus hashes hold."""

from __future__ import annotations

import random
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")


# ---- assembly ------------------------------------------------------------------------------------

# Target share of bytes per section (the same in both languages).
SECTION_WEIGHTS: dict[str, float] = {
    "stories": 0.21,
    "world": 0.20,
    "relations": 0.20,
    "ioi": 0.22,
    "fiction": 0.07,
    "homonyms": 0.10,
}


def section_makers(*modules) -> dict[str, Callable[[random.Random], str]]:
    """name → ``paragraph`` function of each section's module, given in ``SECTION_WEIGHTS``'s order."""
    return {name: mod.paragraph for name, mod in zip(SECTION_WEIGHTS, modules, strict=True)}


def sections(makers: dict[str, Callable[[random.Random], str]], weights: dict[str, float],
             size_bytes: int, seed: int, size: Callable[[str], int] = len) -> Iterator[tuple[str, str]]:
    """Yield (section_name, paragraph) until ``size_bytes`` are made, each paragraph made by
    ``makers[name](rng)``; a section is drawn with probability growing with its byte deficit against
    its share in ``weights``. ``size(paragraph)`` counts its bytes (plus 2 for the blank line)."""
    rng = random.Random(seed)
    names = list(weights)
    produced = {k: 0 for k in names}
    total = 0
    while total < size_bytes:
        deficits = [max(weights[k] * (total + 2000) - produced[k], 1.0) for k in names]
        name = rng.choices(names, weights=deficits)[0]
        para = makers[name](rng)
        n = size(para) + 2
        produced[name] += n
        total += n
        yield name, para


def join_to_size(paragraphs: Iterator[tuple[str, str]], size_bytes: int, size: Callable[[str], int] = len) -> str:
    """The paragraphs joined by a blank line, stopping before the one that would pass ``size_bytes``
    (the first is always kept)."""
    paras: list[str] = []
    total = 0
    for _, para in paragraphs:
        n = size(para)
        if total + n > size_bytes and paras:
            break
        paras.append(para)
        total += n + 2
    return "\n\n".join(paras)


# ---- choices -------------------------------------------------------------------------------------

def pick(rng: random.Random, cuts: Sequence[tuple[float, T]], last: T) -> T:
    """One ``rng.random()``: the value of the first cut it falls below, else ``last``."""
    r = rng.random()
    for cut, value in cuts:
        if r < cut:
            return value
    return last


def pick_pet(rng: random.Random, pets: Sequence[T]) -> T:
    """The first pet (cat) 35 % of the time, the second (dog) 35 %, else any other."""
    pet = pick(rng, [(0.35, 0), (0.7, 1)], None)
    return pets[pet] if pet is not None else rng.choice(pets[2:])


def qa_line(rng: random.Random, forms: Sequence[tuple[str, str]], make_ctx: Callable[[], dict]) -> str:
    """A question form drawn from ``forms`` (template, answer key), then its context, then the
    question followed by its answer."""
    tmpl, key = rng.choice(forms)
    ctx = make_ctx()
    return tmpl.format_map(ctx) + " " + ctx[key]


def compare_sentences(rng: random.Random, base: list[str], comp: list[str], sup: list[str],
                      extra: list[str]) -> list[str]:
    """The templates of a comparison paragraph: base, comparative, superlative (60 %); base and
    comparative (20 %); else one of ``extra`` and, half the time, a superlative."""
    r = rng.random()
    if r < 0.6:
        return [rng.choice(base), rng.choice(comp), rng.choice(sup)]
    if r < 0.8:
        return [rng.choice(base), rng.choice(comp)]
    sents = [rng.choice(extra)]
    if rng.random() < 0.5:
        sents.append(rng.choice(sup))
    return sents


def paired_sentences(rng: random.Random, frames: list[tuple[str, str]], pairs: list[str], ctx: dict,
                     second: Callable[[str], str] = lambda s: s) -> list[str]:
    """One or two parallel frames (the sentence with one word, then with its opposite — in the
    other order 30 % of the time), and half the time a sentence naming the pair. ``second`` touches
    up the opposite's sentence (English: "An unfair" → "An unfair" with the right article)."""
    sents: list[str] = []
    for _ in range(rng.randint(1, 2)):
        x, y = rng.choice(frames)
        xy = [x.format_map(ctx), second(y.format_map(ctx))]
        if rng.random() < 0.3:
            xy.reverse()
        sents += xy
    if rng.random() < 0.5:
        sents.append(rng.choice(pairs).format_map(ctx))
    return sents


def stated_facts(rng: random.Random, state: dict[str, list[str]], ctx: dict) -> tuple[list[str], list[str]]:
    """(kinds, sentences): one to three facts about a made-up country, the capital among them
    more often than not."""
    kinds = rng.sample(sorted(state), rng.randint(1, 3))
    if "capital" not in kinds and rng.random() < 0.6:
        kinds[0] = "capital"
    return kinds, [rng.choice(state[k]).format_map(ctx) for k in kinds]


def ioi_names(rng: random.Random, ctx: dict, add_person, io_first=None) -> tuple[str, str, str, str]:
    """(io, s, a, b): two different people in ``ctx`` (keys "IO" and "S"), and the order they are
    named in — IO first when ``io_first`` (drawn when None)."""
    io, _ = add_person(rng, "IO", ctx)
    s, _ = add_person(rng, "S", ctx, avoid=(io,))
    if io_first is None:
        io_first = rng.random() < 0.5
    return (io, s) + ((io, s) if io_first else (s, io))


def ioi_cases(rng: random.Random, templates: list, n: int, fill, shown: Callable[[str], str] = lambda s: s
              ) -> list[tuple[str, str, str]]:
    """``n`` IOI cases (prompt, indirect object, subject), cycling through ``templates``; each frame
    gets both name orders (IO first, then S first, in alternate rounds)."""
    cases = []
    for i in range(n):
        tmpl = templates[i % len(templates)]
        prompt, io, s, _ = fill(rng, tmpl, io_first=(i // len(templates)) % 2 == 0)
        cases.append((shown(prompt), io, s))
    return cases


def two_pets(rng: random.Random, pets: Sequence[tuple]) -> tuple[tuple, tuple]:
    """Two different pets (rows of ``pets``, the animal's name first), each by ``pick_pet``."""
    first = pick_pet(rng, pets)
    second = pick_pet(rng, pets)
    while second[0] == first[0]:
        second = pick_pet(rng, pets)
    return first, second


def story_sentences(rng: random.Random, opening: list, middle: list, dialogue: list, pet: list,
                    ending: list) -> list[str]:
    """The templates of a story: an opening, three to six parts (a middle scene 55 %, a dialogue
    25 %, a line about the pet 20 %), and an ending 60 % of the time."""
    out = [rng.choice(opening)]
    for _ in range(rng.randint(3, 6)):
        r = rng.random()
        if r < 0.55:
            out.extend(rng.choice(middle))
        elif r < 0.8:
            out.extend(rng.choice(dialogue))
        else:
            out.append(rng.choice(pet))
    if rng.random() < 0.6:
        out.append(rng.choice(ending))
    return out
