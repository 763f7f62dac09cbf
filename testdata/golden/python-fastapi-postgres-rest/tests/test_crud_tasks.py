"""crud/task.py and the query's sort: which ids name a row, and in what order a list comes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from todo.crud import task as crud
from todo.schemas.task import TaskQuery


@pytest.mark.parametrize(
    ("id", "key"),
    [
        ("1", 1),
        ("0" * 18 + "7", 7),  # 19 digits: still read
        ("0" * 19 + "7", None),  # 20 digits: never a row, whatever their value
        (str(crud.MAX_ID), crud.MAX_ID),
        (str(crud.MAX_ID + 1), None),
        ("1" * 5000, None),  # not even parsed (int() would refuse so many digits)
        ("-1", None),
        ("\u0661", None),  # a digit, but not an ASCII one
        ("", None),
    ],
)
def test_the_ids_a_row_can_have(id: str, key: int | None) -> None:
    assert crud._key(id) == key


def test_updated_at_moves_on_even_if_the_clock_did_not(monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime(2024, 5, 31, 14, 30, tzinfo=UTC)
    monkeypatch.setattr(crud, "utcnow", lambda: now)
    row = SimpleNamespace(updated_at=now)
    crud._touch(row)  # type: ignore[arg-type]
    assert row.updated_at == now + timedelta(microseconds=1)
    later = now + timedelta(seconds=1)
    monkeypatch.setattr(crud, "utcnow", lambda: later)
    crud._touch(row)  # type: ignore[arg-type]
    assert row.updated_at == later


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        (None, [("id", False)]),
        ("-id", [("id", True)]),
        ("id", [("id", False)]),
        ("-created_at", [("created_at", True), ("id", False)]),
        ("created_at,-id", [("created_at", False), ("id", True)]),
    ],
)
def test_the_sort_keys_end_with_id(sort: str | None, order: list[tuple[str, bool]]) -> None:
    assert TaskQuery(sort=sort).order() == order
