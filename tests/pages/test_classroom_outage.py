"""Class mode in AppTest while a real PostgreSQL is stopped and restarted mid-lesson: no screen
shows an exception, each says in words that storage is not answering, a guess sent during the
outage is kept and sent when storage is back, and every guess is stored exactly once.
— pages/classroom.py"""

import pytest
from streamlit.testing.v1 import AppTest

from explainer.classroom import RETRY_S, open_store
from explainer.i18n import t
from tests.apphelp import APP, open_app
from tests.pages.test_classroom import button, texts
from tests.pgserver import PgServer, available


@pytest.fixture
def pg(monkeypatch):
    import streamlit as st
    why = available()
    if why:
        pytest.skip(why)
    server = PgServer()
    url = server.start()
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_resource.clear()
    yield server, url
    server.stop()


def _session(query: dict) -> AppTest:
    """Another browser on the same server: the caches (the store) are not cleared."""
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    at.switch_page("pages/classroom.py").run()
    return at


def _join(code: str, name: str) -> AppTest:
    at = _session({"lang": "en", "class": code})
    at.text_input(key="classroom.nick").set_value(name)
    button(at, "classroom.join_btn").click()
    at.run()
    assert not at.exception and at.session_state["classroom.role"] == "student"
    return at


def _guess(at: AppTest, answer: str) -> None:
    at.radio(key="classroom.guess.0").set_value(answer)
    button(at, "classroom.send_btn.0").click()
    at.run()


def _calm(*screens: AppTest) -> None:
    for at in screens:
        assert not at.exception, at.exception[0].message
        shown = texts(at) + " ".join(e.value for e in at.error)
        for leak in ("Traceback", "SELECT", "INSERT", "psycopg", "127.0.0.1", "OperationalError"):
            assert leak not in shown, (leak, shown[:400])


def test_a_lesson_through_an_outage(pg, monkeypatch):
    server, url = pg
    teacher = open_app(monkeypatch, page="pages/classroom.py", query={"lang": "en"})
    button(teacher, "classroom.start_btn").click()
    teacher.run()
    code = teacher.session_state["classroom.code"]
    ana, ben, cai = (_join(code, n) for n in ("Ana", "Ben", "Cai"))
    _guess(ana, "sugar")                                       # before the outage

    server.halt()
    _guess(ben, "milk")                                        # during: kept on Ben's screen
    _calm(ben)
    assert t("classroom.down.student") in texts(ben)
    assert t("classroom.down.kept", answer="milk") in texts(ben)
    assert ben.session_state["classroom.pending"][1] == "milk"
    teacher.run()                                              # the teacher sees one guess waiting
    _calm(teacher)
    assert t("classroom.down.teacher", n=1) in texts(teacher)
    assert button(teacher, "classroom.next_btn").disabled
    cai.run()
    _calm(cai)
    assert t("classroom.down.student") in texts(cai)
    newcomer = _session({"lang": "en", "class": code})         # joining and starting a class refuse in words
    newcomer.text_input(key="classroom.nick").set_value("Dev")
    button(newcomer, "classroom.join_btn").click()
    newcomer.run()
    _calm(newcomer)
    assert t("classroom.down.join") in [e.value for e in newcomer.error]
    button(newcomer, "classroom.start_btn").click()
    newcomer.run()
    _calm(newcomer)
    assert t("classroom.down.start") in [e.value for e in newcomer.error]
    server.resume()
    import time
    time.sleep(RETRY_S + 0.2)
    ben.run()                                                  # the kept guess goes out at the next look
    _calm(ben)
    assert "classroom.pending" not in ben.session_state
    assert t("classroom.you.sent", answer="milk") in texts(ben)
    _guess(cai, "honey")                                       # after
    teacher.run()
    _calm(teacher)
    assert teacher.metric[0].value == t("classroom.answered.value", a=3, n=3)
    s = open_store(url)
    assert s.tally(code, 0) == {"sugar": 1, "milk": 1, "honey": 1}     # each exactly once
    s.close()
