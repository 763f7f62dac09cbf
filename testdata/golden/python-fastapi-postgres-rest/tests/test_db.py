"""db.py: points in time stored in UTC and handed back with their zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import DateTime
from sqlalchemy.dialects import mysql, postgresql, sqlite

from todo.db import UTCDateTime, make_engine

PARIS = timezone(timedelta(hours=2))
LOCAL = datetime(2024, 5, 31, 16, 30, tzinfo=PARIS)
IN_UTC = datetime(2024, 5, 31, 14, 30, tzinfo=UTC)


def dialect(name: str) -> Any:
    return SimpleNamespace(name=name)


@pytest.mark.parametrize("name", ["sqlite", "mysql", "mariadb"])
def test_stored_as_naive_utc_where_the_database_keeps_no_zone(name: str) -> None:
    stored = UTCDateTime().process_bind_param(LOCAL, dialect(name))
    assert stored == IN_UTC.replace(tzinfo=None)
    assert stored is not None and stored.tzinfo is None


def test_stored_with_its_zone_in_postgresql() -> None:
    stored = UTCDateTime().process_bind_param(LOCAL, dialect("postgresql"))
    assert stored == IN_UTC
    assert stored is not None and stored.tzinfo is UTC  # not the machine's zone, even if UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [(IN_UTC.replace(tzinfo=None), IN_UTC), (LOCAL, IN_UTC), (None, None)],
)
def test_read_back_in_utc(value: datetime | None, expected: datetime | None) -> None:
    read = UTCDateTime().process_result_value(value, dialect("sqlite"))
    assert read == expected
    if read is not None:
        assert read.tzinfo is UTC


def test_none_is_stored_as_none() -> None:
    assert UTCDateTime().process_bind_param(None, dialect("sqlite")) is None


@pytest.mark.parametrize("name", ["mysql", "mariadb"])
def test_mysql_keeps_microseconds(name: str) -> None:
    mysql_dialect = mysql.dialect()
    mysql_dialect.name = name  # MariaDB is the same dialect under another name
    column = UTCDateTime().load_dialect_impl(mysql_dialect)
    assert isinstance(column, mysql.DATETIME)
    assert column.fsp == 6


@pytest.mark.parametrize("other", [sqlite.dialect(), postgresql.dialect()])
def test_other_databases_keep_the_zone_where_they_can(other: Any) -> None:
    column = UTCDateTime().load_dialect_impl(other)
    assert type(column) is not mysql.DATETIME
    assert isinstance(column, DateTime)
    assert column.timezone is True


def test_the_engine_checks_connections_and_sqlite_enforces_foreign_keys(tmp_path: Any) -> None:
    engine = make_engine(str(tmp_path / "test.db"))
    try:
        assert engine.pool._pre_ping is True  # a connection the server dropped is replaced
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    finally:
        engine.dispose()
