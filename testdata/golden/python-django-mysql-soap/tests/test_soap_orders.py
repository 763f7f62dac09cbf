"""/soap: the order operations, called with envelopes as a SOAP client sends them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
NS = "https://github.com/octocat/orders/soap"
FIELDS = (("title", "Title 0"), ("done", "false"))


def call(api: Client, operation: str, inner: str) -> tuple[int, ET.Element]:
    envelope = (
        f'<soap:Envelope xmlns:soap="{SOAP}" xmlns:t="{NS}"><soap:Body>'
        f"<t:{operation}>{inner}</t:{operation}></soap:Body></soap:Envelope>"
    )
    response = api.post("/soap", envelope, content_type="text/xml; charset=utf-8")
    return response.status_code, ET.fromstring(response.content)


def text(root: ET.Element, path: str) -> str | None:
    found = root.find(path, {"soap": SOAP, "t": NS})
    return None if found is None else found.text


def fields_xml(values: tuple[tuple[str, str], ...]) -> str:
    return "".join(f"<t:{name}>{value}</t:{name}>" for name, value in values)


def test_create_get_delete(api: Client) -> None:
    status, created = call(api, "CreateOrder", fields_xml(FIELDS))
    assert status == 200, ET.tostring(created)
    id = text(created, ".//t:order/t:id")
    assert id
    status, read = call(api, "GetOrder", f"<t:id>{id}</t:id>")
    assert status == 200
    assert text(read, ".//t:order/t:title") is not None
    status, _ = call(api, "DeleteOrder", f"<t:id>{id}</t:id>")
    assert status == 200
    status, missing = call(api, "GetOrder", f"<t:id>{id}</t:id>")
    assert status == 500
    assert text(missing, ".//faultcode") == "soap:Client"


def test_list_counts(api: Client) -> None:
    status, page = call(api, "ListOrders", "<t:limit>5</t:limit>")
    assert status == 200
    assert int(text(page, ".//t:total") or "-1") >= 0


@pytest.mark.parametrize(
    "inner",
    [
        "<t:zz_unknown>1</t:zz_unknown>",
        fields_xml(FIELDS) + "<t:zz_unknown>1</t:zz_unknown>",
    ],
)
def test_unknown_elements_are_client_faults(api: Client, inner: str) -> None:
    status, answer = call(api, "CreateOrder", inner)
    assert status == 500
    assert text(answer, ".//faultcode") == "soap:Client"
