"""Request and response hooks every route shares.

- The whole body is there: gunicorn hands the application a body that ended
  early (the client gave up or half-closed) as if it were complete, so a body
  shorter than its Content-Length is refused here (400) before any view sees
  it. A body over ``MAX_CONTENT_LENGTH`` is refused by Werkzeug (413) before
  it is read.
- ``X-Content-Type-Options: nosniff`` on every response, ``Cache-Control:
  no-store`` on the API's.
"""

from __future__ import annotations

from flask import Flask, Response, abort, request


def whole_body() -> None:
    expected = request.content_length
    if expected and len(request.get_data(cache=True)) < expected:
        abort(400, "the request body is shorter than its Content-Length")


def security_headers(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    if request.path.startswith("/api/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    app.before_request(whole_body)
    app.after_request(security_headers)
