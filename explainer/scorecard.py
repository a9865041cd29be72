"""The scorecard: does the model really do what the app shows? ``python -m explainer evaluate``.

Every figure is computed from the model on this call; ``scorecard.json`` beside the bundled weights
keeps the figures measured when it was trained, and a test checks they still come out the same.
"""

from __future__ import annotations

import math
import time

import numpy as np
import torch

from . import ablation, demos
from .checkpoint import TIMELINE  # the file name lives with the checkpoint's other files; re-exported here
from .embeddings import WordError, analogy_accuracy
from .lm import LM
from .sampling import repeated_ngram_share

TARGETS = {"capital_accuracy": 0.95, "ioi_accuracy": 0.90, "analogy_word2vec": 0.80, "capital_paraphrased": 0.80}
VAL_SEED = 999


# ---- language modelling -------------------------------------------------------------------

@torch.no_grad()
def held_out_nats(lm: LM, text: str) -> tuple[float, np.ndarray]:
    """(total surprise in nats, the ids it was measured on): ``text`` in windows of the tokens the model
    reads per call (``lm.max_tokens``), every token predicted from the ones before it in its window.
    Windows go through in batches whose logits stay near 200 MB (GPT-2's 50,257 scores per token)."""
    ids = np.asarray(lm.encode(text), dtype=np.int64)
    T = lm.max_tokens
    n = (len(ids) - 1) // T
    x = torch.from_numpy(ids[:n * T].reshape(n, T))
    y = torch.from_numpy(ids[1:n * T + 1].reshape(n, T))
    batch = max(1, min(32, 50_000_000 // (T * lm.config.vocab_size)))
    total = 0.0
    for i in range(0, n, batch):
        total += lm.loss(x[i:i + batch], y[i:i + batch]) * y[i:i + batch].numel()
    return total, ids[1:n * T + 1]


def held_out_loss(lm: LM, text: str) -> float:
    """Mean loss per token (nats) on ``text``."""
    total, predicted = held_out_nats(lm, text)
    return total / len(predicted)


# ---- the model's language: its corpus pieces and its demos -------------------------------------

def _corpus(lm: LM) -> dict:
    """What the scorecard measures a model on, in the language it reads (``demos.of``): its countries,
    word relations, held-out name-test cases and frames, held-out text, and capital questions asked in
    words the corpus never used."""
    from . import corpus
    if demos.of(lm).lang == "zh":
        return {"countries": corpus.COUNTRIES_ZH, "relations": corpus.RELATIONS_ZH,
                "ioi_cases": corpus.make_ioi_cases_zh, "ioi_frames": corpus.IOI_EVAL_TEMPLATES_ZH,
                "ioi_frames_seen_verbs": corpus.IOI_EVAL_TEMPLATES_ZH_SEEN_VERBS,
                "ioi_frames_fresh": corpus.IOI_FRESH_TEMPLATES_ZH, "ioi_frames_late": corpus.IOI_LATE_TEMPLATES_ZH,
                "held_out_text": corpus.held_out_text_zh, "paraphrases": corpus.make_capital_cases_zh}
    return {"countries": corpus.COUNTRIES, "relations": corpus.RELATIONS, "ioi_cases": corpus.make_ioi_cases,
            "ioi_frames": corpus.IOI_EVAL_TEMPLATES, "held_out_text": corpus.held_out_text,
            "paraphrases": corpus.make_capital_cases}


# ---- facts and names ------------------------------------------------------------------------

def _greedy_text(lm: LM, prompt: str, n: int = 4) -> str:
    return lm.decode(lm.generate_ids(prompt, max_new_tokens=n, temperature=0))


def capital_qa(lm: LM, few_shot: bool = False) -> dict:
    """Greedy answers to the corpus's own capital question for every country (``few_shot``: one
    answered question put before it)."""
    kit = demos.of(lm)
    return _answers(lm, [((kit.CAPITAL_EXAMPLE if few_shot else "") + kit.CAPITAL_QUESTION.format(country=c.name),
                          c.capital, c.name) for c in _corpus(lm)["countries"]])


def capital_paraphrases(lm: LM) -> dict | None:
    """The same facts asked in words the corpus never used (held-out question shapes), or None where
    the language has none yet."""
    make = _corpus(lm)["paraphrases"]
    return None if make is None else _answers(lm, make())


def _answers(lm: LM, cases) -> dict:
    """Share of ``(prompt, answer, name)`` cases whose greedy continuation starts with the answer."""
    hits, wrong = 0, []
    for prompt, answer, name in cases:
        out = _greedy_text(lm, prompt, n=len(lm.word_ids(answer)) + 1)
        ok = out.lstrip().startswith(answer)
        hits += ok
        if not ok:
            wrong.append(f"{name}: {out.strip()!r} (expected {answer})")
    return {"n": len(cases), "accuracy": hits / len(cases), "wrong": wrong}


def ioi(lm: LM, n: int = 300, other_sets: bool = True) -> dict:
    """Top-1 accuracy on IOI prompts from frames the corpus never uses, overall, by name order
    (the right name mentioned first or second) and by frame (case i uses frame i mod frames). Where
    the language has them (Chinese) and ``other_sets``: also on the same frames with verbs the corpus
    uses (``seen_verbs``), on frames never used to tune the corpus (``fresh``, by frame), and on frames
    written after the last training run, never used to choose anything (``late``, by frame)."""
    data = _corpus(lm)
    cases, frames = data["ioi_cases"](n), data["ioi_frames"]
    ok, io_over_s, io_first = [], 0, []
    for prompt, io, s in cases:
        logits = lm.last_logits(prompt)
        a, b = lm.answer_id(io), lm.answer_id(s)
        ok.append(int(np.argmax(logits)) == a)
        io_over_s += logits[a] > logits[b]
        io_first.append(prompt.index(io) < prompt.index(s))
    ok, io_first = np.array(ok), np.array(io_first)
    share = lambda mask: round(float(ok[mask].mean()), 4) if mask.any() else 0.0
    frame = np.arange(len(cases)) % len(frames)
    out = {"n": len(cases), "accuracy": float(ok.mean()), "io_over_subject": io_over_s / len(cases),
           "by_order": {"io_first": share(io_first), "s_first": share(~io_first)},
           "by_frame": [share(frame == f) for f in range(len(frames))]}
    if other_sets and data.get("ioi_frames_seen_verbs"):   # the same held-out shapes, verbs the corpus uses
        out["seen_verbs"] = round(float(_top1(lm, data["ioi_cases"](n, templates=data["ioi_frames_seen_verbs"])).mean()), 4)
    # a third set, never used to tune the corpus; a fourth, written after the last run (40 cases a frame)
    for name in ("fresh", "late"):
        frames = data.get(f"ioi_frames_{name}") if other_sets else None
        if frames:
            hits = _top1(lm, data["ioi_cases"](IOI_FRESH_PER_FRAME * len(frames), templates=frames))
            out[name] = round(float(hits.mean()), 4)
            out[f"{name}_n"] = len(hits)
            out[f"{name}_by_frame"] = [round(float(hits[f::len(frames)].mean()), 4) for f in range(len(frames))]
    return out


def _top1(lm: LM, cases) -> np.ndarray:
    """For each (prompt, right name, other name): whether the right name is the model's first choice."""
    return np.array([int(np.argmax(lm.last_logits(p))) == lm.answer_id(io) for p, io, _ in cases])


IOI_FRESH_PER_FRAME = 40


# ---- analogies --------------------------------------------------------------------------------

def analogies_all_spaces(lm: LM) -> dict:
    RELATIONS = _corpus(lm)["relations"]
    out = {}
    for space in ["word2vec", "tokens"] + [f"context:{l}" for l in range(1, lm.config.n_layer + 1)]:
        try:
            out[space] = analogy_accuracy(lm.space(space), RELATIONS)
        except WordError as e:
            out[space] = {"accuracy": None, "error": str(e)}
    ctx = {k: v for k, v in out.items() if k.startswith("context") and v.get("accuracy") is not None}
    best = max(ctx, key=lambda k: ctx[k]["accuracy"]) if ctx else None
    return {"spaces": out, "best_context": best}


def article_analogies(lm: LM) -> list[dict]:
    rows = []
    for a, b, c, want in demos.of(lm).ANALOGIES:
        try:
            got = lm.analogy(a, b, c, k=1)[0]
            rows.append({"q": f"{b} − {a} + {c}", "expected": want, "got": got[0],
                         "score": round(got[1], 3), "ok": got[0] == want})
        except WordError as e:
            rows.append({"q": f"{b} − {a} + {c}", "expected": want, "got": None, "error": str(e), "ok": False})
    return rows


# ---- lens, ablation, sampling -------------------------------------------------------------

def lens_check(lm: LM) -> dict:
    kit = demos.of(lm)
    tr = lm.trace(kit.WARSAW_PROMPT)
    w, pl = lm.answer_id(kit.WARSAW_ANSWER), lm.answer_id(kit.WARSAW_SUBJECT)
    probs = tr.lens_probs([w, pl])
    return {"first_top1_layer": tr.first_top1_layer(w), "n_layers": lm.config.n_layer,
            "warsaw_by_layer": [round(float(p), 4) for p in probs[:, 0]],
            "poland_by_layer": [round(float(p), 4) for p in probs[:, 1]]}


def ablation_check(lm: LM) -> dict:
    """Find where this model keeps Poland → Warsaw (``ablation.fact_position``: all MLPs off at one
    position of the question at a time), switch off the MLP layers that carry it there, then
    prepend the fact. Also reported, not a target: the same switch-off on the bare
    question without the France example (``question_only``)."""
    kit = demos.of(lm)
    where = ablation.fact_position(lm, kit.WARSAW_PROMPT, kit.WARSAW_ANSWER)
    # where this model keeps the fact: that very position (its word may occur again later)
    subject = kit.WARSAW_SUBJECT if where["position"] is None else where["position"]
    fact = ablation.fact_layers(lm, kit.WARSAW_PROMPT, kit.WARSAW_ANSWER, subject=subject)
    few = ablation.fact_cases(lm, kit.WARSAW_PROMPT, kit.WARSAW_FACT, kit.WARSAW_ANSWER,
                              fact["layers"], subject)
    # the bare question is the prompt's end: the same position from the end, when it reaches that far
    fits = isinstance(subject, str) or -subject <= len(lm.encode(kit.WARSAW_QUESTION))
    bare = ablation.fact_cases(lm, kit.WARSAW_QUESTION, kit.WARSAW_FACT, kit.WARSAW_ANSWER,
                               fact["layers"], subject if fits else where["word"])
    return {"mlp_layers": fact["layers"], "at_positions": fact["positions"],
            "prompt_lookup": ablation.prompt_lookup(lm, fact["layers"]),
            "fact_position": {"word": where["word"], "position": where["position"],
                              "p_all_mlps_off": None if where["p"] is None else round(where["p"], 4),
                              "holds": where["holds"],
                              "by_position": [[tok, None if p is None else round(p, 4)]
                                              for tok, p in zip(where["tokens"], where["probs"])][-14:]},
            "subject": where["word"] or kit.WARSAW_SUBJECT, "top1_mlp_off": few["top"]["mlp_off"][0],
            "p_warsaw": round(fact["base"], 4),
            "p_warsaw_mlp_off": round(fact["ablated"], 4),
            "p_warsaw_mlp_off_fact_in_prompt": round(few["probs"]["both"], 4),
            "top1_mlp_off_fact_in_prompt": few["top"]["both"][0],
            "p_warsaw_single_layer_off": [round(p, 4) for p in fact["single"]],
            "question_only": {"prompt": kit.WARSAW_QUESTION, "p_warsaw": round(bare["probs"]["normal"], 4),
                              "p_warsaw_mlp_off": round(bare["probs"]["mlp_off"], 4),
                              "top1_mlp_off": bare["top"]["mlp_off"][0],
                              "p_warsaw_mlp_off_fact_in_prompt": round(bare["probs"]["both"], 4),
                              "top1_mlp_off_fact_in_prompt": bare["top"]["both"][0]}}


def repetition(lm: LM, n: int = 200, seed: int = 0) -> dict:
    story = demos.of(lm).STORY_PROMPT
    greedy = lm.generate_ids(story, n, temperature=0, stop_at_eot=False)
    warm = lm.generate_ids(story, n, temperature=0.8, seed=seed, stop_at_eot=False)
    return {"tokens": n, "greedy_repeated_4grams": round(repeated_ngram_share(greedy), 4),
            "t0.8_repeated_4grams": round(repeated_ngram_share(warm), 4),
            "greedy_sample": lm.decode(greedy[:60]), "t0.8_sample": lm.decode(warm[:60])}


def coffee(lm: LM) -> dict:
    kit = demos.of(lm)
    top = lm.next_token(kit.COFFEE_PROMPT, k=3)
    return {"top3": [(t, round(p, 4)) for t, p in top], "ok": top[0][0].strip() == kit.COFFEE_ANSWER}


# ---- the card -------------------------------------------------------------------------------

def scorecard(lm: LM, ioi_n: int = 300) -> dict:
    """Every measurement, in the language the model reads (``demos.of``): the same card for an
    English and a Chinese model."""
    kit = demos.of(lm)
    t0 = time.time()
    vl = held_out_loss(lm, _corpus(lm)["held_out_text"](100_000, seed=VAL_SEED))
    cap0, cap1 = capital_qa(lm), capital_qa(lm, few_shot=True)
    para = capital_paraphrases(lm)
    io = ioi(lm, ioi_n)
    an = analogies_all_spaces(lm)
    card = {
        "model": {"params": lm.n_params(), **lm.config.to_dict(),
                  "step": lm.meta.get("step"), "train_seconds": lm.meta.get("train_seconds")},
        "val_loss": round(vl, 4), "perplexity": round(math.exp(vl), 3),
        "capital_qa": {"zero_shot": round(cap0["accuracy"], 4), "few_shot": round(cap1["accuracy"], 4),
                       "n": cap0["n"], "wrong": cap0["wrong"],
                       **({} if para is None else {"paraphrased": round(para["accuracy"], 4), "paraphrased_n": para["n"],
                                                  "paraphrased_wrong": para["wrong"][:20]})},
        "ioi": {k: round(v, 4) if isinstance(v, float) else v for k, v in io.items()},
        "analogy": {
            "best_context": an["best_context"],
            "spaces": {s: {"accuracy": None if v.get("accuracy") is None else round(v["accuracy"], 4),
                           "n": v.get("n"),
                           "per_relation": {r: None if x["accuracy"] is None else round(x["accuracy"], 4)
                                            for r, x in v.get("per_relation", {}).items()}}
                       for s, v in an["spaces"].items()},
            "article": article_analogies(lm)},
        "coffee": coffee(lm),
        "lens": lens_check(lm),
        "ablation": ablation_check(lm),
        "repetition": repetition(lm),
    }
    w2v = card["analogy"]["spaces"]["word2vec"]["accuracy"]
    card["targets"] = {
        "capital_qa >= 0.95": card["capital_qa"]["zero_shot"] >= TARGETS["capital_accuracy"],
        "ioi >= 0.90": card["ioi"]["accuracy"] >= TARGETS["ioi_accuracy"],
        "analogy word2vec >= 0.80": w2v is not None and w2v >= TARGETS["analogy_word2vec"],
        "coffee -> sugar top-1": card["coffee"]["ok"],
        "Warsaw top-1 after layer 0": (card["lens"]["first_top1_layer"] or 0) > 0,
        "MLPs off: Warsaw collapses (< 0.25, no longer top-1)": card["ablation"]["p_warsaw_mlp_off"] < 0.25
                                                               and card["ablation"]["top1_mlp_off"].strip()
                                                               != kit.WARSAW_ANSWER,
        "fact in prompt: Warsaw recovers (> 0.5)": card["ablation"]["p_warsaw_mlp_off_fact_in_prompt"] > 0.5,
        "greedy repeats more than T=0.8": card["repetition"]["greedy_repeated_4grams"]
                                           > card["repetition"]["t0.8_repeated_4grams"],
    }
    if para is not None:
        card["targets"]["paraphrased capital questions >= 0.80"] = para["accuracy"] >= TARGETS["capital_paraphrased"]
    if "seen_verbs" in card["ioi"]:
        card["targets"]["ioi, held-out shapes with known verbs >= 0.90"] = card["ioi"]["seen_verbs"] >= TARGETS["ioi_accuracy"]
    if "fresh" in card["ioi"]:
        card["targets"]["ioi, shapes never used for tuning >= 0.90"] = card["ioi"]["fresh"] >= TARGETS["ioi_accuracy"]
    if "late" in card["ioi"]:
        card["targets"]["ioi, shapes written after the last run >= 0.90"] = card["ioi"]["late"] >= TARGETS["ioi_accuracy"]
    card["lang"] = kit.lang
    card["seconds"] = round(time.time() - t0, 1)
    return card


TIMELINE_IOI_N = 100


def abilities(lm: LM) -> dict:
    """Three measured abilities of one model: capital Q&A (68 countries), the Mary/John test (100 IOI
    cases) and analogies in the GPT's own token embeddings (word2vec does not change with training
    steps, so it cannot show them appear)."""
    try:
        analogy = analogy_accuracy(lm.space("tokens"), _corpus(lm)["relations"])["accuracy"]
    except WordError:
        analogy = None
    return {"capital_qa": round(capital_qa(lm)["accuracy"], 4),
            "ioi": round(ioi(lm, n=TIMELINE_IOI_N, other_sets=False)["accuracy"], 4),
            "analogy_tokens": None if analogy is None else round(analogy, 4)}


def ability_timeline(lm: LM) -> list[dict]:
    """``abilities`` at every kept snapshot and at the final model, in training order."""
    rows = [{"step": step, **abilities(lm.at_snapshot(path))} for step, path in lm.snapshots()]
    final = int(lm.meta.get("step", rows[-1]["step"] + 1 if rows else 0))
    if not rows or rows[-1]["step"] < final:
        rows.append({"step": final, **abilities(lm)})
    return rows


# the card's headline figures, in the order a reader meets them (``card_rows``)
CARD_MEASURES = ("capital_qa", "capital_paraphrased", "ioi_held_out", "ioi_new_verbs", "ioi_fresh", "ioi_late",
                 "analogy_word2vec", "fact_layer", "mlp_off")


def card_rows(card: dict | None) -> dict[str, dict]:
    """The headline figures of a written scorecard: measure → {"value": a number (a share, or the
    block where the fact first wins), "shown": how a reader sees it, "ok": whether it meets its target
    (None when the card lacks the figure)}. For the card on *How it learned* and in the notes."""
    card = card or {}
    cap, io, ab, lens = (card.get(k) or {} for k in ("capital_qa", "ioi", "ablation", "lens"))
    w2v = ((card.get("analogy") or {}).get("spaces") or {}).get("word2vec") or {}
    pct = lambda v: None if v is None else f"{100 * v:.0f} %"       # noqa: E731

    def share(v, target):
        if v is None:
            return {"value": None, "shown": None, "ok": None}
        shown = pct(v)
        if v < target and round(100 * v) >= round(100 * target):         # 89.8 % is not "90 % ✗":
            shown = f"{min(round(1000 * v), round(1000 * target) - 1) / 10:.1f} %"   # tenths, kept under it
        return {"value": v, "shown": shown, "ok": v >= target}
    first, n = lens.get("first_top1_layer"), lens.get("n_layers")
    before, after = ab.get("p_warsaw"), ab.get("p_warsaw_mlp_off")
    return {
        "capital_qa": share(cap.get("zero_shot"), TARGETS["capital_accuracy"]),
        "capital_paraphrased": share(cap.get("paraphrased"), TARGETS["capital_paraphrased"]),
        # new sentence shapes (verbs the corpus uses: the English set; the Chinese one's known-verb copy)
        "ioi_held_out": share(io.get("seen_verbs", io.get("accuracy")), TARGETS["ioi_accuracy"]),
        # new shapes and verbs of giving never in the corpus (the Chinese set)
        "ioi_new_verbs": share(io.get("accuracy") if "seen_verbs" in io else None, TARGETS["ioi_accuracy"]),
        # shapes written apart and never used to choose anything (the Chinese set)
        "ioi_fresh": share(io.get("fresh"), TARGETS["ioi_accuracy"]),
        # shapes written after the last training run, never used for any choice (the Chinese set)
        "ioi_late": share(io.get("late"), TARGETS["ioi_accuracy"]),
        "analogy_word2vec": share(w2v.get("accuracy"), TARGETS["analogy_word2vec"]),
        "fact_layer": {"value": first, "shown": None if first is None else f"{first} / {n}",
                       "ok": None if first is None else 0 < first < (n or 0)},       # a middle block
        "mlp_off": {"value": after, "shown": None if after is None else f"{pct(before)} → {pct(after)}",
                    "ok": None if after is None else after < 0.25},
    }


def write_scorecard(lm: LM, card: dict) -> None:
    from .checkpoint import SCORECARD, write_json
    write_json(lm.folder / SCORECARD, card)


def format_scorecard(c: dict) -> str:
    pct = lambda x: "—" if x is None else f"{100 * x:.1f} %"
    m = c["model"]
    q = c["ablation"]["question_only"]
    lk = c["ablation"]["prompt_lookup"]
    lines = [
        f"Model ({c.get('lang', 'en')}): {m['params'] / 1e6:.2f}M parameters, {m['n_layer']} layers × {m['n_head']} heads, "
        f"d={m['d_model']}, context {m['n_ctx']}, vocab {m['vocab_size']}",
        f"Validation loss {c['val_loss']:.3f}  (perplexity {c['perplexity']:.2f}) on held-out generated text",
        f"Capital Q&A ({c['capital_qa']['n']} countries): zero-shot {pct(c['capital_qa']['zero_shot'])}, "
        f"few-shot {pct(c['capital_qa']['few_shot'])}"
        + (f"; asked in {c['capital_qa']['paraphrased_n'] // c['capital_qa']['n']} ways the corpus never used: "
           f"{pct(c['capital_qa']['paraphrased'])}" if "paraphrased" in c["capital_qa"] else ""),
        f"IOI ({c['ioi']['n']} cases, unseen templates): top-1 {pct(c['ioi']['accuracy'])}, "
        f"right name above repeated name {pct(c['ioi']['io_over_subject'])}; right name mentioned first "
        f"{pct(c['ioi']['by_order']['io_first'])}, second {pct(c['ioi']['by_order']['s_first'])}; by frame "
        + " ".join(f"{100 * a:.0f}" for a in c["ioi"]["by_frame"])
        + (f"; the same shapes with verbs of giving the corpus uses: top-1 {pct(c['ioi']['seen_verbs'])}"
           if "seen_verbs" in c["ioi"] else "")
        + "".join(f"; {c['ioi'][f'{k}_n'] // len(c['ioi'][f'{k}_by_frame'])} cases each of "
                  f"{len(c['ioi'][f'{k}_by_frame'])} shapes {what}: top-1 {pct(c['ioi'][k])} (by shape "
                  + " ".join(f"{100 * a:.0f}" for a in c["ioi"][f"{k}_by_frame"]) + ")"
                  for k, what in (("fresh", "never used for tuning"), ("late", "written after the last run"))
                  if k in c["ioi"]),
        "Analogies (top-1, inputs excluded):",
    ]
    for s, v in c["analogy"]["spaces"].items():
        rel = ", ".join(f"{r} {pct(a)}" for r, a in v["per_relation"].items())
        best = "  ← best context layer" if s == c["analogy"]["best_context"] else ""
        lines.append(f"  {s:<10} {pct(v['accuracy']):>8}  ({rel}){best}")
    for r in c["analogy"]["article"]:
        lines.append(f"    {r['q']} → {r['got']} {'✓' if r['ok'] else '✗ (expected ' + r['expected'] + ')'}")
    lines += [
        f"Coffee: top-3 after 'cream and': {c['coffee']['top3']}",
        f"Logit lens: ' Warsaw' first top-1 at layer {c['lens']['first_top1_layer']} of {c['lens']['n_layers']}; "
        f"by layer {c['lens']['warsaw_by_layer']}",
        *([] if "fact_position" not in c["ablation"] else [
            "Where the fact is kept (all MLPs off at one position, the last excluded): "
            + " ".join(f"{tok.strip() or repr(tok)}:{'–' if p is None else f'{p:.2f}'}"
                       for tok, p in c["ablation"]["fact_position"]["by_position"])
            + f" → at '{c['ablation']['fact_position']['word']}'"
            + ("" if c["ablation"]["fact_position"]["holds"] else " (no single position: the fact is not gone there)")]),
        f"Ablation: P(Warsaw) {c['ablation']['p_warsaw']:.3f} → MLPs {c['ablation']['mlp_layers']} off at "
        f"'{c['ablation']['subject']}' {c['ablation']['p_warsaw_mlp_off']:.3f} (top-1 {c['ablation']['top1_mlp_off']!r})"
        f" → with the fact in the prompt "
        f"{c['ablation']['p_warsaw_mlp_off_fact_in_prompt']:.3f} (top-1 {c['ablation']['top1_mlp_off_fact_in_prompt']!r})",
        f"  same layers off on the bare question {q['prompt']!r}: P(Warsaw) {q['p_warsaw']:.3f} → "
        f"{q['p_warsaw_mlp_off']:.3f} (top-1 {q['top1_mlp_off']!r}) → with the fact "
        f"{q['p_warsaw_mlp_off_fact_in_prompt']:.3f}",
        f"  reading or copying? 2–3 true capitals stated, one asked ({lk['n']} cases), same MLPs off at the "
        f"asked country: top-1 {pct(lk['accuracy_mlp_off'])} (chance {pct(lk['chance'])}; MLPs on "
        f"{pct(lk['accuracy_mlp_on'])}); by where the fact stood: "
        + ", ".join(f"{k} {pct(v)}" for k, v in lk["mlp_off_by_position"].items())
        + "; Warsaw/Lima with both facts: "
        + ", ".join(f"{k} {v['warsaw']:.2f}/{v['lima']:.2f}" for k, v in lk["two_facts_mlp_off"].items()),
        f"Repetition (share of repeated 4-grams in {c['repetition']['tokens']} tokens): greedy "
        f"{pct(c['repetition']['greedy_repeated_4grams'])}, T=0.8 {pct(c['repetition']['t0.8_repeated_4grams'])}",
        "Targets:",
    ] + [f"  [{'x' if ok else ' '}] {k}" for k, ok in c["targets"].items()]
    lines.append(f"({c['seconds']} s)")
    return "\n".join(lines)
