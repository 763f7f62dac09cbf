"""main.py, docs.py, problems.py: how create_app() puts the application together."""

from __future__ import annotations

from types import SimpleNamespace

from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException

from todo import docs, main
from todo.api import deps, problems
from todo.api.middleware import BodyLimit
from todo.config import Settings


def app_with(*origins: str) -> main.FastAPI:
    return main.create_app(Settings("127.0.0.1", 0, "unused.db", cors_origins=origins))


def test_the_middleware_and_its_options() -> None:
    options = {m.cls: m.kwargs for m in app_with("http://localhost:3000").user_middleware}
    assert options[BodyLimit] == {"too_large": main._too_large}
    assert options[main.CORSMiddleware] == {
        "allow_origins": ("http://localhost:3000",),
        "allow_methods": ["GET", "POST", "PUT", "PATCH", "DELETE"],
        "allow_headers": ["Content-Type"],
    }


def test_fastapi_s_own_docs_are_off() -> None:
    app = app_with()
    assert app.docs_url is None
    assert app.redoc_url is None
    assert app.openapi() == docs.spec()  # the committed spec, not one FastAPI writes
    assert app.url_path_for("swagger-ui", path="swagger-ui.css") == f"{docs.ASSETS}/swagger-ui.css"
    (assets,) = [r for r in app.routes if getattr(r, "name", None) == "swagger-ui"]
    assert assets.app.directory == docs.SWAGGER_UI  # type: ignore[attr-defined]


def test_every_error_becomes_a_problem() -> None:
    handlers = app_with().exception_handlers
    assert handlers[HTTPException] is problems.http_error
    assert handlers[RequestValidationError] is problems.validation_error
    assert handlers[IntegrityError] is problems.integrity_error
    assert handlers[DataError] is problems.data_error
    assert handlers[Exception] is problems.server_error


def test_what_a_request_commits_stays_readable() -> None:
    request = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(engine=None)))
    sessions = deps.get_db(request)  # type: ignore[arg-type]
    assert next(sessions).expire_on_commit is False  # the answer is built after the commit
    sessions.close()
