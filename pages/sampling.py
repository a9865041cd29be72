"""Sampling: from scores to a chosen token — temperature, top-k, top-p, step by step, repetition."""

import numpy as np
import pandas as pd
import streamlit as st

from explainer import demos
from explainer.plots.sampling import distribution_bars, temperature_histogram
from explainer.views import sampling
from pages.frame.cache import cached
from pages.frame.charts import chart, figure
from pages.frame.language import t
from pages.frame.links import as_float, as_int, linked
from pages.frame.models import current_model
from pages.frame.page import enter, page_top
from pages.frame.prompt import notice_truncation, prompt, require_prompt, set_prompt

enter(__file__)

T_SLIDER_MAX = 3.0
REP_TOKENS, REP_TEMPERATURE = 120, 0.8
MAX_GENERATED = 1_000        # tokens the step-by-step panel holds before it asks for a reset


def _logits(lm, ids: tuple) -> np.ndarray:
    return lm.last_logits(list(ids))


def _histogram(lm, ids: tuple, seed: int, other: str) -> pd.DataFrame:
    return sampling.temperature_samples(lm, logits_after(ids), seed=seed, other=other)


def _distribution(lm, ids: tuple, T: float, k: int, p: float, chosen: int | None = None) -> dict:
    return sampling.distribution_view(lm, logits_after(ids), T, k, p, chosen=chosen)


logits_after = cached(_logits, max_entries=256)
distribution = cached(_distribution, max_entries=256)
repetition_run = cached(sampling.repetition_run, max_entries=16)
histogram = cached(_histogram)


# ---- session state and callbacks ----------------------------------------------------------------
DEFAULTS = {"sampling.T": 1.0, "sampling.top_k": 0, "sampling.top_p": 1.0, "sampling.seed": 0,
            "sampling.n": 20, "sampling.gen": [], "sampling.last": None, "sampling.rep_on": False,
            "sampling.rep_source": "story"}
linked({"sampling.T": as_float(0, sampling.MAX_TEMPERATURE), "sampling.top_k": as_int(0, current_model().config.vocab_size),
        "sampling.top_p": as_float(0, 1), "sampling.seed": as_int(0, 2**31 - 1)})
for k, v in DEFAULTS.items():
    st.session_state.setdefault(k, v)
# the slider shows the exact temperature (capped at its end), whichever control set it
st.session_state["sampling.T_slider"] = min(float(st.session_state["sampling.T"]), T_SLIDER_MAX)


def current_settings():
    return sampling.settings(st.session_state["sampling.T"], st.session_state["sampling.top_k"], st.session_state["sampling.top_p"])


def set_controls(T: float = 1.0, top_k: int = 0, top_p: float = 1.0) -> None:
    st.session_state["sampling.T"] = float(T)
    st.session_state["sampling.top_k"] = int(top_k)
    st.session_state["sampling.top_p"] = float(top_p)


def from_slider() -> None:
    st.session_state["sampling.T"] = float(st.session_state["sampling.T_slider"])


def reset_generation() -> None:
    st.session_state["sampling.gen"] = []
    st.session_state["sampling.last"] = None
    st.session_state["sampling.rng"] = np.random.default_rng(int(st.session_state["sampling.seed"]))
    st.session_state["sampling.gen_prompt"] = prompt()


def context_ids() -> tuple:
    return tuple(current_model().encode(prompt())) + tuple(st.session_state["sampling.gen"])


def room() -> int:
    return MAX_GENERATED - len(st.session_state["sampling.gen"])


def next_token() -> None:
    ctx = context_ids()
    if not ctx or room() <= 0:
        return
    T, k, p = current_settings()
    nxt, _ = sampling.sample_next(logits_after(ctx), st.session_state["sampling.rng"], T, k, p)
    st.session_state["sampling.gen"] = list(st.session_state["sampling.gen"]) + [nxt]
    st.session_state["sampling.last"] = {"ctx": ctx, "chosen": nxt, "settings": (T, k, p)}


def generate_n() -> None:
    lm = current_model()
    ctx = context_ids()
    if not ctx or room() <= 0:
        return
    T, k, p = current_settings()
    n = min(int(st.session_state["sampling.n"]), room())
    new = sampling.continue_ids(lm, list(ctx), n, st.session_state["sampling.rng"], T, k, p)
    st.session_state["sampling.gen"] = list(st.session_state["sampling.gen"]) + new
    st.session_state["sampling.last"] = None


