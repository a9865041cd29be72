"""The layer-by-layer (logit lens) page's numbers: plain dicts and numpy arrays, no Streamlit.

    lm = explainer.load()
    d = lens_data(lm, WARSAW_PROMPT, mlp_off=(), words=("Warsaw", "Poland"))
    d["top_prob"][-1, -1]          # the model's own top probability at the last position
    fact_cases(lm, WARSAW_PROMPT, WARSAW_FACT, "Warsaw", mlp_off=(0, 1))
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from . import analysis
from .lm import LM, InputError

TOP_K = 5


def parse_words(text: str, limit: int = 6) -> list[str]:
    """Words to follow across layers from a comma-separated text: ``"Warsaw, Poland"`` →
    ``["Warsaw", "Poland"]`` (blank entries and duplicates dropped, at most ``limit``)."""
    words = [w.strip() for w in re.split(r"[,，;\n]", text or "")]
    return list(dict.fromkeys(w for w in words if w))[:limit]


def build_prompt(prompt: str, fact: str | None = None) -> str:
    """The prompt, with ``fact`` (e.g. WARSAW_FACT) put in front when given."""
    if fact and fact.strip():
        return fact.rstrip() + " " + prompt.lstrip()
    return prompt


def word_tokens(lm: LM, words: list[str]) -> list[dict]:
    """For each word: the token the model must predict to start it (``analysis.answer_id``), its
    text, and whether the word is longer than that one token."""
    out = []
    for w in words:
        ids = lm.encode(" " + w.strip())
        if not ids:
            continue
        out.append({"word": w, "id": int(ids[0]), "token": lm.token_text(ids[0]),
                    "split": len(ids) > 1})
    return out


def subject_positions(lm: LM, prompt: str, subject: str | None) -> list[int]:
    """``[position]`` (from the end) of the subject's last occurrence, or ``[]`` for "everywhere"
    (no subject given, or not found in the prompt)."""
    if not (subject or "").strip():
        return []
    pos = analysis.subject_position(lm, prompt, subject)
    return [pos] if pos is not None else []


def lens_data(lm: LM, prompt: str, mlp_off=(), words=(), positions=()) -> dict:
    """One traced pass (optionally with MLP layers switched off) read through the logit lens.

    Returns ``tokens`` (T,), ``top_ids`` / ``top_prob`` (L+1, T, k), ``top_text`` (L+1, T, k)
    token texts, ``words`` (see ``word_tokens``), ``word_probs`` (L+1, n) for the last position,
    ``truncated`` and ``n_layer``. Raises InputError for an empty prompt."""
    with lm.ablate(mlp=sorted(int(l) for l in mlp_off), mlp_positions=positions):
        tr = lm.trace(prompt)
    ids, probs = analysis.lens_top(tr, TOP_K)
    texts = {int(i): lm.token_text(int(i)) for i in np.unique(ids)}
    top_text = np.vectorize(lambda i: texts[int(i)], otypes=[object])(ids)
    wt = word_tokens(lm, list(words))
    wp = (analysis.prob_across_layers(tr, [w["id"] for w in wt], pos=-1) if wt
          else np.zeros((lm.config.n_layer + 1, 0)))
    return {"tokens": list(tr.tokens), "top_ids": ids, "top_prob": np.nan_to_num(probs),
            "top_text": top_text, "words": wt, "word_probs": np.nan_to_num(wp),
            "truncated": tr.truncated, "n_layer": lm.config.n_layer}


# below this probability at every layer a followed word is not what the model is thinking of here
ABSENT_PROB = 0.05


def final_guesses(d: dict, k: int = 2) -> list[str]:
    """The model's own top ``k`` next tokens at the last position after the last layer, as words
    for ``parse_words`` (leading space and blanks dropped)."""
    out = []
    for tok in d["top_text"][-1, -1, :]:
        w = str(tok).strip().replace(",", "")
        if w and w not in out:
            out.append(w)
    return out[:k]


def words_absent(d: dict, threshold: float = ABSENT_PROB) -> bool:
    """True when none of the followed words reaches ``threshold`` at any layer (a flat chart)."""
    wp = d["word_probs"]
    return wp.size == 0 or float(wp.max()) < threshold


def layer_names(n_layer: int, embeddings: str = "embeddings", output: str = "output") -> list[str]:
    """Row labels: ``0 · embeddings``, ``1`` … ``L · output``."""
    names = [str(l) for l in range(n_layer + 1)]
    names[0] = f"0 · {embeddings}"
    names[-1] = f"{n_layer} · {output}"
    return names


def window(n_tokens: int, start: int, end: int) -> tuple[int, int]:
    """A valid position range ``[start, end)`` inside ``n_tokens`` (at least one position)."""
    end = max(1, min(int(end), n_tokens))
    start = max(0, min(int(start), end - 1))
    return start, end


def lens_frame(d: dict) -> pd.DataFrame:
    """Long table of the heatmap: one row per (layer, position) with the top-k guesses."""
    L1, T, k = d["top_prob"].shape
    rows = []
    for l in range(L1):
        for p in range(T):
            row = {"layer": l, "position": p, "token": d["tokens"][p]}
            for j in range(k):
                row[f"guess_{j + 1}"] = d["top_text"][l, p, j]
                row[f"prob_{j + 1}"] = float(d["top_prob"][l, p, j])
            rows.append(row)
    return pd.DataFrame(rows)


def words_frame(d: dict) -> pd.DataFrame:
    cols = {"layer": list(range(d["word_probs"].shape[0]))}
    for j, w in enumerate(d["words"]):
        cols[f"{w['word']} ({w['token']!r})"] = d["word_probs"][:, j]
    return pd.DataFrame(cols)


def fact_layers(lm: LM, prompt: str, answer: str, subject: str | None = None) -> list[int]:
    """The MLP layers that carry the fact (``analysis.mlp_layers_for_fact``), switched off only at
    the subject's token when ``subject`` is given."""
    return list(analysis.mlp_layers_for_fact(lm, prompt, answer, subject=subject or None)["layers"])


