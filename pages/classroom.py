"""Class mode: the teacher's projector view and the students' phone view of one shared lesson."""

from urllib.parse import urlsplit

import streamlit as st

from explainer.classroom import CLASS_HOURS, NICK_MAX, ClassError, StorageDown, clean_code, open_store
from explainer.inputs import plain
from explainer.plots.classroom import reveal_figure
from explainer.views import classroom
from explainer import demos
from explainer.views.lesson import fill, for_model, lesson_and_model, with_model
from pages.frame.charts import chart, figure
from pages.frame.language import lang, t
from pages.frame.lesson import lesson_answer, lessons
from pages.frame.models import current_model, model_for_language
from pages.frame.page import enter, page_top

enter(__file__)

POLL_S = 2.0          # how often the teacher's count and the students' screens look for changes


@st.cache_resource(show_spinner=False)
def store():
    """One store per server process (thread-safe; SQLite file or $DATABASE_URL's PostgreSQL)."""
    return open_store()


def base_url() -> str:
    try:
        u = urlsplit(st.context.url or "")
        if u.scheme and u.netloc:
            return f"{u.scheme}://{u.netloc}"
    except Exception:       # noqa: BLE001 — no browser (AppTest): a relative link still works
        pass
    return ""


def _error(e: Exception) -> None:
    st.session_state["classroom.error"] = t("classroom.error", err=e)


def _down(key: str) -> None:
    st.session_state["classroom.error"] = t(key)


def start_class() -> None:
    try:
        lesson_id = st.session_state.get("classroom.lesson") or next(iter(lessons()[0]))
        # the class runs on a shared model of the teacher's model's language (its name says which)
        code, key = store().create_class(with_model(lesson_id, demos.of(current_model()).lang))
    except ClassError as e:
        return _error(e)
    except StorageDown:
        return _down("classroom.down.start")
    st.session_state.update({"classroom.role": "teacher", "classroom.code": code, "classroom.key": key})
    st.session_state.pop("classroom.error", None)


def join_class() -> None:
    try:
        sid = store().join(st.session_state.get("classroom.join_code", ""), st.session_state.get("classroom.nick", ""))
    except ClassError as e:
        return _error(e)
    except StorageDown:
        return _down("classroom.down.join")
    st.session_state.update({"classroom.role": "student", "classroom.student": sid,
                             "classroom.code": clean_code(st.session_state["classroom.join_code"])})
    st.session_state.pop("classroom.error", None)


def leave() -> None:
    for k in ("classroom.role", "classroom.code", "classroom.key", "classroom.student", "classroom.seen",
              "classroom.last", "classroom.pending"):
        st.session_state.pop(k, None)


def teacher_do(action: str, step: int = 0) -> None:
    code, key = st.session_state["classroom.code"], st.session_state["classroom.key"]
    try:
        s = store()
        if action == "reveal":
            s.set_revealed(code, key, True)
        elif action == "step":
            s.set_step(code, key, step)
        elif action == "end":
            s.end_class(code, key)
            leave()
    except ClassError as e:
        _error(e)
    except StorageDown:
        _down("classroom.down.action")


def send_answer(step: int, options: list[str]) -> None:
    """Send the guess; when storage does not answer it is kept in this session (``classroom.pending``)
    and the student's screen sends it again at each look until it is stored or refused."""
    guess = st.session_state.get(f"classroom.guess.{step}")
    try:
        store().answer(st.session_state["classroom.code"], st.session_state["classroom.student"], step, guess, options)
        st.session_state.pop("classroom.error", None)
        st.session_state.pop("classroom.pending", None)
    except ClassError as e:
        _error(e)
    except StorageDown:
        st.session_state["classroom.pending"] = (step, guess, list(options))


def send_pending() -> str | None:
    """Send the kept guess again, if there is one: None when it is stored (or none was kept), else
    the message to show. StorageDown is left to the caller (storage still not answering)."""
    pending = st.session_state.get("classroom.pending")
    if pending is None:
        return None
    step, guess, options = pending
    try:
        store().answer(st.session_state["classroom.code"], st.session_state["classroom.student"], step, guess, options)
    except ClassError as e:
        st.session_state.pop("classroom.pending", None)
        return t("classroom.down.lost", answer=guess, err=e)
    st.session_state.pop("classroom.pending", None)
    return None


