"""Figures for the attention page: pure functions, numpy in, plotly Figure out.

Every token axis is an integer axis with tick text, so a token that repeats ("John" twice) keeps
its own row/column; hover texts name the query token, the key token and the weight.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..views.attention import top_links
from . import DIVERGING, PALETTE, SEQ, base_layout, visible


def _ticks(tokens: list[str], every: int = 1) -> dict:
    n = len(tokens)
    idx = list(range(0, n, max(1, every)))
    return dict(tickmode="array", tickvals=idx, ticktext=[visible(tokens[i]) for i in idx])


def _tick_step(n: int, room: int = 48) -> int:
    """Show every k-th token label so at most ``room`` labels share an axis."""
    return max(1, int(np.ceil(n / room)))


def overview_grid(attention: np.ndarray, titles: list[list[str]] | None = None,
                  colorbar_title: str = "weight", cell_px: int = 150,
                  tokens: list[str] | None = None) -> go.Figure:
    """Every layer × head as a small map (rows = layers, columns = heads), one colour scale from 0 to
    1, drawn as ONE heatmap of tiles with empty gaps between them: a browser draws one trace far
    faster than L × H subplots (36 on the bundled model). Heads are named along the top (H0 …),
    layers down the side (L0 …); ``titles[l][h]`` (the kind of head, "" for none) is written in its empty top-right corner;
    hovering a cell names the layer, head and both tokens."""
    L, H, T, _ = attention.shape
    gap = max(1, int(np.ceil(T * 0.18)))
    side = T + gap
    z = np.full((L * side - gap, H * side - gap), np.nan, dtype=np.float32)
    for l in range(L):
        for h in range(H):
            z[l * side:l * side + T, h * side:h * side + T] = attention[l, h]
    shown = [visible(t) for t in (tokens or [str(i) for i in range(T)])]
    # category labels, unique per row / column (gaps are runs of spaces of different lengths)
    xs = [f"H{i // side} · {i % side}: {shown[i % side]}" if i % side < T else " " * (i + 1) for i in range(z.shape[1])]
    ys = [f"L{i // side} · {i % side}: {shown[i % side]}" if i % side < T else " " * (i + 1) for i in range(z.shape[0])]
    fig = go.Figure(go.Heatmap(
        z=z, x=xs, y=ys, colorscale=SEQ, zmin=0, zmax=1, hoverongaps=False,
        colorbar=dict(title=colorbar_title, thickness=12),
        hovertemplate="query %{y}<br>key %{x}<br>weight %{z:.3f}<extra></extra>"))
    for l in range(L):
        for h in range(H):
            if titles and titles[l][h]:
                # the kind of head, inside the tile's top-right corner: the future is masked there,
                # so that corner is always empty, and the label stays within its tile at any width
                fig.add_annotation(x=h * side + T - 0.5, y=l * side - 0.5, text=titles[l][h], showarrow=False,
                                   xanchor="right", yanchor="top", font=dict(size=9, color="white"),
                                   xref="x", yref="y")
    # heads along the top, layers down the side: axis labels sit outside the maps at any width
    fig.update_xaxes(showgrid=False, zeroline=False, constrain="domain", side="top", ticks="",
                     tickvals=[xs[h * side + T // 2] for h in range(H)], ticktext=[f"H{h}" for h in range(H)])
    fig.update_yaxes(showgrid=False, zeroline=False, autorange="reversed", scaleanchor="x", scaleratio=1,
                     constrain="domain", ticks="", tickvals=[ys[l * side + T // 2] for l in range(L)],
                     ticktext=[f"L{l}" for l in range(L)])
    base_layout(fig, height=int(60 + L * cell_px))
    fig.update_layout(margin=dict(l=10, r=10, t=44, b=10), plot_bgcolor="rgba(0,0,0,0)")
    fig.layout.meta = {"tile": side, "size": T}
    return fig


def head_heatmap(weights: np.ndarray, tokens: list[str], title: str | None = None,
                 q_label: str = "query (reading)", k_label: str = "key (read from)",
                 weight_label: str = "weight") -> go.Figure:
    """One head's pattern: queries as rows, keys as columns; hover names both tokens."""
    T = len(tokens)
    shown = [visible(t) for t in tokens]
    custom = np.empty((T, T, 2), dtype=object)
    for i in range(T):
        for j in range(T):
            custom[i, j] = (f"{i}: {shown[i]}", f"{j}: {shown[j]}")
    fig = go.Figure(go.Heatmap(
        z=np.round(weights.astype(float), 4), x=list(range(T)), y=list(range(T)),
        customdata=custom, colorscale=SEQ, zmin=0, zmax=1, colorbar=dict(title=weight_label, thickness=12),
        hovertemplate="query %{customdata[0]}<br>key %{customdata[1]}<br>weight %{z:.3f}<extra></extra>"))
    step = _tick_step(T)
    fig.update_xaxes(title=k_label, tickangle=-60, **_ticks(tokens, step))
    fig.update_yaxes(title=q_label, autorange="reversed", **_ticks(tokens, step))
    return base_layout(fig, title, height=int(min(820, max(380, 150 + 18 * T))))


