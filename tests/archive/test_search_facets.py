"""The facets' shortcuts count exactly what tantivy's aggregation counts (archive.search.
facets): countries and kinds of event from one number an article, the organizations and
people named most by the threshold algorithm, before and after the index grows."""

import pytest

from archive import search
from archive.models import Article, ArticleStatus
from archive.search import facets, index

pytestmark = pytest.mark.django_db


def counted(field: str, results) -> dict:
    """Every value of `field` over the matches, by tantivy's own aggregation."""
    agg = results.searcher.aggregate(results.query, {field: facets.terms(field, 100_000)})
    return dict(facets.buckets(agg, field))


def by_threshold(field: str, results, size: int) -> dict:
    return dict(
        facets.top(
            results.searcher, results.path, results.schema, results.query, results.count,
            field, size,
        )
    )  # fmt: skip


@pytest.fixture
def always_candidates(monkeypatch):
    """The threshold algorithm even for a handful of matches, never the aggregation."""
    monkeypatch.setattr(facets, "AGGREGATE_UP_TO", -1)
    monkeypatch.setattr(facets, "CANDIDATES", 10**6)
    facets._Order.cache.clear()


@pytest.mark.parametrize("text", ["", "cooperation", "Korea", "university", "forum"])
def test_the_top_found_by_candidates_is_the_aggregations_top(site, always_candidates, text):
    results = search.run(search.Search(text=text))
    for field in ("organization", "person"):
        every = counted(field, results)
        for size in (1, 3, 10):
            top = by_threshold(field, results, size)
            assert top, field
            assert all(every[value] == n for value, n in top.items())  # exact counts
            floor = sorted(every.values(), reverse=True)[min(size, len(every)) - 1]
            # every value at or above the size-th count, and none below it
            assert set(top) == {value for value, n in every.items() if n >= floor}


def test_the_top_stays_exact_when_the_index_grows_after_its_order_was_read(site, always_candidates):
    results = search.run(search.Search())
    by_threshold("organization", results, 3)  # the candidates' order, read now
    held = Article.objects.get(source_file__startswith="004_")
    Article.objects.filter(pk=held.pk).update(status=ArticleStatus.PUBLISHED)
    results = search.run(search.Search())  # the queue applied: one more article
    assert results.count == 5
    every = counted("organization", results)
    top = by_threshold("organization", results, 3)
    floor = sorted(every.values(), reverse=True)[2]
    assert set(top) == {value for value, n in every.items() if n >= floor}


def test_countries_and_kinds_from_their_bits_are_the_aggregations(site):
    results = search.run(search.Search(text="cooperation"))
    shown = results.facets()
    for field in ("country", "event_kind"):
        assert dict(shown[field]) == counted(field, results)
        assert shown[field]


def test_the_order_is_read_again_once_the_index_has_grown(site, always_candidates, monkeypatch):
    monkeypatch.setattr(facets, "REREAD_AFTER", 0)
    results = search.run(search.Search())
    order, growth = facets._Order.of(results.searcher, results.path, "organization")
    assert growth == 0
    Article.objects.filter(source_file__startswith="004_").update(status=ArticleStatus.PUBLISHED)
    results = search.run(search.Search())
    assert results.path == index.current_path()
    again, growth = facets._Order.of(results.searcher, results.path, "organization")
    assert growth == 0
    assert sum(n for _, n in again) > sum(n for _, n in order)
