"""The Word-vectors page and explainer.views.vectors, on the bundled model and on the tiny fixture. — explainer/views/vectors.py and its figures."""

import numpy as np
import pytest
from explainer import demos
from explainer.views import vectors as vv
from explainer.embeddings import WordError
from explainer.corpus import RELATIONS
from explainer.embeddings import analogy_accuracy


def test_numbers_match_api(bundled_lm):
    lm = bundled_lm
    a, b, c, _ = demos.ANALOGIES[0]
    view = vv.analogy_view(lm, a, b, c, k=5)
    assert view["answers"] == lm.analogy(a, b, c, k=5)
    pts = view["points"]
    assert pts.loc[pts["role"] == "answer", "word"].iloc[0] == lm.analogy(a, b, c, k=1)[0][0]
    assert np.isfinite(pts[["x", "y"]].to_numpy()).all()
    nb = vv.neighbours_frame(lm, demos.NEIGHBOUR_WORD, 7)
    assert list(nb["word"]) == [w for w, _ in lm.neighbours(demos.NEIGHBOUR_WORD, 7)]
    # analogy scores: scorecard if present, else embeddings.analogy_accuracy
    scores = vv.analogy_scores(lm, None)
    assert scores["word2vec"]["accuracy"] == pytest.approx(analogy_accuracy(lm.space("word2vec"), RELATIONS)["accuracy"])
    card = {"analogy": {"spaces": {"word2vec": {"accuracy": 0.5, "n": 10, "per_relation": {"gender": 0.5}}}}}
    assert vv.analogy_scores(lm, card)["word2vec"]["source"] == "scorecard"
    frame = vv.scores_frame(scores)
    assert not frame["accuracy"].isna().any()
    # the map only holds words of the space
    mp = vv.word_map(lm, "word2vec", list(vv.GROUPS))
    vs = lm.space("word2vec")
    assert all(w in vs for w in mp["word"]) and len(mp) > 5
    assert np.isfinite(mp[["x", "y"]].to_numpy()).all()


def test_context_matches_trace(bundled_lm):
    lm = bundled_lm
    word, sa, sb = demos.CONTEXT_PAIRS[0]
    L = lm.config.n_layer
    cv = vv.context_view(lm, word, (sa, sb), L)
    vecs = []
    for s in (sa, sb):
        ids, cover, _ = vv.word_positions(lm, s, word)
        assert lm.decode([ids[j] for j in cover]).strip() == word
        vecs.append(lm.trace(s).resid[:, cover[-1]])
    A, B = vecs
    want = (A * B).sum(1) / (np.linalg.norm(A, axis=1) * np.linalg.norm(B, axis=1))
    assert cv["cosines"]["cosine"].to_numpy() == pytest.approx(want, abs=1e-5)
    assert len(cv["cosines"]) == L + 1
    assert set(cv["points"]["kind"]) >= {"A", "B"}
    assert np.isfinite(cv["points"][["x", "y"]].to_numpy()).all()
    with pytest.raises(WordError):
        vv.context_view(lm, "dragon", (sa, sb), 1)


def test_map_labels_do_not_overlap(bundled_lm):
    from explainer.plots.vectors import MAP_PLOT_PX, label_mask, word_map_figure
    # two words on the same spot: one label; a word far away keeps its own; priority goes first
    keep = label_mask([0, 0, 10], [0, 0, 10], ["cat", "dog", "sun"], priority=[0, 1, 0])
    assert keep == [False, True, True]
    assert label_mask([], [], []) == []
    # the real map: kept label boxes (same estimate as label_mask) never intersect, and every
    # word is still there for hover
    mp = vv.word_map(bundled_lm, "word2vec", list(vv.DEFAULT_GROUPS), "pca")
    fig = word_map_figure(mp)
    texts = [w for tr in fig.data for w in tr.text]
    hover = [w for tr in fig.data for w in tr.customdata]
    assert sorted(hover) == sorted(mp["word"])
    shown = [w for w in texts if w]
    assert 0 < len(shown) < len(mp)                     # this map is crowded: some are left out
    assert fig.layout.meta["labels_shown"] == len(shown)
    keep = label_mask(mp["x"], mp["y"], mp["word"])
    x, y = mp["x"].to_numpy(), mp["y"].to_numpy()
    px = (x - x.min()) / (x.max() - x.min()) * MAP_PLOT_PX[0]
    py = (y - y.min()) / (y.max() - y.min()) * MAP_PLOT_PX[1]
    boxes = [(px[i] - (6.6 * len(w) + 4) / 2, py[i], px[i] + (6.6 * len(w) + 4) / 2, py[i] + 15)
             for i, w in enumerate(mp["word"]) if keep[i]]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
    everything = word_map_figure(mp, all_labels=True)
    assert all(w for tr in everything.data for w in tr.text)


def test_your_word_is_marked_even_inside_a_group(bundled_lm):
    mp = vv.word_map(bundled_lm, "word2vec", ["animals"], "pca", extra=["cat"])
    rows = mp[mp["word"] == "cat"]
    assert len(rows) == 1 and rows.iloc[0]["group"] == "yours"
    assert len(mp) == len(vv.word_map(bundled_lm, "word2vec", ["animals"], "pca"))


def test_the_chinese_models_map_holds_its_own_words(bundled_zh_lm, bundled_lm):
    """The map's groups in the language the model reads: on the Chinese model each default group
    has Chinese words in its word2vec space (the English lists found none of them there), and the
    English model keeps the English groups."""
    assert vv.groups_of(bundled_zh_lm) is vv.GROUPS_ZH and vv.groups_of(bundled_lm) is vv.GROUPS
    assert vv.GROUPS_ZH.keys() == vv.GROUPS.keys()                    # the same groups to choose from
    vs = bundled_zh_lm.space("word2vec")
    assert not any(w in vs for g in vv.DEFAULT_GROUPS for w in vv.GROUPS[g])
    for g in vv.DEFAULT_GROUPS:
        assert len(vv.group_words(bundled_zh_lm, "word2vec", [g])) >= 7, g
    mp = vv.word_map(bundled_zh_lm, "word2vec", list(vv.DEFAULT_GROUPS), "pca")
    assert len(mp) >= 60 and {"猫", "国王", "女王", "红色"} <= set(mp["word"])
    assert set(mp["group"]) == set(vv.DEFAULT_GROUPS)


def test_the_chinese_context_demo_finds_its_word(bundled_zh_lm):
    """「花」 and 「打」 in two sentences each: the word is found in the sentence as the model reads it
    (cut into words; Chinese has no word boundary between characters for a regular expression), and
    the two hidden states drift apart layer by layer, as on the English model."""
    from explainer import demos
    lm = bundled_zh_lm
    for word, a, b in demos.ZH.CONTEXT_PAIRS:
        for s in (a, b):
            ids, cover, note = vv.word_positions(lm, s, word)
            assert [lm.token_text(ids[j]).strip() for j in cover] == [word] and note == "single"
        v = vv.context_view(lm, word, (a, b), 3)
        cos = list(v["cosines"]["cosine"])
        assert cos[0] > 0.9 and cos[-1] < cos[0] - 0.3, (word, cos)
        # drawn among the sentences' other words (the page said "this model has no context vectors")
        assert (v["points"]["kind"] == "neighbour").sum() >= 5
    with pytest.raises(WordError):
        vv.word_positions(lm, demos.ZH.CONTEXT_PAIRS[0][1], "龙")
