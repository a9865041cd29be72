"""Experiments by switching parts of the model off: what changes in the next-token prediction,
which heads matter for a name, which MLP layers hold a fact and whether the fact, put in the
prompt, brings the answer back (demo 7 of the articles).

Every function asks for probabilities the one way the API offers, ``lm.next_probs(text,
intervention)``, with the intervention passed explicitly; nothing is left on the shared model.
The attention page, the layer-by-layer page and the scorecard all read these.

    off = Intervention.zero(mlp=[0], positions=[lm.find_word(WARSAW_PROMPT, "Poland")])
    before, after = before_after(lm, WARSAW_PROMPT, off)
    fact_cases(lm, WARSAW_PROMPT, WARSAW_FACT, "Warsaw", mlp_off=(0,), subject="Poland")
"""

from __future__ import annotations

import random

import numpy as np

from . import demos, sampling
from .lm import LM, InputError
from .model import Intervention

# ---- before and after one intervention --------------------------------------------------------


def before_after(lm: LM, text, intervention: Intervention | None) -> tuple[np.ndarray, np.ndarray]:
    """The next token's probabilities (V,) as the model is, and with ``intervention``."""
    return lm.next_probs(text), lm.next_probs(text, intervention)


def compare(lm: LM, text, intervention: Intervention | None, k: int = 10) -> dict:
    """Next-token top-k before and after, with both probabilities for every token in either top-k:
    ``{"ids", "tokens", "before", "after"}``."""
    before, after = before_after(lm, text, intervention)
    ids = list(dict.fromkeys([int(i) for i in np.argsort(-before)[:k]] + [int(i) for i in np.argsort(-after)[:k]]))
    return {"ids": ids, "tokens": [lm.decode([i]) for i in ids], "before": before[ids], "after": after[ids]}


def word_probs(lm: LM, text, words: list[str], intervention: Intervention | None) -> dict[str, tuple[float, float]]:
    """{word: (probability before, after)} of each word's first token as the next token."""
    before, after = before_after(lm, text, intervention)
    return {w: (float(before[i]), float(after[i])) for w, i in zip(words, [lm.answer_id(w) for w in words])}


# ---- which heads matter --------------------------------------------------------------------------


def logit_diff(lm: LM, text, right: str, wrong: str, intervention: Intervention | None = None) -> float:
    """logit(first token of " right") − logit(first token of " wrong") for the next token."""
    z = lm.last_logits(text, intervention)
    return float(z[lm.answer_id(right)] - z[lm.answer_id(wrong)])


def head_effects(lm: LM, text, right: str, wrong: str) -> dict:
    """Switch off each head alone (L·H ablations, one batched pass per layer) and measure the logit
    difference right − wrong. ``drop[l, h] = base − diff with (l, h) off``: positive = the head helps
    the right answer. Returns ``{"base", "diff" (L, H), "drop" (L, H)}``."""
    L, H = lm.config.n_layer, lm.config.n_head
    r, w = lm.answer_id(right), lm.answer_id(wrong)
    base = logit_diff(lm, text, right, wrong)
    diff = np.zeros((L, H))
    for l in range(L):
        z = lm.last_logits_each(text, [Intervention.zero(heads=[(l, h)]) for h in range(H)])
        diff[l] = z[:, r] - z[:, w]
    return {"base": base, "diff": diff, "drop": base - diff}


# ---- where a fact lives --------------------------------------------------------------------------


def subject_positions(lm: LM, text: str, subject: str | int | None) -> list[int]:
    """``[position]`` (from the end) of the subject's last occurrence in ``text``, or ``[]`` for
    "everywhere" (no subject given, or not in what the model reads). A position (an int, from the
    end, as ``fact_position`` finds it) is taken as it is."""
    if isinstance(subject, int) and not isinstance(subject, bool):
        return [subject]
    if not (subject or "").strip():
        return []
    pos = lm.find_word(text, subject)
    return [pos] if pos is not None else []


def mlp_off(layers, positions=()) -> Intervention:
    """The MLPs of ``layers`` switched off (only at ``positions`` when given)."""
    return Intervention.zero(mlp=sorted(int(l) for l in layers), positions=positions)


