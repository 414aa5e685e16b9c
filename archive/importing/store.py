"""Resolve and write: the only import stages that touch the database.

Extracted names are matched against what the archive holds (names, aliases, merges, the
tombstones of deleted records) and written in one transaction per article. The import fills
in what it knows and never writes a field an editor locked.

A run first loads what it needs to know of the database into a `RunState` (a few queries,
whatever the number of files), so that writing a file costs only its own inserts. Every
change a file makes to that state is journaled and undone if the file's transaction rolls
back. Writers other than the import (editors in the admin) may change the database during a
run: the import still never overwrites a non-empty field, and a clash on a unique name
fails that one file with a clear message, to be imported again by the next run."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction

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
from archive.text import make_slug, unique_suffix

BLANK = ("", None, "other")
IMPORT = "import"  # the change reason history records for what the import wrote
_MISSING = object()


@dataclass
class Changes:
    """What one import did, counted per kind of record: created, updated, unchanged."""

    counts: Counter = field(default_factory=Counter)

    def add(self, kind: str, outcome: str, n: int = 1) -> None:
        if n:
            self.counts[(kind, outcome)] += n

    def merge(self, other: "Changes") -> None:
        self.counts.update(other.counts)


@dataclass
class Row:
    """What a run knows of one stored record: its id, the values the import may fill in,
    and the fields an editor locked."""

    id: int
    values: dict[str, Any]
    locked: frozenset[str]


# The fields the import fills in, per kind of record.
FILLED = {
    "organization": ("acronym", "kind", "country", "parent_id"),
    "person": ("nationality",),
    "agreement": ("title", "kind", "signed_on", "summary"),
    "event": (
        "name",
        "kind",
        "start_date",
        "end_date",
        "date_precision",
        "city",
        "region",
        "country",
    ),
}
MODELS = {"organization": Organization, "person": Person, "agreement": Agreement, "event": Event}
ALIASES = {"organization": (OrganizationAlias, "organization"), "person": (PersonAlias, "person")}


class RunState:
    """The database as one import run sees it, loaded once, kept in step with what the run
    writes, and rolled back with a file that fails."""

    def __init__(self) -> None:
        self.journal: list[tuple[Any, Any, Any]] = []
        self.hashes: dict[str, str] = {}  # source file -> content hash
        self.files_by_hash: dict[str, str] = {}
        self.slugs: dict[type, set[str]] = {}
        # normalized name or alias -> Row of the record it resolves to (merges followed)
        self.entities: dict[str, dict[str, Row]] = {"organization": {}, "person": {}}
        self.records: dict[str, dict[str, Row]] = {"agreement": {}, "event": {}}
        self.positions: dict[tuple[int, int | None, str], int] = {}
        self.tombstones: set[tuple[str, str]] = set()

    @classmethod
    def load(cls) -> "RunState":
        state = cls()
        for source_file, content_hash in Article.objects.values_list("source_file", "content_hash"):
            state.hashes[source_file] = content_hash
            state.files_by_hash[content_hash] = source_file
        for model in (Article, *MODELS.values()):
            state.slugs[model] = set(model.objects.values_list("slug", flat=True))
        for kind in ("organization", "person"):
            state.entities[kind] = _load_entities(kind)
        for kind in ("agreement", "event"):
            for values in MODELS[kind].objects.values(
                "id", "fingerprint", "locked_fields", *FILLED[kind]
            ):
                state.records[kind][values["fingerprint"]] = Row(
                    values["id"],
                    {f: values[f] for f in FILLED[kind]},
                    frozenset(values["locked_fields"]),
                )
        for pk, person_id, org_id, title in Position.objects.values_list(
            "id", "person_id", "organization_id", "title"
        ):
            state.positions[(person_id, org_id, title)] = pk
        state.tombstones = set(Tombstone.objects.values_list("kind", "key"))
        return state

    # -- the journal ---------------------------------------------------------------------

    def put(self, mapping: dict, key, value) -> None:
        self.journal.append((mapping, key, mapping.get(key, _MISSING)))
        mapping[key] = value

    def take_slug(self, model: type, wanted: str, key: str) -> str:
        taken = self.slugs[model]
        slug = wanted if wanted not in taken else f"{wanted[:72]}-{unique_suffix(key)}"
        self.journal.append((taken, slug, None))
        taken.add(slug)
        return slug

    def commit(self) -> None:
        self.journal.clear()

    def rollback(self) -> None:
        for container, key, old in reversed(self.journal):
            if isinstance(container, set):
                container.discard(key)
            elif old is _MISSING:
                container.pop(key, None)
            else:
                container[key] = old
        self.journal.clear()


def _load_entities(kind: str) -> dict[str, Row]:
    """Every name and alias of the organizations (or people), each mapped to the record it
    resolves to: a merged record's names lead to its survivor."""
    rows: dict[int, Row] = {}
    merged_into: dict[int, int] = {}
    names: dict[str, int] = {}
    for values in MODELS[kind].objects.values(
        "id", "normalized_name", "merged_into_id", "locked_fields", *FILLED[kind]
    ):
        rows[values["id"]] = Row(
            values["id"], {f: values[f] for f in FILLED[kind]}, frozenset(values["locked_fields"])
        )
        names[values["normalized_name"]] = values["id"]
        if values["merged_into_id"]:
            merged_into[values["id"]] = values["merged_into_id"]

    def survivor(row_id: int) -> Row:
        while row_id in merged_into:
            row_id = merged_into[row_id]
        return rows[row_id]

    entities = {name: survivor(row_id) for name, row_id in names.items()}
    alias_model, owner = ALIASES[kind]
    for normalized, owner_id in alias_model.objects.values_list("normalized", owner):
        entities.setdefault(normalized, survivor(owner_id))
    return entities


