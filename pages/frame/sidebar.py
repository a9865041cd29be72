"""The sidebar: the language, the model, the shared prompt (values live in st.session_state)."""

from __future__ import annotations

import streamlit as st

import explainer
from explainer import gpt2
from explainer.i18n import LANGUAGES
from explainer.inputs import literal, plain, shortened
from explainer.views.tokens import fragment_share

from .language import choose_language, join_list, lang, set_lang, t
from .models import (GPT2, base_model_or_stop, bundled_zh, current_model, default_model, gpt2_offered,
                     gpt2_on_disk, gpt2_problem, is_chinese_snapshot, is_gpt2, model_for_language, own_model,
                     server_models)
from .presenter import SIDEBAR_KEY
from .prompt import DEFAULT_PROMPT, clean_session_text, prompt, prompt_box, undo_prompt

# above this share of byte-piece tokens the prompt is mostly text the model never learned
FOREIGN_NOTICE_SHARE = 0.25


def _language_chosen() -> None:
    """A new page language also brings that language's model, unless the user picked a model."""
    set_lang(st.session_state["_lang_box"])
    if not st.session_state.get("_model_picked") and st.session_state.get("model_choice") in ("bundled", "bundled_zh"):
        st.session_state["model_choice"] = default_model(lang())
        _follow_example_prompt()


def _model_chosen() -> None:
    st.session_state["model_choice"] = st.session_state["_model_box"]
    st.session_state["_model_picked"] = True
    _follow_example_prompt()


def _follow_example_prompt() -> None:
    """A model of another language takes the example prompt of its language, while the prompt is
    still an untouched example (anything the user typed stays)."""
    from explainer import demos
    examples = {kit.IOI_PROMPT: kit for kit in demos.KITS.values()}
    if st.session_state.get("prompt", DEFAULT_PROMPT) in examples:
        st.session_state["prompt"] = demos.of(current_model()).IOI_PROMPT


# ---- the model in the address: a shared link opens on the same model ------------------------------
# values: bundled, bundled_zh, folder:NAME (the server's model folder), step:N (a snapshot of the
# served model), zh:step:N (one of the Chinese model's), gpt2:NAME (a GPT-2 from Hugging Face); the
# session's own model is not written
# (nobody else can open it)

def _family(base: "explainer.LM") -> "explainer.LM":
    """The finished model whose snapshots the sidebar offers: the Chinese one while it (or one of its
    snapshots) is chosen, else the served one."""
    choice = st.session_state.get("model_choice", "")
    if choice == "bundled_zh" or is_chinese_snapshot(choice):
        return model_for_language("zh")
    return base


def _model_link(choice: str, base: "explainer.LM") -> str | None:
    if choice in ("bundled", "bundled_zh") or choice.startswith(("folder:", GPT2)):
        return choice
    family = _family(base)
    prefix = "zh:" if family is not base else ""
    for step, path in family.snapshots():
        if str(path) == choice:
            return f"{prefix}step:{step}"
    return None


def _model_from_link(value: str, base: "explainer.LM", choices: dict) -> str | None:
    if value.startswith(("step:", "zh:step:")):
        family = model_for_language("zh") if value.startswith("zh:") else base
        step = value.rsplit(":", 1)[1]
        path = next((str(p) for s, p in family.snapshots() if str(s) == step), None)
        # a Chinese snapshot is offered once it is chosen (the sidebar lists the chosen model's family)
        return path if path is not None and (path in choices or family is not base) else None
    return value if value in choices and value != "yours" else None


def model_choices(base: "explainer.LM") -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(choice → label of every model offered, choice → (name, what is wrong) of those marked damaged)."""
    choices = {"bundled": t("app.model.bundled")}
    if bundled_zh() is not None:
        choices["bundled_zh"] = t("app.model.bundled_zh")
    broken = st.session_state.get("_broken_snapshots", {})
    family = _family(base)          # the snapshots of the bundled model in use: the served one's or the Chinese one's
    for step, path in family.snapshots():
        if str(path) not in broken:
            choices[str(path)] = t("app.model.snapshot", step=step)
    damaged = {str(path): (f"{path.parent.name}/{path.name}", err) for path, err in base.broken_snapshots}
    for name, (folder, problem) in server_models().items():
        if problem is None:
            choices[f"folder:{name}"] = t("app.model.folder", name=name)
        else:
            damaged[f"folder:{name}"] = (name, problem)
    for name in gpt2_offered():             # on disk: its name; else what the download costs (or that it failed)
        key = ("app.model.gpt2" if gpt2_on_disk(name) else
               "app.model.gpt2_unavailable" if gpt2_problem(name) else "app.model.gpt2_download")
        choices[f"{GPT2}{name}"] = t(key, name=t(f"app.gpt2.{name}"), mb=f"{gpt2.HUB[name][1]:,}",
                                     params=f"{gpt2.HUB[name][2] / 1e6:.0f}M")
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
    if "model_choice" not in st.session_state:
        st.session_state["model_choice"] = default_model(lang())
        _follow_example_prompt()
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
        if (wanted := st.session_state.pop("_link_model", None)) is not None:
            if (choice := _model_from_link(wanted, base, choices)) is not None:
                st.session_state["model_choice"], st.session_state["_model_picked"] = choice, True
                _follow_example_prompt()
            else:
                st.info(t("app.link.bad", name="model", value=literal(shortened(wanted))))
            choices, damaged = model_choices(base)          # a Chinese snapshot lists its own family
        if st.session_state["model_choice"] not in choices:
            if st.session_state["model_choice"] in damaged:       # asked for by a link or an old session
                key = "app.model.folder_error" if st.session_state["model_choice"].startswith("folder:") \
                    else "app.snapshot_error"
                st.error(t(key, err=damaged[st.session_state["model_choice"]][1]))
            st.session_state["model_choice"] = "bundled"
        # like the language: "model_choice" holds the value (a run that draws no sidebar keeps it), the
        # box's own key is refreshed from it every run
        st.session_state["_model_box"] = st.session_state["model_choice"]
        st.selectbox(t("app.model"), list(choices), format_func=choices.get, key="_model_box", help=t("app.model.help"),
                     on_change=_model_chosen)
        if damaged:              # marked, not offered: which checkpoint and what is wrong with it
            st.caption(t("app.model.damaged_list", items=join_list(
                t("app.model.damaged_item", name=plain(n), err=e) for n, e in damaged.values())))
        lm = current_model()
        link = _model_link(st.session_state["model_choice"], base)
        if link is None:
            st.query_params.pop("model", None)
        elif st.query_params.get("model") != link:
            st.query_params["model"] = link
        c = lm.config
        st.caption(t("app.model_info", params=f"{lm.n_params() / 1e6:.2f}M", layers=c.n_layer,
                     heads=c.n_head, d=c.d_model, ctx=c.n_ctx)
                   + (t("app.model_info.reads", n=lm.max_tokens) if lm.max_tokens < c.n_ctx else ""))
        prompt_box("_prompt_box", height=110, help=t("app.prompt.help"))
        if "_prompt_undo" in st.session_state:
            st.caption(t("app.preset_replaced"))
            st.button(t("app.undo"), on_click=undo_prompt, key="_prompt_undo_btn", icon=":material/undo:")
        share = fragment_share(lm.tokenizer, lm.reads(prompt()))
        if share >= FOREIGN_NOTICE_SHARE:
            st.info(t("app.foreign_zh" if lm.segmenter is not None else "app.foreign_gpt2" if is_gpt2(lm)
                      else "app.foreign", share=f"{share:.0%}"))
