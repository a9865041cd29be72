"""Checkpoints: safetensors weights + JSON config + tokenizer file. No pickle anywhere.

A checkpoint is a folder::

    config.json            model config + training facts (preset, step, tokens, time)
    model.safetensors      weights (fp32, fp16 or int8 with per-row scales)
    tokenizer.tiktoken     BPE ranks in tiktoken's file format
    merges.json            the BPE merge history (for the tokenization page)
    loss_log.json          train/validation loss along the run
    snapshots/step_*.safetensors   weights kept from along the run (the app shows the model learning)
    word2vec.safetensors + word2vec.json   skip-gram vectors trained on the same corpus
    context_vectors.safetensors     averaged hidden states of word tokens per layer
    scorecard.json         what ``python -m explainer evaluate`` measured on this checkpoint

Every loader raises :class:`CheckpointError` naming the file that is missing or broken.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
from safetensors import SafetensorError as SafetensorsError
from safetensors.torch import load_file, save_file

from .model import GPT, GPTConfig

CONFIG = "config.json"
WEIGHTS = "model.safetensors"
TOKENIZER = "tokenizer.tiktoken"
MERGES = "merges.json"
LOSS_LOG = "loss_log.json"
SNAPSHOTS = "snapshots"
SCORECARD = "scorecard.json"


class CheckpointError(ValueError):
    """A checkpoint file is missing, truncated or does not match the model."""


def _need(path: Path) -> Path:
    if not path.is_file():
        raise CheckpointError(f"checkpoint file not found: {path}")
    return path


def read_json(path: Path) -> dict:
    try:
        return json.loads(_need(Path(path)).read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CheckpointError(f"{path} is not valid JSON ({e}); the file is damaged") from e


def write_atomic(path: Path, write) -> None:
    """``write(tmp_path)``, then rename onto ``path``: an interrupted write never leaves half a file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    tmp.replace(path)


def write_json(path: Path, obj) -> None:
    write_atomic(path, lambda tmp: tmp.write_text(json.dumps(obj, indent=1, ensure_ascii=False), encoding="utf-8"))


# ---- weights ---------------------------------------------------------------------------------

def state_to_tensors(state: dict[str, torch.Tensor], dtype: str = "fp32") -> dict[str, torch.Tensor]:
    """Convert a state dict for storage. ``int8`` keeps 2-D weights as int8 with one fp16 scale
    per row (``name`` + ``.__scale``); everything else becomes fp16."""
    out = {}
    for k, v in state.items():
        v = v.detach().float().cpu().contiguous()
        if dtype == "fp32":
            out[k] = v
        elif dtype == "fp16":
            out[k] = v.half()
        elif dtype == "int8":
            if v.dim() == 2:
                scale = v.abs().amax(dim=1, keepdim=True).clamp_min(1e-8) / 127.0
                out[k] = torch.round(v / scale).to(torch.int8)
                out[k + ".__scale"] = scale.half()
            else:
                out[k] = v.half()
        else:
            raise ValueError(f"unknown storage dtype {dtype!r}")
    return out


