"""Messages of the tokenization page (prefix "tokens.")."""

EN = {
    "tokens.title": "Tokenization: how text becomes numbers",
    "tokens.intro": ("A language model never sees letters. A **tokenizer** first cuts the text into pieces "
                  "(tokens) from a fixed vocabulary and replaces each piece by its number. Our model's "
                  "vocabulary was learned with **byte-pair encoding (BPE)** on its own small {corpus} "
                  "corpus; the big GPTs learned theirs on a large part of the web."),
    "tokens.text": "Text to tokenize",
    "tokens.text.help": "Any text: English, Chinese, emoji, code … Starts with the shared prompt.",
    "tokens.preset.english": "English sentence",
    "tokens.preset.chinese": "Chinese sentence",
    "tokens.preset.emoji": "Emoji & flags",
    "tokens.preset.code": "Python code",
    "tokens.preset.long_word": "A long word",
    "tokens.preset.prompt": "Shared prompt",
    "tokens.show_ws": "Show spaces and newlines",
    "tokens.show_ws.help": "A space becomes ·, a newline ↵, a tab ⇥. Most tokens start with a space.",
    "tokens.empty": "The text is empty: type something or pick a preset.",
    "tokens.ours.header": "Our model's tokens",
    "tokens.words": ("This model reads Chinese, which is written without spaces, so it first splits the text into "
                     "words (our segmenter, learned from its training text: the most likely split by word counts): "
                     "**{words}**. Each word then becomes tokens, a space in front marking where a word starts."),
    "tokens.words.spaces": ("Your text has indents or several spaces in a row: this model does not keep them. One "
                            "space stands between any two words it reads, so code loses its indents here."),
    "tokens.metric.tokens": "Tokens",
    "tokens.metric.chars": "Characters",
    "tokens.metric.bytes": "UTF-8 bytes",
    "tokens.metric.cpt": "Characters per token",
    "tokens.chip.id": "id",
    "tokens.chip.bytes": "bytes",
    "tokens.hover_hint": "Hover over a token to see its id and its bytes. Grey chips with hex like <E5 A4> "
                      "are byte fragments: pieces of one character that the vocabulary has no token for.",
    "tokens.fragments": ("{n} of these tokens are byte fragments: the tokenizer works on UTF-8 bytes, and a "
                      "character it has never seen often enough (Chinese characters, emoji) is split into "
                      "its 2–4 bytes."),
    "tokens.ids": "Token ids",
    "tokens.compare.header": "The same text, four tokenizers",
    "tokens.compare.intro": ("Bigger vocabularies cut text into fewer, longer pieces. Our vocabulary "
                          "({vocab:,} tokens) only knows words from our corpus, so rare words fall apart "
                          "into pieces and Chinese falls apart into bytes. GPT-4's vocabulary (~100k) and "
                          "GPT-4o's (~200k) include many Chinese characters and words, so the same "
                          "sentence costs far fewer tokens — and tokens are what a model's context and "
                          "price are counted in."),
    "tokens.compare.ours": "This model",
    "tokens.compare.count": "{n} tokens · {cpt} characters per token · vocabulary {vocab:,}",
    "tokens.compare.why": "Technical detail",
    "tokens.compare.unavailable": ("The {label} tokenizer cannot be loaded here: its vocabulary is not on this "
                                "machine, and this app does not download anything (tiktoken would fetch it online)."),
    "tokens.compare.chart": "Tokens needed for this text",
    "tokens.compare.axis": "tokens",
    "tokens.bpe.header": "How BPE learned these tokens",
    "tokens.bpe.intro": ("BPE starts with the 256 possible bytes. It counts every pair of neighbouring "
                      "tokens in the corpus, merges the most frequent pair into a new token, and repeats. "
                      "Each merge adds one token to the vocabulary, so our {n:,} merges give "
                      "256 + {n:,} tokens (plus one end-of-text token)."),
    "tokens.bpe.none": "This checkpoint has no merges.json, so the merge history cannot be shown.",
    "tokens.cut": "This page tokenizes at most {n} characters: longer text is cut to its first {n}.",
    "tokens.bpe.damaged": "The merge history cannot be shown: {err}. Everything above comes from the tokenizer itself.",
    "tokens.bpe.step": "Merge step",
    "tokens.bpe.step.help": "Step through the merges in the order training learned them.",
    "tokens.bpe.chosen": "Step {step}: **{left}** + **{right}** → **{new}** (id {id}), merged {count:,} times in the corpus.",
    "tokens.bpe.window": "Merges {a}–{b} of {n}; the chosen one is marked ▶.",
    "tokens.bpe.after": "Your text after merge step {k}: {n} tokens",
    "tokens.bpe.after.help": "At step 0 every byte is its own token; each merge glues some of them together.",
    "tokens.tree.header": "Which merges built a token?",
    "tokens.tree.pick": "Token of your text",
    "tokens.tree.single": "“{tok}” is a single byte: no merge built it.",
    "tokens.tree.caption": "Bytes at the bottom; every box above is one merge (hover for its step).",
    "tokens.tree.step": "merge step",
    "tokens.tree.byte": "byte",
    "tokens.tree.table": "The merges that built it, in training order",
    "tokens.col.step": "step",
    "tokens.col.left": "left",
    "tokens.col.right": "right",
    "tokens.col.new_token": "new token",
    "tokens.col.new_id": "new id",
    "tokens.col.count": "times merged",
    "tokens.truncated_view": "Showing the first {n} of {total} tokens.",
}

