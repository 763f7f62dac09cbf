"""soap.py called directly: each fault, word for word, and how field values are read and written.

These requests are refused before the database is asked, so no database is
given (``db=None``); the tests of the operations themselves go through HTTP
(test_soap_*.py).
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta, timezone
from enum import Enum
from typing import Any

import pytest
from django.db import IntegrityError
from pydantic import BaseModel, ValidationError, field_validator

from orders.soap import (
    MAX_BODY,
    NS,
    RESOURCES,
    SOAP_ENV,
    XSI_NIL,
    Fault,
    SoapService,
    _validation_message,
    _xml_text,
    _xml_value,
    fault,
    wsdl,
)

ENV = SOAP_ENV
RESOURCE = RESOURCES[0]
CREATE = f"Create{RESOURCE.singular}"
GET = f"Get{RESOURCE.singular}"
LIST = f"List{RESOURCE.plural}"


def envelope(body: str, header: str = "") -> bytes:
    return (
        f'<soap:Envelope xmlns:soap="{ENV}" xmlns:tns="{NS}">'
        f"{header}<soap:Body>{body}</soap:Body></soap:Envelope>"
    ).encode()


def faulted(body: bytes) -> tuple[int, str, str]:
    """The status, faultcode and faultstring SoapService answers ``body`` with."""
    status, answer = SoapService().handle(body, None)
    element = ET.fromstring(answer).find(f"{{{ENV}}}Body/{{{ENV}}}Fault")
    assert element is not None, answer
    return status, element.findtext("faultcode") or "", element.findtext("faultstring") or ""


def test_a_fault_is_a_soap_1_1_envelope() -> None:
    assert fault("Client", "a < b") == (
        b"<?xml version='1.0' encoding='utf-8'?>\n"
        b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        b"<soap:Fault><faultcode>soap:Client</faultcode><faultstring>a &lt; b</faultstring>"
        b"</soap:Fault></soap:Body></soap:Envelope>"
    )


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        (b"x" * (MAX_BODY + 1), "Client", "the request is larger than 1 MiB"),
        (b"<a>", "Client", "the request is not well-formed XML without a DTD"),
        (b"<!DOCTYPE a []><a/>", "Client", "the request is not well-formed XML without a DTD"),
        (
            b'<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"/>',
            "VersionMismatch",
            "this service speaks SOAP 1.1",
        ),
        (b"<Envelope/>", "Client", "the request is not a SOAP 1.1 envelope"),
        (envelope(""), "Client", "the SOAP Body is empty"),
        (
            f'<soap:Envelope xmlns:soap="{ENV}"/>'.encode(),
            "Client",
            "the SOAP Body is empty",
        ),
        (
            envelope(f"<tns:{GET}/><tns:{GET}/>"),
            "Client",
            "the SOAP Body must hold exactly one operation",
        ),
        (envelope("<tns:Nothing/>"), "Client", "unknown operation Nothing"),
        (envelope(f"<{GET}/>"), "Client", f"unknown operation {GET}"),  # not in the namespace
        (envelope(f"<tns:{GET}/>"), "Client", "id is required"),
        (
            envelope(f"<tns:{GET}><tns:nope/></tns:{GET}>"),
            "Client",
            f"nope is not an element of {GET}",
        ),
        (envelope(f"<tns:{GET}><id/></tns:{GET}>"), "Client", f"id is not an element of {GET}"),
        (
            envelope(f"<tns:{GET}><tns:id>1</tns:id><tns:id>2</tns:id></tns:{GET}>"),
            "Client",
            "id is given twice",
        ),
        (
            envelope(f"<tns:{LIST}><tns:id/></tns:{LIST}>"),
            "Client",
            f"id is not an element of {LIST}",
        ),
        (
            envelope(f"<tns:{CREATE}><tns:id>1</tns:id></tns:{CREATE}>"),
            "Client",
            f"id is not an element of {CREATE}",
        ),
    ],
)
def test_what_is_refused(body: bytes, code: str, message: str) -> None:
    assert faulted(body) == (500, f"soap:{code}", message)


@pytest.mark.parametrize("value", ["1", "true"])
def test_a_header_that_must_be_understood_is_refused(value: str) -> None:
    header = f'<soap:Header><tns:x soap:mustUnderstand="{value}"/></soap:Header>'
    assert faulted(envelope(f"<tns:{GET}/>", header)) == (
        500,
        "soap:MustUnderstand",
        f"header block {{{NS}}}x is not understood",
    )


def test_a_header_that_may_be_ignored_is_ignored() -> None:
    header = '<soap:Header><tns:x soap:mustUnderstand="0"/><tns:y/></soap:Header>'
    assert faulted(envelope(f"<tns:{GET}/>", header))[2] == "id is required"


def test_an_update_needs_an_id() -> None:
    update = f"Update{RESOURCE.singular}"
    request = envelope(f"<tns:{update}><tns:id> </tns:id></tns:{update}>")
    assert faulted(request) == (500, "soap:Client", "id is required")


def test_a_bad_list_parameter_is_a_client_fault() -> None:
    status, code, message = faulted(envelope(f"<tns:{LIST}><tns:limit>x</tns:limit></tns:{LIST}>"))
    assert (status, code) == (500, "soap:Client")
    assert message.startswith("limit: ")


def test_an_unexpected_error_is_a_server_fault(caplog: pytest.LogCaptureFixture) -> None:
    service = SoapService()

    def broken(*_: Any) -> None:
        raise RuntimeError("secret")

    service.operations[GET] = broken
    status, answer = service.handle(envelope(f"<tns:{GET}/>"), None)
    assert status == 500
    assert b"<faultcode>soap:Server</faultcode>" in answer
    assert b"<faultstring>the server could not answer this request</faultstring>" in answer
    assert b"secret" not in answer
    assert caplog.records[-1].getMessage() == "SOAP request failed"
    assert caplog.records[-1].levelno == logging.ERROR


def test_the_operations_of_each_resource() -> None:
    service = SoapService()
    expected = {}
    for resource in RESOURCES:
        singular = resource.singular
        expected |= {
            f"Create{singular}": (service._create, resource),
            f"Get{singular}": (service._get, resource),
            f"List{resource.plural}": (service._list, resource),
            f"Update{singular}": (service._update, resource),
            f"Delete{singular}": (service._delete, resource),
        }
    operations = {name: (op.func, *op.args) for name, op in service.operations.items()}  # type: ignore[attr-defined]
    assert operations == expected


def test_an_operation_answers_in_its_response_element() -> None:
    service = SoapService()

    def answer(db: Any, request: ET.Element, response: ET.Element) -> None:
        ET.SubElement(response, "seen").text = f"{db} {request.tag}"

    service.operations[GET] = answer
    status, body = service.handle(envelope(f"<tns:{GET}/>"), "the-db")
    assert status == 200
    found = ET.fromstring(body).find(f"{{{ENV}}}Body/{{{NS}}}{GET}Response/seen")
    assert found is not None
    assert found.text == f"the-db {{{NS}}}{GET}"


def test_a_taken_unique_value_is_a_client_fault(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    error = IntegrityError("UNIQUE constraint failed: t.code")
    error.__cause__ = Exception("UNIQUE constraint failed: t.code")
    cause = error.__cause__
    service = SoapService()

    def refused(*_: Any) -> None:
        raise error

    service.operations[GET] = refused
    status, body = service.handle(envelope(f"<tns:{GET}/>"), None)
    assert status == 500
    assert b"<faultcode>soap:Client</faultcode>" in body
    assert b"<faultstring>another record already has this value in a unique field<" in body
    assert caplog.records[-1].getMessage() == f"the database refused a write: {cause}"


def field(text: str | None, nil: str | None = None, tag: str = "f") -> ET.Element:
    element = ET.Element(f"{{{NS}}}{tag}")
    element.text = text
    if nil is not None:
        element.set(XSI_NIL, nil)
    return element


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("string", " a b ", " a b "),
        ("string", None, ""),
        ("long", " -12 ", -12),
        ("long", "+7", 7),
        ("double", "1.5e3", 1500.0),
        ("double", ".5", 0.5),
        ("double", "-2.", -2.0),
        ("boolean", " true", True),
        ("boolean", "1", True),
        ("boolean", "false", False),
        ("boolean", "0", False),
        ("dateTime", "2024-05-31T14:30:00", "2024-05-31T14:30:00Z"),
        ("dateTime", "2024-05-31T14:30:00z", "2024-05-31T14:30:00z"),
        ("dateTime", "2024-05-31T14:30:00+02:00", "2024-05-31T14:30:00+02:00"),
        ("dateTime", "", ""),
        ("date", " 2024-05-31 ", "2024-05-31"),
    ],
)
def test_field_values_are_read_by_their_xsd_type(
    kind: str, text: str | None, value: object
) -> None:
    assert _xml_value(kind, field(text)) == value


@pytest.mark.parametrize("nil", ["true", "1"])
def test_a_nil_field_is_none(nil: str) -> None:
    assert _xml_value("long", field("x", nil=nil)) is None


def test_a_nil_false_field_has_its_value() -> None:
    assert _xml_value("long", field("3", nil="false")) == 3


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        ("long", "1.5", "count must be a whole number"),
        ("long", "", "count must be a whole number"),
        ("double", "1e", "count must be a number"),
        ("double", "x1", "count must be a number"),
        ("boolean", "yes", "count must be true or false"),
        ("boolean", "True", "count must be true or false"),
    ],
)
def test_a_field_value_of_the_wrong_type_is_refused(kind: str, text: str, message: str) -> None:
    with pytest.raises(Fault) as raised:
        _xml_value(kind, field(text, tag="count"))
    assert (raised.value.code, raised.value.message) == ("Client", message)


def test_a_field_holding_elements_is_refused() -> None:
    element = field(None, tag="count")
    ET.SubElement(element, "x")
    with pytest.raises(Fault) as raised:
        _xml_value("string", element)
    assert (raised.value.code, raised.value.message) == (
        "Client",
        "count must hold a value, not elements",
    )
    assert str(raised.value) == "count must hold a value, not elements"


class Colour(Enum):
    RED = "red"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (True, "true"),
        (False, "false"),
        (
            datetime(2024, 5, 31, 16, 30, tzinfo=timezone(timedelta(hours=2))),
            "2024-05-31T14:30:00Z",
        ),
        (datetime(2024, 5, 31, 14, 30, 5, 120000, tzinfo=UTC), "2024-05-31T14:30:05.120000Z"),
        (date(2024, 5, 31), "2024-05-31"),
        (Colour.RED, "red"),
        (0.1, "0.1"),
        (1e22, "1e+22"),
        (12, "12"),
        ("a", "a"),
    ],
)
def test_field_values_are_written_as_xsd_text(value: object, text: str) -> None:
    assert _xml_text(value) == text


class Inner(BaseModel):
    size: int


class Strict(BaseModel):
    name: str
    inner: Inner | None = None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "name: is required"),
        ({"name": 1}, "name: Input should be a valid string"),
        ({"name": "a", "inner": {}}, "inner.size: is required"),
        ([], "the request: Input should be a valid dictionary or instance of Strict"),
    ],
)
def test_a_validation_error_names_its_field(data: object, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Strict.model_validate(data)
    assert _validation_message(raised.value) == message


class Checked(BaseModel):
    name: str

    @field_validator("name")
    @classmethod
    def not_blank(cls, value: str) -> str:
        raise ValueError("must not be blank")


def test_a_value_error_loses_its_prefix() -> None:
    with pytest.raises(ValidationError) as raised:
        Checked.model_validate({"name": "a"})
    assert _validation_message(raised.value) == "name: must not be blank"


def test_the_wsdl_points_at_the_endpoint_given() -> None:
    text = wsdl('http://h/soap?a="1"&b').decode()
    assert 'location="http://h/soap?a=&quot;1&quot;&amp;b"' in text
    assert text.count("location=") == 1
    assert text.startswith("<?xml")
