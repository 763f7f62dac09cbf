"""Reading a request with the Pydantic models of ``schemas/``.

``json_body(Model)`` takes the body through Flask's own ``request.get_json()``
(415 unless the Content-Type is JSON, 400 unless the body is one JSON object)
and validates it with ``Model``: a ``ValidationError`` becomes a 422 problem in
the app's error handler. ``query_args(Model)`` does the same for the query string,
where a bad value is a 400.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any, TypeVar

from flask import abort, request
from flask.json.provider import DefaultJSONProvider
from pydantic import BaseModel, ValidationError

from .problems import field_message

Model = TypeVar("Model", bound=BaseModel)

MAX_DEPTH = 64
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def nesting_depth(text: str | bytes) -> int:
    """How deeply arrays and objects nest in a JSON text (strings skipped)."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    # Whatever replaces a string holds no bracket once translate() keeps only brackets.
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)  # pragma: no mutate: see above
    # Only brackets are left: b"XX[{XX" (a mutant) matches the same bytes.
    opens = b"[{"  # pragma: no mutate: see above
    return max(accumulate(1 if b in opens else -1 for b in brackets), default=0)


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, refusing text nested deeper than MAX_DEPTH (the parser would recurse on it).

    ``request.get_json()`` answers the ValueError with a 400. Responses keep
    their keys in the order of the models.
    """

    sort_keys = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        if nesting_depth(s) > MAX_DEPTH:
            raise ValueError(f"the JSON text nests deeper than {MAX_DEPTH} levels")
        return super().loads(s, **kwargs)


def json_body(model: type[Model]) -> Model:
    if not request.is_json:
        abort(415, "the request body must be JSON (Content-Type: application/json)")
    data = request.get_json(silent=True)  # None when it is no JSON text
    if not isinstance(data, dict):
        abort(400, "the request body must be one JSON object")
    return model.model_validate(data)


def query_args(model: type[Model]) -> Model:
    for key, values in request.args.lists():
        if len(values) > 1:
            abort(400, f"the query parameter {key!r} is given more than once")
    try:
        return model.model_validate(request.args.to_dict())
    except ValidationError as error:
        first = error.errors()[0]
        # The query models are flat: loc is one name, so neither the separator nor the
        # fallback (an error about no parameter) is seen; their mutants are equivalent.
        name = ".".join(str(part) for part in first["loc"]) or "query"  # pragma: no mutate
        abort(400, f"query parameter {name}: {field_message(first)}")
