"""Sampling: from scores to a chosen token — temperature, top-k, top-p, step by step, repetition."""

import numpy as np
import pandas as pd
import streamlit as st

from explainer import demos
from explainer import samplingview as sv
from explainer.lm import InputError
from explainer.plots.sampling import distribution_bars, temperature_histogram
from pages.common import chart, current_model, notice_truncation, prompt, set_prompt, t

T_SLIDER_MAX = 3.0
REP_TOKENS, REP_TEMPERATURE = 120, 0.8


def model_key() -> str:
    return f"{st.session_state.get('model_choice', 'bundled')}|{current_model().folder}"


@st.cache_data(max_entries=256, show_spinner=False)
def cached_logits(_lm, key: str, ids: tuple) -> np.ndarray:
    return _lm.last_logits(list(ids))


@st.cache_data(max_entries=16, show_spinner=False)
def cached_repetition(_lm, key: str, text: str, n_tokens: int, temperature: float, seed: int) -> dict:
    return sv.repetition_run(_lm, text, n_tokens, temperature, seed)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_histogram(_lm, key: str, ids: tuple, seed: int, other: str) -> pd.DataFrame:
    return sv.temperature_samples(_lm, cached_logits(_lm, key, ids), seed=seed, other=other)


# ---- session state and callbacks ----------------------------------------------------------------
DEFAULTS = {"samp.T": 1.0, "samp.T_slider": 1.0, "samp.top_k": 0, "samp.top_p": 1.0, "samp.seed": 0,
            "samp.n": 20, "samp.gen": [], "samp.last": None, "samp.rep_on": False,
            "samp.rep_source": "story"}
for k, v in DEFAULTS.items():
    st.session_state.setdefault(k, v)


def current_settings():
    return sv.settings(st.session_state["samp.T"], st.session_state["samp.top_k"], st.session_state["samp.top_p"])


def set_controls(T: float = 1.0, top_k: int = 0, top_p: float = 1.0) -> None:
    st.session_state["samp.T"] = float(T)
    st.session_state["samp.T_slider"] = min(float(T), T_SLIDER_MAX)
    st.session_state["samp.top_k"] = int(top_k)
    st.session_state["samp.top_p"] = float(top_p)


def from_slider() -> None:
    st.session_state["samp.T"] = float(st.session_state["samp.T_slider"])


def from_number() -> None:
    st.session_state["samp.T_slider"] = min(float(st.session_state["samp.T"]), T_SLIDER_MAX)


def reset_generation() -> None:
    st.session_state["samp.gen"] = []
    st.session_state["samp.last"] = None
    st.session_state["samp.rng"] = np.random.default_rng(int(st.session_state["samp.seed"]))
    st.session_state["samp.gen_prompt"] = prompt()


def context_ids() -> tuple:
    return tuple(current_model().encode(prompt())) + tuple(st.session_state["samp.gen"])


def next_token() -> None:
    lm = current_model()
    ctx = context_ids()
    if not ctx:
        return
    T, k, p = current_settings()
    nxt, _ = sv.sample_next(cached_logits(lm, model_key(), ctx), st.session_state["samp.rng"], T, k, p)
    st.session_state["samp.gen"] = list(st.session_state["samp.gen"]) + [nxt]
    st.session_state["samp.last"] = {"ctx": ctx, "chosen": nxt, "settings": (T, k, p)}


def generate_n() -> None:
    lm = current_model()
    ctx = context_ids()
    if not ctx:
        return
    T, k, p = current_settings()
    new = sv.continue_ids(lm, list(ctx), int(st.session_state["samp.n"]), st.session_state["samp.rng"], T, k, p)
    st.session_state["samp.gen"] = list(st.session_state["samp.gen"]) + new
    st.session_state["samp.last"] = None


# ---- page -------------------------------------------------------------------------------------------
lm = current_model()
V = lm.config.vocab_size
if "samp.rng" not in st.session_state or st.session_state.get("samp.gen_prompt") != prompt():
    reset_generation()
