"""Section 4 (Chinese): indirect object identification (IOI) sentences and pronoun resolution, and
the templates kept out of the corpus for evaluation (``IOI_EVAL_TEMPLATES_ZH``,
``make_ioi_cases_zh``).

「小明 和 小红 去 了 商店 ， 小明 把 一杯 饮料 给 了」→ 小红: the answer is the name mentioned once.
Placeholders: {A} {B} the two names in order of mention, {S} the subject (the repeated name),
{place}, {obj} 饮料, {cobj} 一杯 饮料, {tobj} 那杯 饮料, {day}. The answer follows the template
directly (no space in the plain text).
"""

from __future__ import annotations

import random
import re

from ..common import ioi_cases, ioi_names
from .lexicon import DAYS, JOBS, PETS, PLACES_ZH, add_person, obj_ctx, plain, tidy

IOI_TRAIN_TEMPLATES_ZH: list[str] = [
    "{A} 和 {B} 去 了 {place} ， {S} 把 {cobj} 给 了",
    "{A} 和 {B} 去 了 {place} ， {S} 把 {tobj} 给 了",
    "{A} 和 {B} 去 {place} 的 时候 ， {S} 给 了",
    "{A} 和 {B} 到 了 {place} 以后 ， {S} 把 {cobj} 递给 了",
    "{A} 和 {B} 在 {place} 工作 的 时候 ， {S} 把 {cobj} 送给 了",
    "{A} 和 {B} 去 了 {place} 。 {S} 把 {cobj} 交给 了",
    "{A} 和 {B} 在 {place} 待 了 一整天 。 {S} 给 了",
    "{A} 和 {B} 在 {place} 找到 了 {cobj} 。 {S} 把 它 给 了",
    "{A} 和 {B} 在 {place} 买 了 {cobj} ， {S} 决定 把 它 送给",
    "吃 完 午饭 ， {A} 和 {B} 去 了 {place} 。 {S} 把 {cobj} 给 了",
    "{A} 和 {B} 在 {place} 。 {S} 把 {cobj} 递给 了",
    "{A} 和 {B} 在 {place} 见面 的 时候 ， {S} 把 {tobj} 交给 了",
    "{A} 和 {B} 离开 {place} 以后 ， {S} 把 {cobj} 递给 了",
    "{A} 和 {B} 坐 在 {place} 里 。 {S} 把 {tobj} 传给 了",
    "{A} 和 {B} 从 {place} 回来 了 ， {S} 给",
    "{A} 和 {B} 在 {place} 的 时候 ， {S} 把 {tobj} 带给 了",
    "{A} 和 {B} 参观 了 {place} 。 然后 {S} 把 {cobj} 寄给 了",
    "{A} 和 {B} 参观 完 {place} 以后 ， {S} 给",
    "{A} 和 {B} 走 到 {place} 的 时候 ， {S} 把 {tobj} 拿给",
    "{A} 和 {B} 到 {place} 的 时候 ， 那里 很 安静 。 {S} 把 {cobj} 给 了",
    "早上 ， {A} 和 {B} 去 了 {place} 。 {S} 把 {cobj} 给 了",
    "{day} ， {A} 和 {B} 去 了 {place} ， {S} 把 {cobj} 给 了",
    "{A} 和 {B} 在 {place} 玩 得 很 开心 。 后来 ， {S} 把 {cobj} 给 了",
    "{A} 和 {B} 从 {place} 回到 家 ， {S} 把 {cobj} 给 了",
    "{A} 和 {B} 饿 了 ， 就 去 了 {place} 。 {S} 把 {cobj} 递给 了",
    "{A} 和 {B} 在 {place} 下班 以后 ， {S} 跟",
    "{A} 和 {B} 去 {place} 的 时候 ， {S} 向",
    "{A} 和 {B} 去 了 {place} 。 {S} 生气 地 冲着",
    "{A} 和 {B} 在 {place} 坐下 的 时候 ， {S} 对",
    "{A} 和 {B} 在 {place} 玩 。 {S} 把 球 传给 了",
    "{A} 和 {B} 去 了 {place} ， {S} 给",
    "{A} 和 {B} 在 {place} 买 东西 ， {S} 给",
    "{A} 和 {B} 在 {place} 的 时候 ， {S} 为",
    "{A} 和 {B} 在 {place} 见 了 面 。 {S} 给",
    "{A} 和 {B} 在 {place} 做 了 晚饭 ， {S} 把 饭 端给 了",
    "{A} 和 {B} 打扫 完 {place} 以后 ， {S} 把 {cobj} 给 了",
    "{A} 和 {B} 一起 去 了 {place} 。 {S} 把 {cobj} 给 了",
    "{place} 开门 了 ， {A} 和 {B} 走 了 进去 ， {S} 把 {cobj} 给 了",
    "{A} 和 {B} 冒 着 雨 走 到 {place} 。 {S} 把 {cobj} 给 了",
    "昨天 {A} 和 {B} 去 了 {place} 。 {S} 把 {cobj} 递给 了",
    "{A} 在 {place} 遇到 了 {B} ， {S} 把 {cobj} 给 了",
    "{A} 在 {place} 看见 了 {B} 。 {S} 把 {tobj} 送给 了",
]

