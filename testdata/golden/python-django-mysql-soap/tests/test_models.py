"""The migrations in the repository are the models' (``manage.py makemigrations --check``)."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_migrations_match_the_models() -> None:
    # Exits (and fails the test) when models.py changed without a new migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