def answer_prob(lm: LM, text: str, answer: str, intervention: Intervention | None = None) -> float:
    return float(lm.next_probs(text, intervention)[lm.answer_id(answer)])


# the answer's probability below which, with the MLPs at one position off, the fact is gone from there
FACT_GONE = 0.25
# below this the model does not predict the answer after the prompt in the first place: nothing to look for
NO_ANSWER = 0.05
# positions searched, counted back from the one before the last (a long prompt is not searched whole)
SEARCH_POSITIONS = 32


def fact_position(lm: LM, prompt: str, answer: str) -> dict:
    """Where does this model look a fact up? Switch off every MLP at one position at a time and
    measure P(``answer``) as the next token (causal tracing by switch-off, one batched pass). The
    last position is left out of the search: it is where the answer is read out, and switching its
    MLPs off removes any answer. The position where P falls most is where this model keeps the
    fact; ``holds`` says whether the fact is really gone there (P < ``FACT_GONE`` and the answer no
    longer the top guess) — when no single position does it, the fact is spread over several or
    only put together at the last position.

    Returns ``{"tokens": [...] what the model reads, "probs": [P with the MLPs off at each position,
    None for the last and for positions not searched], "top1": [the answer still top there],
    "base": P untouched, "position": from the end (< 0) or None, "word": that token as text,
    "p": P there, "holds": bool, "gone_below": FACT_GONE, "next_word" / "next_p" / "next_position": the
    position where P is next lowest, or None, "first": the lowest or the next lowest is the prompt's
    first token — which every later token reads, so switching it off can upset the whole prompt rather
    than one fact, "at_word": the word's last occurrence is that position, so switching
    off "at the word" (``subject_positions``) acts there}``. Raises InputError for an empty prompt."""
    if not (prompt or "").strip():
        raise InputError("The prompt is empty: type some text first.")
    ids, _ = lm.fit_context(lm.encode(prompt))
    n, L = len(ids), lm.config.n_layer
    aid = lm.answer_id(answer)
    searched = list(range(max(0, n - 1 - SEARCH_POSITIONS), n - 1))
    z = lm.last_logits_each(ids, [None] + [mlp_off(range(L), [k - n]) for k in searched])
    probs = sampling.softmax(z)
    base = float(probs[0][aid])
    p_at = [None] * n
    top_at = [None] * n
    for row, k in enumerate(searched, start=1):
        p_at[k] = float(probs[row][aid])
        top_at[k] = bool(int(probs[row].argmax()) == aid)
    out = {"tokens": [lm.token_text(i) for i in ids], "probs": p_at, "top1": top_at, "base": base,
           "position": None, "word": None, "p": None, "holds": False, "gone_below": FACT_GONE,
           "next_word": None, "next_p": None, "next_position": None, "at_word": False, "first": False}
    lowest = sorted(searched, key=p_at.__getitem__)
    if lowest:
        k = lowest[0]
        out.update(position=k - n, word=lm.token_text(ids[k]).strip(), p=p_at[k],
                   holds=p_at[k] < FACT_GONE and not top_at[k])
        out["at_word"] = subject_positions(lm, prompt, out["word"]) == [out["position"]]
    if len(lowest) > 1:                           # the next lowest: is the fact at one word, or at several?
        j = lowest[1]
        out.update(next_word=lm.token_text(ids[j]).strip(), next_p=p_at[j], next_position=j - n)
    out["first"] = 0 in lowest[:2]
    return out


