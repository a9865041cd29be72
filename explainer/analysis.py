"""Readings of a trace: logit lens summaries, where a fact lives, ablation comparisons.

Pure functions over an ``LM`` and its ``Trace``; numpy out."""

from __future__ import annotations

import numpy as np

from .lm import LM, Trace


def answer_id(lm: LM, word: str) -> int:
    """The first token of ``" " + word`` — what the model must predict to start that word."""
    return lm.encode(" " + word.strip())[0]


def lens_top(tr: Trace, k: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Top-k token ids and probabilities per layer and position: two (L+1, T, k) arrays."""
    lens = tr.lens
    ids = np.argsort(-lens, axis=-1)[..., :k]
    return ids, np.take_along_axis(lens, ids, axis=-1)


def prob_across_layers(tr: Trace, token_ids: list[int], pos: int = -1) -> np.ndarray:
    """(L+1, n) lens probability of each token at one position, layer by layer."""
    return tr.lens[:, pos][:, token_ids]


def first_top1_layer(tr: Trace, token_id: int, pos: int = -1) -> int | None:
    """First lens layer (0 = embeddings) whose top guess at ``pos`` is ``token_id``."""
    top = tr.lens[:, pos].argmax(-1)
    hits = np.nonzero(top == token_id)[0]
    return int(hits[0]) if len(hits) else None


def answer_prob(lm: LM, prompt: str, answer: str) -> float:
    from .sampling import softmax
    return float(softmax(lm.last_logits(prompt))[answer_id(lm, answer)])


def subject_position(lm: LM, prompt: str, subject: str) -> int | None:
    """Position of the last token of the subject's last occurrence, counted from the end (< 0)."""
    ids = lm.encode(prompt)
    sub = lm.encode(" " + subject.strip())
    for start in range(len(ids) - len(sub), -1, -1):
        if ids[start:start + len(sub)] == sub:
            return start + len(sub) - 1 - len(ids)
    return None


def mlp_layers_for_fact(lm: LM, prompt: str, answer: str, subject: str | None = None) -> dict:
    """Which MLP layers carry a memorised fact? Switch each layer's MLP off alone (only at the
    subject's token when ``subject`` is given) and measure the answer's probability; then keep
    adding the layer that lowers the probability most, while it still does.

    Returns ``{"base": p, "single": [p with layer l off], "layers": [...], "ablated": p,
    "positions": [...]}``."""
    L = lm.config.n_layer
    pos = subject_position(lm, prompt, subject) if subject else None
    positions = [pos] if pos is not None else []
    base = answer_prob(lm, prompt, answer)
    single = []
    for l in range(L):
        with lm.ablate(mlp=[l], mlp_positions=positions):
            single.append(answer_prob(lm, prompt, answer))
    best = min(range(L), key=lambda l: single[l])
    chosen, p = [best], single[best]
    while len(chosen) < L:                       # forward selection: add the layer that helps most
        trials = {}
        for l in set(range(L)) - set(chosen):
            with lm.ablate(mlp=chosen + [l], mlp_positions=positions):
                trials[l] = answer_prob(lm, prompt, answer)
        l, q = min(trials.items(), key=lambda kv: kv[1])
        if q >= p:
            break
        chosen.append(l)
        p = q
    return {"base": base, "single": single, "layers": sorted(chosen), "ablated": p,
            "positions": positions}


def compare_next(lm: LM, prompt: str, k: int = 10, heads=(), attn=(), mlp=()) -> dict:
    """Next-token top-k before and after an ablation, with both probabilities for every token
    that is in either top-k."""
    from .sampling import softmax
    before = softmax(lm.last_logits(prompt))
    with lm.ablate(heads=heads, attn=attn, mlp=mlp):
        after = softmax(lm.last_logits(prompt))
    ids = list(dict.fromkeys([int(i) for i in np.argsort(-before)[:k]] + [int(i) for i in np.argsort(-after)[:k]]))
    return {"ids": ids, "tokens": [lm.decode([i]) for i in ids],
            "before": before[ids], "after": after[ids]}
