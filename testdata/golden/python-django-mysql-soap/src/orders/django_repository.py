"""The Repository on Django's ORM."""

from __future__ import annotations

from django.db import connection

from . import models
from .domain import (
    Order,
    OrderInput,
    now,
)
from .repository import is_int_id, not_found


def _to_domain(row: models.Order) -> Order:
    return Order(id=row.pk, title=row.title, done=row.done, created_at=row.created_at)


class DjangoRepository:
    """Orders stored through the ``Order`` model."""

    def _find(self, id: str) -> models.Order:
        row = models.Order.objects.filter(pk=int(id)).first() if is_int_id(id) else None
        if row is None:
            raise not_found(id)
        return row

    def create(self, data: OrderInput) -> Order:
        row = models.Order.objects.create(title=data.title, done=data.done, created_at=now())
        return _to_domain(row)

    def get(self, id: str) -> Order:
        return _to_domain(self._find(id))

    def list(self, limit: int, offset: int) -> tuple[list[Order], int]:
        rows = models.Order.objects.order_by("id")
        return [_to_domain(row) for row in rows[offset : offset + limit]], rows.count()

    def replace(self, id: str, data: OrderInput) -> Order:
        row = self._find(id)
        row.title, row.done = data.title, data.done
        row.save(update_fields=["title", "done"])
        return _to_domain(row)

    def delete(self, id: str) -> None:
        self._find(id).delete()

    def ping(self) -> bool:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return False
        return True
