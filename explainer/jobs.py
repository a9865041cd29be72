"""Training in the background: one child process per run, a bounded number at a time.

A ``TrainingJob`` trains a fresh small GPT (``train.train``) in its own folder, in a child process
(``python -m explainer.jobs``), so the server's page threads never wait for it and never share a GIL
with it. The page polls the job:
``job.poll()`` reads what the child has sent (every step's loss, learning rate, gradient norm and
tokens/s; the validation loss; every few seconds the top next words for a few probe prompts and a
short sample) and returns a plain dict. Pause asks the child to stop at the next step boundary,
where ``train`` writes a checkpoint; resume starts a new child that continues from it, so no step is
lost or repeated. Reset stops the child and deletes the folder.

A ``JobManager`` (one per server) runs at most ``max_running`` jobs at once, each on
``threads`` CPU threads; the others wait in a queue and know their place in it. A running job that
nobody has polled for ``lease_s`` seconds (its page was closed) is paused, so it frees its place.

Nothing here imports Streamlit: the lifecycle is tested on its own (tests/engine/test_jobs.py).
"""

from __future__ import annotations

import json
import logging
import os
import queue as queue_mod
import shutil
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from . import checkpoint as ckpt
from . import settings

SOURCE = "source.txt"           # the user's text, written before the first start (resume reads it)
PROBES = (                       # prompts whose next words the page watches change
    "Once upon a time",
    "Q: What is the capital of France? A:",
    "When Mary and John went to the store, John gave a drink to",
    "I like my coffee with cream and",
)
PROBE_EVERY_S = 1.5             # seconds between probe readings in the child
STEP_EVERY_S = 0.2              # at most this often a plain step message (the last step is always sent)
SAMPLE_TOKENS = 24
HISTORY_MAX = 2_000             # loss points kept for the chart (thinned evenly beyond this)

# a job's states: new, queued, starting, running, pausing, paused, finished, error
ACTIVE = ("queued", "starting", "running", "pausing")
log = logging.getLogger("explainer")


def _probe(lm, prompts, k: int = 5) -> dict:
    """Top-k next words for each prompt and a short greedy sample, read through the model's one door
    (``LM``)."""
    return {"next": {q: [(w, round(p, 4)) for w, p in lm.next_token(q, k)] for q in prompts},
            "sample": lm.generate(prompts[0], SAMPLE_TOKENS, temperature=0)}


def _probe_training(model, enc, prompts) -> dict:
    """``_probe`` on the model being trained: in eval mode for the reading (no dropout), then back."""
    from .lm import LM
    was_training = model.training
    try:
        return _probe(LM(model, enc), prompts)
    finally:
        model.train(was_training)


STOP = "STOP"                   # the page's pause button: the child stops at the next step boundary
WORKER_LOG = "worker.log"       # the child's own messages (stderr), for a look when it failed


def _work(folder: str, preset: str, steps: int, own_text: bool, threads: int, prompts: tuple, say) -> None:
    """The child process: train (or resume) in ``folder``; report with ``say(kind, step, data)``;
    stop when the STOP file appears. The last message is ("finished"|"paused", step) or ("error", text)."""
    try:
        import torch

        from .train import train
        torch.set_num_threads(max(1, threads))
        folder_p = Path(folder)
        stop_file = folder_p / STOP
        text = (folder_p / SOURCE).read_text(encoding="utf-8") if own_text else None
        last = {"sent": 0.0, "probe": 0.0}

        def on_step(step: int, info: dict) -> None:
            now = time.monotonic()
            row = {k: info[k] for k in ("loss", "loss_ema", "lr", "grad_norm", "tok_per_s", "elapsed_s", "val_loss")}
            if now - last["sent"] >= STEP_EVERY_S or info["val_loss"] is not None:
                say("step", step, row)
                last["sent"] = now
            else:
                say("loss", step, info["loss"])
            if now - last["probe"] >= PROBE_EVERY_S:
                say("probe", step, _probe_training(info["model"], info["encoding"], prompts))
                last["probe"] = time.monotonic()

        train(preset, folder_p, precision="fp32", steps=steps, progress=False,
              log=lambda msg: print(msg, file=sys.stderr, flush=True),     # into worker.log
              should_stop=stop_file.exists, on_step=on_step, text=text, device="auto")
        from .lm import load
        lm = load(folder_p)
        done = int(lm.meta["step"])
        say("probe", done, _probe(lm, prompts))
        say("finished" if done >= steps else "paused", done, None)
    except BaseException as e:  # noqa: BLE001 — whatever happens, the page must hear it
        say("error", 0, f"{type(e).__name__}: {e}")


