"""What a crafted link or a nickname can do: values echoed into a message are shown as plain text
(never a link or an image), and the teacher's CSV runs no formula."""

import csv
import io

import pytest

from explainer.i18n import t
import re

from explainer.inputs import literal, no_paths, plain, shortened, spreadsheet_safe
from explainer.views.classroom import csv_bytes
from tests.apphelp import open_app, shown

CRAFTED = ["![t](http://198.51.100.7/leak.png)", "[Log in again](https://evil.example/login)", "`x`![](//a)"]


@pytest.mark.parametrize("value", CRAFTED)
def test_a_crafted_link_value_is_shown_as_plain_text(monkeypatch, value):
    at = open_app(monkeypatch, None, "pages/attention.py", query={"attention.layer": value})
    assert not at.exception
    notes = [i.value for i in at.info if i.value.startswith(t("app.link.bad").split("{")[0])]
    assert notes and literal(shortened(value)) in notes[0]


def test_a_crafted_lesson_link_is_shown_as_plain_text(monkeypatch):
    at = open_app(monkeypatch, query={"lesson": "![](//198.51.100.7/a)"})     # the router opens the lesson list
    assert not at.exception
    assert any(literal("![](//198.51.100.7/a)") in w.value for w in at.warning)


def test_literal_is_one_code_span_whatever_it_holds():
    for value in CRAFTED + ["``", "a`b``c", "line\nbreak"]:
        s = literal(value)
        fence = s[: len(s) - len(s.lstrip("`"))]
        assert s.endswith(fence) and fence not in s[len(fence):-len(fence)]


@pytest.mark.parametrize("value", CRAFTED + ["**bold** _it_ :red[x] :smile: $x^2$ <b>h</b> ~~s~~ a|b",
                                   "www.evil.example mail@evil.example", "line\n# heading\n- item",
                                   "served/loss_log.json: Did you mean: wins?"])
def test_plain_leaves_nothing_for_markdown_to_act_on(value):
    """Every markdown character is escaped, no bare address survives whole, and a reader sees the
    text as typed (line breaks as spaces)."""
    p = plain(value)
    assert shown(p) == " ".join(value.splitlines())
    assert not re.search(r"(?<!\\)[`*_\[\]<>~$|]", p.replace("\\\\", "")), p
    assert not re.search(r"(?<!\\):\S", p), p
    assert "://" not in p and "www." not in p and re.search(r"(?<!\u2060)@", p) is None
    assert "\n" not in p


def test_no_server_path_is_left_in_an_error_detail():
    err = "OSError: [Errno 28] No space left on device: '/srv/explainer/jobs/4f1c9a/model.safetensors.tmp'"
    assert no_paths(err) == "OSError: [Errno 28] No space left on device: '…/model.safetensors.tmp'"
    for kept in ("served/config.json has no 'model' section", "ckpt/snapshots/step_00010.safetensors",
                 "see http://localhost:8501/attention", "3/4 of the class"):
        assert no_paths(kept) == kept


def test_the_csv_runs_no_formula():
    names = ["=1+1", "@SUM(1+1)", '=HYPERLINK("//x.y")', "+7", "-2", "\tTab", "Ana"]
    rows = [{"step": 1, "nickname": n, "answer": "=cmd", "answered_at": 1.5} for n in names]
    got = list(csv.DictReader(io.StringIO(csv_bytes(rows).decode("utf-8"))))
    assert [r["nickname"] for r in got] == ["'" + n for n in names[:-1]] + ["Ana"]
    assert all(r["answer"] == "'=cmd" and r["step"] == "1" for r in got)
    assert spreadsheet_safe(3) == 3
