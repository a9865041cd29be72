"""Word vectors: three spaces and their analogy scores, a 2-D map, neighbours, analogy arithmetic,
and the same word in two contexts."""

import pandas as pd
import streamlit as st

from explainer import demos
from explainer import vectorview as vv
from explainer.embeddings import WordError
from explainer.plots.vectors import (analogy_figure, context_figure, cosine_line, relation_bar,
                                     scores_bar, word_map_figure)
from pages.common import chart, current_model, lang, t

lm = current_model()
L = lm.config.n_layer
MODEL_KEY = st.session_state.get("model_choice", "bundled")


# ---- cached computations (keyed on the model choice; the model itself is not hashed) ----------

@st.cache_data(show_spinner=False, max_entries=8)
def _scores(model_key: str, _lm) -> dict:
    return vv.analogy_scores(_lm, vv.read_scorecard(_lm.folder))


@st.cache_data(show_spinner=False, max_entries=64)
def _map(model_key: str, space: str, groups: tuple, method: str, extra: tuple, _lm) -> pd.DataFrame:
    return vv.word_map(_lm, space, list(groups), method, list(extra))


@st.cache_data(show_spinner=False, max_entries=64)
def _context(model_key: str, word: str, a: str, b: str, layer: int, _lm) -> dict:
    return vv.context_view(_lm, word, (a, b), layer)


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
    st.warning(t("vec.unknown", err=e.text(lang())))
    sugg = getattr(e, "suggestions", None) or []
    if sugg:
        st.caption(t("vec.suggest"))
        with st.container(horizontal=True):
            for i, w in enumerate(sugg[:8]):
                st.button(w, key=f"{key_prefix}.sugg.{i}", on_click=_set, kwargs={target_key: w})


st.title(t("vec.title"))
st.markdown(t("vec.intro"))

