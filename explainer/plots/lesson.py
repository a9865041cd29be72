"""Figures for the guided lesson: the model's answer to a question, one bar per option."""

from __future__ import annotations

import plotly.graph_objects as go

from . import PERCENT_UNITS, PALETTE, bar_text_places, base_layout, percent_axis, value_text


def answer_bars(labels: list[str], values: list[float], answer: int, guess: int | None, unit: str, y_title: str,
                marks: dict[str, str]) -> go.Figure:
    """Horizontal bars, the model's answer in orange and the student's guess outlined; ``marks``
    has the words for "the model" and "your guess" shown beside the bars. Values in ``unit``
    (``"probability"`` … as ``views.lesson.answer`` gives it) are written as a student reads them."""
    colours = [PALETTE[1] if i == answer else PALETTE[0] for i in range(len(values))]
    lines = [3 if i == guess else 0 for i in range(len(values))]
    notes = [" · ".join(m for m, on in ((marks["model"], i == answer), (marks["guess"], i == guess)) if on)
             for i in range(len(values))]
    fig = go.Figure(go.Bar(x=values, y=labels, orientation="h", marker=dict(color=colours,
                           line=dict(color="#000", width=lines)),
                           # the mark on a second line: a phone has no room for both beside the bar
                           text=[value_text(v, unit) + (f"<br>{n}" if n else "") for v, n in zip(values, notes)],
                           textposition=bar_text_places(values), insidetextanchor="end", cliponaxis=False, customdata=[value_text(v, unit) for v in values],
                           hovertemplate="%{y}: %{customdata}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    top = max(values + [1e-9]) * 1.45
    fig.update_xaxes(title=y_title, range=[0, top], **(percent_axis(top) if unit in PERCENT_UNITS else {}))
    fig.update_layout(uniformtext=dict(minsize=12, mode="show"))       # labels never shrink to fit
    return base_layout(fig, height=80 + 52 * len(values))
