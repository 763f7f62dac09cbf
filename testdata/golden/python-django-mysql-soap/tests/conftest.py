"""Fixtures: ``api``, Django's test client on the whole service.

Each test runs in a transaction that pytest-django rolls back afterwards.
The database is the one DATABASE_URL names, migrated first: a CI service
database gives its user no right to create another.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client as HttpClient
from pytest_django import DjangoDbBlocker, Settings

from orders.config import cors_origins


@pytest.fixture(scope="session")
def django_db_setup(django_db_blocker: DjangoDbBlocker) -> None:
    """pytest-django's way to test on an existing database: apply the migrations to it."""
    if not os.environ.get("DATABASE_URL"):
        if os.environ.get("CI"):
            pytest.fail("DATABASE_URL is not set: CI must test against MySQL")
        example = "DATABASE_URL=mysql://app:app@localhost:3306/app"
        pytest.skip(f"DATABASE_URL is not set; to run the tests, set it, e.g. {example}")
    with django_db_blocker.unblock():
        call_command("migrate", interactive=False, verbosity=0)


@pytest.fixture
def api(db: None) -> HttpClient:
    """A client of the service, with the test database (``db``) open to it."""
    return HttpClient()


# cors(CORS_ORIGINS) -> send(method, path, headers) -> (status, headers in lower case)
Send = Callable[[str, str, dict[str, str]], tuple[int, dict[str, str]]]
Cors = Callable[[str], Send]


@pytest.fixture
def cors(db: None, settings: Settings) -> Cors:
    """The service with CORS_ORIGINS set to the value given (test_cors.py), as settings.py does."""
    middleware = [name for name in settings.MIDDLEWARE if name != settings.CORS_MIDDLEWARE]

    def app_with(value: str) -> Send:
        settings.CORS_ALLOWED_ORIGINS = list(cors_origins(value))
        settings.MIDDLEWARE = list(middleware)
        if settings.CORS_ALLOWED_ORIGINS:
            at = middleware.index(
                "orders.middleware.BodyLimitMiddleware",
            )
            settings.MIDDLEWARE.insert(at, settings.CORS_MIDDLEWARE)
        http = HttpClient()  # its handler loads the middleware of the settings now in force

        def send(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
            response = http.generic(method, path, headers=headers)
            return response.status_code, {k.lower(): v for k, v in response.headers.items()}

        return send

    return app_with
