"""/soap as a whole: the WSDL, and faults for what is not a SOAP 1.1 request."""

from __future__ import annotations

import pytest

from conftest import Client


def test_wsdl_names_its_own_address(client: Client) -> None:
    response = client.http.get("/soap?wsdl")
    assert response.status_code == 200
    assert 'location="http://localhost/soap"' in response.text


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
    response = client.http.post("/soap", data=body, headers={"Content-Type": "text/xml"})
    assert response.status_code == 500
    assert b"<faultcode>" in response.data


def test_the_wsdl_is_xml(client: Client) -> None:
    response = client.http.get("/soap?wsdl")
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    assert response.data.startswith(b"<?xml")


def test_soap_without_wsdl_is_a_404_fault(client: Client) -> None:
    response = client.http.get("/soap")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    assert b"<faultcode>soap:Client</faultcode>" in response.data
    assert b"<faultstring>the WSDL is at /soap?wsdl</faultstring>" in response.data