def lines_view(weights: np.ndarray, tokens: list[str], query: int | None = None,
               min_weight: float = 0.02, title: str | None = None,
               left_label: str = "query", right_label: str = "key") -> go.Figure:
    """BertViz-style: tokens in two columns, a line from each query (left) to every key (right) it
    attends to; line width and opacity grow with the weight. With ``query`` set, that query's
    lines are drawn strongly and the others faintly."""
    T = len(tokens)
    shown = [visible(t) for t in tokens]
    fig = go.Figure()
    # lines grouped into 10 weight buckets, one trace each (fast even for 128 tokens)
    groups: dict[tuple[bool, int], tuple[list, list]] = {}
    for q, k, w in top_links(weights, min_weight):
        g = groups.setdefault((query is None or q == query, min(int(w * 10), 9)), ([], []))
        g[0].extend([0, 1, None])
        g[1].extend([q, k, None])
    for (focus, b), (xs, ys) in sorted(groups.items()):          # faint first, strong on top
        mid = (b + 0.5) / 10
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
            line=dict(color=PALETTE[0] if focus else "#9e9e9e", width=0.5 + 6 * mid),
            opacity=(0.15 + 0.85 * mid) if focus else 0.08 + 0.2 * mid))
    hover_q = []
    for q in range(T):
        top = np.argsort(-weights[q, : q + 1])[:3]
        hover_q.append(f"{q}: {shown[q]}<br>" + "<br>".join(f"→ {j}: {shown[j]} ({weights[q, j]:.2f})" for j in top))
    hover_k = [f"{k}: {shown[k]}" for k in range(T)]
    sel = [q == query for q in range(T)]
    fig.add_trace(go.Scatter(x=[0] * T, y=list(range(T)), mode="markers+text", text=shown,
                             textposition="middle left", hovertext=hover_q, hoverinfo="text",
                             marker=dict(size=[11 if s else 7 for s in sel],
                                         color=[PALETTE[1] if s else PALETTE[0] for s in sel]),
                             showlegend=False))
    fig.add_trace(go.Scatter(x=[1] * T, y=list(range(T)), mode="markers+text", text=shown,
                             textposition="middle right", hovertext=hover_k, hoverinfo="text",
                             marker=dict(size=7, color=PALETTE[2]), showlegend=False))
    fig.update_xaxes(range=[-0.7, 1.7], showticklabels=True, tickvals=[0, 1],
                     ticktext=[left_label, right_label], side="top", showgrid=False, zeroline=False)
    fig.update_yaxes(range=[T - 0.5, -0.5], showticklabels=False, showgrid=False, zeroline=False)
    return base_layout(fig, title, height=int(min(1400, max(360, 90 + 24 * T))))


