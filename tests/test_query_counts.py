"""The database queries of every public page type and API endpoint, pinned: the same
number at 20 and at 200 articles, and the number written here, so that a change that adds
a query per row, or a query per request, fails.

Pages that show figures computed ahead (archive.summary) are measured with the figures
built, as readers meet them: the build runs once after a write (in the background on
PostgreSQL), not in the request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import summary
from archive.models import Agreement, Article, Event, Organization, Person

pytestmark = pytest.mark.django_db

# Every API read adds one query: when the archive last changed (its Last-Modified header,
# api.middleware), the end of an index of each table.
PINNED = {
    "/": 7,
    # The search index answers the count, order and facets: is the index built from this
    # database and is anything queued (one query), a page's rows, and the names of the
    # facets' top organizations and people.
    "/articles/": 4,
    "/articles/?q=delegation": 4,
    "/articles/?q=delegation&sort=newest&year=2015": 4,
    "/events/": 1,
    "/agreements/": 2,
    "article": 6,
    "organization": 11,
    "person": 9,
    "event": 6,
    "agreement": 7,
    "/articles/feed/rss/": 2,
    "organization feed": 4,
    "/sitemap.xml": 5,
    "/sitemap-articles.xml": 2,
    "/api/articles/": 3,
    "/api/articles/?q=delegation": 3,
    "/api/organizations/": 4,
    "/api/persons/": 5,
    "/api/agreements/": 5,
    "/api/events/": 4,
    "/api/mentions/": 2,
    "/api/articles/ID/": 6,
    "/api/organizations/ID/": 3,
    "/api/persons/ID/": 4,
    "/api/agreements/ID/": 4,
    "/api/events/ID/": 3,
    "/organizations/": 4,
    "/organizations/?sort=named&country=KR&q=institute": 4,
    "/people/?letter=K": 3,
    "/network/": 3,
    "/network/?since=2015&until=2018&via=article&country=KR": 3,
    "organization network": 5,
    "tie": 8,
    "/network/ties.gexf": 3,
    "/countries/": 1,
    "/countries/china-korea/": 6,
    "/articles/ID/cite.bib": 1,
}


def paths() -> dict[str, str]:
    article = Article.objects.published().order_by("id").first()
    org = Organization.objects.public().order_by("id").first()
    person = Person.objects.public().order_by("id").first()
    event = Event.objects.public().order_by("id").first()
    agreement = Agreement.objects.public().order_by("id").first()
    low, high = sorted(agreement.parties.all()[:2], key=lambda o: o.pk)
    records = {
        "article": article.get_absolute_url(),
        "organization": org.get_absolute_url(),
        "person": person.get_absolute_url(),
        "event": event.get_absolute_url(),
        "agreement": agreement.get_absolute_url(),
        "organization feed": f"{org.get_absolute_url()}feed/",
        "organization network": f"{org.get_absolute_url()}network/",
        "tie": f"/network/{low.slug}/{high.slug}/",
        "/articles/ID/cite.bib": f"{article.get_absolute_url()}cite.bib",
        "/api/articles/ID/": f"/api/articles/{article.pk}/",
        "/api/organizations/ID/": f"/api/organizations/{org.pk}/",
        "/api/persons/ID/": f"/api/persons/{person.pk}/",
        "/api/agreements/ID/": f"/api/agreements/{agreement.pk}/",
        "/api/events/ID/": f"/api/events/{event.pk}/",
    }
    return {name: records.get(name, name) for name in PINNED}


def queries_of(client, path: str) -> list[dict]:
    """The queries of one request, the looks at the archive's revision (archive.revision)
    aside."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        assert response.status_code == 200, path
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    return [q for q in captured.captured_queries if "FROM archive_revision" not in q["sql"]]


def queries(client) -> dict[str, int]:
    summary.figures()  # built, as after any write
    return {name: len(queries_of(client, path)) for name, path in paths().items()}


def import_corpus(tmp_path, count, run_import) -> None:
    from bench.generate_corpus import generate

    code, _, _ = run_import(*generate(tmp_path / f"corpus{count}", count), "--publish")
    assert code == 0


def test_queries_per_request_are_pinned_and_do_not_grow(client, tmp_path, run_import):
    import_corpus(tmp_path, 20, run_import)  # the fewest with an agreement
    small = queries(client)
    Article.objects.all().delete()
    import_corpus(tmp_path, 200, run_import)
    large = queries(client)
    assert small == large
    assert large == PINNED


def test_a_list_is_served_from_the_cache_until_the_next_write(client, tmp_path, run_import):
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL is cached (archive.cached)")
    import_corpus(tmp_path, 20, run_import)
    # From the cache: nothing for the home page. The articles page is not cached: the
    # search index answers it, at the same few queries every time.
    for path in ("/articles/", "/articles/?q=delegation&year=2015"):
        assert len({len(queries_of(client, path)) for _ in range(3)}) == 1, path
    for path, from_cache in (("/", 0),):
        summary.figures()  # built after each write, as in the background
        first, *_, cached = (queries_of(client, path) for _ in range(3))
        assert len(cached) == from_cache, path
        assert len(first) > len(cached)
        Article.objects.filter(pk=Article.objects.published().first().pk).update(title="Moved")
        summary.figures()
        assert len(queries_of(client, path)) == len(first)


def test_writes_outside_the_archive_keep_the_cache(client, tmp_path, run_import):
    """The cache is keyed on the archive's own writes (archive.revision): sessions, other
    tables and other databases on the server do not make a page compute again."""
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL is cached (archive.cached)")
    from django.contrib.sessions.backends.db import SessionStore

    import_corpus(tmp_path, 20, run_import)
    summary.figures()
    computed = len(queries_of(client, "/"))
    assert len(queries_of(client, "/")) < computed
    SessionStore().create()  # a write, but not to the archive
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE elsewhere (x int)")
        cursor.execute("INSERT INTO elsewhere VALUES (1)")
    assert len(queries_of(client, "/")) < computed
    Organization.objects.filter(pk=Organization.objects.public().first().pk).update(kind="other")
    summary.figures()
    assert len(queries_of(client, "/")) == computed
