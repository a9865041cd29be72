"""The sampling page's numbers: the next-token distribution under temperature / top-k / top-p,
step-by-step sampling, the repetition experiment and a temperature histogram. No Streamlit here.

    logits = lm.last_logits("I like my coffee with cream and")
    view = distribution_view(lm, logits, temperature=0.8, top_k=10, top_p=0.9)
    view["frame"]          # the top 20 tokens: probability after temperature, kept?, final probability
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from .. import sampling
from ..lm import LM

N_BARS = 20
MAX_TEMPERATURE = sampling.MAX_TEMPERATURE


def settings(temperature, top_k, top_p) -> tuple[float, int | None, float | None]:
    """Widget or link values → sampling arguments, checked once (``sampling.check_settings``): top-k
    0 and top-p 1 mean off; anything out of range is an InputError naming the setting."""
    return sampling.check_settings(temperature, top_k, top_p)


def _distribution(logits: np.ndarray, T: float, k: int | None, p: float | None) -> tuple[np.ndarray, np.ndarray]:
    p_T = sampling.softmax(logits, T)
    return p_T, sampling.filter_probs(p_T, k, p)


def distribution(logits: np.ndarray, temperature=1.0, top_k=None, top_p=None) -> tuple[np.ndarray, np.ndarray]:
    """``(after temperature, after the cut-offs and renormalised)`` over the whole vocabulary;
    both finite and summing to 1."""
    return _distribution(logits, *settings(temperature, top_k, top_p))


# at T = 1 a top token this likely leaves sampling little to show
PEAKED = 0.9


def peaked(logits: np.ndarray, threshold: float = PEAKED) -> tuple[int, float] | None:
    """``(token id, probability)`` of the top next token when the model is this sure of it at
    T = 1, else None."""
    p = sampling.softmax(np.asarray(logits, dtype=np.float64))
    i = int(p.argmax())
    return (i, float(p[i])) if p[i] >= threshold else None


def distribution_view(lm: LM, logits: np.ndarray, temperature=1.0, top_k=None, top_p=None,
                      n: int = N_BARS, chosen: int | None = None) -> dict:
    """The top ``n`` tokens by score (a fixed order while T moves), plus ``chosen`` if it is not
    among them. ``frame`` columns: rank, id, token, logit, prob (after temperature), kept,
    final (after cut-offs), chosen. ``cut``: how many of the shown bars survive the cut-offs
    (bars are sorted, so the survivors come first); ``n_kept``: survivors in the whole vocabulary."""
    logits = np.asarray(logits, dtype=np.float64)
    checked = settings(temperature, top_k, top_p)
    p_T, final = _distribution(logits, *checked)
    order = [int(i) for i in np.argsort(-logits, kind="stable")[:n]]
    if chosen is not None and int(chosen) not in order:
        order.append(int(chosen))
    frame = pd.DataFrame({
        "rank": range(1, len(order) + 1),
        "id": order,
        "token": [lm.token_text(i) for i in order],
        "logit": logits[order],
        "prob": p_T[order],
        "kept": final[order] > 0,
        "final": final[order],
        "chosen": [chosen is not None and i == int(chosen) for i in order],
    })
    kept = frame["kept"].to_numpy()
    cut = int(np.argmin(kept)) if not kept.all() else len(kept)
    return {"frame": frame, "cut": cut, "n_kept": int((final > 0).sum()), "settings": checked}


def sample_next(logits: np.ndarray, rng: np.random.Generator, temperature=1.0, top_k=None,
                top_p=None) -> tuple[int, np.ndarray]:
    """One sampled token id and the distribution it was drawn from. T = 0 is greedy (no random
    number is used, as in ``LM.generate_ids``)."""
    T, k, p = settings(temperature, top_k, top_p)
    _, final = _distribution(logits, T, k, p)
    nxt = sampling.sample(final, rng) if T > 0 else int(np.argmax(final))
    return nxt, final


def continue_ids(lm: LM, ids: list[int], n: int, rng: np.random.Generator, temperature=1.0,
                 top_k=None, top_p=None) -> list[int]:
    """``n`` more tokens after ``ids`` with the KV cache (``LM.generate_ids``), seeded from ``rng``
    so a session with a fixed seed is reproducible."""
    seed = int(rng.integers(2**32))
    return lm.generate_ids(list(ids), max_new_tokens=n, temperature=temperature, top_k=top_k, top_p=top_p,
                           seed=seed)


def repetition_run(lm: LM, prompt: str, n_tokens: int = 120, temperature: float = 0.8,
                   seed: int = 0, n: int = 4) -> dict:
    """Demo 9: greedy vs sampled continuations of the same prompt. For each run: ``ids``,
    ``tokens`` (texts), ``mask`` (part of a repeated ``n``-gram) and ``share``
    (``sampling.repeated_ngram_share``)."""
    out = {}
    for name, T in (("greedy", 0.0), ("sampled", float(temperature))):
        ids = lm.generate_ids(prompt, max_new_tokens=n_tokens, temperature=T, seed=seed, stop_at_eot=False)
        out[name] = {"temperature": T, "ids": ids, "tokens": lm.pieces(ids, before=prompt),
                     "mask": sampling.repeated_ngram_mask(ids, n),
                     "share": sampling.repeated_ngram_share(ids, n)}
    return out


def highlight_html(tokens: list[str], mask: list[bool], colour: str = "#E69F00") -> str:
    """Generated text as HTML with the tokens of repeated n-grams on a coloured background."""
    parts = []
    for tok, rep in zip(tokens, mask):
        s = html.escape(tok).replace("\n", "↵<br>")
        parts.append(f"<span style='background:{colour}55;border-bottom:2px solid {colour}'>{s}</span>"
                     if rep else s)
    return ("<div style='font-family:monospace;white-space:pre-wrap;line-height:1.6;"
            "border:1px solid #ddd;border-radius:6px;padding:8px;max-height:360px;overflow-y:auto'>"
            + "".join(parts) + "</div>")


TEMPERATURES = (0.3, 1.0, 1.5)


def temperature_samples(lm: LM, logits: np.ndarray, temps=TEMPERATURES, n: int = 100, seed: int = 0,
                        top: int = 12, other: str = "other") -> pd.DataFrame:
    """Draw ``n`` next tokens at each temperature (seeded) and count them. Tokens are ordered by
    score; beyond the ``top`` most frequent the rest are pooled as ``other`` (id -1).
    Columns: id, token, one count column per temperature (``"T=0.3"``)."""
    logits = np.asarray(logits, dtype=np.float64)
    counts = {}
    for T in temps:
        rng = np.random.default_rng(seed)
        p = sampling.softmax(logits, T)
        draws = [sampling.sample(p, rng) for _ in range(n)] if T > 0 else [int(np.argmax(p))] * n
        counts[T] = np.bincount(draws, minlength=len(logits))
    total = sum(counts.values())
    seen = [int(i) for i in np.nonzero(total)[0]]
    seen.sort(key=lambda i: -total[i])
    shown = sorted(seen[:top], key=lambda i: -logits[i])
    rest = seen[top:]
    rows = [{"id": i, "token": lm.token_text(i), **{f"T={T:g}": int(counts[T][i]) for T in temps}}
            for i in shown]
    if rest:
        rows.append({"id": -1, "token": other,
                     **{f"T={T:g}": int(counts[T][rest].sum()) for T in temps}})
    return pd.DataFrame(rows)


# ---- the lesson's question on this page (views/lesson.py: KINDS) -----------------------------------

def question_repetition(lm: LM, q: dict, opts: list[str], **held) -> dict:
    """Share of repeated 4-grams in 120 tokens, greedy vs temperature 0.8; the answer repeats more."""
    rep = repetition_run(lm, q["prompt"], n_tokens=120, temperature=0.8, seed=0)
    scores = {o: float(rep[o]["share"]) for o in opts}
    return {"scores": scores, "answer": max(scores, key=scores.get), "unit": "share",
            "facts": {o: f"{100 * v:.0f} %" for o, v in scores.items()}}
