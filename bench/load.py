"""Load test of the production setup: gunicorn with whitenoise on 127.0.0.1, 50 concurrent
visitors for 60 seconds over pages, search, API and a static file, with locust.

    pip install -e '.[bench]'
    python bench/load.py [--database-url postgres://…/bench] [--users 50] [--seconds 60]
                         [--pause 1]

Run bench/fill.py first. Each visitor pauses between 0.5 and 1.5 times --pause seconds
between requests (1 s: a reader's pace; 0: as fast as the server answers, which measures
its capacity). Prints requests per second, latency percentiles and errors per kind of
request, and exits non-zero if any request failed."""

import argparse
import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH_DATABASE_URL, ROOT, setup_django

BIN = Path(sys.executable).parent


def sample_paths(count: int = 200) -> dict[str, list[str]]:
    from archive.models import Article, Event, Organization, Person

    def urls(queryset) -> list[str]:
        return [r.get_absolute_url() for r in queryset.order_by("?")[:count]]

    articles = list(Article.objects.published().order_by("?")[:count])
    return {
        "article": [a.get_absolute_url() for a in articles],
        "organization": urls(Organization.objects.public()),
        "person": urls(Person.objects.public()),
        "event": urls(Event.objects.public()),
        "search": [
            f"/articles/?q={term}"
            for term in ("cooperation", "hydrogen", "Daejeon", "graphene museum", "seismic")
        ],
        "api_list": [
            f"/api/{name}/?page={page}"
            for name in ("articles", "organizations", "persons")
            for page in range(1, 6)
        ],
        "api_detail": [f"/api/articles/{a.pk}/" for a in articles],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=BENCH_DATABASE_URL)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between requests")
    args = parser.parse_args()
    setup_django(args.database_url)
    paths = sample_paths()
    static_root = tempfile.mkdtemp(prefix="archive-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DATABASE_URL": args.database_url,
        "SECRET_KEY": "load-test-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback, no proxy in front
        "STATIC_ROOT": static_root,
        "LOAD_PATHS": json.dumps(paths),
        "LOAD_PAUSE": str(args.pause),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [
            *(BIN / "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}"),
            *("--workers", str(args.workers), "--log-level", "warning"),
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        time.sleep(3)
        report = Path(tempfile.mkdtemp(prefix="archive-load-")) / "load"
        subprocess.run(
            [
                *(BIN / "locust", "-f", ROOT / "bench" / "locustfile.py", "--headless"),
                *("--users", str(args.users), "--spawn-rate", str(args.users)),
                *("--run-time", f"{args.seconds}s", "--host", f"http://127.0.0.1:{port}"),
                *("--csv", str(report), "--only-summary", "--loglevel", "WARNING"),
            ],
            cwd=ROOT,
            env=env,
            check=False,
            stdout=subprocess.DEVNULL,
        )
    finally:
        server.terminate()
        server.wait()
    failures = print_report(Path(f"{report}_stats.csv"), args)
    sys.exit(1 if failures else 0)


def print_report(stats_file: Path, args) -> int:
    print(
        f"{args.users} users for {args.seconds} s, {args.pause} s between requests, against "
        f"gunicorn ({args.workers} workers) with whitenoise; latency in ms"
    )
    print(f"{'':22} {'requests':>9} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'errors':>7}")
    failures = 0
    with stats_file.open() as handle:
        for row in csv.DictReader(handle):
            name = row["Name"]
            failures += int(row["Failure Count"]) if name == "Aggregated" else 0
            print(
                f"{name:22} {row['Request Count']:>9} {float(row['Requests/s']):7.1f} "
                f"{row['50%']:>6} {row['95%']:>6} {row['99%']:>6} {row['Failure Count']:>7}"
            )
    return failures


if __name__ == "__main__":
    main()
