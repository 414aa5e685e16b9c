"""Import throughput: a fresh import of a synthetic corpus, then an unchanged re-import.

    python bench/import_speed.py [--count 10000] [--database-url URL [--flush]]

Without --database-url the archive is a new SQLite file in a temporary folder. A database
given by --database-url is emptied first, so one that holds articles is refused unless
--flush says to empty it. Prints articles per second for both runs."""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--flush", action="store_true", help="empty the database even if it holds articles"
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "false"  # no query log in memory
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from archive.importing.pipeline import import_files
    from bench.generate_corpus import generate

    call_command("migrate", verbosity=0)
    if args.database_url:
        from archive.models import Article

        held = Article.objects.count()
        if held and not args.flush:
            raise SystemExit(
                f"{args.database_url} holds {held:,} articles, which this benchmark would"
                " delete: give another database, or --flush to empty this one"
            )
        call_command("flush", interactive=False, verbosity=0)
    paths = generate(workdir / "corpus", args.count)
    print(f"{args.count} synthetic articles on {connection.vendor}")

    for label in ("fresh import", "unchanged re-import"):
        started = time.perf_counter()
        report = import_files(paths)
        elapsed = time.perf_counter() - started
        assert not report.failures, report.failures[:3]
        print(f"{label:>20}: {args.count / elapsed:8.0f} articles/s ({elapsed:.1f} s)")
    from archive.models import Event, Mention, Organization, Person

    print(
        f"{'rows':>20}: {Organization.objects.count()} organizations, "
        f"{Person.objects.count()} people, {Event.objects.count()} events, "
        f"{Mention.objects.count()} mentions"
    )


if __name__ == "__main__":
    main()