ZH = {
    "tokens.title": "分词：文本如何变成数字",
    "tokens.intro": ("语言模型从来看不到字母。**分词器**先按一个固定的词表，把文本切成一个个小片段——**词元**（token），"
                  "再把每个词元换成它在词表中的编号。我们模型的词表是用**字节对编码**（BPE）在它自己的小型{corpus}语料上"
                  "学出来的；大型 GPT 的词表则是在网络上相当大一部分文本上学出来的。"),
    "tokens.text": "要分词的文本",
    "tokens.text.help": "任何文本都可以：英文、中文、表情符号、代码……一开始填入的是共享提示词。",
    "tokens.preset.english": "英文句子",
    "tokens.preset.chinese": "中文句子",
    "tokens.preset.emoji": "表情符号与旗帜",
    "tokens.preset.code": "Python 代码",
    "tokens.preset.long_word": "超长单词",
    "tokens.preset.prompt": "共享提示词",
    "tokens.show_ws": "显示空格和换行",
    "tokens.show_ws.help": "空格显示为 ·，换行显示为 ↵，制表符显示为 ⇥。大多数词元都以空格开头。",
    "tokens.empty": "文本为空：请输入内容或选择一个预设。",
    "tokens.ours.header": "我们模型的词元",
    "tokens.words": ("这个模型读中文。中文词与词之间没有空格，所以它先把文字切成词（我们的分词器，从它的训练文字里学来："
                     "按词频选最可能的切法）：**{words}**。然后每个词再变成词元，词元前面的空格标出一个词从哪里开始。"),
    "tokens.words.spaces": "你的文字里有缩进或连续的几个空格：这个模型不保留它们。它读到的任何两个词之间都只有一个空格，所以代码在这里会丢掉缩进。",
    "tokens.metric.tokens": "词元数",
    "tokens.metric.chars": "字符数",
    "tokens.metric.bytes": "UTF-8 字节数",
    "tokens.metric.cpt": "每个词元的字符数",
    "tokens.chip.id": "编号",
    "tokens.chip.bytes": "字节",
    "tokens.hover_hint": "把鼠标移到词元上，可以看到它的编号和字节。显示为 <E5 A4> 这类十六进制的灰色块是字节碎片："
                      "词表里没有这个字符的词元，只好把一个字符拆成几块，每块就是其中的一部分。",
    "tokens.fragments": ("其中 {n} 个词元是字节碎片：分词器处理的是 UTF-8 字节，一个字符如果在训练语料里见得不够多"
                      "（比如汉字、表情符号），就会被拆成它的 2–4 个字节。"),
    "tokens.ids": "词元编号",
    "tokens.compare.header": "同一段文本，四种分词器",
    "tokens.compare.intro": ("词表越大，切出的片段就越少、越长。我们的词表（{vocab:,} 个词元）只认识我们语料里的词，"
                          "所以生僻词会被切碎，中文则被拆成字节。GPT-4 的词表（约 10 万）和 GPT-4o 的词表（约 20 万）"
                          "收录了大量汉字和中文词语，同一句话需要的词元少得多——而模型的上下文长度和使用价格都是按词元计算的。"),
    "tokens.compare.ours": "本模型",
    "tokens.compare.count": "{n} 个词元 · 每个词元 {cpt} 个字符 · 词表 {vocab:,}",
    "tokens.compare.why": "技术细节",
    "tokens.compare.unavailable": "这里无法加载 {label} 分词器：这台机器上没有它的词表，而本应用不会联网下载任何东西（tiktoken 会去网上取）。",
    "tokens.compare.chart": "这段文本需要的词元数",
    "tokens.compare.axis": "词元数",
    "tokens.bpe.header": "BPE 是如何学到这些词元的",
    "tokens.bpe.intro": ("BPE 从全部 256 种可能的字节出发：统计语料中每一对相邻词元出现的次数，把最常见的一对合并成一个新词元，"
                      "然后不断重复。每次合并给词表增加一个词元，所以我们的 {n:,} 次合并得到 256 + {n:,} 个词元"
                      "（外加一个文本结束词元）。"),
    "tokens.bpe.none": "这个模型检查点（checkpoint）没有 merges.json，因此无法显示合并的历史。",
    "tokens.cut": "这个页面最多处理 {n} 个字符：更长的文本只保留前 {n} 个字符。",
    "tokens.bpe.damaged": "无法显示合并的历史：{err}。上面的内容都直接来自分词器本身。",
    "tokens.bpe.step": "合并步骤",
    "tokens.bpe.step.help": "按训练时学到的顺序，一步一步查看这些合并。",
    "tokens.bpe.chosen": "第 {step} 步：**{left}** + **{right}** → **{new}**（编号 {id}），在语料中合并了 {count:,} 次。",
    "tokens.bpe.window": "第 {a}–{b} 次合并（共 {n} 次）；选中的那一次标有 ▶。",
    "tokens.bpe.after": "第 {k} 步合并之后你的文本：{n} 个词元",
    "tokens.bpe.after.help": "第 0 步时，每个字节都是一个单独的词元；每次合并都会把其中一些粘成一个。",
    "tokens.tree.header": "一个词元是由哪些合并构成的？",
    "tokens.tree.pick": "你的文本中的词元",
    "tokens.tree.single": "“{tok}” 是单个字节，没有经过合并。",
    "tokens.tree.caption": "最底下是字节，上面每个方框是一次合并（鼠标悬停可看是第几步）。",
    "tokens.tree.step": "合并步骤",
    "tokens.tree.byte": "字节",
    "tokens.tree.table": "构成它的合并（按训练顺序）",
    "tokens.col.step": "步骤",
    "tokens.col.left": "左",
    "tokens.col.right": "右",
    "tokens.col.new_token": "新词元",
    "tokens.col.new_id": "新编号",
    "tokens.col.count": "合并次数",
    "tokens.truncated_view": "只显示了 {total} 个词元中的前 {n} 个。",
}
EN["tokens.intro.gpt2"] = (
    "A language model never sees letters. A **tokenizer** first cuts the text into pieces (tokens) from a fixed "
    "vocabulary and replaces each piece by its number. {name} reads with a vocabulary of {V} tokens, learned with "
    "**byte-pair encoding (BPE)** on the text it was trained on.")
