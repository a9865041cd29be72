"""Figures of the "Train your own" page (pure: data in, Figure out)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import PALETTE, base_layout


def loss_figure(frame: pd.DataFrame, labels: dict, start_loss: float | None = None,
                height: int = 360) -> go.Figure:
    """The loss of every step (a thin line) and the held-out loss (dots), against the step.
    ``labels``: title, step, loss, train, val."""
    fig = go.Figure()
    tr = frame.dropna(subset=["train_loss"]) if "train_loss" in frame else frame.iloc[:0]
    va = frame.dropna(subset=["val_loss"]) if "val_loss" in frame else frame.iloc[:0]
    fig.add_trace(go.Scatter(x=tr["step"], y=tr["train_loss"], mode="lines", name=labels["train"],
                             line=dict(color=PALETTE[0], width=1.5),
                             hovertemplate="%{x}: %{y:.3f}<extra></extra>"))
    fig.add_trace(go.Scatter(x=va["step"], y=va["val_loss"], mode="markers+lines", name=labels["val"],
                             marker=dict(color=PALETTE[1], size=8), line=dict(color=PALETTE[1], width=1, dash="dot"),
                             hovertemplate="%{x}: %{y:.3f}<extra></extra>"))
    top = max([start_loss or 0.0] + [float(v) for v in tr["train_loss"].tolist() + va["val_loss"].tolist()])
    fig.update_yaxes(title=labels["loss"], range=[0, top * 1.05 if top > 0 else 1])
    fig.update_xaxes(title=labels["step"], rangemode="tozero")
    base_layout(fig, labels.get("title"), height=height)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0), uirevision="loss")
    return fig
