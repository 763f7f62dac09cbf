"""JSON bodies, read strictly: any ``application/json`` or ``application/*+json``, one object, no tricks.

DRF's own JSONParser would recurse on deeply nested JSON, honour any charset
and take ``*/*`` as JSON; the API answers 400 and 415 for those instead.
"""

from __future__ import annotations

import json
import re
from email.message import Message
from itertools import accumulate
from typing import IO, Any

from rest_framework.exceptions import ParseError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request

MAX_DEPTH = 64
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def is_json(content_type: str | None) -> bool:
    """application/json or any application/*+json, with or without parameters."""
    if not content_type:
        return False
    message = Message()
    message["content-type"] = content_type  # pragma: no mutate: header names are case-blind
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


def nesting_depth(body: bytes) -> int:
    """How deeply arrays and objects nest in a JSON text (strings skipped)."""
    # Whatever replaces a string holds no bracket once translate() keeps only brackets.
    brackets = _STRING.sub(b"", body).translate(None, _NOT_BRACKETS)  # pragma: no mutate: see above
    # Only brackets are left: b"XX[{XX" (a mutant) matches the same bytes.
    opens = b"[{"  # pragma: no mutate: see above
    return max(accumulate(1 if b in opens else -1 for b in brackets), default=0)


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


class StrictJSONParser(BaseParser):
    """A JSON object in UTF-8, nested at most MAX_DEPTH deep; anything else is a 400."""

    media_type = "application/json"

    def parse(
        self, stream: IO[bytes], media_type: str | None = None, parser_context: Any = None
    ) -> Any:
        body = stream.read()
        if nesting_depth(body) > MAX_DEPTH:
            raise ParseError(f"the JSON body nests deeper than {MAX_DEPTH} levels")
        try:
            data = json.loads(body.decode("utf-8"), parse_constant=_no_constants)
        except ValueError:  # not UTF-8, not JSON, or trailing data after the value
            raise ParseError("the request body is not valid JSON") from None
        if not isinstance(data, dict):
            raise ParseError("the request body must be one JSON object")
        return data


class JSONContentNegotiation(BaseContentNegotiation):
    """Bodies: JSON or a 415. Answers: always JSON, whatever Accept says."""

    def select_parser(self, request: Request, parsers: list[BaseParser]) -> BaseParser | None:
        return parsers[0] if is_json(request.content_type) else None

    def select_renderer(
        self, request: Request, renderers: list[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        return renderers[0], renderers[0].media_type
