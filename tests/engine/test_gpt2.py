"""GPT-2 in our traceable model, offline: a small random GPT-2 (2 layers, 64 dimensions) is built with
``transformers`` (a test dependency only), saved as safetensors in the Hugging Face layout, loaded
through ``explainer.gpt2`` and held equal to transformers' own forward pass."""

import json

import numpy as np
import pytest
import torch

import explainer
from explainer import gpt2
from explainer.checkpoint import CheckpointError

transformers = pytest.importorskip("transformers")

from tests.gpt2_random import TEXT, make_random_gpt2  # noqa: E402

TOL = 1e-4


@pytest.fixture(scope="module")
def random_gpt2(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gpt2") / "tiny-gpt2"
    hf = make_random_gpt2(folder)
    return folder, hf, explainer.load(folder)


def reference(hf, ids):
    hf.config._attn_implementation = "eager"       # the attention weights are computed (and returned)
    with torch.no_grad():
        return hf(torch.tensor([ids]), output_attentions=True, output_hidden_states=True)


def test_the_folder_is_recognised_and_read_as_gpt2(random_gpt2):
    folder, hf, lm = random_gpt2
    assert gpt2.is_gpt2_folder(folder)
    assert not gpt2.is_gpt2_folder(explainer.ASSETS)
    assert lm.meta["kind"] == "gpt2"
    assert (lm.config.n_layer, lm.config.n_head, lm.config.d_model, lm.config.n_ctx) == (2, 4, 64, 64)
    assert lm.config.gelu == "tanh"
    assert lm.n_params() == sum(p.numel() for p in hf.transformer.parameters())


def test_logits_attention_and_lens_equal_the_reference(random_gpt2):
    _, hf, lm = random_gpt2
    ids = lm.encode("When Mary and John went to the store, John gave a drink to")
    assert len(ids) > 10
    ref = reference(hf, ids)
    tr = lm.trace(ids)
    assert np.abs(tr.logits - ref.logits[0].numpy()).max() <= TOL
    for layer in range(lm.config.n_layer):
        assert np.abs(tr.attention[layer] - ref.attentions[layer][0].numpy()).max() <= TOL
    # the residual stream entering each block; transformers' last hidden state has ln_f applied
    for layer in range(lm.config.n_layer):
        assert np.abs(tr.resid[layer] - ref.hidden_states[layer][0].numpy()).max() <= TOL
    tf = hf.transformer
    with torch.no_grad():
        hf_lens = [torch.softmax(tf.ln_f(h[0]) @ tf.wte.weight.T, -1).numpy() for h in ref.hidden_states[:-1]]
        hf_lens.append(torch.softmax(ref.logits[0], -1).numpy())
    assert np.abs(tr.lens - np.stack(hf_lens)).max() <= TOL
    # the page's readings, built one layer at a time, are the whole lens's
    top_ids, top_p = tr.lens_top(3)
    fresh = lm.trace(ids)
    ids2, p2 = fresh.lens_top(3)
    assert np.array_equal(top_ids, ids2) and np.abs(top_p - p2).max() <= 1e-6
    assert np.abs(fresh.lens_probs([5, 7]) - tr.lens[:, -1][:, [5, 7]]).max() <= 1e-6


def test_exact_gelu_variant_and_fast_path_agree(tmp_path):
    hf = make_random_gpt2(tmp_path / "g", activation="gelu", seed=1)
    lm = explainer.load(tmp_path / "g")
    assert lm.config.gelu == "exact"
    ids = lm.encode("The capital of Poland is Warsaw.")
    ref = reference(hf, ids)
    assert np.abs(lm.last_logits(ids) - ref.logits[0, -1].numpy()).max() <= TOL     # the fast path (SDPA)


def test_tokenizer_equals_transformers_gpt2_tokenizer(random_gpt2):
    folder, _, lm = random_gpt2
    theirs = transformers.GPT2TokenizerFast.from_pretrained(str(folder))      # reads vocab.json, merges.txt
    for text in ["When Mary and John went to the store", "  two  spaces\nand a line", "don't we'll I'm",
                 "波兰的首都是华沙", "emoji 🙂 and café"]:
        assert lm.tokenizer.encode(text, disallowed_special=()) == theirs.encode(text), text
    assert lm.decode(lm.encode("John gave a drink to Mary")) == "John gave a drink to Mary"
    # a user who types <|endoftext|> types text (transformers would read the special token)
    assert lm.tokenizer.eot_token not in lm.encode("<|endoftext|> typed as text")


def test_interventions_match_an_edited_reference(random_gpt2):
    """Switching off the MLP of block 0 through our Intervention equals transformers with that MLP's
    output zeroed by a hook."""
    _, hf, lm = random_gpt2
    ids = lm.encode("Mary went to the park with her dog")
    handle = hf.transformer.h[0].mlp.register_forward_hook(lambda m, i, o: torch.zeros_like(o))
    try:
        ref = reference(hf, ids)
    finally:
        handle.remove()
    ours = lm.last_logits(ids, explainer.Intervention.zero(mlp=[0]))
    assert np.abs(ours - ref.logits[0, -1].numpy()).max() <= TOL
    assert np.abs(lm.last_logits(ids) - reference(hf, ids).logits[0, -1].numpy()).max() <= TOL


def test_greedy_generation_equals_the_reference(random_gpt2):
    _, hf, lm = random_gpt2
    ids = lm.encode("Once upon a time")
    seq = list(ids)
    with torch.no_grad():
        for _ in range(12):
            seq.append(int(hf(torch.tensor([seq])).logits[0, -1].argmax()))
    assert lm.generate_ids(ids, 12, temperature=0, stop_at_eot=False) == seq[len(ids):]


def test_long_text_is_read_within_max_tokens(random_gpt2):
    _, _, lm = random_gpt2
    tr = lm.trace(TEXT)
    assert len(tr.ids) == lm.max_tokens == lm.config.n_ctx and tr.truncated > 0


@pytest.mark.parametrize("damage, says", [
    (lambda f: (f / "model.safetensors").write_bytes((f / "model.safetensors").read_bytes()[:-100]),
     "model.safetensors"),
    (lambda f: (f / "vocab.json").write_text("[1, 2]"), "vocab.json"),
    (lambda f: (f / "merges.txt").write_text("#version: 0.2\nzz qq\n"), "merges.txt"),
    (lambda f: (f / "config.json").write_text(json.dumps(
        {**json.loads((f / "config.json").read_text()), "n_embd": 32})), "model.safetensors"),
    (lambda f: (f / "config.json").write_text(json.dumps(
        {**json.loads((f / "config.json").read_text()), "scale_attn_by_inverse_layer_idx": True})),
     "scale_attn_by_inverse_layer_idx"),
])
def test_a_damaged_folder_is_refused_naming_the_file(tmp_path, damage, says):
    folder = tmp_path / "g"
    make_random_gpt2(folder)
    damage(folder)
    with pytest.raises(CheckpointError, match=says):
        explainer.load(folder)


def test_download_offline_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLAINER_OFFLINE", "1")              # no request leaves this test
    monkeypatch.setenv("EXPLAINER_GPT2_CACHE", str(tmp_path / "empty-cache"))
    with pytest.raises(gpt2.GPT2Unavailable, match="gpt2 is not on this server, which is set to work offline"):
        gpt2.download("gpt2")
    assert gpt2.cached("gpt2") is None
    with pytest.raises(ValueError, match="unknown GPT-2 model"):
        gpt2.download("gpt5")
