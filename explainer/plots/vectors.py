"""Figures for the Word-vectors page (pure: data in, plotly Figure out)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from . import PALETTE, base_layout


def _esc(s) -> str:
    return html.escape(str(s))


def _words_trace(d: pd.DataFrame, name: str, colour: str, size: int, text_size: int, symbol: str = "circle",
                 text_colour: str | None = None, textposition: str = "top center",
                 labels=True) -> go.Scatter:
    """Points with their words as labels. ``labels``: True (every word), False (only on hover) or
    a boolean per row (the words to print; all of them still show on hover)."""
    words = [_esc(w) for w in d["word"]]
    if labels is True or labels is False:
        shown = words if labels else None
    else:
        shown = [w if keep else "" for w, keep in zip(words, labels)]
    return go.Scatter(
        x=d["x"], y=d["y"], mode="markers+text" if shown is not None else "markers", name=name,
        text=shown, customdata=words, textposition=textposition,
        textfont=dict(size=text_size, color=text_colour or colour),
        marker=dict(size=size, color=colour, symbol=symbol,
                    line=dict(width=2.5, color=colour) if symbol.endswith("-open") else None),
        hovertemplate="%{customdata}<extra>" + _esc(name) + "</extra>")


# the map's plot area in pixels, a little smaller than on a wide page (plotly pads the ranges too)
MAP_PLOT_PX = (820, 380)


def label_mask(x, y, words, priority=None, width_px: float = MAP_PLOT_PX[0],
               height_px: float = MAP_PLOT_PX[1], font_px: float = 11) -> list[bool]:
    """Which labels to print so that none overlaps another: a label sits centred above its point
    (as with textposition "top center"), its box estimated from the font size; labels are taken
    greedily, highest ``priority`` first (then in order), and one whose box hits a kept box is
    skipped. Coordinates are mapped to a ``width_px`` × ``height_px`` plot over the points' range."""
    import numpy as np
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = len(x)
    if n == 0:
        return []
    def scale(v, size):
        lo, hi = float(v.min()), float(v.max())
        return (v - lo) / (hi - lo) * size if hi > lo else np.full_like(v, size / 2)
    px, py = scale(x, width_px), scale(y, height_px)
    pr = np.zeros(n) if priority is None else np.asarray(priority, dtype=float)
    order = sorted(range(n), key=lambda i: (-pr[i], i))
    kept, boxes = [False] * n, []
    for i in order:
        w = 0.6 * font_px * max(len(str(words[i])), 1) + 4
        box = (px[i] - w / 2, py[i] + 4, px[i] + w / 2, py[i] + 4 + font_px + 4)
        if all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in boxes):
            boxes.append(box)
            kept[i] = True
    return kept


def _words_plane(fig: go.Figure, title: str | None, height: int) -> go.Figure:
    """A 2-D projection: its axes carry no meaning, so no ticks; legend below."""
    fig.update_xaxes(showticklabels=False, zeroline=False, title=None)
    fig.update_yaxes(showticklabels=False, zeroline=False, title=None, scaleanchor=None)
    xs = [v for tr in fig.data if tr.x is not None for v in tr.x if isinstance(v, (int, float))]
    ys = [v for tr in fig.data if tr.y is not None for v in tr.y if isinstance(v, (int, float))]
    if xs and ys:                 # room around the points, so a label at the edge is not cut off
        dx, dy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        fig.update_xaxes(range=[min(xs) - 0.12 * dx, max(xs) + 0.12 * dx])
        fig.update_yaxes(range=[min(ys) - 0.08 * dy, max(ys) + 0.08 * dy])
    base_layout(fig, title, height=height)
    fig.update_layout(legend=dict(orientation="h", y=-0.05))
    return fig


def scores_bar(df: pd.DataFrame, chosen: str | None = None, y_title: str = "top-1 accuracy",
               title: str | None = None, names: dict[str, str] | None = None) -> go.Figure:
    """Analogy accuracy of every space (rows with relation == "all" of ``views.vectors.scores_frame``);
    ``names`` shows a space under another label (a translation)."""
    d = df[df["relation"] == "all"]
    colours = [PALETTE[1] if s == chosen else PALETTE[0] for s in d["space"]]
    x = [(names or {}).get(s, s) for s in d["space"]]
    return _accuracy_bars(x, d["accuracy"].tolist(), colours, y_title, title)


def relation_bar(df: pd.DataFrame, space: str, y_title: str = "top-1 accuracy",
                 title: str | None = None, names: dict[str, str] | None = None) -> go.Figure:
    """Per-relation accuracy of one space (``names``: labels for the relations)."""
    d = df[(df["space"] == space) & (df["relation"] != "all")]
    x = [(names or {}).get(r, r) for r in d["relation"]]
    return _accuracy_bars(x, d["accuracy"].tolist(), PALETTE[2], y_title, title)


def _accuracy_bars(x: list, acc: list, colours, y_title: str, title: str | None) -> go.Figure:
    fig = go.Figure(go.Bar(x=x, y=acc, marker_color=colours,
                           text=[f"{100 * a:.0f}%" for a in acc], textposition="outside",
                           hovertemplate="%{x}: %{y:.1%}<extra></extra>"))
    fig.update_yaxes(title=y_title, range=[0, 1.12], tickformat=".0%")
    fig.update_xaxes(type="category")
    return base_layout(fig, title, height=300)


