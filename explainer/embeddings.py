"""Word vectors in three spaces, neighbours, analogies and 2-D maps.

Spaces (``space=`` in the API):

- ``"word2vec"``  skip-gram vectors trained on the same corpus as the GPT (what the articles
  describe). We use gensim's ``Word2Vec``: a well-kept C implementation that trains on our 20 MB
  corpus in well under a minute on 2 cores; a torch skip-gram would be more code to test and
  slower. The vectors are stored as safetensors + a JSON word list, so the app needs no gensim.
- ``"tokens"``    the GPT's own input embedding matrix (tied with the output).
- ``"context:L"`` the GPT's residual stream after block L (``context:0`` is the embedding + position),
  averaged over the word's occurrences in the training corpus; computed once after training.

A "word" in the GPT spaces is a whole-word token: the token for ``" " + word``. A word the model
splits into several tokens raises :class:`WordError` with suggestions.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from .checkpoint import CONTEXT, W2V_VECTORS, W2V_WORDS  # the file names live with the checkpoint's other files

WORD_RE = re.compile(r"[^\W\d_]+")          # a run of letters, any script (ASCII text: [A-Za-z]+)
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")     # a Chinese character (CJK ideograph)
_HAN_OR_WORD_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\d_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

W2V_SETTINGS = dict(vector_size=100, window=5, min_count=5, sg=1, negative=10, epochs=5)


class WordError(ValueError):
    """A word that is not in a vector space; ``suggestions`` lists close words that are.
    ``parts`` — ``[(message key, params), …]`` — let a page say the same in its own language."""

    def __init__(self, message: str, suggestions: list[str] | None = None,
                 parts: list[tuple[str, dict]] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []
        self.parts = parts or []

    @classmethod
    def of(cls, parts: list[tuple[str, dict]], suggestions: list[str] | None = None) -> "WordError":
        """An error from catalogue messages (``err.*``); its own text is the English one."""
        return cls(cls.render(parts, "en"), suggestions, parts)

    @staticmethod
    def render(parts: list[tuple[str, dict]], lang: str) -> str:
        from .i18n import t
        return "".join(t(key, lang, **params) for key, params in parts)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (falls back to the English text of the exception)."""
        return self.render(self.parts, lang) if self.parts else str(self)


def shown(word: str, limit: int = 40) -> str:
    """A user's word as it goes into a message: at most ``limit`` characters (a pasted page is not
    echoed back whole)."""
    return word if len(word) <= limit else word[:limit] + "…"


# ---- training / precomputation ----------------------------------------------------------------

def han_segmented(text: str, sample: int = 200_000) -> bool:
    """Whether the Chinese in ``text`` is written with spaces between words (the Chinese corpus as a
    Chinese model reads it: 「波兰 的 首都 是 华沙」) — at least a fifth of its Chinese characters in
    the first ``sample`` characters stand before a space. Plain Chinese has almost none."""
    head = text[:sample]
    han = [m.end() for m in _HAN_RE.finditer(head)]
    return bool(han) and sum(head[i:i + 1] == " " for i in han) >= 0.2 * len(han)


