"""The "From counting to a GPT" page's numbers: letter and word n-gram models counted on the
project's own generated stories, compared with the GPT on the same held-out text. No Streamlit here.

    models = build()                                  # (letters 1…8, words 1…3), ~5 s, cached by the page
                                                      # build(lang="zh"): the Chinese corpus, its words
    quality_frame(models, lm, held_out())             # bits per character of every model and of the GPT
    runs_out_frame(models, held_out())                # unseen share and table size against n
    samples(models, lm, "Once upon a time", seed=0)   # the same prompt and seed, every model
    next_word_frames(models, lm, prompt)              # counting's next words beside the GPT's
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from .. import corpus
from ..lm import LM
from . import LARGE_MODEL
from ..ngram import NGram, words_of
from ..scorecard import held_out_nats
from ..tokenizer import Segmenter, unsegment

COUNT_BYTES = 5_000_000          # counted text: the same generator and seed as the GPT's 20 MB corpus
HELD_OUT_BYTES = 200_000         # the GPT's own validation text (a different seed)
CHAR_N = 8
CHAR_N_ZH = 5                    # ~1,000 Chinese characters: 8-grams would not fit the counting keys, and
                                 # five characters are already most of a clause
WORD_N = 3
SAMPLE_CHARS = 200
SHOWN_CHAR_N = (1, 2, 3, 5, 8)


class Counted(NamedTuple):
    """The counting models of one language: characters (1 … 8) and words (1 … 3). Chinese words are
    the generator's own segmentation (``segmenter``): a typed text is split the same way."""
    letters: NGram
    words: NGram
    lang: str = "en"
    segmenter: Segmenter | None = None

    def split(self, text: str) -> list[str]:
        """``text``'s words as the word models count them."""
        return self.segmenter.segment(text).split() if self.segmenter is not None else words_of(text)

    def written(self, text: str) -> str:
        """A word model's output as the language is written (no spaces between Chinese words)."""
        return unsegment(text) if self.segmenter is not None else text


def build(size: int = COUNT_BYTES, lang: str = "en") -> Counted:
    """Count the generated corpus of ``lang`` (``en`` or ``zh``), the GPT's own training text."""
    if lang == "zh":
        seg = corpus.generate_corpus_zh(size, seed=0, segmented=True)
        return Counted(NGram.from_chars(seg.replace(" ", ""), CHAR_N_ZH), NGram.from_words(seg.split(), WORD_N),
                       "zh", Segmenter.from_segmented(seg))
    text = corpus.generate_corpus(size, seed=0)
    return Counted(NGram.from_chars(text, CHAR_N), NGram.from_words(text, WORD_N))


def held_out(lang: str = "en") -> str:
    return corpus.held_out_text_zh(HELD_OUT_BYTES) if lang == "zh" else corpus.held_out_text(HELD_OUT_BYTES)


LARGE_HELD_OUT_CHARS = 2_000      # GPT-2 small reads these in ≈ 2 s of CPU on 2 cores; all 200,000 would take ≈ 3 min


def held_out_for(lm: LM) -> str:
    """The held-out text the quality comparison scores ``lm`` and the counting models on: all of it for
    our models, its first ``LARGE_HELD_OUT_CHARS`` characters for a large one (GPT-2), so the page's
    first view stays within seconds."""
    from .. import demos
    text = held_out(demos.of(lm).lang)
    return text[:LARGE_HELD_OUT_CHARS] if lm.n_params() > LARGE_MODEL else text


def gpt_bits_per_char(lm: LM, text: str) -> float:
    """The GPT's surprise on ``text`` in bits per character: every token predicted from the ones
    before it (windows of its context length), summed, over the characters those tokens spell."""
    nats, predicted = held_out_nats(lm, text)
    return nats / math.log(2) / len(lm.decode(predicted.tolist()))


def quality_frame(models: tuple[NGram, NGram], lm: LM, text: str) -> pd.DataFrame:
    """model kind, n, bits per character on the held-out text (lower = better), for every model.
    Letter models are scored on the same characters (from the 8th on); word models on the same words
    (from the 3rd on), their bits spread over the text's characters."""
    cm, wm = models.letters, models.words
    cid = cm.encode(text)
    rows = [{"kind": "letters", "n": n, "bits_per_char": cm.bits_per_symbol(n, cid, start=cm.n_max - 1)}
            for n in range(1, cm.n_max + 1)]
    wid = wm.encode(models.split(text))
    for n in range(1, WORD_N + 1):
        bits = -np.log2(wm.probs_of(n, wid, start=WORD_N - 1)).sum()
        rows.append({"kind": "words", "n": n, "bits_per_char": float(bits) / len(text)})
    rows.append({"kind": "gpt", "n": None, "bits_per_char": gpt_bits_per_char(lm, text)})
    return pd.DataFrame(rows)


