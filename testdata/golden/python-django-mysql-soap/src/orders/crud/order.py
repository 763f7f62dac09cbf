"""Reading and writing orders through the Django ORM, for the SOAP service (soap.py).

The functions have the shape the family's SOAP service calls (a database
handle first: Django's ORM needs none, so it is ignored).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ..orders.models import Order
from ..schemas.order import OrderCreate, OrderQuery

MAX_ID = 2**63 - 1


def _key(id: str) -> int | None:
    """The row id an id names; None when no row can have it."""
    if not (id.isascii() and id.isdigit()) or len(id) > 19 or int(id) > MAX_ID:
        return None
    return int(id)


def get_order(_db: Any, id: str) -> Order | None:
    key = _key(id)
    return None if key is None else Order.objects.filter(pk=key).first()


def list_orders(_db: Any, query: OrderQuery) -> tuple[list[Order], int]:
    rows = Order.objects.filter(**query.filters())
    total = rows.count()
    if query.offset >= total:
        return [], total
    order = [f"-{name}" if descending else name for name, descending in query.order()]
    return list(rows.order_by(*order)[query.offset : query.offset + query.limit]), total


def create_order(_db: Any, data: OrderCreate) -> Order:
    with transaction.atomic():
        return Order.objects.create(**data.model_dump())


def replace_order(_db: Any, order: Order, data: OrderCreate) -> Order:
    for name, value in data.model_dump().items():
        setattr(order, name, value)
    with transaction.atomic():
        order.save()
    return order


def delete_order(_db: Any, order: Order) -> None:
    order.delete()
