"""settings.py: the DATABASES entry each form of DATABASE_URL gives."""

from __future__ import annotations

from typing import Any

import pytest

from orders.settings import database

MYSQL_TEST = {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"}


def server(engine: str, options: dict[str, str], test: dict[str, str], **parts: str) -> Any:
    entry = {"ENGINE": f"django.db.backends.{engine}", "NAME": "", "USER": "", "PASSWORD": ""}
    entry |= {"HOST": "", "PORT": "", **parts, "OPTIONS": options, "TEST": test}
    return entry


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("app.db", {"ENGINE": "django.db.backends.sqlite3", "NAME": "app.db"}),
        ("/var/lib/a.db", {"ENGINE": "django.db.backends.sqlite3", "NAME": "/var/lib/a.db"}),
        (
            "postgres://u%40x:p%2Fw@db.example:5433/my%20db?sslmode=require",
            server(
                "postgresql",
                {"sslmode": "require"},
                {},
                NAME="my db",
                USER="u@x",
                PASSWORD="p/w",
                HOST="db.example",
                PORT="5433",
            ),
        ),
        ("postgresql://h/d", server("postgresql", {}, {}, NAME="d", HOST="h")),
        (
            "mysql://u:p@h:3306/d",
            server(
                "mysql",
                {"charset": "utf8mb4"},
                MYSQL_TEST,
                NAME="d",
                USER="u",
                PASSWORD="p",
                HOST="h",
                PORT="3306",
            ),
        ),
        (
            "mariadb://h/d?charset=latin1",
            server("mysql", {"charset": "latin1"}, MYSQL_TEST, NAME="d", HOST="h"),
        ),
    ],
)
def test_database(url: str, expected: dict[str, Any]) -> None:
    assert database(url) == expected


def test_an_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="^DATABASE_URL: unsupported scheme 'oracle'$"):
        database("oracle://h/d")
