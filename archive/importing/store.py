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
from datetime import datetime
from typing import Any

from django.db import connection, connections, transaction
from django.utils import timezone

from archive.importing import near_copies
from archive.importing.extract import Extraction, Span
from archive.importing.holding import NO_FACTS, hold_near_copies, index_written
from archive.importing.parse import ParsedArticle
from archive.importing.realign import Alignment, reconcile
from archive.importing.sources.base import url_identity
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
    show_supported,
)
from archive.services import LOCKED_TOGETHER
from archive.text import make_slug, normalize_name, unique_suffix
from archive.text import person_key as words_key

BLANK = ("", None, "other")

IMPORT = "import"  # the change reason history records for what the import wrote
_MISSING = object()


# The outcomes of a record in one run, strongest first: a record the run created and then
# named again was created; one it updated and named again was updated.
OUTCOMES = ("created", "updated", "unchanged")


@dataclass
class Changes:
    """What one import did, counted per kind of record: created, updated, unchanged,
    failed. Records that many articles name are counted once, by id."""

    tallies: Counter = field(default_factory=Counter)  # (kind, outcome) -> rows
    records: dict[str, dict[int, str]] = field(default_factory=dict)  # kind -> id -> outcome

    def add(self, kind: str, outcome: str, n: int = 1) -> None:
        """Count rows that are each one record (articles, mentions)."""
        if n:
            self.tallies[(kind, outcome)] += n

    def record(self, kind: str, outcome: str, pk: int) -> None:
        """Count a record by id: named by many articles of the run, it counts once."""
        seen = self.records.setdefault(kind, {})
        before = seen.get(pk)
        if before is None or OUTCOMES.index(outcome) < OUTCOMES.index(before):
            seen[pk] = outcome

    def merge(self, other: "Changes") -> None:
        self.tallies.update(other.tallies)
        for kind, outcomes in other.records.items():
            for pk, outcome in outcomes.items():
                self.record(kind, outcome, pk)

    @property
    def counts(self) -> Counter:
        counts = Counter(self.tallies)
        for kind, outcomes in self.records.items():
            counts.update((kind, outcome) for outcome in outcomes.values())
        return counts


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
    "person": ("nationality", "native_name"),
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
        # a page's address (url_identity) -> the source file of the article that is that page
        self.urls: dict[str, str] = {}
        self.slugs: dict[type, set[str]] = {}
        # normalized name or alias -> Row of the record it resolves to (merges followed)
        self.entities: dict[str, dict[str, Row]] = {"organization": {}, "person": {}}
        self.records: dict[str, dict[str, Row]] = {"agreement": {}, "event": {}}
        self.positions: dict[tuple[int, int | None, str], int] = {}
        self.tombstones: set[tuple[str, str]] = set()
        # records the current batch updated, for their history entries
        self.updated: dict[str, set[int]] = {kind: set() for kind in MODELS}
        self._near_copies: near_copies.Index | None = None

    @property
    def near_copies(self) -> near_copies.Index:
        """The articles a new page may nearly repeat (archive.importing.near_copies), loaded
        when the first new page comes: a re-import of unchanged files never needs them."""
        if self._near_copies is None:
            stored = (
                Article.objects.exclude(near_copy_keys=None)
                .exclude(status=ArticleStatus.DUPLICATE)
                .order_by("pk")
                .values_list("pk", "near_copy_keys")
            )
            self._near_copies = near_copies.Index(stored.iterator(chunk_size=2000))
        return self._near_copies

    @classmethod
    def load(cls) -> "RunState":
        state = cls()
        articles = Article.objects.values_list("source_file", "content_hash", "url")
        for source_file, content_hash, url in articles:
            state.hashes[source_file] = content_hash
            state.files_by_hash[content_hash] = source_file
            if key := url_identity(url):
                state.urls.setdefault(key, source_file)
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
        # a deleted person's name comes back in any order of its words
        state.tombstones |= {
            (kind, words_key(key))
            for kind, key in state.tombstones
            if kind == Tombstone.Kind.PERSON
        }
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
        for ids in self.updated.values():
            ids.clear()

    def rollback(self) -> None:
        for container, key, old in reversed(self.journal):
            if isinstance(container, set):
                container.discard(key)
            elif old is _MISSING:
                container.pop(key, None)
            else:
                container[key] = old
        self.journal.clear()
        for ids in self.updated.values():
            ids.clear()


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

    # People are found by their name's words in any order ("HE Minghong" = "Minghong He"),
    # the key extraction gives them; a record's normalized name keeps the order it is written in.
    key = words_key if kind == "person" else str
    entities = {key(name): survivor(row_id) for name, row_id in names.items()}
    alias_model, owner = ALIASES[kind]
    for normalized, owner_id in alias_model.objects.values_list("normalized", owner):
        entities.setdefault(key(normalized), survivor(owner_id))
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
    """Bring a stored record up to date with an article, in the database and the state.
    An article that does not state a value (a blank) never erases one."""
    updates = {}
    for name, value in values.items():
        if value in BLANK or name.removesuffix("_id") in row.locked:
            continue
        if row.values.get(name) != value and (overwrite or row.values.get(name) in BLANK):
            updates[name] = value
            for together in LOCKED_TOGETHER.get(name, ()):  # an event's dates move as one
                if together in values and together not in row.locked:
                    updates[together] = values[together]
    if not updates:
        return False
    stored = MODELS[kind].objects.filter(pk=row.id)
    if not overwrite:  # never over a value someone wrote since the run began
        for name, old in ((n, row.values.get(n)) for n in updates):
            stored = stored.filter(**{name: old})
    if stored.update(**updates):
        state.updated[kind].add(row.id)  # its history entry is written with the batch
    for name, value in updates.items():
        state.put(row.values, name, value)
    return True


