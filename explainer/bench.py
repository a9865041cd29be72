"""Speed figures (a benchmark, not a test): ``python -m explainer bench``.

- matmul peak: fp32 (and bf16) GFLOP/s of a 1024² matmul measured in this run;
- training: tokens/s of the preset's model on random tokens and MFU = achieved FLOP/s ÷ fp32 peak;
- ``trace`` latency on a 64-token prompt (with and without the logit lens);
- generation of 100 tokens with the KV cache, and without it for comparison.
"""

from __future__ import annotations

import statistics
import time


import torch


def _timeit(fn, repeat: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def matmul_gflops(dtype=torch.float32, n: int = 1024) -> float:
    a, b = torch.randn(n, n).to(dtype), torch.randn(n, n).to(dtype)
    t = _timeit(lambda: a @ b, repeat=10)
    return 2 * n ** 3 / t / 1e9


def training_speed(preset: str = "default", steps: int = 8) -> dict:
    from .model import GPT
    from .train import PRESETS, _null, _param_groups
    p = PRESETS[preset]
    cfg = p.model_config()
    model = GPT(cfg)
    opt = torch.optim.AdamW(_param_groups(model, 0.1), lr=1e-4)
    x = torch.randint(0, cfg.vocab_size, (p.batch_size, p.n_ctx))
    out = {}
    for name, ctx in (("fp32", _null), ("bf16", lambda: torch.autocast("cpu", dtype=torch.bfloat16))):
        def step():
            with ctx():
                _, loss = model(x, x)
            opt.zero_grad()
            loss.backward()
            opt.step()
        t = _timeit(step, repeat=steps, warmup=2)
        out[name] = p.batch_size * p.n_ctx / t
    flops = model.flops_per_token(p.n_ctx)
    return {"preset": preset, "params": model.n_params(), "flops_per_token": flops,
            "tok_per_s_fp32": round(out["fp32"]), "tok_per_s_bf16": round(out["bf16"])}


class PlainGPT(torch.nn.Module):
    """The comparison: a plain, eager PyTorch GPT of the same shape as ours (pre-LayerNorm blocks,
    one fused q/k/v projection, PyTorch's fused causal attention, GELU MLP, learned positions, tied
    embeddings), written the way minimal GPT implementations are, with nothing of ours in it."""

    def __init__(self, cfg):
        super().__init__()
        nn = torch.nn
        d = cfg.d_model
        self.n_head = cfg.n_head
        self.wte, self.wpe = nn.Embedding(cfg.vocab_size, d), nn.Embedding(cfg.n_ctx, d)
        self.blocks = nn.ModuleList(nn.ModuleDict({
            "ln1": nn.LayerNorm(d), "qkv": nn.Linear(d, 3 * d), "proj": nn.Linear(d, d),
            "ln2": nn.LayerNorm(d), "fc": nn.Linear(d, cfg.d_mlp), "out": nn.Linear(cfg.d_mlp, d)})
            for _ in range(cfg.n_layer))
        self.ln_f = nn.LayerNorm(d)
        self.head = nn.Linear(d, cfg.vocab_size, bias=False)
        self.head.weight = self.wte.weight

    def forward(self, idx, targets):
        F = torch.nn.functional
        B, T = idx.shape
        x = self.wte(idx) + self.wpe(torch.arange(T, device=idx.device))
        for b in self.blocks:
            C = x.shape[-1]
            q, k, v = b["qkv"](b["ln1"](x)).split(C, dim=2)
            q, k, v = (t.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) for t in (q, k, v))
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
            x = x + b["proj"](y.transpose(1, 2).contiguous().view(B, T, C))
            x = x + b["out"](F.gelu(b["fc"](b["ln2"](x))))
        logits = self.head(self.ln_f(x))
        return logits, F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))


