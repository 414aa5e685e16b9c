"""Server time of every public page type, API list and detail, search and admin changelist,
with the database queries each request makes.

    python bench/latency.py [--database-url postgres://…/bench] [--samples 30]
                            [--only WORD [--only WORD ...]] [--queries]

Run bench/fill.py first. Requests go through Django's whole stack in this process (URL
routing, middleware, views, templates, serializers), without a network: the time is the
server's. Detail pages cycle through different records, so no one row stays hot.

Each line is measured twice. The headline is the uncached path: a write to the archive
before every sample (one published article touched), so that nothing kept until the
archive's next write (archive.cached) serves it, as in production, where editors and
imports write all day; the writer applies the search index's queue (that one article
indexed again, archive.search.index) as the site's and the API's writes do, or, with
--search-applies, the next search does, as after a write outside the archive's code; the figures
computed ahead (archive.summary) are then a build behind, and read as they are (no build
starts while this runs: ARCHIVE_SUMMARY_MIN_INTERVAL is set out of reach). Beside it, the
same requests without writes, from the cache where a page has one. The target is the
uncached p95's. Prints p50 and p95 in milliseconds and the most queries any sample made;
with --queries, each query of the slowest uncached sample, timed to a tenth of a
millisecond, slowest first."""

import argparse
import gc
import os
import statistics
import time
from dataclasses import dataclass

from common import BENCH_DATABASE_URL, setup_django

# The figures computed ahead are read as the last build left them: no build starts while
# this measures (it would take the cores from the requests measured).
os.environ.setdefault("ARCHIVE_SUMMARY_MIN_INTERVAL", str(10**9))

TARGETS_MS = {"page": 50, "api": 50, "search": 30, "admin": 300}  # search: issue #17


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def search_terms() -> dict[str, str]:
    """Words of the synthetic corpus by how many articles hold them (fill.py's corpus):
    "cooperation" nearly all, a city one in five, a title's number one."""
    return {
        "common": "cooperation",
        "medium": "Daejeon",
        "rare": "4242",
        "two common words": "university cooperation",
    }


