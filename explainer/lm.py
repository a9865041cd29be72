"""The public API: a loaded model you can trace, sample from, ablate and query for word vectors.

    lm = explainer.load()                 # the bundled model in assets/model
    tr = lm.trace("The capital of Poland is")
    lm.next_token("I like my coffee with cream and", k=5)
    with lm.ablate(mlp=[3, 4]):
        lm.next_token(...)

An ``LM`` is shared read-only between users (the app caches one). Ablation is kept in a
``ContextVar`` — private to the thread/task that entered ``ablate`` — and passed to the model
as an argument, so it never changes the shared model and always ends with the ``with`` block.
"""

from __future__ import annotations

import contextlib
import difflib
import contextvars
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from . import checkpoint as ckpt
from . import sampling
from .embeddings import (VectorSpace, WordError, load_context_vectors, load_word2vec,
                         word_token_ids)
from .model import Ablation, GPT, GPTConfig, KVCache
from .tokenizer import load_tiktoken_bpe, make_encoding, token_bytes, token_display

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "model"

_ABLATION: contextvars.ContextVar[Ablation | None] = contextvars.ContextVar("ablation", default=None)


class InputError(ValueError):
    """Input the model cannot run on (empty prompt, bad setting); the message is for the user."""


@dataclass
class Trace:
    """Everything one forward pass computed, as numpy arrays (see DESIGN.md)."""

    ids: list[int]
    tokens: list[str]           # display text per position
    logits: np.ndarray          # (T, V)
    attention: np.ndarray       # (L, H, T, T), rows sum to 1, causal
    resid: np.ndarray           # (L+1, T, d): before block 0 .. after the last block
    attn_out: np.ndarray        # (L, T, d)
    mlp_out: np.ndarray         # (L, T, d)
    truncated: int = 0          # tokens dropped from the front to fit the context
    ablation: Ablation | None = None
    _unembed: object = field(default=None, repr=False)
    _lens: np.ndarray | None = field(default=None, repr=False)

    @property
    def probs(self) -> np.ndarray:
        """(T, V) the model's own next-token probabilities."""
        return sampling_softmax_rows(self.logits)

    @property
    def lens(self) -> np.ndarray:
        """(L+1, T, V) logit lens: final LayerNorm + unembedding applied to every residual state,
        softmaxed. Computed on first use (≈ as long as the forward pass itself)."""
        if self._lens is None:
            with torch.inference_mode():
                z = self._unembed(torch.from_numpy(self.resid))
                self._lens = torch.softmax(z.float(), dim=-1).numpy()
        return self._lens


