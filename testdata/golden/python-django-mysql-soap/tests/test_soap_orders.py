"""/soap: the order operations, called with envelopes as a SOAP client sends them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
NS = "https://github.com/octocat/orders/soap"
FIELDS = (("title", "Title 0"), ("done", "false"))
ITEM = "order"  # the element of an answer that holds one order
CREATE = "CreateOrder"
GET = "GetOrder"
UPDATE = "UpdateOrder"
DELETE = "DeleteOrder"
LIST = "ListOrders"


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


def item(root: ET.Element) -> ET.Element:
    found = root.find(f".//t:{ITEM}", {"t": NS})
    assert found is not None, ET.tostring(root)
    return found


def test_update_replaces_and_list_pages(api: Client) -> None:
    _, created = call(api, CREATE, fields_xml(FIELDS))
    id = text(created, f".//t:{ITEM}/t:id")
    status, updated = call(api, UPDATE, f"<t:id>{id}</t:id>" + fields_xml(FIELDS))
    assert status == 200, ET.tostring(updated)
    assert updated.find(f".//t:{UPDATE}Response", {"t": NS}) is not None
    _, read = call(api, GET, f"<t:id>{id}</t:id>")
    assert ET.tostring(item(updated)) == ET.tostring(item(read))
    _, everything = call(api, LIST, "")
    total = text(everything, ".//t:total") or "0"
    assert int(total) >= 1
    paging = f"<t:limit> 1 </t:limit><t:offset>{int(total) - 1}</t:offset>"
    status, last = call(api, LIST, paging)
    assert status == 200
    assert (len(last.findall(f".//t:{ITEM}", {"t": NS})), text(last, ".//t:total")) == (1, total)
    _, past = call(api, LIST, f"<t:offset>{total}</t:offset>")
    assert (len(past.findall(f".//t:{ITEM}", {"t": NS})), text(past, ".//t:total")) == (0, total)
    assert call(api, DELETE, f"<t:id>{id}</t:id>")[0] == 200
    status, missing = call(api, UPDATE, f"<t:id>{id}</t:id>" + fields_xml(FIELDS))
    assert status == 500
    assert text(missing, ".//faultstring") == f"{ITEM} {id} does not exist"
