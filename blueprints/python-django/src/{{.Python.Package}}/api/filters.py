"""The list's query string: ``?<field>=value`` equality filters and ``?sort=``.

Each viewset names its ``filter_fields`` and ``sort_fields``; a value that
does not fit its field, an unknown sort key or a parameter given twice is a
400. Unknown parameters are ignored, as the API documents.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.db import models
from django.db.models import QuerySet
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request

from .exceptions import BadQuery
from .pagination import single_value

_INTEGER = re.compile(r"-?[0-9]{1,19}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _value(field: models.Field, name: str, text: str) -> Any:
    """The query string's text as a value of ``field``."""
    if isinstance(field, models.BooleanField):
        if text not in ("true", "false"):
            raise BadQuery(f"query parameter {name} must be true or false")
        return text == "true"
    if isinstance(field, models.BigIntegerField):
        if not _INTEGER.fullmatch(text) or not -(2**63) <= int(text) < 2**63:
            raise BadQuery(f"query parameter {name} must be a whole number")
        return int(text)
    if isinstance(field, models.DateField):
        try:
            if not _DATE.fullmatch(text):
                raise ValueError(text)
            return date.fromisoformat(text)
        except ValueError:
            raise BadQuery(f"query parameter {name} must be a date such as 2024-05-31") from None
    if "\x00" in text or _SURROGATE.search(text):
        raise BadQuery(f"query parameter {name} must be text without U+0000")
    if field.choices and text not in {str(value) for value, _ in field.choices}:
        raise BadQuery(
            f"query parameter {name} must be one of {', '.join(str(v) for v, _ in field.choices)}"
        )
    return text


class EqualityFilter(BaseFilterBackend):
    """``?<field>=value`` for each of the view's ``filter_fields``: objects with that value."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        filters = {}
        for name in getattr(view, "filter_fields", ()):
            text = single_value(request, name)
            if text is not None:
                filters[name] = _value(queryset.model._meta.get_field(name), name, text)
        return queryset.filter(**filters)


class SortFilter(BaseFilterBackend):
    """``?sort=-created_at,id``: comma-separated keys, ``-`` for descending; ties go by id."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        text = single_value(request, "sort")
        if text is None:
            return queryset.order_by("id")
        keys = text.split(",")
        names = [key.removeprefix("-") for key in keys]
        allowed = getattr(view, "sort_fields", ("id",))
        unknown = [name for name in names if name not in allowed]
        if unknown:
            raise BadQuery(f"cannot sort by {unknown[0]!r}: use {', '.join(sorted(allowed))}")
        if len(set(names)) != len(names):
            raise BadQuery("sort names a key twice")
        return queryset.order_by(*keys, *([] if "id" in names else ["id"]))
