"""Writes that several interfaces share (admin, API, import): an editor's edit, which locks
the fields it touched, and the merge of duplicate organizations or people."""

from collections.abc import Iterable

from django.db import transaction

from archive.merging import (
    UnmergeError,
    merge_organizations,
    merge_people,
    unmerge,
)
from archive.models import Article, ArticleStatus, Mention

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
    instance._change_reason = f"{interface}: unlocked {', '.join(sorted(fields))}"[:100]
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


__all__ = [
    "LOCKED_TOGETHER",
    "UnmergeError",
    "edited_fields",
    "fold_near_copies",
    "keep_near_copies",
    "keep_stored_values",
    "merge_organizations",
    "merge_people",
    "review_mentions",
    "save_editor_changes",
    "set_article_status",
    "unique_slug",
    "unlock_fields",
    "unmerge",
]


def review_mentions(mentions, *, status: str, user=None, interface: str = "admin") -> int:
    """Confirm or reject mentions. Each decision goes on record (the mention's history:
    who, when, from which interface); mentions that already have this status are left
    alone, so nothing empty is recorded. Returns how many changed."""
    changing = list(mentions.exclude(review_status=status))
    if not changing:
        return 0
    with transaction.atomic():
        Mention.objects.filter(pk__in=[m.pk for m in changing]).update(review_status=status)
        for mention in changing:
            mention.review_status = status
        Mention.history.bulk_history_create(
            changing,
            update=True,
            default_user=user if user is not None and user.is_authenticated else None,
            default_change_reason=interface,
        )
    return len(changing)


def keep_near_copies(articles: Iterable[Article], *, interface: str = "admin") -> int:
    """An editor's decision on candidate duplicates: each is an article of its own. It
    goes to review, the decision locked, and its facts are extracted and written, as the
    import would have. Returns how many were kept."""
    from archive.importing.pipeline import write_facts_again

    kept = []
    with transaction.atomic():
        for article in articles:
            if article.status != ArticleStatus.DUPLICATE:
                continue
            article.status = ArticleStatus.REVIEW
            save_editor_changes(article, changed_fields=["status"], interface=interface)
            kept.append(article)
        write_facts_again(kept)
    return len(kept)


def fold_near_copies(articles: Iterable[Article], *, interface: str = "admin") -> int:
    """An editor's decision on candidate duplicates: each is only a copy of its original.
    It stays out of the public and the review queue for good, kept as a record of the page
    (a re-import of its file leaves it so). Returns how many were folded."""
    folded = 0
    for article in articles:
        if article.status != ArticleStatus.DUPLICATE or "status" in article.locked_fields:
            continue
        article.locked_fields = sorted({*article.locked_fields, "status"})
        article._change_reason = f"{interface}: folded into #{article.duplicate_of_id}"
        article.save(update_fields=["locked_fields", "updated_at"])
        folded += 1
    return folded
