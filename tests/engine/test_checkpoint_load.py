"""Loading weights: every stored form reads back, a model too big for this server's memory budget
is refused from its config alone, and one crafted upload costs the server almost nothing."""

import json
import subprocess
import sys

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from explainer import checkpoint as ckpt
from explainer.checkpoint import CONFIG, WEIGHTS, CheckpointError
from tests import load_memory


@pytest.mark.parametrize("dtype,tol", [("fp32", 0.0), ("fp16", 1e-3), ("int8", 2e-3)])
def test_every_stored_form_reads_back(dtype, tol, tiny_lm, tiny_copy):
    ckpt.save_weights(tiny_lm.model, tiny_copy / WEIGHTS, dtype)
    model, _ = ckpt.load_model(tiny_copy)
    for (k, want), got in zip(tiny_lm.model.state_dict().items(), model.state_dict().values()):
        assert got.dtype == torch.float32
        assert float((got - want).abs().max()) <= tol * max(1.0, float(want.abs().max())), k


def test_nan_in_a_half_precision_file_is_refused(tiny_lm, tiny_copy):
    state = {k: v.clone() for k, v in tiny_lm.model.state_dict().items()}
    state["ln_f.weight"][3] = float("inf")
    save_file({k: v.half() for k, v in state.items()}, str(tiny_copy / WEIGHTS))
    with pytest.raises(CheckpointError, match="ln_f.weight holds NaN or infinite"):
        ckpt.load_model(tiny_copy)


def test_a_model_over_the_memory_budget_is_refused_before_any_file_is_read(tiny_copy, monkeypatch):
    raw = json.loads((tiny_copy / CONFIG).read_text())
    raw["model"].update(n_layer=24, d_model=512, d_mlp=2048, n_head=8)          # ≈ 77 M weights, 310 MB
    (tiny_copy / CONFIG).write_text(json.dumps(raw))
    (tiny_copy / WEIGHTS).write_bytes(b"not even a safetensors file")
    monkeypatch.setenv("EXPLAINER_MAX_LOAD_MB", "300")
    for load in (ckpt.check_folder, ckpt.load_model):
        with pytest.raises(CheckpointError) as e:
            load(tiny_copy)
        msg = str(e.value)
        assert msg.startswith("ckpt/config.json describes a model of") and "at most 300 MB" in msg
        assert "EXPLAINER_MAX_LOAD_MB" in msg
    monkeypatch.setenv("EXPLAINER_MAX_LOAD_MB", "400")                           # within it: the weights are read
    with pytest.raises(CheckpointError, match="ckpt/model.safetensors"):
        ckpt.load_model(tiny_copy)


def test_a_crafted_upload_costs_the_server_little_memory(tmp_path):
    """The issue's zip (a config claiming 373 M parameters, small weights) through the app's upload
    path in a fresh process: refused, and its peak resident memory grows by less than 100 MB (it
    was 1,447 MB and 7 s before the budget and the header check)."""
    (label, kind, path), *_ = load_memory.cases(tmp_path)
    assert label == "upload claims 373M"
    r = subprocess.run([sys.executable, "-c", load_memory.CHILD, kind, str(path)], capture_output=True,
                       text=True, timeout=600)
    seconds, grew_mb, _, outcome = r.stdout.strip().splitlines()[-1].split("\t")
    assert outcome.startswith("refused: CheckpointError: unpacked/config.json describes a model of 372,994,048")
    assert float(grew_mb) < 100, grew_mb


def test_reading_weights_does_not_change_them(tiny_lm, tiny_copy):
    """The weights one file holds, loaded twice, are the same numbers (no state shared between loads)."""
    a, _ = ckpt.load_model(tiny_copy)
    b, _ = ckpt.load_model(tiny_copy)
    for x, y in zip(a.state_dict().values(), b.state_dict().values()):
        assert np.array_equal(x.numpy(), y.numpy())
        assert x.data_ptr() != y.data_ptr()


def test_an_oversized_or_crafted_zip_is_refused_before_anything_is_written(tiny_dir, tmp_path):
    import io
    import zipfile
    with pytest.raises(CheckpointError, match="big.zip is 40,000,001 bytes; a checkpoint is at most 40,000,000"):
        ckpt.unpack(b"\0" * (ckpt.MAX_PACKED_BYTES + 1), tmp_path / "a", "big.zip")
    buf = io.BytesIO()                                    # a zip bomb: 170 MB of zeros in a small file
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(tiny_dir / CONFIG, CONFIG)
        z.writestr(WEIGHTS, b"\0" * 170_000_000)
    assert len(buf.getvalue()) < 1_000_000
    with pytest.raises(CheckpointError, match="bomb.zip unpacks to more than 160,000,000 bytes"):
        ckpt.unpack(buf.getvalue(), tmp_path / "b", "bomb.zip")
    assert not (tmp_path / "b").exists()
    buf = io.BytesIO()                                    # paths of its own are not taken
    with zipfile.ZipFile(buf, "w") as z:
        for name in (CONFIG, WEIGHTS, ckpt.TOKENIZER):
            z.write(tiny_dir / name, name)
        z.writestr("../escaped.txt", "x")
        z.writestr("snapshots/../../escaped2.txt", "x")
    ckpt.unpack(buf.getvalue(), tmp_path / "c" / "ckpt", "paths.zip")
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == [f"c/ckpt/{n}" for n in sorted((CONFIG, WEIGHTS, ckpt.TOKENIZER))]