ZH["tokens.intro.gpt2"] = (
    "语言模型从来看不到字母。**分词器**先按一个固定的词表，把文本切成一个个小片段——**词元**（token），再把每个词元换成"
    "它在词表中的编号。{name} 的词表有 {V} 个词元，是用**字节对编码**（BPE）在它的训练文本上学出来的。")
EN["tokens.bpe.intro.gpt2"] = (
    "BPE starts with the 256 possible bytes. It counts every pair of neighbouring tokens in the corpus, merges the most "
    "frequent pair into a new token, and repeats. This model's {n:,} merges, in the order they were learned, give 256 + {n:,} "
    "tokens (plus one end-of-text token). Its files do not say how often each pair occurred, so the count column is empty.")
ZH["tokens.bpe.intro.gpt2"] = (
    "BPE 从全部 256 种可能的字节出发：统计语料中每一对相邻词元出现的次数，把最常见的一对合并成一个新词元，然后不断重复。"
    "这个模型按学习顺序排列的 {n:,} 次合并得到 256 + {n:,} 个词元（外加一个文本结束词元）。它的文件里没有记录每一对出现了多少次，"
    "所以“次数”一列是空的。")
EN["tokens.bpe.chosen.uncounted"] = "Step {step}: **{left}** + **{right}** → **{new}** (id {id})."
ZH["tokens.bpe.chosen.uncounted"] = "第 {step} 步：**{left}** + **{right}** → **{new}**（编号 {id}）。"
