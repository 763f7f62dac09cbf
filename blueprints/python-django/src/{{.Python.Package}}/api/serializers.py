"""``BaseSerializer``: a ModelSerializer that refuses unknown fields and takes JSON types strictly."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from .fields import (
    StrictBooleanField,
    StrictCharField,
    StrictChoiceField,
    StrictDateField,
    StrictDateTimeField,
    StrictFloatField,
    StrictIntegerField,
)


class BaseSerializer(serializers.ModelSerializer):
    """What every resource's serializer shares.

    * A key the resource does not have (or cannot be written, such as ``id``)
      is a 422 naming it: DRF would ignore it.
    * PUT replaces: a field the body leaves out takes its default (or null).
    * A unique clash is left to the database (a 409, see exceptions.py), so
      that two requests at once cannot both pass a check made before the write.
    """

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.BigIntegerField: StrictIntegerField,
        models.FloatField: StrictFloatField,
        models.BooleanField: StrictBooleanField,
        models.DateField: StrictDateField,
        models.DateTimeField: StrictDateTimeField,
    }
    serializer_choice_field = StrictChoiceField

    def build_standard_field(
        self, field_name: str, model_field: models.Field
    ) -> tuple[type, dict[str, Any]]:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        validators = [v for v in kwargs.get("validators", []) if not isinstance(v, UniqueValidator)]
        if "validators" in kwargs:
            kwargs["validators"] = validators
        return field_class, kwargs

    def to_internal_value(self, data: Any) -> Any:
        writable = {name for name, field in self.fields.items() if not field.read_only}
        unknown = [name for name in data if name not in writable]
        if unknown:
            raise serializers.ValidationError(
                {name: ["is not a field of this resource"] for name in unknown}
            )
        return super().to_internal_value(data)

    def create(self, validated_data: dict[str, Any]) -> Any:
        with transaction.atomic():  # a refused write leaves the surrounding transaction usable
            return super().create(validated_data)

    def update(self, instance: models.Model, validated_data: dict[str, Any]) -> Any:
        if not self.partial:
            for name, field in self.fields.items():
                if not field.read_only and name not in validated_data:
                    validated_data[name] = instance._meta.get_field(field.source).get_default()
        with transaction.atomic():
            return super().update(instance, validated_data)
