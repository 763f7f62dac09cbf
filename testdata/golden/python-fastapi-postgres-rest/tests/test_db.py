"""db.py: points in time stored in UTC and handed back with their zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any

import pytest

from todo.db import UTCDateTime

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
    assert stored is not None and stored.utcoffset() == timedelta(0)


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
