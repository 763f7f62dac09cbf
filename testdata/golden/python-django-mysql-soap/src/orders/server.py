"""Start the service: ``serve`` (migrations, then gunicorn; honours HOST, PORT, DATABASE_URL)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from django.core.handlers.wsgi import WSGIHandler
from gunicorn.app.base import BaseApplication

from .app import create_app, prepare_database
from .config import Settings


class Server(BaseApplication):
    """gunicorn, configured in code instead of a gunicorn.conf.py."""

    def __init__(self, factory: Callable[[], WSGIHandler], options: dict[str, Any]) -> None:
        self.factory = factory
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> WSGIHandler:
        return self.factory()  # in each worker process, after the fork


def main() -> None:
    settings = Settings.from_env()
    prepare_database()  # migrations run once, before the workers start
    options = {
        "bind": f"{settings.host}:{settings.port}",
        "workers": int(os.environ.get("WEB_CONCURRENCY", "2")),
        "accesslog": "-",
    }
    Server(create_app, options).run()


if __name__ == "__main__":
    main()