st.session_state["samp.gen"] = [i for i in st.session_state["samp.gen"] if 0 <= i < V]

st.title(t("samp.title"))
st.write(t("samp.intro"))
b1, b2, _ = st.columns([1, 1, 2])
b1.button(t("samp.preset.story"), on_click=set_prompt, args=(demos.STORY_PROMPT,), key="samp.story_btn",
          help=t("samp.preset.story.help", story=demos.STORY_PROMPT), width="stretch")
b2.button(t("samp.preset.spread"), on_click=set_prompt, args=(demos.SPREAD_PROMPT,), key="samp.spread_btn",
          help=t("samp.preset.spread.help", prompt=demos.SPREAD_PROMPT), width="stretch")
if not prompt().strip():
    st.warning(t("app.empty"))
    st.stop()
prompt_ids = tuple(lm.encode(prompt()))
if not prompt_ids:
    st.warning(t("app.empty"))
    st.stop()
notice_truncation(max(0, len(prompt_ids) - lm.config.n_ctx), lm.config.n_ctx)
KEY = model_key()
BAR_LABELS = {"x": t("samp.axis.token"), "y": t("samp.axis.prob"), "before": t("samp.bars.before"),
              "after": t("samp.bars.after"), "cut": t("samp.bars.cut"), "chosen": t("samp.bars.chosen")}

st.header(t("samp.dist"))
sure = sv.peaked(cached_logits(lm, KEY, prompt_ids))
if sure:                       # one token takes nearly everything: the knobs will show little here
    st.info(t("samp.peaked", tok=lm.token_text(sure[0]).strip(), p=f"{sure[1]:.3f}"))
    st.button(t("samp.preset.spread"), on_click=set_prompt, args=(demos.SPREAD_PROMPT,), key="samp.spread_btn2")
st.latex(r"p_i = \frac{\exp(z_i / T)}{\sum_j \exp(z_j / T)}")
st.caption(t("samp.formula"))


def distribution_panel() -> None:
    # not a fragment: the step-by-step caption below names these settings, so a change reruns
    # the page (≈ 0.05 s, the logits are cached)
    cols = st.columns(5)
    presets = [("samp.preset.greedy", 0.0, 0, 1.0), ("samp.preset.t08", 0.8, 0, 1.0),
               ("samp.preset.topk", 1.0, 10, 1.0), ("samp.preset.topp", 1.0, 0, 0.9),
               ("samp.preset.reset", 1.0, 0, 1.0)]
    for col, (key, T, k, p) in zip(cols, presets):
        col.button(t(key), on_click=set_controls, args=(T, k, p), key=f"{key}.btn", width="stretch")
    c1, c2, c3 = st.columns(3)
    with c1:
        st.slider(t("samp.T"), 0.0, T_SLIDER_MAX, step=0.05, key="samp.T_slider", on_change=from_slider,
                  help=t("samp.T.help"))
        st.number_input(t("samp.T.exact"), 0.0, sv.MAX_TEMPERATURE, step=0.1, key="samp.T",
                        on_change=from_number, format="%.2f")
    with c2:
        st.number_input(t("samp.top_k"), 0, V, step=1, key="samp.top_k", help=t("samp.top_k.help"))
    with c3:
        st.slider(t("samp.top_p"), 0.0, 1.0, step=0.01, key="samp.top_p", help=t("samp.top_p.help"))
    T, k, p = current_settings()
    view = sv.distribution_view(lm, cached_logits(lm, KEY, prompt_ids), T, k, p)
    chart(distribution_bars(view, BAR_LABELS), view["frame"], name="next_token_distribution", key="samp-dist")
    st.caption(t("samp.kept", n=view["n_kept"], V=V))
    if T == 0:
        st.info(t("samp.edge.greedy"))
    elif T > T_SLIDER_MAX:
        st.info(t("samp.edge.hot"))
    if (k == 1 or p == 0.0) and T > 0:
        st.info(t("samp.edge.one"))


distribution_panel()