def runs_out_frame(models: tuple[NGram, NGram], text: str) -> pd.DataFrame:
    """kind, n, share of the held-out n-grams never seen in the counted text, distinct n-grams
    counted (the table's rows), and log10 of the possible n-grams (V^n)."""
    cm, wm = models.letters, models.words
    cid, wid = cm.encode(text), wm.encode(models.split(text))
    rows = [{"kind": "letters", "n": n, "unseen": cm.unseen_share(n, cid), "table": cm.table_size(n),
             "log10_possible": n * math.log10(cm.V)} for n in range(1, cm.n_max + 1)]
    rows += [{"kind": "words", "n": n, "unseen": wm.unseen_share(n, wid), "table": wm.table_size(n),
              "log10_possible": n * math.log10(wm.V)} for n in range(1, WORD_N + 1)]
    return pd.DataFrame(rows)


def samples(models: tuple[NGram, NGram], lm: LM, prompt: str, seed: int = 0,
            length: int = SAMPLE_CHARS) -> list[dict]:
    """The prompt continued by every model with the same seed: letters (n = 1, 2, 3, 5, 8), words
    (1, 2, 3) — each about ``length`` characters — and the GPT (temperature 1, same seed)."""
    cm, wm = models.letters, models.words
    out = [{"kind": "letters", "n": n, "text": cm.decode(cm.generate(n, cm.encode(prompt), length, seed))}
           for n in SHOWN_CHAR_N if n <= cm.n_max]
    pw = wm.encode(models.split(prompt))
    start = len(models.written(wm.decode(pw)))
    for n in range(1, WORD_N + 1):
        new = wm.generate(n, pw, max(8, length // 5), seed)
        out.append({"kind": "words", "n": n, "text": models.written(wm.decode(np.concatenate([pw, new])))[start:]})
    # a large model writes fewer tokens (GPT-2 small: ≈ 40 ms each on 2 cores, its weights read once per token;
    # its tokens are also longer, ≈ 4 characters against our ≈ 3)
    tokens = max(8, length // (8 if lm.n_params() > LARGE_MODEL else 3))
    gpt = lm.generate(prompt, max_new_tokens=tokens, temperature=1.0, seed=seed)
    out.append({"kind": "gpt", "n": None, "text": gpt[:length + 40]})
    return out


def next_word_frames(models: tuple[NGram, NGram], lm: LM, prompt: str, k: int = 8) -> dict:
    """After ``prompt``: the word 3-gram model's next words (backing off to shorter contexts never
    seen) and the GPT's next words (its tokens that start a word), each with probabilities."""
    wm = models.words
    ws = models.split(prompt)
    ids = wm.encode(ws)
    p, used = wm.backoff_probs(WORD_N, ids[-(WORD_N - 1):] if len(ids) else ids)
    p[0] = 0.0
    top = np.argsort(-p)[:k]
    counting = pd.DataFrame({"word": [wm.vocab[i] for i in top], "probability": p[top]})
    nxt = lm.next_token(prompt, k)
    gpt = pd.DataFrame({"word": [w.strip() or repr(w) for w, _ in nxt], "probability": [q for _, q in nxt]})
    context = ws[-(used - 1):] if used > 1 else []
    return {"counting": counting, "gpt": gpt, "context": context, "order": used}


# ---- the lesson's question on this page (views/lesson.py: KINDS) -----------------------------------

def question_counting_next(lm: LM, q: dict, opts: list[str], counted=None, **held) -> dict:
    """P(``word``) after ``prompt`` from the word 3-gram counting model and from the GPT; options
    ``"counting"`` / ``"gpt"``, the answer gives the word more. ``counted``: ``build()``'s models."""
    models = counted or build(lang=q.get("lang", "en"))
    wm = models.words
    ids = wm.encode(models.split(q["prompt"]))
    probs, used = wm.backoff_probs(WORD_N, ids[-(WORD_N - 1):])
    word = q["word"]
    p_count = float(probs[wm.encode([word])[0]])
    p_gpt = float(lm.next_probs(q["prompt"])[lm.answer_id(word)])
    scores = {o: (p_count if o == "counting" else p_gpt) for o in opts}
    context = models.written(" ".join(models.split(q["prompt"])[-(used - 1):])) if used > 1 else ""
    return {"scores": scores, "answer": max(scores, key=scores.get), "unit": "probability",
            "facts": {"p_counting": p_count, "p_gpt": p_gpt, "context": context, "word": word}}
