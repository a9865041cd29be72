"""Choosing and loading the model a page reads: the bundled (or served) model, its training
snapshots, checkpoints in the server's model folder, and the session's own model.

Shared models are loaded once per server (``st.cache_resource``) and never changed; the session's
own model lives in the session."""

from __future__ import annotations

import gc
import logging
import time
from pathlib import Path

import streamlit as st

import explainer
from explainer import gpt2, settings

from .language import lang, t
from .run import RUN
from .server import signed
from .warmup import start_warm_up

MODELS_ENV = "EXPLAINER_MODELS"      # a folder of checkpoint folders the server offers (never a browser's path)
GPT2 = "gpt2:"                        # model_choice of a GPT-2 from Hugging Face: gpt2:NAME (explainer.gpt2.HUB)
RETRY_AFTER_S = 300                   # a failed download is not tried again (by anyone) for this long


@st.cache_resource(show_spinner="Loading the model…")
@signed
def load_model(path: str | None = None) -> "explainer.LM":
    """One read-only model shared by every user (never mutated; interventions are per call). The
    first time a server loads it, a background run-through of every page fills the caches."""
    lm = explainer.load(path)
    # everything loaded so far lives as long as the server: keep it out of the garbage collector's
    # full passes, which would otherwise walk PyTorch's and the caches' objects again and again
    gc.collect()
    gc.freeze()
    if path is None:
        start_warm_up()
    return lm


@st.cache_resource(show_spinner="Loading a snapshot…")
@signed
def load_snapshot(path: str) -> "explainer.LM":
    """A training snapshot of the served model or of the bundled Chinese one (its run's tokenizer and
    word list come with it)."""
    return snapshot_owner(path).at_snapshot(path)


def snapshot_owner(path: str) -> "explainer.LM":
    """The finished model a snapshot file was kept from: the bundled Chinese one for its snapshots,
    else the served one."""
    return load_model(str(bundled_zh())) if is_chinese_snapshot(path) else base_model()


def is_chinese_snapshot(path: str) -> bool:
    """Whether ``path`` (a model choice) is a training snapshot of the bundled Chinese model."""
    zh = bundled_zh()
    return zh is not None and path not in ("", "bundled", "bundled_zh") and \
        Path(path).resolve().parent.parent == zh.resolve()


def server_models() -> dict[str, tuple[Path, str | None]]:
    """name → (folder, what is wrong or None) of every checkpoint in $EXPLAINER_MODELS (folders
    holding a config.json). Each is checked (``explainer.lm.check``, headers only) once per
    change of its files: a damaged one is marked in the sidebar instead of offered."""
    root = settings.get(MODELS_ENV)
    if root is None or not root.is_dir():
        return {}
    out = {}
    for p in sorted(Path(root).iterdir())[:50]:
        if (p / "config.json").is_file():
            out[p.name] = (p, _folder_problem(str(p), _files_stamp(p)))
    return out


