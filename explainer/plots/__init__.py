"""Figures: pure functions, data in, ``plotly.graph_objects.Figure`` out (no Streamlit here).

Colour scales are colour-blind safe (viridis/cividis for magnitudes, blue–orange for signed values).
Heatmaps use integer axes with tick text so repeated tokens keep their own rows and columns.
"""

from __future__ import annotations

import plotly.graph_objects as go

from ..views import visible  # noqa: F401 — the plots' name for it (axis labels)

SEQ = "Viridis"          # magnitudes (probabilities, attention)
SEQ_SOFT = "Cividis"
DIVERGING = [[0.0, "#2166ac"], [0.5, "#f7f7f7"], [1.0, "#e66101"]]   # blue – white – orange
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def base_layout(fig: go.Figure, title: str | None = None, height: int | None = None) -> go.Figure:
    fig.update_layout(title=title, margin=dict(l=10, r=10, t=40 if title else 10, b=10),
                      height=height, template="plotly_white", font=dict(size=13))
    return fig


def label_positions(tokens: list[str]) -> list[str]:
    """Distinct axis labels even when a token repeats: ``"John"`` at 3 and 9 → ``"3: John"``."""
    return [f"{i}: {t}" for i, t in enumerate(tokens)]


