"""What the pages compute once is shared by every user (pages/frame/cache.py, pages/frame/charts.py):
handed out without a copy, so it must never change — arrays are read-only, a changed result is caught
under EXPLAINER_CHECK_SHARED, and a kept figure sends what a fresh one would."""

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

import pages.frame.cache as cache
from pages.frame.charts import KeptFigure


def _rows(lm, n: int) -> dict:
    return {"xs": [1, 2, n], "probs": np.arange(n, dtype=float)}


def test_a_result_is_shared_and_its_arrays_are_read_only(bundled_lm):
    get = cache.cached(_rows).on(bundled_lm)
    a, b = get(3), get(3)
    assert a is b                                        # no copy per call
    with pytest.raises(ValueError, match="read-only"):
        a["probs"][0] = 5.0


def test_a_caller_that_changes_a_shared_result_is_caught(bundled_lm, monkeypatch):
    monkeypatch.setattr(cache, "CHECK_SHARED", True)
    get = cache.cached(_rows).on(bundled_lm)
    get(4)["xs"].append(99)                              # what a page must never do
    with pytest.raises(AssertionError, match="changed by its caller"):
        get(4)


def test_a_kept_figure_sends_what_a_fresh_one_sends():
    def build():
        return go.Figure(go.Heatmap(z=np.arange(12.0).reshape(3, 4)), layout=dict(title="t"))
    fresh, kept = build(), build()
    kept.__class__ = KeptFigure
    assert json.loads(pio.to_json(kept)) == json.loads(pio.to_json(fresh))
    assert kept.to_dict() is kept.to_dict()              # made once, then reused
    assert isinstance(kept, go.Figure)


def test_a_kept_figure_is_written_without_plotlys_walk_over_every_value(monkeypatch):
    """A heatmap with a text array (the attention maps' hover labels): plotly cannot hand the numpy
    form to orjson and walks every value first; the kept figure's plain form goes straight through,
    and the browser reads the same chart."""
    import plotly.io._json as pj

    def build():
        custom = np.empty((2, 2, 2), dtype=object)       # as plots.attention.head_heatmap makes it
        for i, j in np.ndindex(2, 2):
            custom[i, j] = (f"{i}: “华沙”", f"{j}: 🙂 <b>")
        return go.Figure(go.Heatmap(z=np.array([[0.25, np.nan], [1e-9, 3.0]]), customdata=custom))
    fresh, kept = build(), build()
    kept.__class__ = KeptFigure
    walks = []
    walk = pj.clean_to_json_compatible
    monkeypatch.setattr(pj, "clean_to_json_compatible", lambda *a, **k: walks.append(1) or walk(*a, **k))
    slow = pio.to_json(fresh)
    assert walks                                         # the numpy form needs the walk
    first = pio.to_json(kept)                            # (the plain form is made here, once)
    walks.clear()
    fast = pio.to_json(kept)
    assert not walks and fast == first and json.loads(fast) == json.loads(slow)


def test_charts_are_written_by_orjson_and_read_back_the_same():
    """plotly writes a chart's JSON on every run; with orjson installed (a dependency for that) it uses
    it, and what the browser reads is the same as with Python's json module."""
    import json

    import plotly.io as pio
    from plotly.io._json import to_json_plotly
    fig = go.Figure(go.Heatmap(z=np.array([[0.5, np.nan], [1e-9, 3.0]]), text=[["“华沙” <b>", "🙂"], ["a", "b"]]),
                    layout=dict(title="P(华沙)"))
    fig.__class__ = KeptFigure
    assert pio.json.config.default_engine in ("auto", "orjson")
    fast, slow = to_json_plotly(fig.to_dict(), engine="orjson"), to_json_plotly(fig.to_dict(), engine="json")
    assert json.loads(fast) == json.loads(slow)
