"""What keeps the server's work per page run small when a class uses it at once.

**Page runs take turns**: the server works on one at a time, the others wait in line (``in_line``).
Streamlit runs each session's page in its own thread, and those threads share Python's one lock. With
30 students clicking at once, 30 runs take turns every few milliseconds: each finishes only when
nearly all have, and the switching itself costs CPU. In line, the first finishes after one run's
time, the next after two, and so on; a class of 30 measured by ``tests/crowd.py`` waited less and the
server used less CPU per request (docs/benchmarks.md, "Page runs in line").

A run that takes longer than ``HOLD_S`` (a model loading, a first computation) does not hold up the
class: the next run in line starts beside it. ``EXPLAINER_RUN_QUEUE=0`` turns the line off.

**Cached functions know their signature** (``signed``): on every call of a cached function Streamlit
asks for the function's parameters once per argument (``inspect.signature``, ≈ 4 % of the server's
time in a class); a function that carries its signature answers at once.
"""

from __future__ import annotations

import contextlib
import inspect
import threading
import time
from collections import deque

from explainer import settings


def signed(fn):
    """``fn`` with its signature computed once (put it under ``@st.cache_resource``)."""
    fn.__signature__ = inspect.signature(fn)
    return fn


HOLD_S = 0.5             # how long one run keeps the others waiting before the next starts beside it


class Line:
    """A turnstile for page runs: one at a time, first come first served (the turn is handed to the
    next in line, so a run that just arrived never jumps the queue), unless the run that has the turn
    has had it for ``hold_s``: then the next in line starts beside it."""

    def __init__(self, hold_s: float = HOLD_S):
        self.hold_s = hold_s
        self._lock = threading.Lock()
        self._waiting: deque[threading.Event] = deque()     # one ticket per waiting run, in order
        self._front: threading.Event | None = None          # the ticket that has the turn
        self._since = 0.0                                    # when it got the turn (time.monotonic)

    def _give(self, ticket: threading.Event) -> None:
        """(Under the lock.) The turn to ``ticket``; the next in line is woken to time the new turn."""
        self._front, self._since = ticket, time.monotonic()
        ticket.set()
        if self._waiting:
            self._waiting[0].set()

    def enter(self) -> threading.Event:
        """Wait for the turn; returns the run's ticket for ``leave``."""
        me = threading.Event()
        with self._lock:
            if self._front is None and not self._waiting:
                self._front, self._since = me, time.monotonic()
                return me
            self._waiting.append(me)
        while True:
            with self._lock:
                me.clear()
                if self._front is me:
                    return me
                remaining = None                         # not first in line: wait to be woken
                if self._waiting[0] is me:
                    remaining = self.hold_s - (time.monotonic() - self._since)
                    if remaining <= 0:                   # the front run is overdue: start beside it
                        self._waiting.popleft()
                        self._give(me)
                        return me
            me.wait(remaining)

    def leave(self, ticket: threading.Event) -> None:
        with self._lock:
            if self._front is not ticket:                # overtaken while overdue: nothing to give
                return
            if self._waiting:
                self._give(self._waiting.popleft())
            else:
                self._front = None


LINE = Line()


def _on() -> bool:
    try:
        return settings.get("EXPLAINER_RUN_QUEUE") == "1"
    except settings.SettingError:            # the app names the bad setting and stops
        return False


@contextlib.contextmanager
def in_line():
    """Around a whole page run (app.py): wait for the turn, give it back however the run ends."""
    if not _on():
        yield
        return
    ticket = LINE.enter()
    try:
        yield
    finally:
        LINE.leave(ticket)
