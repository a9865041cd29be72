"""The "Why neural networks work" page's numbers: a curve fitted by a sum of bent lines (one hidden
layer of ReLU neurons, trained here with Adam in numpy), and one real neuron of the GPT. No Streamlit.

    x, y = target("bump")
    fit = fit_relu(x, y, n_neurons=8, steps=2000)      # fit["pieces"]: each neuron's own line
    fit_relu(x, y, 8, 2000, relu=False)["loss"] == best_line(x, y)["loss"]   # linear + linear = linear
    neuron_contexts(lm, layer=3, neuron=17)             # the texts that make one GPT neuron fire most
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import torch

from ..lm import LM
from ..tokenizer import has_han
from . import LARGE_MODEL

TARGETS = ("wave", "step", "bump", "points")
N_X = 200
MAX_NEURONS = 64
MAX_STEPS = 5000
DEFAULT_POINTS = pd.DataFrame({"x": [-1.0, -0.5, 0.0, 0.4, 1.0], "y": [0.2, 0.9, -0.3, 0.6, 0.1]})


def target(name: str, points: pd.DataFrame | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) on [-1, 1]: a smooth wave, a step, a bump, or the straight lines through ``points``
    (x sorted; non-numbers and repeated x are dropped; at least 2 points, else ValueError)."""
    x = np.linspace(-1, 1, N_X)
    if name == "wave":
        return x, np.sin(3 * x) + 0.3 * np.cos(7 * x)
    if name == "step":
        return x, np.where(x < 0.1, -0.5, 0.7)
    if name == "bump":
        return x, np.exp(-((x - 0.2) ** 2) / 0.02)
    if name == "points":
        pts = clean_points(points if points is not None else DEFAULT_POINTS)
        return x, np.interp(x, pts["x"], pts["y"])
    raise ValueError(f"target must be one of {', '.join(TARGETS)} (got {name!r})")


def clean_points(points: pd.DataFrame) -> pd.DataFrame:
    """The user's table as numbers within [-1, 1] × [-5, 5], sorted by x, one y per x."""
    df = pd.DataFrame({c: pd.to_numeric(points.get(c), errors="coerce") for c in ("x", "y")}).dropna()
    df = df[(df["x"].abs() <= 1) & (df["y"].abs() <= 5)].drop_duplicates("x").sort_values("x")
    if len(df) < 2:
        raise ValueError("at least 2 points with x between −1 and 1 and y between −5 and 5 are needed")
    return df.reset_index(drop=True)


def best_line(x: np.ndarray, y: np.ndarray) -> dict:
    """The least-squares straight line: what any network without its bends can do at best."""
    a, b = np.polyfit(x, y, 1)
    pred = a * x + b
    return {"slope": float(a), "intercept": float(b), "pred": pred, "loss": float(np.mean((pred - y) ** 2))}


def fit_relu(x: np.ndarray, y: np.ndarray, n_neurons: int, steps: int, relu: bool = True, seed: int = 0,
             lr: float = 0.01) -> dict:
    """One hidden layer: ŷ = c + Σᵢ aᵢ · max(wᵢ·x + bᵢ, 0) (without the max when ``relu`` is off),
    trained by full-batch Adam on the mean squared error for ``steps`` steps from a seeded start whose
    bends are spread over [-1, 1]. Returns the prediction, each neuron's piece aᵢ·max(wᵢx+bᵢ, 0),
    the loss after every 50 steps and at the end."""
    if not 1 <= int(n_neurons) <= MAX_NEURONS:
        raise ValueError(f"n_neurons must be 1 … {MAX_NEURONS} (got {n_neurons})")
    if not 0 <= int(steps) <= MAX_STEPS:
        raise ValueError(f"steps must be 0 … {MAX_STEPS} (got {steps})")
    rng = np.random.default_rng(seed)
    n = int(n_neurons)
    w = rng.choice([-1.0, 1.0], n) * rng.uniform(1.0, 3.0, n)
    b = -w * rng.uniform(-1, 1, n)                       # each bend somewhere in [-1, 1]
    a = rng.normal(0, 0.3, n) / np.sqrt(n)
    c = np.array([float(np.mean(y))])
    params = [w, b, a, c]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    act = (lambda z: np.maximum(z, 0)) if relu else (lambda z: z)
    dact = (lambda z: (z > 0).astype(float)) if relu else (lambda z: np.ones_like(z))
    history = []
    X = x[:, None]
    for t in range(1, int(steps) + 1):
        z = X * w + b                                    # (N, n)
        h = act(z)
        err = h @ a + c[0] - y                           # (N,)
        if t % 50 == 1:
            history.append((t - 1, float(np.mean(err ** 2))))
        g_out = 2 * err / len(x)
        ga, gc = h.T @ g_out, np.array([g_out.sum()])
        gz = (g_out[:, None] * a) * dact(z)
        gw, gb = (gz * X).sum(0), gz.sum(0)
        for i, (p, g) in enumerate(zip(params, (gw, gb, ga, gc))):
            m[i] = 0.9 * m[i] + 0.1 * g
            v[i] = 0.999 * v[i] + 0.001 * g * g
            p -= lr * (m[i] / (1 - 0.9 ** t)) / (np.sqrt(v[i] / (1 - 0.999 ** t)) + 1e-8)
    pieces = act(X * w + b) * a                          # (N, n): each neuron's contribution
    pred = pieces.sum(1) + c[0]
    loss = float(np.mean((pred - y) ** 2))
    history.append((int(steps), loss))
    return {"pred": pred, "pieces": pieces, "bias": float(c[0]), "loss": loss, "history": history,
            "bends": (-b / np.where(w == 0, 1e-9, w)).tolist(), "steps": int(steps), "n": n, "relu": relu}


