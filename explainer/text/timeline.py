"""Messages of the "How it learned" page (prefix "timeline.")."""

EN = {
    "timeline.card.header": "The finished models' scorecard",
    "timeline.card.caption": ("What each bundled model can do at the end of its training, measured by "
                              "`python -m explainer evaluate` on questions and sentences whose wording its "
                              "training text never contained. ✓ meets the target, ✗ does not."),
    "timeline.card.col.measure": "skill",
    "timeline.card.col.en": "English model",
    "timeline.card.col.zh": "Chinese model",
    "timeline.card.col.this": "this model",
    "timeline.card.col.target": "target",
    "timeline.card.capital_qa": "capital questions (“What is the capital of Poland?”)",
    "timeline.card.capital_paraphrased": "the same questions in new words",
    "timeline.card.ioi_held_out": "who gets the drink? (name test, new sentence shapes)",
    "timeline.card.ioi_new_verbs": "the same shapes with verbs of giving it never read",
    "timeline.card.ioi_fresh": "name test, 12 shapes never used to tune its text",
    "timeline.card.ioi_late": "name test, 12 shapes written after its last training run",
    "timeline.card.analogy_word2vec": "word-vector analogies (king − man + woman)",
    "timeline.card.fact_layer": "the block where “Warsaw” first wins (lens)",
    "timeline.card.mlp_off": "P(Warsaw) with the fact's MLPs switched off, at the word where the model keeps it",
    "timeline.card.target.capital_qa": "≥ 95 %",
    "timeline.card.target.capital_paraphrased": "≥ 80 %",
    "timeline.card.target.ioi_held_out": "≥ 90 %",
    "timeline.card.target.ioi_new_verbs": "≥ 90 %",
    "timeline.card.target.ioi_fresh": "≥ 90 %",
    "timeline.card.target.ioi_late": "≥ 90 %",
    "timeline.card.target.analogy_word2vec": "≥ 80 %",
    "timeline.card.target.fact_layer": "a middle block",
    "timeline.card.target.mlp_off": "< 25 %",
    "timeline.card.more": "How these are measured",
    "timeline.card.more.text": (
        "- **Capital questions**: the corpus's own question for all 68 countries, greedy answer.\n"
        "- **New words**: four ways of asking the corpus never uses (“Do you know the capital of …?”).\n"
        "- **Name test**: 300 sentences from 14 sentence shapes kept out of the training text; right when the "
        "model's first choice is the name mentioned once. The Chinese model is asked four times: the 14 shapes "
        "with verbs of giving it has read, the same shapes with verbs it never read (借给, 扔给 …), 12 shapes "
        "written apart, which nobody looked at while its training text was changed, and 12 more written after "
        "its last training run. The third set had by then decided which of eight trained models to keep, so "
        "the fourth is the plainest measure.\n"
        "- **Analogies**: the relations of the source articles (gender, capitals, plurals …) in word2vec.\n"
        "- **Lens and MLPs**: the Warsaw question; the fact counts as held in a middle block when it first "
        "wins after block 1 … 5 of 6. Where the fact is kept is searched, not assumed: all MLPs are switched off "
        "at one word of the question at a time (the last one excluded), and the word where P(Warsaw) falls most is "
        "the one used; the row passes when it falls below 25 % and Warsaw is no longer first (*Layer by layer* shows "
        "the search). `docs/training.md` lists every figure and how long training took."),
    "timeline.card.none": "No scorecard found for the bundled models (run `python -m explainer evaluate --write`).",
    "timeline.title": "How it learned",
    "timeline.lead": (
        "The model in this app learned by reading 20 MB of stories, {steps} steps long, nudging its weights a "
        "little after every step. Copies of it were kept along the way: slide through them and watch what it "
        "knows appear — and see that some skills arrive much later than others."),
    "timeline.run.header": "The whole run: how wrong it was, step by step",
    "timeline.run.caption": "Lower = better. Dotted lines: the kept copies; the bold one is the step you chose below.",
    "timeline.run.title": "Loss during training",
    "timeline.run.none": "This model has no saved training log.",
    "timeline.axis.step": "training step",
    "timeline.axis.loss": "loss (lower = better)",
    "timeline.train": "text it read",
    "timeline.val": "text kept aside",
    "timeline.abilities.header": "When did each skill appear?",
    "timeline.abilities.caption": (
        "Measured on every kept copy: capital questions (68 countries), the name test (100 sentences it "
        "never read: does it name the person who was not repeated?) and word analogies in its own word vectors."),
    "timeline.abilities.title": "Skills against training step",
    "timeline.abilities.y": "right answers",
    "timeline.ability.capital_qa": "capital questions",
    "timeline.ability.ioi": "name test (who gets the drink?)",
    "timeline.ability.analogy_tokens": "analogies",
    "timeline.abilities.story": (
        "Read off this chart: capitals from step {capital}, analogies from step {analogy}, but the name "
        "test only from step {ioi}."),
    "timeline.abilities.story_never": (
        "Read off this chart: capitals from step {capital}, analogies from step {analogy}; the name test never "
        "gets past half right in this run (at the end: {ioi_end})."),
    "timeline.abilities.never": "never",
    "timeline.step": "Look at the model after this many steps",
    "timeline.step.final": "{step} (finished)",
    "timeline.moment.header": "The model after {step:,} steps",
    "timeline.next.header": "What it would write next",
    "timeline.next.caption": "Its five favourite next tokens after each prompt (· stands for a space).",
    "timeline.col.prompt": "prompt",
    "timeline.col.top": "top 5 next tokens (probability)",
    "timeline.map.header": "Its word vectors",
    "timeline.map.caption": "Its own vectors for family words, colours and numbers, flattened to 2-D (PCA). Early on they are a random cloud; later, similar words gather.",
    "timeline.map.empty": "None of these words is a single token of this model.",
    "timeline.head.header": "One attention head: L{layer}H{head}",
    "timeline.head.caption": ("Where each word looks in the sentence “{prompt}”. In the finished model this is its "
                              "clearest {label}; watch when that pattern starts."),
    "timeline.head.caption.none": ("Where each word looks in the sentence “{prompt}”. No head of the finished model "
                                   "has a clear pattern, so this is its last layer's first head."),
    "timeline.lens.header": "Layer by layer on the Warsaw question",
    "timeline.lens.caption": "The chance of “{answer}” and “{example}” if the model had to answer after each layer.",
    "timeline.lens.x": "after layer",
    "timeline.lens.y": "probability",
    "timeline.more": "How these numbers were made",
    "timeline.more.text": (
        "The kept copies are the snapshots saved during training (steps {steps}); the last one is the finished "
        "model. The skill curves are in `timeline.json` beside the model, written by "
        "`python -m explainer evaluate --timeline --write` (a test re-measures one step and checks it matches). "
        "Everything else on this page is computed live from the copy you chose."),
}

