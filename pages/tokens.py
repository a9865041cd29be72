"""Tokenization: chips, four tokenizers side by side, and how BPE learned the vocabulary."""

import streamlit as st

from explainer.tokenizer import TokenizerFileError
from explainer.views import tokens
from explainer.plots.tokens import merge_tree_figure, token_count_bar
from pages.frame.cache import cached
from pages.frame.charts import chart, figure
from pages.frame.language import t
from pages.frame.links import as_int, as_text, linked, linked_part
from pages.frame.models import current_model, gpt2_title, is_gpt2, load_model
from pages.frame.page import enter, page_top
from pages.frame.prompt import prompt

enter(__file__)

MAX_CHIPS = 400          # chips drawn per tokenizer (counts always use the whole text)
MAX_TEXT = tokens.MAX_TEXT


def _set_text(text: str) -> None:
    st.session_state["tokens.text"] = text


def _chips(rows: list[dict]) -> None:
    st.markdown(tokens.chips_html(rows[:MAX_CHIPS], t("tokens.chip.id"), t("tokens.chip.bytes")),
                unsafe_allow_html=True)
    if len(rows) > MAX_CHIPS:
        st.caption(t("tokens.truncated_view", n=MAX_CHIPS, total=len(rows)))


@st.cache_resource(show_spinner=False, max_entries=16)
def _merges(folder: str | None) -> list:
    """The merges of the tokenizer in ``folder``, read once per server and shared (read-only)."""
    return tokens.merges_for(folder)


# the page's work, done once per model and text (cached(): named functions of the model first)
def _rows(lm, text: str, show_ws: bool) -> list[dict]:
    return tokens.token_rows(lm.tokenizer, lm.reads(text), show_ws)


def _compare(lm, text: str, show_ws: bool, label: str) -> list[dict]:
    return tokens.compare_tokenizers(lm.tokenizer, text, show_ws, our_label=label, our_text=lm.reads(text))


def _after_merges(lm, text: str, k: int, show_ws: bool) -> list[dict]:
    return tokens.tokens_after_merges(lm.tokenizer, lm.reads(text), k, show_ws)


def _merge_view(lm, folder: str | None, step: int) -> tuple:
    """(first, last, the table of merges first..last) around merge ``step``."""
    merges = _merges(folder)
    first, last = tokens.merge_window(step, len(merges))           # the chosen merge in view, no scrolling
    return first, last, tokens.merge_table(lm.tokenizer, merges, last, start=first)


def _tree(lm, folder: str | None, pick: int) -> tuple:
    """(the merge tree of token ``pick``, the table of how it was built)."""
    merges = _merges(folder)
    return tokens.tree_for(lm.tokenizer, merges, pick), tokens.building_table(lm.tokenizer, merges, pick)


token_rows = cached(_rows, max_entries=32)
compare_tokenizers = cached(_compare, max_entries=32)
tokens_after_merges = cached(_after_merges, max_entries=64)
merge_view = cached(_merge_view, max_entries=64)
tree_view = cached(_tree, max_entries=64)


lm = current_model()
enc = lm.tokenizer
folder = lm.folder or load_model(None).folder   # snapshots share the bundled tokenizer
merges_key = str(folder) if folder else None     # the merges are read and kept per tokenizer folder


def merge_columns(table) -> dict:
    """Translated headers; counts with thousands separators, as in the text above the table; the
    chosen merge's mark in a narrow column without a header (the caption above says what ▶ means)."""
    return {c: st.column_config.NumberColumn(t(f"tokens.col.{c}"), format="localized") if c == "count"
            else st.column_config.TextColumn("", width=32) if c == "chosen"
            else t(f"tokens.col.{c}") for c in table.columns}

page_top()
st.title(t("tokens.title"))
st.markdown(t("tokens.intro.gpt2", name=gpt2_title(lm), V=f"{lm.config.vocab_size:,}") if is_gpt2(lm) else
            t("tokens.intro", corpus=t(f"app.corpus.{'zh' if lm.segmenter is not None else 'en'}")))

linked({"tokens.text": as_text(MAX_TEXT), "tokens.bpe.step": as_int(1, 100_000)})
# open on a sentence where the four tokenizers differ (the shared prompt is one button away)
presets = tokens.presets_for(lm)
st.session_state.setdefault("tokens.text", presets["chinese" if lm.segmenter is not None else "english"])
with st.container(horizontal=True):
    for key in presets:
        st.button(t(f"tokens.preset.{key}"), key=f"tokens.preset.{key}", on_click=_set_text,
                  args=(presets[key],))
    st.button(t("tokens.preset.prompt"), key="tokens.preset.prompt", on_click=_set_text, args=(prompt(),))
if len(st.session_state["tokens.text"]) > MAX_TEXT:      # (the box itself takes no more than MAX_TEXT)
    st.session_state["tokens.text"] = st.session_state["tokens.text"][:MAX_TEXT]
text = st.text_area(t("tokens.text"), key="tokens.text", help=t("tokens.text.help"), height=100,
                    max_chars=MAX_TEXT)
if len(text) >= MAX_TEXT:
    st.info(t("tokens.cut", n=f"{MAX_TEXT:,}"))
show_ws = st.toggle(t("tokens.show_ws"), key="tokens.show_ws", help=t("tokens.show_ws.help"))

if not text:
    st.info(t("tokens.empty"))
    st.stop()

# ---- our tokenizer ---------------------------------------------------------------------
st.subheader(t("tokens.ours.header"))
if (read := lm.reads(text)) != text:       # a model that reads Chinese: words first, then tokens
    st.markdown(t("tokens.words", words=" | ".join(read.split()[:200])))
    if tokens.drops_spaces(text):
        st.caption(t("tokens.words.spaces"))
