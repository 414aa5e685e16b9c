"""Filters for each list; every list also takes ?ordering= (api.ordering), ?page= and
?page_size= (api.pagination), and ?updated_since= for what changed since a time."""

import re
from datetime import UTC, datetime, timedelta, timezone

from django import forms
from django.db.models import Q
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field

from archive.models import (
    Agreement,
    Article,
    ArticleStatus,
    Event,
    Mention,
    Organization,
    Person,
    RecordKind,
    Removal,
    RemovalReason,
)
from archive.search import Search
from archive.search.database import search as search_articles

MAX_ID = 2**53 - 1  # the largest id a JSON client can hold exactly

# A list read as a feed of changes: the parameter that asks for it, and the cursor that
# its `next` link adds (api.pagination).
CHANGES_SINCE = "updated_since"
CHANGES_AFTER = "after"


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


RFC_3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,30}))?(?:([Zz])|([+-])(\d{2}):(\d{2})))?"
)
EARLIEST = datetime.min.replace(tzinfo=UTC)
LATEST = datetime.max.replace(tzinfo=UTC)


class InstantField(forms.Field):
    """An RFC 3339 date-time (2026-12-01T09:30:00Z, 2026-12-01T18:30:00.25+09:00), or a
    date (midnight UTC). A time that UTC puts before year 1 or after 9999 is the earliest
    or the latest there is; a leap second is the end of its minute."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        match = RFC_3339.fullmatch(value.strip())
        if not match:
            raise forms.ValidationError("An RFC 3339 date-time is required.")
        year, month, day, hour, minute, second, fraction, _, sign, off_h, off_m = match.groups()
        leap = second == "60"
        try:
            offset = timedelta(hours=int(off_h or 0), minutes=int(off_m or 0))
            stamp = datetime(
                int(year),
                int(month),
                int(day),
                int(hour or 0),
                int(minute or 0),
                59 if leap else int(second or 0),
                999_999 if leap else int((fraction or "0")[:6].ljust(6, "0")),
                tzinfo=timezone(-offset if sign == "-" else offset),
            )
        except ValueError:
            raise forms.ValidationError("No such date or time.") from None
        try:
            return stamp.astimezone(UTC)
        except OverflowError:
            return EARLIEST if stamp.year == 1 else LATEST


@extend_schema_field({"type": "string", "format": "date-time"})
class InstantFilter(filters.Filter):
    field_class = InstantField


class StrictFilterSet(filters.FilterSet):
    """A date, number or choice given empty is an error, as the schema says, rather than
    a filter silently not applied. Every list takes `updated_since`: what changed since a
    time, oldest change first (api.ordering), paged by position (api.pagination)."""

    changed_field = "updated_at"
    since_param = CHANGES_SINCE

    updated_since = InstantFilter(
        method="changed_since",
        help_text=(
            "Only records changed (or made visible) at or after this time, the oldest change"
            " first: what changed since a client's last copy. Page on with the `next` link;"
            " what was removed is at /api/removals/."
        ),
    )
    after = IdFilter(
        method="changed_since",
        help_text="With updated_since: of the records changed at exactly that time, only"
        " those after this id (the `next` link of a list of changes sets it).",
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:  # NUL characters cannot be searched for in any database
            data = data.copy()
            for key in list(data):
                data.setlist(key, [value.replace("\x00", "") for value in data.getlist(key)])
        super().__init__(data, *args, **kwargs)

    def changed_since(self, queryset, name, value):
        return queryset  # the two parameters together, in filter_queryset()

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        since = self.form.cleaned_data.get(self.since_param)
        if since is None:
            return queryset
        field, after = self.changed_field, self.form.cleaned_data.get(CHANGES_AFTER)
        if after is None:
            return queryset.filter(**{f"{field}__gte": since})
        return queryset.filter(Q(**{f"{field}__gt": since}) | Q(**{field: since, "pk__gt": after}))

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


# The article list's orderings the search index keeps (no ordering: most relevant first).
INDEX_ORDERS = {
    None: "relevance",
    "-published_on": "newest",
    "published_on": "oldest",
    "title": "title",
}


class ArticleFilter(StrictFilterSet):
    published_after = filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_before = filters.DateFilter(field_name="published_on", lookup_expr="lte")
    organization = IdFilter(method="mentioning", help_text="An organization's id.")
    person = IdFilter(method="mentioning", help_text="A person's id.")
    event = IdFilter(method="mentioning", help_text="An event's id.")
    q = filters.CharFilter(
        method="search",
        help_text=(
            "Words to look for. In a list of published articles (anyone's; an editor's with"
            " status=published) without updated_since, ordered by relevance (the default with"
            " q), published_on, -published_on or title, the archive's search engine answers"
            " as on the site's articles page: every match counted, a word finds its"
            ' inflections ("forums" finds "forum") and the names an article mentions,'
            ' "quoted words" a phrase, -word leaves out, Chinese, Japanese and Korean words'
            " match too. Otherwise (other statuses, updated_since, other orders) and in the"
            " CSV and NDJSON exports the database answers: every article with each word in"
            " its title or body, in the list's order."
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

    def indexed(self, published_only: bool, ordering: str | None) -> Search | None:
        """The search the index answers for these (valid) filters, or None where the
        database must: no words, drafts among the articles, a filter or an order the
        index does not know."""
        data = self.form.cleaned_data
        text = " ".join((data.get("q") or "").split())
        status = data.get("status")
        if not text or ordering not in INDEX_ORDERS or data.get(CHANGES_SINCE) is not None:
            return None
        if status not in ("", None, ArticleStatus.PUBLISHED) or not (published_only or status):
            return None
        one = lambda name: (data[name],) if data.get(name) is not None else ()  # noqa: E731
        return Search(
            text=text,
            organizations=one("organization"),
            persons=one("person"),
            events=one("event"),
            published_after=data.get("published_after"),
            published_before=data.get("published_before"),
            source=data.get("source") or "",
            language=data.get("language") or "",
            order=INDEX_ORDERS[ordering],
        )


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


class RemovalFilter(StrictFilterSet):
    """Removals are read since a time (`since`)."""

    changed_field = "removed_at"
    since_param = "since"

    updated_since = None
    since = InstantFilter(
        method="changed_since",
        help_text="Only what was removed at or after this time, the oldest first. Page on"
        " with the `next` link.",
    )
    after = IdFilter(
        method="changed_since",
        help_text="With since: of the removals at exactly that time, only those after this id"
        " (the `next` link sets it).",
    )
    kind = filters.ChoiceFilter(choices=RecordKind.choices)
    reason = filters.ChoiceFilter(choices=RemovalReason.choices)

    class Meta:
        model = Removal
        fields = ["since", "after", "kind", "reason"]
