"""A class at once: many sessions on one real Streamlit server, measured (a benchmark, not a test).

    python tests/crowd.py                       # start a server, 1 session, then 5, 10 and 30 at once
    python tests/crowd.py --sessions 5 10 --rounds 2 --json out.json
    python tests/crowd.py --sessions 30 --rounds 1 --replicas 2    # two servers behind haproxy

Browsers on a 2-core machine would take the CPU themselves, so each session here speaks Streamlit's
own protocol over its WebSocket (the protobuf messages a browser tab sends): it opens every page,
presses the page's presets and moves a control, and waits for each script run to finish. Measured:

- errors: exceptions shown in a page, or a run that did not finish (must be 0);
- latency of each page view and interaction, from the request to the end of the script run;
- the server's own CPU time (user + system, from /proc) per page view and per interaction — on one
  session, so each figure is that request's alone — and per session in the crowd;
- the server's resident memory (RSS) after each crowd.

Caches are warmed first (one session through everything), as they are once a teacher has opened
the pages before the class.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# run as a script, this folder (tests/, with its own tests/pages) would come first on the path and
# hide the app's pages/ package: the project root takes its place
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(ROOT)
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# what a student does on each page: the page's presets (button labels from the catalogue) and one
# control moved (a widget's label and the value sent)
PLAN = {
    "overview": {"buttons": [], "controls": []},
    "tokens": {"buttons": ["tokens.preset.chinese", "tokens.preset.emoji", "tokens.preset.english"],
               "controls": [("tokens.bpe.step", 120)]},
    "vectors": {"buttons": ["vectors.nb.preset"], "controls": [("vectors.nb.k", 15)]},
    "attention": {"buttons": ["attention.preset.bank", "attention.preset.ioi"], "controls": []},
    "lens": {"buttons": ["lens.preset.warsaw", "lens.preset.question"], "controls": []},
    "sampling": {"buttons": ["sampling.preset.story", "sampling.preset.t08", "sampling.next"],
                 "controls": [("sampling.T", 1.5)]},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid) -> float:
    """User + system CPU time so far of a process and its threads, or of several (a list: the
    replicas and their load balancer), from Linux /proc."""
    if isinstance(pid, (list, tuple)):
        return sum(cpu_seconds(p) for p in pid)
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid) -> float:
    if isinstance(pid, (list, tuple)):
        return sum(rss_mb(p) for p in pid)
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Session:
    """One browser tab, spoken at the protocol level."""

    def __init__(self, base: str):
        self.url = base.replace("http", "ws") + "/_stcore/stream"
        self.ws = None
        self.widgets: dict[str, object] = {}       # label → proto of the last run's widgets
        self.errors: list[str] = []
        self.page = ""

    async def open(self) -> None:
        """As a browser tab: ask for the page first (a load balancer answers with the cookie that
        keeps this tab on one replica), then open the WebSocket with that cookie."""
        import websockets
        base = self.url.replace("ws", "http", 1).rsplit("/_stcore/", 1)[0]
        answer = await asyncio.to_thread(urllib.request.urlopen, base + "/", timeout=60)
        cookies = "; ".join(c.split(";", 1)[0] for c in answer.headers.get_all("Set-Cookie") or [])
        answer.read()
        headers = {"Cookie": cookies} if cookies else {}
        try:
            self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=2**27,
                                               additional_headers=headers)
        except TypeError:            # websockets before 14 (its legacy client)
            self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=2**27,
                                               extra_headers=headers)

    async def close(self) -> None:
        await self.ws.close()

    async def run(self, page: str, widget_states=(), timeout: float = 120, query: str = "",
                  fragment_id: str = "") -> float:
        """Ask for a script run of ``page`` (with these widget states) and wait for it to finish. As a
        browser does, a control inside a part of the page (``st.fragment``) asks for a run of that
        part only (``fragment_id``): the page's other widgets stay as they were."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        from pages.frame.warmup import script_run
        t0 = time.perf_counter()
        if not fragment_id:
            self.widgets = {}
        # (a server from before parts existed takes no fragment_id: the before/after runs use it)
        extra = (fragment_id,) if fragment_id else ()
        async for fwd in script_run(self.ws, page, widget_states, timeout, query, *extra):
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                el = fwd.delta.new_element
                which = el.WhichOneof("type")
                if which == "exception":
                    self.errors.append(f"{page}: {el.exception.type}: {el.exception.message[:200]}")
                elif which in ("button", "slider", "number_input", "radio", "text_input"):
                    w = getattr(el, which)
                    self.widgets[w.label] = (which, w, fwd.delta.fragment_id)
            elif kind == "script_finished" and fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                self.errors.append(f"{page}: compile error")
        self.page = page
        return time.perf_counter() - t0

    async def press(self, label: str) -> float | None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState
        found = self.widgets.get(label)
        if not found or found[0] != "button":
            self.errors.append(f"{self.page}: no button {label!r}")
            return None
        return await self.run(self.page, [WidgetState(id=found[1].id, trigger_value=True)], fragment_id=found[2])

    async def set(self, label: str, value) -> float | None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState
        found = self.widgets.get(label)
        if not found:
            self.errors.append(f"{self.page}: no control {label!r}")
            return None
        kind, w, fragment_id = found
        state = WidgetState(id=w.id)
        if kind in ("radio", "text_input"):                  # value: the option's text, or the text typed
            state.string_value = str(value)
        elif kind == "slider":
            state.double_array_value.data.extend([float(value)])
        elif w.data_type == w.INT:
            state.int_value = int(value)
        else:
            state.double_value = float(value)
        return await self.run(self.page, [state], fragment_id=fragment_id)


