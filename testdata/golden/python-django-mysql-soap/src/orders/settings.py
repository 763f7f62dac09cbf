"""Django settings, read from the environment (see .env.example).

Only what this API uses is switched on: no admin, sessions or templates.
"""

from __future__ import annotations

import os
import secrets
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pymysql

from .config import Settings

# PyMySQL (pure Python, no compiler needed) stands in for mysqlclient.
pymysql.install_as_MySQLdb()


def database(url: str) -> dict[str, Any]:
    """Django's DATABASES entry for a DATABASE_URL (a file path for SQLite, else a URL)."""
    if "://" not in url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": url}
    parts = urlsplit(url)
    engines = {
        "postgres": "django.db.backends.postgresql",
        "postgresql": "django.db.backends.postgresql",
        "mysql": "django.db.backends.mysql",
        "mariadb": "django.db.backends.mysql",
    }
    if parts.scheme not in engines:
        raise ValueError(f"DATABASE_URL: unsupported scheme {parts.scheme!r}")
    options: dict[str, Any] = dict(parse_qsl(parts.query))
    if parts.scheme.startswith("mysql") or parts.scheme == "mariadb":
        options.setdefault("charset", "utf8mb4")
    return {
        "ENGINE": engines[parts.scheme],
        "NAME": parts.path.lstrip("/"),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "OPTIONS": options,
    }


# The API signs nothing (no sessions, no CSRF), so a random key per process is enough
# unless you add such features: then set DJANGO_SECRET_KEY.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50)
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")

INSTALLED_APPS = [
    "orders",
]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
ROOT_URLCONF = "orders.urls"

DATABASES = {"default": database(Settings.from_env().database_url)}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

USE_TZ = True
TIME_ZONE = "UTC"
USE_I18N = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