# ---- page -------------------------------------------------------------------------------------------
lm = current_model()
V = lm.config.vocab_size
if "sampling.rng" not in st.session_state or st.session_state.get("sampling.gen_prompt") != prompt():
    reset_generation()
st.session_state["sampling.gen"] = [i for i in st.session_state["sampling.gen"] if 0 <= i < V]

page_top()
st.title(t("sampling.title"))
st.write(t("sampling.intro"))
b1, b2, _ = st.columns([1, 1, 2])
b1.button(t("sampling.preset.story"), on_click=set_prompt, args=(demos.of(lm).STORY_PROMPT,), key="sampling.story_btn",
          help=t("sampling.preset.story.help", story=demos.of(lm).STORY_PROMPT), width="stretch")
b2.button(t("sampling.preset.spread"), on_click=set_prompt, args=(demos.of(lm).SPREAD_PROMPT,), key="sampling.spread_btn",
          help=t("sampling.preset.spread.help", prompt=demos.of(lm).SPREAD_PROMPT), width="stretch")
prompt_ids = tuple(lm.encode(require_prompt()))
notice_truncation(max(0, len(prompt_ids) - lm.config.n_ctx), lm.config.n_ctx)
BAR_LABELS = {"x": t("sampling.axis.token"), "y": t("sampling.axis.prob"), "before": t("sampling.bars.before"),
              "after": t("sampling.bars.after"), "cut": t("sampling.bars.cut"), "chosen": t("sampling.bars.chosen")}

st.header(t("sampling.dist"))
sure = sampling.peaked(logits_after(prompt_ids))
if sure:                       # one token takes nearly everything: the knobs will show little here
    st.info(t("sampling.peaked", tok=lm.token_text(sure[0]).strip(), p=f"{sure[1]:.3f}"))
    st.button(t("sampling.preset.spread"), on_click=set_prompt, args=(demos.of(lm).SPREAD_PROMPT,), key="sampling.spread_btn2")
st.latex(r"p_i = \frac{\exp(z_i / T)}{\sum_j \exp(z_j / T)}")
st.caption(t("sampling.formula"))


def distribution_panel() -> None:
    # not a fragment: the step-by-step caption below names these settings, so a change reruns
    # the page (≈ 0.05 s, the logits are cached)
    cols = st.columns(5)
    presets = [("sampling.preset.greedy", 0.0, 0, 1.0), ("sampling.preset.t08", 0.8, 0, 1.0),
               ("sampling.preset.topk", 1.0, 10, 1.0), ("sampling.preset.topp", 1.0, 0, 0.9),
               ("sampling.preset.reset", 1.0, 0, 1.0)]
    for col, (key, T, k, p) in zip(cols, presets):
        col.button(t(key), on_click=set_controls, args=(T, k, p), key=f"{key}.btn", width="stretch")
    c1, c2, c3 = st.columns(3)
    with c1:
        st.slider(t("sampling.T"), 0.0, T_SLIDER_MAX, step=0.05, key="sampling.T_slider", on_change=from_slider,
                  help=t("sampling.T.help"))
        st.number_input(t("sampling.T.exact"), 0.0, sampling.MAX_TEMPERATURE, step=0.1, key="sampling.T",
                        format="%.2f")
    with c2:
        st.number_input(t("sampling.top_k"), 0, V, step=1, key="sampling.top_k", help=t("sampling.top_k.help"))
    with c3:
        st.slider(t("sampling.top_p"), 0.0, 1.0, step=0.01, key="sampling.top_p", help=t("sampling.top_p.help"))
    T, k, p = current_settings()
    dist = distribution(prompt_ids, T, k, p)
    chart(figure("sampling.dist", (prompt_ids, T, k, p), lambda: distribution_bars(dist, BAR_LABELS)), dist["frame"],
          name="next_token_distribution", key="sampling.chart.dist")
    st.caption(t("sampling.kept", n=dist["n_kept"], V=V))
    if T == 0:
        st.info(t("sampling.edge.greedy"))
    elif T > T_SLIDER_MAX:
        st.info(t("sampling.edge.hot"))
    if (k == 1 or p == 0.0) and T > 0:
        st.info(t("sampling.edge.one"))


distribution_panel()

