"""Home: the user's prompt flowing through the model, with real shapes and numbers."""

import pandas as pd
import streamlit as st

from explainer import InputError
from explainer.pipeline import pipeline_summary, scale_rows
from explainer.plots.pipeline import params_figure, resid_norm_figure, scale_figure
from pages.common import chart, current_model, notice_truncation, prompt, set_prompt, t

lm = current_model()
st.title(t("home.title"))
st.write(t("home.intro"))

st.header(t("home.pipeline"))
try:
    summary = pipeline_summary(lm, prompt())
except InputError:
    st.warning(t("app.empty"))
    st.stop()
notice_truncation(summary["truncated"], lm.config.n_ctx)

for i, stage in enumerate(summary["stages"]):
    key = stage["key"]
    with st.container(border=True):
        left, right = st.columns([2, 3])
        shape = stage["shape"] if isinstance(stage["shape"], str) else t(stage["shape"][0], **stage["shape"][1])
        left.markdown(f"**{i + 1}. {t('home.stage.' + key)}**  \n`{t('home.shape')}: {shape}`")
        left.caption(t(f"home.stage.{key}.what"))
        nums = stage["numbers"]
        if key == "text":
            read = summary["text_read"]
            if summary["truncated"]:                       # the start was dropped: show what is read
                right.code("…" + read[-300:], language=None)
            else:
                right.code(read[:300] + ("…" if len(read) > 300 else ""), language=None)
        elif key == "blocks":
            chart(resid_norm_figure(summary["resid_norms"], x_title=t("home.axis.layer"),
                                    y_title=t("home.axis.length")),
                  pd.DataFrame({"layer": range(len(summary["resid_norms"])), "length": summary["resid_norms"]}),
                  name="residual_lengths", key="home-resid")
        elif nums is not None:
            right.code(", ".join(repr(x) if isinstance(x, str) else str(x) for x in nums)
                       + (" …" if stage["more"] else ""), language=None)
    if i < len(summary["stages"]) - 1:
        st.markdown("<div style='text-align:center;font-size:1.3em;line-height:1'>↓</div>",
                    unsafe_allow_html=True)

top = summary["top"]
st.subheader(t("home.top"))
st.dataframe(pd.DataFrame({t("home.col.token"): [repr(s) for s, _ in top],
                           t("home.col.prob"): [round(p, 4) for _, p in top]}), hide_index=True)
st.button(t("home.append", tok=top[0][0]), on_click=set_prompt, args=(prompt() + top[0][0],))

counts = lm.param_counts()
total = sum(counts.values())
st.header(t("home.params", total=f"{total:,}"))
chart(params_figure({t(f"home.part.{k}"): v for k, v in counts.items()}),
      pd.DataFrame({"part": list(counts), "parameters": list(counts.values())}),
      name="parameters", key="home-params")
st.caption(t("home.params.note"))

st.header(t("home.scale"))
rows = scale_rows(lm, ours=t("home.ours"))
chart(scale_figure(rows, y_title=t("home.axis.params")), pd.DataFrame(rows), name="model_sizes", key="home-scale")
st.dataframe(pd.DataFrame(rows), hide_index=True,
             column_config={c: (st.column_config.TextColumn(t(f"home.scol.{c}")) if c == "model" else
                                st.column_config.NumberColumn(t(f"home.scol.{c}"), format="localized"))
                            for c in rows[0]})
st.caption(t("home.scale.note"))
