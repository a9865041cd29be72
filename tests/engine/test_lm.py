"""The public API on a tiny freshly trained model: trace, lens, ablation, generation, checkpoints."""

import json
import threading

import numpy as np
import pytest
import torch

import explainer
from explainer import CheckpointError, InputError, WordError
from explainer.checkpoint import LOSS_LOG, WEIGHTS, read_json
from explainer.sampling import softmax


def test_trace_shapes_and_attention(tiny_lm):
    tr = tiny_lm.trace("When Mary and John went to the store, John gave a drink to")
    L, H, T = tiny_lm.config.n_layer, tiny_lm.config.n_head, len(tr.ids)
    assert tr.attention.shape == (L, H, T, T)
    assert tr.resid.shape == (L + 1, T, tiny_lm.config.d_model)
    assert tr.logits.shape == (T, tiny_lm.config.vocab_size)
    np.testing.assert_allclose(tr.attention.sum(-1), 1.0, atol=1e-5)
    assert np.all(np.triu(tr.attention, k=1) == 0)
    assert "".join(tr.tokens) == "When Mary and John went to the store, John gave a drink to"


def test_lens_last_layer_is_the_models_softmax(tiny_lm):
    tr = tiny_lm.trace("The capital of France is")
    np.testing.assert_allclose(tr.lens[-1], tr.probs, atol=1e-5)
    np.testing.assert_allclose(tr.lens.sum(-1), 1.0, atol=1e-4)
    # and the API's next token agrees with the trace
    top = tiny_lm.next_token("The capital of France is", k=1)[0]
    assert top[0] == tiny_lm.decode([int(tr.probs[-1].argmax())])
    assert top[1] == pytest.approx(float(tr.probs[-1].max()), abs=1e-5)


def test_residual_stream_adds_up(tiny_lm):
    tr = tiny_lm.trace("Mary has a cat.")
    for l in range(tiny_lm.config.n_layer):
        np.testing.assert_allclose(tr.resid[l] + tr.attn_out[l] + tr.mlp_out[l], tr.resid[l + 1], atol=1e-4)


def test_ablation_changes_output_and_is_undone(tiny_lm):
    prompt = "I like my coffee with cream and"
    base = tiny_lm.last_logits(prompt)
    weights = {k: v.clone() for k, v in tiny_lm.model.state_dict().items()}
    with tiny_lm.ablate(mlp=[0], heads=[(1, 0)]):
        ablated = tiny_lm.last_logits(prompt)
        assert tiny_lm.trace(prompt).intervention is not None
    assert np.abs(ablated - base).max() > 1e-3
    np.testing.assert_array_equal(tiny_lm.last_logits(prompt), base)
    with pytest.raises(RuntimeError):
        with tiny_lm.ablate(attn=[1]):
            raise RuntimeError("boom")
    np.testing.assert_array_equal(tiny_lm.last_logits(prompt), base)
    assert tiny_lm.current_intervention is None
    for k, v in tiny_lm.model.state_dict().items():
        assert torch.equal(v, weights[k])


def test_ablation_is_private_to_its_thread(tiny_lm):
    prompt = "I like my coffee with cream and"
    base = tiny_lm.last_logits(prompt)
    seen = {}
    inside, done = threading.Event(), threading.Event()

    def other_user():
        inside.wait()
        seen["logits"] = tiny_lm.last_logits(prompt)
        done.set()

    t = threading.Thread(target=other_user)
    t.start()
    with tiny_lm.ablate(attn=[0, 1], mlp=[0, 1]):
        inside.set()
        done.wait(10)
    t.join()
    np.testing.assert_array_equal(seen["logits"], base)


def test_bad_ablation_is_a_clear_error(tiny_lm):
    with pytest.raises(ValueError, match="does not exist"):
        with tiny_lm.ablate(heads=[(99, 0)]):
            pass


def test_kv_cache_generation_equals_full_recompute(tiny_lm):
    prompt = "Once upon a time Mary"
    got = tiny_lm.generate_ids(prompt, 30, temperature=0, stop_at_eot=False)
    seq = tiny_lm.encode(prompt)
    with torch.no_grad():
        for _ in range(30):
            logits, _ = tiny_lm.model(torch.tensor([seq]))
            seq.append(int(logits[0, -1].argmax()))
    assert got == seq[len(tiny_lm.encode(prompt)):]


