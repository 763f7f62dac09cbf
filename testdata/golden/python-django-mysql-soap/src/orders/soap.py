"""The SOAP 1.1 service (document/literal wrapped) that api/service.wsdl describes.

Independent of the web framework: ``SoapService.handle`` takes the request
body and the database session and returns the HTTP status and the answer, always
an envelope. Field values are checked by the same Pydantic models as REST
(schemas/), stored through the same functions (crud/). XML is parsed with
defusedxml, which refuses DTDs and so external entities.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from functools import cache, partial
from typing import Any
from xml.etree.ElementTree import Element, SubElement
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from django.db import IntegrityError
from pydantic import BaseModel, ValidationError

from .config import api_file
from .crud import order as order_crud
from .schemas.order import OrderCreate, OrderPublic, OrderQuery

log = logging.getLogger(__name__)

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_ENV = "http://www.w3.org/2003/05/soap-envelope"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
NS = "https://github.com/octocat/orders/soap"
XML = "text/xml; charset=utf-8"
MAX_BODY = 1 << 20  # 1 MiB

ET.register_namespace("soap", SOAP_ENV)
ET.register_namespace("tns", NS)
ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")

_LONG = re.compile(r"[+-]?[0-9]+")
_DOUBLE = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_ZONE = re.compile(r"([Zz]|[+-][0-9]{2}:[0-9]{2})$")
_BOOLEAN = {"true": True, "1": True, "false": False, "0": False}


class Fault(Exception):
    """A SOAP fault: ``code`` is Client (the request is wrong), Server, VersionMismatch or MustUnderstand."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _envelope() -> tuple[Element, Element]:
    envelope = Element(f"{{{SOAP_ENV}}}Envelope")
    return envelope, SubElement(envelope, f"{{{SOAP_ENV}}}Body")


def _serialize(envelope: Element) -> bytes:
    return ET.tostring(envelope, encoding="utf-8", xml_declaration=True)


def fault(code: str, message: str) -> bytes:
    envelope, body = _envelope()
    element = SubElement(body, f"{{{SOAP_ENV}}}Fault")
    # faultcode and faultstring are unqualified, as SOAP 1.1 defines them.
    SubElement(element, "faultcode").text = f"soap:{code}"
    SubElement(element, "faultstring").text = message
    return _serialize(envelope)


def _xml_value(kind: str, element: Element) -> object:
    """The Python value of a field element, by its XSD type (its text, whitespace collapsed)."""
    name = element.tag.split("}")[-1]
    if element.get(XSI_NIL) in ("true", "1"):
        return None
    if len(element):
        raise Fault("Client", f"{name} must hold a value, not elements")
    text = element.text or ""
    if kind == "string":
        return text
    text = text.strip()
    if kind == "long":
        if not _LONG.fullmatch(text):
            raise Fault("Client", f"{name} must be a whole number")
        return int(text)
    if kind == "double":
        if not _DOUBLE.fullmatch(text):
            raise Fault("Client", f"{name} must be a number")
        return float(text)
    if kind == "boolean":
        if text not in _BOOLEAN:
            raise Fault("Client", f"{name} must be true or false")
        return _BOOLEAN[text]
    if kind == "dateTime" and text and not _ZONE.search(text):
        return text + "Z"  # xs:dateTime without a zone: taken as UTC
    return text


def _xml_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _validation_message(error: ValidationError) -> str:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "the request"
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "is required"
    return f"{field}: {message}"


@dataclass(frozen=True)
class Resource:
    """What the operations of one resource need: its names, fields, models and data access."""

    singular: str  # Book: CreateBook, GetBook, UpdateBook, DeleteBook
    plural: str  # Books: ListBooks
    item: str  # book: the element of the answers
    fields: tuple[tuple[str, str], ...]  # (name, XSD type) in model order
    create_model: type[BaseModel]
    public_model: type[BaseModel]
    query_model: type[BaseModel]
    get: Callable[..., Any]
    list: Callable[..., Any]
    create: Callable[..., Any]
    replace: Callable[..., Any]
    delete: Callable[..., Any]


RESOURCES = (
    Resource(
        singular="Order",
        plural="Orders",
        item="order",
        fields=(("title", "string"), ("done", "boolean")),
        create_model=OrderCreate,
        public_model=OrderPublic,
        query_model=OrderQuery,
        get=order_crud.get_order,
        list=order_crud.list_orders,
        create=order_crud.create_order,
        replace=order_crud.replace_order,
        delete=order_crud.delete_order,
    ),
)


