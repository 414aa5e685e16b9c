"""Server time of every public page type, API list and detail, search and admin changelist,
with the database queries each request makes.

    python bench/latency.py [--database-url postgres://…/bench] [--samples 30] [--only WORD]
                            [--queries]

Run bench/fill.py first. Requests go through Django's whole stack in this process (URL
routing, middleware, views, templates, serializers), without a network: the time is the
server's. Detail pages cycle through different records, so no one row stays hot. The
article list and search keep their counts and facets until the database's next write
(archive.cached): their lines "after a write" write to the database before every sample,
so each request computes everything, as the first after an edit or an import does.
Prints p50 and p95 in milliseconds, the most queries any sample made, and the target;
with --queries, also each query of the last sample with its time, slowest first."""

import argparse
import gc
import statistics
import time

from common import BENCH_DATABASE_URL, setup_django

TARGETS_MS = {"page": 50, "api": 50, "search": 100, "admin": 300}


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
        "two common words": "cooperation research",
    }


def cases(samples: int) -> list[tuple[str, str, list[str]]]:
    """(group, label, paths): a path per sample, different records where there are any.
    A label that ends in AFTER_A_WRITE is measured with a write before each sample."""
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
    pages += [(label + AFTER_A_WRITE, paths) for label, paths in pages[:4]]
    search = []
    for label, term in search_terms().items():
        search.append((f"site search, {label}", [f"/articles/?q={term}"]))
        search.append((f"site search, {label}, by date", [f"/articles/?q={term}&sort=date"]))
        search.append((f"site search, {label}{AFTER_A_WRITE}", [f"/articles/?q={term}"]))
        search.append((f"API search, {label}", [f"/api/articles/?q={term}"]))
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


AFTER_A_WRITE = ", after a write"


def write_to_the_database() -> None:
    """A write such as an edit or an import makes: it moves PostgreSQL's write position,
    so nothing cached before it is served (archive.cached)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_write (at timestamptz)")
        cursor.execute("INSERT INTO bench_write VALUES (now())")


def measure(
    client, paths: list[str], samples: int, *, after_a_write: bool = False
) -> tuple[list[float], list[dict], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for path in paths[:2]:  # warm the code paths, not the rows
        client.get(path)
    times, most_queries, status = [], [], 200
    for i in range(samples):
        path = paths[i % len(paths)]
        if after_a_write:
            write_to_the_database()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
            times.append((time.perf_counter() - started) * 1000)
        if len(queries) >= len(most_queries):
            most_queries = queries.captured_queries
        if response.status_code != 200:
            status = response.status_code
    return times, most_queries, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=BENCH_DATABASE_URL)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--only", default="", help="measure only the cases whose label has this")
    parser.add_argument("--queries", action="store_true", help="print each query and its time")
    args = parser.parse_args()
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
    print(f"{'':8} {'':48} {'p50':>7} {'p95':>7} {'queries':>8}  target")
    missed = 0
    for group, label, paths in all_cases:
        if args.only not in label:
            continue
        client = admin if group == "admin" else anonymous
        after_a_write = label.endswith(AFTER_A_WRITE)
        times, queries, status = measure(client, paths, args.samples, after_a_write=after_a_write)
        p50, p95 = statistics.median(times), percentile(times, 95)
        target = TARGETS_MS[group]
        verdict = "ok" if p95 <= target and status == 200 else "MISSED"
        missed += verdict == "MISSED"
        note = "" if status == 200 else f" (HTTP {status})"
        print(
            f"{group:8} {label:48} {p50:7.1f} {p95:7.1f} {len(queries):8}  "
            f"p95 ≤ {target} ms {verdict}{note}"
        )
        if args.queries:
            for query in sorted(queries, key=lambda q: -float(q["time"])):
                print(f"{float(query['time']) * 1000:>75.1f}  {query['sql'][:300]}")
    print(f"{missed} missed")


if __name__ == "__main__":
    main()
