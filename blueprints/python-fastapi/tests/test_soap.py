"""/soap as a whole: the WSDL, and faults for what is not a SOAP 1.1 request."""

from __future__ import annotations

import pytest

from conftest import Client


def test_wsdl_names_its_own_address(client: Client) -> None:
    response = client.http.get("/soap?wsdl")
    assert response.status_code == 200
    assert 'location="http://testserver/soap"' in response.text


@pytest.mark.parametrize(
    "body",
    [
        b"not xml <",
        b"",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>',
        b'<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>',
    ],
)
def test_bad_requests_get_a_fault(client: Client, body: bytes) -> None:
    response = client.http.post("/soap", content=body, headers={"Content-Type": "text/xml"})
    assert response.status_code == 500
    assert b"<faultcode>" in response.content


def test_a_body_over_1_mib_is_a_413_fault(client: Client) -> None:
    body = b"<x>" + b"x" * (1 << 20) + b"</x>"
    response = client.http.post("/soap", content=body, headers={"Content-Type": "text/xml"})
    assert response.status_code == 413
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    assert b"<faultstring>the request is larger than 1 MiB</faultstring>" in response.content


def test_a_body_over_1_mib_elsewhere_is_a_413_problem(client: Client) -> None:
    response = client.http.post("/healthz", content=b"x" * ((1 << 20) + 1))
    assert response.status_code == 413
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "the request body is larger than 1 MiB"


def test_soap_without_wsdl_is_a_404(client: Client) -> None:
    response = client.http.get("/soap")
    assert response.status_code == 404
    assert response.json()["detail"] == "the WSDL is at /soap?wsdl"
