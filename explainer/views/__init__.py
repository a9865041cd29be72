"""What each page shows, computed: one module per concept, named like its page (``pages/lens.py``
→ ``views/lens.py``), its figures (``plots/lens.py``) and its messages (``text/lens.py``).

Pure functions over an ``LM`` and plain values; numpy arrays, dicts and DataFrames out; no
Streamlit. The engine and the scorecard never import these modules.
"""


def visible(tok: str) -> str:
    """A token with its leading space and newlines shown (· and ↵), for tables and axis labels."""
    return tok.replace(" ", "·").replace("\n", "↵") if tok.strip() != tok or "\n" in tok else tok
