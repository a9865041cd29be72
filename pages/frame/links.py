"""The address is the state a teacher shares: the page's main controls in the link (read once,
written back every run) and the link that reopens this exact view."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

import streamlit as st

from explainer.inputs import clean_text, literal, number, shortened, whole

from .language import t
from .menu import here

GLOBAL_LINK_KEYS = ("lang", "model", "prompt", "present", "lesson", "step")


# ---- parsers: a link's text → a control's value, or ValueError ------------------------------------
# Numbers are checked by the engine's one checker for each kind (explainer.inputs.whole / number).

def as_int(lo: int, hi: int):
    return lambda s: whole("value", s, lo, hi)


def as_float(lo: float, hi: float):
    return lambda s: number("value", s, lo, hi)


def as_choice(options):
    def parse(s: str):
        if s not in options:
            raise ValueError(s)
        return s
    return parse


def as_int_choice(options):
    """A whole number that must be one of ``options`` (e.g. the steps of the kept snapshots)."""
    def parse(s: str) -> int:
        v = whole("value", s)
        if v not in options:
            raise ValueError(s)
        return v
    return parse


def as_text(limit: int = 500):
    def parse(s: str) -> str:
        if len(s) > limit:
            raise ValueError(s[:20] + "…")
        return s
    return parse


def as_bool(s: str) -> bool:
    if s.lower() in ("1", "true", "yes", "on"):
        return True
    if s.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(s)


def as_int_list(lo: int, hi: int):
    def parse(s: str) -> list[int]:
        return sorted({whole("value", x, lo, hi) for x in s.split(",") if x.strip()})
    return parse


def _link_value(v) -> str:
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, (list, tuple)):
        return ",".join(str(x) for x in v)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def linked(keys: dict) -> None:
    """Keep a page's main controls in the address, so a link reopens the same view. ``keys``: session
    key → parser (``as_int(0, 5)``, ``as_choice([...])``…). The first time a session shows this page,
    values in the link are read into the session (a bad or stale one: a notice, and the default);
    every run then writes the current values into the address. Call it before the page draws the
    widgets of these keys."""
    done = st.session_state.setdefault("_linked_pages", set())
    if here() not in done:
        done.add(here())
        for key, parse in keys.items():
            raw = st.query_params.get(key)
            if raw is None:
                continue
            try:
                st.session_state[key] = parse(clean_text(raw)[0])
            except (ValueError, TypeError):
                st.info(t("app.link.bad", name=key, value=literal(shortened(clean_text(raw)[0]))))
    for name in list(st.query_params):               # other pages' controls leave the address
        if name not in GLOBAL_LINK_KEYS and name not in keys:
            del st.query_params[name]
    st.session_state["_page_link_keys"] = list(keys)
    write_page_link()


def linked_part(fn):
    """``st.fragment`` for a part of a page whose controls are in the link (``linked``): a control in
    it reruns that part only, and the part then writes the page's controls into the address."""
    @functools.wraps(fn)
    def part(*args, **kwargs):
        fn(*args, **kwargs)
        write_page_link()
    return st.fragment(part)


def write_page_link() -> None:
    """The current page's linked controls into the address (again after the page has run)."""
    for key in st.session_state.get("_page_link_keys", []):
        if key in st.session_state:
            value = _link_value(st.session_state[key])
            if st.query_params.get(key) != value:
                st.query_params[key] = value


def read_link_once() -> None:
    """On a session's first run: the prompt, the model and presenter mode from the link."""
    if st.session_state.get("_link_read"):
        return
    st.session_state["_link_read"] = True
    q = st.query_params
    if q.get("prompt"):
        st.session_state["prompt"] = q["prompt"]         # (cut and cleaned, with a notice, in the sidebar)
    if q.get("model"):
        st.session_state["_link_model"] = clean_text(q["model"])[0][:120]     # checked in the sidebar
    if "present" in q:
        try:
            st.session_state["present"] = as_bool(q["present"])
        except ValueError:
            st.session_state["present"] = False


def write_link(prompt: str) -> None:
    """The shared values into the address (language is written by the sidebar); the page's own
    controls are added by the page (``linked``)."""
    st.session_state["_page_link_keys"] = []
    if st.query_params.get("prompt") != prompt:
        st.query_params["prompt"] = prompt
    if st.session_state.get("present"):
        st.query_params["present"] = "1"
    elif "present" in st.query_params:
        del st.query_params["present"]


def share_box() -> None:
    """The link to this exact view, ready to copy (the code box has a copy button). Opening the box
    runs the page again, so the link is made then: a part of a page that ran on its own (a fragment:
    the merge slider, one attention head) has changed the view since the page last ran. Closed, the
    box holds nothing, and no page sends a code box it does not show."""
    write_page_link()
    box = st.sidebar.popover(t("app.share"), icon=":material/link:", width="stretch", key="app.share_box",
                             on_change="rerun")
    if not box.open:
        return
    try:
        base = (st.context.url or "").split("?")[0]
    except Exception:        # noqa: BLE001 — no browser (AppTest)
        base = ""
    link = base + "?" + urlencode({k: st.query_params[k] for k in st.query_params})
    with box:
        st.caption(t("app.share.help"))
        st.code(link, language=None, wrap_lines=True)
