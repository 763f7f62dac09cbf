"""Fixtures: ``client`` (in-memory storage) and ``db_client`` (the real database)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from orders.app import (
    create_app,
    prepare_database,
)
from orders.repository import (
    InMemoryRepository,
    Repository,
)


def integration_database_url(tmp_path: Path) -> str:
    """DATABASE_URL for integration tests.

    Unset: a temporary SQLite file for SQLite projects; otherwise the tests are
    skipped with a reason, or fail when CI is set (CI must test the database).
    """
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail("DATABASE_URL is not set: CI must test against MySQL")
    pytest.skip(
        "DATABASE_URL is not set; to run the integration tests, set it, e.g."
        " DATABASE_URL=mysql://app:app@localhost:3306/app"
    )


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    """A client for the app on in-memory storage (no database needed)."""
    with make_client(InMemoryRepository()) as test_client:
        yield test_client


def make_client(repository: Repository | None = None) -> httpx.Client:
    """An httpx client that calls the WSGI app directly, without a server."""
    transport = httpx.WSGITransport(app=create_app(repository))
    return httpx.Client(transport=transport, base_url="http://testserver")


@pytest.fixture
def db_client(tmp_path: Path) -> Iterator[httpx.Client]:
    """A client for the app on the database of DATABASE_URL (migrations applied).

    Django reads DATABASE_URL once, when its settings load: the default SQLite
    test database is chosen at the top of this file, before that happens.
    """
    integration_database_url(tmp_path)  # skips (or fails on CI) when there is no database
    prepare_database()
    with make_client() as test_client:
        yield test_client

