"""The public API: a loaded model you can trace, sample from, ablate and query for word vectors.

    lm = explainer.load()                 # the bundled model
    tr = lm.trace("The capital of Poland is")
    lm.next_token("I like my coffee with cream and", k=5)
    off = Intervention.zero(mlp=[0], positions=[-1])
    lm.next_probs("Q: What is the capital of Poland? A:", off)     # (V,) with MLP 0 off
    with lm.ablate(mlp=[3, 4]):                                     # the same, as sugar
        lm.next_token(...)

An ``LM`` is shared read-only between users (the app caches one). Every forward pass goes through
``LM._forward``, which passes the intervention to the model as an argument: the one given to the
call, plus the one of any ``with lm.ablate(...)`` block this thread is in (kept in a
``ContextVar``, private to the thread/task that entered it). The shared model never changes.
"""

from __future__ import annotations

import contextlib
import difflib
import contextvars
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from . import checkpoint as ckpt
from . import gpt2, sampling, settings
from .inputs import InputError, whole  # noqa: F401 — InputError is part of this API
from .embeddings import (VectorSpace, WordError, load_context_vectors, load_word2vec, shown,
                         word_token_ids)
from .model import GPT, GPTConfig, Intervention, KVCache
from .tokenizer import load_segmenter, load_tiktoken_bpe, make_encoding, token_bytes, token_display, unsegment


def _bundled(name: str = "model") -> Path:
    """A bundled model: ``assets/<name>`` in a source checkout, or ``explainer/bundled/<name>``
    where ``pip install .`` put it (pyproject.toml ships ``assets/`` as that package data)."""
    here = Path(__file__).resolve().parent
    for folder in (here.parent / "assets" / name, here / "bundled" / name):
        if (folder / ckpt.CONFIG).is_file():
            return folder
    return here.parent / "assets" / name


ASSETS = _bundled()
ASSETS_ZH = _bundled("model_zh")        # the bundled model that reads Chinese (trained with --lang zh)

_CURRENT: contextvars.ContextVar[Intervention | None] = contextvars.ContextVar("intervention", default=None)


# the tokens a GPT-2 reads per call here (it could read 1,024): a page's trace of GPT-2 small over 128
# tokens holds ≈ 60 MB (attention 12 × 12 × 128², logits 128 × 50,257); over 1,024 it would be gigabytes
GPT2_MAX_TOKENS = 128
MAX_NEW_TOKENS = 2_000      # tokens one generate call may add (≈ 3 s on 2 CPU cores)
MAX_SEED = 2**32 - 1


def find_subsequence(seq: list[int], sub: list[int], last: bool = False) -> int:
    """Start of the first (or ``last``) occurrence of ``sub`` in ``seq``, or -1.

    >>> find_subsequence([5, 1, 2, 5, 1], [5, 1], last=True)
    3
    """
    n = len(sub)
    starts = range(len(seq) - n, -1, -1) if last else range(len(seq) - n + 1)
    for i in starts:
        if n and seq[i:i + n] == sub:
            return i
    return -1


def _unedited_prefix(iv: Intervention | None, T: int) -> int:
    """How many leading tokens of a T-token input no edit of ``iv`` touches: edits at positions counted
    from the end only (an edit at every position, or at a position counted from the start, gives 0)."""
    first = T
    for e in (iv.edits if iv else ()):
        if not e.positions or any(p >= 0 for p in e.positions):
            return 0
        first = min(first, min(p % T for p in e.positions))
    return first


def _last_block(names, n_layer: int) -> int | None:
    """The last block a record of ``names`` needs (None: the whole model, e.g. for the final LayerNorm)."""
    last = -1
    for n in names:
        if n in ("hook_embed", "hook_pos_embed"):
            continue
        parts = n.split(".")
        if parts[0] != "blocks" or not parts[1].isdigit():
            return None
        last = max(last, int(parts[1]))
    return min(last, n_layer - 1) if last >= 0 else 0


