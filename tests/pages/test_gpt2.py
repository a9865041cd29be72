"""GPT-2 on the same pages, offline: every page renders on a small random GPT-2 from the server's model
folder and says whose model it is; choosing GPT-2 small with no connection says so in the user's
language and changes nothing else."""

import pytest

from explainer.i18n import t
from streamlit.testing.v1 import AppTest

from tests.apphelp import APP, open_app

pytest.importorskip("transformers")
from tests.gpt2_random import make_random_gpt2  # noqa: E402

PAGES = ["overview", "tokens", "vectors", "attention", "lens", "neurons", "sampling", "counting", "timeline",
         "training", "lesson", "classroom"]


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("models")
    make_random_gpt2(root / "tiny-gpt2", n_positions=256)
    return root


def _texts(at) -> str:
    return "\n".join(e.value for kind in ("info", "warning", "error", "markdown", "caption") for e in getattr(at, kind))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_a_gpt2_folder(monkeypatch, models_dir, page):
    monkeypatch.setenv("EXPLAINER_MODELS", str(models_dir))
    monkeypatch.setenv("EXPLAINER_WARM_UP", "0")
    at = open_app(monkeypatch, page=f"pages/{page}.py", query={"model": "folder:tiny-gpt2"})
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["model_choice"] == "folder:tiny-gpt2"
    assert at.query_params.get("model") in ("folder:tiny-gpt2", ["folder:tiny-gpt2"])
    about = [e.value for e in at.info if "a model in GPT-2's format" in e.value]
    assert about and "tiny-gpt2" in about[0] and "OpenAI" not in about[0]      # no claim about a folder's origin
    said = {"timeline": "comes finished, without copies kept along its training",
            "counting": "never read them", "vectors": "comes without word2vec",
            "tokens": "Its files do not say how often each pair occurred"}.get(page)
    if said:
        assert said in _texts(at)


def test_the_attention_page_labels_gpt2s_heads_from_its_own_numbers(monkeypatch, models_dir):
    """The head labels and the name test are computed on the GPT-2 itself (a random one: whatever it
    shows is its own, not a list typed in)."""
    monkeypatch.setenv("EXPLAINER_MODELS", str(models_dir))
    monkeypatch.setenv("EXPLAINER_WARM_UP", "0")
    at = open_app(monkeypatch, page="pages/attention.py", query={"model": "folder:tiny-gpt2"})
    assert not at.exception
    from explainer import load
    from explainer.views import attention as A
    lab = A.head_labels(load(models_dir / "tiny-gpt2"))
    assert lab["scores"]["name_effect"].shape == (2, 4)
    assert set(lab["scores"]) >= set(A.PATTERNS)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_gpt2_offline_says_so_and_nothing_else_changes(monkeypatch, tmp_path, lang):
    monkeypatch.setenv("EXPLAINER_OFFLINE", "1")                 # no request leaves: the download fails at once
    monkeypatch.setenv("EXPLAINER_GPT2_CACHE", str(tmp_path / "empty-cache"))
    monkeypatch.setenv("EXPLAINER_WARM_UP", "0")
    monkeypatch.delenv("EXPLAINER_MODELS", raising=False)
    name = t("app.gpt2.gpt2", lang)
    at = open_app(monkeypatch, query={"lang": lang})
    options = at.sidebar.selectbox(key="_model_box").options           # (AppTest lists the labels)
    assert t("app.model.gpt2_download", lang, name=name, mb="548") in options
    assert not any("GPT-2 medium" in o for o in options)               # 1.4 GB: over the default budget per model

    at = open_app(monkeypatch, query={"lang": lang, "model": "gpt2:gpt2"})
    assert not at.exception
    assert t("app.model.gpt2_offline", lang, name=name) in [w.value for w in at.warning]
    assert at.session_state["model_choice"] == ("bundled_zh" if lang == "zh" else "bundled")
    assert not [e for e in at.info if "GPT-2" in e.value]             # the page is the bundled model's
    # another session (the server's caches kept): the sidebar says it cannot be had here, and nobody waits
    # on another attempt for a while
    again = AppTest.from_file(APP, default_timeout=60)
    again.query_params["lang"] = lang
    again.run()
    assert t("app.model.gpt2_unavailable", lang, name=name) in again.sidebar.selectbox(key="_model_box").options
