"""The health probes: ``/healthz`` and ``/readyz`` answer 200 when the database answers, 503
when it does not; ``/livez`` answers 200 while the process does, without asking the database."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..deps import SessionDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
@router.get("/readyz")
def health(session: SessionDep) -> JSONResponse:
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


@router.get("/livez")
def live() -> dict[str, str]:
    return {"status": "ok"}
