"""Computation for the Tokenization page: token chips, tokenizer comparison, BPE merge history.

Everything here is pure (no Streamlit) and returns plain data (lists of dicts, DataFrames, HTML
strings with every piece of user text escaped).

    >>> rows = compare_tokenizers(lm.tokenizer, "Hello world")   # ours + GPT-2/GPT-4/GPT-4o
    >>> rows[0]["n_tokens"]
"""

from __future__ import annotations

import functools
import html
from pathlib import Path

import pandas as pd
import tiktoken

from .. import demos
from ..checkpoint import CheckpointError
from ..tokenizer import (REFERENCE_ENCODINGS, Merge, load_merges, make_encoding, merge_tree,
                        merges_building, reference_encoding, token_display, tokenize_for_display)

# preset key -> text (labels live in the message catalogue as "tokens.preset.<key>")
PRESETS: dict[str, str] = {
    "english": "The cat sat on the mat. Tokenization turns text into numbers!",
    "chinese": "大型语言模型是如何工作的？",
    "emoji": "I love 🍕 and 👨‍👩‍👧‍👦 families! 🇫🇷🇯🇵 👍🏽",
    "code": "def add(a, b):\n    return a + b\n\nprint(add(2, 3))",
    "long_word": "antidisestablishmentarianism",
}
# the same kinds of text for a model that reads Chinese: its emoji and its long word in Chinese
PRESETS_ZH: dict[str, str] = {**PRESETS, "emoji": "我爱🍕，也爱👨‍👩‍👧‍👦一家人！🇨🇳🇯🇵 👍🏽",
                              "long_word": "中华人民共和国全国人民代表大会常务委员会"}


def presets_for(lm) -> dict[str, str]:
    """The preset texts for the language the model reads (``demos.of``; English and Chinese stay in both)."""
    return PRESETS_ZH if demos.of(lm).lang == "zh" else PRESETS

# characters the page tokenizes: four tokenizers and the merge replay on a pasted book would take
# seconds of server time per rerun; longer text is cut, with a notice
MAX_TEXT = 20_000

# our tokenizer first, then the reference ones in this order
OURS = "ours"
REFERENCES = list(REFERENCE_ENCODINGS)   # gpt2, cl100k_base, o200k_base

# colour-blind-friendly pastel backgrounds for neighbouring chips (cycled)
CHIP_COLOURS = ["#cfe3f5", "#fde6bf", "#c9ecdf", "#f3d4e6", "#d9eefb", "#f7d3c0"]
FRAGMENT_COLOUR = "#e6e6e6"


def drops_spaces(text: str) -> bool:
    """Whether a model that reads words (Chinese) loses some of ``text``'s spaces: it reads each line as
    its words joined by one space (``tokenizer.Segmenter.segment``), so an indent, a tab, a run of
    spaces or a space at a line's end is not kept.

    >>> drops_spaces("def f():\\n    return 1"), drops_spaces("我爱 Python")
    (True, False)
    """
    return any(line != " ".join(line.split()) for line in (text or "").split("\n"))


# ---- one tokenizer ------------------------------------------------------------------------

def is_fragment(b: bytes) -> bool:
    """True when a token's bytes are not complete UTF-8 (part of a multi-byte character).

    >>> is_fragment("大".encode()[:2]), is_fragment(b" cat")
    (True, False)
    """
    try:
        bytes(b).decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True


def token_rows(enc: tiktoken.Encoding, text: str, show_whitespace: bool = False) -> list[dict]:
    """One dict per token: ``id``, ``text`` (safe display), ``hex``, ``fragment``, ``n_bytes``.

    The literal ``<|endoftext|>`` typed by a user is ordinary text here (as in ``lm.encode``)."""
    out = []
    for r in tokenize_for_display(enc, text or "", show_whitespace=show_whitespace, allow_special=False):
        b = r["bytes"]
        out.append({"id": int(r["id"]), "text": r["text"], "hex": b.hex(" ").upper(),
                    "fragment": is_fragment(b), "n_bytes": len(b)})
    return out


def fragment_share(enc: tiktoken.Encoding, text: str) -> float:
    """Share of the text's tokens that are byte pieces: parts of characters the vocabulary does not
    hold whole (Chinese, emoji, accented letters for our English-only vocabulary). 0 for no text."""
    ids = enc.encode(text or "", disallowed_special=())
    if not ids:
        return 0.0
    return sum(is_fragment(enc.decode_single_token_bytes(i)) for i in ids) / len(ids)


