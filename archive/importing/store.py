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


@dataclass
class RunCache:
    """What one import run has learned of the database, so that records met again in later
    files are not looked up again. A file's findings enter it only once its transaction has
    committed; tombstones are read once per run."""

    ids: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, key) -> id
    seen: dict[tuple[str, str], dict] = field(default_factory=dict)  # values already filled in
    aliases: set[tuple[str, str]] = field(default_factory=set)  # (kind, normalized) stored
    tombstones: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def load(cls) -> "RunCache":
        return cls(tombstones=set(Tombstone.objects.values_list("kind", "key")))

    def after_commit(self, pending: "RunCache") -> None:
        transaction.on_commit(lambda: self.absorb(pending))

    def absorb(self, pending: "RunCache") -> None:
        self.ids.update(pending.ids)
        self.seen.update(pending.seen)
        self.aliases |= pending.aliases


def _adds_nothing(values: dict[str, Any], seen: dict[str, Any]) -> bool:
    """Whether filling blanks with `values` could change a record already filled with `seen`."""
    return all(value in BLANK or seen.get(name) not in BLANK for name, value in values.items())


BLANK = ("", None, "other")


class _EntityResolver:
    """Finds or creates the organizations or people an article names."""

    def __init__(self, model, alias_model, alias_fk: str, tombstone_kind: str):
        self.model = model
        self.alias_model = alias_model
        self.alias_fk = alias_fk
        self.kind = tombstone_kind

    def resolve(
        self,
        facts: dict[str, Any],
        values_of,
        changes: Changes,
        cache: RunCache,
        pending: RunCache,
    ) -> dict[str, int]:
        """Map each fact's key to a record id; tombstoned names map to nothing."""
        ids: dict[str, int] = {}
        lookup: dict[str, Any] = {}
        for key, fact in facts.items():
            if (self.kind, key) in cache.tombstones:
                continue
            cached = cache.ids.get((self.kind, key))
            if cached and _adds_nothing(values_of(fact), cache.seen[(self.kind, key)]):
                ids[key] = cached
                changes.add(self.kind, "unchanged")
            else:
                lookup[key] = fact
        if lookup:
            ids.update(self.find_or_create(lookup, values_of, changes))
        for key, fact in facts.items():
            if key in ids:
                seen = dict(cache.seen.get((self.kind, key), {}))
                for name, value in values_of(fact).items():
                    if seen.get(name) in BLANK:
                        seen[name] = value
                pending.ids[(self.kind, key)] = ids[key]
                pending.seen[(self.kind, key)] = seen
        self.add_aliases(facts, ids, cache, pending)
        return ids

    def find_or_create(self, facts: dict[str, Any], values_of, changes: Changes) -> dict[str, int]:
        by_name = {
            row.normalized_name: row for row in self.model.objects.filter(normalized_name__in=facts)
        }
        by_alias = {
            alias.normalized: getattr(alias, self.alias_fk)
            for alias in self.alias_model.objects.filter(normalized__in=facts).select_related(
                self.alias_fk
            )
        }
        ids: dict[str, int] = {}
        to_create: dict[str, models.Model] = {}
        for key, fact in facts.items():
            record = by_alias.get(key) or by_name.get(key)
            if record is None:
                to_create[key] = self.model(name=fact.name, normalized_name=key, **values_of(fact))
                continue
            while record.merged_into_id is not None:  # merged by an editor: the survivor
                record = self.model.objects.get(pk=record.merged_into_id)
            changed = fill_fields(record, values_of(fact), overwrite=False)
            if changed:
                record.save(update_fields=[*changed, "updated_at"])
            changes.add(self.kind, "updated" if changed else "unchanged")
            ids[key] = record.pk
        if to_create:
            slugs = _unique_slugs(self.model, {k: make_slug(r.name) for k, r in to_create.items()})
            for key, record in to_create.items():
                record.slug = slugs[key]
            self.model.objects.bulk_create(to_create.values())
            ids.update({key: record.pk for key, record in to_create.items()})
            changes.add(self.kind, "created", len(to_create))
        return ids

    def add_aliases(
        self, facts: dict[str, Any], ids: dict[str, int], cache: RunCache, pending: RunCache
    ) -> None:
        wanted: dict[str, tuple[int, str, bool]] = {}
        for key, fact in facts.items():
            if key not in ids:
                continue
            acronym = getattr(fact, "acronym", "")
            for alias in getattr(fact, "aliases", ()):
                normalized = normalize_name(alias)
                if (
                    normalized
                    and normalized != key
                    and (self.kind, normalized) not in cache.aliases
                ):
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
        pending.aliases |= {(self.kind, normalized) for normalized in wanted}


