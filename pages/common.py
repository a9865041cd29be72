"""Streamlit helpers shared by the pages — the one place for them: the shared model and the
sidebar, the current prompt and its empty-prompt guard, computations cached per chosen model,
messages and lists in the page's language, charts with CSV export.

Layout only: every number shown comes from ``explainer``."""

from __future__ import annotations

import functools
import gc
import io
import threading
from collections import OrderedDict
from pathlib import Path

import streamlit as st

import explainer
from explainer import settings
from explainer.inputs import clean_text, literal, no_paths, plain, shortened
from explainer.i18n import LANGUAGES, pick_language, t as _t
from explainer.plots import CONFIG
from explainer.views.tokens import fragment_share

DEFAULT_PROMPT = "When Mary and John went to the store, John gave a drink to"
MAX_PROMPT = 5_000       # characters of the shared prompt (the model reads its last 128 tokens anyway)


@st.cache_resource(show_spinner="Loading the model…")
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


# one page per concept; its name is shared by pages/<name>.py, explainer/views/<name>.py,
# explainer/plots/<name>.py, explainer/text/<name>.py, the message keys "<name>.*" and the URL
PAGES = [  # (name, icon, default)
    ("lesson", ":material/school:", False),
    ("overview", ":material/home:", True),
    ("counting", ":material/functions:", False),
    ("tokens", ":material/text_fields:", False),
    ("vectors", ":material/scatter_plot:", False),
    ("attention", ":material/visibility:", False),
    ("lens", ":material/layers:", False),
    ("neurons", ":material/hub:", False),
    ("sampling", ":material/casino:", False),
    ("timeline", ":material/timeline:", False),
    ("training", ":material/model_training:", False),
    ("classroom", ":material/groups:", False),
]


def start_warm_up() -> None:
    """Open every page once, in the background, over this server's own WebSocket — what a teacher's
    run-through before class does — so the heavy first views (head labels, maps, the lesson's
    answers, figures) are ready when students arrive. Only under a running server (not in AppTest);
    ``EXPLAINER_WARM_UP=0`` turns it off. A warm-up that fails costs speed, nothing else."""
    from streamlit import runtime
    if settings.get("EXPLAINER_WARM_UP") == "0" or not runtime.exists():
        return
    port = st.get_option("server.port")
    threading.Thread(target=_warm_up, args=(int(port),), name="explainer-warm-up", daemon=True).start()


async def script_run(ws, page: str, widget_states=(), timeout: float = 300, query: str = ""):
    """Over Streamlit's own WebSocket ``ws`` (what a browser tab speaks), ask for a run of ``page``
    with these widget states; yield every ForwardMsg until that run has finished (a run cut short by
    a newer one is waited past)."""
    import asyncio

    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    msg = BackMsg()
    msg.rerun_script.page_name = page
    msg.rerun_script.query_string = query
    msg.rerun_script.widget_states.widgets.extend(widget_states)
    await ws.send(msg.SerializeToString())
    while True:
        fwd = ForwardMsg()
        fwd.ParseFromString(await asyncio.wait_for(ws.recv(), timeout))
        yield fwd
        if fwd.WhichOneof("type") == "script_finished" and \
                fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return


def _warm_up(port: int) -> None:
    import asyncio

    import websockets

    async def walk() -> None:
        async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=2**27) as ws:
            for name, _, _ in PAGES:
                async for _ in script_run(ws, name):
                    pass
    try:
        asyncio.run(walk())
    except Exception:          # noqa: BLE001 — nothing a student does depends on it
        pass


@st.cache_resource(show_spinner="Loading a snapshot…")
def load_snapshot(path: str) -> "explainer.LM":
    return base_model().at_snapshot(path)


# ---- models beside the bundled one -------------------------------------------------------------
MODELS_ENV = "EXPLAINER_MODELS"      # a folder of checkpoint folders the server offers (never a browser's path)


