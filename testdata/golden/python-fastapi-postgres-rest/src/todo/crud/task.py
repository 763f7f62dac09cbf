"""Reading and writing tasks with a SQLAlchemy session (one per request)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import Task
from ..schemas.task import TaskCreate, TaskQuery, TaskUpdate

MAX_ID = 2**63 - 1


def _key(id: str) -> int | None:
    """The row id an id of the URL names; None when no row can have it (a 404)."""
    if not (id.isascii() and id.isdigit()) or len(id) > 19 or int(id) > MAX_ID:
        return None
    return int(id)


def _touch(task: Task) -> None:
    # Strictly later than before, even within the clock's resolution.
    task.updated_at = max(utcnow(), task.updated_at + timedelta(microseconds=1))


def get_task(session: Session, id: str) -> Task | None:
    key = _key(id)
    return None if key is None else session.get(Task, key)


def list_tasks(session: Session, query: TaskQuery) -> tuple[Sequence[Task], int]:
    statement = select(Task).filter_by(**query.filters())
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    # `>` (a mutant) would run the query at offset == total, and it finds no row either.
    if query.offset >= total:  # pragma: no mutate: see above
        return [], total
    order = [
        getattr(Task, name).desc() if descending else getattr(Task, name).asc()
        for name, descending in query.order()
    ]
    rows = session.scalars(statement.order_by(*order).limit(query.limit).offset(query.offset))
    return rows.all(), total


def create_task(session: Session, data: TaskCreate) -> Task:
    now = utcnow()
    task = Task(**data.model_dump(), created_at=now, updated_at=now)
    session.add(task)
    session.commit()
    return task


def replace_task(session: Session, task: Task, data: TaskCreate) -> Task:
    for name, value in data.model_dump().items():
        setattr(task, name, value)
    _touch(task)
    session.commit()
    return task


def update_task(session: Session, task: Task, data: TaskUpdate) -> Task:
    """Apply a merge patch: only the fields it names change."""
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(task, name, value)
    _touch(task)
    session.commit()
    return task


def delete_task(session: Session, task: Task) -> None:
    session.delete(task)
    session.commit()
