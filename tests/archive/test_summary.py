"""The figures computed ahead (archive.summary): built from the public archive, once per
revision, in the background on PostgreSQL while pages show the last ones."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import summary
from archive.models import (
    Article,
    CountryYear,
    Organization,
    OrganizationFigures,
    Person,
    PersonFigures,
    SummaryState,
)


@pytest.mark.django_db
def test_the_figures_count_the_public_archive(site):
    summary.figures()
    yang = Person.objects.get(name="Yang Dan")
    named_in = Article.objects.published().filter(mentions__person=yang).distinct().count()
    assert PersonFigures.objects.get(person=yang).articles == named_in
    assert not PersonFigures.objects.filter(person__name="Xu Kunlin").exists()  # draft only
    assert not OrganizationFigures.objects.filter(organization__is_public=False).exists()
    everything = CountryYear.objects.get(countries="", year=2019)
    assert (
        everything.articles == Article.objects.published().filter(published_on__year=2019).count()
    )


@pytest.mark.django_db
def test_they_are_built_once_per_revision(site):
    first = summary.figures()
    with CaptureQueriesContext(connection) as queries:
        again = summary.figures()
    assert again.revision == first.revision
    assert not [q for q in queries if "archive_tie" in q["sql"]]  # no build
    Organization.objects.filter(acronym="KETI").update(kind="institute")
    with CaptureQueriesContext(connection) as queries:
        third = summary.figures()
    assert third.revision != first.revision
    assert [q for q in queries if "INSERT INTO archive_tie" in q["sql"]]


@pytest.mark.django_db
def test_build_summary_builds_them(site, capsys):
    call_command("build_summary")
    state = SummaryState.objects.get()
    assert f"Figures built from revision {state.revision}" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_postgresql_readers_get_the_last_figures_while_new_ones_are_built(site, settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite builds them at once (one writer at a time)")
    settings.ARCHIVE_SUMMARY_IN_BACKGROUND = True
    settings.ARCHIVE_SUMMARY_MIN_INTERVAL = 0
    built = summary.figures()
    assert not built.stale
    keti = Organization.objects.get(acronym="KETI")
    Organization.objects.filter(pk=keti.pk).update(hidden=True)  # committed: no own writes
    shown = summary.figures()
    assert shown.stale
    assert shown.revision == built.revision
    for thread in threading.enumerate():
        if thread.name == "archive-summary":
            thread.join(timeout=60)
    fresh = summary.figures()
    assert not fresh.stale
    assert fresh.revision != built.revision
    assert not OrganizationFigures.objects.filter(organization=keti).exists()
