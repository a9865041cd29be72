"""Guided lessons: lesson files, and the model's own answer to each predict-then-reveal question.

A lesson is data — one JSON file in ``assets/lessons/`` — so a teacher can write another without
touching the pages. Each step names a page, the state that page needs (the shared prompt and the
page's own session keys, e.g. ``"lens.words"``), two to four plain sentences in English and Chinese,
and one question. A step's ``for_model`` holds what changes on a model that reads another language
(``{"zh": {"state": …, "question": …, "text": …}}``: its own prompts, words and options), applied by
``for_model(lesson, "zh")``. The student commits a guess; only then does the app show what the model computes,
live, for every option (``answer``). Nothing in a lesson file is an answer: the file says what to
ask, the model answers.

Question kinds (``kind``) and what the model computes for each option:

- ``next_word``      P(option is the next word) after ``prompt``;
- ``tokens``         how many tokens each tokenizer (``ours``, ``cl100k_base``, ``o200k_base``) makes
                     of ``text`` — the answer is the one with the fewest;
- ``analogy``        cosine of each option to b − a + c (word2vec) — the answer is the nearest;
- ``attention``      how much the page's first head (the best name mover) looks from the last word
                     back at each option word;
- ``lens_layer``     P(``word``) after each block — the answer is the first block where it is the
                     top guess;
- ``fact_ablation``  P(``answer``) as it is and with the MLPs that hold the fact switched off at
                     ``subject`` — options ``"drops"`` / ``"stays"``;
- ``repetition``     share of repeated 4-grams in 120 tokens, greedy vs temperature 0.8 — options
                     ``"greedy"`` / ``"sampled"``, the answer repeats more;
- ``snapshot_word``  P(``word``) at each training snapshot — the answer is the first snapshot where
                     it is the top guess;
- ``counting_next``  P(``word``) after ``prompt`` from the word 3-gram counting model and from the GPT —
                     options ``"counting"`` / ``"gpt"``, the answer gives the word more;
- ``relu_off``       the error of ``neurons`` neurons with their bends off against the best straight
                     line on ``target`` — options ``"better"`` / ``"same"``.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from ..lm import ASSETS, LM
from . import percent

LESSONS = ASSETS.parent / "lessons"
LANGS = ("en", "zh")
PAGES = ("overview", "counting", "tokens", "vectors", "attention", "lens", "neurons", "sampling", "timeline")
# question kind → the concept whose view answers it, with ``question_<kind>(lm, question, options, **held)``
KINDS = {"next_word": "overview", "tokens": "tokens", "analogy": "vectors", "attention": "attention",
         "lens_layer": "lens", "fact_ablation": "lens", "fact_position": "lens", "repetition": "sampling",
         "snapshot_word": "timeline", "counting_next": "counting", "relu_off": "neurons"}
GLOBAL_STATE = ("prompt", "model_choice")


class LessonError(ValueError):
    """A lesson file that cannot be used; the message names the file and the step."""


def lesson_files(folder: Path = LESSONS) -> list[Path]:
    return sorted(Path(folder).glob("*.json"))


def load_lesson(path: Path) -> dict:
    """A lesson file, checked (``check_lesson``); its ``id`` is the file name without ``.json``."""
    path = Path(path)
    try:
        lesson = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise LessonError(f"{path} cannot be read as JSON ({e})") from e
    if not isinstance(lesson, dict):
        raise LessonError(f"{path}: a lesson is a JSON object with a title and steps")
    lesson["id"] = path.stem
    problems = check_lesson(lesson)
    if problems:
        raise LessonError(f"{path}: " + "; ".join(problems))
    return lesson


def load_lessons(folder: Path = LESSONS) -> tuple[dict[str, dict], list[str]]:
    """Every usable lesson by id, and a message for each file that is not usable."""
    out, bad = {}, []
    for f in lesson_files(folder):
        try:
            lesson = load_lesson(f)
            out[lesson["id"]] = lesson
        except LessonError as e:
            bad.append(str(e))
    return out, bad


def _texts(obj, where: str) -> list[str]:
    if not isinstance(obj, dict) or any(not isinstance(obj.get(l), str) or not obj[l].strip() for l in LANGS):
        return [f"{where} needs a text in every language ({', '.join(LANGS)})"]
    return []


def check_lesson(lesson: dict, page_keys: dict[str, set[str]] | None = None) -> list[str]:
    """Everything wrong with a lesson (empty when it is usable): titles and texts in both languages,
    known pages and question kinds, options for every question, and state keys that belong to the
    step's page (``page_keys``: page → the session keys its file uses, when known) — and the same for
    the lesson as it runs on each model language its steps name (``for_model``)."""
    problems = _check(lesson, page_keys)
    langs = {k for s in lesson.get("steps") or [] if isinstance(s, dict) for k in (s.get("for_model") or {})}
    for ml in sorted(langs):
        if ml not in MODEL_LANGS:
            problems.append(f"for_model {ml!r} is not one of {', '.join(MODEL_LANGS)}")
            continue
        problems += [f"on the {ml} model, {p}" for p in _check(for_model(lesson, ml), page_keys)]
    return problems


def _check(lesson: dict, page_keys: dict[str, set[str]] | None) -> list[str]:
    problems = _texts(lesson.get("title"), "the title") + _texts(lesson.get("summary"), "the summary")
    steps = lesson.get("steps")
    if not isinstance(steps, list) or not steps:
        return problems + ["there are no steps"]
    for i, step in enumerate(steps, 1):
        where = f"step {i}"
        if not isinstance(step, dict):
            problems.append(f"{where} is not an object")
            continue
        page = step.get("page")
        if page not in PAGES:
            problems.append(f"{where}: page {page!r} is not one of {', '.join(PAGES)}")
        problems += _texts(step.get("title"), f"{where}'s title") + _texts(step.get("text"), f"{where}'s text")
        state = step.get("state", {})
        if not isinstance(state, dict):
            problems.append(f"{where}: state must be an object")
            state = {}
        for key in state:
            if key in GLOBAL_STATE:
                continue
            if not key.startswith(f"{page}."):
                problems.append(f"{where}: state key {key!r} does not belong to the {page} page")
            elif page_keys is not None and key not in page_keys.get(page, set()):
                problems.append(f"{where}: the {page} page has no control {key!r}")
        q = step.get("question")
        if not isinstance(q, dict):
            problems.append(f"{where} has no question")
            continue
        if q.get("kind") not in KINDS:
            problems.append(f"{where}: question kind {q.get('kind')!r} is not one of {', '.join(KINDS)}")
        problems += _texts(q.get("ask"), f"{where}'s question") + _texts(q.get("reveal"), f"{where}'s reveal")
        options = q.get("options")
        if not isinstance(options, list) or len(options) < 2:
            problems.append(f"{where}: a question needs at least two options")
        elif q.get("kind") == "fact_position":               # the options are words of the question asked
            missing = [o for o in options if str(o) not in str(q.get("prompt", ""))]
            if missing:
                problems.append(f"{where}: options {missing} are not words of the question's prompt")
        labels = q.get("labels")
        if labels is not None:
            for o in options or []:
                problems += _texts(labels.get(str(o)) if isinstance(labels, dict) else None,
                                   f"{where}'s label of option {o!r}")
    return problems


MODEL_LANGS = ("en", "zh")


def for_model(lesson: dict, model_lang: str) -> dict:
    """The lesson as it runs on a model that reads ``model_lang``: each step's ``for_model[model_lang]``
    replaces its ``title`` and ``text`` and adds to (or replaces keys of) its ``state`` and ``question``."""
    steps = []
    for step in lesson.get("steps") or []:
        over = (step.get("for_model") or {}).get(model_lang) if isinstance(step, dict) else None
        if isinstance(over, dict):
            step = {**step, **{k: over[k] for k in ("title", "text") if k in over},
                    "state": {**step.get("state", {}), **over.get("state", {})},
                    "question": {**step.get("question", {}), **over.get("question", {})}}
        steps.append(step)
    return {**lesson, "steps": steps}


def with_model(lesson_id: str, model_lang: str) -> str:
    """A lesson and the language of the model it runs on, as one name (a class keeps it):
    ``how-a-gpt-works`` on the English model, ``how-a-gpt-works@zh`` on the Chinese one."""
    return lesson_id if model_lang == "en" else f"{lesson_id}@{model_lang}"


def lesson_and_model(name: str) -> tuple[str, str]:
    """``with_model``'s name → (lesson id, model language); an unknown language reads as English."""
    lesson_id, _, model_lang = str(name).partition("@")
    return lesson_id, (model_lang if model_lang in MODEL_LANGS else "en")


