"""Figures of the "From counting to a GPT" page (pure: data in, Figure out)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import PALETTE, base_layout


def quality_figure(df: pd.DataFrame, labels: dict, height: int = 380) -> go.Figure:
    """Bits per character against n: one line for letter models, one for word models, the GPT as a
    horizontal line. ``labels``: letters, words, gpt, x, y."""
    fig = go.Figure()
    for i, kind in enumerate(("letters", "words")):
        d = df[df["kind"] == kind]
        fig.add_trace(go.Scatter(x=d["n"], y=d["bits_per_char"], mode="lines+markers+text", name=labels[kind],
                                 text=[f"{v:.2f}" for v in d["bits_per_char"]], textposition="top center",
                                 line=dict(color=PALETTE[i], width=3), marker=dict(size=9),
                                 hovertemplate="n = %{x}: %{y:.3f}<extra>" + labels[kind] + "</extra>"))
    g = df[df["kind"] == "gpt"]["bits_per_char"]
    if len(g):
        fig.add_hline(y=float(g.iloc[0]), line=dict(color=PALETTE[2], width=3, dash="dash"),
                      annotation_text=f"{labels['gpt']}: {float(g.iloc[0]):.2f}", annotation_position="top right")
    fig.update_xaxes(title=labels["x"], dtick=1)
    fig.update_yaxes(title=labels["y"], rangemode="tozero")
    base_layout(fig, height=height)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return fig


def unseen_figure(df: pd.DataFrame, labels: dict, height: int = 340) -> go.Figure:
    """Share of held-out n-grams never seen in the counted text, against n."""
    fig = go.Figure()
    for i, kind in enumerate(("letters", "words")):
        d = df[df["kind"] == kind]
        fig.add_trace(go.Scatter(x=d["n"], y=d["unseen"] * 100, mode="lines+markers", name=labels[kind],
                                 line=dict(color=PALETTE[i], width=3), marker=dict(size=9),
                                 hovertemplate="n = %{x}: %{y:.2f} %<extra>" + labels[kind] + "</extra>"))
    fig.update_xaxes(title=labels["x"], dtick=1)
    fig.update_yaxes(title=labels["y"], ticksuffix=" %", rangemode="tozero")
    base_layout(fig, height=height)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return fig


def table_figure(df: pd.DataFrame, gpt_params: int, labels: dict, height: int = 340) -> go.Figure:
    """Rows a counting table needs (distinct n-grams seen) and the possible n-grams (V^n), log scale,
    against n, with the GPT's parameter count as a line."""
    fig = go.Figure()
    for i, kind in enumerate(("letters", "words")):
        d = df[df["kind"] == kind]
        fig.add_trace(go.Scatter(x=d["n"], y=d["table"], mode="lines+markers", name=labels[f"{kind}_table"],
                                 line=dict(color=PALETTE[i], width=3), marker=dict(size=9),
                                 hovertemplate="n = %{x}: %{y:,}<extra></extra>"))
        fig.add_trace(go.Scatter(x=d["n"], y=[10 ** v for v in d["log10_possible"]], mode="lines",
                                 name=labels[f"{kind}_possible"], line=dict(color=PALETTE[i], width=1.5, dash="dot"),
                                 hovertemplate="n = %{x}: %{y:.2e}<extra></extra>"))
    fig.add_hline(y=gpt_params, line=dict(color=PALETTE[2], width=3, dash="dash"),
                  annotation_text=labels["gpt"], annotation_position="bottom right")
    fig.update_xaxes(title=labels["x"], dtick=1)
    fig.update_yaxes(title=labels["y"], type="log", exponentformat="power")
    base_layout(fig, height=height)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return fig


def next_word_figure(counting: pd.DataFrame, gpt: pd.DataFrame, labels: dict, height: int = 340) -> go.Figure:
    """Two bar groups side by side: the counting model's next words and the GPT's."""
    from plotly.subplots import make_subplots
    fig = make_subplots(rows=1, cols=2, subplot_titles=[labels["counting"], labels["gpt"]], horizontal_spacing=0.12)
    for col, (d, colour) in enumerate(((counting, PALETTE[1]), (gpt, PALETTE[2])), start=1):
        fig.add_trace(go.Bar(x=d["probability"], y=d["word"], orientation="h", marker_color=colour, showlegend=False,
                             text=[f"{p:.0%}" if p >= 0.005 else f"{p:.1%}" for p in d["probability"]],
                             textposition="outside", cliponaxis=False,
                             hovertemplate="%{y}: %{x:.3f}<extra></extra>"), row=1, col=col)
        fig.update_yaxes(autorange="reversed", row=1, col=col)
        fig.update_xaxes(range=[0, 1.15], title=labels["x"], row=1, col=col)
    base_layout(fig, height=height)
    fig.update_annotations(font_size=14)
    return fig
