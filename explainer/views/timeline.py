"""The "How it learned" page's numbers: the bundled model's training run as a timeline — its loss
curve, abilities measured at every kept snapshot, and what one snapshot does on a few probes. No
Streamlit here.

    loss_curve(lm)                      # step, train_loss, val_loss from the saved log
    ability_frame(lm)                   # step, capital_qa, ioi, analogy_tokens (timeline.json, else measured)
    moment(lm.at_snapshot(path))        # probes' next words, a word map, one head, the Warsaw lens
"""

from __future__ import annotations

import pandas as pd

from .. import checkpoint as ckpt
from .. import demos
from ..scorecard import TIMELINE, ability_timeline
from . import attention as attention_view
from . import lens as lens_view
from . import vectors as vectors_view

PROBES = demos.EN.PROBES          # an English model's; each model follows its own language's (demos.of)
MAP_GROUPS = ("family", "colours", "numbers")
ABILITIES = ("capital_qa", "ioi", "analogy_tokens")


def loss_curve(lm) -> pd.DataFrame:
    """The run's saved loss log (empty when the checkpoint has none)."""
    try:
        rows = ckpt.read_json(lm.folder / ckpt.LOSS_LOG).get("rows") or []
    except (ckpt.CheckpointError, OSError, TypeError):
        rows = []
    df = pd.DataFrame(rows)
    cols = ["step", "train_loss", "val_loss"]
    return df[cols] if not df.empty and set(cols) <= set(df.columns) else pd.DataFrame(columns=cols)


def stages(lm) -> list[tuple[int, object]]:
    """(step, snapshot path) of every kept snapshot, then (final step, None) for the model itself."""
    snaps = lm.snapshots()
    final = int(lm.meta.get("step", snaps[-1][0] + 1 if snaps else 0))
    return [(s, p) for s, p in snaps if s < final] + [(final, None)]


def ability_frame(lm, measure: bool = True) -> pd.DataFrame:
    """Abilities against the step: read from the checkpoint's timeline.json (written by
    ``python -m explainer evaluate --timeline --write``), else measured now (about 1 s a snapshot)."""
    rows = None
    if lm.folder is not None and (lm.folder / TIMELINE).is_file():
        try:
            rows = ckpt.read_json(lm.folder / TIMELINE).get("rows")
        except ckpt.CheckpointError:
            rows = None
    if rows is None and measure:
        rows = ability_timeline(lm)
    return pd.DataFrame(rows or [], columns=["step", *ABILITIES])


def moment(lm, head: tuple[int, int]) -> dict:
    """What the model at one step does: top-5 next words after each probe, the word map of its own
    token vectors, one head's attention on the Mary/John sentence, the lens on the Warsaw prompt."""
    kit = demos.of(lm)
    nxt = {q: lm.next_token(q, 5) for q in kit.PROBES}
    try:
        mp = vectors_view.word_map(lm, "tokens", list(MAP_GROUPS), "pca")
    except Exception:          # noqa: BLE001 — a model without these words: no map, the rest stands
        mp = pd.DataFrame(columns=["word", "group", "x", "y"])
    att = attention_view.attention_data(lm, kit.IOI_PROMPT)
    L, H = att["attention"].shape[:2]
    layer, h = min(head[0], L - 1), min(head[1], H - 1)
    lens = lens_view.lens_data(lm, kit.WARSAW_PROMPT, (), (kit.WARSAW_ANSWER, kit.EXAMPLE_ANSWER))
    return {"next": nxt, "map": mp, "head": (layer, h), "head_weights": att["attention"][layer, h],
            "tokens": att["tokens"], "lens": lens}


# ---- the lesson's question on this page (views/lesson.py: KINDS) -----------------------------------

def question_snapshot_word(lm, q: dict, opts: list[str], snapshots=None, **held) -> dict:
    """P(``word``) at each training snapshot (``snapshots``: (step, LM)); the answer is the first
    snapshot where it is the top guess."""
    runs = list(snapshots or []) + [(int(lm.meta.get("step") or 0), lm)]
    wid = lm.answer_id(q["word"])
    scores, first = {}, None
    for step, m in runs:
        p = m.next_probs(q["prompt"])
        if str(step) in opts:
            scores[str(step)] = float(p[wid])
        if first is None and int(p.argmax()) == wid:
            first = step
    best = str(first) if first is not None and str(first) in scores else max(scores, key=scores.get)
    return {"scores": scores, "answer": best, "unit": "probability", "facts": {"first": first}}