def _full_step(run, model, opt, ctx, x, y):
    """One full training step as a function: forward through ``run`` (the model, or its compiled
    form) under ``ctx``, loss, backward, gradients of ``model`` clipped at 1.0, the optimizer's step."""
    def step():
        with ctx():
            _, loss = run(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    return step


def _step_speed(model, params, batch: tuple, ctx, steps: int, warmup: int) -> tuple[float, float]:
    """(tokens/s of the median step, seconds of the warm-up steps) of a full training step:
    forward, loss, backward, gradient clipping, AdamW."""
    from .train import _null
    x, y = batch
    opt = torch.optim.AdamW(params, lr=1e-4, betas=(0.9, 0.95))
    step = _full_step(model, model, opt, ctx or _null, x, y)
    t0 = time.perf_counter()
    for _ in range(warmup):
        step()
    warm = time.perf_counter() - t0
    t = _timeit(step, repeat=steps, warmup=0)
    return x.numel() / t, warm


def _as_trained(p, x: torch.Tensor) -> tuple:
    """Our model as ``train`` runs preset ``p`` on this machine, chosen by train's own probes on the
    batch ``x``: (the model, what runs it — compiled or not, its autocast context, bf16?, compiled?)."""
    from .model import GPT
    from .train import _null, choose_compile, choose_precision
    cfg = p.model_config()
    dev = torch.device("cpu")
    quiet = lambda *a: None
    use_bf16 = choose_precision(GPT(cfg), p, dev, x.flatten().numpy(), "auto", quiet)
    use_compile = choose_compile("auto", p, dev, p.steps, quiet)
    ctx = (lambda: torch.autocast("cpu", dtype=torch.bfloat16)) if use_bf16 else _null
    model = GPT(cfg)
    return model, (torch.compile(model) if use_compile else model), ctx, use_bf16, use_compile


def compare_training(preset: str = "default", threads: int | None = None, steps: int = 10) -> dict:
    """Our training step, as ``train`` runs it on this machine, against ``PlainGPT`` in the same run.

    Ours: the precision ``train(precision="auto")`` picks here (bf16 autocast only where it is ≥ 10 %
    faster) and ``torch.compile`` when ``train(compile="auto")`` would use it for this preset's whole
    run (the compile time is reported apart: it is paid once per run)."""
    import platform

    from .model import GPT
    from .train import PRESETS, _param_groups
    if threads:
        torch.set_num_threads(threads)
    p = PRESETS[preset]
    cfg = p.model_config()
    torch.manual_seed(0)
    x = torch.randint(0, cfg.vocab_size, (p.batch_size, p.n_ctx))
    batch = (x, torch.roll(x, -1, dims=1))
    plain = PlainGPT(cfg)
    plain_tok, _ = _step_speed(plain, plain.parameters(), batch, None, steps, warmup=2)
    ours = GPT(cfg)
    eager_tok, _ = _step_speed(ours, _param_groups(ours, p.weight_decay), batch, None, steps, warmup=2)
    ours, run, ctx, use_bf16, use_compile = _as_trained(p, x)
    tuned_tok, warm = _step_speed(run, _param_groups(ours, p.weight_decay), batch, ctx, steps, warmup=3)
    return {"preset": preset, "threads": torch.get_num_threads(), "cpu": platform.processor() or platform.machine(),
            "plain_eager_fp32_tok_s": round(plain_tok), "ours_eager_fp32_tok_s": round(eager_tok),
            "ours_as_trained_tok_s": round(tuned_tok), "precision": "bf16" if use_bf16 else "fp32",
            "compiled": use_compile, "first_steps_s": round(warm, 1),
            "ratio_eager": round(eager_tok / plain_tok, 2), "ratio_as_trained": round(tuned_tok / plain_tok, 2)}


def load_nanogpt(path):
    """The ``model.py`` of nanoGPT (github.com/karpathy/nanoGPT) that the user fetched, imported from
    ``path`` as a module of its own: nothing of it is copied into this project."""
    import importlib.util
    from pathlib import Path
    f = Path(path)
    if f.is_dir():
        f = f / "model.py"
    if not f.is_file():
        raise FileNotFoundError(f"--nanogpt: no such file: {f} (give the path to nanoGPT's model.py)")
    spec = importlib.util.spec_from_file_location("nanogpt_model", f)
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)
    except Exception as err:
        raise ValueError(f"--nanogpt: {f} could not be imported ({type(err).__name__}: {err})") from err
    if not (hasattr(mod, "GPT") and hasattr(mod, "GPTConfig")):
        raise ValueError(f"--nanogpt: {f} has no GPT and GPTConfig: is it nanoGPT's model.py?")
    return mod


