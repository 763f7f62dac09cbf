"""``ItemsPagination``: ``?limit=&offset=`` pages answered as ``{"items", "total", "limit", "offset"}``."""

from __future__ import annotations

import re
from typing import Any

from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

from .exceptions import BadQuery

_INTEGER = re.compile(r"-?[0-9]{1,19}")
MAX_OFFSET = 2**63 - 1


def single_value(request: Request, name: str) -> str | None:
    """The one value of a query parameter (None when absent); given twice it is a 400."""
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise BadQuery(f"query parameter {name} is given {len(values)} times")
    return values[0] if values else None


class ItemsPagination(LimitOffsetPagination):
    """DRF's limit/offset paging, except that a bad limit or offset is a 400, not the default."""

    default_limit = 20
    max_limit = 100

    def _integer(self, request: Request, name: str, default: int, low: int, high: int) -> int:
        text = single_value(request, name)
        if text is None:
            return default
        if not _INTEGER.fullmatch(text) or not low <= int(text) <= high:
            raise BadQuery(f"query parameter {name} must be a whole number from {low} to {high}")
        return int(text)

    def get_limit(self, request: Request) -> int:
        return self._integer(request, self.limit_query_param, self.default_limit, 1, self.max_limit)

    def get_offset(self, request: Request) -> int:
        return self._integer(request, self.offset_query_param, 0, 0, MAX_OFFSET)

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {"items": data, "total": self.count, "limit": self.limit, "offset": self.offset}
        )
