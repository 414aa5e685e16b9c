"""The rate limit (api.throttling): keyed on the client's address as the trusted proxies
saw it, so that a forged header changes nothing, and counted where every worker counts."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def statuses(client, count: int, **headers) -> list[int]:
    return [client.get("/api/events/", **headers).status_code for _ in range(count)]


def test_a_forged_forwarded_for_header_changes_nothing(settings):
    settings.API_ANON_RATE = "3/minute"
    client = Client()
    assert statuses(client, 3) == [200, 200, 200]
    for forged in ("10.9.8.7", "1.2.3.4, 5.6.7.8", "not an address"):
        assert statuses(client, 1, HTTP_X_FORWARDED_FOR=forged) == [429], forged


def test_behind_trusted_proxies_the_nearest_ones_word_is_taken(settings):
    settings.API_ANON_RATE = "2/minute"
    settings.API_TRUSTED_PROXIES = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")  # our proxy: each request comes from it
    # the proxy appends the address it saw; whatever the client sent stands before it
    alice = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    assert statuses(proxy, 3, **alice) == [200, 200, 429]
    forging = {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.7"}
    assert statuses(proxy, 1, **forging) == [429]  # still alice
    bob = {"HTTP_X_FORWARDED_FOR": "2001:db8::1"}
    assert statuses(proxy, 2, **bob) == [200, 200]


def test_editors_are_counted_by_account_at_their_own_rate(settings, editor):
    settings.API_ANON_RATE = "1/minute"
    settings.API_USER_RATE = "3/minute"
    client = Client()
    client.force_login(editor)
    assert statuses(client, 4) == [200, 200, 200, 429]
    assert statuses(Client(), 2) == [200, 429]


def test_a_refused_client_is_told_when_to_come_back(settings):
    settings.API_ANON_RATE = "2/minute"
    client = Client()
    statuses(client, 2)
    response = client.get("/api/events/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 120
    assert response.json()["error"]["code"] == "throttled"


def test_a_cache_that_is_down_lets_requests_through(settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "throttle": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        },
    }
    assert Client().get("/api/events/").status_code == 200
    assert "rate limit's cache" in caplog.text


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(
    not redis_reachable() and os.environ.get("CI") != "true",
    reason="Redis at 127.0.0.1:6379 is not running here",
)
def test_workers_share_the_counts_in_production(tmp_path):
    """Three gunicorn workers with the production profile's Redis count one limit."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}},
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "k" * 60,
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'throttle.sqlite3'}",
        "API_ANON_RATE": "10/minute",
        "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}",  # apart from anything else in Redis
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "config.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "3"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/api/events/"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        answers = []
        for _ in range(30):  # new connections: the workers take them in turn
            try:
                answers.append(urllib.request.urlopen(url, timeout=5).status)
            except urllib.error.HTTPError as error:
                answers.append(error.code)
        assert answers.count(200) == 10
        assert answers.count(429) == 20
    finally:
        server.terminate()
        server.wait(timeout=30)
