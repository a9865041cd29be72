"""The sampling page, on the bundled model and on the tiny fixture model. — explainer/views/sampling.py and its figures."""

import numpy as np
import pytest
from explainer import demos, sampling
from explainer.views import sampling as sv
from explainer.plots.sampling import distribution_bars, temperature_histogram


LABELS = {k: k for k in ("x", "y", "before", "after", "cut", "chosen")}


@pytest.mark.parametrize("T, k, p, named", [(1e9, None, None, "temperature"), (float("nan"), None, None, "temperature"),
                                            (-3.0, 0, 0.5, "temperature"), (1.0, 0, 2.0, "top_p"),
                                            (1.0, -1, None, "top_k"), (1.0, 2.5, None, "top_k")])
def test_out_of_range_settings_are_refused_by_name(bundled_lm, T, k, p, named):
    """One check at the edge (sampling.check_settings): a value out of range is refused with the
    setting's name and range, never silently clipped."""
    from explainer import InputError
    logits = bundled_lm.last_logits(demos.COFFEE_PROMPT)
    with pytest.raises(InputError, match=f"^{named} must be"):
        sv.distribution(logits, T, k, p)
    with pytest.raises(InputError, match=f"^{named} must be"):
        sv.distribution_view(bundled_lm, logits, T, k, p)


@pytest.mark.parametrize("T, k, p", [(0.0, None, None), (1.0, 1, None), (1.0, None, 0.0),
                                     (100.0, None, None), (0.0, 0, 1.0), (0.7, 5, 0.5)])
def test_distribution_edge_values(bundled_lm, T, k, p):
    logits = bundled_lm.last_logits(demos.COFFEE_PROMPT)
    p_T, final = sv.distribution(logits, T, k, p)
    for a in (p_T, final):
        assert np.isfinite(a).all() and a.sum() == pytest.approx(1.0) and (a >= 0).all()
    top = int(np.argmax(logits))
    if T == 0 or k == 1 or p == 0.0 or T < 0:
        assert final[top] == pytest.approx(1.0)                     # the single top token
    if T >= 100:
        assert p_T.max() < 0.05 and np.isfinite(p_T).all()         # nearly flat, still finite
    view = sv.distribution_view(bundled_lm, logits, T, k, p)
    f = view["frame"]
    assert len(f) == sv.N_BARS and list(f["id"][:1]) == [top]
    assert view["n_kept"] == int((final > 0).sum())
    assert f["kept"].iloc[: view["cut"]].all() and not f["kept"].iloc[view["cut"]:].any()
    fig = distribution_bars(view, LABELS)
    assert np.isfinite(np.asarray(fig.data[0].y, dtype=float)).all()
    assert np.isfinite(np.asarray(fig.data[1].y, dtype=float)).all()


def test_sampling_functions(bundled_lm):
    lm = bundled_lm
    logits = lm.last_logits(demos.COFFEE_PROMPT)
    a = [sv.sample_next(logits, np.random.default_rng(7), 0.8, None, 0.9)[0] for _ in range(2)]
    assert a[0] == a[1]                                             # same seed, same token
    nxt, dist = sv.sample_next(logits, np.random.default_rng(0), 0.0)
    assert nxt == int(np.argmax(logits)) and dist[nxt] == 1.0       # T = 0 is greedy
    view = sv.distribution_view(lm, logits, 1.0, chosen=int(np.argmin(logits)))
    assert len(view["frame"]) == sv.N_BARS + 1 and view["frame"]["chosen"].iloc[-1]
    rep = sv.repetition_run(lm, demos.STORY_PROMPT, 30, 0.8, seed=1)
    for r in rep.values():
        assert len(r["ids"]) == 30 == len(r["mask"])
        assert r["share"] == sampling.repeated_ngram_share(r["ids"])
    assert rep["greedy"]["ids"] == lm.generate_ids(demos.STORY_PROMPT, 30, temperature=0, stop_at_eot=False)
    html = sv.highlight_html(["<b>", "x"], [True, False])
    assert "&lt;b&gt;" in html and "<b>" not in html
    h = sv.temperature_samples(lm, logits, seed=3)
    cols = [f"T={T:g}" for T in sv.TEMPERATURES]
    assert all((h[c].sum() == 100) for c in cols)
    assert temperature_histogram(h, cols, {"x": "x", "y": "y"}).data
