"""An explainable small GPT: corpus, tokenizer, model, training and a read-everything API.

    import explainer
    lm = explainer.load()            # the bundled model
    lm.next_token("Q: What is the capital of France? A:")
    lm.next_probs("Q: What is the capital of Poland? A:", explainer.Intervention.zero(mlp=[0]))

Layout (docs/architecture.md): the engine — ``model``, ``tokenizer``, ``corpus``, ``train``,
``checkpoint``, ``lm`` (this API), ``sampling``, ``embeddings`` — then the experiments built on
it (``ablation``, ``scorecard``, ``bench``), then ``views`` (what each page shows, computed),
``plots`` (figures) and ``text`` (messages). Lower layers never import higher ones.
"""

from .checkpoint import CheckpointError
from .embeddings import WordError
from .lm import ASSETS, LM, InputError, Trace, load, load_gpt2
from .model import GPT, Edit, GPTConfig, Intervention

__all__ = ["load", "load_gpt2", "LM", "Trace", "GPT", "GPTConfig", "Intervention", "Edit", "ASSETS",
           "CheckpointError", "InputError", "WordError"]
