"""The server's settings: the environment variables whoever runs the app may set, one home for all.

Each is read here and checked against what it may be; ``problems()`` lists every setting that is
out of range (the app refuses to start with that list, naming each setting), ``get(name)`` gives a
setting's checked value (the default when it is unset or empty). A value is never guessed: ``abc``,
``-1`` or ``2.5`` for a number of trainings is an error, not the default. No Streamlit here.

=========================  ================================================================
``EXPLAINER_CHECKPOINT``   the model to serve instead of the bundled one (a checkpoint folder;
                           its files are checked when it is loaded, and a damaged one offers
                           the bundled model instead)
``EXPLAINER_MODELS``       a folder of checkpoint folders offered in the model menu
``EXPLAINER_MAX_LOAD_MB``  the most memory one model's weights may take when loaded (MB)
``EXPLAINER_MAX_TRAININGS`` how many trainings run at once (the others wait in a queue)
``EXPLAINER_JOBS_DIR``     where trainings keep their checkpoints
``EXPLAINER_WARM_UP``      ``0`` turns off opening every page once when the server starts
``EXPLAINER_RUN_QUEUE``    ``0`` lets page runs share the CPU instead of taking turns
``EXPLAINER_OFFLINE``      ``1``: never download anything (GPT-2 from Hugging Face says it cannot
                           be had, at once); a GPT-2 folder in ``EXPLAINER_MODELS`` still works
``EXPLAINER_GPT2_CACHE``   where downloaded GPT-2 models are kept (default: Hugging Face's cache)
``DATABASE_URL``           class mode's PostgreSQL (``postgresql://…``); unset: a SQLite file
``EXPLAINER_CLASS_DB``     that SQLite file (default: in the temp folder)
=========================  ================================================================
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable


class SettingError(ValueError):
    """A setting is out of range; the message starts with the setting's name."""


@dataclass(frozen=True)
class Setting:
    name: str
    means: str                                   # what it sets, and what it may be (for the message and docs)
    parse: Callable[[str, "Setting"], Any]       # the raw text → the value, or SettingError
    default: Callable[[], Any]


def _whole(lo: int, hi: int):
    def parse(raw: str, s: Setting) -> int:
        text = raw.strip()
        if not (text.isascii() and text.isdigit()) or not lo <= int(text) <= hi:
            raise SettingError(f"{s.name}={_shown(raw)} is not {s.means}")
        return int(text)
    return parse


def _choice(*allowed: str):
    def parse(raw: str, s: Setting) -> str:
        if raw.strip() not in allowed:
            raise SettingError(f"{s.name}={_shown(raw)} is not {s.means}")
        return raw.strip()
    return parse


def _folder(must_exist: bool):
    def parse(raw: str, s: Setting) -> Path:
        p = Path(raw).expanduser()
        if p.exists() and not p.is_dir():
            raise SettingError(f"{s.name} names a file, not a folder: it must be {s.means}")
        if must_exist and not p.is_dir():
            raise SettingError(f"{s.name} names a folder that does not exist: it must be {s.means}")
        if not must_exist and not p.exists() and not p.parent.is_dir():
            raise SettingError(f"{s.name} names a folder whose parent does not exist: it must be {s.means}")
        return p
    return parse


def _file(raw: str, s: Setting) -> Path:
    p = Path(raw).expanduser()
    if p.is_dir():
        raise SettingError(f"{s.name} names a folder: it must be {s.means}")
    if not p.parent.is_dir():
        raise SettingError(f"{s.name} names a file in a folder that does not exist: it must be {s.means}")
    return p


def _postgres(raw: str, s: Setting) -> str:
    url = raw.strip()
    if not url.startswith(("postgresql://", "postgres://")):
        scheme = url.split("://", 1)[0] + "://" if "://" in url else "a value without a scheme"
        # only the scheme is repeated: the rest of a database URL holds a password
        raise SettingError(f"{s.name} starts with {_shown(scheme)}; it must be {s.means} "
                           "(unset it to keep classes in a SQLite file on this server)")
    return url


def _shown(raw: str) -> str:
    return repr(raw[:40] + ("…" if len(raw) > 40 else ""))


def _trainings_default() -> int:
    return max(1, min(4, (os.cpu_count() or 1) // 2))


SETTINGS = {s.name: s for s in [
    Setting("EXPLAINER_CHECKPOINT", "a checkpoint folder", lambda raw, s: Path(raw).expanduser(), lambda: None),
    Setting("EXPLAINER_MODELS", "an existing folder of checkpoint folders", _folder(True), lambda: None),
    Setting("EXPLAINER_MAX_LOAD_MB", "a whole number of megabytes from 50 to 1048576", _whole(50, 1_048_576),
            lambda: 1024),
    Setting("EXPLAINER_MAX_TRAININGS", "a whole number from 1 to 64", _whole(1, 64), _trainings_default),
    Setting("EXPLAINER_JOBS_DIR", "a folder this server may write to", _folder(False),
            lambda: Path(tempfile.gettempdir()) / "explainer-jobs"),
    Setting("EXPLAINER_WARM_UP", "0 (off) or 1 (on)", _choice("0", "1"), lambda: "1"),
    Setting("EXPLAINER_RUN_QUEUE", "0 (page runs share the CPU) or 1 (they take turns)", _choice("0", "1"),
            lambda: "1"),
    Setting("EXPLAINER_OFFLINE", "0 (downloads allowed) or 1 (never download)", _choice("0", "1"), lambda: "0"),
    Setting("EXPLAINER_GPT2_CACHE", "a folder this server may write to", _folder(False), lambda: None),
    Setting("DATABASE_URL", "a PostgreSQL URL, postgresql://user:password@host:5432/database", _postgres,
            lambda: None),
    Setting("EXPLAINER_CLASS_DB", "a file path for the class SQLite database", _file,
            lambda: Path(tempfile.gettempdir()) / "explainer-classes.sqlite3"),
]}


def is_set(name: str) -> bool:
    return bool(os.environ.get(name, "").strip())


def get(name: str) -> Any:
    """The checked value of setting ``name`` (its default when unset or empty); SettingError names it."""
    s = SETTINGS[name]
    raw = os.environ.get(name, "")
    return s.parse(raw, s) if raw.strip() else s.default()


def problems() -> list[str]:
    """One message per setting that is out of range (empty: every setting is usable)."""
    out = []
    for name in SETTINGS:
        try:
            get(name)
        except SettingError as e:
            out.append(str(e))
    return out
