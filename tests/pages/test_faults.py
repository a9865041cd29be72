"""Damaged files and oversized input in the app: a clear message in the page, never a traceback."""

from explainer.checkpoint import MERGES, TOKENIZER, list_snapshots
from explainer.i18n import t
from pages.frame.prompt import MAX_PROMPT
from explainer.views.tokens import MAX_TEXT
from tests.apphelp import open_app, shown


def _opening(key: str) -> str:
    """A message's words before its first placeholder: found whatever fills it."""
    return t(key).split("{")[0]


def test_a_damaged_snapshot_falls_back_to_the_model_and_names_the_file(monkeypatch, tiny_copy):
    step, path = list_snapshots(tiny_copy)[1]
    path.write_bytes(path.read_bytes()[:100])                     # truncated
    at = open_app(monkeypatch, tiny_copy, state={"model_choice": str(path)})
    assert not at.exception
    errors = [shown(e.value) for e in at.error]
    assert any(e.startswith(_opening("app.snapshot_error")) and path.name in e for e in errors), errors
    assert at.title[0].value == t("overview.title")               # the page goes on, on the bundled model
    at.switch_page("pages/lens.py").run()
    assert not at.exception
    at = open_app(monkeypatch, tiny_copy)                          # the damaged snapshot is not offered
    assert str(path) not in at.sidebar.selectbox(key="_model_box").options


def test_a_damaged_merges_file_is_a_message_on_the_tokens_page(monkeypatch, tiny_copy):
    (tiny_copy / MERGES).write_text("{ this is not json")
    at = open_app(monkeypatch, tiny_copy, "pages/tokens.py")
    assert not at.exception
    assert any(w.value.startswith(_opening("tokens.bpe.damaged")) and MERGES in w.value for w in at.warning)
    assert at.metric                                             # the tokens above it are still shown


def test_a_damaged_tokenizer_is_a_message(monkeypatch, tiny_copy):
    (tiny_copy / TOKENIZER).write_text("not base64 at all\n")
    at = open_app(monkeypatch, tiny_copy)
    assert not at.exception
    assert any(e.value.startswith(_opening("app.model.unusable")) and TOKENIZER in e.value for e in at.error)


def test_a_huge_prompt_is_cut_with_a_notice(monkeypatch):
    text = "The cat sat on the mat. " * 1000                       # 24,000 characters
    at = open_app(monkeypatch, state={"prompt": text})
    assert not at.exception
    assert at.session_state["prompt"] == text[-MAX_PROMPT:]
    assert any(i.value == t("app.prompt_cut", n=f"{MAX_PROMPT:,}") for i in at.info)


def test_a_huge_text_on_the_tokens_page_is_cut_with_a_notice(monkeypatch):
    at = open_app(monkeypatch, None, "pages/tokens.py")
    at.session_state["tokens.text"] = "🍕 and cats " * 10_000           # 110,000 characters
    at.run()
    assert not at.exception
    assert len(at.session_state["tokens.text"]) == MAX_TEXT
    assert any(i.value == t("tokens.cut", n=f"{MAX_TEXT:,}") for i in at.info)


def test_the_sampling_panel_stops_at_its_stated_maximum(monkeypatch, bundled_lm):
    at = open_app(monkeypatch, None, "pages/sampling.py")
    full = 1_000                                        # pages/sampling.py: MAX_GENERATED
    at.session_state["sampling.gen"] = [bundled_lm.encode(" the")[0]] * full
    at.session_state["sampling.gen_prompt"] = at.session_state["prompt"]
    at.run()
    assert not at.exception
    assert any(i.value == t("sampling.full", n=f"{full:,}") for i in at.info)
    assert at.button(key="sampling.next_btn").disabled and at.button(key="sampling.gen_btn").disabled
    at.button(key="sampling.reset_btn").click().run()
    assert not at.exception and at.session_state["sampling.gen"] == []
    assert not at.button(key="sampling.next_btn").disabled


def test_a_preset_that_replaces_the_prompt_offers_an_undo(monkeypatch):
    from explainer import demos
    at = open_app(monkeypatch, state={"prompt": "My own sentence about cats"})
    at.switch_page("pages/lens.py").run()
    at.button(key="lens.preset_btn").click().run()
    assert not at.exception and at.session_state["prompt"] == demos.WARSAW_PROMPT
    assert at.session_state["_prompt_undo"] == "My own sentence about cats"
    at = open_app(monkeypatch, state={"prompt": demos.WARSAW_PROMPT, "_prompt_undo": "My own sentence about cats"})
    assert any(c.value == t("app.preset_replaced") for c in at.caption)
    at.button(key="_prompt_undo_btn").click().run()
    assert not at.exception and at.session_state["prompt"] == "My own sentence about cats"
    assert "_prompt_undo" not in at.session_state


def test_a_huge_prompt_in_a_link_is_cut_with_the_same_notice(monkeypatch):
    text = "The cat sat on the mat. " * 1000
    at = open_app(monkeypatch, query={"prompt": text})
    assert not at.exception
    assert at.session_state["prompt"] == text[-MAX_PROMPT:]
    assert any(i.value == t("app.prompt_cut", n=f"{MAX_PROMPT:,}") for i in at.info)


def test_a_served_model_with_a_link_outside_is_marked_not_offered(monkeypatch, tiny_dir, tmp_path):
    """$EXPLAINER_MODELS holds a good model and one whose config.json links outside its folder:
    the good one is offered, the other marked in the sidebar with the file named; no page raises,
    even when a link asks for the refused one."""
    import shutil

    from tests.apphelp import shown
    runs = tmp_path / "runs"
    shutil.copytree(tiny_dir, runs / "good", ignore=shutil.ignore_patterns("data"))
    shutil.copytree(tiny_dir, runs / "linked", ignore=shutil.ignore_patterns("data"))
    outside = tmp_path / "outside.json"
    shutil.move(runs / "linked" / "config.json", outside)
    (runs / "linked" / "config.json").symlink_to(outside)
    monkeypatch.setenv("EXPLAINER_MODELS", str(runs))
    at = open_app(monkeypatch, None, query={"lang": "en"})
    assert not at.exception
    box = at.selectbox(key="_model_box")
    assert t("app.model.folder", name="good") in box.options
    assert not any("linked" in o for o in box.options)
    marks = [shown(c.value) for c in at.sidebar.caption if c.value.startswith(_opening("app.model.damaged_list"))]
    assert marks and "linked/config.json" in marks[0] and "outside its model folder" in marks[0], marks
    assert str(tmp_path) not in marks[0]
    at = open_app(monkeypatch, None, query={"lang": "en"}, state={"model_choice": "folder:linked"})
    assert not at.exception
