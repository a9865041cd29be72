"""Checkpoints: safetensors weights + JSON config + tokenizer file. No pickle anywhere.

A checkpoint is a folder::

    config.json            model config + training facts (preset, step, tokens, time)
    model.safetensors      weights (fp32, fp16 or int8 with per-row scales)
    tokenizer.tiktoken     BPE ranks in tiktoken's file format
    merges.json            the BPE merge history (for the tokenization page)
    loss_log.json          train/validation loss along the run
    snapshots/step_*.safetensors   weights kept from along the run (the app shows the model learning)
    word2vec.safetensors + word2vec.json   skip-gram vectors trained on the same corpus
    context_vectors.safetensors     averaged hidden states of word tokens per layer
    segmentation.json      a model that reads segmented text (Chinese): its word list (tokenizer.Segmenter)
    scorecard.json         what ``python -m explainer evaluate`` measured on this checkpoint

Every loader raises :class:`CheckpointError` naming the file that is missing or broken.
"""

from __future__ import annotations

import json
import stat as stat_mod
from pathlib import Path

import torch
from safetensors import SafetensorError as SafetensorsError
from safetensors.torch import load_file, save_file

from . import settings
from .model import GPT, GPTConfig
from .tokenizer import SEGMENTATION_FILE as SEGMENTATION

CONFIG = "config.json"
WEIGHTS = "model.safetensors"
TOKENIZER = "tokenizer.tiktoken"
MERGES = "merges.json"
LOSS_LOG = "loss_log.json"
SNAPSHOTS = "snapshots"
SCORECARD = "scorecard.json"
TIMELINE = "timeline.json"                      # skills against the step (evaluate --timeline --write)
W2V_VECTORS = "word2vec.safetensors"
W2V_WORDS = "word2vec.json"
CONTEXT = "context_vectors.safetensors"


class CheckpointError(ValueError):
    """A checkpoint file is missing, truncated or does not match the model. The message names the
    file as ``folder/file`` (the checkpoint folder's own name, never the server's full path)."""


def short(path: Path) -> str:
    """``folder/file`` of a checkpoint file: enough to find it, without the server's own path."""
    path = Path(path)
    if path.parent.name == SNAPSHOTS:
        return "/".join(path.parts[-3:])
    return "/".join(path.parts[-2:])


def _need(path: Path) -> Path:
    if not path.is_file():
        raise CheckpointError(f"{short(path)} is missing")
    return path


