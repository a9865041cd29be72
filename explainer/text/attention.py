"""Messages of the attention page (prefix "att.")."""

EN = {
    "att.title": "Attention: which earlier words each word looks at",
    "att.intro": (
        "Inside every layer, each position of the text builds its new representation by **mixing "
        "information from earlier positions**. How much it takes from each one is its *attention*: "
        "a row of weights that are all ≥ 0 and **sum to 1**. The model is **causal**: a position "
        "can only look back (at itself and earlier tokens), never ahead, because when it writes "
        "the next word the future does not exist yet. Each layer has several *heads* that do this "
        "in parallel, each with its own idea of what is worth looking at: the previous word, a "
        "name mentioned earlier, the first token as a resting place …"
    ),
    "att.how_to_read": (
        "How to read the maps: a **row** is the position doing the reading (the *query*), a "
        "**column** is the position read from (the *key*). Bright = much attention. Everything "
        "above the diagonal is 0: the future is masked."
    ),
    "att.presets": "Presets",
    "att.preset.ioi": "IOI: “When Mary and John went to the store, John gave a drink to”",
    "att.preset.ioi.help": "Indirect object identification: the model should answer Mary, the name that was not repeated.",
    "att.preset.bank": "“John wants his bank to cash the”",
    "att.preset.bank.help": "Which name does “his” look at? Pick the token “his” below to see every head.",
    "att.empty": "The prompt is empty: type some text in the sidebar or pick a preset.",
    "att.n_tokens": "{n} tokens · {layers} layers × {heads} heads = {total} attention patterns",

    "att.overview.header": "Every head at a glance",
    "att.overview.caption": (
        "One small map per head: rows are layers (0 = closest to the input), columns are heads. "
        "Above each map: the kind of head it is, measured on test texts (score in brackets)."
    ),
    "att.overview.title": "Attention of every head (rows = layers, columns = heads)",

    "att.labels.header": "What kind of head is it? (measured, not hand-written)",
    "att.labels.caption": (
        "Each head is scored on fixed test texts — short stories, IOI sentences and random words "
        "repeated twice — for each pattern: the mean attention weight on the positions that the pattern predicts (0 … 1). "
        "A head gets the label of its best pattern when that score is at least {threshold}; "
        "“first token” only when none of the other patterns passes (many heads park spare "
        "attention on position 0). Click a column header to sort."
    ),
    "att.labels.title": "Head types (colour = the score that earned the label)",
    "att.labels.none": "No head of this model shows a clear pattern yet (every score is below {threshold}).",
    "att.pattern.previous": "previous-token head",
    "att.pattern.induction": "induction head",
    "att.pattern.name": "name mover",
    "att.pattern.self": "current-token head",
    "att.pattern.first": "first-token (resting) head",
    "att.pattern.none": "no clear pattern",
    "att.short.previous": "prev",
    "att.short.induction": "induct",
    "att.short.name": "name",
    "att.short.self": "self",
    "att.short.first": "first",
    "att.short.none": "–",
    "att.labelled": "{label} ({score:.2f})",
    "att.pattern.explain": (
        "- **previous-token head**: attention from each word to the word just before it.\n"
        "- **induction head**: on a random sequence repeated twice, attention from a word in the "
        "second copy to the word that *followed* it in the first copy — “last time I saw this, what "
        "came next?”; the basis of copying and in-context learning.\n"
        "- **name mover**: on IOI sentences, attention from the last word (“to”) to the name that "
        "should come next (the indirect object) — copies a name seen earlier.\n"
        "- **current-token head**: attention to the word itself.\n"
        "- **first-token head**: attention parked on the first token, i.e. the head has little to do here."
    ),
    "att.col.head": "head",
    "att.col.label": "label",
    "att.col.score": "score",

    "att.one.header": "One head up close",
    "att.layer": "Layer",
    "att.head": "Head",
    "att.click_hint": "Tip: click a small map above to open that head here.",
    "att.view": "View",
    "att.view.heatmap": "Heatmap",
    "att.view.lines": "Lines (BertViz style)",
    "att.one.title": "Layer {layer}, head {head} — {label}",
    "att.axis.query": "query (the position reading)",
    "att.axis.key": "key (the position read from)",
    "att.axis.weight": "weight",
    "att.lines.left": "query",
    "att.lines.right": "key",
    "att.lines.min": "Hide lines thinner than",
    "att.lines.focus": "Highlight one query",
    "att.lines.all": "all queries",
    "att.lines.caption": "Each token on the left is linked to the tokens on the right it reads from; thicker and darker = more attention. Hover a token to see its three strongest links.",

    "att.query.header": "Where does each head send one token's attention?",
    "att.query.select": "Query token",
    "att.query.caption": (
        "For the chosen token: one row per head (all layers), one column per token up to and including it. "
        "For “his” in the bank preset, look for heads that light up on “John”."
    ),
    "att.query.title": "Attention of “{token}” (position {pos}) in every head",

    "att.abl.header": "Switch heads off (ablation)",
    "att.abl.caption": (
        "Set the output of chosen heads (or a layer's whole attention) to zero and compare the "
        "model's next-token prediction before and after. Only this calculation is affected: the "
        "shared model is left untouched."
    ),
    "att.abl.heads": "Heads to switch off",
    "att.abl.layers": "Whole attention layers to switch off",
    "att.abl.none": "Choose heads or layers to switch off to see their effect.",
    "att.abl.title": "Next-token probabilities before and after switching off {what}",
    "att.abl.before": "before",
    "att.abl.after": "after",
    "att.abl.prob": "probability",
    "att.abl.col.token": "token",
    "att.abl.col.before": "before",
    "att.abl.col.after": "after",
    "att.abl.col.change": "change",
    "att.abl.answer": "Right answer",
    "att.abl.other": "Competing answer",
    "att.abl.words_help": "Words to follow before and after. For each word the model's token for “ word” (with a space in front) is followed; a word of several tokens is followed by its first.",
    "att.abl.metric": "P(“{word}”)",
    "att.abl.layer_name": "layer {layer}",

    "att.fx.header": "Find the heads that matter",
    "att.fx.caption": (
        "Switch off each head on its own ({n} forward passes) and measure how much the "
        "logit difference *right answer − competing answer* drops. Orange = the head helps the "
        "right answer; blue = it pushes towards the competing one. For IOI the right answer is the name "
        "that was not repeated (Mary)."
    ),
    "att.fx.run": "Find the heads that matter",
    "att.fx.base": "Logit difference with every head on: {base:+.2f} (positive = the right answer is ahead).",
    "att.fx.title": "Drop in logit(“{right}”) − logit(“{wrong}”) when one head is switched off",
    "att.fx.colorbar": "drop",
    "att.fx.top": "Strongest helpers: {heads}.",
    "att.fx.same": "Type two different words.",
    "att.axis.head": "head",
    "att.axis.layer": "layer",
    "att.word_error": "Type a word in both boxes.",
}