def sampling_softmax_rows(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class LM:
    def __init__(self, model: GPT, enc, folder: Path | None = None, meta: dict | None = None):
        self.model = model.eval()
        self.tokenizer = enc
        self.folder = Path(folder) if folder else None
        self.meta = meta or {}
        self._spaces: dict[str, VectorSpace] = {}
        self._w2v = load_word2vec(self.folder) if self.folder else None
        self._ctx = load_context_vectors(self.folder) if self.folder else None

    # ---- text <-> ids --------------------------------------------------------------------
    @property
    def config(self) -> GPTConfig:
        return self.model.cfg

    def encode(self, text: str) -> list[int]:
        """Plain text → ids. ``<|endoftext|>`` typed by a user is treated as ordinary text."""
        return self.tokenizer.encode(text, disallowed_special=())

    def decode(self, ids) -> str:
        return self.tokenizer.decode([int(i) for i in ids])

    def token_text(self, i: int, show_whitespace: bool = False) -> str:
        return token_display(token_bytes(self.tokenizer, int(i)), show_whitespace=show_whitespace)

    def fit_context(self, ids: list[int], room: int = 0) -> tuple[list[int], int]:
        """Keep the last ``n_ctx - room`` ids; return them and how many were dropped."""
        limit = self.config.n_ctx - room
        if len(ids) > limit:
            return ids[-limit:], len(ids) - limit
        return ids, 0

    def _ids(self, text_or_ids) -> tuple[list[int], int]:
        blank = isinstance(text_or_ids, str) and not text_or_ids.strip()   # spaces only count as empty
        ids = [] if blank else (self.encode(text_or_ids) if isinstance(text_or_ids, str)
                                else [int(i) for i in text_or_ids])
        if not ids:
            raise InputError("The prompt is empty: type some text first.")
        return self.fit_context(ids)

    # ---- ablation ------------------------------------------------------------------------
    @contextlib.contextmanager
    def ablate(self, heads=(), attn=(), mlp=(), mlp_positions=()):
        """Switch off heads [(layer, head)], whole attention layers or MLP layers inside the block.
        ``mlp_positions`` limits the MLP switch-off to those token positions (negative = from the
        end), e.g. only at the subject of a question."""
        abl = Ablation.make(heads, attn, mlp, mlp_positions)
        abl.validate(self.config)
        token = _ABLATION.set(abl.merged(_ABLATION.get()))
        try:
            yield self
        finally:
            _ABLATION.reset(token)

    @property
    def current_ablation(self) -> Ablation | None:
        return _ABLATION.get()

    # ---- forward passes ------------------------------------------------------------------
    def trace(self, text_or_ids) -> Trace:
        ids, dropped = self._ids(text_or_ids)
        abl = _ABLATION.get()
        rec: dict = {}
        with torch.inference_mode():
            logits, _ = self.model(torch.tensor([ids]), record=rec, ablation=abl)
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
            truncated=dropped, ablation=abl, _unembed=self.model.unembed)

    def last_logits(self, text_or_ids) -> np.ndarray:
        """(V,) scores for the next token, fast path."""
        ids, _ = self._ids(text_or_ids)
        with torch.inference_mode():
            logits, _ = self.model(torch.tensor([ids]), ablation=_ABLATION.get())
        return logits[0, -1].float().numpy()

    def next_token(self, text_or_ids, k: int = 5, temperature: float = 1.0) -> list[tuple[str, float]]:
        p = sampling.softmax(self.last_logits(text_or_ids), temperature)
        top = np.argsort(-p)[:k]
        return [(self.decode([int(i)]), float(p[i])) for i in top]

    def generate_ids(self, prompt, max_new_tokens: int = 50, temperature: float = 1.0,
                     top_k: int | None = None, top_p: float | None = None, seed: int | None = None,
                     stop_at_eot: bool = True) -> list[int]:
        """New token ids after the prompt, using a KV cache. When the context is full the cache is
        rebuilt on the last ``n_ctx // 2`` tokens (a sliding window)."""
        ids, _ = self._ids(prompt)
        rng = np.random.default_rng(seed)
        abl = _ABLATION.get()
        eot = self.tokenizer.eot_token
        n_ctx = self.config.n_ctx
        new: list[int] = []
        with torch.inference_mode():
            cache = KVCache(self.config.n_layer)
            logits, _ = self.model(torch.tensor([ids]), ablation=abl, kv_cache=cache)
            seq = list(ids)
            for _ in range(max(0, int(max_new_tokens))):
                p = sampling.next_token_distribution(logits[0, -1].float().numpy(), temperature, top_k, top_p)
                nxt = sampling.sample(p, rng) if temperature and temperature > 0 else int(np.argmax(p))
                new.append(nxt)
                seq.append(nxt)
                if stop_at_eot and nxt == eot:
                    break
                if cache.length >= n_ctx:
                    cache = KVCache(self.config.n_layer)
                    logits, _ = self.model(torch.tensor([seq[-(n_ctx // 2):]]), ablation=abl, kv_cache=cache)
                else:
                    logits, _ = self.model(torch.tensor([[nxt]]), ablation=abl, kv_cache=cache)
        return new

    def generate(self, prompt: str, max_new_tokens: int = 50, temperature: float = 1.0,
                 top_k: int | None = None, top_p: float | None = None, seed: int | None = None) -> str:
        """The prompt's continuation (new text only)."""
        return self.decode(self.generate_ids(prompt, max_new_tokens, temperature, top_k, top_p, seed))

    # ---- word vectors --------------------------------------------------------------------
    def word_token(self, word: str) -> int:
        """The id of the whole-word token ``" " + word``; WordError if the model splits it."""
        w = (word or "").strip()
        if not w:
            raise WordError.of([("err.word.empty", {})])
        ids = self.encode(" " + w)
        if len(ids) == 1:
            return ids[0]
        pieces = " + ".join(repr(self.token_text(i)) for i in ids)
        sp = self.space("tokens")
        sugg = difflib.get_close_matches(w, sp.words, n=5, cutoff=0.6)
        parts = [("err.word.split", {"w": w, "pieces": pieces})]
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
        return self.space(space).neighbours(word, k)

    def analogy(self, a: str, b: str, c: str, k: int = 5, space: str = "word2vec") -> list[tuple[str, float]]:
        return self.space(space).analogy(a, b, c, k)

    # ---- facts about the model -------------------------------------------------------------
    def param_counts(self) -> dict[str, int]:
        return self.model.param_counts()

    def snapshots(self) -> list[tuple[int, Path]]:
        return ckpt.list_snapshots(self.folder) if self.folder else []

    def at_snapshot(self, path: Path) -> "LM":
        """A new LM with the weights of a snapshot (the shared one is not touched)."""
        model, meta = ckpt.load_model(self.folder, weights=path)
        lm = LM(model, self.tokenizer, None, meta)
        lm._w2v = self._w2v          # word2vec depends on the corpus only, not on the GPT's weights
        return lm


def load(path: str | Path | None = None) -> LM:
    """Load a checkpoint folder (default: ``$EXPLAINER_CHECKPOINT``, else the bundled model in
    ``assets/model``)."""
    folder = Path(path or os.environ.get("EXPLAINER_CHECKPOINT") or ASSETS)
    if not folder.is_dir():
        raise ckpt.CheckpointError(f"checkpoint folder not found: {folder}")
    model, meta = ckpt.load_model(folder)
    from .tokenizer import TokenizerFileError
    try:
        enc = make_encoding(load_tiktoken_bpe(folder / ckpt.TOKENIZER))
    except TokenizerFileError as e:
        raise ckpt.CheckpointError(str(e)) from e
    if enc.n_vocab != model.cfg.vocab_size:
        raise ckpt.CheckpointError(
            f"{folder / ckpt.TOKENIZER} has {enc.n_vocab} tokens but {folder / ckpt.CONFIG} says "
            f"vocab_size={model.cfg.vocab_size}: tokenizer and model do not belong together")
    return LM(model, enc, folder, meta)
