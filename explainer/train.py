"""Training: corpus → tokenizer → GPT, with checkpoints, snapshots, a loss log and resume.

``python -m explainer train --preset tiny --out runs/tiny`` (see ``PRESETS``). Run it again with
the same ``--out`` after an interruption and it continues from the last checkpoint: the batch at
step ``s`` is drawn from a generator seeded with ``(seed, s)``, so a resumed run sees exactly the
batches an uninterrupted one would have seen.
"""

from __future__ import annotations

import math
import os
import sys
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np
import torch

from . import checkpoint as ckpt
from .model import GPT, GPTConfig

TRAIN_STATE = "train_state.safetensors"
DATA_DIR = "data"


@dataclass
class Preset:
    name: str
    corpus_bytes: int
    vocab_size: int            # BPE tokens, without <|endoftext|>
    n_layer: int
    n_head: int
    d_model: int
    n_ctx: int
    batch_size: int
    steps: int
    lr: float = 1e-3
    min_lr: float = 1e-4
    warmup: int = 100
    weight_decay: float = 0.1
    eval_every: int = 100
    eval_batches: int = 8
    ckpt_every: int = 200
    snapshot_fracs: tuple = (0.0, 0.04, 0.1, 0.2, 0.35, 0.6)
    seed: int = 0
    dropout: float = 0.0       # on the embeddings and on every attention and MLP output (training only)

    def model_config(self) -> GPTConfig:
        return GPTConfig(vocab_size=self.vocab_size + 1, n_ctx=self.n_ctx, n_layer=self.n_layer,
                         n_head=self.n_head, d_model=self.d_model, d_mlp=4 * self.d_model,
                         dropout=self.dropout)

    def snapshot_steps(self) -> list[int]:
        return sorted({int(round(f * self.steps)) for f in self.snapshot_fracs})


PRESETS: dict[str, Preset] = {
    # for tests and the live "train your own" page: well under a minute on 2 CPU cores
    "tiny": Preset("tiny", corpus_bytes=300_000, vocab_size=1024, n_layer=2, n_head=2, d_model=64,
                   n_ctx=64, batch_size=16, steps=250, lr=3e-3, min_lr=3e-4, warmup=20,
                   eval_every=50, eval_batches=4, ckpt_every=100),
    # a few minutes: enough to see capital Q&A and cream → sugar appear
    "small": Preset("small", corpus_bytes=3_000_000, vocab_size=2048, n_layer=4, n_head=4,
                    d_model=128, n_ctx=128, batch_size=32, steps=1000, lr=2e-3, min_lr=2e-4,
                    eval_every=100, ckpt_every=200),
    # the bundled model (assets/model)
    "default": Preset("default", corpus_bytes=20_000_000, vocab_size=4096, n_layer=6, n_head=6,
                      d_model=192, n_ctx=128, batch_size=32, steps=5000, lr=1.5e-3, min_lr=1e-4,
                      warmup=200, eval_every=200, eval_batches=8, ckpt_every=200),
}


def pick_device(name: str = "auto") -> torch.device:
    if name != "auto":
        return torch.device(name)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def lr_at(step: int, p: Preset) -> float:
    """Linear warm-up, then cosine decay to ``min_lr``."""
    if step < p.warmup:
        return p.lr * (step + 1) / p.warmup
    frac = min(1.0, (step - p.warmup) / max(1, p.steps - p.warmup))
    return p.min_lr + 0.5 * (p.lr - p.min_lr) * (1 + math.cos(math.pi * frac))


def get_batch(tokens: np.ndarray, step: int, p: Preset, seed: int, device) -> tuple:
    rng = np.random.default_rng([seed, step])
    starts = rng.integers(0, len(tokens) - p.n_ctx - 1, size=p.batch_size)
    idx = np.stack([tokens[s:s + p.n_ctx + 1] for s in starts]).astype(np.int64)
    t = torch.from_numpy(idx).to(device)
    return t[:, :-1], t[:, 1:]


def val_windows(tokens: np.ndarray, p: Preset, n: int) -> np.ndarray:
    """``n`` fixed, evenly spread windows of the held-out tokens."""
    starts = np.linspace(0, len(tokens) - p.n_ctx - 1, n).astype(np.int64)
    return np.stack([tokens[s:s + p.n_ctx + 1] for s in starts]).astype(np.int64)


@torch.no_grad()
def evaluate_loss(model: GPT, windows: np.ndarray, device, autocast, batch: int = 32) -> float:
    model.eval()
    losses = []
    for i in range(0, len(windows), batch):
        t = torch.from_numpy(windows[i:i + batch]).to(device)
        with autocast():
            _, loss = model(t[:, :-1], t[:, 1:])
        losses.append(loss.item() * len(t))
    model.train()
    return sum(losses) / len(windows)


# ---- data ------------------------------------------------------------------------------------

