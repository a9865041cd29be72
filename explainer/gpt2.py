"""GPT-2 in our traceable model: a folder in the Hugging Face layout (``config.json``,
``model.safetensors``, ``vocab.json``, ``merges.txt``) loaded into :class:`explainer.model.GPT`.

GPT-2's architecture is ours (pre-LayerNorm blocks with biases, learned positions, tied
embeddings); only its GELU is the tanh approximation and its context is 1,024 positions. So every
named activation point, ``Intervention``, the lens, the ablations, sampling and the notebook API
work on it unchanged:

    lm = explainer.load("path/to/gpt2")          # a local folder (copied once: docs/deploy.md)
    lm = explainer.load_gpt2("gpt2")             # ≈ 500 MB from huggingface.co, once; then from the cache

The folder is read as a checkpoint is: headers checked before anything is allocated, plain reads
(no pickle, no memory map), the weights' memory checked against ``EXPLAINER_MAX_LOAD_MB``, and every
problem a ``CheckpointError`` naming the file. The tokenizer is GPT-2's byte-level BPE, read from
``vocab.json`` and ``merges.txt`` into a ``tiktoken.Encoding`` (the same pattern and ranks as
tiktoken's own ``gpt2`` encoding, which would need a download of its own).

``transformers`` is never imported here: the tests compare this loader's outputs with its forward
pass (tests/engine/test_gpt2.py), the app runs without it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import tiktoken
import torch

from . import checkpoint as ckpt
from . import settings
from .checkpoint import CheckpointError, short
from .model import GPT, GPTConfig
from .tokenizer import ENDOFTEXT, GPT2_PATTERN, Merge

HF_CONFIG, HF_WEIGHTS, VOCAB, MERGES_TXT = "config.json", "model.safetensors", "vocab.json", "merges.txt"
FILES = (HF_CONFIG, HF_WEIGHTS, VOCAB, MERGES_TXT)

# the models the app offers to download: name → (Hugging Face repository, download MB, parameters)
HUB = {
    "gpt2": ("openai-community/gpt2", 548, 124_439_808),
    "distilgpt2": ("distilbert/distilgpt2", 353, 81_912_576),
    "gpt2-medium": ("openai-community/gpt2-medium", 1_520, 354_823_168),
}
DOWNLOAD_TIMEOUT_S = 10          # per request: an offline server answers quickly, not after minutes

# GPT-2 block names → ours; Conv1D weights are stored (in, out) and are transposed to nn.Linear's (out, in)
_RENAME = {"ln_1": "ln1", "ln_2": "ln2", "attn.c_attn": "attn.qkv", "attn.c_proj": "attn.proj",
           "mlp.c_fc": "mlp.fc", "mlp.c_proj": "mlp.proj"}
_CONV1D = ("attn.c_attn.weight", "attn.c_proj.weight", "mlp.c_fc.weight", "mlp.c_proj.weight")
_BUFFERS = (".attn.bias", ".attn.masked_bias")           # the causal mask older files store: not weights
_GELU = {"gelu_new": "tanh", "gelu_pytorch_tanh": "tanh", "gelu_fast": "tanh", "gelu": "exact"}


class GPT2Unavailable(RuntimeError):
    """A GPT-2 model could not be downloaded (no connection, the hub refused, disk full). The message
    says why in one line; the app shows its own notice in the user's language."""


# ---- the folder ---------------------------------------------------------------------------------

def is_gpt2_folder(folder) -> bool:
    """Whether ``folder`` holds a model in the Hugging Face GPT-2 layout (its config.json says
    ``"model_type": "gpt2"``) rather than one of our checkpoints (whose config has a ``model`` section)."""
    path = Path(folder) / HF_CONFIG
    try:
        if not path.is_file() or path.stat().st_size > ckpt.MAX_SIDE_FILE_BYTES:
            return False
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(raw, dict) and raw.get("model_type") == "gpt2" and "model" not in raw