def server_models() -> dict[str, tuple[Path, str | None]]:
    """name → (folder, what is wrong or None) of every checkpoint in $EXPLAINER_MODELS (folders
    holding a config.json). Each is checked (``checkpoint.check_folder``, headers only) once per
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
def _folder_problem(path: str, stamp: tuple) -> str | None:
    try:
        explainer.checkpoint.check_folder(Path(path))
        return None
    except (explainer.CheckpointError, OSError) as e:
        return str(e) if isinstance(e, explainer.CheckpointError) else type(e).__name__


@st.cache_resource(show_spinner="Loading a model…", max_entries=8)
def load_folder(path: str) -> "explainer.LM":
    """A checkpoint from the server's model folder: shared and read-only, like the bundled one."""
    return explainer.load(path)


@st.cache_resource
def job_manager() -> "JobManager":
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


def lang() -> str:
    return st.session_state.get("lang", "en")


def t(key: str, **fmt) -> str:
    """The message ``key`` in the page's language. An error detail (``err``) is always shown as
    typed (``inputs.plain``: it can hold a file's, a link's or a user's text) and without the
    server's own file paths (``inputs.no_paths``)."""
    if "err" in fmt:
        fmt["err"] = plain(no_paths(fmt["err"]))
    return _t(key, lang(), **fmt)


def join_list(items) -> str:
    """Items as a list in the page's language: ``a, b, c`` or ``a、b、c``."""
    return ("、" if lang() == "zh" else ", ").join(str(x) for x in items)


def join_sentences(*parts: str) -> str:
    """Sentences one after the other: with a space in English, none in Chinese."""
    return ("" if lang() == "zh" else " ").join(p for p in parts if p)


# above this share of byte-piece tokens the prompt is mostly text the model never learned
FOREIGN_NOTICE_SHARE = 0.25


def _browser_locale() -> str | None:
    try:
        return st.context.locale
    except Exception:        # older Streamlit, or no browser (AppTest)
        return None


def clean_session_text() -> None:
    """Every text the session holds (the prompt, every text box, a link's values once read) made
    writable, once per run before any widget is drawn: a lone surrogate or NUL from a crafted link or
    paste becomes U+FFFD (explainer.inputs) with a notice, instead of an error on every page."""
    replaced = 0
    for key in list(st.session_state):
        value = st.session_state[key]
        if isinstance(value, str):
            value, n = clean_text(value)
            if n:
                try:
                    st.session_state[key] = value
                except st.errors.StreamlitAPIException:     # a widget already drawn in this run
                    continue
                replaced += n
    if replaced:
        st.info(t("app.text_replaced", n=replaced))


