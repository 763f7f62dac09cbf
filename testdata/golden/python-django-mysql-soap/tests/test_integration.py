"""Integration test: the whole app on the real database of DATABASE_URL."""

from __future__ import annotations

import httpx

from test_soap import call, find


def test_health_reaches_the_database(db_client: httpx.Client) -> None:
    assert db_client.get("/healthz").status_code == 200


def test_soap_round_trip(db_client: httpx.Client) -> None:
    created = call(db_client, "CreateOrder", "<t:title>integration</t:title><t:done>1</t:done>")
    assert created.status_code == 200, created.text
    id = find(created, ".//t:order/t:id")
    assert find(call(db_client, "GetOrder", f"<t:id>{id}</t:id>"), ".//t:title") == "integration"
    assert call(db_client, "DeleteOrder", f"<t:id>{id}</t:id>").status_code == 200
    missing = call(db_client, "GetOrder", f"<t:id>{id}</t:id>")
    assert find(missing, ".//faultcode") == "soap:Client"