ORGANIZATIONS = _EntityResolver(
    Organization, OrganizationAlias, "organization", Tombstone.Kind.ORGANIZATION
)
PERSONS = _EntityResolver(Person, PersonAlias, "person", Tombstone.Kind.PERSON)


def _organization_values(fact) -> dict[str, Any]:
    return {"acronym": fact.acronym[:40], "kind": fact.kind, "country": fact.country}


def _person_values(fact) -> dict[str, Any]:
    return {"nationality": fact.nationality}


def _record_by_fingerprint(
    model, fingerprint: str, values: dict, changes: Changes, cache: RunCache, slug_source: str
):
    """Find an agreement or event by fingerprint and update it, or create it."""
    kind = model.__name__.lower()
    if (kind, fingerprint) in cache.tombstones:
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


class _Mentions(list):
    """The mentions an article's facts make, skipping facts about tombstoned records."""

    def __init__(self, article: Article):
        super().__init__()
        self.article = article

    def add(self, kind: str, span: Span, confidence: float, **targets) -> None:
        if any(value is None for value in targets.values()):
            return
        self.append(
            Mention(
                article=self.article,
                kind=kind,
                start=span.start,
                end=span.end,
                quote=span.text,
                confidence=confidence,
                **targets,
            )
        )


def write_article(
    *,
    parsed: ParsedArticle,
    extraction: Extraction,
    raw_text: str,
    content_hash: str,
    source_file: str,
    publish: bool,
    cache: RunCache | None = None,
) -> Changes:
    """Write one article and everything it states, in one transaction."""
    cache = cache or RunCache.load()
    pending = RunCache()
    changes = Changes()
    with transaction.atomic():
        article, is_new = _write_article_row(
            parsed, raw_text, content_hash, source_file, publish, changes
        )
        kept_reviews = {} if is_new else _forget_mentions(article)

        org_ids = ORGANIZATIONS.resolve(
            extraction.organizations, _organization_values, changes, cache, pending
        )
        person_ids = PERSONS.resolve(extraction.persons, _person_values, changes, cache, pending)
        _link_parents(extraction, org_ids)

        mentions = _Mentions(article)
        for key, fact in extraction.organizations.items():
            for span in fact.spans:
                mentions.add("name", span, fact.confidence, organization_id=org_ids.get(key))
        for key, fact in extraction.persons.items():
            for span in fact.spans:
                mentions.add("name", span, fact.confidence, person_id=person_ids.get(key))
        _write_positions(extraction, org_ids, person_ids, mentions, changes)
        _write_agreements(extraction, org_ids, person_ids, mentions, changes, cache)
        _write_events(extraction, org_ids, person_ids, mentions, changes, cache)

        for item in mentions:
            item.review_status = kept_reviews.get(_review_key(item), item.review_status)
        Mention.objects.bulk_create(mentions)
        changes.add("mention", "created", len(mentions))
        cache.after_commit(pending)
    return changes


