"""Computation for the Word-vectors page: spaces and their analogy scores, 2-D maps, neighbours,
analogy parallelograms, and "context changes meaning" (the same word's hidden state in two
sentences).

Pure functions (no Streamlit); numbers come straight from ``lm.space``/``lm.trace``.

    >>> analogy_view(lm, "man", "king", "woman", space="word2vec")["answers"][0]
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import regex

from .. import corpus, demos
from ..embeddings import WordError, analogy_accuracy, project_2d, shown
from ..tokenizer import token_display

# ---- word groups for the map --------------------------------------------------------------

def _flat(pairs) -> list[str]:
    out: list[str] = []
    for p in pairs:
        for w in p:
            if w not in out:
                out.append(w)
    return out


_CMP = corpus.RELATIONS["comparative"]
_SUP = dict(corpus.RELATIONS["superlative"])

GROUPS: dict[str, list[str]] = {
    "animals": ["cat", "dog", "kitten", "puppy", "rabbit", "horse", "bird", "mouse", "cow", "goose",
                "wolf", "bear", "fox", "owl", "deer", "lion", "tiger", "eagle", "dolphin", "hamster"],
    "countries": [c.name for c in corpus.COUNTRIES],
    "capitals": [c.capital for c in corpus.COUNTRIES if " " not in c.capital],
    "family": _flat(corpus.RELATIONS["gender"]),
    "sizes": [w for b, c in _CMP for w in (b, c, _SUP.get(b)) if w][:18],
    "colours": ["red", "blue", "green", "yellow", "white", "black", "brown", "purple", "orange",
                "pink", "grey"],
    "numbers": ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
    "opposites": _flat(corpus.RELATIONS["opposite"]),
    "verbs": _flat(corpus.RELATIONS["past_tense"]),
}
DEFAULT_GROUPS = ["animals", "family", "colours", "numbers"]

# the same groups for a model that reads Chinese (its words as its segmenter cuts them; the map keeps
# only those in the space)
_REL_ZH = corpus.RELATIONS_ZH
GROUPS_ZH: dict[str, list[str]] = {
    "animals": ["猫", "狗", "小猫", "小狗", "兔子", "马", "鸟", "老鼠", "牛", "狼", "熊", "狐狸", "猫头鹰", "鹿",
                "狮子", "老虎", "老鹰", "海豚", "仓鼠", "熊猫", "天鹅", "水獭", "鱼", "鸭子"],
    "countries": [c.name for c in corpus.COUNTRIES_ZH],
    "capitals": [c.capital for c in corpus.COUNTRIES_ZH],
    "family": _flat(_REL_ZH["gender"][1:]),                       # (not 他/她: pronouns, not family)
    "sizes": [w for (b, c), (_, s) in zip(_REL_ZH["comparative"], _REL_ZH["superlative"]) for w in (b, c, s)][:18],
    "colours": ["红色", "蓝色", "绿色", "黄色", "白色", "黑色", "棕色", "紫色", "橙色", "粉色", "灰色"],
    "numbers": ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两", "一个", "两个", "三个", "四个", "五个"],
    "opposites": _flat(_REL_ZH["opposite"]),
    "verbs": ["走", "跑", "吃", "喝", "看", "说", "笑", "唱歌", "工作", "散步", "读", "写", "游泳", "跳舞", "买",
              "做饭", "学习", "玩", "听", "找", "等", "帮", "回家", "开车", "休息"],
}


def groups_of(lm) -> dict[str, list[str]]:
    """The map's word groups in the language the model reads (``demos.of``)."""
    return GROUPS_ZH if demos.of(lm).lang == "zh" else GROUPS

