"""Training jobs without Streamlit: start, pause, resume, reset, finish, error, the queue, your own text."""

import json
import time

import numpy as np
import pytest

pytestmark = pytest.mark.training

import explainer
from explainer import checkpoint as ckpt
from explainer.jobs import STOP, JobManager, TrainingJob, new_folder
from explainer.train import MAX_TEXT_BYTES, MIN_TEXT_CHARS, TextError, check_text, decode_text, split_text


# a guard against a hung child process, not a speed limit: speed is in benchmarks (docs/benchmarks.md)
HANG = 600


def job(tmp_path, manager=None, **kw) -> TrainingJob:
    return TrainingJob(new_folder(tmp_path), manager or JobManager(max_running=1, threads=1), **kw)


def wait_for(j: TrainingJob, cond, timeout: float = HANG) -> dict:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        st = j.poll()
        if cond(st):
            return st
        time.sleep(0.05)
    raise AssertionError(f"timed out; state {j.state}, step {j.step}, error {j.error}")


def test_start_to_finish_gives_a_loadable_model_that_learned(tmp_path):
    j = job(tmp_path, steps=150)
    assert j.state == "new" and not j.has_checkpoint()
    j.start()
    assert j.state in ("queued", "starting")
    st = j.wait(timeout=HANG)
    assert st["state"] == "finished", st["error"]
    assert st["step"] == 150 and j.checkpoint_step() == 150
    steps = [s for s, _ in st["history"]]
    assert steps == sorted(steps) and steps[-1] == 150
    first, last = np.mean([l for _, l in st["history"][:10]]), np.mean([l for _, l in st["history"][-10:]])
    assert last < first - 1.0                       # it learned (from ~7 nats at random)
    assert [s for s, _ in st["val"]] == [50, 100, 150]
    assert set(st["probes"]["next"]) == set(j.prompts) and all(len(v) == 5 for v in st["probes"]["next"].values())
    lm = explainer.load(j.folder)
    assert lm.meta["step"] == 150 and lm.meta["data"] == "generated corpus"
    assert st["last"]["tok_per_s"] > 0 and st["last"]["grad_norm"] > 0 and st["last"]["lr"] > 0


def test_pause_and_resume_lose_no_step(tmp_path):
    j = job(tmp_path, steps=300)
    j.start()
    wait_for(j, lambda st: st["step"] >= 60)
    j.pause()
    assert j.state == "pausing"
    st = j.wait(timeout=HANG)
    assert st["state"] == "paused"
    paused_at = st["step"]
    assert 60 <= paused_at < 300 and j.checkpoint_step() == paused_at
    assert explainer.load(j.folder).meta["step"] == paused_at      # a usable model while paused
    j.resume()
    st = j.wait(timeout=HANG)
    assert st["state"] == "finished" and st["step"] == 300
    steps = [s for s, _ in st["history"]]
    assert steps == list(range(1, 301))             # every step once: none lost, none repeated
    rows = ckpt.read_json(j.folder / ckpt.LOSS_LOG)["rows"]
    assert [r["step"] for r in rows] == list(range(50, 301, 50))


def test_reset_stops_the_child_and_deletes_everything(tmp_path):
    j = job(tmp_path, steps=5000)
    j.start()
    wait_for(j, lambda st: st["state"] == "running")
    proc = j._proc
    j.reset()
    assert proc.poll() is not None                  # the child is gone
    assert not j.folder.exists()
    assert j.state == "new" and j.step == 0 and j.history == [] and j.manager.counts()["running"] == 0


def test_a_failing_child_is_an_error_with_its_reason(tmp_path):
    j = job(tmp_path, steps=50)
    j.folder.mkdir(parents=True)
    (j.folder / ckpt.WEIGHTS).write_bytes(b"not a safetensors file")   # a damaged checkpoint to resume
    j.start()
    st = j.wait(timeout=HANG)
    assert st["state"] == "error"
    assert "missing" in st["error"] or "damaged" in st["error"] or "safetensors" in st["error"].lower()