def fill_fields(instance, values: dict[str, Any], *, overwrite: bool) -> list[str]:
    """Set the import's values on a model instance, skipping the fields an editor locked.
    With `overwrite` false only empty fields are filled."""
    locked = set(getattr(instance, "locked_fields", []) or [])
    changed = []
    for name, value in values.items():
        if name in locked:
            continue
        current = getattr(instance, name)
        if current == value or (not overwrite and current not in BLANK):
            continue
        setattr(instance, name, value)
        changed.append(name)
    return changed


def _fill_row(state: RunState, kind: str, row: Row, values: dict, *, overwrite: bool) -> bool:
    """Bring a stored record up to date with an article, in the database and the state."""
    updates = {}
    for name, value in values.items():
        if name.removesuffix("_id") in row.locked or row.values.get(name) == value:
            continue
        if overwrite or row.values.get(name) in BLANK:
            updates[name] = value
    if not updates:
        return False
    stored = MODELS[kind].objects.filter(pk=row.id)
    if not overwrite:  # never over a value someone wrote since the run began
        for name, old in ((n, row.values.get(n)) for n in updates):
            stored = stored.filter(**{name: old})
    if stored.update(**updates):
        MODELS[kind].history.bulk_history_create(
            [MODELS[kind].objects.get(pk=row.id)], update=True, default_change_reason=IMPORT
        )
    for name, value in updates.items():
        state.put(row.values, name, value)
    return True


def _organization_values(fact) -> dict[str, Any]:
    return {"acronym": fact.acronym[:40], "kind": fact.kind, "country": fact.country}


def _person_values(fact) -> dict[str, Any]:
    return {"nationality": fact.nationality}


def _resolve(state: RunState, kind: str, facts: dict, values_of, changes: Changes) -> dict:
    """Map each fact's key to a record id, creating what the archive does not hold yet;
    tombstoned names map to nothing."""
    known = state.entities[kind]
    ids: dict[str, int] = {}
    new = {}
    for key, fact in facts.items():
        if (kind, key) in state.tombstones:
            continue
        row = known.get(key)
        if row is None:
            new[key] = fact
            continue
        updated = _fill_row(state, kind, row, values_of(fact), overwrite=False)
        changes.add(kind, "updated" if updated else "unchanged")
        ids[key] = row.id
    if new:
        model = MODELS[kind]
        records = [
            model(
                name=fact.name,
                normalized_name=key,
                **values_of(fact),
                slug=state.take_slug(model, make_slug(fact.name), key),
            )
            for key, fact in new.items()
        ]
        model.objects.bulk_create(records)
        model.history.bulk_history_create(records, default_change_reason=IMPORT)
        for key, record in zip(new, records, strict=True):
            values = {name: getattr(record, name) for name in FILLED[kind]}
            state.put(known, key, Row(record.pk, values, frozenset()))
            ids[key] = record.pk
        changes.add(kind, "created", len(records))
    _add_aliases(state, kind, facts, ids)
    return ids


def _add_aliases(state: RunState, kind: str, facts: dict, ids: dict[str, int]) -> None:
    from archive.text import normalize_name

    alias_model, owner = ALIASES[kind]
    known = state.entities[kind]
    new = []
    for key, fact in facts.items():
        if key not in ids:
            continue
        for alias in getattr(fact, "aliases", ()):
            normalized = normalize_name(alias)
            if normalized and normalized not in known:
                new.append(
                    alias_model(
                        **{f"{owner}_id": ids[key]},
                        name=alias,
                        normalized=normalized,
                        is_acronym=alias == getattr(fact, "acronym", ""),
                    )
                )
                state.put(known, normalized, known[key])
    alias_model.objects.bulk_create(new, ignore_conflicts=True)


