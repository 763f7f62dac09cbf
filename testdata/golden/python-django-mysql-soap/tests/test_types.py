"""schemas/types.py: the field types, as strict as the API documents them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from orders.schemas import types


def check(kind: Any, value: object) -> object:
    return TypeAdapter(kind).validate_python(value)


def refused(kind: Any, value: object) -> str:
    with pytest.raises(ValidationError) as error:
        check(kind, value)
    return error.value.errors()[0]["msg"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-05-31", date(2024, 5, 31)), (date(2024, 2, 29), date(2024, 2, 29))],
)
def test_date_accepts(value: object, expected: date) -> None:
    assert check(types.Date, value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2024-5-31",
        "2024-05-31T00:00:00",
        "2023-02-29",
        " 2024-05-31",
        20240531,
        datetime(2024, 5, 31, tzinfo=UTC),
    ],
)
def test_date_refuses(value: object) -> None:
    assert refused(types.Date, value) == "Value error, must be a date such as 2024-05-31"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-31T14:30:00Z", datetime(2024, 5, 31, 14, 30, tzinfo=UTC)),
        ("2024-05-31t14:30:00z", datetime(2024, 5, 31, 14, 30, tzinfo=UTC)),
        ("2024-05-31T16:30:00.5+02:00", datetime(2024, 5, 31, 14, 30, 0, 500000, tzinfo=UTC)),
        (
            datetime(2024, 5, 31, 16, 30, tzinfo=timezone(timedelta(hours=2))),
            datetime(2024, 5, 31, 14, 30, tzinfo=UTC),
        ),
    ],
)
def test_datetime_accepts_and_is_in_utc(value: object, expected: datetime) -> None:
    parsed = check(types.DateTime, value)
    assert parsed == expected
    assert isinstance(parsed, datetime)
    assert parsed.tzinfo is UTC  # not the machine's zone, even if UTC


NO_ZONE = "Value error, must be a date and time with a zone, such as 2024-05-31T14:30:00Z"
NO_TIME = "Value error, must be a date and time such as 2024-05-31T14:30:00Z"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-05-31T14:30:00", NO_ZONE),
        ("2024-05-31 14:30:00Z", NO_ZONE),
        (datetime(2024, 5, 31, 14, 30), NO_ZONE),
        (1717165800, NO_ZONE),
        ("2024-02-30T14:30:00Z", NO_TIME),
    ],
)
def test_datetime_refuses(value: object, message: str) -> None:
    assert refused(types.DateTime, value) == message


def test_text_refuses_what_no_database_stores() -> None:
    assert check(types.Text, "fine") == "fine"
    assert refused(types.Text, "a\x00b") == "Value error, must not contain the character U+0000"
    assert refused(types.Text, "a\ud800") == (
        "Value error, must be valid Unicode text (it holds a lone surrogate)"
    )
    assert "valid string" in refused(types.Text, 12)


@pytest.mark.parametrize("value", ["", " ", "\t\n", "\u200b", "\ufeff \u180e"])
def test_required_text_refuses_blank(value: str) -> None:
    assert refused(types.RequiredText, value) == "Value error, must not be blank"


def test_required_text_keeps_its_spaces() -> None:
    assert check(types.RequiredText, " a ") == " a "


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5", 5), ("-5", -5), ("0", 0), (str(types.INT64_MAX), types.INT64_MAX), (7, 7)],
)
def test_query_int_accepts(value: object, expected: int) -> None:
    assert check(types.QueryInt, value) == expected


@pytest.mark.parametrize("value", [" 5", "1_000", "5.0", "+5", "", "x", str(types.INT64_MAX + 1)])
def test_query_int_refuses(value: str) -> None:
    refused(types.QueryInt, value)


def test_query_int_message() -> None:
    assert refused(types.QueryInt, "x") == "Value error, must be an integer"


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("false", False), (True, True)])
def test_query_bool_accepts(value: object, expected: bool) -> None:
    assert check(types.QueryBool, value) is expected


@pytest.mark.parametrize("value", ["yes", "1", "True", "", 1])
def test_query_bool_refuses(value: object) -> None:
    assert refused(types.QueryBool, value) == "Value error, must be true or false"


def test_int_stops_at_the_safe_range() -> None:
    assert check(types.Int, types.MAX_SAFE_INT) == types.MAX_SAFE_INT
    assert check(types.Int, -types.MAX_SAFE_INT) == -types.MAX_SAFE_INT
    refused(types.Int, types.MAX_SAFE_INT + 1)
    refused(types.Int, -types.MAX_SAFE_INT - 1)
    refused(types.Int, "1")
    refused(types.Int, True)


def test_float_and_bool_are_strict() -> None:
    assert check(types.Float, 1.5) == 1.5
    refused(types.Float, float("inf"))
    refused(types.Float, "1.5")
    assert check(types.Bool, False) is False
    refused(types.Bool, 0)
    refused(types.Bool, "false")
