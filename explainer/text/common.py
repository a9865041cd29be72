EN = {
    "app.title": "Inside a small GPT",
    "app.language": "Language",
    "app.model": "Model",
    "app.model.bundled": "Bundled model",
    "app.prompt": "Prompt (shared by all pages)",
    "app.prompt.help": "The text the model reads. Every page uses it unless a preset replaces it.",
    "app.model_info": "{params} parameters · {layers} layers × {heads} heads · d={d} · context {ctx} tokens",
    "app.truncated": "The text is longer than the model's context of {ctx} tokens: the first {n} tokens were dropped.",
    "app.empty": "The prompt is empty: type some text in the sidebar or pick a preset.",
    "app.load_error": "The model could not be loaded: {err}",
    "app.download_csv": "Download the numbers (CSV)",
    "app.presets": "Presets",
    "nav.home": "Overview: the pipeline",
    "nav.tokens": "Tokenization",
    "nav.vectors": "Word vectors",
    "nav.attention": "Attention",
    "nav.lens": "Layer by layer",
    "nav.sampling": "Sampling",
}
ZH = {
    "app.title": "走进一个小型 GPT",
    "app.language": "语言",
    "nav.home": "总览：流水线",
    "nav.tokens": "分词",
    "nav.vectors": "词向量",
    "nav.attention": "注意力",
    "nav.lens": "逐层观察",
    "nav.sampling": "采样",
}
EN["app.model.snapshot"] = "Same model during training: step {step}"
ZH["app.model.snapshot"] = "同一模型训练中：第 {step} 步"
