"""Fixtures: ``api``, Django's test client on the whole service.

Each test runs in a transaction that pytest-django rolls back afterwards.
The database is the one DATABASE_URL names, migrated first: a CI service
database gives its user no right to create another.
"""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django import DjangoDbBlocker


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
def api(db: None) -> Client:
    """A client of the service, with the test database (``db``) open to it."""
    return Client()
