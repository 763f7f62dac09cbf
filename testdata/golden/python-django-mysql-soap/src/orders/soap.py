"""A small SOAP 1.1 (document/literal wrapped) endpoint for api/service.wsdl.

The request's Body element names the operation (``CreateOrder`` …); every
element is in the service's own namespace. Parsing uses defusedxml, which
refuses DTDs and external entities.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from xml.etree.ElementTree import Element, SubElement
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from .config import api_file
from .domain import (
    Order,
    OrderInput,
    format_timestamp,
    parse_paging,
    validate_title,
)
from .errors import ApiError
from .http import Reply
from .repository import Repository

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
NS = "https://github.com/octocat/orders/soap"
XML = "text/xml; charset=utf-8"

ET.register_namespace("soap", SOAP_ENV)
ET.register_namespace("tns", NS)


class Fault(Exception):
    """A SOAP fault; ``code`` is ``Client`` (the request is wrong) or ``Server``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _envelope() -> tuple[Element, Element]:
    envelope = Element(f"{{{SOAP_ENV}}}Envelope")
    body = SubElement(envelope, f"{{{SOAP_ENV}}}Body")
    return envelope, body


def _reply(envelope: Element, status: int = 200) -> Reply:
    return Reply(status, ET.tostring(envelope, encoding="utf-8", xml_declaration=True), XML)


def fault_reply(fault: Fault) -> Reply:
    envelope, body = _envelope()
    element = SubElement(body, f"{{{SOAP_ENV}}}Fault")
    # faultcode and faultstring are unqualified, as SOAP 1.1 defines them.
    SubElement(element, "faultcode").text = f"soap:{fault.code}"
    SubElement(element, "faultstring").text = fault.message
    return _reply(envelope, 500)


def _child(request: Element, name: str) -> Element | None:
    return request.find(_q(name))


def _text(request: Element, name: str, required: bool = True) -> str | None:
    element = _child(request, name)
    if element is None:
        if required:
            raise Fault("Client", f"{name} is required")
        return None
    return element.text or ""


def _bool(request: Element, name: str) -> bool:
    value = _text(request, name, required=False)
    if value is None:
        return False
    value = value.strip()
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise Fault("Client", f"{name} must be true or false")


def _input(request: Element) -> OrderInput:
    title = _text(request, "title")
    return OrderInput(title=validate_title(title), done=_bool(request, "done"))


def _id(request: Element) -> str:
    return (_text(request, "id") or "").strip()


def _add_item(parent: Element, item: Order) -> None:
    element = SubElement(parent, _q("order"))
    SubElement(element, _q("id")).text = str(item.id)
    SubElement(element, _q("title")).text = item.title
    SubElement(element, _q("done")).text = "true" if item.done else "false"
    SubElement(element, _q("created_at")).text = format_timestamp(item.created_at)


@cache
def _wsdl_template() -> str:
    return api_file("service.wsdl").read_text(encoding="utf-8")


def wsdl(endpoint: str) -> Reply:
    """api/service.wsdl with its soap:address pointing at ``endpoint``."""
    address = escape(endpoint, {'"': "&quot;"})
    text = re.sub(
        r'(<(?:soap:)?address\s+location=")[^"]*(")',
        lambda match: f"{match.group(1)}{address}{match.group(2)}",
        _wsdl_template(),
    )
    return Reply(200, text.encode("utf-8"), XML)


class SoapApi:
    """Dispatches SOAP requests on the Body's first element."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self.operations: dict[str, Callable[[Element, Element], None]] = {
            "CreateOrder": self.create,
            "GetOrder": self.get,
            "ListOrders": self.list,
            "UpdateOrder": self.update,
            "DeleteOrder": self.delete,
        }

    def handle(self, body: bytes) -> Reply:
        try:
            request = self._request(body)
            name = request.tag.split("}", 1)[-1]
            operation = self.operations.get(name) if request.tag == _q(name) else None
            if operation is None:
                raise Fault("Client", f"unknown operation {request.tag}")
            envelope, soap_body = _envelope()
            operation(request, SubElement(soap_body, _q(f"{name}Response")))
            return _reply(envelope)
        except Fault as fault:
            return fault_reply(fault)
        except ApiError as error:  # NotFound, ValidationFailed, BadRequest
            return fault_reply(Fault("Client", error.detail))
        except Exception:  # noqa: BLE001 - a SOAP client expects a fault, never a bare 500
            return fault_reply(Fault("Server", "internal error"))

    @staticmethod
    def _request(body: bytes) -> Element:
        try:
            envelope = SafeET.fromstring(body, forbid_dtd=True)
        except (ET.ParseError, DefusedXmlException, ValueError) as exc:
            raise Fault("Client", f"the request is not acceptable XML: {exc}") from None
        if envelope.tag != f"{{{SOAP_ENV}}}Envelope":
            raise Fault("Client", "the request is not a SOAP 1.1 envelope")
        soap_body = envelope.find(f"{{{SOAP_ENV}}}Body")
        if soap_body is None or len(soap_body) == 0:
            raise Fault("Client", "the SOAP Body is empty")
        return soap_body[0]

    def create(self, request: Element, response: Element) -> None:
        _add_item(response, self.repository.create(_input(request)))

    def get(self, request: Element, response: Element) -> None:
        _add_item(response, self.repository.get(_id(request)))

    def list(self, request: Element, response: Element) -> None:
        limit, offset = parse_paging(
            _text(request, "limit", required=False), _text(request, "offset", required=False)
        )
        items, total = self.repository.list(limit, offset)
        for item in items:
            _add_item(response, item)
        SubElement(response, _q("total")).text = str(total)

    def update(self, request: Element, response: Element) -> None:
        id = _id(request)
        self.repository.get(id)
        _add_item(response, self.repository.replace(id, _input(request)))

    def delete(self, request: Element, response: Element) -> None:
        self.repository.delete(_id(request))
