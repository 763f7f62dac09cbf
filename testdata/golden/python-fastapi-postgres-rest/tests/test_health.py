"""The health probes: /healthz and /readyz ask the database, /livez only the process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from conftest import Client
from todo.api.deps import get_db


@pytest.mark.parametrize("probe", ["/healthz", "/livez", "/readyz"])
def test_probe_is_ok_and_takes_only_get(client: Client, probe: str) -> None:
    response = client.http.get(probe)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    response = client.http.post(probe)
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert response.headers["Content-Type"].startswith("application/problem+json")


class DownDatabase:
    """A database that does not answer."""

    def execute(self, *_args: object) -> None:
        raise OperationalError("SELECT 1", None, ConnectionRefusedError())


@pytest.fixture
def database_down(app_client: TestClient) -> Iterator[None]:
    def down() -> Iterator[DownDatabase]:
        yield DownDatabase()

    app_client.app.dependency_overrides[get_db] = down  # type: ignore[attr-defined]
    yield
    app_client.app.dependency_overrides.clear()  # type: ignore[attr-defined]


@pytest.mark.usefixtures("database_down")
@pytest.mark.parametrize(
    ("probe", "status", "answer"),
    [("/livez", 200, "ok"), ("/healthz", 503, "unavailable"), ("/readyz", 503, "unavailable")],
)
def test_only_livez_is_ok_while_the_database_is_down(
    client: Client, probe: str, status: int, answer: str
) -> None:
    response = client.http.get(probe)
    assert response.status_code == status
    assert response.json() == {"status": answer}
