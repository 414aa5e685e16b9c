"""Full-text search and facet counts over published articles: one small interface, so
PostgreSQL (weighted search vectors in a narrow table with a GIN index, ranked; see
migration 0008) and SQLite (words matched in the title and body) can differ, and a
faster engine can be put behind it later."""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from archive.models import (
    NEWEST_FIRST,
    Article,
    Event,
    Mention,
    MentionKind,
    Organization,
    Person,
)

FACETED = (MentionKind.NAME, MentionKind.EVENT)  # the kinds of mention the facets count

# `find` keeps this many of the newest matching articles; `search` keeps every match.
SEARCH_NEWEST = 1000


@dataclass
class Found:
    """What a search kept: the matching articles' ids, newest first, with their dates and
    relevance, read once, so that a page's count, rows, order and facets do not each
    search again."""

    ids: list[int]
    dates: list[date | None]
    ranks: list[float]

    def among(self, articles):
        """The kept articles of `articles`, in the queryset's own order."""
        return articles.filter(pk__any_of=set(self.ids))

    def by_relevance(self) -> list[int]:
        """The kept ids most relevant first; the newest first among equals."""
        order = sorted(range(len(self.ids)), key=lambda i: -self.ranks[i])
        return [self.ids[i] for i in order]


def find(articles, query: str) -> Found:
    """The SEARCH_NEWEST newest articles among `articles` that match every word of `query`.

    Bounded because a common word matches most of the archive: ranking every match means
    reading every match's search vector (355 ms at 100,000 articles, against a few ms for
    a thousand)."""
    query = " ".join(query.split())
    if connection.vendor == "postgresql":
        tsquery, words = _tsquery(query)
        # Chosen in the search table, which holds status and dates (migration 0008).
        if articles.query.where == Article.objects.published().query.where:
            among, params = "published", []
        else:
            subquery, params = articles.order_by().values("pk").query.sql_with_params()
            among = f"article_id IN ({subquery})"
        with connection.cursor() as cursor:
            # Ranked outside the LIMIT: inside, PostgreSQL ranks every match first.
            cursor.execute(
                f"SELECT article_id, published_on, ts_rank(vector, {tsquery}) FROM"
                f" (SELECT article_id, published_on, vector FROM archive_articlesearch"
                f"  WHERE vector @@ ({tsquery}) AND {among}"
                "  ORDER BY published_on DESC NULLS LAST, article_id DESC LIMIT %s) AS kept"
                " ORDER BY published_on DESC NULLS LAST, article_id DESC",
                [*words, *words, *params, SEARCH_NEWEST],
            )
            kept = cursor.fetchall()
    else:
        matches = articles
        for word in query.split():
            matches = matches.filter(Q(title__icontains=word) | Q(body__icontains=word))
        in_title = Case(  # a word in the title counts; SQLite has no better measure
            *(When(title__icontains=word, then=Value(1)) for word in query.split()),
            default=Value(0),
            output_field=IntegerField(),
        )
        kept = matches.annotate(rank=in_title).order_by(*NEWEST_FIRST)
        kept = list(kept.values_list("pk", "published_on", "rank")[:SEARCH_NEWEST])
    return Found([row[0] for row in kept], [row[1] for row in kept], [row[2] for row in kept])


def search(articles, query: str):
    """Every article of `articles` that matches every word of `query` (PostgreSQL: its
    text search, SQLite: the words in the title or the body), in the queryset's order;
    all of them when the query has no words."""
    query = " ".join(query.split())
    if not query:
        return articles
    if connection.vendor == "postgresql":
        tsquery, words = _tsquery(query)
        matching = f"SELECT article_id FROM archive_articlesearch WHERE vector @@ ({tsquery})"
        return articles.filter(pk__in=RawSQL(matching, words))
    for word in query.split():
        articles = articles.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return articles


# Runs of Chinese, Japanese and Korean script: no spaces (or particles glued to nouns), so
# PostgreSQL indexes them as overlapping pairs of characters too (migration 0012).
_CJK_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff]+")


