"""Reading a request with the Pydantic models of schemas/: the JSON body and the query string.

CherryPy has no schema mechanism of its own (``tools.json_in`` only parses
the JSON), so the bodies and query strings are checked by the same models
the SOAP service uses.
"""

from __future__ import annotations

from typing import Any, TypeVar

import cherrypy
from pydantic import BaseModel, ValidationError

from ..problems import Problem, invalid_body, invalid_query

Model = TypeVar("Model", bound=BaseModel)


def db() -> Any:
    """The request's database session (or MongoDB database), from ``tools.db``."""
    return cherrypy.serving.request.db


def body(model: type[Model]) -> Model:
    """The JSON body (parsed by ``tools.json_in``) as ``model``; 422 naming the fields at fault."""
    try:
        return model.model_validate(cherrypy.serving.request.json)
    except ValidationError as error:
        raise invalid_body(error) from None


def query(model: type[Model], params: dict[str, object]) -> Model:
    """The query string as ``model``; 400 for a bad value or a parameter given twice."""
    for key, value in params.items():
        if isinstance(value, list):
            raise Problem(400, f"the query parameter {key!r} is given more than once")
    try:
        return model.model_validate(params)
    except ValidationError as error:
        raise invalid_query(error) from None


def answer(model: type[BaseModel], value: object) -> dict[str, Any]:
    """``value`` as ``model`` describes it, in JSON's types (``tools.json_out`` encodes it)."""
    return model.model_validate(value).model_dump(mode="json")
