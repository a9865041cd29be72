"""Shared fixtures: a tiny model trained once per test session (≈ 30 s on 2 cores)."""

import os
import shutil

import pytest

# the pages' cached results are shared by every user: every test run checks that no caller changes one
# (pages/frame/cache.py), in-process and in the servers the browser tests start
os.environ.setdefault("EXPLAINER_CHECK_SHARED", "1")

import explainer
from explainer.train import train


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("tiny")
    train("tiny", out, precision="fp32", progress=False, log=lambda *a: None)
    return out


@pytest.fixture(scope="session")
def tiny_lm(tiny_dir):
    return explainer.load(tiny_dir)


@pytest.fixture
def tiny_copy(tiny_dir, tmp_path):
    """A private copy of the tiny checkpoint that a test may damage."""
    dst = tmp_path / "ckpt"
    shutil.copytree(tiny_dir, dst, ignore=shutil.ignore_patterns("data"))
    return dst


@pytest.fixture(scope="session")
def bundled_lm():
    return explainer.load()


@pytest.fixture(scope="session")
def bundled_zh_lm():
    """The bundled model that reads Chinese (assets/model_zh)."""
    return explainer.load(explainer.lm.ASSETS_ZH)