def test_a_killed_child_goes_on_from_its_checkpoint(tmp_path):
    """The training process is killed (out of memory, a restart) after its checkpoint at step 250:
    the job says so without a server path, offers step 250, and going on from it finishes with
    every step once in the chart and the folder kept."""
    import os
    import signal
    j = job(tmp_path, steps=400)
    j.start()
    wait_for(j, lambda st: j.checkpoint_step() == 250)
    os.kill(j._proc.pid, signal.SIGKILL)
    st = wait_for(j, lambda st: st["state"] == "error")
    assert st["died"] and st["resumable"] == 250 and st["has_checkpoint"]
    assert "unexpectedly" in st["error"] and str(tmp_path) not in st["error"] and "/" not in st["error"]
    j.go_on()
    assert j.step == 250 and all(s <= 250 for s, _ in j.history)
    st = j.wait(timeout=HANG)
    assert st["state"] == "finished" and st["step"] == 400, st["error"]
    assert [s for s, _ in st["history"]] == list(range(1, 401))    # none lost, none twice
    assert explainer.load(j.folder).meta["step"] == 400
    rows = ckpt.read_json(j.folder / ckpt.LOSS_LOG)["rows"]
    assert [r["step"] for r in rows] == list(range(50, 401, 50))


def test_the_queue_bounds_running_jobs(tmp_path):
    m = JobManager(max_running=1, threads=1)
    a, b = job(tmp_path, m, steps=2000), job(tmp_path, m, steps=100)
    a.start()
    b.start()
    assert m.counts() == {"running": 1, "waiting": 1, "max_running": 1}
    assert b.state == "queued" and b.position() == 1 and a.position() is None
    wait_for(a, lambda st: st["state"] == "running")
    b.poll()
    assert b.state == "queued"                      # still waiting while a runs
    a.pause()
    a.wait(timeout=HANG)
    st = wait_for(b, lambda st: st["state"] in ("starting", "running", "finished"))
    assert st["queue_position"] is None
    assert b.wait(timeout=HANG)["state"] == "finished"
    a.reset()


def test_a_full_queue_says_so(tmp_path):
    m = JobManager(max_running=1, threads=1, max_waiting=1)
    jobs = [job(tmp_path, m, steps=5000) for _ in range(3)]
    for j in jobs:
        j.start()
    assert jobs[2].state == "error" and "already waiting" in jobs[2].error
    for j in jobs:
        j.reset()


def test_an_abandoned_job_is_paused_and_frees_its_place(tmp_path):
    m = JobManager(max_running=1, threads=1, lease_s=1.0)
    a = job(tmp_path, m, steps=5000)
    a.start()
    wait_for(a, lambda st: st["step"] > 5)
    time.sleep(1.2)                                 # nobody polls a: its page was closed
    m.tick()
    assert a.state == "pausing" and (a.folder / STOP).exists()
    assert a.wait(timeout=HANG)["state"] == "paused"
    a.reset()


def test_own_text_is_checked_and_used(tmp_path):
    with pytest.raises(TextError, match="at least 2,000"):
        check_text("too short")
    with pytest.raises(TextError, match="NUL"):
        decode_text(b"abc\x00def" * 500, "upload.txt")
    with pytest.raises(TextError, match="upload.txt is not UTF-8"):
        decode_text(b"\xff\xfe\xfa" * 1000, "upload.txt")
    with pytest.raises(TextError, match="2,000,000 bytes"):
        decode_text(b"a" * (MAX_TEXT_BYTES + 1), "big.txt")
    with pytest.raises(TextError):
        TrainingJob(new_folder(tmp_path), JobManager(), text="")
    text = ("The little robot counted stars every night. 小机器人每晚数星星。🚀 " * 200)
    assert len(text) > MIN_TEXT_CHARS
    train_part, val_part = split_text(text)
    assert train_part + val_part == text and 0.05 < len(val_part) / len(text) < 0.2
    j = job(tmp_path, text=text, steps=100)
    st = j.start() or j.wait(timeout=HANG)
    assert st["state"] == "finished", st["error"]
    lm = explainer.load(j.folder)
    assert lm.meta["data"] == "own text"
    assert (j.folder / "data" / "corpus.txt").read_text(encoding="utf-8") == train_part
    merges = json.loads((j.folder / ckpt.MERGES).read_text())
    assert merges                                   # a tokenizer of its own, learned from this text
    assert lm.next_token("The little robot counted", 1)[0][0] == " stars"


@pytest.mark.parametrize("kind", ["chinese", "russian"])
def test_own_text_in_another_script_trains_in_the_job_runner(tmp_path, kind):
    """Chinese or Russian prose through the job runner (the Train-your-own page's path): the child
    finishes, the model loads and continues a prompt, and its word vectors know the text's words."""
    from tests.engine.test_own_text import CHINESE, RUSSIAN
    text, probe = {"chinese": (CHINESE * 20, "猫"), "russian": (RUSSIAN * 6, "дождь")}[kind]
    j = job(tmp_path, text=check_text(text), steps=20)
    st = j.start() or j.wait(timeout=HANG)
    assert st["state"] == "finished", st["error"]
    lm = explainer.load(j.folder)
    assert lm.meta["data"] == "own text" and len(lm.next_token(text[:30], 3)) == 3
    assert lm.neighbours(probe, k=3)


