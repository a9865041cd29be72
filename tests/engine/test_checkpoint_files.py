"""Model folders are read safely: a file that links outside its folder, a pipe or a device, or a
file far larger than the server reads is refused with a message naming it (before it is opened),
and a bad snapshot is left out like a damaged one. A link inside the folder is fine."""

import os
import shutil
import threading

import pytest

import explainer
from explainer import CheckpointError
from explainer import checkpoint as ckpt


def _refused(folder, name: str, what: str) -> str:
    """check_folder must refuse ``folder`` naming ``name`` and ``what``, and not hang."""
    out: dict = {}

    def run():
        try:
            ckpt.check_folder(folder)
            out["error"] = None
        except CheckpointError as e:
            out["error"] = str(e)
    th = threading.Thread(target=run, daemon=True)
    th.start()
    th.join(20)
    assert not th.is_alive(), "check_folder is still waiting on the file"
    assert out["error"] is not None, "accepted"
    assert f"ckpt/{name}" in out["error"] and what in out["error"], out["error"]
    assert str(folder.parent) not in out["error"]                 # no server path
    return out["error"]


def test_a_config_that_links_outside_the_folder_is_refused(tiny_copy, tmp_path):
    outside = tmp_path / "elsewhere.json"
    shutil.copy(tiny_copy / ckpt.CONFIG, outside)                 # even a valid file: it is not the model's
    (tiny_copy / ckpt.CONFIG).unlink()
    (tiny_copy / ckpt.CONFIG).symlink_to(outside)
    _refused(tiny_copy, ckpt.CONFIG, "outside its model folder")
    with pytest.raises(CheckpointError, match="outside"):
        explainer.load(tiny_copy)


def test_weights_that_link_outside_or_to_nothing_are_refused(tiny_copy, tmp_path):
    outside = tmp_path / "w.safetensors"
    shutil.move(tiny_copy / ckpt.WEIGHTS, outside)
    (tiny_copy / ckpt.WEIGHTS).symlink_to(outside)
    _refused(tiny_copy, ckpt.WEIGHTS, "outside its model folder")
    (tiny_copy / ckpt.WEIGHTS).unlink()
    (tiny_copy / ckpt.WEIGHTS).symlink_to(tmp_path / "gone")
    _refused(tiny_copy, ckpt.WEIGHTS, "a link to nothing")


def test_a_pipe_is_refused_without_waiting_on_it(tiny_copy):
    (tiny_copy / ckpt.LOSS_LOG).unlink()
    os.mkfifo(tiny_copy / ckpt.LOSS_LOG)                          # reading it would wait for ever
    _refused(tiny_copy, ckpt.LOSS_LOG, "not a regular file")


def test_a_device_is_refused(tiny_copy):
    (tiny_copy / ckpt.SCORECARD).unlink(missing_ok=True)
    (tiny_copy / ckpt.SCORECARD).symlink_to("/dev/zero")          # endless bytes, and outside the folder
    _refused(tiny_copy, ckpt.SCORECARD, "refused")


def test_an_oversized_side_file_is_refused_before_it_is_read(tiny_copy):
    with open(tiny_copy / ckpt.TIMELINE, "wb") as f:              # sparse: no disk used
        f.truncate(ckpt.MAX_SIDE_FILE_BYTES + 1)
    _refused(tiny_copy, ckpt.TIMELINE, f"at most {ckpt.MAX_SIDE_FILE_BYTES:,}")


def test_a_bad_snapshot_is_left_out_and_the_model_still_loads(tiny_copy, tmp_path):
    _, snap = ckpt.list_snapshots(tiny_copy)[0]
    outside = tmp_path / "snap.safetensors"
    shutil.move(snap, outside)
    snap.symlink_to(outside)
    broken = ckpt.check_folder(tiny_copy)
    assert [p for p, _ in broken] == [snap] and "outside its model folder" in broken[0][1]
    lm = explainer.load(tiny_copy)
    assert [p for p, _ in lm.broken_snapshots] == [snap]            # marked, not offered (pages.frame.sidebar)


def test_a_link_inside_the_folder_is_fine(tiny_copy):
    (tiny_copy / "kept").mkdir()
    shutil.move(tiny_copy / ckpt.TOKENIZER, tiny_copy / "kept" / ckpt.TOKENIZER)
    (tiny_copy / ckpt.TOKENIZER).symlink_to(tiny_copy / "kept" / ckpt.TOKENIZER)
    assert ckpt.check_folder(tiny_copy) == []
    assert explainer.load(tiny_copy).encode("Once upon a time")
