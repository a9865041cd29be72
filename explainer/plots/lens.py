"""Figures for the layer-by-layer (logit lens) page: data in, plotly Figure out."""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go

from . import PALETTE, SEQ, base_layout, visible


def _short(s: str, n: int = 9) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _top(values: np.ndarray) -> float:
    """A y-axis top for probabilities: 0–1 when they are large, zoomed (at least 0–0.1) when all are
    small, so a tiny probability is still visible."""
    m = float(np.nan_to_num(values).max(initial=0.0))
    return 1.02 if m > 0.5 else max(0.1, m * 1.25)


def lens_heatmap(d: dict, start: int, end: int, rows: list[str], labels: dict) -> go.Figure:
    """Positions ``start:end`` (rows, read top to bottom) × layers (columns, 0 = embeddings on the
    left, the model's output on the right). Each cell shows the lens's top guess; its colour is
    that guess's probability; hover lists the top k. Integer axes + tick text, so repeated tokens
    keep their own rows.

    ``rows``: the layer names; ``labels``: ``x``, ``y``, ``colour``, ``hover_pos``, ``hover_layer``,
    ``hover_top``."""
    probs = d["top_prob"][:, start:end]            # (L+1, W, k)
    texts = d["top_text"][:, start:end]
    tokens = d["tokens"][start:end]
    L1, W, k = probs.shape
    z = np.nan_to_num(probs[:, :, 0]).T            # (W, L+1)
    cell = [[_short(visible(texts[l, p, 0]), 14) for l in range(L1)] for p in range(W)]
    hover = [[(f"{html.escape(labels['hover_pos'])} {start + p}: {html.escape(repr(tokens[p]))}<br>"
               f"{html.escape(labels['hover_layer'])}: {html.escape(rows[l])}<br>"
               f"<b>{html.escape(labels['hover_top'])}</b><br>"
               + "<br>".join(f"{html.escape(repr(texts[l, p, j]))}: {probs[l, p, j]:.3f}" for j in range(k)))
              for l in range(L1)] for p in range(W)]
    ys = list(range(start, end))
    fig = go.Figure(go.Heatmap(
        z=z, x=list(range(L1)), y=ys, text=cell, texttemplate="%{text}", textfont=dict(size=12),
        customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        colorscale=SEQ, zmin=0.0, zmax=1.0, xgap=2, ygap=1,
        colorbar=dict(title=dict(text=labels["colour"], side="right"), thickness=14)))
    fig.update_yaxes(tickmode="array", tickvals=ys,
                     ticktext=[f"{start + p}: {_short(visible(t), 14)}" for p, t in enumerate(tokens)],
                     autorange="reversed", title=labels["y"], showgrid=False)
    fig.update_xaxes(tickmode="array", tickvals=list(range(L1)), ticktext=rows, title=labels["x"],
                     side="top", showgrid=False)
    base_layout(fig, height=110 + 26 * W)
    return fig


def word_lines(d: dict, rows: list[str], labels: dict) -> go.Figure:
    """Lens probability of chosen tokens at the last position, one line per word."""
    wp = np.nan_to_num(d["word_probs"])
    xs = list(range(wp.shape[0]))
    fig = go.Figure()
    for j, w in enumerate(d["words"]):
        fig.add_trace(go.Scatter(
            x=xs, y=wp[:, j], mode="lines+markers", name=f"{w['word']}  ({w['token']!r})",
            line=dict(color=PALETTE[j % len(PALETTE)], width=3, dash=["solid", "dash", "dot", "dashdot"][j % 4]),
            hovertemplate="%{y:.3f}<extra>" + html.escape(w["word"]) + "</extra>"))
    fig.update_xaxes(tickmode="array", tickvals=xs, ticktext=rows, title=labels["x"])
    fig.update_yaxes(range=[0, _top(wp)], title=labels["y"])
    base_layout(fig, height=340)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return fig


