EN = {
    "home.title": "How a GPT turns your text into the next word",
    "home.intro": ("This app opens up a real, small GPT that was trained on this project's own "
                   "English corpus. Everything you see is computed by that model, right now, on the "
                   "prompt in the sidebar. Below, the prompt flows through the model stage by stage; "
                   "the other pages zoom into each stage."),
    "home.pipeline": "The pipeline, for your prompt",
    "home.stage.text": "Text",
    "home.stage.text.what": "What you typed.",
    "home.stage.tokens": "Tokens",
    "home.stage.tokens.what": "The tokenizer cuts the text into pieces from a fixed vocabulary (words, parts of words, bytes).",
    "home.stage.ids": "Token ids",
    "home.stage.ids.what": "Each piece is replaced by its number in the vocabulary.",
    "home.stage.embed": "Token vectors",
    "home.stage.embed.what": "Each id picks one row of the embedding matrix: a list of numbers that stands for the token (first numbers of the last token shown).",
    "home.stage.pos": "+ Position vectors",
    "home.stage.pos.what": "A second learned vector says where the token sits; the two are added.",
    "home.stage.blocks": "Transformer blocks",
    "home.stage.blocks.what": "Each block first lets every position look back at earlier ones (attention), then transforms each position on its own (feed-forward MLP). Both *add* their result to a running vector, the residual stream. Shown: the length of the last position's vector after each block.",
    "home.stage.final": "Final vector",
    "home.stage.final.what": "The last position's vector after all blocks (and a final normalisation).",
    "home.stage.logits": "Scores over the vocabulary",
    "home.stage.logits.what": "Multiplying by the embedding matrix again gives one score (logit) per vocabulary entry; the highest ones shown.",
    "home.stage.softmax": "Softmax → probabilities",
    "home.stage.softmax.what": "Scores become probabilities that add up to 1 (top ones shown).",
    "home.stage.sample": "Choose a token",
    "home.stage.sample.what": "Pick one (here: the most likely); it is appended to the text and the whole pass runs again for the next one.",
    "home.shape": "shape",
    "home.append": "Append “{tok}” and run again",
    "home.top": "Most likely next tokens",
    "home.resid": "Length of the last position's vector after each block",
    "home.params": "Where the {total} parameters are",
    "home.params.note": "The token embedding matrix is used twice: to turn ids into vectors and, transposed, to turn the final vector into scores (tied embeddings).",
    "home.scale": "How big is this next to the famous GPTs?",
    "home.scale.note": ("GPT-3 has 96 layers of 96 heads with 12,288 numbers per token vector; each of its "
                        "feed-forward layers is 49,152 wide, about 1.2 billion weights per layer — "
                        "hundreds of times our whole model. The mechanism is the same."),
    "home.pages": "Explore each stage",
}
ZH = {}
