"""The facets count exactly what tantivy's aggregation counts over every match (archive.
search.facets): countries and kinds of event from one number an article, the organizations
and people named most with every one tied with the last of them."""

import pytest

from archive import search
from archive.search import facets

pytestmark = pytest.mark.django_db


def counted(field: str, results) -> dict:
    """Every value of `field` over the matches, by tantivy's own aggregation."""
    agg = results.searcher.aggregate(results.query, {field: facets.terms(field, 100_000)})
    return dict(facets.buckets(agg, field))


@pytest.mark.parametrize("text", ["", "cooperation", "Korea", "university", "forum"])
def test_the_top_holds_every_value_tied_with_the_last(site, text):
    results = search.run(search.Search(text=text))
    for field in ("organization", "person"):
        every = counted(field, results)
        for size in (1, 3, 10):
            top = dict(facets.top(results.searcher, results.query, field, size)[field])
            assert top, field
            assert all(every[value] == n for value, n in top.items())  # exact counts
            floor = sorted(every.values(), reverse=True)[min(size, len(every)) - 1]
            assert set(top) == {value for value, n in every.items() if n >= floor}


def test_countries_and_kinds_from_their_bits_are_the_aggregations(site):
    results = search.run(search.Search(text="cooperation"), with_facets=True)
    shown = results.facets()
    for field in ("country", "event_kind"):
        assert shown[field]
        assert dict(shown[field]) == counted(field, results)


def test_facets_counted_ahead_are_those_counted_when_asked(site):
    early = search.run(search.Search(text="Korea"), with_facets=True).facets()
    late = search.run(search.Search(text="Korea")).facets()
    assert early == late
    assert early["organization"]
    assert list(early) == ["year", "country", "organization", "person", "event_kind"]


def totals_now() -> dict:
    from archive.search import index, totals

    searcher, path = index.in_step().searcher(), index._opened.path
    kept = totals.of(path, totals.opstamp(path))
    assert kept is not None, "the writer left no totals for this opstamp"
    every = totals.counted(searcher, __import__("tantivy").Query.all_query())
    return kept, {name: dict(counter) for name, counter in every.items()}


def test_the_writer_keeps_the_totals_in_step_through_every_change(site):
    from archive.models import Article, ArticleStatus, Mention

    kept, every = totals_now()  # after the build
    assert kept == every
    held = Article.objects.get(source_file__startswith="004_")
    Article.objects.filter(pk=held.pk).update(status=ArticleStatus.PUBLISHED)
    kept, every = totals_now()  # one article added
    assert kept == every
    Mention.objects.filter(article=held, organization__isnull=False).first().delete()
    kept, every = totals_now()  # one replaced
    assert kept == every
    Article.objects.filter(pk=held.pk).update(status=ArticleStatus.REVIEW)
    kept, every = totals_now()  # one withdrawn
    assert kept == every


@pytest.mark.parametrize("text", ["", "-Qingdao"])
def test_a_search_matching_most_counts_from_the_totals_what_the_aggregation_counts(
    site, text, monkeypatch
):
    monkeypatch.setattr(search, "FROM_TOTALS", 0.7)  # three of the four seeds published
    results = search.run(search.Search(text=text), with_facets=True)
    assert results.count >= 0.7 * results.searcher.num_docs
    if text:  # some articles are not matched: their names are taken off the totals
        assert results.count < results.searcher.num_docs
    assert list(results._counting.named) == ["both"]  # the totals' way was taken
    shown = results.facets()
    direct = search.run(search.Search(text=text))
    direct.totals = None  # the aggregation's way
    assert direct.facets() == shown
    assert shown["organization"]
    assert shown["person"]