def test_generation_past_the_context_keeps_going(tiny_lm):
    n = tiny_lm.config.n_ctx + 20
    assert len(tiny_lm.generate_ids("Mary", n, temperature=0, stop_at_eot=False)) == n


def test_seeded_generation_is_reproducible(tiny_lm):
    a = tiny_lm.generate("Mary went to", 30, temperature=1.0, seed=7)
    b = tiny_lm.generate("Mary went to", 30, temperature=1.0, seed=7)
    c = tiny_lm.generate("Mary went to", 30, temperature=1.0, seed=8)
    assert a == b
    assert a != c


def test_bad_input_gets_clear_errors(tiny_lm):
    with pytest.raises(InputError, match="empty"):
        tiny_lm.trace("")
    tr = tiny_lm.trace("word " * 500)                     # longer than the context: truncated
    assert len(tr.ids) == tiny_lm.config.n_ctx and tr.truncated > 0
    for text in ["大型语言模型 👩‍👩‍👧", "\x00\x1b", "<|endoftext|>"]:
        tr = tiny_lm.trace(text)
        assert tiny_lm.decode(tr.ids) == text
        assert all("\ufffd" not in t for t in tr.tokens)


def test_word_vectors_and_errors(tiny_lm):
    spaces = ("word2vec", "tokens", "context:1")
    common = [w for w in tiny_lm.space("tokens").words if len(w) > 3
              and all(w in tiny_lm.space(s) for s in spaces)][:4]
    assert len(common) == 4
    for space in spaces:
        res = tiny_lm.neighbours(common[0], k=5, space=space)
        assert len(res) == 5 and all(-1.0 - 1e-6 <= s <= 1.0 + 1e-6 for _, s in res)
        assert common[0] not in [w for w, _ in res]
        ans = tiny_lm.analogy(*common[1:], k=3, space=space)
        assert not set(common[1:]) & {w for w, _ in ans}
    with pytest.raises(WordError):
        tiny_lm.neighbours("qwzxv", space="word2vec")
    with pytest.raises(WordError):
        tiny_lm.neighbours("", space="tokens")
    with pytest.raises(WordError, match="layer"):
        tiny_lm.space("context:99")
    with pytest.raises(WordError, match="split"):
        tiny_lm.word_token("Xylophonequark")


def test_checkpoint_round_trip(tiny_lm, tiny_copy):
    lm2 = explainer.load(tiny_copy)
    for k, v in tiny_lm.model.state_dict().items():
        assert torch.equal(v, lm2.model.state_dict()[k])
    assert lm2.generate("Mary", 10, temperature=0) == tiny_lm.generate("Mary", 10, temperature=0)


