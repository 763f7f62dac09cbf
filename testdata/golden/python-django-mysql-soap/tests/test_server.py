"""server.py: ``serve`` migrates once, then runs gunicorn on HOST and PORT."""

from __future__ import annotations

from typing import Any

import pytest

from orders import server


def test_serve_migrates_then_runs_gunicorn(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(server, "migrate", lambda: calls.append("migrate"))
    monkeypatch.setattr(server.Server, "run", lambda self: calls.append(self.options))
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.setenv("PORT", "9191")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    server.main()
    assert calls == ["migrate", {"bind": "0.0.0.0:9191", "workers": 3, "accesslog": "-"}]


def test_two_workers_unless_web_concurrency_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs: list[dict[str, Any]] = []
    monkeypatch.setattr(server, "migrate", lambda: None)
    monkeypatch.setattr(server.Server, "run", lambda self: runs.append(self.options))
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    server.main()
    assert runs[0]["workers"] == 2


def test_the_options_become_gunicorn_s_settings() -> None:
    gunicorn = server.Server({"bind": "127.0.0.1:9292", "workers": 5, "accesslog": "-"})
    assert gunicorn.cfg.bind == ["127.0.0.1:9292"]
    assert gunicorn.cfg.workers == 5
    assert gunicorn.cfg.accesslog == "-"


def test_migrate_runs_django_s_migrate(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: calls.append((a, k)))
    monkeypatch.setattr("django.db.connections.close_all", lambda: calls.append("closed"))
    server.migrate()
    assert calls == [(("migrate",), {"interactive": False, "verbosity": 1}), "closed"]
