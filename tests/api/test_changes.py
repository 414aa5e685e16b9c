"""A client keeps a copy of the public archive in step through the API alone, as the
README shows: every list's changes since a time (`updated_since`, oldest first, paged by
the `next` link) and what was removed since (`/api/removals/?since=`)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from archive.models import (
    Agreement,
    Article,
    ArticleStatus,
    Event,
    Mention,
    Organization,
    Person,
    ReviewStatus,
)
from archive.services import merge_organizations, save_editor_changes, set_article_status

pytestmark = pytest.mark.django_db

KINDS = ["articles", "organizations", "persons", "agreements", "events", "mentions"]


@pytest.fixture
def published(seeds_imported):
    Article.objects.exclude(source_file__startswith="004_").update(status=ArticleStatus.PUBLISHED)
    return seeds_imported


def every_page(client, url: str) -> list[dict]:
    rows = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        rows += body["results"]
        url = body["next"]
    return rows


def since(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z").replace(":", "%3A")


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_says_when_it_last_changed(client, published, kind):
    record = client.get(f"/api/{kind}/").json()["results"][0]
    stamp = datetime.fromisoformat(record["updated_at"].replace("Z", "+00:00"))
    assert timezone.now() - timedelta(minutes=5) < stamp <= timezone.now()
    detail = client.get(f"/api/{kind}/{record['id']}/").json()
    assert detail["updated_at"] == record["updated_at"]


def test_a_list_of_changes_holds_what_changed_oldest_first(client, published):
    start = timezone.now()
    naek = Organization.objects.get(acronym="NAEK")
    naek.country = "KR"
    naek.name = "NAEK of Korea"
    save_editor_changes(naek, changed_fields=["name"])
    cqu = Organization.objects.get(name="Chongqing University")
    Organization.objects.filter(pk=cqu.pk).update(kind="university")
    rows = client.get(f"/api/organizations/?updated_since={since(start)}").json()
    assert [row["id"] for row in rows["results"]] == [naek.pk, cqu.pk]
    assert rows["count"] == 2
    assert rows["results"][0]["name"] == "NAEK of Korea"
    # an ordering asked for does not reorder a list of changes
    again = client.get(f"/api/organizations/?updated_since={since(start)}&ordering=-name")
    assert [row["id"] for row in again.json()["results"]] == [naek.pk, cqu.pk]


def test_changes_at_the_same_moment_page_through_without_loss_or_repeat(client, published):
    start = timezone.now()
    Organization.objects.update(kind="other")  # one timestamp for every row
    expected = set(Organization.objects.public().values_list("pk", flat=True))
    url = f"/api/organizations/?updated_since={since(start)}&page_size=7"
    first = client.get(url).json()
    # a record changing while the client pages moves to the end rather than shifting pages
    moved = Organization.objects.get(pk=first["results"][0]["id"])
    Organization.objects.filter(pk=moved.pk).update(country="KR")
    seen = [row["id"] for row in first["results"]] + [
        row["id"] for row in every_page(client, first["next"])
    ]
    assert set(seen) == expected
    assert len(seen) == len(expected) + 1  # the moved one once more, at the end
    assert seen[-1] == moved.pk


def test_mentions_are_paged_by_their_changes_too(client, published):
    start = timezone.now()
    Mention.objects.filter(kind="name").update(confidence=0.5)
    rows = every_page(client, f"/api/mentions/?updated_since={since(start)}&page_size=50")
    assert len(rows) == Mention.objects.public().filter(kind="name").count() > 50
    assert len({row["id"] for row in rows}) == len(rows)


def test_what_was_removed_is_listed_since_a_time(client, published):
    start = timezone.now()
    naek = Organization.objects.get(acronym="NAEK")
    naek.hidden = True
    save_editor_changes(naek, changed_fields=["hidden"])
    body = client.get(f"/api/removals/?since={since(start)}").json()
    assert [(r["kind"], r["id"], r["reason"]) for r in body["results"]] == [
        ("organization", naek.pk, "hidden")
    ]
    assert client.get(f"/api/removals/?since={since(timezone.now())}").json()["results"] == []


def test_removals_of_what_the_public_never_saw_are_for_editors_only(client, editor, published):
    draft = Article.objects.get(source_file__startswith="004_")
    draft_id = draft.pk
    draft.delete()
    anonymous = {r["id"] for r in client.get("/api/removals/?kind=article").json()["results"]}
    assert draft_id not in anonymous
    token = Token.objects.create(user=editor)
    editor_client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    listed = editor_client.get("/api/removals/?kind=article").json()["results"]
    assert draft_id in {r["id"] for r in listed}


@pytest.mark.parametrize(
    "value",
    [
        "2026-12-01T09:30:00Z",
        "2026-12-01t18:30:00.123456789+09:00",
        "0001-01-01T00:00:00+23:59",
        "9999-12-31T23:59:59-23:59",
        "2016-12-31T23:59:60Z",
        "2026-12-01",
    ],
)
def test_any_rfc_3339_time_is_a_time(client, published, value):
    from urllib.parse import quote

    assert client.get(f"/api/events/?updated_since={quote(value)}").status_code == 200


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01T00:00:00Z", "2026-12-01T25:00:00Z"])
def test_a_time_that_is_not_one_is_refused_by_name(client, published, value):
    response = client.get(f"/api/events/?updated_since={value}")
    assert response.status_code == 400
    assert "updated_since" in response.json()["error"]["fields"]


def _copy(client, kind: str, since_time: str | None) -> list[dict]:
    url = f"/api/{kind}/?page_size=100"
    if since_time:
        url += f"&updated_since={since_time}"
    return every_page(client, url)


class Mirror:
    """A client's copy, kept as the README says."""

    def __init__(self, client):
        self.client, self.records, self.last = client, {kind: {} for kind in KINDS}, None

    def sync(self) -> None:
        started = datetime.now(UTC)
        since_time = since(self.last - timedelta(seconds=1)) if self.last else None
        if since_time:
            for removal in every_page(self.client, f"/api/removals/?since={since_time}"):
                self.records[f"{removal['kind']}s"].pop(removal["id"], None)
        for kind in KINDS:
            changed = _copy(self.client, kind, since_time)
            if kind == "articles" and since_time:  # their mentions are written anew
                ids = {record["id"] for record in changed}
                mentions = self.records["mentions"]
                for pk in [pk for pk, m in mentions.items() if m["article"]["id"] in ids]:
                    del mentions[pk]
                for pk in ids:
                    for mention in every_page(self.client, f"/api/mentions/?article={pk}"):
                        mentions[mention["id"]] = mention
            for record in changed:
                self.records[kind][record["id"]] = record
        self.last = started


