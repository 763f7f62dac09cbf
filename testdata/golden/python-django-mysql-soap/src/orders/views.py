"""The views outside SOAP: the health check, and Django's 404/500 handlers.

Django answers an unknown URL, or an error no view caught, with an HTML page;
``handler404`` and ``handler500`` (urls.py) make them problems instead.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from .problems import problem

log = logging.getLogger(__name__)


@method_decorator(csrf_exempt, name="dispatch")  # nothing here changes state
class ProblemView(View):
    """A view whose wrong-method answer is a 405 problem with ``Allow``."""

    def http_method_not_allowed(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        detail = f"{request.path} does not take {request.method}"
        return problem(405, detail, headers={"Allow": ", ".join(self._allowed_methods())})


class HealthView(ProblemView):
    """``GET /healthz`` and ``GET /readyz``: 200 when the database answers, 503 when it does not."""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            log.warning("the database does not answer", exc_info=True)
            return JsonResponse({"status": "unavailable"}, status=503)
        return JsonResponse({"status": "ok"})


class LiveView(ProblemView):
    """``GET /livez``: 200 while the process answers; it does not ask the database."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return JsonResponse({"status": "ok"})


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return problem(404, f"there is nothing at {request.path}")


def server_error(request: HttpRequest) -> HttpResponse:
    return problem(500, "the server could not answer this request")
