"""What the search index holds of an article: its words, and what the facets and filters
count — read from the database, which stays the source of truth."""

import hashlib
import re
from collections import defaultdict
from datetime import date

import tantivy

from archive.countries import COUNTRIES
from archive.models import Article, EventKind, Mention, MentionKind, ReviewStatus

# The facets of values an article holds several of, a few dozen at most (countries, kinds
# of event), are counted from one number an article whose bits say which it holds: a
# single value counts ten times faster than several (tantivy's terms aggregation).
BITS = {"country": sorted(COUNTRIES), "event_kind": sorted(EventKind.values)}

# A change to the fields below or to BITS: indexes of another version are rebuilt.
SCHEMA_VERSION = "4." + hashlib.sha1(repr(BITS).encode()).hexdigest()[:8]

# Chinese, Japanese and Korean write words without spaces between them (or glue particles
# to nouns): their runs are indexed as overlapping pairs of characters, and a query's runs
# match as a phrase of pairs ("中国科学院": 中国 国科 科学 学院).
CJK_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff]+")

UNDATED = 0
LAST = (1 << 31) - 1  # an undated article's day when the oldest come first


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    for field in ("title", "body", "names"):  # English words, matched by their stems
        builder.add_text_field(field, stored=True, tokenizer_name="en_stem")
    builder.add_text_field("cjk", tokenizer_name="default")
    # Orders and filters: the day (proleptic ordinal, 0 undated), and keys that break ties
    # by id as the database's orders do.
    builder.add_unsigned_field("day", indexed=True, fast=True)
    builder.add_unsigned_field("year", indexed=True, fast=True)
    for key in ("newest", "oldest"):
        builder.add_unsigned_field(key, fast=True)
    builder.add_text_field("title_key", tokenizer_name="raw", fast=True)
    for field in ("organization", "person", "event"):
        builder.add_unsigned_field(field, indexed=True, fast=True)
    for field in ("country", "event_kind", "source", "language"):
        builder.add_text_field(field, tokenizer_name="raw", fast=True)
    for field in BITS:
        builder.add_unsigned_field(f"{field}_bits", fast=True)
    return builder.build()


def bits(field: str, values) -> int:
    """The values (of BITS[field]) as one number; others are not counted."""
    return sum(1 << BITS[field].index(v) for v in set(values) if v in BITS[field])


def unbits(field: str, number: int) -> list[str]:
    return [value for i, value in enumerate(BITS[field]) if number >> i & 1]


def cjk_pairs(text: str) -> list[str]:
    """Each run of CJK script in `text` as its overlapping pairs of characters (a run of
    one character stays one)."""
    pairs = []
    for run in CJK_RUN.findall(text):
        pairs.extend(run[i : i + 2] for i in range(max(len(run) - 1, 1)))
    return pairs


def _order_keys(day: date | None, pk: int, title: str) -> dict[str, int]:
    ordinal = day.toordinal() if day else UNDATED
    return {
        "day": ordinal,
        "year": day.year if day else 0,
        "newest": (ordinal << 32) | pk,  # newest first: the greatest first
        "oldest": ((ordinal or LAST) << 32) | pk,  # oldest first, undated last
        "title_key": f"{title.casefold()}\0{pk:012d}",  # A to Z, then by id
    }


def documents(article_ids) -> list[tantivy.Document]:
    """The documents of those of `article_ids` that are published: ids of others are
    simply left out (their documents are deleted from the index)."""
    rows = Article.objects.published().filter(pk__in=article_ids).order_by()
    articles = rows.values_list("pk", "title", "body", "published_on", "source", "language")
    named = defaultdict(lambda: defaultdict(set))  # article -> field -> values
    mentions = (
        Mention.objects.filter(article__in=[row[0] for row in articles])
        .exclude(review_status=ReviewStatus.REJECTED)
        .order_by()
        .values_list(
            "article_id",
            "kind",
            "organization_id",
            "organization__name",
            "organization__acronym",
            "organization__country",
            "organization__hidden",
            "person_id",
            "person__name",
            "person__hidden",
            "event_id",
            "event__kind",
            "event__hidden",
        )
    )
    for article, kind, org, org_name, acronym, country, org_hidden, person, person_name, \
            person_hidden, event, event_kind, event_hidden in mentions:  # fmt: skip
        found = named[article]
        if org and not org_hidden:
            found["organization"].add(org)
            found["names"].add(f"{org_name} ({acronym})" if acronym else org_name)
            if country and kind == MentionKind.NAME:
                found["country"].add(country)
        if person and not person_hidden:
            found["person"].add(person)
            found["names"].add(person_name)
        if event and not event_hidden:
            found["event"].add(event)
            found["event_kind"].add(event_kind)
    made, fields = [], schema()
    for pk, title, body, day, source, language in articles:
        found = named[pk]
        values = {
            "id": pk,
            "title": title,
            "body": body,
            "names": "\n".join(sorted(found["names"])),
            "cjk": " ".join(cjk_pairs(f"{title}\n{body}")),
            "source": source,
            "language": language,
            **_order_keys(day, pk, title),
        }
        for name in ("organization", "person", "event", "country", "event_kind"):
            values[name] = sorted(found[name])
        for name in BITS:
            values[f"{name}_bits"] = bits(name, found[name])
        made.append(tantivy.Document.from_dict(values, fields))
    return made
