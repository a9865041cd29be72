"""Text as it arrives from a user, a link or a file, made safe once where it enters.

A browser, a crafted link or a paste handler can hand Python a string with lone surrogate code
points (half of a UTF-16 pair) or NUL characters. Neither can be written as UTF-8 (the tokenizer,
a file, PostgreSQL would raise), so they are replaced with U+FFFD, the "replacement character" (�)
every text tool shows for a character it could not read.

>>> clean_text("caf\\udce9 ok")
('caf� ok', 1)
"""

from __future__ import annotations

import math
import re

REPLACEMENT = "\ufffd"
_UNWRITABLE = re.compile("[\ud800-\udfff\x00]")


def clean_text(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate and NUL replaced by U+FFFD, and how many were replaced."""
    if not isinstance(text, str):
        return text, 0
    return _UNWRITABLE.subn(REPLACEMENT, text)


_WORD_JOINER = "\u2060"
_MARKDOWN = re.compile(r"([\\`*_\[\]<>~$|]|:(?=\S))")     # ":" only where it could open :emoji: or :red[


def plain(text) -> str:
    """``text`` for a markdown message (every Streamlit message is one), shown exactly as typed:
    line breaks become spaces (so nothing starts a list, heading or table), every character
    markdown or Streamlit would act on mid-line (links, images, emphasis, ``:red[…]``, ``$…$``,
    HTML) is backslash-escaped, and an invisible word joiner after ``:`` in ``://``, in ``www.`` and
    before ``@`` keeps the renderer from turning a bare address into a link. For error details and
    names that came from a user, a file or a link (tests/browser holds that none makes a link).

    >>> print(plain("![x](y) **b**"))
    !\\[x\\](y) \\*\\*b\\*\\*
    """
    s = " ".join(str(text).splitlines()).replace("://", ":" + _WORD_JOINER + "//").replace("www.", "www" + _WORD_JOINER + ".")
    return _MARKDOWN.sub(r"\\\1", s.replace("@", _WORD_JOINER + "@"))


_ABSOLUTE_PATH = re.compile(r"(?<![\w.:/])(?:/[^\s/'\"()<>,;]+){2,}/?")


def no_paths(text) -> str:
    """``text`` with every absolute file path cut to its last part ("…/model.safetensors"): an error
    detail can hold where the server keeps its files, which no screen should show (the log does).

    >>> no_paths("No space left on device: '/srv/jobs/4f1c/model.safetensors.tmp'")
    "No space left on device: '…/model.safetensors.tmp'"
    """
    return _ABSOLUTE_PATH.sub(lambda m: "…/" + m.group(0).rstrip("/").rsplit("/", 1)[-1], str(text))


def shortened(text: str, n: int = 40) -> str:
    """At most ``n`` characters of ``text``, with … where it was cut (what a message repeats of a value)."""
    return text[:n] + "…" if len(text) > n else text


def literal(text) -> str:
    """``text`` as a markdown code span: shown exactly as typed, never as a link, an image or
    formatting (Streamlit renders its messages as markdown). For values from a link or a user that a
    message echoes.

    >>> literal("![](//198.51.100.7/a)")
    '`![](//198.51.100.7/a)`'
    """
    s = str(text).replace("\n", " ").replace("\r", " ")
    longest = max((len(run) for run in re.findall("`+", s)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


SPREADSHEET_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    """A text cell that a spreadsheet would run as a formula (it begins with = + - @, a tab or a CR)
    gets a leading apostrophe, as OWASP advises for CSV exports; other values pass unchanged."""
    if isinstance(cell, str) and cell.startswith(SPREADSHEET_FORMULA):
        return "'" + cell
    return cell


# ---- numbers from a caller, a widget or a link: one check each, at the edge ------------------------

class InputError(ValueError):
    """Input the model cannot run on (empty prompt, bad setting); the message is for the user."""


def whole(name: str, value, lo: int | None = None, hi: int | None = None) -> int:
    """``value`` (an int, a whole float or the text of one) as an int in ``lo … hi`` (each optional),
    or an InputError naming the argument and the range.

    >>> whole("k", "3", 1, 10)
    3
    """
    v = None
    if not isinstance(value, bool):
        try:
            f = float(value)
            if f.is_integer():
                v = int(value) if isinstance(value, int) else int(f)
        except (TypeError, ValueError, OverflowError):
            v = None
    if v is None or (lo is not None and v < lo) or (hi is not None and v > hi):
        where = (f" from {lo:,} to {hi:,}" if lo is not None and hi is not None
                 else f" ≥ {lo:,}" if lo is not None else f" ≤ {hi:,}" if hi is not None else "")
        raise InputError(f"{name} must be a whole number{where} (got {value!r})")
    return v


def number(name: str, value, lo: float, hi: float) -> float:
    """``value`` as a finite float in ``lo … hi``, or an InputError naming the argument and the range.

    >>> number("top_p", "0.9", 0, 1)
    0.9
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = math.nan
    if isinstance(value, bool) or not (math.isfinite(v) and lo <= v <= hi):
        raise InputError(f"{name} must be a number from {lo:g} to {hi:g} (got {value!r})")
    return v
