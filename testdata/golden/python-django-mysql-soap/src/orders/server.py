"""Start the service: ``serve`` (migrations, then gunicorn; honours HOST, PORT, DATABASE_URL, WEB_CONCURRENCY)."""

from __future__ import annotations

import os
from typing import Any

from gunicorn.app.base import BaseApplication

from .config import Settings


class Server(BaseApplication):
    """gunicorn, configured in code instead of a gunicorn.conf.py."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from .wsgi import application  # in each worker process, after the fork

        return application


def migrate() -> None:
    """``manage.py migrate``: apply the migrations that are not applied yet."""
    import django
    from django.core.management import call_command
    from django.db import connections

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orders.settings")
    django.setup()
    call_command("migrate", interactive=False, verbosity=1)
    connections.close_all()  # the workers open their own connections


def main() -> None:
    settings = Settings.from_env()
    migrate()  # once, before the workers start
    options = {
        "bind": f"{settings.host}:{settings.port}",
        "workers": int(os.environ.get("WEB_CONCURRENCY", "2")),
        "accesslog": "-",
    }
    Server(options).run()


if __name__ == "__main__":
    main()
