"""api/problems.py and api/route.py: the detail of each problem, word for word."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException
from starlette.requests import Request

from conftest import Client
from todo.api import problems
from todo.api.route import check_body, is_json, nesting_depth

PATH = "/api/v1/tasks"
NOT_ONE_OBJECT = "the request body must be one JSON object"
NOT_JSON = "the request body must be JSON (Content-Type: application/json)"
TOO_DEEP = "the JSON body nests deeper than 64 levels"
UNIQUE = "another record already has this value in a unique field"
REFUSED = "the database refused the values"


def detail(response: object) -> str:
    body = response.json()  # type: ignore[attr-defined]
    assert body["type"] == "about:blank"
    assert body["status"] == response.status_code  # type: ignore[attr-defined]
    return body["detail"]


def post(client: Client, body: bytes, content_type: str = "application/json") -> object:
    return client.http.post(PATH, content=body, headers={"Content-Type": content_type})


def test_unknown_route(client: Client) -> None:
    response = client.http.get("/api/v1/nothing-here")
    assert response.json()["title"] == "Not Found"
    assert detail(response) == "there is nothing at /api/v1/nothing-here"


def test_wrong_method(client: Client) -> None:
    response = client.http.delete(PATH)
    assert response.json()["title"] == "Method Not Allowed"
    assert detail(response) == f"{PATH} does not take DELETE"
    assert response.headers["Allow"] == "GET, POST"
    assert response.headers["Cache-Control"] == "no-store"
    assert client.http.post(f"{PATH}/1").headers["Allow"] == "GET, PUT, PATCH, DELETE"


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b"{", "application/json", 400, NOT_ONE_OBJECT),
        (b"[]", "application/json", 400, NOT_ONE_OBJECT),
        (b"[" * 65 + b"]" * 65, "application/json", 400, TOO_DEEP),
        (b"[" * 64 + b"]" * 64, "application/json", 400, NOT_ONE_OBJECT),  # deep, but not too deep
        (b"{}", "text/plain", 415, NOT_JSON),
        (b"{}", "", 415, NOT_JSON),
    ],
)
def test_unreadable_bodies(
    client: Client, body: bytes, content_type: str, status: int, message: str
) -> None:
    response = post(client, body, content_type)
    assert response.status_code == status  # type: ignore[attr-defined]
    assert detail(response) == message


def test_invalid_fields_name_each_one(client: Client) -> None:
    response = post(client, json.dumps({"no_such_field": 1}).encode())
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert response.json()["title"] == "Unprocessable Content"  # type: ignore[attr-defined]
    assert detail(response) == "the request body has invalid fields"
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}  # type: ignore[attr-defined]
    assert errors["no_such_field"] == "is not a field of this resource"
    assert errors["title"] == "is required"


def test_field_messages_are_plain_sentences(client: Client) -> None:
    response = post(client, json.dumps({"title": " "}).encode())
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}  # type: ignore[attr-defined]
    assert errors == {"title": "must not be blank"}
    response = post(client, json.dumps({"title": 5}).encode())
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}  # type: ignore[attr-defined]
    assert errors == {"title": "Input should be a valid string"}


def test_a_bad_query_parameter_is_named(client: Client) -> None:
    response = client.http.get(f"{PATH}?limit=x")
    assert response.status_code == 400
    assert detail(response) == "query parameter limit: must be an integer"
    response = client.http.get(f"{PATH}?limit=1&limit=2")
    assert response.status_code == 400
    assert detail(response) == "the query parameter 'limit' is given more than once"


def test_a_body_over_1_mib(client: Client) -> None:
    response = post(client, b'{"x": "' + b"x" * (1 << 20) + b'"}')
    assert response.status_code == 413  # type: ignore[attr-defined]
    assert response.json()["title"] == "Content Too Large"  # type: ignore[attr-defined]
    assert detail(response) == "the request body is larger than 1 MiB"


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("application/json", True),
        ("application/json; charset=utf-8", True),
        ("application/merge-patch+json", True),
        ("APPLICATION/JSON", True),
        ("text/json", False),
        ("application/jsonx", False),
        ("application/xml", False),
        ("", False),
        (None, False),
    ],
)
def test_is_json(content_type: str | None, expected: bool) -> None:
    assert is_json(content_type) is expected


@pytest.mark.parametrize(
    ("body", "depth"),
    [
        (b"", 0),
        (b"1", 0),
        (b"{}", 1),
        (b'[{"a": [1]}]', 3),
        (b'{"a": "[[[[", "b": {}}', 2),
        (b'{"a": "\\"[["}', 1),
        (b"[][][]", 1),
        (b"[[], [[]]]", 3),
    ],
)
def test_nesting_depth(body: bytes, depth: int) -> None:
    assert nesting_depth(body) == depth


def request(method: str = "GET", path: str = PATH) -> Request:
    scope = {"type": "http", "method": method, "path": path, "headers": [], "query_string": b""}
    return Request(scope)


def test_an_unexpected_error_is_a_500_without_its_detail(caplog: pytest.LogCaptureFixture) -> None:
    response = asyncio.run(problems.server_error(request(), RuntimeError("secret detail")))
    assert caplog.records[-1].getMessage() == f"unhandled error on GET {PATH}"
    assert caplog.records[-1].exc_info is not None  # the traceback goes to the log
    assert response.status_code == 500
    body = json.loads(response.body)
    assert body["detail"] == "the server could not answer this request"
    assert "secret" not in response.body.decode()
    assert response.headers["Content-Type"] == "application/problem+json"


def integrity(orig: object) -> IntegrityError:
    return IntegrityError("INSERT ...", {}, orig)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("orig", "status", "message"),
    [
        (SimpleNamespace(sqlstate="23505", args=()), 409, UNIQUE),
        (SimpleNamespace(args=(1062, "Duplicate entry")), 409, UNIQUE),
        (Exception("UNIQUE constraint failed: t.code"), 409, UNIQUE),
        (SimpleNamespace(sqlstate="23502", args=(1048,)), 422, REFUSED),
        (Exception("NOT NULL constraint failed: t.code"), 422, REFUSED),
        (SimpleNamespace(), 422, REFUSED),
    ],
)
def test_what_the_database_refuses(
    orig: object, status: int, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    response = asyncio.run(problems.integrity_error(request("POST"), integrity(orig)))
    assert caplog.records[-1].getMessage() == f"the database refused a write: {orig}"
    assert response.status_code == status
    body = json.loads(response.body)
    assert body["detail"] == message
    assert "INSERT" not in response.body.decode()


def test_a_value_the_database_refuses(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO")
    error = DataError("INSERT ...", {}, Exception("value too long"))  # type: ignore[arg-type]
    response = asyncio.run(problems.data_error(request("POST"), error))
    assert caplog.records[-1].getMessage() == f"the database refused a value: {error}"
    assert response.status_code == 422
    assert json.loads(response.body)["detail"] == "the database refused a value"


def test_a_body_cut_short_is_400() -> None:
    async def disconnect() -> dict[str, str]:
        return {"type": "http.disconnect"}

    scope = {"type": "http", "method": "POST", "path": PATH, "query_string": b""}
    scope["headers"] = [(b"content-type", b"application/json")]
    with pytest.raises(HTTPException) as raised:
        asyncio.run(check_body(Request(scope, disconnect)))
    assert raised.value.status_code == 400
    assert raised.value.detail == "the request body is shorter than its Content-Length"


def test_a_problem_is_compact_ascii_json() -> None:
    response = problems.problem(400, "caf\u00e9")
    assert response.body == (
        b'{"type":"about:blank","title":"Bad Request","status":400,"detail":"caf\\u00e9"}'
    )


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (HTTPException(404), f"there is nothing at {PATH}"),
        (HTTPException(400, "Not Found"), "Not Found"),  # only a 404 is reworded
        (HTTPException(404, "no such thing"), "no such thing"),
        (HTTPException(400, "Method Not Allowed"), "Method Not Allowed"),
        (HTTPException(409, {"not": "text"}), "Conflict"),  # type: ignore[arg-type]
    ],
)
def test_the_detail_of_an_http_error(error: HTTPException, message: str) -> None:
    response = asyncio.run(problems.http_error(request(), error))
    assert response.status_code == error.status_code
    assert json.loads(response.body)["detail"] == message


@pytest.mark.parametrize(
    ("loc", "message"),
    [
        (("path", "id"), "query parameter id: bad"),
        (("header", "x-thing"), "query parameter x-thing: bad"),
        (("query",), "query parameter query: bad"),
    ],
)
def test_a_bad_parameter_is_named(loc: tuple[str, ...], message: str) -> None:
    error = RequestValidationError([{"loc": loc, "msg": "bad", "type": "value_error"}])
    response = asyncio.run(problems.validation_error(request(), error))
    assert response.status_code == 400
    assert json.loads(response.body)["detail"] == message


def test_an_error_without_a_place_is_about_the_whole_body() -> None:
    error = RequestValidationError([{"msg": "bad", "type": "value_error"}])
    response = asyncio.run(problems.validation_error(request("POST"), error))
    assert json.loads(response.body)["detail"] == "the request body must be one JSON object"


def test_an_error_without_a_message_is_invalid() -> None:
    error = RequestValidationError([{"loc": ("body", "x"), "type": "value_error"}])
    response = asyncio.run(problems.validation_error(request("POST"), error))
    assert json.loads(response.body)["errors"] == [{"field": "x", "message": "is invalid"}]