def _files_stamp(folder: Path) -> tuple:
    try:
        return tuple(sorted((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in folder.iterdir()))
    except OSError:
        return ()


@st.cache_resource(show_spinner=False, max_entries=64)
@signed
def _folder_problem(path: str, stamp: tuple) -> str | None:
    try:
        explainer.lm.check(Path(path))
        return None
    except (explainer.CheckpointError, OSError) as e:
        return str(e) if isinstance(e, explainer.CheckpointError) else type(e).__name__


@st.cache_resource(show_spinner="Loading a model…", max_entries=8)
@signed
def load_folder(path: str) -> "explainer.LM":
    """A checkpoint from the server's model folder: shared and read-only, like the bundled one."""
    return explainer.load(path)


@st.cache_resource(show_spinner="Loading a model…", max_entries=2)
@signed
def load_gpt2_folder(path: str) -> "explainer.LM":
    """A GPT-2 folder from the server's model folder (≈ 500 MB each once loaded: at most two are held,
    as for the downloads). Its heavy first views are computed in the background once it is loaded, as
    the bundled model's are at start."""
    lm = explainer.load(path)
    start_warm_up(query=f"model=folder:{Path(path).name}")
    return lm


@st.cache_resource
def job_manager() -> "JobManager":  # noqa: F821
    """The server's one queue of trainings (bounded: see explainer.jobs.JobManager)."""
    from explainer.jobs import JobManager
    return JobManager()


def own_folder() -> Path | None:
    """This session's own model: its training once paused or finished, else a model it loaded."""
    job = st.session_state.get("training.job")
    if job is not None and job.state in ("paused", "finished") and job.has_checkpoint():
        return job.folder
    up = st.session_state.get("training.uploaded")
    return Path(up) if up and (Path(up) / "config.json").is_file() else None


def own_model() -> "explainer.LM | None":
    """The session's own model, loaded once per checkpoint step (kept in this session only)."""
    folder = own_folder()
    if folder is None:
        return None
    try:
        step = int(explainer.checkpoint.read_config(folder)[1].get("step", 0))
    except (explainer.CheckpointError, OSError, ValueError, TypeError):
        return None
    held = st.session_state.get("training.lm")
    if held and held[0] == str(folder) and held[1] == step:
        return held[2]
    lm = explainer.load(folder)
    st.session_state["training.lm"] = (str(folder), step, lm)
    return lm


def served_folder() -> Path:
    """The checkpoint this server was told to serve: ``$EXPLAINER_CHECKPOINT``, else the bundled one."""
    return Path(settings.get("EXPLAINER_CHECKPOINT") or explainer.lm.ASSETS)


def base_model() -> "explainer.LM":
    """The session's finished model: the served one, or the bundled one after a damaged served model
    (the user pressed the button that ``base_model_or_stop`` offers)."""
    if st.session_state.get("_use_bundled"):
        return load_model(str(explainer.lm.ASSETS))
    return load_model(None)


def _use_bundled() -> None:
    st.session_state["_use_bundled"] = True
    st.session_state["model_choice"] = "bundled"


def base_model_or_stop() -> "explainer.LM":
    """``base_model()``, or, when its checkpoint is damaged or missing, one clear message in the page
    (which file, what is wrong) with a button back to the bundled model, and the page stops there."""
    try:
        return base_model()
    except (explainer.CheckpointError, OSError) as e:
        err = e if isinstance(e, explainer.CheckpointError) else f"{type(e).__name__}"
        log_problem("the served model cannot be loaded", e)
    st.error(t("app.model.unusable", err=err))
    bundled = Path(explainer.lm.ASSETS).resolve()
    if not st.session_state.get("_use_bundled") and served_folder().resolve() != bundled:
        try:
            load_model(str(bundled))
            st.button(t("app.model.use_bundled"), on_click=_use_bundled, type="primary", key="_use_bundled_btn")
        except (explainer.CheckpointError, OSError) as e:
            log_problem("the bundled model cannot be loaded either", e)
    st.stop()


def log_problem(what: str, e: BaseException) -> None:
    """The detail for the server's log (paths and all); the user sees the short message."""
    logging.getLogger("explainer").warning("%s: %s", what, e)


def bundled_zh() -> Path | None:
    """The bundled model that reads Chinese, when this installation has one."""
    folder = Path(explainer.lm.ASSETS_ZH)
    return folder if (folder / "config.json").is_file() else None


def default_model(language: str) -> str:
    """The model a page opens on in ``language``: the bundled Chinese model for Chinese (when this
    installation has it), else the served one."""
    return "bundled_zh" if language == "zh" and bundled_zh() is not None else "bundled"


def model_for_language(model_lang: str) -> "explainer.LM":
    """The shared model that reads ``model_lang``: the bundled Chinese model for ``zh`` (when this
    installation has it), else the served one (a class runs on it, whatever each student chose)."""
    if model_lang == "zh" and bundled_zh() is not None:
        try:
            return load_model(str(bundled_zh()))
        except (explainer.CheckpointError, OSError) as e:
            log_problem("the Chinese model cannot be loaded", e)
    return base_model_or_stop()


def current_model() -> "explainer.LM":
    """The model the session chose in the sidebar (``model_choice``); a choice that can no longer be
    loaded falls back to the finished model with a message naming what is wrong.

    A run asks for it ≈ 10 times (every cached computation names its model), so it is found once per
    run and choice (``run.RUN``, forgotten as the next page run begins)."""
    chosen = st.session_state.get("model_choice")
    key = (chosen, lang(), bool(st.session_state.get("_use_bundled")))
    kept = getattr(RUN, "model", None)
    if kept is not None and kept[0] == key:
        return kept[1]
    lm = _chosen_model(chosen or default_model(key[1]))      # (the default looks for the Chinese model's files)
    RUN.model = (key, lm)
    return lm


def _chosen_model(choice: str) -> "explainer.LM":
    if choice == "bundled":
        return base_model_or_stop()
    if choice == "bundled_zh":
        try:
            if bundled_zh() is None:
                raise explainer.CheckpointError("the Chinese model is not installed here")
            return load_model(str(bundled_zh()))
        except (explainer.CheckpointError, OSError) as e:
            st.session_state["model_choice"] = "bundled"
            st.error(t("app.model.folder_error", err=e))
            return base_model_or_stop()
    if choice == "yours":
        try:
            mine = own_model()
        except explainer.CheckpointError:
            mine = None
        if mine is None:
            st.session_state["model_choice"] = "bundled"
            st.info(t("app.model.yours_gone"))
            return base_model_or_stop()
        return mine
    if choice.startswith(GPT2):
        return _gpt2_model(choice[len(GPT2):])
    if choice.startswith("folder:"):
        name = choice.split(":", 1)[1]
        folder, problem = server_models().get(name, (None, None))
        try:
            if folder is None:
                raise explainer.CheckpointError(f"{name[:40]} is not in the server's model folder")
            if problem:
                raise explainer.CheckpointError(problem)
            return (load_gpt2_folder if gpt2.is_gpt2_folder(folder) else load_folder)(str(folder))
        except (explainer.CheckpointError, OSError) as e:
            st.session_state["model_choice"] = "bundled"
            st.error(t("app.model.folder_error", err=e))
            return base_model_or_stop()
    try:
        return load_snapshot(choice)
    except (explainer.CheckpointError, OSError) as e:
        # a damaged snapshot file: say which, leave it out of the list, go on with the finished model
        st.session_state.setdefault("_broken_snapshots", {})[choice] = str(e)
        st.error(t("app.snapshot_error", err=e))
        return base_model_or_stop()


# ---- GPT-2 from Hugging Face: downloaded once when a user picks it and the server is online ----------

def gpt2_offered() -> list[str]:
    """The GPT-2 models this server offers: those whose weights fit its memory budget per model
    (``EXPLAINER_MAX_LOAD_MB``; the default 1,024 MB takes GPT-2 small and DistilGPT2, not GPT-2 medium)."""
    budget = settings.get("EXPLAINER_MAX_LOAD_MB") * 1_000_000
    return [n for n, (_, _, params) in gpt2.HUB.items() if 4 * params <= budget]


@st.cache_resource(ttl=30, show_spinner=False)
@signed
def gpt2_on_disk(name: str) -> bool:
    """Whether GPT-2 ``name`` was downloaded before (looked up in the cache, no request)."""
    return gpt2.cached(name) is not None


@st.cache_resource(show_spinner=False)
def _gpt2_failures() -> dict[str, tuple[float, str]]:
    """name → (when, why) of the last failed download, shared by the server's sessions."""
    return {}


def gpt2_problem(name: str) -> str | None:
    """Why GPT-2 ``name`` could not be downloaded, when someone tried in the last few minutes."""
    when, why = _gpt2_failures().get(name, (0.0, ""))
    return why if time.time() - when < RETRY_AFTER_S else None


@st.cache_resource(show_spinner=False, max_entries=2)
@signed
def load_gpt2(name: str) -> "explainer.LM":
    """GPT-2 ``name``, shared read-only by every session like the bundled model (downloaded first if
    this server has not got it yet)."""
    lm = explainer.load(gpt2.download(name))
    gc.collect()
    gc.freeze()
    start_warm_up(query=f"model={GPT2}{name}")       # its heavy first views, in the background
    return lm


def _gpt2_model(name: str) -> "explainer.LM":
    """The GPT-2 the session chose; when it cannot be downloaded, a notice saying so and the page's
    default model (nothing else changes)."""
    try:
        if name not in gpt2_offered():
            raise explainer.CheckpointError(f"{name[:30]} is not offered by this server")
        if (problem := gpt2_problem(name)) is not None:
            raise gpt2.GPT2Unavailable(problem)
        if gpt2_on_disk(name):
            return load_gpt2(name)
        with st.spinner(t("app.model.gpt2_downloading", name=t(f"app.gpt2.{name}"), mb=f"{gpt2.HUB[name][1]:,}")):
            lm = load_gpt2(name)
        gpt2_on_disk.clear()
        return lm
    except gpt2.GPT2Unavailable as e:
        _gpt2_failures()[name] = (time.time(), str(e))
        log_problem(f"GPT-2 {name} cannot be had", e)
        st.session_state["model_choice"] = default_model(lang())
        st.warning(t("app.model.gpt2_offline", name=t(f"app.gpt2.{name}") if name in gpt2.HUB else name[:30]))
        return current_model()
    except (explainer.CheckpointError, OSError) as e:
        st.session_state["model_choice"] = default_model(lang())
        st.error(t("app.model.folder_error", err=e))
        return current_model()


def is_gpt2(lm: "explainer.LM") -> bool:
    """Whether ``lm`` is a GPT-2 (downloaded or from a folder) rather than a model trained here."""
    return lm.meta.get("kind") == "gpt2"


def gpt2_title(lm: "explainer.LM") -> str:
    """A GPT-2's name as the pages write it: "GPT-2 small" for a download (or a folder named gpt2), else
    the folder's name."""
    name = str(lm.meta.get("name", "GPT-2"))
    return t(f"app.gpt2.{name}") if name in gpt2.HUB else name[:40]


def model_key() -> str:
    """Names the chosen model (bundled, or a snapshot's file) for the caches."""
    lm = current_model()
    return f"{st.session_state.get('model_choice', 'bundled')}|{lm.folder}|{lm.meta.get('step', '')}"
