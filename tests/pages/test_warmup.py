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


def test_a_run_through_with_a_query_opens_the_pages_as_that_link_does(port):
    """The warm-up after a GPT-2 is loaded opens its pages with ``model=…`` in the address: a run's
    query reaches the session as a link's does (here ``lang=zh``: the page is drawn in Chinese)."""
    import asyncio

    import websockets

    from pages.frame.warmup import script_run, warm_up

    async def texts() -> str:
        async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=2**27) as ws:
            out = []
            async for m in script_run(ws, "overview", timeout=120, query="lang=zh"):
                if m.WhichOneof("type") == "delta" and m.delta.WhichOneof("type") == "new_element":
                    el = m.delta.new_element
                    if el.WhichOneof("type") in ("markdown", "heading"):
                        out.append(getattr(el, el.WhichOneof("type")).body)
            return "\n".join(out)
    assert any("\u4e00" <= c <= "\u9fff" for c in asyncio.run(texts()))
    assert warm_up(port, ["overview"], query="lang=zh") == ["overview"]
