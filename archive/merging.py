"""Merging duplicate organizations or people, and undoing a merge.

A merge folds records into a survivor: every mention, position, party, signatory and
participant moves to it, their names and acronyms become its aliases, and they stay as
pointers to it (merged_into), so old links and later imports find the survivor. Each merge
writes a `Merge` row listing what it moved and what it folded away (a position or a
participation the survivor already had), so `unmerge` can put back exactly that: the
record's own rows, aliases and names, its redirect ended. Both appear in the records'
history, with who did it and from which interface."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from archive.models import (
    EventParticipant,
    Mention,
    Merge,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Position,
    Signatory,
)
from archive.text import normalize_name


class UnmergeError(ValueError):
    """The record cannot be unmerged as it stands; the message says why."""


def _user_id(user) -> int | None:
    return user.pk if user is not None and user.is_authenticated else None


@transaction.atomic
def merge_organizations(
    *, survivor: Organization, others: Iterable[Organization], user=None, interface="admin"
) -> Organization:
    """Fold duplicate organizations into `survivor` (see the module's docstring)."""
    others = [o for o in others if o.pk != survivor.pk]
    for other in others:
        # First, so that its leaving the public's view is recorded as a merge (archive.changes)
        Organization.objects.filter(pk=other.pk).update(merged_into=survivor)
        moved = {
            "mentions": _ids(Mention.objects.filter(organization=other)),
            "on_behalf_of": _ids(Signatory.objects.filter(on_behalf_of=other)),
            "units": _ids(Organization.objects.filter(parent=other).exclude(pk=survivor.pk)),
            "merged_from": _ids(Organization.objects.filter(merged_into=other)),
            "aliases": _ids(other.aliases.all()),
            "parties": [],
        }
        Mention.objects.filter(pk__in=moved["mentions"]).update(organization=survivor)
        moved |= _move_positions(
            Position.objects.filter(organization=other), "organization", survivor
        )
        for agreement in other.agreements.all():
            was_party = agreement.parties.filter(pk=survivor.pk).exists()
            moved["parties"].append({"agreement": agreement.pk, "survivor_was_party": was_party})
            agreement.parties.remove(other)
            agreement.parties.add(survivor)
        Signatory.objects.filter(pk__in=moved["on_behalf_of"]).update(on_behalf_of=survivor)
        moved |= _move_participants(
            EventParticipant.objects.filter(organization=other), "organization", survivor
        )
        Organization.objects.filter(pk__in=moved["units"]).update(parent=survivor)
        Organization.objects.filter(pk__in=moved["merged_from"]).update(merged_into=survivor)
        other.aliases.update(organization=survivor)
        moved["names"] = _add_aliases(
            OrganizationAlias,
            "organization",
            survivor,
            [(other.name, False), (other.acronym, True)],
        )
        moved["survivor_parent"] = survivor.parent_id == other.pk
        if moved["survivor_parent"]:
            survivor.parent = None
            survivor.save(update_fields=["parent", "updated_at"])
        _fold(Merge.Kind.ORGANIZATION, other, survivor, moved, user, interface)
    return survivor


@transaction.atomic
def merge_people(
    *, survivor: Person, others: Iterable[Person], user=None, interface="admin"
) -> Person:
    """Fold duplicate people into `survivor`, as merge_organizations does."""
    others = [o for o in others if o.pk != survivor.pk]
    for other in others:
        Person.objects.filter(pk=other.pk).update(merged_into=survivor)  # first, as above
        moved = {
            "mentions": _ids(Mention.objects.filter(person=other)),
            "merged_from": _ids(Person.objects.filter(merged_into=other)),
            "aliases": _ids(other.aliases.all()),
            "signatures": [],
            "signatures_folded": [],
        }
        Mention.objects.filter(pk__in=moved["mentions"]).update(person=survivor)
        moved |= _move_positions(Position.objects.filter(person=other), "person", survivor)
        for signature in Signatory.objects.filter(person=other):
            if Signatory.objects.filter(
                agreement_id=signature.agreement_id, person=survivor
            ).exists():
                moved["signatures_folded"].append(
                    {
                        "id": signature.pk,
                        "agreement": signature.agreement_id,
                        "on_behalf_of": signature.on_behalf_of_id,
                    }
                )
                signature.delete()
            else:
                moved["signatures"].append(signature.pk)
                signature.person = survivor
                signature.save(update_fields=["person"])
        moved |= _move_participants(
            EventParticipant.objects.filter(person=other), "person", survivor
        )
        Person.objects.filter(pk__in=moved["merged_from"]).update(merged_into=survivor)
        other.aliases.update(person=survivor)
        moved["names"] = _add_aliases(PersonAlias, "person", survivor, [(other.name, False)])
        _fold(Merge.Kind.PERSON, other, survivor, moved, user, interface)
    return survivor


def _named(record) -> str:
    """A record in a history entry's reason, which holds 100 characters."""
    name = record.name if len(record.name) <= 60 else record.name[:59] + "…"
    return f"{name} (#{record.pk})"


def _ids(queryset) -> list[int]:
    return list(queryset.order_by("pk").values_list("pk", flat=True))


def _fold(kind, other, survivor, moved: dict, user, interface: str) -> None:
    """Point the merged record at its survivor, and put the merge on record and in both
    records' history."""
    Merge.objects.create(
        kind=kind,
        merged_id=other.pk,
        survivor_id=survivor.pk,
        merged_name=other.name,
        survivor_name=survivor.name,
        moved=moved,
        merged_by_id=_user_id(user),
        interface=interface,
    )
    other.merged_into = survivor
    other._change_reason = f"{interface}: merged into {_named(survivor)}"
    other.save(update_fields=["merged_into", "updated_at"])
    survivor._change_reason = f"{interface}: merged {_named(other)} into it"
    survivor.save(update_fields=["updated_at"])


def _move_positions(positions, field: str, survivor) -> dict:
    """Positions move to the survivor; where it holds the same title already, the
    duplicate's mentions move to that position and the duplicate goes."""
    moved, folded = [], []
    for position in positions:
        key = {
            "person_id": position.person_id,
            "organization_id": position.organization_id,
            f"{field}_id": survivor.pk,
            "title": position.title,
        }
        twin = Position.objects.filter(**key).first()
        if twin:
            mentions = _ids(position.mentions.all())
            folded.append(
                {
                    "id": position.pk,
                    "person": position.person_id,
                    "organization": position.organization_id,
                    "title": position.title,
                    "mentions": mentions,
                }
            )
            position.mentions.update(position=twin)
            position.delete()
        else:
            moved.append(position.pk)
            setattr(position, field, survivor)
            position.save(update_fields=[field])
    return {"positions": moved, "positions_folded": folded}


def _move_participants(participants, field: str, survivor) -> dict:
    moved, folded = [], []
    for participant in participants:
        exists = EventParticipant.objects.filter(
            event_id=participant.event_id, role=participant.role, **{field: survivor}
        ).exists()
        if exists:
            folded.append(
                {"id": participant.pk, "event": participant.event_id, "role": participant.role}
            )
            participant.delete()
        else:
            moved.append(participant.pk)
            setattr(participant, field, survivor)
            participant.save(update_fields=[field])
    return {"participants": moved, "participants_folded": folded}


def _add_aliases(alias_model, owner_field: str, survivor, names: list[tuple[str, bool]]) -> list:
    """The merged record's names become the survivor's aliases. Returns what each alias
    was before (None for a new one), to put back on unmerge."""
    written = []
    for name, is_acronym in names:
        normalized = normalize_name(name)
        if not normalized or normalized == survivor.normalized_name:
            continue
        before = alias_model.objects.filter(normalized=normalized).first()
        alias, _ = alias_model.objects.update_or_create(
            normalized=normalized,
            defaults={owner_field: survivor, "name": name, "is_acronym": is_acronym},
        )
        previous = None
        if before is not None:
            previous = {
                "owner": getattr(before, f"{owner_field}_id"),
                "name": before.name,
                "is_acronym": before.is_acronym,
            }
        written.append({"id": alias.pk, "before": previous})
    return written


# -- undoing a merge ---------------------------------------------------------------------


def last_merge(record) -> Merge | None:
    kind = Merge.Kind.ORGANIZATION if isinstance(record, Organization) else Merge.Kind.PERSON
    return (
        Merge.objects.filter(kind=kind, merged_id=record.pk, undone_at__isnull=True)
        .order_by("-merged_at", "-id")
        .first()
    )


@transaction.atomic
def unmerge(record, *, user=None, interface: str = "admin"):
    """Undo the last merge of `record` (an organization or a person): it comes back with
    its own names, aliases, mentions, positions, relations as they were before the merge,
    and its redirect ends. Rows that have since moved on (an editor pointed a mention
    elsewhere) are left where they are. UnmergeError when it cannot be done."""
    model = type(record)
    record = model.objects.select_for_update().get(pk=record.pk)
    merge = last_merge(record)
    if merge is None or record.merged_into_id is None:
        raise UnmergeError(f"{record.name} is not merged into another record.")
    if record.merged_into_id != merge.survivor_id:
        survivor = model.objects.filter(pk=merge.survivor_id).first()
        name = survivor.name if survivor else f"#{merge.survivor_id}"
        raise UnmergeError(f"{name} has been merged since: undo that merge first.")
    survivor = model.objects.get(pk=merge.survivor_id)
    field = merge.kind
    moved = merge.moved
    Mention.objects.filter(pk__in=moved["mentions"], **{field: survivor}).update(**{field: record})
    Position.objects.filter(pk__in=moved["positions"], **{field: survivor}).update(
        **{field: record}
    )
    for folded in moved["positions_folded"]:
        taken = Position.objects.filter(pk=folded["id"]).exists()  # SQLite reuses ids
        position = Position.objects.create(
            id=None if taken else folded["id"],
            person_id=folded["person"],
            organization_id=folded["organization"],
            title=folded["title"],
        )
        Mention.objects.filter(pk__in=folded["mentions"]).update(position=position)
    EventParticipant.objects.filter(pk__in=moved["participants"], **{field: survivor}).update(
        **{field: record}
    )
    for folded in moved["participants_folded"]:
        EventParticipant.objects.get_or_create(
            event_id=folded["event"], role=folded["role"], **{field: record}
        )
    model.objects.filter(pk__in=moved["merged_from"], merged_into=survivor).update(
        merged_into=record
    )
    alias_model = OrganizationAlias if field == "organization" else PersonAlias
    alias_model.objects.filter(pk__in=moved["aliases"], **{field: survivor}).update(
        **{field: record}
    )
    for name in moved["names"]:
        alias = alias_model.objects.filter(pk=name["id"], **{field: survivor})
        if name["before"] is None:
            alias.delete()
        else:
            before = name["before"]
            alias.update(
                **{f"{field}_id": before["owner"]},
                name=before["name"],
                is_acronym=before["is_acronym"],
            )
    if field == "organization":
        _restore_organization_relations(record, survivor, moved)
    else:
        _restore_signatures(record, survivor, moved)

    record.merged_into = None
    record._change_reason = f"{interface}: unmerged from {_named(survivor)}"
    record.save(update_fields=["merged_into", "updated_at"])
    survivor._change_reason = f"{interface}: {_named(record)} unmerged from it"
    survivor.save(update_fields=["updated_at"])
    merge.undone_at, merge.undone_by_id = timezone.now(), _user_id(user)
    merge.save(update_fields=["undone_at", "undone_by"])
    Mention.objects.filter(**{field: record}).refresh_public_records()
    return record


def _restore_organization_relations(record, survivor, moved: dict) -> None:
    from archive.models import Agreement

    for party in moved["parties"]:
        agreement = Agreement.objects.filter(pk=party["agreement"]).first()
        if agreement is None:
            continue
        agreement.parties.add(record)
        if not party["survivor_was_party"]:
            agreement.parties.remove(survivor)
    Signatory.objects.filter(pk__in=moved["on_behalf_of"], on_behalf_of=survivor).update(
        on_behalf_of=record
    )
    Organization.objects.filter(pk__in=moved["units"], parent=survivor).update(parent=record)
    if moved["survivor_parent"] and survivor.parent_id is None:
        survivor.parent = record
        survivor.save(update_fields=["parent", "updated_at"])


def _restore_signatures(record, survivor, moved: dict) -> None:
    Signatory.objects.filter(pk__in=moved["signatures"], person=survivor).update(person=record)
    for folded in moved["signatures_folded"]:
        Signatory.objects.get_or_create(
            agreement_id=folded["agreement"],
            person=record,
            defaults={"on_behalf_of_id": folded["on_behalf_of"]},
        )