def _record_by_fingerprint(
    state: RunState, kind: str, fingerprint: str, values: dict, slug_source: str, changes: Changes
) -> int | None:
    """Find an agreement or event by fingerprint and update it, or create it."""
    if (kind, fingerprint) in state.tombstones:
        return None
    row = state.records[kind].get(fingerprint)
    if row is not None:
        updated = _fill_row(state, kind, row, values, overwrite=True)
        changes.add(kind, "updated" if updated else "unchanged")
        return row.id
    model = MODELS[kind]
    slug = state.take_slug(model, make_slug(slug_source), fingerprint)
    record = model(fingerprint=fingerprint, slug=slug, **values)
    record._change_reason = IMPORT
    record.save()
    state.put(state.records[kind], fingerprint, Row(record.pk, dict(values), frozenset()))
    changes.add(kind, "created")
    return record.pk


class _Mentions(list):
    """The mentions an article's facts make, skipping facts about tombstoned records.

    Mentions are the archive's largest table (dozens per article): they are written as
    plain rows with one executemany, because the ORM's per-row work costs more than the
    insert itself."""

    TARGETS = ("organization_id", "person_id", "agreement_id", "event_id", "position_id")
    COLUMNS = ("article_id", "kind", *TARGETS, "start", "end", "quote", "confidence")

    def __init__(self, article: Article):
        super().__init__()
        self.article_id = article.pk

    def add(self, kind: str, span: Span, confidence: float, **targets) -> None:
        if any(value is None for value in targets.values()):
            return
        self.append(
            (
                self.article_id,
                kind,
                *(targets.get(t) for t in self.TARGETS),
                span.start,
                span.end,
                span.text,
                confidence,
            )
        )

    def save(self, kept_reviews: dict[tuple, str]) -> None:
        """Insert the rows; a fact an editor reviewed before keeps the editor's decision."""
        rows = []
        for row in self:
            key = (row[1], row[9], *row[2:6])  # kind, quote, the records it names
            rows.append((*row, kept_reviews.get(key, "unreviewed")))
        quote = connection.ops.quote_name
        columns = ", ".join(quote(c) for c in (*self.COLUMNS, "review_status"))
        values = ", ".join(["%s"] * (len(self.COLUMNS) + 1))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {quote(Mention._meta.db_table)} ({columns}) VALUES ({values})", rows
            )


def write_article(
    *,
    parsed: ParsedArticle,
    extraction: Extraction,
    raw_text: str,
    content_hash: str,
    source_file: str,
    publish: bool,
    state: RunState,
) -> Changes:
    """Write one article and everything it states, in one transaction. The caller commits
    or rolls back `state` with it."""
    changes = Changes()
    with transaction.atomic():
        article, is_new = _write_article_row(
            state, parsed, raw_text, content_hash, source_file, publish, changes
        )
        kept_reviews = {} if is_new else _forget_mentions(article)
        org_ids = _resolve(
            state, "organization", extraction.organizations, _organization_values, changes
        )
        person_ids = _resolve(state, "person", extraction.persons, _person_values, changes)
        for key, fact in extraction.organizations.items():
            if fact.parent_key in org_ids and key in org_ids:
                parent_id = org_ids[fact.parent_key]
                if parent_id != org_ids[key]:
                    row = state.entities["organization"][key]
                    _fill_row(state, "organization", row, {"parent_id": parent_id}, overwrite=False)

        mentions = _Mentions(article)
        for key, fact in extraction.organizations.items():
            for span in fact.spans:
                mentions.add("name", span, fact.confidence, organization_id=org_ids.get(key))
        for key, fact in extraction.persons.items():
            for span in fact.spans:
                mentions.add("name", span, fact.confidence, person_id=person_ids.get(key))
        _write_positions(state, extraction, org_ids, person_ids, mentions, changes)
        _write_agreements(state, extraction, org_ids, person_ids, mentions, changes)
        _write_events(state, extraction, org_ids, person_ids, mentions, changes)

        mentions.save(kept_reviews)
        changes.add("mention", "created", len(mentions))
    return changes


