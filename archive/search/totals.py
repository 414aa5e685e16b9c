"""How many documents of the whole index name each organization and person, kept beside
the index by its writer: a search that matches most of the archive counts its facets as
these totals less what the articles it does not match name (a common word matches 94 %
of the archive; the 6 % it misses count sixteen times faster).

The writer keeps them in step: after a build, counted anew; after each application of
the queue, the replaced documents' names taken off and the new ones' added. They name
the index's opstamp, and a reader uses them only for a searcher of that opstamp."""

import json
from collections import Counter
from pathlib import Path

import tantivy

FIELDS = ("organization", "person")
FILE = "facet-totals.json"


def opstamp(path: Path) -> int:
    return json.loads((path / "meta.json").read_text())["opstamp"]


def counted(searcher, query, sizes: dict[str, int] | None = None) -> dict[str, Counter]:
    """Every value of FIELDS among the documents `query` matches (`sizes`: at most how
    many values a field has; tantivy makes room for as many as it is told)."""
    asked = {
        name: {"terms": {"field": name, "size": (sizes or {}).get(name, 1_000_000)}}
        for name in FIELDS
    }
    found = searcher.aggregate(query, asked)
    return {
        name: Counter({int(b["key"]): b["doc_count"] for b in found[name]["buckets"]})
        for name in FIELDS
    }


def write(path: Path, totals: dict[str, Counter]) -> None:
    kept = {name: {str(k): n for k, n in totals[name].items() if n > 0} for name in FIELDS}
    target = path / FILE
    partial = path / f"{FILE}.partial"
    partial.write_text(json.dumps({"opstamp": opstamp(path), **kept}))
    partial.replace(target)


def count_anew(path: Path, searcher) -> None:
    write(path, counted(searcher, tantivy.Query.all_query()))


class Change:
    """One application of the queue: the replaced documents' names, read before it."""

    def __init__(self, path: Path, searcher, replaced: tantivy.Query):
        self.path = path
        self.before = None
        kept = _read(path)
        if kept is not None and kept["opstamp"] == opstamp(path):
            self.before = (kept, counted(searcher, replaced))

    def done(self, searcher, replaced: tantivy.Query) -> None:
        """After the commit: the totals moved on by the change, or counted anew."""
        if self.before is None:
            count_anew(self.path, searcher)
            return
        kept, gone = self.before
        came = counted(searcher, replaced)
        totals = {}
        for name in FIELDS:
            totals[name] = Counter({int(k): n for k, n in kept[name].items()})
            totals[name].subtract(gone[name])
            totals[name].update(came[name])
        write(self.path, totals)


_cache: dict = {}


def _read(path: Path) -> dict | None:
    try:
        return json.loads((path / FILE).read_text())
    except (OSError, ValueError):
        return None


def of(path: Path, at: int) -> dict[str, dict[int, int]] | None:
    """The totals of the index at opstamp `at`, or None if its writer has not written
    them (yet)."""
    if (path, at) not in _cache:
        kept = _read(path)
        if kept is None or kept["opstamp"] != at:
            return None
        _cache.clear()
        _cache[(path, at)] = {name: {int(k): n for k, n in kept[name].items()} for name in FIELDS}
    return _cache[(path, at)]