def read_config(folder) -> tuple[GPTConfig, dict]:
    """Our config for a GPT-2 folder, and the facts the pages show (``kind: "gpt2"``, its name).
    CheckpointError naming config.json for anything this model cannot run exactly."""
    path = Path(folder) / HF_CONFIG
    raw = ckpt.read_json(path)
    if not isinstance(raw, dict) or raw.get("model_type") != "gpt2":
        raise CheckpointError(f"{short(path)} does not describe a GPT-2 model (model_type is not 'gpt2')")
    act = raw.get("activation_function", "gelu_new")
    unsupported = [k for k, ok in (("activation_function", act in _GELU),
                                   ("scale_attn_weights", raw.get("scale_attn_weights", True) is True),
                                   ("scale_attn_by_inverse_layer_idx",
                                    not raw.get("scale_attn_by_inverse_layer_idx", False)),
                                   ("reorder_and_upcast_attn", not raw.get("reorder_and_upcast_attn", False)),
                                   ("add_cross_attention", not raw.get("add_cross_attention", False))) if not ok]
    if unsupported:
        raise CheckpointError(f"{short(path)}: {unsupported[0]}={str(raw.get(unsupported[0], act))[:30]!r} is a "
                              "variant of GPT-2 this app does not run")
    try:
        d = int(raw["n_embd"])
        cfg = GPTConfig(vocab_size=raw["vocab_size"], n_ctx=raw["n_positions"], n_layer=raw["n_layer"],
                        n_head=raw["n_head"], d_model=raw["n_embd"], d_mlp=raw.get("n_inner") or 4 * d,
                        gelu=_GELU[act], ln_eps=raw.get("layer_norm_epsilon", 1e-5))
    except (KeyError, TypeError, ValueError) as e:
        raise CheckpointError(f"{short(path)}: bad GPT-2 config ({type(e).__name__}: {str(e)[:80]})") from None
    folder = Path(folder)
    # a download sits in Hugging Face's cache as models--openai-community--gpt2/snapshots/<commit>
    name = folder.parent.parent.name.split("--")[-1] if folder.parent.name == "snapshots" else folder.name
    return cfg, {"kind": "gpt2", "name": name, "lang": "en", "step": 0}


def _our_name(hf_name: str) -> str | None:
    """Our state-dict name for one of GPT-2's tensors; None for the stored causal mask; the name itself
    (to be reported as unexpected) for anything else."""
    name = hf_name.removeprefix("transformer.")
    if name.endswith(_BUFFERS):
        return None
    if name.startswith("h."):
        _, i, rest = name.split(".", 2)
        for theirs, ours in _RENAME.items():
            if rest.startswith(theirs + "."):
                return f"blocks.{i}.{ours}{rest[len(theirs):]}"
    return name                       # wte.weight, wpe.weight, ln_f.*, lm_head.weight (checked apart)


def _checked_layout(folder: Path, cfg: GPTConfig) -> tuple[Path, dict, dict[str, str], list[str]]:
    """The weights file's header checked against ``cfg`` (names, shapes, the file whole), before any
    tensor is read: (path, layout, GPT-2 name → ours, names of a stored output matrix)."""
    path = folder / HF_WEIGHTS
    ckpt.check_file(path, folder)
    layout = ckpt.weights_layout(path)
    names = {k: _our_name(k) for k in layout}
    lm_head = [k for k, ours in names.items() if ours == "lm_head.weight"]
    names = {k: v for k, v in names.items() if v is not None and v != "lm_head.weight"}
    shapes = {names[k]: (layout[k][1][::-1] if k.endswith(_CONV1D) else layout[k][1]) for k in names}
    detail = ckpt.weights_mismatch(cfg.weight_shapes(), shapes)
    if detail:
        raise CheckpointError(f"{short(path)} does not match {short(folder / HF_CONFIG)}: {detail}")
    return path, layout, names, lm_head


def check_folder(folder) -> None:
    """Every file of a GPT-2 folder checked without reading its weights (config, the memory budget,
    the weights' header, the tokenizer): CheckpointError naming the first bad one."""
    folder = Path(folder)
    cfg, _ = read_config(folder)
    ckpt.check_budget(cfg, folder / HF_CONFIG)
    _checked_layout(folder, cfg)
    read_tokenizer(folder, cfg.vocab_size)