# Never written by the generator: other verbs (借给 卖给 扔给 塞给 抛给 转交给 推给 分给 还给),
# other links (一…就, 刚…就, 趁, 虽然…但是, 因为…所以, 等…之后, 既然, 临…前) and other shapes.
# tests/engine/test_corpus_zh.py checks that none of them, nor any of these verbs, is in a corpus.
IOI_EVAL_TEMPLATES_ZH: list[str] = [
    "{A} 和 {B} 一 走进 {place} ， {S} 就 把 {tobj} 扔给 了",
    "{A} 和 {B} 刚 到 {place} ， {S} 就 把 {cobj} 借给 了",
    "趁 {A} 和 {B} 都 在 {place} ， {S} 把 {cobj} 卖给 了",
    "{A} 在 {place} 碰见 了 {B} 。 过 了 一个 星期 ， {S} 把 {cobj} 寄还给 了",
    "{place} 里 挤满 了 人 ， {A} 和 {B} 挤 了 进去 ， 于是 {S} 把 {tobj} 还给 了",
    "虽然 {A} 和 {B} 在 {place} 忙 了 一上午 ， 但是 {S} 最后 把 {cobj} 卖给 了",
    "因为 {A} 和 {B} 在 {place} 觉得 无聊 ， 所以 {S} 把 {cobj} 抛给 了",
    "{A} 和 {B} 在 去 {place} 的 路上 聊 了 很 久 ， 接着 {S} 把 {cobj} 转交给 了",
    "等 {A} 和 {B} 离开 {place} 之后 ， {S} 悄悄 把 {tobj} 塞给 了",
    "{A} 在 {place} 坐 在 {B} 旁边 ， 过 了 一会儿 ， {S} 把 {cobj} 推给 了",
    "{A} 跟 {B} 一块儿 收拾 了 {place} ， 收拾 完 ， {S} 把 {cobj} 分给 了",
    "临 走 出 {place} 前 ， {A} 和 {B} 停 了 下来 ， {S} 把 {tobj} 借给 了",
    "{A} 和 {B} 赶到 {place} 时 正 下着 大雪 ， {S} 把 {cobj} 扔给 了",
    "既然 {A} 和 {B} 都 在 {place} ， {S} 就 把 {cobj} 还给 了",
]
IOI_EVAL_VERBS_ZH = ["借给", "卖给", "扔给", "塞给", "抛给", "转交给", "推给", "分给", "还给"]