def query_heads(rows: np.ndarray, tokens: list[str], query: int, n_head: int, title: str | None = None,
                labels: list[list[str]] | None = None, weight_label: str = "weight") -> go.Figure:
    """(L·H, query+1) → heads as rows, key positions as columns: where each head sends the
    attention of one query token."""
    n_rows, K = rows.shape
    shown = [visible(t) for t in tokens]
    head_names = [f"L{r // n_head}H{r % n_head}" for r in range(n_rows)]
    if labels:
        head_names = [f"{n} {labels[r // n_head][r % n_head]}".strip() for r, n in enumerate(head_names)]
    custom = np.empty((n_rows, K, 2), dtype=object)
    for r in range(n_rows):
        for j in range(K):
            custom[r, j] = (head_names[r], f"{j}: {shown[j]}")
    fig = go.Figure(go.Heatmap(
        z=np.round(rows.astype(float), 4), x=list(range(K)), y=list(range(n_rows)), customdata=custom,
        colorscale=SEQ, zmin=0, zmax=1, colorbar=dict(title=weight_label, thickness=12),
        hovertemplate=(f"%{{customdata[0]}}<br>query {query}: {shown[query]}"
                       "<br>key %{customdata[1]}<br>weight %{z:.3f}<extra></extra>")))
    fig.update_xaxes(tickangle=-60, **_ticks(tokens[:K], _tick_step(K)))
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=list(range(n_rows)),
                     ticktext=head_names, tickfont=dict(size=11))
    # a thin line between layers
    for l in range(1, n_rows // n_head):
        fig.add_hline(y=l * n_head - 0.5, line=dict(color="white", width=2))
    return base_layout(fig, title, height=int(min(1100, max(300, 80 + 20 * n_rows))))


def compare_bars(tokens: list[str], before: np.ndarray, after: np.ndarray, title: str | None = None,
                 before_label: str = "before", after_label: str = "after",
                 y_title: str = "probability") -> go.Figure:
    """Grouped bars: next-token probability of each token before and after an ablation."""
    x = list(range(len(tokens)))
    shown = [visible(t) for t in tokens]
    fig = go.Figure([
        go.Bar(x=x, y=np.asarray(before, float), name=before_label, marker_color=PALETTE[0],
               customdata=shown, hovertemplate="%{customdata}: %{y:.3f}<extra>" + before_label + "</extra>"),
        go.Bar(x=x, y=np.asarray(after, float), name=after_label, marker_color=PALETTE[1],
               customdata=shown, hovertemplate="%{customdata}: %{y:.3f}<extra>" + after_label + "</extra>"),
    ])
    fig.update_xaxes(tickmode="array", tickvals=x, ticktext=shown, tickangle=-45)
    fig.update_yaxes(title=y_title, rangemode="tozero")
    fig.update_layout(barmode="group", legend=dict(x=0.99, y=0.99, xanchor="right", yanchor="top",
                                                   bgcolor="rgba(255,255,255,0.8)"))
    return base_layout(fig, title, height=400)


def effects_heatmap(drop: np.ndarray, title: str | None = None, colorbar_title: str = "drop",
                    x_title: str = "head", y_title: str = "layer") -> go.Figure:
    """Layers × heads: how much switching off each head alone lowers the logit difference
    (orange = the head helps the right answer, blue = it works against it)."""
    L, H = drop.shape
    z = np.nan_to_num(np.asarray(drop, float))
    m = float(np.abs(z).max()) or 1.0
    fig = go.Figure(go.Heatmap(
        z=np.round(z, 3), x=list(range(H)), y=list(range(L)), colorscale=DIVERGING, zmid=0, zmin=-m, zmax=m,
        text=[[f"{v:+.2f}" for v in row] for row in z], texttemplate="%{text}",
        colorbar=dict(title=colorbar_title, thickness=12),
        hovertemplate="L%{y}H%{x}: %{z:+.3f}<extra></extra>"))
    return _layer_head_layout(fig, L, H, x_title, y_title, title)


def labels_heatmap(score: np.ndarray, labels: list[list[str]], title: str | None = None,
                   colorbar_title: str = "score", x_title: str = "head",
                   y_title: str = "layer") -> go.Figure:
    """Layers × heads map of the measured head types: colour = the score that earned the label."""
    L, H = score.shape
    fig = go.Figure(go.Heatmap(
        z=np.round(np.nan_to_num(score.astype(float)), 3), x=list(range(H)), y=list(range(L)),
        colorscale=SEQ, zmin=0, zmax=1, text=labels, texttemplate="%{text}", textfont=dict(size=11),
        colorbar=dict(title=colorbar_title, thickness=12),
        hovertemplate="L%{y}H%{x}: %{text} (%{z:.2f})<extra></extra>"))
    return _layer_head_layout(fig, L, H, x_title, y_title, title)


def _layer_head_layout(fig: go.Figure, L: int, H: int, x_title: str, y_title: str,
                       title: str | None) -> go.Figure:
    """Integer axes for a layers × heads map (layer 0 on top)."""
    fig.update_xaxes(title=x_title, tickmode="array", tickvals=list(range(H)), ticktext=[str(h) for h in range(H)])
    fig.update_yaxes(title=y_title, autorange="reversed", tickmode="array", tickvals=list(range(L)),
                     ticktext=[str(l) for l in range(L)])
    return base_layout(fig, title, height=int(min(600, 120 + 55 * L)))
