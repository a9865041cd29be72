"""Section 3 (Chinese): word relations in parallel frames (gender, comparative and superlative,
antonyms, negation with 不, plural with 们, country → capital / people / language), so that word2vec
analogy arithmetic works on the segmented text: 国王 − 男人 + 女人 ≈ 女王.
"""

from __future__ import annotations

import random

from ..common import compare_sentences, paired_sentences
from .lexicon import (COMPARE_INFO, COUNTRIES_ZH, GENDER_INFO, NEGATION_INFO, OPPOSITE_INFO,
                      PLURAL_INFO)

# {x} the noun, {pr} 他/她, {mf} 男的/女的, {t} a topic word, {thing} something owned
GENDER_FRAMES = [
    "那个 {x} 说 {pr} 喜欢 {t} 。",
    "那个 {x} 把 {pr} 的 {thing} 忘 在 {t} 了 。",
    "{t} 里 的 人 都 认识 那个 {x} ， 还 向 {pr} 挥手 。",
    "{x} 是 {mf} 。",
    "{pr} 是 一个 {x} 。",
    "{pr} 是 {t} 里 的 {x} 。",
    "那个 {x} 笑 了 ， 因为 {pr} 很 高兴 。",
    "{x} 带 着 {pr} 的 {thing} 去 了 {t} 。",
    "{x} 和 {pr} 的 {thing} 都 在 {t} 。",
    "那个 {x} 告诉 我们 ， {pr} 会 来 {t} 。",
    "我们 问 那个 {x} 关于 {t} 的 事 ， {pr} 回答 了 。",
    "那个 {x} 穿上 外套 ， 离开 了 {t} 。",
    "年轻 的 {x} 看 着 {pr} 的 {thing} 。",
    "那个 {x} 把 {pr} 的 {thing} 送给 了 一个 朋友 。",
    "{t} 里 的 人 都 感谢 那个 {x} 。",
]
GENDER_PAIR = [
    "{a} 和 {b} 都 在 {t} 。",
    "{a} 和 {b} 一起 {v} 。",
    "{a} 是 男的 ， {b} 是 女的 。",
    "他 是 {a} ， 她 是 {b} 。",
    "他 成 了 {a} ， 她 成 了 {b} 。",
    "{b} 和 {a} 聊 起 了 {t} 。",
    "每个 {a} 和 每个 {b} 都 来 了 {t} 。",
    "男性 的 {k} 叫 {a} ， 女性 的 {k} 叫 {b} 。",
    "{a} 是 男人 ， {b} 是 女人 。",
]


def _rel_gender(rng: random.Random) -> str:
    m, f, topics, thing, kind = rng.choice(GENDER_INFO)
    t = rng.choice(topics)
    sents = []
    for _ in range(rng.randint(1, 3)):
        fr = rng.choice(GENDER_FRAMES)
        male = fr.format(x=m, pr="他", mf="男的", t=t, thing=thing)
        female = fr.format(x=f, pr="她", mf="女的", t=t, thing=thing)
        sents += [male, female] if rng.random() < 0.5 else [female, male]
    if rng.random() < 0.7:
        sents.append(rng.choice(GENDER_PAIR).format(a=m, b=f, t=t, k=kind,
                                                   v=rng.choice(["散步", "笑 了", "工作", "吃饭", "唱歌"])))
    return " ".join(sents)


_CMP_BASE = ["{n1} 很 {b} 。", "{n1} 非常 {b} 。", "{n1} 挺 {b} 的 。", "这个 {n1} 真 {b} 。"]
_CMP_COMP = ["{n2} 比 {n1} {c} 。", "但是 {n2} {c} 。", "{n2} 要 比 {n1} {c} 得多 。",
             "和 {n1} 比 ， {n2} {c} 。"]
_CMP_SUP = ["{n3} {s} 。", "{n3} 是 {s} 的 。", "三个 里面 ， {n3} {s} 。", "{n3} 是 它们 当中 {s} 的 。"]
_CMP_EXTRA = [
    "{b} ， {c} ， {s} 。",
    "哪个 {c} ， {n1} 还是 {n2} ？ {n2} {c} 。",
    "哪个 {s} ？ {n3} {s} 。",
    "我 的 {n1} {b} ， 你 的 {n2} {c} ， 他 的 {n3} {s} 。",
    "一个 {b} ， 一个 {c} ， 一个 {s} 。",
]


def _rel_compare(rng: random.Random) -> str:
    b, c, s, (n1, n2, n3) = rng.choice(COMPARE_INFO)
    ctx = dict(b=b, c=c, s=s, n1=n1, n2=n2, n3=n3)
    sents = compare_sentences(rng, _CMP_BASE, _CMP_COMP, _CMP_SUP, _CMP_EXTRA)
    return " ".join(x.format_map(ctx) for x in sents)


