"""Configuration, read from the environment only (see .env.example)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATABASE_URL = "mysql://app:app@localhost:3306/app"


@dataclass(frozen=True)
class Settings:
    """Everything the service needs to know about its surroundings."""

    host: str
    port: int
    database_url: str
    cors_origins: tuple[str, ...] = ()  # empty: CORS is off

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            host=os.environ.get("HOST", "127.0.0.1"),
            port=int(os.environ.get("PORT", "8080")),
            database_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
            cors_origins=cors_origins(os.environ.get("CORS_ORIGINS", "")),
        )


def cors_origins(value: str) -> tuple[str, ...]:
    """CORS_ORIGINS: exact origins (``scheme://host[:port]``), separated by commas.

    Spaces around the commas and empty items are ignored; nothing at all turns CORS off.
    """
    return tuple(origin for item in value.split(",") if (origin := item.strip()))


def sqlalchemy_url(database_url: str) -> str:
    """Turn a DATABASE_URL as documented in the README into a SQLAlchemy URL.

    Accepted forms: a file path for SQLite (``app.db``), ``postgres://…``,
    ``mysql://…`` and the SQLAlchemy forms themselves.
    """
    if database_url.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + database_url.split("://", 1)[1]
    if database_url.startswith(("mysql://", "mariadb://")):
        url = "mysql+pymysql://" + database_url.split("://", 1)[1]
        separator = "&" if "?" in url else "?"
        return url if "charset=" in url else f"{url}{separator}charset=utf8mb4"
    if "://" in database_url:
        return database_url  # already a SQLAlchemy URL
    return f"sqlite:///{database_url}"  # a file path; absolute paths give sqlite:////…


def api_file(name: str) -> Path:
    """Find a file of the project's ``api/`` folder (the OpenAPI spec or the WSDL).

    It is looked up next to the source tree (editable installs) and in the
    working directory (the Docker image copies ``api/`` there).
    """
    candidates = [
        Path(__file__).resolve().parents[2] / "api" / name,
        Path.cwd() / "api" / name,
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"api/{name} not found (looked in {', '.join(map(str, candidates))})")
