"""Full-text search and facet counts over published articles: one small interface, so
PostgreSQL (weighted search vectors in a narrow table with a GIN index, ranked; see
migration 0008) and SQLite (words matched in the title and body) can differ, and a
faster engine can be put behind it later."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Case, Count, FloatField, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear

from archive.models import NEWEST_FIRST, Article, Mention, MentionKind, Organization, Person

# A search keeps this many of the newest matching articles, on the site and in the API.
SEARCH_NEWEST = 1000


@dataclass
class Found:
    """What a search kept: the matching articles' ids, newest first, and their dates, read
    once, so that a page's count, rows and facets do not each search again."""

    query: str
    ids: list[int]
    dates: list[date | None]

    def among(self, articles, *, ranked: bool):
        """The kept articles of `articles`, most relevant first when `ranked`, otherwise in
        the queryset's own order."""
        matches = articles.filter(pk__any_of=self.ids)
        if ranked:
            matches = matches.annotate(rank=_rank(self.query)).order_by("-rank", *NEWEST_FIRST)
        return matches


def find(articles, query: str) -> Found:
    """The SEARCH_NEWEST newest articles among `articles` that match every word of `query`.

    Bounded because a common word matches most of the archive: ranking every match means
    reading every match's search vector (355 ms at 100,000 articles, against a few ms for
    a thousand)."""
    query = " ".join(query.split())
    if connection.vendor == "postgresql":
        # Chosen in the search table, which holds status and dates (migration 0008).
        if articles.query.where == Article.objects.published().query.where:
            among, params = "published", []
        else:
            subquery, params = articles.order_by().values("pk").query.sql_with_params()
            among = f"article_id IN ({subquery})"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT article_id, published_on FROM archive_articlesearch"
                f" WHERE vector @@ {TSQUERY} AND {among}"
                " ORDER BY published_on DESC NULLS LAST, article_id DESC LIMIT %s",
                [query, *params, SEARCH_NEWEST],
            )
            kept = cursor.fetchall()
    else:
        matches = articles
        for word in query.split():
            matches = matches.filter(Q(title__icontains=word) | Q(body__icontains=word))
        kept = matches.order_by(*NEWEST_FIRST).values_list("pk", "published_on")
        kept = list(kept[:SEARCH_NEWEST])
    return Found(query, [pk for pk, _ in kept], [day for _, day in kept])


def search(articles, query: str, *, ranked: bool):
    """The articles of `articles` a search for `query` keeps (see `find`); all of them
    when the query has no words."""
    if not query.split():
        return articles
    return find(articles, query).among(articles, ranked=ranked)


TSQUERY = "websearch_to_tsquery('english', %s)"


def _rank(query: str):
    if connection.vendor == "postgresql":
        return RawSQL(
            f"SELECT ts_rank(vector, {TSQUERY}) FROM archive_articlesearch"
            " WHERE article_id = archive_article.id",
            [query],
            output_field=FloatField(),
        )
    return Case(
        *(When(title__icontains=word, then=Value(1)) for word in query.split()),
        default=Value(0),
        output_field=IntegerField(),
    )


FACET_SIZE = 10
# Facets other than the year count the first this many results: counting the mentions of
# every article of a large result set costs seconds at 100,000 articles.
FACET_SAMPLE = 1000


def facets(articles, found: Found | None = None) -> tuple[dict[str, list[tuple]], bool]:
    """Counts of the articles by year, and of the countries, organizations, people and
    kinds of event they mention: one grouped query each, whatever the number of results.
    The years count every result; the rest count the first FACET_SAMPLE results (of a
    search: its newest), and the second value says whether there were more (the page says
    so). A search's years and sample come from what it `found`, without a query."""
    if found is None:
        sample = list(articles.values_list("pk", flat=True)[: FACET_SAMPLE + 1])
        years = list(
            articles.order_by()
            .exclude(published_on=None)
            .annotate(year=ExtractYear("published_on"))
            .values_list("year")
            .annotate(n=Count("id"))
            .order_by("-year")
        )
    else:
        sample = found.ids[: FACET_SAMPLE + 1]
        years = sorted(Counter(day.year for day in found.dates if day).items(), reverse=True)
    sampled = len(sample) > FACET_SAMPLE
    mentions = Mention.objects.filter(article__any_of=sample[:FACET_SAMPLE]).exclude(
        review_status="rejected"
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
        "year": years,
        "country": list(countries),
        "organization": list(organizations),
        "person": list(persons),
        "event_kind": list(event_kinds),
    }, sampled
