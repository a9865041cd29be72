"""Layer by layer: the logit lens, and switching off the MLPs that hold a fact."""

import pandas as pd
import streamlit as st

from explainer import ablation, demos
from explainer.plots.lens import cases_bar, fact_position_bar, lens_heatmap, word_lines
from explainer.views import lens
from pages.frame.cache import cached
from pages.frame.charts import chart, figure
from pages.frame.language import join_list, join_sentences, t
from pages.frame.links import as_bool, as_choice, as_int_list, as_text, linked
from pages.frame.models import current_model
from pages.frame.page import enter, page_top
from pages.frame.prompt import notice_truncation, prompt, require_prompt, set_prompt

enter(__file__)

MAX_COLS = 32          # positions shown at once in the heatmap (a slider moves the window)

lens_data = cached(lens.lens_data)
fact_layers = cached(ablation.fact_layers, max_entries=32)
fact_position = cached(ablation.fact_position, max_entries=32)
fact_cases = cached(ablation.fact_cases)
order_test = cached(ablation.order_test, max_entries=32)


def answer_word() -> str:
    words = lens.parse_words(st.session_state.get("lens.words", ""))
    return words[0] if words else demos.of(current_model()).WARSAW_ANSWER


def preset_warsaw(text: str | None = None) -> None:
    """The Warsaw preset (``text``: another prompt for the same fact, e.g. the bare question)."""
    kit = demos.of(current_model())
    set_prompt(text or kit.WARSAW_PROMPT)
    st.session_state["lens.words"] = f"{kit.WARSAW_ANSWER}, {kit.WARSAW_SUBJECT}"
    st.session_state["lens.mlp_off"] = []
    st.session_state["lens.fact"] = False
    st.session_state["lens.other_fact"] = "none"
    where = fact_position(text or kit.WARSAW_PROMPT, kit.WARSAW_ANSWER)     # where this model keeps it
    st.session_state["lens.subject"] = where["word"] if where["holds"] and where["at_word"] else kit.WARSAW_SUBJECT


def follow_words(words: str) -> None:
    st.session_state["lens.words"] = words


def other_fact() -> str:
    """Where the second fact goes: "none", "after" or "before" Poland's (checked below at start-up)."""
    return st.session_state.get("lens.other_fact", "none")


def fact_text() -> str:
    """The fact put in front of the prompt: Poland's, and (if chosen) a second one after or before it."""
    kit = demos.of(current_model())
    return ablation.facts_in_front(kit.WARSAW_FACT, kit.OTHER_FACT, other_fact())


def switch_off_at(word: str) -> None:
    """Switch the MLPs off at ``word`` only: the layers that carry the answer there."""
    st.session_state["lens.subject"] = word
    switch_off_fact_layers()


def switch_off_fact_layers() -> None:
    if not prompt().strip():
        st.session_state["lens.mlp_off"] = []
        return
    st.session_state["lens.mlp_off"] = fact_layers(prompt(), answer_word(),
                                                   st.session_state.get("lens.subject", ""))["layers"]


lm = current_model()
L = lm.config.n_layer
rows = lens.layer_names(L, t("lens.row.embeddings"), t("lens.row.output"))

linked({"lens.words": as_text(200), "lens.subject": as_text(60), "lens.fact": as_bool,
        "lens.other_fact": as_choice(ablation.OTHER_FACT_PLACES), "lens.mlp_off": as_int_list(0, L - 1)})
if "lens.words" not in st.session_state:             # open on words this prompt makes rise
    st.session_state["lens.words"] = lens.default_words(lm, prompt())
st.session_state.setdefault("lens.fact", False)
if st.session_state.get("lens.other_fact") not in ablation.OTHER_FACT_PLACES:
    st.session_state["lens.other_fact"] = "none"
kit = demos.of(lm)
st.session_state.setdefault("lens.subject", kit.WARSAW_SUBJECT)
st.session_state["lens.mlp_off"] = [l for l in st.session_state.get("lens.mlp_off", []) if 0 <= l < L]

page_top()
st.title(t("lens.title"))
st.write(t("lens.intro"))
b1, b2 = st.columns(2)
b1.button(t("lens.preset.warsaw"), on_click=preset_warsaw, key="lens.preset_btn", help=t("lens.preset.warsaw.help", answer=kit.WARSAW_ANSWER, subject=kit.WARSAW_SUBJECT),
          use_container_width=True)
