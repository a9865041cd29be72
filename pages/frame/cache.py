"""Computations kept per chosen model and arguments, and the data the server builds once."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import pickle

import numpy as np
import streamlit as st

from .models import current_model, model_key
from .server import signed


def cached(fn=None, *, max_entries: int = 64):
    """``fn(lm, *args)`` computed once per chosen model and arguments and shared by every user, like
    the model (the model itself is not hashed). Call the result without the model: ``cached(f)(*args)``.

        lens_data = cached(views.lens.lens_data)
        d = lens_data(prompt(), (), ("Warsaw",))

    The result is handed out as it is, not copied (``st.cache_resource``: ``st.cache_data`` unpickled a
    fresh copy on every call, ≈ 12 % of the server's time in a class), so it is read-only: its arrays
    are made unwritable, and under ``EXPLAINER_CHECK_SHARED=1`` (the tests) every call checks that no
    one changed it since it was made."""
    if fn is None:
        return functools.partial(cached, max_entries=max_entries)
    # a page's script runs again on every click, and so does its ``cached(_f)``: the wrapper is made
    # once per function (Streamlit reads and hashes a function's source each time one is made: 3–4 %
    # of the server's time in a class), and calls the function of the latest run
    code = fn.__code__
    made = (fn.__module__, fn.__qualname__, code.co_filename, code, max_entries)   # code: equal when the same source
    kept = _WRAPPERS.get(made)
    if kept is not None:
        kept[0][0] = fn
        return kept[1]
    latest = [fn]

    def run(_lm, key: str, name: str, *args):
        return _shared(latest[0](_lm, *args))
    # one cache per wrapped function: Streamlit keys a cache by the function's module and name
    run.__module__ = fn.__module__
    run.__name__ = run.__qualname__ = f"cached__{fn.__qualname__}"
    run = st.cache_resource(max_entries=max_entries, show_spinner=False)(signed(run))

    name = f"{fn.__module__}.{fn.__qualname__}"

    def checked(*args):
        value = run(*args)
        if CHECK_SHARED:
            _check_unchanged(value, name)
        return value

    @functools.wraps(fn)
    def call(*args):
        return checked(current_model(), model_key(), name, *args)

    def on(lm):
        """The same cache for another model than the chosen one (e.g. the run a snapshot came from)."""
        return lambda *args: checked(lm, f"folder|{lm.folder}|{lm.meta.get('step', '')}", name, *args)
    call.on = on
    _WRAPPERS[made] = (latest, call)
    return call


_WRAPPERS: dict[tuple, tuple[list, object]] = {}    # how a function was made → (its latest run's function, the wrapper)


CHECK_SHARED = os.environ.get("EXPLAINER_CHECK_SHARED") == "1"
_DIGESTS: dict[int, tuple[object, str]] = {}       # id → (the value, kept alive; its digest when made)


def _shared(value):
    """The value made safe to share: every numpy array in it read-only."""
    def freeze(v):
        if isinstance(v, np.ndarray):
            v.setflags(write=False)
        elif isinstance(v, dict):
            for x in v.values():
                freeze(x)
        elif isinstance(v, (list, tuple)):
            for x in v:
                freeze(x)
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            for f in dataclasses.fields(v):
                freeze(getattr(v, f.name))
    freeze(value)
    if CHECK_SHARED:
        _DIGESTS[id(value)] = (value, _digest(value))
    return value


def _digest(value) -> str:
    return hashlib.sha256(pickle.dumps(value, protocol=4)).hexdigest()


def _check_unchanged(value, name: str) -> None:
    kept = _DIGESTS.get(id(value))
    if kept is not None and kept[0] is value and _digest(value) != kept[1]:
        raise AssertionError(f"{name}: a shared cached result was changed by its caller (copy it first)")


@st.cache_resource(show_spinner=False, max_entries=2)
def counted_models(lang: str = "en"):
    """The letter and word counting models of ``lang``'s corpus (explainer.views.counting.build),
    built once per server and shared read-only, like the model: the counting page and the lesson use
    them."""
    from explainer.views.counting import build
    return build(lang=lang)
