"""What a client that keeps a copy relies on: every write moves `updated_at` on (the
import's bulk writes and the querysets' `update()` included), and whatever leaves a
reader's view is written down as a removal in the same transaction."""

from datetime import timedelta

import pytest
from django.utils import timezone

from archive.models import (
    Article,
    ArticleStatus,
    Event,
    Mention,
    Organization,
    Person,
    Position,
    Removal,
    ReviewStatus,
)
from archive.services import merge_organizations, save_editor_changes, set_article_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(seeds_imported):
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    return seeds_imported


def age(model, **lookup):
    """Set the records' updated_at an hour back, so that a change shows."""
    past = timezone.now() - timedelta(hours=1)
    model.objects.filter(**lookup).update(updated_at=past)
    return past


def removals(kind: str) -> list[tuple]:
    return list(
        Removal.objects.filter(kind=kind).values_list("record_id", "reason", "public").order_by()
    )


def test_a_bulk_update_moves_updated_at_as_a_save_does(published):
    past = age(Organization)
    Organization.objects.filter(acronym="NAEK").update(country="KR")
    changed = Organization.objects.filter(updated_at__gt=past)
    assert list(changed.values_list("acronym", flat=True)) == ["NAEK"]


def test_a_reimport_marks_the_records_its_changed_article_states(published, run_import):
    past = age(Organization)
    age(Person)
    seed = next(published.glob("000_*"))
    seed.write_text(seed.read_text() + "\n\nThe NAEK thanked its hosts.")
    code, _, _ = run_import(published)
    assert code == 0
    naek = Organization.objects.get(acronym="NAEK")
    assert naek.updated_at > past
    # a record the changed article does not state is left as it was
    untouched = Organization.objects.exclude(mentions__article__source_file__startswith="000_")
    assert untouched.exists()
    assert not untouched.filter(updated_at__gt=past).exists()


def test_new_mentions_of_a_fresh_import_carry_the_time_they_were_written(seed_dir, run_import):
    before = timezone.now()
    run_import(seed_dir, "--publish")
    assert Mention.objects.exists()
    assert not Mention.objects.filter(updated_at__lt=before - timedelta(seconds=5)).exists()


def test_hiding_a_record_is_a_removal_and_a_change(published):
    naek = Organization.objects.get(acronym="NAEK")
    past = age(Organization, pk=naek.pk)
    naek.hidden = True
    save_editor_changes(naek, changed_fields=["hidden"])
    assert removals("organization") == [(naek.pk, "hidden", True)]
    naek.refresh_from_db()
    assert naek.updated_at > past  # editors, who still see it, learn of the change
    # shown again: no removal, a change
    Organization.objects.filter(pk=naek.pk).update(hidden=False)
    assert Organization.objects.public().filter(pk=naek.pk).exists()
    assert len(removals("organization")) == 1


def test_hiding_records_in_bulk_is_a_removal_of_each(published):
    korean = list(Organization.objects.public().filter(country="KR").values_list("pk", flat=True))
    assert len(korean) > 2
    Organization.objects.filter(pk__in=korean).update(hidden=True)
    assert sorted(removals("organization")) == sorted((pk, "hidden", True) for pk in korean)


def test_a_merge_is_a_removal_that_names_the_survivor(published):
    cae = Organization.objects.get(acronym="CAE")
    unit = Organization.objects.get(name__startswith="International Cooperation Department")
    past = age(Organization, pk=cae.pk)
    merge_organizations(survivor=cae, others=[unit])
    removal = Removal.objects.get(kind="organization", record_id=unit.pk)
    assert (removal.reason, removal.merged_into_id, removal.public) == ("merged", cae.pk, True)
    cae.refresh_from_db()
    assert cae.updated_at > past  # it holds the other's names now


def test_unpublishing_an_article_removes_it_and_its_mentions(published):
    article = Article.objects.get(source_file__startswith="001_")
    rejected = article.mentions.first()
    rejected.review_status = ReviewStatus.REJECTED
    rejected.save()
    readable = set(article.mentions.exclude(pk=rejected.pk).values_list("pk", flat=True))
    Removal.objects.all().delete()
    set_article_status([article], status=ArticleStatus.REVIEW)
    assert removals("article") == [(article.pk, "unpublished", True)]
    assert {pk for pk, reason, _ in removals("mention")} == readable  # the rejected was gone
    # and what only this article supported left the public's view too
    assert {reason for _, reason, _ in removals("organization")} <= {"unpublished"}


def test_unpublishing_in_bulk_removes_only_what_was_published(published):
    draft = Article.objects.get(source_file__startswith="004_")
    Article.objects.filter(pk=draft.pk).update(status=ArticleStatus.DRAFT)
    Removal.objects.all().delete()
    Article.objects.update(status=ArticleStatus.REVIEW)
    assert {pk for pk, _, _ in removals("article")} == set(
        Article.objects.exclude(pk=draft.pk).values_list("pk", flat=True)
    )


def test_publishing_an_article_marks_its_mentions_changed(seeds_imported):
    article = Article.objects.get(source_file__startswith="001_")
    past = age(Mention)
    set_article_status([article], status=ArticleStatus.PUBLISHED)
    assert not article.mentions.filter(updated_at__lte=past).exists()
    assert not Mention.objects.exclude(article=article).filter(updated_at__gt=past).exists()


def test_rejecting_a_mention_is_a_removal(published):
    first, second, third = Mention.objects.order_by("pk")[:3]
    first.review_status = ReviewStatus.REJECTED
    first.save()
    Mention.objects.filter(pk__in=[second.pk, third.pk]).update(review_status="rejected")
    assert sorted(removals("mention")) == [
        (first.pk, "rejected", True),
        (second.pk, "rejected", True),
        (third.pk, "rejected", True),
    ]
    Mention.objects.filter(pk=first.pk).update(review_status="rejected")  # already
    assert len(removals("mention")) == 3


def test_deleting_records_is_a_removal_that_says_whether_the_public_saw_them(published):
    draft = Article.objects.get(source_file__startswith="004_")
    Article.objects.filter(pk=draft.pk).update(status=ArticleStatus.DRAFT)
    Removal.objects.all().delete()
    draft.refresh_from_db()
    draft_id = draft.pk
    draft.delete()
    assert removals("article") == [(draft_id, "deleted", False)]
    assert {public for _, _, public in removals("mention")} == {False}
    event = Event.objects.public().first()
    event_id = event.pk
    event.delete()
    assert removals("event") == [(event_id, "deleted", True)]


def test_an_editors_change_to_a_relation_marks_its_record(published):
    piao = Person.objects.get(name="Piao Dongjian")
    past = age(Person, pk=piao.pk)
    Position.objects.create(person=piao, title="Honorary Fellow")
    piao.refresh_from_db()
    assert piao.updated_at > past
    past = age(Person, pk=piao.pk)
    piao.aliases.model.objects.create(person=piao, name="Dongjian Piao")
    piao.refresh_from_db()
    assert piao.updated_at > past
