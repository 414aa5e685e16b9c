"""A merge can be undone: the merged record comes back as it was, and imports find it."""

import pytest
from django.test import Client

from archive.merging import UnmergeError, unmerge
from archive.models import (
    Agreement,
    Article,
    ArticleStatus,
    Event,
    Merge,
    Organization,
    OrganizationAlias,
    Person,
    Position,
    Signatory,
)
from archive.services import merge_organizations, merge_people

pytestmark = pytest.mark.django_db


def state_of(record) -> dict:
    """Everything that belongs to an organization or a person, as comparable values."""
    field = type(record).__name__.lower()
    state = {
        "mentions": sorted(record.mentions.values_list("pk", "position_id")),
        "aliases": sorted(record.aliases.values_list("name", "is_acronym")),
        "positions": sorted(Position.objects.filter(**{field: record}).values_list("pk", "title")),
        "participations": sorted(record.events.values_list("event_id", "role")),
        "merged_into": record.merged_into_id,
    }
    if field == "organization":
        state["parties"] = sorted(record.agreements.values_list("pk", flat=True))
        state["on_behalf_of"] = sorted(
            Signatory.objects.filter(on_behalf_of=record).values_list("pk", flat=True)
        )
        state["acronym"] = record.acronym
    else:
        state["signatures"] = sorted(
            Signatory.objects.filter(person=record).values_list("agreement_id", "on_behalf_of_id")
        )
    return state


def test_unmerging_an_organization_puts_back_everything_it_had(seeds_imported):
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    OrganizationAlias.objects.create(organization=keti, name="Korea Elec. Tech. Inst.")
    event = Event.objects.get(name="China-Korea Industry Forum")
    event.participants.get_or_create(organization=cqu, role="participant")
    event.participants.get_or_create(organization=keti, role="participant")  # folded away
    survivor_before, keti_before = state_of(cqu), state_of(keti)
    assert keti_before["mentions"]
    assert keti_before["parties"]

    merge_organizations(survivor=cqu, others=[keti])
    keti.refresh_from_db()
    assert keti.merged_into == cqu
    assert state_of(keti)["mentions"] == []

    unmerge(keti)
    keti.refresh_from_db()
    cqu.refresh_from_db()
    assert state_of(keti) == keti_before
    assert state_of(cqu) == survivor_before
    assert Merge.objects.get().undone_at is not None
    reasons = [h.history_change_reason for h in keti.history.order_by("history_date")]
    assert reasons[-2:] == [
        f"admin: merged into Chongqing University (#{cqu.pk})",
        f"admin: unmerged from Chongqing University (#{cqu.pk})",
    ]
    assert "merged Korea Electronics" in " ".join(
        h.history_change_reason or "" for h in cqu.history.all()
    )


def test_unmerging_a_person_puts_back_positions_and_signatures(seeds_imported):
    yang = Person.objects.get(name="Yang Dan")
    signer = Signatory.objects.exclude(person=yang).first() or Signatory.objects.first()
    other = signer.person if signer.person != yang else Person.objects.exclude(pk=yang.pk).first()
    Position.objects.get_or_create(person=other, organization=None, title="visiting scholar")
    Position.objects.get_or_create(person=yang, organization=None, title="visiting scholar")
    yang_before, other_before = state_of(yang), state_of(other)

    merge_people(survivor=yang, others=[other])
    unmerge(other)
    other.refresh_from_db()
    yang.refresh_from_db()
    assert state_of(other) == other_before
    assert state_of(yang) == yang_before


def test_after_an_unmerge_the_import_maps_its_names_to_it_again(seed_dir, run_import):
    run_import(seed_dir)
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    merge_organizations(survivor=cqu, others=[keti])
    unmerge(keti)
    for seed in seed_dir.glob("*.txt"):
        seed.write_text(seed.read_text() + "\n\nKorea Electronics Technology Institute spoke.")
    run_import(seed_dir)
    assert keti.mentions.filter(quote="Korea Electronics Technology Institute").count() >= 5
    assert not cqu.mentions.filter(quote="Korea Electronics Technology Institute").exists()


def test_after_an_unmerge_its_page_no_longer_redirects(seeds_imported):
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    merge_organizations(survivor=cqu, others=[keti])
    reader = Client()
    assert reader.get(keti.get_absolute_url()).status_code == 301
    unmerge(keti)
    assert reader.get(keti.get_absolute_url()).status_code == 200


def test_a_record_that_is_not_merged_cannot_be_unmerged(seeds_imported):
    keti = Organization.objects.get(acronym="KETI")
    with pytest.raises(UnmergeError, match="is not merged"):
        unmerge(keti)


def test_merges_are_undone_newest_first(seeds_imported):
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    third = Organization.objects.exclude(pk__in=[cqu.pk, keti.pk]).first()
    merge_organizations(survivor=keti, others=[third])
    merge_organizations(survivor=cqu, others=[keti])
    third.refresh_from_db()
    assert third.merged_into == cqu
    with pytest.raises(UnmergeError, match="undo that merge first"):
        unmerge(third)
    unmerge(keti)
    third.refresh_from_db()
    assert third.merged_into == keti
    unmerge(third)
    assert Agreement.objects.exists()
