"""A damaged or missing model never breaks a page: every page, for every damage case in
tests/damage.py, shows the same clear message (the file, what is wrong) and a button back to the
bundled model, with 0 exceptions; a damaged snapshot or server-folder model is marked, not offered."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from explainer.i18n import t
from pages.frame.menu import PAGES
from tests.apphelp import APP, shown
from tests.damage import CASES, damaged_copy

USABLE = {"merges missing", "merges not json", "merges wrong shape", "snapshot truncated"}     # the model still works: the pages must too


def _opening(key: str) -> str:
    return t(key).split("{")[0]


def _open(page: str, state: dict | None = None) -> AppTest:
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (state or {}).items():
        at.session_state[k] = v
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    return at


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_page_survives_a_damaged_model(case, tmp_path, monkeypatch):
    file, _ = CASES[case]
    folder = damaged_copy(case, tmp_path / "served")
    monkeypatch.setenv("EXPLAINER_CHECKPOINT", str(folder))
    for name, _, _ in PAGES:
        at = _open(name)
        assert not at.exception, (case, name, at.exception[0].message)
        errors = [shown(e.value) for e in at.error]
        if case in USABLE:
            assert not any(e.startswith(_opening("app.model.unusable")) for e in errors), (case, name)
            continue
        msg = [e for e in errors if e.startswith(_opening("app.model.unusable"))]
        assert len(msg) == 1, (case, name, errors)
        assert (f"served/{file}" if file else "'served'") in msg[0], (case, name, msg[0])   # which file
        assert str(tmp_path) not in msg[0]                                 # never the server's own path
        assert at.button(key="_use_bundled_btn")
    if case in USABLE:
        if case == "snapshot truncated":                                   # marked in the sidebar
            at = _open("overview")
            assert any(c.value.startswith(_opening("app.model.damaged_list")) and "step_00200" in shown(c.value)
                       for c in at.sidebar.caption), [c.value for c in at.sidebar.caption]
        return
    at.button(key="_use_bundled_btn").click().run()                        # back to the bundled model
    assert not at.exception and not at.error
    assert at.session_state["_use_bundled"] is True
    at.switch_page("pages/attention.py").run()
    assert not at.exception and not at.error


def test_a_damaged_model_in_the_server_folder_is_marked_not_offered(tmp_path, monkeypatch):
    damaged_copy("weights truncated", tmp_path / "runs" / "broken")
    damaged_copy("merges missing", tmp_path / "runs" / "fine")
    monkeypatch.setenv("EXPLAINER_MODELS", str(tmp_path / "runs"))
    monkeypatch.delenv("EXPLAINER_CHECKPOINT", raising=False)
    at = _open("overview")
    assert not at.exception
    options = at.sidebar.selectbox(key="_model_box").options
    assert t("app.model.folder", name="fine") in options
    assert not any("broken" in o for o in options)
    marks = [c.value for c in at.sidebar.caption if c.value.startswith(_opening("app.model.damaged_list"))]
    assert marks and "broken" in marks[0] and "model.safetensors" in marks[0], [c.value for c in at.sidebar.caption]
    # a link or an old session that still asks for it: the message, and the finished model
    at = _open("overview", state={"model_choice": "folder:broken"})
    assert not at.exception
    assert any(e.value.startswith(_opening("app.model.folder_error")) for e in at.error)
    assert at.session_state["model_choice"] == "bundled"
