"""The committed API description: ``/openapi.yaml`` as it is, and ``/docs`` (Swagger UI) showing it.

Swagger UI's files (version 5, which renders OpenAPI 3.1) come from the swagger-ui-py
package and are served by the service itself, so the docs work offline.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from .config import api_file

# The folder of Swagger UI's files in the installed swagger-ui-py package.
SWAGGER_UI = str(files("swagger_ui") / "static")

ASSETS = "/docs/assets"
APP_NAME = "Todo"

# Swagger UI's own page, with every asset from this service.
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="application-name" content=%(name)s>
<link rel="stylesheet" href="%(assets)s/swagger-ui.css">
<link rel="icon" href="%(assets)s/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="%(assets)s/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({url: %(spec)s, dom_id: "#swagger-ui", validatorUrl: null});</script>
</body>
</html>
"""


@cache
def spec_text() -> bytes:
    return api_file("openapi.yaml").read_bytes()


@cache
def spec() -> dict[str, Any]:
    return yaml.safe_load(spec_text())


def add_docs(app: FastAPI) -> None:
    # FastAPI would describe the routes itself; the API's contract is the committed file.
    app.openapi = spec  # type: ignore[method-assign]
    app.mount(ASSETS, StaticFiles(directory=SWAGGER_UI), name="swagger-ui")

    @app.get("/openapi.yaml", include_in_schema=False)
    def openapi_yaml() -> Response:
        return Response(spec_text(), media_type="application/yaml")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        spec_url = json.dumps(app.openapi_url or "/openapi.json")
        return HTMLResponse(
            PAGE % {"name": json.dumps(APP_NAME), "assets": ASSETS, "spec": spec_url}
        )
