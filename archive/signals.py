"""What happens after any interface writes, so that no interface can forget it:

- deleting an entity leaves a tombstone, so that a later import of the same name does not
  bring it back;
- saving or deleting an article, a mention or a record refreshes the stored `is_public` of
  the records concerned (see archive.models.EntityQuerySet). Writes in bulk refresh it
  themselves;
- what leaves a reader's view (deleted, withdrawn, rejected) is recorded as a removal, and
  a record whose relations an editor changes (a position, a participant, a party, an
  alias) is marked changed (archive.changes)."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from archive import changes
from archive.models import (
    PUBLIC_RECORDS,
    Agreement,
    Article,
    ArticleStatus,
    Event,
    EventParticipant,
    Mention,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Position,
    ReviewStatus,
    Signatory,
    Tombstone,
    refresh_public_named,
)

_TOMBSTONE_KEYS = {
    Organization: (Tombstone.Kind.ORGANIZATION, "normalized_name", "name"),
    Person: (Tombstone.Kind.PERSON, "normalized_name", "name"),
    Agreement: (Tombstone.Kind.AGREEMENT, "fingerprint", "title"),
    Event: (Tombstone.Kind.EVENT, "fingerprint", "name"),
}


def _leave_tombstone(sender, instance, **kwargs) -> None:
    kind, key_field, name_field = _TOMBSTONE_KEYS[sender]
    Tombstone.objects.get_or_create(
        kind=kind,
        key=getattr(instance, key_field),
        defaults={"name": getattr(instance, name_field)[:300]},
    )


def _refresh_record(sender, instance, raw=False, **kwargs) -> None:
    """Hidden, shown or merged: whether the public sees the record may have changed."""
    if not raw:
        sender.objects.filter(pk=instance.pk).refresh_public()


for model in _TOMBSTONE_KEYS:
    receiver(post_delete, sender=model, dispatch_uid=f"tombstone-{model.__name__}")(
        _leave_tombstone
    )
    receiver(post_save, sender=model, dispatch_uid=f"public-{model.__name__}")(_refresh_record)


def _remember_stored(sender, instance, raw=False, **kwargs) -> None:
    """What this save changes from (a status, a name), when the record was not loaded
    from the database with it."""
    watched = sender.watched_fields
    if instance.pk and not raw and any(instance.stored(name) is None for name in watched):
        stored = sender.objects.filter(pk=instance.pk).values(*watched).first() or {}
        instance._stored = {name: stored.get(name) for name in watched}


def _stored_now(instance) -> dict:
    """What a save changed, {field: value before}; the record now holds what it saved."""
    before = getattr(instance, "_stored", {})
    instance._stored = {name: getattr(instance, name) for name in type(instance).watched_fields}
    return {name: value for name, value in before.items() if value != instance._stored[name]}


for model in (Article, Organization, Person):
    receiver(pre_save, sender=model, dispatch_uid=f"stored-{model.__name__}")(_remember_stored)


@receiver(post_save, sender=Article, dispatch_uid="public-article")
def _refresh_mentioned(sender, instance, created, raw=False, **kwargs) -> None:
    """Published or withdrawn: the records the article mentions may have changed, its
    mentions are seen or no longer; a withdrawal is a removal. Retitled: its mentions show
    the title."""
    changed = _stored_now(instance)
    if created or raw:
        return
    instance.mentions.all().refresh_public_records()
    if "status" in changed:
        instance.mentions.all().touch()
        if changed["status"] == ArticleStatus.PUBLISHED:
            changes.articles_withdrawn([instance.pk], reason=changes.Reason.UNPUBLISHED)
    elif "title" in changed:
        changes.renamed(Article, [instance.pk])


def _renamed(sender, instance, created, raw=False, **kwargs) -> None:
    if "name" in _stored_now(instance) and not (created or raw):
        changes.renamed(sender, [instance.pk])


for model in (Organization, Person):
    receiver(post_save, sender=model, dispatch_uid=f"renamed-{model.__name__}")(_renamed)


def _named_by(mention) -> dict[str, list]:
    return {field: [getattr(mention, f"{field}_id")] for field in PUBLIC_RECORDS}


@receiver(pre_save, sender=Mention, dispatch_uid="public-mention-before")
def _remember_named(sender, instance, raw=False, **kwargs) -> None:
    before = Mention.objects.filter(pk=instance.pk).first() if instance.pk and not raw else None
    instance._named_before = _named_by(before) if before else {}
    instance._review_before = before.review_status if before else None


@receiver(post_save, sender=Mention, dispatch_uid="public-mention-saved")
def _refresh_named_by_saved(sender, instance, raw=False, **kwargs) -> None:
    """Confirmed, rejected or pointed elsewhere: before and after may both have changed."""
    if raw:
        return
    named = _named_by(instance)
    for field, ids in getattr(instance, "_named_before", {}).items():
        named[field] += ids
    refresh_public_named(named)
    before = getattr(instance, "_review_before", None)
    if (
        instance.review_status == ReviewStatus.REJECTED
        and before not in {None, ReviewStatus.REJECTED}
        and Article.objects.filter(pk=instance.article_id, status=ArticleStatus.PUBLISHED).exists()
    ):
        changes.mentions_rejected([instance.pk])


@receiver(post_delete, sender=Mention, dispatch_uid="public-mention-deleted")
def _refresh_named_by_deleted(sender, instance, origin=None, **kwargs) -> None:
    named = _named_by(instance)
    if type(origin) in _TOMBSTONE_KEYS:  # the record itself is being deleted: nothing to refresh
        field = type(origin)._meta.model_name
        named[field] = [pk for pk in named[field] if pk != origin.pk]
    refresh_public_named(named)


def _record_deletion(sender, instance, **kwargs) -> None:
    changes.deleted(instance)


for model in (Article, Organization, Person, Agreement, Event, Mention):
    receiver(post_delete, sender=model, dispatch_uid=f"removal-{model.__name__}")(_record_deletion)


# What a record shows of its relations: a person's positions, an event's participants, an
# agreement's signatories and parties, an entity's aliases. Editors change them one by one
# (the admin); the import marks the records its mentions support (show_supported).
_OWNERS = {
    Position: (Person, "person_id"),
    EventParticipant: (Event, "event_id"),
    Signatory: (Agreement, "agreement_id"),
    OrganizationAlias: (Organization, "organization_id"),
    PersonAlias: (Person, "person_id"),
}


def _touch_owner(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        model, field = _OWNERS[sender]
        model.objects.filter(pk=getattr(instance, field)).touch()


for model in _OWNERS:
    for signal in (post_save, post_delete):
        receiver(signal, sender=model, dispatch_uid=f"touch-{signal}-{model.__name__}")(
            _touch_owner
        )


@receiver(m2m_changed, sender=Agreement.parties.through, dispatch_uid="touch-parties")
def _touch_parties(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        Agreement.objects.filter(pk=instance.pk).touch()
    elif pk_set:
        Agreement.objects.filter(pk__in=pk_set).touch()
