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

import streamlit as st

import explainer
from explainer.i18n import LANGUAGES, pick_language, t as _t
from explainer.plots import CONFIG
from explainer.views.tokens import fragment_share

DEFAULT_PROMPT = "When Mary and John went to the store, John gave a drink to"
MAX_PROMPT = 5_000       # characters of the shared prompt (the model reads its last 128 tokens anyway)


@st.cache_resource(show_spinner="Loading the model…")
def load_model(path: str | None = None) -> "explainer.LM":
    """One read-only model shared by every user (never mutated; interventions are per call)."""
    lm = explainer.load(path)
    # everything loaded so far lives as long as the server: keep it out of the garbage collector's
    # full passes, which would otherwise walk PyTorch's and the caches' objects again and again
    gc.collect()
    gc.freeze()
    return lm


@st.cache_resource(show_spinner="Loading a snapshot…")
def load_snapshot(path: str) -> "explainer.LM":
    return load_model(None).at_snapshot(path)


def lang() -> str:
    return st.session_state.get("lang", "en")


def t(key: str, **fmt) -> str:
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


def sidebar() -> None:
    """Language, model and the shared prompt; values live in st.session_state."""
    st.session_state["_shell_ran"] = True
    if "lang" not in st.session_state:    # first run of this session: link, then browser language
        st.session_state["lang"] = pick_language(st.query_params.get("lang"), _browser_locale())
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
        try:
            base = load_model(None)
        except Exception as e:  # a broken bundled checkpoint: say so instead of a traceback
            st.error(t("app.load_error", err=e))
            st.stop()
        choices = {"bundled": t("app.model.bundled")}
        broken = st.session_state.get("_broken_snapshots", {})
        for step, path in base.snapshots():
            if str(path) not in broken:
                choices[str(path)] = t("app.model.snapshot", step=step)
        if st.session_state["model_choice"] not in choices:
            st.session_state["model_choice"] = "bundled"
        st.selectbox(t("app.model"), list(choices), format_func=choices.get, key="model_choice", help=t("app.model.help"))
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
        share = fragment_share(lm.tokenizer, st.session_state["prompt"])
        if share >= FOREIGN_NOTICE_SHARE:
            st.info(t("app.foreign", share=f"{share:.0%}"))


def _language_chosen() -> None:
    st.session_state["lang"] = st.session_state["_lang_box"]


def _prompt_edited() -> None:
    st.session_state["prompt"] = st.session_state["_prompt_box"]


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


def current_model() -> "explainer.LM":
    if not st.session_state.get("_shell_ran"):
        # A deep link opened before app.py ever ran in this server: Streamlit then runs the page
        # file alone (its legacy pages/ mode). Go through the router so the sidebar exists; the
        # router then opens the page that was asked for (DEEP_LINK_KEY), with the link's query.
        st.session_state[DEEP_LINK_KEY] = _running_page()
        st.switch_page("app.py", query_params=st.query_params.to_dict())
    choice = st.session_state.get("model_choice", "bundled")
    if choice == "bundled":
        return load_model(None)
    try:
        return load_snapshot(choice)
    except explainer.CheckpointError as e:
        # a damaged snapshot file: say which, leave it out of the list, go on with the bundled model
        st.session_state.setdefault("_broken_snapshots", {})[choice] = str(e)
        st.error(t("app.snapshot_error", err=e))
        return load_model(None)


def model_key() -> str:
    """Names the chosen model (bundled, or a snapshot's file) for the caches below."""
    lm = current_model()
    return f"{st.session_state.get('model_choice', 'bundled')}|{lm.folder}"


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
    """Use as a button callback (on_click) so the sidebar widget takes the new value."""
    st.session_state["prompt"] = text


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
    full = (name, model_key(), lang(), key)
    with store["lock"]:
        fig = store["items"].get(full)
        if fig is not None:
            store["items"].move_to_end(full)
            return fig
    fig = build()
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
