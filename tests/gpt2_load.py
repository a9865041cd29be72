"""What GPT-2 small costs the server: memory once loaded and server CPU per page view, measured on a
random model of GPT-2 small's exact shape (12 layers × 12 heads, d = 768, 1,024 positions, 50,257
tokens: 124 M parameters, 498 MB of fp32 weights) when the real one cannot be downloaded.

    python tests/gpt2_load.py                       # builds /tmp/explainer-gpt2/gpt2-small-random once
    python tests/gpt2_load.py --folder PATH         # a real GPT-2 folder (Hugging Face layout) instead

The random model's tokenizer is the first 50,256 tokens of GPT-4's cl100k_base (shipped with the app's
packages, a consistent BPE: every token is two earlier ones merged), so English text is cut into about
as many tokens as GPT-2 cuts it. Weights are random: the figures are costs, not behaviour.

A server is started with the folder in ``EXPLAINER_MODELS`` (warm-up off). First every page is opened
once on the bundled model (its caches filled: the baseline), then one view loads the GPT-2, then for
every page a fresh session opens it on the GPT-2 (``?model=folder:NAME``) — the first view fills the
server's caches — and a second fresh session opens it again (what the rest of a class costs). Each
row: seconds until the script finished, the server's CPU seconds during that view (user + system, all
threads), and the server's resident memory after it. Not a test: a measurement, printed (``--json``
writes it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# run as a script, tests/ (with its own tests/pages) would come first on the path and hide the app's pages/
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(ROOT)
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.crowd import Session, _free_port, cpu_seconds, idle, rss_mb, start_server  # noqa: E402

DEFAULT = Path("/tmp/explainer-gpt2/gpt2-small-random")
PAGES = ["overview", "tokens", "vectors", "attention", "lens", "neurons", "sampling", "counting", "timeline",
         "training", "lesson"]


def build_random_gpt2_small(folder: Path) -> Path:
    """A random GPT-2 small in the Hugging Face layout (transformers writes config.json and the weights)."""
    import torch
    import transformers

    from explainer import gpt2
    from explainer.tokenizer import Merge, reference_encoding
    if (folder / "model.safetensors").is_file():
        return folder
    enc, _ = reference_encoding("cl100k_base")
    ranks = {b: r for b, r in enc._mergeable_ranks.items() if r < 50_256}
    merges = []
    for b, r in sorted(ranks.items(), key=lambda kv: kv[1])[256:]:
        k = next(k for k in range(1, len(b)) if ranks.get(b[:k], r) < r and ranks.get(b[k:], r) < r)
        merges.append(Merge(ranks[b[:k]], ranks[b[k:]], r, 0))
    gpt2.write_tokenizer(folder, ranks, merges)
    torch.manual_seed(0)
    model = transformers.GPT2LMHeadModel(transformers.GPT2Config())       # GPT-2 small's shape, random
    model.save_pretrained(folder, safe_serialization=True)
    return folder


async def view(base: str, pid: int, page: str, choice: str) -> dict:
    s = Session(base)
    await s.open()
    try:
        c0 = cpu_seconds(pid)
        dt = await s.run(page, query=f"model={choice}")
        return {"page": page, "seconds": round(dt, 2), "cpu_s": round(cpu_seconds(pid) - c0, 2),
                "rss_mb": round(rss_mb(pid)), "errors": s.errors}
    finally:
        await s.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folder", type=Path, help="a GPT-2 folder (default: a random GPT-2 small, built once)")
    ap.add_argument("--pages", nargs="+", default=PAGES)
    ap.add_argument("--warm-up", action="store_true",
                    help="the server's warm-up on (as deployed): after GPT-2 is loaded its pages are opened once in "
                         "the background; the figures are taken once the server is idle again")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    import os
    folder = args.folder or build_random_gpt2_small(DEFAULT)
    os.environ["EXPLAINER_MODELS"] = str(folder.parent)
    os.environ["EXPLAINER_WARM_UP"] = "1" if args.warm_up else "0"
    choice = f"folder:{folder.name}"
    port = _free_port()
    server = start_server(port, "gpt2-server.log")
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        async def go():
            if args.warm_up:
                await idle(server.pid)                  # the bundled model's own warm-up at start
            for p in args.pages:                        # the server on the bundled model: every page once
                rows.append({**await view(base, server.pid, p, "bundled"), "pass": "bundled"})
            # loading the model once (the training page computes nothing of it)
            rows.append({**await view(base, server.pid, "training", choice), "page": "(loads the model)",
                         "pass": "load"})
            if args.warm_up:
                c0, t0 = cpu_seconds(server.pid), time.perf_counter()
                await idle(server.pid)
                rows.append({"page": "(warm-up in the background)", "pass": "warm-up",
                             "seconds": round(time.perf_counter() - t0, 2),
                             "cpu_s": round(cpu_seconds(server.pid) - c0, 2), "rss_mb": round(rss_mb(server.pid)),
                             "errors": []})
            for p in args.pages:
                rows.append({**await view(base, server.pid, p, choice), "pass": "first"})
                rows.append({**await view(base, server.pid, p, choice), "pass": "again"})
        asyncio.run(go())
    finally:
        server.terminate()
        server.wait(timeout=30)
    base_rss = max(r["rss_mb"] for r in rows if r["pass"] == "bundled")
    print(f"{'page':28} {'pass':8} {'seconds':>8} {'server CPU s':>13} {'RSS MB':>8}")
    for r in rows:
        print(f"{r['page']:28} {r['pass']:8} {r['seconds']:8.2f} {r['cpu_s']:13.2f} {r['rss_mb']:8.0f}"
              + (f"  ERRORS {r['errors'][:2]}" if r["errors"] else ""))
    peak = max(r["rss_mb"] for r in rows)
    loaded = next(r["rss_mb"] for r in rows if r["pass"] == "load")
    print(f"memory: {base_rss} MB after every page on the bundled model; {loaded} MB once {folder.name} is "
          f"loaded (+{loaded - base_rss} MB); {peak} MB after every page on it (+{peak - base_rss} MB)")
    if args.json:
        Path(args.json).write_text(json.dumps({"folder": str(folder), "rows": rows}, indent=1))
    return 1 if any(r["errors"] for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
