"""Figures of the "Why neural networks work" page (pure: data in, Figure out)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import PALETTE, base_layout


def fit_figure(x: np.ndarray, y: np.ndarray, fit: dict, labels: dict, line: np.ndarray | None = None,
               points: pd.DataFrame | None = None, height: int = 420) -> go.Figure:
    """The target, each neuron's piece (thin), their sum (the network's output) and, when given, the
    best straight line and the user's points. ``labels``: target, sum, piece, line, points, x, y."""
    fig = go.Figure()
    pieces = fit["pieces"]
    for i in range(pieces.shape[1]):
        fig.add_trace(go.Scatter(x=x, y=pieces[:, i], mode="lines", line=dict(color="rgba(120,120,120,0.45)", width=1),
                                 name=labels["piece"], legendgroup="pieces", showlegend=i == 0,
                                 hovertemplate=f"{labels['piece']} {i + 1}: %{{y:.3f}}<extra></extra>"))
    fig.add_trace(go.Scatter(x=x, y=y, mode="lines", name=labels["target"], line=dict(color=PALETTE[1], width=6),
                             opacity=0.55, hovertemplate="%{y:.3f}<extra></extra>"))
    if line is not None:
        fig.add_trace(go.Scatter(x=x, y=line, mode="lines", name=labels["line"],
                                 line=dict(color=PALETTE[3], width=2, dash="dot"), hovertemplate="%{y:.3f}<extra></extra>"))
    fig.add_trace(go.Scatter(x=x, y=fit["pred"], mode="lines", name=labels["sum"], line=dict(color=PALETTE[0], width=3),
                             hovertemplate="%{y:.3f}<extra></extra>"))
    if points is not None and len(points):
        fig.add_trace(go.Scatter(x=points["x"], y=points["y"], mode="markers", name=labels["points"],
                                 marker=dict(color=PALETTE[5], size=11, symbol="diamond")))
    fig.update_xaxes(title=labels["x"], range=[-1.05, 1.05])
    lo, hi = float(min(y.min(), fit["pred"].min())), float(max(y.max(), fit["pred"].max()))
    pad = 0.25 * (hi - lo + 1e-6)
    fig.update_yaxes(title=labels["y"], range=[lo - pad, hi + pad])
    base_layout(fig, height=height)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0), uirevision="fit")
    return fig


def size_figure(df: pd.DataFrame, chosen: int, line_loss: float, labels: dict, height: int = 320) -> go.Figure:
    """Error of the fit against the number of neurons (log–log), the chosen size marked, the best
    straight line's error as a reference."""
    fig = go.Figure(go.Scatter(x=df["neurons"], y=df["loss"], mode="lines+markers", name=labels["relu"],
                               line=dict(color=PALETTE[0], width=3), marker=dict(size=9),
                               hovertemplate="%{x}: %{y:.5f}<extra></extra>"))
    fig.add_hline(y=line_loss, line=dict(color=PALETTE[3], dash="dot"), annotation_text=labels["line"],
                  annotation_position="top right")
    fig.add_vline(x=chosen, line=dict(color="#333", width=2))
    fig.update_xaxes(title=labels["x"], type="log", tickvals=list(df["neurons"]))
    fig.update_yaxes(title=labels["y"], type="log", exponentformat="power")
    return base_layout(fig, height=height)


def activation_figure(df: pd.DataFrame, labels: dict, height: int = 280) -> go.Figure:
    """ReLU and GELU side by side: the GPT's neurons use the smooth one."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=df["z"], y=df["relu"], mode="lines", name="ReLU  max(z, 0)",
                             line=dict(color=PALETTE[1], width=3, dash="dash")))
    fig.add_trace(go.Scatter(x=df["z"], y=df["gelu"], mode="lines", name="GELU", line=dict(color=PALETTE[0], width=3)))
    fig.update_xaxes(title=labels["x"])
    fig.update_yaxes(title=labels["y"])
    base_layout(fig, height=height)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return fig
