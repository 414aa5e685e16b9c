"""The facets of a search, counted over every match: years, countries, kinds of event (all
of them), and the organizations and people named most (the top of them).

Counting every value of every match costs in proportion to the values: a common word
matches 94 % of the archive, whose articles name a dozen organizations and people each
(13 ms a facet at 100,000 articles with tantivy's terms aggregation). So:
- years, countries and kinds of event are one number an article (documents.BITS): ten
  times faster to count;
- the organizations and people named most are found by the threshold algorithm (Fagin):
  candidates in order of how many articles name them at all; each one's matches counted
  exactly (an intersection of two posting lists); it stops when the next candidate names
  fewer articles than the last of the top has matches, which no later one can beat. A
  search matching few articles, or one the candidates do not settle quickly, is counted by
  the aggregation instead. Either way the counts are exact."""

import heapq
import json
from collections import Counter
from typing import ClassVar

import tantivy

from archive.search.documents import BITS, unbits

# Candidates examined before the aggregation is used instead.
CANDIDATES = 120
# Below this many matches the aggregation is as fast as any candidate.
AGGREGATE_UP_TO = 4_000
# How many more documents an index may take before the order of candidates is read again
# (the bound on a candidate's count grows by one for each document added).
REREAD_AFTER = 2_000


def terms(name: str, size: int) -> dict:
    return {"terms": {"field": name, "size": size}}


def buckets(counted: dict, name: str) -> list[tuple]:
    return [(bucket["key"], bucket["doc_count"]) for bucket in counted[name]["buckets"]]


def years_and_bits(searcher, query, years_query) -> dict[str, list[tuple]]:
    """(year, n) newest first; (country, n) and (kind, n) most first."""
    asked = {name: terms(f"{name}_bits", 100_000) for name in BITS}
    if years_query is query:
        asked["year"] = terms("year", 10_000)
    counted = searcher.aggregate(query, asked)
    if years_query is not query:
        counted["year"] = searcher.aggregate(years_query, {"year": terms("year", 10_000)})["year"]
    found = {"year": sorted(((int(y), n) for y, n in buckets(counted, "year") if y), reverse=True)}
    for name in BITS:
        totals = Counter()
        for number, n in buckets(counted, name):
            for value in unbits(name, int(number)):
                totals[value] += n
        found[name] = sorted(totals.items(), key=lambda row: (-row[1], row[0]))
    return found


class _Order:
    """Every value of a field, most named first, as an index (one generation, at one
    opstamp) had them: the candidates' order, read again as the index grows."""

    cache: ClassVar[dict] = {}

    @classmethod
    def of(cls, searcher, path, field: str) -> tuple[list[tuple[int, int]], int]:
        """The values in order with how many documents held each, and how many documents
        may have been added since they were read (each may raise a value's count by one)."""
        opstamp = json.loads((path / "meta.json").read_text())["opstamp"]
        kept = cls.cache.get((path, field))
        if kept is None or opstamp - kept[1] > REREAD_AFTER:
            everything = searcher.aggregate(tantivy.Query.all_query(), {field: terms(field, 10**7)})
            order = [(int(value), n) for value, n in buckets(everything, field)]
            kept = cls.cache[(path, field)] = (order, opstamp)
        return kept[0], max(opstamp - kept[1], 0)


def top(searcher, path, schema, query, count: int, field: str, size: int) -> list[tuple[int, int]]:
    """At least the `size` values of `field` that the most matches hold, (value, n), every
    value tied with the last of them too, exactly counted."""
    if count <= AGGREGATE_UP_TO:
        return _aggregated(searcher, query, field, size)
    order, growth = _Order.of(searcher, path, field)
    best: list[tuple[int, int]] = []  # a heap of the top (n, value)
    counted = {}
    for examined, (value, named) in enumerate(order):
        if len(best) == size and named + growth < best[0][0]:
            break  # no later value can reach the top, nor one added since the order was read
        if examined == CANDIDATES:
            return _aggregated(searcher, query, field, size)
        both = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Must, query),
                (tantivy.Occur.Must, tantivy.Query.term_query(schema, field, value)),
            ]
        )
        n = searcher.search(both, 1, count=True).count
        if n:
            counted[value] = n
            if len(best) < size:
                heapq.heappush(best, (n, value))
            elif n > best[0][0]:
                heapq.heapreplace(best, (n, value))
    else:  # every candidate counted: values added since the order was read may be missing
        if growth and (len(best) < size or growth >= best[0][0]):
            return _aggregated(searcher, query, field, size)
    floor = best[0][0] if len(best) == size else 1
    return [(value, n) for value, n in counted.items() if n >= floor]


def _aggregated(searcher, query, field: str, size: int) -> list[tuple[int, int]]:
    """As `top`, by the aggregation: asked for more until every value tied with the
    size-th is in."""
    asked = size * 4
    while True:
        counted = buckets(searcher.aggregate(query, {field: terms(field, asked)}), field)
        floor = counted[size - 1][1] if len(counted) >= size else 1
        if len(counted) < asked or counted[-1][1] < floor:
            return [(int(value), n) for value, n in counted if n >= floor]
        asked *= 8