class SoapService:
    """Dispatches a request on the element in its Body (``CreateBook`` …)."""

    def __init__(self) -> None:
        self.operations: dict[str, Callable[[Any, Element, Element], None]] = {}
        for resource in RESOURCES:
            self.operations |= {
                f"Create{resource.singular}": partial(self._create, resource),
                f"Get{resource.singular}": partial(self._get, resource),
                f"List{resource.plural}": partial(self._list, resource),
                f"Update{resource.singular}": partial(self._update, resource),
                f"Delete{resource.singular}": partial(self._delete, resource),
            }

    def handle(self, body: bytes, db: Any) -> tuple[int, bytes]:
        """The HTTP status and the envelope answering ``body``."""
        try:
            request = self._request(body)
            name = request.tag.split("}")[-1]
            operation = self.operations.get(name) if request.tag == _q(name) else None
            if operation is None:
                raise Fault("Client", f"unknown operation {name}")
            envelope, soap_body = _envelope()
            operation(db, request, SubElement(soap_body, _q(f"{name}Response")))
            return 200, _serialize(envelope)
        except Fault as error:
            return 500, fault(error.code, error.message)
        except ValidationError as error:
            return 500, fault("Client", _validation_message(error))
        except IntegrityError as error:
            log.info("the database refused a write: %s", error.__cause__)
            return 500, fault("Client", "another record already has this value in a unique field")
        except Exception:
            log.exception("SOAP request failed")
            return 500, fault("Server", "the server could not answer this request")

    @staticmethod
    def _request(body: bytes) -> Element:
        if len(body) > MAX_BODY:
            raise Fault("Client", "the request is larger than 1 MiB")
        try:
            envelope = SafeET.fromstring(body, forbid_dtd=True)
        except (ET.ParseError, DefusedXmlException, ValueError):
            raise Fault("Client", "the request is not well-formed XML without a DTD") from None
        if envelope.tag == f"{{{SOAP12_ENV}}}Envelope":
            raise Fault("VersionMismatch", "this service speaks SOAP 1.1")
        if envelope.tag != f"{{{SOAP_ENV}}}Envelope":
            raise Fault("Client", "the request is not a SOAP 1.1 envelope")
        header = envelope.find(f"{{{SOAP_ENV}}}Header")
        for block in header if header is not None else []:
            if block.get(f"{{{SOAP_ENV}}}mustUnderstand") in ("1", "true"):
                raise Fault("MustUnderstand", f"header block {block.tag} is not understood")
        soap_body = envelope.find(f"{{{SOAP_ENV}}}Body")
        if soap_body is None or len(soap_body) == 0:
            raise Fault("Client", "the SOAP Body is empty")
        if len(soap_body) > 1:
            raise Fault("Client", "the SOAP Body must hold exactly one operation")
        return soap_body[0]

    @staticmethod
    def _children(request: Element, allowed: set[str]) -> dict[str, Element]:
        children: dict[str, Element] = {}
        for child in request:
            name = child.tag.split("}")[-1]
            if child.tag != _q(name) or name not in allowed:
                raise Fault("Client", f"{name} is not an element of {request.tag.split('}')[-1]}")
            if name in children:
                raise Fault("Client", f"{name} is given twice")
            children[name] = child
        return children

    def _input(self, resource: Resource, request: Element, with_id: bool) -> tuple[str, BaseModel]:
        kinds = dict(resource.fields)
        children = self._children(request, set(kinds) | ({"id"} if with_id else set()))
        id = (children.pop("id").text or "").strip() if "id" in children else ""
        if with_id and not id:
            raise Fault("Client", "id is required")
        values = {name: _xml_value(kinds[name], element) for name, element in children.items()}
        # A nil for a field that is not nullable means "no value": its default applies.
        fields = resource.create_model.model_fields
        values = {
            name: value
            for name, value in values.items()
            if value is not None or _nullable(fields[name])
        }
        return id, resource.create_model.model_validate(values)

    def _id(self, request: Element) -> str:
        children = self._children(request, {"id"})
        if "id" not in children:
            raise Fault("Client", "id is required")
        return (children["id"].text or "").strip()

    @staticmethod
    def _found(resource: Resource, db: Any, id: str) -> Any:
        found = resource.get(db, id)
        if found is None:
            raise Fault("Client", f"{resource.item} {id} does not exist")
        return found

    @staticmethod
    def _add(resource: Resource, parent: Element, found: Any) -> None:
        public = resource.public_model.model_validate(found)
        element = SubElement(parent, _q(resource.item))
        for name, value in public.model_dump().items():
            child = SubElement(element, _q(name))
            if value is None:
                child.set(XSI_NIL, "true")
            else:
                child.text = _xml_text(value)

    def _create(self, resource: Resource, db: Any, request: Element, response: Element) -> None:
        _, data = self._input(resource, request, with_id=False)
        self._add(resource, response, resource.create(db, data))

    def _get(self, resource: Resource, db: Any, request: Element, response: Element) -> None:
        self._add(resource, response, self._found(resource, db, self._id(request)))

    def _list(self, resource: Resource, db: Any, request: Element, response: Element) -> None:
        children = self._children(request, {"limit", "offset"})
        paging = {name: (element.text or "").strip() for name, element in children.items()}
        query = resource.query_model.model_validate(paging)
        items, total = resource.list(db, query)
        for found in items:
            self._add(resource, response, found)
        SubElement(response, _q("total")).text = str(total)

    def _update(self, resource: Resource, db: Any, request: Element, response: Element) -> None:
        id, data = self._input(resource, request, with_id=True)
        replaced = resource.replace(db, self._found(resource, db, id), data)
        self._add(
            resource, response, replaced if replaced is not None else self._found(resource, db, id)
        )

    def _delete(self, resource: Resource, db: Any, request: Element, response: Element) -> None:
        resource.delete(db, self._found(resource, db, self._id(request)))


def _nullable(field: Any) -> bool:
    return not field.is_required() and field.default is None


@cache
def _wsdl_template() -> str:
    return api_file("service.wsdl").read_text(encoding="utf-8")


def wsdl(endpoint: str) -> bytes:
    """api/service.wsdl with its soap:address pointing at ``endpoint``."""
    address = escape(endpoint, {'"': "&quot;"})
    text = re.sub(
        r'(<(?:soap:)?address\s+location=")[^"]*(")',
        lambda match: f"{match.group(1)}{address}{match.group(2)}",
        _wsdl_template(),
    )
    return text.encode("utf-8")
