"""Copy a finished training run into a compact checkpoint folder (what ships in ``assets/``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import checkpoint as ckpt
from .embeddings import CONTEXT, W2V_VECTORS, W2V_WORDS

COPY = [ckpt.CONFIG, ckpt.TOKENIZER, ckpt.MERGES, ckpt.LOSS_LOG, W2V_VECTORS, W2V_WORDS, CONTEXT]
OPTIONAL = [ckpt.SEGMENTATION]      # a model that reads segmented text (Chinese) has its word list


def export(run: str | Path, dest: str | Path, dtype: str = "fp16") -> Path:
    run, dest = Path(run), Path(dest)
    model, _ = ckpt.load_model(run)
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPY:
        src = run / name
        if not src.exists():
            raise ckpt.CheckpointError(f"{src} is missing: has the run finished?")
        shutil.copyfile(src, dest / name)
    for name in OPTIONAL:
        if (run / name).exists():
            shutil.copyfile(run / name, dest / name)
    ckpt.save_weights(model, dest / ckpt.WEIGHTS, dtype)
    snaps = dest / ckpt.SNAPSHOTS
    if snaps.exists():
        shutil.rmtree(snaps)
    snaps.mkdir()
    for step, p in ckpt.list_snapshots(run):
        shutil.copyfile(p, snaps / p.name)
    return dest
