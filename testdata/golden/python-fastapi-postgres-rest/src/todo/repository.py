"""What the API needs from storage, and an in-memory implementation for tests."""

from __future__ import annotations

import itertools
import re
import threading
from dataclasses import replace
from typing import Protocol

from .domain import (
    Task,
    TaskInput,
    now,
)
from .errors import NotFound


class Repository(Protocol):
    """Storage of tasks. Ids arrive as text; an id that cannot exist raises NotFound."""

    def create(self, data: TaskInput) -> Task: ...

    def get(self, id: str) -> Task: ...

    def list(self, limit: int, offset: int) -> tuple[list[Task], int]: ...

    def replace(self, id: str, data: TaskInput) -> Task: ...

    def delete(self, id: str) -> None: ...

    def ping(self) -> bool: ...


MAX_INT_ID = 2**31 - 1  # the largest value of a 32-bit INTEGER column


def is_int_id(id: str) -> bool:
    """True when ``id`` can be the id of a row (ASCII digits, fits an INTEGER column)."""
    return re.fullmatch(r"[0-9]{1,10}", id) is not None and int(id) <= MAX_INT_ID


def not_found(id: object) -> NotFound:
    return NotFound(f"task {id} does not exist")


class InMemoryRepository:
    """A Repository in a dict: handy for unit tests, lost on restart."""

    def __init__(self) -> None:
        self._items: dict[int, Task] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def _key(self, id: str) -> int:
        if not is_int_id(id) or int(id) not in self._items:
            raise not_found(id)
        return int(id)

    def create(self, data: TaskInput) -> Task:
        with self._lock:
            item = Task(id=next(self._ids), title=data.title, done=data.done, created_at=now())
            self._items[int(item.id)] = item
            return item

    def get(self, id: str) -> Task:
        return self._items[self._key(id)]

    def list(self, limit: int, offset: int) -> tuple[list[Task], int]:
        items = sorted(self._items.values(), key=lambda item: int(item.id))
        return items[offset : offset + limit], len(items)

    def replace(self, id: str, data: TaskInput) -> Task:
        with self._lock:
            key = self._key(id)
            item = replace(self._items[key], title=data.title, done=data.done)
            self._items[key] = item
            return item

    def delete(self, id: str) -> None:
        with self._lock:
            del self._items[self._key(id)]

    def ping(self) -> bool:
        return True
