"""Search over every published article: the exact count of matches, every match ranked
(or ordered by date or title), facets counted over all matches, snippets with the
query's words marked. The index (archive.search.index) answers; the database stays the
source of truth and the rows shown are read from it.

    results = search.run(search.Search(text="forum", countries=("KR",)))
    results.count, results.page(0, 20), results.facets()
"""

from dataclasses import dataclass, field
from datetime import date

import tantivy
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.models import EventKind, Organization, Person
from archive.search import words
from archive.search.index import Rebuilding, apply_queue, build, in_step

__all__ = ["Hit", "Rebuilding", "Results", "Search", "apply_queue", "build", "in_step", "run"]

ORDERS = ("relevance", "newest", "oldest", "title")
FACET_SIZE = 10
# The count is taken in the same pass over the matches as the first this many (the first
# page of the site's list): a second pass over all matches only for pages after it.
FIRST_HITS = 20
# Hidden records are left out of the index; records not yet public (no published support
# left) are dropped from a facet's top, so a few more are counted than shown.
_FACET_SPARE = 20


@dataclass(frozen=True)
class Search:
    """What a reader asks. Several values of one facet must all hold (an article naming
    both China and Korea), except years: an article has one, so any of them does."""

    text: str = ""
    years: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()
    organizations: tuple[int, ...] = ()
    persons: tuple[int, ...] = ()
    events: tuple[int, ...] = ()
    event_kinds: tuple[str, ...] = ()
    published_after: date | None = None
    published_before: date | None = None
    source: str = ""
    language: str = ""
    order: str = ""  # relevance when there are words, else newest

    @property
    def ordered_by(self) -> str:
        if self.order in ORDERS and (self.order != "relevance" or self.text.strip()):
            return self.order
        return "relevance" if self.text.strip() else "newest"


@dataclass
class Hit:
    id: int
    title: SafeString  # with the query's words marked
    snippet: SafeString  # a passage of the body with the query's words marked, or ""
    names: list[str] = field(default_factory=list)  # mentioned names the query matched


def _filters(schema, search: Search, *, years: bool = True) -> list:
    Q, Must = tantivy.Query, tantivy.Occur.Must
    clauses = []
    if years and search.years:
        clauses.append((Must, Q.term_set_query(schema, "year", list(search.years))))
    for name, values in (
        ("country", search.countries),
        ("organization", search.organizations),
        ("person", search.persons),
        ("event", search.events),
        ("event_kind", search.event_kinds),
    ):
        clauses.extend((Must, Q.term_query(schema, name, value)) for value in values)
    for name, value in (("source", search.source), ("language", search.language)):
        if value:
            clauses.append((Must, Q.term_query(schema, name, value)))
    if search.published_after or search.published_before:
        lower = search.published_after.toordinal() if search.published_after else 1
        upper = search.published_before.toordinal() if search.published_before else None
        day_range = Q.range_query(schema, "day", tantivy.FieldType.Unsigned, lower, upper)
        clauses.append((Must, day_range))
    return clauses


def run(search: Search) -> "Results":
    return Results(search)


class Results:
    """One search, read from one view of the index: its count, pages and facets agree."""

    def __init__(self, search: Search):
        self.search = search
        ix = in_step()
        self.schema, self.searcher = ix.schema, ix.searcher()
        self.words = words.query(self.schema, search.text) if search.text.strip() else None
        self.empty = bool(search.text.strip()) and self.words is None  # no word to look for
        self.query = self._combined(_filters(self.schema, search))
        self.count, self._first = 0, []
        if not self.empty:
            found = self._search(0, FIRST_HITS, count=True)
            self.count, self._first = found.count, [address for _, address in found.hits]

    def _combined(self, filters: list) -> tantivy.Query:
        main = self.words or tantivy.Query.all_query()
        if not filters:
            return main
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, main), *filters])

    def ids(self, offset: int, limit: int) -> list[int]:
        """The ids of the matches from `offset`, at most `limit`, in the asked order."""
        return [hit.id for hit in self._hits(offset, limit)]

    def _hits(self, offset: int, limit: int) -> list[tuple[int, tantivy.DocAddress]]:
        if self.empty or limit <= 0 or offset >= self.count:
            return []
        if offset + limit <= FIRST_HITS:  # what the first pass kept (top k, then skipped)
            addresses = self._first[offset : offset + limit]
        else:
            addresses = [address for _, address in self._search(offset, limit).hits]
        if not addresses:
            return []
        ids = self.searcher.fast_field_values("id", addresses)
        return [_Found(pk, address) for pk, address in zip(ids, addresses, strict=True)]

    def _search(self, offset: int, limit: int, count: bool = False):
        order = self.search.ordered_by
        if order == "relevance":
            return self.searcher.search(self.query, limit, count=count, offset=offset)
        key, direction = {
            "newest": ("newest", tantivy.Order.Desc),
            "oldest": ("oldest", tantivy.Order.Asc),
            "title": ("title_key", tantivy.Order.Asc),
        }[order]
        return self.searcher.search(
            self.query, limit, count=count, offset=offset, order_by_field=key, order=direction
        )

    def page(self, offset: int, limit: int) -> list[Hit]:
        """The matches from `offset`, with their titles and snippets marked."""
        found = self._hits(offset, limit)
        if not found:
            return []
        marking = _Marking(self.searcher, self.schema, self.words, self.search.text)
        return [
            marking.hit(found_one.id, self.searcher.doc(found_one.address)) for found_one in found
        ]

    def facets(self) -> dict[str, list[tuple]]:
        """Every facet counted over all matches, most first: (year, n) newest first,
        (country, n), (slug, name, n) of organizations and people, (kind, n)."""
        if self.empty or not self.count:
            return {
                name: [] for name in ("year", "country", "organization", "person", "event_kind")
            }
        terms = lambda name, size: {"terms": {"field": name, "size": size}}  # noqa: E731
        wanted = FACET_SIZE + _FACET_SPARE
        counted = self.searcher.aggregate(
            self.query,
            {
                "year": terms("year", 10_000),
                "country": terms("country", 1_000),
                "organization": terms("organization", wanted),
                "person": terms("person", wanted),
                "event_kind": terms("event_kind", 100),
            },
        )
        if self.search.years:  # the other years stay on offer: any chosen year does
            others = self._combined(_filters(self.schema, self.search, years=False))
            counted["year"] = self.searcher.aggregate(others, {"year": terms("year", 10_000)})[
                "year"
            ]
        bucket = lambda name: [(b["key"], b["doc_count"]) for b in counted[name]["buckets"]]  # noqa: E731
        kinds = dict(EventKind.choices)
        return {
            "year": sorted(((int(y), n) for y, n in bucket("year") if int(y)), reverse=True),
            "country": _most(bucket("country")),
            "organization": _named(Organization, bucket("organization")),
            "person": _named(Person, bucket("person")),
            "event_kind": _most([(k, n) for k, n in bucket("event_kind") if k in kinds]),
        }


