"""The counting chapter's numbers on the bundled model (explainer/views/counting.py)."""

import numpy as np
import pytest

from explainer import demos
from explainer.views import counting as C


@pytest.fixture(scope="module")
def models():
    return C.build(1_000_000)            # a smaller count than the page's 5 MB keeps the test quick


def test_quality_is_computed_and_the_gpt_is_least_surprised(models, bundled_lm):
    held = C.held_out()[:60_000]
    q = C.quality_frame(models, bundled_lm, held)
    letters = q[q["kind"] == "letters"]["bits_per_char"].to_numpy()
    assert len(set(np.round(letters, 4))) == len(letters)                 # differs between n
    assert letters[0] > letters[2] > letters[4]                           # more memory, less surprise (at first)
    gpt = float(q[q["kind"] == "gpt"]["bits_per_char"].iloc[0])
    assert gpt < q[q["kind"] != "gpt"]["bits_per_char"].min()
    assert gpt == pytest.approx(C.gpt_bits_per_char(bundled_lm, held))


def test_counting_runs_out(models):
    ro = C.runs_out_frame(models, C.held_out()[:60_000])
    letters = ro[ro["kind"] == "letters"]
    assert letters["unseen"].is_monotonic_increasing and letters["unseen"].iloc[-1] > letters["unseen"].iloc[0]
    assert letters["table"].is_monotonic_increasing
    assert (np.log10(letters["table"]) < letters["log10_possible"] + 1e-9).all()   # seen ≤ possible


def test_samples_are_seeded(models, bundled_lm):
    a = C.samples(models, bundled_lm, "Once upon a time", seed=3)
    b = C.samples(models, bundled_lm, "Once upon a time", seed=3)
    assert [r["text"] for r in a] == [r["text"] for r in b]
    assert [r["kind"] for r in a].count("letters") == len(C.SHOWN_CHAR_N) and a[-1]["kind"] == "gpt"


def test_next_word_counting_sees_two_words_the_gpt_the_names(models, bundled_lm):
    d = C.next_word_frames(models, bundled_lm, demos.IOI_PROMPT)
    assert d["context"] == ["drink", "to"] and d["order"] == 3
    assert d["gpt"]["word"].iloc[0] == "Mary" and d["gpt"]["probability"].iloc[0] > 0.9
    assert d["counting"]["probability"].iloc[0] < 0.2                   # a name, but not which one