def reveal(info: dict, q: dict) -> dict:
    """The class's guesses beside the model's numbers, and the model's answer."""
    lesson_id, model_lang = lesson_and_model(info["lesson"])
    a = lesson_answer.on(model_for_language(model_lang))(lesson_id, q["i"])
    df = classroom.reveal_frame(store().tally(info["code"], q["i"]), a, q["options"], q["labels"])
    labels = {"class": t("classroom.chart.class"), "model": t("classroom.chart.model"),
              "share": t("classroom.chart.share"), "unit": t(f"lesson.unit.{a['unit']}")}
    # built once for the whole class: every student's screen asks for it in the same second
    # (40 at once, each building it, made the last wait 3.9 s)
    fig = figure("classroom.reveal", (info["lesson"], q["i"], a["unit"], tuple(map(tuple, df.astype(str).values))),
                 lambda: reveal_figure(df, labels, a["unit"]))
    chart(fig, df, f"class_step_{q['i'] + 1}", key=f"classroom.chart.reveal.{q['i']}")
    st.markdown(t("classroom.model_answer", answer=q["labels"].get(a["answer"], a["answer"])))
    st.write(fill(q["reveal"], a["facts"]))
    return a


def current(info_code: str):
    info = store().get_class(info_code)
    lesson_id, model_lang = lesson_and_model(info["lesson"])
    lesson = lessons()[0].get(lesson_id) or next(iter(lessons()[0].values()))
    return info, classroom.question_view(for_model(lesson, model_lang), info["step"], lang())


# ---- page --------------------------------------------------------------------------------------

page_top()
st.title(t("classroom.title"))
role = st.session_state.get("classroom.role")
if err := st.session_state.pop("classroom.error", None):
    st.error(err)

if role is None:
    st.write(t("classroom.lead"))
    if st.query_params.get("class"):
        st.session_state.setdefault("classroom.join_code", str(st.query_params["class"])[:12])
    left, right = st.columns(2)
    with left, st.container(border=True):
        st.subheader(t("classroom.student.header"))
        st.text_input(t("classroom.code"), key="classroom.join_code", max_chars=12)
        st.text_input(t("classroom.nickname"), key="classroom.nick", max_chars=NICK_MAX)
        st.button(t("classroom.join"), key="classroom.join_btn", on_click=join_class, type="primary")
    with right, st.container(border=True):
        st.subheader(t("classroom.teacher.header"))
        found = lessons()[0]
        st.selectbox(t("classroom.lesson"), list(found), key="classroom.lesson",
                     format_func=lambda i: found[i]["title"].get(lang()) or found[i]["title"]["en"])
        st.button(t("classroom.start"), key="classroom.start_btn", on_click=start_class)
    with st.expander(t("classroom.more")):
        st.markdown(t("classroom.more.text", hours=CLASS_HOURS))
    st.stop()

code = st.session_state["classroom.code"]
try:
    current(code)
except ClassError as e:
    st.warning(t("classroom.ended") if role == "teacher" else t("classroom.error", err=e))
    st.button(t("classroom.leave"), key="classroom.leave_btn", on_click=leave)
    st.stop()
except StorageDown:        # the panels below say so, and show the last question they had
    pass


def look(code: str, sid: str | None = None):
    """(info, q, name, mine) now, kept in the session as the last view; when storage does not answer,
    (the last view, or None) and True."""
    try:
        info, q = current(code)
        name = store().nickname(code, sid) if sid else None
        mine = store().my_answer(code, sid, q["i"]) if sid else None
    except StorageDown:
        return st.session_state.get("classroom.last"), True
    st.session_state["classroom.last"] = (info, q, name, mine)
    return (info, q, name, mine), False


