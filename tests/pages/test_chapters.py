"""The two chapters from the articles in AppTest: counting (pages/counting.py) and neurons
(pages/neurons.py)."""

import pandas as pd

from explainer.i18n import t
from tests.apphelp import open_app


def test_counting_page(monkeypatch):
    at = open_app(monkeypatch, page="pages/counting.py", query={"lang": "en"})
    assert not at.exception
    assert at.title[0].value == t("counting.title")
    table = at.dataframe[0].value
    assert len(table) == 9 and all(s.startswith("Once upon a time") for s in table["text"])
    assert len(at.get("plotly_chart")) == 4
    at.text_input(key="counting.start").set_value("The capital of").run()
    assert not at.exception and all(s.startswith("The capital of") for s in at.dataframe[0].value["text"])
    assert at.query_params["counting.start"] == "The capital of"


def test_counting_page_in_chinese(monkeypatch):
    at = open_app(monkeypatch, page="pages/counting.py", query={"lang": "zh"})
    assert not at.exception and at.title[0].value == t("counting.title", "zh")


def test_neurons_page_fits_and_switches_the_bend_off(monkeypatch):
    at = open_app(monkeypatch, page="pages/neurons.py", query={"lang": "en"})
    assert not at.exception
    loss_on = float(at.metric[1].value)
    at.toggle(key="neurons.relu").set_value(False).run()
    assert not at.exception
    loss_off, line = float(at.metric[1].value), float(at.metric[2].value)
    assert loss_off == line > loss_on                                # a sum of lines is a line
    assert any(t("neurons.linear.note", fit=loss_off, line=line, n=8)[:30] in i.value for i in at.info)
    at.slider(key="neurons.n").set_value(1).run()
    at.toggle(key="neurons.relu").set_value(True).run()
    assert float(at.metric[1].value) > loss_on                       # fewer neurons, worse fit
    ctx = at.dataframe[-1].value
    assert len(ctx) == 8 and ctx.iloc[:, -1].is_monotonic_decreasing


def test_neurons_page_with_own_points_and_bad_points(monkeypatch):
    at = open_app(monkeypatch, page="pages/neurons.py", query={"lang": "en", "neurons.target": "points"},
                  state={"neurons.points": pd.DataFrame({"x": [0.5], "y": [1.0]})})
    assert not at.exception
    assert any(w.value.startswith(t("neurons.points.error", err="")[:20]) for w in at.warning)
