"""Attention: every head at a glance, one head up close, where one token looks, ablation.

Layout only: the numbers come from explainer.attention / explainer.analysis, the figures from
explainer.plots.attention."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from explainer import attention as A
from explainer import demos
from explainer.analysis import compare_next
from explainer.lensview import word_tokens
from explainer.lm import InputError
from explainer.plots import attention as P
from explainer.plots import visible
from pages.common import chart, current_model, notice_truncation, prompt, set_prompt, t

THRESHOLD = 0.3


# ---- cached computations (pure functions keyed on hashable inputs) ---------------------------

def model_key(lm) -> str:
    return f"{st.session_state.get('model_choice', 'bundled')}|{lm.folder}"


@st.cache_data(max_entries=64, show_spinner=False)
def _attention(_lm, key: str, text: str) -> dict:
    return A.attention_data(_lm, text)


@st.cache_data(max_entries=16, show_spinner=False)
def _labels(_lm, key: str) -> dict:
    return A.head_labels(_lm, THRESHOLD)


@st.cache_data(max_entries=64, show_spinner=False)
def _compare(_lm, key: str, text: str, heads: tuple, layers: tuple) -> dict:
    return compare_next(_lm, text, k=10, heads=heads, attn=layers)


@st.cache_data(max_entries=64, show_spinner=False)
def _answer_probs(_lm, key: str, text: str, words: tuple, heads: tuple, layers: tuple) -> dict:
    return A.answer_probs(_lm, text, list(words), heads=heads, attn=layers)


@st.cache_data(max_entries=32, show_spinner=False)
def _effects(_lm, key: str, text: str, right: str, wrong: str) -> dict:
    return A.head_effects(_lm, text, right, wrong)


# ---- presets (callbacks: they set widget values before the widgets are drawn) ----------------

def _preset_ioi() -> None:
    set_prompt(demos.IOI_PROMPT)
    st.session_state["att.answer"] = demos.IOI_ANSWER
    st.session_state["att.other"] = demos.IOI_SUBJECT
    st.session_state["att.query"] = -1          # the last token ("to")
    st.session_state["att.fx"] = True


def _preset_bank() -> None:
    set_prompt(demos.BANK_PROMPT)
    lm = current_model()
    ids = lm.encode(demos.BANK_PROMPT)
    his = lm.encode(" his")
    pos = next((i for i in range(len(ids)) if ids[i:i + len(his)] == his), len(ids) - 1)
    st.session_state["att.query"] = pos
    st.session_state["att.answer"], st.session_state["att.other"] = "check", "money"


def label_text(labels: dict, l: int, h: int, short: bool = False) -> str:
    lab = labels["label"][l][h]
    if not lab:
        return "" if short else t("att.pattern.none")
    name = t(f"att.short.{lab}") if short else t(f"att.pattern.{lab}")
    return t("att.labelled", label=name, score=labels["score"][l, h])


# ---- page --------------------------------------------------------------------------------------

st.title(t("att.title"))
st.markdown(t("att.intro"))

st.caption(t("att.presets"))
c1, c2 = st.columns(2)
c1.button(t("att.preset.ioi"), on_click=_preset_ioi, help=t("att.preset.ioi.help"),
          key="att.btn.ioi", width="stretch")
c2.button(t("att.preset.bank"), on_click=_preset_bank, help=t("att.preset.bank.help"),
          key="att.btn.bank", width="stretch")

lm = current_model()
KEY = model_key(lm)
cfg = lm.config
text = prompt()
try:
    data = _attention(lm, KEY, text)
except InputError:
    st.info(t("att.empty"))
    st.stop()
notice_truncation(data["truncated"], cfg.n_ctx)
att, tokens = data["attention"], data["tokens"]
L, H, T, _ = att.shape
labels = _labels(lm, KEY)

st.caption(t("att.n_tokens", n=T, layers=L, heads=H, total=L * H))
st.markdown(t("att.how_to_read"))

# -- overview grid
st.subheader(t("att.overview.header"))
st.caption(t("att.overview.caption"))
titles = [[f"L{l}H{h} {label_text(labels, l, h, short=True)}".strip() for h in range(H)] for l in range(L)]
cell = max(90, min(150, 780 // max(H, 1)))
chart(P.overview_grid(att, titles, colorbar_title=t("att.axis.weight"), cell_px=cell),
      A.pattern_frame(att, tokens), "attention_all_heads", key="att.chart.grid")

# -- measured head types
with st.expander(t("att.labels.header"), expanded=False):
    st.caption(t("att.labels.caption", threshold=THRESHOLD))
    st.markdown(t("att.pattern.explain"))
    short = [[label_text(labels, l, h, short=True) or t("att.short.none") for h in range(H)] for l in range(L)]
    ldf = A.labels_frame(labels)
    if not any(labels["label"][l][h] for l in range(L) for h in range(H)):
        st.info(t("att.labels.none", threshold=THRESHOLD))
    chart(P.labels_heatmap(labels["score"], short, t("att.labels.title"), t("att.col.score"),
                           t("att.axis.head"), t("att.axis.layer")), ldf, "head_labels", key="att.chart.labels")
    shown = ldf.assign(label=[t(f"att.pattern.{x}") if x else t("att.pattern.none") for x in ldf["label"]])
    st.dataframe(shown.drop(columns=["layer", "head_index"]).rename(
        columns={"head": t("att.col.head"), "label": t("att.col.label"), "score": t("att.col.score")}),
        hide_index=True, width="stretch")


# -- one head up close
def _clamp(key: str, options: list, default) -> None:
    if st.session_state.get(key) not in options:
        st.session_state[key] = default


@st.fragment
def one_head() -> None:
    st.subheader(t("att.one.header"))
    first = A.showcase_head(labels) or (L - 1, 0)     # open on a head with a clear job
    _clamp("att.layer", list(range(L)), first[0])
    _clamp("att.head", list(range(H)), first[1])
    _clamp("att.view", ["heatmap", "lines"], "heatmap")
    a, b, c = st.columns([1, 1, 2])
    layer = a.selectbox(t("att.layer"), list(range(L)), key="att.layer")
    head = b.selectbox(t("att.head"), list(range(H)), key="att.head")
    view = c.radio(t("att.view"), ["heatmap", "lines"], key="att.view", horizontal=True,
                   format_func=lambda v: t(f"att.view.{v}"))
    w = att[layer, head]
    title = t("att.one.title", layer=layer, head=head, label=label_text(labels, layer, head))
    df = A.pattern_frame(att, tokens, [(layer, head)])
    if view == "heatmap":
        chart(P.head_heatmap(w, tokens, title, t("att.axis.query"), t("att.axis.key"), t("att.axis.weight")),
              df, f"attention_L{layer}H{head}", key="att.chart.head")
    else:
        d, e = st.columns(2)
        min_w = d.slider(t("att.lines.min"), 0.0, 0.5, 0.05, 0.01, key="att.lines.min")
        focus_opts = [-1] + list(range(T))
        _clamp("att.lines.focus", focus_opts, -1)
        focus = e.selectbox(t("att.lines.focus"), focus_opts, key="att.lines.focus",
                            format_func=lambda i: t("att.lines.all") if i < 0 else f"{i}: {visible(tokens[i])}")
        st.caption(t("att.lines.caption"))
        chart(P.lines_view(w, tokens, None if focus < 0 else focus, max(min_w, 1e-6), title,
                           t("att.lines.left"), t("att.lines.right")),
              df, f"attention_L{layer}H{head}", key="att.chart.lines")


one_head()


# -- one query token across all heads
@st.fragment
def one_query() -> None:
    st.subheader(t("att.query.header"))
    q = st.session_state.get("att.query", -1)
    if not isinstance(q, (int, np.integer)) or q < 0 or q >= T:
        st.session_state["att.query"] = T - 1
    q = st.selectbox(t("att.query.select"), list(range(T)), key="att.query",
                     format_func=lambda i: f"{i}: {visible(tokens[i])}")
    st.caption(t("att.query.caption"))
    rows = A.query_rows(att, q)
    short = [[label_text(labels, l, h, short=True) for h in range(H)] for l in range(L)]
    df = pd.DataFrame([{"layer": r // H, "head": r % H, "query_pos": q, "query_token": tokens[q],
                        "key_pos": j, "key_token": tokens[j], "weight": float(rows[r, j])}
                       for r in range(L * H) for j in range(q + 1)])
    chart(P.query_heads(rows, tokens, q, H, t("att.query.title", token=visible(tokens[q]), pos=q), short,
                        t("att.axis.weight")),
          df, f"attention_of_token_{q}", key="att.chart.query")


one_query()


# -- ablation
def _words() -> tuple[str, str] | None:
    right = (st.session_state.get("att.answer") or "").strip()
    wrong = (st.session_state.get("att.other") or "").strip()
    return (right, wrong) if right and wrong else None


@st.fragment
def ablation() -> None:
    st.subheader(t("att.abl.header"))
    st.caption(t("att.abl.caption"))
    head_opts = [A.head_name(l, h) for l in range(L) for h in range(H)]
    st.session_state["att.abl_heads"] = [x for x in st.session_state.get("att.abl_heads", []) if x in head_opts]
    st.session_state["att.abl_layers"] = [x for x in st.session_state.get("att.abl_layers", []) if x in range(L)]
    st.session_state.setdefault("att.answer", demos.IOI_ANSWER)
    st.session_state.setdefault("att.other", demos.IOI_SUBJECT)
    a, b = st.columns([2, 1])
    chosen = a.multiselect(t("att.abl.heads"), head_opts, placeholder=t("app.choose"), key="att.abl_heads")
    layers = b.multiselect(t("att.abl.layers"), list(range(L)), key="att.abl_layers", placeholder=t("app.choose"),
                           format_func=lambda l: t("att.abl.layer_name", layer=l))
    c, d = st.columns(2)
    c.text_input(t("att.abl.answer"), key="att.answer", help=t("att.abl.words_help"))
    d.text_input(t("att.abl.other"), key="att.other", help=t("att.abl.words_help"))
    heads = tuple(sorted(A.parse_head(x) for x in chosen))
    layers = tuple(sorted(layers))
    words = _words()
    if words:
        probs = _answer_probs(lm, KEY, text, words, heads, layers)
        cols = st.columns(len(words))
        for col, w in zip(cols, words):
            before, after = probs[w]
            col.metric(t("att.abl.metric", word=w), f"{before:.3f} → {after:.3f}",
                       f"{after - before:+.3f}" if heads or layers else None)   # no change shown before a choice
        for w in word_tokens(lm, list(words)):
            if w["split"]:          # the probability is that of the word's first piece only
                st.caption(t("lens.split", word=w["word"], token=w["token"]))
    else:
        st.warning(t("att.word_error"))
    if not heads and not layers:
        st.info(t("att.abl.none"))
        return
    res = _compare(lm, KEY, text, heads, layers)
    what = ", ".join([A.head_name(*h) for h in heads] + [t("att.abl.layer_name", layer=l) for l in layers])
    toks = [lm.token_text(i) for i in res["ids"]]          # byte fragments rendered safely
    df = pd.DataFrame({"token": toks, "before": res["before"], "after": res["after"]})
    df["change"] = df["after"] - df["before"]
    chart(P.compare_bars(toks, res["before"], res["after"], t("att.abl.title", what=what),
                         t("att.abl.before"), t("att.abl.after"), t("att.abl.prob")),
          df, "ablation_next_token", key="att.chart.abl")
    st.dataframe(df.assign(token=[visible(x) for x in df["token"]]).rename(columns={
        "token": t("att.abl.col.token"), "before": t("att.abl.col.before"),
        "after": t("att.abl.col.after"), "change": t("att.abl.col.change")}).style.format(precision=4),
        hide_index=True, width="stretch")


ablation()


@st.fragment
def effects() -> None:
    st.subheader(t("att.fx.header"))
    st.caption(t("att.fx.caption", n=L * H))
    on = st.toggle(t("att.fx.run"), key="att.fx")
    if not on:
        return
    words = _words()
    if not words:
        st.warning(t("att.word_error"))
        return
    right, wrong = words
    if right == wrong:
        st.warning(t("att.fx.same"))
        return
    fx = _effects(lm, KEY, text, right, wrong)
    st.write(t("att.fx.base", base=fx["base"]))
    drop = fx["drop"]
    order = np.argsort(-drop, axis=None)[:3]
    top = [f"{A.head_name(int(i) // H, int(i) % H)} ({drop.flat[i]:+.2f})" for i in order if drop.flat[i] > 0]
    if top:
        st.write(t("att.fx.top", heads=", ".join(top)))
    df = pd.DataFrame([{"layer": l, "head": h, "drop": float(drop[l, h]), "diff_after": float(fx["diff"][l, h]),
                        "diff_before": fx["base"]} for l in range(L) for h in range(H)])
    chart(P.effects_heatmap(drop, t("att.fx.title", right=right, wrong=wrong), t("att.fx.colorbar"),
                            t("att.axis.head"), t("att.axis.layer")),
          df, "head_effects", key="att.chart.fx")


effects()
