"""The logit lens (the "Layer by layer" page): what the model would predict after each layer.

Plain dicts and numpy arrays, no Streamlit. The page's second half — switching off the MLPs that
hold a fact and putting the fact in the prompt — is computed in ``explainer.ablation``.

    lm = explainer.load()
    d = lens_data(lm, WARSAW_PROMPT, mlp_off=(), words=("Warsaw", "Poland"))
    d["top_prob"][-1, -1]          # the model's own top probability at the last position
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..ablation import mlp_off as mlp_intervention
from ..lm import LM

TOP_K = 5


def parse_words(text: str, limit: int = 6) -> list[str]:
    """Words to follow across layers from a comma-separated text: ``"Warsaw, Poland"`` →
    ``["Warsaw", "Poland"]`` (blank entries and duplicates dropped, at most ``limit``)."""
    words = [w.strip() for w in re.split(r"[,，;\n]", text or "")]
    return list(dict.fromkeys(w for w in words if w))[:limit]


def lens_data(lm: LM, prompt: str, mlp_off=(), words=(), positions=()) -> dict:
    """One traced pass (optionally with MLP layers switched off, at ``positions`` when given)
    read through the logit lens.

    Returns ``tokens`` (T,), ``top_ids`` / ``top_prob`` (L+1, T, k), ``top_text`` (L+1, T, k)
    token texts, ``words`` (``lm.answer_tokens``), ``word_probs`` (L+1, n) for the last position,
    ``truncated`` and ``n_layer``. Raises InputError for an empty prompt."""
    tr = lm.trace(prompt, mlp_intervention(mlp_off, positions))
    ids, probs = tr.lens_top(TOP_K)
    texts = {int(i): lm.token_text(int(i)) for i in np.unique(ids)}
    top_text = np.vectorize(lambda i: texts[int(i)], otypes=[object])(ids)
    wt = lm.answer_tokens(list(words))
    wp = (tr.lens_probs([w["id"] for w in wt], pos=-1) if wt
          else np.zeros((lm.config.n_layer + 1, 0)))
    return {"tokens": list(tr.tokens), "top_ids": ids, "top_prob": np.nan_to_num(probs),
            "top_text": top_text, "words": wt, "word_probs": np.nan_to_num(wp),
            "truncated": tr.truncated, "n_layer": lm.config.n_layer}


def default_words(lm: LM, prompt: str) -> str:
    """The words the page follows when it opens: the answer and the distractor of a demo prompt
    (Warsaw / Poland, Mary / John), else the model's own two top next words, so the first view shows
    something rising instead of flat zeros."""
    from .. import demos
    kit = demos.of(lm)
    if kit.WARSAW_QUESTION in prompt:
        return f"{kit.WARSAW_ANSWER}, {kit.WARSAW_SUBJECT}"
    if prompt.strip() == kit.IOI_PROMPT:
        return f"{kit.IOI_ANSWER}, {kit.IOI_SUBJECT}"
    if not prompt.strip():
        return f"{kit.WARSAW_ANSWER}, {kit.WARSAW_SUBJECT}"
    words = [w.strip() for w, _ in lm.next_token(prompt, k=4) if w.strip().isalpha()]
    return ", ".join(words[:2]) or f"{kit.WARSAW_ANSWER}, {kit.WARSAW_SUBJECT}"


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


# ---- the lesson's questions on this page (views/lesson.py: KINDS) ----------------------------------

def question_lens_layer(lm, q: dict, opts: list[str], **held) -> dict:
    """P(``word``) after each block; the answer is the first block where it is the top guess."""
    tr = lm.trace(q["prompt"])
    wid = lm.answer_id(q["word"])
    first = tr.first_top1_layer(wid)
    probs = tr.lens_probs([wid])[:, 0]
    scores = {o: float(probs[int(o)]) for o in opts if 0 <= int(o) < len(probs)}
    best = str(first) if first is not None and str(first) in scores else max(scores, key=scores.get)
    return {"scores": scores, "answer": best, "unit": "probability",
            "facts": {"first": first, "p_final": float(probs[-1])}}


def question_fact_ablation(lm, q: dict, opts: list[str], **held) -> dict:
    """P(``answer``) as it is and with the MLPs that hold the fact switched off at ``subject``;
    options ``"drops"`` / ``"stays"``."""
    from .. import ablation
    layers = ablation.fact_layers(lm, q["prompt"], q["answer"], q.get("subject"))["layers"]
    cases = ablation.fact_cases(lm, q["prompt"], "", q["answer"], layers, q.get("subject"))
    before, after = cases["probs"]["normal"], cases["probs"]["mlp_off"]
    verdict = "drops" if after < 0.5 * before else "stays"
    scores = {o: (before if o == "stays" else after) for o in opts}
    return {"scores": scores, "answer": verdict, "unit": "probability",
            "facts": {"before": before, "after": after, "layers": ", ".join(map(str, layers)),
                      "top_off": cases["top"]["mlp_off"][0].strip()}}


def question_fact_position(lm, q: dict, opts: list[str], **held) -> dict:
    """At which word of ``prompt`` does the model look ``answer`` up? Each option is a word of the
    prompt; its score is P(``answer``) with every MLP switched off at that word
    (``ablation.fact_position``, one position at a time; a word of several tokens takes its lowest,
    at its last occurrence), and the answer is the option where it falls lowest."""
    from .. import ablation
    where = ablation.fact_position(lm, q["prompt"], q["answer"])
    text, spans = "", []                                  # each searched token's place in the text
    for tok in where["tokens"]:
        spans.append((len(text), len(text) + len(tok)))
        text += tok
    scores = {}
    for o in opts:
        a = text.rfind(o)
        probs = [p for (s0, s1), p in zip(spans, where["probs"]) if a >= 0 and p is not None and s0 < a + len(o) and s1 > a]
        if probs:
            scores[o] = float(min(probs))
    if not scores:
        raise ValueError(f"none of the options {opts} is a word of the question")
    best = min(scores, key=scores.get)
    others = [v for o, v in scores.items() if o != best]
    return {"scores": scores, "answer": best, "unit": "probability",
            "facts": {"word": best, "before": where["base"], "after": scores[best],
                      "others": min(others) if others else where["base"]}}
