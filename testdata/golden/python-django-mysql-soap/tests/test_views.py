"""What the SOAP service answers outside its operations: unknown routes, wrong methods, body limits."""

from __future__ import annotations

import json

import pytest
from django.test import Client, RequestFactory

from orders.views import server_error

XML = "text/xml; charset=utf-8"


def problem(response: object) -> dict[str, object]:
    assert response["Content-Type"] == "application/problem+json"  # type: ignore[index]
    assert response["Cache-Control"] == "no-store"  # type: ignore[index]
    return json.loads(response.content)  # type: ignore[attr-defined]


def test_an_unknown_route_is_a_404_problem(api: Client) -> None:
    response = api.get("/nothing-here")
    assert response.status_code == 404
    assert problem(response) == {
        "type": "about:blank",
        "title": "Not Found",  # the RFC 9457 member, no field
        "status": 404,
        "detail": "there is nothing at /nothing-here",
    }


def test_a_wrong_method_is_a_405_problem_with_allow(api: Client) -> None:
    response = api.post("/livez")
    assert response.status_code == 405
    assert problem(response)["detail"] == "/livez does not take POST"
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_an_error_no_view_caught_is_a_500_problem() -> None:
    response = server_error(RequestFactory().get("/soap"))
    assert response.status_code == 500
    assert problem(response)["detail"] == "the server could not answer this request"


@pytest.mark.parametrize(
    ("body", "length"),
    [
        pytest.param(b" " * ((1 << 20) + 1), None, id="one-byte-over"),
        pytest.param(b"{}", "12x", id="unreadable-length"),
    ],
)
def test_a_body_over_1_mib_or_of_unknown_length_is_a_413(
    api: Client, body: bytes, length: str | None
) -> None:
    extra = {} if length is None else {"CONTENT_LENGTH": length}
    response = api.post("/livez", body, content_type="application/json", **extra)
    assert response.status_code == 413
    assert problem(response)["detail"] == "the request body is larger than 1 MiB"
    response = api.post("/soap", body, content_type=XML, **extra)
    assert response.status_code == 413
    assert response["Content-Type"] == XML
    assert b"<faultstring>the request body is larger than 1 MiB</faultstring>" in response.content


def test_a_body_of_exactly_1_mib_passes_the_limit(api: Client) -> None:
    response = api.post("/soap", b" " * (1 << 20), content_type=XML)
    assert response.status_code == 500  # read: not XML, a fault from the service
    assert b"not well-formed XML" in response.content
