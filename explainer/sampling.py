"""Turning scores (logits) into a choice of next token: temperature, top-k, top-p.

All functions take and return numpy arrays and never produce NaN: temperature 0 means greedy
(all probability on the top token), a huge temperature approaches uniform, top-k 1 or top-p 0
keep only the top token.
"""

from __future__ import annotations

import numpy as np

from .inputs import number, whole

MAX_TEMPERATURE = 100.0


def check_settings(temperature=1.0, top_k=None, top_p=None, vocab_size: int | None = None
                   ) -> tuple[float, int | None, float | None]:
    """The one check of sampling settings, where they enter (``LM.generate_ids``, ``LM.next_probs``,
    the sampling page's views): ``(T, top_k, top_p)`` with T in 0 … 100 (0 = greedy), top-k ``None``
    or 0 = off, else 1 … ``vocab_size``, top-p ``None`` or 1 = off, else 0 … 1. Anything else is an
    InputError naming the setting and its range.

    >>> check_settings(0.8, 0, 1.0)
    (0.8, None, None)
    """
    T = number("temperature", temperature, 0, MAX_TEMPERATURE)
    k = None if top_k is None or (not isinstance(top_k, bool) and top_k == 0) else whole(
        "top_k", top_k, 1, vocab_size)
    p = None if top_p is None else number("top_p", top_p, 0, 1)
    return T, k, (None if p == 1 else p)


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """``p_i = exp(z_i / T) / Σ_j exp(z_j / T)`` along the last axis (one row or a (T, V) table);
    T ≤ 0 gives a one-hot on the arg-max."""
    z = np.asarray(logits, dtype=np.float64)
    if z.ndim > 1:
        return np.stack([softmax(row, temperature) for row in z.reshape(-1, z.shape[-1])]).reshape(z.shape)
    if not temperature > 0:                       # T = 0: all probability on the top score
        p = np.zeros_like(z)
        p[int(np.argmax(z))] = 1.0
        return p
    z = z / float(temperature)
    z = z - np.max(z[np.isfinite(z)]) if np.isfinite(z).any() else np.zeros_like(z)
    e = np.exp(np.where(np.isfinite(z), z, -np.inf))
    s = e.sum()
    if not np.isfinite(s) or s <= 0:
        p = np.zeros_like(z)
        p[int(np.argmax(logits))] = 1.0
        return p
    return e / s


def filter_probs(probs: np.ndarray, top_k: int | None = None, top_p: float | None = None) -> np.ndarray:
    """Keep the ``top_k`` most likely tokens and/or the smallest set whose mass reaches ``top_p``;
    renormalise. The top token always survives."""
    p = np.asarray(probs, dtype=np.float64).copy()
    if (top_k is None or top_k <= 0) and (top_p is None or top_p >= 1.0) and p.sum() > 0:
        return p / p.sum()                         # nothing to cut (the common case while sampling)
    order = np.argsort(-p, kind="stable")
    keep = np.ones(len(p), dtype=bool)
    if top_k is not None and top_k > 0:
        keep[order[int(top_k):]] = False
    if top_p is not None and top_p < 1.0:
        cum = np.cumsum(p[order])
        # a token is kept if the mass before it is still below top_p
        before = cum - p[order]
        drop = before >= max(float(top_p), 0.0)
        drop[0] = False
        keep[order[drop]] = False
    p[~keep] = 0.0
    s = p.sum()
    if s <= 0:
        p = np.zeros_like(p)
        p[order[0]] = 1.0
        return p
    return p / s


def next_token_distribution(logits: np.ndarray, temperature: float = 1.0, top_k: int | None = None,
                            top_p: float | None = None) -> np.ndarray:
    return filter_probs(softmax(logits, temperature), top_k, top_p)


def sample(probs: np.ndarray, rng: np.random.Generator) -> int:
    """Draw one index from ``probs`` (inverse-CDF on one uniform number)."""
    cdf = np.cumsum(probs)
    u = rng.random() * cdf[-1]
    return int(min(np.searchsorted(cdf, u, side="right"), len(probs) - 1))


def repeated_ngram_share(ids: list[int], n: int = 4) -> float:
    """Share of the text's n-grams that already occurred earlier in it (0 = no repetition)."""
    grams = [tuple(ids[i:i + n]) for i in range(len(ids) - n + 1)]
    if not grams:
        return 0.0
    seen, rep = set(), 0
    for g in grams:
        rep += g in seen
        seen.add(g)
    return rep / len(grams)


def repeated_ngram_mask(ids: list[int], n: int = 4) -> list[bool]:
    """Per position: is it part of an n-gram that already occurred earlier (for highlighting)?"""
    mask = [False] * len(ids)
    seen = set()
    for i in range(len(ids) - n + 1):
        g = tuple(ids[i:i + n])
        if g in seen:
            for j in range(i, i + n):
                mask[j] = True
        seen.add(g)
    return mask
