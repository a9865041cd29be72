"""The guided lesson in AppTest, walked from the first step to the last, and links that reopen a view.

(AppTest follows a page switch the app makes itself, but a test's own ``switch_page`` pins the page:
the walk therefore starts from a link, as a student's would.)"""

import pytest

from explainer.i18n import t
from explainer.inputs import literal
from explainer.views.lesson import answer, fill, for_model, load_lessons, text
from tests.apphelp import open_app

LESSON = "how-a-gpt-works"


def _titles(at) -> list[str]:
    return [x.value for x in at.title]


def test_the_whole_lesson_walks(monkeypatch, bundled_lm):
    lesson = load_lessons()[0][LESSON]
    snaps = [(s, bundled_lm.at_snapshot(p)) for s, p in bundled_lm.snapshots()]
    at = open_app(monkeypatch, query={"lesson": LESSON, "step": "1"})
    for i, step in enumerate(lesson["steps"]):
        assert not at.exception, i
        assert _titles(at)[0] == t(f"{step['page']}.title"), i          # the step's page is open
        assert at.query_params["lesson"] == LESSON and at.query_params["step"] == str(i + 1)
        for key, value in step.get("state", {}).items():                 # in the state the step needs
            assert at.session_state[key] == value, (i, key)
        q = step["question"]
        assert at.button(key="lesson.check_btn").disabled               # no answer before a guess
        guess = str(q["options"][-1])
        at.radio(key=f"lesson.guess.{LESSON}.{i}").set_value(guess).run()
        at.button(key="lesson.check_btn").click().run()
        assert not at.exception, i
        a = answer(bundled_lm, q, snaps)
        labels = {str(o): text(q.get("labels", {}).get(str(o), {"en": str(o)}), "en") for o in q["options"]}
        if guess == a["answer"]:
            assert any(s.value == t("lesson.right", answer=labels[guess]) for s in at.success), i
        else:
            assert any(x.value == t("lesson.wrong", guess=labels[guess], answer=labels[a["answer"]])
                       for x in at.info), i
        assert any(m.value == fill(q["reveal"]["en"], a["facts"]) for m in at.markdown), i
        last = i + 1 == len(lesson["steps"])
        at.button(key="lesson.finish_btn" if last else "lesson.next_btn").click().run()
    assert not at.exception
    assert _titles(at)[0] == t("lesson.title")
    assert any(s.value == t("lesson.done") for s in at.success)
    assert "lesson" not in at.query_params


def test_the_whole_lesson_walks_on_the_chinese_model(monkeypatch, bundled_zh_lm):
    """Every step on the Chinese model (the link names it): its prompts in the session, and the reveal
    filled with that model's own numbers. (The page is in English here: AppTest formats a widget's
    options outside the session, in English, so a Chinese page's radios cannot be clicked in it;
    test_a_step_in_chinese and the browser test show the Chinese page.)"""
    lesson = for_model(load_lessons()[0][LESSON], "zh")
    snaps = [(s, bundled_zh_lm.at_snapshot(p)) for s, p in bundled_zh_lm.snapshots()]
    at = open_app(monkeypatch, query={"lesson": LESSON, "step": "1", "lang": "en", "model": "bundled_zh"})
    assert at.session_state["model_choice"] == "bundled_zh"
    for i, step in enumerate(lesson["steps"]):
        assert not at.exception, i
        assert _titles(at)[0] == t(f"{step['page']}.title"), i
        for key, value in step.get("state", {}).items():
            assert at.session_state[key] == value, (i, key)
        q = step["question"]
        at.radio(key=f"lesson.guess.{LESSON}.{i}").set_value(str(q["options"][0])).run()
        at.button(key="lesson.check_btn").click().run()
        assert not at.exception, i
        counted = None
        if q["kind"] == "counting_next":
            from pages.frame.cache import counted_models
            counted = counted_models("zh")
        a = answer(bundled_zh_lm, q, snaps, counted)
        assert any(m.value == fill(q["reveal"]["en"], a["facts"]) for m in at.markdown), i
        last = i + 1 == len(lesson["steps"])
        at.button(key="lesson.finish_btn" if last else "lesson.next_btn").click().run()
    assert not at.exception and any(s.value == t("lesson.done") for s in at.success)


def test_a_step_in_chinese(monkeypatch):
    """In Chinese the lesson opens on the Chinese model, with that model's version of the step."""
    at = open_app(monkeypatch, query={"lesson": LESSON, "step": "3", "lang": "zh"})
    assert not at.exception and at.session_state["model_choice"] == "bundled_zh"
    step = for_model(load_lessons()[0][LESSON], "zh")["steps"][2]
    assert any(m.value == f"**{text(step['title'], 'zh')}**" for m in at.markdown)
    assert any(m.value == text(step["text"], "zh") for m in at.markdown)
    assert at.radio(key=f"lesson.guess.{LESSON}.2").label == text(step["question"]["ask"], "zh")


