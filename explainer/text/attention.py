"""Messages of the attention page (prefix "attention.")."""

EN = {
    "attention.title": "Attention: which earlier words each word looks at",
    "attention.lead": ("When the model reads a word, it can look back at the words before it and borrow "
                       "information from them. The maps below show, for every word, where it looks."),
    "attention.more": "How attention works, in more detail",
    "attention.intro": (
        "Inside every layer, each position of the text builds its new representation by **mixing "
        "information from earlier positions**. How much it takes from each one is its *attention*: "
        "a row of weights that are all ≥ 0 and **sum to 1**. The model is **causal**: a position "
        "can only look back (at itself and earlier tokens), never ahead, because when it writes "
        "the next word the future does not exist yet. Each layer has several *heads* that do this "
        "in parallel, each with its own idea of what is worth looking at: the previous word, a "
        "name mentioned earlier, the first token as a resting place …"
    ),
    "attention.how_to_read": (
        "How to read the maps: a **row** is the position doing the reading (the *query*), a "
        "**column** is the position read from (the *key*). Bright = much attention. Everything "
        "above the diagonal is 0: the future is masked."
    ),
    "attention.presets": "Presets",
    "attention.preset.ioi": "Who gets the drink? “{prompt}”",
    "attention.preset.ioi.help": "The model should answer {answer}, the name that was not repeated. Researchers call this test IOI (indirect object identification).",
    "attention.preset.bank": "“{prompt}”",
    "attention.preset.bank.help": "Which name does “{query}” look at? Pick the token “{query}” below to see every head.",
    "attention.n_tokens": "{n} tokens · {layers} layers × {heads} heads = {total} attention patterns",

    "attention.overview.header": "Every head at a glance",
    "attention.overview.caption": (
        "One small map per head: rows are layers (L0 = closest to the input), columns are heads (H0 …). "
        "In the corner of each map: the kind of head it is, measured on test texts (the scores are in “What kind of head is it?” below)."
    ),
    "attention.overview.title": "Attention of every head (rows = layers, columns = heads)",

    "attention.labels.header": "What kind of head is it? (measured, not hand-written)",
    "attention.labels.caption": (
        "Each head is scored on fixed test texts — short stories, IOI sentences and random words "
        "repeated twice — for each pattern: the mean attention weight on the positions that the pattern predicts (0 … 1). "
        "A head gets the label of its best pattern when that score is at least {threshold}; "
        "“first token” only when none of the other patterns passes (many heads park spare "
        "attention on position 0). Click a column header to sort."
    ),
    "attention.labels.title": "Head types (colour = the score that earned the label)",
    "attention.labels.none": "No head of this model shows a clear pattern yet (every score is below {threshold}).",
    "attention.pattern.previous": "previous-token head",
    "attention.pattern.induction": "induction head",
    "attention.pattern.name": "name mover",
    "attention.pattern.self": "current-token head",
    "attention.pattern.first": "first-token (resting) head",
    "attention.pattern.none": "no clear pattern",
    "attention.short.previous": "prev",
    "attention.short.induction": "induct",
    "attention.short.name": "name",
    "attention.short.self": "self",
    "attention.short.first": "first",
    "attention.short.none": "–",
    "attention.labelled": "{label} ({score:.2f})",
    "attention.labels.count": "In this model (measured on the probe texts): {counts}. A type with 0 heads is one this model has not learned.",
    "attention.pattern.explain": (
        "- **previous-token head**: attention from each word to the word just before it.\n"
        "- **induction head**: on a random sequence repeated twice, attention from a word in the "
        "second copy to the word that *followed* it in the first copy — “last time I saw this, what "
        "came next?”; the basis of copying and in-context learning.\n"
        "- **name mover**: on IOI sentences, attention from the last word (“to”) to the name that "
        "should come next (the indirect object) — copies a name seen earlier.\n"
        "- **current-token head**: attention to the word itself.\n"
        "- **first-token head**: attention parked on the first token, i.e. the head has little to do here."
    ),
    "attention.col.head": "head",
    "attention.col.label": "label",
    "attention.col.score": "score",

    "attention.one.header": "One head up close",
    "attention.layer": "Layer",
    "attention.head": "Head",
    "attention.click_hint": "Tip: click a small map above to open that head here.",
    "attention.view": "View",
    "attention.view.heatmap": "Heatmap",
    "attention.view.lines": "Lines (BertViz style)",
    "attention.one.title": "Layer {layer}, head {head} — {label}",
    "attention.axis.query": "query (the position reading)",
    "attention.axis.key": "key (the position read from)",
    "attention.axis.weight": "weight",
    "attention.lines.left": "query",
    "attention.lines.right": "key",
    "attention.lines.min": "Hide lines thinner than",
    "attention.lines.focus": "Highlight one query",
    "attention.lines.all": "all queries",
    "attention.lines.caption": "Each token on the left is linked to the tokens on the right it reads from; thicker and darker = more attention. Hover a token to see its three strongest links.",

    "attention.query.header": "Where does each head send one token's attention?",
    "attention.query.select": "Query token",
    "attention.query.caption": (
        "For the chosen token: one row per head (all layers), one column per token up to and including it. "
        "For “{query}” in the preset “{prompt}”, look for heads that light up on “{name}”."
    ),
    "attention.query.title": "Attention of “{token}” (position {pos}) in every head",

    "attention.abl.header": "Switch heads off",
    "attention.abl.caption": (
        "Set the output of chosen heads (or a layer's whole attention) to zero and compare the "
        "model's next-token prediction before and after. Only this calculation is affected: the "
        "shared model is left untouched."
    ),
    "attention.abl.heads": "Heads to switch off",
    "attention.abl.layers": "Whole attention layers to switch off",
    "attention.abl.none": "Choose heads or layers to switch off to see their effect.",
    "attention.abl.title": "Next-token probabilities before and after switching off {what}",
    "attention.abl.before": "before",
    "attention.abl.after": "after",
    "attention.abl.prob": "probability",
    "attention.abl.col.token": "token",
    "attention.abl.col.before": "before",
    "attention.abl.col.after": "after",
    "attention.abl.col.change": "change",
    "attention.abl.answer": "Right answer",
    "attention.abl.other": "Competing answer",
    "attention.abl.words_help": "Words to follow before and after. For each word the model's token for “ word” (with a space in front) is followed; a word of several tokens is followed by its first.",
    "attention.abl.metric": "P(“{word}”)",
    "attention.abl.layer_name": "layer {layer}",

    "attention.fx.header": "Find the heads that matter",
    "attention.fx.caption": (
        "Switch off one head at a time and see how much less the model prefers the right answer "
        "({right}) over the wrong one ({wrong}). Orange = the head helps the right answer; blue = it helps "
        "the wrong one. ({n} runs of the model; the measure is the difference of the two words' scores, "
        "the *logit difference*.)"
    ),
    "attention.fx.run": "Find the heads that matter",
    "attention.fx.base": "With every head on, the right answer leads by {base:+.2f} (score difference; positive = the right answer is ahead).",
    "attention.fx.title": "Drop in logit(“{right}”) − logit(“{wrong}”) when one head is switched off",
    "attention.fx.colorbar": "drop",
    "attention.fx.top": "Strongest helpers: {heads}.",
    "attention.fx.same": "Type two different words.",
    "attention.axis.head": "head",
    "attention.axis.layer": "layer",
    "attention.word_error": "Type a word in both boxes.",
}