def test_truncated_weights_give_clear_error(tiny_copy):
    f = tiny_copy / WEIGHTS
    f.write_bytes(f.read_bytes()[: f.stat().st_size // 2])
    with pytest.raises(CheckpointError, match="model.safetensors"):
        explainer.load(tiny_copy)


@pytest.mark.parametrize("damage", ["missing_weights", "bad_json", "wrong_shape", "bad_tokenizer",
                                    "missing_folder"])
def test_damaged_checkpoints_name_the_file(tiny_copy, damage):
    if damage == "missing_weights":
        (tiny_copy / WEIGHTS).unlink()
        match = "model.safetensors"
    elif damage == "bad_json":
        (tiny_copy / "config.json").write_text("{not json")
        match = "config.json"
    elif damage == "wrong_shape":
        cfg = read_json(tiny_copy / "config.json")
        cfg["model"]["d_model"] *= 2
        cfg["model"]["d_mlp"] *= 2
        (tiny_copy / "config.json").write_text(json.dumps(cfg))
        match = "does not match"
    elif damage == "bad_tokenizer":
        (tiny_copy / "tokenizer.tiktoken").write_text("garbage line\n")
        match = "tokenizer.tiktoken"
    else:
        tiny_copy = tiny_copy / "nope"
        match = "missing"
    with pytest.raises(CheckpointError, match=match):
        explainer.load(tiny_copy)


def test_tiny_training_lowers_validation_loss(tiny_dir, tiny_lm):
    rows = read_json(tiny_dir / LOSS_LOG)["rows"]
    assert len(rows) >= 3
    first, last = rows[0]["val_loss"], rows[-1]["val_loss"]
    assert last < first - 0.5
    assert last < np.log(tiny_lm.config.vocab_size) - 1.0     # far better than guessing uniformly
    assert all(np.isfinite(r["val_loss"]) for r in rows)


@pytest.mark.slow
def test_resume_continues_exactly(tmp_path):
    from explainer.checkpoint import load_tensors
    from explainer.train import PRESETS, train
    from dataclasses import replace
    p = replace(PRESETS["tiny"], corpus_bytes=60_000, steps=40, eval_every=20, ckpt_every=20)
    quiet = dict(precision="fp32", progress=False, log=lambda *a: None)
    train(p, tmp_path / "a", **quiet)
    train(p, tmp_path / "b", until=20, **quiet)
    assert read_json(tmp_path / "b" / "config.json")["step"] == 20
    train(p, tmp_path / "b", **quiet)
    wa, wb = load_tensors(tmp_path / "a" / WEIGHTS), load_tensors(tmp_path / "b" / WEIGHTS)
    for k in wa:
        torch.testing.assert_close(wa[k], wb[k], atol=1e-5, rtol=1e-4)
    ra = read_json(tmp_path / "a" / LOSS_LOG)["rows"]
    rb = read_json(tmp_path / "b" / LOSS_LOG)["rows"]
    assert [r["step"] for r in ra] == [r["step"] for r in rb]
    assert [r["val_loss"] for r in ra] == pytest.approx([r["val_loss"] for r in rb], abs=1e-4)


def test_sampling_edge_values():
    from explainer.sampling import filter_probs, next_token_distribution, repeated_ngram_share
    z = np.array([2.0, 1.0, 0.5, -1.0, -np.inf])
    assert next_token_distribution(z, temperature=0).tolist() == [1, 0, 0, 0, 0]
    hot = next_token_distribution(z, temperature=1e9)
    assert np.all(np.isfinite(hot)) and hot[:4].min() > 0.2 and hot[4] == 0
    assert filter_probs(softmax(z), top_k=1).tolist() == [1, 0, 0, 0, 0]
    assert filter_probs(softmax(z), top_p=0.0).tolist() == [1, 0, 0, 0, 0]
    p = filter_probs(softmax(z), top_k=2)
    assert p[2:].sum() == 0 and p.sum() == pytest.approx(1)
    assert np.isfinite(next_token_distribution(np.full(5, np.nan))).all()
    assert repeated_ngram_share([1, 2, 3, 4, 1, 2, 3, 4]) == pytest.approx(1 / 5)
    assert repeated_ngram_share([1, 2, 3]) == 0.0


def test_find_word_counts_from_the_end(tiny_lm):
    p = "Q: What is the capital of Poland? A:"
    pos = tiny_lm.find_word(p, "Poland")
    assert pos is not None and pos < 0
    assert tiny_lm.find_word("The capital of Poland is Warsaw. " + p, "Poland") == pos
    assert tiny_lm.find_word(p, "Lima") is None and tiny_lm.find_word(p, " ") is None
    ids = tiny_lm.encode(p)
    assert tiny_lm.decode(ids[:len(ids) + pos + 1]).endswith("Poland")


def test_next_probs_takes_the_intervention_explicitly(tiny_lm):
    """One primitive: next_probs/last_logits/trace with an Intervention argument equal the
    ``ablate`` sugar, and leave nothing behind on the shared model."""
    from explainer import Intervention
    prompt = "Q: What is the capital of Poland? A:"
    pos = tiny_lm.find_word(prompt, "Poland")
    off = Intervention.zero(mlp=[0], positions=[pos])
    with tiny_lm.ablate(mlp=[0], positions=[pos]):
        sugar = tiny_lm.next_probs(prompt)
    explicit = tiny_lm.next_probs(prompt, off)
    np.testing.assert_array_equal(explicit, sugar)
    assert tiny_lm.current_intervention is None
    assert not np.allclose(explicit, tiny_lm.next_probs(prompt))
    assert explicit.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(tiny_lm.trace(prompt, off).logits[-1], tiny_lm.last_logits(prompt, off), atol=1e-4)


def test_activation_patching_through_the_api(tiny_lm):
    """Patch the residual stream entering the last block, at the last position, with another
    prompt's: that position carries the other prompt's state, earlier ones keep their own, and the
    prediction changes."""
    from explainer import Intervention
    a, b = "I like my coffee with cream and", "When Mary and John went to the store, John gave a drink to"
    L = tiny_lm.config.n_layer
    ta = tiny_lm.trace(a)
    patch = Intervention.patch(f"blocks.{L - 1}.hook_resid_pre", ta.resid[L - 1], positions=[-1])
    patched = tiny_lm.trace(b, patch)
    np.testing.assert_allclose(patched.resid[L - 1, -1], ta.resid[L - 1, -1], atol=1e-6)
    np.testing.assert_allclose(patched.resid[L - 1, :-1], tiny_lm.trace(b).resid[L - 1, :-1], atol=1e-6)
    assert not np.allclose(patched.logits[-1], tiny_lm.trace(b).logits[-1], atol=1e-3)


def test_many_ablations_in_one_batch_equal_one_call_each(bundled_lm):
    """``last_logits_each``: n copies of a prompt, each row with its own switch-off (the shared beginning
    computed once when every edit sits near the end) give the numbers of n separate calls."""
    from explainer import Intervention, demos
    lm, text = bundled_lm, demos.EN.WARSAW_PROMPT
    ivs = [None, Intervention.zero(mlp=[0], positions=[-4]), Intervention.zero(mlp=[2, 4], positions=[-5, -4]),
           Intervention.zero(heads=[(4, 1)]), Intervention.zero(mlp=[1])]
    many = lm.last_logits_each(text, ivs)
    for row, iv in zip(many, ivs):
        assert np.abs(row - lm.last_logits(text, iv)).max() < 1e-4
    only_near_end = lm.last_logits_each(text, ivs[:3])            # the cached-beginning path
    for row, iv in zip(only_near_end, ivs[:3]):
        assert np.abs(row - lm.last_logits(text, iv)).max() < 1e-4
    with lm.ablate(heads=[(4, 1)]):                                # a block's switch-off applies to every row
        inside = lm.last_logits_each(text, ivs[:2])
        assert np.abs(inside[1] - lm.last_logits(text, ivs[1])).max() < 1e-4
    assert np.abs(inside[0] - many[0]).max() > 1e-3
    from explainer.lm import _unedited_prefix
    T = len(lm.encode(text))
    assert _unedited_prefix(Intervention.zero(mlp=[0], positions=[-4]).on_rows(1), T) == T - 4
    assert _unedited_prefix(Intervention.zero(heads=[(0, 0)]), T) == 0
    with pytest.raises(ValueError, match="row 3 is outside the batch of 2"):
        lm.model(torch.tensor([lm.encode(text)] * 2), intervention=Intervention.zero(mlp=[0]).on_rows(3))


def test_pieces_are_the_tokens_as_the_running_text_shows_them(bundled_lm, bundled_zh_lm):
    """Generated Chinese is shown token by token without the spaces the model reads between words
    (「狗很自豪，」, not 「狗 很 自豪 ，」); English tokens keep their own spaces."""
    zh = bundled_zh_lm
    ids = zh.encode("狗很自豪，跑来跑去。小红说：明天见。")
    pieces = zh.pieces(ids, before="小红带着她的狗去了公园。")
    assert "".join(pieces) == zh.decode(ids) == "狗很自豪，跑来跑去。小红说：明天见。"
    assert all(not p.startswith(" ") for p in pieces) and len(pieces) == len(ids)
    en = bundled_lm
    ids = en.encode(" the cat sat on the mat.")
    assert en.pieces(ids, before="Once") == [en.decode([i]) for i in ids]
    assert "".join(en.pieces(ids)) == en.decode(ids)