# A third held-out set, written on 2026-12-05 before any model was tried on it, and never used to
# choose anything (docs/experiments/name-test-held-out.md): the two sets above were looked at while
# the grammar was changed, so they are a development set now. Verbs of giving the corpus uses; shapes
# it never has (tests/engine/test_corpus_zh.py).
IOI_FRESH_TEMPLATES_ZH: list[str] = [
    "{A} 和 {B} 在 {place} 门口 碰 了 头 ， 寒暄 了 几句 ， {S} 顺便 把 {cobj} 递给 了",
    "{A} 请 {B} 去 {place} 吃饭 ， 饭后 {S} 把 {tobj} 送给 了",
    "{A} 和 {B} 在 {place} 碰到 一起 ， 两个 人 都 很 意外 。 {S} 把 {cobj} 交给 了",
    "那天 {A} 和 {B} 很 早 就 到 了 {place} ， 等 了 半天 ， {S} 才 把 {tobj} 拿给 了",
    "{A} 打 电话 约 {B} 去 {place} ， 见面 后 {S} 把 {cobj} 带给 了",
    "到 了 {place} 以后 ， {A} 和 {B} 先 喝 了 杯 水 ， 然后 {S} 把 {cobj} 递给 了",
    "{A} 在 {place} 帮 {B} 搬 了 一下午 的 箱子 ， 傍晚 {S} 把 {tobj} 交给 了",
    "{A} 和 {B} 约 在 {place} 见面 ， 可是 {S} 迟到 了 ， 一 到 就 把 {cobj} 送给 了",
    "{A} 和 {B} 在 {place} 拍 了 很多 照片 ， 回来 的 路上 {S} 把 {tobj} 传给 了",
    "走 进 {place} 的 时候 ， {A} 正好 碰见 {B} ， {S} 把 {cobj} 递给 了",
    "{A} 和 {B} 都 是 第一 次 来 {place} ， {S} 有点 紧张 ， 就 把 {tobj} 交给 了",
    "{A} 和 {B} 在 {place} 过 了 一个 愉快 的 下午 ， 分手 的 时候 {S} 把 {cobj} 送给 了",
]


# A fourth held-out set, written on 2026-12-05 at 19:35, before the run it was written for (the
# bundled model continued on the story grammar, docs/experiments/name-test-held-out.md) and before any
# model was tried on it: the third set above had gated seven runs by then. Verbs of giving the corpus
# uses; shapes it never has (tests/engine/test_corpus_zh.py).
IOI_LATE_TEMPLATES_ZH: list[str] = [
    "{A} 和 {B} 在 {place} 躲 了 一阵 雨 ， 雨 停 后 {S} 把 {cobj} 递给 了",
    "上 周末 {A} 陪 {B} 逛 了 {place} ， 逛 累 了 ， {S} 把 {tobj} 送给 了",
    "{A} 和 {B} 在 {place} 吵 了 一架 ， 第二天 {S} 主动 把 {cobj} 送给 了",
    "{place} 快 关门 了 ， {A} 和 {B} 还 没 走 ， {S} 把 {tobj} 交给 了",
    "{A} 和 {B} 在 {place} 复习 了 一整天 ， 考 完 试 ， {S} 把 {cobj} 带给 了",
    "在 {place} 排队 买票 时 ， {A} 认出 了 {B} ， {S} 笑 着 把 {cobj} 递给 了",
    "{A} 和 {B} 一起 在 {place} 做 志愿者 ， 活动 结束 后 {S} 把 {tobj} 寄给 了",
    "{A} 教 {B} 在 {place} 下 象棋 ， 下 了 三 盘 ， {S} 把 {cobj} 拿给 了",
    "{A} 和 {B} 在 {place} 等 公交车 ， 车 一直 没 来 ， {S} 就 把 {tobj} 传给 了",
    "每年 春节 ， {A} 和 {B} 都 会 去 {place} ， 今年 {S} 把 {cobj} 捎给 了",
    "{A} 和 {B} 在 {place} 看 完 比赛 ， 兴奋 得 睡 不 着 ， {S} 把 {tobj} 端给 了",
    "{A} 刚 搬 到 {place} 附近 ， {B} 就 来 敲门 ， {S} 把 {cobj} 留给 了",
]


