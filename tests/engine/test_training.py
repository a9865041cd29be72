"""Training never loses or corrupts work: data made again when missing or damaged, Ctrl-C saves and
a resumed run loses no step, the precision is kept, and a damaged run file is a clear error."""

import os
import signal
from dataclasses import replace

import numpy as np
import pytest

from explainer import CheckpointError
from explainer.__main__ import main
from explainer.checkpoint import CONFIG, LOSS_LOG, WEIGHTS, load_tensors, read_json
from explainer.train import PRESETS, TRAIN_STATE, prepare_data, train

pytestmark = [pytest.mark.slow, pytest.mark.training]          # these train small models

SHORT = replace(PRESETS["tiny"], steps=60, eval_every=20, ckpt_every=100, corpus_bytes=120_000,
                vocab_size=512)
QUIET = dict(precision="fp32", progress=False)


def run(out, lines=None, **kw):
    return train(SHORT, out, log=(lines.append if lines is not None else lambda *a: None), **{**QUIET, **kw})


def weights(out) -> dict:
    return {k: v.numpy() for k, v in load_tensors(out / WEIGHTS).items()}


def test_missing_or_damaged_data_is_made_again(tmp_path):
    out = tmp_path / "run"
    lines: list[str] = []
    tr, va, _ = prepare_data(out, SHORT, lines.append)
    manifest = read_json(out / "data" / "manifest.json")
    assert set(manifest) == {"params", "data/corpus.txt", "data/val.txt", "tokenizer.tiktoken", "merges.json",
                             "data/train.npy", "data/val.npy"}
    # as a kill between the corpus and the validation text would leave it
    (out / "data" / "val.txt").unlink()
    (out / "data" / "train.npy").write_bytes((out / "data" / "train.npy").read_bytes()[:1000])   # truncated
    lines.clear()
    tr2, va2, _ = prepare_data(out, SHORT, lines.append)
    assert any("val.txt is missing or damaged" in s for s in lines)
    assert any("train.npy is missing or damaged" in s for s in lines)
    np.testing.assert_array_equal(tr, tr2)
    np.testing.assert_array_equal(va, va2)
    assert read_json(out / "data" / "manifest.json") == manifest
    assert not list(out.rglob("*.tmp"))                       # nothing half-written left behind


def test_ctrl_c_saves_and_the_resumed_run_loses_no_step(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    run(a)

    def press_ctrl_c(step, info):
        assert np.isfinite(info["loss"]) and info["grad_norm"] >= 0 and info["lr"] > 0
        if step == 37:
            os.kill(os.getpid(), signal.SIGINT)

    lines: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        run(b, lines, on_step=press_ctrl_c)
    assert read_json(b / CONFIG)["step"] == 37               # saved where it stopped, not at step 0
    assert any("stopped at step 37" in s for s in lines)
    run(b)                                                    # resume
    wa, wb = weights(a), weights(b)
    for k in wa:
        np.testing.assert_allclose(wb[k], wa[k], atol=1e-5, err_msg=k)
    ra, rb = read_json(a / LOSS_LOG)["rows"], read_json(b / LOSS_LOG)["rows"]
    assert [r["step"] for r in rb] == [r["step"] for r in ra] == [20, 40, 60]
    assert [r["val_loss"] for r in rb] == pytest.approx([r["val_loss"] for r in ra], abs=1e-4)


def test_a_pause_request_saves_and_returns(tmp_path):
    steps = []
    run(tmp_path, on_step=lambda s, info: steps.append(s), should_stop=lambda: len(steps) >= 12)
    assert read_json(tmp_path / CONFIG)["step"] == 12


def test_precision_is_recorded_and_kept(tmp_path):
    run(tmp_path, until=10)
    assert read_json(tmp_path / CONFIG)["precision"] == "fp32"
    with pytest.raises(CheckpointError, match=r"config\.json records that this run trains in fp32"):
        run(tmp_path, precision="bf16")
    lines: list[str] = []
    train(SHORT, tmp_path, precision="auto", progress=False, log=lines.append, until=20)
    assert not any("precision probe" in s for s in lines)    # auto on resume: the recorded choice
    assert read_json(tmp_path / CONFIG)["precision"] == "fp32" and read_json(tmp_path / CONFIG)["step"] == 20
    with pytest.raises(ValueError, match="precision must be one of"):
        run(tmp_path, precision="fp8")


@pytest.mark.parametrize("damage, match", [
    (lambda d: (d / TRAIN_STATE).unlink(), "train_state.safetensors is missing"),
    (lambda d: (d / LOSS_LOG).write_text("{not json"), "loss_log.json is not valid JSON"),
    (lambda d: (d / WEIGHTS).write_bytes(b"\0" * 10), "model.safetensors (could not be read|is empty, truncated)"),
])
def test_a_damaged_run_file_is_named(tmp_path, damage, match, capsys):
    train("tiny", tmp_path, until=10, log=lambda *a: None, **QUIET)
    damage(tmp_path)
    with pytest.raises(CheckpointError, match=match):
        train("tiny", tmp_path, log=lambda *a: None, **QUIET)
    # the command line says the same in one line, no traceback
    code = main(["train", "--preset", "tiny", "--out", str(tmp_path), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: ") and "Traceback" not in err and tmp_path.name in err


def test_another_preset_in_the_same_folder_is_refused(tmp_path):
    run(tmp_path, until=5)
    with pytest.raises(CheckpointError, match="train this preset into another --out folder"):
        train("tiny", tmp_path, log=lambda *a: None, **QUIET)
