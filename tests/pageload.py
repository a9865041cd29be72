"""How long a student waits, in a real browser (a benchmark, not a test).

    python tests/pageload.py              # starts a server, warms it, then times every page and preset
    python tests/pageload.py --floor      # the same clock on bare Streamlit pages: what any app pays

Debian's chromium through Playwright. Each page is first opened once (the server's caches warm, as
after a teacher's own run-through); then, in a fresh browser tab each, the time from asking for the
page until Streamlit reports the script finished (the app root's ``data-test-script-state``) and until
the browser has drawn it (its main thread idle), and for each preset, clicked once the page is drawn,
from the click until the rerun finished. Browser and server share the machine's cores.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# run as a script, this folder (tests/, with its own tests/pages) would come first on the path and
# hide the app's pages/ package: the project root takes its place
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(ROOT)
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.crowd import _free_port, button_t, healthy, start_server  # noqa: E402

PRESETS = {
    "/": [],
    "/lesson": [],
    "/tokens": ["tokens.preset.chinese", "tokens.preset.emoji"],
    "/vectors": ["vectors.nb.preset"],
    "/attention": ["attention.preset.bank", "attention.preset.ioi"],
    "/lens": ["lens.preset.warsaw", "lens.preset.question"],
    "/sampling": ["sampling.preset.story", "sampling.preset.spread", "sampling.rep.run"],
    "/counting": [],
    "/neurons": [],
    "/timeline": [],
    "/training": [],
    "/classroom": [],
}
APP = '[data-testid="stApp"]'


WATCH = """() => {
    window.__runDone = false; window.__runSeen = false; window.__t0 = performance.now();
    const app = document.querySelector('[data-testid="stApp"]');
    const obs = new MutationObserver(() => {
        const s = app.getAttribute('data-test-script-state');
        if (s === 'running') window.__runSeen = true;
        if (window.__runSeen && s === 'notRunning') { window.__runDone = true; obs.disconnect(); }
    });
    obs.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


QUICK_S = 0.4     # a run that never shows "running" in the page within this finished quicker than that


def finished(page, timeout_s: float = 120) -> bool:
    """Until the run started by the last action has finished (a MutationObserver set up before the
    action). React may skip the "running" state of a very quick run: then the wait ends after
    QUICK_S and the result is False (the figure is an upper bound)."""
    page.wait_for_function(f"window.__runDone === true || (!window.__runSeen && performance.now() - window.__t0 > {QUICK_S * 1000})",
                           timeout=timeout_s * 1000, polling=20)
    return bool(page.evaluate("window.__runSeen"))


def first_view_done(page, timeout_s: float = 120) -> None:
    page.wait_for_selector(f'{APP}[data-test-script-state="notRunning"]', timeout=timeout_s * 1000)


IDLE = """() => new Promise(done => {
    // the browser has drawn the page when its main thread finds a quiet moment twice in a row
    const quiet = () => requestIdleCallback(d => d.timeRemaining() > 40 ? done() : setTimeout(quiet, 20), {timeout: 10000});
    setTimeout(quiet, 50);
})"""


# an element whose code is still being fetched shows a skeleton (Streamlit's Suspense fallback)
CHARTS_DRAWN = """() => {
    const seen = sel => [...document.querySelectorAll(sel)].filter(c => c.offsetParent !== null);
    return seen('[data-testid="stSkeleton"]').length === 0 &&
        seen('[data-testid="stPlotlyChart"]').every(c => c.querySelector('.main-svg'));
}"""


def drawn(page) -> None:
    """Until the browser has finished drawing what the last run sent: no element in sight
    waits for its code, every chart in sight has its drawing (a quiet main thread alone can come while
    a chart's code is still being fetched), then the main thread is quiet."""
    page.wait_for_function(CHARTS_DRAWN, timeout=60_000, polling=20)
    page.evaluate(IDLE)
    page.evaluate(IDLE)


# the least a Streamlit page costs on this machine: none of our code, the same browser and clock
FLOOR_APPS = {
    "text only": "import streamlit as st\nst.title('A page')\nst.write('Some text.')\n",
    "one plotly bar chart": "import plotly.graph_objects as go\nimport streamlit as st\nst.title('A page')\n"
                            "st.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3], y=[3, 1, 2])))\n",
    "one plotly chart and a table": "import pandas as pd\nimport plotly.graph_objects as go\nimport streamlit as st\n"
                                    "st.title('A page')\nst.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3], y=[3, 1, 2])))\n"
                                    "st.dataframe(pd.DataFrame({'a': [1, 2, 3], 'b': ['x', 'y', 'z']}))\n",
}


def floor(times: int = 5) -> int:
    """Each of FLOOR_APPS on its own Streamlit server: the first view until drawn, ``times`` fresh
    browser contexts each (after one unmeasured)."""
    import subprocess
    import tempfile

    from playwright.sync_api import sync_playwright
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for name, code in FLOOR_APPS.items():
            app = Path(tmp) / "floor_app.py"
            app.write_text(code)
            port = _free_port()
            proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
                                     "--server.port", str(port), "--server.address", "127.0.0.1",
                                     "--browser.gatherUsageStats", "false"], cwd=tmp,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                if not healthy(port, 120):
                    raise SystemExit(f"the bare Streamlit page {name!r} did not start")
                shown = []
                for i in range(times + 1):
                    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
                    page = ctx.new_page()
                    t0 = time.perf_counter()
                    page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded")
                    first_view_done(page)
                    drawn(page)
                    if i:
                        shown.append(time.perf_counter() - t0)
                    ctx.close()
                rows.append((name, shown))
            finally:
                proc.terminate()
                proc.wait(timeout=20)
        browser.close()
    print(f"{'bare Streamlit page':<30} first view until drawn ({times} fresh tabs each)")
    for name, shown in rows:
        print(f"{name:<30} median {statistics.median(shown):.2f} s, {min(shown):.2f}–{max(shown):.2f} s")
    return 0


def main() -> int:
    if "--floor" in sys.argv[1:]:
        return floor()
    from playwright.sync_api import sync_playwright
    port = _free_port()
    proc = start_server(port)
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
            for rounds in ("warm-up", "measured"):
                for path, presets in PRESETS.items():
                    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
                    page = ctx.new_page()
                    t0 = time.perf_counter()
                    page.goto(base + path, wait_until="domcontentloaded")
                    first_view_done(page)
                    view = time.perf_counter() - t0
                    drawn(page)                       # a student clicks once the page is there
                    shown = time.perf_counter() - t0
                    clicks = []
                    for key in presets:
                        button = page.get_by_role("button", name=button_t(key), exact=True).first
                        page.evaluate(WATCH)
                        t0 = time.perf_counter()
                        button.click()
                        seen = finished(page)
                        clicks.append((key, time.perf_counter() - t0 if seen else QUICK_S))
                        drawn(page)
                    if rounds == "measured":
                        rows.append((path, view, shown, clicks))
                    ctx.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print(f"{'page':<12} {'first view':>10} {'drawn':>7}   interactions")
    for path, view, shown, clicks in rows:
        print(f"{path:<12} {view:9.2f}s {shown:6.2f}s   " + ", ".join(f"{k.split('.', 1)[1]} {'≤ ' if s == QUICK_S else ''}{s:.2f}s"
                                                       for k, s in clicks))
    views = [v for _, v, _, _ in rows]
    acts = [s for _, _, _, c in rows for _, s in c]
    print(f"first views: median {statistics.median(views):.2f} s, max {max(views):.2f} s; "
          f"interactions: median {statistics.median(acts):.2f} s, max {max(acts):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
