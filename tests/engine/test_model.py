"""The GPT itself: exact and fast paths agree, attention is a causal distribution, ablation,
KV cache, hook names."""

import pytest
import torch

from explainer.model import GPT, GPTConfig, Intervention, KVCache, hook_names

CFG = GPTConfig(vocab_size=97, n_ctx=32, n_layer=3, n_head=4, d_model=32, d_mlp=64)


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    m = GPT(CFG).eval()
    # larger weights than the init so that attention is far from uniform
    with torch.no_grad():
        for p in m.parameters():
            p.mul_(8.0) if p.dim() == 2 else None
    return m


def ids(T=20, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.randint(0, CFG.vocab_size, (2, T), generator=g)


def test_exact_and_fast_paths_agree(model):
    x = ids()
    with torch.no_grad():
        fast, _ = model(x)
        exact, _ = model(x, record={})
    torch.testing.assert_close(fast, exact, atol=1e-4, rtol=1e-4)


def test_attention_rows_sum_to_one_and_are_causal(model):
    rec = {}
    with torch.no_grad():
        model(ids(), record=rec)
    for l in range(CFG.n_layer):
        att = rec[f"blocks.{l}.attn.hook_pattern"]          # (B, H, T, T)
        torch.testing.assert_close(att.sum(-1), torch.ones(att.shape[:-1]))
        upper = torch.triu(torch.ones(att.shape[-2:], dtype=torch.bool), diagonal=1)
        assert (att[..., upper] == 0).all()
        assert att.std() > 0.01                              # not trivially uniform


def test_hook_names_pinned(model):
    rec = {}
    with torch.no_grad():
        model(ids(), record=rec)
    assert list(rec) == hook_names(CFG)
    assert hook_names(CFG)[:4] == ["hook_embed", "hook_pos_embed", "blocks.0.hook_resid_pre",
                                   "blocks.0.attn.hook_pattern"]
    # the residual stream is the running sum of what each part adds
    x = rec["blocks.1.hook_resid_pre"] + rec["blocks.1.hook_attn_out"] + rec["blocks.1.hook_mlp_out"]
    torch.testing.assert_close(x, rec["blocks.1.hook_resid_post"])
    assert hook_names(CFG)[6:10] == ["blocks.0.hook_resid_mid", "blocks.0.mlp.hook_pre", "blocks.0.mlp.hook_post",
                                     "blocks.0.hook_mlp_out"]


def test_mlp_neurons_are_hook_points(model):
    """The neurons' input and output are named points: GELU(W·LN(x) + b) as the MLP computes it, and
    what the MLP adds is their output times the projection."""
    rec = {}
    with torch.no_grad():
        model(ids(), record=rec)
    b = model.blocks[1]
    pre = rec["blocks.1.mlp.hook_pre"]
    assert pre.shape[-1] == CFG.d_mlp
    torch.testing.assert_close(pre, b.mlp.fc(b.ln2(rec["blocks.1.hook_resid_mid"])))
    torch.testing.assert_close(rec["blocks.1.mlp.hook_post"], torch.nn.functional.gelu(pre))
    torch.testing.assert_close(b.mlp.proj(rec["blocks.1.mlp.hook_post"]), rec["blocks.1.hook_mlp_out"])


def test_switching_neurons_off(model):
    x = ids()
    off = Intervention.zero(neurons=[(0, 3), (0, 5)])
    rec, base = {}, {}
    with torch.no_grad():
        model(x, record=rec, intervention=off)
        model(x, record=base)
    post = rec["blocks.0.mlp.hook_post"]
    assert (post[..., [3, 5]] == 0).all()
    torch.testing.assert_close(post[..., 6:], base["blocks.0.mlp.hook_post"][..., 6:])
    assert not torch.equal(rec["blocks.0.hook_mlp_out"], base["blocks.0.hook_mlp_out"])
    with pytest.raises(ValueError, match=f"neuron \\(0, {CFG.d_mlp}\\) does not exist"):
        Intervention.zero(neurons=[(0, CFG.d_mlp)]).validate(CFG)


def test_kv_cache_equals_full_recompute(model):
    x = ids(T=16)
    with torch.no_grad():
        full, _ = model(x)
        cache = KVCache(CFG.n_layer, CFG.n_ctx)
        part1, _ = model(x[:, :10], kv_cache=cache)
        steps = [model(x[:, t:t + 1], kv_cache=cache)[0] for t in range(10, 16)]
    got = torch.cat([part1] + steps, dim=1)
    torch.testing.assert_close(got, full, atol=1e-4, rtol=1e-4)


@pytest.mark.parametrize("gelu, ln_eps", [("exact", 1e-5), ("tanh", 1e-5), ("exact", 1e-3)])
def test_generation_step_is_the_forward_pass_bit_for_bit(gelu, ln_eps):
    """A single token after a cached past takes the short path (``GPT._next_token``); it gives exactly
    the numbers of the forward pass it replaces (the model in training mode takes the long one; no
    dropout), for one sequence and for several, and both caches end up equal."""
    torch.manual_seed(1)
    m = GPT(GPTConfig(vocab_size=97, n_ctx=32, n_layer=3, n_head=4, d_model=32, d_mlp=64, gelu=gelu,
                      ln_eps=ln_eps))
    calls = []
    short = m._next_token
    m._next_token = lambda *a: calls.append(m.training) or short(*a)       # which calls took it
    x = ids(T=14)
    for batch in (x[:1], x):
        runs = []
        for training in (False, True):
            m.train(training)
            cache = KVCache(3, 32)
            with torch.inference_mode():
                out = [m(batch[:, :8], kv_cache=cache, last_only=True)[0]]
                out += [m(batch[:, t:t + 1], kv_cache=cache, last_only=True)[0] for t in range(8, 14)]
            runs.append((torch.cat(out, 1), cache))
        (fast, c_fast), (slow, c_slow) = runs
        assert fast.shape == slow.shape == (batch.shape[0], 7, 97)
        assert torch.equal(fast, slow)
        assert all(torch.equal(a[:, :, :14], b[:, :, :14]) for a, b in zip(c_fast.k + c_fast.v, c_slow.k + c_slow.v))
    assert calls == [False] * 12                  # the 6 steps of each evaluation run, none of the others


def test_kv_cache_chunked_prefill_uses_offset_mask(model):
    x = ids(T=16)
    with torch.no_grad():
        full, _ = model(x)
        cache = KVCache(CFG.n_layer, CFG.n_ctx)
        a, _ = model(x[:, :6], kv_cache=cache)
        b, _ = model(x[:, 6:], kv_cache=cache)
    torch.testing.assert_close(torch.cat([a, b], 1), full, atol=1e-4, rtol=1e-4)
    assert cache.length == 16


def test_kv_cache_with_a_capacity_refuses_more():
    cache = KVCache(1, capacity=4)
    k = torch.zeros(1, 2, 3, 5)
    cache.extend(0, k, k)
    with pytest.raises(ValueError, match="holds 4 positions; 6 asked"):
        cache.extend(0, k, k)


def test_last_only_gives_the_last_positions_logits(model):
    x = ids(T=12)
    with torch.no_grad():
        full, _ = model(x)
        last, _ = model(x, last_only=True)
    assert last.shape == (x.shape[0], 1, CFG.vocab_size)
    torch.testing.assert_close(last[:, 0], full[:, -1])


@pytest.mark.parametrize("abl", [Intervention.zero(heads=[(1, 2)]), Intervention.zero(attn=[0]),
                                 Intervention.zero(mlp=[2])])
def test_ablation_changes_output_only_in_that_call(model, abl):
    x = ids()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    with torch.no_grad():
        base, _ = model(x)
        ab, _ = model(x, intervention=abl)
        ab_exact, _ = model(x, record={}, intervention=abl)
        again, _ = model(x)
    assert (ab - base).abs().max() > 1e-3
    torch.testing.assert_close(ab, ab_exact, atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(again, base)
    for k, v in model.state_dict().items():
        assert torch.equal(v, before[k])


def test_ablated_head_writes_nothing(model):
    rec_a, rec_b = {}, {}
    x = ids()
    with torch.no_grad():
        model(x, record=rec_a, intervention=Intervention.zero(heads=[(0, h) for h in range(CFG.n_head)]))
        model(x, record=rec_b, intervention=Intervention.zero(attn=[0]))
    # all heads off == whole attention off, up to the projection bias
    bias = model.blocks[0].attn.proj.bias
    torch.testing.assert_close(rec_a["blocks.0.hook_attn_out"], bias.expand_as(rec_a["blocks.0.hook_attn_out"]))
    assert rec_b["blocks.0.hook_attn_out"].abs().max() == 0


def test_bad_ablation_and_long_input_are_clear_errors(model):
    with pytest.raises(ValueError, match="does not exist"):
        model(ids(), intervention=Intervention.zero(heads=[(9, 0)]))
    with pytest.raises(ValueError, match="longer than the model's context"):
        model(torch.zeros(1, CFG.n_ctx + 1, dtype=torch.long))


def test_param_counts_add_up(model):
    assert sum(model.param_counts().values()) == model.n_params()


def test_mlp_ablation_at_positions_only(model):
    x = ids(T=12)
    rec_all, rec_pos = {}, {}
    with torch.no_grad():
        model(x, record=rec_all)
        model(x, record=rec_pos, intervention=Intervention.zero(mlp=[0], positions=[3, -1]))
    out = rec_pos["blocks.0.hook_mlp_out"]
    assert out[:, 3].abs().max() == 0 and out[:, -1].abs().max() == 0
    keep = [i for i in range(12) if i not in (3, 11)]
    torch.testing.assert_close(out[:, keep], rec_all["blocks.0.hook_mlp_out"][:, keep])
    # causal: positions before the first ablated one are untouched downstream too
    torch.testing.assert_close(rec_pos["blocks.2.hook_resid_post"][:, :3],
                               rec_all["blocks.2.hook_resid_post"][:, :3])


def test_residual_dropout_only_while_training(model):
    """``dropout`` > 0 drops parts of every attention and MLP output in training mode only: in
    eval mode the model is exactly the same function as without dropout."""
    from dataclasses import replace
    drop = GPT(replace(CFG, dropout=0.5))
    drop.load_state_dict(model.state_dict())          # no extra parameters
    x = ids()
    with torch.no_grad():
        ref = model(x)[0]
        assert torch.equal(drop.eval()(x)[0], ref)
        drop.train()
        torch.manual_seed(1)
        a = drop(x)[0]
        torch.manual_seed(2)
        b = drop(x)[0]
    assert not torch.allclose(a, b) and not torch.allclose(a, ref)


def test_patching_the_residual_stream_copies_another_run(model):
    """Activation patching is one line: another run's residual state, at one position."""
    a, b = ids(T=10, seed=1)[:1], ids(T=10, seed=2)[:1]
    rec_a, rec_b, rec_p = {}, {}, {}
    with torch.no_grad():
        model(a, record=rec_a)
        model(b, record=rec_b)
        point = "blocks.1.hook_resid_pre"
        model(b, record=rec_p, intervention=Intervention.patch(point, rec_a[point][0], positions=[-1]))
    torch.testing.assert_close(rec_p[point][:, -1], rec_a[point][:, -1])
    torch.testing.assert_close(rec_p[point][:, :-1], rec_b[point][:, :-1])
    # causal: positions before the patched one are unchanged in every later layer
    torch.testing.assert_close(rec_p["blocks.1.hook_resid_post"][:, :-1], rec_b["blocks.1.hook_resid_post"][:, :-1])
    assert (rec_p["blocks.1.hook_resid_post"][:, -1] - rec_b["blocks.1.hook_resid_post"][:, -1]).abs().max() > 1e-3
    # patching the whole residual stream before the last block with run a's gives run a's logits
    point = f"blocks.{CFG.n_layer - 1}.hook_resid_pre"
    with torch.no_grad():
        full, _ = model(b, intervention=Intervention.patch(point, rec_a[point][0]))
        ref, _ = model(a)
    torch.testing.assert_close(full, ref, atol=1e-5, rtol=1e-5)


def test_head_zeroing_is_the_same_on_hook_z(model):
    x = ids()
    rec = {}
    with torch.no_grad():
        model(x, record=rec, intervention=Intervention.zero(heads=[(1, 2)]))
    z = rec["blocks.1.attn.hook_z"]                           # (B, T, H, hd)
    assert z[:, :, 2].abs().max() == 0 and z[:, :, 1].abs().max() > 0


@pytest.mark.parametrize("bad, message", [
    (lambda: Intervention.zero(mlp=[0.7]), r"mlp must be a whole number \(got 0.7\)"),
    (lambda: Intervention.zero(heads=[("a", 1)]), r"heads must be a whole number \(got 'a'\)"),
])
def test_intervention_arguments_are_checked(bad, message):
    with pytest.raises(ValueError, match=message):
        bad()


def test_intervention_outside_the_model_or_input_is_a_clear_error(model):
    for iv, message in [(Intervention.zero(mlp=[CFG.n_layer]), "layer .* does not exist"),
                        (Intervention.zero(mlp=[0], positions=[20]), "position 20 is outside the input of 12 tokens"),
                        (Intervention.patch("blocks.0.attn.hook_pattern", torch.zeros(12, 12)),
                         "read-only"),
                        (Intervention.patch("blocks.0.nothing", torch.zeros(12, CFG.d_model)), "unknown activation point")]:
        with pytest.raises(ValueError, match=message):
            model(ids(T=12), intervention=iv)


@pytest.mark.parametrize("cfg", [GPTConfig(vocab_size=50, n_ctx=8, n_layer=2, n_head=2, d_model=8, d_mlp=12),
                                 GPTConfig()])
def test_weight_shapes_are_the_built_models(cfg):
    """What a checkpoint is checked against before anything is allocated is what GPT(cfg) holds."""
    built = {k: tuple(v.shape) for k, v in GPT(cfg).state_dict().items()}
    assert cfg.weight_shapes() == built
    assert cfg.n_params_estimate() == sum(v.numel() for v in GPT(cfg).state_dict().values())
