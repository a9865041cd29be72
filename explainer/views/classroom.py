"""Class mode's page numbers: the current question of the class's lesson, the class's guesses beside
the model's own numbers, the join link's QR code and the CSV export. No Streamlit here."""

from __future__ import annotations

import io

import pandas as pd

from .lesson import text


def question_view(lesson: dict, step: int, lang: str) -> dict:
    """The step's title, text, question and options (with their labels) in ``lang``."""
    steps = lesson["steps"]
    s = steps[max(0, min(step, len(steps) - 1))]
    q = s["question"]
    labels = {str(o): text(q.get("labels", {}).get(str(o), {"en": str(o)}), lang) for o in q["options"]}
    return {"n": len(steps), "i": step, "page": s["page"], "title": text(s["title"], lang), "text": text(s["text"], lang),
            "ask": text(q["ask"], lang), "options": [str(o) for o in q["options"]], "labels": labels,
            "reveal": text(q["reveal"], lang), "question": q}


def reveal_frame(tally: dict[str, int], answer: dict, options: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """One row per option: how many students chose it, their share, and the model's number for it."""
    total = sum(tally.values())
    return pd.DataFrame({"option": options, "label": [labels[o] for o in options],
                         "students": [tally.get(o, 0) for o in options],
                         "share": [tally.get(o, 0) / total if total else 0.0 for o in options],
                         "model": [answer["scores"].get(o) for o in options],
                         "model_answer": [o == answer["answer"] for o in options]})


def join_url(base: str, code: str) -> str:
    return f"{base.rstrip('/')}/classroom?class={code}"


def qr_png(url: str, scale: int = 8) -> bytes:
    import segno
    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=scale, border=2)
    return buf.getvalue()


def csv_bytes(rows: list[dict]) -> bytes:
    """The teacher's CSV; a nickname or answer that a spreadsheet would run as a formula is defused."""
    from ..inputs import spreadsheet_safe
    df = pd.DataFrame(rows, columns=["step", "nickname", "answer", "answered_at"])
    for col in ("nickname", "answer"):
        df[col] = df[col].map(spreadsheet_safe)
    return df.to_csv(index=False).encode("utf-8")
