"""The REST and SOAP APIs, independent of the web framework.

Each handler takes what the framework read from the request and returns a
Reply; the framework glue in app.py only turns a Reply into its own response.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from .config import api_file
from .domain import input_from_json, parse_paging
from .errors import ApiError
from .repository import Repository

JSON = "application/json"
PROBLEM_JSON = "application/problem+json"
BASE_PATH = "/api/v1/tasks"


@dataclass
class Reply:
    status: int
    body: bytes = b""
    content_type: str | None = JSON
    headers: dict[str, str] = field(default_factory=dict)


def json_reply(status: int, value: object, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, json.dumps(value).encode(), JSON, headers or {})


def problem_reply(error: ApiError) -> Reply:
    return Reply(error.status, json.dumps(error.problem()).encode(), PROBLEM_JSON)


def problem(status: int, title: str, detail: str) -> Reply:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return Reply(status, json.dumps(body).encode(), PROBLEM_JSON)


def health(repository: Repository) -> Reply:
    if repository.ping():
        return json_reply(200, {"status": "ok"})
    return json_reply(503, {"status": "unavailable"})


@cache
def _read_api_file(name: str) -> bytes:
    return api_file(name).read_bytes()


def openapi() -> Reply:
    return Reply(200, _read_api_file("openapi.yaml"), "application/yaml")


def _handles_errors(handler: Callable[..., Reply]) -> Callable[..., Reply]:
    def wrapper(*args: object, **kwargs: object) -> Reply:
        try:
            return handler(*args, **kwargs)
        except ApiError as error:
            return problem_reply(error)

    wrapper.__doc__ = handler.__doc__
    return wrapper


class RestApi:
    """``/api/v1/tasks``: create, list, get, replace and delete tasks."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository

    @_handles_errors
    def create(self, body: bytes) -> Reply:
        item = self.repository.create(input_from_json(body))
        return json_reply(201, item.to_json(), {"Location": f"{BASE_PATH}/{item.id}"})

    @_handles_errors
    def list(self, limit: str | None, offset: str | None) -> Reply:
        limit_value, offset_value = parse_paging(limit, offset)
        items, total = self.repository.list(limit_value, offset_value)
        return json_reply(
            200,
            {
                "items": [item.to_json() for item in items],
                "total": total,
                "limit": limit_value,
                "offset": offset_value,
            },
        )

    @_handles_errors
    def get(self, id: str) -> Reply:
        return json_reply(200, self.repository.get(id).to_json())

    @_handles_errors
    def replace(self, id: str, body: bytes) -> Reply:
        self.repository.get(id)  # 404 before 400/422 for an unknown id
        return json_reply(200, self.repository.replace(id, input_from_json(body)).to_json())

    @_handles_errors
    def delete(self, id: str) -> Reply:
        self.repository.delete(id)
        return Reply(204, b"", None)
