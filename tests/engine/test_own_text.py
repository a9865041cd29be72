"""Any own text that is accepted trains: one long line, the shortest text allowed, a language
without Latin letters; a text too repetitive to learn from is refused before a job starts."""

import itertools

import pytest

from explainer import corpus
from explainer.checkpoint import read_config
from explainer.embeddings import W2V_VECTORS
from explainer.train import (MAX_TEXT_BYTES, MIN_TEXT_CHARS, TextError, check_text, split_text, train)

RUSSIAN = ("Кошка спала на тёплом окне, пока за стеклом шёл дождь. Утром мальчик нашёл в саду маленького ежа. "
           "Бабушка испекла пирог с яблоками и позвала соседей. Поезд ушёл в полночь, и вокзал опустел. "
           "Река замёрзла рано, и дети катались на коньках до темноты. Учитель показал классу старую карту. "
           "В лесу пахло грибами и мокрой хвоей. Сестра написала письмо другу из далёкого города. ")


@pytest.fixture(scope="module")
def stories():
    return corpus.generate_corpus(2_100_000, seed=3)


def test_one_long_line_is_split_with_a_tenth_held_out(stories):
    line = stories.replace("\n", " ")[: MAX_TEXT_BYTES - 10]
    assert "\n" not in check_text(line)
    train_part, held_out = split_text(line)
    assert train_part + held_out == line
    assert 0.09 <= len(held_out) / len(line) <= 0.11
    no_spaces = "猫在窗边睡觉外面下着雨早上男孩在花园里发现了一只小刺猬" * 200
    a, b = split_text(no_spaces)
    assert a + b == no_spaces and len(b) >= 0.1 * len(no_spaces) - 1


@pytest.mark.parametrize("text, why", [("a" * 50_000, "only 1 words and signs"),
                                       ("好" * 3_000, "only 1 words and signs"),
                                       ("short", f"at least {MIN_TEXT_CHARS:,}")])
def test_a_text_too_repetitive_or_short_is_refused_with_the_reason(text, why):
    with pytest.raises(TextError, match=why):
        check_text(text, "notes.txt")


def test_texts_that_train_are_accepted(stories):
    for text in (stories[:200_000], RUSSIAN * 6, "Twinkle twinkle little star, how I wonder what you are.\n" * 400,
                 "猫在窗边睡觉，外面下着雨。早上，男孩在花园里发现了一只小刺猬。" * 100):
        check_text(text)


CHINESE = ("猫在窗边睡觉，外面下着雨。早上，男孩在花园里发现了一只小刺猬。奶奶烤了一个苹果派，请邻居们来吃。"
           "火车半夜开走了，车站变得很安静。河水很早就结冰了，孩子们一直滑冰到天黑。老师给全班看了一张旧地图。"
           "树林里有蘑菇和湿松针的味道。姐姐给远方城市的朋友写了一封信。")


@pytest.mark.training
@pytest.mark.parametrize("kind", ["one line", "shortest", "russian", "chinese", "few words"])
def test_an_accepted_text_trains(kind, stories, tmp_path):
    """Every accepted text trains to a model that loads and continues a prompt; word vectors come
    from words in any script (Chinese without spaces: its characters), and a text whose words are
    too rare for word2vec skips it with a message saying so — never gensim's "you must first build
    vocabulary"."""
    import explainer
    text = {"one line": stories.replace("\n", " ")[:300_000],
            "shortest": stories[:MIN_TEXT_CHARS + 20],
            "russian": RUSSIAN * 6,
            "chinese": CHINESE * 20,
            "few words": " ".join("".join(w) for w in itertools.islice(itertools.product("bdfgklmnprst", "aeiou", "bdfgklmnprst"), 700))}[kind]
    logs = []
    out = train("live", tmp_path / "run", text=check_text(text), steps=3, precision="fp32", progress=False,
                log=logs.append, compile="off")
    assert read_config(out)[1]["step"] == 3
    lm = explainer.load(out)
    assert len(lm.next_token(text[:40], k=3)) == 3
    if kind == "few words":                     # 700 words, each once: nothing for word2vec to learn
        assert not (out / W2V_VECTORS).exists()
        assert any("word2vec: skipped — only 0 of its" in m and "distinct words occurs 5 times" in m for m in logs)
    else:
        assert (out / W2V_VECTORS).exists()
        probe = {"russian": "дождь", "chinese": "猫"}.get(kind)
        if probe:
            assert lm.neighbours(probe, k=3)
    if kind == "chinese":                       # no word follows a space: no context vectors, said so
        assert any("context vectors: skipped" in m for m in logs)
