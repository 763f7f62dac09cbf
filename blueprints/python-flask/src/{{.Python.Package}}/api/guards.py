"""Request and response hooks every route shares.

- The whole body, and no more: a body over ``MAX_CONTENT_LENGTH`` is refused
  (413) without being kept, by Werkzeug when its Content-Length says so, here
  when a chunked body grows past it. gunicorn hands the application a body that
  ended early (the client gave up or half-closed) as if it were complete, so a
  body shorter than its Content-Length is refused here (400) before any view
  sees it.
- ``X-Content-Type-Options: nosniff`` on every response, ``Cache-Control:
  no-store`` on the API's.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, abort, current_app, request

MAX_BODY = 1 << 20  # 1 MiB


def _discard(stream: Any, length: int) -> None:
    while length > 0:
        chunk = stream.read(min(length, 64 << 10))  # pragma: no mutate: any piece size drains it
        if not chunk:
            return
        length -= len(chunk)


def whole_body() -> None:
    expected = request.content_length
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if expected is not None and limit is not None and limit < expected <= 2 * limit:
        # Read a body a little too large before the 413, without keeping it: closing
        # the connection on unread data resets it, and the client would see no answer.
        _discard(request.environ["wsgi.input"], expected)
        abort(413)
    data = request.get_data(cache=True)  # at most MAX_CONTENT_LENGTH bytes
    if expected is not None and len(data) < expected:
        abort(400, "the request body is shorter than its Content-Length")
    # Werkzeug stops reading a chunked body at the limit: is there more?
    at_limit = expected is None and limit is not None and len(data) >= limit
    if at_limit and request.environ["wsgi.input"].read(1):
        abort(413)


def security_headers(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    if request.path.startswith("/api/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    app.before_request(whole_body)
    app.after_request(security_headers)
