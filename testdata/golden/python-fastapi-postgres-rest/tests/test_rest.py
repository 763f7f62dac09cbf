"""The REST API through the framework's test client, on in-memory storage."""

from __future__ import annotations

import httpx

PATH = "/api/v1/tasks"


def test_health(client: httpx.Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_create_get_replace_delete(client: httpx.Client) -> None:
    created = client.post(PATH, json={"title": "learn Python"})
    assert created.status_code == 201
    body = created.json()
    assert body["title"] == "learn Python"
    assert body["done"] is False
    assert body["created_at"].endswith("Z")
    assert created.headers["Location"] == f"{PATH}/{body['id']}"

    assert client.get(f"{PATH}/{body['id']}").json() == body

    replaced = client.put(f"{PATH}/{body['id']}", json={"title": "learn more", "done": True})
    assert replaced.status_code == 200
    assert replaced.json() == {**body, "title": "learn more", "done": True}

    assert client.delete(f"{PATH}/{body['id']}").status_code == 204
    assert client.get(f"{PATH}/{body['id']}").status_code == 404


def test_list_pages(client: httpx.Client) -> None:
    for number in range(3):
        client.post(PATH, json={"title": f"item {number}"})
    page = client.get(PATH, params={"limit": 2, "offset": 1}).json()
    assert page["total"] == 3
    assert page["limit"] == 2
    assert page["offset"] == 1
    assert [item["title"] for item in page["items"]] == ["item 1", "item 2"]
    assert client.get(PATH).json()["limit"] == 20


def test_errors_are_problem_details(client: httpx.Client) -> None:
    cases = [
        (client.post(PATH, content=b"{", headers={"Content-Type": "application/json"}), 400),
        (client.post(PATH, json={"title": ""}), 422),
        (client.post(PATH, json={"title": "x" * 201}), 422),
        (client.get(PATH, params={"limit": 101}), 400),
        (client.get(PATH, params={"offset": -1}), 400),
        (client.get(f"{PATH}/999999"), 404),
        (client.get(f"{PATH}/not-an-id"), 404),
        (client.put(f"{PATH}/999999", json={"title": "x"}), 404),
        (client.delete(f"{PATH}/999999"), 404),
    ]
    for response, status in cases:
        assert response.status_code == status, response.text
        assert response.headers["Content-Type"].startswith("application/problem+json")
        assert response.json()["status"] == status


def test_openapi_is_served(client: httpx.Client) -> None:
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.text.startswith("openapi:") or "openapi: 3.1" in response.text
