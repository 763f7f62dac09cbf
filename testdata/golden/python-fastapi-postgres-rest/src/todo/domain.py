"""The task resource: its record, its input and how input is validated."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from .errors import BadRequest, ValidationFailed

TITLE_MAX_LENGTH = 200
DEFAULT_LIMIT = 20
MAX_LIMIT = 100


@dataclass(frozen=True)
class Task:
    """A stored task. ``id`` is an integer for SQL databases, a string for MongoDB."""

    id: int | str
    title: str
    done: bool
    created_at: datetime

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "done": self.done,
            "created_at": format_timestamp(self.created_at),
        }


@dataclass(frozen=True)
class TaskInput:
    """What a client may set: the fields of a create or a full replace."""

    title: str
    done: bool = False


def now() -> datetime:
    """The current time in UTC, to the second (every database keeps seconds)."""
    return datetime.now(UTC).replace(microsecond=0)


def format_timestamp(value: datetime) -> str:
    """RFC 3339 in UTC, e.g. ``2025-01-31T12:00:00Z``."""
    if value.tzinfo is None:  # databases without time zones hand back naive UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def validate_title(title: object) -> str:
    """Return the title or raise ValidationFailed."""
    if not isinstance(title, str):
        raise ValidationFailed("title is required and must be a string")
    if not 1 <= len(title) <= TITLE_MAX_LENGTH:
        raise ValidationFailed(f"title must be 1 to {TITLE_MAX_LENGTH} characters long")
    return title


def input_from_json(body: bytes) -> TaskInput:
    """Parse and validate a JSON request body.

    Malformed JSON (or JSON that is not an object) raises BadRequest (400);
    well-formed JSON with wrong fields raises ValidationFailed (422).
    """
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest("the request body is not valid JSON") from exc
    if not isinstance(data, dict):
        raise BadRequest("the request body must be a JSON object")
    done = data.get("done", False)
    if not isinstance(done, bool):
        raise ValidationFailed("done must be true or false")
    return TaskInput(title=validate_title(data.get("title")), done=done)


def parse_paging(limit: str | None, offset: str | None) -> tuple[int, int]:
    """Validate ``limit`` (1 to 100, default 20) and ``offset`` (0 or more, default 0)."""
    def parse(name: str, raw: str | None, default: int, low: int, high: int | None) -> int:
        if raw is None or raw == "":
            return default
        if not re.fullmatch(r"-?[0-9]{1,9}", raw):
            raise BadRequest(f"{name} must be an integer")
        value = int(raw)
        if value < low:
            raise BadRequest(f"{name} must be at least {low}")
        if high is not None and value > high:
            raise BadRequest(f"{name} must be at most {high}")
        return value

    return (
        parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
        parse("offset", offset, 0, 0, None),
    )
