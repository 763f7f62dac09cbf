"""The health probes: /healthz and /readyz ask the database, /livez only the process."""

from __future__ import annotations

import pytest

from conftest import Client


@pytest.mark.parametrize("probe", ["/healthz", "/livez", "/readyz"])
def test_probe_is_ok_and_takes_only_get(client: Client, probe: str) -> None:
    response = client.http.get(probe)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    response = client.http.post(probe)
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert response.headers["Content-Type"].startswith("application/problem+json")