# words to show beside each context demo (demos.CONTEXT_PAIRS), in the context space
CONTEXT_NEIGHBOURS: dict[str, list[str]] = {
    "bank": ["river", "water", "shore", "boat", "fish", "money", "cash", "check", "save", "account", "loan"],
    "magazine": ["read", "book", "newspaper", "page", "train", "story", "editor", "worked", "job",
                 "office", "journalist"],
}
_STOP_ZH = {"的", "了", "是", "在", "和", "都", "也", "就", "把", "给", "这", "那", "一", "个", "里", "上"}
_STOP = {"the", "a", "an", "and", "of", "to", "on", "in", "it", "for", "as", "at", "he", "she", "they",
         "his", "her", "some", "was", "is", "up"}


# ---- spaces and their analogy scores --------------------------------------------------------

def space_names(n_layer: int) -> list[str]:
    """Every space the API offers: word2vec, tokens, context:0 … context:L."""
    return ["word2vec", "tokens"] + [f"context:{l}" for l in range(n_layer + 1)]


def analogy_scores(lm, card: dict | None = None) -> dict[str, dict]:
    """space → {"accuracy": float|None, "n": int|None, "per_relation": {rel: acc|None},
    "source": "scorecard"|"computed"}.

    Taken from the scorecard when it has the space, else measured now with
    ``embeddings.analogy_accuracy`` (top-1, inputs excluded)."""
    have = ((card or {}).get("analogy") or {}).get("spaces") or {}
    out: dict[str, dict] = {}
    for space in space_names(lm.config.n_layer):
        if space in have and have[space].get("accuracy") is not None:
            v = have[space]
            out[space] = {"accuracy": v["accuracy"], "n": v.get("n"),
                          "per_relation": dict(v.get("per_relation") or {}), "source": "scorecard"}
            continue
        try:
            v = analogy_accuracy(lm.space(space), corpus.RELATIONS)
            out[space] = {"accuracy": v["accuracy"], "n": v["n"], "source": "computed",
                          "per_relation": {r: x["accuracy"] for r, x in v["per_relation"].items()}}
        except WordError:
            out[space] = {"accuracy": None, "n": None, "per_relation": {}, "source": "missing"}
    return out


def scores_frame(scores: dict[str, dict]) -> pd.DataFrame:
    """Long table: space, relation ("all" for the total), accuracy (NaN-free: missing rows dropped)."""
    rows = []
    for space, v in scores.items():
        if v["accuracy"] is None:
            continue
        rows.append({"space": space, "relation": "all", "accuracy": float(v["accuracy"]), "n": v["n"]})
        for rel, acc in v["per_relation"].items():
            if acc is not None:
                rows.append({"space": space, "relation": rel, "accuracy": float(acc), "n": None})
    return pd.DataFrame(rows, columns=["space", "relation", "accuracy", "n"])


# ---- maps -----------------------------------------------------------------------------------

def group_words(lm, space: str, groups: list[str]) -> list[tuple[str, str]]:
    """(word, group) for the chosen groups, only words that are in the space (each word once)."""
    vs = lm.space(space)
    seen, out = set(), []
    for g in groups:
        for w in groups_of(lm).get(g, []):
            if w in vs and w not in seen:
                seen.add(w)
                out.append((w, g))
    return out


def word_map(lm, space: str, groups: list[str], method: str = "pca", extra: list[str] = ()) -> pd.DataFrame:
    """2-D map of the group words (+ ``extra`` words, group "yours" — also when a chosen group
    holds them, so your word is always the one marked): word, group, x, y."""
    vs = lm.space(space)
    mine = [w for w in dict.fromkeys(extra) if w and w in vs]
    pairs = [(w, g) for w, g in group_words(lm, space, groups) if w not in mine]
    pairs += [(w, "yours") for w in mine]
    if not pairs:
        return pd.DataFrame(columns=["word", "group", "x", "y"])
    vecs = np.stack([vs.unit[vs.index[w]] for w, _ in pairs])
    xy = project_2d(vecs, method=method)
    return pd.DataFrame({"word": [w for w, _ in pairs], "group": [g for _, g in pairs],
                         "x": xy[:, 0], "y": xy[:, 1]})


