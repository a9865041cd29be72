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
        with torch.inference_mode():
            for _ in range(100):
                logits, _ = lm.model(torch.tensor([seq[-lm.config.n_ctx:]]))
                seq.append(int(logits[0, -1].argmax()))
    t_full = _timeit(no_cache, repeat=3, warmup=1)
    res["generate_100_s"] = round(t_cache, 3)
    res["generate_100_no_cache_s"] = round(t_full, 3)
    res["kv_cache_speedup"] = round(t_full / t_cache, 2)
    res["model"] = {"params": lm.model.n_params(), "n_layer": lm.config.n_layer, "d_model": lm.config.d_model}
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
