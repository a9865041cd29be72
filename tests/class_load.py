"""A class of students in class mode at once (a benchmark, not a test).

    python tests/class_load.py                    # 40 students, 3 questions, SQLite (the default store)
    python tests/class_load.py --students 40 --questions 3 --postgres   # the same on a PostgreSQL server

A real Streamlit server; one teacher and N students, each a session speaking Streamlit's own protocol
(what a browser tab sends; browsers would take the two cores themselves). Students open the join link,
press Join, and for each question pick a choice and press Send (then change their mind once and send
again); the teacher reveals and moves on. Measured: errors (exceptions in a page, or an answer missing
from the database — must be 0), the students' request latency, and the store's own answers per second
(threads writing straight to it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(ROOT)
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from explainer.classroom import open_store  # noqa: E402
from explainer.i18n import t  # noqa: E402
from tests.crowd import Session, idle, pct, rss_mb, start_replicas  # noqa: E402


def radio(s: Session):
    return next((w for kind, w, *_ in s.widgets.values() if kind == "radio"), None)


async def run_class(base: str, url: str, n: int, questions: int) -> dict:
    teacher = Session(base)
    await teacher.open()
    await teacher.run("classroom")
    before = {r[0] for r in open_store(url)._q("SELECT code FROM classes", fetch="all")}
    await teacher.press(t("classroom.start"))
    codes = [r[0] for r in open_store(url)._q("SELECT code FROM classes", fetch="all") if r[0] not in before]
    code = codes[0]
    lat: list[float] = []
    errors: list[str] = []
    students = [Session(base) for _ in range(n)]
    await asyncio.gather(*[s.open() for s in students])

    from streamlit.proto.WidgetStates_pb2 import WidgetState

    async def join(s: Session):
        # a browser sends every widget's value with a click: here the code typed and the button
        lat.append(await s.run("classroom", query=f"class={code}"))
        box, button = s.widgets[t("classroom.code")][1], s.widgets[t("classroom.join")][1]
        lat.append(await s.run("classroom", [WidgetState(id=box.id, string_value=code),
                                             WidgetState(id=button.id, trigger_value=True)]))

    async def answer(s: Session, rng: random.Random):
        lat.append(await s.run("classroom"))
        w = radio(s)
        if w is None:
            errors.append("no question shown to a student")
            return
        send = s.widgets.get(t("classroom.you.send"))
        if send is None:
            errors.append("no Send button shown to a student")
            return
        for _ in range(2):                                  # a guess, then a change of mind
            # what a browser sends on the click: the radio's choice and the button, in one request
            choice = WidgetState(id=w.id, string_value=rng.choice(list(w.options)))
            lat.append(await s.run("classroom", [choice, WidgetState(id=send[1].id, trigger_value=True)]))

    await asyncio.gather(*[join(s) for s in students])
    store = open_store(url)
    joined = store.get_class(code)["students"]
    if joined != n:
        errors.append(f"{joined} of {n} students joined")
    stored = []
    for q in range(questions):
        await asyncio.gather(*[answer(s, random.Random(i * 100 + q)) for i, s in enumerate(students)])
        stored.append(sum(store.tally(code, q).values()))
        await teacher.run("classroom")
        await teacher.press(t("classroom.reveal"))
        await asyncio.gather(*[s.run("classroom") for s in students])      # everyone sees the reveal
        await teacher.press(t("classroom.next"))
    for s in students + [teacher]:
        errors += s.errors
        await s.close()
    missing = [f"question {q + 1}: {k} of {n} answers stored" for q, k in enumerate(stored) if k != n]
    return {"students": n, "questions": questions, "requests": len(lat), "errors": len(errors) + len(missing),
            "error_samples": (errors + missing)[:5], "latency_p50": round(pct(lat, 50), 3),
            "latency_p95": round(pct(lat, 95), 3), "latency_max": round(max(lat), 3), "answers_stored": stored}


def pg_sessions(url: str) -> int:
    """Connections PostgreSQL has accepted so far (pg_stat_database.sessions); 0 for SQLite."""
    if not url.startswith("postgres"):
        return 0
    import psycopg
    with psycopg.connect(url, autocommit=True) as c:
        return int(c.execute("SELECT sessions FROM pg_stat_database WHERE datname = current_database()").fetchone()[0])


def store_rate(url: str, threads: int = 16, per_thread: int = 200) -> float:
    """Answers per second the store takes from ``threads`` threads, each one student answering
    ``per_thread`` times (every answer replaces the last: an upsert each)."""
    s = open_store(url)
    code, key = s.create_class("how-a-gpt-works")
    ids = [s.join(code, f"t{i}") for i in range(threads)]

    def work(sid):
        for j in range(per_thread):
            s.answer(code, sid, 0, ["sugar", "milk"][j % 2], ["sugar", "milk"])
    t0 = time.perf_counter()
    ts = [threading.Thread(target=work, args=(sid,)) for sid in ids]
    for th in ts:
        th.start()
    for th in ts:
        th.join()
    return threads * per_thread / (time.perf_counter() - t0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=40)
    ap.add_argument("--questions", type=int, default=3)
    ap.add_argument("--postgres", action="store_true", help="start a PostgreSQL server and use it (DATABASE_URL)")
    ap.add_argument("--replicas", type=int, default=1,
                    help="2: two servers behind haproxy (docs/haproxy.cfg), sharing the class's store")
    a = ap.parse_args(argv)
    pg = None
    if a.postgres:
        from tests.pgserver import PgServer
        pg = PgServer()
        url = pg.start()
        os.environ["DATABASE_URL"] = url
    else:
        url = "sqlite:///" + str(Path("/tmp") / f"class-load-{os.getpid()}.sqlite3")
        os.environ["EXPLAINER_CLASS_DB"] = url.removeprefix("sqlite:///")
        os.environ.pop("DATABASE_URL", None)
    base, procs, _ = start_replicas(a.replicas, "class-load-server")
    try:
        # a class arrives after each server's own start-up run-through (pages/frame/warmup.py) has ended
        asyncio.run(idle([p.pid for p in procs]))
        opened = pg_sessions(url)
        res = asyncio.run(run_class(base, url, a.students, a.questions))
        if pg:                      # connections the servers opened for the class (each costs a process)
            res["store_connections_opened"] = pg_sessions(url) - opened
        res["server_rss_mb"] = round(rss_mb([p.pid for p in procs]))
        res["replicas"] = a.replicas
        res["store"] = "postgres" if pg else "sqlite"
        res["store_answers_per_s"] = round(store_rate(url))
        print(json.dumps(res, indent=1))
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=30)
        if pg:
            pg.stop()
    return 0 if res["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