def button_t(key: str, lang: str = "en") -> str:
    """A preset button's label as the English model's page draws it (the attention presets name their
    sentence)."""
    from explainer import demos
    from explainer.i18n import t
    kit = demos.KITS["zh" if lang == "zh" else "en"]
    sentence = {"attention.preset.ioi": kit.IOI_PROMPT, "attention.preset.bank": kit.BANK_PROMPT}.get(key, "")
    return t(key, lang, prompt=sentence, word=kit.NEIGHBOUR_WORD)


async def walk(base: str, pid: list[int] | None, lang_t, record: list[dict]) -> list[str]:
    """One session through every page: view, presses, a control. Each step appended to ``record``
    as {page, action, seconds, cpu} (cpu: the server's CPU during the step; meaningful alone)."""
    s = Session(base)
    await s.open()
    try:
        for page, plan in PLAN.items():
            steps = [("view", None)] + [("press", b) for b in plan["buttons"]] + \
                    [("set", c) for c in plan["controls"]]
            for action, arg in steps:
                c0 = cpu_seconds(pid) if pid else 0.0
                if action == "view":
                    dt = await s.run(page)
                elif action == "press":
                    dt = await s.press(lang_t(arg))
                else:
                    dt = await s.set(lang_t(arg[0]), arg[1])
                if dt is not None:
                    record.append({"page": page, "action": action if action == "view" else f"{action} {arg if action == 'press' else arg[0]}",
                                   "seconds": dt, "cpu": (cpu_seconds(pid) - c0) if pid else None})
    finally:
        await s.close()
    return s.errors


async def idle(pid: list[int], quiet_s: int = 3) -> None:
    """Until the server has used under 0.05 s of CPU in each of ``quiet_s`` seconds in a row."""
    quiet = 0
    while quiet < quiet_s:
        c0 = cpu_seconds(pid)
        await asyncio.sleep(1.0)
        quiet = quiet + 1 if cpu_seconds(pid) - c0 < 0.05 else 0


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q / 100 * (len(xs) - 1))))] if xs else float("nan")