def read_json(path: Path) -> dict:
    try:
        return json.loads(_need(Path(path)).read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CheckpointError(f"{short(path)} is not valid JSON ({e}); the file is damaged") from e


def write_atomic(path: Path, write) -> None:
    """``write(tmp_path)``, then rename onto ``path``: an interrupted write never leaves half a file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    tmp.replace(path)


def write_json(path: Path, obj) -> None:
    write_atomic(path, lambda tmp: tmp.write_text(json.dumps(obj, indent=1, ensure_ascii=False), encoding="utf-8"))


# ---- weights ---------------------------------------------------------------------------------

def state_to_tensors(state: dict[str, torch.Tensor], dtype: str = "fp32") -> dict[str, torch.Tensor]:
    """Convert a state dict for storage. ``int8`` keeps 2-D weights as int8 with one fp16 scale
    per row (``name`` + ``.__scale``); everything else becomes fp16."""
    out = {}
    for k, v in state.items():
        v = v.detach().float().cpu().contiguous()
        if dtype == "fp32":
            out[k] = v
        elif dtype == "fp16":
            out[k] = v.half()
        elif dtype == "int8":
            if v.dim() == 2:
                scale = v.abs().amax(dim=1, keepdim=True).clamp_min(1e-8) / 127.0
                out[k] = torch.round(v / scale).to(torch.int8)
                out[k + ".__scale"] = scale.half()
            else:
                out[k] = v.half()
        else:
            raise ValueError(f"unknown storage dtype {dtype!r}")
    return out


def save_weights(model: GPT, path: Path, dtype: str = "fp32") -> None:
    tensors = state_to_tensors(model.state_dict(), dtype)
    write_atomic(path, lambda tmp: save_file(tensors, str(tmp), metadata={"dtype": dtype}))


def load_tensors(path: Path) -> dict[str, torch.Tensor]:
    _need(Path(path))
    try:
        return load_file(str(path))
    except (SafetensorsError, OSError, ValueError, RuntimeError) as e:
        raise CheckpointError(f"{short(path)} could not be read ({e}); the file is truncated or damaged") from e


_DTYPE_BYTES = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1,
                "BOOL": 1}
MAX_HEADER_BYTES = 10_000_000


def read_header(path: Path) -> dict[str, tuple[str, tuple[int, ...]]]:
    """name → (dtype, shape) of every tensor in a safetensors file, read from its header alone
    (nothing is allocated), after checking that the file holds exactly the bytes the header
    describes: a truncated or padded file is a CheckpointError naming it."""
    return {k: v[:2] for k, v in weights_layout(path).items()}


def weights_layout(path: Path) -> dict[str, tuple[str, tuple[int, ...], int]]:
    """``read_header`` with where each tensor's bytes begin in the file."""
    path = _need(Path(path))
    size = path.stat().st_size
    try:
        with open(path, "rb") as f:
            head = f.read(8)
            n = int.from_bytes(head, "little") if len(head) == 8 else -1
            if not 2 <= n <= min(size - 8, MAX_HEADER_BYTES):
                raise CheckpointError(f"{short(path)} is empty, truncated or not a safetensors file")
            header = json.loads(f.read(n))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CheckpointError(f"{short(path)} has a damaged header ({type(e).__name__}); "
                              "it is not a safetensors file") from None
    if not isinstance(header, dict):
        raise CheckpointError(f"{short(path)} has a damaged header; it is not a safetensors file")
    out, end = {}, 0
    for name, info in header.items():
        if name == "__metadata__":
            continue
        try:
            dtype, shape, (a, b) = info["dtype"], tuple(int(x) for x in info["shape"]), info["data_offsets"]
            want = _DTYPE_BYTES[dtype]
            for x in shape:
                want *= x
            ok = 0 <= a <= b and b - a == want and all(x >= 0 for x in shape)
        except (KeyError, TypeError, ValueError):
            ok = False
        if not ok:
            raise CheckpointError(f"{short(path)} has a damaged header (tensor {str(name)[:40]!r})")
        out[name], end = (dtype, shape, 8 + n + a), max(end, b)
    if 8 + n + end != size:
        raise CheckpointError(f"{short(path)} is {size:,} bytes but its header describes {8 + n + end:,}: "
                              "the file is truncated or damaged")
    return out


def weights_mismatch(own: dict[str, tuple[int, ...]], stored: dict[str, tuple[int, ...]]) -> str:
    """What keeps a file's tensors (name → shape) from being a model's weights (name → shape): the
    first few missing, unexpected and misshapen names, or "" when they match."""
    missing, extra = sorted(set(own) - set(stored)), sorted(set(stored) - set(own))
    bad = sorted(k for k in set(own) & set(stored) if tuple(own[k]) != tuple(stored[k]))
    return "; ".join(s for s in [
        f"missing {missing[:3]}" if missing else "",
        f"unexpected {extra[:3]}" if extra else "",
        "shape mismatch " + ", ".join(f"{k} {stored[k]} vs {own[k]}" for k in bad[:3]) if bad else ""] if s)


def check_weights_file(path: Path, cfg: GPTConfig) -> dict[str, tuple[str, tuple[int, ...], int]]:
    """CheckpointError naming ``path`` unless its header holds exactly ``cfg``'s weights (as fp32,
    fp16 or int8 with scales) and the file is whole. Reads the header only; returns where each
    tensor lies (what ``_fill`` reads, so the header is parsed once per load)."""
    layout = weights_layout(path)
    header = {k: v[:2] for k, v in layout.items()}
    own = cfg.weight_shapes()
    stored = {k: v for k, v in header.items() if not k.endswith(".__scale")}
    detail = weights_mismatch(own, {k: shape for k, (_, shape) in stored.items()})
    if detail:
        folder = path.parent.parent if path.parent.name == SNAPSHOTS else path.parent
        raise CheckpointError(f"{short(path)} does not match the model in {short(folder / CONFIG)}: {detail}")
    for k, (dtype, shape) in stored.items():
        if dtype == "I8" and header.get(k + ".__scale", (None, ()))[1] != (shape[0], 1):
            raise CheckpointError(f"{short(path)}: int8 weight {k} has no matching scale")
    return layout


def load_bytes(cfg: GPTConfig) -> int:
    """The memory a model of ``cfg`` takes once loaded: its weights as fp32 (loading adds only the
    largest single tensor, read one at a time)."""
    return 4 * cfg.n_params_estimate()


def check_budget(cfg: GPTConfig, path: Path) -> None:
    """CheckpointError naming ``path`` (its config) when a model of ``cfg`` would take more memory than
    this server gives one load (``EXPLAINER_MAX_LOAD_MB``): refused from the config alone, before any
    file is read or tensor allocated."""
    need, budget = load_bytes(cfg), settings.get("EXPLAINER_MAX_LOAD_MB") * 1_000_000
    if need > budget:
        raise CheckpointError(f"{short(path)} describes a model of {cfg.n_params_estimate():,} weights, "
                              f"{need / 1e6:,.0f} MB in memory; this server loads at most {budget / 1e6:,.0f} MB "
                              "per model (its setting EXPLAINER_MAX_LOAD_MB)")


def finite(v: torch.Tensor, name: str, path: Path) -> torch.Tensor:
    if v.is_floating_point() and not bool(torch.isfinite(v).all()):
        raise CheckpointError(f"{short(path)}: the weight {name} holds NaN or infinite values; "
                              "the file is damaged (or the training diverged)")
    return v


def load_weights_into(model: GPT, path: Path) -> None:
    """The weights of ``path`` into ``model``: the header checked against ``model.cfg`` first (names,
    shapes, whole file), then the tensors read and refused if any holds NaN or inf."""
    _fill(model, path, check_weights_file(path, model.cfg))


_TORCH_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "I8": torch.int8}


