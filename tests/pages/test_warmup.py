"""The one place that speaks Streamlit's own wire protocol (pages/frame/warmup.py) against a real
server: this fails when Streamlit changes the protocol the warm-up and tests/crowd.py rely on."""

import subprocess

import pytest


@pytest.fixture(scope="module")
def port():
    from tests.crowd import _free_port, start_server
    p = _free_port()
    proc = start_server(p, "warmup-server.log")
    yield p
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_the_warm_up_runs_pages_over_the_protocol(port):
    from pages.frame.warmup import warm_up
    assert warm_up(port, ["overview", "lens"]) == ["overview", "lens"]


def test_a_script_run_yields_the_page_and_ends(port):
    import asyncio

    import websockets

    from pages.frame.warmup import script_run

    async def one() -> list[str]:
        async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=2**27) as ws:
            return [m.WhichOneof("type") async for m in script_run(ws, "tokens", timeout=120)]
    kinds = asyncio.run(one())
    assert kinds[-1] == "script_finished" and "delta" in kinds      # the page drew something, then ended
