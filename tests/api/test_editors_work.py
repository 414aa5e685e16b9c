"""Editors undo a merge and record review decisions through the API."""

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.authtoken.models import Token

from archive.models import Article, ArticleStatus, Mention, Organization, ReviewStatus
from archive.services import merge_organizations

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()


@pytest.fixture
def token_client(editor):
    token = Token.objects.create(user=editor)
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


@pytest.fixture
def merged(seeds_imported):
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    merge_organizations(survivor=cqu, others=[keti])
    return keti


def test_an_editor_unmerges_through_the_api(token_client, editor, merged):
    mentions = Mention.objects.filter(quote="KETI").count()
    response = token_client.post(f"/api/organizations/{merged.pk}/unmerge/")
    assert response.status_code == 200, response.content
    assert response.json()["merged_into"] is None
    assert merged.mentions.filter(quote="KETI").count() == mentions
    latest = Organization.objects.get(pk=merged.pk).history.first()
    assert latest.history_user == editor
    assert latest.history_change_reason.startswith("api: unmerged from Chongqing University")


def test_unmerging_what_is_not_merged_is_a_conflict(token_client, merged):
    cqu = Organization.objects.get(name="Chongqing University")
    response = token_client.post(f"/api/organizations/{cqu.pk}/unmerge/")
    assert response.status_code == 409
    assert "is not merged" in response.json()["error"]["message"]


def test_readers_cannot_unmerge(client, django_user_model, merged):
    assert client.post(f"/api/organizations/{merged.pk}/unmerge/").status_code in {401, 403}
    reader = Client()
    reader.force_login(django_user_model.objects.create_user("reader", password="read-2026-x"))
    assert reader.post(f"/api/organizations/{merged.pk}/unmerge/").status_code == 403
    assert Organization.objects.get(pk=merged.pk).merged_into is not None


def test_a_review_through_the_api_is_on_record(token_client, editor, seeds_imported):
    mention = Mention.objects.first()
    response = token_client.patch(
        f"/api/mentions/{mention.pk}/",
        {"review_status": "rejected"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["review_status"] == "rejected"
    entry = mention.history.get()
    assert (entry.review_status, entry.history_user, entry.history_change_reason) == (
        ReviewStatus.REJECTED,
        editor,
        "api",
    )
    token_client.patch(  # the same decision again: nothing new on record
        f"/api/mentions/{mention.pk}/",
        {"review_status": "rejected"},
        content_type="application/json",
    )
    assert mention.history.count() == 1