def fact_layers(lm: LM, prompt: str, answer: str, subject: str | None = None) -> dict:
    """Which MLP layers carry a memorised fact? Switch each layer's MLP off alone (only at the
    subject's token when ``subject`` is given) and measure the answer's probability; then keep
    adding the layer that lowers the probability most, while it still does.

    Returns ``{"base": p, "single": [p with layer l off], "layers": [...], "ablated": p,
    "positions": [...]}``."""
    L = lm.config.n_layer
    positions = subject_positions(lm, prompt, subject)
    aid = lm.answer_id(answer)

    def probs(layer_sets: list[list[int]]) -> list[float]:      # one batched pass for all the sets
        z = lm.last_logits_each(prompt, [mlp_off(ls, positions) if ls else None for ls in layer_sets])
        return [float(p[aid]) for p in sampling.softmax(z)]
    base, *single = probs([[]] + [[l] for l in range(L)])
    best = min(range(L), key=lambda l: single[l])
    chosen, p = [best], single[best]
    while len(chosen) < L:                       # forward selection: add the layer that helps most
        rest = sorted(set(range(L)) - set(chosen))
        trials = dict(zip(rest, probs([chosen + [l] for l in rest])))
        l, q = min(trials.items(), key=lambda kv: kv[1])
        if q >= p:
            break
        chosen.append(l)
        p = q
    return {"base": base, "single": single, "layers": sorted(chosen), "ablated": p, "positions": positions}


def build_prompt(prompt: str, fact: str | None = None) -> str:
    """The prompt, with ``fact`` (e.g. WARSAW_FACT) put in front when given."""
    if fact and fact.strip():
        return fact.rstrip() + " " + prompt.lstrip()
    return prompt


OTHER_FACT_PLACES = ("none", "after", "before")


def facts_in_front(fact: str, other: str, where: str = "none") -> str:
    """The text put in front of the prompt: ``fact`` alone, or with a second fact ``other``
    after it (nearer the question) or before it. Swapping the order tells reading from copying:
    a model that finds the asked country's fact answers the same both ways; one that copies the
    nearest capital changes its answer with the order."""
    if where == "after":
        return fact + other
    if where == "before":
        return other + fact
    return fact


CASES = ("normal", "mlp_off", "fact", "both")


def fact_cases(lm: LM, prompt: str, fact: str, answer: str, mlp_layers=(), subject: str | None = None) -> dict:
    """P(answer) as the next token in four cases: the prompt as is, with the MLPs of
    ``mlp_layers`` switched off (only at the subject's token when ``subject`` is given), with
    ``fact`` prepended, and both. Returns ``{case: probability}``, the model's own top guess in each
    case (``{case: (token, probability)}``), the answer's token, the layers and the positions used."""
    if not (prompt or "").strip():
        raise InputError("The prompt is empty: type some text first.")
    aid = lm.answer_id(answer)
    with_fact = build_prompt(prompt, fact)
    layers = sorted(int(l) for l in mlp_layers)
    positions = subject_positions(lm, prompt, subject)      # from the end: same token in both
    off = mlp_off(layers, positions)
    dists = {"normal": lm.next_probs(prompt), "mlp_off": lm.next_probs(prompt, off),
             "fact": lm.next_probs(with_fact), "both": lm.next_probs(with_fact, off)}
    probs = {c: float(p[aid]) for c, p in dists.items()}
    top = {c: (lm.token_text(int(p.argmax())), float(p.max())) for c, p in dists.items()}
    return {"probs": probs, "top": top, "token": lm.token_text(aid), "layers": layers,
            "positions": positions}


def cases_verdict(probs: dict) -> str:
    """What the four cases show: ``"no_answer"`` (the model does not predict the word here in the
    first place: P < ``NO_ANSWER``), ``"lost_recovered"`` (switching the MLPs off at least halves P and
    the fact in the prompt at least doubles it back), ``"lost_not_recovered"`` or ``"not_lost"``."""
    if probs["normal"] < NO_ANSWER and probs["fact"] < NO_ANSWER:
        return "no_answer"
    if probs["mlp_off"] > 0.5 * probs["normal"]:
        return "not_lost"
    return "lost_recovered" if probs["both"] > max(2 * probs["mlp_off"], 0.5 * probs["fact"]) else "lost_not_recovered"


