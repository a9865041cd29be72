"""Messages of the word-vectors page (prefix "vectors.")."""

EN = {
    "vectors.units": (
        "Chinese is written without spaces, so here a **word** is a unit of our own segmenter: it learned "
        "{n} words from this model's training text and splits a sentence the most likely way by their counts. "
        "It is the same split the model reads with, so word vectors, tokens and the model agree on what a word "
        "is (a general segmenter such as jieba would split some words differently, and the app would need one "
        "more package)."),
    "vectors.title": "Word vectors: meaning as directions",
    "vectors.intro": ("Every word becomes a list of numbers — a point in a space with many dimensions. Words "
                  "used in similar sentences end up close together, and some relations become "
                  "*directions*: the step from *{a}* to *{b}* is roughly the step from *{c}* to *{d}*. "
                  "Here you can compare three kinds of word vectors made from the same corpus."),
    "vectors.space": "Vector space",
    "vectors.short.tokens": "tokens",
    "vectors.short.context": "after block {l}",
    "vectors.rel.gender": "gender",
    "vectors.rel.plural": "plural",
    "vectors.rel.comparative": "comparative",
    "vectors.rel.superlative": "superlative",
    "vectors.rel.capital": "capital",
    "vectors.rel.nationality": "nationality",
    "vectors.rel.opposite": "opposite",
    "vectors.rel.past_tense": "past tense",
    "vectors.rel.negation": "negation",
    "vectors.rel.language": "language",
    "vectors.space.word2vec": "word2vec (trained on our corpus)",
    "vectors.space.tokens": "The GPT's token embeddings",
    "vectors.space.context": "The GPT's hidden state at a layer",
    "vectors.space.help": ("word2vec: a separate small model that only learns word vectors (what the classic "
                       "articles show). Token embeddings: the first matrix of our GPT. Hidden state: what "
                       "the GPT holds for a word after some layers, averaged over the corpus."),
    "vectors.layer": "Layer",
    "vectors.layer.help": "0 = token embedding + position, before any block; {L} = after the last block.",
    "vectors.space.missing": "This space is not available for this model: {err}",
    "vectors.acc.metric": "Analogy accuracy in this space",
    "vectors.acc.help": ("Share of analogy questions a : b :: c : ? (gender, plural, comparative, superlative, "
                     "capital, nationality, opposite, past tense) whose top answer is right, inputs excluded."),
    "vectors.acc.source.scorecard": "From the model's scorecard ({n:,} questions).",
    "vectors.acc.source.computed": "Measured now on this model ({n:,} questions).",
    "vectors.acc.none": "—",
    "vectors.acc.chart": "Analogy accuracy of every space",
    "vectors.acc.rel_chart": "By relation in {space}",
    "vectors.acc.axis": "top-1 accuracy",
    "vectors.honest.title": "What these scores can and cannot tell",
    "vectors.honest": ("**What to expect.** word2vec was trained only to predict neighbouring words, and that "
                   "turns relations into parallel directions: the arithmetic of the articles. A GPT is trained "
                   "to predict the next token, not to draw parallelograms, so whether its own **token "
                   "embeddings** and hidden states keep these relations is a question to measure, not to "
                   "assume: the charts show the figures measured on this model. Our corpus states each relation "
                   "in many parallel sentences, which helps a lot (a prototype trained on less varied text "
                   "reached about 40 % on gender and under 12 % on the rest in its token embeddings). What "
                   "the GPT also does is turn “Poland” into “Warsaw” in its middle layers as it reads: "
                   "watch it on the layer-by-layer page."),
    "vectors.link.layers": "See “{subject} → {answer}” layer by layer",
    "vectors.map.header": "A map of words",
    "vectors.map.intro": ("The vectors have {d} dimensions; a 2-D map keeps only part of the picture. PCA shows "
                      "the two directions along which these words differ most; t-SNE keeps close neighbours "
                      "close but distances between clusters mean little."),
    "vectors.map.groups": "Word groups",
    "vectors.map.method": "Projection",
    "vectors.map.pca": "PCA (fast, linear)",
    "vectors.map.tsne": "t-SNE (neighbourhoods)",
    "vectors.map.all_labels": "Show every label",
    "vectors.map.hidden": ("{hidden} of {n} labels are left out here so that none prints over another; hover a "
                       "point to see its word, drag a box to zoom, or tick “Show every label”."),
    "vectors.map.empty": "None of the chosen words is in this space: choose other groups or another space.",
    "vectors.map.title": "{space}: {n} words",
    "vectors.group.animals": "animals",
    "vectors.group.countries": "countries",
    "vectors.group.capitals": "capitals",
    "vectors.group.family": "family & gender",
    "vectors.group.sizes": "sizes (big, bigger, biggest…)",
    "vectors.group.colours": "colours",
    "vectors.group.numbers": "numbers",
    "vectors.group.opposites": "opposites",
    "vectors.group.verbs": "verbs",
    "vectors.group.yours": "your word",
    "vectors.nb.header": "Nearest neighbours",
    "vectors.nb.word": "Word",
    "vectors.nb.k": "How many",
    "vectors.nb.preset": "Try “{word}”",
    "vectors.nb.caption": "Similarity: 1 = the two vectors point the same way, 0 = unrelated (cosine similarity). The word is marked ★ on the map.",
    "vectors.unknown": "{err}",
    "vectors.suggest": "Try one of these:",
    "vectors.an.header": "Analogy arithmetic",
    "vectors.an.intro": ("“**a** is to **b** as **c** is to ?” — take b − a + c and look for the nearest word "
                     "(the three inputs do not count). On the map the two arrows should be parallel and "
                     "about equally long when the analogy works."),
    "vectors.an.a": "a",
    "vectors.an.b": "b",
    "vectors.an.c": "c",
    "vectors.an.presets": "Presets from the articles",
    "vectors.an.bias_button": "Bias: {a} : {b} :: {c} : ?",
    "vectors.an.result": "**{b} − {a} + {c}** → **{ans}** (cosine {score:.3f})",
    "vectors.an.expected": "The article's answer is **{want}**: here it is rank {rank}.",
    "vectors.an.expected_missing": "The article's answer **{want}** is not in this model's top {k}.",
    "vectors.an.table": "Top answers",
    "vectors.an.plot": "The analogy parallelogram (PCA of these words)",
    "vectors.role.a": "a",
    "vectors.role.b": "b",
    "vectors.role.c": "c",
    "vectors.role.answer": "answer",
    "vectors.role.other": "other candidates",
    "vectors.role.target": "b − a + c",
    "vectors.bias.note": ("**About bias.** Analogies repeat the text they were learned from. Our corpus was written "
                      "gender-balanced on purpose — every job (doctor, nurse, engineer, teacher …) is given to "
                      "men and women at random — so whatever appears here reflects chance, not a stereotype we put in. "
                      "Vectors and language models trained on real web text are different: they learn its "
                      "stereotypes (famously “man : doctor :: woman : nurse”) and reproduce them, which is why "
                      "such systems are tested and corrected for bias."),
    "vectors.ctx.header": "Context changes meaning",
    "vectors.ctx.intro": ("word2vec gives “{word}” one vector for every sentence. A GPT does not: as it reads, each "
                      "layer mixes in the words around it. Here is the hidden state of the same word in two "
                      "sentences, drawn among the average hidden states of some other words at the same layer."),
    "vectors.ctx.word": "Word",
    "vectors.ctx.preset": "“{word}” in two senses",
    "vectors.ctx.a": "Sentence A",
    "vectors.ctx.b": "Sentence B",
    "vectors.ctx.layer": "Layer",
    "vectors.ctx.pieces": "The model reads “{word}” as {pieces}; we follow the last piece, which has seen the whole word.",
    "vectors.ctx.plot": "“{word}” in A and B among other words, layer {layer}",
    "vectors.ctx.cos": "How similar are the two “{word}”s? Cosine per layer",
    "vectors.ctx.cos.caption": ("At layer 0 the two vectors differ only by position, so the cosine is near 1. "
                            "Later layers take in the sentence, so the two senses can drift apart (how far shows how much this model uses context)."),
    "vectors.ctx.drift": ("The two “{word}”s start the same (cosine {first:.2f} at layer 0) and end at {last:.2f} after the "
                          "last layer. Whether they move toward words of their sense shows in the nearest words below — "
                          "in this small model often not."),
    "vectors.ctx.axis.layer": "layer",
    "vectors.ctx.axis.cos": "cosine between A and B",
    "vectors.ctx.nearest": "Nearest words at layer {layer} — A: {a} · B: {b}",
    "vectors.ctx.no_space": "This model has no context vectors: only the two occurrences are shown.",
    "vectors.ctx.kind.A": "{word} in A",
    "vectors.ctx.kind.B": "{word} in B",
    "vectors.ctx.kind.neighbour": "other words (corpus average)",
    "vectors.ctx.empty": "Type a word and two sentences that contain it.",
    "vectors.col.rank": "rank",
    "vectors.col.word": "word",
    "vectors.col.cosine": "cosine",
}

