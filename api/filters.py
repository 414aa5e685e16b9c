"""Filters for each list; every list also takes ?ordering= and ?page= / ?page_size=."""

from django.db.models import Q
from django_filters import rest_framework as filters

from archive.models import Agreement, Article, Event, Mention, Organization, Person


class ArticleFilter(filters.FilterSet):
    published_after = filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_before = filters.DateFilter(field_name="published_on", lookup_expr="lte")
    organization = filters.NumberFilter(method="mentioning", help_text="An organization's id.")
    person = filters.NumberFilter(method="mentioning", help_text="A person's id.")
    event = filters.NumberFilter(method="mentioning", help_text="An event's id.")
    q = filters.CharFilter(method="search", help_text="Words in the title or the body.")

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
        for word in value.split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(body__icontains=word))
        return queryset


class OrganizationFilter(filters.FilterSet):
    q = filters.CharFilter(method="search", help_text="Words in the name, acronym or aliases.")
    article = filters.NumberFilter(field_name="mentions__article", distinct=True)

    class Meta:
        model = Organization
        fields = ["country", "kind", "parent", "q", "article"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(acronym__iexact=value) | Q(aliases__name__icontains=value)
        ).distinct()


class PersonFilter(filters.FilterSet):
    q = filters.CharFilter(method="search", help_text="Words in the name or aliases.")
    organization = filters.NumberFilter(field_name="positions__organization", distinct=True)
    event = filters.NumberFilter(field_name="events__event", distinct=True)

    class Meta:
        model = Person
        fields = ["nationality", "organization", "event", "q"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value)
            | Q(native_name__icontains=value)
            | Q(aliases__name__icontains=value)
        ).distinct()


class AgreementFilter(filters.FilterSet):
    signed_after = filters.DateFilter(field_name="signed_on", lookup_expr="gte")
    signed_before = filters.DateFilter(field_name="signed_on", lookup_expr="lte")
    organization = filters.NumberFilter(field_name="parties", distinct=True)
    person = filters.NumberFilter(field_name="signatories", distinct=True)
    q = filters.CharFilter(field_name="title", lookup_expr="icontains")

    class Meta:
        model = Agreement
        fields = ["kind", "signed_after", "signed_before", "organization", "person", "q"]


class EventFilter(filters.FilterSet):
    start_after = filters.DateFilter(field_name="start_date", lookup_expr="gte")
    start_before = filters.DateFilter(field_name="start_date", lookup_expr="lte")
    organization = filters.NumberFilter(field_name="participants__organization", distinct=True)
    person = filters.NumberFilter(field_name="participants__person", distinct=True)
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


class MentionFilter(filters.FilterSet):
    min_confidence = filters.NumberFilter(field_name="confidence", lookup_expr="gte")
    max_confidence = filters.NumberFilter(field_name="confidence", lookup_expr="lte")

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
