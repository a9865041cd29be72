"""The "Train your own" page's numbers, from a training job's status (``jobs.TrainingJob.poll()``).
No Streamlit here.

    st = job.poll()
    loss_frame(st)            # step, loss on the text it reads, loss on the text kept aside
    probe_frame(st)           # prompt → its top 5 next tokens with probabilities
"""

from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd

from ..model import GPTConfig
from ..train import PRESETS
from . import visible


def loss_frame(status: dict) -> pd.DataFrame:
    """One row per step seen: the batch's loss, and the held-out loss where it was measured."""
    train = pd.DataFrame(status.get("history") or [], columns=["step", "train_loss"])
    val = pd.DataFrame(status.get("val") or [], columns=["step", "val_loss"])
    if train.empty and val.empty:
        return pd.DataFrame(columns=["step", "train_loss", "val_loss"])
    return train.merge(val, on="step", how="outer").sort_values("step").reset_index(drop=True)


def next_words_frame(nxt: dict) -> pd.DataFrame:
    """prompt | "·word 41%  |  ·word 12% …": each prompt's top next tokens (``{prompt: [(token, p)]}``),
    apart by a bar: a dot would look like the dot that marks a token's leading space."""
    rows = [{"prompt": q, "top": "  |  ".join(f"{visible(w)} {p:.0%}" for w, p in top)} for q, top in nxt.items()]
    return pd.DataFrame(rows, columns=["prompt", "top"])


def probe_frame(status: dict) -> pd.DataFrame:
    """The job's latest probe reading as ``next_words_frame``."""
    return next_words_frame((status.get("probes") or {}).get("next") or {})


def sample_text(status: dict) -> str:
    return ((status.get("probes") or {}).get("sample") or "").replace("\n", " ↵ ").strip()


@lru_cache(maxsize=8)
def preset_facts(preset: str = "live") -> dict:
    """What the page says about the model it trains: shape, weights, vocabulary (built once)."""
    from ..model import GPT
    p = PRESETS[preset]
    cfg: GPTConfig = p.model_config()
    n = GPT(cfg).n_params()
    return {"layers": p.n_layer, "heads": p.n_head, "d": p.d_model, "ctx": p.n_ctx, "vocab": p.vocab_size,
            "params": n, "batch": p.batch_size, "steps": p.steps, "start_loss": math.log(p.vocab_size + 1)}


def metrics(status: dict) -> dict:
    """The live numbers beside the explanation (None where there is nothing yet)."""
    last = status.get("last") or {}
    return {"step": status.get("step", 0), "loss": last.get("loss_ema"), "tok_per_s": last.get("tok_per_s"),
            "grad_norm": last.get("grad_norm"), "lr": last.get("lr")}

