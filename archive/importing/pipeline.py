"""The import pipeline: read → parse → extract → resolve and write.

Files are written in batches, one transaction each. When anything in a batch fails, the
batch is rolled back and its files are written again one by one, each in its own
transaction: a bad file is reported with its name and reason, leaves the database as it
was, and the others go on. Reading, parsing and extraction are pure, so on a large run they
happen in worker processes while this one writes.

A file is a saved text page, a saved HTML page or a WARC web archive, whose HTML responses
are pages of their own (archive.importing.sources reads them all)."""

import glob
import hashlib
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from archive.importing import near_copies
from archive.importing.extract import Extraction, extract
from archive.importing.parse import ParsedArticle, ParseError, parse_article
from archive.importing.sources import (
    PATTERNS,
    ImportFileError,
    Source,
    expand,
    load,
    read,
    read_article_file,
    url_identity,
)
from archive.importing.store import Changes, RunState, ToWrite, write_batch
from archive.models import (
    ImportRun,
    Mention,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
)

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
# Files written together in one transaction; a failing batch is retried file by file.
# Fewer, larger commits were faster up to about 400 (measured with bench/import_speed.py).
BATCH_SIZE = 400

__all__ = ["ImportFileError", "collect_paths", "import_files", "read_article_file", "understand"]


@dataclass
class ImportReport:
    changes: Changes = field(default_factory=Changes)
    failures: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0  # files and WARC records read as pages
    records: Counter = field(default_factory=Counter)  # the WARCs' records by kind


@dataclass
class Prepared:
    """A file (or WARC record) read and understood, ready to be written; or the reason it
    cannot be."""

    source: Source
    content_hash: str = ""
    text: str = ""
    parsed: ParsedArticle | None = None
    extraction: Extraction | None = None
    error: str = ""
    unchanged: bool = False
    url: str = ""
    captured_at: datetime | None = None
    same_page: bool = False  # an article from another file has its URL
    near_copy_keys: bytes = b""  # archive.importing.near_copies.keys of the body

    @property
    def url_key(self) -> str:
        return url_identity(self.url) if self.url else ""


def collect_paths(arguments: Iterable[str]) -> list[Path]:
    """Files, folders (their .txt, .html, .htm, .warc and .warc.gz files, recursively) and
    glob patterns, in a stable order."""
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            matches = {p for pattern in PATTERNS for p in path.rglob(pattern) if p.is_file()}
            found.extend(sorted(matches))
        elif path.is_file():
            found.append(path)
        elif matches := sorted(glob.glob(argument, recursive=True)):
            found.extend(Path(m) for m in matches if Path(m).is_file())
        else:
            raise ImportFileError(f"{argument}: no such file, folder or pattern")
    return list(dict.fromkeys(found))


def known_acronyms() -> dict[str, str]:
    """Acronyms the archive knows, editors' aliases included, mapped to the name of the
    organization they stand for; extraction links later bare uses of them."""
    known = dict(
        Organization.objects.filter(merged_into__isnull=True)
        .exclude(acronym="")
        .values_list("acronym", "name")
    )
    aliases = OrganizationAlias.objects.filter(is_acronym=True).values_list(
        "name", "organization__name", "organization__merged_into__name"
    )
    for acronym, name, survivor in aliases:
        known.setdefault(acronym, survivor or name)
    return known


def known_names() -> dict[str, str]:
    """Names and aliases (not acronyms) of the organizations the archive knows, mapped to
    their names; extraction finds them written so, in any script ("中国科学院")."""
    survivors = Organization.objects.filter(merged_into__isnull=True)
    known = {name: name for name in survivors.values_list("name", flat=True)}
    aliases = OrganizationAlias.objects.filter(is_acronym=False).values_list(
        "name", "organization__name", "organization__merged_into__name"
    )
    for alias, name, survivor in aliases:
        known.setdefault(alias, survivor or name)
    return known


def known_people() -> dict[str, str]:
    """Native names and aliases of the people the archive knows, mapped to their names."""
    survivors = Person.objects.filter(merged_into__isnull=True).exclude(native_name="")
    known = dict(survivors.values_list("native_name", "name"))
    aliases = PersonAlias.objects.values_list("name", "person__name", "person__merged_into__name")
    for alias, name, survivor in aliases:
        known.setdefault(alias, survivor or name)
    return known


# -- the pure stages, run here or in a worker process ------------------------------------------

_context: dict = {}


def _set_context(
    stored_hashes: dict[str, str],
    acronyms: dict[str, str],
    limit: int,
    names: dict[str, str] | None = None,
    people: dict[str, str] | None = None,
) -> None:
    _context.update(
        stored_hashes=stored_hashes, acronyms=acronyms, limit=limit, names=names, people=people
    )


