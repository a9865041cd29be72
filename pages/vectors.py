"""Word vectors: three spaces and their analogy scores, a 2-D map, neighbours, analogy arithmetic,
and the same word in two contexts."""

import pandas as pd
import streamlit as st

from explainer import demos
from explainer.checkpoint import read_scorecard
from explainer.embeddings import WordError
from explainer.plots.vectors import (analogy_figure, context_figure, cosine_line, relation_bar,
                                     scores_bar, word_map_figure)
from explainer.views import vectors
from pages.frame.cache import cached
from pages.frame.charts import chart, figure
from pages.frame.language import lang, t
from pages.frame.links import as_choice, as_int, as_text, linked
from pages.frame.models import current_model, gpt2_title, is_gpt2
from pages.frame.page import enter, page_top

enter(__file__)

NB_MAX = 20              # the most neighbours the slider shows

lm = current_model()
L = lm.config.n_layer


def _scores(lm) -> dict:
    return vectors.analogy_scores(lm, read_scorecard(lm.folder))


def _map(lm, space: str, groups: tuple, method: str, extra: tuple) -> pd.DataFrame:
    return vectors.word_map(lm, space, list(groups), method, list(extra))


def _context(lm, word: str, a: str, b: str, layer: int) -> dict:
    return vectors.context_view(lm, word, (a, b), layer)


def _neighbours(lm, word: str, k: int, space: str) -> pd.DataFrame:
    return vectors.neighbours_frame(lm, word, k, space)


def _analogy(lm, a: str, b: str, c: str, space: str) -> dict:
    return vectors.analogy_view(lm, a, b, c, k=8, space=space)


analogy_scores = cached(_scores, max_entries=8)
word_map = cached(_map)
context_view = cached(_context)
neighbours = cached(_neighbours, max_entries=128)
analogy = cached(_analogy, max_entries=128)


def word_columns() -> dict:
    """The headers of the neighbour and analogy tables, in the page's language."""
    return {c: t(f"vectors.col.{c}") for c in ("rank", "word", "cosine")}


def _space_ok(space: str) -> str | None:
    try:
        lm.space(space)
        return None
    except WordError as e:
        return e.text(lang())


def _set(**values) -> None:
    for k, v in values.items():
        st.session_state[k] = v


def _word_error(e: WordError, target_key: str, key_prefix: str) -> None:
    """A clear message and, when there are suggestions, one button per suggestion."""
    st.warning(t("vectors.unknown", err=e.text(lang())))
    sugg = getattr(e, "suggestions", None) or []
    if sugg:
        st.caption(t("vectors.suggest"))
        with st.container(horizontal=True):
            for i, w in enumerate(sugg[:8]):
                st.button(w, key=f"{key_prefix}.sugg.{i}", on_click=_set, kwargs={target_key: w})


page_top()
st.title(t("vectors.title"))
kit = demos.of(lm)
a_, b_, c_, d_ = kit.ANALOGIES[0]
st.markdown(t("vectors.intro", a=a_, b=b_, c=c_, d=d_))
if lm.segmenter is not None:       # a model that reads Chinese: say what a "word" is here
    st.info(t("vectors.units", n=f"{len(lm.segmenter.counts):,}"))

# ---- which space -------------------------------------------------------------------------
linked({"vectors.kind": as_choice(["word2vec", "tokens", "context"]), "vectors.layer": as_int(0, L),
        "vectors.nb.word": as_text(60), "vectors.an.a": as_text(60), "vectors.an.b": as_text(60),
        "vectors.an.c": as_text(60), "vectors.ctx.word": as_text(60), "vectors.ctx.a": as_text(300),
        "vectors.ctx.b": as_text(300), "vectors.ctx.layer": as_int(0, L)})
st.session_state.setdefault("vectors.kind", "tokens" if is_gpt2(lm) else "word2vec")
if is_gpt2(lm):            # no vectors from our corpus come with it: its own token vectors are the space here
    st.info(t("vectors.gpt2", name=gpt2_title(lm), V=f"{lm.config.vocab_size:,}", d=lm.config.d_model))
