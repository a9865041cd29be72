"""What one page run reads once and uses many times, kept on the session's script thread (a session's
runs are on its own thread) and forgotten as every page run begins (``new_run``): the page's language
(``language.lang``) and the chosen model (``models.current_model``)."""

from __future__ import annotations

import threading

RUN = threading.local()


def new_run() -> None:
    """A page run begins (app.py's first line, and every page's ``enter``): forget what the thread kept."""
    RUN.__dict__.clear()
