"""Readings of attention: what each head looks at, what kind of head it is, what it is for.

Pure functions over an ``LM`` (and plain numpy arrays); no Streamlit here.

    att = attention_data(lm, "When Mary and John went to the store, John gave a drink to")
    att["attention"].shape                 # (L, H, T, T), rows sum to 1
    labels = head_labels(lm)               # {"scores": {...}, "label": [[...]], "score": (L, H)}

Which heads *matter* for a prediction (switching them off) is computed in ``explainer.ablation``
(``head_effects``, ``compare``, ``word_probs``).

Head labels are *measured*, never written by hand: each head gets a score per pattern (the mean
attention weight that pattern predicts) over a fixed set of probe texts, and the label of its best
pattern when that score passes a threshold. A *name mover* must also do what the name says: its own
output, read straight through the unembedding, must favour the right name over the wrong one
(``name_effects``, the head's direct effect) — a head that only looks at the name is not one.
"""

from __future__ import annotations

import numpy as np

from ..lm import LM, find_subsequence

# ---- one prompt ------------------------------------------------------------------------------


def attention_data(lm: LM, text) -> dict:
    """One forward pass reduced to plain data (picklable, no model inside):
    ``{"ids", "tokens", "attention" (L, H, T, T), "truncated"}``. Raises InputError when empty."""
    tr = lm.trace(text)
    return {"ids": list(tr.ids), "tokens": list(tr.tokens),
            "attention": np.asarray(tr.attention, dtype=np.float32), "truncated": int(tr.truncated)}


def head_name(layer: int, head: int) -> str:
    """``head_name(2, 5) == "L2H5"``."""
    return f"L{layer}H{head}"


def parse_head(name: str) -> tuple[int, int]:
    """``parse_head("L2H5") == (2, 5)``."""
    l, _, h = name.strip().upper().lstrip("L").partition("H")
    return int(l), int(h)


def query_rows(attention: np.ndarray, query: int) -> np.ndarray:
    """(L·H, query+1): where every head sends the attention of one query position, over the keys
    it may see (0 … query). Row ``l·H + h`` is head (l, h)."""
    L, H, T, _ = attention.shape
    q = int(np.clip(query, 0, T - 1))
    return attention[:, :, q, : q + 1].reshape(L * H, q + 1)


def top_links(weights: np.ndarray, min_weight: float = 0.02) -> list[tuple[int, int, float]]:
    """(query, key, weight) for every weight ≥ ``min_weight`` of a (T, T) pattern, strongest last
    (so a drawing puts the strongest lines on top)."""
    q, k = np.nonzero(weights >= min_weight)
    w = weights[q, k]
    order = np.argsort(w, kind="stable")
    return [(int(q[i]), int(k[i]), float(w[i])) for i in order]


# ---- pattern scores (pure: arrays in, (L, H) scores out, every score in [0, 1]) ---------------

PATTERNS = ("previous", "induction", "name", "self", "first")
"""Pattern names, in the order they win ties; "first" (resting on position 0) only labels a head
that shows none of the others, because many heads park spare attention there."""

SPECIFIC = ("previous", "induction", "name", "self")


def _mean_diag(att: np.ndarray, offset: int, start: int) -> np.ndarray:
    """Mean over queries i ≥ start of att[..., i, i - offset]; att is (L, H, T, T)."""
    T = att.shape[-1]
    idx = np.arange(max(start, offset), T)
    if len(idx) == 0:
        return np.zeros(att.shape[:2])
    return att[..., idx, idx - offset].mean(axis=-1)


def previous_token_score(att: np.ndarray) -> np.ndarray:
    """Mean attention from position i to i − 1 (i ≥ 2, so it is not the same as position 0)."""
    return _mean_diag(att, 1, 2)


def first_token_score(att: np.ndarray) -> np.ndarray:
    """Mean attention from position i to position 0 (i ≥ 2)."""
    T = att.shape[-1]
    if T <= 2:
        return np.zeros(att.shape[:2])
    return att[..., 2:, 0].mean(axis=-1)


def self_score(att: np.ndarray) -> np.ndarray:
    """Mean attention from position i to itself (i ≥ 1; position 0 can only see itself)."""
    return _mean_diag(att, 0, 1)


