"""JsonRoute: the checks a JSON body needs before FastAPI parses it.

FastAPI reads any body whose Content-Type is missing as JSON and ignores one
that is not JSON; the API answers 415 for both, and 400 for JSON nested
deeper than MAX_DEPTH (the parser would otherwise recurse on it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Coroutine
from email.message import Message
from itertools import accumulate
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute
from starlette.requests import ClientDisconnect

MAX_DEPTH = 64
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
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


async def check_body(request: Request) -> None:
    """415 unless a POST, PUT or PATCH body is JSON; 400 if it is cut short or nests too deep."""
    if request.method not in BODY_METHODS:
        return
    content_type = request.headers.get("content-type")  # pragma: no mutate: names are case-blind
    if not is_json(content_type):
        raise HTTPException(415, "the request body must be JSON (Content-Type: application/json)")
    try:
        body = await request.body()
    except ClientDisconnect:
        raise HTTPException(400, "the request body is shorter than its Content-Length") from None
    if nesting_depth(body) > MAX_DEPTH:
        raise HTTPException(400, f"the JSON body nests deeper than {MAX_DEPTH} levels")


class JsonRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked(request: Request) -> Response:
            await check_body(request)  # a function of its own, so that each request runs it
            return await handler(request)

        return checked
