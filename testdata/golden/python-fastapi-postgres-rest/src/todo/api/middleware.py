"""ASGI middleware: the request body limit and the headers every response carries."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 1 << 20  # 1 MiB


class BodyLimit:
    """Refuse a body over MAX_BODY (413): by its Content-Length before reading it, or once it grows past.

    A body that ends before its Content-Length (the client gave up) is a 400.
    """

    def __init__(
        self, app: ASGIApp, too_large: Callable[[Scope], ASGIApp], max_body: int = MAX_BODY
    ) -> None:
        self.app = app
        self.too_large = too_large
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # No Content-Length: b"" or None (a mutant) are both falsy, so the default is not mutated.
        length = dict(scope["headers"]).get(b"content-length", b"")  # pragma: no mutate: see above
        if length and (not length.isdigit() or int(length) > self.max_body):
            await self.too_large(scope)(scope, receive, send)
            return
        expected = int(length) if length else None
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise HTTPException(413, "the request body is larger than 1 MiB")
                if expected is not None and not message.get("more_body") and received < expected:
                    raise HTTPException(400, "the request body is shorter than its Content-Length")
            return message

        await self.app(scope, limited, send)


class SecurityHeaders:
    """``X-Content-Type-Options: nosniff`` everywhere, ``Cache-Control: no-store`` on /api/."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope["path"].startswith("/api/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                drop = {b"x-content-type-options"} | ({b"cache-control"} if api else set())
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in drop]
                headers.append((b"x-content-type-options", b"nosniff"))
                if api:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
