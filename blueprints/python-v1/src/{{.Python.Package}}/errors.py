"""Errors the API turns into RFC 9457 problem details (REST) or SOAP faults."""

from __future__ import annotations


class ApiError(Exception):
    """An error caused by the request; ``status`` is the HTTP status for REST."""

    status = 400
    title = "Bad Request"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    def problem(self) -> dict[str, object]:
        """The RFC 9457 problem details body."""
        return {
            "type": "about:blank",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }


class BadRequest(ApiError):
    """The request could not be read (malformed JSON, bad query parameters)."""


class NotFound(ApiError):
    status = 404
    title = "Not Found"


class ValidationFailed(ApiError):
    """The request was well-formed but its content is not acceptable."""

    status = 422
    title = "Unprocessable Content"
