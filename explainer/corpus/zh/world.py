"""Section 2 (Chinese): world facts about real countries (capital, people, language) and Q/A lines
(「问：波兰的首都是哪里？答：华沙」), with several paraphrases of each question.

``CAPITAL_EVAL_QUESTIONS_ZH`` are question shapes the generator never writes, for measuring the
capital fact on wording the model has not seen.
"""

from __future__ import annotations

import random

from .. import common
from .lexicon import COUNTRIES_ZH, CountryZh, add_person

_CAPITAL_SENT = [
    "{country} 的 首都 是 {cap} 。",
    "{cap} 是 {country} 的 首都 。",
    "{country} 的 首都 叫 {cap} 。",
    "{cap} 是 {country} 的 首都 ， 也 是 一座 大城市 。",
    "{cap} 位于 {country} 。",
    "{country} 的 政府 设 在 {cap} 。",
    "去 {country} 旅行 的 人 常常 会 去 {cap} 看看 。",
    "{country} 是 一个 国家 ， 它 的 首都 是 {cap} 。",
    "{cap} 这座 城市 是 {country} 的 首都 。",
    "坐 飞机 去 {country} ， 常常 会 降落 在 {cap} 。",
    "很多 住 在 {country} 的 人 都 去过 {cap} 。",
    "{country} 最 重要 的 城市 之一 是 首都 {cap} 。",
    "{cap} 在 {country} ， 是 {country} 的 首都 。",
    "说到 {country} 的 首都 ， 就是 {cap} 。",
]

_PEOPLE_SENT = [
    "来自 {country} 的 人 是 {people} 。",
    "{people} 来自 {country} 。",
    "在 {country} 出生 的 人 是 {people} 。",
    "{country} 是 {people} 的 国家 。",
    "大多数 {people} 住 在 {country} 。",
    "{name} 来自 {country} ， 所以 {h} 是 {people} 。",
    "{name} 出生 在 {country} ， {h} 是 {people} 。",
    "{name} 是 {people} ， {h} 的 家 在 {country} 。",
    "很多 {people} 住 在 首都 {cap} 。",
]

_LANG_SENT = [
    "在 {country} ， 人们 说 {lang} 。",
    "{country} 人 说 {lang} 。",
    "{people} 说 {lang} 。",
    "{country} 的 官方 语言 是 {lang} 。",
    "{country} 的 主要 语言 是 {lang} 。",
    "{lang} 是 {country} 的 主要 语言 。",
    "去 {country} 的话 ， 你 会 听到 {lang} 。",
    "大多数 {people} 会 说 {lang} 。",
    "{name} 是 {people} ， {h} 说 {lang} 。",
]

# (question, answer key): the answer follows 「答：」 directly
QA_FORMS = {
    "capital": [
        ("问 ： {country} 的 首都 是 哪里 ？ 答 ：", "cap"),
        ("问 ： {country} 的 首都 是 哪座 城市 ？ 答 ：", "cap"),
        ("问 ： {country} 的 首都 叫 什么 ？ 答 ：", "cap"),
        ("问 ： 哪座 城市 是 {country} 的 首都 ？ 答 ：", "cap"),
        ("问 ： {country} 的 首都 在 哪儿 ？ 答 ：", "cap"),
    ],
    "capital_rev": [
        ("问 ： {cap} 是 哪个 国家 的 首都 ？ 答 ：", "country"),
        ("问 ： 哪个 国家 的 首都 是 {cap} ？ 答 ：", "country"),
    ],
    "people": [
        ("问 ： 来自 {country} 的 人 叫 什么 ？ 答 ：", "people"),
        ("问 ： {country} 的 人 叫 什么 人 ？ 答 ：", "people"),
    ],
    "language": [
        ("问 ： {country} 人 说 什么 语言 ？ 答 ：", "lang"),
        ("问 ： {country} 的 官方 语言 是 什么 ？ 答 ：", "lang"),
        ("问 ： 在 {country} ， 人们 说 什么 语言 ？ 答 ：", "lang"),
    ],
    "people_rev": [("问 ： {people} 来自 哪个 国家 ？ 答 ：", "country")],
}

# Held out: never written by the generator (tests/engine/test_corpus_zh.py checks). Plain text,
# each ends right before the answer (the capital).
CAPITAL_EVAL_QUESTIONS_ZH: list[str] = [
    "问：请告诉我{country}的首都。答：",
    "问：你知道{country}的首都吗？答：",
    "问：{country}这个国家的首都是？答：",
    "问：要是去{country}的首都，该去哪座城市？答：",
]


def country_ctx(rng: random.Random, c: CountryZh) -> dict:
    ctx = {"country": c.name, "cap": c.capital, "people": c.people, "lang": c.language}
    add_person(rng, "", ctx)
    ctx["name"] = ctx[""]
    return ctx


def qa_line(rng: random.Random, c: CountryZh, kind: str) -> str:
    return common.qa_line(rng, QA_FORMS[kind], lambda: country_ctx(rng, c))


def _qa_kind(rng: random.Random) -> str:
    return common.pick(rng, [(0.55, "capital"), (0.65, "capital_rev"), (0.78, "people"), (0.95, "language")],
                       "people_rev")


def paragraph(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        # a few sentences about one country
        c = rng.choice(COUNTRIES_ZH)
        ctx = country_ctx(rng, c)
        pools = [_CAPITAL_SENT, _PEOPLE_SENT, _LANG_SENT, _CAPITAL_SENT, _PEOPLE_SENT]
        rng.shuffle(pools)
        text = " ".join(rng.choice(pool) for pool in pools[: rng.randint(3, 5)]).format_map(ctx)
        if rng.random() < 0.35:
            text += "\n" + qa_line(rng, c, _qa_kind(rng))
        return text
    if r < 0.6:
        # several countries in one parallel frame
        cs = rng.sample(COUNTRIES_ZH, rng.randint(2, 4))
        tmpl = rng.choice(rng.choice([_CAPITAL_SENT, _CAPITAL_SENT, _PEOPLE_SENT, _LANG_SENT]))
        return " ".join(tmpl.format_map(country_ctx(rng, c)) for c in cs)
    if r < 0.72:
        return qa_line(rng, rng.choice(COUNTRIES_ZH), _qa_kind(rng))
    # 2-4 Q/A pairs, one per line (mostly) or run on after 「。」
    kind = _qa_kind(rng) if rng.random() < 0.5 else "capital"
    cs = rng.sample(COUNTRIES_ZH, rng.randint(2, 4))
    sep = "\n" if rng.random() < 0.7 else " 。 "
    return sep.join(qa_line(rng, c, kind) for c in cs)
