"""The ``Order`` model: a row of the ``orders`` table (its schema comes from migrations/)."""

from __future__ import annotations

from django.core.validators import MinLengthValidator
from django.db import models


class Order(models.Model):
    title = models.CharField(
        max_length=200,
        validators=[
            MinLengthValidator(1),
        ],
    )
    done = models.BooleanField(
        blank=True,
        default=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "orders"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Order {self.pk}"
