"""Messages of the "From counting to a GPT" page (prefix "counting.")."""

EN = {
    "counting.title": "From counting to a GPT",
    "counting.lead": (
        "Before neural networks, language models simply counted: in a big pile of text, which letter or word "
        "usually comes after these ones? Counting gets surprisingly far — and then it runs out of text."),
    "counting.how": "How a counting model works",
    "counting.how.text": (
        "A **letter n-gram model** looks at the last n − 1 letters and picks the next letter in proportion to how "
        "often each letter followed those n − 1 letters in the counted text. A **word n-gram model** does the same "
        "with whole words. Here both counted {mb} MB of the same generated stories the GPT learned from (the GPT "
        "read 20 MB). Smoothing: every count gets +{k} (add-k), so a letter never seen after a context still has a "
        "tiny chance; a context never seen at all gives every symbol the same chance. When writing, a model that "
        "meets a context it never saw uses the longest shorter one it did see. Words seen only once count as "
        "“unknown”. On the model that reads Chinese, a “letter” is one Chinese character and a word is one of "
        "the words our segmenter splits the text into."),
    "counting.write.header": "1 · The same start, written by each model",
    "counting.write.caption": "Each model continues your start with the same random seed. More letters of memory → text more like the training text.",
    "counting.start": "Start of the text",
    "counting.seed": "Random seed",
    "counting.col.model": "model",
    "counting.col.text": "what it writes",
    "counting.model.letters": "letters, n = {n}",
    "counting.model.words": "words, n = {n}",
    "counting.model.gpt": "the GPT",
    "counting.quality.header": "2 · How surprised is each model by text it never saw?",
    "counting.quality.caption": (
        "Bits per character on the GPT's own held-out text ({chars:,} characters): how many yes/no questions the "
        "model needs, on average, to pin down each next character. Lower = better. The word models are flattered a "
        "little: they are not charged for spaces or for spelling unknown words."),
    "counting.quality.result": (
        "Best counting model: {best} with {best_bits:.2f} bits per character. The GPT: {gpt:.2f} — "
        "{ratio:.1f} × less surprised, with {params} weights instead of a table of {rows} rows."),
    "counting.axis.n": "n (how many symbols it looks at, counting the one it predicts)",
    "counting.axis.bits": "bits per character (lower = better)",
    "counting.legend.letters": "letter models",
    "counting.legend.words": "word models",
    "counting.legend.gpt": "the GPT",
    "counting.runs.header": "3 · Why counting runs out",
    "counting.runs.caption": (
        "Left: the share of the held-out text's n-grams that never occurred in the counted text — the model has no "
        "count for them at all. Right: how many rows the counting table needs (solid) and how many n-grams are "
        "possible (dotted), next to the GPT's number of weights."),
    "counting.runs.sentence": (
        "With {V} different characters there are {V}^{n} ≈ 10^{exp:.0f} possible {n}-letter sequences, but the "
        "counted text holds only {chars:,} characters. For longer sequences no amount of text ever written could "
        "show each one even once — a model has to generalise instead of look things up. That is what the GPT's "
        "{params} weights do."),
    "counting.axis.unseen": "never seen in the counted text",
    "counting.axis.rows": "rows (log scale)",
    "counting.legend.letters_table": "letter n-grams seen",
    "counting.legend.words_table": "word n-grams seen",
    "counting.legend.letters_possible": "letter n-grams possible",
    "counting.legend.words_possible": "word n-grams possible",
    "counting.legend.gpt_params": "the GPT's weights",
    "counting.next.header": "4 · The next word after your prompt",
    "counting.next.caption": (
        "The word 3-gram model sees only the last {n} word(s) of the shared prompt — “{context}” — and answers with "
        "the words that followed them in its pile of text. The GPT reads the whole prompt."),
    "counting.next.none": "The counting model had never seen any of the last words, so it falls back to plain word frequencies.",
    "counting.next.counting": "counting (word 3-gram)",
    "counting.next.gpt": "the GPT",
    "counting.next.prob": "probability",
    "counting.next.verdict": (
        "Counting gives its top word “{cw}” a chance of {cp:.0%}; the GPT gives “{gw}” {gp:.0%}."),
    "counting.building": "Counting {mb} MB of text (once per server, a few seconds) …",
}