def order_test(lm: LM, prompt: str, fact: str, other: str, answer: str, mlp_layers=(),
               subject: str | None = None) -> dict:
    """Reading or copying? With the MLPs of ``mlp_layers`` off (at the subject's token when given)
    and both facts in front, in both orders: the model's top guess and P(answer) for ``"after"``
    (``other`` after ``fact``, so nearer the question) and ``"before"``. ``verdict``:

    - ``"reads"``: P(answer) > 0.5 both ways — the model finds the asked country's fact;
    - ``"nearest"`` / ``"first"``: P(answer) is at least 0.25 higher when its fact stands nearer
      the question / comes first — a capital is copied by where it stands;
    - ``"neither"``: P(answer) < 0.5 both ways, with no such difference;
    - ``"unclear"``: anything else."""
    if not (prompt or "").strip():
        raise InputError("The prompt is empty: type some text first.")
    aid = lm.answer_id(answer)
    off = mlp_off(mlp_layers, subject_positions(lm, prompt, subject))
    out = {}
    for where in ("after", "before"):
        p = lm.next_probs(build_prompt(prompt, facts_in_front(fact, other, where)), off)
        top = int(p.argmax())
        out[where] = {"top": lm.token_text(top), "p_top": float(p[top]), "p": float(p[aid])}
    pa, pb = out["after"]["p"], out["before"]["p"]
    out["verdict"] = ("reads" if min(pa, pb) > 0.5 else "nearest" if pb - pa > 0.25 else
                      "first" if pa - pb > 0.25 else "neither" if max(pa, pb) < 0.5 else "unclear")
    out["token"] = lm.token_text(aid)
    return out


LOOKUP_SEED = 4242


def prompt_lookup(lm: LM, layers, n: int = 120, seed: int = LOOKUP_SEED) -> dict:
    """Is the recovery reading, or copying? Two or three real capitals are stated ("The capital of
    X is Y." with their true capitals), then one country is asked at random; the MLPs of
    ``layers`` are switched off at the asked country's token(s) in the question. A model that
    copies "the first" or "the nearest" capital scores about ``chance``; one that finds the asked
    country in the prompt scores near 1; ``mlp_off_by_position`` splits the accuracy by where the
    asked country's fact stood (first, middle, last). Also: the two-fact test, Warsaw and Lima in
    both orders. In the language the model reads (``demos.of``)."""
    from . import corpus
    kit = demos.of(lm)
    COUNTRIES = corpus.COUNTRIES_ZH if kit.lang == "zh" else corpus.COUNTRIES
    rng = random.Random(seed)
    hits_on = hits_off = 0
    chance = 0.0
    by_position: dict[str, list[int]] = {"first": [], "middle": [], "last": []}
    for _ in range(n):
        cs = rng.sample(COUNTRIES, rng.randint(2, 3))
        asked = rng.choice(cs)
        text = "".join(kit.CAPITAL_FACT.format(country=c.name, capital=c.capital) for c in cs) + \
            kit.CAPITAL_QUESTION.format(country=asked.name)
        want = lm.answer_id(asked.capital)
        hits_on += int(lm.last_logits(text).argmax()) == want
        off = mlp_off(layers, subject_positions(lm, text, asked.name))
        hit = int(lm.last_logits(text, off).argmax()) == want
        hits_off += hit
        i = cs.index(asked)
        by_position["first" if i == 0 else "last" if i == len(cs) - 1 else "middle"].append(hit)
        chance += 1 / len(cs)
    two = {}
    off = mlp_off(layers, subject_positions(lm, kit.WARSAW_QUESTION, kit.WARSAW_SUBJECT))
    for name, where in (("warsaw_first", "after"), ("lima_first", "before")):
        text = build_prompt(kit.WARSAW_QUESTION, facts_in_front(kit.WARSAW_FACT, kit.OTHER_FACT, where))
        p = lm.next_probs(text, off)
        two[name] = {"warsaw": round(float(p[lm.answer_id(kit.WARSAW_ANSWER)]), 4),
                     "lima": round(float(p[lm.answer_id(kit.OTHER_ANSWER)]), 4)}
    return {"n": n, "accuracy_mlp_on": round(hits_on / n, 4), "accuracy_mlp_off": round(hits_off / n, 4),
            "chance": round(chance / n, 4),
            "mlp_off_by_position": {k: round(sum(v) / len(v), 4) if v else None for k, v in by_position.items()},
            "two_facts_mlp_off": two}
