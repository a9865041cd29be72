"""Overview: the user's prompt flowing through the model, with real shapes and numbers."""

import pandas as pd
import streamlit as st

from explainer.plots.overview import params_figure, resid_norm_figure, scale_figure
from explainer.tokenizer import unsegment
from explainer.views.overview import pipeline_summary, scale_rows
from pages.frame.cache import cached
from pages.frame.charts import chart, figure
from pages.frame.language import t
from pages.frame.menu import PAGES
from pages.frame.models import current_model, gpt2_title, is_gpt2
from pages.frame.page import enter, page_top
from pages.frame.prompt import notice_truncation, prompt, require_prompt, set_prompt

enter(__file__)


def _param_counts(lm) -> dict:
    return lm.param_counts()


# computed once per model and prompt, shared by every user (a trace and two weight matrices per view before)
pipeline = cached(pipeline_summary)
param_counts = cached(_param_counts, max_entries=8)
model_sizes = cached(scale_rows, max_entries=8)

lm = current_model()
page_top()
st.title(t("overview.title"))
st.write(t("overview.intro.gpt2", name=gpt2_title(lm)) if is_gpt2(lm) else
         t("overview.intro", corpus=t(f"app.corpus.{'zh' if lm.segmenter is not None else 'en'}")))

st.header(t("overview.pipeline"))
summary = pipeline(require_prompt())
notice_truncation(summary["truncated"], lm.config.n_ctx)

for i, stage in enumerate(summary["stages"]):
    key = stage["key"]
    with st.container(border=True):
        left, right = st.columns([2, 3])
        shape = stage["shape"] if isinstance(stage["shape"], str) else t(stage["shape"][0], **stage["shape"][1])
        left.markdown(f"**{i + 1}. {t('overview.stage.' + key)}**  \n`{t('overview.shape')}: {shape}`")
        left.caption(t(f"overview.stage.{key}.what"))
        nums = stage["numbers"]
        if key == "text":
            read = summary["text_read"]
            if summary["truncated"]:                       # the start was dropped: show what is read
                right.code("…" + read[-300:], language=None)
            else:
                right.code(read[:300] + ("…" if len(read) > 300 else ""), language=None)
        elif key == "blocks":
            chart(figure("overview.resid", (prompt(),), lambda: resid_norm_figure(
                      summary["resid_norms"], x_title=t("overview.axis.layer"), y_title=t("overview.axis.length"))),
                  pd.DataFrame({"layer": range(len(summary["resid_norms"])), "length": summary["resid_norms"]}),
                  name="residual_lengths", key="overview.chart.resid")
        elif nums is not None:
            right.code(", ".join(repr(x) if isinstance(x, str) else str(x) for x in nums)
                       + (" …" if stage["more"] else ""), language=None)
    if i < len(summary["stages"]) - 1:
        st.markdown("<div style='text-align:center;font-size:1.3em;line-height:1'>↓</div>",
                    unsafe_allow_html=True)

top = summary["top"]
st.subheader(t("overview.top"))
st.dataframe(pd.DataFrame({t("overview.col.token"): [repr(s) for s, _ in top],
                           t("overview.col.prob"): [round(p, 4) for _, p in top]}), hide_index=True)
# as the word is written: a model that reads Chinese marks a word's start with a space no one writes
word = unsegment(top[0][0]).lstrip() if lm.segmenter is not None else top[0][0]
st.button(t("overview.append", tok=word), on_click=set_prompt, args=(prompt() + word,))

counts = param_counts()
total = sum(counts.values())
st.header(t("overview.params", total=f"{total:,}"))
chart(figure("overview.params", (), lambda: params_figure({t(f"overview.part.{k}"): v for k, v in counts.items()})),
      pd.DataFrame({"part": list(counts), "parameters": list(counts.values())}),
      name="parameters", key="overview.chart.params")
st.caption(t("overview.params.note"))

st.header(t("overview.scale"))
rows = model_sizes(t("overview.ours"))
chart(figure("overview.scale", (), lambda: scale_figure(rows, y_title=t("overview.axis.params"))), lambda: pd.DataFrame(rows), name="model_sizes", key="overview.chart.scale")
st.dataframe(pd.DataFrame(rows), hide_index=True,
             column_config={c: (st.column_config.TextColumn(t(f"overview.scol.{c}")) if c == "model" else
                                st.column_config.NumberColumn(t(f"overview.scol.{c}"), format="localized"))
                            for c in rows[0]})
st.caption(t("overview.scale.note"))

st.header(t("overview.map.header"))
st.caption(t("overview.map.caption"))
for name, icon, _ in PAGES:
    left, right = st.columns([2, 3])
    with left:
        st.page_link(f"pages/{name}.py", label=t(f"nav.{name}"), icon=icon)
    right.caption(t(f"overview.map.{name}"))
