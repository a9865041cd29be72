"""Figures for the Tokenization page (pure: data in, plotly Figure out)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from . import PALETTE, base_layout


def token_count_bar(df: pd.DataFrame, x_title: str = "tokens", title: str | None = None) -> go.Figure:
    """Horizontal bars: tokens per tokenizer (``df`` from ``views.tokens.comparison_frame``)."""
    df = df.dropna(subset=["tokens"])
    fig = go.Figure(go.Bar(
        x=df["tokens"].tolist(), y=df["tokenizer"].tolist(), orientation="h",
        marker_color=[PALETTE[i % len(PALETTE)] for i in range(len(df))],
        text=[f"{int(t)}" for t in df["tokens"]], textposition="outside",
        customdata=df["chars_per_token"].tolist(),
        hovertemplate="%{y}: %{x} tokens · %{customdata:.2f} chars/token<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=x_title, rangemode="tozero")
    base_layout(fig, title, height=90 + 45 * max(1, len(df)))
    return fig


def tree_layout(tree: dict) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
    """Node positions for a merge tree: leaves left to right, parents above the middle of their
    children. Returns nodes (``node, x, y, text, id, step``) and edges (parent, child)."""
    nodes: list[dict] = []
    edges: list[tuple[int, int]] = []
    next_leaf = [0]

    def depth(n) -> int:
        return 1 + max((depth(c) for c in n["children"]), default=0)

    total = depth(tree)

    def place(n, d) -> int:
        idx = len(nodes)
        nodes.append(None)
        if n["children"]:
            kids = [place(c, d + 1) for c in n["children"]]
            x = sum(nodes[k]["x"] for k in kids) / len(kids)
            edges.extend((idx, k) for k in kids)
        else:
            x = float(next_leaf[0])
            next_leaf[0] += 1
        # leaves all sit on the bottom row so the bytes read left to right
        y = 0 if not n["children"] else total - d - 1
        nodes[idx] = {"node": idx, "x": x, "y": y, "text": n["text"], "id": n["id"], "step": n.get("step")}
        return idx

    place(tree, 0)
    return pd.DataFrame(nodes), edges


def merge_tree_figure(tree: dict, step_label: str = "merge step", byte_label: str = "byte",
                      title: str | None = None) -> go.Figure:
    """The merge tree of one token: bytes at the bottom, the token at the top."""
    nodes, edges = tree_layout(tree)
    ex, ey = [], []
    for a, b in edges:
        ex += [nodes.at[a, "x"], nodes.at[b, "x"], None]
        ey += [nodes.at[a, "y"], nodes.at[b, "y"], None]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=ex, y=ey, mode="lines", line=dict(color="#9aa4b1", width=2),
                             hoverinfo="skip", showlegend=False))
    is_leaf = nodes["step"].isna()
    hover = [f"{byte_label} · id {i}" if s is None or pd.isna(s) else f"{step_label} {int(s)} · id {i}"
             for i, s in zip(nodes["id"], nodes["step"])]
    # invisible markers carry the hover text; boxed annotations size themselves to the token
    fig.add_trace(go.Scatter(x=nodes["x"], y=nodes["y"], mode="markers", hovertext=hover,
                             hoverinfo="text", showlegend=False,
                             marker=dict(size=30, color="rgba(0,0,0,0)")))
    for x, y, text, leaf in zip(nodes["x"], nodes["y"], nodes["text"], is_leaf):
        fig.add_annotation(x=x, y=y, text=html.escape(text), showarrow=False,
                           bgcolor="#fde6bf" if leaf else "#cfe3f5", bordercolor="#5b6673",
                           borderwidth=1, borderpad=4,
                           font=dict(family="Menlo, Consolas, monospace", size=15, color="#111"))
    n_leaf = int(is_leaf.sum()) or 1
    fig.update_xaxes(visible=False, range=[-0.7, n_leaf - 0.3])
    fig.update_yaxes(visible=False, range=[-0.6, float(nodes["y"].max()) + 0.6])
    base_layout(fig, title, height=120 + 60 * int(nodes["y"].max() + 1))
    return fig