def neighbours_frame(lm, word: str, k: int = 10, space: str = "word2vec") -> pd.DataFrame:
    """Nearest words by cosine (raises WordError for unknown words)."""
    res = lm.neighbours(word, k=k, space=space)
    return pd.DataFrame({"rank": range(1, len(res) + 1), "word": [w for w, _ in res],
                         "cosine": [round(s, 4) for _, s in res]})


def analogy_view(lm, a: str, b: str, c: str, k: int = 5, space: str = "word2vec") -> dict:
    """Answers to a : b :: c : ? plus 2-D points for the parallelogram.

    Returns ``{"answers": [(word, cos)], "table": DataFrame(rank, word, cosine) of the answers,
    "points": DataFrame(word, role, x, y)}``; roles are
    a, b, c, answer (the top one), other (the rest of the top k) and target (b − a + c). The 2-D
    plane is the PCA of these unit vectors."""
    answers = lm.analogy(a, b, c, k=k, space=space)
    vs = lm.space(space)
    target, (ia, ib, ic) = vs.offset(a, b, c)
    words = [vs.words[ia], vs.words[ib], vs.words[ic]] + [w for w, _ in answers]
    roles = ["a", "b", "c"] + ["answer"] + ["other"] * (len(answers) - 1)
    vecs = [vs.unit[ia], vs.unit[ib], vs.unit[ic]] + [vs.unit[vs.index[w]] for w, _ in answers]
    vecs.append(target / max(float(np.linalg.norm(target)), 1e-8))
    words.append("b − a + c")
    roles.append("target")
    xy = _pca2(np.stack(vecs))
    pts = pd.DataFrame({"word": words, "role": roles, "x": xy[:, 0], "y": xy[:, 1]})
    table = pd.DataFrame({"rank": range(1, len(answers) + 1), "word": [w for w, _ in answers],
                          "cosine": [round(s, 4) for _, s in answers]})
    return {"answers": answers, "table": table, "points": pts}


def _pca2(x: np.ndarray) -> np.ndarray:
    """Plain PCA to 2-D (deterministic sign: first coordinate of each axis made positive on the
    first point's side), safe for very few points."""
    x = np.asarray(x, dtype=np.float64)
    xc = x - x.mean(0)
    if len(x) < 2 or not np.any(xc):
        return np.zeros((len(x), 2))
    u, s, vt = np.linalg.svd(xc, full_matrices=False)
    comps = vt[:2]
    if len(comps) < 2:
        comps = np.vstack([comps, np.zeros_like(comps[0])])
    xy = xc @ comps.T
    xy[:, np.sign(xy[0]) < 0] *= -1
    return np.nan_to_num(xy)


# ---- context changes meaning -------------------------------------------------------------------

def word_positions(lm, sentence: str, word: str) -> tuple[list[int], list[int], str]:
    """Token positions of ``word`` in ``sentence``: (ids, positions of the word's pieces, note).

    Uses the whole-word token ``" word"`` when the model has one; otherwise the pieces that cover
    the word's characters (the last piece is the one read, it has seen the whole word). A model that
    reads Chinese reads the sentence cut into words (``lm.reads``): the word is found there, as a
    word of its own when the cut made it one (花 in 「的 花 都」), else inside a longer one; Chinese has
    no ``\b`` between characters."""
    ids = lm.encode(sentence)
    text = lm.reads(sentence)                 # what the ids spell
    if lm.segmenter is not None:
        m = (re.search(r"(?<!\S)" + re.escape(word) + r"(?!\S)", text) or re.search(re.escape(word), text)) if word else None
    else:
        m = re.search(r"\b" + re.escape(word) + r"\b", text)
    if m is None:
        raise WordError.of([("err.word.not_in_sentence", {"w": shown(word), "sentence": shown(sentence, 200)})])
    start, end = m.start(), m.end()
    pos, offs = 0, []
    for i in ids:
        n = len(lm.tokenizer.decode_single_token_bytes(i))
        offs.append((pos, pos + n))
        pos += n
    b0 = len(text[:start].encode("utf-8"))
    b1 = len(text[:end].encode("utf-8"))
    cover = [j for j, (s, e) in enumerate(offs) if s < b1 and e > b0]
    return ids, cover, "single" if len(cover) == 1 else "pieces"


