"""Messages of the frame: title, sidebar, navigation (prefixes "app." and "nav.")."""

EN = {
    "app.title": "Inside a small GPT",
    "app.choose": "Choose…",
    "app.foreign": ("This model learned English only, from its own small corpus. {share} of this prompt's tokens "
                    "are byte pieces of characters it has almost never seen (Chinese, emoji, accents), so its "
                    "predictions here mean little. The Tokenization page shows how such text is cut up."),
    "app.foreign_zh": ("This model learned Chinese only, from its own small corpus. {share} of this prompt's tokens "
                       "are byte pieces of characters it has almost never seen (emoji, rare characters, accents), so "
                       "its predictions here mean little. The Tokenization page shows how such text is cut up."),
    "app.corpus.en": "English",
    "app.corpus.zh": "Chinese",
    "app.language": "Language",
    "app.model": "Model",
    "app.model.bundled": "Bundled model",
    "app.model.bundled_zh": "Bundled Chinese model (reads 中文)",
    "app.prompt": "Prompt (shared by all pages)",
    "app.prompt.help": "The text the model reads. Every page uses it unless a preset replaces it.",
    "app.model_info": "{params} parameters · {layers} layers × {heads} heads · d={d} · context {ctx} tokens",
    "app.truncated": "The text is longer than the model's context of {ctx} tokens: the first {n} tokens were dropped.",
    "app.empty": "The prompt is empty: type some text in the sidebar or pick a preset.",
    "app.present": "Presenter mode",
    "app.present.help": "Large text and charts for a projector; the link keeps it (present=1).",
    "app.share": "Link to this view",
    "app.share.help": ("This link opens this page with the same prompt, language, controls and lesson step. "
                       "Copy it with the button at the right of the box."),
    "app.link.bad": "The link’s value for “{name}” ({value}) cannot be used here, so the page starts from its default.",
    "app.preset_replaced": "A preset replaced your prompt.",
    "app.undo": "Undo",
    "app.prompt_cut": "The prompt holds at most {n} characters: only its last {n} are kept.",
    "app.snapshot_error": ("This snapshot could not be loaded, so the pages show the bundled model instead "
                           "and the snapshot is left out of the list. {err}"),
    "app.download_csv": "Download the numbers (CSV)",
    "app.presets": "Presets",
    "nav.lesson": "Start here: a guided lesson",
    "nav.overview": "Overview: the pipeline",
    "nav.tokens": "Tokenization",
    "nav.vectors": "Word vectors",
    "nav.attention": "Attention",
    "nav.lens": "Layer by layer",
    "nav.sampling": "Sampling",
}
ZH = {
    "app.title": "走进一个小型 GPT",
    "app.choose": "请选择……",
    "app.corpus.en": "英文",
    "app.corpus.zh": "中文",
    "app.foreign_zh": ("这个模型只从自己的小型中文语料里学过中文。这段提示词有 {share} 的词元是它几乎没见过的字符"
                       "（表情符号、生僻字、带重音的字母）的字节碎片，所以它在这里的预测意义不大。“分词”页展示了这样的文字是怎么被切开的。"),
    "app.foreign": ("这个模型只从自己的小型英文语料里学过英语。这段提示词有 {share} 的词元是字节碎片，"
                    "来自它几乎从未见过的字符（中文、表情符号、带重音的字母），所以它在这里的预测没有什么意义。"
                    "“分词”页面展示了这类文字是怎样被切开的。"),
    "app.language": "语言",
    "app.model": "模型",
    "app.model.bundled": "内置模型",
    "app.model.bundled_zh": "内置中文模型（读中文）",
    "app.prompt": "提示词（所有页面共用）",
    "app.prompt.help": "模型读取的文本。除非被某个预设替换，每个页面都使用它。",
    "app.model_info": "{params} 个参数 · {layers} 层 × {heads} 个头 · d={d} · 上下文 {ctx} 个词元",
    "app.truncated": "文本超出了模型 {ctx} 个词元的上下文长度：最前面的 {n} 个词元被丢弃了。",
    "app.empty": "提示词为空：请在侧边栏输入文字，或选择一个预设。",
    "app.present": "演示模式",
    "app.present.help": "为投影仪放大文字和图表；链接会记住它（present=1）。",
    "app.share": "这个画面的链接",
    "app.share.help": "这个链接会用同样的提示词、语言、控件和课程步骤打开这一页。用框右侧的按钮复制它。",
    "app.link.bad": "链接里“{name}”的值（{value}）在这里用不了，所以页面从默认值开始。",
    "app.preset_replaced": "一个预设替换了你的提示词。",
    "app.undo": "撤销",
    "app.prompt_cut": "提示词最多 {n} 个字符：只保留了最后 {n} 个字符。",
    "app.snapshot_error": "这个快照无法加载，所以各页面改为显示自带的模型，并把这个快照从列表中去掉。{err}",
    "app.download_csv": "下载这些数字（CSV）",
    "app.presets": "预设",
    "nav.lesson": "从这里开始：引导课程",
    "nav.overview": "总览：流水线",
    "nav.tokens": "分词",
    "nav.vectors": "词向量",
    "nav.attention": "注意力",
    "nav.lens": "逐层观察",
    "nav.sampling": "采样",
}
EN["app.model.snapshot"] = "Snapshot: step {step}"
ZH["app.model.snapshot"] = "训练快照：第 {step} 步"
EN["app.model.help"] = ("The finished bundled model, or the same model as it was part-way through its training "
                        "(snapshots saved at these steps): pick an early one to see what it had not learned yet. "
                        "GPT-2 is a real, much larger model by OpenAI (downloaded once, when the server is online): "
                        "the same pages, its own numbers.")