async def crowd(base: str, pid: list[int], n: int, lang_t) -> dict:
    record: list[dict] = []
    pids = list(pid) if isinstance(pid, (list, tuple)) else [pid]
    each0 = [cpu_seconds(p) for p in pids]
    c0, t0 = cpu_seconds(pid), time.perf_counter()
    errors = await asyncio.gather(*[walk(base, None, lang_t, record) for _ in range(n)],
                                  return_exceptions=True)
    wall, cpu = time.perf_counter() - t0, cpu_seconds(pid) - c0
    each = [round(cpu_seconds(p) - c, 2) for p, c in zip(pids, each0)]      # the replicas share the work?
    errs = [str(e) for e in errors if isinstance(e, BaseException)] + \
        [x for e in errors if isinstance(e, list) for x in e]
    lat = [r["seconds"] for r in record]
    return {"sessions": n, "requests": len(record), "errors": len(errs), "error_samples": errs[:5],
            "latency_p50": pct(lat, 50), "latency_p95": pct(lat, 95), "latency_max": max(lat, default=float("nan")),
            "wall_s": wall, "server_cpu_s": cpu, "server_cpu_per_session": cpu / n,
            "server_cpu_per_request": cpu / max(1, len(record)), "rss_mb": rss_mb(pid),
            "server_cpu_by_process": each,
            # which requests wait longest in the crowd: latency p95 per page and action, slowest first
            "slowest": sorted(((round(pct([r["seconds"] for r in record if (r["page"], r["action"]) == k], 95), 2),
                                *k) for k in {(r["page"], r["action"]) for r in record}), reverse=True)[:5]}


def healthy(port: int, tries: int) -> bool:
    """Whether the server on 127.0.0.1:``port`` answers ``/_stcore/health`` with ``ok`` within
    ``tries`` attempts, half a second apart."""
    for _ in range(tries):
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return True
        except OSError:
            time.sleep(0.5)
    return False


def start_server(port: int, log_name: str = "crowd-server.log", settings: dict | None = None) -> subprocess.Popen:
    """``streamlit run app.py`` on 127.0.0.1:``port`` (the bundled model), once it answers
    ``/_stcore/health``; its output goes to ``screenshots/<log_name>``. ``settings``: environment
    variables for it, unless this process's environment sets them already."""
    (ROOT / "screenshots").mkdir(exist_ok=True)
    log = open(ROOT / "screenshots" / log_name, "w")
    env = {**(settings or {}), **{k: v for k, v in os.environ.items() if k != "EXPLAINER_CHECKPOINT"}}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.fileWatcherType", "none"], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    if healthy(port, 180):
        return proc
    proc.kill()
    raise SystemExit(f"the server did not start (screenshots/{log_name})")


