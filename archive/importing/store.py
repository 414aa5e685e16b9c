"""Resolve and write: the only import stages that touch the database.

Extracted names are matched against what the archive holds (names, aliases, merges, the
tombstones of deleted records) and written in one transaction per article. The import fills
in what it knows and never writes a field an editor locked."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction

from archive.importing.extract import Extraction, Span
from archive.importing.parse import ParsedArticle
from archive.models import (
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
    Signatory,
    Tombstone,
)
from archive.text import make_slug, normalize_name, unique_suffix


@dataclass
class Changes:
    """What one import did, counted per kind of record: created, updated, unchanged."""

    counts: Counter = field(default_factory=Counter)

    def add(self, kind: str, outcome: str, n: int = 1) -> None:
        if n:
            self.counts[(kind, outcome)] += n

    def merge(self, other: "Changes") -> None:
        self.counts.update(other.counts)


def fill_fields(instance: models.Model, values: dict[str, Any], *, overwrite: bool) -> list[str]:
    """Set the import's values on a record, skipping the fields an editor locked. With
    `overwrite` false only empty fields are filled, so a record several articles state keeps
    what the first one said."""
    locked = set(getattr(instance, "locked_fields", []) or [])
    changed = []
    for name, value in values.items():
        if name in locked:
            continue
        current = getattr(instance, name)
        if current == value or (not overwrite and current not in ("", None, "other")):
            continue
        setattr(instance, name, value)
        changed.append(name)
    return changed


def _unique_slugs(model: type[models.Model], wanted: dict[str, str]) -> dict[str, str]:
    """Slugs for new records, keyed like `wanted`; a taken slug gets a stable suffix."""
    taken = set(model.objects.filter(slug__in=wanted.values()).values_list("slug", flat=True))
    result = {}
    for key, slug in wanted.items():
        if slug in taken:
            slug = f"{slug[:72]}-{unique_suffix(key)}"
        taken.add(slug)
        result[key] = slug
    return result


class _EntityResolver:
    """Finds or creates the organizations or people an article names."""

    def __init__(self, model, alias_model, alias_fk: str, tombstone_kind: str):
        self.model = model
        self.alias_model = alias_model
        self.alias_fk = alias_fk
        self.tombstone_kind = tombstone_kind

    def resolve(self, facts: dict[str, Any], values_of, changes: Changes) -> dict[str, int]:
        """Map each fact's key to a record id; tombstoned names map to nothing."""
        kind = self.model.__name__.lower()
        keys = set(facts)
        buried = set(
            Tombstone.objects.filter(kind=self.tombstone_kind, key__in=keys).values_list(
                "key", flat=True
            )
        )
        by_name = {
            row.normalized_name: row
            for row in self.model.objects.filter(normalized_name__in=keys).select_related(
                "merged_into"
            )
        }
        by_alias = {
            alias.normalized: getattr(alias, self.alias_fk)
            for alias in self.alias_model.objects.filter(normalized__in=keys).select_related(
                self.alias_fk
            )
        }
        ids: dict[str, int] = {}
        to_create: dict[str, models.Model] = {}
        for key, fact in facts.items():
            if key in buried:
                continue
            record = by_alias.get(key) or by_name.get(key)
            if record is None:
                to_create[key] = self.model(name=fact.name, normalized_name=key, **values_of(fact))
                continue
            while record.merged_into_id is not None:  # merged by an editor: the survivor
                record = self.model.objects.get(pk=record.merged_into_id)
            changed = fill_fields(record, values_of(fact), overwrite=False)
            if changed:
                record.save(update_fields=[*changed, "updated_at"])
            changes.add(kind, "updated" if changed else "unchanged")
            ids[key] = record.pk
        if to_create:
            slugs = _unique_slugs(self.model, {k: make_slug(r.name) for k, r in to_create.items()})
            for key, record in to_create.items():
                record.slug = slugs[key]
            self.model.objects.bulk_create(to_create.values())
            if any(r.pk is None for r in to_create.values()):  # backends without RETURNING
                created = self.model.objects.filter(normalized_name__in=to_create)
                for row in created:
                    to_create[row.normalized_name].pk = row.pk
            ids.update({key: record.pk for key, record in to_create.items()})
            changes.add(kind, "created", len(to_create))
        self.add_aliases(facts, ids)
        return ids

    def add_aliases(self, facts: dict[str, Any], ids: dict[str, int]) -> None:
        wanted: dict[str, tuple[int, str, bool]] = {}
        for key, fact in facts.items():
            if key not in ids:
                continue
            acronym = getattr(fact, "acronym", "")
            for alias in getattr(fact, "aliases", ()):
                normalized = normalize_name(alias)
                if normalized and normalized != key:
                    wanted.setdefault(normalized, (ids[key], alias, alias == acronym))
        if not wanted:
            return
        taken = set(
            self.alias_model.objects.filter(normalized__in=wanted).values_list(
                "normalized", flat=True
            )
        ) | set(
            self.model.objects.filter(normalized_name__in=wanted).values_list(
                "normalized_name", flat=True
            )
        )
        new = [
            self.alias_model(
                **{f"{self.alias_fk}_id": owner},
                name=name,
                normalized=normalized,
                is_acronym=is_acronym,
            )
            for normalized, (owner, name, is_acronym) in wanted.items()
            if normalized not in taken
        ]
        self.alias_model.objects.bulk_create(new, ignore_conflicts=True)


