"""The Django application as a WSGI callable, and the start-up migrations."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orders.settings")

import django  # noqa: E402 - after DJANGO_SETTINGS_MODULE is set
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

from .repository import Repository  # noqa: E402


def prepare_database() -> None:
    """Apply Django's migrations that are not applied yet (``manage.py migrate``)."""
    django.setup()
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", interactive=False, verbosity=1)
    connections.close_all()  # worker processes open their own connections


def create_app(repository: Repository | None = None) -> WSGIHandler:
    """The WSGI application; without a repository it uses the Django ORM."""
    django.setup()
    from . import views
    from .django_repository import DjangoRepository

    views.configure(repository or DjangoRepository())
    return WSGIHandler()
