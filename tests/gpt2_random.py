"""A small random GPT-2 in the Hugging Face layout, built with ``transformers`` (a test dependency only):
the engine's equivalence tests and the page tests open it offline."""

import torch

from explainer import gpt2
from explainer.tokenizer import train_bpe

TEXT = ("When Mary and John went to the store, John gave a drink to Mary. The capital of Poland is Warsaw. "
        "Once upon a time there was a little cat who liked to sit on the mat and look at the dog. ") * 20


def make_random_gpt2(folder, n_layer=2, n_embd=64, n_head=4, n_positions=64, vocab=320, seed=0,
                     activation="gelu_new"):
    """A random GPT-2 folder: transformers' config.json and model.safetensors, our BPE in GPT-2's files.
    Every weight (LayerNorms and biases too) is drawn at random, so a weight loaded into the wrong place,
    or not transposed, shows."""
    import transformers
    ranks, merges = train_bpe(TEXT, vocab - 1)
    gpt2.write_tokenizer(folder, ranks, merges)
    cfg = transformers.GPT2Config(n_layer=n_layer, n_embd=n_embd, n_head=n_head, n_positions=n_positions,
                                  vocab_size=len(ranks) + 1, bos_token_id=len(ranks), eos_token_id=len(ranks),
                                  activation_function=activation)
    torch.manual_seed(seed)
    hf = transformers.GPT2LMHeadModel(cfg)
    with torch.no_grad():
        for p in hf.parameters():
            p.normal_(0.0, 0.3)
    hf.save_pretrained(folder, safe_serialization=True)
    return hf.eval()