def understand(
    text: str,
    acronyms: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    people: Mapping[str, str] | None = None,
) -> tuple[ParsedArticle, Extraction]:
    """A page's text parsed, and the facts its body states: the one step the import and the
    extraction's evaluation share. ParseError when the text is not an article."""
    parsed = parse_article(text)
    return parsed, facts_of(parsed, acronyms, names, people)


def facts_of(
    parsed: ParsedArticle,
    acronyms: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    people: Mapping[str, str] | None = None,
) -> Extraction:
    """The facts a parsed page's body states, whatever kind of file the page came from."""
    year = parsed.published_on.year if parsed.published_on else None
    return extract(
        parsed.body,
        title=parsed.title,
        year=year,
        known_acronyms=acronyms,
        known_names=names,
        known_people=people,
    )


def prepare(source: Source) -> Prepared:
    """Read, check, parse and extract one file or WARC record. Needs no database."""
    try:
        loaded = load(source, _context["limit"])
        content_hash = hashlib.sha256(loaded.data).hexdigest()
        if _context["stored_hashes"].get(source.name) == content_hash:
            return Prepared(source, content_hash, unchanged=True)
        page = read(loaded)
        extraction = facts_of(
            page.parsed, _context["acronyms"], _context.get("names"), _context.get("people")
        )
        return Prepared(
            source,
            content_hash,
            page.raw_text,
            page.parsed,
            extraction,
            url=page.url,
            captured_at=page.captured_at,
            near_copy_keys=near_copies.keys(page.parsed.body),
        )
    except (ImportFileError, ParseError, OSError) as problem:
        return Prepared(source, error=str(problem))
    except Exception as problem:  # a bug must not stop the batch; it is reported by name
        return Prepared(source, error=f"unexpected {type(problem).__name__}: {problem}")


def _prepared(paths: list[Source], workers: int) -> Iterator[Prepared]:
    if workers < 1 or len(paths) < PARALLEL_FROM:
        yield from map(prepare, paths)
        return
    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ctx.Pool(
        workers,
        initializer=_set_context,
        initargs=(
            _context["stored_hashes"],
            _context["acronyms"],
            _context["limit"],
            _context.get("names"),
            _context.get("people"),
        ),
    ) as pool:
        yield from pool.imap(prepare, paths, chunksize=8)


def default_workers() -> int:
    """As many extracting workers as cores: this process waits on the database part of
    the time, so on two cores two workers and the writer keep both busy (measured)."""
    return max(1, min(4, os.cpu_count() or 1))


# -- the run ---------------------------------------------------------------------------------


class _DryRunRollback(Exception):
    pass


def import_files(
    paths: list[Path],
    *,
    publish: bool = False,
    dry_run: bool = False,
    workers: int | None = None,
    batch_size: int = BATCH_SIZE,
    on_start: Callable[[int], None] = lambda pages: None,
    on_progress: Callable[[str, str | None], None] = lambda label, error: None,
) -> ImportReport:
    """Import files in order, a WARC's pages in the order of its records. Acronyms are those
    the archive knew when the run began, so the result does not depend on how the work was
    spread over processes. A dry run imports the whole batch in one transaction and rolls
    it back, so its counts are true. `on_start` is told how many pages the files hold (the
    WARCs scanned), `on_progress` each page's name as it is done, with its error."""
    sources, records = expand(paths)
    on_start(len(sources))
    options = {
        "records": records,
        "publish": publish,
        "workers": workers,
        "batch_size": batch_size,
        "on_progress": on_progress,
    }
    if not dry_run:
        return _run(sources, **options)
    try:
        with transaction.atomic():
            report = _run(sources, **options)
            raise _DryRunRollback
    except _DryRunRollback:
        return report


def _tune_for_bulk_writes() -> None:
    if connection.vendor == "sqlite":
        # Copy the write-ahead log into the database every 40 MB, not every 4 MB: index
        # pages that many batches touch are then written back once (measured).
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_autocheckpoint = 10000")


