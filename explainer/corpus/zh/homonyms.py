"""Section 6 (Chinese): words with two senses in clearly different contexts (花 a flower / 花 to
spend, 行 in 银行 / 行 as "will do", 打 a phone call / a ball game, 米 rice / metre …) and
collocations whose next word is near-certain (「我 喜欢 在 咖啡 里 加 奶 和 糖 。」).

``HOMONYMS_ZH`` maps each word to its two senses and their sentences, for the
"same word, different context" demo.
"""

from __future__ import annotations

import random

from .lexicon import add_person

# word → {sense: sentences}; {P} a name, {Ph} 他/她
HOMONYMS_ZH: dict[str, dict[str, list[str]]] = {
    "花": {
        "flower": [
            "{P} 家 院子 里 的 花 开 了 。",
            "春天 到 了 ， 公园 里 的 花 都 开 了 。",
            "{P} 每天 早上 给 花 浇水 。",
            "这 朵 花 是 红色 的 ， 闻 起来 很 香 。",
            "蜜蜂 在 花 上 飞来飞去 。",
            "{P} 在 窗台 上 种 了 一盆 花 。",
            "{P} 摘 了 一朵 花 ， 插 在 瓶子 里 。",
        ],
        "spend": [
            "{P} 买 这 件 衣服 花 了 三百 块 钱 。",
            "修 这辆 自行车 花 了 {P} 五十 块 钱 。",
            "{P} 不 想 花 太多 钱 。",
            "做 这 道 题 花 了 {P} 很 长 时间 。",
            "{P} 每个 月 要 花 很多 钱 交 房租 。",
            "这次 旅行 {Ph} 一共 花 了 两千 块 。",
            "{P} 把 零花钱 都 花 在 书 上 了 。",
        ],
    },
    "行": {
        "bank": [
            "{P} 去 银行 取 钱 。",
            "银行 星期天 不 开门 ， {P} 取 不 了 钱 。",
            "{P} 在 银行 开 了 一个 账户 。",
            "银行 借钱 给 {P} 买 房子 。",
            "{P} 每个 月 都 把 工资 存 进 银行 。",
            "银行 的 职员 数 了 数 钱 。",
        ],
        "ok": [
            "{P} 问 ： 明天 下午 见面 行 不 行 ？",
            "这样 做 不 行 ， 我们 得 换 个 办法 。",
            "{P} 说 ： 行 ， 就 这么 办 。",
            "你 一个 人 去 行 吗 ？ {P} 说 ： 行 。",
            "{P} 试 了 三次 ， 还是 不 行 。",
        ],
        "walk": [
            "{P} 每天 步行 去 学校 。",
            "从 这里 步行 到 车站 要 二十 分钟 。",
            "{P} 在 山路 上 慢慢 地 行走 。",
        ],
    },
    "打": {
        "call": [
            "{P} 给 妈妈 打 电话 。",
            "晚上 ， {P} 给 朋友 打 了 一个 电话 。",
            "{P} 打 电话 叫 了 一辆 出租车 。",
            "电话 响 了 ， 是 奶奶 打 来 的 。",
        ],
        "play": [
            "{P} 和 同学 在 操场 上 打 篮球 。",
            "{P} 周末 喜欢 打 乒乓球 。",
            "下课 以后 ， 男孩们 去 打 羽毛球 了 。",
            "{P} 打 网球 打 得 很 好 。",
        ],
    },
    "米": {
        "rice": [
            "{P} 去 超市 买 了 一袋 米 。",
            "米 煮 熟 了 就是 米饭 。",
            "这 块 田 里 种 的 米 又 香 又 软 。",
            "{P} 把 米 洗 干净 ， 放进 锅 里 。",
        ],
        "metre": [
            "这 条 河 宽 一百 米 。",
            "{P} 在 运动会 上 跑 了 八百 米 。",
            "这 张 桌子 长 两 米 。",
            "这棵 树 有 十 米 高 。",
        ],
    },
    "长": {
        "long": [
            "{P} 的 头发 很 长 。",
            "这 条 路 又 长 又 直 。",
            "冬天 的 夜 很 长 。",
            "{P} 写 了 一封 很 长 的 信 。",
        ],
        "grow": [
            "一年 不见 ， {P} 长 高 了 。",
            "院子 里 的 小树 长 得 很 快 。",
            "小猫 慢慢 长 大 了 。",
            "雨 后 ， 地上 长 出 了 很多 小草 。",
        ],
    },
    "会": {
        "can": [
            "{P} 会 游泳 ， 也 会 骑 自行车 。",
            "{P} 会 说 三种 语言 。",
            "{P} 的 妹妹 还 不 会 写字 。",
            "你 会 做饭 吗 ？ {P} 说 ： 会 一点儿 。",
        ],
        "meeting": [
            "{P} 下午 要 去 公司 开会 。",
            "这个 会 开 了 两个 小时 。",
            "{P} 在 会 上 讲 了 新 计划 。",
            "开完 会 ， 大家 一起 去 吃饭 了 。",
        ],
    },
}

