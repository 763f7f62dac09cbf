"""The SOAP endpoint through the framework's test client, on in-memory storage."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import httpx

NS = "https://github.com/octocat/orders/soap"
SOAP = "http://schemas.xmlsoap.org/soap/envelope/"


def call(client: httpx.Client, operation: str, children: str = "") -> httpx.Response:
    envelope = (
        f'<soap:Envelope xmlns:soap="{SOAP}" xmlns:t="{NS}"><soap:Body>'
        f"<t:{operation}>{children}</t:{operation}>"
        "</soap:Body></soap:Envelope>"
    )
    return client.post("/soap", content=envelope.encode(), headers={"Content-Type": "text/xml"})


def find(response: httpx.Response, path: str) -> str | None:
    element = ET.fromstring(response.content).find(path, {"soap": SOAP, "t": NS})
    return None if element is None else element.text


def test_wsdl_is_served(client: httpx.Client) -> None:
    response = client.get("/soap?wsdl")
    assert response.status_code == 200
    assert "definitions" in response.text
    # Generated clients call the soap:address: it must be where this server really is.
    assert 'location="http://testserver/soap"' in response.text


def test_create_get_update_list_delete(client: httpx.Client) -> None:
    created = call(client, "CreateOrder", "<t:title>learn SOAP</t:title>")
    assert created.status_code == 200, created.text
    id = find(created, ".//t:order/t:id")
    assert id
    assert find(created, ".//t:order/t:done") == "false"

    got = call(client, "GetOrder", f"<t:id>{id}</t:id>")
    assert find(got, ".//t:order/t:title") == "learn SOAP"

    updated = call(
        client, "UpdateOrder", f"<t:id>{id}</t:id><t:title>done</t:title><t:done>true</t:done>"
    )
    assert find(updated, ".//t:order/t:done") == "true"

    listed = call(client, "ListOrders", "<t:limit>10</t:limit>")
    assert find(listed, ".//t:total") == "1"

    assert call(client, "DeleteOrder", f"<t:id>{id}</t:id>").status_code == 200
    missing = call(client, "GetOrder", f"<t:id>{id}</t:id>")
    assert missing.status_code == 500
    assert find(missing, ".//faultcode") == "soap:Client"


def test_invalid_input_is_a_client_fault(client: httpx.Client) -> None:
    for response in [
        call(client, "CreateOrder", "<t:title></t:title>"),
        call(client, "CreateOrder", "<t:title>x</t:title><t:done>maybe</t:done>"),
        call(client, "Unknown"),
        client.post("/soap", content=b"<not xml", headers={"Content-Type": "text/xml"}),
    ]:
        assert response.status_code == 500
        assert find(response, ".//faultcode") == "soap:Client"


def test_dtds_are_refused(client: httpx.Client) -> None:
    body = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f'<soap:Envelope xmlns:soap="{SOAP}"><soap:Body/></soap:Envelope>'
    )
    response = client.post("/soap", content=body.encode(), headers={"Content-Type": "text/xml"})
    assert response.status_code == 500
    assert "root:" not in response.text
