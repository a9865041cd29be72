"""Messages of the "Train your own" page (prefix "training.")."""

EN = {
    "training.title": "Train your own GPT",
    "training.lead": (
        "Here you train a brand-new, tiny GPT from nothing and watch it learn. At first it guesses "
        "random bits of words; after some seconds of reading, real words and sentences appear."),
    "training.loop.header": "What happens at every step",
    "training.loop.forward": "**1 · Read.** The model reads 16 short pieces of the text and guesses every next token.",
    "training.loop.loss": "**2 · Measure.** The *loss* says how surprised it was by the real next tokens. Lower is better.",
    "training.loop.backward": ("**3 · Blame.** For each of its {params} numbers (its *weights*) it works out which "
                               "way to turn it to be less surprised."),
    "training.loop.update": ("**4 · Nudge.** Every weight is turned a tiny bit that way — like thousands of small "
                             "valves adjusted at once. Then the next step."),
    "training.source": "What should it read?",
    "training.source.stories": "The app's own stories (0.3 MB, the same kind of text as the main model's)",
    "training.source.paste": "Text I paste",
    "training.source.upload": "A .txt file",
    "training.limits": "Your text: {min:,} characters to 2 MB. The last tenth is kept aside to test it on text it did not read.",
    "training.paste": "Paste a text (a book chapter, song lyrics, your notes … in any language)",
    "training.upload": "A plain-text file (.txt, UTF-8, at most 2 MB)",
    "training.upload.too_big": "{name} is {size:,} bytes; the limit is 2,000,000 bytes (2 MB). It was not read.",
    "training.text.error": "This text cannot be used: {err}",
    "training.text.ok": "{chars:,} characters ready.",
    "training.start": "Start training",
    "training.pause": "Pause",
    "training.resume": "Go on training",
    "training.reset": "Throw away and start again",
    "training.state.new": "Not started yet.",
    "training.state.queued": ("Waiting for a free place: number {pos} in the line. {running} of {max} trainings "
                              "run at once on this server."),
    "training.state.starting": "Starting (loading the training program) …",
    "training.state.running": "Training: step {step:,} of {steps:,}.",
    "training.state.pausing": "Pausing at the end of this step …",
    "training.state.paused": "Paused at step {step:,} of {steps:,}. Nothing is lost: “Go on training” continues from here.",
    "training.state.finished": "Finished: {steps:,} steps.",
    "training.state.error": "The training stopped with an error: {err}",
    "training.m.step": "step",
    "training.m.loss": "loss now",
    "training.m.tok": "tokens / second",
    "training.m.grad": "gradient size",
    "training.m.lr": "step size (learning rate)",
    "training.m.grad.help": "How big the “which way to turn” signal is (the gradient's norm). It is capped at 1 so one strange batch cannot throw the model off.",
    "training.m.lr.help": "How far each weight is turned per step. It rises at the start, then slowly falls.",
    "training.chart.header": "How wrong it is, step by step",
    "training.chart.caption": (
        "Lower = better. It starts near {start:.1f} (a blind guess among {vocab:,} tokens) and falls as it learns. "
        "Dots: the text kept aside. When the dots stop falling while the line goes on down, it is memorising "
        "your text instead of learning it."),
    "training.chart.title": "Loss during training",
    "training.chart.step": "step",
    "training.chart.loss": "loss (lower = better)",
    "training.chart.train": "text it reads (each step)",
    "training.chart.val": "text kept aside",
    "training.probes.header": "What it would write next",
    "training.probes.caption": "Its five favourite next tokens after each prompt, from the model as it is at step {step:,} (· stands for a space).",
    "training.probes.prompt": "prompt",
    "training.probes.top": "top 5 next tokens (probability)",
    "training.sample": "It continues “{prompt}” with: **{text}**",
    "training.empty": "Start the training to see the loss fall and the first words appear.",
    "training.use": "Use my model on every page",
    "training.use.done": "Your model (step {step:,}) is now chosen in the sidebar: every page shows it. Other users don't see it.",
    "training.use.note": "Your model lives in this browser tab only. Download it to keep it.",
    "training.download": "Download my model (.zip)",
    "training.load.header": "Load a model you downloaded before",
    "training.load": "A model file (.zip) saved from this page",
    "training.load.ok": "Loaded {name}: {params} weights, trained {step:,} steps. It is chosen in the sidebar as “Your model”.",
    "training.load.error": "{err}",
    "training.first_words": "First probe reading {s:.0f} s after you pressed Start.",
    "training.more": "More detail: the model, the machine, the limits",
    "training.more.text": (
        "- The model: {layers} layers × {heads} attention heads, {d} numbers per token, it reads {ctx} tokens at a "
        "time; {params} weights. Its tokenizer is learned from the same text first (up to {vocab:,} tokens).\n"
        "- Training runs in a separate process on {threads} CPU thread(s), so the pages stay quick for everyone. "
        "At most {max} trainings run at once on this server; others wait in line and see their place.\n"
        "- A training nobody watches for 90 s is paused (and can go on later). Pause always finishes the current "
        "step and saves, so no step is lost.\n"
        "- Same thing from a terminal: `python -m explainer train --preset live --text FILE --out DIR`."),
}