def induction_score(att: np.ndarray, n: int, offset: int = 0) -> np.ndarray:
    """On a sequence ``prefix (offset tokens) + r_0 … r_{n-1} + r_0 … r_{n-1}``: mean attention from
    each token of the second copy (at offset + n + j) to the token *after* its earlier occurrence
    (at offset + j + 1) — "last time I saw this token, what came next?"."""
    j = np.arange(n)
    q, k = offset + n + j, offset + j + 1
    keep = q < att.shape[-1]
    if not keep.any():
        return np.zeros(att.shape[:2])
    return att[..., q[keep], k[keep]].mean(axis=-1)


def name_score(att: np.ndarray, name_pos: int) -> np.ndarray:
    """Attention from the final position to the position of a name (the indirect object in IOI)."""
    return att[..., -1, int(name_pos)]


def label_heads(scores: dict[str, np.ndarray], threshold: float = 0.3) -> tuple[list[list[str]], np.ndarray]:
    """Per head: the best *specific* pattern if its score ≥ threshold, else "first" if that passes,
    else "" (no clear pattern). "name" (name mover) also needs a positive ``scores["name_effect"]``
    when the scores have one: the head must push the right name, not only look at it. Returns
    (labels [L][H], the score that earned each label (L, H))."""
    any_scores = next(iter(scores.values()))
    L, H = any_scores.shape
    labels = [["" for _ in range(H)] for _ in range(L)]
    earned = np.zeros((L, H))
    for l in range(L):
        for h in range(H):
            eligible = [p for p in SPECIFIC if p != "name" or "name_effect" not in scores
                        or scores["name_effect"][l, h] > 0]
            best = max(eligible, key=lambda p: (scores[p][l, h], -PATTERNS.index(p)))
            if scores[best][l, h] >= threshold:
                labels[l][h], earned[l, h] = best, float(scores[best][l, h])
            elif scores["first"][l, h] >= threshold:
                labels[l][h], earned[l, h] = "first", float(scores["first"][l, h])
            else:
                p = max(PATTERNS, key=lambda p: scores[p][l, h])
                earned[l, h] = float(scores[p][l, h])
    return labels, earned


# ---- probe texts -----------------------------------------------------------------------------

PROBE_TEXTS = [
    "The cat sat on the mat and looked at the dog. The dog was happy and ran to the park.",
    "Mary went to the park with her dog. She threw the ball, and the dog ran after it.",
    "The capital of France is Paris. The capital of Poland is Warsaw. Paris is a big city.",
    "I like my coffee with cream and sugar. In the morning I drink tea with milk.",
    "John wants his bank to cash the check. He went to the bank in the afternoon.",
]
IOI_TEMPLATES = [
    "When {A} and {B} went to the {place}, {S} gave {aobj} to",
    "After {A} and {B} went to the {place}, {S} gave {aobj} to",
    "When {A} and {B} arrived at the {place}, {S} handed the {obj} to",
    "While {A} and {B} were working at the {place}, {S} gave {aobj} to",
]
N_IOI, N_RANDOM, RANDOM_LEN = 8, 4, 20


def ioi_probes(lm: LM, n: int = N_IOI) -> list[tuple[list[int], int]]:
    """(ids, position of the indirect object's first token) for ``n`` IOI prompts."""
    return [(c["ids"], c["io_pos"]) for c in ioi_cases(lm, n)]


def ioi_cases(lm: LM, n: int = N_IOI) -> list[dict]:
    """``n`` IOI prompts as {ids, io_pos (its first token's position), io (the id the model should
    predict: the indirect object's first token), s (the subject's)}; those whose names the model's
    tokenizer does not find in the prompt are left out."""
    from ..corpus import make_ioi_cases
    out = []
    for prompt, io, s in make_ioi_cases(n, seed=7, templates=IOI_TEMPLATES):
        ids, _ = lm.fit_context(lm.encode(prompt))
        pos = find_subsequence(ids, lm.encode(" " + io))
        if pos >= 0:
            out.append({"ids": ids, "io_pos": pos, "io": lm.answer_id(io), "s": lm.answer_id(s)})
    return out


