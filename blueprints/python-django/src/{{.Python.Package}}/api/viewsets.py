"""``ResourceViewSet``: DRF's ModelViewSet with the API's rules for ids, bodies and Location."""

from __future__ import annotations

from typing import Any

from django.db import models
from rest_framework import exceptions, viewsets
from rest_framework.request import Request

from .parsers import is_json

MAX_ID = 2**63 - 1
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class ResourceViewSet(viewsets.ModelViewSet):
    """Create, list, read, replace, patch (a JSON merge patch) and delete one model's objects.

    Ids in URLs are digits (anything else is no route: a 404). A body must
    come as JSON: another Content-Type is a 415, also when the body is empty,
    which DRF would read as ``{}``.
    """

    lookup_value_regex = "[0-9]+"

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if request.method in BODY_METHODS and self.action is not None:  # None: a 405 follows
            if not is_json(request.content_type):
                raise exceptions.UnsupportedMediaType(request.content_type or "no Content-Type")
            if not request.body:
                raise exceptions.ParseError("the request body is empty: send one JSON object")

    def get_object(self) -> models.Model:
        if int(self.kwargs[self.lookup_field]) > MAX_ID:
            raise exceptions.NotFound()
        return super().get_object()

    def get_success_headers(self, data: Any) -> dict[str, str]:
        return {"Location": f"{self.request.path}/{data['id']}"}
