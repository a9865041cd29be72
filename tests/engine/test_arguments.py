"""Every bad argument to the API and the command line is a clear error naming the argument and its
allowed range — never a silent fallback, a raw numpy/torch error or hours of work."""

import math

import pytest

from explainer import InputError, WordError
from explainer.__main__ import main
from explainer.checkpoint import CONFIG, read_json, write_json
from explainer.lm import MAX_NEW_TOKENS, whole
from explainer.model import GPTConfig

PROMPT = "I like my coffee with cream and"


@pytest.mark.parametrize("call, message", [
    (lambda lm: lm.generate(PROMPT, 10**6), f"max_new_tokens must be a whole number from 0 to {MAX_NEW_TOKENS:,}"),
    (lambda lm: lm.generate(PROMPT, -1), "max_new_tokens must be"),
    (lambda lm: lm.generate(PROMPT, 5, temperature=math.inf), "temperature must be a number from 0 to 100"),
    (lambda lm: lm.generate(PROMPT, 5, temperature=math.nan), "temperature must be a number from 0 to 100"),
    (lambda lm: lm.generate(PROMPT, 5, temperature=-0.5), "temperature must be"),
    (lambda lm: lm.generate(PROMPT, 5, top_p=math.nan), "top_p must be a number from 0 to 1"),
    (lambda lm: lm.generate(PROMPT, 5, top_p=1.5), "top_p must be a number from 0 to 1"),
    (lambda lm: lm.generate(PROMPT, 5, top_k=-3), "top_k must be a whole number from 1 to"),
    (lambda lm: lm.generate(PROMPT, 5, seed=-1), "seed must be a whole number from 0 to 4,294,967,295"),
    (lambda lm: lm.generate(PROMPT, 5, seed=1.5), "seed must be"),
    (lambda lm: lm.next_token(PROMPT, k=-1), "k must be a whole number from 1 to"),
    (lambda lm: lm.next_token(PROMPT, k=0), "k must be"),
    (lambda lm: lm.next_token(PROMPT, k=10**6), "k must be"),
    (lambda lm: lm.next_probs(PROMPT, temperature=math.nan), "temperature must be"),
    (lambda lm: lm.neighbours("cat", k=0), "k must be a whole number from 1 to"),
    (lambda lm: lm.analogy("man", "king", "woman", k=-2), "k must be"),
    (lambda lm: lm.trace([1, 2, 10**6]), "token id must be a whole number from 0 to"),
    (lambda lm: lm.trace([1, -5]), "token id must be"),
    (lambda lm: lm.trace([1, 2.5]), "token id must be"),
])
def test_bad_api_arguments_name_the_argument_and_range(bundled_lm, call, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        call(bundled_lm)


@pytest.mark.parametrize("kwargs, message", [
    (dict(mlp=[0.7]), r"mlp must be a whole number \(got 0.7\)"),
    (dict(mlp=[6]), "layer 6 does not exist"),
    (dict(heads=[(0, 9)]), r"head \(0, 9\) does not exist"),
])
def test_bad_ablations_are_refused(bundled_lm, kwargs, message):
    with pytest.raises(ValueError, match=message):
        with bundled_lm.ablate(**kwargs):
            bundled_lm.next_token(PROMPT)


def test_an_ablation_position_outside_the_prompt_is_refused(bundled_lm):
    n = len(bundled_lm.encode(PROMPT))
    with pytest.raises(ValueError, match=f"position 40 is outside the input of {n} tokens"):
        with bundled_lm.ablate(mlp=[0], positions=[40]):
            bundled_lm.next_token(PROMPT)


def test_good_edges_still_work(bundled_lm):
    assert bundled_lm.generate(PROMPT, 0) == ""
    assert len(bundled_lm.next_token(PROMPT, k=bundled_lm.config.vocab_size)) == bundled_lm.config.vocab_size
    assert bundled_lm.generate(PROMPT, 3, temperature=0, top_k=0, top_p=1.0, seed=0)
    assert whole("k", 3.0, 1, 5) == 3


def test_a_long_unknown_word_is_not_echoed_back(bundled_lm):
    word = "x" * 20_000
    with pytest.raises(WordError) as e:
        bundled_lm.neighbours(word)
    assert len(str(e.value)) < 300 and "…" in str(e.value)


@pytest.mark.parametrize("change, message", [
    ({"n_head": 0}, "n_head must be a whole number ≥ 1 \\(got 0\\)"),
    ({"d_model": 10**6, "n_head": 8}, "this config has about [0-9,]+ parameters, more than the 400,000,000"),
    ({"dropout": float("nan")}, "dropout must be a number from 0 to below 1"),
    ({"n_layer": "six"}, "n_layer must be a whole number"),
    ({"vocab_size": -4}, "vocab_size must be a whole number ≥ 1"),
])
def test_a_bad_config_names_the_file(tiny_copy, change, message):
    import explainer
    raw = read_json(tiny_copy / CONFIG)
    raw["model"].update(change)
    write_json(tiny_copy / CONFIG, raw)
    with pytest.raises(explainer.CheckpointError, match=f"config.json: bad model config \\({message}"):
        explainer.load(tiny_copy)


def test_config_defaults_are_valid():
    GPTConfig()


@pytest.mark.parametrize("argv, message", [
    (["generate", PROMPT, "-n", "1000000"], "max_new_tokens must be a whole number from 0 to"),
    (["generate", PROMPT, "-t", "nan"], "temperature must be a number"),
    (["next", PROMPT, "-k", "-1"], "k must be a whole number"),
])
def test_bad_cli_arguments_are_one_line(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err