def read_tensor(f, path: Path, layout: dict[str, tuple[str, tuple[int, ...], int]], name: str,
                into: torch.Tensor | None = None) -> torch.Tensor:
    """One tensor of the safetensors file ``path`` (open as ``f``) with a plain read (no memory map: its
    pages would count as the server's memory): straight into ``into`` when that is fp32 like the
    stored tensor, else into a new buffer of the stored dtype. CheckpointError naming the file when the
    dtype is not one this app reads or the file ends early."""
    dtype, shape, begin = layout[name]
    if dtype not in _TORCH_DTYPES:
        raise CheckpointError(f"{short(path)}: the weight {name} is stored as {dtype}, which this app does not read")
    buf = into if into is not None and dtype == "F32" else torch.empty(shape, dtype=_TORCH_DTYPES[dtype])
    f.seek(begin)
    view = buf.view(torch.uint8) if buf.dtype != torch.uint8 else buf
    if f.readinto(memoryview(view.numpy()).cast("B")) != buf.numel() * buf.element_size():
        raise CheckpointError(f"{short(path)} ended inside the weight {name}; the file is truncated")
    return buf


def _fill(model: GPT, path: Path, layout: dict[str, tuple[str, tuple[int, ...], int]]) -> None:
    """``load_weights_into`` with the ``layout`` that ``check_weights_file`` returned (names and shapes match). Each
    tensor is read (``read_tensor``) straight into the model's fp32 parameter, or into one buffer of
    its own size that is decoded into it (fp16, int8 with scales), then checked for NaN/inf: the peak
    is the model plus its largest tensor, not two copies of every weight."""
    with open(path, "rb") as f, torch.no_grad():
        for k, dest in model.state_dict().items():       # the parameters themselves (detached views)
            v = read_tensor(f, path, layout, k, into=dest)
            if v is not dest:
                dest.copy_(v.float() * read_tensor(f, path, layout, k + ".__scale").float()
                           if v.dtype == torch.int8 else v)
            finite(dest, k, path)