rows = token_rows(text, show_ws)
s = tokens.stats(text, rows)
m = st.columns(4)
m[0].metric(t("tokens.metric.tokens"), s["tokens"])
m[1].metric(t("tokens.metric.chars"), s["chars"])
m[2].metric(t("tokens.metric.bytes"), s["bytes"])
m[3].metric(t("tokens.metric.cpt"), f"{s['chars_per_token']:.2f}")
_chips(rows)
st.caption(t("tokens.hover_hint"))
n_frag = sum(r["fragment"] for r in rows)
if n_frag:
    st.info(t("tokens.fragments", n=n_frag))
with st.expander(t("tokens.ids")):
    st.code(tokens.ids_text(rows[:2000]), language=None)

# ---- four tokenizers ----------------------------------------------------------------------
st.subheader(t("tokens.compare.header"))
st.markdown(t("tokens.compare.intro", vocab=enc.n_vocab))
comp = compare_tokenizers(text, show_ws, t("tokens.compare.ours"))
grid = st.columns(2)
for i, r in enumerate(comp):
    with grid[i % 2].container(border=True):
        st.markdown(f"**{r['label']}**")
        if not r["available"]:
            st.info(t("tokens.compare.unavailable", label=r["label"]))
            with st.expander(t("tokens.compare.why")):
                st.caption(r["message"])     # the technical reason, as the library reported it
            continue
        st.caption(t("tokens.compare.count", n=r["tokens"], cpt=f"{r['chars_per_token']:.2f}", vocab=r["vocab"]))
        _chips(r["rows"])
df = tokens.comparison_frame(comp)
chart(figure("tokens.counts", (text, show_ws), lambda: token_count_bar(
      df, x_title=t("tokens.compare.axis"), title=t("tokens.compare.chart"))), df,
      "token_counts", key="tokens.chart.counts")

# ---- BPE merges ---------------------------------------------------------------------------
st.subheader(t("tokens.bpe.header"))
try:
    merges = _merges(merges_key)
except TokenizerFileError as e:          # a damaged merges.json: say so, the rest of the page stands
    st.warning(t("tokens.bpe.damaged", err=e))
    st.stop()
if not merges:
    st.info(t("tokens.bpe.none"))
    st.stop()
st.markdown(t("tokens.bpe.intro.gpt2" if is_gpt2(lm) else "tokens.bpe.intro", n=len(merges)))


@linked_part
def merges_part() -> None:
    """The merge slider, its table and the text after that many merges: moving the slider reruns
    this part only (a class moves it a lot; the rest of the page does not depend on it)."""
    st.session_state.setdefault("tokens.bpe.step", min(30, len(merges)))
    st.session_state["tokens.bpe.step"] = max(1, min(int(st.session_state["tokens.bpe.step"]), len(merges)))
    step = st.slider(t("tokens.bpe.step"), 1, len(merges), key="tokens.bpe.step", help=t("tokens.bpe.step.help"))
    step = max(1, min(int(step), len(merges)))
    first, last, table = merge_view(merges_key, step)
    row = table.iloc[step - 1 - first]
    count = row["count"]
    st.markdown(t("tokens.bpe.chosen" if count == count and count is not None else "tokens.bpe.chosen.uncounted",
                  step=step, left=f"`{row['left']}`", right=f"`{row['right']}`", new=f"`{row['new_token']}`",
                  id=int(row["new_id"]), count=int(count) if count == count and count is not None else 0))
    c1, c2 = st.columns([1, 1])
    with c1:
        st.caption(t("tokens.bpe.window", a=first + 1, b=last, n=f"{len(merges):,}"))
        # the chosen merge marked in a column of its own: a pandas Styler that coloured its row cost ≈ 7 %
        # of the server's time in a class, for ten rows
        marked = table.assign(chosen=["▶" if s == step else "" for s in table["step"]])[["chosen", *table.columns]]
        st.dataframe(marked, hide_index=True, width="stretch", column_config=merge_columns(marked))
    with c2:
        upto = tokens_after_merges(text, step, show_ws)
        st.caption(t("tokens.bpe.after", k=step, n=len(upto)))
        st.caption(t("tokens.bpe.after.help"))
        _chips(upto)


merges_part()

# ---- merge tree of one token ----------------------------------------------------------------
st.subheader(t("tokens.tree.header"))
seen: dict[int, dict] = {}
for r in rows:
    seen.setdefault(r["id"], r)
options = list(seen)
longest = max(range(len(options)), key=lambda i: seen[options[i]]["n_bytes"])
pick = st.selectbox(t("tokens.tree.pick"), options, index=longest, key="tokens.tree.pick",
                    format_func=lambda i: f"{tokens.piece(enc, i)}  (id {i})")
if pick is None or pick not in seen:
    pick = options[longest]
tree, built = tree_view(merges_key, pick)
if not tree["children"]:
    st.info(t("tokens.tree.single", tok=seen[pick]["text"]))
else:
    c1, c2 = st.columns([3, 2])
    with c1:
        chart(figure("tokens.tree", (pick,), lambda: merge_tree_figure(tree, t("tokens.tree.step"), t("tokens.tree.byte"))),
              built,
              "merge_tree", key="tokens.chart.tree")
        st.caption(t("tokens.tree.caption"))
    with c2:
        st.caption(t("tokens.tree.table"))
        st.dataframe(built, hide_index=True, width="stretch",
                     column_config=merge_columns(built))
