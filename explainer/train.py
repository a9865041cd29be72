"""Training: corpus → tokenizer → GPT, with checkpoints, snapshots, a loss log and resume.

``python -m explainer train --preset tiny --out runs/tiny`` (see ``PRESETS``). Run it again with
the same ``--out`` after an interruption and it continues from the last checkpoint: the batch at
step ``s`` is drawn from a generator seeded with ``(seed, s)``, so a resumed run sees exactly the
batches an uninterrupted one would have seen.

Nothing is lost or left half-written: every file is written to a temporary name and renamed; the
prepared data are checked against ``data/manifest.json`` on resume (a missing or damaged file is
made again — it is deterministic); Ctrl-C finishes the current step, saves a checkpoint and stops;
the precision is chosen once per run, recorded in ``config.json`` and kept on resume. A run file
that cannot be made again (weights, optimizer state, loss log) gives a CheckpointError naming it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import signal
import sys
import threading
import time
from dataclasses import asdict, dataclass, replace
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
    lang: str = "en"           # the generated corpus: "en", or "zh" (Chinese, read as segmented words)

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
    # the app's "Train your own" page and `--preset live`: readable words in ~15 s on 2 CPU cores
    "live": Preset("live", corpus_bytes=300_000, vocab_size=1024, n_layer=2, n_head=2, d_model=64,
                   n_ctx=64, batch_size=16, steps=3000, lr=3e-3, min_lr=3e-4, warmup=50,
                   eval_every=50, eval_batches=4, ckpt_every=250),
    # the bundled model (assets/model)
    "default": Preset("default", corpus_bytes=20_000_000, vocab_size=4096, n_layer=6, n_head=6,
                      d_model=192, n_ctx=128, batch_size=32, steps=5000, lr=1.5e-3, min_lr=1e-4,
                      warmup=200, eval_every=200, eval_batches=8, ckpt_every=200),
}


LANGS = ("en", "zh")


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

MANIFEST = "manifest.json"

# your own text: the limits a class server can afford (tiny preset: the whole text is read each run)
MIN_TEXT_CHARS = 2_000           # below this there is too little to learn from (and to hold out)
MAX_TEXT_BYTES = 2_000_000       # 2 MB: more than a 60-second run can read once
VAL_SHARE = 0.1                  # the last tenth is held out for the validation loss
MIN_HELD_OUT_CHARS = 600         # … and at least this much, so a short text still fills the validation windows


class TextError(ValueError):
    """Text a model cannot be trained on (empty, too short, too large, not text); says which and why."""


def _check_size(n_bytes: int, name: str) -> None:
    if n_bytes > MAX_TEXT_BYTES:
        raise TextError(f"{name} is {n_bytes:,} bytes; the limit is {MAX_TEXT_BYTES:,} bytes (2 MB)")


def check_text(text: str, name: str = "the text", n_ctx: int = PRESETS["live"].n_ctx) -> str:
    """The text itself (lone surrogates replaced), or a TextError naming ``name`` and what is
    wrong: too large, binary, too short, or too few pieces to fill a model's window of ``n_ctx``
    tokens in both its training part and its held-out part (so an accepted text always trains)."""
    if not isinstance(text, str):
        raise TextError(f"{name} is not text")
    if "\x00" in text:
        raise TextError(f"{name} contains NUL bytes: it looks like a binary file, not text")
    from .inputs import clean_text
    text, _ = clean_text(text)                   # lone surrogates (a crafted paste) → U+FFFD
    _check_size(len(text.encode("utf-8")), name)
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise TextError(f"{name} has {len(text.strip()):,} characters; at least {MIN_TEXT_CHARS:,} are needed")
    need = n_ctx + 2
    for part, what in zip(split_text(text), ("the part learned from", "the last tenth, held out to measure the model")):
        n = pieces(part, need)
        if n < need:
            raise TextError(f"{name} splits into only {n:,} words and signs in {what}; the model reads {need:,} "
                            f"tokens at a time. It is mostly one thing repeated, or long runs without a space "
                            f"or a punctuation mark: give it varied text (stories, notes, articles)")
    return text


def pieces(text: str, enough: int | None = None) -> int:
    """How many pieces the tokenizer's pre-split cuts ``text`` into (words, numbers, signs, spaces),
    counting up to ``enough``. A text of n pieces gives at least n tokens whatever the learned
    vocabulary, so this bounds the tokens before a tokenizer exists (a text of one repeated letter,
    or with no spaces at all, is one piece per line)."""
    from .tokenizer import GPT2_PATTERN, _compiled
    n = 0
    for _ in _compiled(GPT2_PATTERN).finditer(text):
        n += 1
        if enough is not None and n >= enough:
            break
    return n


def read_text_file(path: str | Path) -> str:
    """A UTF-8 text file, its size checked before it is read (TextError names the file)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise TextError(f"{path}: cannot be read ({e.strerror or e})") from None
    _check_size(size, str(path))
    return decode_text(path.read_bytes(), str(path))


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a text file → checked text (UTF-8, with or without a byte-order mark)."""
    _check_size(len(data), name)                 # before decoding; check_text then checks the text
    if b"\x00" in data:
        raise TextError(f"{name} contains NUL bytes: it looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise TextError(f"{name} is not UTF-8 text (byte {e.start:,} cannot be read)") from None
    return check_text(text.replace("\r\n", "\n"), name)


def split_text(text: str) -> tuple[str, str]:
    """(training part, held-out part): the last tenth (at least ``MIN_HELD_OUT_CHARS``), cut at a
    line or a space where there is one near, else anywhere (a text of one line, Chinese without spaces)."""
    cut = min(int(len(text) * (1 - VAL_SHARE)), len(text) - MIN_HELD_OUT_CHARS)
    for sep in ("\n", " "):
        j = text.rfind(sep, int(cut * 0.9), cut)
        if j > 0:
            cut = j + 1
            break
    return text[:cut], text[cut:]


def _save_npy(path: Path, arr: np.ndarray) -> None:
    def write(tmp):
        with open(tmp, "wb") as fh:
            np.save(fh, arr)
    ckpt.write_atomic(path, write)


def _digest(path: Path) -> dict:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return {"bytes": path.stat().st_size, "sha256": h.hexdigest()}


def _readable(path: Path) -> bool:
    """A file from a run made before manifests existed: can it be read whole?"""
    try:
        if path.suffix == ".npy":
            np.load(path)
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        else:
            path.read_text(encoding="utf-8")
        return True
    except (OSError, ValueError, EOFError):
        return False


def prepare_data(out: Path, p: Preset, log=print, text: str | None = None) -> tuple[np.ndarray, np.ndarray, "object"]:
    """Generate the corpus (or take ``text``: its last tenth is held out), train the tokenizer,
    encode; kept in ``out`` so resume is instant.

    Each file is recorded in ``data/manifest.json`` (size and SHA-256) once written; on resume a
    file that is missing or does not match is made again (everything here is deterministic), with a
    line in the log naming it."""
    from . import corpus, tokenizer

    data = out / DATA_DIR
    data.mkdir(parents=True, exist_ok=True)
    man_path = data / MANIFEST
    try:
        manifest = json.loads(man_path.read_text(encoding="utf-8")) if man_path.exists() else {}
    except (OSError, ValueError):
        log(f"{man_path} is damaged: checking every data file again")
        manifest = {}
    legacy = not man_path.exists()
    params = {"corpus_bytes": p.corpus_bytes, "vocab_size": p.vocab_size, "seed": p.seed}
    if p.lang != "en":
        params["lang"] = p.lang
    if text is not None:
        params = {"text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "vocab_size": p.vocab_size}
        own = split_text(text)
    if manifest.get("params", params) != params:
        raise ckpt.CheckpointError(
            f"{man_path} says the data in {out} were made for {manifest['params']}, not {params}: train "
            f"this preset into another --out folder")
    manifest["params"] = params

    def fresh(name: str) -> bool:
        """True when ``out/name`` is there and is what was written (else: say why, make it again)."""
        f = out / name
        if f.exists() and manifest.get(name) == _digest(f):
            return True
        if f.exists() and legacy and name not in manifest and _readable(f):
            manifest[name] = _digest(f)          # a run from before manifests: adopt readable files
            return True
        if f.exists() or name in manifest:
            log(f"{f} is missing or damaged: making it again")
        return False

    def done(*names: str) -> None:
        for name in names:
            manifest[name] = _digest(out / name)
        ckpt.write_json(man_path, manifest)

    val_bytes, val_seed = max(50_000, p.corpus_bytes // 50), p.seed + 12345
    if text is not None:
        makers = (("data/corpus.txt", lambda: own[0]), ("data/val.txt", lambda: own[1]))
    elif p.lang == "zh":
        seg = _chinese_segmenter(out, p, fresh, done, log)
        makers = (("data/corpus.txt", lambda: seg.segment(corpus.generate_corpus_zh(p.corpus_bytes, seed=p.seed))),
                  ("data/val.txt", lambda: seg.segment(corpus.held_out_text_zh(val_bytes, seed=val_seed))))
    else:
        makers = (("data/corpus.txt", lambda: corpus.generate_corpus(p.corpus_bytes, seed=p.seed)),
                  ("data/val.txt", lambda: corpus.held_out_text(val_bytes, seed=val_seed)))
    for name, make in makers:
        if not fresh(name):
            t0 = time.time()
            made = make()
            ckpt.write_atomic(out / name, lambda tmp: tmp.write_text(made, encoding="utf-8"))
            done(name)
            log(f"{name}: {len(made) / 1e6:.2f} MB {'written' if text is not None else 'generated'} "
                f"in {time.time() - t0:.1f} s")
    train_text = (out / "data/corpus.txt").read_text(encoding="utf-8")
    if not (fresh(ckpt.TOKENIZER) and fresh(ckpt.MERGES)):
        t0 = time.time()
        ranks, merges = tokenizer.train_bpe(train_text, p.vocab_size)
        tokenizer.save_merges(merges, out / ckpt.MERGES)
        tokenizer.save_tiktoken_bpe(ranks, out / ckpt.TOKENIZER)
        done(ckpt.TOKENIZER, ckpt.MERGES)
        log(f"tokenizer: {len(merges)} merges in {time.time() - t0:.1f} s")
    enc = tokenizer.make_encoding(tokenizer.load_tiktoken_bpe(out / ckpt.TOKENIZER))
    arrays = []
    for name, src in (("data/train.npy", "data/corpus.txt"), ("data/val.npy", "data/val.txt")):
        if not fresh(name):
            ids = enc.encode_ordinary((out / src).read_text(encoding="utf-8"))
            _save_npy(out / name, np.asarray(ids, dtype=np.uint16))
            done(name)
        arrays.append(np.load(out / name))
    if legacy:
        ckpt.write_json(man_path, manifest)
    log(f"tokens: {len(arrays[0]):,} train, {len(arrays[1]):,} validation "
        f"({len(train_text) / max(1, len(arrays[0])):.2f} characters per token)")
    if text is not None and min(len(a) for a in arrays) < p.n_ctx + 2:
        raise TextError(f"the text gives only {len(arrays[1]):,} held-out tokens; the model reads "
                        f"{p.n_ctx + 2} at a time: give it a longer text")
    return arrays[0], arrays[1], enc


def _chinese_segmenter(out: Path, p: Preset, fresh, done, log):
    """The Chinese corpus's word list (``segmentation.json`` in the run folder, part of the
    checkpoint): the words of the generator's own segmentation, with their counts. The model then
    reads the plain corpus segmented again by it, as every prompt will be (``tokenizer.model_text``)."""
    from . import corpus
    from .tokenizer import SEGMENTATION_FILE, Segmenter
    if not fresh(SEGMENTATION_FILE):
        t0 = time.time()
        seg = Segmenter.from_segmented(corpus.generate_corpus_zh(p.corpus_bytes, seed=p.seed, segmented=True))
        seg.save(out / SEGMENTATION_FILE)
        done(SEGMENTATION_FILE)
        log(f"{SEGMENTATION_FILE}: {len(seg.counts):,} words in {time.time() - t0:.1f} s")
    return Segmenter.load(out / SEGMENTATION_FILE)


# ---- optimizer state in safetensors (no pickle) -----------------------------------------------

def save_train_state(path: Path, opt: torch.optim.Optimizer, step: int) -> None:
    tensors = {"step": torch.tensor([step], dtype=torch.int64)}
    for i, st in opt.state_dict()["state"].items():
        for k, v in st.items():
            tensors[f"opt.{i}.{k}"] = v.detach().cpu().contiguous() if torch.is_tensor(v) \
                else torch.tensor(v)
    from safetensors.torch import save_file
    ckpt.write_atomic(path, lambda tmp: save_file(tensors, str(tmp)))


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


COMPILE_PAYS_S = 600       # torch.compile costs ~20-40 s on 2 CPU cores and gains 7-12 %: worth it past ~10 min
COMPILES = ("auto", "on", "off")


def choose_compile(requested: str, p: Preset, device, steps_left: int, log=print) -> bool:
    """Whether to train through ``torch.compile``: "on", "off", or "auto" — on when the rest of the run
    is long enough for the compile time to pay back (estimated from the model's size), on a CPU with a
    C compiler or a CUDA GPU. Decided once per run and recorded in config.json."""
    if requested not in COMPILES:
        raise ValueError(f"compile must be one of {', '.join(COMPILES)} (got {requested!r})")
    if requested != "auto":
        return requested == "on"
    import shutil
    if device.type not in ("cpu", "cuda") or (device.type == "cpu" and not (shutil.which("cc") or shutil.which("gcc"))):
        return False
    cfg = p.model_config()
    flops = 6 * GPT(cfg).n_params() * steps_left * p.batch_size * p.n_ctx
    est_s = flops / 150e9 if device.type == "cpu" else flops / 50e12     # a modest machine's sustained FLOP/s
    log(f"compile: the rest of the run is ~{est_s / 60:.0f} min of work: "
        f"{'compiling (it pays back)' if est_s > COMPILE_PAYS_S else 'eager (too short to pay back)'}")
    return est_s > COMPILE_PAYS_S


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


class Stop:
    """Asks a training loop to stop at the next step boundary: Ctrl-C (SIGINT) in the main thread,
    or ``should_stop()`` (a worker's pause button). The step in progress is never cut in half."""

    def __init__(self, should_stop=None):
        self.should_stop = should_stop
        self.signalled = False
        self._old = None

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            def handler(signum, frame):
                if self.signalled:                 # a second Ctrl-C: stop now
                    raise KeyboardInterrupt
                self.signalled = True
            self._old = signal.signal(signal.SIGINT, handler)
        return self

    def __exit__(self, *exc):
        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)
        return False

    def __bool__(self) -> bool:
        return self.signalled or bool(self.should_stop and self.should_stop())


PRECISIONS = ("fp32", "bf16", "auto")


SAVING = ".saving"           # a checkpoint being written: moved into place only once whole
SAVED = "COMPLETE"


def finish_save(out: Path) -> None:
    """Bring ``out`` to its last whole checkpoint: a save marked complete is moved into place (a
    process killed between the renames is finished here), one not marked complete is dropped (the
    files in ``out`` were not touched yet)."""
    import shutil
    stage = Path(out) / SAVING
    if not stage.is_dir():
        return
    if (stage / SAVED).exists():
        for name in (ckpt.WEIGHTS, ckpt.LOSS_LOG, TRAIN_STATE, ckpt.CONFIG):      # config.json, the step, last
            if (stage / name).exists():
                os.replace(stage / name, Path(out) / name)
    shutil.rmtree(stage, ignore_errors=True)


def resume_step(out: Path) -> int | None:
    """The step a run in ``out`` would resume from exactly (its files whole and in step), or None."""
    finish_save(out)
    out = Path(out)
    if not all((out / f).exists() for f in (ckpt.WEIGHTS, TRAIN_STATE, ckpt.CONFIG, ckpt.LOSS_LOG)):
        return None
    try:
        step = int(ckpt.load_tensors(out / TRAIN_STATE)["step"].item())
        return step if ckpt.read_config(out)[1].get("step") == step else None
    except (ckpt.CheckpointError, KeyError, ValueError, OSError):
        return None


def _resume_state(out: Path, model: GPT, opt, precision: str) -> tuple[int, list[dict], float, dict]:
    """(step, loss-log rows, seconds trained, the run's recorded config.json facts — precision,
    compiled, …) of the run in ``out``; a fresh run is (0, [], 0.0, {}). Any part of a checkpoint missing or out of step is a CheckpointError that
    names the file and says what to do."""
    finish_save(out)
    w, s, c, l = (out / ckpt.WEIGHTS, out / TRAIN_STATE, out / ckpt.CONFIG, out / ckpt.LOSS_LOG)
    if not (w.exists() or s.exists()):
        return 0, [], 0.0, {}
    fix = f"delete {out} to start again, or train into another --out folder"
    for f in (w, s, c, l):
        if not f.exists():
            raise ckpt.CheckpointError(f"{f} is missing, so the run in {out} cannot resume exactly: {fix}")
    ckpt.load_weights_into(model, w)
    step = load_train_state(s, opt)
    _, meta = ckpt.read_config(out)
    if meta.get("step") != step:
        raise ckpt.CheckpointError(f"{c} says step {meta.get('step')} but {s} says step {step}: a save was cut "
                                   f"off; {fix}")
    rows = ckpt.read_json(l).get("rows")
    if not isinstance(rows, list):
        raise ckpt.CheckpointError(f"{l} has no 'rows' list; the file is damaged: {fix}")
    rows = [r for r in rows if r.get("step", 0) <= step]
    recorded = meta.get("precision")
    if precision != "auto" and recorded and precision != recorded:
        raise ckpt.CheckpointError(f"{c} records that this run trains in {recorded}: resume it with "
                                   f"--precision {recorded} (or auto), or train into another --out folder")
    return step, rows, (rows[-1]["elapsed_s"] if rows else 0.0), meta


def train(preset: str | Preset = "tiny", out: str | Path = "runs/tiny", device: str = "auto",
          precision: str = "fp32", steps: int | None = None, seed: int | None = None,
          progress: bool = True, log=print, stop_after_s: float | None = None,
          until: int | None = None, should_stop=None, on_step=None, text: str | None = None,
          compile: str = "auto", lang: str | None = None) -> Path:
    """Train (or resume) a model in ``out``. Returns ``out``.

    ``precision``: "fp32" (the default, the same on every machine), "bf16" autocast, or "auto" (time
    a few steps both ways, keep the faster); the choice is recorded in ``config.json`` and a resumed
    run keeps it. ``until`` / ``stop_after_s`` / ``should_stop()`` end this run early with a
    checkpoint (the learning-rate schedule still runs to ``steps``, so running again resumes);
    Ctrl-C does the same and then raises KeyboardInterrupt. ``on_step(step, info)`` is called after
    every step with the loss, learning rate, gradient norm, tokens/s, the validation loss when it was
    measured at this step (else None), and the model and tokenizer
    being trained (``info["model"]``, ``info["encoding"]``: read them, never change them).

    ``compile``: "auto" (``torch.compile`` when the run is long enough to pay back), "on" or "off";
    recorded in ``config.json`` and kept on resume.

    ``text``: train on this text (its last tenth held out for validation; ``check_text`` limits)
    instead of the generated corpus; the tokenizer is trained on it too.

    ``lang``: the generated corpus's language, "en" (the preset's, by default) or "zh": the Chinese
    corpus, which the tokenizer and the model read segmented into words (``segmentation.json`` in
    ``out``; a prompt goes through ``tokenizer.model_text`` first). Recorded in ``config.json``."""
    p = _resolve_preset(preset, precision, steps, seed, lang, text)
    run = _start(p, Path(out), device, precision, compile, text, log)
    step, elapsed, stopped_by = _run_steps(run, progress, log, stop_after_s, until, should_stop, on_step)
    if stopped_by:
        run.save(step, elapsed)
        log(f"stopped at step {step} of {p.steps} ({stopped_by}); saved — run the same command again to resume")
        if stopped_by == "Ctrl-C":
            raise KeyboardInterrupt(f"training stopped at step {step}; saved in {run.out}")
        return run.out
    from .embeddings import CONTEXT, W2V_VECTORS, W2V_WORDS
    if step >= p.steps and not all((run.out / f).exists() for f in (W2V_VECTORS, W2V_WORDS, CONTEXT)):
        finish(run.out, log)
    return run.out


def _resolve_preset(preset: str | Preset, precision: str, steps, seed, lang, text) -> Preset:
    """The preset with the call's overrides, every argument checked."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)} (got {precision!r})")
    p = PRESETS[preset] if isinstance(preset, str) else preset
    if steps is not None:
        p = replace(p, steps=steps)
    if seed is not None:
        p = replace(p, seed=seed)
    if lang is not None:
        p = replace(p, lang=lang)
    if p.lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)} (got {p.lang!r})")
    if text is not None and p.lang != "en":
        raise ValueError(f"lang={p.lang!r} picks the generated corpus's language; your own text trains in "
                         f"whatever language it is written in: give one or the other")
    return p


@dataclass
class _Run:
    """One training run: what it trains and on what, where it resumes, what it decided once."""
    p: Preset
    out: Path
    dev: torch.device
    model: GPT
    fwd: object                  # the module the steps call: ``model``, or its compiled form (same parameters)
    opt: torch.optim.Optimizer
    enc: object                  # the tokenizer (tiktoken.Encoding)
    train_tok: object
    vwin: object
    autocast: object
    meta: dict
    step: int
    log_rows: list
    elapsed_before: float
    snap_steps: frozenset        # the steps whose weights are kept as snapshots (the timeline chapter)

    @property
    def tokens_per_step(self) -> int:
        return self.p.batch_size * self.p.n_ctx

    def save(self, step_now: int, elapsed: float) -> None:
        """The checkpoint at ``step_now``: the four files are written whole into SAVING, marked
        complete, then renamed into place (finish_save): a process killed while writing leaves the
        last checkpoint as it was."""
        import shutil
        stage = self.out / SAVING
        shutil.rmtree(stage, ignore_errors=True)
        ckpt.save_checkpoint(stage, self.model, {**self.meta, "step": step_now,
                                                 "tokens_seen": step_now * self.tokens_per_step,
                                                 "train_seconds": round(elapsed, 1)})
        ckpt.write_json(stage / ckpt.LOSS_LOG, {"rows": self.log_rows})
        save_train_state(stage / TRAIN_STATE, self.opt, step_now)
        (stage / SAVED).touch()
        finish_save(self.out)


def _start(p: Preset, out: Path, device: str, precision: str, compile: str, text: str | None, log) -> _Run:
    """Data, tokenizer, model and optimiser, resumed from ``out`` when it holds a checkpoint; the
    run's decisions (precision, compile) made once, or read back from config.json on resume."""
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(p.seed)
    dev = pick_device(device)
    if dev.type == "cpu" and os.cpu_count():
        torch.set_num_threads(os.cpu_count())
    if text is not None:
        text = check_text(text, n_ctx=p.n_ctx)
    train_tok, val_tok, enc = prepare_data(out, p, log, text)
    cfg = p.model_config()
    if enc.n_vocab != cfg.vocab_size:
        cfg = replace(cfg, vocab_size=enc.n_vocab)
    model = GPT(cfg).to(dev)
    opt = torch.optim.AdamW(_param_groups(model, p.weight_decay), lr=p.lr, betas=(0.9, 0.95))
    step, log_rows, elapsed_before, recorded = _resume_state(out, model, opt, precision)
    if step:
        log(f"resuming from step {step}")
    # decisions made once per run, read back from config.json when it resumes
    use_bf16 = (recorded["precision"] == "bf16") if recorded.get("precision") else \
        choose_precision(model, p, dev, train_tok, precision, log)
    autocast = (lambda: torch.autocast(dev.type, dtype=torch.bfloat16)) if use_bf16 else _null
    use_compile = recorded["compiled"] if "compiled" in recorded else choose_compile(compile, p, dev, p.steps - step, log)
    # the compiled module shares the parameters; evaluation, snapshots and checkpoints use ``model``
    fwd = torch.compile(model) if use_compile else model
    log(f"device {dev.type}, {'bf16 autocast' if use_bf16 else 'fp32'}, "
        f"{'compiled, ' if use_compile else ''}{model.n_params() / 1e6:.2f}M parameters, {p.steps} steps of "
        f"{p.batch_size}×{p.n_ctx} tokens")
    vwin = val_windows(val_tok, p, p.eval_batches * p.batch_size)
    meta = {"preset": asdict(p), "precision": "bf16" if use_bf16 else "fp32", "device": dev.type, "compiled": use_compile,
            "data": "own text" if text is not None else "generated corpus"}
    if p.lang != "en":                      # what the model reads: prompts go through tokenizer.model_text
        from .tokenizer import SEGMENTATION_FILE, Segmenter
        words = len(Segmenter.load(out / SEGMENTATION_FILE).counts)
        meta.update(lang=p.lang, segmentation={"file": SEGMENTATION_FILE, "method": "unigram", "words": words})
    (out / ckpt.SNAPSHOTS).mkdir(exist_ok=True)
    return _Run(p, out, dev, model, fwd, opt, enc, train_tok, vwin, autocast, meta, step, log_rows, elapsed_before,
                frozenset(p.snapshot_steps()))


def _one_step(run: _Run, step: int) -> tuple[float, float, float]:
    """One optimiser step at ``step`` (its batch and learning rate fixed by the step number, so a
    resumed run takes the same steps): (loss, learning rate, gradient norm)."""
    p = run.p
    if step in run.snap_steps:
        ckpt.save_weights(run.model, run.out / ckpt.SNAPSHOTS / f"step_{step:05d}.safetensors", "int8")
    lr = lr_at(step, p)
    for g in run.opt.param_groups:
        g["lr"] = lr
    x, y = get_batch(run.train_tok, step, p, p.seed, run.dev)
    with run.autocast():
        _, loss = run.fwd(x, y)
    run.opt.zero_grad(set_to_none=True)
    loss.backward()
    grad_norm = float(torch.nn.utils.clip_grad_norm_(run.model.parameters(), 1.0))
    run.opt.step()
    return loss.item(), lr, grad_norm


def _run_steps(run: _Run, progress: bool, log, stop_after_s, until, should_stop, on_step
               ) -> tuple[int, float, str | None]:
    """Steps until the preset's end or a stop (Ctrl-C, ``should_stop()``, ``stop_after_s``,
    ``until``): validation and the loss log every ``eval_every``, a checkpoint every ``ckpt_every``.
    Returns (the step reached, seconds trained in all, what stopped it or None)."""
    p, step = run.p, run.step
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=p.steps, initial=step, unit="step", file=sys.stderr, dynamic_ncols=True)
    run.model.train()
    t_start = time.perf_counter()
    t_window, tok_window = time.perf_counter(), 0
    train_loss_ema = None
    elapsed = run.elapsed_before
    stopped_by = None
    with Stop(should_stop) as stop:
        while step < p.steps:
            if stop:
                stopped_by = "Ctrl-C" if stop.signalled else "request"
                break
            lv, lr, grad_norm = _one_step(run, step)
            step += 1
            tok_window += run.tokens_per_step
            train_loss_ema = lv if train_loss_ema is None else 0.9 * train_loss_ema + 0.1 * lv
            dt = time.perf_counter() - t_window
            if bar is not None:
                bar.set_postfix(loss=f"{train_loss_ema:.3f}", tok_s=f"{tok_window / max(dt, 1e-9):,.0f}")
                bar.update(1)
            elapsed = run.elapsed_before + time.perf_counter() - t_start
            info = {"loss": lv, "loss_ema": train_loss_ema, "lr": lr, "grad_norm": grad_norm,
                    "tok_per_s": tok_window / max(dt, 1e-9), "elapsed_s": elapsed, "val_loss": None,
                    "model": run.model, "encoding": run.enc}
            if step % p.eval_every == 0 or step == p.steps:
                vl = evaluate_loss(run.model, run.vwin, run.dev, run.autocast)
                dt = time.perf_counter() - t_window
                run.log_rows.append({"step": step, "tokens": step * run.tokens_per_step,
                                     "elapsed_s": round(elapsed, 1), "lr": lr,
                                     "train_loss": round(train_loss_ema, 4), "val_loss": round(vl, 4),
                                     "tok_per_s": round(tok_window / max(dt, 1e-9))})
                t_window, tok_window = time.perf_counter(), 0
                info["val_loss"] = vl
                msg = f"step {step}: train {train_loss_ema:.3f}, val {vl:.3f}, {run.log_rows[-1]['tok_per_s']:,} tok/s"
                (bar.write(msg) if bar is not None else log(msg))
            if on_step is not None:
                on_step(step, info)
            if step % p.ckpt_every == 0 or step == p.steps:
                run.save(step, elapsed)
            if (stop_after_s is not None and time.perf_counter() - t_start > stop_after_s) or \
                    (until is not None and step >= until and step < p.steps):
                stopped_by = "request"
                break
    if bar is not None:
        bar.close()
    return step, elapsed, stopped_by


def finish(out: Path, log=print) -> None:
    """After training: word2vec on the same corpus, context vectors per layer. A text too short or
    without words for either gets none, and the log says what is missing (the pages say the model has
    no such vectors)."""
    from . import embeddings
    text = (out / DATA_DIR / "corpus.txt").read_text(encoding="utf-8")
    t0 = time.time()
    if embeddings.train_word2vec_to(text, out):
        log(f"word2vec trained in {time.time() - t0:.1f} s")
    else:
        log(f"word2vec: skipped — {embeddings.w2v_missing(embeddings.word_counts(text))}; "
            "the model has no word2vec vectors (the Word vectors page opens on its token vectors instead)")
    t0 = time.time()
    if embeddings.compute_context_vectors_to(out, np.load(out / DATA_DIR / "train.npy")):
        log(f"context vectors computed in {time.time() - t0:.1f} s")
    else:
        log("context vectors: skipped — no token of this model is a whole word with a space before it "
            "(seen 5 times), which a text without spaces between words (Chinese, say) does not have; none saved "
            "(the Word vectors page offers the word2vec and token spaces only)")


def _param_groups(model: GPT, wd: float):
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    return [{"params": decay, "weight_decay": wd}, {"params": no_decay, "weight_decay": 0.0}]