st.session_state.setdefault("vectors.layer", max(1, L // 2))
for _k in ("vectors.layer", "vectors.ctx.layer"):      # keep layer sliders inside this model's range
    if _k in st.session_state:
        st.session_state[_k] = max(0, min(int(st.session_state[_k]), L))
c1, c2 = st.columns([2, 1])
with c1:
    kind = st.radio(t("vectors.space"), ["word2vec", "tokens", "context"], key="vectors.kind", horizontal=True,
                    format_func=lambda k: t(f"vectors.space.{k}"), help=t("vectors.space.help"))
with c2:
    if kind == "context":
        layer = st.slider(t("vectors.layer"), 0, L, key="vectors.layer", help=t("vectors.layer.help", L=L))
        space = f"context:{int(layer)}"
    else:
        space = kind

scores = analogy_scores()
frame = vectors.scores_frame(scores)
err = _space_ok(space)
if err:
    st.warning(t("vectors.space.missing", err=err))
    fallback = next((s for s in vectors.space_names(L) if _space_ok(s) is None), None)
    if fallback is None:
        st.stop()
    space = fallback

sc = scores.get(space, {})
m1, m2 = st.columns([1, 3])
with m1:
    acc = sc.get("accuracy")
    st.metric(t("vectors.acc.metric"), t("vectors.acc.none") if acc is None else f"{100 * acc:.0f} %",
              help=t("vectors.acc.help"))
    if sc.get("source") in ("scorecard", "computed") and sc.get("n"):
        st.caption(t(f"vectors.acc.source.{sc['source']}", n=sc["n"]))
with m2:
    with st.expander(t("vectors.honest.title")):
        st.markdown(t("vectors.honest"))
    st.page_link("pages/lens.py", label=t("vectors.link.layers", subject=kit.WARSAW_SUBJECT, answer=kit.WARSAW_ANSWER), icon=":material/layers:")
if not frame.empty:
    g1, g2 = st.columns(2)
    with g1:
        spaces = {s: t("vectors.short.tokens") if s == "tokens" else
                  t("vectors.short.context", l=s.split(":")[1]) if s.startswith("context:") else s
                  for s in frame["space"].unique()}
        chart(figure("vectors.acc", (space,), lambda: scores_bar(frame, space, t("vectors.acc.axis"),
                                                                 t("vectors.acc.chart"), names=spaces)),
              frame[frame["relation"] == "all"], "analogy_accuracy", key="vectors.chart.acc")
    with g2:
        rel = frame[(frame["space"] == space) & (frame["relation"] != "all")]
        if not rel.empty:
            chart(figure("vectors.rel", (space,), lambda: relation_bar(
                frame, space, t("vectors.acc.axis"), t("vectors.acc.rel_chart", space=space),
                names={r: t(f"vectors.rel.{r}") if t(f"vectors.rel.{r}") != f"vectors.rel.{r}" else r
                       for r in rel["relation"].unique()})),
                  rel, "analogy_by_relation", key="vectors.chart.rel")

# ---- map ------------------------------------------------------------------------------------
st.subheader(t("vectors.map.header"))
vs = lm.space(space)
st.caption(t("vectors.map.intro", d=vs.vectors.shape[1]))
st.session_state.setdefault("vectors.map.groups", list(vectors.DEFAULT_GROUPS))
st.session_state.setdefault("vectors.nb.word", demos.of(lm).NEIGHBOUR_WORD)
c1, c2 = st.columns([3, 1])
with c1:
    groups = st.multiselect(t("vectors.map.groups"), list(vectors.GROUPS), key="vectors.map.groups", placeholder=t("app.choose"),
                            format_func=lambda g: t(f"vectors.group.{g}"))
with c2:
    method = st.radio(t("vectors.map.method"), ["pca", "tsne"], key="vectors.map.method",
                      format_func=lambda m: t(f"vectors.map.{m}"))
nb_word = (st.session_state.get("vectors.nb.word") or "").strip()
mp = word_map(space, tuple(groups), method, (nb_word,) if nb_word in vs else ())
if mp.empty:
    st.info(t("vectors.map.empty"))
else:
    labels = {g: t(f"vectors.group.{g}") for g in list(vectors.GROUPS) + ["yours"]}
    all_labels = st.session_state.get("vectors.map.all_labels", False)
    fig = figure("vectors.map", (space, tuple(groups), method, nb_word in vs and nb_word, all_labels),
                 lambda: word_map_figure(mp, labels, t("vectors.map.title", space=space, n=len(mp)), all_labels=all_labels))
    chart(fig, mp, "word_map", key="vectors.chart.map")
    shown, total = fig.layout.meta["labels_shown"], fig.layout.meta["labels_total"]
    if shown < total:
        st.caption(t("vectors.map.hidden", hidden=total - shown, n=total))
    st.checkbox(t("vectors.map.all_labels"), key="vectors.map.all_labels")

# ---- neighbours ----------------------------------------------------------------------------
st.subheader(t("vectors.nb.header"))
c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
with c1:
    st.text_input(t("vectors.nb.word"), key="vectors.nb.word")      # (the map above marks it: a full run)
with c2:
    st.button(t("vectors.nb.preset", word=demos.of(lm).NEIGHBOUR_WORD), key="vectors.nb.preset", on_click=_set,
              kwargs={"vectors.nb.word": demos.of(lm).NEIGHBOUR_WORD})
try:
    nb_all = neighbours(nb_word, NB_MAX, space)        # the most the slider asks for, once; it shows the first k
except WordError as e:
    _word_error(e, "vectors.nb.word", "vectors.nb")
else:
    @st.fragment
    def neighbours_part() -> None:
        """How many neighbours: moving the slider reruns this table only."""
        k = st.columns([1, 1])[0].slider(t("vectors.nb.k"), 3, NB_MAX, 10, key="vectors.nb.k")
        st.dataframe(nb_all.head(int(k)), hide_index=True, width="stretch", column_config=word_columns())
        st.caption(t("vectors.nb.caption"))

    neighbours_part()

# ---- analogies -------------------------------------------------------------------------------
st.subheader(t("vectors.an.header"))
st.markdown(t("vectors.an.intro"))
a0, b0, c0, _ = demos.of(lm).ANALOGIES[0]
for key, val in (("vectors.an.a", a0), ("vectors.an.b", b0), ("vectors.an.c", c0)):
    st.session_state.setdefault(key, val)
st.caption(t("vectors.an.presets"))
with st.container(horizontal=True):
    for i, (a, b, c, want) in enumerate(demos.of(lm).ANALOGIES):
        st.button(f"{b} − {a} + {c}", key=f"vectors.an.preset.{i}", on_click=_set,
                  kwargs={"vectors.an.a": a, "vectors.an.b": b, "vectors.an.c": c})
    ba, bb, bc = demos.of(lm).BIAS_ANALOGY
    st.button(t("vectors.an.bias_button", a=ba, b=bb, c=bc), key="vectors.an.preset.bias", on_click=_set,
              kwargs={"vectors.an.a": ba, "vectors.an.b": bb, "vectors.an.c": bc})
i1, i2, i3 = st.columns(3)
wa = i1.text_input(t("vectors.an.a"), key="vectors.an.a")
wb = i2.text_input(t("vectors.an.b"), key="vectors.an.b")
wc = i3.text_input(t("vectors.an.c"), key="vectors.an.c")
try:
    view = analogy(wa, wb, wc, space)
    answers = view["answers"]
    top, score = answers[0]
    st.markdown(t("vectors.an.result", a=wa.strip(), b=wb.strip(), c=wc.strip(), ans=top, score=score))
    want = next((d for a, b, c, d in demos.of(lm).ANALOGIES if (a, b, c) == (wa.strip(), wb.strip(), wc.strip())), None)
    if want:
        ranks = [w for w, _ in answers]
        st.caption(t("vectors.an.expected", want=want, rank=ranks.index(want) + 1) if want in ranks
                   else t("vectors.an.expected_missing", want=want, k=len(answers)))
    r1, r2 = st.columns([1, 2])
    with r1:
        st.caption(t("vectors.an.table"))
        st.dataframe(view["table"], hide_index=True, width="stretch", column_config=word_columns())
    with r2:
        roles = {r: t(f"vectors.role.{r}") for r in ("a", "b", "c", "answer", "other", "target")}
        chart(figure("vectors.analogy", (space, wa.strip(), wb.strip(), wc.strip()),
                     lambda: analogy_figure(view["points"], t("vectors.an.plot"), roles)), view["points"], "analogy",
              key="vectors.chart.analogy")
except WordError as e:
    bad = "vectors.an.a"
    for key, w in (("vectors.an.a", wa), ("vectors.an.b", wb), ("vectors.an.c", wc)):
        try:
            lm.space(space).lookup(w)
        except WordError:
            bad = key
            break
    _word_error(e, bad, "vectors.an")
if (wa.strip(), wb.strip(), wc.strip()) == tuple(demos.of(lm).BIAS_ANALOGY):
    st.info(t("vectors.bias.note"))

# ---- context changes meaning ------------------------------------------------------------------
st.subheader(t("vectors.ctx.header"))
w0, s0a, s0b = demos.of(lm).CONTEXT_PAIRS[0]
st.markdown(t("vectors.ctx.intro", word=w0))
for key, val in (("vectors.ctx.word", w0), ("vectors.ctx.a", s0a), ("vectors.ctx.b", s0b)):
    st.session_state.setdefault(key, val)
st.session_state.setdefault("vectors.ctx.layer", L)
with st.container(horizontal=True):
    for i, (w, sa, sb) in enumerate(demos.of(lm).CONTEXT_PAIRS):
        st.button(t("vectors.ctx.preset", word=w), key=f"vectors.ctx.preset.{i}", on_click=_set,
                  kwargs={"vectors.ctx.word": w, "vectors.ctx.a": sa, "vectors.ctx.b": sb})
cw, cl = st.columns([1, 2])
word = cw.text_input(t("vectors.ctx.word"), key="vectors.ctx.word")
clayer = cl.slider(t("vectors.ctx.layer"), 0, L, key="vectors.ctx.layer", help=t("vectors.layer.help", L=L))
sa = st.text_input(t("vectors.ctx.a"), key="vectors.ctx.a")
sb = st.text_input(t("vectors.ctx.b"), key="vectors.ctx.b")
if not (word.strip() and sa.strip() and sb.strip()):
    st.info(t("vectors.ctx.empty"))
    st.stop()
try:
    cv = context_view(word.strip(), sa, sb, int(clayer))
except WordError as e:
    st.warning(t("vectors.unknown", err=e.text(lang())))
    st.stop()
if any(" + " in p for p in cv["pieces"]):
    st.caption(t("vectors.ctx.pieces", word=word.strip(), pieces=cv["pieces"][0]))
if not (cv["points"]["kind"] == "neighbour").any():
    st.caption(t("vectors.ctx.no_space"))
x1, x2 = st.columns(2)
with x1:
    kinds = {"A": t("vectors.ctx.kind.A", word=word.strip()), "B": t("vectors.ctx.kind.B", word=word.strip()),
             "neighbour": t("vectors.ctx.kind.neighbour")}
    chart(figure("vectors.ctx", (word.strip(), sa, sb, int(clayer)), lambda: context_figure(
        cv["points"], kinds, t("vectors.ctx.plot", word=word.strip(), layer=cv["layer"]))),
          cv["points"], "context_map", key="vectors.chart.ctx")
with x2:
    chart(figure("vectors.ctxcos", (word.strip(), sa, sb, int(clayer)), lambda: cosine_line(
        cv["cosines"], cv["layer"], t("vectors.ctx.axis.layer"), t("vectors.ctx.axis.cos"),
        t("vectors.ctx.cos", word=word.strip()))), cv["cosines"], "context_cosine",
          key="vectors.chart.ctxcos")
    st.caption(t("vectors.ctx.cos.caption"))
    cos = cv["cosines"]["cosine"]
    st.caption(t("vectors.ctx.drift", word=word.strip(), first=float(cos.iloc[0]), last=float(cos.iloc[-1])))
if cv["nearest"][0]:
    fmt = lambda ws: ", ".join(f"{w} ({s:.2f})" for w, s in ws)
    st.markdown(t("vectors.ctx.nearest", layer=cv["layer"], a=fmt(cv["nearest"][0]), b=fmt(cv["nearest"][1])))