def _organization_values(fact) -> dict[str, Any]:
    return {"acronym": fact.acronym[:40], "kind": fact.kind, "country": fact.country}


def _person_values(fact) -> dict[str, Any]:
    return {"nationality": fact.nationality, "native_name": fact.native_name[:100]}


@dataclass(eq=False)  # each page is itself: the near-copy index holds pages by identity
class ToWrite:
    """One file, read and understood, for the write stage."""

    parsed: ParsedArticle
    extraction: Extraction
    raw_text: str
    content_hash: str
    source_file: str
    url: str = ""  # where the page was published: its canonical URL, or where it was captured
    captured_at: datetime | None = None  # when a crawl captured it
    is_new: bool = False
    article: Article | None = None
    old_body: str = ""  # a stored article's body before this import changed it
    near_copy_keys: bytes = b""  # archive.importing.near_copies.keys of the body
    # the article this page nearly repeats: an id, or a page earlier in the batch
    duplicate_of: "int | ToWrite | None" = None


def _create(model, records: list) -> None:
    """Insert new records, with the history entry that says the import made them.

    Like `bulk_create`, in a third of its time: the values are prepared by the fields,
    without the query compiler's per-value work."""
    if not records:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    db = connections[connection.alias]  # the connection itself, not its proxy, in the loop
    quote = db.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    row = f"({', '.join(['%s'] * len(fields))})"
    per_query = 30_000 // len(fields)  # within SQLite's and PostgreSQL's parameter limits
    with connection.cursor() as cursor:
        for start in range(0, len(records), per_query):
            chunk = records[start : start + per_query]
            cursor.execute(
                f"INSERT INTO {quote(model._meta.db_table)} ({columns})"
                f" VALUES {', '.join([row] * len(chunk))} RETURNING id",
                [f.get_db_prep_save(f.pre_save(r, True), db) for r in chunk for f in fields],
            )
            for record, (pk,) in zip(chunk, cursor.fetchall(), strict=True):
                record.pk = pk
                record._state.adding, record._state.db = False, db.alias
    _record_history(model, [record.pk for record in records], "+")


