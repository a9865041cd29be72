"""The ReLU playground's fit and one GPT neuron (explainer/views/neurons.py)."""

import numpy as np
import pandas as pd
import pytest

from explainer.views import neurons as N


@pytest.mark.parametrize("name", ["wave", "step", "bump", "points"])
def test_more_neurons_fit_closer(name):
    x, y = N.target(name)
    loss = {n: N.fit_relu(x, y, n, 2000)["loss"] for n in (1, 4, 32)}
    assert loss[32] < loss[4] <= loss[1] * 1.001
    assert loss[32] < 0.2 * N.best_line(x, y)["loss"]


@pytest.mark.parametrize("name", ["wave", "bump"])
def test_without_the_bend_it_is_the_best_straight_line(name):
    x, y = N.target(name)
    off = N.fit_relu(x, y, 16, 3000, relu=False)
    line = N.best_line(x, y)
    assert off["loss"] == pytest.approx(line["loss"], rel=1e-3)
    np.testing.assert_allclose(off["pred"], line["pred"], atol=1e-2)


def test_pieces_add_up_and_training_lowers_the_error():
    x, y = N.target("wave")
    f = N.fit_relu(x, y, 8, 1500)
    np.testing.assert_allclose(f["pieces"].sum(1) + f["bias"], f["pred"])
    assert f["pieces"].shape == (len(x), 8)
    assert f["history"][-1][1] < f["history"][0][1] and f["history"][-1][0] == 1500
    assert N.fit_relu(x, y, 8, 0)["loss"] == pytest.approx(f["history"][0][1])
    with pytest.raises(ValueError, match="n_neurons must be 1 … 64"):
        N.fit_relu(x, y, 65, 10)
    with pytest.raises(ValueError, match="steps must be 0 … 5000"):
        N.fit_relu(x, y, 4, -1)


def test_user_points_are_cleaned():
    pts = N.clean_points(pd.DataFrame({"x": [0.5, "a", -0.5, 3, 0.5], "y": [1, 2, 0, 0, 9]}))
    assert pts["x"].tolist() == [-0.5, 0.5] and pts["y"].tolist() == [0, 1]
    with pytest.raises(ValueError, match="at least 2 points"):
        N.clean_points(pd.DataFrame({"x": [0.1], "y": [1]}))
    x, y = N.target("points", pd.DataFrame({"x": [-1, 1], "y": [0, 2]}))
    np.testing.assert_allclose(y, x + 1)


def test_a_gpt_neuron_fires_where_it_says(bundled_lm):
    from explainer import corpus
    text = corpus.held_out_text(20_000)
    lm = bundled_lm
    assert N.neuron_count(lm) == {"layers": 6, "per_layer": 768, "total": 4608, "inputs": 192}
    j = N.pick_neuron(lm, 4, text)
    ctx = N.neuron_contexts(lm, 4, j, text, k=5)
    assert len(ctx) == 5 and ctx["activation"].is_monotonic_decreasing
    # the table's top activation is what the model computes at that place
    win = N.probe_windows(lm, text)
    acts = N.mlp_activations(lm, 4, win)[:, :, j]
    assert ctx["activation"].iloc[0] == pytest.approx(float(acts.max()), rel=1e-5)
    with pytest.raises(ValueError, match="layer must be 0 … 5"):
        N.neuron_contexts(lm, 6, 0, text)


def test_neuron_activations_come_through_the_lm(bundled_lm):
    """The neurons chapter reads blocks.{i}.mlp.hook_post through LM.record, so an ablate block
    reaches it: switching neuron j off makes its activations 0, the others stay."""
    lm = bundled_lm
    win = N.probe_windows(lm, "The capital of Poland is Warsaw. " * 40, n=4, length=16)
    acts = N.mlp_activations(lm, 2, win)
    assert acts.shape == (4, 16, lm.config.d_mlp)
    from explainer import Intervention
    off = Intervention.zero(neurons=[(2, 7)])
    rec = lm.record(win.tolist(), off, names=("blocks.2.mlp.hook_post",))
    assert list(rec) == ["blocks.2.mlp.hook_post"]                  # only what was asked for is kept
    got = rec["blocks.2.mlp.hook_post"].numpy()
    assert (got[..., 7] == 0).all() and np.allclose(np.delete(got, 7, -1), np.delete(acts, 7, -1), atol=1e-5)
    assert np.abs(acts[..., 7]).max() > 0


def test_the_chinese_model_is_read_on_chinese_text(bundled_zh_lm):
    """The neuron's strongest places come from held-out text in the language the model reads, and a
    neuron with one clear job is found among Chinese words too (the 4-letter rule alone skipped them)."""
    from explainer.views import neurons as nv
    lm = bundled_zh_lm
    text = nv.probe_text(lm, 60_000)
    assert sum("\u4e00" <= c <= "\u9fff" for c in text) > len(text) / 2
    j = nv.pick_neuron(lm, 2, text)
    ctx = nv.neuron_contexts(lm, 2, j, text)
    tokens = [tok.strip() for tok in ctx["token"]]
    assert all(tokens) and max(tokens.count(w) for w in tokens) >= 4      # one word, most of the top places
    assert any("\u4e00" <= c <= "\u9fff" for c in "".join(ctx["before"]))