def compare_nanogpt(path, preset: str = "default", threads: int | None = None, steps: int = 4,
                    rounds: int = 7, compile_theirs: bool = True) -> dict:
    """Our training step as ``train`` runs it here against nanoGPT's model as nanoGPT's ``train.py``
    runs it on this machine, in one run, in interleaved rounds (``steps`` steps of one, then of the
    other, ``rounds`` times); the figure is the median step of each.

    nanoGPT's script on a CPU: no autocast (``ctx = nullcontext()`` when the device is a CPU), so fp32;
    ``compile = True``; AdamW from its ``configure_optimizers`` (fused only on CUDA); gradients clipped
    at 1.0; dropout 0, biases on. Same shape as our preset (layers, heads, width, context, vocabulary),
    same batch, same full step (forward, loss, backward, clipping, AdamW). ``compile_theirs=False``
    only for a quick check of this function (the tests)."""
    import contextlib
    import io
    import platform

    from .train import PRESETS, _null, _param_groups
    if threads:
        torch.set_num_threads(threads)
    nano = load_nanogpt(path)
    p = PRESETS[preset]
    cfg = p.model_config()
    torch.manual_seed(0)
    x = torch.randint(0, cfg.vocab_size, (p.batch_size, p.n_ctx))
    y = torch.roll(x, -1, dims=1)
    with contextlib.redirect_stdout(io.StringIO()):            # nanoGPT prints its parameter count
        theirs = nano.GPT(nano.GPTConfig(block_size=cfg.n_ctx, vocab_size=cfg.vocab_size, n_layer=cfg.n_layer,
                                         n_head=cfg.n_head, n_embd=cfg.d_model, dropout=0.0, bias=True))
        their_opt = theirs.configure_optimizers(p.weight_decay, 1e-4, (0.9, 0.95), "cpu")
    their_run = torch.compile(theirs) if compile_theirs else theirs

    ours, our_run, our_ctx, use_bf16, use_compile = _as_trained(p, x)
    our_opt = torch.optim.AdamW(_param_groups(ours, p.weight_decay), lr=1e-4, betas=(0.9, 0.95))

    runs = {"nanogpt": _full_step(their_run, theirs, their_opt, _null, x, y),
            "ours": _full_step(our_run, ours, our_opt, our_ctx, x, y)}
    first, times = {}, {k: [] for k in runs}
    for k, step in runs.items():                               # compiling, and warm-up
        t0 = time.perf_counter()
        for _ in range(3):
            step()
        first[k] = time.perf_counter() - t0
    for _ in range(rounds):
        for k, step in runs.items():
            for _ in range(steps):
                t0 = time.perf_counter()
                step()
                times[k].append(time.perf_counter() - t0)
    tok = {k: x.numel() / statistics.median(v) for k, v in times.items()}
    return {"preset": preset, "threads": torch.get_num_threads(), "cpu": platform.processor() or platform.machine(),
            "nanogpt_model": str(path), "rounds": rounds, "steps_per_round": steps,
            "nanogpt_tok_s": round(tok["nanogpt"]), "nanogpt_precision": "fp32", "nanogpt_compiled": compile_theirs,
            "ours_tok_s": round(tok["ours"]), "precision": "bf16" if use_bf16 else "fp32", "compiled": use_compile,
            "first_steps_s": {k: round(v, 1) for k, v in first.items()},
            "ratio": round(tok["ours"] / tok["nanogpt"], 2)}


