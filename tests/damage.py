"""Ways an operator's model folder gets damaged (a copy of the bundled model, damaged one way each):
what tests/pages/test_damaged_model.py opens every page on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

from explainer.lm import ASSETS


def _edit_json(name: str, change):
    def damage(folder: Path) -> None:
        path = folder / name
        path.write_text(json.dumps(change(json.loads(path.read_text(encoding="utf-8")))), encoding="utf-8")
    return damage


def _model_value(key: str, value):
    def change(cfg: dict) -> dict:
        cfg["model"][key] = value
        return cfg
    return _edit_json("config.json", change)


def _truncate(name: str, keep: float = 0.5):
    def damage(folder: Path) -> None:
        path = folder / name
        data = path.read_bytes()
        path.write_bytes(data[:int(len(data) * keep)])
    return damage


def _write(name: str, data: bytes):
    def damage(folder: Path) -> None:
        (folder / name).write_bytes(data)
    return damage


def _remove(name: str):
    def damage(folder: Path) -> None:
        (folder / name).unlink()
    return damage


def _nan_weights(folder: Path) -> None:
    from safetensors.numpy import load_file, save_file
    path = folder / "model.safetensors"
    tensors = load_file(str(path))
    first = sorted(tensors)[0]
    tensors[first] = np.full_like(tensors[first], np.nan)
    save_file(tensors, str(path))


def _first_snapshot(folder: Path) -> str:
    return "snapshots/" + sorted(p.name for p in (folder / "snapshots").glob("*.safetensors"))[1]


def _snapshot_truncated(folder: Path) -> None:
    _truncate(_first_snapshot(folder))(folder)


def _tokenizer_half(folder: Path) -> None:
    path = folder / "tokenizer.tiktoken"
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[: len(lines) // 2]))


def _vocab_off_by_one(folder: Path) -> None:
    n = json.loads((folder / "config.json").read_text(encoding="utf-8"))["model"]["vocab_size"]
    _model_value("vocab_size", n + 1)(folder)


def _words_short(cfg: dict) -> dict:
    cfg["words"] = cfg["words"][:-10]
    return cfg


GARBAGE = bytes(range(256)) * 8

# name → (the file the message must name, how the folder is damaged); "" = the folder itself.
# A damaged snapshot or merges file leaves the model usable (test_damaged_model.USABLE): the rest do not.
CASES = {
    "folder missing": ("", lambda folder: shutil.rmtree(folder)),
    "config missing": ("config.json", _remove("config.json")),
    "config truncated": ("config.json", _truncate("config.json")),
    "config not json": ("config.json", _write("config.json", GARBAGE)),
    "config a list": ("config.json", _write("config.json", b"[1, 2, 3]")),
    "config without model": ("config.json", _edit_json("config.json", lambda c: {k: v for k, v in c.items()
                                                                                  if k != "model"})),
    "config n_layer 0": ("config.json", _model_value("n_layer", 0)),
    "config n_head text": ("config.json", _model_value("n_head", "four")),
    "config d_model odd": ("config.json", _model_value("d_model", 129)),
    "config n_ctx negative": ("config.json", _model_value("n_ctx", -5)),
    "config vocab off by one": ("config.json", _vocab_off_by_one),
    "config huge": ("config.json", _model_value("d_model", 1 << 30)),
    "config step text": ("config.json", _edit_json("config.json", lambda c: {**c, "step": "abc"})),
    "weights missing": ("model.safetensors", _remove("model.safetensors")),
    "weights truncated": ("model.safetensors", _truncate("model.safetensors")),
    "weights garbage": ("model.safetensors", _write("model.safetensors", GARBAGE)),
    "weights empty": ("model.safetensors", _write("model.safetensors", b"")),
    "weights nan": ("model.safetensors", _nan_weights),
    "tokenizer missing": ("tokenizer.tiktoken", _remove("tokenizer.tiktoken")),
    "tokenizer garbage": ("tokenizer.tiktoken", _write("tokenizer.tiktoken", b"not base64 at all\n" * 50)),
    "tokenizer half": ("tokenizer.tiktoken", _tokenizer_half),
    "merges missing": ("merges.json", _remove("merges.json")),
    "merges not json": ("merges.json", _write("merges.json", b"{ this is not json")),
    "merges wrong shape": ("merges.json", _write("merges.json", b'{"merges": 7}')),
    "loss log not json": ("loss_log.json", _write("loss_log.json", GARBAGE)),
    "loss log wrong shape": ("loss_log.json", _write("loss_log.json", b'{"rows": "many"}')),
    "scorecard not json": ("scorecard.json", _write("scorecard.json", b"{")),
    "timeline wrong shape": ("timeline.json", _write("timeline.json", b'{"rows": [1, 2, 3]}')),
    "word2vec words not json": ("word2vec.json", _write("word2vec.json", GARBAGE)),
    "word2vec words short": ("word2vec.safetensors", _edit_json("word2vec.json", _words_short)),
    "word2vec vectors truncated": ("word2vec.safetensors", _truncate("word2vec.safetensors")),
    "context vectors truncated": ("context_vectors.safetensors", _truncate("context_vectors.safetensors")),
    "snapshot truncated": ("snapshots/", _snapshot_truncated),
}


def damaged_copy(case: str, dest: Path) -> Path:
    """A copy of the bundled model at ``dest``, damaged as ``CASES[case]`` says."""
    shutil.copytree(ASSETS, dest)
    CASES[case][1](dest)
    return dest