ZH = {
    "attention.title": "注意力：每个词会看向前面的哪些词",
    "attention.lead": "模型读到一个词时，可以回头看它前面的词，并从那里借来信息。下面的图显示了每个词在看哪里。",
    "attention.more": "注意力是怎样工作的（更多细节）",
    "attention.intro": (
        "在每一层里，文本的每个位置都会**混合前面各个位置的信息**来构建新的表示。它从每个位置取多少，"
        "就是它的*注意力*：一行权重，全部 ≥ 0，且**总和为 1**。模型是**因果的**：一个位置只能往回看"
        "（看自己和之前的词），不能看后面，因为在写下一个词时，未来还不存在。每一层有多个*注意力头*并行地做这件事，"
        "每个头关注的东西不同：前一个词、前面出现过的名字、把第一个词当作休息处……"
    ),
    "attention.how_to_read": "怎么看这些图：**行**是正在读取的位置（*查询*），**列**是被读取的位置（*键*）。越亮表示注意力越多。对角线以上全是 0：未来被遮住了。",
    "attention.presets": "预设",
    "attention.preset.ioi": "饮料给谁？“{prompt}”",
    "attention.preset.ioi.help": "模型应该回答 {answer}，也就是没有重复出现的那个名字。研究者把这个测试叫作 IOI（间接宾语识别）。",
    "attention.preset.bank": "“{prompt}”",
    "attention.preset.bank.help": "“{query}”看向哪个名字？在下方选择词“{query}”，查看所有注意力头。",
    "attention.n_tokens": "{n} 个词元 · {layers} 层 × {heads} 个头 = {total} 个注意力模式",
    "attention.overview.header": "一眼看遍所有注意力头",
    "attention.overview.caption": "每个头一张小图：行是层（L0 最靠近输入），列是头（H0 ……）。每张图的角上：在测试文本上测得的头的类型（分数见下面的“这是什么类型的头？”）。",
    "attention.overview.title": "所有注意力头的注意力（行 = 层，列 = 头）",
    "attention.labels.header": "这是什么类型的头？（测量得出，而非手写）",
    "attention.labels.caption": (
        "我们在一组固定的测试文本上——短故事、IOI 句子，以及重复两遍的随机词——给每个头的每种模式打分："
        "分数是该模式预测的位置上得到的平均注意力权重（0 … 1）。一个头得分最高的模式如果分数不低于 {threshold}，"
        "这个头就得到该模式的标签；只有其他模式都没达标时，才会标为“首词头”（很多头会把用不上的注意力停放在位置 0）。"
        "点击列标题可以排序。"
    ),
    "attention.labels.title": "注意力头类型（颜色 = 获得该标签的分数）",
    "attention.labels.none": "这个模型还没有哪个头表现出明显的模式（所有分数都低于 {threshold}）。",
    "attention.pattern.previous": "前一词头",
    "attention.pattern.induction": "归纳头",
    "attention.pattern.name": "名字搬运头",
    "attention.pattern.self": "当前词头",
    "attention.pattern.first": "首词（休息）头",
    "attention.pattern.none": "无明显模式",
    "attention.short.previous": "前一词",
    "attention.short.induction": "归纳",
    "attention.short.name": "名字",
    "attention.short.self": "当前",
    "attention.short.first": "首词",
    "attention.short.none": "–",
    "attention.labelled": "{label}（{score:.2f}）",
    "attention.labels.count": "这个模型里（在探针文本上测得）：{counts}。数量为 0 的类型，就是这个模型没有学会的。",
    "attention.pattern.explain": (
        "- **前一词头**：每个词把注意力放在紧挨在它前面的那个词上。\n"
        "- **归纳头**：在重复两遍的随机序列上，第二遍里的词把注意力放在第一遍中*紧跟在*它后面的那个词上——"
        "“上次见到这个词时，后面接的是什么？”；这是复制和上下文学习的基础。\n"
        "- **名字搬运头**：在 IOI 句子上，最后一个词（“to”）把注意力放在接下来应该出现的名字（间接宾语）上——"
        "把前面见过的名字搬过来。\n"
        "- **当前词头**：注意力放在这个词自己身上。\n"
        "- **首词头**：注意力停放在第一个词元上，也就是说这个头在这里没什么事可做。"
    ),
    "attention.col.head": "头",
    "attention.col.label": "标签",
    "attention.col.score": "分数",
    "attention.one.header": "近看一个头",
    "attention.layer": "层",
    "attention.head": "头",
    "attention.click_hint": "提示：点击上方的小图，即可在这里打开那个头。",
    "attention.view": "视图",
    "attention.view.heatmap": "热力图",
    "attention.view.lines": "连线（BertViz 风格）",
    "attention.one.title": "第 {layer} 层，第 {head} 个头 — {label}",
    "attention.axis.query": "查询（正在读取的位置）",
    "attention.axis.key": "键（被读取的位置）",
    "attention.axis.weight": "权重",
    "attention.lines.left": "查询",
    "attention.lines.right": "键",
    "attention.lines.min": "隐藏细于此值的连线",
    "attention.lines.focus": "突出显示一个查询",
    "attention.lines.all": "所有查询",
    "attention.lines.caption": "左边的每个词元都连向右边它所读取的词元；线越粗、颜色越深，注意力越多。把鼠标悬停在词元上，可以看到它最强的三条连线。",
    "attention.query.header": "每个头把一个词的注意力投向哪里？",
    "attention.query.select": "查询词元",
    "attention.query.caption": (
        "针对所选的词元：每个头占一行（包括所有层），从开头到它自己的每个词元各占一列。"
        "在预设“{prompt}”中选“{query}”时，找一找哪些头在“{name}”上亮起来。"
    ),
    "attention.query.title": "“{token}”（位置 {pos}）在每个头中的注意力",
    "attention.abl.header": "关闭注意力头",
    "attention.abl.caption": "把选中的头（或一整层注意力）的输出置零，比较前后模型对下一个词的预测。只影响这次计算：共享的模型不会被改动。",
    "attention.abl.heads": "要关闭的头",
    "attention.abl.layers": "要整体关闭的注意力层",
    "attention.abl.none": "选择要关闭的头或层，查看它们的作用。",
    "attention.abl.title": "关闭 {what} 前后的下一个词概率",
    "attention.abl.before": "关闭前",
    "attention.abl.after": "关闭后",
    "attention.abl.prob": "概率",
    "attention.abl.col.token": "词元",
    "attention.abl.col.before": "关闭前",
    "attention.abl.col.after": "关闭后",
    "attention.abl.col.change": "变化",
    "attention.abl.answer": "正确答案",
    "attention.abl.other": "竞争答案",
    "attention.abl.words_help": "要在关闭前后跟踪的词（跟踪的是在词前加一个空格后得到的第一个词元）。",
    "attention.abl.metric": "P(“{word}”)",
    "attention.abl.layer_name": "第 {layer} 层",
    "attention.fx.header": "找出重要的注意力头",
    "attention.fx.caption": (
        "每次只关掉一个头，看模型对正确答案（{right}）比对错误答案（{wrong}）的偏好少了多少。"
        "橙色 = 这个头在帮正确答案；蓝色 = 它在帮错误答案。"
        "（模型共运行 {n} 次；衡量的是两个词得分之差，即 *logit 差*。）"
    ),
    "attention.fx.run": "找出重要的注意力头",
    "attention.fx.base": "所有头都开着时，正确答案领先 {base:+.2f}（得分之差；正数 = 正确答案领先）。",
    "attention.fx.title": "单独关闭一个头时 logit(“{right}”) − logit(“{wrong}”) 的下降量",
    "attention.fx.colorbar": "下降",
    "attention.fx.top": "帮助最大的头：{heads}。",
    "attention.fx.same": "请输入两个不同的词。",
    "attention.axis.head": "头",
    "attention.axis.layer": "层",
    "attention.word_error": "请在两个框里都输入一个词。",
}
