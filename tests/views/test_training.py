

def test_next_words_are_apart_by_a_bar_not_the_space_dot():
    """The dot marks a token's leading space, so the words of the list are apart by a bar."""
    from explainer.views.training import next_words_frame
    f = next_words_frame({"我喜欢在咖啡里加奶和": [(" 糖", 0.99), (" 见面", 0.004)]})
    assert f["top"].iloc[0] == "·糖 99%  |  ·见面 0%"
