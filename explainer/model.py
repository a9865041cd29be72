"""A small decoder-only GPT whose insides can be read by name.

Reads top to bottom: config, attention, MLP, block, model. Pre-LayerNorm, multi-head causal
attention, GELU MLP, learned positions, tied input/output embeddings: GPT-2's architecture, so
GPT-2's own weights load into it too (``explainer.gpt2``; its GELU is the tanh approximation).

Two paths through attention:
- fast (``record=None``): ``F.scaled_dot_product_attention``; used for training and generation;
- exact (``record`` is a dict): the softmax is computed explicitly and every named activation
  point below is stored in ``record``. ``tests/test_model.py`` checks that both paths agree.

Named activation points (shapes for one sequence of T tokens; B is the batch):

    hook_embed                      (B, T, d)     token embeddings
    hook_pos_embed                  (B, T, d)     position embeddings
    blocks.{i}.hook_resid_pre       (B, T, d)     residual stream entering block i
    blocks.{i}.attn.hook_pattern    (B, H, T, T)  attention weights (softmax over keys; read-only)
    blocks.{i}.attn.hook_z          (B, T, H, hd) each head's output, before the output projection
    blocks.{i}.hook_attn_out        (B, T, d)     what attention adds to the residual stream
    blocks.{i}.hook_resid_mid       (B, T, d)     residual stream after attention
    blocks.{i}.mlp.hook_pre         (B, T, d_mlp) each MLP neuron's input, W·LN(x) + b, before GELU
    blocks.{i}.mlp.hook_post        (B, T, d_mlp) each MLP neuron's output, after GELU
    blocks.{i}.hook_mlp_out         (B, T, d)     what the MLP adds
    blocks.{i}.hook_resid_post      (B, T, d)     residual stream leaving block i
    ln_final.hook_normalized        (B, T, d)     final LayerNorm output

Interventions are *functional*: an :class:`Intervention` passed to ``forward`` zeroes or replaces
(patches) activations at named points for that call only — switching off heads, attention layers
or MLPs is ``Intervention.zero(...)``. Nothing on the module changes, so a model shared between
users is never left modified.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

import torch
import torch.nn as nn
import torch.nn.functional as F

from .inputs import whole


GELU = {"exact": "none", "tanh": "tanh"}       # config value → F.gelu's ``approximate``


@dataclass
class GPTConfig:
    vocab_size: int = 4097
    n_ctx: int = 128          # longest sequence the model sees
    n_layer: int = 6
    n_head: int = 6
    d_model: int = 192
    d_mlp: int = 768          # feed-forward width (4 × d_model by convention)
    dropout: float = 0.0
    gelu: str = "exact"       # the MLP's GELU: "exact" (ours) or "tanh" (GPT-2's approximation)
    ln_eps: float = 1e-5      # LayerNorm's epsilon (GPT-2's too)

    @property
    def d_head(self) -> int:
        return self.d_model // self.n_head

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "GPTConfig":
        known = {f.name for f in fields(cls)}
        unknown = set(d) - known
        if unknown:
            raise ValueError(f"unknown config keys: {sorted(unknown)}")
        return cls(**d)

    # the largest model this explainer will build: ≈ 1.6 GB of fp32 weights (training needs ≈ 4×)
    MAX_PARAMS = 400_000_000

    def __post_init__(self):
        """Every field checked, so a bad config.json says what is wrong instead of failing later."""
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name == "dropout":
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v < 1:
                    raise ValueError(f"dropout must be a number from 0 to below 1 (got {v!r})")
            elif f.name == "gelu":
                if v not in GELU:
                    raise ValueError(f"gelu must be one of {', '.join(GELU)} (got {str(v)[:20]!r})")
            elif f.name == "ln_eps":
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v < 1:
                    raise ValueError(f"ln_eps must be a number above 0 and below 1 (got {v!r})")
            elif isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise ValueError(f"{f.name} must be a whole number ≥ 1 (got {v!r})")
        if self.d_model % self.n_head:
            raise ValueError(f"d_model={self.d_model} is not divisible by n_head={self.n_head}")
        n = self.n_params_estimate()
        if n > self.MAX_PARAMS:
            raise ValueError(f"this config has about {n:,} parameters, more than the {self.MAX_PARAMS:,} "
                             f"this explainer builds (≈ {4 * n / 1e9:.0f} GB of weights)")

    def weight_shapes(self) -> dict[str, tuple[int, ...]]:
        """Name → shape of every weight ``GPT(self)`` has (its state dict), computed without building
        it: a checkpoint's file is checked against this before anything is allocated
        (tests/engine/test_model.py holds it equal to the built model's)."""
        first, block, last = self._shapes()
        out = dict(first)
        for i in range(self.n_layer):
            out.update({f"blocks.{i}.{k}": v for k, v in block.items()})
        return {**out, **last}

    def _shapes(self) -> tuple[dict, dict, dict]:
        """(embeddings, one block — names without ``blocks.i.`` —, final LayerNorm) shapes."""
        d, m = self.d_model, self.d_mlp
        block = {"ln1.weight": (d,), "ln1.bias": (d,), "attn.qkv.weight": (3 * d, d), "attn.qkv.bias": (3 * d,),
                 "attn.proj.weight": (d, d), "attn.proj.bias": (d,), "ln2.weight": (d,), "ln2.bias": (d,),
                 "mlp.fc.weight": (m, d), "mlp.fc.bias": (m,), "mlp.proj.weight": (d, m), "mlp.proj.bias": (d,)}
        return ({"wte.weight": (self.vocab_size, d), "wpe.weight": (self.n_ctx, d)}, block,
                {"ln_f.weight": (d,), "ln_f.bias": (d,)})

    def n_params_estimate(self) -> int:
        """Parameters of a model with this config (embeddings, blocks, final LayerNorm), from the
        shapes of one block (no loop over the layers a config claims)."""
        first, block, last = self._shapes()
        size = lambda shapes: sum(math.prod(v) for v in shapes.values())   # noqa: E731
        return size(first) + self.n_layer * size(block) + size(last)


@dataclass(frozen=True, eq=False)
class Edit:
    """One change to one named activation point during one forward pass.

    ``point``      a name from :func:`hook_names` (``"blocks.0.hook_mlp_out"``); for
                   ``blocks.{i}.attn.hook_z`` (per-head outputs) ``heads`` picks heads, for
                   ``blocks.{i}.mlp.hook_pre`` / ``hook_post`` it picks neurons;
    ``positions``  token positions of that forward call (negative = from the end); empty = all;
    ``value``      ``None`` zeroes the activation there; a tensor (T, …) — another run's activation
                   at this point, for one sequence — replaces it at those positions (activation
                   patching: ``value[p]`` goes to position ``p``);
    ``rows``       the batch rows (sequences of that forward call) it applies to; empty = all. A batch
                   of copies of one prompt, each row with its own switch-off, measures many
                   ablations in one pass (``ablation.fact_layers``, ``ablation.head_effects``).
    """

    point: str
    positions: tuple = ()
    heads: tuple = ()
    value: torch.Tensor | None = None
    rows: tuple = ()

    def apply(self, x: torch.Tensor) -> torch.Tensor:
        """``x`` (B, T, …) with this edit made (a new tensor; ``x`` is not changed)."""
        T = x.shape[1]
        pos = [p % T for p in self.positions] if self.positions else list(range(T))
        x = x.clone()
        if self.value is None:
            rows = torch.tensor(self.rows if self.rows else range(x.shape[0]))[:, None]
            cols = torch.tensor(pos)[None, :]
            if self.heads:
                for h in self.heads:
                    x[rows, cols, h] = 0.0
            else:
                x[rows, cols] = 0.0
            return x
        v = torch.as_tensor(self.value, dtype=x.dtype, device=x.device)
        src = [p % v.shape[0] for p in (self.positions or range(-T, 0))]
        if self.heads:
            for h in self.heads:
                x[:, pos, h] = v[src, h]
        else:
            x[:, pos] = v[src]
        return x


@dataclass(frozen=True)
class Intervention:
    """Edits to named activation points, passed to ``GPT.forward`` for that call only: nothing on
    the module changes, so a model shared between users is never left modified.

        Intervention.zero(mlp=[0], positions=[-1])       # MLP 0 off at the last token
        Intervention.zero(heads=[(4, 1)], attn=[2])       # head L4H1 and all of layer 2's attention
        Intervention.patch("blocks.3.hook_resid_pre", other_trace_resid, positions=[-1])
        a + b                                             # both
    """

    edits: tuple = ()

    def on_rows(self, *rows: int) -> "Intervention":
        """The same switch-offs, made only in these batch rows (see ``Edit.rows``)."""
        return Intervention(tuple(Edit(e.point, e.positions, e.heads, e.value, tuple(rows)) for e in self.edits))

    @classmethod
    def zero(cls, heads=(), attn=(), mlp=(), positions=(), neurons=()) -> "Intervention":
        """Switch off heads ``[(layer, head)]``, whole attention layers, MLP layers or single MLP
        neurons ``[(layer, neuron)]`` (their output after GELU). ``positions`` limits the MLP
        switch-off to those token positions (negative = from the end, so the question's subject
        stays the same position when text is put in front); heads, attention layers and neurons
        are switched off everywhere."""
        pos = tuple(sorted({whole("positions", p) for p in (positions or ())}))
        edits = [Edit(f"blocks.{l}.attn.hook_z", heads=hs) for l, hs in _by_layer("heads", heads)]
        edits += [Edit(f"blocks.{l}.hook_attn_out") for l in sorted({whole("attn", l) for l in attn})]
        edits += [Edit(f"blocks.{l}.hook_mlp_out", positions=pos)
                  for l in sorted({whole("mlp", l) for l in mlp})]
        edits += [Edit(f"blocks.{l}.mlp.hook_post", heads=ns) for l, ns in _by_layer("neurons", neurons)]
        return cls(tuple(edits))

    @classmethod
    def patch(cls, point: str, value, positions=(), heads=()) -> "Intervention":
        """Replace the activation at ``point`` with ``value`` (another run's, shape (T, …))."""
        return cls((Edit(point, tuple(whole("positions", p) for p in positions),
                         tuple(whole("heads", h) for h in heads), torch.as_tensor(value)),))

    def __add__(self, other: "Intervention | None") -> "Intervention":
        return self if not other else Intervention(self.edits + other.edits)

    def __bool__(self) -> bool:
        return bool(self.edits)

    def at(self, point: str) -> list[Edit]:
        return [e for e in self.edits if e.point == point]

    def validate(self, cfg: GPTConfig, T: int | None = None, B: int | None = None) -> None:
        """ValueError naming the first edit that does not fit this model (or a batch of B T-token inputs)."""
        names = set(hook_names(cfg))
        for e in self.edits:
            if e.point not in names:
                layer = e.point.split(".")[1] if e.point.startswith("blocks.") else None
                if layer is not None and layer.isdigit() and int(layer) >= cfg.n_layer:
                    raise ValueError(f"layer {layer} does not exist: the model has {cfg.n_layer} "
                                     f"layers (0 … {cfg.n_layer - 1})")
                raise ValueError(f"unknown activation point {e.point!r}; see hook_names()")
            if e.point.endswith("attn.hook_pattern"):
                raise ValueError(f"{e.point} is read-only: edit the heads' outputs "
                                 f"({e.point.replace('hook_pattern', 'hook_z')}) instead")
            neurons = e.point.endswith(("mlp.hook_pre", "mlp.hook_post"))   # there ``heads`` picks neurons
            for h in e.heads:
                if neurons and not 0 <= h < cfg.d_mlp:
                    raise ValueError(f"neuron ({e.point.split('.')[1]}, {h}) does not exist: each MLP "
                                     f"has {cfg.d_mlp} neurons (0 … {cfg.d_mlp - 1})")
                if not neurons and not 0 <= h < cfg.n_head:
                    raise ValueError(f"head ({e.point.split('.')[1]}, {h}) does not exist: the model "
                                     f"has {cfg.n_layer} layers × {cfg.n_head} heads (counting from 0)")
            if e.rows and e.value is not None:
                raise ValueError("a patch applies to every row; rows only select where to switch off")
            if B is not None:
                for r in e.rows:
                    if not 0 <= r < B:
                        raise ValueError(f"row {r} is outside the batch of {B} sequences (allowed 0 … {B - 1})")
            if T is not None:
                for p in e.positions:
                    if not -T <= p < T:
                        raise ValueError(f"position {p} is outside the input of {T} tokens "
                                         f"(allowed {-T} … {T - 1})")

    def __repr__(self) -> str:
        return "Intervention(" + ", ".join(
            f"{'zero' if e.value is None else 'patch'} {e.point}"
            + (f" heads {list(e.heads)}" if e.heads else "")
            + (f" at {list(e.positions)}" if e.positions else "")
            + (f" rows {list(e.rows)}" if e.rows else "") for e in self.edits) + ")"


def _by_layer(arg: str, pairs) -> list[tuple[int, tuple[int, ...]]]:
    """``[(layer, index), …]`` (heads or neurons) grouped by layer, each checked a whole number:
    ``[(4, 1), (4, 0), (2, 3)]`` → ``[(2, (3,)), (4, (0, 1))]``."""
    out: dict[int, set[int]] = {}
    for pair in pairs:
        layer, i = (whole(arg, v) for v in pair)
        out.setdefault(layer, set()).add(i)
    return [(layer, tuple(sorted(ix))) for layer, ix in sorted(out.items())]


def _edit(x: torch.Tensor, name: str, iv: Intervention | None, record: dict | None) -> torch.Tensor:
    """The activation at point ``name``: edited by ``iv`` (if it has edits there), then recorded."""
    if iv:
        for e in iv.at(name):
            x = e.apply(x)
    if record is not None:
        record[name] = x
    return x


class CausalSelfAttention(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.cfg = cfg
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model)

    def forward(self, x, layer: int, record: dict | None = None, iv: Intervention | None = None,
                kv_cache: "KVCache | None" = None):
        B, T, d = x.shape
        H, hd = self.cfg.n_head, self.cfg.d_head
        q, k, v = self.qkv(x).split(d, dim=2)                       # each (B, T, d)
        q = q.view(B, T, H, hd).transpose(1, 2)                      # (B, H, T, hd)
        k = k.view(B, T, H, hd).transpose(1, 2)                      # (B, H, T, hd)
        v = v.view(B, T, H, hd).transpose(1, 2)                      # (B, H, T, hd)
        if kv_cache is not None:
            k, v = kv_cache.extend(layer, k, v)                      # (B, H, T_past + T, hd)
        T_k = k.shape[2]
        if record is None:
            # fast path; with a cache the new queries sit at the end of the key sequence
            if T == 1:
                y = F.scaled_dot_product_attention(q, k, v)
            elif T == T_k:
                y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
            else:
                mask = _causal_mask(T, T_k, x.device)
                y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        else:
            # exact path: the attention pattern is computed and recorded
            att = (q @ k.transpose(-2, -1)) / math.sqrt(hd)          # (B, H, T, T_k)
            att = att.masked_fill(~_causal_mask(T, T_k, x.device), float("-inf"))
            att = torch.softmax(att.float(), dim=-1).to(q.dtype)
            record[f"blocks.{layer}.attn.hook_pattern"] = att
            y = att @ v                                              # (B, H, T, hd)
        z = _edit(y.transpose(1, 2), f"blocks.{layer}.attn.hook_z", iv, record)   # (B, T, H, hd)
        return self.proj(z.contiguous().view(B, T, d))               # (B, T, d)


def _causal_mask(T_q: int, T_k: int, device) -> torch.Tensor:
    """(T_q, T_k) bool, True where attention is allowed; queries are the last T_q positions."""
    return torch.ones(T_q, T_k, dtype=torch.bool, device=device).tril(diagonal=T_k - T_q)


class MLP(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.fc = nn.Linear(cfg.d_model, cfg.d_mlp)
        self.proj = nn.Linear(cfg.d_mlp, cfg.d_model)
        self.approximate = GELU[cfg.gelu]

    def forward(self, x, layer: int, record: dict | None = None, iv: Intervention | None = None):
        h = _edit(self.fc(x), f"blocks.{layer}.mlp.hook_pre", iv, record)         # (B, T, d_mlp)
        h = _edit(F.gelu(h, approximate=self.approximate), f"blocks.{layer}.mlp.hook_post", iv, record)
        return self.proj(h)                                                        # (B, T, d)


class Block(nn.Module):
    def __init__(self, cfg: GPTConfig, layer: int):
        super().__init__()
        self.layer = layer
        self.ln1 = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.attn = CausalSelfAttention(cfg)
        self.ln2 = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.mlp = MLP(cfg)
        self.drop = nn.Dropout(cfg.dropout)      # residual dropout; a no-op in eval mode

    def forward(self, x, record=None, iv=None, kv_cache=None):
        i = self.layer
        x = _edit(x, f"blocks.{i}.hook_resid_pre", iv, record)
        a = _edit(self.attn(self.ln1(x), i, record, iv, kv_cache), f"blocks.{i}.hook_attn_out", iv, record)
        x = _edit(x + self.drop(a), f"blocks.{i}.hook_resid_mid", iv, record)
        m = _edit(self.mlp(self.ln2(x), i, record, iv), f"blocks.{i}.hook_mlp_out", iv, record)
        return _edit(x + self.drop(m), f"blocks.{i}.hook_resid_post", iv, record)


class KVCache:
    """Keys and values of the positions seen so far, per layer, for fast generation. Each layer's
    keys and values live in one buffer of ``capacity`` positions (the model's context), made on first
    use and written in place, so a new token copies only its own key and value, not the whole past."""

    def __init__(self, n_layer: int, capacity: int):
        self.k: list[torch.Tensor | None] = [None] * n_layer
        self.v: list[torch.Tensor | None] = [None] * n_layer
        self.capacity = capacity
        self._len = [0] * n_layer

    def extend(self, layer, k, v):
        """Append this call's keys and values (B, H, T, hd) and return all of them so far."""
        T, n = k.shape[2], self._len[layer]
        if n + T > self.capacity:
            raise ValueError(f"the cache holds {self.capacity} positions; {n + T} asked")
        if self.k[layer] is None:
            B, H, _, hd = k.shape
            self.k[layer] = k.new_empty(B, H, self.capacity, hd)
            self.v[layer] = v.new_empty(B, H, self.capacity, hd)
        self.k[layer][:, :, n:n + T] = k
        self.v[layer][:, :, n:n + T] = v
        self._len[layer] = n + T
        return self.k[layer][:, :, :n + T], self.v[layer][:, :, :n + T]

    @property
    def length(self) -> int:
        return self._len[0]

    def repeat(self, n: int) -> "KVCache":
        """A cache holding the same past (one sequence's) for each of ``n`` sequences: a prompt's
        shared beginning computed once, then ``n`` different endings (``LM.last_logits_each``)."""
        out = KVCache(len(self.k), self.capacity)
        for layer, (k, v) in enumerate(zip(self.k, self.v)):
            if k is not None:
                out.k[layer], out.v[layer] = k.repeat(n, 1, 1, 1), v.repeat(n, 1, 1, 1)
        out._len = list(self._len)
        return out


def hook_names(cfg: GPTConfig) -> list[str]:
    """Every name ``forward(record=...)`` fills, in order."""
    names = ["hook_embed", "hook_pos_embed"]
    for i in range(cfg.n_layer):
        names += [f"blocks.{i}.hook_resid_pre", f"blocks.{i}.attn.hook_pattern",
                  f"blocks.{i}.attn.hook_z", f"blocks.{i}.hook_attn_out", f"blocks.{i}.hook_resid_mid",
                  f"blocks.{i}.mlp.hook_pre", f"blocks.{i}.mlp.hook_post",
                  f"blocks.{i}.hook_mlp_out", f"blocks.{i}.hook_resid_post"]
    return names + ["ln_final.hook_normalized"]


class GPT(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.cfg = cfg
        self.wte = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.wpe = nn.Embedding(cfg.n_ctx, cfg.d_model)
        self.drop = nn.Dropout(cfg.dropout)
        self.blocks = nn.ModuleList([Block(cfg, i) for i in range(cfg.n_layer)])
        self.ln_f = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.apply(self._init_weights)
        for name, p in self.named_parameters():        # GPT-2: scale residual projections
            if name.endswith("proj.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * cfg.n_layer))

    @staticmethod
    def _init_weights(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)
            nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)

    def unembed(self, x: torch.Tensor) -> torch.Tensor:
        """Final LayerNorm + tied unembedding: residual vectors (…, d) → logits (…, V)."""
        return self.ln_f(x) @ self.wte.weight.T

    def forward(self, idx, targets=None, record: dict | None = None,
                intervention: Intervention | None = None, kv_cache: KVCache | None = None,
                last_only: bool = False, stop_after: int | None = None):
        """idx (B, T) token ids → (logits (B, T, V), loss or None). ``record`` (a dict) is filled
        with every named activation point; ``intervention`` edits them for this call only.
        ``last_only``: logits of the last position only, (B, 1, V) (generation needs no others).
        ``stop_after``: stop once block ``stop_after`` has run and return (None, None) — a record of
        the early layers only (a large model's later layers and unembedding are not computed)."""
        B, T = idx.shape
        start = kv_cache.length if kv_cache is not None else 0
        if start + T > self.cfg.n_ctx:
            raise ValueError(f"sequence of {start + T} tokens is longer than the model's context "
                             f"({self.cfg.n_ctx}); truncate it first")
        iv = intervention
        if iv:
            iv.validate(self.cfg, T, B)
        if (T == 1 and kv_cache is not None and start > 0 and record is None and not iv and targets is None
                and stop_after is None and not self.training):
            return self._next_token(idx, kv_cache), None                   # generation's step
        pos = torch.arange(start, start + T, device=idx.device)
        tok_emb = _edit(self.wte(idx), "hook_embed", iv, record)                          # (B, T, d)
        pos_emb = _edit(self.wpe(pos)[None].expand(B, T, -1), "hook_pos_embed", iv, record)  # (B, T, d)
        x = self.drop(tok_emb + pos_emb)
        for block in self.blocks:
            x = block(x, record, iv, kv_cache)
            if stop_after is not None and block.layer >= stop_after:
                return None, None
        x = _edit(self.ln_f(x), "ln_final.hook_normalized", iv, record)
        if last_only:
            x = x[:, -1:]
        logits = F.linear(x, self.wte.weight)                        # (B, T, V), tied unembedding
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.float().view(-1, logits.size(-1)), targets.reshape(-1))
        return logits, loss

    def _next_token(self, idx: torch.Tensor, kv_cache: KVCache) -> torch.Tensor:
        """One new token per sequence after a cached past, (B, 1) → logits (B, 1, V): the same
        arithmetic as ``forward``, in the same order (bit for bit: tests/engine/test_model.py), without
        the named points, the module calls and the reshapes around them. A generated token costs about
        0.8 ms of Python on top of its arithmetic through ``forward``; this path cuts about a quarter
        of that (tests/generation.py)."""
        cfg = self.cfg
        B, d, H = idx.shape[0], cfg.d_model, cfg.n_head
        eps, approximate = cfg.ln_eps, GELU[cfg.gelu]
        x = (self.wte(idx) + self.wpe.weight[kv_cache.length])[:, 0]            # (B, d)
        for i, b in enumerate(self.blocks):
            h = F.layer_norm(x, (d,), b.ln1.weight, b.ln1.bias, eps)
            q, k, v = F.linear(h, b.attn.qkv.weight, b.attn.qkv.bias).view(B, 3, H, 1, d // H).unbind(1)
            k, v = kv_cache.extend(i, k, v)                                     # (B, H, past + 1, hd)
            y = F.scaled_dot_product_attention(q, k, v)                          # (B, H, 1, hd)
            x = x + F.linear(y.reshape(B, d), b.attn.proj.weight, b.attn.proj.bias)
            h = F.layer_norm(x, (d,), b.ln2.weight, b.ln2.bias, eps)
            h = F.gelu(F.linear(h, b.mlp.fc.weight, b.mlp.fc.bias), approximate=approximate)
            x = x + F.linear(h, b.mlp.proj.weight, b.mlp.proj.bias)
        x = F.layer_norm(x, (d,), self.ln_f.weight, self.ln_f.bias, eps)
        return F.linear(x, self.wte.weight)[:, None]                           # (B, 1, V)

    def param_counts(self) -> dict[str, int]:
        """Parameters by part: embeddings (tokens, positions), attention, MLP, LayerNorms."""
        counts = {"token embeddings": self.wte.weight.numel(),
                  "position embeddings": self.wpe.weight.numel(),
                  "attention": 0, "MLP": 0, "LayerNorm": 0}
        for b in self.blocks:
            counts["attention"] += sum(p.numel() for p in b.attn.parameters())
            counts["MLP"] += sum(p.numel() for p in b.mlp.parameters())
            counts["LayerNorm"] += sum(p.numel() for m in (b.ln1, b.ln2) for p in m.parameters())
        counts["LayerNorm"] += sum(p.numel() for p in self.ln_f.parameters())
        return counts

    def n_params(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def flops_per_token(self, T: int | None = None) -> float:
        """Training FLOPs per token (forward + backward ≈ 3 × forward), PaLM-style estimate:
        6 × (non-embedding params + unembedding) + 12 × L × d × T for attention scores."""
        T = T or self.cfg.n_ctx
        N = self.n_params() - self.wpe.weight.numel()
        return 6 * N + 12 * self.cfg.n_layer * self.cfg.d_model * T