def stats(text: str, rows: list[dict]) -> dict:
    """Characters, bytes, tokens and characters per token (None for an empty text)."""
    n_chars = len(text or "")
    n_tok = len(rows)
    return {"chars": n_chars, "bytes": len((text or "").encode("utf-8")), "tokens": n_tok,
            "chars_per_token": (n_chars / n_tok) if n_tok else None}


def chips_html(rows: list[dict], id_label: str = "id", bytes_label: str = "bytes") -> str:
    """Tokens as coloured inline chips; hovering shows the id and bytes (``title``).

    All token text is HTML-escaped; byte fragments (part of a character) are shown as hex in a grey
    chip, never as a broken character."""
    parts = ['<div style="line-height:2.3;font-family:ui-monospace,Menlo,Consolas,monospace;'
             'font-size:15px">']
    for i, r in enumerate(rows):
        bg = FRAGMENT_COLOUR if r["fragment"] else CHIP_COLOURS[i % len(CHIP_COLOURS)]
        label = r["text"] if r["text"] != "" else "∅"
        if not label.strip():   # a whitespace-only token would be an empty-looking chip
            label = label.replace(" ", "·").replace("\t", "⇥").replace("\n", "↵")
        # keep spaces and newlines visible as chip content, but let the line wrap between chips
        label = html.escape(label).replace("\n", "↵<br>")
        title = html.escape(f"{id_label} {r['id']} · {bytes_label}: {r['hex']}", quote=True)
        style = (f"background:{bg};border:1px solid #9aa4b1;border-radius:5px;padding:2px 4px;"
                 "margin:0 2px 0 0;white-space:pre;color:#111")
        parts.append(f'<span title="{title}" style="{style}">{label}</span>')
    parts.append("</div>")
    return "".join(parts)


def ids_text(rows: list[dict]) -> str:
    return ", ".join(str(r["id"]) for r in rows)


# ---- several tokenizers ------------------------------------------------------------------

def compare_tokenizers(our_enc: tiktoken.Encoding, text: str, show_whitespace: bool = False,
                       our_label: str = "This model", our_text: str | None = None) -> list[dict]:
    """Our tokenizer and GPT-2 / GPT-4 / GPT-4o on the same text.

    ``our_text``: what our model reads for ``text`` when that differs (a model that reads Chinese
    split into words: ``lm.reads(text)``); characters per token always count ``text``'s characters.
    Each row: ``name``, ``label``, ``available``, ``message`` (why not available), ``vocab``,
    ``rows`` (token_rows), ``tokens``, ``chars_per_token``."""
    out = []
    encs = [(OURS, our_label, our_enc, "")]
    for name in REFERENCES:
        enc, msg = reference_encoding(name)
        encs.append((name, REFERENCE_ENCODINGS[name], enc, msg))
    for name, label, enc, msg in encs:
        if enc is None:
            out.append({"name": name, "label": label, "available": False, "message": msg,
                        "vocab": None, "rows": [], "tokens": None, "chars_per_token": None})
            continue
        rows = token_rows(enc, our_text if name == OURS and our_text is not None else text, show_whitespace)
        st_ = stats(text, rows)
        out.append({"name": name, "label": label, "available": True, "message": "",
                    "vocab": enc.n_vocab, "rows": rows, "tokens": st_["tokens"],
                    "chars_per_token": st_["chars_per_token"]})
    return out


def comparison_frame(rows: list[dict]) -> pd.DataFrame:
    """The available tokenizers as a table: tokenizer, vocabulary size, tokens, chars/token."""
    return pd.DataFrame([{"tokenizer": r["label"], "vocab_size": r["vocab"], "tokens": r["tokens"],
                          "chars_per_token": None if r["chars_per_token"] is None
                          else round(r["chars_per_token"], 3)}
                         for r in rows if r["available"]])


# ---- BPE merges ---------------------------------------------------------------------------

def merges_for(folder) -> list[Merge]:
    """The learned merges of a checkpoint folder ([] when the file is missing), or of a GPT-2 folder
    (its merges.txt: the order only; GPT-2 did not publish how often each pair was merged, so those
    counts are 0 and the tables leave them blank)."""
    if folder is None:
        return []
    from .. import gpt2
    if gpt2.is_gpt2_folder(folder):
        try:
            return gpt2.read_tokenizer(folder)[1]
        except CheckpointError as e:
            raise TokenizerFileError(str(e)) from None
    p = Path(folder) / "merges.json"
    return load_merges(p) if p.exists() else []


def _piece(enc: tiktoken.Encoding, token_id: int, show_whitespace: bool = True) -> str:
    try:
        b = enc.decode_single_token_bytes(int(token_id))
    except KeyError:
        b = bytes([token_id]) if 0 <= token_id < 256 else b""
    return token_display(b, show_whitespace=show_whitespace)


