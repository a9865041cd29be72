"""The bundled Chinese model in the app: offered in the sidebar, a prompt typed in Chinese read as the
model's words, and every page renders on it (a small Chinese model stands in for it here)."""

import pytest

from explainer import demos
from explainer.i18n import t
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
    box = at.sidebar.selectbox(key="_model_box")
    assert "bundled_zh" in box.options or any("中文" in str(o) for o in box.options)
    box.set_value("bundled_zh").run()
    assert not at.exception
    assert at.session_state["prompt"] == demos.ZH.IOI_PROMPT            # the untouched example follows
    # (AppTest draws the sidebar on an app's first run only: open it again for the way back)
    at = open_app(monkeypatch, state={"model_choice": "bundled_zh", "prompt": demos.ZH.IOI_PROMPT})
    at.sidebar.selectbox(key="_model_box").set_value("bundled").run()
    assert at.session_state["prompt"] == demos.EN.IOI_PROMPT


def test_chinese_pages_open_on_the_chinese_model_and_the_link_carries_it(monkeypatch, zh_bundled):
    at = open_app(monkeypatch, query={"lang": "zh"})
    assert not at.exception
    assert at.session_state["model_choice"] == "bundled_zh"
    assert at.session_state["prompt"] == demos.ZH.IOI_PROMPT
    assert at.query_params["model"] == "bundled_zh"
    at = open_app(monkeypatch, query={"lang": "en"})
    assert at.session_state["model_choice"] == "bundled" and at.query_params["model"] == "bundled"
    assert at.session_state["prompt"] == demos.EN.IOI_PROMPT


def test_a_link_names_the_model_whatever_the_language(monkeypatch, zh_bundled):
    at = open_app(monkeypatch, query={"lang": "zh", "model": "bundled"})
    assert not at.exception and at.session_state["model_choice"] == "bundled"
    assert at.session_state["prompt"] == demos.EN.IOI_PROMPT
    at = open_app(monkeypatch, query={"lang": "en", "model": "bundled_zh"})
    assert at.session_state["model_choice"] == "bundled_zh"
    at = open_app(monkeypatch, query={"lang": "zh", "model": "gpt-9000"})
    assert not at.exception and at.session_state["model_choice"] == "bundled_zh"
    assert any("gpt-9000" in i.value and "model" in i.value for i in at.sidebar.info)


def test_a_snapshot_travels_in_the_link_as_its_step(monkeypatch, zh_bundled):
    import explainer
    step, path = explainer.load().snapshots()[0]
    at = open_app(monkeypatch, query={"model": f"step:{step}"})
    assert not at.exception and at.query_params["model"] == f"step:{step}"
    assert at.session_state["model_choice"] == str(path)


def test_the_chinese_models_snapshots_are_offered_and_linked(monkeypatch, zh_bundled):
    import explainer
    step, path = explainer.load(zh_bundled).snapshots()[-1]
    at = open_app(monkeypatch, query={"lang": "zh"})
    from explainer.i18n import t
    options = at.sidebar.selectbox(key="_model_box").options                  # (AppTest lists the labels)
    assert t("app.model.snapshot", "zh", step=step) in options                 # its own snapshots …
    assert t("app.model.snapshot", "zh", step=5000) not in options             # … not the English model's
    at = open_app(monkeypatch, query={"lang": "en", "model": f"zh:step:{step}"})
    assert not at.exception and at.session_state["model_choice"] == str(path)
    assert at.query_params["model"] == f"zh:step:{step}"
    assert at.session_state["prompt"] == demos.ZH.IOI_PROMPT                  # it reads Chinese


