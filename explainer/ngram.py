"""Counting models: letter (character) and word n-grams, the way language models were built before
neural networks — count how often each sequence of n symbols occurs, then predict the next symbol
from the counts of the n − 1 before it.

    m = NGram.from_chars(text, n_max=6)
    m.bits_per_symbol(3, held_out_ids)      # how surprised the 3-gram model is, in bits
    m.next_probs(3, context_ids)            # the next symbol's distribution after a context
    m.generate(3, prompt_ids, 200, seed=0)  # text, one symbol at a time

Smoothing, stated once: **add-k** — every count is increased by ``k`` (default 0.01), so a symbol never
seen after a context still gets a small probability: P(x | ctx) = (c(ctx x) + k) / (c(ctx) + k·V).
A context never seen at all gives the uniform 1/V: that is how counting "runs out of data".
Generation backs off instead: after a context never seen it uses the longest shorter one that was.

Counts are kept as sorted integer keys (an n-gram over a vocabulary of V symbols is one base-V
number) with numpy, so 20 MB of text is counted in seconds. No Streamlit here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

ADD_K = 0.01
WORD_RE = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[0-9]+|[^\sA-Za-z0-9]")
UNK = "<unk>"


def words_of(text: str) -> list[str]:
    """Words and punctuation marks, in order (spaces are not symbols of the word models)."""
    return WORD_RE.findall(text)


@dataclass
class NGram:
    """Counts of every n-gram (n = 1 … n_max) of one integer sequence over ``vocab``."""

    vocab: list[str]
    n_max: int
    keys: list[np.ndarray] = field(default_factory=list)     # keys[n]: sorted distinct n-gram keys
    counts: list[np.ndarray] = field(default_factory=list)   # counts[n]: how often each occurred
    total: int = 0
    kind: str = "char"                                        # "char" or "word"

    # ---- building ----------------------------------------------------------------------------
    @classmethod
    def from_ids(cls, ids: np.ndarray, vocab: list[str], n_max: int, kind: str) -> "NGram":
        V = len(vocab)
        if n_max < 1 or V ** n_max >= 2 ** 62:
            raise ValueError(f"n_max must be 1 … {int(62 / math.log2(max(V, 2)))} for {V} symbols (got {n_max})")
        m = cls(vocab=list(vocab), n_max=n_max, keys=[np.zeros(0, np.int64)], counts=[np.zeros(0, np.int64)],
                total=len(ids), kind=kind)
        ids = np.asarray(ids, dtype=np.int64)
        for n in range(1, n_max + 1):
            k, c = np.unique(m._keys_of(ids, n), return_counts=True)
            m.keys.append(k)
            m.counts.append(c.astype(np.int64))
        return m

    @classmethod
    def from_chars(cls, text: str, n_max: int = 6) -> "NGram":
        vocab = [UNK] + sorted(set(text))
        index = {ch: i for i, ch in enumerate(vocab)}
        return cls.from_ids(np.fromiter((index[ch] for ch in text), np.int64, len(text)), vocab, n_max, "char")

    @classmethod
    def from_words(cls, text, n_max: int = 3, min_count: int = 2) -> "NGram":
        """Words seen fewer than ``min_count`` times become <unk> (so the model has seen <unk> too).
        ``text``: a text (split by ``words_of``) or the list of its words (e.g. a segmented Chinese text's)."""
        ws = words_of(text) if isinstance(text, str) else list(text)
        uniq, cnt = np.unique(np.array(ws, dtype=object), return_counts=True)
        vocab = [UNK] + sorted(str(w) for w, c in zip(uniq, cnt) if c >= min_count)
        return cls.from_ids(cls(vocab=vocab, n_max=0, kind="word").encode(ws), vocab, n_max, "word")

    # ---- symbols -----------------------------------------------------------------------------
    @property
    def V(self) -> int:
        return len(self.vocab)

    def encode(self, symbols) -> np.ndarray:
        """Characters (a str) or words (a list) → ids; unknown ones → <unk> (0)."""
        index = getattr(self, "_index", None)
        if index is None:
            index = self._index = {s: i for i, s in enumerate(self.vocab)}
        return np.fromiter((index.get(s, 0) for s in symbols), np.int64)

    def symbols(self, text: str):
        return text if self.kind == "char" else words_of(text)

    def decode(self, ids) -> str:
        parts = [self.vocab[int(i)] for i in ids]
        if self.kind == "char":
            return "".join("?" if p == UNK else p for p in parts)
        out = ""
        for p in parts:                       # words joined by spaces, no space before punctuation
            out += (p if (not out or (len(p) == 1 and not p.isalnum()) or out.endswith("\n")) else " " + p)
        return out

    def _keys_of(self, ids: np.ndarray, n: int) -> np.ndarray:
        """Key of every window of n ids (len(ids) − n + 1 of them)."""
        if len(ids) < n:
            return np.zeros(0, np.int64)
        key = np.zeros(len(ids) - n + 1, np.int64)
        for j in range(n):
            key = key * self.V + ids[j:len(ids) - n + 1 + j]
        return key

    def _count(self, n: int, keys: np.ndarray) -> np.ndarray:
        if n == 0:
            return np.full(len(keys), self.total, np.int64)
        k = self.keys[n]
        pos = np.searchsorted(k, keys)
        pos_c = np.minimum(pos, len(k) - 1)
        return np.where((pos < len(k)) & (k[pos_c] == keys), self.counts[n][pos_c], 0)

    # ---- what the chapter shows -------------------------------------------------------------
    def table_size(self, n: int) -> int:
        """Distinct n-grams seen: the rows a counting table of order n needs."""
        return int(len(self.keys[n]))

    def probs_of(self, n: int, ids: np.ndarray, start: int | None = None, k: float = ADD_K) -> np.ndarray:
        """P(ids[i] | the n − 1 ids before it) for every i ≥ ``start`` (default n − 1), add-k smoothed."""
        ids = np.asarray(ids, dtype=np.int64)
        start = n - 1 if start is None else start
        grams = self._keys_of(ids, n)[start - (n - 1):]
        ctx = grams // self.V if n > 1 else np.zeros(len(grams), np.int64)
        return self.smoothed(self._count(n, grams), self._count(n - 1, ctx), k)

    def smoothed(self, counts, total=None, k: float = ADD_K) -> np.ndarray:
        """Add-k smoothing, the one place it is written: ``(count + k) / (total + k·V)``, so a symbol
        never seen after a context still gets a small probability. ``total``: the context's count
        (default: the sum of ``counts``, for a whole next-symbol row).

        >>> NGram.from_chars("abab", 2).smoothed(np.array([2, 0, 0]), k=1.0).round(2)
        array([0.6, 0.2, 0.2])
        """
        counts = np.asarray(counts, dtype=np.float64)
        total = counts.sum() if total is None else total
        return (counts + k) / (total + k * self.V)

    def bits_per_symbol(self, n: int, ids: np.ndarray, start: int | None = None, k: float = ADD_K) -> float:
        return float(-np.log2(self.probs_of(n, ids, start, k)).mean())

    def unseen_share(self, n: int, ids: np.ndarray) -> float:
        """Share of the n-grams of ``ids`` that never occurred in the counted text."""
        grams = self._keys_of(np.asarray(ids, np.int64), n)
        return float((self._count(n, grams) == 0).mean()) if len(grams) else 0.0

    def next_counts(self, n: int, context: np.ndarray) -> np.ndarray:
        """(V,) how often each symbol followed the last n − 1 ids of ``context``."""
        if n == 1:
            out = np.zeros(self.V, np.int64)
            out[self.keys[1]] = self.counts[1]
            return out
        ctx = 0
        for i in np.asarray(context, np.int64)[-(n - 1):]:
            ctx = ctx * self.V + int(i)
        lo, hi = np.searchsorted(self.keys[n], [ctx * self.V, (ctx + 1) * self.V])
        out = np.zeros(self.V, np.int64)
        out[self.keys[n][lo:hi] - ctx * self.V] = self.counts[n][lo:hi]
        return out

    def next_probs(self, n: int, context: np.ndarray, k: float = ADD_K) -> np.ndarray:
        c = self.next_counts(n, context) if len(context) >= n - 1 else np.zeros(self.V)
        return self.smoothed(c, k=k)

    def backoff_counts(self, n: int, context: np.ndarray) -> tuple[np.ndarray, int]:
        """The counts after the longest context (≤ n − 1 symbols) seen in the counted text, and its n."""
        for m in range(min(n, len(context) + 1), 0, -1):
            c = self.next_counts(m, context)
            if c.sum():
                return c, m
        return self.next_counts(1, context), 1

    def backoff_probs(self, n: int, context: np.ndarray, k: float = ADD_K) -> tuple[np.ndarray, int]:
        """(V,) the next symbol's smoothed probabilities after the longest context seen, and its n."""
        c, used = self.backoff_counts(n, context)
        return self.smoothed(c, k=k), used

    def generate(self, n: int, prompt: np.ndarray, length: int, seed: int = 0) -> np.ndarray:
        """``length`` new ids, each drawn in proportion to its count after the last n − 1 (backing off
        to shorter contexts never seen); the same seed gives the same text."""
        rng = np.random.default_rng(seed)
        seq = list(np.asarray(prompt, np.int64))
        for _ in range(length):
            c, _ = self.backoff_counts(n, np.array(seq[-(n - 1):] if n > 1 else [], np.int64))
            c = c.astype(float)
            c[0] = 0.0                                        # never write <unk>
            seq.append(int(rng.choice(self.V, p=c / c.sum())))
        return np.array(seq[len(prompt):], np.int64)
