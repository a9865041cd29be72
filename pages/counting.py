"""From counting to a GPT: letter and word n-gram models beside the GPT."""

import math

import pandas as pd
import streamlit as st

from explainer import demos
from explainer.ngram import ADD_K
from explainer.plots.counting import next_word_figure, quality_figure, table_figure, unseen_figure
from explainer.views import counting
from pages.frame.cache import cached, counted_models as counted
from pages.frame.charts import chart, figure
from pages.frame.language import t
from pages.frame.links import as_int, as_text, linked
from pages.frame.models import current_model, gpt2_title, is_gpt2
from pages.frame.page import enter, page_top
from pages.frame.prompt import require_prompt

enter(__file__)

MAX_START = 200


def _lang(lm) -> str:
    return demos.of(lm).lang


def _quality(lm):
    return counting.quality_frame(counted(_lang(lm)), lm, counting.held_out_for(lm))


def _runs_out(lm):
    return counting.runs_out_frame(counted(_lang(lm)), counting.held_out(_lang(lm)))


def _samples(lm, start: str, seed: int):
    return counting.samples(counted(_lang(lm)), lm, start, seed)


def _next(lm, text: str):
    return counting.next_word_frames(counted(_lang(lm)), lm, text)


quality = cached(_quality, max_entries=8)
runs_out = cached(_runs_out, max_entries=8)
samples = cached(_samples, max_entries=64)
next_words = cached(_next, max_entries=64)

lm = current_model()
linked({"counting.start": as_text(MAX_START), "counting.seed": as_int(0, 9999)})
kit = demos.of(lm)
if st.session_state.get("counting.start") in (None, *(k.STORY_START for k in demos.KITS.values())):
    st.session_state["counting.start"] = kit.STORY_START       # an untouched example follows the model
st.session_state.setdefault("counting.seed", 0)

page_top()
st.title(t("counting.title"))
st.write(t("counting.lead"))
if is_gpt2(lm):            # the counts are of our stories, which GPT-2 never read
    st.info(t("counting.gpt2", name=gpt2_title(lm), chars=f"{len(counting.held_out_for(lm)):,}"))
mb = counting.COUNT_BYTES / 1e6
with st.expander(t("counting.how")):
    st.markdown(t("counting.how.text", mb=f"{mb:g}", k=ADD_K))
with st.spinner(t("counting.building", mb=f"{mb:g}")):
    counted(kit.lang)

# ---- 1 · the same start, every model -------------------------------------------------------------
st.header(t("counting.write.header"))
st.caption(t("counting.write.caption"))
c1, c2 = st.columns([3, 1])
c1.text_input(t("counting.start"), key="counting.start", max_chars=MAX_START)
c2.number_input(t("counting.seed"), 0, 9999, key="counting.seed", step=1)
start = st.session_state["counting.start"] or kit.STORY_START
rows = samples(start, int(st.session_state["counting.seed"]))
names = [t(f"counting.model.{r['kind']}", n=r["n"]) for r in rows]
st.dataframe(pd.DataFrame({"model": names, "text": [start + r["text"] for r in rows]}), hide_index=True,
             width="stretch", column_config={
                 "model": st.column_config.TextColumn(t("counting.col.model"), width="small"),
                 "text": st.column_config.TextColumn(t("counting.col.text"), width="large")})

# ---- 2 · quality on held-out text ----------------------------------------------------------------
st.header(t("counting.quality.header"))
q = quality()
held = counting.held_out_for(lm)
st.caption(t("counting.quality.caption", chars=len(held)))
labels = {"letters": t("counting.legend.letters"), "words": t("counting.legend.words"), "gpt": t("counting.legend.gpt"),
          "x": t("counting.axis.n"), "y": t("counting.axis.bits")}
chart(figure("counting.quality", (), lambda: quality_figure(q, labels)), q, "bits_per_character",
      key="counting.chart.quality")
ro = runs_out()
best = q[q["kind"] != "gpt"].sort_values("bits_per_char").iloc[0]
gpt_bits = float(q[q["kind"] == "gpt"]["bits_per_char"].iloc[0])
best_rows = int(ro[(ro["kind"] == best["kind"]) & (ro["n"] == best["n"])]["table"].iloc[0])
params = lm.n_params()
st.markdown(t("counting.quality.result", best=t(f"counting.model.{best['kind']}", n=int(best["n"])),
              best_bits=best["bits_per_char"], gpt=gpt_bits, ratio=best["bits_per_char"] / gpt_bits,
              params=f"{params:,}", rows=f"{best_rows:,}"))

# ---- 3 · why counting runs out -------------------------------------------------------------------
st.header(t("counting.runs.header"))
st.caption(t("counting.runs.caption"))
a, b = st.columns(2)
with a:
    chart(figure("counting.unseen", (), lambda: unseen_figure(ro, {**labels, "y": t("counting.axis.unseen")})),
          ro, "never_seen", key="counting.chart.unseen")
with b:
    tl = {"x": t("counting.axis.n"), "y": t("counting.axis.rows"), "gpt": t("counting.legend.gpt_params"),
          **{f"{k}_{w}": t(f"counting.legend.{k}_{w}") for k in ("letters", "words") for w in ("table", "possible")}}
    chart(figure("counting.table", (), lambda: table_figure(ro, params, tl)), ro, "table_sizes",
          key="counting.chart.table")
cm = counted(kit.lang).letters
n_show = cm.n_max
st.info(t("counting.runs.sentence", V=cm.V - 1, n=n_show, exp=n_show * math.log10(cm.V - 1),
          chars=cm.total, params=f"{params:,}"))

# ---- 4 · the next word after the shared prompt ---------------------------------------------------
st.header(t("counting.next.header"))
text = require_prompt()
d = next_words(text)
if d["context"]:
    # the words as the language writes them (Chinese without spaces)
    st.caption(t("counting.next.caption", n=len(d["context"]), context=("" if kit.lang == "zh" else " ").join(d["context"])))
else:
    st.caption(t("counting.next.none"))
chart(figure("counting.next", (text,), lambda: next_word_figure(d["counting"], d["gpt"], {
    "counting": t("counting.next.counting"), "gpt": t("counting.next.gpt"), "x": t("counting.next.prob")})),
    key="counting.chart.next")
st.markdown(t("counting.next.verdict", cw=d["counting"]["word"].iloc[0], cp=d["counting"]["probability"].iloc[0],
              gw=d["gpt"]["word"].iloc[0], gp=d["gpt"]["probability"].iloc[0]))
