"""The benchmark's comparison with nanoGPT: it reads the user's own copy of nanoGPT's model.py, says
clearly when the path is wrong, and times both steps (a stand-in module here: nothing of nanoGPT is
in this project)."""

import subprocess
import sys
import textwrap

import pytest

from explainer.bench import compare_nanogpt, format_compare_nanogpt, load_nanogpt

# A module with nanoGPT's interface (GPTConfig, GPT(config), forward(idx, targets) → (logits, loss),
# configure_optimizers(weight_decay, learning_rate, betas, device_type)), written for this test.
STAND_IN = textwrap.dedent('''
    from dataclasses import dataclass
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    @dataclass
    class GPTConfig:
        block_size: int = 64
        vocab_size: int = 256
        n_layer: int = 2
        n_head: int = 2
        n_embd: int = 32
        dropout: float = 0.0
        bias: bool = True

    class GPT(nn.Module):
        def __init__(self, config):
            super().__init__()
            print("number of parameters: …")
            self.emb = nn.Embedding(config.vocab_size, config.n_embd)
            self.out = nn.Linear(config.n_embd, config.vocab_size, bias=config.bias)

        def forward(self, idx, targets=None):
            logits = self.out(self.emb(idx))
            return logits, F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))

        def configure_optimizers(self, weight_decay, learning_rate, betas, device_type):
            return torch.optim.AdamW(self.parameters(), lr=learning_rate, betas=betas, weight_decay=weight_decay)
''')


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="--nanogpt: no such file: .*model.py"):
        load_nanogpt(tmp_path)                       # a folder without model.py


def test_a_file_that_is_not_nanogpt_is_named(tmp_path):
    f = tmp_path / "model.py"
    f.write_text("x = 1\n")
    with pytest.raises(ValueError, match="has no GPT and GPTConfig"):
        load_nanogpt(f)
    f.write_text("import does_not_exist_anywhere\n")
    with pytest.raises(ValueError, match="could not be imported"):
        load_nanogpt(f)


def test_the_command_line_says_what_is_wrong(tmp_path):
    r = subprocess.run([sys.executable, "-m", "explainer", "bench", "--compare", "--nanogpt", str(tmp_path / "nope.py")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode != 0
    assert "no such file" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.slow
def test_compare_times_both_steps(tmp_path):
    f = tmp_path / "model.py"
    f.write_text(STAND_IN)
    r = compare_nanogpt(f, preset="tiny", steps=1, rounds=2, compile_theirs=False)
    assert r["nanogpt_tok_s"] > 0 and r["ours_tok_s"] > 0
    assert r["ratio"] == round(r["ours_tok_s"] / r["nanogpt_tok_s"], 2)
    assert r["rounds"] == 2 and r["nanogpt_compiled"] is False
    text = format_compare_nanogpt(r)
    assert "nanoGPT's model.py" in text and f"× {r['ratio']}" in text