def choose_language() -> None:
    """On a session's first run: the language from the link, else the browser's (before the router
    names its pages)."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = pick_language(st.query_params.get("lang"), _browser_locale())


def sidebar() -> None:
    """Language, model and the shared prompt; values live in st.session_state."""
    st.session_state["_shell_ran"] = True
    clean_session_text()
    choose_language()
    st.session_state.setdefault("prompt", DEFAULT_PROMPT)
    st.session_state.setdefault("model_choice", "bundled")
    with st.sidebar:
        # like the prompt: "lang" holds the value, the widget's own key is refreshed from it every
        # run, so only a choice the user makes (on_change) can change the language
        st.session_state["_lang_box"] = lang()
        st.selectbox(t("app.language"), list(LANGUAGES), format_func=LANGUAGES.get, key="_lang_box",
                     on_change=_language_chosen)
        if st.query_params.get("lang", "en") != lang():    # keep it in the address: a shared link
            st.query_params["lang"] = lang()                # opens in the same language
    base = base_model_or_stop()
    with st.sidebar:
        choices = {"bundled": t("app.model.bundled")}
        broken = st.session_state.get("_broken_snapshots", {})
        for step, path in base.snapshots():
            if str(path) not in broken:
                choices[str(path)] = t("app.model.snapshot", step=step)
        damaged = {str(path): (f"{path.parent.name}/{path.name}", err) for path, err in base.broken_snapshots}
        for name, (folder, problem) in server_models().items():
            if problem is None:
                choices[f"folder:{name}"] = t("app.model.folder", name=name)
            else:
                damaged[f"folder:{name}"] = (name, problem)
        try:
            mine = own_model()
        except explainer.CheckpointError:
            mine = None
        if mine is not None:
            choices["yours"] = t("app.model.yours", step=int(mine.meta.get("step", 0)))
        if st.session_state["model_choice"] not in choices:
            if st.session_state["model_choice"] in damaged:       # asked for by a link or an old session
                key = "app.model.folder_error" if st.session_state["model_choice"].startswith("folder:") \
                    else "app.snapshot_error"
                st.error(t(key, err=damaged[st.session_state["model_choice"]][1]))
            st.session_state["model_choice"] = "bundled"
        st.selectbox(t("app.model"), list(choices), format_func=choices.get, key="model_choice", help=t("app.model.help"))
        if damaged:              # marked, not offered: which checkpoint and what is wrong with it
            st.caption(t("app.model.damaged_list", items=join_list(
                t("app.model.damaged_item", name=plain(n), err=e) for n, e in damaged.values())))
        lm = current_model()
        c = lm.config
        st.caption(t("app.model_info", params=f"{lm.model.n_params() / 1e6:.2f}M", layers=c.n_layer,
                     heads=c.n_head, d=c.d_model, ctx=c.n_ctx))
        # "prompt" holds the shared value; the widget has its own key, refreshed every run, so the
        # text survives page changes and presets can set "prompt" from any page.
        if len(st.session_state["prompt"]) > MAX_PROMPT:        # keep the end: that is what the model reads
            st.session_state["prompt"] = st.session_state["prompt"][-MAX_PROMPT:]
            st.info(t("app.prompt_cut", n=f"{MAX_PROMPT:,}"))
        st.session_state["_prompt_box"] = st.session_state["prompt"]
        st.text_area(t("app.prompt"), key="_prompt_box", help=t("app.prompt.help"), height=110,
                     on_change=_prompt_edited, max_chars=MAX_PROMPT)
        if "_prompt_undo" in st.session_state:
            st.caption(t("app.preset_replaced"))
            st.button(t("app.undo"), on_click=_undo_prompt, key="_prompt_undo_btn", icon=":material/undo:")
        share = fragment_share(lm.tokenizer, st.session_state["prompt"])
        if share >= FOREIGN_NOTICE_SHARE:
            st.info(t("app.foreign", share=f"{share:.0%}"))


def _language_chosen() -> None:
    st.session_state["lang"] = st.session_state["_lang_box"]


def _prompt_edited() -> None:
    st.session_state["prompt"] = st.session_state["_prompt_box"]
    st.session_state.pop("_prompt_undo", None)


DEEP_LINK_KEY = "_deep_link"


def _running_page() -> str | None:
    """The page file this run executes, relative to the app folder (``"pages/layers.py"``)."""
    try:
        from pathlib import Path

        from streamlit.runtime.scriptrunner import get_script_run_ctx
        ctx = get_script_run_ctx()
        info = ctx.pages_manager.get_pages().get(ctx.page_script_hash) or {}
        path = Path(info["script_path"]).resolve()
        return path.relative_to(Path(ctx.pages_manager.main_script_parent).resolve()).as_posix()
    except Exception:            # no such page info (another Streamlit): the overview it is
        return None


def open_deep_link() -> None:
    """In the router, after st.navigation: open the page a first deep link asked for."""
    target = st.session_state.pop(DEEP_LINK_KEY, None)
    if target:
        try:
            st.switch_page(target, query_params=st.query_params.to_dict())
        except st.errors.StreamlitAPIException:   # not a page of the router: stay on the overview
            pass


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
    import logging
    logging.getLogger("explainer").warning("%s: %s", what, e)


def current_model() -> "explainer.LM":
    if not st.session_state.get("_shell_ran"):
        # A deep link opened before app.py ever ran in this server: Streamlit then runs the page
        # file alone (its legacy pages/ mode). Go through the router so the sidebar exists; the
        # router then opens the page that was asked for (DEEP_LINK_KEY), with the link's query.
        st.session_state[DEEP_LINK_KEY] = _running_page()
        st.switch_page("app.py", query_params=st.query_params.to_dict())
    choice = st.session_state.get("model_choice", "bundled")
    if choice == "bundled":
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
    if choice.startswith("folder:"):
        name = choice.split(":", 1)[1]
        folder, problem = server_models().get(name, (None, None))
        try:
            if folder is None:
                raise explainer.CheckpointError(f"{name[:40]} is not in the server's model folder")
            if problem:
                raise explainer.CheckpointError(problem)
            return load_folder(str(folder))
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


def model_key() -> str:
    """Names the chosen model (bundled, or a snapshot's file) for the caches below."""
    lm = current_model()
    return f"{st.session_state.get('model_choice', 'bundled')}|{lm.folder}|{lm.meta.get('step', '')}"


def cached(fn=None, *, max_entries: int = 64):
    """``fn(lm, *args)`` computed once per chosen model and arguments (``st.cache_data``; the
    shared model itself is not hashed). Call the result without the model: ``cached(f)(*args)``.

        lens_data = cached(views.lens.lens_data)
        d = lens_data(prompt(), (), ("Warsaw",))
    """
    if fn is None:
        return functools.partial(cached, max_entries=max_entries)

    def run(_lm, key: str, name: str, *args):
        return fn(_lm, *args)
    # one cache per wrapped function: Streamlit keys a cache by the function's module and name
    run.__module__ = fn.__module__
    run.__name__ = run.__qualname__ = f"cached__{fn.__qualname__}"
    run = st.cache_data(max_entries=max_entries, show_spinner=False)(run)

    @functools.wraps(fn)
    def call(*args):
        return run(current_model(), model_key(), f"{fn.__module__}.{fn.__qualname__}", *args)

    def on(lm):
        """The same cache for another model than the chosen one (e.g. the run a snapshot came from)."""
        return lambda *args: run(lm, f"folder|{lm.folder}|{lm.meta.get('step', '')}",
                                 f"{fn.__module__}.{fn.__qualname__}", *args)
    call.on = on
    return call


def prompt() -> str:
    return st.session_state.get("prompt", DEFAULT_PROMPT)


def require_prompt() -> str:
    """The shared prompt; when it is empty (or only spaces), a notice and the page stops here."""
    text = prompt()
    if not text.strip():
        st.warning(t("app.empty"))
        st.stop()
    return text


def set_prompt(text: str) -> None:
    """Use as a button callback (on_click) so the sidebar widget takes the new value. A preset that
    replaces what the student typed says so in the sidebar, with an undo."""
    old = st.session_state.get("prompt", DEFAULT_PROMPT)
    if text != old:
        st.session_state["_prompt_undo"] = old
    st.session_state["prompt"] = text


def _undo_prompt() -> None:
    st.session_state["prompt"] = st.session_state.pop("_prompt_undo", prompt())


def notice_truncation(n_dropped: int, ctx: int) -> None:
    if n_dropped:
        st.info(t("app.truncated", ctx=ctx, n=n_dropped))


FIGURES_KEPT = 300       # built figures the server keeps (a few MB); the oldest go first


@st.cache_resource(show_spinner=False)
def _figure_store() -> dict:
    return {"lock": threading.Lock(), "items": OrderedDict()}


def figure(name: str, key: tuple, build):
    """The plotly figure ``build()`` makes, built once per server for this model, language, ``name``
    and ``key`` (plain values that determine it). Building a figure is most of a page's server time
    (plotly checks every property); ``st.plotly_chart`` copies a figure before sending it, so one
    built figure serves every user."""
    store = _figure_store()
    full = (name, model_key(), lang(), presenting(), key)
    with store["lock"]:
        fig = store["items"].get(full)
        if fig is not None:
            store["items"].move_to_end(full)
            return fig
    fig = build()
    if presenting():                        # readable from the back of a classroom, one chart a screen
        fig.update_layout(font=dict(size=PRESENT_FONT), height=max(fig.layout.height or 450, PRESENT_HEIGHT))
    with store["lock"]:
        store["items"][full] = fig
        while len(store["items"]) > FIGURES_KEPT:
            store["items"].popitem(last=False)
    return fig


def chart(fig, data=None, name: str = "data", key: str | None = None) -> None:
    """A plotly chart (PNG export in its toolbar) and, below it, its numbers as CSV. ``data`` is a
    DataFrame or a function returning one: the CSV is made only when the button is pressed."""
    st.plotly_chart(fig, width="stretch", config=CONFIG, key=key)
    if data is not None:
        def csv() -> bytes:
            frame = data() if callable(data) else data
            buf = io.StringIO()
            frame.to_csv(buf, index=False)
            return buf.getvalue().encode("utf-8")
        st.download_button(t("app.download_csv"), csv, file_name=f"{name}.csv", mime="text/csv",
                           key=f"csv-{key or name}")


# ---- links that reopen the exact view -----------------------------------------------------------

def as_int(lo: int, hi: int):
    def parse(s: str) -> int:
        v = int(s)
        if not lo <= v <= hi:
            raise ValueError(s)
        return v
    return parse


def as_float(lo: float, hi: float):
    def parse(s: str) -> float:
        v = float(s)
        if not lo <= v <= hi:                    # NaN fails this too
            raise ValueError(s)
        return v
    return parse


def as_choice(options):
    def parse(s: str):
        if s not in options:
            raise ValueError(s)
        return s
    return parse


def as_int_choice(options):
    """A whole number that must be one of ``options`` (e.g. the steps of the kept snapshots)."""
    def parse(s: str) -> int:
        v = int(s)
        if v not in options:
            raise ValueError(s)
        return v
    return parse


def as_text(limit: int = 500):
    def parse(s: str) -> str:
        if len(s) > limit:
            raise ValueError(s[:20] + "…")
        return s
    return parse


def as_bool(s: str) -> bool:
    if s.lower() in ("1", "true", "yes", "on"):
        return True
    if s.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(s)


def as_int_list(lo: int, hi: int):
    def parse(s: str) -> list[int]:
        return sorted({as_int(lo, hi)(x) for x in s.split(",") if x.strip()})
    return parse


GLOBAL_LINK_KEYS = ("lang", "prompt", "present", "lesson", "step")


def _link_value(v) -> str:
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, (list, tuple)):
        return ",".join(str(x) for x in v)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def linked(keys: dict) -> None:
    """Keep a page's main controls in the address, so a link reopens the same view. ``keys``: session
    key → parser (``as_int(0, 5)``, ``as_choice([...])``…). The first time a session shows this page,
    values in the link are read into the session (a bad or stale one: a notice, and the default);
    every run then writes the current values into the address. Call it before the page draws the
    widgets of these keys."""
    page = _running_page() or "?"
    done = st.session_state.setdefault("_linked_pages", set())
    if page not in done:
        done.add(page)
        for key, parse in keys.items():
            raw = st.query_params.get(key)
            if raw is None:
                continue
            try:
                st.session_state[key] = parse(clean_text(raw)[0])
            except (ValueError, TypeError):
                st.info(t("app.link.bad", name=key, value=literal(shortened(clean_text(raw)[0]))))
    for name in list(st.query_params):               # other pages' controls leave the address
        if name not in GLOBAL_LINK_KEYS and name not in keys:
            del st.query_params[name]
    st.session_state["_page_link_keys"] = list(keys)
    write_page_link()