def _with_seen_verb(template: str, i: int) -> str:
    for v in sorted(IOI_EVAL_VERBS_ZH + ["寄还给"], key=len, reverse=True):
        template = template.replace(v, "@")
    return template.replace("@", ["递给", "送给", "交给", "带给", "寄给", "拿给", "传给"][i % 7])


# The same held-out shapes with verbs of giving the corpus does use (递给 送给 交给 …): sentence shapes
# held out, verbs not — as in the English held-out set, whose verbs occur in its corpus and frames do not.
IOI_EVAL_TEMPLATES_ZH_SEEN_VERBS: list[str] = [_with_seen_verb(t, i) for i, t in enumerate(IOI_EVAL_TEMPLATES_ZH)]

# A grammar for more varied IOI sentences, built from independent parts (scene, time, how the two
# people are introduced, a link, an optional sentence about 他们, then the subject doing something
# to or for the other person). The verb of giving is always written as two words, 「递 给」, never
# 「递给」 (``split_gei``), and there are many of them: the model must learn that what comes after
# 「… 给 了」 is the person named once, whatever the verb. It never uses the eval verbs above nor
# an eval frame (tests/engine/test_corpus_zh.py).
_SCENE = ["那天 天气 很 好 。", "太阳 很 大 。", "天 已经 黑 了 。", "城里 很 安静 。", "这 一周 很 长 。",
          "雨 终于 停 了 。", "外面 很 冷 。", "假期 刚刚 开始 。", "那天 是 {day} 。", "大家 那 一周 都 很 忙 。",
          "街上 没有 人 。", "那天 下午 风 很 大 。", "夏天 快 过去 了 。", "春天 来 了 。", "天空 灰蒙蒙 的 。",
          "街上 很 吵 。", "夜里 很 安静 。", "那 是 一个 普通 的 {day} 。"]
_TIME = ["{day} ，", "早上 ，", "有 一天 ，", "那年 夏天 ，", "中午 ，", "上个 {day} ，", "晚上 ，", "下午 ，",
         "放学 后 ，", "去年 ，", "今天 早上 ，", "周末 ，", "两天 前 ，", "一大早 ，", "那天 晚上 ，", "每个 {day} ，"]
# "{A} 和 {B} ___"
_PAIR_VP = [
    "去 了 {place}", "走 到 了 {place}", "跑 到 了 {place}", "开车 去 了 {place}", "来到 了 {place}",
    "到 了 {place}", "进 了 {place}", "在 {place} 吃 了 午饭", "在 {place} 等 了 很 久", "在 {place} 工作",
    "打扫 了 {place}", "离开 了 {place}", "回到 了 {place}", "坐 公交车 去 了 {place}",
    "骑车 去 了 {place}", "在 {place} 喝 了 茶", "在 {place} 逛 了 一圈", "在 {place} 迷路 了",
    "在 {place} 门口 等 着", "在 {place} 吃 了 晚饭", "坐 出租车 去 了 {place}", "在 {place} 休息",
    "在 {place} 玩 了 一下午", "去 {place} 买 东西", "在 {place} 聊天", "从 {place} 出来",
    "都 到 了 {place}", "都 住 在 {place} 附近", "在 {place} 排 了 很 久 的 队", "一起 布置 了 {place}",
    "在 {place} 看 了 一场 电影", "在 {place} 躲 雨", "约 好 在 {place} 见面", "在 {place} 待 到 很 晚",
    "走 进 了 {place}", "在 {place} 里 找 座位", "在 {place} 上 了 一 天 课", "去 {place} 散步",
]
_PAIR = ["{A} 和 {B}", "{A} 和 {B}", "{A} 和 {B}", "{A} 跟 {B}", "{A} 同 {B}"]
# "{A} 在 {place} ___ {B}"
_REL_VP = ["遇到 了", "看见 了", "帮 了", "等 了", "找到 了", "认出 了", "叫住 了", "陪 着", "碰到 了",
           "追上 了", "请 了", "拜访 了", "见到 了", "教 了", "采访 了"]
