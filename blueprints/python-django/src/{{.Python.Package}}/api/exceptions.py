"""``problem_exception_handler`` (DRF's EXCEPTION_HANDLER): every error as an RFC 9457 problem.

DRF's validation errors become a 422 listing the fields, its parse errors a
400, its other exceptions (404, 405, 415 …) problems with their status; a
unique clash the database refuses is a 409. Anything else is left to Django,
whose handler500 (views.py) answers a problem too.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import DataError, IntegrityError
from django.http import Http404, HttpResponse
from rest_framework import exceptions

from ..problems import problem

log = logging.getLogger(__name__)


class BadQuery(exceptions.APIException):
    """A query string the list cannot take (400)."""

    status_code = 400
    default_detail = "the query string is not valid"
    default_code = "bad_query"


def _errors(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """DRF's {field: [messages]} as a flat list of {"field", "message"}."""
    if isinstance(detail, dict):
        return [
            error for name, value in detail.items() for error in _errors(value, f"{prefix}{name}")
        ]
    if isinstance(detail, list):
        return [error for value in detail for error in _errors(value, prefix)]
    return [{"field": prefix, "message": str(detail)}]


def is_unique_violation(error: IntegrityError) -> bool:
    """PostgreSQL's SQLSTATE 23505, MySQL's error 1062, SQLite's message."""
    cause = error.__cause__
    args = getattr(cause, "args", None) or (None,)
    return (
        getattr(cause, "sqlstate", None) == "23505"
        or args[0] == 1062
        or "UNIQUE constraint failed" in str(cause)
    )


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> HttpResponse | None:
    if isinstance(exc, exceptions.ValidationError):
        return problem(422, "the request body has invalid fields", errors=_errors(exc.detail))
    if isinstance(exc, Http404):
        return problem(404, f"there is nothing at {context['request'].path}")
    if isinstance(exc, exceptions.MethodNotAllowed):
        request = context["request"]
        return problem(405, f"{request.path} does not take {request.method}")
    if isinstance(exc, exceptions.APIException):
        detail = exc.detail if isinstance(exc.detail, str) else exc.default_detail
        return problem(exc.status_code, str(detail))
    if isinstance(exc, IntegrityError):
        log.info("the database refused a write: %s", exc)
        if is_unique_violation(exc):
            return problem(409, "another record already has this value in a unique field")
        return problem(422, "the database refused the values")
    if isinstance(exc, DataError):
        log.info("the database refused a value: %s", exc)
        return problem(422, "the database refused a value")
    return None