def _record_history(model, ids: list[int], history_type: str) -> None:
    """History entries ("+" created, "~" changed) for stored records, copied from their
    rows inside the database: building a historical model instance per row cost more than
    the rest of the import's writing."""
    history = model.history.model
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(f.column) for f in history._meta.fields if not f.name.startswith("history_")
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({columns}, history_date,"
                " history_change_reason, history_type, history_user_id)"
                f" SELECT {columns}, %s, %s, %s, NULL FROM {quote(model._meta.db_table)}"
                f" WHERE id IN ({', '.join(['%s'] * len(chunk))})",
                [now, IMPORT, history_type, *chunk],
            )


def _resolve(state: RunState, kind: str, items: list[ToWrite], changes: Changes) -> dict:
    """Map the names every article of the batch states to record ids, creating what the
    archive does not hold yet; tombstoned names map to nothing."""
    values_of = _organization_values if kind == "organization" else _person_values
    known = state.entities[kind]
    ids: dict[str, int] = {}
    pending: dict[str, Any] = {}
    for item in items:
        facts = item.extraction.organizations if kind == "organization" else item.extraction.persons
        for key, fact in facts.items():
            if (kind, key) in state.tombstones:
                continue
            values = values_of(fact)
            if key in pending:  # named again in the batch: fill what the first left empty
                fill_fields(pending[key], values, overwrite=False)
            elif (row := known.get(key)) is not None:
                updated = _fill_row(state, kind, row, values, overwrite=False)
                changes.record(kind, "updated" if updated else "unchanged", row.id)
                ids[key] = row.id
            else:
                model = MODELS[kind]
                slug = state.take_slug(model, make_slug(fact.name), key)
                normalized = normalize_name(fact.name) if kind == "person" else key
                pending[key] = model(
                    name=fact.name, normalized_name=normalized, slug=slug, **values
                )
    if pending:
        _create(MODELS[kind], list(pending.values()))
        for key, record in pending.items():
            values = {name: getattr(record, name) for name in FILLED[kind]}
            state.put(known, key, Row(record.pk, values, frozenset()))
            ids[key] = record.pk
            changes.record(kind, "created", record.pk)
    _add_aliases(state, kind, items, ids)
    return ids


def _add_aliases(state: RunState, kind: str, items: list[ToWrite], ids: dict[str, int]) -> None:
    from archive.text import normalize_name

    alias_model, owner = ALIASES[kind]
    known = state.entities[kind]
    new = []
    for item in items:
        facts = item.extraction.organizations if kind == "organization" else item.extraction.persons
        for key, fact in facts.items():
            if key not in ids:
                continue
            for alias in getattr(fact, "aliases", ()):
                normalized = normalize_name(alias)
                if normalized and normalized not in known:
                    is_acronym = alias == getattr(fact, "acronym", "")
                    new.append((ids[key], alias, normalized, is_acronym))
                    state.put(known, normalized, known[key])
    _insert_rows(alias_model, (f"{owner}_id", "name", "normalized", "is_acronym"), new)


class _Records:
    """Agreements or events of a batch, found by fingerprint or created together."""

    def __init__(self, state: RunState, kind: str, changes: Changes):
        self.state, self.kind, self.changes = state, kind, changes
        self.pending: dict[str, Any] = {}
        self.ids: dict[str, int] = {}

    def stated(self, fingerprint: str, values: dict, slug_source: str) -> None:
        if (self.kind, fingerprint) in self.state.tombstones or fingerprint in self.pending:
            return
        row = self.state.records[self.kind].get(fingerprint)
        if row is not None:
            updated = _fill_row(self.state, self.kind, row, values, overwrite=True)
            self.changes.record(self.kind, "updated" if updated else "unchanged", row.id)
            self.ids[fingerprint] = row.id
            return
        model = MODELS[self.kind]
        slug = self.state.take_slug(model, make_slug(slug_source), fingerprint)
        self.pending[fingerprint] = model(fingerprint=fingerprint, slug=slug, **values)

    def create(self) -> dict[str, int]:
        if self.pending:
            _create(MODELS[self.kind], list(self.pending.values()))
            for fingerprint, record in self.pending.items():
                values = {name: getattr(record, name) for name in FILLED[self.kind]}
                self.state.put(
                    self.state.records[self.kind], fingerprint, Row(record.pk, values, frozenset())
                )
                self.ids[fingerprint] = record.pk
                self.changes.record(self.kind, "created", record.pk)
        return self.ids