ZH = {
    "counting.title": "从计数到 GPT",
    "counting.lead": "在神经网络出现之前，语言模型只是简单地数数：在一大堆文字里，这几个字符或词后面通常跟着什么？数数能走得出奇地远——然后，文字就不够用了。",
    "counting.how": "计数模型是怎么工作的",
    "counting.how.text": (
        "**字符 n 元模型**看最后 n − 1 个字符，按照在统计过的文字里每个字符跟在这 n − 1 个字符后面的次数，按比例选出下一个字符。"
        "**词 n 元模型**对整个词做同样的事。这里两种模型都统计了 {mb} MB 与 GPT 学习时相同的生成故事（GPT 读了 20 MB）。"
        "平滑方法：每个次数都加上 {k}（加 k 平滑），所以从没在某个上文后出现过的字符也还有一点点机会；"
        "完全没见过的上文，则给每个符号同样的机会。写文字时，遇到没见过的上文，模型会改用它见过的最长的更短上文。只出现过一次的词算作“未知词”。读中文的模型：一个“字符”就是一个汉字，“词”是我们的分词器切出来的词。"),
    "counting.write.header": "1 · 同一个开头，由每个模型接着写",
    "counting.write.caption": "每个模型都用同一个随机种子接着你的开头往下写。记住的字符越多 → 写出来越像训练文字。",
    "counting.start": "文字的开头",
    "counting.seed": "随机种子",
    "counting.col.model": "模型",
    "counting.col.text": "它写出的内容",
    "counting.model.letters": "字符，n = {n}",
    "counting.model.words": "词，n = {n}",
    "counting.model.gpt": "GPT",
    "counting.quality.header": "2 · 面对没见过的文字，每个模型有多“意外”？",
    "counting.quality.caption": (
        "在 GPT 自己的留出文字（{chars:,} 个字符）上每个字符的比特数：平均需要问多少个是非题才能确定下一个字符。越低越好。"
        "词模型的数字略占便宜：空格和未知词的拼写不算在它们头上。"),
    "counting.quality.result": "最好的计数模型：{best}，每个字符 {best_bits:.2f} 比特。GPT：{gpt:.2f}——意外程度低 {ratio:.1f} 倍，用的是 {params} 个权重，而不是一张 {rows} 行的表。",
    "counting.axis.n": "n（它看的符号个数，包括要预测的那一个）",
    "counting.axis.bits": "每个字符的比特数（越低越好）",
    "counting.legend.letters": "字符模型",
    "counting.legend.words": "词模型",
    "counting.legend.gpt": "GPT",
    "counting.runs.header": "3 · 为什么数数会不够用",
    "counting.runs.caption": "左图：留出文字里的 n 元组中，在统计过的文字里从未出现过的比例——模型对它们一个次数都没有。右图：计数表需要多少行（实线），以及可能的 n 元组有多少（虚线），旁边是 GPT 的权重个数。",
    "counting.runs.sentence": (
        "有 {V} 种不同的字符，就有 {V}^{n} ≈ 10^{exp:.0f} 种可能的 {n} 个字符的序列，而统计过的文字只有 {chars:,} 个字符。"
        "对更长的序列，人类写下的所有文字加起来也不可能把每一种都展示一遍——模型必须学会举一反三，而不是查表。GPT 的 {params} 个权重做的就是这件事。"),
    "counting.axis.unseen": "在统计过的文字里从未出现",
    "counting.axis.rows": "行数（对数刻度）",
    "counting.legend.letters_table": "见过的字符 n 元组",
    "counting.legend.words_table": "见过的词 n 元组",
    "counting.legend.letters_possible": "可能的字符 n 元组",
    "counting.legend.words_possible": "可能的词 n 元组",
    "counting.legend.gpt_params": "GPT 的权重",
    "counting.next.header": "4 · 你的提示词之后的下一个词",
    "counting.next.caption": "词 3 元模型只看共享提示词的最后 {n} 个词——“{context}”——并用在它那堆文字里跟在这些词后面的词来回答。GPT 读的是整个提示词。",
    "counting.next.none": "计数模型从没见过最后这些词，所以只能退回到普通的词频。",
    "counting.next.counting": "计数（词 3 元模型）",
    "counting.next.gpt": "GPT",
    "counting.next.prob": "概率",
    "counting.next.verdict": "计数模型给它的首选词“{cw}”的概率是 {cp:.0%}；GPT 给“{gw}”的概率是 {gp:.0%}。",
    "counting.building": "正在统计 {mb} MB 的文字（每台服务器只做一次，需要几秒钟）……",
}
EN["counting.gpt2"] = (
    "The counting models below counted this app's stories; {name} never read them — it learned from other text. So "
    "here it meets text it has not seen, in a style it knows less well. To keep the page quick, the comparison scores "
    "every model on the first {chars} characters of the held-out stories.")
ZH["counting.gpt2"] = (
    "下面的计数模型数的是本应用的小故事；{name} 从没读过它们——它是从别的文字里学的。所以在这里它遇到的是没见过、风格也不太熟悉的文字。"
    "为了让页面打开得快一些，比较时所有模型都只在留出故事的前 {chars} 个字符上打分。")
