"""A model that reads Chinese (issue #24): the segmenter that turns a prompt into what the model
reads, the `lang="zh"` training path (segmentation.json in the checkpoint, recorded in config.json),
and word vectors for texts without Latin letters."""

import json

import numpy as np
import pytest

from explainer import corpus
from explainer.checkpoint import CheckpointError, check_folder, read_config
from explainer.embeddings import w2v_missing, w2v_sentences, word_counts, word_token_ids
from explainer.tokenizer import (SEGMENTATION_FILE, Segmenter, TokenizerFileError, load_segmenter, model_text,
                                 unsegment)


@pytest.fixture(scope="module")
def seg():
    return Segmenter.from_segmented(corpus.generate_corpus_zh(300_000, seed=0, segmented=True))


def test_prompts_become_words(seg):
    assert seg.segment("问：波兰的首都是哪里？答：") == "问 ： 波兰 的 首都 是 哪里 ？ 答 ："
    assert seg.segment("国王和女王去了公园") == "国王 和 女王 去 了 公园"
    assert seg.segment("波兰的首都是") == "波兰 的 首都 是"


@pytest.mark.parametrize("text", ["我喜欢在咖啡里加奶和", "问：你知道波兰的首都吗？答：", "Hello 世界, 3 只猫！\n第二行",
                                  "", "   ", "😀龘"])
def test_segmenting_is_idempotent_and_unsegment_gives_the_text_back(seg, text):
    once = seg.segment(text)
    assert seg.segment(once) == once
    assert unsegment(once).replace(" ", "") == text.replace(" ", "")


def test_the_model_reads_what_a_prompt_becomes(seg):
    """The training text is the plain corpus segmented by the same segmenter: a prompt segments
    to a prefix of a training line (not always the generator's own cut: 咖啡 里加 奶, Riga)."""
    text = corpus.generate_corpus_zh(300_000, seed=0)
    model = seg.segment(text)
    assert model.replace(" ", "") == text
    prompt = seg.segment("我喜欢在咖啡里加奶和")
    assert prompt + " 糖" in model


def test_every_held_out_prompt_segments_to_known_words(seg):
    for prompt, io, s in corpus.make_ioi_cases_zh()[:60]:
        words = seg.segment(prompt).split()
        assert io in seg.counts and s in seg.counts and s in words
    for prompt, cap, country in corpus.make_capital_cases_zh():
        assert country in seg.segment(prompt).split() and cap in seg.counts


def test_segmentation_file_round_trip_and_damage(seg, tmp_path):
    seg.save(tmp_path / SEGMENTATION_FILE)
    again = Segmenter.load(tmp_path / SEGMENTATION_FILE)
    assert again.counts == seg.counts and again.segment("我喜欢在咖啡里加奶和") == seg.segment("我喜欢在咖啡里加奶和")
    assert model_text("波兰的首都是", tmp_path) == "波兰 的 首都 是"
    assert model_text("波兰的首都是", tmp_path / "elsewhere") == "波兰的首都是"     # no file: read as it is
    assert load_segmenter(None) is None
    (tmp_path / SEGMENTATION_FILE).write_text("{", encoding="utf-8")
    with pytest.raises(TokenizerFileError, match="not valid JSON"):
        Segmenter.load(tmp_path / SEGMENTATION_FILE)
    (tmp_path / SEGMENTATION_FILE).write_text(json.dumps({"format": "x"}), encoding="utf-8")
    with pytest.raises(TokenizerFileError, match="no word list"):
        Segmenter.load(tmp_path / SEGMENTATION_FILE)


def test_word2vec_words_in_every_script():
    assert w2v_sentences("Hi, Bo!") == [["Hi", "Bo"]]
    assert w2v_sentences("Привет, Боб!") == [["Привет", "Боб"]]
    assert w2v_sentences("国王 和 女王 。") == [["国王", "和", "女王"]]
    assert w2v_sentences("国王和女王。") == [["国", "王", "和", "女", "王"]]      # no spaces: characters
    assert "you must" not in (w2v_missing(word_counts("abc def")) or "")
    assert "only 0 of its 2 distinct words" in w2v_missing(word_counts("abc def"))
    assert w2v_missing(word_counts("...")) == "the text has no words (runs of letters) at all"
    assert w2v_missing(word_counts("猫狗" * 10)) is None


def test_the_english_corpus_words_are_unchanged():
    """The English corpus is ASCII: runs of letters of any script are runs of [A-Za-z]."""
    import re
    text = corpus.generate_corpus(200_000, seed=0)
    assert text.isascii()
    assert w2v_sentences(text) == [re.findall(r"[A-Za-z]+", line) for line in text.split("\n") if line.strip()]


@pytest.mark.training
def test_a_chinese_model_trains_loads_and_reads_a_prompt(tmp_path):
    import explainer
    from explainer.train import train
    logs = []
    out = train("tiny", tmp_path / "zh", lang="zh", steps=20, precision="fp32", progress=False,
                log=logs.append, compile="off")
    _, meta = read_config(out)
    assert meta["lang"] == "zh" and meta["preset"]["lang"] == "zh"
    assert meta["segmentation"]["file"] == SEGMENTATION_FILE and meta["segmentation"]["words"] > 1000
    assert (out / "word2vec.safetensors").exists() and (out / "context_vectors.safetensors").exists()
    check_folder(out)
    lm = explainer.load(out)
    prompt = model_text("问：波兰的首都是哪里？答：", lm.folder)
    toks = [lm.tokenizer.decode_single_token_bytes(i) for i in lm.encode(prompt)]
    assert toks[:2] == ["问".encode(), " ：".encode()] and b"".join(toks).decode() == prompt
    assert not any(b" " in t[1:] for t in toks)                 # no token reaches across a word boundary
    assert len(lm.next_token(prompt, k=3)) == 3
    assert "女王" in dict(lm.neighbours("国王", k=50))
    assert "咖啡" in word_token_ids(lm.tokenizer).values()
    # the LM is the door: a prompt as typed (no spaces) is read as the model's words, and text comes
    # back as Chinese is written
    typed = "问：波兰的首都是哪里？答："
    assert lm.reads(typed) == prompt and lm.encode(typed) == lm.encode(prompt)
    assert lm.decode(lm.encode(typed)) == typed
    assert lm.answer_id("华沙") == lm.tokenizer.encode(" 华沙")[0]
    assert lm.find_word(typed, "波兰") is not None
    np.testing.assert_array_equal(lm.next_probs(typed), lm.next_probs(prompt))
    # a training snapshot reads its prompts the same way (the timeline and the lesson use them)
    step, path = lm.snapshots()[-1]
    snap = lm.at_snapshot(path)
    assert snap.reads(typed) == prompt and snap.encode(typed) == lm.encode(prompt)
    # an exported copy (what ships in assets/) keeps its word list and loads
    from explainer.export import export
    shipped = export(out, tmp_path / "shipped")
    check_folder(shipped)
    assert explainer.load(shipped).encode(prompt) == lm.encode(prompt)
    # the checkpoint needs its word list
    (out / SEGMENTATION_FILE).unlink()
    with pytest.raises(CheckpointError, match="segmentation.json is missing"):
        check_folder(out)


def test_lang_is_checked():
    from explainer.train import train
    with pytest.raises(ValueError, match="lang must be one of"):
        train("tiny", "/nonexistent/never", lang="fr")
    with pytest.raises(ValueError, match="own text trains"):
        train("tiny", "/nonexistent/never", lang="zh", text="x" * 3000)
