"""Train your own: a fresh tiny GPT trained in a background process while the page watches it learn."""

import shutil

import streamlit as st

from explainer import CheckpointError
from explainer import checkpoint as ckpt
from explainer.inputs import plain
from explainer.jobs import ACTIVE, PROBES, TrainingJob, new_folder
from explainer.plots.training import loss_figure
from explainer.train import MAX_TEXT_BYTES, MIN_TEXT_CHARS, TextError, check_text, decode_text
from explainer.views import training
from pages.frame.charts import chart
from pages.frame.language import t
from pages.frame.models import job_manager, own_model
from pages.frame.page import enter, page_top

enter(__file__)

SOURCES = ("stories", "paste", "upload")
POLL_S = 1.0                   # how often the live panel asks the job what it has done
TEXT_MB = 2                    # the uploader refuses bigger files before sending them
ZIP_MB = 40

facts = training.preset_facts("live")


def job() -> TrainingJob | None:
    return st.session_state.get("training.job")


def chosen_text() -> str | None:
    """The text to train on (None: the app's stories); TextError when it cannot be used."""
    source = st.session_state.get("training.source", "stories")
    if source == "paste":
        return check_text(st.session_state.get("training.paste", ""), t("training.source.paste").lower())
    if source == "upload":
        up = st.session_state.get("training.upload")
        if up is None:
            raise TextError(t("training.upload"))
        if up.size > MAX_TEXT_BYTES:            # the size is known before the bytes are read
            raise TextError(t("training.upload.too_big", name=up.name, size=up.size))
        return decode_text(up.getvalue(), up.name)
    return None


def start() -> None:
    old = job()
    try:
        text = chosen_text()
    except TextError as e:
        st.session_state["training.error"] = str(e)
        return
    st.session_state.pop("training.error", None)
    if old is not None:
        old.reset()
    _forget_upload()
    j = TrainingJob(new_folder(), job_manager(), preset="live", text=text)
    st.session_state["training.job"] = j
    j.start()


def resume() -> None:
    if job() is not None:
        job().resume()


def pause() -> None:
    if job() is not None:
        job().pause()


def reset() -> None:
    st.session_state.pop("training.confirm", None)
    if job() is not None:
        job().reset()
        del st.session_state["training.job"]
    if st.session_state.get("model_choice") == "yours":
        st.session_state["model_choice"] = "bundled"


def go_on() -> None:
    """After the training process died: on from the checkpoint it left."""
    if job() is not None:
        job().go_on()


def saved_step() -> int | None:
    """The step of this session's saved model, which starting again would delete (None: nothing saved)."""
    return job().checkpoint_step() if job() is not None else None


def ask(action: str) -> None:
    """Starting again deletes a saved model: ask first (``training.confirm``); with nothing saved, do it."""
    if saved_step():
        st.session_state["training.confirm"] = action
    else:
        (start if action == "start" else reset)()


def confirmed() -> None:
    action = st.session_state.pop("training.confirm", None)
    if action == "start":
        start()
    elif action == "reset":
        reset()


def keep() -> None:
    st.session_state.pop("training.confirm", None)


def use_mine() -> None:
    st.session_state["model_choice"] = "yours"
    st.session_state["training.used"] = True


def _forget_upload() -> None:
    up = st.session_state.pop("training.uploaded", None)
    if up:
        shutil.rmtree(up, ignore_errors=True)


def load_zip() -> None:
    f = st.session_state.get("training.zip")
    if f is None:
        return
    dest = new_folder()
    try:
        if f.size > ckpt.MAX_PACKED_BYTES:
            raise CheckpointError(f"{f.name} is {f.size:,} bytes; a checkpoint is at most {ckpt.MAX_PACKED_BYTES:,}")
        ckpt.unpack(f.getvalue(), dest, f.name)
        from explainer import load
        lm = load(dest)
    except CheckpointError as e:
        shutil.rmtree(dest, ignore_errors=True)
        st.session_state["training.load_msg"] = ("error", t("training.load.error", err=e))
        return
    if job() is not None:              # one own model per session: the loaded one replaces the training
        job().reset()
        del st.session_state["training.job"]
    _forget_upload()
    st.session_state["training.uploaded"] = str(dest)
    st.session_state["model_choice"] = "yours"
    st.session_state["training.load_msg"] = ("ok", t("training.load.ok", name=plain(f.name), params=f"{lm.n_params():,}",
                                                     step=int(lm.meta.get("step", 0))))


