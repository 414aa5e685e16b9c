"""Fill a database with a synthetic archive through the real import, for the benchmarks.

    python bench/fill.py [--count 100000] [--database-url postgres://…/bench]

The corpus is written once to bench/corpus-vVERSION-COUNT/ (deterministic, so the same rows every
time); the PostgreSQL database is created if missing. Every article is imported and
published, then every twentieth is sent back to review, so that the benchmarks also prove
that what is not published stays hidden. Running it again changes nothing."""

import argparse
import time

from common import BENCH_DATABASE_URL, ROOT, create_postgres_database, setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--database-url", default=BENCH_DATABASE_URL)
    args = parser.parse_args()
    if args.database_url.startswith("postgres"):
        create_postgres_database(args.database_url)
    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    from archive.importing.pipeline import import_files
    from archive.models import Article, ArticleStatus, Event, Mention, Organization, Person
    from bench.generate_corpus import VERSION, generate

    corpus = ROOT / "bench" / f"corpus-v{VERSION}-{args.count}"
    if len(list(corpus.glob("*.txt"))) != args.count:
        print(f"writing {args.count} synthetic articles to {corpus}")
        paths = generate(corpus, args.count)
    else:
        paths = sorted(corpus.glob("*.txt"))
    call_command("migrate", verbosity=0)

    started = time.perf_counter()
    report = import_files(paths, publish=True)
    elapsed = time.perf_counter() - started
    if report.failures:
        raise SystemExit(f"{len(report.failures)} files failed, first: {report.failures[0]}")
    print(f"imported in {elapsed:.0f} s ({len(paths) / elapsed:.0f} articles/s)")

    every_twentieth = Article.objects.filter(source_file__regex=r"[0-9]*(00|20|40|60|80)\.txt$")
    every_twentieth.update(status=ArticleStatus.REVIEW)
    started = time.perf_counter()
    call_command("build_summary")  # the figures computed ahead, as after any import
    print(f"figures built in {time.perf_counter() - started:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    published = Article.objects.filter(status=ArticleStatus.PUBLISHED).count()
    print(
        f"{Article.objects.count()} articles ({published} published), "
        f"{Organization.objects.count()} organizations, {Person.objects.count()} people, "
        f"{Event.objects.count()} events, {Mention.objects.count()} mentions "
        f"on {connection.vendor}"
    )


if __name__ == "__main__":
    main()
