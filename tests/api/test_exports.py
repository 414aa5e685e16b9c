"""Every matching record at once (api.views.exports): CSV that keeps nested values
readable, and newline-delimited JSON with the mentions that support each record."""

import csv
import io
import json

import pytest

from archive.models import (
    Article,
    ArticleStatus,
    Event,
    Mention,
    Organization,
    Person,
    ReviewStatus,
)

pytestmark = pytest.mark.django_db

KINDS = ["articles", "organizations", "persons", "agreements", "events", "mentions"]


@pytest.fixture
def published(seeds_imported):
    """All seeds but 004 published."""
    Article.objects.exclude(source_file__startswith="004_").update(status=ArticleStatus.PUBLISHED)
    return seeds_imported


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def ndjson(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    text = b"".join(response.streaming_content).decode()
    return [json.loads(line) for line in text.splitlines()]


def test_csv_keeps_participants_and_positions_readable(client, published):
    event = Event.objects.get(name="6th China-Korea Industrial Innovation Exchange")
    rows = csv_rows(client.get("/api/events/csv/"))
    row = next(r for r in rows if r["id"] == str(event.pk))
    assert "Chinese Academy of Engineering (organizer)" in row["participants"].split("; ")
    assert row["participants"].count("(") == event.participants.count()
    piao = Person.objects.get(name="Piao Dongjian")
    row = next(r for r in csv_rows(client.get("/api/persons/csv/")) if r["id"] == str(piao.pk))
    assert row["positions"].startswith("Vice President (National Academy of Engineering")
    assert "; ;" not in row["positions"]


def test_csv_takes_the_lists_filters_and_order(client, published):
    rows = csv_rows(client.get("/api/organizations/csv/?country=KR&ordering=-name"))
    names = [r["name"] for r in rows]
    assert names == sorted(names, reverse=True)
    assert {r["country"] for r in rows} == {"KR"}
    response = client.get("/api/organizations/csv/?ordering=nonsense")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("kind", KINDS)
def test_the_export_gives_every_readable_record_with_its_evidence(client, published, kind):
    lines = ndjson(client.get(f"/api/{kind}/export/"))
    listed = client.get(f"/api/{kind}/?page_size=100").json()
    total = listed.get("count", len(listed["results"]))
    if kind == "mentions":
        total = Mention.objects.public().count()
    assert len(lines) == total > 0
    assert [line["id"] for line in lines] == sorted(line["id"] for line in lines)
    if kind == "mentions":
        assert set(lines[0]) >= {"article", "start", "end", "quote", "confidence", "kind"}
        return
    evidence = [m for line in lines for m in line["mentions"]]
    assert evidence
    assert set(evidence[0]) == {
        "id",
        "article",
        "kind",
        "start",
        "end",
        "quote",
        "confidence",
        "review_status",
    }
    draft = Article.objects.get(source_file__startswith="004_")
    assert draft.pk not in {m["article"] for m in evidence}


def test_the_export_leaves_out_rejected_evidence_for_the_public(client, editor, published):
    naek = Organization.objects.get(acronym="NAEK")
    rejected = naek.mentions.filter(article__status=ArticleStatus.PUBLISHED).first()
    rejected.review_status = ReviewStatus.REJECTED
    rejected.save()
    line = next(
        line
        for line in ndjson(client.get("/api/organizations/export/?country=KR"))
        if line["id"] == naek.pk
    )
    quoted = {m["id"] for m in line["mentions"]}
    assert rejected.pk not in quoted
    assert quoted == set(
        Mention.objects.public().filter(organization=naek).values_list("pk", flat=True)
    )
    client.force_login(editor)
    line = next(
        line for line in ndjson(client.get("/api/organizations/export/")) if line["id"] == naek.pk
    )
    assert rejected.pk in {m["id"] for m in line["mentions"]}


def test_an_article_export_holds_its_text(client, published):
    lines = ndjson(client.get("/api/articles/export/?published_after=2019-01-01"))
    assert lines
    assert all(line["published_on"] >= "2019-01-01" for line in lines)
    article = Article.objects.get(pk=lines[0]["id"])
    assert lines[0]["body"] == article.body
    assert len(lines[0]["mentions"]) == Mention.objects.public().filter(article=article).count()