# ---- page --------------------------------------------------------------------------------------

page_top()
st.title(t("training.title"))
st.write(t("training.lead"))

st.subheader(t("training.loop.header"))
cols = st.columns(4)
for col, part in zip(cols, ("forward", "loss", "backward", "update")):
    col.markdown(t(f"training.loop.{part}", params=f"{facts['params']:,}"))

j = job()
active = j is not None and j.state in ACTIVE
with st.container(border=True):
    st.radio(t("training.source"), SOURCES, key="training.source", format_func=lambda s: t(f"training.source.{s}"),
             horizontal=True, disabled=active)
    source = st.session_state["training.source"]
    if source != "stories":
        st.caption(t("training.limits", min=MIN_TEXT_CHARS))
    if source == "paste":
        st.text_area(t("training.paste"), key="training.paste", height=150, max_chars=MAX_TEXT_BYTES, disabled=active)
    elif source == "upload":
        st.file_uploader(t("training.upload"), type=["txt"], key="training.upload", max_upload_size=TEXT_MB,
                         disabled=active)
    if source != "stories" and not active:
        try:
            text = chosen_text()
            st.caption(t("training.text.ok", chars=len(text)))
        except TextError as e:
            if source == "paste" and not st.session_state.get("training.paste") or \
                    source == "upload" and st.session_state.get("training.upload") is None:
                pass                                  # nothing given yet: no complaint
            else:
                st.warning(t("training.text.error", err=e))
    if st.session_state.get("training.error"):
        st.warning(t("training.text.error", err=st.session_state["training.error"]))
    b1, b2, b3 = st.columns(3)
    can_go_on = j.resumable() if j is not None else None
    if can_go_on is not None:                         # the process died: on from its checkpoint, by default
        b1.button(t("training.go_on", step=can_go_on), key="training.go_on_btn", on_click=go_on, type="primary",
                  use_container_width=True, icon=":material/play_arrow:")
    elif j is None or j.state in ("new", "error"):
        b1.button(t("training.start"), key="training.start_btn", on_click=ask, args=("start",), type="primary",
                  use_container_width=True, icon=":material/play_arrow:")
    elif j.state == "paused":
        b1.button(t("training.resume"), key="training.resume_btn", on_click=resume, type="primary",
                  use_container_width=True, icon=":material/play_arrow:")
    elif j.state != "finished":
        b1.button(t("training.pause"), key="training.pause_btn", on_click=pause, use_container_width=True,
                  disabled=j.state == "pausing", icon=":material/pause:")
    if j is not None:
        b2.button(t("training.reset"), key="training.reset_btn", on_click=ask, args=("reset",),
                  use_container_width=True, icon=":material/restart_alt:")
    if st.session_state.get("training.confirm") and saved_step():
        st.warning(t("training.confirm", step=saved_step()))
        c1, c2 = st.columns(2)
        c1.button(t("training.confirm.yes"), key="training.confirm_yes_btn", on_click=confirmed,
                  use_container_width=True, icon=":material/delete:")
        c2.button(t("training.confirm.no"), key="training.confirm_no_btn", on_click=keep, type="primary",
                  use_container_width=True)