def write_page_link() -> None:
    """The current page's linked controls into the address (again after the page has run)."""
    for key in st.session_state.get("_page_link_keys", []):
        if key in st.session_state:
            value = _link_value(st.session_state[key])
            if st.query_params.get(key) != value:
                st.query_params[key] = value


def read_link_once() -> None:
    """On a session's first run: the prompt and presenter mode from the link."""
    if st.session_state.get("_link_read"):
        return
    st.session_state["_link_read"] = True
    q = st.query_params
    if q.get("prompt"):
        st.session_state["prompt"] = q["prompt"]         # (cut and cleaned, with a notice, in the sidebar)
    if "present" in q:
        try:
            st.session_state["present"] = as_bool(q["present"])
        except ValueError:
            st.session_state["present"] = False


def write_link() -> None:
    """The shared values into the address (language is written by the sidebar); the page's own
    controls are added by the page (``linked``)."""
    st.session_state["_page_link_keys"] = []
    if st.query_params.get("prompt") != prompt():
        st.query_params["prompt"] = prompt()
    if st.session_state.get("present"):
        st.query_params["present"] = "1"
    elif "present" in st.query_params:
        del st.query_params["present"]


def share_box() -> None:
    """The link to this exact view, ready to copy (the code box has a copy button)."""
    from urllib.parse import urlencode
    write_page_link()
    try:
        base = (st.context.url or "").split("?")[0]
    except Exception:
        base = ""
    link = base + "?" + urlencode({k: st.query_params[k] for k in st.query_params})
    with st.sidebar.popover(t("app.share"), icon=":material/link:", width="stretch"):
        st.caption(t("app.share.help"))
        st.code(link, language=None, wrap_lines=True)


