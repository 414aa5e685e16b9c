"""What the benchmark scripts share: Django set up on the database they measure."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench"


def setup_django(database_url: str, settings: str = "config.settings.dev") -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    os.environ["DEBUG"] = "false"  # no query log kept in memory
    # the benchmarks measure the server, not the API's rate limits
    os.environ.setdefault("API_ANON_RATE", "1000000/minute")
    os.environ.setdefault("API_USER_RATE", "1000000/minute")
    import django

    django.setup()


def create_postgres_database(url: str) -> None:
    """Create the database a PostgreSQL URL names, if it does not exist yet."""
    import psycopg

    *server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server[0]}/postgres", autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