def _write_article_row(
    state, parsed, raw_text, content_hash, source_file, publish, changes
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
    if source_file not in state.hashes:
        article = Article(
            slug=state.take_slug(Article, make_slug(parsed.title), content_hash),
            raw_text=raw_text,
            content_hash=content_hash,
            source_file=source_file,
            status=ArticleStatus.PUBLISHED if publish else ArticleStatus.REVIEW,
            **values,
        )
        article._change_reason = IMPORT
        article.save()
        is_new = True
        changes.add("article", "created")
    else:
        article = Article.objects.get(source_file=source_file)
        fill_fields(article, values, overwrite=True)
        article.raw_text, article.content_hash = raw_text, content_hash
        if publish and "status" not in article.locked_fields:
            article.status = ArticleStatus.PUBLISHED
        article._change_reason = IMPORT
        article.save()
        is_new = False
        changes.add("article", "updated")
    state.put(state.hashes, source_file, content_hash)
    state.put(state.files_by_hash, content_hash, source_file)
    return article, is_new


def _write_positions(state, extraction, org_ids, person_ids, mentions, changes) -> None:
    stated = []
    for position in extraction.positions:
        person_id = person_ids.get(position.person_key)
        org_id = org_ids.get(position.org_key) if position.org_key else None
        if person_id is not None and not (position.org_key and org_id is None):
            stated.append((position, (person_id, org_id, position.title[:200])))
    missing = list(dict.fromkeys(key for _, key in stated if key not in state.positions))
    records = [Position(person_id=p, organization_id=o, title=t) for p, o, t in missing]
    Position.objects.bulk_create(records)
    Position.history.bulk_history_create(records, default_change_reason=IMPORT)
    for key, record in zip(missing, records, strict=True):
        state.put(state.positions, key, record.pk)
    changes.add("position", "created", len(missing))
    changes.add("position", "unchanged", len({key for _, key in stated}) - len(missing))
    for position, key in stated:
        mentions.add(
            "position",
            position.span,
            position.confidence,
            person_id=key[0],
            organization_id=key[1],
            position_id=state.positions[key],
        )


def _write_agreements(state, extraction, org_ids, person_ids, mentions, changes) -> None:
    for fact in extraction.agreements:
        values = {
            "title": fact.title,
            "kind": fact.kind,
            "signed_on": fact.signed_on,
            "summary": fact.summary,
        }
        agreement_id = _record_by_fingerprint(
            state, "agreement", fact.fingerprint, values, fact.title, changes
        )
        if agreement_id is None:
            continue
        mentions.add("agreement", fact.span, fact.confidence, agreement_id=agreement_id)
        parties = [org_ids[key] for key in fact.party_keys if key in org_ids]
        Agreement.parties.through.objects.bulk_create(
            [
                Agreement.parties.through(agreement_id=agreement_id, organization_id=org_id)
                for org_id in parties
            ],
            ignore_conflicts=True,
        )
        for org_id in parties:
            mentions.add(
                "party",
                fact.span,
                fact.confidence,
                agreement_id=agreement_id,
                organization_id=org_id,
            )
        signed = [(person_ids[p], org_ids.get(o)) for p, o in fact.signatories if p in person_ids]
        Signatory.objects.bulk_create(
            [
                Signatory(agreement_id=agreement_id, person_id=p, on_behalf_of_id=o)
                for p, o in signed
            ],
            ignore_conflicts=True,
        )
        for person_id, _ in signed:
            mentions.add(
                "signatory",
                fact.span,
                fact.confidence,
                agreement_id=agreement_id,
                person_id=person_id,
            )


def _write_events(state, extraction, org_ids, person_ids, mentions, changes) -> None:
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
        event_id = _record_by_fingerprint(
            state, "event", fact.fingerprint, values, fact.name, changes
        )
        if event_id is None:
            continue
        for span in fact.spans:
            mentions.add("event", span, fact.confidence, event_id=event_id)
        for role, entity, key, span in fact.participants:
            ids = org_ids if entity == "organization" else person_ids
            if key in ids:
                target = {f"{entity}_id": ids[key]}
                participants.append(EventParticipant(event_id=event_id, role=role, **target))
                mentions.add(role, span, fact.confidence, event_id=event_id, **target)
    EventParticipant.objects.bulk_create(participants, ignore_conflicts=True)


def _forget_mentions(article: Article) -> dict[tuple, str]:
    """Drop the article's old mentions before it is read again, keeping editors' review
    decisions so that they carry over to the same facts."""
    reviewed = {
        (m.kind, m.quote, m.organization_id, m.person_id, m.agreement_id, m.event_id): (
            m.review_status
        )
        for m in article.mentions.exclude(review_status="unreviewed")
    }
    article.mentions.all().delete()
    return reviewed
