"""A revert from history is an editor's change like any other."""

import pytest

from archive.models import Event, Organization, Person
from tests.curation.test_admin import admin_url, change_url, form_data

pytestmark = pytest.mark.django_db


def test_a_revert_keeps_every_lock_and_locks_what_it_sets(editor_client, seeds_imported):
    moon = Person.objects.get(name="Moon Jae-in")
    data = form_data(editor_client.get(change_url(moon)))
    data["native_name"] = "문재인"
    assert editor_client.post(change_url(moon), data).status_code == 302
    moon.refresh_from_db()
    assert moon.locked_fields == ["native_name"]

    imported = moon.history.order_by("history_date").first()
    revert_url = admin_url(moon, "simple_history", imported.history_id)
    page = editor_client.get(revert_url)
    response = editor_client.post(revert_url, form_data(page))
    assert response.status_code == 302
    moon.refresh_from_db()
    assert moon.native_name == imported.native_name  # the old value is back...
    assert moon.locked_fields == ["native_name"]  # ...and the import may not overwrite it
    assert moon.history.first().history_change_reason == "admin: reverted"


def test_a_revert_locks_the_fields_it_changes(editor_client, seeds_imported):
    keti = Organization.objects.get(acronym="KETI")
    imported = keti.history.order_by("history_date").first()
    Organization.objects.filter(pk=keti.pk).update(country="JP")  # as a later import might
    revert_url = admin_url(keti, "simple_history", imported.history_id)
    editor_client.post(revert_url, form_data(editor_client.get(revert_url)))
    keti.refresh_from_db()
    assert keti.country == "KR"
    assert keti.locked_fields == ["country"]


def test_a_revert_does_not_undo_a_merge(editor_client, seeds_imported):
    from archive.services import merge_organizations

    keti = Organization.objects.get(acronym="KETI")
    cqu = Organization.objects.get(name="Chongqing University")
    imported = keti.history.order_by("history_date").first()
    merge_organizations(survivor=cqu, others=[keti])
    revert_url = admin_url(keti, "simple_history", imported.history_id)
    editor_client.post(revert_url, form_data(editor_client.get(revert_url)))
    keti.refresh_from_db()
    assert keti.merged_into == cqu


def test_saving_an_unchanged_form_adds_no_history(editor_client, seeds_imported):
    for record in (Person.objects.get(name="Moon Jae-in"), Event.objects.first()):
        entries = record.history.count()
        response = editor_client.post(
            change_url(record), form_data(editor_client.get(change_url(record)))
        )
        assert response.status_code == 302
        assert record.history.count() == entries
