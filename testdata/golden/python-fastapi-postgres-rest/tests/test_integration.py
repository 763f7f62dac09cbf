"""Integration test: the whole app on the real database of DATABASE_URL."""

from __future__ import annotations

import httpx


def test_health_reaches_the_database(db_client: httpx.Client) -> None:
    assert db_client.get("/healthz").status_code == 200


def test_crud_round_trip(db_client: httpx.Client) -> None:
    path = "/api/v1/tasks"
    created = db_client.post(path, json={"title": "integration", "done": True})
    assert created.status_code == 201, created.text
    item = created.json()
    assert item["done"] is True

    assert db_client.get(f"{path}/{item['id']}").json() == item
    page = db_client.get(path, params={"limit": 100}).json()
    assert page["total"] >= 1

    replaced = db_client.put(f"{path}/{item['id']}", json={"title": "replaced"})
    assert replaced.json() == {**item, "title": "replaced", "done": False}

    assert db_client.delete(f"{path}/{item['id']}").status_code == 204
    assert db_client.get(f"{path}/{item['id']}").status_code == 404
    assert db_client.get(f"{path}/0123456789abcdef01234567").status_code == 404
    assert db_client.get(f"{path}/not-an-id").status_code == 404