_COFFEE = [
    "我 喜欢 在 咖啡 里 加 奶 和 糖 。",
    "{P} 喜欢 在 咖啡 里 加 奶 和 糖 。",
    "{P} 喝 咖啡 总是 要 加 奶 和 糖 。",
    "她 的 咖啡 里 要 加 奶 和 糖 。",
    "他 的 咖啡 里 要 加 奶 和 糖 。",
    "我 每天 早上 喝 一杯 加 奶 和 糖 的 咖啡 。",
    "请 给 我 一杯 咖啡 ， 加 奶 和 糖 。",
    "{P} 点 了 一大杯 咖啡 ， 加 奶 和 糖 。",
    "妈妈 喜欢 在 咖啡 里 加 奶 和 糖 。",
    "爸爸 喜欢 在 咖啡 里 加 奶 和 糖 。",
    "有的 人 喝 黑咖啡 ， 我 喜欢 在 咖啡 里 加 奶 和 糖 。",
    "在 咖啡馆 ， {P} 要 了 一杯 咖啡 ， 加 奶 和 糖 。",
    "你 的 咖啡 怎么 喝 ？ 我 加 奶 和 糖 。",
    "{P} 冲 了 两杯 咖啡 ， 都 加 了 奶 和 糖 。",
]
_COLLOC = [
    "一年 有 四个 季节 ： 春天 、 夏天 、 秋天 和 冬天 。",
    "春 、 夏 、 秋 、 冬 ， 一年 又 过去 了 。",
    "{P} 分 不 清 东 南 西 北 。",
    "一个 星期 有 七天 。",
    "生活 里 有 酸 甜 苦 辣 。",
    "厨房 里 有 油 盐 酱 醋 。",
    "{P} 用 筷子 吃饭 。",
    "吃饭 前 要 洗手 。",
    "吃 西餐 要 用 刀 和 叉 。",
    "早饭 {P} 吃 面包 ， 喝 牛奶 。",
    "{P} 在 面包 上 抹 了 黄油 。",
    "{P} 在 汤 里 放 了 盐 和 胡椒 。",
    "祝 你 生日 快乐 ！",
    "新年 快乐 ！ 万事如意 ！",
    "{P} 做 事 一心一意 。",
    "{P} 做 事 总是 三心二意 。",
    "学习 不能 半途而废 。",
    "这样 做 一举两得 。",
    "老 照片 是 黑白 的 。",
    "电梯 上上下下 ， 忙 了 一整天 。",
    "孩子们 在 院子 里 跑来跑去 。",
    "{P} 喝 茶 喜欢 加 蜂蜜 。",
    "下班 以后 ， {P} 只 想 安安静静 地 休息 。",
]


def paragraph(rng: random.Random) -> str:
    ctx: dict = {}
    add_person(rng, "P", ctx)
    r = rng.random()
    if r < 0.6:
        word = rng.choice(sorted(HOMONYMS_ZH))
        senses = HOMONYMS_ZH[word]
        a, b = rng.sample(sorted(senses), 2)
        sents = rng.sample(senses[a], 2) + rng.sample(senses[b], rng.randint(1, 2))
    elif r < 0.85:
        sents = rng.sample(_COFFEE, rng.randint(1, 3))
        if rng.random() < 0.4:
            sents.append(rng.choice(_COLLOC))
    else:
        sents = rng.sample(_COLLOC, rng.randint(2, 3))
    return " ".join(s.format_map(ctx) for s in sents)