def _write_positions(extraction, org_ids, person_ids, mentions, changes) -> None:
    stated = []
    for position in extraction.positions:
        person_id = person_ids.get(position.person_key)
        org_id = org_ids.get(position.org_key) if position.org_key else None
        if person_id is not None and not (position.org_key and org_id is None):
            stated.append((position, (person_id, org_id, position.title[:200])))
    if not stated:
        return

    def existing() -> dict[tuple, int]:
        rows = Position.objects.filter(person_id__in={key[0] for _, key in stated})
        return {(r.person_id, r.organization_id, r.title): r.pk for r in rows}

    known = existing()
    missing = {key for _, key in stated if key not in known}
    if missing:
        Position.objects.bulk_create(
            [Position(person_id=p, organization_id=o, title=t) for p, o, t in missing],
            ignore_conflicts=True,
        )
        known = existing()
    changes.add("position", "created", len(missing))
    changes.add("position", "unchanged", len({key for _, key in stated}) - len(missing))
    for position, key in stated:
        mentions.add(
            "position",
            position.span,
            position.confidence,
            person_id=key[0],
            organization_id=key[1],
            position_id=known[key],
        )


def _write_agreements(extraction, org_ids, person_ids, mentions, changes, cache) -> None:
    for fact in extraction.agreements:
        values = {
            "title": fact.title,
            "kind": fact.kind,
            "signed_on": fact.signed_on,
            "summary": fact.summary,
        }
        agreement = _record_by_fingerprint(
            Agreement, fact.fingerprint, values, changes, cache, fact.title
        )
        if agreement is None:
            continue
        mentions.add("agreement", fact.span, fact.confidence, agreement_id=agreement.pk)
        parties = [org_ids[key] for key in fact.party_keys if key in org_ids]
        agreement.parties.add(*parties)
        for org_id in parties:
            mentions.add(
                "party",
                fact.span,
                fact.confidence,
                agreement_id=agreement.pk,
                organization_id=org_id,
            )
        signed = [(person_ids[p], org_ids.get(o)) for p, o in fact.signatories if p in person_ids]
        Signatory.objects.bulk_create(
            [Signatory(agreement=agreement, person_id=p, on_behalf_of_id=o) for p, o in signed],
            ignore_conflicts=True,
        )
        for person_id, _ in signed:
            mentions.add(
                "signatory",
                fact.span,
                fact.confidence,
                agreement_id=agreement.pk,
                person_id=person_id,
            )


def _write_events(extraction, org_ids, person_ids, mentions, changes, cache) -> None:
    participants = []
    for fact in extraction.events:
        values = {
            "name": fact.name[:300],
            "kind": fact.kind,
            "start_date": fact.start_date,
            "end_date": fact.end_date,
            "date_precision": fact.date_precision,
            "city": fact.city,
            "region": fact.region,
            "country": fact.country,
        }
        event = _record_by_fingerprint(Event, fact.fingerprint, values, changes, cache, fact.name)
        if event is None:
            continue
        for span in fact.spans:
            mentions.add("event", span, fact.confidence, event_id=event.pk)
        for role, entity, key, span in fact.participants:
            ids = org_ids if entity == "organization" else person_ids
            if key in ids:
                target = {f"{entity}_id": ids[key]}
                participants.append(EventParticipant(event=event, role=role, **target))
                mentions.add(role, span, fact.confidence, event_id=event.pk, **target)
    EventParticipant.objects.bulk_create(participants, ignore_conflicts=True)


def _write_article_row(
    parsed, raw_text, content_hash, source_file, publish, changes
) -> tuple[Article, bool]:
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
        return article, True
    if "published_on" in article.locked_fields:  # the date and its precision go together
        values = {k: v for k, v in values.items() if k not in {"date_precision", "date_inferred"}}
    fill_fields(article, values, overwrite=True)
    article.raw_text, article.content_hash = raw_text, content_hash
    if publish and "status" not in article.locked_fields:
        article.status = ArticleStatus.PUBLISHED
    article.save()
    changes.add("article", "updated")
    return article, False


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