# how the subject's clause is linked: (before, after) around the intro
_LINK = [("", " ， "), ("", " 。 "), ("", " ， 然后 "), ("", " 。 后来 ， "), ("", " 。 过 了 一会儿 ， "),
         ("", " 。 那天 晚上 ， "), ("", " 。 第二天 ， "), ("", " 。 走 之前 ， "), ("", " ， 后来 "),
         ("", " 的 时候 ， "), ("", " 以后 ， "), ("", " 之前 ， "), ("当 ", " 的 时候 ， "),
         ("", " 。 不久 ， "), ("", " ， 这时 ， "), ("", " 。 没 过 多久 ， "), ("", " ， 结果 "),
         ("", " 。 吃 完 饭 ， "), ("", " 。 回家 前 ， "), ("", " ， 最后 "), ("自从 ", " 以后 ， "),
         ("每次 ", " ， "), ("", " 。 说 完 ， "), ("", " 。 这 一次 ， "), ("", " 。 分别 的 时候 ， ")]
_MIDDLE = ["他们 聊 了 一会儿 。", "他们 都 累 了 。", "{place} 里 很 热闹 。", "他们 笑 了 很 久 。",
           "那里 没有 别人 。", "他们 玩 得 很 开心 。", "天 快 黑 了 。", "他们 都 饿 了 。",
           "他们 在 那里 待 了 一个 小时 。", "外面 开始 下雨 了 。", "{place} 里 人 很 多 。",
           "他们 说 了 很多 话 。", "那 是 他们 第一 次 去 那里 。"]
# the verbs of giving, each written 「V 给」 (two words)
_GIVE = ["", "递", "送", "交", "带", "寄", "拿", "传", "留", "端", "搬", "丢", "发", "捎", "献", "让",
         "递", "送", "交", "带", "写", "画", "念", "指", "倒", "盛", "夹", "剥", "切", "烤", "买", "找"]
# longer openings before the two names (a clause, then the names)
_OPENING = ["下 了 一整天 的 雨 ，", "在 回家 的 路上 ，", "为了 准备 晚会 ，", "听说 {place} 开门 了 ，", "吃 过 晚饭 ，",
            "快 到 中午 的 时候 ，", "过 了 很 久 ，", "那天 特别 忙 ，", "考试 结束 以后 ，", "放假 的 第一天 ，",
            "天 黑 以前 ，", "外面 下着 小雨 ，", "为了 给 朋友 一个 惊喜 ，", "一 放学 回家 的 路上 ，"]
_ADV = ["高兴 地", "轻轻 地", "马上", "终于", "慢慢 地", "也", "又", "笑 着", "偷偷 地", "小心 地", "就",
        "立刻", "还是", "主动", "顺手", "先", "赶紧", "一下子", "最后"]
_MODAL = ["想", "决定", "打算", "答应", "要", "准备", "愿意"]
_OBJ = ["{cobj}", "{tobj}", "{cobj}", "一{cl} 小 {obj}", "一{cl} 新 {obj}", "自己 的 {obj}", "它", "两{cl} {obj}",
        "那{cl} 旧 {obj}"]
# prompt ends with a preposition before the name: "{S} 给" 小红 "讲 了 一个 故事"
_PREP = ["给", "给", "为", "向", "对", "跟", "替"]


def _give(rng: random.Random) -> str:
    v = rng.choice(_GIVE)
    return (v + " 给") if v else "给"


