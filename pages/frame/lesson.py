"""The lesson concept's part of the frame: the running lesson's step, drawn above every page (the
list of lessons is pages/lesson.py; the lesson files and the model's answers are
explainer/views/lesson.py)."""

from __future__ import annotations

import streamlit as st

from explainer import demos
from explainer.inputs import clean_text, shortened
from explainer.plots.lesson import answer_bars
from explainer.views.lesson import fill, for_model, load_lessons, text

from .cache import cached, counted_models
from .charts import chart, figure
from .language import lang, t
from .models import current_model, load_snapshot


@st.cache_resource(show_spinner=False)
def lessons() -> tuple[dict, list[str]]:
    """Every lesson file in assets/lessons, checked once per server (and the unusable ones)."""
    return load_lessons()


def lesson_steps(lesson_id: str, lm=None) -> list[dict]:
    """The lesson's steps as they run on ``lm`` (default: the session's model): a model that reads
    Chinese gets the steps' Chinese prompts, words and options (``for_model``)."""
    return for_model(lessons()[0][lesson_id], demos.of(lm or current_model()).lang)["steps"]


def _lesson_answer(lm, lesson_id: str, i: int) -> dict:
    from explainer.views.lesson import answer
    question = lesson_steps(lesson_id, lm)[i]["question"]
    snaps = []
    if question["kind"] == "snapshot_word":
        snaps = [(s, load_snapshot(str(p))) for s, p in lm.snapshots()]
    return answer(lm, question, snaps, counted_models(demos.of(lm).lang) if question["kind"] == "counting_next" else None)


lesson_answer = cached(_lesson_answer, max_entries=128)


def go_to_step(lesson_id: str | None, i: int = 0) -> None:
    """Start a lesson at step ``i`` (or leave it with ``None``): the step's state goes into the session
    and the router opens its page. For buttons (``on_click``)."""
    if lesson_id is None:
        for k in ("lesson.id", "lesson.step"):
            st.session_state.pop(k, None)
        return
    steps = lesson_steps(lesson_id)
    i = max(0, min(i, len(steps) - 1))
    st.session_state["lesson.id"], st.session_state["lesson.step"] = lesson_id, i
    step = steps[i]
    for key, value in step.get("state", {}).items():
        st.session_state[key] = list(value) if isinstance(value, list) else value
    for key in [k for k in st.session_state if str(k).startswith("lesson.guess.") or k == "lesson.revealed"]:
        del st.session_state[key]
    st.session_state["lesson.goto"] = step["page"]


def _finish() -> None:
    go_to_step(None)
    st.session_state["lesson.finished"] = True
    st.session_state["lesson.goto"] = "lesson"


def _reveal() -> None:
    st.session_state["lesson.revealed"] = True


def _read_link() -> None:
    """The link's ``lesson`` and ``step`` start a lesson on a session's first run."""
    if st.session_state.get("_lesson_link_read"):
        return
    st.session_state["_lesson_link_read"] = True
    wanted = st.query_params.get("lesson")
    if not wanted:
        return
    all_lessons, _ = lessons()
    try:
        step = int(st.query_params.get("step", "1")) - 1
        ok = wanted in all_lessons and 0 <= step < len(all_lessons[wanted]["steps"])
    except ValueError:
        step, ok = 0, False
    if ok:
        go_to_step(wanted, step)
    else:
        st.session_state["lesson.bad_link"] = (shortened(clean_text(wanted)[0]),
                                               clean_text(st.query_params.get("step", "1")[:10])[0])
        st.session_state["lesson.goto"] = "lesson"


def lesson_panel() -> str | None:
    """The running lesson's step, drawn where it is called. Returns the page to open when a step just
    changed."""
    _read_link()
    all_lessons, _ = lessons()
    goto = st.session_state.pop("lesson.goto", None)
    lesson_id = st.session_state.get("lesson.id")
    if lesson_id not in all_lessons:
        for k in ("lesson", "step"):
            if k in st.query_params:
                del st.query_params[k]
        return goto
    lesson = all_lessons[lesson_id]
    i, n = st.session_state.get("lesson.step", 0), len(lesson["steps"])
    st.query_params["lesson"], st.query_params["step"] = lesson_id, str(i + 1)
    step, L = lesson_steps(lesson_id)[i], lang()
    q = step["question"]
    labels = {str(o): text(q.get("labels", {}).get(str(o), {"en": str(o)}), L) for o in q["options"]}
    with st.container(border=True, key="lesson-panel"):
        st.caption(t("lesson.progress", title=text(lesson["title"], L), i=i + 1, n=n))
        st.progress((i + 1) / n)
        st.markdown(f"**{text(step['title'], L)}**")
        st.write(text(step["text"], L))
        guess = st.radio(text(q["ask"], L), list(labels), format_func=labels.get, index=None,
                         key=f"lesson.guess.{lesson_id}.{i}", horizontal=True)
        if st.session_state.get("lesson.revealed") and guess is not None:
            a = lesson_answer(lesson_id, i)
            opts = [o for o in labels if o in a["scores"]]
            chart(figure("lesson.answer", (lesson_id, i, guess), lambda: answer_bars(
                [labels[o] for o in opts], [a["scores"][o] for o in opts], opts.index(a["answer"]),
                opts.index(guess) if guess in opts else None, a["unit"], t(f"lesson.unit.{a['unit']}"),
                {"model": t("lesson.model"), "guess": t("lesson.your_guess")})), key="lesson.chart.answer")
            if guess == a["answer"]:
                st.success(t("lesson.right", answer=labels[a["answer"]]))
            else:
                st.info(t("lesson.wrong", guess=labels[guess], answer=labels[a["answer"]]))
            st.write(fill(text(q["reveal"], L), a["facts"]))
        elif st.session_state.get("lesson.revealed"):
            st.session_state["lesson.revealed"] = False
        c1, c2, c3, c4 = st.columns([1, 1.6, 1, 1])
        c1.button(t("lesson.back"), on_click=go_to_step, args=(lesson_id, i - 1), disabled=i == 0,
                  key="lesson.back_btn", width="stretch")
        c2.button(t("lesson.check"), on_click=_reveal, disabled=guess is None, key="lesson.check_btn",
                  type="primary", width="stretch", help=t("lesson.pick_first") if guess is None else None)
        if i + 1 < n:
            c3.button(t("lesson.next"), on_click=go_to_step, args=(lesson_id, i + 1), key="lesson.next_btn",
                      width="stretch")
        else:
            c3.button(t("lesson.finish"), on_click=_finish, key="lesson.finish_btn", width="stretch")
        c4.button(t("lesson.leave"), on_click=go_to_step, args=(None,), key="lesson.leave_btn", width="stretch")
    return goto
