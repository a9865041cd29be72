"""docs/haproxy.cfg, the balancer of docs/deploy.md's "Two replicas on one small server": it is valid,
it shares new tabs between the two replicas, and its cookie keeps a tab on the replica it started on
(a tab's state lives in that process). Two small HTTP servers stand in for the replicas."""

import http.server
import os
import shutil
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.crowd import _free_port

CONFIG = Path(__file__).resolve().parents[2] / "docs" / "haproxy.cfg"

pytestmark = pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy is not installed (apt-get install haproxy)")


def _replica(name: str) -> tuple[http.server.ThreadingHTTPServer, int]:
    class Answer(http.server.BaseHTTPRequestHandler):
        def do_GET(self):                                        # noqa: N802 — the library's name
            body = b"ok" if self.path == "/_stcore/health" else name.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):                            # quiet
            pass
    port = _free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, port


def _env(front: int, a: int, b: int) -> dict:
    return dict(os.environ, EXPLAINER_BIND="127.0.0.1", EXPLAINER_PORT=str(front),
                EXPLAINER_REPLICA_A=str(a), EXPLAINER_REPLICA_B=str(b))


def _get(url: str, cookie: str = "") -> tuple[str, str]:
    """(the replica that answered, the cookie the balancer set, if any)."""
    req = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(req, timeout=5) as r:
        set_cookie = "; ".join(c.split(";", 1)[0] for c in r.headers.get_all("Set-Cookie") or [])
        return r.read().decode(), set_cookie


def test_the_config_is_valid():
    out = subprocess.run(["haproxy", "-c", "-f", str(CONFIG)], env=_env(8501, 8502, 8503),
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_tabs_are_shared_out_and_each_stays_on_its_replica():
    (ra, a), (rb, b) = _replica("a"), _replica("b")
    front = _free_port()
    proc = subprocess.Popen(["haproxy", "-f", str(CONFIG)], env=_env(front, a, b),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{front}"
        for _ in range(100):                                     # both replicas seen as up
            try:
                seen = {_get(base + "/")[0] for _ in range(4)}
                if seen == {"a", "b"}:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        tabs = [_get(base + "/") for _ in range(6)]             # six new tabs, no cookie yet
        assert sorted(name for name, _ in tabs) == ["a", "a", "a", "b", "b", "b"]
        for name, cookie in tabs:
            assert cookie.startswith("EXPLAINER_REPLICA=")
            for path in ("/", "/_stcore/host-config", "/_stcore/stream"):   # the tab's later requests
                assert _get(base + path, cookie)[0] == name
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        ra.shutdown()
        rb.shutdown()
