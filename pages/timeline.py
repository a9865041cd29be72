"""How it learned: the model's training run as a timeline, with a slider over its kept snapshots."""

from pathlib import Path

import pandas as pd
import streamlit as st

import explainer
from explainer import demos, scorecard
from explainer.checkpoint import read_scorecard
from explainer.plots.attention import head_heatmap
from explainer.plots.lens import word_lines
from explainer.plots.timeline import abilities_figure, run_figure
from explainer.plots.vectors import word_map_figure
from explainer.views import attention, timeline
from explainer.views.training import next_words_frame
from pages.frame.cache import cached
from pages.frame.charts import chart, figure
from pages.frame.language import t
from pages.frame.links import as_int_choice, linked
from pages.frame.models import current_model, gpt2_title, is_gpt2, load_model
from pages.frame.page import enter, page_top

enter(__file__)

THRESHOLD = 0.3              # the attention page's head labels (the same cache)
head_labels = cached(attention.head_labels, max_entries=16)


def _stage_lm(lm, step: int):
    path = dict(timeline.stages(lm)).get(step)
    return lm if path is None else lm.at_snapshot(path)


def _moment(lm, step: int, head: tuple[int, int]) -> dict:
    return timeline.moment(_stage_lm(lm, step), head)


moment = cached(_moment, max_entries=32)
abilities = cached(timeline.ability_frame, max_entries=8)
loss_curve = cached(timeline.loss_curve, max_entries=8)

lm = current_model()
chosen_gpt2 = gpt2_title(lm) if is_gpt2(lm) else None
if lm.folder is None or not lm.snapshots():          # a snapshot was chosen: show the whole run it came from
    lm = load_model(None)
stages = [s for s, _ in timeline.stages(lm)]
final = stages[-1]
linked({"timeline.step": as_int_choice(stages)})
if st.session_state.get("timeline.step") not in stages:
    st.session_state["timeline.step"] = stages[min(3, len(stages) - 1)] if len(stages) > 1 else final

page_top()
st.title(t("timeline.title"))
if chosen_gpt2:            # GPT-2's run was not published step by step: our model's run stands in
    st.info(t("timeline.gpt2", name=chosen_gpt2))
st.write(t("timeline.lead", steps=f"{int(lm.meta.get('step') or final):,}"))

step = st.select_slider(t("timeline.step"), stages, key="timeline.step",
                        format_func=lambda s: t("timeline.step.final", step=f"{s:,}") if s == final else f"{s:,}")

c1, c2 = st.columns(2)
with c1:
    st.subheader(t("timeline.run.header"))
    loss = loss_curve.on(lm)()
    if loss.empty:
        st.info(t("timeline.run.none"))
    else:
        st.caption(t("timeline.run.caption"))
        chart(figure("timeline.run", (step,), lambda: run_figure(loss, stages, step, {
            "step": t("timeline.axis.step"), "loss": t("timeline.axis.loss"),
            "train": t("timeline.train"), "val": t("timeline.val")})), loss, "training_run", key="timeline.chart.run")
with c2:
    st.subheader(t("timeline.abilities.header"))
    st.caption(t("timeline.abilities.caption"))
    ab = abilities.on(lm)()
    names = {c: t(f"timeline.ability.{c}") for c in timeline.ABILITIES}
    chart(figure("timeline.abilities", (step,), lambda: abilities_figure(ab, names, step, {
        "step": t("timeline.axis.step"), "y": t("timeline.abilities.y")})),
        ab, "skills_by_step", key="timeline.chart.abilities")

    def first_step(col: str) -> str:
        hit = ab[ab[col].fillna(0) >= 0.5]["step"]
        return f"{int(hit.iloc[0]):,}" if len(hit) else t("timeline.abilities.never")
    never = t("timeline.abilities.never")
    st.caption(t("timeline.abilities.story_never" if first_step("ioi") == never else "timeline.abilities.story",
                 capital=first_step("capital_qa"), analogy=first_step("analogy_tokens"), ioi=first_step("ioi"),
                 ioi_end=f"{100 * float(ab['ioi'].fillna(0).iloc[-1]):.0f} %"))