def format_compare_nanogpt(r: dict) -> str:
    return "\n".join([
        f"training step, {r['preset']} preset, {r['threads']} threads, {r['rounds']} interleaved rounds of "
        f"{r['steps_per_round']} steps, median step:",
        f"  nanoGPT's model.py as its train.py runs it here (fp32{', compiled' if r['nanogpt_compiled'] else ''}): "
        f"{r['nanogpt_tok_s']:,} tok/s",
        f"  ours as train() runs it here ({r['precision']}{', compiled' if r['compiled'] else ''}): "
        f"{r['ours_tok_s']:,} tok/s (× {r['ratio']})",
        f"  first 3 steps incl. compiling: nanoGPT {r['first_steps_s']['nanogpt']} s, ours {r['first_steps_s']['ours']} s",
    ])


def format_compare(r: dict) -> str:
    return "\n".join([
        f"training step, {r['preset']} preset, {r['threads']} threads:",
        f"  plain eager PyTorch GPT, fp32: {r['plain_eager_fp32_tok_s']:,} tok/s",
        f"  ours, eager fp32:              {r['ours_eager_fp32_tok_s']:,} tok/s (× {r['ratio_eager']})",
        f"  ours as train() runs it here ({r['precision']}{', compiled' if r['compiled'] else ''}): "
        f"{r['ours_as_trained_tok_s']:,} tok/s (× {r['ratio_as_trained']}; first steps incl. compiling "
        f"{r['first_steps_s']} s, once per run)",
    ])


def run_bench(checkpoint=None, preset: str = "default", threads: int | None = None) -> dict:
    from . import load
    if threads:
        torch.set_num_threads(threads)
    res = {"threads": torch.get_num_threads()}
    res["matmul_gflops_fp32"] = round(matmul_gflops(torch.float32), 1)
    res["matmul_gflops_bf16"] = round(matmul_gflops(torch.bfloat16), 1)
    tr = training_speed(preset)
    best = max(tr["tok_per_s_fp32"], tr["tok_per_s_bf16"])
    tr["mfu_vs_fp32_matmul"] = round(best * tr["flops_per_token"] / (res["matmul_gflops_fp32"] * 1e9), 3)
    res["training"] = tr

    lm = load(checkpoint)
    ids = (lm.encode("Once upon a time, " * 40))[:64]
    res["trace_64_ms"] = round(1e3 * _timeit(lambda: lm.trace(ids), repeat=20), 2)
    res["trace_64_with_lens_ms"] = round(1e3 * _timeit(lambda: lm.trace(ids).lens, repeat=20), 2)
    prompt = "Mary went to the park with her dog."
    t_cache = _timeit(lambda: lm.generate_ids(prompt, 100, temperature=0, stop_at_eot=False), repeat=5, warmup=1)

    def no_cache():
        seq = lm.encode(prompt)
        for _ in range(100):
            seq.append(int(lm.last_logits(seq[-lm.config.n_ctx:]).argmax()))
    t_full = _timeit(no_cache, repeat=3, warmup=1)
    res["generate_100_s"] = round(t_cache, 3)
    res["generate_100_no_cache_s"] = round(t_full, 3)
    res["kv_cache_speedup"] = round(t_full / t_cache, 2)
    res["model"] = {"params": lm.n_params(), "n_layer": lm.config.n_layer, "d_model": lm.config.d_model}
    return res


def format_bench(r: dict) -> str:
    t = r["training"]
    return "\n".join([
        f"threads: {r['threads']}",
        f"matmul peak: fp32 {r['matmul_gflops_fp32']} GFLOP/s, bf16 {r['matmul_gflops_bf16']} GFLOP/s",
        f"training ({t['preset']} preset, {t['params'] / 1e6:.2f}M params): fp32 {t['tok_per_s_fp32']:,} tok/s, "
        f"bf16 autocast {t['tok_per_s_bf16']:,} tok/s → MFU {t['mfu_vs_fp32_matmul']:.2f} of the fp32 matmul peak",
        f"trace, 64 tokens ({r['model']['params'] / 1e6:.2f}M model): {r['trace_64_ms']} ms "
        f"({r['trace_64_with_lens_ms']} ms with the full logit lens)",
        f"generate 100 tokens: {r['generate_100_s']} s with KV cache, {r['generate_100_no_cache_s']} s without "
        f"(× {r['kv_cache_speedup']})",
    ])