if role == "teacher":
    top, qr = st.columns([3, 1])
    with top:
        st.markdown(f"<div style='font-size:3rem;font-weight:700;letter-spacing:0.3rem'>{code}</div>",
                    unsafe_allow_html=True)
        url = classroom.join_url(base_url(), code)
        st.markdown(t("classroom.link", url=f"`{url}`"))
    with qr:
        st.image(classroom.qr_png(url or f"/classroom?class={code}"), caption=t("classroom.qr"), width=180)

    @st.fragment(run_every=POLL_S)
    def teacher_panel() -> None:
        view, down = look(code)
        if down:
            try:
                waiting = store().waiting(code)
            except StorageDown:                          # this server never reached storage
                waiting = 0
            st.warning(t("classroom.down.teacher", n=waiting))
            if view is None:
                return
        info, q, _, _ = view
        st.caption(t("classroom.progress", i=q["i"] + 1, n=q["n"]) + " · " + t("classroom.students", n=info["students"]))
        st.subheader(q["title"])
        st.write(q["text"])
        st.markdown(f"**{q['ask']}**")
        st.markdown("\n".join(f"- {q['labels'][o]}" for o in q["options"]))
        if not down:
            try:
                answered = sum(store().tally(code, q["i"]).values())
                st.metric(t("classroom.answered"), t("classroom.answered.value", a=answered, n=info["students"]))
                if info["revealed"]:
                    reveal(info, q)
                    st.caption(t("classroom.png"))
            except StorageDown:
                st.warning(t("classroom.down.teacher", n=store().waiting(code)))
                down = True
        b = st.columns(3)
        b[0].button(t("classroom.reveal"), key="classroom.reveal_btn", on_click=teacher_do, args=("reveal",),
                    disabled=info["revealed"] or down, type="primary", use_container_width=True)
        b[1].button(t("classroom.back"), key="classroom.back_btn", on_click=teacher_do, args=("step", q["i"] - 1),
                    disabled=q["i"] == 0 or down, use_container_width=True)
        b[2].button(t("classroom.next"), key="classroom.next_btn", on_click=teacher_do, args=("step", q["i"] + 1),
                    disabled=q["i"] >= q["n"] - 1 or down, use_container_width=True)
        st.page_link(f"pages/{q['page']}.py", label=t("classroom.show_page"), icon=":material/open_in_new:")
    teacher_panel()
    e1, e2 = st.columns(2)
    try:
        answers = classroom.csv_bytes(store().rows(code, st.session_state["classroom.key"]))
    except (StorageDown, ClassError):
        answers = None
    e1.download_button(t("classroom.csv"), data=answers or b"", file_name=f"class-{code}.csv",
                       mime="text/csv", key="classroom.csv_btn", disabled=answers is None)
    if answers is None:
        e1.caption(t("classroom.down.csv"))
    e2.button(t("classroom.end"), key="classroom.end_btn", on_click=teacher_do, args=("end",))
else:
    sid = st.session_state["classroom.student"]

    @st.fragment(run_every=POLL_S)
    def student_panel() -> None:
        try:
            lost = send_pending()                        # a guess kept through an outage goes first
        except StorageDown:
            lost = None
        try:
            view, down = look(code, sid)
        except ClassError as e:
            st.warning(t("classroom.error", err=e))
            return
        if lost:
            st.warning(lost)
        if down:
            st.warning(t("classroom.down.student"))
            if view is None:
                return
        info, q, name, mine = view
        pending = st.session_state.get("classroom.pending")
        if pending is not None and pending[0] == q["i"]:
            mine = None
        seen = st.session_state.get("classroom.seen")
        st.session_state["classroom.seen"] = (info["step"], info["revealed"])
        if seen and seen[0] != info["step"]:              # the class moved on: forget the old guess box
            st.session_state.pop(f"classroom.guess.{seen[0]}", None)
        st.caption(t("classroom.you.joined", code=code, name=plain(name)) + " " + t("classroom.follows"))
        st.caption(t("classroom.progress", i=q["i"] + 1, n=q["n"]))
        st.subheader(q["title"])
        st.write(q["text"])
        if not info["revealed"]:
            st.radio(q["ask"], q["options"], format_func=q["labels"].get, key=f"classroom.guess.{q['i']}",
                     index=q["options"].index(mine) if mine in q["options"] else None)
            st.button(t("classroom.you.send"), key=f"classroom.send_btn.{q['i']}", on_click=send_answer,
                      args=(q["i"], q["options"]), type="primary")
            if pending is not None:
                st.info(t("classroom.down.kept", answer=q["labels"].get(pending[1], pending[1])))
            elif mine is not None:
                st.success(t("classroom.you.sent", answer=q["labels"].get(mine, mine)))
            st.caption(t("classroom.you.wait"))
        elif not down:
            st.markdown(f"**{q['ask']}**")
            try:
                a = reveal(info, q)
            except StorageDown:
                st.warning(t("classroom.down.student"))
                return
            if mine is None:
                st.info(t("classroom.you.none"))
            elif mine == a["answer"]:
                st.success(t("classroom.you.right", answer=q["labels"][mine]))
            else:
                st.info(t("classroom.you.wrong", guess=q["labels"][mine], answer=q["labels"][a["answer"]]))
    student_panel()
    st.button(t("classroom.leave"), key="classroom.leave_btn", on_click=leave)
