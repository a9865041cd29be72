"""Class mode's store against SQLite and against a real PostgreSQL server started for the tests."""

import threading
import time

import pytest

from explainer.classroom import (CLASS_HOURS, CODE_ALPHABET, NICK_MAX, ClassError, clean_code, clean_nickname,
                                 open_store)
from tests.pgserver import PgServer, available

OPTIONS = ["sugar", "milk", "honey", "tea"]


@pytest.fixture(scope="module")
def pg_url():
    why = available()
    if why:
        pytest.skip(why)
    server = PgServer()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = open_store(f"sqlite:///{tmp_path / 'classes.sqlite3'}")
    else:
        s = open_store(request.getfixturevalue("pg_url"))
    yield s
    s.close()


def test_a_class_from_start_to_export(store):
    code, key = store.create_class("how-a-gpt-works")
    assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
    a, b = store.join(code, "Ana"), store.join(code.lower(), "  Ben  ")       # codes are forgiving of case
    assert store.get_class(code)["students"] == 2 and store.nickname(code, b) == "Ben"
    store.answer(code, a, 0, "sugar", OPTIONS)
    store.answer(code, b, 0, "milk", OPTIONS)
    store.answer(code, b, 0, "sugar", OPTIONS)                      # a second answer replaces the first
    assert store.tally(code, 0) == {"sugar": 2} and store.my_answer(code, b, 0) == "sugar"
    store.set_revealed(code, key)
    assert store.get_class(code)["revealed"]
    store.set_step(code, key, 1)
    info = store.get_class(code)
    assert info["step"] == 1 and not info["revealed"]
    with pytest.raises(ClassError, match="moved on"):
        store.answer(code, a, 0, "tea", OPTIONS)
    rows = store.rows(code, key)
    assert [(r["step"], r["nickname"], r["answer"]) for r in rows] == [(1, "Ana", "sugar"), (1, "Ben", "sugar")]
    assert store.migrate() == 1                                      # migrating again changes nothing


def test_bad_input_is_refused_with_a_reason(store):
    code, key = store.create_class("how-a-gpt-works")
    for bad in ("", "ABC", "ABCDEFG", "ABCDE0", "<script>"):
        with pytest.raises(ClassError, match="6 letters and digits"):
            store.join(bad, "x")
    with pytest.raises(ClassError, match="there is no class"):
        store.join("ZZZZZZ" if code != "ZZZZZZ" else "YYYYYY", "x")
    with pytest.raises(ClassError, match=f"at most {NICK_MAX}"):
        store.join(code, "x" * (NICK_MAX + 1))
    sid = store.join(code, "")
    assert store.nickname(code, sid) == "student 1"
    with pytest.raises(ClassError, match="not one of this question's choices"):
        store.answer(code, sid, 0, "coffee", OPTIONS)
    with pytest.raises(ClassError, match="at most 64"):
        store.answer(code, sid, 0, "x" * 100, None)
    with pytest.raises(ClassError, match="only the teacher"):
        store.set_step(code, "not-the-key", 3)
    assert clean_nickname("Zoë 🙂\x07") == "Zoë 🙂" and clean_code(" k7p-x3m ") == "K7PX3M"


def test_no_student_can_touch_another_class(store):
    c1, k1 = store.create_class("how-a-gpt-works")
    c2, k2 = store.create_class("how-a-gpt-works")
    s1 = store.join(c1, "Ana")
    with pytest.raises(ClassError, match="not in this class"):
        store.answer(c2, s1, 0, "sugar", OPTIONS)
    with pytest.raises(ClassError, match="only the teacher"):
        store.set_revealed(c2, k1)
    with pytest.raises(ClassError, match="only the teacher"):
        store.rows(c2, k1)
    assert store.tally(c2, 0) == {}


