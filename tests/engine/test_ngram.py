"""Counting models on hand-worked examples: counts, add-k probabilities, unseen shares, generation."""

import math

import numpy as np
import pytest

from explainer.ngram import NGram, words_of


@pytest.fixture
def abab():
    return NGram.from_chars("abab", n_max=3)          # vocab: <unk>, a, b  (V = 3)


def test_counts_by_hand(abab):
    m = abab
    assert m.vocab == ["<unk>", "a", "b"] and m.V == 3 and m.total == 4
    a, b = 1, 2
    assert m.table_size(1) == 2 and m.table_size(2) == 2 and m.table_size(3) == 2   # {a,b}, {ab,ba}, {aba,bab}
    np.testing.assert_array_equal(m.next_counts(1, []), [0, 2, 2])
    np.testing.assert_array_equal(m.next_counts(2, [a]), [0, 0, 2])                # "a" was followed by "b" twice
    np.testing.assert_array_equal(m.next_counts(2, [b]), [0, 1, 0])                # "b" by "a" once (at the end: nothing)
    np.testing.assert_array_equal(m.next_counts(3, [b, a]), [0, 0, 1])


def test_add_k_probabilities_by_hand(abab):
    m = abab
    ids = m.encode("ab")
    k = 0.5
    # P(b | a) = (c(ab) + k) / (c(a) + k V) = (2 + .5) / (2 + 1.5)
    assert m.probs_of(2, ids, k=k)[0] == pytest.approx(2.5 / 3.5)
    # unigram P(a) = (2 + .5) / (4 + 1.5); P(b) the same
    np.testing.assert_allclose(m.probs_of(1, ids, k=k), [2.5 / 5.5, 2.5 / 5.5])
    assert m.bits_per_symbol(1, ids, k=k) == pytest.approx(-math.log2(2.5 / 5.5))
    # a context never seen ("bb") gives every symbol 1/V
    assert m.probs_of(3, m.encode("bba"), k=k)[0] == pytest.approx(1 / 3)
    assert m.next_probs(2, [2], k=k).sum() == pytest.approx(1.0)


def test_unseen_share_and_unknown_symbols(abab):
    m = abab
    assert m.unseen_share(2, m.encode("abab")) == 0.0
    assert m.unseen_share(2, m.encode("aabb")) == pytest.approx(2 / 3)    # aa, bb never seen; ab seen
    assert list(m.encode("axb")) == [1, 0, 2]                           # x is unknown → <unk>
    assert m.decode([1, 0, 2]) == "a?b"


def test_held_out_quality_differs_between_orders_and_generation_is_seeded():
    text = "the cat sat on the mat. the dog sat on the log. " * 50
    m = NGram.from_chars(text, 4)
    held = m.encode("the cat sat on the log. the dog sat on the mat. ")
    bits = [m.bits_per_symbol(n, held, start=3) for n in range(1, 5)]
    assert bits[0] > bits[1] > bits[2] > bits[3]                           # computed, not constant
    g1 = m.generate(3, m.encode("the "), 40, seed=7)
    assert np.array_equal(g1, m.generate(3, m.encode("the "), 40, seed=7))   # same seed, same text
    assert not np.array_equal(g1, m.generate(3, m.encode("the "), 40, seed=8))
    assert 0 not in g1                                                      # never writes <unk>


def test_word_models():
    text = "the cat sat . the cat ran . the dog sat . a bird flew ."
    m = NGram.from_words(text, 3, min_count=2)
    assert words_of("The cat's toy, 42!") == ["The", "cat's", "toy", ",", "42", "!"]
    assert "bird" not in m.vocab and "cat" in m.vocab                      # seen once → <unk>
    c, used = m.backoff_counts(3, m.encode(["the", "cat"]))
    assert used == 3 and m.vocab[int(c.argmax())] in ("sat", "<unk>")
    c, used = m.backoff_counts(3, m.encode(["zebra", "cat"]))              # "zebra cat" never seen: back off
    assert used == 2
    assert m.decode(m.encode(["the", "cat", "sat", "."])) == "the cat sat."
    with pytest.raises(ValueError, match="n_max must be"):
        NGram.from_ids(np.array([1, 2]), ["x"] * 10_000, 6, "word")
