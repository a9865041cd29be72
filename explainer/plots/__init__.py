"""Figures: pure functions, data in, ``plotly.graph_objects.Figure`` out (no Streamlit here).

Colour scales are colour-blind safe (viridis/cividis for magnitudes, blue–orange for signed values).
Heatmaps use integer axes with tick text so repeated tokens keep their own rows and columns.
"""

from __future__ import annotations

import plotly.graph_objects as go

from ..views import percent, visible  # noqa: F401 — the plots' names for them (labels)

SEQ = "Viridis"          # magnitudes (probabilities, attention)
SEQ_SOFT = "Cividis"
DIVERGING = [[0.0, "#2166ac"], [0.5, "#f7f7f7"], [1.0, "#e66101"]]   # blue – white – orange
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

# one toolbar button (save as PNG): the full toolbar sat over chart titles on a phone
CONFIG = {"displaylogo": False, "modeBarButtons": [["toImage"]],
          "toImageButtonOptions": {"format": "png", "scale": 2}}

TOOLBAR_ROOM = 30        # px above the plot kept free for the toolbar's button
TITLE_ROOM = 24          # px for one line of a title (13 px text)
LINE_WIDTH = 18          # an axis or subplot title longer than this (in Latin letters) gets a second line


def base_layout(fig: go.Figure, title: str | None = None, height: int | None = None) -> go.Figure:
    fig.update_layout(title=title, margin=dict(l=10, r=10, t=40 if title else 10, b=10),
                      height=height, template="plotly_white", font=dict(size=13))
    return fig


def label_positions(tokens: list[str]) -> list[str]:
    """Distinct axis labels even when a token repeats: ``"John"`` at 3 and 9 → ``"3: John"``."""
    return [f"{i}: {t}" for i, t in enumerate(tokens)]




PERCENT_UNITS = ("probability", "share", "weight")   # values from 0 to 1, shown as percentages


def value_text(v: float, unit: str) -> str:
    """A chart label for ``v`` measured in ``unit``: percentages for probabilities, shares and
    attention weights, three significant digits otherwise."""
    return percent(v) if unit in PERCENT_UNITS else f"{float(v):.3g}"


def percent_axis(top: float) -> dict:
    """Axis ticks for values from 0 to 1 written as percentages (0 %, 50 %, 100 %: three fit half a
    phone), none past 100 % even when the axis runs on to make room for labels;
    ``fig.update_xaxes(**percent_axis(top))``."""
    ticks = [v for v in (0, 0.5, 1) if v <= top]
    return {"tickvals": ticks, "ticktext": [f"{round(100 * v)} %" for v in ticks]}


def bar_text_places(values, inside_from: float = 0.4) -> list[str]:
    """Where each horizontal bar's label goes: inside the long bars (from ``inside_from`` of the
    longest on), outside the short ones, so no label runs past a phone's edge."""
    top = max([float(v) for v in values] + [1e-12])
    return ["inside" if float(v) >= inside_from * top else "outside" for v in values]


def _width(text: str) -> int:
    """Display width in Latin letters (a Chinese character counts two)."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def two_lines(text: str, width: int = LINE_WIDTH) -> str:
    """``text`` broken once, near its middle, when it is wider than ``width`` (at a space, else — in
    Chinese — between characters); shorter text and text already broken are kept.

    >>> two_lines("probability (computed now)", 20)
    'probability<br>(computed now)'
    """
    if not text or "<br>" in text or _width(text) <= width:
        return text
    half = _width(text) / 2
    # places to break: a space (dropped), or between two characters where one is Chinese
    cuts = [(i, i + 1) for i, c in enumerate(text) if c == " "]
    cuts += [(i, i) for i in range(1, len(text)) if _width(text[i - 1]) == 2 or _width(text[i]) == 2]
    if not cuts:
        return text
    end, start = min(cuts, key=lambda c: abs(_width(text[:c[0]]) - half))
    return text[:end] + "<br>" + text[start:]


def house_style(fig: go.Figure) -> go.Figure:
    """The app's one chart style, applied once to every figure a page shows (``pages/frame/charts``):
    the title and subplot titles clear of the toolbar, long axis and subplot titles on two lines so
    they fit a 390 px phone, axes that make room for their labels. Changes ``fig`` and returns it."""
    if getattr(fig, "_house_style", False):
        return fig
    lay = fig.layout
    has_title = bool(lay.title and lay.title.text)
    top_notes = [a for a in (lay.annotations or ()) if a.yref == "paper" and (a.y or 0) >= 1]
    for a in top_notes:
        a.text = two_lines(a.text or "")
    room = TOOLBAR_ROOM + TITLE_ROOM * (has_title + bool(top_notes))
    if has_title:
        lay.title.text = two_lines(lay.title.text, 2 * LINE_WIDTH)
        lay.title.update(x=0, xanchor="left", xref="paper", y=1, yref="container", yanchor="top", pad=dict(t=6))
        room += TITLE_ROOM * lay.title.text.count("<br>")
    if (lay.margin.t or 0) < room:
        lay.margin.t = room
    for name in [k for k in lay.to_plotly_json() if k.startswith(("xaxis", "yaxis"))]:
        axis = lay[name]
        if axis.title and axis.title.text:
            axis.title.text = two_lines(axis.title.text)
        axis.automargin = True
    fig._house_style = True
    return fig
