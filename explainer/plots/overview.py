"""Figures for the overview page."""

from __future__ import annotations

import plotly.graph_objects as go

from . import PALETTE, base_layout


def params_figure(counts: dict[str, int], title: str | None = None) -> go.Figure:
    names, vals = list(counts), list(counts.values())
    total = sum(vals)
    fig = go.Figure(go.Bar(x=vals, y=names, orientation="h", marker_color=PALETTE[:len(names)],
                           text=[f"{v:,} ({v / total:.0%})" for v in vals], textposition="auto",
                           hovertemplate="%{y}: %{x:,}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    return base_layout(fig, title, height=260)


def scale_figure(rows: list[dict], title: str | None = None,
                 y_title: str = "parameters (log scale)") -> go.Figure:
    fig = go.Figure(go.Bar(
        x=[r["model"] for r in rows], y=[r["params"] for r in rows],
        marker_color=[PALETTE[0]] + [PALETTE[1]] * (len(rows) - 1),
        # the real ratio to the first row (ours) beside each bar: on a log axis bars alone hide it
        text=[_human(r["params"]) + ("" if i == 0 else f" (×{r['params'] / rows[0]['params']:,.0f})")
              for i, r in enumerate(rows)], textposition="outside",
        customdata=[[r["d_model"], r["n_layer"], r["n_head"]] for r in rows],
        hovertemplate="%{x}<br>%{y:,.0f} parameters<br>d=%{customdata[0]}, "
                      "%{customdata[1]} layers × %{customdata[2]} heads<extra></extra>"))
    fig.update_yaxes(type="log", title=y_title)
    return base_layout(fig, title, height=360)


def resid_norm_figure(norms: list[float], title: str | None = None, x_title: str = "layer (0 = embeddings)",
                      y_title: str = "vector length") -> go.Figure:
    fig = go.Figure(go.Scatter(x=list(range(len(norms))), y=norms, mode="lines+markers",
                               line=dict(color=PALETTE[0]),
                               hovertemplate="after block %{x}: length %{y:.2f}<extra></extra>"))
    fig.update_xaxes(title=x_title, dtick=1)
    fig.update_yaxes(title=y_title)
    return base_layout(fig, title, height=260)


def _human(n: float) -> str:
    for unit, div in (("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if n >= div:
            return f"{n / div:.3g}{unit}"
    return str(int(n))
