"""Lesson files are complete and usable, and every answer the lesson reveals is the model's own."""

import ast
import json
from pathlib import Path

import pytest

from explainer import ablation
from explainer.views import lesson as L
from explainer.views.tokens import compare_tokenizers

ROOT = Path(__file__).resolve().parents[2]


def page_keys() -> dict[str, set[str]]:
    """The session keys each page file uses (string constants with the page's prefix)."""
    out = {}
    for page in L.PAGES:
        tree = ast.parse((ROOT / "pages" / f"{page}.py").read_text(encoding="utf-8"))
        out[page] = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                     and n.value.startswith(page + ".")}
    return out


def test_every_lesson_file_is_complete():
    found, bad = L.load_lessons()
    assert found and not bad
    keys = page_keys()
    for lesson in found.values():
        assert L.check_lesson(lesson, keys) == []


def test_a_broken_lesson_says_what_is_wrong(tmp_path):
    good = json.loads(next(iter(L.lesson_files())).read_text(encoding="utf-8"))
    bad = json.loads(json.dumps(good))
    bad["steps"][0]["text"].pop("zh")
    bad["steps"][1]["page"] = "nowhere"
    bad["steps"][2]["state"]["lens.words"] = "x"
    bad["steps"][3]["question"]["kind"] = "mind_reading"
    bad["steps"][4]["question"]["options"] = ["only one"]
    problems = L.check_lesson(bad, page_keys())
    assert any(p.startswith("step 1's text needs a text in every language") for p in problems)
    assert any(p.startswith("step 2: page 'nowhere'") for p in problems)
    assert any(f"step 3: state key 'lens.words' does not belong to the {bad['steps'][2]['page']} page" in p
               for p in problems)
    assert any(p.startswith("step 4: question kind 'mind_reading'") for p in problems)
    assert any(p.startswith("step 5: a question needs at least two options") for p in problems)
    f = tmp_path / "broken.json"
    f.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(L.LessonError, match="broken.json: step 1"):
        L.load_lesson(f)
    (tmp_path / "garbled.json").write_text("{ not json", encoding="utf-8")
    found, errors = L.load_lessons(tmp_path)
    assert found == {} and len(errors) == 2 and any("garbled.json cannot be read as JSON" in e for e in errors)


def test_the_lesson_on_the_chinese_model():
    """On a model that reads Chinese every step asks about Chinese text (its own prompts, words and
    options); the English steps stay as they were."""
    lesson = L.load_lessons()[0]["how-a-gpt-works"]
    zh = L.for_model(lesson, "zh")
    assert L.for_model(lesson, "en") == lesson
    han = lambda v: any("\u4e00" <= ch <= "\u9fff" for ch in str(v))          # noqa: E731
    for i, (step, base) in enumerate(zip(zh["steps"], lesson["steps"])):
        q = step["question"]
        for key in ("prompt", "word", "answer", "subject", "a", "b", "c", "text"):
            if key in q:
                assert han(q[key]), (i, key, q[key])
        if q["kind"] == "fact_position":                  # words of the Chinese question, most of them Chinese
            assert all(o in q["prompt"] for o in q["options"]) and sum(map(han, q["options"])) >= 3, i
        if q["kind"] in ("next_word", "analogy", "attention"):
            assert all(han(o) for o in q["options"]), i
        assert step["page"] == base["page"] and q["kind"] == base["question"]["kind"]
    assert L.with_model("how-a-gpt-works", "zh") == "how-a-gpt-works@zh"
    assert L.lesson_and_model("how-a-gpt-works@zh") == ("how-a-gpt-works", "zh")
    assert L.lesson_and_model("how-a-gpt-works") == ("how-a-gpt-works", "en")
    assert L.lesson_and_model("how-a-gpt-works@xx") == ("how-a-gpt-works", "en")


def test_a_broken_model_variant_says_what_is_wrong():
    lesson = json.loads(json.dumps(L.load_lessons()[0]["how-a-gpt-works"]))
    lesson["steps"][0]["for_model"]["zh"]["question"]["options"] = ["糖"]
    lesson["steps"][1]["for_model"]["fr"] = {}
    problems = L.check_lesson(lesson)
    assert "on the zh model, step 1: a question needs at least two options" in problems
    lesson["steps"][7]["for_model"]["zh"]["question"]["options"] = ["波兰", "Poland"]   # not in the Chinese question
    assert "on the zh model, step 8: options ['Poland'] are not words of the question's prompt" in L.check_lesson(lesson)
    assert "for_model 'fr' is not one of en, zh" in problems


@pytest.fixture(scope="module", params=["en", "zh"])
def model_and_answers(request):
    lm = request.getfixturevalue("bundled_lm" if request.param == "en" else "bundled_zh_lm")
    lesson = L.for_model(L.load_lessons()[0]["how-a-gpt-works"], request.param)
    snaps = [(s, lm.at_snapshot(p)) for s, p in lm.snapshots()]
    counted = None
    if request.param == "zh":
        from explainer.views.counting import build
        counted = build(1_000_000, lang="zh")
    return lm, [(step["question"], L.answer(lm, step["question"], snaps, counted)) for step in lesson["steps"]]


