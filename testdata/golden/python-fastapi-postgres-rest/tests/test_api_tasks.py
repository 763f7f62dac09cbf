"""/api/v1/tasks: the API's rules, checked with the model's sample values."""

from __future__ import annotations

import json

import pytest

from conftest import Client

PATH = "/api/v1/tasks"
EXAMPLE = json.loads('{"title":"Title 0","done":false}')
EXAMPLE_2 = json.loads('{"title":"Title 1","done":true}')
MINIMAL = json.loads('{"title":"Title 2"}')
DEFAULTS = {"done": json.loads("false")}

# (field, rule, value as JSON text): one invalid value per rule of each field.
INVALID = [
    ("title", "null for a required field", "null"),
    ("title", "a number instead of a string", "12345"),
    ("title", "a string holding U+0000", '"bad\\u0000value"'),
    ("title", "a string holding a lone surrogate", '"bad\\ud800value"'),
    ("title", "a blank string", '"   "'),
    ("title", "a string of spaces only some runtimes trim", '"\u00a0\u200b\ufeff\u3000"'),
    (
        "title",
        "one character too long",
        '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
    ),
    ("done", "null for a field with a default", "null"),
    ("done", "a string instead of true or false", '"true"'),
    ("done", "a number instead of true or false", "1"),
]

# (field, rule, value as JSON text): valid values at the limits.
EDGES = [
    ("title", "the shortest allowed", '"a"'),
    (
        "title",
        "the longest allowed",
        '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
    ),
    (
        "title",
        "the longest allowed, in non-ASCII characters",
        '"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé✓"',
    ),
    ("done", "true", "true"),
    ("done", "false", "false"),
]


def with_value(body: dict[str, object], name: str, value_json: str) -> bytes:
    """``body`` with ``name`` set to a value written as JSON text (some exist only as JSON)."""
    rest = json.dumps({key: value for key, value in body.items() if key != name})
    return (
        rest[:-1] + ("," if len(rest) > 2 else "") + f"{json.dumps(name)}:{value_json}}}"
    ).encode()


def post_raw(client: Client, body: bytes, content_type: str = "application/json") -> object:
    response = client.http.post(PATH, content=body, headers={"Content-Type": content_type})
    if response.status_code == 201:
        client.created.append(response.headers["Location"])
    return response


def total(client: Client) -> int:
    return client.http.get(PATH).json()["total"]


def test_create_then_read(client: Client) -> None:
    created = client.create(PATH, EXAMPLE)
    assert set(created) == {"id", *EXAMPLE, "created_at", "updated_at"}
    read = client.http.get(f"{PATH}/{created['id']}")
    assert read.status_code == 200
    assert read.json() == created
    assert created["created_at"].endswith("Z")


def test_absent_fields_take_their_default_or_null(client: Client) -> None:
    created = client.create(PATH, MINIMAL)
    for name in EXAMPLE:
        if name not in MINIMAL:
            assert created[name] == DEFAULTS.get(name), name


@pytest.mark.parametrize(("name", "rule", "value"), EDGES)
def test_valid_edge_values_are_stored(client: Client, name: str, rule: str, value: str) -> None:
    response = post_raw(client, with_value(EXAMPLE, name, value))
    assert response.status_code == 201, f"{name}, {rule}: {response.text}"
    if json.loads(value) is None:
        assert response.json()[name] is None


@pytest.mark.parametrize(("name", "rule", "value"), INVALID)
def test_invalid_values_are_422_naming_the_field(
    client: Client, name: str, rule: str, value: str
) -> None:
    before = total(client)
    response = post_raw(client, with_value(EXAMPLE, name, value))
    assert response.status_code == 422, f"{name}, {rule}: {response.text}"
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert name in [error["field"] for error in response.json()["errors"]]
    assert total(client) == before


def test_unknown_field_is_422_naming_it(client: Client) -> None:
    response = post_raw(client, json.dumps({**EXAMPLE, "no_such_field": 1}).encode())
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["no_such_field"]


