"""An explainable small GPT: corpus, tokenizer, model, training and a read-everything API.

    import explainer
    lm = explainer.load()            # the bundled model (assets/model)
    lm.next_token("Q: What is the capital of France? A:")
"""

from .checkpoint import CheckpointError
from .embeddings import WordError
from .lm import ASSETS, LM, InputError, Trace, load
from .model import Ablation, GPT, GPTConfig

__all__ = ["load", "LM", "Trace", "GPT", "GPTConfig", "Ablation", "ASSETS",
           "CheckpointError", "InputError", "WordError"]
