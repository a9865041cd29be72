"""Text as it arrives from a user, a link or a file, made safe once where it enters.

A browser, a crafted link or a paste handler can hand Python a string with lone surrogate code
points (half of a UTF-16 pair) or NUL characters. Neither can be written as UTF-8 (the tokenizer,
a file, PostgreSQL would raise), so they are replaced with U+FFFD, the "replacement character" (�)
every text tool shows for a character it could not read.

>>> clean_text("caf\\udce9 ok")
('caf� ok', 1)
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_UNWRITABLE = re.compile("[\ud800-\udfff\x00]")


def clean_text(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate and NUL replaced by U+FFFD, and how many were replaced."""
    if not isinstance(text, str):
        return text, 0
    return _UNWRITABLE.subn(REPLACEMENT, text)