# ---- presenter mode ------------------------------------------------------------------------------

PRESENT_FONT = 20          # chart text size in presenter mode (13 otherwise)
PRESENT_HEIGHT = 640       # chart height in presenter mode: about one chart to a projected screen


def presenting() -> bool:
    return bool(st.session_state.get("present"))


def _present_chosen() -> None:
    st.session_state["present"] = st.session_state["_present_box"]


def presenter_toggle() -> None:
    st.session_state["_present_box"] = presenting()
    st.sidebar.toggle(t("app.present"), key="_present_box", on_change=_present_chosen, help=t("app.present.help"))
    if presenting():
        st.html("<style>html { font-size: 21px; } [data-testid='stSidebar'] { font-size: 17px; }"
                "[data-testid='stMainBlockContainer'] { max-width: 100%; padding-left: 2rem; padding-right: 2rem; }"
                "</style>")


# ---- the guided lesson (drawn above every page while a lesson runs) -------------------------------

@st.cache_resource(show_spinner=False)
def lessons() -> tuple[dict, list[str]]:
    """Every lesson file in assets/lessons, checked once per server (and the unusable ones)."""
    from explainer.views.lesson import load_lessons
    return load_lessons()


@st.cache_resource(show_spinner=False)
def counted_models():
    """The letter and word counting models (explainer.views.counting.build), built once per server
    and shared read-only, like the model: the counting page and the lesson use them."""
    from explainer.views.counting import build
    return build()