def error_by_size(x: np.ndarray, y: np.ndarray, steps: int, sizes=(1, 2, 4, 8, 16, 32, 64), seed: int = 0) -> pd.DataFrame:
    """The fit's error for several numbers of neurons (same steps and seed): more neurons, closer fit."""
    return pd.DataFrame({"neurons": list(sizes), "loss": [fit_relu(x, y, s, steps, seed=seed)["loss"] for s in sizes]})


# ---- one real neuron of the GPT --------------------------------------------------------------

def neuron_count(lm: LM) -> dict:
    c = lm.config
    return {"layers": c.n_layer, "per_layer": c.d_mlp, "total": c.n_layer * c.d_mlp, "inputs": c.d_model}


def mlp_activations(lm: LM, layer: int, ids: np.ndarray) -> np.ndarray:
    """(B, T, d_mlp) what every neuron of one MLP layer outputs, GELU(W·x + b), for windows ``ids``
    (B, T): the activation point ``blocks.{layer}.mlp.hook_post`` of one recorded forward pass (so a
    ``with lm.ablate(...)`` block applies to it too), the shared model untouched."""
    name = f"blocks.{layer}.mlp.hook_post"
    return lm.record(np.asarray(ids, np.int64).tolist(), names=(name,))[name].float().numpy()




def probe_windows(lm: LM, text: str, n: int | None = None, length: int = 64) -> np.ndarray:
    """``n`` windows of ``length`` tokens spread over ``text``: 64 for our models, 8 for a large one
    (GPT-2 small reads 8 × 64 tokens up to a middle layer in ≈ 0.7 s of CPU on 2 cores)."""
    n = n or (8 if lm.n_params() > LARGE_MODEL else 64)
    ids = np.asarray(lm.encode(text), np.int64)
    starts = np.linspace(0, len(ids) - length - 1, n).astype(int)
    return np.stack([ids[s:s + length] for s in starts])


def neuron_contexts(lm: LM, layer: int, neuron: int, text: str, k: int = 8, width: int = 8) -> pd.DataFrame:
    """The ``k`` places in ``text`` where one neuron fires most: the words before, the token, its
    activation."""
    if not 0 <= layer < lm.config.n_layer:
        raise ValueError(f"layer must be 0 … {lm.config.n_layer - 1} (got {layer})")
    if not 0 <= neuron < lm.config.d_mlp:
        raise ValueError(f"neuron must be 0 … {lm.config.d_mlp - 1} (got {neuron})")
    win = probe_windows(lm, text)
    act = mlp_activations(lm, layer, win)[:, :, neuron]           # (B, T)
    flat = np.argsort(-act, axis=None)[:k]
    rows = []
    for f in flat:
        bi, ti = np.unravel_index(f, act.shape)
        rows.append({"before": lm.decode(win[bi, max(0, ti - width):ti].tolist()).replace("\n", " ↵ "),
                     "token": lm.token_text(int(win[bi, ti])), "activation": float(act[bi, ti])})
    return pd.DataFrame(rows)


def probe_text(lm: LM, size_bytes: int) -> str:
    """Held-out text in the language the model reads (generated with the corpus's grammar and a seed
    the training text never used), to read its neurons on."""
    from .. import corpus, demos
    if demos.of(lm).lang == "zh":
        return corpus.held_out_text_zh(size_bytes)
    return corpus.held_out_text(size_bytes)


def pick_neuron(lm: LM, layer: int, text: str, top: int = 20) -> int:
    """A neuron of ``layer`` with one clear job a student can read: among the neurons whose ``top``
    strongest activations fall mostly on one word of at least 4 letters, or 2 Chinese characters (not
    punctuation, "the" or 的),
    the one where that share is highest (ties: the stronger activation). Any neuron if none does."""
    win = probe_windows(lm, text)
    act = mlp_activations(lm, layer, win).reshape(-1, lm.config.d_mlp)      # (B·T, d_mlp)
    toks = win.reshape(-1)
    best, best_key = 0, (-1, -1.0, -1.0)
    idx = np.argpartition(-act, top, axis=0)[:top]                          # (top, d_mlp)
    for j in range(act.shape[1]):
        ids = toks[idx[:, j]]
        counts = np.bincount(ids)
        word = lm.token_text(int(counts.argmax())).strip()
        readable = int(word.isalpha() and len(word) >= (2 if has_han(word) else 4))
        key = (readable, counts.max() / top, float(act[idx[:, j], j].mean()))
        if key > best_key:
            best, best_key = j, key
    return int(best)


def gelu_curve(lo: float = -4, hi: float = 4, n: int = 161) -> pd.DataFrame:
    z = np.linspace(lo, hi, n)
    return pd.DataFrame({"z": z, "relu": np.maximum(z, 0),
                         "gelu": torch.nn.functional.gelu(torch.from_numpy(z)).numpy()})


# ---- the lesson's question on this page (views/lesson.py: KINDS) -----------------------------------

def question_relu_off(lm, q: dict, opts: list[str], **held) -> dict:
    """The error of ``neurons`` neurons with their bends off against the best straight line on
    ``target``; options ``"better"`` / ``"same"``."""
    x, y = target(q.get("target", "bump"))
    n, steps = int(q.get("neurons", 64)), int(q.get("steps", 2000))
    off, on = fit_relu(x, y, n, steps, relu=False)["loss"], fit_relu(x, y, n, steps, relu=True)["loss"]
    line = best_line(x, y)["loss"]
    verdict = "same" if off >= line * (1 - 1e-3) else "better"
    scores = {o: (line if o == "same" else off) for o in opts}
    return {"scores": scores, "answer": verdict, "unit": "error", "facts": {"off": off, "line": line, "on": on, "n": n}}
