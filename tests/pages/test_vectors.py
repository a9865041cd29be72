"""The Word-vectors page and explainer.views.vectors, on the bundled model and on the tiny fixture. — pages/vectors.py in AppTest."""

import pytest
from tests.apphelp import open_app, shown
import explainer
from explainer import demos
from explainer.views import vectors as vv
from explainer.embeddings import WordError
from explainer.i18n import t


def _page(monkeypatch, path=None):
    at = open_app(monkeypatch, path, "pages/vectors.py")
    assert not at.exception
    return at


def _warnings(at):
    return [shown(w.value) for w in at.warning]


@pytest.mark.parametrize("which", ["bundled", "tiny"])
def test_page_presets(monkeypatch, which, request):
    path = request.getfixturevalue("tiny_dir") if which == "tiny" else None
    at = _page(monkeypatch, path)
    lm = explainer.load(path)
    assert at.title[0].value == t("vectors.title")
    # analogy presets drive the three inputs; the page shows lm.analogy's top answer (or says why not)
    for i, (a, b, c, _) in enumerate(demos.ANALOGIES):
        at.button(key=f"vectors.an.preset.{i}").click().run()
        assert not at.exception
        assert (at.text_input(key="vectors.an.a").value, at.text_input(key="vectors.an.b").value,
                at.text_input(key="vectors.an.c").value) == (a, b, c)
        try:
            top = lm.analogy(a, b, c, k=1)[0][0]
        except WordError as e:
            assert any(str(e) in w for w in _warnings(at))
            continue
        want = t("vectors.an.result", a=a, b=b, c=c, ans=top, score=0).split(" (cosine")[0]
        assert any(m.value.startswith(want) for m in at.markdown)
    at.button(key="vectors.an.preset.bias").click().run()
    assert any(i.value == t("vectors.bias.note") for i in at.info)
    # neighbours preset
    at.text_input(key="vectors.nb.word").set_value("qqqzzz").run()
    assert not at.exception and _warnings(at)
    at.button(key="vectors.nb.preset").click().run()
    assert at.text_input(key="vectors.nb.word").value == demos.NEIGHBOUR_WORD
    # every space, extreme layers, t-SNE, both context demos
    for kind in ("tokens", "context", "word2vec"):
        at.radio(key="vectors.kind").set_value(kind).run()
        assert not at.exception
    at.radio(key="vectors.kind").set_value("context").run()
    at.slider(key="vectors.layer").set_value(0).run()
    at.slider(key="vectors.layer").set_value(lm.config.n_layer).run()
    at.radio(key="vectors.map.method").set_value("tsne").run()
    assert not at.exception
    for i, (w, sa, sb) in enumerate(demos.CONTEXT_PAIRS):
        at.button(key=f"vectors.ctx.preset.{i}").click().run()
        assert not at.exception
        assert at.text_input(key="vectors.ctx.word").value == w
    at.slider(key="vectors.ctx.layer").set_value(0).run()
    at.text_input(key="vectors.ctx.word").set_value("dragon").run()
    assert not at.exception and _warnings(at)


def test_word_errors_speak_the_page_language(monkeypatch, bundled_lm):
    with pytest.raises(WordError) as ei:
        bundled_lm.space("word2vec").lookup("qqqzzz")
    e = ei.value
    assert str(e) == e.text("en") and "qqqzzz" in str(e)
    assert e.text("zh").startswith("“qqqzzz”不在") and "qqqzzz" in e.text("zh")
    at = open_app(monkeypatch, None, "pages/vectors.py", query={"lang": "zh"},
                  state={"vectors.nb.word": "qqqzzz"})
    assert not at.exception
    assert any("“qqqzzz”不在" in w.value for w in at.warning)
    # the sentence check: no doubled full stop after the quoted sentence
    with pytest.raises(WordError) as ei:
        vv.context_view(bundled_lm, "dragon", ("They sat on the bank.", "The bank was shut."), 1)
    assert not str(ei.value).endswith(".”.") and "dragon" in ei.value.text("zh")