b2.button(t("lens.preset.question"), on_click=preset_warsaw, args=(kit.WARSAW_QUESTION,), key="lens.preset_q_btn",
          help=t("lens.preset.question.help", question=kit.WARSAW_QUESTION), use_container_width=True)

with st.container(border=True):
    c1, c2 = st.columns([3, 2])
    with c1:
        st.multiselect(t("lens.mlp_off"), list(range(L)), key="lens.mlp_off", placeholder=t("app.choose"),
                       format_func=lambda l: t("lens.mlp_layer", layer=l), help=t("lens.mlp_off.help"))
        st.button(t("lens.fact_layers", word=answer_word()), on_click=switch_off_fact_layers,
                  key="lens.fact_btn", help=t("lens.fact_layers.help"))
    with c2:
        st.checkbox(t("lens.prepend", fact=kit.WARSAW_FACT.strip()), key="lens.fact")
        st.radio(t("lens.other_fact", fact=kit.OTHER_FACT.strip()), ablation.OTHER_FACT_PLACES,
                 format_func=lambda w: t(f"lens.other_fact.{w}"), key="lens.other_fact",
                 help=t("lens.other_fact.help"), horizontal=True)
        st.text_input(t("lens.words"), key="lens.words", help=t("lens.words.help"))
        st.text_input(t("lens.subject"), key="lens.subject", help=t("lens.subject.help"))

mlp_off = tuple(sorted(st.session_state["lens.mlp_off"]))
words = tuple(lens.parse_words(st.session_state["lens.words"]))
text = ablation.build_prompt(require_prompt(), fact_text() if st.session_state["lens.fact"] else None)
subject = st.session_state["lens.subject"].strip()
positions = tuple(ablation.subject_positions(lm, prompt(), subject)) if mlp_off else ()
d = lens_data(text, mlp_off, words, positions)
notice_truncation(d["truncated"], lm.config.n_ctx)
if mlp_off:
    where = (t("lens.ablated_where", subject=subject) if positions else
             t("lens.subject_missing", subject=subject) if subject else t("lens.ablated_everywhere"))
    st.info(join_sentences(t("lens.ablated_note", layers=", ".join(map(str, mlp_off))), where))

# ---- the heatmap -----------------------------------------------------------------------------
st.header(t("lens.heatmap"))
st.caption(t("lens.heatmap.caption"))
T = len(d["tokens"])
start, end = 0, T
if T > MAX_COLS:
    start, end = st.slider(t("lens.window"), 0, T, (T - MAX_COLS, T), key=f"lens.window.{T}",
                           help=t("lens.window.help", n=MAX_COLS))
    start, end = lens.window(T, start, end)
fig = figure("lens.heatmap", (text, mlp_off, positions, start, end), lambda: lens_heatmap(d, start, end, rows, {
    "x": t("lens.axis.layer"), "y": t("lens.axis.position"), "colour": t("lens.axis.prob"),
    "hover_pos": t("lens.hover.position"), "hover_layer": t("lens.axis.layer"),
    "hover_top": t("lens.hover.top")}))
chart(fig, lambda: lens.lens_frame(d), name="logit_lens", key="lens.chart.heatmap")

# ---- chosen words across layers ------------------------------------------------------------------
st.header(t("lens.lines"))
if not d["words"]:
    st.info(t("lens.no_words"))
else:
    st.caption(t("lens.lines.caption", token=d["tokens"][-1]))
    split = [w for w in d["words"] if w["split"]]
    for w in split:
        st.caption(t("lens.split", word=w["word"], token=w["token"]))
    guesses = lens.final_guesses(d)
    if lens.words_absent(d) and guesses:          # a flat chart: say why, offer the model's own words
        st.info(t("lens.words.absent", p=f"{d['word_probs'].max():.3f}",
                  guesses=join_list(f"“{g}”" for g in guesses)))
        st.button(t("lens.words.follow_guesses"), key="lens.follow_guesses",
                  on_click=follow_words, args=(", ".join(guesses),))
    chart(figure("lens.lines", (text, mlp_off, positions, words),
                 lambda: word_lines(d, rows, {"x": t("lens.axis.layer"), "y": t("lens.axis.prob")})),
          lambda: lens.words_frame(d), name="words_across_layers", key="lens.chart.lines")