def _grammar(rng: random.Random) -> str:
    parts = []
    if rng.random() < 0.25:
        parts.append(rng.choice(_SCENE) + " ")
    if rng.random() < 0.3:
        parts.append(rng.choice(_TIME) + " ")
    elif rng.random() < 0.3:
        parts.append(rng.choice(_OPENING) + " ")
    pair = rng.choice(_PAIR)
    if rng.random() < 0.7:
        intro = pair + " " + rng.choice(_PAIR_VP)
    else:
        intro = "{A} 在 {place} " + rng.choice(_REL_VP) + " {B}"
    before, after = rng.choice(_LINK)
    if after == " 。 " and rng.random() < 0.4:
        after = " 。 " + rng.choice(_MIDDLE) + " "
    parts += [before, intro, after, "{S} "]
    if rng.random() < 0.35:
        parts.append(rng.choice(_ADV) + " ")
    r = rng.random()
    if r < 0.55:                                             # 把 {cobj} 递 给 了
        modal = rng.random() < 0.2
        if modal:
            parts.append(rng.choice(_MODAL) + " ")
        parts.append("把 " + rng.choice(_OBJ) + " " + _give(rng) + ("" if modal or rng.random() < 0.15 else " 了"))
    elif r < 0.7:                                            # 送 给 了 (小红 一本 书)
        parts.append(_give(rng) + " 了")
    elif r < 0.78:                                           # 写 了 一封 信 给 (小红)
        parts.append(rng.choice(["写 了 一封 信 给", "买 了 {cobj} 给", "找 了 {cobj} 给", "做 了 {food} 给",
                                 "画 了 一幅 画 给"]))
    else:
        parts.append(rng.choice(_PREP))
    return "".join(parts)


def split_gei(seg: str) -> str:
    """Every verb of giving as two words: 「递给」 → 「递 给」 (so 给 is always its own word, and a
    verb never seen before 给 still reads as 「V 给」)."""
    return _GEI_RE.sub(r"\1 给", seg)


_GEI_RE = re.compile(r"(?<!\S)(\S*[^\s给])给(?!\S)")


# what follows the name after a preposition: {verb-phrase}
_AFTER_PREP = {
    "给": ["打 了 个 电话 。", "写 了 一封 信 。", "讲 了 一个 故事 。", "买 了 {cobj} 。", "发 了 一条 消息 。",
           "带 了 {cobj} 。", "读 了 一本 书 。", "做 了 {food} 。"],
    "为": ["做 了 {food} 。", "买 了 {cobj} 。", "唱 了 一首 歌 。"],
    "向": ["问好 。", "挥 了 挥手 。", "道歉 。", "点 了 点头 。"],
    "对": ["笑 了 笑 。", "说 了 声 谢谢 。", "眨 了 眨眼 。"],
    "跟": ["说 再见 。", "聊 了 起来 。", "说 了 声 晚安 。"],
    "替": ["付 了 钱 。", "拿 着 包 。"],
    "冲着": ["大喊 。"],
}
_AFTER = ["{IO} 说 ： 谢谢 ！", "{IO} 很 高兴 。", "{IO} 笑 了 笑 ， 把 它 收 了 起来 。", "然后 他们 回家 了 。",
          "{IO} 谢 了 {S} 。", "这 对 {IO} 来说 是 个 惊喜 。", "{IO} 没 想到 会 这样 。"]


def _fill(rng: random.Random, template: str, io_first=None) -> tuple[str, str, str, dict]:
    """(segmented prompt, io, s, ctx) for one template."""
    ctx: dict = {}
    io, s, a, b = ioi_names(rng, ctx, add_person, io_first)
    obj_ctx(rng, ctx)
    ctx.update(A=a, B=b, place=rng.choice(PLACES_ZH), day=rng.choice(DAYS),
               food=rng.choice(["面条", "饺子", "蛋糕", "炒饭", "汤"]))
    return template.format_map(ctx), io, s, ctx