ZH = {
    "training.title": "训练你自己的 GPT",
    "training.lead": "在这里，你从零开始训练一个全新的小 GPT，并看着它学习。一开始它只会乱猜一些词的碎片；读了几秒钟之后，真正的词和句子就出现了。",
    "training.loop.header": "每一步发生了什么",
    "training.loop.forward": "**1 · 读。** 模型读 16 小段文字，并猜出每一个下一个词元。",
    "training.loop.loss": "**2 · 量。** *损失*（loss）表示它对真正的下一个词元有多“意外”。越低越好。",
    "training.loop.backward": "**3 · 找原因。** 对它的 {params} 个数字（*权重*）中的每一个，算出往哪个方向拧一点能让它少些意外。",
    "training.loop.update": "**4 · 微调。** 每个权重都朝那个方向拧一点点——就像同时微调成千上万个小阀门。然后进入下一步。",
    "training.source": "让它读什么？",
    "training.source.stories": "本应用自己的小故事（0.3 MB，和主模型读的是同一类文字）",
    "training.source.paste": "我粘贴的文字",
    "training.source.upload": "一个 .txt 文件",
    "training.limits": "你的文字：{min:,} 个字符到 2 MB。最后十分之一留出来，用来检验它在没读过的文字上的表现。",
    "training.paste": "粘贴一段文字（书的一章、歌词、你的笔记……任何语言都可以）",
    "training.upload": "一个纯文本文件（.txt，UTF-8，最多 2 MB）",
    "training.upload.too_big": "{name} 有 {size:,} 字节，上限是 2,000,000 字节（2 MB）。文件没有被读取。",
    "training.text.error": "这段文字不能用：{err}",
    "training.text.ok": "已准备好 {chars:,} 个字符。",
    "training.start": "开始训练",
    "training.pause": "暂停",
    "training.resume": "继续训练",
    "training.reset": "丢掉，重新开始",
    "training.state.new": "还没有开始。",
    "training.state.queued": "正在排队等空位：你排第 {pos} 位。这台服务器同时最多运行 {max} 个训练，现在有 {running} 个。",
    "training.state.starting": "正在启动（加载训练程序）……",
    "training.state.running": "训练中：第 {step:,} 步，共 {steps:,} 步。",
    "training.state.pausing": "这一步结束后暂停……",
    "training.state.paused": "已在第 {step:,} 步暂停（共 {steps:,} 步）。什么都没丢：点“继续训练”就从这里接着练。",
    "training.state.finished": "完成：共 {steps:,} 步。",
    "training.state.error": "训练因错误而停止：{err}",
    "training.m.step": "步数",
    "training.m.loss": "当前损失",
    "training.m.tok": "词元 / 秒",
    "training.m.grad": "梯度大小",
    "training.m.lr": "步长（学习率）",
    "training.m.grad.help": "“往哪个方向拧”这个信号有多大（梯度的范数）。上限是 1，免得一批奇怪的文字把模型带偏。",
    "training.m.lr.help": "每一步把每个权重拧多远。开始时逐渐升高，之后慢慢降低。",
    "training.chart.header": "一步一步看，它错得有多厉害",
    "training.chart.caption": ("越低越好。一开始大约是 {start:.1f}（在 {vocab:,} 个词元里盲猜），随着学习不断下降。"
                               "圆点：留出来的那部分文字。如果圆点不再下降、线却还在往下走，说明它在背你的文字，而不是在学规律。"),
    "training.chart.title": "训练过程中的损失",
    "training.chart.step": "步数",
    "training.chart.loss": "损失（越低越好）",
    "training.chart.train": "它读的文字（每一步）",
    "training.chart.val": "留出来的文字",
    "training.probes.header": "它接下来会写什么",
    "training.probes.caption": "每个提示词之后它最看好的 5 个词元，来自第 {step:,} 步时的模型（· 表示空格）。",
    "training.probes.prompt": "提示词",
    "training.probes.top": "最可能的 5 个下一个词元（概率）",
    "training.sample": "它把“{prompt}”接着写成：**{text}**",
    "training.empty": "开始训练，就能看到损失下降、第一批词出现。",
    "training.use": "在所有页面上使用我的模型",
    "training.use.done": "你的模型（第 {step:,} 步）已在侧边栏选中：每个页面都会显示它。其他用户看不到它。",
    "training.use.note": "你的模型只存在于这个浏览器标签页里。想保留就下载下来。",
    "training.download": "下载我的模型（.zip）",
    "training.load.header": "加载你之前下载的模型",
    "training.load": "从本页保存的模型文件（.zip）",
    "training.load.ok": "已加载 {name}：{params} 个权重，训练了 {step:,} 步。它已在侧边栏选为“你的模型”。",
    "training.load.error": "{err}",
    "training.first_words": "按下“开始”后 {s:.0f} 秒，出现第一次预测读数。",
    "training.more": "更多细节：模型、机器和限制",
    "training.more.text": (
        "- 模型：{layers} 层 × {heads} 个注意力头，每个词元 {d} 个数字，一次读 {ctx} 个词元；共 {params} 个权重。"
        "它的分词器先从同一段文字里学出来（最多 {vocab:,} 个词元）。\n"
        "- 训练在单独的进程里运行，用 {threads} 个 CPU 线程，所以大家的页面都保持流畅。"
        "这台服务器同时最多运行 {max} 个训练；其余的排队，并能看到自己排第几。\n"
        "- 没人看着超过 90 秒的训练会被暂停（之后可以继续）。暂停总是先做完当前这一步并保存，所以不会丢掉任何一步。\n"
        "- 在终端里也能做同样的事：`python -m explainer train --preset live --text FILE --out DIR`。"),
}
