"""Nobody gets in through an editor's account, and nothing injected runs on a page."""

import re

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.test import Client, override_settings
from rest_framework.authtoken.models import Token

from tests.conftest import public_page_paths

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "curate-it-2026"  # the editor fixture's


def sign_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_password_guessing_locks_the_account(editor):
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(4):
        assert sign_in(guesser, "editor", "wrong-guess").status_code == 200
    assert sign_in(guesser, "editor", "wrong-guess").status_code == 429  # the fifth
    locked = sign_in(guesser, "editor", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    # the account is locked from any address, even with its right password
    elsewhere = sign_in(Client(REMOTE_ADDR="198.51.100.7"), "editor", PASSWORD)
    assert elsewhere.status_code == 429


def test_password_guessing_locks_the_address(editor, django_user_model):
    guesser = Client(REMOTE_ADDR="203.0.113.10")
    for name in ("alice", "bob", "carol", "dave", "erin"):
        sign_in(guesser, name, "wrong-guess")
    assert sign_in(guesser, "editor", PASSWORD).status_code == 429
    # the editor signs in from another address
    assert sign_in(Client(REMOTE_ADDR="198.51.100.8"), "editor", PASSWORD).status_code == 302


def test_an_administrator_unlocks_an_account(editor, admin_client):
    guesser = Client(REMOTE_ADDR="203.0.113.11")
    for _ in range(5):
        sign_in(guesser, "editor", "wrong-guess")
    assert AccessAttempt.objects.filter(username="editor").exists()
    attempts = admin_client.get("/admin/axes/accessattempt/")
    assert attempts.status_code == 200
    assert "editor" in attempts.content.decode()
    ids = list(AccessAttempt.objects.filter(username="editor").values_list("pk", flat=True))
    admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert sign_in(Client(REMOTE_ADDR="198.51.100.9"), "editor", PASSWORD).status_code == 302


@override_settings(API_FAILED_TOKENS_PER_HOUR=3)
def test_token_guessing_is_refused_per_address(editor):
    cache.clear()
    good = Token.objects.create(user=editor).key
    guesser = Client(REMOTE_ADDR="203.0.113.12")
    for guess in range(3):
        response = guesser.get("/api/articles/", HTTP_AUTHORIZATION=f"Token {guess:040x}")
        assert response.status_code == 401
    refused = guesser.get("/api/articles/", HTTP_AUTHORIZATION=f"Token {good}")
    assert refused.status_code == 429
    assert "Too many failed token logins" in refused.json()["error"]["message"]
    other = Client(REMOTE_ADDR="198.51.100.10")
    assert other.get("/api/articles/", HTTP_AUTHORIZATION=f"Token {good}").status_code == 200
    cache.clear()


def test_public_pages_allow_no_script(client, seeds_imported):
    from archive.models import Article, ArticleStatus

    Article.objects.update(status=ArticleStatus.PUBLISHED)
    for path in public_page_paths():
        response = client.get(path)
        policy = response["Content-Security-Policy"]
        assert "default-src 'none'" in policy, path
        assert "script-src" not in policy, path  # so no script at all, from anywhere
        # only data for search engines (JSON-LD), which no browser runs
        tags = re.findall(r"<script[^>]*>", response.content.decode())
        assert all('type="application/ld+json"' in tag for tag in tags), path


def test_the_api_and_the_console_send_a_policy(client, editor_client):
    cache.clear()
    api = client.get("/api/articles/")
    assert "default-src 'none'" in api["Content-Security-Policy"]
    assert "'unsafe-inline'" not in api["Content-Security-Policy"].split("style-src")[0]
    console = editor_client.get("/admin/")
    assert "script-src 'self'" in console["Content-Security-Policy"]
    assert "script-src 'self';" in console["Content-Security-Policy"]  # nothing inline