def text(obj: dict, lang: str) -> str:
    """The text in ``lang`` (English when missing)."""
    return obj.get(lang) or obj.get("en", "")


# ---- the model answers -------------------------------------------------------------------------

def answer(lm: LM, question: dict, snapshots: list[tuple[int, LM]] | None = None, counted=None) -> dict:
    """What the model computes for every option of ``question``: ``{"scores": {option: number},
    "answer": option, "unit": "probability" | "tokens" | "cosine" | "weight" | "layer" | "share" | "error",
    "facts": {name: value}}`` (``facts`` fill the reveal text's placeholders). The concept that owns
    the question's kind answers it (``KINDS``: ``explainer/views/<concept>.py: question_<kind>``).
    ``snapshots``: the training snapshots, as (step, LM), for ``snapshot_word``; ``counted``: the
    counting models (``views.counting.build()``) when the caller holds them already."""
    kind = question["kind"]
    if kind not in KINDS:
        raise ValueError(f"unknown question kind {kind!r}")
    view = importlib.import_module(f"{__package__}.{KINDS[kind]}")
    return getattr(view, f"question_{kind}")(lm, question, [str(o) for o in question["options"]],
                                             snapshots=snapshots, counted=counted)


# facts that are probabilities: written as a student reads them ("99.97 %", "< 0.1 %")
PROBABILITY_FACTS = {"p_top", "p_final", "p_counting", "p_gpt", "before", "after", "others"}


def fill(template: str, facts: dict) -> str:
    """The reveal text with the model's numbers put in: probabilities as percentages, other numbers
    with three decimals."""
    shown = {k: (percent(v) if k in PROBABILITY_FACTS else f"{v:.3f}") if isinstance(v, float) else v
             for k, v in facts.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template