def w2v_sentences(text: str) -> list[list[str]]:
    """One sentence per line, words are runs of letters (any script), case kept:
    ``"Hi, Bo!" → [["Hi", "Bo"]]``, ``"Привет, Боб!" → [["Привет", "Боб"]]``. Chinese written with
    spaces between words (our segmented corpus) gives its words, ``"国王 和 女王" → [["国王", "和",
    "女王"]]``; Chinese without spaces (someone's own text) has no word boundaries we know, so each
    Chinese character is a word: ``"国王和女王" → [["国", "王", "和", "女", "王"]]``."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not _HAN_RE.search(text) or han_segmented(text):
        return [WORD_RE.findall(line) for line in lines]
    return [_HAN_OR_WORD_RE.findall(line) for line in lines]


def word_counts(text: str) -> Counter:
    """How often each word of ``w2v_sentences`` occurs."""
    return Counter(w for sentence in w2v_sentences(text) for w in sentence)


def train_word2vec(text: str, seed: int = 0, workers: int = 2) -> tuple[list[str], np.ndarray]:
    return _word2vec(w2v_sentences(text), seed, workers)


def _word2vec(sentences: list[list[str]], seed: int = 0, workers: int = 2) -> tuple[list[str], np.ndarray]:
    from gensim.models import Word2Vec
    m = Word2Vec(sentences, workers=workers, seed=seed, **W2V_SETTINGS)
    words = list(m.wv.index_to_key)
    return words, np.asarray(m.wv.vectors, dtype=np.float32)


def w2v_missing(counts: Counter) -> str | None:
    """Why word2vec cannot train on a text with these word counts (None when it can): gensim needs
    at least two words seen ``min_count`` times (else it raises "you must first build vocabulary")."""
    need = W2V_SETTINGS["min_count"]
    often = sum(c >= need for c in counts.values())
    if often >= 2:
        return None
    if not counts:
        return "the text has no words (runs of letters) at all"
    return (f"only {often} of its {len(counts):,} distinct words occurs {need} times or more; word2vec needs "
            f"at least 2 such words: give it a longer text")


def train_word2vec_to(text: str, folder: Path, seed: int = 0) -> bool:
    """word2vec on ``text`` into ``folder``; False (nothing written) when too few words occur often
    enough to get a vector (``w2v_missing`` says why)."""
    from safetensors.numpy import save_file
    from .checkpoint import write_json
    sentences = w2v_sentences(text)           # split once: counted here, trained on below
    if w2v_missing(Counter(w for sentence in sentences for w in sentence)) is not None:
        return False
    words, vecs = _word2vec(sentences, seed)
    save_file({"vectors": vecs}, str(Path(folder) / W2V_VECTORS))
    write_json(Path(folder) / W2V_WORDS, {"words": words, "settings": W2V_SETTINGS})
    return True


def load_word2vec(folder: Path) -> tuple[list[str], np.ndarray] | None:
    from .checkpoint import load_tensors, read_json
    folder = Path(folder)
    if not (folder / W2V_VECTORS).exists():
        return None
    words = read_json(folder / W2V_WORDS)["words"]
    vecs = load_tensors(folder / W2V_VECTORS)["vectors"].float().numpy()
    return words, vecs


def word_token_ids(enc) -> dict[int, str]:
    """Tokens that are a whole word with its leading space: id → word (``" cat"`` → ``"cat"``,
    ``" 咖啡"`` → ``"咖啡"``). An English vocabulary has only ASCII words."""
    out = {}
    for i in range(enc.n_vocab):
        try:
            b = enc.decode_single_token_bytes(i)
        except KeyError:
            continue
        if len(b) > 1 and b[:1] == b" ":
            try:
                w = b[1:].decode("utf-8")
            except UnicodeDecodeError:          # part of a character
                continue
            if w.isalpha():                    # letters of any script: " cat", " кот", " 咖啡"
                out[i] = w
    return out


@torch.no_grad()
def compute_context_vectors(model, enc, tokens: np.ndarray, max_tokens: int = 200_000,
                            min_count: int = 5, batch: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """Average residual stream per whole-word token at every layer over the corpus.

    Returns ``ids`` (W,) and ``vectors`` (L+1, W, d). Positions early in a window (< 8) are skipped:
    with almost no context they would just repeat the token embedding."""
    cfg = model.cfg
    words = word_token_ids(enc)
    T = cfg.n_ctx
    n = min(len(tokens), max_tokens) // T
    windows = torch.from_numpy(tokens[:n * T].astype(np.int64).reshape(n, T))
    L, d, V = cfg.n_layer, cfg.d_model, cfg.vocab_size
    sums = torch.zeros(L + 1, V, d)
    counts = torch.zeros(V)
    keep = torch.zeros(V, dtype=torch.bool)
    keep[list(words)] = True
    for i in range(0, n, batch):
        x = windows[i:i + batch]
        rec: dict = {}
        model(x, record=rec)
        resid = [rec[f"blocks.{l}.hook_resid_pre"] for l in range(L)] + [rec[f"blocks.{L - 1}.hook_resid_post"]]
        ids = x[:, 8:].reshape(-1)
        mask = keep[ids]
        ids = ids[mask]
        for l, r in enumerate(resid):
            sums[l].index_add_(0, ids, r[:, 8:].reshape(-1, d)[mask].float())
        counts.index_add_(0, ids, torch.ones(len(ids)))
    sel = torch.nonzero(counts >= min_count).squeeze(1)
    vecs = sums[:, sel] / counts[sel][None, :, None]
    return sel.numpy().astype(np.int32), vecs.numpy().astype(np.float32)


def compute_context_vectors_to(folder: Path, tokens: np.ndarray) -> bool:
    """The context vectors of the model in ``folder``; False (nothing written) when its vocabulary
    has no whole-word tokens that occur often enough."""
    from safetensors.numpy import save_file
    from .checkpoint import load_model
    from .tokenizer import load_tiktoken_bpe, make_encoding
    model, _ = load_model(folder)
    enc = make_encoding(load_tiktoken_bpe(Path(folder) / "tokenizer.tiktoken"))
    if not word_token_ids(enc):
        return False
    ids, vecs = compute_context_vectors(model, enc, tokens)
    if len(ids) == 0:
        return False
    save_file({"ids": ids, "vectors": vecs.astype(np.float16)}, str(Path(folder) / CONTEXT))
    return True


def load_context_vectors(folder: Path) -> tuple[np.ndarray, np.ndarray] | None:
    from .checkpoint import load_tensors
    if not (Path(folder) / CONTEXT).exists():
        return None
    t = load_tensors(Path(folder) / CONTEXT)
    return t["ids"].numpy(), t["vectors"].float().numpy()


# ---- a vector space ---------------------------------------------------------------------------

@dataclass
class VectorSpace:
    """Words and their vectors (rows), with unit-length copies for cosine similarity."""

    name: str
    words: list[str]
    vectors: np.ndarray          # (W, d)

    def __post_init__(self):
        self.index = {w: i for i, w in enumerate(self.words)}
        norms = np.linalg.norm(self.vectors, axis=1, keepdims=True)
        self.unit = self.vectors / np.maximum(norms, 1e-8)

    def __contains__(self, word: str) -> bool:
        return word in self.index

    def vector(self, word: str) -> np.ndarray:
        return self.vectors[self.lookup(word)]

    def lookup(self, word: str) -> int:
        if not isinstance(word, str) or not word.strip():
            raise WordError.of([("err.word.empty", {})])
        w = word.strip()
        if w in self.index:
            return self.index[w]
        for alt in (w.lower(), w.capitalize()):
            if alt in self.index:
                return self.index[alt]
        sugg = difflib.get_close_matches(w, self.words, n=5, cutoff=0.6) if len(w) <= 100 else []
        parts = [("err.word.unknown", {"w": shown(w), "space": self.name, "n": f"{len(self.words):,}"})]
        if sugg:
            parts.append(("err.word.did_you_mean", {"words": ", ".join(sugg)}))
        raise WordError.of(parts, sugg)

    def nearest(self, query: np.ndarray, k: int = 10, exclude: set[int] = frozenset()) -> list[tuple[str, float]]:
        q = query / max(float(np.linalg.norm(query)), 1e-8)
        sims = self.unit @ q
        order = np.argsort(-sims)
        out = []
        for i in order:
            if int(i) in exclude:
                continue
            out.append((self.words[int(i)], float(sims[i])))
            if len(out) >= k:
                break
        return out

    def neighbours(self, word: str, k: int = 10) -> list[tuple[str, float]]:
        i = self.lookup(word)
        return self.nearest(self.vectors[i], k, {i})

    def offset(self, a: str, b: str, c: str) -> tuple[np.ndarray, tuple[int, int, int]]:
        """b − a + c on unit-length vectors (like gensim's ``most_similar``), and the three rows."""
        ia, ib, ic = self.lookup(a), self.lookup(b), self.lookup(c)
        return self.unit[ib] - self.unit[ia] + self.unit[ic], (ia, ib, ic)

    def analogy(self, a: str, b: str, c: str, k: int = 5) -> list[tuple[str, float]]:
        """a is to b as c is to ?  →  nearest to (b − a + c) by cosine, inputs excluded."""
        target, rows = self.offset(a, b, c)
        return self.nearest(target, k, set(rows))


def analogy_accuracy(vs: VectorSpace, relations: dict[str, list[tuple[str, str]]]) -> dict:
    """Top-1 accuracy of b − a + c → d over every ordered pair of pairs in each relation list
    (``corpus.RELATIONS``), inputs excluded. Pairs with a word outside the space are skipped (and
    counted). Returns ``{"accuracy", "n", "pairs_skipped", "per_relation": {rel: {"n", "accuracy"}}}``."""
    per, total_hits, total_n, skipped = {}, 0, 0, 0
    for rel, pairs in relations.items():
        ok_pairs = [(a, b) for a, b in pairs if a in vs and b in vs]
        skipped += len(pairs) - len(ok_pairs)
        qs = [(p, q) for p in ok_pairs for q in ok_pairs if p != q]
        if not qs:
            per[rel] = {"n": 0, "accuracy": None}
            continue
        ia = np.array([vs.index[p[0]] for p, _ in qs])
        ib = np.array([vs.index[p[1]] for p, _ in qs])
        ic = np.array([vs.index[q[0]] for _, q in qs])
        idd = np.array([vs.index[q[1]] for _, q in qs])
        target = vs.unit[ib] - vs.unit[ia] + vs.unit[ic]
        sims = target @ vs.unit.T                                  # (Q, W)
        rows = np.arange(len(qs))
        for col in (ia, ib, ic):
            sims[rows, col] = -np.inf
        hits = int((sims.argmax(1) == idd).sum())
        per[rel] = {"n": len(qs), "accuracy": hits / len(qs)}
        total_hits += hits
        total_n += len(qs)
    return {"accuracy": total_hits / total_n if total_n else None, "n": total_n,
            "pairs_skipped": skipped, "per_relation": per}


# ---- 2-D maps -------------------------------------------------------------------------------

def project_2d(vectors: np.ndarray, method: str = "pca", seed: int = 0) -> np.ndarray:
    """(n, d) → (n, 2). PCA is instant; t-SNE (perplexity adapted to small n) takes ~1 s for 100 words."""
    x = np.asarray(vectors, dtype=np.float64)
    n = len(x)
    if n == 0:
        return np.zeros((0, 2))
    if n < 3:
        return np.column_stack([np.arange(n, dtype=float), np.zeros(n)])
    if method == "tsne":
        from sklearn.manifold import TSNE
        perp = float(max(2, min(30, (n - 1) // 3)))
        return TSNE(n_components=2, perplexity=perp, init="pca", random_state=seed,
                    metric="cosine").fit_transform(x)
    from sklearn.decomposition import PCA
    return PCA(n_components=2, random_state=seed).fit_transform(x - x.mean(0))
