"""Request and response hooks every route shares.

- The whole body, and no more: a body over ``MAX_CONTENT_LENGTH`` is refused
  (413) before it is read, by Werkzeug when its Content-Length says so, here
  when a chunked body grows past it. gunicorn hands the application a body that
  ended early (the client gave up or half-closed) as if it were complete, so a
  body shorter than its Content-Length is refused here (400) before any view
  sees it.
- ``X-Content-Type-Options: nosniff`` on every response, ``Cache-Control:
  no-store`` on the API's.
"""

from __future__ import annotations

from flask import Flask, Response, abort, current_app, request

MAX_BODY = 1 << 20  # 1 MiB


def whole_body() -> None:
    data = request.get_data(cache=True)  # at most MAX_CONTENT_LENGTH bytes
    expected = request.content_length
    if expected is not None and len(data) < expected:
        abort(400, "the request body is shorter than its Content-Length")
    limit = current_app.config["MAX_CONTENT_LENGTH"]
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
