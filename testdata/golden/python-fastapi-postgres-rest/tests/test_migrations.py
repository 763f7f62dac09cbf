"""The migrations (migrations/versions/) build exactly the schema the models declare."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from todo import models  # noqa: F401 - registers the tables on Base.metadata
from todo.db import Base, make_engine, migrate


def test_migrations_match_the_models(tmp_path: Path) -> None:
    if not os.environ.get("DATABASE_URL"):
        pytest.skip("DATABASE_URL is not set")
    engine = make_engine(os.environ["DATABASE_URL"])
    try:
        migrate(engine)
        migrate(engine)  # a second run finds nothing to do
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": False}
            )
            assert compare_metadata(context, Base.metadata) == []
            tables = set(inspect(connection).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert "alembic_version" in tables
    finally:
        engine.dispose()
