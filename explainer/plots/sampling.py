"""Figures for the sampling page: data in, plotly Figure out."""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go

from . import PALETTE, base_layout, visible

KEPT, DROPPED, CHOSEN = PALETTE[0], "#c9c9c9", PALETTE[5]


def distribution_bars(view: dict, labels: dict) -> go.Figure:
    """Bars: probability after temperature for the top tokens (grey = cut off by top-k / top-p,
    vermilion = the sampled token); diamonds: the renormalised probability actually sampled from;
    a dashed line where the cut-off falls.

    ``labels``: ``x``, ``y``, ``before``, ``after``, ``cut``, ``chosen``."""
    f = view["frame"]
    xs = list(range(len(f)))
    prob = np.nan_to_num(f["prob"].to_numpy(dtype=float))
    final = np.nan_to_num(f["final"].to_numpy(dtype=float))
    colours = [CHOSEN if c else (KEPT if k else DROPPED) for k, c in zip(f["kept"], f["chosen"])]
    tick = [visible(t) if len(t) <= 12 else visible(t)[:11] + "…" for t in f["token"]]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=xs, y=prob, marker_color=colours, name=labels["before"],
        marker_line=dict(color=["#000" if c else "rgba(0,0,0,0)" for c in f["chosen"]], width=2),
        customdata=[[html.escape(repr(t)), float(v)] for t, v in zip(f["token"], final)],
        hovertemplate="%{customdata[0]}<br>" + html.escape(labels["before"]) + ": %{y:.4f}<br>"
                      + html.escape(labels["after"]) + ": %{customdata[1]:.4f}<extra></extra>"))
    fig.add_trace(go.Scatter(
        x=[x for x, k in zip(xs, f["kept"]) if k], y=final[f["kept"].to_numpy(dtype=bool)],
        mode="markers", name=labels["after"],
        marker=dict(symbol="diamond", size=9, color=PALETTE[1], line=dict(color="#333", width=1)),
        hoverinfo="skip"))
    cut = view["cut"]
    if 0 < cut < len(f):
        fig.add_vline(x=cut - 0.5, line_dash="dash", line_color="#333", line_width=2)
        fig.add_annotation(x=cut - 0.5, y=1, yref="paper", text=labels["cut"], showarrow=False,
                           xanchor="left", yanchor="top", xshift=4, font=dict(size=12))
    if any(f["chosen"]):
        i = int(np.argmax(f["chosen"].to_numpy()))
        fig.add_annotation(x=i, y=max(prob[i], final[i]), text=labels["chosen"], showarrow=True,
                           arrowhead=2, ay=-30, font=dict(color=CHOSEN, size=12))
    top = float(max(prob.max(initial=0), final.max(initial=0)))
    fig.update_yaxes(range=[0, min(1.0, top) * 1.15 + 0.02], title=labels["y"])
    fig.update_xaxes(tickmode="array", tickvals=xs, ticktext=tick, tickangle=-45, title=labels["x"])
    base_layout(fig, height=380)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0), bargap=0.15)
    return fig


def temperature_histogram(df, temps: list[str], labels: dict) -> go.Figure:
    """Grouped bars: how often each token was drawn at each temperature."""
    xs = list(range(len(df)))
    fig = go.Figure()
    for j, col in enumerate(temps):
        fig.add_trace(go.Bar(x=xs, y=df[col].to_numpy(), name=col, marker_color=PALETTE[[4, 0, 5][j % 3]],
                             hovertemplate=col + ": %{y}<extra></extra>"))
    tick = [visible(t) if len(t) <= 12 else visible(t)[:11] + "…" for t in df["token"]]
    fig.update_xaxes(tickmode="array", tickvals=xs, ticktext=tick, tickangle=-45, title=labels["x"])
    fig.update_yaxes(title=labels["y"])
    base_layout(fig, height=360)
    fig.update_layout(barmode="group", legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return fig