# ---- which space -------------------------------------------------------------------------
st.session_state.setdefault("vec.kind", "word2vec")
st.session_state.setdefault("vec.layer", max(1, L // 2))
for _k in ("vec.layer", "vec.ctx.layer"):      # keep layer sliders inside this model's range
    if _k in st.session_state:
        st.session_state[_k] = max(0, min(int(st.session_state[_k]), L))
c1, c2 = st.columns([2, 1])
with c1:
    kind = st.radio(t("vec.space"), ["word2vec", "tokens", "context"], key="vec.kind", horizontal=True,
                    format_func=lambda k: t(f"vec.space.{k}"), help=t("vec.space.help"))
with c2:
    if kind == "context":
        layer = st.slider(t("vec.layer"), 0, L, key="vec.layer", help=t("vec.layer.help", L=L))
        space = f"context:{int(layer)}"
    else:
        space = kind

scores = _scores(MODEL_KEY, lm)
frame = vv.scores_frame(scores)
err = _space_ok(space)
if err:
    st.warning(t("vec.space.missing", err=err))
    fallback = next((s for s in vv.space_names(L) if _space_ok(s) is None), None)
    if fallback is None:
        st.stop()
    space = fallback

sc = scores.get(space, {})
m1, m2 = st.columns([1, 3])
with m1:
    acc = sc.get("accuracy")
    st.metric(t("vec.acc.metric"), t("vec.acc.none") if acc is None else f"{100 * acc:.0f} %",
              help=t("vec.acc.help"))
    if sc.get("source") in ("scorecard", "computed") and sc.get("n"):
        st.caption(t(f"vec.acc.source.{sc['source']}", n=sc["n"]))
with m2:
    st.markdown(t("vec.honest"))
    st.page_link("pages/layers.py", label=t("vec.link.layers"), icon=":material/layers:")
if not frame.empty:
    g1, g2 = st.columns(2)
    with g1:
        spaces = {s: t("vec.short.tokens") if s == "tokens" else
                  t("vec.short.context", l=s.split(":")[1]) if s.startswith("context:") else s
                  for s in frame["space"].unique()}
        chart(scores_bar(frame, space, t("vec.acc.axis"), t("vec.acc.chart"), names=spaces),
              frame[frame["relation"] == "all"], "analogy_accuracy", key="vec.chart.acc")
    with g2:
        rel = frame[(frame["space"] == space) & (frame["relation"] != "all")]
        if not rel.empty:
            chart(relation_bar(frame, space, t("vec.acc.axis"), t("vec.acc.rel_chart", space=space),
                               names={r: t(f"vec.rel.{r}") if t(f"vec.rel.{r}") != f"vec.rel.{r}" else r
                                      for r in rel["relation"].unique()}),
                  rel, "analogy_by_relation", key="vec.chart.rel")

# ---- map ------------------------------------------------------------------------------------
st.subheader(t("vec.map.header"))
vs = lm.space(space)
st.caption(t("vec.map.intro", d=vs.vectors.shape[1]))
st.session_state.setdefault("vec.map.groups", list(vv.DEFAULT_GROUPS))
st.session_state.setdefault("vec.nb.word", demos.NEIGHBOUR_WORD)
c1, c2 = st.columns([3, 1])
with c1:
    groups = st.multiselect(t("vec.map.groups"), list(vv.GROUPS), key="vec.map.groups", placeholder=t("app.choose"),
                            format_func=lambda g: t(f"vec.group.{g}"))
with c2:
    method = st.radio(t("vec.map.method"), ["pca", "tsne"], key="vec.map.method",
                      format_func=lambda m: t(f"vec.map.{m}"))
nb_word = (st.session_state.get("vec.nb.word") or "").strip()
mp = _map(MODEL_KEY, space, tuple(groups), method, (nb_word,) if nb_word in vs else (), lm)
if mp.empty:
    st.info(t("vec.map.empty"))
else:
    labels = {g: t(f"vec.group.{g}") for g in list(vv.GROUPS) + ["yours"]}
    all_labels = st.session_state.get("vec.map.all_labels", False)
    fig = word_map_figure(mp, labels, t("vec.map.title", space=space, n=len(mp)), all_labels=all_labels)
    chart(fig, mp, "word_map", key="vec.chart.map")
    shown, total = fig.layout.meta["labels_shown"], fig.layout.meta["labels_total"]
    if shown < total:
        st.caption(t("vec.map.hidden", hidden=total - shown, n=total))
    st.checkbox(t("vec.map.all_labels"), key="vec.map.all_labels")

# ---- neighbours ----------------------------------------------------------------------------
st.subheader(t("vec.nb.header"))
c1, c2, c3 = st.columns([2, 1, 1])
with c1:
    st.text_input(t("vec.nb.word"), key="vec.nb.word")
with c2:
    k = st.slider(t("vec.nb.k"), 3, 20, 10, key="vec.nb.k")
with c3:
    st.write("")
    st.button(t("vec.nb.preset"), key="vec.nb.preset", on_click=_set,
              kwargs={"vec.nb.word": demos.NEIGHBOUR_WORD})
try:
    nb = vv.neighbours_frame(lm, nb_word, int(k), space)
    st.dataframe(nb.rename(columns={"rank": t("vec.col.rank"), "word": t("vec.col.word"),
                                    "cosine": t("vec.col.cosine")}), hide_index=True, width="stretch")
    st.caption(t("vec.nb.caption"))
except WordError as e:
    _word_error(e, "vec.nb.word", "vec.nb")

# ---- analogies -------------------------------------------------------------------------------
st.subheader(t("vec.an.header"))
st.markdown(t("vec.an.intro"))
a0, b0, c0, _ = demos.ANALOGIES[0]
for key, val in (("vec.an.a", a0), ("vec.an.b", b0), ("vec.an.c", c0)):
    st.session_state.setdefault(key, val)
st.caption(t("vec.an.presets"))
with st.container(horizontal=True):
    for i, (a, b, c, want) in enumerate(demos.ANALOGIES):
        st.button(f"{b} − {a} + {c}", key=f"vec.an.preset.{i}", on_click=_set,
                  kwargs={"vec.an.a": a, "vec.an.b": b, "vec.an.c": c})
    ba, bb, bc = demos.BIAS_ANALOGY
    st.button(t("vec.an.bias_button"), key="vec.an.preset.bias", on_click=_set,
              kwargs={"vec.an.a": ba, "vec.an.b": bb, "vec.an.c": bc})
i1, i2, i3 = st.columns(3)
wa = i1.text_input(t("vec.an.a"), key="vec.an.a")
wb = i2.text_input(t("vec.an.b"), key="vec.an.b")
wc = i3.text_input(t("vec.an.c"), key="vec.an.c")
try:
    view = vv.analogy_view(lm, wa, wb, wc, k=8, space=space)
    answers = view["answers"]
    top, score = answers[0]
    st.markdown(t("vec.an.result", a=wa.strip(), b=wb.strip(), c=wc.strip(), ans=top, score=score))
    want = next((d for a, b, c, d in demos.ANALOGIES if (a, b, c) == (wa.strip(), wb.strip(), wc.strip())), None)
    if want:
        ranks = [w for w, _ in answers]
        st.caption(t("vec.an.expected", want=want, rank=ranks.index(want) + 1) if want in ranks
                   else t("vec.an.expected_missing", want=want, k=len(answers)))
    r1, r2 = st.columns([1, 2])
    with r1:
        st.caption(t("vec.an.table"))
        tab = pd.DataFrame({"rank": range(1, len(answers) + 1), "word": [w for w, _ in answers],
                            "cosine": [round(s, 4) for _, s in answers]})
        st.dataframe(tab.rename(columns={"rank": t("vec.col.rank"), "word": t("vec.col.word"),
                                         "cosine": t("vec.col.cosine")}), hide_index=True, width="stretch")
    with r2:
        roles = {r: t(f"vec.role.{r}") for r in ("a", "b", "c", "answer", "other", "target")}
        chart(analogy_figure(view["points"], t("vec.an.plot"), roles), view["points"], "analogy",
              key="vec.chart.analogy")
except WordError as e:
    bad = "vec.an.a"
    for key, w in (("vec.an.a", wa), ("vec.an.b", wb), ("vec.an.c", wc)):
        try:
            lm.space(space).lookup(w)
        except WordError:
            bad = key
            break
    _word_error(e, bad, "vec.an")
if (wa.strip(), wb.strip(), wc.strip()) == tuple(demos.BIAS_ANALOGY):
    st.info(t("vec.bias.note"))

# ---- context changes meaning ------------------------------------------------------------------
st.subheader(t("vec.ctx.header"))
st.markdown(t("vec.ctx.intro"))
w0, s0a, s0b = demos.CONTEXT_PAIRS[0]
for key, val in (("vec.ctx.word", w0), ("vec.ctx.a", s0a), ("vec.ctx.b", s0b)):
    st.session_state.setdefault(key, val)
st.session_state.setdefault("vec.ctx.layer", L)
with st.container(horizontal=True):
    for i, (w, sa, sb) in enumerate(demos.CONTEXT_PAIRS):
        st.button(t("vec.ctx.preset", word=w), key=f"vec.ctx.preset.{i}", on_click=_set,
                  kwargs={"vec.ctx.word": w, "vec.ctx.a": sa, "vec.ctx.b": sb})
cw, cl = st.columns([1, 2])
word = cw.text_input(t("vec.ctx.word"), key="vec.ctx.word")
clayer = cl.slider(t("vec.ctx.layer"), 0, L, key="vec.ctx.layer", help=t("vec.layer.help", L=L))
sa = st.text_input(t("vec.ctx.a"), key="vec.ctx.a")
sb = st.text_input(t("vec.ctx.b"), key="vec.ctx.b")
if not (word.strip() and sa.strip() and sb.strip()):
    st.info(t("vec.ctx.empty"))
    st.stop()
try:
    cv = _context(MODEL_KEY, word.strip(), sa, sb, int(clayer), lm)
except WordError as e:
    st.warning(t("vec.unknown", err=e.text(lang())))
    st.stop()
if any(" + " in p for p in cv["pieces"]):
    st.caption(t("vec.ctx.pieces", word=word.strip(), pieces=cv["pieces"][0]))
if not (cv["points"]["kind"] == "neighbour").any():
    st.caption(t("vec.ctx.no_space"))
x1, x2 = st.columns(2)
with x1:
    kinds = {"A": t("vec.ctx.kind.A", word=word.strip()), "B": t("vec.ctx.kind.B", word=word.strip()),
             "neighbour": t("vec.ctx.kind.neighbour")}
    chart(context_figure(cv["points"], kinds, t("vec.ctx.plot", word=word.strip(), layer=cv["layer"])),
          cv["points"], "context_map", key="vec.chart.ctx")
with x2:
    chart(cosine_line(cv["cosines"], cv["layer"], t("vec.ctx.axis.layer"), t("vec.ctx.axis.cos"),
                      t("vec.ctx.cos", word=word.strip())), cv["cosines"], "context_cosine",
          key="vec.chart.ctxcos")
    st.caption(t("vec.ctx.cos.caption"))
if cv["nearest"][0]:
    fmt = lambda ws: ", ".join(f"{w} ({s:.2f})" for w, s in ws)
    st.markdown(t("vec.ctx.nearest", layer=cv["layer"], a=fmt(cv["nearest"][0]), b=fmt(cv["nearest"][1])))
