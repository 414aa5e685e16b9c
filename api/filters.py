"""Filters for each list; every list also takes ?ordering= and ?page= / ?page_size=."""

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, Q
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field
from rest_framework.filters import OrderingFilter

from archive.models import Agreement, Article, Event, Mention, Organization, Person
from archive.search import search as search_articles

MAX_ID = 2**53 - 1  # the largest id a JSON client can hold exactly


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(filters.NumberFilter):
    """A record's id: out-of-range numbers are a 400, not a database error."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=MAX_ID, **kwargs)


@extend_schema_field({"type": "number"})
class FloatFilter(filters.NumberFilter):
    field_class = forms.FloatField

    def get_max_validator(self):
        return None  # any float: a confidence above 1 simply matches nothing


class UndatedLastOrdering(OrderingFilter):
    """`?ordering=` as DRF reads it, except that records without a value (an undated
    article, event or agreement) come last whichever way the list runs, in every database,
    as on the site; the public lists' indexes are in that order."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        return [_empty_last(term, queryset.model) for term in ordering or []]


def _empty_last(term, model):
    if not isinstance(term, str):
        return term
    name = term.removeprefix("-")
    try:
        nullable = model._meta.get_field(name).null
    except FieldDoesNotExist:
        return term
    if not nullable:
        return term
    return F(name).desc(nulls_last=True) if term.startswith("-") else F(name).asc(nulls_last=True)


class StrictFilterSet(filters.FilterSet):
    """A date, number or choice given empty is an error, as the schema says, rather than
    a filter silently not applied."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:  # NUL characters cannot be searched for in any database
            data = data.copy()
            for key in list(data):
                data.setlist(key, [value.replace("\x00", "") for value in data.getlist(key)])
        super().__init__(data, *args, **kwargs)

    def is_valid(self) -> bool:
        valid = super().is_valid()
        for name, value in self.data.items():
            declared = self.filters.get(name)
            if declared is None or value != "":
                continue
            if not isinstance(declared, filters.CharFilter) or isinstance(
                declared, filters.ChoiceFilter
            ):
                self.form.add_error(name, "This parameter is empty.")
                valid = False
        return valid


class ArticleFilter(StrictFilterSet):
    published_after = filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_before = filters.DateFilter(field_name="published_on", lookup_expr="lte")
    organization = IdFilter(method="mentioning", help_text="An organization's id.")
    person = IdFilter(method="mentioning", help_text="A person's id.")
    event = IdFilter(method="mentioning", help_text="An event's id.")
    q = filters.CharFilter(
        method="search",
        help_text=(
            "Words in the title or the body: the 1,000 newest matching articles (with the"
            " other filters applied first); use published_before to reach older ones."
        ),
    )

    class Meta:
        model = Article
        fields = [
            "published_after",
            "published_before",
            "source",
            "language",
            "status",
            "organization",
            "person",
            "event",
            "q",
        ]

    def mentioning(self, queryset, name, value):
        return queryset.filter(**{f"mentions__{name}": value}).distinct()

    def search(self, queryset, name, value):
        return search_articles(queryset, value)


class OrganizationFilter(StrictFilterSet):
    q = filters.CharFilter(method="search", help_text="Words in the name, acronym or aliases.")
    article = IdFilter(field_name="mentions__article", distinct=True)
    parent = IdFilter(field_name="parent")

    class Meta:
        model = Organization
        fields = ["country", "kind", "parent", "q", "article"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(acronym__iexact=value) | Q(aliases__name__icontains=value)
        ).distinct()


class PersonFilter(StrictFilterSet):
    q = filters.CharFilter(method="search", help_text="Words in the name or aliases.")
    organization = IdFilter(field_name="positions__organization", distinct=True)
    event = IdFilter(field_name="events__event", distinct=True)

    class Meta:
        model = Person
        fields = ["nationality", "organization", "event", "q"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value)
            | Q(native_name__icontains=value)
            | Q(aliases__name__icontains=value)
        ).distinct()


class AgreementFilter(StrictFilterSet):
    signed_after = filters.DateFilter(field_name="signed_on", lookup_expr="gte")
    signed_before = filters.DateFilter(field_name="signed_on", lookup_expr="lte")
    organization = IdFilter(field_name="parties", distinct=True)
    person = IdFilter(field_name="signatories", distinct=True)
    q = filters.CharFilter(field_name="title", lookup_expr="icontains")

    class Meta:
        model = Agreement
        fields = ["kind", "signed_after", "signed_before", "organization", "person", "q"]


class EventFilter(StrictFilterSet):
    start_after = filters.DateFilter(field_name="start_date", lookup_expr="gte")
    start_before = filters.DateFilter(field_name="start_date", lookup_expr="lte")
    organization = IdFilter(field_name="participants__organization", distinct=True)
    person = IdFilter(field_name="participants__person", distinct=True)
    q = filters.CharFilter(field_name="name", lookup_expr="icontains")

    class Meta:
        model = Event
        fields = [
            "kind",
            "country",
            "city",
            "start_after",
            "start_before",
            "organization",
            "person",
            "q",
        ]


class MentionFilter(StrictFilterSet):
    min_confidence = FloatFilter(field_name="confidence", lookup_expr="gte")
    max_confidence = FloatFilter(field_name="confidence", lookup_expr="lte")
    article = IdFilter(field_name="article")
    organization = IdFilter(field_name="organization")
    person = IdFilter(field_name="person")
    agreement = IdFilter(field_name="agreement")
    event = IdFilter(field_name="event")

    class Meta:
        model = Mention
        fields = [
            "article",
            "kind",
            "review_status",
            "organization",
            "person",
            "agreement",
            "event",
            "min_confidence",
            "max_confidence",
        ]