def name_effects(lm: LM, cases: list[dict]) -> np.ndarray:
    """(L, H): each head's *direct effect* on logit(right name) − logit(wrong name) at the last position
    of the IOI prompts, averaged: what its output alone adds to that difference when read straight
    through the final LayerNorm (its scale taken from the whole residual stream, as the model does) and
    the unembedding. Positive = the head pushes the right name. One batched forward pass."""
    import torch
    L, H, hd = lm.config.n_layer, lm.config.n_head, lm.config.d_head
    if not cases:
        return np.zeros((L, H))
    T = max(len(c["ids"]) for c in cases)
    names = tuple(f"blocks.{l}.attn.hook_z" for l in range(L)) + (f"blocks.{L - 1}.hook_resid_post",)
    rec = lm.record([c["ids"] + [0] * (T - len(c["ids"])) for c in cases], names=names)
    last = torch.tensor([len(c["ids"]) - 1 for c in cases])
    rows = torch.arange(len(cases))
    resid = rec[names[-1]][rows, last].float()                                   # (B, d)
    eps = lm.config.ln_eps
    scale = torch.sqrt(resid.var(-1, unbiased=False, keepdim=True) + eps)       # the final LayerNorm's σ
    gamma = torch.from_numpy(lm.weight("ln_f.weight"))
    direction = (torch.from_numpy(lm.weight("wte.weight", [c["io"] for c in cases]))
                 - torch.from_numpy(lm.weight("wte.weight", [c["s"] for c in cases]))) * gamma   # (B, d)
    out = np.zeros((L, H))
    for l in range(L):
        z = rec[f"blocks.{l}.attn.hook_z"][rows, last].float()                   # (B, H, hd)
        w = torch.from_numpy(lm.weight(f"blocks.{l}.attn.proj.weight"))         # (d, H·hd)
        for h in range(H):
            c = z[:, h] @ w[:, h * hd:(h + 1) * hd].T                             # (B, d) this head's output
            c = (c - c.mean(-1, keepdim=True)) / scale
            out[l, h] = float((c * direction).sum(-1).mean())
    return out