ZH = {
    "att.title": "注意力：每个词会看向前面的哪些词",
    "att.intro": (
        "在每一层里，文本的每个位置都会**混合前面各个位置的信息**来构建新的表示。它从每个位置取多少，"
        "就是它的*注意力*：一行权重，全部 ≥ 0，且**总和为 1**。模型是**因果的**：一个位置只能往回看"
        "（看自己和之前的词），不能看后面，因为在写下一个词时，未来还不存在。每一层有多个*注意力头*并行地做这件事，"
        "每个头关注的东西不同：前一个词、前面出现过的名字、把第一个词当作休息处……"
    ),
    "att.how_to_read": "怎么看这些图：**行**是正在读取的位置（*查询*），**列**是被读取的位置（*键*）。越亮表示注意力越多。对角线以上全是 0：未来被遮住了。",
    "att.presets": "预设",
    "att.preset.ioi": "IOI：“When Mary and John went to the store, John gave a drink to”",
    "att.preset.ioi.help": (
        "间接宾语识别（IOI）：模型应该回答 Mary，也就是没有重复出现的那个名字。"
        "（句意：Mary 和 John 去商店时，John 把一杯饮料递给了……）"
    ),
    "att.preset.bank": "“John wants his bank to cash the”",
    "att.preset.bank.help": "“his”看向哪个名字？在下方选择词“his”，查看所有注意力头。",
    "att.empty": "提示词为空：请在侧边栏输入文字，或选择一个预设。",
    "att.n_tokens": "{n} 个词元 · {layers} 层 × {heads} 个头 = {total} 个注意力模式",
    "att.overview.header": "一眼看遍所有注意力头",
    "att.overview.caption": "每个头一张小图：行是层（0 最靠近输入），列是头。每张图上方：在测试文本上测得的头的类型（括号里是分数）。",
    "att.overview.title": "所有注意力头的注意力（行 = 层，列 = 头）",
    "att.labels.header": "这是什么类型的头？（测量得出，而非手写）",
    "att.labels.caption": (
        "我们在一组固定的测试文本上——短故事、IOI 句子，以及重复两遍的随机词——给每个头的每种模式打分："
        "分数是该模式预测的位置上得到的平均注意力权重（0 … 1）。一个头得分最高的模式如果分数不低于 {threshold}，"
        "这个头就得到该模式的标签；只有其他模式都没达标时，才会标为“首词头”（很多头会把用不上的注意力停放在位置 0）。"
        "点击列标题可以排序。"
    ),
    "att.labels.title": "注意力头类型（颜色 = 获得该标签的分数）",
    "att.labels.none": "这个模型还没有哪个头表现出明显的模式（所有分数都低于 {threshold}）。",
    "att.pattern.previous": "前一词头",
    "att.pattern.induction": "归纳头",
    "att.pattern.name": "名字搬运头",
    "att.pattern.self": "当前词头",
    "att.pattern.first": "首词（休息）头",
    "att.pattern.none": "无明显模式",
    "att.short.previous": "前一词",
    "att.short.induction": "归纳",
    "att.short.name": "名字",
    "att.short.self": "当前",
    "att.short.first": "首词",
    "att.short.none": "–",
    "att.labelled": "{label}（{score:.2f}）",
    "att.pattern.explain": (
        "- **前一词头**：每个词把注意力放在紧挨在它前面的那个词上。\n"
        "- **归纳头**：在重复两遍的随机序列上，第二遍里的词把注意力放在第一遍中*紧跟在*它后面的那个词上——"
        "“上次见到这个词时，后面接的是什么？”；这是复制和上下文学习的基础。\n"
        "- **名字搬运头**：在 IOI 句子上，最后一个词（“to”）把注意力放在接下来应该出现的名字（间接宾语）上——"
        "把前面见过的名字搬过来。\n"
        "- **当前词头**：注意力放在这个词自己身上。\n"
        "- **首词头**：注意力停放在第一个词元上，也就是说这个头在这里没什么事可做。"
    ),
    "att.col.head": "头",
    "att.col.label": "标签",
    "att.col.score": "分数",
    "att.one.header": "近看一个头",
    "att.layer": "层",
    "att.head": "头",
    "att.click_hint": "提示：点击上方的小图，即可在这里打开那个头。",
    "att.view": "视图",
    "att.view.heatmap": "热力图",
    "att.view.lines": "连线（BertViz 风格）",
    "att.one.title": "第 {layer} 层，第 {head} 个头 — {label}",
    "att.axis.query": "查询（正在读取的位置）",
    "att.axis.key": "键（被读取的位置）",
    "att.axis.weight": "权重",
    "att.lines.left": "查询",
    "att.lines.right": "键",
    "att.lines.min": "隐藏细于此值的连线",
    "att.lines.focus": "突出显示一个查询",
    "att.lines.all": "所有查询",
    "att.lines.caption": "左边的每个词元都连向右边它所读取的词元；线越粗、颜色越深，注意力越多。把鼠标悬停在词元上，可以看到它最强的三条连线。",
    "att.query.header": "每个头把一个词的注意力投向哪里？",
    "att.query.select": "查询词元",
    "att.query.caption": (
        "针对所选的词元：每个头占一行（包括所有层），从开头到它自己的每个词元各占一列。"
        "在 bank 预设中选“his”时，找一找哪些头在“John”上亮起来。"
    ),
    "att.query.title": "“{token}”（位置 {pos}）在每个头中的注意力",
    "att.abl.header": "关闭注意力头（消融）",
    "att.abl.caption": "把选中的头（或一整层注意力）的输出置零，比较前后模型对下一个词的预测。只影响这次计算：共享的模型不会被改动。",
    "att.abl.heads": "要关闭的头",
    "att.abl.layers": "要整体关闭的注意力层",
    "att.abl.none": "选择要关闭的头或层，查看它们的作用。",
    "att.abl.title": "关闭 {what} 前后的下一个词概率",
    "att.abl.before": "关闭前",
    "att.abl.after": "关闭后",
    "att.abl.prob": "概率",
    "att.abl.col.token": "词元",
    "att.abl.col.before": "关闭前",
    "att.abl.col.after": "关闭后",
    "att.abl.col.change": "变化",
    "att.abl.answer": "正确答案",
    "att.abl.other": "竞争答案",
    "att.abl.words_help": "要在关闭前后跟踪的词（跟踪的是在词前加一个空格后得到的第一个词元）。",
    "att.abl.metric": "P(“{word}”)",
    "att.abl.layer_name": "第 {layer} 层",
    "att.fx.header": "找出重要的注意力头",
    "att.fx.caption": (
        "逐个单独关闭每个头（共 {n} 次前向传播），测量 logit 差 *正确答案 − 竞争答案* 下降了多少。"
        "橙色 = 这个头在帮正确答案；蓝色 = 它把预测推向竞争答案。"
        "在 IOI 例子里，正确答案是没有重复出现的那个名字（Mary）。"
    ),
    "att.fx.run": "找出重要的注意力头",
    "att.fx.base": "所有头都开着时的 logit 差：{base:+.2f}（正数 = 正确答案领先）。",
    "att.fx.title": "单独关闭一个头时 logit(“{right}”) − logit(“{wrong}”) 的下降量",
    "att.fx.colorbar": "下降",
    "att.fx.top": "帮助最大的头：{heads}。",
    "att.fx.same": "请输入两个不同的词。",
    "att.axis.head": "头",
    "att.axis.layer": "层",
    "att.word_error": "请在两个框里都输入一个词。",
}
