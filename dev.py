#!/usr/bin/env python3
"""The archive's two entry points, needing nothing but Python 3.11+:

    python3 dev.py run     set up (virtualenv, install, migrate, demo data) and serve
    python3 dev.py test    set up and run the whole test suite, on SQLite and PostgreSQL

Both are safe to run again: setup steps that are already done are skipped."""

import hashlib
import os
import socket
import subprocess
import sys
import venv
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
STAMP = VENV / ".installed"
POSTGRES_TEST_URL = "postgres://postgres@127.0.0.1:5432/test"
# Floors under the extraction's figures (`manage.py evaluate_extraction DIR --min ...`), per
# folder relative to this file: a whole number floors a row's hits, a decimal its F1. Set to
# what the extraction reaches today; raise them as it gets better, never lower them quietly.
EXTRACTION_FLOORS = {
    "archive/demo_data": [
        "pages=5",
        "title=5",
        "date=3",
        "source=1",
        "organizations=47",
        "organizations=0.98",
        "people=37",
        "people=0.98",
        "positions=40",
        "positions=0.97",
        "agreements=1",
        "agreements=1.00",
        "agreement_signatories=1",
        "agreement_dates=1",
        "agreement_kinds=1",
        "events=7",
        "events=0.87",
        "event_kinds=7",
        "event_dates=5",
        "event_places=8",
    ],
    "../shared/corpus": [
        "pages=19",
        "title=19",
        "date=13",
        "source=4",
        "organizations=74",
        "organizations=0.98",
        "people=49",
        "people=0.99",
        "positions=42",
        "positions=0.95",
        "agreements=10",
        "agreements=1.00",
        "agreement_signatories=6",
        "agreement_dates=3",
        "agreement_kinds=10",
        "events=36",
        "events=0.93",
        "event_kinds=36",
        "event_dates=19",
        "event_places=24",
    ],
    "../shared/corpus-check": [
        "pages=22",
        "title=20",
        "date=17",
        "source=7",
        "organizations=105",
        "organizations=0.88",
        "people=73",
        "people=0.90",
        "positions=44",
        "positions=0.62",
        "agreements=10",
        "agreements=0.60",
        "agreement_signatories=5",
        "agreement_dates=4",
        "agreement_kinds=10",
        "events=23",
        "events=0.63",
        "event_kinds=20",
        "event_dates=13",
        "event_places=22",
    ],
}


def say(message: str) -> None:
    print(f"\n==> {message}", flush=True)


def run(*command, env=None) -> int:
    return subprocess.call([str(c) for c in command], cwd=ROOT, env=env)


def check(*command, env=None) -> None:
    if run(*command, env=env) != 0:
        sys.exit(f"failed: {' '.join(str(c) for c in command)}")


