"""Command line: ``python -m explainer {corpus,train,export,generate,next,evaluate,bench}``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m explainer", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)

    c = sub.add_parser("corpus", help="write the generated training text")
    c.add_argument("--out", required=True)
    c.add_argument("--size", type=int, default=10_000_000, help="bytes (default 10 MB)")
    c.add_argument("--seed", type=int, default=0)
    c.add_argument("--count", metavar="PHRASE", help="also print how often PHRASE occurs")

    t = sub.add_parser("train", help="train (or resume) a model")
    t.add_argument("--preset", default="tiny")
    t.add_argument("--out", default=None, help="run folder (default runs/PRESET)")
    t.add_argument("--device", default="auto")
    t.add_argument("--precision", default="auto", choices=["fp32", "bf16", "auto"],
                   help="auto (default): time fp32 and bf16 autocast on this machine and keep the faster; "
                        "fp32 or bf16 to fix it. Recorded in the run and kept when it resumes")
    t.add_argument("--compile", default="auto", choices=["auto", "on", "off"],
                   help="torch.compile the training step: auto (default) when the run is long enough to pay "
                        "back the compile time (~10 min of work or more); recorded and kept on resume")
    t.add_argument("--steps", type=int, default=None)
    t.add_argument("--seed", type=int, default=None)
    t.add_argument("--no-progress", action="store_true")
    t.add_argument("--lang", default=None, choices=["en", "zh"],
                   help="the generated corpus's language: en (default) or zh, Chinese — the tokenizer and the "
                        "model read it segmented into words, and so does every prompt (segmentation.json)")
    t.add_argument("--text", metavar="FILE", default=None,
                   help="train on this UTF-8 text file (2,000 characters to 2 MB; its last tenth is held "
                        "out) instead of the generated corpus; the tokenizer is trained on it too")

    e = sub.add_parser("export", help="copy a finished run into a checkpoint folder (e.g. assets/model)")
    e.add_argument("run")
    e.add_argument("dest")
    e.add_argument("--dtype", default="fp16", choices=["fp32", "fp16"])

    for name, hlp in (("generate", "continue a prompt"), ("next", "top next tokens")):
        g = sub.add_parser(name, help=hlp)
        g.add_argument("prompt")
        g.add_argument("--checkpoint", default=None)
        if name == "generate":
            g.add_argument("-n", "--max-new-tokens", type=int, default=50)
            g.add_argument("-t", "--temperature", type=float, default=0.8)
            g.add_argument("--top-k", type=int, default=None)
            g.add_argument("--top-p", type=float, default=None)
            g.add_argument("--seed", type=int, default=None)
        else:
            g.add_argument("-k", type=int, default=10)

    v = sub.add_parser("evaluate", help="print the scorecard")
    v.add_argument("--checkpoint", default=None)
    v.add_argument("--json", action="store_true")
    v.add_argument("--write", action="store_true", help="save it as scorecard.json in the checkpoint")
    v.add_argument("--timeline", action="store_true",
                   help="instead: measure capital Q&A, the Mary/John test and analogies at every snapshot "
                        "(with --write: save timeline.json in the checkpoint, which the 'How it learned' page reads)")

    b = sub.add_parser("bench", help="speed figures: training MFU, trace latency, generation")
    b.add_argument("--checkpoint", default=None)
    b.add_argument("--preset", default="default")
    b.add_argument("--threads", type=int, default=None)
    b.add_argument("--json", action="store_true")
    b.add_argument("--compare", action="store_true",
                   help="only the training step: ours against a plain eager PyTorch GPT of the same shape")
    b.add_argument("--nanogpt", default=None, metavar="PATH",
                   help="with --compare: against nanoGPT's model.py at PATH (fetch it yourself), run the way "
                        "nanoGPT's train.py runs it on this machine")

    a = ap.parse_args(argv)
    try:
        return _run(a)
    except KeyboardInterrupt as err:      # training saved its checkpoint before this reached us
        print(f"\nstopped: {err}" if str(err) else "\nstopped", file=sys.stderr)
        return 130
    except Exception as err:  # a clear one-line message instead of a traceback
        from . import CheckpointError, InputError, WordError
        from .tokenizer import TokenizerFileError
        if isinstance(err, (CheckpointError, InputError, WordError, TokenizerFileError, ValueError,
                            FileNotFoundError, KeyError)):
            print(f"error: {err}", file=sys.stderr)
            return 2
        raise


def _run(a) -> int:
    if a.cmd == "corpus":
        from . import corpus
        text = corpus.generate_corpus(a.size, seed=a.seed)
        Path(a.out).write_text(text, encoding="utf-8")
        print(f"wrote {len(text):,} characters to {a.out}")
        if a.count:
            print(f"{a.count!r} occurs {corpus.count_occurrences(text, a.count):,} times, e.g.:")
            for s in corpus.find_occurrences(text, a.count, k=5):
                print("  …" + s + "…")
        return 0
    if a.cmd == "train":
        from .train import PRESETS, train
        if a.preset not in PRESETS:
            print(f"error: unknown preset {a.preset!r}; choose from {', '.join(PRESETS)}", file=sys.stderr)
            return 2
        from .train import read_text_file
        text = read_text_file(a.text) if a.text else None
        default_out = f"runs/{a.preset}" + (f"-{a.lang}" if a.lang not in (None, "en") else "")
        out = train(a.preset, a.out or default_out, device=a.device, precision=a.precision,
                    steps=a.steps, seed=a.seed, progress=not a.no_progress, text=text, compile=a.compile,
                    lang=a.lang)
        print(f"saved in {out}: load it with explainer.load({str(out)!r}), or pick it in the app "
              f"(EXPLAINER_MODELS=<its parent folder>)")
        return 0
    if a.cmd == "export":
        from .export import export
        export(a.run, a.dest, a.dtype)
        print(f"exported {a.run} → {a.dest}")
        return 0
    if a.cmd in ("generate", "next"):
        from . import load
        lm = load(a.checkpoint)
        if a.cmd == "generate":
            print(a.prompt + lm.generate(a.prompt, a.max_new_tokens, a.temperature, a.top_k, a.top_p, a.seed))
        else:
            for tok, p in lm.next_token(a.prompt, k=a.k):
                print(f"{p:7.2%}  {tok!r}")
        return 0
    if a.cmd == "evaluate":
        from .scorecard import format_scorecard, scorecard, write_scorecard
        from . import load
        lm = load(a.checkpoint)
        if a.timeline:
            from .checkpoint import write_json
            from .scorecard import TIMELINE, ability_timeline
            rows = ability_timeline(lm)
            if a.write:
                write_json(lm.folder / TIMELINE, {"rows": rows})
            print(json.dumps(rows, indent=1))
            return 0
        card = scorecard(lm)
        if a.write:
            write_scorecard(lm, card)
        print(json.dumps(card, indent=1) if a.json else format_scorecard(card))
        return 0
    if a.cmd == "bench":
        from .bench import (compare_nanogpt, compare_training, format_bench, format_compare,
                            format_compare_nanogpt, run_bench)
        if a.compare and a.nanogpt:
            res = compare_nanogpt(a.nanogpt, a.preset, a.threads)
            print(json.dumps(res, indent=1) if a.json else format_compare_nanogpt(res))
            return 0
        if a.compare:
            res = compare_training(a.preset, a.threads)
            print(json.dumps(res, indent=1) if a.json else format_compare(res))
            return 0
        res = run_bench(a.checkpoint, a.preset, a.threads)
        print(json.dumps(res, indent=1) if a.json else format_bench(res))
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