def prepare_data(out: Path, p: Preset, log=print) -> tuple[np.ndarray, np.ndarray, "object"]:
    """Generate the corpus, train the tokenizer, encode; cached in ``out`` so resume is instant."""
    from . import corpus, tokenizer

    data = out / DATA_DIR
    data.mkdir(parents=True, exist_ok=True)
    corpus_file, val_file = data / "corpus.txt", data / "val.txt"
    if not corpus_file.exists():
        t0 = time.time()
        text = corpus.generate_corpus(p.corpus_bytes, seed=p.seed)
        corpus_file.write_text(text, encoding="utf-8")
        val_file.write_text(corpus.held_out_text(max(50_000, p.corpus_bytes // 50),
                                                 seed=p.seed + 12345), encoding="utf-8")
        log(f"corpus: {len(text) / 1e6:.1f} MB generated in {time.time() - t0:.1f} s")
    text = corpus_file.read_text(encoding="utf-8")
    if not (out / ckpt.TOKENIZER).exists():
        t0 = time.time()
        ranks, merges = tokenizer.train_bpe(text, p.vocab_size)
        tokenizer.save_merges(merges, out / ckpt.MERGES)
        tokenizer.save_tiktoken_bpe(ranks, out / ckpt.TOKENIZER)
        log(f"tokenizer: {len(merges)} merges in {time.time() - t0:.1f} s")
    enc = tokenizer.make_encoding(tokenizer.load_tiktoken_bpe(out / ckpt.TOKENIZER))
    arrays = []
    for name, src in (("train.npy", corpus_file), ("val.npy", val_file)):
        f = data / name
        if not f.exists():
            ids = enc.encode_ordinary(src.read_text(encoding="utf-8"))
            np.save(f, np.asarray(ids, dtype=np.uint16))
        arrays.append(np.load(f))
    log(f"tokens: {len(arrays[0]):,} train, {len(arrays[1]):,} validation "
        f"({len(text) / len(arrays[0]):.2f} characters per token)")
    return arrays[0], arrays[1], enc


# ---- optimizer state in safetensors (no pickle) -----------------------------------------------

def save_train_state(path: Path, opt: torch.optim.Optimizer, step: int) -> None:
    tensors = {"step": torch.tensor([step], dtype=torch.int64)}
    for i, st in opt.state_dict()["state"].items():
        for k, v in st.items():
            tensors[f"opt.{i}.{k}"] = v.detach().cpu().contiguous() if torch.is_tensor(v) \
                else torch.tensor(v)
    from safetensors.torch import save_file
    tmp = path.with_name(path.name + ".tmp")
    save_file(tensors, str(tmp))
    tmp.replace(path)


def load_train_state(path: Path, opt: torch.optim.Optimizer) -> int:
    tensors = ckpt.load_tensors(path)
    sd = opt.state_dict()
    state: dict = {}
    for name, v in tensors.items():
        if name.startswith("opt."):
            _, i, k = name.split(".", 2)
            state.setdefault(int(i), {})[k] = v
    sd["state"] = state
    opt.load_state_dict(sd)
    return int(tensors["step"].item())


# ---- the loop --------------------------------------------------------------------------------

def choose_precision(model: GPT, p: Preset, device, tokens, requested: str, log=print) -> bool:
    """True → bf16 autocast. ``auto`` times a few steps both ways and keeps the faster one."""
    if requested in ("fp32", "bf16"):
        return requested == "bf16"
    if device.type == "cuda":
        return torch.cuda.is_bf16_supported()
    if device.type != "cpu":
        return False
    probe = GPT(model.cfg).to(device)
    probe.load_state_dict(model.state_dict())
    x, y = get_batch(tokens, 0, p, p.seed, device)
    times = {}
    for use_bf16 in (False, True):
        ctx = (lambda: torch.autocast("cpu", dtype=torch.bfloat16)) if use_bf16 else _null
        for i in range(4):
            if i == 1:
                t0 = time.perf_counter()
            with ctx():
                _, loss = probe(x, y)
            loss.backward()
        times[use_bf16] = (time.perf_counter() - t0) / 3
    log(f"precision probe: fp32 {times[False] * 1e3:.0f} ms/step, bf16 {times[True] * 1e3:.0f} ms/step")
    return times[True] < 0.9 * times[False]


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def train(preset: str | Preset = "tiny", out: str | Path = "runs/tiny", device: str = "auto",
          precision: str = "auto", steps: int | None = None, seed: int | None = None,
          progress: bool = True, log=print, stop_after_s: float | None = None,
          until: int | None = None) -> Path:
    """Train (or resume) a model in ``out``. Returns ``out``.

    ``until`` / ``stop_after_s`` end this run early (at a step / after some seconds) with a
    checkpoint; the learning-rate schedule still runs to ``steps``, so running again resumes."""
    p = PRESETS[preset] if isinstance(preset, str) else preset
    if steps is not None:
        p = replace(p, steps=steps)
    if seed is not None:
        p = replace(p, seed=seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(p.seed)
    dev = pick_device(device)
    if dev.type == "cpu" and os.cpu_count():
        torch.set_num_threads(os.cpu_count())
    train_tok, val_tok, enc = prepare_data(out, p, log)
    cfg = p.model_config()
    if enc.n_vocab != cfg.vocab_size:
        cfg = replace(cfg, vocab_size=enc.n_vocab)
    model = GPT(cfg).to(dev)
    opt = torch.optim.AdamW(_param_groups(model, p.weight_decay), lr=p.lr, betas=(0.9, 0.95))
    step = 0
    log_rows: list[dict] = []
    elapsed_before = 0.0
    if (out / TRAIN_STATE).exists() and (out / ckpt.WEIGHTS).exists():
        ckpt.load_weights_into(model, out / ckpt.WEIGHTS)
        step = load_train_state(out / TRAIN_STATE, opt)
        if (out / ckpt.LOSS_LOG).exists():
            log_rows = [r for r in ckpt.read_json(out / ckpt.LOSS_LOG)["rows"] if r["step"] <= step]
            elapsed_before = log_rows[-1]["elapsed_s"] if log_rows else 0.0
        log(f"resuming from step {step}")
    use_bf16 = choose_precision(model, p, dev, train_tok, precision, log)
    autocast = (lambda: torch.autocast(dev.type, dtype=torch.bfloat16)) if use_bf16 else _null
    log(f"device {dev.type}, {'bf16 autocast' if use_bf16 else 'fp32'}, "
        f"{model.n_params() / 1e6:.2f}M parameters, {p.steps} steps of "
        f"{p.batch_size}×{p.n_ctx} tokens")
    vwin = val_windows(val_tok, p, p.eval_batches * p.batch_size)
    meta = {"preset": asdict(p), "precision": "bf16" if use_bf16 else "fp32", "device": dev.type}
    snap_steps = set(p.snapshot_steps())
    (out / ckpt.SNAPSHOTS).mkdir(exist_ok=True)
    tokens_per_step = p.batch_size * p.n_ctx

    def save(step_now: int, elapsed: float):
        ckpt.save_checkpoint(out, model, {**meta, "step": step_now,
                                          "tokens_seen": step_now * tokens_per_step,
                                          "train_seconds": round(elapsed, 1)})
        save_train_state(out / TRAIN_STATE, opt, step_now)
        ckpt.write_json(out / ckpt.LOSS_LOG, {"rows": log_rows})

    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=p.steps, initial=step, unit="step", file=sys.stderr, dynamic_ncols=True)
    model.train()
    t_start = time.perf_counter()
    t_window, tok_window = time.perf_counter(), 0
    train_loss_ema = None
    while step < p.steps:
        if step in snap_steps:
            ckpt.save_weights(model, out / ckpt.SNAPSHOTS / f"step_{step:05d}.safetensors", "int8")
        lr = lr_at(step, p)
        for g in opt.param_groups:
            g["lr"] = lr
        x, y = get_batch(train_tok, step, p, p.seed, dev)
        with autocast():
            _, loss = model(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        tok_window += tokens_per_step
        lv = loss.item()
        train_loss_ema = lv if train_loss_ema is None else 0.9 * train_loss_ema + 0.1 * lv
        if bar is not None:
            dt = time.perf_counter() - t_window
            bar.set_postfix(loss=f"{train_loss_ema:.3f}", tok_s=f"{tok_window / max(dt, 1e-9):,.0f}")
            bar.update(1)
        elapsed = elapsed_before + time.perf_counter() - t_start
        if step % p.eval_every == 0 or step == p.steps:
            vl = evaluate_loss(model, vwin, dev, autocast)
            dt = time.perf_counter() - t_window
            log_rows.append({"step": step, "tokens": step * tokens_per_step,
                             "elapsed_s": round(elapsed, 1), "lr": lr,
                             "train_loss": round(train_loss_ema, 4), "val_loss": round(vl, 4),
                             "tok_per_s": round(tok_window / max(dt, 1e-9))})
            t_window, tok_window = time.perf_counter(), 0
            msg = f"step {step}: train {train_loss_ema:.3f}, val {vl:.3f}, {log_rows[-1]['tok_per_s']:,} tok/s"
            (bar.write(msg) if bar is not None else log(msg))
        if step % p.ckpt_every == 0 or step == p.steps:
            save(step, elapsed)
        if (stop_after_s is not None and time.perf_counter() - t_start > stop_after_s) or \
                (until is not None and step >= until and step < p.steps):
            save(step, elapsed)
            log(f"stopped at step {step} of {p.steps}; run the same command again to resume")
            break
    if bar is not None:
        bar.close()
    if step >= p.steps:
        finish(out, log)
    return out


def finish(out: Path, log=print) -> None:
    """After training: word2vec on the same corpus, context vectors per layer."""
    from . import embeddings
    text = (out / DATA_DIR / "corpus.txt").read_text(encoding="utf-8")
    t0 = time.time()
    embeddings.train_word2vec_to(text, out)
    log(f"word2vec trained in {time.time() - t0:.1f} s")
    t0 = time.time()
    embeddings.compute_context_vectors_to(out, np.load(out / DATA_DIR / "train.npy"))
    log(f"context vectors computed in {time.time() - t0:.1f} s")


def _param_groups(model: GPT, wd: float):
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    return [{"params": decay, "weight_decay": wd}, {"params": no_decay, "weight_decay": 0.0}]
