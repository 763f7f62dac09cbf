"""middleware.py: a body a little over the limit is read to its end before the 413."""

from __future__ import annotations

import io

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.test import RequestFactory

from orders.middleware import DRAIN_LIMIT, MAX_BODY, BodyLimitMiddleware, discard


def refused(length: int, stream: io.BytesIO) -> HttpResponse:
    environ = RequestFactory()._base_environ(
        REQUEST_METHOD="POST",
        PATH_INFO="/anything",
        CONTENT_TYPE="application/json",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": stream},
    )
    return BodyLimitMiddleware(lambda request: HttpResponse("passed"))(WSGIRequest(environ))


@pytest.mark.parametrize(
    ("length", "read"),
    [
        (MAX_BODY + 1, MAX_BODY + 1),  # drained, so that a client still sending sees the 413
        (DRAIN_LIMIT, DRAIN_LIMIT),
        (DRAIN_LIMIT + 1, 0),  # too large to read: refused unread
    ],
)
def test_an_oversized_body_is_drained_up_to_the_drain_limit(length: int, read: int) -> None:
    stream = io.BytesIO(b"x" * length)
    assert refused(length, stream).status_code == 413
    assert stream.tell() == read


def test_draining_stops_where_the_body_does() -> None:
    stream = io.BytesIO(b"x" * (MAX_BODY + 5))
    assert refused(DRAIN_LIMIT, stream).status_code == 413
    assert stream.tell() == MAX_BODY + 5


@pytest.mark.parametrize("length", [0, 1, 64 << 10, (64 << 10) + 1, 300_000])
def test_discard_reads_exactly_the_length_it_is_given(length: int) -> None:
    stream = io.BytesIO(b"x" * (length + 10))
    discard(stream, length)
    assert stream.tell() == length
