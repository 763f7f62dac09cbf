"""The health probes: /healthz and /readyz ask the database, /livez only the process."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.test import Client

from orders import views


@pytest.mark.parametrize("probe", ["/healthz", "/livez", "/readyz"])
def test_probe_is_ok_and_takes_only_get(api: Client, probe: str) -> None:
    response = api.get(probe)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    response = api.post(probe)
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert response["Content-Type"].startswith("application/problem+json")


class DownConnection:
    """A database connection that does not answer."""

    def cursor(self) -> None:
        raise OperationalError("connection refused")


@pytest.mark.parametrize(
    ("probe", "status", "answer"),
    [("/livez", 200, "ok"), ("/healthz", 503, "unavailable"), ("/readyz", 503, "unavailable")],
)
def test_only_livez_is_ok_while_the_database_is_down(
    api: Client, monkeypatch: pytest.MonkeyPatch, probe: str, status: int, answer: str
) -> None:
    monkeypatch.setattr(views, "connection", DownConnection())
    response = api.get(probe)
    assert response.status_code == status
    assert response.json() == {"status": answer}