def _run(sources, *, records, publish, workers, batch_size, on_progress) -> ImportReport:
    _tune_for_bulk_writes()
    report = ImportReport(records=records)
    run = ImportRun.objects.create()
    last_mention_before = _last_mention_id()
    state = RunState.load()
    _set_context(
        dict(state.hashes),
        known_acronyms(),
        settings.IMPORT_MAX_FILE_BYTES,
        known_names(),
        known_people(),
    )
    batch: list[Prepared] = []
    names_in_batch: set[str] = set()

    def flush() -> None:
        _write_batch(batch, state, report, publish=publish, on_progress=on_progress)
        batch.clear()
        names_in_batch.clear()

    for item in _prepared(sources, default_workers() if workers is None else workers):
        if {item.source.name, item.url_key} & names_in_batch:
            flush()  # the same file or page twice: the second must see the first written
        if state.hashes.get(item.source.name) == item.content_hash:
            item.unchanged = True  # read before, or earlier in this run
        elif item.url_key and state.urls.get(item.url_key, item.source.name) != item.source.name:
            item.same_page = True  # another file's article is this page: it stays as it is
        if item.error or item.unchanged or item.same_page:
            _report(report, item, item.error or None, on_progress)
            continue
        batch.append(item)
        names_in_batch.update(filter(None, (item.source.name, item.url_key)))
        if len(batch) >= batch_size:
            flush()
    flush()
    _record_run(run, report, last_mention_before)
    return report


def _last_mention_id() -> int:
    return Mention.objects.aggregate(last=Max("id"))["last"] or 0


def _record_run(run: ImportRun, report: ImportReport, last_mention_before: int) -> None:
    """What the run did, and the range of the mentions it wrote (archive.models.ImportRun)."""
    last = _last_mention_id()
    if last > last_mention_before:
        run.first_mention_id, run.last_mention_id = last_mention_before + 1, last
    run.pages = report.files
    run.summary = {f"{kind} {outcome}": n for (kind, outcome), n in report.changes.counts.items()}
    run.finished_at = timezone.now()
    run.save()


def _report(report: ImportReport, item: Prepared, error: str | None, on_progress) -> None:
    report.files += 1
    if error:
        report.failures.append((item.source.label, error))
        report.changes.add("article", "failed")
    elif item.unchanged:
        report.changes.add("article", "unchanged")
    elif item.same_page:
        report.changes.add("article", "known by URL")
    on_progress(item.source.label, error)


def _write_batch(
    batch: list[Prepared], state: RunState, report: ImportReport, *, publish, on_progress
) -> None:
    """Write a batch in one transaction. If anything in it fails, its files are written
    again one by one, each in its own transaction, so that only the bad file fails."""
    if not batch:
        return
    try:
        changes = _write(batch, state, publish=publish)
    except Exception as problem:
        if len(batch) > 1:
            for item in batch:
                _write_batch([item], state, report, publish=publish, on_progress=on_progress)
            return
        reason = (
            str(problem)
            if isinstance(problem, ImportFileError)
            else (f"unexpected {type(problem).__name__}: {problem}")
        )
        _report(report, batch[0], reason, on_progress)
        return
    report.changes.merge(changes)
    for item in batch:
        _report(report, item, None, on_progress)


def _write(batch: list[Prepared], state: RunState, *, publish: bool) -> Changes:
    for item in batch:
        duplicate = state.files_by_hash.get(item.content_hash)
        if duplicate is not None and duplicate != item.source.name:
            raise ImportFileError(f"the same text was already imported from {duplicate}")
    to_write = [
        ToWrite(
            item.parsed,
            item.extraction,
            item.text,
            item.content_hash,
            item.source.name,
            url=item.url,
            captured_at=item.captured_at,
            near_copy_keys=item.near_copy_keys,
        )
        for item in batch
    ]
    try:
        changes = write_batch(to_write, publish=publish, state=state)
    except BaseException:
        state.rollback()
        raise
    state.commit()
    return changes


def write_facts_again(articles: Iterable) -> Changes:
    """Extract and write the facts of stored articles from their stored text, as an
    import of their pages would: for a near-copy an editor kept, held until then without
    its facts. Loads the run's view of the database, like an import (a second or two at
    100,000 articles)."""
    state = RunState.load()
    acronyms, names, people = known_acronyms(), known_names(), known_people()
    items = []
    for article in articles:
        parsed = ParsedArticle(
            title=article.title,
            published_on=article.published_on,
            date_precision=article.date_precision,
            date_inferred=article.date_inferred,
            source=article.source,
            body=article.body,
            language=article.language,
        )
        items.append(
            ToWrite(
                parsed,
                facts_of(parsed, acronyms, names, people),
                article.raw_text,
                article.content_hash,
                article.source_file,
                url=article.url,
                captured_at=article.captured_at,
                near_copy_keys=bytes(article.near_copy_keys or b""),
            )
        )
    if not items:
        return Changes()
    try:
        changes = write_batch(items, publish=False, state=state)
    except BaseException:
        state.rollback()
        raise
    return changes