def _agreement_values(fact) -> dict[str, Any]:
    return {
        "title": fact.title,
        "kind": fact.kind,
        "signed_on": fact.signed_on,
        "summary": fact.summary,
    }


def _event_values(fact) -> dict[str, Any]:
    return {
        "name": fact.name[:300],
        "kind": fact.kind,
        "start_date": fact.start_date,
        "end_date": fact.end_date,
        "date_precision": fact.date_precision,
        "city": fact.city,
        "region": fact.region,
        "country": fact.country,
    }


class _Mentions(list):
    """The mentions a batch's facts make (dozens per article), skipping facts about
    tombstoned records."""

    TARGETS = ("organization_id", "person_id", "agreement_id", "event_id", "position_id")
    COLUMNS = (
        "article_id",
        "kind",
        *TARGETS,
        "start",
        "end",
        "quote",
        "confidence",
        "review_status",
    )

    def add(self, article_id: int, kind: str, span: Span, confidence: float, **targets) -> None:
        if any(value is None for value in targets.values()):
            return
        self.append(
            (
                article_id,
                kind,
                *(targets.get(t) for t in self.TARGETS),
                span.start,
                span.end,
                span.text,
                confidence,
            )
        )

    def save(
        self, reimported: dict[int, Alignment], published: set[int], changes: Changes
    ) -> tuple[dict[str, list], dict[str, list]]:
        """Write the batch's mentions. Articles read again keep their stored mentions that
        still stand (archive.importing.realign); the rest is inserted, unreviewed. Returns
        the records the written rows support (of published articles, not rejected) and the
        records named by rows that went or were pointed elsewhere."""
        stated: dict[int, list[tuple]] = {pk: [] for pk in reimported}
        rows = []
        for row in self:
            (stated[row[0]] if row[0] in reimported else rows).append(row)
        kept, named_before = _carry_over(reimported, stated, rows, changes)
        rows = [(*row, ReviewStatus.UNREVIEWED.value) for row in rows]
        _insert_rows(Mention, self.COLUMNS, rows)
        changes.add("mention", "created", len(rows))
        supported = {kind: [] for kind in PUBLIC_RECORDS}
        for row in [*rows, *kept]:
            if row[0] in published and row[-1] != ReviewStatus.REJECTED:
                for kind, pk in zip(PUBLIC_RECORDS, row[2:6], strict=True):
                    supported[kind].append(pk)
        return supported, named_before


