"""Import throughput: a fresh import of a synthetic corpus, then an unchanged re-import,
for each kind of file the import takes.

    python bench/import_speed.py [--count N] [--kinds text,html,warc] [--database-url URL [--flush]]

The same articles are written as text pages (bench/generate_corpus.py), as saved HTML pages
and as WARC files of 1,000 pages each (bench/generate_pages.py). Each kind is imported into
an empty archive: without --database-url a new SQLite file in a temporary folder, with a
PostgreSQL URL that database, emptied first (one that holds articles is refused unless
--flush says to empty it). Prints pages per second for both runs, and
the CPU time a page took in this process and its extracting workers (not the database
server's): on a machine shared with other work, the figure that compares kinds."""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
KINDS = ("text", "html", "warc")


def cpu_seconds() -> float:
    """CPU time of this process and of its worker processes that have ended."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--kinds", default=",".join(KINDS), help="of " + ", ".join(KINDS))
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--flush", action="store_true", help="empty the database even if it holds articles"
    )
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    if set(kinds) - set(KINDS):
        parser.error(f"--kinds: of {', '.join(KINDS)}")

    workdir = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "false"  # no query log in memory
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from archive.importing.pipeline import import_files
    from archive.models import Article, Event, Mention, Organization, Person
    from bench.generate_corpus import generate
    from bench.generate_pages import generate_html, generate_warc

    generators = {"text": generate, "html": generate_html, "warc": generate_warc}
    call_command("migrate", verbosity=0)
    held = Article.objects.count()
    if args.database_url and held and not args.flush:
        raise SystemExit(
            f"{args.database_url} holds {held:,} articles, which this benchmark would"
            " delete: give another database, or --flush to empty this one"
        )
    print(f"{args.count} synthetic articles on {connection.vendor}")
    for kind in kinds:
        paths = generators[kind](workdir / kind, args.count)
        size = sum(path.stat().st_size for path in paths) / args.count
        call_command("flush", interactive=False, verbosity=0)
        for label in ("fresh import", "unchanged re-import"):
            started, cpu = time.perf_counter(), cpu_seconds()
            report = import_files(paths)
            elapsed, cpu = time.perf_counter() - started, cpu_seconds() - cpu
            assert not report.failures, report.failures[:3]
            print(
                f"{kind:>5} {label:>20}: {args.count / elapsed:8.0f} pages/s ({elapsed:.1f} s;"
                f" {1000 * cpu / args.count:.2f} ms CPU a page; {len(paths)} files,"
                f" {size / 1024:.1f} KB a page)"
            )
        assert Article.objects.count() == args.count
        print(
            f"{kind:>5} {'rows':>20}: {Organization.objects.count()} organizations, "
            f"{Person.objects.count()} people, {Event.objects.count()} events, "
            f"{Mention.objects.count()} mentions"
        )


if __name__ == "__main__":
    main()
