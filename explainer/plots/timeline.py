"""Figures of the "How it learned" page (pure: data in, Figure out)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import PALETTE, base_layout


def run_figure(loss: pd.DataFrame, marks: list[int], chosen: int | None, labels: dict, height: int = 320) -> go.Figure:
    """The run's loss (train line, held-out dots) with the kept snapshots marked and the chosen one bold."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=loss["step"], y=loss["train_loss"], mode="lines", name=labels["train"],
                             line=dict(color=PALETTE[0], width=2), hovertemplate="%{x}: %{y:.3f}<extra></extra>"))
    fig.add_trace(go.Scatter(x=loss["step"], y=loss["val_loss"], mode="markers", name=labels["val"],
                             marker=dict(color=PALETTE[1], size=6), hovertemplate="%{x}: %{y:.3f}<extra></extra>"))
    for s in marks:
        fig.add_vline(x=s, line=dict(color="#333" if s == chosen else "#bbb", width=3 if s == chosen else 1,
                                     dash="solid" if s == chosen else "dot"))
    fig.update_xaxes(title=labels["step"], rangemode="tozero")
    fig.update_yaxes(title=labels["loss"], rangemode="tozero")
    base_layout(fig, labels.get("title"), height=height)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0))
    return fig


def abilities_figure(df: pd.DataFrame, names: dict, chosen: int | None, labels: dict, height: int = 320) -> go.Figure:
    """One line per measured ability (0 … 100 %) against the step; ``names``: column → legend text."""
    fig = go.Figure()
    for i, (col, name) in enumerate(names.items()):
        d = df.dropna(subset=[col])
        fig.add_trace(go.Scatter(x=d["step"], y=d[col] * 100, mode="lines+markers", name=name,
                                 line=dict(color=PALETTE[i % len(PALETTE)], width=3,
                                           dash=["solid", "dash", "dot"][i % 3]),
                                 hovertemplate="%{x}: %{y:.0f} %<extra>" + name + "</extra>"))
    if chosen is not None:
        fig.add_vline(x=chosen, line=dict(color="#333", width=3))
    fig.update_xaxes(title=labels["step"], rangemode="tozero")
    fig.update_yaxes(title=labels["y"], range=[0, 105], ticksuffix=" %")
    base_layout(fig, labels.get("title"), height=height)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0))
    return fig
