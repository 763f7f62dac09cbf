"""What every route shares: problems for unknown routes and methods, headers, the docs."""

from __future__ import annotations

import re

from conftest import Client


def test_unknown_route_is_a_404_problem(client: Client) -> None:
    response = client.http.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert response.json()["status"] == 404


def test_security_headers(client: Client) -> None:
    response = client.http.get("/api/v1/no-such-thing")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert client.http.get("/healthz").headers["X-Content-Type-Options"] == "nosniff"


def test_spec_and_docs_are_served_by_the_service(client: Client) -> None:
    spec = client.http.get("/openapi.yaml")
    assert spec.status_code == 200
    assert spec.headers["Content-Type"] == "application/yaml"
    assert "openapi: 3.1" in spec.text
    docs = client.http.get("/docs")
    assert docs.status_code == 200
    assert docs.headers["Content-Type"] == "text/html; charset=utf-8"
    assert re.search(r'<meta name="application-name" content="[^"<>]+">', docs.text)
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs.text)
    assert assets, "the docs page loads Swagger UI"
    for asset in assets:
        assert asset.startswith("/"), f"{asset} is not served by the service"
        assert client.http.get(asset).status_code == 200, asset