CASES = ("normal", "mlp_off", "fact", "both")


def next_dist(lm: LM, text: str, mlp_off=(), positions=()) -> np.ndarray:
    """The next-token distribution after ``text`` with the MLPs of ``mlp_off`` switched off (at
    ``positions`` from the end, or everywhere when empty)."""
    from .sampling import softmax
    with lm.ablate(mlp=sorted(int(l) for l in mlp_off), mlp_positions=positions):
        return softmax(lm.last_logits(text))


def fact_cases(lm: LM, prompt: str, fact: str, answer: str, mlp_off=(), subject: str | None = None) -> dict:
    """P(answer) as the next token in four cases: the prompt as is, with the MLPs of ``mlp_off``
    switched off (only at the subject's token when ``subject`` is given), with ``fact``
    prepended, and both. Returns ``{case: probability}``, the model's own top guess in each case
    (``{case: (token, probability)}``), the answer's token, the layers and the positions used."""
    if not (prompt or "").strip():
        raise InputError("The prompt is empty: type some text first.")
    aid = analysis.answer_id(lm, answer)
    with_fact = build_prompt(prompt, fact)
    off = sorted(int(l) for l in mlp_off)
    positions = subject_positions(lm, prompt, subject)      # from the end: same token in both
    dists = {"normal": next_dist(lm, prompt), "mlp_off": next_dist(lm, prompt, off, positions),
             "fact": next_dist(lm, with_fact), "both": next_dist(lm, with_fact, off, positions)}
    probs = {c: float(p[aid]) for c, p in dists.items()}
    top = {c: (lm.token_text(int(p.argmax())), float(p.max())) for c, p in dists.items()}
    return {"probs": probs, "top": top, "token": lm.token_text(aid), "layers": off,
            "positions": positions}


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


def order_test(lm: LM, prompt: str, fact: str, other: str, answer: str, mlp_off=(),
               subject: str | None = None) -> dict:
    """Reading or copying? With the MLPs of ``mlp_off`` off (at the subject's token when given) and
    both facts in front, in both orders: the model's top guess and P(answer) for ``"after"``
    (``other`` after ``fact``, so nearer the question) and ``"before"``. ``verdict``:

    - ``"reads"``: P(answer) > 0.5 both ways — the model finds the asked country's fact;
    - ``"nearest"`` / ``"first"``: P(answer) is at least 0.25 higher when its fact stands nearer
      the question / comes first — a capital is copied by where it stands;
    - ``"neither"``: P(answer) < 0.5 both ways, with no such difference;
    - ``"unclear"``: anything else."""
    if not (prompt or "").strip():
        raise InputError("The prompt is empty: type some text first.")
    aid = analysis.answer_id(lm, answer)
    positions = subject_positions(lm, prompt, subject)
    out = {}
    for where in ("after", "before"):
        p = next_dist(lm, build_prompt(prompt, facts_in_front(fact, other, where)), mlp_off, positions)
        top = int(p.argmax())
        out[where] = {"top": lm.token_text(top), "p_top": float(p[top]), "p": float(p[aid])}
    pa, pb = out["after"]["p"], out["before"]["p"]
    out["verdict"] = ("reads" if min(pa, pb) > 0.5 else "nearest" if pb - pa > 0.25 else
                      "first" if pa - pb > 0.25 else "neither" if max(pa, pb) < 0.5 else "unclear")
    out["token"] = lm.token_text(aid)
    return out


def cases_verdict(probs: dict) -> str:
    """What the four cases show: ``"no_answer"`` (the model does not predict the word here in the
    first place: P < 0.05), ``"lost_recovered"`` (switching the MLPs off at least halves P and
    the fact in the prompt at least doubles it back), ``"lost_not_recovered"`` or ``"not_lost"``."""
    if probs["normal"] < 0.05 and probs["fact"] < 0.05:
        return "no_answer"
    if probs["mlp_off"] > 0.5 * probs["normal"]:
        return "not_lost"
    return "lost_recovered" if probs["both"] > max(2 * probs["mlp_off"], 0.5 * probs["fact"]) else "lost_not_recovered"
