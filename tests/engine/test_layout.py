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
    assert pages == set(CONCEPTS)
    from pages.frame.menu import PAGES
    assert [name for name, _, _ in PAGES] == CONCEPTS            # the router's list, in this order
    assert "navigation(" in (ROOT / "app.py").read_text(encoding="utf-8")      # the router builds its menu from PAGES


# ---- the frame: one module per thing every page shares, each importing only those above it --------

FRAME = ["server", "run", "menu", "language", "presenter", "warmup", "models", "cache", "charts", "links", "prompt",
         "sidebar", "lesson", "page"]


def test_the_frame_is_its_modules_in_order():
    """pages/frame/ holds exactly the modules its __init__ lists, in that order, and a module imports
    only modules listed above it (no circles, nothing upward)."""
    folder = ROOT / "pages" / "frame"
    assert {p.stem for p in folder.glob("*.py")} == set(FRAME) | {"__init__"}
    doc = (folder / "__init__.py").read_text(encoding="utf-8")
    listed = [line.split()[0].removesuffix(".py") for line in doc.splitlines() if line.startswith("    ")
              and line.split()[0].endswith(".py")]
    assert listed == FRAME
    for i, name in enumerate(FRAME):
        used = {m.split(".")[2] for m in imports(folder / f"{name}.py") if m.startswith("pages.frame.")}
        assert used <= set(FRAME[:i]), f"pages/frame/{name}.py imports {sorted(used - set(FRAME[:i]))}"
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]:       # pages and the router: the frame only
        bad = {m for m in imports(path) if m.startswith("pages.") and not m.startswith("pages.frame.")}
        assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("concept", CONCEPTS)
def test_every_page_enters_through_the_frame(concept):
    """The first statement after a page's imports is ``enter(__file__)`` (the page's name, and the router
    when Streamlit runs the page file on its own)."""
    body = ast.parse((ROOT / "pages" / f"{concept}.py").read_text(encoding="utf-8")).body
    first = next(n for n in body if not isinstance(n, (ast.Import, ast.ImportFrom, ast.Expr)) or
                 (isinstance(n, ast.Expr) and not isinstance(n.value, ast.Constant)))
    assert ast.unparse(first) == "enter(__file__)", f"pages/{concept}.py starts with {ast.unparse(first)[:60]}"


def test_each_lesson_question_is_answered_by_its_concepts_view():
    """views/lesson.py's registry: every question kind names a concept, whose view has question_<kind>."""
    import importlib

    from explainer.views.lesson import KINDS
    for kind, concept in KINDS.items():
        assert concept in CONCEPTS
        view = importlib.import_module(f"explainer.views.{concept}")
        assert callable(getattr(view, f"question_{kind}", None)), f"views/{concept}.py has no question_{kind}"
    others = {m for m in imports(ROOT / "explainer" / "views" / "lesson.py")      # reached through KINDS only
              if m.startswith("explainer.views.") and m.split(".")[2] in set(CONCEPTS) - {"lesson"}}
    assert not others, sorted(others)


# ---- public Streamlit API only ----------------------------------------------------------------------
# One documented exception: pages/frame/warmup.py speaks Streamlit's own wire protocol (streamlit.proto)
# to run the pages at start, as a browser does; tests/pages/test_warmup.py fails when that changes.
PROTOCOL_HOME = ROOT / "pages" / "frame" / "warmup.py"
PUBLIC_STREAMLIT = {"streamlit", "streamlit.testing.v1"}


def app_files():
    yield ROOT / "app.py"
    yield from sorted((ROOT / "pages").rglob("*.py"))
    yield from sorted((ROOT / "explainer").rglob("*.py"))


@pytest.mark.parametrize("path", list(app_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_public_streamlit_api_only(path):
    """No module of Streamlit's insides (streamlit.runtime, .proto, .web …) outside the one place, and no
    CSS aimed at Streamlit's internal test ids (our keyed containers have documented classes)."""
    inside = {m for m in imports(path) if m.startswith("streamlit.") and m.split(".")[1] not in ("testing",)
              and m not in {f"streamlit.{n}" for n in dir(__import__("streamlit")) if not n.startswith("_")}}
    if path == PROTOCOL_HOME:
        assert inside <= {"streamlit.runtime", "streamlit.runtime.exists", "streamlit.proto.BackMsg_pb2",
                          "streamlit.proto.BackMsg_pb2.BackMsg", "streamlit.proto.ForwardMsg_pb2",
                          "streamlit.proto.ForwardMsg_pb2.ForwardMsg"}, sorted(inside)
    else:
        assert not inside, f"{path.name} imports Streamlit's insides: {sorted(inside)}"
    assert "data-testid" not in path.read_text(encoding="utf-8"), f"{path.name} styles a Streamlit test id"


# ---- one door into the model ---------------------------------------------------------------------------

def test_every_forward_pass_goes_through_the_lm():
    """Outside explainer/lm.py (the door) and the code that builds and trains models (model.py, train.py,
    bench.py's training timer), nothing reaches into a loaded model: no ``….model`` attribute, so no
    direct call of it, of its blocks or of its MLPs."""
    allowed = {ROOT / "explainer" / n for n in ("lm.py", "model.py", "train.py", "checkpoint.py", "export.py")}
    for path in app_files():
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "model" and isinstance(node.ctx, ast.Load):
                raise AssertionError(f"{path.relative_to(ROOT)}:{node.lineno} reaches into a model "
                                     f"({ast.unparse(node)}): go through LM")


def test_the_wheel_lists_every_package():
    tomllib = pytest.importorskip("tomllib")          # Python 3.11+
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "explainer").rglob("__init__.py")}
    assert set(conf["packages"]) == packages | {"explainer.bundled"}
    assert conf["package-dir"] == {"explainer.bundled": "assets"}