@dataclass(frozen=True)
class _Found:
    id: int
    address: tantivy.DocAddress


def _most(rows: list[tuple]) -> list[tuple]:
    return sorted(rows, key=lambda row: (-row[-1], row[0]))


def _named(model, counted: list[tuple[int, int]]) -> list[tuple[str, str, int]]:
    """(slug, name, count) of the public records among the counted ids, most first."""
    records = model.objects.public().filter(pk__in=[int(pk) for pk, _ in counted])
    names = {pk: (slug, name) for pk, slug, name in records.values_list("pk", "slug", "name")}
    rows = [(*names[int(pk)], n) for pk, n in counted if int(pk) in names]
    return sorted(rows, key=lambda row: (-row[2], row[1]))[:FACET_SIZE]


class _Marking:
    """Titles, snippets and names of a page of hits, the query's words marked."""

    SNIPPET_CHARS = 240

    def __init__(self, searcher, schema, query, text: str):
        self.generators = {}
        if query is not None:
            for name, size in (("title", 1_000), ("body", self.SNIPPET_CHARS), ("names", 10_000)):
                generator = tantivy.SnippetGenerator.create(searcher, query, schema, name)
                generator.set_max_num_chars(size)
                self.generators[name] = generator
        self.runs = words.looked_for(text)

    def _marked(self, name: str, doc) -> tuple[str, list[tuple[int, int]]]:
        snippet = self.generators[name].snippet_from_doc(doc)
        fragment = snippet.fragment().encode()
        spans = [(r.start, r.end) for r in snippet.highlighted()]
        return fragment, spans

    def hit(self, pk: int, doc) -> Hit:
        title, body = doc.get_first("title") or "", doc.get_first("body") or ""
        if not self.generators:
            return Hit(pk, escape(title), mark_safe(""))
        fragment, spans = self._marked("title", doc)
        marked_title = _html(fragment, spans) if spans else escape(title)
        fragment, spans = self._marked("body", doc)
        snippet = _html(fragment, spans) if spans else _around_runs(body, self.runs)
        names_text, name_spans = self._marked("names", doc)
        return Hit(pk, marked_title, snippet, _names_matched(names_text, name_spans))


def _html(fragment: bytes, spans: list[tuple[int, int]]) -> SafeString:
    """The fragment as HTML, each span (byte offsets) in <mark>."""
    out, at = [], 0
    for start, end in sorted(spans):
        out.append(escape(fragment[at:start].decode()))
        out.append(f"<mark>{escape(fragment[start:end].decode())}</mark>")
        at = end
    out.append(escape(fragment[at:].decode()))
    return mark_safe("".join(out))


def _around_runs(body: str, runs: list[str], width: int = 120) -> SafeString:
    """A passage around the first CJK run of the query found in the body, marked."""
    for run in runs:
        at = body.find(run)
        if at >= 0:
            start = max(at - width // 2, 0)
            passage = body[start : start + width].encode()
            offset = len(body[start:at].encode())
            return _html(passage, [(offset, offset + len(run.encode()))])
    return mark_safe("")


def _names_matched(text: bytes, spans: list[tuple[int, int]]) -> list[str]:
    """The names (one a line) that hold a marked span."""
    names, at = [], 0
    for line in text.split(b"\n"):
        end = at + len(line)
        if any(at <= start < end for start, _ in spans):
            names.append(line.decode())
        at = end + 1
    return names
