"""Every error as an RFC 9457 problem (``application/problem+json``).

Handlers for FastAPI's validation errors, for HTTP errors (the router's own
404 and 405 included) and for what the database refuses (a unique clash is a
409).
"""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

log = logging.getLogger(__name__)

PROBLEM_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}


class ProblemResponse(JSONResponse):
    media_type = "application/problem+json"

    def render(self, content: Any) -> bytes:
        # ASCII (json.dumps's default): a field name from the request may hold a lone surrogate.
        return json.dumps(content, separators=(",", ":")).encode()


def problem(
    status: int,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status) or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    return ProblemResponse(body, status_code=status, headers={**PROBLEM_HEADERS, **(headers or {})})


METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
TITLES = {413: "Content Too Large", 422: "Unprocessable Content"}  # RFC 9110's names


def _allowed_methods(request: Request) -> str:
    """Every method some route takes on this path (Starlette would name only the first route's)."""
    routes = request.app.router.routes
    return ", ".join(
        method
        for method in METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes
        )
    )


async def http_error(request: Request, error: Exception) -> ProblemResponse:
    assert isinstance(error, StarletteHTTPException)
    headers = dict(error.headers or {})
    if error.status_code == 405:
        headers["Allow"] = _allowed_methods(request)
    detail = error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
    if error.status_code == 404 and detail == "Not Found":
        detail = f"there is nothing at {request.url.path}"
    if error.status_code == 405 and detail == "Method Not Allowed":
        detail = f"{request.url.path} does not take {request.method}"
    return problem(error.status_code, detail, headers=headers)


def _field(loc: tuple[int | str, ...]) -> str:
    return str(loc[1]) if len(loc) > 1 else str(loc[0])


async def validation_error(request: Request, error: Exception) -> ProblemResponse:
    """Bad JSON or a body that is no object: 400; a bad query string: 400; bad fields: 422."""
    assert isinstance(error, RequestValidationError)
    errors = error.errors()
    for item in errors:
        loc = tuple(item.get("loc", ()))
        if item.get("type") == "json_invalid" or loc in (("body",), ()):
            return problem(400, "the request body must be one JSON object")
        if loc and loc[0] in ("query", "path", "header"):
            return problem(400, f"query parameter {_field(loc)}: {_message(item)}")
    fields = [{"field": _field(tuple(item["loc"])), "message": _message(item)} for item in errors]
    return problem(422, "the request body has invalid fields", errors=fields)


def _message(item: Any) -> str:
    if item.get("type") == "extra_forbidden":
        return "is not a field of this resource"
    if item.get("type") == "missing":
        return "is required"
    return str(item.get("msg", "is invalid")).removeprefix("Value error, ")


def _is_unique_violation(error: IntegrityError) -> bool:
    """PostgreSQL's SQLSTATE 23505, MySQL's error 1062, SQLite's message."""
    original = error.orig
    args = getattr(original, "args", None) or (None,)
    return (
        getattr(original, "sqlstate", None) == "23505"
        or args[0] == 1062
        or "UNIQUE constraint failed" in str(original)
    )


async def integrity_error(request: Request, error: Exception) -> ProblemResponse:
    assert isinstance(error, IntegrityError)
    log.info("the database refused a write: %s", error.orig)
    if _is_unique_violation(error):
        return problem(409, "another record already has this value in a unique field")
    return problem(422, "the database refused the values")


async def data_error(request: Request, error: Exception) -> ProblemResponse:
    log.info("the database refused a value: %s", error)
    return problem(422, "the database refused a value")


async def server_error(request: Request, error: Exception) -> ProblemResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem(500, "the server could not answer this request")


def add_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(IntegrityError, integrity_error)
    app.add_exception_handler(DataError, data_error)
    app.add_exception_handler(Exception, server_error)