def cases_bar(probs: dict, names: dict, labels: dict) -> go.Figure:
    """P(answer) in the four cases (normal, MLPs off, fact prepended, both)."""
    keys = list(probs)
    ys = [float(np.nan_to_num(probs[c])) for c in keys]
    colours = [PALETTE[0], PALETTE[5], PALETTE[2], PALETTE[1]]
    fig = go.Figure(go.Bar(x=[names[c] for c in keys], y=ys, text=[f"{y:.3f}" for y in ys],
                           textposition="outside", marker_color=colours[: len(keys)],
                           hovertemplate="%{x}: %{y:.4f}<extra></extra>"))
    fig.update_yaxes(range=[0, _top(np.array(ys)) * 1.08], title=labels["y"])
    base_layout(fig, height=320)
    return fig


def fact_position_bar(where: dict, labels: dict, show: int = 16) -> go.Figure:
    """Where a fact is kept (``ablation.fact_position``): one bar per position of the prompt's last
    ``show`` tokens (more when the position found or the next lowest lies further back), its height P(answer) with every
    MLP at that position switched off. The position found is drawn in its own colour with an arrow
    (``labels["found"]``); the last position, not searched, is an empty slot marked ``labels["last"]``;
    two lines in the legend mark P untouched (``labels["base"]``) and the "gone" threshold
    (``labels["gone"]``); when the first word is among the two lowest (``where["first"]``), its bar is
    marked ``labels["first"]``.

    ``labels``: ``y``, ``last``, ``base``, ``gone``, ``found``, ``hover``, and optionally ``first``."""
    tokens, probs = where["tokens"], where["probs"]
    n = len(tokens)
    found = None if where["position"] is None else n + where["position"]
    second = None if where.get("next_position") is None else n + where["next_position"]
    # the found one and the next lowest always in sight (the page's sentence names both)
    xs = list(range(max(0, min([n - show] + [k for k in (found, second) if k is not None])), n))
    ys = [0.0 if probs[k] is None else float(probs[k]) for k in xs]
    colours = [PALETTE[5] if k == found else ("#d0d0d0" if probs[k] is None else PALETTE[0]) for k in xs]
    fig = go.Figure(go.Bar(
        x=xs, y=ys, text=["" if probs[k] is None else f"{probs[k]:.2f}" for k in xs], textposition="outside",
        marker_color=colours, cliponaxis=False, showlegend=False,
        customdata=[html.escape(repr(tokens[k])) for k in xs],
        hovertemplate=html.escape(labels["hover"]) + " %{customdata}: %{y:.3f}<extra></extra>"))
    span = [xs[0] - 0.5, xs[-1] + 0.5]
    for y, name, dash, colour in ((float(where["base"]), labels["base"], "dash", PALETTE[2]),
                                  (float(where["gone_below"]), labels["gone"], "dot", "#888888")):
        fig.add_trace(go.Scatter(x=span, y=[y, y], mode="lines", name=name, hoverinfo="skip",
                                 line=dict(dash=dash, color=colour, width=2)))
    fig.add_annotation(x=n - 1, y=0.5, text=labels["last"], textangle=-90, showarrow=False,
                       font=dict(color="#777777", size=12))       # the last position is never searched
    if where.get("first") and labels.get("first"):      # the first word: every later word reads it
        fig.add_annotation(x=0, y=(probs[0] or 0.0) + 0.3, text=labels["first"], textangle=-90, showarrow=False,
                           font=dict(color="#777777", size=12))
    if found is not None:
        fig.add_annotation(x=found, y=probs[found] + 0.08, ax=0, ay=-38, text=labels["found"],
                           showarrow=True, arrowhead=2, arrowcolor=PALETTE[5], font=dict(color=PALETTE[5], size=13))
    fig.update_xaxes(tickmode="array", tickvals=xs, ticktext=[_short(visible(tokens[k]), 8) for k in xs])
    fig.update_yaxes(range=[0, 1.15], title=labels["y"])
    base_layout(fig, height=340)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return fig