class _Only(dict):
    """A record that keeps only the activation points it was asked for."""

    def __init__(self, names):
        super().__init__()
        self.names = frozenset(names)

    def __setitem__(self, key, value):
        if key in self.names:
            super().__setitem__(key, value)


@dataclass
class Trace:
    """Everything one forward pass computed, as numpy arrays (see docs/architecture.md)."""

    ids: list[int]
    tokens: list[str]           # display text per position
    logits: np.ndarray          # (T, V)
    attention: np.ndarray       # (L, H, T, T), rows sum to 1, causal
    resid: np.ndarray           # (L+1, T, d): before block 0 .. after the last block
    attn_out: np.ndarray        # (L, T, d)
    mlp_out: np.ndarray         # (L, T, d)
    truncated: int = 0          # tokens dropped from the front to fit the context
    intervention: Intervention | None = None
    _unembed: object = field(default=None, repr=False)
    _lens: np.ndarray | None = field(default=None, repr=False)

    @property
    def probs(self) -> np.ndarray:
        """(T, V) the model's own next-token probabilities."""
        return sampling.softmax(self.logits)

    @property
    def lens(self) -> np.ndarray:
        """(L+1, T, V) logit lens: final LayerNorm + unembedding applied to every residual state,
        softmaxed. Computed on first use (≈ as long as the forward pass itself). It is large for a
        large vocabulary (GPT-2: 13 × T × 50,257 numbers); the readings below never build it whole."""
        if self._lens is None:
            self._lens = self._lens_of(self.resid)
        return self._lens

    def _lens_of(self, resid: np.ndarray) -> np.ndarray:
        """The lens's softmaxed predictions for residual vectors (…, d) → (…, V)."""
        with torch.inference_mode():
            z = self._unembed(torch.from_numpy(np.ascontiguousarray(resid)))
            return torch.softmax(z.float(), dim=-1).numpy()

    # ---- logit lens readings (the lens page and the scorecard read these) ----------------
    def lens_top(self, k: int = 5) -> tuple[np.ndarray, np.ndarray]:
        """Top-k token ids and probabilities per layer and position: two (L+1, T, k) arrays (one
        layer's scores at a time, the top k picked from the scores, when the whole lens was not asked for)."""
        if self._lens is not None:
            ids = np.argsort(-self._lens, axis=-1)[..., :k]
            return ids, np.take_along_axis(self._lens, ids, axis=-1)
        ids, probs = [], []
        with torch.inference_mode():
            for layer in range(self.resid.shape[0]):
                z = self._unembed(torch.from_numpy(np.ascontiguousarray(self.resid[layer]))).float()   # (T, V)
                top = z.topk(k, dim=-1)
                ids.append(top.indices.numpy())
                probs.append(torch.exp(top.values - torch.logsumexp(z, dim=-1, keepdim=True)).numpy())
        return np.stack(ids), np.stack(probs)

    def _lens_at(self, pos: int) -> np.ndarray:
        """(L+1, V) the lens at one position."""
        return self._lens[:, pos] if self._lens is not None else self._lens_of(self.resid[:, pos])

    def lens_probs(self, token_ids: list[int], pos: int = -1) -> np.ndarray:
        """(L+1, n) lens probability of each token at one position, layer by layer."""
        return self._lens_at(pos)[:, token_ids]

    def first_top1_layer(self, token_id: int, pos: int = -1) -> int | None:
        """First lens layer (0 = embeddings) whose top guess at ``pos`` is ``token_id``."""
        hits = np.nonzero(self._lens_at(pos).argmax(-1) == token_id)[0]
        return int(hits[0]) if len(hits) else None


