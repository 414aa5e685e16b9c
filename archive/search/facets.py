"""The facets of a search, counted over every match by tantivy's terms aggregation: years,
countries, kinds of event (all of them), and the organizations and people named most.

Counting costs in proportion to the values counted: a common word matches 94 % of the
archive, whose articles name a dozen organizations and people each (10 ms a facet at
100,000 articles). So:
- countries and kinds of event are one number an article (documents.BITS), which counts
  ten times faster than several values;
- the organizations and the people are counted at once, each in a thread of its own
  (tantivy releases Python's lock while it counts), beside whatever the request does
  meanwhile (the page's snippets);
- for a search that matches most of the archive, from the whole index's totals
  (archive.search.totals) less what the articles it does not match name: a common word's
  6 % instead of its 94 %."""

import heapq
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import tantivy

from archive.search import totals
from archive.search.documents import BITS, unbits

_counting = ThreadPoolExecutor(max_workers=3, thread_name_prefix="facets")


def terms(name: str, size: int) -> dict:
    return {"terms": {"field": name, "size": size}}


def buckets(counted: dict, name: str) -> list[tuple]:
    return [(bucket["key"], bucket["doc_count"]) for bucket in counted[name]["buckets"]]


class Counting:
    """The facets of one search, being counted: `result()` waits for them."""

    def __init__(self, searcher, query, years_query, size: int, whole=None):
        """`whole`: the index's totals (archive.search.totals), for a query that matches
        most of it: its counts are the totals less what the rest names."""
        self.bits = _counting.submit(years_and_bits, searcher, query, years_query)
        if whole is not None:
            rest = tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, tantivy.Query.all_query()),
                    (tantivy.Occur.MustNot, query),
                ]
            )
            self.named = {"both": _counting.submit(_less, searcher, rest, whole, size)}
        else:
            self.named = {
                name: _counting.submit(top, searcher, query, name, size)
                for name in ("organization", "person")
            }

    def result(self) -> dict[str, list[tuple]]:
        """(year, n) newest first; (country, n) and (kind, n) most first; (id, n) of the
        organizations and people named most (at least `size`, and every one tied with
        the last)."""
        found = self.bits.result()
        for future in self.named.values():
            found |= future.result()
        return found


def years_and_bits(searcher, query, years_query) -> dict[str, list[tuple]]:
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


def top(searcher, query, field: str, size: int) -> dict[str, list[tuple[int, int]]]:
    """{field: the `size` values of `field` the most matches hold, (value, n), with every
    value tied with the last of them}: asked for more until all the ties are in."""
    asked = size * 4
    while True:
        counted = buckets(searcher.aggregate(query, {field: terms(field, asked)}), field)
        floor = counted[size - 1][1] if len(counted) >= size else 1
        if len(counted) < asked or counted[-1][1] < floor:
            return {field: [(int(value), n) for value, n in counted if n >= floor]}
        asked *= 8


def _less(searcher, rest, whole: dict, size: int) -> dict[str, list[tuple[int, int]]]:
    """As `top` for every field of the totals, from the totals less what `rest` (the
    documents a query does not match) names."""
    missing = totals.counted(
        searcher, rest, {field: len(of_all) + 1 for field, of_all in whole.items()}
    )
    found = {}
    for field, of_all in whole.items():
        lost = missing[field]
        counts = [(value, n - lost[value]) for value, n in of_all.items()]
        largest = heapq.nlargest(size, (n for _, n in counts))
        floor = max(largest[-1], 1) if len(largest) == size else 1
        found[field] = sorted((row for row in counts if row[1] >= floor), key=lambda row: -row[1])
    return found
