"""Django settings, read from the environment (see .env.example).

DATABASE_URL chooses the database, PORT and HOST where ``serve`` listens;
DJANGO_SECRET_KEY signs the admin's sessions (set it once you use the admin),
DJANGO_DEBUG=1 shows Django's debug pages, ALLOWED_HOSTS limits the Host header.
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
    test: dict[str, Any] = {}
    if engines[parts.scheme] == "django.db.backends.mysql":
        options.setdefault("charset", "utf8mb4")
        test = {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"}
    return {
        "ENGINE": engines[parts.scheme],
        "NAME": unquote(parts.path.lstrip("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "OPTIONS": options,
        "TEST": test,
    }


# A random key per start is enough for an API without logins; the admin's
# sessions need one that stays: set DJANGO_SECRET_KEY.
ENV = Settings.from_env()  # HOST, PORT, DATABASE_URL, CORS_ORIGINS

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50)
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "orders.orders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "orders.middleware.NoStoreMiddleware",
    "orders.middleware.BodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# CORS (django-cors-headers) only when CORS_ORIGINS is set; without it, no middleware at all.
CORS_ALLOWED_ORIGINS = list(ENV.cors_origins)  # answered back one by one, never "*"
CORS_ALLOW_METHODS = ["POST"]  # GET /soap?wsdl needs no preflight
CORS_ALLOW_HEADERS = ["content-type", "soapaction"]
CORS_MIDDLEWARE = "corsheaders.middleware.CorsMiddleware"
if CORS_ALLOWED_ORIGINS:
    INSTALLED_APPS.append("corsheaders")
    # Under the middleware that sets headers, over every one that may answer.
    at = MIDDLEWARE.index(
        "orders.middleware.BodyLimitMiddleware",
    )
    MIDDLEWARE.insert(at, CORS_MIDDLEWARE)
ROOT_URLCONF = "orders.urls"
WSGI_APPLICATION = "orders.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database(ENV.database_url)}
# 64-bit ids; on SQLite Django declares them AUTOINCREMENT, so a deleted id is never handed out again.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

USE_TZ = True
TIME_ZONE = "UTC"
USE_I18N = False

# The admin's CSS and JavaScript, served by WhiteNoise
# from the installed packages (no collectstatic step needed).
STATIC_URL = "static/"
WHITENOISE_USE_FINDERS = True

# A body over 1 MiB is refused (413) by middleware.BodyLimitMiddleware before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1 << 20


def _not_a_soap_fault(record: Any) -> bool:
    """SOAP 1.1 answers a fault with HTTP 500: soap.py logs the real errors, Django need not."""
    request = getattr(record, "request", None)
    return request is None or request.path != "/soap"


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "not_a_soap_fault": {"()": "django.utils.log.CallbackFilter", "callback": _not_a_soap_fault}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["not_a_soap_fault"]}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
