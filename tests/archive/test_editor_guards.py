"""What editors decide, the import never undoes: each test changes a value the import
would otherwise write."""

from datetime import date

import pytest

from archive.models import Article, ArticleStatus, Event, Organization, Person
from archive.services import merge_organizations, save_editor_changes, set_article_status

pytestmark = pytest.mark.django_db


def _touch_every_seed(seed_dir) -> None:
    for seed in seed_dir.glob("*.txt"):
        seed.write_text(seed.read_text() + "\n\nThis article was corrected.")


def test_the_import_never_writes_a_locked_field_of_an_organization(seed_dir, run_import):
    run_import(seed_dir)
    keti = Organization.objects.get(acronym="KETI")
    assert keti.country  # what the import would write again
    keti.country = ""  # the editor is not sure of it
    save_editor_changes(keti, changed_fields=["country"])
    _touch_every_seed(seed_dir)
    run_import(seed_dir)
    keti.refresh_from_db()
    assert keti.country == ""


def test_the_import_never_writes_a_locked_field_of_a_person(seed_dir, run_import):
    run_import(seed_dir)
    person = Person.objects.exclude(nationality="").first()
    person.nationality = ""
    save_editor_changes(person, changed_fields=["nationality"])
    _touch_every_seed(seed_dir)
    run_import(seed_dir)
    person.refresh_from_db()
    assert person.nationality == ""


def test_the_import_never_writes_a_locked_field_of_an_event(seed_dir, run_import):
    run_import(seed_dir)
    event = Event.objects.exclude(city="").first()
    event.city = "Somewhere else"
    save_editor_changes(event, changed_fields=["city"])
    _touch_every_seed(seed_dir)
    run_import(seed_dir)
    event.refresh_from_db()
    assert event.city == "Somewhere else"


def test_publish_does_not_override_an_editors_status(seed_dir, run_import):
    run_import(seed_dir, "--publish")
    article = Article.objects.get(source_file__startswith="002_")
    set_article_status([article], status=ArticleStatus.REVIEW)
    _touch_every_seed(seed_dir)
    run_import(seed_dir, "--publish")
    article.refresh_from_db()
    assert article.status == ArticleStatus.REVIEW
    assert Article.objects.filter(status=ArticleStatus.PUBLISHED).count() == 4


def test_a_merge_keeps_the_other_records_acronym_as_an_alias(seed_dir, run_import):
    run_import(seed_dir)
    cqu = Organization.objects.get(name="Chongqing University")
    other = Organization.objects.create(name="Chongqing Univ.", slug="cq-univ", acronym="CQUNI")
    merge_organizations(survivor=cqu, others=[other])
    alias = cqu.aliases.get(name="CQUNI")
    assert alias.is_acronym


def test_editing_an_events_start_locks_the_fields_that_move_with_it(seed_dir, run_import):
    run_import(seed_dir)
    event = Event.objects.exclude(start_date=None).first()
    event.start_date = date(2017, 1, 2)
    event.end_date = None
    save_editor_changes(event, changed_fields=["start_date"])
    assert {"start_date", "end_date", "date_precision"} <= set(event.locked_fields)
    _touch_every_seed(seed_dir)
    run_import(seed_dir)
    event.refresh_from_db()
    assert (event.start_date, event.end_date) == (date(2017, 1, 2), None)
