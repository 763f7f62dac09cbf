"""Serializer fields that take JSON types strictly, as the API documents them.

DRF's own fields are lenient: ``CharField`` turns 12 into "12",
``IntegerField`` takes "12" and 12.0, ``BooleanField`` takes "yes" and 1. The
API answers 422 for a wrong JSON type instead. ``BaseSerializer`` (serializers.py)
maps the model fields to these.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from typing import Any

from rest_framework import serializers

# The whole numbers JSON carries exactly (RFC 7493): a larger one would be
# rounded by JavaScript clients and many parsers, so int fields stop there.
MAX_SAFE_INT = 2**53 - 1

# Blank is what any of the API's clients and servers would trim, not only what
# str.strip() does: it keeps U+180E, U+200B and the BOM.
_BLANK = re.compile("[\\s\u180e\u200b\ufeff]*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


class StrictCharField(serializers.CharField):
    """A JSON string, kept as sent; DRF's validators refuse U+0000 and lone surrogates."""

    default_error_messages = {"invalid": "must be a string", "blank": "must not be blank"}

    def __init__(self, **kwargs: Any) -> None:
        kwargs["trim_whitespace"] = False
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        if not self.allow_blank and _BLANK.fullmatch(data):
            self.fail("blank")
        return data


class StrictChoiceField(serializers.ChoiceField):
    """One of the enum's values, as a JSON string."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str) or data not in self.choice_strings_to_values:
            self.fail(
                "invalid_choice", input=data if isinstance(data, str) else type(data).__name__
            )
        return self.choice_strings_to_values[data]


class StrictIntegerField(serializers.IntegerField):
    """A JSON whole number (no string, no fraction), within what JSON carries exactly."""

    default_error_messages = {"invalid": "must be a whole number"}

    def __init__(self, **kwargs: Any) -> None:
        kwargs["min_value"] = max(kwargs.get("min_value", -MAX_SAFE_INT), -MAX_SAFE_INT)
        kwargs["max_value"] = min(kwargs.get("max_value", MAX_SAFE_INT), MAX_SAFE_INT)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return data


class StrictFloatField(serializers.FloatField):
    """A finite JSON number."""

    default_error_messages = {"invalid": "must be a number"}

    def to_internal_value(self, data: Any) -> float:
        if isinstance(data, bool) or not isinstance(data, int | float) or not math.isfinite(data):
            self.fail("invalid")
        return float(data)


class StrictBooleanField(serializers.BooleanField):
    """JSON true or false."""

    default_error_messages = {"invalid": "must be true or false"}

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class StrictDateField(serializers.DateField):
    """An RFC 3339 full-date, such as 2024-05-31."""

    default_error_messages = {"invalid": "must be a date such as 2024-05-31"}

    def to_internal_value(self, data: Any) -> date:
        if not isinstance(data, str) or not _DATE.fullmatch(data):
            self.fail("invalid")
        try:
            return date.fromisoformat(data)
        except ValueError:
            self.fail("invalid")


class StrictDateTimeField(serializers.DateTimeField):
    """An RFC 3339 date and time with a zone, such as 2024-05-31T14:30:00Z; stored in UTC."""

    default_error_messages = {
        "invalid": "must be a date and time with a zone, such as 2024-05-31T14:30:00Z"
    }

    def to_internal_value(self, data: Any) -> datetime:
        if not isinstance(data, str) or not _DATETIME.fullmatch(data):
            self.fail("invalid")
        try:
            return datetime.fromisoformat(data.upper().replace("Z", "+00:00")).astimezone(UTC)
        except ValueError:
            self.fail("invalid")
