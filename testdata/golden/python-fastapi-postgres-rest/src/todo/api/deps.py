"""Dependencies the routes declare: the database session and query-string checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session


def get_db(request: Request) -> Iterator[Session]:
    """One session per request, closed (and rolled back if not committed) afterwards."""
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]


def single_query_values(request: Request) -> None:
    """A query parameter given twice (``limit=1&limit=2``) is ambiguous: 400."""
    seen: set[str] = set()
    for key, _ in request.query_params.multi_items():
        if key in seen:
            raise HTTPException(400, f"the query parameter {key!r} is given more than once")
        seen.add(key)