def live_panel() -> None:
    """Polls the job: status line, numbers, loss chart, probe predictions. Reruns every POLL_S while the
    job is active; when it stops, the whole page runs again (buttons, the sidebar's model list)."""
    j = job()
    if j is None:
        st.info(t("training.empty"))
        return
    s = j.poll()
    state = s["state"]
    counts = j.manager.counts()
    key = "training.state.died" if state == "error" and s["died"] and s["resumable"] is not None else f"training.state.{state}"
    msg = t(key, step=s["step"], steps=s["steps"], pos=s["queue_position"] or 1, saved=s["resumable"] or 0,
            running=counts["running"], max=counts["max_running"], err=s["error"])
    (st.error if state == "error" else st.success if state == "finished" else st.info)(msg)
    if state in ("starting", "running", "pausing", "paused", "finished"):
        st.progress(min(1.0, s["step"] / max(1, s["steps"])))
    m = training.metrics(s)
    c = st.columns(5)
    c[0].metric(t("training.m.step"), f"{m['step']:,}")
    c[1].metric(t("training.m.loss"), "–" if m["loss"] is None else f"{m['loss']:.3f}")
    c[2].metric(t("training.m.tok"), "–" if m["tok_per_s"] is None else f"{m['tok_per_s']:,.0f}")
    c[3].metric(t("training.m.grad"), "–" if m["grad_norm"] is None else f"{m['grad_norm']:.2f}",
                help=t("training.m.grad.help"))
    c[4].metric(t("training.m.lr"), "–" if m["lr"] is None else f"{m['lr']:.5f}", help=t("training.m.lr.help"))

    st.subheader(t("training.chart.header"))
    st.caption(t("training.chart.caption", start=facts["start_loss"], vocab=facts["vocab"] + 1))
    frame = training.loss_frame(s)
    fig = loss_figure(frame, {"step": t("training.chart.step"),
                              "loss": t("training.chart.loss"), "train": t("training.chart.train"),
                              "val": t("training.chart.val")}, start_loss=facts["start_loss"])
    chart(fig, frame, "training_loss", key="training.chart.loss")

    st.subheader(t("training.probes.header"))
    probes = training.probe_frame(s)
    if not probes.empty:
        st.caption(t("training.probes.caption", step=s["probe_step"]))
        st.dataframe(probes, hide_index=True, width="stretch", column_config={
            "prompt": st.column_config.TextColumn(t("training.probes.prompt"), width="medium"),
            "top": st.column_config.TextColumn(t("training.probes.top"), width="large")})
        st.markdown(t("training.sample", prompt=PROBES[0], text=training.sample_text(s)))
        if s["first_probe_s"] is not None:
            st.caption(t("training.first_words", s=s["first_probe_s"]))
    was_active = st.session_state.get("training.was_active", False)
    now_active = state in ACTIVE
    st.session_state["training.was_active"] = now_active
    if was_active and not now_active:
        st.rerun(scope="app")                         # buttons and the sidebar's model list change


st.fragment(run_every=POLL_S if active else None)(live_panel)()

j = job()
if own_model() is not None:
    with st.container(border=True):
        mine = own_model()
        if st.session_state.get("model_choice") == "yours":
            st.success(t("training.use.done", step=int(mine.meta.get("step", 0))))
        else:
            st.button(t("training.use"), key="training.use_btn", on_click=use_mine, type="primary",
                      icon=":material/check:")
        st.caption(t("training.use.note"))
        st.download_button(t("training.download"), data=lambda: ckpt.pack(mine.folder), file_name="my-gpt.zip",
                           mime="application/zip", key="training.download_btn", icon=":material/download:")

with st.expander(t("training.load.header")):
    st.file_uploader(t("training.load"), type=["zip"], key="training.zip", max_upload_size=ZIP_MB,
                     on_change=load_zip)
    kind, text = st.session_state.get("training.load_msg", (None, None))
    if kind == "ok":
        st.success(text)
    elif kind == "error":
        st.error(text)

with st.expander(t("training.more")):
    m = job_manager()
    st.markdown(t("training.more.text", layers=facts["layers"], heads=facts["heads"], d=facts["d"], ctx=facts["ctx"],
                  params=f"{facts['params']:,}", vocab=facts["vocab"] + 1, threads=m.threads, max=m.max_running))
