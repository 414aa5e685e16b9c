"""What every record's serializer shares: input taken as the schema describes it, and
short references to related records."""

import functools

from django.db import models
from django.urls import reverse
from rest_framework import serializers

from api.errors import Conflict
from api.filters import MAX_ID


def summary(record, route: str, context: dict) -> dict | None:
    """A short reference to a related record, with its API address. A plain function, not
    a serializer: an event list names 700 records a page, and a serializer each cost more
    than the data."""
    if record is None:
        return None
    path = f"{_list_path(route)}{record.pk}/"  # the router's detail route, without reverse()
    if request := context.get("request"):
        if "origin" not in context:  # once a response, not once a record
            context["origin"] = request.build_absolute_uri("/").removesuffix("/")
        path = context["origin"] + path
    return {"id": record.pk, "name": str(record), "url": path}


@functools.cache
def _list_path(route: str) -> str:
    return reverse(f"api:{route}-list")


def summaries(records, route: str, context: dict) -> list[dict]:
    return [summary(record, route, context) for record in records]


class StrictBooleanField(serializers.BooleanField):
    """true or false, as the schema says; not "yes", "1" or "on"."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class SlugText(serializers.CharField):
    """Slugs keep Hangul and Hanzi: not the ASCII-only pattern of a SlugField."""

    def __init__(self, *, allow_unicode: bool = True, **kwargs):
        super().__init__(**kwargs)


class StrictIdField(serializers.PrimaryKeyRelatedField):
    """A related record's id as a JSON integer, as the schema says; not "5". An id that
    names no record is a 400 naming the field, as any other invalid value."""

    default_error_messages = {"does_not_exist": "No record has the id {pk_value}."}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 1 <= data <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class StrictCharField(serializers.CharField):
    """Text as a JSON string, as the schema says; a number is not coerced into one, and
    the string is kept as given (a title of one character stays one character)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class RecordSerializer(serializers.ModelSerializer):
    """Input is taken as the schema describes it; NUL characters, which no database text
    column can hold, are dropped from strings."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.BooleanField: StrictBooleanField,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.SlugField: SlugText,
    }
    serializer_related_field = StrictIdField

    def to_internal_value(self, data):
        if isinstance(data, dict) and (unknown := sorted(set(data) - set(self.fields))):
            raise serializers.ValidationError({name: ["This is not a field."] for name in unknown})
        if isinstance(data, dict):
            data = {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in data.items()}
        return super().to_internal_value(data)

    def validate_name(self, value: str) -> str:
        """Two records of a kind cannot share a name (as the import matches them)."""
        from archive.text import normalize_name

        model = self.Meta.model
        if not any(field.name == "normalized_name" for field in model._meta.fields):
            return value  # events may share a name across years
        same = model.objects.filter(normalized_name=normalize_name(value))
        if self.instance is not None:
            same = same.exclude(pk=self.instance.pk)
        if same.exists():
            raise Conflict({"name": ["Another record already has this name."]})
        return value


def settle_date_precision(data, instance, date_field: str) -> None:
    """A date always has a precision (a day unless told otherwise), and no date has none."""
    day = data.get(date_field, getattr(instance, date_field, None))
    precision = data.get("date_precision", getattr(instance, "date_precision", "unknown"))
    if day is None:
        data["date_precision"] = "unknown"
    elif precision == "unknown":
        data["date_precision"] = "day"
