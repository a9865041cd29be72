"""Class mode in AppTest: a teacher and two students in one store; the students follow the teacher.
— pages/classroom.py"""

import pytest

from explainer.i18n import t
from tests.apphelp import open_app


def button(at, key):
    return next(b for b in at.button if b.key == key)


def texts(at) -> str:
    return " ".join(str(x.value) for kind in ("info", "success", "warning", "error", "markdown", "caption",
                                               "subheader") for x in at.get(kind))


@pytest.fixture
def db(monkeypatch, tmp_path):
    import streamlit as st
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("EXPLAINER_CLASS_DB", str(tmp_path / "classes.sqlite3"))
    st.cache_resource.clear()


def student(monkeypatch, code, name):
    at = open_app(monkeypatch, page="pages/classroom.py", query={"lang": "en", "class": code})
    assert at.text_input(key="classroom.join_code").value == code          # the link fills the code in
    at.text_input(key="classroom.nick").set_value(name)
    button(at, "classroom.join_btn").click()
    at.run()
    assert not at.exception and at.session_state["classroom.role"] == "student"
    return at


def test_teacher_and_students(monkeypatch, db):
    teacher = open_app(monkeypatch, page="pages/classroom.py", query={"lang": "en"})
    button(teacher, "classroom.start_btn").click()
    teacher.run()
    assert not teacher.exception and teacher.session_state["classroom.role"] == "teacher"
    code = teacher.session_state["classroom.code"]
    assert any(code in m.value for m in teacher.markdown)                               # the code, big

    # two students join (each AppTest is its own session; the store is shared, as on one server)
    ana, ben = student(monkeypatch, code, "Ana"), student(monkeypatch, code, "Ben")
    import streamlit as st  # noqa: F401
    lesson_step = "A machine that guesses the next word"
    assert lesson_step in texts(ana)
    ana.radio(key="classroom.guess.0").set_value("sugar")
    button(ana, "classroom.send_btn.0").click()
    ana.run()
    assert t("classroom.you.sent", answer="sugar") in texts(ana)
    ben.radio(key="classroom.guess.0").set_value("milk")
    button(ben, "classroom.send_btn.0").click()
    ben.run()

    teacher.run()
    assert teacher.metric[0].value == t("classroom.answered.value", a=2, n=2)
    button(teacher, "classroom.reveal_btn").click()
    teacher.run()
    assert not teacher.exception
    fig = teacher.get("plotly_chart")[0].proto.spec
    assert '"sugar"' in fig or "sugar" in fig
    assert t("classroom.model_answer", answer="sugar") in texts(teacher)

    ana.run()
    ben.run()
    assert t("classroom.you.right", answer="sugar") in texts(ana)
    assert t("classroom.you.wrong", guess="milk", answer="sugar") in texts(ben)

    button(teacher, "classroom.next_btn").click()                      # the whole class moves on
    teacher.run()
    ana.run()
    assert not ana.exception and "classroom.guess.1" in [r.key for r in ana.radio]
    assert not teacher.exception


def test_a_class_on_the_chinese_model(monkeypatch, db, bundled_zh_lm):
    """A teacher on the Chinese model (a Chinese page opens on it) starts the class on that model: every
    student, whatever their own language and model, answers its Chinese questions and sees its numbers.
    (English pages here: AppTest formats a Chinese page's widget labels outside the session.)"""
    from explainer.views.lesson import answer, for_model, load_lessons
    teacher = open_app(monkeypatch, page="pages/classroom.py", query={"lang": "en", "model": "bundled_zh"})
    assert teacher.session_state["model_choice"] == "bundled_zh"
    button(teacher, "classroom.start_btn").click()
    teacher.run()
    assert not teacher.exception
    code = teacher.session_state["classroom.code"]
    ana = student(monkeypatch, code, "Ana")                        # her own page is in English
    assert ana.radio(key="classroom.guess.0").options == ["糖", "奶", "茶", "水"]
    ana.radio(key="classroom.guess.0").set_value("糖")
    button(ana, "classroom.send_btn.0").click()
    ana.run()
    button(teacher, "classroom.reveal_btn").click()
    teacher.run()
    assert not teacher.exception
    q = for_model(load_lessons()[0]["how-a-gpt-works"], "zh")["steps"][0]["question"]
    a = answer(bundled_zh_lm, q)
    assert t("classroom.model_answer", answer=a["answer"]) in texts(teacher)
    ana.run()
    assert not ana.exception
    assert t("classroom.you.right" if a["answer"] == "糖" else "classroom.you.wrong", answer=a["answer"],
             guess="糖") in texts(ana)


def test_a_wrong_code_is_a_message(monkeypatch, db):
    at = open_app(monkeypatch, page="pages/classroom.py", query={"lang": "en", "class": "NOPE"})
    button(at, "classroom.join_btn").click()
    at.run()
    assert not at.exception
    assert any("6 letters and digits" in e.value for e in at.error)
    assert "classroom.role" not in at.session_state


def test_join_link_qr_and_csv():
    from explainer.views import classroom as V
    url = V.join_url("http://10.0.0.5:8501/", "K7PX3M")
    assert url == "http://10.0.0.5:8501/classroom?class=K7PX3M"
    png = V.qr_png(url)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 200
    assert V.qr_png(url) == png and V.qr_png(url + "X") != png                               # this link's code
    csv = V.csv_bytes([{"step": 1, "nickname": "Zoë, 🙂", "answer": "sugar", "answered_at": "2026-11-30 08:00:00"}])
    assert csv.decode("utf-8").splitlines() == ["step,nickname,answer,answered_at",
                                                '1,"Zoë, 🙂",sugar,2026-11-30 08:00:00']