def _lesson_answer(lm, lesson_id: str, i: int) -> dict:
    from explainer.views.lesson import answer
    question = lessons()[0][lesson_id]["steps"][i]["question"]
    snaps = []
    if question["kind"] == "snapshot_word":
        snaps = [(s, load_snapshot(str(p))) for s, p in lm.snapshots()]
    return answer(lm, question, snaps, counted_models() if question["kind"] == "counting_next" else None)


lesson_answer = cached(_lesson_answer, max_entries=128)


def go_to_step(lesson_id: str | None, i: int = 0) -> None:
    """Start a lesson at step ``i`` (or leave it with ``None``): the step's state goes into the session
    and the router opens its page. For buttons (``on_click``)."""
    if lesson_id is None:
        for k in ("lesson.id", "lesson.step"):
            st.session_state.pop(k, None)
        return
    steps = lessons()[0][lesson_id]["steps"]
    i = max(0, min(i, len(steps) - 1))
    st.session_state["lesson.id"], st.session_state["lesson.step"] = lesson_id, i
    step = steps[i]
    for key, value in step.get("state", {}).items():
        st.session_state[key] = list(value) if isinstance(value, list) else value
    for key in [k for k in st.session_state if str(k).startswith("lesson.guess.") or k == "lesson.revealed"]:
        del st.session_state[key]
    st.session_state["lesson.goto"] = step["page"]


def _finish() -> None:
    go_to_step(None)
    st.session_state["lesson.finished"] = True
    st.session_state["lesson.goto"] = "lesson"


def _reveal() -> None:
    st.session_state["lesson.revealed"] = True


PHONE_CSS = ("<style>.st-key-phone-prompt { display: none; } "
             "@media (max-width: 640px) { .st-key-phone-prompt { display: block; } }</style>")


def _phone_prompt_edited() -> None:
    st.session_state["prompt"] = st.session_state["_phone_prompt_box"]
    st.session_state.pop("_prompt_undo", None)


def page_top() -> None:
    """Every page starts with this: on a phone (where the sidebar is folded away) the shared prompt;
    the running lesson's step, or nothing. When a step has just changed and wants another page, that
    page is opened instead. A page opened alone (a first deep link, AppTest) stops here with the
    model's message when the model cannot be used, as the router does."""
    if not st.session_state.get("_shell_ran"):
        current_model()                     # goes through the router first
    clean_session_text()
    base_model_or_stop()
    st.html(PHONE_CSS)
    with st.container(key="phone-prompt"):
        st.session_state["_phone_prompt_box"] = prompt()
        st.text_area(t("app.prompt"), key="_phone_prompt_box", height=80, max_chars=MAX_PROMPT,
                     on_change=_phone_prompt_edited)
    goto = lesson_panel()
    here = (_running_page() or "pages/overview.py").rsplit("/", 1)[-1].removesuffix(".py")
    if goto and goto != here:
        try:
            st.switch_page(f"pages/{goto}.py")
        except st.errors.StreamlitAPIException:       # not a page of this app: stay
            pass


