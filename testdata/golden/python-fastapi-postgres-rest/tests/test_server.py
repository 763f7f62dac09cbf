"""server.py: ``serve`` runs uvicorn on HOST and PORT; a half-closed request is still answered."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from todo import server


def test_serve_runs_uvicorn_with_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(server.uvicorn, "run", lambda *a, **k: calls.append((a, k)))
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.setenv("PORT", "9191")
    server.main()
    assert calls == [
        (
            ("todo.main:create_app",),
            {
                "factory": True,
                "host": "0.0.0.0",
                "port": 9191,
                "http": server.HalfCloseProtocol,
                "proxy_headers": True,
            },
        )
    ]


class Event:
    def __init__(self) -> None:
        self.is_set = False

    def set(self) -> None:
        self.is_set = True


def test_eof_before_the_answer_ends_the_body_and_keeps_the_connection() -> None:
    cycle = SimpleNamespace(response_complete=False, more_body=True, message_event=Event())
    assert server.HalfCloseProtocol.eof_received(SimpleNamespace(cycle=cycle)) is True  # type: ignore[arg-type]
    assert cycle.more_body is False
    assert cycle.message_event.is_set


@pytest.mark.parametrize("cycle", [None, SimpleNamespace(response_complete=True)])
def test_eof_with_nothing_left_to_answer_closes(cycle: object) -> None:
    assert server.HalfCloseProtocol.eof_received(SimpleNamespace(cycle=cycle)) is None  # type: ignore[arg-type]
