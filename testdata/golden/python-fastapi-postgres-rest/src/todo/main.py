"""The FastAPI application: ``create_app()`` builds it from the settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Scope

from .api.main import api_router
from .api.middleware import BodyLimit, SecurityHeaders
from .api.problems import add_problem_handlers, problem
from .api.routes import health
from .config import Settings
from .db import make_engine, migrate
from .docs import add_docs


def _too_large(scope: Scope) -> ASGIApp:
    return problem(413, "the request body is larger than 1 MiB")


CORS_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
CORS_HEADERS = ["Content-Type"]


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application on the database of ``settings`` (default: from the environment)."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        migrate(engine)  # alembic upgrade head
        app.state.engine = engine
        yield
        engine.dispose()

    app = FastAPI(
        lifespan=lifespan,  # the API's name and description are in the committed spec
        docs_url=None,  # served by add_docs with self-hosted assets
        redoc_url=None,
    )
    add_problem_handlers(app)
    app.add_middleware(BodyLimit, too_large=_too_large)
    if settings.cors_origins:  # CORS is off unless CORS_ORIGINS is set
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,  # answered back one by one, never "*"
            allow_methods=CORS_METHODS,
            allow_headers=CORS_HEADERS,
        )
    app.add_middleware(SecurityHeaders)  # the outermost: on every answer, preflights included
    app.include_router(health.router)
    app.include_router(api_router)
    add_docs(app)
    return app
