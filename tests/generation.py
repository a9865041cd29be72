"""100 generated tokens on the bundled model, the two paths of a generation step side by side (a
benchmark, not a test).

    python tests/generation.py

One process; the model in training mode (which has no dropout) takes ``forward``'s long path for each
step, in evaluation mode the short one (``GPT._next_token``). The rounds alternate; the first is a
warm-up. Both paths must give the same tokens.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

import explainer  # noqa: E402

PROMPT = "Mary and John went to the park."
ROUNDS = 15


def main() -> int:
    torch.set_num_threads(2)
    lm = explainer.load()
    model = lm.model
    times: dict[str, list[float]] = {"long path (before)": [], "short path (after)": []}
    try:
        for r in range(ROUNDS):
            ref = None
            for name, training in (("long path (before)", True), ("short path (after)", False)):
                model.train(training)
                t0 = time.perf_counter()
                ids = lm.generate_ids(PROMPT, 100, temperature=0, stop_at_eot=False)
                dt = time.perf_counter() - t0
                if r:
                    times[name].append(dt)
                if ref is None:
                    ref = ids
                elif ids != ref:
                    raise SystemExit("the two paths generated different tokens")
    finally:
        model.eval()
    for name, ts in times.items():
        print(f"{name:<20} median {statistics.median(ts):.3f} s, min {min(ts):.3f} s, max {max(ts):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