def load_model(folder) -> tuple[GPT, dict]:
    """The GPT-2 folder's weights in our ``GPT``: the config checked against the memory budget, the
    weights file's header against the config (names, shapes, the file whole), then each tensor read
    once, transposed where GPT-2 stores (in, out), and refused if it holds NaN or inf."""
    folder = Path(folder)
    cfg, meta = read_config(folder)
    ckpt.check_budget(cfg, folder / HF_CONFIG)
    path, layout, names, lm_head = _checked_layout(folder, cfg)
    with torch.device("meta"):
        model = GPT(cfg)                   # no memory and no random initialisation: every weight is read below
    state = {}
    with open(path, "rb") as f:
        for k, ours in names.items():
            v = ckpt.read_tensor(f, path, layout, k).float()
            v = v.T.contiguous() if k.endswith(_CONV1D) else v
            state[ours] = ckpt.finite(v, k, path)
        for k in lm_head:                  # a separate output matrix must be the embeddings (tied), as in GPT-2
            if not torch.equal(ckpt.read_tensor(f, path, layout, k).float(), state["wte.weight"]):
                raise CheckpointError(f"{short(path)}: its output matrix ({k}) is not its token embeddings; "
                                      "this app runs GPT-2 with the two tied")
    model.load_state_dict(state, assign=True)
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model, meta


# ---- the tokenizer ------------------------------------------------------------------------------

def byte_alphabet() -> dict[int, str]:
    """GPT-2's stand-in character for each byte in vocab.json and merges.txt: printable bytes stand for
    themselves, the others (space, control bytes, …) are moved to characters from U+0100 on, in order."""
    kept = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    out, moved = {b: chr(b) for b in kept}, 0
    for b in range(256):
        if b not in out:
            out[b] = chr(256 + moved)
            moved += 1
    return out


def read_tokenizer(folder, vocab_size: int | None = None) -> tuple[tiktoken.Encoding, list[Merge]]:
    """GPT-2's tokenizer from vocab.json (token → id) and merges.txt (the merges in order), as a
    ``tiktoken.Encoding`` with GPT-2's pattern and ``<|endoftext|>``, and its merge history for the
    tokenization page. GPT-2's ids are its merge order (the 256 bytes, then one id per merge), which
    is what BPE by rank needs: a vocabulary that breaks this is refused, naming the file."""
    folder = Path(folder)
    vocab_path, merges_path = folder / VOCAB, folder / MERGES_TXT
    for p in (vocab_path, merges_path):
        ckpt.check_file(p, folder)
    vocab = ckpt.read_json(vocab_path)
    if not isinstance(vocab, dict) or not all(isinstance(i, int) and not isinstance(i, bool) for i in vocab.values()):
        raise CheckpointError(f"{short(vocab_path)} is not a map of tokens to ids; the file is damaged")
    to_byte = {c: b for b, c in byte_alphabet().items()}
    ranks: dict[bytes, int] = {}
    eot = vocab.get(ENDOFTEXT)
    for tok, i in vocab.items():
        if tok == ENDOFTEXT:
            continue
        try:
            ranks[bytes(to_byte[c] for c in tok)] = i
        except KeyError:
            raise CheckpointError(f"{short(vocab_path)}: the token {tok[:20]!r} is not written in GPT-2's "
                                  "byte alphabet") from None
    n = len(ranks)
    if sorted(ranks.values()) != list(range(n)) or eot != n:
        raise CheckpointError(f"{short(vocab_path)}: ids must run 0 … {n - 1} with {ENDOFTEXT} at {n}, as GPT-2's do")
    if vocab_size is not None and vocab_size != n + 1:
        raise CheckpointError(f"{short(vocab_path)} has {n + 1} tokens but {short(folder / HF_CONFIG)} says "
                              f"vocab_size={vocab_size}: tokenizer and model do not belong together")
    try:
        lines = merges_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise CheckpointError(f"{short(merges_path)} cannot be read ({type(e).__name__})") from None
    pairs = [ln.split(" ") for ln in lines if ln and not ln.startswith("#version")]
    merges = []
    for j, pair in enumerate(pairs):
        try:
            a, b = (bytes(to_byte[c] for c in s) for s in pair)
            left, right, new = ranks[a], ranks[b], ranks[a + b]
        except (KeyError, ValueError):
            raise CheckpointError(f"{short(merges_path)}: merge {j + 1} ({' '.join(pair)[:30]!r}) is not two tokens "
                                  f"of {VOCAB} making a third") from None
        if new != 256 + j:
            raise CheckpointError(f"{short(merges_path)}: merge {j + 1} makes id {new}, not {256 + j}: the ids of "
                                  f"{VOCAB} do not follow the merge order, which BPE by rank needs")
        merges.append(Merge(left, right, new, 0))          # GPT-2 did not publish how often each merge was made
    if len(merges) != n - 256:
        raise CheckpointError(f"{short(merges_path)} has {len(merges)} merges; {VOCAB} needs {n - 256}")
    enc = tiktoken.Encoding(name="gpt2", pat_str=GPT2_PATTERN, mergeable_ranks=ranks,
                            special_tokens={ENDOFTEXT: n})
    return enc, merges