def _tsquery(query: str) -> tuple[str, list[str]]:
    """The PostgreSQL text query for `query`, as SQL and its parameters: its other words as
    a web search in English, and each run of CJK script as its pairs of characters, each
    next to the one before ("中国科学院": 中国 <-> 国科 <-> 科学 <-> 学院)."""
    parts, params = [], []
    words = _CJK_RUN.sub(" ", query).strip()
    if words:
        parts.append("websearch_to_tsquery('english', %s)")
        params.append(words)
    for run in _CJK_RUN.findall(query):
        parts.append("phraseto_tsquery('simple', %s)")
        params.append(" ".join(run[i : i + 2] for i in range(max(len(run) - 1, 1))))
    return " && ".join(parts), params


FACET_SIZE = 10
# Facets other than the year count the newest this many results: counting the mentions of
# every article of a large result set costs seconds at 100,000 articles.
FACET_SAMPLE = 1000


@dataclass
class Summary:
    """What a list of results says beside its page: how many there are, and the facets
    that narrow them (`sampled`: the facets other than the year counted only the newest
    FACET_SAMPLE results; the page says so)."""

    count: int
    facets: dict[str, list[tuple]]
    sampled: bool


def summarize(articles, found: Found | None = None) -> Summary:
    """The count of `articles` and their facets: the years, and the countries,
    organizations, people and kinds of event they mention. A search's count, years and
    sample come from what it `found`; a list's from one query by day."""
    if found is None:
        newest = articles.order_by(*NEWEST_FIRST).values_list("pk", flat=True)
        sample = list(newest[: FACET_SAMPLE + 1])
        # By day, not by year: grouping the date index's own values is twice as fast.
        by_day = articles.order_by().values_list("published_on").annotate(n=Count("id"))
        count, by_year = 0, Counter()
        for day, n in by_day:
            count += n
            if day:
                by_year[day.year] += n
    else:
        sample = found.ids[: FACET_SAMPLE + 1]
        count, by_year = len(found.ids), Counter(day.year for day in found.dates if day)
    facets = {"year": sorted(by_year.items(), reverse=True), **_mentioned(sample[:FACET_SAMPLE])}
    return Summary(count, facets, len(sample) > FACET_SAMPLE)


def _mentioned(articles: list[int]) -> dict[str, list[tuple]]:
    """How many of these articles name each country, organization and person, and hold
    each kind of event, most first: the mentions are read once (from their index alone)
    and counted here, then only the records they name are looked up."""
    # the ids of the articles that name each organization and person, or hold each event
    organizations, persons, events = defaultdict(set), defaultdict(set), defaultdict(set)
    mentions = (
        Mention.objects.filter(article__any_of=set(articles), kind__in=FACETED)
        .exclude(review_status="rejected")
        .order_by()
        .values_list("article_id", "kind", "organization_id", "person_id", "event_id")
    )
    event_kind = MentionKind.EVENT.value
    for article, kind, organization, person, event in mentions:
        if kind == event_kind:
            if event:
                events[event].add(article)
        else:
            if organization:
                organizations[organization].add(article)
            if person:
                persons[person].add(article)

    by_country, by_organization = defaultdict(set), {}
    for pk, slug, name, country, public in Organization.objects.filter(
        pk__any_of=organizations.keys()
    ).values_list("pk", "slug", "name", "country", "is_public"):
        if country:
            by_country[(country,)] |= organizations[pk]
        if public:
            by_organization[slug, name] = organizations[pk]
    by_person = {
        (slug, name): persons[pk]
        for pk, slug, name in Person.objects.public()
        .filter(pk__any_of=persons.keys())
        .values_list("pk", "slug", "name")
    }
    by_event_kind = defaultdict(set)
    for pk, kind in Event.objects.filter(pk__any_of=events.keys(), hidden=False).values_list(
        "pk", "kind"
    ):
        by_event_kind[(kind,)] |= events[pk]

    def most(counted: dict[tuple, set], size: int | None = FACET_SIZE) -> list[tuple]:
        """(key..., count) most first, then by the key's last part (a name or code)."""
        rows = [(*key, len(ids)) for key, ids in counted.items()]
        return sorted(rows, key=lambda row: (-row[-1], row[-2]))[:size]

    return {
        "country": most(by_country),
        "organization": most(by_organization),
        "person": most(by_person),
        "event_kind": most(by_event_kind, None),
    }
