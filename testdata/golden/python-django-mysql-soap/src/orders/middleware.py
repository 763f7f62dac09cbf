"""Middleware: the request body limit, and ``Cache-Control: no-store`` on the API's answers.

``X-Content-Type-Options: nosniff`` comes from Django's SecurityMiddleware.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from django.http import HttpRequest, HttpResponse

from .problems import problem
from .soap_views import soap_fault

MAX_BODY = 1 << 20  # 1 MiB
DRAIN_LIMIT = 2 * MAX_BODY  # a body up to this size is read and dropped before its 413

Handler = Callable[[HttpRequest], HttpResponse]


class BodyLimitMiddleware:
    """Refuse a body over MAX_BODY (413) by its Content-Length, without keeping it.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE covers ``request.body`` only, not
    Django REST framework's parsers reading the stream, so the limit is here,
    for every view. A body a little too large (up to DRAIN_LIMIT) is read and
    dropped first: gunicorn closes the connection after the answer, and closing
    it on unread data resets it, so a client still sending would never see the
    413. A larger one is refused unread. A body that ends before its
    Content-Length (the client gave up) is a 400: nothing half-sent is ever stored.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = request.META.get("CONTENT_LENGTH") or ""
        if length:
            if not length.isdigit() or int(length) > MAX_BODY:
                if length.isdigit() and int(length) <= DRAIN_LIMIT:
                    discard(request.META["wsgi.input"], int(length))
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


def discard(stream: BinaryIO, length: int) -> None:
    """Read and drop ``length`` bytes of ``stream``, or fewer if it ends first."""
    while length > 0:
        chunk = stream.read(min(length, 64 << 10))  # pragma: no mutate: any piece size drains it
        if not chunk:
            return
        length -= len(chunk)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every answer under /api/: they are never cached."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["Cache-Control"] = "no-store"
        return response