ZH["app.model.help"] = ("训练完成的内置模型，或者同一个模型在训练途中的样子（在这些步数保存的快照）：选一个早期快照，看看它那时还没学会什么。"
                        "GPT-2 是 OpenAI 发布的一个真实的、大得多的模型（服务器联网时下载一次）：同样的页面，它自己的数字。")
EN["nav.timeline"] = "How it learned"
ZH["nav.timeline"] = "它是怎么学会的"
EN["nav.training"] = "Train your own"
ZH["nav.training"] = "训练你自己的模型"
EN["app.model.yours"] = "Your model (step {step:,})"
ZH["app.model.yours"] = "你的模型（第 {step:,} 步）"
EN["app.model.folder"] = "{name} (from the server's model folder)"
ZH["app.model.folder"] = "{name}（服务器模型文件夹）"
EN["app.model.yours_gone"] = "Your model is no longer there (it was reset or replaced): showing the bundled model."
ZH["app.model.yours_gone"] = "你的模型已经不在了（被重置或替换）：现在显示内置模型。"
EN["app.model.folder_error"] = "This model cannot be loaded: {err}. Showing the bundled model."
ZH["app.model.folder_error"] = "这个模型无法加载：{err}。现在显示内置模型。"
EN["nav.counting"] = "From counting to a GPT"
ZH["nav.counting"] = "从计数到 GPT"
EN["nav.neurons"] = "Why neural networks work"
ZH["nav.neurons"] = "神经网络为什么管用"
EN["nav.classroom"] = "Class mode"
ZH["nav.classroom"] = "课堂模式"
EN["app.model.unusable"] = ("This model cannot be used, so no page can show it: {err}. Whoever runs this server "
                            "can replace the file or point the server at another model.")
ZH["app.model.unusable"] = "这个模型无法使用，所以各页面都无法显示它：{err}。运行这台服务器的人可以替换这个文件，或者让服务器改用另一个模型。"
EN["app.model.use_bundled"] = "Use the model that ships with the app"
ZH["app.model.use_bundled"] = "改用应用自带的模型"
EN["app.model.damaged_list"] = "Not offered because a file is damaged: {items}"
ZH["app.model.damaged_list"] = "因文件损坏而未列出：{items}"
EN["app.model.damaged_item"] = "{name} ({err})"
ZH["app.model.damaged_item"] = "{name}（{err}）"
EN["app.text_replaced"] = "{n} character(s) in your text could not be read and were replaced with �."
ZH["app.text_replaced"] = "你的文字里有 {n} 个字符无法读取，已替换为 �。"
EN["app.settings.bad"] = ("This server's settings are out of range, so the app does not start. Whoever runs the "
                          "server should change them and start it again:")
