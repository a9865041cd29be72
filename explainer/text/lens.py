"""Messages of the layer-by-layer page, the logit lens (prefix "lens.")."""

EN = {
    "lens.words.absent": ("None of these words comes close for this prompt (highest probability at any layer: {p}). "
                          "The model's own top guesses after the last layer are {guesses}."),
    "lens.words.follow_guesses": "Follow the model's own top guesses",
    "lens.title": "Layer by layer: what the model “thinks” on the way",
    "lens.intro": ("The model is a stack of blocks. We can stop after any block and ask: if the model had to "
                   "answer now, what would it say? This is the “logit lens”. Try the Warsaw preset: the "
                   "answer appears only in the later layers."),
    "lens.preset.warsaw": "Preset: the capital of Poland (Warsaw)",
    "lens.preset.warsaw.help": "Sets the shared prompt to a question about the capital of {subject} and follows “{answer}” and “{subject}”.",
    "lens.preset.question": "Preset: the bare question (no France example)",
    "lens.preset.question.help": "Sets the shared prompt to “{question}” alone.",
    "lens.other_fact": "A second fact, “{fact}”, put in front as well",
    "lens.other_fact.none": "none",
    "lens.other_fact.after": "after Poland's",
    "lens.other_fact.before": "before Poland's",
    "lens.other_fact.help": ("A test of what “recovered” means. If the model still knows the question is about Poland, "
                             "it picks Warsaw wherever the second fact stands; if it only copies a capital from the "
                             "prompt, its answer changes when you swap the order of the two facts. Used in the chart "
                             "below and, when “Put the fact in front” is ticked too, in the heatmap."),
    "lens.mlp_off": "Switch off the memory part (MLP) of these layers",
    "lens.mlp_off.help": "The MLP's output is replaced by zeros in those layers; attention still works. Nothing is changed for other users.",
    "lens.mlp_layer": "layer {layer}",
    "lens.fact_layers": "Switch off the layers that carry “{word}”",
    "lens.fact_layers.help": ("Finds the MLP layers whose removal makes the first word below unlikely: each layer is "
                              "switched off alone, then the next most harmful layer is added as long as that lowers the "
                              "word's probability further."),
    "lens.prepend": "Put the fact in front of the prompt: “{fact}”",
    "lens.words": "Words to follow at the last position (comma-separated)",
    "lens.words.help": "The first word is the answer used for the “lost and recovered” chart. Words are read with a leading space, as they appear mid-sentence.",
    "lens.ablated_note": "MLP switched off in layer(s) {layers}: everything below is computed without them.",
    "lens.heatmap": "The top guess after every layer",
    "lens.heatmap.caption": ("Rows: positions in the prompt, read from top to bottom. Columns: layers (0 = the token "
                             "embeddings, the last column = the model's real output). Each cell shows the most likely next token if we read the "
                             "running vector at that point; its colour is that token's probability. Hover for the top 5."),
    "lens.window": "Positions shown",
    "lens.window.help": "The prompt is long: at most {n} positions fit comfortably; move the window.",
    "lens.axis.position": "position: token read",
    "lens.axis.layer": "layer",
    "lens.axis.prob": "probability",
    "lens.hover.position": "position",
    "lens.hover.top": "top 5 guesses",
    "lens.row.embeddings": "embeddings",
    "lens.row.output": "output",
    "lens.lines": "How sure, layer by layer",
    "lens.lines.caption": "The probability of each word's first token as the next token after the last position ({token!r}), read after every layer.",
    "lens.split": "“{word}” is several tokens for this model: following its first token {token!r}.",
    "lens.no_words": "Type one or more words above (for example: Warsaw, Poland) to follow them across layers.",
    "lens.cases": "Where does “{word}” come from? Switch the MLPs off, then give the fact in the prompt",
    "lens.cases.intro": ("Facts learned in training seem to be stored mostly in the MLP layers, the part of each block "
                         "that works on one word at a time. Switch them off and the answer may be lost. Put the fact in the prompt and attention may copy it from there, "
                         "even with those MLPs off. The chart shows what this model actually does."),
    "lens.verdict.no_answer": "The model does not predict this word after this prompt in the first place (below 5 %): try the Warsaw preset.",
    "lens.verdict.lost_recovered": "Lost and recovered: without those MLPs the answer is gone, and the fact in the prompt brings it back through attention.",
    "lens.verdict.lost_not_recovered": "Lost, but not recovered: with those MLPs off, the fact in the prompt does not bring the answer back.",
    "lens.verdict.not_lost": "Not lost: with those MLPs off the answer is still (mostly) there — the fact is stored elsewhere too.",
    "lens.cases.layer0": ("Layer 0's MLP is special in small models: it works like part of the word embedding, so switching it "
                          "off breaks reading in general, not only this fact — then even copying from the prompt fails. "
                          "Compare with layers 1 … {last} switched off."),
    "lens.cases.layer0_subject": ("Layer 0's MLP at “{subject}” does more than store this fact: it turns the token into the "
                                  "word the model knows. Switched off there, the model no longer reads the question as being "
                                  "about {subject} (its top guess becomes {top}), so the fact in the prompt does not help either "
                                  "(P = {both:.3f}). In this small model, recognising the word and recalling its capital happen "
                                  "in the same place."),
    "lens.cases.col.top": "the model's top guess",
    "lens.order.reads": ("Both orders give {token} (P = {a:.3f} with the second fact after Poland's, {b:.3f} before "
                         "it): with the MLPs off, the model still finds Poland's fact in the prompt."),
    "lens.order.nearest": ("The answer depends on the order: P({token}) is {b:.3f} when Poland's fact stands nearer the "
                           "question and {a:.3f} when the second fact does (top guesses {top_b} and {top_a}). With the "
                           "MLPs off the model no longer knows which country is asked, so attention copies the capital "
                           "nearest the question rather than finding Poland's."),
    "lens.order.first": ("The answer depends on the order: P({token}) is {a:.3f} when Poland's fact comes first and "
                         "{b:.3f} when it comes second (top guesses {top_a} and {top_b}). Attention copies the first "
                         "capital in the prompt rather than finding Poland's."),
    "lens.order.neither": ("With the MLPs off, neither order brings {token} back (P = {a:.3f} with the second fact after "
                           "Poland's, {b:.3f} before it; top guesses {top_a} and {top_b})."),
    "lens.order.unclear": ("No clear picture: P({token}) is {a:.3f} with the second fact after Poland's and {b:.3f} "
                           "before it (top guesses {top_a} and {top_b})."),
    "lens.cases.other_on": "The fact in front is now “{fact}”: compare the model's top guess in the last row with and without the second fact.",
    "lens.cases.auto": "No layers chosen above, so the layers that carry the fact were found automatically: {layers}.",
    "lens.cases.y": "P(next token = {token!r})",
    "lens.case.normal": "normal",
    "lens.case.mlp_off": "MLPs off",
    "lens.case.fact": "fact prepended",
    "lens.case.both": "MLPs off + fact",
    "lens.cases.col.case": "case",
    "lens.cases.col.p": "probability",
    "lens.cases.note": "MLP layers switched off in the “MLPs off” cases: {layers}. The fact is put in front of the shared prompt.",
    "lens.explain.title": "What is the “residual stream”, and why is this only a lens?",
    "lens.explain.body": (
        "Each position carries one vector through the model: the **residual stream**. It starts as the token's "
        "embedding plus its position (layer 0). Each of the {layers} blocks reads it, computes something (attention "
        "mixes in information from earlier positions, the MLP transforms each position on its own) and **adds** its "
        "result to the running vector — nothing is overwritten. At the end, a final LayerNorm and the unembedding "
        "matrix turn the vector into a score for every token in the vocabulary.\n\n"
        "The logit lens applies that same final LayerNorm + unembedding to the running vector after *every* block, "
        "as if the model stopped there. It is only an **approximation**: the earlier layers were never trained to be "
        "read this way, so what they hold may be useful to later layers without yet looking like a next-token "
        "guess. Early rows often show noise or a copy of the current token; that does not mean the model knows "
        "nothing there."),
}

