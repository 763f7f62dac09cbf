"""The Django model of a order (table ``orders``, created by migrations/0001_initial.py)."""

from __future__ import annotations

from django.db import models

from .domain import TITLE_MAX_LENGTH


class Order(models.Model):
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    done = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        db_table = "orders"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title