ZH["app.settings.bad"] = "这台服务器的设置超出了允许的范围，所以应用没有启动。运行服务器的人需要修改下面的设置，然后重新启动："
# GPT-2 from Hugging Face (explainer.gpt2): the sidebar's choices and what happens when it cannot be had
EN["app.gpt2.gpt2"] = "GPT-2 small"
ZH["app.gpt2.gpt2"] = "GPT-2 small（小号）"
EN["app.gpt2.distilgpt2"] = "DistilGPT2"
ZH["app.gpt2.distilgpt2"] = "DistilGPT2（蒸馏版）"
EN["app.gpt2.gpt2-medium"] = "GPT-2 medium"
ZH["app.gpt2.gpt2-medium"] = "GPT-2 medium（中号）"
EN["app.model.gpt2"] = "{name} (OpenAI's, {params} parameters)"
ZH["app.model.gpt2"] = "{name}（OpenAI 的模型，{params} 个参数）"
EN["app.model.gpt2_download"] = "{name} (downloads ≈ {mb} MB once)"
ZH["app.model.gpt2_download"] = "{name}（需下载一次，约 {mb} MB）"
EN["app.model.gpt2_unavailable"] = "{name} (cannot be downloaded here)"
ZH["app.model.gpt2_unavailable"] = "{name}（这里无法下载）"
EN["app.model.gpt2_downloading"] = "Downloading {name} (≈ {mb} MB, once for this server)…"
ZH["app.model.gpt2_downloading"] = "正在下载 {name}（约 {mb} MB，这台服务器只需下载一次）……"
EN["app.model.gpt2_offline"] = (
    "{name} could not be downloaded here: huggingface.co did not answer, or the download did not finish (this "
    "server may have no internet). "
    "Nothing else changes: the pages show the bundled model. To use GPT-2 without internet, whoever runs the "
    "server copies a GPT-2 folder into its model folder once (see docs/deploy.md).")
ZH["app.model.gpt2_offline"] = (
    "{name} 无法在这里下载：huggingface.co 没有响应，或者下载没有完成（这台服务器可能没有联网）。其他一切照旧：各页面显示内置模型。"
    "想在没有网络的地方使用 GPT-2，运行服务器的人只需把一个 GPT-2 文件夹复制到服务器的模型文件夹里一次（见 docs/deploy.md）。")
EN["app.model_info.reads"] = " (the pages read its last {n})"
ZH["app.model_info.reads"] = "（各页面只读最后 {n} 个）"
EN["app.foreign_gpt2"] = ("{share} of this prompt's tokens are byte pieces: this model's vocabulary has almost no whole "
                          "tokens for these characters (Chinese, emoji, accents), a sign it saw them rarely, so its "
                          "predictions here mean less. The Tokenization page shows how such text is cut up.")
ZH["app.foreign_gpt2"] = ("这段提示词里有 {share} 的词元是字节碎片：这个模型的词表里几乎没有这些字符（中文、表情符号、带重音的字母）"
                          "的完整词元，说明它很少见到它们，所以它在这里的预测意义不大。“分词”页展示了这类文字是怎样被切开的。")
# who made the GPT-2 and what it read: said only for the models the app downloads (a folder's origin is unknown)
EN["app.gpt2.about.gpt2"] = (
    "You are looking inside **{name}**: OpenAI's model from 2019, {params} parameters, trained on about 40 GB of "
    "English web pages (WebText) — not on this app's stories. Every number on the page is computed by it, now.")
ZH["app.gpt2.about.gpt2"] = (
    "你正在观察 **{name}** 的内部：这是 OpenAI 2019 年发布的模型，有 {params} 个参数，用大约 40 GB 的英文网页（WebText）"
    "训练而成——而不是本应用的小故事。页面上的每个数字都是它此刻算出来的。")
EN["app.gpt2.about.gpt2-medium"] = EN["app.gpt2.about.gpt2"]
ZH["app.gpt2.about.gpt2-medium"] = ZH["app.gpt2.about.gpt2"]
EN["app.gpt2.about.distilgpt2"] = (
    "You are looking inside **{name}**: a smaller copy of GPT-2 that Hugging Face trained in 2019 to imitate it on "
    "English web pages (OpenWebText), {params} parameters — not on this app's stories. Every number on the page is "
    "computed by it, now.")
ZH["app.gpt2.about.distilgpt2"] = (
    "你正在观察 **{name}** 的内部：这是 Hugging Face 在 2019 年训练的 GPT-2 缩小版，让它在英文网页（OpenWebText）上模仿 GPT-2，"
    "有 {params} 个参数——而不是用本应用的小故事训练的。页面上的每个数字都是它此刻算出来的。")
EN["app.gpt2.about"] = (
    "You are looking inside **{name}**, a model in GPT-2's format from this server's model folder, {params} "
    "parameters. This app did not train it and does not know what it read. Every number on the page is computed by "
    "it, now.")
ZH["app.gpt2.about"] = (
    "你正在观察 **{name}** 的内部：这是服务器模型文件夹里一个 GPT-2 格式的模型，有 {params} 个参数。它不是本应用训练的，"
    "本应用也不知道它读过什么。页面上的每个数字都是它此刻算出来的。")
EN["app.corpus.gpt2"] = "English web pages (WebText, about 40 GB)"
ZH["app.corpus.gpt2"] = "英文网页（WebText，约 40 GB）"
