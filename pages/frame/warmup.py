"""The server's run-through of every page at start, so the heavy first views are ready when a class
arrives.

The one place that speaks Streamlit's own wire protocol (``streamlit.proto``, not a public API): a
run-through must execute the pages as a browser does, in sessions of their own, and Streamlit offers
no public call for that. ``tests/crowd.py`` drives its sessions with the same ``script_run``, and
``tests/pages/test_warmup.py`` fails when Streamlit changes the protocol."""

from __future__ import annotations

import threading

import streamlit as st

from explainer import settings

from .menu import PAGES


def start_warm_up(query: str = "") -> None:
    """Open every page once, in the background, over this server's own WebSocket — what a teacher's
    run-through before class does — so the heavy first views (head labels, maps, the lesson's
    answers, figures) are ready when students arrive. ``query``: the address's query of that
    run-through (``model=gpt2:gpt2``: the pages on a GPT-2 just loaded). Only under a running server
    (not in AppTest); ``EXPLAINER_WARM_UP=0`` turns it off. A warm-up that fails costs speed, nothing else."""
    if settings.get("EXPLAINER_WARM_UP") == "0" or not _server_running():
        return
    port = st.get_option("server.port")
    threading.Thread(target=warm_up, args=(int(port), None, query), name="explainer-warm-up", daemon=True).start()


def _server_running() -> bool:
    from streamlit import runtime
    return runtime.exists()


async def script_run(ws, page: str, widget_states=(), timeout: float = 300, query: str = "",
                     fragment_id: str = ""):
    """Over Streamlit's own WebSocket ``ws`` (what a browser tab speaks), ask for a run of ``page``
    with these widget states — of one part of it when ``fragment_id`` names one, as a browser does
    for a control inside an ``st.fragment`` — and yield every ForwardMsg until that run has finished
    (a run cut short by a newer one is waited past)."""
    import asyncio

    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    msg = BackMsg()
    msg.rerun_script.page_name = page
    msg.rerun_script.query_string = query
    msg.rerun_script.widget_states.widgets.extend(widget_states)
    if fragment_id:
        msg.rerun_script.fragment_id = fragment_id
    await ws.send(msg.SerializeToString())
    while True:
        fwd = ForwardMsg()
        fwd.ParseFromString(await asyncio.wait_for(ws.recv(), timeout))
        yield fwd
        if fwd.WhichOneof("type") == "script_finished" and \
                fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return


def warm_up(port: int, pages=None, query: str = "") -> list[str]:
    """Run ``pages`` (default: every page) once in a session of their own on the server at ``port``
    (its first run with the address query ``query``); the names of the pages that ran to the end.
    Never raises: nothing a student does depends on it."""
    import asyncio

    import websockets
    done: list[str] = []

    async def walk() -> None:
        async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=2**27) as ws:
            for i, name in enumerate(pages or [p for p, _, _ in PAGES]):
                async for _ in script_run(ws, name, query=query if i == 0 else ""):
                    pass
                done.append(name)
    try:
        asyncio.run(walk())
    except Exception:          # noqa: BLE001 — nothing a student does depends on it
        pass
    return done