def tensors_to_state(tensors: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    state = {}
    for k, v in tensors.items():
        if k.endswith(".__scale"):
            continue
        if v.dtype == torch.int8:
            state[k] = v.float() * tensors[k + ".__scale"].float()
        else:
            state[k] = v.float()
    return state


def save_weights(model: GPT, path: Path, dtype: str = "fp32") -> None:
    tensors = state_to_tensors(model.state_dict(), dtype)
    write_atomic(path, lambda tmp: save_file(tensors, str(tmp), metadata={"dtype": dtype}))


def load_tensors(path: Path) -> dict[str, torch.Tensor]:
    _need(Path(path))
    try:
        return load_file(str(path))
    except (SafetensorsError, OSError, ValueError, RuntimeError) as e:
        raise CheckpointError(f"{path} could not be read ({e}); the file is truncated or damaged") from e


def load_weights_into(model: GPT, path: Path) -> None:
    state = tensors_to_state(load_tensors(path))
    own = model.state_dict()
    missing = sorted(set(own) - set(state))
    extra = sorted(set(state) - set(own))
    bad = sorted(k for k in set(own) & set(state) if own[k].shape != state[k].shape)
    if missing or extra or bad:
        detail = "; ".join(s for s in [
            f"missing {missing[:3]}" if missing else "",
            f"unexpected {extra[:3]}" if extra else "",
            "shape mismatch " + ", ".join(f"{k} {tuple(state[k].shape)} vs {tuple(own[k].shape)}"
                                          for k in bad[:3]) if bad else ""] if s)
        raise CheckpointError(f"{path} does not match the model in config.json: {detail}")
    model.load_state_dict(state)


# ---- whole checkpoints -----------------------------------------------------------------------

def save_checkpoint(folder: Path, model: GPT, meta: dict, dtype: str = "fp32") -> None:
    """Write config.json and model.safetensors (the tokenizer files are written once by train)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    save_weights(model, folder / WEIGHTS, dtype)
    write_json(folder / CONFIG, {"model": model.cfg.to_dict(), **meta})


def read_config(folder: Path) -> tuple[GPTConfig, dict]:
    raw = read_json(Path(folder) / CONFIG)
    if "model" not in raw:
        raise CheckpointError(f"{Path(folder) / CONFIG} has no 'model' section")
    try:
        cfg = GPTConfig.from_dict(raw["model"])
    except (TypeError, ValueError) as e:
        raise CheckpointError(f"{Path(folder) / CONFIG}: bad model config ({e})") from e
    return cfg, {k: v for k, v in raw.items() if k != "model"}


def load_model(folder: Path, weights: Path | None = None) -> tuple[GPT, dict]:
    """Rebuild the model from config.json and load weights (model.safetensors or a snapshot)."""
    folder = Path(folder)
    cfg, meta = read_config(folder)
    model = GPT(cfg)
    load_weights_into(model, weights or folder / WEIGHTS)
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model, meta


def read_scorecard(folder: Path | None) -> dict | None:
    """The checkpoint's ``scorecard.json`` (None when there is none or it cannot be read)."""
    if folder is None:
        return None
    try:
        return read_json(Path(folder) / SCORECARD)
    except (CheckpointError, OSError):
        return None


def list_snapshots(folder: Path) -> list[tuple[int, Path]]:
    """(step, path) of the kept snapshots, in training order."""
    d = Path(folder) / SNAPSHOTS
    if not d.is_dir():
        return []
    out = []
    for p in d.glob("step_*.safetensors"):
        try:
            out.append((int(p.stem.split("_")[1]), p))
        except ValueError:
            continue
    return sorted(out)


# ---- a checkpoint as one file (the app's download and upload) ---------------------------------

PACKED = (CONFIG, WEIGHTS, TOKENIZER, MERGES, LOSS_LOG, SCORECARD, "word2vec.safetensors",
          "word2vec.json", "context_vectors.safetensors")
MAX_PACKED_BYTES = 40_000_000      # a zip bigger than this is not one of ours (the bundled model is 33 MB)


def pack(folder: Path) -> bytes:
    """The checkpoint's files (and snapshots) as one zip: what ``unpack`` and ``load`` read back.
    The training data and the optimizer state are left out."""
    import io
    import zipfile
    folder = Path(folder)
    _need(folder / CONFIG)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in PACKED:
            if (folder / name).is_file():
                z.write(folder / name, name)
        for _, p in list_snapshots(folder):
            z.write(p, f"{SNAPSHOTS}/{p.name}")
    return buf.getvalue()


def unpack(data: bytes, dest: Path, name: str = "the file") -> Path:
    """Check a zip made by ``pack`` and write its files into ``dest`` (a new folder). Only the known
    file names are taken (no paths from the archive are trusted); sizes are bounded; the result must
    load. CheckpointError names ``name`` and what is wrong."""
    import io
    import re
    import zipfile
    if len(data) > MAX_PACKED_BYTES:
        raise CheckpointError(f"{name} is {len(data):,} bytes; a checkpoint is at most {MAX_PACKED_BYTES:,}")
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise CheckpointError(f"{name} is not a checkpoint zip ({e})") from None
    snap = re.compile(rf"{SNAPSHOTS}/step_\d{{1,7}}\.safetensors")
    wanted = [i for i in infos if i.filename in PACKED or snap.fullmatch(i.filename)]
    if not any(i.filename == CONFIG for i in wanted) or not any(i.filename == WEIGHTS for i in wanted):
        raise CheckpointError(f"{name} has no {CONFIG} and {WEIGHTS}: it is not a checkpoint of this app")
    if sum(i.file_size for i in wanted) > 4 * MAX_PACKED_BYTES:
        raise CheckpointError(f"{name} unpacks to more than {4 * MAX_PACKED_BYTES:,} bytes: refused")
    dest = Path(dest)
    (dest / SNAPSHOTS).mkdir(parents=True, exist_ok=True)
    try:
        for i in wanted:
            (dest / i.filename).write_bytes(z.read(i))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise CheckpointError(f"{name} is damaged ({e})") from None
    return dest