# ---- where the fact is kept ------------------------------------------------------------------------
st.header(t("lens.where", word=answer_word()))
st.write(t("lens.where.intro"))
where = fact_position(prompt(), answer_word())
if where["base"] < ablation.NO_ANSWER:
    st.info(t("lens.where.no_answer", word=answer_word(), p=where["base"]))
elif where["position"] is None:
    st.info(t("lens.where.too_short"))
else:
    chart(figure("lens.where", (prompt(), answer_word()), lambda: fact_position_bar(where, {
              "y": t("lens.where.y", word=answer_word()), "last": t("lens.where.last"), "first": t("lens.where.first_bar"),
              "base": t("lens.where.base"), "gone": t("lens.where.gone"), "hover": t("lens.where.hover"),
              "found": t("lens.where.found" if where["holds"] else "lens.where.lowest")})),
          lambda: pd.DataFrame({"token": where["tokens"], "p_mlps_off_here": where["probs"]}),
          name="fact_position", key="lens.chart.where")
    found = {"word": where["word"], "base": where["base"], "p": where["p"], "answer": answer_word()}
    st.info(join_sentences(t("lens.where.holds" if where["holds"] else "lens.where.spread", **found),
                           t("lens.where.next", w=where["next_word"], q=where["next_p"])
                           if where["next_word"] is not None else "",
                           t("lens.where.first", w=where["tokens"][0].strip()) if where["first"] else ""))
    if where["holds"] and where["at_word"] and where["word"] != subject:
        st.button(t("lens.where.use", word=where["word"]), on_click=switch_off_at, args=(where["word"],),
                  key="lens.where_btn")
    with st.expander(t("lens.where.more")):
        st.markdown(t("lens.where.more.body", gone=where["gone_below"]))

# ---- lost and recovered ---------------------------------------------------------------------------
st.header(t("lens.cases", word=answer_word()))
st.write(t("lens.cases.intro"))
used = mlp_off or tuple(fact_layers(prompt(), answer_word(), subject)["layers"])
cases = fact_cases(prompt(), fact_text(), answer_word(), used, subject)
if not mlp_off:
    st.caption(t("lens.cases.auto", layers=", ".join(map(str, used))))
names = {c: t(f"lens.case.{c}") for c in ablation.CASES}
probs = cases["probs"]
left, right = st.columns([3, 2])
with left:
    chart(figure("lens.cases", (prompt(), fact_text(), answer_word(), used, subject),
                 lambda: cases_bar(probs, names, {"y": t("lens.cases.y", token=cases["token"])})),
          pd.DataFrame({"case": [names[c] for c in probs], "probability": list(probs.values())}),
          name="fact_cases", key="lens.chart.cases")
with right:
    st.dataframe(pd.DataFrame({t("lens.cases.col.case"): [names[c] for c in probs],
                               t("lens.cases.col.p"): [round(v, 4) for v in probs.values()],
                               t("lens.cases.col.top"): [f"{tok!r} {p:.3f}" for tok, p in cases["top"].values()]}),
                 hide_index=True)
    st.caption(t("lens.cases.note", layers=", ".join(map(str, cases["layers"])) or "–"))
    if other_fact() != "none":
        st.caption(t("lens.cases.other_on", fact=fact_text().strip()))
verdict = ablation.cases_verdict(probs)
st.info(t(f"lens.verdict.{verdict}"))
if 0 in cases["layers"] and not cases["positions"]:
    st.caption(t("lens.cases.layer0", last=L - 1))
elif other_fact() != "none" and verdict != "no_answer":
    order = order_test(prompt(), kit.WARSAW_FACT, kit.OTHER_FACT, answer_word(), tuple(used), subject)
    a, b = order["after"], order["before"]
    st.caption(t(f"lens.order.{order['verdict']}", token=repr(order["token"]), top_a=repr(a["top"]),
                 pa=a["p_top"], top_b=repr(b["top"]), pb=b["p_top"], a=a["p"], b=b["p"]))
elif 0 in cases["layers"] and verdict == "lost_not_recovered":
    st.caption(t("lens.cases.layer0_subject", subject=subject, top=repr(cases["top"]["mlp_off"][0]),
                 both=probs["both"]))

# ---- what is being shown ------------------------------------------------------------------------
st.header(t("lens.explain.title"))
st.markdown(t("lens.explain.body", layers=L))
