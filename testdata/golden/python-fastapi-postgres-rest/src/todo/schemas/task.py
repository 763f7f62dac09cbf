"""The task resource as the API reads and writes it: one Pydantic model per direction.

``TaskCreate`` is the body of POST and PUT, ``TaskUpdate`` the body of
PATCH (a JSON merge patch: every field optional), ``TaskPublic`` what the API
answers, ``TasksPublic`` a page of them and ``TaskQuery`` the list's
query string.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .types import (
    Bool,
    QueryBool,
    QueryInt,
    RequiredText,
    Text,
)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
SORT_KEYS = frozenset({"id", "title", "done", "created_at", "updated_at"})


class TaskCreate(BaseModel):
    """The body of POST and PUT: required fields must be there, the others default."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[RequiredText, Field(min_length=1, max_length=200)]
    done: Bool = False


class TaskUpdate(BaseModel):
    """The body of PATCH: absent fields stay as they are, null clears a nullable field."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[RequiredText, Field(min_length=1, max_length=200)] | None = None
    done: Bool | None = None

    @field_validator("title", "done")
    @classmethod
    def not_null(cls, value: object) -> object:
        """Only called for fields the patch names: null is no value for these."""
        if value is None:
            raise ValueError("must not be null")
        return value


class TaskPublic(BaseModel):
    """A stored task as the API answers it; every key is always present."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    done: bool
    created_at: datetime
    updated_at: datetime


class TasksPublic(BaseModel):
    """One page of the list."""

    items: list[TaskPublic]
    total: int
    limit: int
    offset: int


class TaskQuery(BaseModel):
    """The list's query string: paging, ``sort`` and one equality filter per filterable field.

    Unknown parameters are ignored, as the API documents.
    """

    limit: Annotated[QueryInt, Field(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT
    offset: Annotated[QueryInt, Field(ge=0)] = 0
    sort: str | None = None
    title: Text | None = None
    done: QueryBool | None = None

    @field_validator("sort")
    @classmethod
    def known_sort_keys(cls, value: str | None) -> str | None:
        if value is None:
            return value
        names = [key.removeprefix("-") for key in value.split(",")]
        unknown = [name for name in names if name not in SORT_KEYS]
        if unknown:
            raise ValueError(f"cannot sort by {unknown[0]!r}: use {', '.join(sorted(SORT_KEYS))}")
        if len(set(names)) != len(names):
            raise ValueError("names a key twice")
        return value

    def order(self) -> list[tuple[str, bool]]:
        """The sort keys as (name, descending), id last to break ties."""
        keys = [
            (key.removeprefix("-"), key.startswith("-"))
            for key in (self.sort or "").split(",")
            if key
        ]
        if all(name != "id" for name, _ in keys):
            keys.append(("id", False))
        return keys

    def filters(self) -> dict[str, object]:
        """The equality filters the query string sets."""
        return {
            name: value
            for name, value in self.model_dump(exclude={"limit", "offset", "sort"}).items()
            if value is not None
        }
