"""The bundled Chinese model in the app: offered in the sidebar, a prompt typed in Chinese read as the
model's words, and every page renders on it (a small Chinese model stands in for it here)."""

import pytest

from explainer import demos
from pages.frame.menu import PAGES
from tests.apphelp import open_app


@pytest.fixture(scope="module")
def zh_dir(tmp_path_factory):
    from explainer.train import train
    out = tmp_path_factory.mktemp("zh") / "model_zh"
    train("tiny", out, lang="zh", steps=30, precision="fp32", progress=False, log=lambda m: None, compile="off")
    return out


@pytest.fixture
def zh_bundled(monkeypatch, zh_dir):
    import explainer
    monkeypatch.setattr(explainer.lm, "ASSETS_ZH", zh_dir)
    return zh_dir


def test_the_chinese_model_is_offered_and_takes_its_example_prompt(monkeypatch, zh_bundled):
    at = open_app(monkeypatch, query={"lang": "zh"})
    box = at.sidebar.selectbox(key="model_choice")
    assert "bundled_zh" in box.options or any("中文" in str(o) for o in box.options)
    box.set_value("bundled_zh").run()
    assert not at.exception
    assert at.session_state["prompt"] == demos.ZH.IOI_PROMPT            # the untouched example follows
    # (AppTest draws the sidebar on an app's first run only: open it again for the way back)
    at = open_app(monkeypatch, state={"model_choice": "bundled_zh", "prompt": demos.ZH.IOI_PROMPT})
    at.sidebar.selectbox(key="model_choice").set_value("bundled").run()
    assert at.session_state["prompt"] == demos.EN.IOI_PROMPT


def test_a_typed_prompt_stays_when_the_model_changes(monkeypatch, zh_bundled):
    at = open_app(monkeypatch, state={"prompt": "我的猫很可爱"})
    at.sidebar.selectbox(key="model_choice").set_value("bundled_zh").run()
    assert not at.exception and at.session_state["prompt"] == "我的猫很可爱"


@pytest.mark.parametrize("page", [name for name, _, _ in PAGES])
def test_every_page_renders_on_the_chinese_model(monkeypatch, zh_bundled, page):
    at = open_app(monkeypatch, query={"lang": "zh"},
                  state={"model_choice": "bundled_zh", "prompt": demos.ZH.WARSAW_PROMPT})
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, (page, at.exception[0].message if at.exception else "")


def test_presets_use_the_models_language(monkeypatch, zh_bundled):
    """On the Chinese model the presets set Chinese prompts and words (demos.ZH), and the same
    buttons on the English model set the English ones."""
    at = open_app(monkeypatch, page="pages/lens.py", state={"model_choice": "bundled_zh"})
    at.button(key="lens.preset_btn").click().run()
    assert not at.exception
    assert at.session_state["prompt"] == demos.ZH.WARSAW_PROMPT
    assert at.session_state["lens.words"] == f"{demos.ZH.WARSAW_ANSWER}, {demos.ZH.WARSAW_SUBJECT}"
    at = open_app(monkeypatch, page="pages/attention.py", state={"model_choice": "bundled_zh"})
    at.button(key="attention.btn.ioi").click().run()
    assert not at.exception
    assert at.session_state["prompt"] == demos.ZH.IOI_PROMPT and at.session_state["attention.answer"] == "小红"
    at = open_app(monkeypatch, page="pages/attention.py")
    at.button(key="attention.btn.ioi").click().run()
    assert at.session_state["prompt"] == demos.EN.IOI_PROMPT and at.session_state["attention.answer"] == "Mary"
