"""Fixtures: ``client``, the whole app (migrations applied) on a test database.

SQLite projects test on a temporary file unless DATABASE_URL is set; other
databases need DATABASE_URL (CI sets it). Every test deletes what it created.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from todo.config import Settings
from todo.main import create_app


def database_url(tmp_path: Path) -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail("DATABASE_URL is not set: CI must test against PostgreSQL")
    pytest.skip(
        "DATABASE_URL is not set; to run the tests, set it, e.g. DATABASE_URL=postgres://app:app@localhost:5432/app?sslmode=disable"
    )


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(
        host="127.0.0.1", port=0, database_url=database_url(tmp_path_factory.mktemp("db"))
    )
    with TestClient(create_app(settings)) as test_client:  # runs the lifespan: connect, migrate
        yield test_client


class Client:
    """The test client, remembering what it created so that the test can delete it."""

    def __init__(self, client: TestClient) -> None:
        self.http = client
        self.created: list[str] = []

    def create(self, path: str, body: object) -> dict[str, object]:
        response = self.http.post(path, json=body)
        assert response.status_code == 201, response.text
        self.created.append(response.headers["Location"])
        return response.json()

    def cleanup(self) -> None:
        for location in reversed(self.created):
            self.http.delete(location)


@pytest.fixture
def client(app_client: TestClient) -> Iterator[Client]:
    test_client = Client(app_client)
    yield test_client
    test_client.cleanup()
