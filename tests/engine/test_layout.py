"""The layout holds: one name per concept across pages, views, plots and messages, and lower layers
never import higher ones (the engine and the scorecard never import a page's code)."""

import ast
from pathlib import Path

import pytest

from explainer.i18n import catalogue

ROOT = Path(__file__).resolve().parents[2]
CONCEPTS = ["lesson", "overview", "counting", "tokens", "vectors", "attention", "lens", "neurons", "sampling",
            "timeline", "training", "classroom"]
ENGINE = ["model", "tokenizer", "corpus", "train", "checkpoint", "export", "lm", "sampling", "embeddings",
          "i18n", "inputs", "demos", "ablation", "scorecard", "bench", "jobs", "ngram", "classroom", "__main__"]


def imports(path: Path) -> set[str]:
    """Every module a file imports (also inside functions), as absolute dotted names."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            mod = ".".join(base + ([node.module] if node.module else []))
            out.add(mod)
            out |= {f"{mod}.{a.name}" for a in node.names}
    return out


def engine_files():
    for name in ENGINE:
        p = ROOT / "explainer" / name
        yield from (sorted(p.rglob("*.py")) if p.is_dir() else [p.with_suffix(".py")])


@pytest.mark.parametrize("path", list(engine_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_engine_never_imports_pages_views_or_streamlit(path):
    bad = {m for m in imports(path) if m.split(".")[0] in ("pages", "streamlit")
           or m.startswith(("explainer.views", "explainer.plots"))}
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("folder", ["views", "plots", "text"])
def test_views_plots_and_messages_never_import_streamlit_or_pages(folder):
    for path in (ROOT / "explainer" / folder).glob("*.py"):
        bad = {m for m in imports(path) if m.split(".")[0] in ("pages", "streamlit")}
        assert not bad, f"{path} imports {sorted(bad)}"


@pytest.mark.parametrize("concept", CONCEPTS)
def test_one_name_per_concept(concept):
    """pages/<c>.py, explainer/views/<c>.py, explainer/plots/<c>.py and explainer/text/<c>.py exist,
    the page's messages are the catalogue's "<c>.*" keys and its session keys start with "<c>."."""
    for folder in ("pages", "explainer/views", "explainer/plots", "explainer/text"):
        assert (ROOT / folder / f"{concept}.py").is_file(), f"{folder}/{concept}.py"
    text = (ROOT / "explainer" / "text" / f"{concept}.py").read_text(encoding="utf-8")
    mod = ast.parse(text)
    keys = [k.value for node in ast.walk(mod) if isinstance(node, ast.Dict) for k in node.keys
            if isinstance(k, ast.Constant)]
    assert keys and all(k.startswith(concept + ".") for k in keys)
    assert f"nav.{concept}" in catalogue()["en"]
    page = (ROOT / "pages" / f"{concept}.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(page)):        # st.session_state["x"] / key="x" use the concept's name
        if isinstance(node, ast.keyword) and node.arg == "key" and isinstance(node.value, ast.Constant):
            assert str(node.value.value).startswith(concept), node.value.value
        if (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant)
                and ast.unparse(node.value).endswith("session_state")):
            key = node.slice.value
            assert key.startswith(concept + ".") or key in ("prompt", "lang", "model_choice"), key


def test_pages_are_the_router_and_the_concepts():
    pages = {p.stem for p in (ROOT / "pages").glob("*.py")}
    assert pages == set(CONCEPTS) | {"common"}
    from pages.common import PAGES
    assert [name for name, _, _ in PAGES] == CONCEPTS            # the router's list, in this order
    assert "PAGES" in (ROOT / "app.py").read_text(encoding="utf-8")


def test_the_wheel_lists_every_package():
    tomllib = pytest.importorskip("tomllib")          # Python 3.11+
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "explainer").rglob("__init__.py")}
    assert set(conf["packages"]) == packages | {"explainer.bundled"}
    assert conf["package-dir"] == {"explainer.bundled": "assets"}