def write_tokenizer(folder, ranks: dict[bytes, int], merges: list[Merge]) -> None:
    """A byte-level BPE (``tokenizer.train_bpe``'s ranks and merges) written as GPT-2 writes its own:
    vocab.json and merges.txt in GPT-2's byte alphabet, ``<|endoftext|>`` last. The tests build a
    small random GPT-2 with it; a class could ship its own tokenizer in GPT-2's layout the same way."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    alpha = byte_alphabet()
    text = lambda b: "".join(alpha[x] for x in b)          # noqa: E731
    by_id = {i: b for b, i in ranks.items()}
    vocab = {text(b): i for b, i in sorted(ranks.items(), key=lambda kv: kv[1])}
    vocab[ENDOFTEXT] = len(ranks)
    ckpt.write_json(folder / VOCAB, vocab)
    lines = ["#version: 0.2"] + [f"{text(by_id[m.left])} {text(by_id[m.right])}" for m in merges]
    ckpt.write_atomic(folder / MERGES_TXT, lambda tmp: tmp.write_text("\n".join(lines) + "\n", encoding="utf-8"))


# ---- downloading --------------------------------------------------------------------------------

def cache_dir() -> Path | None:
    """Where downloads are kept: ``$EXPLAINER_GPT2_CACHE`` when set, else Hugging Face's own cache."""
    return settings.get("EXPLAINER_GPT2_CACHE")


def cached(name: str) -> Path | None:
    """The folder of ``name`` (a key of ``HUB``) when it was downloaded before (no request made)."""
    try:
        return download(name, local_only=True)
    except GPT2Unavailable:
        return None


def download(name: str, local_only: bool = False) -> Path:
    """The folder of GPT-2 model ``name`` (a key of ``HUB``): downloaded from huggingface.co once
    (only the four files this app reads), then read from the cache. ``local_only``: never a request.
    GPT2Unavailable, saying why, when it cannot be had (offline, refused, disk full)."""
    if name not in HUB:
        raise ValueError(f"unknown GPT-2 model {str(name)[:30]!r}: choose one of {', '.join(HUB)}")
    offline = settings.get("EXPLAINER_OFFLINE") == "1"
    if offline and not local_only:
        try:
            return download(name, local_only=True)          # downloaded before: no request needed
        except GPT2Unavailable:
            raise GPT2Unavailable(f"{name} is not on this server, which is set to work offline "
                                  "(EXPLAINER_OFFLINE=1)") from None
    try:
        os.environ.setdefault("HF_HUB_ETAG_TIMEOUT", str(DOWNLOAD_TIMEOUT_S))
        os.environ.setdefault("HF_HUB_DOWNLOAD_TIMEOUT", str(DOWNLOAD_TIMEOUT_S))
        from huggingface_hub import snapshot_download
        path = snapshot_download(HUB[name][0], allow_patterns=list(FILES), cache_dir=cache_dir(),
                                 local_files_only=local_only)
    except Exception as e:      # the hub's errors have many types (offline, HTTP, disk): one message for all
        raise GPT2Unavailable(f"{name} could not be {'found in the cache' if local_only else 'downloaded'} "
                              f"({type(e).__name__}: {str(e).splitlines()[0][:160] if str(e) else ''})") from None
    folder = Path(path)
    if not all((folder / f).is_file() for f in FILES):
        raise GPT2Unavailable(f"{name}: the download is incomplete (missing "
                              f"{', '.join(f for f in FILES if not (folder / f).is_file())})")
    return folder


def read(folder) -> tuple[GPT, tiktoken.Encoding, dict]:
    """Everything ``explainer.load`` needs to make an ``LM`` of a GPT-2 folder: the model, its
    tokenizer and its facts. (``explainer.load(folder)`` calls this; the LM has no training history:
    no snapshots, loss log, word2vec or scorecard. The merge history the tokenization page shows is
    read from merges.txt there: ``views.tokens.merges_for``.)"""
    folder = Path(folder)
    if not folder.is_dir():
        raise CheckpointError(f"the model folder {folder.name!r} is missing")
    model, meta = load_model(folder)
    enc, _ = read_tokenizer(folder, model.cfg.vocab_size)
    return model, enc, meta