def random_repeated(lm: LM, n_seq: int = N_RANDOM, length: int = RANDOM_LEN, seed: int = 0) -> list[list[int]]:
    """``n_seq`` sequences of ``length`` random whole-word tokens, each repeated twice."""
    from ..embeddings import word_token_ids
    pool = sorted(word_token_ids(lm.tokenizer)) or list(range(lm.config.vocab_size - 1))
    length = max(2, min(length, lm.config.n_ctx // 2))
    rng = np.random.default_rng(seed)
    seqs = []
    for _ in range(n_seq):
        r = [int(i) for i in rng.choice(pool, size=length, replace=len(pool) < length)]
        seqs.append(r + r)
    return seqs


def batch_attention(lm: LM, seqs: list[list[int]]) -> list[np.ndarray]:
    """Attention (L, H, T_i, T_i) of several id sequences in ONE forward pass: they are padded on
    the right, which (attention being causal) changes nothing at the real positions. Read-only
    use of the shared model; any ``lm.ablate`` block in force applies."""
    import torch
    seqs = [lm.fit_context(list(s))[0] for s in seqs if len(s)]
    if not seqs:
        return []
    T = max(len(s) for s in seqs)
    rec = lm.record([s + [0] * (T - len(s)) for s in seqs],
                    names=tuple(f"blocks.{l}.attn.hook_pattern" for l in range(lm.config.n_layer)))
    att = torch.stack([rec[f"blocks.{l}.attn.hook_pattern"] for l in range(lm.config.n_layer)], dim=1)
    att = att.float().numpy()                                      # (B, L, H, T, T)
    return [att[b, :, :, :len(s), :len(s)] for b, s in enumerate(seqs)]


def head_scores(lm: LM) -> dict[str, np.ndarray]:
    """Every pattern's (L, H) score for this model, measured on the probe texts (one batched
    forward pass over ≈ 17 short sequences)."""
    texts = [lm.encode(t) for t in PROBE_TEXTS]
    rand = random_repeated(lm)
    cases = ioi_cases(lm)
    ioi = [(c["ids"], c["io_pos"]) for c in cases]
    atts = batch_attention(lm, texts + rand + [ids for ids, _ in ioi])
    a_text, a_rand, a_ioi = atts[:len(texts)], atts[len(texts):len(texts) + len(rand)], atts[len(texts) + len(rand):]
    prev = [previous_token_score(a) for a in a_text]
    first = [first_token_score(a) for a in a_text]
    self_ = [self_score(a) for a in a_text]
    ind = [induction_score(a, a.shape[-1] // 2) for a in a_rand]
    names = [name_score(a, pos) for a, (_, pos) in zip(a_ioi, ioi)]
    L, H = lm.config.n_layer, lm.config.n_head
    mean = lambda xs: np.clip(np.mean(xs, axis=0), 0.0, 1.0) if xs else np.zeros((L, H))  # noqa: E731
    return {"previous": mean(prev), "induction": mean(ind), "name": mean(names),
            "self": mean(self_), "first": mean(first), "name_effect": name_effects(lm, cases)}


def head_labels(lm: LM, threshold: float = 0.3) -> dict:
    """Scores, labels and the score that earned each label, for every head of ``lm``."""
    scores = head_scores(lm)
    labels, earned = label_heads(scores, threshold)
    return {"scores": scores, "label": labels, "score": earned, "threshold": threshold}


def showcase_head(labels: dict, prefer=("name", "induction", "previous")) -> tuple[int, int] | None:
    """The head to show first: the highest-scoring head with the first label of ``prefer`` that
    any head earned (a name mover suits the IOI prompt), or None when no head has one."""
    for pattern in prefer:
        found = [(labels["score"][l, h], l, h) for l, row in enumerate(labels["label"])
                 for h, lab in enumerate(row) if lab == pattern]
        if found:
            _, l, h = max(found)
            return int(l), int(h)
    return None


# ---- tables (what the charts plot, for CSV downloads and tests) ------------------------------


def pattern_frame(attention: np.ndarray, tokens: list[str], heads: list[tuple[int, int]] | None = None):
    """Long table of the visible (causal) weights: layer, head, query, key, their tokens, weight."""
    import pandas as pd
    L, H, T, _ = attention.shape
    heads = heads if heads is not None else [(l, h) for l in range(L) for h in range(H)]
    q, k = np.tril_indices(T)
    parts = []
    for l, h in heads:
        parts.append(pd.DataFrame({
            "layer": l, "head": h, "query_pos": q, "query_token": [tokens[i] for i in q],
            "key_pos": k, "key_token": [tokens[j] for j in k], "weight": attention[l, h, q, k]}))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def labels_frame(labels: dict):
    """One row per head: its label, the score that earned it and every pattern score."""
    import pandas as pd
    score = labels["score"]
    L, H = score.shape
    rows = []
    for l in range(L):
        for h in range(H):
            row = {"head": head_name(l, h), "layer": l, "head_index": h,
                   "label": labels["label"][l][h], "score": float(score[l, h])}
            row.update({p: float(labels["scores"][p][l, h]) for p in PATTERNS})
            if "name_effect" in labels["scores"]:
                row["name_effect"] = float(labels["scores"]["name_effect"][l, h])
            rows.append(row)
    return pd.DataFrame(rows)


# ---- the lesson's question on this page (views/lesson.py: KINDS) -----------------------------------

def question_attention(lm, q: dict, opts: list[str], **held) -> dict:
    """How much the page's first head (the best name mover) looks from the last word back at each
    option word."""
    data = attention_data(lm, q["prompt"])
    l, h = showcase_head(head_labels(lm)) or (lm.config.n_layer - 1, 0)
    row = data["attention"][l, h, -1]
    ids = data["ids"]
    scores = {}
    for o in opts:
        tok = lm.answer_id(o)
        scores[o] = float(sum(row[j] for j, i in enumerate(ids) if i == tok))
    return {"scores": scores, "answer": max(scores, key=scores.get), "unit": "weight",
            "facts": {"head": head_name(l, h), "last": data["tokens"][-1].strip()}}
