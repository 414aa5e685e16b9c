"""What happens after any interface writes, so that no interface can forget it:

- deleting an entity leaves a tombstone, so that a later import of the same name does not
  bring it back;
- saving or deleting an article, a mention or a record refreshes the stored `is_public` of
  the records concerned (see archive.models.EntityQuerySet). Writes in bulk refresh it
  themselves."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from archive.models import (
    PUBLIC_RECORDS,
    Agreement,
    Article,
    Event,
    Mention,
    Organization,
    Person,
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


@receiver(post_save, sender=Article, dispatch_uid="public-article")
def _refresh_mentioned(sender, instance, created, raw=False, **kwargs) -> None:
    """Published or withdrawn: the records the article mentions may have changed."""
    if not (created or raw):
        instance.mentions.all().refresh_public_records()


def _named_by(mention) -> dict[str, list]:
    return {field: [getattr(mention, f"{field}_id")] for field in PUBLIC_RECORDS}


@receiver(pre_save, sender=Mention, dispatch_uid="public-mention-before")
def _remember_named(sender, instance, raw=False, **kwargs) -> None:
    before = Mention.objects.filter(pk=instance.pk).first() if instance.pk and not raw else None
    instance._named_before = _named_by(before) if before else {}


@receiver(post_save, sender=Mention, dispatch_uid="public-mention-saved")
def _refresh_named_by_saved(sender, instance, raw=False, **kwargs) -> None:
    """Confirmed, rejected or pointed elsewhere: before and after may both have changed."""
    if raw:
        return
    named = _named_by(instance)
    for field, ids in getattr(instance, "_named_before", {}).items():
        named[field] += ids
    refresh_public_named(named)


@receiver(post_delete, sender=Mention, dispatch_uid="public-mention-deleted")
def _refresh_named_by_deleted(sender, instance, **kwargs) -> None:
    refresh_public_named(_named_by(instance))