def test_the_shared_model_is_never_touched(tmp_path, bundled_lm):
    before = {n: p.detach().clone() for n, p in bundled_lm.model.named_parameters()}
    j = job(tmp_path, steps=50)
    j.start()
    assert j.wait(timeout=HANG)["state"] == "finished"
    mine = explainer.load(j.folder)
    assert mine is not bundled_lm and mine.folder != bundled_lm.folder
    assert all(bundled_lm.model.get_parameter(n).equal(p) for n, p in before.items())


def test_command_line_trains_on_a_text_file(tmp_path, capsys):
    from explainer.__main__ import main
    src = tmp_path / "story.txt"
    src.write_text("Once upon a time a fox met a crow. The crow had cheese. " * 80, encoding="utf-8")
    out = tmp_path / "run"
    assert main(["train", "--preset", "live", "--steps", "40", "--text", str(src), "--out", str(out),
                 "--no-progress"]) == 0
    assert explainer.load(out).meta["step"] == 40
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\x00\x00" * 1000)
    assert main(["train", "--preset", "live", "--text", str(bad), "--out", str(tmp_path / "x")]) == 2
    assert f"{bad} contains NUL bytes" in capsys.readouterr().err


def test_compiled_training_is_recorded_and_kept_on_resume(tmp_path):
    from explainer.train import choose_compile, train, PRESETS
    import torch
    cpu = torch.device("cpu")
    assert choose_compile("auto", PRESETS["default"], cpu, 5000, lambda *a: None)      # ~40 min of work: compile
    assert not choose_compile("auto", PRESETS["live"], cpu, 1500, lambda *a: None)    # seconds: eager
    with pytest.raises(ValueError, match="compile must be one of"):
        choose_compile("maybe", PRESETS["live"], cpu, 10)
    out = tmp_path / "run"
    train("live", out, steps=20, until=10, compile="on", precision="fp32", progress=False, log=lambda *a: None)
    assert ckpt.read_config(out)[1]["compiled"] is True and ckpt.read_config(out)[1]["step"] == 10
    train("live", out, steps=20, compile="off", precision="fp32", progress=False, log=lambda *a: None)
    meta = ckpt.read_config(out)[1]
    assert meta["compiled"] is True and meta["step"] == 20          # the run's first decision holds
    assert explainer.load(out).next_token("Once upon a", 1)


def test_old_job_folders_are_cleared_new_ones_kept(tmp_path):
    import os
    old, recent = tmp_path / ("a" * 32), tmp_path / ("b" * 32)
    for d in (old, recent):
        d.mkdir()
    os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    fresh = new_folder(tmp_path)
    assert not old.exists() and recent.exists() and fresh.parent == tmp_path and not fresh.exists()


def test_a_save_cut_off_leaves_the_last_whole_checkpoint(tmp_path):
    """A process killed while it writes a checkpoint: a save not marked complete is dropped (the
    files in place were not touched), one marked complete is finished on the next look."""
    from explainer.train import SAVED, SAVING, resume_step
    j = job(tmp_path, steps=300)
    j.start()
    wait_for(j, lambda st: st["step"] >= 120)
    j.pause()
    st = j.wait(timeout=HANG)
    at = st["step"]
    assert resume_step(j.folder) == at
    stage = j.folder / SAVING                                      # half a save of a later step
    stage.mkdir()
    (stage / ckpt.WEIGHTS).write_bytes(b"half a file")
    assert resume_step(j.folder) == at and not stage.exists()
    stage.mkdir()                                                  # a whole save, killed before its renames
    import shutil
    for name in (ckpt.WEIGHTS, ckpt.LOSS_LOG, "train_state.safetensors", ckpt.CONFIG):
        shutil.copy(j.folder / name, stage / name)
    cfg = ckpt.read_json(stage / ckpt.CONFIG)
    (stage / SAVED).touch()
    (j.folder / ckpt.CONFIG).unlink()                              # the old config already gone
    assert resume_step(j.folder) == at and ckpt.read_json(j.folder / ckpt.CONFIG) == cfg
    j.resume()
    assert j.wait(timeout=HANG)["state"] == "finished"
