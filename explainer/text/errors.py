"""Messages of errors the pages show to users (``err.*``), built by ``WordError.of``."""

EN = {
    "err.word.empty": "Type a word first.",
    "err.word.unknown": "“{w}” is not in the {space} vocabulary ({n} words from the training corpus).",
    "err.word.did_you_mean": " Did you mean: {words}?",
    "err.word.split": ("“{w}” is not one token for this model: it is split into {pieces}. "
                       "Word vectors here are for whole-word tokens."),
    "err.word.try": " Try: {words}.",
    "err.word.not_in_sentence": "“{w}” does not occur in this sentence: {sentence}",
}
ZH = {
    "err.word.empty": "请先输入一个词。",
    "err.word.unknown": "“{w}”不在 {space} 的词表里（词表共 {n} 个词，都来自训练语料）。",
    "err.word.did_you_mean": "你是不是想找：{words}？",
    "err.word.split": "对这个模型来说，“{w}”不是一个词元：它被切成了 {pieces}。这里的词向量只针对整词词元。",
    "err.word.try": "可以试试：{words}。",
    "err.word.not_in_sentence": "这个句子里没有“{w}”：{sentence}",
}
