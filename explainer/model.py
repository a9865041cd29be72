"""A small decoder-only GPT whose insides can be read by name.

Reads top to bottom: config, attention, MLP, block, model. Pre-LayerNorm, multi-head causal
attention, GELU MLP, learned positions, tied input/output embeddings.

Two paths through attention:
- fast (``record=None``): ``F.scaled_dot_product_attention``; used for training and generation;
- exact (``record`` is a dict): the softmax is computed explicitly and every named activation
  point below is stored in ``record``. ``tests/test_model.py`` checks that both paths agree.

Named activation points (shapes for one sequence of T tokens; B is the batch):

    hook_embed                      (B, T, d)     token embeddings
    hook_pos_embed                  (B, T, d)     position embeddings
    blocks.{i}.hook_resid_pre       (B, T, d)     residual stream entering block i
    blocks.{i}.attn.hook_pattern    (B, H, T, T)  attention weights (softmax over keys)
    blocks.{i}.hook_attn_out        (B, T, d)     what attention adds to the residual stream
    blocks.{i}.hook_resid_mid       (B, T, d)     residual stream after attention
    blocks.{i}.hook_mlp_out         (B, T, d)     what the MLP adds
    blocks.{i}.hook_resid_post      (B, T, d)     residual stream leaving block i
    ln_final.hook_normalized        (B, T, d)     final LayerNorm output

Ablation is *functional*: an :class:`Ablation` passed to ``forward`` zeroes the output of chosen
heads, whole attention layers or MLP layers for that call only. Nothing on the module changes,
so a model shared between users is never left modified.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class GPTConfig:
    vocab_size: int = 4097
    n_ctx: int = 128          # longest sequence the model sees
    n_layer: int = 6
    n_head: int = 6
    d_model: int = 192
    d_mlp: int = 768          # feed-forward width (4 × d_model by convention)
    dropout: float = 0.0

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

    def __post_init__(self):
        if self.d_model % self.n_head:
            raise ValueError(f"d_model={self.d_model} is not divisible by n_head={self.n_head}")


@dataclass(frozen=True)
class Ablation:
    """What to switch off in one forward pass. Layers and heads count from 0."""

    heads: frozenset = field(default_factory=frozenset)   # {(layer, head)}
    attn: frozenset = field(default_factory=frozenset)    # {layer}
    mlp: frozenset = field(default_factory=frozenset)     # {layer}
    # token positions where the MLPs in ``mlp`` are switched off; empty = every position.
    # Negative positions count from the end, so "the question's subject token" stays the same
    # position when text is prepended to a prompt.
    mlp_positions: frozenset = field(default_factory=frozenset)

    @classmethod
    def make(cls, heads=(), attn=(), mlp=(), mlp_positions=()) -> "Ablation":
        return cls(frozenset((int(l), int(h)) for l, h in heads),
                   frozenset(int(l) for l in attn), frozenset(int(l) for l in mlp),
                   frozenset(int(p) for p in (mlp_positions or ())))

    def __bool__(self) -> bool:
        return bool(self.heads or self.attn or self.mlp)

    def heads_in(self, layer: int) -> list[int]:
        return sorted(h for l, h in self.heads if l == layer)

    def merged(self, other: "Ablation | None") -> "Ablation":
        if not other:
            return self
        positions = (self.mlp_positions | other.mlp_positions
                     if self.mlp_positions and other.mlp_positions else frozenset())
        return Ablation(self.heads | other.heads, self.attn | other.attn, self.mlp | other.mlp,
                        positions)

    def validate(self, cfg: GPTConfig) -> None:
        for l, h in self.heads:
            if not (0 <= l < cfg.n_layer and 0 <= h < cfg.n_head):
                raise ValueError(f"head ({l}, {h}) does not exist: the model has {cfg.n_layer} "
                                 f"layers × {cfg.n_head} heads (counting from 0)")
        for l in self.attn | self.mlp:
            if not 0 <= l < cfg.n_layer:
                raise ValueError(f"layer {l} does not exist: the model has {cfg.n_layer} layers")


class CausalSelfAttention(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.cfg = cfg
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model)

    def forward(self, x, layer: int, record: dict | None = None, ablation: Ablation | None = None,
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
        if ablation:
            for h in ablation.heads_in(layer):
                y[:, h] = 0.0
        y = y.transpose(1, 2).contiguous().view(B, T, d)             # (B, T, d)
        return self.proj(y)


def _causal_mask(T_q: int, T_k: int, device) -> torch.Tensor:
    """(T_q, T_k) bool, True where attention is allowed; queries are the last T_q positions."""
    return torch.ones(T_q, T_k, dtype=torch.bool, device=device).tril(diagonal=T_k - T_q)


class MLP(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.fc = nn.Linear(cfg.d_model, cfg.d_mlp)
        self.proj = nn.Linear(cfg.d_mlp, cfg.d_model)

    def forward(self, x):
        return self.proj(F.gelu(self.fc(x)))                         # (B, T, d)


class Block(nn.Module):
    def __init__(self, cfg: GPTConfig, layer: int):
        super().__init__()
        self.layer = layer
        self.ln1 = nn.LayerNorm(cfg.d_model)
        self.attn = CausalSelfAttention(cfg)
        self.ln2 = nn.LayerNorm(cfg.d_model)
        self.mlp = MLP(cfg)
        self.drop = nn.Dropout(cfg.dropout)      # residual dropout; a no-op in eval mode

    def forward(self, x, record=None, ablation=None, kv_cache=None):
        i = self.layer
        if record is not None:
            record[f"blocks.{i}.hook_resid_pre"] = x
        a = self.attn(self.ln1(x), i, record, ablation, kv_cache)
        if ablation and i in ablation.attn:
            a = torch.zeros_like(a)
        x = x + self.drop(a)
        m = self.mlp(self.ln2(x))
        if ablation and i in ablation.mlp:
            if ablation.mlp_positions:
                T = m.shape[1]
                keep = torch.ones(T, 1, dtype=m.dtype, device=m.device)
                for p in ablation.mlp_positions:
                    if -T <= p < T:
                        keep[p] = 0.0
                m = m * keep
            else:
                m = torch.zeros_like(m)
        if record is not None:
            record[f"blocks.{i}.hook_attn_out"] = a
            record[f"blocks.{i}.hook_resid_mid"] = x
            record[f"blocks.{i}.hook_mlp_out"] = m
        x = x + self.drop(m)
        if record is not None:
            record[f"blocks.{i}.hook_resid_post"] = x
        return x


class KVCache:
    """Keys and values of the positions seen so far, per layer, for fast generation."""

    def __init__(self, n_layer: int):
        self.k: list[torch.Tensor | None] = [None] * n_layer
        self.v: list[torch.Tensor | None] = [None] * n_layer

    def extend(self, layer, k, v):
        if self.k[layer] is not None:
            k = torch.cat([self.k[layer], k], dim=2)
            v = torch.cat([self.v[layer], v], dim=2)
        self.k[layer], self.v[layer] = k, v
        return k, v

    @property
    def length(self) -> int:
        return 0 if self.k[0] is None else self.k[0].shape[2]


def hook_names(cfg: GPTConfig) -> list[str]:
    """Every name ``forward(record=...)`` fills, in order."""
    names = ["hook_embed", "hook_pos_embed"]
    for i in range(cfg.n_layer):
        names += [f"blocks.{i}.hook_resid_pre", f"blocks.{i}.attn.hook_pattern",
                  f"blocks.{i}.hook_attn_out", f"blocks.{i}.hook_resid_mid",
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
        self.ln_f = nn.LayerNorm(cfg.d_model)
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
                ablation: Ablation | None = None, kv_cache: KVCache | None = None):
        """idx (B, T) token ids → (logits (B, T, V), loss or None)."""
        B, T = idx.shape
        start = kv_cache.length if kv_cache is not None else 0
        if start + T > self.cfg.n_ctx:
            raise ValueError(f"sequence of {start + T} tokens is longer than the model's context "
                             f"({self.cfg.n_ctx}); truncate it first")
        if ablation:
            ablation.validate(self.cfg)
        pos = torch.arange(start, start + T, device=idx.device)
        tok_emb = self.wte(idx)                                      # (B, T, d)
        pos_emb = self.wpe(pos)[None].expand(B, T, -1)               # (B, T, d)
        if record is not None:
            record["hook_embed"] = tok_emb
            record["hook_pos_embed"] = pos_emb
        x = self.drop(tok_emb + pos_emb)
        for block in self.blocks:
            x = block(x, record, ablation, kv_cache)
        x = self.ln_f(x)
        if record is not None:
            record["ln_final.hook_normalized"] = x
        logits = x @ self.wte.weight.T                               # (B, T, V)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.float().view(-1, logits.size(-1)), targets.reshape(-1))
        return logits, loss

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