def piece(enc: tiktoken.Encoding, token_id: int) -> str:
    """One token's text with spaces and newlines visible (``" went"`` → ``"·went"``)."""
    return _piece(enc, token_id)


def merge_table(enc: tiktoken.Encoding, merges: list[Merge], n: int | None = None, start: int = 0) -> pd.DataFrame:
    """Merges ``start`` … ``n`` − 1 (all from ``start`` when ``n`` is None): step (1-based), left, right,
    new token, new id, times merged."""
    start = max(0, int(start))
    sel = merges[start:] if n is None else merges[start:max(start, int(n))]
    return pd.DataFrame([{"step": start + i + 1, "left": _piece(enc, m.left), "right": _piece(enc, m.right),
                          "new_token": _piece(enc, m.new), "new_id": m.new, "count": m.count or None}
                         for i, m in enumerate(sel)],
                        columns=["step", "left", "right", "new_token", "new_id", "count"])


def merge_window(step: int, total: int, before: int = 5, size: int = 10) -> tuple[int, int]:
    """The rows ``[start, end)`` of the merge table to show so that merge ``step`` (1-based) is in
    view without scrolling: a few merges before it and the rest after.

    >>> merge_window(1, 100), merge_window(50, 100), merge_window(100, 100)
    ((0, 10), (44, 54), (90, 100))
    """
    start = max(0, min(int(step) - 1 - before, total - size))
    return start, min(total, start + size)


def ranks_of(enc: tiktoken.Encoding) -> dict[bytes, int]:
    """The mergeable ranks (bytes → id) of an encoding, special tokens left out."""
    ranks = getattr(enc, "_mergeable_ranks", None)
    if ranks:
        return dict(ranks)
    specials = getattr(enc, "_special_token_values", set())
    out = {}
    for i in range(enc.n_vocab):
        if i in specials:
            continue
        try:
            out[enc.decode_single_token_bytes(i)] = i
        except KeyError:
            continue
    return out


@functools.lru_cache(maxsize=64)
def _encoding_upto(ranks_key: tuple, k: int) -> tiktoken.Encoding:
    ranks = dict(ranks_key[: 256 + k])
    return make_encoding(ranks, name=f"upto{k}")


def tokens_after_merges(enc: tiktoken.Encoding, text: str, k: int,
                        show_whitespace: bool = False) -> list[dict]:
    """Tokenize ``text`` as if training had stopped after the first ``k`` merges.

    Because each token's rank is its merge's position (see ``explainer.tokenizer``), keeping the
    ranks below ``256 + k`` gives exactly the tokenizer after ``k`` merges."""
    ranks = ranks_of(enc)
    items = tuple(sorted(ranks.items(), key=lambda kv: kv[1]))
    k = max(0, min(int(k), len(items) - 256))
    return token_rows(_encoding_upto(items, k), text, show_whitespace)


def tree_for(enc: tiktoken.Encoding, merges: list[Merge], token_id: int) -> dict:
    """How ``token_id`` was built from bytes (``explainer.tokenizer.merge_tree``), each node with
    its merge ``step`` (1-based, None for single bytes)."""
    tree = merge_tree(enc, merges, int(token_id))
    step = {m.new: i + 1 for i, m in enumerate(merges)}

    def add(node):
        node["step"] = step.get(node["id"])
        node["text"] = token_display(node["bytes"], show_whitespace=True)
        for c in node["children"]:
            add(c)
    add(tree)
    return tree


def building_table(enc: tiktoken.Encoding, merges: list[Merge], token_id: int) -> pd.DataFrame:
    """The merges that build ``token_id``, in training order."""
    step = {m.new: i + 1 for i, m in enumerate(merges)}
    return pd.DataFrame([{"step": step[m.new], "left": _piece(enc, m.left), "right": _piece(enc, m.right),
                          "new_token": _piece(enc, m.new), "count": m.count or None}
                         for m in merges_building(merges, int(token_id))],
                        columns=["step", "left", "right", "new_token", "count"])


# ---- the lesson's question on this page (views/lesson.py: KINDS) -----------------------------------

def question_tokens(lm, q: dict, opts: list[str], **held) -> dict:
    """How many tokens each tokenizer makes of ``text``; the answer is the one with the fewest."""
    rows = {r["name"]: r for r in compare_tokenizers(lm.tokenizer, q["text"], our_text=lm.reads(q["text"]))}
    scores = {o: float(rows[o]["tokens"]) for o in opts if rows.get(o, {}).get("available")}
    return {"scores": scores, "answer": min(scores, key=scores.get), "unit": "tokens",
            "facts": {f"n_{o}": int(v) for o, v in scores.items()}}
