"""Unit tests of the validation rules (no web framework, no database)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from todo.domain import (
    TaskInput,
    format_timestamp,
    input_from_json,
    parse_paging,
)
from todo.errors import (
    BadRequest,
    ValidationFailed,
)


def test_valid_input() -> None:
    assert input_from_json(b'{"title": "write tests"}') == TaskInput("write tests", False)
    assert input_from_json(b'{"title": "x", "done": true}') == TaskInput("x", True)


def test_title_may_be_200_characters() -> None:
    assert input_from_json(('{"title": "' + "é" * 200 + '"}').encode()).title == "é" * 200


@pytest.mark.parametrize("body", [b"{", b"", b"not json", b"[1, 2]", b'"title"'])
def test_malformed_json_is_a_bad_request(body: bytes) -> None:
    with pytest.raises(BadRequest):
        input_from_json(body)


@pytest.mark.parametrize(
    "body",
    [
        b"{}",
        b'{"title": ""}',
        b'{"title": null}',
        b'{"title": 42}',
        ('{"title": "' + "x" * 201 + '"}').encode(),
        b'{"title": "x", "done": "yes"}',
        b'{"title": "x", "done": 1}',
    ],
)
def test_invalid_input_fails_validation(body: bytes) -> None:
    with pytest.raises(ValidationFailed):
        input_from_json(body)


def test_paging() -> None:
    assert parse_paging(None, None) == (20, 0)
    assert parse_paging("100", "5") == (100, 5)
    for limit, offset in [("0", None), ("101", None), ("x", None), (None, "-1"), (None, "1.5")]:
        with pytest.raises(BadRequest):
            parse_paging(limit, offset)


def test_timestamps_are_rfc3339_utc() -> None:
    assert format_timestamp(datetime(2025, 1, 31, 12, 0, 5, tzinfo=UTC)) == "2025-01-31T12:00:05Z"
    assert format_timestamp(datetime(2025, 1, 31, 12, 0, 5)) == "2025-01-31T12:00:05Z"