# ---- whole checkpoints -----------------------------------------------------------------------

def save_checkpoint(folder: Path, model: GPT, meta: dict, dtype: str = "fp32") -> None:
    """Write config.json and model.safetensors (the tokenizer files are written once by train)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    save_weights(model, folder / WEIGHTS, dtype)
    write_json(folder / CONFIG, {"model": model.cfg.to_dict(), **meta})


def read_config(folder: Path) -> tuple[GPTConfig, dict]:
    path = Path(folder) / CONFIG
    raw = read_json(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("model"), dict):
        raise CheckpointError(f"{short(path)} has no 'model' section")
    try:
        cfg = GPTConfig.from_dict(raw["model"])
    except (TypeError, ValueError) as e:
        raise CheckpointError(f"{short(path)}: bad model config ({e})") from e
    step = raw.get("step", 0)
    if isinstance(step, bool) or not isinstance(step, int) or step < 0:
        raise CheckpointError(f"{short(path)}: 'step' must be a whole number ≥ 0 (got {str(step)[:20]!r})")
    return cfg, {k: v for k, v in raw.items() if k != "model"}


def _rows(path: Path, need: tuple[str, ...]) -> None:
    """A ``{"rows": [{...}, …]}`` file (loss log, timeline) whose rows hold numbers under ``need``."""
    raw = read_json(path)
    rows = raw.get("rows") if isinstance(raw, dict) else None
    if not isinstance(rows, list) or not all(
            isinstance(r, dict) and all(isinstance(r.get(k), (int, float)) and not isinstance(r.get(k), bool)
                                        for k in need) for r in rows):
        raise CheckpointError(f"{short(path)} has no list of rows with {', '.join(need)}; the file is damaged")


MAX_SIDE_FILE_BYTES = 64_000_000       # config, tokenizer, loss log, scorecard, word lists: far below this
READ_FILES = (CONFIG, WEIGHTS, TOKENIZER, MERGES, LOSS_LOG, SCORECARD, TIMELINE, W2V_VECTORS, W2V_WORDS, CONTEXT,
              SEGMENTATION)


def check_file(path: Path, folder: Path) -> None:
    """CheckpointError naming ``path`` when it is a link to something outside ``folder``, not a
    regular file (a pipe or a device would block or never end) or larger than this server reads
    (safetensors: the per-model budget ``EXPLAINER_MAX_LOAD_MB``; other files ``MAX_SIDE_FILE_BYTES``).
    A file that is not there passes (whether it is needed is checked where it is read)."""
    path, folder = Path(path), Path(folder)
    if not path.exists() and not path.is_symlink():
        return
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise CheckpointError(f"{short(path)} is a link to nothing (or to itself): it is refused") from None
        if not target.is_relative_to(folder.resolve()):
            raise CheckpointError(f"{short(path)} is a link to a file outside its model folder: it is refused")
    st = path.stat()
    if not stat_mod.S_ISREG(st.st_mode):
        raise CheckpointError(f"{short(path)} is not a regular file (a folder, pipe or device): it is refused")
    limit = (settings.get("EXPLAINER_MAX_LOAD_MB") * 1_000_000 + MAX_HEADER_BYTES if path.suffix == ".safetensors"
             else MAX_SIDE_FILE_BYTES)
    if st.st_size > limit:
        raise CheckpointError(f"{short(path)} is {st.st_size:,} bytes; this server reads at most {limit:,} "
                              "for such a file: it is refused")


def check_files(folder: Path) -> list[tuple[Path, str]]:
    """``check_file`` on every file of ``folder`` the app reads: CheckpointError for the first bad
    one of the model's own files; the bad snapshots as (path, what is wrong), left out like damaged ones."""
    folder = Path(folder)
    for name in READ_FILES:
        check_file(folder / name, folder)
    broken = []
    for _, p in list_snapshots(folder):
        try:
            check_file(p, folder)
        except CheckpointError as e:
            broken.append((p, str(e)))
    return broken


