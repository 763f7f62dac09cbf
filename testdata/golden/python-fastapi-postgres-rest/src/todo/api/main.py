"""The /api/v1 router: one router per resource."""

from __future__ import annotations

from fastapi import APIRouter

from .routes import tasks

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(tasks.router)
