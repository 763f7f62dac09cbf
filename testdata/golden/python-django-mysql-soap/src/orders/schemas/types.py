"""Field types shared by the request models: JSON types taken strictly, as the API documents them.

Pydantic's lax mode would turn ``"12"`` into 12 or ``1`` into ``True``; the API
answers 422 for a wrong JSON type instead, so every base type here is strict.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
# The whole numbers JSON carries exactly (RFC 7493): a larger one would be
# rounded by JavaScript clients and many parsers, so int fields stop there.
MAX_SAFE_INT = 2**53 - 1

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# Blank is what any of the API's clients and servers would trim, not only what
# str.strip() does: it keeps U+180E, U+200B and the BOM (the spec's pattern).
_BLANK = re.compile("[\\s\u180e\u200b\ufeff]*")
_QUERY_INT = re.compile(r"-?[0-9]{1,19}")


def _storable(value: str) -> str:
    """No database stores U+0000 in text, and a lone surrogate is not text at all."""
    if "\x00" in value:
        raise ValueError("must not contain the character U+0000")
    if _SURROGATE.search(value):
        raise ValueError("must be valid Unicode text (it holds a lone surrogate)")
    return value


def _not_blank(value: str) -> str:
    if _BLANK.fullmatch(value):
        raise ValueError("must not be blank")
    return value


def _iso_date(value: object) -> object:
    if isinstance(value, str):
        if not _DATE.fullmatch(value):
            raise ValueError("must be a date such as 2024-05-31")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError("must be a date such as 2024-05-31") from None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise ValueError("must be a date such as 2024-05-31")


def _rfc3339(value: object) -> object:
    if isinstance(value, str):
        if not _DATETIME.fullmatch(value):
            raise ValueError("must be a date and time with a zone, such as 2024-05-31T14:30:00Z")
        try:
            parsed = datetime.fromisoformat(value.upper())  # Python 3.11+ reads "Z"
        except ValueError:
            raise ValueError("must be a date and time such as 2024-05-31T14:30:00Z") from None
        return parsed.astimezone(UTC)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC)
    raise ValueError("must be a date and time with a zone, such as 2024-05-31T14:30:00Z")


def _query_int(value: object) -> object:
    if isinstance(value, str) and not _QUERY_INT.fullmatch(value):
        raise ValueError("must be an integer")
    return value


def _query_bool(value: object) -> object:
    if value in ("true", "false"):
        return value == "true"
    if isinstance(value, bool):
        return value
    raise ValueError("must be true or false")


Text = Annotated[str, Field(strict=True), AfterValidator(_storable)]
RequiredText = Annotated[Text, AfterValidator(_not_blank)]
Int = Annotated[int, Field(strict=True, ge=-MAX_SAFE_INT, le=MAX_SAFE_INT)]
Float = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Bool = Annotated[bool, Field(strict=True)]
Date = Annotated[date, BeforeValidator(_iso_date)]
DateTime = Annotated[datetime, BeforeValidator(_rfc3339)]

# Query strings carry text: these parse it without Pydantic's lax extras
# (" 5", "1_000", "yes").
QueryInt = Annotated[int, BeforeValidator(_query_int), Field(ge=INT64_MIN, le=INT64_MAX)]
QueryBool = Annotated[bool, BeforeValidator(_query_bool)]
