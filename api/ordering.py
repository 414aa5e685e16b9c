"""The order of a list: `?ordering=` one of the values the schema lists, each list's
default otherwise; a list of changes (`?updated_since=`) runs oldest change first."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend

from api.pagination import Changes

PARAM = "ordering"


def allowed(view) -> list[str]:
    fields = getattr(view, "ordering_fields", [])
    return [term for field in fields for term in (field, f"-{field}")]


class ListOrdering(BaseFilterBackend):
    """Ties are broken by id, so that pages neither repeat nor skip a record. Records
    without a value (an undated article, event or agreement) come last whichever way the
    list runs, in every database, as on the site; the public lists' indexes are in that
    order."""

    def filter_queryset(self, request, queryset, view):
        given = request.query_params.get(PARAM)
        if given is not None and given not in allowed(view):
            choices = ", ".join(allowed(view))
            raise ValidationError({PARAM: [f"Order by one of: {choices}."]})
        changes = Changes(view)
        if changes.requested(request):
            return queryset.order_by(changes.field, "pk")
        if given is None:
            return queryset.order_by(*(_empty_last(term, queryset.model) for term in view.ordering))
        tie = "-pk" if given.startswith("-") else "pk"
        return queryset.order_by(_empty_last(given, queryset.model), tie)

    def get_schema_operation_parameters(self, view):
        if not getattr(view, "ordering_fields", None):
            return []
        return [
            {
                "name": PARAM,
                "required": False,
                "in": "query",
                "description": "The order of the list (a leading '-' reverses it); without"
                " it, the list's own. Ignored with updated_since, whose list runs oldest"
                " change first.",
                "schema": {"type": "string", "enum": allowed(view)},
            }
        ]


def _empty_last(term: str, model):
    name = term.removeprefix("-")
    try:
        nullable = model._meta.get_field(name).null
    except FieldDoesNotExist:
        return term
    if not nullable:
        return term
    return F(name).desc(nulls_last=True) if term.startswith("-") else F(name).asc(nulls_last=True)