def word_map_figure(df: pd.DataFrame, group_labels: dict[str, str] | None = None,
                    title: str | None = None, all_labels: bool = False) -> go.Figure:
    """Scatter of words (``views.vectors.word_map``), one colour per group, labels on the points.
    Unless ``all_labels``, a label that would print over another is left out (``label_mask``;
    the word of your own group goes first); every word still shows on hover."""
    fig = go.Figure()
    labels = group_labels or {}
    df = df.reset_index(drop=True)
    keep = ([True] * len(df) if all_labels else
            label_mask(df["x"], df["y"], df["word"], priority=(df["group"] == "yours").astype(float)))
    for i, (g, d) in enumerate(df.groupby("group", sort=False)):
        yours = g == "yours"
        fig.add_trace(_words_trace(d, labels.get(g, g), PALETTE[i % len(PALETTE)], 14 if yours else 8, 11,
                                   symbol="star" if yours else "circle", text_colour="#000" if yours else None,
                                   labels=[keep[j] for j in d.index]))
    fig.update_layout(meta={"labels_shown": int(sum(keep)), "labels_total": len(df)})
    return _words_plane(fig, title, 560)


ROLE_COLOURS = {"a": PALETTE[0], "b": PALETTE[0], "c": PALETTE[5], "answer": PALETTE[5],
                "other": "#999999", "target": "#000000"}
# each arrow starts at a hollow point (a, c) and ends at a filled one (b, answer)
ROLE_SYMBOL = {"a": "circle-open", "b": "circle", "c": "circle-open", "answer": "circle", "other": "circle",
               "target": "x"}
# a and c (man, woman) and b and the answer (king, queen) often sit close together: label one of
# each pair above its point and the other below, so the two labels do not print over each other.
ROLE_TEXT = {"a": "top center", "b": "top center", "c": "bottom center", "answer": "bottom center",
             "other": "bottom center", "target": "middle right"}


def analogy_figure(points: pd.DataFrame, title: str | None = None,
                   role_labels: dict[str, str] | None = None) -> go.Figure:
    """The parallelogram a → b, c → answer (solid arrows) with a → c and b → answer dashed, the
    other candidates in grey and the point b − a + c as a cross."""
    p = {r: points[points["role"] == r].iloc[0] for r in ("a", "b", "c", "answer", "target")
         if (points["role"] == r).any()}
    fig = go.Figure()
    labels = role_labels or {}
    for u, v in (("a", "c"), ("b", "answer")):
        if u in p and v in p:
            fig.add_trace(go.Scatter(x=[p[u]["x"], p[v]["x"]], y=[p[u]["y"], p[v]["y"]], mode="lines",
                                     line=dict(dash="dot", color="#aaaaaa", width=1.5),
                                     hoverinfo="skip", showlegend=False))
    for u, v, col in (("a", "b", PALETTE[0]), ("c", "answer", PALETTE[5])):
        if u in p and v in p:
            fig.add_annotation(x=p[v]["x"], y=p[v]["y"], ax=p[u]["x"], ay=p[u]["y"], xref="x", yref="y",
                               axref="x", ayref="y", showarrow=True, arrowhead=3, arrowsize=1.4,
                               arrowwidth=2.5, arrowcolor=col, standoff=8, startstandoff=8, text="")
    # the other candidates' labels give way to the four words and to each other
    pts = points.reset_index(drop=True)
    keep = label_mask(pts["x"], pts["y"], pts["word"], priority=(pts["role"] != "other").astype(float),
                      width_px=700, height_px=300, font_px=10)
    for role in ("other", "a", "b", "c", "answer", "target"):
        d = pts[pts["role"] == role]
        if d.empty:
            continue
        other = role == "other"
        fig.add_trace(_words_trace(d, labels.get(role, role), ROLE_COLOURS[role], 9 if other else 13,
                                   10 if other else 12, symbol=ROLE_SYMBOL.get(role, "circle"),
                                   textposition=ROLE_TEXT[role],
                                   labels=[keep[j] for j in d.index] if other else True))
    return _words_plane(fig, title, 440)


def context_figure(points: pd.DataFrame, kind_labels: dict[str, str] | None = None,
                   title: str | None = None) -> go.Figure:
    """The two occurrences (A, B) among context-space neighbour words, PCA plane."""
    labels = kind_labels or {}
    style = {"neighbour": ("#777777", 8, "circle"), "A": (PALETTE[0], 16, "diamond"),
             "B": (PALETTE[5], 16, "diamond")}
    fig = go.Figure()
    for kind in ("neighbour", "A", "B"):
        d = points[points["kind"] == kind]
        if d.empty:
            continue
        col, size, sym = style[kind]
        fig.add_trace(_words_trace(d, labels.get(kind, kind), col, size, 11 if kind == "neighbour" else 13,
                                   symbol=sym))
    return _words_plane(fig, title, 420)


def cosine_line(df: pd.DataFrame, chosen: int | None = None, x_title: str = "layer",
                y_title: str = "cosine", title: str | None = None) -> go.Figure:
    """Cosine between the two occurrences at every layer (0 = embeddings + position)."""
    fig = go.Figure(go.Scatter(x=df["layer"].tolist(), y=df["cosine"].tolist(), mode="lines+markers",
                               line=dict(color=PALETTE[0], width=3), marker=dict(size=9),
                               hovertemplate="layer %{x}: %{y:.3f}<extra></extra>"))
    if chosen is not None:
        fig.add_vline(x=chosen, line=dict(color=PALETTE[1], dash="dot"))
    lo = min(0.0, float(df["cosine"].min()) - 0.05) if len(df) else 0.0
    fig.update_yaxes(title=y_title, range=[lo, 1.05])
    fig.update_xaxes(title=x_title, tickmode="linear", dtick=1)
    base_layout(fig, title, height=320)
    return fig
