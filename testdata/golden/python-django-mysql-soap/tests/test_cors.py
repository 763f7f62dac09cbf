"""CORS: off unless CORS_ORIGINS is set; then those origins only, preflight included.

``cors(value)`` (conftest.py) is the application with CORS_ORIGINS set to
``value``, as a function sending one request and answering its status and its
headers (names in lower case).
"""

from __future__ import annotations

import pytest

from conftest import Cors

PATH = "/soap"
SIMPLE = "/soap?wsdl"  # a GET, which needs no preflight
METHOD = "POST"
REQUESTED_HEADERS = "Content-Type, SOAPAction"
ALLOWED = "http://localhost:5173"
OTHER_ALLOWED = "https://app.example.org"
REFUSED = "https://evil.example.org"
ORIGINS = f" {ALLOWED} , ,{OTHER_ALLOWED},"  # spaces and empty items are ignored


def preflight(origin: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": METHOD,
        "Access-Control-Request-Headers": REQUESTED_HEADERS,
    }


def listed(value: str | None) -> set[str]:
    return {item.strip().lower() for item in (value or "").split(",") if item.strip()}


@pytest.mark.parametrize("value", ["", " , "])
def test_cors_is_off_without_origins(cors: Cors, value: str) -> None:
    send = cors(value)
    status, headers = send("GET", SIMPLE, {"Origin": ALLOWED})
    assert status < 500
    assert not [name for name in headers if name.startswith("access-control-")]
    assert headers.get("x-content-type-options") == "nosniff"
    status, headers = send("OPTIONS", PATH, preflight(ALLOWED))
    assert status < 500
    assert not [name for name in headers if name.startswith("access-control-")]


@pytest.mark.parametrize("origin", [ALLOWED, OTHER_ALLOWED])
def test_allowed_origin_simple_request(cors: Cors, origin: str) -> None:
    status, headers = cors(ORIGINS)("GET", SIMPLE, {"Origin": origin})
    assert status < 500
    assert headers.get("access-control-allow-origin") == origin
    assert "origin" in listed(headers.get("vary"))
    assert "access-control-allow-credentials" not in headers
    assert headers.get("x-content-type-options") == "nosniff"


@pytest.mark.parametrize("origin", [ALLOWED, OTHER_ALLOWED])
def test_allowed_origin_preflight(cors: Cors, origin: str) -> None:
    status, headers = cors(ORIGINS)("OPTIONS", PATH, preflight(origin))
    assert 200 <= status < 300
    assert headers.get("access-control-allow-origin") == origin
    assert METHOD.lower() in listed(headers.get("access-control-allow-methods"))
    assert listed(REQUESTED_HEADERS) <= listed(headers.get("access-control-allow-headers"))
    assert "access-control-allow-credentials" not in headers
    assert headers.get("x-content-type-options") == "nosniff"


@pytest.mark.parametrize("origin", [REFUSED, ALLOWED + ".evil.org", ALLOWED + ":1", "null"])
def test_other_origins_are_refused(cors: Cors, origin: str) -> None:
    send = cors(ORIGINS)
    status, headers = send("GET", SIMPLE, {"Origin": origin})
    assert status < 500
    assert "access-control-allow-origin" not in headers
    status, headers = send("OPTIONS", PATH, preflight(origin))
    assert status < 500
    assert "access-control-allow-origin" not in headers  # the browser stops here
