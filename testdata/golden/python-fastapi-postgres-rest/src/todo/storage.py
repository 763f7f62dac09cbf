"""Open the configured database and hand back a repository on it."""

from __future__ import annotations

from .database import SqlRepository, make_engine, migrate
from .repository import Repository


def prepare_database(database_url: str) -> None:
    """Apply the migrations that are not applied yet (``alembic upgrade head``)."""
    engine = make_engine(database_url)
    migrate(engine)
    engine.dispose()


def open_repository(database_url: str) -> Repository:
    """Connect to PostgreSQL and apply the migrations that are not applied yet."""
    engine = make_engine(database_url)
    migrate(engine)
    return SqlRepository(engine)
