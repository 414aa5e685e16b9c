"""Writes that several interfaces share (admin, API, import): an editor's edit, which locks
the fields it touched, and the merge of duplicate organizations or people."""

from collections.abc import Iterable

from django.db import transaction

from archive.models import (
    Article,
    EventParticipant,
    Mention,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Position,
    Signatory,
)
from archive.text import normalize_name

# Fields that are not content: changing them never locks anything.
UNLOCKABLE = {"id", "locked_fields", "created_at", "updated_at", "normalized_name", "fingerprint"}
# A date and its precision are one fact: locking one locks the other.
LOCKED_TOGETHER = {
    "published_on": {"date_precision", "date_inferred"},
    "start_date": {"end_date", "date_precision"},
}


def unique_slug(model, text: str) -> str:
    """A slug for a new record made by hand (admin or API), unique among its kind."""
    from archive.text import make_slug

    base = make_slug(text, max_length=72)
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def save_editor_changes(
    instance, *, changed_fields: Iterable[str], interface: str = "admin"
) -> list[str]:
    """Save an editor's edit and lock the fields it changed against later imports. History
    records the change with the interface it came from.

    No lock is ever lost here: the stored record's locks are kept whatever the instance
    carries (a revert to a version from before a lock carries none); only `unlock_fields`
    hands fields back. An edit that changes nothing saves nothing, so history holds no
    empty entries."""
    changed = set(changed_fields) - UNLOCKABLE
    stored = []
    if instance.pk is not None:
        stored = (
            type(instance)
            ._default_manager.filter(pk=instance.pk)
            .values_list("locked_fields", flat=True)
            .first()
        )
    locked = set(stored or [])
    for name in changed:
        locked.add(name)
        locked |= LOCKED_TOGETHER.get(name, set())
    if instance.pk is not None and not changed and locked == set(stored or []):
        instance.locked_fields = sorted(locked)
        return instance.locked_fields
    instance.locked_fields = sorted(locked)
    instance._change_reason = interface
    instance.save()
    return instance.locked_fields


def edited_fields(instance, names: Iterable[str]) -> list[str]:
    """The fields among `names` whose value on `instance` differs from the stored record's:
    what an edit (or a revert to an older version) really changes."""
    if instance.pk is None:
        return list(names)
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    if stored is None:
        return list(names)
    changed = []
    for name in names:
        field = instance._meta.get_field(name)
        if (
            field.concrete
            and not field.many_to_many
            and getattr(instance, field.attname) != getattr(stored, field.attname)
        ):
            changed.append(name)
    return changed


def keep_stored_values(instance, *, except_fields: Iterable[str]) -> None:
    """Give `instance` the stored record's values for every field but these: a revert
    restores what its form shows, never a merge, a public flag or a lock."""
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    if stored is None:
        return
    keep = set(except_fields)
    for field in instance._meta.concrete_fields:
        if not field.primary_key and field.name not in keep:
            setattr(instance, field.attname, getattr(stored, field.attname))


def unlock_fields(instance, *, fields: Iterable[str], interface: str = "admin") -> list[str]:
    """Hand fields back to the import: the next changed import may write them again."""
    instance.locked_fields = sorted(set(instance.locked_fields or []) - set(fields))
    instance._change_reason = f"{interface}: unlocked {', '.join(sorted(fields))}"
    instance.save(update_fields=["locked_fields", "updated_at"])
    return instance.locked_fields


def set_article_status(
    articles: Iterable[Article], *, status: str, interface: str = "admin"
) -> int:
    """Move articles through the workflow (draft, in review, published). The editor's
    decision is locked: an import with --publish does not overrule it."""
    changed = 0
    for article in articles:
        if article.status != status:
            article.status = status
            save_editor_changes(article, changed_fields=["status"], interface=interface)
            changed += 1
    return changed


@transaction.atomic
def merge_organizations(*, survivor: Organization, others: Iterable[Organization]) -> Organization:
    """Fold duplicates into `survivor`: every mention, position, party, signatory and
    participant moves to it, their names and acronyms become its aliases, and they stay as
    pointers to it (merged_into), so old links and later imports find the survivor."""
    others = [o for o in others if o.pk != survivor.pk]
    for other in others:
        Mention.objects.filter(organization=other).update(organization=survivor)
        _move_positions(Position.objects.filter(organization=other), "organization", survivor)
        for agreement in other.agreements.all():
            agreement.parties.remove(other)
            agreement.parties.add(survivor)
        Signatory.objects.filter(on_behalf_of=other).update(on_behalf_of=survivor)
        _move_participants(
            EventParticipant.objects.filter(organization=other), "organization", survivor
        )
        Organization.objects.filter(parent=other).exclude(pk=survivor.pk).update(parent=survivor)
        Organization.objects.filter(merged_into=other).update(merged_into=survivor)
        other.aliases.update(organization=survivor)
        _add_aliases(
            OrganizationAlias,
            "organization",
            survivor,
            [(other.name, False), (other.acronym, True)],
        )
        other.merged_into = survivor
        other._change_reason = f"merged into {survivor.name} (#{survivor.pk})"
        other.save(update_fields=["merged_into", "updated_at"])
    if survivor.parent_id in {o.pk for o in others}:
        survivor.parent = None
        survivor.save(update_fields=["parent", "updated_at"])
    return survivor


@transaction.atomic
def merge_people(*, survivor: Person, others: Iterable[Person]) -> Person:
    """Fold duplicate people into `survivor`, as merge_organizations does."""
    others = [o for o in others if o.pk != survivor.pk]
    for other in others:
        Mention.objects.filter(person=other).update(person=survivor)
        _move_positions(Position.objects.filter(person=other), "person", survivor)
        for signature in Signatory.objects.filter(person=other):
            if Signatory.objects.filter(
                agreement_id=signature.agreement_id, person=survivor
            ).exists():
                signature.delete()
            else:
                signature.person = survivor
                signature.save(update_fields=["person"])
        _move_participants(EventParticipant.objects.filter(person=other), "person", survivor)
        Person.objects.filter(merged_into=other).update(merged_into=survivor)
        other.aliases.update(person=survivor)
        _add_aliases(PersonAlias, "person", survivor, [(other.name, False)])
        other.merged_into = survivor
        other._change_reason = f"merged into {survivor.name} (#{survivor.pk})"
        other.save(update_fields=["merged_into", "updated_at"])
    return survivor


def _move_positions(positions, field: str, survivor) -> None:
    """Positions move to the survivor; where it holds the same title already, the
    duplicate's mentions move to that position and the duplicate goes."""
    for position in positions:
        key = {
            "person_id": position.person_id,
            "organization_id": position.organization_id,
            f"{field}_id": survivor.pk,
            "title": position.title,
        }
        twin = Position.objects.filter(**key).first()
        if twin:
            position.mentions.update(position=twin)
            position.delete()
        else:
            setattr(position, field, survivor)
            position.save(update_fields=[field])


def _move_participants(participants, field: str, survivor) -> None:
    for participant in participants:
        exists = EventParticipant.objects.filter(
            event_id=participant.event_id, role=participant.role, **{field: survivor}
        ).exists()
        if exists:
            participant.delete()
        else:
            setattr(participant, field, survivor)
            participant.save(update_fields=[field])


def _add_aliases(alias_model, owner_field: str, survivor, names: list[tuple[str, bool]]) -> None:
    for name, is_acronym in names:
        normalized = normalize_name(name)
        if not normalized or normalized == survivor.normalized_name:
            continue
        alias_model.objects.update_or_create(
            normalized=normalized,
            defaults={owner_field: survivor, "name": name, "is_acronym": is_acronym},
        )