# ---- the scorecard: what the finished models can do, measured on held-out cases --------------------
st.subheader(t("timeline.card.header"))
st.caption(t("timeline.card.caption"))
cards = {"en": read_scorecard(explainer.lm.ASSETS), "zh": read_scorecard(explainer.lm.ASSETS_ZH)}
if lm.folder is not None and Path(lm.folder).resolve() not in {Path(explainer.lm.ASSETS).resolve(),
                                                                Path(explainer.lm.ASSETS_ZH).resolve()}:
    cards["this"] = read_scorecard(lm.folder)
cards = {k: scorecard.card_rows(c) for k, c in cards.items() if c}
if cards:
    def _cell(r: dict) -> str:
        return "—" if r["shown"] is None else f"{r['shown']} {'✓' if r['ok'] else '✗'}"
    st.dataframe(pd.DataFrame({
        t("timeline.card.col.measure"): [t(f"timeline.card.{m}") for m in scorecard.CARD_MEASURES],
        **{t(f"timeline.card.col.{k}"): [_cell(rows[m]) for m in scorecard.CARD_MEASURES] for k, rows in cards.items()},
        t("timeline.card.col.target"): [t(f"timeline.card.target.{m}") for m in scorecard.CARD_MEASURES]}),
        hide_index=True, width="stretch")
    with st.expander(t("timeline.card.more")):
        st.markdown(t("timeline.card.more.text"))
else:
    st.info(t("timeline.card.none"))

# ---- one moment of the run ---------------------------------------------------------------------
labels = head_labels.on(lm)(THRESHOLD)
head = attention.showcase_head(labels) or (lm.config.n_layer - 1, 0)
m = moment.on(lm)(step, tuple(head))
st.header(t("timeline.moment.header", step=step))

a, b = st.columns(2)
with a:
    st.subheader(t("timeline.next.header"))
    st.caption(t("timeline.next.caption"))
    st.dataframe(next_words_frame(m["next"]), hide_index=True, width="stretch", column_config={
        "prompt": st.column_config.TextColumn(t("timeline.col.prompt"), width="small"),
        "top": st.column_config.TextColumn(t("timeline.col.top"), width="large")})
    st.subheader(t("timeline.lens.header"))
    st.caption(t("timeline.lens.caption", answer=demos.of(lm).WARSAW_ANSWER, example=demos.of(lm).EXAMPLE_ANSWER))
    rows = [str(i) for i in range(lm.config.n_layer + 1)]
    chart(figure("timeline.lens", (step,), lambda: word_lines(m["lens"], rows, {"x": t("timeline.lens.x"),
                                                                                 "y": t("timeline.lens.y")})),
          key="timeline.chart.lens")
with b:
    st.subheader(t("timeline.map.header"))
    st.caption(t("timeline.map.caption"))
    if m["map"].empty:
        st.info(t("timeline.map.empty"))
    else:
        groups = {g: t(f"vectors.group.{g}") for g in timeline.MAP_GROUPS}
        chart(figure("timeline.map", (step,), lambda: word_map_figure(m["map"], groups)), m["map"], "word_map",
              key="timeline.chart.map")
    layer, h = m["head"]
    st.subheader(t("timeline.head.header", layer=layer, head=h))
    kind = labels["label"][layer][h] if layer < len(labels["label"]) else ""
    st.caption(t("timeline.head.caption" if kind else "timeline.head.caption.none", prompt=demos.of(lm).IOI_PROMPT,
                 label=t(f"attention.pattern.{kind}") if kind else ""))
    chart(figure("timeline.head", (step, layer, h), lambda: head_heatmap(
        m["head_weights"], m["tokens"], q_label=t("attention.axis.query"), k_label=t("attention.axis.key"),
        weight_label=t("attention.axis.weight"))), key="timeline.chart.head")

with st.expander(t("timeline.more")):
    st.markdown(t("timeline.more.text", steps=", ".join(f"{s:,}" for s in stages[:-1])))
