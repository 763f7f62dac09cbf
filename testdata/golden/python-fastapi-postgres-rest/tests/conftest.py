"""Fixtures: ``client`` (in-memory storage) and ``db_client`` (the real database)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from todo.app import (
    create_app,
)
from todo.repository import (
    InMemoryRepository,
    Repository,
)
from todo.storage import (
    open_repository,
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
        pytest.fail("DATABASE_URL is not set: CI must test against PostgreSQL")
    pytest.skip(
        "DATABASE_URL is not set; to run the integration tests, set it, e.g."
        " DATABASE_URL=postgres://app:app@localhost:5432/app?sslmode=disable"
    )


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    """A client for the app on in-memory storage (no database needed)."""
    with make_client(InMemoryRepository()) as test_client:
        yield test_client


def make_client(repository: Repository) -> httpx.Client:
    return TestClient(create_app(repository))


@pytest.fixture
def db_client(tmp_path: Path) -> Iterator[httpx.Client]:
    """A client for the app on the database of DATABASE_URL (migrations applied)."""
    repository = open_repository(integration_database_url(tmp_path))
    with make_client(repository) as test_client:
        yield test_client