def readers_pages(samples: int) -> list[tuple[str, list[str]]]:
    """The directories, the networks and the countries side by side."""
    from archive.models import OrganizationFigures, Tie

    figures = OrganizationFigures.objects.filter(organization__is_public=True)
    tied = list(figures.order_by("organization").values_list("organization__slug", flat=True))
    step = max(1, len(tied) // samples)
    most_tied = figures.order_by("-partners").values_list("organization__slug", flat=True)[0]
    ties = list(Tie.objects.order_by("id").values_list("low__slug", "high__slug"))
    tie_step = max(1, len(ties) // samples)
    strongest = Tie.objects.order_by("-total").values_list("low__slug", "high__slug")[0]
    return [
        ("organizations", ["/organizations/"]),
        ("organizations, by how often named, page 5", ["/organizations/?sort=named&page=5"]),
        ("organizations, a letter, country and kind", ["/organizations/?letter=K&country=KR"]),
        ("people", ["/people/"]),
        ("people, by how often named, page 40", ["/people/?sort=named&page=40"]),
        ("people, a name", ["/people/?q=kim"]),
        ("network", ["/network/"]),
        ("network, a period", ["/network/?since=2015&until=2018"]),
        ("network, a country and a kind", ["/network/?country=JP&via=event"]),
        (
            "network of an organization",
            [f"/organizations/{slug}/network/" for slug in tied[::step]],
        ),
        ("network of the most tied organization", [f"/organizations/{most_tied}/network/"]),
        ("tie", [f"/network/{low}/{high}/" for low, high in ties[::tie_step][:samples]]),
        ("tie, the strongest", [f"/network/{strongest[0]}/{strongest[1]}/"]),
        ("countries", ["/countries/"]),
        ("countries, China and Korea", ["/countries/china-korea/"]),
        ("countries, the three", ["/countries/china-japan-korea/"]),
    ]


def cases(samples: int) -> list[tuple[str, str, list[str]]]:
    """(group, label, paths): a path per sample, different records where there are any."""
    from django.db.models import Count

    from archive.models import Agreement, Article, Event, Organization, Person

    def spread(queryset) -> list:
        ids = list(queryset.order_by("id").values_list("id", flat=True))
        step = max(1, len(ids) // samples)
        return list(queryset.model.objects.filter(id__in=ids[::step][:samples]))

    def most_named(model):
        return model.objects.public().annotate(n=Count("mentions")).order_by("-n").first()

    articles = spread(Article.objects.published())
    orgs = spread(Organization.objects.public())
    people = spread(Person.objects.public())
    agreements = spread(Agreement.objects.public())
    events = spread(Event.objects.public())
    pages = [
        ("home", ["/"]),
        ("article list", ["/articles/"]),
        ("article list, page 2000", ["/articles/?page=2000"]),
        ("article list, year facet", ["/articles/?year=2019"]),
        ("article", [a.get_absolute_url() for a in articles]),
        ("organization", [o.get_absolute_url() for o in orgs]),
        ("organization, the most named", [most_named(Organization).get_absolute_url()]),
        ("person", [p.get_absolute_url() for p in people]),
        ("person, the most named", [most_named(Person).get_absolute_url()]),
        ("agreement list", ["/agreements/"]),
        ("agreement", [a.get_absolute_url() for a in agreements]),
        ("event list", ["/events/"]),
        ("event list, of an organization", [f"/events/?organization={o.slug}" for o in orgs]),
        ("agreement list, of a person", [f"/agreements/?person={p.slug}" for p in people]),
        ("event", [e.get_absolute_url() for e in events]),
        ("feed (RSS)", ["/articles/feed/rss/"]),
        ("organization feed", [f"{o.get_absolute_url()}feed/" for o in orgs]),
        ("sitemap.xml", ["/sitemap.xml"]),
    ]
    api = []
    for name, records in (
        ("articles", articles),
        ("organizations", orgs),
        ("persons", people),
        ("agreements", agreements),
        ("events", events),
    ):
        api.append((f"/api/{name}/", [f"/api/{name}/"]))
        api.append((f"/api/{name}/ID/", [f"/api/{name}/{r.pk}/" for r in records]))
    api.append(("/api/mentions/", ["/api/mentions/"]))
    api.append(("/api/articles/?published_after=", ["/api/articles/?published_after=2020-01-01"]))
    pages += readers_pages(samples)
    search = []
    for label, term in search_terms().items():
        query = term.replace(" ", "+")
        search.append((f"site search, {label}", [f"/articles/?q={query}"]))
        search.append((f"site search, {label}, newest", [f"/articles/?q={query}&sort=newest"]))
        search.append((f"API search, {label}", [f"/api/articles/?q={query}"]))
    admin = [
        (f"/admin/archive/{model}/", [f"/admin/archive/{model}/"])
        for model in ("article", "organization", "person", "agreement", "event", "mention")
    ]
    admin += [
        ("/admin/archive/article/?q=", ["/admin/archive/article/?q=graphene"]),
        (
            "/admin/archive/mention/ review queue",
            ["/admin/archive/mention/?review_status=unreviewed"],
        ),
    ]
    return (
        [("page", label, paths) for label, paths in pages]
        + [("api", label, paths) for label, paths in api]
        + [("search", label, paths) for label, paths in search]
        + [("admin", label, paths) for label, paths in admin]
    )


_TOUCHED: list[int] = []
# Who applies the search index's queue after the write: the writer, as the site's, the
# API's and the import's writes do (archive.middleware.SearchIndexInStep), or the next
# search, as after a write outside the archive's code (--search-applies).
WRITER_APPLIES = True


def write_to_the_archive() -> None:
    """The smallest write an edit makes: one published article touched. It moves the
    archive's revision on, so nothing cached before it is served (archive.cached), and
    queues that one article for the search index (archive.search.index), which the writer
    applies (see WRITER_APPLIES): the next search reads a searcher it has not read yet."""
    from django.db import connection

    from archive.models import Article
    from archive.search import index

    if not _TOUCHED:
        _TOUCHED.append(Article.objects.published().order_by("id").values_list("id", flat=True)[0])
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE archive_article SET updated_at = updated_at WHERE id = %s", [_TOUCHED[0]]
        )
    if WRITER_APPLIES:
        index.apply_queue()


class Timed:
    """Each query of a request with its time, to a tenth of a millisecond (Django's own
    record rounds to whole milliseconds)."""

    def __init__(self) -> None:
        self.queries: list[tuple[float, str]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append(((time.perf_counter() - started) * 1000, sql))


@dataclass
class Measured:
    times: list[float]
    queries: list[tuple[float, str]]  # of the slowest sample
    status: int

    @property
    def p50(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        return percentile(self.times, 95)


def measure(client, paths: list[str], samples: int, *, uncached: bool) -> Measured:
    from django.db import connection

    for path in paths[:2]:  # warm the code paths, not the rows
        client.get(path)
    times, slowest, status = [], [], 200
    for i in range(samples):
        path = paths[i % len(paths)]
        if uncached:
            write_to_the_archive()
        timed = Timed()
        with connection.execute_wrapper(timed):
            started = time.perf_counter()
            response = client.get(path)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
            times.append((time.perf_counter() - started) * 1000)
        if times[-1] >= max(times):
            slowest = timed.queries
        if response.status_code != 200:
            status = response.status_code
    return Measured(times, slowest, status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=BENCH_DATABASE_URL)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="measure only the cases whose label has this (again for more)",
    )
    parser.add_argument("--queries", action="store_true", help="print each query and its time")
    parser.add_argument(
        "--search-applies",
        action="store_true",
        help="after each write, leave the search index's queue to the next search",
    )
    args = parser.parse_args()
    global WRITER_APPLIES
    WRITER_APPLIES = not args.search_applies
    setup_django(args.database_url)
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    from archive.models import Article

    editor, _ = User.objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    anonymous, admin = Client(SERVER_NAME="localhost"), Client(SERVER_NAME="localhost")
    admin.force_login(editor)
    print(
        f"{Article.objects.count()} articles on {connection.vendor}, "
        f"{args.samples} samples per line; times in ms"
    )
    all_cases = cases(args.samples)
    gc.freeze()  # as config/wsgi.py does in production, once the code is loaded
    print(
        f"{'':8} {'':44} {'uncached':>16} {'':>8}  {'cached':>16} {'':>8}\n"
        f"{'':8} {'':44} {'p50':>7} {'p95':>8} {'queries':>8}  {'p50':>7} {'p95':>8} "
        f"{'queries':>8}  target (uncached p95)"
    )
    missed = 0
    for group, label, paths in all_cases:
        if args.only and not any(word in label for word in args.only):
            continue
        client = admin if group == "admin" else anonymous
        uncached = measure(client, paths, args.samples, uncached=True)
        cached = measure(client, paths, args.samples, uncached=False)
        target = TARGETS_MS[group]
        status = uncached.status if uncached.status != 200 else cached.status
        verdict = "ok" if uncached.p95 <= target and status == 200 else "MISSED"
        missed += verdict == "MISSED"
        note = "" if status == 200 else f" (HTTP {status})"
        print(
            f"{group:8} {label:44} {uncached.p50:7.1f} {uncached.p95:8.1f} "
            f"{len(uncached.queries):8}  {cached.p50:7.1f} {cached.p95:8.1f} "
            f"{len(cached.queries):8}  p95 ≤ {target} ms {verdict}{note}"
        )
        if args.queries:
            for elapsed, sql in sorted(uncached.queries, key=lambda q: -q[0]):
                print(f"{elapsed:>70.1f}  {' '.join(sql.split())[:300]}")
    print(f"{missed} missed")


if __name__ == "__main__":
    main()
