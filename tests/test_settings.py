import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.base import database_from_env, env_bool, env_list

ROOT = Path(__file__).resolve().parent.parent


def test_sqlite_file_is_the_default_database(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_env()
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert str(config["NAME"]).endswith("db.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://archivist:secret@db.example:6543/archive")
    config = database_from_env()
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 6543, "archive")
    assert (config["USER"], config["PASSWORD"]) == ("archivist", "secret")


def test_postgresql_connections_keep_their_options_and_run_without_parallel_workers(
    monkeypatch,
):
    monkeypatch.setenv("DATABASE_URL", "postgres://archivist@db.example/archive?sslmode=require")
    options = database_from_env()["OPTIONS"]
    assert options["sslmode"] == "require"
    assert "-c max_parallel_workers_per_gather=0" in options["options"]


def test_unsupported_database_url_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "mysql://root@localhost/archive")
    with pytest.raises(ImproperlyConfigured, match=r"DATABASE_URL.*'mysql'"):
        database_from_env()


def test_booleans_and_lists_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEBUG", "off")
    assert env_bool("DEBUG", True) is False
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be true or false"):
        env_bool("DEBUG", False)
    monkeypatch.setenv("ALLOWED_HOSTS", "archive.example, www.archive.example")
    assert env_list("ALLOWED_HOSTS", []) == ["archive.example", "www.archive.example"]


def _manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**clean, **env},
        timeout=120,
    )


def test_production_profile_passes_check_deploy_without_warnings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        SECRET_KEY="x7!k2Lq#9vPz@4mWn8$Rt6^Yb1&Hc3*Jd5(Fg0)Ks" * 2,
        ALLOWED_HOSTS="archive.example",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
    assert "WARNING" not in result.stderr


def test_production_profile_refuses_to_start_without_a_secret_key():
    result = _manage("check", DJANGO_SETTINGS_MODULE="config.settings.prod")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_is_off_in_production_even_if_asked():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        SECRET_KEY="k" * 60,
        DEBUG="true",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")


def test_production_counts_the_rate_limit_in_redis_by_the_connections_address():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; t = settings.CACHES[settings.API_THROTTLE_CACHE];"
        " print(t['BACKEND'], t['LOCATION'], settings.API_TRUSTED_PROXIES)",
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        SECRET_KEY="k" * 60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/0",
        "0",
    ]


def test_a_cache_url_names_its_kind():
    from config.settings.base import cache_from_url

    assert cache_from_url("locmem://")["BACKEND"].endswith("LocMemCache")
    assert cache_from_url("redis://cache.example:6380/2")["LOCATION"] == (
        "redis://cache.example:6380/2"
    )
    with pytest.raises(ImproperlyConfigured, match="memcached"):
        cache_from_url("memcached://127.0.0.1")


def test_sqlite_checks_print_no_warning_about_covering_indexes(tmp_path):
    """models.W040: SQLite has no INCLUDE columns; archive.indexes.CoveringIndex leaves
    them out there without a warning on every migrate."""
    result = _manage(
        "check",
        "--database",
        "default",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "W040" not in result.stdout + result.stderr