ORGANIZATIONS = _EntityResolver(
    Organization, OrganizationAlias, "organization", Tombstone.Kind.ORGANIZATION
)
PERSONS = _EntityResolver(Person, PersonAlias, "person", Tombstone.Kind.PERSON)


def _organization_values(fact) -> dict[str, Any]:
    return {"acronym": fact.acronym[:40], "kind": fact.kind, "country": fact.country}


def _person_values(fact) -> dict[str, Any]:
    return {"nationality": fact.nationality}


def _record_by_fingerprint(
    model, fingerprint: str, values: dict, tombstone_kind: str, changes: Changes, slug_source: str
):
    """Find an agreement or event by fingerprint and update it, or create it."""
    kind = model.__name__.lower()
    if Tombstone.objects.filter(kind=tombstone_kind, key=fingerprint).exists():
        return None
    record = model.objects.filter(fingerprint=fingerprint).first()
    if record is not None:
        while record.merged_into_id is not None:
            record = model.objects.get(pk=record.merged_into_id)
        changed = fill_fields(record, values, overwrite=True)
        if changed:
            record.save(update_fields=[*changed, "updated_at"])
        changes.add(kind, "updated" if changed else "unchanged")
        return record
    slug = _unique_slugs(model, {fingerprint: make_slug(slug_source)})[fingerprint]
    record = model.objects.create(fingerprint=fingerprint, slug=slug, **values)
    changes.add(kind, "created")
    return record


def write_article(
    *,
    parsed: ParsedArticle,
    extraction: Extraction,
    raw_text: str,
    content_hash: str,
    source_file: str,
    publish: bool,
) -> Changes:
    """Write one article and everything it states, in one transaction."""
    changes = Changes()
    with transaction.atomic():
        article = _write_article_row(parsed, raw_text, content_hash, source_file, publish, changes)
        kept_reviews = _forget_mentions(article)

        org_ids = ORGANIZATIONS.resolve(extraction.organizations, _organization_values, changes)
        person_ids = PERSONS.resolve(extraction.persons, _person_values, changes)
        _link_parents(extraction, org_ids)

        mentions: list[Mention] = []

        def mention(kind: str, span: Span, confidence: float, **targets) -> None:
            if any(value is None for value in targets.values()):
                return  # a tombstoned record: the fact is not written
            mentions.append(
                Mention(
                    article=article,
                    kind=kind,
                    start=span.start,
                    end=span.end,
                    quote=span.text,
                    confidence=confidence,
                    **targets,
                )
            )

        for key, fact in extraction.organizations.items():
            for span in fact.spans:
                mention("name", span, fact.confidence, organization_id=org_ids.get(key))
        for key, fact in extraction.persons.items():
            for span in fact.spans:
                mention("name", span, fact.confidence, person_id=person_ids.get(key))

        for position in extraction.positions:
            person_id = person_ids.get(position.person_key)
            org_id = org_ids.get(position.org_key) if position.org_key else None
            if person_id is None or (position.org_key and org_id is None):
                continue
            record, created = Position.objects.get_or_create(
                person_id=person_id, organization_id=org_id, title=position.title[:200]
            )
            changes.add("position", "created" if created else "unchanged")
            mention(
                "position",
                position.span,
                position.confidence,
                person_id=person_id,
                organization_id=org_id,
                position_id=record.pk,
            )

        for fact in extraction.agreements:
            agreement = _record_by_fingerprint(
                Agreement,
                fact.fingerprint,
                {
                    "title": fact.title,
                    "kind": fact.kind,
                    "signed_on": fact.signed_on,
                    "summary": fact.summary,
                },
                Tombstone.Kind.AGREEMENT,
                changes,
                fact.title,
            )
            if agreement is None:
                continue
            mention("agreement", fact.span, fact.confidence, agreement_id=agreement.pk)
            parties = [org_ids[key] for key in fact.party_keys if key in org_ids]
            agreement.parties.add(*parties)
            for org_id in parties:
                mention(
                    "party",
                    fact.span,
                    fact.confidence,
                    agreement_id=agreement.pk,
                    organization_id=org_id,
                )
            for person_key, org_key in fact.signatories:
                if person_key not in person_ids:
                    continue
                Signatory.objects.get_or_create(
                    agreement=agreement,
                    person_id=person_ids[person_key],
                    defaults={"on_behalf_of_id": org_ids.get(org_key)},
                )
                mention(
                    "signatory",
                    fact.span,
                    fact.confidence,
                    agreement_id=agreement.pk,
                    person_id=person_ids[person_key],
                )

        for fact in extraction.events:
            event = _record_by_fingerprint(
                Event,
                fact.fingerprint,
                {
                    "name": fact.name[:300],
                    "kind": fact.kind,
                    "start_date": fact.start_date,
                    "end_date": fact.end_date,
                    "date_precision": fact.date_precision,
                    "city": fact.city,
                    "region": fact.region,
                    "country": fact.country,
                },
                Tombstone.Kind.EVENT,
                changes,
                fact.name,
            )
            if event is None:
                continue
            for span in fact.spans:
                mention("event", span, fact.confidence, event_id=event.pk)
            for role, entity, key, span in fact.participants:
                ids = org_ids if entity == "organization" else person_ids
                if key not in ids:
                    continue
                EventParticipant.objects.get_or_create(
                    event=event, role=role, **{f"{entity}_id": ids[key]}
                )
                mention(
                    role, span, fact.confidence, event_id=event.pk, **{f"{entity}_id": ids[key]}
                )

        for item in mentions:
            item.review_status = kept_reviews.get(_review_key(item), item.review_status)
        Mention.objects.bulk_create(mentions)
        changes.add("mention", "created", len(mentions))
    return changes


