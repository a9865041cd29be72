"""The whole forward pass for one prompt, summarised stage by stage with real shapes and numbers
(the overview page), plus the model's size next to the GPTs from the articles."""

from __future__ import annotations

import numpy as np

from ..lm import LM

# (name, d_model, n_layer, n_head, params, d_mlp) — published figures
FAMOUS = [
    ("GPT-1 (2018)", 768, 12, 12, 117e6, 3072),
    ("GPT-2 XL (2019)", 1600, 48, 25, 1.5e9, 6400),
    ("GPT-3 (2020)", 12288, 96, 96, 175e9, 49152),
]


def _few(x: np.ndarray, n: int = 4) -> list[float]:
    return [round(float(v), 3) for v in np.asarray(x).ravel()[:n]]


def pipeline_summary(lm: LM, text: str, k: int = 5) -> dict:
    """Every stage for this prompt: shape and a few real numbers. Raises InputError on empty text.

    A stage's ``shape`` is a tensor shape like ``"(12, 192)"``, or a message key and its values
    (``("overview.shape.tokens", {"n": 12})``) where the shape is said in words."""
    tr = lm.trace(text)
    c = lm.config
    T = len(tr.ids)
    last = T - 1
    embed = lm.weight("wte.weight", [tr.ids[last]])[0]
    pos = lm.weight("wpe.weight", [last])[0]
    probs = tr.probs[last]
    top = np.argsort(-probs)[:k]
    norms = [float(np.linalg.norm(tr.resid[l, last])) for l in range(c.n_layer + 1)]
    stages = [
        {"key": "text", "shape": ("overview.shape.chars", {"n": len(text)}), "numbers": None},
        {"key": "tokens", "shape": ("overview.shape.tokens", {"n": T}), "numbers": tr.tokens[:8]},
        {"key": "ids", "shape": f"({T},)", "numbers": tr.ids[:8]},
        {"key": "embed", "shape": f"({T}, {c.d_model})", "numbers": _few(embed)},
        {"key": "pos", "shape": f"({T}, {c.d_model})", "numbers": _few(pos)},
        {"key": "blocks", "shape": ("overview.shape.blocks", {"layers": c.n_layer, "heads": c.n_head, "mlp": c.d_mlp}),
         "numbers": [round(n, 2) for n in norms]},
        {"key": "final", "shape": f"({c.d_model},)", "numbers": _few(tr.resid[-1, last])},
        {"key": "logits", "shape": f"({c.vocab_size},)", "numbers": _few(np.sort(tr.logits[last])[::-1])},
        {"key": "softmax", "shape": ("overview.shape.softmax", {"v": c.vocab_size}),
         "numbers": [round(float(probs[i]), 3) for i in top]},
        {"key": "sample", "shape": ("overview.shape.one", {}), "numbers": [lm.decode([int(top[0])])]},
    ]
    full = {"tokens": T, "ids": T, "embed": c.d_model, "pos": c.d_model, "final": c.d_model,
            "logits": c.vocab_size}
    for st in stages:                       # True when the numbers shown are only the first few
        st["more"] = st["numbers"] is not None and full.get(st["key"], 0) > len(st["numbers"])
    # the text the model reads: all of it, or (when the start was dropped) the kept end
    read = text if not tr.truncated else lm.decode(tr.ids)
    return {"stages": stages, "tokens": tr.tokens, "ids": tr.ids, "truncated": tr.truncated, "text_read": read,
            "top": [(lm.decode([int(i)]), float(probs[i])) for i in top],
            "resid_norms": norms}


def scale_rows(lm: LM, ours: str = "Ours") -> list[dict]:
    """This model (named ``ours``) next to the published GPTs."""
    c = lm.config
    rows = [{"model": ours, "d_model": c.d_model, "n_layer": c.n_layer, "n_head": c.n_head,
             "params": lm.n_params(), "d_mlp": c.d_mlp,
             "mlp_params_per_layer": 2 * c.d_model * c.d_mlp + c.d_mlp + c.d_model}]
    for name, d, L, H, N, f in FAMOUS:
        rows.append({"model": name, "d_model": d, "n_layer": L, "n_head": H, "params": N, "d_mlp": f,
                     "mlp_params_per_layer": 2 * d * f + f + d})
    return rows


# ---- the lesson's question on this page (views/lesson.py: KINDS) -----------------------------------

def question_next_word(lm: LM, q: dict, opts: list[str], **held) -> dict:
    """P(option is the next word) after ``prompt``."""
    p = lm.next_probs(q["prompt"])
    scores = {o: float(p[lm.answer_id(o)]) for o in opts}
    top = lm.token_text(int(p.argmax())).strip()
    return {"scores": scores, "answer": max(scores, key=scores.get), "unit": "probability",
            "facts": {"top": top, "p_top": float(p.max())}}