ZH = {
    "vectors.units": (
        "中文书写不带空格，所以这里的**词**是我们自己的分词器切出来的单位：它从这个模型的训练文字里学到了 {n} 个词，"
        "按词频选出一句话最可能的切法。模型读文字时用的也是这同一种切法，所以词向量、词元和模型对“什么是一个词”的看法一致"
        "（像 jieba 这样的通用分词器会把有些词切得不一样，而且应用还得多装一个包）。"),
    "vectors.title": "词向量：用方向表示意义",
    "vectors.intro": ("每个词都变成一串数字——高维空间中的一个点。出现在相似句子里的词会彼此靠近，有些关系变成了"
                  "*方向*：从 *{a}* 到 *{b}* 的一步，大致等于从 *{c}* 到 *{d}* 的一步。"
                  "这里可以比较由同一份语料得到的三种词向量。"),
    "vectors.space": "向量空间",
    "vectors.short.tokens": "词元嵌入",
    "vectors.short.context": "第 {l} 层",
    "vectors.rel.gender": "性别",
    "vectors.rel.plural": "复数",
    "vectors.rel.comparative": "比较级",
    "vectors.rel.superlative": "最高级",
    "vectors.rel.capital": "首都",
    "vectors.rel.nationality": "国籍",
    "vectors.rel.opposite": "反义",
    "vectors.rel.past_tense": "过去式",
    "vectors.rel.negation": "否定",
    "vectors.rel.language": "语言",
    "vectors.space.word2vec": "word2vec（在我们的语料上训练）",
    "vectors.space.tokens": "GPT 的词元嵌入",
    "vectors.space.context": "GPT 某一层的隐藏状态",
    "vectors.space.help": ("word2vec：一个独立的小模型，只学习词向量（经典文章里展示的就是它）。词元嵌入：我们 GPT "
                       "的第一个矩阵。隐藏状态：GPT 读到一个词、经过若干层之后为它保存的向量，再在整个语料上取平均。"),
    "vectors.layer": "层",
    "vectors.layer.help": "0 = 词元嵌入 + 位置，还没经过任何模块；{L} = 最后一个模块之后。",
    "vectors.space.missing": "这个模型无法使用此向量空间：{err}",
    "vectors.acc.metric": "此空间中的类比准确率",
    "vectors.acc.help": ("类比题 a : b :: c : ?（性别、复数、比较级、最高级、首都、国籍、反义词、过去式）中，"
                     "排名第一的答案正确的比例；三个输入词本身不算作答案。"),
    "vectors.acc.source.scorecard": "来自模型的评分表（{n:,} 道题）。",
    "vectors.acc.source.computed": "刚刚在这个模型上测得（{n:,} 道题）。",
    "vectors.acc.none": "—",
    "vectors.acc.chart": "各个空间的类比准确率",
    "vectors.acc.rel_chart": "{space} 中按关系划分",
    "vectors.acc.axis": "top-1 准确率",
    "vectors.honest.title": "这些分数能说明什么、不能说明什么",
    "vectors.honest": ("**应该期待什么。** word2vec 只被训练去预测相邻的词，这会把各种关系变成平行的方向——也就是文章里的"
                   "向量算术。GPT 的训练目标是预测下一个词元，而不是画平行四边形，所以它自己的 **词元嵌入**和隐藏"
                   "状态能否保留这些关系，需要测量而不能假设：图表显示的就是在这个模型上测得的数字。我们的语料用大量"
                   "平行的句子陈述每种关系，这很有帮助（一个用较单一文本训练的原型，在 词元嵌入中性别类比约 40%，"
                   "其余不到 12%）。此外，GPT 会在阅读时用中间层把“Poland”变成“Warsaw”：可以在逐层观察页面看到。"),
    "vectors.link.layers": "逐层观察“{subject} → {answer}”",
    "vectors.map.all_labels": "显示全部标签",
    "vectors.map.hidden": ("为了避免文字互相重叠，这里省略了 {n} 个标签中的 {hidden} 个；把鼠标停在点上可以看到对应的词，"
                       "拖出一个方框可以放大，也可以勾选“显示全部标签”。"),
    "vectors.map.header": "词的地图",
    "vectors.map.intro": ("这些向量有 {d} 维，二维地图只能保留其中一部分信息。PCA 画出这些词差别最大的两个方向；"
                      "t-SNE 让近邻仍然挨在一起，但簇与簇之间的距离没有多大意义。"),
    "vectors.map.groups": "词组",
    "vectors.map.method": "投影方法",
    "vectors.map.pca": "PCA（快速、线性）",
    "vectors.map.tsne": "t-SNE（保留邻域）",
    "vectors.map.empty": "所选的词都不在这个空间里：请换别的词组，或换一个向量空间。",
    "vectors.map.title": "{space}：{n} 个词",
    "vectors.group.animals": "动物",
    "vectors.group.countries": "国家",
    "vectors.group.capitals": "首都",
    "vectors.group.family": "家庭与性别",
    "vectors.group.sizes": "大小（大、更大、最大…）",
    "vectors.group.colours": "颜色",
    "vectors.group.numbers": "数字",
    "vectors.group.opposites": "反义词",
    "vectors.group.verbs": "动词",
    "vectors.group.yours": "你的词",
    "vectors.nb.header": "最近邻",
    "vectors.nb.word": "词",
    "vectors.nb.k": "数量",
    "vectors.nb.preset": "试试“{word}”",
    "vectors.nb.caption": "余弦相似度（cosine）：1 = 方向相同，0 = 毫无关联。地图上用 ★ 标出这个词。",
    "vectors.unknown": "{err}",
    "vectors.suggest": "试试这些：",
    "vectors.an.header": "类比运算",
    "vectors.an.intro": ("“**a** 之于 **b**，正如 **c** 之于 ?”——计算 b − a + c，再找离结果最近的词（三个输入词不算）。"
                     "类比成立时，地图上的两个箭头应当大致平行，长度也差不多。"),
    "vectors.an.a": "a",
    "vectors.an.b": "b",
    "vectors.an.c": "c",
    "vectors.an.presets": "文章中的例子",
    "vectors.an.bias_button": "偏见：{a} : {b} :: {c} : ?",
    "vectors.an.result": "**{b} − {a} + {c}** → **{ans}**（余弦 {score:.3f}）",
    "vectors.an.expected": "文章给出的答案是 **{want}**：在这里排第 {rank} 名。",
    "vectors.an.expected_missing": "文章给出的答案 **{want}** 不在这个模型的前 {k} 名里。",
    "vectors.an.table": "最佳答案",
    "vectors.an.plot": "类比平行四边形（这些词的 PCA）",
    "vectors.role.a": "a",
    "vectors.role.b": "b",
    "vectors.role.c": "c",
    "vectors.role.answer": "答案",
    "vectors.role.other": "其他候选",
    "vectors.role.target": "b − a + c",
    "vectors.bias.note": ("**关于偏见。** 类比会重复它们所学文本中的内容。我们的语料有意写得性别均衡——每种职业（医生、护士、工程师、"
                      "教师……）都随机分配给男性和女性——所以这里出现的结果是偶然的，而不是我们放进去的刻板印象。"
                      "在真实网络文本上训练的词向量和语言模型则不同：它们学到其中的刻板印象"
                      "（著名的“man : doctor :: woman : nurse”）并加以重复，因此这类系统需要检测并纠正偏见。"),
    "vectors.ctx.header": "上下文改变意义",
    "vectors.ctx.intro": ("word2vec 在每个句子里都给“{word}”同一个向量，GPT 则不然：它阅读时每一层都会混入周围的词。"
                      "下面是同一个词在两个句子中的隐藏状态，与其他一些词在同一层的平均隐藏状态画在一起。"),
    "vectors.ctx.word": "词",
    "vectors.ctx.preset": "“{word}”的两种含义",
    "vectors.ctx.a": "句子 A",
    "vectors.ctx.b": "句子 B",
    "vectors.ctx.layer": "层",
    "vectors.ctx.pieces": "模型把“{word}”拆成 {pieces} 来读；这里跟踪最后一个片段，因为它已经看到了整个词。",
    "vectors.ctx.plot": "第 {layer} 层：A、B 中的“{word}”与其他词",
    "vectors.ctx.cos": "两个“{word}”有多相似？逐层余弦相似度",
    "vectors.ctx.cos.caption": "第 0 层两个向量只差在位置上，余弦接近 1；后面的层吸收了句子的信息，两种含义逐渐分开（分开得越多，说明这个模型越会利用上下文）。",
    "vectors.ctx.drift": "两个“{word}”一开始一样（第 0 层余弦 {first:.2f}），到最后一层变成 {last:.2f}。它们有没有靠近各自意思的词，要看下面的最近邻——在这个小模型里常常没有。",
    "vectors.ctx.axis.layer": "层",
    "vectors.ctx.axis.cos": "A 与 B 的余弦相似度",
    "vectors.ctx.nearest": "第 {layer} 层最近的词 — A：{a} · B：{b}",
    "vectors.ctx.no_space": "这个模型没有上下文向量：只显示这个词的两次出现。",
    "vectors.ctx.kind.A": "A 中的 {word}",
    "vectors.ctx.kind.B": "B 中的 {word}",
    "vectors.ctx.kind.neighbour": "其他词（语料平均）",
    "vectors.ctx.empty": "请输入一个词，以及两个包含它的句子。",
    "vectors.col.rank": "排名",
    "vectors.col.word": "词",
    "vectors.col.cosine": "余弦",
}
EN["vectors.gpt2"] = (
    "{name} comes without word2vec or averaged context vectors from our stories. Its own token vectors are here: the "
    "first table it looks every token up in, {V} rows of {d} numbers.")
ZH["vectors.gpt2"] = (
    "{name} 没有根据我们的小故事算出的 word2vec 或平均上下文向量。这里用的是它自己的词元向量：它为每个词元查的第一张表，"
    "共 {V} 行，每行 {d} 个数。")