def test_a_copy_kept_through_changes_and_removals_equals_the_archive(published, run_import):
    an_hour_ago = timezone.now() - timedelta(hours=1)
    for model in (Article, Organization, Person, Agreement, Event, Mention):
        model.objects.update(updated_at=an_hour_ago)  # a copy made long after the import
    client = Client()
    mirror = Mirror(client)
    mirror.sync()
    # an editor's day: renames (which other records show), hides, merges, rejects,
    # unpublishes and publishes
    naek = Organization.objects.get(acronym="NAEK")
    naek.name = "NAEK (Korea)"
    save_editor_changes(naek, changed_fields=["name"])
    cae = Organization.objects.get(acronym="CAE")  # an event's organizer
    Organization.objects.filter(pk=cae.pk).update(name="CAE (China)")
    article = Article.objects.get(source_file__startswith="000_")  # its mentions show it
    article.title = "A new title"
    save_editor_changes(article, changed_fields=["title"])
    yang = Person.objects.get(name="Yang Dan")  # a signatory
    yang.name = "Yang Dan (CQU)"
    save_editor_changes(yang, changed_fields=["name"])
    Person.objects.filter(name="Piao Dongjian").update(hidden=True)
    merge_organizations(
        survivor=Organization.objects.get(acronym="CAE"),
        others=[Organization.objects.get(name__startswith="International Cooperation Department")],
    )
    Mention.objects.filter(pk=Mention.objects.public().first().pk).update(
        review_status=ReviewStatus.REJECTED
    )
    set_article_status(
        Article.objects.filter(source_file__startswith="003_"), status=ArticleStatus.REVIEW
    )
    set_article_status(
        Article.objects.filter(source_file__startswith="004_"), status=ArticleStatus.PUBLISHED
    )
    seed = next(published.glob("002_*"))  # a changed page, imported again
    seed.write_text(seed.read_text() + "\n\nThe NAEK thanked its hosts.")
    assert run_import(published)[0] == 0
    mirror.sync()
    for kind in KINDS:
        assert mirror.records[kind] == {r["id"]: r for r in _copy(client, kind, None)}, kind