def test_back_and_leave(monkeypatch):
    at = open_app(monkeypatch, query={"lesson": LESSON, "step": "2"})
    assert not at.exception and at.session_state["lesson.step"] == 1
    at.button(key="lesson.back_btn").click().run()
    assert not at.exception and at.session_state["lesson.step"] == 0
    assert at.button(key="lesson.back_btn").disabled                    # the first step has no back
    at.button(key="lesson.leave_btn").click().run()
    assert not at.exception and "lesson.id" not in at.session_state
    assert "lesson" not in at.query_params


@pytest.mark.parametrize("query", [{"lesson": "no-such-lesson", "step": "1"}, {"lesson": LESSON, "step": "99"},
                                   {"lesson": LESSON, "step": "two"}])
def test_a_bad_lesson_link_is_a_notice(monkeypatch, query):
    at = open_app(monkeypatch, query=query)
    assert not at.exception
    assert _titles(at)[0] == t("lesson.title")
    assert any(w.value.startswith(t("lesson.bad_link").split("“")[0]) for w in at.warning)


# ---- links that reopen the exact view --------------------------------------------------------------

LINKS = {
    "pages/lens.py": {"lens.words": "Mary, John", "lens.subject": "John", "lens.fact": "1",
                      "lens.other_fact": "after", "lens.mlp_off": "0,2"},
    "pages/attention.py": {"attention.layer": "4", "attention.head": "1", "attention.query": "3",
                           "attention.answer": "Mary", "attention.other": "John"},
    "pages/sampling.py": {"sampling.T": "0.7", "sampling.top_k": "12", "sampling.top_p": "0.9", "sampling.seed": "5"},
    "pages/vectors.py": {"vectors.kind": "context", "vectors.layer": "2", "vectors.nb.word": "dog",
                         "vectors.an.a": "big", "vectors.an.b": "biggest", "vectors.an.c": "small"},
    "pages/tokens.py": {"tokens.text": "Hello 🍕 world", "tokens.bpe.step": "44"},
}
PARSED = {"1": True, "0,2": [0, 2]}


@pytest.mark.parametrize("page", list(LINKS))
def test_a_link_reopens_the_page_with_its_controls(monkeypatch, page):
    query = {"prompt": "Q: What is the capital of Poland? A:", "lang": "en", **LINKS[page]}
    at = open_app(monkeypatch, page=page, query=query)
    assert not at.exception
    assert at.session_state["prompt"] == query["prompt"]
    for key, raw in LINKS[page].items():
        want = PARSED.get(raw, raw)
        got = at.session_state[key]
        assert (got == want) or (isinstance(got, (int, float)) and float(raw) == got), (key, got)
        written = at.query_params[key]                              # written back into the address
        assert written == raw or (isinstance(got, float) and float(written) == float(raw)), (key, written)


def test_the_share_box_makes_its_link_when_opened(monkeypatch):
    """Closed, the share box sends nothing (no code box on any page's first view). Opening it runs the
    page again (a part of the page that ran on its own, the merge slider, may have changed the view),
    and the link it shows holds every linked control as it is now. (AppTest draws the sidebar on the
    first run only, so each case is a first run.)"""
    from streamlit.testing.v1 import AppTest
    from tests.apphelp import APP

    def first_run(state: dict) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for k, v in state.items():
            at.session_state[k] = v
        at.switch_page("pages/tokens.py")
        at.run()
        assert not at.exception
        return at
    closed = first_run({"tokens.bpe.step": 57})
    assert not list(closed.sidebar.code)
    opened = first_run({"tokens.bpe.step": 57, "app.share_box": True})
    [link] = [c.value for c in opened.sidebar.code]
    assert "tokens.bpe.step=57" in link and "model=bundled" in link and link.startswith("?")
    assert opened.query_params["tokens.bpe.step"] == "57"


@pytest.mark.parametrize("page, key, bad", [("pages/attention.py", "attention.layer", "99"),
                                            ("pages/sampling.py", "sampling.T", "nan"),
                                            ("pages/lens.py", "lens.mlp_off", "0,x"),
                                            ("pages/vectors.py", "vectors.kind", "magic")])
def test_a_bad_link_value_falls_back_with_a_notice(monkeypatch, page, key, bad):
    at = open_app(monkeypatch, page=page, query={key: bad})
    assert not at.exception
    assert any(i.value == t("app.link.bad", name=key, value=literal(bad)) for i in at.info)
    assert at.session_state[key] != bad


def test_presenter_mode_from_the_link(monkeypatch):
    at = open_app(monkeypatch, query={"present": "1"})
    assert not at.exception and at.session_state["present"] is True
    assert at.toggle(key="_present_box").value
    at = open_app(monkeypatch, query={"present": "maybe"})
    assert not at.exception and at.session_state["present"] is False