# ---- step by step ---------------------------------------------------------------------------------
st.header(t("sampling.steps"))
st.write(t("sampling.steps.intro"))
c1, c2, c3, c4, c5 = st.columns([1.2, 1.2, 1, 1, 1], vertical_alignment="bottom")
c1.number_input(t("sampling.seed"), 0, 2**31 - 1, step=1, key="sampling.seed", on_change=reset_generation,
                help=t("sampling.seed.help"))
c2.number_input(t("sampling.n"), 1, 200, step=1, key="sampling.n")
full = room() <= 0
c3.button(t("sampling.next"), on_click=next_token, key="sampling.next_btn", type="primary", width="stretch",
          disabled=full)
c4.button(t("sampling.generate", n=st.session_state["sampling.n"]), on_click=generate_n, key="sampling.gen_btn",
          width="stretch", disabled=full)
c5.button(t("sampling.reset"), on_click=reset_generation, key="sampling.reset_btn", width="stretch")
T, k, p = current_settings()
st.caption(t("sampling.using", T=f"{T:g}", k=k or t("sampling.off"), p=t("sampling.off") if p is None else f"{p:g}"))
gen = st.session_state["sampling.gen"]
shown = prompt() if len(prompt()) <= 400 else "…" + prompt()[-400:]   # keep the new tokens in view
st.html(sampling.highlight_html([shown] + lm.pieces(gen, before=shown), [False] + [True] * len(gen),
                          colour="#56B4E9"))
st.caption(t("sampling.count", n=len(gen)))
if full:
    st.info(t("sampling.full", n=f"{MAX_GENERATED:,}"))
last = st.session_state["sampling.last"]
if last is not None:
    lT, lk, lp = last["settings"]
    dist = distribution(last["ctx"], lT, lk, lp, last["chosen"])
    f = dist["frame"]
    pc = float(f.loc[f["chosen"], "final"].iloc[0])
    st.subheader(t("sampling.drawn", token=lm.token_text(last["chosen"]), p=f"{pc:.3f}"))
    chart(figure("sampling.drawn", (last["ctx"], last["settings"], last["chosen"]),
                 lambda: distribution_bars(dist, BAR_LABELS)), f, name="drawn_from", key="sampling.chart.drawn")

# ---- repetition (demo 9) --------------------------------------------------------------------------
st.header(t("sampling.rep"))
st.write(t("sampling.rep.intro", n=REP_TOKENS, T=REP_TEMPERATURE))
c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
c1.radio(t("sampling.rep.source"), ["story", "prompt"], key="sampling.rep_source", horizontal=True,
         format_func=lambda s: t(f"sampling.rep.source.{s}", story=demos.of(lm).STORY_PROMPT))
c2.button(t("sampling.rep.run"), key="sampling.rep_btn", type="primary", width="stretch",
          on_click=lambda: st.session_state.update({"sampling.rep_on": True}))
if st.session_state["sampling.rep_on"]:
    text = demos.of(lm).STORY_PROMPT if st.session_state["sampling.rep_source"] == "story" else prompt()
    with st.spinner(t("sampling.rep.running")):
        rep = repetition_run(text, REP_TOKENS, REP_TEMPERATURE, int(st.session_state["sampling.seed"]))
    st.caption(t("sampling.rep.prompt", text=text))
    cols = st.columns(2)
    for col, name in zip(cols, ("greedy", "sampled")):
        r = rep[name]
        with col:
            st.subheader(t(f"sampling.rep.{name}", T=r["temperature"]))
            st.metric(t("sampling.rep.share"), f"{100 * r['share']:.0f} %")
            st.html(sampling.highlight_html(r["tokens"], r["mask"]))
    st.caption(t("sampling.rep.note"))
else:
    st.info(t("sampling.rep.hint"))

# ---- histogram at three temperatures --------------------------------------------------------------
st.header(t("sampling.hist"))
st.write(t("sampling.hist.intro", seed=int(st.session_state["sampling.seed"])))
hist = histogram(prompt_ids, int(st.session_state["sampling.seed"]), t("sampling.other"))
temps = [c for c in hist.columns if c.startswith("T=")]
chart(figure("sampling.hist", (prompt_ids, int(st.session_state["sampling.seed"])), lambda: temperature_histogram(
      hist, temps, {"x": t("sampling.axis.token"), "y": t("sampling.hist.y")})), hist,
      name="temperature_samples", key="sampling.chart.hist")