def write_batch(items: list[ToWrite], *, publish: bool, state: RunState) -> Changes:
    """Write articles and everything they state, each table once for the whole batch, in
    one transaction. The caller commits or rolls back `state` with it; a batch of one file
    is that file's own transaction."""
    changes = Changes()
    with transaction.atomic():
        hold_near_copies(state, items, changes)
        article_ids = _write_articles(state, items, publish, changes)
        index_written(state, items)
        org_ids = _resolve(state, "organization", items, changes)
        person_ids = _resolve(state, "person", items, changes)
        _link_parents(state, items, org_ids)

        agreements = _Records(state, "agreement", changes)
        events = _Records(state, "event", changes)
        for item in items:
            for fact in item.extraction.agreements:
                agreements.stated(fact.fingerprint, _agreement_values(fact), fact.title)
            for fact in item.extraction.events:
                events.stated(fact.fingerprint, _event_values(fact), fact.name)
        agreement_ids, event_ids = agreements.create(), events.create()

        mentions = _Mentions()
        positions = _write_positions(state, items, org_ids, person_ids, changes)
        relations = _Relations()
        for item, article_id in zip(items, article_ids, strict=True):
            extraction = item.extraction
            for key, fact in extraction.organizations.items():
                for span in fact.spans:
                    mentions.add(
                        article_id, "name", span, fact.confidence, organization_id=org_ids.get(key)
                    )
            for key, fact in extraction.persons.items():
                for span in fact.spans:
                    mentions.add(
                        article_id, "name", span, fact.confidence, person_id=person_ids.get(key)
                    )
            for position in extraction.positions:
                key = _position_key(position, org_ids, person_ids)
                if key is not None:
                    mentions.add(
                        article_id,
                        "position",
                        position.span,
                        position.confidence,
                        person_id=key[0],
                        organization_id=key[1],
                        position_id=positions[key],
                    )
            for fact in extraction.agreements:
                relations.agreement(
                    article_id,
                    fact,
                    agreement_ids.get(fact.fingerprint),
                    org_ids,
                    person_ids,
                    mentions,
                )
            for fact in extraction.events:
                relations.event(
                    article_id, fact, event_ids.get(fact.fingerprint), org_ids, person_ids, mentions
                )
        relations.save()
        published = {i.article.pk for i in items if i.article.status == ArticleStatus.PUBLISHED}
        reimported = {
            item.article.pk: Alignment(item.old_body, item.article.body)
            for item in items
            if not item.is_new
        }
        supported, named_before = mentions.save(reimported, published, changes)
        show_supported(supported)
        refresh_public_named(named_before)  # they may have lost their only support
        for kind, ids in state.updated.items():
            _record_history(MODELS[kind], sorted(ids), "~")
    return changes


def _write_articles(state, items, publish, changes) -> list[int]:
    """The articles' own rows: new ones inserted together, changed ones updated."""
    new = []
    for item in items:
        parsed = item.parsed
        values = {
            "title": parsed.title,
            "published_on": parsed.published_on,
            "date_precision": parsed.date_precision,
            "date_inferred": parsed.date_inferred,
            "source": parsed.source[:200],
            "body": parsed.body,
            "language": parsed.language,
        }
        # a page's address and capture date; a text file's never erase what an editor gave
        if item.url:
            values["url"] = item.url
        if item.captured_at:
            values["captured_at"] = item.captured_at
        values["near_copy_keys"] = item.near_copy_keys
        item.is_new = item.source_file not in state.hashes
        if item.is_new:
            status = ArticleStatus.PUBLISHED if publish else ArticleStatus.REVIEW
            item.article = Article(
                slug=state.take_slug(Article, make_slug(parsed.title), item.content_hash),
                raw_text=item.raw_text,
                content_hash=item.content_hash,
                source_file=item.source_file,
                status=ArticleStatus.DUPLICATE if item.duplicate_of else status,
                **values,
            )
            new.append(item)
            changes.add("article", "created")
        else:
            article = item.article = Article.objects.get(source_file=item.source_file)
            item.old_body = article.body
            if article.status == ArticleStatus.DUPLICATE:
                item.extraction = NO_FACTS  # held for an editor: no facts until kept
            fill_fields(article, values, overwrite=True)
            article.raw_text, article.content_hash = item.raw_text, item.content_hash
            held = article.status == ArticleStatus.DUPLICATE
            if publish and "status" not in article.locked_fields and not held:
                article.status = ArticleStatus.PUBLISHED
            article._change_reason = IMPORT
            article.save()
            changes.add("article", "updated")
        state.put(state.hashes, item.source_file, item.content_hash)
        state.put(state.files_by_hash, item.content_hash, item.source_file)
        if key := url_identity(item.url):
            state.put(state.urls, key, item.source_file)
    # originals first: a near-copy may repeat a page of its own batch
    _create(Article, [item.article for item in new if not item.duplicate_of])
    for item in new:
        if item.duplicate_of:
            original = item.duplicate_of
            item.article.duplicate_of_id = (
                original if isinstance(original, int) else original.article.pk
            )
    _create(Article, [item.article for item in new if item.duplicate_of])
    return [item.article.pk for item in items]


