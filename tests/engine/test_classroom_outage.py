"""Class storage that stops answering: a real PostgreSQL stopped and restarted mid-lesson, a server
that accepts connections and never replies, one whose backend freezes mid-statement. Every call
fails within a few seconds with ``StorageDown`` (no driver detail in its message), nothing stored
is lost, and a guess that waited is stored exactly once when storage is back."""

import os
import signal
import socket
import threading
import time

import pytest

from explainer.classroom import RETRY_S, TIMEOUT_S, StorageDown, open_store
from tests.pgserver import PgServer, available

OPTIONS = ["sugar", "milk", "honey", "tea"]


@pytest.fixture
def pg():
    why = available()
    if why:
        pytest.skip(why)
    server = PgServer()
    url = server.start()
    yield server, url
    server.stop()


def _down(call) -> float:
    """Seconds until ``call`` raised StorageDown (it must)."""
    t0 = time.monotonic()
    with pytest.raises(StorageDown) as e:
        call()
    for leak in ("SELECT", "INSERT", "127.0.0.1", "psycopg", "connection", "port"):
        assert leak not in str(e.value)
    return time.monotonic() - t0


def _until_up(call, timeout: float = 30.0):
    end = time.monotonic() + timeout
    while True:
        try:
            return call()
        except StorageDown:
            if time.monotonic() > end:
                raise
            time.sleep(0.2)


def test_a_class_survives_a_stopped_server(pg):
    server, url = pg
    s = open_store(url)
    code, key = s.create_class("how-a-gpt-works")
    students = [s.join(code, f"s{i}") for i in range(6)]
    for sid in students[:2]:                                   # before the outage
        s.answer(code, sid, 0, "sugar", OPTIONS)

    server.halt()
    waits = [_down(lambda: s.answer(code, sid, 0, "milk", OPTIONS)) for sid in students[2:4]]   # during
    assert max(waits) < TIMEOUT_S + 2, waits
    assert s.waiting(code) == 2                                # counted from memory while storage is down
    assert _down(lambda: s.get_class(code)) < TIMEOUT_S        # failing at once for RETRY_S (no connect tried)
    assert _down(lambda: s.create_class("how-a-gpt-works")) < TIMEOUT_S + 2

    server.resume()
    for sid in students[2:4]:                                  # the waiting guesses, sent again
        _until_up(lambda: s.answer(code, sid, 0, "milk", OPTIONS))
    assert s.waiting(code) == 0
    for sid in students[4:]:                                   # after
        s.answer(code, sid, 0, "honey", OPTIONS)
    assert s.tally(code, 0) == {"sugar": 2, "milk": 2, "honey": 2}     # each guess exactly once
    assert s.get_class(code)["students"] == 6
    s.close()


def test_a_server_that_never_replies_is_given_up_on(pg):
    """A port that accepts the connection and then says nothing (a black hole, a hung proxy)."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        port = silent.getsockname()[1]
        t = _down(lambda: open_store(f"postgresql://postgres@127.0.0.1:{port}/postgres"))
    assert t < TIMEOUT_S + 2, t


def test_a_frozen_backend_is_cut_after_the_deadline(pg):
    """The server process serving this connection stops mid-lesson (the TCP connection stays open,
    so only the client-side deadline can end the wait): the call gives up on it after
    ``TIMEOUT_S + 1`` s and goes through on a new connection; a second freeze of that one too is
    ``StorageDown``."""
    server, url = pg
    s = open_store(url)
    code, _ = s.create_class("how-a-gpt-works")
    sid = s.join(code, "Ana")
    frozen = [s._q("SELECT pg_backend_pid()", fetch="one")[0]]
    os.kill(frozen[0], signal.SIGSTOP)
    try:
        t0 = time.monotonic()
        s.answer(code, sid, 0, "sugar", OPTIONS)
        assert time.monotonic() - t0 < TIMEOUT_S + 3
        assert s.tally(code, 0) == {"sugar": 1}
        frozen.append(s._q("SELECT pg_backend_pid()", fetch="one")[0])
        os.kill(frozen[1], signal.SIGSTOP)
        server_pid = int((server.data / "postmaster.pid").read_text().split()[0])
        os.kill(server_pid, signal.SIGSTOP)                   # no new connection either
        frozen.append(server_pid)
        assert _down(lambda: s.answer(code, sid, 0, "milk", OPTIONS)) < 2 * TIMEOUT_S + 3
    finally:
        for pid in frozen:
            os.kill(pid, signal.SIGCONT)
    time.sleep(RETRY_S)
    s.answer(code, sid, 0, "milk", OPTIONS)                   # storage back: the class is intact
    assert s.tally(code, 0) == {"milk": 1}
    s.close()


def test_many_threads_through_an_outage_lose_nothing(pg):
    """12 students on 12 threads keep sending through a stop and a restart, as the page does (a
    guess that met StorageDown is kept and sent again): every one is stored exactly once."""
    server, url = pg
    s = open_store(url)
    code, _ = s.create_class("how-a-gpt-works")
    sids = [s.join(code, f"s{i}") for i in range(12)]
    errors: list[BaseException] = []

    def student(i: int) -> None:
        try:
            time.sleep(0.3 * i)                                # spread over before, during and after
            _until_up(lambda: s.answer(code, sids[i], 0, OPTIONS[i % 4], OPTIONS), timeout=60)
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=student, args=(i,)) for i in range(12)]
    for th in threads:
        th.start()
    time.sleep(0.5)
    server.halt()
    time.sleep(2.0)
    server.resume()
    for th in threads:
        th.join(90)
    assert not errors, errors
    assert sum(s.tally(code, 0).values()) == 12
    assert s.tally(code, 0) == {o: 3 for o in OPTIONS}
    assert s.waiting(code) == 0
    s.close()