# antonyms and negations share the frames: (sentence with {a}, the same with {b})
_OPP_FRAMES = [
    ("这个 {t} 不是 {b} 的 ， 是 {a} 的 。", "这个 {t} 不是 {a} 的 ， 是 {b} 的 。"),
    ("这个 {t} 很 {a} 。", "那个 {t} 很 {b} 。"),
    ("我们 希望 {t} 是 {a} 的 。", "我们 担心 {t} 是 {b} 的 。"),
    ("他 觉得 {t} 很 {a} 。", "她 觉得 {t} 很 {b} 。"),
    ("昨天 的 {t} 很 {a} 。", "今天 的 {t} 很 {b} 。"),
    ("是 的 ， {t} 很 {a} 。", "不 ， {t} 很 {b} 。"),
]
_OPP_PAIR = [
    "{a} 的 反义词 是 {b} 。",
    "{b} 的 反义词 是 {a} 。",
    "{a} 和 {b} 的 意思 相反 。",
    "这个 {t} 是 {a} 的 还是 {b} 的 ？",
]


def _rel_opposite(rng: random.Random, info) -> str:
    a, b, topics = rng.choice(info)
    ctx = dict(a=a, b=b, t=rng.choice(topics))
    return " ".join(paired_sentences(rng, _OPP_FRAMES, _OPP_PAIR, ctx))


_PLURAL_FRAMES = [
    ("{s} 在 {t} 。", "{p} 都 在 {t} 。"),
    ("那个 {s} 笑 了 。", "{p} 都 笑 了 。"),
    ("{s} 来 了 。", "{p} 也 来 了 。"),
    ("我 看见 {s} 在 {t} 。", "我 看见 {p} 在 {t} 。"),
    ("{s} 累 了 。", "{p} 都 累 了 。"),
]
_PRONOUN_FRAMES = [
    ("{s} 在 {t} 。", "{p} 都 在 {t} 。"),
    ("{s} 很 高兴 。", "{p} 都 很 高兴 。"),
    ("{s} 去 了 公园 。", "{p} 一起 去 了 公园 。"),
]


def _rel_plural(rng: random.Random) -> str:
    s, p, t = rng.choice(PLURAL_INFO)
    frames = _PRONOUN_FRAMES if len(s) == 1 else _PLURAL_FRAMES
    sents = []
    for _ in range(rng.randint(1, 2)):
        x, y = rng.choice(frames)
        sents += [x.format(s=s, p=p, t=t), y.format(s=s, p=p, t=t)]
    return " ".join(sents)


def _rel_country(rng: random.Random) -> str:
    """country → capital / people / language, side by side for several countries."""
    cs = rng.sample(COUNTRIES_ZH, rng.randint(2, 4))
    kind = rng.randrange(4)
    if kind == 0:
        return " ".join(f"{c.name} 的 首都 是 {c.capital} 。" for c in cs)
    if kind == 1:
        return " ".join(f"{c.name} ， {c.capital} 。" for c in cs)
    if kind == 2:
        return " ".join(f"{c.people} 来自 {c.name} 。" for c in cs)
    return " ".join(f"{c.name} 人 说 {c.language} 。" for c in cs)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else " 、 ".join(items[:-1]) + " 和 " + items[-1]


def _rel_list(rng: random.Random) -> str:
    """Several pairs of one relation side by side."""
    kind = rng.choice(["gender", "gender", "compare", "opposite", "negation", "country"])
    k = rng.randint(2, 4)
    if kind == "gender":
        items = rng.sample(GENDER_INFO, k)
        ms, fs = [x[0] for x in items], [x[1] for x in items]
        fr = rng.randrange(3)
        if fr == 0:
            return f"{_join(ms)} 都 是 男的 。 {_join(fs)} 都 是 女的 。"
        if fr == 1:
            return " ".join(f"他 是 {m} ， 她 是 {f} 。" for m, f in zip(ms, fs))
        return " ".join(f"{m} ， {f} 。" for m, f in zip(ms, fs))
    if kind == "compare":
        items = rng.sample(COMPARE_INFO, min(k, 3))
        if rng.random() < 0.5:
            return " ".join(f"{b} ， {c} ， {s} 。" for b, c, s, _ in items)
        return (f"第一个 {_join([x[0] for x in items])} 。 第二个 {_join([x[1] for x in items])} 。 "
                f"第三个 {_join([x[2] for x in items])} 。")
    if kind in ("opposite", "negation"):
        items = rng.sample(OPPOSITE_INFO if kind == "opposite" else NEGATION_INFO, k)
        if rng.random() < 0.5:
            return " ".join(f"不是 {a} ， 是 {b} 。" for a, b, _ in items)
        return " ".join(f"{a} 的 反义词 是 {b} 。" for a, b, _ in items)
    return _rel_country(rng)


def paragraph(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.30:
        return _rel_gender(rng)
    if r < 0.48:
        return _rel_compare(rng)
    if r < 0.58:
        return _rel_opposite(rng, OPPOSITE_INFO)
    if r < 0.68:
        return _rel_opposite(rng, NEGATION_INFO)
    if r < 0.76:
        return _rel_plural(rng)
    if r < 0.84:
        return _rel_country(rng)
    return _rel_list(rng)