def check_folder(folder: Path) -> list[tuple[Path, str]]:
    """Check every file of a checkpoint without loading its weights: config, the weights' and
    vectors' headers against the config, the tokenizer, and the side files the pages read (loss
    log, timeline, scorecard, word vectors; a damaged merges.json only costs the tokenization page
    its merge history, which says so). Raises CheckpointError naming the first damaged
    file; returns the damaged snapshots as (path, what is wrong) — those are left out, not fatal."""
    from .tokenizer import Segmenter, TokenizerFileError, load_tiktoken_bpe
    folder = Path(folder)
    if not folder.is_dir():
        raise CheckpointError(f"the model folder {folder.name!r} is missing")
    refused = check_files(folder)               # links out, pipes, devices, oversized files: before any read
    cfg, meta = read_config(folder)
    check_budget(cfg, folder / CONFIG)
    check_weights_file(folder / WEIGHTS, cfg)
    try:
        n = len(load_tiktoken_bpe(_need(folder / TOKENIZER)))
    except TokenizerFileError as e:
        raise CheckpointError(str(e).replace(str(folder), folder.name)) from None
    if n + 1 != cfg.vocab_size:            # the ranks, then <|endoftext|>
        raise CheckpointError(f"{short(folder / TOKENIZER)} has {n} tokens but {short(folder / CONFIG)} says "
                              f"vocab_size={cfg.vocab_size}: tokenizer and model do not belong together")
    if meta.get("segmentation") and not (folder / SEGMENTATION).exists():
        raise CheckpointError(f"{short(folder / SEGMENTATION)} is missing: {short(folder / CONFIG)} says this model "
                              "reads its text segmented into words, and that file holds the words")
    if (folder / SEGMENTATION).exists():
        try:
            Segmenter.load(folder / SEGMENTATION)
        except TokenizerFileError as e:
            raise CheckpointError(str(e).replace(str(folder), folder.name)) from None
    if (folder / LOSS_LOG).exists():
        _rows(folder / LOSS_LOG, ("step",))
    if (folder / TIMELINE).exists():
        _rows(folder / TIMELINE, ("step",))
    if (folder / SCORECARD).exists() and not isinstance(read_json(folder / SCORECARD), dict):
        raise CheckpointError(f"{short(folder / SCORECARD)} is not a scorecard; the file is damaged")
    if (folder / W2V_VECTORS).exists():
        words = read_json(folder / W2V_WORDS).get("words") if (folder / W2V_WORDS).exists() else None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise CheckpointError(f"{short(folder / W2V_WORDS)} has no list of words; the file is damaged")
        shape = read_header(folder / W2V_VECTORS).get("vectors", (None, ()))[1]
        if len(shape) != 2 or shape[0] != len(words):
            raise CheckpointError(f"{short(folder / W2V_VECTORS)} holds {shape[:1] or 'no'} vectors for "
                                  f"{len(words)} words in {W2V_WORDS}: the two files do not belong together")
    if (folder / CONTEXT).exists():
        h = read_header(folder / CONTEXT)
        ids, vecs = h.get("ids", (None, ()))[1], h.get("vectors", (None, ()))[1]
        if len(ids) != 1 or len(vecs) < 2 or ids[0] not in vecs or vecs[-1] != cfg.d_model:
            raise CheckpointError(f"{short(folder / CONTEXT)} does not hold this model's context vectors")
    broken = list(refused)
    for _, p in list_snapshots(folder):
        if any(p == q for q, _ in refused):
            continue
        try:
            check_weights_file(p, cfg)
        except CheckpointError as e:
            broken.append((p, str(e)))
    return broken


