"""What a client that keeps a copy of the archive needs to stay in step with it.

Every record carries `updated_at`, moved on by every write: `save()` (auto_now), the
querysets' `update()` (archive.models.TouchingQuerySet), and `touch()` where something a
record shows changes elsewhere (a relation, whether the public sees it). What leaves a
reader's view is written down here as a `Removal`, in the transaction that removes it:

- a record deleted (archive.signals);
- an organization, person, agreement or event that the public no longer sees: hidden,
  merged, or no published article supports it any more (EntityQuerySet.refresh_public,
  the one place that withdraws them);
- an article withdrawn from publication, with its mentions (ArticleQuerySet.update and
  archive.signals for saves);
- a mention rejected by an editor (MentionQuerySet.update, archive.signals).

A removal says whether the public could read the record until then (`public`): anonymous
clients are told only of those."""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.db import connection
from django.utils.dateparse import parse_datetime

from archive.models import (
    Agreement,
    Article,
    ArticleStatus,
    Event,
    EventParticipant,
    Mention,
    Organization,
    Person,
    Position,
    RecordKind,
    Removal,
    ReviewStatus,
    Signatory,
)
from archive.models import RemovalReason as Reason

KINDS = {
    Article: RecordKind.ARTICLE,
    Organization: RecordKind.ORGANIZATION,
    Person: RecordKind.PERSON,
    Agreement: RecordKind.AGREEMENT,
    Event: RecordKind.EVENT,
    Mention: RecordKind.MENTION,
}

__all__ = [
    "Reason",
    "archive_changed_at",
    "articles_withdrawn",
    "deleted",
    "mentions_rejected",
    "records_withdrawn",
    "renamed",
]


def _write(rows: list[Removal]) -> None:
    if rows:
        Removal.objects.bulk_create(rows, batch_size=1000)


def records_withdrawn(model, lost: Iterable[tuple[int, bool, int | None]]) -> None:
    """Organizations, people, agreements or events the public no longer sees, as
    (id, hidden, merged_into_id): why is read from the record."""
    rows = []
    for pk, hidden, merged_into in lost:
        if merged_into is not None:
            reason = Reason.MERGED
        elif hidden:
            reason = Reason.HIDDEN
        else:
            reason = Reason.UNPUBLISHED
        rows.append(
            Removal(kind=KINDS[model], record_id=pk, reason=reason, merged_into_id=merged_into)
        )
    _write(rows)


def articles_withdrawn(ids: list[int], *, reason: str) -> None:
    """Published articles that are no longer (unpublished, or deleted), and the mentions
    in them that the public could read."""
    if not ids:
        return
    rows = [Removal(kind=RecordKind.ARTICLE, record_id=pk, reason=reason) for pk in ids]
    for start in range(0, len(ids), 5000):
        mentions = Mention.objects.filter(article_id__in=ids[start : start + 5000]).exclude(
            review_status=ReviewStatus.REJECTED
        )
        rows += [
            Removal(kind=RecordKind.MENTION, record_id=pk, reason=reason)
            for pk in mentions.values_list("pk", flat=True).order_by()
        ]
    _write(rows)


def mentions_rejected(ids: list[int]) -> None:
    """Mentions the public could read that an editor rejected."""
    _write([Removal(kind=RecordKind.MENTION, record_id=pk, reason=Reason.REJECTED) for pk in ids])


def deleted(instance) -> None:
    """A record deleted; whether the public could read it is read from the record."""
    model = type(instance)
    if model is Article:
        public = instance.status == ArticleStatus.PUBLISHED
    elif model is Mention:
        public = (
            instance.review_status != ReviewStatus.REJECTED
            and Article.objects.filter(
                pk=instance.article_id, status=ArticleStatus.PUBLISHED
            ).exists()
        )
    else:
        public = instance.is_public
    _write(
        [Removal(kind=KINDS[model], record_id=instance.pk, reason=Reason.DELETED, public=public)]
    )


def renamed(model, ids: list[int]) -> None:
    """Records renamed: mark changed the records whose lists show their name (a person's
    positions, an agreement's parties and signatories, an event's participants, a merged
    record's survivor, a mention's article)."""
    if model is Article:
        Mention.objects.filter(article_id__in=ids).touch()
    elif model is Organization:
        Person.objects.filter(pk__in=_ids(Position, "person", organization__in=ids)).touch()
        Agreement.objects.filter(parties__in=ids).touch()
        Event.objects.filter(pk__in=_ids(EventParticipant, "event", organization__in=ids)).touch()
        Organization.objects.filter(merged_into__in=ids).touch()
    elif model is Person:
        Agreement.objects.filter(pk__in=_ids(Signatory, "agreement", person__in=ids)).touch()
        Event.objects.filter(pk__in=_ids(EventParticipant, "event", person__in=ids)).touch()
        Person.objects.filter(merged_into__in=ids).touch()


def _ids(model, field: str, **lookup):
    return model.objects.filter(**lookup).values(f"{field}_id")


def archive_changed_at() -> datetime | None:
    """When anything of the archive last changed: the newest `updated_at` of any kind of
    record, or the newest removal. One query; each part reads the end of an index."""
    quote = connection.ops.quote_name
    columns = [(model._meta.db_table, "updated_at") for model in KINDS]
    columns.append((Removal._meta.db_table, "removed_at"))
    parts = ", ".join(f"(SELECT MAX({quote(c)}) FROM {quote(t)})" for t, c in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}")
        row = cursor.fetchone()
    stamps = []
    for value in row:
        if isinstance(value, str):  # SQLite hands back text, in UTC
            value = parse_datetime(value)
        if value is not None:
            stamps.append(value if value.tzinfo else value.replace(tzinfo=UTC))
    return max(stamps, default=None)
