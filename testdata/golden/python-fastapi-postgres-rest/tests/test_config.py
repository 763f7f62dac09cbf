"""config.py: the settings read from the environment, DATABASE_URL's forms, api/ lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from todo import config
from todo.config import Settings, api_file, cors_origins, sqlalchemy_url


def test_settings_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HOST", "PORT", "DATABASE_URL", "CORS_ORIGINS"):
        monkeypatch.delenv(name, raising=False)
    assert Settings.from_env() == Settings(
        host="127.0.0.1", port=8080, database_url=config.DEFAULT_DATABASE_URL, cors_origins=()
    )


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.setenv("PORT", "9090")
    monkeypatch.setenv("DATABASE_URL", "other.db")
    monkeypatch.setenv("CORS_ORIGINS", "http://localhost:5173")
    assert Settings.from_env() == Settings(
        host="0.0.0.0",
        port=9090,
        database_url="other.db",
        cors_origins=("http://localhost:5173",),
    )


def test_an_empty_database_url_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "")
    assert Settings.from_env().database_url == config.DEFAULT_DATABASE_URL


@pytest.mark.parametrize(
    ("value", "origins"),
    [
        ("", ()),
        (" , ,", ()),
        ("http://a.test", ("http://a.test",)),
        (" http://a.test , https://b.test:8443 ,", ("http://a.test", "https://b.test:8443")),
        ("http://a.test,,http://c.test", ("http://a.test", "http://c.test")),
    ],
)
def test_cors_origins(value: str, origins: tuple[str, ...]) -> None:
    assert cors_origins(value) == origins


@pytest.mark.parametrize(
    ("database_url", "expected"),
    [
        ("app.db", "sqlite:///app.db"),
        ("/var/lib/app.db", "sqlite:////var/lib/app.db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
        ("postgres://u:p@h:5432/d", "postgresql+psycopg://u:p@h:5432/d"),
        ("postgresql://u:p@h/d?sslmode=require", "postgresql+psycopg://u:p@h/d?sslmode=require"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
        ("postgres://u@h/a://b://c", "postgresql+psycopg://u@h/a://b://c"),
        ("mysql://u:p@h:3306/d", "mysql+pymysql://u:p@h:3306/d?charset=utf8mb4"),
        ("mariadb://u:p@h/d", "mysql+pymysql://u:p@h/d?charset=utf8mb4"),
        ("mysql://u@h/d?ssl=true", "mysql+pymysql://u@h/d?ssl=true&charset=utf8mb4"),
        ("mysql://u@h/d?charset=latin1", "mysql+pymysql://u@h/d?charset=latin1"),
        ("mysql://u@h/a://b", "mysql+pymysql://u@h/a://b?charset=utf8mb4"),
    ],
)
def test_sqlalchemy_url(database_url: str, expected: str) -> None:
    assert sqlalchemy_url(database_url) == expected


def test_api_file_in_the_source_tree_or_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = api_file("openapi.yaml")
    assert found.is_file()
    assert found.parent.name == "api"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "only-here.txt").write_text("x")
    assert api_file("only-here.txt") == tmp_path / "api" / "only-here.txt"


def test_api_file_names_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "a-folder").mkdir()
    with pytest.raises(FileNotFoundError) as error:
        api_file("a-folder")  # not a file
    source_tree = Path(config.__file__).resolve().parents[2] / "api" / "a-folder"
    assert str(error.value) == (
        f"api/a-folder not found (looked in {source_tree}, {tmp_path / 'api' / 'a-folder'})"
    )
