"""Middleware: the request body limit, and ``Cache-Control: no-store`` on the API's answers.

``X-Content-Type-Options: nosniff`` comes from Django's SecurityMiddleware.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .problems import problem
from .soap_views import soap_fault

MAX_BODY = 1 << 20  # 1 MiB

Handler = Callable[[HttpRequest], HttpResponse]


class BodyLimitMiddleware:
    """Refuse a body over MAX_BODY (413) by its Content-Length, before reading it.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE covers ``request.body`` only, not
    Django REST framework's parsers reading the stream, so the limit is here,
    for every view. A body that ends before its Content-Length (the client
    gave up) is a 400: nothing half-sent is ever stored.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = request.META.get("CONTENT_LENGTH") or ""
        if length:
            if not length.isdigit() or int(length) > MAX_BODY:
                return self.refuse(request, 413, "the request body is larger than 1 MiB")
            if len(request.body) < int(length):
                detail = "the request body is shorter than its Content-Length"
                return self.refuse(request, 400, detail)
        return self.get_response(request)

    @staticmethod
    def refuse(request: HttpRequest, status: int, detail: str) -> HttpResponse:
        if request.path == "/soap":
            return soap_fault(status, detail)  # every answer of /soap is an envelope
        return problem(status, detail)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every answer under /api/: they are never cached."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["Cache-Control"] = "no-store"
        return response
