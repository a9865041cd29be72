"""Tokenization: chips, four tokenizers side by side, and how BPE learned the vocabulary."""

import streamlit as st

from explainer import tokenview as tv
from explainer.plots.tokens import merge_tree_figure, token_count_bar
from pages.common import chart, current_model, load_model, prompt, t

MAX_CHIPS = 400          # chips drawn per tokenizer (counts always use the whole text)
TABLE_MIN = 20           # merges listed in the table at least


def _set_text(text: str) -> None:
    st.session_state["tok.text"] = text


def _chips(rows: list[dict]) -> None:
    st.markdown(tv.chips_html(rows[:MAX_CHIPS], t("tok.chip.id"), t("tok.chip.bytes")),
                unsafe_allow_html=True)
    if len(rows) > MAX_CHIPS:
        st.caption(t("tok.truncated_view", n=MAX_CHIPS, total=len(rows)))


@st.cache_data(show_spinner=False, max_entries=64)
def _merges(folder: str | None) -> list:
    return tv.merges_for(folder)


lm = current_model()
enc = lm.tokenizer
folder = lm.folder or load_model(None).folder   # snapshots share the bundled tokenizer


def merge_columns(table) -> dict:
    """Translated headers; counts with thousands separators, as in the text above the table."""
    return {c: st.column_config.NumberColumn(t(f"tok.col.{c}"), format="localized") if c == "count"
            else t(f"tok.col.{c}") for c in table.columns}

st.title(t("tok.title"))
st.markdown(t("tok.intro"))

st.session_state.setdefault("tok.text", prompt())
with st.container(horizontal=True):
    for key in tv.PRESETS:
        st.button(t(f"tok.preset.{key}"), key=f"tok.preset.{key}", on_click=_set_text,
                  args=(tv.PRESETS[key],))
    st.button(t("tok.preset.prompt"), key="tok.preset.prompt", on_click=_set_text, args=(prompt(),))
text = st.text_area(t("tok.text"), key="tok.text", help=t("tok.text.help"), height=100)
show_ws = st.toggle(t("tok.show_ws"), key="tok.show_ws", help=t("tok.show_ws.help"))

if not text:
    st.info(t("tok.empty"))
    st.stop()

# ---- our tokenizer ---------------------------------------------------------------------
st.subheader(t("tok.ours.header"))
rows = tv.token_rows(enc, text, show_ws)
s = tv.stats(text, rows)
m = st.columns(4)
m[0].metric(t("tok.metric.tokens"), s["tokens"])
m[1].metric(t("tok.metric.chars"), s["chars"])
m[2].metric(t("tok.metric.bytes"), s["bytes"])
m[3].metric(t("tok.metric.cpt"), f"{s['chars_per_token']:.2f}")
_chips(rows)
st.caption(t("tok.hover_hint"))
n_frag = sum(r["fragment"] for r in rows)
if n_frag:
    st.info(t("tok.fragments", n=n_frag))
with st.expander(t("tok.ids")):
    st.code(tv.ids_text(rows[:2000]), language=None)

# ---- four tokenizers ----------------------------------------------------------------------
st.subheader(t("tok.compare.header"))
st.markdown(t("tok.compare.intro", vocab=enc.n_vocab))
comp = tv.compare_tokenizers(enc, text, show_ws, our_label=t("tok.compare.ours"))
grid = st.columns(2)
for i, r in enumerate(comp):
    with grid[i % 2].container(border=True):
        st.markdown(f"**{r['label']}**")
        if not r["available"]:
            st.info(t("tok.compare.unavailable", label=r["label"]))
            st.caption(r["message"])         # the technical reason, as the library reported it
            continue
        st.caption(t("tok.compare.count", n=r["tokens"], cpt=f"{r['chars_per_token']:.2f}", vocab=r["vocab"]))
        _chips(r["rows"])
df = tv.comparison_frame(comp)
chart(token_count_bar(df, x_title=t("tok.compare.axis"), title=t("tok.compare.chart")), df,
      "token_counts", key="tok.chart.counts")

# ---- BPE merges ---------------------------------------------------------------------------
st.subheader(t("tok.bpe.header"))
merges = _merges(str(folder) if folder else None)
if not merges:
    st.info(t("tok.bpe.none"))
    st.stop()
st.markdown(t("tok.bpe.intro", n=len(merges)))
st.session_state.setdefault("tok.bpe.step", min(30, len(merges)))
st.session_state["tok.bpe.step"] = max(1, min(int(st.session_state["tok.bpe.step"]), len(merges)))
step = st.slider(t("tok.bpe.step"), 1, len(merges), key="tok.bpe.step", help=t("tok.bpe.step.help"))
step = max(1, min(int(step), len(merges)))
table = tv.merge_table(enc, merges, max(TABLE_MIN, step))
row = table.iloc[step - 1]
st.markdown(t("tok.bpe.chosen", step=step, left=f"`{row['left']}`", right=f"`{row['right']}`",
              new=f"`{row['new_token']}`", id=int(row["new_id"]), count=int(row["count"])))
c1, c2 = st.columns([1, 1])
with c1:
    st.caption(t("tok.bpe.table", n=len(table)))
    styled = table.style.apply(
        lambda r: ["background-color: #fde6bf" if r["step"] == step else "" for _ in r], axis=1)
    st.dataframe(styled, hide_index=True, height=320, width="stretch",
                 column_config=merge_columns(table))
with c2:
    upto = tv.tokens_after_merges(enc, text, step, show_ws)
    st.caption(t("tok.bpe.after", k=step, n=len(upto)))
    st.caption(t("tok.bpe.after.help"))
    _chips(upto)

# ---- merge tree of one token ----------------------------------------------------------------
st.subheader(t("tok.tree.header"))
seen: dict[int, dict] = {}
for r in rows:
    seen.setdefault(r["id"], r)
options = list(seen)
longest = max(range(len(options)), key=lambda i: seen[options[i]]["n_bytes"])
pick = st.selectbox(t("tok.tree.pick"), options, index=longest, key="tok.tree.pick",
                    format_func=lambda i: f"{tv.piece(enc, i)}  (id {i})")
if pick is None or pick not in seen:
    pick = options[longest]
tree = tv.tree_for(enc, merges, pick)
if not tree["children"]:
    st.info(t("tok.tree.single", tok=seen[pick]["text"]))
else:
    c1, c2 = st.columns([3, 2])
    built = tv.building_table(enc, merges, pick)
    with c1:
        chart(merge_tree_figure(tree, t("tok.tree.step"), t("tok.tree.byte")), built,
              "merge_tree", key="tok.chart.tree")
        st.caption(t("tok.tree.caption"))
    with c2:
        st.caption(t("tok.tree.table"))
        st.dataframe(built, hide_index=True, width="stretch",
                     column_config=merge_columns(built))
