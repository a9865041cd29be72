"""The generated corpus is pinned: any change to the generator's output fails here.

The bundled model was trained on ``generate_corpus(20_000_000, seed=0)``; refactoring the generator
must not change a byte of it. The fixed sizes and seeds below cover every section, the held-out
text, the IOI cases and the shared lexicon (the 20 MB text itself is checked under ``slow``)."""

import hashlib
import json

import pytest

from explainer import corpus as C


def sha(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


PINNED = {
    "corpus_200k_s0": "18b379c596e75642d2980d04d28b2c2c34e71c74a92e38e36d23946e815f9a26",
    "corpus_60k_s7": "2f9226ecaac100da84e7463c8ccf1491d8267530642b056184c18a834ae2efc2",
    "held_out_50k": "490e4f3b9285e5b1fbbabc1b4582d50d385cd8e792aa80c71e7afb1022d864bd",
    "sections_30k_s3": "dfe0556cced272849bc840fbf6be19c8baf56ac01436474ffbdef8136fc8fb03",
    "ioi_cases_100": "8b3e02829db8b74bc38d9bbfffbd2a662ac3b061c63e1bae48ab5a574f91abda",
    "ioi_cases_train_tpl": "a1ae9771c4320e399c455b83da81fd05963010f853c222b52e7dda73ea8ffac6",
    "lexicon": "7ee8f5b1700822e0ab9ee5b900711e80649a20cd93f468709d789a2c7dcb2691",
}


def generated() -> dict[str, str]:
    lexicon = ([[c.name, c.capital, c.adjective, c.language] for c in C.COUNTRIES]
               + [C.RELATIONS, C.NAMES_MALE, C.NAMES_FEMALE, C.PLACES, C.OBJECTS,
                  C.IOI_TRAIN_TEMPLATES, C.IOI_EVAL_TEMPLATES, C.SECTION_WEIGHTS])
    return {
        "corpus_200k_s0": sha(C.generate_corpus(200_000, seed=0)),
        "corpus_60k_s7": sha(C.generate_corpus(60_000, seed=7)),
        "held_out_50k": sha(C.held_out_text(50_000)),
        "sections_30k_s3": sha(json.dumps(list(C.generate_sections(30_000, seed=3)))),
        "ioi_cases_100": sha(json.dumps(C.make_ioi_cases(100))),
        "ioi_cases_train_tpl": sha(json.dumps(C.make_ioi_cases(40, seed=7, templates=C.IOI_TRAIN_TEMPLATES[:4]))),
        "lexicon": sha(json.dumps(lexicon)),
    }


def test_corpus_hashes_unchanged():
    assert generated() == PINNED


@pytest.mark.slow
def test_bundled_model_corpus_unchanged():
    """The 20 MB text the bundled model (default preset, seed 0) was trained on."""
    text = C.generate_corpus(20_000_000, seed=0)
    assert sha(text) == "90405a888973f21ddbbdcee4a4fa31b7e075b492d38db9a3a4c905ad6817ed21"