def _main(argv: list[str]) -> int:
    """``python -m explainer.jobs FOLDER PRESET STEPS THREADS OWN_TEXT PROMPTS_JSON``: one line of
    JSON on stdout per message."""
    folder, preset, steps, threads, own_text, prompts = argv
    out = sys.stdout

    def say(kind: str, step: int, data) -> None:
        out.write(json.dumps([kind, step, data], ensure_ascii=False) + "\n")
        out.flush()
    _work(folder, preset, int(steps), own_text == "1", int(threads), tuple(json.loads(prompts)), say)
    return 0


class TrainingJob:
    """One model being trained in ``folder``. Not thread-safe by itself: one session owns it (the
    manager's lock guards the queue)."""

    def __init__(self, folder: str | Path, manager: "JobManager", preset: str = "live",
                 text: str | None = None, steps: int | None = None, prompts: tuple = PROBES):
        from .train import PRESETS, check_text
        if preset not in PRESETS:
            raise ValueError(f"preset must be one of {', '.join(PRESETS)} (got {preset!r})")
        self.folder = Path(folder)
        self.manager = manager
        self.preset = preset
        self.steps = steps if steps is not None else PRESETS[preset].steps
        self.prompts = tuple(prompts)
        self.own_text = text is not None
        if text is not None:
            text = check_text(text, n_ctx=PRESETS[preset].n_ctx)
        self._text = text
        self.id = uuid.uuid4().hex[:12]
        self._reset_state()
        self._proc = None
        self._messages = None
        self._errlog = None

    def _reset_state(self) -> None:
        self.state = "new"
        self.step = 0
        self.history: list[tuple[int, float]] = []      # (step, loss) of every step, thinned
        self.val: list[tuple[int, float]] = []          # (step, validation loss)
        self.last: dict = {}
        self.probes: dict = {}
        self.probe_step = 0
        self.error: str | None = None
        self.died = False                               # the child ended without saying why (killed)
        self.started_at: float | None = None            # wall time of the first start
        self.first_probe_s: float | None = None
        self.last_poll = time.monotonic()

    # ---- what the page asks -------------------------------------------------------------------
    def start(self) -> None:
        """Queue the job (a fresh start, or a resume after pause). Nothing happens when it is active."""
        if self.state in ACTIVE or self.state == "finished":
            return
        if self._proc is not None:              # the last child said "paused" and is exiting
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                pass
            self._kill()
            self.manager.withdraw(self)
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._text is not None and not (self.folder / SOURCE).exists():
            ckpt.write_atomic(self.folder / SOURCE, lambda tmp: tmp.write_text(self._text, encoding="utf-8"))
        self.error, self.died = None, False
        self.state = "queued"
        self.last_poll = time.monotonic()
        self.manager.submit(self)

    resume = start

    def resumable(self) -> int | None:
        """The checkpoint's step when this job stopped with an error and can go on from it exactly
        (its files whole and in step: ``train.resume_step``), else None."""
        if self.state != "error":
            return None
        from .train import resume_step
        return resume_step(self.folder)

    def go_on(self) -> None:
        """After the child died (or failed): train on from the checkpoint on disk. The steps after it
        are trained again with the same batches (each step's batch is seeded by its number), so the
        model ends exactly as if nothing had happened; the chart forgets the points after it."""
        step = self.resumable()
        if step is None:
            return
        self.step = step
        self.history = [(s, v) for s, v in self.history if s <= step]
        self.val = [(s, v) for s, v in self.val if s <= step]
        self.state = "paused"
        self.start()

    def pause(self) -> None:
        """Stop at the next step boundary with a checkpoint (a queued job just leaves the queue)."""
        if self.state == "queued":
            self.manager.withdraw(self)
            self.state = "paused" if self.step else "new"
        elif self.state in ("starting", "running"):
            self._ask_stop()
            self.state = "pausing"

    def reset(self) -> None:
        """Stop at once, forget everything, delete the folder."""
        self.manager.withdraw(self)
        self._kill()
        shutil.rmtree(self.folder, ignore_errors=True)
        self._reset_state()

    def position(self) -> int | None:
        """1 = next to start; None when not queued."""
        return self.manager.position(self)

    def poll(self) -> dict:
        """Read what the child sent; notice a child that died; let the manager start queued jobs."""
        self.last_poll = time.monotonic()
        self._drain()
        if self._proc is not None and self._proc.poll() is not None:
            time.sleep(0.05)                      # the reader thread takes the last lines
            self._drain()
            if self.state in ("starting", "running", "pausing"):
                code = self._proc.returncode
                log.warning("training job %s: its process ended unexpectedly (exit code %s); its log: %s",
                            self.id, code, self.folder / WORKER_LOG)
                self.state, self.died = "error", True
                self.error = f"the training process stopped unexpectedly (exit code {code})"
            self._kill()
            self.manager.tick()
        else:
            self.manager.tick()
        return self.status()

    def status(self) -> dict:
        return {"id": self.id, "state": self.state, "step": self.step, "steps": self.steps,
                "queue_position": self.position(), "last": dict(self.last), "error": self.error,
                "history": list(self.history), "val": list(self.val), "probes": dict(self.probes),
                "probe_step": self.probe_step, "first_probe_s": self.first_probe_s,
                "has_checkpoint": self.has_checkpoint(), "died": self.died, "resumable": self.resumable()}

    def has_checkpoint(self) -> bool:
        return (self.folder / ckpt.CONFIG).exists() and (self.folder / ckpt.WEIGHTS).exists()

    def checkpoint_step(self) -> int | None:
        """The step of the checkpoint on disk (what a loaded model is), or None."""
        if not self.has_checkpoint():
            return None
        try:
            return int(ckpt.read_config(self.folder)[1].get("step", 0))
        except (ckpt.CheckpointError, ValueError, TypeError):
            return None

    def wait(self, states=("paused", "finished", "error"), timeout: float = 120) -> dict:
        """Poll until the job is in one of ``states`` (for tests and the command line)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            st = self.poll()
            if st["state"] in states:
                return st
            time.sleep(0.05)
        raise TimeoutError(f"job {self.id} still {self.state} after {timeout} s")

    # ---- used by the manager ------------------------------------------------------------------
    def _launch(self, threads: int) -> None:
        (self.folder / STOP).unlink(missing_ok=True)
        root = str(Path(__file__).resolve().parents[1])          # where this package can be imported from
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
        self._errlog = open(self.folder / WORKER_LOG, "ab")
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "explainer.jobs", str(self.folder), self.preset, str(self.steps), str(threads),
             "1" if self.own_text else "0", json.dumps(list(self.prompts))],
            stdout=subprocess.PIPE, stderr=self._errlog, stdin=subprocess.DEVNULL, env=env, cwd=str(self.folder))
        self._messages = queue_mod.SimpleQueue()
        threading.Thread(target=_read_lines, args=(self._proc.stdout, self._messages), daemon=True,
                         name=f"explainer-train-{self.id}").start()
        self.state = "starting"
        if self.started_at is None:
            self.started_at = time.monotonic()

    def _ask_stop(self) -> None:
        try:
            (self.folder / STOP).touch()
        except OSError:
            pass

    def _active_process(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _kill(self) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.terminate()
                try:
                    self._proc.wait(5)
                except subprocess.TimeoutExpired:
                    self._proc.kill()
                    self._proc.wait(5)
            self._proc = None
        if getattr(self, "_errlog", None) is not None:
            self._errlog.close()
            self._errlog = None
        self._messages = None

    def _drain(self, limit: int = 20_000) -> None:
        if self._messages is None:
            return
        for _ in range(limit):
            try:
                kind, step, data = self._messages.get_nowait()
            except queue_mod.Empty:
                break
            if kind in ("step", "loss"):
                self.step = step
                if self.state == "starting":
                    self.state = "running"
                loss = data["loss"] if kind == "step" else data
                self.history.append((step, float(loss)))
                if kind == "step":
                    self.last = data
                    if data.get("val_loss") is not None:
                        self.val.append((step, float(data["val_loss"])))
            elif kind == "probe":
                self.probes, self.probe_step = data, step
                if self.first_probe_s is None and self.started_at is not None:
                    self.first_probe_s = time.monotonic() - self.started_at
            elif kind in ("paused", "finished"):
                self.step = step
                self.state = kind
            elif kind == "error":
                log.warning("training job %s failed: %s (its log: %s)", self.id, data, self.folder / WORKER_LOG)
                self.state, self.error = "error", data
        if len(self.history) > HISTORY_MAX:                # keep every other point of the older half
            half = len(self.history) // 2
            self.history = self.history[:half:2] + self.history[half:]


class JobManager:
    """How many trainings run at once on this server, and who waits."""

    def __init__(self, max_running: int | None = None, threads: int | None = None,
                 max_waiting: int = 40, lease_s: float = 90.0):
        cores = os.cpu_count() or 1
        self.max_running = (settings.get("EXPLAINER_MAX_TRAININGS") if settings.is_set("EXPLAINER_MAX_TRAININGS")
                            or max_running is None else max_running)
        # each run gets an equal share of the cores, leaving one for the pages when there are two or more
        self.threads = threads if threads is not None else max(1, (cores - (1 if cores > 1 else 0)) // self.max_running)
        self.max_waiting = max_waiting
        self.lease_s = lease_s
        self._lock = threading.RLock()
        self._running: list[TrainingJob] = []
        self._queue: list[TrainingJob] = []

    def submit(self, job: TrainingJob) -> None:
        with self._lock:
            if job in self._running or job in self._queue:
                return
            if len(self._queue) >= self.max_waiting:
                job.state, job.error = "error", (f"{self.max_waiting} trainings are already waiting on this "
                                                 f"server: try again in a few minutes")
                return
            self._queue.append(job)
        self.tick()

    def withdraw(self, job: TrainingJob) -> None:
        with self._lock:
            if job in self._queue:
                self._queue.remove(job)
            if job in self._running:
                self._running.remove(job)

    def position(self, job: TrainingJob) -> int | None:
        with self._lock:
            return self._queue.index(job) + 1 if job in self._queue else None

    def counts(self) -> dict:
        with self._lock:
            return {"running": len(self._running), "waiting": len(self._queue), "max_running": self.max_running}

    def tick(self) -> None:
        """Free the places of jobs that ended, pause abandoned ones, start the next in the queue."""
        now = time.monotonic()
        with self._lock:
            for job in list(self._running):
                if not job._active_process():
                    self._running.remove(job)
                elif now - job.last_poll > self.lease_s and job.state in ("starting", "running"):
                    job.pause()                          # nobody watches: checkpoint and free the place
            for job in list(self._queue):
                if now - job.last_poll > self.lease_s:   # left the queue by closing the page
                    self._queue.remove(job)
                    job.state = "paused" if job.step else "new"
            while self._queue and len(self._running) < self.max_running:
                job = self._queue.pop(0)
                job._launch(self.threads)
                self._running.append(job)


KEEP_S = 24 * 3600               # a job folder untouched this long belongs to a session long gone


def new_folder(root: str | Path | None = None) -> Path:
    """A fresh folder for one job under ``root`` (default: $EXPLAINER_JOBS_DIR, else the system's temp
    folder). Folders there untouched for a day are deleted on the way (sessions end without notice)."""
    base = Path(root or settings.get("EXPLAINER_JOBS_DIR"))
    base.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in base.iterdir():
        try:
            if old.is_dir() and len(old.name) == 32 and now - old.stat().st_mtime > KEEP_S:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
    return base / uuid.uuid4().hex


def _read_lines(stream, messages) -> None:
    """The reader thread of one child: each JSON line becomes a message; a line that is not JSON
    (a library printing to stdout) is passed on as a "log" message, which the job ignores."""
    for raw in stream:
        try:
            kind, step, data = json.loads(raw)
        except (ValueError, TypeError):
            kind, step, data = "log", 0, raw.decode("utf-8", "replace").rstrip()
        messages.put((kind, step, data))
    stream.close()


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
