"""api/middleware.py, driven directly as ASGI: what reaches the app and what the client gets."""

from __future__ import annotations

import asyncio

import pytest
from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from todo.api.middleware import (
    MAX_BODY,
    BodyLimit,
    SecurityHeaders,
)


def http_scope(path: str = "/api/v1/x", headers: dict[bytes, bytes] | None = None) -> Scope:
    return {"type": "http", "path": path, "headers": list((headers or {}).items())}


def chunks(*bodies: bytes) -> Receive:
    """A receive() handing out the bodies as one request, the last without more_body."""
    messages: list[Message] = [
        {"type": "http.request", "body": body, "more_body": i < len(bodies) - 1}
        for i, body in enumerate(bodies)
    ]

    async def receive() -> Message:
        return messages.pop(0)

    return receive


async def ignore(message: Message) -> None:
    pass


class Reader:
    """The app behind the middleware: reads the whole body, remembers what it saw."""

    def __init__(self) -> None:
        self.body = b""
        self.called = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.called = True
        while True:
            message = await receive()
            self.body += message.get("body", b"")
            if not message.get("more_body"):
                return


class TooLarge:
    """The too_large callback: records the scope it was given and the receive it was run with."""

    def __init__(self) -> None:
        self.scopes: list[Scope] = []
        self.receives: list[Receive] = []

    def __call__(self, scope: Scope) -> ASGIApp:
        self.scopes.append(scope)

        async def app(scope: Scope, receive: Receive, send: Send) -> None:
            self.receives.append(receive)

        return app


def run(scope: Scope, receive: Receive, max_body: int = 10) -> tuple[Reader, TooLarge]:
    app, too_large = Reader(), TooLarge()
    asyncio.run(BodyLimit(app, too_large, max_body=max_body)(scope, receive, ignore))
    return app, too_large


def test_a_body_of_exactly_the_limit_passes() -> None:
    app, too_large = run(http_scope(headers={b"content-length": b"10"}), chunks(b"01234", b"56789"))
    assert app.body == b"0123456789"
    assert too_large.scopes == []


def test_a_content_length_over_the_limit_is_refused_unread() -> None:
    scope = http_scope(headers={b"content-length": b"11"})
    receive = chunks(b"x" * 11)
    app, too_large = run(scope, receive)
    assert not app.called
    assert too_large.scopes == [scope]
    assert too_large.receives == [receive]


def test_a_content_length_that_is_not_a_number_is_refused() -> None:
    app, too_large = run(http_scope(headers={b"content-length": b"1e3"}), chunks(b"x"))
    assert not app.called
    assert len(too_large.scopes) == 1


def test_a_body_growing_past_the_limit_is_413() -> None:
    with pytest.raises(HTTPException) as raised:
        run(http_scope(), chunks(b"x" * 6, b"x" * 5))
    assert raised.value.status_code == 413
    assert raised.value.detail == "the request body is larger than 1 MiB"


def test_a_body_shorter_than_its_content_length_is_400() -> None:
    with pytest.raises(HTTPException) as raised:
        run(http_scope(headers={b"content-length": b"8"}), chunks(b"1234", b"567"))
    assert raised.value.status_code == 400
    assert raised.value.detail == "the request body is shorter than its Content-Length"


def test_a_body_without_content_length_is_read_to_its_end() -> None:
    app, _ = run(http_scope(), chunks(b"12", b"34", b""))
    assert app.body == b"1234"


def test_a_disconnect_is_passed_on() -> None:
    async def receive() -> Message:
        return {"type": "http.disconnect"}

    seen: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(await receive())

    asyncio.run(BodyLimit(app, TooLarge(), max_body=0)(http_scope(), receive, ignore))
    assert seen == [{"type": "http.disconnect"}]


def test_the_default_limit_is_1_mib() -> None:
    assert MAX_BODY == 1024 * 1024
    assert BodyLimit(Reader(), TooLarge()).max_body == MAX_BODY


def test_a_lifespan_scope_goes_straight_through() -> None:
    app, too_large = Reader(), TooLarge()
    receive = chunks(b"x" * 100)
    asyncio.run(BodyLimit(app, too_large, max_body=1)({"type": "lifespan"}, receive, ignore))
    assert app.body == b"x" * 100


def headers_sent(path: str, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    sent: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"ok"})

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(SecurityHeaders(app)(http_scope(path), chunks(b""), send))
    assert sent[1] == {"type": "http.response.body", "body": b"ok"}
    assert sent[0]["status"] == 200
    return sent[0]["headers"]


def test_api_answers_are_not_cached_and_not_sniffed() -> None:
    upstream = [(b"content-type", b"text/plain"), (b"Cache-Control", b"max-age=60")]
    assert headers_sent("/api/v1/x", upstream) == [
        (b"content-type", b"text/plain"),
        (b"x-content-type-options", b"nosniff"),
        (b"cache-control", b"no-store"),
    ]


def test_other_answers_keep_their_cache_control() -> None:
    upstream = [(b"cache-control", b"max-age=60"), (b"X-Content-Type-Options", b"other")]
    assert headers_sent("/docs", upstream) == [
        (b"cache-control", b"max-age=60"),
        (b"x-content-type-options", b"nosniff"),
    ]


def test_a_start_without_headers_gets_them() -> None:
    sent: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 204})

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(SecurityHeaders(app)(http_scope("/healthz"), chunks(b""), send))
    assert sent == [
        {
            "type": "http.response.start",
            "status": 204,
            "headers": [(b"x-content-type-options", b"nosniff")],
        }
    ]


def test_security_headers_leave_a_lifespan_alone() -> None:
    app = Reader()
    asyncio.run(SecurityHeaders(app)({"type": "lifespan"}, chunks(b"abc"), ignore))
    assert app.body == b"abc"
