"""Section 5 (Chinese): in-context facts about made-up places
(「佐尔维亚 的 首都 是 泰塞港 。 问 ： 佐尔维亚 的 首都 是 哪里 ？ 答 ： 泰塞港」).
"""

from __future__ import annotations

import random

from ..common import stated_facts
from .lexicon import COUNTRIES_ZH, FOODS
from .world import country_ctx, qa_line

_SYL = ["佐", "泰", "玛", "文", "基", "巴", "多", "芬", "加", "洛", "米", "诺", "佩", "昆", "拉",
        "索", "塔", "沃", "叶", "布", "卡", "达", "法", "哈", "乔", "凯", "莫", "纳", "奥", "帕",
        "塞", "托", "乌", "瓦", "温", "赞", "贝", "科", "埃", "戈"]
_MID = ["尔", "里", "维", "拉", "诺", "罗", "萨", "西", "特", "克"]
_COUNTRY_END = ["尼亚", "利亚", "兰", "斯坦", "维亚", "多尔", "马克", "西亚", "拉", "提亚", "加德"]
_CITY_END = ["港", "堡", "城", "镇", "尔", "斯", "顿", "林"]
_LANG_END = ["语"]
_RIVER_END = ["河", "江"]
_RESERVED = {w for c in COUNTRIES_ZH for w in (c.name, c.capital, c.people, c.language)}


def _fake(rng: random.Random, ends: list[str]) -> str:
    while True:
        w = rng.choice(_SYL)
        if rng.random() < 0.7:
            w += rng.choice(_MID)
        w += rng.choice(ends)
        if w not in _RESERVED and len(w) >= 2:
            return w


_STATE = {
    "capital": ["{c} 的 首都 是 {cap} 。", "{cap} 是 {c} 的 首都 。"],
    "language": ["在 {c} ， 人们 说 {lang} 。", "{c} 的 主要 语言 是 {lang} 。"],
    "river": ["流过 {c} 的 大河 叫 {river} 。", "{river} 是 {c} 最 长 的 河 。"],
    "food": ["{c} 最 有名 的 菜 是 {food} 。", "{c} 人 最 爱 吃 {food} 。"],
    "animal": ["{c} 的 国宝 是 {animal} 。", "{animal} 是 {c} 的 国宝 。"],
}
_ASK = {
    "capital": ("问 ： {c} 的 首都 是 哪里 ？ 答 ：", "cap"),
    "language": ("问 ： {c} 人 说 什么 语言 ？ 答 ：", "lang"),
    "river": ("问 ： {c} 最 长 的 河 叫 什么 ？ 答 ：", "river"),
    "food": ("问 ： {c} 最 有名 的 菜 是 什么 ？ 答 ：", "food"),
    "animal": ("问 ： {c} 的 国宝 是 什么 ？ 答 ：", "animal"),
}
_ANIMALS = ["熊", "老鹰", "狼", "狐狸", "猫头鹰", "鹿", "狮子", "老虎", "天鹅", "海豚", "水獭", "熊猫"]


def _ctx(rng: random.Random) -> dict:
    return dict(c=_fake(rng, _COUNTRY_END), cap=_fake(rng, _CITY_END), lang=_fake(rng, _LANG_END),
                river=_fake(rng, _RIVER_END), food=rng.choice(FOODS), animal=rng.choice(_ANIMALS))


def paragraph(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        ctx = _ctx(rng)
        kinds, facts = stated_facts(rng, _STATE, ctx)
        q, key = _ASK[rng.choice(kinds)]
        return " ".join(facts) + "\n" + q.format_map(ctx) + " " + ctx[key]
    if r < 0.8:
        c1, c2 = _ctx(rng), _ctx(rng)
        kind = "capital" if rng.random() < 0.7 else rng.choice(sorted(_STATE))
        f1 = rng.choice(_STATE[kind]).format_map(c1)
        f2 = rng.choice(_STATE[kind]).format_map(c2)
        target = c1 if rng.random() < 0.5 else c2
        q, key = _ASK[kind]
        return f1 + " " + f2 + "\n" + q.format_map(target) + " " + target[key]
    c = rng.choice(COUNTRIES_ZH)
    ctx = country_ctx(rng, c)
    kind = rng.choice(["capital", "capital", "language", "people"])
    fact = {"capital": "{country} 的 首都 是 {cap} 。", "language": "{country} 的 官方 语言 是 {lang} 。",
            "people": "来自 {country} 的 人 是 {people} 。"}[kind]
    return fact.format_map(ctx) + "\n" + qa_line(rng, c, kind)