def _write_article_row(parsed, raw_text, content_hash, source_file, publish, changes) -> Article:
    values = {
        "title": parsed.title,
        "published_on": parsed.published_on,
        "date_precision": parsed.date_precision,
        "date_inferred": parsed.date_inferred,
        "source": parsed.source[:200],
        "body": parsed.body,
        "language": parsed.language,
    }
    article = Article.objects.filter(source_file=source_file).first()
    if article is None:
        slug = _unique_slugs(Article, {content_hash: make_slug(parsed.title)})[content_hash]
        article = Article.objects.create(
            slug=slug,
            raw_text=raw_text,
            content_hash=content_hash,
            source_file=source_file,
            status=ArticleStatus.PUBLISHED if publish else ArticleStatus.REVIEW,
            **values,
        )
        changes.add("article", "created")
        return article
    if "published_on" in article.locked_fields:  # the date and its precision go together
        values = {k: v for k, v in values.items() if k not in {"date_precision", "date_inferred"}}
    fill_fields(article, values, overwrite=True)
    article.raw_text, article.content_hash = raw_text, content_hash
    if publish and "status" not in article.locked_fields:
        article.status = ArticleStatus.PUBLISHED
    article.save()
    changes.add("article", "updated")
    return article


def _review_key(mention: Mention) -> tuple:
    return (
        mention.kind,
        mention.quote,
        mention.organization_id,
        mention.person_id,
        mention.agreement_id,
        mention.event_id,
    )


def _forget_mentions(article: Article) -> dict[tuple, str]:
    """Drop the article's old mentions before it is read again, keeping editors' review
    decisions so that they carry over to the same facts."""
    reviewed = {
        _review_key(m): m.review_status
        for m in article.mentions.exclude(review_status="unreviewed")
    }
    article.mentions.all().delete()
    return reviewed


def _link_parents(extraction: Extraction, org_ids: dict[str, int]) -> None:
    """Units get the parent their article states, unless an editor set or locked one."""
    wanted = {
        org_ids[key]: org_ids[fact.parent_key]
        for key, fact in extraction.organizations.items()
        if fact.parent_key in org_ids
        and key in org_ids
        and org_ids[key] != org_ids[fact.parent_key]
    }
    units = Organization.objects.filter(pk__in=wanted, parent__isnull=True)
    for unit_id, locked in units.values_list("pk", "locked_fields"):
        if "parent" not in locked:
            Organization.objects.filter(pk=unit_id).update(parent_id=wanted[unit_id])
