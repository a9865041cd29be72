"""Class mode's reveal chart (pure: data in, Figure out)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import PERCENT_UNITS, PALETTE, bar_text_places, base_layout, percent_axis, value_text


def reveal_figure(df: pd.DataFrame, labels: dict, unit: str = "", height: int = 360) -> go.Figure:
    """The class's guesses (share of students) beside the model's own number for the same options;
    the model's answer is drawn darker. ``labels``: class, model, share, unit (the axis title);
    ``unit``: what the model's number is (``"probability"`` … as ``views.lesson.answer`` gives it)."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=[labels["class"], labels["model"]], horizontal_spacing=0.14)
    fig.add_trace(go.Bar(x=df["share"] * 100, y=df["label"], orientation="h", marker_color=PALETTE[1], showlegend=False,
                         text=[f"{n} ({s:.0%})" for n, s in zip(df["students"], df["share"])], textposition="outside",
                         cliponaxis=False, hovertemplate="%{y}: %{x:.0f} %<extra></extra>"), row=1, col=1)
    model = df["model"].fillna(0).astype(float)
    fig.add_trace(go.Bar(x=model, y=df["label"], orientation="h", showlegend=False,
                         marker_color=[PALETTE[0] if a else "#9bbcd6" for a in df["model_answer"]],
                         text=[value_text(v, unit) for v in model], textposition=bar_text_places(model),
                         insidetextanchor="end",
                         cliponaxis=False, customdata=[value_text(v, unit) for v in model],
                         hovertemplate="%{y}: %{customdata}<extra></extra>"), row=1, col=2)
    for col in (1, 2):
        fig.update_yaxes(autorange="reversed", row=1, col=col)
    fig.update_xaxes(title=labels["share"], range=[0, 118], row=1, col=1)
    top = float(model.max() or 1) * 1.35
    fig.update_xaxes(title=labels["unit"], range=[0, top], row=1, col=2,
                     **(percent_axis(top) if unit in PERCENT_UNITS else {}))
    base_layout(fig, height=height)
    fig.update_annotations(font_size=15)
    fig.update_layout(uniformtext=dict(minsize=12, mode="show"))       # labels never shrink to fit
    return fig
