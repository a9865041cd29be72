"""Class mode's state: classes, students and their answers, in a real database.

    store = open_store()                                  # SQLite file (WAL) or $DATABASE_URL (PostgreSQL)
    code, key = store.create_class("how-a-gpt-works")     # the teacher keeps ``key``
    sid = store.join(code, "Ana")                         # a student's id (kept in their session)
    store.answer(code, sid, step=0, answer="sugar", options=["sugar", "milk"])
    store.tally(code, 0)                                  # {"sugar": 1}
    store.set_step(code, key, 1)                          # the whole class moves on

SQLite by default (one file, WAL mode, safe for the many threads of one server); PostgreSQL when
``DATABASE_URL`` is set (``postgresql://…``) — what several replicas of the app behind a load balancer
need to share one class. The schema is created and migrated by the app (``MIGRATIONS``; PostgreSQL
takes an advisory lock so two replicas starting at once do not race). A class expires ``CLASS_HOURS``
after it was created. A student answers each question once: a second answer replaces the first.
Every input is bounded and checked (``ClassError`` says what is wrong); every query is scoped to one
class code, and changing a class needs its teacher key. No Streamlit here.

When the storage does not answer (PostgreSQL stopped, unreachable, black-holed or too slow; a SQLite
file that cannot be written) every call raises ``StorageDown`` within a few seconds: connecting,
each statement and each lock wait are bounded by ``TIMEOUT_S`` (PostgreSQL's own timeouts, TCP's
``tcp_user_timeout``, and a client-side deadline that cuts a connection whose server went silent).
For ``RETRY_S`` after a failure every call fails at once, so a page never waits twice. The detail
goes to the server log ("explainer" logger); a screen only hears that storage is not answering.
A guess that could not be stored is counted in ``waiting`` (this server's memory) until it is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import socket
import sqlite3
import threading
import time
import unicodedata
from pathlib import Path

from . import settings

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"     # no 0/O, 1/I/L: easy to read off a projector
CODE_LEN = 6
NICK_MAX = 24
ANSWER_MAX = 64
CLASS_HOURS = 6
MAX_STUDENTS = 300
MAX_STEPS = 100
TIMEOUT_S = 3             # connecting, one statement, one lock wait (PostgreSQL); a silent server is cut at +1 s
RETRY_S = 2.0             # after a failure, calls fail at once for this long
IDLE_KEPT = 8             # connections kept between calls: Streamlit runs every page run in a new thread
DB_ENV = "DATABASE_URL"
SQLITE_ENV = "EXPLAINER_CLASS_DB"

MIGRATIONS = [
    # 1: classes, students, answers
    [
        """CREATE TABLE IF NOT EXISTS classes (
               code TEXT PRIMARY KEY, teacher_key TEXT NOT NULL, lesson TEXT NOT NULL,
               step INTEGER NOT NULL DEFAULT 0, revealed INTEGER NOT NULL DEFAULT 0,
               created_at DOUBLE PRECISION NOT NULL, expires_at DOUBLE PRECISION NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS students (
               code TEXT NOT NULL REFERENCES classes(code) ON DELETE CASCADE, student TEXT NOT NULL,
               nickname TEXT NOT NULL, joined_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (code, student))""",
        """CREATE TABLE IF NOT EXISTS answers (
               code TEXT NOT NULL, step INTEGER NOT NULL, student TEXT NOT NULL, answer TEXT NOT NULL,
               answered_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (code, step, student),
               FOREIGN KEY (code, student) REFERENCES students(code, student) ON DELETE CASCADE)""",
        "CREATE INDEX IF NOT EXISTS classes_expiry ON classes (expires_at)",
    ],
]


class StorageDown(RuntimeError):
    """The class's storage did not answer. What the call would have changed was not changed; the
    detail (host, SQL, driver message) is in the server log only."""


log = logging.getLogger("explainer")


def _db_errors() -> tuple[type[BaseException], ...]:
    """What a storage that stopped answering raises (not a wrong input or a taken code)."""
    errors: list[type[BaseException]] = [sqlite3.OperationalError, OSError]
    try:
        import psycopg
        errors += [psycopg.OperationalError, psycopg.InterfaceError]
    except ImportError:
        pass
    return tuple(errors)


class ClassError(ValueError):
    """A code, name or answer that cannot be taken; the message says why, for the person who typed it."""


# ---- checking what people type ---------------------------------------------------------------

def clean_code(code) -> str:
    c = re.sub(r"[\s-]", "", str(code or "")).upper()
    if len(c) != CODE_LEN or any(ch not in CODE_ALPHABET for ch in c):
        raise ClassError(f"a class code is {CODE_LEN} letters and digits, like {'K7PX3M'} (got {str(code)[:20]!r})")
    return c


def clean_nickname(name) -> str:
    n = unicodedata.normalize("NFC", str(name or "")).strip()
    n = "".join(ch for ch in n if unicodedata.category(ch)[0] != "C")      # no control characters
    if len(n) > NICK_MAX:
        raise ClassError(f"a nickname is at most {NICK_MAX} characters (got {len(n)})")
    return n


def clean_answer(answer, options) -> str:
    a = str(answer or "")
    if len(a) > ANSWER_MAX:
        raise ClassError(f"an answer is at most {ANSWER_MAX} characters")
    if options is not None and a not in [str(o) for o in options]:
        raise ClassError(f"{a[:20]!r} is not one of this question's choices")
    return a


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LEN))


# ---- the store ---------------------------------------------------------------------------------

class Store:
    """One database; safe to share between the threads of a server (one connection per thread)."""

    def __init__(self, url: str):
        self.url = url
        self.kind = "postgres" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
        self._local = threading.local()
        self._lock = threading.Lock()
        self._errors = _db_errors()
        self._down_until = 0.0
        self._waiting: dict[str, set[str]] = {}
        self._idle: list = []             # connections no thread holds (guarded by _idle_lock)
        self._idle_lock = threading.Lock()
        self.migrate()

    # connections -------------------------------------------------------------------------------
    def _conn(self):
        if time.monotonic() < self._down_until:
            raise StorageDown("the class's storage did not answer a moment ago")
        c = getattr(self._local, "conn", None)
        if c is None:
            if self.kind == "postgres":
                import psycopg
                ms = TIMEOUT_S * 1000
                c = psycopg.connect(self.url, autocommit=True, connect_timeout=TIMEOUT_S, tcp_user_timeout=ms,
                                    keepalives=1, keepalives_idle=5, keepalives_interval=1, keepalives_count=3,
                                    options=f"-c statement_timeout={ms} -c lock_timeout={ms} "
                                            f"-c idle_in_transaction_session_timeout={4 * ms}")
            else:
                path = self.url.removeprefix("sqlite:///")
                Path(path).parent.mkdir(parents=True, exist_ok=True)
                c = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
                c.execute("PRAGMA journal_mode=WAL")
                c.execute("PRAGMA synchronous=NORMAL")
                c.execute("PRAGMA foreign_keys=ON")
                c.execute("PRAGMA busy_timeout=30000")
            self._local.conn, self._local.fresh = c, True
        return c

    @contextlib.contextmanager
    def _borrowed(self):
        """This thread holds a connection for the block: the one it holds already (a transaction
        around this call), else one an earlier call left, else a new one (``_conn``). Afterwards it
        is left for the next call — a page run is a new thread each time, and a new PostgreSQL
        connection is a new server process (measured: 534 for a class of 40, one per page run)."""
        if getattr(self._local, "conn", None) is not None:
            yield
            return
        with self._idle_lock:
            c = self._idle.pop() if self._idle else None
        self._local.conn, self._local.fresh = c, c is None
        try:
            yield
        finally:
            c, self._local.conn = getattr(self._local, "conn", None), None
            self._local.fresh = True
            if c is not None:
                if self._idle_ok(c):
                    with self._idle_lock:
                        if len(self._idle) < IDLE_KEPT:
                            self._idle.append(c)
                            c = None
                if c is not None:
                    self._close(c)

    def _idle_ok(self, c) -> bool:
        """Whether ``c`` can serve another call: open, and in no transaction."""
        try:
            if self.kind == "postgres":
                from psycopg.pq import TransactionStatus
                return not c.closed and c.info.transaction_status == TransactionStatus.IDLE
            return not c.in_transaction
        except Exception:           # noqa: BLE001 — a connection that cannot say is not kept
            return False

    @staticmethod
    def _close(c) -> None:
        try:
            c.close()
        except Exception:           # noqa: BLE001 — a dead connection may fail to close
            pass

    def _forget_idle(self) -> None:
        with self._idle_lock:
            idle, self._idle = self._idle, []
        for c in idle:
            self._close(c)

    @contextlib.contextmanager
    def _guard(self):
        """Storage failures inside become ``StorageDown`` (logged, this thread's connection dropped,
        every call failing at once for ``RETRY_S``)."""
        try:
            yield
        except StorageDown:
            raise
        except self._errors as e:
            log.warning("class storage (%s) not answering: %s: %s", self.kind, type(e).__name__, e)
            self._down_until = time.monotonic() + RETRY_S
            self._drop()
            self._forget_idle()
            raise StorageDown("the class's storage is not answering") from None

    def _deadline(self, c):
        """A PostgreSQL server that stopped mid-statement (but still holds the TCP connection)
        would keep this thread waiting: past ``TIMEOUT_S + 1`` s the socket is shut, which ends the
        wait with an error. Returns what to ``cancel()`` once the statement is done (None: nothing)."""
        if self.kind != "postgres":
            return None
        try:
            fd = c.pgconn.socket
        except Exception:              # noqa: BLE001 — not connected: nothing to wait on
            return None
        return _DEADLINES.arm(fd, TIMEOUT_S + 1)

    def _q(self, sql: str, args=(), fetch: str | None = None):
        if self.kind == "postgres":
            sql = sql.replace("?", "%s")
        with self._borrowed(), self._guard():
            try:
                return self._once(sql, args, fetch)
            except self._errors:
                # a connection that worked before and that the server ended while it was idle (a
                # restart): once more on a new one, outside a transaction only (nothing half-done)
                if getattr(self._local, "fresh", True) or getattr(self._local, "in_tx", False):
                    raise
                self._drop()
                return self._once(sql, args, fetch)

    def _once(self, sql: str, args, fetch: str | None):
        c = self._conn()
        timer = self._deadline(c)
        try:
            out = self._run(c, sql, args, fetch)
        finally:
            if timer is not None:
                timer.cancel()
        self._local.fresh = False
        return out

    def _drop(self) -> None:
        """Forget this thread's connection (closing it if it still can be)."""
        c, self._local.conn = getattr(self._local, "conn", None), None
        self._local.fresh = True
        if c is not None:
            self._close(c)

    @staticmethod
    def _run(c, sql: str, args, fetch: str | None):
        for attempt in range(5):
            try:
                cur = c.execute(sql, args)
                if fetch == "one":
                    return cur.fetchone()
                if fetch == "all":
                    return cur.fetchall()
                return cur.rowcount
            except sqlite3.OperationalError as e:          # "database is locked" beyond the busy timeout
                if "locked" not in str(e) or attempt == 4:
                    raise
                time.sleep(0.05 * (attempt + 1))

    @contextlib.contextmanager
    def _transaction(self):
        """One transaction on this thread's connection (SQLite takes the write lock at its start)."""
        with self._borrowed(), self._transaction_held():
            yield

    @contextlib.contextmanager
    def _transaction_held(self):
        if self.kind == "postgres" and not getattr(self._local, "fresh", True):
            self._q("SELECT 1")              # a connection the server ended while idle is replaced first
        with self._guard():
            c = self._conn()
            self._local.in_tx = True
            try:
                if self.kind == "postgres":
                    with c.transaction():
                        yield
                    return
                c.execute("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    c.execute("ROLLBACK")
                    raise
                c.execute("COMMIT")
            finally:
                self._local.in_tx = False

    def migrate(self) -> int:
        """Create or update the schema; returns the version. Safe when several processes start at once."""
        with self._borrowed(), self._lock, self._guard():
            c = self._conn()
            if self.kind == "postgres":
                c.execute("SELECT pg_advisory_lock(741852)")
            else:
                c.execute("BEGIN IMMEDIATE")
            try:
                self._q("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                row = self._q("SELECT MAX(version) FROM schema_version", fetch="one")
                version = int(row[0] or 0)
                for v, statements in enumerate(MIGRATIONS[version:], start=version + 1):
                    for sql in statements:
                        self._q(sql)
                    self._q("INSERT INTO schema_version (version) VALUES (?)", (v,))
                    version = v
            finally:
                if self.kind == "postgres":
                    c.execute("SELECT pg_advisory_unlock(741852)")
                else:
                    c.execute("COMMIT")
            return version

    def close(self) -> None:
        self._drop()
        self._forget_idle()

    # classes -----------------------------------------------------------------------------------
    def create_class(self, lesson: str, now: float | None = None) -> tuple[str, str]:
        """A new class on ``lesson``: (code for the students, key for the teacher)."""
        now = time.time() if now is None else now
        self.purge(now)
        key = secrets.token_urlsafe(16)
        for _ in range(20):
            code = _new_code()
            try:
                self._q("INSERT INTO classes (code, teacher_key, lesson, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                        (code, key, str(lesson)[:80], now, now + CLASS_HOURS * 3600))
                return code, key
            except Exception as e:       # a code already taken (unique violation): draw another
                if "UNIQUE" not in str(e).upper() and "duplicate" not in str(e).lower():
                    raise
        raise ClassError("no free class code found; try again")

    def get_class(self, code, now: float | None = None) -> dict:
        code = clean_code(code)
        row = self._q("SELECT code, lesson, step, revealed, created_at, expires_at FROM classes WHERE code = ?",
                      (code,), fetch="one")
        if row is None:
            raise ClassError(f"there is no class {code}: check the code on the teacher's screen")
        if row[5] < (time.time() if now is None else now):
            raise ClassError(f"class {code} has ended (classes last {CLASS_HOURS} hours)")
        n = self._q("SELECT COUNT(*) FROM students WHERE code = ?", (code,), fetch="one")[0]
        return {"code": row[0], "lesson": row[1], "step": int(row[2]), "revealed": bool(row[3]),
                "created_at": row[4], "expires_at": row[5], "students": int(n)}

    def _teacher(self, code, key) -> str:
        code = clean_code(code)
        row = self._q("SELECT teacher_key FROM classes WHERE code = ?", (code,), fetch="one")
        if row is None or not secrets.compare_digest(str(row[0]), str(key or "")):
            raise ClassError("only the teacher who started this class can change it")
        return code

    def set_step(self, code, key, step: int) -> None:
        code = self._teacher(code, key)
        if not 0 <= int(step) < MAX_STEPS:
            raise ClassError(f"step must be 0 … {MAX_STEPS - 1} (got {step})")
        self._q("UPDATE classes SET step = ?, revealed = 0 WHERE code = ?", (int(step), code))

    def set_revealed(self, code, key, revealed: bool = True) -> None:
        code = self._teacher(code, key)
        self._q("UPDATE classes SET revealed = ? WHERE code = ?", (int(bool(revealed)), code))

    def end_class(self, code, key) -> None:
        code = self._teacher(code, key)
        self._q("UPDATE classes SET expires_at = ? WHERE code = ?", (time.time() - 1, code))

    def purge(self, now: float | None = None) -> int:
        """Delete classes that have expired; their students and answers go with them (ON DELETE CASCADE)."""
        return self._q("DELETE FROM classes WHERE expires_at < ?", (time.time() if now is None else now,))

    # students and answers ----------------------------------------------------------------------
    def join(self, code, nickname: str = "", now: float | None = None) -> str:
        """A new student's id. The count and the insert are one transaction that holds the class's
        row (PostgreSQL: ``FOR UPDATE``; SQLite: ``BEGIN IMMEDIATE``), so ``MAX_STUDENTS`` holds when
        hundreds join at once."""
        code = self.get_class(code, now)["code"]
        sid = secrets.token_hex(8)
        with self._transaction():
            if self.kind == "postgres":
                self._q("SELECT code FROM classes WHERE code = ? FOR UPDATE", (code,), fetch="one")
            n = int(self._q("SELECT COUNT(*) FROM students WHERE code = ?", (code,), fetch="one")[0])
            if n >= MAX_STUDENTS:
                raise ClassError(f"class {code} is full ({MAX_STUDENTS} students)")
            name = clean_nickname(nickname) or f"student {n + 1}"
            self._q("INSERT INTO students (code, student, nickname, joined_at) VALUES (?, ?, ?, ?)",
                    (code, sid, name, time.time() if now is None else now))
        return sid

    def nickname(self, code, student) -> str:
        row = self._q("SELECT nickname FROM students WHERE code = ? AND student = ?",
                      (clean_code(code), str(student)), fetch="one")
        if row is None:
            raise ClassError("you are not in this class: join it with its code first")
        return row[0]

    def answer(self, code, student, step: int, answer, options=None, now: float | None = None) -> None:
        """Record (or replace) this student's answer to ``step``. When storage does not answer
        (``StorageDown``) the student counts as waiting in ``waiting(code)`` until a later call for
        them ends either way (stored, or refused with a ``ClassError``)."""
        key = str(code).strip().upper()
        try:
            self._answer(code, student, step, answer, options, now)
        except StorageDown:
            with self._lock:
                self._waiting.setdefault(key, set()).add(str(student))
            raise
        except BaseException:
            self._done_waiting(key, student)
            raise
        self._done_waiting(key, student)

    def _done_waiting(self, key: str, student) -> None:
        with self._lock:
            left = self._waiting.get(key)
            if left is not None:
                left.discard(str(student))
                if not left:
                    del self._waiting[key]

    def waiting(self, code) -> int:
        """How many students of class ``code`` have a guess this server could not store yet (read
        from memory: it works while storage is down)."""
        with self._lock:
            return len(self._waiting.get(str(code).strip().upper(), ()))

    def _answer(self, code, student, step: int, answer, options=None, now: float | None = None) -> None:
        info = self.get_class(code, now)
        a = clean_answer(answer, options)
        self.nickname(info["code"], student)                    # a student of this class, or an error
        if int(step) != info["step"]:
            raise ClassError("the class has moved on to another question")
        if info["revealed"]:
            raise ClassError("the model's answer is already shown: wait for the next question")
        self._q("INSERT INTO answers (code, step, student, answer, answered_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (code, step, student) DO UPDATE SET answer = excluded.answer, "
                "answered_at = excluded.answered_at",
                (info["code"], int(step), str(student), a, time.time() if now is None else now))

    def my_answer(self, code, student, step: int) -> str | None:
        row = self._q("SELECT answer FROM answers WHERE code = ? AND step = ? AND student = ?",
                      (clean_code(code), int(step), str(student)), fetch="one")
        return row[0] if row else None

    def tally(self, code, step: int) -> dict[str, int]:
        """How many students gave each answer to ``step``."""
        rows = self._q("SELECT answer, COUNT(*) FROM answers WHERE code = ? AND step = ? GROUP BY answer",
                       (clean_code(code), int(step)), fetch="all")
        return {r[0]: int(r[1]) for r in rows}

    def rows(self, code, key) -> list[dict]:
        """Every answer of the class, for the teacher's CSV: step, nickname, answer, time."""
        code = self._teacher(code, key)
        rows = self._q("SELECT a.step, s.nickname, a.answer, a.answered_at FROM answers a JOIN students s "
                       "ON a.code = s.code AND a.student = s.student WHERE a.code = ? ORDER BY a.step, s.nickname",
                       (code,), fetch="all")
        return [{"step": int(r[0]) + 1, "nickname": r[1], "answer": r[2],
                 "answered_at": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(r[3]))} for r in rows]


class _Deadlines:
    """Every statement's deadline, watched by one thread. (A timer thread per statement held the
    store to 619–682 answers a second from 16 threads; with one watcher, 1,618–3,382.)"""

    POLL_S = 0.2                  # the watcher, once started, looks this often (for good: a daemon)

    def __init__(self):
        self._lock = threading.Lock()
        self._due: dict[object, tuple[float, int]] = {}
        self._watcher: threading.Thread | None = None

    def arm(self, fd: int, seconds: float) -> _Armed:
        armed = _Armed(self)
        self._due[armed] = (time.monotonic() + seconds, fd)       # one dict operation: atomic in CPython
        if self._watcher is None:                                  # a lock only to start the watcher
            with self._lock:
                if self._watcher is None:
                    self._watcher = threading.Thread(target=self._watch, name="class-store-deadlines", daemon=True)
                    self._watcher.start()
        return armed

    def cancel(self, armed: _Armed) -> None:
        self._due.pop(armed, None)

    def _watch(self) -> None:
        while True:
            time.sleep(self.POLL_S)
            now = time.monotonic()
            for k, (t, fd) in list(self._due.items()):
                if t <= now and self._due.pop(k, None) is not None:     # not cancelled meanwhile
                    _cut(fd)


class _Armed:
    __slots__ = ("_owner",)

    def __init__(self, owner: _Deadlines):
        self._owner = owner

    def cancel(self) -> None:
        self._owner.cancel(self)


def _cut(fd: int) -> None:
    """Shut the socket ``fd`` (a statement past its deadline): the waiting thread gets an error."""
    try:
        s = socket.socket(fileno=os.dup(fd))
        s.shutdown(socket.SHUT_RDWR)
        s.close()
    except OSError:
        pass


_DEADLINES = _Deadlines()


def default_url() -> str:
    """$DATABASE_URL when set (PostgreSQL), else a SQLite file ($EXPLAINER_CLASS_DB or the temp folder)."""
    return settings.get(DB_ENV) or "sqlite:///" + str(settings.get(SQLITE_ENV))


def open_store(url: str | None = None) -> Store:
    return Store(url or default_url())
