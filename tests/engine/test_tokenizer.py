"""Tests for explainer.tokenizer (byte-level BPE + tiktoken)."""

from __future__ import annotations

import random

import pytest
import regex
import tiktoken
import tiktoken.load

from explainer.tokenizer import (
    ENDOFTEXT,
    GPT2_PATTERN,
    REFERENCE_ENCODINGS,
    Merge,
    TokenizerFileError,
    apply_merges,
    load_merges,
    load_tiktoken_bpe,
    make_encoding,
    merge_tree,
    merges_building,
    reference_encoding,
    save_merges,
    save_tiktoken_bpe,
    token_bytes,
    token_display,
    tokenize_for_display,
    train_bpe,
)


def _synthetic_text(n_chars: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    syl = ["th", "e", "an", "re", "in", "on", "er", "at", "st", "ou", "ing", "ed",
           "al", "or", "ly", "ti", "con", "pro", "ment", "qu", "a", "o", "i", "b", "k"]
    words = sorted({"".join(rng.choice(syl) for _ in range(rng.randint(1, 4)))
                    for _ in range(3000)})
    common = ["the", "of", "and", "to", "a", "is", "it's", "don't", "we're", "I"]
    parts, total = [], 0
    while total < n_chars:
        ws = [rng.choice(common) if rng.random() < 0.3 else rng.choice(words)
              for _ in range(rng.randint(4, 14))]
        if rng.random() < 0.1:
            ws.append(str(rng.randint(0, 2024)))
        s = " ".join(ws).capitalize() + rng.choice([". ", "! ", "? ", ".\n", ",\n\n"])
        if rng.random() < 0.03:
            s += "  indented\tline 大型语言模型 café\n"
        parts.append(s)
        total += len(s)
    return "".join(parts)[:n_chars]


@pytest.fixture(scope="module")
def corpus() -> str:
    return _synthetic_text(120_000, seed=1)


@pytest.fixture(scope="module")
def trained(corpus):
    ranks, merges = train_bpe(corpus, 256 + 400)
    return ranks, merges, make_encoding(ranks)


# --------------------------------------------------------------------------- training

def test_hand_worked_merges():
    # "aaabdaaabac" has no spaces/punctuation, so the GPT-2 pre-split keeps it as
    # one chunk.  Bytes: a=97 b=98 c=99 d=100.  Counts are non-overlapping
    # (a run "aaa" holds ONE (a,a) merge), which is what the merge actually does.
    #   a a a b d a a a b a c : (a,a)=2 (a,b)=2 (b,d)=1 (d,a)=1 (b,a)=1 (a,c)=1
    #     tie at 2 -> smallest pair (97,97): aa -> 256, count 2
    #   Z a b d Z a b a c     : (Z,a)=2 (a,b)=2 (b,d)=1 (d,Z)=1 (b,a)=1 (a,c)=1
    #     tie at 2 -> (97,98) < (256,97): ab -> 257, count 2
    #   Z Y d Z Y a c         : (Z,Y)=2, everything else 1
    #     ZY ("aaab") -> 258, count 2
    #   X d X a c
    ranks, merges = train_bpe("aaabdaaabac", 256 + 3)
    assert merges == [
        Merge(97, 97, 256, 2),
        Merge(97, 98, 257, 2),
        Merge(256, 257, 258, 2),
    ]
    assert len(ranks) == 259
    assert ranks[b"aa"] == 256 and ranks[b"ab"] == 257 and ranks[b"aaab"] == 258
    assert all(ranks[bytes([i])] == i for i in range(256))
    enc = make_encoding(ranks)
    assert enc.encode("aaabdaaabac") == [258, 100, 258, 97, 99]
    assert apply_merges(b"aaabdaaabac", merges) == [258, 100, 258, 97, 99]


def test_non_overlapping_count_and_early_stop():
    # "aaaa": (a,a) can be merged twice (aa|aa) -> count 2.  Then "ZZ" has
    # (Z,Z) once only, below 2, so training stops early with one merge.
    ranks, merges = train_bpe("aaaa", 256 + 10)
    assert merges == [Merge(97, 97, 256, 2)]
    assert len(ranks) == 257


def test_vocab_256_and_empty_text():
    ranks, merges = train_bpe("hello hello", 256)
    assert merges == [] and len(ranks) == 256
    ranks, merges = train_bpe("", 300)
    assert merges == [] and len(ranks) == 256
    with pytest.raises(ValueError):
        train_bpe("abc", 100)


def test_training_is_deterministic_and_ranks_are_dense(corpus, trained):
    ranks, merges, _ = trained
    assert len(merges) == 400
    assert sorted(ranks.values()) == list(range(len(ranks)))
    assert [m.new for m in merges] == list(range(256, 256 + len(merges)))
    inv = {r: b for b, r in ranks.items()}
    for m in merges:
        assert inv[m.new] == inv[m.left] + inv[m.right]
        assert m.count >= 2
    counts = [m.count for m in merges]
    assert counts[0] == max(counts)
    ranks2, merges2 = train_bpe(corpus, 256 + 400)
    assert ranks2 == ranks and merges2 == merges


def test_progress_callback(corpus):
    calls = []
    train_bpe(corpus[:20_000], 256 + 50, progress=lambda d, t: calls.append((d, t)))
    assert calls and calls[-1] == (50, 50)
    assert all(t == 50 for _, t in calls)


def test_tiktoken_equals_replaying_merges(corpus, trained):
    ranks, merges, enc = trained
    chunks = set(regex.findall(GPT2_PATTERN, corpus))
    for chunk in chunks:
        assert enc.encode_ordinary(chunk) == apply_merges(chunk.encode("utf-8"), merges), chunk
    # and for the whole text the pieces line up
    ids = enc.encode_ordinary(corpus[:5000])
    ref = [t for ch in regex.findall(GPT2_PATTERN, corpus[:5000])
           for t in apply_merges(ch.encode("utf-8"), merges)]
    assert ids == ref
    # merged tokens actually compress the training text
    assert len(enc.encode_ordinary(corpus)) < 0.6 * len(corpus.encode("utf-8"))


def test_merge_counts_match_replay(corpus):
    # count = number of times the merge really fires on the corpus at that moment
    text = corpus[:30_000]
    _, merges = train_bpe(text, 256 + 60)
    words = {}
    for ch in regex.findall(GPT2_PATTERN, text):
        words[ch] = words.get(ch, 0) + 1
    seqs = {ch: list(ch.encode("utf-8")) for ch in words}
    for m in merges:
        fired = 0
        for ch, seq in seqs.items():
            merged = _replay_one(seq, m)
            fired += (len(seq) - len(merged)) * words[ch]
            seqs[ch] = merged
        assert fired == m.count, m


def _replay_one(seq, m):
    out, i = [], 0
    while i < len(seq):
        if i + 1 < len(seq) and seq[i] == m.left and seq[i + 1] == m.right:
            out.append(m.new)
            i += 2
        else:
            out.append(seq[i])
            i += 1
    return out


# --------------------------------------------------------------------------- round trip

_NASTY = [
    "",
    " ",
    "\n\n\t",
    "   leading and trailing   ",
    "emoji 😀👍🏽 family 👩‍👩‍👧 flags 🇫🇷🇯🇵 🏳️‍🌈",
    "大型语言模型",
    "한국어 텍스트입니다",
    "مرحبا بالعالم",
    "ctrl \x00\x1b\x7f\x01 end",
    "combining e\u0301 a\u0308\u0323 Z\u0336\u0337",
    "supercalifragilistic" * 300,
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "<|endoftext|>",
    "before <|endoftext|> after<|endoftext|>",
    "it's don't we'll THEY'RE 12345 3.14159 $100 @#!%^&*()",
    "\r\n windows\r\nlines \u00a0nbsp \u2028ls \ufeffbom",
    "mixed 中文 and English, ça va? Ελληνικά русский",
]


@pytest.mark.parametrize("s", _NASTY, ids=range(len(_NASTY)))
def test_round_trip_nasty(trained, s):
    _, _, enc = trained
    assert enc.decode(enc.encode(s, disallowed_special=())) == s
    assert enc.decode_bytes(enc.encode_ordinary(s)) == s.encode("utf-8")


def test_round_trip_big_synthetic(trained):
    _, _, enc = trained
    big = _synthetic_text(200_000, seed=7) + " 👩‍👩‍👧 大型语言模型 \x00"
    assert enc.decode(enc.encode(big, disallowed_special=())) == big


def test_endoftext_special(trained):
    ranks, _, enc = trained
    eot = len(ranks)
    assert enc.encode(ENDOFTEXT, allowed_special="all") == [eot]
    plain = enc.encode(ENDOFTEXT, disallowed_special=())
    assert eot not in plain and enc.decode(plain) == ENDOFTEXT
    with pytest.raises(ValueError):
        enc.encode(ENDOFTEXT)  # tiktoken's default: disallowed
    assert token_bytes(enc, eot) == ENDOFTEXT.encode()
    assert enc.n_vocab == len(ranks) + 1


# --------------------------------------------------------------------------- files

def test_save_load_round_trip(tmp_path, trained, monkeypatch):
    ranks, merges, enc = trained
    p = tmp_path / "sub" / "tok.tiktoken"
    save_tiktoken_bpe(ranks, p)
    assert load_tiktoken_bpe(p) == ranks
    first = p.read_text().splitlines()[0]
    assert first == "AA== 0"  # base64(b"\x00") rank 0
    # tiktoken's own loader reads our file (caching disabled: no stray files)
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", "")
    assert tiktoken.load.load_tiktoken_bpe(str(p)) == ranks
    enc2 = make_encoding(load_tiktoken_bpe(p))
    s = "The quick brown fox 大型"
    assert enc2.encode(s) == enc.encode(s)

    mp = tmp_path / "merges.json"
    save_merges(merges, mp)
    assert load_merges(mp) == merges


def test_corrupt_and_missing_files(tmp_path):
    missing = tmp_path / "nope.tiktoken"
    with pytest.raises(TokenizerFileError, match="nope.tiktoken"):
        load_tiktoken_bpe(missing)
    bad = tmp_path / "bad.tiktoken"
    bad.write_text("AA== 0\nthis is not base64!! x\n")
    with pytest.raises(TokenizerFileError, match="bad.tiktoken"):
        load_tiktoken_bpe(bad)
    dup = tmp_path / "dup.tiktoken"
    dup.write_text("AA== 0\nAA== 1\n")
    with pytest.raises(TokenizerFileError, match="dup.tiktoken"):
        load_tiktoken_bpe(dup)
    empty = tmp_path / "empty.tiktoken"
    empty.write_bytes(b"")
    with pytest.raises(TokenizerFileError, match="empty.tiktoken"):
        load_tiktoken_bpe(empty)
    assert issubclass(TokenizerFileError, ValueError)

    with pytest.raises(TokenizerFileError, match="gone.json"):
        load_merges(tmp_path / "gone.json")
    badj = tmp_path / "badmerges.json"
    badj.write_text("{not json")
    with pytest.raises(TokenizerFileError, match="badmerges.json"):
        load_merges(badj)
    badj.write_text('{"merges": [[1, 2]]}')
    with pytest.raises(TokenizerFileError, match="badmerges.json"):
        load_merges(badj)


# --------------------------------------------------------------------------- display

def test_token_display_partial_utf8():
    frag = "大".encode("utf-8")[:2]  # b"\xe5\xa4"
    out = token_display(frag)
    assert out == "<E5 A4>"
    assert "\ufffd" not in out
    assert token_display(b"\xe4\xbd") == "<E4 BD>"
    assert token_display(b"a\xe5") == "a<E5>"
    assert token_display(b"\xa4\xa7 ok") == "<A4 A7> ok"
    assert token_display("大".encode()) == "大"
    for i in range(256):
        assert "\ufffd" not in token_display(bytes([i]))


def test_token_display_whitespace_and_controls():
    assert token_display(b" the") == " the"
    assert token_display(b" the", show_whitespace=True) == "·the"
    assert token_display(b"\n\t x", show_whitespace=True) == "↵⇥·x"
    assert token_display(b"\n\t") == "\n\t"
    assert token_display(b"\x00\x1b\x7f") == "\\x00\\x1B\\x7F"
    assert token_display(b"\r\n", show_whitespace=True) == "\\x0D↵"
    assert token_display("👩‍👩‍👧".encode()) == "👩‍👩‍👧"
    assert token_display(b"") == ""


def test_tokenize_for_display(trained):
    _, _, enc = trained
    text = "Hello world, 大型 👩‍👩‍👧!<|endoftext|>"
    items = tokenize_for_display(enc, text)
    assert b"".join(it["bytes"] for it in items) == text.encode("utf-8")
    assert [it["id"] for it in items] == enc.encode(text, allowed_special="all")
    assert items[0]["start"] == 0
    assert items[-1]["special"] and items[-1]["start"] == text.index("<|endoftext|>")
    for it in items:
        assert set(it) >= {"id", "bytes", "text", "start"}
        assert "\ufffd" not in it["text"]
        if it["start"] is not None:
            assert text.encode()[: len(text[: it["start"]].encode())] + it["bytes"] == \
                text.encode()[: len(text[: it["start"]].encode()) + len(it["bytes"])]
    # the small vocab splits 大 into bytes: some tokens start mid-character
    assert any(it["start"] is None for it in items)
    plain = tokenize_for_display(enc, text, allow_special=False)
    assert not any(it["special"] for it in plain)
    assert tokenize_for_display(enc, "") == []


def test_merge_tree_and_merges_building(trained):
    ranks, merges, enc = trained
    inv = {r: b for b, r in ranks.items()}
    # the longest learned token: several levels of merges
    tid = max(range(256, len(ranks)), key=lambda t: (len(inv[t]), -t))
    assert len(inv[tid]) >= 4
    for source in (ranks, enc):
        tree = merge_tree(source, merges, tid)
        assert tree["id"] == tid and tree["bytes"] == inv[tid]
        leaves = []

        def walk(node):
            if node["children"]:
                assert len(node["children"]) == 2
                assert node["bytes"] == node["children"][0]["bytes"] + node["children"][1]["bytes"]
                for ch in node["children"]:
                    walk(ch)
            else:
                leaves.append(node)

        walk(tree)
        assert all(0 <= lf["id"] < 256 and len(lf["bytes"]) == 1 for lf in leaves)
        assert b"".join(lf["bytes"] for lf in leaves) == inv[tid]
    used = merges_building(merges, tid)
    assert used[-1].new == tid
    idx = [merges.index(m) for m in used]
    assert idx == sorted(idx)
    assert len({m.new for m in used}) == len(used)
    # replaying just these merges builds the token
    assert apply_merges(inv[tid], used) == [tid]
    assert merges_building(merges, 65) == []
    assert merge_tree(ranks, merges, 65) == {"id": 65, "bytes": b"A", "text": "A", "children": []}


def test_merge_tree_multibyte_character():
    text = "大型语言模型 " * 20 + "大型 大型"
    ranks, merges = train_bpe(text, 256 + 20)
    enc = make_encoding(ranks)
    ids = enc.encode("大型")
    assert len(ids) == 1  # the learned token covers 6 UTF-8 bytes
    tree = merge_tree(enc, merges, ids[0])
    leaves = []

    def walk(n):
        (leaves.append(n) if not n["children"] else [walk(c) for c in n["children"]])

    walk(tree)
    assert b"".join(lf["bytes"] for lf in leaves) == "大型".encode()
    assert all(len(lf["bytes"]) == 1 for lf in leaves)
    assert tree["text"] == "大型"
    assert all("\ufffd" not in lf["text"] for lf in leaves)


# --------------------------------------------------------------------------- reference tokenizers

def test_reference_cl100k_offline():
    enc, msg = reference_encoding("cl100k_base")
    assert enc is not None, msg
    assert msg == ""
    assert enc.encode("hello world") == [15339, 1917]
    assert reference_encoding("cl100k_base")[0] is enc  # cached


def test_reference_gpt2_from_the_shipped_vocabulary():
    # assets/vocab ships GPT-2's vocabulary (r50k_base), read after tiktoken's official hash check
    enc, msg = reference_encoding("gpt2")
    assert enc is not None, msg
    assert enc.n_vocab == 50257 and enc.eot_token == 50256
    assert enc.encode("Hello world") == [15496, 995]
    assert enc.encode("<|endoftext|>", allowed_special="all") == [50256]


def test_no_reference_tokenizer_reaches_the_network(monkeypatch):
    """With every name lookup and connection refused (and recorded), all three reference tokenizers
    still load, and none was attempted: the server makes no outside request for them."""
    import socket

    import explainer.tokenizer as tk
    tried = []

    def refuse(*a, **k):
        tried.append(a[:1])
        raise OSError("no network in this test")
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    for name in REFERENCE_ENCODINGS:
        enc, msg = tk.reference_encoding.__wrapped__(name, timeout=30)
        assert enc is not None, (name, msg)
    assert tried == []


def test_reference_unknown_name():
    enc, msg = reference_encoding("no_such_tokenizer")
    assert enc is None and msg
    assert set(REFERENCE_ENCODINGS) == {"gpt2", "cl100k_base", "o200k_base"}


def test_reference_hanging_download_times_out(monkeypatch):
    import threading

    import explainer.tokenizer as tk

    release = threading.Event()

    def hanging():  # stands in for a download that never answers
        release.wait(30)
        raise RuntimeError("gave up")

    monkeypatch.setattr(tk, "_plugin_constructors", lambda: {"gpt2_offline": hanging})
    enc, msg = tk.reference_encoding.__wrapped__("gpt2", timeout=0.3)
    assert not release.is_set()              # it answered while the download still hung
    assert enc is None and "GPT-2" in msg and "timed out" in msg
    release.set()


def test_reference_o200k_from_the_packaged_vocabulary():
    # bpe-openai (a dependency) ships GPT-4o's vocabulary; tiktoken reads it after a hash check
    enc, msg = reference_encoding("o200k_base")
    assert enc is not None, msg
    assert enc.n_vocab == 200019
    ids = enc.encode("北京是中国的首都")
    assert [enc.decode([i]) for i in ids] == ["北京", "是", "中国", "的", "首", "都"]
    assert enc.encode("hello world") == [24912, 2375]


def test_packaged_vocabulary_must_be_the_official_one(monkeypatch, tmp_path):
    import gzip

    import explainer.tokenizer as tk
    real = tk._packaged_vocab("o200k_base")
    assert real is not None
    lines = gzip.decompress(real.read_bytes()).splitlines()
    lines[0] = lines[1].split()[0] + b" 0"                       # one rank changed
    fake = tmp_path / "o200k_base.tiktoken.gz"
    fake.write_bytes(gzip.compress(b"\n".join(lines) + b"\n"))
    monkeypatch.setattr(tk, "_packaged_vocab", lambda name: fake)
    monkeypatch.setattr(tk, "_plugin_constructors", lambda: {})
    enc, msg = tk.reference_encoding.__wrapped__("o200k_base", timeout=10)
    assert enc is None and "GPT-4o" in msg and "ValueError" in msg
