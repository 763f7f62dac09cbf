"""The FastAPI application: routes that hand each request to the shared API code in http.py."""

from __future__ import annotations

from fastapi import FastAPI, Request, Response
from fastapi.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .config import Settings
from .http import BASE_PATH, Reply, RestApi, health, openapi, problem
from .repository import Repository


def to_response(reply: Reply) -> Response:
    return Response(
        content=reply.body,
        status_code=reply.status,
        media_type=reply.content_type,
        headers=reply.headers,
    )


def create_app(repository: Repository | None = None) -> FastAPI:
    """Build the application; without a repository it opens DATABASE_URL."""
    if repository is None:
        from .storage import open_repository

        repository = open_repository(Settings.from_env().database_url)
    # The API is described by api/openapi.yaml, so FastAPI's generated docs are off.
    app = FastAPI(title="Todo", docs_url=None, redoc_url=None, openapi_url=None)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return to_response(problem(error.status_code, str(error.detail), str(error.detail)))

    @app.get("/healthz")
    def get_health() -> Response:
        return to_response(health(repository))

    @app.get("/openapi.yaml")
    def get_openapi() -> Response:
        return to_response(openapi())

    api = RestApi(repository)

    @app.post(BASE_PATH)
    async def create(request: Request) -> Response:
        body = await request.body()
        return to_response(await run_in_threadpool(api.create, body))

    @app.get(BASE_PATH)
    def list_all(request: Request) -> Response:
        params = request.query_params
        return to_response(api.list(params.get("limit"), params.get("offset")))

    @app.get(BASE_PATH + "/{id}")
    def get(id: str) -> Response:
        return to_response(api.get(id))

    @app.put(BASE_PATH + "/{id}")
    async def replace(id: str, request: Request) -> Response:
        body = await request.body()
        return to_response(await run_in_threadpool(api.replace, id, body))

    @app.delete(BASE_PATH + "/{id}")
    def delete(id: str) -> Response:
        return to_response(api.delete(id))

    return app