def start_replicas(n: int, log: str = "crowd-server") -> tuple[str, list[subprocess.Popen], list[int]]:
    """``n`` servers, and for more than one the load balancer of docs/haproxy.cfg in front of them
    (Debian's ``haproxy``; two replicas, as that file has): the address to use, the processes, and the
    ports of the replicas themselves."""
    ports = [_free_port() for _ in range(n)]
    # replicas as docs/deploy.md starts them: page runs share the CPU (EXPLAINER_RUN_QUEUE=0; class mode
    # waited longer with two replicas that each kept a line, docs/benchmarks.md, stop 39)
    procs = [start_server(port, f"{log}-{i}.log" if n > 1 else f"{log}.log",
                          {"EXPLAINER_RUN_QUEUE": "0"} if n > 1 else None)
             for i, port in enumerate(ports)]
    if n == 1:
        return f"http://127.0.0.1:{ports[0]}", procs, ports
    if n != 2:
        raise SystemExit("--replicas: 1 or 2 (docs/haproxy.cfg names two replicas)")
    import shutil
    if not shutil.which("haproxy"):
        raise SystemExit("--replicas 2 needs haproxy (apt-get install haproxy)")
    front = _free_port()
    env = dict(os.environ, EXPLAINER_BIND="127.0.0.1", EXPLAINER_PORT=str(front),
               EXPLAINER_REPLICA_A=str(ports[0]), EXPLAINER_REPLICA_B=str(ports[1]))
    procs.append(subprocess.Popen(["haproxy", "-f", str(ROOT / "docs" / "haproxy.cfg")], env=env,
                                  stdout=subprocess.DEVNULL, stderr=open(ROOT / "screenshots" / f"{log}-haproxy.log", "w")))
    if healthy(front, 60):
        return f"http://127.0.0.1:{front}", procs, ports
    for proc in procs:
        proc.kill()
    raise SystemExit(f"haproxy did not start (screenshots/{log}-haproxy.log)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, nargs="+", default=[5, 10, 30])
    ap.add_argument("--rounds", type=int, default=3, help="single-session walks measured for per-request CPU")
    ap.add_argument("--replicas", type=int, default=1,
                    help="2: two servers behind haproxy with docs/haproxy.cfg, one per core (docs/deploy.md)")
    ap.add_argument("--base", help="an already running server (then CPU and RSS need --pid)")
    ap.add_argument("--pid", type=int, nargs="+", help="its process(es): every replica and the balancer")
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args(argv)
    procs: list[subprocess.Popen] = []
    if a.base and not a.pid:
        ap.error("--base needs --pid: the server's process (every replica's and the balancer's)")
    if a.base:
        base, pid, direct = a.base.rstrip("/"), a.pid, [a.base.rstrip("/")]
    else:
        base, procs, ports = start_replicas(a.replicas)
        pid = [p.pid for p in procs]
        direct = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        warm: list[dict] = []
        errs = []
        for replica in direct:                     # fills each replica's caches, as a teacher's run-through
            errs += asyncio.run(walk(replica, pid, button_t, warm))
        # a class arrives after the server's own start-up run-through (pages/frame/warmup.py) has ended:
        # wait until the server is idle, so its run-through is not counted in the crowd's figures
        if pid:
            asyncio.run(idle(pid))
        print(f"warm-up: {len(warm)} requests, {sum(r['seconds'] for r in warm):.1f} s, errors {len(errs)} {errs[:3]}")
        single: list[dict] = []
        for _ in range(a.rounds):
            errs += asyncio.run(walk(base, pid, button_t, single))
        out = {"single": single, "single_errors": errs, "crowds": []}
        print(f"\nOne session, warm caches ({a.rounds} rounds): server CPU per request")
        print(f"{'page':<10} {'action':<28} {'cpu p50':>8} {'cpu p95':>8} {'latency p95':>12}")
        for page in PLAN:
            for action in dict.fromkeys(r["action"] for r in single if r["page"] == page):
                rows = [r for r in single if r["page"] == page and r["action"] == action]
                cpu = [r["cpu"] for r in rows]
                print(f"{page:<10} {action[:28]:<28} {pct(cpu, 50):8.3f} {pct(cpu, 95):8.3f} "
                      f"{pct([r['seconds'] for r in rows], 95):12.3f}")
        cpu_all = [r["cpu"] for r in single]
        print(f"all requests: cpu p50 {pct(cpu_all, 50):.3f} s, p95 {pct(cpu_all, 95):.3f} s, max {max(cpu_all):.3f} s")
        print(f"\n{'sessions':>8} {'requests':>8} {'errors':>6} {'lat p50':>8} {'lat p95':>8} {'lat max':>8} "
              f"{'cpu/session':>11} {'cpu/request':>11} {'RSS MB':>7}")
        for n in a.sessions:
            r = asyncio.run(crowd(base, pid, n, button_t))
            out["crowds"].append(r)
            print(f"{n:>8} {r['requests']:>8} {r['errors']:>6} {r['latency_p50']:8.2f} {r['latency_p95']:8.2f} "
                  f"{r['latency_max']:8.2f} {r['server_cpu_per_session']:11.2f} {r['server_cpu_per_request']:11.3f} "
                  f"{r['rss_mb']:7.0f}")
            print("   slowest (latency p95, page, action):", "; ".join(f"{x[0]:.2f} s {x[1]} {x[2]}" for x in r["slowest"][:3]))
            if len(pid) > 1:
                print("   server CPU (s) by process (replicas, then the balancer):", r["server_cpu_by_process"])
            if r["errors"]:
                print("   errors:", r["error_samples"])
        if a.json:
            Path(a.json).write_text(json.dumps(out, indent=1))
        return 1 if errs or any(c["errors"] for c in out["crowds"]) else 0
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(main())