def _link_parents(state: RunState, items: list[ToWrite], org_ids: dict[str, int]) -> None:
    for item in items:
        for key, fact in item.extraction.organizations.items():
            if fact.parent_key in org_ids and key in org_ids:
                parent_id = org_ids[fact.parent_key]
                if parent_id != org_ids[key]:
                    row = state.entities["organization"][key]
                    _fill_row(state, "organization", row, {"parent_id": parent_id}, overwrite=False)


def _position_key(position, org_ids, person_ids) -> tuple[int, int | None, str] | None:
    person_id = person_ids.get(position.person_key)
    org_id = org_ids.get(position.org_key) if position.org_key else None
    if person_id is None or (position.org_key and org_id is None):
        return None
    return (person_id, org_id, position.title[:200])


def _write_positions(state, items, org_ids, person_ids, changes) -> dict:
    stated = {
        key
        for item in items
        for position in item.extraction.positions
        if (key := _position_key(position, org_ids, person_ids)) is not None
    }
    missing = sorted((k for k in stated if k not in state.positions), key=str)
    records = [Position(person_id=p, organization_id=o, title=t) for p, o, t in missing]
    _create(Position, records)
    for key, record in zip(missing, records, strict=True):
        state.put(state.positions, key, record.pk)
        changes.record("position", "created", record.pk)
    for key in stated:
        changes.record("position", "unchanged", state.positions[key])
    return state.positions


class _Relations:
    """Parties, signatories and participants of a batch, inserted together; a relation
    already stored is left as it is."""

    def __init__(self):
        self.parties, self.signatories, self.participants = [], [], []

    def agreement(self, article_id, fact, agreement_id, org_ids, person_ids, mentions) -> None:
        if agreement_id is None:
            return
        mentions.add(article_id, "agreement", fact.span, fact.confidence, agreement_id=agreement_id)
        for key in fact.party_keys:
            if key in org_ids:
                self.parties.append((agreement_id, org_ids[key]))
                mentions.add(
                    article_id,
                    "party",
                    fact.span,
                    fact.confidence,
                    agreement_id=agreement_id,
                    organization_id=org_ids[key],
                )
        for person_key, org_key in fact.signatories:
            if person_key in person_ids:
                self.signatories.append(
                    (agreement_id, person_ids[person_key], org_ids.get(org_key))
                )
                mentions.add(
                    article_id,
                    "signatory",
                    fact.span,
                    fact.confidence,
                    agreement_id=agreement_id,
                    person_id=person_ids[person_key],
                )

    def event(self, article_id, fact, event_id, org_ids, person_ids, mentions) -> None:
        if event_id is None:
            return
        for span in fact.spans:
            mentions.add(article_id, "event", span, fact.confidence, event_id=event_id)
        for role, entity, key, span in fact.participants:
            ids = org_ids if entity == "organization" else person_ids
            if key in ids:
                target = {f"{entity}_id": ids[key]}
                self.participants.append(
                    (event_id, role, target.get("organization_id"), target.get("person_id"))
                )
                mentions.add(article_id, role, span, fact.confidence, event_id=event_id, **target)

    def save(self) -> None:
        _insert_rows(Agreement.parties.through, ("agreement_id", "organization_id"), self.parties)
        _insert_rows(Signatory, ("agreement_id", "person_id", "on_behalf_of_id"), self.signatories)
        _insert_rows(
            EventParticipant,
            ("event_id", "role", "organization_id", "person_id"),
            self.participants,
        )


