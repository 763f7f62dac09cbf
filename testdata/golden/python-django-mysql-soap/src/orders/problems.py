"""``problem()``: an RFC 9457 problem details response (``application/problem+json``)."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse

TITLES = {413: "Content Too Large", 422: "Unprocessable Content"}  # RFC 9110's names


def problem(
    status: int,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status) or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    # ensure_ascii: a field name from the request may hold a lone surrogate.
    content = json.dumps(body, ensure_ascii=True, separators=(",", ":"))
    response = HttpResponse(
        content, status=status, content_type="application/problem+json", headers=headers
    )
    response["Cache-Control"] = "no-store"
    return response
