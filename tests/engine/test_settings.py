"""The server's settings (explainer/settings.py): every value out of range is refused, naming the
setting, instead of silently becoming the default; the app refuses to start with the list."""

import pytest

from explainer import settings
from explainer.settings import SETTINGS, SettingError
from tests.apphelp import open_app

BAD = [
    ("EXPLAINER_MAX_TRAININGS", "abc"), ("EXPLAINER_MAX_TRAININGS", "-1"), ("EXPLAINER_MAX_TRAININGS", "2.5"),
    ("EXPLAINER_MAX_TRAININGS", "0"), ("EXPLAINER_MAX_TRAININGS", "65"), ("EXPLAINER_MAX_TRAININGS", "٣"),
    ("EXPLAINER_MAX_LOAD_MB", "10"), ("EXPLAINER_MAX_LOAD_MB", "1e3"), ("EXPLAINER_WARM_UP", "yes"),
    ("EXPLAINER_RUN_QUEUE", "on"),
    ("DATABASE_URL", "mysql://root:hunter2@db/x"), ("DATABASE_URL", "sqlite:///tmp/x.db"), ("DATABASE_URL", "db.local"),
    ("EXPLAINER_MODELS", "/no/such/folder"),
]


@pytest.fixture(autouse=True)
def _unset(monkeypatch):
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("name,raw", BAD)
def test_a_value_out_of_range_is_refused_by_name(name, raw, monkeypatch):
    monkeypatch.setenv(name, raw)
    with pytest.raises(SettingError) as e:
        settings.get(name)
    assert str(e.value).startswith(name)
    assert "hunter2" not in str(e.value)            # a database URL's password is never repeated
    assert settings.problems() == [str(e.value)]


def test_files_where_folders_belong_are_refused(tmp_path, monkeypatch):
    (tmp_path / "f").write_text("x")
    for name in ("EXPLAINER_MODELS", "EXPLAINER_JOBS_DIR"):
        monkeypatch.setenv(name, str(tmp_path / "f"))
    monkeypatch.setenv("EXPLAINER_CLASS_DB", str(tmp_path))
    found = settings.problems()
    assert [p.split(" ")[0] for p in found] == ["EXPLAINER_MODELS", "EXPLAINER_JOBS_DIR", "EXPLAINER_CLASS_DB"]


def test_good_values_and_defaults(tmp_path, monkeypatch):
    assert settings.problems() == []
    assert settings.get("EXPLAINER_MAX_TRAININGS") >= 1 and settings.get("EXPLAINER_MAX_LOAD_MB") == 1024
    assert settings.get("DATABASE_URL") is None
    for name, raw, want in [("EXPLAINER_MAX_TRAININGS", " 3 ", 3), ("EXPLAINER_WARM_UP", "0", "0"),
                            ("EXPLAINER_RUN_QUEUE", "0", "0"),
                            ("DATABASE_URL", "postgresql://u:p@h:5432/d", "postgresql://u:p@h:5432/d"),
                            ("EXPLAINER_MODELS", str(tmp_path), tmp_path),
                            ("EXPLAINER_JOBS_DIR", str(tmp_path / "new"), tmp_path / "new")]:
        monkeypatch.setenv(name, raw)
        assert settings.get(name) == want
    monkeypatch.setenv("EXPLAINER_MAX_TRAININGS", "")           # empty = unset
    assert settings.problems() == []


def test_the_job_manager_takes_the_checked_setting(monkeypatch):
    from explainer.jobs import JobManager
    monkeypatch.setenv("EXPLAINER_MAX_TRAININGS", "3")
    assert JobManager().max_running == 3
    monkeypatch.setenv("EXPLAINER_MAX_TRAININGS", "abc")
    with pytest.raises(SettingError, match="EXPLAINER_MAX_TRAININGS"):
        JobManager()


def test_the_app_refuses_to_start_naming_each_setting(monkeypatch):
    monkeypatch.setenv("EXPLAINER_MAX_TRAININGS", "2.5")
    monkeypatch.setenv("DATABASE_URL", "mysql://root:hunter2@db/x")
    at = open_app(monkeypatch)
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert "settings are out of range" in shown
    assert "EXPLAINER_MAX_TRAININGS='2.5'" in shown and "DATABASE_URL starts with 'mysql://'" in shown
    assert "hunter2" not in shown
    assert not at.title                                 # no page ran
