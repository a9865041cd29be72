"""Attention: every head at a glance, one head up close, where one token looks, ablation.

Layout only: the numbers come from explainer.views.attention (what heads look at) and
explainer.ablation (what switching them off changes), the figures from explainer.plots.attention."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from explainer import ablation, demos
from explainer.lm import find_subsequence
from explainer.model import Intervention
from explainer.plots import attention as P
from explainer.plots import visible
from explainer.views import attention
from pages.frame.cache import cached
from pages.frame.charts import chart, figure
from pages.frame.language import join_list, t
from pages.frame.links import as_int, as_text, linked, linked_part
from pages.frame.models import current_model
from pages.frame.page import enter, page_top
from pages.frame.prompt import notice_truncation, require_prompt, set_prompt

enter(__file__)

THRESHOLD = 0.3


def _compare(lm, text: str, heads: tuple, layers: tuple) -> dict:
    return ablation.compare(lm, text, Intervention.zero(heads=heads, attn=layers), k=10)


def _word_probs(lm, text: str, words: tuple, heads: tuple, layers: tuple) -> dict:
    return ablation.word_probs(lm, text, list(words), Intervention.zero(heads=heads, attn=layers))


attention_data = cached(attention.attention_data)
head_labels = cached(attention.head_labels, max_entries=16)
compare = cached(_compare)
word_probs = cached(_word_probs)
head_effects = cached(ablation.head_effects, max_entries=32)


# ---- presets (callbacks: they set widget values before the widgets are drawn) ----------------

def _preset_ioi() -> None:
    kit = demos.of(current_model())
    set_prompt(kit.IOI_PROMPT)
    st.session_state["attention.answer"] = kit.IOI_ANSWER
    st.session_state["attention.other"] = kit.IOI_SUBJECT
    st.session_state["attention.query"] = -1          # the last token ("to")
    st.session_state["attention.fx"] = True


def _preset_bank() -> None:
    lm = current_model()
    kit = demos.of(lm)
    set_prompt(kit.BANK_PROMPT)
    ids = lm.encode(kit.BANK_PROMPT)
    pos = find_subsequence(ids, lm.word_ids(kit.BANK_QUERY))
    st.session_state["attention.query"] = pos if pos >= 0 else len(ids) - 1
    st.session_state["attention.answer"], st.session_state["attention.other"] = kit.BANK_WORDS


def label_text(labels: dict, l: int, h: int, short: bool = False) -> str:
    lab = labels["label"][l][h]
    if not lab:
        return "" if short else t("attention.pattern.none")
    name = t(f"attention.short.{lab}") if short else t(f"attention.pattern.{lab}")
    return t("attention.labelled", label=name, score=labels["score"][l, h])


# ---- page --------------------------------------------------------------------------------------

page_top()
st.title(t("attention.title"))
st.markdown(t("attention.lead"))
with st.expander(t("attention.more")):
    st.markdown(t("attention.intro"))
    st.markdown(t("attention.how_to_read"))

st.caption(t("attention.presets"))
c1, c2 = st.columns(2)
kit = demos.of(current_model())
c1.button(t("attention.preset.ioi", prompt=kit.IOI_PROMPT), on_click=_preset_ioi,
          help=t("attention.preset.ioi.help", answer=kit.IOI_ANSWER), key="attention.btn.ioi", width="stretch")
c2.button(t("attention.preset.bank", prompt=kit.BANK_PROMPT), on_click=_preset_bank,
          help=t("attention.preset.bank.help", query=kit.BANK_QUERY),
          key="attention.btn.bank", width="stretch")

lm = current_model()
cfg = lm.config
linked({"attention.layer": as_int(0, cfg.n_layer - 1), "attention.head": as_int(0, cfg.n_head - 1),
        "attention.query": as_int(-1, cfg.n_ctx - 1), "attention.answer": as_text(60),
        "attention.other": as_text(60)})
text = require_prompt()
data = attention_data(text)
notice_truncation(data["truncated"], cfg.n_ctx)
att, tokens = data["attention"], data["tokens"]
L, H, T, _ = att.shape
labels = head_labels(THRESHOLD)

st.caption(t("attention.n_tokens", n=T, layers=L, heads=H, total=L * H))

# -- overview grid
st.subheader(t("attention.overview.header"))
st.caption(t("attention.overview.caption"))
# the kind of each head, written inside its map (six maps side by side fit a phone, 390 px, without overlaps)
titles = [[t("attention.short." + labels["label"][l][h]) if labels["label"][l][h] else "" for h in range(H)]
          for l in range(L)]
cell = max(90, min(150, 780 // max(H, 1)))
chart(figure("attention.grid", (text,), lambda: P.overview_grid(att, titles, colorbar_title=t("attention.axis.weight"), tokens=tokens,
                                                                  cell_px=cell)),
      lambda: attention.pattern_frame(att, tokens), "attention_all_heads", key="attention.chart.grid")

# -- measured head types
with st.expander(t("attention.labels.header"), expanded=False):
    st.caption(t("attention.labels.caption", threshold=THRESHOLD))
    counts = {p_: sum(lab == p_ for row in labels["label"] for lab in row) for p_ in attention.PATTERNS}
    st.caption(t("attention.labels.count", counts=join_list(f"{t(f'attention.pattern.{p_}')} {n}" for p_, n in counts.items())))
    st.markdown(t("attention.pattern.explain"))
    short = [[label_text(labels, l, h, short=True) or t("attention.short.none") for h in range(H)] for l in range(L)]
    ldf = attention.labels_frame(labels)
    if not any(labels["label"][l][h] for l in range(L) for h in range(H)):
        st.info(t("attention.labels.none", threshold=THRESHOLD))
    chart(figure("attention.labels", (), lambda: P.labels_heatmap(
        labels["score"], short, t("attention.labels.title"), t("attention.col.score"), t("attention.axis.head"),
        t("attention.axis.layer"))), ldf, "head_labels", key="attention.chart.labels")
    shown = ldf.assign(label=[t(f"attention.pattern.{x}") if x else t("attention.pattern.none") for x in ldf["label"]])
    st.dataframe(shown.drop(columns=["layer", "head_index"]).rename(
        columns={"head": t("attention.col.head"), "label": t("attention.col.label"), "score": t("attention.col.score")}),
        hide_index=True, width="stretch")


# -- one head up close
def _clamp(key: str, options: list, default) -> None:
    if st.session_state.get(key) not in options:
        st.session_state[key] = default


@linked_part
def one_head() -> None:
    st.subheader(t("attention.one.header"))
    first = attention.showcase_head(labels) or (L - 1, 0)     # open on a head with a clear job
    _clamp("attention.layer", list(range(L)), first[0])
    _clamp("attention.head", list(range(H)), first[1])
    _clamp("attention.view", ["heatmap", "lines"], "heatmap")
    a, b, c = st.columns([1, 1, 2])
    layer = a.selectbox(t("attention.layer"), list(range(L)), key="attention.layer")
    head = b.selectbox(t("attention.head"), list(range(H)), key="attention.head")
    view = c.radio(t("attention.view"), ["heatmap", "lines"], key="attention.view", horizontal=True,
                   format_func=lambda v: t(f"attention.view.{v}"))
    w = att[layer, head]
    title = t("attention.one.title", layer=layer, head=head, label=label_text(labels, layer, head))
    def df():                         # the CSV below the chart, made only when it is downloaded
        return attention.pattern_frame(att, tokens, [(layer, head)])
    if view == "heatmap":
        chart(figure("attention.head", (text, layer, head), lambda: P.head_heatmap(
            w, tokens, title, t("attention.axis.query"), t("attention.axis.key"), t("attention.axis.weight"))),
              df, f"attention_L{layer}H{head}", key="attention.chart.head")
    else:
        d, e = st.columns(2)
        min_w = d.slider(t("attention.lines.min"), 0.0, 0.5, 0.05, 0.01, key="attention.lines.min")
        focus_opts = [-1] + list(range(T))
        _clamp("attention.lines.focus", focus_opts, -1)
        focus = e.selectbox(t("attention.lines.focus"), focus_opts, key="attention.lines.focus",
                            format_func=lambda i: t("attention.lines.all") if i < 0 else f"{i}: {visible(tokens[i])}")
        st.caption(t("attention.lines.caption"))
        chart(figure("attention.lines", (text, layer, head, focus, min_w), lambda: P.lines_view(
            w, tokens, None if focus < 0 else focus, max(min_w, 1e-6), title, t("attention.lines.left"),
            t("attention.lines.right"))),
              df, f"attention_L{layer}H{head}", key="attention.chart.lines")


one_head()


# -- one query token across all heads
@linked_part
def one_query() -> None:
    st.subheader(t("attention.query.header"))
    q = st.session_state.get("attention.query", -1)
    if not isinstance(q, (int, np.integer)) or q < 0 or q >= T:
        st.session_state["attention.query"] = T - 1
    q = st.selectbox(t("attention.query.select"), list(range(T)), key="attention.query",
                     format_func=lambda i: f"{i}: {visible(tokens[i])}")
    st.caption(t("attention.query.caption", query=kit.BANK_QUERY, prompt=kit.BANK_PROMPT, name=kit.BANK_NAME))
    rows = attention.query_rows(att, q)
    short = [[label_text(labels, l, h, short=True) for h in range(H)] for l in range(L)]
    def df():                         # the CSV below the chart, made only when it is downloaded
        return pd.DataFrame([{"layer": r // H, "head": r % H, "query_pos": q, "query_token": tokens[q],
                              "key_pos": j, "key_token": tokens[j], "weight": float(rows[r, j])}
                             for r in range(L * H) for j in range(q + 1)])
    chart(figure("attention.query", (text, q), lambda: P.query_heads(
        rows, tokens, q, H, t("attention.query.title", token=visible(tokens[q]), pos=q), short, t("attention.axis.weight"))),
          df, f"attention_of_token_{q}", key="attention.chart.query")


one_query()


# -- ablation
def _words() -> tuple[str, str] | None:
    right = (st.session_state.get("attention.answer") or "").strip()
    wrong = (st.session_state.get("attention.other") or "").strip()
    return (right, wrong) if right and wrong else None


@linked_part
def switch_off_heads() -> None:
    st.subheader(t("attention.abl.header"))
    st.caption(t("attention.abl.caption"))
    head_opts = [attention.head_name(l, h) for l in range(L) for h in range(H)]
    st.session_state["attention.abl_heads"] = [x for x in st.session_state.get("attention.abl_heads", []) if x in head_opts]
    st.session_state["attention.abl_layers"] = [x for x in st.session_state.get("attention.abl_layers", []) if x in range(L)]
    st.session_state.setdefault("attention.answer", demos.of(lm).IOI_ANSWER)
    st.session_state.setdefault("attention.other", demos.of(lm).IOI_SUBJECT)
    a, b = st.columns([2, 1])
    chosen = a.multiselect(t("attention.abl.heads"), head_opts, placeholder=t("app.choose"), key="attention.abl_heads")
    layers = b.multiselect(t("attention.abl.layers"), list(range(L)), key="attention.abl_layers", placeholder=t("app.choose"),
                           format_func=lambda l: t("attention.abl.layer_name", layer=l))
    c, d = st.columns(2)
    c.text_input(t("attention.abl.answer"), key="attention.answer", help=t("attention.abl.words_help"))
    d.text_input(t("attention.abl.other"), key="attention.other", help=t("attention.abl.words_help"))
    heads = tuple(sorted(attention.parse_head(x) for x in chosen))
    layers = tuple(sorted(layers))
    words = _words()
    if words:
        probs = word_probs(text, words, heads, layers)
        cols = st.columns(len(words))
        for col, w in zip(cols, words):
            before, after = probs[w]
            col.metric(t("attention.abl.metric", word=w), f"{before:.3f} → {after:.3f}",
                       f"{after - before:+.3f}" if heads or layers else None)   # no change shown before a choice
        for w in lm.answer_tokens(list(words)):
            if w["split"]:          # the probability is that of the word's first piece only
                st.caption(t("lens.split", word=w["word"], token=w["token"]))
    else:
        st.warning(t("attention.word_error"))
    if not heads and not layers:
        st.info(t("attention.abl.none"))
        return
    res = compare(text, heads, layers)
    what = ", ".join([attention.head_name(*h) for h in heads] + [t("attention.abl.layer_name", layer=l) for l in layers])
    toks = [lm.token_text(i) for i in res["ids"]]          # byte fragments rendered safely
    df = pd.DataFrame({"token": toks, "before": res["before"], "after": res["after"]})
    df["change"] = df["after"] - df["before"]
    chart(figure("attention.abl", (text, heads, layers), lambda: P.compare_bars(
        toks, res["before"], res["after"], t("attention.abl.title", what=what), t("attention.abl.before"),
        t("attention.abl.after"), t("attention.abl.prob"))),
          df, "ablation_next_token", key="attention.chart.abl")
    st.dataframe(df.assign(token=[visible(x) for x in df["token"]]).rename(columns={
        "token": t("attention.abl.col.token"), "before": t("attention.abl.col.before"),
        "after": t("attention.abl.col.after"), "change": t("attention.abl.col.change")}).style.format(precision=4),
        hide_index=True, width="stretch")


switch_off_heads()


@linked_part
def effects() -> None:
    st.subheader(t("attention.fx.header"))
    right, wrong = _words() or (kit.IOI_ANSWER, kit.IOI_SUBJECT)
    st.caption(t("attention.fx.caption", n=L * H, right=right, wrong=wrong))
    on = st.toggle(t("attention.fx.run"), key="attention.fx")
    if not on:
        return
    words = _words()
    if not words:
        st.warning(t("attention.word_error"))
        return
    right, wrong = words
    if right == wrong:
        st.warning(t("attention.fx.same"))
        return
    fx = head_effects(text, right, wrong)
    st.write(t("attention.fx.base", base=fx["base"]))
    drop = fx["drop"]
    order = np.argsort(-drop, axis=None)[:3]
    top = [f"{attention.head_name(int(i) // H, int(i) % H)} ({drop.flat[i]:+.2f})" for i in order if drop.flat[i] > 0]
    if top:
        st.write(t("attention.fx.top", heads=", ".join(top)))
    def df():                         # the CSV below the chart, made only when it is downloaded
        return pd.DataFrame([{"layer": l, "head": h, "drop": float(drop[l, h]), "diff_after": float(fx["diff"][l, h]),
                              "diff_before": fx["base"]} for l in range(L) for h in range(H)])
    chart(figure("attention.fx", (text, right, wrong), lambda: P.effects_heatmap(
        drop, t("attention.fx.title", right=right, wrong=wrong), t("attention.fx.colorbar"), t("attention.axis.head"),
        t("attention.axis.layer"))),
          df, "head_effects", key="attention.chart.fx")


effects()