def test_required_title_is_422_when_absent(client: Client) -> None:
    body = {key: value for key, value in EXAMPLE.items() if key != "title"}
    response = post_raw(client, json.dumps(body).encode())
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["title"]


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{", "application/json", 400),
        (b"[]", "application/json", 400),
        (b"{}  {}", "application/json", 400),
        (b"[" * 65 + b"]" * 65, "application/json", 400),
        (b"{}", "text/plain", 415),
        (b"{}", "", 415),
    ],
)
def test_unreadable_bodies_store_nothing(
    client: Client, body: bytes, content_type: str, status: int
) -> None:
    before = total(client)
    response = post_raw(client, body, content_type)
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert total(client) == before


def test_body_over_1_mib_is_413(client: Client) -> None:
    response = post_raw(client, b'{"x": "' + b"x" * (1 << 20) + b'"}')
    assert response.status_code == 413


def test_replace_and_patch(client: Client) -> None:
    created = client.create(PATH, EXAMPLE)
    item = f"{PATH}/{created['id']}"
    replaced = client.http.put(item, json=EXAMPLE_2)
    assert replaced.status_code == 200, replaced.text
    assert client.http.get(item).json() == replaced.json()
    assert replaced.json()["created_at"] == created["created_at"]
    assert replaced.json()["updated_at"] != created["updated_at"]

    unchanged = client.http.patch(
        item, json={}, headers={"Content-Type": "application/merge-patch+json"}
    )
    assert unchanged.status_code == 200
    for name in EXAMPLE:
        assert unchanged.json()[name] == replaced.json()[name], name

    patched = client.http.patch(item, json={"title": EXAMPLE["title"]})
    assert patched.status_code == 200, patched.text
    assert patched.json()["title"] == created["title"]

    refused = client.http.patch(item, json={"title": None})
    assert refused.status_code == 422, "null for title"

    refused = client.http.patch(item, json={"done": None})
    assert refused.status_code == 422, "null for done"


def test_missing_and_malformed_ids_are_404(client: Client) -> None:
    for id in [
        "999999999",
        "0",
        "not-an-id",
        "0123456789abcdef01234567",
        "99999999999999999999999",
    ]:
        response = client.http.get(f"{PATH}/{id}")
        assert response.status_code == 404
        assert response.json()["detail"] == f"task {id} does not exist"
        assert client.http.delete(f"{PATH}/{id}").status_code == 404


def test_delete_then_ids_are_not_reused(client: Client) -> None:
    first = client.create(PATH, EXAMPLE)
    assert client.http.delete(f"{PATH}/{first['id']}").status_code == 204
    assert client.http.get(f"{PATH}/{first['id']}").status_code == 404
    second = client.create(PATH, EXAMPLE)
    assert second["id"] != first["id"]


def test_list_pages_and_sorts(client: Client) -> None:
    first = client.create(PATH, EXAMPLE)
    second = client.create(PATH, EXAMPLE_2)
    page = client.http.get(PATH, params={"limit": 100, "sort": "-id"}).json()
    ids = [item["id"] for item in page["items"]]
    assert ids.index(second["id"]) < ids.index(first["id"])
    assert page["limit"] == 100
    assert len(client.http.get(PATH, params={"limit": 1}).json()["items"]) == 1
    everything = client.http.get(PATH, params={"limit": 100}).json()
    ascending = [item["id"] for item in everything["items"]]
    assert ascending == sorted(ascending)  # by id unless the query says otherwise
    at = ascending.index(second["id"])
    page = client.http.get(PATH, params={"limit": 1, "offset": at}).json()
    assert [item["id"] for item in page["items"]] == [second["id"]]
    assert page["total"] == len(ascending)
    params = {"title": "Title 1", "limit": 100}
    filtered = client.http.get(PATH, params=params).json()
    assert second["id"] in [item["id"] for item in filtered["items"]]
    assert first["id"] not in [item["id"] for item in filtered["items"]]


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=101",
        "limit=",
        "limit=x",
        "offset=-1",
        "sort=nope",
        "sort=id,-id",
        "limit=1&limit=2",
    ],
)
def test_bad_query_strings_are_400(client: Client, query: str) -> None:
    response = client.http.get(f"{PATH}?{query}")
    assert response.status_code == 400, query
    assert response.headers["Content-Type"].startswith("application/problem+json")


def test_wrong_method_is_405_with_allow(client: Client) -> None:
    response = client.http.delete(PATH)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, POST"
    assert response.headers["Content-Type"].startswith("application/problem+json")