def test_classes_expire(store):
    now = time.time()
    code, _ = store.create_class("how-a-gpt-works", now=now - CLASS_HOURS * 3600 - 10)
    sid = store.join(code, "early", now=now - CLASS_HOURS * 3600)
    store.answer(code, sid, 0, "sugar", OPTIONS, now=now - CLASS_HOURS * 3600)
    with pytest.raises(ClassError, match="has ended"):
        store.join(code, "late")
    store.create_class("how-a-gpt-works")                            # starting a class clears ended ones
    with pytest.raises(ClassError, match="there is no class"):
        store.get_class(code)
    assert store.tally(code, 0) == {}                                # its answers went with it
    assert store._q("SELECT COUNT(*) FROM students WHERE code = ?", (code,), fetch="one")[0] == 0


def test_many_students_at_once_lose_nothing(store):
    """40 students in 40 threads join and answer, each changing their mind once: every last answer is
    stored, none lost. Prints the answers per second this store took."""
    code, key = store.create_class("how-a-gpt-works")
    n, errors, ids = 40, [], [None] * 40

    def student(i):
        try:
            ids[i] = store.join(code, f"s{i}")
            store.answer(code, ids[i], 0, OPTIONS[(i + 1) % 4], OPTIONS)
            store.answer(code, ids[i], 0, OPTIONS[i % 4], OPTIONS)
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e))
    t0 = time.perf_counter()
    threads = [threading.Thread(target=student, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    dt = time.perf_counter() - t0
    assert errors == []
    assert store.tally(code, 0) == {o: n // 4 for o in OPTIONS}
    assert store.get_class(code)["students"] == n
    print(f"\n{store.kind}: {2 * n} answers + {n} joins from {n} threads in {dt:.2f} s "
          f"({2 * n / dt:.0f} answers/s)")


def test_the_class_cap_holds_when_many_join_at_once(store, monkeypatch):
    """200 joins from 40 threads released together into a class capped at 20: exactly 20 get in,
    the other 180 are told the class is full (the count and the insert were two statements: 32 got
    into PostgreSQL in the same run)."""
    import explainer.classroom as classroom
    monkeypatch.setattr(classroom, "MAX_STUDENTS", 20)
    code, _ = store.create_class("how-a-gpt-works")
    start, joined, full, errors = threading.Barrier(40), [], [], []

    def student(i):
        start.wait()
        for j in range(5):
            try:
                joined.append(store.join(code, f"s{i}-{j}"))
            except ClassError as e:
                full.append(str(e))
            except Exception as e:  # noqa: BLE001
                errors.append(repr(e))
        store.close()
    threads = [threading.Thread(target=student, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(joined) == 20 and len(set(joined)) == 20
    assert len(full) == 180 and all("is full (20 students)" in m for m in full)
    assert store.get_class(code)["students"] == 20


def test_page_runs_in_new_threads_reuse_connections(store, monkeypatch):
    """Streamlit runs every page run in a new thread: the store lends connections across threads
    instead of opening one per thread (for PostgreSQL a new connection is a new server process)."""
    from explainer import classroom
    code, key = store.create_class("how-a-gpt-works")
    sid = store.join(code, "Ana")
    made = []
    real = classroom.Store._conn

    def counting(self):
        c = real(self)
        if all(c is not m for m in made):
            made.append(c)
        return c
    monkeypatch.setattr(classroom.Store, "_conn", counting)

    def page_run(i):
        store.get_class(code)
        store.answer(code, sid, 0, OPTIONS[i % 4], OPTIONS)
        store.tally(code, 0)
    for i in range(20):                                 # one after another, each in a thread of its own
        th = threading.Thread(target=page_run, args=(i,))
        th.start()
        th.join()
    assert len(made) == 1, f"{len(made)} connections for 20 page runs one after another"
    runs = [threading.Thread(target=page_run, args=(i,)) for i in range(30)]     # and many at once
    for th in runs:
        th.start()
    for th in runs:
        th.join()
    assert len(made) <= 30 and len(store._idle) <= classroom.IDLE_KEPT
    assert sum(store.tally(code, 0).values()) == 1                  # one student: the last answer counts
