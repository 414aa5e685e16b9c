"""Full-text search and facet counts over published articles: one small interface, so
PostgreSQL (a stored tsvector with a GIN index, ranked) and SQLite (words matched in the
title and body) can differ, and a faster engine can be put behind it later."""

from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear

from archive.models import NEWEST_FIRST, Mention, MentionKind, Organization, Person


def search(articles, query: str, *, ranked: bool, newest: int | None = None):
    """The articles matching every word of `query`; ranked by relevance when asked,
    otherwise in the queryset's own order. With `newest`, only that many of the newest
    matches are kept (and ranked): a common word matches most of the archive, and
    ranking every match means reading every match's search vector (measured: 355 ms at
    100,000 articles, against a few ms for a thousand)."""
    query = " ".join(query.split())
    if not query:
        return articles
    if connection.vendor == "postgresql":
        tsquery = "websearch_to_tsquery('english', %s)"
        matches = articles.filter(
            pk__in=RawSQL(f"SELECT id FROM archive_article WHERE search @@ {tsquery}", [query])
        )
        rank = RawSQL(f"ts_rank(archive_article.search, {tsquery})", [query])
    else:
        matches = articles
        for word in query.split():
            matches = matches.filter(Q(title__icontains=word) | Q(body__icontains=word))
        rank = Case(
            *(When(title__icontains=w, then=Value(1)) for w in query.split()),
            default=Value(0),
            output_field=IntegerField(),
        )
    if newest:
        kept = matches.order_by(*NEWEST_FIRST).values("pk")[:newest]
        matches = articles.model.objects.filter(pk__in=kept)
    if ranked:
        matches = matches.annotate(rank=rank).order_by("-rank", *NEWEST_FIRST)
    return matches


FACET_SIZE = 10
# Facets other than the year count the first this many results: counting the mentions of
# every article of a large result set costs seconds at 100,000 articles.
FACET_SAMPLE = 1000


def facets(articles) -> tuple[dict[str, list[tuple]], bool]:
    """Counts of the articles by year, and of the countries, organizations, people and
    kinds of event they mention: one grouped query each, whatever the number of results.
    The years count every result; the rest count the first FACET_SAMPLE results, and the
    second value says whether there were more (the page says so)."""
    sample = list(articles.values_list("pk", flat=True)[: FACET_SAMPLE + 1])
    sampled = len(sample) > FACET_SAMPLE
    mentions = Mention.objects.filter(article__in=sample[:FACET_SAMPLE]).exclude(
        review_status="rejected"
    )
    years = (
        articles.order_by()
        .exclude(published_on=None)
        .annotate(year=ExtractYear("published_on"))
        .values_list("year")
        .annotate(n=Count("id"))
        .order_by("-year")
    )
    countries = (
        mentions.filter(kind=MentionKind.NAME)
        .exclude(organization__country="")
        .values_list("organization__country")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "organization__country")[:FACET_SIZE]
    )
    organizations = (
        mentions.filter(kind=MentionKind.NAME, organization__in=Organization.objects.public())
        .values_list("organization__slug", "organization__name")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "organization__name")[:FACET_SIZE]
    )
    persons = (
        mentions.filter(kind=MentionKind.NAME, person__in=Person.objects.public())
        .values_list("person__slug", "person__name")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "person__name")[:FACET_SIZE]
    )
    event_kinds = (
        mentions.filter(kind=MentionKind.EVENT, event__hidden=False)
        .values_list("event__kind")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "event__kind")
    )
    return {
        "year": list(years),
        "country": list(countries),
        "organization": list(organizations),
        "person": list(persons),
        "event_kind": list(event_kinds),
    }, sampled
