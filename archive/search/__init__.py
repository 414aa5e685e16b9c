"""Search over every published article: the exact count of matches, every match ranked
(or ordered by date or title), facets counted over all matches, snippets with the
query's words marked. The index (archive.search.index) answers; the database stays the
source of truth and the rows shown are read from it.

    results = search.run(search.Search(text="forum", countries=("KR",)))
    results.count, results.page(0, 20), results.facets()
"""

from dataclasses import dataclass
from datetime import date

import tantivy

from archive.models import Organization, Person
from archive.search import facets, index, totals, words
from archive.search.index import Rebuilding, apply_queue, build, in_step
from archive.search.marking import Hit, Marking

__all__ = ["Hit", "Rebuilding", "Results", "Search", "apply_queue", "build", "in_step", "run"]

ORDERS = ("relevance", "newest", "oldest", "title")
FACETS = ("year", "country", "organization", "person", "event_kind")
FACET_SIZE = 10
# The count is taken in the same pass over the matches as the first this many (the first
# page of the site's list): a second pass over all matches only for pages after it.
FIRST_HITS = 20
# Organizations and people are counted from the index's totals less what the articles not
# matched name when these are few: counting costs in proportion to the names they hold.
FROM_TOTALS = 0.9
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


def run(search: Search, with_facets: bool = False) -> "Results":
    return Results(search, with_facets)


class Results:
    """One search, read from one view of the index: its count, pages and facets agree."""

    def __init__(self, search: Search, with_facets: bool = False):
        """`with_facets`: start counting the facets at once, while the page is read."""
        self.search = search
        ix, self.searcher, path, at = index.reading()
        self.schema = ix.schema
        self.totals = totals.of(path, at) if at is not None else None
        self.words = words.query(self.schema, search.text) if search.text.strip() else None
        self.empty = bool(search.text.strip()) and self.words is None  # no word to look for
        self.query = self._combined(_filters(self.schema, search))
        self.count, self._first = 0, []
        if not self.empty:
            found = self._search(0, FIRST_HITS, count=True)
            self.count, self._first = found.count, [address for _, address in found.hits]
        self._counting = None
        if with_facets:
            self._start_facets()

    def _combined(self, filters: list) -> tantivy.Query:
        main = self.words or tantivy.Query.all_query()
        if not filters:
            return main
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, main), *filters])

    def ids(self, offset: int, limit: int) -> list[int]:
        """The ids of the matches from `offset`, at most `limit`, in the asked order."""
        return [hit.id for hit in self._hits(offset, limit)]

    def _hits(self, offset: int, limit: int) -> list["_Found"]:
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
        marking = Marking(self.searcher, self.schema, self.words, self.search.text)
        return [marking.hit(one.id, self.searcher.doc(one.address)) for one in found]

    def _start_facets(self) -> None:
        if self.empty or not self.count or self._counting:
            return
        years_query = self.query
        if self.search.years:  # the other years stay on offer: any chosen year does
            years_query = self._combined(_filters(self.schema, self.search, years=False))
        size = FACET_SIZE + _FACET_SPARE
        matched_most = self.count >= FROM_TOTALS * self.searcher.num_docs
        most = self.totals if matched_most else None
        self._counting = facets.Counting(self.searcher, self.query, years_query, size, most)

    def facets(self) -> dict[str, list[tuple]]:
        """Every facet counted over all matches, most first: (year, n) newest first,
        (country, n), (slug, name, n) of organizations and people, (kind, n)."""
        self._start_facets()
        if self._counting is None:
            return {name: [] for name in FACETS}
        found = self._counting.result()
        found["organization"] = _named(Organization, found["organization"])
        found["person"] = _named(Person, found["person"])
        return {name: found[name] for name in FACETS}


@dataclass(frozen=True)
class _Found:
    id: int
    address: tantivy.DocAddress


def _named(model, counted: list[tuple[int, int]]) -> list[tuple[str, str, int]]:
    """(slug, name, count) of the public records among the counted ids, most first."""
    records = model.objects.public().filter(pk__in=[int(pk) for pk, _ in counted])
    names = {pk: (slug, name) for pk, slug, name in records.values_list("pk", "slug", "name")}
    rows = [(*names[int(pk)], n) for pk, n in counted if int(pk) in names]
    return sorted(rows, key=lambda row: (-row[2], row[1]))[:FACET_SIZE]