def load_model(folder: Path, weights: Path | None = None) -> tuple[GPT, dict]:
    """Rebuild the model from config.json and load weights (model.safetensors or a snapshot); the
    weights file's header is checked against the config before any tensor is allocated."""
    folder = Path(folder)
    cfg, meta = read_config(folder)
    path = weights or folder / WEIGHTS
    check_budget(cfg, folder / CONFIG)          # before any file is read:
    layout = check_weights_file(path, cfg)      # both before GPT(cfg) allocates anything
    model = GPT(cfg)
    _fill(model, path, layout)
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model, meta


def read_scorecard(folder: Path | None) -> dict | None:
    """The checkpoint's ``scorecard.json`` (None when there is none or it cannot be read)."""
    if folder is None:
        return None
    try:
        return read_json(Path(folder) / SCORECARD)
    except (CheckpointError, OSError):
        return None


def list_snapshots(folder: Path) -> list[tuple[int, Path]]:
    """(step, path) of the kept snapshots, in training order."""
    d = Path(folder) / SNAPSHOTS
    if not d.is_dir():
        return []
    out = []
    for p in d.glob("step_*.safetensors"):
        try:
            out.append((int(p.stem.split("_")[1]), p))
        except ValueError:
            continue
    return sorted(out)


# ---- a checkpoint as one file (the app's download and upload) ---------------------------------

PACKED = (CONFIG, WEIGHTS, TOKENIZER, MERGES, LOSS_LOG, SCORECARD, "word2vec.safetensors",
          "word2vec.json", "context_vectors.safetensors")
MAX_PACKED_BYTES = 40_000_000      # a zip bigger than this is not one of ours (the bundled model is 33 MB)


def pack(folder: Path) -> bytes:
    """The checkpoint's files (and snapshots) as one zip: what ``unpack`` and ``load`` read back.
    The training data and the optimizer state are left out."""
    import io
    import zipfile
    folder = Path(folder)
    _need(folder / CONFIG)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in PACKED:
            if (folder / name).is_file():
                z.write(folder / name, name)
        for _, p in list_snapshots(folder):
            z.write(p, f"{SNAPSHOTS}/{p.name}")
    return buf.getvalue()


def unpack(data: bytes, dest: Path, name: str = "the file") -> Path:
    """Check a zip made by ``pack`` and write its files into ``dest`` (a new folder). Only the known
    file names are taken (no paths from the archive are trusted); sizes are bounded; the result must
    load. CheckpointError names ``name`` and what is wrong."""
    import io
    import re
    import zipfile
    if len(data) > MAX_PACKED_BYTES:
        raise CheckpointError(f"{name} is {len(data):,} bytes; a checkpoint is at most {MAX_PACKED_BYTES:,}")
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise CheckpointError(f"{name} is not a checkpoint zip ({e})") from None
    snap = re.compile(rf"{SNAPSHOTS}/step_\d{{1,7}}\.safetensors")
    wanted = [i for i in infos if i.filename in PACKED or snap.fullmatch(i.filename)]
    if not any(i.filename == CONFIG for i in wanted) or not any(i.filename == WEIGHTS for i in wanted):
        raise CheckpointError(f"{name} has no {CONFIG} and {WEIGHTS}: it is not a checkpoint of this app")
    if sum(i.file_size for i in wanted) > 4 * MAX_PACKED_BYTES:
        raise CheckpointError(f"{name} unpacks to more than {4 * MAX_PACKED_BYTES:,} bytes: refused")
    dest = Path(dest)
    (dest / SNAPSHOTS).mkdir(parents=True, exist_ok=True)
    try:
        for i in wanted:
            (dest / i.filename).write_bytes(z.read(i))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise CheckpointError(f"{name} is damaged ({e})") from None
    return dest