class LM:
    def __init__(self, model: GPT, enc, folder: Path | None = None, meta: dict | None = None):
        self.model = model.eval()
        self.tokenizer = enc
        self.folder = Path(folder) if folder else None
        self.meta = meta or {}
        self._spaces: dict[str, VectorSpace] = {}
        self._w2v = load_word2vec(self.folder) if self.folder else None
        self._ctx = load_context_vectors(self.folder) if self.folder else None
        # a model that reads segmented text (Chinese: segmentation.json) gets every prompt split into
        # its words here, at the door, so every page and call reads text as the model was trained on
        self.segmenter = load_segmenter(self.folder)
        self.broken_snapshots: list[tuple[Path, str]] = []     # (path, what is wrong): not offered
        # the most tokens one call reads: the model's context, or less for a large model (GPT-2 reads
        # 1,024, but its trace, attention and lens over 1,024 tokens would take gigabytes per view)
        self.max_tokens = model.cfg.n_ctx
        self._n_params = model.n_params()          # asked on every page run (the sidebar): counted once

    # ---- text <-> ids --------------------------------------------------------------------
    @property
    def config(self) -> GPTConfig:
        return self.model.cfg

    def reads(self, text: str) -> str:
        """What the model reads for ``text``: the text itself, or, for a model that reads segmented
        text, the text split into its words (「波兰的首都是」 → 「波兰 的 首都 是」)."""
        return self.segmenter.segment(text) if self.segmenter is not None else text

    def encode(self, text: str) -> list[int]:
        """Plain text → ids (through ``reads``). ``<|endoftext|>`` typed by a user is ordinary text."""
        return self.tokenizer.encode(self.reads(text), disallowed_special=())

    def word_ids(self, word: str) -> list[int]:
        """The ids of ``word`` as it stands after another word (``" " + word``, segmented if the
        model reads segmented text); [] for an empty word."""
        w = self.reads(str(word or "").strip()).strip()
        return self.tokenizer.encode(" " + w, disallowed_special=()) if w else []

    def decode(self, ids) -> str:
        """Ids → text as it is written (a segmented model's spaces between Chinese words removed)."""
        text = self.tokenizer.decode([int(i) for i in ids])
        return unsegment(text) if self.segmenter is not None else text

    def pieces(self, ids, before: str = "") -> list[str]:
        """Each token's text as it stands in the running text that follows ``before``, so the pieces can
        be coloured one by one: a segmented model's spaces beside Chinese words are removed token by
        token (for Chinese text the pieces join to ``decode(ids)``; a space before a Latin word after
        Chinese punctuation may stay). Other models: each token's own text."""
        out, tail = [], before[-1:]
        for i in ids:
            s = self.tokenizer.decode([int(i)])
            if self.segmenter is not None:
                s = unsegment(tail + s)[len(tail):]
            out.append(s)
            tail = s[-1:] or tail
        return out

    def token_text(self, i: int, show_whitespace: bool = False) -> str:
        return token_display(token_bytes(self.tokenizer, int(i)), show_whitespace=show_whitespace)

    def fit_context(self, ids: list[int], room: int = 0) -> tuple[list[int], int]:
        """Keep the last ``max_tokens - room`` ids; return them and how many were dropped."""
        limit = self.max_tokens - room
        if len(ids) > limit:
            return ids[-limit:], len(ids) - limit
        return ids, 0

    def _ids(self, text_or_ids) -> tuple[list[int], int]:
        blank = isinstance(text_or_ids, str) and not text_or_ids.strip()   # spaces only count as empty
        V = self.config.vocab_size
        ids = [] if blank else (self.encode(text_or_ids) if isinstance(text_or_ids, str)
                                else [whole("token id", i, 0, V - 1) for i in text_or_ids])
        if not ids:
            raise InputError("The prompt is empty: type some text first.")
        return self.fit_context(ids)

    # ---- words <-> tokens -------------------------------------------------------------------
    def answer_tokens(self, words) -> list[dict]:
        """For each word: ``id`` — the token the model must predict to start it (the first token
        of ``" " + word``), ``token`` (its text), ``split`` (the word needs more tokens)."""
        out = []
        for w in words:
            ids = self.word_ids(w)
            if ids:
                out.append({"word": w, "id": int(ids[0]), "token": self.token_text(ids[0]),
                            "split": len(ids) > 1})
        return out

    def answer_id(self, word: str) -> int:
        """The first token of ``" " + word``: what the model must predict to start that word."""
        return self.word_ids(word)[0]

    def find_word(self, text_or_ids, word: str) -> int | None:
        """Position, counted from the end (< 0), of the last token of ``word``'s last occurrence in
        what the model reads of ``text_or_ids`` (None when it does not occur there)."""
        ids, _ = self._ids(text_or_ids)
        sub = self.word_ids(word)
        start = find_subsequence(ids, sub, last=True) if sub else -1
        return None if start < 0 else start + len(sub) - 1 - len(ids)

    # ---- interventions ---------------------------------------------------------------------
    @contextlib.contextmanager
    def ablate(self, heads=(), attn=(), mlp=(), positions=()):
        """Sugar for ``Intervention.zero(...)`` on every call inside the block: switch off heads
        [(layer, head)], whole attention layers or MLP layers (the MLPs only at ``positions``,
        negative = from the end, when given). Private to this thread; ends with the block."""
        iv = Intervention.zero(heads, attn, mlp, positions)
        iv.validate(self.config)
        token = _CURRENT.set(iv + _CURRENT.get())
        try:
            yield self
        finally:
            _CURRENT.reset(token)

    @property
    def current_intervention(self) -> Intervention | None:
        """The intervention of the ``ablate`` blocks this thread is in (None outside them)."""
        return _CURRENT.get()

    @staticmethod
    def _combined(intervention: Intervention | None) -> Intervention | None:
        """The call's intervention plus any ``ablate`` block's this thread is in (None: nothing)."""
        return ((intervention or Intervention()) + _CURRENT.get()) or None

    def _forward(self, idx: torch.Tensor, intervention: Intervention | None = None,
                 record: dict | None = None, kv_cache: KVCache | None = None, targets: torch.Tensor | None = None,
                 combined: bool = False, last_only: bool = False, stop_after: int | None = None):
        """The one door to the model: every forward pass of this class — traces, next-token
        probabilities, generation, losses — goes through here (tests/engine/test_layout.py holds
        it). (logits, loss) with ``intervention`` plus any ``ablate`` block's applied (``combined``:
        the caller already added them), read-only, without gradients."""
        iv = intervention if combined else self._combined(intervention)
        with torch.inference_mode():
            return self.model(idx, targets, record=record, intervention=iv, kv_cache=kv_cache, last_only=last_only,
                              stop_after=stop_after)

    def record(self, batch: list[list[int]], intervention: Intervention | None = None,
               names: tuple[str, ...] | None = None) -> dict:
        """Named activation points (torch tensors) for a batch of equally long id sequences: every
        point, or only ``names`` (e.g. ``("blocks.2.mlp.hook_post",)``: the rest is not kept)."""
        rec: dict = {} if names is None else _Only(names)
        self._forward(torch.tensor(batch), intervention, record=rec, last_only=True,
                      stop_after=None if names is None else _last_block(names, self.config.n_layer))
        return dict(rec)

    def loss(self, x, y) -> float:
        """Mean next-token loss (nats) of id windows ``x`` (B, T) predicting ``y`` (B, T)."""
        _, loss = self._forward(torch.as_tensor(x), targets=torch.as_tensor(y))
        return float(loss)

    def n_params(self) -> int:
        return self._n_params

    def weight(self, name: str, rows=None) -> np.ndarray:
        """A copy of one weight by its name in the state dict (``"wte.weight"``), or of some of its
        ``rows`` only (GPT-2's token table is 154 MB): the shared model's tensors are never handed out."""
        w = self.model.get_parameter(name).detach()
        if rows is not None:
            return w[torch.as_tensor(rows, dtype=torch.long)].float().numpy()     # indexing copies
        return w.float().numpy().copy()

    # ---- forward passes ------------------------------------------------------------------
    def trace(self, text_or_ids, intervention: Intervention | None = None) -> Trace:
        """One forward pass with everything recorded (exact attention path)."""
        ids, dropped = self._ids(text_or_ids)
        rec: dict = {}
        logits, _ = self._forward(torch.tensor([ids]), intervention, record=rec)
        L = self.config.n_layer
        resid = [rec[f"blocks.{l}.hook_resid_pre"][0] for l in range(L)] + [rec[f"blocks.{L - 1}.hook_resid_post"][0]]
        return Trace(
            ids=ids,
            tokens=[self.token_text(i) for i in ids],
            logits=logits[0].float().numpy(),
            attention=torch.stack([rec[f"blocks.{l}.attn.hook_pattern"][0] for l in range(L)]).float().numpy(),
            resid=torch.stack(resid).float().numpy(),
            attn_out=torch.stack([rec[f"blocks.{l}.hook_attn_out"][0] for l in range(L)]).float().numpy(),
            mlp_out=torch.stack([rec[f"blocks.{l}.hook_mlp_out"][0] for l in range(L)]).float().numpy(),
            truncated=dropped, intervention=self._combined(intervention), _unembed=self.model.unembed)

    def last_logits(self, text_or_ids, intervention: Intervention | None = None) -> np.ndarray:
        """(V,) scores for the next token, fast path."""
        ids, _ = self._ids(text_or_ids)
        logits, _ = self._forward(torch.tensor([ids]), intervention, last_only=True)
        return logits[0, -1].float().numpy()

    def last_logits_each(self, text_or_ids, interventions) -> np.ndarray:
        """(n, V) the next token's scores under each of ``interventions`` (None: none), in one batched
        pass over n copies of the prompt, each row with its own switch-off (``Intervention.on_rows``);
        the same numbers as n calls of ``last_logits``, in less time."""
        ids, _ = self._ids(text_or_ids)
        ivs = list(interventions)
        if not ivs:
            return np.zeros((0, self.config.vocab_size), dtype=np.float32)
        iv = Intervention()
        for r, one in enumerate(ivs):
            if one:
                iv = iv + one.on_rows(r)
        # the tokens before the first one any edit touches are the same in every row: computed once
        start = _unedited_prefix(self._combined(iv), len(ids))
        if start >= 2:
            cache = KVCache(self.config.n_layer, len(ids))
            self._forward(torch.tensor([ids[:start]]), None, kv_cache=cache, combined=True, last_only=True)
            logits, _ = self._forward(torch.tensor([ids[start:]] * len(ivs)), iv or None,
                                      kv_cache=cache.repeat(len(ivs)), last_only=True)
        else:
            logits, _ = self._forward(torch.tensor([ids] * len(ivs)), iv or None, last_only=True)
        return logits[:, -1].float().numpy()

    def next_probs(self, text_or_ids, intervention: Intervention | None = None,
                   temperature: float = 1.0) -> np.ndarray:
        """(V,) the next token's probabilities, under ``intervention`` when given."""
        temperature, _, _ = sampling.check_settings(temperature)
        return sampling.softmax(self.last_logits(text_or_ids, intervention), temperature)

    def next_token(self, text_or_ids, k: int = 5, temperature: float = 1.0,
                   intervention: Intervention | None = None) -> list[tuple[str, float]]:
        k = whole("k", k, 1, self.config.vocab_size)
        p = self.next_probs(text_or_ids, intervention, temperature)
        top = np.argsort(-p)[:k]
        return [(self.decode([int(i)]), float(p[i])) for i in top]

    def generate_ids(self, prompt, max_new_tokens: int = 50, temperature: float = 1.0,
                     top_k: int | None = None, top_p: float | None = None, seed: int | None = None,
                     stop_at_eot: bool = True, intervention: Intervention | None = None) -> list[int]:
        """New token ids after the prompt, using a KV cache. When the context is full the cache is
        rebuilt on the last ``max_tokens // 2`` tokens (a sliding window)."""
        max_new_tokens = whole("max_new_tokens", max_new_tokens, 0, MAX_NEW_TOKENS)
        temperature, top_k, top_p = sampling.check_settings(temperature, top_k, top_p, self.config.vocab_size)
        seed = None if seed is None else whole("seed", seed, 0, MAX_SEED)
        ids, _ = self._ids(prompt)
        rng = np.random.default_rng(seed)
        eot = self.tokenizer.eot_token
        n_ctx = self.max_tokens
        iv = self._combined(intervention)             # once for the whole loop, not per token

        def step(new_ids: list[int], cache: KVCache) -> torch.Tensor:
            return self._forward(torch.tensor([new_ids]), iv, kv_cache=cache, combined=True, last_only=True)[0]
        new: list[int] = []
        cache = KVCache(self.config.n_layer, n_ctx)
        with torch.inference_mode():
            logits = step(ids, cache)
            seq = list(ids)
            for _ in range(max_new_tokens):
                z = logits[0, -1]
                if temperature == 0:                     # greedy: the arg-max, no distribution needed
                    nxt = int(z.argmax())
                else:
                    p = sampling.next_token_distribution(z.float().numpy(), temperature, top_k, top_p)
                    nxt = sampling.sample(p, rng)
                new.append(nxt)
                seq.append(nxt)
                if stop_at_eot and nxt == eot:
                    break
                if cache.length >= n_ctx:
                    cache = KVCache(self.config.n_layer, n_ctx)
                    logits = step(seq[-(n_ctx // 2):], cache)
                else:
                    logits = step([nxt], cache)
        return new

    def generate(self, prompt: str, max_new_tokens: int = 50, temperature: float = 1.0,
                 top_k: int | None = None, top_p: float | None = None, seed: int | None = None) -> str:
        """The prompt's continuation (new text only), as it is written after the prompt (a model that
        reads Chinese: no space between the prompt's last word and the first new one)."""
        before, _ = self._ids(prompt)                   # read once: the ids generation starts from
        new = self.generate_ids(before, max_new_tokens, temperature, top_k, top_p, seed)
        if self.segmenter is None:
            return self.decode(new)
        return self.decode(before + new)[len(self.decode(before)):]

    # ---- word vectors --------------------------------------------------------------------
    def word_token(self, word: str) -> int:
        """The id of the whole-word token ``" " + word``; WordError if the model splits it."""
        w = (word or "").strip()
        if not w:
            raise WordError.of([("err.word.empty", {})])
        ids = self.encode(" " + w)
        if len(ids) == 1:
            return ids[0]
        pieces = " + ".join(repr(self.token_text(i)) for i in ids[:8]) + (" + …" if len(ids) > 8 else "")
        sp = self.space("tokens")
        sugg = difflib.get_close_matches(w, sp.words, n=5, cutoff=0.6) if len(w) <= 100 else []
        parts = [("err.word.split", {"w": shown(w), "pieces": pieces})]
        if sugg:
            parts.append(("err.word.try", {"words": ", ".join(sugg)}))
        raise WordError.of(parts, sugg)

    def space(self, space: str = "word2vec") -> VectorSpace:
        if space in self._spaces:
            return self._spaces[space]
        if space == "word2vec":
            if self._w2v is None:
                raise WordError("This model has no word2vec vectors (they are made at the end of training).")
            vs = VectorSpace("word2vec", *self._w2v)
        elif space == "tokens":
            words = word_token_ids(self.tokenizer)
            ids = sorted(words)
            vs = VectorSpace("tokens", [words[i] for i in ids],
                             self.model.wte.weight.detach()[ids].float().numpy())
        elif space.startswith("context"):
            layer = self._context_layer(space)
            if self._ctx is None:
                raise WordError("This model has no context vectors (they are made at the end of training).")
            ids, vecs = self._ctx
            words = word_token_ids(self.tokenizer)
            keep = [j for j, i in enumerate(ids) if int(i) in words]
            vs = VectorSpace(f"context:{layer}", [words[int(ids[j])] for j in keep], vecs[layer][keep])
        else:
            raise WordError(f"unknown vector space {space!r}: use 'word2vec', 'tokens' or 'context:LAYER'")
        self._spaces[space] = vs
        return vs

    def _context_layer(self, space: str) -> int:
        L = self.config.n_layer
        _, _, rest = space.partition(":")
        try:
            layer = int(rest) if rest else L // 2
        except ValueError:
            raise WordError(f"bad layer in {space!r}: write e.g. 'context:3'") from None
        if not 0 <= layer <= L:
            raise WordError(f"layer {layer} does not exist: choose 0 … {L} (0 = embeddings)")
        return layer

    def neighbours(self, word: str, k: int = 10, space: str = "word2vec") -> list[tuple[str, float]]:
        vs = self.space(space)
        return vs.neighbours(word, whole("k", k, 1, max(1, len(vs.words) - 1)))

    def analogy(self, a: str, b: str, c: str, k: int = 5, space: str = "word2vec") -> list[tuple[str, float]]:
        vs = self.space(space)
        return vs.analogy(a, b, c, whole("k", k, 1, max(1, len(vs.words) - 3)))

    # ---- facts about the model -------------------------------------------------------------
    def param_counts(self) -> dict[str, int]:
        return self.model.param_counts()

    def snapshots(self) -> list[tuple[int, Path]]:
        """(step, path) of the snapshots kept from training, the damaged ones left out."""
        broken = {str(p) for p, _ in self.broken_snapshots}
        return [(s, p) for s, p in ckpt.list_snapshots(self.folder) if str(p) not in broken] if self.folder else []

    def at_snapshot(self, path: Path) -> "LM":
        """A new LM with the weights of a snapshot (the shared one is not touched)."""
        model, meta = ckpt.load_model(self.folder, weights=path)
        lm = LM(model, self.tokenizer, None, meta)
        lm._w2v = self._w2v          # word2vec depends on the corpus only, not on the GPT's weights
        lm.segmenter = self.segmenter      # and it reads its prompts as the run did (Chinese: in words)
        return lm


def load(path: str | Path | None = None) -> LM:
    """Load a checkpoint folder (default: ``$EXPLAINER_CHECKPOINT``, else the bundled model in
    ``assets/model``), or a GPT-2 folder in the Hugging Face layout (``explainer.gpt2``)."""
    folder = Path(path or settings.get("EXPLAINER_CHECKPOINT") or ASSETS)
    if gpt2.is_gpt2_folder(folder):
        model, enc, meta = gpt2.read(folder)
        lm = LM(model, enc, folder, meta)
        lm.max_tokens = min(model.cfg.n_ctx, GPT2_MAX_TOKENS)
        return lm
    broken = ckpt.check_folder(folder)          # every file (tokenizer and vocab_size too), before any weight is read
    model, meta = ckpt.load_model(folder)
    enc = make_encoding(load_tiktoken_bpe(folder / ckpt.TOKENIZER))    # checked, with vocab_size, above
    lm = LM(model, enc, folder, meta)
    lm.broken_snapshots = broken
    return lm


def load_gpt2(name: str = "gpt2") -> LM:
    """GPT-2 (``"gpt2"``, ``"distilgpt2"``, ``"gpt2-medium"``) from Hugging Face: downloaded once
    (GPT-2 small ≈ 500 MB), then read from the cache. ``gpt2.GPT2Unavailable`` when it cannot be had."""
    return load(gpt2.download(name))


def check(folder) -> list[tuple[Path, str]]:
    """Every file of a model folder checked without loading its weights — one of our checkpoints
    (``checkpoint.check_folder``) or a GPT-2 folder (``gpt2.check_folder``): CheckpointError naming the
    first damaged file; the damaged snapshots as (path, what is wrong)."""
    if gpt2.is_gpt2_folder(folder):
        gpt2.check_folder(folder)
        return []
    return ckpt.check_folder(Path(folder))
