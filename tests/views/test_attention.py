"""The attention page: pure pattern scores, agreement with ``lm.trace``, and the page itself — explainer/views/attention.py and its figures."""

from __future__ import annotations
import numpy as np
import pytest
from explainer.views import attention as A
from explainer import demos
from explainer import ablation


def _causal_uniform(T: int) -> np.ndarray:
    a = np.tril(np.ones((T, T)))
    return a / a.sum(-1, keepdims=True)


def _handmade(T: int = 12) -> np.ndarray:
    """(2 layers, 3 heads, T, T): L0H0 previous-token, L0H1 first-token, L0H2 self, L1 uniform."""
    att = np.stack([np.stack([_causal_uniform(T)] * 3)] * 2)
    prev = np.zeros((T, T)); prev[0, 0] = 1; prev[np.arange(1, T), np.arange(T - 1)] = 1
    first = np.zeros((T, T)); first[:, 0] = 1
    att[0, 0], att[0, 1], att[0, 2] = prev, first, np.eye(T)
    return att


def test_rows_of_handmade_cases_sum_to_one():
    assert np.allclose(_handmade().sum(-1), 1)


def test_previous_first_self_scores_detect_handmade_heads():
    att = _handmade()
    prev, first, self_ = A.previous_token_score(att), A.first_token_score(att), A.self_score(att)
    assert prev[0, 0] == pytest.approx(1.0) and prev[0, 1] == 0 and prev[1, 0] < 0.5
    assert first[0, 1] == pytest.approx(1.0) and first[0, 0] == 0
    assert self_[0, 2] == pytest.approx(1.0)
    scores = {"previous": prev, "first": first, "self": self_,
              "induction": np.zeros((2, 3)), "name": np.zeros((2, 3))}
    labels, earned = A.label_heads(scores, threshold=0.4)
    assert labels[0] == ["previous", "first", "self"]
    assert labels[1] == ["", "", ""]                  # uniform attention: no clear pattern
    assert earned[0, 0] == pytest.approx(1.0)


def test_induction_and_name_scores_on_handmade_patterns():
    n = 6
    T = 2 * n
    ind = np.zeros((1, 1, T, T))
    for i in range(T):
        ind[0, 0, i, i - n + 1 if i >= n else 0] = 1   # second copy → token after the first occurrence
    assert A.induction_score(ind, n)[0, 0] == pytest.approx(1.0)
    assert A.induction_score(_causal_uniform(T)[None, None], n)[0, 0] < 0.2
    name = np.zeros((1, 2, 5, 5)); name[..., 0] = 1; name[0, 0, -1] = [0, 1, 0, 0, 0]
    assert A.name_score(name, 1).tolist() == [[1.0, 0.0]]


def test_a_specific_pattern_beats_resting_on_the_first_token():
    s = {p: np.zeros((1, 1)) for p in A.PATTERNS}
    s["first"][0, 0], s["name"][0, 0] = 0.9, 0.5
    labels, earned = A.label_heads(s, 0.4)
    assert labels == [["name"]] and earned[0, 0] == 0.5


def test_head_names_round_trip():
    assert A.parse_head(A.head_name(3, 5)) == (3, 5)


def test_head_labels_are_measured_scores_in_unit_interval(bundled_lm):
    lab = A.head_labels(bundled_lm)
    L, H = bundled_lm.config.n_layer, bundled_lm.config.n_head
    for p in A.PATTERNS:
        s = lab["scores"][p]
        assert s.shape == (L, H) and np.isfinite(s).all() and (s >= 0).all() and (s <= 1).all()
    assert all(x in ("",) + A.PATTERNS for row in lab["label"] for x in row)
    df = A.labels_frame(lab)
    assert len(df) == L * H and df["score"].between(0, 1).all()


def test_batched_probe_attention_equals_trace(tiny_lm):
    seqs = [tiny_lm.encode(t) for t in A.PROBE_TEXTS[:3]] + A.random_repeated(tiny_lm, 1)
    for s, att in zip(seqs, A.batch_attention(tiny_lm, seqs)):
        np.testing.assert_allclose(att, tiny_lm.trace(s).attention, atol=1e-6)


def test_head_effects_use_ablation_and_leave_model_unchanged(tiny_lm):
    before = tiny_lm.last_logits(demos.IOI_PROMPT)
    fx = ablation.head_effects(tiny_lm, demos.IOI_PROMPT, "Mary", "John")
    L, H = tiny_lm.config.n_layer, tiny_lm.config.n_head
    assert fx["drop"].shape == (L, H) and np.isfinite(fx["drop"]).all()
    with tiny_lm.ablate(heads=[(L - 1, H - 1)]):
        d = ablation.logit_diff(tiny_lm, demos.IOI_PROMPT, "Mary", "John")
    assert fx["diff"][L - 1, H - 1] == pytest.approx(d, abs=1e-5)
    assert np.array_equal(before, tiny_lm.last_logits(demos.IOI_PROMPT))


def test_name_effects_add_up_to_the_logit_difference(bundled_lm):
    """Each head's direct effect is its share of logit(right) − logit(wrong): the heads' shares, plus the
    same reading of every other part of the final residual stream (embeddings, the attention layers'
    biases, the MLPs) and the final LayerNorm's bias, give the model's real difference."""
    import torch
    lm = bundled_lm
    cases = A.ioi_cases(lm)[:1]
    c = cases[0]
    eff = A.name_effects(lm, cases)
    L = lm.config.n_layer
    rec = lm.record([c["ids"]])
    last = len(c["ids"]) - 1
    resid = rec[f"blocks.{L - 1}.hook_resid_post"][0, last].float()
    scale = torch.sqrt(resid.var(unbiased=False) + lm.config.ln_eps)
    wte, gamma = torch.from_numpy(lm.weight("wte.weight")), torch.from_numpy(lm.weight("ln_f.weight"))
    direction = (wte[c["io"]] - wte[c["s"]]) * gamma

    def read(v):                                   # a part's direct effect, as name_effects reads a head's
        v = v.float()
        return float(((v - v.mean()) / scale * direction).sum())
    rest = read(rec["hook_embed"][0, last] + rec["hook_pos_embed"][0, last])
    for l in range(L):
        rest += read(torch.from_numpy(lm.weight(f"blocks.{l}.attn.proj.bias")))
        rest += read(rec[f"blocks.{l}.hook_mlp_out"][0, last])
    bias = float((torch.from_numpy(lm.weight("ln_f.bias")) * (wte[c["io"]] - wte[c["s"]])).sum())
    z = lm.last_logits(c["ids"])
    assert eff.sum() + rest + bias == pytest.approx(float(z[c["io"]] - z[c["s"]]), abs=1e-3)
    assert A.name_effects(lm, A.ioi_cases(lm)).max() > 1.0     # the bundled model has heads that push the right name


def test_a_head_that_looks_at_the_name_but_pushes_the_wrong_one_is_no_name_mover():
    s = {p: np.zeros((1, 2)) for p in A.PATTERNS}
    s["name"][0] = [0.7, 0.7]
    s["name_effect"] = np.array([[0.8, -0.4]])
    labels, _ = A.label_heads(s, 0.3)
    assert labels == [["name", ""]]
