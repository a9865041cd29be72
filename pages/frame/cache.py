"""Computations kept per chosen model and arguments, and the data the server builds once."""

from __future__ import annotations

import functools

import streamlit as st

from .models import current_model, model_key


def cached(fn=None, *, max_entries: int = 64):
    """``fn(lm, *args)`` computed once per chosen model and arguments (``st.cache_data``; the
    shared model itself is not hashed). Call the result without the model: ``cached(f)(*args)``.

        lens_data = cached(views.lens.lens_data)
        d = lens_data(prompt(), (), ("Warsaw",))
    """
    if fn is None:
        return functools.partial(cached, max_entries=max_entries)

    def run(_lm, key: str, name: str, *args):
        return fn(_lm, *args)
    # one cache per wrapped function: Streamlit keys a cache by the function's module and name
    run.__module__ = fn.__module__
    run.__name__ = run.__qualname__ = f"cached__{fn.__qualname__}"
    run = st.cache_data(max_entries=max_entries, show_spinner=False)(run)

    @functools.wraps(fn)
    def call(*args):
        return run(current_model(), model_key(), f"{fn.__module__}.{fn.__qualname__}", *args)

    def on(lm):
        """The same cache for another model than the chosen one (e.g. the run a snapshot came from)."""
        return lambda *args: run(lm, f"folder|{lm.folder}|{lm.meta.get('step', '')}",
                                 f"{fn.__module__}.{fn.__qualname__}", *args)
    call.on = on
    return call


@st.cache_resource(show_spinner=False, max_entries=2)
def counted_models(lang: str = "en"):
    """The letter and word counting models of ``lang``'s corpus (explainer.views.counting.build),
    built once per server and shared read-only, like the model: the counting page and the lesson use
    them."""
    from explainer.views.counting import build
    return build(lang=lang)