def setup() -> None:
    """A virtualenv with the project and its development tools, reinstalled only when
    pyproject.toml changes."""
    if not PYTHON.exists():
        say("Creating the virtualenv in .venv")
        venv.create(VENV, with_pip=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        say("Installing the archive and its dependencies")
        check(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        check(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
        STAMP.write_text(wanted)


def serve() -> None:
    setup()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    say("Migrating the database")
    check(PYTHON, "manage.py", "migrate", "--noinput", "-v", "0", env=env)
    say("Importing and publishing the seed articles")
    check(PYTHON, "manage.py", "import_articles", "archive/demo_data", "--publish", env=env)
    say("Bringing the search index in step")
    check(PYTHON, "manage.py", "search_index", env=env)
    print(
        "\nThe archive is at http://127.0.0.1:8000/  (the editors' console: /admin/)\n"
        "To make an admin user, in another terminal:\n"
        f"    {PYTHON.relative_to(ROOT)} manage.py createsuperuser\n",
        flush=True,
    )
    os.execve(PYTHON, [str(PYTHON), "manage.py", "runserver", "127.0.0.1:8000"], env)


def postgres_reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 5432), timeout=3):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_database(server_url: str, name: str, *, drop: bool = False) -> str:
    """Make (or drop) a database `name` on the PostgreSQL server of `server_url`; returns
    its URL."""
    parsed = urlparse(server_url)
    statement = (
        f"DROP DATABASE IF EXISTS {name} WITH (FORCE)" if drop else f"CREATE DATABASE {name}"
    )
    maintenance = (
        parsed._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    )
    script = (
        "import psycopg, sys; c = psycopg.connect(sys.argv[1], autocommit=True);"
        " c.execute(sys.argv[2])"
    )
    check(PYTHON, "-c", script, maintenance, statement)
    return parsed._replace(path=f"/{name}").geturl()


def fuzz_api(env: dict, postgres_url: str | None = None) -> bool:
    """Schemathesis, with all its checks, against the live API of a server started here on
    a fresh database holding the published seeds (SQLite, or a new database on the
    PostgreSQL server of `postgres_url`): once as an anonymous client, once as an editor
    who may write. Fixed seed: a failure reproduces."""
    import tempfile

    workdir = Path(tempfile.mkdtemp(prefix="archive-fuzz-"))
    port = free_port()
    database = f"archive_fuzz_{os.getpid()}"
    if postgres_url:
        database_url = postgres_database(postgres_url, database)
    else:
        database_url = f"sqlite:///{workdir / 'fuzz.sqlite3'}"
    try:
        # The coverage phase (every parameter's boundary and invalid values, some 5,000
        # cases a role) once, on SQLite as an anonymous client: it checks the schema, the
        # same on either database; otherwise the examples, random cases and sequences of
        # calls. (All four phases for both roles on both took 14 of CI's minutes on a
        # 2-core machine.)
        phases = ["examples", "fuzzing", "stateful"]
        if not postgres_url:
            phases.insert(1, "coverage")
        return _fuzz(env, workdir, port, database_url, ",".join(phases))
    finally:
        if postgres_url:
            postgres_database(postgres_url, database, drop=True)


def _fuzz(env: dict, workdir: Path, port: int, database_url: str, phases: str) -> bool:
    import time
    import urllib.request

    env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "SEARCH_INDEX_DIR": str(workdir / "search-index"),  # its workers share this one
        "API_ANON_RATE": "1000000/minute",
        "API_USER_RATE": "1000000/minute",
        # its checks send bad tokens on purpose, from the one address
        "API_FAILED_TOKENS_PER_HOUR": "1000000",
    }
    check(PYTHON, "manage.py", "migrate", "--noinput", "-v", "0", env=env)
    check(
        PYTHON,
        "manage.py",
        "import_articles",
        "archive/demo_data",
        "--publish",
        "--no-progress",
        env=env,
    )
    token_file = workdir / "token"
    check(
        PYTHON,
        "manage.py",
        "shell",
        "-c",
        (
            "from django.contrib.auth.models import Group, User; "
            "from rest_framework.authtoken.models import Token; "
            "user = User.objects.create_user('fuzz-editor', is_staff=True); "
            "user.groups.add(Group.objects.get(name='Editors')); "
            f"open({str(token_file)!r}, 'w').write(Token.objects.create(user=user).key)"
        ),
        env=env,
    )
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    schema_url = f"http://127.0.0.1:{port}/api/schema/"
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(schema_url, timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        passed = True
        for who, extra in (
            ("anonymous", []),
            ("editor", ["-H", f"Authorization: Token {token_file.read_text()}"]),
        ):
            say(f"Schemathesis against the live API, as {who}")
            if who == "editor":
                phases = phases.replace("coverage,", "")
            passed &= (
                run(
                    BIN / "schemathesis",
                    "run",
                    schema_url,
                    "--checks",
                    "all",
                    "--phases",
                    phases,
                    "--max-examples",
                    "20",
                    "--seed",
                    os.environ.get("FUZZ_SEED", "1"),
                    *extra,
                    env=env,
                )
                == 0
            )
        return passed
    finally:
        server.terminate()
        server.wait(timeout=30)


def extraction_figures(env: dict) -> bool:
    """The extraction scored on each folder of hand-read pages, against EXTRACTION_FLOORS. A
    folder that is not on this machine is skipped, except on CI, where it must be there."""
    say("Extraction figures")
    passed = True
    for folder, floors in EXTRACTION_FLOORS.items():
        path = (ROOT / folder).resolve()
        if not path.is_dir():
            if os.environ.get("CI") == "true":
                print(f"{folder} ({path}) is missing, and CI must score it", flush=True)
                passed = False
            else:
                print(f"{folder} ({path}) is not here: skipped", flush=True)
            continue
        print(f"\n{folder}:", flush=True)
        minimums = [f"--min={floor}" for floor in floors]
        passed &= run(PYTHON, "manage.py", "evaluate_extraction", path, *minimums, env=env) == 0
    return passed


def test(pytest_args: list[str]) -> None:
    setup()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    failed = []

    say("Lint: ruff check")
    if run(BIN / "ruff", "check", ".", env=env):
        failed.append("ruff")
    say("Migrations match the models")
    if run(PYTHON, "manage.py", "makemigrations", "--check", "--dry-run", env=env):
        failed.append("makemigrations --check")

    say("Tests on SQLite")
    if run(PYTHON, "-m", "pytest", *pytest_args, env=env):
        failed.append("tests on SQLite")

    if not extraction_figures(env):
        failed.append("extraction figures under their floors")

    if not fuzz_api(env):
        failed.append("schemathesis against the API")

    postgres_url = os.environ.get("TEST_POSTGRES_URL", POSTGRES_TEST_URL)
    if postgres_reachable(postgres_url):
        say(f"Tests on PostgreSQL ({postgres_url})")
        if run(PYTHON, "-m", "pytest", *pytest_args, env={**env, "DATABASE_URL": postgres_url}):
            failed.append("tests on PostgreSQL")
        say("Schemathesis against the API on PostgreSQL")
        if not fuzz_api(env, postgres_url):
            failed.append("schemathesis against the API on PostgreSQL")
    elif os.environ.get("CI") == "true":
        failed.append(f"PostgreSQL at {postgres_url} is unreachable, and CI must test on it")
    else:
        say(f"PostgreSQL at {postgres_url} is unreachable: its run is skipped on this machine")

    if failed:
        sys.exit("\nFAILED: " + "; ".join(failed))
    say("All checks passed")


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "run":
        serve()
    elif command == "test":
        test(sys.argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
