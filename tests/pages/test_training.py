"""The "Train your own" page in AppTest: a short real run, pause, your model on every page, bad text,
download and load again. — pages/training.py"""

import io
import time
import zipfile

import pytest

pytestmark = pytest.mark.training

import explainer
from explainer import checkpoint as ckpt
from explainer.i18n import t
from tests.apphelp import open_app

OTHER_PAGES = ["pages/tokens.py", "pages/vectors.py", "pages/attention.py", "pages/lens.py", "pages/sampling.py",
               "pages/overview.py", "pages/timeline.py"]


def button(at, key):
    return next(b for b in at.button if b.key == key)


def texts(at) -> str:
    return " ".join(str(x.value) for kind in ("info", "success", "warning", "error", "markdown", "caption")
                    for x in at.get(kind))


@pytest.fixture
def page(monkeypatch, tmp_path):
    monkeypatch.setenv("EXPLAINER_JOBS_DIR", str(tmp_path))
    at = open_app(monkeypatch, None, "pages/training.py", query={"lang": "en"})
    yield at
    job = at.session_state["training.job"] if "training.job" in at.session_state else None
    if job is not None:
        job.reset()


def run_until(at, cond, timeout=600):      # a guard against a hang, not a speed limit
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        at.run()
        assert not at.exception, at.exception
        if cond(at):
            return
        time.sleep(0.3)
    raise AssertionError("timed out: " + texts(at)[:500])


def test_train_pause_and_use_it_on_every_page(page):
    at = page
    assert at.title[0].value == t("training.title")
    assert t("training.empty") in texts(at)
    button(at, "training.start_btn").click()
    at.run()
    job = at.session_state["training.job"]
    assert job.state in ("queued", "starting", "running")
    run_until(at, lambda a: job.step >= 120 and job.probes)
    assert "training.pause_btn" in [b.key for b in at.button]
    assert len(at.get("plotly_chart")) == 1 and at.dataframe          # the loss chart and the probes
    assert at.metric[0].value != "–"
    button(at, "training.pause_btn").click()
    run_until(at, lambda a: job.state == "paused")
    step = job.step
    assert t("training.state.paused", step=step, steps=job.steps) in texts(at)
    button(at, "training.use_btn").click()
    at.run()
    assert at.session_state["model_choice"] == "yours"
    assert t("training.use.done", step=step) in texts(at)
    mine = explainer.load(job.folder)
    assert mine.config.n_layer == 2 and mine.meta["step"] == step
    # (AppTest runs a page without the sidebar, whose Model box then forgets its value after the run:
    # the choice is set again before each page, as the sidebar keeps it in the app)
    for page_file in OTHER_PAGES + ["pages/attention.py"]:   # every page works on it
        at.session_state["model_choice"] = "yours"
        at.switch_page(page_file)
        at.run()
        assert not at.exception, (page_file, at.exception)
    assert any("2 layers × 2 heads" in c.value for c in at.caption), [c.value for c in at.caption][:5]
    at.switch_page("pages/training.py")
    at.run()
    button(at, "training.resume_btn").click()
    at.run()
    run_until(at, lambda a: job.step > step + 20)
    button(at, "training.reset_btn").click()                   # a saved model: it asks first
    at.run()
    assert job.folder.exists()
    button(at, "training.confirm_yes_btn").click()
    at.run()
    assert "training.job" not in at.session_state and not job.folder.exists()
    assert (at.session_state["model_choice"] if "model_choice" in at.session_state else "bundled") != "yours"
    assert "training.use_btn" not in [b.key for b in at.button]           # no own model any more


def test_a_killed_training_goes_on_and_start_again_asks_first(page, tmp_path):
    """The training process is killed after its checkpoint at step 250: the page says what
    happened without a server path and offers "Go on from step 250" (the default); "start again"
    asks before it deletes anything; going on trains on from step 250."""
    import os
    import signal
    at = page
    button(at, "training.start_btn").click()
    at.run()
    job = at.session_state["training.job"]
    run_until(at, lambda a: job.checkpoint_step() == 250)
    os.kill(job._proc.pid, signal.SIGKILL)
    run_until(at, lambda a: job.state == "error")
    shown = texts(at)
    assert t("training.state.died", saved=250) in [e.value for e in at.error]
    assert str(tmp_path) not in shown and "worker.log" not in shown
    go = button(at, "training.go_on_btn")
    assert go.label == t("training.go_on", step=250) and go.proto.type == "primary"
    assert "training.start_btn" not in [b.key for b in at.button]

    button(at, "training.reset_btn").click()                   # asks; nothing is deleted yet
    at.run()
    assert t("training.confirm", step=250) in [w.value for w in at.warning]
    assert job.folder.exists() and job.checkpoint_step() == 250
    button(at, "training.confirm_no_btn").click()
    at.run()
    assert "training.confirm" not in at.session_state and job.folder.exists()

    button(at, "training.go_on_btn").click()
    at.run()
    run_until(at, lambda a: job.step > 300)
    assert job.state in ("running", "pausing", "paused", "finished")
    steps = [s for s, _ in job.history]
    assert steps == list(range(1, steps[-1] + 1))               # every step once, on from 250
    job.pause()


def test_pasted_text_is_checked_before_training(page):
    at = page
    at.radio(key="training.source").set_value("paste").run()
    at.text_area(key="training.paste").set_value("far too short").run()
    assert "at least 2,000" in texts(at)
    button(at, "training.start_btn").click()
    at.run()
    assert "training.job" not in at.session_state              # nothing started
    assert not at.exception


def test_download_and_load_again(page, tiny_dir):
    data = ckpt.pack(tiny_dir)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "config.json" in names and "model.safetensors" in names and not any(n.startswith("data/") for n in names)
    dest = ckpt.unpack(data, page.session_state["training.job"].folder if False else tiny_dir.parent / "unpacked")
    assert explainer.load(dest).meta["step"] == explainer.load(tiny_dir).meta["step"]
    with pytest.raises(explainer.CheckpointError, match="my.zip is not a checkpoint zip"):
        ckpt.unpack(b"not a zip", tiny_dir.parent / "bad", "my.zip")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("../../etc/passwd", "x")
        z.writestr("config.json", "{}")
    with pytest.raises(explainer.CheckpointError, match="has no config.json and model.safetensors"):
        ckpt.unpack(buf.getvalue(), tiny_dir.parent / "bad2", "evil.zip")


def test_a_server_folder_of_models_is_offered_in_the_sidebar(monkeypatch, tiny_dir, tmp_path):
    import shutil
    runs = tmp_path / "runs"
    shutil.copytree(tiny_dir, runs / "class-run", ignore=shutil.ignore_patterns("data"))
    (runs / "not-a-model").mkdir()
    monkeypatch.setenv("EXPLAINER_MODELS", str(runs))
    at = open_app(monkeypatch, None, query={"lang": "en"})
    box = at.selectbox(key="_model_box")
    label = t("app.model.folder", name="class-run")
    assert label in box.options and not any("not-a-model" in o for o in box.options)   # options as shown
    # (AppTest's later runs are the page alone, without the sidebar: the choice is made as the first run's state)
    at = open_app(monkeypatch, None, query={"lang": "en"}, state={"model_choice": "folder:class-run"})
    assert not at.exception and not at.error
    params = explainer.load(tiny_dir).model.n_params() / 1e6
    assert any(f"{params:.2f}M parameters" in c.value for c in at.caption), [c.value for c in at.caption][:3]