def _insert_rows(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert plain rows, leaving rows that are already stored (by any unique constraint)
    as they are. For the import's many small rows the ORM's per-row work costs more than
    the insert itself; on PostgreSQL the rows travel as one array per column, in one
    statement, instead of one round trip each."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table, names = quote(model._meta.db_table), ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            fields = {f.column: f for f in model._meta.concrete_fields}
            arrays = ", ".join(f"%s::{fields[c].db_type(connection)}[]" for c in columns)
            cursor.execute(
                f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays})"
                " ON CONFLICT DO NOTHING",
                [list(column) for column in zip(*rows, strict=True)],
            )
        else:
            values = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({values}) ON CONFLICT DO NOTHING", rows
            )


TARGET_COLUMNS = tuple(f"{kind}_id" for kind in PUBLIC_RECORDS)
STORED = ("id", "kind", *_Mentions.TARGETS, "start", "end", "quote", "review_status", "confidence")


def _carry_over(
    reimported: dict[int, Alignment],
    stated: dict[int, list[tuple]],
    inserts: list[tuple],
    changes: Changes,
) -> tuple[list[tuple], dict[str, list]]:
    """Reconcile the stored mentions of articles read again with what their new text
    states: rows that still stand are kept (moved, their decision with them), rows to
    insert are added to `inserts`, the others deleted. Returns the kept rows (article,
    targets..., review status) and the records the deleted or repointed rows named."""
    named = {kind: [] for kind in PUBLIC_RECORDS}
    if not reimported:
        return [], named
    stored: dict[int, list[tuple]] = {pk: [] for pk in reimported}
    for article_id, *row in Mention.objects.filter(article_id__in=list(reimported)).values_list(
        "article_id", *STORED
    ):
        stored[article_id].append(tuple(row))
    kept, moves, retargets, deletes = [], [], [], []
    for article_id, alignment in reimported.items():
        rows = stored[article_id]
        result = reconcile(rows, stated[article_id], alignment)
        inserts += result.insert
        confidence_of = {row[0]: row[11] for row in rows}
        repointed = {}
        for pk, start, end, confidence, targets in result.update:
            moves.append((start, end, confidence_of[pk] if confidence is None else confidence, pk))
            if targets is not None:
                repointed[pk] = targets
                retargets.append((*targets, pk))
        deleted = {row[0] for row in result.delete}
        for row in rows:
            if row[0] in deleted or row[0] in repointed:  # their records may lose support
                for kind, target in zip(PUBLIC_RECORDS, row[2:6], strict=True):
                    named[kind].append(target)
            if row[0] not in deleted:
                kept.append((article_id, row[1], *repointed.get(row[0], row[2:7]), row[10]))
        deletes += sorted(deleted)
        changes.add("mention", "updated", len(result.update))
        changes.add("mention", "unchanged", result.unchanged)
        changes.add("mention", "removed", len(result.delete))
        changes.add("mention", "removed reviewed", result.gone_reviewed)
    table, quote = Mention._meta.db_table, connection.ops.quote_name
    with connection.cursor() as cursor:
        if moves:
            cursor.executemany(
                f"UPDATE {table} SET {quote('start')} = %s, {quote('end')} = %s,"
                " confidence = %s WHERE id = %s",
                moves,
            )
        if retargets:
            columns = ", ".join(f"{quote(column)} = %s" for column in _Mentions.TARGETS)
            cursor.executemany(f"UPDATE {table} SET {columns} WHERE id = %s", retargets)
        # A plain DELETE: Mention.delete() would send a signal and refresh records row by
        # row; the caller refreshes them once for the batch.
        for start in range(0, len(deletes), 500):
            chunk = deletes[start : start + 500]
            cursor.execute(
                f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(chunk))})", chunk
            )
    return kept, named