def test_the_language_brings_its_model_until_one_is_picked(monkeypatch, zh_bundled):
    at = open_app(monkeypatch, query={"lang": "en"})
    at.sidebar.selectbox(key="_lang_box").set_value("zh").run()
    assert at.session_state["model_choice"] == "bundled_zh"
    assert at.session_state["prompt"] == demos.ZH.IOI_PROMPT
    # a model the user picked stays (AppTest draws the sidebar only on an app's first run, so the
    # model box's own key is gone after it: the example prompt, which follows the model, tells)
    at = open_app(monkeypatch, query={"lang": "en"}, state={"_model_picked": True})
    at.sidebar.selectbox(key="_lang_box").set_value("zh").run()
    assert not at.exception and at.session_state["prompt"] == demos.EN.IOI_PROMPT


def test_a_typed_prompt_stays_when_the_model_changes(monkeypatch, zh_bundled):
    at = open_app(monkeypatch, state={"prompt": "我的猫很可爱"})
    at.sidebar.selectbox(key="_model_box").set_value("bundled_zh").run()
    assert not at.exception and at.session_state["prompt"] == "我的猫很可爱"


@pytest.mark.parametrize("page", [name for name, _, _ in PAGES])
def test_every_page_renders_on_the_chinese_model(monkeypatch, zh_bundled, page):
    at = open_app(monkeypatch, query={"lang": "zh"},
                  state={"model_choice": "bundled_zh", "prompt": demos.ZH.WARSAW_PROMPT})
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, (page, at.exception[0].message if at.exception else "")


def test_the_fact_search_says_when_the_first_word_is_among_its_lowest(monkeypatch):
    """The bundled Chinese model (not the stand-in), on its Warsaw prompt: the search's second-lowest bar
    is the first word 问, and the page says to read that bar with care, in the page's language."""
    for lang in ("zh", "en"):
        at = open_app(monkeypatch, page="pages/lens.py", query={"lang": lang},
                      state={"model_choice": "bundled_zh", "prompt": demos.ZH.WARSAW_PROMPT,
                             "lens.words": f"{demos.ZH.WARSAW_ANSWER}, {demos.ZH.WARSAW_SUBJECT}"})
        assert not at.exception
        caution = t("lens.where.first", lang, w="问")
        assert sum(caution in i.value for i in at.info) == 1, [i.value for i in at.info]


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


@pytest.mark.parametrize("page, wanted", [
    ("pages/attention.py", [f"“{demos.ZH.BANK_QUERY}”", f"“{demos.ZH.BANK_NAME}”", f"（{demos.ZH.IOI_ANSWER}）"]),
    ("pages/timeline.py", [demos.ZH.IOI_PROMPT, f"“{demos.ZH.WARSAW_ANSWER}”和“{demos.ZH.EXAMPLE_ANSWER}”"]),
])
def test_captions_name_the_chinese_models_own_words(monkeypatch, page, wanted):
    """On the bundled Chinese model the captions point at its own sentences and words (他 → 小明, 小红,
    华沙 and 巴黎), not at the English model's (his, John, Mary, Warsaw)."""
    at = open_app(monkeypatch, page=page, query={"lang": "zh"}, state={"model_choice": "bundled_zh"})
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    for w in wanted:
        assert w in captions, (page, w)
    for english in ("Mary", "John", "Warsaw", "“his”"):
        assert english not in captions, (page, english)


def test_the_book_preset_compares_the_words_the_model_weighs(monkeypatch, bundled_zh_lm):
    """After 「小明把他的书给小红用，第二天」 the bundled Chinese model writes 她 (小红 has the book), not
    他: the preset puts those two into the answer boxes (it put 小红/小明 there, both at 0.000)."""
    at = open_app(monkeypatch, page="pages/attention.py", state={"model_choice": "bundled_zh"})
    at.button(key="attention.btn.bank").click().run()
    assert not at.exception
    right, wrong = at.session_state["attention.answer"], at.session_state["attention.other"]
    assert (right, wrong) == demos.ZH.BANK_WORDS == ("她", "他")
    p = bundled_zh_lm.next_probs(demos.ZH.BANK_PROMPT)
    assert p[bundled_zh_lm.answer_id(right)] > 0.9 > 0.01 > p[bundled_zh_lm.answer_id(wrong)]
