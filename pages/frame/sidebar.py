"""The sidebar: the language, the model, the shared prompt (values live in st.session_state)."""

from __future__ import annotations

import streamlit as st

import explainer
from explainer.i18n import LANGUAGES
from explainer.inputs import plain
from explainer.views.tokens import fragment_share

from .language import choose_language, join_list, lang, t
from .models import base_model_or_stop, bundled_zh, current_model, own_model, server_models
from .presenter import SIDEBAR_KEY
from .prompt import DEFAULT_PROMPT, clean_session_text, prompt, prompt_box, undo_prompt

# above this share of byte-piece tokens the prompt is mostly text the model never learned
FOREIGN_NOTICE_SHARE = 0.25


def _language_chosen() -> None:
    st.session_state["lang"] = st.session_state["_lang_box"]


def _model_chosen() -> None:
    """A model of another language takes the example prompt of its language, while the prompt is
    still an untouched example (anything the user typed stays)."""
    from explainer import demos
    examples = {kit.IOI_PROMPT: kit for kit in demos.KITS.values()}
    if st.session_state.get("prompt", DEFAULT_PROMPT) in examples:
        lang = "zh" if st.session_state.get("model_choice") == "bundled_zh" else "en"
        st.session_state["prompt"] = demos.KITS[lang].IOI_PROMPT


def model_choices(base: "explainer.LM") -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(choice → label of every model offered, choice → (name, what is wrong) of those marked damaged)."""
    choices = {"bundled": t("app.model.bundled")}
    if bundled_zh() is not None:
        choices["bundled_zh"] = t("app.model.bundled_zh")
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
    return choices, damaged


def sidebar() -> None:
    """Language, model and the shared prompt, in the sidebar."""
    clean_session_text()
    choose_language()
    st.session_state.setdefault("prompt", DEFAULT_PROMPT)
    st.session_state.setdefault("model_choice", "bundled")
    box = st.sidebar.container(key=SIDEBAR_KEY)
    with box:
        # like the prompt: "lang" holds the value, the widget's own key is refreshed from it every
        # run, so only a choice the user makes (on_change) can change the language
        st.session_state["_lang_box"] = lang()
        st.selectbox(t("app.language"), list(LANGUAGES), format_func=LANGUAGES.get, key="_lang_box",
                     on_change=_language_chosen)
        if st.query_params.get("lang", "en") != lang():    # keep it in the address: a shared link
            st.query_params["lang"] = lang()                # opens in the same language
    base = base_model_or_stop()
    with box:
        choices, damaged = model_choices(base)
        if st.session_state["model_choice"] not in choices:
            if st.session_state["model_choice"] in damaged:       # asked for by a link or an old session
                key = "app.model.folder_error" if st.session_state["model_choice"].startswith("folder:") \
                    else "app.snapshot_error"
                st.error(t(key, err=damaged[st.session_state["model_choice"]][1]))
            st.session_state["model_choice"] = "bundled"
        st.selectbox(t("app.model"), list(choices), format_func=choices.get, key="model_choice", help=t("app.model.help"),
                     on_change=_model_chosen)
        if damaged:              # marked, not offered: which checkpoint and what is wrong with it
            st.caption(t("app.model.damaged_list", items=join_list(
                t("app.model.damaged_item", name=plain(n), err=e) for n, e in damaged.values())))
        lm = current_model()
        c = lm.config
        st.caption(t("app.model_info", params=f"{lm.n_params() / 1e6:.2f}M", layers=c.n_layer,
                     heads=c.n_head, d=c.d_model, ctx=c.n_ctx))
        prompt_box("_prompt_box", height=110, help=t("app.prompt.help"))
        if "_prompt_undo" in st.session_state:
            st.caption(t("app.preset_replaced"))
            st.button(t("app.undo"), on_click=undo_prompt, key="_prompt_undo_btn", icon=":material/undo:")
        share = fragment_share(lm.tokenizer, prompt())
        if share >= FOREIGN_NOTICE_SHARE:
            st.info(t("app.foreign", share=f"{share:.0%}"))
