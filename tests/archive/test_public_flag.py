"""Whether the public sees a record is stored (`is_public`), so every way of writing must
keep it equal to what it stands for: supported by a published article through a mention
not rejected, not hidden, not merged. Each test writes the way an editor or the import
does, then checks the stored flag of every record against that definition and what a
reader gets."""

import pytest
from django.test import Client
from django.urls import reverse

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
from tests.curation.test_admin import admin_url, form_data

pytestmark = pytest.mark.django_db


def assert_flags_true() -> None:
    for model in (Organization, Person, Agreement, Event):
        deserved = model.objects.filter(model.objects.deserves_public())
        assert set(model.objects.public().values_list("pk", flat=True)) == set(
            deserved.values_list("pk", flat=True)
        ), model.__name__


@pytest.fixture
def published(seeds_imported):
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    assert Organization.objects.public().count() > 10
    assert_flags_true()
    return seeds_imported


def test_an_import_with_publish_makes_its_records_public(seed_dir, run_import):
    run_import(seed_dir)
    assert not Organization.objects.public().exists()  # in review: nothing is public yet
    run_import(seed_dir, "--publish")  # unchanged files: nothing to publish
    assert not Organization.objects.public().exists()
    Article.objects.all().delete()
    run_import(seed_dir, "--publish")
    assert Organization.objects.public().filter(acronym="STEPI").exists()
    assert Event.objects.public().exists()
    assert Agreement.objects.public().exists()
    assert_flags_true()


def test_a_changed_article_that_no_longer_names_a_record_withdraws_it(published, run_import):
    seri = Organization.objects.get(acronym="SERI China")
    assert Client().get(seri.get_absolute_url()).status_code == 200
    path = next(published.glob("003_*"))
    text = path.read_text(encoding="utf-8")
    text = text.replace("Samsung Economic Research Institute China (SERI China)", "an office")
    path.write_text(text.replace("SERI China", "the office"), encoding="utf-8")
    code, _, _ = run_import(published, "--publish")
    assert code == 0
    assert Client().get(seri.get_absolute_url()).status_code == 404
    assert_flags_true()


def test_a_mention_pointed_elsewhere_moves_the_support(editor_client, published):
    seri = Organization.objects.get(acronym="SERI China")
    unsupported = Organization.objects.create(name="Samsung Research China", slug="src")
    for mention in seri.mentions.all():
        data = form_data(editor_client.get(admin_url(mention)))
        data["organization"] = unsupported.pk
        assert editor_client.post(admin_url(mention), data).status_code == 302
    assert not Organization.objects.public().filter(pk=seri.pk).exists()
    assert Organization.objects.public().filter(pk=unsupported.pk).exists()
    assert_flags_true()


def test_a_review_through_the_api_hides_and_shows(editor, published):
    client = Client()
    client.force_login(editor)
    seri = Organization.objects.get(acronym="SERI China")
    for mention in seri.mentions.all():
        response = client.patch(
            reverse("api:mention-detail", args=[mention.pk]),
            {"review_status": ReviewStatus.REJECTED},
            content_type="application/json",
        )
        assert response.status_code == 200
    assert Client().get(f"/api/organizations/{seri.pk}/").status_code == 404
    assert_flags_true()
    Mention.objects.filter(organization=seri).update(review_status=ReviewStatus.CONFIRMED)
    assert Client().get(f"/api/organizations/{seri.pk}/").status_code == 200
    assert_flags_true()


def test_deleting_an_article_withdraws_what_only_it_supported(editor_client, published):
    article = Article.objects.get(source_file__startswith="003_")
    seri = Organization.objects.get(acronym="SERI China")
    response = editor_client.post(admin_url(article, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert Client().get(seri.get_absolute_url()).status_code == 404
    assert_flags_true()


def test_merged_records_leave_and_their_survivor_gains(editor_client, published):
    cqu = Organization.objects.get(name="Chongqing University")
    unsupported = Organization.objects.create(name="CQU Alumni", slug="cqu-alumni")
    editor_client.post(
        reverse("admin:archive_organization_changelist"),
        {
            "action": "merge_selected",
            "_selected_action": [cqu.pk, unsupported.pk],
            "apply": "yes",
            "survivor": unsupported.pk,
        },
    )
    assert Client().get(cqu.get_absolute_url()).status_code == 301
    assert Client().get(unsupported.get_absolute_url()).status_code == 200
    assert_flags_true()


def test_reverting_a_hide_in_the_history_shows_the_record_again(editor_client, published):
    keti = Organization.objects.get(acronym="KETI")
    data = form_data(editor_client.get(admin_url(keti)))
    editor_client.post(admin_url(keti), {**data, "hidden": "on"})
    assert Client().get(keti.get_absolute_url()).status_code == 404
    before_hiding = keti.history.order_by("history_date")[0]
    revert_url = admin_url(keti, "simple_history", before_hiding.history_id)
    page = editor_client.get(revert_url)
    editor_client.post(revert_url, form_data(page))
    assert Client().get(keti.get_absolute_url()).status_code == 200
    assert_flags_true()


def test_bulk_writes_keep_the_flags(published):
    Organization.objects.filter(acronym__in=["KETI", "STEPI"]).update(hidden=True)
    Article.objects.filter(source_file__startswith="001_").update(status=ArticleStatus.DRAFT)
    Mention.objects.filter(person__name="Yang Dan").update(review_status=ReviewStatus.REJECTED)
    assert_flags_true()
    assert not Organization.objects.public().filter(acronym="KETI").exists()
    Organization.objects.update(hidden=False)
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    assert Organization.objects.public().filter(acronym="KETI").exists()
    assert_flags_true()
