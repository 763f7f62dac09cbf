"""Fixtures: ``client``, the whole app (migrations applied) on a test database.

SQLite projects test on a temporary file unless DATABASE_URL is set; other
databases need DATABASE_URL (CI sets it). Every test deletes what it created.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from todo.config import Settings, cors_origins
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
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return database_url(tmp_path_factory.mktemp("db"))


@pytest.fixture(scope="module")
def app_client(db_url: str) -> Iterator[TestClient]:
    settings = Settings(host="127.0.0.1", port=0, database_url=db_url)
    with TestClient(create_app(settings)) as test_client:  # runs the lifespan: connect, migrate
        yield test_client


# cors(CORS_ORIGINS) -> send(method, path, headers) -> (status, headers in lower case)
Send = Callable[[str, str, dict[str, str]], tuple[int, dict[str, str]]]
Cors = Callable[[str], Send]


@pytest.fixture
def cors(db_url: str) -> Iterator[Cors]:
    """The application with CORS_ORIGINS set to the value given (test_cors.py)."""
    with ExitStack() as stack:

        def app_with(value: str) -> Send:
            settings = Settings(
                host="127.0.0.1", port=0, database_url=db_url, cors_origins=cors_origins(value)
            )
            http = stack.enter_context(TestClient(create_app(settings)))

            def send(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
                response = http.request(method, path, headers=headers)
                return response.status_code, {k.lower(): v for k, v in response.headers.items()}

            return send

        yield app_with


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