def lesson_panel() -> str | None:
    """The running lesson's step, drawn where it is called. Returns the page to open when a step just
    changed. The link's ``lesson`` and ``step`` start a lesson on a session's first run."""
    from explainer.views.lesson import fill, text
    all_lessons, _ = lessons()
    if not st.session_state.get("_lesson_link_read"):
        st.session_state["_lesson_link_read"] = True
        wanted = st.query_params.get("lesson")
        if wanted:
            try:
                step = int(st.query_params.get("step", "1")) - 1
                ok = wanted in all_lessons and 0 <= step < len(all_lessons[wanted]["steps"])
            except ValueError:
                step, ok = 0, False
            if ok:
                go_to_step(wanted, step)
            else:
                st.session_state["lesson.bad_link"] = (shortened(clean_text(wanted)[0]),
                                                       clean_text(st.query_params.get("step", "1")[:10])[0])
                st.session_state["lesson.goto"] = "lesson"
    goto = st.session_state.pop("lesson.goto", None)
    lesson_id = st.session_state.get("lesson.id")
    if lesson_id not in all_lessons:
        for k in ("lesson", "step"):
            if k in st.query_params:
                del st.query_params[k]
        return goto
    lesson = all_lessons[lesson_id]
    i, n = st.session_state.get("lesson.step", 0), len(lesson["steps"])
    st.query_params["lesson"], st.query_params["step"] = lesson_id, str(i + 1)
    step, L = lesson["steps"][i], lang()
    q = step["question"]
    labels = {str(o): text(q.get("labels", {}).get(str(o), {"en": str(o)}), L) for o in q["options"]}
    with st.container(border=True, key="lesson-panel"):
        st.caption(t("lesson.progress", title=text(lesson["title"], L), i=i + 1, n=n))
        st.progress((i + 1) / n)
        st.markdown(f"**{text(step['title'], L)}**")
        st.write(text(step["text"], L))
        guess = st.radio(text(q["ask"], L), list(labels), format_func=labels.get, index=None,
                         key=f"lesson.guess.{lesson_id}.{i}", horizontal=True)
        if st.session_state.get("lesson.revealed") and guess is not None:
            a = lesson_answer(lesson_id, i)
            opts = [o for o in labels if o in a["scores"]]
            from explainer.plots.lesson import answer_bars
            chart(figure("lesson.answer", (lesson_id, i, guess), lambda: answer_bars(
                [labels[o] for o in opts], [a["scores"][o] for o in opts], opts.index(a["answer"]),
                opts.index(guess) if guess in opts else None, t(f"lesson.unit.{a['unit']}"),
                {"model": t("lesson.model"), "guess": t("lesson.your_guess")})), key="lesson.chart.answer")
            if guess == a["answer"]:
                st.success(t("lesson.right", answer=labels[a["answer"]]))
            else:
                st.info(t("lesson.wrong", guess=labels[guess], answer=labels[a["answer"]]))
            st.write(fill(text(q["reveal"], L), a["facts"]))
        elif st.session_state.get("lesson.revealed"):
            st.session_state["lesson.revealed"] = False
        c1, c2, c3, c4 = st.columns([1, 1.6, 1, 1])
        c1.button(t("lesson.back"), on_click=go_to_step, args=(lesson_id, i - 1), disabled=i == 0,
                  key="lesson.back_btn", width="stretch")
        c2.button(t("lesson.check"), on_click=_reveal, disabled=guess is None, key="lesson.check_btn",
                  type="primary", width="stretch", help=t("lesson.pick_first") if guess is None else None)
        if i + 1 < n:
            c3.button(t("lesson.next"), on_click=go_to_step, args=(lesson_id, i + 1), key="lesson.next_btn",
                      width="stretch")
        else:
            c3.button(t("lesson.finish"), on_click=_finish, key="lesson.finish_btn", width="stretch")
        c4.button(t("lesson.leave"), on_click=go_to_step, args=(None,), key="lesson.leave_btn", width="stretch")
    return goto