def context_view(lm, word: str, sentences: tuple[str, str], layer: int,
                 neighbours: list[str] | None = None) -> dict:
    """The hidden state of ``word`` in two sentences at ``layer``, next to context-space vectors.

    Returns ``{"points": DataFrame(word, kind, x, y), "cosines": DataFrame(layer, cosine),
    "nearest": [[(w, cos)], [(w, cos)]], "pieces": [str, ...], "positions": [p1, p2]}``.
    ``kind`` is "A"/"B" for the two occurrences and "neighbour" for context-space words."""
    L = lm.config.n_layer
    layer = int(max(0, min(layer, L)))
    vecs, pieces, positions = [], [], []
    for s in sentences:
        ids, cover, _ = word_positions(lm, s, word)
        tr = lm.trace(ids)
        p = cover[-1] - tr.truncated
        positions.append(p)
        pieces.append(" + ".join(token_display(lm.tokenizer.decode_single_token_bytes(ids[j]), show_whitespace=True)
                                 for j in cover))
        vecs.append(tr.resid[:, p, :])                   # (L+1, d)
    A, B = vecs
    na = np.linalg.norm(A, axis=1) * np.linalg.norm(B, axis=1)
    cos = (A * B).sum(1) / np.maximum(na, 1e-8)
    cosines = pd.DataFrame({"layer": np.arange(L + 1), "cosine": np.round(cos, 6)})

    nearest: list[list[tuple[str, float]]] = [[], []]
    rows = [(f"{word} (A)", "A", A[layer]), (f"{word} (B)", "B", B[layer])]
    try:
        vs = lm.space(f"context:{layer}")
    except WordError:
        vs = None
    if vs is not None:
        own = {word, word.lower()}
        for j, v in enumerate((A[layer], B[layer])):
            nearest[j] = [(w, s) for w, s in vs.nearest(v, k=8) if w not in own][:6]
        words = neighbours if neighbours is not None else CONTEXT_NEIGHBOURS.get(word) or _sentence_words(
            [lm.reads(s) for s in sentences], word)
        for w in words:
            if w in vs and w not in own:
                rows.append((w, "neighbour", vs.vectors[vs.index[w]]))
    X = np.stack([r[2] for r in rows])
    xy = _pca2(X)
    pts = pd.DataFrame({"word": [r[0] for r in rows], "kind": [r[1] for r in rows],
                        "x": xy[:, 0], "y": xy[:, 1]})
    return {"points": pts, "cosines": cosines, "nearest": nearest, "pieces": pieces,
            "positions": positions, "layer": layer}


def _sentence_words(sentences, word) -> list[str]:
    """The other words of the sentences (as the model reads them: a Chinese sentence cut into words),
    without small function words and signs."""
    out = []
    for s in sentences:
        for w in regex.findall(r"[A-Za-z]+|\p{Han}+", s):
            if w.lower() not in _STOP and w not in _STOP_ZH and w != word and w not in out:
                out.append(w)
    return out


# ---- the lesson's question on this page (views/lesson.py: KINDS) -----------------------------------

def question_analogy(lm, q: dict, opts: list[str], **held) -> dict:
    """Cosine of each option to b − a + c; the answer is the nearest."""
    vs = lm.space(q.get("space", "word2vec"))
    target, _ = vs.offset(q["a"], q["b"], q["c"])
    target = target / max(float(np.linalg.norm(target)), 1e-8)
    scores = {o: float(vs.unit[vs.lookup(o)] @ target) for o in opts}
    top = lm.analogy(q["a"], q["b"], q["c"], k=1)[0][0]
    return {"scores": scores, "answer": max(scores, key=scores.get), "unit": "cosine", "facts": {"top": top}}
