"""``/api/v1/tasks``: create, list, read, replace, patch and delete tasks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status

from ...crud import task as crud
from ...schemas.task import (
    TaskCreate,
    TaskPublic,
    TaskQuery,
    TasksPublic,
    TaskUpdate,
)
from ..deps import SessionDep, single_query_values
from ..route import JsonRoute

PREFIX = "/tasks"

router = APIRouter(
    prefix=PREFIX,
    tags=["tasks"],
    route_class=JsonRoute,
    dependencies=[Depends(single_query_values)],
)


def _found(session: SessionDep, id: str) -> Any:
    task = crud.get_task(session, id)
    if task is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"task {id} does not exist")
    return task


@router.get("", response_model=TasksPublic)
def list_tasks(session: SessionDep, query: Annotated[TaskQuery, Query()]) -> Any:
    items, total = crud.list_tasks(session, query)
    return {"items": items, "total": total, "limit": query.limit, "offset": query.offset}


@router.post("", status_code=status.HTTP_201_CREATED, response_model=TaskPublic)
def create_task(session: SessionDep, body: TaskCreate, response: Response) -> Any:
    task = crud.create_task(session, body)
    response.headers["Location"] = f"/api/v1{PREFIX}/{task.id}"
    return task


@router.get("/{id}", response_model=TaskPublic)
def read_task(session: SessionDep, id: str) -> Any:
    return _found(session, id)


@router.put("/{id}", response_model=TaskPublic)
def replace_task(session: SessionDep, id: str, body: TaskCreate) -> Any:
    return crud.replace_task(session, _found(session, id), body)


@router.patch("/{id}", response_model=TaskPublic)
def update_task(session: SessionDep, id: str, body: TaskUpdate) -> Any:
    return crud.update_task(session, _found(session, id), body)


@router.delete("/{id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_task(session: SessionDep, id: str) -> None:
    crud.delete_task(session, _found(session, id))