def _sentence(rng: random.Random, template: str) -> str:
    prompt, io, s, ctx = _fill(rng, split_gei(template))
    last = prompt.split()[-1]
    clause = prompt.split("，")[-1].split("。")[-1].split()
    if "把" in clause:
        tail = ["。", "。", "看 。", "用 。"] if last == "给" else ["。"]   # 「把 那本 书 递 给 了 小红 。」
    elif last == "了":
        tail = ["{cobj} 。"]                         # 「送 给 了 小红 一杯 饮料 。」
    elif last == "给" and "了" in clause:
        tail = ["。"]                                # 「写 了 一封 信 给 小红 。」
    else:
        tail = _AFTER_PREP.get(last, ["。"])         # 「给 小红 打 了 个 电话 。」
    sent = prompt + " " + io + " " + rng.choice(tail).format_map(ctx)
    if rng.random() < 0.4:
        sent += " " + rng.choice(_AFTER).format_map(ctx)
    return sent


_PRONOUN_RES = [
    "{P} 说 {Ph} 晚 一点儿 会 来 {place} 。",
    "{P} 告诉 {Q} ， {Ph} 很 累 。",
    "{P} 告诉 {Q} ， {Qh} 看起来 很 累 。",
    "{P} 给 {Q} 打 电话 ， 因为 {Ph} 需要 帮助 。",
    "{P} 感谢 {Q} ， 因为 {Qh} 帮 过 {Ph} 。",
    "{P} 把 {Ph} 的 {obj} 给 {Q} 用 ， 第二天 {Qh} 就 送 了 回来 。",
    "{P} 说 {Ph} 很 喜欢 {Ph} 的 新 工作 。",
    "{P} 来 晚 了 ， 所以 {Q} 一直 在 等 {Ph} 。",
    "{P} 去 看望 {Q} ， 因为 {Qh} 生病 了 。",
    "{P} 很 爱 {Ph} 的 {pet} ， {pet} 也 很 爱 {Ph} 。",
    "{P} 看见 {Q} ， 就 向 {Qh} 挥手 。",
    "{P} 问 {Q} 能 不 能 打开 窗户 。",
    "{P} 帮 {Q} 提 {Qh} 的 包 。",
    "{P} 是 {job} 。 {Ph} 在 {jobplace} 工作 。",
    "{P} 是 {job} ， {Ph} 的 朋友 {Q} 是 {job2} 。",
    "{P} 想 让 {Ph} 的 银行 把 支票 兑成 现金 。",
]


def paragraph(rng: random.Random) -> str:
    if rng.random() < 0.75:
        out = []
        for _ in range(rng.randint(1, 3)):
            tmpl = rng.choice(IOI_TRAIN_TEMPLATES_ZH) if rng.random() < 0.2 else _grammar(rng)
            out.append(_sentence(rng, tmpl))
        return " ".join(out)
    ctx: dict = {}
    pname, pg = add_person(rng, "P", ctx)
    add_person(rng, "Q", ctx, avoid=(pname,), gender=not pg)
    obj_ctx(rng, ctx)
    job, jobplace = rng.choice(JOBS)
    ctx.update(place=rng.choice(PLACES_ZH), pet=rng.choice(PETS)[0], job=job, jobplace=jobplace,
               job2=rng.choice(JOBS)[0])
    return " ".join(t.format_map(ctx) for t in rng.sample(_PRONOUN_RES, rng.randint(2, 4)))


def make_ioi_cases_zh(n: int = 300, seed: int = 1, templates=None) -> list[tuple[str, str, str]]:
    """(prompt, indirect_object, subject) from IOI_EVAL_TEMPLATES_ZH by default, in plain Chinese.

    The prompt ends right before the answer name, e.g.
    ("小明和小红刚到商店，小明就把一杯饮料借给了", "小红", "小明").
    Both name orders (IO first / S first) for every template, both genders mixed, names distinct.
    """
    rng = random.Random(seed)
    templates = list(IOI_EVAL_TEMPLATES_ZH if templates is None else templates)
    return ioi_cases(rng, templates, n, _fill, lambda prompt: plain(tidy(prompt)))
