"""bench/import_speed.py empties the database it measures: never one that holds articles
unless told."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_database_that_holds_articles_is_refused_unless_told(tmp_path, seed_dir):
    database = f"sqlite:///{tmp_path / 'kept.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": database, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [sys.executable, "manage.py", "import_articles", str(seed_dir), "--no-progress"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    command = [sys.executable, "bench/import_speed.py", "--count", "2", "--database-url", database]
    refused = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode != 0
    assert f"{database} holds 5 articles" in refused.stderr
    assert "--flush" in refused.stderr
    count = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from archive.models import Article; print(Article.objects.count())",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert count.stdout.strip().endswith("5")
    flushed = subprocess.run(
        [*command, "--flush"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert flushed.returncode == 0, flushed.stderr
    assert "fresh import" in flushed.stdout
