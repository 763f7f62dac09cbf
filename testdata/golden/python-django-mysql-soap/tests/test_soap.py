"""/soap as a whole: the WSDL, and faults for what is not a SOAP 1.1 request."""

from __future__ import annotations

import pytest
from django.test import Client


def test_wsdl_names_its_own_address(api: Client) -> None:
    response = api.get("/soap?wsdl")
    assert response.status_code == 200
    assert 'location="http://testserver/soap"' in response.content.decode()


@pytest.mark.parametrize(
    "body",
    [
        b"not xml <",
        b"",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>',
        b'<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>',
    ],
)
def test_bad_requests_get_a_fault(api: Client, body: bytes) -> None:
    response = api.generic("POST", "/soap", body, content_type="text/xml")
    assert response.status_code == 500
    assert b"<faultcode>" in response.content


def test_a_body_over_1_mib_is_a_fault_before_it_is_read(api: Client) -> None:
    body = b"<x>" + b"x" * (1 << 20) + b"</x>"
    response = api.generic("POST", "/soap", body, content_type="text/xml")
    assert response.status_code == 413
    assert b"<faultcode>soap:Client</faultcode>" in response.content


def test_the_wsdl_is_xml(api: Client) -> None:
    response = api.get("/soap?wsdl")
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b"<?xml")


def test_soap_without_wsdl_is_a_404_fault(api: Client) -> None:
    response = api.get("/soap")
    assert response.status_code == 404
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert b"<faultcode>soap:Client</faultcode>" in response.content
    assert b"<faultstring>the WSDL is at /soap?wsdl</faultstring>" in response.content


def test_another_method_is_a_405_fault(api: Client) -> None:
    response = api.put("/soap")
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
    assert b"<faultstring>/soap does not take PUT</faultstring>" in response.content
