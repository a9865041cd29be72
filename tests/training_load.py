"""Trainings while a class uses the app (a benchmark, not a test).

    python tests/training_load.py                 # 0, 1 and 4 trainings at once (EXPLAINER_MAX_TRAININGS=4)
    python tests/training_load.py --trainings 0 2
    python tests/training_load.py --first-words   # one training alone: seconds to readable words, loss at 60 s

For each count: that many sessions open "Train your own" and press Start (each keeps asking for its
page every 2 s, as the page's live panel does), while another session walks every page as in
tests/crowd.py. Measured: the other user's latency (p50, p95, max) per request, the server's
resident memory and that of the training processes, and how far each training got. Protocol-level
sessions, no browsers (they would take the two cores themselves).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(ROOT)
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from explainer.i18n import t  # noqa: E402
from tests.crowd import Session, _free_port, pct, rss_mb, start_server, walk  # noqa: E402


def children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


async def trainer(base: str, stop: asyncio.Event, report: dict) -> None:
    s = Session(base)
    await s.open()
    try:
        await s.run("training")
        await s.press(t("training.start"))
        while not stop.is_set():
            await asyncio.sleep(2)
            await s.run("training")
        report.setdefault("errors", []).extend(s.errors)
        await s.press(t("training.reset"))
    finally:
        await s.close()


async def one(base: str, pid: int, n: int) -> dict:
    stop = asyncio.Event()
    report: dict = {}
    tasks = [asyncio.create_task(trainer(base, stop, report)) for _ in range(n)]
    await asyncio.sleep(8 if n else 0)                    # the trainings are under way
    record: list[dict] = []
    rss = []
    sampler_stop = asyncio.Event()

    async def sample():
        while not sampler_stop.is_set():
            kids = children(pid)
            rss.append((rss_mb(pid), sum(rss_mb(k) for k in kids if Path(f"/proc/{k}").exists()), len(kids)))
            await asyncio.sleep(1)
    sampler = asyncio.create_task(sample())
    errors = await walk(base, None, t, record)
    sampler_stop.set()
    await sampler
    stop.set()
    await asyncio.gather(*tasks)
    lat = [r["seconds"] for r in record]
    return {"trainings": n, "requests": len(record), "errors": len(errors) + len(report.get("errors", [])),
            "latency_p50": round(pct(lat, 50), 3), "latency_p95": round(pct(lat, 95), 3), "latency_max": round(max(lat), 3),
            "server_rss_mb": round(max(r[0] for r in rss)), "training_processes": max(r[2] for r in rss),
            "training_rss_mb": round(max(r[1] for r in rss))}


def first_words(seconds: float = 60.0) -> dict:
    """One training as the app starts it (JobManager's share of the cores), no server: when the
    greedy sample after "Once upon a time" first is readable (at least 6 different words, 90 % of
    them words of the training text), and the loss after ``seconds``."""
    import re

    from explainer.jobs import JobManager, TrainingJob, new_folder
    job = TrainingJob(new_folder(), JobManager())
    t0 = time.monotonic()
    job.start()
    readable_at, sample_then, vocab, seen = None, None, None, []
    while time.monotonic() - t0 < seconds:
        st = job.poll()
        if vocab is None and (job.folder / "data" / "corpus.txt").exists():
            vocab = set(re.findall(r"[a-z]+", (job.folder / "data" / "corpus.txt").read_text().lower()))
        sample = (st["probes"] or {}).get("sample")
        if sample and vocab and readable_at is None and st["probe_step"] not in seen:
            seen.append(st["probe_step"])
            words = re.findall(r"[a-z]+", sample.lower())
            if len(set(words)) >= 6 and sum(w in vocab for w in words) >= 0.9 * len(words):
                readable_at, sample_then = time.monotonic() - t0, sample
        time.sleep(0.1)
    st = job.poll()
    out = {"readable_s": None if readable_at is None else round(readable_at, 1), "readable_sample": sample_then,
           "step_at_60s": st["step"], "loss_ema_at_60s": round(st["last"].get("loss_ema", float("nan")), 3),
           "val_loss_last": st["val"][-1] if st["val"] else None, "sample_at_60s": st["probes"].get("sample"),
           "threads": job.manager.threads, "first_probe_s": round(st["first_probe_s"] or 0, 1)}
    job.reset()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--first-words", action="store_true", help="only: seconds to readable words, loss after 60 s")
    ap.add_argument("--trainings", type=int, nargs="+", default=[0, 1, 4])
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    if a.first_words:
        print(json.dumps(first_words(), indent=1, ensure_ascii=False))
        return 0
    os.environ.setdefault("EXPLAINER_MAX_TRAININGS", str(max(a.trainings)))
    port = _free_port()
    proc = start_server(port, "training-load-server.log")
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        asyncio.run(walk(base, None, t, []))              # caches warm, as after a teacher's run-through
        time.sleep(2)
        for n in a.trainings:
            rows.append(asyncio.run(one(base, proc.pid, n)))
            print(json.dumps(rows[-1]), flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"{'trainings':>9} {'p50':>7} {'p95':>7} {'max':>7} {'server RSS':>11} {'trainers RSS':>13} errors")
    for r in rows:
        print(f"{r['trainings']:>9} {r['latency_p50']:>6.2f}s {r['latency_p95']:>6.2f}s {r['latency_max']:>6.2f}s "
              f"{r['server_rss_mb']:>8} MB {r['training_rss_mb']:>7} MB ({r['training_processes']}) {r['errors']}")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
