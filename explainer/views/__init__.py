"""What each page shows, computed: one module per concept, named like its page (``pages/lens.py``
→ ``views/lens.py``), its figures (``plots/lens.py``) and its messages (``text/lens.py``).

Pure functions over an ``LM`` and plain values; numpy arrays, dicts and DataFrames out; no
Streamlit. The engine and the scorecard never import these modules.
"""

# parameters above which a model is large (GPT-2 small: 124 M; ours: 3.5 M): its page views read less
# text — fewer neuron windows, a shorter held-out text and GPT sample — so a first view stays in seconds
LARGE_MODEL = 20_000_000


def visible(tok: str) -> str:
    """A token with its leading space and newlines shown (· and ↵), for tables and axis labels."""
    return tok.replace(" ", "·").replace("\n", "↵") if tok.strip() != tok or "\n" in tok else tok


def percent(p: float) -> str:
    """A probability as a student reads it: ``"< 0.1 %"``, ``"4.2 %"``, ``"99.97 %"``, ``"> 99.99 %"``.

    >>> percent(1.38e-09), percent(0.04213), percent(0.99972)
    ('< 0.1 %', '4.2 %', '99.97 %')
    """
    p = float(p)
    if p < 0.0005:
        return "0 %" if p <= 0 else "< 0.1 %"
    if p > 0.99995:
        return "100 %" if p >= 1 else "> 99.99 %"
    if p >= 0.995:
        return f"{100 * p:.2f} %"
    return f"{100 * p:.1f} %"
