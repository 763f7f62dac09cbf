"""Alembic environment: runs the migrations in versions/ on the configured database.

The service calls ``alembic upgrade head`` itself at start-up (see db.py);
from a shell, ``alembic upgrade head`` or ``alembic revision -m "…"`` use alembic.ini.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from todo import models  # noqa: F401 - registers the tables on Base.metadata
from todo.config import (
    Settings,
    sqlalchemy_url,
)
from todo.db import Base

target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:  # handed over by database.migrate()
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(sqlalchemy_url(Settings.from_env().database_url))
    with engine.begin() as own_connection:
        context.configure(connection=own_connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not set up for this project")
run_migrations()
