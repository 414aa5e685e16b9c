"""Deleting an entity leaves a tombstone, whichever interface deleted it, so that a later
import of the same name does not bring it back."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from archive.models import Agreement, Event, Organization, Person, Tombstone

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


for model in _TOMBSTONE_KEYS:
    receiver(post_delete, sender=model, dispatch_uid=f"tombstone-{model.__name__}")(
        _leave_tombstone
    )