ZH = {
    "lens.words.absent": ("对这个提示词来说，这些词都不是模型考虑的答案（任何一层的最高概率：{p}）。"
                          "模型在最后一层之后自己排在最前面的猜测是 {guesses}。"),
    "lens.words.follow_guesses": "改为跟踪模型自己的首选猜测",
    "lens.title": "逐层观察：模型一路上在“想”什么",
    "lens.intro": ("模型由一层层的模块叠成。我们可以在任一层之后停下来问：如果现在就要回答，模型会说什么？"
                   "这就是“logit lens（逻辑透镜）”。试试华沙预设：答案只在较后的层才出现。"),
    "lens.preset.warsaw": "预设：波兰的首都（华沙）",
    "lens.preset.warsaw.help": "把共享提示词设为关于{subject}首都的问题，并跟踪 “{answer}” 和 “{subject}”。",
    "lens.mlp_off": "关闭这些层的记忆部分（MLP）",
    "lens.mlp_off.help": "这些层中 MLP 的输出被替换为零；注意力仍然工作。不会影响其他用户。",
    "lens.mlp_layer": "第 {layer} 层",
    "lens.fact_layers": "关闭承载 “{word}” 的层",
    "lens.fact_layers.help": ("找出关掉后会让下面第一个词变得不太可能的 MLP 层：先把每一层单独关掉试一试，再按影响从大到小依次加入下一层，"
                              "只要这样能让这个词的概率继续下降。"),
    "lens.prepend": "把事实放在提示词前面：“{fact}”",
    "lens.words": "在最后一个位置跟踪的词（用逗号分隔）",
    "lens.words.help": "第一个词是“丢失又恢复”图中用作答案的词。词按句中形式读取（前面带一个空格）。",
    "lens.ablated_note": "已关闭第 {layers} 层的 MLP：下面的一切都是在没有它们的情况下计算的。",
    "lens.heatmap": "每一层之后的首选猜测",
    "lens.heatmap.caption": ("行：提示词中的位置，从上往下读。列：层（0 = 词元嵌入，最后一列 = 模型真正的输出）。每个格子显示在该处读取"
                             "运行中的向量时最可能的下一个词元；颜色表示它的概率。悬停可看前 5 名。"),
    "lens.window": "显示的位置",
    "lens.window.help": "提示词很长：一次最多只能清楚地显示 {n} 个位置；拖动窗口可查看其他部分。",
    "lens.axis.position": "位置（读到的词元）",
    "lens.axis.layer": "层",
    "lens.axis.prob": "概率",
    "lens.hover.position": "位置",
    "lens.hover.top": "前 5 个猜测",
    "lens.row.embeddings": "嵌入",
    "lens.row.output": "输出",
    "lens.lines": "逐层的把握有多大",
    "lens.lines.caption": "在最后一个位置（{token!r}）之后，每个词的第一个词元作为下一个词元的概率，在每一层之后读取。",
    "lens.split": "对这个模型来说，“{word}” 由多个词元组成：这里跟踪它的第一个词元 {token!r}。",
    "lens.no_words": "在上面输入一个或多个词（例如：Warsaw, Poland），即可逐层跟踪它们。",
    "lens.cases": "“{word}” 从哪里来？先关掉 MLP，再把事实写进提示词",
    "lens.cases.intro": "训练中学到的事实似乎主要存放在 MLP 层——每个模块里逐个词处理的那一部分。关掉它们，答案可能就丢了。把事实写进提示词，注意力也许能从那里把它复制过来——即使那些 MLP 仍然关闭。图中显示的是这个模型实际的表现。",
    "lens.verdict.no_answer": "对这个提示词，模型本来就不预测这个词（低于 5%）：试试华沙预设。",
    "lens.verdict.lost_recovered": "丢失又恢复：没有这些 MLP，答案消失了；把事实写进提示词，注意力又把它带了回来。",
    "lens.cases.layer0_subject": ("第 0 层的 MLP 在“{subject}”这个位置上不只是存放这个事实：它把这个词元变成模型认识的那个词。"
                                  "在那里关掉它，模型就不再把问题读成关于 {subject} 的问题（它的首选变成了 {top}），"
                                  "所以提示词里的事实也帮不上忙（P = {both:.3f}）。在这个小模型里，认出这个词和记起它的首都发生在同一个地方。"),
    "lens.cases.col.top": "模型的首选",
    "lens.preset.question": "预设：只有问题（没有法国的例子）",
    "lens.preset.question.help": "把共享提示词设为单独的“{question}”。",
    "lens.other_fact": "再放一个事实在前面：“{fact}”",
    "lens.other_fact.none": "不放",
    "lens.other_fact.after": "放在波兰的事实之后",
    "lens.other_fact.before": "放在波兰的事实之前",
    "lens.other_fact.help": "检验“恢复”到底是什么意思：如果模型仍然知道问题问的是波兰，不管第二个事实放在哪里，它都会选华沙；如果它只是从提示词里抄一个首都，那么交换两个事实的顺序，它的答案就会跟着变。这个设置会用于下面的图表；若同时勾选“把事实放在提示词前面”，也会用于热力图。",
    "lens.order.reads": "两种顺序都得到 {token}（第二个事实放在波兰的事实之后时 P = {a:.3f}，之前时 {b:.3f}）：关闭 MLP 后，模型仍能在提示词里找到波兰的事实。",
    "lens.order.nearest": "答案取决于顺序：波兰的事实离问题更近时，P({token}) 为 {b:.3f}；第二个事实离问题更近时为 {a:.3f}（首选分别是 {top_b} 和 {top_a}）。关闭 MLP 后，模型已经不知道问的是哪个国家，于是注意力抄来离问题最近的那个首都，而不是找到波兰的首都。",
    "lens.order.first": "答案取决于顺序：波兰的事实放在最前面时，P({token}) 为 {a:.3f}；放在第二个时为 {b:.3f}（首选分别是 {top_a} 和 {top_b}）。注意力抄的是提示词里的第一个首都，而不是找到波兰的首都。",
    "lens.order.neither": "关闭 MLP 后，两种顺序都没能把 {token} 带回来（第二个事实在后时 P = {a:.3f}，在前时 {b:.3f}；首选分别是 {top_a} 和 {top_b}）。",
    "lens.order.unclear": "看不出明确的规律：第二个事实放在波兰的事实之后时 P({token}) 为 {a:.3f}，之前时为 {b:.3f}（首选分别是 {top_a} 和 {top_b}）。",
    "lens.cases.other_on": "放在前面的事实现在是“{fact}”：对比有无第二个事实时最后一行里模型的首选。",
    "lens.verdict.lost_not_recovered": "丢失且未恢复：关闭这些 MLP 后，提示词中的事实也没能把答案带回来。",
    "lens.verdict.not_lost": "没有丢失：关闭这些 MLP 后答案（大部分）仍在——这个事实也存放在别处。",
    "lens.cases.layer0": "在小模型中，第 0 层的 MLP 很特殊：它像是词嵌入的一部分，关闭它会破坏整体的读取，而不只是这个事实——于是连从提示词中复制也失败了。可以与关闭第 1 … {last} 层对比。",
    "lens.cases.auto": "上面没有选择层，所以自动找出了承载该事实的层：{layers}。",
    "lens.cases.y": "P(下一个词元 = {token!r})",
    "lens.case.normal": "正常",
    "lens.case.mlp_off": "关闭 MLP",
    "lens.case.fact": "前置事实",
    "lens.case.both": "关闭 MLP + 事实",
    "lens.cases.col.case": "情况",
    "lens.cases.col.p": "概率",
    "lens.cases.note": "“关闭 MLP”情况中关闭的 MLP 层：{layers}。事实被放在共享提示词之前。",
    "lens.explain.title": "什么是“残差流”？为什么这只是一个“透镜”？",
    "lens.explain.body": (
        "每个位置都带着一个向量穿过模型：这就是**残差流**。它从词元嵌入加上位置信息开始（第 0 层）。"
        "{layers} 个模块中的每一个都读取它、计算一些东西（注意力从前面的位置混入信息，MLP 独立地变换每个位置），"
        "再把结果**加到**这个运行中的向量上——什么都不会被覆盖。最后，一个 LayerNorm 和反嵌入矩阵把向量变成词表中每个词元的分数。\n\n"
        "logit lens 在*每一个*模块之后都对运行中的向量施加同样的最终 LayerNorm + 反嵌入，就好像模型在那里停下。"
        "它只是一个**近似**：前面的层从未被训练成可以这样读取，它们保存的信息可能对后面的层有用，却还不像一个“下一个词”的猜测。"
        "前几行常常是噪声或当前词元的复制，这并不意味着模型在那里一无所知。"),
}