ZH = {
    "timeline.card.header": "训练完成的模型的成绩单",
    "timeline.card.caption": ("每个内置模型在训练结束时能做到什么，由 `python -m explainer evaluate` 测出来："
                              "用的问题和句子，其措辞在它的训练文字里从没出现过。✓ 达到目标，✗ 没达到。"),
    "timeline.card.col.measure": "本领",
    "timeline.card.col.en": "英文模型",
    "timeline.card.col.zh": "中文模型",
    "timeline.card.col.this": "当前模型",
    "timeline.card.col.target": "目标",
    "timeline.card.capital_qa": "首都问题（“波兰的首都是哪里？”）",
    "timeline.card.capital_paraphrased": "换一种说法问同样的问题",
    "timeline.card.ioi_held_out": "饮料给了谁？（人名测试，新的句子形式）",
    "timeline.card.ioi_new_verbs": "同样的句子形式，换成它没读过的“给”的动词",
    "timeline.card.ioi_fresh": "人名测试：从没用来调整训练文字的 12 种句子形式",
    "timeline.card.ioi_late": "人名测试：最后一次训练之后才写的 12 种句子形式",
    "timeline.card.analogy_word2vec": "词向量类比（国王 − 男人 + 女人）",
    "timeline.card.fact_layer": "“华沙”第一次胜出的那个块（透镜）",
    "timeline.card.mlp_off": "在模型存放事实的那个词上关掉相应的 MLP 后 P(华沙)",
    "timeline.card.target.capital_qa": "≥ 95 %",
    "timeline.card.target.capital_paraphrased": "≥ 80 %",
    "timeline.card.target.ioi_held_out": "≥ 90 %",
    "timeline.card.target.ioi_new_verbs": "≥ 90 %",
    "timeline.card.target.ioi_fresh": "≥ 90 %",
    "timeline.card.target.ioi_late": "≥ 90 %",
    "timeline.card.target.analogy_word2vec": "≥ 80 %",
    "timeline.card.target.fact_layer": "中间的某个块",
    "timeline.card.target.mlp_off": "< 25 %",
    "timeline.card.more": "这些是怎么测的",
    "timeline.card.more.text": (
        "- **首都问题**：用语料自己的问法问全部 68 个国家，取模型最可能的回答。\n"
        "- **换一种说法**：语料从没用过的四种问法（“你知道……的首都吗？”）。\n"
        "- **人名测试**：从 14 种没放进训练文字的句子形式里生成 300 个句子；模型的第一选择是只出现过一次的那个名字，就算对。"
        "中文模型测四次：这 14 种句子形式配上它读过的“给”的动词；同样的形式配上它从没读过的动词（借给、扔给……）；"
        "另外写的 12 种句子形式，修改训练文字的时候谁也没看过它们；还有它最后一次训练之后才写的 12 种。"
        "第三组后来被用来决定八个训练出来的模型留哪一个，所以第四组的数字最老实。\n"
        "- **类比**：原文里的那些关系（性别、首都、复数……），在 word2vec 词向量里算。\n"
        "- **透镜和 MLP**：华沙那个问题；如果它在 6 个块里的第 1 到第 5 个块之后第一次胜出，就算事实存放在中间的块里。"
        "事实存放在哪里是搜索出来的，不是假定的：每次只在问题里的一个词上关掉全部 MLP（最后一个词除外），"
        "P(华沙) 降得最多的那个词就是所用的词；降到 25% 以下、而且华沙不再是第一选择，这一行才算通过（“逐层观察”页面上可以看到这个搜索）。"
        "`docs/training.md` 列出了每个数字，以及训练花了多长时间。"),
    "timeline.card.none": "没有找到内置模型的成绩单（运行 `python -m explainer evaluate --write`）。",
    "timeline.title": "它是怎么学会的",
    "timeline.lead": ("本应用里的模型读了 20 MB 的小故事，共训练 {steps} 步，每一步之后都把权重微调一点点。"
                      "训练途中保存了几份副本：拖动滑块逐个查看，看看它懂的东西是怎样出现的——也会发现有些本领比别的晚得多才学会。"),
    "timeline.run.header": "整个训练过程：一步一步看它错得有多厉害",
    "timeline.run.caption": "越低越好。虚线：保存下来的副本；粗线是你在下面选中的那一步。",
    "timeline.run.title": "训练过程中的损失",
    "timeline.run.none": "这个模型没有保存训练日志。",
    "timeline.axis.step": "训练步数",
    "timeline.axis.loss": "损失（越低越好）",
    "timeline.train": "它读的文字",
    "timeline.val": "留出来的文字",
    "timeline.abilities.header": "每种本领是什么时候出现的？",
    "timeline.abilities.caption": "在每个保存的副本上测量：首都问答（68 个国家）、人名测试（100 个它从没读过的句子：它会不会说出没有重复出现的那个人？）以及它自己词向量里的词语类比。",
    "timeline.abilities.title": "本领随训练步数的变化",
    "timeline.abilities.y": "答对的比例",
    "timeline.ability.capital_qa": "首都问答",
    "timeline.ability.ioi": "人名测试（饮料给了谁？）",
    "timeline.ability.analogy_tokens": "词语类比",
    "timeline.abilities.story": "从图上可以读出：首都问答从第 {capital} 步开始会，类比从第 {analogy} 步开始会，而人名测试要到第 {ioi} 步才会。",
    "timeline.abilities.story_never": "从图上可以读出：首都问答从第 {capital} 步开始会，类比从第 {analogy} 步开始会；人名测试在这次训练里始终没超过一半答对（最后：{ioi_end}）。",
    "timeline.abilities.never": "从未",
    "timeline.step": "查看训练了多少步之后的模型",
    "timeline.step.final": "{step}（训练完成）",
    "timeline.moment.header": "训练 {step:,} 步之后的模型",
    "timeline.next.header": "它接下来会写什么",
    "timeline.next.caption": "每个提示词之后它最看好的 5 个词元（· 表示空格）。",
    "timeline.col.prompt": "提示词",
    "timeline.col.top": "最可能的 5 个下一个词元（概率）",
    "timeline.map.header": "它的词向量",
    "timeline.map.caption": "它自己的家庭称谓、颜色和数字的向量，压平到二维（PCA）。一开始是一团随机的点；后来，相似的词聚到一起。",
    "timeline.map.empty": "这些词在这个模型里都不是单个词元。",
    "timeline.head.header": "一个注意力头：L{layer}H{head}",
    "timeline.head.caption": "在句子“{prompt}”里每个词看向哪里。在训练完成的模型里，这是它最明显的{label}；看看这种模式是从什么时候开始的。",
    "timeline.head.caption.none": "在句子“{prompt}”里每个词看向哪里。训练完成的模型里没有哪个头有明显的模式，所以这里显示的是最后一层的第一个头。",
    "timeline.lens.header": "逐层观察华沙问题",
    "timeline.lens.caption": "如果模型在每一层之后就必须回答，“{answer}”和“{example}”的概率各是多少。",
    "timeline.lens.x": "第几层之后",
    "timeline.lens.y": "概率",
    "timeline.more": "这些数字是怎么得到的",
    "timeline.more.text": ("保存的副本就是训练中保存的快照（第 {steps} 步）；最后一个是训练完成的模型。"
                           "本领曲线存放在模型旁边的 `timeline.json` 里，由 `python -m explainer evaluate --timeline --write` 写出"
                           "（有一个测试会重新测量其中一步，检查是否一致）。本页其余内容都是根据你选中的副本实时计算的。"),
}
EN["timeline.gpt2"] = (
    "{name} comes finished, without copies kept along its training. So this page shows how "
    "the bundled model learned instead — the same kind of model, only smaller, trained in this app's way.")
ZH["timeline.gpt2"] = (
    "{name} 是训练好的成品，没有训练途中保存的副本。所以这一页改为展示内置模型是怎样学会的——同一类模型，"
    "只是更小，用本应用的方式训练而成。")