# ---- step by step ---------------------------------------------------------------------------------
st.header(t("samp.steps"))
st.write(t("samp.steps.intro"))
c1, c2, c3, c4, c5 = st.columns([1.2, 1.2, 1, 1, 1], vertical_alignment="bottom")
c1.number_input(t("samp.seed"), 0, 2**31 - 1, step=1, key="samp.seed", on_change=reset_generation,
                help=t("samp.seed.help"))
c2.number_input(t("samp.n"), 1, 200, step=1, key="samp.n")
c3.button(t("samp.next"), on_click=next_token, key="samp.next_btn", type="primary", width="stretch")
c4.button(t("samp.generate", n=st.session_state["samp.n"]), on_click=generate_n, key="samp.gen_btn",
          width="stretch")
c5.button(t("samp.reset"), on_click=reset_generation, key="samp.reset_btn", width="stretch")
T, k, p = current_settings()
st.caption(t("samp.using", T=f"{T:g}", k=k or t("samp.off"), p=t("samp.off") if p is None else f"{p:g}"))
gen = st.session_state["samp.gen"]
shown = prompt() if len(prompt()) <= 400 else "…" + prompt()[-400:]   # keep the new tokens in view
st.html(sv.highlight_html([shown] + [lm.decode([i]) for i in gen], [False] + [True] * len(gen),
                          colour="#56B4E9"))
st.caption(t("samp.count", n=len(gen)))
last = st.session_state["samp.last"]
if last is not None:
    lT, lk, lp = last["settings"]
    view = sv.distribution_view(lm, cached_logits(lm, KEY, last["ctx"]), lT, lk, lp, chosen=last["chosen"])
    f = view["frame"]
    pc = float(f.loc[f["chosen"], "final"].iloc[0])
    st.subheader(t("samp.drawn", token=lm.token_text(last["chosen"]), p=f"{pc:.3f}"))
    chart(distribution_bars(view, BAR_LABELS), f, name="drawn_from", key="samp-drawn")

# ---- repetition (demo 9) --------------------------------------------------------------------------
st.header(t("samp.rep"))
st.write(t("samp.rep.intro", n=REP_TOKENS, T=REP_TEMPERATURE))
c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
c1.radio(t("samp.rep.source"), ["story", "prompt"], key="samp.rep_source", horizontal=True,
         format_func=lambda s: t(f"samp.rep.source.{s}", story=demos.STORY_PROMPT))
c2.button(t("samp.rep.run"), key="samp.rep_btn", type="primary", width="stretch",
          on_click=lambda: st.session_state.update({"samp.rep_on": True}))
if st.session_state["samp.rep_on"]:
    text = demos.STORY_PROMPT if st.session_state["samp.rep_source"] == "story" else prompt()
    with st.spinner(t("samp.rep.running")):
        try:
            rep = cached_repetition(lm, KEY, text, REP_TOKENS, REP_TEMPERATURE, int(st.session_state["samp.seed"]))
        except InputError:
            st.warning(t("app.empty"))
            rep = None
    if rep is not None:
        st.caption(t("samp.rep.prompt", text=text))
        cols = st.columns(2)
        for col, name in zip(cols, ("greedy", "sampled")):
            r = rep[name]
            with col:
                st.subheader(t(f"samp.rep.{name}", T=r["temperature"]))
                st.metric(t("samp.rep.share"), f"{100 * r['share']:.0f} %")
                st.html(sv.highlight_html(r["tokens"], r["mask"]))
        st.caption(t("samp.rep.note"))
else:
    st.info(t("samp.rep.hint"))

# ---- histogram at three temperatures --------------------------------------------------------------
st.header(t("samp.hist"))
st.write(t("samp.hist.intro", seed=int(st.session_state["samp.seed"])))
hist = cached_histogram(lm, KEY, prompt_ids, int(st.session_state["samp.seed"]), t("samp.other"))
temps = [c for c in hist.columns if c.startswith("T=")]
chart(temperature_histogram(hist, temps, {"x": t("samp.axis.token"), "y": t("samp.hist.y")}), hist,
      name="temperature_samples", key="samp-hist")