EN.update({
    "lens.subject": "Switch the MLPs off only at this word (empty = at every token)",
    "lens.subject.help": ("The search further down this page shows at which word this model looks the fact up (in our bundled "
                          "models: the country, e.g. “Poland”). Switching the MLPs off only at that word removes "
                          "the looked-up fact but leaves the rest of the model working, so it can still "
                          "copy an answer from the prompt."),
    "lens.ablated_where": "Only at the last “{subject}” in the question.",
    "lens.ablated_everywhere": "At every position.",
    "lens.subject_missing": "“{subject}” is not in the prompt, so at every position.",
})
ZH.update({
    "lens.subject": "只在这个词处关闭 MLP（留空 = 所有词元）",
    "lens.subject.help": ("本页下方的搜索显示这个模型在哪个词上查出这个事实（在我们附带的模型里是国家名，例如“波兰”）。只在那个词上关闭 MLP，"
                          "就能去掉查出的事实，而模型的其余部分照常工作，所以它仍然可以从提示词里抄出答案。"),
    "lens.ablated_where": "只在问题中最后一个“{subject}”的位置。",
    "lens.ablated_everywhere": "在所有位置。",
    "lens.subject_missing": "提示词里没有“{subject}”，所以在所有位置。",
})

EN.update({
    "lens.where": "At which word does the model look “{word}” up?",
    "lens.where.intro": ("Switch off every memory part (MLP) at one word of the prompt, run the model, and see how "
                         "likely the answer still is. Do that for each word in turn: where the answer disappears is "
                         "where this model looks the fact up."),
    "lens.where.y": "P({word}), MLPs off there",
    "lens.where.found": "here",
    "lens.where.lowest": "lowest, but not gone",
    "lens.where.last": "read out here",
    "lens.where.first_bar": "first word",
    "lens.where.base": "nothing switched off",
    "lens.where.gone": "below this line: gone",
    "lens.where.hover": "all MLPs off at",
    "lens.where.holds": ("In this model the fact is looked up at “{word}”: with every MLP off there, P({answer}) "
                         "falls from {base:.2f} to {p:.2f}."),
    "lens.where.next": "The next lowest is {q:.2f}, at “{w}”.",
    "lens.where.first": ("Careful with the first word, “{w}”: every later word reads it, so switching it off can "
                         "upset the whole sentence rather than one fact."),
    "lens.where.spread": ("No single word does it in this model: the lowest is P({answer}) = {p:.2f}, at “{word}” "
                          "(from {base:.2f}). The fact is put together over several words, or only at the last "
                          "position, where attention has already brought the country in. So switching the MLPs off "
                          "at one word below does not remove it either."),
    "lens.where.no_answer": ("The model does not predict “{word}” after this prompt in the first place "
                             "(P = {p:.3f}), so there is no fact to find: try the Warsaw preset."),
    "lens.where.too_short": "The prompt is one token long: there is no word before the last to search.",
    "lens.where.use": "Switch the MLPs off at “{word}” below",
    "lens.where.more": "How this search works, and why the last word is left out",
    "lens.where.more.body": (
        "This is a simple form of **causal tracing** (Meng et al., 2022, *Locating and Editing Factual "
        "Associations in GPT*): change one part of the computation, and measure what happens to the answer. "
        "Here the change is to set the output of all the MLPs at one position to zero, at every layer, and the "
        "measure is the answer's probability at the end. All positions are tried in one batched pass.\n\n"
        "- **The last position is not searched.** The answer is read out there: switching off its MLPs removes "
        "any answer, in every model we tried, so it says nothing about where *this* fact is.\n"
        "- **The first word is searched, but read its bar with care.** Every later word reads it, so switching "
        "its MLPs off can upset the whole sentence: on the Chinese model, switching them off at the first "
        "word 问 of the Warsaw prompt leaves P(华沙) at 0.02, although 问 says nothing about Poland. When the "
        "first word is among the two lowest bars, the page says so.\n"
        "- **“Gone”** means the probability falls below {gone:.2f} and the answer is no longer the model's first "
        "choice. The card on *How it learned* uses the same rule.\n"
        "- Models differ. In our bundled models the fact sits at the country; some models trained on other text "
        "look it up at the word after it (“capital”), and some only at the last position. The page shows what "
        "the model you chose does."),
})
ZH.update({
    "lens.where": "模型是在哪个词上查出“{word}”的？",
    "lens.where.intro": ("只在提示词里的一个词上关掉所有记忆部分（MLP），运行模型，看答案还有多大可能。"
                         "对每个词都这样试一遍：答案在哪个词上消失，这个模型就是在那里查出这个事实的。"),
    "lens.where.y": "关掉该处 MLP 后的 P({word})",
    "lens.where.found": "在这里",
    "lens.where.lowest": "最低，但没有消失",
    "lens.where.last": "在这里读出答案",
    "lens.where.first_bar": "第一个词",
    "lens.where.base": "什么都不关",
    "lens.where.gone": "低于这条线：消失",
    "lens.where.hover": "在此处关掉全部 MLP：",
    "lens.where.holds": ("这个模型是在“{word}”处查出这个事实的：在那里关掉全部 MLP，P({answer}) 从 {base:.2f} "
                         "降到 {p:.2f}。"),
    "lens.where.next": "其次是在“{w}”处：{q:.2f}。",
    "lens.where.first": "第一个词“{w}”要小心看：后面的每个词都会读它，所以关掉它可能扰乱整句话，而不只是一个事实。",
    "lens.where.spread": ("在这个模型里，没有哪一个词能单独做到：最低的是在“{word}”处，P({answer}) = {p:.2f}"
                          "（原来是 {base:.2f}）。这个事实是在几个词上合起来得到的，或者要到最后一个位置才得出——"
                          "那时注意力已经把国家的信息带了过来。所以下面只在一个词上关掉 MLP，也去不掉它。"),
    "lens.where.no_answer": "对这个提示词，模型本来就不预测“{word}”（P = {p:.3f}），所以没有事实可找：试试华沙预设。",
    "lens.where.too_short": "提示词只有一个词元：最后一个之前没有可以搜索的词。",
    "lens.where.use": "在下面只在“{word}”处关掉 MLP",
    "lens.where.more": "这种搜索是怎么做的？为什么不算最后一个词？",
    "lens.where.more.body": (
        "这是一种简单的**因果追踪**（Meng 等人，2022，《Locating and Editing Factual Associations in GPT》）："
        "改动计算中的一部分，再看答案发生了什么变化。这里的改动是：把某一个位置上所有层的 MLP 输出都设为零；"
        "衡量的是最后答案的概率。所有位置在一次批量计算中一起试。\n\n"
        "- **最后一个位置不参与搜索。** 答案就是在那里读出的：关掉那里的 MLP，在我们试过的每个模型里都会让任何答案消失，"
        "所以它说明不了*这个*事实在哪里。\n"
        "- **第一个词也参与搜索，但要小心看它的柱子。** 后面的每个词都会读它，所以关掉它的 MLP 可能扰乱整句话："
        "在中文模型上，关掉华沙提示词第一个词“问”处的 MLP，P(华沙) 只剩 0.02，可是“问”和波兰毫无关系。"
        "当第一个词是最低的两根柱子之一时，页面会提醒你。\n"
        "- “**消失**”是指概率降到 {gone:.2f} 以下，而且答案不再是模型的首选。“它是怎么学会的”页面上的成绩卡用的是同一条规则。\n"
        "- 不同的模型不一样。在我们附带的模型里，事实存放在国家名那里；有些用别的文本训练的模型在它后面的词（“首都”）上查出，"
        "有些只在最后一个位置。这个页面显示的是你选中的模型实际的做法。"),
})