@pytest.fixture(scope="module")
def answers(model_and_answers):
    return model_and_answers[1]


def test_answers_are_computed_by_the_model(model_and_answers):
    lm, answers = model_and_answers
    for q, a in answers:
        assert set(a["scores"]) <= {str(o) for o in q["options"]} and a["answer"] in a["scores"]
        if q["kind"] == "next_word":
            p = lm.next_probs(q["prompt"])
            assert a["scores"] == pytest.approx({o: float(p[lm.answer_id(o)]) for o in q["options"]})
        elif q["kind"] == "tokens":
            counts = {r["name"]: r["tokens"] for r in compare_tokenizers(lm.tokenizer, q["text"], our_text=lm.reads(q["text"]))
                      if r["available"]}
            assert a["scores"] == {o: float(counts[o]) for o in q["options"] if o in counts}
            assert a["answer"] == min(a["scores"], key=a["scores"].get)
        elif q["kind"] == "lens_layer":
            tr = lm.trace(q["prompt"])
            assert a["answer"] == str(tr.first_top1_layer(lm.answer_id(q["word"])))
        elif q["kind"] == "fact_ablation":
            layers = ablation.fact_layers(lm, q["prompt"], q["answer"], q["subject"])["layers"]
            cases = ablation.fact_cases(lm, q["prompt"], "", q["answer"], layers, q["subject"])
            assert a["facts"]["before"] == pytest.approx(cases["probs"]["normal"])
            assert a["facts"]["after"] == pytest.approx(cases["probs"]["mlp_off"])
        elif q["kind"] == "fact_position":
            # each option: P(answer) with every MLP off at that word, as the page's search computes it
            where = ablation.fact_position(lm, q["prompt"], q["answer"])
            at = {tok.strip(): p for tok, p in zip(where["tokens"], where["probs"]) if p is not None}
            assert a["scores"] == pytest.approx({o: at[o] for o in q["options"]})
            assert a["answer"] == min(a["scores"], key=a["scores"].get)
            assert a["facts"]["before"] == pytest.approx(where["base"])
        elif q["kind"] == "analogy":
            assert a["facts"]["top"] == lm.analogy(q["a"], q["b"], q["c"], k=1)[0][0]
        elif q["kind"] == "counting_next":
            assert a["scores"]["gpt"] == pytest.approx(float(lm.next_probs(q["prompt"])[lm.answer_id(q["word"])]))
            assert 0 < a["scores"]["counting"] < 1 and a["facts"]["context"] in ("drink to", "给了")
        elif q["kind"] == "relu_off":
            from explainer.views.neurons import best_line, target
            assert a["facts"]["line"] == pytest.approx(best_line(*target(q["target"]))["loss"])
        # the reveal text takes every number it names from the model
        for lang in L.LANGS:
            assert "{" not in L.fill(q["reveal"][lang], a["facts"])


def test_the_bundled_lesson_shows_the_articles_results(model_and_answers):
    """Not a scripted outcome: on each bundled model these are what it computes (a different model may
    answer otherwise, and the lesson then shows that)."""
    lm, answers = model_and_answers
    by_kind = {q["kind"]: a for q, a in answers}
    assert by_kind["analogy"]["answer"] == ("女王" if lm.segmenter is not None else "queen")
    assert by_kind["fact_position"]["answer"] == ("波兰" if lm.segmenter is not None else "Poland")
    assert by_kind["fact_position"]["facts"]["after"] < 0.01 < 0.3 < by_kind["fact_position"]["facts"]["others"]
    assert by_kind["tokens"]["answer"] == "o200k_base"
    assert by_kind["counting_next"]["answer"] == "gpt"           # counting sees only "drink to"
    assert by_kind["relu_off"]["answer"] == "same"               # straight lines add up to a straight line
    assert by_kind["relu_off"]["facts"]["on"] < 0.01 * by_kind["relu_off"]["facts"]["line"]


def test_the_switch_off_question_still_answers(bundled_lm):
    """A lesson may still ask whether switching off the fact's MLPs at the subject removes it
    (``fact_ablation``; the bundled lesson now asks at which word instead)."""
    q = {"kind": "fact_ablation", "prompt": "Q: What is the capital of France? A: Paris Q: What is the capital of Poland? A:",
         "answer": "Warsaw", "subject": "Poland", "options": ["drops", "stays"]}
    a = L.answer(bundled_lm, q)
    layers = ablation.fact_layers(bundled_lm, q["prompt"], q["answer"], q["subject"])["layers"]
    cases = ablation.fact_cases(bundled_lm, q["prompt"], "", q["answer"], layers, q["subject"])
    assert a["facts"]["after"] == pytest.approx(cases["probs"]["mlp_off"]) and a["answer"] == "drops"

